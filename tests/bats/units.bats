#!/usr/bin/env bats
# units.bats - the systemd units (systemd/), the preflight report wrapper,
# the CentOS 6 init script and the kdump_post hook (packaging/).
#
# The units are linted with `systemd-analyze verify --root=DIR`: DIR is a
# small tree laid out as the package installs it on EL7 (the units in
# /usr/lib/systemd/system beside this host's own units, which provide the
# targets they order against; the built kdumpcheck as /usr/sbin/kdumpcheck;
# the wrapper as /usr/libexec/kdumpcheck/kdumpcheck-report), so the units are
# verified unchanged, ExecStart= paths included, and Documentation=man:
# resolves against docs/kdumpcheck.8 through MANPATH. Any warning fails.

bats_require_minimum_version 1.5.0
load helpers

TOP="$BATS_TEST_DIRNAME/../.."
UNITS="kdumpcheck-harvest.service kdumpcheck-check.service kdumpcheck-check.timer"
REPORT="$TOP/packaging/kdumpcheck-report"
HOOK="$TOP/packaging/kdumpcheck-kdump-post"
INIT="$TOP/packaging/kdumpcheck.init"
VMCORES="$TOP/tests/unit/data/vmcore"
REL=6.1.0-18-amd64

# Unmount the small filesystem of the ENOSPC test.
teardown() {
	if [ -n "${SMALL:-}" ] && mountpoint -q "$SMALL"; then
		umount "$SMALL"
	fi
}

# need CMD: skip the test, saying why, when CMD is not installed.
need() {
	command -v "$1" >/dev/null 2>&1 || skip "$1 is not installed"
}

# install_root: the EL7 install layout under $BATS_TEST_TMPDIR/inst; sets IR.
install_root() {
	IR=$BATS_TEST_TMPDIR/inst
	mkdir -p "$IR/usr/lib/systemd" "$IR/usr/sbin" "$IR/usr/libexec/kdumpcheck" "$IR/man/man8"
	cp -a /usr/lib/systemd/system "$IR/usr/lib/systemd/" 2>/dev/null ||
		cp -a /lib/systemd/system "$IR/usr/lib/systemd/"
	cp "$KDC" "$IR/usr/sbin/kdumpcheck"
	cp "$REPORT" "$IR/usr/libexec/kdumpcheck/kdumpcheck-report"
	for u in $UNITS; do
		cp "$TOP/systemd/$u" "$IR/usr/lib/systemd/system/$u"
	done
	cp "$TOP/docs/kdumpcheck.8" "$IR/man/man8/kdumpcheck.8"
}

# verify UNIT: systemd-analyze verify of an installed unit; sets status, output, stderr.
verify() {
	local man=--man=yes
	command -v man >/dev/null 2>&1 || man=--man=no
	MANPATH=$IR/man run --separate-stderr systemd-analyze verify "$man" --root="$IR" "$1"
}

# unit_value UNIT KEY: the values of KEY= in a unit file, one a line.
unit_value() {
	sed -n "s/^$2=//p" "$TOP/systemd/$1"
}

# report ARGS...: run the wrapper with the built binary; sets status, output, stderr.
report() {
	KDUMPCHECK=$KDC run --separate-stderr sh "$REPORT" "$@"
}

# leftovers DIR: the hidden temporary files the wrapper left in DIR.
leftovers() {
	find "$1" -name '.*' -type f | sort
}

# Fake capture-kernel environment for the hook: the target filesystem mounted
# at $CK/sysroot (the EL7 root target), a kdump.conf, a mounts table.
capture_env() {
	CK=$BATS_TEST_TMPDIR/ck
	mkdir -p "$CK/sysroot/var/crash" "$CK/run"
	printf '%s\n' '# kdump.conf as the initramfs holds it' 'path /var/crash  # dumps' \
		'core_collector makedumpfile -l --message-level 1 -d 31' >"$CK/kdump.conf"
	{
		echo "rootfs / rootfs rw 0 0"
		echo "proc /proc proc rw,nosuid,nodev,noexec,relatime 0 0"
		echo "devtmpfs /dev devtmpfs rw,nosuid,size=44632k,nr_inodes=11158,mode=755 0 0"
		echo "tmpfs $CK/run tmpfs rw,nosuid,nodev,mode=755 0 0"
		echo "/dev/mapper/centos-root $CK/sysroot xfs rw,relatime,attr2,inode64,noquota 0 0"
	} >"$CK/mounts"
	export KDUMP_CONF=$CK/kdump.conf KDUMPCHECK_MOUNTS=$CK/mounts
}

