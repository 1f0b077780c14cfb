/*
 * fuzz-bootedit.c - libFuzzer target for the bootloader menu editor: the
 * input's first line is a crashkernel value, the rest a menu, edited as a
 * GRUB 2 grub.cfg and as a GRUB legacy grub.conf. No crash, leak or read past
 * the buffer; a refusal says why and adds nothing; an edit keeps the number
 * of lines, and doing it again changes nothing. The rest is also edited as
 * /etc/default/grub (GRUB_CMDLINE_LINUX): when the shell reader evaluates
 * the result, the crashkernel of that variable is the value.
 *
 *   ./fuzz-bootedit tests/fuzz/corpus/bootedit
 */
#include <errno.h>

#include "fuzz.h"
#include "fix/bootedit.h"
#include "parse/crashkernel.h"
#include "parse/shvars.h"
#include "util.h"

/* Newlines in [s, s+n). */
static size_t newlines(const char *s, size_t n)
{
	size_t i, c = 0;

	for (i = 0; i < n; i++)
		c += s[i] == '\n';
	return c;
}

static void one(enum bootedit_menu m, const char *value, const char *text, size_t len)
{
	struct sbuf out, again;
	char why[256];
	int r;

	sbuf_init(&out);
	sbuf_init(&again);
	r = bootedit_crashkernel(m, text, len, value, &out, why, sizeof(why));
	FUZZ_CHECK(r >= 0 || r == -EINVAL || r == -E2BIG);
	if (r < 0) {
		FUZZ_CHECK(out.len == 0 && why[0] && memchr(why, '\0', sizeof(why)));
	} else {
		FUZZ_CHECK(newlines(out.s, out.len) == newlines(text, len));
		FUZZ_CHECK(r > 0 || (out.len == len && !memcmp(out.s, text, len)));
		FUZZ_CHECK(bootedit_crashkernel(m, out.s, out.len, value, &again, why, sizeof(why)) == 0);
		FUZZ_CHECK(again.len == out.len && !memcmp(again.s, out.s, out.len));
	}
	sbuf_free(&out);
	sbuf_free(&again);
}

/*
 * As /etc/default/grub: a second edit changes nothing, and when the shell
 * reader can evaluate the result, the variable's crashkernel is the value.
 */
static void dflt(const char *value, const char *text, size_t len)
{
	struct shvars_opts o = { SHVARS_SH, 0, 0, NULL, NULL };
	struct sbuf out, again;
	struct shvars v;
	struct shvars_err err;
	struct crashkernel ck;
	char why[256];
	const char *cmd;
	int r;

	sbuf_init(&out);
	sbuf_init(&again);
	memset(&v, 0, sizeof(v));
	r = bootedit_default_grub(text, len, "GRUB_CMDLINE_LINUX", value, &out, why, sizeof(why));
	FUZZ_CHECK(r == 0 || r == 1 || r == -EINVAL || r == -E2BIG);
	if (r < 0) {
		FUZZ_CHECK(out.len == 0 && why[0]);
	} else {
		FUZZ_CHECK(bootedit_default_grub(out.s, out.len, "GRUB_CMDLINE_LINUX", value, &again, why, sizeof(why)) == 0);
		FUZZ_CHECK(again.len == out.len && !memcmp(again.s, out.s, out.len));
		if (shvars_parse(&v, out.s, out.len, &o, &err) == 0 && (cmd = shvars_get(&v, "GRUB_CMDLINE_LINUX")) != NULL) {
			ck_from_cmdline(cmd, &ck, NULL);
			FUZZ_CHECK(!strcmp(ck.text, value));
		}
	}
	shvars_free(&v);
	sbuf_free(&out);
	sbuf_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nl = size ? memchr(data, '\n', size) : NULL;
	char value[64];
	size_t vl = nl ? (size_t)(nl - (const char *)data) : 0;

	if (!nl || vl >= sizeof(value))
		return 0;
	memcpy(value, data, vl);
	value[vl] = '\0';
	one(BOOTEDIT_GRUB2, value, nl + 1, size - vl - 1);
	one(BOOTEDIT_LEGACY, value, nl + 1, size - vl - 1);
	dflt(value, nl + 1, size - vl - 1);
	return 0;
}
