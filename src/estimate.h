/*
 * estimate.h - how much crashkernel= memory and dump space a host needs.
 *
 * The formula (docs/design.md explains the figures):
 *   RAM        = MemTotal + the current crash reservation (MemTotal excludes it)
 *   crashkernel: RAM < 2 GiB: 128M; 2 GiB to 64 GiB: 256M; 64 GiB and more: 512M
 *                (the RHEL x86_64 table 2G-64G:256M,64G-:512M, with a floor for small VMs)
 *   dump size  : 10 % of RAM when the dump level drops user and free pages (-d 31),
 *                else all of RAM
 *   safe space : 50 % of RAM
 */
#ifndef KDC_ESTIMATE_H
#define KDC_ESTIMATE_H

#include <stdint.h>

/* Facts several checks share, computed once. */
struct estimate {
	uint64_t ram;		/* total RAM: MemTotal + the crash reservation */
	uint64_t crash_size;	/* recommended crashkernel= size */
	uint64_t dump_size;	/* expected dump size at the configured dump level */
	uint64_t safe_size;	/* comfortable free space for the dump target */
	int dump_level;		/* -1 unknown */
	char basis[256];	/* the sum explained */
};

void estimate_compute(uint64_t mem_total, uint64_t reserved, int dump_level, struct estimate *e);

#endif
