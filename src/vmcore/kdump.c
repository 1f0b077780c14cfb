/*
 * kdump.c - the kdump-compressed (makedumpfile "diskdump") format reader.
 *
 * The file is a sequence of blocks of block_size bytes (the dumped kernel's
 * page size). Structures are written in the DUMPED machine's native layout:
 * its byte order (x86_64/i386/aarch64 little, s390x/ppc64 big endian) and its
 * word size (the timeval and the unsigned longs of the sub-header are 4 or 8
 * bytes). Offsets below are for 64-bit / 32-bit (i386) dumps.
 *
 *   block 0  disk_dump_header
 *     0    8  signature "KDUMP   "
 *     8    4  header_version (1..6+; decides which sub-header fields exist)
 *    12  390  utsname: sysname nodename release version machine domainname, 65 each
 *   408/404   timestamp: tv_sec, tv_usec (8+8 bytes / 4+4 bytes)
 *   424/412 4 status: 0x1 zlib, 0x2 lzo, 0x4 snappy, 0x8 incomplete,
 *                     0x10 excluded vmemmap, 0x20 zstd
 *   428/416 4 block_size        432/420 4 sub_hdr_size (blocks)
 *   436/424 4 bitmap_blocks     440/428 4 max_mapnr (32-bit; see max_mapnr_64)
 *   444/432 4 total_ram_blocks  448/436 4 device_blocks
 *   452/440 4 written_blocks    456/444 4 current_cpu   460/448 4 nr_cpus
 *   block 1  kdump_sub_header (sub_hdr_size blocks, also holding the ELF notes)
 *     64-bit      i386        field                version
 *     0   8       0   4       phys_base            1
 *     8   4       4   4       dump_level           1
 *    12   4       8   4       split                2
 *    16   8      12   4       start_pfn, end_pfn   2   (24/8, 16/4)
 *    32   8      20   8       offset_vmcoreinfo    3   (off_t is 64-bit)
 *    40   8      28   4       size_vmcoreinfo      3
 *    48/56       32/40        offset_note, size_note        4
 *    64/72       44/52        offset_eraseinfo, size        5
 *    80/88/96    56/64/72     start_pfn_64, end_pfn_64, max_mapnr_64 (8 each) 6
 *   (32-bit ARM aligns 64-bit fields to 8: offset_vmcoreinfo at 24, etc.)
 *   then bitmap_blocks blocks of two page bitmaps, then the page descriptor
 *   table, one 24-byte {u64 offset, u32 size, u32 flags, u64 page_flags} per
 *   dumped page, then the page data. makedumpfile writes a shared zero page
 *   first in the data area, so the first descriptor points at the end of
 *   the table or one page after it.
 *
 * Example (makedumpfile 1.7.2 -c -d 31 of a 6.1 x86_64 guest):
 *   00000000: 4b44 554d 5020 2020 0600 0000 4c69 6e75  KDUMP   ....Linu
 *   00000198: 05f6 5966 0000 0000 0000 0000 0000 0000  tv_sec 0x6659f605
 *   000001a8: 0100 0000 0010 0000 0100 0000 0200 0000  zlib, 4096, 1, 2
 *   00001000: 0000 0000 0000 0000 1f00 0000 0000 0000  phys_base 0, level 31
 *   00001020: 8010 0000 0000 0000 760b 0000 0000 0000  vmcoreinfo @0x1080, 0xb76
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vmcore/readers.h"

#define HDR64_SIZE 464
#define HDR32_SIZE 452
#define UTS_OFF 12
#define UTS_LEN 65
#define DESC_SIZE 24
#define TAIL_DESCS 64	/* descriptors read at the end of the table */

#define DH_ZLIB 0x1
#define DH_LZO 0x2
#define DH_SNAPPY 0x4
#define DH_INCOMPLETE 0x8
#define DH_ZSTD 0x20

/* Field offsets of one machine layout. */
struct layout {
	int bits;		/* 32 or 64 */
	unsigned ts_off, ts_len, status_off, hdr_size;
	unsigned sub_level, sub_split, sub_vmci_off, sub_vmci_size, sub_mapnr64, sub_size;
	unsigned word;		/* size of an unsigned long */
};

