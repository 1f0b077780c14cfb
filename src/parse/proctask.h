/*
 * proctask.h - pure parsers of the files /proc keeps for a task: stat,
 * stack, sched, and /proc/uptime as their clock. They read buffers only;
 * src/read/proc-tasks.c reads the files through the root.
 */
#ifndef KDC_PARSE_PROCTASK_H
#define KDC_PARSE_PROCTASK_H

#include <stddef.h>
#include <stdint.h>

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
/* Append a copy of the n bytes at s as a frame. */
void kframes_add(struct kframes *f, const char *s, size_t n);
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

#endif
