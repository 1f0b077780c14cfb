/*
 * blockdev.h - the block devices of the judged host: a device named the way
 * kdump.conf and fstab name it (a path, UUID=, LABEL=, PARTUUID=,
 * PARTLABEL=) resolved to its node, and where that device is mounted
 * (/proc/mounts) or would be (/etc/fstab). Through the root layer; on the
 * live host only, a device udev has no link for is found by libblkid's
 * probe (opened with dlopen(), as the capture kernel may have no udev).
 */
#ifndef KDC_BLOCKDEV_H
#define KDC_BLOCKDEV_H

#include <stddef.h>

struct root;

/*
 * Resolve spec to the device node on the judged host (links resolved:
 * "/dev/sdb1", "/dev/dm-0") in dev. *how says what found it ("/dev/disk/by-uuid",
 * "libblkid", "path"). 0, -ENOENT (no such device), -ENOTBLK (it exists but
 * the live host's node is not a block device), -EINVAL (an empty or unknown
 * TAG= form), or -errno.
 */
int blockdev_resolve(struct root *r, const char *spec, char *dev, size_t devlen, const char **how);

/* Where a device is (or would be) mounted. */
struct dev_mount {
	char mount[512];	/* the mount point on the judged host */
	char type[32];		/* the filesystem type of that entry */
	char opts[256];		/* its options */
	char spec[512];		/* the entry's own name of the device (escaped for messages) */
	unsigned line;		/* its line in the table */
};

/*
 * Find the entry of table ("/proc/mounts" or "/etc/fstab") that mounts the
 * device spec (resolved to dev by blockdev_resolve(); dev may be "" when it
 * did not resolve: then only an entry naming spec the same way matches).
 * For /proc/mounts the last match wins (the mount on top). 0, -ENOENT (no
 * entry), or the read error of the table.
 */
int blockdev_find_mount(struct root *r, const char *table, const char *spec, const char *dev, struct dev_mount *m);

/*
 * Find the /proc/mounts entry whose source is the NFS export where
 * ("server:/export", trailing slashes ignored) with an nfs or nfs4 type.
 * 0, -ENOENT or the read error.
 */
int blockdev_find_nfs_mount(struct root *r, const char *where, struct dev_mount *m);

/* Is dev (a judged-host device path) mounted anywhere (/proc/mounts)? 1 yes (m filled), 0 no, -errno. */
int blockdev_is_mounted(struct root *r, const char *dev, struct dev_mount *m);

#endif
