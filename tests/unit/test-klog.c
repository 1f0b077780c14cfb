/* test-klog.c - the kernel-log module: line decorations, /dev/kmsg records, hung-task reports. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/klog.h"
#include "unit.h"
#include "util.h"
#include "vmcore/dmesg.h"

#define S(x) x, sizeof(x) - 1

/* Decode a C string; the message as a new string in msg (caller's buffer). */
static void dec(const char *line, struct klog_line *kl, char *msg, size_t msglen)
{
	klog_decode(line, strlen(line), kl);
	snprintf(msg, msglen, "%.*s", (int)kl->len, kl->msg);
}

/* A line and what klog_decode() makes of it. */
struct dcase {
	const char *line, *msg;
	int level;
	long long ts_us;
	char caller;
	long caller_id;
};

TEST(decode_every_prefix_form)
{
	static const struct dcase cases[] = {
		{ "plain message", "plain message", -1, -1, 0, -1 },
		{ "[    1.234567] dmesg form", "dmesg form", -1, 1234567, 0, -1 },
		{ "<3>EL6 vmcore-dmesg", "EL6 vmcore-dmesg", 3, -1, 0, -1 },
		{ "<6>[  484.216521] dmesg -r", "dmesg -r", 6, 484216521, 0, -1 },
		{ "<4>[  484.216521][   T38] kernel caller form", "kernel caller form", 4, 484216521, 'T', 38 },
		{ "[  112.043520] [ T1021] dmesg(1) caller form", "dmesg(1) caller form", -1, 112043520, 'T', 1021 },
		{ "[    5.000001] [    C3] from a CPU", "from a CPU", -1, 5000001, 'C', 3 },
		{ "[  T38] caller without stamp", "caller without stamp", -1, -1, 'T', 38 },
		{ "<14>syslog priority", "syslog priority", 14, -1, 0, -1 },
		{ "[ 12.5] short fraction", "short fraction", -1, 12500000, 0, -1 },
		{ "[ 1.12345678] long fraction", "long fraction", -1, 1123456, 0, -1 },
		{ "[ 1.5]no blank", "no blank", -1, 1500000, 0, -1 },
	};
	struct klog_line kl;
	char m[256];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		const struct dcase *c = &cases[i];

		dec(c->line, &kl, m, sizeof(m));
		if (strcmp(m, c->msg) || kl.level != c->level || kl.ts_us != c->ts_us || kl.caller != c->caller ||
		    kl.caller_id != c->caller_id || kl.syslog_len != 0) {
			printf("# \"%s\": \"%s\" level %d ts %lld caller %c%ld\n", c->line, m, kl.level,
			       (long long)kl.ts_us, kl.caller ? kl.caller : '-', kl.caller_id);
			CHECK(0);
		}
	}
}

TEST(decode_syslog_prefixes)
{
	struct klog_line kl;
	char m[256];

	dec("Mar  3 10:06:14 app01 kernel: INFO: task rmmod:2817 blocked", &kl, m, sizeof(m));
	CHECK_STR(m, "INFO: task rmmod:2817 blocked");
	CHECK_INT(kl.syslog_len, 30);
	dec("Mar 13 10:06:14 app01 kernel: [ 12.000001] stamped", &kl, m, sizeof(m));
	CHECK_STR(m, "stamped");
	CHECK_INT(kl.ts_us, 12000001);
	dec("2024-03-03T10:06:14.123456+00:00 app01 kernel: RFC 3339", &kl, m, sizeof(m));
	CHECK_STR(m, "RFC 3339");
	/* not the kernel, or not a syslog stamp: untouched */
	dec("Mar  3 10:06:14 app01 sshd[12]: Accepted", &kl, m, sizeof(m));
	CHECK_STR(m, "Mar  3 10:06:14 app01 sshd[12]: Accepted");
	CHECK_INT(kl.syslog_len, 0);
	dec("Hello world, this kernel: is fine", &kl, m, sizeof(m));
	CHECK_STR(m, "Hello world, this kernel: is fine");
}

