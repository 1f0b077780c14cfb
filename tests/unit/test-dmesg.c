/* test-dmesg.c - the crash story from real EL6 / EL7 / Debian 12 kernel logs, and hostile logs. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "unit.h"
#include "util.h"
#include "vmcore/dmesg.h"

/* The fixture directory next to this file: tests/unit/data/dmesg. */
static void data_dir(char *out, size_t outlen)
{
	const char *slash = strrchr(__FILE__, '/');
	int n = slash ? (int)(slash - __FILE__) : 1;

	snprintf(out, outlen, "%.*s/data/dmesg", n, slash ? __FILE__ : ".");
}

/* Read a whole file into a new buffer; NULL when it cannot be read. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0, got;

	if (!f)
		return NULL;
	do {
		if (n == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + n, 1, cap - n, f);
		n += got;
	} while (got > 0);
	fclose(f);
	*len = n;
	return buf;
}

/* Parse a C string. */
static void story(const char *s, struct crash_story *cs)
{
	dmesg_story(s, strlen(s), cs);
}

/* The blocked tasks as "comm:pid:seconds,...". */
static void tasks_str(const struct crash_story *cs, char *out, size_t outlen)
{
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < cs->ntasks && o < outlen; i++)
		o += (size_t)snprintf(out + o, outlen - o, "%s%s:%ld:%ld", i ? "," : "", cs->tasks[i].comm,
				      cs->tasks[i].pid, cs->tasks[i].seconds);
}

/* The out-of-tree modules as "a,b,c". */
static void mods_str(const struct crash_story *cs, char *out, size_t outlen)
{
	size_t i, o = 0;

	out[0] = '\0';
	for (i = 0; i < cs->noot && o < outlen; i++)
		o += (size_t)snprintf(out + o, outlen - o, "%s%s", i ? "," : "", cs->oot_modules[i]);
}

/* Split a TSV line in place into at most max columns; returns the count. */
static int split_tabs(char *line, char **col, int max)
{
	int n = 0;

	col[n++] = line;
	for (; *line && n < max; line++)
		if (*line == '\t') {
			*line = '\0';
			col[n++] = line + 1;
		}
	return n;
}

/* Check one fixture against its row of expected.tsv; prints why on mismatch. */
static int fixture_ok(const char *dir, char **col)
{
	char path[4096], got[4096];
	struct crash_story cs;
	size_t len;
	char *text;
	int ok = 1;

	snprintf(path, sizeof(path), "%.2048s/%.1024s", dir, col[0]);
	text = slurp(path, &len);
	if (!text) {
		printf("#   %s: cannot read\n", col[0]);
		return 0;
	}
	if (dmesg_story(text, len, &cs) != 0) {
		printf("#   %s: dmesg_story failed\n", col[0]);
		free(text);
		return 0;
	}
	if (strcmp(crash_class_name(cs.cls), col[1]) != 0) {
		printf("#   %s: class %s, expected %s\n", col[0], crash_class_name(cs.cls), col[1]);
		ok = 0;
	}
	if (strcmp(cs.panic_message, col[2]) != 0) {
		printf("#   %s: panic message \"%s\", expected \"%s\"\n", col[0], cs.panic_message, col[2]);
		ok = 0;
	}
	tasks_str(&cs, got, sizeof(got));
	if (strcmp(got, col[3]) != 0) {
		printf("#   %s: tasks \"%s\", expected \"%s\"\n", col[0], got, col[3]);
		ok = 0;
	}
	snprintf(got, sizeof(got), "%s", cs.have_taint ? cs.taint : "-");
	if (strcmp(got, col[4]) != 0) {
		printf("#   %s: taint \"%s\", expected \"%s\"\n", col[0], got, col[4]);
		ok = 0;
	}
	mods_str(&cs, got, sizeof(got));
	if (strcmp(got, col[5]) != 0) {
		printf("#   %s: modules \"%s\", expected \"%s\"\n", col[0], got, col[5]);
		ok = 0;
	}
	crash_story_free(&cs);
	free(text);
	return ok;
}