# dump NAME FILE [vmcore|vmcore-incomplete]: a RHEL dump directory under
# $CK/sysroot/var/crash holding a copy of a real dump; prints its path.
dump() {
	local d=$CK/sysroot/var/crash/$1
	mkdir -p "$d"
	chmod 0700 "$d"
	cp "$VMCORES/$2" "$d/${3:-vmcore}"
	chmod 0600 "$d/${3:-vmcore}"
	echo "$d"
}

# hook ARGS...: run the hook with the built binary under SHELL_FOR_HOOK (sh).
hook() {
	# shellcheck disable=SC2086 # "busybox sh" is two words
	KDUMPCHECK=${HOOK_KDC-$(kdc_pinned)} run --separate-stderr ${SHELL_FOR_HOOK:-sh} "$HOOK" "$@"
}

# ---- units ----------------------------------------------------------------

@test "units: systemd-analyze verify passes each unit as installed, with no warning" {
	need systemd-analyze
	install_root
	for u in $UNITS; do
		verify "$u"
		if [ "$status" -ne 0 ] || [ -n "$output$stderr" ]; then
			echo "$u: exit $status"
			echo "$output"
			echo "$stderr"
			return 1
		fi
	done
}

@test "units: verify does check the ExecStart binaries and unknown keys (the lint has teeth)" {
	need systemd-analyze
	install_root
	rm "$IR/usr/libexec/kdumpcheck/kdumpcheck-report"
	verify kdumpcheck-check.service
	[ "$status" -ne 0 ]
	[[ "$stderr" == *"/usr/libexec/kdumpcheck/kdumpcheck-report"* ]]
	install_root
	sed 's/^Nice=10$/Niceness=10/' "$TOP/systemd/kdumpcheck-harvest.service" \
		>"$IR/usr/lib/systemd/system/kdumpcheck-harvest.service"
	verify kdumpcheck-harvest.service
	[[ "$stderr" == *"Niceness"* ]]
}

@test "units: the timer's OnCalendar and time spans parse" {
	need systemd-analyze
	n=0
	while read -r cal; do
		run systemd-analyze calendar "$cal"
		[ "$status" -eq 0 ] || { echo "OnCalendar=$cal: $output"; return 1; }
		[[ "$output" == *"Next elapse:"* ]]
		n=$((n + 1))
	done < <(unit_value kdumpcheck-check.timer OnCalendar)
	[ "$n" -eq 1 ]
	[ "$(unit_value kdumpcheck-check.timer OnCalendar)" = daily ]
	for key in RandomizedDelaySec OnBootSec; do
		v=$(unit_value kdumpcheck-check.timer "$key")
		[ -n "$v" ]
		run systemd-analyze timespan "$v"
		[ "$status" -eq 0 ] || { echo "$key=$v: $output"; return 1; }
	done
	[ "$(unit_value kdumpcheck-check.timer Persistent)" = true ]
	[ "$(unit_value kdumpcheck-check.timer WantedBy)" = timers.target ]
}

@test "units: harvest runs 'kdumpcheck harvest' once after kdump and the local filesystems" {
	u=kdumpcheck-harvest.service
	[ "$(unit_value $u Type)" = oneshot ]
	[ "$(unit_value $u ExecStart)" = "/usr/sbin/kdumpcheck harvest" ]
	after=" $(unit_value $u After | tr '\n' ' ') "
	for dep in kdump.service kdump-tools.service local-fs.target; do
		[[ "$after" == *" $dep "* ]] || { echo "After= lacks $dep: $after"; return 1; }
	done
	[ "$(unit_value $u WantedBy)" = multi-user.target ]
	[ "$(unit_value $u ConditionPathExists)" = '!/proc/vmcore' ]
	# no default dependencies: then the shutdown conflict must be restated
	[ "$(unit_value $u DefaultDependencies)" = no ]
	[ "$(unit_value $u Conflicts)" = shutdown.target ]
	[ "$(unit_value $u Before)" = shutdown.target ]
}

