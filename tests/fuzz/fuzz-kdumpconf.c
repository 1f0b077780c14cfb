/*
 * fuzz-kdumpconf.c - libFuzzer target for the kdump configuration parsers:
 * each input is read as /etc/kdump.conf and as /etc/default/kdump-tools.
 * No crash, leak or read past the buffer; every field stays terminated, a
 * dump level is -1 or 0-31, and an error names a line with a message.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-kdumpconf tests/fuzz/fuzz-kdumpconf.c \
 *     src/parse/kdumpconf.c src/parse/shvars.c src/util.c
 *   ./fuzz-kdumpconf tests/fuzz/corpus/kdumpconf
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/kdumpconf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort unless the fixed field f is NUL-terminated. */
#define TERMINATED(f) do { if (!memchr((f), '\0', sizeof(f))) abort(); } while (0)

/* Check the kdump.conf result. */
static void check_conf(const char *text, size_t size)
{
	static struct kdump_conf kc;
	int r = kdump_conf_parse(text, size, &kc);

	if ((r != 0 && r != -EINVAL) || (r != 0) != (kc.errline != 0) || (kc.errline && !kc.errmsg[0]))
		abort();
	TERMINATED(kc.path);
	TERMINATED(kc.core_collector);
	TERMINATED(kc.collector_tool);
	TERMINATED(kc.target_type);
	TERMINATED(kc.target);
	TERMINATED(kc.default_action);
	TERMINATED(kc.action_name);
	TERMINATED(kc.action_value);
	TERMINATED(kc.final_value);
	TERMINATED(kc.sshkey);
	TERMINATED(kc.errmsg);
	if (kc.dump_level < -1 || kc.dump_level > 31)
		abort();
}

/* Check the kdump-tools result. */
static void check_tools(const char *text, size_t size)
{
	static struct kdump_tools kt;
	int r = kdump_tools_parse(text, size, &kt);

	if ((r != 0 && r != -EINVAL) || (r != 0) != (kt.errline != 0) || (kt.errline && !kt.errmsg[0]))
		abort();
	TERMINATED(kt.coredir);
	TERMINATED(kt.makedump_args);
	TERMINATED(kt.kdump_kernel);
	TERMINATED(kt.kdump_initrd);
	TERMINATED(kt.errmsg);
	if (kt.use_kdump < -1 || kt.use_kdump > 1 || kt.dump_level < -1 || kt.dump_level > 31)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_conf((const char *)data, size);
	check_tools((const char *)data, size);
	return 0;
}
