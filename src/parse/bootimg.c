/* bootimg.c - kernel and initramfs sizes from their headers (see bootimg.h). */
#include <dlfcn.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "parse/bootimg.h"
#include "compat.h"
#include "util.h"

#define KIB ((uint64_t)1 << 10)

static uint32_t le32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t le64(const unsigned char *p)
{
	return (uint64_t)le32(p) | (uint64_t)le32(p + 4) << 32;
}

int bzimage_init_size(int fd, uint64_t *init_size)
{
	unsigned char h[0x270];
	ssize_t n = pread_full(fd, h, sizeof(h), 0);

	if (n < 0)
		return (int)n;
	if ((size_t)n < 0x210 || memcmp(h + 0x202, "HdrS", 4) != 0 || h[0x1fe] != 0x55 || h[0x1ff] != 0xaa)
		return -EINVAL;
	if ((h[0x206] | h[0x207] << 8) < 0x020a || (size_t)n < sizeof(h))
		return -ENOTSUP;
	*init_size = le32(h + 0x260);
	return *init_size ? 0 : -EINVAL;
}

/* A window over the file, so that walking small headers costs few reads. */
struct rd {
	int fd;
	uint64_t size;
	uint64_t boff;
	size_t blen;
	unsigned char buf[65536];
};

/* n bytes (n <= 4096) at off, or NULL past the end or on a read error (*err). */
static const unsigned char *rd_at(struct rd *r, uint64_t off, size_t n, int *err)
{
	ssize_t got;

	if (off > r->size || n > r->size - off)
		return NULL;
	if (off >= r->boff && off + n <= r->boff + r->blen)
		return r->buf + (off - r->boff);
	got = pread_full(r->fd, r->buf, sizeof(r->buf), (off_t)off);
	if (got < 0) {
		*err = (int)got;
		r->blen = 0;
		return NULL;
	}
	r->boff = off;
	r->blen = (size_t)got;
	return (size_t)got >= n ? r->buf : NULL;
}

static int hexfield(const unsigned char *p, uint32_t *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 8; i++) {
		int d = hex_value(p[i]);
		if (d < 0)
			return -EINVAL;
		*v = *v << 4 | (uint32_t)d;
	}
	return 0;
}

/*
 * Walk an uncompressed newc cpio from *off to past its trailer (and the zero
 * padding after it). Adds the unpacked bytes (headers, names, data) to *sum.
 */
static int walk_cpio(struct rd *r, uint64_t *off, uint64_t *sum, int *err)
{
	uint64_t o = *off;
	unsigned long entries = 0;

	for (;;) {
		const unsigned char *h = rd_at(r, o, 110, err);
		uint32_t fsize, nsize;
		uint64_t next;
		int trailer;

		if (!h || (memcmp(h, "070701", 6) && memcmp(h, "070702", 6)) || hexfield(h + 54, &fsize) ||
		    hexfield(h + 94, &nsize) || nsize == 0 || nsize > 4096 || ++entries > 10000000)
			return *err ? *err : -EINVAL;
		h = rd_at(r, o + 110, nsize, err);
		if (!h)
			return *err ? *err : -EINVAL;
		trailer = nsize == 11 && !memcmp(h, "TRAILER!!!", 11);
		next = (o + 110 + nsize + 3) & ~(uint64_t)3;
		next = (next + fsize + 3) & ~(uint64_t)3;
		if (next > r->size)
			return -EINVAL;
		*sum += next - o;
		o = next;
		if (trailer)
			break;
	}
	/* the kernel skips zeros between segments (in 4-byte steps) */
	while (o < r->size) {
		const unsigned char *z = rd_at(r, o, 1, err);
		if (!z || *z)
			break;
		o++;
	}
	*off = o;
	return *err;
}

/* gzip: ISIZE, the last 4 bytes (the unpacked size modulo 4 GiB). */
static int size_gzip(struct rd *r, uint64_t off, struct initrd_size *out, int *err)
{
	const unsigned char *t = rd_at(r, r->size - 4, 4, err);
	uint64_t isz;

	if (!t || r->size - off < 18)
		return *err ? *err : -EINVAL;
	isz = le32(t);
	if (isz < (r->size - off) / 2) {	/* wrapped, or zeros after the stream: not read */
		out->how = INITRD_GUESS;
		isz = (r->size - off) * INITRD_GUESS_RATIO;
	}
	out->unpacked += isz;
	return 0;
}

/* An xz multibyte integer at *p (n bytes left). */
static int xz_varint(const unsigned char **p, size_t *n, uint64_t *v)
{
	int i;

	*v = 0;
	for (i = 0; i < 9 && *n; i++) {
		unsigned char b = *(*p)++;
		(*n)--;
		*v |= (uint64_t)(b & 0x7f) << (7 * i);
		if (!(b & 0x80))
			return 0;
	}
	return -EINVAL;
}

