/* udiff.c - a unified diff between two texts (see udiff.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fix/udiff.h"
#include "util.h"

#define CONTEXT 3
/* Above this many cells the middle is shown as one replacement. */
#define MAX_CELLS ((size_t)4 << 20)

struct line {
	const char *p;
	size_t n;	/* without the newline */
	int nl;		/* ends with a newline */
};

static size_t split(const char *t, size_t len, struct line **out)
{
	size_t n = 0, cap = 16, i = 0;
	struct line *v = xmalloc(cap * sizeof(*v));

	while (t && i < len) {
		const char *nl = memchr(t + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - t) : len;
		if (n == cap) {
			cap *= 2;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[n].p = t + i;
		v[n].n = end - i;
		v[n].nl = nl != NULL;
		n++;
		i = nl ? end + 1 : len;
	}
	*out = v;
	return n;
}

static int same(const struct line *x, const struct line *y)
{
	return x->n == y->n && x->nl == y->nl && !memcmp(x->p, y->p, x->n);
}

/* One edit-script step: ' ' kept, '-' from a, '+' from b. */
struct op {
	char kind;
	size_t ai, bi;
};

/* The edit script of the middle a[0..na) / b[0..nb): longest common subsequence. */
static size_t script(const struct line *a, size_t na, const struct line *b, size_t nb, struct op *ops)
{
	size_t k = 0, i, j;
	uint32_t *t;

	if ((na + 1) * (nb + 1) > MAX_CELLS) {
		for (i = 0; i < na; i++)
			ops[k++] = (struct op){ '-', i, 0 };
		for (j = 0; j < nb; j++)
			ops[k++] = (struct op){ '+', 0, j };
		return k;
	}
	t = xcalloc((na + 1) * (nb + 1), sizeof(*t));
#define T(x, y) t[(x) * (nb + 1) + (y)]
	for (i = na; i-- > 0;)
		for (j = nb; j-- > 0;)
			T(i, j) = same(&a[i], &b[j]) ? T(i + 1, j + 1) + 1 :
				  T(i + 1, j) >= T(i, j + 1) ? T(i + 1, j) : T(i, j + 1);
	i = j = 0;
	while (i < na || j < nb) {
		if (i < na && j < nb && same(&a[i], &b[j])) {
			ops[k++] = (struct op){ ' ', i++, j++ };
		} else if (j < nb && (i == na || T(i, j + 1) > T(i + 1, j))) {
			ops[k++] = (struct op){ '+', i, j++ };
		} else {
			ops[k++] = (struct op){ '-', i++, j };
		}
	}
#undef T
	free(t);
	return k;
}

static void put_line(struct sbuf *out, char kind, const struct line *l)
{
	sbuf_add(out, &kind, 1);
	sbuf_add(out, l->p, l->n);
	sbuf_add(out, "\n", 1);
	if (!l->nl)
		sbuf_puts(out, "\\ No newline at end of file\n");
}

int udiff(const char *a, size_t alen, const char *b, size_t blen, const char *label_a, const char *label_b,
	  struct sbuf *out)
{
	struct line *la, *lb;
	size_t na = split(a, alen, &la), nb = split(b, blen, &lb), pre = 0, suf = 0, nops, i, k;
	struct op *ops;
	int hunks = 0;

	while (pre < na && pre < nb && same(&la[pre], &lb[pre]))
		pre++;
	while (suf < na - pre && suf < nb - pre && same(&la[na - 1 - suf], &lb[nb - 1 - suf]))
		suf++;
	if (pre == na && pre == nb && (a != NULL) == (b != NULL)) {
		free(la);
		free(lb);
		return 0;
	}
	/* the whole script: common prefix, the middle, common suffix */
	ops = xmalloc((na + nb + 1) * sizeof(*ops));
	for (i = 0; i < pre; i++)
		ops[i] = (struct op){ ' ', i, i };
	nops = pre + script(la + pre, na - pre - suf, lb + pre, nb - pre - suf, ops + pre);
	for (k = pre; k < nops; k++) {
		ops[k].ai += pre;
		ops[k].bi += pre;
	}
	for (i = 0; i < suf; i++)
		ops[nops++] = (struct op){ ' ', na - suf + i, nb - suf + i };
	sbuf_printf(out, "--- %s\n+++ %s\n", a ? label_a : "/dev/null", label_b);
	for (k = 0; k < nops;) {
		size_t start, end, j, acount = 0, bcount = 0, astart, bstart;
		if (ops[k].kind == ' ') {
			k++;
			continue;
		}
		/* a hunk: back CONTEXT lines, forward until CONTEXT*2 kept lines in a row or the end */
		start = k > CONTEXT ? k - CONTEXT : 0;
		while (start < k && ops[start].kind != ' ')
			start++;
		for (end = k;;) {
			size_t run = 0;
			while (end < nops && ops[end].kind != ' ')
				end++;
			while (end + run < nops && ops[end + run].kind == ' ' && run < 2 * CONTEXT + 1)
				run++;
			if (end + run >= nops || run > 2 * CONTEXT) {
				end += run < CONTEXT ? run : CONTEXT;
				if (end > nops)
					end = nops;
				break;
			}
			end += run;
		}
		for (j = start; j < end; j++) {
			acount += ops[j].kind != '+';
			bcount += ops[j].kind != '-';
		}
		astart = ops[start].ai + (acount ? 1 : 0);
		bstart = ops[start].bi + (bcount ? 1 : 0);
		sbuf_printf(out, "@@ -%zu,%zu +%zu,%zu @@\n", astart, acount, bstart, bcount);
		for (j = start; j < end; j++)
			put_line(out, ops[j].kind, ops[j].kind == '+' ? &lb[ops[j].bi] : &la[ops[j].ai]);
		hunks++;
		k = end;
	}
	free(ops);
	free(la);
	free(lb);
	return hunks;
}
