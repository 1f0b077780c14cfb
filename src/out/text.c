/* text.c - the human report: grouped by area, a status per check, the fix to paste. */
#include <string.h>

#include "out/out.h"
#include "root.h"
#include "util.h"

#define RED "\033[31m"
#define GREEN "\033[32m"
#define YELLOW "\033[33m"
#define DIM "\033[2m"
#define BOLD "\033[1m"
#define RESET "\033[0m"

static const char *status_color(enum status st)
{
	switch (st) {
	case ST_PASS: return GREEN;
	case ST_WARN: return YELLOW;
	case ST_FAIL: return RED;
	default: return DIM;
	}
}

/* "PASS", "WARN" ... upper case for the column. */
static const char *status_word(enum status st)
{
	switch (st) {
	case ST_PASS: return "PASS";
	case ST_WARN: return "WARN";
	case ST_FAIL: return "FAIL";
	default: return "SKIP";
	}
}

/* A host word escaped for the terminal in b (text_escape()); valid until b changes. */
static const char *tx(struct sbuf *b, const char *s)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
	text_escape(b, s, strlen(s));
	return sbuf_str(b);
}

/* The first line: the host, its OS, kernel, RAM, CPUs and the root judged. */
static void head_line(FILE *f, const struct ctx *c, const struct out_opts *o)
{
	const struct host *h = &c->host;
	struct sbuf hn, os, rel, rd;
	char mem[32];

	sbuf_init(&hn);
	sbuf_init(&os);
	sbuf_init(&rel);
	sbuf_init(&rd);
	fmt_size(h->mem_total, mem, sizeof(mem));
	fprintf(f, "%skdumpcheck %s%s: %s, %s, kernel %s, %s RAM, %u CPU%s%s%s\n", o->color ? BOLD : "",
		KDC_VERSION, o->color ? RESET : "", h->hostname[0] ? tx(&hn, h->hostname) : "(unknown host)",
		h->os[0] ? tx(&os, h->os) : "unknown OS", h->release[0] ? tx(&rel, h->release) : "unknown",
		h->mem_total ? mem : "?", h->cpus, h->cpus == 1 ? "" : "s",
		root_is_live(c->root) ? "" : ", root ", root_is_live(c->root) ? "" : tx(&rd, root_dir(c->root)));
	sbuf_free(&hn);
	sbuf_free(&os);
	sbuf_free(&rel);
	sbuf_free(&rd);
}

void out_text(FILE *f, const struct ctx *c, const struct report *rep, const struct out_opts *o)
{
	const char *area = "";
	struct sbuf b;
	size_t i;
	int w = 0;

	for (i = 0; i < rep->n; i++) {
		int l = (int)strlen(rep->results[i].id);
		if (l > w)
			w = l;
	}

	if (o->verbosity >= 0)
		head_line(f, c, o);
	sbuf_init(&b);
	for (i = 0; i < rep->n; i++) {
		const struct result *r = &rep->results[i];
		if (o->verbosity < 0 && (r->status == ST_PASS || r->status == ST_SKIP))
			continue;
		if (strcmp(area, r->area)) {
			area = r->area;
			fprintf(f, "\n%s%s%s\n", o->color ? BOLD : "", area, o->color ? RESET : "");
		}
		fprintf(f, "  %s%s%s  %-*s  %s\n", o->color ? status_color(r->status) : "", status_word(r->status),
			o->color ? RESET : "", w, r->id, tx(&b, r->message));
		if (o->verbosity > 0 && r->observed[0])
			fprintf(f, "        %-*s  observed: %s\n", w, "", tx(&b, r->observed));
		if (o->verbosity > 0 && r->expected[0])
			fprintf(f, "        %-*s  expected: %s\n", w, "", tx(&b, r->expected));
		if (r->remedy[0])
			fprintf(f, "        %-*s  fix: %s\n", w, "", tx(&b, r->remedy));
	}
	sbuf_free(&b);
	fprintf(f, "\n%ssummary: %s%s%s - %d passed, %d warning%s, %d failed, %d skipped\n", o->color ? BOLD : "",
		o->color ? status_color(rep->worst) : "", status_word(rep->worst), o->color ? RESET : "",
		rep->npass, rep->nwarn, rep->nwarn == 1 ? "" : "s", rep->nfail, rep->nskip);
}

void out_report(FILE *f, const struct ctx *c, const struct report *rep, const struct out_opts *o)
{
	switch (o->format) {
	case FMT_JSON: out_json(f, c, rep); break;
	case FMT_PROM: out_prom(f, c, rep); break;
	case FMT_NAGIOS: out_nagios(f, c, rep); break;
	default: out_text(f, c, rep, o); break;
	}
}
