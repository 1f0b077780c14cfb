/* test-grub.c - GRUB legacy, GRUB 2, grubenv parsers and entry selection on real host files. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/grub.h"
#include "unit.h"
#include "util.h"

#define U "3f6c2a1e-8b4d-4e7a-9c15-2d8e6f0b7a93"
#define C7ID "gnulinux-3.10.0-1160.el7.x86_64-advanced-6a1c3f0e-5b8d-4c2a-9f37-1e2d4b6c8a90"

/* Read tests/unit/data/grub/<name>, found next to this source file, into a new buffer. */
static char *fixture(const char *name, size_t *len)
{
	const char *slash = strrchr(__FILE__, '/');
	int n = slash ? (int)(slash - __FILE__) : 1;
	char path[512];
	FILE *f;
	char *buf;
	long sz;

	snprintf(path, sizeof(path), "%.*s/data/grub/%s", n, slash ? __FILE__ : ".", name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)sz + 1);
	*len = fread(buf, 1, (size_t)sz, f);
	buf[*len] = '\0';
	fclose(f);
	return buf;
}

/* Parse a fixture as grub.cfg (legacy = 0) or grub.conf (legacy = 1). */
static int parse_fixture(const char *name, int legacy, struct grub_menu *m, unsigned *errline)
{
	size_t len = 0;
	char *t = fixture(name, &len);
	int r;

	if (!t)
		return -1000;
	r = legacy ? grub_legacy_parse(t, len, m, errline) : grub2_cfg_parse(t, len, m, errline);
	free(t);
	return r;
}

/* Parse a string as grub.cfg. */
static int cfg(const char *s, struct grub_menu *m, unsigned *errline)
{
	return grub2_cfg_parse(s, strlen(s), m, errline);
}

/* Parse a string as grub.conf. */
static int leg(const char *s, struct grub_menu *m, unsigned *errline)
{
	return grub_legacy_parse(s, strlen(s), m, errline);
}

/* ------------------------------------------------------------ legacy */

TEST(legacy_centos6_anaconda)
{
	struct grub_menu m;
	unsigned el = 99;
	int ok;

	CHECK_INT(parse_fixture("centos6-grub.conf", 1, &m, &el), 0);
	CHECK_INT(el, 0);
	ok = m.n == 2 && m.legacy == 1 && m.has_next_entry_logic == 0;
	if (ok) {
		CHECK_STR(m.default_spec, "0");
		CHECK_INT(m.default_line, 10);
		CHECK_STR(m.entries[0].title, "CentOS (2.6.32-754.35.1.el6.x86_64)");
		CHECK_STR(m.entries[0].kernel, "/vmlinuz-2.6.32-754.35.1.el6.x86_64");
		CHECK_STR(m.entries[0].args, "ro root=/dev/mapper/vg_db01-lv_root rd_NO_LUKS LANG=en_US.UTF-8 "
			  "rd_LVM_LV=vg_db01/lv_swap rd_NO_MD SYSFONT=latarcyrheb-sun16 crashkernel=auto "
			  "rd_LVM_LV=vg_db01/lv_root  KEYBOARDTYPE=pc KEYTABLE=us rd_NO_DM rhgb quiet");
		CHECK_STR(m.entries[0].path, "0");
		CHECK(m.entries[0].id == NULL);
		CHECK_INT(m.entries[0].line, 16);
		CHECK_STR(m.entries[1].title, "CentOS 6 (2.6.32-754.el6.x86_64)");
		CHECK_STR(m.entries[1].kernel, "/vmlinuz-2.6.32-754.el6.x86_64");
		CHECK_STR(m.entries[1].path, "1");
		CHECK_INT(m.entries[1].line, 20);
		CHECK_INT(grub_menu_select(&m, m.default_spec), 0);
		CHECK_INT(grub_menu_select(&m, "1"), 1);
		CHECK_INT(grub_menu_select(&m, "2"), -ENOENT);
		/* GRUB legacy selects by number only. */
		CHECK_INT(grub_menu_select(&m, "CentOS (2.6.32-754.35.1.el6.x86_64)"), -ENOENT);
		CHECK_INT(grub_menu_select(&m, "saved"), -ENOENT);
		CHECK_INT(grub_menu_select(&m, "0>0"), -ENOENT);
		CHECK_INT(grub_menu_select(&m, ""), -ENOENT);
		CHECK_INT(grub_menu_select(&m, "99999999999999999999999"), -ENOENT);
	}
	grub_menu_free(&m);
	CHECK(ok);
}

