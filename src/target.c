/* target.c - where the judged host's dumps go, from its kdump configuration. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse/kdumpconf.h"
#include "root.h"
#include "target.h"
#include "util.h"

#define DEFAULT_ARGS "-l --message-level 1 -d 31"
#define DEFAULT_DIR "/var/crash"

/* The kind of a kdump.conf target keyword. */
static enum target_kind kind_of(const char *type)
{
	if (!strcmp(type, "raw"))
		return TARGET_RAW;
	if (!strcmp(type, "nfs") || !strcmp(type, "nfs4"))
		return TARGET_NFS;
	if (!strcmp(type, "ssh"))
		return TARGET_SSH;
	return TARGET_DEVICE;
}

/* How a device is named: "UUID=...", "LABEL=...", another TAG=, else a path. */
static enum target_naming naming_of(const char *dev)
{
	if (str_startswith(dev, "UUID="))
		return TNAME_UUID;
	if (str_startswith(dev, "LABEL="))
		return TNAME_LABEL;
	if (dev[0] != '/' && strchr(dev, '='))
		return TNAME_OTHER;
	return TNAME_PATH;
}

/* The target and collector of a parsed /etc/kdump.conf. */
static void from_kdump_conf(const struct kdump_conf *kc, struct dump_target *t, struct dump_collector *col)
{
	t->configured = 1;
	xstrlcpy(t->conf, "/etc/kdump.conf", sizeof(t->conf));
	xstrlcpy(t->path, kc->path[0] ? kc->path : DEFAULT_DIR, sizeof(t->path));
	if (kc->sshkey[0])
		xstrlcpy(t->sshkey, kc->sshkey, sizeof(t->sshkey));
	col->dump_level = kc->dump_level;
	if (!strcmp(kc->collector_tool, "makedumpfile")) {
		const char *a = kc->core_collector + strcspn(kc->core_collector, " \t");
		xstrlcpy(col->args, a + strspn(a, " \t"), sizeof(col->args));
		xstrlcpy(col->from, "/etc/kdump.conf", sizeof(col->from));
	}
	if (!kc->target_type[0])
		return;
	t->kind = kind_of(kc->target_type);
	t->naming = t->kind == TARGET_DEVICE || t->kind == TARGET_RAW ? naming_of(kc->target) : TNAME_NONE;
	xstrlcpy(t->type, kc->target_type, sizeof(t->type));
	xstrlcpy(t->where, kc->target, sizeof(t->where));
	snprintf(t->line, sizeof(t->line), "%s %s", kc->target_type, kc->target);
}

/* The target and collector of a parsed /etc/default/kdump-tools. */
static void from_kdump_tools(const struct kdump_tools *kt, struct dump_target *t, struct dump_collector *col)
{
	t->configured = 1;
	xstrlcpy(t->conf, "/etc/default/kdump-tools", sizeof(t->conf));
	xstrlcpy(t->path, kt->has_coredir && kt->coredir[0] ? kt->coredir : DEFAULT_DIR, sizeof(t->path));
	if (kt->ssh_key[0])
		xstrlcpy(t->sshkey, kt->ssh_key, sizeof(t->sshkey));
	/* SSH is taken when both are set */
	if (kt->ssh[0] || kt->nfs[0]) {
		t->kind = kt->ssh[0] ? TARGET_SSH : TARGET_NFS;
		xstrlcpy(t->type, kt->ssh[0] ? "SSH" : "NFS", sizeof(t->type));
		xstrlcpy(t->where, kt->ssh[0] ? kt->ssh : kt->nfs, sizeof(t->where));
		snprintf(t->line, sizeof(t->line), "%s=%s", t->type, t->where);
	}
	col->dump_level = kt->has_makedump_args ? kt->dump_level : 31;
	if (kt->makedump_args[0]) {
		xstrlcpy(col->args, kt->makedump_args, sizeof(col->args));
		xstrlcpy(col->from, kt->has_makedump_args ? "MAKEDUMP_ARGS" : "kdump-tools default", sizeof(col->from));
	}
}

void target_resolve(struct root *r, const char *policy_path, struct dump_target *t, struct dump_collector *col)
{
	struct dump_collector spare;
	const char *data;
	size_t len;

	if (!col)
		col = &spare;
	memset(t, 0, sizeof(*t));
	memset(col, 0, sizeof(*col));
	t->kind = TARGET_LOCAL;
	t->naming = TNAME_NONE;
	col->dump_level = -1;
	xstrlcpy(t->path, policy_path, sizeof(t->path));
	xstrlcpy(t->sshkey, TARGET_DEFAULT_SSHKEY, sizeof(t->sshkey));
	xstrlcpy(col->args, DEFAULT_ARGS, sizeof(col->args));
	xstrlcpy(col->from, "default", sizeof(col->from));
	if (root_read(r, "/etc/kdump.conf", &data, &len) == 0) {
		struct kdump_conf *kc = xcalloc(1, sizeof(*kc));
		kdump_conf_parse(data, len, kc);
		from_kdump_conf(kc, t, col);
		free(kc);
	} else if (root_read(r, "/etc/default/kdump-tools", &data, &len) == 0) {
		struct kdump_tools *kt = xcalloc(1, sizeof(*kt));
		kdump_tools_parse(data, len, kt);
		from_kdump_tools(kt, t, col);
		free(kt);
	}
}

int target_is_local(const struct dump_target *t)
{
	return t->kind == TARGET_LOCAL;
}

int target_path_host(const struct root *r, const struct dump_target *t, char *out, size_t outlen)
{
	return root_path(r, t->path, 1, out, outlen);
}

int target_dir_host(const struct root *r, const struct dump_target *t, char *out, size_t outlen)
{
	struct stat st;
	int e;

	if (!target_is_local(t))
		return -EREMOTE;
	if (!t->path[0])
		return -ENOENT;
	/* the root's own directory is absolute, so this is too */
	e = target_path_host(r, t, out, outlen);
	if (e)
		return e;
	e = root_stat(r, t->path, &st);
	if (!e && !S_ISDIR(st.st_mode))
		e = -ENOTDIR;
	return e;
}
