#!/usr/bin/env bats
# roots.bats - the fixture host roots of tests/roots/<case>/ and their tools:
# every case is well-formed (README, setup, golden files consistent with
# SPEC §3: every check once, in order, the exit status following the worst
# status), setup manifests apply, deltas hold only what differs, assemble.sh
# and tests/golden.sh behave. These judge the tree, not a build:
# tests/run-suite.sh runs this file once, for the release build (every
# build's reports are compared with the golden files by tests/golden.sh).

load helpers

# The fixtures themselves are well-formed (needs no binary).
@test "fixtures: every case has root/ or delta/, a README of 2-5 lines, a setup, golden files and a consistent expected file" {
	local c n f first want worst st id bad=0
	for c in $(fixture_cases); do
		n=$(wc -l <"$ROOTS/$c/README")
		if [ "$n" -lt 2 ] || [ "$n" -gt 5 ]; then echo "$c: README has $n lines"; bad=1; fi
		[ -f "$ROOTS/$c/setup" ] || { echo "$c: no setup"; bad=1; }
		for f in expected expected.txt expected.json; do
			[ -f "$ROOTS/$c/$f" ] || { echo "$c: no $f (make golden)"; bad=1; }
		done
		first=$(head -n 1 "$ROOTS/$c/expected")
		case $first in
		"exit 3")
			grep -q '^stderr .' "$ROOTS/$c/expected" || { echo "$c: exit 3 without a stderr line"; bad=1; }
			continue ;;
		"exit 0" | "exit 1" | "exit 2") ;;
		*) echo "$c: first line '$first'"; bad=1; continue ;;
		esac
		# ids: exactly the SPEC ids for the case's policy, in order
		if ! diff <(spec_ids "$c") <(sed -n '2,$p' "$ROOTS/$c/expected" | cut -d' ' -f1) >/dev/null; then
			echo "$c: expected ids differ from SPEC order:"
			diff <(spec_ids "$c") <(sed -n '2,$p' "$ROOTS/$c/expected" | cut -d' ' -f1) || true
			bad=1
		fi
		# statuses are words of §3 and the exit status follows from them (§1)
		worst=0
		while read -r id st; do
			case $st in
			pass | skip) ;;
			warn) [ $worst -lt 1 ] && worst=1 ;;
			fail) worst=2 ;;
			*) echo "$c: $id has status '$st'"; bad=1 ;;
			esac
		done < <(sed -n '2,$p' "$ROOTS/$c/expected")
		[ "$first" = "exit $worst" ] || { echo "$c: $first but the worst status gives exit $worst"; bad=1; }
	done
	[ "$bad" = 0 ]
}

@test "fixtures: setup manifests apply, and the kdump initramfs of ready hosts is newer than the config" {
	local c
	for c in $(fixture_cases); do
		prepare_root "$c"
	done
	prepare_root el7-ready
	[ "$ROOT/boot/initramfs-3.10.0-1160.el7.x86_64kdump.img" -nt "$ROOT/etc/kdump.conf" ]
	[ -d "$ROOT/var/crash" ]
	prepare_root el7-stale-initrd
	[ "$ROOT/etc/kdump.conf" -nt "$ROOT/boot/initramfs-3.10.0-1160.el7.x86_64kdump.img" ]
	prepare_root debian12-ready
	[ "$ROOT/var/lib/kdump/initrd.img-6.1.0-18-amd64" -nt "$ROOT/etc/default/kdump-tools" ]
}

@test "fixtures: build-ids of debug vmlinux and /sys/kernel/notes match, except in el7-debuginfo-mismatch" {
	command -v readelf >/dev/null || skip "readelf not installed"
	local v=usr/lib/debug/lib/modules/3.10.0-1160.el7.x86_64/vmlinux
	id_of() { readelf -n "$1" | sed -n 's/.*Build ID: //p'; }
	want=7d5b8e0f3ac1e2b94c6d8a1f0e3b2c4d5a6f7e81
	[ "$(id_of "$ROOTS/el7-ready/root/$v")" = "$want" ]
	prepare_root el7-debuginfo-mismatch
	[ "$(id_of "$ROOT/$v")" = 0b1e5c3d9f7a2e6b8c4d1f0a3e5b7c9d2f4a6e80 ]
	# the GNU note (namesz 4, descsz 20, type 3, "GNU\0") followed by the id, in the notes file
	od -An -tx1 -v "$ROOTS/el7-ready/root/sys/kernel/notes" | tr -d ' \n' |
		grep -q "040000001400000003000000474e5500$want"
	od -An -tx1 -v "$ROOT/sys/kernel/notes" | tr -d ' \n' |
		grep -q "040000001400000003000000474e5500$want"
	[ "$(id_of "$ROOTS/debian12-ready/root/usr/lib/debug/boot/vmlinux-6.1.0-18-amd64")" = c4a8e21f9b3d57e06a1c8f4b2d9e7a35f0b6c1d8 ]
}

@test "fixtures: grubenv blocks are exactly 1024 bytes" {
	[ "$(stat -c %s "$ROOTS/el7-ready/root/boot/grub2/grubenv")" = 1024 ]
	[ "$(stat -c %s "$ROOTS/debian12-ready/root/boot/grub/grubenv")" = 1024 ]
}

