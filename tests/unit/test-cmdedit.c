/* test-cmdedit.c - one kernel command line parameter set or removed, every other byte kept. */
#include <errno.h>
#include <string.h>

#include "fix/cmdedit.h"
#include "util.h"
#include "unit.h"

static char got[4096];

/* cmdedit_set() of crashkernel (",low" kept apart) on line: its result, the text in got. */
static int set(const char *line, const char *value)
{
	struct sbuf b;
	int r;

	sbuf_init(&b);
	r = cmdedit_set(line, strlen(line), "crashkernel", value, ",low", &b);
	xstrlcpy(got, sbuf_str(&b), sizeof(got));
	sbuf_free(&b);
	return r;
}

/* cmdedit_remove() of crashkernel on line. */
static int rm(const char *line)
{
	struct sbuf b;
	int r;

	sbuf_init(&b);
	r = cmdedit_remove(line, strlen(line), "crashkernel", ",low", &b);
	xstrlcpy(got, sbuf_str(&b), sizeof(got));
	sbuf_free(&b);
	return r;
}

TEST(replace_keeps_every_other_byte)
{
	/* CentOS 7's stock GRUB_CMDLINE_LINUX */
	CHECK_INT(set("crashkernel=auto rd.lvm.lv=centos/root rd.lvm.lv=centos/swap rhgb quiet", "256M"), 1);
	CHECK_STR(got, "crashkernel=256M rd.lvm.lv=centos/root rd.lvm.lv=centos/swap rhgb quiet");
	/* odd blanks around it stay as they are */
	CHECK_INT(set("  ro\troot=/dev/sda1   crashkernel=128M  quiet \n", "256M"), 1);
	CHECK_STR(got, "  ro\troot=/dev/sda1   crashkernel=256M  quiet \n");
	/* already so: nothing changes */
	CHECK_INT(set("ro crashkernel=256M quiet", "256M"), 0);
	CHECK_STR(got, "ro crashkernel=256M quiet");
	/* a quoted word loses its quotes */
	CHECK_INT(set("ro \"crashkernel=512M-2G:64M\" quiet", "256M"), 1);
	CHECK_STR(got, "ro crashkernel=256M quiet");
	CHECK_INT(set("ro crashkernel=\"auto\" quiet", "256M"), 1);
	CHECK_STR(got, "ro crashkernel=256M quiet");
}

TEST(later_duplicates_go_low_stays)
{
	CHECK_INT(set("crashkernel=auto ro crashkernel=128M quiet crashkernel=64M", "256M"), 1);
	CHECK_STR(got, "crashkernel=256M ro quiet");
	/* ",low" is another setting: kept, untouched */
	CHECK_INT(set("ro crashkernel=72M,low crashkernel=512M,high", "512M,high"), 0);
	CHECK_STR(got, "ro crashkernel=72M,low crashkernel=512M,high");
	CHECK_INT(set("ro crashkernel=72M,low", "256M"), 1);
	CHECK_STR(got, "ro crashkernel=72M,low crashkernel=256M");
}

TEST(added_after_the_last_word)
{
	CHECK_INT(set("rhgb quiet", "160M"), 1);
	CHECK_STR(got, "rhgb quiet crashkernel=160M");
	CHECK_INT(set("rhgb quiet  \n", "160M"), 1);
	CHECK_STR(got, "rhgb quiet crashkernel=160M  \n");
	CHECK_INT(set("", "160M"), 1);
	CHECK_STR(got, "crashkernel=160M");
	CHECK_INT(set("   ", "160M"), 1);
	CHECK_STR(got, "   crashkernel=160M");
	/* look-alikes are other parameters */
	CHECK_INT(set("xcrashkernel=1M crashkernelx=2M crashkernel ro", "160M"), 1);
	CHECK_STR(got, "xcrashkernel=1M crashkernelx=2M crashkernel ro crashkernel=160M");
	/* a quoted value with blanks is one word */
	CHECK_INT(set("dyndbg=\"file x.c +p\" quiet", "160M"), 1);
	CHECK_STR(got, "dyndbg=\"file x.c +p\" quiet crashkernel=160M");
}

TEST(remove_every_one)
{
	CHECK_INT(rm("crashkernel=auto rhgb quiet"), 1);
	CHECK_STR(got, "rhgb quiet");
	CHECK_INT(rm("  crashkernel=auto rhgb"), 1);
	CHECK_STR(got, "  rhgb");
	CHECK_INT(rm("ro crashkernel=auto  quiet crashkernel=1M "), 1);
	CHECK_STR(got, "ro  quiet ");
	CHECK_INT(rm("ro crashkernel=64M,low"), 0);
	CHECK_STR(got, "ro crashkernel=64M,low");
	CHECK_INT(rm("crashkernel=1M"), 1);
	CHECK_STR(got, "");
}

TEST(refused)
{
	struct sbuf b;

	CHECK_INT(set("ro", "256M quiet"), -EINVAL);
	CHECK_INT(set("ro", "\"256M\""), -EINVAL);
	CHECK_INT(set("ro", "256M\n"), -EINVAL);
	CHECK_INT(set("ro", "72M,low"), -EINVAL);
	CHECK_INT(set("ro dyndbg=\"file x.c +p", "256M"), -EINVAL);	/* the quote runs to the end */
	sbuf_init(&b);
	CHECK_INT(cmdedit_set("ro", 2, "", "1", NULL, &b), -EINVAL);
	CHECK_INT(cmdedit_set("ro", 2, "a=b", "1", NULL, &b), -EINVAL);
	CHECK_INT(cmdedit_set("ro", 2, "a", NULL, NULL, &b), -EINVAL);
	CHECK_INT(cmdedit_set("r\0o", 3, "a", "1", NULL, &b), -EINVAL);
	CHECK_INT(cmdedit_set("ro", CMDEDIT_MAX + 1, "a", "1", NULL, &b), -E2BIG);
	CHECK_INT((int)b.len, 0);
	CHECK_INT(cmdedit_set(NULL, 0, "a", "1", NULL, &b), 1);
	CHECK_STR(sbuf_str(&b), "a=1");
	sbuf_free(&b);
}

UNIT_MAIN(T(replace_keeps_every_other_byte), T(later_duplicates_go_low_stays), T(added_after_the_last_word), T(remove_every_one),
	  T(refused))
