/* test-elfnote.c - build-ids from raw kernel notes and from ELF files. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse/elfnote.h"
#include "unit.h"

#define EDATA "tests/unit/data/elf/"

/* Read a fixture into buf; returns its length or -1. */
static long elf_slurp(const char *path, unsigned char *buf, size_t cap)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, cap);
	close(fd);
	return n;
}

/* The build-id of a fixture ELF file, through an fd. */
static int elf_file_id(const char *path, char *hex, size_t hexlen)
{
	int fd = open(path, O_RDONLY), ret;

	if (fd < 0)
		return -errno;
	ret = buildid_from_elf_fd(fd, hex, hexlen);
	close(fd);
	return ret;
}

/* Write a buffer to a new temporary file; returns an fd positioned at 0. */
static int elf_tmpfile(const unsigned char *p, size_t n)
{
	char name[] = "/tmp/kdc-elfnote-XXXXXX";
	int fd = mkstemp(name);

	if (fd < 0)
		return -1;
	unlink(name);
	if (write(fd, p, n) != (ssize_t)n) {
		close(fd);
		return -1;
	}
	return fd;
}

TEST(real_x86_64_kernel_notes)
{
	unsigned char buf[512];
	char hex[2 * BUILDID_MAX + 1];
	long n = elf_slurp(EDATA "notes-x86_64.bin", buf, sizeof(buf));

	CHECK_INT(n, 164);
	CHECK_INT(buildid_from_notes(buf, (size_t)n, hex, sizeof(hex)), 0);
	CHECK_STR(hex, "e4f18d9dc1d0e6fc2b17e93e885a647b3c0a6fc1");
}

TEST(big_endian_kernel_notes)
{
	unsigned char buf[512];
	char hex[2 * BUILDID_MAX + 1];
	long n = elf_slurp(EDATA "notes-be.bin", buf, sizeof(buf));

	CHECK_INT(n, 60);
	CHECK_INT(buildid_from_notes(buf, (size_t)n, hex, sizeof(hex)), 0);
	CHECK_STR(hex, "5e1f0c2a9b3d7e418c6a2f10d4b7e9a30172c6f5");
}

TEST(notes_without_build_id)
{
	unsigned char buf[512];
	char hex[2 * BUILDID_MAX + 1];
	long n = elf_slurp(EDATA "notes-x86_64.bin", buf, sizeof(buf));

	CHECK_INT(n, 164);
	/* Skip the 36-byte build-id note: the Linux and Xen notes remain. */
	CHECK_INT(buildid_from_notes(buf + 36, (size_t)n - 36, hex, sizeof(hex)), -ENOENT);
	CHECK_INT(buildid_from_notes(buf, 0, hex, sizeof(hex)), -ENOENT);
	CHECK_INT(buildid_from_notes(NULL, 10, hex, sizeof(hex)), -ENOENT);
}

TEST(every_truncation_of_real_notes)
{
	unsigned char buf[512], *copy;
	char hex[2 * BUILDID_MAX + 1];
	long n = elf_slurp(EDATA "notes-x86_64.bin", buf, sizeof(buf));
	long len;

	CHECK_INT(n, 164);
	for (len = 0; len <= n; len++) {
		int ret;

		/* An exact-size heap copy, so ASan sees any read past the end. */
		copy = malloc(len ? (size_t)len : 1);
		memcpy(copy, buf, (size_t)len);
		ret = buildid_from_notes(copy, (size_t)len, hex, sizeof(hex));
		free(copy);
		if (len == 0)
			CHECK_INT(ret, -ENOENT);
		else if (len < 36)
			CHECK_INT(ret, -EINVAL);
		else if (len == 36 || len == n) {
			CHECK_INT(ret, 0);
			CHECK_STR(hex, "e4f18d9dc1d0e6fc2b17e93e885a647b3c0a6fc1");
		} else
			CHECK(ret == 0 || ret == -EINVAL);
	}
}

