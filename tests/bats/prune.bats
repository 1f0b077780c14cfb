#!/usr/bin/env bats
# prune.bats - 'kdumpcheck prune': retention (SPEC §4 [dump] keep, min_free) on
# dump directories in the RHEL and Debian layouts built from real makedumpfile
# output, with the things it must never delete.

bats_require_minimum_version 1.5.0
load helpers
load dumps

teardown() {
	umount_small
	# an immutable file left by a test would outlive it
	if [ -n "${IMMUTABLE:-}" ]; then
		chattr -i "$IMMUTABLE" 2>/dev/null || true
	fi
}

# The mixed dump directory most tests start from. With keep = 2 the verdicts are:
#   web1-2024-05-31-16:08:41/         complete, 1 hour old, tagged     newest complete: kept
#   202405311608/ (Debian)            complete, 2 days old             within keep: kept
#   web1-2024-05-30-10:00:00/         complete, 5 days old, tagged     beyond keep: deleted
#   202405290900/ (Debian, ELF)       complete, 6 days old             beyond keep: deleted
#   vmcore.1 (bare file + .json)      complete, 10 days old, tagged    beyond keep: deleted
#   web1-2024-06-01-00:00:00/         vmcore-incomplete, just written  young incomplete: kept
#   web1-2024-05-21-00:00:00/         truncated vmcore, sidecar says complete=false, 2 hours old: kept
#   web1-2024-05-20-00:00:00/         vmcore-incomplete, 3 days old    old incomplete: deleted
#   notes/vmcore                      not named like a dump directory: left alone
#   evil-2020-01-01-00:00:00 -> OUT   a link to a directory outside: left alone, not followed
#   web1-2019-01-01-00:00:00/vmcore -> OUT/vmcore   a dump file that is a link: left alone
#   testhost-2024-01-01-00:00:00-pstore/  pstore records: not a dump, left alone
#   README                            not a dump: left alone
mixed() {
	mkroot
	outside
	rhel_dump web1-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	tag "$CRASH/web1-2024-05-31-16:08:41"
	debian_dump 202405311608 kdump-lzo.vmcore '2 days ago'
	rhel_dump web1-2024-05-30-10:00:00 kdump-none.vmcore '5 days ago'
	tag "$CRASH/web1-2024-05-30-10:00:00"
	debian_dump 202405290900 elf64-mkd.vmcore '6 days ago'
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$CRASH/vmcore.1"
	touch -d '10 days ago' "$CRASH/vmcore.1"
	tag "$CRASH/vmcore.1"
	rhel_dump web1-2024-06-01-00:00:00 kdump-incomplete.vmcore 'now' vmcore-incomplete
	rhel_dump web1-2024-05-21-00:00:00 kdump-trunc-desc.vmcore '2 hours ago'
	tag "$CRASH/web1-2024-05-21-00:00:00"
	[ "$(jq -r .vmcore.complete "$CRASH/web1-2024-05-21-00:00:00/vmcore.json")" = false ]
	rhel_dump web1-2024-05-20-00:00:00 kdump-trunc-data.vmcore '3 days ago' vmcore-incomplete
	mkdir -p "$CRASH/notes"
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$CRASH/notes/vmcore"
	touch -d '30 days ago' "$CRASH/notes/vmcore"
	ln -s "$OUT" "$CRASH/evil-2020-01-01-00:00:00"
	mkdir -p "$CRASH/web1-2019-01-01-00:00:00"
	ln -s "$OUT/vmcore" "$CRASH/web1-2019-01-01-00:00:00/vmcore"
	mkdir -p "$CRASH/testhost-2024-01-01-00:00:00-pstore"
	echo 'Panic#1 Part1' >"$CRASH/testhost-2024-01-01-00:00:00-pstore/dmesg-ramoops-0"
	touch -d '100 days ago' "$CRASH/testhost-2024-01-01-00:00:00-pstore/dmesg-ramoops-0"
	echo 'dumps of web1' >"$CRASH/README"
}

@test "prune --dry-run lists what would go and why, and changes nothing" {
	mixed
	policy 2 0%
	before=$(listing)
	run kdc --root "$ROOT" -c "$POLICY" prune --dry-run
	[ "$status" -eq 0 ]
	[ "$(listing)" = "$before" ]
	[[ "$output" == *"would delete $CRASH/web1-2024-05-30-10:00:00 ("*"): complete, older than the newest 2 (keep = 2)"* ]]
	[[ "$output" == *"would delete $CRASH/202405290900 ("* ]]
	[[ "$output" == *"would delete $CRASH/vmcore.1 ("* ]]
	[[ "$output" == *"would delete $CRASH/web1-2024-05-20-00:00:00 ("*"): incomplete and older than a day"* ]]
	[[ "$output" == *"keep $CRASH/web1-2024-05-31-16:08:41 ("*"): the newest complete dump, never deleted"* ]]
	[[ "$output" == *"keep $CRASH/202405311608 ("*"): one of the newest 2 complete dumps"* ]]
	[[ "$output" == *"keep $CRASH/web1-2024-06-01-00:00:00 ("*"written less than a day ago"* ]]
	[[ "$output" == *"keep $CRASH/web1-2024-05-21-00:00:00 ("*"written less than a day ago"* ]]
	[[ "$output" == *"left alone $CRASH/notes: holds a dump but is not named like a dump directory"* ]]
	[[ "$output" == *"left alone $CRASH/evil-2020-01-01-00:00:00: a link, never followed"* ]]
	[[ "$output" == *"left alone $CRASH/web1-2019-01-01-00:00:00: its dump file is not a regular file"* ]]
	[[ "$output" == *"dry run, nothing changed: 4 of 8 dumps would go"* ]]
	[ "$(grep -c '^would delete' <<<"$output")" -eq 4 ]
}

