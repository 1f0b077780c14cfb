/* util.c - small string and number helpers shared by every module. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <limits.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <time.h>

#include "util.h"

/* Abort on allocation failure: the tool cannot do anything useful without memory. */
static void oom(void)
{
	fputs("kdumpcheck: out of memory\n", stderr);
	exit(3);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom();
	return p;
}

void *xcalloc(size_t n, size_t m)
{
	void *p = calloc(n ? n : 1, m ? m : 1);
	if (!p)
		oom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom();
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

size_t xstrlcpy(char *dst, const char *src, size_t size)
{
	size_t n = strlen(src);
	if (size) {
		size_t c = n < size - 1 ? n : size - 1;
		memcpy(dst, src, c);
		dst[c] = '\0';
	}
	return n;
}

int xsnprintf(char *dst, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(dst, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size)
		return -ENAMETOOLONG;
	return 0;
}

void sbuf_init(struct sbuf *b)
{
	b->s = NULL;
	b->len = 0;
	b->cap = 0;
}

void sbuf_free(struct sbuf *b)
{
	free(b->s);
	sbuf_init(b);
}

/* Make room for n more bytes and the terminator. */
static void sbuf_grow(struct sbuf *b, size_t n)
{
	size_t need = b->len + n + 1;
	if (need <= b->cap)
		return;
	if (b->cap < 64)
		b->cap = 64;
	while (b->cap < need)
		b->cap *= 2;
	b->s = xrealloc(b->s, b->cap);
}

void sbuf_add(struct sbuf *b, const char *s, size_t n)
{
	sbuf_grow(b, n);
	memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void sbuf_puts(struct sbuf *b, const char *s)
{
	sbuf_add(b, s, strlen(s));
}

void sbuf_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	sbuf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

const char *sbuf_str(const struct sbuf *b)
{
	return b->s ? b->s : "";
}

int hex_value(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int is_blank(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

char *strtrim(char *s)
{
	size_t n = strlen(s);
	const char *p = s;

	span_trim(&p, &n);
	((char *)p)[n] = '\0';
	return (char *)p;
}

void span_trim(const char **p, size_t *n)
{
	while (*n && is_blank((unsigned char)**p)) {
		(*p)++;
		(*n)--;
	}
	while (*n && is_blank((unsigned char)(*p)[*n - 1]))
		(*n)--;
}

int str_startswith(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

int parse_u64(const char *s, int base, uint64_t *out)
{
	uint64_t v = 0;
	int digits = 0;

	if (!s)
		return -EINVAL;
	if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
		base = 16;
		s += 2;
	} else if (base == 0) {
		base = 10;
	}
	for (; *s; s++) {
		int d;
		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if (base == 16 && *s >= 'a' && *s <= 'f')
			d = *s - 'a' + 10;
		else if (base == 16 && *s >= 'A' && *s <= 'F')
			d = *s - 'A' + 10;
		else
			return -EINVAL;
		if (d >= base)
			return -EINVAL;
		if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base)
			return -ERANGE;
		v = v * (uint64_t)base + (uint64_t)d;
		digits++;
	}
	if (!digits)
		return -EINVAL;
	*out = v;
	return 0;
}

int parse_i64(const char *s, int64_t *out)
{
	uint64_t v;
	int neg = 0, r;

	if (!s)
		return -EINVAL;
	if (*s == '-' || *s == '+') {
		neg = *s == '-';
		s++;
	}
	r = parse_u64(s, 10, &v);
	if (r)
		return r;
	if (neg) {
		if (v > (uint64_t)INT64_MAX + 1)
			return -ERANGE;
		*out = v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v;
	} else {
		if (v > (uint64_t)INT64_MAX)
			return -ERANGE;
		*out = (int64_t)v;
	}
	return 0;
}

int parse_fixed(const char *p, size_t n, unsigned frac, uint64_t *out)
{
	uint64_t ip = 0, fp = 0, scale = 1;
	size_t i = 0;
	unsigned k;

	if (n == 0 || p[0] < '0' || p[0] > '9')
		return -EINVAL;
	for (; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
		if (ip > (UINT64_MAX - 9) / 10)
			return -ERANGE;
		ip = ip * 10 + (uint64_t)(p[i] - '0');
	}
	if (i < n) {
		if (p[i++] != '.' || i == n)
			return -EINVAL;
		for (k = 0; i < n; i++, k++) {
			if (p[i] < '0' || p[i] > '9')
				return -EINVAL;
			if (k < frac)
				fp = fp * 10 + (uint64_t)(p[i] - '0');
		}
		for (; k < frac; k++)
			fp *= 10;
	}
	for (k = 0; k < frac; k++)
		scale *= 10;
	if (ip > (UINT64_MAX - fp) / scale)
		return -ERANGE;
	*out = ip * scale + fp;
	return 0;
}

int span_has_ctl(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 1;
	return 0;
}

int parse_size(const char *s, const char **end, uint64_t *out)
{
	uint64_t v = 0;
	unsigned shift = 0;
	int digits = 0;

	if (!s)
		return -EINVAL;
	while (*s >= '0' && *s <= '9') {
		uint64_t d = (uint64_t)(*s - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -ERANGE;
		v = v * 10 + d;
		digits++;
		s++;
	}
	if (!digits)
		return -EINVAL;
	switch (toupper((unsigned char)*s)) {
	case 'K': shift = 10; break;
	case 'M': shift = 20; break;
	case 'G': shift = 30; break;
	case 'T': shift = 40; break;
	case 'P': shift = 50; break;
	case 'E': shift = 60; break;
	default: break;
	}
	if (shift) {
		s++;
		if ((s[0] == 'i' || s[0] == 'I') && (s[1] == 'B' || s[1] == 'b'))
			s += 2;
		else if (s[0] == 'B' || s[0] == 'b')
			s++;
		if (v > (UINT64_MAX >> shift))
			return -ERANGE;
		v <<= shift;
	}
	if (end)
		*end = s;
	else if (*s)
		return -EINVAL;
	*out = v;
	return 0;
}

void fmt_size(uint64_t bytes, char *out, size_t outlen)
{
	static const char units[] = "KMGTPE";
	unsigned i;

	if (bytes < 1024) {
		snprintf(out, outlen, "%llu", (unsigned long long)bytes);
		return;
	}
	for (i = 6; i > 0; i--) {
		uint64_t unit = (uint64_t)1 << (10 * i);
		if (bytes >= unit) {
			if (bytes % unit == 0)
				snprintf(out, outlen, "%llu%c", (unsigned long long)(bytes / unit), units[i - 1]);
			else
				snprintf(out, outlen, "%.1f%c", (double)bytes / (double)unit, units[i - 1]);
			return;
		}
	}
}

void quote_bytes(const char *p, size_t n, char *out, size_t outlen)
{
	size_t o = 0, i;

	if (!outlen)
		return;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		if (o + 8 >= outlen) {
			if (outlen >= 4) {
				if (o > outlen - 4)
					o = outlen - 4;
				memcpy(out + o, "...", 3);
				o += 3;
			}
			break;
		}
		if (c < 0x20 || c >= 0x7f) {
			snprintf(out + o, outlen - o, "\\x%02x", c);
			o += 4;
		} else {
			out[o++] = (char)c;
		}
	}
	out[o] = '\0';
}

size_t utf8_seq(const unsigned char *p, size_t n)
{
	unsigned c = p[0], lo = 0x80, hi = 0xbf;
	size_t len, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4;
	else
		return 0;	/* continuation byte, 0xc0/0xc1 (overlong), past U+10FFFF */
	if (n < len)
		return 0;
	if (c == 0xe0)
		lo = 0xa0;	/* overlong 3-byte */
	else if (c == 0xed)
		hi = 0x9f;	/* UTF-16 surrogates */
	else if (c == 0xf0)
		lo = 0x90;	/* overlong 4-byte */
	else if (c == 0xf4)
		hi = 0x8f;	/* past U+10FFFF */
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (i = 2; i < len; i++)
		if ((p[i] & 0xc0) != 0x80)
			return 0;
	return len;
}

/* Is the sequence of len bytes at p one that a terminal takes as text? */
static int text_ok(const unsigned char *p, size_t len)
{
	if (len == 1)
		return p[0] >= 0x20 && p[0] != 0x7f;
	return !(len == 2 && p[0] == 0xc2 && p[1] < 0xa0);	/* C1 controls */
}

void text_escape(struct sbuf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	char x[8];

	while (i < n) {
		len = utf8_seq(p + i, n - i);
		if (len && text_ok(p + i, len)) {
			sbuf_add(b, s + i, len);
			i += len;
			continue;
		}
		if (!len)
			len = 1;
		for (; len; len--, i++) {
			snprintf(x, sizeof(x), "\\x%02x", p[i]);
			sbuf_puts(b, x);
		}
	}
}

int text_needs_escape(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, len;

	while (i < n) {
		len = utf8_seq(p + i, n - i);
		if (!len || !text_ok(p + i, len))
			return 1;
		i += len;
	}
	return 0;
}

void line_iter_init(struct line_iter *it, const char *data, size_t len)
{
	it->p = data;
	it->end = data + len;
	it->lineno = 0;
}

int line_iter_next(struct line_iter *it, const char **line, size_t *linelen)
{
	const char *nl;

	if (it->p >= it->end)
		return 0;
	nl = memchr(it->p, '\n', (size_t)(it->end - it->p));
	*line = it->p;
	if (nl) {
		*linelen = (size_t)(nl - it->p);
		it->p = nl + 1;
	} else {
		*linelen = (size_t)(it->end - it->p);
		it->p = it->end;
	}
	it->lineno++;
	return 1;
}

int text_value(const char *data, size_t len, char *out, size_t outlen)
{
	size_t n;

	if (memchr(data, '\0', len))
		return -EINVAL;
	n = strcspn(data, "\n");
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, data, n);
	out[n] = '\0';
	memmove(out, strtrim(out), strlen(strtrim(out)) + 1);
	return 0;
}

void time_iso(int64_t t, char *out, size_t outlen)
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (!gmtime_r(&tt, &tm) || !strftime(out, outlen, "%Y-%m-%dT%H:%M:%SZ", &tm))
		out[0] = '\0';
}

int64_t time_parse_iso(const char *s)
{
	struct tm tm;
	const char *end;

	if (!s)
		return -1;
	memset(&tm, 0, sizeof(tm));
	end = strptime(s, "%Y-%m-%dT%H:%M:%S", &tm);
	if (!end || (*end && strcmp(end, "Z") && strcmp(end, "+00:00")))
		return -1;
	return (int64_t)timegm(&tm);
}

int path_absolute(const char *in, char *out, size_t outlen)
{
	char cwd[PATH_MAX];
	size_t n;

	if (in[0] == '/') {
		if (xsnprintf(out, outlen, "%s", in))
			return -ENAMETOOLONG;
	} else {
		if (!getcwd(cwd, sizeof(cwd)))
			return -errno;
		if (xsnprintf(out, outlen, "%s/%s", cwd, in))
			return -ENAMETOOLONG;
	}
	n = strlen(out);
	while (n > 1 && out[n - 1] == '/')
		out[--n] = '\0';
	return 0;
}

int write_full(int fd, const void *buf, size_t len)
{
	const char *p = buf;

	while (len) {
		ssize_t w = write(fd, p, len);

		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0)
			return -errno;
		if (w == 0)
			return -EIO;
		p += w;
		len -= (size_t)w;
	}
	return 0;
}

ssize_t pread_full(int fd, void *buf, size_t n, off_t off)
{
	size_t got = 0;

	while (got < n) {
		ssize_t r = pread(fd, (char *)buf + got, n - got, off + (off_t)got);

		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return -errno;
		if (r == 0)
			break;
		got += (size_t)r;
	}
	return (ssize_t)got;
}

uint64_t vfs_avail(const struct statvfs *v)
{
	return (uint64_t)v->f_bavail * (uint64_t)(v->f_frsize ? v->f_frsize : v->f_bsize);
}
