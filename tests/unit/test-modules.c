/* test-modules.c - /proc/modules, taint decoding, and module facts from a fake tree. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/modules.h"
#include "read/modules.h"
#include "root.h"
#include "unit.h"
#include "util.h"

#ifndef WITH_KMOD
#define WITH_KMOD 1
#endif

#define MROOT "tests/unit/data/modules/root"
#define EL7 "3.10.0-1160.el7.x86_64"
#define EL6 "2.6.32-754.35.1.el6.x86_64"

/* Parse a NUL-terminated text as /proc/modules. */
static int mods_parse_str(const char *s, struct module_info **m, size_t *n, unsigned *line)
{
	return modules_parse(s, strlen(s), m, n, line);
}

/* A module_info with only its name set, as modules_parse leaves it. */
static struct module_info mod_named(const char *name)
{
	struct module_info m;

	memset(&m, 0, sizeof(m));
	strcpy(m.name, name);
	m.intree = -1;
	return m;
}

TEST(centos7_with_nvidia_as_root)
{
	/* CentOS 7.9 with the NVIDIA driver, read as root. */
	static const char text[] =
		"nvidia_drm 48854 2 - Live 0xffffffffc0a6c000 (POE)\n"
		"nvidia_modeset 1221632 5 nvidia_drm, Live 0xffffffffc1a6b000 (POE)\n"
		"nvidia 35237888 80 nvidia_modeset,nvidia_uvm, Live 0xffffffffc0d5a000 (POE)\n"
		"ext4 579979 2 - Live 0xffffffffc0348000\n"
		"jbd2 107478 1 ext4, Live 0xffffffffc0322000\n"
		"dm_mod 124501 9 dm_mirror,dm_log, Live 0xffffffffc02a0000\n";
	struct module_info *m;
	size_t n;
	unsigned line = 99;

	CHECK_INT(mods_parse_str(text, &m, &n, &line), 0);
	CHECK_INT(n, 6);
	CHECK_STR(m[0].name, "nvidia_drm");
	CHECK_STR(m[0].taint, "POE");
	CHECK_STR(m[2].name, "nvidia");
	CHECK_STR(m[2].taint, "POE");
	CHECK_STR(m[3].name, "ext4");
	CHECK_STR(m[3].taint, "");
	CHECK_STR(m[5].name, "dm_mod");
	CHECK_STR(m[5].license, "");
	CHECK_STR(m[5].path, "");
	CHECK_INT(m[5].intree, -1);
	free(m);
}

TEST(centos6_permanent_and_unprivileged)
{
	/* CentOS 6 as a normal user: zero addresses; ipv6 cannot be unloaded. */
	static const char text[] =
		"vboxdrv 482493 3 vboxnetadp,vboxnetflt,vboxpci, Live 0x0000000000000000 (O)\n"
		"ipv6 336282 48 [permanent], Live 0x0000000000000000\n"
		"vmw_balloon 7199 0 - Live 0x0000000000000000\n"
		"ext4 379655 3 - Live 0x0000000000000000";	/* no trailing newline */
	struct module_info *m;
	size_t n;

	CHECK_INT(mods_parse_str(text, &m, &n, NULL), 0);
	CHECK_INT(n, 4);
	CHECK_STR(m[0].name, "vboxdrv");
	CHECK_STR(m[0].taint, "O");
	CHECK_STR(m[1].name, "ipv6");
	CHECK_STR(m[3].name, "ext4");
	free(m);
}

TEST(loading_unloading_and_no_unload_support)
{
	/* "+" and "-" in the flags mark the state, not a taint. */
	static const char text[] =
		"zfs 3764224 0 - Loading 0xffffffffc0b00000 (POE+)\n"
		"spl 126976 1 zfs, Unloading 0xffffffffc0a00000 (-)\n"
		"fuse 131072 - - Live 0xffffffffc0900000\n"
		"\n"
		"xfs 1499136 -1 - Live 0xffffffffc0800000\r\n";
	struct module_info *m;
	size_t n;

	CHECK_INT(mods_parse_str(text, &m, &n, NULL), 0);
	CHECK_INT(n, 4);
	CHECK_STR(m[0].taint, "POE");
	CHECK_STR(m[1].taint, "");
	CHECK_STR(m[2].name, "fuse");
	CHECK_STR(m[3].name, "xfs");
	free(m);
}

