/* fleet.c - the fleet view: host summaries, their order, and the view in JSON and text. */
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

int fleet_status_parse(const char *s, enum fleet_status *out)
{
	size_t i;

	for (i = 0; s && i < FL_ERROR; i++)
		if (!strcmp(s, status_names[i])) {
			*out = (enum fleet_status)i;
			return 0;
		}
	return -EINVAL;
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
	h->nfail = 0;
	h->nwarn = 0;
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
	/* the host's counts are those of its checks, each once (as the per-check lists have them) */
	for (j = 0; j < h->nbad; j++) {
		if (h->bad[j].status == FL_FAIL)
			h->nfail++;
		else
			h->nwarn++;
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
	if (fl->nhosts) {
		qsort(v->worst, fl->nhosts, sizeof(*v->worst), cmp_worst);
		qsort(v->byname, fl->nhosts, sizeof(*v->byname), cmp_name);
	}
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
	if (v->norder)
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
	if (fl->nunr)
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
