#!/usr/bin/env bats
# fleet: many hosts' check --json reports read into one view. The reports are
# the golden reports of every fixture case (tests/roots/*/expected.json), each
# given its own host name; what fleet says is checked against what jq computes
# from the same files.

load helpers
load dumps
bats_require_minimum_version 1.5.0

# $FLEET: one report per fixture case, host "h-CASE", made once for the file;
# each test has its own copy to change.
setup_file() {
	local reports=$BATS_FILE_TMPDIR/reports d c sub
	mkdir -p "$reports/el" "$reports/other"
	for d in "$ROOTS"/*/; do
		c=$(basename "$d")
		# a case whose check could not run has no report (exit 3, nothing on stdout)
		[ -s "$d/expected.json" ] || continue
		case $c in el*) sub=el ;; *) sub=other ;; esac
		jq --arg h "h-$c" '.host.hostname = $h' "$d/expected.json" >"$reports/$sub/$c.json"
	done
}

setup() {
	FLEET=$BATS_TEST_TMPDIR/reports
	cp -a "$BATS_FILE_TMPDIR/reports" "$FLEET"
}

# The worst status of each report as fleet must see it: the summary's, raised by any check's.
jq_status='[.summary.status, (.checks[].status)] | if any(.[]; . == "fail") then "fail" elif any(.[]; . == "warn") then "warn" else "pass" end'

@test "fleet --json: every fixture report, the counts and the per-check hosts as jq computes them" {
	local n
	n=$(find "$FLEET" -name '*.json' | wc -l)
	[ "$n" -ge 50 ]
	run --separate-stderr kdc --json fleet "$FLEET"
	[ "$status" = 0 ] || { echo "$stderr"; return 1; }
	local out=$output
	[ "$(jq -r .schema <<<"$out")" = kdumpcheck.fleet/1 ]
	[ "$(jq .hosts <<<"$out")" = "$n" ]
	[ "$(jq '.unreadable | length' <<<"$out")" = 0 ]
	[ "$(jq '.duplicates | length' <<<"$out")" = 0 ]
	local s want got
	for s in pass warn fail; do
		want=$(find "$FLEET" -name '*.json' -exec jq -r "$jq_status" {} + | grep -cx "$s" || true)
		got=$(jq ".status.$s" <<<"$out")
		[ "$want" = "$got" ] || { echo "$s: jq $want, fleet $got"; return 1; }
	done
	[ "$(jq .status.error <<<"$out")" = 0 ]
	# each check id's failing and warning hosts, sorted by name
	local id
	for id in $(find "$FLEET" -name '*.json' -exec jq -r '.checks[] | select(.status == "fail" or .status == "warn") | .id' {} + | sort -u); do
		for s in fail warn; do
			want=$(find "$FLEET" -name '*.json' -exec jq -r --arg id "$id" --arg s "$s" \
				'.host.hostname as $h | select(any(.checks[]; .id == $id and .status == $s)) | $h' {} + | LC_ALL=C sort | tr '\n' ' ')
			got=$(jq -r --arg id "$id" --arg s "$s" '.checks[] | select(.id == $id) | .[$s][]' <<<"$out" | tr '\n' ' ')
			[ "$want" = "$got" ] || { printf '%s %s:\n jq:    %s\n fleet: %s\n' "$id" "$s" "$want" "$got"; return 1; }
		done
	done
	# no check id listed that every host passes, none missing
	[ "$(jq '[.checks[] | select((.fail | length) + (.warn | length) == 0)] | length' <<<"$out")" = 0 ]
	[ "$(jq '.checks | length' <<<"$out")" = "$(wc -w <<<"$(find "$FLEET" -name '*.json' -exec jq -r '.checks[] | select(.status == "fail" or .status == "warn") | .id' {} + | sort -u)")" ]
	# worst first: status rank, then failures, then warnings, then name; each report path is the file
	run jq -r '.hosts_worst_first[] | [(if .status == "fail" then 0 elif .status == "warn" then 1 else 2 end), (1000 - .fail), (1000 - .warn), .host] | @tsv' <<<"$out"
	[ "$output" = "$(LC_ALL=C sort -t "$(printf '\t')" -k1,1n -k2,2n -k3,3n -k4,4 <<<"$output")" ]
	run jq -r '.hosts_worst_first[] | "\(.host) \(.report) \(.fail) \(.warn)"' <<<"$out"
	local h rep f w
	while read -r h rep f w; do
		[ "$(jq -r .host.hostname "$rep")" = "$h" ]
		[ "$(jq '[.checks[] | select(.status == "fail")] | length' "$rep")" = "$f" ]
		[ "$(jq '[.checks[] | select(.status == "warn")] | length' "$rep")" = "$w" ]
	done <<<"$output"
}

@test "fleet: text shows hosts per status, the checks with their hosts, the hosts worst first" {
	run --separate-stderr kdc fleet "$FLEET"
	[ "$status" = 0 ] || { echo "$stderr"; return 1; }
	local js
	js=$(kdc --json fleet "$FLEET")
	[[ "${lines[0]}" == "$(jq -r '"\(.hosts) hosts: \(.status.pass) pass, \(.status.warn) warn, \(.status.fail) fail, \(.status.error) error"' <<<"$js")" ]]
	[[ "$output" == *"Checks that do not pass, most failing hosts first:"* ]]
	[[ "$output" == *"Hosts, worst first:"* ]]
	# the first check of the JSON comes first, with its counts
	local first
	first=$(jq -r '.checks[0] | "  \(.id): \(.fail | length) fail, \(.warn | length) warn"' <<<"$js")
	[ "$(grep -m1 '^  [a-z]' <<<"$output")" = "$first" ]
	# the worst host is the first row under the header
	local worst
	worst=$(jq -r '.hosts_worst_first[0].host' <<<"$js")
	[[ "$(grep -A1 '^  HOST ' <<<"$output" | tail -n 1)" == "  $worst "* ]]
}

@test "fleet: text cuts long host lists at 10 per check unless -v" {
	local i
	mkdir -p "$BATS_TEST_TMPDIR/many"
	for i in $(seq 1 25); do
		jq --arg h "node$i" '.host.hostname = $h' "$ROOTS/el7-not-persistent/expected.json" >"$BATS_TEST_TMPDIR/many/n$i.json"
	done
	run --separate-stderr kdc fleet "$BATS_TEST_TMPDIR/many"
	[ "$status" = 0 ]
	[[ "$output" == *"crashkernel.persistent: 25 fail, 0 warn"* ]]
	[[ "$output" == *"fail on 25: node1, node10, node11,"*" and 15 more (-v for all)"* ]]
	run --separate-stderr kdc -v fleet "$BATS_TEST_TMPDIR/many"
	[[ "$output" != *"more (-v for all)"* ]]
	[[ "$output" == *"node9"* ]]
}

@test "fleet: unreadable, truncated, foreign and hostile reports are listed with why and never stop the others" {
	local d=$BATS_TEST_TMPDIR/bad good=$ROOTS/el7-ready/expected.json
	mkdir -p "$d/sub/deeper"
	jq '.host.hostname = "good1"' "$good" >"$d/good1.json"
	jq '.host.hostname = "good2"' "$good" >"$d/sub/deeper/good2.json"
	printf 'not json at all\n' >"$d/text.json"
	head -c 300 "$good" >"$d/truncated.json"
	: >"$d/empty.json"
	jq '.schema = "kdumpcheck.estimate/1"' "$good" >"$d/foreign.json"
	jq 'del(.host)' "$good" >"$d/nohost.json"
	jq '.checks[0].status = "great"' "$good" >"$d/badstatus.json"
	jq '.checks = {}' "$good" >"$d/checksobj.json"
	printf '%s trailing' "$(cat "$good")" >"$d/trailing.json"
	printf '[' >"$d/deep.json"
	for _ in $(seq 1 100); do printf '[' >>"$d/deep.json"; done
	truncate -s 20M "$d/huge.json"
	mkfifo "$d/fifo.json"
	ln -s "$good" "$d/link.json"
	printf 'ignored: not *.json\n' >"$d/notes.txt"
	# a name too long for a path under it is not a report: ignored, not listed
	: >"$d/$(printf 'n%.0s' $(seq 1 250)).txt"
	# a device named *.json is listed, never opened
	if [ "$(id -u)" = 0 ] && mknod "$d/device.json" c 1 3 2>/dev/null; then
		devices=1
	else
		devices=0
		mkfifo "$d/device.json"
	fi
	mkdir "$d/.hidden" && cp "$good" "$d/.hidden/x.json"
	run --separate-stderr timeout 20 "$KDC" --json fleet "$d" "$BATS_TEST_TMPDIR/missing.json"
	[ "$status" = 0 ] || { echo "$stderr"; return 1; }
	local out=$output
	[ "$(jq .hosts <<<"$out")" = 16 ]
	[ "$(jq .status.pass <<<"$out")" = 2 ]
	[ "$(jq .status.error <<<"$out")" = 14 ]
	why() { jq -r --arg p "$1" '.unreadable[] | select(.path == $p) | .why' <<<"$out"; }
	[[ "$(why "$d/text.json")" == "not JSON: "*" at byte "* ]]
	[[ "$(why "$d/truncated.json")" == "truncated: the JSON ends at byte 300"* ]]
	[ "$(why "$d/empty.json")" = empty ]
	[ "$(why "$d/deep.json")" != "" ]
	[ "$(why "$d/foreign.json")" = "schema 'kdumpcheck.estimate/1' is not kdumpcheck.report/1" ]
	[ "$(why "$d/nohost.json")" = "no host.hostname (a string)" ]
	[[ "$(why "$d/badstatus.json")" == "check 'crashkernel.cmdline': status is not pass, warn, fail or skip" ]]
	[ "$(why "$d/checksobj.json")" = "no checks (an array)" ]
	[[ "$(why "$d/trailing.json")" == "not JSON: more data after the document at byte "* ]]
	[[ "$(why "$d/deep.json")" == "not JSON: "* ]]
	[ "$(why "$d/huge.json")" = "larger than 16 MiB" ]
	[ "$(why "$d/fifo.json")" = "not a regular file" ]
	[ "$(why "$d/device.json")" = "not a regular file" ]
	echo "a character device tried: $devices"
	[[ "$(why "$d/link.json")" == "a symbolic link"* ]]
	[ "$(why "$BATS_TEST_TMPDIR/missing.json")" = "No such file or directory" ]
	[[ "$out" != *notes.txt* && "$out" != *.hidden* ]]
	# sorted by path
	[ "$(jq -r '.unreadable[].path' <<<"$out")" = "$(jq -r '.unreadable[].path' <<<"$out" | LC_ALL=C sort)" ]
	# nothing readable at all: the view still, and exit 1 with why
	run --separate-stderr "$KDC" fleet "$d/text.json" "$d/empty.json"
	[ "$status" = 1 ]
	[[ "$output" == "2 hosts: 0 pass, 0 warn, 0 fail, 2 error"* ]]
	[ "$stderr" = "kdumpcheck: fleet: no report could be read (2 files)" ]
}

@test "fleet: a summary that says pass over a failing check is not believed" {
	jq '.host.hostname = "liar" | .summary.status = "pass" | .checks[2].status = "fail"' \
		"$ROOTS/el7-ready/expected.json" >"$BATS_TEST_TMPDIR/liar.json"
	run --separate-stderr kdc --json fleet "$BATS_TEST_TMPDIR/liar.json"
	[ "$status" = 0 ]
	[ "$(jq -r '.hosts_worst_first[0].status' <<<"$output")" = fail ]
	[ "$(jq '.status.fail' <<<"$output")" = 1 ]
	[ "$(jq -r '.checks[0].fail[0]' <<<"$output")" = liar ]
	# a check listed twice counts once for the host, as it does for the check
	jq '.host.hostname = "twice" | .checks[2].status = "fail" | .checks += [.checks[2]]' \
		"$ROOTS/el7-ready/expected.json" >"$BATS_TEST_TMPDIR/twice.json"
	run --separate-stderr kdc --json fleet "$BATS_TEST_TMPDIR/twice.json"
	[ "$status" = 0 ]
	[ "$(jq -c '.hosts_worst_first[0] | [.status, .fail, .warn]' <<<"$output")" = '["fail",1,0]' ]
	[ "$(jq -c '[.checks[] | .fail | length]' <<<"$output")" = '[1]' ]
}

@test "fleet: two reports of one host keep the newer file and list the other" {
	local d=$BATS_TEST_TMPDIR/dup
	mkdir -p "$d/a" "$d/b"
	jq '.host.hostname = "twin"' "$ROOTS/el7-not-persistent/expected.json" >"$d/a/old.json"
	jq '.host.hostname = "twin"' "$ROOTS/el7-ready/expected.json" >"$d/b/new.json"
	touch -d '2026-01-01 00:00' "$d/a/old.json"
	touch -d '2026-02-01 00:00' "$d/b/new.json"
	for order in "$d/a $d/b" "$d/b $d/a"; do
		# shellcheck disable=SC2086
		run --separate-stderr kdc --json fleet $order
		[ "$status" = 0 ]
		[ "$(jq .hosts <<<"$output")" = 1 ]
		[ "$(jq -r '.hosts_worst_first[0] | "\(.host) \(.status) \(.report)"' <<<"$output")" = "twin pass $d/b/new.json" ]
		[ "$(jq -c '.duplicates' <<<"$output")" = "[{\"host\":\"twin\",\"path\":\"$d/a/old.json\",\"kept\":\"$d/b/new.json\"}]" ]
		[ "$(jq '.checks | length' <<<"$output")" = 0 ]
	done
	run --separate-stderr kdc fleet "$d"
	[[ "$output" == *"Duplicate hosts (the newer report is kept):"*"twin: $d/a/old.json (kept $d/b/new.json)"* ]]
}

@test "fleet --format csv: one row per report and check, quoted, host words inert" {
	local d=$BATS_TEST_TMPDIR/csv
	mkdir -p "$d"
	jq '.host.hostname = "=cmd|calc" | .checks[0].message = "say \"hi\", then\nnew line"' \
		"$ROOTS/el7-ready/expected.json" >"$d/a.json"
	jq '.host.hostname = "b"' "$ROOTS/el6-ready/expected.json" >"$d/b.json"
	printf 'x' >"$d/c.json"
	run --separate-stderr kdc --format csv fleet "$d"
	[ "$status" = 0 ] || { echo "$stderr"; return 1; }
	local na nb
	na=$(jq '.checks | length' "$d/a.json")
	nb=$(jq '.checks | length' "$d/b.json")
	[ "${#lines[@]}" = $((1 + na + nb + 1)) ]
	[ "${lines[0]}" = '"host","host_status","check","status","message","report"' ]
	[ "${lines[1]}" = "\"'=cmd|calc\",\"pass\",\"crashkernel.cmdline\",\"pass\",\"say \"\"hi\"\", then\\x0anew line\",\"$d/a.json\"" ]
	[[ "${lines[$((na + 1))]}" == '"b","pass","crashkernel.cmdline","pass",'* ]]
	[[ "${lines[$((na + nb + 1))]}" == '"","error","","error","not JSON: '*"\"$d/c.json\"" ]]
	# every row has six fields (python's csv reader agrees)
	python3 -c 'import csv,sys; rows=list(csv.reader(open(sys.argv[1]))); assert all(len(r) == 6 for r in rows), rows' <(printf '%s\n' "$output")
}

@test "fleet: host words that are not text are escaped in text and valid UTF-8 in JSON" {
	local d=$BATS_TEST_TMPDIR/esc
	mkdir -p "$d"
	jq '.host.hostname = "evil\u001b[31mred"' "$ROOTS/el7-not-persistent/expected.json" >"$d/a.json"
	printf '%s' "$(jq -c '.host.hostname = "HOSTX"' "$ROOTS/el7-ready/expected.json")" | sed 's/HOSTX/bad\xff\xfe/' >"$d/b.json"
	run --separate-stderr kdc fleet "$d"
	[ "$status" = 0 ]
	[[ "$output" != *$'\e'* ]]
	[[ "$output" == *'evil\x1b[31mred'* ]]
	[[ "$output" == *'bad\xff\xfe'* ]]
	run --separate-stderr kdc --json fleet "$d"
	[ "$status" = 0 ]
	jq -e . <<<"$output" >/dev/null
	iconv -f UTF-8 -t UTF-8 <<<"$output" >/dev/null
}

@test "fleet: memory holds one report at a time, whatever their number and size" {
	local d=$BATS_TEST_TMPDIR/big one=$BATS_TEST_TMPDIR/one i
	mkdir -p "$d" "$one"
	head -c 600000 /dev/zero | tr '\0' x >"$BATS_TEST_TMPDIR/msg"
	jq --rawfile m "$BATS_TEST_TMPDIR/msg" '.host.hostname = "big0" | .checks[0].message = $m' "$ROOTS/el7-ready/expected.json" >"$one/r.json"
	for i in $(seq 1 150); do
		sed "s/\"big0\"/\"big$i\"/" "$one/r.json" >"$d/r$i.json"
	done
	# (under ASan, freed buffers wait in its quarantine and count in the RSS: none for this measure)
	rss() { ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=0" KDUMPCHECK_RUSAGE=1 "$KDC" --json fleet "$1" 2>&1 >/dev/null |
		sed -n 's/.*maxrss_kb=//p'; }
	local r1 rn
	r1=$(rss "$one")
	rn=$(rss "$d")
	echo "one report: $r1 KiB, 150 reports of 600 KB: $rn KiB"
	# 90 MB of reports: the peak may grow by the summaries and allocator slack, not by the reports
	[ "$rn" -lt $((r1 + 16384)) ]
}

@test "fleet: usage errors" {
	run --separate-stderr kdc fleet
	[ "$status" = 64 ]
	[[ "$stderr" == "kdumpcheck: fleet: "* ]]
	run --separate-stderr kdc --format prom fleet "$FLEET"
	[ "$status" = 64 ]
	run --separate-stderr kdc --format csv check
	[ "$status" = 64 ]
}

# ---- check --format prom: the dumps beside the checks ----------------------

@test "check --format prom: the dumps of the dump directory, complete or not, the last crash and the free space" {
	prepare_root el7-ready
	CRASH=$ROOT/var/crash
	run --separate-stderr kdc --root "$ROOT" --format prom check
	[ "$status" = 0 ]
	grep -qx 'kdumpcheck_dump_dir_visible 1' <<<"$output"
	grep -qx 'kdumpcheck_dumps{complete="true"} 0' <<<"$output"
	grep -qx 'kdumpcheck_dumps{complete="false"} 0' <<<"$output"
	grep -qx 'kdumpcheck_last_crash_timestamp_seconds 0' <<<"$output"
	local free
	free=$(sed -n 's/^kdumpcheck_dump_dir_free_bytes //p' <<<"$output")
	[ "$free" -gt 0 ]
	# within 1 MiB of what df says for the same directory
	local df_free
	df_free=$(( $(df -B1 --output=avail "$CRASH" | tail -n 1) ))
	[ $((free - df_free)) -lt 1048576 ] && [ $((df_free - free)) -lt 1048576 ]
	rhel_dump web1-2024-05-31-16:08:41 kdump-zlib.vmcore '1 hour ago'
	rhel_dump web1-2024-05-30-10:00:00 kdump-none.vmcore '5 days ago'
	rhel_dump web1-2024-06-01-00:00:00 kdump-incomplete.vmcore 'now' vmcore-incomplete
	# a capture that wrote no dump file: its kernel log and the time it was made
	local failed=$CRASH/web1-2024-01-01-00:00:00
	mkdir -p "$failed" && echo "no room" >"$failed/vmcore-dmesg.txt"
	touch -d '2024-01-01 00:00 UTC' "$failed/vmcore-dmesg.txt" "$failed"
	run --separate-stderr kdc --root "$ROOT" --format prom check
	grep -qx 'kdumpcheck_dumps{complete="true"} 2' <<<"$output"
	grep -qx 'kdumpcheck_dumps{complete="false"} 2' <<<"$output"
	# every test dump crashed at 2024-05-31T16:08:37Z (their headers say so)
	grep -qx "kdumpcheck_last_crash_timestamp_seconds $(date -d 2024-05-31T16:08:37Z +%s)" <<<"$output"
	# a failed capture counts as a crash too, at the time its directory was written
	touch -d '2024-07-01 00:00 UTC' "$failed/vmcore-dmesg.txt" "$failed"
	run --separate-stderr kdc --root "$ROOT" --format prom check
	grep -qx "kdumpcheck_last_crash_timestamp_seconds $(date -d '2024-07-01 00:00 UTC' +%s)" <<<"$output"
	# promtool's rule: each metric's HELP and TYPE once, before its samples
	[ "$(grep -c '^# TYPE kdumpcheck_dumps gauge$' <<<"$output")" = 1 ]
}

@test "check --format prom: a dump directory this host cannot see says so instead of counting nothing" {
	prepare_root el7-nfs-target
	run --separate-stderr kdc --root "$ROOT" --format prom check
	grep -qx 'kdumpcheck_dump_dir_visible 0' <<<"$output"
	! grep -q '^kdumpcheck_dumps{' <<<"$output"
}
