/* fleet.c - many hosts' check reports read into one view. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "fleet.h"
#include "jsonx.h"
#include "out/print.h"
#include "util.h"

static const char *const status_names[] = { "pass", "skip", "warn", "fail", "error" };

const char *fleet_status_str(enum fleet_status s)
{
	return (unsigned)s < ARRAY_SIZE(status_names) ? status_names[s] : "error";
}

static int status_parse(const char *s, enum fleet_status *out)
{
	size_t i;

	for (i = 0; s && i < FL_ERROR; i++)
		if (!strcmp(s, status_names[i])) {
			*out = (enum fleet_status)i;
			return 0;
		}
	return -EINVAL;
}

/* A member that must be a string of 1..FLEET_NAME_MAX bytes (not every string: messages may be long). */
static int name_ok(const char *s)
{
	size_t n = s ? strlen(s) : 0;

	return n > 0 && n <= FLEET_NAME_MAX;
}

static int bad(char *why, size_t whylen, const char *fmt, ...) KDC_PRINTF(3, 4);
static int bad(char *why, size_t whylen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(why, whylen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* The words of a report quoted into why: the first 40 bytes, escaped for a terminal later. */
static void word(const char *s, char *out, size_t outlen)
{
	size_t n = s ? strlen(s) : 0;

	if (n > 40)
		n = 40;
	quote_bytes(s ? s : "", n, out, outlen);
}

/* ---- the scan: strict JSON, keeping only what the view needs ------------ */

#define ABSENT ((size_t)-1)
#define NOT_STRING ((size_t)-2)

struct scan {
	const char *start, *p, *end;
	struct fleet_report *r;
	const char *err;	/* the first error */
	size_t at;		/* and where */
	int truncated;		/* the text ended inside a value */
	int checks_array;	/* "checks" was an array */
	size_t not_object;	/* the first check that is not an object, + 1 */
	size_t nelems;		/* elements of checks, stored or not */
};

static int fail(struct scan *s, const char *what)
{
	if (!s->err) {
		s->err = what;
		s->at = (size_t)(s->p - s->start);
		s->truncated = s->p >= s->end;
	}
	return -1;
}

static void ws(struct scan *s)
{
	while (s->p < s->end && (*s->p == ' ' || *s->p == '\n' || *s->p == '\t' || *s->p == '\r'))
		s->p++;
}

/* The next byte, or -1 at the end. */
static int peek(const struct scan *s)
{
	return s->p < s->end ? (unsigned char)*s->p : -1;
}

static void arena_add(struct fleet_report *r, const char *b, size_t n)
{
	if (r->alen + n + 1 > r->acap) {
		while (r->alen + n + 1 > r->acap)
			r->acap = r->acap ? r->acap * 2 : 4096;
		r->arena = xrealloc(r->arena, r->acap);
	}
	memcpy(r->arena + r->alen, b, n);
	r->alen += n;
}

static void arena_utf8(struct fleet_report *r, unsigned cp)
{
	char b[4];
	size_t n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | cp >> 6);
		b[1] = (char)(0x80 | (cp & 0x3f));
		n = 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | cp >> 12);
		b[1] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		n = 3;
	} else {
		b[0] = (char)(0xf0 | cp >> 18);
		b[1] = (char)(0x80 | (cp >> 12 & 0x3f));
		b[2] = (char)(0x80 | (cp >> 6 & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		n = 4;
	}
	arena_add(r, b, n);
}

/* Four hex digits after \u. */
static int hex4(struct scan *s, unsigned *out)
{
	unsigned v = 0;
	int i, h;

	for (i = 0; i < 4; i++) {
		if (s->p >= s->end)
			return fail(s, "a \\u escape cut short");
		h = hex_value((unsigned char)*s->p);
		if (h < 0)
			return fail(s, "a \\u escape that is not hex");
		v = v << 4 | (unsigned)h;
		s->p++;
	}
	*out = v;
	return 0;
}

/*
 * A string at s->p (its opening quote); with keep, decoded into the arena,
 * NUL-terminated, its offset in *off. \u0000 and lone surrogates become U+FFFD
 * (a C string holds no NUL); other bytes are kept as they are and made valid
 * UTF-8 when written out.
 */
static int str(struct scan *s, int keep, size_t *off)
{
	const char *run;

	s->p++;
	if (keep)
		*off = s->r->alen;
	for (;;) {
		run = s->p;
		while (s->p < s->end && *s->p != '"' && *s->p != '\\' && (unsigned char)*s->p >= 0x20)
			s->p++;
		if (keep && s->p > run)
			arena_add(s->r, run, (size_t)(s->p - run));
		if (s->p >= s->end)
			return fail(s, "a string not closed");
		if (*s->p == '"') {
			s->p++;
			break;
		}
		if (*s->p != '\\')
			return fail(s, "a control character in a string");
		s->p++;
		if (s->p >= s->end)
			return fail(s, "an escape cut short");
		switch (*s->p++) {
		case '"': if (keep) arena_add(s->r, "\"", 1); break;
		case '\\': if (keep) arena_add(s->r, "\\", 1); break;
		case '/': if (keep) arena_add(s->r, "/", 1); break;
		case 'b': if (keep) arena_add(s->r, "\b", 1); break;
		case 'f': if (keep) arena_add(s->r, "\f", 1); break;
		case 'n': if (keep) arena_add(s->r, "\n", 1); break;
		case 'r': if (keep) arena_add(s->r, "\r", 1); break;
		case 't': if (keep) arena_add(s->r, "\t", 1); break;
		case 'u': {
			unsigned cp, lo;

			if (hex4(s, &cp))
				return -1;
			if (cp >= 0xd800 && cp < 0xdc00 && s->end - s->p >= 6 && s->p[0] == '\\' && s->p[1] == 'u') {
				const char *back = s->p;

				s->p += 2;
				if (hex4(s, &lo))
					return -1;
				if (lo >= 0xdc00 && lo < 0xe000)
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
				else
					s->p = back;	/* a lone high surrogate; the next escape stands alone */
			}
			if (cp == 0 || (cp >= 0xd800 && cp < 0xe000))
				cp = 0xfffd;
			if (keep)
				arena_utf8(s->r, cp);
			break;
		}
		default:
			s->p--;
			return fail(s, "an unknown escape in a string");
		}
	}
	if (keep)
		arena_add(s->r, "", 1);	/* the NUL */
	return 0;
}

static int digits(struct scan *s)
{
	if (s->p >= s->end || *s->p < '0' || *s->p > '9')
		return fail(s, "a number without digits");
	while (s->p < s->end && *s->p >= '0' && *s->p <= '9')
		s->p++;
	return 0;
}

static int number(struct scan *s)
{
	if (*s->p == '-')
		s->p++;
	if (s->p < s->end && *s->p == '0')
		s->p++;
	else if (digits(s))
		return -1;
	if (s->p < s->end && *s->p == '.') {
		s->p++;
		if (digits(s))
			return -1;
	}
	if (s->p < s->end && (*s->p == 'e' || *s->p == 'E')) {
		s->p++;
		if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
			s->p++;
		if (digits(s))
			return -1;
	}
	/* a number that ends the text may have been cut: the document is not complete anyway */
	return 0;
}

static int literal(struct scan *s, const char *word_)
{
	size_t n = strlen(word_), have = (size_t)(s->end - s->p);

	if (memcmp(s->p, word_, have < n ? have : n))
		return fail(s, "an unexpected character");
	if (have < n) {
		s->p = s->end;
		return fail(s, "a literal cut short");
	}
	s->p += n;
	return 0;
}

/*
 * The members of an object, one per call: start with *first = 1 just after
 * '{'. 1 with the key decoded at arena offset *key and s->p at its value; 0
 * after the closing '}'; -1 on an error.
 */
static int obj_next(struct scan *s, int *first, size_t *key)
{
	ws(s);
	if (peek(s) == '}') {
		s->p++;
		return 0;
	}
	if (!*first) {
		if (peek(s) != ',')
			return fail(s, "expected , or }");
		s->p++;
		ws(s);
		if (peek(s) != '"')
			return fail(s, "expected a member name after ,");
	}
	*first = 0;
	if (peek(s) != '"')
		return fail(s, "expected a member name or }");
	if (str(s, 1, key))
		return -1;
	ws(s);
	if (peek(s) != ':')
		return fail(s, "expected : after a member name");
	s->p++;
	ws(s);
	return 1;
}

/* The elements of an array, as obj_next(): 1 with s->p at the element, 0 after ']'. */
static int arr_next(struct scan *s, int *first)
{
	ws(s);
	if (*first) {
		*first = 0;
		if (peek(s) == ']') {
			s->p++;
			return 0;
		}
		return 1;
	}
	if (peek(s) == ']') {
		s->p++;
		return 0;
	}
	if (peek(s) != ',')
		return fail(s, "expected , or ]");
	s->p++;
	ws(s);
	return 1;
}

/* Any value at s->p, validated and skipped. */
static int value(struct scan *s, int depth)
{
	int first = 1, more;
	size_t key, mark = s->r->alen;

	switch (peek(s)) {
	case -1:
		return fail(s, "a value missing");
	case '"':
		return str(s, 0, NULL);
	case '{':
	case '[':
		if (depth >= FLEET_DEPTH)
			return fail(s, "nesting deeper than 64");
		if (*s->p++ == '{') {
			while ((more = obj_next(s, &first, &key)) == 1) {
				s->r->alen = mark;
				if (value(s, depth + 1))
					return -1;
			}
		} else {
			while ((more = arr_next(s, &first)) == 1)
				if (value(s, depth + 1))
					return -1;
		}
		s->r->alen = mark;
		return more;
	case 't':
		return literal(s, "true");
	case 'f':
		return literal(s, "false");
	case 'n':
		return literal(s, "null");
	default:
		if (*s->p == '-' || (*s->p >= '0' && *s->p <= '9'))
			return number(s);
		return fail(s, "an unexpected character");
	}
}

/* A string member kept: its offset, or NOT_STRING for another value (validated). */
static int member_str(struct scan *s, size_t *off, int depth)
{
	if (peek(s) == '"')
		return str(s, 1, off);
	*off = NOT_STRING;
	return value(s, depth);
}

/* An object whose member name is kept as a string at *off; other values skipped. */
static int obj_one(struct scan *s, const char *name, size_t *off, int depth)
{
	int first = 1, more;
	size_t key;

	if (peek(s) != '{')
		return value(s, depth);
	s->p++;
	while ((more = obj_next(s, &first, &key)) == 1) {
		int want = !strcmp(s->r->arena + key, name);

		s->r->alen = key;
		if (want ? member_str(s, off, depth + 1) : value(s, depth + 1))
			return -1;
	}
	return more;
}

static int check_obj(struct scan *s, struct fleet_slot *slot, int depth)
{
	int first = 1, more;
	size_t key;

	s->p++;
	while ((more = obj_next(s, &first, &key)) == 1) {
		const char *k = s->r->arena + key;
		size_t *off = !strcmp(k, "id") ? &slot->id : !strcmp(k, "status") ? &slot->status :
			      !strcmp(k, "message") ? &slot->message : NULL;

		s->r->alen = key;
		if (off == &slot->message && peek(s) == 'n') {
			slot->message = ABSENT;
			if (literal(s, "null"))
				return -1;
		} else if (off ? member_str(s, off, depth + 1) : value(s, depth + 1)) {
			return -1;
		}
	}
	return more;
}

static int checks_arr(struct scan *s, int depth)
{
	struct fleet_report *r = s->r;
	int first = 1, more;

	if (peek(s) != '[') {
		s->checks_array = 0;
		return value(s, depth);
	}
	s->checks_array = 1;
	s->not_object = 0;
	s->nelems = 0;
	r->nchecks = 0;
	s->p++;
	while ((more = arr_next(s, &first)) == 1) {
		s->nelems++;
		if (peek(s) != '{' || s->nelems > FLEET_CHECKS_MAX) {
			if (peek(s) != '{' && !s->not_object)
				s->not_object = s->nelems;
			if (value(s, depth + 1))
				return -1;
			continue;
		}
		if (r->nchecks == r->capslots) {
			r->capslots = r->capslots ? r->capslots * 2 : 64;
			r->slots = xrealloc(r->slots, r->capslots * sizeof(*r->slots));
		}
		r->slots[r->nchecks].id = r->slots[r->nchecks].status = r->slots[r->nchecks].message = ABSENT;
		if (check_obj(s, &r->slots[r->nchecks], depth + 1))
			return -1;
		r->nchecks++;
	}
	return more;
}

/* The whole text: one value, a report's members kept. */
static int scan_doc(struct scan *s)
{
	struct fleet_report *r = s->r;
	int first = 1, more;
	size_t key;

	ws(s);
	if (peek(s) != '{') {
		if (value(s, 0))
			return -1;
		ws(s);
		if (s->p < s->end)
			return fail(s, "more data after the document");
		return 1;
	}
	s->p++;
	while ((more = obj_next(s, &first, &key)) == 1) {
		const char *k = r->arena + key;

		r->alen = key;
		if (!strcmp(k, "schema"))
			more = member_str(s, &r->schema, 1);
		else if (!strcmp(k, "host"))
			more = obj_one(s, "hostname", &r->hostname, 1);
		else if (!strcmp(k, "summary"))
			more = obj_one(s, "status", &r->summary_status, 1);
		else if (!strcmp(k, "checks"))
			more = checks_arr(s, 1);
		else
			more = value(s, 1);
		if (more)
			return -1;
	}
	if (more)
		return -1;
	ws(s);
	if (s->p < s->end)
		return fail(s, "more data after the document");
	return 0;
}

void fleet_report_init(struct fleet_report *r)
{
	memset(r, 0, sizeof(*r));
}

static const char *at(const struct fleet_report *r, size_t off)
{
	return off == ABSENT || off == NOT_STRING ? NULL : r->arena + off;
}

int fleet_report_parse(const char *data, size_t len, struct fleet_report *r, char *why, size_t whylen)
{
	struct scan s;
	const char *schema, *st;
	char w[128];
	size_t i;
	int e;

	r->alen = 0;
	r->nchecks = 0;
	r->nfail = r->nwarn = 0;
	r->host = NULL;
	r->status = FL_ERROR;
	r->schema = r->hostname = r->summary_status = ABSENT;
	if (len == 0)
		return bad(why, whylen, "empty");
	memset(&s, 0, sizeof(s));
	s.start = s.p = data;
	s.end = data + len;
	s.r = r;
	e = scan_doc(&s);
	if (e < 0) {
		if (s.truncated)
			return bad(why, whylen, "truncated: the JSON ends at byte %zu before it is complete", len);
		return bad(why, whylen, "not JSON: %s at byte %zu", s.err, s.at);
	}
	if (e > 0)
		return bad(why, whylen, "not a report: the JSON is not an object");
	schema = at(r, r->schema);
	if (!schema)
		return bad(why, whylen, "not a report: no \"schema\" (a string)");
	if (strcmp(schema, "kdumpcheck.report/1")) {
		word(schema, w, sizeof(w));
		return bad(why, whylen, "schema '%s' is not kdumpcheck.report/1", w);
	}
	r->host = at(r, r->hostname);
	if (!name_ok(r->host))
		return bad(why, whylen, r->host ? "host.hostname is empty or longer than %d bytes" :
			   "no host.hostname (a string)", FLEET_NAME_MAX);
	st = at(r, r->summary_status);
	if (!st || status_parse(st, &r->status) || r->status == FL_SKIP) {
		word(st, w, sizeof(w));
		return bad(why, whylen, st ? "summary.status '%s' is not pass, warn or fail" :
			   "no summary.status (a string)%s", st ? w : "");
	}
	if (!s.checks_array)
		return bad(why, whylen, "no checks (an array)");
	if (s.nelems > FLEET_CHECKS_MAX)
		return bad(why, whylen, "%zu checks, more than %d", s.nelems, FLEET_CHECKS_MAX);
	if (s.not_object)
		return bad(why, whylen, "check %zu is not an object", s.not_object);
	for (i = 0; i < r->nchecks; i++) {
		const struct fleet_slot *c = &r->slots[i];
		const char *id = at(r, c->id), *cs = at(r, c->status);
		enum fleet_status cst;

		if (!name_ok(id))
			return bad(why, whylen, "check %zu: no id (a string of 1 to %d bytes)", i + 1, FLEET_NAME_MAX);
		if (!cs || status_parse(cs, &cst)) {
			word(id, w, sizeof(w));
			return bad(why, whylen, "check '%s': status is not pass, warn, fail or skip", w);
		}
		if (c->message == NOT_STRING) {
			word(id, w, sizeof(w));
			return bad(why, whylen, "check '%s': message is not a string", w);
		}
		if (cst == FL_FAIL)
			r->nfail++;
		else if (cst == FL_WARN)
			r->nwarn++;
		/* a summary that hides a failing check is not believed */
		if ((cst == FL_FAIL || cst == FL_WARN) && cst > r->status)
			r->status = cst;
	}
	return 0;
}

void fleet_report_check(const struct fleet_report *r, size_t i, struct fleet_check *c)
{
	const struct fleet_slot *sl = &r->slots[i];

	c->id = at(r, sl->id);
	c->message = at(r, sl->message);
	if (status_parse(at(r, sl->status), &c->status))
		c->status = FL_ERROR;
}

void fleet_report_free(struct fleet_report *r)
{
	free(r->arena);
	free(r->slots);
	memset(r, 0, sizeof(*r));
}

/* ---- the view ---------------------------------------------------------- */

/* A check that did not pass on a host: the interned id and its status. */
struct hbad {
	uint32_t check;
	uint8_t status;
};

struct fhost {
	char *name;
	char *path;
	int64_t mtime;
	size_t order;		/* the order reports were given: the first wins a tie */
	enum fleet_status status;
	unsigned nfail, nwarn;
	size_t nbad;
	struct hbad *bad;
};

struct dup {
	char *host;
	char *path;
	size_t kept;		/* index into hosts */
};

struct unreadable {
	char *path;
	char *why;
};

/* An open-addressing table from names to indexes. */
struct nametab {
	uint32_t *slot;		/* index + 1, 0 for an empty slot */
	size_t cap;
	size_t used;
};

struct check_id {
	char *id;
	size_t nfail, nwarn;
};

struct fleet {
	struct fhost *hosts;
	size_t nhosts, caphosts;
	struct nametab hosttab;
	struct check_id *checks;
	size_t nchecks, capchecks;
	struct nametab checktab;
	struct dup *dups;
	size_t ndups, capdups;
	struct unreadable *unr;
	size_t nunr, capunr;
	size_t order;
};

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ull;	/* FNV-1a */

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 1099511628211ull;
	}
	return h;
}

