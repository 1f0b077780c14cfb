/*
 * planners.c - for each non-passing check with a mechanical remedy, the
 * change that repairs it: the bootloader's crashkernel=, the sysctl files
 * and running values, the kdump service, the dump directory.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "checks/common.h"
#include "estimate.h"
#include "fix/bootedit.h"
#include "fix/planners.h"
#include "parse/kdumpconf.h"
#include "parse/sysctl.h"
#include "policy.h"
#include "read/sysctl-files.h"
#include "root.h"
#include "target.h"

/* The result of check id in the report, or NULL. */
static const struct result *result_of(const struct report *rep, const char *id)
{
	size_t i;

	for (i = 0; i < rep->n; i++)
		if (!strcmp(rep->results[i].id, id))
			return &rep->results[i];
	return NULL;
}

static int failing(const struct report *rep, const char *id)
{
	const struct result *r = result_of(rep, id);

	return r && (r->status == ST_WARN || r->status == ST_FAIL);
}

/* Is check id asked for (--only), or everything? */
static int wanted(const struct fix_scope *s, const char *id)
{
	size_t i, n;

	if (!s->nonly)
		return 1;
	for (i = 0; i < s->nonly; i++) {
		n = strlen(s->only[i]);
		/* "sysctl" takes every sysctl.* check; "crashkernel" every crashkernel.* */
		if (!strcmp(s->only[i], id) || (!strncmp(s->only[i], id, n) && id[n] == '.'))
			return 1;
	}
	return 0;
}

/* Edit one bootloader file with bootedit; refuses the plan when the file cannot be edited. */
static void edit_menu(struct fix_plan *p, const char *check, const char *path, enum bootedit_menu menu,
		      const char *value)
{
	struct fix_change *c;
	struct sbuf out;
	char why[300];
	int e = fix_file(p, check, path, 0, &c);

	if (e) {
		fix_refuse(p, "%s: %s", path, root_strerror(e));
		return;
	}
	sbuf_init(&out);
	e = bootedit_crashkernel(menu, sbuf_str(&c->new_text), c->new_text.len, value, &out, why, sizeof(why));
	if (e < 0)
		fix_refuse(p, "%s: %s: not a layout kdumpcheck can edit, nothing changed", path, why);
	else
		fix_file_set(c, sbuf_str(&out), out.len);
	c->needs_reboot = 1;
	sbuf_free(&out);
}

/* crashkernel=value in the last assignment of var in path (created as Debian's drop-in when create). */
static void edit_default(struct fix_plan *p, const char *check, const char *path, const char *var,
			 const char *value, int create)
{
	struct fix_change *c;
	struct sbuf out;
	char why[300];
	int e = fix_file(p, check, path, create, &c);

	if (e == -ENOENT)
		return;
	if (e) {
		fix_refuse(p, "%s: %s", path, root_strerror(e));
		return;
	}
	c->needs_reboot = 1;
	if (!c->existed) {
		sbuf_printf(&c->new_text, "%s=\"$%s crashkernel=%s\"\n", var, var, value);
		return;
	}
	sbuf_init(&out);
	e = bootedit_default_grub(sbuf_str(&c->new_text), c->new_text.len, var, value, &out, why, sizeof(why));
	if (e < 0)
		fix_refuse(p, "%s: %s: nothing changed", path, why);
	else
		fix_file_set(c, sbuf_str(&out), out.len);
	sbuf_free(&out);
}

/* The first of paths that exists under the root (a link resolved to its file), or NULL. */
static const char *first_existing(struct fix_plan *p, const char *const *paths)
{
	struct stat st;

	for (; *paths; paths++)
		if (root_stat(p->root, *paths, &st) == 0 && S_ISREG(st.st_mode))
			return *paths;
	return NULL;
}

