#!/usr/bin/env bats
# cli.bats - the command line contract (SPEC §1): options, verbs, exit codes,
# errors as one line, output formats, and the live host.

bats_require_minimum_version 1.5.0
load helpers

@test "--version prints the version" {
	run kdc --version
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^kdumpcheck\ [0-9]+\.[0-9]+\.[0-9]+$ ]]
}

@test "--help lists the options and verbs" {
	run kdc --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"--root DIR"* ]]
	[[ "$output" == *"--format FMT"* ]]
	[[ "$output" == *"check"* ]]
}

@test "help check lists every check id" {
	run kdc help check
	[ "$status" -eq 0 ]
	for id in $SPEC_IDS; do
		[ "$id" = SYSCTL ] && continue
		[[ "$output" == *"$id"* ]] || { echo "missing $id"; return 1; }
	done
}

@test "check --help is the same as help check" {
	run kdc check --help
	[ "$status" -eq 0 ]
	[[ "$output" == *"crashkernel.persistent"* ]]
}

@test "an unknown verb is a usage error: exit 64, one line naming it" {
	run --separate-stderr kdc frobnicate
	[ "$status" -eq 64 ]
	[ "$stderr" = "kdumpcheck: 'frobnicate' is not a verb (see --help)" ]
	[ -z "$output" ]
}

@test "an unknown option is a usage error" {
	run --separate-stderr kdc --frobnicate
	[ "$status" -eq 64 ]
	[[ "$stderr" == "kdumpcheck: --frobnicate: unknown option (see --help)" ]]
}

@test "an unknown short option is a usage error" {
	run --separate-stderr kdc -Z
	[ "$status" -eq 64 ]
	[[ "$stderr" == "kdumpcheck: -Z: unknown option (see --help)" ]]
}

@test "a missing option argument is a usage error" {
	run --separate-stderr kdc check --root
	[ "$status" -eq 64 ]
	[[ "$stderr" == *"--root: missing argument"* ]]
	[ "$(printf '%s\n' "$stderr" | wc -l)" -eq 1 ]
}

@test "an unknown format is a usage error" {
	run --separate-stderr kdc --format xml
	[ "$status" -eq 64 ]
	[[ "$stderr" == *"unknown format 'xml'"* ]]
}

@test "check takes no arguments" {
	run --separate-stderr kdc check extra
	[ "$status" -eq 64 ]
	[[ "$stderr" == *"unexpected argument 'extra'"* ]]
}

@test "an unreadable root exits 3 with one line" {
	run --separate-stderr kdc --root /nonexistent/root check
	[ "$status" -eq 3 ]
	[ "$stderr" = "kdumpcheck: --root /nonexistent/root: No such file or directory" ]
	[ -z "$output" ]
}

@test "a root that is a file exits 3" {
	run --separate-stderr kdc --root /etc/hostname check
	[ "$status" -eq 3 ]
	[[ "$stderr" == *"Not a directory"* ]]
}

@test "a missing -c policy file exits 3 naming it" {
	run --separate-stderr kdc --root "$BATS_TEST_DIRNAME/../roots/el7-ready/root" -c /nonexistent.conf check
	[ "$status" -eq 3 ]
	[ "$stderr" = "kdumpcheck: /nonexistent.conf: No such file or directory" ]
}

@test "a bad policy exits 3 with file:line" {
	printf '[sysctl]\nkernel.panic = 1\nkernel.panic_on_oops => 1\n' >"$BATS_TEST_TMPDIR/bad.conf"
	run --separate-stderr kdc --root "$BATS_TEST_DIRNAME/../roots/el7-ready/root" -c "$BATS_TEST_TMPDIR/bad.conf"
	[ "$status" -eq 3 ]
	[[ "$stderr" == "kdumpcheck: $BATS_TEST_TMPDIR/bad.conf:3: "*comparator* ]]
	[ -z "$output" ]
}

