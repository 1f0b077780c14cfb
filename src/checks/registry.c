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

/* The check groups of files that check.h does not declare. */
extern const struct check_def checks_initrd[];	/* checks/initrd.c */
extern const struct check_def checks_fence[];	/* checks/fence.c */

/*
 * Every group of fixed checks. They run in the order of check_ids
 * (checks/ids.c, SPEC §3), not of this table: a group's checks need not be
 * neighbours there (kdump.initrd of initrd.c runs between kdump.service and
 * kdump.config of kdump.c).
 */
static const struct check_def *const groups[] = {
	checks_crashkernel, checks_kdump, checks_initrd, checks_target, checks_remote, checks_failure, checks_fence,
	checks_tools, checks_debuginfo, checks_limits, checks_proof, checks_taint,
};

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

	res_remedy_clear(res);
	res->shell = 1;	/* free text: words or shell syntax, no argv */
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
		res_set(res, ST_FAIL, "cannot read %s: %s", path, root_strerror(e));
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

const struct kdump_conf *ctx_kdump_conf(struct ctx *c, int *err)
{
	const char *data;
	size_t len;

	if (!c->have_kc) {
		c->have_kc = 1;
		c->kc_err = root_read(c->root, "/etc/kdump.conf", &data, &len);
		if (!c->kc_err)
			kdump_conf_parse(data, len, &c->kc);
	}
	if (err)
		*err = c->kc_err;
	return c->kc_err ? NULL : &c->kc;
}

/* Resolve the dump target and collector once. */
static void ctx_resolve_target(struct ctx *c)
{
	const struct kdump_conf *kc;
	int e;

	if (c->have_target)
		return;
	c->have_target = 1;
	kc = ctx_kdump_conf(c, &e);
	target_resolve_conf(c->root, kc, e, c->policy->dump_path, &c->target, &c->collector);
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
		struct est_facts *f = xcalloc(1, sizeof(*f));
		ctx_est_facts(c, f);
		estimate_sum(f, &c->est);
		free(f);
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
		res_remedy_clear(res);
}

/* The definition of a fixed check id in the groups, or NULL. */
static const struct check_def *find_def(const char *id)
{
	size_t i, j;

	if (!strcmp(id, sysctl_persistent_def.id))
		return &sysctl_persistent_def;
	for (i = 0; i < ARRAY_SIZE(groups); i++)
		for (j = 0; groups[i][j].id; j++)
			if (!strcmp(groups[i][j].id, id))
				return &groups[i][j];
	return NULL;
}

/* Count the fixed check ids. */
static size_t fixed_count(void)
{
	size_t n = 0;

	while (check_ids[n])
		n++;
	return n;
}

/* Count the results by status and settle the worst. */
static void tally(struct report *rep)
{
	size_t i;

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
}

void checks_run(struct ctx *c, struct report *rep)
{
	static const struct check_def sysctl_key_def = { "sysctl.*", "sysctl", ST_WARN, NULL };
	size_t total = fixed_count() + c->policy->nrules, i, j, k = 0;

	memset(rep, 0, sizeof(*rep));
	rep->results = xcalloc(total, sizeof(*rep->results));
	for (i = 0; check_ids[i]; i++) {
		const struct check_def *d = find_def(check_ids[i]);

		/* the policy's sysctl.<key> checks come just before sysctl.persistent */
		if (d == &sysctl_persistent_def)
			for (j = 0; j < c->policy->nrules; j++)
				run_one(c, &sysctl_key_def, &c->policy->rules[j], &rep->results[k++]);
		if (d)
			run_one(c, d, NULL, &rep->results[k++]);
	}
	rep->n = k;
	tally(rep);
	rep->have_reserved = ctx_reserved(c, &rep->reserved) == 0;
}

void report_free(struct report *rep)
{
	free(rep->results);
	memset(rep, 0, sizeof(*rep));
}

/* How many times id is among check_ids. */
static size_t id_count(const char *id)
{
	size_t i, n = 0;

	for (i = 0; check_ids[i]; i++)
		n += !strcmp(check_ids[i], id);
	return n;
}

int checks_match_ids(void)
{
	size_t i, j;

	/* every fixed id runs one definition, and every definition has one fixed id */
	for (i = 0; check_ids[i]; i++)
		if (!find_def(check_ids[i]) || id_count(check_ids[i]) != 1)
			return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(groups); i++)
		for (j = 0; groups[i][j].id; j++)
			if (id_count(groups[i][j].id) != 1 || find_def(groups[i][j].id) != &groups[i][j])
				return -EINVAL;
	return 0;
}
