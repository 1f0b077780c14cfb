/*
 * grub2.c - GRUB 2 grub.cfg: its shell-like lexer and the menu it builds.
 *
 * grub.cfg is GRUB's shell-like script. The lexer splits it into
 * statements (ended by a newline, ';', or a standalone '{' or '}') of
 * words. A word keeps two forms: its value with quotes and escapes removed
 * ('...' literal, "..." with \\ \" \$ escapes, \x outside quotes) and its
 * raw text as written. Variables ($x, ${x}) are not expanded. '#' at the
 * start of a word begins a comment; backslash-newline joins lines.
 *
 * Bounds (past one: -EINVAL at the line): the text is what the root layer
 * reads (ROOT_READ_MAX), blocks nest GRUB_MAX_DEPTH deep, and the menu holds
 * GRUB_MAX_MENU bytes of titles, ids and paths in all: each entry of a
 * submenu repeats the submenu's title, so a long title over many entries
 * would otherwise cost their product.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parse/grub-int.h"
#include "util.h"

#define GRUB_MAX_DEPTH	64		/* nested if/menuentry/submenu blocks in grub.cfg */
#define GRUB_MAX_MENU	(16u << 20)	/* bytes of titles, ids and paths in the menu */

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

		if (grub_blank(c) || c == '\n' || c == ';')
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
		if (grub_blank(*lx->p)) {
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
	size_t bytes;		/* of titles, ids and paths, against GRUB_MAX_MENU */
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
		char *idx = grub_num_str(l->count++);
		char *path = join_part(l->path, idx, 0);
		char *full_title = join_part(l->title, title, 1);
		char *full_id = join_part(g->nlv > 1 ? l->id : NULL, id ? id : "", 1);
		int has_id = l->has_id || id;

		free(idx);
		g->bytes += strlen(path) + strlen(full_title) + strlen(full_id);
		if (g->bytes > GRUB_MAX_MENU) {
			free(path);
			free(full_title);
			free(full_id);
			*g->errline = line;
			r = -EINVAL;
			goto done;
		}
		if (sub) {
			struct level *nl = &g->lv[g->nlv++];
			nl->path = path;
			nl->title = full_title;
			nl->id = full_id;
			nl->has_id = has_id;
			nl->count = 0;
			f->level = 1;
		} else {
			struct grub_entry *en = grub_menu_add(g->m, &g->cap);
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
	bad = grub_nul_line(text, len);
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

