/*
 * retention.h - which dumps the retention policy (SPEC §4 [dump] keep and
 * min_free) deletes, decided by a pure function on a list, and the deletion
 * of one dump, and the whole pruning of a dump directory. Shared by 'prune'
 * and 'harvest', which print what happened; nothing here prints.
 *
 * The rules, in order:
 *  1. The newest complete dump is never deleted.
 *  2. An incomplete dump (named vmcore-incomplete, or complete=false in its
 *     sidecar, or whose headers say so) whose file was written less than a
 *     day ago is never deleted: it may still be being written, or be the only
 *     trace of yesterday's crash.
 *  3. Complete dumps beyond the newest `keep` are deleted; so are incomplete
 *     dumps older than a day (they do not count towards `keep`).
 *  4. If the filesystem then still has less than `min_free` available, the
 *     remaining dumps are deleted oldest first until it has, except those of
 *     rules 1 and 2. When even that is not enough, min_free is reported as
 *     not reached and the protected dumps stay.
 * "Newest" is by crash time, then by the dump file's mtime, then by path.
 */
#ifndef KDC_RETENTION_H
#define KDC_RETENTION_H

#include <stddef.h>
#include <stdint.h>

#include "dumps.h"

struct policy;
struct root;

/* An incomplete dump younger than this (seconds) is never deleted. */
#define RET_YOUNG_SECONDS 86400

/* One dump as the decision sees it. */
struct ret_dump {
	int64_t time;		/* crash time, else the file's mtime (the order) */
	int64_t mtime;		/* when the dump file was last written (the age) */
	uint64_t bytes;		/* space its deletion frees */
	int complete;
};

struct ret_rules {
	unsigned keep;		/* newest complete dumps kept */
	int min_free_is_pct;
	uint64_t min_free;	/* percent of the filesystem (0-100), or bytes */
	int have_fs;		/* fs_total/fs_avail known; else min_free is not applied */
	uint64_t fs_total;	/* filesystem size, bytes */
	uint64_t fs_avail;	/* available now, bytes */
	int64_t now;
};

enum ret_why {
	RET_KEEP_NEWEST,	/* the newest complete dump */
	RET_KEEP_COUNT,		/* among the newest `keep` complete dumps */
	RET_KEEP_YOUNG,		/* incomplete, written less than a day ago */
	RET_DEL_COUNT,		/* complete, older than the newest `keep` */
	RET_DEL_INCOMPLETE,	/* incomplete and older than a day */
	RET_DEL_SPACE,		/* within `keep`, deleted oldest first to reach min_free */
};

struct ret_decision {
	int del;		/* 1: delete */
	enum ret_why why;
};

struct ret_sum {
	uint64_t need;		/* min_free in bytes (0 when not applied) */
	uint64_t avail_after;	/* available once the deletions are done */
	uint64_t freed;		/* bytes the deletions free */
	size_t ndel;
	int met;		/* min_free holds afterwards (1 when not applied) */
};

/*
 * Decide for each of the n dumps d[] (newest first) whether it goes; out[]
 * gets one decision per dump. Pure: no clock, no filesystem. 0, or -EINVAL
 * when d[] is not newest first or a percentage is above 100.
 */
int retention_decide(const struct ret_dump *d, size_t n, const struct ret_rules *r, struct ret_decision *out,
		     struct ret_sum *sum);

/* A short phrase for a reason: "older than the newest 5 complete dumps". */
const char *retention_why_str(enum ret_why why);
/* The reason of a decision with the numbers of the rules: "complete, older than the newest 3 (keep = 3)". */
void retention_reason(const struct ret_rules *r, const struct ret_decision *d, char *out, size_t outlen);
/* The min_free of the rules as the policy says it: "10%" or "2G". */
void retention_min_free_str(const struct ret_rules *r, char *out, size_t outlen);

/* One dump of a dump directory, with what deleting it means. */
struct ret_entry {
	struct dump_entry d;
	const char *path;	/* what goes: the dump directory, or a bare dump file (d's string) */
	int bare;		/* a dump file directly in the dump directory */
	int64_t mtime;
	uint64_t bytes;
	struct ret_decision dec;
	/* after retention_prune(): what deleting it did (as retention_delete() returns) */
	int tried;		/* 1 when it was to go and its deletion was attempted */
	int result;		/* 0, -ENOTEMPTY (files gone, directory kept) or -errno */
	char *other;		/* what was kept, or could not be removed (malloc'ed when tried) */
};

/* Something in the dump directory that looks like a dump but is left alone, and why. */
struct ret_skip {
	char *path;
	const char *why;
};

struct ret_plan {
	struct ret_entry *v;	/* newest first */
	size_t n;
	struct ret_skip *skipped;
	size_t nskipped;
	struct ret_rules rules;
	struct ret_sum sum;
};

/*
 * Scan dir (a host path, read through files: a root of "/") and decide.
 * Only these are dumps here: a directory named in the RHEL
 * (<host>-<YYYY-MM-DD-hh:mm:ss>) or Debian (<YYYYMMDDhhmm>) layout holding
 * its dump file, and a bare vmcore/dump file in dir itself. Links are never
 * followed: a link in dir, or a dump whose file is a link, is skipped.
 * 0 or -errno (-ENOENT: no such directory).
 */
int retention_plan(struct root *files, const char *dir, const struct policy *pol, int64_t now,
		   struct ret_plan *p);
void retention_plan_free(struct ret_plan *p);

/*
 * Delete one dump: in a dump directory its known files (vmcore*, *-dmesg.txt,
 * dmesg.*, dump.*, *.json; a link among them is removed, not followed), then
 * the directory; a bare dump: the file and its FILE.json. 0 when all is gone;
 * -ENOTEMPTY when the dump's files are gone but the directory was kept
 * because it holds something else (named in other); -errno when a file could
 * not be removed (named in other, the rest still tried).
 */
int retention_delete(struct root *files, const struct ret_entry *e, char *other, size_t otherlen);

/*
 * Prune dir (a host path): plan as retention_plan() does (now is the
 * current time), then, unless dry_run, delete every dump decided so, newest
 * first, each one's outcome in its entry (tried, result, other). 0, or
 * -errno when there is no plan (nothing deleted; p is empty). Free p with
 * retention_plan_free() either way.
 */
int retention_prune(const char *dir, const struct policy *pol, int64_t now, int dry_run, struct ret_plan *p);

#endif
