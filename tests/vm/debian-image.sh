#!/bin/bash
# debian-image.sh - a Debian 12 guest root disk with the real kdump-tools, for the VM harness.
#
#   tests/vm/debian-image.sh WORKDIR KERNEL_PACKAGE KERNEL_VERSION
#
# Builds once (as root: debootstrap, a loop device, chroot) and caches in
# WORKDIR/debian/:
#   root.img          raw disk image, one ext4 filesystem (no partition table),
#                     UUID $ROOT_UUID below, so root=UUID=... as on a real host
#   boot/vmlinuz-REL  the image's kernel
#   boot/initrd.img-REL      the normal initrd (initramfs-tools, MODULES=most)
#   boot/kdump-initrd.img-REL  the kdump initrd kdump-tools built in the image
#   image.env         ROOT_UUID, REL, what was built, sizes
#
# In the image: systemd, udev, initramfs-tools, kdump-tools, kexec-tools,
# makedumpfile and KERNEL_PACKAGE=KERNEL_VERSION (the harness's own kernel),
# installed with apt-get in a chroot after kdump-tools, so that the kernel's
# postinst.d hooks build both initrds with the real tooling: initramfs-tools'
# hook the normal one, kdump-tools' hook /var/lib/kdump/initrd.img-REL (a
# copy of /etc/initramfs-tools with MODULES=dep, mkinitramfs -d).
#
# MODULES=dep takes the root device's drivers from the machine that builds
# it; in the chroot that is a loop device, on the guest a virtio disk, so
# /etc/initramfs-tools/modules names virtio_pci and virtio_blk (what dep
# finds on a guest whose root is on virtio-blk). kdump-config rebuilds its
# initrd when /etc/kdump/sysctl.conf differs from
# /var/lib/kdump/latest_sysctls-REL; that copy is made here as kdump-config
# load makes it, so the guest keeps the initrd built in the chroot.
#
# Test hook (the only change to a stock install besides the above): the unit
# kdc-crash.service runs when the kernel command line has kdc.crash=1, waits
# until 'kdump-config status' says "ready to kdump", prints KDC-MARK lines on
# the console and crashes the guest with sysrq c. In the capture kernel
# (systemd.unit=kdump-tools-dump.service) it is not started.
set -u
export LC_ALL=C

