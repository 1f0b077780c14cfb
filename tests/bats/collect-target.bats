#!/usr/bin/env bats
# collect-target.bats - 'kdumpcheck collect' into a device target (its mount
# point, the host's failure action when it is missing, unmountable or full)
# and [dump] make_room, with the real makedumpfile on an ELF /proc/vmcore image
# (tests/unit/data/vmcore/elf64-x86_64.vmcore). Mounting a device ourselves
# happens only on the live root (the capture kernel): tests/vm's uuid scenario.

bats_require_minimum_version 1.5.0
load helpers

DATA="$BATS_TEST_DIRNAME/../unit/data"
IMG="$DATA/vmcore/elf64-x86_64.vmcore"
UUID=6b1e3f2a-9c4d-4e7f-8a21-5d3c0b9e7f10

# the whole real dump of tests/vmcores (23 MiB), for the tests that need its kernel log
setup_file() {
	xz -dc "$BATS_TEST_DIRNAME/../vmcores/sysrq.kdump.xz" >"$BATS_FILE_TMPDIR/sysrq.kdump"
}
REAL() { printf '%s\n' "$BATS_FILE_TMPDIR/sysrq.kdump"; }

# a root of its own for the runs that name --vmcore and --target: never this machine's /etc
setup() {
	BARE="$BATS_TEST_TMPDIR/bare"
	mkdir -p "$BARE/etc"
}

teardown() {
	if [ -n "${MNT:-}" ] && mountpoint -q "$MNT"; then umount "$MNT"; fi
}

# the dump directories under $1, one a line
dumpdirs() { find "$1" -mindepth 1 -maxdepth 1 -type d | sort; }

# a capture-kernel root: el7-ready with a vmcore ($2, default the ELF image) and the target line $1 in kdump.conf
capture_root() {
	prepare_root el7-ready
	mkdir -p "$ROOT/proc" "$ROOT/dev"
	ln "${2:-$IMG}" "$ROOT/proc/vmcore" 2>/dev/null || cp "${2:-$IMG}" "$ROOT/proc/vmcore"
	printf '%s\n' "$1" >>"$ROOT/etc/kdump.conf"
}

# a small tmpfs at $1 (root only): $2 in KiB
small_fs() {
	[ "$(id -u)" -eq 0 ] || skip "mounting a small tmpfs needs root"
	MNT=$1
	mkdir -p "$MNT"
	mount -t tmpfs -o "size=$2k" tmpfs "$MNT" || skip "cannot mount tmpfs here"
}

@test "collect: a mounted device target is written under its mount point, and says so" {
	capture_root "ext4 /dev/vdb1"
	: >"$ROOT/dev/vdb1"
	mkdir -p "$ROOT/mnt/crash"
	printf '/dev/vda1 / xfs rw 0 0\n/dev/vdb1 /mnt/crash ext4 rw,relatime 0 0\n' >"$ROOT/proc/mounts"
	run --separate-stderr kdc --root "$ROOT" --json collect
	[ "$status" -eq 0 ]
	d=$(dumpdirs "$ROOT/mnt/crash/var/crash")
	[ -s "$d/vmcore" ]
	[ ! -e "$ROOT/var/crash" ] || [ -z "$(ls "$ROOT/var/crash")" ]
	[ "$(jq -r .complete <<<"$output")" = true ]
	[ "$(jq -r .target.used <<<"$output")" = target ]
	[ "$(jq -r .target.line <<<"$output")" = "ext4 /dev/vdb1" ]
	[ "$(jq -r .target.mount <<<"$output")" = /mnt/crash ]
	[ "$(jq -r .target.mounted_by_collect <<<"$output")" = false ]
	[[ "$(jq -r .target.reason <<<"$output")" == *"mounted at /mnt/crash (/proc/mounts line 2)"* ]]
	[ "$(jq -r .target.used "$d/vmcore.json")" = target ]
	[ "$(jq -r .target.kind "$d/vmcore.json")" = device ]
	[ "$(jq -r .vmcore.complete "$d/vmcore.json")" = true ]
}

@test "collect: a device target not mounted under a foreign --root is refused, nothing written" {
	capture_root "ext4 /dev/vdb1"
	: >"$ROOT/dev/vdb1"
	printf '/dev/vda1 / xfs rw 0 0\n' >"$ROOT/proc/mounts"
	run --separate-stderr kdc --root "$ROOT" collect
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"the dump target 'ext4 /dev/vdb1' (/etc/kdump.conf) is not mounted under --root $ROOT"*"--root /"*"nothing collected"* ]]
	[ ! -e "$ROOT/var/crash" ] || [ -z "$(ls "$ROOT/var/crash")" ]
	[ ! -e "$ROOT/kdumproot" ]
}

