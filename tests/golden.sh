#!/bin/bash
# golden.sh [--update] [CASE...] - every fixture case of tests/roots/ (a
# directory with root/ or delta/) judged by kdumpcheck and compared with its
# golden files: "expected" (exit status, stderr, the status of every check),
# "expected.txt" (the text report) and "expected.json" (the JSON report).
# Prints TAP: one "ok" or "not ok" per case, with a unified diff (golden,
# then got) for a case that differs. --update writes the golden files instead
# ("make golden"). No CASE: every case.
#
# The binary is $KDC (default ./kdumpcheck), run through $KDC_WRAP when set
# (a valgrind command line). What follows the machine running the test is
# replaced: the tool version by @VERSION@, the case's temporary copy by
# @ROOT@ (its root) and @CASE@ (the directory holding the root and the
# policy file), the free space of the dump target by @FREE@. Runs in UTC.
set -eu
cd "$(dirname "$0")/.."

ROOTS=${ROOTS:-tests/roots}
KDC=${KDC:-$PWD/kdumpcheck}
KDC_WRAP=${KDC_WRAP:-}
export TZ=UTC0 LC_ALL=C
unset NO_COLOR

update=0
if [ "${1:-}" = --update ]; then
	update=1
	shift
fi
if [ $# -gt 0 ]; then
	cases=("$@")
else
	cases=()
	for d in "$ROOTS"/*/; do
		d=${d%/}
		if [ -d "$d/root" ] || [ -d "$d/delta" ]; then
			cases+=("${d##*/}")
		fi
	done
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/kdc-golden.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
version=$("$KDC" --version)
version=${version#kdumpcheck }

# normalise DIR FILE: replace what follows the machine (see above), in place.
normalise() {
	KDC_DIR=$1 KDC_VERSION=$version perl -pi -e '
		s/\Q$ENV{KDC_DIR}\E\/root/\@ROOT\@/g;
		s/\Q$ENV{KDC_DIR}\E/\@CASE\@/g;
		s/^kdumpcheck \Q$ENV{KDC_VERSION}\E:/kdumpcheck \@VERSION\@:/;
		s/^(    "version": )"\Q$ENV{KDC_VERSION}\E"/$1"\@VERSION\@"/;
		s/ has [0-9.]+[KMGTPE]? \([0-9]+ bytes\) free\b/ has \@FREE\@ free/g;
		s/"[0-9.]+[KMGTPE]? \([0-9]+ bytes\) free on /"\@FREE\@ free on /g;
	' "$2"
}

# judge CASE DIR: assemble the case in DIR/root, run the text and the JSON
# report, and write the normalised golden files into DIR/got. Fails (with a
# message) when the two runs disagree on the exit status or stderr.
judge() {
	local c=$1 dir=$2 conf=() tx jx
	sh "$ROOTS/assemble.sh" "$c" "$dir/root" || return 1
	if [ -f "$ROOTS/$c/kdumpcheck.conf" ]; then
		cp -- "$ROOTS/$c/kdumpcheck.conf" "$dir/kdumpcheck.conf"
		conf=(-c "$dir/kdumpcheck.conf")
	fi
	mkdir "$dir/got"
	tx=0 jx=0
	# shellcheck disable=SC2086 # the wrapper is a command line
	$KDC_WRAP "$KDC" --root "$dir/root" "${conf[@]}" --no-color check \
		>"$dir/got/expected.txt" 2>"$dir/text.err" || tx=$?
	# shellcheck disable=SC2086
	$KDC_WRAP "$KDC" --root "$dir/root" "${conf[@]}" --json check \
		>"$dir/got/expected.json" 2>"$dir/json.err" || jx=$?
	for f in expected.txt expected.json; do
		normalise "$dir" "$dir/got/$f"
	done
	normalise "$dir" "$dir/text.err"
	normalise "$dir" "$dir/json.err"
	if [ "$tx" != "$jx" ]; then
		echo "text report exits $tx, JSON report $jx"
		return 1
	fi
	if ! diff -u --label "stderr (text)" --label "stderr (json)" "$dir/text.err" "$dir/json.err"; then
		return 1
	fi
	{
		echo "exit $jx"
		sed 's/^/stderr /' "$dir/json.err"
		if [ -s "$dir/got/expected.json" ]; then
			jq -r '.checks[] | "\(.id) \(.status)"' "$dir/got/expected.json" ||
				echo "(the JSON report does not parse)"
		fi
	} >"$dir/got/expected"
}

echo "1..${#cases[@]}"
n=0 bad=0
for c in "${cases[@]}"; do
	n=$((n + 1))
	dir=$TMP/$c
	mkdir -p "$dir"
	if ! judge "$c" "$dir" >"$dir/why" 2>&1; then
		echo "not ok $n - $c"
		sed 's/^/# /' "$dir/why"
		bad=1
		continue
	fi
	if [ "$update" = 1 ]; then
		cp -- "$dir/got/expected" "$dir/got/expected.txt" "$dir/got/expected.json" "$ROOTS/$c/"
		echo "ok $n - $c # golden files written"
		continue
	fi
	diffs=0
	for f in expected expected.txt expected.json; do
		if [ ! -f "$ROOTS/$c/$f" ]; then
			echo "$ROOTS/$c/$f: missing (make golden)" >>"$dir/why"
			diffs=1
		elif ! diff -u --label "$c/$f (golden)" --label "$c/$f (kdumpcheck)" \
			"$ROOTS/$c/$f" "$dir/got/$f" >>"$dir/why"; then
			diffs=1
		fi
	done
	if [ "$diffs" = 0 ]; then
		echo "ok $n - $c"
	else
		echo "not ok $n - $c"
		sed 's/^/# /' "$dir/why"
		bad=1
	fi
done
exit "$bad"
