/* grub.c - GRUB legacy grub.conf, GRUB 2 grub.cfg, grubenv and /etc/default/grub parsers. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parse/grub.h"
#include "util.h"

#define GRUB_MAX_DEPTH	64		/* nested if/menuentry/submenu blocks in grub.cfg */
#define SH_MAX_DEPTH	32		/* nested ${...} and quotes in /etc/default/grub */
#define SH_MAX_VARS	1024		/* distinct variables in one struct grub_vars */
#define SH_MAX_VALUE	(8u << 20)	/* bytes in one expanded value */

/* ---------------------------------------------------------------- common */

/* Line (from 1) of the first NUL byte in text, or 0 when there is none. */
static unsigned nul_line(const char *text, size_t len)
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

/* Space, tab or CR (CRLF files edited elsewhere). */
static int is_lblank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Append a new zeroed entry to the menu, growing the array by doubling. */
static struct grub_entry *menu_add(struct grub_menu *m, size_t *cap)
{
	if (m->n == *cap) {
		*cap = *cap ? *cap * 2 : 8;
		m->entries = xrealloc(m->entries, *cap * sizeof(*m->entries));
	}
	memset(&m->entries[m->n], 0, sizeof(m->entries[0]));
	return &m->entries[m->n++];
}

/* A path component "N" as text. */
static char *num_str(size_t n)
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

/* ---------------------------------------------------------- GRUB legacy */

