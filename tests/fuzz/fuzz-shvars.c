/*
 * fuzz-shvars.c - libFuzzer target for the shell variable file reader: each
 * input is read as a script (/etc/default/grub) and as assignments only
 * (kdump-tools), twice into the same set (so expansion of earlier values
 * runs). No crash, leak or read past the buffer; a failure names a line of
 * the input and leaves the set as it was; values stay within the bounds.
 * The value and expansion-work bounds are lowered (256 KiB, 1 MiB): the same
 * code paths as the 8 and 64 MiB defaults, at thousands of runs a second.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-shvars tests/fuzz/fuzz-shvars.c \
 *     src/parse/shvars.c src/util.c
 *   ./fuzz-shvars tests/fuzz/corpus/shvars
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/shvars.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The number of lines of the input, an upper bound of an error's line. */
static unsigned count_lines(const uint8_t *data, size_t size)
{
	unsigned n = 1;
	size_t i;

	for (i = 0; i < size; i++)
		n += data[i] == '\n';
	return n;
}

/* Check the set's invariants. */
static void check_vars(const struct shvars *v)
{
	size_t i, total = 0;

	if (v->n > SHVARS_MAX_VARS)
		abort();
	for (i = 0; i < v->n; i++) {
		size_t l = strlen(v->values[i]);

		if (!v->names[i][0] || l > SHVARS_MAX_VALUE || shvars_get(v, v->names[i]) != v->values[i])
			abort();
		total += l;
	}
	if (total != v->bytes || total > SHVARS_MAX_TOTAL)
		abort();
}

/* Parse the input twice in one mode. */
static void run(const uint8_t *data, size_t size, enum shvars_mode mode)
{
	struct shvars_opts o = { mode, 256u << 10, 1u << 20, NULL, NULL };
	struct shvars v;
	struct shvars_err err;
	unsigned lines = count_lines(data, size);
	int pass, r;

	memset(&v, 0, sizeof(v));
	for (pass = 0; pass < 2; pass++) {
		size_t before = v.n, bytes = v.bytes;

		r = shvars_parse(&v, (const char *)data, size, &o, &err);
		if (r != 0 && (err.line == 0 || err.line > lines || !err.msg[0] || v.n != before || v.bytes != bytes))
			abort();
		if (r == 0 && err.line != 0)
			abort();
		check_vars(&v);
	}
	shvars_free(&v);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	run(data, size, SHVARS_SH);
	run(data, size, SHVARS_ASSIGN);
	return 0;
}