@test "collect: a missing device target with failure_action dump_to_rootfs saves the dump in path on /" {
	capture_root "ext4 UUID=$UUID"
	printf 'failure_action dump_to_rootfs\n' >>"$ROOT/etc/kdump.conf"
	printf '/dev/vda1 / xfs rw 0 0\n' >"$ROOT/proc/mounts"
	run --separate-stderr kdc --root "$ROOT" --json collect
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"saved on the root filesystem"*"is not on this host"* ]]
	d=$(dumpdirs "$ROOT/var/crash")
	[ -s "$d/vmcore" ]
	[ "$(jq -r .target.used <<<"$output")" = "rootfs fallback" ]
	[ "$(jq -r .target.failure_action <<<"$output")" = dump_to_rootfs ]
	[[ "$(jq -r .target.reason <<<"$output")" == *"'ext4 UUID=$UUID' is not on this host (no such device)"*"failure_action dump_to_rootfs"* ]]
	[ "$(jq -r .target.device "$d/vmcore.json")" = null ]
	[ "$(jq -r .target.used "$d/vmcore.json")" = "rootfs fallback" ]
}

@test "collect: a missing device target with the default failure action keeps the kernel log and says the host reboots" {
	capture_root "xfs LABEL=crash" "$(REAL)"
	printf '/dev/vda1 / xfs rw 0 0\n' >"$ROOT/proc/mounts"
	run --separate-stderr kdc --root "$ROOT" --json collect
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"'xfs LABEL=crash' is not on this host"*"no dump is written, the host reboots"* ]]
	d=$(dumpdirs "$ROOT/var/crash")
	[ -s "$d/vmcore-dmesg.txt" ]
	[ ! -e "$d/vmcore" ] && [ ! -e "$d/vmcore-incomplete" ]
	grep -q "^dump target: xfs LABEL=crash (/etc/kdump.conf line " "$d/vmcore-incomplete.reason"
	grep -q "^used: none (kernel log only): " "$d/vmcore-incomplete.reason"
	grep -q "^when saving fails the host reboots (the capture environment does it) (/etc/kdump.conf: no failure_action" "$d/vmcore-incomplete.reason"
	[ "$(jq -r .complete <<<"$output")" = false ]
	[ "$(jq -r .target.used <<<"$output")" = null ]
	[ "$(jq -r .target.failure_action <<<"$output")" = reboot ]
	[ "$(jq -r .dmesg <<<"$output")" = "$d/vmcore-dmesg.txt" ]
}

@test "collect: failure_action halt is recorded as what the host does" {
	capture_root "ext4 UUID=$UUID"
	printf 'failure_action halt\n' >>"$ROOT/etc/kdump.conf"
	run --separate-stderr kdc --root "$ROOT" collect
	[ "$status" -eq 1 ]
	d=$(dumpdirs "$ROOT/var/crash")
	grep -q "^when saving fails the host halts (the capture environment does it) (/etc/kdump.conf:[0-9]*: failure_action halt)" "$d/vmcore-incomplete.reason"
}

@test "collect: a full mounted device target, dump_to_rootfs: the partial dump stays, the dump goes to /" {
	capture_root "ext4 /dev/vdb1"
	printf 'failure_action dump_to_rootfs\n' >>"$ROOT/etc/kdump.conf"
	: >"$ROOT/dev/vdb1"
	printf '/dev/vda1 / xfs rw 0 0\n/dev/vdb1 /mnt/crash ext4 rw 0 0\n' >"$ROOT/proc/mounts"
	mkdir -p "$ROOT/mnt/crash/var/crash"
	small_fs "$ROOT/mnt/crash/var/crash" 12
	run --separate-stderr kdc --root "$ROOT" --json collect
	[ "$status" -eq 0 ]
	[[ "$stderr" == *"makedumpfile failed"*"capturing again into $ROOT/var/crash (failure_action dump_to_rootfs)"* ]]
	t=$(dumpdirs "$MNT")
	[ -e "$t/vmcore-incomplete" ] && [ ! -e "$t/vmcore" ]
	grep -q "the dump target is full" "$t/vmcore-incomplete.reason"
	grep -q "^used: target: ext4 /dev/vdb1 is mounted at /mnt/crash" "$t/vmcore-incomplete.reason"
	d=$(dumpdirs "$ROOT/var/crash")
	[ -s "$d/vmcore" ]
	[ "$(jq -r .complete <<<"$output")" = true ]
	[ "$(jq -r .vmcore <<<"$output")" = "$d/vmcore" ]
	[ "$(jq -r .target.used <<<"$output")" = "rootfs fallback" ]
	[[ "$(jq -r .target.used "$d/vmcore.json")" == "rootfs fallback" ]]
	[[ "$(jq -r .target.reason "$d/vmcore.json")" == "the capture on the dump target failed ("*"the dump target is full"* ]]
}