/*
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
 */

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
		while (s < e && is_lblank(*s))
			s++;
		if (e - s >= 2 && s[0] == '-' && s[1] == '-') {
			while (s < e && !is_lblank(*s))
				s++;
			continue;
		}
		break;
	}
	img = s;
	while (s < e && !is_lblank(*s))
		s++;
	img_end = s;
	if (img == img_end)
		return -EINVAL;
	while (s < e && is_lblank(*s))
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
	bad = nul_line(text, len);
	if (bad) {
		*errline = bad;
		goto fail;
	}
	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &line, &linelen)) {
		const char *s = line, *e = line + linelen, *k, *v;

		while (s < e && is_lblank(*s))
			s++;
		while (e > s && is_lblank(e[-1]))
			e--;
		if (s == e || *s == '#')
			continue;
		k = s;
		while (k < e && !is_lblank(*k) && *k != '=')
			k++;
		v = k;
		while (v < e && (is_lblank(*v) || *v == '='))
			v++;
		*errline = it.lineno;
		if (!legacy_keyword_ok(s, k))
			goto fail;
		if (kw_is(s, k, "title")) {
			cur = menu_add(m, &cap);
			cur->title = xstrndup(v, (size_t)(e - v));
			cur->path = num_str(m->n - 1);
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

/* ---------------------------------------------------------- GRUB 2 lexer */

/*
 * grub.cfg is GRUB's shell-like script. The lexer splits it into
 * statements (ended by a newline, ';', or a standalone '{' or '}') of
 * words. A word keeps two forms: its value with quotes and escapes removed
 * ('...' literal, "..." with \\ \" \$ escapes, \x outside quotes) and its
 * raw text as written. Variables ($x, ${x}) are not expanded. '#' at the
 * start of a word begins a comment; backslash-newline joins lines.
 */

enum { T_SEP, T_LBRACE, T_RBRACE, T_EOF };

struct word {
	size_t voff, roff;	/* offsets into stmt.vals / stmt.raws */
	unsigned line;
	int quoted;
};

struct stmt {
	struct word *w;
	size_t n, cap;
	struct sbuf vals, raws;	/* NUL-separated word values / raw texts */
	int term;
	unsigned term_line;
};

struct lex {
	const char *p, *end;
	unsigned line;
};

/* Word i without quotes. */
static const char *wval(const struct stmt *st, size_t i)
{
	return st->vals.s + st->w[i].voff;
}

/* Word i as written. */
static const char *wraw(const struct stmt *st, size_t i)
{
	return st->raws.s + st->w[i].roff;
}

/* Is word i an unquoted kw? */
static int wkw(const struct stmt *st, size_t i, const char *kw)
{
	return i < st->n && !st->w[i].quoted && strcmp(wval(st, i), kw) == 0;
}

/* Release a statement's storage. */
static void stmt_free(struct stmt *st)
{
	free(st->w);
	sbuf_free(&st->vals);
	sbuf_free(&st->raws);
	memset(st, 0, sizeof(*st));
}

/* Append bytes to the current word's value and raw text. */
static void put2(struct stmt *st, const char *v, size_t vn, const char *r, size_t rn)
{
	if (vn)
		sbuf_add(&st->vals, v, vn);
	if (rn)
		sbuf_add(&st->raws, r, rn);
}

/* Read one word at lx->p into st; -EINVAL (with *errline) on an unterminated quote. */
static int lex_word(struct lex *lx, struct stmt *st, struct word *w, unsigned *errline)
{
	while (lx->p < lx->end) {
		const char *p = lx->p;
		char c = *p;

		if (is_lblank(c) || c == '\n' || c == ';')
			break;
		if (c == '\\') {
			if (p + 1 < lx->end && p[1] == '\n') {
				lx->line++;
				lx->p += 2;
			} else if (p + 1 < lx->end) {
				put2(st, p + 1, 1, p, 2);
				w->quoted = 1;
				lx->p += 2;
			} else {
				put2(st, p, 1, p, 1);
				lx->p++;
			}
		} else if (c == '\'') {
			const char *q = memchr(p + 1, '\'', (size_t)(lx->end - p - 1));
			const char *t;
			if (!q) {
				*errline = lx->line;
				return -EINVAL;
			}
			for (t = p + 1; t < q; t++)
				if (*t == '\n')
					lx->line++;
			put2(st, p + 1, (size_t)(q - p - 1), p, (size_t)(q - p + 1));
			w->quoted = 1;
			lx->p = q + 1;
		} else if (c == '"') {
			unsigned start = lx->line;
			w->quoted = 1;
			put2(st, NULL, 0, p, 1);
			for (p++;; p++) {
				if (p >= lx->end) {
					*errline = start;
					return -EINVAL;
				}
				if (*p == '"')
					break;
				if (*p == '\\' && p + 1 < lx->end && p[1] == '\n') {
					lx->line++;
					p++;
				} else if (*p == '\\' && p + 1 < lx->end && strchr("$\"\\", p[1])) {
					put2(st, p + 1, 1, p, 2);
					p++;
				} else {
					if (*p == '\n')
						lx->line++;
					put2(st, p, 1, p, 1);
				}
			}
			put2(st, NULL, 0, p, 1);
			lx->p = p + 1;
		} else {
			put2(st, p, 1, p, 1);
			lx->p++;
		}
	}
	return 0;
}

/* Skip blanks, line continuations and a comment before the next word. */
static void lex_skip(struct lex *lx)
{
	while (lx->p < lx->end) {
		if (is_lblank(*lx->p)) {
			lx->p++;
		} else if (*lx->p == '\\' && lx->p + 1 < lx->end && lx->p[1] == '\n') {
			lx->p += 2;
			lx->line++;
		} else if (*lx->p == '#') {
			const char *nl = memchr(lx->p, '\n', (size_t)(lx->end - lx->p));
			lx->p = nl ? nl : lx->end;
		} else {
			break;
		}
	}
}

/* Read the next statement into st. Returns 0 or -EINVAL with *errline. */
static int lex_stmt(struct lex *lx, struct stmt *st, unsigned *errline)
{
	st->n = 0;
	st->vals.len = 0;
	st->raws.len = 0;
	for (;;) {
		struct word *w;
		const char *v;
		int r;

		lex_skip(lx);
		st->term_line = lx->line;
		if (lx->p >= lx->end) {
			st->term = T_EOF;
			return 0;
		}
		if (*lx->p == '\n' || *lx->p == ';') {
			if (*lx->p == '\n')
				lx->line++;
			lx->p++;
			st->term = T_SEP;
			return 0;
		}
		if (st->n == st->cap) {
			st->cap = st->cap ? st->cap * 2 : 16;
			st->w = xrealloc(st->w, st->cap * sizeof(*st->w));
		}
		w = &st->w[st->n];
		memset(w, 0, sizeof(*w));
		w->line = lx->line;
		w->voff = st->vals.len;
		w->roff = st->raws.len;
		r = lex_word(lx, st, w, errline);
		if (r < 0)
			return r;
		sbuf_add(&st->vals, "", 1);
		sbuf_add(&st->raws, "", 1);
		v = st->vals.s + w->voff;
		if (!w->quoted && (strcmp(v, "{") == 0 || strcmp(v, "}") == 0)) {
			st->term = v[0] == '{' ? T_LBRACE : T_RBRACE;
			st->term_line = w->line;
			return 0;
		}
		st->n++;
	}
}

/* --------------------------------------------------------- GRUB 2 parser */

/*
 * What grub2-mkconfig (EL7) and grub-mkconfig (Debian) generate:
 *
 *   if [ "${next_entry}" ] ; then
 *      set default="${next_entry}"
 *      ...
 *   else
 *      set default="${saved_entry}"          (Debian: set default="0")
 *   fi
 *   menuentry 'CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)' --class centos ...
 *             $menuentry_id_option 'gnulinux-3.10.0-1160.el7.x86_64-advanced-UUID' {
 *           linux16 /vmlinuz-3.10.0-1160.el7.x86_64 root=... ro crashkernel=auto ...
 *   }
 *   submenu 'Advanced options for Debian GNU/Linux' $menuentry_id_option '...' {
 *           menuentry 'Debian GNU/Linux, with Linux 6.1.0-18-amd64' ... { linux ... }
 *   }
 *
 * Conditions are not evaluated: entries inside if/else branches are all
 * listed, in file order, and the last "set default=" outside entry and
 * function bodies is the default. Entries defined inside a function or
 * another entry's body, and files pulled in with "source", are not part
 * of this menu. An entry's last linux/linux16/linuxefi line gives its
 * kernel and args (args: the words after the image, as written, joined
 * by one space); an entry without one has kernel and args NULL and the
 * line of its menuentry. Nested entries get the path "N>M",
 * the title "Submenu>Entry" and the id "submenu-id>entry-id", each part
 * with '>' doubled as GRUB's own default syntax writes it.
 */

enum { F_IF, F_LOOP, F_MENU, F_SUB, F_FUNC, F_GROUP };

struct frame {
	int kind;
	unsigned line;
	int opaque;		/* an entry or function body: not part of the menu */
	int level;		/* opened a submenu level */
	long entry;		/* the entry this body belongs to, or -1 */
};

struct level {
	char *path, *title, *id;
	int has_id;
	size_t count;
};

struct g2 {
	struct grub_menu *m;
	size_t cap;
	struct frame fr[GRUB_MAX_DEPTH];
	size_t nfr;
	struct level lv[GRUB_MAX_DEPTH + 1];
	size_t nlv;
	int opaque;
	long cur_entry;
	unsigned *errline;
};

/* Append s to b with every '>' doubled. */
static void add_escaped(struct sbuf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '>')
			sbuf_add(b, ">", 1);
		sbuf_add(b, s, 1);
	}
}

