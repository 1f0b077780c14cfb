/* cmd-fix.c - the changes that make failing checks pass: shown, then (--apply) made. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "checks/common.h"
#include "cmd.h"
#include "fix/planners.h"
#include "fix/udiff.h"
#include "out/print.h"
#include "root.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--root DIR] [--json] fix [--apply] [--only ID[,ID...]]\n"
	"\n"
	"For every check that does not pass and has a mechanical remedy, prints the\n"
	"change that repairs it: a unified diff of a file (the bootloader's\n"
	"crashkernel=, the sysctl drop-in /etc/sysctl.d/90-kdumpcheck.conf or EL6's\n"
	"marked block of /etc/sysctl.conf) or a command (sysctl -w, systemctl enable,\n"
	"the kdump initramfs rebuilt), and whether it needs a reboot.\n"
	"\n"
	"  --apply      make the changes: each file backed up as FILE.kdumpcheck-<time>,\n"
	"               written to a temporary file, fsynced and renamed over it;\n"
	"               commands run without a shell; then the checks run again.\n"
	"               Under a --root other than /, files are edited under it and\n"
	"               commands that act on the running system are printed, not run.\n"
	"  --only IDS   only these checks (ids or areas: crashkernel, sysctl, ...)\n"
	"\n"
	"Nothing is changed when a change cannot be planned (a bootloader layout or a\n"
	"file kdumpcheck cannot parse): fix says why and exits 1.\n";

static const struct verb_opt opts[] = { { "apply", 0 }, { "only", 1 }, { NULL, 0 } };

/* The argv of a change as one shell-quoted line. */
static void argv_line(const struct fix_change *c, char *out, size_t outlen)
{
	struct sbuf b;
	char q[600];
	int i;

	sbuf_init(&b);
	for (i = 0; c->argv[i]; i++) {
		sh_quote(c->argv[i], q, sizeof(q));
		sbuf_printf(&b, "%s%s", i ? " " : "", q);
	}
	xstrlcpy(out, sbuf_str(&b), outlen);
	sbuf_free(&b);
}

/* A diff on a terminal: each line's host bytes escaped, its tabs kept. */
static void print_diff_text(const char *d)
{
	char seg[4096];

	while (*d) {
		size_t n = strcspn(d, "\t\n");
		if (n >= sizeof(seg))
			n = sizeof(seg) - 1;
		memcpy(seg, d, n);
		seg[n] = '\0';
		print_text("%s", seg);
		d += n;
		if (*d == '\t')
			print_text("\t");
		else if (*d == '\n')
			print_text("\n");
		if (*d == '\t' || *d == '\n')
			d++;
	}
}

static void print_change(const struct fix_plan *p, const struct fix_change *c, int applying)
{
	char line[2048];
	struct sbuf diff;

	print_open_object(NULL);
	print_str(PRINT_ANY, "check", "[%s] ", c->check);
	print_str(PRINT_JSON, "kind", NULL, c->kind == FIX_FILE ? "file" : "command");
	if (c->kind == FIX_FILE)
		print_str(PRINT_ANY, "path", c->existed ? "edit %s" : "create %s", c->path);
	else
		print_null(PRINT_JSON, "path", NULL);
	print_open_array("argv");
	if (c->kind != FIX_FILE) {
		int i;
		for (i = 0; c->argv[i]; i++)
			print_str(PRINT_JSON, NULL, NULL, c->argv[i]);
		argv_line(c, line, sizeof(line));
		print_text("run: %s", line);
	}
	print_close();
	print_bool(PRINT_ANY, "needs_reboot", NULL, c->needs_reboot);
	if (c->needs_reboot)
		print_text(" (needs a reboot)");
	if (applying) {
		if (c->applied)
			print_text(": done");
		else if (c->error[0])
			print_text(": FAILED: %s", c->error);
		else if (c->kind == FIX_COMMAND && c->live_only && !p->live)
			print_text(": not run (it acts on a running host, not on this root): run it there");
		else if (p->refused[0])
			print_text(": not made");
	}
	print_bool(PRINT_JSON, "applied", NULL, c->applied);
	if (c->error[0])
		print_str(PRINT_JSON, "error", NULL, c->error);
	else
		print_null(PRINT_JSON, "error", NULL);
	print_text("\n");
	if (c->kind == FIX_FILE) {
		sbuf_init(&diff);
		udiff(c->existed ? c->old_text : NULL, c->old_len, sbuf_str(&c->new_text), c->new_text.len, c->path,
		      c->path, &diff);
		print_str(PRINT_JSON, "diff", NULL, sbuf_str(&diff));
		print_diff_text(sbuf_str(&diff));
		sbuf_free(&diff);
	} else {
		print_null(PRINT_JSON, "diff", NULL);
	}
	print_close();
}