/* xz: walk the streams backwards from the end, each by its footer and index. */
static int size_xz(struct rd *r, uint64_t off, struct initrd_size *out, int *err)
{
	uint64_t end = r->size;
	int streams = 0;

	while (end > off) {
		const unsigned char *f, *ix;
		uint64_t isize, count, blocks = 0, total = 0, start, i;
		size_t n;

		while (end - off >= 4 && (f = rd_at(r, end - 4, 4, err)) && !le32(f))
			end -= 4;	/* stream padding */
		if (end - off < 24 || !(f = rd_at(r, end - 12, 12, err)) || f[10] != 'Y' || f[11] != 'Z')
			return *err ? *err : -EINVAL;
		isize = ((uint64_t)le32(f + 4) + 1) * 4;
		if (isize > 4096 || isize + 24 > end - off || !(ix = rd_at(r, end - 12 - isize, (size_t)isize, err)) ||
		    ix[0] != 0)
			return *err ? *err : -EINVAL;
		n = (size_t)isize - 1;
		ix++;
		if (xz_varint(&ix, &n, &count) || count > isize)
			return -EINVAL;
		for (i = 0; i < count; i++) {
			uint64_t unpadded, unc;
			if (xz_varint(&ix, &n, &unpadded) || xz_varint(&ix, &n, &unc))
				return -EINVAL;
			blocks += (unpadded + 3) & ~(uint64_t)3;
			total += unc;
		}
		if (blocks + isize + 24 > end - off)
			return -EINVAL;
		start = end - 12 - isize - blocks - 12;
		f = rd_at(r, start, 6, err);
		if (!f || memcmp(f, "\xfd" "7zXZ\0", 6))
			return *err ? *err : -EINVAL;
		out->unpacked += total;
		end = start;
		if (++streams > 1000)
			return -EINVAL;
	}
	return 0;
}

/* libzstd's streaming buffers (the stable ABI since zstd 1.0). */
struct zs_in { const void *src; size_t size; size_t pos; };
struct zs_out { void *dst; size_t size; size_t pos; };

/* Beyond this much unpacked, stop counting: no initramfs is that large. */
#define ZSTD_COUNT_MAX ((uint64_t)1 << 30)

/*
 * The bytes the zstd frames from off to the end unpack to, by running them
 * through libzstd (opened with dlopen(): a host without it is not refused,
 * its size is assumed). 0, -ENOENT without libzstd, -EINVAL on a bad stream.
 */
static int zstd_count(struct rd *r, uint64_t off, uint64_t *total)
{
	void *(*create)(void);
	size_t (*init)(void *);
	size_t (*step)(void *, struct zs_out *, struct zs_in *);
	size_t (*release)(void *);
	unsigned (*is_error)(size_t);
	void *dl = dlopen("libzstd.so.1", RTLD_NOW | RTLD_LOCAL), *ds = NULL;
	unsigned char *out = NULL;
	int e = -ENOENT;

	if (!dl)
		return -ENOENT;
	*(void **)(&create) = dlsym(dl, "ZSTD_createDStream");
	*(void **)(&init) = dlsym(dl, "ZSTD_initDStream");
	*(void **)(&step) = dlsym(dl, "ZSTD_decompressStream");
	*(void **)(&release) = dlsym(dl, "ZSTD_freeDStream");
	*(void **)(&is_error) = dlsym(dl, "ZSTD_isError");
	if (create && init && step && release && is_error && (ds = create()) && !is_error(init(ds))) {
		out = xmalloc(1 << 17);
		*total = 0;
		e = 0;
		while (off < r->size && !e) {
			ssize_t n = pread_full(r->fd, r->buf, sizeof(r->buf), (off_t)off);
			struct zs_in in;
			if (n <= 0) {
				e = n < 0 ? (int)n : -EINVAL;
				break;
			}
			in.src = r->buf;
			in.size = (size_t)n;
			in.pos = 0;
			while (in.pos < in.size && !e) {
				struct zs_out o = { out, (size_t)1 << 17, 0 };
				size_t ret = step(ds, &o, &in);
				if (is_error(ret))
					e = -EINVAL;
				*total += o.pos;
				if (*total > ZSTD_COUNT_MAX)
					e = -EFBIG;
			}
			off += (uint64_t)n;
		}
		r->blen = 0;	/* the window's bytes were used as the input buffer */
	}
	if (ds)
		release(ds);
	free(out);
	dlclose(dl);
	return e;
}

/*
 * zstd: each frame's content size; a frame written from a pipe (mkinitramfs
 * does) has none, and then the frames are unpacked and counted.
 */
