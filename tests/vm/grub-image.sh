#!/bin/bash
# grub-image.sh - a bootable Debian 12 disk with GRUB 2 for the grubfix scenario.
#
#   tests/vm/grub-image.sh WORKDIR KERNEL_PACKAGE KERNEL_VERSION
#       builds once (as root) and caches WORKDIR/grub/base.img
#   tests/vm/grub-image.sh --install DISK TOPDIR
#       puts TOPDIR's kdumpcheck and the scenario's guest side on a copy of it
#
# base.img is a 3 GiB raw disk with an msdos label and one ext4 partition
# (sector 2048 on, bootable, UUID $ROOT_UUID below). Its files are those of
# debian-image.sh's root disk (debootstrap of bookworm with systemd, udev,
# initramfs-tools, kdump-tools, kexec-tools, makedumpfile and the harness's
# kernel), copied onto the partition, then in a chroot:
#   - /etc/fstab names the partition's UUID;
#   - kdump-tools' /etc/default/grub.d/kdump-tools.cfg is removed: the
#     guest boots without crashkernel= (kdumpcheck fix is to put it back);
#   - apt-get install grub-pc and the runtime libraries kdumpcheck links
#     (libinih1, libelf1, libjson-c5, libssl3, libkmod2, zlib1g);
#   - /etc/default/grub: GRUB_CMDLINE_LINUX="console=ttyS0", "quiet" out
#     of GRUB_CMDLINE_LINUX_DEFAULT (the boot log stays complete), GRUB on
#     the serial line, a 1 s menu;
#   - the real grub-install --target=i386-pc onto the loop device, and
#     update-grub, whose grub.cfg boots root=UUID=$ROOT_UUID.
# grub-mkconfig writes root=UUID= only when /dev/disk/by-uuid/UUID exists;
# this host has no udev, so the chroot gets its own /dev (a tmpfs with the
# few nodes it needs, the loop device and its partition, and that link), in a
# private mount namespace: nothing is mounted or created in the host's /dev.
#
# --install copies a fresh disk's partition the product: ./kdumpcheck as
# /usr/sbin/kdumpcheck, conf/kdumpcheck.conf as /etc/kdumpcheck.conf,
# systemd/kdumpcheck-harvest.service (enabled), and the scenario's driver
# tests/vm/grubfix-guest.sh as /usr/local/sbin/kdc-grubfix with its unit
# kdc-grubfix.service (enabled); it checks in the chroot that every library
# of kdumpcheck resolves.
#
# Loop devices are detached on every exit (trap); mounts live in a private
# mount namespace and go away with it.
set -u
export LC_ALL=C

