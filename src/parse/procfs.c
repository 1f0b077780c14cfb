/*
 * procfs.c - parsers for /proc/iomem, /proc/meminfo and /proc/loadavg buffers.
 *
 * Bounds: the text is read in place, one pass, no copies; every number is
 * checked for overflow (sizes past 2^64 are malformed, not wrapped).
 */
#include <errno.h>
#include <string.h>

#include "parse/procfs.h"
#include "util.h"

/* A cursor over one line: [p, end). */
struct pcur {
	const char *p;
	const char *end;
};

/* Skip spaces and tabs. */
static void skip_blanks(struct pcur *c)
{
	while (c->p < c->end && (*c->p == ' ' || *c->p == '\t'))
		c->p++;
}

/* Drop a trailing CR and blanks from the line. */
static void trim_end(struct pcur *c)
{
	while (c->end > c->p && is_blank((unsigned char)c->end[-1]))
		c->end--;
}

/* 1 to 16 hex digits. */
static int read_hex(struct pcur *c, uint64_t *out)
{
	uint64_t v = 0;
	int n = 0, d;

	while (c->p < c->end && (d = hex_value(*c->p)) >= 0) {
		if (++n > 16)
			return -EINVAL;
		v = (v << 4) | (uint64_t)d;
		c->p++;
	}
	if (!n)
		return -EINVAL;
	*out = v;
	return 0;
}

/* Decimal digits into a u64, refusing overflow. */
static int read_dec(struct pcur *c, uint64_t *out)
{
	uint64_t v = 0;
	int n = 0;

	while (c->p < c->end && *c->p >= '0' && *c->p <= '9') {
		uint64_t d = (uint64_t)(*c->p - '0');
		if (v > (UINT64_MAX - d) / 10)
			return -EINVAL;
		v = v * 10 + d;
		n++;
		c->p++;
	}
	if (!n)
		return -EINVAL;
	*out = v;
	return 0;
}

/* Consume the literal s. */
static int accept_str(struct pcur *c, const char *s)
{
	size_t n = strlen(s);

	if ((size_t)(c->end - c->p) < n || memcmp(c->p, s, n) != 0)
		return 0;
	c->p += n;
	return 1;
}

/* Is the line only blanks? */
static int line_is_blank(const char *line, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
			return 0;
	return 1;
}

/* The next line that is not blank: 1 with line/linelen set, 0 at the end. */
static int next_content_line(struct line_iter *it, const char **line, size_t *linelen)
{
	while (line_iter_next(it, line, linelen))
		if (!line_is_blank(*line, *linelen))
			return 1;
	return 0;
}

/* A resource name: printable, not empty. */
static int valid_name(const char *s, size_t n)
{
	size_t i;

	if (!n)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (ch < 0x20 || ch == 0x7f)
			return 0;
	}
	return 1;
}

/*
 * One /proc/iomem line: indentation (two spaces per nesting level), then
 * "START-END : NAME" with START and END in hex, printed at least 8 wide
 * and as wide as needed above 4 GiB ("100000000-23fffffff : System RAM").
 */
static int iomem_line(const char *line, size_t len, uint64_t *start, uint64_t *end,
		      const char **name, size_t *namelen)
{
	struct pcur c;

	c.p = line;
	c.end = line + len;
	trim_end(&c);
	skip_blanks(&c);
	if (read_hex(&c, start) || !accept_str(&c, "-") || read_hex(&c, end) || !accept_str(&c, " : "))
		return -EINVAL;
	if (*end < *start)
		return -EINVAL;
	*name = c.p;
	*namelen = (size_t)(c.end - c.p);
	return valid_name(*name, *namelen) ? 0 : -EINVAL;
}

int iomem_crash_kernel(const char *text, size_t len, uint64_t *total, int *hidden, unsigned *errline)
{
	struct line_iter it;
	const char *line, *name;
	size_t linelen, namelen;
	uint64_t start, end, sum = 0;
	int count = 0, zeroed = 0;

	line_iter_init(&it, text, text ? len : 0);
	while (next_content_line(&it, &line, &linelen)) {
		if (iomem_line(line, linelen, &start, &end, &name, &namelen)) {
			if (errline)
				*errline = it.lineno;
			return -EINVAL;
		}
		if (namelen != 12 || memcmp(name, "Crash kernel", 12) != 0)
			continue;
		count++;
		if (start == 0 && end == 0) {
			zeroed = 1;	/* read without CAP_SYS_ADMIN: size unknown */
			continue;
		}
		/* end - start + 1 only wraps for a range covering all 2^64 bytes */
		if (end - start == UINT64_MAX || sum > UINT64_MAX - (end - start + 1)) {
			if (errline)
				*errline = it.lineno;
			return -EINVAL;
		}
		sum += end - start + 1;
	}
	if (total)
		*total = zeroed ? 0 : sum;
	if (hidden)
		*hidden = zeroed;
	return count;
}