TEST(fixtures_match_expected_table)
{
	char dir[4096], path[4096], *table, *line, *next, *col[8], listed[8192] = ",";
	size_t len, rows = 0, files = 0;
	int bad = 0;
	DIR *d;
	struct dirent *de;

	data_dir(dir, sizeof(dir));
	snprintf(path, sizeof(path), "%.2048s/expected.tsv", dir);
	table = slurp(path, &len);
	CHECK(table != NULL);
	table = xrealloc(table, len + 1);
	table[len] = '\0';
	for (line = table; line && *line; line = next) {
		next = strchr(line, '\n');
		if (next)
			*next++ = '\0';
		if (*line == '#' || *line == '\0')
			continue;
		if (split_tabs(line, col, 8) != 6) {
			printf("#   bad row: %s\n", line);
			bad++;
			continue;
		}
		rows++;
		if (!fixture_ok(dir, col))
			bad++;
		strncat(listed, col[0], sizeof(listed) - strlen(listed) - 2);
		strcat(listed, ",");
	}
	free(table);
	CHECK_INT(bad, 0);
	CHECK(rows >= 29);
	/* Every fixture in the directory has its row. */
	d = opendir(dir);
	CHECK(d != NULL);
	while ((de = readdir(d)) != NULL) {
		char key[300];

		if (!strstr(de->d_name, ".txt"))
			continue;
		files++;
		snprintf(key, sizeof(key), ",%s,", de->d_name);
		if (!strstr(listed, key)) {
			printf("#   %s has no row in expected.tsv\n", de->d_name);
			bad++;
		}
	}
	closedir(d);
	CHECK_INT(bad, 0);
	CHECK_INT(files, rows);
}

TEST(empty_and_null_input)
{
	struct crash_story cs;

	CHECK_INT(dmesg_story("", 0, &cs), 0);
	CHECK_INT(cs.cls, CRASH_UNKNOWN);
	CHECK_STR(cs.panic_message, "");
	CHECK_INT(cs.ntasks, 0);
	CHECK_INT(cs.noot, 0);
	CHECK_INT(cs.have_taint, 0);
	crash_story_free(&cs);
	CHECK_INT(dmesg_story(NULL, 100, &cs), 0);
	CHECK_INT(cs.cls, CRASH_UNKNOWN);
	crash_story_free(&cs);
	CHECK_INT(dmesg_story("x", 1, NULL), -EINVAL);
	crash_story_free(NULL);
	crash_story_free(&cs);		/* twice is harmless */
}

/* The class of a log given as a C string. */
static const char *class_of(const char *log)
{
	struct crash_story cs;
	const char *name;

	story(log, &cs);
	name = crash_class_name(cs.cls);
	crash_story_free(&cs);
	return name;
}

TEST(console_captures_and_pastes)
{
	/* a syslog stamp and host with no " kernel: " (conserver, ipmitool sol logs) */
	CHECK_STR(class_of("Jan  5 10:11:12 db01 [ 1234.567890] SysRq : Trigger a crash\n"
			   "Jan  5 10:11:12 db01 [ 1234.567999] BUG: unable to handle kernel NULL pointer dereference at (null)\n"
			   "Jan  5 10:11:12 db01 [ 1234.568000] IP: [<ffffffff8137fb06>] sysrq_handle_crash+0x16/0x20\n"), "sysrq");
	CHECK_STR(class_of("2019-03-04T05:06:07.123456+00:00 db01 kernel: [  300.1] BUG: soft lockup - CPU#3 stuck for 22s! [java:1234]\n"
			   "2019-03-04T05:06:07.223456+00:00 db01 kernel: [  300.2] Kernel panic - not syncing: softlockup: hung tasks\n"),
		  "softlockup");
	/* minicom's and dmesg -T's wall clocks */
	CHECK_STR(class_of("[2019-03-04 05:06:07] [  484.216521] INFO: task jbd2/dm-0-8:412 blocked for more than 120 seconds.\n"
			   "[2019-03-04 05:06:07.5] [  484.3] Kernel panic - not syncing: hung_task: blocked tasks\n"),
		  "hung_task");
	CHECK_STR(class_of("[Mon Mar  4 05:06:07 2019] BUG: unable to handle kernel paging request at ffff88\n"
			   "[Mon Mar  4 05:06:07 2019] Oops: 0000 [#1] SMP\n"
			   "[Mon Mar  4 05:06:08 2019] Kernel panic - not syncing: Fatal exception\n"), "oops");
	/* an editor's line numbers, with and without a colon, before the stamp or a syslog prefix */
	CHECK_STR(class_of("  121 [  10.0] kernel BUG at mm/slab.c:3111!\n"
			   "  122 [  10.1] invalid opcode: 0000 [#1] SMP\n"
			   "  123 [  10.2] Kernel panic - not syncing: Fatal exception\n"), "bug");
	CHECK_STR(class_of("41: Mar  3 10:06:14 app01 kernel: Kernel panic - not syncing: Out of memory and no killable processes...\n"),
		  "oom");
	CHECK_STR(class_of("7\t<0>[  12.5] Kernel panic - not syncing: Watchdog detected hard LOCKUP on cpu 6\n"), "hardlockup");
}

