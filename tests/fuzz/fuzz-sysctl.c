/*
 * fuzz-sysctl.c - libFuzzer target for the sysctl file parser: each input
 * is one sysctl.d file, parsed twice into one set (so later assignments
 * replace earlier ones). No crash, leak or read past the buffer; keys are
 * normalized, non-empty and unique, and a failure names a line and a reason.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-sysctl tests/fuzz/fuzz-sysctl.c \
 *     src/parse/sysctl.c src/util.c
 *   ./fuzz-sysctl tests/fuzz/corpus/sysctl
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/sysctl.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Check the set's invariants. */
static void check_set(const struct sysctl_set *set)
{
	size_t i;
	char path[512];

	for (i = 0; i < set->n; i++) {
		const struct sysctl_setting *s = &set->v[i];

		if (!s->key[0] || s->key[0] == '.' || strchr(s->key, ' ') || !s->value || !s->file || !s->line)
			abort();
		if (sysctl_find(set, s->key) != s)
			abort();
		sysctl_proc_path(s->key, path, sizeof(path));
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct sysctl_set set;
	const char *why;
	unsigned line;
	int pass, r;

	memset(&set, 0, sizeof(set));
	for (pass = 0; pass < 2; pass++) {
		r = sysctl_parse(&set, pass ? "/etc/sysctl.conf" : "/etc/sysctl.d/99-x.conf", (const char *)data,
				 size, &line, &why);
		if (r != 0 && (r != -EINVAL || !line || !why))
			abort();
		if (r == 0 && (line || why))
			abort();
		check_set(&set);
	}
	if (set.nfiles != 2)
		abort();
	sysctl_set_free(&set);
	return 0;
}
