/*
 * mkdver.c - makedumpfile's version read from its binary, and the kernels it supports.
 *
 * Bounds: the binary is scanned in CHUNK reads, at most SCAN_MAX bytes of
 * it, a version token at most TOKEN_MAX bytes: memory is constant.
 */
/*
 * makedumpfile prints its banner from one string literal,
 * "makedumpfile: version " VERSION " (released on " DATE ")", so the whole
 * banner sits in .rodata of the binary, e.g. (Debian 12)
 *
 *   makedumpfile: version 1.7.2 (released on 20 Oct 2022)
 *
 * Red Hat builds makedumpfile from the upstream tarball inside kexec-tools
 * and keeps the upstream VERSION: CentOS 7.9 says "version 1.6.2 (released on
 * 27 Jul 2017)" although its package carries many later fixes; there is no
 * "-rhel" suffix. We still accept a suffix after X.Y[.Z] ("1.7.2-rc1") and
 * judge by the numbers.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse/mkdver.h"
#include "util.h"

#define NEEDLE "makedumpfile: version "
#define NEEDLE_LEN (sizeof(NEEDLE) - 1)
#define TOKEN_MAX 31			/* longest version token we accept */
#define CHUNK (64u << 10)
#define SCAN_MAX ((off_t)64 << 20)	/* a real binary is well under 2 MiB */
#define KEEP (NEEDLE_LEN + TOKEN_MAX + 1)

/*
 * The newest kernel each makedumpfile release supports (makedumpfile.h
 * LATEST_VERSION, the "Support for kernels up to" line of each release).
 * Checked against upstream text: 1.5.0 (3.4.8), 1.5.7 (3.16.1), 1.6.1 (4.8),
 * 1.6.3 (4.14.8), 1.6.5 (4.19.4), 1.6.8 (5.9.4), 1.7.4 (6.6), 1.7.5 (6.8),
 * 1.7.7 (6.14). The other rows follow the release announcements and should
 * be re-checked against makedumpfile.h when the table is next extended.
 * Only major.minor is compared (all three numbers for 2.6.x kernels):
 * makedumpfile's own check also looks at the patch level, but stable
 * updates do not change what it reads.
 */
static const struct {
	unsigned v[3];		/* makedumpfile X.Y.Z */
	unsigned k[3];		/* newest kernel; patch level only for 2.6.x */
} releases[] = {
	{ { 1, 3, 5 }, { 2, 6, 31 } },
	{ { 1, 5, 0 }, { 3, 4 } },
	{ { 1, 5, 1 }, { 3, 6 } },
	{ { 1, 5, 2 }, { 3, 7 } },
	{ { 1, 5, 3 }, { 3, 8 } },
	{ { 1, 5, 4 }, { 3, 9 } },
	{ { 1, 5, 5 }, { 3, 12 } },
	{ { 1, 5, 6 }, { 3, 14 } },
	{ { 1, 5, 7 }, { 3, 16 } },
	{ { 1, 5, 8 }, { 3, 19 } },
	{ { 1, 5, 9 }, { 4, 1 } },
	{ { 1, 6, 0 }, { 4, 5 } },
	{ { 1, 6, 1 }, { 4, 8 } },
	{ { 1, 6, 2 }, { 4, 11 } },
	{ { 1, 6, 3 }, { 4, 14 } },
	{ { 1, 6, 4 }, { 4, 17 } },
	{ { 1, 6, 5 }, { 4, 19 } },
	{ { 1, 6, 6 }, { 5, 1 } },
	{ { 1, 6, 7 }, { 5, 4 } },
	{ { 1, 6, 8 }, { 5, 9 } },
	{ { 1, 6, 9 }, { 5, 12 } },
	{ { 1, 7, 0 }, { 5, 14 } },
	{ { 1, 7, 1 }, { 5, 17 } },
	{ { 1, 7, 2 }, { 5, 19 } },
	{ { 1, 7, 3 }, { 6, 2 } },
	{ { 1, 7, 4 }, { 6, 6 } },
	{ { 1, 7, 5 }, { 6, 8 } },
	{ { 1, 7, 6 }, { 6, 10 } },
	{ { 1, 7, 7 }, { 6, 14 } },
};

