/*
 * fence.c - what may cut a dump short from outside the capture kernel:
 *   kdump.fence     on a Pacemaker/corosync (or cman) cluster node, the other
 *                   nodes are told the host is dumping (fence_kdump), else
 *                   they fence (power-cycle) it mid-dump;
 *   kdump.watchdog  a hardware watchdog armed in the crashed kernel keeps
 *                   counting in the capture kernel, which must load its
 *                   driver first to keep feeding it.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "checks/common.h"
#include "parse/kdumpconf.h"
#include "parse/kdumpsys.h"
#include "parse/modules.h"
#include "root.h"
#include "util.h"

/* fence_kdump's sender, run by the capture kernel (fence-agents-kdump on EL7, fence-agents on EL6). */
#define FENCE_SEND "/usr/libexec/fence_kdump_send"
#define CIB "/var/lib/pacemaker/cib/cib.xml"

/* The first file that shows the host is a cluster node, or NULL. */
static const char *cluster_evidence(struct ctx *c)
{
	static const char *const files[] = {
		"/etc/corosync/corosync.conf", CIB, "/etc/cluster/cluster.conf",
		"/etc/systemd/system/multi-user.target.wants/pacemaker.service",
	};
	struct stat st;
	size_t i;

	/* lstat: the wants-link counts whether or not its unit file is in this tree */
	for (i = 0; i < ARRAY_SIZE(files); i++)
		if (root_lstat(c->root, files[i], &st) == 0)
			return files[i];
	return NULL;
}

/* 1 when fence_kdump_send is an executable file. */
static int sender_ok(struct ctx *c)
{
	struct stat st;

	return root_stat(c->root, FENCE_SEND, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111);
}

/* The other nodes of corosync.conf's nodelist (ring0_addr), blank-separated, in out; "" when none. */
static void other_nodes(struct ctx *c, char *out, size_t outlen)
{
	struct line_iter it;
	const char *data, *line;
	size_t len, n, have = 0;

	out[0] = '\0';
	if (ctx_read(c, "/etc/corosync/corosync.conf", &data, &len))
		return;
	line_iter_init(&it, data, len);
	while (line_iter_next(&it, &line, &n)) {
		char v[128];
		size_t vl;

		span_trim(&line, &n);
		if (n <= 11 || strncmp(line, "ring0_addr:", 11))
			continue;
		line += 11;
		n -= 11;
		span_trim(&line, &n);
		if (!n || n >= sizeof(v))
			continue;
		memcpy(v, line, n);
		v[n] = '\0';
		vl = strcspn(c->host.hostname, ".");
		if ((strlen(v) == vl && !strncmp(v, c->host.hostname, vl)) || !strcmp(v, c->host.hostname))
			continue;
		if (have + n + 2 >= outlen)
			break;
		have += (size_t)snprintf(out + have, outlen - have, "%s%s", have ? " " : "", v);
	}
}

/* The cluster node is not protected: warn, with the change that protects it. */
static void fence_missing(struct ctx *c, struct result *res, const char *ev)
{
	char nodes[400], line[460], q[520];

	res_observed(res, "cluster node (%s), no fence_kdump_nodes", ev);
	res_expected(res, "fence_kdump_nodes in /etc/kdump.conf, or a fence_kdump device in the cluster");
	res_set(res, ST_PROBLEM, "this host is a cluster node (%s) and kdump has no fence_kdump_nodes: another node "
		"will fence (power-cycle) it in the middle of a dump", ev);
	other_nodes(c, nodes, sizeof(nodes));
	snprintf(line, sizeof(line), "fence_kdump_nodes %s", nodes[0] ? nodes : "OTHER-NODE...");
	sh_quote(line, q, sizeof(q));
	res_remedy(res, "yum install %s && echo %s >> /etc/kdump.conf && %s; and give the cluster a fence_kdump "
		   "device (pcs stonith create kdump fence_kdump)",
		   c->host.family == HOST_EL6 ? "fence-agents" : "fence-agents-kdump", q, kdump_reload_cmd(c));
}

