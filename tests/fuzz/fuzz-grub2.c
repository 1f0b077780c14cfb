/*
 * fuzz-grub2.c - libFuzzer target for the GRUB 2 grub.cfg parser and entry
 * selection: each input is a grub.cfg; the menu must come out without a
 * crash, a read past the buffer or a leak, and hold its bounds.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-grub2 tests/fuzz/fuzz-grub2.c \
 *     src/parse/grub-legacy.c src/parse/grub2.c src/parse/grub-select.c src/util.c
 *   ./fuzz-grub2 tests/fuzz/corpus/grub2
 */
#include <stdint.h>

#include "fuzz-grub.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	return fuzz_grub_input(data, size, 0);
}
