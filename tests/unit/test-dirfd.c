/*
 * test-dirfd.c - work inside a dump directory through descriptors: a directory
 * swapped for a link between opening and deleting, a link planted where a
 * file is written, a FIFO read; nothing outside is ever touched.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "dirfd.h"
#include "retention.h"
#include "unit.h"

static char base[512];

/* A fresh scratch tree: base/crash (the dump directory) and base/outside. */
static void scratch(void)
{
	char cmd[PATH_MAX + 32];
	const char *tmp = getenv("TMPDIR");

	snprintf(base, sizeof(base), "%s/kdc-dirfd-%ld", tmp ? tmp : "/tmp", (long)getpid());
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", base);
	if (system(cmd))
		return;
	mkdir(base, 0700);
}

static void path(char *out, const char *rel)
{
	snprintf(out, PATH_MAX, "%s/%s", base, rel);
}

static void put(const char *rel, const char *text)
{
	char p[PATH_MAX];
	FILE *f;

	path(p, rel);
	f = fopen(p, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static int exists(const char *rel)
{
	char p[PATH_MAX];
	struct stat st;

	path(p, rel);
	return lstat(p, &st) == 0;
}

static void mkd(const char *rel)
{
	char p[PATH_MAX];

	path(p, rel);
	mkdir(p, 0700);
}

static void cleanup(void)
{
	char cmd[PATH_MAX + 32];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", base);
	if (system(cmd))
		return;
}

/* The dump directory becomes a link to the outside after it was opened: deletes stay in the real one. */
TEST(directory_swapped_after_open)
{
	char p[PATH_MAX], q[PATH_MAX];
	int dfd, sub;

	scratch();
	mkd("crash");
	mkd("crash/h-2024");
	mkd("outside");
	put("crash/h-2024/vmcore", "x");
	put("outside/vmcore", "precious");
	path(p, "crash");
	dfd = dfd_open(p);
	CHECK(dfd >= 0);
	sub = dfd_sub(dfd, "h-2024");
	CHECK(sub >= 0);
	/* swap: the dump's directory moves away, a link to the outside takes its name */
	path(p, "crash/h-2024");
	path(q, "crash/moved");
	CHECK_INT(rename(p, q), 0);
	path(q, "outside");
	CHECK_INT(symlink(q, p), 0);
	CHECK_INT(dfd_unlink(sub, "vmcore"), 0);
	CHECK(exists("outside/vmcore"));
	CHECK(!exists("crash/moved/vmcore"));
	/* opened afresh, the link is refused */
	CHECK(dfd_sub(dfd, "h-2024") == -ELOOP || dfd_sub(dfd, "h-2024") == -ENOTDIR);
	CHECK(unlinkat(dfd, "h-2024", AT_REMOVEDIR) != 0);
	CHECK(exists("outside/vmcore"));
	close(sub);
	close(dfd);
	cleanup();
}

/* retention_delete() on a dump whose directory became a link since the plan: nothing outside goes. */
TEST(retention_delete_refuses_a_swapped_directory)
{
	static struct ret_entry e;
	char other[1024], q[PATH_MAX], ep[PATH_MAX];

	scratch();
	mkd("crash");
	mkd("outside");
	put("outside/vmcore", "precious");
	put("outside/vmcore-dmesg.txt", "precious");
	path(ep, "crash/h-2024-05-31-16:08:41");
	e.path = ep;
	path(q, "outside");
	CHECK_INT(symlink(q, ep), 0);
	CHECK(retention_delete(NULL, &e, other, sizeof(other)) < 0);
	CHECK(exists("outside/vmcore"));
	CHECK(exists("outside/vmcore-dmesg.txt"));
	CHECK(exists("crash/h-2024-05-31-16:08:41"));
	CHECK(strstr(other, "no longer a directory") != NULL);
	/* a bare dump swapped for a link: the link is not followed, the target stays */
	memset(&e, 0, sizeof(e));
	e.bare = 1;
	path(ep, "crash/vmcore");
	e.path = ep;
	path(q, "outside/vmcore");
	CHECK_INT(symlink(q, ep), 0);
	CHECK(retention_delete(NULL, &e, other, sizeof(other)) < 0);
	CHECK(exists("outside/vmcore"));
	cleanup();
}

/* A link planted where a new file is written: refused; replaced: the link goes, its target stays. */
TEST(writes_never_follow_links)
{
	char p[PATH_MAX], q[PATH_MAX], *data = NULL;
	size_t len;
	int dfd;

	scratch();
	mkd("crash");
	mkd("outside");
	put("outside/victim", "precious");
	path(p, "crash/vmcore.json");
	path(q, "outside/victim");
	CHECK_INT(symlink(q, p), 0);
	path(p, "crash");
	dfd = dfd_open(p);
	CHECK(dfd >= 0);
	CHECK_INT(dfd_write_new(dfd, "vmcore.json", "{}", 2, 0600), -EEXIST);
	CHECK_INT(dfd_write_replace(dfd, "vmcore.json", "{}\n", 3, 0600), 0);
	CHECK_INT(dfd_read(dfd, "vmcore.json", 100, &data, &len), 0);
	CHECK_STR(data, "{}\n");
	free(data);
	path(p, "outside/victim");
	CHECK_INT(dfd_read(dfd, "../outside/victim", 100, &data, &len), -EINVAL);
	close(dfd);
	dfd = dfd_open(p);
	CHECK(dfd < 0);
	path(p, "crash/vmcore.json");
	dfd = open(q, O_RDONLY);
	CHECK(dfd >= 0);
	if (dfd >= 0) {
		char buf[16] = "";
		CHECK_INT(read(dfd, buf, sizeof(buf) - 1), 8);
		CHECK_STR(buf, "precious");
		close(dfd);
	}
	cleanup();
}

/* collect's files: created only where nothing is, settled (fsync, rename) never through a link. */
TEST(create_and_settle)
{
	char p[PATH_MAX], q[PATH_MAX];
	struct stat st;
	int dfd, fd;

	scratch();
	mkd("dump");
	mkd("outside");
	put("outside/victim", "precious");
	path(p, "dump");
	dfd = dfd_open(p);
	CHECK(dfd >= 0);
	fd = dfd_create(dfd, "vmcore-incomplete", O_WRONLY, 0600);
	CHECK(fd >= 0);
	CHECK_INT(write(fd, "dump", 4), 4);
	close(fd);
	CHECK_INT(dfd_create(dfd, "vmcore-incomplete", O_WRONLY, 0600), -EEXIST);
	CHECK_INT(dfd_create(dfd, "../outside/x", O_WRONLY, 0600), -EINVAL);
	CHECK_INT(dfd_settle(dfd, "vmcore-incomplete", "vmcore"), 0);
	CHECK_INT(fstatat(dfd, "vmcore", &st, AT_SYMLINK_NOFOLLOW), 0);
	CHECK_INT(st.st_size, 4);
	CHECK_INT(st.st_mode & 0777, 0600);
	/* a link planted as the file to settle is not fsynced through, nor renamed */
	path(q, "outside/victim");
	CHECK_INT(symlinkat(q, dfd, "vmcore-dmesg-incomplete.txt"), 0);
	CHECK_INT(dfd_settle(dfd, "vmcore-dmesg-incomplete.txt", "vmcore-dmesg.txt"), -ELOOP);
	CHECK_INT(fstatat(dfd, "vmcore-dmesg.txt", &st, AT_SYMLINK_NOFOLLOW), -1);
	close(dfd);
	cleanup();
}

/* A FIFO and a link are not read, and reading does not block. */
TEST(reads_refuse_fifos_and_links)
{
	char p[PATH_MAX], *data = NULL;
	size_t len;
	int dfd;

	scratch();
	mkd("crash");
	path(p, "crash/vmcore.json");
	CHECK_INT(mkfifo(p, 0600), 0);
	path(p, "crash/link.json");
	CHECK_INT(symlink("vmcore.json", p), 0);
	put("crash/big", "0123456789");
	path(p, "crash");
	dfd = dfd_open(p);
	CHECK(dfd >= 0);
	CHECK_INT(dfd_read(dfd, "vmcore.json", 100, &data, &len), -EINVAL);
	CHECK_INT(dfd_read(dfd, "link.json", 100, &data, &len), -ELOOP);
	CHECK_INT(dfd_read(dfd, "big", 4, &data, &len), -EFBIG);
	CHECK(data == NULL);
	close(dfd);
	/* the dump directory itself given as a link */
	path(p, "crash2");
	CHECK_INT(symlink("crash", p), 0);
	CHECK(dfd_open(p) < 0);
	cleanup();
}

UNIT_MAIN(T(directory_swapped_after_open), T(retention_delete_refuses_a_swapped_directory),
	  T(writes_never_follow_links), T(create_and_settle), T(reads_refuse_fifos_and_links))
