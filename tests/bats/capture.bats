#!/usr/bin/env bats
# capture.bats - "kdumpcheck --list-inputs FILE" (every host path a verb used)
# and tests/roots/capture.sh, which copies exactly those paths of a host into a
# new fixture case. The "host" is always a fixture root (--from), never this
# machine's own /.

bats_require_minimum_version 1.5.0
load helpers

CAPTURE="$BATS_TEST_DIRNAME/../roots/capture.sh"
GOLDEN="$BATS_TEST_DIRNAME/../golden.sh"

@test "--list-inputs: sorted KIND PATH lines of the judged host, links included; the report is unchanged" {
	local list=$BATS_TEST_TMPDIR/inputs plain
	# (the free space of kdump.target follows this machine's disk from run to run)
	run_case el7-ready --json
	plain=$(jq -c '.checks[] | select(.id != "kdump.target")' "$OUT")
	run_case el7-ready --json --list-inputs "$list"
	[ "$status" = 0 ] || { show_run; return 1; }
	[ "$(jq -c '.checks[] | select(.id != "kdump.target")' "$OUT")" = "$plain" ]
	grep -qx 'read /proc/cmdline' "$list"
	grep -qx 'link /etc/sysctl.d/99-sysctl.conf' "$list"
	grep -qx 'read /etc/sysctl.conf' "$list"
	grep -qx 'link /sbin' "$list"
	grep -qx 'stat /usr/sbin/kexec' "$list"
	grep -qx 'list /etc/sysctl.d' "$list"
	run ! grep -vE '^(read|write|stat|link|list|entry|path) /' "$list"
	run ! grep -F "$ROOT" "$list"
	[ "$(cut -d' ' -f2- "$list" | LC_ALL=C sort -c 2>&1)" = "" ]
	[ -z "$(sort "$list" | uniq -d)" ]
}

@test "--list-inputs: a file that cannot be written is exit 3 with one line; a missing argument is 64" {
	prepare_root el7-ready
	run --separate-stderr kdc --root "$ROOT" check --list-inputs /nonexistent/dir/list
	[ "$status" = 3 ]
	[ "$stderr" = "kdumpcheck: --list-inputs /nonexistent/dir/list: No such file or directory" ]
	run --separate-stderr kdc --root "$ROOT" check --list-inputs
	[ "$status" = 64 ]
}

# capture_case CASE ROOTS: assemble CASE as the "live host", capture it into
# ROOTS/CASE, and give the capture CASE's golden files and policy.
capture_case() {
	local c=$1 roots=$2 from=$BATS_TEST_TMPDIR/hosts/$1
	sh "$ROOTS/assemble.sh" "$c" "$from"
	bash "$CAPTURE" --from "$from" --kdumpcheck "$KDC" --into "$roots" "$c" 2>"$BATS_TEST_TMPDIR/capture.err" ||
		{ cat "$BATS_TEST_TMPDIR/capture.err"; return 1; }
	cp "$ROOTS/$c"/expected* "$roots/$c/"
	if [ -f "$ROOTS/$c/kdumpcheck.conf" ]; then
		cp "$ROOTS/$c/kdumpcheck.conf" "$roots/$c/"
	fi
}

# capture_cases: the cases to capture. Every case for the release build; the
# builds tests/run-suite.sh runs the suite again for (KDC_BUILD=asan, nokmod),
# whose reports of every case tests/golden.sh compares already, take the
# tainted host (its module files are inputs read through libkmod or not) and
# a ready host of each release.
capture_cases() {
	case ${KDC_BUILD:-default} in
	default) fixture_cases ;;
	*) echo el6-ready el7-ready el7-tainted debian12-ready ;;
	esac
}

@test "capture.sh: the capture of a case gives the case's golden report (every case, for the release build)" {
	local roots=$BATS_TEST_TMPDIR/captured c
	mkdir -p "$roots"
	cp "$ROOTS/assemble.sh" "$roots/"
	for c in $(capture_cases); do
		capture_case "$c" "$roots"
	done
	run env ROOTS="$roots" KDC="$KDC" KDC_WRAP="${KDC_WRAP:-}" bash "$GOLDEN"
	[ "$status" = 0 ] || { echo "$output" | head -n 80; return 1; }
	# a capture holds only what kdumpcheck used: el7-ready's boot initramfs (not the kdump one) is not in it,
	# its kernel image (an input of the kdump initramfs) is
	[ -e "$ROOTS/el7-ready/root/boot/initramfs-3.10.0-1160.el7.x86_64.img" ]
	[ ! -e "$roots/el7-ready/root/boot/initramfs-3.10.0-1160.el7.x86_64.img" ]
	[ -e "$roots/el7-ready/root/boot/vmlinuz-3.10.0-1160.el7.x86_64" ]
	# the module file libkmod reads for the tainting module
	[ -f "$roots/el7-tainted/root/usr/lib/modules/3.10.0-1160.el7.x86_64/extra/nvidia/nvidia.ko" ]
}

