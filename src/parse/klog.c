/*
 * klog.c - the kernel log, one line at a time.
 *
 * The format
 *
 * A kernel log line is a message behind optional decorations, in this order:
 *
 *   Mar  3 10:06:14 app01 kernel: <3>[  484.216521] [  T38] INFO: task ...
 *   '--------- syslog ----------' '-N-''--- stamp ---' caller  message
 *
 *   syslog  what rsyslog/syslog-ng write before a kernel message: a BSD stamp
 *           ("Mar  3 10:06:14") or an RFC 3339 one ("2024-03-03T10:06:14.123+00:00"),
 *           the host, then " kernel: " within the first 160 bytes.
 *   <N>     the level, or facility * 8 + level (dmesg -r, EL6 vmcore-dmesg,
 *           makedumpfile on old kernels): 1 to 4 digits.
 *   [ts]    seconds since boot, "[%5lu.%06lu]" (printk.time), one blank after.
 *   caller  "[%6s]" with T<pid> or C<cpu> (CONFIG_PRINTK_CALLER, 5.1 and
 *           later), straight after the stamp in the kernel's own form, after
 *           a blank in dmesg(1)'s.
 *
 * A log saved off a serial console (conserver, minicom, ipmitool sol, a
 * terminal logger) or pasted into a bug report may carry more before that,
 * dropped in this order when present:
 *
 *   number  an editor's or cat -n's line number: blanks, 1 to 7 digits, an
 *           optional ':' or '|', blanks or a tab; dropped only when a
 *           decoration or one of the prefixes below follows it.
 *   indent  blanks (at most 16) before a "<N>" level, a "[ 12.345678]"
 *           stamp or a syslog stamp: a line of a paste indented as a block
 *           (the kernel's own "  <TASK>" or " [<ffffffff8100>]" keep theirs).
 *   clock   a wall-clock stamp in brackets, "[2019-03-04 05:06:07] ",
 *           "[2019-03-04 05:06:07.123] ", dmesg -T's "[Mon Mar  4 05:06:07 2019] ":
 *           at most 64 bytes, at least two ':' and six digits, only digits,
 *           letters, blanks and "-.,+:T" inside.
 *   host    a syslog stamp (as below) and one word, the host, without
 *           " kernel: ": "Jan  5 10:11:12 db01 [  12.3] ...", only when '['
 *           or '<' follows.
 *
 * /dev/kmsg gives records instead: "PRIO,SEQ,TS_USEC,FLAGS[,...];TEXT\n"
 * with dictionary lines " KEY=VALUE\n" after it, and bytes of TEXT outside
 * printable ASCII escaped as "\xNN".
 *
 * The hung-task detector (kernel/hung_task.c) reports a task in D state for
 * longer than kernel.hung_task_timeout_secs with, since 2.6.26 and still in 6.x:
 *
 *   INFO: task jbd2/dm-3-8:1412 blocked for more than 120 seconds.
 *         Not tainted 2.6.32-754.el6.x86_64 #1          (2.6.32: "Tainted: P ...")
 *   "echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
 *   jbd2/dm-3-8   D 0000000000000001     0  1412      2 0x00000000
 *    ffff88023a0a1d10 0000000000000046 ...               (2.6.32: raw stack words)
 *   Call Trace:
 *    [<ffffffffa00435a8>] jbd2_journal_commit_transaction+0x1f8/0x1580 [jbd2]
 *    ? wake_up_state+0x20/0x20                          (4.x and later: no address)
 *    <TASK> ... </TASK>                                 (5.x and later markers)
 *
 * and, on kernels that watch killed tasks too, "INFO: task COMM:PID can't die
 * for more than N seconds." in the same shape. COMM is any bytes (up to 15 in
 * the kernel), so the pid is the number after its last ':'.
 *
 * Bounds: a line is read in place; the syslog prefix is looked for in its
 * first 160 bytes only; the collector keeps at most HUNG_MAX_REPORTS reports
 * (klog.h; the rest are counted as dropped) of at most TRACE_MAX frames each,
 * every frame a copy of one line: memory stays linear in the text.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parse/klog.h"
#include "util.h"

#define TRACE_MAX	64		/* frames kept per hung-task report */
#define REPORT_SPAN	12		/* lines between the report and its "Call Trace:" */
#define SYSLOG_SCAN	160		/* bytes of a line searched for " kernel: " */
#define CAPTURE_SCAN	64		/* bytes of a wall-clock stamp */

