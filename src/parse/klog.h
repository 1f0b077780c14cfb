/*
 * klog.h - the kernel log, parsed from buffers: the decorations of one line
 * (a syslog prefix, the "<N>" level, the "[ts]" stamp, the caller id), the
 * records of /dev/kmsg, the hung-task detector's reports, and a collector of
 * those reports with the call traces under them. Used by the crash story of
 * a dump (vmcore/dmesg.c) and by the snapshot of a live host.
 */
#ifndef KDC_PARSE_KLOG_H
#define KDC_PARSE_KLOG_H

#include <stddef.h>
#include <stdint.h>

#include "parse/proctask.h"

/* One line of log text without its decorations. */
struct klog_line {
	const char *msg;	/* the message, inside the line */
	size_t len;
	size_t capture_len;	/* bytes of a console capture's line number, wall clock or date and host, 0 none */
	size_t syslog_len;	/* bytes of a "Mar  3 10:00:01 host kernel: " prefix dropped, 0 none */
	int level;		/* the N of "<N>" (facility * 8 + level in syslog form), -1 none */
	int64_t ts_us;		/* the "[ 12.345678]" stamp in microseconds, -1 none or out of range */
	char caller;		/* 'T' (a thread) or 'C' (a CPU) of a "[  T123]" caller id, 0 none */
	long caller_id;		/* its number, -1 none */
};

/*
 * Decode one line (without its '\n'): trailing CRs and NULs go, then in this
 * order each decoration when present: what a console capture or a paste
 * adds (a line number, "[2019-03-04 05:06:07] ", a date and host), a syslog prefix ending in " kernel: ",
 * "<N>" (1 to 4 digits), "[ SEC.FRAC]" with one blank after it, "[ T123]" or
 * "[ C3]" (CONFIG_PRINTK_CALLER) with one blank after it. Never fails: a line
 * without decorations is all message. Reads at most a fixed prefix of the
 * line beyond the decorations themselves.
 */
void klog_decode(const char *line, size_t len, struct klog_line *kl);

/* A /dev/kmsg record "PRIO,SEQ,TS_USEC,FLAGS[,...];TEXT\n[ KEY=VALUE\n...]". */
struct klog_kmsg {
	uint64_t prio;
	uint64_t seq;
	int64_t ts_us;
	const char *text;	/* TEXT as the kernel escapes it ("\x0a"), inside the record */
	size_t len;
};

/* The header and the text of a record; 0, or -EINVAL when the first three fields are not numbers. */
int klog_kmsg_parse(const char *rec, size_t len, struct klog_kmsg *k);
/* Undo the "\xNN" escapes of n bytes at s into out (room for n bytes); returns the length. */
size_t klog_unescape(const char *s, size_t n, char *out);

enum klog_hung_kind {
	KLOG_HUNG_BLOCKED = 1,	/* "INFO: task COMM:PID blocked for more than N seconds." */
	KLOG_HUNG_CANT_DIE,	/* "INFO: task COMM:PID can't die for more than N seconds." (killed, not exiting) */
};

#define KLOG_HUNG_SCAN 128	/* the verb phrase must end within this many bytes after "INFO: task " */

/* A hung-task report line, as it names the task. */
struct klog_hung {
	enum klog_hung_kind kind;
	const char *comm;	/* inside the message, not terminated; may be empty, any bytes */
	size_t comm_len;
	long pid;		/* 1 .. INT32_MAX */
	long seconds;		/* N (0 .. INT32_MAX), -1 when it is not a number */
};

/*
 * Parse a message (a decoded line) as a hung-task report. COMM ends at the
 * last ':' before the last verb phrase (" blocked for more than " or " can't
 * die for more than ") that ends within KLOG_HUNG_SCAN bytes, so "kworker/0:1:12"
 * is kworker/0:1, pid 12. PID is decimal digits, 1 to INT32_MAX: the kernel
 * never reports pid 0 (the idle task never sleeps uninterruptibly). N is the
 * digits right after the phrase. Returns 0, or -EINVAL when the message is
 * not such a report (then h is unspecified).
 */
int klog_hung_parse(const char *msg, size_t len, struct klog_hung *h);

/* One hung-task report and the trace under it. */
struct hung_report {
	enum klog_hung_kind kind;
	char comm[128];		/* the raw bytes, a NUL shown as '?' */
	long pid;
	long seconds;		/* N; -1 when it does not parse */
	int64_t log_us;		/* kernel timestamp of the report, -1 unknown */
	struct kframes trace;	/* the "Call Trace:" frames, as printed ("? sym" kept) */
};

#define HUNG_MAX_REPORTS 1024

/* The hung-task reports of a kernel log, fed one line or record at a time. */
struct hung_log {
	struct hung_report *v;
	size_t n;
	size_t dropped;		/* reports past HUNG_MAX_REPORTS */
	int state;		/* parser state (private) */
	unsigned span;		/* lines since the report line (private) */
};

void hung_log_init(struct hung_log *h);
void hung_log_free(struct hung_log *h);

/*
 * One line of log text, decoded by klog_decode(). A "Linux version " line
 * starts a new boot and forgets the reports before it. ts_us >= 0 gives the
 * timestamp (a kmsg record); -1 takes it from the text when there is one.
 */
void hung_log_line(struct hung_log *h, const char *line, size_t len, int64_t ts_us);

/* A whole text log (dmesg output, kern.log, messages), line by line. */
void hung_log_text(struct hung_log *h, const char *text, size_t len);

/* One /dev/kmsg record: its text unescaped and fed as a line. 0, or -EINVAL (nothing fed). */
int hung_log_kmsg(struct hung_log *h, const char *rec, size_t len);

#endif
