/*
 * fuzz-mounts.c - libFuzzer target for the /proc/mounts and /etc/fstab
 * grammar: each input parsed as a table. No crash, leak or read past the
 * buffer; every entry has its four fields, names a line of the input in
 * increasing order, and decoded fields are never longer than the input.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-mounts tests/fuzz/fuzz-mounts.c \
 *     src/parse/mounts.c src/util.c
 *   ./fuzz-mounts tests/fuzz/corpus/mounts
 */
#include "fuzz.h"
#include "parse/mounts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct mount_table t;
	unsigned lines = 1, prev = 0;
	size_t i;

	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	mounts_parse((const char *)data, size, &t);
	FUZZ_CHECK(t.n <= MOUNTS_MAX && t.bad_line <= lines);
	for (i = 0; i < t.n; i++) {
		const struct mount_entry *e = &t.v[i];

		FUZZ_CHECK(e->spec && e->file && e->type && e->opts && e->line > prev && e->line <= lines);
		FUZZ_CHECK(strlen(e->spec) <= size && strlen(e->file) <= size && e->spec[0] && e->file[0]);
		mounts_has_opt(e->opts, "ro");
		prev = e->line;
	}
	mounts_free(&t);
	return 0;
}
