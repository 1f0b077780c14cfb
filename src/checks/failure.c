/*
 * failure.c - kdump.failure_action: what the capture kernel does when
 * saving the dump fails (kdump.conf "default" on EL6/EL7, "failure_action"
 * in later kexec-tools, "final_action" after it; Debian's KDUMP_FAIL_CMD),
 * judged by whether an unattended host comes back and keeps the evidence.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "checks/common.h"
#include "parse/kdumpconf.h"
#include "util.h"

/* What the host does on one action, and whether that leaves it usable. */
struct fate {
	const char *action;
	enum status status;	/* ST_PASS, or ST_PROBLEM when the host stays down or stuck */
	const char *what;	/* "the host ..." */
};

/* kdump.conf(5): the failure actions (mount_root_run_init is EL6's). */
static const struct fate failure_fates[] = {
	{ "reboot", ST_PASS, "reboots: the dump is lost, the host comes back" },
	{ "dump_to_rootfs", ST_PASS, "saves the dump on the root filesystem instead" },
	{ "mount_root_run_init", ST_PASS, "boots from the root filesystem as usual: the dump is lost" },
	{ "shell", ST_PROBLEM, "drops to a shell in the capture kernel and sits there until someone comes to its console" },
	{ "halt", ST_PROBLEM, "halts and stays halted until someone comes to its console" },
	{ "poweroff", ST_PROBLEM, "powers off and stays down until someone powers it on" },
};

/* final_action: after a saved dump (or dump_to_rootfs or shell). */
static const struct fate final_fates[] = {
	{ "reboot", ST_PASS, "reboots" },
	{ "halt", ST_PROBLEM, "halts and stays halted until someone comes to its console" },
	{ "poweroff", ST_PROBLEM, "powers off and stays down until someone powers it on" },
};

/* The fate of an action in a table of n, or NULL for an unknown one. */
static const struct fate *fate_of(const struct fate *tab, size_t n, const char *action)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(tab[i].action, action))
			return &tab[i];
	return NULL;
}

/* The remedy that sets directive to value in /etc/kdump.conf and reloads. */
static void remedy_el(struct ctx *c, struct result *res, const char *directive, const char *value)
{
	res_remedy(res, "sed -i '/^%s[[:blank:]]/d' /etc/kdump.conf && echo '%s %s' >> /etc/kdump.conf && %s",
		   directive, directive, value, kdump_reload_cmd(c));
}

/* A failure or final action kdump does not know: fail, quoting the line. */
static int unknown_el(struct ctx *c, struct result *res, const struct kdump_conf *kc)
{
	res_observed(res, "%s %s", kc->action_name, kc->action_value);
	if (kc->action_value[0] && !fate_of(failure_fates, ARRAY_SIZE(failure_fates), kc->action_value)) {
		res_set(res, ST_FAIL, "/etc/kdump.conf:%u: \"%s %s\": not an action kdump knows "
			"(reboot, halt, poweroff, shell, dump_to_rootfs)", kc->action_line, kc->action_name,
			kc->action_value);
		remedy_el(c, res, kc->action_name, "reboot");
		return 1;
	}
	if (kc->final_value[0] && !fate_of(final_fates, ARRAY_SIZE(final_fates), kc->final_value)) {
		res_set(res, ST_FAIL, "/etc/kdump.conf:%u: \"final_action %s\": not an action kdump knows "
			"(reboot, halt, poweroff)", kc->final_line, kc->final_value);
		res_observed(res, "final_action %s", kc->final_value);
		remedy_el(c, res, "final_action", "reboot");
		return 1;
	}
	return 0;
}

