#!/bin/bash
# regenerate.sh - remake the real test dumps of tests/vmcores with the VM
# harness: three crashes (sysrq, hung task, oops) of Debian's kernel in a
# 384 MiB QEMU guest, captured with makedumpfile -d 31. Keeps one whole dump
# (xz) and the first MiB of the others (xz), the kernel logs, and an .info per
# dump with the full size and sha256. Needs root on Debian 12 (like make check-vm).
# The whole dumps stay in build/vm/vmcores/ (not committed).
#   tests/vmcores/regenerate.sh
set -eu
export LC_ALL=C
cd "$(dirname "$0")/../.."
OUT=tests/vmcores
RAW=${KDC_VM_WORK:-build/vm}/vmcores
MEM=${KDC_VMCORES_MEM:-384M}
CK=${KDC_VMCORES_CRASHKERNEL:-128M}
HEAD_BYTES=1048576

[ -x ./kdumpcheck ] || make --no-print-directory all
rm -rf "$RAW"
bash tests/vm/run.sh --vmcores "$RAW" --mem "$MEM" --crashkernel "$CK"

# info FILE NAME: the full dump's size and sha256, appended to its .info.
info() {
	echo "full_size_bytes=$(stat -c %s "$1")"
	echo "full_sha256=$(sha256sum "$1" | cut -d' ' -f1)"
}

rm -f "$OUT"/*.xz "$OUT"/*.info "$OUT"/*.dmesg.txt
# The one whole dump: kdump-compressed (lzo), the format most tests read.
xz -T0 -9 -c "$RAW/sysrq.kdump" >"$OUT/sysrq.kdump.xz"
{ cat "$RAW/sysrq.info"; info "$RAW/sysrq.kdump"; echo "format=kdump-compressed lzo, whole"; } >"$OUT/sysrq.kdump.info"
# The others, as their first MiB: every header, VMCOREINFO, the notes, the bitmaps
# and the page descriptors are in it; the file is an incomplete dump by design.
for f in hungtask.kdump:"kdump-compressed zlib" oops.kdump:"kdump-compressed lzo" \
	sysrq.elf:"ELF (makedumpfile -E -d 31)" sysrq.flat:"flattened (makedumpfile -F -l -d 31 > file)"; do
	name=${f%%:*}
	scenario=${name%%.*}
	head -c "$HEAD_BYTES" "$RAW/$name" | xz -T0 -9 -c >"$OUT/$name.head.xz"
	{ cat "$RAW/$scenario.info"; info "$RAW/$name"; echo "format=${f#*:}, first $HEAD_BYTES bytes"; } >"$OUT/$name.head.info"
done
for s in sysrq hungtask oops; do
	cp "$RAW/$s.dmesg.txt" "$OUT/$s.dmesg.txt"
done
ls -l "$OUT"
du -sh "$OUT"
