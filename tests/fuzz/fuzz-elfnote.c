/*
 * fuzz-elfnote.c - libFuzzer target for the build-id readers: each input is
 * taken as a run of raw notes (/sys/kernel/notes) and as an ELF file (through
 * a temp file and libelf). A build-id found must be lowercase hex of a
 * descriptor the input holds, and must be refused (-ERANGE) by a buffer one
 * byte too small.
 */
#include <errno.h>

#include "fuzz.h"
#include "parse/elfnote.h"

/* The value of a lowercase hex digit, or -1. */
static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* A build-id's hex: even, 2 to 2*BUILDID_MAX digits, lowercase, and its bytes in the input. */
static void check_hex(const char *hex, const uint8_t *data, size_t size)
{
	unsigned char bytes[BUILDID_MAX];
	size_t n = strlen(hex), i;

	FUZZ_CHECK(n >= 2 && n <= 2 * BUILDID_MAX && n % 2 == 0);
	for (i = 0; i < n / 2; i++) {
		int hi = hex_digit(hex[2 * i]), lo = hex_digit(hex[2 * i + 1]);

		FUZZ_CHECK(hi >= 0 && lo >= 0);
		bytes[i] = (unsigned char)(hi << 4 | lo);
	}
	FUZZ_CHECK(memmem(data, size, bytes, n / 2) != NULL);
}

/* buildid_from_notes into a heap buffer of exactly hexlen bytes. */
static int notes_into(const uint8_t *data, size_t size, size_t hexlen, char *copy)
{
	char *hex = malloc(hexlen);
	int r;

	if (!hex)
		abort();
	r = buildid_from_notes(data, size, hex, hexlen);
	if (r == 0)
		memcpy(copy, hex, strlen(hex) + 1);
	free(hex);
	return r;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char hex[2 * BUILDID_MAX + 1], again[2 * BUILDID_MAX + 1];
	size_t n;
	int r, fd;

	r = notes_into(data, size, sizeof(hex), hex);
	FUZZ_CHECK(r == 0 || r == -ENOENT || r == -EINVAL);
	if (r == 0) {
		check_hex(hex, data, size);
		n = strlen(hex);
		FUZZ_CHECK(notes_into(data, size, n, again) == -ERANGE);
		FUZZ_CHECK(notes_into(data, size, n + 1, again) == 0 && strcmp(again, hex) == 0);
	}

	fd = fuzz_tmp_file("elfnote", data, size, 0);
	r = buildid_from_elf_fd(fd, hex, sizeof(hex));
	FUZZ_CHECK(r == 0 || r == -ENOENT || r == -EINVAL);
	if (r == 0)
		check_hex(hex, data, size);
	return 0;
}
