/*
 * fuzz-grub-legacy.c - libFuzzer target for the GRUB legacy grub.conf parser
 * and entry selection: each input is a grub.conf; the menu must come out
 * without a crash, a read past the buffer or a leak, and hold its bounds.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-grub-legacy tests/fuzz/fuzz-grub-legacy.c \
 *     src/parse/grub-legacy.c src/parse/grub-select.c src/util.c
 *   ./fuzz-grub-legacy tests/fuzz/corpus/grub-legacy
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-grub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct grub_menu m;
	unsigned errline = 0;
	int r;

	memset(&m, 0, sizeof(m));
	r = grub_legacy_parse((const char *)data, size, &m, &errline);
	if (r != 0 && (r != -EINVAL || errline == 0 || m.n || m.entries))
		abort();
	if (r == 0)
		fuzz_menu_check(&m, 1);
	grub_menu_free(&m);
	return 0;
}
