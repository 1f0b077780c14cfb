/*
 * crashkernel.h - the crashkernel= kernel parameter in all its forms
 * (Documentation/admin-guide/kdump/kdump.rst, kernel/crash_core.c):
 *
 *   crashkernel=256M            crashkernel=256M@16M
 *   crashkernel=512M-2G:64M,2G-:128M[@16M]
 *   crashkernel=256M,high       crashkernel=128M,low
 *   crashkernel=auto            (RHEL 6/7: the kernel picks from its table)
 *
 * Several crashkernel= on one line: the last wins, as in the kernel
 * (a ",low" one is kept apart: it only adds a low reservation).
 */
#ifndef KDC_PARSE_CRASHKERNEL_H
#define KDC_PARSE_CRASHKERNEL_H

#include <stdint.h>

enum ck_kind {
	CK_NONE = 0,	/* no crashkernel= */
	CK_SIZE,	/* SIZE[@OFFSET] */
	CK_RANGES,	/* RANGE:SIZE,...[@OFFSET] */
	CK_AUTO,	/* auto */
};

#define CK_MAX_RANGES 16

struct ck_range {
	uint64_t start;
	uint64_t end;		/* exclusive; UINT64_MAX for an open range "2G-" */
	uint64_t size;
};

struct crashkernel {
	enum ck_kind kind;
	uint64_t size;		/* CK_SIZE */
	uint64_t offset;
	int has_offset;
	struct ck_range ranges[CK_MAX_RANGES];	/* CK_RANGES */
	int nranges;
	int high;		/* ",high" */
	uint64_t low_size;	/* from a crashkernel=X,low; 0 if none */
	char text[256];		/* the winning value as written, e.g. "512M-2G:64M,2G-:128M" */
};

/*
 * Parse one value (what follows "crashkernel="). Returns 0, or -EINVAL with
 * *errpos (if errpos) at the first offending character, or -ERANGE when a
 * number overflows. A ",low" value sets kind CK_SIZE and low_size.
 */
int ck_parse_value(const char *val, struct crashkernel *ck, const char **errpos);

/*
 * Find crashkernel= in a kernel command line (/proc/cmdline, a grub "kernel"
 * or "linux" line's arguments, GRUB_CMDLINE_LINUX). Handles double quotes
 * as the kernel does. Returns 1 when found and valid, 0 when absent (ck->kind
 * is CK_NONE), -EINVAL/-ERANGE when present but unparseable: ck->text then
 * holds the offending value for the message.
 */
int ck_from_cmdline(const char *cmdline, struct crashkernel *ck, const char **errpos);

/*
 * How much this setting reserves on a machine with mem bytes of RAM (for
 * ranges: the size of the range holding mem; 0 when none does). For
 * CK_AUTO the RHEL table applies (see ck_auto_size()).
 */
uint64_t ck_size_for(const struct crashkernel *ck, uint64_t mem);

/*
 * What crashkernel=auto reserves on RHEL/CentOS 6 and 7 x86_64: nothing
 * below 2 GiB of RAM, else a base plus 64 MiB per TiB of RAM, rounded up to
 * whole MiB; the base is 128 MiB on el6 and 160 MiB on el7 (and any other el).
 */
uint64_t ck_auto_size(uint64_t mem, int el);

#endif
