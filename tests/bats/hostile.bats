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

# --- class 1: FIFOs and other non-files never hang a read
# Every read under the root opens without blocking and keeps only a regular
# file: a FIFO (or a device) where a file is expected is refused, and the
# check that reads it fails quoting the path.

load dumps

# fifo_dump: a dump directory whose vmcore.json is a FIFO; sets D.
fifo_dump() {
	mkroot
	policy 1 0
	rhel_dump 127.0.0.1-2024-05-31-16:08:37 kdump-zlib.vmcore '1 hour ago'
	D=$CRASH/127.0.0.1-2024-05-31-16:08:37
	mkfifo "$D/vmcore.json"
}

@test "hostile 1: a FIFO vmcore.json hangs neither list, prune, harvest nor tag --if-needed" {
	fifo_dump
	run timeout 20 "$KDC" --root "$ROOT" -c "$POLICY" list
	[ "$status" -lt 124 ]
	[[ "$output" == *"$D/vmcore"* ]]
	run timeout 20 "$KDC" --root "$ROOT" -c "$POLICY" prune --dry-run
	[ "$status" -lt 124 ]
	run timeout 20 "$KDC" --root "$ROOT" -c "$POLICY" prune
	[ "$status" -lt 124 ]
	[ -d "$D" ]
	run timeout 20 "$KDC" --root "$ROOT" -c "$POLICY" tag --no-hash --if-needed "$D"
	[ "$status" -lt 124 ]
	rm -f "$D/vmcore.json" && mkfifo "$D/vmcore.json"
	run timeout 20 "$KDC" --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -lt 124 ]
}

@test "hostile 1: a FIFO vmcore (the dump itself) hangs neither list nor harvest" {
	fifo_dump
	rm -f "$D/vmcore.json" "$D/vmcore" && mkfifo "$D/vmcore"
	run timeout 20 "$KDC" --root "$ROOT" -c "$POLICY" list
	[ "$status" -lt 124 ]
	run timeout 20 "$KDC" --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -lt 124 ]
	[ -p "$D/vmcore" ]
}

@test "hostile 1: a FIFO vmcore-incomplete.reason does not hang harvest" {
	mkroot
	policy 1 0
	rhel_dump 127.0.0.1-2024-05-31-16:08:37 kdump-incomplete.vmcore 'now' vmcore-incomplete
	mkfifo "$CRASH/127.0.0.1-2024-05-31-16:08:37/vmcore-incomplete.reason"
	run timeout 20 "$KDC" --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -lt 124 ]
	[[ "$output" == *"1 incomplete"* ]]
}

# fifo_check FILE ID: FILE of el7-ready a FIFO: check finishes and ID fails quoting FILE.
fifo_check() {
	prepare_root el7-ready
	rm -f "$ROOT$1" && mkfifo "$ROOT$1"
	run timeout 20 "$KDC" --root "$ROOT" check --json
	[ "$status" -eq 2 ] || { echo "exit $status: $output" | head -5; return 1; }
	[ "$(jq -r --arg id "$2" '.checks[] | select(.id == $id) | .status' <<<"$output")" = fail ]
	[[ "$(jq -r --arg id "$2" '.checks[] | select(.id == $id) | .message' <<<"$output")" == *"$1: not a regular file (a FIFO)"* ]]
}

@test "hostile 1: a FIFO /etc/kdump.conf fails kdump.config, quoting the path" {
	fifo_check /etc/kdump.conf kdump.config
}

@test "hostile 1: a FIFO /proc/cmdline fails crashkernel.cmdline, quoting the path" {
	fifo_check /proc/cmdline crashkernel.cmdline
}

@test "hostile 1: a FIFO policy file (under the root or given with -c) cannot run the checks, and says why" {
	prepare_root el7-ready
	mkfifo "$ROOT/etc/kdumpcheck.conf"
	run timeout 20 "$KDC" --root "$ROOT" check
	[ "$status" -eq 3 ]
	[[ "$output" == *"/etc/kdumpcheck.conf: not a regular file (a FIFO)"* ]]
	rm -f "$ROOT/etc/kdumpcheck.conf"
	mkfifo "$BATS_TEST_TMPDIR/policy.fifo"
	run timeout 20 "$KDC" --root "$ROOT" -c "$BATS_TEST_TMPDIR/policy.fifo" check
	[ "$status" -eq 3 ]
	[[ "$output" == *"policy.fifo: not a regular file (a FIFO)"* ]]
}

@test "hostile 1: a character device where /etc/kdump.conf should be is refused, not read" {
	[ "$(id -u)" -eq 0 ] || skip "mknod needs root"
	prepare_root el7-ready
	rm -f "$ROOT/etc/kdump.conf"
	mknod "$ROOT/etc/kdump.conf" c 1 5 2>/dev/null || skip "no device nodes here"	# /dev/zero: endless
	run timeout 20 "$KDC" --root "$ROOT" check --json
	[ "$status" -eq 2 ]
	msg=$(jq -r '.checks[] | select(.id == "kdump.config") | .message' <<<"$output")
	[[ "$msg" == *"/etc/kdump.conf: "* ]]
	[[ "$msg" == *"not a regular file (a character device)"* || "$msg" == *"Permission denied"* ]]
}

