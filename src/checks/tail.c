/* tail.c - kdump.tested and kernel.taint. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <json.h>

#include "check.h"
#include "checks/common.h"
#include "parse/modules.h"
#include "read/modules.h"
#include "root.h"
#include "jsonx.h"
#include "util.h"

#define TEST_FILE "/var/lib/kdumpcheck/last-test.json"

/* kdump.tested: the last real crash test succeeded after the last change. */
static void check_tested(struct ctx *c, struct result *res)
{
	struct json_tokener *tok;
	struct json_object *o = NULL;
	const char *data, *verdict, *when, *conf;
	char img[512], kernel[512], q[200];
	const char *newer[3];
	size_t len, i;
	time_t t;
	int e = ctx_read(c, TEST_FILE, &data, &len);

	if (e == -ENOENT) {
		res_set(res, ST_SKIP, "never tested: run 'kdumpcheck test --yes-crash-this-host' in a maintenance window");
		return;
	}
	if (e) {
		res_set(res, ST_FAIL, "cannot read %s: %s", TEST_FILE, errstr(e));
		return;
	}
	tok = json_tokener_new();
	if (len < (size_t)0x7fffffff && !memchr(data, '\0', len))
		o = json_tokener_parse_ex(tok, data, (int)len);
	json_tokener_free(tok);
	verdict = o && json_object_is_type(o, json_type_object) ? jsonx_str(o, "verdict", NULL) : NULL;
	when = o && json_object_is_type(o, json_type_object) ? jsonx_str(o, "tested_at", NULL) : NULL;
	if (!verdict || !when || (t = (time_t)time_parse_iso(when)) == (time_t)-1) {
		quote(data, len, q, sizeof(q));
		res_set(res, ST_FAIL, "%s does not parse (wants verdict and tested_at): \"%s\"", TEST_FILE, q);
		goto out;
	}
	res_observed(res, "%s at %s", verdict, when);
	res_expected(res, "success, newer than the kernel, the kdump config and the kdump initramfs");
	if (strcmp(verdict, "success")) {
		const char *why = jsonx_str(o, "reason", NULL);
		res_set(res, ST_PROBLEM, "the last crash test (%s) failed%s%s", when, why ? ": " : "", why ? why : "");
		res_remedy(res, "fix the failing checks, then kdumpcheck test --yes-crash-this-host");
		goto out;
	}
	newer[0] = newer[1] = newer[2] = NULL;
	if (xsnprintf(kernel, sizeof(kernel), "/boot/vmlinuz-%s", c->host.release) == 0)
		newer[0] = kernel;
	if (kdump_files(c, img, sizeof(img), &conf) == 0) {
		newer[1] = conf;
		newer[2] = img;
	}
	for (i = 0; i < ARRAY_SIZE(newer); i++) {
		struct stat st;
		if (newer[i] && root_stat(c->root, newer[i], &st) == 0 && st.st_mtime > t) {
			res_set(res, ST_PROBLEM, "the last crash test (%s) predates a change to %s", when, newer[i]);
			res_remedy(res, "kdumpcheck test --yes-crash-this-host (in a maintenance window)");
			goto out;
		}
	}
	res_set(res, ST_PASS, "the last crash test (%s) captured a dump", when);
out:
	if (o)
		json_object_put(o);
}

/* Name the modules that carry taint flags: "nvidia (POE, license NVIDIA, /lib/...)". */
static void tainting_modules(struct ctx *c, struct sbuf *out)
{
	struct module_info *mods = NULL;
	const char *data;
	size_t len, n = 0, i;
	unsigned errline;
	int first = 1;

	if (ctx_read(c, "/proc/modules", &data, &len) || modules_parse(data, len, &mods, &n, &errline))
		return;
	if (c->host.release[0])
		modules_facts(c->root, c->host.release, mods, n);
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
	struct sbuf mods;
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
	tainting_modules(c, &mods);
	res_observed(res, "%llu (%s)", (unsigned long long)mask, letters);
	res_set(res, ST_PROBLEM, "the kernel is tainted %s: %s%s%s", letters, desc, mods.len ? "; by " : "",
		sbuf_str(&mods));
	res_remedy(res, "expect vendor support to ask about the tainting modules; to clear the taint, reboot without them");
	sbuf_free(&mods);
}

const struct check_def checks_tail[] = {
	{ "kdump.tested", "proof", ST_WARN, check_tested },
	{ "kernel.taint", "kernel", ST_WARN, check_taint },
	{ NULL, NULL, ST_PASS, NULL },
};
