#!/usr/bin/env bats
# hostile.bats - every input file of a ready CentOS 7 host, replaced in turn by
# hostile content (empty, binary with NUL bytes, one 1 MiB line, a truncated
# copy): the binary must not crash or hang, must still report every check, and
# the check that reads that file must not pass.

bats_require_minimum_version 1.5.0
load helpers

# FILE CHECK-ID: the check that must not pass when FILE is spoiled.
INPUTS="
/proc/cmdline crashkernel.cmdline
/sys/kernel/kexec_crash_size crashkernel.reserved
/proc/iomem crashkernel.reserved
/proc/meminfo crashkernel.size
/boot/grub2/grub.cfg crashkernel.persistent
/boot/grub2/grubenv crashkernel.persistent
/sys/kernel/kexec_crash_loaded kdump.loaded
/etc/kdump.conf kdump.config
/proc/sys/kernel/hung_task_panic sysctl.kernel.hung_task_panic
/proc/sys/kernel/panic sysctl.kernel.panic
/etc/sysctl.d/90-kdumpcheck.conf sysctl.persistent
/sys/kernel/notes debuginfo.buildid
/proc/sys/kernel/pid_max limits.pid_max
/proc/loadavg limits.threads_max
/proc/sys/kernel/threads-max limits.threads_max
/proc/sys/kernel/core_pattern limits.core_pattern
/proc/sys/kernel/tainted kernel.taint
"

# spoil ROOT FILE KIND: replace FILE (through a link: the link's target) with hostile content.
spoil() {
	local f="$1$2" kind=$3
	if [ -L "$f" ]; then f=$(readlink -f "$f"); fi
	case $kind in
	empty) : >"$f" ;;
	binary) printf '\177ELF\000\000\001\377\376crashkernel=\000256M\n\000\000' >"$f" ;;
	hugeline) head -c 1048576 /dev/zero | tr '\0' 'A' >"$f" ;;
	truncated) head -c 7 "$f" >"$f.cut" && mv "$f.cut" "$f" ;;
	esac
}

# judge KIND: spoil each input in a fresh copy and check the verdict.
judge() {
	local kind=$1 file id st
	while read -r file id; do
		[ -n "$file" ] || continue
		prepare_root el7-ready
		[ -e "$ROOT$file" ] || { echo "fixture lacks $file"; return 1; }
		# a file already shorter than the cut is not spoiled by it
		[ "$kind" = truncated ] && [ "$(tr -d "\n" <"$ROOT$file" | wc -c)" -le 7 ] && continue
		spoil "$ROOT" "$file" "$kind"
		run timeout 20 "$KDC" --root "$ROOT" check --json
		if [ "$status" -gt 2 ]; then
			echo "$kind $file: exit $status"
			echo "$output" | tail -n 5
			return 1
		fi
		[ "$(jq '.checks | length' <<<"$output")" -eq "$DEFAULT_NCHECKS" ] || { echo "$kind $file: not every check reported"; return 1; }
		st=$(jq -r --arg id "$id" '.checks[] | select(.id == $id) | .status' <<<"$output")
		if [ "$st" = pass ]; then
			echo "$kind $file: $id passed: $(jq -r --arg id "$id" '.checks[] | select(.id == $id) | .message' <<<"$output")"
			return 1
		fi
	done <<<"$INPUTS"
}

@test "hostile inputs: empty files" {
	judge empty
}

@test "hostile inputs: binary files with NUL bytes" {
	judge binary
}

@test "hostile inputs: one 1 MiB line" {
	judge hugeline
}

@test "hostile inputs: truncated to 7 bytes" {
	judge truncated
}

@test "hostile inputs: an empty root reports every check without a false pass or fail" {
	mkdir -p "$BATS_TEST_TMPDIR/empty"
	run kdc --root "$BATS_TEST_TMPDIR/empty" check --json
	[ "$status" -eq 0 ]
	[ "$(jq -r '[.checks[] | select(.status != "skip")] | length' <<<"$output")" -eq 0 ]
	[ "$(jq '.checks | length' <<<"$output")" -eq "$DEFAULT_NCHECKS" ]
}

@test "hostile inputs: a directory where a file should be" {
	prepare_root el7-ready
	rm -f "$ROOT/proc/cmdline" && mkdir "$ROOT/proc/cmdline"
	run kdc --root "$ROOT" --json
	[ "$status" -eq 2 ]
	[ "$(jq -r '.checks[0].status' <<<"$output")" = fail ]
	[[ "$(jq -r '.checks[0].message' <<<"$output")" == *"Is a directory"* ]]
}

@test "hostile inputs: a symlink loop" {
	prepare_root el7-ready
	rm -f "$ROOT/etc/kdump.conf"
	ln -s kdump.conf2 "$ROOT/etc/kdump.conf"
	ln -s kdump.conf "$ROOT/etc/kdump.conf2"
	run kdc --root "$ROOT" --json
	[ "$(jq -r '.checks[] | select(.id == "kdump.config") | .status' <<<"$output")" = fail ]
}