TEST(decode_console_capture_prefixes)
{
	static const struct {
		const char *line, *msg;
		size_t capture_len;
	} cases[] = {
		{ "Jan  5 10:11:12 db01 [ 12.5] conserver", "conserver", 21 },
		{ "2019-03-04T05:06:07.123456+00:00 db01 <4>[ 1.0] iso", "iso", 38 },
		{ "[2019-03-04 05:06:07] [ 1.0] minicom", "minicom", 22 },
		{ "[2019-03-04 05:06:07.123] minicom ms", "minicom ms", 26 },
		{ "[Mon Mar  4 05:06:07 2019] dmesg -T", "dmesg -T", 27 },
		{ "  123 [ 1.0] editor", "editor", 6 },
		{ "123: [ 1.0] editor colon", "editor colon", 5 },
		{ "     7\t<3>cat -n", "cat -n", 7 },
		{ "12| Mar  3 10:06:14 app01 kernel: piped", "piped", 4 },
		{ "9: [2019-03-04 05:06:07] Jan  5 10:11:12 db01 [ 1.0] all", "all", 46 },
		/* look-alikes: messages as they are */
		{ "123 plain words", "123 plain words", 0 },
		{ "  4096 bytes freed", "  4096 bytes freed", 0 },
		{ "[12:00] one colon", "[12:00] one colon", 0 },
		{ "[1:2:3] few digits", "[1:2:3] few digits", 0 },
		{ "[2019-03-04 05:06:07 no close", "[2019-03-04 05:06:07 no close", 0 },
		{ "[10:11:12;13] bad byte", "[10:11:12;13] bad byte", 0 },
		{ "Jan  5 10:11:12 db01 sshd[1]: not the kernel", "Jan  5 10:11:12 db01 sshd[1]: not the kernel", 0 },
		{ "12345678 [ 1.0] eight digits", "12345678 [ 1.0] eight digits", 0 },
	};
	struct klog_line kl;
	char m[256];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		dec(cases[i].line, &kl, m, sizeof(m));
		if (strcmp(m, cases[i].msg) || kl.capture_len != cases[i].capture_len) {
			printf("# \"%s\": \"%s\" capture_len %zu\n", cases[i].line, m, kl.capture_len);
			CHECK(0);
		}
	}
}

TEST(decode_lookalikes_are_messages)
{
	static const char *const same[] = {
		"<12345>five digits", "<>empty", "<3", "<x>", "[12] no fraction", "[ 12.] no fraction digits",
		"[.5] no integer", "[ T] no number", "[X1] not a caller", "[ 1.5", "[ T12", "[<ffffffff8109c8a6>] frame",
	};
	struct klog_line kl;
	char m[256];
	size_t i;

	for (i = 0; i < ARRAY_SIZE(same); i++) {
		dec(same[i], &kl, m, sizeof(m));
		if (strcmp(m, same[i]) != 0) {
			printf("# \"%s\" became \"%s\"\n", same[i], m);
			CHECK(0);
		}
	}
	/* a stamp too large for 64 bits is still a stamp, of unknown value */
	dec("[99999999999999999999999.1] huge", &kl, m, sizeof(m));
	CHECK_STR(m, "huge");
	CHECK_INT(kl.ts_us, -1);
	dec("[ 1.0] [ T99999999999] huge caller", &kl, m, sizeof(m));
	CHECK_STR(m, "huge caller");
	CHECK_INT(kl.caller, 'T');
	CHECK_INT(kl.caller_id, -1);
}

TEST(decode_hostile_lines)
{
	static const char full[] = "Mar  3 10:06:14 host kernel: <4>[  484.216521][   T38] x";
	static const char crnul[] = "<3>[ 1.0] message\r\0\0";
	struct klog_line kl;
	size_t k, n = 4u << 20;
	char *big;

	/* CRs and NULs at the end go; NULs and bytes above 0x7f inside stay */
	klog_decode(S(crnul), &kl);
	CHECK_INT(kl.len, 7);
	CHECK(!memcmp(kl.msg, "message", 7));
	klog_decode(S("[ 1.0] a\0b\xff\xfe"), &kl);
	CHECK_INT(kl.len, 5);
	CHECK(!memcmp(kl.msg, "a\0b\xff\xfe", 5));
	/* every truncation of a fully decorated line: the message stays inside the line */
	for (k = 0; k <= sizeof(full) - 1; k++) {
		char *copy = xmalloc(k ? k : 1);

		memcpy(copy, full, k);
		klog_decode(copy, k, &kl);
		CHECK(kl.msg >= copy && kl.msg + kl.len <= copy + k);
		free(copy);
	}
	/* 4 MiB of '[' and blanks, then of NULs */
	big = xmalloc(n);
	memset(big, ' ', n);
	big[0] = '[';
	klog_decode(big, n, &kl);
	CHECK_INT(kl.len, n);
	memset(big, 0, n);
	klog_decode(big, n, &kl);
	CHECK_INT(kl.len, 0);
	klog_decode("", 0, &kl);
	CHECK_INT(kl.len, 0);
	free(big);
}

