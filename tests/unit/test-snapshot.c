/* test-snapshot.c - the parsers of snapshot: /proc/PID/stat, stack, sched, uptime, and the hung-task log reader. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "snapshot.h"
#include "unit.h"
#include "util.h"

#define S(x) x, sizeof(x) - 1

/* CentOS 7 (3.10): 52 fields, a D task. */
static const char STAT_EL7[] =
	"2817 (rmmod) D 2764 2817 2764 34816 2817 4202752 258 0 0 0 0 1 0 0 20 0 1 0 26442 4362240 163 "
	"18446744073709551615 4194304 4302252 140735929268448 140735929267400 139935226855447 0 0 0 0 "
	"18446744071579418870 0 0 17 1 0 0 12 0 0 6401696 6404112 24145920 140735929273127 140735929273161 "
	"140735929273161 140735929274348 0\n";
/* CentOS 6 (2.6.32): 44 fields, a kernel thread. */
static const char STAT_EL6[] =
	"1412 (jbd2/dm-3-8) D 2 0 0 0 -1 2149613632 0 0 0 0 0 214 0 0 20 0 1 0 1021 0 0 18446744073709551615 "
	"0 0 0 0 0 0 0 2147483647 0 18446744071580262360 0 0 17 6 0 0 3190 0 0\n";

TEST(stat_el7_rmmod)
{
	struct pstat st;
	CHECK_INT(pstat_parse(S(STAT_EL7), &st), 0);
	CHECK_INT(st.pid, 2817);
	CHECK_STR(st.comm, "rmmod");
	CHECK_INT(st.state, 'D');
	CHECK_INT(st.ppid, 2764);
	CHECK_INT(st.num_threads, 1);
	CHECK_INT(st.have_blkio, 1);
	CHECK_U64(st.blkio_ticks, 12);
	CHECK(!(st.flags & PF_KTHREAD_FLAG));
}

TEST(stat_el6_kernel_thread)
{
	struct pstat st;
	CHECK_INT(pstat_parse(S(STAT_EL6), &st), 0);
	CHECK_STR(st.comm, "jbd2/dm-3-8");
	CHECK(st.flags & PF_KTHREAD_FLAG);
	CHECK_U64(st.blkio_ticks, 3190);
	CHECK_INT(st.ppid, 2);
}

TEST(stat_comm_with_parens_and_blanks)
{
	static const char a[] = "2990 ((sd-pam)) Z 2987 2990 2990 0 -1 4227084 120 0 0 0 0 1 0 0 20 0 1 0 48820\n";
	static const char b[] = "4242 (a) (b) D 1 ) x) S 1 4242 4242 0 -1 4194560 1 0 0 0 0 0 0 0 20 0 1 0 9 0 0 7";
	static const char c[] = "1187 (tmux: server) D 1 1187 1187 0 -1 4194560 0 0 0 0 0 0 0 0 20 0 1 0 10452";
	struct pstat st;
	CHECK_INT(pstat_parse(S(a), &st), 0);
	CHECK_STR(st.comm, "(sd-pam)");
	CHECK_INT(st.state, 'Z');
	/* the last ')' ends comm: "a) (b) D 1 ) x" and then state S */
	CHECK_INT(pstat_parse(S(b), &st), 0);
	CHECK_STR(st.comm, "a) (b) D 1 ) x");
	CHECK_INT(st.state, 'S');
	CHECK_INT(st.have_blkio, 0);
	CHECK_INT(pstat_parse(S(c), &st), 0);
	CHECK_STR(st.comm, "tmux: server");
	CHECK_INT(st.state, 'D');
}

