/*
 * crashkernel.c - parse the crashkernel= kernel parameter with the kernel's own grammar.
 *
 * Bounds: one pass over the parameter; at most CK_MAX_RANGES ranges
 * (crashkernel.h); sizes and offsets are overflow-checked (past 2^64:
 * malformed).
 */
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include "parse/crashkernel.h"

#define MIB ((uint64_t)1 << 20)
#define GIB ((uint64_t)1 << 30)

/* A value being parsed: [p, end), not NUL-terminated in general. */
struct ckcur {
	const char *p;
	const char *end;
};

/* The characters the kernel's isspace() treats as argument separators. */
static int ck_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* The byte under the cursor, or NUL at the end of the value. */
static char cur_peek(const struct ckcur *c)
{
	return c->p < c->end ? *c->p : '\0';
}

/* The value of digit ch in base, or -1. */
static int digit_value(char ch, unsigned base)
{
	int d;

	if (ch >= '0' && ch <= '9')
		d = ch - '0';
	else if (ch >= 'a' && ch <= 'f')
		d = ch - 'a' + 10;
	else if (ch >= 'A' && ch <= 'F')
		d = ch - 'A' + 10;
	else
		return -1;
	return (unsigned)d < base ? d : -1;
}

/* The shift a memparse suffix letter stands for, or 0. */
static unsigned suffix_shift(char ch)
{
	switch (ch) {
	case 'K': case 'k': return 10;
	case 'M': case 'm': return 20;
	case 'G': case 'g': return 30;
	case 'T': case 't': return 40;
	case 'P': case 'p': return 50;
	case 'E': case 'e': return 60;
	default: return 0;
	}
}

/*
 * A number as the kernel's memparse() reads it: base prefix as strtoull
 * with base 0 ("0x1f" hex, "010" octal), then one optional suffix letter.
 * Unlike the kernel, an overflow is an error (-ERANGE) instead of a wrap.
 */
static int ck_memparse(struct ckcur *c, uint64_t *out)
{
	const char *s = c->p;
	unsigned base = 10, shift;
	uint64_t v = 0;
	int digits = 0, d;

	if (s < c->end && *s == '0' && c->end - s > 2 && (s[1] == 'x' || s[1] == 'X') &&
	    digit_value(s[2], 16) >= 0) {
		base = 16;
		s += 2;
	} else if (s < c->end && *s == '0') {
		base = 8;
	}
	for (; s < c->end && (d = digit_value(*s, base)) >= 0; s++) {
		if (v > (UINT64_MAX - (uint64_t)d) / base)
			return -ERANGE;
		v = v * base + (uint64_t)d;
		digits++;
	}
	if (!digits)
		return -EINVAL;
	if (s < c->end && (shift = suffix_shift(*s)) != 0) {
		if (v > (UINT64_MAX >> shift))
			return -ERANGE;
		v <<= shift;
		s++;
	}
	c->p = s;
	*out = v;
	return 0;
}

/* Consume ch if it is next. */
static int cur_accept(struct ckcur *c, char ch)
{
	if (c->p < c->end && *c->p == ch) {
		c->p++;
		return 1;
	}
	return 0;
}

/* Does [s, end) end with the given suffix? */
static int ends_with(const char *s, const char *end, const char *suffix)
{
	size_t n = strlen(suffix);

	return (size_t)(end - s) >= n && memcmp(end - n, suffix, n) == 0;
}

/* Keep the value as written for messages, cut with "..." when too long. */
static void ck_set_text(struct crashkernel *ck, const char *s, size_t n)
{
	size_t cap = sizeof(ck->text) - 1;

	if (n <= cap) {
		memcpy(ck->text, s, n);
		ck->text[n] = '\0';
		return;
	}
	memcpy(ck->text, s, cap - 3);
	memcpy(ck->text + cap - 3, "...", 4);
}

/* Read one number at the cursor, reporting where it failed. */
static int ck_number(struct ckcur *c, uint64_t *out, const char **err)
{
	int r = ck_memparse(c, out);

	if (r)
		*err = c->p;
	return r;
}

/* The optional "@offset" that ends both forms, and nothing after it. */
static int parse_tail(struct ckcur *c, struct crashkernel *ck, const char **err)
{
	int r;

	if (cur_accept(c, '@')) {
		r = ck_number(c, &ck->offset, err);
		if (r)
			return r;
		ck->has_offset = 1;
	}
	if (c->p != c->end) {
		*err = c->p;
		return -EINVAL;
	}
	return 0;
}

/* SIZE[@OFFSET], the classic form (kernel: parse_crashkernel_simple). */
static int parse_simple(struct ckcur *c, struct crashkernel *ck, const char **err)
{
	int r = ck_number(c, &ck->size, err);

	if (r)
		return r;
	r = parse_tail(c, ck, err);
	if (r)
		return r;
	ck->kind = CK_SIZE;
	return 0;
}