/* Parse a C string as a hung-task report. */
static int hung(const char *msg, struct klog_hung *h)
{
	return klog_hung_parse(msg, strlen(msg), h);
}

/* Does the report name comm? */
static int comm_is(const struct klog_hung *h, const char *comm)
{
	return h->comm_len == strlen(comm) && !memcmp(h->comm, comm, h->comm_len);
}

TEST(hung_el6_and_newer_forms)
{
	struct klog_hung h;

	/* 2.6.32 (EL6), 3.10 (EL7) and 6.1 (Debian 12) print the same line */
	CHECK_INT(hung("INFO: task jbd2/dm-3-8:1412 blocked for more than 120 seconds.", &h), 0);
	CHECK_INT(h.kind, KLOG_HUNG_BLOCKED);
	CHECK(comm_is(&h, "jbd2/dm-3-8"));
	CHECK_INT(h.pid, 1412);
	CHECK_INT(h.seconds, 120);
	CHECK_INT(hung("INFO: task kworker/0:1:12 blocked for more than 241 seconds.", &h), 0);
	CHECK(comm_is(&h, "kworker/0:1"));
	CHECK_INT(h.pid, 12);
	CHECK_INT(h.seconds, 241);
	CHECK_INT(hung("INFO: task flush-253:3:2101 blocked for more than 120 seconds.", &h), 0);
	CHECK(comm_is(&h, "flush-253:3"));
	CHECK_INT(hung("INFO: task tmux: server:1187 blocked for more than 120 seconds.", &h), 0);
	CHECK(comm_is(&h, "tmux: server"));
	CHECK_INT(h.pid, 1187);
	/* killed tasks that do not exit */
	CHECK_INT(hung("INFO: task syz-executor.5:925 can't die for more than 143 seconds.", &h), 0);
	CHECK_INT(h.kind, KLOG_HUNG_CANT_DIE);
	CHECK(comm_is(&h, "syz-executor.5"));
	CHECK_INT(h.pid, 925);
	CHECK_INT(h.seconds, 143);
	/* other "INFO: task" lines of 6.x are not reports */
	CHECK_INT(hung("INFO: task kworker/u8:1:40 is blocked on a mutex likely owned by task kworker/u8:2:41.", &h),
		  -EINVAL);
	CHECK_INT(hung("INFO: task nocolon blocked for more than 120 seconds.", &h), -EINVAL);
	CHECK_INT(hung("INFO: task truncated:33", &h), -EINVAL);
	CHECK_INT(hung("INFO: task ", &h), -EINVAL);
	CHECK_INT(hung("INFO: tas", &h), -EINVAL);
	CHECK_INT(hung(" INFO: task a:1 blocked for more than 1 seconds.", &h), -EINVAL);
	CHECK_INT(klog_hung_parse("", 0, &h), -EINVAL);
}

TEST(hung_pid_rule)
{
	static const char *const bad[] = { "0", "00", "-5", "+5", "12x", "", " 12", "2147483648", "99999999999",
					   "99999999999999999999" };
	struct klog_hung h;
	char line[128];
	size_t i;

	/* the idle task (pid 0) never sleeps uninterruptibly: pid 0 is no report */
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		snprintf(line, sizeof(line), "INFO: task a:%s blocked for more than 120 seconds.", bad[i]);
		if (hung(line, &h) != -EINVAL) {
			printf("# accepted pid \"%s\"\n", bad[i]);
			CHECK(0);
		}
	}
	CHECK_INT(hung("INFO: task a:1 blocked for more than 120 seconds.", &h), 0);
	CHECK_INT(h.pid, 1);
	CHECK_INT(hung("INFO: task a:2147483647 blocked for more than 120 seconds.", &h), 0);
	CHECK_INT(h.pid, 2147483647L);
	CHECK_INT(hung("INFO: task a:007 blocked for more than 120 seconds.", &h), 0);
	CHECK_INT(h.pid, 7);
}