static void plan_crashkernel(struct fix_plan *p, struct ctx *c, const struct report *rep, const struct fix_scope *s)
{
	static const char *const ids[] = { "crashkernel.persistent", "crashkernel.cmdline", "crashkernel.reserved",
					   "crashkernel.size" };
	static const char *const el6[] = { "/boot/grub/grub.conf", "/boot/grub/menu.lst", "/boot/efi/EFI/redhat/grub.conf",
					   "/boot/efi/EFI/centos/grub.conf", NULL };
	static const char *const el7[] = { "/boot/grub2/grub.cfg", "/boot/efi/EFI/centos/grub.cfg",
					   "/boot/efi/EFI/redhat/grub.cfg", NULL };
	static const char *const deb[] = { "/boot/grub/grub.cfg", NULL };
	const char *check = NULL, *cfg;
	char value[32];
	struct stat st;
	size_t i;

	/* only where the check's own remedy is a crashkernel= (not an unreadable /proc/iomem, say) */
	for (i = 0; i < ARRAY_SIZE(ids) && !check; i++) {
		const struct result *r = result_of(rep, ids[i]);
		if (wanted(s, ids[i]) && failing(rep, ids[i]) && strstr(r->remedy, "crashkernel="))
			check = ids[i];
	}
	if (!check)
		return;
	estimate_ck_value(c->policy->ck_min_auto ? ctx_estimate(c)->crash_size : c->policy->ck_min, value,
			  sizeof(value));
	switch (c->host.family) {
	case HOST_EL6:
		cfg = first_existing(p, el6);
		if (!cfg) {
			fix_refuse(p, "no GRUB legacy config (/boot/grub/grub.conf): the bootloader layout is not one "
				   "kdumpcheck knows, nothing changed");
			return;
		}
		edit_menu(p, check, cfg, BOOTEDIT_LEGACY, value);
		return;
	case HOST_EL7:
		edit_default(p, check, "/etc/default/grub", "GRUB_CMDLINE_LINUX", value, 0);
		if (p->live && root_stat(p->root, "/usr/sbin/grubby", &st) == 0) {
			char arg[64];
			snprintf(arg, sizeof(arg), "--args=crashkernel=%s", value);
			fix_command(p, check, 1, 1, "grubby", "--update-kernel=ALL", arg, NULL);
			return;
		}
		for (i = 0; el7[i]; i++)
			if (root_stat(p->root, el7[i], &st) == 0 && S_ISREG(st.st_mode))
				edit_menu(p, check, el7[i], BOOTEDIT_GRUB2, value);
		if (!first_existing(p, el7))
			fix_refuse(p, "no GRUB 2 config (/boot/grub2/grub.cfg): the bootloader layout is not one "
				   "kdumpcheck knows, nothing changed");
		return;
	case HOST_DEBIAN:
		edit_default(p, check, "/etc/default/grub.d/kdump-tools.cfg", "GRUB_CMDLINE_LINUX_DEFAULT", value, 1);
		if (p->live) {
			struct fix_change *u = fix_command(p, check, 1, 1, "update-grub", NULL);
			if (u)
				u->after_files = 1;
		} else if ((cfg = first_existing(p, deb)) != NULL) {
			/* the root is not this host's: its grub.cfg edited as update-grub would leave it */
			edit_menu(p, check, cfg, BOOTEDIT_GRUB2, value);
			fix_command(p, check, 1, 1, "update-grub", NULL);
		}
		return;
	default:
		fix_refuse(p, "crashkernel=: an OS kdumpcheck does not know (%s): its bootloader layout is not known, "
			   "nothing changed", c->host.os[0] ? c->host.os : "no os-release");
		return;
	}
}

/* Line n (1-based) of the working text replaced by text; n 0 (or past the end): text added at the end. */
static void put_line(struct fix_change *c, unsigned n, const char *newtext)
{
	struct sbuf out;
	struct line_iter it;
	const char *line;
	size_t len;
	const char *text = sbuf_str(&c->new_text);

	int done = 0;

	sbuf_init(&out);
	line_iter_init(&it, text, c->new_text.len);
	while (line_iter_next(&it, &line, &len)) {
		if (it.lineno == n) {
			sbuf_puts(&out, newtext);
			done = 1;
		} else {
			sbuf_add(&out, line, len);
		}
		if (line + len < text + c->new_text.len)
			sbuf_add(&out, "\n", 1);
	}
	if (!done) {
		if (out.len && sbuf_str(&out)[out.len - 1] != '\n')
			sbuf_add(&out, "\n", 1);
		sbuf_printf(&out, "%s\n", newtext);
	}
	fix_file_set(c, sbuf_str(&out), out.len);
	sbuf_free(&out);
}

#define BLOCK_BEGIN "# BEGIN kdumpcheck: the sysctl values of its policy (kdumpcheck fix)\n"
#define BLOCK_END "# END kdumpcheck\n"

