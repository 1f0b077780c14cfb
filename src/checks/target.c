/*
 * target.c - kdump.target: the capture kernel can write the dump where the
 * host sends it. A local directory exists, is writable and has room; a
 * device target (a path, UUID= or LABEL=) is a device of this host, mounted
 * with the type the config names, read-write, with the path on it and room
 * there; a raw device exists, is not mounted (or to be mounted at boot) and
 * holds the dump. For an nfs or ssh target this check judges the local
 * fallback (failure_action dump_to_rootfs); kdump.remote judges the rest.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "blockdev.h"
#include "check.h"
#include "checks/common.h"
#include "estimate.h"
#include "parse/mounts.h"
#include "root.h"
#include "util.h"

/* The lead of a message about dir: "" for the target itself, "fallback ...: " for dump_to_rootfs. */
struct where {
	const char *dir;	/* the directory on the judged host */
	const char *lead;	/* prefix of every message */
	const char *conf;	/* the config that names it, for remedies */
};

/* dir's filesystem has room for the expected dump (pass/warn/problem). */
static void judge_room(struct ctx *c, struct result *res, const struct where *w)
{
	const struct estimate *est;
	struct statvfs vfs;
	char freew[64], dumpw[64], safew[64];
	uint64_t avail;
	int e = root_statvfs(c->root, w->dir, &vfs);

	if (e) {
		res_set(res, ST_FAIL, "%scannot stat the filesystem of %s: %s", w->lead, w->dir, errstr(e));
		return;
	}
	est = ctx_estimate(c);
	if (need_ram(c, res))
		return;
	avail = vfs_avail(&vfs);
	size_words(avail, freew, sizeof(freew));
	size_words(est->dump_size, dumpw, sizeof(dumpw));
	size_words(est->safe_size, safew, sizeof(safew));
	res_observed(res, "%s free on %s", freew, w->dir);
	res_expected(res, ">= %s (safe: %s)", dumpw, safew);
	if (avail < est->dump_size) {
		res_set(res, ST_PROBLEM, "%s%s has %s free, less than the expected dump of %s (%s)", w->lead, w->dir, freew,
			dumpw, est->basis);
		res_remedy(res, "remove old dumps from the dump directory, or point 'path' in %s at a filesystem with %s free",
			   w->conf, dumpw);
		return;
	}
	if (avail < est->safe_size) {
		res_set(res, ST_WARN, "%s%s has %s free: enough for the expected dump of %s, but less than half of RAM (%s)",
			w->lead, w->dir, freew, dumpw, safew);
		char q[1100];
		sh_quote(w->dir, q, sizeof(q));
		res_remedy(res, "remove old dumps from %s, or give it at least %s free", q, safew);
		return;
	}
	res_set(res, ST_PASS, "%s%s has %s free (expected dump %s)", w->lead, w->dir, freew, dumpw);
}

/* The dump directory exists, is a writable directory, and has room. */
static void judge_dir(struct ctx *c, struct result *res, const struct where *w)
{
	char q[1100];
	struct stat st;
	int e = root_stat(c->root, w->dir, &st);

	sh_quote(w->dir, q, sizeof(q));
	if (e == -ENOENT) {
		res_set(res, ST_PROBLEM, "%sthe dump directory %s does not exist", w->lead, w->dir);
		res_remedy_cmd(res, "mkdir", "-p", "-m", "0700", w->dir, NULL);
		return;
	}
	if (e || !S_ISDIR(st.st_mode)) {
		res_set(res, ST_PROBLEM, "%sthe dump directory %s is not usable: %s", w->lead, w->dir,
			e ? errstr(e) : "not a directory");
		return;
	}
	if (root_access(c->root, w->dir, W_OK)) {
		res_set(res, ST_PROBLEM, "%sthe dump directory %s is not writable", w->lead, w->dir);
		res_remedy_cmd(res, "chmod", "0700", w->dir, NULL);
		res_remedy_cmd(res, "chown", "root:root", w->dir, NULL);
		return;
	}
	judge_room(c, res, w);
}

/* A local target: the directory on the root filesystem. */
static void target_local(struct ctx *c, const struct dump_target *t, struct result *res)
{
	struct where w = { t->path, "", t->conf[0] ? t->conf : "/etc/kdump.conf" };
	struct stat st;

	res_observed(res, "%s", t->path);
	if (c->host.family == HOST_UNKNOWN && !t->configured && root_stat(c->root, t->path, &st) == -ENOENT) {
		res_set(res, ST_SKIP, "no kdump configuration and no %s on an OS kdumpcheck does not know: "
			"where dumps go is unknown", t->path);
		return;
	}
	judge_dir(c, res, &w);
}