/* The slot of name in t (names[i] is the name of index i): its index, or -1 with *slotp where it goes. */
static long tab_find(const struct nametab *t, const char *name, const char *(*key)(const void *, size_t),
		     const void *base, size_t *slotp)
{
	size_t i;

	if (!t->cap) {
		*slotp = 0;
		return -1;
	}
	for (i = (size_t)hash_str(name) & (t->cap - 1);; i = (i + 1) & (t->cap - 1)) {
		if (!t->slot[i]) {
			*slotp = i;
			return -1;
		}
		if (!strcmp(key(base, t->slot[i] - 1), name))
			return (long)(t->slot[i] - 1);
	}
}

static void tab_grow(struct nametab *t, const char *(*key)(const void *, size_t), const void *base)
{
	struct nametab n;
	size_t i, s;

	n.cap = t->cap ? t->cap * 2 : 64;
	n.slot = xcalloc(n.cap, sizeof(*n.slot));
	n.used = t->used;
	for (i = 0; i < t->cap; i++) {
		if (!t->slot[i])
			continue;
		tab_find(&n, key(base, t->slot[i] - 1), key, base, &s);
		n.slot[s] = t->slot[i];
	}
	free(t->slot);
	*t = n;
}

/* Put index idx (whose name is not in t) into t. */
static void tab_put(struct nametab *t, size_t idx, const char *(*key)(const void *, size_t), const void *base)
{
	size_t s;

	if ((t->used + 1) * 2 > t->cap)
		tab_grow(t, key, base);
	tab_find(t, key(base, idx), key, base, &s);
	t->slot[s] = (uint32_t)(idx + 1);
	t->used++;
}

