/* snapshot.c - D-state tasks of a live host (/proc) and the hung-task reports of its kernel log. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "root.h"
#include "snapshot.h"
#include "jsonx.h"
#include "util.h"

/*
 * How long a task has been blocked
 *
 * The kernel keeps no "blocked since" for userspace to read on every kernel,
 * so the best source available wins, and the output names it:
 *   1. /proc/PID/sched block_start (schedstats: always on 2.6.32 and 3.10,
 *      off by default since 4.6 unless kernel.sched_schedstats=1): the
 *      scheduler clock when the task entered uninterruptible sleep.
 *   2. /proc/PID/sched se.exec_start: the scheduler clock when it last ran,
 *      which is what the hung-task detector measures (no context switch).
 *   3. the latest "INFO: task COMM:PID blocked for more than N seconds."
 *      for that pid and comm: at least N seconds (3.10 prints the timeout,
 *      newer kernels the time since the last switch).
 * "Now" for 1 and 2 is se.exec_start of /proc/self/sched: the reading task
 * is running, so its last start is the scheduler clock of this moment. When
 * that cannot be read, the first field of /proc/uptime stands in: both count
 * from boot, but the scheduler clock starts a little later (a few seconds in
 * a VM) and stops during suspend, so the time is then a little too long. delayacct_blkio_ticks of /proc/PID/stat is the
 * task's cumulative block I/O wait, not a duration of this sleep: it is
 * reported as is, never used as the blocked time.
 */

#define STAT_BUF	4096
#define STACK_BUF	16384
#define SCHED_BUF	8192
#define WCHAN_BUF	256
#define KMSG_BUF	8192
#define TRACE_MAX	64		/* frames kept per hung-task report */
#define REPORT_SPAN	12		/* lines between the report and its "Call Trace:" */

enum { HS_IDLE = 0, HS_HEAD, HS_TRACE };

/* Parse "I[.F]" (n bytes) as a fixed-point number with m fraction digits. 0, -EINVAL, -ERANGE. */
static int dec_parse(const char *p, size_t n, unsigned m, uint64_t *out)
{
	uint64_t ip = 0, fp = 0, scale = 1;
	size_t i = 0;
	unsigned k;

	if (n == 0 || p[0] < '0' || p[0] > '9')
		return -EINVAL;
	for (; i < n && p[i] >= '0' && p[i] <= '9'; i++) {
		if (ip > (UINT64_MAX - 9) / 10)
			return -ERANGE;
		ip = ip * 10 + (uint64_t)(p[i] - '0');
	}
	if (i < n) {
		if (p[i++] != '.' || i == n)
			return -EINVAL;
		for (k = 0; i < n; i++, k++) {
			if (p[i] < '0' || p[i] > '9')
				return -EINVAL;
			if (k < m)
				fp = fp * 10 + (uint64_t)(p[i] - '0');
		}
		for (; k < m; k++)
			fp *= 10;
	} else {
		fp = 0;
	}
	for (k = 0; k < m; k++)
		scale *= 10;
	if (ip > (UINT64_MAX - fp) / scale)
		return -ERANGE;
	*out = ip * scale + fp;
	return 0;
}

/* An integer token of a stat line: optional '-', digits, at most 20 of them. */
static int stat_int(const char *p, size_t n, int64_t *sv, uint64_t *uv)
{
	char tok[24];
	int64_t s = 0;
	uint64_t u = 0;
	int e;

	if (n == 0 || n >= sizeof(tok) || memchr(p, '\0', n))
		return -EINVAL;
	memcpy(tok, p, n);
	tok[n] = '\0';
	if (tok[0] == '-') {
		if (n < 2 || tok[1] < '0' || tok[1] > '9')
			return -EINVAL;
		e = parse_i64(tok, &s);
		u = (uint64_t)s;
	} else {
		if (tok[0] < '0' || tok[0] > '9')
			return -EINVAL;
		e = parse_u64(tok, 10, &u);
		s = (int64_t)u;
	}
	if (e)
		return e;
	if (sv)
		*sv = s;
	if (uv)
		*uv = u;
	return 0;
}