/*
 * Distribution pairs: a distribution ships one makedumpfile per release and
 * patches it for that release's one kernel line, whose version stays fixed
 * (RHEL 6 is always 2.6.32, RHEL 7 always 3.10). A kernel of that line with
 * a makedumpfile at least as new as the first one shipped is supported even
 * when upstream's table stops earlier (CentOS 7.0: 1.5.4 and 3.10).
 */
static const struct {
	const char *tag;	/* ".el7" in the release, or "debian" */
	unsigned k[3];		/* the kernel line */
	unsigned v[3];		/* first makedumpfile shipped with it */
	const char *who;
} vendor[] = {
	{ ".el6", { 2, 6, 32 }, { 1, 3, 5 }, "RHEL 6" },
	{ ".el7", { 3, 10, 0 }, { 1, 5, 4 }, "RHEL 7" },
	{ ".el8", { 4, 18, 0 }, { 1, 6, 4 }, "RHEL 8" },
	{ ".el9", { 5, 14, 0 }, { 1, 7, 0 }, "RHEL 9" },
	{ "debian", { 5, 10, 0 }, { 1, 6, 8 }, "Debian 11" },
	{ "debian", { 6, 1, 0 }, { 1, 7, 2 }, "Debian 12" },
};

/* Whether c may appear in a version token after its first digit. */
static int token_char(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '.' || c == '-' || c == '+' || c == '~' || c == '_';
}

/*
 * The version token after a needle at p (n bytes available, eof when no
 * more follow). 1 found, 0 not a version, -1 need more bytes, -ERANGE when
 * ver is too small for it.
 */
static int take_token(const char *p, size_t n, int eof, char *ver, size_t verlen)
{
	size_t i = 0;

	while (i < n && i <= TOKEN_MAX && token_char((unsigned char)p[i]))
		i++;
	if (i == n && !eof && i <= TOKEN_MAX)
		return -1;
	if (i == 0 || i > TOKEN_MAX || p[0] < '0' || p[0] > '9' || !memchr(p, '.', i))
		return 0;
	if (i < n && p[i] != ' ' && p[i] != '\0' && p[i] != '\n' && p[i] != '(')
		return 0;
	if (verlen <= i)
		return -ERANGE;
	memcpy(ver, p, i);
	ver[i] = '\0';
	return 1;
}

int mkd_version_from_fd(int fd, char *ver, size_t verlen)
{
	char *buf;
	size_t have = 0;
	off_t off = 0;
	int ret = -ENOENT;

	if (fd < 0)
		return -EBADF;
	if (!ver || verlen < 2)
		return -EINVAL;
	buf = xmalloc(CHUNK + KEEP + 1);
	for (;;) {
		size_t want = CHUNK, pos = 0, limit;
		ssize_t r;
		int eof;
		char *m;

		if (off >= SCAN_MAX)
			break;
		if ((off_t)want > SCAN_MAX - off)
			want = (size_t)(SCAN_MAX - off);
		r = pread_full(fd, buf + have, want, off);
		if (r < 0) {
			ret = (int)r;
			break;
		}
		off += r;
		have += (size_t)r;
		buf[have] = '\0';
		eof = (size_t)r < want || off >= SCAN_MAX;
		/* Needles starting in the last KEEP bytes wait for the next chunk. */
		limit = eof ? have : (have > KEEP ? have - KEEP : 0);
		while (pos < limit && (m = memmem(buf + pos, have - pos, NEEDLE, NEEDLE_LEN)) != NULL) {
			size_t at = (size_t)(m - buf);
			int t;

			if (at >= limit)
				break;
			t = take_token(m + NEEDLE_LEN, have - at - NEEDLE_LEN, eof, ver, verlen);
			if (t == 1 || t == -ERANGE) {
				ret = t == 1 ? 0 : t;
				goto done;
			}
			pos = at + 1;
		}
		if (eof)
			break;
		memmove(buf, buf + limit, have - limit);
		have -= limit;
	}
done:
	free(buf);
	return ret;
}

/* Parse "X.Y[.Z]" at s; *end after it. 0 or -EINVAL. */
static int parse_xyz(const char *s, unsigned v[3], const char **end)
{
	int i;

	v[0] = v[1] = v[2] = 0;
	for (i = 0; i < 3; i++) {
		unsigned long x;
		char *e;

		if (*s < '0' || *s > '9')
			return i >= 2 ? 0 : -EINVAL;
		errno = 0;
		x = strtoul(s, &e, 10);
		if (errno || x > 100000)
			return -EINVAL;
		v[i] = (unsigned)x;
		s = e;
		if (end)
			*end = s;
		if (i < 2 && *s != '.')
			return i >= 1 ? 0 : -EINVAL;
		if (i < 2)
			s++;
	}
	return 0;
}

