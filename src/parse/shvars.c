/*
 * shvars.c - shell variable files (/etc/default/grub, /etc/default/kdump-tools):
 * KEY=value assignments with quotes, escapes, continuations, comments,
 * export and $NAME / ${NAME} expansion. The grammar and the bounds are in
 * shvars.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/shvars.h"
#include "util.h"

struct sh {
	const char *p, *end;
	unsigned line;
	int depth;
	int strict;		/* SHVARS_ASSIGN */
	size_t max_value;
	size_t max_work;
	size_t work;		/* bytes produced so far, against max_work */
	const struct shvars_opts *o;
	struct shvars *v;
	struct shvars pend;	/* assignments of the current simple command, applied when it ends */
	struct shvars_err *err;
};

enum { SH_WORD, SH_BRACE };

static int sh_chars(struct sh *s, struct sbuf *out, int mode, int *quoted);

/*
 * A blank between words: a space or a tab, as the shell's own. A CR (a file
 * saved with DOS line endings) is part of a word, as sh reads it: "X=1\r"
 * sets X to "1\r", and a line holding only a CR is a command named "\r".
 */
static int sh_blank(char c)
{
	return c == ' ' || c == '\t';
}

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

/* Record the first problem at line; always -EINVAL. */
static int KDC_PRINTF(3, 4) sh_error(struct sh *s, unsigned line, const char *fmt, ...)
{
	va_list ap;

	if (!s->err->line) {
		s->err->line = line ? line : 1;
		va_start(ap, fmt);
		vsnprintf(s->err->msg, sizeof(s->err->msg), fmt, ap);
		va_end(ap);
	}
	return -EINVAL;
}

/* The hash of a name, for the index of a struct shvars. */
static size_t name_hash(const char *name, size_t n)
{
	size_t h = 5381;

	while (n--)
		h = h * 33 + (unsigned char)*name++;
	return h;
}

/* The index slot of name in v: its entry (index + 1), or the empty slot where it would go. */
static unsigned *vars_slot(const struct shvars *v, const char *name, size_t n)
{
	size_t h = name_hash(name, n) & (v->nslots - 1);

	for (;; h = (h + 1) & (v->nslots - 1)) {
		unsigned i = v->slots[h];

		if (!i || (strncmp(v->names[i - 1], name, n) == 0 && v->names[i - 1][n] == '\0'))
			return &v->slots[h];
	}
}

/* The entry of name in v, or -1. */
static long vars_index(const struct shvars *v, const char *name, size_t n)
{
	return v->nslots ? (long)*vars_slot(v, name, n) - 1 : -1;
}

/* Grow the index to keep it at most half full with one more entry. */
static void vars_reindex(struct shvars *v)
{
	size_t i;

	if (2 * (v->n + 1) <= v->nslots)
		return;
	free(v->slots);
	v->nslots = v->nslots ? v->nslots * 2 : 16;
	v->slots = xcalloc(v->nslots, sizeof(*v->slots));
	for (i = 0; i < v->n; i++)
		*vars_slot(v, v->names[i], strlen(v->names[i])) = (unsigned)(i + 1);
}

/* The value of a variable: pending assignments of this command first. */
static const char *sh_lookup(const struct sh *s, const char *name, size_t nlen)
{
	long i = vars_index(&s->pend, name, nlen);

	if (i >= 0)
		return s->pend.values[i];
	i = vars_index(s->v, name, nlen);
	return i >= 0 ? s->v->values[i] : NULL;
}

/* Append to a value, within the value and work bounds. */
static int sh_add(struct sh *s, struct sbuf *out, const char *p, size_t n)
{
	if (out->len + n > s->max_value)
		return sh_error(s, s->line, "value longer than %zu bytes", s->max_value);
	if (s->work + n > s->max_work)
		return sh_error(s, s->line, "expansions longer than %zu bytes in all", s->max_work);
	s->work += n;
	sbuf_add(out, p, n);
	return 0;
}

/* Skip to the close character at nesting depth 0, honouring quotes; s->p ends on it. */
static int sh_skip_to(struct sh *s, char open, char close, unsigned start)
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
				return sh_error(s, start, "unterminated quote");
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
	return sh_error(s, start, "unterminated '%c'", open);
}