static const char *host_key(const void *base, size_t i)
{
	return ((const struct fhost *)base)[i].name;
}

static const char *check_key(const void *base, size_t i)
{
	return ((const struct check_id *)base)[i].id;
}

struct fleet *fleet_new(void)
{
	return xcalloc(1, sizeof(struct fleet));
}

static void host_clear(struct fhost *h)
{
	free(h->name);
	free(h->path);
	free(h->bad);
}

void fleet_free(struct fleet *fl)
{
	size_t i;

	if (!fl)
		return;
	for (i = 0; i < fl->nhosts; i++)
		host_clear(&fl->hosts[i]);
	free(fl->hosts);
	free(fl->hosttab.slot);
	for (i = 0; i < fl->nchecks; i++)
		free(fl->checks[i].id);
	free(fl->checks);
	free(fl->checktab.slot);
	for (i = 0; i < fl->ndups; i++) {
		free(fl->dups[i].host);
		free(fl->dups[i].path);
	}
	free(fl->dups);
	for (i = 0; i < fl->nunr; i++) {
		free(fl->unr[i].path);
		free(fl->unr[i].why);
	}
	free(fl->unr);
	free(fl);
}

/* Grow the array *p of *cap elements of size sz to hold n + 1. */
static void *grow(void *p, size_t *cap, size_t n, size_t sz)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 16;
	return xrealloc(p, *cap * sz);
}

