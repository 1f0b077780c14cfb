/*
 * vmcore.h - reading a saved vmcore's headers without reading the dump:
 *   kdump-compressed   makedumpfile's diskdump format ("KDUMP   " signature,
 *                      disk_dump_header, kdump_sub_header v1-6+, VMCOREINFO blob)
 *   ELF64 / ELF32 core /proc/vmcore copies and makedumpfile -E output
 *                      (the "VMCOREINFO" PT_NOTE)
 *   flattened          makedumpfile -F output ("makedumpfile" signature,
 *                      then offset/size-tagged data blocks)
 * Readers decode field by field with explicit width and byte order and check
 * every offset and length against the file size.
 */
#ifndef KDC_VMCORE_H
#define KDC_VMCORE_H

#include <stddef.h>
#include <stdint.h>

enum vmcore_format {
	VMCORE_UNKNOWN = 0,	/* not a vmcore */
	VMCORE_KDUMP,		/* kdump-compressed */
	VMCORE_ELF64,
	VMCORE_ELF32,
	VMCORE_FLAT,		/* makedumpfile flattened format */
};

struct vmcore {
	enum vmcore_format format;
	uint64_t file_size;
	int complete;		/* 1, or 0 when the file is cut short / marked incomplete */
	char incomplete_why[256];	/* why complete is 0 */
	int dump_level;		/* -1 unknown (ELF copies of /proc/vmcore: 0) */
	const char *compression;	/* "zlib", "lzo", "snappy", "zstd", "none"; NULL unknown */
	uint32_t page_size;	/* the header's block size, else VMCOREINFO PAGESIZE; 0 unknown */
	/* from the diskdump header's utsname (kdump-compressed; "" otherwise), but
	   uts_machine also from e_machine for ELF cores */
	char uts_release[65];
	char uts_machine[65];
	char uts_nodename[65];
	int64_t header_time;	/* diskdump header timestamp (seconds), 0 unknown */
	int elf_class_bits;	/* 32 or 64 for ELF, 0 otherwise */
	int big_endian;		/* byte order of the dumped machine, when the format says */
	/* the VMCOREINFO text ("OSRELEASE=...\nPAGESIZE=4096\n..."), NUL-terminated; NULL if none */
	char *vmcoreinfo;
	size_t vmcoreinfo_len;
};

/*
 * Read the headers of the vmcore open on fd (positioned reads only; fd is
 * not consumed). Returns 0 (a vmcore, maybe incomplete: see complete),
 * -ENOEXEC for a file that is not a vmcore (err says what it looks like),
 * -errno for I/O errors. Reads at most a few MiB whatever the file size.
 */
int vmcore_read(int fd, struct vmcore *v, char *err, size_t errlen);
void vmcore_free(struct vmcore *v);

/* "kdump-compressed", "elf", "flattened" (SPEC §5 names), or "unknown". */
const char *vmcore_format_name(enum vmcore_format f);

/*
 * The value of KEY in the VMCOREINFO text ("OSRELEASE", "PAGESIZE",
 * "CRASHTIME", "BUILD-ID", "KERNELOFFSET", "SYMBOL(swapper_pg_dir)"...),
 * copied into out. 0, -ENOENT, -ENAMETOOLONG.
 */
int vmcoreinfo_get(const struct vmcore *v, const char *key, char *out, size_t outlen);

#endif