TEST(empty_input)
{
	struct module_info *m = (struct module_info *)1;
	size_t n = 5;

	CHECK_INT(modules_parse("", 0, &m, &n, NULL), 0);
	CHECK_INT(n, 0);
	CHECK(m == NULL);
	CHECK_INT(modules_parse(NULL, 0, &m, &n, NULL), 0);
	CHECK_INT(n, 0);
}

TEST(malformed_lines_are_rejected_with_line_number)
{
	static const char *const bad[] = {
		"ext4 579979 2 - Live\n",				/* no address */
		"ext4 579979 2 - Dead 0xffffffffc0348000\n",		/* unknown state */
		"ext4 579979 2 - Live ffffffffc0348000\n",		/* no 0x */
		"ext4 57x979 2 - Live 0xffffffffc0348000\n",		/* size */
		"ext4 579979 two - Live 0xffffffffc0348000\n",		/* refcount */
		"ext4 579979 2 - Live 0xffffffffc0348000 (poe)\n",	/* lowercase flags */
		"ext4 579979 2 - Live 0xffffffffc0348000 (O) extra\n",	/* too many fields */
		"ext/4 579979 2 - Live 0xffffffffc0348000\n",		/* bad name */
		"ext4 579979 2 - Live 0x1234567890abcdef0\n",		/* address too long */
		"ext4 99999999999999999999999 2 - Live 0x0\n",		/* size too long */
	};
	struct module_info *m;
	size_t n, i;
	unsigned line;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		char text[256];

		snprintf(text, sizeof(text), "jbd2 107478 1 ext4, Live 0xffffffffc0322000\n%s", bad[i]);
		line = 0;
		CHECK_INT(mods_parse_str(text, &m, &n, &line), -EINVAL);
		CHECK_INT(line, 2);
		CHECK(m == NULL);
	}
}

TEST(hostile_input)
{
	static const char with_nul[] = "ext4 579979 2 - Li\0ve 0xffffffffc0348000\n";
	char name[100], *big;
	struct module_info *m;
	size_t n, len = 3u << 20;
	unsigned line;

	CHECK_INT(modules_parse(with_nul, sizeof(with_nul) - 1, &m, &n, &line), -EINVAL);
	CHECK_INT(line, 1);
	/* A name of 64 characters does not fit the 64-byte field with its NUL. */
	memset(name, 'a', 64);
	strcpy(name + 64, " 1 0 - Live 0x0\n");
	CHECK_INT(mods_parse_str(name, &m, &n, &line), -EINVAL);
	memset(name, 'a', 63);
	strcpy(name + 63, " 1 0 - Live 0x0\n");
	CHECK_INT(mods_parse_str(name, &m, &n, &line), 0);
	CHECK_INT(strlen(m[0].name), 63);
	free(m);
	/* A 3 MiB line of one field. */
	big = malloc(len);
	memset(big, 'x', len);
	CHECK_INT(modules_parse(big, len, &m, &n, &line), -EINVAL);
	/* Many short valid lines grow the array. */
	{
		size_t i, off = 0;

		for (i = 0; i < 1000; i++)
			off += (size_t)snprintf(big + off, len - off, "m%zu 16384 0 - Live 0x0\n", i);
		CHECK_INT(modules_parse(big, off, &m, &n, &line), 0);
		CHECK_INT(n, 1000);
		CHECK_STR(m[999].name, "m999");
		free(m);
	}
	free(big);
}