W=${1:?usage: debian-image.sh WORKDIR KERNEL_PACKAGE KERNEL_VERSION}
KPKG=${2:?kernel package}
KVER=${3:?kernel version}
REL=${KPKG#linux-image-}
D=$W/debian
ROOT_UUID=4d2c7a10-5b3e-4f61-9a8d-0c1e2f3a4b5c
IMG_SIZE=4G
MIRROR=${KDC_VM_MIRROR:-http://deb.debian.org/debian}
SELF_SUM=$(sha256sum "$0" | cut -c1-16)
KEY="$KPKG=$KVER script=$SELF_SUM"

say() { printf 'debian-image: %s\n' "$*"; }
die() { say "$*" >&2; exit 2; }

if [ -f "$D/image.env" ] && grep -qxF "KEY='$KEY'" "$D/image.env" && [ -f "$D/root.img" ]; then
	exit 0
fi
[ "$(id -u)" = 0 ] || die "building the Debian image needs root (debootstrap, loop device, chroot)"
for t in debootstrap:debootstrap mkfs.ext4:e2fsprogs losetup:mount unshare:util-linux; do
	command -v "${t%%:*}" >/dev/null && continue
	export DEBIAN_FRONTEND=noninteractive
	apt-get install -y -qq --no-install-recommends "${t#*:}" >/dev/null 2>&1 || die "cannot install ${t#*:}"
done

t0=$EPOCHREALTIME
rm -rf "$D"
mkdir -p "$D/boot" "$D/mnt"
LOG=$D/build.log
: >"$LOG"
truncate -s "$IMG_SIZE" "$D/root.img.new"
mkfs.ext4 -q -F -U "$ROOT_UUID" -L debian-root "$D/root.img.new" >>"$LOG" 2>&1 || die "mkfs.ext4 failed"

# Everything mounted below lives in a private mount namespace: it goes away
# with the build, nothing is left mounted on the host.
cat >"$D/build-inner.sh" <<'INNER'
D=$1 REL=$2 KPKG=$3 KVER=$4 ROOT_UUID=$5 MIRROR=$6
R=$D/mnt
mount -o loop "$D/root.img.new" "$R"
echo "== debootstrap"
debootstrap --variant=minbase \
	--include=systemd,systemd-sysv,udev,kmod,procps,e2fsprogs,initramfs-tools,zstd,apt-utils \
	bookworm "$R" "$MIRROR"
mount -t proc proc "$R/proc"
mount -t sysfs sysfs "$R/sys"
mount --bind /dev "$R/dev"
cat >"$R/etc/apt/sources.list" <<EOF
deb $MIRROR bookworm main
deb $MIRROR bookworm-updates main
deb ${MIRROR%/debian}/debian-security bookworm-security main
EOF
echo kdc-debian >"$R/etc/hostname"
echo "UUID=$ROOT_UUID / ext4 errors=remount-ro 0 1" >"$R/etc/fstab"
# root on virtio-blk: what MODULES=dep would find on the guest itself
printf '%s\n' virtio_pci virtio_blk >>"$R/etc/initramfs-tools/modules"
in_root() { chroot "$R" env DEBIAN_FRONTEND=noninteractive LC_ALL=C PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
in_root apt-get update
# The answers a user gives kdump-tools and kexec-tools at install time:
# kdump enabled, kexec-tools not in charge of reboots.
printf '%s\n' 'kdump-tools kdump-tools/use_kdump boolean true' \
	'kexec-tools kexec-tools/load_kexec boolean false' | in_root debconf-set-selections
echo "== kdump-tools"
in_root apt-get install -y --no-install-recommends kdump-tools kexec-tools makedumpfile
echo "== $KPKG=$KVER"
in_root apt-get install -y --no-install-recommends "$KPKG=$KVER"
[ -f "$R/boot/initrd.img-$REL" ] || { echo "no /boot/initrd.img-$REL"; exit 1; }
[ -f "$R/var/lib/kdump/initrd.img-$REL" ] || { echo "kdump-tools built no /var/lib/kdump/initrd.img-$REL"; exit 1; }
# what kdump-config load does before it checks the initrd (check_sysctl_change)
cp "$R/etc/kdump/sysctl.conf" "$R/var/lib/kdump/latest_sysctls-$REL"
ln -sf "initrd.img-$REL" "$R/var/lib/kdump/initrd.img"
ln -sf "/boot/vmlinuz-$REL" "$R/var/lib/kdump/vmlinuz"
# the test hook
cat >"$R/usr/local/sbin/kdc-crash" <<'EOF'
#!/bin/sh
# kdc-crash: kdumpcheck's VM test hook (test guests only). With kdc.crash=1 on
# the kernel command line, wait until kdump-tools has loaded the capture
# kernel, then crash this machine with sysrq c.
grep -qw 'kdc.crash=1' /proc/cmdline || exit 0
[ -e /proc/vmcore ] && exit 0
out=/dev/console
i=0
while :; do
	st=$(kdump-config status 2>&1)
	if printf '%s\n' "$st" | grep -q 'current state *: *ready to kdump'; then break; fi
	# kdump-tools.service (ordered before this unit) has run its load already:
	# a few more looks only cover a slow status, then it has failed
	i=$((i + 1))
	if [ $i -ge 10 ]; then
		echo "KDC-MARK guest-fail kexec-load kdump-tools not ready: $(printf '%s' "$st" | grep 'current state' | tr -s ' ')" >$out
		kdump-config show >$out 2>&1
		sleep 2
		echo o >/proc/sysrq-trigger
		exit 1
	fi
	sleep 1
done
echo "KDC-MARK kexec-loaded $(cat /sys/kernel/kexec_crash_size) $(cat /sys/kernel/kexec_crash_loaded)" >$out
kdump-config show 2>&1 | sed 's/^/KDC-SHOW /' >$out
echo "KDC-MARK crash-trigger sysrq" >$out
sync
echo 1 >/proc/sys/kernel/sysrq
echo c >/proc/sysrq-trigger
EOF
chmod 0755 "$R/usr/local/sbin/kdc-crash"
cat >"$R/etc/systemd/system/kdc-crash.service" <<'EOF'
[Unit]
Description=kdumpcheck VM test: crash once kdump-tools is ready
After=kdump-tools.service
ConditionKernelCommandLine=kdc.crash=1

[Service]
Type=oneshot
ExecStart=/usr/local/sbin/kdc-crash
StandardOutput=journal+console

[Install]
WantedBy=multi-user.target
EOF
in_root systemctl enable kdc-crash.service
in_root systemctl is-enabled kdump-tools.service
# a root login on the serial console for whoever debugs the image by hand
in_root passwd -d root
in_root apt-get clean
cp "$R/boot/vmlinuz-$REL" "$D/boot/vmlinuz-$REL"
cp "$R/boot/initrd.img-$REL" "$D/boot/initrd.img-$REL"
cp "$R/var/lib/kdump/initrd.img-$REL" "$D/boot/kdump-initrd.img-$REL"
in_root dpkg-query -W -f '${Package} ${Version}\n' kdump-tools kexec-tools makedumpfile initramfs-tools systemd udev "$KPKG" >"$D/packages.txt"
grep -v '^#' "$R/etc/initramfs-tools/initramfs.conf" | grep . >"$D/initramfs.conf.txt" || true
cat "$R/var/lib/kdump/initramfs-tools/conf.d/zzz-kdump" >>"$D/initramfs.conf.txt" 2>/dev/null || true
umount "$R/dev" "$R/sys" "$R/proc"
umount "$R"
INNER
unshare --mount --propagation private bash -eu -o pipefail "$D/build-inner.sh" "$D" "$REL" "$KPKG" "$KVER" "$ROOT_UUID" "$MIRROR" \
	</dev/null >>"$LOG" 2>&1 || { tail -n 30 "$LOG" >&2; die "the build failed (log: $LOG)"; }
e2fsck -f -p "$D/root.img.new" >>"$LOG" 2>&1
[ $? -le 1 ] || die "e2fsck of the new image failed (log: $LOG)"
mv "$D/root.img.new" "$D/root.img"
{
	echo "KEY='$KEY'"
	echo "REL='$REL'"
	echo "ROOT_UUID='$ROOT_UUID'"
	echo "BUILD_SECONDS='$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f", b - a }')'"
} >"$D/image.env"
say "built $D/root.img ($(du -h --apparent-size "$D/root.img" | cut -f1) sparse, $(du -h "$D/root.img" | cut -f1) used) in $(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.0f s", b - a }')"