static const struct layout lay64 = { 64, 408, 8, 424, HDR64_SIZE, 8, 12, 32, 40, 96, 104, 8 };
static const struct layout lay32 = { 32, 404, 4, 412, HDR32_SIZE, 4, 8, 20, 28, 72, 80, 4 };
static const struct layout lay32a8 = { 32, 404, 4, 412, HDR32_SIZE, 4, 8, 24, 32, 88, 96, 4 };

/* The decoded header fields we use. */
struct dh {
	int version;
	uint32_t status, block_size, sub_hdr_size, bitmap_blocks, max_mapnr;
	int64_t tv_sec;
};

/* Copy a fixed 65-byte utsname field, NUL-terminated. */
static void copy_uts(char *dst, const unsigned char *src)
{
	size_t n = 0;

	while (n < UTS_LEN - 1 && src[n])
		n++;
	memcpy(dst, src, n);
	dst[n] = '\0';
}

/* 64 (1), 32 (0) or unknown (-1) word size from a utsname machine. */
static int machine_is_64(const char *m)
{
	static const char *const m64[] = { "x86_64", "aarch64", "ppc64", "ppc64le", "s390x",
		"mips64", "riscv64", "loongarch64", "sparc64", "ia64", "alpha", "arm64" };
	static const char *const m32[] = { "i386", "i486", "i586", "i686", "s390", "ppc", "mips",
		"riscv32", "sparc", "sh" };
	size_t i;

	for (i = 0; i < sizeof(m64) / sizeof(m64[0]); i++)
		if (strcmp(m, m64[i]) == 0)
			return 1;
	for (i = 0; i < sizeof(m32) / sizeof(m32[0]); i++)
		if (strcmp(m, m32[i]) == 0)
			return 0;
	if (strncmp(m, "arm", 3) == 0)
		return 0;
	return -1;
}

/* A block size makedumpfile could have written: a power of two, 512 B to 1 MiB. */
static int sane_block(uint32_t b)
{
	return b >= 512 && b <= (1U << 20) && (b & (b - 1)) == 0;
}

/* Decode the header fields at one layout's offsets. */
static void decode_dh(const unsigned char *h, const struct layout *l, int big, struct dh *d)
{
	unsigned o = l->status_off;

	d->version = (int)vmc_ld32(h + 8, big);
	d->tv_sec = l->ts_len == 8 ? (int64_t)vmc_ld64(h + l->ts_off, big)
				   : (int64_t)(int32_t)vmc_ld32(h + l->ts_off, big);
	d->status = vmc_ld32(h + o, big);
	d->block_size = vmc_ld32(h + o + 4, big);
	d->sub_hdr_size = vmc_ld32(h + o + 8, big);
	d->bitmap_blocks = vmc_ld32(h + o + 12, big);
	d->max_mapnr = vmc_ld32(h + o + 16, big);
}

/* Whether decoded fields are plausible for a real header. */
static int plausible(const struct dh *d)
{
	return sane_block(d->block_size) && d->sub_hdr_size < (1U << 20) &&
	       d->bitmap_blocks < (1U << 30);
}

/* The compression named by the status flags. */
static const char *compression_name(uint32_t status)
{
	if (status & DH_ZLIB)
		return "zlib";
	if (status & DH_LZO)
		return "lzo";
	if (status & DH_SNAPPY)
		return "snappy";
	if (status & DH_ZSTD)
		return "zstd";
	return "none";
}