enum { HS_IDLE = 0, HS_HEAD, HS_TRACE };

/* Is c a decimal digit? */
static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* The number of decimal digits at p (before end). */
static size_t digits_at(const char *p, const char *end)
{
	const char *q = p;

	while (q < end && is_digit(*q))
		q++;
	return (size_t)(q - p);
}

/* n decimal digits (nothing else) as a number; 0, -EINVAL, -ERANGE. */
static int digits_u64(const char *p, size_t n, uint64_t *out)
{
	if (n == 0 || digits_at(p, p + n) != n)
		return -EINVAL;
	return parse_fixed(p, n, 0, out);
}

/* n decimal digits as a long in [lo, INT32_MAX], else -1. */
static long digits_long(const char *p, size_t n, long lo)
{
	uint64_t v;

	if (n > 10 || digits_u64(p, n, &v) || v < (uint64_t)lo || v > INT32_MAX)
		return -1;
	return (long)v;
}

static const char *after_bracket(const char *q, const char *end);

/* The length of a BSD ("Mar  3 10:00:01") or RFC 3339 syslog stamp at s, or 0. */
static size_t syslog_stamp(const char *s, size_t n)
{
	size_t i;

	if (n > 16 && s[3] == ' ' && (s[4] == ' ' || is_digit(s[4])) && is_digit(s[5]) && s[6] == ' ' &&
	    is_digit(s[7]) && s[9] == ':' && s[12] == ':' && s[15] == ' ')
		return 15;
	if (!(n > 20 && is_digit(s[0]) && is_digit(s[3]) && s[4] == '-' && s[7] == '-' && s[10] == 'T'))
		return 0;
	for (i = 11; i < n && i < CAPTURE_SCAN && s[i] != ' '; i++)
		;
	return i < n && s[i] == ' ' ? i : 0;
}

/* "[2019-03-04 05:06:07] ", "[Mon Mar  4 05:06:07 2019] ": the length with the blank after it, or 0. */
static size_t wallclock_bracket(const char *s, size_t n)
{
	size_t i, colons = 0, digits = 0;

	if (n < 10 || s[0] != '[')
		return 0;
	for (i = 1; i < n && i < CAPTURE_SCAN && s[i] != ']'; i++) {
		char c = s[i];

		if (c == ':')
			colons++;
		else if (is_digit(c))
			digits++;
		else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || strchr(" -.,+", c)))
			return 0;
	}
	if (i >= n || s[i] != ']' || colons < 2 || digits < 6)
		return 0;
	return (size_t)(after_bracket(s + i, s + n) - s);
}

/* "Jan  5 10:11:12 db01 " before a '[' or '<' (a console capture, no " kernel: "): its length, or 0. */
static size_t date_host(const char *s, size_t n)
{
	size_t i = syslog_stamp(s, n);

	if (!i)
		return 0;
	for (i++; i < n && i < SYSLOG_SCAN && s[i] != ' '; i++)
		;
	if (i + 1 >= n || s[i] != ' ' || (s[i + 1] != '[' && s[i + 1] != '<'))
		return 0;
	return i + 1;
}

/* An editor's line number ("  123 ", "123: ", "   12\t"): its length, or 0. */
static size_t line_number(const char *s, size_t n)
{
	size_t i = 0, nd;

	while (i < n && i < 16 && s[i] == ' ')
		i++;
	nd = digits_at(s + i, s + n);
	if (nd == 0 || nd > 7)
		return 0;
	i += nd;
	if (i < n && (s[i] == ':' || s[i] == '|'))
		i++;
	if (i >= n || (s[i] != ' ' && s[i] != '\t'))
		return 0;
	while (i < n && (s[i] == ' ' || s[i] == '\t'))
		i++;
	return i;
}

static size_t syslog_prefix(const char *s, size_t n);
static const char *skip_level(const char *p, const char *end, int *level);
static const char *skip_stamp(const char *p, const char *end, int64_t *ts_us);

/* Does a "<N>" level, a "[  12.345678]" stamp or a syslog stamp start s? */
static int decoration_at(const char *s, size_t n)
{
	int level;
	int64_t ts;

	return skip_level(s, s + n, &level) != s || skip_stamp(s, s + n, &ts) != s || syslog_stamp(s, n);
}

