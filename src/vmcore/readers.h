/* readers.h - private interface between vmcore.c and the format readers (kdump.c, elf.c, flat.c). */
#ifndef KDC_VMCORE_READERS_H
#define KDC_VMCORE_READERS_H

#include <stddef.h>
#include <stdint.h>

#include "vmcore/vmcore.h"

/* Largest VMCOREINFO blob we accept (real ones are 2-8 KiB). */
#define VMCOREINFO_MAX (1024 * 1024)

struct flatmap;

/*
 * Where a reader's bytes come from: the file itself, or the inner file of a
 * flattened stream (map != NULL). size is the byte count of that file;
 * size_known is 0 when a flattened stream was not scanned to its end.
 */
struct vmc_src {
	int fd;
	uint64_t size;
	int size_known;
	const struct flatmap *map;
};

/* Read exactly len bytes at off: 0, -ENODATA (not all there), -errno. */
int vmc_src_read(const struct vmc_src *s, uint64_t off, void *buf, size_t len);

/* pread exactly len bytes at off: 0, -ENODATA at end of file, -errno. */
int vmc_pread(int fd, uint64_t off, unsigned char *buf, size_t len);

/* Read len bytes of a flattened stream's inner file at off (flat.c). */
int vmc_flatmap_read(const struct flatmap *m, int fd, uint64_t off, unsigned char *buf, size_t len);

/* Fixed-width loads in a given byte order (big != 0: big endian). */
uint16_t vmc_ld16(const unsigned char *p, int big);
uint32_t vmc_ld32(const unsigned char *p, int big);
uint64_t vmc_ld64(const unsigned char *p, int big);

/* Mark v incomplete with a reason (the first reason given wins). */
void vmcore_set_incomplete(struct vmcore *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Copy a VMCOREINFO blob into v (trailing NULs dropped). 0 or -ENOMEM. */
int vmcore_set_vmcoreinfo(struct vmcore *v, const unsigned char *buf, size_t len);

/* Fill page_size from VMCOREINFO PAGESIZE when the format gave none. */
void vmcore_page_size_from_info(struct vmcore *v);

/* Readers: 0 (a vmcore; v filled), -ENOEXEC (err says why), -errno. */
int vmc_kdump_decode(const struct vmc_src *s, struct vmcore *v, char *err, size_t errlen);
int vmc_elf_decode(const struct vmc_src *s, struct vmcore *v, char *err, size_t errlen);
int vmc_flat_decode(const struct vmc_src *s, struct vmcore *v, char *err, size_t errlen);

/* Signatures, for detection (also of a flattened stream's inner file). */
#define KDUMP_SIG "KDUMP   "
#define DISKDUMP_SIG "DISKDUMP"
#define FLAT_SIG "makedumpfile"

#endif
