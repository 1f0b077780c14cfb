/* test-crashkernel.c - unit tests for the crashkernel= parser and the RHEL auto table. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "parse/crashkernel.h"

#define K_ ((uint64_t)1 << 10)
#define M_ ((uint64_t)1 << 20)
#define G_ ((uint64_t)1 << 30)
#define T_ ((uint64_t)1 << 40)

/* CentOS 6.10 (2.6.32-754): the kernel rewrites crashkernel=auto to the size it reserved. */
static const char c6_proc_cmdline[] =
	"ro root=/dev/mapper/vg_c6-lv_root rd_NO_LUKS rd_LVM_LV=vg_c6/lv_root "
	"LANG=en_US.UTF-8 rd_NO_MD rd_LVM_LV=vg_c6/lv_swap SYSFONT=latarcyrheb-sun16 "
	"crashkernel=129M@0M  KEYBOARDTYPE=pc KEYTABLE=us rd_NO_DM rhgb quiet\n";

/* The args of the same host's grub.conf "kernel" line. */
static const char c6_grub_args[] =
	"/vmlinuz-2.6.32-754.el6.x86_64 ro root=/dev/mapper/vg_c6-lv_root rd_NO_LUKS "
	"rd_LVM_LV=vg_c6/lv_root LANG=en_US.UTF-8 rd_NO_MD rd_LVM_LV=vg_c6/lv_swap "
	"SYSFONT=latarcyrheb-sun16 crashkernel=auto  KEYBOARDTYPE=pc KEYTABLE=us rd_NO_DM rhgb quiet";

/* CentOS 7.9 (3.10.0-1160): /proc/cmdline keeps "auto". */
static const char c7_proc_cmdline[] =
	"BOOT_IMAGE=/vmlinuz-3.10.0-1160.el7.x86_64 root=/dev/mapper/centos-root ro "
	"crashkernel=auto rd.lvm.lv=centos/root rd.lvm.lv=centos/swap rhgb quiet LANG=en_US.UTF-8\n";

/* Debian 12 (6.1.0-18-amd64) with kdump-tools' grub.d snippet. */
static const char d12_proc_cmdline[] =
	"BOOT_IMAGE=/boot/vmlinuz-6.1.0-18-amd64 root=UUID=5f3a9c0e-7d7b-4a8e-9d0c-2f5b1e6a7c31 "
	"ro quiet crashkernel=384M-:128M\n";

/* Debian 12 without kdump-tools. */
static const char d12_plain_cmdline[] =
	"BOOT_IMAGE=/boot/vmlinuz-6.1.0-18-amd64 root=UUID=5f3a9c0e-7d7b-4a8e-9d0c-2f5b1e6a7c31 ro quiet\n";

TEST(cmdline_centos6_rewritten_auto)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline(c6_proc_cmdline, &ck, NULL), 1);
	CHECK_INT(ck.kind, CK_SIZE);
	CHECK_U64(ck.size, 129 * M_);
	CHECK_INT(ck.has_offset, 1);
	CHECK_U64(ck.offset, 0);
	CHECK_INT(ck.high, 0);
	CHECK_STR(ck.text, "129M@0M");
}

TEST(cmdline_centos6_grub_auto)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline(c6_grub_args, &ck, NULL), 1);
	CHECK_INT(ck.kind, CK_AUTO);
	CHECK_STR(ck.text, "auto");
	CHECK_U64(ck_size_for(&ck, 4 * G_), 161 * M_);	/* EL7 rule when no el is given */
	CHECK_U64(ck_auto_size(4 * G_, 6), 129 * M_);
}

TEST(cmdline_centos7_auto)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline(c7_proc_cmdline, &ck, NULL), 1);
	CHECK_INT(ck.kind, CK_AUTO);
	CHECK_STR(ck.text, "auto");
	CHECK_U64(ck.low_size, 0);
}