/* One "start-[end]:size" entry of the extended form. */
static int parse_range(struct ckcur *c, struct ck_range *rg, const char **err)
{
	const char *at;
	int r;

	r = ck_number(c, &rg->start, err);
	if (r)
		return r;
	if (!cur_accept(c, '-')) {
		*err = c->p;
		return -EINVAL;
	}
	rg->end = UINT64_MAX;
	if (cur_peek(c) != ':') {
		at = c->p;
		r = ck_number(c, &rg->end, err);
		if (r)
			return r;
		if (rg->end <= rg->start) {
			*err = at;
			return -EINVAL;
		}
	}
	if (!cur_accept(c, ':')) {
		*err = c->p;
		return -EINVAL;
	}
	return ck_number(c, &rg->size, err);
}

/*
 * RANGE1:SIZE1[,RANGE2:SIZE2...][@OFFSET] (kernel: parse_crashkernel_mem).
 * Stricter than the kernel, which stops at the first matching range: every
 * entry must parse, ranges must ascend without overlap, nothing may trail.
 */
static int parse_ranges(struct ckcur *c, struct crashkernel *ck, const char **err)
{
	struct ck_range rg;
	const char *at;
	int r;

	do {
		at = c->p;
		if (ck->nranges >= CK_MAX_RANGES) {
			*err = at;
			return -EINVAL;
		}
		r = parse_range(c, &rg, err);
		if (r)
			return r;
		if (ck->nranges > 0 && rg.start < ck->ranges[ck->nranges - 1].end) {
			*err = at;
			return -EINVAL;
		}
		ck->ranges[ck->nranges++] = rg;
	} while (cur_accept(c, ','));
	r = parse_tail(c, ck, err);
	if (r)
		return r;
	ck->kind = CK_RANGES;
	return 0;
}

/* SIZE,high or SIZE,low (kernel: parse_crashkernel_suffix): no offset, no ranges. */
static int parse_suffixed(struct ckcur *c, struct crashkernel *ck, const char *suffix, const char **err)
{
	uint64_t v;
	int r = ck_number(c, &v, err);

	if (r)
		return r;
	if ((size_t)(c->end - c->p) != strlen(suffix)) {
		*err = c->p;
		return -EINVAL;
	}
	ck->kind = CK_SIZE;
	if (suffix[1] == 'h') {
		ck->size = v;
		ck->high = 1;
	} else {
		ck->low_size = v;
	}
	return 0;
}

/* Parse the value [s, s+n) into a cleared *ck. */
static int parse_value(const char *s, size_t n, struct crashkernel *ck, const char **errpos)
{
	struct ckcur c;
	const char *err = s;
	int r;

	memset(ck, 0, sizeof(*ck));
	ck_set_text(ck, s, n);
	c.p = s;
	c.end = s + n;
	if (n == 4 && memcmp(s, "auto", 4) == 0) {
		ck->kind = CK_AUTO;
		return 0;
	}
	if (ends_with(s, c.end, ",high"))
		r = parse_suffixed(&c, ck, ",high", &err);
	else if (ends_with(s, c.end, ",low"))
		r = parse_suffixed(&c, ck, ",low", &err);
	else if (memchr(s, ':', n))
		r = parse_ranges(&c, ck, &err);
	else
		r = parse_simple(&c, ck, &err);
	if (r) {
		/* keep only the offending text */
		memset(ck, 0, offsetof(struct crashkernel, text));
		if (errpos)
			*errpos = err;
	}
	return r;
}

int ck_parse_value(const char *val, struct crashkernel *ck, const char **errpos)
{
	if (!val) {
		memset(ck, 0, sizeof(*ck));
		return -EINVAL;
	}
	return parse_value(val, strlen(val), ck, errpos);
}

/* One kernel argument, located in the command line. */
struct ck_arg {
	const char *param, *param_end;
	const char *val, *val_end;	/* val NULL when there is no '=' */
};

/*
 * Split the next argument off at *pp the way the kernel's next_arg() does:
 * a leading double quote groups spaces into the argument, an '=' (not the
 * first character) starts the value, a quote opening the value and a quote
 * closing a quoted argument are dropped. Returns 0 at the end of the line.
 */
static int next_arg(const char **pp, struct ck_arg *a)
{
	const char *s = *pp, *args, *stop;
	int in_quote = 0, quoted = 0, stripped = 0;
	size_t i, equals = 0;

	while (*s && ck_isspace(*s))
		s++;
	if (!*s) {
		*pp = s;
		return 0;
	}
	args = s;
	if (*args == '"') {
		args++;
		in_quote = quoted = 1;
	}
	for (i = 0; args[i]; i++) {
		if (ck_isspace(args[i]) && !in_quote)
			break;
		if (equals == 0 && args[i] == '=')
			equals = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}
	stop = args + i;
	a->param = args;
	a->val = NULL;
	a->val_end = NULL;
	if (equals) {
		a->param_end = args + equals;
		a->val = args + equals + 1;
		a->val_end = stop;
		if (a->val < stop && *a->val == '"') {
			a->val++;
			if (stop[-1] == '"') {
				a->val_end = stop - 1;
				stripped = 1;
			}
		}
		if (quoted && !stripped && i > 0 && stop[-1] == '"')
			a->val_end = stop - 1;
		if (a->val_end < a->val)
			a->val_end = a->val;
	} else {
		a->param_end = stop;
		if (quoted && i > 0 && stop[-1] == '"')
			a->param_end = stop - 1;
	}
	*pp = *stop ? stop + 1 : stop;
	return 1;
}

