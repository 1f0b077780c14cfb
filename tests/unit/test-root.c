/* test-root.c - path resolution under a root, the read-once cache, util helpers. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "root.h"
#include "util.h"
#include "unit.h"

#define DATA "tests/unit/data/root"

static struct root *open_root(void)
{
	struct root *r = NULL;
	if (root_new(DATA, &r))
		return NULL;
	return r;
}

TEST(absolute_link_stays_inside_root)
{
	struct root *r = open_root();
	const char *d;
	size_t n;
	CHECK(r);
	CHECK_INT(root_read(r, "/etc/abs-link", &d, &n), 0);
	CHECK_STR(d, "hello\n");
	root_free(r);
}

TEST(relative_link_and_dir_link)
{
	struct root *r = open_root();
	const char *d;
	size_t n;
	CHECK(r);
	CHECK_INT(root_read(r, "/boot/rel-link", &d, &n), 0);
	CHECK_STR(d, "hello\n");
	CHECK_INT(root_read(r, "/boot/grub/dirlink/file", &d, &n), 0);
	CHECK_STR(d, "inside\n");
	root_free(r);
}

TEST(dotdot_never_leaves_root)
{
	struct root *r = open_root();
	char p[PATH_MAX];
	const char *d;
	size_t n;
	CHECK(r);
	CHECK_INT(root_path(r, "/../../../etc/real", 1, p, sizeof(p)), 0);
	CHECK(p[0] == '/');
	CHECK(strlen(p) > strlen(DATA "/etc/real"));
	CHECK_STR(p + strlen(p) - strlen(DATA "/etc/real"), DATA "/etc/real");
	CHECK_INT(root_read(r, "/etc/escape", &d, &n), 0);
	CHECK_STR(d, "hello\n");
	CHECK_INT(root_path(r, "/etc/sub/up/etc/real", 1, p, sizeof(p)), 0);
	CHECK_STR(p + strlen(p) - strlen(DATA "/etc/real"), DATA "/etc/real");
	root_free(r);
}

TEST(link_loop_is_eloop)
{
	struct root *r = open_root();
	const char *d;
	size_t n;
	CHECK(r);
	CHECK_INT(root_read(r, "/etc/loop1", &d, &n), -ELOOP);
	root_free(r);
}

TEST(missing_and_directory)
{
	struct root *r = open_root();
	const char *d;
	size_t n;
	CHECK(r);
	CHECK_INT(root_read(r, "/etc/nope", &d, &n), -ENOENT);
	CHECK_INT(root_read(r, "/etc/nope", &d, &n), -ENOENT);
	CHECK_INT(root_read(r, "/etc", &d, &n), -EISDIR);
	CHECK_INT(root_read(r, "relative", &d, &n), -EINVAL);
	root_free(r);
}

TEST(reads_each_file_once)
{
	struct root *r = open_root();
	const char *d1, *d2;
	size_t n;
	unsigned before;
	CHECK(r);
	CHECK_INT(root_read(r, "/etc/real", &d1, &n), 0);
	before = root_open_count(r);
	CHECK_INT(root_read(r, "/etc/real", &d2, &n), 0);
	CHECK(d1 == d2);
	CHECK_INT(root_open_count(r), before);
	root_free(r);
}

TEST(readlink_and_lstat_do_not_follow)
{
	struct root *r = open_root();
	char buf[64];
	struct stat st;
	CHECK(r);
	CHECK_INT(root_readlink(r, "/etc/abs-link", buf, sizeof(buf)), 0);
	CHECK_STR(buf, "/etc/real");
	CHECK_INT(root_lstat(r, "/etc/abs-link", &st), 0);
	CHECK(S_ISLNK(st.st_mode));
	CHECK_INT(root_stat(r, "/etc/abs-link", &st), 0);
	CHECK(S_ISREG(st.st_mode));
	root_free(r);
}

TEST(list_is_sorted)
{
	struct root *r = open_root();
	char **names;
	size_t n;
	CHECK(r);
	CHECK_INT(root_list(r, "/etc", &names, &n), 0);
	CHECK(n >= 5);
	CHECK_STR(names[0], "abs-link");
	CHECK(names[n] == NULL);
	root_names_free(names);
	CHECK_INT(root_list(r, "/nope", &names, &n), -ENOENT);
	root_free(r);
}

TEST(root_must_be_a_directory)
{
	struct root *r = NULL;
	CHECK_INT(root_new("/nonexistent-root-dir", &r), -ENOENT);
	CHECK_INT(root_new(DATA "/etc/real", &r), -ENOTDIR);
}

TEST(live_root_is_identity)
{
	struct root *r = NULL;
	char p[PATH_MAX];
	CHECK_INT(root_new("/", &r), 0);
	CHECK(root_is_live(r));
	CHECK_INT(root_path(r, "/proc/cmdline", 1, p, sizeof(p)), 0);
	CHECK_STR(p, "/proc/cmdline");
	root_free(r);
}

TEST(parse_size_forms)
{
	uint64_t v;
	const char *end;
	CHECK_INT(parse_size("256M", NULL, &v), 0);
	CHECK_U64(v, 256ull << 20);
	CHECK_INT(parse_size("1G", NULL, &v), 0);
	CHECK_U64(v, 1ull << 30);
	CHECK_INT(parse_size("4096", NULL, &v), 0);
	CHECK_U64(v, 4096);
	CHECK_INT(parse_size("2GiB", NULL, &v), 0);
	CHECK_U64(v, 2ull << 30);
	CHECK_INT(parse_size("64M@16M", &end, &v), 0);
	CHECK_STR(end, "@16M");
	CHECK_INT(parse_size("", NULL, &v), -EINVAL);
	CHECK_INT(parse_size("M", NULL, &v), -EINVAL);
	CHECK_INT(parse_size("12Mx", NULL, &v), -EINVAL);
	CHECK_INT(parse_size("99999999999999999999", NULL, &v), -ERANGE);
	CHECK_INT(parse_size("16385P", NULL, &v), -ERANGE);
}

TEST(parse_numbers)
{
	uint64_t u;
	int64_t i;
	CHECK_INT(parse_u64("18446744073709551615", 10, &u), 0);
	CHECK_INT(parse_u64("18446744073709551616", 10, &u), -ERANGE);
	CHECK_INT(parse_u64("0x1f", 0, &u), 0);
	CHECK_U64(u, 31);
	CHECK_INT(parse_u64("", 10, &u), -EINVAL);
	CHECK_INT(parse_u64("1 ", 10, &u), -EINVAL);
	CHECK_INT(parse_i64("-9223372036854775808", &i), 0);
	CHECK(i == INT64_MIN);
	CHECK_INT(parse_i64("9223372036854775808", &i), -ERANGE);
	CHECK_INT(parse_i64("-", &i), -EINVAL);
}

TEST(fmt_and_quote)
{
	char buf[64];
	fmt_size(256ull << 20, buf, sizeof(buf));
	CHECK_STR(buf, "256M");
	fmt_size(1536ull << 20, buf, sizeof(buf));
	CHECK_STR(buf, "1.5G");
	fmt_size(100, buf, sizeof(buf));
	CHECK_STR(buf, "100");
	quote_bytes("a\0b\n", 4, buf, sizeof(buf));
	CHECK_STR(buf, "a\\x00b\\x0a");
	quote_bytes("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 44, buf, 16);
	CHECK(strlen(buf) < 16);
	CHECK(strstr(buf, "...") != NULL);
}

TEST(line_iterator_without_final_newline)
{
	struct line_iter it;
	const char *l;
	size_t n;
	line_iter_init(&it, "a\nbb", 4);
	CHECK_INT(line_iter_next(&it, &l, &n), 1);
	CHECK_INT(n, 1);
	CHECK_INT(line_iter_next(&it, &l, &n), 1);
	CHECK_INT(n, 2);
	CHECK_INT(it.lineno, 2);
	CHECK_INT(line_iter_next(&it, &l, &n), 0);
}

/* mkdir, unlink and rmdir act inside the root and never through a link. */
TEST(mkdir_unlink_rmdir_stay_inside)
{
	char dir[] = "/tmp/kdc-root-XXXXXX", p[PATH_MAX], out[PATH_MAX];
	struct root *r = NULL;
	struct stat st;
	int fd;

	CHECK(mkdtemp(dir) != NULL);
	CHECK_INT(root_new(dir, &r), 0);
	CHECK_INT(root_mkdir(r, "/crash", 0700), 0);
	CHECK_INT(root_mkdir(r, "/crash", 0700), -EEXIST);
	CHECK_INT(root_mkdir(r, "/no/such/parent", 0700), -ENOENT);
	CHECK_INT(root_stat(r, "/crash", &st), 0);
	CHECK_INT(st.st_mode & 07777, 0700);
	CHECK_INT(root_write_atomic(r, "/crash/vmcore", "x", 1, 0600), 0);
	CHECK_INT(root_rmdir(r, "/crash"), -ENOTEMPTY);
	/* an outside file reached through an absolute link: the link goes, the file stays */
	CHECK_INT(xsnprintf(out, sizeof(out), "%s.outside", dir), 0);
	fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	close(fd);
	CHECK_INT(xsnprintf(p, sizeof(p), "%s/crash/link", dir), 0);
	CHECK_INT(symlink(out, p), 0);
	CHECK_INT(root_unlink(r, "/crash/link"), 0);
	CHECK_INT(access(out, F_OK), 0);
	/* a link to a directory is not removed by rmdir, nor its target */
	CHECK_INT(xsnprintf(p, sizeof(p), "%s/dirlink", dir), 0);
	CHECK_INT(symlink("/crash", p), 0);
	CHECK_INT(root_rmdir(r, "/dirlink"), -ENOTDIR);
	CHECK_INT(root_unlink(r, "/dirlink"), 0);
	CHECK_INT(root_unlink(r, "/crash/vmcore"), 0);
	CHECK_INT(root_unlink(r, "/crash/vmcore"), -ENOENT);
	CHECK_INT(root_rmdir(r, "/crash"), 0);
	CHECK_INT(root_stat(r, "/crash", &st), -ENOENT);
	CHECK_INT(unlink(out), 0);
	CHECK_INT(rmdir(dir), 0);
	root_free(r);
}

