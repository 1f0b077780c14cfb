/* test-spawn.c - running programs from an argv vector, sha256 of files, atomic writes. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/stat.h>
#include <unistd.h>

#include "hash.h"
#include "root.h"
#include "spawn.h"
#include "util.h"
#include "probe.h"
#include "unit.h"

/* A fresh scratch directory for one test. */
static void scratch(char *dir, size_t len)
{
	const char *t = getenv("TMPDIR");
	snprintf(dir, len, "%s/kdc-unit.XXXXXX", t && *t ? t : "/tmp");
	if (!mkdtemp(dir))
		dir[0] = '\0';
}

TEST(exit_status_and_stderr)
{
	const char *argv[] = { "/bin/sh", "-c", "echo oops >&2; exit 3", NULL };
	struct spawn_result r;
	CHECK_INT(spawn_run(argv, -1, 1024, &r), 0);
	CHECK_INT(r.status, 3);
	CHECK_STR(r.err, "oops\n");
	spawn_result_free(&r);
}

TEST(stdout_goes_to_the_given_fd)
{
	const char *argv[] = { "/bin/echo", "hello", NULL };
	struct spawn_result r;
	char dir[PATH_MAX], path[PATH_MAX + 8], buf[16] = "";
	int fd;
	scratch(dir, sizeof(dir));
	CHECK(dir[0]);
	snprintf(path, sizeof(path), "%s/out", dir);
	fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK_INT(spawn_run(argv, fd, 1024, &r), 0);
	CHECK_INT(r.status, 0);
	CHECK_INT(pread(fd, buf, sizeof(buf) - 1, 0), 6);
	CHECK_STR(buf, "hello\n");
	close(fd);
	spawn_result_free(&r);
	unlink(path);
	rmdir(dir);
}

TEST(exec_failure_is_reported_not_an_exit_status)
{
	const char *argv[] = { "/nonexistent/program", NULL };
	const char *rel[] = { "sh", NULL };
	struct spawn_result r;
	CHECK_INT(spawn_run(argv, -1, 1024, &r), -ENOENT);
	CHECK_INT(spawn_run(rel, -1, 1024, &r), -EINVAL);
}

TEST(signal_maps_to_128_plus)
{
	const char *argv[] = { "/bin/sh", "-c", "kill -9 $$", NULL };
	struct spawn_result r;
	CHECK_INT(spawn_run(argv, -1, 1024, &r), 0);
	CHECK_INT(r.status, 128 + 9);
	spawn_result_free(&r);
}

TEST(stderr_is_bounded)
{
	const char *argv[] = { "/bin/sh", "-c", "i=0; while [ $i -lt 2000 ]; do echo xxxxxxxxxx >&2; i=$((i+1)); done", NULL };
	struct spawn_result r;
	CHECK_INT(spawn_run(argv, -1, 100, &r), 0);
	CHECK_INT(r.status, 0);
	CHECK_INT(r.errlen, 100);
	spawn_result_free(&r);
}

TEST(a_bounded_child_is_killed_at_its_deadline)
{
	/* the sleeper holds stderr open and never exits by itself in time */
	const char *argv[] = { "/bin/sh", "-c", "echo started >&2; exec sleep 30", NULL };
	const char *quick[] = { "/bin/sh", "-c", "echo done >&2; exit 3", NULL };
	struct spawn_result r;
	time_t t0 = time(NULL);

	CHECK_INT(spawn_run_bounded(argv, -1, 1024, 300, &r), 0);
	CHECK(r.timed_out);
	CHECK_INT(r.status, 128 + 9);
	CHECK_STR(r.err, "started\n");
	CHECK(time(NULL) - t0 < 10);
	spawn_result_free(&r);
	CHECK_INT(spawn_run_bounded(quick, -1, 1024, 5000, &r), 0);
	CHECK(!r.timed_out);
	CHECK_INT(r.status, 3);
	CHECK_STR(r.err, "done\n");
	spawn_result_free(&r);
}