/* The device of a device or raw target is not on this host: fail saying how it was looked for. */
static int device_missing(struct ctx *c, const struct dump_target *t, struct result *res)
{
	if (!t->dev_err)
		return 0;
	if (t->dev_err == -EINVAL)
		res_set(res, ST_PROBLEM, "%s:%u: \"%s\" names no device kdump can find (a /dev path, UUID= or LABEL=)",
			t->conf, t->target_line, t->line);
	else if (t->dev_err == -ENOTBLK)
		res_set(res, ST_PROBLEM, "%s:%u: %s is not a block device", t->conf, t->target_line, t->where);
	else if (t->dev_err == -ENOENT)
		res_set(res, ST_PROBLEM, "%s:%u: no device %s on this host (looked in %s%s): the capture kernel "
			"cannot find the dump target", t->conf, t->target_line, t->where,
			t->found_by[0] ? t->found_by : "/dev", root_is_live(c->root) ? " and with libblkid" : "");
	else
		res_set(res, ST_PROBLEM, "%s:%u: cannot look %s up: %s", t->conf, t->target_line, t->where,
			errstr(t->dev_err));
	res_remedy(res, "blkid   # lists the filesystems with their UUID and LABEL; fix line %u of %s, then %s",
		   t->target_line, t->conf, kdump_reload_cmd(c));
	return 1;
}

/* A device target that is not mounted: kdumpctl cannot prepare it, and its room is unknown. */
static void device_unmounted(struct ctx *c, const struct dump_target *t, struct result *res)
{
	char qw[600], qt[80];

	sh_quote(t->where, qw, sizeof(qw));
	sh_quote(t->type, qt, sizeof(qt));
	if (t->mount[0]) {
		res_set(res, ST_PROBLEM, "%s (%s) is not mounted (/etc/fstab:%u would mount it on %s): kdump cannot "
			"prepare the dump target, and its room is not verified", t->line, t->device, t->mount_line, t->mount);
		res_remedy_cmd(res, "mount", t->mount, NULL);
		res_remedy_words(res, kdump_reload_cmd(c));
		return;
	}
	res_set(res, ST_PROBLEM, "%s (%s) is not mounted and /etc/fstab does not name it: kdump cannot prepare the "
		"dump target, and its room is not verified", t->line, t->device);
	res_remedy(res, "mkdir -p /kdump && mount -t %s %s /kdump && printf '%%s /kdump %%s defaults 0 2\\n' %s %s "
		   ">> /etc/fstab && %s", qt, qw, qw, qt, kdump_reload_cmd(c));
}

/* Can the capture kernel's "mount -t want" mount the filesystem mounted here as have? */
static int type_fits(const char *want, const char *have)
{
	if (!strcmp(want, have) || !strcmp(want, "auto"))
		return 1;
	/* ext4's driver mounts ext2 and ext3 too; the other way round fails on ext4's features */
	return !strcmp(want, "ext4") && (!strcmp(have, "ext3") || !strcmp(have, "ext2"));
}

/* A device target: found, mounted as configured, read-write, then the directory on it. */
static void target_device(struct ctx *c, const struct dump_target *t, struct result *res)
{
	char lead[1200], qm[600];
	struct where w = { t->dir, "", t->conf };

	res_observed(res, "%s", t->line);
	if (device_missing(c, t, res))
		return;
	if (!t->mounted) {
		device_unmounted(c, t, res);
		return;
	}
	if (!type_fits(t->type, t->mount_type)) {
		res_set(res, ST_PROBLEM, "%s:%u: %s says %s, but %s (%s) is mounted as %s on %s: the capture "
			"kernel's mount fails", t->conf, t->target_line, t->line, t->type, t->where, t->device, t->mount_type,
			t->mount);
		snprintf(lead, sizeof(lead), "%s %s", t->mount_type, t->where);
		sh_quote(lead, qm, sizeof(qm));
		res_remedy(res, "set the line to %s in %s, then %s", qm, t->conf, kdump_reload_cmd(c));
		return;
	}
	if (mounts_has_opt(t->mount_opts, "ro")) {
		res_set(res, ST_PROBLEM, "%s is mounted read-only on %s", t->line, t->mount);
		res_remedy_cmd(res, "mount", "-o", "remount,rw", t->mount, NULL);
		return;
	}
	snprintf(lead, sizeof(lead), "%s on %s: ", t->line, t->mount);
	w.lead = lead;
	judge_dir(c, res, &w);
}