/* A FIFO, a device, a link with O_NOFOLLOW: refused at once, never blocking, nothing read. */
TEST(only_regular_files_are_opened)
{
	char dir[] = "/tmp/kdc-root-XXXXXX", p[PATH_MAX];
	struct root *r = NULL, *live = NULL;
	const char *d;
	size_t n;
	int fd;

	CHECK(mkdtemp(dir) != NULL);
	CHECK_INT(root_new(dir, &r), 0);
	CHECK_INT(root_new("/", &live), 0);
	CHECK_INT(xsnprintf(p, sizeof(p), "%s/fifo", dir), 0);
	CHECK_INT(mkfifo(p, 0600), 0);
	CHECK_INT(root_read(r, "/fifo", &d, &n), root_notreg(S_IFIFO));
	CHECK_STR(root_strerror(root_notreg(S_IFIFO)), "not a regular file (a FIFO)");
	CHECK(ROOT_IS_NOTREG(root_notreg(S_IFIFO)));
	CHECK(!ROOT_IS_NOTREG(-ENOENT));
	CHECK_INT(root_open(r, "/fifo", O_RDONLY), root_notreg(S_IFIFO));
	/* opened for writing with no reader: refused too, not blocked */
	CHECK_INT(root_open(r, "/fifo", O_WRONLY), root_notreg(S_IFIFO));
	CHECK_INT(root_open_chr(live, "/tmp", O_RDONLY), -EISDIR);
	CHECK_INT(root_open_chr(r, "/fifo", O_RDONLY), -ROOT_ENOTLIVE);
	/* fsync of a FIFO (collect syncs what it wrote) returns at once */
	CHECK_INT(root_fsync(r, "/fifo"), 0);
	CHECK_INT(root_open(live, "/dev/null", O_RDONLY), root_notreg(S_IFCHR));
	CHECK_STR(root_strerror(root_notreg(S_IFCHR)), "not a regular file (a character device)");
	fd = root_open_chr(live, "/dev/null", O_RDONLY);
	CHECK(fd >= 0);
	close(fd);
	CHECK_INT(root_open(r, "/", O_RDONLY), -EISDIR);
	CHECK_STR(root_strerror(-ENOENT), strerror(ENOENT));
	/* O_NOFOLLOW: a link in the last component is not followed */
	CHECK_INT(root_write_atomic(r, "/file", "x", 1, 0600), 0);
	CHECK_INT(xsnprintf(p, sizeof(p), "%s/link", dir), 0);
	CHECK_INT(symlink("/file", p), 0);
	fd = root_open(r, "/link", O_RDONLY);
	CHECK(fd >= 0);
	close(fd);
	CHECK_INT(root_open(r, "/link", O_RDONLY | O_NOFOLLOW), -ELOOP);
	CHECK_INT(root_unlink(r, "/link"), 0);
	CHECK_INT(root_unlink(r, "/file"), 0);
	CHECK_INT(root_unlink(r, "/fifo"), 0);
	CHECK_INT(rmdir(dir), 0);
	root_free(live);
	root_free(r);
}