TEST(hostile_lengths)
{
	char hex[2 * BUILDID_MAX + 1];
	/* namesz 0xffffffff */
	static const unsigned char huge_name[] = {
		0xff, 0xff, 0xff, 0xff, 0x14, 0, 0, 0, 3, 0, 0, 0, 'G', 'N', 'U', 0 };
	/* descsz 0xffffffff */
	static const unsigned char huge_desc[] = {
		4, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 3, 0, 0, 0, 'G', 'N', 'U', 0, 1, 2, 3, 4 };
	/* namesz 0xfffffffd: padding to 4 would wrap a 32-bit sum */
	static const unsigned char wrap_name[] = {
		0xfd, 0xff, 0xff, 0xff, 0, 0, 0, 0, 3, 0, 0, 0, 'G', 'N', 'U', 0 };
	/* descsz 0 and 65: not a build-id we accept */
	static const unsigned char empty_desc[] = {
		4, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 'G', 'N', 'U', 0 };
	unsigned char long_desc[12 + 4 + 68];

	CHECK_INT(buildid_from_notes(huge_name, sizeof(huge_name), hex, sizeof(hex)), -EINVAL);
	CHECK_INT(buildid_from_notes(huge_desc, sizeof(huge_desc), hex, sizeof(hex)), -EINVAL);
	CHECK_INT(buildid_from_notes(wrap_name, sizeof(wrap_name), hex, sizeof(hex)), -EINVAL);
	CHECK_INT(buildid_from_notes(empty_desc, sizeof(empty_desc), hex, sizeof(hex)), -EINVAL);
	memset(long_desc, 0xab, sizeof(long_desc));
	memcpy(long_desc, "\x04\0\0\0\x41\0\0\0\x03\0\0\0GNU\0", 16);
	CHECK_INT(buildid_from_notes(long_desc, sizeof(long_desc), hex, sizeof(hex)), -EINVAL);
}

TEST(trailing_bytes_and_short_ids)
{
	unsigned char buf[64];
	char hex[2 * BUILDID_MAX + 1], small[9];
	static const unsigned char note[] = {
		4, 0, 0, 0, 4, 0, 0, 0, 3, 0, 0, 0, 'G', 'N', 'U', 0, 0xde, 0xad, 0xbe, 0xef };

	memset(buf, 0, sizeof(buf));
	memcpy(buf, note, sizeof(note));
	/* Zero padding after the last note is fine; other trailing bytes are not. */
	CHECK_INT(buildid_from_notes(buf, sizeof(note) + 8, hex, sizeof(hex)), 0);
	CHECK_STR(hex, "deadbeef");
	buf[sizeof(note) + 5] = 0x41;
	CHECK_INT(buildid_from_notes(buf, sizeof(note) + 8, hex, sizeof(hex)), -EINVAL);
	/* The hex buffer must hold the id and its NUL. */
	CHECK_INT(buildid_from_notes(note, sizeof(note), small, 8), -ERANGE);
	CHECK_INT(buildid_from_notes(note, sizeof(note), small, sizeof(small)), 0);
	CHECK_STR(small, "deadbeef");
	/* A "GNU" note of another type, and a build-id type under another name. */
	memcpy(buf, note, sizeof(note));
	buf[8] = 1;
	CHECK_INT(buildid_from_notes(buf, sizeof(note), hex, sizeof(hex)), -ENOENT);
	buf[8] = 3;
	buf[12] = 'X';
	CHECK_INT(buildid_from_notes(buf, sizeof(note), hex, sizeof(hex)), -ENOENT);
}

TEST(random_notes_never_crash)
{
	unsigned char base[512], *b;
	char hex[2 * BUILDID_MAX + 1];
	long n = elf_slurp(EDATA "notes-x86_64.bin", base, sizeof(base));
	unsigned seed = 12345;
	int i, j, ok = 0;

	CHECK_INT(n, 164);
	for (i = 0; i < 20000; i++) {
		size_t len = (size_t)(rand_r(&seed) % (n + 1));
		int ret;

		b = malloc(len ? len : 1);
		memcpy(b, base, len);
		for (j = 0; j < 3 && len; j++)
			b[rand_r(&seed) % len] = (unsigned char)rand_r(&seed);
		ret = buildid_from_notes(b, len, hex, sizeof(hex));
		free(b);
		CHECK(ret == 0 || ret == -ENOENT || ret == -EINVAL);
		if (ret == 0)
			ok++;
	}
	CHECK(ok > 0);
}

TEST(elf_file_with_build_id)
{
	char hex[2 * BUILDID_MAX + 1];

	CHECK_INT(elf_file_id(EDATA "buildid.elf", hex, sizeof(hex)), 0);
	CHECK_STR(hex, "3a8f5b2c71d09e4f6a1b8c7d2e3f40516273849a");
	CHECK_INT(elf_file_id(EDATA "buildid-short.elf", hex, sizeof(hex)), 0);
	CHECK_STR(hex, "deadbeef");
}

