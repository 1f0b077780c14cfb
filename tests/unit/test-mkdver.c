/* test-mkdver.c - makedumpfile version from its binary, and the kernels it supports. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse/mkdver.h"
#include "unit.h"

#define MDATA "tests/unit/data/elf/"
#define BANNER "makedumpfile: version 1.6.2 (released on 27 Jul 2017)\n"

/* A temporary file, already unlinked. */
static int mkd_tmp(void)
{
	char name[] = "/tmp/kdc-mkdver-XXXXXX";
	int fd = mkstemp(name);

	if (fd >= 0)
		unlink(name);
	return fd;
}

/* Write s at offset off of fd. */
static int mkd_put(int fd, off_t off, const char *s, size_t n)
{
	return pwrite(fd, s, n, off) == (ssize_t)n ? 0 : -1;
}

/* The version in a file, independently: read it whole and look once. */
static int naive_version(const char *path, char *ver, size_t verlen)
{
	static const char needle[] = "makedumpfile: version ";
	struct stat st;
	char *buf, *m;
	int fd = open(path, O_RDONLY), ret = -1;
	size_t i = 0;

	if (fd < 0 || fstat(fd, &st) < 0)
		return -1;
	buf = malloc((size_t)st.st_size + 1);
	if (read(fd, buf, (size_t)st.st_size) == st.st_size) {
		buf[st.st_size] = '\0';
		m = memmem(buf, (size_t)st.st_size, needle, sizeof(needle) - 1);
		if (m) {
			m += sizeof(needle) - 1;
			while (i + 1 < verlen && m[i] && m[i] != ' ')
				ver[i] = m[i], i++;
			ver[i] = '\0';
			ret = 0;
		}
	}
	free(buf);
	close(fd);
	return ret;
}

TEST(version_from_object)
{
	char ver[32];
	int fd = open(MDATA "mkd-1.6.2.o", O_RDONLY);

	CHECK(fd >= 0);
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), 0);
	CHECK_STR(ver, "1.6.2");
	/* Too small for "1.6.2" and its NUL. */
	CHECK_INT(mkd_version_from_fd(fd, ver, 5), -ERANGE);
	close(fd);
}

TEST(version_from_installed_makedumpfile)
{
	char ver[32], want[32];
	int fd = open("/usr/bin/makedumpfile", O_RDONLY);

	if (fd < 0)
		fd = open("/usr/sbin/makedumpfile", O_RDONLY);
	if (fd < 0)
		return;		/* not installed here */
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), 0);
	close(fd);
	if (naive_version("/usr/bin/makedumpfile", want, sizeof(want)) < 0 &&
	    naive_version("/usr/sbin/makedumpfile", want, sizeof(want)) < 0)
		return;
	CHECK_STR(ver, want);
}

TEST(banner_across_every_chunk_boundary)
{
	static const off_t bounds[] = { 4096, 65536, 131072, 1 << 20 };
	size_t b, k;
	char ver[32];

	for (b = 0; b < sizeof(bounds) / sizeof(bounds[0]); b++)
		for (k = 0; k <= sizeof(BANNER); k++) {
			int fd = mkd_tmp();
			off_t at = bounds[b] - (off_t)k;

			CHECK(fd >= 0);
			CHECK_INT(mkd_put(fd, at, BANNER, sizeof(BANNER) - 1), 0);
			CHECK_INT(mkd_put(fd, at + 100, "tail", 4), 0);
			CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), 0);
			CHECK_STR(ver, "1.6.2");
			close(fd);
		}
}

TEST(decoys_and_end_of_file)
{
	char ver[32];
	int fd = mkd_tmp();

	CHECK(fd >= 0);
	/* A format fragment without a version, then the real banner. */
	CHECK_INT(mkd_put(fd, 0, "makedumpfile: version %s\0makedumpfile: version ", 47), 0);
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), -ENOENT);
	CHECK_INT(mkd_put(fd, 47, "1.5.4", 5), 0);	/* ends at end of file */
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), 0);
	CHECK_STR(ver, "1.5.4");
	close(fd);

	fd = mkd_tmp();
	CHECK_INT(mkd_put(fd, 0, "makedumpfile: version 1.7.2-rc1 (x)", 35), 0);
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), 0);
	CHECK_STR(ver, "1.7.2-rc1");
	/* A token with no dot, or glued to other bytes, is no version. */
	CHECK_INT(mkd_put(fd, 0, "makedumpfile: version 17 (released", 34), 0);
	CHECK_INT(ftruncate(fd, 34), 0);
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), -ENOENT);
	CHECK_INT(mkd_put(fd, 0, "makedumpfile: version 1.6.2\x01\x02", 29), 0);
	CHECK_INT(ftruncate(fd, 29), 0);
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), -ENOENT);
	close(fd);
}

TEST(empty_huge_and_bad_files)
{
	char ver[32];
	int fd = mkd_tmp();

	CHECK(fd >= 0);
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), -ENOENT);
	/* A sparse 70 MiB file: found at 63 MiB, not looked for past 64 MiB. */
	CHECK_INT(ftruncate(fd, (off_t)70 << 20), 0);
	CHECK_INT(mkd_put(fd, (off_t)65 << 20, BANNER, sizeof(BANNER) - 1), 0);
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), -ENOENT);
	CHECK_INT(mkd_put(fd, (off_t)63 << 20, BANNER, sizeof(BANNER) - 1), 0);
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), 0);
	CHECK_STR(ver, "1.6.2");
	close(fd);
	CHECK_INT(mkd_version_from_fd(-1, ver, sizeof(ver)), -EBADF);
	fd = open("/", O_RDONLY | O_DIRECTORY);
	CHECK(fd >= 0);
	CHECK_INT(mkd_version_from_fd(fd, ver, sizeof(ver)), -EISDIR);
	close(fd);
}