/* Read the sub-header: dump level and the VMCOREINFO blob. */
static int read_sub_header(const struct vmc_src *s, struct vmcore *v, const struct layout *l,
			   const struct dh *d, uint64_t *mapnr)
{
	unsigned char sub[128];
	uint64_t voff, vsize;
	unsigned char *blob;
	int r;

	r = vmc_src_read(s, d->block_size, sub, l->sub_size);
	if (r == -ENODATA) {
		vmcore_set_incomplete(v, "the file ends inside the kdump sub-header");
		return 0;
	}
	if (r < 0)
		return r;
	v->dump_level = (int)vmc_ld32(sub + l->sub_level, v->big_endian);
	if (v->dump_level < 0 || v->dump_level > 31)
		v->dump_level = -1;
	if (d->version >= 6)
		*mapnr = vmc_ld64(sub + l->sub_mapnr64, v->big_endian);
	if (d->version < 3)
		return 0;
	voff = vmc_ld64(sub + l->sub_vmci_off, v->big_endian);
	vsize = l->word == 8 ? vmc_ld64(sub + l->sub_vmci_size, v->big_endian)
			     : vmc_ld32(sub + l->sub_vmci_size, v->big_endian);
	if (vsize == 0 || vsize > VMCOREINFO_MAX || voff < d->block_size)
		return 0;
	if (s->size_known && (voff > s->size || vsize > s->size - voff)) {
		vmcore_set_incomplete(v, "the VMCOREINFO blob (offset %llu, %llu bytes) runs past the end of the file",
				      (unsigned long long)voff, (unsigned long long)vsize);
		return 0;
	}
	blob = malloc((size_t)vsize);
	if (!blob)
		return -ENOMEM;
	r = vmc_src_read(s, voff, blob, (size_t)vsize);
	if (r == 0)
		r = vmcore_set_vmcoreinfo(v, blob, (size_t)vsize);
	else if (r == -ENODATA)
		r = 0;
	free(blob);
	return r;
}

/* Whether all n bytes are zero. */
static int all_zero(const unsigned char *b, size_t n)
{
	while (n--)
		if (*b++)
			return 0;
	return 1;
}

/*
 * Check the bitmaps, the page descriptor table and the data it points to
 * against the file size. Reads the first and the last few descriptors only.
 */
static int check_extent(const struct vmc_src *s, struct vmcore *v, const struct dh *d, uint64_t mapnr)
{
	uint64_t bs = d->block_size, table = (1 + (uint64_t)d->sub_hdr_size + d->bitmap_blocks) * bs;
	uint64_t first_off, delta, ndesc, tail, i, end_max = 0;
	unsigned char buf[TAIL_DESCS * DESC_SIZE];
	int r;

	if (!s->size_known)
		return 0;
	if (s->size < table) {
		vmcore_set_incomplete(v, "the file (%llu bytes) ends inside the page bitmaps, which end at %llu",
				      (unsigned long long)s->size, (unsigned long long)table);
		return 0;
	}
	r = vmc_src_read(s, table, buf, DESC_SIZE);
	if (r == -ENODATA) {
		vmcore_set_incomplete(v, "the file ends before the page descriptor table at %llu",
				      (unsigned long long)table);
		return 0;
	}
	if (r < 0)
		return r;
	if (all_zero(buf, DESC_SIZE)) {
		vmcore_set_incomplete(v, "the page descriptor table at %llu was never written",
				      (unsigned long long)table);
		return 0;
	}
	first_off = vmc_ld64(buf, v->big_endian);
	if (first_off <= table)
		return 0;	/* not makedumpfile's layout: no claim either way */
	delta = first_off - table;
	if (delta % DESC_SIZE != 0 && delta > bs && (delta - bs) % DESC_SIZE == 0)
		delta -= bs;	/* the zero page comes first; this page follows it */
	if (delta % DESC_SIZE != 0)
		return 0;
	ndesc = delta / DESC_SIZE;
	if (ndesc == 0 || (mapnr && ndesc > mapnr))
		return 0;
	if (s->size < table + delta) {
		vmcore_set_incomplete(v, "the file (%llu bytes) ends inside the page descriptor table, which ends at %llu",
				      (unsigned long long)s->size, (unsigned long long)(table + delta));
		return 0;
	}
	tail = ndesc < TAIL_DESCS ? ndesc : TAIL_DESCS;
	r = vmc_src_read(s, table + (ndesc - tail) * DESC_SIZE, buf, (size_t)tail * DESC_SIZE);
	if (r < 0)
		return r == -ENODATA ? 0 : r;
	if (all_zero(buf + (tail - 1) * DESC_SIZE, DESC_SIZE)) {
		vmcore_set_incomplete(v, "the last page descriptor was never written");
		return 0;
	}
	for (i = 0; i < tail; i++) {
		uint64_t off = vmc_ld64(buf + i * DESC_SIZE, v->big_endian);
		uint64_t size = vmc_ld32(buf + i * DESC_SIZE + 8, v->big_endian);

		if (off <= UINT64_MAX - size && off + size > end_max)
			end_max = off + size;
	}
	if (end_max > s->size)
		vmcore_set_incomplete(v, "the last pages' data ends at %llu, past the end of the file (%llu bytes)",
				      (unsigned long long)end_max, (unsigned long long)s->size);
	return 0;
}