/* The --only words, split at commas, into a scope (the strings are kept in buf). */
static size_t only_list(const struct gopts *g, char *buf, size_t buflen, const char **only, size_t max)
{
	size_t i, n = 0, used = 0;

	for (i = 0; i < g->nvopts; i++) {
		char *w, *save = NULL;
		size_t l;
		if (strcmp(g->vopts[i].name, "only"))
			continue;
		l = strlen(g->vopts[i].arg);
		if (used + l + 1 > buflen)
			break;
		memcpy(buf + used, g->vopts[i].arg, l + 1);
		for (w = strtok_r(buf + used, ", ", &save); w && n < max; w = strtok_r(NULL, ", ", &save))
			only[n++] = w;
		used += l + 1;
	}
	return n;
}

/* Run the checks again on a fresh view of the root and print the new report. */
static int after(const struct gopts *g)
{
	struct session s;
	struct report rep;
	int st = session_open(g, &s);

	if (st)
		return -1;
	checks_run(&s.ctx, &rep);
	if (print_is_json()) {
		print_json_value("after", out_json_report(&s.ctx, &rep));
	} else {
		struct out_opts o;
		memset(&o, 0, sizeof(o));
		o.format = FMT_TEXT;
		o.verbosity = g->verbosity;
		o.color = !g->no_color && !getenv("NO_COLOR") && isatty(STDOUT_FILENO);
		printf("\nThe checks again:\n\n");
		out_report(stdout, &s.ctx, &rep, &o);
	}
	st = rep.worst == ST_FAIL ? 2 : rep.worst == ST_WARN ? 1 : 0;
	report_free(&rep);
	session_close(&s);
	return st;
}

static int cmd_fix(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	static struct fix_plan plan;
	struct session s;
	struct report rep;
	struct fix_scope scope;
	const char *only[64];
	char onlybuf[2048], stamp[32];
	int apply = gopt_flag(g, "apply"), st, failed = 0, reboot = 0;
	size_t i;
	time_t now = time(NULL);
	struct tm tm;

	st = session_open(g, &s);
	if (st)
		return st;
	scope.only = only;
	scope.nonly = only_list(g, onlybuf, sizeof(onlybuf), only, ARRAY_SIZE(only));
	checks_run(&s.ctx, &rep);
	fix_plan_init(&plan, s.root, root_is_live(s.root));
	fix_plan_checks(&plan, &s.ctx, &rep, &scope);
	for (i = 0; i < plan.n; i++)
		reboot |= plan.v[i].needs_reboot;
	if (apply && !plan.refused[0]) {
		localtime_r(&now, &tm);
		strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
		failed = fix_plan_apply(&plan, stamp);
	}
	print_begin(g->format, PRINT_OBJECT);
	print_str(PRINT_JSON, "schema", NULL, "kdumpcheck.fix/1");
	if (plan.refused[0]) {
		print_str(PRINT_ANY, "refused", "refused: %s\n", plan.refused);
	} else {
		print_null(PRINT_JSON, "refused", NULL);
		print_text("%zu change%s%s\n", plan.n, plan.n == 1 ? "" : "s",
			   !plan.n ? (rep.worst == ST_PASS ? ": every check passes" :
				      ": no failing check has a remedy kdumpcheck can make (see 'kdumpcheck check')") : reboot ? " (a reboot is needed after them)" : "");
	}
	print_open_array("changes");
	for (i = 0; i < plan.n; i++)
		print_change(&plan, &plan.v[i], apply && !plan.refused[0]);
	print_close();
	print_bool(PRINT_JSON, "needs_reboot", NULL, reboot);
	if (!apply && plan.n && !plan.refused[0])
		print_text("\nRun 'kdumpcheck fix --apply' to make these changes.\n");
	report_free(&rep);
	fix_plan_free(&plan);
	session_close(&s);
	if (apply && !plan.refused[0] && after(g) < 0)
		failed++;
	if (print_end())
		return 1;
	if (plan.refused[0]) {
		if (print_is_json())
			die_msg("fix: %s", plan.refused);
		return 1;
	}
	return failed ? 1 : 0;
}

const struct verb verb_fix = {
	.name = "fix",
	.summary = "print (--apply: make) the changes that make failing checks pass",
	.help = help,
	.opts = opts,
	.max_args = 0,
	.formats = FORMATS_TEXT_JSON,
	.run = cmd_fix,
};
