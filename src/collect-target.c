/* collect-target.c - a device dump target in the capture kernel: its mount, the failure action. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

#include <json.h>

#include "collect-target.h"
#include "jsonx.h"
#include "parse/kdumpconf.h"
#include "root.h"
#include "target.h"
#include "util.h"

/* What the host does when saving fails, by kdump.conf(5)'s actions. */
static const struct {
	const char *action;
	const char *what;
} fates[] = {
	{ "dump_to_rootfs", "saves the dump on the root filesystem instead" },
	{ "reboot", "reboots (the capture environment does it)" },
	{ "mount_root_run_init", "boots from the root filesystem as usual (the capture environment does it)" },
	{ "shell", "drops to a shell in the capture kernel (the capture environment does it)" },
	{ "halt", "halts (the capture environment does it)" },
	{ "poweroff", "powers off (the capture environment does it)" },
};

/* The fate of action in words, "reboots" for one kdump does not know. */
static const char *fate_of(const char *action)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(fates); i++)
		if (!strcmp(fates[i].action, action))
			return fates[i].what;
	return fates[1].what;
}

/* The failure action of /etc/kdump.conf (unset: reboot, as kdump.conf(5) says). */
static void action_el(const char *data, size_t len, struct collect_where *w)
{
	struct kdump_conf *kc = xcalloc(1, sizeof(*kc));

	kdump_conf_parse(data, len, kc);
	if (kc->default_action[0]) {
		xstrlcpy(w->action, kc->default_action, sizeof(w->action));
		(void)xsnprintf(w->action_src, sizeof(w->action_src), "/etc/kdump.conf:%u: %s %s", kc->action_line,
			 kc->action_name, kc->action_value);
	} else {
		xstrlcpy(w->action, "reboot", sizeof(w->action));
		if (kc->action_value[0])
			(void)xsnprintf(w->action_src, sizeof(w->action_src), "/etc/kdump.conf:%u: %s %s is not an action "
				 "kdump knows: it reboots", kc->action_line, kc->action_name, kc->action_value);
		else
			xstrlcpy(w->action_src, "/etc/kdump.conf: no failure_action (kdump's default: reboot)",
				 sizeof(w->action_src));
	}
	free(kc);
}

/* The failure action of the judged host: kdump.conf, else kdump-tools' KDUMP_FAIL_CMD. */
static void read_action(struct root *r, struct collect_where *w)
{
	const char *data;
	size_t len;

	if (root_read(r, "/etc/kdump.conf", &data, &len) == 0) {
		action_el(data, len, w);
	} else if (root_read(r, "/etc/default/kdump-tools", &data, &len) == 0) {
		struct kdump_tools *kt = xcalloc(1, sizeof(*kt));

		kdump_tools_parse(data, len, kt);
		xstrlcpy(w->action, "reboot", sizeof(w->action));
		if (kt->fail_cmd[0]) {
			xstrlcpy(w->action, "KDUMP_FAIL_CMD", sizeof(w->action));
			(void)xsnprintf(w->action_src, sizeof(w->action_src), "/etc/default/kdump-tools: KDUMP_FAIL_CMD=%s",
				 kt->fail_cmd);
		} else {
			xstrlcpy(w->action_src, "/etc/default/kdump-tools: no KDUMP_FAIL_CMD (kdump-tools reboots)",
				 sizeof(w->action_src));
		}
		free(kt);
	} else {
		xstrlcpy(w->action, "reboot", sizeof(w->action));
		xstrlcpy(w->action_src, "no kdump configuration (kdump's default: reboot)", sizeof(w->action_src));
	}
	if (!strcmp(w->action, "KDUMP_FAIL_CMD"))
		xstrlcpy(w->host_will, "runs KDUMP_FAIL_CMD (kdump-tools does it)", sizeof(w->host_will));
	else
		xstrlcpy(w->host_will, fate_of(w->action), sizeof(w->host_will));
}

/* The root filesystem's dump directory (path on /) as a host path. */
static int rootfs_dir(struct root *r, const struct dump_target *t, char *dir, size_t dirlen)
{
	return root_path(r, t->path[0] ? t->path : "/var/crash", 1, dir, dirlen);
}

/* The target cannot be written (problem): the failure action decides where the log and the dump go. */
static int unusable(struct root *r, const struct dump_target *t, struct collect_where *w, const char *problem,
		    char *dir, size_t dirlen)
{
	if (!strcmp(w->action, "dump_to_rootfs")) {
		w->used = "rootfs fallback";
		(void)xsnprintf(w->reason, sizeof(w->reason), "%s; %s: the dump goes to the root filesystem's %s", problem,
			 w->action_src, t->path);
	} else {
		w->used = NULL;
		w->log_only = 1;
		(void)xsnprintf(w->reason, sizeof(w->reason), "%s; %s: no dump is written, the host %s; the kernel log is "
			 "saved on the root filesystem's %s", problem, w->action_src, w->host_will, t->path);
	}
	return rootfs_dir(r, t, dir, dirlen);
}

/* Mount the device of t at COLLECT_MOUNT_POINT (live root only); 0 or -errno. */
static int mount_device(struct root *r, const struct dump_target *t, struct collect_where *w)
{
	char mp[PATH_MAX];
	int e = root_mkdir(r, COLLECT_MOUNT_POINT, 0700);

	if (e && e != -EEXIST)
		return e;
	e = root_path(r, COLLECT_MOUNT_POINT, 1, mp, sizeof(mp));
	if (e)
		return e;
	if (mount(t->device, mp, t->type, 0, NULL) < 0)
		return -errno;
	xstrlcpy(w->mounted, mp, sizeof(w->mounted));
	return 0;
}

