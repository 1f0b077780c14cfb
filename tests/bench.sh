#!/bin/sh
# bench.sh - how fast the preflight is: median wall time of 'kdumpcheck check'
# on a full fixture root and on this host, against /bin/true as the floor
# (the cost of starting any process), and how many files one run opens.
set -u
cd "$(dirname "$0")/.." || exit 2

RUNS=${RUNS:-200}
ROOT=tests/roots/el7-ready/root
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# median_us CMD...: run CMD RUNS times, print the median wall time in microseconds.
median_us() {
	i=0
	: >"$WORK/times"
	while [ $i -lt "$RUNS" ]; do
		t0=$(date +%s%N)
		"$@" >/dev/null 2>&1
		t1=$(date +%s%N)
		echo $(((t1 - t0) / 1000)) >>"$WORK/times"
		i=$((i + 1))
	done
	sort -n "$WORK/times" | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
}

floor=$(median_us /bin/true)
version=$(median_us ./kdumpcheck --version)
fixture=$(median_us ./kdumpcheck --root "$ROOT" check --json)
live=$(median_us ./kdumpcheck check --json)
echo "runs per case:                    $RUNS"
echo "/bin/true (process start floor):  ${floor} us"
echo "kdumpcheck --version (load+link): ${version} us  ($((version - floor)) us above the floor)"
echo "check --json, fixture el7-ready:  ${fixture} us  ($((fixture - floor)) us above the floor)"
echo "check --json, this host:          ${live} us  ($((live - floor)) us above the floor)"
if command -v strace >/dev/null 2>&1; then
	strace -f -e trace=open,openat -o "$WORK/trace" ./kdumpcheck --root "$ROOT" check --json >/dev/null 2>&1
	files=$(grep -v -e ENOENT -e '/lib/' -e '/etc/ld.so' -e '/usr/lib/locale' "$WORK/trace" | grep -c "$ROOT")
	dup=$(grep -v ENOENT "$WORK/trace" | grep -o "\"$ROOT[^\"]*\"" | sort | uniq -d | wc -l)
	echo "files opened under the root:      $files (opened more than once: $dup)"
fi
if command -v valgrind >/dev/null 2>&1; then
	peak=$(valgrind --tool=massif --pages-as-heap=no --massif-out-file="$WORK/massif" \
		./kdumpcheck --root "$ROOT" check --json >/dev/null 2>&1; \
		grep mem_heap_B "$WORK/massif" | sed 's/.*=//' | sort -n | tail -n 1)
	echo "peak heap, fixture el7-ready:     $((peak / 1024)) KiB"
fi
