/*
 * fuzz-vmcore.c - libFuzzer target for the vmcore header readers: each input
 * is written to one temp file (vmcore_read takes a file descriptor) and read.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-vmcore tests/fuzz/fuzz-vmcore.c src/vmcore/[efkv]*.c
 *   ./fuzz-vmcore tests/fuzz/corpus/vmcore
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "vmcore/vmcore.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The temp file, created once per process and rewritten for every input. */
static int tmp_fd = -1;

/* Open (once) an unlinked temp file in TMPDIR or /tmp. */
static int tmp_file(void)
{
	char name[4096];
	const char *dir = getenv("TMPDIR");

	if (tmp_fd >= 0)
		return tmp_fd;
	snprintf(name, sizeof(name), "%s/kdc-fuzz-vmcore-XXXXXX", dir && *dir ? dir : "/tmp");
	tmp_fd = mkstemp(name);
	if (tmp_fd >= 0)
		unlink(name);
	return tmp_fd;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vmcore v;
	char err[256], out[128];
	int fd = tmp_file(), r;

	if (fd < 0 || ftruncate(fd, 0) != 0)
		abort();
	if (size && pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
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
