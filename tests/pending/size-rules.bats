#!/usr/bin/env bats
# structure.bats - the size rules of the sources (tests/lint-size.sh): no file
# in src/ over 800 lines, no top-level function over 80 lines.

TOP="$BATS_TEST_DIRNAME/../.."

@test "size rules: no source file over 800 lines, no function over 80 lines" {
	run sh "$TOP/tests/lint-size.sh"
	[ "$status" = 0 ] || {
		echo "over the size rules:"
		echo "$output"
		return 1
	}
}

@test "size rules: the checker finds a long file and a long function" {
	local d=$BATS_TEST_TMPDIR/src i
	mkdir -p "$d"
	{
		echo 'static int long_one(void)'
		echo '{'
		for i in $(seq 1 79); do echo "	(void)$i;"; done
		echo '}'
	} >"$d/long.c"
	for i in $(seq 1 801); do echo "/* $i */"; done >"$d/big.h"
	printf 'int short_one(int a)\n{\n\treturn a;\n}\n' >"$d/ok.c"
	run sh "$TOP/tests/lint-size.sh" "$d"
	[ "$status" = 1 ]
	[[ "$output" == *"long.c:2: function long_one is 81 lines (max 80)"* ]]
	[[ "$output" == *"big.h: 801 lines (max 800)"* ]]
	[[ "$output" != *ok.c* ]]
}