int pstat_parse(const char *buf, size_t len, struct pstat *st)
{
	const char *open, *close, *p, *end;
	int64_t v;
	uint64_t u;
	unsigned field;
	size_t n;

	memset(st, 0, sizeof(*st));
	end = buf + len;
	if (len && end[-1] == '\n')
		end--;
	open = memchr(buf, '(', (size_t)(end - buf));
	if (!open || open < buf + 2 || open[-1] != ' ')
		return -EINVAL;
	if (stat_int(buf, (size_t)(open - 1 - buf), &v, NULL) || v <= 0 || v > INT32_MAX)
		return -EINVAL;
	st->pid = (long)v;
	close = memrchr(open, ')', (size_t)(end - open));
	if (!close)
		return -EINVAL;
	n = (size_t)(close - open - 1);
	if (n >= sizeof(st->comm) || memchr(open + 1, '\0', n))
		return -EINVAL;
	memcpy(st->comm, open + 1, n);
	st->comm[n] = '\0';
	/* ") S " */
	if (end - close < 4 || close[1] != ' ' || close[3] != ' ')
		return -EINVAL;
	if (!((close[2] >= 'A' && close[2] <= 'Z') || (close[2] >= 'a' && close[2] <= 'z')))
		return -EINVAL;
	st->state = close[2];
	p = close + 4;
	for (field = 4; p < end; field++) {
		const char *tok = p;
		while (p < end && *p != ' ')
			p++;
		if (stat_int(tok, (size_t)(p - tok), &v, &u))
			return -EINVAL;
		if (field == 4)
			st->ppid = (long)v;
		else if (field == 9)
			st->flags = u;
		else if (field == 20)
			st->num_threads = (long)v;
		else if (field == 42) {
			st->have_blkio = 1;
			st->blkio_ticks = u;
		}
		if (p < end && ++p == end)
			return -EINVAL;	/* a trailing blank */
	}
	return field > 20 ? 0 : -EINVAL;
}

void kframes_free(struct kframes *f)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	f->v = NULL;
	f->n = 0;
}

/* Append one frame (n bytes, no control bytes) to f. */
static void kframes_add(struct kframes *f, const char *s, size_t n)
{
	if ((f->n & 15) == 0)
		f->v = xrealloc(f->v, (f->n + 16) * sizeof(*f->v));
	f->v[f->n++] = xstrndup(s, n);
}

/* Does s (n bytes) hold a control byte or a NUL? */
static int has_ctl(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f)
			return 1;
	return 0;
}

int kstack_parse(const char *buf, size_t len, struct kframes *f)
{
	struct line_iter it;
	const char *line;
	size_t ll;

	memset(f, 0, sizeof(*f));
	line_iter_init(&it, buf, len);
	while (line_iter_next(&it, &line, &ll)) {
		const char *close, *sym;
		size_t sl;

		span_trim(&line, &ll);
		if (!ll)
			continue;
		if (ll < 5 || line[0] != '[' || line[1] != '<')
			goto bad;
		close = memchr(line, '>', ll);
		if (!close || close + 1 >= line + ll || close[1] != ']')
			goto bad;
		sym = close + 2;
		sl = (size_t)(line + ll - sym);
		span_trim(&sym, &sl);
		if (!sl || has_ctl(sym, sl))
			goto bad;
		if (sl >= 18 && !strncmp(sym, "0xffffffffffffffff", 18))
			continue;	/* the end marker of 3.10 and older */
		if (f->n >= KSTACK_MAX_FRAMES) {
			kframes_free(f);
			return -E2BIG;
		}
		kframes_add(f, sym, sl);
	}
	return 0;
bad:
	kframes_free(f);
	return -EINVAL;
}

int psched_parse(const char *buf, size_t len, struct psched *ps)
{
	struct line_iter it;
	const char *line;
	size_t ll;

	memset(ps, 0, sizeof(*ps));
	line_iter_init(&it, buf, len);
	while (line_iter_next(&it, &line, &ll)) {
		const char *colon = memchr(line, ':', ll), *key = line, *val;
		size_t kl, vl;
		uint64_t us;
		int blk;

		if (!colon)
			continue;
		kl = (size_t)(colon - line);
		span_trim(&key, &kl);
		val = colon + 1;
		vl = (size_t)(line + ll - val);
		span_trim(&val, &vl);
		blk = (kl == 11 && !memcmp(key, "block_start", 11)) ||
		      (kl > 12 && !memcmp(key + kl - 12, ".block_start", 12));
		if (!blk && !(kl == 13 && !memcmp(key, "se.exec_start", 13)))
			continue;
		if (dec_parse(val, vl, 3, &us))
			return -EINVAL;
		if (blk) {
			ps->have_block_start = us != 0;
			ps->block_start_us = us;
		} else {
			ps->have_exec_start = 1;
			ps->exec_start_us = us;
		}
	}
	return 0;
}

