/* planners.h - the changes that repair a report's non-passing checks. */
#ifndef KDC_FIX_PLANNERS_H
#define KDC_FIX_PLANNERS_H

#include <stddef.h>

#include "fix/plan.h"

struct ctx;
struct report;

/* Which checks fix may repair: every one, or those named (an id, or an area such as "sysctl"). */
struct fix_scope {
	const char *const *only;
	size_t nonly;
};

/* Plan the changes for every non-passing check of rep in scope. */
void fix_plan_checks(struct fix_plan *p, struct ctx *c, const struct report *rep, const struct fix_scope *s);

#endif
