/*
 * fuzz-mkdopts.c - libFuzzer target for makedumpfile's option table: the
 * input is split at its first newline into a version and the collector's
 * options. The verdict is 0, 1 or -EINVAL; a refusal always says why, in
 * printable ASCII, terminated; a valid version never gives -EINVAL whatever
 * the options; and the same input always gets the same verdict.
 */
#include <errno.h>

#include "fuzz.h"
#include "parse/mkdopts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = fuzz_cstr(data, size), *nl = strchr(s, '\n'), why[256];
	const char *ver = s, *args = "";
	size_t i;
	int r;

	if (nl) {
		*nl = '\0';
		args = nl + 1;
	}
	memset(why, 'x', sizeof(why));
	r = mkd_opts_check(args, ver, why, sizeof(why));
	FUZZ_CHECK(r == 0 || r == 1 || r == -EINVAL);
	if (r != 0) {
		FUZZ_CHECK(memchr(why, '\0', sizeof(why)) != NULL);
		FUZZ_CHECK(why[0] != '\0');
		for (i = 0; why[i]; i++)
			FUZZ_CHECK((unsigned char)why[i] >= 0x20 && (unsigned char)why[i] < 0x7f);
	}
	FUZZ_CHECK(mkd_opts_check(args, "1.6.2", why, sizeof(why)) != -EINVAL);
	FUZZ_CHECK(mkd_opts_check(args, ver, why, sizeof(why)) == r);
	free(s);
	return 0;
}
