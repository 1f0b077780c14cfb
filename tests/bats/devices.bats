#!/usr/bin/env bats
# devices.bats - device and raw dump targets on the live host (--root /),
# with real block devices: loop devices holding real ext4 filesystems made
# by mkfs.ext4, their UUID and LABEL read back by blkid, mounted and
# unmounted. kdumpcheck runs in a private mount namespace where /etc and
# /root are the test's own, so nothing of this machine's configuration is
# read and the mounts are seen only there. Needs root, loop devices,
# unshare(1), mkfs.ext4 and blkid; skipped otherwise.

load helpers

setup_file() {
	[ "$(id -u)" -eq 0 ] || return 0
	command -v losetup >/dev/null && command -v mkfs.ext4 >/dev/null && command -v blkid >/dev/null || return 0
	unshare -m --propagation private true 2>/dev/null || return 0
	D=$(mktemp -d)
	# room for what the estimate says this machine's dump needs (RAM and then some), sparse
	ram_kib=$(awk '/^MemTotal:/ { print $2 }' /proc/meminfo)
	truncate -s $(((ram_kib + 2 * 1024 * 1024) * 1024)) "$D/big.img"
	truncate -s 32M "$D/small.img"
	mkfs.ext4 -q -F -L kdumpbig -E lazy_itable_init=1,lazy_journal_init=1 "$D/big.img" || return 0
	mkfs.ext4 -q -F -L kdumpsmall "$D/small.img" || return 0
	BIG=$(losetup -f --show "$D/big.img") || return 0
	SMALL=$(losetup -f --show "$D/small.img") || { losetup -d "$BIG"; return 0; }
	echo "$D $BIG $SMALL" >"$BATS_FILE_TMPDIR/devices"
}

teardown_file() {
	[ -f "$BATS_FILE_TMPDIR/devices" ] || return 0
	read -r D BIG SMALL <"$BATS_FILE_TMPDIR/devices"
	losetup -d "$BIG" "$SMALL" 2>/dev/null || true
	rm -rf "$D"
}

setup() {
	[ -f "$BATS_FILE_TMPDIR/devices" ] || skip "needs root, loop devices, mount namespaces, mkfs.ext4 and blkid"
	read -r D BIG SMALL <"$BATS_FILE_TMPDIR/devices"
	BIG_UUID=$(blkid -p -o value -s UUID "$BIG")
	[ -n "$BIG_UUID" ] || skip "blkid gives no UUID for $BIG"
	W=$(mktemp -d)
	mkdir -p "$W/etc" "$W/root" "$W/mnt"
	[ ! -e /etc/ld.so.cache ] || cp /etc/ld.so.cache "$W/etc/"
}

teardown() {
	[ -n "${W:-}" ] && rm -rf "$W"
}

# conf LINE...: the test's /etc/kdump.conf.
conf() {
	printf '%s\n' "$@" "core_collector makedumpfile -l --message-level 1 -d 31" >"$W/etc/kdump.conf"
}

# live SETUP KDUMPCHECK-ARGS...: in a private mount namespace with the test's /etc,
# run the shell commands SETUP (mounts), then kdumpcheck with the arguments.
live() {
	local pre=$1
	shift
	run unshare -m --propagation private sh -c 'mount --bind "$1/etc" /etc && mount --bind "$1/root" /root &&
		eval "$2" && shift 3 && "$@"' sh "$W" "$pre" "$KDC" "$KDC" "$@"
}

# target SETUP: the kdump.target result of a live check.
target() {
	live "$1" check --json
	jq -r '.checks[] | select(.id == "kdump.target") | .status + " " + .message' <<<"$output"
}

@test "device by UUID=, mounted, with the path on it and room: kdump.target passes" {
	conf "ext4 UUID=$BIG_UUID" "path /var/crash"
	result=$(target "mount $BIG $W/mnt && mkdir -p $W/mnt/var/crash")
	[[ "$result" == "pass ext4 UUID=$BIG_UUID on $W/mnt: $W/mnt/var/crash has "*" free (expected dump "* ]]
}

@test "device by LABEL=: the same device, found by its label" {
	conf "ext4 LABEL=kdumpbig" "path /"
	result=$(target "mount $BIG $W/mnt")
	[[ "$result" == "pass ext4 LABEL=kdumpbig on $W/mnt: $W/mnt has "* ]]
}

