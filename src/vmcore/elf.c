/*
 * elf.c - the ELF core reader: /proc/vmcore copies (cp, dd, kdump's raw
 * targets) and makedumpfile -E output, ELF64 and ELF32, either byte order
 * (e_ident[EI_DATA]). Decoded by hand so that every read is bounded.
 *
 *   ELF header           ELF64 (64 bytes)          ELF32 (52 bytes)
 *     e_ident[16]        "\x7fELF" class data version ...
 *     e_type  u16 @16    4 = ET_CORE (2 EXEC, 3 DYN, 1 REL are not dumps)
 *     e_phoff            u64 @32                   u32 @28
 *     e_shoff            u64 @40                   u32 @32
 *     e_phentsize u16    @54 (56)                  @42 (32)
 *     e_phnum u16        @56 (0xffff: in section 0's sh_info)  @44
 *   program header       ELF64 (56 bytes)          ELF32 (32 bytes)
 *     p_type u32 @0      1 PT_LOAD, 4 PT_NOTE
 *     p_offset           u64 @8                    u32 @4
 *     p_paddr            u64 @24                   u32 @12
 *     p_filesz           u64 @32                   u32 @16
 *     p_memsz            u64 @40                   u32 @20
 *   note (both classes): u32 namesz, u32 descsz, u32 type, name, desc,
 *     each padded to 4 bytes. The kernel adds "CORE" NT_PRSTATUS notes (one
 *     per CPU) and "VMCOREINFO" (type 0) whose desc is the KEY=VALUE text.
 *
 * Example (the start of an x86_64 /proc/vmcore):
 *   00000000: 7f45 4c46 0201 0100 0000 0000 0000 0000  .ELF............
 *   00000010: 0400 3e00 0100 0000 0000 0000 0000 0000  ET_CORE, x86-64
 *   00000020: 4000 0000 0000 0000 0000 0000 0000 0000  e_phoff 0x40
 *   00000030: 0000 0000 4000 3800 0200 0000 0000 0000  56-byte phdrs, 2
 *   00000040: 0400 0000 0000 0000 b000 0000 0000 0000  PT_NOTE at 0xb0
 *   then at 0xb0: 0500 0000 5001 0000 0100 0000 434f 5245 "CORE" NT_PRSTATUS
 *   and later:    0b00 0000 760b 0000 0000 0000 564d 434f "VMCOREINFO"
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vmcore/readers.h"

#define ET_REL_ 1
#define ET_EXEC_ 2
#define ET_DYN_ 3
#define ET_CORE_ 4
#define PT_LOAD_ 1
#define PT_NOTE_ 4
#define PN_XNUM_ 0xffff
#define NT_PRPSINFO_ 3
#define NT_AUXV_ 6
#define NT_FILE_ 0x46494c45

#define PHDR_TABLE_MAX (16u << 20)	/* program header bytes we accept */
#define PHDR_CHUNK 256			/* headers decoded per read */
#define NOTES_MAX 100000		/* notes walked per file */

/* What the walk learned about one ELF file. */
struct elfinfo {
	int big, is64;
	unsigned phentsize;
	uint64_t phoff, phnum;
	int filtered;		/* a PT_LOAD with p_filesz < p_memsz */
	int process_core;	/* notes only a user-space core dump has */
	unsigned notes_seen;
};

/* Message for an ELF file that is not a core dump. */
static int not_core(char *err, size_t errlen, unsigned type)
{
	switch (type) {
	case ET_EXEC_:
		snprintf(err, errlen, "not a vmcore: an ELF executable, not a core dump");
		break;
	case ET_DYN_:
		snprintf(err, errlen, "not a vmcore: an ELF shared object or PIE executable, not a core dump");
		break;
	case ET_REL_:
		snprintf(err, errlen, "not a vmcore: an ELF object file, not a core dump");
		break;
	default:
		snprintf(err, errlen, "not a vmcore: an ELF file of type %u, not a core dump", type);
		break;
	}
	return -ENOEXEC;
}

/* Decode e_ident and the ELF header into e. */
/* The uname -m of the dumped machine from e_machine ("" for machines we do not name). */
static void machine_name(unsigned em, int is64, int big, char *out, size_t outlen)
{
	const char *m = "";

	switch (em) {
	case 3: m = "i686"; break;			/* EM_386 */
	case 62: m = "x86_64"; break;			/* EM_X86_64 */
	case 183: m = "aarch64"; break;			/* EM_AARCH64 */
	case 40: m = "armv7l"; break;			/* EM_ARM */
	case 21: m = big ? "ppc64" : "ppc64le"; break;	/* EM_PPC64 */
	case 22: m = is64 ? "s390x" : "s390"; break;	/* EM_S390 */
	default: break;
	}
	snprintf(out, outlen, "%s", m);
}