# --- class 3: a foreign root never reaches the host's devices
# test writes only to /proc/sysrq-trigger of the running kernel: under "/"
# only, never through a link, and only to a regular file on procfs. Proven in
# a private mount namespace where a file of the test's own is bound over
# /proc/sysrq-trigger (and "0" over kexec_crash_loaded, which would refuse
# too); the bind is verified inside the namespace before the binary runs, and
# the test is skipped otherwise, so nothing can reach the real trigger.

# ns_setup: skip unless a private mount namespace can stand in for /proc/sysrq-trigger; sets NS.
ns_setup() {
	[ "$(id -u)" -eq 0 ] || skip "needs root for a mount namespace"
	command -v unshare >/dev/null || skip "no unshare"
	unshare -m --propagation private true 2>/dev/null || skip "no mount namespaces here"
	[ -e /proc/sysrq-trigger ] && [ -e /sys/kernel/kexec_crash_loaded ] || skip "no sysrq-trigger here"
	NS=$BATS_TEST_TMPDIR/ns
	mkdir -p "$NS/etc" "$NS/var"
	[ ! -e /etc/ld.so.cache ] || cp /etc/ld.so.cache "$NS/etc/"
	echo 0 >"$NS/loaded"
}

# ns_crash_test SRC: 'test --yes-crash-this-host' with SRC bound over /proc/sysrq-trigger,
# "0" over kexec_crash_loaded and the test's own /etc and /var; each bind verified first.
ns_crash_test() {
	run unshare -m --propagation private sh -c '
		w=$1 kdc=$2 src=$3
		mount --bind "$src" /proc/sysrq-trigger || exit 99
		mount --bind "$w/loaded" /sys/kernel/kexec_crash_loaded || exit 99
		mount --bind "$w/etc" /etc && mount --bind "$w/var" /var || exit 99
		[ "$(stat -f -c %T /proc/sysrq-trigger)" != proc ] || exit 99
		[ "$(stat -c %d:%i /proc/sysrq-trigger)" = "$(stat -c %d:%i "$src")" ] || exit 99
		[ "$(cat /sys/kernel/kexec_crash_loaded)" = 0 ] || exit 99
		exec "$kdc" test --yes-crash-this-host' sh "$NS" "$KDC" "$1"
	[ "$status" -ne 99 ] || skip "the bind over /proc/sysrq-trigger could not be verified"
	[ "$status" -eq 1 ]
	[ -z "$(find "$NS/var" -mindepth 1)" ]
}

@test "hostile 3: test refuses a /proc/sysrq-trigger that is not on procfs, before the marker or a write" {
	ns_setup
	: >"$NS/sysrq"
	ns_crash_test "$NS/sysrq"
	[[ "$output" == *"refusing: /proc/sysrq-trigger: not a file of the running kernel (not on procfs or sysfs)"* ]]
	[ ! -s "$NS/sysrq" ]
}

@test "hostile 3: test refuses a device bound over /proc/sysrq-trigger" {
	ns_setup
	ns_crash_test /dev/null
	[[ "$output" == *"refusing: /proc/sysrq-trigger: not a regular file (a character device)"* ]]
}

@test "hostile 3: test under another root refuses before reading, whatever ROOT/proc/sysrq-trigger is" {
	prepare_root el7-ready
	rm -f "$ROOT/proc/sysrq-trigger"
	mkfifo "$ROOT/proc/sysrq-trigger"
	run timeout 20 "$KDC" --root "$ROOT" test --yes-crash-this-host
	[ "$status" -ne 0 ] && [ "$status" -lt 124 ]
	[ -p "$ROOT/proc/sysrq-trigger" ]
	[ ! -e "$ROOT/var/lib/kdumpcheck/pending-test.json" ]
}

@test "hostile 3: a device node as ROOT/dev/kmsg is not read by snapshot under another root" {
	[ "$(id -u)" -eq 0 ] || skip "mknod needs root"
	mkdir -p "$BATS_TEST_TMPDIR/img/dev" "$BATS_TEST_TMPDIR/img/proc"
	mknod "$BATS_TEST_TMPDIR/img/dev/kmsg" c 1 5 2>/dev/null || skip "no device nodes here"	# /dev/zero: endless
	run timeout 20 "$KDC" --root "$BATS_TEST_TMPDIR/img" snapshot
	[ "$status" -lt 124 ]
	[[ "$output" == *"kernel log: no /dev/kmsg or log file"* ]]
}

# --- class 6: unbounded work from small input
# Every parser has documented bounds (src/parse/*.h); a 4 MB /etc/default/grub
# whose variables double each other stops at SHVARS_MAX_VALUE, in little memory.

