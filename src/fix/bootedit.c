/* bootedit.c - crashkernel= on every kernel line of a GRUB 2 or GRUB legacy menu, every other byte kept. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "fix/bootedit.h"
#include "fix/cmdedit.h"
#include "parse/crashkernel.h"
#include "parse/shvars.h"
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

/*
 * Can value go into every file this edits as it is? The characters of
 * crashkernel's grammar only (sizes, ranges, "@offset", ",high", "auto"):
 * nothing a shell or GRUB's parser would read as quoting or expansion.
 */
static int crashkernel_chars(const char *value)
{
	const char *p;

	if (!*value)
		return 0;
	for (p = value; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || strchr("-:,@", *p)))
			return 0;
	return 1;
}

/* The value and the text both editors take: 0, or -EINVAL/-E2BIG with why (what is "a menu file"...). */
static int check_input(const char *text, size_t len, const char *value, const char *what, char *why, size_t whylen)
{
	if (!crashkernel_chars(value)) {
		snprintf(why, whylen, "crashkernel=%.64s is not a value to write", value);
		return -EINVAL;
	}
	if (len > BOOTEDIT_MAX) {
		snprintf(why, whylen, "longer than %u bytes", BOOTEDIT_MAX);
		return -E2BIG;
	}
	if (text && memchr(text, '\0', len)) {
		snprintf(why, whylen, "a NUL byte: not %s", what);
		return -EINVAL;
	}
	return 0;
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
	r = check_input(text, len, value, "a menu file", why, whylen);
	if (r)
		return r;
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

/* Does the line assign var ("VAR=", "export VAR=")? The value's start in *val. */
static int assigns(const char *line, size_t n, const char *var, const char **val)
{
	const char *p = line, *end = line + n;
	size_t vl = strlen(var);

	while (p < end && menu_blank(*p))
		p++;
	if ((size_t)(end - p) > 7 && !memcmp(p, "export", 6) && menu_blank(p[6]))
		for (p += 6; p < end && menu_blank(*p); p++)
			;
	if ((size_t)(end - p) <= vl || memcmp(p, var, vl) || p[vl] != '=')
		return 0;
	*val = p + vl + 1;
	return 1;
}

/* Is every '$' of [s, s+n) in a whole word "$VAR" or "${VAR}"? */
static int only_self(const char *s, size_t n, const char *var)
{
	const char *p = s, *end = s + n, *w;
	size_t vl = strlen(var), wn;

	while ((wn = next_word(&p, end, &w)) != 0) {
		if (!memchr(w, '$', wn))
			continue;
		if (!((wn == vl + 1 && w[0] == '$' && !memcmp(w + 1, var, vl)) ||
		      (wn == vl + 3 && !memcmp(w, "${", 2) && !memcmp(w + 2, var, vl) && w[wn - 1] == '}')))
			return 0;
	}
	return 1;
}

/* Only blanks or a comment in [p, end)? */
static int rest_empty(const char *p, const char *end)
{
	while (p < end && menu_blank(*p))
		p++;
	return p == end || *p == '#';
}

/*
 * The edited assignment line (value at v) into out; 1, 0, or -EINVAL with why.
 * The value is "...", '...' or a bare word; its content is edited by cmdedit.
 */
static int edit_assignment(const char *line, size_t n, const char *v, const char *var, const char *value,
			   unsigned lineno, struct sbuf *out, char *why, size_t whylen)
{
	const char *end = line + n, *c, *ce, *rest;
	char quote = '"';
	size_t start = out->len;
	int r;

	if (v < end && (*v == '"' || *v == '\'')) {
		quote = *v;
		c = v + 1;
		ce = memchr(c, quote, (size_t)(end - c));
		if (!ce)
			goto computed;
		rest = ce + 1;
		if (quote == '"' && (memchr(c, '`', (size_t)(ce - c)) || memchr(c, '\\', (size_t)(ce - c)) ||
				     !only_self(c, (size_t)(ce - c), var)))
			goto computed;
	} else {
		for (c = ce = v; ce < end && !menu_blank(*ce) && !strchr("\"'$`\\;|&<>()#", *ce); ce++)
			;
		rest = ce;
	}
	if (!rest_empty(rest, end))
		goto computed;
	sbuf_add(out, line, (size_t)(v - line));
	sbuf_add(out, &quote, 1);
	r = cmdedit_set(c, (size_t)(ce - c), "crashkernel", value, ",low", out);
	if (r < 0) {
		undo(out, start);
		snprintf(why, whylen, "line %u: %s cannot be edited (a double quote left open, or a bad value)", lineno, var);
		return r;
	}
	sbuf_add(out, &quote, 1);
	sbuf_add(out, rest, (size_t)(end - rest));
	/* a bare word now quoted is a change even when the words are the same */
	return r || out->len - start != n || memcmp(out->s + start, line, n) ? 1 : 0;
computed:
	snprintf(why, whylen, "line %u: %s is computed by the shell (an expansion, a command or an open quote): not "
		 "edited", lineno, var);
	return -EINVAL;
}

/*
 * As grub-mkconfig's shell reads the text: the line of var's last assignment
 * (0 none) and, in *ck, the crashkernel its value ends up with. 0, or -EINVAL
 * when the text is beyond the reader.
 */
static int shell_reads(const char *text, size_t len, const char *var, unsigned *line, struct crashkernel *ck)
{
	struct shvars_opts o = { SHVARS_SH, 0, 0, NULL, NULL };
	struct shvars v;
	struct shvars_err err;
	const char *val;
	int e;

	memset(&v, 0, sizeof(v));
	memset(ck, 0, sizeof(*ck));
	e = shvars_parse(&v, text, len, &o, &err);
	if (!e) {
		*line = shvars_line(&v, var);
		val = shvars_get(&v, var);
		ck_from_cmdline(val ? val : "", ck, NULL);
	}
	shvars_free(&v);
	return e ? -EINVAL : 0;
}

/* The lines of text into out, the assignment at line target edited (0: var="..." added at the end). */
static int rewrite(const char *text, size_t len, unsigned target, const char *var, const char *value, struct sbuf *out,
		   char *why, size_t whylen)
{
	struct line_iter it;
	const char *line, *v;
	size_t n, start = out->len;
	int changed = 0, r;

	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &line, &n)) {
		if (it.lineno != target) {
			sbuf_add(out, line, n);
		} else if (!assigns(line, n, var, &v)) {
			snprintf(why, whylen, "line %u: %s is set there in a way this does not edit", it.lineno, var);
			return -EINVAL;
		} else {
			r = edit_assignment(line, n, v, var, value, it.lineno, out, why, whylen);
			if (r < 0)
				return r;
			changed = r;
		}
		if ((size_t)(line + n - text) < len)
			sbuf_add(out, "\n", 1);
	}
	if (!target) {
		if (len && text[len - 1] != '\n')
			sbuf_add(out, "\n", 1);
		sbuf_printf(out, "%s=\"", var);
		if (cmdedit_set(NULL, 0, "crashkernel", value, ",low", out) < 0) {
			undo(out, start);
			snprintf(why, whylen, "crashkernel=%s cannot go on a command line", value);
			return -EINVAL;
		}
		sbuf_puts(out, "\"\n");
		changed = 1;
	}
	return changed;
}

int bootedit_default_grub(const char *text, size_t len, const char *var, const char *value, struct sbuf *out,
			  char *why, size_t whylen)
{
	size_t start = out->len;
	struct crashkernel ck;
	unsigned line;
	int r;

	why[0] = '\0';
	r = check_input(text, len, value, "a shell file", why, whylen);
	if (r)
		return r;
	if (!text)
		text = "", len = 0;
	/* the assignment the shell takes last, as it reads the file (not a line inside a quoted string) */
	if (shell_reads(text, len, var, &line, &ck)) {
		snprintf(why, whylen, "the shell reader cannot follow this file: not edited");
		return -EINVAL;
	}
	r = rewrite(text, len, line, var, value, out, why, whylen);
	if (r < 0) {
		undo(out, start);
		return r;
	}
	/* and what it makes of the result: var ends with crashkernel=value, or nothing is written */
	if (shell_reads(out->s + start, out->len - start, var, &line, &ck) || strcmp(ck.text, value)) {
		undo(out, start);
		snprintf(why, whylen, "%s would not end with crashkernel=%s after the edit: not edited", var, value);
		return -EINVAL;
	}
	return r;
}