static uint32_t check_intern(struct fleet *fl, const char *id)
{
	size_t s;
	long i = tab_find(&fl->checktab, id, check_key, fl->checks, &s);

	if (i >= 0)
		return (uint32_t)i;
	fl->checks = grow(fl->checks, &fl->capchecks, fl->nchecks, sizeof(*fl->checks));
	fl->checks[fl->nchecks].id = xstrdup(id);
	fl->checks[fl->nchecks].nfail = fl->checks[fl->nchecks].nwarn = 0;
	tab_put(&fl->checktab, fl->nchecks, check_key, fl->checks);
	return (uint32_t)fl->nchecks++;
}

/* The summary of report r as host h. */
static void host_fill(struct fleet *fl, struct fhost *h, const struct fleet_report *r, const char *path, int64_t mtime)
{
	size_t i, j;

	h->name = xstrdup(r->host);
	h->path = xstrdup(path);
	h->mtime = mtime;
	h->order = fl->order;
	h->status = r->status;
	h->nfail = r->nfail;
	h->nwarn = r->nwarn;
	h->nbad = 0;
	h->bad = r->nfail + r->nwarn ? xcalloc(r->nfail + r->nwarn, sizeof(*h->bad)) : NULL;
	for (i = 0; i < r->nchecks; i++) {
		struct fleet_check c;
		uint32_t id;

		fleet_report_check(r, i, &c);
		if (c.status != FL_FAIL && c.status != FL_WARN)
			continue;
		id = check_intern(fl, c.id);
		/* a check listed twice counts once, at its worst */
		for (j = 0; j < h->nbad && h->bad[j].check != id; j++)
			;
		if (j < h->nbad) {
			if (c.status > h->bad[j].status)
				h->bad[j].status = (uint8_t)c.status;
			continue;
		}
		h->bad[h->nbad].check = id;
		h->bad[h->nbad].status = (uint8_t)c.status;
		h->nbad++;
	}
}

