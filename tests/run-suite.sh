#!/bin/sh
# run-suite.sh - every test of the project: the C unit tests, the golden
# reports of every fixture case (tests/golden.sh, one test per case) and the
# bats CLI tests, for the release build, the ASan+UBSan build and the build
# without libkmod, then the fixture suite and the golden reports once under
# valgrind (tests/bats/rpm.bats and tests/bats/ansible.bats run for the release
# build only). Ends with the line
# "N passed, N failed" and exits non-zero if anything failed.
# QUICK=1 runs the release build's tests only.
set -u
cd "$(dirname "$0")/.." || exit 2

LOGDIR=build/test-logs
mkdir -p "$LOGDIR"
total_pass=0
total_fail=0
total_skip=0

export ASAN_OPTIONS="exitcode=98:abort_on_error=0:detect_leaks=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1:exitcode=98:${UBSAN_OPTIONS:-}"

# tally LABEL LOG RC: count a TAP log; a run that died without saying so counts as one failure.
tally() {
	label=$1 log=$2 rc=$3
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
	printf '%-28s %4d passed, %d failed, %d skipped\n' "$label" "$p" "$f" "$s"
	total_pass=$((total_pass + p))
	total_fail=$((total_fail + f))
	total_skip=$((total_skip + s))
}

# units BUILD: every unit test binary of a build.
units() {
	build=$1
	for t in "$build"/tests/test-*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		log="$LOGDIR/$(echo "$build" | tr / _)-$name.tap"
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
	KDC="$PWD/$bin" KDC_WRAP="$wrap" bats --tap "$@" >"$log" 2>&1
	tally "bats $label" "$log" $?
}

# golden LABEL BINARY WRAP: every fixture case's reports against its golden files.
golden() {
	label=$1 bin=$2 wrap=$3
	log="$LOGDIR/golden-$label.tap"
	KDC="$PWD/$bin" KDC_WRAP="$wrap" bash tests/golden.sh >"$log" 2>&1
	tally "golden $label" "$log" $?
}

# Bats files that test no build of their own run for the release build only:
# rpm.bats builds the RPMs with rpmbuild from the source tree; portability.bats
# judges the sources and the release build's objects, not the binary under test.
# ansible.bats drives ansible-playbook over many fixture hosts (minutes).
ONCE="tests/bats/rpm.bats tests/bats/portability.bats tests/bats/ansible.bats"
REPEAT=""
for f in tests/bats/*.bats; do
	case " $ONCE " in
	*" $f "*) ;;
	*) REPEAT="$REPEAT $f" ;;
	esac
done

VALGRIND="valgrind -q --error-exitcode=97 --leak-check=full --errors-for-leak-kinds=definite,indirect"
units build/default
fuzz build/default
golden default kdumpcheck ""
cli default kdumpcheck ""
if [ -z "${QUICK:-}" ]; then
	units build/asan
	fuzz build/asan
	golden asan build/asan/kdumpcheck ""
	# shellcheck disable=SC2086
	cli asan build/asan/kdumpcheck "" $REPEAT
	units build/nokmod
	golden nokmod build/nokmod/kdumpcheck ""
	# shellcheck disable=SC2086
	cli nokmod build/nokmod/kdumpcheck "" $REPEAT
	golden valgrind kdumpcheck "$VALGRIND"
	cli valgrind kdumpcheck "$VALGRIND" tests/bats/fixtures.bats tests/bats/estimate.bats
fi

echo "$total_pass passed, $total_fail failed, $total_skip skipped"
[ "$total_fail" -eq 0 ]