/* Is [s, e) exactly the word w? */
static int span_is(const char *s, const char *e, const char *w)
{
	size_t n = strlen(w);

	return (size_t)(e - s) == n && memcmp(s, w, n) == 0;
}

int ck_from_cmdline(const char *cmdline, struct crashkernel *ck, const char **errpos)
{
	struct ck_arg a, plain, high, low;
	struct ck_arg *main_arg = NULL;
	struct crashkernel tmp;
	const char *p = cmdline;
	int r;

	memset(ck, 0, sizeof(*ck));
	memset(&plain, 0, sizeof(plain));
	memset(&high, 0, sizeof(high));
	memset(&low, 0, sizeof(low));
	if (!cmdline)
		return 0;
	while (next_arg(&p, &a)) {
		if (!a.val && span_is(a.param, a.param_end, "--"))
			break;	/* the rest belongs to init */
		if (!a.val || !span_is(a.param, a.param_end, "crashkernel"))
			continue;
		if (ends_with(a.val, a.val_end, ",high"))
			high = a;
		else if (ends_with(a.val, a.val_end, ",low"))
			low = a;
		else
			plain = a;
	}
	/* As the kernel: the last plain one wins; ",high" only when there is none. */
	if (plain.val)
		main_arg = &plain;
	else if (high.val)
		main_arg = &high;
	if (main_arg) {
		r = parse_value(main_arg->val, (size_t)(main_arg->val_end - main_arg->val), ck, errpos);
		if (r)
			return r;
	}
	if (low.val) {
		r = parse_value(low.val, (size_t)(low.val_end - low.val), &tmp, errpos);
		if (r) {
			*ck = tmp;
			return r;
		}
		ck->low_size = tmp.low_size;
	}
	return main_arg ? 1 : 0;
}

/*
 * For ranges, as the kernel walks them: the first range holding mem gives
 * the size, but a size not below mem on the way makes the whole setting
 * invalid, and nothing is reserved.
 */
static uint64_t ranges_size_for(const struct crashkernel *ck, uint64_t mem)
{
	int i;

	for (i = 0; i < ck->nranges && i < CK_MAX_RANGES; i++) {
		const struct ck_range *rg = &ck->ranges[i];

		if (rg->size >= mem)
			return 0;
		if (mem >= rg->start && mem < rg->end)
			return rg->size;
	}
	return 0;
}

uint64_t ck_size_for(const struct crashkernel *ck, uint64_t mem)
{
	switch (ck->kind) {
	case CK_SIZE:
		return ck->size;
	case CK_RANGES:
		return ranges_size_for(ck, mem);
	case CK_AUTO:
		return ck_auto_size(mem, 7);
	case CK_NONE:
	default:
		return 0;
	}
}

/*
 * crashkernel=auto on RHEL/CentOS x86_64. Both releases reserve nothing when
 * the machine has less than 2 GiB of RAM, and otherwise a base plus 64 MiB
 * per TiB of RAM, that is 2 bits for every 4 KiB page (RAM/16384), the sum
 * rounded up to whole MiB:
 *
 *   EL6 (RHEL 6 Deployment Guide, kdump memory requirements): base 128 MiB.
 *       A 2.6.32 host with 24959 MB of system RAM logs "Reserving 130MB of
 *       memory ... for crashkernel" and rewrites its command line to
 *       crashkernel=130M@0M; hosts up to 16 GiB show crashkernel=129M@0M.
 *   EL7 (RHEL 7 Kernel Crash Dump Guide, kdump memory requirements): base
 *       160 MiB, so 224 MiB on a 1 TiB machine; a 4 GiB 3.10 guest logs
 *       "Reserving 161MB of memory ... for crashkernel".
 *
 * The kernel compares its own count of system RAM, which on a "2 GiB" guest
 * is usually a little short of 2 GiB, and is larger than MemTotal.
 * Any other el gets the EL7 rule.
 */
uint64_t ck_auto_size(uint64_t mem, int el)
{
	uint64_t base = el == 6 ? 128 * MIB : 160 * MIB;
	uint64_t extra;

	if (mem < 2 * GIB)
		return 0;
	extra = mem >> 14;
	extra = (extra + MIB - 1) & ~(MIB - 1);
	return base + extra;
}
