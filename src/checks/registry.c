/* registry.c - runs every check in SPEC §3 order and applies the policy. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "checks/ids.h"
#include "estimate.h"
#include "root.h"
#include "util.h"

/* The fixed checks around the policy-driven sysctl ones. */
static const struct check_def *const before_sysctl[] = { checks_crashkernel, checks_kdump, checks_target, checks_remote, checks_failure, checks_tools };
static const struct check_def *const after_sysctl[] = { checks_debuginfo, checks_limits, checks_proof, checks_taint };

static const struct check_def sysctl_persistent_def = {
	"sysctl.persistent", "sysctl", ST_WARN, check_sysctl_persistent
};

const char *status_name(enum status st)
{
	switch (st) {
	case ST_PASS: return "pass";
	case ST_WARN: return "warn";
	case ST_FAIL: return "fail";
	case ST_SKIP: return "skip";
	default: return "fail";
	}
}

void res_set(struct result *res, enum status st, const char *fmt, ...)
{
	va_list ap;

	res->status = st;
	va_start(ap, fmt);
	vsnprintf(res->message, sizeof(res->message), fmt, ap);
	va_end(ap);
}

void res_remedy(struct result *res, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(res->remedy, sizeof(res->remedy), fmt, ap);
	va_end(ap);
}

void res_observed(struct result *res, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(res->observed, sizeof(res->observed), fmt, ap);
	va_end(ap);
}

void res_expected(struct result *res, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(res->expected, sizeof(res->expected), fmt, ap);
	va_end(ap);
}

int ctx_read(struct ctx *c, const char *path, const char **data, size_t *len)
{
	return root_read(c->root, path, data, len);
}

int ctx_input(struct ctx *c, struct result *res, const char *path, const char *absent, const char **data,
	      size_t *len)
{
	int e = root_read(c->root, path, data, len);

	if (e == -ENOENT) {
		if (absent)
			res_set(res, ST_SKIP, "%s", absent);
		else
			res_set(res, ST_SKIP, "no %s on this kernel", path);
	} else if (e) {
		res_set(res, ST_FAIL, "cannot read %s: %s", path, strerror(-e));
	}
	return e;
}

int ctx_reserved(struct ctx *c, uint64_t *bytes)
{
	const char *data;
	size_t len;

	if (!c->have_reserved) {
		char buf[64];
		size_t n;
		c->have_reserved = -1;
		if (root_read(c->root, "/sys/kernel/kexec_crash_size", &data, &len) == 0) {
			n = len < sizeof(buf) - 1 ? len : sizeof(buf) - 1;
			memcpy(buf, data, n);
			buf[n] = '\0';
			if (!memchr(data, '\0', len) && parse_u64(strtrim(buf), 10, &c->reserved) == 0)
				c->have_reserved = 1;
		}
	}
	if (c->have_reserved < 0)
		return -ENOENT;
	*bytes = c->reserved;
	return 0;
}

/* Resolve the dump target and collector once. */
static void ctx_resolve_target(struct ctx *c)
{
	if (c->have_target)
		return;
	c->have_target = 1;
	target_resolve(c->root, c->policy->dump_path, &c->target, &c->collector);
}

const struct dump_target *ctx_target(struct ctx *c)
{
	ctx_resolve_target(c);
	return &c->target;
}

const struct dump_collector *ctx_collector(struct ctx *c)
{
	ctx_resolve_target(c);
	return &c->collector;
}

const struct estimate *ctx_estimate(struct ctx *c)
{
	if (!c->have_estimate) {
		uint64_t reserved = 0;
		ctx_reserved(c, &reserved);
		estimate_compute(c->host.mem_total, reserved, ctx_collector(c)->dump_level, &c->est);
		c->have_estimate = 1;
	}
	return &c->est;
}

