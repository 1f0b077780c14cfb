#!/usr/bin/env bats
# collect.bats - 'kdumpcheck collect' with the real makedumpfile on an ELF
# /proc/vmcore image (tests/unit/data/vmcore/elf64-x86_64.vmcore, see mkdata.sh).

bats_require_minimum_version 1.5.0
load helpers

DATA="$BATS_TEST_DIRNAME/../unit/data"
IMG="$DATA/vmcore/elf64-x86_64.vmcore"

# a root of its own for every run that names --vmcore and --target: never this machine's
# /etc (its kdump-tools MAKEDUMP_ARGS, its kdump.conf, its policy)
setup() {
	BARE="$BATS_TEST_TMPDIR/bare"
	mkdir -p "$BARE/etc"
}

teardown() {
	if [ -n "${MNT:-}" ] && mountpoint -q "$MNT"; then umount "$MNT"; fi
}

# the one dump directory collect made under $1
dumpdir() { ls -d "$1"/*/ | sed 's:/$::'; }

@test "collect --vmcore --target: layout, modes, the rename, the sidecar" {
	t="$BATS_TEST_TMPDIR/crash"
	run kdc --root "$BARE" collect --vmcore "$IMG" --target "$t"
	[ "$status" -eq 0 ]
	d=$(dumpdir "$t")
	[[ "$output" == "collected $d/vmcore ("* ]]
	[[ "$(basename "$d")" =~ ^[A-Za-z0-9._-]+-[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{2}:[0-9]{2}:[0-9]{2}$ ]]
	[ "$(stat -c %a "$t")" = 700 ]
	[ "$(stat -c %a "$d")" = 700 ]
	[ "$(stat -c %a "$d/vmcore")" = 600 ]
	[ "$(stat -c %a "$d/vmcore.json")" = 600 ]
	[ ! -e "$d/vmcore-incomplete" ]
	[ "$(jq -r .vmcore.format "$d/vmcore.json")" = kdump-compressed ]
	[ "$(jq -r .vmcore.complete "$d/vmcore.json")" = true ]
	[ "$(jq -r .vmcore.dump_level "$d/vmcore.json")" = 31 ]
	[ "$(jq -r .vmcore.compression "$d/vmcore.json")" = lzo ]
	[ "$(jq -r .kernel.release "$d/vmcore.json")" = 6.1.0-18-amd64 ]
	[ "$(jq -r '.collector.capture.status' "$d/vmcore.json")" = 0 ]
	[ "$(jq -r '.collector.capture.argv[1:6] | join(" ")' "$d/vmcore.json")" = "-l --message-level 1 -d 31" ]
	# no sha256 in the capture kernel: tag (or harvest) adds it, and keeps what the capture said
	[ "$(jq -r '.vmcore.sha256' "$d/vmcore.json")" = null ]
	run -0 kdc tag "$d"
	[ "$(jq -r '.vmcore.sha256' "$d/vmcore.json")" = "$(sha256sum "$d/vmcore" | cut -d' ' -f1)" ]
	[ "$(jq -r '.collector.capture.status' "$d/vmcore.json")" = 0 ]
	[ "$(jq -r '.collector.capture.argv[1:6] | join(" ")' "$d/vmcore.json")" = "-l --message-level 1 -d 31" ]
}

@test "collect in a capture kernel: ROOT/proc/vmcore into the kdump.conf path with its core_collector" {
	prepare_root el7-ready
	mkdir -p "$ROOT/proc" "$ROOT/srv/dumps"
	cp "$IMG" "$ROOT/proc/vmcore"
	sed -i 's|^core_collector .*|core_collector makedumpfile -c --message-level 1 -d 17|' "$ROOT/etc/kdump.conf"
	printf 'path /srv/dumps\n' >>"$ROOT/etc/kdump.conf"
	run kdc --root "$ROOT" collect
	[ "$status" -eq 0 ]
	d=$(dumpdir "$ROOT/srv/dumps")
	[[ "$(basename "$d")" == app01.prod.example.com-* ]]
	[ "$(jq -r .vmcore.compression "$d/vmcore.json")" = zlib ]
	[ "$(jq -r .vmcore.dump_level "$d/vmcore.json")" = 17 ]
	[ "$(jq -r '.collector.capture.argv[1:6] | join(" ")' "$d/vmcore.json")" = "-c --message-level 1 -d 17" ]
}

@test "collect on Debian: MAKEDUMP_ARGS and KDUMP_COREDIR" {
	prepare_root debian12-ready
	mkdir -p "$ROOT/proc" "$ROOT/var/dumps"
	cp "$IMG" "$ROOT/proc/vmcore"
	sed -i 's|^#*MAKEDUMP_ARGS=.*|MAKEDUMP_ARGS="-c -d 31"|; s|^#*KDUMP_COREDIR=.*|KDUMP_COREDIR="/var/dumps"|' "$ROOT/etc/default/kdump-tools"
	grep -q '^KDUMP_COREDIR="/var/dumps"' "$ROOT/etc/default/kdump-tools"
	run kdc --root "$ROOT" collect
	[ "$status" -eq 0 ]
	d=$(dumpdir "$ROOT/var/dumps")
	[ "$(jq -r .vmcore.compression "$d/vmcore.json")" = zlib ]
}

@test "collect with a flattened collector (-F) writes the stream to the file" {
	prepare_root el7-ready
	mkdir -p "$ROOT/proc"
	cp "$IMG" "$ROOT/proc/vmcore"
	sed -i 's|^core_collector .*|core_collector makedumpfile -F -l --message-level 1 -d 31|' "$ROOT/etc/kdump.conf"
	run kdc --root "$ROOT" collect
	[ "$status" -eq 0 ]
	d=$(dumpdir "$ROOT/var/crash")
	[ "$(jq -r .vmcore.format "$d/vmcore.json")" = flattened ]
	[ "$(jq -r .vmcore.complete "$d/vmcore.json")" = true ]
	makedumpfile -R "$BATS_TEST_TMPDIR/restored" <"$d/vmcore"
	[ "$(head -c 8 "$BATS_TEST_TMPDIR/restored")" = "KDUMP   " ]
}

@test "collect: no vmcore (not a capture kernel) is an error, nothing created" {
	run --separate-stderr kdc --root "$BARE" collect --vmcore "$BATS_TEST_TMPDIR/none" --target "$BATS_TEST_TMPDIR/t"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"no vmcore to collect"* ]]
	[ ! -e "$BATS_TEST_TMPDIR/t" ]
}

@test "collect: a full target keeps vmcore-incomplete and the reason, never a vmcore" {
	[ "$(id -u)" -eq 0 ] || skip "mounting a small tmpfs needs root"
	MNT="$BATS_TEST_TMPDIR/small"
	mkdir -p "$MNT"
	mount -t tmpfs -o size=12k tmpfs "$MNT" || skip "cannot mount tmpfs here"
	run --separate-stderr kdc --root "$BARE" collect --vmcore "$IMG" --target "$MNT"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"makedumpfile failed"*"the dump target is full"* ]]
	d=$(dumpdir "$MNT")
	grep -q "the dump target is full" "$d/vmcore-incomplete.reason"
	[ -e "$d/vmcore-incomplete" ]
	[ ! -e "$d/vmcore" ]
	ls "$d"
}

@test "collect: makedumpfile killed mid-run leaves vmcore-incomplete and says so" {
	# the spawned makedumpfile runs the real one, then dies of SIGKILL before exiting
	cat >"$BATS_TEST_TMPDIR/mkd" <<-EOS
	#!/bin/sh
	case "\$1" in --dump-dmesg) exec $(command -v makedumpfile) "\$@" ;; esac
	$(command -v makedumpfile) "\$@"
	kill -9 \$\$
	EOS
	chmod +x "$BATS_TEST_TMPDIR/mkd"
	t="$BATS_TEST_TMPDIR/crash"
	run --separate-stderr env KDUMPCHECK_MAKEDUMPFILE="$BATS_TEST_TMPDIR/mkd" "$KDC" --root "$BARE" collect --vmcore "$IMG" --target "$t"
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"makedumpfile failed (exit 137)"* ]]
	d=$(dumpdir "$t")
	[ -e "$d/vmcore-incomplete" ]
	[ ! -e "$d/vmcore" ]
	grep -q "exit 137" "$d/vmcore-incomplete.reason"
	[ "$(jq -r .vmcore.complete "$d/vmcore-incomplete.json")" = false ]
	[ "$(jq -r .collector.capture.status "$d/vmcore-incomplete.json")" = 137 ]
	# list flags it
	run kdc --root "$BARE" --json list "$t"
	[ "$(jq -r '.[0].complete' <<<"$output")" = false ]
}

@test "collect: a core_collector option makedumpfile refuses: the message names exactly what is on disk" {
	cat >"$BATS_TEST_TMPDIR/mkd" <<-EOS
	#!/bin/sh
	case "\$1" in --dump-dmesg) exec $(command -v makedumpfile) "\$@" ;; esac
	exec $(command -v makedumpfile) --no-such-option "\$@"
	EOS
	chmod +x "$BATS_TEST_TMPDIR/mkd"
	t="$BATS_TEST_TMPDIR/crash"
	run --separate-stderr env KDUMPCHECK_MAKEDUMPFILE="$BATS_TEST_TMPDIR/mkd" "$KDC" --root "$BARE" collect --vmcore "$IMG" --target "$t"
	[ "$status" -eq 1 ]
	d=$(dumpdir "$t")
	[ ! -e "$d/vmcore-incomplete" ]
	[ ! -e "$d/vmcore" ]
	[[ "$stderr" == *"unrecognized option '--no-such-option'"* ]]
	[[ "$stderr" != *"partial dump"* ]]
	[[ "$stderr" == *"kept $d/vmcore-incomplete.reason"*"(no vmcore-incomplete: makedumpfile wrote no dump)"* ]]
	grep -q "unrecognized option" "$d/vmcore-incomplete.reason"
	grep -q "unrecognized option" "$d/makedumpfile.log"
}

@test "collect: kill -9 of kdumpcheck during the capture: makedumpfile goes on and the dump is saved" {
	# a slow makedumpfile that writes to stderr after its parent is gone (a pipe would SIGPIPE it)
	cat >"$BATS_TEST_TMPDIR/mkd" <<-EOS
	#!/bin/sh
	case "\$1" in --dump-dmesg) exec $(command -v makedumpfile) "\$@" ;; esac
	touch "$BATS_TEST_TMPDIR/started"
	sleep 2
	echo "still writing to stderr" >&2
	exec $(command -v makedumpfile) "\$@"
	EOS
	chmod +x "$BATS_TEST_TMPDIR/mkd"
	t="$BATS_TEST_TMPDIR/crash"
	KDUMPCHECK_MAKEDUMPFILE="$BATS_TEST_TMPDIR/mkd" "$KDC" --root "$BARE" collect --vmcore "$IMG" --target "$t" >/dev/null 2>&1 3>&- &
	pid=$!
	for _ in $(seq 100); do [ -e "$BATS_TEST_TMPDIR/started" ] && break; sleep 0.1; done
	[ -e "$BATS_TEST_TMPDIR/started" ]
	kill -9 "$pid"
	wait "$pid" || true
	d=$(dumpdir "$t")
	for _ in $(seq 100); do [ -e "$d/vmcore" ] && break; sleep 0.1; done
	[ -e "$d/vmcore" ]
	[ ! -e "$d/vmcore-incomplete" ]
	[ ! -e "$d/vmcore-incomplete.reason" ]
	grep -q "still writing to stderr" "$d/makedumpfile.log"
	[ "$(head -c 8 "$d/vmcore")" = "KDUMP   " ]
	# harvest-side readers see a complete dump with no sidecar yet
	run kdc --root "$BARE" --json list "$t"
	[ "$(jq -r '.[0].complete' <<<"$output")" = true ]
}

@test "collect: the kernel log is renamed to vmcore-dmesg.txt only when whole" {
	# a --dump-dmesg that writes part of the log, then fails as on a full target
	cat >"$BATS_TEST_TMPDIR/mkd" <<-EOS
	#!/bin/sh
	case "\$1" in --dump-dmesg) printf '[    0.000000] Linux version 3.10.0\n[   12.3' >"\$3"; echo "No space left on device" >&2; exit 1 ;; esac
	exec $(command -v makedumpfile) "\$@"
	EOS
	chmod +x "$BATS_TEST_TMPDIR/mkd"
	t="$BATS_TEST_TMPDIR/crash"
	run --separate-stderr env KDUMPCHECK_MAKEDUMPFILE="$BATS_TEST_TMPDIR/mkd" "$KDC" --root "$BARE" --json collect --vmcore "$IMG" --target "$t"
	[ "$status" -eq 0 ]
	d=$(dumpdir "$t")
	[ ! -e "$d/vmcore-dmesg.txt" ]
	[ -s "$d/vmcore-dmesg-incomplete.txt" ]
	[ "$(jq -r .dmesg <<<"$output")" = null ]
	[ "$(jq -r .collector.capture.dmesg_status "$d/vmcore.json")" = 1 ]
	# a whole log gets the final name
	rm -rf "$t"
	cat >"$BATS_TEST_TMPDIR/mkd" <<-EOS
	#!/bin/sh
	case "\$1" in --dump-dmesg) printf '[    0.000000] Linux version 3.10.0\n' >"\$3"; exit 0 ;; esac
	exec $(command -v makedumpfile) "\$@"
	EOS
	run --separate-stderr env KDUMPCHECK_MAKEDUMPFILE="$BATS_TEST_TMPDIR/mkd" "$KDC" --root "$BARE" --json collect --vmcore "$IMG" --target "$t"
	[ "$status" -eq 0 ]
	d=$(dumpdir "$t")
	[ -s "$d/vmcore-dmesg.txt" ]
	[ ! -e "$d/vmcore-dmesg-incomplete.txt" ]
	[ "$(jq -r .dmesg <<<"$output")" = "$d/vmcore-dmesg.txt" ]
}