/* default saved, "key value" and "title=" forms, CRLF line ends, a chainloader entry. */
TEST(legacy_saved_crlf_chainloader)
{
	struct grub_menu m;
	unsigned el;
	int ok;

	CHECK_INT(parse_fixture("centos6-saved.conf", 1, &m, &el), 0);
	ok = m.n == 3;
	if (ok) {
		CHECK_STR(m.default_spec, "saved");
		CHECK_INT(m.default_line, 3);
		CHECK_STR(m.entries[0].title, "CentOS (2.6.32-754.35.1.el6.x86_64) kdump test");
		CHECK_STR(m.entries[0].kernel, "(hd0,0)/vmlinuz-2.6.32-754.35.1.el6.x86_64");
		CHECK_STR(m.entries[0].args, "ro root=UUID=2b5d3a57-93a4-4f04-8e7c-0c2b6b0b3f4e "
			  "console=ttyS0,115200 crashkernel=128M");
		CHECK_STR(m.entries[1].args, "ro root=UUID=2b5d3a57-93a4-4f04-8e7c-0c2b6b0b3f4e console=ttyS0,115200");
		CHECK_STR(m.entries[2].title, "Windows Server 2008 R2");
		CHECK(m.entries[2].kernel == NULL);
		CHECK(m.entries[2].args == NULL);
		CHECK_INT(m.entries[2].line, 18);
		CHECK_STR(m.entries[2].path, "2");
		CHECK_INT(grub_menu_select(&m, "2"), 2);
	}
	grub_menu_free(&m);
	CHECK(ok);
}

TEST(legacy_malformed)
{
	struct grub_menu m;
	unsigned el;
	static const char nul[] = "default=0\ntitle a\n\tkernel /vmlinuz ro\0 quiet\n";

	CHECK_INT(leg("timeout=5\ndefault=first\n", &m, &el), -EINVAL);
	CHECK_INT(el, 2);
	CHECK(m.entries == NULL && m.n == 0 && m.default_spec == NULL);
	CHECK_INT(leg("default=99999999999\n", &m, &el), -EINVAL);
	CHECK_INT(el, 1);
	CHECK_INT(leg("default=-1\n", &m, &el), -EINVAL);
	CHECK_INT(leg("default=\n", &m, &el), -EINVAL);
	/* a kernel line outside any title, a kernel line without an image */
	CHECK_INT(leg("kernel /vmlinuz ro\ntitle x\n", &m, &el), -EINVAL);
	CHECK_INT(el, 1);
	CHECK_INT(leg("title x\n\troot (hd0,0)\n\tkernel   \n", &m, &el), -EINVAL);
	CHECK_INT(el, 3);
	CHECK_INT(leg("title x\n\xff\xfe garbage\n", &m, &el), -EINVAL);
	CHECK_INT(el, 2);
	CHECK_INT(grub_legacy_parse(nul, sizeof(nul) - 1, &m, &el), -EINVAL);
	CHECK_INT(el, 3);
	CHECK(m.n == 0 && m.entries == NULL);
}

TEST(legacy_edge_cases)
{
	struct grub_menu m;
	unsigned el;
	static const char t[] =
		"default 1\n"
		"title first\n"
		"\tkernel /vmlinuz-a ro\n"
		"\tkernel --type=linux /vmlinuz-b ro crashkernel=128M\n"	/* the last kernel line wins */
		"\tdefault 0\n"						/* inside an entry: not global */
		"title second";						/* no kernel, no newline */

	CHECK_INT(grub_legacy_parse(t, sizeof(t) - 1, &m, &el), 0);
	CHECK_INT(m.n, 2);
	CHECK_STR(m.default_spec, "1");
	CHECK_STR(m.entries[0].kernel, "/vmlinuz-b");
	CHECK_STR(m.entries[0].args, "ro crashkernel=128M");
	CHECK_INT(m.entries[0].line, 4);
	CHECK_STR(m.entries[1].title, "second");
	CHECK(m.entries[1].kernel == NULL);
	CHECK_INT(grub_menu_select(&m, m.default_spec), 1);
	grub_menu_free(&m);
	CHECK(m.entries == NULL && m.n == 0);

	CHECK_INT(grub_legacy_parse("", 0, &m, &el), 0);
	CHECK_INT(m.n, 0);
	CHECK(m.default_spec == NULL);
	CHECK_INT(grub_menu_select(&m, "0"), -ENOENT);
	grub_menu_free(&m);
	CHECK_INT(grub_legacy_parse(NULL, 0, &m, NULL), 0);
	CHECK_INT(m.n, 0);
}

/* ------------------------------------------------------------ GRUB 2 */