@test "the policy of the root is read from ROOT/etc/kdumpcheck.conf" {
	prepare_root el7-ready
	mkdir -p "$ROOT/etc"
	printf '[checks]\ndisable = kernel.taint\n' >"$ROOT/etc/kdumpcheck.conf"
	run kdc --root "$ROOT" --json
	[ "$(jq -r '.checks[] | select(.id == "kernel.taint") | .message' <<<"$output")" = "disabled by policy ([checks] disable)" ]
	printf '[frob]\n' >"$ROOT/etc/kdumpcheck.conf"
	run --separate-stderr kdc --root "$ROOT"
	[ "$status" -eq 3 ]
	[[ "$stderr" == *"/etc/kdumpcheck.conf:1: unknown section [frob]"* ]]
}

@test "options may follow the verb" {
	run kdc check --root "$BATS_TEST_DIRNAME/../roots/el7-ready/root" --json
	jq -e '.schema == "kdumpcheck.report/1"' <<<"$output"
}

@test "severity override and a [sysctl] section that replaces the defaults" {
	prepare_root el7-ready
	printf '[sysctl]\nkernel.panic = >=30\n[checks]\nseverity.sysctl.kernel.panic = fail\n' >"$BATS_TEST_TMPDIR/p.conf"
	run kdc --root "$ROOT" -c "$BATS_TEST_TMPDIR/p.conf" --json
	[ "$status" -eq 2 ]
	[ "$(jq -r '[.checks[].id | select(startswith("sysctl."))] | join(" ")' <<<"$output")" = "sysctl.kernel.panic sysctl.persistent" ]
	[ "$(jq -r '.checks[] | select(.id == "sysctl.kernel.panic") | .status' <<<"$output")" = fail ]
	[ "$(jq -r '.checks[] | select(.id == "sysctl.kernel.panic") | .expected' <<<"$output")" = ">=30" ]
}

@test "text output has no colour when NO_COLOR is set or not on a terminal" {
	run env NO_COLOR=1 "$KDC" --root "$BATS_TEST_DIRNAME/../roots/el7-ready/root"
	[[ "$output" != *$'\033['* ]]
	[[ "$output" == *"summary: "* ]]
}

@test "-q shows only problems, -v adds observed values" {
	prepare_root el7-not-persistent
	run kdc --root "$ROOT" -q
	[[ "$output" != *"PASS "* ]]
	[[ "$output" == *"FAIL  crashkernel.persistent"* ]]
	run kdc --root "$ROOT" -v
	[[ "$output" == *"observed: "* ]]
	[[ "$output" == *"PASS "* ]]
}

@test "a write error on stdout is reported, not silent" {
	[ -w /dev/full ] || skip "no /dev/full"
	run --separate-stderr bash -c "'$KDC' --root '$BATS_TEST_DIRNAME/../roots/el7-ready/root' --json >/dev/full"
	[ "$status" -eq 3 ]
	[[ "$stderr" == *"writing the output"* ]]
}

@test "this host: crashkernel.cmdline quotes the real /proc/cmdline" {
	grep -q 'crashkernel=' /proc/cmdline && skip "this host has crashkernel= on its command line"
	run --separate-stderr kdc --json
	[ "$status" -eq 2 ]
	[ "$(jq -r '.checks[0].id' <<<"$output")" = crashkernel.cmdline ]
	[ "$(jq -r '.checks[0].status' <<<"$output")" = fail ]
	want=$(tr -d '\n' </proc/cmdline | sed 's/ *$//')
	[ "$(jq -r '.checks[0].observed' <<<"$output")" = "$want" ]
	[[ "$(jq -r '.checks[0].message' <<<"$output")" == *"$want"* ]]
}

@test "this host: every check id appears once, in order" {
	run kdc --json
	[ "$(jq -r '.checks | length' <<<"$output")" -eq "$DEFAULT_NCHECKS" ]
	[ "$(jq -r '[.checks[].id] | unique | length' <<<"$output")" -eq "$DEFAULT_NCHECKS" ]
}

@test "check on a fixture root opens each file once" {
	command -v strace >/dev/null || skip "no strace"
	prepare_root el7-ready
	# LeakSanitizer cannot run under ptrace
	ASAN_OPTIONS=detect_leaks=0 strace -f -e trace=open,openat -o "$BATS_TEST_TMPDIR/trace" "$KDC" --root "$ROOT" check --json >/dev/null
	grep -v ENOENT "$BATS_TEST_TMPDIR/trace" | grep -o "\"$ROOT[^\"]*\"" | sort | uniq -d >"$BATS_TEST_TMPDIR/dups"
	[ ! -s "$BATS_TEST_TMPDIR/dups" ] || { cat "$BATS_TEST_TMPDIR/dups"; return 1; }
	[ "$(grep -c "\"$ROOT" "$BATS_TEST_TMPDIR/trace")" -gt 15 ]
}