TEST(stat_hostile)
{
	static const char *const bad[] = {
		"", "\n", "2817", "2817 (rmmod)", "2817 (rmmod) D", "2817 (rmmod D 1 2 3",
		"x (rmmod) D 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18",
		"2817 (rmmod) D 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16",	/* no num_threads */
		"2817 (rmmod) D 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 x7",
		"2817 (rmmod) D 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 99999999999999999999999",
		"2817 (rmmod) D  1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17",
		"2817 (rmmod) 5 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17",
		"0 (rmmod) D 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17",
		"-5 (rmmod) D 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17",
		"2817 (rmmod) D 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 ",
	};
	static const char nul[] = "2817 (rm\0mod) D 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17";
	static const char nul2[] = "2817 (rmmod) D 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 1\0007";
	struct pstat st;
	char *huge;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		if (pstat_parse(bad[i], strlen(bad[i]), &st) != -EINVAL) {
			printf("# accepted: %s\n", bad[i]);
			CHECK(0);
		}
	}
	CHECK_INT(pstat_parse(S(nul), &st), -EINVAL);
	CHECK_INT(pstat_parse(S(nul2), &st), -EINVAL);
	/* a megabyte-long comm */
	huge = xmalloc(1 << 20);
	memset(huge, 'A', 1 << 20);
	memcpy(huge, "7 (", 3);
	CHECK_INT(pstat_parse(huge, 1 << 20, &st), -EINVAL);
	free(huge);
}

TEST(stack_310_with_end_marker)
{
	static const char s[] = "[<ffffffffa74b7ffa>] flush_workqueue+0x12a/0x440\n"
				"[<ffffffffc06ef2b5>] fcmgmt_exit+0x25/0x48 [fcmgmt]\n"
				"[<ffffffffa7515e4e>] SyS_delete_module+0x19e/0x310\n"
				"[<ffffffffa7b93f92>] system_call_fastpath+0x25/0x2a\n"
				"[<ffffffffffffffff>] 0xffffffffffffffff\n";
	struct kframes f;
	CHECK_INT(kstack_parse(S(s), &f), 0);
	CHECK_INT(f.n, 4);
	CHECK_STR(f.v[0], "flush_workqueue+0x12a/0x440");
	CHECK_STR(f.v[1], "fcmgmt_exit+0x25/0x48 [fcmgmt]");
	kframes_free(&f);
}

TEST(stack_hidden_addresses_no_newline)
{
	static const char s[] = "[<0>] jbd2_journal_commit_transaction+0x30a/0x1850 [jbd2]\n[<0>] kthread+0xd7/0x100";
	struct kframes f;
	CHECK_INT(kstack_parse(S(s), &f), 0);
	CHECK_INT(f.n, 2);
	CHECK_STR(f.v[1], "kthread+0xd7/0x100");
	kframes_free(&f);
	CHECK_INT(kstack_parse("", 0, &f), 0);	/* a running task or a zombie */
	CHECK_INT(f.n, 0);
}

TEST(stack_hostile)
{
	struct kframes f;
	char big[KSTACK_MAX_FRAMES * 16 + 64];
	size_t i, n = 0;

	CHECK_INT(kstack_parse(S("flush_workqueue+0x12a/0x440\n"), &f), -EINVAL);
	CHECK_INT(kstack_parse(S("[<0>]\n"), &f), -EINVAL);
	CHECK_INT(kstack_parse(S("[<0 flush\n"), &f), -EINVAL);
	CHECK_INT(kstack_parse(S("[<0>] ok+0x1/0x2\n[<0>] bad\001+0x1\n"), &f), -EINVAL);
	CHECK_INT(f.n, 0);
	CHECK_INT(kstack_parse(S("[<0>] a\0b\n"), &f), -EINVAL);
	for (i = 0; i <= KSTACK_MAX_FRAMES; i++)
		n += (size_t)snprintf(big + n, sizeof(big) - n, "[<0>] f%zu\n", i);
	CHECK_INT(kstack_parse(big, n, &f), -E2BIG);
	CHECK(f.v == NULL);
}

TEST(sched_310_block_start)
{
	static const char s[] = "rmmod (2817, #threads: 1)\n"
				"-------------------------------------------------------------------\n"
				"se.exec_start                                :        264467.307744\n"
				"se.statistics.sleep_start                    :             0.000000\n"
				"se.statistics.block_start                    :        264467.307744\n"
				"nr_switches                                  :                    3\n";
	struct psched ps;
	CHECK_INT(psched_parse(S(s), &ps), 0);
	CHECK_INT(ps.have_block_start, 1);
	CHECK_U64(ps.block_start_us, 264467307ull);
	CHECK_INT(ps.have_exec_start, 1);
	CHECK_U64(ps.exec_start_us, 264467307ull);
}