/* key = value in our own file: the drop-in, or the marked block of /etc/sysctl.conf (EL6). */
static void set_ours(struct fix_plan *p, const char *check, int el6, const char *key, const char *value)
{
	const char *path = el6 ? "/etc/sysctl.conf" : "/etc/sysctl.d/90-kdumpcheck.conf";
	struct fix_change *c;
	struct sbuf out;
	const char *t, *b, *e, *body, *bend;
	size_t klen = strlen(key);
	int err = fix_file(p, check, path, 1, &c);

	if (err) {
		fix_refuse(p, "%s: %s", path, root_strerror(err));
		return;
	}
	t = sbuf_str(&c->new_text);
	b = strstr(t, BLOCK_BEGIN);
	e = b ? strstr(b, BLOCK_END) : NULL;
	sbuf_init(&out);
	if (!el6 && !c->existed && !b)
		t = BLOCK_BEGIN BLOCK_END;
	else if (!b || !e) {
		/* no block yet: one at the end, where it is read last */
		sbuf_add(&out, t, strlen(t));
		if (out.len && sbuf_str(&out)[out.len - 1] != '\n')
			sbuf_add(&out, "\n", 1);
		sbuf_puts(&out, BLOCK_BEGIN BLOCK_END);
		fix_file_set(c, sbuf_str(&out), out.len);
		sbuf_free(&out);
		sbuf_init(&out);
		t = sbuf_str(&c->new_text);
	}
	b = strstr(t, BLOCK_BEGIN);
	e = strstr(b, BLOCK_END);
	body = b + strlen(BLOCK_BEGIN);
	bend = e;
	sbuf_add(&out, t, (size_t)(body - t));
	/* the block's lines, this key's replaced */
	while (body < bend) {
		const char *nl = memchr(body, '\n', (size_t)(bend - body));
		size_t n = nl ? (size_t)(nl - body) + 1 : (size_t)(bend - body);
		if (!(n > klen && !strncmp(body, key, klen) && (body[klen] == ' ' || body[klen] == '=')))
			sbuf_add(&out, body, n);
		body += n;
	}
	sbuf_printf(&out, "%s = %s\n", key, value);
	sbuf_puts(&out, e);
	fix_file_set(c, sbuf_str(&out), out.len);
	sbuf_free(&out);
}

/* A key the boot leaves wrong: edit the line of an /etc file that sets it, else set it in ours. */
static void persist_key(struct fix_plan *p, struct ctx *c, const char *check, const struct sysctl_set *set,
			const char *key, const char *value)
{
	const struct sysctl_setting *st = sysctl_find(set, key);
	int el6 = c->host.family == HOST_EL6 || !c->host.systemd;
	struct fix_change *f;

	if (st && !el6 && !strncmp(st->file, "/etc/", 5) && strcmp(st->file, "/etc/sysctl.d/90-kdumpcheck.conf")) {
		if (fix_file(p, check, st->file, 0, &f) == 0) {
			char kv[600];
			snprintf(kv, sizeof(kv), "%s = %s", key, value);
			put_line(f, st->line, kv);
			return;
		}
	}
	if (st && !el6 && strncmp(st->file, "/etc/", 5)) {
		const char *base = strrchr(st->file, '/');
		if (base && strcmp(base + 1, "90-kdumpcheck.conf") > 0) {
			fix_refuse(p, "%s is set by %s, which the boot reads after /etc/sysctl.d/90-kdumpcheck.conf: "
				   "override it in /etc/sysctl.d, nothing changed", key, st->file);
			return;
		}
	}
	set_ours(p, check, el6, key, value);
}

