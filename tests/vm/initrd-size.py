#!/usr/bin/env python3
"""initrd-size.py FILE...: the unpacked size of an initramfs.

Prints "<file bytes> <unpacked bytes> <segments>" per FILE: the unpacked size
is the sum of c_filesize over every newc/crc cpio member, across every
segment the kernel would unpack (uncompressed archives such as early
microcode first, then a gzip, zstd, xz, lzma, lz4 or bzip2 compressed one,
possibly several concatenated). Decompression uses the command-line tools.
"""
import subprocess
import sys

MAGICS = [
    (b"\x1f\x8b", ["gzip", "-dc"]),
    (b"\x28\xb5\x2f\xfd", ["zstd", "-dcq"]),
    (b"\xfd7zXZ\x00", ["xz", "-dc"]),
    (b"\x5d\x00\x00", ["xz", "-dc", "--format=lzma"]),
    (b"\x02\x21\x4c\x18", ["lz4", "-dc"]),
    (b"BZh", ["bzip2", "-dc"]),
]


def cpio_walk(data, off):
    """Sum file sizes of the cpio archive at data[off:]; return (sum, end offset)."""
    total = 0
    while off + 110 <= len(data):
        magic = data[off:off + 6]
        if magic not in (b"070701", b"070702"):
            raise ValueError("bad cpio magic at %d" % off)
        fsize = int(data[off + 54:off + 62], 16)
        nsize = int(data[off + 94:off + 102], 16)
        name = data[off + 110:off + 110 + nsize - 1]
        off = (off + 110 + nsize + 3) & ~3
        if name == b"TRAILER!!!":
            return total, off
        total += fsize
        off = (off + fsize + 3) & ~3
    raise ValueError("cpio archive without trailer")


def unpacked(data):
    total, off, segs = 0, 0, 0
    while off < len(data):
        if data[off] == 0:
            off += 1
            continue
        if data[off:off + 6] in (b"070701", b"070702"):
            n, off = cpio_walk(data, off)
            total += n
            segs += 1
            continue
        for magic, cmd in MAGICS:
            if data[off:off + len(magic)] == magic:
                # The decompressor reads the rest of the file; what follows a
                # compressed stream is, for the kernel, more compressed data.
                out = subprocess.run(cmd, input=data[off:], stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL).stdout
                n, s = unpacked(out)
                return total + n, segs + s
        raise ValueError("unknown data at offset %d" % off)
    return total, segs


def main():
    for f in sys.argv[1:]:
        with open(f, "rb") as fh:
            data = fh.read()
        n, s = unpacked(data)
        print(len(data), n, s)


if __name__ == "__main__":
    main()
