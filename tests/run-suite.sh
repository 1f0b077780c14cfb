#!/bin/sh
# run-suite.sh - every test of the project: the C unit tests, the fuzz
# targets over their corpora, the golden reports of every fixture case
# (tests/golden.sh, one test per case) and the bats CLI tests, for the release
# build, the ASan+UBSan build and the build without libkmod (the bats files
# that read module facts), then the reports once under valgrind. Files that
# judge the tree rather than a build (ONCE below) run for the release build
# only. Ends with the line "N passed, N failed, N skipped" and exits non-zero
# if anything failed. QUICK=1 runs the release build's tests only.
# The release build's tests and the other builds' run side by side (two
# lanes; each test run's line gives its elapsed seconds); the second lane's
# lines follow the first's. bats sees the build as KDC_BUILD (default, asan,
# nokmod, valgrind).
set -u
cd "$(dirname "$0")/.." || exit 2

LOGDIR=build/test-logs
mkdir -p "$LOGDIR"
rm -f "$LOGDIR"/lane-*.totals "$LOGDIR"/lane-*.out
LANE=a

export ASAN_OPTIONS="exitcode=98:abort_on_error=0:detect_leaks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=98:${UBSAN_OPTIONS:-}"

# tally LABEL LOG RC: count a TAP log; a run that died without saying so counts
# as one failure. The counts go to the lane's totals file, summed at the end.
tally() {
	label=$1 log=$2 rc=$3
	now=$(date +%s)
	secs=$((now - ${started:-$now}))
	p=$(grep -c '^ok ' "$log" | tr -d ' ')
	s=$(grep '^ok ' "$log" | grep -c '# skip' | tr -d ' ')
	f=$(grep -c '^not ok ' "$log" | tr -d ' ')
	plan=$(sed -n 's/^1\.\.\([0-9][0-9]*\).*/\1/p' "$log" | head -n 1)
	p=$((p - s))
	if [ -n "$plan" ] && [ $((p + s + f)) -lt "$plan" ]; then
		echo "$label: only $((p + s + f)) of $plan tests reported (exit $rc)"
		f=$((f + plan - p - s - f))
	fi
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
		echo "$label: exited $rc with no failing test reported"
		f=1
	fi
	if [ "$f" -gt 0 ]; then
		grep -E -A12 '^not ok ' "$log" | sed "s|^|  $label: |" | head -n 200
		[ "$rc" -ne 0 ] && tail -n 20 "$log" | sed "s|^|  $label: |"
	fi
	printf '%-28s %4d passed, %d failed, %d skipped  (%ss)\n' "$label" "$p" "$f" "$s" "$secs"
	echo "$p $f $s" >>"$LOGDIR/lane-$LANE.totals"
}

# start: the clock of the next test run.
start() {
	started=$(date +%s)
}

# units BUILD: every unit test binary of a build.
units() {
	build=$1
	for t in "$build"/tests/test-*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		log="$LOGDIR/$(echo "$build" | tr / _)-$name.tap"
		start
		"$t" >"$log" 2>&1
		tally "unit $(basename "$build")/$name" "$log" $?
	done
}

# fuzz BUILD: replay every fuzz target of a build over its corpus and the matching unit test data.
fuzz() {
	build=$1
	for t in "$build"/tests/fuzz-*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		what=${name#fuzz-}
		log="$LOGDIR/$(echo "$build" | tr / _)-$name.tap"
		set -- "tests/fuzz/corpus/$what"
		[ -d "tests/unit/data/$what" ] && set -- "$@" "tests/unit/data/$what"
		start
		"$t" "$@" >"$log" 2>&1
		tally "fuzz $(basename "$build")/$what" "$log" $?
	done
}

# cli LABEL BINARY [WRAP] [FILES...]: the bats suite against one binary.
cli() {
	label=$1 bin=$2 wrap=$3
	shift 3
	log="$LOGDIR/bats-$label.tap"
	[ $# -gt 0 ] || set -- tests/bats
	start
	KDC="$PWD/$bin" KDC_WRAP="$wrap" KDC_BUILD=$label bats --tap --timing "$@" >"$log" 2>&1
	tally "bats $label" "$log" $?
}

# golden LABEL BINARY WRAP: every fixture case's reports against its golden files.
golden() {
	label=$1 bin=$2 wrap=$3
	log="$LOGDIR/golden-$label.tap"
	start
	KDC="$PWD/$bin" KDC_WRAP="$wrap" bash tests/golden.sh >"$log" 2>&1
	tally "golden $label" "$log" $?
}

# Bats files that test no build of their own run for the release build only:
# rpm.bats builds the RPMs with rpmbuild from the source tree; portability.bats
# judges the sources and the release build's objects, not the binary under test;
# roots.bats judges the fixture tree and its tools; footprint.bats measures
# the release binary and the libraries it loads. ansible.bats drives
# ansible-playbook over many fixture hosts (minutes).
ONCE="tests/bats/rpm.bats tests/bats/portability.bats tests/bats/roots.bats tests/bats/footprint.bats
tests/bats/ansible.bats"
# The build without libkmod differs in the module facts alone: the files whose
# tests read them (tainted hosts, sidecars, hostile module files, captures)
# and the command line. Its reports of every case are compared by golden.sh.
NOKMOD="tests/bats/cli.bats tests/bats/fixtures.bats tests/bats/hostile.bats tests/bats/tag.bats
tests/bats/realdumps.bats tests/bats/capture.bats"
REPEAT=""
for f in tests/bats/*.bats; do
	once=0
	for o in $ONCE; do
		[ "$o" != "$f" ] || once=1
	done
	[ "$once" = 1 ] || REPEAT="$REPEAT $f"
done

VALGRIND="valgrind -q --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite,indirect"

# lane b: the ASan+UBSan build, the build without libkmod, valgrind.
lane_b() {
	LANE=b
	units build/asan
	fuzz build/asan
	golden asan build/asan/kdumpcheck ""
	# shellcheck disable=SC2086
	cli asan build/asan/kdumpcheck "" $REPEAT
	units build/nokmod
	golden nokmod build/nokmod/kdumpcheck ""
	# shellcheck disable=SC2086
	cli nokmod build/nokmod/kdumpcheck "" $NOKMOD
	golden valgrind kdumpcheck "$VALGRIND"
	cli valgrind kdumpcheck "$VALGRIND" tests/bats/fixtures.bats tests/bats/estimate.bats tests/bats/tag.bats
}

lane_b_pid=
if [ -z "${QUICK:-}" ]; then
	lane_b >"$LOGDIR/lane-b.out" 2>&1 &
	lane_b_pid=$!
fi
units build/default
fuzz build/default
golden default kdumpcheck ""
cli default kdumpcheck ""
if [ -n "$lane_b_pid" ]; then
	wait "$lane_b_pid" || echo "lane b: exited $?"
	cat "$LOGDIR/lane-b.out"
	[ -s "$LOGDIR/lane-b.totals" ] || { echo "lane b: no test reported"; echo "0 1 0" >>"$LOGDIR/lane-a.totals"; }
fi

set -- 0 0 0
for t in "$LOGDIR"/lane-*.totals; do
	[ -f "$t" ] || continue
	while read -r p f s; do
		set -- $(($1 + p)) $(($2 + f)) $(($3 + s))
	done <"$t"
done
echo "$1 passed, $2 failed, $3 skipped"
[ "$2" -eq 0 ]