@test "collect: a local target's JSON is unchanged (no target, no make_room)" {
	run --separate-stderr kdc --root "$BARE" --json collect --vmcore "$IMG" --target "$BATS_TEST_TMPDIR/crash"
	[ "$status" -eq 0 ]
	[ "$(jq -r 'keys_unsorted | join(" ")' <<<"$output")" = "schema complete dump_dir vmcore size_bytes dmesg reason seconds" ]
	d=$(dumpdirs "$BATS_TEST_TMPDIR/crash")
	[ "$(jq -r 'has("target")' "$d/vmcore.json")" = false ]
}

@test "policy: [dump] make_room takes yes or no" {
	printf '[dump]\nmake_room = maybe\n' >"$BATS_TEST_TMPDIR/p.conf"
	run --separate-stderr kdc -c "$BATS_TEST_TMPDIR/p.conf" --root "$ROOTS/el7-ready/root" check
	[ "$status" -eq 3 ]
	[[ "$stderr" == *"p.conf:2: [dump] make_room: 'maybe' is not yes or no"* ]]
	printf '[dump]\nmake_room = yes\n' >"$BATS_TEST_TMPDIR/p.conf"
	run kdc -c "$BATS_TEST_TMPDIR/p.conf" --root "$ROOTS/el7-ready/root" check --json
	[ "$status" -ne 3 ]
}

# fill $1 with three complete dumps, oldest first (copies of one real capture)
three_dumps() {
	local src=$BATS_TEST_TMPDIR/src d i=1
	kdc --root "$BARE" collect --vmcore "$IMG" --target "$src" >/dev/null
	d=$(dumpdirs "$src")
	for n in h-2026-01-01-00:00:00 h-2026-01-02-00:00:00 h-2026-01-03-00:00:00; do
		cp -a "$d" "$1/$n"
		touch -d "2026-01-0$i 00:00:00" "$1/$n/vmcore"
		i=$((i + 1))
	done
}

# a policy with make_room $1 and keep $2
room_policy() {
	printf '[dump]\nkeep = %s\nmake_room = %s\n' "$2" "$1" >"$BATS_TEST_TMPDIR/room.conf"
}

@test "collect: make_room = yes deletes the oldest complete dumps beyond keep, then captures" {
	small_fs "$BATS_TEST_TMPDIR/t" 100
	three_dumps "$MNT"
	# an incomplete dump, old: never deleted by make_room
	mkdir "$MNT/h-2025-12-01-00:00:00"
	head -c 4096 "$IMG" >"$MNT/h-2025-12-01-00:00:00/vmcore-incomplete"
	touch -d 2025-12-01 "$MNT/h-2025-12-01-00:00:00/vmcore-incomplete"
	# a dump level that keeps every page: the expected dump is the whole vmcore (68 KiB)
	prepare_root el7-ready
	sed -i 's|^core_collector .*|core_collector makedumpfile -l --message-level 1 -d 1|' "$ROOT/etc/kdump.conf"
	room_policy yes 1
	run --separate-stderr kdc --root "$ROOT" -c "$BATS_TEST_TMPDIR/room.conf" --json collect --vmcore "$IMG" --target "$MNT"
	[ "$status" -eq 0 ]
	[ "$(jq -r .complete <<<"$output")" = true ]
	[ "$(jq -r .make_room.deleted <<<"$output")" -ge 1 ]
	[ "$(jq -r '.make_room.available_bytes < .make_room.needed_bytes' <<<"$output")" = true ]
	[ ! -e "$MNT/h-2026-01-01-00:00:00" ]
	# the newest complete dump and the incomplete one stay
	[ -e "$MNT/h-2026-01-03-00:00:00/vmcore" ]
	[ -e "$MNT/h-2025-12-01-00:00:00/vmcore-incomplete" ]
	d=$(jq -r .dump_dir <<<"$output")
	[ -s "$d/vmcore" ]
}