/* Store a kB amount as bytes. */
static int kb_to_bytes(uint64_t kb, uint64_t *out)
{
	if (kb > UINT64_MAX / 1024)
		return -EINVAL;
	*out = kb * 1024;
	return 0;
}

/* A meminfo key: letters, digits, '_', '(' and ')' ("Active(anon)"). */
static int key_char(char ch)
{
	return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
	       ch == '_' || ch == '(' || ch == ')';
}

/*
 * One /proc/meminfo line: "Key:   <decimal>[ kB]". Sets *key and *kb
 * (1 when the value carried the kB unit, 0 for counts like HugePages_Total).
 */
static int meminfo_line(const char *line, size_t len, const char **key, size_t *keylen,
			uint64_t *val, int *kb)
{
	struct pcur c;

	c.p = line;
	c.end = line + len;
	trim_end(&c);
	*key = c.p;
	while (c.p < c.end && key_char(*c.p))
		c.p++;
	*keylen = (size_t)(c.p - *key);
	if (!*keylen || !accept_str(&c, ":"))
		return -EINVAL;
	skip_blanks(&c);
	if (read_dec(&c, val))
		return -EINVAL;
	*kb = 0;
	if (c.p == c.end)
		return 0;
	if (accept_str(&c, " kB") && c.p == c.end) {
		*kb = 1;
		return 0;
	}
	return -EINVAL;
}

/* Does [s, s+n) equal the word w? */
static int key_is(const char *s, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(s, w, n) == 0;
}

int meminfo_parse(const char *text, size_t len, struct meminfo *mi, unsigned *errline)
{
	struct line_iter it;
	const char *line, *key;
	size_t linelen, keylen;
	uint64_t v, *dst;
	int kb;

	memset(mi, 0, sizeof(*mi));
	line_iter_init(&it, text, text ? len : 0);
	while (next_content_line(&it, &line, &linelen)) {
		if (meminfo_line(line, linelen, &key, &keylen, &v, &kb))
			goto bad;
		if (key_is(key, keylen, "MemTotal"))
			dst = &mi->mem_total;
		else if (key_is(key, keylen, "MemFree"))
			dst = &mi->mem_free;
		else if (key_is(key, keylen, "MemAvailable"))
			dst = &mi->mem_available;
		else
			continue;
		if (!kb || kb_to_bytes(v, dst))
			goto bad;
		if (dst == &mi->mem_total)
			mi->have_total = 1;
		else if (dst == &mi->mem_available)
			mi->have_available = 1;
	}
	return mi->have_total ? 0 : -ENOENT;
bad:
	if (errline)
		*errline = it.lineno;
	return -EINVAL;
}

/* A load figure as the kernel prints it: "%lu.%02lu". */
static int read_load(struct pcur *c)
{
	uint64_t ignored;

	if (read_dec(c, &ignored) || !accept_str(c, "."))
		return -EINVAL;
	return read_dec(c, &ignored);
}

int loadavg_parse(const char *text, size_t len, uint64_t *running, uint64_t *total)
{
	struct pcur c;
	uint64_t r, t, pid;
	int i;

	if (!text)
		return -EINVAL;
	c.p = text;
	c.end = text + len;
	if (c.end > c.p && c.end[-1] == '\n')
		c.end--;
	for (i = 0; i < 3; i++) {
		if (read_load(&c) || !accept_str(&c, " "))
			return -EINVAL;
	}
	if (read_dec(&c, &r) || !accept_str(&c, "/") || read_dec(&c, &t))
		return -EINVAL;
	if (!accept_str(&c, " ") || read_dec(&c, &pid) || c.p != c.end)
		return -EINVAL;
	if (running)
		*running = r;
	if (total)
		*total = t;
	return 0;
}
