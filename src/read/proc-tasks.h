/*
 * proc-tasks.h - the files /proc keeps for each task, read through the root
 * (src/root.h) and parsed by src/parse/proctask.c: the pid listing, a task's
 * stat, and for a task worth a closer look its wchan, stack and sched; the
 * clocks to measure against.
 */
#ifndef KDC_READ_PROC_TASKS_H
#define KDC_READ_PROC_TASKS_H

#include <stddef.h>
#include <stdint.h>

#include "parse/proctask.h"

struct root;

/* The numeric entries of a directory ("/proc", "/proc/PID/task"), sorted; 0 or -errno. */
int proc_list_pids(struct root *r, const char *dir, long **out, size_t *n);

/*
 * DIR/stat of a task directory ("/proc/PID" or "/proc/PID/task/TID") into st.
 * 0, -ENOENT when the task exited (also while the file was open), -EINVAL
 * when it does not parse, or another -errno.
 */
int proc_task_stat(struct root *r, const char *dir, struct pstat *st);

/* What a task's directory says about where it sleeps. */
struct task_files {
	char wchan[128];	/* DIR/wchan, "" unknown (or "0") */
	struct kframes stack;	/* DIR/stack */
	int stack_err;		/* 0, or -errno: -EACCES (needs root), -ENOENT (gone), -EINVAL (malformed) */
	struct psched sched;	/* DIR/sched; all zero when unreadable */
};

/* Read wchan, stack and sched of a task directory; tf->stack is the caller's to free. */
void proc_task_files(struct root *r, const char *dir, struct task_files *tf);

/*
 * The clocks: *uptime_us from /proc/uptime (-1 unknown), *now_us the
 * scheduler clock now, our own se.exec_start in /proc/self/sched (the
 * reading task runs, so its last start is this moment), else the uptime.
 */
void proc_clocks(struct root *r, int64_t *uptime_us, int64_t *now_us);

#endif
