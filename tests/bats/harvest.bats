#!/usr/bin/env bats
# harvest.bats - 'kdumpcheck harvest', the post-reboot hook: tagging in both
# layouts, leftover vmcore-incomplete, pstore records, the verdict of a pending
# crash test, retention, and running twice.

bats_require_minimum_version 1.5.0
load helpers
load dumps

PENDING=/var/lib/kdumpcheck/test-pending
VERDICT=/var/lib/kdumpcheck/last-test.json

# pending STARTED_AT: the marker 'kdumpcheck test' writes before it crashes the host.
pending() {
	mkdir -p "$ROOT/var/lib/kdumpcheck"
	printf '{\n  "schema": "kdumpcheck.test-pending/1",\n  "started_at": "%s",\n  "release": "6.1.0-18-amd64",\n  "hostname": "testhost",\n  "dump_dir": "/var/crash"\n}\n' \
		"$1" >"$ROOT$PENDING"
}

verdict() { jq -r "$1" "$ROOT$VERDICT"; }

@test "harvest tags new dumps in both layouts, flags vmcore-incomplete; a second run has nothing to do" {
	mkroot
	policy 5 0%
	rhel_dump 192.168.122.5-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	debian_dump 202405311608 kdump-lzo.vmcore '2 hours ago'
	rhel_dump 192.168.122.5-2024-05-31-18:00:00 kdump-trunc-data.vmcore '10 minutes ago' vmcore-incomplete
	echo 'makedumpfile: No space left on device' >"$CRASH/192.168.122.5-2024-05-31-18:00:00/vmcore-incomplete.reason"
	# already tagged and current: left alone
	rhel_dump 192.168.122.5-2024-05-30-00:00:00 kdump-none.vmcore '1 day ago'
	tag "$CRASH/192.168.122.5-2024-05-30-00:00:00"
	old=$(stat -c '%i %Y' "$CRASH/192.168.122.5-2024-05-30-00:00:00/vmcore.json")
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[ -f "$CRASH/192.168.122.5-2024-05-31-16:08:41/vmcore.json" ]
	[ -f "$CRASH/202405311608/dump.202405311608.json" ]
	[ -f "$CRASH/192.168.122.5-2024-05-31-18:00:00/vmcore-incomplete.json" ]
	[ "$(stat -c '%i %Y' "$CRASH/192.168.122.5-2024-05-30-00:00:00/vmcore.json")" = "$old" ]
	[ "$(jq -r .crash.class "$CRASH/202405311608/dump.202405311608.json")" = sysrq ]
	[ "$(jq -r .vmcore.complete "$CRASH/192.168.122.5-2024-05-31-18:00:00/vmcore-incomplete.json")" = false ]
	# one summary line per dump tagged
	[[ "$output" == *"dump $CRASH/192.168.122.5-2024-05-31-16:08:41/vmcore: kernel 6.1.0-18-amd64, crashed 2024-05-31T16:08:37Z (class sysrq), 21.0K, complete, tagged"* ]]
	[[ "$output" == *"dump $CRASH/202405311608/dump.202405311608: kernel 6.1.0-18-amd64"*"complete, tagged"* ]]
	[ "$(grep -c '^dump ' <<<"$output")" -eq 3 ]
	[[ "$output" == *"harvest $CRASH: 3 tagged, 1 incomplete, 0 pstore saved, 0 test verdict, 0 deleted"* ]]
	# the leftover is flagged loudly, with the reason collect left beside it
	[[ "$stderr" == *"kdumpcheck: harvest: leftover $CRASH/192.168.122.5-2024-05-31-18:00:00/vmcore-incomplete ("*"): the capture did not finish: makedumpfile: No space left on device"* ]]

	before=$(listing)
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[ "$output" = "nothing to do in $CRASH: every dump is tagged, no pstore record or pending test is new" ]
	[[ "$stderr" == *"leftover $CRASH/192.168.122.5-2024-05-31-18:00:00/vmcore-incomplete"* ]]
	[ "$(listing)" = "$before" ]
}

