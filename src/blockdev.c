/* blockdev.c - devices by path, UUID=, LABEL=; their mounts. */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "blockdev.h"
#include "parse/mounts.h"
#include "root.h"
#include "util.h"

/* The TAG= forms and the udev link directory of each. */
static const struct {
	const char *tag;
	const char *dir;
} tags[] = {
	{ "UUID=", "/dev/disk/by-uuid" },
	{ "LABEL=", "/dev/disk/by-label" },
	{ "PARTUUID=", "/dev/disk/by-partuuid" },
	{ "PARTLABEL=", "/dev/disk/by-partlabel" },
};

/* value without the double quotes blkid and fstab allow around it. */
static void unquote(const char *value, char *out, size_t outlen)
{
	size_t n = strlen(value);

	if (n >= 2 && value[0] == '"' && value[n - 1] == '"') {
		value++;
		n -= 2;
	}
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, value, n);
	out[n] = '\0';
}

/* A link name as udev writes it: bytes other than [A-Za-z0-9#+-.:=@_] and UTF-8 as \xHH. */
static void udev_encode(const char *s, char *out, size_t outlen)
{
	size_t o = 0;

	for (; *s && o + 5 < outlen; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80 ||
		    strchr("#+-.:=@_", c))
			out[o++] = (char)c;
		else
			o += (size_t)snprintf(out + o, outlen - o, "\\x%02x", c);
	}
	out[o] = '\0';
}

/* libblkid's answer for "TAG=value" on the live host, in dev; -ENOENT when it has none. */
static int blkid_lookup(const char *spec, char *dev, size_t devlen)
{
	typedef char *(*evaluate_fn)(const char *, const char *, void **);
	void *dl = dlopen("libblkid.so.1", RTLD_NOW | RTLD_LOCAL);
	evaluate_fn fn;
	char *found;
	int e = -ENOENT;

	if (!dl)
		return -ENOENT;
	*(void **)(&fn) = dlsym(dl, "blkid_evaluate_tag");
	if (fn) {
		found = fn(spec, NULL, NULL);
		if (found && found[0] == '/')
			e = xstrlcpy(dev, found, devlen) < devlen ? 0 : -ENAMETOOLONG;
		free(found);
	}
	dlclose(dl);
	return e;
}

/* The node at path (judged host), links resolved, in dev: a block device on the live host. */
static int node_at(struct root *r, const char *path, char *dev, size_t devlen)
{
	struct stat st;
	int e = root_stat(r, path, &st);

	if (e)
		return e;
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	/* an image's /dev holds what was captured of it; the live host's is the real one */
	if (root_is_live(r) && !S_ISBLK(st.st_mode))
		return -ENOTBLK;
	return root_canon(r, path, dev, devlen);
}

/* blockdev_resolve(), asking libblkid only when probe is 1 (never for every line of a table). */
static int resolve(struct root *r, const char *spec, char *dev, size_t devlen, const char **how, int probe)
{
	char value[512], name[1024], link[1200];
	size_t i;
	int e;

	*how = "";
	dev[0] = '\0';
	if (spec[0] == '/') {
		*how = "path";
		return node_at(r, spec, dev, devlen);
	}
	for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
		size_t n = strlen(tags[i].tag);

		if (strncasecmp(spec, tags[i].tag, n))
			continue;
		unquote(spec + n, value, sizeof(value));
		if (!value[0] || strchr(value, '/'))
			return -EINVAL;
		udev_encode(value, name, sizeof(name));
		snprintf(link, sizeof(link), "%s/%s", tags[i].dir, name);
		*how = tags[i].dir;
		e = node_at(r, link, dev, devlen);
		if (e != -ENOENT || !root_is_live(r) || !probe)
			return e;
		*how = "libblkid";
		return blkid_lookup(spec, dev, devlen);
	}
	return -EINVAL;
}