ROOT_UUID=7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f
IMG_SIZE=3G
PART_START=2048
MIRROR=${KDC_VM_MIRROR:-http://deb.debian.org/debian}
HERE=$(cd "$(dirname "$0")" && pwd)

say() { printf 'grub-image: %s\n' "$*"; }
die() { say "$*" >&2; exit 2; }

[ "$(id -u)" = 0 ] || die "needs root (loop device, mount, chroot)"
command -v sfdisk >/dev/null || {
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fdisk >/dev/null 2>&1 ||
		die "cannot install fdisk (sfdisk)"
}

LOOP=
detach() {
	if [ -n "$LOOP" ]; then
		losetup -d "$LOOP" 2>/dev/null || say "could not detach $LOOP" >&2
		LOOP=
	fi
}
trap detach EXIT
trap 'exit 130' INT TERM

# attach FILE: LOOP, with its partitions; waits for the partition node. A
# kernel without CONFIG_MSDOS_PARTITION (this development machine's) finds no
# partition in losetup -P's scan: partx -a then adds it from user space.
attach() {
	local _
	LOOP=$(losetup -f -P --show "$1") || die "losetup -P $1 failed"
	for _ in $(seq 20); do
		[ -b "${LOOP}p1" ] && return 0
		sleep 0.1
	done
	partx -a "$LOOP" 2>/dev/null
	for _ in $(seq 30); do
		[ -b "${LOOP}p1" ] && return 0
		sleep 0.1
	done
	die "no ${LOOP}p1 after losetup -P and partx -a"
}

# ------------------------------------------------------------------ install
if [ "${1:-}" = --install ]; then
	DISK=${2:?usage: grub-image.sh --install DISK TOPDIR}
	TOP=${3:?topdir}
	[ -x "$TOP/kdumpcheck" ] || die "no $TOP/kdumpcheck"
	attach "$DISK"
	M=$(mktemp -d)
	unshare --mount --propagation private bash -eu -o pipefail -c '
		P=$1 R=$2 TOP=$3
		mount "$P" "$R"
		install -m 0755 "$TOP/kdumpcheck" "$R/usr/sbin/kdumpcheck"
		install -m 0644 "$TOP/conf/kdumpcheck.conf" "$R/etc/kdumpcheck.conf"
		install -m 0644 "$TOP/systemd/kdumpcheck-harvest.service" "$R/etc/systemd/system/kdumpcheck-harvest.service"
		install -m 0755 "$TOP/tests/vm/grubfix-guest.sh" "$R/usr/local/sbin/kdc-grubfix"
		cat >"$R/etc/systemd/system/kdc-grubfix.service" <<-EOF
		[Unit]
		Description=kdumpcheck VM test: the grubfix scenario, one step per boot
		After=kdump-tools.service kdumpcheck-harvest.service systemd-user-sessions.service
		ConditionPathExists=!/proc/vmcore

		[Service]
		Type=oneshot
		ExecStart=/usr/local/sbin/kdc-grubfix
		StandardOutput=journal+console
		TimeoutStartSec=0

		[Install]
		WantedBy=multi-user.target
		EOF
		chroot "$R" systemctl enable kdumpcheck-harvest.service kdc-grubfix.service 2>&1
		if chroot "$R" ldd /usr/sbin/kdumpcheck | grep "not found"; then
			echo "kdumpcheck: a library is missing in the image"; exit 1
		fi
		sync
		umount "$R"
	' _ "${LOOP}p1" "$M" "$TOP" || { rmdir "$M"; die "installing into $DISK failed"; }
	rmdir "$M"
	detach
	exit 0
fi

# -------------------------------------------------------------------- build
W=${1:?usage: grub-image.sh WORKDIR KERNEL_PACKAGE KERNEL_VERSION}
KPKG=${2:?kernel package}
KVER=${3:?kernel version}
REL=${KPKG#linux-image-}
D=$W/grub

bash "$HERE/debian-image.sh" "$W" "$KPKG" "$KVER" || die "cannot build the Debian root disk"
DEB_KEY=$(sed -n "s/^KEY='\(.*\)'$/\1/p" "$W/debian/image.env")
KEY="$DEB_KEY grub-image=$(sha256sum "$0" | cut -c1-16)"
if [ -f "$D/image.env" ] && grep -qxF "KEY='$KEY'" "$D/image.env" && [ -f "$D/base.img" ]; then
	exit 0
fi

t0=$EPOCHREALTIME
rm -rf "$D"
mkdir -p "$D/mnt" "$D/src"
LOG=$D/build.log
: >"$LOG"
truncate -s "$IMG_SIZE" "$D/base.img.new"
printf 'label: dos\nstart=%s, type=83, bootable\n' "$PART_START" | sfdisk -q "$D/base.img.new" >>"$LOG" 2>&1 ||
	die "sfdisk failed (log: $LOG)"
attach "$D/base.img.new"
mkfs.ext4 -q -F -U "$ROOT_UUID" -L debian-root "${LOOP}p1" >>"$LOG" 2>&1 || die "mkfs.ext4 failed (log: $LOG)"

cat >"$D/build-inner.sh" <<'INNER'
D=$1 LOOP=$2 ROOT_UUID=$3 MIRROR=$4 REL=$5
R=$D/mnt
mount -o ro,loop "$D/../debian/root.img" "$D/src"
mount "${LOOP}p1" "$R"
echo "== copy the Debian root"
cp -a "$D/src/." "$R/"
umount "$D/src"
# the chroot's own /dev: what apt, dpkg and grub need, the loop device and
# its partition, and the by-uuid link grub-mkconfig looks for
mount -t tmpfs -o mode=0755,size=1m kdcdev "$R/dev"
for n in null zero full random urandom tty; do cp -a "/dev/$n" "$R/dev/"; done
cp -a "$LOOP" "${LOOP}p1" "$R/dev/"
mkdir -p "$R/dev/pts" "$R/dev/shm" "$R/dev/disk/by-uuid"
ln -s "../../$(basename "$LOOP")p1" "$R/dev/disk/by-uuid/$ROOT_UUID"
mount -t devpts -o newinstance,ptmxmode=0666 devpts "$R/dev/pts"
ln -s pts/ptmx "$R/dev/ptmx"
mount -t proc proc "$R/proc"
mount -t sysfs sysfs "$R/sys"
cp -L /etc/resolv.conf "$R/etc/resolv.conf"
in_root() { chroot "$R" env DEBIAN_FRONTEND=noninteractive LC_ALL=C PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
echo "UUID=$ROOT_UUID / ext4 errors=remount-ro 0 1" >"$R/etc/fstab"
echo kdc-grub >"$R/etc/hostname"
# boot without crashkernel=: kdumpcheck fix is to put it back
rm -f "$R/etc/default/grub.d/kdump-tools.cfg"
# the Debian scenario's crash hook is not used here
in_root systemctl disable kdc-crash.service
echo "== grub-pc"
in_root apt-get update
# GRUB goes onto the loop device below, by hand; no install device for the package
printf '%s\n' 'grub-pc grub-pc/install_devices multiselect' \
	'grub-pc grub-pc/install_devices_empty boolean true' | in_root debconf-set-selections
in_root apt-get install -y --no-install-recommends grub-pc libinih1 libelf1 libjson-c5 libssl3 libkmod2 zlib1g
sed -i -e 's/^GRUB_TIMEOUT=.*/GRUB_TIMEOUT=1/' \
	-e 's/^GRUB_CMDLINE_LINUX_DEFAULT=.*/GRUB_CMDLINE_LINUX_DEFAULT=""/' \
	-e 's/^GRUB_CMDLINE_LINUX=.*/GRUB_CMDLINE_LINUX="console=ttyS0"/' \
	-e 's/^#\{0,1\}GRUB_TERMINAL=.*/GRUB_TERMINAL=serial/' "$R/etc/default/grub"
grep -q '^GRUB_TERMINAL=serial' "$R/etc/default/grub" || echo 'GRUB_TERMINAL=serial' >>"$R/etc/default/grub"
echo 'GRUB_SERIAL_COMMAND="serial --unit=0 --speed=115200"' >>"$R/etc/default/grub"
echo "== grub-install"
in_root grub-install --target=i386-pc "$LOOP"
echo "== update-grub"
in_root update-grub
grep -q "linux.*/vmlinuz-$REL root=UUID=$ROOT_UUID .*console=ttyS0" "$R/boot/grub/grub.cfg" ||
	{ echo "grub.cfg does not boot root=UUID=$ROOT_UUID with console=ttyS0"; exit 1; }
if grep -n crashkernel "$R/boot/grub/grub.cfg"; then echo "grub.cfg has a crashkernel="; exit 1; fi
in_root apt-get clean
in_root dpkg-query -W -f '${Package} ${Version}\n' grub-pc grub-common kdump-tools kexec-tools makedumpfile systemd "linux-image-$REL" >"$D/packages.txt"
cp "$R/boot/grub/grub.cfg" "$D/grub.cfg"
cp "$R/etc/default/grub" "$D/default-grub"
rm -f "$R/dev/ptmx"
umount "$R/dev/pts" "$R/dev" "$R/sys" "$R/proc"
umount "$R"
INNER
unshare --mount --propagation private bash -eu -o pipefail "$D/build-inner.sh" "$D" "$LOOP" "$ROOT_UUID" "$MIRROR" "$REL" \
	</dev/null >>"$LOG" 2>&1 || { tail -n 30 "$LOG" >&2; die "the build failed (log: $LOG)"; }
e2fsck -f -p "${LOOP}p1" >>"$LOG" 2>&1
[ $? -le 1 ] || die "e2fsck of the new image failed (log: $LOG)"
detach
mv "$D/base.img.new" "$D/base.img"
rmdir "$D/mnt" "$D/src"
{
	echo "KEY='$KEY'"
	echo "REL='$REL'"
	echo "ROOT_UUID='$ROOT_UUID'"
	echo "PART_OFFSET='$((PART_START * 512))'"
	echo "BUILD_SECONDS='$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')'"
} >"$D/image.env"
say "built $D/base.img ($(du -h "$D/base.img" | cut -f1) used) in $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f s", b - a }')"
