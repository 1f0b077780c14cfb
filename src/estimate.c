/* estimate.c - the crashkernel= and dump-size formula (see estimate.h). */
#include <stdio.h>
#include <string.h>

#include "estimate.h"
#include "util.h"

#define GiB ((uint64_t)1 << 30)
#define MiB ((uint64_t)1 << 20)

void estimate_compute(uint64_t mem_total, uint64_t reserved, int dump_level, struct estimate *e)
{
	char ram[32], ck[32], dump[32];

	memset(e, 0, sizeof(*e));
	e->ram = mem_total + reserved;
	if (e->ram < 2 * GiB)
		e->crash_size = 128 * MiB;
	else if (e->ram < 64 * GiB)
		e->crash_size = 256 * MiB;
	else
		e->crash_size = 512 * MiB;
	e->dump_level = dump_level;
	if (dump_level < 0 || (dump_level & 0x18) == 0x18)
		e->dump_size = e->ram / 10;
	else
		e->dump_size = e->ram;
	e->safe_size = e->ram / 2;
	fmt_size(e->ram, ram, sizeof(ram));
	fmt_size(e->crash_size, ck, sizeof(ck));
	fmt_size(e->dump_size, dump, sizeof(dump));
	snprintf(e->basis, sizeof(e->basis), "RAM %s -> crashkernel=%s (table <2G:128M, 2G-64G:256M, 64G-:512M); "
		 "dump at -d %d about %s", ram, ck, dump_level < 0 ? 31 : dump_level, dump);
}