/* "prefix>part" (or "part" at the top level) with part escaped. */
static char *join_part(const char *prefix, const char *part, int escape)
{
	struct sbuf b;

	sbuf_init(&b);
	if (prefix) {
		sbuf_puts(&b, prefix);
		sbuf_add(&b, ">", 1);
	}
	if (escape)
		add_escaped(&b, part);
	else
		sbuf_puts(&b, part);
	return b.s ? b.s : xstrdup("");
}

/* Push a block frame; -EINVAL when blocks nest too deep. */
static int g2_push(struct g2 *g, int kind, unsigned line)
{
	struct frame *f;

	if (g->nfr == GRUB_MAX_DEPTH) {
		*g->errline = line;
		return -EINVAL;
	}
	f = &g->fr[g->nfr++];
	memset(f, 0, sizeof(*f));
	f->kind = kind;
	f->line = line;
	f->entry = -1;
	return 0;
}

/* Close the innermost block, which must be one of the kinds in mask. */
static int g2_pop(struct g2 *g, unsigned mask, unsigned line)
{
	struct frame *f;

	if (!g->nfr || !(mask & (1u << g->fr[g->nfr - 1].kind))) {
		*g->errline = line;
		return -EINVAL;
	}
	f = &g->fr[--g->nfr];
	if (f->opaque)
		g->opaque--;
	if (f->entry >= 0)
		g->cur_entry = -1;
	if (f->level) {
		struct level *l = &g->lv[--g->nlv];
		free(l->path);
		free(l->title);
		free(l->id);
		memset(l, 0, sizeof(*l));
	}
	return 0;
}

/* Is the innermost block of this kind? */
static int g2_top_is(const struct g2 *g, int kind)
{
	return g->nfr && g->fr[g->nfr - 1].kind == kind;
}

/* The title and id among menuentry/submenu arguments words[i+1..]. */
static void g2_entry_args(const struct stmt *st, size_t i, const char **title, const char **id)
{
	int want = 0;	/* 1: next word is an option argument, 2: it is the id */

	*title = NULL;
	*id = NULL;
	for (i++; i < st->n; i++) {
		const char *v = wval(st, i), *r = wraw(st, i);

		if (want) {
			if (want == 2)
				*id = v;
			want = 0;
		} else if (!st->w[i].quoted && (!strcmp(r, "$menuentry_id_option") ||
						!strcmp(r, "${menuentry_id_option}"))) {
			want = 2;
		} else if (v[0] == '-' && v[1] == '-') {
			const char *eq = strchr(v, '=');
			if (eq && (size_t)(eq - v) == 4 && !strncmp(v, "--id", 4))
				*id = eq + 1;
			else if (!eq && !strcmp(v, "--id"))
				want = 2;
			else if (!eq && (!strcmp(v, "--class") || !strcmp(v, "--users") ||
					 !strcmp(v, "--hotkey") || !strcmp(v, "--source")))
				want = 1;
		} else if (!*title) {
			*title = v;
		}
	}
}

/* Wait for the '{' that opens a block whose header ended with a separator. */
static int g2_want_brace(struct lex *lx, struct stmt *st, unsigned line, unsigned *errline)
{
	while (st->term != T_LBRACE) {
		int r;
		if (st->term != T_SEP) {
			*errline = line;
			return -EINVAL;
		}
		r = lex_stmt(lx, st, errline);
		if (r < 0)
			return r;
		if (st->n) {
			*errline = line;
			return -EINVAL;
		}
	}
	return 0;
}

