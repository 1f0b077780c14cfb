/* cmd-tag.c - write the metadata sidecar (SPEC §5) of each vmcore given. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json.h>

#include "cmd.h"
#include "lock.h"
#include "out/print.h"
#include "root.h"
#include "sidecar.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--root DIR] [--json] tag [--no-hash] [--if-needed] VMCORE|DIR...\n"
	"\n"
	"Reads each vmcore's own headers (kdump-compressed, ELF or flattened), its saved\n"
	"kernel log (vmcore-dmesg.txt, dmesg.<ts>, else makedumpfile --dump-dmesg) and the\n"
	"debuginfo installed under the root, and writes VMCORE.json beside it (mode 0600,\n"
	"atomically): kernel release and build-id, crash time and class, blocked tasks,\n"
	"taint, the matching debug vmlinux and the crash command line to open the dump.\n"
	"A DIR is a dump directory (RHEL <host>-<date>/, Debian <YYYYMMDDhhmm>/).\n"
	"\n"
	"  --no-hash     skip the sha256 of the whole file (headers only)\n"
	"  --if-needed   leave a sidecar alone when it is newer than its vmcore\n"
	"\n"
	"Exit status: 0 every dump tagged, 1 some could not be (each says why).\n";


/* A one-line summary of a sidecar for text output. */
static void summary(struct json_object *side, const char *path)
{
	struct json_object *k, *c, *v, *x;
	const char *rel = "?", *cls = "?", *when = "?";
	int complete = 0;

	if (json_object_object_get_ex(side, "kernel", &k) && json_object_object_get_ex(k, "release", &x) && x)
		rel = json_object_get_string(x);
	if (json_object_object_get_ex(side, "crash", &c)) {
		if (json_object_object_get_ex(c, "class", &x) && x)
			cls = json_object_get_string(x);
		if (json_object_object_get_ex(c, "time", &x) && x)
			when = json_object_get_string(x);
	}
	if (json_object_object_get_ex(side, "vmcore", &v) && json_object_object_get_ex(v, "complete", &x))
		complete = json_object_get_boolean(x);
	print_text("tagged %s: kernel %s, crashed %s, %s%s\n", path, rel, when, cls, complete ? "" : ", INCOMPLETE");
}

/*
 * Take the lock harvest and prune take for the directory holding this dump's
 * directory (the dump directory of the host), so a sidecar is never written
 * while harvest works there; 1 after saying who holds it.
 */
static int tag_lock(const struct dump_files *df)
{
	char top[PATH_MAX], holder[128] = "";
	char *slash;
	int e;

	xstrlcpy(top, df->dir, sizeof(top));
	slash = strrchr(top, '/');
	if (!slash)
		return 0;
	if (slash == top)
		slash[1] = '\0';
	else
		*slash = '\0';
	e = dirlock_take(top, DIRLOCK_WAIT_MS, holder, sizeof(holder));
	if (!e)
		return 0;
	if (e == -EWOULDBLOCK)
		die_msg("tag: %s: %s is locked by %s, still after %d s (nothing written)", df->vmcore, top, holder,
			DIRLOCK_WAIT_MS / 1000);
	else
		die_msg("tag: %s: cannot lock %s: %s (nothing written)", df->vmcore, top, root_strerror(e));
	return 1;
}

/*
 * Tag the dump at arg: 0, or 1 after saying why not. files is a root of its
 * own for this dump, so what it reads is freed after it, not kept for the run.
 */
static int tag_arg(const struct gopts *g, struct session *s, struct root *files, const char *dumpdir,
		   const struct tag_opts *o, const char *arg)
{
	struct dump_files df;
	struct json_object *side = NULL;
	char path[PATH_MAX], out[PATH_MAX + 8], err[512];
	int e;

	e = path_absolute(arg, path, sizeof(path));
	if (!e)
		e = dump_locate(files, path, &df);
	if (e) {
		die_msg("tag: %s: %s", arg, e == -ENODATA ? "no vmcore there" : root_strerror(e));
		return 1;
	}
	if (gopt_flag(g, "if-needed") && sidecar_current(files, &df, !gopt_flag(g, "no-hash"))) {
		if (g->verbosity >= 0)
			print_text("up to date %s\n", df.vmcore);
		return 0;
	}
	if (tag_lock(&df))
		return 1;
	err[0] = '\0';
	e = sidecar_build(s->root, files, dumpdir[0] ? dumpdir : NULL, &df, o, &side, err, sizeof(err));
	if (e) {
		dirlock_release();
		die_msg("tag: %s: %s", df.vmcore, err[0] ? err : root_strerror(e));
		return 1;
	}
	e = sidecar_write(files, &df, side, out, sizeof(out));
	dirlock_release();
	if (e) {
		die_msg("tag: %s: cannot write the sidecar: %s (nothing written)", out, root_strerror(e));
	} else {
		print_json_value(NULL, json_object_get(side));
		if (g->verbosity >= 0)
			summary(side, df.vmcore);
	}
	json_object_put(side);
	return e ? 1 : 0;
}

static int cmd_tag(const struct gopts *g, int argc, char **argv)
{
	struct session s;
	struct tag_opts o;
	char dumpdir[PATH_MAX];
	int i, e, failed = 0;

	e = session_open(g, &s);
	if (e)
		return e;
	if (target_path_host(s.root, ctx_target(&s.ctx), dumpdir, sizeof(dumpdir)))
		dumpdir[0] = '\0';
	memset(&o, 0, sizeof(o));
	o.no_hash = gopt_flag(g, "no-hash");
	o.progress = isatty(STDERR_FILENO);
	print_begin(g->format, PRINT_ARRAY);
	for (i = 1; i < argc; i++) {
		struct root *files = NULL;

		e = root_new("/", &files);
		if (e) {
			die_msg("/: %s", root_strerror(e));
			failed = 1;
			break;
		}
		failed |= tag_arg(g, &s, files, dumpdir, &o, argv[i]);
		root_free(files);
	}
	print_end();
	session_close(&s);
	return failed;
}

static const struct verb_opt opts[] = {
	{ "no-hash", 0 },
	{ "if-needed", 0 },
	{ NULL, 0 },
};

const struct verb verb_tag = {
	.name = "tag",
	.summary = "write the metadata sidecar VMCORE.json of each vmcore",
	.help = help,
	.opts = opts,
	.args = "vmcore",
	.min_args = 1,
	.max_args = -1,
	.formats = FORMATS_TEXT_JSON,
	.run = cmd_tag,
};