TEST(cmdline_debian12_ranges)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline(d12_proc_cmdline, &ck, NULL), 1);
	CHECK_INT(ck.kind, CK_RANGES);
	CHECK_INT(ck.nranges, 1);
	CHECK_U64(ck.ranges[0].start, 384 * M_);
	CHECK_U64(ck.ranges[0].end, UINT64_MAX);
	CHECK_U64(ck.ranges[0].size, 128 * M_);
	CHECK_INT(ck.has_offset, 0);
	CHECK_STR(ck.text, "384M-:128M");
	CHECK_U64(ck_size_for(&ck, 384 * M_ - 1), 0);
	CHECK_U64(ck_size_for(&ck, 384 * M_), 128 * M_);
	CHECK_U64(ck_size_for(&ck, 3916 * M_), 128 * M_);
}

TEST(cmdline_absent)
{
	struct crashkernel ck;

	memset(&ck, 0xa5, sizeof(ck));
	CHECK_INT(ck_from_cmdline(d12_plain_cmdline, &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_NONE);
	CHECK_STR(ck.text, "");
	CHECK_INT(ck_from_cmdline("", &ck, NULL), 0);
	CHECK_INT(ck_from_cmdline("   \n", &ck, NULL), 0);
	CHECK_INT(ck_from_cmdline(NULL, &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_NONE);
}

TEST(cmdline_last_wins)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline("ro crashkernel=128M quiet crashkernel=256M@16M rhgb", &ck, NULL), 1);
	CHECK_U64(ck.size, 256 * M_);
	CHECK_U64(ck.offset, 16 * M_);
	CHECK_STR(ck.text, "256M@16M");
	/* an earlier broken one does not matter: the kernel never reads it */
	CHECK_INT(ck_from_cmdline("crashkernel=abc crashkernel=auto", &ck, NULL), 1);
	CHECK_INT(ck.kind, CK_AUTO);
	CHECK_INT(ck_from_cmdline("crashkernel=auto crashkernel=512M-2G:64M,2G-:128M", &ck, NULL), 1);
	CHECK_INT(ck.kind, CK_RANGES);
	CHECK_INT(ck.nranges, 2);
}

TEST(cmdline_high_and_low)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline("ro crashkernel=512M,high crashkernel=96M,low quiet", &ck, NULL), 1);
	CHECK_INT(ck.kind, CK_SIZE);
	CHECK_INT(ck.high, 1);
	CHECK_U64(ck.size, 512 * M_);
	CHECK_U64(ck.low_size, 96 * M_);
	CHECK_STR(ck.text, "512M,high");
	CHECK_U64(ck_size_for(&ck, 64 * G_), 512 * M_);
	/* order does not matter, and the last ,low wins among the ,low ones */
	CHECK_INT(ck_from_cmdline("crashkernel=64M,low crashkernel=1G,high crashkernel=0,low", &ck, NULL), 1);
	CHECK_U64(ck.size, 1 * G_);
	CHECK_U64(ck.low_size, 0);
}

TEST(cmdline_plain_beats_high)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline("crashkernel=256M crashkernel=1G,high", &ck, NULL), 1);
	CHECK_U64(ck.size, 256 * M_);
	CHECK_INT(ck.high, 0);
	CHECK_INT(ck_from_cmdline("crashkernel=1G,high crashkernel=256M", &ck, NULL), 1);
	CHECK_U64(ck.size, 256 * M_);
	CHECK_INT(ck.high, 0);
}

TEST(cmdline_low_alone_reserves_nothing)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline("ro crashkernel=128M,low", &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_NONE);
	CHECK_U64(ck.low_size, 128 * M_);
	CHECK_U64(ck_size_for(&ck, 8 * G_), 0);
}

TEST(cmdline_whole_name_only)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline("xcrashkernel=256M crashkernelx=1G my.crashkernel=2G", &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_NONE);
	CHECK_INT(ck_from_cmdline("crashkernel crashkernel:256M", &ck, NULL), 0);
	CHECK_INT(ck_from_cmdline("xcrashkernel=256M crashkernel=64M", &ck, NULL), 1);
	CHECK_U64(ck.size, 64 * M_);
}

