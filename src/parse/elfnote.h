/*
 * elfnote.h - GNU build-ids: from /sys/kernel/notes (a bare sequence of ELF
 * notes as the kernel lays them out) and from a vmlinux ELF file (libelf).
 */
#ifndef KDC_PARSE_ELFNOTE_H
#define KDC_PARSE_ELFNOTE_H

#include <stddef.h>

/* Longest build-id we accept, in bytes (SHA-1 is 20; some use up to 64). */
#define BUILDID_MAX 64

/*
 * Find the NT_GNU_BUILD_ID note ("GNU\0", type 3) in a buffer of notes (4-byte
 * aligned Elf_Nhdr + name + desc, either byte order). Writes lowercase hex.
 * Returns 0, -ENOENT (no such note), -EINVAL (notes run past the buffer).
 */
int buildid_from_notes(const unsigned char *buf, size_t len, char *hex, size_t hexlen);

/* The build-id of an ELF file open on fd (through libelf). 0, -ENOENT, -EINVAL (not ELF). */
int buildid_from_elf_fd(int fd, char *hex, size_t hexlen);

#endif