static void plan_sysctl(struct fix_plan *p, struct ctx *c, const struct report *rep, const struct fix_scope *s)
{
	const struct policy *pol = c->policy;
	struct sysctl_set set;
	char err[512], kv[600], pid[32];
	size_t i;

	for (i = 0; i < pol->nrules; i++) {
		const struct sysctl_rule *rule = &pol->rules[i];
		if (!wanted(s, rule->id) || !failing(rep, rule->id))
			continue;
		snprintf(kv, sizeof(kv), "%s=%s", rule->key, sysctl_wanted_value(rule));
		fix_command(p, rule->id, 1, 0, "sysctl", "-w", kv, NULL);
	}
	snprintf(pid, sizeof(pid), "%llu", (unsigned long long)pol->pid_max_min);
	if (wanted(s, "limits.pid_max") && failing(rep, "limits.pid_max") && pol->pid_max_min) {
		snprintf(kv, sizeof(kv), "kernel.pid_max=%s", pid);
		fix_command(p, "limits.pid_max", 1, 0, "sysctl", "-w", kv, NULL);
	}
	if (!(wanted(s, "sysctl.persistent") && failing(rep, "sysctl.persistent")) &&
	    !(wanted(s, "limits.pid_max") && failing(rep, "limits.pid_max") && pol->pid_max_min))
		return;
	memset(&set, 0, sizeof(set));
	if (sysctl_load_boot(c->root, c->host.family, c->host.systemd, &set, err, sizeof(err))) {
		fix_refuse(p, "%s: nothing changed", err);
		sysctl_set_free(&set);
		return;
	}
	if (wanted(s, "sysctl.persistent") && failing(rep, "sysctl.persistent")) {
		for (i = 0; i < pol->nrules; i++) {
			const struct sysctl_rule *rule = &pol->rules[i];
			const struct sysctl_setting *st = sysctl_find(&set, rule->key);
			if (policy_is_disabled(pol, rule->id) || (st && policy_rule_match(rule, st->value) == 1))
				continue;
			persist_key(p, c, "sysctl.persistent", &set, rule->key, sysctl_wanted_value(rule));
		}
	}
	if (wanted(s, "limits.pid_max") && failing(rep, "limits.pid_max") && pol->pid_max_min)
		persist_key(p, c, "limits.pid_max", &set, "kernel.pid_max", pid);
	sysctl_set_free(&set);
}

/* The command that rebuilds the kdump initramfs the way the host's tools do (after the files it reads). */
static void rebuild(struct fix_plan *p, struct ctx *c, const char *check)
{
	struct fix_change *r = NULL;
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->v[i].kind == FIX_COMMAND && p->v[i].after_files && strcmp(p->v[i].argv[0], "update-grub"))
			return;	/* planned already */
	if (c->host.family == HOST_EL6)
		r = fix_command(p, check, 1, 0, "service", "kdump", "restart", NULL);
	else if (c->host.family == HOST_EL7)
		r = fix_command(p, check, 1, 0, "kdumpctl", "rebuild", NULL);
	else if (c->host.family == HOST_DEBIAN)
		r = fix_command(p, check, 1, 0, "kdump-config", "load", NULL);
	if (r)
		r->after_files = 1;
}

/* kdump.config and kdump.failure_action in /etc/kdump.conf (EL): the collector's -d, a safe failure action. */
static void plan_kdump_conf(struct fix_plan *p, struct ctx *c, const struct report *rep, const struct fix_scope *s)
{
	const struct kdump_conf *kc;
	struct fix_change *f;
	char line[1200];
	int e, el6 = c->host.family == HOST_EL6, changed = 0;
	int cfg = wanted(s, "kdump.config") && failing(rep, "kdump.config");
	int act = wanted(s, "kdump.failure_action") && failing(rep, "kdump.failure_action");

	if ((!cfg && !act) || (c->host.family != HOST_EL6 && c->host.family != HOST_EL7))
		return;
	kc = ctx_kdump_conf(c, &e);
	if (!kc || kc->errline)
		return;		/* a file kdumpcheck cannot parse is never touched */
	if (cfg && !kc->core_collector[0]) {
		if (fix_file(p, "kdump.config", "/etc/kdump.conf", 0, &f) == 0 && ++changed)
			put_line(f, 0, el6 ? "core_collector makedumpfile -c --message-level 1 -d 31" :
					     "core_collector makedumpfile -l --message-level 1 -d 31");
	} else if (cfg && !strcmp(kc->collector_tool, "makedumpfile") && kc->dump_level < 0 && kc->core_collector_line) {
		snprintf(line, sizeof(line), "core_collector %s -d 31", kc->core_collector);
		if (fix_file(p, "kdump.config", "/etc/kdump.conf", 0, &f) == 0 && ++changed)
			put_line(f, kc->core_collector_line, line);
	}
	if (act) {
		const char *name = kc->action_name[0] ? kc->action_name : el6 ? "default" : "failure_action";
		const char *safe = target_is_local(ctx_target(c)) ? "reboot" : "dump_to_rootfs";
		const struct result *r = result_of(rep, "kdump.failure_action");
		if (fix_file(p, "kdump.failure_action", "/etc/kdump.conf", 0, &f) == 0 && ++changed) {
			if (kc->final_value[0] && r && strstr(r->message, "after the dump") && kc->final_line) {
				put_line(f, kc->final_line, "final_action reboot");
			} else {
				snprintf(line, sizeof(line), "%s %s", name, safe);
				put_line(f, kc->action_line, line);
			}
		}
	}
	if (changed)
		rebuild(p, c, "kdump.initrd");
}

