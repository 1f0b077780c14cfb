/* cmd-list.c - the inventory of the dumps in the dump directory. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "dumps.h"
#include "out/print.h"
#include "root.h"
#include "sshlist.h"
#include "target.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--root DIR] [--json] list [DUMPDIR]\n"
	"\n"
	"One line per dump, newest first: crash time, host, kernel release, panic class,\n"
	"size, whether it is complete and tagged, and whether the installed debuginfo\n"
	"matches. DUMPDIR defaults to the dump directory of the host under --root (the\n"
	"path of /etc/kdump.conf, KDUMP_COREDIR of /etc/default/kdump-tools, else the\n"
	"policy's [dump] path). Sidecars are read when present, headers otherwise.\n"
	"COMPLETE is yes, NO (the capture did not finish), NONE (a dump directory whose\n"
	"capture wrote no dump file: its kernel log and the reason are there) or ERROR\n"
	"(an entry that cannot be read, a FIFO named like a dump); the reason follows\n"
	"the path. In JSON: \"status\" (complete, incomplete, no vmcore, unreadable) and\n"
	"\"note\".\n"
	"\n"
	"When the host's dumps go to an ssh target (kdump.conf 'ssh user@host', Debian's\n"
	"SSH=) and no DUMPDIR is given, the live host (--root /) lists them on the server\n"
	"with one bounded login as kdump's own (ssh -i KEY, BatchMode, a known host key):\n"
	"release, class and debuginfo are not known there and show as \"-\" (null).\n";

/* One dump: a JSON object, or a line of the text table. */
static void print_entry(const struct dump_entry *e)
{
	char when[32], size[32];

	time_iso(e->time, when, sizeof(when));
	fmt_size(e->size, size, sizeof(size));
	print_open_object(NULL);
	print_str(PRINT_JSON, "path", NULL, e->vmcore);
	print_str(PRINT_ANY, "time", "%-20s  ", e->time_known ? when : NULL);
	print_str(PRINT_ANY, "host", "%-16s  ", e->host[0] ? e->host : NULL);
	print_str(PRINT_ANY, "release", "%-28s  ", e->release[0] ? e->release : NULL);
	print_str(PRINT_ANY, "class", "%-10s  ", e->cls[0] ? e->cls : NULL);
	print_u64(PRINT_JSON, "size_bytes", NULL, e->size);
	print_str(PRINT_TEXT, NULL, "%8s  ", size);
	print_bool(PRINT_JSON, "complete", NULL, e->complete);
	print_str(PRINT_JSON, "status", NULL, dump_state_str(e->state));
	print_str(PRINT_JSON, "note", NULL, e->note);
	print_str(PRINT_TEXT, NULL, "%-8s  ", e->state == DUMP_COMPLETE ? "yes" : e->state == DUMP_INCOMPLETE ? "NO" :
		  e->state == DUMP_NO_VMCORE ? "NONE" : "ERROR");
	print_bool(PRINT_ANY, "tagged", "%-6s  ", e->tagged);
	if (e->debuginfo_match < 0)
		print_null(PRINT_ANY, "build_id_match", "%-9s  ");
	else
		print_bool(PRINT_JSON, "build_id_match", NULL, e->debuginfo_match);
	if (e->debuginfo_match >= 0)
		print_str(PRINT_TEXT, NULL, "%-9s  ", e->debuginfo_match ? "match" : "MISMATCH");
	print_str(PRINT_TEXT, NULL, "%s", e->vmcore);
	if (e->state == DUMP_NO_VMCORE || e->state == DUMP_UNREADABLE)
		print_text(" (%s: %s)", dump_state_str(e->state), e->note ? e->note : "");
	else if (e->note)
		print_text(" (%s)", e->note);
	print_text("\n");
	print_close();
}