TEST(taint_decode_real_masks)
{
	char letters[64], desc[512];

	taint_decode(0, letters, sizeof(letters), desc, sizeof(desc));
	CHECK_STR(letters, "");
	CHECK_STR(desc, "");
	/* NVIDIA driver on CentOS 7: P and O. */
	taint_decode(4097, letters, sizeof(letters), desc, sizeof(desc));
	CHECK_STR(letters, "PO");
	CHECK_STR(desc, "proprietary module, out-of-tree module");
	/* The same on Debian 12 with Secure Boot off: P, O and E (12289). */
	taint_decode(12289, letters, sizeof(letters), desc, sizeof(desc));
	CHECK_STR(letters, "POE");
	/* After an oops and a warning: D and W (0x280). */
	taint_decode(0x280, letters, sizeof(letters), desc, sizeof(desc));
	CHECK_STR(letters, "DW");
	CHECK_STR(desc, "kernel died (oops or BUG), kernel warning");
	/* Soft lockup L (bit 14), live patch K (bit 15). */
	taint_decode((1u << 14) | (1u << 15), letters, sizeof(letters), desc, sizeof(desc));
	CHECK_STR(letters, "LK");
}

TEST(taint_decode_newest_vendor_and_unknown_bits)
{
	char letters[64], desc[512];

	taint_decode((1u << 16) | (1u << 17) | (1u << 18) | (1u << 19), letters, sizeof(letters),
		     desc, sizeof(desc));
	CHECK_STR(letters, "XTNJ");
	/* Red Hat: 28 unsupported hardware, 29 technology preview. */
	taint_decode((1u << 28) | (1u << 29), letters, sizeof(letters), desc, sizeof(desc));
	CHECK_STR(letters, "HT");
	CHECK_STR(desc, "unsupported hardware (Red Hat), technology preview (Red Hat)");
	taint_decode(((uint64_t)1 << 40) | (1u << 21) | 1, letters, sizeof(letters), desc, sizeof(desc));
	CHECK_STR(letters, "P");
	CHECK_STR(desc, "proprietary module, bit 21, bit 40");
}

TEST(taint_decode_small_buffers)
{
	char letters[3], desc[10];

	taint_decode(UINT64_MAX, letters, sizeof(letters), desc, sizeof(desc));
	CHECK_STR(letters, "PF");
	CHECK_STR(desc, "proprieta");
	taint_decode(UINT64_MAX, NULL, 0, NULL, 0);
	taint_decode(1, letters, 0, desc, 1);
	CHECK_STR(desc, "");
}

TEST(facts_from_centos7_tree)
{
	struct root *r;
	struct module_info m[8];
	const char *dir = "/lib/modules/" EL7;
	char want[256];

	m[0] = mod_named("ext4");
	m[1] = mod_named("dm_mod");	/* file dm-mod.ko */
	m[2] = mod_named("nvidia");
	m[3] = mod_named("zfs");	/* in modules.dep, file removed */
	m[4] = mod_named("broken");	/* not an ELF file */
	m[5] = mod_named("vfat");	/* not in modules.dep */
	m[6] = mod_named("jbd2");
	m[7] = mod_named("vboxdrv");	/* compressed .ko.xz */
	CHECK_INT(root_new(MROOT, &r), 0);
	CHECK_INT(modules_facts(r, EL7, m, 8), 0);

	snprintf(want, sizeof(want), "%s/kernel/fs/ext4/ext4.ko", dir);
	CHECK_STR(m[0].path, want);
	CHECK_STR(m[0].license, "GPL");
	CHECK_INT(m[0].intree, 1);
	snprintf(want, sizeof(want), "%s/kernel/drivers/md/dm-mod.ko", dir);
	CHECK_STR(m[1].path, want);
	CHECK_STR(m[1].license, "GPL");
	CHECK_INT(m[1].intree, 1);
	snprintf(want, sizeof(want), "%s/extra/nvidia.ko", dir);
	CHECK_STR(m[2].path, want);
	CHECK_STR(m[2].license, "NVIDIA");
	CHECK_INT(m[2].intree, 0);
	snprintf(want, sizeof(want), "%s/extra/zfs/zfs.ko", dir);
	CHECK_STR(m[3].path, want);
	CHECK_STR(m[3].license, "");
	CHECK_INT(m[3].intree, -1);
	snprintf(want, sizeof(want), "%s/extra/broken.ko", dir);
	CHECK_STR(m[4].path, want);
	CHECK_STR(m[4].license, "");
	CHECK_INT(m[4].intree, -1);
	CHECK_STR(m[5].path, "");
	CHECK_STR(m[5].license, "");
	CHECK_INT(m[5].intree, -1);
	CHECK_STR(m[6].license, "GPL");
	snprintf(want, sizeof(want), "%s/extra/vboxdrv.ko.xz", dir);
	CHECK_STR(m[7].path, want);
#if WITH_KMOD
	/* libkmod reads it when built with xz support. */
	CHECK(m[7].license[0] == '\0' || strcmp(m[7].license, "GPL") == 0);
	CHECK(m[7].intree == (m[7].license[0] ? 0 : -1));
#else
	CHECK_STR(m[7].license, "");
	CHECK_INT(m[7].intree, -1);
#endif
	root_free(r);
}