int uptime_parse(const char *buf, size_t len, uint64_t *us)
{
	size_t n = 0;

	while (n < len && buf[n] != ' ' && buf[n] != '\n')
		n++;
	return dec_parse(buf, n, 6, us) ? -EINVAL : 0;
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

/* Is c a decimal digit? */
static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/*
 * The length of a syslog prefix ending in " kernel: " ("Mar  3 10:00:01 host
 * kernel: ", "2024-03-03T10:00:01.123+00:00 host kernel: "), or 0.
 */
static size_t syslog_prefix(const char *s, size_t n)
{
	static const char K[] = " kernel: ";
	size_t i, lim;
	int bsd = n > 16 && s[3] == ' ' && (s[4] == ' ' || is_digit(s[4])) && is_digit(s[5]) && s[6] == ' ' &&
		  is_digit(s[7]) && s[9] == ':' && s[12] == ':' && s[15] == ' ';
	int iso = n > 20 && is_digit(s[0]) && is_digit(s[3]) && s[4] == '-' && s[7] == '-' && s[10] == 'T';

	if (!bsd && !iso)
		return 0;
	lim = n < 160 ? n : 160;
	for (i = 15; i + sizeof(K) - 1 <= lim; i++)
		if (!memcmp(s + i, K, sizeof(K) - 1))
			return i + sizeof(K) - 1;
	return 0;
}

/* Strip "<N>", "[  123.456789] " and "[  T123] " off a line; *ts_us set from the stamp when there is one. */
static void strip_decor(const char **s, size_t *n, int64_t *ts_us)
{
	const char *p = *s, *end = *s + *n, *q;
	size_t sp;
	uint64_t us;

	sp = syslog_prefix(p, *n);
	p += sp;
	if (end - p >= 3 && p[0] == '<') {
		for (q = p + 1; q < end && q - p < 5 && is_digit(*q); q++)
			;
		if (q < end && *q == '>' && q > p + 1)
			p = q + 1;
	}
	if (end - p >= 3 && p[0] == '[') {
		const char *num;
		for (q = p + 1; q < end && *q == ' '; q++)
			;
		num = q;
		while (q < end && (is_digit(*q) || *q == '.'))
			q++;
		if (q < end && *q == ']' && q > num && !dec_parse(num, (size_t)(q - num), 6, &us)) {
			if (*ts_us < 0 && us <= INT64_MAX)
				*ts_us = (int64_t)us;
			p = q + 1;
			if (p < end && *p == ' ')
				p++;
		}
	}
	/* CONFIG_PRINTK_CALLER: "[  T123] " or "[    C3] " */
	if (end - p >= 4 && p[0] == '[') {
		for (q = p + 1; q < end && *q == ' '; q++)
			;
		if (q < end && (*q == 'T' || *q == 'C')) {
			const char *d = ++q;
			while (q < end && is_digit(*q))
				q++;
			if (q > d && q < end && *q == ']') {
				p = q + 1;
				if (p < end && *p == ' ')
					p++;
			}
		}
	}
	*s = p;
	*n = (size_t)(end - p);
}

/* Search the last occurrence of needle in [s, s+n). */
static const char *last_of(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle);
	const char *found = NULL, *p = s;

	while (n >= k) {
		const char *m = memmem(p, n, needle, k);
		if (!m)
			break;
		found = m;
		n -= (size_t)(m + 1 - p);
		p = m + 1;
	}
	return found;
}

/* "INFO: task COMM:PID blocked for more than N seconds." into r; 0 or -EINVAL. */
static int parse_report(const char *s, size_t n, struct hung_report *r)
{
	static const char HEAD[] = "INFO: task ", MID[] = " blocked for more than ";
	const char *mid, *colon, *num, *p, *end = s + n;
	int64_t v;
	uint64_t secs;
	size_t cl;

	memset(r, 0, sizeof(*r));
	if (n < sizeof(HEAD) || memcmp(s, HEAD, sizeof(HEAD) - 1))
		return -EINVAL;
	mid = last_of(s, n, MID);
	if (!mid || mid < s + sizeof(HEAD) - 1)
		return -EINVAL;
	colon = memrchr(s + sizeof(HEAD) - 1, ':', (size_t)(mid - s - (sizeof(HEAD) - 1)));
	if (!colon)
		return -EINVAL;
	cl = (size_t)(colon - s - (sizeof(HEAD) - 1));
	if (cl >= sizeof(r->comm) || has_ctl(s + sizeof(HEAD) - 1, cl))
		return -EINVAL;
	memcpy(r->comm, s + sizeof(HEAD) - 1, cl);
	r->comm[cl] = '\0';
	if (stat_int(colon + 1, (size_t)(mid - colon - 1), &v, NULL) || v <= 0 || v > INT32_MAX)
		return -EINVAL;
	r->pid = (long)v;
	p = mid + sizeof(MID) - 1;
	for (num = p; p < end && is_digit(*p); p++)
		;
	r->seconds = -1;
	if (p > num && end - p >= 8 && !memcmp(p, " seconds", 8) && !dec_parse(num, (size_t)(p - num), 0, &secs) &&
	    secs <= INT32_MAX)
		r->seconds = (long)secs;
	r->log_us = -1;
	return 0;
}