/* What a console capture or a paste put before the kernel's own line: its length, or 0. */
static size_t capture_prefix(const char *s, size_t n)
{
	size_t a = line_number(s, n), b, c;

	if (!a) {
		/* a paste indented as a block (a Markdown code block, a mail): blanks before the stamp */
		while (a < n && a < 16 && (s[a] == ' ' || s[a] == '\t'))
			a++;
		if (a && (a >= n || !decoration_at(s + a, n - a)))
			a = 0;
	}

	b = wallclock_bracket(s + a, n - a);
	c = date_host(s + a + b, n - a - b);
	if (a && !b && !c && n > a && s[a] != '[' && s[a] != '<' && !syslog_prefix(s + a, n - a))
		return 0;
	return a + b + c;
}

/*
 * The length of a syslog prefix ending in " kernel: " ("Mar  3 10:00:01 host
 * kernel: ", "2024-03-03T10:00:01.123+00:00 host kernel: "), or 0.
 */
static size_t syslog_prefix(const char *s, size_t n)
{
	static const char K[] = " kernel: ";
	size_t i, lim;

	if (!syslog_stamp(s, n))
		return 0;
	lim = n < SYSLOG_SCAN ? n : SYSLOG_SCAN;
	for (i = 15; i + sizeof(K) - 1 <= lim; i++)
		if (!memcmp(s + i, K, sizeof(K) - 1))
			return i + sizeof(K) - 1;
	return 0;
}

/* "<N>" at p: its value in *level; returns what follows it (p when there is none). */
static const char *skip_level(const char *p, const char *end, int *level)
{
	size_t nd;
	uint64_t v;

	if (p >= end || *p != '<')
		return p;
	nd = digits_at(p + 1, end);
	if (nd == 0 || nd > 4 || p + 1 + nd >= end || p[1 + nd] != '>' || digits_u64(p + 1, nd, &v))
		return p;
	*level = (int)v;
	return p + nd + 2;
}

/* A closing ']' at q and one blank after it: what follows. */
static const char *after_bracket(const char *q, const char *end)
{
	q++;
	if (q < end && *q == ' ')
		q++;
	return q;
}

/* "[ SEC.FRAC]" at p: the stamp in *ts_us (-1 when too large); returns what follows it. */
static const char *skip_stamp(const char *p, const char *end, int64_t *ts_us)
{
	const char *q = p, *num;
	size_t ni, nf;
	uint64_t us;

	if (q >= end || *q != '[')
		return p;
	for (q++; q < end && *q == ' '; q++)
		;
	num = q;
	ni = digits_at(q, end);
	if (!ni || q + ni >= end || q[ni] != '.')
		return p;
	nf = digits_at(q + ni + 1, end);
	q += ni + 1 + nf;
	if (!nf || q >= end || *q != ']')
		return p;
	if (!parse_fixed(num, (size_t)(q - num), 6, &us) && us <= INT64_MAX)
		*ts_us = (int64_t)us;
	return after_bracket(q, end);
}

/* "[  T123]" or "[ C3]" at p: the kind and number; returns what follows it. */
static const char *skip_caller(const char *p, const char *end, char *caller, long *id)
{
	const char *q = p;
	size_t nd;

	if (q >= end || *q != '[')
		return p;
	for (q++; q < end && *q == ' '; q++)
		;
	if (q >= end || (*q != 'T' && *q != 'C'))
		return p;
	nd = digits_at(q + 1, end);
	if (!nd || q + 1 + nd >= end || q[1 + nd] != ']')
		return p;
	*caller = *q;
	*id = digits_long(q + 1, nd, 0);
	return after_bracket(q + 1 + nd, end);
}

void klog_decode(const char *line, size_t len, struct klog_line *kl)
{
	const char *p = line, *end = line + len;

	memset(kl, 0, sizeof(*kl));
	kl->level = -1;
	kl->ts_us = -1;
	kl->caller_id = -1;
	while (end > p && (end[-1] == '\r' || end[-1] == '\0'))
		end--;
	kl->capture_len = capture_prefix(p, (size_t)(end - p));
	p += kl->capture_len;
	kl->syslog_len = syslog_prefix(p, (size_t)(end - p));
	p += kl->syslog_len;
	p = skip_level(p, end, &kl->level);
	p = skip_stamp(p, end, &kl->ts_us);
	p = skip_caller(p, end, &kl->caller, &kl->caller_id);
	kl->msg = p;
	kl->len = (size_t)(end - p);
}

