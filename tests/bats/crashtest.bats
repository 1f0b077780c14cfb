#!/usr/bin/env bats
# crashtest.bats - 'kdumpcheck test' on fixture roots only (never this host):
# the refusals, the pending marker, the write to sysrq-trigger; and how
# 'check' reports kdump.tested from the verdict.

bats_require_minimum_version 1.5.0
load helpers

setup() {
	prepare_root el7-ready
	: >"$ROOT/proc/sysrq-trigger"
}

@test "test: refuses without --yes-crash-this-host, writes nothing" {
	run --separate-stderr kdc --root "$ROOT" test
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"refusing without --yes-crash-this-host"* ]]
	[ ! -e "$ROOT/var/lib/kdumpcheck/test-pending" ]
	[ ! -s "$ROOT/proc/sysrq-trigger" ]
}

@test "test: refuses when no capture kernel is loaded, and says why" {
	echo 0 >"$ROOT/sys/kernel/kexec_crash_loaded"
	run --separate-stderr kdc --root "$ROOT" test --yes-crash-this-host
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"no capture kernel is loaded"* ]]
	[ ! -e "$ROOT/var/lib/kdumpcheck/test-pending" ]
	[ ! -s "$ROOT/proc/sysrq-trigger" ]
}

@test "test: writes the pending marker, then 'c' to sysrq-trigger" {
	run kdc --root "$ROOT" test --yes-crash-this-host
	[ "$status" -eq 0 ]
	[ "$(cat "$ROOT/proc/sysrq-trigger")" = c ]
	p="$ROOT/var/lib/kdumpcheck/test-pending"
	[ "$(stat -c %a "$p")" = 600 ]
	[ "$(jq -r .schema "$p")" = kdumpcheck.test-pending/1 ]
	[ "$(jq -r .release "$p")" = 3.10.0-1160.el7.x86_64 ]
	[ "$(jq -r .dump_dir "$p")" = /var/crash ]
	[[ "$(jq -r .started_at "$p")" =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$ ]]
}

@test "test: no sysrq-trigger: nothing crashed, the marker is removed" {
	rm "$ROOT/proc/sysrq-trigger"
	run --separate-stderr kdc --root "$ROOT" test --yes-crash-this-host
	[ "$status" -eq 1 ]
	[[ "$stderr" == *"nothing crashed, the pending marker is removed"* ]]
	[ ! -e "$ROOT/var/lib/kdumpcheck/test-pending" ]
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
