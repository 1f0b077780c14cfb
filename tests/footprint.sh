#!/bin/bash
# footprint.sh KDUMPCHECK - what kdumpcheck adds to a capture initramfs: the
# binary, stripped as dracut installs it, and every library its capture-kernel
# paths load (collect on an ELF /proc/vmcore image, then the kdump_post hook's
# "tag --no-hash" of that dump) that makedumpfile does not load already. The
# libraries are those the dynamic loader reports initialising while each path
# runs (LD_DEBUG=libs: linked and dlopen()ed alike), not a fixed list.
# Prints "PATH BYTES" per part, then "total BYTES"; with -l, the libraries
# each path loaded ("collect LIB", "hook LIB", "makedumpfile LIB") instead.
# Used by tests/bats/footprint.bats and tests/bench.sh.
set -eu -o pipefail

list=0
if [ "${1:-}" = -l ]; then
	list=1
	shift
fi
KDC=${1:?usage: footprint.sh [-l] KDUMPCHECK}
cd "$(dirname "$0")/.."
IMG=tests/unit/data/vmcore/elf64-x86_64.vmcore
command -v makedumpfile >/dev/null || { echo "footprint.sh: no makedumpfile" >&2; exit 2; }
command -v strip >/dev/null || { echo "footprint.sh: no strip" >&2; exit 2; }
W=$(mktemp -d "${TMPDIR:-/tmp}/kdc-footprint.XXXXXX")
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/bare/etc" "$W/ld"

# loaded PROGRAM LOGPREFIX: the shared objects the loader initialised in the
# processes that ran PROGRAM (logs LOGPREFIX.PID), one real path a line, the
# loader itself left out.
loaded() {
	local f
	for f in "$2".*; do
		grep -q "initialize program: .*/$1\$" "$f" || continue
		sed -n 's/.*calling init: //p' "$f"
	done | { grep -v '/ld-linux' || true; } | xargs -r readlink -f | LC_ALL=C sort -u
}

LD_DEBUG=libs LD_DEBUG_OUTPUT="$W/ld/collect" \
	"$KDC" --root "$W/bare" collect --vmcore "$IMG" --target "$W/crash" >/dev/null
d=$(ls -d "$W"/crash/*/)
rm -f "$d/vmcore.json"
LD_DEBUG=libs LD_DEBUG_OUTPUT="$W/ld/hook" "$KDC" tag --no-hash "$d" >/dev/null

loaded kdumpcheck "$W/ld/collect" >"$W/collect"
loaded kdumpcheck "$W/ld/hook" >"$W/hook"
loaded makedumpfile "$W/ld/collect" >"$W/makedumpfile"
for f in collect hook makedumpfile; do
	grep -q '/libc\.so' "$W/$f" || { echo "footprint.sh: no libc in what $f loaded: LD_DEBUG gave nothing" >&2; exit 2; }
done
if [ "$list" = 1 ]; then
	for f in collect hook makedumpfile; do
		sed "s|^|$f |" "$W/$f"
	done
	exit 0
fi
strip -o "$W/kdumpcheck" "$KDC"
total=$(stat -c %s "$W/kdumpcheck")
echo "kdumpcheck(stripped) $total"
for lib in $(LC_ALL=C sort -u "$W/collect" "$W/hook" | LC_ALL=C comm -23 - "$W/makedumpfile"); do
	size=$(stat -c %s "$lib")
	echo "$lib $size"
	total=$((total + size))
done
echo "total $total"
