/* test-bootedit.c - crashkernel= on every kernel line of a GRUB 2 or GRUB legacy menu, every other byte kept. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fix/bootedit.h"
#include "util.h"
#include "unit.h"

#define ROOTS "tests/roots/"

/* A file of the tree, NUL-terminated; free() it. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	if (s)
		s[n] = '\0';
	fclose(f);
	*len = (size_t)n;
	return s;
}

/* Lines of a that differ from the lines of b, counted (both with the same number of lines). */
static int lines_differing(const char *a, const char *b)
{
	int n = 0;

	while (*a || *b) {
		size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");

		n += la != lb || memcmp(a, b, la);
		a += la + (a[la] == '\n');
		b += lb + (b[lb] == '\n');
	}
	return n;
}

/* Edit path's menu to crashkernel=value; the result in *out (free() it), the return value of bootedit. */
static int edit_file(enum bootedit_menu m, const char *path, const char *value, char **out, char **orig)
{
	struct sbuf b;
	char why[256];
	size_t len;
	int r;

	*orig = slurp(path, &len);
	if (!*orig)
		return -ENOENT;
	sbuf_init(&b);
	r = bootedit_crashkernel(m, *orig, len, value, &b, why, sizeof(why));
	*out = xstrdup(sbuf_str(&b));
	sbuf_free(&b);
	return r;
}

TEST(el7_grub_cfg_every_entry)
{
	char *out, *orig;
	struct sbuf b;
	char why[256];

	CHECK_INT(edit_file(BOOTEDIT_GRUB2, ROOTS "el7-ready/root/boot/grub2/grub.cfg", "512M", &out, &orig), 2);
	CHECK_INT(lines_differing(orig, out), 2);
	CHECK(strstr(out, "\tlinux16 /vmlinuz-3.10.0-1160.el7.x86_64 root=/dev/mapper/centos-root ro crashkernel=512M "
			  "spectre_v2=retpoline rd.lvm.lv=centos/root rd.lvm.lv=centos/swap rhgb quiet LANG=en_US.UTF-8\n") != NULL);
	CHECK(strstr(out, "crashkernel=256M") == NULL);
	CHECK_INT(strlen(out), strlen(orig));	/* 256M became 512M */
	/* again: nothing to do */
	sbuf_init(&b);
	CHECK_INT(bootedit_crashkernel(BOOTEDIT_GRUB2, out, strlen(out), "512M", &b, why, sizeof(why)), 0);
	CHECK_STR(sbuf_str(&b), out);
	sbuf_free(&b);
	free(out);
	free(orig);
}

TEST(el6_grub_conf_every_title)
{
	char *out, *orig;

	CHECK_INT(edit_file(BOOTEDIT_LEGACY, ROOTS "el6-ready/root/boot/grub/grub.conf", "auto", &out, &orig), 2);
	CHECK_INT(lines_differing(orig, out), 2);
	/* the comment showing a kernel line is a comment */
	CHECK(strstr(out, "#          kernel /vmlinuz-version ro root=/dev/mapper/VolGroup-lv_root\n") != NULL);
	/* the double blank later on the line is kept */
	CHECK(strstr(out, "crashkernel=auto rd_LVM_LV=VolGroup/lv_root  KEYBOARDTYPE=pc") != NULL);
	free(out);
	free(orig);
}