/* menuentry / submenu / function at word i: record it and open its body. */
static int g2_block(struct g2 *g, struct lex *lx, struct stmt *st, size_t i)
{
	const char *kwd = wval(st, i), *t, *d;
	char *title = NULL, *id = NULL;
	unsigned line = st->w[i].line;
	int sub = !strcmp(kwd, "submenu"), func = !strcmp(kwd, "function");
	struct frame *f;
	int r;

	if (func) {
		t = i + 1 < st->n ? wval(st, i + 1) : NULL;
		d = NULL;
	} else {
		g2_entry_args(st, i, &t, &d);
	}
	if (!t) {
		*g->errline = line;
		return -EINVAL;
	}
	title = xstrdup(t);
	id = d ? xstrdup(d) : NULL;
	r = g2_want_brace(lx, st, line, g->errline);
	if (r == 0)
		r = g2_push(g, func ? F_FUNC : sub ? F_SUB : F_MENU, line);
	if (r < 0)
		goto done;
	f = &g->fr[g->nfr - 1];
	if (!func && !g->opaque) {
		struct level *l = &g->lv[g->nlv - 1];
		char *idx = num_str(l->count++);
		char *path = join_part(l->path, idx, 0);
		char *full_title = join_part(l->title, title, 1);
		char *full_id = join_part(g->nlv > 1 ? l->id : NULL, id ? id : "", 1);
		int has_id = l->has_id || id;

		free(idx);
		if (sub) {
			struct level *nl = &g->lv[g->nlv++];
			nl->path = path;
			nl->title = full_title;
			nl->id = full_id;
			nl->has_id = has_id;
			nl->count = 0;
			f->level = 1;
		} else {
			struct grub_entry *en = menu_add(g->m, &g->cap);
			en->title = full_title;
			en->path = path;
			en->line = line;
			if (has_id)
				en->id = full_id;
			else
				free(full_id);
			f->entry = (long)(g->m->n - 1);
			g->cur_entry = f->entry;
		}
	}
	if (!sub || g->opaque) {
		f->opaque = 1;
		g->opaque++;
	}
done:
	free(title);
	free(id);
	return r;
}

/* A simple command from word i: a kernel line of the current entry, or "set default=". */
static int g2_command(struct g2 *g, const struct stmt *st, size_t i)
{
	const char *c = wval(st, i);

	if (!strcmp(c, "linux") || !strcmp(c, "linux16") || !strcmp(c, "linuxefi")) {
		struct grub_entry *en;
		struct sbuf args;
		size_t j;

		if (g->opaque != 1 || g->cur_entry < 0)
			return 0;
		if (i + 1 >= st->n) {
			*g->errline = st->w[i].line;
			return -EINVAL;
		}
		en = &g->m->entries[g->cur_entry];
		sbuf_init(&args);
		for (j = i + 2; j < st->n; j++) {
			if (j > i + 2)
				sbuf_add(&args, " ", 1);
			sbuf_puts(&args, wraw(st, j));
		}
		free(en->kernel);
		free(en->args);
		en->kernel = xstrdup(wval(st, i + 1));
		en->args = xstrdup(sbuf_str(&args));
		en->line = st->w[i].line;
		sbuf_free(&args);
		return 0;
	}
	if (g->opaque)
		return 0;
	if (!st->w[i].quoted && !strcmp(c, "set") && i + 1 < st->n)
		c = wval(st, ++i);
	if (strncmp(c, "default=", 8) != 0)
		return 0;
	c += 8;
	if (!strcmp(c, "${next_entry}") || !strcmp(c, "$next_entry")) {
		g->m->has_next_entry_logic = 1;
		return 0;
	}
	free(g->m->default_spec);
	g->m->default_spec = xstrdup(c);
	g->m->default_line = st->w[i].line;
	return 0;
}

#define KINDS(a) (1u << (a))
#define BRACES (KINDS(F_MENU) | KINDS(F_SUB) | KINDS(F_FUNC) | KINDS(F_GROUP))

/* Act on one statement: block keywords, then the command, then its '{' or '}'. */
static int g2_stmt(struct g2 *g, struct lex *lx, struct stmt *st)
{
	size_t i = 0;
	int r = 0;

	while (i < st->n && r == 0) {
		unsigned line = st->w[i].line;

		if (wkw(st, i, "if")) {
			r = g2_push(g, F_IF, line);
		} else if (wkw(st, i, "while") || wkw(st, i, "until") || wkw(st, i, "for")) {
			r = g2_push(g, F_LOOP, line);
			if (wkw(st, i, "for"))
				i = st->n;
		} else if (wkw(st, i, "then") || wkw(st, i, "elif") || wkw(st, i, "else")) {
			if (!g2_top_is(g, F_IF)) {
				*g->errline = line;
				r = -EINVAL;
			}
		} else if (wkw(st, i, "do")) {
			if (!g2_top_is(g, F_LOOP)) {
				*g->errline = line;
				r = -EINVAL;
			}
		} else if (wkw(st, i, "fi")) {
			r = g2_pop(g, KINDS(F_IF), line);
		} else if (wkw(st, i, "done")) {
			r = g2_pop(g, KINDS(F_LOOP), line);
		} else if (wkw(st, i, "menuentry") || wkw(st, i, "submenu") || wkw(st, i, "function")) {
			return g2_block(g, lx, st, i);
		} else if (!wkw(st, i, "!")) {
			r = g2_command(g, st, i);
			break;
		}
		i++;
	}
	if (r < 0)
		return r;
	if (st->term == T_LBRACE) {
		r = g2_push(g, F_GROUP, st->term_line);
		if (r == 0 && g->opaque) {
			g->fr[g->nfr - 1].opaque = 1;
			g->opaque++;
		}
	} else if (st->term == T_RBRACE) {
		r = g2_pop(g, BRACES, st->term_line);
	}
	return r;
}

