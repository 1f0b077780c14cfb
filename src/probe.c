/* probe.c - bounded questions, each in a child process. */
#include <errno.h>
#include <netdb.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "probe.h"
#include "spawn.h"
#include "util.h"

typedef void (*probe_fn)(const void *arg, int timeout_ms, struct probe *p);

/* Write all of p to fd (the child's end). */
static void send_result(int fd, const struct probe *p)
{
	const char *b = (const char *)p;
	size_t n = 0;

	while (n < sizeof(*p)) {
		ssize_t w = write(fd, b + n, sizeof(*p) - n);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		n += (size_t)w;
	}
}

/* Reap pid without waiting more than about a second (a child stuck in the kernel is left). */
static void reap(pid_t pid)
{
	int i, st;

	for (i = 0; i < 100; i++) {
		pid_t r = waitpid(pid, &st, WNOHANG);
		if (r == pid || (r < 0 && errno != EINTR))
			return;
		usleep(10000);
	}
}

/* A pipe and a child: the child's pid (0 in the child), or -errno with nothing left open. */
static pid_t fork_piped(int fds[2])
{
	pid_t pid;

	if (pipe(fds) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		int e = -errno;
		close(fds[0]);
		close(fds[1]);
		return e;
	}
	return pid;
}

/* Run fn in a child and wait for its answer at most timeout_ms. */
static int probe_run(probe_fn fn, const void *arg, int timeout_ms, struct probe *p)
{
	int fds[2];
	size_t got = 0;
	long long end = now_ms() + timeout_ms;
	pid_t pid;

	memset(p, 0, sizeof(*p));
	pid = fork_piped(fds);
	if (pid < 0)
		return (int)pid;
	if (pid == 0) {
		struct probe r;

		close(fds[0]);
		memset(&r, 0, sizeof(r));
		fn(arg, timeout_ms, &r);
		send_result(fds[1], &r);
		_exit(0);
	}
	close(fds[1]);
	while (got < sizeof(*p)) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		long long left = end - now_ms();
		ssize_t n;

		if (left <= 0 || poll(&pfd, 1, (int)left) == 0)
			break;
		n = read(fds[0], (char *)p + got, sizeof(*p) - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fds[0]);
	if (got < sizeof(*p)) {
		memset(p, 0, sizeof(*p));
		p->timed_out = 1;
		kill(pid, SIGKILL);
	}
	reap(pid);
	p->why[sizeof(p->why) - 1] = '\0';
	return 0;
}

static void do_statvfs(const void *arg, int timeout_ms, struct probe *p)
{
	struct statvfs v;

	(void)timeout_ms;
	if (statvfs((const char *)arg, &v) < 0) {
		p->err = errno;
		return;
	}
	p->avail = vfs_avail(&v);
}

int probe_statvfs(const char *path, int timeout_ms, struct probe *p)
{
	return probe_run(do_statvfs, path, timeout_ms, p);
}

struct endpoint {
	const char *host, *port;
};

/* Connect to one address within timeout_ms: 0 or an errno. */
static int connect_one(const struct addrinfo *ai, int timeout_ms)
{
	struct pollfd pfd;
	socklen_t len = sizeof(int);
	/* SOCK_NONBLOCK, not fcntl(): fcntl is fcntl64 on newer glibc */
	int fd = socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol), e = 0;

	if (fd < 0)
		return errno;
	if (connect(fd, ai->ai_addr, ai->ai_addrlen) < 0 && errno != EINPROGRESS) {
		e = errno;
	} else {
		pfd.fd = fd;
		pfd.events = POLLOUT;
		pfd.revents = 0;
		if (poll(&pfd, 1, timeout_ms) <= 0)
			e = ETIMEDOUT;
		else if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &e, &len) < 0)
			e = errno;
	}
	close(fd);
	return e;
}

static void do_connect(const void *arg, int timeout_ms, struct probe *p)
{
	const struct endpoint *ep = arg;
	struct addrinfo hints, *res = NULL, *ai;
	int e;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	e = getaddrinfo(ep->host, ep->port, &hints, &res);
	if (e) {
		p->err = e == EAI_SYSTEM ? errno : ENOENT;
		snprintf(p->why, sizeof(p->why), "cannot resolve %s: %s", ep->host, gai_strerror(e));
		return;
	}
	p->err = EHOSTUNREACH;
	for (ai = res; ai; ai = ai->ai_next) {
		p->err = connect_one(ai, timeout_ms);
		if (!p->err)
			break;
	}
	freeaddrinfo(res);
}

int probe_connect(const char *host, const char *port, int timeout_ms, struct probe *p)
{
	struct endpoint ep = { host, port };

	return probe_run(do_connect, &ep, timeout_ms, p);
}

int probe_output(probe_write_fn fn, void *arg, int timeout_ms, char *buf, size_t buflen, size_t *len)
{
	int fds[2], timed_out = 0;
	long long end = now_ms() + timeout_ms;
	size_t got = 0;
	pid_t pid;

	*len = 0;
	if (buflen == 0)
		return -EINVAL;
	pid = fork_piped(fds);
	if (pid < 0)
		return (int)pid;
	if (pid == 0) {
		FILE *f;

		close(fds[0]);
		f = fdopen(fds[1], "w");
		if (f) {
			fn(arg, f);
			fclose(f);
		}
		_exit(0);
	}
	close(fds[1]);
	for (;;) {
		struct pollfd pfd = { fds[0], POLLIN, 0 };
		long long left = end - now_ms();
		ssize_t n;

		if (left <= 0 || poll(&pfd, 1, (int)left) == 0) {
			timed_out = 1;
			break;
		}
		n = read(fds[0], buf + got, buflen - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
		if (got == buflen - 1)
			break;
	}
	close(fds[0]);
	buf[got] = '\0';
	kill(pid, SIGKILL);
	reap(pid);
	*len = got;
	return timed_out ? -ETIMEDOUT : 0;
}
