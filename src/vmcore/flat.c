/*
 * flat.c - makedumpfile's flattened format (-F, for dumping through a pipe
 * or ssh; makedumpfile -R turns it back into a plain dump file). The stream
 * carries the pieces of an inner dump file (kdump-compressed or ELF) in the
 * order they were written, each tagged with its offset in the inner file.
 * All integers here are 64-bit signed BIG endian, whatever the machine.
 *
 *   0     16  signature "makedumpfile" + 4 NUL bytes
 *   16     8  type     (1 = flattened)
 *   24     8  version  (1)
 *   ...       zero padding up to 4096 bytes
 *   4096      records: { int64 offset, int64 buf_size } + buf_size data bytes,
 *             data to be placed at `offset` of the inner file
 *   end       an end marker record: offset -1, buf_size -1
 *
 * Example (makedumpfile -F -c -d 31; the first record is the 464-byte
 * diskdump header for inner offset 0, the last record is the end marker):
 *   00000000: 6d61 6b65 6475 6d70 6669 6c65 0000 0000  makedumpfile....
 *   00000010: 0000 0000 0000 0001 0000 0000 0000 0001  type 1, version 1
 *   00001000: 0000 0000 0000 0000 0000 0000 0000 01d0  offset 0, 464 bytes
 *   00001010: 4b44 554d 5020 2020 0600 0000 4c69 6e75  KDUMP   ....Linu
 *   ...:      ffff ffff ffff ffff ffff ffff ffff ffff  end marker
 *
 * Only record headers are read (seeking past the data), at most
 * FLAT_SCAN_MAX of them; the inner file's headers are rebuilt from the
 * records that cover its first FLAT_KEEP_LIMIT bytes, and the kdump or ELF
 * reader decodes them.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vmcore/readers.h"

#define FLAT_HDR_SIZE 4096
#define FLAT_REC_SIZE 16
#define FLAT_SCAN_MAX 65536		/* record headers read at most */
#define FLAT_KEEP_MAX 4096		/* records of the inner headers kept */
#define FLAT_KEEP_LIMIT (64ULL << 20)	/* inner offsets considered "headers" */

/* One record: inner_off..inner_off+size of the inner file is at file_off. */
struct flatrec {
	uint64_t inner_off, size, file_off;
};

struct flatmap {
	struct flatrec *rec;
	size_t n, cap;
};

/* Remember a record that covers the inner file's headers. */
static int keep(struct flatmap *m, uint64_t inner_off, uint64_t size, uint64_t file_off)
{
	if (inner_off >= FLAT_KEEP_LIMIT || size == 0 || m->n >= FLAT_KEEP_MAX)
		return 0;
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		struct flatrec *r = realloc(m->rec, cap * sizeof(*r));

		if (!r)
			return -ENOMEM;
		m->rec = r;
		m->cap = cap;
	}
	m->rec[m->n].inner_off = inner_off;
	m->rec[m->n].size = size;
	m->rec[m->n].file_off = file_off;
	m->n++;
	return 0;
}

int vmc_flatmap_read(const struct flatmap *m, int fd, uint64_t off, unsigned char *buf, size_t len)
{
	unsigned char *seen;
	size_t i, covered = 0;
	int r = 0;

	if (len == 0)
		return 0;
	if (off > UINT64_MAX - len)
		return -ENODATA;
	seen = calloc(len, 1);
	if (!seen)
		return -ENOMEM;
	memset(buf, 0, len);
	/* in stream order, so a later record overrides an earlier one */
	for (i = 0; i < m->n && r == 0; i++) {
		const struct flatrec *f = &m->rec[i];
		uint64_t a = off > f->inner_off ? off : f->inner_off;
		uint64_t b = off + len < f->inner_off + f->size ? off + len : f->inner_off + f->size;

		if (a >= b)
			continue;
		r = vmc_pread(fd, f->file_off + (a - f->inner_off), buf + (a - off), (size_t)(b - a));
		memset(seen + (a - off), 1, (size_t)(b - a));
	}
	for (i = 0; i < len; i++)
		covered += seen[i];
	free(seen);
	if (r < 0)
		return r;
	return covered == len ? 0 : -ENODATA;
}

/* Signed big-endian 64-bit load. */
static int64_t be64s(const unsigned char *p)
{
	return (int64_t)vmc_ld64(p, 1);
}