TEST(indented_pastes)
{
	struct crash_story cs;
	char got[256];

	/* a Markdown code block or a quoted mail: every line indented alike, no stamps */
	story("    INFO: task jbd2/dm-20-8:198571 blocked for more than 120 seconds.\n"
	      "          Not tainted 2.6.32-431.29.2.el6.x86_64 #1\n"
	      "\n"
	      "    \"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.\n"
	      "    Kernel panic - not syncing: hung_task: blocked tasks\n", &cs);
	CHECK_STR(crash_class_name(cs.cls), "hung_task");
	tasks_str(&cs, got, sizeof(got));
	CHECK_STR(got, "jbd2/dm-20-8:198571:120");
	crash_story_free(&cs);
	/* indented stamped lines among lines that are not */
	story("Some words of the report\n"
	      "    [  301.026129] Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n", &cs);
	CHECK_STR(cs.panic_message, "VFS: Unable to mount root fs on unknown-block(0,0)");
	crash_story_free(&cs);
	/* a kernel's own continuation lines keep their blanks: the panic line starts at column 0 */
	story("Kernel panic - not syncing: Fatal exception\n"
	      " [<ffffffff81546288>] ? panic+0xa7/0x16f\n", &cs);
	CHECK_STR(cs.panic_message, "Fatal exception");
	crash_story_free(&cs);
}

TEST(old_and_odd_panic_texts)
{
	/* 2.6.32: the MCE handler's own words, then a generic panic */
	CHECK_STR(class_of("CPU 2: Machine Check Exception: 0000000000000005\n"
			   "MCE: The hardware reports a non fatal, correctable incident occurred on CPU 2.\n"
			   "Kernel panic - not syncing: Unable to continue\n"), "mce");
	CHECK_STR(class_of("[Hardware Error]: CPU 4: Machine Check Exception: 5 Bank 4: b200000000070f0f\n"
			   "Kernel panic - not syncing: Fatal Machine check\n"), "mce");
	CHECK_STR(class_of("Watchdog detected hard LOCKUP on cpu 3\n"
			   "Pid: 0, comm: swapper Not tainted 2.6.32-431.el6.x86_64 #1\n"
			   "Kernel panic - not syncing: Watchdog detected hard LOCKUP on cpu 3\n"), "hardlockup");
	CHECK_STR(class_of("INFO: task java:2817 can't die for more than 120 seconds.\n"
			   "java            R  running task        0  2817      1 0x00000080\n"
			   "Kernel panic - not syncing: hung_task: blocked tasks\n"), "hung_task");
	/* a report without a panic did not kill the kernel */
	CHECK_STR(class_of("INFO: task java:2817 can't die for more than 120 seconds.\n"), "unknown");
	/* a printk that starts with "Oops: " is not a die() report; die()'s own forms are */
	CHECK_STR(class_of("Oops: efitime: can't read time!\n"), "unknown");
	CHECK_STR(class_of("Oops: 0002 [#1] SMP\n"), "oops");
	CHECK_STR(class_of("Oops: 0000\n"), "oops");
	CHECK_STR(class_of("Internal error: Oops: 805 [#1] SMP ARM\n"), "oops");
	CHECK_STR(class_of("Oops: Kernel access of bad area, sig: 11 [#1]\n"), "oops");
	/* "Unable to continue" after no machine check is not one */
	CHECK_STR(class_of("Kernel panic - not syncing: Unable to continue\n"), "unknown");
}

/*
 * tests/data/README's table "| file | class | kernel | source |": each file of
 * tests/data/klogs/ classified as the row says; at least 40 rows.
 */
TEST(real_world_corpus)
{
	char dir[2048], path[4096], line[1024];
	const char *slash = strrchr(__FILE__, '/');
	FILE *f;
	size_t rows = 0, el = 0;

	snprintf(dir, sizeof(dir), "%.*s/../data", slash ? (int)(slash - __FILE__) : 1, slash ? __FILE__ : ".");
	snprintf(path, sizeof(path), "%s/README", dir);
	f = fopen(path, "r");
	CHECK(f != NULL);
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char file[256], cls[32], kernel[128], *text;
		size_t len;
		struct crash_story cs;

		if (sscanf(line, "| %255[^ |] | %31[^ |] | %127[^ |] |", file, cls, kernel) != 3 || !strstr(file, ".txt"))
			continue;
		el += strstr(kernel, ".el6") || strstr(kernel, ".el7");
		snprintf(path, sizeof(path), "%s/klogs/%s", dir, file);
		text = slurp(path, &len);
		CHECK(text != NULL);
		if (!text)
			continue;
		dmesg_story(text, len, &cs);
		if (strcmp(crash_class_name(cs.cls), cls)) {
			printf("#   %s: class %s, the table says %s\n", file, crash_class_name(cs.cls), cls);
			CHECK(0);
		}
		crash_story_free(&cs);
		free(text);
		rows++;
	}
	fclose(f);
	CHECK(rows >= 40);
	CHECK(el >= 12);
}