int grub2_cfg_parse(const char *text, size_t len, struct grub_menu *m, unsigned *errline)
{
	struct g2 g;
	struct lex lx;
	struct stmt st;
	unsigned dummy, bad;
	int r = 0;

	if (!errline)
		errline = &dummy;
	*errline = 0;
	memset(m, 0, sizeof(*m));
	if (!text || !len)
		return 0;
	bad = nul_line(text, len);
	if (bad) {
		*errline = bad;
		return -EINVAL;
	}
	memset(&g, 0, sizeof(g));
	memset(&st, 0, sizeof(st));
	g.m = m;
	g.nlv = 1;
	g.cur_entry = -1;
	g.errline = errline;
	lx.p = text;
	lx.end = text + len;
	lx.line = 1;
	for (;;) {
		r = lex_stmt(&lx, &st, errline);
		if (r == 0)
			r = g2_stmt(&g, &lx, &st);
		if (r < 0 || st.term == T_EOF)
			break;
	}
	if (r == 0 && g.nfr) {
		*errline = g.fr[g.nfr - 1].line;
		r = -EINVAL;
	}
	while (g.nfr)
		g2_pop(&g, ~0u, 0);
	stmt_free(&st);
	if (r < 0)
		grub_menu_free(m);
	else
		*errline = 0;
	return r;
}

/* --------------------------------------------------------------- grubenv */

/*
 * grubenv, as grub2-editenv writes it: exactly 1024 bytes,
 *
 *   # GRUB Environment Block\n
 *   saved_entry=CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)\n
 *   ################...\n-less '#' padding to the end
 *
 * A value escapes '\' and newline with a backslash. Lines starting with
 * '#' are padding. GRUB sets the variables in order, so the last
 * assignment of a name wins. The size is not enforced (GRUB does not
 * either); any other structure is malformed.
 */

int grubenv_get(const char *text, size_t len, const char *name, char *out, size_t outlen)
{
	static const char sig[] = "# GRUB Environment Block\n";
	const size_t siglen = sizeof(sig) - 1;
	const char *p, *end, *vs = NULL, *ve = NULL;
	size_t nlen, n;

	if (!name || !*name || strchr(name, '=') || strchr(name, '\n'))
		return -EINVAL;
	nlen = strlen(name);
	if (!text || len < siglen || memcmp(text, sig, siglen) != 0 || memchr(text, '\0', len))
		return -EINVAL;
	end = text + len;
	p = text + siglen;
	while (p < end) {
		const char *ns = p, *v;

		if (*p == '#') {
			while (p < end && *p != '\n')
				p += (*p == '\\' && end - p > 1) ? 2 : 1;
			if (p < end)
				p++;
			continue;
		}
		while (p < end && *p != '=' && *p != '\n')
			p++;
		if (p >= end || *p == '\n' || p == ns)
			return -EINVAL;
		v = ++p;
		while (p < end && *p != '\n') {
			if (*p == '\\' && end - p < 2)
				return -EINVAL;
			p += *p == '\\' ? 2 : 1;
		}
		if (p >= end)
			return -EINVAL;
		if ((size_t)(v - 1 - ns) == nlen && memcmp(ns, name, nlen) == 0) {
			vs = v;
			ve = p;
		}
		p++;
	}
	if (!vs || vs == ve)
		return -ENOENT;
	for (n = 0, p = vs; p < ve; p++, n++)
		if (*p == '\\')
			p++;
	if (!out)
		return 0;
	if (n + 1 > outlen)
		return -ENAMETOOLONG;
	for (p = vs; p < ve; p++) {
		if (*p == '\\')
			p++;
		*out++ = *p;
	}
	*out = '\0';
	return 0;
}

/* ------------------------------------------------------------- selection */

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

/* -------------------------------------------------- /etc/default/grub */

/*
 * /etc/default/grub and /etc/default/grub.d/ *.cfg are sourced by
 * grub-mkconfig with /bin/sh. Understood: NAME=value and export NAME=value
 * (several per line, ';' '&&' '||' '|' separators), '...' literal,
 * "..." with \\ \" \$ \` escapes, \x, line continuations, $NAME, ${NAME},
 * ${NAME:-w} ${NAME-w} ${NAME:=w} ${NAME=w} ${NAME:+w} ${NAME+w},
 * comments. Command substitutions ($(...), `...`) and other expansions
 * cannot be evaluated offline and stay in the value as written. Commands
 * are skipped (an assignment prefixed to a command does not persist);
 * if/then/else are not evaluated: every branch applies, in order.
 */

struct pending {
	char **names, **values;
	unsigned *lines;
	size_t n, cap;
};

struct sh {
	const char *p, *end;
	unsigned line;
	unsigned *errline;
	int depth;
	struct grub_vars *v;
	struct pending pend;
};

enum { SH_WORD, SH_BRACE };

static int sh_chars(struct sh *s, struct sbuf *out, int mode, int *quoted);

