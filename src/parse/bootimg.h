/*
 * bootimg.h - what a kernel image and an initramfs cost in memory, read
 * from their headers without unpacking them.
 *
 * A bzImage's setup header carries init_size: the linear memory the kernel
 * needs from its load address to boot (decompressor, kernel, bss). An
 * initramfs is one or more segments: uncompressed newc cpio archives (the
 * early microcode one), then usually one compressed archive running to the
 * end of the file. The unpacked size of a compressed segment is read from
 * the format's own records where it keeps one: gzip's ISIZE trailer, xz's
 * index, zstd's frame content size (without it, what libzstd unpacks the
 * frames to), the lzma header's size where set.
 */
#ifndef KDC_PARSE_BOOTIMG_H
#define KDC_PARSE_BOOTIMG_H

#include <stdint.h>
#include <sys/types.h>

/* The bzImage setup header's init_size; 0, -EINVAL (not a bzImage), -ENOTSUP (boot protocol < 2.10), -errno. */
int bzimage_init_size(int fd, uint64_t *init_size);

enum initrd_how {
	INITRD_EXACT = 0,	/* every segment's size read from its records, or counted */
	INITRD_GUESS,		/* a compression that keeps no size (or no libzstd): ratio assumed */
};

struct initrd_size {
	uint64_t file;		/* bytes of the file */
	uint64_t unpacked;	/* bytes of every segment unpacked */
	int segments;
	enum initrd_how how;
	char comp[16];		/* the last segment's format: "cpio", "gzip", "xz", "zstd", ... */
};

/* The ratio INITRD_GUESS assumes. */
#define INITRD_GUESS_RATIO 4

/*
 * Size up the initramfs open on fd (size bytes). 0, -EINVAL when the
 * file is not an initramfs (no cpio or known compression at the start or
 * after a cpio segment), -errno on a read error.
 */
int initrd_size(int fd, uint64_t size, struct initrd_size *out);

#endif