static int read_ehdr(const struct vmc_src *s, struct vmcore *v, struct elfinfo *e, char *err, size_t errlen)
{
	unsigned char h[64];
	unsigned type;
	int r;

	r = vmc_src_read(s, 0, h, 52);
	if (r == -ENODATA) {
		snprintf(err, errlen, "not a vmcore: a truncated ELF file (no complete ELF header)");
		return -ENOEXEC;
	}
	if (r < 0)
		return r;
	if ((h[4] != 1 && h[4] != 2) || (h[5] != 1 && h[5] != 2) || h[6] != 1) {
		snprintf(err, errlen, "not a vmcore: an ELF file with an invalid identification");
		return -ENOEXEC;
	}
	e->is64 = h[4] == 2;
	e->big = h[5] == 2;
	if (e->is64) {
		r = vmc_src_read(s, 0, h, 64);
		if (r == -ENODATA) {
			snprintf(err, errlen, "not a vmcore: a truncated ELF file (no complete ELF header)");
			return -ENOEXEC;
		}
		if (r < 0)
			return r;
	}
	type = vmc_ld16(h + 16, e->big);
	if (type != ET_CORE_)
		return not_core(err, errlen, type);
	v->format = e->is64 ? VMCORE_ELF64 : VMCORE_ELF32;
	v->elf_class_bits = e->is64 ? 64 : 32;
	v->big_endian = e->big;
	machine_name(vmc_ld16(h + 18, e->big), e->is64, e->big, v->uts_machine, sizeof(v->uts_machine));
	e->phoff = e->is64 ? vmc_ld64(h + 32, e->big) : vmc_ld32(h + 28, e->big);
	e->phentsize = vmc_ld16(h + (e->is64 ? 54 : 42), e->big);
	e->phnum = vmc_ld16(h + (e->is64 ? 56 : 44), e->big);
	if (e->phnum == PN_XNUM_) {
		uint64_t shoff = e->is64 ? vmc_ld64(h + 40, e->big) : vmc_ld32(h + 32, e->big);
		unsigned char sh[4];

		r = vmc_src_read(s, shoff + (e->is64 ? 44 : 28), sh, 4);
		if (r < 0 && r != -ENODATA)
			return r;
		e->phnum = r == 0 ? vmc_ld32(sh, e->big) : 0;
	}
	if (e->phentsize != (e->is64 ? 56u : 32u) || e->phnum == 0 ||
	    e->phnum > PHDR_TABLE_MAX / e->phentsize) {
		snprintf(err, errlen, "not a vmcore: an ELF core with an implausible program header table");
		return -ENOEXEC;
	}
	return 0;
}

/* Read the desc of a VMCOREINFO note into v. */
static int take_vmcoreinfo(const struct vmc_src *s, struct vmcore *v, uint64_t off, uint32_t size)
{
	unsigned char *blob;
	int r;

	if (v->vmcoreinfo || size == 0 || size > VMCOREINFO_MAX)
		return 0;
	blob = malloc(size);
	if (!blob)
		return -ENOMEM;
	r = vmc_src_read(s, off, blob, size);
	if (r == 0)
		r = vmcore_set_vmcoreinfo(v, blob, size);
	else if (r == -ENODATA)
		r = 0;
	free(blob);
	return r;
}

/* Walk the notes of one PT_NOTE segment [off, off+len) (already within the file). */
static int walk_notes(const struct vmc_src *s, struct vmcore *v, struct elfinfo *e, uint64_t off, uint64_t len)
{
	uint64_t pos = 0;

	while (len - pos >= 12 && e->notes_seen < NOTES_MAX) {
		unsigned char nh[12], name[16];
		uint32_t namesz, descsz, type;
		uint64_t name_pad, desc_pad;
		int r;

		r = vmc_src_read(s, off + pos, nh, 12);
		if (r < 0)
			return r == -ENODATA ? 0 : r;
		e->notes_seen++;
		namesz = vmc_ld32(nh, e->big);
		descsz = vmc_ld32(nh + 4, e->big);
		type = vmc_ld32(nh + 8, e->big);
		name_pad = ((uint64_t)namesz + 3) & ~(uint64_t)3;
		desc_pad = ((uint64_t)descsz + 3) & ~(uint64_t)3;
		if (name_pad + desc_pad > len - pos - 12)
			return 0;	/* a note running past its segment ends the walk */
		memset(name, 0, sizeof(name));
		if (namesz > 0 && namesz <= sizeof(name)) {
			r = vmc_src_read(s, off + pos + 12, name, namesz);
			if (r < 0)
				return r == -ENODATA ? 0 : r;
		}
		if (namesz == 11 && memcmp(name, "VMCOREINFO", 11) == 0) {
			r = take_vmcoreinfo(s, v, off + pos + 12 + name_pad, descsz);
			if (r < 0)
				return r;
		} else if (namesz == 5 && memcmp(name, "CORE", 5) == 0 &&
			   (type == NT_PRPSINFO_ || type == NT_AUXV_ || type == NT_FILE_)) {
			e->process_core = 1;
		}
		pos += 12 + name_pad + desc_pad;
	}
	return 0;
}