/* Can c start a shell variable name? */
static int sh_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Can c continue a shell variable name? */
static int sh_name_char(char c)
{
	return sh_name_start(c) || (c >= '0' && c <= '9');
}

/* Fail with the given line. */
static int sh_fail(struct sh *s, unsigned line)
{
	*s->errline = line;
	return -EINVAL;
}

/* The value of a variable: pending assignments of this command first. */
static const char *sh_lookup(const struct sh *s, const char *name, size_t nlen)
{
	size_t i;

	for (i = s->pend.n; i-- > 0;)
		if (strlen(s->pend.names[i]) == nlen && !memcmp(s->pend.names[i], name, nlen))
			return s->pend.values[i];
	for (i = 0; i < s->v->n; i++)
		if (strlen(s->v->names[i]) == nlen && !memcmp(s->v->names[i], name, nlen))
			return s->v->values[i];
	return NULL;
}

/* Append, failing when the value grows past SH_MAX_VALUE. */
static int sh_add(struct sh *s, struct sbuf *out, const char *p, size_t n)
{
	if (out->len + n > SH_MAX_VALUE)
		return sh_fail(s, s->line);
	sbuf_add(out, p, n);
	return 0;
}

/* Skip to the close character at nesting depth 0, honouring quotes; s->p ends on it. */
static int sh_skip(struct sh *s, char open, char close, unsigned start)
{
	int depth = 0;

	while (s->p < s->end) {
		char c = *s->p;

		if (c == '\\') {
			if (s->p + 1 < s->end && s->p[1] == '\n')
				s->line++;
			s->p += s->p + 1 < s->end ? 2 : 1;
			continue;
		}
		if (c == '\'' || c == '"' || c == '`') {
			for (s->p++; s->p < s->end && *s->p != c; s->p++) {
				if (*s->p == '\n')
					s->line++;
				if (*s->p == '\\' && c != '\'' && s->p + 1 < s->end) {
					s->p++;
					if (*s->p == '\n')
						s->line++;
				}
			}
			if (s->p >= s->end)
				return sh_fail(s, start);
		} else if (c == open) {
			depth++;
		} else if (c == close) {
			if (depth-- == 0)
				return 0;
		} else if (c == '\n') {
			s->line++;
		}
		s->p++;
	}
	return sh_fail(s, start);
}

/* ${...} at s->p (on '$'): expand the forms we know, keep others as written. */
static int sh_brace(struct sh *s, struct sbuf *out)
{
	const char *start = s->p, *name = s->p + 2, *p = name;
	unsigned line = s->line;
	const char *val;
	int colon = 0, r, q;
	char op;

	while (p < s->end && sh_name_char(*p))
		p++;
	if (p < s->end && *p == ':')
		colon = 1;
	op = p + colon < s->end ? p[colon] : '\0';
	if (p == name || !sh_name_start(*name) || !(op == '}' || (op && strchr("-=+", op)))) {
		s->p = start + 2;
		r = sh_skip(s, '{', '}', line);
		if (r < 0)
			return r;
		s->p++;
		return sh_add(s, out, start, (size_t)(s->p - start));
	}
	if (colon && op == '}') {
		s->p = start + 2;
		r = sh_skip(s, '{', '}', line);
		if (r < 0)
			return r;
		s->p++;
		return sh_add(s, out, start, (size_t)(s->p - start));
	}
	val = sh_lookup(s, name, (size_t)(p - name));
	if (op == '}') {
		s->p = p + 1;
		return val ? sh_add(s, out, val, strlen(val)) : 0;
	}
	s->p = p + colon + 1;
	{
		int set = val && (!colon || *val);
		int use_word = op == '+' ? set : !set;
		struct sbuf w;

		sbuf_init(&w);
		r = sh_chars(s, &w, SH_BRACE, &q);
		if (r == 0 && (s->p >= s->end || *s->p != '}'))
			r = sh_fail(s, line);
		if (r == 0) {
			s->p++;
			if (use_word)
				r = sh_add(s, out, sbuf_str(&w), w.len);
			else if (op != '+' && val)
				r = sh_add(s, out, val, strlen(val));
		}
		sbuf_free(&w);
		return r;
	}
}

/* A '$' expansion at s->p. */
static int sh_dollar(struct sh *s, struct sbuf *out)
{
	const char *start = s->p;
	char c = s->p + 1 < s->end ? s->p[1] : '\0';
	int r;

	if (c == '{')
		return sh_brace(s, out);
	if (c == '(') {
		unsigned line = s->line;
		s->p += 2;
		r = sh_skip(s, '(', ')', line);
		if (r < 0)
			return r;
		s->p++;
		return sh_add(s, out, start, (size_t)(s->p - start));
	}
	if (sh_name_start(c)) {
		const char *n = s->p + 1, *val;
		for (s->p = n; s->p < s->end && sh_name_char(*s->p); s->p++)
			;
		val = sh_lookup(s, n, (size_t)(s->p - n));
		return val ? sh_add(s, out, val, strlen(val)) : 0;
	}
	if (c && strchr("0123456789@*#?$!-", c)) {
		s->p += 2;
		return sh_add(s, out, start, 2);
	}
	s->p++;
	return sh_add(s, out, "$", 1);
}