TEST(grub2_centos7_bios)
{
	struct grub_menu m;
	unsigned el = 99;
	int ok;

	CHECK_INT(parse_fixture("centos7-grub.cfg", 0, &m, &el), 0);
	CHECK_INT(el, 0);
	ok = m.n == 3;
	if (ok) {
		CHECK_INT(m.legacy, 0);
		CHECK_STR(m.default_spec, "${saved_entry}");
		CHECK_INT(m.default_line, 20);
		CHECK_INT(m.has_next_entry_logic, 1);
		CHECK_STR(m.entries[0].title, "CentOS Linux (3.10.0-1160.119.1.el7.x86_64) 7 (Core)");
		/* grubby copies the id of the entry it cloned: two entries share one id */
		CHECK_STR(m.entries[0].id, C7ID);
		CHECK_STR(m.entries[1].id, C7ID);
		CHECK_STR(m.entries[0].kernel, "/vmlinuz-3.10.0-1160.119.1.el7.x86_64");
		CHECK_STR(m.entries[0].args, "root=/dev/mapper/centos-root ro crashkernel=auto spectre_v2=retpoline "
			  "rd.lvm.lv=centos/root rd.lvm.lv=centos/swap rhgb quiet LANG=en_US.UTF-8");
		CHECK_STR(m.entries[0].path, "0");
		CHECK_INT(m.entries[0].line, 100);
		CHECK_STR(m.entries[2].title, "CentOS Linux (0-rescue-277d0a7f3e6741c79fe8f42aa3bec61b) 7 (Core)");
		CHECK_STR(m.entries[2].kernel, "/vmlinuz-0-rescue-277d0a7f3e6741c79fe8f42aa3bec61b");
		CHECK_STR(m.entries[2].path, "2");
		CHECK_INT(m.entries[2].line, 129);

		CHECK_INT(grub_menu_select(&m, "CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)"), 1);
		CHECK_INT(grub_menu_select(&m, "CentOS Linux (3.10.0-1160.119.1.el7.x86_64) 7 (Core)"), 0);
		CHECK_INT(grub_menu_select(&m, C7ID), 0);	/* first of the two */
		CHECK_INT(grub_menu_select(&m, "2"), 2);
		CHECK_INT(grub_menu_select(&m, "3"), -ENOENT);
		/* unresolved: the caller reads saved_entry from grubenv first */
		CHECK_INT(grub_menu_select(&m, "${saved_entry}"), -ENOENT);
		CHECK_INT(grub_menu_select(&m, "CentOS Linux (3.10.0-693.el7.x86_64) 7 (Core)"), -ENOENT);
	}
	grub_menu_free(&m);
	CHECK(ok);
}

TEST(grub2_centos7_efi)
{
	struct grub_menu m;
	unsigned el;
	int ok;

	CHECK_INT(parse_fixture("centos7-efi-grub.cfg", 0, &m, &el), 0);
	ok = m.n == 3;
	if (ok) {
		CHECK_STR(m.entries[0].kernel, "/vmlinuz-3.10.0-1160.el7.x86_64");
		CHECK_STR(m.entries[0].args, "root=/dev/mapper/rhel-root ro crashkernel=auto rd.lvm.lv=rhel/root "
			  "rd.lvm.lv=rhel/swap rhgb quiet LANG=en_US.UTF-8");
		CHECK_STR(m.entries[2].title, "System setup");
		CHECK_STR(m.entries[2].id, "uefi-firmware");
		CHECK(m.entries[2].kernel == NULL && m.entries[2].args == NULL);
		CHECK_INT(m.entries[2].line, 96);
		CHECK_INT(grub_menu_select(&m, "uefi-firmware"), 2);
	}
	grub_menu_free(&m);
	CHECK(ok);
}

