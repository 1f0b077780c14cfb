/* test-sshlist.c - the listing of an ssh dump target: directory names, layouts, hostile output. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sshlist.h"
#include "unit.h"

/* Parse text into l. */
static void parse(const char *text, struct ssh_listing *l)
{
	sshlist_parse(text, strlen(text), l);
}

TEST(dir_names_el_and_debian)
{
	char host[64];
	int64_t t;
	int prec;

	setenv("TZ", "UTC", 1);
	tzset();
	CHECK_INT(sshlist_dir_time("10.0.0.5-2026-11-21-23:39:43", &t, &prec, host, sizeof(host)), 0);
	CHECK_INT(t, 1795304383);
	CHECK_INT(prec, 1);
	CHECK_STR(host, "10.0.0.5");
	CHECK_INT(sshlist_dir_time("web-01-202611212339", &t, &prec, host, sizeof(host)), 0);
	CHECK_INT(t, 1795304340);
	CHECK_INT(prec, 60);
	CHECK_STR(host, "web-01");
	CHECK_INT(sshlist_dir_time("202611212339", &t, &prec, host, sizeof(host)), 0);
	CHECK_STR(host, "");
	CHECK_INT(sshlist_dir_time("2026-11-21-23:39:43", &t, &prec, host, sizeof(host)), 0);
	CHECK_INT(sshlist_dir_time("x2026-11-21-23:39:43", &t, &prec, host, sizeof(host)) < 0, 1);
	CHECK_INT(sshlist_dir_time("h-2026-13-21-23:39:43", &t, &prec, host, sizeof(host)) < 0, 1);
	CHECK_INT(sshlist_dir_time("h-2026112125", &t, &prec, host, sizeof(host)) < 0, 1);
	CHECK_INT(sshlist_dir_time("pstore", &t, &prec, host, sizeof(host)) < 0, 1);
}

TEST(layouts_and_order)
{
	struct ssh_listing l;

	parse("65536 1795822800 81a4 h-2026-11-21-23:39:43/vmcore.flat\n"
	      "100 1795822800 81a4 h-2026-11-21-23:39:43/vmcore-dmesg.txt\n"
	      "10 1795822800 81a4 h-2026-11-21-23:39:43/vmcore.json\n"
	      "4096 1795829000 81a4 202611220100/dump-incomplete\n"
	      "8192 1795829000 81a4 202611220100/dump.202611220100\n"
	      "5 1795829000 81a4 h-2026-11-22-00:00:00-pstore/dmesg-ramoops-0\n"
	      "5 1795829000 81a4 misc/notes.txt\n", &l);
	CHECK_INT(l.n, 2);
	CHECK_STR(l.v[0].dir, "202611220100");
	CHECK_STR(l.v[0].vmcore, "dump.202611220100");
	CHECK_INT(l.v[0].complete, 1);
	CHECK_INT(l.v[0].size, 8192);
	CHECK_INT(l.v[0].dmesg, 0);
	CHECK_STR(l.v[1].vmcore, "vmcore.flat");
	CHECK_INT(l.v[1].dmesg, 1);
	CHECK_INT(l.v[1].sidecar, 1);
	CHECK_INT(l.v[1].mtime, 1795822800);
	sshlist_free(&l);
}

TEST(hostile_output)
{
	struct ssh_listing l;
	static const char junk[] = "not a line\n"
				   "1 2\n"
				   "-5 1 81a4 a-202611212339/vmcore\n"
				   "5 1 a1ff a-202611212339/vmcore\n"		/* a symlink */
				   "5 1 41ed a-202611212339/vmcore\n"		/* a directory */
				   "5 1 81a4 /vmcore\n"
				   "5 1 81a4 a/b/vmcore\n"
				   "5 1 81a4 noslash\n"
				   "99999999999999999999999 1 81a4 a-202611212339/vmcore\n"
				   "7 1 81a4 e\033]0;x\a-202611212339/vmcore\n";
	char big[600];

	parse(junk, &l);
	CHECK_INT(l.n, 1);
	CHECK_STR(l.v[0].dir, "e\\x1b]0;x\\x07-202611212339");
	CHECK_INT(l.v[0].size, 7);
	sshlist_free(&l);
	memset(big, 'a', sizeof(big));
	memcpy(big, "1 1 81a4 ", 9);
	memcpy(big + sizeof(big) - 9, "/vmcore\n", 9);
	parse(big, &l);
	CHECK_INT(l.n, 0);
	sshlist_free(&l);
	sshlist_parse("5 1 81a4 a/vmcore", 5, &l);	/* cut short */
	CHECK_INT(l.n, 0);
	sshlist_free(&l);
	/* a NUL among the numbers (it once left a field unsplit and wrote through NULL) */
	{
		static const char nul[] = "1 9\0009 81a4 a/vmcore\n5 1 81a4 b/vmcore\n";

		sshlist_parse(nul, sizeof(nul) - 1, &l);
		CHECK_INT(l.n, 1);
		CHECK_STR(l.v[0].dir, "b");
		sshlist_free(&l);
	}
}

TEST(remote_command_quotes_the_path)
{
	char cmd[3000];

	sshlist_command("/var/crash", cmd, sizeof(cmd));
	CHECK(strncmp(cmd, "cd -- /var/crash 2>/dev/null ||", 31) == 0);
	sshlist_command("/srv/it's here;rm -rf /", cmd, sizeof(cmd));
	CHECK(strncmp(cmd, "cd -- '/srv/it'\\''s here;rm -rf /' 2>", 37) == 0);
}

UNIT_MAIN(T(dir_names_el_and_debian), T(layouts_and_order), T(hostile_output), T(remote_command_quotes_the_path))