@test "collect: make_room text says what it deleted and why" {
	small_fs "$BATS_TEST_TMPDIR/t" 100
	three_dumps "$MNT"
	prepare_root el7-ready
	sed -i 's|^core_collector .*|core_collector makedumpfile -l --message-level 1 -d 1|' "$ROOT/etc/kdump.conf"
	room_policy yes 1
	run --separate-stderr kdc --root "$ROOT" -c "$BATS_TEST_TMPDIR/room.conf" collect --vmcore "$IMG" --target "$MNT"
	[ "$status" -eq 0 ]
	[[ "$output" == *"make_room: deleted $MNT/h-2026-01-01-00:00:00 ("*") for a dump of about "*": complete, older than the newest 1"* ]]
	[[ "$output" != *"h-2026-01-03-00:00:00"* ]]
}

@test "collect: make_room = yes never deletes the newest complete dump nor one of keep" {
	small_fs "$BATS_TEST_TMPDIR/t" 100
	three_dumps "$MNT"
	prepare_root el7-ready
	sed -i 's|^core_collector .*|core_collector makedumpfile -l --message-level 1 -d 1|' "$ROOT/etc/kdump.conf"
	room_policy yes 3
	run --separate-stderr kdc --root "$ROOT" -c "$BATS_TEST_TMPDIR/room.conf" --json collect --vmcore "$IMG" --target "$MNT"
	[ "$(jq -r .make_room.deleted <<<"$output")" = 0 ]
	[ -e "$MNT/h-2026-01-01-00:00:00/vmcore" ]
	[ -e "$MNT/h-2026-01-02-00:00:00/vmcore" ]
	[ -e "$MNT/h-2026-01-03-00:00:00/vmcore" ]
}

@test "collect: make_room off (the default): a full target yields the kernel log and the reason, nothing deleted" {
	# three dumps of 28 KiB and 1 MiB free: the kernel log fits, the 23 MiB dump does not
	small_fs "$BATS_TEST_TMPDIR/t" 1108
	three_dumps "$MNT"
	prepare_root el7-ready
	room_policy no 1
	run --separate-stderr kdc --root "$ROOT" -c "$BATS_TEST_TMPDIR/room.conf" --json collect --vmcore "$(REAL)" --target "$MNT"
	[ "$status" -eq 1 ]
	[ "$(jq -r 'has("make_room")' <<<"$output")" = false ]
	[ -e "$MNT/h-2026-01-01-00:00:00/vmcore" ]
	d=$(jq -r .dump_dir <<<"$output")
	[ -s "$d/vmcore-dmesg.txt" ]
	grep -q "the dump target is full" "$d/vmcore-incomplete.reason"
	[ ! -e "$d/vmcore" ]
}

@test "collect: an NFS export not mounted in the capture root, or an ssh target, follows the failure action" {
	capture_root "nfs nfs01.example.com:/export/crash"
	printf 'failure_action dump_to_rootfs\n' >>"$ROOT/etc/kdump.conf"
	printf '/dev/vda1 / xfs rw 0 0\n' >"$ROOT/proc/mounts"
	run --separate-stderr kdc --root "$ROOT" --json collect
	[ "$status" -eq 0 ]
	[ "$(jq -r .target.kind <<<"$output")" = nfs ]
	[ "$(jq -r .target.used <<<"$output")" = "rootfs fallback" ]
	[[ "$(jq -r .target.reason <<<"$output")" == *"the NFS export of 'nfs nfs01.example.com:/export/crash' is not mounted here"* ]]
	[ -s "$(dumpdirs "$ROOT/var/crash")/vmcore" ]
	capture_root "ssh kdump@backup01.example.com" "$(REAL)"
	run --separate-stderr kdc --root "$ROOT" --json collect
	[ "$status" -eq 1 ]
	[ "$(jq -r .target.kind <<<"$output")" = ssh ]
	[ "$(jq -r .target.used <<<"$output")" = null ]
	d=$(dumpdirs "$ROOT/var/crash")
	[ -s "$d/vmcore-dmesg.txt" ] && [ ! -e "$d/vmcore" ]
	grep -q "is an ssh target, and collect writes to filesystems only" "$d/vmcore-incomplete.reason"
}

@test "collect: an NFS export mounted in the capture root is written under its mount point and path" {
	capture_root "nfs nfs01.example.com:/export/crash"
	printf 'path /kdump\n' >>"$ROOT/etc/kdump.conf"
	mkdir -p "$ROOT/kdumproot/nfs"
	printf 'nfs01.example.com:/export/crash /kdumproot/nfs nfs4 rw,relatime 0 0\n' >"$ROOT/proc/mounts"
	run --separate-stderr kdc --root "$ROOT" --json collect
	[ "$status" -eq 0 ]
	[ "$(jq -r .target.used <<<"$output")" = target ]
	[ -s "$(dumpdirs "$ROOT/kdumproot/nfs/kdump")/vmcore" ]
}