/* Compare two X.Y.Z triples. */
static int cmp3(const unsigned a[3], const unsigned b[3])
{
	int i;

	for (i = 0; i < 3; i++)
		if (a[i] != b[i])
			return a[i] < b[i] ? -1 : 1;
	return 0;
}

/* Whether kernel k is not newer than latest (major.minor, or all of 2.6.x). */
static int kernel_within(const unsigned k[3], const unsigned latest[3])
{
	if (k[0] == 2 && latest[0] == 2)
		return cmp3(k, latest) <= 0;
	return k[0] < latest[0] || (k[0] == latest[0] && k[1] <= latest[1]);
}

/* Whether a release looks like Debian's "6.1.0-28-amd64" (X.Y.Z-ABI-flavour). */
static int debian_release(const char *rest)
{
	const char *p = rest;

	if (*p++ != '-' || *p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	if (*p++ != '-' || !*p)
		return 0;
	for (; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}

/* Whether rel carries the distribution tag. */
static int has_tag(const char *rel, const char *rest, const char *tag)
{
	const char *p;
	size_t n = strlen(tag);

	if (!strcmp(tag, "debian"))
		return debian_release(rest);
	for (p = strstr(rel, tag); p; p = strstr(p + 1, tag))
		if (p[n] == '.' || p[n] == '_' || p[n] == '\0')
			return 1;
	return 0;
}

int mkd_supports(const char *ver, const char *rel, char *why, size_t whylen)
{
	unsigned v[3], k[3];
	const char *rest = NULL;
	size_t i, row = ARRAY_SIZE(releases);
	char latest[32];

	if (why && whylen)
		why[0] = '\0';
	if (!ver || parse_xyz(ver, v, NULL) < 0) {
		if (why)
			xsnprintf(why, whylen, "makedumpfile version \"%s\" is not a version", ver ? ver : "");
		return -EINVAL;
	}
	if (!rel || parse_xyz(rel, k, &rest) < 0) {
		if (why)
			xsnprintf(why, whylen, "kernel release \"%s\" is not a version", rel ? rel : "");
		return -EINVAL;
	}
	for (i = 0; i < ARRAY_SIZE(releases); i++)
		if (!cmp3(releases[i].v, v))
			row = i;
	if (row == ARRAY_SIZE(releases)) {
		if (why)
			xsnprintf(why, whylen, "makedumpfile %u.%u.%u is not in the table of known releases "
				  "(1.3.5, 1.5.0 to 1.7.7)", v[0], v[1], v[2]);
		return -ENOENT;
	}
	if (releases[row].k[0] == 2)
		snprintf(latest, sizeof(latest), "%u.%u.%u", releases[row].k[0], releases[row].k[1],
			 releases[row].k[2]);
	else
		snprintf(latest, sizeof(latest), "%u.%u", releases[row].k[0], releases[row].k[1]);
	if (kernel_within(k, releases[row].k)) {
		if (why)
			xsnprintf(why, whylen, "makedumpfile %u.%u.%u supports kernels up to %s",
				  v[0], v[1], v[2], latest);
		return 1;
	}
	for (i = 0; i < ARRAY_SIZE(vendor); i++) {
		if (k[0] != vendor[i].k[0] || k[1] != vendor[i].k[1] ||
		    (vendor[i].k[2] && k[2] != vendor[i].k[2]) ||
		    cmp3(v, vendor[i].v) < 0 || !has_tag(rel, rest, vendor[i].tag))
			continue;
		if (why)
			xsnprintf(why, whylen, "makedumpfile %u.%u.%u supports kernels up to %s upstream; "
				  "%s ships it for its %u.%u.%u kernels", v[0], v[1], v[2], latest,
				  vendor[i].who, vendor[i].k[0], vendor[i].k[1], vendor[i].k[2]);
		return 1;
	}
	if (why)
		xsnprintf(why, whylen, "makedumpfile %u.%u.%u supports kernels up to %s, not %u.%u.%u",
			  v[0], v[1], v[2], latest, k[0], k[1], k[2]);
	return 0;
}