@test "harvest with no dump directory: exit 0, says so" {
	mkroot
	rmdir "$CRASH"
	policy 5 10%
	run kdc --root "$ROOT" -c "$POLICY" harvest
	[ "$status" -eq 0 ]
	[ "$output" = "no dump directory /var/crash: no dump to harvest" ]
	[ ! -e "$CRASH" ]
}

@test "harvest with an empty dump directory: nothing to do" {
	mkroot
	policy 5 10%
	run kdc --root "$ROOT" -c "$POLICY" harvest
	[ "$status" -eq 0 ]
	[ "$output" = "nothing to do in $CRASH: every dump is tagged, no pstore record or pending test is new" ]
}

@test "harvest saves pstore records of a crash no vmcore covers, once" {
	mkroot
	policy 5 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '2024-05-31T16:09:00Z'
	ps=$ROOT/sys/fs/pstore
	mkdir -p "$ps"
	printf 'Panic#1 Part1\n<0>[  342.187235] Kernel panic - not syncing: hung_task: blocked tasks\n' >"$ps/dmesg-ramoops-0"
	printf 'Oops#1 Part1\n<4>[  341.2] WARNING: CPU: 1 PID: 38 at kernel/hung_task.c\n' >"$ps/dmesg-ramoops-1"
	printf '[    0.000000] Linux version 6.1.0-18-amd64\n' >"$ps/console-ramoops-0"
	touch -d '2025-01-02T03:04:05Z' "$ps/dmesg-ramoops-0"
	touch -d '2025-01-02T03:04:01Z' "$ps/dmesg-ramoops-1"
	touch -d '2025-01-02T03:10:00Z' "$ps/console-ramoops-0"
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	saved=$CRASH/testhost-2025-01-02-03:04:05-pstore
	[[ "$output" == *"pstore $saved: 3 records of a crash at 2025-01-02T03:04:05Z with no vmcore, saved"* ]]
	[ "$(stat -c %a "$saved")" = 700 ]
	for f in dmesg-ramoops-0 dmesg-ramoops-1 console-ramoops-0; do
		cmp "$ps/$f" "$saved/$f"
		[ "$(stat -c %a "$saved/$f")" = 600 ]
	done
	[ "$(ls -A "$CRASH" | grep -c pstore)" -eq 1 ]
	# the records stay where the kernel keeps them
	[ -f "$ps/dmesg-ramoops-0" ]
	# not a dump: list and prune leave it alone
	run kdc --root "$ROOT" -c "$POLICY" list
	[[ "$output" != *pstore* ]]
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[[ "$output" == "nothing to do in $CRASH"* ]]
	[ "$(ls -A "$CRASH" | grep -c pstore)" -eq 1 ]
}

@test "harvest does not copy pstore records of a crash a vmcore covers" {
	mkroot
	policy 5 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '2024-05-31T16:09:00Z'
	mkdir -p "$ROOT/sys/fs/pstore"
	printf 'Panic#1 Part1\n<0>Kernel panic - not syncing: sysrq triggered crash\n' >"$ROOT/sys/fs/pstore/dmesg-efi-171717171701001"
	# the dump crashed at 16:08:37; the record was written 3 s later
	touch -d '2024-05-31T16:08:40Z' "$ROOT/sys/fs/pstore/dmesg-efi-171717171701001"
	run kdc --root "$ROOT" -c "$POLICY" -v harvest --no-hash
	[ "$status" -eq 0 ]
	[[ "$output" == *"pstore records of 2024-05-31T16:08:40Z: the dump $CRASH/h-2024-05-31-16:08:41/vmcore covers that crash"* ]]
	! ls "$CRASH" | grep -q pstore
}