# Every report holds every check of §3 exactly once, in order (sysctl.<key>
# in the policy's order), whatever the host.
@test "reports: every SPEC check id appears exactly once and in order, for every case" {
	local c bad=0
	for c in $(fixture_cases); do
		[ "$(head -n 1 "$ROOTS/$c/expected")" = "exit 3" ] && continue
		run_case "$c" --json
		if ! jq -r '.checks[].id' "$OUT" >"$BATS_TEST_TMPDIR/ids" 2>/dev/null; then
			echo "$c: no JSON report"; show_run; bad=1; continue
		fi
		if ! diff -u --label "SPEC order" --label "$c" <(spec_ids "$c") "$BATS_TEST_TMPDIR/ids"; then
			bad=1
		fi
		if [ -n "$(sort "$BATS_TEST_TMPDIR/ids" | uniq -d)" ]; then
			echo "$c: duplicate ids"; bad=1
		fi
	done
	[ "$bad" = 0 ]
}

# The golden runner says which case differs and how, and make golden's
# --update makes it agree again (on a copy of two cases: a full one and a delta).
@test "golden: tests/golden.sh reports a changed report as a unified diff, and --update rewrites it" {
	local t=$BATS_TEST_TMPDIR/tree c
	mkdir -p "$t/tests/roots"
	cp "$BATS_TEST_DIRNAME/../golden.sh" "$t/tests/"
	cp "$ROOTS/assemble.sh" "$t/tests/roots/"
	for c in el7-ready el7-nfs-target; do
		cp -a "$ROOTS/$c" "$t/tests/roots/"
	done
	run env KDC="$KDC" KDC_WRAP="${KDC_WRAP:-}" bash "$t/tests/golden.sh"
	[ "$status" = 0 ] || { echo "$output"; return 1; }
	[ "${lines[0]}" = 1..2 ]
	sed -i 's/kdump.service is enabled/kdump.service is on/' "$t/tests/roots/el7-ready/expected.txt"
	run env KDC="$KDC" KDC_WRAP="${KDC_WRAP:-}" bash "$t/tests/golden.sh"
	[ "$status" = 1 ] || { echo "$output"; return 1; }
	[ "${lines[2]}" = "not ok 2 - el7-ready" ] || { echo "$output"; return 1; }
	[[ "$output" == *"# --- el7-ready/expected.txt (golden)"* ]]
	[[ "$output" == *"# -  PASS  kdump.service "*"kdump.service is on"* ]]
	[[ "$output" == *"# +  PASS  kdump.service "*"kdump.service is enabled"* ]]
	[ "${lines[1]}" = "ok 1 - el7-nfs-target" ]
	run env KDC="$KDC" KDC_WRAP="${KDC_WRAP:-}" bash "$t/tests/golden.sh" --update el7-ready
	[ "$status" = 0 ] || { echo "$output"; return 1; }
	cmp "$ROOTS/el7-ready/expected.txt" "$t/tests/roots/el7-ready/expected.txt"
}

# A delta holds only what differs from its base: a file equal to the base's
# (content and mode) is dead weight that would hide a later change of the base.
@test "fixtures: every file of a delta/ differs from its base case's" {
	local c base f bad=0
	for c in $(fixture_cases); do
		[ -d "$ROOTS/$c/delta" ] || continue
		base=$(sed -n '1s/^base //p' "$ROOTS/$c/setup")
		[ -n "$base" ] || { echo "$c: delta/ but no 'base CASE' first line in setup"; bad=1; continue; }
		prepare_root "$base"
		while IFS= read -r f; do
			if [ -f "$ROOT/$f" ] && [ ! -L "$ROOT/$f" ] && cmp -s "$ROOTS/$c/delta/$f" "$ROOT/$f" &&
				[ "$(stat -c %a "$ROOTS/$c/delta/$f")" = "$(stat -c %a "$ROOT/$f")" ]; then
				echo "$c: delta/$f is the same as $base's"
				bad=1
			fi
		done < <(cd "$ROOTS/$c/delta" && find . -type f | sed 's|^\./||')
	done
	[ "$bad" = 0 ]
}

@test "assemble.sh: a wrong manifest line is an error that names it; a base loop is refused" {
	local r=$BATS_TEST_TMPDIR/roots
	mkdir -p "$r/a/root/etc" "$r/b/delta/etc" "$r/c/delta" "$r/d/delta"
	cp "$ROOTS/assemble.sh" "$r/"
	echo x >"$r/a/root/etc/x"
	printf 'base a\nrm /etc/nothing\n' >"$r/b/setup"
	run sh "$r/assemble.sh" b "$BATS_TEST_TMPDIR/out-b"
	[ "$status" = 1 ]
	[ "$output" = "assemble.sh: b/setup:2: rm /etc/nothing: the base has no such file" ]
	printf 'base d\n' >"$r/c/setup"
	printf 'base c\n' >"$r/d/setup"
	run sh "$r/assemble.sh" c "$BATS_TEST_TMPDIR/out-c"
	[ "$status" = 1 ]
	[[ "$output" == *"nest too deep"* ]]
	printf 'base a\nrm /etc/x\nmtime 2024-03-01T10:00:00 /etc/y\n' >"$r/b/setup"
	echo y >"$r/b/delta/etc/y"
	run sh "$r/assemble.sh" b "$BATS_TEST_TMPDIR/out-b2"
	[ "$status" = 0 ] || { echo "$output"; return 1; }
	[ ! -e "$BATS_TEST_TMPDIR/out-b2/etc/x" ]
	[ "$(cat "$BATS_TEST_TMPDIR/out-b2/etc/y")" = y ]
	[ "$(TZ=UTC0 date -r "$BATS_TEST_TMPDIR/out-b2/etc/y" +%FT%T)" = 2024-03-01T10:00:00 ]
}