TEST(class_names)
{
	CHECK_STR(crash_class_name(CRASH_UNKNOWN), "unknown");
	CHECK_STR(crash_class_name(CRASH_SYSRQ), "sysrq");
	CHECK_STR(crash_class_name(CRASH_HUNG_TASK), "hung_task");
	CHECK_STR(crash_class_name(CRASH_SOFTLOCKUP), "softlockup");
	CHECK_STR(crash_class_name(CRASH_HARDLOCKUP), "hardlockup");
	CHECK_STR(crash_class_name(CRASH_OOPS), "oops");
	CHECK_STR(crash_class_name(CRASH_BUG), "bug");
	CHECK_STR(crash_class_name(CRASH_OOM), "oom");
	CHECK_STR(crash_class_name(CRASH_NMI), "nmi");
	CHECK_STR(crash_class_name(CRASH_MCE), "mce");
	CHECK_STR(crash_class_name((enum crash_class)99), "unknown");
	CHECK_STR(crash_class_name((enum crash_class)-1), "unknown");
}

TEST(hung_task_lines_and_odd_comms)
{
	struct crash_story cs;
	char got[1024];

	story("[  122.000001] INFO: task kworker/0:1:12 blocked for more than 122 seconds.\n"
	      "[  122.000002] INFO: task kthread hiboma&:4082 blocked for more than 120 seconds.\n"
	      "INFO: task :7 blocked for more than 120 seconds.\n"
	      "INFO: task nocolon blocked for more than 120 seconds.\n"
	      "INFO: task swapper/0:0 blocked for more than 120 seconds.\n"	/* pid 0 is never a hung task */
	      "INFO: task bad:12x blocked for more than 120 seconds.\n"
	      "INFO: task big:99999999999999999999 blocked for more than 120 seconds.\n"
	      "INFO: task huge:2147483648 blocked for more than 120 seconds.\n"
	      "INFO: task nosecs:31 blocked for more than ever seconds.\n"
	      "INFO: task bigsecs:32 blocked for more than 9999999999999999999999 seconds.\n"
	      "INFO: task truncated:33\n"
	      "INFO: task ctrl\x01\xff:34 blocked for more than 5 seconds.\n"
	      "INFO: task kworker/0:1:12 blocked for more than 245 seconds.\n"
	      "INFO: task kworker/0:1:12 blocked for more than 60 seconds.\n", &cs);
	tasks_str(&cs, got, sizeof(got));
	CHECK_STR(got, "kworker/0:1:12:245,kthread hiboma&:4082:120,:7:120,nosecs:31:-1,bigsecs:32:-1,ctrl??:34:5");
	CHECK_INT(cs.cls, CRASH_UNKNOWN);	/* reports without a panic are not the cause */
	CHECK_STR(cs.panic_message, "");
	crash_story_free(&cs);
}

TEST(blocked_tasks_are_capped)
{
	struct sbuf b;
	struct crash_story cs;
	int i;

	sbuf_init(&b);
	for (i = 1; i <= 300; i++)
		sbuf_printf(&b, "INFO: task java:%d blocked for more than 120 seconds.\n", i);
	sbuf_printf(&b, "INFO: task java:%d blocked for more than 361 seconds.\n", 3);
	sbuf_puts(&b, "Kernel panic - not syncing: hung_task: blocked tasks\n");
	story(sbuf_str(&b), &cs);
	CHECK_INT(cs.cls, CRASH_HUNG_TASK);
	CHECK_INT(cs.ntasks, 256);
	CHECK_INT(cs.tasks[0].pid, 1);
	CHECK_INT(cs.tasks[2].seconds, 361);
	CHECK_INT(cs.tasks[255].pid, 256);
	crash_story_free(&cs);
	sbuf_free(&b);
}