@test "units: the preflight service runs the wrapper; warn and fail do not fail the unit" {
	u=kdumpcheck-check.service
	[ "$(unit_value $u Type)" = oneshot ]
	[ "$(unit_value $u ExecStart)" = /usr/libexec/kdumpcheck/kdumpcheck-report ]
	[ "$(unit_value $u SuccessExitStatus)" = "1 2" ]
	[ -z "$(unit_value $u WantedBy)" ] # started by the timer only
	grep -q '^Description=' "$TOP/systemd/kdumpcheck-check.timer"
}

# ---- the report wrapper -----------------------------------------------------

@test "report: a ready host: both files written whole, 0644, same as kdumpcheck prints, no temporary left" {
	prepare_root el7-ready
	out=$BATS_TEST_TMPDIR/out
	report --prom "$out/tf/kdumpcheck.prom" --json "$out/lib/report.json" --root "$ROOT"
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	[ -z "$output" ]
	kdc --root "$ROOT" --format prom check >"$BATS_TEST_TMPDIR/want.prom"
	# the same, but for the free space, which the files just written changed
	cmp <(grep -v '^kdumpcheck_dump_dir_free_bytes ' "$BATS_TEST_TMPDIR/want.prom") \
		<(grep -v '^kdumpcheck_dump_dir_free_bytes ' "$out/tf/kdumpcheck.prom")
	grep -q '^kdumpcheck_dump_dir_free_bytes [0-9][0-9]*$' "$out/tf/kdumpcheck.prom"
	grep -qx 'kdumpcheck_status 0' "$out/tf/kdumpcheck.prom"
	[ "$(jq -r .schema "$out/lib/report.json")" = kdumpcheck.report/1 ]
	[ "$(jq -r .summary.status "$out/lib/report.json")" = pass ]
	[ "$(jq -r .root "$out/lib/report.json")" = "$ROOT" ]
	[ "$(stat -c %a "$out/tf/kdumpcheck.prom")" = 644 ]
	[ "$(stat -c %a "$out/lib/report.json")" = 644 ]
	[ -z "$(leftovers "$out")" ]
	[ "$(find "$out" -type f | wc -l)" -eq 2 ]
}

@test "report: warnings (1) and failures (2) are results: exit 0, files say warn and fail" {
	out=$BATS_TEST_TMPDIR/out
	prepare_root el6-sysctl-runtime-only
	report --prom "$out/w.prom" --json "$out/w.json" --root "$ROOT"
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	grep -qx 'kdumpcheck_status 1' "$out/w.prom"
	[ "$(jq -r .summary.status "$out/w.json")" = warn ]
	prepare_root el7-not-persistent
	report --prom "$out/f.prom" --json "$out/f.json" --root "$ROOT"
	[ "$status" -eq 0 ] || { echo "$stderr"; return 1; }
	grep -qx 'kdumpcheck_status 2' "$out/f.prom"
	[ "$(jq -r .summary.status "$out/f.json")" = fail ]
	[ "$(jq -r '.checks[] | select(.id == "crashkernel.persistent") | .status' "$out/f.json")" = fail ]
	[ -z "$(leftovers "$out")" ]
}

@test "report: checks that cannot run (3) fail the run and keep the previous files" {
	out=$BATS_TEST_TMPDIR/out
	mkdir -p "$out"
	echo 'kdumpcheck_status 0' >"$out/k.prom"
	echo '{"old": true}' >"$out/r.json"
	prepare_root malformed-policy
	report --prom "$out/k.prom" --json "$out/r.json" --root "$ROOT" -c "$ROOTS/malformed-policy/kdumpcheck.conf"
	[ "$status" -eq 3 ]
	[[ "$stderr" == *"bad comparator"* ]]
	[[ "$stderr" == *"kdumpcheck-report: kdumpcheck exited 3: the checks did not run; $out/k.prom left as it was"* ]]
	[ "$(cat "$out/k.prom")" = 'kdumpcheck_status 0' ]
	[ "$(cat "$out/r.json")" = '{"old": true}' ]
	[ -z "$(leftovers "$out")" ]
	# an unreadable root is the same
	report --prom "$out/k.prom" --json "$out/r.json" --root "$BATS_TEST_TMPDIR/no-such-root"
	[ "$status" -eq 3 ]
	[ "$(cat "$out/k.prom")" = 'kdumpcheck_status 0' ]
	[ -z "$(leftovers "$out")" ]
}

