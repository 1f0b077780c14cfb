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

@test "hostile 1: an unreadable /etc/kdump.conf (or kdump-tools file) leaves the target unknown: kdump.target fails, nothing judged from a guess" {
	fifo_check /etc/kdump.conf kdump.target
	[[ "$(jq -r '.checks[] | select(.id == "kdump.target") | .message' <<<"$output")" == *"where dumps go is not known"* ]]
	[ "$(jq -r '.checks[] | select(.id == "kdump.remote") | .status' <<<"$output")" = skip ]
	prepare_root debian12-ready
	rm -f "$ROOT/etc/default/kdump-tools" && mkfifo "$ROOT/etc/default/kdump-tools"
	run timeout 20 "$KDC" --root "$ROOT" check --json
	[ "$(jq -r '.checks[] | select(.id == "kdump.target") | .message' <<<"$output")" = \
		"cannot read /etc/default/kdump-tools: not a regular file (a FIFO): where dumps go is not known" ]
}

@test "hostile 1: a FIFO /proc/modules on a tainted host: kernel.taint says which modules taint it is not known" {
	prepare_root el7-tainted
	rm -f "$ROOT/proc/modules" && mkfifo "$ROOT/proc/modules"
	run timeout 20 "$KDC" --root "$ROOT" check --json
	[[ "$(jq -r '.checks[] | select(.id == "kernel.taint") | .message' <<<"$output")" == \
		*"; which modules taint it is not known (/proc/modules: not a regular file (a FIFO))" ]]
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

# --- class 4: remedies safe to paste
# el7-hostile-names (tests/roots): a kdump.conf path with a quote and $(...), and
# /etc/sysctl.d files named 99-$(touch ${HOME}x).conf and 98-o'brien $(id).conf.

# stand_ins DIR NAME...: commands that only log their argv (NUL after each word,
# \001 after each command) to $DIR/log, so a remedy can be run for real.
stand_ins() {
	local d=$1 n
	shift
	mkdir -p "$d"
	for n in "$@"; do
		printf '#!/bin/sh\nfor a in "${0##*/}" "$@"; do printf "%%s\\0" "$a"; done >>"%s/log"\nprintf "\\001" >>"%s/log"\n' \
			"$d" "$d" >"$d/$n"
		chmod +x "$d/$n"
	done
}

@test "hostile 4: every remedy of a host with shell syntax in its names parses in sh" {
	prepare_root el7-hostile-names
	run kdc --root "$ROOT" --json
	[ "$status" -eq 2 ]
	jq -r '.checks[] | select(.remedy != null) | .remedy' <<<"$output" >"$BATS_TEST_TMPDIR/remedies"
	[ -s "$BATS_TEST_TMPDIR/remedies" ]
	while IFS= read -r r; do
		sh -n -c "$r"
	done <"$BATS_TEST_TMPDIR/remedies"
}

@test "hostile 4: a pasted remedy passes exactly its argv, runs no \$(...), and remedy_argv says the same" {
	local id json stub home
	prepare_root el7-hostile-names
	json=$(kdc --root "$ROOT" --json) || true
	home=$BATS_TEST_TMPDIR/home
	mkdir -p "$home"
	for id in kdump.target sysctl.persistent; do
		stub=$BATS_TEST_TMPDIR/stub-$id
		stand_ins "$stub" $(jq -r --arg id "$id" '.checks[] | select(.id == $id) | .remedy_argv[][0]' <<<"$json")
		# the remedy as a user pastes it, with only the stand-ins on PATH
		env -i HOME="$home" PATH="$stub" /bin/sh -c "$(jq -r --arg id "$id" '.checks[] | select(.id == $id) | .remedy' <<<"$json")"
		jq -j --arg id "$id" '.checks[] | select(.id == $id) | .remedy_argv[] | (map(. + "\u0000") | join("")) + "\u0001"' \
			<<<"$json" >"$stub/want"
		cmp "$stub/want" "$stub/log"
	done
	# the words are the host's names, whole
	grep -qF "/var/crash/it's\$(touch\${IFS}\${HOME}/pwned)" "$BATS_TEST_TMPDIR/stub-kdump.target/log"
	grep -qF "/etc/sysctl.d/99-\$(touch \${HOME}x).conf" "$BATS_TEST_TMPDIR/stub-sysctl.persistent/log"
	grep -qF "/etc/sysctl.d/98-o'brien \$(id).conf" "$BATS_TEST_TMPDIR/stub-sysctl.persistent/log"
	# and nothing they hold ran
	[ ! -e "$home/pwned" ] && [ ! -e "${home}x" ]
}

@test "hostile 4: remedy_argv is null for a remedy that needs the shell, a list of argv otherwise" {
	prepare_root el7-hostile-names
	run kdc --root "$ROOT" --json
	# kdump.target: mkdir of the hostile path, one command
	[ "$(jq -c '.checks[] | select(.id == "kdump.target") | .remedy_argv' <<<"$output")" = \
		"[[\"mkdir\",\"-p\",\"-m\",\"0700\",\"/var/crash/it's\$(touch\${IFS}\${HOME}/pwned)\"]]" ]
	# every check without a remedy has a null remedy_argv
	[ "$(jq '[.checks[] | select(.remedy == null and .remedy_argv != null)] | length' <<<"$output")" -eq 0 ]
	# a redirection (echo ... >> FILE) is text only
	prepare_root el7-policy-root
	run kdc --root "$ROOT" --json
	[ "$(jq -c '.checks[] | select(.id == "sysctl.kernel.panic") | [.remedy, .remedy_argv]' <<<"$output")" = \
		"[\"sysctl -w kernel.panic=30 && echo 'kernel.panic = 30' >> /etc/sysctl.d/90-kdumpcheck.conf\",null]" ]
}

@test "hostile 4: the sidecar's crash command quotes the dump path, and crash_argv holds it whole" {
	source "$BATS_TEST_DIRNAME/dumps.bash"
	local rel=6.1.0-18-amd64 d
	mkroot
	d="127.0.0.1-2024-05-31-16:08:37 \$(touch \${HOME}y)'q"
	rhel_dump "$d" kdump-v5.vmcore 2024-05-31T16:08:37
	mkdir -p "$ROOT/usr/lib/debug/lib/modules/$rel"
	cp "$ROOTS/el7-ready/root/usr/lib/debug/lib/modules/3.10.0-1160.el7.x86_64/vmlinux" \
		"$ROOT/usr/lib/debug/lib/modules/$rel/vmlinux"
	run kdc --root "$ROOT" tag --no-hash "$CRASH/$d"
	[ "$status" -eq 0 ]
	local side=$CRASH/$d/vmcore.json cmd
	cmd=$(jq -r .analysis.crash_command "$side")
	[ "$cmd" != null ]
	sh -n -c "$cmd"
	[ "$(jq -r '.analysis.crash_argv[2]' "$side")" = "$CRASH/$d/vmcore" ]
	stand_ins "$BATS_TEST_TMPDIR/stub" crash
	env -i HOME="$BATS_TEST_TMPDIR" PATH="$BATS_TEST_TMPDIR/stub" /bin/sh -c "$cmd"
	jq -j '.analysis.crash_argv | (map(. + "\u0000") | join("")) + "\u0001"' "$side" >"$BATS_TEST_TMPDIR/want"
	cmp "$BATS_TEST_TMPDIR/want" "$BATS_TEST_TMPDIR/stub/log"
	[ ! -e "$BATS_TEST_TMPDIR/y" ]
}

# --- class 5: output can be forged
# Host words with terminal escapes, CR/LF and malformed UTF-8 (0xff, the
# overlong 0xc0 0xaf, the lone surrogate ED A0 80): text output shows them
# escaped (\xNN), JSON output is valid UTF-8 (each invalid byte as U+FFFD).

# The hostile bytes, as printf takes them.
HOSTILE='\033[2J\033]0;owned\007\r\377\300\257\355\240\200\302\233'

# no_raw_ctl FILE: no control byte but newline in FILE, and no C1 control (U+0080..U+009F).
no_raw_ctl() {
	! LC_ALL=C grep -qaP '[\x00-\x09\x0b-\x1f\x7f]' "$1" && ! LC_ALL=C grep -qaP '\xc2[\x80-\x9f]' "$1"
}

# strict_json FILE: valid UTF-8, and JSON.
strict_json() {
	iconv -f UTF-8 -t UTF-8 "$1" >/dev/null && jq . "$1" >/dev/null
}

@test "hostile 5: a hostname, PRETTY_NAME and core_pattern with escapes and bad UTF-8: check text escaped, JSON valid" {
	prepare_root debian12-ready
	printf "host$HOSTILE\n" >"$ROOT/proc/sys/kernel/hostname"
	sed -i "s|^PRETTY_NAME=.*|PRETTY_NAME=\"Debian $(printf "$HOSTILE")\"|" "$ROOT/etc/os-release"
	printf "|/usr/lib/x$HOSTILE\nPASS forged\n" >"$ROOT/proc/sys/kernel/core_pattern"
	kdc --root "$ROOT" --no-color check >"$BATS_TEST_TMPDIR/out.txt" || true
	no_raw_ctl "$BATS_TEST_TMPDIR/out.txt"
	# (the host layer already turns C0 controls of a hostname into '?'; the rest is escaped here)
	grep -qF '\xff\xc0\xaf\xed\xa0\x80\xc2\x9b, Debian ' "$BATS_TEST_TMPDIR/out.txt"
	grep -qF 'x\x1b[2J\x1b]0;owned\x07\x0d\xff\xc0\xaf\xed\xa0\x80\xc2\x9b' "$BATS_TEST_TMPDIR/out.txt"
	kdc --root "$ROOT" --json >"$BATS_TEST_TMPDIR/out.json" || true
	strict_json "$BATS_TEST_TMPDIR/out.json"
	# each invalid byte is one U+FFFD; controls are JSON escapes; C1 U+009B is valid UTF-8 and kept
	[ "$(jq -r .host.hostname "$BATS_TEST_TMPDIR/out.json")" = \
		"$(printf 'host?[2J?]0;owned??\357\277\275\357\277\275\357\277\275\357\277\275\357\277\275\357\277\275\302\233')" ]
	jq -r '.checks[] | select(.id == "limits.core_pattern") | .message' "$BATS_TEST_TMPDIR/out.json" | grep -qF "x$(printf '\033')[2J"
	for fmt in prom nagios; do
		kdc --root "$ROOT" --format $fmt >"$BATS_TEST_TMPDIR/out.$fmt" || true
		no_raw_ctl "$BATS_TEST_TMPDIR/out.$fmt"
	done
}

@test "hostile 5: dump directory names and a vmcore nodename with escapes: list, tag, the sidecar, harvest, prune" {
	source "$BATS_TEST_DIRNAME/dumps.bash"
	local d
	mkroot
	d="127.0.0.1-2024-05-31-16:08:37$(printf "$HOSTILE")"
	rhel_dump "$d" kdump-v5.vmcore 2024-05-31T16:08:37
	# the nodename inside the dump: same length as deb12-guest
	perl -pi -e 's/deb12-guest/\x1b[2J\n\xff\xc0\xaf\xed\xa0\x80/g' "$CRASH/$d/vmcore"
	# and a kernel log line the same: the panic text goes into the sidecar and the listing
	perl -pi -e 's/sysrq triggered crash/sysrq \x1b[2J\r\xff\xc0\xaf\xed\xa0\x80 crash/' "$CRASH/$d/vmcore-dmesg.txt"
	kdc --root "$ROOT" tag --no-hash "$CRASH/$d" >"$BATS_TEST_TMPDIR/tag.txt"
	no_raw_ctl "$BATS_TEST_TMPDIR/tag.txt"
	strict_json "$CRASH/$d/vmcore.json"
	[ "$(jq -r .host.hostname "$CRASH/$d/vmcore.json")" = "$(printf '\033[2J\n\357\277\275\357\277\275\357\277\275\357\277\275\357\277\275\357\277\275')" ]
	policy 5 0
	for verb in list "prune --dry-run" harvest; do
		# shellcheck disable=SC2086
		kdc --root "$ROOT" -c "$POLICY" $verb >"$BATS_TEST_TMPDIR/v.txt" 2>&1 || true
		no_raw_ctl "$BATS_TEST_TMPDIR/v.txt"
		# shellcheck disable=SC2086
		kdc --root "$ROOT" -c "$POLICY" --json $verb >"$BATS_TEST_TMPDIR/v.json" 2>/dev/null || true
		strict_json "$BATS_TEST_TMPDIR/v.json"
	done
	kdc --root "$ROOT" list >"$BATS_TEST_TMPDIR/list.txt"
	grep -qF '\x1b[2J\x0a' "$BATS_TEST_TMPDIR/list.txt"
	[ "$(wc -l <"$BATS_TEST_TMPDIR/list.txt")" -eq 2 ]
}

@test "hostile 5: snapshot of a host with a hostile name: text escaped, --json and the saved file valid UTF-8" {
	prepare_root el7-ready
	printf "host$HOSTILE\n" >"$ROOT/proc/sys/kernel/hostname"
	kdc --root "$ROOT" snapshot >"$BATS_TEST_TMPDIR/snap.txt" 2>&1 || true
	no_raw_ctl "$BATS_TEST_TMPDIR/snap.txt"
	kdc --root "$ROOT" --json snapshot >"$BATS_TEST_TMPDIR/snap.json" 2>/dev/null || true
	strict_json "$BATS_TEST_TMPDIR/snap.json"
}

@test "hostile 5: the syslog copy of harvest's lines is escaped like the terminal's" {
	[ "$(id -u)" -eq 0 ] || skip "a mount namespace needs root"
	command -v unshare >/dev/null && command -v python3 >/dev/null || skip "no unshare or python3"
	source "$BATS_TEST_DIRNAME/dumps.bash"
	mkroot
	d="127.0.0.1-2024-05-31-16:08:37$(printf "$HOSTILE")"
	rhel_dump "$d" kdump-v5.vmcore 2024-05-31T16:08:37
	policy 5 0
	# a syslog socket of our own, seen as /dev/log in a mount namespace (harvest on "/" logs to syslog)
	python3 -c 'import socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.settimeout(20)
with open(sys.argv[2], "wb") as f:
    while True:
        try:
            m = s.recv(65536)
        except socket.timeout:
            break
        f.write(m + b"\n")
        f.flush()' "$BATS_TEST_TMPDIR/log" "$BATS_TEST_TMPDIR/syslog.txt" &
	lp=$!
	for _ in $(seq 50); do [ -S "$BATS_TEST_TMPDIR/log" ] && break; sleep 0.1; done
	run unshare -m --propagation private sh -c 'mount -t tmpfs none /dev && mknod -m 666 /dev/null c 1 3 &&
		ln -s "$1" /dev/log && shift && exec "$@"' sh "$BATS_TEST_TMPDIR/log" \
		"$KDC" -c "$POLICY" --dump-dir "$CRASH" harvest --no-hash
	for _ in $(seq 50); do grep -q tagged "$BATS_TEST_TMPDIR/syslog.txt" 2>/dev/null && break; sleep 0.1; done
	kill "$lp" 2>/dev/null || true
	[ "$status" -eq 0 ]
	grep -q "kdumpcheck.*tagged" "$BATS_TEST_TMPDIR/syslog.txt"
	no_raw_ctl "$BATS_TEST_TMPDIR/syslog.txt"
	grep -qF '16:08:37\x1b[2J' "$BATS_TEST_TMPDIR/syslog.txt"
}

# --- class 2: writes and deletes escape
# Work inside a dump directory goes through its descriptor (src/dirfd.c): a
# link planted there, or a directory swapped for one, never redirects a write
# or a delete. The swap in the middle of a prune is tested in
# tests/unit/test-dirfd.c (the directory moved between opening and deleting).

# pstore_records: three records of a crash at 2025-01-02T03:04:05Z no dump covers.
pstore_records() {
	local ps=$ROOT/sys/fs/pstore
	mkdir -p "$ps"
	printf 'Panic#1 Part1\n<0>Kernel panic - not syncing: hung_task: blocked tasks\n' >"$ps/dmesg-ramoops-0"
	printf '[    0.000000] Linux version 6.1.0-18-amd64\n' >"$ps/console-ramoops-0"
	touch -d '2025-01-02T03:04:05Z' "$ps/dmesg-ramoops-0" "$ps/console-ramoops-0"
}

@test "hostile 2: harvest does not write pstore records through a link planted as its partial directory" {
	mkroot
	policy 5 0%
	outside
	pstore_records
	ln -s "$OUT" "$CRASH/.testhost-2025-01-02-03:04:05-pstore.partial"
	before=$(cd "$OUT" && ls -la --time-style=full-iso)
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[ "$(cd "$OUT" && ls -la --time-style=full-iso)" = "$before" ]
	[ ! -e "$OUT/dmesg-ramoops-0" ]
	saved=$CRASH/testhost-2025-01-02-03:04:05-pstore
	[ -d "$saved" ] && [ ! -L "$saved" ]
	cmp "$ROOT/sys/fs/pstore/dmesg-ramoops-0" "$saved/dmesg-ramoops-0"
	[ ! -e "$CRASH/.testhost-2025-01-02-03:04:05-pstore.partial" ]
}

@test "hostile 2: harvest refuses a link planted under the pstore directory's final name" {
	mkroot
	policy 5 0%
	outside
	pstore_records
	ln -s "$OUT" "$CRASH/testhost-2025-01-02-03:04:05-pstore"
	before=$(listing)
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 1 ]
	[[ "$output" == *"cannot save the pstore records"*"a file or link of that name is in the way"* ]]
	[ "$(listing)" = "$before" ]
}

