/* limits.c - limits.pid_max, .threads_max, .core_pattern. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "checks/common.h"
#include "parse/procfs.h"
#include "root.h"
#include "util.h"

/* Read a one-number file under /proc/sys. 0, -ENOENT, or -EINVAL with res filled. */
static int read_number(struct ctx *c, const char *path, uint64_t *v, struct result *res)
{
	const char *data;
	char buf[64], q[200];
	size_t len;
	int e = ctx_input(c, res, path, NULL, &data, &len);

	if (e)
		return e;
	if (text_value(data, len, buf, sizeof(buf)) || parse_u64(buf, 10, v)) {
		quote(data, len, q, sizeof(q));
		res_set(res, ST_FAIL, "%s does not parse: \"%s\"", path, q);
		return -EINVAL;
	}
	return 0;
}

/* Tasks in use: the number after '/' in /proc/loadavg. */
static int tasks_in_use(struct ctx *c, uint64_t *tasks, struct result *res)
{
	const char *data;
	char q[200];
	size_t len;
	uint64_t running;
	int e = ctx_input(c, res, "/proc/loadavg", "no /proc/loadavg: tasks in use unknown", &data,
			  &len);

	if (e)
		return e;
	if (loadavg_parse(data, len, &running, tasks)) {
		quote(data, len, q, sizeof(q));
		res_set(res, ST_FAIL, "/proc/loadavg does not parse: \"%s\"", q);
		return -EINVAL;
	}
	return 0;
}

/* Judge tasks against a limit: under 50% pass, from 50% warn, from 90% fail. */
static void judge_usage(struct result *res, const char *key, uint64_t tasks, uint64_t limit, const char *remedy)
{
	unsigned pct = limit ? (unsigned)(tasks * 100 / limit) : 100;

	res_observed(res, "%llu tasks of %llu (%u%%)", (unsigned long long)tasks, (unsigned long long)limit, pct);
	res_expected(res, "< 50%% in use");
	if (tasks * 10 >= limit * 9) {
		res_set(res, ST_FAIL, "%llu tasks in use, %u%% of %s %llu: the host is about to run out",
			(unsigned long long)tasks, pct, key, (unsigned long long)limit);
		res_remedy(res, "%s", remedy);
	} else if (tasks * 2 >= limit) {
		res_set(res, ST_WARN, "%llu tasks in use, %u%% of %s %llu", (unsigned long long)tasks, pct, key,
			(unsigned long long)limit);
		res_remedy(res, "%s", remedy);
	} else {
		res_set(res, ST_PASS, "%llu tasks in use, %u%% of %s %llu", (unsigned long long)tasks, pct, key,
			(unsigned long long)limit);
	}
}

/* limits.pid_max: room for pids. */
static void check_pid_max(struct ctx *c, struct result *res)
{
	uint64_t pid_max, tasks, min = c->policy->pid_max_min;
	char fix[256];

	if (read_number(c, "/proc/sys/kernel/pid_max", &pid_max, res) || tasks_in_use(c, &tasks, res))
		return;
	/* 4194304 is the largest pid_max of 64-bit kernels (PID_MAX_LIMIT) */
	snprintf(fix, sizeof(fix), "sysctl -w kernel.pid_max=4194304 && echo 'kernel.pid_max = 4194304' >> %s",
		 c->host.family == HOST_EL6 ? "/etc/sysctl.conf" : "/etc/sysctl.d/90-kdumpcheck.conf");
	if (pid_max < min && tasks * 10 < pid_max * 9) {
		res_observed(res, "%llu", (unsigned long long)pid_max);
		res_expected(res, ">= %llu", (unsigned long long)min);
		res_set(res, ST_PROBLEM, "kernel.pid_max is %llu, below the policy's %llu", (unsigned long long)pid_max,
			(unsigned long long)min);
		res_remedy(res, "%s", fix);
		return;
	}
	judge_usage(res, "kernel.pid_max", tasks, pid_max, fix);
}

/* limits.threads_max: room for threads. */
static void check_threads_max(struct ctx *c, struct result *res)
{
	uint64_t tmax, tasks;
	char fix[256];

	if (read_number(c, "/proc/sys/kernel/threads-max", &tmax, res) || tasks_in_use(c, &tasks, res))
		return;
	snprintf(fix, sizeof(fix), "sysctl -w kernel.threads-max=%llu", (unsigned long long)(tmax * 2));
	judge_usage(res, "kernel.threads-max", tasks, tmax, fix);
}

/* limits.core_pattern: user core dumps have somewhere to go. */
static void check_core_pattern(struct ctx *c, struct result *res)
{
	const char *data;
	char pat[1024], q[2100], path[1024];
	size_t len;
	struct stat st;
	int e = ctx_input(c, res, "/proc/sys/kernel/core_pattern", NULL, &data, &len);

	if (e)
		return;
	quote(data, len, q, sizeof(q));
	if (text_value(data, len, pat, sizeof(pat))) {
		res_set(res, ST_FAIL, "/proc/sys/kernel/core_pattern does not parse: \"%s\"", q);
		return;
	}
	res_observed(res, "%s", q);
	/* the kernel keeps at most CORENAME_MAX_SIZE (128) bytes */
	if (len > 128 && strlen(pat) >= 128) {
		res_set(res, ST_FAIL, "/proc/sys/kernel/core_pattern is longer than the kernel allows: \"%s\"", q);
		return;
	}
	if (!pat[0]) {
		res_set(res, ST_PROBLEM, "kernel.core_pattern is empty: user core dumps are not written");
		res_remedy(res, "sysctl -w kernel.core_pattern=core");
		return;
	}
	if (pat[0] == '|') {
		char *p = pat + 1;
		while (*p == ' ')
			p++;
		xstrlcpy(path, p, sizeof(path));
		path[strcspn(path, " \t")] = '\0';
		if (path[0] != '/' || root_stat(c->root, path, &st) || !S_ISREG(st.st_mode) || !(st.st_mode & 0111)) {
			res_set(res, ST_PROBLEM, "kernel.core_pattern pipes to %s, which is not an executable file", path);
			sh_quote(path, q, sizeof(q));
			res_remedy(res, "sysctl -w kernel.core_pattern=core, or reinstall the package that owns %s", q);
			return;
		}
		res_set(res, ST_PASS, "core dumps are piped to %s", path);
		return;
	}
	if (!strchr(pat, '/')) {
		res_set(res, ST_PASS, "core dumps go to the crashing process's working directory as %s", pat);
		return;
	}
	xstrlcpy(path, pat, sizeof(path));
	path[strcspn(path, "%")] = '\0';
	if (strrchr(path, '/'))
		*strrchr(path, '/') = '\0';
	else
		path[0] = '\0';
	if (!path[0] && pat[0] == '/')
		xstrlcpy(path, "/", sizeof(path));
	if (path[0] == '/' && (root_stat(c->root, path, &st) || !S_ISDIR(st.st_mode))) {
		res_set(res, ST_PROBLEM, "kernel.core_pattern writes under %s, which does not exist", path);
		res_remedy_cmd(res, "mkdir", "-p", path, NULL);
		return;
	}
	res_set(res, ST_PASS, "core dumps go to %s", pat);
}

const struct check_def checks_limits[] = {
	{ "limits.pid_max", "limits", ST_WARN, check_pid_max },
	{ "limits.threads_max", "limits", ST_WARN, check_threads_max },
	{ "limits.core_pattern", "limits", ST_WARN, check_core_pattern },
	{ NULL, NULL, ST_PASS, NULL },
};