TEST(sched_variants)
{
	struct psched ps;
	/* 2.6.32 name, 5.16+ name, and 6.x without schedstats */
	CHECK_INT(psched_parse(S("se.block_start : 12.5\n"), &ps), 0);
	CHECK_U64(ps.block_start_us, 12500);
	CHECK_INT(psched_parse(S("stats.block_start                            :         99.000001\n"), &ps), 0);
	CHECK_U64(ps.block_start_us, 99000);
	CHECK_INT(psched_parse(S("se.exec_start  :  3311213.942398\nse.vruntime : 243.299655\n"), &ps), 0);
	CHECK_INT(ps.have_block_start, 0);
	CHECK_U64(ps.exec_start_us, 3311213942ull);
	/* schedstats on but never blocked: 0 is "not tracked" */
	CHECK_INT(psched_parse(S("se.statistics.block_start : 0.000000\n"), &ps), 0);
	CHECK_INT(ps.have_block_start, 0);
	CHECK_INT(psched_parse(S("se.exec_start : -1.000000\n"), &ps), -EINVAL);
	CHECK_INT(psched_parse(S("se.exec_start : 1.2.3\n"), &ps), -EINVAL);
	CHECK_INT(psched_parse(S("se.exec_start : 99999999999999999999.0\n"), &ps), -EINVAL);
	CHECK_INT(psched_parse(S("se.exec_start : \n"), &ps), -EINVAL);
	CHECK_INT(psched_parse(S("garbage\n\0\n:::\n"), &ps), 0);
	CHECK_INT(ps.have_exec_start, 0);
}

TEST(uptime)
{
	uint64_t us;
	CHECK_INT(uptime_parse(S("1392.71 2612.48\n"), &us), 0);
	CHECK_U64(us, 1392710000ull);
	CHECK_INT(uptime_parse(S("7 1"), &us), 0);
	CHECK_U64(us, 7000000ull);
	CHECK_INT(uptime_parse(S(""), &us), -EINVAL);
	CHECK_INT(uptime_parse(S("abc 1\n"), &us), -EINVAL);
	CHECK_INT(uptime_parse(S("1392.\n"), &us), -EINVAL);
}

TEST(log_el7_syslog_with_previous_boot)
{
	static const char s[] =
		"Mar  2 23:41:07 app01 kernel: INFO: task kworker/0:0:5 blocked for more than 120 seconds.\n"
		"Mar  3 09:59:32 app01 kernel: Linux version 3.10.0-1160.el7.x86_64 (mockbuild@kbuilder) #1 SMP\n"
		"Mar  3 10:06:14 app01 kernel: INFO: task rmmod:2817 blocked for more than 120 seconds.\n"
		"Mar  3 10:06:14 app01 kernel: \"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.\n"
		"Mar  3 10:06:14 app01 kernel: rmmod           D ffff9c2ebfd1acc0     0  2817   2764 0x00000080\n"
		"Mar  3 10:06:14 app01 kernel: Call Trace:\n"
		"Mar  3 10:06:14 app01 kernel: [<ffffffffa7b86d39>] schedule+0x29/0x70\n"
		"Mar  3 10:06:14 app01 kernel: [<ffffffffa74db990>] ? wake_up_state+0x20/0x20\n"
		"Mar  3 10:06:14 app01 kernel: [<ffffffffa74b7ffa>] flush_workqueue+0x12a/0x440\n"
		"Mar  3 10:07:01 app01 systemd: Started Session 9 of user root.\n";
	struct hung_log h;

	hung_log_init(&h);
	hung_log_text(&h, S(s));
	CHECK_INT(h.n, 1);
	CHECK_STR(h.v[0].comm, "rmmod");
	CHECK_INT(h.v[0].pid, 2817);
	CHECK_INT(h.v[0].seconds, 120);
	CHECK_INT(h.v[0].log_us, -1);
	CHECK_INT(h.v[0].trace.n, 3);
	CHECK_STR(h.v[0].trace.v[1], "? wake_up_state+0x20/0x20");
	CHECK_STR(h.v[0].trace.v[2], "flush_workqueue+0x12a/0x440");
	hung_log_free(&h);
}