TEST(grub2_debian12_submenu)
{
	struct grub_menu m;
	unsigned el;
	int ok;

	CHECK_INT(parse_fixture("debian12-grub.cfg", 0, &m, &el), 0);
	ok = m.n == 11;
	if (ok) {
		CHECK_STR(m.default_spec, "0");
		CHECK_INT(m.has_next_entry_logic, 1);
		CHECK_STR(m.entries[0].title, "Debian GNU/Linux");
		CHECK_STR(m.entries[0].id, "gnulinux-simple-" U);
		CHECK_STR(m.entries[0].kernel, "/vmlinuz-6.1.0-18-amd64");
		CHECK_STR(m.entries[0].args, "root=UUID=" U " ro quiet crashkernel=384M-:128M");
		CHECK_INT(m.entries[0].line, 133);
		CHECK_STR(m.entries[1].path, "1>0");
		CHECK_STR(m.entries[1].title, "Advanced options for Debian GNU/Linux>Debian GNU/Linux, with Linux 6.1.0-18-amd64");
		CHECK_STR(m.entries[1].id, "gnulinux-advanced-" U ">gnulinux-6.1.0-18-amd64-advanced-" U);
		CHECK_STR(m.entries[2].path, "1>1");
		CHECK_STR(m.entries[2].args, "root=UUID=" U " ro single");
		CHECK_STR(m.entries[4].path, "1>3");
		CHECK_STR(m.entries[4].kernel, "/vmlinuz-6.1.0-17-amd64");
		/* memtest86+ entries inside if [ pc ]: listed, with their linux16 image */
		CHECK_STR(m.entries[5].path, "2");
		CHECK_STR(m.entries[5].title, "Memory test (memtest86+ia32.bin)");
		CHECK_STR(m.entries[5].kernel, "/memtest86+ia32.bin");
		CHECK_STR(m.entries[5].args, "");
		CHECK_STR(m.entries[6].args, "console=ttyS0,115200");
		CHECK_STR(m.entries[7].title, "Windows Boot Manager (on /dev/sda1)");
		CHECK(m.entries[7].kernel == NULL);
		CHECK_STR(m.entries[8].id, "uefi-firmware");
		/* '\'' inside a single-quoted title; args continued over lines */
		CHECK_STR(m.entries[9].title, "Debian 12 (ops's kdump test: crashkernel=512M)");
		CHECK_STR(m.entries[9].path, "6");
		CHECK_STR(m.entries[9].args, "root=UUID=" U " ro crashkernel=512M \"systemd.unit=rescue.target\" "
			  "console=ttyS0,115200n8");
		CHECK_INT(m.entries[9].line, 268);
		CHECK_STR(m.entries[10].title, "Debian 12 (\"debug\" shell)");
		CHECK(m.entries[10].id == NULL);
		CHECK_STR(m.entries[10].path, "7");
	}
	grub_menu_free(&m);
	CHECK(ok);
}

TEST(grub2_debian12_select)
{
	struct grub_menu m;
	unsigned el;
	int ok;

	CHECK_INT(parse_fixture("debian12-grub.cfg", 0, &m, &el), 0);
	ok = m.n == 11;
	if (ok) {
		CHECK_INT(grub_menu_select(&m, "0"), 0);
		CHECK_INT(grub_menu_select(&m, "1>2"), 3);
		CHECK_INT(grub_menu_select(&m, "1>3"), 4);
		CHECK_INT(grub_menu_select(&m, "1"), 1);	/* a submenu boots its first entry */
		CHECK_INT(grub_menu_select(&m, "Advanced options for Debian GNU/Linux>Debian GNU/Linux, "
					   "with Linux 6.1.0-17-amd64"), 3);
		CHECK_INT(grub_menu_select(&m, "gnulinux-advanced-" U ">gnulinux-6.1.0-17-amd64-recovery-" U), 4);
		CHECK_INT(grub_menu_select(&m, "1>gnulinux-6.1.0-18-amd64-recovery-" U), 2);
		CHECK_INT(grub_menu_select(&m, "Advanced options for Debian GNU/Linux>2"), 3);
		CHECK_INT(grub_menu_select(&m, "0x1>01"), 2);	/* grub_strtoul base 0 */
		CHECK_INT(grub_menu_select(&m, " 6"), 9);
		CHECK_INT(grub_menu_select(&m, "6th"), 9);	/* GRUB reads the leading digits */
		CHECK_INT(grub_menu_select(&m, "0>5"), 0);	/* parts after a plain entry are ignored */
		CHECK_INT(grub_menu_select(&m, "uefi-firmware"), 8);
		CHECK_INT(grub_menu_select(&m, "Debian 12 (ops's kdump test: crashkernel=512M)"), 9);
		CHECK_INT(grub_menu_select(&m, "Debian 12 (\"debug\" shell)"), 10);
		/* the pre-2.00 flat title of a kernel now inside the submenu */
		CHECK_INT(grub_menu_select(&m, "Debian GNU/Linux, with Linux 6.1.0-18-amd64"), -ENOENT);
		CHECK_INT(grub_menu_select(&m, "11"), -ENOENT);
		CHECK_INT(grub_menu_select(&m, "1>4"), -ENOENT);
		CHECK_INT(grub_menu_select(&m, "1>"), -ENOENT);
		CHECK_INT(grub_menu_select(&m, ""), -ENOENT);
		CHECK_INT(grub_menu_select(&m, "99999999999999999999999999"), -ENOENT);
		CHECK_INT(grub_menu_select(&m, NULL), -ENOENT);
	}
	grub_menu_free(&m);
	CHECK(ok);
}

