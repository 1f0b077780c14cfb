/*
 * fuzz-grubenv.c - libFuzzer target for the grubenv reader: each input is
 * an environment block; looking up saved_entry and next_entry must not
 * crash or read past the buffer, and a value found fits and is terminated.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-grubenv tests/fuzz/fuzz-grubenv.c \
 *     src/parse/grubenv.c src/util.c
 *   ./fuzz-grubenv tests/fuzz/corpus/grubenv
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/grub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Look name up with a small and a large buffer; the answers must agree. */
static void lookup(const char *text, size_t size, const char *name)
{
	char small[16], big[4096];
	int rs, rb, rn;

	memset(small, 'x', sizeof(small));
	rs = grubenv_get(text, size, name, small, sizeof(small));
	rb = grubenv_get(text, size, name, big, sizeof(big));
	rn = grubenv_get(text, size, name, NULL, 0);
	if (rs != 0 && rs != -ENOENT && rs != -EINVAL && rs != -ENAMETOOLONG)
		abort();
	if (rb == 0 && (strlen(big) >= sizeof(big) || rn != 0 || !big[0]))
		abort();
	if (rs == 0 && (rb != 0 || strcmp(small, big) != 0))
		abort();
	if (rs == -ENAMETOOLONG && rb == -ENOENT)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	lookup((const char *)data, size, "saved_entry");
	lookup((const char *)data, size, "next_entry");
	if (grubenv_get((const char *)data, size, "a=b", NULL, 0) != -EINVAL)
		abort();
	return 0;
}