TEST(cmdline_quotes)
{
	struct crashkernel ck;

	/* inside another argument's quoted value it is not a parameter */
	CHECK_INT(ck_from_cmdline("dyndbg=\"file a.c crashkernel=64M +p\" quiet", &ck, NULL), 0);
	CHECK_INT(ck_from_cmdline("dyndbg=\"a crashkernel=64M b\" crashkernel=128M", &ck, NULL), 1);
	CHECK_U64(ck.size, 128 * M_);
	CHECK_INT(ck_from_cmdline("crashkernel=128M dyndbg=\"a crashkernel=64M b\"", &ck, NULL), 1);
	CHECK_U64(ck.size, 128 * M_);
	/* quotes around the value or the whole argument are dropped */
	CHECK_INT(ck_from_cmdline("ro crashkernel=\"256M@16M\" quiet", &ck, NULL), 1);
	CHECK_U64(ck.size, 256 * M_);
	CHECK_STR(ck.text, "256M@16M");
	CHECK_INT(ck_from_cmdline("ro \"crashkernel=192M\" quiet", &ck, NULL), 1);
	CHECK_U64(ck.size, 192 * M_);
	CHECK_STR(ck.text, "192M");
	/* an unterminated quote swallows the rest of the line */
	CHECK_INT(ck_from_cmdline("foo=\"bar crashkernel=64M", &ck, NULL), 0);
	/* a lone quote as the value is an empty value */
	CHECK_INT(ck_from_cmdline("crashkernel=\"", &ck, NULL), -EINVAL);
	CHECK_STR(ck.text, "");
}

TEST(cmdline_double_dash_ends_kernel_args)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline("ro quiet -- crashkernel=256M", &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_NONE);
	CHECK_INT(ck_from_cmdline("crashkernel=128M -- single crashkernel=1G", &ck, NULL), 1);
	CHECK_U64(ck.size, 128 * M_);
	/* "--foo" or "--=x" is an argument, not the end marker */
	CHECK_INT(ck_from_cmdline("--foo crashkernel=128M --=1 crashkernel=64M", &ck, NULL), 1);
	CHECK_U64(ck.size, 64 * M_);
}

TEST(cmdline_separators)
{
	struct crashkernel ck;

	CHECK_INT(ck_from_cmdline("\tro\tcrashkernel=160M\r\n", &ck, NULL), 1);
	CHECK_U64(ck.size, 160 * M_);
	CHECK_INT(ck_from_cmdline("crashkernel=160M\nquiet", &ck, NULL), 1);
	CHECK_U64(ck.size, 160 * M_);
}

TEST(cmdline_bad_winner)
{
	struct crashkernel ck;
	const char *line = "ro crashkernel=128M quiet crashkernel=64Mfoo rhgb";
	const char *err = NULL;

	CHECK_INT(ck_from_cmdline(line, &ck, &err), -EINVAL);
	CHECK_STR(ck.text, "64Mfoo");
	CHECK_INT(ck.kind, CK_NONE);
	CHECK(err == strstr(line, "foo"));
	CHECK_INT(ck_from_cmdline("crashkernel=", &ck, &err), -EINVAL);
	CHECK_STR(ck.text, "");
	CHECK_INT(ck_from_cmdline("crashkernel=99999999999999999999G", &ck, &err), -ERANGE);
	CHECK_STR(ck.text, "99999999999999999999G");
	CHECK_INT(ck_from_cmdline("crashkernel=1G-:", &ck, &err), -EINVAL);
	CHECK_STR(ck.text, "1G-:");
	/* a bad ,low is reported even when the main value is fine */
	CHECK_INT(ck_from_cmdline("crashkernel=256M,high crashkernel=12X,low", &ck, &err), -EINVAL);
	CHECK_STR(ck.text, "12X,low");
}

