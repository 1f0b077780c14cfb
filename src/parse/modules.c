/*
 * modules.c - /proc/modules lines, the kernel taint mask, a module's
 * .modinfo strings and modules.dep lines. Pure parsers on buffers; the
 * files themselves are read by read/modules.c.
 *
 * /proc/modules, one module a line:
 *   name size refcount deps state address [(flags)]
 *   e.g. "nvidia 35237888 0 - Live 0xffffffffc0a00000 (POE)"
 * .modinfo: NUL-separated "key=value" strings ("license=GPL", "intree=Y").
 * modules.dep: "path: dep dep ...", paths relative to /lib/modules/RELEASE
 * or absolute.
 *
 * Bounds: the text is read in place, one pass; a module name is at most 63
 * bytes (longer: -EINVAL); memory is linear in the number of lines.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/modules.h"
#include "util.h"

/*
 * The kernel's taint bits (include/linux/panic.h TAINT_*, kernel/panic.c
 * taint_flags[]). Bits 0-19 are upstream (19 'J' since 6.15); 28 and 29
 * are Red Hat's own (RHEL 7 and later), which upstream leaves unused.
 */
static const struct {
	unsigned bit;
	char letter;
	const char *desc;
} taints[] = {
	{ 0, 'P', "proprietary module" },
	{ 1, 'F', "module force-loaded" },
	{ 2, 'S', "CPU out of specification" },
	{ 3, 'R', "module force-unloaded" },
	{ 4, 'M', "machine check" },
	{ 5, 'B', "bad page" },
	{ 6, 'U', "taint requested by user" },
	{ 7, 'D', "kernel died (oops or BUG)" },
	{ 8, 'A', "ACPI table overridden" },
	{ 9, 'W', "kernel warning" },
	{ 10, 'C', "staging driver" },
	{ 11, 'I', "firmware bug workaround" },
	{ 12, 'O', "out-of-tree module" },
	{ 13, 'E', "unsigned module" },
	{ 14, 'L', "soft lockup" },
	{ 15, 'K', "live patched" },
	{ 16, 'X', "auxiliary (distribution-defined)" },
	{ 17, 'T', "built with struct randomization" },
	{ 18, 'N', "in-kernel test" },
	{ 19, 'J', "fwctl debug interface used" },
	{ 28, 'H', "unsupported hardware (Red Hat)" },
	{ 29, 'T', "technology preview (Red Hat)" },
};

/* Append s to a bounded string buffer (cut silently, always terminated). */
static void append(char *buf, size_t cap, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (cap == 0 || *len >= cap - 1)
		return;
	if (n > cap - 1 - *len)
		n = cap - 1 - *len;
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

void taint_decode(uint64_t mask, char *letters, size_t letterslen, char *desc, size_t desclen)
{
	size_t ll = 0, dl = 0, i;
	unsigned bit;

	if (letters && letterslen)
		letters[0] = '\0';
	if (desc && desclen)
		desc[0] = '\0';
	for (bit = 0; bit < 64; bit++) {
		const char *d = NULL;
		char one[2] = { 0, 0 }, unknown[16];

		if (!(mask & ((uint64_t)1 << bit)))
			continue;
		for (i = 0; i < ARRAY_SIZE(taints); i++)
			if (taints[i].bit == bit) {
				one[0] = taints[i].letter;
				d = taints[i].desc;
			}
		if (!d) {
			snprintf(unknown, sizeof(unknown), "bit %u", bit);
			d = unknown;
		}
		if (letters && one[0])
			append(letters, letterslen, &ll, one);
		if (desc) {
			if (dl)
				append(desc, desclen, &dl, ", ");
			append(desc, desclen, &dl, d);
		}
	}
}

/* Split the next blank-separated field of [*p, end); 0 at the end of the line. */
static int next_field(const char **p, const char *end, const char **f, size_t *flen)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s >= end)
		return 0;
	*f = s;
	while (s < end && *s != ' ' && *s != '\t')
		s++;
	*flen = (size_t)(s - *f);
	*p = s;
	return 1;
}

/* Whether n bytes at s are all in the given set of characters. */
static int all_in(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!s[i] || !strchr(set, s[i]))
			return 0;
	return 1;
}