TEST(forms)
{
	static const char cfg[] = "menuentry 'x' {\n\tlinuxefi /vmlinuz root=/dev/sda1 ro\n}\nsubmenu 'y' {\n"
				  "  menuentry 'z' {\n    linux\t/vmlinuz-2 ro crashkernel=auto quiet\n  }\n}";
	static const char conf[] = "default=1\ntitle a\n\tkernel --type=linux --no-mem-option /vmlinuz ro\n";
	struct sbuf b;
	char why[256];

	sbuf_init(&b);
	CHECK_INT(bootedit_crashkernel(BOOTEDIT_GRUB2, cfg, sizeof(cfg) - 1, "160M", &b, why, sizeof(why)), 2);
	CHECK_STR(sbuf_str(&b), "menuentry 'x' {\n\tlinuxefi /vmlinuz root=/dev/sda1 ro crashkernel=160M\n}\nsubmenu 'y' {\n"
				"  menuentry 'z' {\n    linux\t/vmlinuz-2 ro crashkernel=160M quiet\n  }\n}");
	b.len = 0;
	CHECK_INT(bootedit_crashkernel(BOOTEDIT_LEGACY, conf, sizeof(conf) - 1, "128M", &b, why, sizeof(why)), 1);
	CHECK_STR(sbuf_str(&b), "default=1\ntitle a\n\tkernel --type=linux --no-mem-option /vmlinuz ro crashkernel=128M\n");
	/* nothing after the image: a blank before the parameter */
	b.len = 0;
	CHECK_INT(bootedit_crashkernel(BOOTEDIT_GRUB2, "\tlinux16 /vmlinuz", 17, "160M", &b, why, sizeof(why)), 1);
	CHECK_STR(sbuf_str(&b), "\tlinux16 /vmlinuz crashkernel=160M");
	sbuf_free(&b);
}

TEST(refused_whole)
{
	static const char quote[] = "\tlinux16 /vmlinuz ro\n\tlinux16 /vmlinuz ro dyndbg=\"x\n";
	struct sbuf b;
	char why[256];

	sbuf_init(&b);
	sbuf_puts(&b, "kept");
	CHECK_INT(bootedit_crashkernel(BOOTEDIT_GRUB2, quote, sizeof(quote) - 1, "160M", &b, why, sizeof(why)), -EINVAL);
	CHECK_STR(sbuf_str(&b), "kept");
	CHECK(str_startswith(why, "line 2: "));
	CHECK_INT(bootedit_crashkernel(BOOTEDIT_GRUB2, "\tlinux16\n", 9, "160M", &b, why, sizeof(why)), -EINVAL);
	CHECK_STR(why, "line 1: a kernel line without a kernel image");
	CHECK_INT(bootedit_crashkernel(BOOTEDIT_LEGACY, "default=0\n# kernel /x\n", 22, "160M", &b, why, sizeof(why)), -EINVAL);
	CHECK(strstr(why, "no kernel line") != NULL);
	CHECK_INT(bootedit_crashkernel(BOOTEDIT_GRUB2, "linux /x\0", 9, "160M", &b, why, sizeof(why)), -EINVAL);
	CHECK_INT(bootedit_crashkernel(BOOTEDIT_GRUB2, NULL, 0, "160M", &b, why, sizeof(why)), -EINVAL);
	CHECK_STR(sbuf_str(&b), "kept");
	sbuf_free(&b);
}

/* bootedit_default_grub() of var on text to crashkernel=value: its result, the text in got. */
static char got[4096];
static int dg(const char *text, const char *var, const char *value)
{
	struct sbuf b;
	char why[256];
	int r;

	sbuf_init(&b);
	r = bootedit_default_grub(text, strlen(text), var, value, &b, why, sizeof(why));
	xstrlcpy(got, r < 0 ? why : sbuf_str(&b), sizeof(got));
	sbuf_free(&b);
	return r;
}

TEST(default_grub_files)
{
	char *out, *orig;
	struct sbuf b;
	char why[256];
	size_t len;

	/* CentOS 7's /etc/default/grub: one line changes */
	orig = slurp(ROOTS "el7-ready/root/etc/default/grub", &len);
	CHECK(orig != NULL);
	sbuf_init(&b);
	CHECK_INT(bootedit_default_grub(orig, len, "GRUB_CMDLINE_LINUX", "512M", &b, why, sizeof(why)), 1);
	out = xstrdup(sbuf_str(&b));
	CHECK_INT(lines_differing(orig, out), 1);
	CHECK(strstr(out, "\nGRUB_CMDLINE_LINUX=\"crashkernel=512M spectre_v2=retpoline rd.lvm.lv=centos/root "
			  "rd.lvm.lv=centos/swap rhgb quiet\"\n") != NULL);
	sbuf_free(&b);
	free(out);
	free(orig);
	/* Debian's kdump-tools drop-in: "$GRUB_CMDLINE_LINUX_DEFAULT ..." is its own value, kept */
	orig = slurp(ROOTS "debian12-ready/root/etc/default/grub.d/kdump-tools.cfg", &len);
	CHECK(orig != NULL);
	sbuf_init(&b);
	CHECK_INT(bootedit_default_grub(orig, len, "GRUB_CMDLINE_LINUX_DEFAULT", "512M", &b, why, sizeof(why)), 1);
	CHECK_STR(sbuf_str(&b), "GRUB_CMDLINE_LINUX_DEFAULT=\"$GRUB_CMDLINE_LINUX_DEFAULT crashkernel=512M\"\n");
	sbuf_free(&b);
	free(orig);
}