TEST(panic_message_forms)
{
	struct crash_story cs;

	/* Console capture: the end marker on the same line. */
	story("[ 10.0] Kernel panic - not syncing: Fatal exception ---[ end Kernel panic - not syncing: Fatal exception ]---",
	      &cs);
	CHECK_STR(cs.panic_message, "Fatal exception");
	CHECK_INT(cs.cls, CRASH_OOPS);
	crash_story_free(&cs);
	/* Only the end marker survived (4.x+ form with " ]---"). */
	story("---[ end Kernel panic - not syncing: hung_task: blocked tasks ]---\n", &cs);
	CHECK_STR(cs.panic_message, "hung_task: blocked tasks");
	CHECK_INT(cs.cls, CRASH_HUNG_TASK);
	crash_story_free(&cs);
	/* The first panic is the cause; later ones are echoes. */
	story("<0>Kernel panic - not syncing: softlockup: hung tasks\n"
	      "<0>Kernel panic - not syncing: Fatal exception in interrupt\n", &cs);
	CHECK_STR(cs.panic_message, "softlockup: hung tasks");
	CHECK_INT(cs.cls, CRASH_SOFTLOCKUP);
	crash_story_free(&cs);
	/* printk caller ids (CONFIG_PRINTK_CALLER) and a CR. */
	story("[  112.043520] [ T1021] Kernel panic - not syncing: sysrq triggered crash\r\n", &cs);
	CHECK_STR(cs.panic_message, "sysrq triggered crash");
	CHECK_INT(cs.cls, CRASH_SYSRQ);
	crash_story_free(&cs);
	/* 2.6.18-era OOM panics and the memcg / page fault variants. */
	story("Kernel panic - not syncing: out of memory. panic_on_oom is selected\n", &cs);
	CHECK_INT(cs.cls, CRASH_OOM);
	crash_story_free(&cs);
	story("Kernel panic - not syncing: out of memory from page fault. panic_on_oom is selected.\n", &cs);
	CHECK_INT(cs.cls, CRASH_OOM);
	crash_story_free(&cs);
	story("Kernel panic - not syncing: Fatal hardware error!\n", &cs);
	CHECK_INT(cs.cls, CRASH_MCE);
	crash_story_free(&cs);
	story("Kernel panic - not syncing: Machine check from unknown source\n", &cs);
	CHECK_INT(cs.cls, CRASH_MCE);
	crash_story_free(&cs);
	story("Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b\n", &cs);
	CHECK_INT(cs.cls, CRASH_UNKNOWN);
	CHECK_STR(cs.panic_message, "Attempted to kill init! exitcode=0x0000000b");
	crash_story_free(&cs);
	/* An empty message is still a panic line. */
	story("Kernel panic - not syncing: \n", &cs);
	CHECK_STR(cs.panic_message, "");
	CHECK_INT(cs.cls, CRASH_UNKNOWN);
	crash_story_free(&cs);
}

TEST(panic_message_is_bounded_and_printable)
{
	struct sbuf b;
	struct crash_story cs;
	size_t i;

	sbuf_init(&b);
	sbuf_puts(&b, "Kernel panic - not syncing: bad\x01\x7f\xc3\xa9 ");
	for (i = 0; i < 2000; i++)
		sbuf_puts(&b, "x");
	story(sbuf_str(&b), &cs);
	CHECK_INT(strlen(cs.panic_message), sizeof(cs.panic_message) - 1);
	CHECK(strncmp(cs.panic_message, "bad???? xxx", 11) == 0);
	crash_story_free(&cs);
	sbuf_free(&b);
}