TEST(supports_upstream_table)
{
	char why[160];

	CHECK_INT(mkd_supports("1.6.2", "3.10.0-1160.el7.x86_64", why, sizeof(why)), 1);
	CHECK_STR(why, "makedumpfile 1.6.2 supports kernels up to 4.11");
	CHECK_INT(mkd_supports("1.7.7", "6.14.0", why, sizeof(why)), 1);
	CHECK_INT(mkd_supports("1.7.6", "6.10.3", why, sizeof(why)), 1);
	CHECK_INT(mkd_supports("1.7.6", "6.11.0", why, sizeof(why)), 0);
	CHECK_STR(why, "makedumpfile 1.7.6 supports kernels up to 6.10, not 6.11.0");
	CHECK_INT(mkd_supports("1.5.7", "4.18.0-553.el8_10.x86_64", why, sizeof(why)), 0);
	CHECK_STR(why, "makedumpfile 1.5.7 supports kernels up to 3.16, not 4.18.0");
	CHECK_INT(mkd_supports("1.6.5", "4.19.0-27-amd64", why, sizeof(why)), 1);
	/* A vendor suffix after the numbers is judged by the numbers. */
	CHECK_INT(mkd_supports("1.6.2-rhel", "4.11.0", why, sizeof(why)), 1);
	/* "1.6" is 1.6.0. */
	CHECK_INT(mkd_supports("1.6", "4.5.0", why, sizeof(why)), 1);
	CHECK_INT(mkd_supports("1.6", "4.6.0", why, sizeof(why)), 0);
}

TEST(supports_distribution_kernel_lines)
{
	char why[200];

	/* CentOS 6: 1.3.5 stops at 2.6.31 upstream; Red Hat ships it for 2.6.32. */
	CHECK_INT(mkd_supports("1.3.5", "2.6.32-754.35.1.el6.x86_64", why, sizeof(why)), 1);
	CHECK_STR(why, "makedumpfile 1.3.5 supports kernels up to 2.6.31 upstream; "
		  "RHEL 6 ships it for its 2.6.32 kernels");
	CHECK_INT(mkd_supports("1.3.5", "2.6.31.14", why, sizeof(why)), 1);
	CHECK_INT(mkd_supports("1.3.5", "2.6.32", why, sizeof(why)), 0);
	CHECK_INT(mkd_supports("1.3.5", "3.10.0-1160.el7.x86_64", why, sizeof(why)), 0);
	/* CentOS 7.0: 1.5.4 with 3.10. */
	CHECK_INT(mkd_supports("1.5.4", "3.10.0-123.el7.x86_64", why, sizeof(why)), 1);
	CHECK(strstr(why, "RHEL 7") != NULL);
	CHECK_INT(mkd_supports("1.5.4", "3.10.0", why, sizeof(why)), 0);
	/* Debian 12 pairs 1.7.2 with 6.1; Debian 11 pairs 1.6.8 with 5.10. */
	CHECK_INT(mkd_supports("1.7.2", "6.1.0-28-amd64", why, sizeof(why)), 1);
	CHECK(strstr(why, "Debian 12") != NULL);
	CHECK_INT(mkd_supports("1.7.2", "6.1.0-28-cloud-amd64", why, sizeof(why)), 1);
	CHECK_INT(mkd_supports("1.6.8", "5.10.0-30-amd64", why, sizeof(why)), 1);
	CHECK_INT(mkd_supports("1.7.2", "6.1.0", why, sizeof(why)), 0);
	CHECK_INT(mkd_supports("1.6.8", "6.1.0-28-amd64", why, sizeof(why)), 0);
	/* RHEL 8 with the tag after an underscore. */
	CHECK_INT(mkd_supports("1.6.4", "4.18.0-553.el8_10.x86_64", why, sizeof(why)), 1);
}

TEST(supports_unknown_and_invalid)
{
	char why[160], tiny[8];

	CHECK_INT(mkd_supports("1.7.9", "6.1.0", why, sizeof(why)), -ENOENT);
	CHECK(strstr(why, "1.7.9") != NULL);
	CHECK_INT(mkd_supports("1.3.4", "2.6.32", why, sizeof(why)), -ENOENT);
	CHECK_INT(mkd_supports("abc", "6.1.0", why, sizeof(why)), -EINVAL);
	CHECK_INT(mkd_supports("1", "6.1.0", why, sizeof(why)), -EINVAL);
	CHECK_INT(mkd_supports("1.6.2", "linux", why, sizeof(why)), -EINVAL);
	CHECK_INT(mkd_supports("1.99999999999999999999999.0", "6.1.0", why, sizeof(why)), -EINVAL);
	CHECK_INT(mkd_supports(NULL, NULL, why, sizeof(why)), -EINVAL);
	CHECK_INT(mkd_supports("1.6.2", "3.10.0", NULL, 0), 1);
	CHECK_INT(mkd_supports("1.6.2", "3.10.0", tiny, sizeof(tiny)), 1);
	CHECK_INT(strlen(tiny), 7);
}

UNIT_MAIN(T(version_from_object), T(version_from_installed_makedumpfile),
	  T(banner_across_every_chunk_boundary), T(decoys_and_end_of_file), T(empty_huge_and_bad_files),
	  T(supports_upstream_table), T(supports_distribution_kernel_lines),
	  T(supports_unknown_and_invalid))
