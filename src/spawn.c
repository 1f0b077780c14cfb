/* spawn.c - run a program from an argv vector (see spawn.h). */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "spawn.h"
#include "util.h"

/* A pipe whose both ends are close-on-exec (pipe2 is glibc 2.9, fine for EL6). */
static int cloexec_pipe(int fds[2])
{
	if (pipe2(fds, O_CLOEXEC) < 0)
		return -errno;
	return 0;
}


/* In the child: wire up fds and exec; on failure send errno up the pipe. */
static void child(const char *const argv[], int out_fd, int err_w, int report_w)
{
	int devnull = open("/dev/null", O_RDWR);
	int e;

	if (devnull < 0)
		goto fail;
	if (dup2(devnull, STDIN_FILENO) < 0)
		goto fail;
	if (dup2(out_fd >= 0 ? out_fd : devnull, STDOUT_FILENO) < 0)
		goto fail;
	if (dup2(err_w, STDERR_FILENO) < 0)
		goto fail;
	signal(SIGPIPE, SIG_DFL);
	execv(argv[0], (char *const *)argv);
fail:
	e = errno;
	(void)write_full(report_w, &e, sizeof(e));
	_exit(127);
}

long long now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (long long)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

/*
 * Read stderr of the child up to max bytes, draining the rest, until it is
 * closed or, with a deadline (>= 0, in now_ms() time), until the deadline:
 * then the child is killed and r->timed_out set.
 */
static void read_err(int fd, size_t max, pid_t pid, long long deadline, struct spawn_result *r)
{
	struct sbuf b;
	char buf[4096];

	sbuf_init(&b);
	for (;;) {
		struct pollfd pfd = { fd, POLLIN, 0 };
		int wait_ms = -1, pr;
		ssize_t n;

		if (deadline >= 0) {
			long long left = deadline - now_ms();
			if (left <= 0) {
				kill(pid, SIGKILL);
				r->timed_out = 1;
				break;
			}
			wait_ms = left > 60000 ? 60000 : (int)left;
		}
		pr = poll(&pfd, 1, wait_ms);
		if (pr < 0 && errno == EINTR)
			continue;
		if (pr < 0)
			break;
		if (pr == 0)
			continue;
		n = read(fd, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		if (b.len < max)
			sbuf_add(&b, buf, (size_t)n < max - b.len ? (size_t)n : max - b.len);
	}
	r->err = b.s ? b.s : xstrdup("");
	r->errlen = b.len;
}

/* Reap the child, EINTR-safe; past the deadline (>= 0) it is killed first. 0 or -errno. */
static int wait_child(pid_t pid, long long deadline, struct spawn_result *r, int *st)
{
	for (;;) {
		pid_t w = waitpid(pid, st, deadline < 0 ? 0 : WNOHANG);

		if (w == pid)
			return 0;
		if (w < 0 && errno != EINTR)
			return -errno;
		if (w == 0 && now_ms() >= deadline) {
			kill(pid, SIGKILL);
			r->timed_out = 1;
			deadline = -1;
		} else if (w == 0) {
			poll(NULL, 0, 10);
		}
	}
}

int spawn_run(const char *const argv[], int out_fd, size_t err_max, struct spawn_result *r)
{
	return spawn_run_bounded(argv, out_fd, err_max, -1, r);
}

int spawn_run_bounded(const char *const argv[], int out_fd, size_t err_max, int timeout_ms, struct spawn_result *r)
{
	long long deadline = timeout_ms < 0 ? -1 : now_ms() + timeout_ms;
	int errp[2], rep[2], e, st, child_errno = 0;
	pid_t pid;
	ssize_t n;

	memset(r, 0, sizeof(*r));
	if (!argv || !argv[0] || argv[0][0] != '/')
		return -EINVAL;
	e = cloexec_pipe(errp);
	if (e)
		return e;
	e = cloexec_pipe(rep);
	if (e) {
		close(errp[0]);
		close(errp[1]);
		return e;
	}
	pid = fork();
	if (pid < 0) {
		e = -errno;
		close(errp[0]);
		close(errp[1]);
		close(rep[0]);
		close(rep[1]);
		return e;
	}
	if (pid == 0)
		child(argv, out_fd, errp[1], rep[1]);
	close(errp[1]);
	close(rep[1]);
	read_err(errp[0], err_max, pid, deadline, r);
	close(errp[0]);
	do
		n = r->timed_out ? 0 : read(rep[0], &child_errno, sizeof(child_errno));
	while (n < 0 && errno == EINTR);
	close(rep[0]);
	e = wait_child(pid, deadline, r, &st);
	if (e) {
		spawn_result_free(r);
		return e;
	}
	if (n == (ssize_t)sizeof(child_errno)) {
		spawn_result_free(r);
		return -child_errno;
	}
	if (WIFEXITED(st))
		r->status = WEXITSTATUS(st);
	else if (WIFSIGNALED(st))
		r->status = 128 + WTERMSIG(st);
	else
		r->status = 255;
	return 0;
}

int spawn_run_errfd(const char *const argv[], int out_fd, int err_fd, struct spawn_result *r)
{
	int rep[2], e, st, child_errno = 0;
	pid_t pid;
	ssize_t n;

	memset(r, 0, sizeof(*r));
	if (!argv || !argv[0] || argv[0][0] != '/' || err_fd < 0)
		return -EINVAL;
	e = cloexec_pipe(rep);
	if (e)
		return e;
	pid = fork();
	if (pid < 0) {
		e = -errno;
		close(rep[0]);
		close(rep[1]);
		return e;
	}
	if (pid == 0)
		child(argv, out_fd, err_fd, rep[1]);
	close(rep[1]);
	do
		n = read(rep[0], &child_errno, sizeof(child_errno));
	while (n < 0 && errno == EINTR);
	close(rep[0]);
	r->err = xstrdup("");
	e = wait_child(pid, -1, r, &st);
	if (e || n == (ssize_t)sizeof(child_errno)) {
		spawn_result_free(r);
		return e ? e : -child_errno;
	}
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : 255;
	return 0;
}

void spawn_result_free(struct spawn_result *r)
{
	free(r->err);
	r->err = NULL;
	r->errlen = 0;
}

const char *makedumpfile_path(void)
{
	static const char *const paths[] = { "/usr/sbin/makedumpfile", "/sbin/makedumpfile", "/usr/bin/makedumpfile" };
	const char *env = getenv("KDUMPCHECK_MAKEDUMPFILE");
	size_t i;

	if (env && env[0] == '/')
		return access(env, X_OK) == 0 ? env : NULL;
	for (i = 0; i < ARRAY_SIZE(paths); i++)
		if (access(paths[i], X_OK) == 0)
			return paths[i];
	return NULL;
}