/* Run one check and settle its final status under the policy. */
static void run_one(struct ctx *c, const struct check_def *d, const struct sysctl_rule *rule, struct result *res)
{
	int ov;

	memset(res, 0, sizeof(*res));
	res->id = rule ? rule->id : d->id;
	res->area = d->area;
	if (policy_is_disabled(c->policy, res->id)) {
		res_set(res, ST_SKIP, "disabled by policy ([checks] disable)");
		return;
	}
	res->status = ST_PASS;
	if (rule)
		check_sysctl_key(c, rule, res);
	else
		d->run(c, res);
	if (res->status == ST_PROBLEM)
		res->status = d->severity;
	ov = policy_severity(c->policy, res->id);
	if (ov && (res->status == ST_WARN || res->status == ST_FAIL))
		res->status = (enum status)ov;
	if (res->status == ST_PASS || res->status == ST_SKIP)
		res->remedy[0] = '\0';
}

/* Count the checks of a NULL-id terminated group. */
static size_t group_len(const struct check_def *g)
{
	size_t n = 0;
	while (g[n].id)
		n++;
	return n;
}

void checks_run(struct ctx *c, struct report *rep)
{
	static const struct check_def sysctl_key_def = { "sysctl.*", "sysctl", ST_WARN, NULL };
	size_t total = 1 + c->policy->nrules, i, j, k = 0;

	for (i = 0; i < ARRAY_SIZE(before_sysctl); i++)
		total += group_len(before_sysctl[i]);
	for (i = 0; i < ARRAY_SIZE(after_sysctl); i++)
		total += group_len(after_sysctl[i]);
	memset(rep, 0, sizeof(*rep));
	rep->results = xcalloc(total, sizeof(*rep->results));

	for (i = 0; i < ARRAY_SIZE(before_sysctl); i++)
		for (j = 0; before_sysctl[i][j].id; j++)
			run_one(c, &before_sysctl[i][j], NULL, &rep->results[k++]);
	for (j = 0; j < c->policy->nrules; j++)
		run_one(c, &sysctl_key_def, &c->policy->rules[j], &rep->results[k++]);
	run_one(c, &sysctl_persistent_def, NULL, &rep->results[k++]);
	for (i = 0; i < ARRAY_SIZE(after_sysctl); i++)
		for (j = 0; after_sysctl[i][j].id; j++)
			run_one(c, &after_sysctl[i][j], NULL, &rep->results[k++]);
	rep->n = k;

	rep->worst = ST_PASS;
	for (i = 0; i < rep->n; i++) {
		switch (rep->results[i].status) {
		case ST_PASS: rep->npass++; break;
		case ST_WARN: rep->nwarn++; break;
		case ST_SKIP: rep->nskip++; break;
		default: rep->nfail++; rep->results[i].status = ST_FAIL; break;
		}
	}
	if (rep->nfail)
		rep->worst = ST_FAIL;
	else if (rep->nwarn)
		rep->worst = ST_WARN;
	rep->have_reserved = ctx_reserved(c, &rep->reserved) == 0;
}

void report_free(struct report *rep)
{
	free(rep->results);
	memset(rep, 0, sizeof(*rep));
}

/* Compare a group's ids with check_ids from *k on; 0 or -EINVAL. */
static int group_matches(const struct check_def *g, size_t *k)
{
	size_t j;

	for (j = 0; g[j].id; j++, (*k)++)
		if (!check_ids[*k] || strcmp(check_ids[*k], g[j].id))
			return -EINVAL;
	return 0;
}

int checks_match_ids(void)
{
	size_t i, k = 0;

	for (i = 0; i < ARRAY_SIZE(before_sysctl); i++)
		if (group_matches(before_sysctl[i], &k))
			return -EINVAL;
	if (!check_ids[k] || strcmp(check_ids[k++], sysctl_persistent_def.id))
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(after_sysctl); i++)
		if (group_matches(after_sysctl[i], &k))
			return -EINVAL;
	return check_ids[k] ? -EINVAL : 0;
}