TEST(sha256_known_values)
{
	char dir[PATH_MAX], path[PATH_MAX + 8], hex[65];
	uint64_t n = 1;
	int fd;
	scratch(dir, sizeof(dir));
	CHECK(dir[0]);
	snprintf(path, sizeof(path), "%s/f", dir);
	fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0600);
	CHECK(fd >= 0);
	CHECK_INT(sha256_fd(fd, hex, &n, NULL, NULL), 0);
	CHECK_U64(n, 0);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK_INT(write(fd, "abc", 3), 3);
	CHECK_INT(sha256_fd(fd, hex, &n, NULL, NULL), 0);
	CHECK_U64(n, 3);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	close(fd);
	unlink(path);
	rmdir(dir);
}

TEST(atomic_write_replaces_whole_file)
{
	char dir[PATH_MAX], path[PATH_MAX + 16];
	struct root *r;
	struct stat st;
	char **names;
	size_t n;
	const char *d;
	size_t len;
	scratch(dir, sizeof(dir));
	CHECK(dir[0]);
	CHECK_INT(root_new(dir, &r), 0);
	CHECK_INT(root_write_atomic(r, "/side.json", "{}\n", 3, 0600), 0);
	CHECK_INT(root_write_atomic(r, "/side.json", "{\"a\":1}\n", 8, 0600), 0);
	CHECK_INT(root_read(r, "/side.json", &d, &len), 0);
	CHECK_STR(d, "{\"a\":1}\n");
	CHECK_INT(root_stat(r, "/side.json", &st), 0);
	CHECK_INT(st.st_mode & 0777, 0600);
	/* nothing else left behind */
	CHECK_INT(root_list(r, "/", &names, &n), 0);
	CHECK_INT(n, 1);
	root_names_free(names);
	/* a missing directory: an error, and nothing created */
	CHECK_INT(root_write_atomic(r, "/nodir/side.json", "x", 1, 0600), -ENOENT);
	root_free(r);
	snprintf(path, sizeof(path), "%s/side.json", dir);
	unlink(path);
	rmdir(dir);
}

static void write_two_lines(void *arg, FILE *f)
{
	fprintf(f, "%s 1\nsecond line\n", (const char *)arg);
}

static void write_then_hang(void *arg, FILE *f)
{
	(void)arg;
	fputs("said before\n", f);
	fflush(f);
	fputs("never said\n", f);
	for (;;)
		pause();
}

static void write_much(void *arg, FILE *f)
{
	int i;

	(void)arg;
	for (i = 0; i < 1000; i++)
		fputs("0123456789", f);
}

TEST(probe_output_gives_what_the_child_wrote)
{
	char buf[64], first[] = "first";
	size_t len = 99;

	CHECK_INT(probe_output(write_two_lines, first, 2000, buf, sizeof(buf), &len), 0);
	CHECK_STR(buf, "first 1\nsecond line\n");
	CHECK_INT((int)len, (int)strlen(buf));
	/* more than the buffer: cut, NUL-terminated */
	CHECK_INT(probe_output(write_much, NULL, 2000, buf, sizeof(buf), &len), 0);
	CHECK_INT((int)len, 63);
	CHECK_INT((int)strlen(buf), 63);
}

TEST(probe_output_kills_a_child_that_hangs_and_keeps_what_it_wrote)
{
	char buf[64];
	size_t len = 0;
	long long t0 = now_ms();

	CHECK_INT(probe_output(write_then_hang, NULL, 300, buf, sizeof(buf), &len), -ETIMEDOUT);
	CHECK(now_ms() - t0 < 2000);
	CHECK_STR(buf, "said before\n");
	CHECK_INT((int)len, 12);
}

UNIT_MAIN(T(exit_status_and_stderr), T(stdout_goes_to_the_given_fd), T(exec_failure_is_reported_not_an_exit_status),
	  T(signal_maps_to_128_plus), T(stderr_is_bounded), T(a_bounded_child_is_killed_at_its_deadline),
	  T(sha256_known_values), T(atomic_write_replaces_whole_file), T(probe_output_gives_what_the_child_wrote),
	  T(probe_output_kills_a_child_that_hangs_and_keeps_what_it_wrote))