TEST(hung_pid_rule_is_the_same_for_tag_and_snapshot)
{
	static const char log[] = "INFO: task swapper:0 blocked for more than 120 seconds.\n"
				  "INFO: task rmmod:2817 blocked for more than 120 seconds.\n";
	struct crash_story cs;
	struct hung_log h;

	CHECK_INT(dmesg_story(S(log), &cs), 0);
	CHECK_INT(cs.ntasks, 1);
	CHECK_INT(cs.tasks[0].pid, 2817);
	crash_story_free(&cs);
	hung_log_init(&h);
	hung_log_text(&h, S(log));
	CHECK_INT(h.n, 1);
	CHECK_INT(h.v[0].pid, 2817);
	hung_log_free(&h);
}

TEST(hung_seconds)
{
	struct klog_hung h;

	CHECK_INT(hung("INFO: task a:12 blocked for more than many seconds.", &h), 0);
	CHECK_INT(h.seconds, -1);
	CHECK_INT(hung("INFO: task a:12 blocked for more than 0 seconds.", &h), 0);
	CHECK_INT(h.seconds, 0);
	CHECK_INT(hung("INFO: task a:12 blocked for more than 2147483647 seconds.", &h), 0);
	CHECK_INT(h.seconds, 2147483647L);
	CHECK_INT(hung("INFO: task a:12 blocked for more than 2147483648 seconds.", &h), 0);
	CHECK_INT(h.seconds, -1);
	CHECK_INT(hung("INFO: task a:12 blocked for more than 9999999999999999999999 seconds.", &h), 0);
	CHECK_INT(h.seconds, -1);
	CHECK_INT(hung("INFO: task a:12 blocked for more than 120", &h), 0);	/* cut short */
	CHECK_INT(h.seconds, 120);
	CHECK_INT(klog_hung_parse(S("INFO: task a:12 blocked for more than 7\0 seconds."), &h), 0);
	CHECK_INT(h.seconds, 7);
}

TEST(hung_comm_bounds)
{
	struct klog_hung h;
	struct sbuf b;
	int i;

	/* the last verb phrase within the scan window wins */
	CHECK_INT(hung("INFO: task x blocked for more than 3:7 blocked for more than 9 seconds.", &h), 0);
	CHECK(comm_is(&h, "x blocked for more than 3"));
	CHECK_INT(h.pid, 7);
	CHECK_INT(h.seconds, 9);
	/* an empty comm, and any bytes in a comm */
	CHECK_INT(hung("INFO: task :5 blocked for more than 1 seconds.", &h), 0);
	CHECK_INT(h.comm_len, 0);
	CHECK_INT(klog_hung_parse(S("INFO: task a\0\x01\xff:5 blocked for more than 1 seconds."), &h), 0);
	CHECK_INT(h.comm_len, 4);
	CHECK_INT(h.pid, 5);
	/* the phrase must end within KLOG_HUNG_SCAN bytes */
	sbuf_init(&b);
	sbuf_puts(&b, "INFO: task ");
	for (i = 0; i < KLOG_HUNG_SCAN - 30; i++)
		sbuf_puts(&b, "c");
	sbuf_puts(&b, ":1 blocked for more than 1 seconds.");
	CHECK_INT(klog_hung_parse(b.s, b.len, &h), 0);
	CHECK_INT(h.comm_len, KLOG_HUNG_SCAN - 30);
	sbuf_free(&b);
	sbuf_init(&b);
	sbuf_puts(&b, "INFO: task ");
	for (i = 0; i < KLOG_HUNG_SCAN; i++)
		sbuf_puts(&b, "c");
	sbuf_puts(&b, ":1 blocked for more than 1 seconds.");
	CHECK_INT(klog_hung_parse(b.s, b.len, &h), -EINVAL);
	sbuf_free(&b);
}