/* A `command` at s->p, kept as written. */
static int sh_backtick(struct sh *s, struct sbuf *out)
{
	const char *start = s->p;
	unsigned line = s->line;

	for (s->p++; s->p < s->end && *s->p != '`'; s->p++) {
		if (*s->p == '\\' && s->p + 1 < s->end)
			s->p++;
		if (*s->p == '\n')
			s->line++;
	}
	if (s->p >= s->end)
		return sh_fail(s, line);
	s->p++;
	return sh_add(s, out, start, (size_t)(s->p - start));
}

/* "..." at s->p. */
static int sh_dquote(struct sh *s, struct sbuf *out)
{
	unsigned line = s->line;
	int r = 0;

	for (s->p++; r == 0; ) {
		char c;
		if (s->p >= s->end)
			return sh_fail(s, line);
		c = *s->p;
		if (c == '"') {
			s->p++;
			return 0;
		}
		if (c == '\\' && s->p + 1 < s->end && s->p[1] == '\n') {
			s->p += 2;
			s->line++;
		} else if (c == '\\' && s->p + 1 < s->end && strchr("$`\"\\", s->p[1])) {
			r = sh_add(s, out, s->p + 1, 1);
			s->p += 2;
		} else if (c == '$') {
			r = sh_dollar(s, out);
		} else if (c == '`') {
			r = sh_backtick(s, out);
		} else {
			if (c == '\n')
				s->line++;
			r = sh_add(s, out, s->p, 1);
			s->p++;
		}
	}
	return r;
}

/*
 * The characters of one word from s->p, expanded into out. SH_WORD stops
 * at an unquoted blank or operator; SH_BRACE at an unquoted '}'.
 */
static int sh_chars(struct sh *s, struct sbuf *out, int mode, int *quoted)
{
	int r = 0;

	*quoted = 0;
	if (++s->depth > SH_MAX_DEPTH) {
		s->depth--;
		return sh_fail(s, s->line);
	}
	while (r == 0 && s->p < s->end) {
		char c = *s->p;

		if (mode == SH_WORD && (is_lblank(c) || strchr("\n;&|()", c)))
			break;
		if (mode == SH_BRACE && c == '}')
			break;
		if (c == '\\') {
			*quoted = 1;
			if (s->p + 1 < s->end && s->p[1] == '\n') {
				s->line++;
			} else if (s->p + 1 < s->end) {
				r = sh_add(s, out, s->p + 1, 1);
			}
			s->p += s->p + 1 < s->end ? 2 : 1;
		} else if (c == '\'') {
			const char *q = memchr(s->p + 1, '\'', (size_t)(s->end - s->p - 1));
			const char *t;
			*quoted = 1;
			if (!q) {
				r = sh_fail(s, s->line);
				break;
			}
			r = sh_add(s, out, s->p + 1, (size_t)(q - s->p - 1));
			for (t = s->p + 1; t < q; t++)
				if (*t == '\n')
					s->line++;
			s->p = q + 1;
		} else if (c == '"') {
			*quoted = 1;
			r = sh_dquote(s, out);
		} else if (c == '$') {
			r = sh_dollar(s, out);
		} else if (c == '`') {
			r = sh_backtick(s, out);
		} else {
			if (c == '\n')
				s->line++;
			r = sh_add(s, out, s->p, 1);
			s->p++;
		}
	}
	s->depth--;
	return r;
}

/* Set name to value (both taken over) in v, keeping one slot per name. */
static int vars_set(struct grub_vars *v, char *name, char *value, unsigned line)
{
	size_t i;

	for (i = 0; i < v->n; i++) {
		if (!strcmp(v->names[i], name)) {
			free(name);
			free(v->values[i]);
			v->values[i] = value;
			v->lines[i] = line;
			return 0;
		}
	}
	if (v->n >= SH_MAX_VARS) {
		free(name);
		free(value);
		return -EINVAL;
	}
	if ((v->n & (v->n - 1)) == 0) {	/* capacity doubles at powers of two */
		size_t cap = v->n ? v->n * 2 : 1;
		v->names = xrealloc(v->names, cap * sizeof(*v->names));
		v->values = xrealloc(v->values, cap * sizeof(*v->values));
		v->lines = xrealloc(v->lines, cap * sizeof(*v->lines));
	}
	v->names[v->n] = name;
	v->values[v->n] = value;
	v->lines[v->n] = line;
	v->n++;
	return 0;
}

/* Forget the pending assignments. */
static void pend_clear(struct pending *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->names[i]);
		free(p->values[i]);
	}
	p->n = 0;
}

/* End of a simple command: its assignments persist unless a command followed. */
static int sh_end_command(struct sh *s, int had_command)
{
	size_t i;
	int r = 0;

	for (i = 0; i < s->pend.n; i++) {
		if (!had_command && r == 0) {
			r = vars_set(s->v, s->pend.names[i], s->pend.values[i], s->pend.lines[i]);
			if (r < 0)
				*s->errline = s->pend.lines[i];
		} else {
			free(s->pend.names[i]);
			free(s->pend.values[i]);
		}
	}
	s->pend.n = 0;
	return r;
}