@test "harvest turns a pending test into a success verdict with the dump, its size and capture time" {
	mkroot
	policy 5 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '2024-05-31T16:09:07Z'
	# an older dump does not answer the test
	rhel_dump h-2024-05-01-00:00:00 kdump-lzo.vmcore '2024-05-01T00:01:00Z'
	pending 2024-05-31T16:08:30Z
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[ ! -e "$ROOT$PENDING" ]
	[ "$(verdict .schema)" = kdumpcheck.test/1 ]
	[ "$(verdict .verdict)" = success ]
	[ "$(verdict .tested_at)" = 2024-05-31T16:08:30Z ]
	[[ "$(verdict .verdict_at)" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]]
	[ "$(verdict .reason)" = null ]
	[ "$(verdict .dump.path)" = /var/crash/h-2024-05-31-16:08:41/vmcore ]
	[ "$(verdict .dump.size_bytes)" = "$(stat -c %s "$DATA/vmcore/kdump-zlib.vmcore")" ]
	[ "$(verdict .dump.complete)" = true ]
	[ "$(verdict .dump.capture_seconds)" = 30 ]
	[[ "$output" == *"crash test of 2024-05-31T16:08:30Z: success, dump $CRASH/h-2024-05-31-16:08:41/vmcore (21.0K), captured in 30 s"* ]]
	# check's kdump.tested reads it
	run kdc --root "$ROOT" -c "$POLICY" check --json
	[ "$(jq -r '.checks[] | select(.id == "kdump.tested") | .message' <<<"$output")" = \
		"the last crash test (2024-05-31T16:08:30Z) captured a dump" ]
	# the verdict is written once
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[[ "$output" == "nothing to do in $CRASH"* ]]
}

@test "harvest writes a failure verdict when no dump is newer than the test" {
	mkroot
	policy 5 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '2024-05-31T16:09:07Z'
	pending 2024-06-02T10:00:00Z
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[ ! -e "$ROOT$PENDING" ]
	[ "$(verdict .verdict)" = failure ]
	[ "$(verdict .tested_at)" = 2024-06-02T10:00:00Z ]
	[ "$(verdict .reason)" = "no dump newer than the test (started 2024-06-02T10:00:00Z) in /var/crash" ]
	[ "$(verdict .dump)" = null ]
	[[ "$stderr" == *"kdumpcheck: harvest: crash test of 2024-06-02T10:00:00Z: FAILURE: no dump newer than the test"* ]]
	run kdc --root "$ROOT" -c "$POLICY" check --json
	[ "$(jq -r '.checks[] | select(.id == "kdump.tested") | .status' <<<"$output")" = warn ]
}

@test "harvest: a test whose only dump is incomplete fails, naming the dump" {
	mkroot
	policy 5 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-trunc-data.vmcore '2024-05-31T16:09:07Z' vmcore-incomplete
	pending 2024-05-31T16:08:00Z
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[ "$(verdict .verdict)" = failure ]
	[ "$(verdict .reason)" = "the dump of the test crash is incomplete: /var/crash/h-2024-05-31-16:08:41/vmcore-incomplete" ]
	[ "$(verdict .dump.complete)" = false ]
	[ "$(verdict .dump.path)" = /var/crash/h-2024-05-31-16:08:41/vmcore-incomplete ]
}

@test "harvest: a pending marker that does not parse still gives a dated failure" {
	mkroot
	policy 5 0%
	mkdir -p "$ROOT/var/lib/kdumpcheck"
	printf '{"schema": "kdumpcheck.test-pending/1", "started_' >"$ROOT$PENDING"
	touch -d '2024-05-31T16:08:00Z' "$ROOT$PENDING"
	run kdc --root "$ROOT" -c "$POLICY" harvest
	[ "$status" -eq 0 ]
	[ "$(verdict .verdict)" = failure ]
	[ "$(verdict .tested_at)" = 2024-05-31T16:08:00Z ]
	[[ "$(verdict .reason)" == "the pending marker /var/lib/kdumpcheck/test-pending does not parse"* ]]
	[ ! -e "$ROOT$PENDING" ]
}

