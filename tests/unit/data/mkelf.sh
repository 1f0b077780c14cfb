#!/bin/bash
# mkelf.sh - regenerate the small binary fixtures of the elfnote, mkdver and
# modules unit tests. The outputs are committed; run this only to change them.
# Needs gcc, objcopy, xz and depmod (kmod). Run from anywhere.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
elf=$here/elf
rel=3.10.0-1160.el7.x86_64
root=$here/modules/root
mods=$root/lib/modules/$rel
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Write hex digits (blanks ignored) as bytes to a file.
hexfile() {
	printf '%s' "$2" | tr -d ' \n' | xxd -r -p >"$1"
}

mkdir -p "$elf"

# /sys/kernel/notes of a running x86_64 kernel (6.1 series), byte for byte:
# the GNU build-id, two "Linux" notes and two "Xen" notes.
hexfile "$elf/notes-x86_64.bin" '
04000000 14000000 03000000 474e5500
e4f18d9d c1d0e6fc 2b17e93e 885a647b 3c0a6fc1
06000000 04000000 01010000 4c696e75 78000000 00000000
06000000 1e000000 00010000 4c696e75 78000000
362e312e 3130322d 312e3138 322e616d 7a6e3230 32332e78 38365f36 34000000
04000000 0c000000 13000000 58656e00 00000001 00000001 ffffff3f
04000000 08000000 12000000 58656e00 00fe7803 00000000'

# The same layout as a big-endian kernel (s390x, ppc64) writes it.
hexfile "$elf/notes-be.bin" '
00000004 00000014 00000003 474e5500
5e1f0c2a 9b3d7e41 8c6a2f10 d4b7e9a3 0172c6f5
00000006 00000004 00000101 4c696e75 78000000 00000000'

# A tiny static program with a chosen build-id, one without, and copies cut short.
cat >"$tmp/start.c" <<'EOF'
void _start(void);
void _start(void)
{
	for (;;)
		;
}
EOF
gcc -O1 -static -nostdlib -Wl,--build-id=0x3a8f5b2c71d09e4f6a1b8c7d2e3f40516273849a \
	-o "$elf/buildid.elf" "$tmp/start.c"
gcc -O1 -static -nostdlib -Wl,--build-id=none -o "$elf/nobuildid.elf" "$tmp/start.c"
gcc -O1 -static -nostdlib -Wl,--build-id=0xdeadbeef -o "$elf/buildid-short.elf" "$tmp/start.c"
# A minimal big-endian ELF64 (s390x) with the build-id note both as a section
# and as a PT_NOTE segment: libelf must convert the note header.
python3 - "$elf/buildid-be.elf" <<'EOF'
import struct, sys
bid = bytes.fromhex('5e1f0c2a9b3d7e418c6a2f10d4b7e9a30172c6f5')
note = struct.pack('>III', 4, len(bid), 3) + b'GNU\0' + bid
shstr = b'\0.note.gnu.build-id\0.shstrtab\0'
eh, ph, sh = 64, 56, 64
note_off = eh + ph
shstr_off = note_off + len(note)
shoff = (shstr_off + len(shstr) + 7) & ~7
ident = b'\x7fELF' + bytes([2, 2, 1, 0]) + bytes(8)
hdr = ident + struct.pack('>HHIQQQIHHHHHH', 2, 22, 1, 0x1000, eh, shoff, 0,
                          eh, ph, 1, sh, 3, 2)
phdr = struct.pack('>IIQQQQQQ', 4, 4, note_off, 0, 0, len(note), len(note), 4)
def shdr(name, typ, off, size, align):
    return struct.pack('>IIQQQQIIQQ', name, typ, 0, 0, off, size, 0, 0, align, 0)
out = hdr + phdr + note + shstr
out += bytes(shoff - len(out))
out += shdr(0, 0, 0, 0, 0)
out += shdr(1, 7, note_off, len(note), 4)
out += shdr(20, 3, shstr_off, len(shstr), 1)
open(sys.argv[1], 'wb').write(out)
EOF
# Section headers removed: only the PT_NOTE segment is left to find it.
python3 - "$elf/buildid.elf" "$elf/buildid-nosections.elf" <<'EOF'
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read())
struct.pack_into('<Q', b, 0x28, 0)   # e_shoff
struct.pack_into('<H', b, 0x3c, 0)   # e_shnum
struct.pack_into('<H', b, 0x3e, 0)   # e_shstrndx
open(sys.argv[2], 'wb').write(b)
EOF
head -c 64 "$elf/buildid.elf" >"$elf/truncated-header.elf"
head -c 500 "$elf/buildid.elf" >"$elf/truncated-notes.elf"
printf 'this is not an ELF file\n' >"$elf/garbage.bin"

# An object holding a makedumpfile version banner, as the binary carries it.
cat >"$tmp/mkd.c" <<'EOF'
const char mkd_banner[] = "makedumpfile: version 1.6.2 (released on 27 Jul 2017)\n";
const char mkd_other[] = "makedumpfile: version \n";
EOF
gcc -O0 -c -o "$elf/mkd-1.6.2.o" "$tmp/mkd.c"

# Fake kernel modules: an object with a .modinfo section of key=value strings.
# mkko FILE NAME LICENSE INTREE(Y or empty)
mkko() {
	{
		echo "static const char modinfo[] __attribute__((section(\".modinfo\"), used, aligned(1))) ="
		echo "	\"license=$3\\0\""
		[ -n "$4" ] && echo "	\"intree=$4\\0\""
		[ -n "${5:-}" ] && echo "	\"rhelversion=$5\\0\""
		echo "	\"name=$2\\0\""
		echo "	\"vermagic=$rel SMP mod_unload modversions \\0\";"
	} >"$tmp/$2.c"
	mkdir -p "$(dirname "$1")"
	gcc -O0 -c -o "$1" "$tmp/$2.c"
}

rm -rf "$root"
mkko "$mods/kernel/fs/ext4/ext4.ko" ext4 GPL Y 7.9
mkko "$mods/kernel/fs/jbd2/jbd2.ko" jbd2 GPL Y 7.9
mkko "$mods/kernel/fs/mbcache.ko" mbcache GPL Y 7.9
mkko "$mods/kernel/drivers/md/dm-mod.ko" dm_mod GPL Y 7.9
mkko "$mods/extra/nvidia.ko" nvidia NVIDIA ""
mkko "$mods/extra/zfs/zfs.ko" zfs CDDL ""
mkko "$mods/extra/vboxdrv.ko" vboxdrv "GPL" ""
xz -9 "$mods/extra/vboxdrv.ko"
mkdir -p "$mods/extra"
printf 'not a module\n' >"$mods/extra/broken.ko"
touch "$mods/modules.order" "$mods/modules.builtin" "$mods/modules.builtin.modinfo"
# broken.ko makes depmod complain; it still lists it, as on a real host.
depmod -b "$root" "$rel" 2>/dev/null
# A module the index knows whose file has since been removed.
rm -f "$mods/extra/zfs/zfs.ko"

# A CentOS 6 tree: 2.6.32 modules carry no "intree" tag at all.
rel=2.6.32-754.35.1.el6.x86_64
mods=$root/lib/modules/$rel
mkko "$mods/kernel/fs/ext4/ext4.ko" ext4 GPL ""
mkko "$mods/weak-updates/vmware/vmxnet3.ko" vmxnet3 "GPL v2" ""
touch "$mods/modules.order" "$mods/modules.builtin" "$mods/modules.builtin.modinfo"
depmod -b "$root" "$rel"
