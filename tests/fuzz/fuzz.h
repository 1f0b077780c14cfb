/*
 * fuzz.h - what several fuzz targets share: the libFuzzer entry point's
 * prototype, a NUL-terminated copy of the input, its line count, one temp file rewritten per
 * input (for the readers that take a file descriptor), and FUZZ_CHECK, which
 * aborts (so libFuzzer keeps the input) naming the invariant that broke.
 */
#ifndef KDC_FUZZ_H
#define KDC_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_CHECK(cond)                                                                     \
	do {                                                                                 \
		if (!(cond)) {                                                               \
			fprintf(stderr, "%s:%d: invariant failed: %s\n", __FILE__, __LINE__, #cond); \
			abort();                                                             \
		}                                                                            \
	} while (0)

/* A malloc'd copy of the input with a NUL after it (the input may hold NULs too). */
static inline char *fuzz_cstr(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (!s)
		abort();
	if (size)
		memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Lines in the buffer as util.c's line iterator numbers them (a last line may lack its newline). */
static inline unsigned fuzz_count_lines(const uint8_t *data, size_t size)
{
	unsigned n = 0;
	size_t i;

	for (i = 0; i < size; i++)
		n += data[i] == '\n';
	return n + (size && data[size - 1] != '\n');
}

/*
 * An unlinked temp file in TMPDIR or /tmp, opened once per process, holding
 * exactly size bytes of data at offset off (the bytes before off read as
 * zeros). Returns its descriptor; aborts when the file cannot be written.
 */
static inline int fuzz_tmp_file(const char *tag, const uint8_t *data, size_t size, off_t off)
{
	static int fd = -1;
	char name[4096];
	const char *dir = getenv("TMPDIR");

	if (fd < 0) {
		snprintf(name, sizeof(name), "%s/kdc-fuzz-%s-XXXXXX", dir && *dir ? dir : "/tmp", tag);
		fd = mkstemp(name);
		if (fd < 0)
			abort();
		unlink(name);
	}
	if (ftruncate(fd, 0) != 0)
		abort();
	if (size && pwrite(fd, data, size, off) != (ssize_t)size)
		abort();
	return fd;
}

#endif