/* One dump on an ssh target: the same columns, what cannot be known there "-" (null). */
static void print_ssh_entry(const struct dump_target *t, const struct ssh_dump *d)
{
	char when[32], size[32], path[1400];
	int64_t tm = d->crash_time >= 0 ? d->crash_time : d->mtime;

	time_iso(tm, when, sizeof(when));
	fmt_size(d->size, size, sizeof(size));
	snprintf(path, sizeof(path), "%s:%s/%s/%s", t->where, t->path, d->dir, d->vmcore[0] ? d->vmcore : "");
	print_open_object(NULL);
	print_str(PRINT_JSON, "path", NULL, path);
	print_str(PRINT_ANY, "time", "%-20s  ", tm > 0 ? when : NULL);
	print_str(PRINT_ANY, "host", "%-16s  ", d->host[0] ? d->host : NULL);
	print_null(PRINT_ANY, "release", "%-28s  ");
	print_null(PRINT_ANY, "class", "%-10s  ");
	print_u64(PRINT_JSON, "size_bytes", NULL, d->size);
	print_str(PRINT_TEXT, NULL, "%8s  ", d->vmcore[0] ? size : "-");
	print_bool(PRINT_JSON, "complete", NULL, d->complete);
	print_str(PRINT_TEXT, NULL, "%-8s  ", d->complete ? "yes" : "NO");
	print_bool(PRINT_ANY, "tagged", "%-6s  ", d->sidecar);
	print_null(PRINT_ANY, "build_id_match", "%-9s  ");
	print_str(PRINT_TEXT, NULL, "%s\n", path);
	snprintf(path, sizeof(path), "%s:%s", t->where, t->path);
	print_str(PRINT_JSON, "location", NULL, path);
	print_str(PRINT_JSON, "dump_dir", NULL, d->dir);
	print_bool(PRINT_JSON, "dmesg", NULL, d->dmesg);
	print_str(PRINT_JSON, "vmcore", NULL, d->vmcore[0] ? d->vmcore : NULL);
	print_close();
}

/* list on an ssh target: one bounded login, then the table. 0, or 1 with the reason on stderr. */
static int list_ssh(const struct gopts *g, struct session *s, const struct dump_target *t)
{
	struct ssh_listing l;
	char why[600], loc[1100];
	size_t i;

	if (!root_is_live(s->root))
		return kdc_error(1, "list: the dumps go to %s (ssh): they cannot be listed from an offline root; give "
				 "DUMPDIR", t->where);
	if (sshlist_run(t, &l, why, sizeof(why)) != SSHL_OK)
		return kdc_error(1, "list: ssh %s: %s", t->where, why);
	snprintf(loc, sizeof(loc), "%s:%s", t->where, t->path);
	print_begin(g->format, PRINT_ARRAY);
	print_text("%-20s  %-16s  %-28s  %-10s  %8s  %-8s  %-6s  %-9s  %s\n", "TIME", "HOST", "RELEASE", "CLASS", "SIZE",
		   "COMPLETE", "TAGGED", "DEBUGINFO", "PATH");
	for (i = 0; i < l.n; i++)
		print_ssh_entry(t, &l.v[i]);
	if (!l.n && g->verbosity >= 0)
		print_text("(no dumps in %s)\n", loc);
	if (l.truncated)
		die_msg("list: %s: the listing was cut at %u bytes or %u dumps", loc,
			SSHLIST_MAX_OUTPUT, SSHLIST_MAX_DUMPS);
	sshlist_free(&l);
	return print_end() ? 1 : 0;
}

static int cmd_list(const struct gopts *g, int argc, char **argv)
{
	struct session s;
	struct root *files = NULL;
	struct dump_entry *v = NULL;
	char dir[PATH_MAX], why[PATH_MAX + 200];
	size_t n = 0, i;
	int e;

	e = session_open(g, &s);
	if (e)
		return e;
	if (argc == 2) {
		e = path_absolute(argv[1], dir, sizeof(dir));
	} else if (ctx_target(&s.ctx)->kind == TARGET_SSH && !s.dump_dir) {
		e = list_ssh(g, &s, ctx_target(&s.ctx));
		session_close(&s);
		return e;
	} else {
		e = session_dump_dir(&s, dir, sizeof(dir), why, sizeof(why));
		if (e && (e != -ENOENT || s.dump_dir)) {
			die_msg("list: %s", why);
			session_close(&s);
			return 1;
		}
		e = 0;
	}
	if (!e)
		e = root_new("/", &files);
	if (!e)
		e = dumps_scan(files, dir, &v, &n);
	if (e) {
		die_msg("list: %s: %s", dir, root_strerror(e));
		root_free(files);
		session_close(&s);
		return 1;
	}
	print_begin(g->format, PRINT_ARRAY);
	print_text("%-20s  %-16s  %-28s  %-10s  %8s  %-8s  %-6s  %-9s  %s\n", "TIME", "HOST", "RELEASE", "CLASS", "SIZE",
		   "COMPLETE", "TAGGED", "DEBUGINFO", "PATH");
	for (i = 0; i < n; i++)
		print_entry(&v[i]);
	if (!n && g->verbosity >= 0)
		print_text("(no dumps in %s)\n", dir);
	print_end();
	dumps_free(v, n);
	root_free(files);
	session_close(&s);
	return 0;
}

const struct verb verb_list = {
	.name = "list",
	.summary = "the dumps in the dump directory, newest first",
	.help = help,
	.max_args = 1,
	.formats = FORMATS_TEXT_JSON,
	.run = cmd_list,
};
