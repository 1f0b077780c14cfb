/*
 * snapshot.h - the evidence of a host that hangs without panicking: every
 * task in uninterruptible sleep (D state) with its kernel stack, wait channel
 * and how long it has been off the CPU, and the kernel's own hung-task
 * reports from its log. The parsers are pure functions on buffers
 * (src/parse/proctask.c, src/parse/klog.c); the files are read through the
 * root by src/read/proc-tasks.c and src/snapshot-log.c; src/snapshot.c puts
 * the pieces together and src/snapshot-json.c renders them.
 */
#ifndef KDC_SNAPSHOT_H
#define KDC_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "parse/klog.h"
#include "parse/proctask.h"

struct root;
struct json_object;

/* How the blocked time of a task is known. */
enum blocked_src {
	BLK_UNKNOWN = 0,
	BLK_BLOCK_START,	/* now - sched block_start: in D state since */
	BLK_EXEC_START,		/* now - sched se.exec_start: off the CPU since */
	BLK_HUNG_REPORT,	/* the latest hung-task report for it: at least N seconds */
};

const char *blocked_src_name(enum blocked_src s);

/* A task in D state. */
struct dtask {
	long pid;		/* the process (thread group) */
	long tid;		/* the thread; equal to pid for a process's main thread */
	char comm[128];
	char state;
	long ppid;
	int kthread;
	char wchan[128];	/* "" unknown */
	struct kframes stack;
	int stack_err;		/* 0, or -errno: -EACCES (needs root), -ENOENT (gone), -EINVAL (malformed) */
	int64_t blocked_us;	/* -1 unknown */
	enum blocked_src blocked_src;
	int have_blkio;
	uint64_t blkio_ticks;
};

struct snapshot {
	struct dtask *tasks;	/* by pid, then tid */
	size_t ntasks;
	unsigned long scanned;	/* tasks (threads included) whose stat was read */
	unsigned long vanished;	/* exited between the listing and the read */
	unsigned long unreadable; /* stat that could not be read or parsed */
	int64_t uptime_us;	/* /proc/uptime, -1 unknown */
	int64_t now_us;		/* the scheduler clock now: /proc/self/sched se.exec_start, else uptime_us */
	struct hung_log log;
	char log_source[64];	/* "/dev/kmsg", "/var/log/messages", ...; "" none */
	int log_err;		/* 0, or why the log could not be read */
};

/*
 * Take a snapshot of the host under r: read the scheduler clock (our own
 * se.exec_start in /proc/self/sched, else /proc/uptime), list /proc, read each task's stat
 * (threads through /proc/PID/task/ only when a process has more than one),
 * and only for D tasks their wchan, stack and sched; then the kernel log:
 * ROOT/dev/kmsg when it is a character device (read without blocking), else
 * the first of ROOT/var/log/kern.log, /var/log/messages, /var/log/dmesg that
 * can be read (its last ROOT_READ_MAX bytes). Nothing is written.
 * Returns 0, or -errno when /proc cannot be listed.
 */
int snapshot_take(struct root *r, struct snapshot *s);
void snapshot_free(struct snapshot *s);

/*
 * The kernel log of the host under r into s->log: ROOT/dev/kmsg when it is a
 * character device, else the first log file that can be read. When nothing
 * can be read, s->log_source names what was tried first (or stays "") and
 * s->log_err says why.
 */
void snapshot_read_log(struct root *r, struct snapshot *s);

/*
 * The snapshot as a kdumpcheck.snapshot/1 JSON object (a new reference):
 * taken_at (ISO-8601 UTC of the time t), host, kernel, tasks[], hung_task_reports[].
 */
struct json_object *snapshot_json(const struct snapshot *s, const char *hostname, const char *release, int64_t t);

#endif