static void add_dup(struct fleet *fl, const char *host, const char *path, size_t kept)
{
	fl->dups = grow(fl->dups, &fl->capdups, fl->ndups, sizeof(*fl->dups));
	fl->dups[fl->ndups].host = xstrdup(host);
	fl->dups[fl->ndups].path = xstrdup(path);
	fl->dups[fl->ndups].kept = kept;
	fl->ndups++;
}

void fleet_add(struct fleet *fl, const struct fleet_report *r, const char *path, int64_t mtime)
{
	size_t s;
	long i = tab_find(&fl->hosttab, r->host, host_key, fl->hosts, &s);

	fl->order++;
	if (i >= 0) {
		struct fhost *h = &fl->hosts[i];

		if (mtime > h->mtime) {
			/* the newer report replaces the one kept; that one becomes the duplicate */
			add_dup(fl, h->name, h->path, (size_t)i);
			host_clear(h);
			host_fill(fl, h, r, path, mtime);
		} else {
			add_dup(fl, r->host, path, (size_t)i);
		}
		return;
	}
	fl->hosts = grow(fl->hosts, &fl->caphosts, fl->nhosts, sizeof(*fl->hosts));
	host_fill(fl, &fl->hosts[fl->nhosts], r, path, mtime);
	tab_put(&fl->hosttab, fl->nhosts, host_key, fl->hosts);
	fl->nhosts++;
}

