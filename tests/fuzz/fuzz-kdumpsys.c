/*
 * fuzz-kdumpsys.c - libFuzzer target for /etc/sysconfig/kdump and the
 * rd.driver.pre= lookup: each input parsed as the file, and its
 * KDUMP_COMMANDLINE_APPEND searched for a module. No crash, leak or read
 * past the buffer; an error names a line of the input, every value is a
 * NUL-terminated string within its field.
 *
 *   ./fuzz-kdumpsys tests/fuzz/corpus/kdumpsys
 */
#include "fuzz.h"
#include "parse/kdumpsys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct kdump_sysconfig ks;
	char *text = fuzz_cstr(data, size);
	unsigned lines = fuzz_count_lines(data, size);
	int e = kdump_sysconfig_parse(text, size, &ks);

	FUZZ_CHECK(e == 0 || (e < 0 && ks.errline >= 1 && ks.errline <= lines && ks.errmsg[0]));
	FUZZ_CHECK(e != 0 || ks.errline == 0);
	FUZZ_CHECK(memchr(ks.append, '\0', sizeof(ks.append)) && memchr(ks.commandline, '\0', sizeof(ks.commandline)));
	FUZZ_CHECK(ks.append_line <= lines && ks.commandline_line <= lines && ks.remove_line <= lines);
	cmdline_driver_pre(ks.append, "hpwdt");
	cmdline_driver_pre(text, "iTCO_wdt");
	free(text);
	return 0;
}
