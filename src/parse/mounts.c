/*
 * mounts.c - the fstab(5) grammar of /proc/mounts and /etc/fstab.
 *
 * Bounds: one pass in place; at most MOUNTS_MAX entries (mounts.h); a field
 * is decoded into a copy no longer than itself (\NNN only shrinks).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parse/mounts.h"
#include "util.h"

/* The next blank-separated field of [*p, end), \NNN decoded; NULL when there is none. */
static char *next_field(const char **p, const char *end)
{
	const char *s = *p, *f;
	char *out, *o;

	while (s < end && is_blank((unsigned char)*s))
		s++;
	f = s;
	while (s < end && !is_blank((unsigned char)*s))
		s++;
	*p = s;
	if (s == f)
		return NULL;
	out = o = xmalloc((size_t)(s - f) + 1);
	while (f < s) {
		/* \000 stays as written: a NUL would cut the field short */
		if (*f == '\\' && s - f >= 4 && f[1] >= '0' && f[1] <= '3' && f[2] >= '0' && f[2] <= '7' &&
		    f[3] >= '0' && f[3] <= '7' && memcmp(f + 1, "000", 3)) {
			*o++ = (char)((f[1] - '0') * 64 + (f[2] - '0') * 8 + (f[3] - '0'));
			f += 4;
		} else {
			*o++ = *f++;
		}
	}
	*o = '\0';
	return out;
}

static void entry_free(struct mount_entry *e)
{
	free(e->spec);
	free(e->file);
	free(e->type);
	free(e->opts);
}

/* Parse one line into e: 1 an entry, 0 blank or comment, -1 too few fields. */
static int parse_line(const char *line, size_t n, struct mount_entry *e)
{
	const char *p = line, *end = line + n;

	while (p < end && is_blank((unsigned char)*p))
		p++;
	if (p == end || *p == '#')
		return 0;
	memset(e, 0, sizeof(*e));
	e->spec = next_field(&p, end);
	e->file = next_field(&p, end);
	e->type = next_field(&p, end);
	e->opts = next_field(&p, end);
	/* fstab lets the options default; /proc/mounts always has them */
	if (e->spec && e->file && e->type && !e->opts)
		e->opts = xstrdup("defaults");
	if (!e->spec || !e->file || !e->type || memchr(line, '\0', n)) {
		entry_free(e);
		return -1;
	}
	return 1;
}

int mounts_parse(const char *text, size_t len, struct mount_table *t)
{
	struct line_iter it;
	const char *line;
	size_t n, cap = 0;
	unsigned ln = 0;

	memset(t, 0, sizeof(*t));
	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &line, &n)) {
		struct mount_entry e;
		int r;

		ln++;
		r = parse_line(line, n, &e);
		if (r < 0 && !t->bad_line)
			t->bad_line = ln;
		if (r <= 0)
			continue;
		if (t->n == MOUNTS_MAX) {
			entry_free(&e);
			t->truncated = 1;
			continue;
		}
		if (t->n == cap) {
			cap = cap ? cap * 2 : 32;
			t->v = xrealloc(t->v, cap * sizeof(*t->v));
		}
		e.line = ln;
		t->v[t->n++] = e;
	}
	return t->bad_line ? -EINVAL : 0;
}

void mounts_free(struct mount_table *t)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		entry_free(&t->v[i]);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

int mounts_has_opt(const char *opts, const char *opt)
{
	size_t n = strlen(opt);
	const char *p = opts;

	while (p && *p) {
		size_t k = strcspn(p, ",");

		if (k == n && !strncmp(p, opt, n))
			return 1;
		p += k;
		if (*p == ',')
			p++;
	}
	return 0;
}