/* kdump.failure_action for /etc/kdump.conf. */
static void failure_el(struct ctx *c, struct result *res, const struct kdump_conf *kc)
{
	const struct fate *fail, *fin;
	const char *name;

	if (unknown_el(c, res, kc))
		return;
	/* kdump.conf(5) of EL6 and EL7: no action means reboot */
	fail = fate_of(failure_fates, ARRAY_SIZE(failure_fates), kc->action_value[0] ? kc->action_value : "reboot");
	fin = fate_of(final_fates, ARRAY_SIZE(final_fates), kc->final_value[0] ? kc->final_value : "reboot");
	name = kc->action_name[0] ? kc->action_name : c->host.family == HOST_EL6 ? "default" : "failure_action";
	res_observed(res, "%s %s%s%s", name, kc->action_value[0] ? kc->action_value : "(unset: reboot)",
		     kc->final_value[0] ? ", final_action " : "", kc->final_value);
	res_expected(res, "reboot or dump_to_rootfs, final_action reboot");
	if (fail->status != ST_PASS) {
		res_set(res, ST_PROBLEM, "when saving the dump fails the host %s (/etc/kdump.conf:%u: %s %s)",
			fail->what, kc->action_line, name, kc->action_value);
		remedy_el(c, res, name, target_is_local(ctx_target(c)) ? "reboot" : "dump_to_rootfs");
	} else if (fin->status != ST_PASS) {
		res_set(res, ST_PROBLEM, "after the dump the host %s (/etc/kdump.conf:%u: final_action %s)",
			fin->what, kc->final_line, kc->final_value);
		remedy_el(c, res, "final_action", "reboot");
	} else {
		res_set(res, ST_PASS, "when saving the dump fails the host %s%s; after the dump it reboots",
			fail->what, kc->action_value[0] ? "" : " (none set: kdump's default)");
	}
}

/* kdump.failure_action for Debian's KDUMP_FAIL_CMD. */
static void failure_debian(struct result *res, const char *data, size_t len)
{
	struct kdump_tools *kt = xcalloc(1, sizeof(*kt));
	const char *cmd, *base;
	size_t n;

	kdump_tools_parse(data, len, kt);
	cmd = kt->fail_cmd;
	res_observed(res, "KDUMP_FAIL_CMD=%s", cmd[0] ? cmd : "(unset)");
	res_expected(res, "unset (reboot) or a command that reboots");
	n = strcspn(cmd, " \t");
	base = memrchr(cmd, '/', n);
	base = base ? base + 1 : cmd;
	n -= (size_t)(base - cmd);
	if (!cmd[0]) {
		res_set(res, ST_PASS, "when saving the dump fails kdump-tools reboots the host (no KDUMP_FAIL_CMD)");
	} else if (n == 6 && !strncmp(base, "reboot", 6)) {
		res_set(res, ST_PASS, "when saving the dump fails kdump-tools runs KDUMP_FAIL_CMD \"%s\": the host reboots", cmd);
	} else {
		res_set(res, ST_WARN, "when saving the dump fails kdump-tools runs KDUMP_FAIL_CMD \"%s\": whether the "
			"host comes back is not verified", cmd);
		res_remedy(res, "sed -i '/^KDUMP_FAIL_CMD=/d' /etc/default/kdump-tools && kdump-config load");
	}
	free(kt);
}

/* kdump.failure_action: what the capture kernel does when saving fails. */
static void check_failure_action(struct ctx *c, struct result *res)
{
	const char *data;
	size_t len;
	int e;
	const struct kdump_conf *kc = ctx_kdump_conf(c, &e);

	if (kc) {
		failure_el(c, res, kc);
		return;
	}
	if (e != -ENOENT) {
		res_set(res, ST_FAIL, "cannot read /etc/kdump.conf: %s", errstr(e));
		return;
	}
	e = ctx_read(c, "/etc/default/kdump-tools", &data, &len);
	if (e == 0)
		failure_debian(res, data, len);
	else if (e != -ENOENT)
		res_set(res, ST_FAIL, "cannot read /etc/default/kdump-tools: %s", errstr(e));
	else
		res_set(res, ST_SKIP, "no kdump configuration (neither /etc/kdump.conf nor /etc/default/kdump-tools)");
}

const struct check_def checks_failure[] = {
	{ "kdump.failure_action", "kdump", ST_WARN, check_failure_action },
	{ NULL, NULL, ST_PASS, NULL },
};