/* Is the text a frame line of a trace (an indented symbol, "[<addr>] sym"), and which part to keep? */
static int trace_frame(const char *s, size_t n, const char **f, size_t *fl)
{
	int indented = n && (s[0] == ' ' || s[0] == '\t');

	span_trim(&s, &n);
	/* syslog files may lose the indent: then a frame must look like one */
	if (!indented && !(n > 2 && s[0] == '[' && s[1] == '<') && !(memmem(s, n, "+0x", 3) && memmem(s, n, "/0x", 3)))
		return 0;
	if (n && s[0] == '[' && n > 2 && s[1] == '<') {
		const char *c = memchr(s, ']', n);
		if (!c)
			return 0;
		n -= (size_t)(c + 1 - s);
		s = c + 1;
		span_trim(&s, &n);
	}
	if (!n || has_ctl(s, n))
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

void hung_log_line(struct hung_log *h, const char *line, size_t len, int64_t ts_us)
{
	struct hung_report r, *last;
	const char *f;
	size_t fl;

	strip_decor(&line, &len, &ts_us);
	if (len >= 14 && !memcmp(line, "Linux version ", 14)) {
		hung_log_free(h);	/* a new boot: older reports are of other tasks */
		return;
	}
	if (!parse_report(line, len, &r)) {
		r.log_us = ts_us;
		if (h->n >= HUNG_MAX_REPORTS) {
			h->dropped++;
			h->state = HS_IDLE;
			return;
		}
		if ((h->n & 15) == 0)
			h->v = xrealloc(h->v, (h->n + 16) * sizeof(*h->v));
		h->v[h->n++] = r;
		h->state = HS_HEAD;
		h->span = 0;
		return;
	}
	if (h->state == HS_IDLE || !h->n)
		return;
	last = &h->v[h->n - 1];
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

void hung_log_text(struct hung_log *h, const char *text, size_t len)
{
	struct line_iter it;
	const char *line;
	size_t ll;

	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &line, &ll))
		hung_log_line(h, line, ll, -1);
}

/* The value of a hex digit, or -1. */
static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int hung_log_kmsg(struct hung_log *h, const char *rec, size_t len)
{
	const char *semi, *p, *end, *nl;
	unsigned field = 0;
	uint64_t ts = 0;
	char *text;
	size_t tl = 0;

	semi = memchr(rec, ';', len);
	if (!semi)
		return -EINVAL;
	for (p = rec; p < semi && field < 3; field++) {
		const char *tok = p;
		while (p < semi && *p != ',')
			p++;
		if (field < 3 && (p == tok || (field == 2 && dec_parse(tok, (size_t)(p - tok), 0, &ts))))
			return -EINVAL;
		if (field < 2 && stat_int(tok, (size_t)(p - tok), NULL, NULL))
			return -EINVAL;
		if (p < semi)
			p++;
	}
	if (field < 3 || ts > INT64_MAX)
		return -EINVAL;
	end = rec + len;
	nl = memchr(semi + 1, '\n', (size_t)(end - semi - 1));
	if (nl)
		end = nl;
	text = xmalloc((size_t)(end - semi));
	for (p = semi + 1; p < end; p++) {
		if (p[0] == '\\' && end - p >= 4 && p[1] == 'x' && hexval(p[2]) >= 0 && hexval(p[3]) >= 0) {
			text[tl++] = (char)(hexval(p[2]) * 16 + hexval(p[3]));
			p += 3;
		} else {
			text[tl++] = *p;
		}
	}
	hung_log_line(h, text, tl, (int64_t)ts);
	free(text);
	return 0;
}