/* '>' in a title is doubled in the joined title, as GRUB's default syntax writes it. */
TEST(grub2_gt_in_titles)
{
	struct grub_menu m;
	unsigned el;

	CHECK_INT(cfg("submenu 'Kernels > 6.0' --id=k6 {\n"
		      "  menuentry \"LTS -> 6.1\" --id lts { linux /vmlinuz-6.1 ro }\n"
		      "  menuentry \"6.6 -> stable\" --id stable { linux /vmlinuz-6.6 ro }\n"
		      "}\n", &m, &el), 0);
	CHECK_INT(m.n, 2);
	CHECK_STR(m.entries[0].title, "Kernels >> 6.0>LTS ->> 6.1");
	CHECK_STR(m.entries[0].id, "k6>lts");
	CHECK_STR(m.entries[0].args, "ro");
	CHECK_INT(grub_menu_select(&m, "Kernels >> 6.0>LTS ->> 6.1"), 0);
	CHECK_INT(grub_menu_select(&m, "k6>lts"), 0);
	CHECK_INT(grub_menu_select(&m, "Kernels > 6.0>LTS -> 6.1"), -ENOENT);
	/* like GRUB, a part that starts with a digit is read as a number: "6" */
	CHECK_INT(grub_menu_select(&m, "k6>6.6 ->> stable"), -ENOENT);
	CHECK_INT(grub_menu_select(&m, "k6>stable"), 1);
	grub_menu_free(&m);
}

/* Less common but valid layouts. */
TEST(grub2_layouts)
{
	struct grub_menu m;
	unsigned el;

	/* ubuntu-style title correction after the entries; '{' on its own line */
	CHECK_INT(cfg("set default=\"Ubuntu, with Linux 5.15.0-91-generic\"\n"
		      "menuentry 'Ubuntu' --class ubuntu\n"
		      "{\n"
		      "\tlinux /boot/vmlinuz root=/dev/sda1 ro quiet splash $vt_handoff\n"
		      "}\n"
		      "submenu 'Advanced options for Ubuntu' {\n"
		      "\tmenuentry 'Ubuntu, with Linux 5.15.0-91-generic' {\n"
		      "\t\tif [ x$grub_platform = xefi ]; then linux /boot/vmlinuz-5.15.0-91-generic ro efi;"
		      " else linux /boot/vmlinuz-5.15.0-91-generic ro bios; fi\n"
		      "\t}\n"
		      "}\n"
		      "if [ \"x$default\" = 'Ubuntu, with Linux 5.15.0-91-generic' ]; then "
		      "default='Advanced options for Ubuntu>Ubuntu, with Linux 5.15.0-91-generic'; fi;\n",
		      &m, &el), 0);
	CHECK_INT(m.n, 2);
	CHECK_STR(m.default_spec, "Advanced options for Ubuntu>Ubuntu, with Linux 5.15.0-91-generic");
	CHECK_INT(m.default_line, 11);
	CHECK_INT(m.has_next_entry_logic, 0);
	CHECK_STR(m.entries[0].args, "root=/dev/sda1 ro quiet splash $vt_handoff");
	CHECK_INT(m.entries[0].line, 4);
	/* both branches seen: the last linux line of the entry is kept */
	CHECK_STR(m.entries[1].args, "ro bios");
	CHECK_INT(grub_menu_select(&m, m.default_spec), 1);
	grub_menu_free(&m);

	/* set default inside a function or an entry body is not the menu default */
	CHECK_INT(cfg("set default=2\n"
		      "function f { set default=7; }\n"
		      "menuentry a { set default=5; linux /a; }\n"
		      "menuentry b { menuentry nested { linux /nested x; }; linux /b y; }\n", &m, &el), 0);
	CHECK_STR(m.default_spec, "2");
	CHECK_INT(m.n, 2);
	CHECK_STR(m.entries[0].kernel, "/a");
	CHECK_STR(m.entries[0].args, "");
	CHECK_STR(m.entries[1].kernel, "/b");
	CHECK_STR(m.entries[1].args, "y");
	grub_menu_free(&m);

	/* no default at all */
	CHECK_INT(cfg("menuentry x { linux16 /vmlinuz ro }", &m, &el), 0);
	CHECK(m.default_spec == NULL);
	CHECK_INT(m.n, 1);
	grub_menu_free(&m);
}