# The verbs --help lists, the help verb aside.
verbs() {
	kdc --help | sed -n '/^Verbs:/,/^$/p' | awk 'NR > 1 && $1 != "help" && NF { print $1 }'
}

@test "every verb takes --json and writes one JSON document (test: refused before writing any)" {
	local v dump=$BATS_TEST_TMPDIR/dumps/host-2026-11-22-00:56:31 n=0
	prepare_root el7-hung-rmmod
	mkdir -p "$dump" "$ROOT/var/crash"
	xz -dc "$BATS_TEST_DIRNAME/../vmcores/oops.kdump.head.xz" >"$dump/vmcore"
	for v in $(verbs); do
		n=$((n + 1))
		case $v in
		check) run --separate-stderr kdc --root "$ROOT" --json check ;;
		estimate) run --separate-stderr kdc --root "$ROOT" --json estimate ;;
		fix) run --separate-stderr kdc --root "$ROOT" --json fix ;;
		tag) run --separate-stderr kdc --json tag --no-hash "$dump" ;;
		list) run --separate-stderr kdc --json list "${dump%/*}" ;;
		collect) run --separate-stderr kdc --root "$ROOT" --json collect --vmcore "$BATS_TEST_TMPDIR/none" --target "$BATS_TEST_TMPDIR" ;;
		test)
			run --separate-stderr kdc --root "$ROOT" --json test --yes-crash-this-host
			[ "$status" -eq 1 ] && [ -z "$output" ] || { echo "test: status $status, output '$output'"; return 1; }
			continue ;;
		prune) run --separate-stderr kdc --root "$ROOT" --json prune --dry-run ;;
		harvest) run --separate-stderr kdc --root "$ROOT" --json harvest --no-hash ;;
		snapshot) run --separate-stderr kdc --root "$ROOT" --json snapshot ;;
		fleet) run --separate-stderr kdc --json fleet "$BATS_TEST_DIRNAME/../roots/el7-ready/expected.json" ;;
		*) echo "verb $v has no case here: add one"; return 1 ;;
		esac
		[ "$status" -ne 64 ] || { echo "$v: usage error: $stderr"; return 1; }
		jq -e 'type == "object" or type == "array"' <<<"$output" >/dev/null ||
			{ echo "$v --json wrote: $output"; return 1; }
		[ "$(jq -s length <<<"$output")" = 1 ] || { echo "$v: more than one document"; return 1; }
	done
	[ "$n" -ge 8 ]
	# the documents that name their schema
	run --separate-stderr kdc --root "$ROOT" --json prune --dry-run
	[ "$(jq -r .schema <<<"$output")" = kdumpcheck.prune/1 ]
	run --separate-stderr kdc --root "$ROOT" --json estimate
	[ "$(jq -r .schema <<<"$output")" = kdumpcheck.estimate/1 ]
	run --separate-stderr kdc --root "$ROOT" --json harvest --no-hash
	[ "$(jq -r .schema <<<"$output")" = kdumpcheck.harvest/1 ]
	run --separate-stderr kdc --root "$ROOT" --json collect --vmcore "$BATS_TEST_TMPDIR/none" --target "$BATS_TEST_TMPDIR"
	[ "$status" -eq 1 ]
	[ "$(jq -r '.schema, .complete, .vmcore' <<<"$output" | tr '\n' ' ')" = "kdumpcheck.collect/1 false null " ]
}

@test "a format a verb cannot write is a usage error, nothing on stdout" {
	local v f
	for v in $(verbs); do
		[ "$v" = check ] && continue
		for f in prom nagios; do
			run --separate-stderr kdc --format "$f" "$v"
			[ "$status" -eq 64 ] || { echo "$v --format $f: exit $status"; return 1; }
			[ -z "$output" ]
			[ "$stderr" = "kdumpcheck: $v: cannot write --format $f (see --help)" ]
		done
	done
}
