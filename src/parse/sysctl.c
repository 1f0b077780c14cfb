/*
 * sysctl.c - one sysctl.conf / sysctl.d file's text, line by line:
 *   line    := blank | comment | assign | "-" key
 *   comment := ('#' | ';') anything
 *   assign  := ['-'] key '=' value      (blanks around key and value trimmed)
 *   key     := dotted or slashed name, "kernel.panic" or "kernel/panic"
 * The order files apply in is read/sysctl-files.c's.
 *
 * Bounds: one pass over the text, keys found through a hash index (linear,
 * not quadratic, in the number of lines); a value is a copy of its line;
 * -E2BIG past 2^30 keys. The text itself is at most ROOT_READ_MAX.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/sysctl.h"
#include "util.h"

/*
 * Normalize a key to the dotted form: when the first separator is '/', '/'
 * and '.' swap (sysctl.d(5)); runs of separators and separators at either
 * end are dropped. Returns a new string, or NULL when the key is empty or
 * holds blanks or control characters.
 */
static char *normalize_key(const char *k, size_t n)
{
	const char *sep = NULL;
	char *out, *o;
	size_t i;
	int swap;

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)k[i];
		if (c <= ' ' || c == 0x7f)
			return NULL;
		if (!sep && (c == '/' || c == '.'))
			sep = k + i;
	}
	swap = sep && *sep == '/';
	out = o = xmalloc(n + 1);
	for (i = 0; i < n; i++) {
		char c = k[i];
		if (swap && (c == '/' || c == '.'))
			c = c == '/' ? '.' : '/';
		if (c == '.' && (o == out || o[-1] == '.'))
			continue;
		*o++ = c;
	}
	while (o > out && o[-1] == '.')
		o--;
	*o = '\0';
	if (o == out) {
		free(out);
		return NULL;
	}
	return out;
}

/* Grow set->v so one more entry fits (capacity doubles at powers of two). */
static void grow_settings(struct sysctl_set *set)
{
	size_t n = set->n;

	if (n == 0)
		set->v = xrealloc(set->v, 8 * sizeof(*set->v));
	else if (n >= 8 && (n & (n - 1)) == 0)
		set->v = xrealloc(set->v, 2 * n * sizeof(*set->v));
}

/* Append a file name to set->files (same growth rule). */
static void add_file(struct sysctl_set *set, const char *file)
{
	size_t n = set->nfiles;

	if (n == 0)
		set->files = xrealloc(set->files, 8 * sizeof(*set->files));
	else if (n >= 8 && (n & (n - 1)) == 0)
		set->files = xrealloc(set->files, 2 * n * sizeof(*set->files));
	set->files[set->nfiles++] = xstrdup(file);
}

/* FNV-1a of a key, for the index below. */
static uint32_t hash_key(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/*
 * An open-addressing index from key to position in set->v, built for one
 * parse so that a file with many lines stays linear. Slots hold index + 1.
 */
struct key_index {
	uint32_t *slot;
	size_t mask;
};

/* Find the slot of key: its entry, or the empty slot where it would go. */
static uint32_t *index_slot(const struct key_index *ix, const struct sysctl_set *set, const char *key)
{
	size_t i = hash_key(key) & ix->mask;

	for (;;) {
		uint32_t s = ix->slot[i];
		if (!s || strcmp(set->v[s - 1].key, key) == 0)
			return &ix->slot[i];
		i = (i + 1) & ix->mask;
	}
}

/* Size the index for the entries already in set plus up to more new ones. */
static int index_build(struct key_index *ix, const struct sysctl_set *set, size_t more)
{
	size_t want = set->n + more, size = 16, i;

	if (want > (UINT32_MAX >> 2) || set->n > SIZE_MAX / 4)
		return -E2BIG;
	while (size < want * 2)
		size <<= 1;
	ix->slot = xcalloc(size, sizeof(*ix->slot));
	ix->mask = size - 1;
	for (i = 0; i < set->n; i++)
		*index_slot(ix, set, set->v[i].key) = (uint32_t)(i + 1);
	return 0;
}

/* Record key = value from file:line, replacing an earlier value of the key. */
static void set_value(struct sysctl_set *set, struct key_index *ix, char *key,
		      const char *val, size_t vlen, const char *file, unsigned line)
{
	uint32_t *slot = index_slot(ix, set, key);
	struct sysctl_setting *s;

	if (*slot) {
		s = &set->v[*slot - 1];
		free(key);
		free(s->value);
		free(s->file);
	} else {
		grow_settings(set);
		s = &set->v[set->n];
		s->key = key;
		*slot = (uint32_t)(++set->n);
	}
	s->value = xstrndup(val, vlen);
	s->file = xstrdup(file);
	s->line = line;
}

/* Count the lines of a buffer, an upper bound on its assignments. */
static size_t count_lines(const char *text, size_t len)
{
	const char *p = text, *end = text + len, *nl;
	size_t n = 1;

	while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
		n++;
		p = nl + 1;
	}
	return n;
}