int blockdev_resolve(struct root *r, const char *spec, char *dev, size_t devlen, const char **how)
{
	return resolve(r, spec, dev, devlen, how, 1);
}

/* Does a table entry's spec name the same device as spec (resolved to dev)? */
static int same_device(struct root *r, const char *espec, const char *spec, const char *dev)
{
	char a[512], b[512], edev[512];
	const char *how;
	struct stat s1, s2;

	unquote(espec, a, sizeof(a));
	unquote(spec, b, sizeof(b));
	if (!strcasecmp(a, b))
		return 1;
	if (!dev[0])
		return 0;
	if (espec[0] != '/' && !strchr(espec, '='))
		return 0;	/* "tmpfs", "server:/export": not a device */
	if (resolve(r, espec, edev, sizeof(edev), &how, 0))
		return 0;
	if (!strcmp(edev, dev))
		return 1;
	/* EL6's /dev/mapper nodes are not links to /dev/dm-N: the same device number is the same device */
	return root_is_live(r) && !root_stat(r, edev, &s1) && !root_stat(r, dev, &s2) && S_ISBLK(s1.st_mode) &&
	       S_ISBLK(s2.st_mode) && s1.st_rdev == s2.st_rdev;
}

static void fill(struct dev_mount *m, const struct mount_entry *e)
{
	xstrlcpy(m->mount, e->file, sizeof(m->mount));
	xstrlcpy(m->type, e->type, sizeof(m->type));
	xstrlcpy(m->opts, e->opts, sizeof(m->opts));
	quote_bytes(e->spec, strlen(e->spec), m->spec, sizeof(m->spec));
	m->line = e->line;
}

/* Read and parse table; 0 or the read error. */
static int load(struct root *r, const char *table, struct mount_table *t)
{
	const char *data;
	size_t len;
	int e = root_read(r, table, &data, &len);

	memset(t, 0, sizeof(*t));
	if (e)
		return e;
	mounts_parse(data, len, t);
	return 0;
}

int blockdev_find_mount(struct root *r, const char *table, const char *spec, const char *dev, struct dev_mount *m)
{
	struct mount_table t;
	int found = 0, fstab = !strcmp(table, "/etc/fstab");
	size_t i;
	int e = load(r, table, &t);

	memset(m, 0, sizeof(*m));
	if (e)
		return e;
	for (i = 0; i < t.n; i++) {
		const struct mount_entry *me = &t.v[i];

		if (fstab && (!strcmp(me->type, "swap") || !strcmp(me->file, "none")))
			continue;
		if (!same_device(r, me->spec, spec, dev))
			continue;
		fill(m, me);
		found = 1;
		if (fstab)
			break;
	}
	mounts_free(&t);
	return found ? 0 : -ENOENT;
}

/* "server:/export/" and "server:/export" are the same export. */
static size_t export_len(const char *s)
{
	size_t n = strlen(s);

	while (n > 1 && s[n - 1] == '/' && s[n - 2] != ':')
		n--;
	return n;
}

int blockdev_find_nfs_mount(struct root *r, const char *where, struct dev_mount *m)
{
	struct mount_table t;
	size_t i, wn = export_len(where);
	int found = 0, e = load(r, "/proc/mounts", &t);

	memset(m, 0, sizeof(*m));
	if (e)
		return e;
	for (i = 0; i < t.n; i++) {
		const struct mount_entry *me = &t.v[i];

		if (strcmp(me->type, "nfs") && strcmp(me->type, "nfs4"))
			continue;
		if (export_len(me->spec) != wn || strncmp(me->spec, where, wn))
			continue;
		fill(m, me);
		found = 1;
	}
	mounts_free(&t);
	return found ? 0 : -ENOENT;
}

int blockdev_is_mounted(struct root *r, const char *dev, struct dev_mount *m)
{
	int e = blockdev_find_mount(r, "/proc/mounts", dev, dev, m);

	return e == 0 ? 1 : e == -ENOENT ? 0 : e;
}