TEST(hung_truncations_and_huge_lines)
{
	static const char rep[] = "INFO: task kworker/0:1:12 blocked for more than 120 seconds.";
	struct klog_hung h;
	size_t k, n = 4u << 20;
	char *big;

	for (k = 0; k <= sizeof(rep) - 1; k++) {
		char *copy = xmalloc(k ? k : 1);
		int e;

		memcpy(copy, rep, k);
		e = klog_hung_parse(copy, k, &h);
		/* a report from the pid on, never before */
		CHECK(e == (k >= 48 ? 0 : -EINVAL));
		if (!e)
			CHECK(h.comm >= copy && h.comm + h.comm_len <= copy + k);
		free(copy);
	}
	big = xcalloc(n, 1);
	memcpy(big, "INFO: task a:1", 14);
	CHECK_INT(klog_hung_parse(big, n, &h), -EINVAL);
	memset(big + 14, '9', n - 14);
	memcpy(big, "INFO: task a:1 blocked for more than ", 37);
	CHECK_INT(klog_hung_parse(big, n, &h), 0);
	CHECK_INT(h.seconds, -1);
	free(big);
}

TEST(kmsg_records)
{
	struct klog_kmsg k;
	char out[64];
	size_t n;

	CHECK_INT(klog_kmsg_parse(S("6,1204,484216521,-,caller=T38;text here\n SUBSYSTEM=block\n"), &k), 0);
	CHECK_U64(k.prio, 6);
	CHECK_U64(k.seq, 1204);
	CHECK_INT(k.ts_us, 484216521);
	CHECK_INT(k.len, 9);
	CHECK(!memcmp(k.text, "text here", 9));
	CHECK_INT(klog_kmsg_parse(S("3,1,2;no flags, no newline"), &k), 0);
	CHECK_INT(k.len, 20);
	CHECK_INT(klog_kmsg_parse(S("3,1,2,-;"), &k), 0);
	CHECK_INT(k.len, 0);
	CHECK_INT(klog_kmsg_parse(S("3,1,9223372036854775808,-;x"), &k), -EINVAL);
	CHECK_INT(klog_kmsg_parse(S("3,1;x"), &k), -EINVAL);
	CHECK_INT(klog_kmsg_parse(S("3,-1,2,-;x"), &k), -EINVAL);
	CHECK_INT(klog_kmsg_parse(S("3,1,2.5,-;x"), &k), -EINVAL);
	CHECK_INT(klog_kmsg_parse(S("3,1,2,-"), &k), -EINVAL);
	n = klog_unescape(S("a\\x5cb\\x0a\\xZZ\\x4"), out);
	CHECK_INT(n, 11);
	CHECK(!memcmp(out, "a\\b\n\\xZZ\\x4", 11));
}

TEST(log_reports_with_traces_and_can_t_die)
{
	static const char s[] = "[  100.000000] INFO: task syz:925 can't die for more than 143 seconds.\n"
				"[  100.000001] Call Trace:\n"
				"[  100.000002]  <TASK>\n"
				"[  100.000003]  __schedule+0x34d/0x9e0\n"
				"[  100.000004]  </TASK>\n"
				"[  200.000000] INFO: task idle:0 blocked for more than 120 seconds.\n"
				"[  200.000001] Call Trace:\n"
				"[  200.000002]  not_kept+0x1/0x2\n";
	struct hung_log h;

	hung_log_init(&h);
	hung_log_text(&h, S(s));
	CHECK_INT(h.n, 1);
	CHECK_INT(h.v[0].kind, KLOG_HUNG_CANT_DIE);
	CHECK_INT(h.v[0].log_us, 100000000);
	CHECK_INT(h.v[0].trace.n, 1);
	CHECK_STR(h.v[0].trace.v[0], "__schedule+0x34d/0x9e0");
	hung_log_free(&h);
	/* a NUL inside a comm is shown as '?' */
	hung_log_init(&h);
	hung_log_text(&h, S("INFO: task a\0b:5 blocked for more than 1 seconds.\n"));
	CHECK_INT(h.n, 1);
	CHECK_STR(h.v[0].comm, "a?b");
	hung_log_free(&h);
}

UNIT_MAIN(T(decode_every_prefix_form), T(decode_syslog_prefixes), T(decode_console_capture_prefixes),
	  T(decode_lookalikes_are_messages),
	  T(decode_hostile_lines), T(hung_el6_and_newer_forms), T(hung_pid_rule),
	  T(hung_pid_rule_is_the_same_for_tag_and_snapshot), T(hung_seconds), T(hung_comm_bounds),
	  T(hung_truncations_and_huge_lines), T(kmsg_records), T(log_reports_with_traces_and_can_t_die))
