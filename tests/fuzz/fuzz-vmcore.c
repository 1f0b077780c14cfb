/*
 * fuzz-vmcore.c - libFuzzer target for the vmcore header readers: each input
 * is written to one temp file (vmcore_read takes a file descriptor) and read.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-vmcore tests/fuzz/fuzz-vmcore.c src/vmcore/[efkv]*.c
 *   ./fuzz-vmcore tests/fuzz/corpus/vmcore
 */
#include <errno.h>

#include "fuzz.h"
#include "vmcore/vmcore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vmcore v;
	char err[256], out[128];
	int fd = fuzz_tmp_file("vmcore", data, size, 0), r;

	r = vmcore_read(fd, &v, err, sizeof(err));
	if (r == 0) {
		/* what tag uses: every key lookup and the names must be safe */
		(void)vmcoreinfo_get(&v, "OSRELEASE", out, sizeof(out));
		(void)vmcoreinfo_get(&v, "PAGESIZE", out, sizeof(out));
		(void)vmcoreinfo_get(&v, "SYMBOL(init_uts_ns)", out, sizeof(out));
		(void)vmcore_format_name(v.format);
		if (!v.complete && v.incomplete_why[0] == '\0')
			abort();	/* an incomplete dump always says why */
		if (v.vmcoreinfo && strlen(v.vmcoreinfo) > v.vmcoreinfo_len)
			abort();
		vmcore_free(&v);
	} else if (r == -ENOEXEC) {
		if (strncmp(err, "not a vmcore: ", 14) != 0)
			abort();	/* a foreign file is always named */
	}
	return 0;
}