TEST(grub2_malformed)
{
	struct grub_menu m;
	unsigned el;
	static const char nul[] = "menuentry 'a' {\n\tlinux /vmlinuz ro\n\tinitrd /initrd\0.img\n}\n";

	/* unbalanced braces */
	CHECK_INT(cfg("menuentry 'a' {\n\tlinux /vmlinuz ro\n\nmenuentry 'b' {\n\tlinux /b\n}\n", &m, &el), -EINVAL);
	CHECK_INT(el, 1);
	CHECK(m.n == 0 && m.entries == NULL && m.default_spec == NULL);
	CHECK_INT(cfg("set default=0\nmenuentry 'a' {\n\tlinux /vmlinuz\n}\n}\n", &m, &el), -EINVAL);
	CHECK_INT(el, 5);
	CHECK_INT(cfg("if [ a ]; then\n  menuentry 'a' {\n  linux /v\nfi\n}\n", &m, &el), -EINVAL);
	CHECK_INT(el, 4);
	CHECK_INT(cfg("else\n", &m, &el), -EINVAL);
	CHECK_INT(el, 1);
	CHECK_INT(cfg("for x in a b; do\n  echo $x\n", &m, &el), -EINVAL);
	CHECK_INT(el, 1);
	CHECK_INT(cfg("while true; do\nfi\n", &m, &el), -EINVAL);
	CHECK_INT(el, 2);
	/* unterminated quotes: the line where the quote opened */
	CHECK_INT(cfg("set timeout=5\nmenuentry 'CentOS Linux {\n\tlinux /v\n}\n", &m, &el), -EINVAL);
	CHECK_INT(el, 2);
	CHECK_INT(cfg("\n\nmenuentry \"a\\\" {\n}\n", &m, &el), -EINVAL);
	CHECK_INT(el, 3);
	/* menuentry without '{' or without a title; linux without an image */
	CHECK_INT(cfg("menuentry 'a'\nlinux /v\n", &m, &el), -EINVAL);
	CHECK_INT(el, 1);
	CHECK_INT(cfg("menuentry 'a'", &m, &el), -EINVAL);
	CHECK_INT(cfg("menuentry --class os {\n}\n", &m, &el), -EINVAL);
	CHECK_INT(el, 1);
	CHECK_INT(cfg("menuentry a {\n  linux\n}\n", &m, &el), -EINVAL);
	CHECK_INT(el, 2);
	/* NUL byte */
	CHECK_INT(grub2_cfg_parse(nul, sizeof(nul) - 1, &m, &el), -EINVAL);
	CHECK_INT(el, 3);
	CHECK(m.n == 0);
}

/* A long submenu title over many entries: the menu stops at GRUB_MAX_MENU bytes, not at their product. */
TEST(grub2_submenu_title_times_entries_is_bounded)
{
	struct grub_menu m;
	unsigned el = 0;
	size_t big = 1 << 20, i;
	struct sbuf b;

	sbuf_init(&b);
	sbuf_puts(&b, "submenu '");
	for (i = 0; i < big; i++)
		sbuf_add(&b, "T", 1);
	sbuf_puts(&b, "' {\n");
	for (i = 0; i < 2000; i++)
		sbuf_puts(&b, "menuentry x {\nlinux /vmlinuz a\n}\n");
	sbuf_puts(&b, "}\n");
	CHECK_INT(grub2_cfg_parse(b.s, b.len, &m, &el), -EINVAL);
	/* 1 MiB of title for the submenu and each entry: the 15th entry (line 2 + 3 * 14) passes 16 MiB */
	CHECK_INT(el, 44);
	CHECK(m.n == 0);
	sbuf_free(&b);
}

TEST(grub2_empty_and_no_linux)
{
	struct grub_menu m;
	unsigned el = 7;

	CHECK_INT(grub2_cfg_parse("", 0, &m, &el), 0);
	CHECK_INT(el, 0);
	CHECK_INT(m.n, 0);
	CHECK(m.default_spec == NULL);
	CHECK_INT(grub_menu_select(&m, "0"), -ENOENT);
	grub_menu_free(&m);
	CHECK_INT(grub2_cfg_parse(NULL, 0, &m, NULL), 0);
	CHECK_INT(cfg("# only comments\n\n   \n### END ###", &m, &el), 0);
	CHECK_INT(m.n, 0);
	CHECK_INT(cfg("menuentry 'Memtest' {\n\tinsmod part_msdos\n}\n", &m, &el), 0);
	CHECK_INT(m.n, 1);
	CHECK_STR(m.entries[0].title, "Memtest");
	CHECK(m.entries[0].kernel == NULL && m.entries[0].args == NULL && m.entries[0].id == NULL);
	CHECK_INT(m.entries[0].line, 1);
	CHECK_INT(grub_menu_select(&m, "0"), 0);
	grub_menu_free(&m);
}