TEST(cause_is_what_panicked_not_the_first_scary_line)
{
	struct crash_story cs;

	/* A non-fatal WARNING and a soft lockup, then an oops with panic_on_oops. */
	story("WARNING: CPU: 1 PID: 22 at net/core/dev.c:3311 skb_warn_bad_offload+0x99/0xb0\n"
	      "BUG: soft lockup - CPU#1 stuck for 22s! [swapper/1:0]\n"
	      "BUG: unable to handle kernel paging request at ffffc90001e3a000\n"
	      "IP: [<ffffffffa01b2c3d>] ixgbe_clean_rx_irq+0x2d/0x800 [ixgbe]\n"
	      "PGD 0\n"
	      "Oops: 0000 [#1] SMP\n"
	      "Kernel panic - not syncing: Fatal exception in interrupt\n", &cs);
	CHECK_INT(cs.cls, CRASH_OOPS);
	crash_story_free(&cs);
	/* An old oops, then the hung-task panic. */
	story("BUG: unable to handle kernel NULL pointer dereference at 0000000000000010\n"
	      "Oops: 0000 [#1] SMP\n"
	      "INFO: task umount:912 blocked for more than 120 seconds.\n"
	      "Kernel panic - not syncing: hung_task: blocked tasks\n", &cs);
	CHECK_INT(cs.cls, CRASH_HUNG_TASK);
	crash_story_free(&cs);
	/* An oops in init, then init dies. */
	story("general protection fault: 0000 [#1] SMP\n"
	      "Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b\n", &cs);
	CHECK_INT(cs.cls, CRASH_OOPS);
	crash_story_free(&cs);
	/* "Fatal exception" with the report lost still means an oops. */
	story("Kernel panic - not syncing: Fatal exception\n", &cs);
	CHECK_INT(cs.cls, CRASH_OOPS);
	crash_story_free(&cs);
	/* A BUG, then an unrelated oops far later, no panic line: the last report. */
	story("kernel BUG at mm/slub.c:3879!\ninvalid opcode: 0000 [#1] SMP\n"
	      "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	      "Oops: 0002 [#2] SMP\n", &cs);
	CHECK_INT(cs.cls, CRASH_OOPS);
	crash_story_free(&cs);
	/* "invalid opcode" right after "kernel BUG at" is the same report. */
	story("kernel BUG at fs/ext4/inode.c:2672!\ninvalid opcode: 0000 [#1] SMP\n", &cs);
	CHECK_INT(cs.cls, CRASH_BUG);
	crash_story_free(&cs);
	/* A non-fatal hard lockup warning is not why the kernel died. */
	story("NMI watchdog: Watchdog detected hard LOCKUP on cpu 2\n", &cs);
	CHECK_INT(cs.cls, CRASH_UNKNOWN);
	crash_story_free(&cs);
	/* The 2.6.32 NMI watchdog dies through die_nmi(). */
	story("BUG: NMI Watchdog detected LOCKUP on CPU3, ip ffffffff8103e9a4, registers:\n", &cs);
	CHECK_INT(cs.cls, CRASH_HARDLOCKUP);
	crash_story_free(&cs);
	story("BUG: NMI Watchdog detected LOCKUP on CPU3, ip ffffffff8103e9a4, registers:\n"
	      "Kernel panic - not syncing: Non maskable interrupt\n", &cs);
	CHECK_INT(cs.cls, CRASH_HARDLOCKUP);
	crash_story_free(&cs);
	story("Kernel panic - not syncing: Non maskable interrupt\n", &cs);
	CHECK_INT(cs.cls, CRASH_NMI);
	crash_story_free(&cs);
	/* Reports after the panic point do not count. */
	story("Kernel panic - not syncing: VFS: Unable to mount root fs on unknown-block(0,0)\n"
	      "BUG: unable to handle kernel NULL pointer dereference at (null)\n", &cs);
	CHECK_INT(cs.cls, CRASH_UNKNOWN);
	crash_story_free(&cs);
}

TEST(sysrq_forms)
{
	struct crash_story cs;

	/* 4.x: "sysrq: SysRq : Trigger a crash" and the NULL write oops. */
	story("[  51.1] sysrq: SysRq : Trigger a crash\n"
	      "[  51.1] BUG: unable to handle kernel NULL pointer dereference at 0000000000000000\n"
	      "[  51.1] IP: sysrq_handle_crash+0x16/0x20\n"
	      "[  51.1] Oops: 0002 [#1] SMP PTI\n", &cs);
	CHECK_INT(cs.cls, CRASH_SYSRQ);
	crash_story_free(&cs);
	/* The trigger line lost, the oops's IP still tells. */
	story("BUG: unable to handle kernel NULL pointer dereference at (null)\n"
	      "IP: [<ffffffff8137ff76>] sysrq_handle_crash+0x16/0x20\n"
	      "PGD 118d3c067 PUD 118b42067 PMD 0\n"
	      "Oops: 0002 [#1] SMP\n", &cs);
	CHECK_INT(cs.cls, CRASH_SYSRQ);
	crash_story_free(&cs);
	/* With panic_on_oops and no kdump. */
	story("SysRq : Trigger a crash\n"
	      "BUG: unable to handle kernel NULL pointer dereference at           (null)\n"
	      "Oops: 0002 [#1] SMP\n"
	      "Kernel panic - not syncing: Fatal exception\n", &cs);
	CHECK_INT(cs.cls, CRASH_SYSRQ);
	CHECK_STR(cs.panic_message, "Fatal exception");
	crash_story_free(&cs);
}

TEST(taint_forms)
{
	struct crash_story cs;

	story("[   81.235005] CPU: 3 PID: 8284 Comm: DefSch0200 Tainted: G           O E ----V-------   3.10.0-229.42.1.105.x86_64 #1\n",
	      &cs);
	CHECK_INT(cs.have_taint, 1);
	CHECK_STR(cs.taint, "OEV");
	crash_story_free(&cs);
	story("WARNING: at net/sched/sch_generic.c:261 dev_watchdog+0x26d/0x280() (Not tainted)\n", &cs);
	CHECK_INT(cs.have_taint, 1);
	CHECK_STR(cs.taint, "");
	crash_story_free(&cs);
	story("      Tainted: G           --------------- H  2.6.32-431.el6.x86_64 #1\n", &cs);
	CHECK_STR(cs.taint, "H");
	crash_story_free(&cs);
	story("CPU: 0 PID: 1 Comm: swapper/0 Tainted: G 6.1.0\n", &cs);
	CHECK_INT(cs.have_taint, 1);
	CHECK_STR(cs.taint, "");
	crash_story_free(&cs);
	/* Words that merely contain the letters are not taint fields. */
	story("vboxguest: module verification failed: signature and/or required key missing - tainting kernel\n"
	      "UnTainted: P\n", &cs);
	CHECK_INT(cs.have_taint, 0);
	crash_story_free(&cs);
	/* The panic's own stack line wins over earlier reports. */
	story("CPU: 1 PID: 5 Comm: a Tainted: P 6.1.0\n"
	      "Kernel panic - not syncing: softlockup: hung tasks\n"
	      "CPU: 1 PID: 5 Comm: a Tainted: P             L 6.1.0\n"
	      "NMI backtrace for cpu 0\n"
	      "CPU: 0 PID: 0 Comm: swapper/0 Not tainted 6.1.0\n", &cs);
	CHECK_STR(cs.taint, "PL");
	crash_story_free(&cs);
	/* A flag run that never ends is cut at the field size. */
	{
		struct sbuf b;
		int i;

		sbuf_init(&b);
		sbuf_puts(&b, "Pid: 1, comm: init Tainted: ");
		for (i = 0; i < 500; i++)
			sbuf_puts(&b, "PX ");
		story(sbuf_str(&b), &cs);
		CHECK_INT(strlen(cs.taint), sizeof(cs.taint) - 1);
		crash_story_free(&cs);
		sbuf_free(&b);
	}
}

TEST(module_list_forms)
{
	struct crash_story cs;
	char got[1024];

	/* Flag groups of old and new kernels; unload and load markers; a bad token. */
	story("Modules linked in: a(P)(F) b(OE+) c(-) d e(O)x f..g (P) h(PO [last unloaded: z(O)] i(O)\n", &cs);
	mods_str(&cs, got, sizeof(got));
	CHECK_STR(got, "a,b,i");
	crash_story_free(&cs);
	/* A list split into two records by printk, then the next message. */
	story("[  9.1] Modules linked in: nvidia(POE) ext4\n"
	      "[  9.1]  zfs(POE) spl(OE) jbd2\n"
	      "[  9.1] CPU: 3 PID: 1 Comm: x Tainted: P           OE      6.1.0-18-amd64 #1\n"
	      "[  9.1]  fake(O)\n", &cs);
	mods_str(&cs, got, sizeof(got));
	CHECK_STR(got, "nvidia,zfs,spl");
	crash_story_free(&cs);
	/* The last list before the panic wins; a later one only when there was none. */
	story("Modules linked in: old(O)\nModules linked in: new(O)\n"
	      "Kernel panic - not syncing: x\nModules linked in: after(O)\n", &cs);
	mods_str(&cs, got, sizeof(got));
	CHECK_STR(got, "new");
	crash_story_free(&cs);
	story("Kernel panic - not syncing: x\nModules linked in: after(O)\nModules linked in: later(O)\n", &cs);
	mods_str(&cs, got, sizeof(got));
	CHECK_STR(got, "after");
	crash_story_free(&cs);
	/* Duplicates once; an empty list. */
	story("Modules linked in: dup(O) dup(O)\n", &cs);
	CHECK_INT(cs.noot, 1);
	crash_story_free(&cs);
	story("Modules linked in:", &cs);
	CHECK_INT(cs.noot, 0);
	crash_story_free(&cs);
}

TEST(module_list_is_capped)
{
	struct sbuf b;
	struct crash_story cs;
	int i;

	sbuf_init(&b);
	sbuf_puts(&b, "Modules linked in:");
	for (i = 0; i < 100000; i++)
		sbuf_printf(&b, " m%d(OE)", i % 300);
	sbuf_puts(&b, "\n");
	story(sbuf_str(&b), &cs);
	CHECK_INT(cs.noot, 256);
	CHECK_STR(cs.oot_modules[0], "m0");
	CHECK_STR(cs.oot_modules[255], "m255");
	crash_story_free(&cs);
	sbuf_free(&b);
}

TEST(hostile_bytes)
{
	static const char nul[] = "Kernel panic - not syncing: hung\0_task: blocked tasks\n"
				  "INFO: task a\0b:5 blocked for more than 1\0 seconds.\n"
				  "Modules linked in: x(O)\0y(O)\n"
				  "[\0\0\0] <\0> [ 1.2\n"
				  "<999999>[99999999999999999999999.1] \n"
				  "[ T] [12.] [.5] <>\n";
	struct crash_story cs;
	char *big;
	size_t n = 4u << 20, i;

	CHECK_INT(dmesg_story(nul, sizeof(nul) - 1, &cs), 0);
	CHECK_STR(cs.panic_message, "hung?_task: blocked tasks");
	CHECK_INT(cs.cls, CRASH_UNKNOWN);	/* "hung?_task:" is not the hung-task panic */
	CHECK_INT(cs.ntasks, 1);
	CHECK_STR(cs.tasks[0].comm, "a?b");
	CHECK_INT(cs.tasks[0].seconds, 1);
	CHECK_INT(cs.noot, 0);			/* "x(O)\0y(O)" is one bad token */
	crash_story_free(&cs);
	/* One 4 MiB line with no newline, of every byte value. */
	big = xmalloc(n);
	for (i = 0; i < n; i++)
		big[i] = (char)(i * 131 + 7);
	memcpy(big, "Modules linked in: ", 19);
	CHECK_INT(dmesg_story(big, n, &cs), 0);
	crash_story_free(&cs);
	/* Every prefix of a real report: never reads past the end. */
	{
		static const char rep[] = "<4>[ 5531.201949] Pid: 18231, comm: find Tainted: P   --- 2.6.32\n"
					  "[ 1.0] INFO: task jbd2/dm-3-8:1412 blocked for more than 120 seconds.\n"
					  "Modules linked in: vxfs(P) fdd(P)\n Kernel panic - not syncing: x ]---";
		size_t k;

		for (k = 0; k <= sizeof(rep) - 1; k++) {
			char *copy = xmalloc(k ? k : 1);

			memcpy(copy, rep, k);
			dmesg_story(copy, k, &cs);
			crash_story_free(&cs);
			free(copy);
		}
	}
	free(big);
}

#if defined(__SANITIZE_ADDRESS__)
#define UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define UNDER_ASAN 1
#endif
#endif
#ifndef UNDER_ASAN
#define UNDER_ASAN 0
#endif

/* Is the test running under valgrind (which slows everything 20-50 times)? */
static int under_valgrind(void)
{
	const char *p = getenv("LD_PRELOAD");

	return p && (strstr(p, "vgpreload") || strstr(p, "valgrind"));
}

TEST(large_log_is_linear)
{
	static const char *const lines[] = {
		"[ 1234.567890] INFO: task kworker/3:1:4567 blocked for more than 120 seconds.\n",
		"[ 1234.567891]       Tainted: P        W  OE      6.1.0-18-amd64 #1\n",
		"[ 1234.567892]  __schedule+0x34d/0x9e0\n",
		"[ 1234.567893] Modules linked in: nvidia(POE) zfs(POE) ext4 jbd2 mbcache\n",
		"[ 1234.567894] CPU: 3 PID: 4567 Comm: kworker/3:1 Tainted: P        W  OE      6.1.0-18-amd64 #1\n",
		"[ 1234.567895] Oops: 0000 [#1] PREEMPT SMP NOPTI\n",
		"[ 1234.567896] e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: None\n",
	};
	struct sbuf b;
	struct crash_story cs;
	size_t target = under_valgrind() ? (2u << 20) : UNDER_ASAN ? (16u << 20) : (50u << 20), i = 0;
	clock_t t0;
	double secs;

	sbuf_init(&b);
	while (b.len < target)
		sbuf_puts(&b, lines[i++ % ARRAY_SIZE(lines)]);
	sbuf_puts(&b, "[ 1300.000000] Kernel panic - not syncing: hung_task: blocked tasks\n");
	t0 = clock();
	dmesg_story(b.s, b.len, &cs);
	secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	printf("# %zu MiB in %.3f s\n", b.len >> 20, secs);
	CHECK_INT(cs.cls, CRASH_HUNG_TASK);
	CHECK_INT(cs.ntasks, 1);
	CHECK_STR(cs.taint, "PWOE");
	CHECK_INT(cs.noot, 2);
	crash_story_free(&cs);
	sbuf_free(&b);
	if (!under_valgrind())
		CHECK(secs < 1.0);
}

UNIT_MAIN(T(fixtures_match_expected_table), T(empty_and_null_input), T(class_names),
	  T(console_captures_and_pastes), T(indented_pastes), T(old_and_odd_panic_texts), T(real_world_corpus),
	  T(hung_task_lines_and_odd_comms), T(blocked_tasks_are_capped), T(panic_message_forms),
	  T(panic_message_is_bounded_and_printable), T(cause_is_what_panicked_not_the_first_scary_line),
	  T(sysrq_forms), T(taint_forms), T(module_list_forms), T(module_list_is_capped), T(hostile_bytes),
	  T(large_log_is_linear))