@test "hostile inputs: an unreadable file (not as root: skipped)" {
	[ "$(id -u)" -ne 0 ] || skip "root reads every file"
	prepare_root el7-ready
	chmod 000 "$ROOT/etc/kdump.conf"
	run kdc --root "$ROOT" --json
	[ "$(jq -r '.checks[] | select(.id == "kdump.config") | .status' <<<"$output")" = fail ]
}

# --- class 8: a failed capture disappears (the collect part)
# collect on the real makedumpfile and the ELF image of tests/unit/data/vmcore,
# on a root of its own (never this machine's kdump config)

H8_IMG="$BATS_TEST_DIRNAME/../unit/data/vmcore/elf64-x86_64.vmcore"

# h8_mkd BODY: a makedumpfile stand-in ($BATS_TEST_TMPDIR/mkd) running BODY for the capture, the real one for --dump-dmesg
h8_mkd() {
	printf '#!/bin/sh\ncase "$1" in --dump-dmesg) exec %s "$@" ;; esac\n%s\n' "$(command -v makedumpfile)" "$1" \
		>"$BATS_TEST_TMPDIR/mkd"
	chmod +x "$BATS_TEST_TMPDIR/mkd"
	mkdir -p "$BATS_TEST_TMPDIR/bare/etc"
}

