#!/usr/bin/env bats
# fixtures.bats - what holds for the reports of the fixture hosts
# (tests/roots/<case>/): every report holds every check with the SPEC §6 keys
# and types; the text, Nagios and Prometheus outputs agree with the JSON; a
# root that is not there is one line. Each case's whole report is compared
# with its golden files by tests/golden.sh, which tests/run-suite.sh runs for
# every build; the fixture tree itself is judged by roots.bats.

load helpers

# jq program: 1 when the report has the keys and types of SPEC §6.
SHAPE='
def str: type == "string";
def strn: type == "string" or type == "null";
def num: type == "number";
def cnt(s): [.checks[] | select(.status == s)] | length;
  .schema == "kdumpcheck.report/1"
  and (.tool | type == "object" and .name == "kdumpcheck" and (.version | str) and (.version | length > 0))
  and (.host | type == "object"
       and (.hostname | str) and (.kernel | str) and (.arch | str) and (.os | str)
       and (.mem_total_bytes | num) and (.cpus | num))
  and (.root | str)
  and (.summary | type == "object"
       and (.status | IN("pass", "warn", "fail"))
       and (.pass | num) and (.warn | num) and (.fail | num) and (.skip | num))
  and (.checks | type == "array" and length > 0)
  and all(.checks[];
          (.id | str) and (.status | IN("pass", "warn", "fail", "skip"))
          and (.message | str) and (.message | length > 0)
          and (.remedy | strn) and (.observed | strn) and (.expected | strn)
          and (if .status == "warn" or .status == "fail" then (.remedy | str) and (.remedy | length > 0) else true end))
  and .summary.pass == cnt("pass") and .summary.warn == cnt("warn")
  and .summary.fail == cnt("fail") and .summary.skip == cnt("skip")
  and .summary.status == (if cnt("fail") > 0 then "fail" elif cnt("warn") > 0 then "warn" else "pass" end)
'

@test "reports: the JSON has the keys and types of SPEC §6 (el7-ready, el6-no-kdump-installed, unknown-os)" {
	local c want
	for c in el7-ready el6-no-kdump-installed unknown-os; do
		run_case "$c" --json
		if ! jq -e "$SHAPE" "$OUT" >/dev/null; then
			echo "$c: report does not have the SPEC §6 shape"; show_run; return 1
		fi
		want=$(case $status in 0) echo pass ;; 1) echo warn ;; *) echo fail ;; esac)
		[ "$(jq -r .summary.status "$OUT")" = "$want" ] || { echo "$c: summary vs exit $status"; return 1; }
		[ "$(jq -r .root "$OUT")" = "$ROOT" ] || [ "$(jq -r .root "$OUT")" = "$ROOT/" ] ||
			{ echo "$c: root is $(jq -r .root "$OUT"), not $ROOT"; return 1; }
	done
	run_case el7-ready --json
	[ "$(jq -r .host.kernel "$OUT")" = 3.10.0-1160.el7.x86_64 ]
	[ "$(jq -r .host.hostname "$OUT")" = app01.prod.example.com ]
	[ "$(jq -r .host.arch "$OUT")" = x86_64 ]
	[ "$(jq -r '.host.mem_total_bytes > 0' "$OUT")" = true ]
	run_case debian12-ready --json
	[ "$(jq -r .host.kernel "$OUT")" = 6.1.0-18-amd64 ]
	[ "$(jq -r .host.hostname "$OUT")" = web03 ]
}

# status_re STATUS: how a status may be spelled in text output.
status_re() {
	case $1 in
	pass) echo 'pass|ok' ;;
	warn) echo 'warn' ;;
	fail) echo 'fail' ;;
	skip) echo 'skip' ;;
	esac
}

