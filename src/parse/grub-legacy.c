/*
 * grub-legacy.c - GRUB legacy (0.97) grub.conf / menu.lst, as on EL6.
 *
 * grub.conf as anaconda and grubby write it on EL6:
 *
 *   default=0
 *   timeout=5
 *   hiddenmenu
 *   title CentOS (2.6.32-754.35.1.el6.x86_64)
 *           root (hd0,0)
 *           kernel /vmlinuz-2.6.32-754.35.1.el6.x86_64 ro root=... crashkernel=auto
 *           initrd /initramfs-2.6.32-754.35.1.el6.x86_64.img
 *
 * A command is separated from its argument by blanks or '=' (or both).
 * Lines before the first title are global; every line after a title
 * belongs to that entry. GRUB runs an entry's commands in order, so the
 * last kernel line of an entry is the one that boots.
 *
 * Bounds: the text is what the root layer reads (ROOT_READ_MAX), scanned
 * once in place; each entry keeps copies of its title and kernel line, so
 * memory is linear in the text; numbers past INT_MAX are malformed.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parse/grub-int.h"
#include "util.h"

/* Is [s, e) a plausible command name? */
static int legacy_keyword_ok(const char *s, const char *e)
{
	if (s == e)
		return 0;
	for (; s < e; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') ||
		      (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* Is [s, e) exactly kw? */
static int kw_is(const char *s, const char *e, const char *kw)
{
	size_t n = strlen(kw);
	return (size_t)(e - s) == n && memcmp(s, kw, n) == 0;
}

/* "default=" takes a decimal entry number or "saved". */
static int legacy_default_ok(const char *s, const char *e)
{
	unsigned long v = 0;

	if (kw_is(s, e, "saved"))
		return 1;
	if (s == e)
		return 0;
	for (; s < e; s++) {
		if (*s < '0' || *s > '9')
			return 0;
		v = v * 10 + (unsigned long)(*s - '0');
		if (v > INT_MAX)
			return 0;
	}
	return 1;
}

/* Record a kernel line "[--opt...] IMAGE ARGS" on entry en; -EINVAL without an image. */
static int legacy_kernel(struct grub_entry *en, const char *s, const char *e, unsigned line)
{
	const char *img, *img_end;

	for (;;) {
		while (s < e && grub_blank(*s))
			s++;
		if (e - s >= 2 && s[0] == '-' && s[1] == '-') {
			while (s < e && !grub_blank(*s))
				s++;
			continue;
		}
		break;
	}
	img = s;
	while (s < e && !grub_blank(*s))
		s++;
	img_end = s;
	if (img == img_end)
		return -EINVAL;
	while (s < e && grub_blank(*s))
		s++;
	free(en->kernel);
	free(en->args);
	en->kernel = xstrndup(img, (size_t)(img_end - img));
	en->args = xstrndup(s, (size_t)(e - s));
	en->line = line;
	return 0;
}

int grub_legacy_parse(const char *text, size_t len, struct grub_menu *m, unsigned *errline)
{
	struct line_iter it;
	struct grub_entry *cur = NULL;
	const char *line;
	size_t linelen, cap = 0;
	unsigned bad, dummy;

	if (!errline)
		errline = &dummy;
	*errline = 0;
	memset(m, 0, sizeof(*m));
	m->legacy = 1;
	if (!text)
		return 0;
	bad = grub_nul_line(text, len);
	if (bad) {
		*errline = bad;
		goto fail;
	}
	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &line, &linelen)) {
		const char *s = line, *e = line + linelen, *k, *v;

		while (s < e && grub_blank(*s))
			s++;
		while (e > s && grub_blank(e[-1]))
			e--;
		if (s == e || *s == '#')
			continue;
		k = s;
		while (k < e && !grub_blank(*k) && *k != '=')
			k++;
		v = k;
		while (v < e && (grub_blank(*v) || *v == '='))
			v++;
		*errline = it.lineno;
		if (!legacy_keyword_ok(s, k))
			goto fail;
		if (kw_is(s, k, "title")) {
			cur = grub_menu_add(m, &cap);
			cur->title = xstrndup(v, (size_t)(e - v));
			cur->path = grub_num_str(m->n - 1);
			cur->line = it.lineno;
		} else if (kw_is(s, k, "default") && !cur) {
			if (!legacy_default_ok(v, e))
				goto fail;
			free(m->default_spec);
			m->default_spec = xstrndup(v, (size_t)(e - v));
			m->default_line = it.lineno;
		} else if (kw_is(s, k, "kernel")) {
			if (!cur || legacy_kernel(cur, v, e, it.lineno) < 0)
				goto fail;
		} else if (kw_is(s, k, "initrd") && !cur) {
			goto fail;
		}
	}
	*errline = 0;
	return 0;
fail:
	grub_menu_free(m);
	return -EINVAL;
}

