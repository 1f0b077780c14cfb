/*
 * elfnote.c - the GNU build-id from raw ELF notes and from ELF files.
 *
 * Bounds: every note's sizes are checked against the buffer before use (a
 * note cannot point outside it); a build-id is at most BUILDID_MAX bytes.
 */
/*
 * /sys/kernel/notes is the kernel's .notes section copied out as is: a bare
 * run of ELF notes with no ELF header, in the byte order of the kernel
 * (little-endian on x86_64, big-endian on s390x and ppc64). Each note is
 *
 *   +0   namesz  u32  length of the name, including its NUL
 *   +4   descsz  u32  length of the descriptor
 *   +8   type    u32  3 = NT_GNU_BUILD_ID when the name is "GNU"
 *   +12  name    namesz bytes, then zero padding to a multiple of 4
 *   ...  desc    descsz bytes, then zero padding to a multiple of 4
 *
 * A build-id note of an x86_64 kernel (little-endian, SHA-1 build-id):
 *
 *   04 00 00 00  14 00 00 00  03 00 00 00  47 4e 55 00
 *   namesz=4     descsz=20    type=3       "GNU\0"
 *   e4 f1 8d 9d c1 d0 e6 fc 2b 17 e9 3e 88 5a 64 7b 3c 0a 6f c1
 *   desc: the build-id, printed as e4f18d9dc1d0e6fc2b17e93e885a647b3c0a6fc1
 *
 * followed by the kernel's other notes ("Linux", "Xen" ...). On a big-endian
 * kernel the same note starts 00 00 00 04 00 00 00 14 00 00 00 03. The byte
 * order is not written anywhere: we walk the run in little-endian first and
 * take it when every length fits the buffer exactly, else big-endian. Any
 * length that runs past the buffer makes the whole run invalid.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

#include <gelf.h>
#include <libelf.h>

#include "parse/elfnote.h"

#define NOTE_HDR 12u
#define GNU_BUILD_ID 3u

/* Read a 32-bit word in the given byte order (1 = big-endian). */
static uint32_t get32(const unsigned char *p, int big)
{
	if (big)
		return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
	return (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Write n bytes as lowercase hex; -ERANGE when hex is too small. */
static int to_hex(const unsigned char *p, size_t n, char *hex, size_t hexlen)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	if (!hex || hexlen < 2 * n + 1)
		return -ERANGE;
	for (i = 0; i < n; i++) {
		hex[2 * i] = digits[p[i] >> 4];
		hex[2 * i + 1] = digits[p[i] & 15];
	}
	hex[2 * n] = '\0';
	return 0;
}

/* Whether a note is the GNU build-id note. */
static int is_build_id(const unsigned char *name, uint32_t namesz, uint32_t type)
{
	return type == GNU_BUILD_ID && namesz == 4 && memcmp(name, "GNU", 4) == 0;
}

/* Whether the bytes from p to end are all zero (padding after the last note). */
static int all_zero(const unsigned char *p, size_t n)
{
	while (n--)
		if (*p++)
			return 0;
	return 1;
}

/*
 * Walk a run of notes in one byte order. Returns 0 when the run is well
 * formed (with desc and descsz set to the build-id when there is one) or -EINVAL.
 */
static int walk_notes(const unsigned char *buf, size_t len, int big,
		      const unsigned char **desc, size_t *descsz)
{
	size_t off = 0;

	*desc = NULL;
	*descsz = 0;
	while (len - off >= NOTE_HDR) {
		uint32_t nsz = get32(buf + off, big);
		uint32_t dsz = get32(buf + off + 4, big);
		uint32_t type = get32(buf + off + 8, big);
		size_t rem = len - off - NOTE_HDR, npad, dpad;
		const unsigned char *name = buf + off + NOTE_HDR;

		if (nsz > rem)
			return -EINVAL;
		npad = ((size_t)nsz + 3) & ~(size_t)3;
		if (npad > rem)
			return -EINVAL;
		rem -= npad;
		if (dsz > rem)
			return -EINVAL;
		dpad = ((size_t)dsz + 3) & ~(size_t)3;
		if (dpad > rem)
			dpad = rem;	/* the last note may lack its padding */
		if (!*desc && is_build_id(name, nsz, type)) {
			*desc = name + npad;
			*descsz = dsz;
		}
		off += NOTE_HDR + npad + dpad;
	}
	if (off < len && !all_zero(buf + off, len - off))
		return -EINVAL;
	return 0;
}

int buildid_from_notes(const unsigned char *buf, size_t len, char *hex, size_t hexlen)
{
	const unsigned char *desc;
	size_t dsz;
	int le;

	if (!buf || len == 0)
		return -ENOENT;
	le = walk_notes(buf, len, 0, &desc, &dsz);
	if (le < 0 || !desc) {
		const unsigned char *bdesc;
		size_t bdsz;
		int be = walk_notes(buf, len, 1, &bdesc, &bdsz);

		if (be == 0 && bdesc) {
			desc = bdesc;
			dsz = bdsz;
		} else if (le < 0 && be < 0) {
			return -EINVAL;
		}
	}
	if (!desc)
		return -ENOENT;
	if (dsz == 0 || dsz > BUILDID_MAX)
		return -EINVAL;
	return to_hex(desc, dsz, hex, hexlen);
}

/* Look for the build-id in one block of notes libelf has converted to host order. */
static int scan_note_data(Elf_Data *data, char *hex, size_t hexlen)
{
	size_t off = 0, next, name_off, desc_off;
	GElf_Nhdr nh;

	if (!data || !data->d_buf)
		return -ENOENT;
	while (off < data->d_size && (next = gelf_getnote(data, off, &nh, &name_off, &desc_off)) > 0) {
		const unsigned char *base = data->d_buf;

		/* Do not trust older libelf to have checked the lengths. */
		if (name_off > data->d_size || nh.n_namesz > data->d_size - name_off ||
		    desc_off > data->d_size || nh.n_descsz > data->d_size - desc_off)
			return -EINVAL;
		if (is_build_id(base + name_off, nh.n_namesz, nh.n_type)) {
			if (nh.n_descsz == 0 || nh.n_descsz > BUILDID_MAX)
				return -EINVAL;
			return to_hex(base + desc_off, nh.n_descsz, hex, hexlen);
		}
		if (next <= off)
			break;
		off = next;
	}
	return -ENOENT;
}

/* The build-id from the SHT_NOTE sections. */
static int from_sections(Elf *elf, char *hex, size_t hexlen)
{
	Elf_Scn *scn = NULL;
	int ret = -ENOENT;

	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		GElf_Shdr sh;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_NOTE)
			continue;
		ret = scan_note_data(elf_getdata(scn, NULL), hex, hexlen);
		if (ret != -ENOENT)
			return ret;
	}
	return -ENOENT;
}