/* The nodes of fence_kdump_nodes, blank-separated and quoted for a message. */
static void node_list(const struct kdump_conf *kc, char *out, size_t outlen)
{
	size_t i, have = 0;
	char q[300];

	out[0] = '\0';
	for (i = 0; i < kc->n_fence_nodes && have + 1 < outlen; i++) {
		quote(kc->fence_nodes[i].text, strlen(kc->fence_nodes[i].text), q, sizeof(q));
		have += (size_t)snprintf(out + have, outlen - have, "%s%s", i ? " " : "", q);
	}
}

/* fence_kdump is configured: it works only with the sender installed. */
static void fence_configured(struct ctx *c, struct result *res, const char *how)
{
	if (!sender_ok(c)) {
		res_set(res, ST_PROBLEM, "%s, but %s is missing: the capture kernel cannot tell the cluster, "
			"which fences this host mid-dump", how, FENCE_SEND);
		res_remedy(res, "yum install %s && %s", c->host.family == HOST_EL6 ? "fence-agents" : "fence-agents-kdump",
			   kdump_reload_cmd(c));
		return;
	}
	res_set(res, ST_PASS, "%s: the capture kernel tells the cluster it is dumping (%s)", how, FENCE_SEND);
}

/* kdump.fence: a cluster node tells the other nodes it is dumping. */
static void check_fence(struct ctx *c, struct result *res)
{
	const struct kdump_conf *kc;
	const char *ev = cluster_evidence(c), *data;
	char nodes[600], how[700];
	size_t len;
	int e;

	if (!ev) {
		res_set(res, ST_SKIP, "not a cluster node (no /etc/corosync/corosync.conf, %s or /etc/cluster/cluster.conf)", CIB);
		return;
	}
	kc = ctx_kdump_conf(c, &e);
	if (!kc && e != -ENOENT) {
		res_observed(res, "cluster node (%s)", ev);
		res_set(res, ST_PROBLEM, "this host is a cluster node (%s) and /etc/kdump.conf cannot be read (%s): "
			"whether fence_kdump holds off the other nodes during a dump is not verified", ev, errstr(e));
		return;
	}
	if (!kc) {
		res_observed(res, "cluster node (%s)", ev);
		res_set(res, ST_PROBLEM, "this host is a cluster node (%s) and its kdump has no fence_kdump (no "
			"/etc/kdump.conf): another node will fence (power-cycle) it in the middle of a dump", ev);
		res_remedy(res, "give the cluster's fencing of this node a delay longer than a dump takes");
		return;
	}
	if (kc->n_fence_nodes) {
		node_list(kc, nodes, sizeof(nodes));
		res_observed(res, "fence_kdump_nodes %s", nodes);
		snprintf(how, sizeof(how), "/etc/kdump.conf:%u: fence_kdump_nodes %s", kc->fence_nodes[0].line, nodes);
		fence_configured(c, res, how);
	} else if (ctx_read(c, CIB, &data, &len) == 0 && memmem(data, len, "type=\"fence_kdump\"", 18)) {
		res_observed(res, "fence_kdump device in %s", CIB);
		fence_configured(c, res, "the cluster has a fence_kdump device (" CIB ")");
	} else {
		fence_missing(c, res, ev);
	}
}

/* Is a module a hardware watchdog driver (drivers/watchdog and the IPMI one)? */
static int hw_watchdog(const char *name)
{
	static const char *const names[] = {
		"hpwdt", "sp5100_tco", "ipmi_watchdog", "i6300esb", "nv_tco", "ib700wdt", "sbsa_gwdt",
		"wdat_wdt", "iTCO_wdt", "xen_wdt", "pcwd_pci", "w83627hf_wdt", "it87_wdt", "mei_wdt",
	};
	size_t i, n = strlen(name);

	for (i = 0; i < ARRAY_SIZE(names); i++)
		if (!strcmp(name, names[i]))
			return 1;
	return n > 4 && !strcmp(name + n - 4, "_wdt");
}

