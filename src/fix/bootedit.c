/* bootedit.c - crashkernel= on every kernel line of a GRUB 2 or GRUB legacy menu, every other byte kept. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fix/bootedit.h"
#include "fix/cmdedit.h"
#include "util.h"

/* A blank between a menu command's words. */
static int menu_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* The word at *p (before end): its start in *w and length; *p past it and the blanks after it. */
static size_t next_word(const char **p, const char *end, const char **w)
{
	const char *s = *p;
	size_t n;

	while (s < end && menu_blank(*s))
		s++;
	*w = s;
	while (s < end && !menu_blank(*s))
		s++;
	n = (size_t)(s - *w);
	*p = s;
	return n;
}

/* Is the command word [w, w+n) a kernel line's command of this menu? */
static int kernel_command(enum bootedit_menu menu, const char *w, size_t n)
{
	static const char *const grub2[] = { "linux", "linux16", "linuxefi" };
	size_t i;

	if (menu == BOOTEDIT_LEGACY)
		return n == 6 && !memcmp(w, "kernel", 6);
	for (i = 0; i < ARRAY_SIZE(grub2); i++)
		if (n == strlen(grub2[i]) && !memcmp(w, grub2[i], n))
			return 1;
	return 0;
}

/*
 * One line: copied, or a kernel line (*kernel set) with crashkernel=value in
 * its arguments. 1 changed, 0 not, -errno with why.
 */
static int edit_line(enum bootedit_menu menu, const char *line, size_t n, unsigned lineno, const char *value,
		     struct sbuf *out, int *kernel, char *why, size_t whylen)
{
	const char *p = line, *end = line + n, *w;
	size_t wn;
	int r;

	*kernel = 0;
	wn = next_word(&p, end, &w);
	if (!wn || *w == '#' || !kernel_command(menu, w, wn)) {
		sbuf_add(out, line, n);
		return 0;
	}
	*kernel = 1;
	/* the image: GRUB legacy's "--type=netbsd" and the like come before it */
	do
		wn = next_word(&p, end, &w);
	while (menu == BOOTEDIT_LEGACY && wn > 2 && !memcmp(w, "--", 2));
	if (!wn) {
		snprintf(why, whylen, "line %u: a kernel line without a kernel image", lineno);
		return -EINVAL;
	}
	sbuf_add(out, line, (size_t)(p - line));
	/* nothing after the image: the parameter needs a blank before it */
	if (p == end && !menu_blank(p[-1]))
		sbuf_add(out, " ", 1);
	r = cmdedit_set(p, (size_t)(end - p), "crashkernel", value, ",low", out);
	if (r < 0)
		snprintf(why, whylen, "line %u: %s", lineno, r == -E2BIG ? "the line is too long" :
			 "its arguments cannot be edited (a double quote left open, or a bad value)");
	return r;
}

/* Drop what was added to out past start. */
static void undo(struct sbuf *out, size_t start)
{
	out->len = start;
	if (out->s)
		out->s[start] = '\0';
}

int bootedit_crashkernel(enum bootedit_menu menu, const char *text, size_t len, const char *value, struct sbuf *out,
			 char *why, size_t whylen)
{
	struct line_iter it;
	const char *line;
	size_t n, start = out->len;
	unsigned kernels = 0;
	int changed = 0, r, kernel;

	why[0] = '\0';
	if (len > BOOTEDIT_MAX) {
		snprintf(why, whylen, "longer than %u bytes", BOOTEDIT_MAX);
		return -E2BIG;
	}
	if (text && memchr(text, '\0', len)) {
		snprintf(why, whylen, "a NUL byte: not a menu file");
		return -EINVAL;
	}
	if (!text)
		text = "", len = 0;
	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &line, &n)) {
		r = edit_line(menu, line, n, it.lineno, value, out, &kernel, why, whylen);
		if (r < 0) {
			undo(out, start);
			return r;
		}
		kernels += (unsigned)kernel;
		changed += r;
		if ((size_t)(line + n - text) < len)
			sbuf_add(out, "\n", 1);
	}
	if (!kernels) {
		undo(out, start);
		snprintf(why, whylen, "no %s line: not a menu this can edit", menu == BOOTEDIT_LEGACY ? "kernel" :
			 "linux, linux16 or linuxefi");
		return -EINVAL;
	}
	return changed;
}