int klog_kmsg_parse(const char *rec, size_t len, struct klog_kmsg *k)
{
	const char *semi = memchr(rec, ';', len), *p = rec, *end, *nl;
	uint64_t v[3];
	unsigned field;

	if (!semi)
		return -EINVAL;
	for (field = 0; field < 3; field++) {
		const char *tok = p;
		while (p < semi && *p != ',')
			p++;
		if (digits_u64(tok, (size_t)(p - tok), &v[field]))
			return -EINVAL;
		if (p < semi)
			p++;
	}
	if (v[2] > INT64_MAX)
		return -EINVAL;
	k->prio = v[0];
	k->seq = v[1];
	k->ts_us = (int64_t)v[2];
	end = rec + len;
	nl = memchr(semi + 1, '\n', (size_t)(end - semi - 1));
	k->text = semi + 1;
	k->len = (size_t)((nl ? nl : end) - k->text);
	return 0;
}

size_t klog_unescape(const char *s, size_t n, char *out)
{
	const char *p, *end = s + n;
	size_t o = 0;

	for (p = s; p < end; p++) {
		if (p[0] == '\\' && end - p >= 4 && p[1] == 'x' && hex_value(p[2]) >= 0 && hex_value(p[3]) >= 0) {
			out[o++] = (char)(hex_value(p[2]) * 16 + hex_value(p[3]));
			p += 3;
		} else {
			out[o++] = *p;
		}
	}
	return o;
}

/* The last occurrence of the literal lit that lies wholly within the first n bytes of s, or NULL. */
static const char *last_within(const char *s, size_t n, const char *lit)
{
	size_t k = strlen(lit);
	const char *found = NULL, *p = s, *m;

	while ((m = memmem(p, n - (size_t)(p - s), lit, k)) != NULL) {
		found = m;
		p = m + 1;
	}
	return found;
}

int klog_hung_parse(const char *msg, size_t len, struct klog_hung *h)
{
	static const char HEAD[] = "INFO: task ", BLOCKED[] = " blocked for more than ",
			  CANT_DIE[] = " can't die for more than ";
	const char *rest = msg + sizeof(HEAD) - 1, *end = msg + len, *b, *c, *mid, *colon;
	size_t n, ml;

	if (len < sizeof(HEAD) - 1 || memcmp(msg, HEAD, sizeof(HEAD) - 1))
		return -EINVAL;
	n = (size_t)(end - rest) < KLOG_HUNG_SCAN ? (size_t)(end - rest) : KLOG_HUNG_SCAN;
	b = last_within(rest, n, BLOCKED);
	c = last_within(rest, n, CANT_DIE);
	mid = b && (!c || b > c) ? b : c;
	if (!mid)
		return -EINVAL;
	h->kind = mid == b ? KLOG_HUNG_BLOCKED : KLOG_HUNG_CANT_DIE;
	ml = mid == b ? sizeof(BLOCKED) - 1 : sizeof(CANT_DIE) - 1;
	colon = memrchr(rest, ':', (size_t)(mid - rest));
	if (!colon)
		return -EINVAL;
	h->pid = digits_long(colon + 1, (size_t)(mid - colon - 1), 1);
	if (h->pid < 0)
		return -EINVAL;
	h->comm = rest;
	h->comm_len = (size_t)(colon - rest);
	mid += ml;
	h->seconds = digits_long(mid, digits_at(mid, end), 0);
	return 0;
}

void hung_log_init(struct hung_log *h)
{
	memset(h, 0, sizeof(*h));
}

void hung_log_free(struct hung_log *h)
{
	size_t i;

	for (i = 0; i < h->n; i++)
		kframes_free(&h->v[i].trace);
	free(h->v);
	hung_log_init(h);
}