TEST(facts_from_centos6_tree_have_no_intree_tag)
{
	struct root *r;
	struct module_info m[2];

	m[0] = mod_named("ext4");
	m[1] = mod_named("vmxnet3");
	CHECK_INT(root_new(MROOT, &r), 0);
	CHECK_INT(modules_facts(r, EL6, m, 2), 0);
	CHECK_STR(m[0].path, "/lib/modules/" EL6 "/kernel/fs/ext4/ext4.ko");
	CHECK_STR(m[0].license, "GPL");
	/* 2.6.32 predates the tag: its absence says nothing. */
	CHECK_INT(m[0].intree, -1);
	CHECK_STR(m[1].path, "/lib/modules/" EL6 "/weak-updates/vmware/vmxnet3.ko");
	CHECK_STR(m[1].license, "GPL v2");
	CHECK_INT(m[1].intree, -1);
	root_free(r);
}

TEST(facts_parsed_list_end_to_end)
{
	static const char text[] =
		"nvidia 35237888 80 nvidia_modeset,nvidia_uvm, Live 0xffffffffc0d5a000 (POE)\n"
		"ext4 579979 2 - Live 0x0000000000000000\n";
	struct root *r;
	struct module_info *m;
	size_t n;

	CHECK_INT(mods_parse_str(text, &m, &n, NULL), 0);
	CHECK_INT(root_new(MROOT, &r), 0);
	CHECK_INT(modules_facts(r, EL7, m, n), 0);
	CHECK_STR(m[0].taint, "POE");
	CHECK_STR(m[0].license, "NVIDIA");
	CHECK_INT(m[0].intree, 0);
	CHECK_STR(m[1].license, "GPL");
	CHECK_INT(m[1].intree, 1);
	root_free(r);
	free(m);
}

TEST(facts_errors)
{
	struct root *r;
	struct module_info m[1];

	m[0] = mod_named("ext4");
	CHECK_INT(root_new(MROOT, &r), 0);
	CHECK_INT(modules_facts(r, "4.18.0-553.el8_10.x86_64", m, 1), -ENOENT);
	CHECK_INT(modules_facts(r, "../../etc", m, 1), -EINVAL);
	CHECK_INT(modules_facts(r, "", m, 1), -EINVAL);
	CHECK_INT(modules_facts(r, NULL, m, 1), -EINVAL);
	CHECK_INT(modules_facts(r, EL7, m, 0), 0);
	root_free(r);
}

UNIT_MAIN(T(centos7_with_nvidia_as_root), T(centos6_permanent_and_unprivileged),
	  T(loading_unloading_and_no_unload_support), T(empty_input),
	  T(malformed_lines_are_rejected_with_line_number), T(hostile_input),
	  T(taint_decode_real_masks), T(taint_decode_newest_vendor_and_unknown_bits),
	  T(taint_decode_small_buffers), T(facts_from_centos7_tree),
	  T(facts_from_centos6_tree_have_no_intree_tag), T(facts_parsed_list_end_to_end),
	  T(facts_errors))
