/* cmd-prune.c - apply the retention policy (SPEC §4 [dump]) to the dump directory. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "out/print.h"
#include "policy.h"
#include "retention.h"
#include "root.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--root DIR] [-c POLICY] prune [--dry-run]\n"
	"\n"
	"Applies the retention policy ([dump] keep and min_free of the policy file) to\n"
	"the dump directory of the host under --root:\n"
	"  - the newest complete dump is never deleted, whatever the policy says;\n"
	"  - an incomplete dump (vmcore-incomplete, or complete=false in its sidecar)\n"
	"    written less than a day ago is never deleted;\n"
	"  - complete dumps beyond the newest 'keep', and incomplete dumps older than a\n"
	"    day, are deleted;\n"
	"  - then, while the filesystem has less than min_free available (a percentage\n"
	"    of its size, or a size such as 2G), the oldest remaining dump goes.\n"
	"Only dump directories go: <host>-<YYYY-MM-DD-hh:mm:ss>/ (RHEL) and\n"
	"<YYYYMMDDhhmm>/ (Debian) holding their dump, and bare vmcore/dump.<ts> files\n"
	"in the dump directory itself (with their .json sidecar). In a dump directory\n"
	"only its known files are removed (vmcore*, *-dmesg.txt, dmesg.*, dump.*,\n"
	"*.json), then the directory; a directory that holds anything else is kept and\n"
	"named. Links are never followed; other directories (pstore records, anything\n"
	"not named like a dump) are left alone.\n"
	"Each deletion is printed and logged to syslog (daemon facility, ident\n"
	"kdumpcheck); with --root other than / nothing goes to this host's syslog.\n"
	"\n"
	"  --dry-run   list what would go and why; change nothing\n"
	"\n"
	"Exit status: 0 done (or nothing to do), 1 something could not be deleted (the\n"
	"rest was still done), 3 invalid policy, 64 usage error.\n";

static int cmd_prune(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct session s;
	const struct dump_target *t;
	char dir[PATH_MAX], why[PATH_MAX + 200];
	int e;

	e = session_open(g, &s);
	if (e)
		return e;
	t = ctx_target(&s.ctx);
	e = session_dump_dir(&s, dir, sizeof(dir), why, sizeof(why));
	print_begin(g->format, PRINT_OBJECT);
	print_str(PRINT_JSON, "schema", NULL, "kdumpcheck.prune/1");
	print_str(PRINT_JSON, "dump_dir", NULL, e ? t->path : dir);
	if (e == -EREMOTE) {
		print_str(PRINT_JSON, "status", NULL, "remote");
		print_str(PRINT_ANY, "target", "dumps go to %s, not to this host: nothing to prune here\n", t->line);
		e = 0;
	} else if (e == -ENOENT && !s.dump_dir) {
		print_str(PRINT_JSON, "status", NULL, "no_directory");
		print_text("no dump directory %s: nothing to prune\n", t->dir[0] ? t->dir : t->path);
		e = 0;
	} else if (e) {
		die_msg("prune: %s (nothing deleted)", why);
		print_str(PRINT_JSON, "status", NULL, "error");
		print_str(PRINT_JSON, "error", NULL, root_strerror(e));
		e = 1;
	} else {
		print_str(PRINT_JSON, "status", NULL, "pruned");
		e = prune_dir(s.root, &s.pol, dir, gopt_flag(g, "dry-run"), g->verbosity, 0, NULL);
	}
	print_end();
	session_close(&s);
	return e;
}

static const struct verb_opt opts[] = {
	{ "dry-run", 0 },
	{ NULL, 0 },
};

const struct verb verb_prune = {
	.name = "prune",
	.summary = "apply the retention policy to the dump directory",
	.help = help,
	.opts = opts,
	.max_args = 0,
	.formats = FORMATS_TEXT_JSON,
	.run = cmd_prune,
};
