#!/usr/bin/env bats
# crashtest.bats - 'kdumpcheck test' on fixture roots only (never this host):
# the refusals (it acts only on the running kernel); and how 'check' reports
# kdump.tested from the verdict.

bats_require_minimum_version 1.5.0
load helpers

setup() {
	prepare_root el7-ready
	: >"$ROOT/proc/sysrq-trigger"
}

@test "test: on this host, refuses without --yes-crash-this-host before reading anything" {
	# LeakSanitizer cannot run under ptrace
	ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0" run --separate-stderr strace -f -e trace=open,openat \
		-o "$BATS_TEST_TMPDIR/trace" "$KDC" test
	[ "$status" -eq 1 ]
	[ "$stderr" = "kdumpcheck: test: this crashes the host on purpose; refusing without --yes-crash-this-host" ]
	# the dynamic loader's and the sanitizer runtime's own files aside
	! grep -v -e '/etc/ld\.so\.' -e '"/proc/self/' "$BATS_TEST_TMPDIR/trace" | grep -E 'open(at)?\(.*"/(proc|sys|etc|var|dev)/'

}

# The marker and the crash itself are proven in a real kernel (make check-vm,
# the sysrq scenario); a tree is never a kernel to crash.
@test "test: under a --root other than /, refused with the reason, nothing written" {
	local args
	for args in "" --json --yes-crash-this-host "--json --yes-crash-this-host"; do
		# shellcheck disable=SC2086
		run --separate-stderr kdc --root "$ROOT" test $args
		[ "$status" -eq 1 ]
		[ "$stderr" = "kdumpcheck: test: acts on the running kernel, not on --root $ROOT (nothing done)" ]
		[ -z "$output" ]
		[ ! -e "$ROOT/var/lib/kdumpcheck/test-pending" ]
		[ ! -s "$ROOT/proc/sysrq-trigger" ]
	done
}

# verdict VERDICT TESTED_AT: write last-test.json
verdict() {
	mkdir -p "$ROOT/var/lib/kdumpcheck"
	printf '{"schema": "kdumpcheck.test/1", "verdict": "%s", "tested_at": "%s", "verdict_at": "%s", "reason": "no dump found", "dump": null}\n' \
		"$1" "$2" "$2" >"$ROOT/var/lib/kdumpcheck/last-test.json"
}

tested() { jq -r '.checks[] | select(.id == "kdump.tested") | .'"$1" <<<"$output"; }

@test "check: kdump.tested passes after a successful test newer than the kernel, config and initramfs" {
	verdict success "$(date -u -d '+1 hour' +%Y-%m-%dT%H:%M:%SZ)"
	run kdc --root "$ROOT" --json
	[ "$(tested status)" = pass ]
}

@test "check: kdump.tested warns when the kdump config changed after the test" {
	verdict success 2024-03-01T10:02:00Z
	run kdc --root "$ROOT" --json
	[ "$(tested status)" = warn ]
	[[ "$(tested message)" == *"predates a change to /etc/kdump.conf"* || "$(tested message)" == *"predates a change to /boot/"* ]]
}

@test "check: kdump.tested warns after a failed test, and fails on a file that does not parse" {
	verdict failure 2025-01-01T00:00:00Z
	run kdc --root "$ROOT" --json
	[ "$(tested status)" = warn ]
	[[ "$(tested message)" == *"failed: no dump found"* ]]
	echo '{"verdict": "success"' >"$ROOT/var/lib/kdumpcheck/last-test.json"
	run kdc --root "$ROOT" --json
	[ "$(tested status)" = fail ]
}