void fleet_add_unreadable(struct fleet *fl, const char *path, const char *why)
{
	fl->unr = grow(fl->unr, &fl->capunr, fl->nunr, sizeof(*fl->unr));
	fl->unr[fl->nunr].path = xstrdup(path);
	fl->unr[fl->nunr].why = xstrdup(why);
	fl->nunr++;
}

size_t fleet_hosts(const struct fleet *fl)
{
	return fl->nhosts;
}

size_t fleet_unreadable(const struct fleet *fl)
{
	return fl->nunr;
}

/* ---- ordering ---------------------------------------------------------- */

/* Worst first: status, then failures, then warnings, then the name. */
static int cmp_worst(const void *a, const void *b)
{
	const struct fhost *x = *(const struct fhost *const *)a, *y = *(const struct fhost *const *)b;

	if (x->status != y->status)
		return x->status > y->status ? -1 : 1;
	if (x->nfail != y->nfail)
		return x->nfail > y->nfail ? -1 : 1;
	if (x->nwarn != y->nwarn)
		return x->nwarn > y->nwarn ? -1 : 1;
	return strcmp(x->name, y->name);
}

static int cmp_name(const void *a, const void *b)
{
	const struct fhost *x = *(const struct fhost *const *)a, *y = *(const struct fhost *const *)b;

	return strcmp(x->name, y->name);
}

/* The checks with a failing or warning host: most failing hosts first, then most warning, then the id. */
static struct fleet *sort_ctx;
static int cmp_check(const void *a, const void *b)
{
	const struct check_id *x = &sort_ctx->checks[*(const uint32_t *)a], *y = &sort_ctx->checks[*(const uint32_t *)b];

	if (x->nfail != y->nfail)
		return x->nfail > y->nfail ? -1 : 1;
	if (x->nwarn != y->nwarn)
		return x->nwarn > y->nwarn ? -1 : 1;
	return strcmp(x->id, y->id);
}

static int cmp_path(const void *a, const void *b)
{
	return strcmp(((const struct unreadable *)a)->path, ((const struct unreadable *)b)->path);
}

/*
 * The view's orders: hosts worst first (*worst), hosts by name (*byname), the
 * non-passing checks (*order, *norder) and, per check, its failing then
 * warning hosts by name (*members: for check k, members[start[k]..start[k+1])).
 */
struct view {
	struct fhost **worst, **byname;
	uint32_t *order;
	size_t norder;
	size_t *start;
	struct fhost **members;
};

