/* nagios.c - one status line plus perfdata, for a Nagios/Icinga plugin run. */
#include <string.h>

#include "out/out.h"

/* Append the ids with status st, comma separated. */
static void ids(FILE *f, const struct report *rep, enum status st, int *first)
{
	size_t i;

	for (i = 0; i < rep->n; i++) {
		if (rep->results[i].status != st)
			continue;
		fprintf(f, "%s%s", *first ? ": " : ", ", rep->results[i].id);
		*first = 0;
	}
}

void out_nagios(FILE *f, const struct ctx *c, const struct report *rep)
{
	int first = 1;

	(void)c;
	if (rep->worst == ST_FAIL) {
		fprintf(f, "KDUMP CRITICAL - %d failed", rep->nfail);
		if (rep->nwarn)
			fprintf(f, ", %d warning%s", rep->nwarn, rep->nwarn == 1 ? "" : "s");
	} else if (rep->worst == ST_WARN) {
		fprintf(f, "KDUMP WARNING - %d warning%s", rep->nwarn, rep->nwarn == 1 ? "" : "s");
	} else {
		fprintf(f, "KDUMP OK - %d passed, %d skipped", rep->npass, rep->nskip);
	}
	ids(f, rep, ST_FAIL, &first);
	ids(f, rep, ST_WARN, &first);
	fprintf(f, " | pass=%d warn=%d fail=%d skip=%d crashkernel_reserved=%lluB\n", rep->npass, rep->nwarn,
		rep->nfail, rep->nskip, (unsigned long long)(rep->have_reserved ? rep->reserved : 0));
}