/* 0 when some /sys/class/watchdog/N/state is "active" or none says (an old kernel); 1 when all are inactive. */
static int watchdogs_idle(struct ctx *c)
{
	char **names = NULL, p[300], v[32];
	const char *data;
	size_t n, i, len, seen = 0;
	int active = 0;

	if (root_list(c->root, "/sys/class/watchdog", &names, &n))
		return 0;
	for (i = 0; i < n; i++) {
		snprintf(p, sizeof(p), "/sys/class/watchdog/%s/state", names[i]);
		if (ctx_read(c, p, &data, &len) || text_value(data, len, v, sizeof(v)))
			continue;
		seen++;
		if (strcmp(v, "inactive"))
			active = 1;
	}
	root_names_free(names);
	return seen && !active;
}

/* 1 when module is one of the words of s (blanks, commas and quotes separate; '-' and '_' alike). */
static int word_among(const char *s, const char *module)
{
	size_t n = strlen(module), i;

	while (*s) {
		const char *w;

		while (*s && strchr(" \t,\"'=", *s))
			s++;
		w = s;
		while (*s && !strchr(" \t,\"'=", *s))
			s++;
		if ((size_t)(s - w) != n)
			continue;
		for (i = 0; i < n; i++)
			if ((w[i] == '-' ? '_' : w[i]) != (module[i] == '-' ? '_' : module[i]))
				break;
		if (i == n)
			return 1;
	}
	return 0;
}

/* How the capture kernel of an EL host treats the watchdog module mod. */
struct wdt_setup {
	int pre;	/* rd.driver.pre=MOD on the capture command line (EL7 dracut) */
	int carried;	/* extra_modules MOD, or dracut_args --add-drivers/--force-drivers MOD */
	int omitted;	/* dracut_args omits the watchdog module */
};

/* Read /etc/sysconfig/kdump and /etc/kdump.conf for mod. */
static void wdt_setup_of(struct ctx *c, const char *mod, struct wdt_setup *w)
{
	struct kdump_sysconfig *ks = xcalloc(1, sizeof(*ks));
	const struct kdump_conf *kc = ctx_kdump_conf(c, NULL);
	const char *data;
	size_t len;

	memset(w, 0, sizeof(*w));
	if (ctx_read(c, "/etc/sysconfig/kdump", &data, &len) == 0) {
		kdump_sysconfig_parse(data, len, ks);
		w->pre = cmdline_driver_pre(ks->append, mod) || cmdline_driver_pre(ks->commandline, mod);
	}
	if (kc) {
		w->carried = word_among(kc->extra_modules, mod) ||
			     (strstr(kc->dracut_args, "-drivers") && word_among(kc->dracut_args, mod));
		w->omitted = (strstr(kc->dracut_args, "-o ") || strstr(kc->dracut_args, "--omit")) &&
			     word_among(kc->dracut_args, "watchdog");
	}
	free(ks);
}