/* Read tests/unit/data/dmesg/NAME (next to this file) into a new buffer; NULL when it cannot be read. */
static char *data_file(const char *name, size_t *len)
{
	const char *slash = strrchr(__FILE__, '/');
	int n = slash ? (int)(slash - __FILE__) : 1;
	char path[1024];
	FILE *f;
	char *buf = NULL;
	size_t cap = 0, got;

	snprintf(path, sizeof(path), "%.*s/data/dmesg/%s", n, slash ? __FILE__ : ".", name);
	f = fopen(path, "rb");
	if (!f)
		return NULL;
	*len = 0;
	do {
		if (*len == cap) {
			cap = cap ? cap * 2 : 65536;
			buf = xrealloc(buf, cap);
		}
		got = fread(buf + *len, 1, cap - *len, f);
		*len += got;
	} while (got > 0);
	fclose(f);
	return buf;
}

TEST(log_real_dmesg_el6)
{
	/* vmcore-dmesg.txt of CentOS 6 (2.6.32): "<3>" levels, raw stack words before "Call Trace:" */
	struct hung_log h;
	size_t len;
	char *data = data_file("el6-hung-task.txt", &len);

	CHECK(data != NULL);
	hung_log_init(&h);
	hung_log_text(&h, data, len);
	free(data);
	CHECK_INT(h.n, 5);
	CHECK_STR(h.v[0].comm, "jbd2/dm-3-8");
	CHECK_INT(h.v[0].pid, 1412);
	CHECK_INT(h.v[0].trace.n, 5);
	CHECK_STR(h.v[0].trace.v[0], "jbd2_journal_commit_transaction+0x1f8/0x1580 [jbd2]");
	CHECK_STR(h.v[1].comm, "flush-253:3");
	CHECK_INT(h.v[1].pid, 2101);
	CHECK_STR(h.v[2].comm, "kthread hiboma&");
	CHECK_STR(h.v[3].comm, "rmmod");
	CHECK_STR(h.v[3].trace.v[2], "sys_delete_module+0x9d/0x2a0");
	CHECK_INT(h.v[4].trace.n, 0);	/* cut short by the panic */
	hung_log_free(&h);
}

TEST(log_real_dmesg_deb12)
{
	/* Debian 12 (6.1): "[ ts]" stamps, <TASK> markers, a comm with ": " */
	struct hung_log h;
	size_t len;
	char *data = data_file("deb12-hung-task.txt", &len);

	CHECK(data != NULL);
	hung_log_init(&h);
	hung_log_text(&h, data, len);
	free(data);
	CHECK_INT(h.n, 4);
	CHECK_STR(h.v[0].comm, "kworker/0:1");
	CHECK_INT(h.v[0].pid, 12);
	CHECK_INT(h.v[0].log_us, 484216521);
	CHECK_STR(h.v[0].trace.v[0], "__schedule+0x34d/0x9e0");
	CHECK_STR(h.v[0].trace.v[7], "scsi_execute_cmd+0x6c/0x2b0 [scsi_mod]");
	CHECK_INT(h.v[0].trace.n, 8);
	CHECK_STR(h.v[2].comm, "tmux: server");
	CHECK_INT(h.v[2].pid, 1187);
	CHECK_INT(h.v[3].seconds, 241);
	hung_log_free(&h);
}

