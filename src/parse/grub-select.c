/*
 * grub-select.c - the boot menu model and which entry a default spec selects.
 *
 * Bounds: works on a parsed menu only (see grub2.c, grub-legacy.c for
 * theirs): a default spec is resolved in one pass over the entries, a
 * numeric path of at most INT_MAX per level.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parse/grub-int.h"
#include "util.h"

/* Line (from 1) of the first NUL byte in text, or 0 when there is none. */
unsigned grub_nul_line(const char *text, size_t len)
{
	const char *z, *p;
	unsigned line = 1;

	if (!len)
		return 0;
	z = memchr(text, '\0', len);
	if (!z)
		return 0;
	for (p = text; p < z; p++)
		if (*p == '\n')
			line++;
	return line;
}

/* Append a new zeroed entry to the menu, growing the array by doubling. */
struct grub_entry *grub_menu_add(struct grub_menu *m, size_t *cap)
{
	if (m->n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		m->entries = xrealloc(m->entries, *cap * sizeof(*m->entries));
	}
	memset(&m->entries[m->n], 0, sizeof(m->entries[0]));
	return &m->entries[m->n++];
}

/* A path component "N" as text. */
char *grub_num_str(size_t n)
{
	struct sbuf b;

	sbuf_init(&b);
	sbuf_printf(&b, "%zu", n);
	return b.s;
}

void grub_menu_free(struct grub_menu *m)
{
	size_t i;

	if (!m)
		return;
	for (i = 0; i < m->n; i++) {
		free(m->entries[i].title);
		free(m->entries[i].id);
		free(m->entries[i].kernel);
		free(m->entries[i].args);
		free(m->entries[i].path);
	}
	free(m->entries);
	free(m->default_spec);
	memset(m, 0, sizeof(*m));
}



/*
 * GRUB 2 reads "default" level by level: the part up to the first single
 * '>' ('>>' stands for a literal '>') picks an item of the current menu,
 * the rest is the default inside that submenu. A part that starts (after
 * blanks) with a digit is a number (grub_strtoul base 0: 0x hex, leading
 * 0 octal, trailing text ignored); otherwise it names the first item whose
 * title or id equals it. Naming a submenu with nothing after it boots that
 * submenu's first entry; extra parts after a plain entry are ignored.
 * Where GRUB falls back to the first entry (no match, out of range), this
 * returns -ENOENT so the caller can say so.
 *
 * Specs that name a stored value are the caller's to resolve first:
 * "${saved_entry}" (and a next_entry when has_next_entry_logic) from
 * grubenv beside grub.cfg; GRUB legacy "saved" from /boot/grub/default.
 * GRUB legacy menus (m->legacy) select by decimal title number only.
 */

/* Part k of a '>'-separated string, or -1 when it has fewer parts. */
static int part_at(const char *s, unsigned k, const char **ps, size_t *pl)
{
	const char *start = s;
	unsigned idx = 0;

	for (;;) {
		if (*s == '\0' || (*s == '>' && s[1] != '>')) {
			if (idx == k) {
				*ps = start;
				*pl = (size_t)(s - start);
				return 0;
			}
			if (*s == '\0')
				return -1;
			idx++;
			start = ++s;
		} else {
			s += *s == '>' ? 2 : 1;
		}
	}
}

/* GRUB's number reading: 1 with *out, 0 when not a number, -1 on overflow. */
static int grub_number(const char *s, size_t len, unsigned long long *out)
{
	const char *e = s + len;
	unsigned long long v = 0;
	unsigned base = 10;
	int found = 0;

	while (s < e && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'))
		s++;
	if (s < e && *s == '0' && s + 1 < e && s[1] == 'x') {
		base = 16;
		s += 2;
	} else if (s < e && *s == '0' && s + 1 < e && s[1] >= '0' && s[1] <= '7') {
		base = 8;
	}
	for (; s < e; s++) {
		unsigned d;
		if (*s >= '0' && *s <= '9')
			d = (unsigned)(*s - '0');
		else if (*s >= 'a' && *s <= 'f')
			d = (unsigned)(*s - 'a' + 10);
		else if (*s >= 'A' && *s <= 'F')
			d = (unsigned)(*s - 'A' + 10);
		else
			break;
		if (d >= base)
			break;
		if (v > (~0ULL - d) / base)
			return -1;
		v = v * base + d;
		found = 1;
	}
	*out = v;
	return found;
}

/* The number in part `level` of entry e's path. */
static unsigned long long path_num(const struct grub_entry *e, unsigned level)
{
	const char *ps;
	size_t pl, i;
	unsigned long long v = 0;

	if (part_at(e->path, level, &ps, &pl) < 0)
		return ~0ULL;
	for (i = 0; i < pl; i++)
		v = v * 10 + (unsigned long long)(ps[i] - '0');
	return v;
}

/* Does part `level` of s (may be NULL) equal [c, c+cl), both in escaped form? */
static int part_eq(const char *s, unsigned level, const char *c, size_t cl)
{
	const char *ps;
	size_t pl;

	if (!s || part_at(s, level, &ps, &pl) < 0)
		return 0;
	return pl == cl && memcmp(ps, c, cl) == 0;
}

/* GRUB legacy: a decimal title number. */
static int legacy_select(const struct grub_menu *m, const char *spec)
{
	unsigned long v = 0;
	const char *s;

	if (!*spec)
		return -ENOENT;
	for (s = spec; *s; s++) {
		if (*s < '0' || *s > '9')
			return -ENOENT;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v >= m->n)
			return -ENOENT;
	}
	return (int)v;
}

int grub_menu_select(const struct grub_menu *m, const char *spec)
{
	size_t lo = 0, hi, i;
	unsigned level = 0;

	if (!m || !spec || m->n > INT_MAX)
		return -ENOENT;
	if (m->legacy)
		return legacy_select(m, spec);
	hi = m->n;
	for (;;) {
		const char *c;
		size_t cl;
		unsigned long long num = 0, item;
		int isnum;
		long found = -1;

		if (part_at(spec, level, &c, &cl) < 0)
			return (int)lo;	/* a submenu named without an entry in it */
		isnum = grub_number(c, cl, &num);
		if (isnum < 0)
			return -ENOENT;
		for (i = lo; i < hi && found < 0; i++) {
			const struct grub_entry *e = &m->entries[i];
			if (isnum ? path_num(e, level) == num :
			    part_eq(e->title, level, c, cl) || (cl && part_eq(e->id, level, c, cl)))
				found = (long)i;
		}
		if (found < 0)
			return -ENOENT;
		item = path_num(&m->entries[found], level);
		lo = (size_t)found;
		for (i = lo + 1; i < hi && path_num(&m->entries[i], level) == item; i++)
			;
		hi = i;
		{
			const char *ps;
			size_t pl;
			if (part_at(m->entries[lo].path, level + 1, &ps, &pl) < 0)
				return (int)lo;	/* a plain entry */
		}
		level++;
	}
}

