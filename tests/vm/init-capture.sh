#!/bin/sh
# init-capture.sh - /init of the capture kernel of the VM harness (guest only).
# Saves /proc/vmcore over virtio-9p to /out/capture: with 'kdumpcheck collect'
# when our binary has that verb, else with plain makedumpfile (dmesg first,
# then a -d 31 kdump-compressed dump). kdc.scenario=nospace points the dump at
# a tmpfs too small for it; kdc.scenario=uuid writes an /etc/kdump.conf naming
# the virtio disk by UUID and runs 'kdumpcheck collect' without --target (it
# finds the disk with libblkid, mounts it, writes there), then once more with
# a UUID no disk has and failure_action dump_to_rootfs, /var/crash on the
# share; kdc.formats=all also writes an ELF and a
# flattened dump. Ends with "KDC-MARK capture-done" and a reboot, which QEMU
# (-no-reboot) turns into an exit.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
. /etc/kdc-vm.env

mark() { echo "KDC-MARK $*"; }
finish() {
	mark capture-done "$1"
	sync
	umount /out 2>/dev/null
	reboot -f
	sleep 5
}

/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs -o mode=1777 tmpfs /tmp
hostname kdc-guest
mark capture-init

SCENARIO=none
FORMATS=kdump
NOSPACE_SIZE=2m
COMPRESS=-l
PLAIN=0
for w in $(cat /proc/cmdline); do
	case $w in
	kdc.scenario=*) SCENARIO=${w#*=} ;;
	kdc.formats=*) FORMATS=${w#*=} ;;
	kdc.nospace=*) NOSPACE_SIZE=${w#*=} ;;
	kdc.compress=zlib) COMPRESS=-c ;;
	kdc.capture=makedumpfile) PLAIN=1 ;;
	esac
done

for m in $MODULES_CAPTURE; do
	insmod "/lib/modules/$REL/$m" 2>/dev/null || echo "insmod $m failed"
done
mkdir -p /out
if ! mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 kdcout /out; then
	finish "rc=99 cannot mount the 9p share"
fi
O=/out/capture
mkdir -p "$O"
uname -r >"$O/uname-r"
cat /proc/cmdline >"$O/cmdline"
free >"$O/free" 2>&1
ls -l /proc/vmcore >"$O/proc-vmcore" 2>&1

if [ "$SCENARIO" = nospace ]; then
	target=/var/crash
	mkdir -p "$target"
	mount -t tmpfs -o "size=$NOSPACE_SIZE" tmpfs "$target"
else
	target=$O/dump
	mkdir -p "$target"
fi

# kdump_conf UUID [LINE]: the host's kdump configuration, a device target by UUID.
kdump_conf() {
	{
		echo "ext4 UUID=$1"
		echo "path /var/crash"
		echo "core_collector makedumpfile -l --message-level 1 -d 31"
		[ -z "${2:-}" ] || echo "$2"
	} >/etc/kdump.conf
}

if [ "$SCENARIO" = uuid ]; then
	for m in $MODULES_DISK; do
		insmod "/lib/modules/$REL/$m" 2>/dev/null || echo "insmod $m failed"
	done
	i=0
	while [ ! -b /dev/vda ] && [ $i -lt 10 ]; do sleep 1; i=$((i + 1)); done
	ls -l /dev/vd* >"$O/disks" 2>&1
	kdump_conf "$DISK_UUID"
	cp /etc/kdump.conf "$O/kdump.conf"
	echo "collect: kdumpcheck collect (no --target), /etc/kdump.conf: ext4 UUID=$DISK_UUID, path /var/crash" >"$O/how"
	mark capture-start collect-uuid
	kdumpcheck --json collect >"$O/collect.json" 2>"$O/collect.log"
	rc=$?
	echo $rc >"$O/rc"
	mark capture-main "rc=$rc"
	cat /proc/mounts >"$O/mounts-after"
	# The negative case: the UUID is on no disk; dump_to_rootfs saves on / (the share here).
	kdump_conf "$MISSING_UUID" "failure_action dump_to_rootfs"
	mkdir -p "$O/rootfs-crash"
	mount --bind "$O/rootfs-crash" /var/crash
	kdumpcheck --json collect >"$O/collect-missing.json" 2>"$O/collect-missing.log"
	echo $? >"$O/rc-missing"
	umount /var/crash
	finish "rc=$rc"
fi

if [ "$PLAIN" = 0 ] && kdumpcheck help collect >/dev/null 2>&1; then
	echo "collect: kdumpcheck collect --target $target" >"$O/how"
	mark capture-start collect
	kdumpcheck collect --target "$target" >"$O/collect.log" 2>&1
	rc=$?
else
	if [ "$PLAIN" = 1 ]; then
		echo "collect: not used (kdc.capture=makedumpfile), captured with plain makedumpfile $COMPRESS -d 31" >"$O/how"
	else
		echo "collect: not available yet, captured with plain makedumpfile" >"$O/how"
	fi
	mark capture-start makedumpfile
	makedumpfile --dump-dmesg /proc/vmcore "$target/vmcore-dmesg.txt" >"$O/dmesg.log" 2>&1
	echo $? >"$O/dmesg.rc"
	makedumpfile $COMPRESS -d 31 --message-level 22 /proc/vmcore "$target/vmcore" >"$O/makedumpfile.log" 2>&1
	rc=$?
fi
echo $rc >"$O/rc"
mark capture-main "rc=$rc"

if [ "$FORMATS" = all ] && [ "$SCENARIO" != nospace ]; then
	# Beside the two extra formats, the kernel log as a capture would keep it.
	makedumpfile --dump-dmesg /proc/vmcore "$O/vmcore-dmesg.txt" >>"$O/dmesg.log" 2>&1
	makedumpfile -E -d 31 --message-level 22 /proc/vmcore "$O/vmcore.elf" >"$O/elf.log" 2>&1
	echo $? >"$O/elf.rc"
	makedumpfile -F -l -d 31 --message-level 22 /proc/vmcore >"$O/vmcore.flat" 2>"$O/flat.log"
	echo $? >"$O/flat.rc"
fi

if [ "$SCENARIO" = nospace ]; then
	df -k "$target" >"$O/nospace-df" 2>&1
	mkdir -p "$O/nospace-target"
	cp -a "$target/." "$O/nospace-target/" 2>>"$O/nospace-copy.err"
	ls -laR "$target" >"$O/nospace-ls" 2>&1
fi
finish "rc=$rc"