@test "harvest with a pending test and no dump directory writes the failure" {
	mkroot
	rmdir "$CRASH"
	policy 5 0%
	pending 2024-05-31T16:08:00Z
	run kdc --root "$ROOT" -c "$POLICY" harvest
	[ "$status" -eq 0 ]
	[ "$(verdict .verdict)" = failure ]
	[ "$(verdict .reason)" = "the dump directory /var/crash does not exist" ]
}

@test "harvest applies retention after tagging" {
	mkroot
	policy 1 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	rhel_dump h-2024-05-31-16:08:42 kdump-lzo.vmcore '2 days ago'
	debian_dump 202405310000 kdump-none.vmcore '3 days ago'
	mkdir -p "$CRASH/notes"
	echo keep >"$CRASH/notes/README"
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[[ "$output" == *"deleted $CRASH/h-2024-05-31-16:08:42 ("* ]]
	[[ "$output" == *"deleted $CRASH/202405310000 ("* ]]
	[[ "$output" == *"3 tagged, 0 incomplete, 0 pstore saved, 0 test verdict, 2 deleted"* ]]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore.json" ]
	[ -f "$CRASH/notes/README" ]
}

@test "harvest: a foreign file named like a dump fails to tag, exit 1, the rest is done" {
	mkroot
	policy 5 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	mkdir -p "$CRASH/h-2024-05-01-00:00:00"
	cp "$DATA/vmcore/foreign-text" "$CRASH/h-2024-05-01-00:00:00/vmcore"
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"kdumpcheck: harvest: $CRASH/h-2024-05-01-00:00:00/vmcore: cannot tag: "* ]]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore.json" ]
}

@test "harvest under --root never calls this host's syslog" {
	mkroot
	policy 1 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	rhel_dump h-2024-05-30-00:00:00 kdump-incomplete.vmcore '3 days ago' vmcore-incomplete
	pending 2024-05-31T16:08:00Z
	no_syslog --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[[ "$output" == *"tagged"* ]]
	[[ "$output" == *"leftover"* ]]
	[[ "$output" == *"crash test"* ]]
}

@test "harvest: usage errors" {
	mkroot
	run kdc --root "$ROOT" harvest extra
	[ "$status" -eq 64 ]
	[[ "$output" == "kdumpcheck: harvest: unexpected argument 'extra' (see --help)" ]]
	run kdc --root "$ROOT" harvest --dry-run
	[ "$status" -eq 64 ]
	run kdc help harvest
	[ "$status" -eq 0 ]
	[[ "$output" == *"/sys/fs/pstore"* ]]
}

@test "harvest completes a sidecar written without the hash (the kdump_post hook's) and one naming another path" {
	mkroot
	policy 5 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore 2024-05-31T16:09:00Z
	d=$CRASH/h-2024-05-31-16:08:41
	run kdc --root "$ROOT" -c "$POLICY" tag --no-hash "$d"
	[ "$(jq -r .vmcore.sha256 "$d/vmcore.json")" = null ]
	run kdc --root "$ROOT" -c "$POLICY" harvest
	[ "$status" -eq 0 ]
	[ "$(jq -r .vmcore.sha256 "$d/vmcore.json")" = "$(sha256sum "$d/vmcore" | cut -d' ' -f1)" ]
	# a sidecar written in the capture kernel names the dump as it was mounted there
	jq '.vmcore.path = "/sysroot/var/crash/h-2024-05-31-16:08:41/vmcore"' "$d/vmcore.json" >"$d/x" && mv "$d/x" "$d/vmcore.json"
	touch -d '+1 minute' "$d/vmcore.json"
	run kdc --root "$ROOT" -c "$POLICY" harvest
	[ "$(jq -r .vmcore.path "$d/vmcore.json")" = "$d/vmcore" ]
	# now current: nothing to do
	run kdc --root "$ROOT" -c "$POLICY" harvest
	[[ "$output" == "nothing to do in $CRASH"* ]]
}