TEST(default_grub_forms)
{
	/* the last assignment is the one grub-mkconfig uses */
	CHECK_INT(dg("GRUB_CMDLINE_LINUX=\"a\"\n# x\nexport GRUB_CMDLINE_LINUX='b crashkernel=auto'  # mine\n",
		     "GRUB_CMDLINE_LINUX", "256M"), 1);
	CHECK_STR(got, "GRUB_CMDLINE_LINUX=\"a\"\n# x\nexport GRUB_CMDLINE_LINUX='b crashkernel=256M'  # mine\n");
	/* a bare word is quoted; an empty value filled */
	CHECK_INT(dg("GRUB_CMDLINE_LINUX=quiet\n", "GRUB_CMDLINE_LINUX", "256M"), 1);
	CHECK_STR(got, "GRUB_CMDLINE_LINUX=\"quiet crashkernel=256M\"\n");
	CHECK_INT(dg("GRUB_CMDLINE_LINUX=\n", "GRUB_CMDLINE_LINUX", "256M"), 1);
	CHECK_STR(got, "GRUB_CMDLINE_LINUX=\"crashkernel=256M\"\n");
	/* none: added at the end */
	CHECK_INT(dg("GRUB_TIMEOUT=5", "GRUB_CMDLINE_LINUX", "256M"), 1);
	CHECK_STR(got, "GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX=\"crashkernel=256M\"\n");
	/* already so */
	CHECK_INT(dg("GRUB_CMDLINE_LINUX=\"crashkernel=256M quiet\"\n", "GRUB_CMDLINE_LINUX", "256M"), 0);
	/* what the shell computes is not edited */
	CHECK_INT(dg("GRUB_CMDLINE_LINUX=\"$EXTRA quiet\"\n", "GRUB_CMDLINE_LINUX", "256M"), -EINVAL);
	CHECK_STR(got, "line 1: GRUB_CMDLINE_LINUX is computed by the shell (an expansion, a command or an open quote): "
		       "not edited");
	CHECK_INT(dg("GRUB_CMDLINE_LINUX=\"$(cat /x)\"\n", "GRUB_CMDLINE_LINUX", "256M"), -EINVAL);
	CHECK_INT(dg("GRUB_CMDLINE_LINUX=\"a\nb\"\n", "GRUB_CMDLINE_LINUX", "256M"), -EINVAL);
	CHECK_INT(dg("GRUB_CMDLINE_LINUX=\"a\" && rm -rf /\n", "GRUB_CMDLINE_LINUX", "256M"), -EINVAL);
	CHECK_INT(dg("GRUB_CMDLINE_LINUX=a$B\n", "GRUB_CMDLINE_LINUX", "256M"), -EINVAL);
	CHECK_INT(dg("", "GRUB_CMDLINE_LINUX", "256M bad"), -EINVAL);
	CHECK_INT(dg("", "GRUB_CMDLINE_LINUX", "$(reboot)"), -EINVAL);
	CHECK_STR(got, "crashkernel=$(reboot) is not a value to write");
	CHECK_INT(dg("", "GRUB_CMDLINE_LINUX", "512M-2G:64M,2G-:128M@16M"), 1);
}

UNIT_MAIN(T(el7_grub_cfg_every_entry), T(el6_grub_conf_every_title), T(forms), T(refused_whole), T(default_grub_files),
	  T(default_grub_forms))
