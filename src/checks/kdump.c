/* kdump.c - kdump.loaded, .service, .config (kdump.initrd is in initrd.c, kdump.target in target.c). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "checks/common.h"
#include "checks/tools.h"
#include "parse/mkdopts.h"
#include "parse/kdumpconf.h"
#include "root.h"
#include "util.h"

/* kdump.loaded: a capture kernel is loaded. */
static void check_loaded(struct ctx *c, struct result *res)
{
	const char *data;
	char v[64], q[200];
	size_t len;
	uint64_t reserved;
	int e = ctx_input(c, res, "/sys/kernel/kexec_crash_loaded", NO_KEXEC, &data, &len);

	if (e)
		return;
	if (text_value(data, len, v, sizeof(v)) || (strcmp(v, "0") && strcmp(v, "1"))) {
		quote(data, len, q, sizeof(q));
		res_set(res, ST_FAIL, "/sys/kernel/kexec_crash_loaded does not parse: \"%s\"", q);
		return;
	}
	res_observed(res, "%s", v);
	res_expected(res, "1");
	if (!strcmp(v, "1")) {
		res_set(res, ST_PASS, "a capture kernel is loaded");
		return;
	}
	if (ctx_reserved(c, &reserved) == 0 && reserved == 0)
		res_set(res, ST_PROBLEM, "no capture kernel is loaded (nothing is reserved for one: fix crashkernel first)");
	else
		res_set(res, ST_PROBLEM, "no capture kernel is loaded: a crash now reboots without a dump");
	res_remedy_words(res, kdump_reload_cmd(c));
}

/* Is the unit linked into any *.wants directory of /etc/systemd/system? */
static int unit_wanted(struct ctx *c, const char *unit, char *where, size_t wherelen)
{
	char **names = NULL;
	size_t n, i;
	int found = 0;

	if (root_list(c->root, "/etc/systemd/system", &names, &n))
		return 0;
	for (i = 0; i < n && !found; i++) {
		char p[512];
		struct stat st;
		size_t nl = strlen(names[i]);
		if (nl < 7 || strcmp(names[i] + nl - 6, ".wants"))
			continue;
		snprintf(p, sizeof(p), "/etc/systemd/system/%s/%s", names[i], unit);
		if (root_lstat(c->root, p, &st) == 0) {
			found = 1;
			snprintf(where, wherelen, "%s", p);
		}
	}
	root_names_free(names);
	return found;
}

/* The systemd side of kdump.service. */
static void service_systemd(struct ctx *c, struct result *res)
{
	static const char *const units[] = { "kdump.service", "kdump-tools.service" };
	static const char *const dirs[] = { "/etc/systemd/system", "/usr/lib/systemd/system", "/lib/systemd/system" };
	const char *unit = NULL;
	char where[512], p[512], link_target[512];
	size_t i, j;
	struct stat st;

	for (i = 0; i < ARRAY_SIZE(units) && !unit; i++) {
		for (j = 0; j < ARRAY_SIZE(dirs); j++) {
			snprintf(p, sizeof(p), "%s/%s", dirs[j], units[i]);
			if (root_lstat(c->root, p, &st) == 0) {
				unit = units[i];
				break;
			}
		}
	}
	if (!unit) {
		res_set(res, ST_PROBLEM, "no kdump unit installed (neither kdump.service nor kdump-tools.service)");
		res_remedy_words(res, c->host.family == HOST_DEBIAN ? "apt-get install kdump-tools" : "yum install kexec-tools");
		return;
	}
	snprintf(p, sizeof(p), "/etc/systemd/system/%s", unit);
	if (root_readlink(c->root, p, link_target, sizeof(link_target)) == 0 && !strcmp(link_target, "/dev/null")) {
		res_set(res, ST_PROBLEM, "%s is masked (%s -> /dev/null)", unit, p);
		res_observed(res, "masked");
		res_remedy_cmd(res, "systemctl", "unmask", unit, NULL);
		res_remedy_cmd(res, "systemctl", "enable", "--now", unit, NULL);
		return;
	}
	if (!unit_wanted(c, unit, where, sizeof(where))) {
		res_set(res, ST_PROBLEM, "%s is not enabled at boot", unit);
		res_observed(res, "disabled");
		res_remedy_cmd(res, "systemctl", "enable", "--now", unit, NULL);
		return;
	}
	res_observed(res, "enabled");
	res_set(res, ST_PASS, "%s is enabled (%s)", unit, where);
}

/* The default runlevel from /etc/inittab ("id:3:initdefault:"), 3 if unknown. */
static int default_runlevel(struct ctx *c)
{
	struct line_iter it;
	const char *data, *line;
	size_t len, n;

	if (ctx_read(c, "/etc/inittab", &data, &len))
		return 3;
	line_iter_init(&it, data, len);
	while (line_iter_next(&it, &line, &n)) {
		if (n >= 15 && line[0] != '#' && line[2] == ':' && line[3] >= '1' && line[3] <= '5' &&
		    !strncmp(line + 4, ":initdefault:", 13))
			return line[3] - '0';
	}
	return 3;
}

