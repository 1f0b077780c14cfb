#!/usr/bin/env bats
# target-verbs.bats - harvest, prune, list and the test verdict where the
# host's dump target puts the dumps: a device target (UUID= in kdump.conf)
# through its mount point in /proc/mounts, or through --dump-dir; a target
# not mounted here is said and exits non-zero, never a false verdict.

bats_require_minimum_version 1.5.0
load helpers
load dumps

UUID=5d2a8f3e-1c4b-4a7e-9f0d-2b6c8e1a3f47
PENDING=/var/lib/kdumpcheck/test-pending
VERDICT=/var/lib/kdumpcheck/last-test.json

# devroot MOUNTED: a host whose kdump.conf names a device by UUID=, mounted on /kdump when MOUNTED is 1;
# CRASH is the dump directory on it (/kdump/var/crash).
devroot() {
	mkroot
	policy 5 0%
	mkdir -p "$ROOT/dev/disk/by-uuid" "$ROOT/proc" "$ROOT/kdump/var/crash"
	: >"$ROOT/dev/vdb1"
	ln -s ../../vdb1 "$ROOT/dev/disk/by-uuid/$UUID"
	printf 'xfs UUID=%s\npath /var/crash\ncore_collector makedumpfile -l --message-level 1 -d 31\n' "$UUID" \
		>"$ROOT/etc/kdump.conf"
	echo '/dev/mapper/centos-root / xfs rw,relatime 0 0' >"$ROOT/proc/mounts"
	[ "$1" = 0 ] || echo '/dev/vdb1 /kdump xfs rw,relatime,attr2,inode64,noquota 0 0' >>"$ROOT/proc/mounts"
	CRASH=$ROOT/kdump/var/crash
}

# pending STARTED_AT DUMP_DIR: the marker 'kdumpcheck test' writes before it crashes the host.
pending() {
	mkdir -p "$ROOT/var/lib/kdumpcheck"
	printf '{"schema": "kdumpcheck.test-pending/1", "started_at": "%s", "release": "6.1.0-18-amd64", "hostname": "testhost", "dump_dir": "%s"}\n' \
		"$1" "$2" >"$ROOT$PENDING"
}

@test "harvest on a mounted device target tags the dumps there and judges the test there" {
	devroot 1
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '2024-05-31T16:09:07Z'
	pending 2024-05-31T16:08:30Z /kdump/var/crash
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" harvest --no-hash --json
	[ "$status" -eq 0 ]
	[ "$(jq -r .status <<<"$output")" = harvested ]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore.json" ]
	[ "$(jq -r .verdict "$ROOT$VERDICT")" = success ]
	[ "$(jq -r .dump.path "$ROOT$VERDICT")" = /kdump/var/crash/h-2024-05-31-16:08:41/vmcore ]
	[ ! -e "$ROOT$PENDING" ]
}

@test "harvest on a device target not mounted here: exit 1, no verdict, the marker kept, nothing touched" {
	devroot 0
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '2024-05-31T16:09:07Z'
	pending 2024-05-31T16:08:30Z /kdump/var/crash
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" harvest --no-hash --json
	[ "$status" -eq 1 ]
	[ "$(jq -r .status <<<"$output")" = unreachable ]
	[ "$(jq -r .test.verdict <<<"$output")" = not_judged ]
	[ -e "$ROOT$PENDING" ]
	[ ! -e "$ROOT$VERDICT" ]
	[ ! -e "$CRASH/h-2024-05-31-16:08:41/vmcore.json" ]
	[[ "$stderr" == *"harvest: the dump target 'UUID=$UUID' is not mounted on this host: no dump harvested (give --dump-dir where it is mounted)"* ]]
}

