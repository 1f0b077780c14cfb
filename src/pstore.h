/*
 * pstore.h - the records of /sys/fs/pstore of the judged host, and their copy
 * into the dump directory (through its directory descriptor, see dirfd.h).
 */
#ifndef KDC_PSTORE_H
#define KDC_PSTORE_H

#include <stddef.h>
#include <stdint.h>

#define PSTORE "/sys/fs/pstore"

struct root;

/* A pstore record: its name and time. */
struct precord {
	char name[256];
	int64_t mtime;
};

/* The records in ROOT/sys/fs/pstore (regular files only); their count, *recs malloc'ed. */
size_t pstore_records(struct root *judged, struct precord **recs);
/* The time of the crash they tell: the newest dmesg record, else the newest record. */
int64_t pstore_crash_time(const struct precord *recs, size_t n);
/* The directory name of saved records: <host>-<YYYY-MM-DD-hh:mm:ss>-pstore, in UTC. */
void pstore_dir_name(const char *host, int64_t t, char *name, size_t size);
/*
 * Copy the records into dir/name (a host path and one component): into
 * dir/.name.partial (0700, made afresh; a link there is removed, never
 * followed), renamed to name when all are in. 0; -EEXIST when name is
 * already a directory (saved before); -errno, failed naming what failed.
 */
int pstore_save(struct root *judged, const char *dir, const char *name, const struct precord *recs, size_t n,
		char *failed, size_t failedlen);

#endif