/* Is the text a frame line of a trace (an indented symbol, "[<addr>] sym"), and which part to keep? */
static int trace_frame(const char *s, size_t n, const char **f, size_t *fl)
{
	int indented = n && (s[0] == ' ' || s[0] == '\t');

	span_trim(&s, &n);
	/* syslog files may lose the indent: then a frame must look like one */
	if (!indented && !(n > 2 && s[0] == '[' && s[1] == '<') && !(memmem(s, n, "+0x", 3) && memmem(s, n, "/0x", 3)))
		return 0;
	if (n > 2 && s[0] == '[' && s[1] == '<') {
		const char *c = memchr(s, ']', n);
		if (!c)
			return 0;
		n -= (size_t)(c + 1 - s);
		s = c + 1;
		span_trim(&s, &n);
	}
	if (!n || span_has_ctl(s, n))
		return 0;
	*f = s;
	*fl = n;
	return 1;
}

/* Does a line open another report (a panic, a CPU's backtrace), so the hung-task report has no trace of its own? */
static int ends_report(const char *s, size_t n)
{
	static const char *const heads[] = { "Kernel panic", "Pid: ", "CPU: ", "NMI backtrace", "Sending NMI" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(heads); i++)
		if (n >= strlen(heads[i]) && !memcmp(s, heads[i], strlen(heads[i])))
			return 1;
	return 0;
}

/* Start a report for the task that rep names, seen at ts_us. */
static void report_open(struct hung_log *h, const struct klog_hung *rep, int64_t ts_us)
{
	struct hung_report *r;
	size_t i;

	if (h->n >= HUNG_MAX_REPORTS) {
		h->dropped++;
		h->state = HS_IDLE;
		return;
	}
	if ((h->n & 15) == 0)
		h->v = xrealloc(h->v, (h->n + 16) * sizeof(*h->v));
	r = &h->v[h->n++];
	memset(r, 0, sizeof(*r));
	r->kind = rep->kind;
	for (i = 0; i < rep->comm_len && i + 1 < sizeof(r->comm); i++)
		r->comm[i] = rep->comm[i] ? rep->comm[i] : '?';
	r->pid = rep->pid;
	r->seconds = rep->seconds;
	r->log_us = ts_us;
	h->state = HS_HEAD;
	h->span = 0;
}

/* A line after a report: its "Call Trace:" header, a frame, or the end of it. */
static void report_more(struct hung_log *h, const char *line, size_t len)
{
	struct hung_report *last = &h->v[h->n - 1];
	const char *f;
	size_t fl;

	if (h->state == HS_HEAD) {
		if (len >= 11 && !memcmp(line, "Call Trace:", 11))
			h->state = HS_TRACE;
		else if (++h->span > REPORT_SPAN || ends_report(line, len))
			h->state = HS_IDLE;
		return;
	}
	if (!trace_frame(line, len, &f, &fl)) {
		h->state = HS_IDLE;
		return;
	}
	if (f[0] == '<' && f[fl - 1] == '>')
		return;		/* <TASK>, </TASK>, <IRQ> */
	if (last->trace.n < TRACE_MAX)
		kframes_add(&last->trace, f, fl);
}

void hung_log_line(struct hung_log *h, const char *line, size_t len, int64_t ts_us)
{
	struct klog_line kl;
	struct klog_hung rep;

	klog_decode(line, len, &kl);
	if (ts_us < 0)
		ts_us = kl.ts_us;
	if (kl.len >= 14 && !memcmp(kl.msg, "Linux version ", 14)) {
		hung_log_free(h);	/* a new boot: older reports are of other tasks */
		return;
	}
	if (!klog_hung_parse(kl.msg, kl.len, &rep))
		report_open(h, &rep, ts_us);
	else if (h->state != HS_IDLE && h->n)
		report_more(h, kl.msg, kl.len);
}

void hung_log_text(struct hung_log *h, const char *text, size_t len)
{
	struct line_iter it;
	const char *line;
	size_t ll;

	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &line, &ll))
		hung_log_line(h, line, ll, -1);
}

int hung_log_kmsg(struct hung_log *h, const char *rec, size_t len)
{
	struct klog_kmsg k;
	char *text;
	size_t tl;

	if (klog_kmsg_parse(rec, len, &k))
		return -EINVAL;
	text = xmalloc(k.len + 1);
	tl = klog_unescape(k.text, k.len, text);
	hung_log_line(h, text, tl, k.ts_us);
	free(text);
	return 0;
}