@test "prune deletes what the dry run listed, and nothing else" {
	mixed
	policy 2 0%
	kdc --root "$ROOT" -c "$POLICY" prune --dry-run | sed -n 's/^would delete \([^ ]*\) .*/\1/p' | sort >"$BATS_TEST_TMPDIR/planned"
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	sed -n 's/^deleted \([^ ]*\) .*/\1/p' <<<"$output" | sort >"$BATS_TEST_TMPDIR/done"
	diff -u "$BATS_TEST_TMPDIR/planned" "$BATS_TEST_TMPDIR/done"
	[[ "$output" == *"pruned $CRASH: 4 of 8 dumps deleted"* ]]
	# gone, whole
	[ ! -e "$CRASH/web1-2024-05-30-10:00:00" ]
	[ ! -e "$CRASH/202405290900" ]
	[ ! -e "$CRASH/vmcore.1" ]
	[ ! -e "$CRASH/vmcore.1.json" ]
	[ ! -e "$CRASH/web1-2024-05-20-00:00:00" ]
	# kept, untouched
	[ -f "$CRASH/web1-2024-05-31-16:08:41/vmcore" ]
	[ -f "$CRASH/web1-2024-05-31-16:08:41/vmcore.json" ]
	[ -f "$CRASH/202405311608/dump.202405311608" ]
	[ -f "$CRASH/202405311608/dmesg.202405311608" ]
	[ -f "$CRASH/web1-2024-06-01-00:00:00/vmcore-incomplete" ]
	[ -f "$CRASH/web1-2024-05-21-00:00:00/vmcore" ]
	[ -f "$CRASH/notes/vmcore" ]
	[ -L "$CRASH/evil-2020-01-01-00:00:00" ]
	[ -L "$CRASH/web1-2019-01-01-00:00:00/vmcore" ]
	[ -f "$OUT/vmcore" ]
	[ -f "$CRASH/testhost-2024-01-01-00:00:00-pstore/dmesg-ramoops-0" ]
	[ -f "$CRASH/README" ]
	[ -d "$CRASH" ]
	# a second run has nothing left to do
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[[ "$output" == "nothing to delete in $CRASH: 4 dumps"* ]]
}

@test "prune keep=1 with the newest dump incomplete keeps it and the newest complete" {
	mkroot
	rhel_dump h-2024-06-01-00:00:00 kdump-incomplete.vmcore '10 minutes ago' vmcore-incomplete
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '3 days ago'
	rhel_dump h-2024-05-30-00:00:00 kdump-lzo.vmcore '4 days ago'
	policy 1 0%
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[ -f "$CRASH/h-2024-06-01-00:00:00/vmcore-incomplete" ]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore" ]
	[ ! -e "$CRASH/h-2024-05-30-00:00:00" ]
	[[ "$output" == *"deleted $CRASH/h-2024-05-30-00:00:00 ("* ]]
}

@test "prune: a dump directory holding other files loses its dump files but is kept, and says so" {
	mkroot
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	rhel_dump h-2024-05-30-00:00:00 kdump-lzo.vmcore '4 days ago'
	tag "$CRASH/h-2024-05-30-00:00:00"
	echo "ticket 4711" >"$CRASH/h-2024-05-30-00:00:00/analysis-notes.txt"
	echo 'reason' >"$CRASH/h-2024-05-30-00:00:00/vmcore-incomplete.reason"
	policy 1 0%
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[[ "$output" == *"kept the directory: it also holds analysis-notes.txt"* ]]
	[ "$(ls -A "$CRASH/h-2024-05-30-00:00:00")" = analysis-notes.txt ]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore" ]
}

@test "prune: a file that cannot be deleted is named, exit 1, the rest is still done" {
	mkroot
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	rhel_dump h-2024-05-30-00:00:00 kdump-lzo.vmcore '4 days ago'
	debian_dump 202405290000 kdump-none.vmcore '5 days ago'
	chattr +i "$CRASH/h-2024-05-30-00:00:00/vmcore" 2>/dev/null ||
		skip "chattr +i does not work here (not root, or a filesystem without it)"
	IMMUTABLE=$CRASH/h-2024-05-30-00:00:00/vmcore
	policy 1 0%
	run kdc --root "$ROOT" -c "$POLICY" prune
	chattr -i "$IMMUTABLE"
	[ "$status" -eq 1 ]
	[[ "$output" == *"kdumpcheck: prune: $CRASH/h-2024-05-30-00:00:00: cannot delete vmcore: Operation not permitted"* ]]
	[ -f "$CRASH/h-2024-05-30-00:00:00/vmcore" ]
	[ ! -e "$CRASH/202405290000" ]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore" ]
}