/* The build-id from the PT_NOTE segments (files without section headers). */
static int from_segments(Elf *elf, char *hex, size_t hexlen)
{
	GElf_Ehdr eh;
	size_t i;
	int ret;

	if (!gelf_getehdr(elf, &eh))
		return -EINVAL;
	for (i = 0; i < eh.e_phnum; i++) {
		GElf_Phdr ph;
		Elf_Data *d;

		/* Headers or notes the file is too short to hold: truncated. */
		if (!gelf_getphdr(elf, (int)i, &ph))
			return -EINVAL;
		if (ph.p_type != PT_NOTE || ph.p_filesz == 0)
			continue;
		d = elf_getdata_rawchunk(elf, (off_t)ph.p_offset, (size_t)ph.p_filesz, ELF_T_NHDR);
		if (!d)
			return -EINVAL;
		ret = scan_note_data(d, hex, hexlen);
		if (ret != -ENOENT)
			return ret;
	}
	return -ENOENT;
}

int buildid_from_elf_fd(int fd, char *hex, size_t hexlen)
{
	Elf *elf;
	int ret;

	if (fd < 0)
		return -EBADF;
	if (elf_version(EV_CURRENT) == EV_NONE)
		return -ENOSYS;
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf)
		return -EINVAL;
	if (elf_kind(elf) != ELF_K_ELF) {
		ret = -EINVAL;
		goto done;
	}
	ret = from_sections(elf, hex, hexlen);
	if (ret == -ENOENT)
		ret = from_segments(elf, hex, hexlen);
done:
	elf_end(elf);
	return ret;
}
