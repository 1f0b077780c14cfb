#!/usr/bin/env bats
# size-rules.bats - the size rules of the sources: no file in src/ over 800
# lines, no top-level function over 80 lines (tests/lint-size.sh prints the
# offenders).

TOP="$BATS_TEST_DIRNAME/../.."

@test "size rules: no source file over 800 lines, no function over 80 lines" {
	run sh "$TOP/tests/lint-size.sh"
	[ "$status" = 0 ] || {
		echo "over the size rules:"
		echo "$output"
		return 1
	}
}