@test "device unmounted: fails, and names the fstab line when there is one" {
	conf "ext4 UUID=$BIG_UUID" "path /var/crash"
	result=$(target true)
	[ "$result" = "fail ext4 UUID=$BIG_UUID ($BIG) is not mounted and /etc/fstab does not name it: kdump cannot prepare the dump target, and its room is not verified" ]
	printf 'UUID=%s %s ext4 defaults 0 2\n' "$BIG_UUID" "$W/mnt" >"$W/etc/fstab"
	result=$(target true)
	[ "$result" = "fail ext4 UUID=$BIG_UUID ($BIG) is not mounted (/etc/fstab:1 would mount it on $W/mnt): kdump cannot prepare the dump target, and its room is not verified" ]
}

@test "device mounted read-only, with another type, without the path, or too small: each fails" {
	conf "xfs UUID=$BIG_UUID" "path /"
	result=$(target "mount $BIG $W/mnt")
	[ "$result" = "fail /etc/kdump.conf:1: xfs UUID=$BIG_UUID says xfs, but UUID=$BIG_UUID ($BIG) is mounted as ext4 on $W/mnt: the capture kernel's mount fails" ]
	conf "ext4 UUID=$BIG_UUID" "path /"
	result=$(target "mount -o ro $BIG $W/mnt")
	[ "$result" = "fail ext4 UUID=$BIG_UUID is mounted read-only on $W/mnt" ]
	conf "ext4 UUID=$BIG_UUID" "path /var/crash"
	result=$(target "mount $BIG $W/mnt && rm -rf $W/mnt/var")
	[ "$result" = "fail ext4 UUID=$BIG_UUID on $W/mnt: the dump directory $W/mnt/var/crash does not exist" ]
	conf "ext4 LABEL=kdumpsmall" "path /"
	result=$(target "mount $SMALL $W/mnt")
	[[ "$result" == "fail ext4 LABEL=kdumpsmall on $W/mnt: $W/mnt has "*" free, less than the expected dump of "* ]]
}

@test "a UUID no device has fails; a path that is not a block device fails" {
	conf "ext4 UUID=0badc0de-0000-4000-8000-000000000000" "path /"
	result=$(target true)
	[[ "$result" == "fail /etc/kdump.conf:1: no device UUID=0badc0de-0000-4000-8000-000000000000 on this host (looked in "*"): the capture kernel cannot find the dump target" ]]
	conf "ext4 /dev/null" "path /"
	result=$(target true)
	[ "$result" = "fail /etc/kdump.conf:1: /dev/null is not a block device" ]
}

@test "raw device: passes unmounted and big enough, fails mounted or too small" {
	conf "raw $BIG"
	result=$(target true)
	[[ "$result" == "pass raw $BIG ($BIG, "*") is not mounted and holds the expected dump of "* ]]
	result=$(target "mount $BIG $W/mnt")
	[ "$result" = "fail raw $BIG ($BIG) is mounted on $W/mnt: the raw dump would be written over a filesystem" ]
	conf "raw $SMALL"
	result=$(target true)
	[[ "$result" == "fail raw $SMALL ($SMALL) holds 32M (33554432 bytes), less than the expected dump of "* ]]
}

@test "list finds the dumps on a mounted device target, says so when it is not mounted, and takes --dump-dir" {
	conf "ext4 UUID=$BIG_UUID" "path /var/crash"
	dump="var/crash/127.0.0.1-2026-11-30-10:00:00"
	live "mount $BIG $W/mnt && mkdir -p $W/mnt/$dump && xz -dc $BATS_TEST_DIRNAME/../vmcores/sysrq.kdump.xz >$W/mnt/$dump/vmcore" \
		list --json
	[ "$status" -eq 0 ]
	[ "$(jq -r '.[0].path' <<<"$output")" = "$W/mnt/$dump/vmcore" ]
	live true list
	[ "$status" -eq 1 ]
	[ "$output" = "kdumpcheck: list: the dump target 'UUID=$BIG_UUID' is not mounted on this host" ]
	mkdir -p "$W/elsewhere/$dump"
	xz -dc "$BATS_TEST_DIRNAME/../vmcores/sysrq.kdump.xz" >"$W/elsewhere/$dump/vmcore"
	live true --dump-dir "$W/elsewhere/var/crash" list --json
	[ "$status" -eq 0 ]
	[ "$(jq -r '.[0].path' <<<"$output")" = "$W/elsewhere/$dump/vmcore" ]
}