@test "report: a binary that dies half-way leaves no half file under the final name" {
	out=$BATS_TEST_TMPDIR/out
	mkdir -p "$out"
	echo 'kdumpcheck_status 0' >"$out/k.prom"
	stub=$BATS_TEST_TMPDIR/stub
	printf '%s\n' '#!/bin/sh' 'echo "kdumpcheck_check_status{id=\"crashkernel.cmdline\"} 0"' \
		'kill -9 $$' >"$stub"
	chmod +x "$stub"
	KDUMPCHECK=$stub run --separate-stderr sh "$REPORT" --prom "$out/k.prom" --json "$out/r.json"
	[ "$status" -eq 137 ]
	[ "$(cat "$out/k.prom")" = 'kdumpcheck_status 0' ]
	[ ! -e "$out/r.json" ]
	[ -z "$(leftovers "$out")" ]
}

@test "report: a full filesystem (kdumpcheck then exits 1, like a warning) keeps the old file: exit 73" {
	[ "$(id -u)" = 0 ] || skip "needs root to mount a 4 KiB tmpfs"
	prepare_root el7-not-persistent
	SMALL=$BATS_TEST_TMPDIR/small
	mkdir -p "$SMALL"
	mount -t tmpfs -o size=4k,mode=0755 tmpfs "$SMALL" || skip "cannot mount a tmpfs here"
	echo '{"old": true}' >"$SMALL/r.json"
	report --prom "" --json "$SMALL/r.json" --root "$ROOT"
	[ "$status" -eq 73 ]
	[[ "$stderr" == *"No space left on device"* ]]
	[[ "$stderr" == *"kdumpcheck-report: $SMALL/r.json: cannot write the new file; left as it was"* ]]
	[ "$(cat "$SMALL/r.json")" = '{"old": true}' ]
	[ -z "$(leftovers "$SMALL")" ]
}

@test "report: the final file is only ever renamed into place, never written in place" {
	need strace
	prepare_root el7-ready
	out=$BATS_TEST_TMPDIR/out
	mkdir -p "$out"
	echo old >"$out/k.prom"
	before=$(stat -c %i "$out/k.prom")
	# LeakSanitizer cannot run under ptrace: off for this run of an ASan build
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" KDUMPCHECK=$KDC run strace -f -qq -o "$BATS_TEST_TMPDIR/trace" -e trace=open,openat,creat,rename,renameat,renameat2 \
		sh "$REPORT" --prom "$out/k.prom" --json "" --root "$ROOT"
	[ "$status" -eq 0 ]
	[ "$(stat -c %i "$out/k.prom")" != "$before" ]
	# opened for writing only under a hidden temporary name ...
	if grep -E "open(at)?\(.*\"$out/k\.prom\".*O_(WRONLY|RDWR)" "$BATS_TEST_TMPDIR/trace"; then
		echo "the final file was opened for writing"
		return 1
	fi
	grep -E "open(at)?\(.*\"$out/\.k\.prom\.[A-Za-z0-9]{6}\".*O_(WRONLY|RDWR)" "$BATS_TEST_TMPDIR/trace"
	# ... then renamed over the final one
	grep -E "rename(at2?)?\(.*\"$out/\.k\.prom\.[A-Za-z0-9]{6}\".*\"$out/k\.prom\"" "$BATS_TEST_TMPDIR/trace"
	[ ! -e "$out/report.json" ]
}

@test "report: missing directories are made; an uncreatable one is exit 73; usage and missing binary" {
	prepare_root el7-ready
	out=$BATS_TEST_TMPDIR/out
	report --prom "$out/a/b/c.prom" --json "" --root "$ROOT"
	[ "$status" -eq 0 ]
	[ -s "$out/a/b/c.prom" ]
	[ "$(stat -c %a "$out/a/b")" = 755 ]
	: >"$out/plainfile"
	report --prom "$out/plainfile/k.prom" --json "$out/r.json" --root "$ROOT"
	[ "$status" -eq 73 ]
	[[ "$stderr" == *"$out/plainfile: cannot create the directory"* ]]
	[ "$(jq -r .summary.status "$out/r.json")" = pass ] # the other file is still written
	report --prom
	[ "$status" -eq 64 ]
	[[ "$stderr" == *"--prom needs a file name"* ]]
	KDUMPCHECK=$BATS_TEST_TMPDIR/none run -127 --separate-stderr sh "$REPORT" --prom "$out/x.prom"
	[ "$status" -eq 127 ]
	[ ! -e "$out/x.prom" ]
}

