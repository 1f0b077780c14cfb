#!/usr/bin/env bats
# structure.bats - the checker of the size rules (tests/lint-size.sh) finds
# what it must; size-rules.bats holds src/ to them.

TOP="$BATS_TEST_DIRNAME/../.."

@test "lint-size.sh: finds a file over 800 lines and a function over 80, and nothing else" {
	local d=$BATS_TEST_TMPDIR/src i
	mkdir -p "$d/sub"
	{
		echo 'static int long_one(void)'
		echo '{'
		for i in $(seq 1 79); do echo "	(void)$i;"; done
		echo '}'
	} >"$d/long.c"
	for i in $(seq 1 801); do echo "/* $i */"; done >"$d/sub/big.h"
	{
		printf 'int short_one(int a)\n{\n'
		for i in $(seq 1 77); do echo "	a += $i;"; done
		printf '\treturn a;\n}\n'
	} >"$d/ok.c"
	run sh "$TOP/tests/lint-size.sh" "$d"
	[ "$status" = 1 ]
	[ "${#lines[@]}" = 2 ] || { echo "$output"; return 1; }
	[ "${lines[0]}" = "$d/long.c:2: function long_one is 81 lines (max 80)" ]
	[ "${lines[1]}" = "$d/sub/big.h: 801 lines (max 800)" ]
	rm "$d/long.c" "$d/sub/big.h"
	run sh "$TOP/tests/lint-size.sh" "$d"
	[ "$status" = 0 ] && [ -z "$output" ]
}
