/*
 * fuzz-udiff.c - libFuzzer target for the unified diff fix prints: the input
 * split at its first NUL into two texts; the diff of them must be empty
 * exactly when they are equal, and every hunk's header must count its lines.
 * (That the diff applies with patch(1) is tests/bats/fix.bats'.)
 */
#include <stdio.h>

#include "fix/udiff.h"
#include "fuzz.h"
#include "util.h"

/* The next line of d (up to and including '\n'), its length; 0 at the end. */
static size_t next_line(const char **d, const char *end, const char **line)
{
	const char *nl;

	if (*d >= end)
		return 0;
	nl = memchr(*d, '\n', (size_t)(end - *d));
	*line = *d;
	*d = nl ? nl + 1 : end;
	return (size_t)(*d - *line);
}

/* Every hunk's header counts the lines it holds: ' ' and '-' from a, ' ' and '+' from b. */
static int counts_hold(const char *diff, size_t dlen)
{
	const char *d = diff, *end = diff + dlen, *line;
	size_t n;

	next_line(&d, end, &line);	/* --- */
	next_line(&d, end, &line);	/* +++ */
	while ((n = next_line(&d, end, &line)) > 0) {
		unsigned long as, ac, bs, bc, na = 0, nb = 0;
		if (sscanf(line, "@@ -%lu,%lu +%lu,%lu @@", &as, &ac, &bs, &bc) != 4)
			return 0;
		while (d < end && (*d == ' ' || *d == '-' || *d == '+' || *d == '\\')) {
			char kind = *d;
			next_line(&d, end, &line);
			na += kind == ' ' || kind == '-';
			nb += kind == ' ' || kind == '+';
		}
		if (na != ac || nb != bc)
			return 0;
	}
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *a = (const char *)data, *nul = memchr(data, '\0', size);
	size_t alen = nul ? (size_t)(nul - a) : size;
	const char *b = nul ? nul + 1 : "";
	size_t blen = nul ? size - alen - 1 : 0;
	struct sbuf d;
	int hunks;

	if (size > 4096 || (nul && memchr(b, '\0', blen)))
		return 0;
	sbuf_init(&d);
	hunks = udiff(a, alen, b, blen, "a", "b", &d);
	FUZZ_CHECK((hunks == 0) == (alen == blen && !memcmp(a, b, alen)));
	FUZZ_CHECK((d.len == 0) == (hunks == 0));
	FUZZ_CHECK(counts_hold(sbuf_str(&d), d.len));
	sbuf_free(&d);
	return 0;
}
