/*
 * fleet-scan.c - the report reader of 'fleet': one strict pass over the JSON
 * text of a report, keeping only the members the view needs.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fleet.h"
#include "util.h"

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
	if (!st || fleet_status_parse(st, &r->status) || r->status == FL_SKIP) {
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
		if (!cs || fleet_status_parse(cs, &cst)) {
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
	if (fleet_status_parse(at(r, sl->status), &c->status))
		c->status = FL_ERROR;
}

void fleet_report_free(struct fleet_report *r)
{
	free(r->arena);
	free(r->slots);
	memset(r, 0, sizeof(*r));
}

