/* vmcore.c - detect a vmcore's format, dispatch to its reader, and look up VMCOREINFO keys. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "vmcore/readers.h"
#include "vmcore/vmcore.h"

/* How many leading bytes detection looks at. */
#define SNIFF_LEN 512

/* Big- or little-endian 16-bit load. */
uint16_t vmc_ld16(const unsigned char *p, int big)
{
	return big ? (uint16_t)(p[0] << 8 | p[1]) : (uint16_t)(p[1] << 8 | p[0]);
}

/* Big- or little-endian 32-bit load. */
uint32_t vmc_ld32(const unsigned char *p, int big)
{
	if (big)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Big- or little-endian 64-bit load. */
uint64_t vmc_ld64(const unsigned char *p, int big)
{
	uint64_t hi = vmc_ld32(p + (big ? 0 : 4), big), lo = vmc_ld32(p + (big ? 4 : 0), big);

	return hi << 32 | lo;
}

/* pread exactly len bytes at off: 0, -ENODATA at end of file, -errno. */
int vmc_pread(int fd, uint64_t off, unsigned char *buf, size_t len)
{
	while (len > 0) {
		ssize_t n;

		if (off > (uint64_t)INT64_MAX - len)
			return -ENODATA;
		n = pread(fd, buf, len, (off_t)off);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -errno;
		}
		if (n == 0)
			return -ENODATA;
		buf += n;
		off += (uint64_t)n;
		len -= (size_t)n;
	}
	return 0;
}

/* Read from the plain file, or from the inner file of a flattened stream. */
int vmc_src_read(const struct vmc_src *s, uint64_t off, void *buf, size_t len)
{
	if (s->size_known && (off > s->size || len > s->size - off))
		return -ENODATA;
	if (s->map)
		return vmc_flatmap_read(s->map, s->fd, off, buf, len);
	return vmc_pread(s->fd, off, buf, len);
}

/* Record why the dump is incomplete; keep the first reason. */
void vmcore_set_incomplete(struct vmcore *v, const char *fmt, ...)
{
	va_list ap;

	if (!v->complete)
		return;
	v->complete = 0;
	va_start(ap, fmt);
	vsnprintf(v->incomplete_why, sizeof(v->incomplete_why), fmt, ap);
	va_end(ap);
}

/* Keep a NUL-terminated copy of the VMCOREINFO text. */
int vmcore_set_vmcoreinfo(struct vmcore *v, const unsigned char *buf, size_t len)
{
	char *t;

	while (len > 0 && buf[len - 1] == '\0')
		len--;
	t = malloc(len + 1);
	if (!t)
		return -ENOMEM;
	memcpy(t, buf, len);
	t[len] = '\0';
	free(v->vmcoreinfo);
	v->vmcoreinfo = t;
	v->vmcoreinfo_len = len;
	return 0;
}

/* Parse a decimal page size that is a power of two between 512 B and 1 MiB. */
static uint32_t parse_page_size(const char *s)
{
	unsigned long n = 0;

	if (!*s)
		return 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || n > (1UL << 20))
			return 0;
		n = n * 10 + (unsigned long)(*s - '0');
	}
	if (n < 512 || n > (1UL << 20) || (n & (n - 1)))
		return 0;
	return (uint32_t)n;
}

/* Fill page_size from VMCOREINFO's PAGESIZE when still unknown. */
void vmcore_page_size_from_info(struct vmcore *v)
{
	char val[32];

	if (v->page_size == 0 && vmcoreinfo_get(v, "PAGESIZE", val, sizeof(val)) == 0)
		v->page_size = parse_page_size(val);
}

/* Fill err with "not a vmcore: WHAT". */
static int not_vmcore(char *err, size_t errlen, const char *what)
{
	if (err && errlen)
		snprintf(err, errlen, "not a vmcore: %s", what);
	return -ENOEXEC;
}

/* Whether the first bytes look like text (printable ASCII/UTF-8 and whitespace). */
static int looks_like_text(const unsigned char *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (b[i] < 0x20 && b[i] != '\n' && b[i] != '\r' && b[i] != '\t' && b[i] != '\f')
			return 0;
	return n > 0;
}

