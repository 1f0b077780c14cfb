/*
 * fuzz-meminfo.c - libFuzzer target for the /proc/meminfo reader: byte
 * figures converted from kB without overflow, flags that match the result,
 * an error that names a line of the input.
 */
#include <errno.h>

#include "fuzz.h"
#include "parse/procfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct meminfo mi;
	unsigned errline = 0;
	int r;

	r = meminfo_parse((const char *)data, size, &mi, &errline);
	FUZZ_CHECK(r == 0 || r == -ENOENT || r == -EINVAL);
	FUZZ_CHECK(mi.have_total == 0 || mi.have_total == 1);
	FUZZ_CHECK(mi.have_available == 0 || mi.have_available == 1);
	if (r == 0)
		FUZZ_CHECK(mi.have_total);
	if (r == -ENOENT)
		FUZZ_CHECK(!mi.have_total && mi.mem_total == 0);
	if (r == -EINVAL)
		FUZZ_CHECK(errline >= 1 && errline <= fuzz_count_lines(data, size));
	FUZZ_CHECK(mi.mem_total % 1024 == 0 && mi.mem_free % 1024 == 0 && mi.mem_available % 1024 == 0);
	FUZZ_CHECK(mi.have_available || mi.mem_available == 0);
	FUZZ_CHECK(meminfo_parse((const char *)data, size, &mi, NULL) == r);
	return 0;
}