@test "--dump-dir: harvest, list and prune work where the target is mounted elsewhere; the verdict is judged there" {
	devroot 0
	ELSE=$BATS_TEST_TMPDIR/elsewhere
	CRASH=$ELSE
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '2024-05-31T16:09:07Z'
	pending 2024-05-31T16:08:30Z /kdump/var/crash
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" --dump-dir "$ELSE" harvest --no-hash --json
	[ "$status" -eq 0 ]
	[ "$(jq -r .dump_dir <<<"$output")" = "$ELSE" ]
	[ -f "$ELSE/h-2024-05-31-16:08:41/vmcore.json" ]
	[ "$(jq -r .verdict "$ROOT$VERDICT")" = success ]
	run --separate-stderr kdc --root "$ROOT" list --json --dump-dir "$ELSE"
	[ "$status" -eq 0 ]
	[ "$(jq -r '.[0].path' <<<"$output")" = "$ELSE/h-2024-05-31-16:08:41/vmcore" ]
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" prune --json --dump-dir "$ELSE"
	[ "$status" -eq 0 ]
	[ "$(jq -r .status <<<"$output")" = pruned ]
	run --separate-stderr kdc --root "$ROOT" list --dump-dir "$BATS_TEST_TMPDIR/nowhere"
	[ "$status" -eq 1 ]
	[ "$stderr" = "kdumpcheck: list: --dump-dir $BATS_TEST_TMPDIR/nowhere: No such file or directory" ]
}

@test "prune and list on a device target not mounted here: exit 1, nothing deleted" {
	devroot 0
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 1 ]
	[ "$stderr" = "kdumpcheck: prune: the dump target 'UUID=$UUID' is not mounted on this host (nothing deleted)" ]
	run --separate-stderr kdc --root "$ROOT" list
	[ "$status" -eq 1 ]
	[ "$stderr" = "kdumpcheck: list: the dump target 'UUID=$UUID' is not mounted on this host" ]
	rm "$ROOT/dev/disk/by-uuid/$UUID"
	run --separate-stderr kdc --root "$ROOT" list
	[ "$status" -eq 1 ]
	[ "$stderr" = "kdumpcheck: list: the dump target 'UUID=$UUID' (/etc/kdump.conf) is not a device of this host" ]
}

@test "Debian NFS target mounted here: list and harvest find the HOSTTAG layout on the export" {
	mkroot
	policy 5 0%
	mkdir -p "$ROOT/etc/default" "$ROOT/proc" "$ROOT/mnt/nfs"
	printf 'USE_KDUMP=1\nKDUMP_COREDIR="/var/crash"\nNFS="nfs01.example.com:/export/crash"\nHOSTTAG=hostname\n' \
		>"$ROOT/etc/default/kdump-tools"
	echo 'nfs01.example.com:/export/crash /mnt/nfs nfs4 rw,relatime,vers=4.2,addr=10.0.0.9 0 0' >"$ROOT/proc/mounts"
	# kdump-tools mounts the export on KDUMP_COREDIR and writes HOSTTAG-STAMP/dump.STAMP at its top
	CRASH=$ROOT/mnt/nfs
	mkdir -p "$CRASH/web01-202405311608" "$CRASH/10.0.0.5-202405301200"
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$CRASH/web01-202405311608/dump.202405311608"
	cp "$DATA/dmesg/deb12-sysrq.txt" "$CRASH/web01-202405311608/dmesg.202405311608"
	cp "$DATA/vmcore/kdump-lzo.vmcore" "$CRASH/10.0.0.5-202405301200/dump.202405301200"
	run --separate-stderr kdc --root "$ROOT" list --json
	[ "$status" -eq 0 ]
	[ "$(jq -r '[.[].path] | sort | join(" ")' <<<"$output")" = \
		"$CRASH/10.0.0.5-202405301200/dump.202405301200 $CRASH/web01-202405311608/dump.202405311608" ]
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" harvest --no-hash --json
	[ "$status" -eq 0 ]
	[ "$(jq -r .dump_dir <<<"$output")" = "$CRASH" ]
	[ -f "$CRASH/web01-202405311608/dump.202405311608.json" ]
	[ -f "$CRASH/10.0.0.5-202405301200/dump.202405301200.json" ]
	# not mounted: said, exit 1
	: >"$ROOT/proc/mounts"
	run --separate-stderr kdc --root "$ROOT" list
	[ "$status" -eq 1 ]
	[ "$stderr" = "kdumpcheck: list: the dump target 'nfs01.example.com:/export/crash' is not mounted on this host" ]
}