TEST(log_kmsg_records)
{
	struct hung_log h;

	hung_log_init(&h);
	CHECK_INT(hung_log_kmsg(&h, S("3,1204,484216521,-;INFO: task jbd2/sda1-8:241 blocked for more than 122 seconds.\n")), 0);
	CHECK_INT(hung_log_kmsg(&h, S("4,1205,484227163,-,caller=T38;Call Trace:\n")), 0);
	CHECK_INT(hung_log_kmsg(&h, S("4,1206,484227420,c;  <TASK>\n")), 0);
	CHECK_INT(hung_log_kmsg(&h, S("4,1207,484227640,c;  __schedule+0x34d/0x9e0\n SUBSYSTEM=block\n DEVICE=b8:0\n")), 0);
	CHECK_INT(hung_log_kmsg(&h, S("4,1208,484228011,c;  weird\\x5cname+0x1/0x2\n")), 0);
	CHECK_INT(hung_log_kmsg(&h, S("6,1209,484300000,-;EXT4-fs (sda1): mounted\n")), 0);
	CHECK_INT(hung_log_kmsg(&h, S("4,1210,484300001,c;  not_a_frame+0x1/0x2\n")), 0);
	CHECK_INT(h.n, 1);
	CHECK_INT(h.v[0].pid, 241);
	CHECK_INT(h.v[0].seconds, 122);
	CHECK_INT(h.v[0].log_us, 484216521);
	CHECK_INT(h.v[0].trace.n, 2);
	CHECK_STR(h.v[0].trace.v[1], "weird\\name+0x1/0x2");
	/* malformed headers feed nothing */
	CHECK_INT(hung_log_kmsg(&h, S("no header at all")), -EINVAL);
	CHECK_INT(hung_log_kmsg(&h, S("3,x,1,-;INFO: task a:1 blocked for more than 1 seconds.")), -EINVAL);
	CHECK_INT(hung_log_kmsg(&h, S("3,1,99999999999999999999999,-;INFO: task a:1 blocked for more than 1 seconds.")), -EINVAL);
	CHECK_INT(hung_log_kmsg(&h, S(";INFO: task a:1 blocked for more than 1 seconds.")), -EINVAL);
	CHECK_INT(h.n, 1);
	hung_log_free(&h);
}

TEST(log_hostile_lines)
{
	static const char s[] = "INFO: task :5 blocked for more than 1 seconds.\n"	/* empty comm is kept */
				"INFO: task nocolon blocked for more than 1 seconds.\n"
				"INFO: task a:0 blocked for more than 1 seconds.\n"
				"INFO: task a:99999999999 blocked for more than 1 seconds.\n"
				"INFO: task a:12 blocked for more than many seconds.\n"
				"INFO: task x blocked for more than 3:7 blocked for more than 9 seconds.\n"
				"[ 12.5 INFO: task b:1 blocked\n"
				"<99999999>INFO: task c:2 blocked for more than 4 seconds.\n";
	struct hung_log h;
	char *big;

	hung_log_init(&h);
	hung_log_text(&h, S(s));
	CHECK_INT(h.n, 3);
	CHECK_STR(h.v[0].comm, "");
	CHECK_INT(h.v[1].pid, 12);
	CHECK_INT(h.v[1].seconds, -1);
	CHECK_STR(h.v[2].comm, "x blocked for more than 3");
	CHECK_INT(h.v[2].pid, 7);
	CHECK_INT(h.v[2].seconds, 9);
	hung_log_free(&h);
	/* a 4 MiB line with no newline, NULs inside */
	big = xcalloc(4 << 20, 1);
	memcpy(big, "INFO: task ", 11);
	hung_log_text(&h, big, 4 << 20);
	CHECK_INT(h.n, 0);
	hung_log_free(&h);
	free(big);
}

UNIT_MAIN(T(stat_el7_rmmod), T(stat_el6_kernel_thread), T(stat_comm_with_parens_and_blanks), T(stat_hostile),
	  T(stack_310_with_end_marker), T(stack_hidden_addresses_no_newline), T(stack_hostile),
	  T(sched_310_block_start), T(sched_variants), T(uptime), T(log_el7_syslog_with_previous_boot),
	  T(log_real_dmesg_el6), T(log_real_dmesg_deb12), T(log_kmsg_records), T(log_hostile_lines))