/* Scan the record headers; mark v incomplete where the stream is cut or broken. */
static int scan(const struct vmc_src *s, struct vmcore *v, struct flatmap *m, uint64_t *inner_size, int *ended)
{
	uint64_t pos = FLAT_HDR_SIZE, extent = 0;
	unsigned nrec = 0;
	int r;

	*ended = 0;
	while (nrec < FLAT_SCAN_MAX && s->size - pos >= FLAT_REC_SIZE) {
		unsigned char h[FLAT_REC_SIZE];
		int64_t off, size;
		uint64_t room;

		r = vmc_pread(s->fd, pos, h, FLAT_REC_SIZE);
		if (r < 0)
			return r == -ENODATA ? 0 : r;
		off = be64s(h);
		size = be64s(h + 8);
		if (off == -1 && size == -1) {
			*ended = 1;
			*inner_size = extent;
			return 0;
		}
		if (off < 0 || size < 0) {
			vmcore_set_incomplete(v, "invalid flattened record header at %llu", (unsigned long long)pos);
			return 0;
		}
		room = s->size - pos - FLAT_REC_SIZE;
		r = keep(m, (uint64_t)off, (uint64_t)size > room ? room : (uint64_t)size, pos + FLAT_REC_SIZE);
		if (r < 0)
			return r;
		if ((uint64_t)size > room) {
			vmcore_set_incomplete(v, "the flattened record at %llu (%lld bytes) runs past the end of the file",
					      (unsigned long long)pos, (long long)size);
			return 0;
		}
		if ((uint64_t)off + (uint64_t)size > extent)
			extent = (uint64_t)off + (uint64_t)size;
		pos += FLAT_REC_SIZE + (uint64_t)size;
		nrec++;
	}
	if (nrec < FLAT_SCAN_MAX) {
		vmcore_set_incomplete(v, "the flattened stream has no end marker (cut short)");
		return 0;
	}
	/* too many records to walk: judge the end by the last 16 bytes */
	{
		unsigned char t[FLAT_REC_SIZE];

		r = vmc_pread(s->fd, s->size - FLAT_REC_SIZE, t, FLAT_REC_SIZE);
		if (r < 0 && r != -ENODATA)
			return r;
		if (r < 0 || be64s(t) != -1 || be64s(t + 8) != -1)
			vmcore_set_incomplete(v, "the flattened stream has no end marker (cut short)");
	}
	return 0;
}

int vmc_flat_decode(const struct vmc_src *s, struct vmcore *v, char *err, size_t errlen)
{
	struct flatmap m = { NULL, 0, 0 };
	struct vmc_src inner;
	unsigned char h[32];
	uint64_t inner_size = 0;
	int ended = 0, r;

	v->format = VMCORE_FLAT;
	r = vmc_pread(s->fd, 0, h, sizeof(h));
	if (r < 0 && r != -ENODATA)
		return r;
	if (r == 0 && be64s(h + 16) != 1) {
		snprintf(err, errlen, "not a vmcore: a makedumpfile flattened header of unknown type %lld",
			 (long long)be64s(h + 16));
		return -ENOEXEC;
	}
	if (r < 0 || s->size < FLAT_HDR_SIZE + FLAT_REC_SIZE) {
		vmcore_set_incomplete(v, "the file ends inside the flattened header");
		return 0;
	}
	r = scan(s, v, &m, &inner_size, &ended);
	if (r < 0)
		goto done;
	inner.fd = s->fd;
	inner.size = inner_size;
	inner.size_known = ended;
	inner.map = &m;
	r = vmc_flatmap_read(&m, s->fd, 0, h, 8);
	if (r == -ENODATA) {
		vmcore_set_incomplete(v, "the flattened stream holds no dump header");
		r = 0;
		goto done;
	}
	if (r < 0)
		goto done;
	if (memcmp(h, KDUMP_SIG, 8) == 0) {
		r = vmc_kdump_decode(&inner, v, err, errlen);
	} else if (memcmp(h, "\x7f" "ELF", 4) == 0) {
		r = vmc_elf_decode(&inner, v, err, errlen);
	} else {
		snprintf(err, errlen, "not a vmcore: a makedumpfile flattened stream that holds no dump");
		r = -ENOEXEC;
	}
	v->format = VMCORE_FLAT;
done:
	free(m.rec);
	return r;
}