/* Name what a non-vmcore file looks like. */
static const char *describe_foreign(const unsigned char *b, size_t n)
{
	static const struct {
		const char *magic;
		size_t len;
		const char *what;
	} sigs[] = {
		{ "\x1f\x8b", 2, "a gzip file" },
		{ "\xfd" "7zXZ\0", 6, "an xz file" },
		{ "BZh", 3, "a bzip2 file" },
		{ "\x28\xb5\x2f\xfd", 4, "a zstd file" },
		{ "\x89LZO", 4, "an lzop file" },
		{ "PK\x03\x04", 4, "a zip file" },
		{ DISKDUMP_SIG, 8, "an old diskdump-format dump (not supported)" },
		{ "QEVM", 4, "a QEMU saved VM state, not a kernel dump" },
	};
	size_t i;

	for (i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (n >= sigs[i].len && memcmp(b, sigs[i].magic, sigs[i].len) == 0)
			return sigs[i].what;
	if (n >= 262 && memcmp(b + 257, "ustar", 5) == 0)
		return "a tar archive";
	if (looks_like_text(b, n))
		return "a text file";
	return "unrecognised data";
}

/* The file's size: st_size, or the end offset for block devices. */
static int file_size(int fd, uint64_t *size)
{
	struct stat st;
	off_t end;

	if (fstat(fd, &st) < 0)
		return -errno;
	if (S_ISREG(st.st_mode)) {
		*size = (uint64_t)st.st_size;
		return 0;
	}
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	end = lseek(fd, 0, SEEK_END);
	if (end < 0)
		return -errno;
	*size = (uint64_t)end;
	return 0;
}

int vmcore_read(int fd, struct vmcore *v, char *err, size_t errlen)
{
	struct vmc_src s;
	unsigned char head[SNIFF_LEN];
	char scratch[8];
	size_t n;
	int r;

	if (!err || errlen == 0) {
		err = scratch;
		errlen = sizeof(scratch);
	}
	memset(v, 0, sizeof(*v));
	v->complete = 1;
	v->dump_level = -1;
	err[0] = '\0';
	r = file_size(fd, &v->file_size);
	if (r < 0) {
		if (err && errlen)
			snprintf(err, errlen, "cannot size the file: %s", strerror(-r));
		return r;
	}
	if (v->file_size == 0)
		return not_vmcore(err, errlen, "an empty file");
	n = v->file_size < SNIFF_LEN ? (size_t)v->file_size : SNIFF_LEN;
	r = vmc_pread(fd, 0, head, n);
	if (r < 0) {
		if (err && errlen)
			snprintf(err, errlen, "cannot read the file: %s",
				 strerror(r == -ENODATA ? EIO : -r));
		return r == -ENODATA ? -EIO : r;
	}
	s.fd = fd;
	s.size = v->file_size;
	s.size_known = 1;
	s.map = NULL;
	if (n >= 8 && memcmp(head, KDUMP_SIG, 8) == 0)
		r = vmc_kdump_decode(&s, v, err, errlen);
	else if (n >= 4 && memcmp(head, "\x7f" "ELF", 4) == 0)
		r = vmc_elf_decode(&s, v, err, errlen);
	else if (n >= 16 && memcmp(head, FLAT_SIG "\0\0\0\0", 16) == 0)
		r = vmc_flat_decode(&s, v, err, errlen);
	else
		r = not_vmcore(err, errlen, describe_foreign(head, n));
	if (r < 0)
		vmcore_free(v);
	return r;
}

void vmcore_free(struct vmcore *v)
{
	free(v->vmcoreinfo);
	v->vmcoreinfo = NULL;
	v->vmcoreinfo_len = 0;
}

const char *vmcore_format_name(enum vmcore_format f)
{
	switch (f) {
	case VMCORE_KDUMP:
		return "kdump-compressed";
	case VMCORE_ELF64:
	case VMCORE_ELF32:
		return "elf";
	case VMCORE_FLAT:
		return "flattened";
	case VMCORE_UNKNOWN:
		break;
	}
	return "unknown";
}

int vmcoreinfo_get(const struct vmcore *v, const char *key, char *out, size_t outlen)
{
	const char *p, *end;
	size_t klen = strlen(key);

	if (!v->vmcoreinfo || klen == 0)
		return -ENOENT;
	p = v->vmcoreinfo;
	end = p + v->vmcoreinfo_len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;

		if ((size_t)(eol - p) > klen && memcmp(p, key, klen) == 0 && p[klen] == '=') {
			const char *val = p + klen + 1;
			size_t vlen = (size_t)(eol - val);

			if (vlen > 0 && val[vlen - 1] == '\r')
				vlen--;
			if (vlen + 1 > outlen)
				return -ENAMETOOLONG;
			memcpy(out, val, vlen);
			out[vlen] = '\0';
			return 0;
		}
		p = eol + 1;
	}
	return -ENOENT;
}
