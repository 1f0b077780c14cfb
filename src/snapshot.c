/* snapshot.c - the D-state tasks of a live host and how long each has been blocked. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "read/proc-tasks.h"
#include "snapshot.h"
#include "util.h"

/*
 * How long a task has been blocked
 *
 * The kernel keeps no "blocked since" for userspace to read on every kernel,
 * so the best source available wins, and the output names it:
 *   1. /proc/PID/sched block_start (schedstats: always on 2.6.32 and 3.10,
 *      off by default since 4.6 unless kernel.sched_schedstats=1): the
 *      scheduler clock when the task entered uninterruptible sleep.
 *   2. /proc/PID/sched se.exec_start: the scheduler clock when it last ran,
 *      which is what the hung-task detector measures (no context switch).
 *   3. the latest "INFO: task COMM:PID blocked for more than N seconds."
 *      for that pid and comm: at least N seconds (3.10 prints the timeout,
 *      newer kernels the time since the last switch).
 * "Now" for 1 and 2 is se.exec_start of /proc/self/sched: the reading task
 * is running, so its last start is the scheduler clock of this moment. When
 * that cannot be read, the first field of /proc/uptime stands in: both count
 * from boot, but the scheduler clock starts a little later (a few seconds in
 * a VM) and stops during suspend, so the time is then a little too long. delayacct_blkio_ticks of /proc/PID/stat is the
 * task's cumulative block I/O wait, not a duration of this sleep: it is
 * reported as is, never used as the blocked time.
 */

const char *blocked_src_name(enum blocked_src s)
{
	switch (s) {
	case BLK_BLOCK_START: return "sched.block_start";
	case BLK_EXEC_START: return "sched.exec_start";
	case BLK_HUNG_REPORT: return "hung_task_report";
	default: return NULL;
	}
}

/* The state of one pass over /proc. */
struct collect {
	struct root *r;
	struct snapshot *s;
	struct psched *scheds;	/* parallel to s->tasks */
	size_t cap;
};

/* Record a task (process or thread) whose stat is st, when it is in D state. */
static void consider(struct collect *c, const char *dir, long pid, const struct pstat *st)
{
	struct task_files tf;
	struct dtask *t;

	if (st->state != 'D')
		return;
	if (c->s->ntasks == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->s->tasks = xrealloc(c->s->tasks, c->cap * sizeof(*c->s->tasks));
		c->scheds = xrealloc(c->scheds, c->cap * sizeof(*c->scheds));
	}
	t = &c->s->tasks[c->s->ntasks];
	memset(t, 0, sizeof(*t));
	t->pid = pid;
	t->tid = st->pid;
	xstrlcpy(t->comm, st->comm, sizeof(t->comm));
	t->state = st->state;
	t->ppid = st->ppid;
	t->kthread = (st->flags & PF_KTHREAD_FLAG) != 0;
	t->have_blkio = st->have_blkio;
	t->blkio_ticks = st->blkio_ticks;
	t->blocked_us = -1;
	proc_task_files(c->r, dir, &tf);
	xstrlcpy(t->wchan, tf.wchan, sizeof(t->wchan));
	t->stack = tf.stack;
	t->stack_err = tf.stack_err;
	c->scheds[c->s->ntasks] = tf.sched;
	c->s->ntasks++;
}

/* Read the stat of the task in dir and consider it; counts it as scanned. 0 or -errno. */
static int scan_task(struct collect *c, const char *dir, long pid, struct pstat *st)
{
	int e = proc_task_stat(c->r, dir, st);

	c->s->scanned++;
	if (e == -ENOENT || e == -ESRCH)
		c->s->vanished++;
	else if (e)
		c->s->unreadable++;
	else
		consider(c, dir, pid, st);
	return e;
}

/* The other threads of a multi-threaded process. */
static void scan_threads(struct collect *c, long pid)
{
	char dir[64], tdir[96];
	long *tids = NULL;
	size_t n = 0, i;

	snprintf(dir, sizeof(dir), "/proc/%ld/task", pid);
	if (proc_list_pids(c->r, dir, &tids, &n))
		return;
	for (i = 0; i < n; i++) {
		struct pstat st;

		if (tids[i] == pid)
			continue;	/* the main thread: /proc/PID/stat */
		snprintf(tdir, sizeof(tdir), "%s/%ld", dir, tids[i]);
		scan_task(c, tdir, pid, &st);
	}
	free(tids);
}

/* The latest "blocked for more than" report for a task (same pid and comm), or NULL. */
static const struct hung_report *report_for(const struct hung_log *h, const struct dtask *t)
{
	size_t i;

	for (i = h->n; i-- > 0;)
		if (h->v[i].kind == KLOG_HUNG_BLOCKED && h->v[i].pid == t->tid && !strcmp(h->v[i].comm, t->comm) &&
		    h->v[i].seconds >= 0)
			return &h->v[i];
	return NULL;
}

/* Decide each task's blocked time from its sched values, else the log. */
static void blocked_times(struct snapshot *s, const struct psched *ps)
{
	size_t i;

	for (i = 0; i < s->ntasks; i++) {
		struct dtask *t = &s->tasks[i];
		const struct hung_report *rep;
		uint64_t now = (uint64_t)s->now_us;

		/* a clock value after "now": the task ran while the snapshot was taken, so blocked ~0 */
		if (s->now_us >= 0 && ps[i].have_block_start) {
			t->blocked_us = ps[i].block_start_us <= now ? (int64_t)(now - ps[i].block_start_us) : 0;
			t->blocked_src = BLK_BLOCK_START;
		} else if (s->now_us >= 0 && ps[i].have_exec_start) {
			t->blocked_us = ps[i].exec_start_us <= now ? (int64_t)(now - ps[i].exec_start_us) : 0;
			t->blocked_src = BLK_EXEC_START;
		} else if ((rep = report_for(&s->log, t)) != NULL) {
			t->blocked_us = (int64_t)rep->seconds * 1000000;
			t->blocked_src = BLK_HUNG_REPORT;
		}
	}
}

int snapshot_take(struct root *r, struct snapshot *s)
{
	struct collect c;
	long *pids = NULL;
	size_t n = 0, i;
	int e;

	memset(s, 0, sizeof(*s));
	hung_log_init(&s->log);
	s->uptime_us = -1;
	s->now_us = -1;
	e = proc_list_pids(r, "/proc", &pids, &n);
	if (e)
		return e;
	memset(&c, 0, sizeof(c));
	c.r = r;
	c.s = s;
	proc_clocks(r, &s->uptime_us, &s->now_us);
	for (i = 0; i < n; i++) {
		char dir[64];
		struct pstat st;

		snprintf(dir, sizeof(dir), "/proc/%ld", pids[i]);
		if (!scan_task(&c, dir, pids[i], &st) && st.num_threads > 1)
			scan_threads(&c, pids[i]);
	}
	free(pids);
	snapshot_read_log(r, s);
	blocked_times(s, c.scheds);
	free(c.scheds);
	return 0;
}

void snapshot_free(struct snapshot *s)
{
	size_t i;

	for (i = 0; i < s->ntasks; i++)
		kframes_free(&s->tasks[i].stack);
	free(s->tasks);
	hung_log_free(&s->log);
	memset(s, 0, sizeof(*s));
}
