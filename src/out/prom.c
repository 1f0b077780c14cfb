/* prom.c - the report as a node_exporter textfile (Prometheus exposition format). */
#include <string.h>

#include "out/out.h"

/* A label value with \, " and newline escaped. */
static void label(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (*s == '\\' || *s == '"')
			fputc('\\', f), fputc(*s, f);
		else if (*s == '\n')
			fputs("\\n", f);
		else
			fputc(*s, f);
	}
}

void out_prom(FILE *f, const struct ctx *c, const struct report *rep)
{
	size_t i;

	(void)c;
	fputs("# HELP kdumpcheck_check_status Result of each kdumpcheck check: 0 pass or skip, 1 warn, 2 fail.\n"
	      "# TYPE kdumpcheck_check_status gauge\n", f);
	for (i = 0; i < rep->n; i++) {
		const struct result *r = &rep->results[i];
		int v = r->status == ST_WARN ? 1 : r->status == ST_FAIL ? 2 : 0;
		fputs("kdumpcheck_check_status{id=\"", f);
		label(f, r->id);
		fprintf(f, "\"} %d\n", v);
	}
	fputs("# HELP kdumpcheck_status Worst result of the run: 0 pass, 1 warn, 2 fail.\n"
	      "# TYPE kdumpcheck_status gauge\n", f);
	fprintf(f, "kdumpcheck_status %d\n", rep->worst == ST_FAIL ? 2 : rep->worst == ST_WARN ? 1 : 0);
	fputs("# HELP kdumpcheck_checks Number of checks per result.\n# TYPE kdumpcheck_checks gauge\n", f);
	fprintf(f, "kdumpcheck_checks{status=\"pass\"} %d\nkdumpcheck_checks{status=\"warn\"} %d\n"
		   "kdumpcheck_checks{status=\"fail\"} %d\nkdumpcheck_checks{status=\"skip\"} %d\n",
		rep->npass, rep->nwarn, rep->nfail, rep->nskip);
	fputs("# HELP kdumpcheck_crashkernel_reserved_bytes Memory reserved for the capture kernel.\n"
	      "# TYPE kdumpcheck_crashkernel_reserved_bytes gauge\n", f);
	fprintf(f, "kdumpcheck_crashkernel_reserved_bytes %llu\n",
		(unsigned long long)(rep->have_reserved ? rep->reserved : 0));
}