/* NAME=value at s->p (NAME already checked): parse the value into pending. */
static int sh_assignment(struct sh *s, const char *name, size_t nlen)
{
	struct sbuf val;
	unsigned line = s->line;
	int q, r;

	s->p = name + nlen + 1;
	sbuf_init(&val);
	r = sh_chars(s, &val, SH_WORD, &q);
	if (r < 0) {
		sbuf_free(&val);
		return r;
	}
	if (s->pend.n == s->pend.cap) {
		s->pend.cap = s->pend.cap ? s->pend.cap * 2 : 4;
		s->pend.names = xrealloc(s->pend.names, s->pend.cap * sizeof(char *));
		s->pend.values = xrealloc(s->pend.values, s->pend.cap * sizeof(char *));
		s->pend.lines = xrealloc(s->pend.lines, s->pend.cap * sizeof(unsigned));
	}
	s->pend.names[s->pend.n] = xstrndup(name, nlen);
	s->pend.values[s->pend.n] = xstrdup(sbuf_str(&val));
	s->pend.lines[s->pend.n] = line;
	s->pend.n++;
	sbuf_free(&val);
	return 0;
}

/* Reserved words after which a new command starts. */
static int sh_is_keyword(const char *w)
{
	static const char *const kws[] = {
		"if", "then", "elif", "else", "fi", "while", "until", "do", "done", "{", "}", "!",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kws); i++)
		if (!strcmp(w, kws[i]))
			return 1;
	return 0;
}

/* Parse the whole text into s->v. */
static int sh_parse(struct sh *s)
{
	int had_command = 0, exporting = 0, r = 0;

	while (r == 0) {
		const char *name;
		char c;

		while (s->p < s->end && (is_lblank(*s->p) ||
		       (*s->p == '\\' && s->p + 1 < s->end && s->p[1] == '\n'))) {
			if (*s->p == '\\') {
				s->p++;
				s->line++;
			}
			s->p++;
		}
		if (s->p >= s->end)
			return sh_end_command(s, had_command);
		c = *s->p;
		if (c == '#') {
			const char *nl = memchr(s->p, '\n', (size_t)(s->end - s->p));
			s->p = nl ? nl : s->end;
			continue;
		}
		if (strchr("\n;&|()", c)) {
			if (c == '\n')
				s->line++;
			s->p++;
			r = sh_end_command(s, had_command);
			had_command = exporting = 0;
			continue;
		}
		for (name = s->p; s->p < s->end && sh_name_char(*s->p); s->p++)
			;
		if (!had_command && s->p > name && sh_name_start(*name) && s->p < s->end && *s->p == '=') {
			r = sh_assignment(s, name, (size_t)(s->p - name));
			continue;
		}
		s->p = name;
		{
			struct sbuf w;
			int q;

			sbuf_init(&w);
			r = sh_chars(s, &w, SH_WORD, &q);
			if (r == 0 && !had_command && !exporting) {
				if (!q && !s->pend.n && sh_is_keyword(sbuf_str(&w)))
					;
				else if (!q && !s->pend.n && (!strcmp(sbuf_str(&w), "export") ||
							       !strcmp(sbuf_str(&w), "readonly")))
					exporting = 1;
				else
					had_command = 1;
			}
			sbuf_free(&w);
		}
	}
	return r;
}

/* A deep copy of v. */
static void vars_copy(struct grub_vars *dst, const struct grub_vars *src)
{
	size_t i;

	memset(dst, 0, sizeof(*dst));
	for (i = 0; i < src->n; i++)
		vars_set(dst, xstrdup(src->names[i]), xstrdup(src->values[i]), src->lines[i]);
}

int grub_vars_parse(struct grub_vars *v, const char *text, size_t len, unsigned *errline)
{
	struct grub_vars work;
	struct sh s;
	unsigned dummy, bad;
	int r;

	if (!errline)
		errline = &dummy;
	*errline = 0;
	if (!text || !len)
		return 0;
	bad = nul_line(text, len);
	if (bad) {
		*errline = bad;
		return -EINVAL;
	}
	vars_copy(&work, v);
	memset(&s, 0, sizeof(s));
	s.p = text;
	s.end = text + len;
	s.line = 1;
	s.errline = errline;
	s.v = &work;
	r = sh_parse(&s);
	pend_clear(&s.pend);
	free(s.pend.names);
	free(s.pend.values);
	free(s.pend.lines);
	if (r < 0) {
		grub_vars_free(&work);
		return r;
	}
	grub_vars_free(v);
	*v = work;
	*errline = 0;
	return 0;
}

const char *grub_vars_get(const struct grub_vars *v, const char *name)
{
	size_t i;

	if (!v || !name)
		return NULL;
	for (i = 0; i < v->n; i++)
		if (!strcmp(v->names[i], name))
			return v->values[i];
	return NULL;
}

void grub_vars_free(struct grub_vars *v)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; i < v->n; i++) {
		free(v->names[i]);
		free(v->values[i]);
	}
	free(v->names);
	free(v->values);
	free(v->lines);
	memset(v, 0, sizeof(*v));
}