@test "hostile 8: a core_collector option makedumpfile refuses: the message names only what is on disk" {
	h8_mkd "exec $(command -v makedumpfile) --no-such \"\$@\""
	t=$BATS_TEST_TMPDIR/crash
	run --separate-stderr env KDUMPCHECK_MAKEDUMPFILE="$BATS_TEST_TMPDIR/mkd" \
		"$KDC" --root "$BATS_TEST_TMPDIR/bare" collect --vmcore "$H8_IMG" --target "$t"
	[ "$status" -eq 1 ]
	d=$(ls -d "$t"/*/ | sed 's:/$::')
	[ ! -e "$d/vmcore-incomplete" ]
	[[ "$stderr" == *"(no vmcore-incomplete: makedumpfile wrote no dump)"* ]]
	[[ "$stderr" != *"partial dump"* ]]
	for f in $(ls "$d"); do [[ "$stderr" == *"$d/$f"* ]] || { echo "$f is on disk, not in: $stderr"; return 1; }; done
}

@test "hostile 8: kill -9 of collect while makedumpfile runs: the dump is still saved under its final name" {
	h8_mkd "sleep 2; echo after the parent died >&2; exec $(command -v makedumpfile) \"\$@\""
	t=$BATS_TEST_TMPDIR/crash
	KDUMPCHECK_MAKEDUMPFILE="$BATS_TEST_TMPDIR/mkd" "$KDC" --root "$BATS_TEST_TMPDIR/bare" collect \
		--vmcore "$H8_IMG" --target "$t" >/dev/null 2>&1 3>&- &
	pid=$!
	for _ in $(seq 50); do ls "$t"/*/makedumpfile.log >/dev/null 2>&1 && break; sleep 0.1; done
	sleep 0.5
	kill -9 "$pid"
	wait "$pid" || true
	d=$(ls -d "$t"/*/ | sed 's:/$::')
	for _ in $(seq 100); do [ -e "$d/vmcore" ] && break; sleep 0.1; done
	[ -s "$d/vmcore" ]
	[ ! -e "$d/vmcore-incomplete" ] && [ ! -e "$d/vmcore-incomplete.reason" ]
	grep -q "after the parent died" "$d/makedumpfile.log"
}

@test "hostile 8: a kernel log cut short (a full target) never has the final name vmcore-dmesg.txt" {
	printf '#!/bin/sh\ncase "$1" in --dump-dmesg) printf "[    1.0] Linux version 3.10.0\\n[  2" >"$3"; exit 1 ;; esac\nexec %s "$@"\n' \
		"$(command -v makedumpfile)" >"$BATS_TEST_TMPDIR/mkd"
	chmod +x "$BATS_TEST_TMPDIR/mkd"
	mkdir -p "$BATS_TEST_TMPDIR/bare/etc"
	t=$BATS_TEST_TMPDIR/crash
	run --separate-stderr env KDUMPCHECK_MAKEDUMPFILE="$BATS_TEST_TMPDIR/mkd" \
		"$KDC" --root "$BATS_TEST_TMPDIR/bare" --json collect --vmcore "$H8_IMG" --target "$t"
	d=$(ls -d "$t"/*/ | sed 's:/$::')
	[ ! -e "$d/vmcore-dmesg.txt" ]
	[ -s "$d/vmcore-dmesg-incomplete.txt" ]
	[ "$(jq -r .dmesg <<<"$output")" = null ]
}

@test "hostile 8: kdump.config fails a core_collector option the host's makedumpfile does not take" {
	prepare_root el7-ready
	sed -i 's|^core_collector .*|core_collector makedumpfile -l --message-level 1 -d 31 --bogus|' "$ROOT/etc/kdump.conf"
	run kdc --root "$ROOT" --json
	[ "$(jq -r '.checks[] | select(.id == "kdump.config") | .status' <<<"$output")" = fail ]
	[[ "$(jq -r '.checks[] | select(.id == "kdump.config") | .message' <<<"$output")" == *"no option --bogus"* ]]
	sed -i 's|^core_collector .*|core_collector makedumpfile -z -d 31|' "$ROOT/etc/kdump.conf"
	run kdc --root "$ROOT" --json
	[[ "$(jq -r '.checks[] | select(.id == "kdump.config") | .message' <<<"$output")" == *"makedumpfile 1.6.2 does not take -z (it came with 1.7.0)"* ]]
}

# --- class 10: real-world kernel logs
# a dump whose kernel log was saved off a serial console: the sidecar's class
# comes from the kernel's lines behind the capture's prefixes

# h10_tag LOG: tag a dump holding the ELF image and LOG as its vmcore-dmesg.txt; prints the sidecar's crash.class
h10_tag() {
	local d=$BATS_TEST_TMPDIR/root/var/crash/h-2024-05-31-16:08:37
	mkdir -p "$d" "$BATS_TEST_TMPDIR/root/etc"
	cp "$BATS_TEST_DIRNAME/../unit/data/vmcore/elf64-x86_64.vmcore" "$d/vmcore"
	printf '%b' "$1" >"$d/vmcore-dmesg.txt"
	kdc --root "$BATS_TEST_TMPDIR/root" tag --no-hash "$d" >/dev/null
	jq -r .crash.class "$d/vmcore.json"
}

@test "hostile 10: a conserver log (date and host on every line) is classified by its panic line" {
	[ "$(h10_tag 'Jan  5 10:11:12 db01 [  300.1] BUG: soft lockup - CPU#3 stuck for 22s! [java:1234]\nJan  5 10:11:12 db01 [  300.2] Kernel panic - not syncing: softlockup: hung tasks\n')" = softlockup ]
}

@test "hostile 10: minicom stamps and editor line numbers do not hide the panic" {
	[ "$(h10_tag '[2019-03-04 05:06:07] [  12.0] SysRq : Trigger a crash\n[2019-03-04 05:06:07] [  12.1] BUG: unable to handle kernel NULL pointer dereference at (null)\n[2019-03-04 05:06:07] [  12.1] IP: [<ffffffff8137fb06>] sysrq_handle_crash+0x16/0x20\n')" = sysrq ]
	[ "$(h10_tag '  41 [  10.0] kernel BUG at mm/slab.c:3111!\n  42 [  10.1] invalid opcode: 0000 [#1] SMP\n  43 [  10.2] Kernel panic - not syncing: Fatal exception\n')" = bug ]
}

@test "hostile 10: 2.6.32's machine check (\"Unable to continue\") and a hard LOCKUP panic text" {
	[ "$(h10_tag 'CPU 2: Machine Check Exception: 0000000000000005\nKernel panic - not syncing: Unable to continue\n')" = mce ]
	[ "$(h10_tag '<0>Kernel panic - not syncing: Watchdog detected hard LOCKUP on cpu 3\n')" = hardlockup ]
}

# --- class 11: tests that depend on the machine
# collect with --vmcore and --target reads the kdump config of its root: a
# machine with kdump-tools configured must not change what the tests see

@test "hostile 11: collect on a root of its own ignores the machine's MAKEDUMP_ARGS" {
	# the root's own kdump-tools config decides, not /etc/default/kdump-tools of this machine
	R=$BATS_TEST_TMPDIR/r
	mkdir -p "$R/etc/default"
	printf 'USE_KDUMP=1\nMAKEDUMP_ARGS="-c -d 17"\n' >"$R/etc/default/kdump-tools"
	printf 'ID=debian\nVERSION_ID="12"\n' >"$R/etc/os-release"
	run kdc --root "$R" collect --vmcore "$BATS_TEST_DIRNAME/../unit/data/vmcore/elf64-x86_64.vmcore" --target "$BATS_TEST_TMPDIR/t"
	[ "$status" -eq 0 ]
	d=$(ls -d "$BATS_TEST_TMPDIR"/t/*/ | sed 's:/$::')
	[ "$(jq -r '.collector.capture.argv[1:4] | join(" ")' "$d/vmcore.json")" = "-c -d 17" ]
}

@test "hostile 11: no bats file runs collect without --root (it would read this machine's kdump config)" {
	! grep -nE '(kdc|"\$KDC")( --json)? collect' "$BATS_TEST_DIRNAME"/*.bats | grep -v -- '--root'
}
