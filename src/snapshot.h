/*
 * snapshot.h - the evidence of a host that hangs without panicking: every
 * task in uninterruptible sleep (D state) with its kernel stack, wait channel
 * and how long it has been off the CPU, and the kernel's own hung-task
 * reports from its log. The parsers are pure functions on buffers; only
 * snapshot_take() reads files, through the root.
 */
#ifndef KDC_SNAPSHOT_H
#define KDC_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

struct root;
struct json_object;

/* The fields of /proc/PID/stat a snapshot uses. */
struct pstat {
	long pid;
	char comm[128];		/* between the first '(' and the LAST ')' */
	char state;		/* 'R', 'S', 'D', 'Z', ... */
	long ppid;
	uint64_t flags;		/* PF_*: 0x00200000 is PF_KTHREAD */
	long num_threads;
	int have_blkio;		/* field 42 present (2.6.18 and later) */
	uint64_t blkio_ticks;	/* delayacct_blkio_ticks: cumulative block I/O wait, USER_HZ ticks */
};

#define PF_KTHREAD_FLAG 0x00200000u

/*
 * Parse one /proc/PID/stat line ("2817 (rmmod) D 2764 ..."). comm may hold
 * spaces and parentheses, so it ends at the last ')'. Every field up to
 * num_threads (the 20th) must be there and every field must be an integer.
 * Returns 0 or -EINVAL.
 */
int pstat_parse(const char *buf, size_t len, struct pstat *st);

/* A list of kernel stack frames, "flush_workqueue+0x1ed/0x4a0" or with " [module]". */
struct kframes {
	char **v;
	size_t n;
};

#define KSTACK_MAX_FRAMES 128

/*
 * Parse /proc/PID/stack: lines "[<ffffffff8109c8a6>] sym+0x1a6/0x400" (3.10),
 * "[<0>] sym+0x13e/0x3b0" (addresses hidden, 4.20 and later). The symbol text
 * is kept; 3.10's "[<ffffffffffffffff>] 0xffffffffffffffff" end marker is
 * dropped. Empty text gives no frames. Returns 0, -EINVAL for a line that is
 * not a frame (or holds control bytes), -E2BIG past KSTACK_MAX_FRAMES.
 * On error f is left empty.
 */
int kstack_parse(const char *buf, size_t len, struct kframes *f);
void kframes_free(struct kframes *f);

/*
 * What /proc/PID/sched (CONFIG_SCHED_DEBUG) says about when a task last ran,
 * in microseconds of the scheduler clock (printed in ms with 6 decimals):
 * block_start is the moment it entered uninterruptible sleep, kept only with
 * schedstats ("se.block_start" 2.6.32, "se.statistics.block_start" 3.10-5.15,
 * "stats.block_start" later; 0 when not tracked); se.exec_start is the last
 * time it ran.
 */
struct psched {
	int have_block_start;	/* present and non-zero */
	uint64_t block_start_us;
	int have_exec_start;
	uint64_t exec_start_us;
};

/* Returns 0, or -EINVAL when one of those two values does not parse. */
int psched_parse(const char *buf, size_t len, struct psched *ps);

/* The first field of /proc/uptime ("3314.29 3458.92") in microseconds; 0 or -EINVAL. */
int uptime_parse(const char *buf, size_t len, uint64_t *us);

/* One "INFO: task COMM:PID blocked for more than N seconds." report and the trace under it. */
struct hung_report {
	char comm[128];
	long pid;
	long seconds;		/* N; -1 when it does not parse */
	int64_t log_us;		/* kernel timestamp of the report, -1 unknown */
	struct kframes trace;	/* the "Call Trace:" frames, as printed ("? sym" kept) */
};

#define HUNG_MAX_REPORTS 1024

/* The hung-task reports of a kernel log, fed one line or record at a time. */
struct hung_log {
	struct hung_report *v;
	size_t n;
	size_t dropped;		/* reports past HUNG_MAX_REPORTS */
	int state;		/* parser state (private) */
	unsigned span;		/* lines since the report line (private) */
};

void hung_log_init(struct hung_log *h);
void hung_log_free(struct hung_log *h);

/*
 * One line of log text. Understands the decorations of dmesg ("[ 1.234567] ",
 * "<3>", a "[  T123] " caller id) and of syslog files ("Mar  3 10:00:01 host
 * kernel: ", RFC 3339 stamps). A "Linux version " line starts a new boot and
 * forgets the reports before it. ts_us >= 0 gives the timestamp (a kmsg
 * record); -1 takes it from the text when there is one.
 */
void hung_log_line(struct hung_log *h, const char *line, size_t len, int64_t ts_us);

/* A whole text log (dmesg output, kern.log, messages), line by line. */
void hung_log_text(struct hung_log *h, const char *text, size_t len);

/*
 * One /dev/kmsg record "PRIO,SEQ,TS_USEC,FLAGS[,...];TEXT\n[ KEY=VALUE\n...]":
 * the text is unescaped ("\x0a") and fed as a line. 0, or -EINVAL when the
 * record header does not parse (nothing is fed then).
 */
int hung_log_kmsg(struct hung_log *h, const char *rec, size_t len);

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
 * The snapshot as a kdumpcheck.snapshot/1 JSON object (a new reference):
 * taken_at (ISO-8601 UTC of the time t), host, kernel, tasks[], hung_task_reports[].
 */
struct json_object *snapshot_json(const struct snapshot *s, const char *hostname, const char *release, int64_t t);

#endif
