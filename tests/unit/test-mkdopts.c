/* test-mkdopts.c - makedumpfile options against the release that will run them. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "parse/mkdopts.h"
#include "unit.h"

/* The verdict on args for ver, and why into w. */
static int chk(const char *args, const char *ver, char *w, size_t wl)
{
	w[0] = '\0';
	return mkd_opts_check(args, ver, w, wl);
}

TEST(defaults_of_every_family_pass)
{
	char w[256];

	CHECK_INT(chk("-l --message-level 1 -d 31", "1.6.2", w, sizeof(w)), 0);	/* EL7 */
	CHECK_INT(chk("-c --message-level 1 -d 31", "1.3.5", w, sizeof(w)), 0);	/* EL6 */
	CHECK_INT(chk("-c -d 31", "1.7.2", w, sizeof(w)), 0);			/* Debian 12 */
	CHECK_INT(chk("-F -l --message-level 1 -d 31", "1.6.2", w, sizeof(w)), 0);
	CHECK_INT(chk("", "1.6.2", w, sizeof(w)), 0);
	CHECK_INT(chk(NULL, "1.6.2", w, sizeof(w)), 0);
}

TEST(too_new_and_removed_options)
{
	char w[256];

	CHECK_INT(chk("-z -d 31", "1.6.2", w, sizeof(w)), 1);
	CHECK_STR(w, "makedumpfile 1.6.2 does not take -z (it came with 1.7.0)");
	CHECK_INT(chk("-z -d 31", "1.7.0", w, sizeof(w)), 0);
	CHECK_INT(chk("-l -d 31", "1.3.5", w, sizeof(w)), 1);
	CHECK_STR(w, "makedumpfile 1.3.5 does not take -l (it came with 1.4.4)");
	CHECK_INT(chk("-c --num-threads 4 -d 31", "1.5.4", w, sizeof(w)), 1);
	CHECK_STR(w, "makedumpfile 1.5.4 does not take --num-threads (it came with 1.5.9)");
	CHECK_INT(chk("-c --non-cyclic -d 31", "1.6.2", w, sizeof(w)), 1);
	CHECK_STR(w, "makedumpfile 1.6.2 does not take --non-cyclic (removed after 1.5.8)");
	CHECK_INT(chk("-c --non-cyclic -d 31", "1.5.8", w, sizeof(w)), 0);
	CHECK_INT(chk("-e -d 31", "1.5.9", w, sizeof(w)), 1);
	CHECK_INT(chk("-p -d 31", "1.7.2-3.el8", w, sizeof(w)), 0);	/* a distribution suffix */
	CHECK_INT(chk("--partial-dmesg", "1.6", w, sizeof(w)), 1);	/* 1.6 is 1.6.0 */
}

TEST(unknown_options)
{
	char w[256];

	CHECK_INT(chk("-c -d 31 --bogus", "1.7.2", w, sizeof(w)), 1);
	CHECK_STR(w, "makedumpfile has no option --bogus");
	CHECK_INT(chk("-c -q", "1.7.2", w, sizeof(w)), 1);
	CHECK_STR(w, "makedumpfile has no option -q");
	CHECK_INT(chk("-c --x\x1b[2J=1", "1.7.2", w, sizeof(w)), 1);
	CHECK(strchr(w, '\x1b') == NULL);
	/* "--xen" is a prefix of three options: ambiguous, as getopt_long says */
	CHECK_INT(chk("--xen foo", "1.7.2", w, sizeof(w)), 1);
}

TEST(getopt_grammar)
{
	char w[256];

	CHECK_INT(chk("-cd31", "1.6.2", w, sizeof(w)), 0);		/* -c, then -d 31 */
	CHECK_INT(chk("-d -z", "1.6.2", w, sizeof(w)), 0);		/* "-z" is -d's argument */
	CHECK_INT(chk("--message-level=1 -z", "1.6.2", w, sizeof(w)), 1);	/* -z is an option here */
	CHECK_INT(chk("--message-level 1 -d 31", "1.6.2", w, sizeof(w)), 0);
	CHECK_INT(chk("--message 1 --num 2", "1.6.2", w, sizeof(w)), 0);	/* unique prefixes */
	CHECK_INT(chk("-c -- -z", "1.6.2", w, sizeof(w)), 0);		/* after "--", operands */
	CHECK_INT(chk("-c - x", "1.6.2", w, sizeof(w)), 0);
	CHECK_INT(chk("-c\t-d\t31", "1.6.2", w, sizeof(w)), 0);
}

TEST(bounds_and_bad_versions)
{
	char w[256], big[400];
	size_t i;

	CHECK_INT(chk("-c", "", w, sizeof(w)), -EINVAL);
	CHECK_INT(chk("-c", "abc", w, sizeof(w)), -EINVAL);
	CHECK_INT(chk("-c", NULL, w, sizeof(w)), -EINVAL);
	CHECK_INT(chk("-c", "99999.1", w, sizeof(w)), -EINVAL);
	/* bytes of the version after its number are quoted in the message, never raw */
	CHECK_INT(chk("-z", "1.6\xff\x1b[2J", w, sizeof(w)), 1);
	CHECK(strchr(w, '\x1b') == NULL && strchr(w, '\xff') == NULL);
	memset(big, 'c', sizeof(big));
	big[0] = '-';
	big[sizeof(big) - 1] = '\0';
	CHECK_INT(chk(big, "1.6.2", w, sizeof(w)), 1);
	/* past MKDOPTS_MAX_WORDS words, nothing more is read */
	big[0] = '\0';
	for (i = 0; i < MKDOPTS_MAX_WORDS; i++)
		strcat(big, "-c ");
	strcat(big, "-z");
	CHECK_INT(chk(big, "1.6.2", w, sizeof(w)), 0);
}

UNIT_MAIN(T(defaults_of_every_family_pass), T(too_new_and_removed_options), T(unknown_options), T(getopt_grammar),
	  T(bounds_and_bad_versions))
