/*
 * fuzz-klog.c - libFuzzer target for the kernel-log module: each input is
 * read as log text (every line decoded and tried as a hung-task report, and
 * the whole fed to the report collector) and as one /dev/kmsg record. No
 * crash, no read outside the input, no leak, and every result within its
 * bounds.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-klog tests/fuzz/fuzz-klog.c \
 *     src/parse/klog.c src/parse/proctask.c src/util.c
 *   ./fuzz-klog tests/fuzz/corpus/klog
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/klog.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Is [p, p+n) inside [base, base+len)? */
static int inside(const char *p, size_t n, const char *base, size_t len)
{
	return p >= base && n <= len && p - base <= (ptrdiff_t)(len - n);
}

/* Decode one line and parse it as a report; abort on a result out of bounds. */
static void one_line(const char *line, size_t len)
{
	struct klog_line kl;
	struct klog_hung h;

	klog_decode(line, len, &kl);
	if (!inside(kl.msg, kl.len, line, len) || kl.level < -1 || kl.level > 9999 || kl.ts_us < -1 ||
	    (kl.caller && kl.caller != 'T' && kl.caller != 'C') || kl.caller_id < -1 || kl.caller_id > INT32_MAX)
		abort();
	if (klog_hung_parse(kl.msg, kl.len, &h) == 0) {
		if (!inside(h.comm, h.comm_len, kl.msg, kl.len) || h.pid < 1 || h.pid > INT32_MAX ||
		    h.seconds < -1 || h.seconds > INT32_MAX ||
		    (h.kind != KLOG_HUNG_BLOCKED && h.kind != KLOG_HUNG_CANT_DIE))
			abort();
	}
}

/* The collector's reports hold their bounds. */
static void check_log(const struct hung_log *h)
{
	size_t i, j;

	if (h->n > HUNG_MAX_REPORTS || (h->n && !h->v))
		abort();
	for (i = 0; i < h->n; i++) {
		const struct hung_report *r = &h->v[i];

		if (!memchr(r->comm, '\0', sizeof(r->comm)) || r->pid < 1 || r->seconds < -1 || r->log_us < -1 ||
		    r->trace.n > 64)
			abort();
		for (j = 0; j < r->trace.n; j++)
			if (!r->trace.v[j][0] || span_has_ctl(r->trace.v[j], strlen(r->trace.v[j])))
				abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *line;
	struct line_iter it;
	struct hung_log h;
	struct klog_kmsg k;
	size_t ll;

	line_iter_init(&it, text, size);
	while (line_iter_next(&it, &line, &ll))
		one_line(line, ll);
	hung_log_init(&h);
	hung_log_text(&h, text, size);
	check_log(&h);
	hung_log_free(&h);
	if (klog_kmsg_parse(text, size, &k) == 0 && (!inside(k.text, k.len, text, size) || k.ts_us < 0))
		abort();
	hung_log_init(&h);
	hung_log_kmsg(&h, text, size);
	check_log(&h);
	hung_log_free(&h);
	return 0;
}
