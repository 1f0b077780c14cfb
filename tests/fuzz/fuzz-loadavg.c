/*
 * fuzz-loadavg.c - libFuzzer target for the /proc/loadavg reader: what
 * parses must print back, in the kernel's format, to the same task counts.
 */
#include <errno.h>
#include <inttypes.h>

#include "fuzz.h"
#include "parse/procfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t running = 7, total = 7, running2 = 0, total2 = 0;
	char line[128];
	int r, n;

	r = loadavg_parse((const char *)data, size, &running, &total);
	FUZZ_CHECK(r == 0 || r == -EINVAL);
	FUZZ_CHECK(loadavg_parse((const char *)data, size, NULL, NULL) == r);
	if (r != 0) {
		FUZZ_CHECK(running == 7 && total == 7);	/* untouched on error */
		return 0;
	}
	n = snprintf(line, sizeof(line), "0.00 0.01 0.05 %" PRIu64 "/%" PRIu64 " 4567\n", running, total);
	FUZZ_CHECK(n > 0 && (size_t)n < sizeof(line));
	FUZZ_CHECK(loadavg_parse(line, (size_t)n, &running2, &total2) == 0);
	FUZZ_CHECK(running2 == running && total2 == total);
	return 0;
}