/* Check field f against what /proc/modules can hold at position idx. */
static int field_ok(unsigned idx, const char *f, size_t n)
{
	static const char digits[] = "0123456789";

	switch (idx) {
	case 0:		/* name */
		return n < sizeof(((struct module_info *)0)->name) &&
		       all_in(f, n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
	case 1:		/* size in bytes */
		return n <= 20 && all_in(f, n, digits);
	case 2:		/* reference count, "-" without CONFIG_MODULE_UNLOAD */
		if (n == 1 && f[0] == '-')
			return 1;
		if (f[0] == '-')
			f++, n--;
		return n >= 1 && n <= 11 && all_in(f, n, digits);
	case 3:		/* users: "-" or "a,b,[permanent]," */
		return (n == 1 && f[0] == '-') ||
		       all_in(f, n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-,[]");
	case 4:		/* state */
		return (n == 4 && !memcmp(f, "Live", 4)) || (n == 7 && !memcmp(f, "Loading", 7)) ||
		       (n == 9 && !memcmp(f, "Unloading", 9)) || (n == 1 && f[0] == '-');
	case 5:		/* load address, zero for unprivileged readers */
		return n > 2 && n <= 18 && f[0] == '0' && f[1] == 'x' &&
		       all_in(f + 2, n - 2, "0123456789abcdefABCDEF");
	case 6:		/* "(POE)", "(O+)", "(-)" */
		return n >= 2 && n - 2 < sizeof(((struct module_info *)0)->taint) + 2 &&
		       f[0] == '(' && f[n - 1] == ')' &&
		       all_in(f + 1, n - 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ+-");
	}
	return 0;
}

/* Parse one /proc/modules line into m. 0 or -EINVAL. */
static int parse_line(const char *line, size_t len, struct module_info *m)
{
	const char *p = line, *end = line + len, *f;
	size_t n, i, t = 0;
	unsigned idx = 0;

	memset(m, 0, sizeof(*m));
	m->intree = -1;
	while (next_field(&p, end, &f, &n)) {
		if (idx > 6 || !field_ok(idx, f, n))
			return -EINVAL;
		if (idx == 0) {
			memcpy(m->name, f, n);
			m->name[n] = '\0';
		} else if (idx == 6) {
			for (i = 1; i + 1 < n; i++)
				if (f[i] != '+' && f[i] != '-' && t + 1 < sizeof(m->taint))
					m->taint[t++] = f[i];
			m->taint[t] = '\0';
		}
		idx++;
	}
	return idx >= 6 ? 0 : -EINVAL;
}

/* Whether a line holds only blanks (and a CR). */
static int blank_line(const char *s, size_t n)
{
	return all_in(s, n, " \t\r");
}

int modules_parse(const char *text, size_t len, struct module_info **mods, size_t *n, unsigned *errline)
{
	struct line_iter it;
	const char *line;
	size_t ll, cap = 0, cnt = 0;
	struct module_info *v = NULL;

	*mods = NULL;
	*n = 0;
	if (errline)
		*errline = 0;
	if (!text)
		len = 0;
	line_iter_init(&it, text ? text : "", len);
	while (line_iter_next(&it, &line, &ll)) {
		if (ll && line[ll - 1] == '\r')
			ll--;
		if (blank_line(line, ll))
			continue;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof(*v));
		}
		if (parse_line(line, ll, &v[cnt]) < 0) {
			free(v);
			if (errline)
				*errline = it.lineno;
			return -EINVAL;
		}
		cnt++;
	}
	*mods = v;
	*n = cnt;
	return 0;
}

/* Whether the release is older than 3.2, before modules carried "intree=Y". */
int modules_release_before_intree(const char *release)
{
	unsigned long maj, min;
	char *end;

	maj = strtoul(release, &end, 10);
	if (end == release || *end != '.')
		return 0;
	min = strtoul(end + 1, &end, 10);
	return maj < 3 || (maj == 3 && min < 2);
}


/* Take license and intree from the NUL-separated "key=value" strings of .modinfo. */
void modinfo_apply(const char *p, size_t len, struct module_info *m, int old_kernel)
{
	const char *end = p + len;
	int license = 0, intree = 0;

	while (p < end) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		size_t n = z ? (size_t)(z - p) : (size_t)(end - p);

		if (!license && n > 8 && !memcmp(p, "license=", 8)) {
			size_t vl = n - 8;

			if (vl >= sizeof(m->license))
				vl = sizeof(m->license) - 1;
			memcpy(m->license, p + 8, vl);
			m->license[vl] = '\0';
			license = 1;
		} else if (n == 8 && !memcmp(p, "intree=Y", 8)) {
			intree = 1;
		}
		p += n + 1;
	}
	m->intree = intree ? 1 : old_kernel ? -1 : 0;
}


/* Module names compare with '-' and '_' as the same character, as the kernel does. */
static int modname_eq(const char *a, size_t alen, const char *b)
{
	size_t i;

	for (i = 0; i < alen; i++, b++) {
		char x = a[i] == '-' ? '_' : a[i], y = *b == '-' ? '_' : *b;

		if (!*b || x != y)
			return 0;
	}
	return *b == '\0';
}

/* The module name of a file path: basename without ".ko" and compression suffix. */
static int name_of_path(const char *path, size_t len, const char **name, size_t *namelen)
{
	const char *b = path + len;
	size_t n;

	while (b > path && b[-1] != '/')
		b--;
	n = (size_t)(path + len - b);
	if (n > 3 && !memcmp(b + n - 3, ".xz", 3))
		n -= 3;
	else if (n > 3 && !memcmp(b + n - 3, ".gz", 3))
		n -= 3;
	else if (n > 4 && !memcmp(b + n - 4, ".zst", 4))
		n -= 4;
	if (n <= 3 || memcmp(b + n - 3, ".ko", 3) != 0)
		return -EINVAL;
	*name = b;
	*namelen = n - 3;
	return 0;
}

/* Find a module's file in modules.dep ("path: dep dep ..."); 0 or -ENOENT. */
int modules_dep_lookup(const char *dep, size_t len, const char *moddir, const char *name,
		       char *path, size_t pathlen)
{
	struct line_iter it;
	const char *line;
	size_t ll;

	line_iter_init(&it, dep, len);
	while (line_iter_next(&it, &line, &ll)) {
		const char *colon = memchr(line, ':', ll), *mn;
		size_t pl, mnl;

		if (!colon || colon == line || memchr(line, '\0', (size_t)(colon - line)))
			continue;
		pl = (size_t)(colon - line);
		if (name_of_path(line, pl, &mn, &mnl) < 0 || !modname_eq(mn, mnl, name))
			continue;
		if (line[0] == '/')
			return xsnprintf(path, pathlen, "%.*s", (int)pl, line) < 0 ? -ENAMETOOLONG : 0;
		return xsnprintf(path, pathlen, "%s/%.*s", moddir, (int)pl, line) < 0 ? -ENAMETOOLONG : 0;
	}
	return -ENOENT;
}
