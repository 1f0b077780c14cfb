/*
 * fuzz-iomem.c - libFuzzer target for the /proc/iomem reader: the count of
 * "Crash kernel" ranges, their total and the hidden flag must agree with
 * each other, an error must name a line of the input, and a final newline
 * must not change the answer.
 */
#include <errno.h>

#include "fuzz.h"
#include "parse/procfs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	uint64_t total = 12345, total2 = 12345;
	int hidden = -1, hidden2 = -1, r, r2;
	unsigned errline = 0, errline2 = 0;
	char *s;

	r = iomem_crash_kernel((const char *)data, size, &total, &hidden, &errline);
	FUZZ_CHECK(r >= 0 || r == -EINVAL);
	if (r >= 0) {
		FUZZ_CHECK(hidden == 0 || hidden == 1);
		FUZZ_CHECK(hidden ? total == 0 : total >= (uint64_t)r);
		FUZZ_CHECK(r > 0 || total == 0);
	} else {
		FUZZ_CHECK(errline >= 1 && errline <= fuzz_count_lines(data, size));
	}
	/* no output pointer is required */
	FUZZ_CHECK(iomem_crash_kernel((const char *)data, size, NULL, NULL, NULL) == r);

	if (size && data[size - 1] != '\n') {
		s = fuzz_cstr(data, size);
		s[size] = '\n';
		r2 = iomem_crash_kernel(s, size + 1, &total2, &hidden2, &errline2);
		FUZZ_CHECK(r2 == r);
		if (r >= 0)
			FUZZ_CHECK(total2 == total && hidden2 == hidden);
		else
			FUZZ_CHECK(errline2 == errline);
		free(s);
	}
	return 0;
}