TEST(cmdline_huge_value_truncated)
{
	size_t n = 1 << 20, i;
	char *line = malloc(n + 32);
	struct crashkernel ck;
	int r;

	CHECK(line != NULL);
	strcpy(line, "ro crashkernel=");
	for (i = strlen(line); i < n; i++)
		line[i] = '7';
	line[n] = '\0';
	r = ck_from_cmdline(line, &ck, NULL);
	if (r != -ERANGE) {
		free(line);
		CHECK_INT(r, -ERANGE);
	}
	CHECK_INT((int)strlen(ck.text), (int)sizeof(ck.text) - 1);
	CHECK(memcmp(ck.text + sizeof(ck.text) - 4, "...", 3) == 0);
	CHECK(ck.text[0] == '7');
	/* a long run of ranges: more than CK_MAX_RANGES is refused, not overrun */
	line[0] = '\0';
	strcat(line, "crashkernel=");
	for (i = 0; i < 40; i++) {
		char buf[32];
		snprintf(buf, sizeof(buf), "%s%zuG-%zuG:64M", i ? "," : "", i + 1, i + 2);
		strcat(line, buf);
	}
	r = ck_from_cmdline(line, &ck, NULL);
	free(line);
	CHECK_INT(r, -EINVAL);
	CHECK_INT(ck.nranges, 0);
}