/* kdump.config in Debian's /etc/default/kdump-tools: USE_KDUMP=1, MAKEDUMP_ARGS given -d 31 (a last assignment wins). */
static void plan_kdump_tools(struct fix_plan *p, struct ctx *c, const struct report *rep, const struct fix_scope *s)
{
	struct kdump_tools *kt;
	struct fix_change *f;
	const char *data;
	char line[700];
	size_t len;

	if (c->host.family != HOST_DEBIAN || !wanted(s, "kdump.config") || !failing(rep, "kdump.config") ||
	    ctx_read(c, "/etc/default/kdump-tools", &data, &len))
		return;
	kt = xcalloc(1, sizeof(*kt));
	if (kdump_tools_parse(data, len, kt) == 0 && fix_file(p, "kdump.config", "/etc/default/kdump-tools", 0, &f) == 0) {
		int changed = 0;
		if (kt->use_kdump != 1 && ++changed)
			put_line(f, 0, "USE_KDUMP=1");
		if (kt->dump_level < 0 && kt->has_makedump_args) {
			if (strpbrk(kt->makedump_args, "\"$`\\\n")) {
				fix_refuse(p, "/etc/default/kdump-tools: MAKEDUMP_ARGS holds shell characters: add -d 31 "
					   "by hand, nothing changed");
			} else {
				snprintf(line, sizeof(line), "MAKEDUMP_ARGS=\"%s%s-d 31\"", kt->makedump_args,
					 kt->makedump_args[0] ? " " : "");
				put_line(f, 0, line);
				changed++;
			}
		}
		if (changed)
			rebuild(p, c, "kdump.initrd");
	}
	free(kt);
}

static void plan_kdump(struct fix_plan *p, struct ctx *c, const struct report *rep, const struct fix_scope *s)
{
	const struct dump_target *t = ctx_target(c);
	struct stat st;

	if (wanted(s, "kdump.service") && failing(rep, "kdump.service")) {
		if (c->host.family == HOST_EL6)
			fix_command(p, "kdump.service", 1, 0, "chkconfig", "kdump", "on", NULL);
		else if (c->host.family == HOST_EL7)
			fix_command(p, "kdump.service", 1, 0, "systemctl", "enable", "kdump.service", NULL);
		else if (c->host.family == HOST_DEBIAN)
			fix_command(p, "kdump.service", 1, 0, "systemctl", "enable", "kdump-tools.service", NULL);
	}
	if (wanted(s, "kdump.target") && failing(rep, "kdump.target") && t->kind == TARGET_LOCAL && !t->conf_err &&
	    t->path[0] == '/' && root_stat(c->root, t->path, &st) == -ENOENT)
		fix_mkdir(p, "kdump.target", t->path);
	plan_kdump_conf(p, c, rep, s);
	plan_kdump_tools(p, c, rep, s);
	if (wanted(s, "kdump.initrd") && failing(rep, "kdump.initrd"))
		rebuild(p, c, "kdump.initrd");
	if (wanted(s, "kdump.loaded") && failing(rep, "kdump.loaded") && !failing(rep, "crashkernel.reserved") &&
	    !failing(rep, "kdump.initrd")) {
		if (c->host.family == HOST_EL6)
			fix_command(p, "kdump.loaded", 1, 0, "service", "kdump", "restart", NULL);
		else if (c->host.family == HOST_EL7)
			fix_command(p, "kdump.loaded", 1, 0, "systemctl", "restart", "kdump.service", NULL);
		else if (c->host.family == HOST_DEBIAN)
			fix_command(p, "kdump.loaded", 1, 0, "kdump-config", "load", NULL);
	}
}

void fix_plan_checks(struct fix_plan *p, struct ctx *c, const struct report *rep, const struct fix_scope *s)
{
	plan_crashkernel(p, c, rep, s);
	plan_sysctl(p, c, rep, s);
	plan_kdump(p, c, rep, s);
	fix_plan_settle(p);
}