@test "capture.sh: secrets left out, links kept, /proc as files, FIFOs skipped, modes and mtimes in setup" {
	local host=$BATS_TEST_TMPDIR/host roots=$BATS_TEST_TMPDIR/captured cap
	mkdir -p "$roots/src"
	cp "$ROOTS/assemble.sh" "$roots/"
	sh "$ROOTS/assemble.sh" el7-ready "$roots/src/root"
	host=$roots/src/root
	# an ssh target with its key, a private key and a FIFO where kdumpcheck lists names
	sed -i 's|^path /var/crash|ssh kdump@backup01.example.com\nsshkey /root/.ssh/kdump_id_rsa\npath /var/crash|' "$host/etc/kdump.conf"
	grep -q '^sshkey' "$host/etc/kdump.conf"
	mkdir -p "$host/root/.ssh"
	printf -- '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA\n-----END OPENSSH PRIVATE KEY-----\n' \
		>"$host/root/.ssh/kdump_id_rsa"
	chmod 0600 "$host/root/.ssh/kdump_id_rsa"
	echo "backup01.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOb" >"$host/root/.ssh/known_hosts"
	touch -d 2024-03-01T10:00:00 "$host/etc/kdump.conf"
	cp "$host/root/.ssh/kdump_id_rsa" "$host/etc/systemd/system/backup-key"
	chmod 0640 "$host/etc/systemd/system/backup-key"
	mkfifo "$host/etc/systemd/system/a-fifo"
	mkdir "$host/etc/default/grub.d"
	: >"$roots/src/setup"
	printf 'ssh target\nwith a key\n' >"$roots/src/README"
	# the source's own report, as golden files
	run env ROOTS="$roots" KDC="$KDC" bash "$GOLDEN" --update src
	[ "$status" = 0 ] || { echo "$output"; return 1; }
	grep -q '^kdump.target skip' "$roots/src/expected"

	run bash "$CAPTURE" --from "$host" --kdumpcheck "$KDC" --into "$roots" cap
	[ "$status" = 0 ] || { echo "$output"; return 1; }
	cap=$roots/cap
	# a private key: present, empty, its mode in setup, a note; the kdump
	# sshkey too once a check looks at it (none does yet)
	[ -f "$cap/root/etc/systemd/system/backup-key" ] && [ ! -s "$cap/root/etc/systemd/system/backup-key" ]
	grep -qx 'chmod 640 /etc/systemd/system/backup-key' "$cap/setup"
	grep -q '^# capture: secret left out: /etc/systemd/system/backup-key ([0-9]* bytes, mode 640)' "$cap/setup"
	[ ! -s "$cap/root/root/.ssh/kdump_id_rsa" ]
	run ! grep -rqa 'PRIVATE KEY' "$cap"
	[ ! -e "$cap/root/etc/shadow" ]
	# links as links, /proc files as regular files with their content
	[ "$(readlink "$cap/root/etc/sysctl.d/99-sysctl.conf")" = ../sysctl.conf ]
	[ "$(readlink "$cap/root/sbin")" = usr/sbin ]
	[ -f "$cap/root/proc/cmdline" ] && cmp "$host/proc/cmdline" "$cap/root/proc/cmdline"
	# the FIFO: not copied, said so
	[ ! -e "$cap/root/etc/systemd/system/a-fifo" ]
	grep -q '^# capture: not copied: /etc/systemd/system/a-fifo (fifo)' "$cap/setup"
	# mtimes and empty directories in setup; a README to complete
	grep -qx 'mtime 2024-03-01T10:00:00 /etc/kdump.conf' "$cap/setup"
	grep -qx 'mkdir /etc/default/grub.d' "$cap/setup"
	[ "$(wc -l <"$cap/README")" = 2 ]
	# and the capture gives the source's report
	cp "$roots/src"/expected* "$cap/"
	run env ROOTS="$roots" KDC="$KDC" KDC_WRAP="${KDC_WRAP:-}" bash "$GOLDEN" cap
	[ "$status" = 0 ] || { echo "$output"; return 1; }
}

@test "capture.sh: refuses an existing case, and usage errors" {
	run bash "$CAPTURE" --from "$ROOTS/el7-ready/root" --kdumpcheck "$KDC" --into "$ROOTS" el7-ready
	[ "$status" = 1 ]
	[[ "$output" == *"exists already"* ]]
	run bash "$CAPTURE" --bogus x
	[ "$status" = 1 ]
	run bash "$CAPTURE"
	[ "$status" = 64 ]
}
