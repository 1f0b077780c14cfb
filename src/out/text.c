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

void out_text(FILE *f, const struct ctx *c, const struct report *rep, const struct out_opts *o)
{
	const struct host *h = &c->host;
	const char *area = "";
	char mem[32];
	size_t i;
	int w = 0;

	for (i = 0; i < rep->n; i++) {
		int l = (int)strlen(rep->results[i].id);
		if (l > w)
			w = l;
	}

	fmt_size(h->mem_total, mem, sizeof(mem));
	if (o->verbosity >= 0)
		fprintf(f, "%skdumpcheck %s%s: %s, %s, kernel %s, %s RAM, %u CPU%s%s%s\n", o->color ? BOLD : "",
			KDC_VERSION, o->color ? RESET : "", h->hostname[0] ? h->hostname : "(unknown host)",
			h->os[0] ? h->os : "unknown OS", h->release[0] ? h->release : "unknown",
			h->mem_total ? mem : "?", h->cpus, h->cpus == 1 ? "" : "s",
			root_is_live(c->root) ? "" : ", root ", root_is_live(c->root) ? "" : root_dir(c->root));
	for (i = 0; i < rep->n; i++) {
		const struct result *r = &rep->results[i];
		if (o->verbosity < 0 && (r->status == ST_PASS || r->status == ST_SKIP))
			continue;
		if (strcmp(area, r->area)) {
			area = r->area;
			fprintf(f, "\n%s%s%s\n", o->color ? BOLD : "", area, o->color ? RESET : "");
		}
		fprintf(f, "  %s%s%s  %-*s  %s\n", o->color ? status_color(r->status) : "", status_word(r->status),
			o->color ? RESET : "", w, r->id, r->message);
		if (o->verbosity > 0 && r->observed[0])
			fprintf(f, "        %-*s  observed: %s\n", w, "", r->observed);
		if (o->verbosity > 0 && r->expected[0])
			fprintf(f, "        %-*s  expected: %s\n", w, "", r->expected);
		if (r->remedy[0])
			fprintf(f, "        %-*s  fix: %s\n", w, "", r->remedy);
	}
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
