/*
 * test-lock.c - the lock of a dump directory: taken and counted by one
 * process, refused to a second after the bound with the holder's pid, taken
 * once the holder is gone.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <unistd.h>

#include "lock.h"
#include "unit.h"

static char dir[256];

static void scratch(void)
{
	const char *tmp = getenv("TMPDIR");

	snprintf(dir, sizeof(dir), "%s/kdc-lock-%ld", tmp ? tmp : "/tmp", (long)getpid());
	mkdir(dir, 0700);
}

/* A child that holds the lock until killed; its pid, once it holds it. */
static pid_t holder_child(void)
{
	int p[2];
	char c;
	pid_t pid;

	if (pipe(p))
		return -1;
	pid = fork();
	if (pid == 0) {
		int fd = open(dir, O_RDONLY | O_DIRECTORY);
		if (fd < 0 || flock(fd, LOCK_EX))
			_exit(1);
		if (write(p[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(p[1]);
	if (pid < 0 || read(p[0], &c, 1) != 1)
		pid = -1;
	close(p[0]);
	return pid;
}

TEST(taken_counted_released)
{
	char who[128] = "";

	scratch();
	CHECK_INT(dirlock_take(dir, 100, who, sizeof(who)), 0);
	CHECK_INT(dirlock_take(dir, 100, who, sizeof(who)), 0);
	/* another directory while one is held: refused, never a deadlock */
	CHECK_INT(dirlock_take("/", 100, who, sizeof(who)), -EDEADLK);
	dirlock_release();
	dirlock_release();
	CHECK_INT(dirlock_take(dir, 100, who, sizeof(who)), 0);
	dirlock_release();
	rmdir(dir);
}

TEST(second_waits_then_names_the_holder)
{
	char who[128] = "", want[64];
	pid_t pid;
	int st;

	scratch();
	pid = holder_child();
	CHECK(pid > 0);
	if (pid <= 0)
		return;
	CHECK_INT(dirlock_take(dir, 200, who, sizeof(who)), -EWOULDBLOCK);
	snprintf(want, sizeof(want), "pid %ld (", (long)pid);
	CHECK(strncmp(who, want, strlen(want)) == 0);
	kill(pid, SIGKILL);
	waitpid(pid, &st, 0);
	/* the holder is gone: its lock with it */
	CHECK_INT(dirlock_take(dir, 200, who, sizeof(who)), 0);
	dirlock_release();
	rmdir(dir);
}

TEST(a_link_is_not_locked)
{
	char link[300], who[128];

	scratch();
	snprintf(link, sizeof(link), "%s.link", dir);
	CHECK_INT(symlink(dir, link), 0);
	CHECK(dirlock_take(link, 100, who, sizeof(who)) < 0);
	unlink(link);
	rmdir(dir);
}

UNIT_MAIN(T(taken_counted_released), T(second_waits_then_names_the_holder), T(a_link_is_not_locked))