TEST(value_simple_sizes)
{
	struct crashkernel ck;

	CHECK_INT(ck_parse_value("256M", &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_SIZE);
	CHECK_U64(ck.size, 256 * M_);
	CHECK_INT(ck.has_offset, 0);
	CHECK_INT(ck_parse_value("256m@16m", &ck, NULL), 0);
	CHECK_U64(ck.size, 256 * M_);
	CHECK_U64(ck.offset, 16 * M_);
	CHECK_INT(ck.has_offset, 1);
	CHECK_INT(ck_parse_value("131072K", &ck, NULL), 0);
	CHECK_U64(ck.size, 128 * M_);
	CHECK_INT(ck_parse_value("1g", &ck, NULL), 0);
	CHECK_U64(ck.size, G_);
	CHECK_INT(ck_parse_value("2T", &ck, NULL), 0);
	CHECK_U64(ck.size, 2 * T_);
	CHECK_INT(ck_parse_value("1P", &ck, NULL), 0);
	CHECK_U64(ck.size, (uint64_t)1 << 50);
	CHECK_INT(ck_parse_value("15E", &ck, NULL), 0);
	CHECK_U64(ck.size, (uint64_t)15 << 60);
	CHECK_INT(ck_parse_value("134217728", &ck, NULL), 0);
	CHECK_U64(ck.size, 128 * M_);
	CHECK_INT(ck_parse_value("0", &ck, NULL), 0);
	CHECK_U64(ck.size, 0);
	CHECK_INT(ck_parse_value("18446744073709551615", &ck, NULL), 0);
	CHECK_U64(ck.size, UINT64_MAX);
}

TEST(value_memparse_bases)
{
	struct crashkernel ck;

	/* memparse reads numbers as strtoull with base 0 */
	CHECK_INT(ck_parse_value("0x8000000", &ck, NULL), 0);
	CHECK_U64(ck.size, 128 * M_);
	CHECK_INT(ck_parse_value("0x100M", &ck, NULL), 0);
	CHECK_U64(ck.size, 256 * M_);
	CHECK_INT(ck_parse_value("010M", &ck, NULL), 0);
	CHECK_U64(ck.size, 8 * M_);
	CHECK_INT(ck_parse_value("08M", &ck, NULL), -EINVAL);
	CHECK_INT(ck_parse_value("0xM", &ck, NULL), -EINVAL);
	CHECK_INT(ck_parse_value("128M@0x1000000", &ck, NULL), 0);
	CHECK_U64(ck.offset, 16 * M_);
}

TEST(value_ranges)
{
	struct crashkernel ck;

	CHECK_INT(ck_parse_value("512M-2G:64M,2G-:128M", &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_RANGES);
	CHECK_INT(ck.nranges, 2);
	CHECK_U64(ck.ranges[0].start, 512 * M_);
	CHECK_U64(ck.ranges[0].end, 2 * G_);
	CHECK_U64(ck.ranges[0].size, 64 * M_);
	CHECK_U64(ck.ranges[1].start, 2 * G_);
	CHECK_U64(ck.ranges[1].end, UINT64_MAX);
	CHECK_U64(ck.ranges[1].size, 128 * M_);
	CHECK_INT(ck.has_offset, 0);
	CHECK_INT(ck_parse_value("512M-2G:64M,2G-:128M@16M", &ck, NULL), 0);
	CHECK_INT(ck.has_offset, 1);
	CHECK_U64(ck.offset, 16 * M_);
	/* RHEL 8's auto table, as kdumpctl writes it out */
	CHECK_INT(ck_parse_value("1G-4G:192M,4G-64G:256M,64G-:512M", &ck, NULL), 0);
	CHECK_INT(ck.nranges, 3);
	/* adjacent and gapped ascending ranges are fine; start 0 too */
	CHECK_INT(ck_parse_value("0-1G:0,1G-2G:64M,4G-:128M", &ck, NULL), 0);
	CHECK_INT(ck.nranges, 3);
	CHECK_U64(ck.ranges[0].start, 0);
}

TEST(value_ranges_limit)
{
	char buf[1024] = "";
	struct crashkernel ck;
	int i;

	for (i = 0; i < CK_MAX_RANGES; i++)
		snprintf(buf + strlen(buf), sizeof(buf) - strlen(buf), "%s%dG-%dG:%dM", i ? "," : "", i + 1, i + 2, 64 + i);
	CHECK_INT(ck_parse_value(buf, &ck, NULL), 0);
	CHECK_INT(ck.nranges, CK_MAX_RANGES);
	CHECK_U64(ck.ranges[CK_MAX_RANGES - 1].size, (64 + CK_MAX_RANGES - 1) * M_);
	strcat(buf, ",40G-:1G");
	CHECK_INT(ck_parse_value(buf, &ck, NULL), -EINVAL);
}

TEST(value_auto_high_low)
{
	struct crashkernel ck;

	CHECK_INT(ck_parse_value("auto", &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_AUTO);
	CHECK_INT(ck_parse_value("AUTO", &ck, NULL), -EINVAL);
	CHECK_INT(ck_parse_value("autox", &ck, NULL), -EINVAL);
	CHECK_INT(ck_parse_value("auto@16M", &ck, NULL), -EINVAL);
	CHECK_INT(ck_parse_value("256M,high", &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_SIZE);
	CHECK_INT(ck.high, 1);
	CHECK_U64(ck.size, 256 * M_);
	CHECK_U64(ck.low_size, 0);
	CHECK_INT(ck_parse_value("128M,low", &ck, NULL), 0);
	CHECK_INT(ck.kind, CK_SIZE);
	CHECK_INT(ck.high, 0);
	CHECK_U64(ck.size, 0);
	CHECK_U64(ck.low_size, 128 * M_);
	CHECK_INT(ck_parse_value("0,low", &ck, NULL), 0);
	CHECK_U64(ck.low_size, 0);
}

TEST(value_garbage)
{
	static const char *const bad[] = {
		"", "abc", "M", "-1G", "256MB", "256 M", " 256M", "256M ", "256M@", "256M@16Mx",
		"256M@@16M", "256M,", "256M,high@16M", ",high", "256M,HIGH", "256M,middle", "x,low",
		"1G-:", "1G-", "1G:64M", "-:64M", "2G-1G:64M", "1G-1G:64M",
		"2G-4G:64M,1G-2G:32M", "1G-3G:64M,2G-4G:128M", "2G-:128M,4G-:256M",
		"512M-2G:64M,", "512M-2G64M", "512M-2G:64M,2G-:128M@", "512M-2G:64M,high",
		"512M-2G:64M;2G-:128M", "512M-2G:64M,2G-:128M,", "1G-2G:64M@16M@32M", "auto,high",
		"\x01\x02", "256M\xff", ":", "@16M",
	};
	struct crashkernel ck;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		int r = ck_parse_value(bad[i], &ck, NULL);
		if (r != -EINVAL)
			printf("#   value \"%s\"\n", bad[i]);
		CHECK_INT(r, -EINVAL);
		CHECK_INT(ck.kind, CK_NONE);
		CHECK_STR(ck.text, bad[i]);
	}
	CHECK_INT(ck_parse_value(NULL, &ck, NULL), -EINVAL);
}

TEST(value_errpos)
{
	struct crashkernel ck;
	const char *v, *err;

	v = "64Mfoo";
	CHECK_INT(ck_parse_value(v, &ck, &err), -EINVAL);
	CHECK(err == v + 3);
	v = "abc";
	CHECK_INT(ck_parse_value(v, &ck, &err), -EINVAL);
	CHECK(err == v);
	v = "512M-2G:64M,1G-:128M";
	CHECK_INT(ck_parse_value(v, &ck, &err), -EINVAL);
	CHECK(err == v + 12);	/* the range that goes backwards */
	v = "2G-1G:64M";
	CHECK_INT(ck_parse_value(v, &ck, &err), -EINVAL);
	CHECK(err == v + 3);	/* the end that is not above the start */
	v = "1G-:";
	CHECK_INT(ck_parse_value(v, &ck, &err), -EINVAL);
	CHECK(err == v + 4);
}

TEST(value_overflow)
{
	struct crashkernel ck;
	const char *v, *err;

	v = "99999999999999999999G";
	CHECK_INT(ck_parse_value(v, &ck, &err), -ERANGE);
	CHECK(err == v);
	CHECK_STR(ck.text, v);
	CHECK_INT(ck_parse_value("18446744073709551616", &ck, NULL), -ERANGE);
	CHECK_INT(ck_parse_value("16E", &ck, NULL), -ERANGE);
	CHECK_INT(ck_parse_value("17179869184G", &ck, NULL), -ERANGE);
	CHECK_INT(ck_parse_value("0x10000000000000000", &ck, NULL), -ERANGE);
	CHECK_INT(ck_parse_value("256M@99999999999999999999", &ck, NULL), -ERANGE);
	CHECK_INT(ck_parse_value("1G-99999999999999999999T:64M", &ck, NULL), -ERANGE);
	CHECK_INT(ck_parse_value("99999999999999999999,high", &ck, NULL), -ERANGE);
	CHECK_INT(ck.kind, CK_NONE);
}

TEST(size_for_range_boundaries)
{
	struct crashkernel ck;

	CHECK_INT(ck_parse_value("512M-2G:64M,2G-:128M", &ck, NULL), 0);
	CHECK_U64(ck_size_for(&ck, 0), 0);
	CHECK_U64(ck_size_for(&ck, 512 * M_ - 1), 0);
	CHECK_U64(ck_size_for(&ck, 512 * M_), 64 * M_);	/* start is inclusive */
	CHECK_U64(ck_size_for(&ck, 2 * G_ - 1), 64 * M_);
	CHECK_U64(ck_size_for(&ck, 2 * G_), 128 * M_);	/* end is exclusive */
	CHECK_U64(ck_size_for(&ck, 1 * T_), 128 * M_);
	CHECK_U64(ck_size_for(&ck, UINT64_MAX - 1), 128 * M_);
	/* a gap between ranges reserves nothing */
	CHECK_INT(ck_parse_value("1G-2G:64M,4G-8G:128M", &ck, NULL), 0);
	CHECK_U64(ck_size_for(&ck, 3 * G_), 0);
	CHECK_U64(ck_size_for(&ck, 4 * G_), 128 * M_);
	CHECK_U64(ck_size_for(&ck, 8 * G_), 0);
}

TEST(size_for_size_not_below_mem)
{
	struct crashkernel ck;

	/* the kernel refuses a matching-or-earlier range whose size is not below RAM */
	CHECK_INT(ck_parse_value("0-:512M", &ck, NULL), 0);
	CHECK_U64(ck_size_for(&ck, 512 * M_), 0);
	CHECK_U64(ck_size_for(&ck, 512 * M_ + 1), 512 * M_);
	CHECK_INT(ck_parse_value("1G-2G:2G,2G-:256M", &ck, NULL), 0);
	CHECK_U64(ck_size_for(&ck, 1536 * M_), 0);
	CHECK_U64(ck_size_for(&ck, 2 * G_), 0);		/* 2G is not below 2G */
	CHECK_U64(ck_size_for(&ck, 3 * G_), 256 * M_);
}

TEST(size_for_other_kinds)
{
	struct crashkernel ck;

	memset(&ck, 0, sizeof(ck));
	CHECK_U64(ck_size_for(&ck, 8 * G_), 0);
	CHECK_INT(ck_parse_value("256M@16M", &ck, NULL), 0);
	CHECK_U64(ck_size_for(&ck, 1 * G_), 256 * M_);
	CHECK_U64(ck_size_for(&ck, 0), 256 * M_);
	CHECK_INT(ck_parse_value("auto", &ck, NULL), 0);
	CHECK_U64(ck_size_for(&ck, 1 * G_), 0);
	CHECK_U64(ck_size_for(&ck, 16 * G_), 161 * M_);
	CHECK_U64(ck_size_for(&ck, 1 * T_), 224 * M_);
}

TEST(auto_el6)
{
	CHECK_U64(ck_auto_size(0, 6), 0);
	CHECK_U64(ck_auto_size(1882772 * K_, 6), 0);	/* a "2 GiB" guest's MemTotal */
	CHECK_U64(ck_auto_size(2 * G_ - 1, 6), 0);
	CHECK_U64(ck_auto_size(2 * G_, 6), 129 * M_);
	CHECK_U64(ck_auto_size(16 * G_, 6), 129 * M_);
	CHECK_U64(ck_auto_size(16 * G_ + 16 * K_, 6), 130 * M_);
	CHECK_U64(ck_auto_size(24959 * M_, 6), 130 * M_);	/* logged by a 2.6.32 host */
	CHECK_U64(ck_auto_size(1 * T_, 6), 192 * M_);
	CHECK_U64(ck_auto_size(4 * T_, 6), 384 * M_);
}

TEST(auto_el7)
{
	CHECK_U64(ck_auto_size(0, 7), 0);
	CHECK_U64(ck_auto_size(2 * G_ - 1, 7), 0);
	CHECK_U64(ck_auto_size(2 * G_, 7), 161 * M_);
	CHECK_U64(ck_auto_size(4095 * M_, 7), 161 * M_);	/* logged by a 3.10 guest */
	CHECK_U64(ck_auto_size(64 * G_, 7), 164 * M_);
	CHECK_U64(ck_auto_size(1 * T_, 7), 224 * M_);
	CHECK_U64(ck_auto_size(12 * T_, 7), 928 * M_);
	CHECK_U64(ck_auto_size(UINT64_MAX, 7), 160 * M_ + ((uint64_t)1 << 50));
	/* any other el follows EL7 */
	CHECK_U64(ck_auto_size(4 * G_, 8), 161 * M_);
	CHECK_U64(ck_auto_size(4 * G_, 0), 161 * M_);
	CHECK_U64(ck_auto_size(4 * G_, -1), 161 * M_);
}

UNIT_MAIN(
	T(cmdline_centos6_rewritten_auto),
	T(cmdline_centos6_grub_auto),
	T(cmdline_centos7_auto),
	T(cmdline_debian12_ranges),
	T(cmdline_absent),
	T(cmdline_last_wins),
	T(cmdline_high_and_low),
	T(cmdline_plain_beats_high),
	T(cmdline_low_alone_reserves_nothing),
	T(cmdline_whole_name_only),
	T(cmdline_quotes),
	T(cmdline_double_dash_ends_kernel_args),
	T(cmdline_separators),
	T(cmdline_bad_winner),
	T(cmdline_huge_value_truncated),
	T(value_simple_sizes),
	T(value_memparse_bases),
	T(value_ranges),
	T(value_ranges_limit),
	T(value_auto_high_low),
	T(value_garbage),
	T(value_errpos),
	T(value_overflow),
	T(size_for_range_boundaries),
	T(size_for_size_not_below_mem),
	T(size_for_other_kinds),
	T(auto_el6),
	T(auto_el7)
)