static int size_zstd(struct rd *r, uint64_t off, struct initrd_size *out, int *err)
{
	static const int dict_len[4] = { 0, 1, 2, 4 };
	uint64_t o = off, sized = 0;
	int all_sized = 1;

	while (o < r->size) {
		const unsigned char *h = rd_at(r, o, 18, err);
		unsigned fhd, fcs_flag, single, fcs_len;
		uint64_t fcs = 0;
		int last = 0;

		if (!h && !*err && (h = rd_at(r, o, 4, err)) && !le32(h))
			break;	/* zeros after the last frame */
		if (!h)
			return *err ? *err : -EINVAL;
		if ((le32(h) & 0xfffffff0u) == 0x184d2a50u) {	/* skippable frame */
			o += 8 + (uint64_t)le32(h + 4);
			continue;
		}
		if (le32(h) == 0)
			break;
		if (le32(h) != 0xfd2fb528u)
			return -EINVAL;
		fhd = h[4];
		fcs_flag = fhd >> 6;
		single = (fhd >> 5) & 1;
		fcs_len = fcs_flag == 0 ? single : fcs_flag == 1 ? 2 : fcs_flag == 2 ? 4 : 8;
		h += 5 + !single + dict_len[fhd & 3];
		if (fcs_len == 1)
			fcs = h[0];
		else if (fcs_len == 2)
			fcs = (uint64_t)(h[0] | h[1] << 8) + 256;
		else if (fcs_len == 4)
			fcs = le32(h);
		else if (fcs_len == 8)
			fcs = le64(h);
		if (!fcs_len)
			all_sized = 0;
		sized += fcs;
		o += 5 + !single + (unsigned)dict_len[fhd & 3] + fcs_len;
		while (!last) {	/* to the frame's end, by its block headers */
			const unsigned char *b = rd_at(r, o, 3, err);
			uint32_t bh;
			if (!b)
				return *err ? *err : -EINVAL;
			bh = (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16;
			last = bh & 1;
			if (((bh >> 1) & 3) == 3)
				return -EINVAL;
			o += 3 + (((bh >> 1) & 3) == 1 ? 1 : bh >> 3);
			if (o > r->size)
				return -EINVAL;
		}
		o += (fhd >> 2 & 1) * 4;	/* content checksum */
	}
	if (!all_sized) {
		uint64_t n;
		int e = zstd_count(r, off, &n);
		if (e == -ENOENT) {
			out->how = INITRD_GUESS;
			n = (r->size - off) * INITRD_GUESS_RATIO;
		} else if (e) {
			return e;
		}
		out->unpacked += n;
		return 0;
	}
	out->unpacked += sized;
	return 0;
}

/* lzma (the .lzma "alone" format): the size in its header, when set. */
static int size_lzma(struct rd *r, uint64_t off, struct initrd_size *out, int *err)
{
	const unsigned char *h = rd_at(r, off, 13, err);
	uint64_t v;

	if (!h)
		return *err ? *err : -EINVAL;
	v = le64(h + 5);
	if (v == UINT64_MAX) {
		out->how = INITRD_GUESS;
		v = (r->size - off) * INITRD_GUESS_RATIO;
	}
	out->unpacked += v;
	return 0;
}

/* The compressed formats the kernel can unpack, by their magic. */
static const struct comp {
	const char *name;
	const char *magic;
	size_t mlen;
	int (*size)(struct rd *, uint64_t, struct initrd_size *, int *);
} comps[] = {
	{ "gzip", "\x1f\x8b", 2, size_gzip },
	{ "xz", "\xfd" "7zXZ\0", 6, size_xz },
	{ "zstd", "\x28\xb5\x2f\xfd", 4, size_zstd },
	{ "lzma", "\x5d\x00\x00", 3, size_lzma },
	{ "bzip2", "BZh", 3, NULL },
	{ "lz4", "\x02\x21\x4c\x18", 4, NULL },
	{ "lzo", "\x89LZO", 4, NULL },
};

int initrd_size(int fd, uint64_t size, struct initrd_size *out)
{
	static struct rd r;	/* 64 KiB: kept off the stack */
	uint64_t off = 0;
	int err = 0, e;

	memset(out, 0, sizeof(*out));
	/* the buffer itself needs no clearing: blen 0 says it holds nothing (and its pages stay untouched) */
	r.fd = fd;
	r.size = size;
	r.boff = 0;
	r.blen = 0;
	out->file = size;
	while (off < size) {
		const unsigned char *h = rd_at(&r, off, 6, &err);
		size_t i;

		if (!h)
			return err ? err : -EINVAL;
		out->segments++;
		if (!memcmp(h, "070701", 6) || !memcmp(h, "070702", 6)) {
			xstrlcpy(out->comp, "cpio", sizeof(out->comp));
			e = walk_cpio(&r, &off, &out->unpacked, &err);
			if (e)
				return e;
			continue;
		}
		for (i = 0; i < ARRAY_SIZE(comps) && memcmp(h, comps[i].magic, comps[i].mlen); i++)
			;
		if (i == ARRAY_SIZE(comps))
			return -EINVAL;
		xstrlcpy(out->comp, comps[i].name, sizeof(out->comp));
		if (comps[i].size) {
			e = comps[i].size(&r, off, out, &err);
			if (e)
				return e;
		} else {
			out->how = INITRD_GUESS;
			out->unpacked += (size - off) * INITRD_GUESS_RATIO;
		}
		break;	/* a compressed segment runs to the end of the file */
	}
	return out->segments ? 0 : -EINVAL;
}
