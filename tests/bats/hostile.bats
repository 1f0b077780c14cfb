#!/usr/bin/env bats
# hostile.bats - every input file of a ready CentOS 7 host, replaced in turn by
# hostile content (empty, binary with NUL bytes, one 1 MiB line, a truncated
# copy): the binary must not crash or hang, must still report every check, and
# the check that reads that file must not pass.

bats_require_minimum_version 1.5.0
load helpers

# FILE CHECK-ID: the check that must not pass when FILE is spoiled.
INPUTS="
/proc/cmdline crashkernel.cmdline
/sys/kernel/kexec_crash_size crashkernel.reserved
/proc/iomem crashkernel.reserved
/proc/meminfo crashkernel.size
/boot/grub2/grub.cfg crashkernel.persistent
/boot/grub2/grubenv crashkernel.persistent
/sys/kernel/kexec_crash_loaded kdump.loaded
/etc/kdump.conf kdump.config
/proc/sys/kernel/hung_task_panic sysctl.kernel.hung_task_panic
/proc/sys/kernel/panic sysctl.kernel.panic
/etc/sysctl.d/90-kdumpcheck.conf sysctl.persistent
/sys/kernel/notes debuginfo.buildid
/proc/sys/kernel/pid_max limits.pid_max
/proc/loadavg limits.threads_max
/proc/sys/kernel/threads-max limits.threads_max
/proc/sys/kernel/core_pattern limits.core_pattern
/proc/sys/kernel/tainted kernel.taint
"

# spoil ROOT FILE KIND: replace FILE (through a link: the link's target) with hostile content.
spoil() {
	local f="$1$2" kind=$3
	if [ -L "$f" ]; then f=$(readlink -f "$f"); fi
	case $kind in
	empty) : >"$f" ;;
	binary) printf '\177ELF\000\000\001\377\376crashkernel=\000256M\n\000\000' >"$f" ;;
	hugeline) head -c 1048576 /dev/zero | tr '\0' 'A' >"$f" ;;
	truncated) head -c 7 "$f" >"$f.cut" && mv "$f.cut" "$f" ;;
	esac
}

# judge KIND: spoil each input in a fresh copy and check the verdict.
judge() {
	local kind=$1 file id st
	while read -r file id; do
		[ -n "$file" ] || continue
		prepare_root el7-ready
		[ -e "$ROOT$file" ] || { echo "fixture lacks $file"; return 1; }
		# a file already shorter than the cut is not spoiled by it
		[ "$kind" = truncated ] && [ "$(tr -d "\n" <"$ROOT$file" | wc -c)" -le 7 ] && continue
		spoil "$ROOT" "$file" "$kind"
		run timeout 20 "$KDC" --root "$ROOT" check --json
		if [ "$status" -gt 2 ]; then
			echo "$kind $file: exit $status"
			echo "$output" | tail -n 5
			return 1
		fi
		[ "$(jq '.checks | length' <<<"$output")" -eq "$DEFAULT_NCHECKS" ] || { echo "$kind $file: not every check reported"; return 1; }
		st=$(jq -r --arg id "$id" '.checks[] | select(.id == $id) | .status' <<<"$output")
		if [ "$st" = pass ]; then
			echo "$kind $file: $id passed: $(jq -r --arg id "$id" '.checks[] | select(.id == $id) | .message' <<<"$output")"
			return 1
		fi
	done <<<"$INPUTS"
}

@test "hostile inputs: empty files" {
	judge empty
}

@test "hostile inputs: binary files with NUL bytes" {
	judge binary
}

@test "hostile inputs: one 1 MiB line" {
	judge hugeline
}

@test "hostile inputs: truncated to 7 bytes" {
	judge truncated
}

@test "hostile inputs: an empty root reports every check without a false pass or fail" {
	mkdir -p "$BATS_TEST_TMPDIR/empty"
	run kdc --root "$BATS_TEST_TMPDIR/empty" check --json
	[ "$status" -eq 0 ]
	[ "$(jq -r '[.checks[] | select(.status != "skip")] | length' <<<"$output")" -eq 0 ]
	[ "$(jq '.checks | length' <<<"$output")" -eq "$DEFAULT_NCHECKS" ]
}

@test "hostile inputs: a directory where a file should be" {
	prepare_root el7-ready
	rm -f "$ROOT/proc/cmdline" && mkdir "$ROOT/proc/cmdline"
	run kdc --root "$ROOT" --json
	[ "$status" -eq 2 ]
	[ "$(jq -r '.checks[0].status' <<<"$output")" = fail ]
	[[ "$(jq -r '.checks[0].message' <<<"$output")" == *"Is a directory"* ]]
}

@test "hostile inputs: a symlink loop" {
	prepare_root el7-ready
	rm -f "$ROOT/etc/kdump.conf"
	ln -s kdump.conf2 "$ROOT/etc/kdump.conf"
	ln -s kdump.conf "$ROOT/etc/kdump.conf2"
	run kdc --root "$ROOT" --json
	[ "$(jq -r '.checks[] | select(.id == "kdump.config") | .status' <<<"$output")" = fail ]
}