static void view_build(struct fleet *fl, struct view *v)
{
	size_t i, j, total = 0, *fill;

	v->worst = xcalloc(fl->nhosts + 1, sizeof(*v->worst));
	v->byname = xcalloc(fl->nhosts + 1, sizeof(*v->byname));
	for (i = 0; i < fl->nhosts; i++)
		v->worst[i] = v->byname[i] = &fl->hosts[i];
	qsort(v->worst, fl->nhosts, sizeof(*v->worst), cmp_worst);
	qsort(v->byname, fl->nhosts, sizeof(*v->byname), cmp_name);
	for (i = 0; i < fl->nchecks; i++)
		fl->checks[i].nfail = fl->checks[i].nwarn = 0;
	for (i = 0; i < fl->nhosts; i++)
		for (j = 0; j < fl->hosts[i].nbad; j++) {
			struct check_id *c = &fl->checks[fl->hosts[i].bad[j].check];

			if (fl->hosts[i].bad[j].status == FL_FAIL)
				c->nfail++;
			else
				c->nwarn++;
			total++;
		}
	v->order = xcalloc(fl->nchecks + 1, sizeof(*v->order));
	v->norder = 0;
	for (i = 0; i < fl->nchecks; i++)
		if (fl->checks[i].nfail + fl->checks[i].nwarn)
			v->order[v->norder++] = (uint32_t)i;
	sort_ctx = fl;
	qsort(v->order, v->norder, sizeof(*v->order), cmp_check);
	sort_ctx = NULL;
	/* members, by check index: failing hosts first, then warning, each by name */
	v->start = xcalloc(fl->nchecks + 1, sizeof(*v->start));
	for (i = 0; i < fl->nchecks; i++)
		v->start[i + 1] = v->start[i] + fl->checks[i].nfail + fl->checks[i].nwarn;
	v->members = xcalloc(total + 1, sizeof(*v->members));
	fill = xcalloc(fl->nchecks + 1, sizeof(*fill));
	for (i = 0; i < fl->nhosts; i++) {
		struct fhost *h = v->byname[i];

		for (j = 0; j < h->nbad; j++)
			if (h->bad[j].status == FL_FAIL) {
				uint32_t k = h->bad[j].check;

				v->members[v->start[k] + fill[k]++] = h;
			}
	}
	for (i = 0; i < fl->nhosts; i++) {
		struct fhost *h = v->byname[i];

		for (j = 0; j < h->nbad; j++)
			if (h->bad[j].status == FL_WARN) {
				uint32_t k = h->bad[j].check;

				v->members[v->start[k] + fill[k]++] = h;
			}
	}
	free(fill);
	qsort(fl->unr, fl->nunr, sizeof(*fl->unr), cmp_path);
}

static void view_free(struct view *v)
{
	free(v->worst);
	free(v->byname);
	free(v->order);
	free(v->start);
	free(v->members);
}

static void status_counts(const struct fleet *fl, size_t cnt[FL_ERROR + 1])
{
	size_t i;

	memset(cnt, 0, sizeof(size_t) * (FL_ERROR + 1));
	for (i = 0; i < fl->nhosts; i++)
		cnt[fl->hosts[i].status]++;
	cnt[FL_ERROR] += fl->nunr;
}

/* ---- JSON -------------------------------------------------------------- */

struct json_object *fleet_json(struct fleet *fl)
{
	struct json_object *doc = json_object_new_object(), *o, *a;
	struct view v;
	size_t cnt[FL_ERROR + 1], i, j;

	view_build(fl, &v);
	status_counts(fl, cnt);
	json_object_object_add(doc, "schema", json_object_new_string("kdumpcheck.fleet/1"));
	json_object_object_add(doc, "hosts", json_object_new_int64((int64_t)(fl->nhosts + fl->nunr)));
	o = json_object_new_object();
	json_object_object_add(o, "pass", json_object_new_int64((int64_t)cnt[FL_PASS]));
	json_object_object_add(o, "warn", json_object_new_int64((int64_t)cnt[FL_WARN]));
	json_object_object_add(o, "fail", json_object_new_int64((int64_t)cnt[FL_FAIL]));
	json_object_object_add(o, "error", json_object_new_int64((int64_t)cnt[FL_ERROR]));
	json_object_object_add(doc, "status", o);
	a = json_object_new_array();
	for (i = 0; i < v.norder; i++) {
		uint32_t k = v.order[i];
		struct json_object *c = json_object_new_object(), *fa = json_object_new_array(),
				   *wa = json_object_new_array();

		json_object_object_add(c, "id", jsonx_str_utf8(fl->checks[k].id));
		for (j = v.start[k]; j < v.start[k + 1]; j++)
			json_object_array_add(j - v.start[k] < fl->checks[k].nfail ? fa : wa,
					      jsonx_str_utf8(v.members[j]->name));
		json_object_object_add(c, "fail", fa);
		json_object_object_add(c, "warn", wa);
		json_object_array_add(a, c);
	}
	json_object_object_add(doc, "checks", a);
	a = json_object_new_array();
	for (i = 0; i < fl->nhosts; i++) {
		struct fhost *h = v.worst[i];
		struct json_object *e = json_object_new_object();

		json_object_object_add(e, "host", jsonx_str_utf8(h->name));
		json_object_object_add(e, "status", json_object_new_string(fleet_status_str(h->status)));
		json_object_object_add(e, "fail", json_object_new_int64(h->nfail));
		json_object_object_add(e, "warn", json_object_new_int64(h->nwarn));
		json_object_object_add(e, "report", jsonx_str_utf8(h->path));
		json_object_array_add(a, e);
	}
	json_object_object_add(doc, "hosts_worst_first", a);
	a = json_object_new_array();
	for (i = 0; i < fl->nunr; i++) {
		struct json_object *e = json_object_new_object();

		json_object_object_add(e, "path", jsonx_str_utf8(fl->unr[i].path));
		json_object_object_add(e, "why", jsonx_str_utf8(fl->unr[i].why));
		json_object_array_add(a, e);
	}
	json_object_object_add(doc, "unreadable", a);
	a = json_object_new_array();
	for (i = 0; i < fl->ndups; i++) {
		struct json_object *e = json_object_new_object();

		json_object_object_add(e, "host", jsonx_str_utf8(fl->dups[i].host));
		json_object_object_add(e, "path", jsonx_str_utf8(fl->dups[i].path));
		json_object_object_add(e, "kept", jsonx_str_utf8(fl->hosts[fl->dups[i].kept].path));
		json_object_array_add(a, e);
	}
	json_object_object_add(doc, "duplicates", a);
	view_free(&v);
	return doc;
}

