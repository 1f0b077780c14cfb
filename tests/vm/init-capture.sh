#!/bin/sh
# init-capture.sh - /init of the capture kernel of the VM harness (guest only).
# Saves /proc/vmcore over virtio-9p to /out/capture: with 'kdumpcheck collect'
# when our binary has that verb, else with plain makedumpfile (dmesg first,
# then a -d 31 kdump-compressed dump). kdc.scenario=nospace points the dump at
# a tmpfs too small for it; kdc.formats=all also writes an ELF and a
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
