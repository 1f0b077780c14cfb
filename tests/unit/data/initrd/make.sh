#!/bin/sh
# make.sh - remake the initramfs fixtures of test-bootimg: one small tree as
# a newc cpio, an "early" uncompressed segment before it, and the main
# segment in each compression the kernel unpacks. The unit test knows only
# the plain cpio's size (printed), not how these were made.
set -eu
cd "$(dirname "$0")"
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
mkdir -p "$t/main/etc" "$t/main/bin" "$t/early/kernel/x86/microcode"
seq 1 60000 | sed 's/^/line /' >"$t/main/etc/numbers"	# > 128 KiB: several zstd blocks
printf '#!/bin/sh\necho capture\n' >"$t/main/init"
printf 'microcode\n' >"$t/early/kernel/x86/microcode/GenuineIntel.bin"
(cd "$t/main" && find . | LC_ALL=C sort | cpio -o -H newc --reproducible --quiet) >"$t/main.cpio"
(cd "$t/early" && find . | LC_ALL=C sort | cpio -o -H newc --reproducible --quiet) >"$t/early.cpio"
gzip -n -9 -c "$t/main.cpio" >"$t/main.gz"
xz -c --check=crc32 "$t/main.cpio" >"$t/main.xz"
zstd -q -19 -c <"$t/main.cpio" >"$t/main.zst"		# from a pipe: no content size
zstd -q -19 -c "$t/main.cpio" >"$t/main.sized.zst"		# from a file: content size set
cat "$t/early.cpio" "$t/main.gz" >early-gzip.img
cat "$t/early.cpio" "$t/main.xz" >early-xz.img
cat "$t/early.cpio" "$t/main.zst" >early-zstd.img
cp "$t/main.sized.zst" zstd-sized.img
cp "$t/main.xz" xz.img
cat "$t/main.xz" "$t/main.xz" >xz-two-streams.img
cp "$t/early.cpio" early.cpio
wc -c <"$t/main.cpio"	# MAIN_CPIO in test-bootimg.c