/* Keep a bracketed form starting at start (its inner text at s->p) as written. */
static int sh_keep(struct sh *s, struct sbuf *out, const char *start, char open, char close)
{
	int r = sh_skip_to(s, open, close, s->line);

	if (r < 0)
		return r;
	s->p++;
	return sh_add(s, out, start, (size_t)(s->p - start));
}

/* ${NAME op word} with s->p after op: the word, or the value, as the operator says. */
static int sh_brace_op(struct sh *s, struct sbuf *out, const char *val, char op, int colon, unsigned line)
{
	int set = val && (!colon || *val);
	int use_word = op == '+' ? set : !set;
	struct sbuf w;
	int r, q;

	sbuf_init(&w);
	r = sh_chars(s, &w, SH_BRACE, &q);
	if (r == 0 && (s->p >= s->end || *s->p != '}'))
		r = sh_error(s, line, "unterminated ${");
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

/* ${...} at s->p (on '$'): expand the forms we know, keep others as written (SH) or fail (ASSIGN). */
static int sh_brace(struct sh *s, struct sbuf *out)
{
	const char *start = s->p, *name = s->p + 2, *p = name;
	const char *val;
	int colon = 0, known;
	char op;

	while (p < s->end && sh_name_char(*p))
		p++;
	if (p < s->end && *p == ':')
		colon = 1;
	op = p + colon < s->end ? p[colon] : '\0';
	known = p > name && sh_name_start(*name) && (op == '}' || (op && strchr("-=+", op))) &&
		!(colon && op == '}');
	if (s->strict && (!known || op != '}' || colon))
		return sh_error(s, s->line, "parameter expansion ${...} not supported");
	if (!known) {
		s->p = start + 2;
		return sh_keep(s, out, start, '{', '}');
	}
	val = sh_lookup(s, name, (size_t)(p - name));
	if (op == '}') {
		s->p = p + 1;
		return val ? sh_add(s, out, val, strlen(val)) : 0;
	}
	s->p = p + colon + 1;
	return sh_brace_op(s, out, val, op, colon, s->line);
}

/* A '$' expansion at s->p. */
static int sh_dollar(struct sh *s, struct sbuf *out)
{
	const char *start = s->p;
	char c = s->p + 1 < s->end ? s->p[1] : '\0';

	if (c == '{')
		return sh_brace(s, out);
	if (c == '(') {
		if (s->strict)
			return sh_error(s, s->line, "command substitution $(...) is not evaluated");
		s->p += 2;
		return sh_keep(s, out, start, '(', ')');
	}
	if (sh_name_start(c)) {
		const char *n = s->p + 1, *val;
		for (s->p = n; s->p < s->end && sh_name_char(*s->p); s->p++)
			;
		val = sh_lookup(s, n, (size_t)(s->p - n));
		return val ? sh_add(s, out, val, strlen(val)) : 0;
	}
	if (!s->strict && c && strchr("0123456789@*#?$!-", c)) {
		s->p += 2;
		return sh_add(s, out, start, 2);
	}
	s->p++;
	return sh_add(s, out, "$", 1);
}

/* A `command` at s->p, kept as written (SH) or refused (ASSIGN). */
static int sh_backtick(struct sh *s, struct sbuf *out)
{
	const char *start = s->p;
	unsigned line = s->line;

	if (s->strict)
		return sh_error(s, s->line, "command substitution `...` is not evaluated");
	for (s->p++; s->p < s->end && *s->p != '`'; s->p++) {
		if (*s->p == '\\' && s->p + 1 < s->end)
			s->p++;
		if (*s->p == '\n')
			s->line++;
	}
	if (s->p >= s->end)
		return sh_error(s, line, "unterminated `");
	s->p++;
	return sh_add(s, out, start, (size_t)(s->p - start));
}

/* "..." at s->p. */
static int sh_dquote(struct sh *s, struct sbuf *out)
{
	unsigned line = s->line;
	int r = 0;

	for (s->p++; r == 0;) {
		char c;

		if (s->p >= s->end)
			return sh_error(s, line, "unterminated double quote");
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
		} else if (c == '\0') {
			r = sh_error(s, s->line, "NUL byte in value");
		} else {
			if (c == '\n')
				s->line++;
			r = sh_add(s, out, s->p, 1);
			s->p++;
		}
	}
	return r;
}

