#!/bin/sh
# init-first.sh - /init of the first (crashing) kernel of the VM harness.
# Runs inside the QEMU guest only: reserves nothing itself (crashkernel= is on
# the guest command line), runs 'kdumpcheck check --json' before and after
# 'kexec -p', prepares the scenario named by kdc.scenario= and crashes the
# guest. Results go to the host over virtio-9p (/out/first). Every step prints
# a "KDC-MARK name" line on the serial console; the host times the phases by them.
export PATH=/usr/sbin:/usr/bin:/sbin:/bin
. /etc/kdc-vm.env

mark() { echo "KDC-MARK $*"; }
die() { # die PHASE WHAT: the guest gives up; the host names PHASE in its verdict
	mark "guest-fail $1 $2"
	echo "$1: $2" >>/out/first/fail 2>/dev/null
	sync
	reboot -f
	sleep 5
}

/bin/busybox --install -s /bin
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mount -t tmpfs -o mode=1777 tmpfs /tmp
mount -t debugfs debugfs /sys/kernel/debug 2>/dev/null
hostname kdc-guest

SCENARIO=none
KDC_ARGS=""
for w in $(cat /proc/cmdline); do
	case $w in
	kdc.scenario=*) SCENARIO=${w#*=} ;;
	esac
	case $w in kdc.*) KDC_ARGS="$KDC_ARGS $w" ;; esac
done

if [ "$SCENARIO" = probe ]; then
	mark probe-ok
	reboot -f
fi

for m in $MODULES_FIRST; do
	insmod "/lib/modules/$REL/$m" 2>/dev/null || echo "insmod $m failed"
done
mkdir -p /out
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144 kdcout /out || die boot "cannot mount the 9p share"
mount -t 9p -o trans=virtio,version=9p2000.L,msize=262144,ro kdcboot /boot || die boot "cannot mount the 9p /boot"
mkdir -p /out/first /out/first/var-crash /out/first/var-lib-kdumpcheck
# What kdumpcheck keeps across the crash (snapshot --save into the dump
# directory, the pending test of 'test') lives on the share, as it would on disk.
mkdir -p /var/crash /var/lib/kdumpcheck
mount --bind /out/first/var-crash /var/crash
mount --bind /out/first/var-lib-kdumpcheck /var/lib/kdumpcheck
mark first-init "$SCENARIO"
date +%s >/out/first/start-epoch
uname -r >/out/first/uname-r
cat /sys/kernel/notes >/out/first/notes
cat /proc/cmdline >/out/first/cmdline
cat /sys/kernel/kexec_crash_size >/out/first/kexec_crash_size
grep -i 'crash kernel' /proc/iomem >/out/first/iomem-crash
free >/out/first/free-before 2>&1

# has VERB: does our binary have this verb yet?
has() { kdumpcheck help "$1" >/dev/null 2>&1; }
verbs=""
for v in snapshot test collect tag harvest; do has "$v" && verbs="$verbs $v"; done
echo "$verbs" >/out/first/verbs

kdumpcheck check --json >/out/first/check-before.json 2>/out/first/check-before.err
echo $? >/out/first/check-before.rc

mark kexec-load-start
# The capture kernel gets every kdc.* word of this command line too.
append="console=ttyS0 irqpoll nr_cpus=1 reset_devices panic=1 cgroup_disable=memory$KDC_ARGS"
kexec -p "/boot/vmlinuz-$REL" --initrd=/boot/capture.img --append="$append" >/out/first/kexec.log 2>&1
rc=$?
echo $rc >/out/first/kexec.rc
loaded=$(cat /sys/kernel/kexec_crash_loaded)
mark kexec-loaded "rc=$rc loaded=$loaded"
if [ "$rc" -ne 0 ] || [ "$loaded" != 1 ]; then
	cat /out/first/kexec.log
	die kexec-load "kexec -p exited $rc, kexec_crash_loaded=$loaded"
fi

kdumpcheck check --json >/out/first/check-after.json 2>/out/first/check-after.err
echo $? >/out/first/check-after.rc
kdumpcheck check --no-color >/out/first/check-after.txt 2>&1

# crash_now: the trigger for the sysrq-like scenarios.
crash_now() {
	mark crash-trigger "$1"
	sync
	if has test; then
		echo "test: kdumpcheck test --yes-crash-this-host" >/out/first/trigger
		sync
		kdumpcheck test --yes-crash-this-host >/out/first/test.log 2>&1
		echo "kdumpcheck test returned $?" >>/out/first/test.log
	else
		echo "test: not available yet, crashed with echo c > /proc/sysrq-trigger" >/out/first/trigger
		sync
		echo c >/proc/sysrq-trigger
	fi
}

case $SCENARIO in
sysrq | nospace | uuid)
	crash_now "$SCENARIO"
	;;
hungtask)
	insmod "/lib/modules/$REL/$MODULE_BRD" rd_nr=1 rd_size=8192 || die setup "cannot load brd"
	mke2fs -q /dev/ram0 >/out/first/mke2fs.log 2>&1 || die setup "mke2fs failed"
	mkdir -p /mnt/frozen
	mount -t ext2 /dev/ram0 /mnt/frozen || die setup "cannot mount ext2 on /dev/ram0"
	echo 5 >/proc/sys/kernel/hung_task_timeout_secs
	echo 1 >/proc/sys/kernel/hung_task_panic
	fsfreeze --freeze /mnt/frozen || die setup "fsfreeze failed"
	mark crash-trigger "hungtask: touch on a frozen ext2, hung_task_timeout_secs=5"
	echo "trigger: touch on a frozen ext2 (fsfreeze), kernel.hung_task_timeout_secs=5, kernel.hung_task_panic=1" >/out/first/trigger
	touch /mnt/frozen/blocked &
	pid=$!
	echo "$pid" >/out/first/blocked-pid
	sleep 2
	cat "/proc/$pid/stat" >/out/first/blocked-stat 2>&1
	cat "/proc/$pid/wchan" >/out/first/blocked-wchan 2>&1
	if has snapshot; then
		echo "snapshot: kdumpcheck snapshot --save" >/out/first/snapshot-how
		kdumpcheck --json snapshot --save >/out/first/snapshot.json 2>/out/first/snapshot.err
		echo $? >/out/first/snapshot.rc
	else
		echo "snapshot: not available yet, recorded /proc/$pid/stack of the blocked task" >/out/first/snapshot-how
		{
			echo "comm: $(cat "/proc/$pid/comm")"
			echo "pid: $pid"
			echo "state: $(sed -n 's/^State:[[:space:]]*//p' "/proc/$pid/status")"
			echo "stack:"
			cat "/proc/$pid/stack"
		} >/out/first/blocked-stack.txt 2>&1
	fi
	mark snapshot-done
	sync
	sleep 60
	die crash "the hung-task detector did not panic within 60 s"
	;;
oops)
	insmod "/lib/modules/$REL/extra/kdc_oops.ko" || die setup "cannot load kdc_oops.ko"
	echo 1 >/proc/sys/kernel/panic_on_oops
	mark crash-trigger "oops: write to /proc/kdc-oops with panic_on_oops=1"
	echo "trigger: NULL write in the kdc_oops test module (echo > /proc/kdc-oops), kernel.panic_on_oops=1" >/out/first/trigger
	sync
	echo boom >/proc/kdc-oops
	;;
*)
	die setup "unknown scenario '$SCENARIO'"
	;;
esac
sleep 30
die crash "still running 30 s after the crash was triggered"