TEST(elf_big_endian_and_segments_only)
{
	char hex[2 * BUILDID_MAX + 1];

	CHECK_INT(elf_file_id(EDATA "buildid-be.elf", hex, sizeof(hex)), 0);
	CHECK_STR(hex, "5e1f0c2a9b3d7e418c6a2f10d4b7e9a30172c6f5");
	CHECK_INT(elf_file_id(EDATA "buildid-nosections.elf", hex, sizeof(hex)), 0);
	CHECK_STR(hex, "3a8f5b2c71d09e4f6a1b8c7d2e3f40516273849a");
}

TEST(elf_without_build_id_or_not_elf)
{
	char hex[2 * BUILDID_MAX + 1];
	int fd;

	CHECK_INT(elf_file_id(EDATA "nobuildid.elf", hex, sizeof(hex)), -ENOENT);
	CHECK_INT(elf_file_id(EDATA "garbage.bin", hex, sizeof(hex)), -EINVAL);
	CHECK_INT(elf_file_id(EDATA "truncated-header.elf", hex, sizeof(hex)), -EINVAL);
	fd = elf_tmpfile((const unsigned char *)"", 0);
	CHECK(fd >= 0);
	CHECK_INT(buildid_from_elf_fd(fd, hex, sizeof(hex)), -EINVAL);
	close(fd);
	CHECK_INT(buildid_from_elf_fd(-1, hex, sizeof(hex)), -EBADF);
}

TEST(elf_truncated_in_notes)
{
	char hex[2 * BUILDID_MAX + 1];
	int ret = elf_file_id(EDATA "truncated-notes.elf", hex, sizeof(hex));

	/* The section headers are cut off; the PT_NOTE segment still lies inside. */
	CHECK_INT(ret, 0);
	CHECK_STR(hex, "3a8f5b2c71d09e4f6a1b8c7d2e3f40516273849a");
}

TEST(elf_every_prefix_and_mutation)
{
	static unsigned char base[16384];
	unsigned char *b;
	char hex[2 * BUILDID_MAX + 1];
	long n = elf_slurp(EDATA "buildid.elf", base, sizeof(base));
	unsigned seed = 777;
	long len;
	int i, j;

	CHECK(n > 1000);
	for (len = 0; len < n; len += 37) {
		int fd = elf_tmpfile(base, (size_t)len), ret;

		CHECK(fd >= 0);
		ret = buildid_from_elf_fd(fd, hex, sizeof(hex));
		close(fd);
		CHECK(ret == 0 || ret == -ENOENT || ret == -EINVAL);
	}
	b = malloc((size_t)n);
	for (i = 0; i < 300; i++) {
		int fd, ret;

		memcpy(b, base, (size_t)n);
		for (j = 0; j < 8; j++)
			b[rand_r(&seed) % (unsigned)n] = (unsigned char)rand_r(&seed);
		fd = elf_tmpfile(b, (size_t)n);
		CHECK(fd >= 0);
		ret = buildid_from_elf_fd(fd, hex, sizeof(hex));
		close(fd);
		CHECK(ret == 0 || ret == -ENOENT || ret == -EINVAL || ret == -ERANGE);
	}
	free(b);
}

TEST(live_kernel_notes_parse_when_readable)
{
	unsigned char buf[4096];
	char hex[2 * BUILDID_MAX + 1];
	long n = elf_slurp("/sys/kernel/notes", buf, sizeof(buf));
	int ret;

	if (n <= 0)
		return;		/* not on this machine: nothing to compare */
	ret = buildid_from_notes(buf, (size_t)n, hex, sizeof(hex));
	CHECK(ret == 0 || ret == -ENOENT);
	if (ret == 0)
		CHECK(strlen(hex) >= 8 && strlen(hex) % 2 == 0);
}

UNIT_MAIN(T(real_x86_64_kernel_notes), T(big_endian_kernel_notes), T(notes_without_build_id),
	  T(every_truncation_of_real_notes), T(hostile_lengths), T(trailing_bytes_and_short_ids),
	  T(random_notes_never_crash), T(elf_file_with_build_id), T(elf_big_endian_and_segments_only),
	  T(elf_without_build_id_or_not_elf), T(elf_truncated_in_notes),
	  T(elf_every_prefix_and_mutation), T(live_kernel_notes_parse_when_readable))