/* '...' at s->p, taken literally. */
static int sh_squote(struct sh *s, struct sbuf *out)
{
	const char *q = memchr(s->p + 1, '\'', (size_t)(s->end - s->p - 1));
	const char *t;
	int r;

	if (!q)
		return sh_error(s, s->line, "unterminated single quote");
	if (memchr(s->p + 1, '\0', (size_t)(q - s->p - 1)))
		return sh_error(s, s->line, "NUL byte in value");
	r = sh_add(s, out, s->p + 1, (size_t)(q - s->p - 1));
	for (t = s->p + 1; t < q; t++)
		if (*t == '\n')
			s->line++;
	s->p = q + 1;
	return r;
}

/* Does an unquoted c end a word? An operator ASSIGN does not take fails. */
static int sh_word_end(struct sh *s, char c, int *r)
{
	if (c == '\n' || sh_blank(c))
		return 1;
	if (s->strict) {
		if (c && strchr("|&<>()", c))
			*r = sh_error(s, s->line, "shell operator '%c' not supported", c);
		return c == ';';
	}
	return c && strchr(";&|()", c) != NULL;
}

/* A backslash outside quotes at s->p: a continuation or a quoted character. */
static int sh_backslash(struct sh *s, struct sbuf *out)
{
	int r = 0;

	if (s->p + 1 < s->end && s->p[1] == '\n')
		s->line++;
	else if (s->p + 1 < s->end)
		r = sh_add(s, out, s->p + 1, 1);
	s->p += s->p + 1 < s->end ? 2 : 1;
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
	if (++s->depth > SHVARS_MAX_DEPTH) {
		s->depth--;
		return sh_error(s, s->line, "${...} nested deeper than %d", SHVARS_MAX_DEPTH);
	}
	while (r == 0 && s->p < s->end) {
		char c = *s->p;

		if (mode == SH_WORD ? sh_word_end(s, c, &r) : c == '}')
			break;
		if (r)
			break;
		if (c == '\\' || c == '\'' || c == '"')
			*quoted = 1;
		if (c == '\\')
			r = sh_backslash(s, out);
		else if (c == '\'')
			r = sh_squote(s, out);
		else if (c == '"')
			r = sh_dquote(s, out);
		else if (c == '$')
			r = sh_dollar(s, out);
		else if (c == '`')
			r = sh_backtick(s, out);
		else if (c == '\0')
			r = sh_error(s, s->line, "NUL byte in value");
		else {
			if (c == '\n')
				s->line++;
			r = sh_add(s, out, s->p, 1);
			s->p++;
		}
	}
	s->depth--;
	return r;
}

/* Set name to value (both taken over) in v, keeping one entry per name; -EMFILE or -E2BIG past a bound. */
static int vars_set(struct shvars *v, char *name, char *value, unsigned line)
{
	size_t vl = strlen(value);
	long i = vars_index(v, name, strlen(name));
	size_t old = i >= 0 ? strlen(v->values[i]) : 0;

	if ((i < 0 && v->n >= SHVARS_MAX_VARS) || v->bytes - old + vl > SHVARS_MAX_TOTAL) {
		free(name);
		free(value);
		return i < 0 && v->n >= SHVARS_MAX_VARS ? -EMFILE : -E2BIG;
	}
	if (i >= 0) {
		free(name);
		free(v->values[i]);
	} else {
		vars_reindex(v);
		if ((v->n & (v->n - 1)) == 0) {	/* capacity doubles at powers of two */
			size_t cap = v->n ? v->n * 2 : 1;
			v->names = xrealloc(v->names, cap * sizeof(*v->names));
			v->values = xrealloc(v->values, cap * sizeof(*v->values));
			v->lines = xrealloc(v->lines, cap * sizeof(*v->lines));
		}
		i = (long)v->n;
		v->names[v->n++] = name;
		*vars_slot(v, name, strlen(name)) = (unsigned)v->n;
	}
	v->values[i] = value;
	v->lines[i] = line;
	v->bytes = v->bytes - old + vl;
	return 0;
}

