/*
 * fuzz-kdumpconf.c - libFuzzer target for the kdump configuration parsers:
 * each input is read as /etc/kdump.conf, as /etc/default/kdump-tools and as
 * /etc/sysconfig/kdump.
 * No crash, leak or read past the buffer; every field stays terminated, a
 * dump level is -1 or 0-31, and an error names a line with a message.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-kdumpconf tests/fuzz/fuzz-kdumpconf.c \
 *     src/parse/kdumpconf.c src/parse/kdumpsys.c src/parse/shvars.c src/util.c
 *   ./fuzz-kdumpconf tests/fuzz/corpus/kdumpconf
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/kdumpconf.h"
#include "parse/kdumpsys.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort unless the fixed field f is NUL-terminated. */
#define TERMINATED(f) do { if (!memchr((f), '\0', sizeof(f))) abort(); } while (0)

/* Each kept word is non-empty, terminated, and names a line. */
static void check_words(const struct kc_word *w, unsigned n)
{
	unsigned i;

	for (i = 0; i < n; i++) {
		TERMINATED(w[i].text);
		if (!w[i].text[0] || !w[i].line)
			abort();
	}
}

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
	TERMINATED(kc.extra_modules);
	TERMINATED(kc.dracut_args);
	TERMINATED(kc.fence_args);
	TERMINATED(kc.el6_only);
	TERMINATED(kc.not_el6);
	TERMINATED(kc.errmsg);
	if (kc.dump_level < -1 || kc.dump_level > 31)
		abort();
	if (kc.n_extra_bins > KC_MAX_FILES || kc.n_fence_nodes > KC_MAX_FILES ||
	    kc.n_kdump_pre > KC_MAX_HOOKS || kc.n_kdump_post > KC_MAX_HOOKS)
		abort();
	check_words(kc.extra_bins, kc.n_extra_bins);
	check_words(kc.kdump_pre, kc.n_kdump_pre);
	check_words(kc.kdump_post, kc.n_kdump_post);
	check_words(kc.fence_nodes, kc.n_fence_nodes);
	if (kc.force_rebuild < -1 || kc.force_rebuild > 1 || kc.force_no_rebuild < -1 || kc.force_no_rebuild > 1)
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
	TERMINATED(kt.hosttag);
	TERMINATED(kt.cmdline_append);
	TERMINATED(kt.sysctl);
	TERMINATED(kt.errmsg);
	if (kt.use_kdump < -1 || kt.use_kdump > 1 || kt.dump_level < -1 || kt.dump_level > 31)
		abort();
}

/* Check the /etc/sysconfig/kdump result. */
static void check_sysconfig(const char *text, size_t size)
{
	static struct kdump_sysconfig ks;
	int r = kdump_sysconfig_parse(text, size, &ks);

	if ((r != 0 && r != -EINVAL) || (r != 0) != (ks.errline != 0) || (ks.errline && !ks.errmsg[0]))
		abort();
	TERMINATED(ks.commandline);
	TERMINATED(ks.append);
	TERMINATED(ks.remove);
	TERMINATED(ks.kernelver);
	TERMINATED(ks.kexec_args);
	TERMINATED(ks.img);
	TERMINATED(ks.img_ext);
	TERMINATED(ks.errmsg);
	cmdline_driver_pre(ks.append, "hpwdt");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	check_conf((const char *)data, size);
	check_tools((const char *)data, size);
	check_sysconfig((const char *)data, size);
	return 0;
}