/* Only a regular file on procfs or sysfs is a file of the kernel; only under "/". */
TEST(kernel_files_are_on_procfs)
{
	char tmp[] = "/tmp/kdc-kernel-XXXXXX";
	struct root *r = NULL, *live = NULL;
	int fd = mkstemp(tmp);

	CHECK(fd >= 0);
	CHECK_INT(root_kernel_fd(fd), -ROOT_ENOTKERNEL);
	CHECK_STR(root_strerror(-ROOT_ENOTKERNEL), "not a file of the running kernel (not on procfs or sysfs)");
	close(fd);
	fd = open("/proc/self/stat", O_RDONLY | O_CLOEXEC);
	CHECK(fd >= 0);
	CHECK_INT(root_kernel_fd(fd), 0);
	close(fd);
	fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	CHECK(fd >= 0);
	CHECK_INT(root_kernel_fd(fd), root_notreg(S_IFCHR));
	close(fd);
	CHECK_INT(root_new("/tmp", &r), 0);
	CHECK_INT(root_open_kernel(r, "/proc/sysrq-trigger", O_WRONLY), -ROOT_ENOTLIVE);
	CHECK_INT(root_new("/", &live), 0);
	CHECK_INT(root_open_kernel(live, tmp, O_WRONLY), -ROOT_ENOTKERNEL);
	/* read-only, so nothing could ever be written */
	fd = root_open_kernel(live, "/proc/self/stat", O_RDONLY);
	CHECK(fd >= 0);
	close(fd);
	CHECK_INT(unlink(tmp), 0);
	root_free(live);
	root_free(r);
}

UNIT_MAIN(T(absolute_link_stays_inside_root), T(relative_link_and_dir_link), T(dotdot_never_leaves_root),
	  T(link_loop_is_eloop), T(missing_and_directory), T(reads_each_file_once),
	  T(readlink_and_lstat_do_not_follow), T(list_is_sorted), T(root_must_be_a_directory),
	  T(live_root_is_identity), T(parse_size_forms), T(parse_numbers), T(fmt_and_quote),
	  T(line_iterator_without_final_newline), T(mkdir_unlink_rmdir_stay_inside),
	  T(only_regular_files_are_opened), T(kernel_files_are_on_procfs))
