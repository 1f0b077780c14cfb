/* proc-tasks.c - a task's /proc files, read through the root, small and uncached. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "read/proc-tasks.h"
#include "root.h"
#include "util.h"

#define STAT_BUF	4096
#define STACK_BUF	16384
#define SCHED_BUF	8192
#define WCHAN_BUF	256

/* Read up to cap-1 bytes of a file under the root, uncached; NUL-terminated. 0 or -errno. */
static int read_small(struct root *r, const char *path, char *buf, size_t cap, size_t *len)
{
	size_t n = 0;
	int fd = root_open(r, path, O_RDONLY), e = 0;

	if (fd < 0)
		return fd;
	while (n + 1 < cap) {
		ssize_t got = read(fd, buf + n, cap - 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			e = -errno;
			break;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return e;
}

/* Parse a directory entry as a pid; 0 when it is not one. */
static long name_pid(const char *name)
{
	uint64_t v;

	if (name[0] < '0' || name[0] > '9' || parse_u64(name, 10, &v) || v == 0 || v > INT32_MAX)
		return 0;
	return (long)v;
}

/* qsort order of longs. */
static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? -1 : x > y;
}

int proc_list_pids(struct root *r, const char *dir, long **out, size_t *n)
{
	DIR *d = root_opendir(r, dir);
	struct dirent *de;
	long *v = NULL;
	size_t cnt = 0, cap = 0;

	if (!d)
		return -errno;
	while ((de = readdir(d)) != NULL) {
		long pid = name_pid(de->d_name);
		if (!pid)
			continue;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[cnt++] = pid;
	}
	closedir(d);
	if (cnt)
		qsort(v, cnt, sizeof(*v), cmp_long);
	*out = v;
	*n = cnt;
	return 0;
}

int proc_task_stat(struct root *r, const char *dir, struct pstat *st)
{
	char path[96], buf[STAT_BUF];
	size_t len;
	int e;

	snprintf(path, sizeof(path), "%s/stat", dir);
	e = read_small(r, path, buf, sizeof(buf), &len);
	if (e)
		return e;
	if (len == 0)
		return -ENOENT;	/* the task exited while its file was open */
	return pstat_parse(buf, len, st) ? -EINVAL : 0;
}

/* DIR/wchan into out: the symbol, or "" when unknown, "0" (running) or odd. */
static void read_wchan(struct root *r, const char *dir, char *out, size_t outlen)
{
	char path[96], buf[WCHAN_BUF];
	const char *w = buf;
	size_t len;

	out[0] = '\0';
	snprintf(path, sizeof(path), "%s/wchan", dir);
	if (read_small(r, path, buf, sizeof(buf), &len))
		return;
	span_trim(&w, &len);
	if (len && len < outlen && !span_has_ctl(w, len) && !(len == 1 && w[0] == '0')) {
		memcpy(out, w, len);
		out[len] = '\0';
	}
}

void proc_task_files(struct root *r, const char *dir, struct task_files *tf)
{
	char path[96], *buf = xmalloc(STACK_BUF);
	size_t len;
	int e;

	memset(tf, 0, sizeof(*tf));
	read_wchan(r, dir, tf->wchan, sizeof(tf->wchan));
	snprintf(path, sizeof(path), "%s/stack", dir);
	e = read_small(r, path, buf, STACK_BUF, &len);
	if (!e)
		e = kstack_parse(buf, len, &tf->stack);
	tf->stack_err = e == -ESRCH ? -ENOENT : e;
	snprintf(path, sizeof(path), "%s/sched", dir);
	if (read_small(r, path, buf, SCHED_BUF, &len) || psched_parse(buf, len, &tf->sched))
		memset(&tf->sched, 0, sizeof(tf->sched));
	free(buf);
}

void proc_clocks(struct root *r, int64_t *uptime_us, int64_t *now_us)
{
	char buf[SCHED_BUF];
	struct psched self;
	size_t len;
	uint64_t up;

	*uptime_us = -1;
	if (!read_small(r, "/proc/uptime", buf, sizeof(buf), &len) && !uptime_parse(buf, len, &up) &&
	    up <= INT64_MAX)
		*uptime_us = (int64_t)up;
	if (!read_small(r, "/proc/self/sched", buf, sizeof(buf), &len) && !psched_parse(buf, len, &self) &&
	    self.have_exec_start && self.exec_start_us <= INT64_MAX)
		*now_us = (int64_t)self.exec_start_us;
	else
		*now_us = *uptime_us;
}
