/*
 * knownhosts.c - host lookup in an OpenSSH known_hosts file.
 *
 * Grammar (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"), one entry a line:
 *
 *     [@revoked|@cert-authority] PATTERNS KEYTYPE BASE64KEY [COMMENT]
 *
 * PATTERNS is a comma list of "host", "[host]:port" (any port but 22), with
 * the wildcards '*' and '?', a leading '!' negating a pattern (a line whose
 * negated pattern matches does not name the host, whatever else it says);
 * or one hashed name "|1|BASE64(salt)|BASE64(HMAC-SHA1(salt, NAME))" where
 * NAME is "host" on port 22, else "[host]:port". Names compare without case.
 * '#' starts a comment line. A @cert-authority line counts as naming the host:
 * ssh accepts a host certificate signed by that key.
 *
 * Bounds: the text is read in place, any line length; wildcard matching is
 * linear in the pattern times the name (at most 262 bytes); a hashed field
 * decodes to at most 64 bytes. A hashed field is checked through libcrypto
 * (crypto.c); when it cannot be loaded, the field matches "unknown".
 */
#include <stdio.h>
#include <string.h>

#include "crypto.h"
#include "parse/knownhosts.h"
#include "util.h"

/* c in lower case (ASCII only: host names). */
static int lower_ascii(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* The value of one base64 character, or -1. */
static int b64_value(int c)
{
	if (c >= 'A' && c <= 'Z')
		return c - 'A';
	if (c >= 'a' && c <= 'z')
		return c - 'a' + 26;
	if (c >= '0' && c <= '9')
		return c - '0' + 52;
	if (c == '+')
		return 62;
	if (c == '/')
		return 63;
	return -1;
}

int base64_decode(const char *s, size_t n, unsigned char *out, size_t outlen)
{
	unsigned long acc = 0;
	size_t i, o = 0;
	int bits = 0;

	while (n && s[n - 1] == '=')
		n--;
	for (i = 0; i < n; i++) {
		int v = b64_value((unsigned char)s[i]);
		if (v < 0)
			return -1;
		acc = (acc << 6) | (unsigned long)v;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			if (o >= outlen)
				return -1;
			out[o++] = (unsigned char)(acc >> bits);
			acc &= (1UL << bits) - 1;
		}
	}
	return bits >= 6 ? -1 : (int)o;
}

/* Does the hashed pattern "|1|salt|hash" (n bytes) stand for name? 1, 0, or
 * -1 when it cannot be told (no libcrypto). */
static int hashed_match(const char *p, size_t n, const char *name)
{
	const struct crypto_api *c;
	unsigned char salt[64], want[64], got[EVP_MAX_MD_SIZE];
	unsigned gotlen = 0;
	const char *bar;
	int sl, wl;

	bar = memchr(p + 3, '|', n - 3);
	if (!bar)
		return 0;
	sl = base64_decode(p + 3, (size_t)(bar - p - 3), salt, sizeof(salt));
	wl = base64_decode(bar + 1, (size_t)(p + n - bar - 1), want, sizeof(want));
	if (sl <= 0 || wl != 20)
		return 0;
	c = crypto_open();
	if (!c)
		return -1;
	if (!c->hmac(c->evp_sha1(), salt, sl, (const unsigned char *)name, strlen(name), got, &gotlen))
		return 0;
	return gotlen == 20 && memcmp(got, want, 20) == 0;
}

/*
 * Does the pattern [p, p+n) match all of name? '*' is any run, '?' one
 * character, everything else itself without case (ssh's own wildcards:
 * '[' is a plain character, as in "[host]:port").
 */
static int glob_match(const char *p, size_t n, const char *name)
{
	const char *end = p + n, *star = NULL, *mark = NULL;

	while (*name) {
		if (p < end && *p == '*') {
			star = ++p;
			mark = name;
		} else if (p < end && (*p == '?' || lower_ascii(*p) == lower_ascii(*name))) {
			p++;
			name++;
		} else if (star) {
			p = star;
			name = ++mark;
		} else {
			return 0;
		}
	}
	while (p < end && *p == '*')
		p++;
	return p == end;
}

/* Does one pattern (n bytes, '!' already removed) match name? 1, 0 or -1 (cannot tell). */
static int pattern_match(const char *p, size_t n, const char *name)
{
	if (n > 3 && !memcmp(p, "|1|", 3))
		return hashed_match(p, n, name);
	return glob_match(p, n, name);
}

/* Does the comma list of patterns [p, p+n) name the host? 1, 0 or -1 (cannot tell). */
static int patterns_match(const char *p, size_t n, const char *name)
{
	const char *end = p + n;
	int found = 0, unsure = 0, unsure_neg = 0;

	while (p < end) {
		const char *comma = memchr(p, ',', (size_t)(end - p));
		const char *e = comma ? comma : end;
		int neg = p < e && *p == '!';
		int m = pattern_match(p + neg, (size_t)(e - p - neg), name);

		if (m > 0 && neg)
			return 0;
		if (m > 0)
			found = 1;
		else if (m < 0 && neg)
			unsure_neg = 1;
		else if (m < 0)
			unsure = 1;
		p = e + 1;
	}
	/* a negation that cannot be told could undo any match; a match needs no other pattern */
	if (unsure_neg)
		return -1;
	return found ? 1 : unsure ? -1 : 0;
}

/* The next blank-separated field of [*p, end): its length, 0 at the end. */
static size_t next_field(const char **p, const char *end, const char **f)
{
	const char *s = *p;

	while (s < end && is_blank((unsigned char)*s))
		s++;
	*f = s;
	while (s < end && !is_blank((unsigned char)*s))
		s++;
	*p = s;
	return (size_t)(s - *f);
}

enum kh_match known_hosts_find(const char *text, size_t len, const char *host, unsigned port, unsigned *line)
{
	struct line_iter it;
	const char *l, *p, *f;
	char name[300];
	size_t n, fn;
	enum kh_match m = KH_NONE;
	int unsure_known = 0, unsure_revoked = 0;

	*line = 0;
	if (!text || strlen(host) > 255)
		return KH_NONE;
	if (port == 22)
		snprintf(name, sizeof(name), "%s", host);
	else
		snprintf(name, sizeof(name), "[%s]:%u", host, port);
	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &l, &n)) {
		int revoked = 0;

		p = l;
		fn = next_field(&p, l + n, &f);
		if (!fn || f[0] == '#')
			continue;
		if (f[0] == '@') {
			revoked = fn == 8 && !memcmp(f, "@revoked", 8);
			fn = next_field(&p, l + n, &f);
		}
		if (!fn)
			continue;
		switch (patterns_match(f, fn, name)) {
		case 0:
			continue;
		case -1:
			if (revoked)
				unsure_revoked = 1;
			else
				unsure_known = 1;
			continue;
		}
		if (revoked) {
			*line = it.lineno;
			return KH_REVOKED;
		}
		if (m == KH_NONE) {
			m = KH_FOUND;
			*line = it.lineno;
		}
	}
	if (unsure_revoked || (m == KH_NONE && unsure_known)) {
		*line = 0;
		return KH_UNKNOWN;
	}
	return m;
}
