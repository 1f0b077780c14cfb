/* test-vmcore.c - the vmcore header readers on makedumpfile-made dumps, cut, flipped and foreign files. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "unit.h"
#include "vmcore/vmcore.h"

#define VDATA "tests/unit/data/vmcore/"

/* Read one data file; returns vmcore_read's result, err filled. */
static int read_file(const char *name, struct vmcore *v, char *err, size_t errlen)
{
	char path[256];
	int fd, r;

	snprintf(path, sizeof(path), VDATA "%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0) {
		snprintf(err, errlen, "cannot open %s", name);
		memset(v, 0, sizeof(*v));
		return -9999;
	}
	r = vmcore_read(fd, v, err, errlen);
	close(fd);
	return r;
}

/* Load a whole data file into memory (malloc'd); NULL on failure. */
static unsigned char *slurp(const char *name, size_t *len)
{
	char path[256];
	unsigned char *buf = NULL;
	struct stat st;
	int fd;

	snprintf(path, sizeof(path), VDATA "%s", name);
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && st.st_size > 0 && (buf = malloc((size_t)st.st_size)) != NULL) {
		if (read(fd, buf, (size_t)st.st_size) != st.st_size) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)st.st_size;
	}
	close(fd);
	return buf;
}

/* A temp file holding buf[0..len); returns an fd open read-write (file unlinked). */
static int tmp_with(const unsigned char *buf, size_t len)
{
	char name[] = "/tmp/kdc-vmcore-XXXXXX";
	int fd = mkstemp(name);

	if (fd < 0)
		return -1;
	unlink(name);
	if (len && write(fd, buf, len) != (ssize_t)len) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Milliseconds since an arbitrary point. */
static double now_ms(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return tv.tv_sec * 1000.0 + tv.tv_usec / 1000.0;
}

/* The VMCOREINFO value of key, or "" when absent. */
static const char *info(const struct vmcore *v, const char *key)
{
	static char buf[256];

	if (vmcoreinfo_get(v, key, buf, sizeof(buf)) != 0)
		buf[0] = '\0';
	return buf;
}

TEST(kdump_zlib_from_makedumpfile)
{
	struct vmcore v;
	char err[256];

	CHECK_INT(read_file("kdump-zlib.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.format, VMCORE_KDUMP);
	CHECK_STR(vmcore_format_name(v.format), "kdump-compressed");
	CHECK_U64(v.file_size, 21476);
	CHECK_INT(v.complete, 1);
	CHECK_STR(v.incomplete_why, "");
	CHECK_INT(v.dump_level, 31);
	CHECK_STR(v.compression, "zlib");
	CHECK_INT(v.page_size, 4096);
	CHECK_STR(v.uts_release, "6.1.0-18-amd64");
	CHECK_STR(v.uts_machine, "x86_64");
	CHECK_STR(v.uts_nodename, "deb12-guest");
	CHECK_INT(v.header_time, 1717171717);
	CHECK_INT(v.elf_class_bits, 0);
	CHECK_INT(v.big_endian, 0);
	CHECK(v.vmcoreinfo != NULL);
	CHECK_U64(v.vmcoreinfo_len, strlen(v.vmcoreinfo));
	CHECK_STR(info(&v, "OSRELEASE"), "6.1.0-18-amd64");
	CHECK_STR(info(&v, "BUILD-ID"), "7d5f9c3e1a2b4c6d8e0f1a2b3c4d5e6f70819203");
	CHECK_STR(info(&v, "PAGESIZE"), "4096");
	CHECK_STR(info(&v, "CRASHTIME"), "1717171717");
	CHECK_STR(info(&v, "KERNELOFFSET"), "0");
	CHECK_STR(info(&v, "SYMBOL(init_uts_ns)"), "ffffffff80007000");
	CHECK_STR(info(&v, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)"), "-129");
	CHECK_STR(info(&v, "OFFSET(printk_info.caller_id)"), "20");
	vmcore_free(&v);
	CHECK(v.vmcoreinfo == NULL);
}

TEST(kdump_compression_flags)
{
	static const struct {
		const char *file, *comp;
	} c[] = {
		{ "kdump-lzo.vmcore", "lzo" },
		{ "kdump-none.vmcore", "none" },
		{ "kdump-snappy.vmcore", "snappy" },
		{ "kdump-zstd.vmcore", "zstd" },
	};
	struct vmcore v;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		CHECK_INT(read_file(c[i].file, &v, err, sizeof(err)), 0);
		CHECK_STR(v.compression, c[i].comp);
		CHECK_INT(v.complete, 1);
		CHECK_INT(v.dump_level, 31);
		CHECK_STR(info(&v, "OSRELEASE"), "6.1.0-18-amd64");
		vmcore_free(&v);
	}
}

TEST(kdump_header_versions)
{
	struct vmcore v;
	char err[256], name[64], out[64];
	int ver;

	for (ver = 1; ver <= 5; ver++) {
		snprintf(name, sizeof(name), "kdump-v%d.vmcore", ver);
		CHECK_INT(read_file(name, &v, err, sizeof(err)), 0);
		CHECK_INT(v.format, VMCORE_KDUMP);
		CHECK_INT(v.complete, 1);
		CHECK_INT(v.dump_level, 31);
		CHECK_INT(v.page_size, 4096);
		CHECK_STR(v.uts_release, "6.1.0-18-amd64");
		if (ver < 3) {
			/* no VMCOREINFO before header version 3 */
			CHECK(v.vmcoreinfo == NULL);
			CHECK_INT(vmcoreinfo_get(&v, "OSRELEASE", out, sizeof(out)), -ENOENT);
		} else {
			CHECK_STR(info(&v, "CRASHTIME"), "1717171717");
		}
		vmcore_free(&v);
	}
}

TEST(kdump_i686_32bit_layout)
{
	struct vmcore v;
	char err[256], out[64];

	CHECK_INT(read_file("kdump-i686.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.format, VMCORE_KDUMP);
	CHECK_INT(v.complete, 1);
	CHECK_STR(v.uts_machine, "i686");
	CHECK_STR(v.uts_release, "2.6.32-754.35.1.el6.i686");
	CHECK_STR(v.uts_nodename, "el6-i686");
	CHECK_INT(v.header_time, 1401234567);
	CHECK_INT(v.dump_level, 31);
	CHECK_STR(v.compression, "zlib");
	CHECK_INT(v.page_size, 4096);
	CHECK_STR(info(&v, "OSRELEASE"), "2.6.32-754.35.1.el6.i686");
	CHECK_STR(info(&v, "CONFIG_X86_PAE"), "y");
	CHECK_STR(info(&v, "SYMBOL(log_buf)"), "c0a5b3c0");
	/* 2.6.32 kernels have no BUILD-ID line */
	CHECK_INT(vmcoreinfo_get(&v, "BUILD-ID", out, sizeof(out)), -ENOENT);
	vmcore_free(&v);
}

TEST(kdump_s390x_big_endian)
{
	struct vmcore v;
	char err[256];

	CHECK_INT(read_file("kdump-s390x-be.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.big_endian, 1);
	CHECK_INT(v.complete, 1);
	CHECK_STR(v.uts_machine, "s390x");
	CHECK_STR(v.uts_release, "3.10.0-1160.el7.s390x");
	CHECK_INT(v.header_time, 1580000000);
	CHECK_STR(v.compression, "lzo");
	CHECK_INT(v.dump_level, 31);
	CHECK_STR(info(&v, "OSRELEASE"), "3.10.0-1160.el7.s390x");
	CHECK_STR(info(&v, "LENGTH(lowcore_ptr)"), "256");
	vmcore_free(&v);
}

TEST(kdump_incomplete_and_truncated)
{
	static const struct {
		const char *file, *why;
	} c[] = {
		{ "kdump-incomplete.vmcore", "incomplete flag" },
		{ "kdump-trunc-bitmap.vmcore", "ends inside the page bitmaps" },
		{ "kdump-trunc-desc.vmcore", "ends inside the page descriptor table" },
		{ "kdump-trunc-data.vmcore", "past the end of the file" },
		{ "kdump-hole.vmcore", "never written" },
	};
	struct vmcore v;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		CHECK_INT(read_file(c[i].file, &v, err, sizeof(err)), 0);
		CHECK_INT(v.format, VMCORE_KDUMP);
		CHECK_INT(v.complete, 0);
		if (!strstr(v.incomplete_why, c[i].why)) {
			printf("#   %s: \"%s\"\n", c[i].file, v.incomplete_why);
			CHECK(0);
		}
		/* the header is still read */
		CHECK_STR(v.uts_release, "6.1.0-18-amd64");
		CHECK_STR(info(&v, "OSRELEASE"), "6.1.0-18-amd64");
		vmcore_free(&v);
	}
}

/* Every cut of a complete dump past its signature reads as incomplete, never as complete. */
static int every_cut_is_incomplete(const char *name, size_t from, size_t step, int format)
{
	unsigned char *buf;
	size_t len, cut;
	int bad = 0;

	buf = slurp(name, &len);
	if (!buf)
		return -1;
	for (cut = from; cut < len && !bad; cut += step) {
		struct vmcore v;
		char err[256];
		int fd = tmp_with(buf, cut), r;

		if (fd < 0) {
			bad = 1;
			break;
		}
		r = vmcore_read(fd, &v, err, sizeof(err));
		if (r != 0 || v.complete != 0 || v.format != (enum vmcore_format)format ||
		    v.incomplete_why[0] == '\0') {
			printf("#   %s cut at %zu: r=%d complete=%d format=%d err=%s\n", name, cut, r,
			       v.complete, (int)v.format, err);
			bad = 1;
		}
		if (r == 0)
			vmcore_free(&v);
		close(fd);
	}
	free(buf);
	return bad;
}

TEST(kdump_every_cut_is_incomplete)
{
	CHECK_INT(every_cut_is_incomplete("kdump-zlib.vmcore", 8, 37, VMCORE_KDUMP), 0);
	CHECK_INT(every_cut_is_incomplete("kdump-s390x-be.vmcore", 8, 211, VMCORE_KDUMP), 0);
	CHECK_INT(every_cut_is_incomplete("kdump-i686.vmcore", 8, 211, VMCORE_KDUMP), 0);
}

TEST(elf64_proc_vmcore)
{
	struct vmcore v;
	char err[256];

	CHECK_INT(read_file("elf64-x86_64.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.format, VMCORE_ELF64);
	CHECK_STR(vmcore_format_name(v.format), "elf");
	CHECK_INT(v.elf_class_bits, 64);
	CHECK_INT(v.big_endian, 0);
	CHECK_INT(v.complete, 1);
	CHECK_INT(v.dump_level, 0);
	CHECK(v.compression == NULL);
	CHECK_INT(v.page_size, 4096);
	CHECK_STR(v.uts_release, "");
	CHECK_INT(v.header_time, 0);
	CHECK_STR(info(&v, "OSRELEASE"), "6.1.0-18-amd64");
	CHECK_STR(info(&v, "BUILD-ID"), "7d5f9c3e1a2b4c6d8e0f1a2b3c4d5e6f70819203");
	CHECK_STR(info(&v, "CRASHTIME"), "1717171717");
	vmcore_free(&v);
}

TEST(elf64_makedumpfile_E)
{
	struct vmcore v;
	char err[256];

	CHECK_INT(read_file("elf64-mkd.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.format, VMCORE_ELF64);
	CHECK_INT(v.complete, 1);
	/* filtered (p_filesz < p_memsz): the level is not recorded anywhere */
	CHECK_INT(v.dump_level, -1);
	CHECK_STR(info(&v, "OSRELEASE"), "6.1.0-18-amd64");
	vmcore_free(&v);
}

TEST(elf32_i686)
{
	struct vmcore v;
	char err[256];

	CHECK_INT(read_file("elf32-i686.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.format, VMCORE_ELF32);
	CHECK_STR(vmcore_format_name(v.format), "elf");
	CHECK_INT(v.elf_class_bits, 32);
	CHECK_INT(v.complete, 1);
	CHECK_INT(v.dump_level, 0);
	CHECK_INT(v.page_size, 4096);
	CHECK_STR(info(&v, "OSRELEASE"), "2.6.32-754.35.1.el6.i686");
	/* the VMCOREINFO_XEN note before it is not taken */
	CHECK(strstr(v.vmcoreinfo, "XEN_VERSION") == NULL);
	vmcore_free(&v);

	CHECK_INT(read_file("elf32-trunc.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.format, VMCORE_ELF32);
	CHECK_INT(v.complete, 0);
	CHECK(strstr(v.incomplete_why, "PT_LOAD segment 2") != NULL);
	CHECK(strstr(v.incomplete_why, "past the end of the file (20380 bytes)") != NULL);
	CHECK_STR(info(&v, "OSRELEASE"), "2.6.32-754.35.1.el6.i686");
	vmcore_free(&v);
}

TEST(elf_every_cut_is_incomplete)
{
	/* cuts inside the headers (< 64 bytes) are not ELF cores at all */
	unsigned char *buf;
	size_t len, cut;
	struct vmcore v;
	char err[256];

	buf = slurp("elf64-x86_64.vmcore", &len);
	CHECK(buf != NULL);
	for (cut = 0; cut < len; cut += 331) {
		int fd = tmp_with(buf, cut), r;

		CHECK(fd >= 0);
		r = vmcore_read(fd, &v, err, sizeof(err));
		close(fd);
		if (cut < 64) {
			CHECK_INT(r, -ENOEXEC);
			continue;
		}
		CHECK_INT(r, 0);
		CHECK_INT(v.complete, 0);
		CHECK(v.incomplete_why[0] != '\0');
		vmcore_free(&v);
	}
	free(buf);
}

TEST(flattened_kdump)
{
	struct vmcore v;
	char err[256];

	CHECK_INT(read_file("flat-zlib.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.format, VMCORE_FLAT);
	CHECK_STR(vmcore_format_name(v.format), "flattened");
	CHECK_INT(v.complete, 1);
	CHECK_INT(v.dump_level, 31);
	CHECK_STR(v.compression, "zlib");
	CHECK_INT(v.page_size, 4096);
	CHECK_STR(v.uts_release, "6.1.0-18-amd64");
	CHECK_INT(v.header_time, 1717171717);
	CHECK_STR(info(&v, "BUILD-ID"), "7d5f9c3e1a2b4c6d8e0f1a2b3c4d5e6f70819203");
	vmcore_free(&v);
}

TEST(flattened_elf)
{
	struct vmcore v;
	char err[256];

	CHECK_INT(read_file("flat-elf.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.format, VMCORE_FLAT);
	CHECK_INT(v.elf_class_bits, 64);
	CHECK_INT(v.complete, 1);
	CHECK_INT(v.dump_level, -1);
	CHECK_STR(info(&v, "OSRELEASE"), "6.1.0-18-amd64");
	vmcore_free(&v);
}

TEST(flattened_cut_short)
{
	struct vmcore v;
	char err[256];

	CHECK_INT(read_file("flat-noend.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.format, VMCORE_FLAT);
	CHECK_INT(v.complete, 0);
	CHECK(strstr(v.incomplete_why, "no end marker") != NULL);
	CHECK_STR(info(&v, "OSRELEASE"), "6.1.0-18-amd64");
	vmcore_free(&v);

	CHECK_INT(read_file("flat-trunc.vmcore", &v, err, sizeof(err)), 0);
	CHECK_INT(v.complete, 0);
	CHECK(strstr(v.incomplete_why, "runs past the end of the file") != NULL);
	vmcore_free(&v);

	CHECK_INT(every_cut_is_incomplete("flat-zlib.vmcore", 16, 41, VMCORE_FLAT), 0);
}

TEST(foreign_files)
{
	static const struct {
		const char *file, *err;
	} c[] = {
		{ "foreign-text", "not a vmcore: a text file" },
		{ "foreign-gzip", "not a vmcore: a gzip file" },
		{ "foreign-exec", "not a vmcore: an ELF executable, not a core dump" },
		{ "foreign-pie", "not a vmcore: an ELF shared object or PIE executable, not a core dump" },
		{ "foreign-process-core", "not a vmcore: a process core dump, not a kernel crash dump" },
		{ "foreign-random", "not a vmcore: unrecognised data" },
		{ "mkdata.sh", "not a vmcore: a text file" },
	};
	struct vmcore v;
	char err[256];
	size_t i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		CHECK_INT(read_file(c[i].file, &v, err, sizeof(err)), -ENOEXEC);
		CHECK_STR(err, c[i].err);
		CHECK(v.vmcoreinfo == NULL);
	}
}

TEST(empty_and_odd_descriptors)
{
	struct vmcore v;
	char err[256];
	int fd = tmp_with(NULL, 0), dfd;

	CHECK(fd >= 0);
	CHECK_INT(vmcore_read(fd, &v, err, sizeof(err)), -ENOEXEC);
	CHECK_STR(err, "not a vmcore: an empty file");
	/* a NULL err is allowed */
	CHECK_INT(vmcore_read(fd, &v, NULL, 0), -ENOEXEC);
	close(fd);
	dfd = open("tests/unit", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0);
	CHECK_INT(vmcore_read(dfd, &v, err, sizeof(err)), -EISDIR);
	close(dfd);
	CHECK_INT(vmcore_read(-1, &v, err, sizeof(err)), -EBADF);
	CHECK_STR(vmcore_format_name(VMCORE_UNKNOWN), "unknown");
}

/* Signatures with nothing valid after them. */
TEST(signatures_with_garbage)
{
	static const char *const heads[] = {
		"KDUMP   \xff\xff\xff\x7f",
		"KDUMP   ",
		"\x7f" "ELF",
		"\x7f" "ELF\x02\x01\x01",
		"makedumpfile\0\0\0\0\0\0\0\0\0\0\0\x02",
		"DISKDUMP\x01\0\0\0",
	};
	unsigned char buf[8192];
	size_t i;

	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		size_t fill;

		for (fill = 0; fill < 2; fill++) {
			struct vmcore v;
			char err[256];
			int fd, r;

			memset(buf, fill ? 0xff : 0, sizeof(buf));
			memcpy(buf, heads[i], i == 4 ? 24 : strlen(heads[i]));
			fd = tmp_with(buf, sizeof(buf));
			CHECK(fd >= 0);
			r = vmcore_read(fd, &v, err, sizeof(err));
			close(fd);
			CHECK(r == 0 || r == -ENOEXEC);
			if (r == -ENOEXEC)
				CHECK(strncmp(err, "not a vmcore: ", 14) == 0);
			else
				vmcore_free(&v);
		}
	}
}

/* Flip every bit of the headers one at a time: any result but a crash. */
static int flip_all(const char *name, size_t upto, size_t step)
{
	unsigned char *buf;
	size_t len, i;
	int fd, bad = 0, bit;

	buf = slurp(name, &len);
	if (!buf)
		return -1;
	fd = tmp_with(buf, len);
	if (fd < 0) {
		free(buf);
		return -1;
	}
	for (i = 0; i < upto && i < len && !bad; i += step) {
		for (bit = 0; bit < 8; bit++) {
			unsigned char b = (unsigned char)(buf[i] ^ (1u << bit));
			struct vmcore v;
			char err[256];
			int r;

			if (pwrite(fd, &b, 1, (off_t)i) != 1)
				bad = 1;
			r = vmcore_read(fd, &v, err, sizeof(err));
			if (r == 0)
				vmcore_free(&v);
			else if (r != -ENOEXEC)
				bad = 1;
		}
		if (pwrite(fd, &buf[i], 1, (off_t)i) != 1)
			bad = 1;
	}
	close(fd);
	free(buf);
	return bad;
}

TEST(bit_flips_never_crash)
{
	CHECK_INT(flip_all("kdump-zlib.vmcore", 16384 + 24 * 16, 5), 0);
	CHECK_INT(flip_all("elf64-x86_64.vmcore", 4096, 3), 0);
	CHECK_INT(flip_all("elf32-i686.vmcore", 2048, 3), 0);
	CHECK_INT(flip_all("flat-zlib.vmcore", 8192, 5), 0);
}

/* A 4 GiB sparse file: the header read stays in the milliseconds. */
TEST(sparse_4gib_header_is_fast)
{
	unsigned char *buf;
	size_t len;
	struct vmcore v;
	char err[256];
	double t0, t1;
	int fd;

	buf = slurp("kdump-zlib.vmcore", &len);
	CHECK(buf != NULL);
	fd = tmp_with(buf, len);
	free(buf);
	CHECK(fd >= 0);
	if (ftruncate(fd, 4LL << 30) != 0) {
		close(fd);
		CHECK(0);
	}
	t0 = now_ms();
	CHECK_INT(vmcore_read(fd, &v, err, sizeof(err)), 0);
	t1 = now_ms();
	close(fd);
	printf("# 4 GiB sparse kdump header read in %.2f ms\n", t1 - t0);
	CHECK(t1 - t0 < 500.0);	/* milliseconds natively; generous for valgrind */
	CHECK_U64(v.file_size, 4ULL << 30);
	CHECK_INT(v.complete, 1);
	CHECK_INT(v.dump_level, 31);
	CHECK_STR(info(&v, "OSRELEASE"), "6.1.0-18-amd64");
	vmcore_free(&v);

	/* only the two header blocks written: the rest of the 4 GiB is a hole */
	buf = slurp("kdump-zlib.vmcore", &len);
	CHECK(buf != NULL);
	fd = tmp_with(buf, 8192);
	free(buf);
	CHECK(fd >= 0);
	if (ftruncate(fd, 4LL << 30) != 0) {
		close(fd);
		CHECK(0);
	}
	t0 = now_ms();
	CHECK_INT(vmcore_read(fd, &v, err, sizeof(err)), 0);
	t1 = now_ms();
	close(fd);
	CHECK(t1 - t0 < 500.0);
	CHECK_INT(v.complete, 0);
	CHECK(strstr(v.incomplete_why, "never written") != NULL);
	vmcore_free(&v);
}

TEST(vmcoreinfo_lookup)
{
	static char text[] = "OSRELEASE=3.10.0-1160.el7.x86_64\n"
			     "PAGESIZE=4096\r\n"
			     "SYMBOL(swapper_pg_dir)=ffffffff8180e000\n"
			     "OFFSET(list_head.next)=0\n"
			     "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)=-128\n"
			     "LENGTH(mem_section)=2048\n"
			     "EMPTY=\n"
			     "noequals\n"
			     "KERNELOFFSET=1a000000";
	struct vmcore v;
	char out[64], small[5];

	memset(&v, 0, sizeof(v));
	CHECK_INT(vmcoreinfo_get(&v, "OSRELEASE", out, sizeof(out)), -ENOENT);
	v.vmcoreinfo = text;
	v.vmcoreinfo_len = strlen(text);
	CHECK_INT(vmcoreinfo_get(&v, "OSRELEASE", out, sizeof(out)), 0);
	CHECK_STR(out, "3.10.0-1160.el7.x86_64");
	CHECK_INT(vmcoreinfo_get(&v, "PAGESIZE", out, sizeof(out)), 0);
	CHECK_STR(out, "4096");
	CHECK_INT(vmcoreinfo_get(&v, "SYMBOL(swapper_pg_dir)", out, sizeof(out)), 0);
	CHECK_STR(out, "ffffffff8180e000");
	CHECK_INT(vmcoreinfo_get(&v, "NUMBER(PAGE_BUDDY_MAPCOUNT_VALUE)", out, sizeof(out)), 0);
	CHECK_STR(out, "-128");
	CHECK_INT(vmcoreinfo_get(&v, "KERNELOFFSET", out, sizeof(out)), 0);
	CHECK_STR(out, "1a000000");
	CHECK_INT(vmcoreinfo_get(&v, "EMPTY", out, sizeof(out)), 0);
	CHECK_STR(out, "");
	/* a prefix of a key, a key without '=', a value part: not keys */
	CHECK_INT(vmcoreinfo_get(&v, "OSREL", out, sizeof(out)), -ENOENT);
	CHECK_INT(vmcoreinfo_get(&v, "SYMBOL(swapper_pg_dir", out, sizeof(out)), -ENOENT);
	CHECK_INT(vmcoreinfo_get(&v, "noequals", out, sizeof(out)), -ENOENT);
	CHECK_INT(vmcoreinfo_get(&v, "3.10.0-1160.el7.x86_64", out, sizeof(out)), -ENOENT);
	CHECK_INT(vmcoreinfo_get(&v, "", out, sizeof(out)), -ENOENT);
	CHECK_INT(vmcoreinfo_get(&v, "BUILD-ID", out, sizeof(out)), -ENOENT);
	CHECK_INT(vmcoreinfo_get(&v, "OSRELEASE", small, sizeof(small)), -ENAMETOOLONG);
	CHECK_INT(vmcoreinfo_get(&v, "PAGESIZE", small, sizeof(small)), 0);
	CHECK_STR(small, "4096");
	/* a NUL inside the text ends nothing early: the length decides */
	text[13] = '\0';
	CHECK_INT(vmcoreinfo_get(&v, "PAGESIZE", out, sizeof(out)), 0);
	CHECK_STR(out, "4096");
}

UNIT_MAIN(T(kdump_zlib_from_makedumpfile), T(kdump_compression_flags), T(kdump_header_versions),
	  T(kdump_i686_32bit_layout), T(kdump_s390x_big_endian), T(kdump_incomplete_and_truncated),
	  T(kdump_every_cut_is_incomplete), T(elf64_proc_vmcore), T(elf64_makedumpfile_E),
	  T(elf32_i686), T(elf_every_cut_is_incomplete), T(flattened_kdump), T(flattened_elf),
	  T(flattened_cut_short), T(foreign_files), T(empty_and_odd_descriptors),
	  T(signatures_with_garbage), T(bit_flips_never_crash), T(sparse_4gib_header_is_fast),
	  T(vmcoreinfo_lookup))
