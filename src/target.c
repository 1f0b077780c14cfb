/* target.c - where the judged host's dumps go, from its kdump configuration. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "blockdev.h"
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
	xstrlcpy(t->failure_action, kc->default_action, sizeof(t->failure_action));
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
	t->target_line = kc->target_line;
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

/* dir = mount + path ("/" + "/var/crash", "/crash" + "/" ...). */
static void join(const char *mount, const char *path, char *dir, size_t dirlen)
{
	size_t n = strlen(mount);

	while (n > 1 && mount[n - 1] == '/')
		n--;
	if (n == 1 && mount[0] == '/')
		n = 0;
	while (path[0] == '/' && path[1] == '/')
		path++;
	if (!strcmp(path, "/") || !path[0])
		path = n ? "" : "/";
	if (snprintf(dir, dirlen, "%.*s%s%s", (int)n, mount, path[0] && path[0] != '/' ? "/" : "", path) >= (int)dirlen)
		dir[0] = '\0';
}

static void take_mount(struct dump_target *t, const struct dev_mount *m, const char *from)
{
	xstrlcpy(t->mount, m->mount, sizeof(t->mount));
	xstrlcpy(t->mount_from, from, sizeof(t->mount_from));
	xstrlcpy(t->mount_type, m->type, sizeof(t->mount_type));
	xstrlcpy(t->mount_opts, m->opts, sizeof(t->mount_opts));
	t->mount_line = m->line;
	t->mounted = !strcmp(from, "/proc/mounts");
}

/* A device target: its node, and where it is mounted (or would be, by fstab). */
static void locate_device(struct root *r, struct dump_target *t)
{
	struct dev_mount m;
	const char *how = "";

	t->dev_err = blockdev_resolve(r, t->where, t->device, sizeof(t->device), &how);
	xstrlcpy(t->found_by, how, sizeof(t->found_by));
	if (t->dev_err)
		t->device[0] = '\0';
	if (blockdev_find_mount(r, "/proc/mounts", t->where, t->device, &m) == 0)
		take_mount(t, &m, "/proc/mounts");
	else if (blockdev_find_mount(r, "/etc/fstab", t->where, t->device, &m) == 0)
		take_mount(t, &m, "/etc/fstab");
	if (t->mounted)
		join(t->mount, t->path, t->dir, sizeof(t->dir));
}

/* Where the configured target is on this host. */
static void locate(struct root *r, struct dump_target *t)
{
	struct dev_mount m;
	const char *how = "";

	switch (t->kind) {
	case TARGET_LOCAL:
		xstrlcpy(t->dir, t->path, sizeof(t->dir));
		break;
	case TARGET_DEVICE:
		locate_device(r, t);
		break;
	case TARGET_RAW:
		/* the dump waits on the device until the next boot saves it under path */
		t->dev_err = blockdev_resolve(r, t->where, t->device, sizeof(t->device), &how);
		xstrlcpy(t->found_by, how, sizeof(t->found_by));
		if (t->dev_err)
			t->device[0] = '\0';
		else if (blockdev_is_mounted(r, t->device, &m) == 1)
			take_mount(t, &m, "/proc/mounts");
		xstrlcpy(t->dir, t->path, sizeof(t->dir));
		break;
	case TARGET_NFS:
		if (blockdev_find_nfs_mount(r, t->where, &m) == 0) {
			take_mount(t, &m, "/proc/mounts");
			/* EL: path is under the export; kdump-tools mounts the export itself on KDUMP_COREDIR */
			join(t->mount, strcmp(t->conf, "/etc/kdump.conf") ? "/" : t->path, t->dir, sizeof(t->dir));
		}
		break;
	case TARGET_SSH:
		break;
	}
}

void target_resolve_conf(struct root *r, const struct kdump_conf *kc, int kc_err, const char *policy_path,
			 struct dump_target *t, struct dump_collector *col)
{
	struct dump_collector spare;
	const char *data;
	size_t len;
	int e;

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
	if (kc) {
		from_kdump_conf(kc, t, col);
	} else if (kc_err && kc_err != -ENOENT) {
		/* there is a kdump.conf, but what it says is not known: nothing may be judged from a guess */
		t->conf_err = kc_err;
		xstrlcpy(t->conf, "/etc/kdump.conf", sizeof(t->conf));
	} else if ((e = root_read(r, "/etc/default/kdump-tools", &data, &len)) == 0) {
		struct kdump_tools *kt = xcalloc(1, sizeof(*kt));
		kdump_tools_parse(data, len, kt);
		from_kdump_tools(kt, t, col);
		free(kt);
	} else if (e != -ENOENT) {
		t->conf_err = e;
		xstrlcpy(t->conf, "/etc/default/kdump-tools", sizeof(t->conf));
	}
	locate(r, t);
}

void target_resolve(struct root *r, const char *policy_path, struct dump_target *t, struct dump_collector *col)
{
	struct kdump_conf *kc = NULL;
	const char *data;
	size_t len;
	int e = root_read(r, "/etc/kdump.conf", &data, &len);

	if (e == 0) {
		kc = xcalloc(1, sizeof(*kc));
		kdump_conf_parse(data, len, kc);
	}
	target_resolve_conf(r, kc, e, policy_path, t, col);
	free(kc);
}

int target_is_local(const struct dump_target *t)
{
	return t->kind == TARGET_LOCAL;
}

int target_path_host(const struct root *r, const struct dump_target *t, char *out, size_t outlen)
{
	return root_path(r, t->dir[0] ? t->dir : t->path, 1, out, outlen);
}

void target_where(const struct dump_target *t, int err, char *out, size_t outlen)
{
	switch (err) {
	case -EREMOTE:
		snprintf(out, outlen, "dumps go to %s:%s, not to this host", t->where, t->path);
		break;
	case -ENODEV:
		snprintf(out, outlen, "the dump target '%s' (%s) is not a device of this host", t->where, t->conf);
		break;
	case -ENOTCONN:
		if (t->mount[0])
			snprintf(out, outlen, "the dump target '%s' is not mounted here (%s line %u mounts it on %s)",
				 t->where, t->mount_from, t->mount_line, t->mount);
		else
			snprintf(out, outlen, "the dump target '%s' is not mounted on this host", t->where);
		break;
	case -ENOENT:
		snprintf(out, outlen, "the dump directory %s does not exist", t->dir[0] ? t->dir : t->path);
		break;
	default:
		snprintf(out, outlen, "%s: %s", t->dir[0] ? t->dir : t->path, root_strerror(err));
		break;
	}
}

int target_dir_host(const struct root *r, const struct dump_target *t, char *out, size_t outlen)
{
	struct stat st;
	int e;

	if (!t->dir[0]) {
		if (t->kind == TARGET_SSH)
			return -EREMOTE;
		if (t->kind == TARGET_DEVICE && t->dev_err && !t->mount[0])
			return -ENODEV;
		if (t->kind == TARGET_DEVICE || t->kind == TARGET_NFS)
			return -ENOTCONN;
		return -ENOENT;
	}
	/* the root's own directory is absolute, so this is too */
	e = root_path(r, t->dir, 1, out, outlen);
	if (e)
		return e;
	e = root_stat(r, t->dir, &st);
	if (!e && !S_ISDIR(st.st_mode))
		e = -ENOTDIR;
	return e;
}