/* ---- text -------------------------------------------------------------- */

static void say(struct sbuf *out, const char *fmt, ...) KDC_PRINTF(2, 3);
static void say(struct sbuf *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	print_vformat(out, fmt, ap);
	va_end(ap);
}

/* At most this many hosts per check and per list in text, unless verbose. */
#define TEXT_HOSTS 10

/* "n fail: a, b, c and N more" for the members [from, to) of a check. */
static void text_members(struct sbuf *out, struct fhost **m, size_t from, size_t to, const char *label, int verbose)
{
	size_t i, n = to - from;

	if (!n)
		return;
	say(out, "    %s on %zu: ", label, n);
	for (i = 0; i < n && (verbose || i < TEXT_HOSTS); i++)
		say(out, "%s%s", i ? ", " : "", m[from + i]->name);
	if (i < n)
		say(out, " and %zu more (-v for all)", n - i);
	say(out, "\n");
}

void fleet_text(struct fleet *fl, struct sbuf *out, int verbose)
{
	struct view v;
	size_t cnt[FL_ERROR + 1], i;
	size_t width = 4;

	view_build(fl, &v);
	status_counts(fl, cnt);
	say(out, "%zu hosts: %zu pass, %zu warn, %zu fail, %zu error\n", fl->nhosts + fl->nunr, cnt[FL_PASS],
	    cnt[FL_WARN], cnt[FL_FAIL], cnt[FL_ERROR]);
	if (v.norder)
		say(out, "\nChecks that do not pass, most failing hosts first:\n");
	for (i = 0; i < v.norder; i++) {
		uint32_t k = v.order[i];

		say(out, "  %s: %zu fail, %zu warn\n", fl->checks[k].id, fl->checks[k].nfail, fl->checks[k].nwarn);
		text_members(out, v.members, v.start[k], v.start[k] + fl->checks[k].nfail, "fail", verbose);
		text_members(out, v.members, v.start[k] + fl->checks[k].nfail, v.start[k + 1], "warn", verbose);
	}
	for (i = 0; i < fl->nhosts; i++)
		if (strlen(v.worst[i]->name) > width)
			width = strlen(v.worst[i]->name);
	if (width > 40)
		width = 40;
	if (fl->nhosts)
		say(out, "\nHosts, worst first:\n  %-*s  %-6s %4s %4s  %s\n", (int)width, "HOST", "STATUS", "FAIL",
		    "WARN", "REPORT");
	for (i = 0; i < fl->nhosts; i++) {
		struct fhost *h = v.worst[i];

		if (!verbose && i >= TEXT_HOSTS * 5 && h->status == FL_PASS) {
			say(out, "  ... and %zu more hosts that pass (-v for all)\n", fl->nhosts - i);
			break;
		}
		say(out, "  %-*s  %-6s %4u %4u  %s\n", (int)width, h->name, fleet_status_str(h->status), h->nfail,
		    h->nwarn, h->path);
	}
	if (fl->nunr)
		say(out, "\nReports that could not be read (each counts as a host in error):\n");
	for (i = 0; i < fl->nunr; i++)
		say(out, "  %s: %s\n", fl->unr[i].path, fl->unr[i].why);
	if (fl->ndups)
		say(out, "\nDuplicate hosts (the newer report is kept):\n");
	for (i = 0; i < fl->ndups; i++)
		say(out, "  %s: %s (kept %s)\n", fl->dups[i].host, fl->dups[i].path, fl->hosts[fl->dups[i].kept].path);
	view_free(&v);
}