@test "report: the same under dash, bash and busybox sh" {
	prepare_root el6-sysctl-runtime-only
	for sh in dash bash "busybox sh"; do
		command -v "${sh%% *}" >/dev/null 2>&1 || continue
		out=$BATS_TEST_TMPDIR/out-${sh##* }
		KDUMPCHECK=$KDC run --separate-stderr $sh "$REPORT" --prom="$out/k.prom" --json="$out/r.json" --root "$ROOT"
		[ "$status" -eq 0 ] || { echo "$sh: $status $stderr"; return 1; }
		grep -qx 'kdumpcheck_status 1' "$out/k.prom"
		[ "$(jq -r .summary.status "$out/r.json")" = warn ]
		[ -z "$(leftovers "$out")" ]
	done
}

# ---- shell syntax and lint ----------------------------------------------------

@test "scripts: sh -n, dash -n and bash -n" {
	for f in "$REPORT" "$HOOK" "$INIT"; do
		sh -n "$f"
		bash -n "$f"
		if command -v dash >/dev/null 2>&1; then dash -n "$f"; fi
		head -n 1 "$f" | grep -qx '#!/bin/sh'
		[ -x "$f" ]
	done
}

@test "scripts: shellcheck (POSIX sh) is clean" {
	need shellcheck
	run shellcheck -s sh "$REPORT" "$HOOK" "$INIT"
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
}

# ---- the CentOS 6 init script ---------------------------------------------------

@test "init: chkconfig and LSB headers, starting after kdump" {
	hdr=$(sed -n 's/^# chkconfig: *//p' "$INIT")
	read -r levels start stop <<<"$hdr"
	[ "$levels" = 2345 ]
	# kexec-tools' own script: "chkconfig: - 20 80"
	kdump_start=$(sed -n 's/^# *chkconfig: *[-0-9]* \([0-9]*\) .*/\1/p' "$ROOTS/el6-ready/root/etc/rc.d/init.d/kdump")
	[ "$kdump_start" = 20 ]
	[ "$start" -gt "$kdump_start" ]
	[ "$stop" -ge 1 ] && [ "$stop" -le 99 ]
	sed -n '/^### BEGIN INIT INFO$/,/^### END INIT INFO$/p' "$INIT" >"$BATS_TEST_TMPDIR/lsb"
	grep -qx '# Provides: kdumpcheck' "$BATS_TEST_TMPDIR/lsb"
	grep -q '^# Should-Start:.* kdump' "$BATS_TEST_TMPDIR/lsb"
	grep -qx '# Default-Start: 2 3 4 5' "$BATS_TEST_TMPDIR/lsb"
	grep -q '^# Short-Description: ' "$BATS_TEST_TMPDIR/lsb"
	grep -q '^# description: ' "$INIT"
}

@test "init: start runs the harvest once and records it; status; stop is a no-op that forgets" {
	stub=$BATS_TEST_TMPDIR/kdc-stub
	printf '%s\n' '#!/bin/sh' "echo \"\$*\" >>'$BATS_TEST_TMPDIR/calls'" 'exit 0' >"$stub"
	chmod +x "$stub"
	export KDUMPCHECK=$stub KDUMPCHECK_LOCKFILE=$BATS_TEST_TMPDIR/lock
	run sh "$INIT" status
	[ "$status" -eq 3 ]
	run sh "$INIT" start
	[ "$status" -eq 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/calls")" = harvest ]
	[ -f "$BATS_TEST_TMPDIR/lock" ]
	run sh "$INIT" status
	[ "$status" -eq 0 ]
	[[ "$output" == *"harvest ran at boot"* ]]
	run sh "$INIT" stop
	[ "$status" -eq 0 ]
	[ ! -e "$BATS_TEST_TMPDIR/lock" ]
	[ "$(wc -l <"$BATS_TEST_TMPDIR/calls")" -eq 1 ] # stop ran nothing
	run sh "$INIT" condrestart
	[ "$status" -eq 0 ]
	[ "$(wc -l <"$BATS_TEST_TMPDIR/calls")" -eq 1 ] # not started: not rerun
	run bash "$INIT" restart
	[ "$status" -eq 0 ]
	[ "$(wc -l <"$BATS_TEST_TMPDIR/calls")" -eq 2 ]
	run sh "$INIT" bogus
	[ "$status" -eq 2 ]
	[[ "$output" == usage:* ]]
}

@test "init: a failing harvest is reported and not recorded; a missing binary is exit 5" {
	stub=$BATS_TEST_TMPDIR/kdc-stub
	printf '%s\n' '#!/bin/sh' 'echo "kdumpcheck: /var/crash: Permission denied" >&2' 'exit 1' >"$stub"
	chmod +x "$stub"
	export KDUMPCHECK_LOCKFILE=$BATS_TEST_TMPDIR/lock
	KDUMPCHECK=$stub run sh "$INIT" start
	[ "$status" -eq 1 ]
	[[ "$output" == *"Permission denied"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/lock" ]
	KDUMPCHECK=$BATS_TEST_TMPDIR/none run sh "$INIT" start
	[ "$status" -eq 5 ]
	[[ "$output" == *"is not installed"* ]]
}

# ---- the kdump_post hook ---------------------------------------------------------

@test "hook: tags the newest untagged dump of the target, without hashing, and exits 0" {
	capture_env
	old_tagged=$(dump 127.0.0.1-2024-05-29-10:00:00 kdump-lzo.vmcore)
	echo '{"schema": "kdumpcheck.vmcore/1"}' >"$old_tagged/vmcore.json"
	old=$(dump 127.0.0.1-2024-05-30-23:59:59 kdump-lzo.vmcore)
	new=$(dump 127.0.0.1-2024-05-31-08:08:40 kdump-zlib.vmcore)
	mkdir -p "$CK/sysroot/var/crash/not-a-dump" "$CK/run/var/crash/127.0.0.1-2030-01-01-00:00:00"
	cp "$VMCORES/kdump-zlib.vmcore" "$CK/run/var/crash/127.0.0.1-2030-01-01-00:00:00/vmcore" # tmpfs: skipped
	hook 0
	[ "$status" -eq 0 ]
	[[ "$output" == *"kdumpcheck: kdump_post: tagging $new"* ]]
	[ -f "$new/vmcore.json" ]
	[ "$(jq -r .vmcore.sha256 "$new/vmcore.json")" = null ]
	[ "$(jq -r .vmcore.complete "$new/vmcore.json")" = true ]
	[ "$(jq -r .kernel.release "$new/vmcore.json")" = "$REL" ]
	[ "$(jq -r .schema "$old_tagged/vmcore.json")" = kdumpcheck.vmcore/1 ]
	[ "$(jq -r .kernel "$old_tagged/vmcore.json")" = null ] # left alone
	[ ! -e "$old/vmcore.json" ]
	[ ! -e "$CK/run/var/crash/127.0.0.1-2030-01-01-00:00:00/vmcore.json" ]
	# same day: the later time of day wins (leading zeros are not octal)
	rm "$new/vmcore.json"
	later=$(dump 127.0.0.1-2024-05-31-09:00:00 kdump-none.vmcore)
	hook 0
	[ "$status" -eq 0 ]
	[ -f "$later/vmcore.json" ]
	[ ! -e "$new/vmcore.json" ]
}

@test "hook: a failed dump (status 1) still tags what was saved, as incomplete" {
	capture_env
	d=$(dump 10.0.0.5-2024-05-31-16:08:40 kdump-incomplete.vmcore vmcore-incomplete)
	hook 1
	[ "$status" -eq 0 ]
	[[ "$output" == *"the dump exited with status 1"* ]]
	[ -f "$d/vmcore-incomplete.json" ]
	[ "$(jq -r .vmcore.complete "$d/vmcore-incomplete.json")" = false ]
	[ ! -e "$d/vmcore" ]
}

@test "hook: a target on its own filesystem (EL7 /kdumproot, EL6 /mnt) with a relative path" {
	capture_env
	mkdir -p "$CK/kdumproot/data/crash" "$CK/mnt"
	echo "/dev/sdb1 $CK/kdumproot/data ext4 rw,relatime,data=ordered 0 0" >>"$CK/mounts"
	echo "path crash" >"$CK/kdump.conf"
	d=$CK/kdumproot/data/crash/myhost-2024-05-31-16:08:40
	mkdir -p "$d"
	cp "$VMCORES/elf64-mkd.vmcore" "$d/vmcore"
	hook 0
	[ "$status" -eq 0 ]
	[ "$(jq -r .vmcore.format "$d/vmcore.json")" = elf ]
}

@test "hook: never fails the capture: no binary, a failing tag, nothing to tag, no kdump.conf" {
	capture_env
	d=$(dump 127.0.0.1-2024-05-31-16:08:40 foreign-random)
	HOOK_KDC=$BATS_TEST_TMPDIR/none hook 0
	[ "$status" -eq 0 ]
	[[ "$output" == *"kdumpcheck is not in this initramfs"* ]]
	[ ! -e "$d/vmcore.json" ]
	# the real binary refuses a file that is no vmcore: exit 1, hook still 0
	hook 0
	[ "$status" -eq 0 ]
	[[ "$output" == *"kdumpcheck tag exited 1; harvest will retry after reboot"* ]]
	[ ! -e "$d/vmcore.json" ]
	rm -r "$d"
	hook 0
	[ "$status" -eq 0 ]
	[[ "$output" == *"no untagged dump directory found (dump path /var/crash)"* ]]
	KDUMP_CONF=$BATS_TEST_TMPDIR/none KDUMPCHECK_MOUNTS=$BATS_TEST_TMPDIR/none hook
	[ "$status" -eq 0 ]
	# a binary that crashes
	printf '%s\n' '#!/bin/sh' 'kill -SEGV $$' >"$BATS_TEST_TMPDIR/crashy"
	chmod +x "$BATS_TEST_TMPDIR/crashy"
	d=$(dump 127.0.0.1-2024-05-31-16:08:40 kdump-zlib.vmcore)
	HOOK_KDC=$BATS_TEST_TMPDIR/crashy hook 0
	[ "$status" -eq 0 ]
	[[ "$output" == *"kdumpcheck tag exited 139"* ]]
}

@test "hook: dump directories given as arguments; the same under dash and busybox sh" {
	capture_env
	parent=$BATS_TEST_TMPDIR/elsewhere
	d=$parent/192.168.122.7-2024-05-31-16:08:40
	mkdir -p "$d"
	cp "$VMCORES/flat-zlib.vmcore" "$d/vmcore"
	for sh in dash "busybox sh" bash; do
		command -v "${sh%% *}" >/dev/null 2>&1 || continue
		rm -f "$d/vmcore.json"
		SHELL_FOR_HOOK=$sh hook 0 "$parent"
		[ "$status" -eq 0 ] || { echo "$sh: $output"; return 1; }
		[ "$(jq -r .vmcore.format "$d/vmcore.json")" = flattened ] || { echo "$sh: $output"; return 1; }
		rm "$d/vmcore.json"
		SHELL_FOR_HOOK=$sh hook 0 "$d"
		[ -f "$d/vmcore.json" ] || { echo "$sh: $output"; return 1; }
	done
}

@test "cron: the CentOS 6 daily report line parses and names the installed wrapper" {
	f="$BATS_TEST_DIRNAME/../../packaging/kdumpcheck.cron"
	line=$(grep -v '^#' "$f" | grep -v '=' | grep -v '^$')
	[ "$(wc -l <<<"$line")" -eq 1 ]
	read -r min hour dom mon dow user cmd <<<"$line"
	[[ "$min" =~ ^[0-9]+$ ]] && [ "$min" -lt 60 ]
	[[ "$hour" =~ ^[0-9]+$ ]] && [ "$hour" -lt 24 ]
	[ "$dom $mon $dow" = "* * *" ]
	[ "$user" = root ]
	[[ "$cmd" == /usr/libexec/kdumpcheck/kdumpcheck-report* ]]
	grep -q 'ExecStart=/usr/libexec/kdumpcheck/kdumpcheck-report$' "$BATS_TEST_DIRNAME/../../systemd/kdumpcheck-check.service"
}
