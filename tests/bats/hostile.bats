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
