#!/usr/bin/env bats
# footprint.bats - what kdumpcheck adds to a capture initramfs
# (tests/footprint.sh: the stripped binary and the libraries collect and the
# kdump_post hook load beyond makedumpfile's, as the loader reports them) is
# at most 1 MiB, and neither path loads libcrypto, libkmod or libblkid.
# tests/run-suite.sh runs this file for the release build (a sanitizer build
# loads its runtime too).

bats_require_minimum_version 1.5.0
load helpers

FOOTPRINT="$BATS_TEST_DIRNAME/../footprint.sh"

setup() {
	command -v makedumpfile >/dev/null || skip "no makedumpfile"
	command -v strip >/dev/null || skip "no strip"
	# tests/run-suite.sh runs this file for the release build only; run by hand on another:
	if ldd "$KDC" | grep -qE 'lib(asan|ubsan|tsan)'; then
		skip "a sanitizer build: its runtime is not what ships"
	fi
}

@test "capture footprint: the stripped binary and the libraries collect and the hook load beyond makedumpfile's, at most 1 MiB" {
	run -0 bash "$FOOTPRINT" "$KDC"
	echo "$output"
	[[ "${lines[0]}" == "kdumpcheck(stripped) "* ]]
	[[ "${lines[-1]}" == "total "* ]]
	[ "${lines[-1]#total }" -le $((1 << 20)) ]
	# the parts add up to the total
	[ "$(printf '%s\n' "${lines[@]}" | sed '$d' | awk '{ s += $2 } END { print s }')" = "${lines[-1]#total }" ]
}

@test "capture footprint: collect and the hook never load libcrypto, libkmod or libblkid; tag with the hash does" {
	local d=$BATS_TEST_TMPDIR/crash/10.0.0.5-2024-05-31-16:08:40
	run -0 bash "$FOOTPRINT" -l "$KDC"
	echo "$output"
	grep -q '^collect .*/libc\.so' <<<"$output"
	grep -q '^hook .*/libc\.so' <<<"$output"
	run ! grep -E '^(collect|hook) .*/lib(crypto|kmod|blkid)' <<<"$output"
	# the loader's log does show a dlopen() when one happens
	mkdir -p "$d" "$BATS_TEST_TMPDIR/ld"
	cp "$BATS_TEST_DIRNAME/../unit/data/vmcore/kdump-zlib.vmcore" "$d/vmcore"
	LD_DEBUG=libs LD_DEBUG_OUTPUT="$BATS_TEST_TMPDIR/ld/tag" "$KDC" tag "$d" >/dev/null
	grep -h 'calling init: .*/libcrypto' "$BATS_TEST_TMPDIR"/ld/tag.*
}