@test "hostile inputs: an unreadable file (not as root: skipped)" {
	[ "$(id -u)" -ne 0 ] || skip "root reads every file"
	prepare_root el7-ready
	chmod 000 "$ROOT/etc/kdump.conf"
	run kdc --root "$ROOT" --json
	[ "$(jq -r '.checks[] | select(.id == "kdump.config") | .status' <<<"$output")" = fail ]
}

# --- class 2: writes and deletes escape
# Work inside a dump directory goes through its descriptor (src/dirfd.c): a
# link planted there, or a directory swapped for one, never redirects a write
# or a delete. The swap in the middle of a prune is tested in
# tests/unit/test-dirfd.c (the directory moved between opening and deleting).
load dumps

# pstore_records: three records of a crash at 2025-01-02T03:04:05Z no dump covers.
pstore_records() {
	local ps=$ROOT/sys/fs/pstore
	mkdir -p "$ps"
	printf 'Panic#1 Part1\n<0>Kernel panic - not syncing: hung_task: blocked tasks\n' >"$ps/dmesg-ramoops-0"
	printf '[    0.000000] Linux version 6.1.0-18-amd64\n' >"$ps/console-ramoops-0"
	touch -d '2025-01-02T03:04:05Z' "$ps/dmesg-ramoops-0" "$ps/console-ramoops-0"
}

@test "hostile 2: harvest does not write pstore records through a link planted as its partial directory" {
	mkroot
	policy 5 0%
	outside
	pstore_records
	ln -s "$OUT" "$CRASH/.testhost-2025-01-02-03:04:05-pstore.partial"
	before=$(cd "$OUT" && ls -la --time-style=full-iso)
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[ "$(cd "$OUT" && ls -la --time-style=full-iso)" = "$before" ]
	[ ! -e "$OUT/dmesg-ramoops-0" ]
	saved=$CRASH/testhost-2025-01-02-03:04:05-pstore
	[ -d "$saved" ] && [ ! -L "$saved" ]
	cmp "$ROOT/sys/fs/pstore/dmesg-ramoops-0" "$saved/dmesg-ramoops-0"
	[ ! -e "$CRASH/.testhost-2025-01-02-03:04:05-pstore.partial" ]
}

@test "hostile 2: harvest refuses a link planted under the pstore directory's final name" {
	mkroot
	policy 5 0%
	outside
	pstore_records
	ln -s "$OUT" "$CRASH/testhost-2025-01-02-03:04:05-pstore"
	before=$(listing)
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 1 ]
	[[ "$output" == *"cannot save the pstore records"*"a file or link of that name is in the way"* ]]
	[ "$(listing)" = "$before" ]
}

@test "hostile 2: tag replaces a link planted as the sidecar, never writes through it" {
	mkroot
	outside
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	echo precious >"$OUT/victim"
	ln -s "$OUT/victim" "$CRASH/h-2024-05-31-16:08:41/vmcore.json"
	run kdc --root "$ROOT" tag --no-hash "$CRASH/h-2024-05-31-16:08:41"
	[ "$status" -eq 0 ]
	[ "$(cat "$OUT/victim")" = precious ]
	[ ! -L "$CRASH/h-2024-05-31-16:08:41/vmcore.json" ]
	[ "$(jq -r .schema "$CRASH/h-2024-05-31-16:08:41/vmcore.json")" = kdumpcheck.vmcore/1 ]
}

@test "hostile 2: prune deletes nothing through a dump directory or dump file that is a link" {
	mkroot
	policy 1 0%
	outside
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	mkdir -p "$OUT/h-2020-01-01-00:00:00"
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$OUT/h-2020-01-01-00:00:00/vmcore"
	touch -d '400 days ago' "$OUT/h-2020-01-01-00:00:00/vmcore"
	ln -s "$OUT/h-2020-01-01-00:00:00" "$CRASH/h-2020-01-01-00:00:00"
	ln -s "$OUT/vmcore" "$CRASH/vmcore.1"
	before=$(cd "$BATS_TEST_TMPDIR" && find outside -printf '%p %y %s %T@\n' | LC_ALL=C sort)
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[ "$(cd "$BATS_TEST_TMPDIR" && find outside -printf '%p %y %s %T@\n' | LC_ALL=C sort)" = "$before" ]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore" ]
}

# --- class 8: a failed capture disappears (list and harvest)
# A capture that failed at once leaves only its kernel log and a reason: list
# shows the directory (no vmcore, the reason), harvest says so on every run.

# failed_capture NAME: CRASH/NAME with vmcore-dmesg.txt and vmcore-incomplete.reason only.
failed_capture() {
	mkdir -p "$CRASH/$1"
	cp "$DATA/dmesg/deb12-sysrq.txt" "$CRASH/$1/vmcore-dmesg.txt"
	echo "makedumpfile: invalid option -- 'q'" >"$CRASH/$1/vmcore-incomplete.reason"
	touch -d '2024-05-31T16:10:00Z' "$CRASH/$1/vmcore-dmesg.txt" "$CRASH/$1/vmcore-incomplete.reason"
}

