/*
 * fuzz-mkdver.c - libFuzzer target for makedumpfile's version: the first
 * byte of an input places the rest in a temp file either at offset 0 or
 * just before the 64 KiB boundary where the reader switches chunks; the
 * version it finds must be the one a whole-file search finds, and must be
 * refused (-ERANGE) by a buffer one byte too small. The input is also split
 * at its first newline into a version and a kernel release for mkd_supports,
 * whose explanation must always be said and terminated.
 */
#include <errno.h>

#include "fuzz.h"
#include "parse/mkdver.h"

#define NEEDLE "makedumpfile: version "
#define NEEDLE_LEN (sizeof(NEEDLE) - 1)
#define TOKEN_MAX 31
#define CHUNK (64u << 10)

/* Whether c may be part of a version token (as mkdver.c says). */
static int tok_char(uint8_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '.' || c == '-' || c == '+' || c == '~' || c == '_';
}

/*
 * The version the whole buffer holds, found in one pass with no chunks: the
 * first needle followed by 1 to 31 token characters that start with a digit,
 * hold a '.', and end the buffer or meet ' ', NUL, newline or '('. Its length, or 0.
 */
static size_t whole_file_version(const uint8_t *buf, size_t len, const uint8_t **ver)
{
	const uint8_t *p = buf, *m;

	while ((m = memmem(p, len - (size_t)(p - buf), NEEDLE, NEEDLE_LEN)) != NULL) {
		const uint8_t *t = m + NEEDLE_LEN, *end = buf + len;
		size_t i = 0;

		while (t + i < end && i <= TOKEN_MAX && tok_char(t[i]))
			i++;
		if (i >= 1 && i <= TOKEN_MAX && t[0] >= '0' && t[0] <= '9' && memchr(t, '.', i) &&
		    (t + i == end || t[i] == ' ' || t[i] == '\0' || t[i] == '\n' || t[i] == '(')) {
			*ver = t;
			return i;
		}
		p = m + 1;
	}
	return 0;
}

/* mkd_version_from_fd into a heap buffer of exactly verlen bytes (so ASan sees any overrun). */
static int version_into(int fd, size_t verlen, char *copy)
{
	char *ver = malloc(verlen);
	int r;

	if (!ver)
		abort();
	r = mkd_version_from_fd(fd, ver, verlen);
	if (r == 0) {
		FUZZ_CHECK(memchr(ver, '\0', verlen) != NULL);
		memcpy(copy, ver, strlen(ver) + 1);
	}
	free(ver);
	return r;
}

/* mkd_supports with a why of exactly whylen bytes. */
static void supports(const char *ver, const char *rel, size_t whylen)
{
	char *why = malloc(whylen);
	int r;

	if (!why)
		abort();
	r = mkd_supports(ver, rel, why, whylen);
	FUZZ_CHECK(r == 1 || r == 0 || r == -ENOENT || r == -EINVAL);
	FUZZ_CHECK(memchr(why, '\0', whylen) != NULL);
	FUZZ_CHECK(whylen < 2 || why[0] != '\0');
	free(why);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *want = NULL, *body = data + (size ? 1 : 0);
	size_t blen = size ? size - 1 : 0, wlen, vlen;
	off_t pad = size && data[0] >= 128 ? (off_t)(CHUNK - 192 + (data[0] - 128)) : 0;
	char ver[64], *s, *nl;
	int fd, r;

	fd = fuzz_tmp_file("mkdver", body, blen, pad);
	wlen = whole_file_version(body, blen, &want);
	r = version_into(fd, 32, ver);
	FUZZ_CHECK(r == 0 || r == -ENOENT);
	if (r == 0) {
		vlen = strlen(ver);
		FUZZ_CHECK(wlen == vlen && memcmp(ver, want, vlen) == 0);
		FUZZ_CHECK(version_into(fd, vlen, ver) == -ERANGE || vlen < 2);
		FUZZ_CHECK(version_into(fd, vlen + 1, ver) == 0 && strlen(ver) == vlen);
	} else {
		FUZZ_CHECK(wlen == 0);
	}

	s = fuzz_cstr(data, size);
	nl = strchr(s, '\n');
	if (nl)
		*nl = '\0';
	supports(s, nl ? nl + 1 : "3.10.0-1160.el7.x86_64", 256);
	supports(s, nl ? nl + 1 : "6.1.0-28-amd64", 7);
	free(s);
	return 0;
}