/* The SysV side of kdump.service: an S??kdump link in the default runlevel. */
static void service_sysv(struct ctx *c, struct result *res)
{
	char dir[64], **names = NULL;
	size_t n, i;
	struct stat st;
	int rl = default_runlevel(c), found = 0;

	if (root_stat(c->root, "/etc/rc.d/init.d/kdump", &st) && root_stat(c->root, "/etc/init.d/kdump", &st)) {
		res_set(res, ST_PROBLEM, "no kdump init script (/etc/rc.d/init.d/kdump): kexec-tools is not installed");
		res_remedy(res, "yum install kexec-tools && chkconfig kdump on && service kdump start");
		return;
	}
	snprintf(dir, sizeof(dir), "/etc/rc.d/rc%d.d", rl);
	if (root_list(c->root, dir, &names, &n) == 0) {
		for (i = 0; i < n; i++) {
			size_t nl = strlen(names[i]);
			if (nl == 8 && names[i][0] == 'S' && !strcmp(names[i] + 3, "kdump"))
				found = 1;
		}
		root_names_free(names);
	}
	res_expected(res, "enabled in runlevel %d", rl);
	if (!found) {
		res_observed(res, "disabled");
		res_set(res, ST_PROBLEM, "kdump is not enabled in runlevel %d (no %s/S??kdump)", rl, dir);
		res_remedy(res, "chkconfig kdump on && service kdump start");
		return;
	}
	res_observed(res, "enabled");
	res_set(res, ST_PASS, "kdump is enabled in runlevel %d", rl);
}

/* kdump.service: the kdump service starts at boot. */
static void check_service(struct ctx *c, struct result *res)
{
	if (c->host.systemd)
		service_systemd(c, res);
	else if (c->host.family == HOST_EL6)
		service_sysv(c, res);
	else
		res_set(res, ST_SKIP, "unknown init system on this host");
}

/* Does this root's makedumpfile refuse an option of the command line cmd? 1 with why; 0 no, or cannot tell. */
static int mkd_refuses(struct ctx *c, const char *cmd, char *why, size_t whylen)
{
	const char *path, *ver;

	if (ctx_mkd_version(c, &path, &ver) || !ver)
		return 0;
	return mkd_opts_check(cmd, ver, why, whylen) == 1;
}

/* The words after the first of s (the collector's options). */
static const char *after_tool(const char *s)
{
	s += strspn(s, " \t");
	s += strcspn(s, " \t");
	return s;
}

/* kdump.config for RHEL's /etc/kdump.conf. */
static void config_el(struct ctx *c, struct result *res, const struct kdump_conf *kc)
{
	char why[256];

	if (kc->errline) {
		res_set(res, ST_FAIL, "/etc/kdump.conf:%u: %s", kc->errline, kc->errmsg);
		res_remedy(res, "fix line %u of /etc/kdump.conf (see kdump.conf(5)), then %s", kc->errline, kdump_reload_cmd(c));
		return;
	}
	res_observed(res, "core_collector %s", kc->core_collector[0] ? kc->core_collector : "(none)");
	res_expected(res, "core_collector makedumpfile ... -d N");
	if (!kc->core_collector[0]) {
		res_set(res, ST_PROBLEM, "/etc/kdump.conf has no core_collector: the dump is not filtered by makedumpfile");
		res_remedy(res, "echo 'core_collector makedumpfile -l --message-level 1 -d 31' >> /etc/kdump.conf && %s",
			   kdump_reload_cmd(c));
	} else if (strcmp(kc->collector_tool, "makedumpfile")) {
		res_set(res, ST_PROBLEM, "/etc/kdump.conf:%u: core_collector is %s, not makedumpfile: dumps are as large as RAM",
			kc->core_collector_line, kc->collector_tool);
		res_remedy(res, "set 'core_collector makedumpfile -l --message-level 1 -d 31' in /etc/kdump.conf, then %s",
			   kdump_reload_cmd(c));
	} else if (kc->dump_level < 0) {
		res_set(res, ST_PROBLEM, "/etc/kdump.conf:%u: makedumpfile has no -d level: nothing is filtered out",
			kc->core_collector_line);
		res_remedy(res, "add -d 31 to core_collector in /etc/kdump.conf, then %s", kdump_reload_cmd(c));
	} else if (kc->path[0] && kc->path[0] != '/') {
		res_set(res, ST_PROBLEM, "/etc/kdump.conf:%u: path %s is not absolute", kc->path_line, kc->path);
		res_remedy(res, "set an absolute 'path /var/crash' in /etc/kdump.conf, then %s", kdump_reload_cmd(c));
	} else if (mkd_refuses(c, after_tool(kc->core_collector), why, sizeof(why))) {
		res_set(res, ST_FAIL, "/etc/kdump.conf:%u: core_collector: %s: the capture would fail and save no dump",
			kc->core_collector_line, why);
		res_remedy(res, "drop that option from core_collector in /etc/kdump.conf (or update kexec-tools), then %s",
			   kdump_reload_cmd(c));
	} else {
		res_set(res, ST_PASS, "core_collector %s", kc->core_collector);
	}
}