int sysctl_parse(struct sysctl_set *set, const char *file, const char *text, size_t len, unsigned *errline,
		 const char **why)
{
	struct key_index ix;
	struct line_iter it;
	const char *line, *dummy_why;
	size_t n;
	unsigned dummy_line;
	int err = 0, r;

	if (!errline)
		errline = &dummy_line;
	if (!why)
		why = &dummy_why;
	*errline = 0;
	*why = NULL;
	if (!file)
		file = "";
	if (!text)
		len = 0;
	r = index_build(&ix, set, text ? count_lines(text, len) : 0);
	if (r)
		return r;
	add_file(set, file);
	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &line, &n)) {
		const char *eq = NULL, *k, *v;
		size_t kn, vn;
		char *key = NULL;
		const char *bad = NULL;

		span_trim(&line, &n);
		if (!n || line[0] == '#' || line[0] == ';')
			continue;
		/* "-key" alone: systemd 250+ excludes key from an earlier glob assignment */
		if (line[0] == '-' && n > 1 && !memchr(line, '=', n) && !memchr(line, '\0', n) &&
		    !memchr(line, ' ', n) && !memchr(line, '\t', n))
			continue;
		if (memchr(line, '\0', n))
			bad = "NUL byte in line";
		else if (!(eq = memchr(line, '=', n)))
			bad = "line is not an assignment (no '=')";
		if (!bad) {
			k = line;
			kn = (size_t)(eq - line);
			v = eq + 1;
			vn = n - kn - 1;
			span_trim(&k, &kn);
			span_trim(&v, &vn);
			if (kn && k[0] == '-') {
				k++, kn--;
				span_trim(&k, &kn);
			}
			if (!kn)
				bad = "empty key";
			else if (!(key = normalize_key(k, kn)))
				bad = "invalid key";
			else
				set_value(set, &ix, key, v, vn, file, it.lineno);
		}
		if (bad && !err) {
			err = -EINVAL;
			*errline = it.lineno;
			*why = bad;
		}
	}
	free(ix.slot);
	return err;
}

/* The setting whose normalized key is exactly k, or NULL. */
static const struct sysctl_setting *find_exact(const struct sysctl_set *set, const char *k)
{
	size_t i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->v[i].key, k) == 0)
			return &set->v[i];
	return NULL;
}

const struct sysctl_setting *sysctl_find(const struct sysctl_set *set, const char *key)
{
	const struct sysctl_setting *found;
	char *k;

	if (!set || !key)
		return NULL;
	/* a stored key as given first: normalizing twice differs (slashed "a./b" is stored as "a/.b") */
	found = find_exact(set, key);
	if (found || !(k = normalize_key(key, strlen(key))))
		return found;
	found = find_exact(set, k);
	free(k);
	return found;
}

void sysctl_set_free(struct sysctl_set *set)
{
	size_t i;

	if (!set)
		return;
	for (i = 0; i < set->n; i++) {
		free(set->v[i].key);
		free(set->v[i].value);
		free(set->v[i].file);
	}
	for (i = 0; i < set->nfiles; i++)
		free(set->files[i]);
	free(set->v);
	free(set->files);
	set->v = NULL;
	set->files = NULL;
	set->n = 0;
	set->nfiles = 0;
}

int sysctl_proc_path(const char *key, char *out, size_t outlen)
{
	static const char prefix[] = "/proc/sys/";
	char *k, *p, *comp;
	int e = 0;

	if (!key || !out || !outlen)
		return -EINVAL;
	if (!(k = normalize_key(key, strlen(key))))
		return -EINVAL;
	/* dots become directory levels; a '/' standing for a literal dot turns back into one */
	for (p = k; *p; p++)
		*p = *p == '.' ? '/' : *p == '/' ? '.' : *p;
	for (comp = k; comp && *comp; comp = p ? p + 1 : NULL) {
		size_t cl;
		p = strchr(comp, '/');
		cl = p ? (size_t)(p - comp) : strlen(comp);
		if ((cl == 1 && comp[0] == '.') || (cl == 2 && comp[0] == '.' && comp[1] == '.')) {
			e = -EINVAL;
			break;
		}
	}
	if (!e)
		e = xsnprintf(out, outlen, "%s%s", prefix, k);
	free(k);
	return e;
}