/* Huge lines, deep nesting, lots of words: no crash, linear time, honest result. */
TEST(grub2_hostile_sizes)
{
	struct grub_menu m;
	unsigned el;
	size_t big = 1 << 20, i;
	struct sbuf b;
	char *s;

	/* a 1 MB title and a 1 MB argument list */
	sbuf_init(&b);
	sbuf_puts(&b, "menuentry '");
	s = xmalloc(big + 1);
	memset(s, 'T', big);
	s[big] = '\0';
	sbuf_puts(&b, s);
	sbuf_puts(&b, "' {\n linux /vmlinuz");
	for (i = 0; i < big / 2; i++)
		sbuf_add(&b, " a", 2);
	sbuf_puts(&b, "\n}\n");
	CHECK_INT(grub2_cfg_parse(b.s, b.len, &m, &el), 0);
	CHECK_INT(m.n, 1);
	CHECK_INT(strlen(m.entries[0].title), big);
	CHECK_INT(strlen(m.entries[0].args), big - 1);
	grub_menu_free(&m);
	sbuf_free(&b);

	/* 1 MB of garbage without a newline is one (unknown) command */
	for (i = 0; i < big; i++)
		s[i] = (char)(0x21 + (i * 7) % 90);
	for (i = 0; i < big; i++)
		if (s[i] == '\'' || s[i] == '"' || s[i] == '\\')
			s[i] = 'x';
	CHECK_INT(grub2_cfg_parse(s, big, &m, &el), 0);
	CHECK_INT(m.n, 0);
	grub_menu_free(&m);

	/* 1 MB of "{ " nests far too deep */
	for (i = 0; i + 1 < big; i += 2) {
		s[i] = '{';
		s[i + 1] = ' ';
	}
	CHECK_INT(grub2_cfg_parse(s, big, &m, &el), -EINVAL);
	CHECK_INT(el, 1);
	free(s);

	/* many entries */
	sbuf_init(&b);
	for (i = 0; i < 20000; i++)
		sbuf_printf(&b, "menuentry 'k%zu' { linux /vmlinuz-%zu ro }\n", i, i);
	CHECK_INT(grub2_cfg_parse(b.s, b.len, &m, &el), 0);
	CHECK_INT(m.n, 20000);
	CHECK_STR(m.entries[19999].kernel, "/vmlinuz-19999");
	CHECK_INT(grub_menu_select(&m, "19999"), 19999);
	CHECK_INT(grub_menu_select(&m, "k19998"), 19998);
	grub_menu_free(&m);
	sbuf_free(&b);
}

/* ----------------------------------------------------------- grubenv */

TEST(grubenv_centos7)
{
	char out[256];
	size_t len = 0;
	char *t = fixture("centos7-grubenv", &len);

	CHECK(t != NULL);
	CHECK_INT(len, 1024);
	CHECK_INT(grubenv_get(t, len, "saved_entry", out, sizeof(out)), 0);
	CHECK_STR(out, "CentOS Linux (3.10.0-1160.119.1.el7.x86_64) 7 (Core)");
	strcpy(out, "untouched");
	CHECK_INT(grubenv_get(t, len, "next_entry", out, sizeof(out)), -ENOENT);
	CHECK_STR(out, "untouched");
	CHECK_INT(grubenv_get(t, len, "saved_entry", out, 10), -ENAMETOOLONG);
	CHECK_STR(out, "untouched");
	CHECK_INT(grubenv_get(t, len, "saved_entry", NULL, 0), 0);
	CHECK_INT(grubenv_get(t, len, "saved", out, sizeof(out)), -ENOENT);
	CHECK_INT(grubenv_get(t, len, "", out, sizeof(out)), -EINVAL);
	CHECK_INT(grubenv_get(t, len, "a=b", out, sizeof(out)), -EINVAL);
	/* without its header line the block is not a grubenv */
	CHECK_INT(grubenv_get(t + 25, len - 25, "saved_entry", out, sizeof(out)), -EINVAL);
	free(t);
}

TEST(grubenv_next_entry_and_empty)
{
	char out[256];
	size_t len = 0;
	char *t = fixture("centos7-grubenv-next", &len);

	CHECK(t != NULL);
	CHECK_INT(grubenv_get(t, len, "next_entry", out, sizeof(out)), 0);
	CHECK_STR(out, "2");
	CHECK_INT(grubenv_get(t, len, "saved_entry", out, sizeof(out)), 0);
	CHECK_STR(out, "CentOS Linux (3.10.0-1160.119.1.el7.x86_64) 7 (Core)");
	free(t);
	/* Debian after a grub-reboot boot: next_entry= left empty means unset */
	t = fixture("debian12-grubenv", &len);
	CHECK(t != NULL);
	strcpy(out, "0");
	CHECK_INT(grubenv_get(t, len, "next_entry", out, sizeof(out)), -ENOENT);
	CHECK_STR(out, "0");
	free(t);
}