const char *blocked_src_name(enum blocked_src s)
{
	switch (s) {
	case BLK_BLOCK_START: return "sched.block_start";
	case BLK_EXEC_START: return "sched.exec_start";
	case BLK_HUNG_REPORT: return "hung_task_report";
	default: return NULL;
	}
}

/* Read up to cap-1 bytes of a file under the root, uncached; NUL-terminated. 0 or -errno. */
static int read_small(struct root *r, const char *path, char *buf, size_t cap, size_t *len)
{
	size_t n = 0;
	int fd = root_open(r, path, O_RDONLY), e = 0;

	if (fd < 0)
		return fd;
	while (n + 1 < cap) {
		ssize_t got = read(fd, buf + n, cap - 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0) {
			e = -errno;
			break;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	buf[n] = '\0';
	*len = n;
	return e;
}

/* Scratch buffers, allocated once per snapshot. */
struct scratch {
	char stat[STAT_BUF];
	char stack[STACK_BUF];
	char sched[SCHED_BUF];
	char wchan[WCHAN_BUF];
};

/* Fill the details of a D task from its directory ("/proc/PID" or "/proc/PID/task/TID"). */
static void task_details(struct root *r, const char *dir, struct dtask *t, struct scratch *sc, struct psched *ps)
{
	char path[96];
	size_t len;
	int e;

	memset(ps, 0, sizeof(*ps));
	snprintf(path, sizeof(path), "%s/wchan", dir);
	if (!read_small(r, path, sc->wchan, sizeof(sc->wchan), &len)) {
		const char *w = sc->wchan;
		span_trim(&w, &len);
		if (len && len < sizeof(t->wchan) && !has_ctl(w, len) && !(len == 1 && w[0] == '0')) {
			memcpy(t->wchan, w, len);
			t->wchan[len] = '\0';
		}
	}
	snprintf(path, sizeof(path), "%s/stack", dir);
	e = read_small(r, path, sc->stack, sizeof(sc->stack), &len);
	if (!e)
		e = kstack_parse(sc->stack, len, &t->stack);
	t->stack_err = e == -ESRCH ? -ENOENT : e;
	snprintf(path, sizeof(path), "%s/sched", dir);
	if (read_small(r, path, sc->sched, sizeof(sc->sched), &len) || psched_parse(sc->sched, len, ps))
		memset(ps, 0, sizeof(*ps));
}

/* Read the stat of one task; 1 when it is in D state (t filled), 0 when not, -errno. */
static int task_stat(struct root *r, const char *dir, struct scratch *sc, struct pstat *st)
{
	char path[96];
	size_t len;
	int e;

	snprintf(path, sizeof(path), "%s/stat", dir);
	e = read_small(r, path, sc->stat, sizeof(sc->stat), &len);
	if (e)
		return e;
	if (len == 0)
		return -ENOENT;	/* the task exited while its file was open */
	return pstat_parse(sc->stat, len, st) ? -EINVAL : 0;
}

struct collect {
	struct root *r;
	struct snapshot *s;
	struct scratch *sc;
	struct psched *scheds;	/* parallel to s->tasks */
	size_t cap;
};

/* Record a task (process or thread) whose stat is st, when it is in D state. */
static void consider(struct collect *c, const char *dir, long pid, const struct pstat *st)
{
	struct dtask *t;

	if (st->state != 'D')
		return;
	if (c->s->ntasks == c->cap) {
		c->cap = c->cap ? c->cap * 2 : 16;
		c->s->tasks = xrealloc(c->s->tasks, c->cap * sizeof(*c->s->tasks));
		c->scheds = xrealloc(c->scheds, c->cap * sizeof(*c->scheds));
	}
	t = &c->s->tasks[c->s->ntasks];
	memset(t, 0, sizeof(*t));
	t->pid = pid;
	t->tid = st->pid;
	xstrlcpy(t->comm, st->comm, sizeof(t->comm));
	t->state = st->state;
	t->ppid = st->ppid;
	t->kthread = (st->flags & PF_KTHREAD_FLAG) != 0;
	t->have_blkio = st->have_blkio;
	t->blkio_ticks = st->blkio_ticks;
	t->blocked_us = -1;
	task_details(c->r, dir, t, c->sc, &c->scheds[c->s->ntasks]);
	c->s->ntasks++;
}

/* Count a failed stat read. */
static void count_err(struct snapshot *s, int e)
{
	if (e == -ENOENT || e == -ESRCH)
		s->vanished++;
	else
		s->unreadable++;
}

/* Parse a directory entry as a pid; 0 when it is not one. */
static long name_pid(const char *name)
{
	uint64_t v;

	if (!is_digit(name[0]) || parse_u64(name, 10, &v) || v == 0 || v > INT32_MAX)
		return 0;
	return (long)v;
}

/* qsort order of longs. */
static int cmp_long(const void *a, const void *b)
{
	long x = *(const long *)a, y = *(const long *)b;
	return x < y ? -1 : x > y;
}

/* The numeric entries of a directory, sorted; 0 or -errno. */
static int list_pids(struct root *r, const char *dir, long **out, size_t *n)
{
	DIR *d = root_opendir(r, dir);
	struct dirent *de;
	long *v = NULL;
	size_t cnt = 0, cap = 0;

	if (!d)
		return -errno;
	while ((de = readdir(d)) != NULL) {
		long pid = name_pid(de->d_name);
		if (!pid)
			continue;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 256;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[cnt++] = pid;
	}
	closedir(d);
	if (cnt)
		qsort(v, cnt, sizeof(*v), cmp_long);
	*out = v;
	*n = cnt;
	return 0;
}

/* The other threads of a multi-threaded process. */
static void scan_threads(struct collect *c, long pid)
{
	char dir[64], tdir[96];
	long *tids = NULL;
	size_t n = 0, i;

	snprintf(dir, sizeof(dir), "/proc/%ld/task", pid);
	if (list_pids(c->r, dir, &tids, &n))
		return;
	for (i = 0; i < n; i++) {
		struct pstat st;
		int e;

		if (tids[i] == pid)
			continue;	/* the main thread: /proc/PID/stat */
		snprintf(tdir, sizeof(tdir), "%s/%ld", dir, tids[i]);
		e = task_stat(c->r, tdir, c->sc, &st);
		c->s->scanned++;
		if (e)
			count_err(c->s, e);
		else
			consider(c, tdir, pid, &st);
	}
	free(tids);
}

/* The latest hung-task report for a task (same pid and comm), or NULL. */
static const struct hung_report *report_for(const struct hung_log *h, const struct dtask *t)
{
	size_t i;

	for (i = h->n; i-- > 0;)
		if (h->v[i].pid == t->tid && !strcmp(h->v[i].comm, t->comm) && h->v[i].seconds >= 0)
			return &h->v[i];
	return NULL;
}

/* Decide each task's blocked time from its sched values, else the log. */
static void blocked_times(struct snapshot *s, const struct psched *ps)
{
	size_t i;

	for (i = 0; i < s->ntasks; i++) {
		struct dtask *t = &s->tasks[i];
		const struct hung_report *rep;
		uint64_t now = (uint64_t)s->now_us;

		if (s->now_us >= 0 && ps[i].have_block_start && ps[i].block_start_us <= now) {
			t->blocked_us = (int64_t)(now - ps[i].block_start_us);
			t->blocked_src = BLK_BLOCK_START;
		} else if (s->now_us >= 0 && ps[i].have_exec_start && ps[i].exec_start_us <= now) {
			t->blocked_us = (int64_t)(now - ps[i].exec_start_us);
			t->blocked_src = BLK_EXEC_START;
		} else if ((rep = report_for(&s->log, t)) != NULL) {
			t->blocked_us = (int64_t)rep->seconds * 1000000;
			t->blocked_src = BLK_HUNG_REPORT;
		}
	}
}

/* /dev/kmsg without blocking: every record still in the buffer. 0 or -errno. */
static int read_kmsg(struct root *r, struct hung_log *h)
{
	char *buf = xmalloc(KMSG_BUF);
	int fd = root_open(r, "/dev/kmsg", O_RDONLY | O_NONBLOCK), e = 0;

	if (fd < 0) {
		free(buf);
		return fd;
	}
	for (;;) {
		ssize_t got = read(fd, buf, KMSG_BUF - 1);
		if (got < 0) {
			if (errno == EINTR || errno == EPIPE)
				continue;	/* EPIPE: records overwritten under us */
			if (errno != EAGAIN)
				e = -errno;
			break;
		}
		if (got == 0)
			break;
		hung_log_kmsg(h, buf, (size_t)got);
	}
	close(fd);
	free(buf);
	return e;
}

/* The last ROOT_READ_MAX bytes of a log file, from a line start. 0 or -errno. */
static int read_log_tail(struct root *r, const char *path, struct hung_log *h)
{
	struct stat st;
	char *buf;
	size_t n = 0, cap;
	off_t start = 0;
	int fd = root_open(r, path, O_RDONLY), e = 0;

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	if (st.st_size > (off_t)ROOT_READ_MAX)
		start = st.st_size - (off_t)ROOT_READ_MAX;
	cap = (size_t)(st.st_size - start) + 1;
	buf = xmalloc(cap);
	if (lseek(fd, start, SEEK_SET) < 0)
		e = -errno;
	while (!e && n + 1 < cap) {
		ssize_t got = read(fd, buf + n, cap - 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			e = -errno;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (!e) {
		const char *p = buf;
		size_t len = n;
		if (start > 0) {	/* drop the partial first line */
			const char *nl = memchr(buf, '\n', n);
			len = nl ? n - (size_t)(nl + 1 - buf) : 0;
			p = nl ? nl + 1 : buf + n;
		}
		hung_log_text(h, p, len);
	}
	free(buf);
	return e;
}

/*
 * The kernel log: /dev/kmsg on a live host, else the first log file that can
 * be read. When nothing can be read, log_source names what was tried first
 * (or stays "") and log_err says why.
 */
static void read_log(struct root *r, struct snapshot *s)
{
	static const char *const files[] = { "/var/log/kern.log", "/var/log/messages", "/var/log/dmesg" };
	struct stat st;
	size_t i;
	int e, first_err = 0;

	if (!root_stat(r, "/dev/kmsg", &st) && S_ISCHR(st.st_mode)) {
		e = read_kmsg(r, &s->log);
		xstrlcpy(s->log_source, "/dev/kmsg", sizeof(s->log_source));
		if (!e)
			return;
		first_err = e;
		hung_log_free(&s->log);
	}
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		if (root_stat(r, files[i], &st) || !S_ISREG(st.st_mode))
			continue;
		e = read_log_tail(r, files[i], &s->log);
		if (!e) {
			xstrlcpy(s->log_source, files[i], sizeof(s->log_source));
			return;
		}
		hung_log_free(&s->log);
		if (!first_err) {
			first_err = e;
			xstrlcpy(s->log_source, files[i], sizeof(s->log_source));
		}
	}
	s->log_err = first_err ? first_err : -ENOENT;
}

int snapshot_take(struct root *r, struct snapshot *s)
{
	struct collect c;
	struct psched self;
	long *pids = NULL;
	size_t n = 0, i, len;
	uint64_t up;
	int e;

	memset(s, 0, sizeof(*s));
	hung_log_init(&s->log);
	s->uptime_us = -1;
	e = list_pids(r, "/proc", &pids, &n);
	if (e)
		return e;
	memset(&c, 0, sizeof(c));
	c.r = r;
	c.s = s;
	c.sc = xmalloc(sizeof(*c.sc));
	s->now_us = -1;
	if (!read_small(r, "/proc/uptime", c.sc->stat, sizeof(c.sc->stat), &len) &&
	    !uptime_parse(c.sc->stat, len, &up) && up <= INT64_MAX)
		s->uptime_us = (int64_t)up;
	if (!read_small(r, "/proc/self/sched", c.sc->sched, sizeof(c.sc->sched), &len) &&
	    !psched_parse(c.sc->sched, len, &self) && self.have_exec_start && self.exec_start_us <= INT64_MAX)
		s->now_us = (int64_t)self.exec_start_us;
	else
		s->now_us = s->uptime_us;
	for (i = 0; i < n; i++) {
		char dir[64];
		struct pstat st;

		snprintf(dir, sizeof(dir), "/proc/%ld", pids[i]);
		e = task_stat(r, dir, c.sc, &st);
		s->scanned++;
		if (e) {
			count_err(s, e);
			continue;
		}
		consider(&c, dir, pids[i], &st);
		if (st.num_threads > 1)
			scan_threads(&c, pids[i]);
	}
	free(pids);
	free(c.sc);
	read_log(r, s);
	blocked_times(s, c.scheds);
	free(c.scheds);
	return 0;
}

void snapshot_free(struct snapshot *s)
{
	size_t i;

	for (i = 0; i < s->ntasks; i++)
		kframes_free(&s->tasks[i].stack);
	free(s->tasks);
	hung_log_free(&s->log);
	memset(s, 0, sizeof(*s));
}


static struct json_object *jframes(const struct kframes *f)
{
	struct json_object *a = json_object_new_array();
	size_t i;

	for (i = 0; i < f->n; i++)
		json_object_array_add(a, jsonx_str_printable(f->v[i]));
	return a;
}

/* Whole seconds of a microsecond count, or null. */
static struct json_object *jsecs(int64_t us)
{
	if (us < 0)
		return NULL;
	return json_object_new_int64(us / 1000000);
}

static struct json_object *task_json(const struct dtask *t)
{
	struct json_object *o = json_object_new_object();
	const char *src = blocked_src_name(t->blocked_src);

	json_object_object_add(o, "pid", json_object_new_int64(t->pid));
	json_object_object_add(o, "tid", t->tid != t->pid ? json_object_new_int64(t->tid) : NULL);
	json_object_object_add(o, "comm", jsonx_str_printable(t->comm));
	json_object_object_add(o, "state", json_object_new_string_len(&t->state, 1));
	json_object_object_add(o, "ppid", json_object_new_int64(t->ppid));
	json_object_object_add(o, "kernel_thread", json_object_new_boolean(t->kthread));
	json_object_object_add(o, "wchan", t->wchan[0] ? jsonx_str_printable(t->wchan) : NULL);
	json_object_object_add(o, "stack", t->stack_err ? NULL : jframes(&t->stack));
	json_object_object_add(o, "stack_error", t->stack_err ? json_object_new_string(strerror(-t->stack_err)) : NULL);
	json_object_object_add(o, "blocked_seconds", jsecs(t->blocked_us));
	json_object_object_add(o, "blocked_source", src ? json_object_new_string(src) : NULL);
	json_object_object_add(o, "blocked_at_least", json_object_new_boolean(t->blocked_src == BLK_HUNG_REPORT));
	json_object_object_add(o, "delayacct_blkio_ticks",
			       t->have_blkio ? json_object_new_int64((int64_t)(t->blkio_ticks & INT64_MAX)) : NULL);
	return o;
}

static struct json_object *report_json(const struct hung_report *r)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "comm", jsonx_str_printable(r->comm));
	json_object_object_add(o, "pid", json_object_new_int64(r->pid));
	json_object_object_add(o, "seconds", r->seconds >= 0 ? json_object_new_int64(r->seconds) : NULL);
	json_object_object_add(o, "log_usec", r->log_us >= 0 ? json_object_new_int64(r->log_us) : NULL);
	json_object_object_add(o, "trace", jframes(&r->trace));
	return o;
}

struct json_object *snapshot_json(const struct snapshot *s, const char *hostname, const char *release, int64_t t)
{
	struct json_object *o = json_object_new_object(), *host, *kern, *log, *arr;
	time_t tt = (time_t)t;
	struct tm tm;
	char when[32] = "";
	size_t i;

	if (gmtime_r(&tt, &tm))
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_object_object_add(o, "schema", json_object_new_string("kdumpcheck.snapshot/1"));
	json_object_object_add(o, "taken_at", when[0] ? json_object_new_string(when) : NULL);
	host = json_object_new_object();
	json_object_object_add(host, "hostname", hostname && hostname[0] ? jsonx_str_printable(hostname) : NULL);
	json_object_object_add(host, "uptime_seconds", jsecs(s->uptime_us));
	json_object_object_add(o, "host", host);
	kern = json_object_new_object();
	json_object_object_add(kern, "release", release && release[0] ? jsonx_str_printable(release) : NULL);
	json_object_object_add(o, "kernel", kern);
	json_object_object_add(o, "tasks_scanned", json_object_new_int64((int64_t)s->scanned));
	json_object_object_add(o, "tasks_vanished", json_object_new_int64((int64_t)s->vanished));
	json_object_object_add(o, "tasks_unreadable", json_object_new_int64((int64_t)s->unreadable));
	arr = json_object_new_array();
	for (i = 0; i < s->ntasks; i++)
		json_object_array_add(arr, task_json(&s->tasks[i]));
	json_object_object_add(o, "tasks", arr);
	arr = json_object_new_array();
	for (i = 0; i < s->log.n; i++)
		json_object_array_add(arr, report_json(&s->log.v[i]));
	json_object_object_add(o, "hung_task_reports", arr);
	log = json_object_new_object();
	json_object_object_add(log, "source", s->log_source[0] ? json_object_new_string(s->log_source) : NULL);
	json_object_object_add(log, "error", s->log_err ? json_object_new_string(strerror(-s->log_err)) : NULL);
	json_object_object_add(log, "reports_dropped", json_object_new_int64((int64_t)s->log.dropped));
	json_object_object_add(o, "kernel_log", log);
	return o;
}
