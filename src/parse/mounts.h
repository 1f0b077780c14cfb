/*
 * mounts.h - /proc/mounts and /etc/fstab (the same fstab(5) grammar: SPEC
 * FILE VFSTYPE OPTIONS [FREQ [PASSNO]], '#' comments in fstab, spaces and
 * other bytes in a field written as \NNN octal). A pure parser on a buffer.
 */
#ifndef KDC_PARSE_MOUNTS_H
#define KDC_PARSE_MOUNTS_H

#include <stddef.h>

/* At most this many entries are kept (a host with more is not one kdump judges). */
#define MOUNTS_MAX 8192

struct mount_entry {
	char *spec;		/* "/dev/sdb1", "UUID=...", "server:/export", "tmpfs" (decoded) */
	char *file;		/* the mount point (decoded) */
	char *type;		/* "ext4", "nfs4", "swap" ... */
	char *opts;		/* "rw,relatime" */
	unsigned line;		/* its line in the file */
};

struct mount_table {
	struct mount_entry *v;
	size_t n;
	unsigned bad_line;	/* the first line that does not parse (fewer than 4 fields); 0 when none */
	int truncated;		/* more than MOUNTS_MAX entries: the rest were ignored */
};

/* Parse text into t (t is zeroed first). 0, or -EINVAL when a line did not parse (the rest still kept). */
int mounts_parse(const char *text, size_t len, struct mount_table *t);
void mounts_free(struct mount_table *t);

/* Is the comma-separated option opt (e.g. "ro", "noauto") in opts? */
int mounts_has_opt(const char *opts, const char *opt);

#endif