/* The watchdog of an EL host: EL6's mkdumprd loads what it carries; EL7's dracut needs rd.driver.pre too. */
static void watchdog_el(struct ctx *c, struct result *res, const char *mod)
{
	struct wdt_setup w;
	int el6 = c->host.family == HOST_EL6;
	char fix[700] = "";
	size_t have = 0;

	wdt_setup_of(c, mod, &w);
	if (el6)
		res_observed(res, "%s loaded; extra_modules %s %s", mod, mod, w.carried ? "set" : "not set");
	else
		res_observed(res, "%s loaded; rd.driver.pre=%s %s; extra_modules %s %s", mod, mod,
			     w.pre ? "set" : "not set", mod, w.carried ? "set" : "not set");
	if (w.carried && (w.pre || el6) && !w.omitted) {
		res_set(res, ST_PASS, "the hardware watchdog %s is loaded and the capture kernel loads it first (%s)", mod,
			el6 ? "extra_modules in /etc/kdump.conf" : "rd.driver.pre in /etc/sysconfig/kdump, extra_modules in /etc/kdump.conf");
		return;
	}
	res_expected(res, "%sextra_modules %s in /etc/kdump.conf", el6 ? "" : "rd.driver.pre= in KDUMP_COMMANDLINE_APPEND, ", mod);
	res_set(res, ST_PROBLEM, "the hardware watchdog %s is loaded and the capture kernel does not %s: it may reset "
		"the host in the middle of a dump", mod,
		w.omitted ? "carry it (dracut_args omits the watchdog module)" :
		!el6 && !w.pre ? "load it first (no rd.driver.pre in KDUMP_COMMANDLINE_APPEND of /etc/sysconfig/kdump)" :
		"carry it (no extra_modules in /etc/kdump.conf)");
	if (strspn(mod, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != strlen(mod)) {
		res_remedy(res, "have the capture kernel load the watchdog driver first (its name here is not a module name)");
		return;	/* a name from /proc/modules that sed or the shell would read as syntax */
	}
	if (!el6 && !w.pre)
		have += (size_t)snprintf(fix + have, sizeof(fix) - have, "sed -i 's/^KDUMP_COMMANDLINE_APPEND=\"/&rd.driver.pre=%s /' "
					 "/etc/sysconfig/kdump && ", mod);
	if (!w.carried)
		have += (size_t)snprintf(fix + have, sizeof(fix) - have, "echo 'extra_modules %s' >> /etc/kdump.conf && ", mod);
	if (w.omitted)
		snprintf(fix + have, sizeof(fix) - have, "remove watchdog from the -o of dracut_args in /etc/kdump.conf && ");
	res_remedy(res, "%s%s", fix, kdump_reload_cmd(c));
}

/* The first loaded hardware watchdog module (its name plain: letters, digits, '_', '-'), and whether softdog is. */
static const char *find_watchdog(const struct module_info *mods, size_t n, int *softdog)
{
	size_t i;

	*softdog = 0;
	for (i = 0; i < n; i++) {
		if (!strcmp(mods[i].name, "softdog"))
			*softdog = 1;
		else if (hw_watchdog(mods[i].name) && strspn(mods[i].name, "abcdefghijklmnopqrstuvwxyz"
				"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == strlen(mods[i].name))
			return mods[i].name;
	}
	return NULL;
}

/* kdump.watchdog: a running hardware watchdog cannot reset the capture kernel mid-dump. */
static void check_watchdog(struct ctx *c, struct result *res)
{
	struct module_info *mods = NULL;
	const char *data, *mod;
	size_t len, n = 0;
	unsigned errline = 0;
	int softdog, e = ctx_read(c, "/proc/modules", &data, &len);

	if (e) {
		res_set(res, ST_SKIP, "%s /proc/modules: %s", e == -ENOENT ? "no" : "cannot read", e == -ENOENT ?
			"not a Linux host, or a kernel without modules" : errstr(e));
		return;
	}
	if (modules_parse(data, len, &mods, &n, &errline)) {
		res_set(res, ST_FAIL, "/proc/modules does not parse (line %u)", errline);
		return;
	}
	mod = find_watchdog(mods, n, &softdog);
	if (!mod) {
		res_set(res, ST_PASS, "no hardware watchdog driver is loaded (/proc/modules)%s", softdog ?
			" (softdog is: a software watchdog stops with the crashed kernel)" : "");
	} else if (watchdogs_idle(c)) {
		res_set(res, ST_PASS, "the hardware watchdog %s is loaded but not running (/sys/class/watchdog/*/state)", mod);
	} else if (c->host.family == HOST_EL6 || c->host.family == HOST_EL7) {
		watchdog_el(c, res, mod);
	} else if (c->host.family == HOST_DEBIAN) {
		res_observed(res, "%s loaded", mod);
		res_set(res, ST_PROBLEM, "the hardware watchdog %s is loaded: whether kdump-tools' capture kernel keeps "
			"feeding it is not verified, and it may reset the host in the middle of a dump", mod);
		res_remedy(res, "prove a dump completes in a maintenance window: kdumpcheck test --yes-crash-this-host");
	} else {
		res_set(res, ST_SKIP, "the hardware watchdog %s is loaded; no kdump layout known for this host", mod);
	}
	free(mods);
}

const struct check_def checks_fence[] = {
	{ "kdump.fence", "kdump", ST_WARN, check_fence },
	{ "kdump.watchdog", "kdump", ST_WARN, check_watchdog },
	{ NULL, NULL, ST_PASS, NULL },
};
