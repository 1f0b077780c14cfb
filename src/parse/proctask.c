/*
 * proctask.c - the per-task files of /proc, parsed from buffers.
 *
 * /proc/PID/stat is one line of blank-separated fields, "PID (COMM) STATE
 * PPID ..." (proc(5)); COMM is the task name as the kernel keeps it (up to
 * 15 bytes, any byte but NUL, blanks and ')' included), so it runs to the
 * last ')'. 2.6.32 prints 44 fields, 3.10 52; only the first 20 are required.
 * /proc/PID/stack is one frame a line, "[<ADDR>] SYMBOL+OFF/LEN [MODULE]".
 * /proc/PID/sched is "key : value" lines, values in milliseconds with six
 * decimals. /proc/uptime is "SECONDS.CC IDLE.CC".
 *
 * Bounds: each file is read in place, one pass; a stack holds at most
 * KSTACK_MAX_FRAMES frames (-E2BIG past it); numbers are overflow-checked.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "parse/proctask.h"
#include "util.h"

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

/* Keep field number field (4 and later) of a stat line. */
static void stat_field(struct pstat *st, unsigned field, int64_t v, uint64_t u)
{
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
}

/* "PID (COMM) S" at buf: pid, comm and state into st; *rest after "S ". 0 or -EINVAL. */
static int stat_head(const char *buf, const char *end, struct pstat *st, const char **rest)
{
	const char *lp, *rp;
	int64_t v;
	size_t n;

	lp = memchr(buf, '(', (size_t)(end - buf));
	if (!lp || lp < buf + 2 || lp[-1] != ' ')
		return -EINVAL;
	if (stat_int(buf, (size_t)(lp - 1 - buf), &v, NULL) || v <= 0 || v > INT32_MAX)
		return -EINVAL;
	st->pid = (long)v;
	rp = memrchr(lp, ')', (size_t)(end - lp));
	if (!rp)
		return -EINVAL;
	n = (size_t)(rp - lp - 1);
	if (n >= sizeof(st->comm) || memchr(lp + 1, '\0', n))
		return -EINVAL;
	memcpy(st->comm, lp + 1, n);
	st->comm[n] = '\0';
	/* ") S " */
	if (end - rp < 4 || rp[1] != ' ' || rp[3] != ' ')
		return -EINVAL;
	if (!((rp[2] >= 'A' && rp[2] <= 'Z') || (rp[2] >= 'a' && rp[2] <= 'z')))
		return -EINVAL;
	st->state = rp[2];
	*rest = rp + 4;
	return 0;
}

int pstat_parse(const char *buf, size_t len, struct pstat *st)
{
	const char *p, *end;
	int64_t v;
	uint64_t u;
	unsigned field;

	memset(st, 0, sizeof(*st));
	end = buf + len;
	if (len && end[-1] == '\n')
		end--;
	if (stat_head(buf, end, st, &p))
		return -EINVAL;
	for (field = 4; p < end; field++) {
		const char *tok = p;
		while (p < end && *p != ' ')
			p++;
		if (stat_int(tok, (size_t)(p - tok), &v, &u))
			return -EINVAL;
		stat_field(st, field, v, u);
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

void kframes_add(struct kframes *f, const char *s, size_t n)
{
	if ((f->n & 15) == 0)
		f->v = xrealloc(f->v, (f->n + 16) * sizeof(*f->v));
	f->v[f->n++] = xstrndup(s, n);
}

/* The symbol text of one "[<addr>] sym" line (trimmed, non-empty, no control bytes); 0 or -EINVAL. */
static int stack_line(const char *line, size_t ll, const char **sym, size_t *sl)
{
	const char *close;

	if (ll < 5 || line[0] != '[' || line[1] != '<')
		return -EINVAL;
	close = memchr(line, '>', ll);
	if (!close || close + 1 >= line + ll || close[1] != ']')
		return -EINVAL;
	*sym = close + 2;
	*sl = (size_t)(line + ll - *sym);
	span_trim(sym, sl);
	return !*sl || span_has_ctl(*sym, *sl) ? -EINVAL : 0;
}

int kstack_parse(const char *buf, size_t len, struct kframes *f)
{
	struct line_iter it;
	const char *line, *sym;
	size_t ll, sl;

	memset(f, 0, sizeof(*f));
	line_iter_init(&it, buf, len);
	while (line_iter_next(&it, &line, &ll)) {
		span_trim(&line, &ll);
		if (!ll)
			continue;
		if (stack_line(line, ll, &sym, &sl)) {
			kframes_free(f);
			return -EINVAL;
		}
		if (sl >= 18 && !strncmp(sym, "0xffffffffffffffff", 18))
			continue;	/* the end marker of 3.10 and older */
		if (f->n >= KSTACK_MAX_FRAMES) {
			kframes_free(f);
			return -E2BIG;
		}
		kframes_add(f, sym, sl);
	}
	return 0;
}

/* Which psched value a key names: 1 block_start, 2 se.exec_start, 0 neither. */
static int sched_key(const char *key, size_t kl)
{
	if ((kl == 11 && !memcmp(key, "block_start", 11)) ||
	    (kl > 12 && !memcmp(key + kl - 12, ".block_start", 12)))
		return 1;
	return kl == 13 && !memcmp(key, "se.exec_start", 13) ? 2 : 0;
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
		int which;

		if (!colon)
			continue;
		kl = (size_t)(colon - line);
		span_trim(&key, &kl);
		val = colon + 1;
		vl = (size_t)(line + ll - val);
		span_trim(&val, &vl);
		which = sched_key(key, kl);
		if (!which)
			continue;
		if (parse_fixed(val, vl, 3, &us))
			return -EINVAL;
		if (which == 1) {
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
	return parse_fixed(buf, n, 6, us) ? -EINVAL : 0;
}
