#!/usr/bin/env bats
# build.bats - what the Makefile promises: install layout with DESTDIR and PREFIX,
# a policy file that is never overwritten, and a man page that renders.

TOP="$BATS_TEST_DIRNAME/../.."

@test "make install honours DESTDIR and PREFIX" {
	run make -s -C "$TOP" install DESTDIR="$BATS_TEST_TMPDIR/dest" PREFIX=/usr/local
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	[ -x "$BATS_TEST_TMPDIR/dest/usr/local/sbin/kdumpcheck" ]
	[ -f "$BATS_TEST_TMPDIR/dest/usr/local/share/man/man8/kdumpcheck.8" ]
	cmp "$TOP/conf/kdumpcheck.conf" "$BATS_TEST_TMPDIR/dest/etc/kdumpcheck.conf"
	run "$BATS_TEST_TMPDIR/dest/usr/local/sbin/kdumpcheck" --version
	[ "$status" -eq 0 ]
	[ -x "$BATS_TEST_TMPDIR/dest/usr/local/libexec/kdumpcheck/kdumpcheck-report" ]
	[ -x "$BATS_TEST_TMPDIR/dest/usr/local/libexec/kdumpcheck/kdumpcheck-kdump-post" ]
	[ -f "$BATS_TEST_TMPDIR/dest/usr/lib/systemd/system/kdumpcheck-check.timer" ]
	[ -f "$BATS_TEST_TMPDIR/dest/usr/lib/systemd/system/kdumpcheck-harvest.service" ]
	[ ! -e "$BATS_TEST_TMPDIR/dest/etc/rc.d" ]
}

@test "make install SYSV=1 lays out a CentOS 6 host" {
	run make -s -C "$TOP" install DESTDIR="$BATS_TEST_TMPDIR/dest" SYSV=1
	[ "$status" -eq 0 ] || { echo "$output"; return 1; }
	[ -x "$BATS_TEST_TMPDIR/dest/etc/rc.d/init.d/kdumpcheck" ]
	[ -f "$BATS_TEST_TMPDIR/dest/etc/cron.d/kdumpcheck" ]
	[ -x "$BATS_TEST_TMPDIR/dest/usr/libexec/kdumpcheck/kdumpcheck-report" ]
	[ ! -e "$BATS_TEST_TMPDIR/dest/usr/lib/systemd" ]
}

@test "make install keeps an existing policy file" {
	mkdir -p "$BATS_TEST_TMPDIR/dest/etc"
	echo "# site policy" >"$BATS_TEST_TMPDIR/dest/etc/kdumpcheck.conf"
	run make -s -C "$TOP" install DESTDIR="$BATS_TEST_TMPDIR/dest"
	[ "$status" -eq 0 ]
	[ "$(cat "$BATS_TEST_TMPDIR/dest/etc/kdumpcheck.conf")" = "# site policy" ]
	[ -x "$BATS_TEST_TMPDIR/dest/usr/sbin/kdumpcheck" ]
}

@test "the shipped policy is valid and equals the built-in defaults" {
	mkdir -p "$BATS_TEST_TMPDIR/r"
	run "$TOP/kdumpcheck" --root "$BATS_TEST_TMPDIR/r" -c "$TOP/conf/kdumpcheck.conf" --json
	[ "$status" -eq 0 ]
	with=$(jq -c '[.checks[] | {id, status, expected}]' <<<"$output")
	run "$TOP/kdumpcheck" --root "$BATS_TEST_TMPDIR/r" --json
	[ "$(jq -c '[.checks[] | {id, status, expected}]' <<<"$output")" = "$with" ]
}

@test "the man page renders without warnings" {
	command -v groff >/dev/null || command -v man >/dev/null || skip "no groff or man"
	if command -v groff >/dev/null; then
		run sh -c "groff -man -Tutf8 -ww '$TOP/docs/kdumpcheck.8' 2>&1 >/dev/null"
		[ -z "$output" ] || { echo "$output"; return 1; }
	fi
	run sh -c "MANWIDTH=80 man -l '$TOP/docs/kdumpcheck.8' 2>/dev/null | col -b"
	[[ "$output" == *"crashkernel.persistent"* ]]
	[[ "$output" == *"EXIT STATUS"* ]]
}