/* kdump.config for Debian's /etc/default/kdump-tools. */
static void config_debian(struct ctx *c, struct result *res, const char *data, size_t len)
{
	struct kdump_tools *kt = xcalloc(1, sizeof(*kt));
	const char *args;
	char why[256];

	if (kdump_tools_parse(data, len, kt)) {
		res_set(res, ST_FAIL, "/etc/default/kdump-tools:%u: %s", kt->errline, kt->errmsg);
		goto out;
	}
	args = kt->has_makedump_args ? kt->makedump_args : "-c -d 31";
	res_observed(res, "USE_KDUMP=%d MAKEDUMP_ARGS=\"%s\"", kt->use_kdump, args);
	res_expected(res, "USE_KDUMP=1, MAKEDUMP_ARGS with -d N");
	if (kt->use_kdump != 1) {
		res_set(res, ST_PROBLEM, "/etc/default/kdump-tools: USE_KDUMP is %s: kdump-tools does nothing",
			kt->use_kdump < 0 ? "not set" : "0");
		res_remedy(res, "sed -i 's/^USE_KDUMP=.*/USE_KDUMP=1/' /etc/default/kdump-tools && kdump-config load");
	} else if (kt->has_makedump_args && kt->dump_level < 0) {
		res_set(res, ST_PROBLEM, "/etc/default/kdump-tools: MAKEDUMP_ARGS=\"%s\" has no -d level", args);
		res_remedy(res, "set MAKEDUMP_ARGS=\"-c -d 31\" in /etc/default/kdump-tools && kdump-config load");
	} else if (kt->has_coredir && kt->coredir[0] != '/') {
		res_set(res, ST_PROBLEM, "/etc/default/kdump-tools: KDUMP_COREDIR=%s is not absolute", kt->coredir);
		res_remedy(res, "set KDUMP_COREDIR=\"/var/crash\" in /etc/default/kdump-tools");
	} else if (mkd_refuses(c, args, why, sizeof(why))) {
		res_set(res, ST_FAIL, "/etc/default/kdump-tools: MAKEDUMP_ARGS: %s: the capture would fail and save no dump",
			why);
		res_remedy(res, "drop that option from MAKEDUMP_ARGS in /etc/default/kdump-tools (or update makedumpfile) "
			   "&& kdump-config load");
	} else {
		res_set(res, ST_PASS, "USE_KDUMP=1, makedumpfile %s", args);
	}
out:
	free(kt);
}

/* kdump.config: the kdump configuration parses and filters the dump. */
static void check_config(struct ctx *c, struct result *res)
{
	const char *data;
	size_t len;
	int e;

	if (c->host.family != HOST_DEBIAN) {
		const struct kdump_conf *kc = ctx_kdump_conf(c, &e);

		if (kc) {
			config_el(c, res, kc);
			return;
		}
		if (e != -ENOENT) {
			res_set(res, ST_FAIL, "cannot read /etc/kdump.conf: %s", errstr(e));
			return;
		}
	}
	if (c->host.family != HOST_EL6 && c->host.family != HOST_EL7) {
		e = ctx_read(c, "/etc/default/kdump-tools", &data, &len);
		if (e == 0) {
			config_debian(c, res, data, len);
			return;
		}
		if (e != -ENOENT) {
			res_set(res, ST_FAIL, "cannot read /etc/default/kdump-tools: %s", errstr(e));
			return;
		}
	}
	switch (c->host.family) {
	case HOST_EL6:
	case HOST_EL7:
		res_set(res, ST_PROBLEM, "no /etc/kdump.conf: kexec-tools is not installed");
		res_remedy(res, "yum install kexec-tools");
		break;
	case HOST_DEBIAN:
		res_set(res, ST_PROBLEM, "no /etc/default/kdump-tools: kdump-tools is not installed");
		res_remedy(res, "apt-get install kdump-tools");
		break;
	default:
		res_set(res, ST_SKIP, "no kdump configuration (neither /etc/kdump.conf nor /etc/default/kdump-tools)");
		break;
	}
}

const struct check_def checks_kdump[] = {
	{ "kdump.loaded", "kdump", ST_FAIL, check_loaded },
	{ "kdump.service", "kdump", ST_FAIL, check_service },
	{ "kdump.config", "kdump", ST_WARN, check_config },
	{ NULL, NULL, ST_PASS, NULL },
};
