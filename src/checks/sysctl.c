/* sysctl.c - sysctl.<key> (running values) and sysctl.persistent (boot files). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "checks/common.h"
#include "parse/sysctl.h"
#include "read/sysctl-files.h"
#include "root.h"
#include "util.h"

const char *sysctl_wanted_value(const struct sysctl_rule *rule)
{
	if (rule->op == CMP_NE)
		return rule->numeric && rule->num == 0 ? "1" : "0";
	return rule->value;
}

/* A remedy step: append "key = value" to the drop-in (a redirection: text only, no argv). */
static void remedy_append(struct result *res, const struct sysctl_rule *rule, const char *file)
{
	char line[600], q[1300], qf[1100];

	snprintf(line, sizeof(line), "%s = %s", rule->key, sysctl_wanted_value(rule));
	sh_quote(line, q, sizeof(q));
	sh_quote(file, qf, sizeof(qf));
	res_remedy_sh(res, "echo %s >> %s", q, qf);
}

/* A remedy step: set the key's line in the file that sets it (sed, one argv; the file is a host word). */
static void remedy_edit(struct result *res, const struct sysctl_rule *rule, const char *file)
{
	char expr[1300];

	snprintf(expr, sizeof(expr), "s|^[[:space:]]*-\\?%s[[:space:]]*=.*|%s = %s|", rule->key, rule->key,
		 sysctl_wanted_value(rule));
	res_remedy_cmd(res, "sed", "-i", "--follow-symlinks", expr, file, NULL);
}

/* Where this host keeps persistent sysctl settings of ours. */
static const char *dropin(const struct ctx *c)
{
	return c->host.family == HOST_EL6 || !c->host.systemd ? "/etc/sysctl.conf" : "/etc/sysctl.d/90-kdumpcheck.conf";
}

void check_sysctl_key(struct ctx *c, const struct sysctl_rule *rule, struct result *res)
{
	char path[512], val[512], want[600], q[200];
	const char *data;
	size_t len;
	int e;

	policy_rule_str(rule, want, sizeof(want));
	res_expected(res, "%s", want);
	if (sysctl_proc_path(rule->key, path, sizeof(path))) {
		res_set(res, ST_FAIL, "%s is not a usable sysctl key", rule->key);
		return;
	}
	e = ctx_input(c, res, path, NULL, &data, &len);
	if (e)
		return;
	quote(data, len, q, sizeof(q));
	if (text_value(data, len, val, sizeof(val))) {
		res_set(res, ST_FAIL, "%s does not parse: \"%s\"", path, q);
		return;
	}
	res_observed(res, "%s", val);
	e = policy_rule_match(rule, val);
	if (e < 0) {
		res_set(res, ST_FAIL, "%s = \"%s\" does not parse as a number", rule->key, q);
		return;
	}
	if (e == 0) {
		res_set(res, ST_PROBLEM, "%s = %s, policy wants %s", rule->key, val, want);
		char kv[600];
		snprintf(kv, sizeof(kv), "%s=%s", rule->key, sysctl_wanted_value(rule));
		res_remedy_cmd(res, "sysctl", "-w", kv, NULL);
		remedy_append(res, rule, dropin(c));
		return;
	}
	res_set(res, ST_PASS, "%s = %s", rule->key, val);
}

/* Does the running kernel have this key at all? */
static int key_exists(struct ctx *c, const char *key)
{
	char path[512];
	struct stat st;

	if (sysctl_proc_path(key, path, sizeof(path)))
		return 0;
	if (root_stat(c->root, "/proc/sys", &st))
		return 1;	/* no /proc here: judge the files alone */
	return root_stat(c->root, path, &st) == 0;
}

void check_sysctl_persistent(struct ctx *c, struct result *res)
{
	const struct policy *p = c->policy;
	struct sysctl_set set;
	struct sbuf bad;
	char err[512], want[600];
	size_t i, nbad = 0, nchecked = 0;
	int e;

	memset(&set, 0, sizeof(set));
	if (!p->nrules) {
		res_set(res, ST_SKIP, "the policy has no [sysctl] keys");
		return;
	}
	if (c->host.family == HOST_UNKNOWN && !c->host.systemd) {
		res_set(res, ST_SKIP, "an OS kdumpcheck does not know, without systemd: its boot-time sysctl files are unknown");
		return;
	}
	e = sysctl_load_boot(c->root, c->host.family, c->host.systemd, &set, err, sizeof(err));
	if (e) {
		res_set(res, ST_FAIL, "%s", err);
		sysctl_set_free(&set);
		return;
	}
	sbuf_init(&bad);
	for (i = 0; i < p->nrules; i++) {
		const struct sysctl_rule *rule = &p->rules[i];
		const struct sysctl_setting *s;
		if (policy_is_disabled(p, rule->id) || !key_exists(c, rule->key))
			continue;
		nchecked++;
		s = sysctl_find(&set, rule->key);
		policy_rule_str(rule, want, sizeof(want));
		if (s && policy_rule_match(rule, s->value) == 1)
			continue;
		nbad++;
		if (bad.len)
			sbuf_puts(&bad, "; ");
		if (s)
			sbuf_printf(&bad, "%s = %s at %s:%u (wants %s)", rule->key, s->value, s->file, s->line, want);
		else
			sbuf_printf(&bad, "%s not set (wants %s)", rule->key, want);
		if (s)
			remedy_edit(res, rule, s->file);
		else
			remedy_append(res, rule, dropin(c));
	}
	res_observed(res, "%zu file%s read", set.nfiles, set.nfiles == 1 ? "" : "s");
	if (!nchecked) {
		res_set(res, ST_SKIP, "none of the policy's sysctl keys exist on this kernel");
	} else if (nbad) {
		res_set(res, ST_PROBLEM, "a reboot leaves the host out of policy: %s", sbuf_str(&bad));
	} else {
		res_set(res, ST_PASS, "all %zu policy keys are set at boot (%zu file%s)", nchecked, set.nfiles,
			set.nfiles == 1 ? "" : "s");
	}
	sbuf_free(&bad);
	sysctl_set_free(&set);
}
