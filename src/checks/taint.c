/* taint.c - kernel.taint: is the kernel tainted, and by which modules. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "checks/common.h"
#include "parse/modules.h"
#include "read/modules.h"
#include "root.h"
#include "util.h"

/*
 * Name the modules that carry taint flags: "nvidia (POE, license NVIDIA,
 * /lib/...)"; what could not be read is said in note.
 */
static void tainting_modules(struct ctx *c, struct sbuf *out, struct sbuf *note)
{
	struct module_info *mods = NULL;
	const char *data;
	size_t len, n = 0, i;
	unsigned errline = 0;
	int first = 1, e;

	e = ctx_read(c, "/proc/modules", &data, &len);
	if (e) {
		sbuf_printf(note, "; which modules taint it is not known (/proc/modules: %s)", errstr(e));
		return;
	}
	if (modules_parse(data, len, &mods, &n, &errline)) {
		sbuf_printf(note, "; which modules taint it is not known (/proc/modules:%u does not parse)", errline);
		free(mods);
		return;
	}
	if (c->host.release[0] && (e = modules_facts(c->root, c->host.release, mods, n)) != 0)
		sbuf_printf(note, "; the modules' license and file are not known (/lib/modules/%s: %s)", c->host.release,
			    errstr(e));
	for (i = 0; i < n; i++) {
		if (!mods[i].taint[0])
			continue;
		sbuf_printf(out, "%s%s (%s", first ? "" : ", ", mods[i].name, mods[i].taint);
		if (mods[i].license[0])
			sbuf_printf(out, ", license %s", mods[i].license);
		if (mods[i].path[0])
			sbuf_printf(out, ", %s", mods[i].path);
		sbuf_puts(out, ")");
		first = 0;
	}
	free(mods);
}

/* kernel.taint: the kernel is not tainted, or say by what. */
static void check_taint(struct ctx *c, struct result *res)
{
	const char *data;
	char buf[64], q[200], letters[64], desc[512];
	struct sbuf mods, note;
	size_t len;
	uint64_t mask;
	int e = ctx_input(c, res, "/proc/sys/kernel/tainted", NULL, &data, &len);

	if (e)
		return;
	if (text_value(data, len, buf, sizeof(buf)) || parse_u64(buf, 10, &mask)) {
		quote(data, len, q, sizeof(q));
		res_set(res, ST_FAIL, "/proc/sys/kernel/tainted does not parse: \"%s\"", q);
		return;
	}
	res_observed(res, "%llu", (unsigned long long)mask);
	res_expected(res, "0");
	if (!mask) {
		res_set(res, ST_PASS, "the kernel is not tainted");
		return;
	}
	taint_decode(mask, letters, sizeof(letters), desc, sizeof(desc));
	sbuf_init(&mods);
	sbuf_init(&note);
	tainting_modules(c, &mods, &note);
	res_observed(res, "%llu (%s)", (unsigned long long)mask, letters);
	res_set(res, ST_PROBLEM, "the kernel is tainted %s: %s%s%s%s", letters, desc, mods.len ? "; by " : "",
		sbuf_str(&mods), sbuf_str(&note));
	res_remedy(res, "expect vendor support to ask about the tainting modules; to clear the taint, reboot without them");
	sbuf_free(&mods);
	sbuf_free(&note);
}

const struct check_def checks_taint[] = {
	{ "kernel.taint", "kernel", ST_WARN, check_taint },
	{ NULL, NULL, ST_PASS, NULL },
};