TEST(grubenv_format_details)
{
	char out[64];
	static const char esc[] = "# GRUB Environment Block\nsaved_entry=a\\\\b\\\nc\nx=1\nsaved_entry=last\n####";
	static const char noend[] = "# GRUB Environment Block\nsaved_entry=0";
	static const char noeq[] = "# GRUB Environment Block\nsaved_entry\n####";
	static const char blank[] = "# GRUB Environment Block\n\nsaved_entry=0\n";
	static const char trail[] = "# GRUB Environment Block\nsaved_entry=0\\";
	static const char nul[] = "# GRUB Environment Block\nsaved_entry=0\n##\0###";
	static const char only[] = "# GRUB Environment Block\n";

	/* escapes, and the last assignment wins */
	CHECK_INT(grubenv_get(esc, sizeof(esc) - 1, "x", out, sizeof(out)), 0);
	CHECK_STR(out, "1");
	CHECK_INT(grubenv_get(esc, sizeof(esc) - 1, "saved_entry", out, sizeof(out)), 0);
	CHECK_STR(out, "last");
	CHECK_INT(grubenv_get(esc, 45, "saved_entry", out, sizeof(out)), 0);
	CHECK_STR(out, "a\\b\nc");
	CHECK_INT(grubenv_get(noend, sizeof(noend) - 1, "saved_entry", out, sizeof(out)), -EINVAL);
	CHECK_INT(grubenv_get(noeq, sizeof(noeq) - 1, "saved_entry", out, sizeof(out)), -EINVAL);
	CHECK_INT(grubenv_get(blank, sizeof(blank) - 1, "saved_entry", out, sizeof(out)), -EINVAL);
	CHECK_INT(grubenv_get(trail, sizeof(trail) - 1, "saved_entry", out, sizeof(out)), -EINVAL);
	CHECK_INT(grubenv_get(nul, sizeof(nul) - 1, "saved_entry", out, sizeof(out)), -EINVAL);
	CHECK_INT(grubenv_get(only, sizeof(only) - 1, "saved_entry", out, sizeof(out)), -ENOENT);
	CHECK_INT(grubenv_get("", 0, "saved_entry", out, sizeof(out)), -EINVAL);
	CHECK_INT(grubenv_get(NULL, 0, "saved_entry", out, sizeof(out)), -EINVAL);
	CHECK_INT(grubenv_get("# GRUB Environment", 18, "saved_entry", out, sizeof(out)), -EINVAL);
}

/* The whole chain a check runs on a CentOS 7 host: grub.cfg + grubenv -> the entry. */
TEST(grubenv_resolves_centos7_default)
{
	struct grub_menu m;
	char spec[256];
	size_t len = 0;
	unsigned el;
	char *env = fixture("centos7-grubenv-next", &len);

	CHECK(env != NULL);
	CHECK_INT(parse_fixture("centos7-grub.cfg", 0, &m, &el), 0);
	CHECK_INT(m.has_next_entry_logic, 1);
	CHECK_INT(grubenv_get(env, len, "next_entry", spec, sizeof(spec)), 0);
	CHECK_INT(grub_menu_select(&m, spec), 2);	/* grub2-reboot 2: the rescue entry, once */
	CHECK_INT(grubenv_get(env, len, "saved_entry", spec, sizeof(spec)), 0);
	CHECK_INT(grub_menu_select(&m, spec), 0);
	grub_menu_free(&m);
	free(env);
}

UNIT_MAIN(
	T(legacy_centos6_anaconda),
	T(legacy_saved_crlf_chainloader),
	T(legacy_malformed),
	T(legacy_edge_cases),
	T(grub2_centos7_bios),
	T(grub2_centos7_efi),
	T(grub2_debian12_submenu),
	T(grub2_debian12_select),
	T(grub2_gt_in_titles),
	T(grub2_layouts),
	T(grub2_malformed),
	T(grub2_empty_and_no_linux),
	T(grub2_hostile_sizes),
	T(grub2_submenu_title_times_entries_is_bounded),
	T(grubenv_centos7),
	T(grubenv_next_entry_and_empty),
	T(grubenv_format_details),
	T(grubenv_resolves_centos7_default)
)