@test "prune: min_free as a size deletes oldest first, only as many as needed" {
	mkroot
	mount_small
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	rhel_dump h-2024-05-31-16:08:42 kdump-zlib.vmcore '2 days ago'
	rhel_dump h-2024-05-31-16:08:43 kdump-zlib.vmcore '3 days ago'
	rhel_dump h-2024-05-31-16:08:44 kdump-zlib.vmcore '4 days ago'
	# one byte more than is free: the oldest dump alone frees enough
	policy 10 $(($(avail) + 1))
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[[ "$output" == *"deleted $CRASH/h-2024-05-31-16:08:44 ("*"to bring free space up to min_free"* ]]
	[ "$(grep -c '^deleted' <<<"$output")" -eq 1 ]
	[ ! -e "$CRASH/h-2024-05-31-16:08:44" ]
	[ -d "$CRASH/h-2024-05-31-16:08:43" ]
	# a size that needs two more dumps' worth
	before=$(avail)
	size=$(($(du -B1 -s "$CRASH/h-2024-05-31-16:08:43" | cut -f1)))
	policy 10 $((before + size + 1))
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[ ! -e "$CRASH/h-2024-05-31-16:08:43" ]
	[ ! -e "$CRASH/h-2024-05-31-16:08:42" ]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore" ]
}

@test "prune: min_free impossible to reach still keeps the newest complete dump" {
	mkroot
	mount_small
	head -c 2M /dev/zero >"$CRASH/ballast"
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	rhel_dump h-2024-05-31-16:08:42 kdump-lzo.vmcore '2 days ago'
	debian_dump 202405310000 kdump-none.vmcore '3 days ago'
	rhel_dump h-2024-06-01-00:00:00 kdump-incomplete.vmcore 'now' vmcore-incomplete
	policy 10 90%
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[[ "$output" == *"kdumpcheck: prune: $CRASH: min_free = 90% ("*") cannot be reached"* ]]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore" ]
	[ -f "$CRASH/h-2024-06-01-00:00:00/vmcore-incomplete" ]
	[ ! -e "$CRASH/h-2024-05-31-16:08:42" ]
	[ ! -e "$CRASH/202405310000" ]
	[ -f "$CRASH/ballast" ]
}

@test "prune --dry-run on a small filesystem changes nothing" {
	mkroot
	mount_small
	head -c 2M /dev/zero >"$CRASH/ballast"
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	rhel_dump h-2024-05-31-16:08:42 kdump-lzo.vmcore '2 days ago'
	policy 10 90%
	before=$(listing)
	run kdc --root "$ROOT" -c "$POLICY" prune --dry-run
	[ "$status" -eq 0 ]
	[ "$(listing)" = "$before" ]
	[[ "$output" == *"would delete $CRASH/h-2024-05-31-16:08:42 ("*"min_free"* ]]
}

@test "prune with no dump directory: exit 0, says so" {
	mkroot
	rmdir "$CRASH"
	policy 2 10%
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[ "$output" = "no dump directory /var/crash: nothing to prune" ]
}

@test "prune under --root never calls this host's syslog" {
	mkroot
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	rhel_dump h-2024-05-30-00:00:00 kdump-lzo.vmcore '4 days ago'
	policy 1 0%
	no_syslog --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[[ "$output" == *"deleted $CRASH/h-2024-05-30-00:00:00"* ]]
}

@test "prune: usage errors" {
	mkroot
	run kdc --root "$ROOT" prune extra
	[ "$status" -eq 64 ]
	[[ "$output" == "kdumpcheck: prune: unexpected argument 'extra' (see --help)" ]]
	run kdc --root "$ROOT" prune --no-hash
	[ "$status" -eq 64 ]
	run kdc help prune
	[ "$status" -eq 0 ]
	[[ "$output" == *"--dry-run"* ]]
}

@test "prune and harvest: --dump-dir through the operator's own link works on the directory it names" {
	mkroot
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 day ago'
	rhel_dump h-2024-05-30-00:00:00 kdump-lzo.vmcore '4 days ago'
	policy 1 0%
	ln -s "$CRASH" "$BATS_TEST_TMPDIR/crashlink"
	run kdc --root "$ROOT" -c "$POLICY" --dump-dir "$BATS_TEST_TMPDIR/crashlink" harvest --no-hash
	[ "$status" -eq 0 ]
	[[ "$output" == *"deleted $CRASH/h-2024-05-30-00:00:00"* ]]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore.json" ]
}