@test "hostile 6: a 4 MB /etc/default/grub of doubling variables fails cleanly in bounded memory" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time to measure the peak RSS"
	prepare_root el7-ready
	{
		head -c 1000 /dev/zero | tr '\0' x | sed 's/^/A=/;s/$/\n/'
		prev=A
		for i in $(seq 1 40); do echo "V$i=\"\$$prev \$$prev\""; prev=V$i; done
		echo "GRUB_CMDLINE_LINUX=\"\$$prev crashkernel=256M\""
		yes '# padding to make the file 4 MB, as a hostile file might be ..........................' | head -n 48000
	} >"$ROOT/etc/default/grub"
	[ "$(stat -c %s "$ROOT/etc/default/grub")" -gt 4000000 ]
	run --separate-stderr /usr/bin/time -f 'maxrss %M' timeout 60 "$KDC" --root "$ROOT" check --json
	[ "$status" -eq 2 ]
	rss=$(sed -n 's/^maxrss \([0-9]*\)$/\1/p' <<<"$stderr")
	[ -n "$rss" ] && [ "$rss" -lt 204800 ] || { echo "peak RSS ${rss:-?} KiB"; return 1; }
	msg=$(jq -r '.checks[] | select(.id == "crashkernel.persistent") | .message' <<<"$output")
	[[ "$msg" == "/etc/default/grub:"*" does not parse: value longer than 8388608 bytes" ]] || { echo "message: $msg"; return 1; }
}

@test "hostile 6: a grub.cfg with a 1 MiB submenu title over 2000 entries fails cleanly in bounded memory" {
	[ -x /usr/bin/time ] || skip "no /usr/bin/time to measure the peak RSS"
	prepare_root el7-ready
	local cfg
	cfg=$(readlink -f "$ROOT/boot/grub2/grub.cfg")
	{
		printf "submenu '%s' {\n" "$(head -c 1048576 /dev/zero | tr '\0' T)"
		for i in $(seq 1 2000); do printf 'menuentry x {\nlinux /vmlinuz a\n}\n'; done
		echo "}"
	} >"$cfg"
	run --separate-stderr /usr/bin/time -f 'maxrss %M' timeout 60 "$KDC" --root "$ROOT" check --json
	[ "$status" -eq 2 ]
	rss=$(sed -n 's/^maxrss \([0-9]*\)$/\1/p' <<<"$stderr")
	[ -n "$rss" ] && [ "$rss" -lt 204800 ] || { echo "peak RSS ${rss:-?} KiB"; return 1; }
	[ "$(jq -r '.checks[] | select(.id == "crashkernel.persistent") | .message' <<<"$output")" = "/boot/grub2/grub.cfg:44 does not parse" ]
}

# --- class 7: a corrupt libkmod index under the judged root
# libkmod trusts its .bin indexes; under a root other than "/" they are never
# handed to it: module facts come from modules.dep and the .ko through libelf.

# scramble FILE: keep the size and the first 8 bytes (the magic), fill the rest with noise.
scramble() {
	local n
	n=$(stat -c %s "$1")
	{ head -c 8 "$1"; head -c $((n > 8 ? n - 8 : 0)) /dev/urandom; } >"$1.new" && mv "$1.new" "$1"
}

@test "hostile 7: corrupt modules.dep.bin and modules.builtin.bin do not crash check; kernel.taint still names the module" {
	local m
	for kind in scramble truncate; do
		prepare_root el7-tainted
		m=$(readlink -f "$ROOT/lib/modules/3.10.0-1160.el7.x86_64")
		for f in modules.dep.bin modules.builtin.bin modules.alias.bin modules.symbols.bin; do
			if [ $kind = scramble ]; then scramble "$m/$f"; else truncate -s 13 "$m/$f"; fi
		done
		run timeout 20 "$KDC" --root "$ROOT" check --json
		[ "$status" -le 2 ] || { echo "$kind: exit $status"; return 1; }
		[ "$(jq -r '.checks[] | select(.id == "kernel.taint") | .status' <<<"$output")" = warn ]
		[[ "$(jq -r '.checks[] | select(.id == "kernel.taint") | .message' <<<"$output")" == *"by nvidia (POE, license NVIDIA, /lib/modules/3.10.0-1160.el7.x86_64/extra/nvidia/nvidia.ko)"* ]]
	done
}

@test "hostile 7: a garbage modules.dep as well still reports the taint, without the module's facts" {
	prepare_root el7-tainted
	m=$(readlink -f "$ROOT/lib/modules/3.10.0-1160.el7.x86_64")
	for f in modules.dep modules.dep.bin modules.builtin.bin; do scramble "$m/$f"; done
	run timeout 20 "$KDC" --root "$ROOT" check --json
	[ "$status" -le 2 ]
	[[ "$(jq -r '.checks[] | select(.id == "kernel.taint") | .message' <<<"$output")" == *"the kernel is tainted POE"*"by nvidia (POE)"* ]]
}
