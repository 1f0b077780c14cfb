/* procfs.h - /proc/iomem, /proc/meminfo, /proc/loadavg. Pure parsers on buffers. */
#ifndef KDC_PARSE_PROCFS_H
#define KDC_PARSE_PROCFS_H

#include <stddef.h>
#include <stdint.h>

/*
 * Sum the "Crash kernel" ranges of /proc/iomem (any indentation level;
 * "00000000-00000000" when read without CAP_SYS_ADMIN). Returns the number
 * of ranges found (0 none), or -EINVAL for a malformed line (*errline set,
 * 1-based). *hidden is set to 1 when addresses are zeroed out.
 */
int iomem_crash_kernel(const char *text, size_t len, uint64_t *total, int *hidden, unsigned *errline);

struct meminfo {
	uint64_t mem_total;	/* bytes */
	uint64_t mem_free;
	uint64_t mem_available;
	int have_total;
	int have_available;
};

/* Returns 0, or -EINVAL (errline set) for a line that does not parse, -ENOENT when MemTotal is missing. */
int meminfo_parse(const char *text, size_t len, struct meminfo *mi, unsigned *errline);

/*
 * /proc/loadavg: "0.00 0.01 0.05 1/123 4567". *running and *total from the
 * fourth field; returns 0 or -EINVAL.
 */
int loadavg_parse(const char *text, size_t len, uint64_t *running, uint64_t *total);

#endif
