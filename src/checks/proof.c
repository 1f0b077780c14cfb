/* proof.c - kdump.tested: the last real crash test captured a dump. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "checks/common.h"
#include "root.h"
#include "teststate.h"
#include "util.h"

/* kdump.tested: the last real crash test succeeded after the last change. */
static void check_tested(struct ctx *c, struct result *res)
{
	struct test_verdict_in v;
	const char *data, *conf;
	char img[512], kernel[512], q[200];
	const char *newer[3];
	size_t len, i;
	int e = ctx_read(c, TESTSTATE_VERDICT, &data, &len);

	if (e == -ENOENT) {
		res_set(res, ST_SKIP, "never tested: run 'kdumpcheck test --yes-crash-this-host' in a maintenance window");
		return;
	}
	if (e) {
		res_set(res, ST_FAIL, "cannot read %s: %s", TESTSTATE_VERDICT, errstr(e));
		return;
	}
	if (teststate_parse_verdict(data, len, &v)) {
		quote(data, len, q, sizeof(q));
		res_set(res, ST_FAIL, "%s does not parse (wants verdict and tested_at): \"%s\"", TESTSTATE_VERDICT, q);
		return;
	}
	res_observed(res, "%s at %s", v.verdict, v.tested_at);
	res_expected(res, "success, newer than the kernel, the kdump config and the kdump initramfs");
	if (strcmp(v.verdict, "success")) {
		res_set(res, ST_PROBLEM, "the last crash test (%s) failed%s%s", v.tested_at, v.reason ? ": " : "",
			v.reason ? v.reason : "");
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
		if (newer[i] && root_stat(c->root, newer[i], &st) == 0 && (int64_t)st.st_mtime > v.tested) {
			res_set(res, ST_PROBLEM, "the last crash test (%s) predates a change to %s", v.tested_at, newer[i]);
			res_remedy(res, "kdumpcheck test --yes-crash-this-host (in a maintenance window)");
			goto out;
		}
	}
	res_set(res, ST_PASS, "the last crash test (%s) captured a dump", v.tested_at);
out:
	teststate_verdict_free(&v);
}

const struct check_def checks_proof[] = {
	{ "kdump.tested", "proof", ST_WARN, check_tested },
	{ NULL, NULL, ST_PASS, NULL },
};
