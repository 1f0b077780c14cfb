/*
 * fuzz-grub2.c - libFuzzer target for the GRUB 2 grub.cfg parser and entry
 * selection: each input is a grub.cfg; the menu must come out without a
 * crash, a read past the buffer or a leak, and hold its bounds.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-grub2 tests/fuzz/fuzz-grub2.c \
 *     src/parse/grub2.c src/parse/grub-select.c src/util.c
 *   ./fuzz-grub2 tests/fuzz/corpus/grub2
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
	r = grub2_cfg_parse((const char *)data, size, &m, &errline);
	if (r != 0 && (r != -EINVAL || errline == 0 || m.n || m.entries))
		abort();
	if (r == 0)
		fuzz_menu_check(&m, 0);
	grub_menu_free(&m);
	return 0;
}
