/*
 * dumps.h - the dumps in a dump directory: RHEL "<host>-<date>/vmcore",
 * Debian "<YYYYMMDDhhmm>/dump.<ts>", and bare vmcore files; each described
 * from its sidecar when it has one, else from its headers. A directory whose
 * capture wrote no dump file (only the kernel log and a reason) is listed too,
 * and so is an entry that cannot be read: nothing is silently skipped.
 *
 * Cost: an entry holds its summary and two paths (malloc'ed to their length);
 * sidecars and reasons are read through the dump directory's descriptors
 * (dirfd.h), never kept, never cached.
 */
#ifndef KDC_DUMPS_H
#define KDC_DUMPS_H

#include <stddef.h>
#include <stdint.h>

#include "sidecar.h"

struct root;

/* What a dump directory holds. */
enum dump_state {
	DUMP_COMPLETE,		/* a dump file the capture finished */
	DUMP_INCOMPLETE,	/* a dump file the capture did not finish */
	DUMP_NO_VMCORE,		/* no dump file: the capture failed at once (kernel log, reason) */
	DUMP_UNREADABLE,	/* cannot be read (why in note) */
};

struct dump_entry {
	char *vmcore;		/* the dump file (host path); the directory itself when there is none */
	char *dir;		/* the directory holding it */
	char *note;		/* why there is no dump file, or why it cannot be read; NULL */
	enum dump_state state;
	int64_t time;		/* crash time (seconds), else the file's mtime */
	int time_known;		/* time came from the dump itself */
	char host[256];
	char release[128];
	char cls[32];		/* crash class, "" unknown */
	uint64_t size;
	int64_t mtime;		/* the dump file's mtime */
	int complete;
	int tagged;		/* a sidecar exists */
	int sidecar_current;	/* it is ours, names this path and is newer than the dump file */
	int sidecar_hashed;	/* it has the sha256 of the dump */
	int debuginfo_match;	/* 1 yes, 0 no, -1 unknown */
	int named_host;		/* the directory is named <host>-<date> (RHEL) */
	int incomplete_name;	/* the dump file is named vmcore-incomplete */
};

/*
 * Scan dir (a path of the machine we run on), newest first. 0 or -errno.
 * Free the list with dumps_free().
 */
int dumps_scan(struct root *files, const char *dir, struct dump_entry **out, size_t *n);
void dumps_free(struct dump_entry *v, size_t n);
/* Free what one entry holds (its strings). */
void dump_entry_clear(struct dump_entry *e);
/* The files of an entry with a dump file, as sidecar_build() wants them. 0 or -errno. */
int dump_entry_files(struct root *files, const struct dump_entry *e, struct dump_files *df);
/* The words of a state: "complete", "incomplete", "no vmcore", "unreadable". */
const char *dump_state_str(enum dump_state s);

#endif