/* Choose the byte order from header_version; 0 or -1 when neither is plausible. */
static int detect_order(const unsigned char *h, int *big)
{
	uint32_t le = vmc_ld32(h + 8, 0), be = vmc_ld32(h + 8, 1);

	if (le >= 1 && le <= 255)
		*big = 0;
	else if (be >= 1 && be <= 255)
		*big = 1;
	else
		return -1;
	return 0;
}

/* Pick the layout from the machine name, else from which one is plausible. */
static const struct layout *pick_layout(const unsigned char *h, size_t n, const char *machine, int big)
{
	struct dh d;
	int w = machine_is_64(machine);

	if (w == 1)
		return &lay64;
	if (w == 0)
		return strncmp(machine, "arm", 3) == 0 ? &lay32a8 : &lay32;
	if (n >= HDR64_SIZE) {
		decode_dh(h, &lay64, big, &d);
		if (plausible(&d))
			return &lay64;
	}
	decode_dh(h, &lay32, big, &d);
	return plausible(&d) ? &lay32 : NULL;
}

int vmc_kdump_decode(const struct vmc_src *s, struct vmcore *v, char *err, size_t errlen)
{
	unsigned char h[HDR64_SIZE];
	const struct layout *l;
	struct dh d;
	uint64_t mapnr;
	size_t n;
	int r;

	v->format = VMCORE_KDUMP;
	n = s->size_known && s->size < HDR64_SIZE ? (size_t)s->size : HDR64_SIZE;
	memset(h, 0, sizeof(h));
	r = vmc_src_read(s, 0, h, n);
	if (r == -ENODATA && !s->size_known)
		r = vmc_src_read(s, 0, h, n = HDR32_SIZE);
	if (r < 0 && r != -ENODATA)
		return r;
	if (r == -ENODATA || n < UTS_OFF) {
		vmcore_set_incomplete(v, "the file ends inside the diskdump header");
		return 0;
	}
	if (detect_order(h, &v->big_endian) < 0) {
		snprintf(err, errlen, "not a vmcore: a KDUMP signature with an invalid header version %d",
			 (int)vmc_ld32(h + 8, 0));
		return -ENOEXEC;
	}
	if (n < UTS_OFF + 6 * UTS_LEN) {
		vmcore_set_incomplete(v, "the file ends inside the diskdump header");
		return 0;
	}
	copy_uts(v->uts_nodename, h + UTS_OFF + UTS_LEN);
	copy_uts(v->uts_release, h + UTS_OFF + 2 * UTS_LEN);
	copy_uts(v->uts_machine, h + UTS_OFF + 4 * UTS_LEN);
	l = pick_layout(h, n, v->uts_machine, v->big_endian);
	if (!l) {
		snprintf(err, errlen, "not a vmcore: a KDUMP signature with an implausible header");
		return -ENOEXEC;
	}
	if (n < l->hdr_size) {
		/* only a cut file leaves fewer bytes than a whole header */
		vmcore_set_incomplete(v, "the file ends inside the diskdump header");
		return 0;
	}
	decode_dh(h, l, v->big_endian, &d);
	if (!plausible(&d)) {
		snprintf(err, errlen, "not a vmcore: a KDUMP signature with an implausible header (block size %u)",
			 d.block_size);
		return -ENOEXEC;
	}
	v->page_size = d.block_size;
	v->header_time = d.tv_sec > 0 ? d.tv_sec : 0;
	v->compression = compression_name(d.status);
	if (d.status & DH_INCOMPLETE)
		vmcore_set_incomplete(v, "the dump header carries the incomplete flag (the writer ran out of space or was stopped)");
	mapnr = d.max_mapnr;
	r = read_sub_header(s, v, l, &d, &mapnr);
	if (r < 0)
		return r;
	r = check_extent(s, v, &d, mapnr);
	if (r < 0)
		return r;
	vmcore_page_size_from_info(v);
	return 0;
}