@test "hostile 2: tag replaces a link planted as the sidecar, never writes through it" {
	mkroot
	outside
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	echo precious >"$OUT/victim"
	ln -s "$OUT/victim" "$CRASH/h-2024-05-31-16:08:41/vmcore.json"
	run kdc --root "$ROOT" tag --no-hash "$CRASH/h-2024-05-31-16:08:41"
	[ "$status" -eq 0 ]
	[ "$(cat "$OUT/victim")" = precious ]
	[ ! -L "$CRASH/h-2024-05-31-16:08:41/vmcore.json" ]
	[ "$(jq -r .schema "$CRASH/h-2024-05-31-16:08:41/vmcore.json")" = kdumpcheck.vmcore/1 ]
}

@test "hostile 2: prune deletes nothing through a dump directory or dump file that is a link" {
	mkroot
	policy 1 0%
	outside
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	mkdir -p "$OUT/h-2020-01-01-00:00:00"
	cp "$DATA/vmcore/kdump-zlib.vmcore" "$OUT/h-2020-01-01-00:00:00/vmcore"
	touch -d '400 days ago' "$OUT/h-2020-01-01-00:00:00/vmcore"
	ln -s "$OUT/h-2020-01-01-00:00:00" "$CRASH/h-2020-01-01-00:00:00"
	ln -s "$OUT/vmcore" "$CRASH/vmcore.1"
	before=$(cd "$BATS_TEST_TMPDIR" && find outside -printf '%p %y %s %T@\n' | LC_ALL=C sort)
	run kdc --root "$ROOT" -c "$POLICY" prune
	[ "$status" -eq 0 ]
	[ "$(cd "$BATS_TEST_TMPDIR" && find outside -printf '%p %y %s %T@\n' | LC_ALL=C sort)" = "$before" ]
	[ -f "$CRASH/h-2024-05-31-16:08:41/vmcore" ]
}

