/*
 * fuzz-cmdedit.c - libFuzzer target for the command line editor: the input's
 * first line is a value, the rest a kernel command line. crashkernel is set
 * to the value, and removed. No crash, leak or read past the buffer; a set
 * line holds exactly one crashkernel word (",low" aside) with the value, a
 * removed one none; every other word comes out the same, in the same order;
 * doing it again changes nothing.
 *
 *   ./fuzz-cmdedit tests/fuzz/corpus/cmdedit
 */
#include <errno.h>

#include "fuzz.h"
#include "fix/cmdedit.h"
#include "util.h"

#define KEY "crashkernel"
#define SKIP ",low"

static int blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* Is [w, we) a KEY word (quotes as the kernel reads them, ",low" aside)? Its value in v, vn. */
static int is_key(const char *w, const char *we, const char **v, size_t *vn)
{
	size_t kl = sizeof(KEY) - 1;

	if (w < we && *w == '"')
		w++;
	if ((size_t)(we - w) <= kl || memcmp(w, KEY, kl) || w[kl] != '=')
		return 0;
	*v = w + kl + 1;
	if (we > *v && we[-1] == '"')
		we--;
	*vn = (size_t)(we - *v);
	return !(*vn >= 4 && !memcmp(we - 4, SKIP, 4));
}

/*
 * Walk the words of s: the other words joined by one '\n' into others, and
 * the KEY words counted, the first one's value in first (NUL-terminated).
 */
static size_t words(const char *s, size_t n, struct sbuf *others, char *first, size_t firstlen)
{
	const char *p = s, *end = s + n, *w, *v;
	size_t keys = 0, vn;
	int q;

	first[0] = '\0';
	while (p < end) {
		while (p < end && blank(*p))
			p++;
		if (p == end)
			break;
		for (w = p, q = 0; p < end && (q || !blank(*p)); p++)
			q ^= *p == '"';
		if (is_key(w, p, &v, &vn)) {
			if (!keys++ && vn < firstlen) {
				memcpy(first, v, vn);
				first[vn] = '\0';
			}
			continue;
		}
		sbuf_add(others, w, (size_t)(p - w));
		sbuf_add(others, "\n", 1);
	}
	return keys;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = size ? memchr(data, '\n', size) : NULL, *line;
	char value[64], got[64];
	size_t vl = nl ? (size_t)(nl - (const char *)data) : 0, len;
	struct sbuf set, again, in_words, out_words;
	int r;

	if (!size || !nl || vl >= sizeof(value))
		return 0;
	memcpy(value, data, vl);
	value[vl] = '\0';
	line = nl + 1;
	len = size - vl - 1;
	sbuf_init(&set);
	sbuf_init(&again);
	sbuf_init(&in_words);
	sbuf_init(&out_words);
	r = cmdedit_set(line, len, KEY, value, SKIP, &set);
	FUZZ_CHECK(r == 0 || r == 1 || r == -EINVAL || r == -E2BIG);
	if (r >= 0) {
		words(line, len, &in_words, got, sizeof(got));
		FUZZ_CHECK(words(set.s ? set.s : "", set.len, &out_words, got, sizeof(got)) == 1 && !strcmp(got, value));
		FUZZ_CHECK(in_words.len == out_words.len && (!in_words.len || !memcmp(in_words.s, out_words.s, in_words.len)));
		FUZZ_CHECK(r == (set.len != len || memcmp(set.s, line, len)));
		FUZZ_CHECK(cmdedit_set(set.s ? set.s : "", set.len, KEY, value, SKIP, &again) == 0);
		FUZZ_CHECK(again.len == set.len);
		/* removed: no KEY word left, the others as they were */
		again.len = 0;
		out_words.len = 0;
		FUZZ_CHECK(cmdedit_remove(set.s ? set.s : "", set.len, KEY, SKIP, &again) == 1);
		FUZZ_CHECK(words(again.s ? again.s : "", again.len, &out_words, got, sizeof(got)) == 0);
		FUZZ_CHECK(in_words.len == out_words.len && (!in_words.len || !memcmp(in_words.s, out_words.s, in_words.len)));
	}
	sbuf_free(&set);
	sbuf_free(&again);
	sbuf_free(&in_words);
	sbuf_free(&out_words);
	return 0;
}
