#!/bin/sh
# campaign.sh - a fuzzing campaign: build every tests/fuzz/fuzz-*.c (found by
# file name) with clang's libFuzzer, ASan and UBSan, run the targets one at a
# time for FUZZ_RUNS executions each, seeded from tests/fuzz/corpus/NAME and
# tests/unit/data/NAME, and write one table row per target to FUZZ_REPORT.
#
#   FUZZ_RUNS=10000000     executions per target
#   FUZZ_TARGETS="..."     targets to run (fuzz-NAME or NAME; default: all)
#   FUZZ_MINIMIZE=1        merge the inputs that add coverage into tests/fuzz/corpus/NAME
#   FUZZ_REPORT=docs/fuzz.md
#   FUZZ_CC=clang
#   FUZZ_CFLAGS="-O1 -g"   how the targets are compiled
#   FUZZ_ARGS="..."        more libFuzzer options, e.g. -max_len=1024
#   FUZZ_OUT=build/fuzz    the build, scratch corpora and logs (one per campaign run at once)
#
# New inputs go to build/fuzz/corpus/NAME (kept between runs), logs to
# build/fuzz/logs/. A crash (or leak, timeout, invariant) keeps its input in
# tests/fuzz/crashes/NAME/; the campaign then goes on with the next target and
# exits 1 at the end. Replay one with build/default/tests/fuzz-NAME FILE's directory.
set -eu
cd "$(dirname "$0")/../.."

RUNS=${FUZZ_RUNS:-10000000}
TARGETS=${FUZZ_TARGETS:-}
MINIMIZE=${FUZZ_MINIMIZE:-0}
REPORT=${FUZZ_REPORT:-docs/fuzz.md}
FCC=${FUZZ_CC:-clang}
OUT=${FUZZ_OUT:-build/fuzz}
FCFLAGS=${FUZZ_CFLAGS:-"-O1 -g"}
FARGS=${FUZZ_ARGS:-}
SAN=fuzzer-no-link,address,undefined

case $RUNS in
'' | *[!0-9]*) echo "FUZZ_RUNS must be a number" >&2; exit 2 ;;
esac
if [ -z "$TARGETS" ]; then
	for f in tests/fuzz/fuzz-*.c; do
		TARGETS="$TARGETS $(basename "$f" .c)"
	done
fi
mkdir -p "$OUT/logs" "$OUT/corpus"
rows="$OUT/rows.$$"
: >"$rows"
failed=0

# tree_commit: the tree a target is built from now (the campaign may run for hours while it changes).
tree_commit() {
	c=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
	git diff --quiet HEAD -- src tests/fuzz/*.c tests/fuzz/*.h Makefile 2>/dev/null || c="$c+changes"
	echo "$c"
}

# stat KEY LOG: a value from libFuzzer's -print_final_stats lines.
stat() {
	sed -n "s/^stat::$1: *\\([0-9][0-9]*\\).*/\\1/p" "$2" | tail -n 1
}

# field NAME LOG: a field ("cov", "ft", "corp") of libFuzzer's last status line.
field() {
	grep -E '^#[0-9]+' "$2" | tail -n 1 | sed -n "s/.* $1: \\([^ ]*\\).*/\\1/p"
}