/* Check one program header against the file; walk its notes if PT_NOTE. */
static int one_phdr(const struct vmc_src *s, struct vmcore *v, struct elfinfo *e,
		    const unsigned char *p, uint64_t phdr_no)
{
	uint32_t type = vmc_ld32(p, e->big);
	uint64_t off, paddr, filesz, memsz;

	if (e->is64) {
		off = vmc_ld64(p + 8, e->big);
		paddr = vmc_ld64(p + 24, e->big);
		filesz = vmc_ld64(p + 32, e->big);
		memsz = vmc_ld64(p + 40, e->big);
	} else {
		off = vmc_ld32(p + 4, e->big);
		paddr = vmc_ld32(p + 12, e->big);
		filesz = vmc_ld32(p + 16, e->big);
		memsz = vmc_ld32(p + 20, e->big);
	}
	if (type != PT_LOAD_ && type != PT_NOTE_)
		return 0;
	if (type == PT_LOAD_ && filesz < memsz)
		e->filtered = 1;
	if (s->size_known && (off > s->size || filesz > s->size - off)) {
		vmcore_set_incomplete(v, "%s segment %llu (physical address 0x%llx) ends at %llu, past the end of the file (%llu bytes)",
				      type == PT_LOAD_ ? "PT_LOAD" : "PT_NOTE",
				      (unsigned long long)phdr_no, (unsigned long long)paddr,
				      (unsigned long long)(off + filesz), (unsigned long long)s->size);
		if (type == PT_NOTE_ && off < s->size)
			return walk_notes(s, v, e, off, s->size - off);
		return 0;
	}
	if (type == PT_NOTE_)
		return walk_notes(s, v, e, off, filesz);
	return 0;
}

/* Walk the program header table in chunks. */
static int walk_phdrs(const struct vmc_src *s, struct vmcore *v, struct elfinfo *e)
{
	unsigned char buf[PHDR_CHUNK * 56];
	uint64_t i = 0;

	if (s->size_known && (e->phoff > s->size || e->phnum * e->phentsize > s->size - e->phoff)) {
		vmcore_set_incomplete(v, "the file ends inside the ELF program headers");
		return 0;
	}
	while (i < e->phnum) {
		uint64_t n = e->phnum - i < PHDR_CHUNK ? e->phnum - i : PHDR_CHUNK, k;
		int r = vmc_src_read(s, e->phoff + i * e->phentsize, buf, (size_t)(n * e->phentsize));

		if (r == -ENODATA) {
			vmcore_set_incomplete(v, "the ELF program headers could not be read in full");
			return 0;
		}
		if (r < 0)
			return r;
		for (k = 0; k < n; k++) {
			r = one_phdr(s, v, e, buf + k * e->phentsize, i + k);
			if (r < 0)
				return r;
		}
		i += n;
	}
	return 0;
}

int vmc_elf_decode(const struct vmc_src *s, struct vmcore *v, char *err, size_t errlen)
{
	struct elfinfo e;
	int r;

	memset(&e, 0, sizeof(e));
	r = read_ehdr(s, v, &e, err, errlen);
	if (r < 0)
		return r;
	r = walk_phdrs(s, v, &e);
	if (r < 0)
		return r;
	if (!v->vmcoreinfo && e.process_core) {
		snprintf(err, errlen, "not a vmcore: a process core dump, not a kernel crash dump");
		return -ENOEXEC;
	}
	/*
	 * Neither /proc/vmcore nor makedumpfile -E records a dump level. A core
	 * whose every PT_LOAD holds all its memory (p_filesz == p_memsz) lost
	 * no page: level 0. A filtered one does not say which level: unknown.
	 */
	v->dump_level = e.filtered ? -1 : 0;
	vmcore_page_size_from_info(v);
	return 0;
}