/* Apply one assignment (name and value taken over) after the caller's check. */
static int sh_commit(struct sh *s, char *name, char *value, unsigned line)
{
	char msg[sizeof(s->err->msg)];
	unsigned at = s->strict ? s->line : line;
	int r;

	if (s->o && s->o->check && s->o->check(s->o->arg, name, value, msg, sizeof(msg))) {
		free(name);
		free(value);
		/* a script's assignment is checked when its command ends, maybe past the text's last line: its own line */
		return sh_error(s, at, "%s", msg);
	}
	r = vars_set(s->v, name, value, line);
	if (r == -EMFILE)
		return sh_error(s, at, "more than %d variables", SHVARS_MAX_VARS);
	if (r < 0)
		return sh_error(s, at, "values longer than %u bytes in all", SHVARS_MAX_TOTAL);
	return 0;
}

/* End of a simple command: its assignments persist unless a command followed. */
static int sh_end_command(struct sh *s, int had_command)
{
	size_t i;
	int r = 0;

	for (i = 0; i < s->pend.n; i++) {
		if (!had_command && r == 0) {
			r = sh_commit(s, s->pend.names[i], s->pend.values[i], s->pend.lines[i]);
		} else {
			free(s->pend.names[i]);
			free(s->pend.values[i]);
		}
	}
	s->pend.n = 0;	/* names and values were taken over or freed */
	shvars_free(&s->pend);
	return r;
}

/* NAME=value at name (NAME already checked): parse the value into pending. */
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
	r = vars_set(&s->pend, xstrndup(name, nlen), val.s ? val.s : xstrdup(""), line);
	if (r == -EMFILE)
		return sh_error(s, line, "more than %d variables", SHVARS_MAX_VARS);
	if (r < 0)
		return sh_error(s, line, "values longer than %u bytes in all", SHVARS_MAX_TOTAL);
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

/* Skip blanks and continuations before a word. */
static void sh_skip_blanks(struct sh *s)
{
	while (s->p < s->end && (sh_blank(*s->p) || (*s->p == '\\' && s->p + 1 < s->end && s->p[1] == '\n'))) {
		if (*s->p == '\\') {
			s->p++;
			s->line++;
		}
		s->p++;
	}
}

/* A word that is not an assignment: a keyword, export, or a command. */
static int sh_other_word(struct sh *s, int *had_command, int *exporting)
{
	struct sbuf w;
	int q, r;

	sbuf_init(&w);
	r = sh_chars(s, &w, SH_WORD, &q);
	if (r == 0 && !*had_command && !*exporting) {
		if (!q && !s->pend.n && sh_is_keyword(sbuf_str(&w)))
			;
		else if (!q && !s->pend.n && (!strcmp(sbuf_str(&w), "export") || !strcmp(sbuf_str(&w), "readonly")))
			*exporting = 1;
		else
			*had_command = 1;
	}
	sbuf_free(&w);
	return r;
}

/* SHVARS_SH: the whole text as a script. */
static int sh_parse_script(struct sh *s)
{
	int had_command = 0, exporting = 0, r = 0;

	while (r == 0) {
		const char *name;
		char c;

		sh_skip_blanks(s);
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
		r = sh_other_word(s, &had_command, &exporting);
	}
	return r;
}

/* SHVARS_ASSIGN: skip blanks, comments and statement separators; count lines. */
static void sh_skip_separators(struct sh *s)
{
	while (s->p < s->end) {
		char c = *s->p;

		if (c == '\n') {
			s->line++;
			s->p++;
		} else if (sh_blank(c) || c == ';') {
			s->p++;
		} else if (c == '\\' && s->p + 1 < s->end && s->p[1] == '\n') {
			s->p += 2;
			s->line++;
		} else if (c == '#') {
			while (s->p < s->end && *s->p != '\n')
				s->p++;
		} else {
			break;
		}
	}
}

/* The end of a name starting at p. */
static const char *name_end(const char *p, const char *end)
{
	while (p < end && sh_name_char(*p))
		p++;
	return p;
}

