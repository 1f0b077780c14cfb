#!/usr/bin/env bats
# footprint.bats - what kdumpcheck adds to a capture initramfs: the binary,
# stripped as dracut installs it, and every library its capture-kernel paths
# load (collect, and the kdump_post hook's "tag --no-hash") that makedumpfile
# does not load already. The goal is at most 1 MiB. The libraries are the ones
# the dynamic loader reports initialising while each path runs (LD_DEBUG=libs:
# linked and dlopen()ed alike), not a fixed list. tests/run-suite.sh runs this
# file for the release build (a sanitizer build loads its runtime too).

bats_require_minimum_version 1.5.0
load helpers

DATA="$BATS_TEST_DIRNAME/../unit/data"
IMG="$DATA/vmcore/elf64-x86_64.vmcore"
GOAL=$((1 << 20))

setup() {
	command -v makedumpfile >/dev/null || skip "no makedumpfile"
	command -v strip >/dev/null || skip "no strip"
	mkdir -p "$BATS_TEST_TMPDIR/bare/etc" "$BATS_TEST_TMPDIR/ld"
}

# loaded PROGRAM LOGPREFIX: the shared objects the loader initialised in the
# processes that ran PROGRAM (logs LOGPREFIX.PID), one real path a line, the
# loader itself left out.
loaded() {
	local f
	for f in "$2".*; do
		grep -q "initialize program: .*/$1\$" "$f" || continue
		sed -n 's/.*calling init: //p' "$f"
	done | grep -v '/ld-linux' | xargs -r readlink -f | LC_ALL=C sort -u
}

# The paths: collect on an ELF /proc/vmcore image, then the hook's tag --no-hash of that dump.
run_paths() {
	local t=$BATS_TEST_TMPDIR/crash d
	LD_DEBUG=libs LD_DEBUG_OUTPUT="$BATS_TEST_TMPDIR/ld/collect" \
		"$KDC" --root "$BATS_TEST_TMPDIR/bare" collect --vmcore "$IMG" --target "$t" >/dev/null
	d=$(ls -d "$t"/*/)
	rm -f "$d/vmcore.json"
	LD_DEBUG=libs LD_DEBUG_OUTPUT="$BATS_TEST_TMPDIR/ld/tag" "$KDC" tag --no-hash "$d" >/dev/null
}

@test "capture footprint: the stripped binary and the libraries collect and the hook load beyond makedumpfile's, at most 1 MiB" {
	local kdc mkd added lib size total
	run_paths
	kdc=$( (loaded kdumpcheck "$BATS_TEST_TMPDIR/ld/collect"; loaded kdumpcheck "$BATS_TEST_TMPDIR/ld/tag") | LC_ALL=C sort -u)
	mkd=$(loaded makedumpfile "$BATS_TEST_TMPDIR/ld/collect")
	[ -n "$kdc" ] && [ -n "$mkd" ]
	grep -q '/libc\.so' <<<"$kdc"
	# what makedumpfile does not bring
	added=$(LC_ALL=C comm -23 <(printf '%s\n' "$kdc") <(printf '%s\n' "$mkd"))
	strip -o "$BATS_TEST_TMPDIR/kdumpcheck" "$KDC"
	total=$(stat -c %s "$BATS_TEST_TMPDIR/kdumpcheck")
	echo "kdumpcheck (stripped) $total"
	for lib in $added; do
		size=$(stat -c %s "$lib")
		echo "$lib $size"
		total=$((total + size))
	done
	echo "total $total bytes; goal $GOAL"
	[ "$total" -le "$GOAL" ]
}

@test "capture footprint: collect and the hook never load libcrypto, libkmod or libblkid" {
	run_paths
	run loaded kdumpcheck "$BATS_TEST_TMPDIR/ld/collect"
	[[ "$output" == *libc.so* ]]
	[[ "$output" != *libcrypto* && "$output" != *libkmod* && "$output" != *libblkid* ]] || { echo "$output"; return 1; }
	run loaded kdumpcheck "$BATS_TEST_TMPDIR/ld/tag"
	[[ "$output" == *libc.so* ]]
	[[ "$output" != *libcrypto* && "$output" != *libkmod* && "$output" != *libblkid* ]] || { echo "$output"; return 1; }
	# and tag with the hash does load libcrypto: the log shows a dlopen() when it happens
	LD_DEBUG=libs LD_DEBUG_OUTPUT="$BATS_TEST_TMPDIR/ld/hash" "$KDC" tag "$(ls -d "$BATS_TEST_TMPDIR"/crash/*/)" >/dev/null
	run loaded kdumpcheck "$BATS_TEST_TMPDIR/ld/hash"
	[[ "$output" == *libcrypto* ]]
}
