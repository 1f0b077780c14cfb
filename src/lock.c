/* lock.c - the lock of a dump directory (see lock.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "compat.h"
#include "dirfd.h"
#include "lock.h"
#include "root.h"
#include "spawn.h"
#include "util.h"

/* The lock this process holds: its directory, descriptor and how many takes it answers. */
static struct {
	char dir[PATH_MAX];
	int fd;
	unsigned depth;
} held = { "", -1, 0 };

/* The command line of pid, its NULs as spaces, into out. */
static void cmdline_of(struct root *r, long pid, char *out, size_t outlen)
{
	char p[64];
	const char *data;
	size_t len, i, n = 0;

	out[0] = '\0';
	snprintf(p, sizeof(p), "/proc/%ld/cmdline", pid);
	if (root_read(r, p, &data, &len))
		return;
	for (i = 0; i < len && n + 1 < outlen; i++)
		out[n++] = data[i] ? data[i] : ' ';
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
}

/* Who holds the flock on the directory st, as /proc/locks of this machine says. */
static void find_holder(const struct stat *st, char *holder, size_t holderlen)
{
	struct root *r = NULL;
	const char *data, *line;
	size_t len;
	char cmd[96];
	long pid;
	unsigned maj, mnr;
	unsigned long long ino;

	xstrlcpy(holder, "another process (not found in /proc/locks)", holderlen);
	if (root_new("/", &r) || root_read(r, "/proc/locks", &data, &len)) {
		root_free(r);
		return;
	}
	for (line = data; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
		/* "1: FLOCK  ADVISORY  WRITE 4242 fd:01:131075 0 EOF"; waiters have "->" and are not holders */
		if (sscanf(line, "%*d: FLOCK %*s %*s %ld %x:%x:%llu", &pid, &maj, &mnr, &ino) != 4 ||
		    maj != major(st->st_dev) || mnr != minor(st->st_dev) || ino != (unsigned long long)st->st_ino)
			continue;
		cmdline_of(r, pid, cmd, sizeof(cmd));
		snprintf(holder, holderlen, "pid %ld (%s)", pid, cmd[0] ? cmd : "gone");
		break;
	}
	root_free(r);
}

int dirlock_take(const char *dir, long wait_ms, char *holder, size_t holderlen)
{
	long long deadline = now_ms() + wait_ms;
	struct timespec wait_step = { 0, 50 * 1000 * 1000 };
	struct stat st;
	int fd;

	if (held.depth && !strcmp(held.dir, dir)) {
		held.depth++;
		return 0;
	}
	if (held.depth || strlen(dir) >= sizeof(held.dir))
		return -EDEADLK;	/* one dump directory at a time */
	fd = dfd_open(dir);
	if (fd < 0)
		return fd;
	while (flock(fd, LOCK_EX | LOCK_NB)) {
		if (errno != EWOULDBLOCK && errno != EINTR) {
			int e = -errno;
			close(fd);
			return e;
		}
		if (now_ms() >= deadline) {
			if (fstat(fd, &st) == 0)
				find_holder(&st, holder, holderlen);
			close(fd);
			return -EWOULDBLOCK;
		}
		nanosleep(&wait_step, NULL);
	}
	xstrlcpy(held.dir, dir, sizeof(held.dir));
	held.fd = fd;
	held.depth = 1;
	return 0;
}

void dirlock_release(void)
{
	if (!held.depth || --held.depth)
		return;
	close(held.fd);	/* closing releases the flock */
	held.fd = -1;
	held.dir[0] = '\0';
}
