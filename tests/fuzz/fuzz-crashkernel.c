/*
 * fuzz-crashkernel.c - libFuzzer target for the crashkernel= grammar: each
 * input is taken both as a whole kernel command line and as one value. A
 * value that parses must print back (in the canonical form) to the same
 * setting, the text kept for messages must stay terminated, an error must
 * point inside the value, and the size for any RAM must come from the setting.
 */
#include <errno.h>
#include <inttypes.h>

#include "fuzz.h"
#include "parse/crashkernel.h"

/* RAM sizes to ask ck_size_for about, around the usual range bounds. */
static const uint64_t mems[] = { 0, 1, 1u << 20, 1u << 30, 2ull << 30, 64ull << 30, 1ull << 40, UINT64_MAX };

/* The canonical text of a parsed setting (plain decimal bytes), for the round trip. */
static void ck_print(const struct crashkernel *ck, char *out, size_t outlen)
{
	size_t n = 0;
	int i;

	out[0] = '\0';
	if (ck->kind == CK_AUTO) {
		snprintf(out, outlen, "auto");
		return;
	}
	if (ck->kind == CK_SIZE && ck->high) {
		snprintf(out, outlen, "%" PRIu64 ",high", ck->size);
		return;
	}
	if (ck->kind == CK_SIZE && ck->low_size && !ck->size && !ck->has_offset) {
		snprintf(out, outlen, "%" PRIu64 ",low", ck->low_size);
		return;
	}
	if (ck->kind == CK_SIZE)
		n += (size_t)snprintf(out + n, outlen - n, "%" PRIu64, ck->size);
	for (i = 0; ck->kind == CK_RANGES && i < ck->nranges && n < outlen; i++) {
		const struct ck_range *rg = &ck->ranges[i];

		n += (size_t)snprintf(out + n, outlen - n, "%s%" PRIu64 "-", i ? "," : "", rg->start);
		if (rg->end != UINT64_MAX && n < outlen)
			n += (size_t)snprintf(out + n, outlen - n, "%" PRIu64, rg->end);
		if (n < outlen)
			n += (size_t)snprintf(out + n, outlen - n, ":%" PRIu64, rg->size);
	}
	if (ck->has_offset && n < outlen)
		snprintf(out + n, outlen - n, "@%" PRIu64, ck->offset);
}

/* The parsed fields of two settings agree (text aside). */
static int ck_same(const struct crashkernel *a, const struct crashkernel *b)
{
	int i;

	if (a->kind != b->kind || a->size != b->size || a->offset != b->offset || a->has_offset != b->has_offset ||
	    a->nranges != b->nranges || a->high != b->high || a->low_size != b->low_size)
		return 0;
	for (i = 0; i < a->nranges; i++)
		if (a->ranges[i].start != b->ranges[i].start || a->ranges[i].end != b->ranges[i].end ||
		    a->ranges[i].size != b->ranges[i].size)
			return 0;
	return 1;
}

/* What holds for any setting that parsed. */
static void check_parsed(const struct crashkernel *ck)
{
	char text[CK_MAX_RANGES * 64 + 64];
	struct crashkernel again;
	size_t m;
	int i;

	FUZZ_CHECK(memchr(ck->text, '\0', sizeof(ck->text)) != NULL);
	FUZZ_CHECK(ck->kind == CK_SIZE || ck->kind == CK_RANGES || ck->kind == CK_AUTO);
	FUZZ_CHECK(ck->nranges >= 0 && ck->nranges <= CK_MAX_RANGES);
	FUZZ_CHECK(ck->kind == CK_RANGES ? ck->nranges > 0 : ck->nranges == 0);
	for (i = 0; i < ck->nranges; i++) {
		FUZZ_CHECK(ck->ranges[i].end > ck->ranges[i].start);
		FUZZ_CHECK(i == 0 || ck->ranges[i].start >= ck->ranges[i - 1].end);
	}
	for (m = 0; m < sizeof(mems) / sizeof(mems[0]); m++) {
		uint64_t sz = ck_size_for(ck, mems[m]);

		if (ck->kind == CK_SIZE)
			FUZZ_CHECK(sz == ck->size);
		if (ck->kind == CK_RANGES)
			FUZZ_CHECK(sz == 0 || sz < mems[m]);
	}
	ck_print(ck, text, sizeof(text));
	FUZZ_CHECK(ck_parse_value(text, &again, NULL) == 0);
	FUZZ_CHECK(ck_same(ck, &again));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct crashkernel ck;
	const char *errpos = NULL;
	char *s = fuzz_cstr(data, size);
	size_t n = strlen(s);
	int r;

	/* as one value */
	r = ck_parse_value(s, &ck, &errpos);
	FUZZ_CHECK(r == 0 || r == -EINVAL || r == -ERANGE);
	FUZZ_CHECK(memchr(ck.text, '\0', sizeof(ck.text)) != NULL);
	FUZZ_CHECK(strlen(ck.text) == n || (n >= sizeof(ck.text) && strlen(ck.text) == sizeof(ck.text) - 1));
	if (r == 0) {
		check_parsed(&ck);
	} else {
		FUZZ_CHECK(ck.kind == CK_NONE);
		FUZZ_CHECK(errpos >= s && errpos <= s + n);
	}

	/* as a command line */
	errpos = NULL;
	r = ck_from_cmdline(s, &ck, &errpos);
	FUZZ_CHECK(r == 0 || r == 1 || r == -EINVAL || r == -ERANGE);
	FUZZ_CHECK(memchr(ck.text, '\0', sizeof(ck.text)) != NULL);
	if (r == 1) {
		ck.low_size = 0;	/* from a separate crashkernel=X,low: not part of the value */
		check_parsed(&ck);
	}
	else if (r == 0)
		FUZZ_CHECK(ck.kind == CK_NONE && ck.text[0] == '\0');
	else
		FUZZ_CHECK(ck.kind == CK_NONE && errpos >= s && errpos <= s + n);
	free(s);
	return 0;
}