/* The size in bytes of a block device (judged path), from /sys/class/block; 0 or -errno. */
static int device_bytes(struct ctx *c, const char *dev, uint64_t *bytes)
{
	const char *base = strrchr(dev, '/'), *data;
	char p[600], v[64];
	size_t len;
	uint64_t sectors;
	int e;

	snprintf(p, sizeof(p), "/sys/class/block/%s/size", base ? base + 1 : dev);
	e = ctx_read(c, p, &data, &len);
	if (e)
		return e;
	if (text_value(data, len, v, sizeof(v)) || parse_u64(v, 10, &sectors) || sectors > UINT64_MAX / 512)
		return -EINVAL;
	*bytes = sectors * 512;
	return 0;
}

/* A raw target: the device exists, nothing mounts it, and it holds the dump. */
static void target_raw(struct ctx *c, const struct dump_target *t, struct result *res)
{
	struct dev_mount m;
	char sizew[64], dumpw[64];
	uint64_t bytes;

	res_observed(res, "%s", t->line);
	if (device_missing(c, t, res))
		return;
	if (t->mounted || blockdev_find_mount(c->root, "/etc/fstab", t->where, t->device, &m) == 0) {
		res_set(res, ST_PROBLEM, "%s (%s) is %s on %s: the raw dump would be written over a filesystem", t->line,
			t->device, t->mounted ? "mounted" : "in /etc/fstab, to be mounted", t->mounted ? t->mount : m.mount);
		res_remedy(res, "give kdump a device of its own in %s (line %u), then %s", t->conf, t->target_line,
			   kdump_reload_cmd(c));
		return;
	}
	if (need_ram(c, res))
		return;
	size_words(ctx_estimate(c)->dump_size, dumpw, sizeof(dumpw));
	if (device_bytes(c, t->device, &bytes)) {
		res_set(res, ST_WARN, "%s (%s) is not mounted; not verified: that it holds the expected dump of %s (no "
			"/sys/class/block size)", t->line, t->device, dumpw);
		return;
	}
	size_words(bytes, sizew, sizeof(sizew));
	res_observed(res, "%s: %s", t->device, sizew);
	res_expected(res, ">= %s", dumpw);
	if (bytes < ctx_estimate(c)->dump_size) {
		res_set(res, ST_PROBLEM, "%s (%s) holds %s, less than the expected dump of %s", t->line, t->device, sizew,
			dumpw);
		res_remedy(res, "give kdump a raw device of at least %s in %s, then %s", dumpw, t->conf,
			   kdump_reload_cmd(c));
		return;
	}
	res_set(res, ST_PASS, "%s (%s, %s) is not mounted and holds the expected dump of %s", t->line, t->device, sizew,
		dumpw);
}

/* An nfs or ssh target: the local fallback, if the host has one. */
static void target_remote(struct ctx *c, const struct dump_target *t, struct result *res)
{
	char lead[800];
	struct where w = { t->path, "", t->conf };

	if (strcmp(t->failure_action, "dump_to_rootfs")) {
		res_set(res, ST_SKIP, "dumps go to %s (path %s there; kdump.remote judges it); no local fallback", t->line,
			t->path);
		return;
	}
	snprintf(lead, sizeof(lead), "the fallback of %s (failure_action dump_to_rootfs): ", t->line);
	w.lead = lead;
	res_observed(res, "%s", t->path);
	judge_dir(c, res, &w);
}

/* kdump.target: the capture kernel can write the dump where the host sends it. */
static void check_target(struct ctx *c, struct result *res)
{
	const struct dump_target *t = ctx_target(c);

	if (t->conf_err) {
		res_set(res, ST_FAIL, "cannot read %s: %s: where dumps go is not known", t->conf, errstr(t->conf_err));
		return;
	}
	switch (t->kind) {
	case TARGET_LOCAL:
		target_local(c, t, res);
		break;
	case TARGET_DEVICE:
		target_device(c, t, res);
		break;
	case TARGET_RAW:
		target_raw(c, t, res);
		break;
	case TARGET_NFS:
	case TARGET_SSH:
		target_remote(c, t, res);
		break;
	}
}

const struct check_def checks_target[] = {
	{ "kdump.target", "kdump", ST_FAIL, check_target },
	{ NULL, NULL, ST_PASS, NULL },
};
