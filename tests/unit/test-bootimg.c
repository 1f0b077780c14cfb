/* test-bootimg.c - kernel init_size and initramfs unpacked sizes from their headers. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "parse/bootimg.h"
#include "unit.h"

#define IDATA "tests/unit/data/initrd/"
/* The main archive's cpio, unpacked (tests/unit/data/initrd/make.sh prints it). */
#define MAIN_CPIO 649728u

/* initrd_size() of a fixture; the error, or 0 with *out filled. */
static int size_of(const char *name, struct initrd_size *out)
{
	char path[256];
	struct stat st;
	int fd, e;

	snprintf(path, sizeof(path), IDATA "%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0 || fstat(fd, &st) < 0)
		return -errno;
	e = initrd_size(fd, (uint64_t)st.st_size, out);
	close(fd);
	return e;
}

/* A temporary file holding n bytes of buf, already unlinked. */
static int tmp_with(const void *buf, size_t n)
{
	char name[] = "/tmp/kdc-bootimg-XXXXXX";
	int fd = mkstemp(name);

	if (fd < 0)
		return -1;
	unlink(name);
	if (write(fd, buf, n) != (ssize_t)n) {
		close(fd);
		return -1;
	}
	return fd;
}

TEST(gzip_after_early_cpio)
{
	struct initrd_size s;

	CHECK_INT(size_of("early-gzip.img", &s), 0);
	CHECK_INT(s.segments, 2);
	CHECK_INT(s.how, INITRD_EXACT);
	CHECK_STR(s.comp, "gzip");
	/* the early archive (up to its trailer, under 1 KiB) plus the main one exactly */
	CHECK(s.unpacked > MAIN_CPIO && s.unpacked < MAIN_CPIO + 1024);
	CHECK_U64(s.file, 139198);
}

TEST(xz_streams_from_their_index)
{
	struct initrd_size s, early;

	CHECK_INT(size_of("xz.img", &s), 0);
	CHECK_INT(s.how, INITRD_EXACT);
	CHECK_U64(s.unpacked, MAIN_CPIO);
	CHECK_INT(size_of("xz-two-streams.img", &s), 0);
	CHECK_U64(s.unpacked, 2 * MAIN_CPIO);
	CHECK_INT(size_of("early-xz.img", &s), 0);
	CHECK_INT(size_of("early.cpio", &early), 0);
	CHECK_STR(early.comp, "cpio");
	CHECK_U64(s.unpacked, MAIN_CPIO + early.unpacked);
}

TEST(zstd_content_size_or_counted)
{
	struct initrd_size s, early;

	CHECK_INT(size_of("zstd-sized.img", &s), 0);
	CHECK_INT(s.how, INITRD_EXACT);
	CHECK_U64(s.unpacked, MAIN_CPIO);
	/* written from a pipe: no content size; libzstd unpacks it to count */
	CHECK_INT(size_of("early-zstd.img", &s), 0);
	CHECK_INT(size_of("early.cpio", &early), 0);
	CHECK_INT(s.how, INITRD_EXACT);
	CHECK_U64(s.unpacked, MAIN_CPIO + early.unpacked);
}

TEST(not_an_initramfs)
{
	static const char junk[] = "#!/bin/sh\necho not an initramfs\n";
	static const char cpio_cut[] = "070701000000010000";
	unsigned char gz[20] = { 0x1f, 0x8b, 8 };
	struct initrd_size s;
	int fd = tmp_with(junk, sizeof(junk) - 1);

	CHECK_INT(initrd_size(fd, sizeof(junk) - 1, &s), -EINVAL);
	close(fd);
	fd = tmp_with(cpio_cut, sizeof(cpio_cut) - 1);
	CHECK_INT(initrd_size(fd, sizeof(cpio_cut) - 1, &s), -EINVAL);
	close(fd);
	fd = tmp_with("", 0);
	CHECK_INT(initrd_size(fd, 0, &s), -EINVAL);
	close(fd);
	/* a gzip whose ISIZE is smaller than half of it: not believed, ratio assumed */
	fd = tmp_with(gz, sizeof(gz));
	CHECK_INT(initrd_size(fd, sizeof(gz), &s), 0);
	CHECK_INT(s.how, INITRD_GUESS);
	CHECK_U64(s.unpacked, sizeof(gz) * INITRD_GUESS_RATIO);
	close(fd);
	/* a size larger than the file (it shrank): an error, not a read past its end */
	fd = tmp_with(junk, 6);
	CHECK(initrd_size(fd, 1 << 20, &s) < 0);
	close(fd);
}

TEST(bzimage_setup_header)
{
	unsigned char h[0x300];
	uint64_t init = 0;
	int fd;

	memset(h, 0, sizeof(h));
	h[0x1fe] = 0x55;
	h[0x1ff] = 0xaa;
	memcpy(h + 0x202, "HdrS", 4);
	h[0x206] = 0x0f;	/* boot protocol 2.15 */
	h[0x207] = 0x02;
	h[0x260] = 0x00;	/* init_size 0x02c1c000 */
	h[0x261] = 0xc0;
	h[0x262] = 0xc1;
	h[0x263] = 0x02;
	fd = tmp_with(h, sizeof(h));
	CHECK_INT(bzimage_init_size(fd, &init), 0);
	CHECK_U64(init, 0x02c1c000u);
	close(fd);
	h[0x206] = 0x09;	/* 2.09: no init_size */
	fd = tmp_with(h, sizeof(h));
	CHECK_INT(bzimage_init_size(fd, &init), -ENOTSUP);
	close(fd);
	fd = tmp_with(h, 0x100);
	CHECK_INT(bzimage_init_size(fd, &init), -EINVAL);
	close(fd);
	memcpy(h + 0x202, "HdrX", 4);
	fd = tmp_with(h, sizeof(h));
	CHECK_INT(bzimage_init_size(fd, &init), -EINVAL);
	close(fd);
}

UNIT_MAIN(T(gzip_after_early_cpio), T(xz_streams_from_their_index), T(zstd_content_size_or_counted),
	  T(not_an_initramfs), T(bzimage_setup_header))
