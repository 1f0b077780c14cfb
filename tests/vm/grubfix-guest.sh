#!/bin/sh
# kdc-grubfix: the guest side of run.sh's grubfix scenario (test guests only).
# Installed as /usr/local/sbin/kdc-grubfix and run once per boot by
# kdc-grubfix.service, after kdump-tools.service and kdumpcheck-harvest.service.
# The step to do is in /var/lib/kdc-grubfix/step; every result goes to that
# directory on the root disk, where the host reads it (debugfs) between boots.
#
#   boot 1: check --json, estimate --json, fix --json --apply, sysctl -p of the
#           drop-in fix wrote (if it did), reboot
#   boot 2: wait for kdump-tools' load, check --json, estimate --json, then
#           kdumpcheck test --yes-crash-this-host (the capture kernel saves the
#           dump and reboots)
#   boot 3: what kdumpcheck-harvest.service did, last-test.json, list --json,
#           check --json, power off
#
# Each step prints KDC-MARK lines on the console for the host's timings.
S=/var/lib/kdc-grubfix
out=/dev/console
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH LC_ALL=C

mark() { echo "KDC-MARK $*" >$out; }

# run NAME CMD...: CMD's stdout in NAME, stderr in NAME.err, exit status in NAME.rc
run() {
	n=$1
	shift
	"$@" >"$S/$n" 2>"$S/$n.err"
	echo $? >"$S/$n.rc"
}

[ -e /proc/vmcore ] && exit 0
mkdir -p "$S"
step=$(cat "$S/step" 2>/dev/null || echo 1)
b=boot$step
mark "$b-driver" "$(uname -r)"
cat /proc/cmdline >"$S/$b-cmdline"
cat /sys/kernel/kexec_crash_size >"$S/$b-kexec-crash-size" 2>/dev/null
cat /sys/kernel/kexec_crash_loaded >"$S/$b-kexec-crash-loaded" 2>/dev/null
uname -r >"$S/$b-uname-r"
cp /sys/kernel/notes "$S/$b-notes" 2>/dev/null

case $step in
1)
	run boot1-check.json kdumpcheck check --json
	run boot1-estimate.json kdumpcheck estimate --json
	mark fix-start
	run fix.json kdumpcheck fix --json --apply
	mark fix-done "rc $(cat "$S/fix.json.rc")"
	if [ -f /etc/sysctl.d/90-kdumpcheck.conf ]; then
		cp /etc/sysctl.d/90-kdumpcheck.conf "$S/90-kdumpcheck.conf"
		run sysctl-p.out sysctl -p /etc/sysctl.d/90-kdumpcheck.conf
		mark sysctl-p "rc $(cat "$S/sysctl-p.out.rc")"
	fi
	cp /etc/default/grub.d/kdump-tools.cfg "$S/kdump-tools.cfg" 2>/dev/null
	cp /boot/grub/grub.cfg "$S/grub.cfg.after-fix"
	ls -la /etc/default/grub.d /etc/sysctl.d /boot/grub >"$S/boot1-ls.txt" 2>&1
	echo 2 >"$S/step"
	sync
	mark reboot
	systemctl --no-block reboot
	;;
2)
	i=0
	while [ "$(cat /sys/kernel/kexec_crash_loaded 2>/dev/null)" != 1 ] && [ $i -lt 60 ]; do
		sleep 1
		i=$((i + 1))
	done
	cat /sys/kernel/kexec_crash_loaded >"$S/boot2-kexec-crash-loaded" 2>/dev/null
	kdump-config status >"$S/boot2-kdump-status.txt" 2>&1
	mark kexec-loaded "$(cat /sys/kernel/kexec_crash_size) $(cat /sys/kernel/kexec_crash_loaded)"
	run boot2-check.json kdumpcheck check --json
	run boot2-estimate.json kdumpcheck estimate --json
	echo 3 >"$S/step"
	sync
	mark crash-trigger "kdumpcheck test"
	run test.out kdumpcheck test --yes-crash-this-host
	# still here: the crash did not happen
	sync
	mark guest-fail crash "kdumpcheck test returned $(cat "$S/test.out.rc"): $(tail -n 1 "$S/test.out.err")"
	systemctl --no-block poweroff
	;;
3)
	systemctl show -p ActiveState -p Result -p ExecMainStatus kdumpcheck-harvest.service >"$S/harvest-unit.txt" 2>&1
	journalctl -b -o short-monotonic -u kdumpcheck-harvest.service >"$S/harvest-journal.txt" 2>&1
	mark harvest "$(tr '\n' ' ' <"$S/harvest-unit.txt")"
	cp /var/lib/kdumpcheck/last-test.json "$S/last-test.json" 2>/dev/null
	run list.json kdumpcheck list --json
	run boot3-check.json kdumpcheck check --json
	echo finished >"$S/step"
	sync
	mark poweroff
	systemctl --no-block poweroff
	;;
*)
	mark guest-fail setup "step '$step': nothing to do"
	;;
esac
exit 0