@test "hostile 2: collect writes through its dump directory's descriptor: swapped for a link mid-capture, it redirects nothing" {
	outside
	mkdir -p "$BATS_TEST_TMPDIR/bare/etc"
	t=$BATS_TEST_TMPDIR/crash
	# while the kernel log is saved, the new dump directory is moved away and a link to the outside put in its place
	cat >"$BATS_TEST_TMPDIR/mkd" <<-STANDIN
	#!/bin/sh
	if [ "\$1" = --dump-dmesg ] && [ ! -e "$BATS_TEST_TMPDIR/moved" ]; then
		d=\$(ls -d "$t"/*/ | sed 's:/\$::')
		mv "\$d" "$BATS_TEST_TMPDIR/moved" && ln -s "$OUT" "\$d"
	fi
	exec $(command -v makedumpfile) "\$@"
	STANDIN
	chmod +x "$BATS_TEST_TMPDIR/mkd"
	before=$(cd "$BATS_TEST_TMPDIR" && find outside -printf '%p %y %s %T@\n' | LC_ALL=C sort)
	run --separate-stderr env KDUMPCHECK_MAKEDUMPFILE="$BATS_TEST_TMPDIR/mkd" \
		"$KDC" --root "$BATS_TEST_TMPDIR/bare" collect --vmcore "$BATS_TEST_DIRNAME/../unit/data/vmcore/elf64-x86_64.vmcore" --target "$t"
	[ -L "$(ls -d "$t"/* | head -n 1)" ]
	# nothing reached the outside; the dump is whole in the directory collect made
	[ "$(cd "$BATS_TEST_TMPDIR" && find outside -printf '%p %y %s %T@\n' | LC_ALL=C sort)" = "$before" ]
	[ -s "$BATS_TEST_TMPDIR/moved/vmcore" ]
	[ ! -e "$BATS_TEST_TMPDIR/moved/vmcore-incomplete" ]
}

# --- class 8: a failed capture disappears (list and harvest)
# A capture that failed at once leaves only its kernel log and a reason: list
# shows the directory (no vmcore, the reason), harvest says so on every run.

# failed_capture NAME: CRASH/NAME with vmcore-dmesg.txt and vmcore-incomplete.reason only.
failed_capture() {
	mkdir -p "$CRASH/$1"
	cp "$DATA/dmesg/deb12-sysrq.txt" "$CRASH/$1/vmcore-dmesg.txt"
	echo "makedumpfile: invalid option -- 'q'" >"$CRASH/$1/vmcore-incomplete.reason"
	touch -d '2024-05-31T16:10:00Z' "$CRASH/$1/vmcore-dmesg.txt" "$CRASH/$1/vmcore-incomplete.reason"
}

@test "hostile 8: list shows a dump directory whose capture wrote no dump file, with the reason" {
	mkroot
	failed_capture 127.0.0.1-2024-05-31-16:08:41
	run kdc --root "$ROOT" list
	[ "$status" -eq 0 ]
	[[ "$output" != *"no dumps"* ]]
	[[ "$output" == *"NONE"*"$CRASH/127.0.0.1-2024-05-31-16:08:41 (no vmcore: makedumpfile: invalid option -- 'q')"* ]]
	run kdc --root "$ROOT" --json list
	[ "$status" -eq 0 ]
	[ "$(jq -r '.[0].status' <<<"$output")" = "no vmcore" ]
	[ "$(jq -r '.[0].complete' <<<"$output")" = false ]
	[ "$(jq -r '.[0].note' <<<"$output")" = "makedumpfile: invalid option -- 'q'" ]
	[ "$(jq -r '.[0].host' <<<"$output")" = 127.0.0.1 ]
}

@test "hostile 8: harvest reports a capture that wrote no dump file, on every run, and prune leaves it" {
	mkroot
	policy 1 0%
	failed_capture 127.0.0.1-2024-05-31-16:08:41
	for i in 1 2; do
		run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
		[ "$status" -eq 0 ]
		[[ "$output" != *"nothing to do"* ]]
		[[ "$output" == *"$CRASH/127.0.0.1-2024-05-31-16:08:41: the capture wrote no dump file: makedumpfile: invalid option -- 'q'"* ]]
		[[ "$output" == *"1 dump directory without a readable dump file"* ]]
	done
	run --separate-stderr kdc --root "$ROOT" -c "$POLICY" --json harvest --no-hash
	[ "$(jq -r '.dumps[0].action' <<<"$output")" = no_vmcore ]
	[ "$(jq -r '.summary.no_vmcore' <<<"$output")" = 1 ]
	run kdc --root "$ROOT" -c "$POLICY" -v prune
	[ "$status" -eq 0 ]
	[ -f "$CRASH/127.0.0.1-2024-05-31-16:08:41/vmcore-dmesg.txt" ]
}

@test "hostile 8: a FIFO named like a dump file is listed as unreadable, never opened" {
	mkroot
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	mkfifo "$CRASH/vmcore.1" "$CRASH/h-2024-05-31-16:08:41/vmcore.json"
	run timeout 20 "$KDC" --root "$ROOT" list
	[ "$status" -eq 0 ]
	[[ "$output" == *"ERROR"*"$CRASH/vmcore.1 (unreadable: not a regular file)"* ]]
	[[ "$output" == *"$CRASH/h-2024-05-31-16:08:41/vmcore (its sidecar is not a regular file)"* ]]
}

# --- class 9: no locking, and cost per dump
# The timed figures (20,000 dumps) are in 'make bench' (tests/bench.sh); here
# the behaviour: the lock serialises, a current sidecar spawns nothing.

@test "hostile 9: harvest waits for the holder of the dump directory's lock, then runs" {
	mkroot
	policy 5 0%
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	flock "$CRASH" sh -c "echo held >'$BATS_TEST_TMPDIR/held'; sleep 2; touch '$BATS_TEST_TMPDIR/released'" &
	for _ in $(seq 50); do [ -e "$BATS_TEST_TMPDIR/held" ] && break; sleep 0.1; done
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	wait
	[ "$status" -eq 0 ]
	[[ "$output" == *"1 tagged"* ]]
	# the sidecar came after the holder let go
	[ "$CRASH/h-2024-05-31-16:08:41/vmcore.json" -nt "$BATS_TEST_TMPDIR/held" ]
	[ ! "$CRASH/h-2024-05-31-16:08:41/vmcore.json" -ot "$BATS_TEST_TMPDIR/released" ]
	# nothing of the lock is left in the directory
	[ "$(ls -A "$CRASH")" = h-2024-05-31-16:08:41 ]
}

@test "hostile 9: tag waits for the holder of the dump directory's lock, then writes the sidecar" {
	mkroot
	rhel_dump h-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	flock "$CRASH" sh -c "echo held >'$BATS_TEST_TMPDIR/held'; sleep 2; touch '$BATS_TEST_TMPDIR/released'" &
	for _ in $(seq 50); do [ -e "$BATS_TEST_TMPDIR/held" ] && break; sleep 0.1; done
	run kdc --root "$ROOT" tag --no-hash "$CRASH/h-2024-05-31-16:08:41"
	wait
	[ "$status" -eq 0 ]
	[ ! "$CRASH/h-2024-05-31-16:08:41/vmcore.json" -ot "$BATS_TEST_TMPDIR/released" ]
	[ "$(ls -A "$CRASH")" = h-2024-05-31-16:08:41 ]
}

@test "hostile 9: harvest spawns no makedumpfile for dumps whose sidecars are current" {
	mkroot
	policy 5 0%
	for i in 1 2 3; do
		rhel_dump "h-2024-05-31-16:08:4$i" kdump-zlib.vmcore "$i hours ago"
		rm "$CRASH/h-2024-05-31-16:08:4$i/vmcore-dmesg.txt"
	done
	cat >"$BATS_TEST_TMPDIR/makedumpfile" <<-STANDIN
	#!/bin/sh
	echo "\$*" >>"$BATS_TEST_TMPDIR/spawned"
	exit 1
	STANDIN
	chmod +x "$BATS_TEST_TMPDIR/makedumpfile"
	export KDUMPCHECK_MAKEDUMPFILE=$BATS_TEST_TMPDIR/makedumpfile
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[[ "$output" == *"3 tagged"* ]]
	# without a saved kernel log, tagging asks makedumpfile for it: the stand-in is used
	[ -s "$BATS_TEST_TMPDIR/spawned" ]
	rm "$BATS_TEST_TMPDIR/spawned"
	run kdc --root "$ROOT" -c "$POLICY" harvest --no-hash
	[ "$status" -eq 0 ]
	[[ "$output" == "nothing to do in $CRASH"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/spawned" ]
	run kdc --root "$ROOT" list
	[ "$status" -eq 0 ]
	[ ! -e "$BATS_TEST_TMPDIR/spawned" ]
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

@test "hostile 11: a run on this machine's own root reads the shipped policy, never its /etc/kdumpcheck.conf" {
	command -v strace >/dev/null || skip "no strace"
	# LeakSanitizer cannot run under ptrace
	export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"
	KDC_WRAP="strace -f -e trace=open,openat -o $BATS_TEST_TMPDIR/trace"
	for k in kdc "$(kdc_pinned)"; do
		rm -f "$BATS_TEST_TMPDIR/trace"
		"$k" --json >/dev/null 2>&1 || true
		grep -qF "\"$HOST_POLICY\"" "$BATS_TEST_TMPDIR/trace"
		! grep -F '"/etc/kdumpcheck.conf"' "$BATS_TEST_TMPDIR/trace"
	done
}