# formats_agree CASE: text, nagios and prom outputs agree with the JSON.
formats_agree() {
	local c=$1 jexit id st lines
	run_case "$c" --json
	jexit=$status
	jq -r '.checks[] | "\(.id) \(.status)"' "$OUT" >"$BATS_TEST_TMPDIR/json.st" || { show_run; return 1; }
	jq -r '.summary | "pass=\(.pass) warn=\(.warn) fail=\(.fail) skip=\(.skip)"' "$OUT" >"$BATS_TEST_TMPDIR/json.sum"

	# text: every check named on a line with its status
	run_case "$c" --format text -v --no-color
	[ "$status" = "$jexit" ] || { echo "text: exit $status, json exit $jexit"; show_run; return 1; }
	while read -r id st; do
		if ! grep -F -- "$id" "$OUT" | grep -qiE "$(status_re "$st")"; then
			echo "text: no line names $id with status $st"; show_run; return 1
		fi
	done <"$BATS_TEST_TMPDIR/json.st"

	# nagios: first line's state word follows the exit status; perfdata counts agree
	run_case "$c" --format nagios
	[ "$status" = "$jexit" ] || { echo "nagios: exit $status, json exit $jexit"; show_run; return 1; }
	local word
	word=$(case $jexit in 0) echo OK ;; 1) echo WARNING ;; 2) echo CRITICAL ;; *) echo UNKNOWN ;; esac)
	head -n 1 "$OUT" | grep -qw "$word" || { echo "nagios: first line lacks $word"; show_run; return 1; }
	local kv k v
	for kv in $(cat "$BATS_TEST_TMPDIR/json.sum"); do
		k=${kv%%=*} v=${kv#*=}
		if grep -q '|' "$OUT" && sed 's/.*|//' "$OUT" | grep -qE "(^|[ '])$k=[0-9]"; then
			sed 's/.*|//' "$OUT" | grep -qE "(^|[ '])$k=$v([;[:space:]]|$)" ||
				{ echo "nagios: perfdata $k is not $v"; show_run; return 1; }
		fi
	done

	# prom: a sample per check id; its status label (value 1) or its value agrees
	run_case "$c" --format prom
	[ "$status" = "$jexit" ] || { echo "prom: exit $status, json exit $jexit"; show_run; return 1; }
	while read -r id st; do
		lines=$(grep -v '^#' "$OUT" | grep -F "id=\"$id\"") ||
			{ echo "prom: no sample for $id"; show_run; return 1; }
		if printf '%s\n' "$lines" | grep -q 'status="'; then
			printf '%s\n' "$lines" | grep -F "status=\"$st\"" | grep -qE '[[:space:]]1(\.0*)?([[:space:]]|$)' ||
				{ echo "prom: $id has no status=\"$st\" sample at 1"; printf '%s\n' "$lines"; return 1; }
			if printf '%s\n' "$lines" | grep -v "status=\"$st\"" | grep -qE '[[:space:]]1(\.0*)?([[:space:]][0-9]+)?$'; then
				echo "prom: $id has another status at 1"; printf '%s\n' "$lines"; return 1
			fi
		else
			# the Nagios-like gauge: pass 0, warn 1, fail 2; skip 0 (no problem) or 3
			local codes
			codes=$(case $st in pass) echo 0 ;; warn) echo 1 ;; fail) echo 2 ;; skip) echo "0 3" ;; esac)
			printf '%s\n' "$lines" | awk -v c="$codes" '
				BEGIN { n = split(c, ok, " ") }
				{ for (i = 1; i <= n; i++) if ($NF + 0 == ok[i]) good = 1 }
				END { exit !good }' ||
				{ echo "prom: $id value is not $codes ($st)"; printf '%s\n' "$lines"; return 1; }
		fi
	done <"$BATS_TEST_TMPDIR/json.st"
	# per-status counts, when exported as {status="..."} samples without an id
	for kv in $(cat "$BATS_TEST_TMPDIR/json.sum"); do
		k=${kv%%=*} v=${kv#*=}
		lines=$(grep -v '^#' "$OUT" | grep -v 'id="' | grep -F "status=\"$k\"") || continue
		printf '%s\n' "$lines" | awk -v v="$v" '$NF + 0 != v { bad = 1 } END { exit bad }' ||
			{ echo "prom: count of $k is not $v"; printf '%s\n' "$lines"; return 1; }
	done
}

@test "formats: text, nagios and prom agree with the JSON on el7-ready" {
	formats_agree el7-ready
}

@test "formats: text, nagios and prom agree with the JSON on el7-limits-exhausted" {
	formats_agree el7-limits-exhausted
}

@test "formats: text, nagios and prom agree with the JSON on el6-no-kdump-installed" {
	formats_agree el6-no-kdump-installed
}

@test "--root /nonexistent: exit 3 and one line on stderr" {
	local err=$BATS_TEST_TMPDIR/err
	status=0
	kdc --root /nonexistent check --json >"$BATS_TEST_TMPDIR/out" 2>"$err" || status=$?
	[ "$status" = 3 ] || { echo "exit $status"; cat "$err"; return 1; }
	[ "$(wc -l <"$err")" = 1 ] || { echo "stderr:"; cat "$err"; return 1; }
	grep -q '^kdumpcheck: ' "$err"
	grep -q '/nonexistent' "$err"
}