@test "hostile 8: list shows a dump directory whose capture wrote no dump file, with the reason" {
	mkroot
	failed_capture 127.0.0.1-2024-05-31-16:08:41
	run kdc --root "$ROOT" list
	[ "$status" -eq 0 ]
	[[ "$output" != *"no dumps"* ]]
	[[ "$output" == *"NONE"*"$CRASH/127.0.0.1-2024-05-31-16:08:41 (no vmcore: makedumpfile: invalid option -- 'q')"* ]]
	run kdc --root "$ROOT" --json list
	[ "$status" -eq 0 ]
	[ "$(jq -r '.[0].status' <<<"$output")" = "no vmcore" ]
	[ "$(jq -r '.[0].complete' <<<"$output")" = false ]
	[ "$(jq -r '.[0].note' <<<"$output")" = "makedumpfile: invalid option -- 'q'" ]
	[ "$(jq -r '.[0].host' <<<"$output")" = 127.0.0.1 ]
}

@test "hostile 8: harvest reports a capture that wrote no dump file, on every run, and prune leaves it" {
	mkroot
	policy 1 0%
	failed_capture 127.0.0.1-2024-05-31-16:08:41
	for i in 1 2; do
		run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
		[ "$status" -eq 0 ]
		[[ "$output" != *"nothing to do"* ]]
		[[ "$output" == *"$CRASH/127.0.0.1-2024-05-31-16:08:41: the capture wrote no dump file: makedumpfile: invalid option -- 'q'"* ]]
		[[ "$output" == *"1 dump directory without a readable dump file"* ]]
	done
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" --json harvest --no-hash
	[ "$(jq -r '.dumps[0].action' <<<"$output")" = no_vmcore ]
	[ "$(jq -r '.summary.no_vmcore' <<<"$output")" = 1 ]
	run kdc --root "$ROOT" -c "$POLICY" -v prune
	[ "$status" -eq 0 ]
	[ -f "$CRASH/127.0.0.1-2024-05-31-16:08:41/vmcore-dmesg.txt" ]
}

@test "hostile 8: a FIFO named like a dump file is listed as unreadable, never opened" {
	mkroot
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	mkfifo "$CRASH/vmcore.1" "$CRASH/h-2024-05-31-16:08:41/vmcore.json"
	run timeout 20 "$KDC" --root "$ROOT" list
	[ "$status" -eq 0 ]
	[[ "$output" == *"ERROR"*"$CRASH/vmcore.1 (unreadable: not a regular file)"* ]]
	[[ "$output" == *"$CRASH/h-2024-05-31-16:08:41/vmcore (its sidecar is not a regular file)"* ]]
}

# --- class 9: no locking, and cost per dump
# The timed figures (20,000 dumps) are in 'make bench' (tests/bench.sh); here
# the behaviour: the lock serialises, a current sidecar spawns nothing.

@test "hostile 9: harvest waits for the holder of the dump directory's lock, then runs" {
	mkroot
	policy 5 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	flock "$CRASH" sh -c "echo held >'$BATS_TEST_TMPDIR/held'; sleep 2; touch '$BATS_TEST_TMPDIR/released'" &
	for _ in $(seq 50); do [ -e "$BATS_TEST_TMPDIR/held" ] && break; sleep 0.1; done
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	wait
	[ "$status" -eq 0 ]
	[[ "$output" == *"1 tagged"* ]]
	# the sidecar came after the holder let go
	[ "$CRASH/h-2024-05-31-16:08:41/vmcore.json" -nt "$BATS_TEST_TMPDIR/held" ]
	[ ! "$CRASH/h-2024-05-31-16:08:41/vmcore.json" -ot "$BATS_TEST_TMPDIR/released" ]
	# nothing of the lock is left in the directory
	[ "$(ls -A "$CRASH")" = h-2024-05-31-16:08:41 ]
}

@test "hostile 9: harvest spawns no makedumpfile for dumps whose sidecars are current" {
	mkroot
	policy 5 0%
	for i in 1 2 3; do
		rhel_dump "h-2024-05-31-16:08:4$i" kdump-zlib.vmcore "$i hours ago"
		rm "$CRASH/h-2024-05-31-16:08:4$i/vmcore-dmesg.txt"
	done
	cat >"$BATS_TEST_TMPDIR/makedumpfile" <<-STANDIN
	#!/bin/sh
	echo "\$*" >>"$BATS_TEST_TMPDIR/spawned"
	exit 1
	STANDIN
	chmod +x "$BATS_TEST_TMPDIR/makedumpfile"
	export KDUMPCHECK_MAKEDUMPFILE=$BATS_TEST_TMPDIR/makedumpfile
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[[ "$output" == *"3 tagged"* ]]
	# without a saved kernel log, tagging asks makedumpfile for it: the stand-in is used
	[ -s "$BATS_TEST_TMPDIR/spawned" ]
	rm "$BATS_TEST_TMPDIR/spawned"
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[[ "$output" == "nothing to do in $CRASH"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/spawned" ]
	run kdc --root "$ROOT" list
	[ "$status" -eq 0 ]
	[ ! -e "$BATS_TEST_TMPDIR/spawned" ]
}
