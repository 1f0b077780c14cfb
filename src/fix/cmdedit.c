/* cmdedit.c - one parameter of a kernel command line set or removed, every other byte kept. */
#include <errno.h>
#include <string.h>

#include "fix/cmdedit.h"
#include "util.h"

/* (is_blank() is the kernel's isspace(): space, tab, CR, LF, FF, VT.) */

/* Can s go into a command line as one word, unquoted? (non-empty for a key) */
static int plain_word(const char *s, int key)
{
	const unsigned char *p = (const unsigned char *)s;

	if (key && !*p)
		return 0;
	for (; *p; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '"' || is_blank(*p) || (key && *p == '='))
			return 0;
	return 1;
}

/* The end of the word starting at p (before end): blanks end it outside double quotes. */
static const char *word_end(const char *p, const char *end)
{
	int quoted = 0;

	for (; p < end; p++) {
		if (*p == '"')
			quoted = !quoted;
		else if (!quoted && is_blank((unsigned char)*p))
			break;
	}
	return p;
}

/* Is the word [w, we) "KEY=VALUE" (maybe in quotes), with a value not ending in skip? */
static int key_word(const char *w, const char *we, const char *key, const char *skip)
{
	size_t kl = strlen(key), sl = skip ? strlen(skip) : 0;
	const char *v;

	if (w < we && *w == '"')
		w++;
	if ((size_t)(we - w) <= kl || memcmp(w, key, kl) || w[kl] != '=')
		return 0;
	v = w + kl + 1;
	if (we > v && we[-1] == '"')
		we--;
	return !(sl && (size_t)(we - v) >= sl && !memcmp(we - sl, skip, sl));
}

/* Does the line hold an odd number of double quotes (one left open)? */
static int quotes_odd(const char *p, size_t n)
{
	size_t i, q = 0;

	for (i = 0; i < n; i++)
		q += p[i] == '"';
	return (int)(q & 1);
}

/* Set (value not NULL) or remove KEY in the line; see cmdedit.h. */
static int edit(const char *line, size_t len, const char *key, const char *value, const char *skip,
		struct sbuf *out)
{
	const char *p, *end, *sep, *w, *we, *tail;
	size_t start = out->len;
	int first = 1, done = 0;

	if (!line)
		line = "", len = 0;
	if (len > CMDEDIT_MAX)
		return -E2BIG;
	if (!plain_word(key, 1) || (value && !plain_word(value, 0)) || memchr(line, '\0', len))
		return -EINVAL;
	/* an unterminated quote runs to the end: a word added after it would be inside it */
	if (quotes_odd(line, len))
		return -EINVAL;
	/* a value ending in skip would make another setting, not this one */
	if (value && skip && *skip && strlen(value) >= strlen(skip) && !strcmp(value + strlen(value) - strlen(skip), skip))
		return -EINVAL;
	p = line;
	end = line + len;
	/* the blanks before the first word stay where they are */
	while (p < end && is_blank((unsigned char)*p))
		p++;
	sbuf_add(out, line, (size_t)(p - line));
	tail = end;
	for (sep = p; sep < end; sep = we) {
		for (w = sep; w < end && is_blank((unsigned char)*w); w++)
			;
		if (w == end) {
			tail = sep;	/* the blanks after the last word */
			break;
		}
		we = word_end(w, end);
		if (key_word(w, we, key, skip)) {
			if (!value || done)
				continue;	/* removed with the blanks before it */
			sbuf_add(out, sep, first ? 0 : (size_t)(w - sep));
			sbuf_printf(out, "%s=%s", key, value);
			first = 0;
			done = 1;
			continue;
		}
		if (!first)
			sbuf_add(out, sep, (size_t)(w - sep));
		sbuf_add(out, w, (size_t)(we - w));
		first = 0;
	}
	if (value && !done)
		sbuf_printf(out, "%s%s=%s", first ? "" : " ", key, value);
	sbuf_add(out, tail, (size_t)(end - tail));
	if (out->len - start != len)
		return 1;
	return len && memcmp(out->s + start, line, len) ? 1 : 0;
}

int cmdedit_set(const char *line, size_t len, const char *key, const char *value, const char *skip, struct sbuf *out)
{
	if (!value)
		return -EINVAL;
	return edit(line, len, key, value, skip, out);
}

int cmdedit_remove(const char *line, size_t len, const char *key, const char *skip, struct sbuf *out)
{
	return edit(line, len, key, NULL, skip, out);
}