/* SHVARS_ASSIGN: one statement, [export] NAME=word, applied at once. */
static int sh_assign_statement(struct sh *s)
{
	const char *name = s->p, *e;
	char q[48];
	int r;

	s->p = name_end(name, s->end);
	if (s->p - name == 6 && !memcmp(name, "export", 6) && s->p < s->end && sh_blank(*s->p)) {
		while (s->p < s->end && sh_blank(*s->p))
			s->p++;
		name = s->p;
		s->p = name_end(name, s->end);
	}
	if (s->p == name || !sh_name_start(*name) || s->p >= s->end || *s->p != '=') {
		for (e = s->p; e < s->end && *e != '\n' && e - name < 40; e++)
			;
		quote_bytes(name, (size_t)(e - name), q, sizeof(q));
		return sh_error(s, s->line, "not a variable assignment: '%s'", q);
	}
	r = sh_assignment(s, name, (size_t)(s->p - name));
	return r ? r : sh_end_command(s, 0);
}

/* SHVARS_ASSIGN: the whole text as assignments only. */
static int sh_parse_assignments(struct sh *s)
{
	int r;

	for (;;) {
		sh_skip_separators(s);
		if (s->p >= s->end)
			return 0;
		r = sh_assign_statement(s);
		if (r)
			return r;
		while (s->p < s->end && sh_blank(*s->p))
			s->p++;
	}
}

/* Refuse text past the size and line bounds (and, for scripts, holding a NUL byte). */
static int sh_prescan(struct sh *s)
{
	const char *p = s->p, *nl;
	unsigned line = 1;

	if ((size_t)(s->end - s->p) > SHVARS_MAX_TEXT)
		return sh_error(s, 1, "text longer than %u bytes", SHVARS_MAX_TEXT);
	for (; p < s->end; p = nl + 1, line++) {
		size_t n;

		nl = memchr(p, '\n', (size_t)(s->end - p));
		if (!nl)
			nl = s->end;
		n = (size_t)(nl - p);
		if (n > SHVARS_MAX_LINE)
			return sh_error(s, line, "line longer than %u bytes", SHVARS_MAX_LINE);
		if (!s->strict && memchr(p, '\0', n))
			return sh_error(s, line, "NUL byte in the text");
	}
	return 0;
}

/* A deep copy of v. */
static void vars_copy(struct shvars *dst, const struct shvars *src)
{
	size_t i;

	memset(dst, 0, sizeof(*dst));
	for (i = 0; i < src->n; i++)
		vars_set(dst, xstrdup(src->names[i]), xstrdup(src->values[i]), src->lines[i]);
}

int shvars_parse(struct shvars *v, const char *text, size_t len, const struct shvars_opts *opts,
		 struct shvars_err *err)
{
	struct shvars work;
	struct shvars_err dummy;
	struct sh s;
	int r;

	if (!err)
		err = &dummy;
	memset(err, 0, sizeof(*err));
	if (!v)
		return -EINVAL;
	if (!text || !len)
		return 0;
	memset(&s, 0, sizeof(s));
	s.p = text;
	s.end = text + len;
	s.line = 1;
	s.err = err;
	s.o = opts;
	s.strict = opts && opts->mode == SHVARS_ASSIGN;
	s.max_value = opts && opts->max_value && opts->max_value < SHVARS_MAX_VALUE ? opts->max_value
										     : SHVARS_MAX_VALUE;
	s.max_work = opts && opts->max_work && opts->max_work < SHVARS_MAX_WORK ? opts->max_work : SHVARS_MAX_WORK;
	r = sh_prescan(&s);
	if (r < 0)
		return r;
	vars_copy(&work, v);
	s.v = &work;
	r = s.strict ? sh_parse_assignments(&s) : sh_parse_script(&s);
	shvars_free(&s.pend);
	if (r < 0) {
		shvars_free(&work);
		return -EINVAL;
	}
	shvars_free(v);
	*v = work;
	return 0;
}

const char *shvars_get(const struct shvars *v, const char *name)
{
	long i;

	if (!v || !name)
		return NULL;
	i = vars_index(v, name, strlen(name));
	return i >= 0 ? v->values[i] : NULL;
}

unsigned shvars_line(const struct shvars *v, const char *name)
{
	long i;

	if (!v || !name)
		return 0;
	i = vars_index(v, name, strlen(name));
	return i >= 0 ? v->lines[i] : 0;
}

void shvars_free(struct shvars *v)
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
	free(v->slots);
	memset(v, 0, sizeof(*v));
}