/* dir = mount point + the target's path. */
static int under_mount(const char *mp, const char *path, char *dir, size_t dirlen)
{
	while (*path == '/')
		path++;
	return xsnprintf(dir, dirlen, "%s%s%s", mp, *path ? "/" : "", path) ? -ENAMETOOLONG : 0;
}

int collect_target_choose(struct root *r, const struct dump_target *t, struct collect_where *w, char *dir,
			  size_t dirlen, char *err, size_t errlen)
{
	char problem[900];
	int e;

	memset(w, 0, sizeof(*w));
	if (t->kind == TARGET_LOCAL || t->kind == TARGET_RAW)
		return target_path_host(r, t, dir, dirlen);
	w->device = 1;
	read_action(r, w);
	if (t->kind == TARGET_NFS && !t->mounted) {
		(void)xsnprintf(problem, sizeof(problem), "the NFS export of '%s' is not mounted here, and collect does "
				"not mount NFS", t->line);
		return unusable(r, t, w, problem, dir, dirlen);
	}
	if (t->kind == TARGET_SSH) {
		(void)xsnprintf(problem, sizeof(problem), "'%s' is an ssh target, and collect writes to filesystems only "
				"(kdump's own scripts send dumps over ssh)", t->line);
		return unusable(r, t, w, problem, dir, dirlen);
	}
	if (t->mounted) {
		w->used = "target";
		(void)xsnprintf(w->reason, sizeof(w->reason), "%s is mounted at %s (/proc/mounts line %u)", t->line, t->mount,
			 t->mount_line);
		return target_path_host(r, t, dir, dirlen);
	}
	if (t->dev_err) {
		(void)xsnprintf(problem, sizeof(problem), "the dump target '%s' is not on this host (%s)", t->line,
			 t->dev_err == -ENOENT ? "no such device" : root_strerror(t->dev_err));
		return unusable(r, t, w, problem, dir, dirlen);
	}
	if (!root_is_live(r)) {
		(void)xsnprintf(err, errlen, "the dump target '%s' (%s) is not mounted under --root %s, and collect mounts a "
			 "device only in the capture kernel's own root (--root /)", t->line, t->conf, root_dir(r));
		return -EPERM;
	}
	e = mount_device(r, t, w);
	if (e) {
		(void)xsnprintf(problem, sizeof(problem), "cannot mount the dump target '%s' (%s) on %s: %s", t->line,
			 t->device, COLLECT_MOUNT_POINT, root_strerror(e));
		return unusable(r, t, w, problem, dir, dirlen);
	}
	w->used = "target";
	(void)xsnprintf(w->reason, sizeof(w->reason), "%s is %s (found by %s), not mounted: collect mounted it on %s",
		 t->line, t->device, t->found_by, w->mounted);
	return under_mount(w->mounted, t->path, dir, dirlen);
}

int collect_target_fallback(struct root *r, const struct dump_target *t, struct collect_where *w, const char *why,
			    char *dir, size_t dirlen)
{
	char old[sizeof(w->reason)];

	if (!w->device || !w->used || strcmp(w->used, "target") || strcmp(w->action, "dump_to_rootfs"))
		return 0;
	if (rootfs_dir(r, t, dir, dirlen))
		return 0;
	xstrlcpy(old, w->reason, sizeof(old));
	w->used = "rootfs fallback";
	(void)xsnprintf(w->reason, sizeof(w->reason), "the capture on the dump target failed (%s: %s); %s: the dump goes "
		 "to the root filesystem's %s", old, why, w->action_src, t->path);
	return 1;
}

void collect_target_release(struct collect_where *w)
{
	if (!w->mounted[0] || w->released)
		return;
	sync();
	if (umount(w->mounted) < 0)
		fprintf(stderr, "kdumpcheck: collect: cannot unmount %s: %s (the dump on it is synced)\n", w->mounted,
			strerror(errno));
	w->released = 1;
}

struct json_object *collect_target_json(const struct dump_target *t, const struct collect_where *w)
{
	struct json_object *o;

	if (!w->device)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "kind", json_object_new_string(t->kind == TARGET_NFS ? "nfs" : t->kind == TARGET_SSH ? "ssh" : "device"));
	json_object_object_add(o, "line", json_object_new_string(t->line));
	json_object_object_add(o, "config", jsonx_str_or_null(t->conf));
	json_object_object_add(o, "device", jsonx_str_or_null(t->device));
	json_object_object_add(o, "found_by", jsonx_str_or_null(t->found_by));
	json_object_object_add(o, "mount", jsonx_str_or_null(w->mounted[0] ? w->mounted : t->mounted ? t->mount : ""));
	json_object_object_add(o, "mounted_by_collect", json_object_new_boolean(w->mounted[0] != '\0'));
	json_object_object_add(o, "used", jsonx_str_or_null(w->used));
	json_object_object_add(o, "reason", json_object_new_string(w->reason));
	json_object_object_add(o, "failure_action", json_object_new_string(w->action));
	json_object_object_add(o, "failure_action_source", json_object_new_string(w->action_src));
	return o;
}

void collect_target_reason(const struct dump_target *t, const struct collect_where *w, struct sbuf *b)
{
	if (!w->device)
		return;
	sbuf_printf(b, "\ndump target: %s (%s line %u)\n", t->line, t->conf, t->target_line);
	sbuf_printf(b, "used: %s: %s\n", w->used ? w->used : "none (kernel log only)", w->reason);
	sbuf_printf(b, "when saving fails the host %s (%s)\n", w->host_will, w->action_src);
}