for t in $TARGETS; do
	name=${t#fuzz-}
	t=fuzz-$name
	src=tests/fuzz/$t.c
	bin=$OUT/libfuzzer/$t
	log=$OUT/logs/$t.log
	if [ ! -f "$src" ]; then
		echo "$t: no $src" >&2
		failed=1
		continue
	fi
	echo "== $t: building"
	commit=$(tree_commit)
	if ! make --no-print-directory BUILD="$OUT" CC="$FCC" SANITIZE="$SAN" CFLAGS="$FCFLAGS" "$bin" \
		>"$OUT/logs/$t.build.log" 2>&1; then
		tail -n 20 "$OUT/logs/$t.build.log" >&2
		echo "$t: build failed (log: $OUT/logs/$t.build.log)" >&2
		printf '| %s | build failed | | | | | | | %s | %s |\n' "$t" "$(date -u +%F)" "$commit" >>"$rows"
		failed=1
		continue
	fi
	scratch=$OUT/corpus/$name
	crashes=tests/fuzz/crashes/$name
	mkdir -p "$scratch" "$crashes"
	set -- "$scratch" "tests/fuzz/corpus/$name"
	[ -d "tests/unit/data/$name" ] && set -- "$@" "tests/unit/data/$name"
	touch "$OUT/logs/$t.stamp"
	echo "== $t: $RUNS runs (log: $log)"
	start=$(date +%s)
	rc=0
	# shellcheck disable=SC2086
	"$bin" -runs="$RUNS" -print_final_stats=1 -timeout=30 -artifact_prefix="$crashes/" $FARGS "$@" >"$log" 2>&1 || rc=$?
	wall=$(($(date +%s) - start))
	[ "$wall" -gt 0 ] || wall=1
	ncrash=$(find "$crashes" -type f -newer "$OUT/logs/$t.stamp" | wc -l | tr -d ' ')
	if [ "$rc" -ne 0 ]; then
		[ "$ncrash" -gt 0 ] || ncrash=1
		failed=1
		grep -E 'ERROR|invariant failed|SUMMARY|runtime error|Test unit written' "$log" | head -n 10 >&2 || true
		echo "$t: FAILED (exit $rc), input kept in $crashes/" >&2
	fi
	rmdir "$crashes" 2>/dev/null || true
	rmdir tests/fuzz/crashes 2>/dev/null || true
	execs=$(stat number_of_executed_units "$log")
	execs=${execs:-?}
	rate=$(stat average_exec_per_sec "$log")
	case $execs in
	*[!0-9]*) ;;
	*) [ "${rate:-0}" -gt 0 ] || rate=$((execs / wall)) ;;
	esac
	rate=${rate:-?}
	corp=$(field corp "$log")
	corp=${corp:-?}
	cov=$(field cov "$log")
	ft=$(field ft "$log")
	printf '| %s | %s | %s s | %s | %s | %s | %s | %s | %s | %s |\n' "$t" "$execs" "$wall" "$rate" \
		"$corp" "${cov:-?}" "${ft:-?}" "$ncrash" "$(date -u +%F)" "$commit" >>"$rows"
	tail -n 1 "$rows"
	if [ "$MINIMIZE" = 1 ] && [ "$rc" -eq 0 ]; then
		echo "== $t: merging new coverage into tests/fuzz/corpus/$name"
		"$bin" -merge=1 "tests/fuzz/corpus/$name" "$scratch" >"$OUT/logs/$t.merge.log" 2>&1
	fi
done

# The report: its text as is, the rows of its campaign table replaced by target and sorted.
if [ ! -f "$REPORT" ]; then
	mkdir -p "$(dirname "$REPORT")"
	printf '# Fuzzing\n\n' >"$REPORT"
fi
if ! grep -q '^| target | executions |' "$REPORT"; then
	{
		printf '\n| target | executions | wall time | exec/s | corpus (inputs/bytes) | cov | ft | crashes | date | commit |\n'
		printf '|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n'
	} >>"$REPORT"
fi
tmp="$REPORT.tmp"
{
	awk '{ print } /^\| target \| executions \|/ { h = 1; next } h && /^\|---/ { exit }' "$REPORT"
	{
		cut -d' ' -f2 "$rows" >"$rows.names"
		grep '^| fuzz-' "$REPORT" | awk 'NR == FNR { fresh[$1] = 1; next } !($2 in fresh)' "$rows.names" - || true
		cat "$rows"
	} | sort -t'|' -k2,2
	awk 'h == 2 && !/^\| fuzz-/ { rest = 1 } rest { print }
		/^\| target \| executions \|/ { h = 1; next } h == 1 && /^\|---/ { h = 2 }' "$REPORT"
} >"$tmp"
mv "$tmp" "$REPORT"
rm -f "$rows" "$rows.names"
echo "table: $REPORT"
exit "$failed"
