/* cmd-prune.c - apply the retention policy (SPEC §4 [dump]) to the dump directory. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "policy.h"
#include "retention.h"
#include "root.h"
#include "util.h"

const char cmd_prune_help[] =
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

void log_line(const struct root *r, int prio, const char *fmt, ...)
{
	static int opened;
	va_list ap;
	FILE *f = prio <= LOG_WARNING ? stderr : stdout;

	if (f == stderr) {
		fflush(stdout);
		fputs("kdumpcheck: ", stderr);
	}
	va_start(ap, fmt);
	vfprintf(f, fmt, ap);
	va_end(ap);
	fputc('\n', f);
	if (!root_is_live(r))
		return;
	if (!opened) {
		openlog("kdumpcheck", LOG_PID, LOG_DAEMON);
		opened = 1;
	}
	va_start(ap, fmt);
	vsyslog(prio, fmt, ap);
	va_end(ap);
}

/* "10%" or "2G": the min_free of the policy. */
static void min_free_str(const struct ret_rules *r, char *out, size_t outlen)
{
	if (r->min_free_is_pct)
		snprintf(out, outlen, "%llu%%", (unsigned long long)r->min_free);
	else
		fmt_size(r->min_free, out, outlen);
}

/* The reason of a decision, with the numbers of the policy. */
static void why_str(const struct ret_rules *r, const struct ret_decision *d, char *out, size_t outlen)
{
	char mf[32];

	min_free_str(r, mf, sizeof(mf));
	switch (d->why) {
	case RET_KEEP_COUNT:
		snprintf(out, outlen, "one of the newest %u complete dumps (keep = %u)", r->keep, r->keep);
		break;
	case RET_DEL_COUNT:
		snprintf(out, outlen, "complete, older than the newest %u (keep = %u)", r->keep ? r->keep : 1, r->keep);
		break;
	case RET_DEL_SPACE:
		snprintf(out, outlen, "the oldest left, deleted to bring free space up to min_free = %s", mf);
		break;
	default:
		xstrlcpy(out, retention_why_str(d->why), outlen);
	}
}

/* Delete one dump of the plan, saying what happened; 1 when it failed. */
static int delete_one(const struct root *judged, struct root *files, const struct ret_rules *rules,
		      const struct ret_entry *e)
{
	char other[1024], why[256], size[32];
	int r = retention_delete(files, e, other, sizeof(other));

	why_str(rules, &e->dec, why, sizeof(why));
	fmt_size(e->bytes, size, sizeof(size));
	if (r == 0) {
		log_line(judged, LOG_NOTICE, "deleted %s (%s): %s", e->path, size, why);
		return 0;
	}
	if (r == -ENOTEMPTY) {
		log_line(judged, LOG_WARNING, "prune: deleted the dump files of %s (%s: %s) but kept the directory: "
			 "it also holds %s", e->path, size, why, other);
		return 0;
	}
	log_line(judged, LOG_ERR, "prune: %s: cannot delete %s: %s (what could not be removed is kept)", e->path,
		 other[0] ? other : "it", strerror(-r));
	return 1;
}

int prune_apply(const struct root *judged, const struct policy *pol, const char *dir, int dry_run, int verbosity,
		int quiet_nothing, size_t *ndeleted)
{
	struct root *files = NULL;
	struct ret_plan p;
	char need[32], avail[32], total[32], freed[32], mf[32], why[256], size[32];
	size_t i;
	int e, failed = 0;

	if (ndeleted)
		*ndeleted = 0;
	e = root_new("/", &files);
	if (!e)
		e = retention_plan(files, dir, pol, (int64_t)time(NULL), &p);
	if (e) {
		log_line(judged, LOG_ERR, "prune: %s: %s (nothing deleted)", dir,
			 e == -EINVAL ? "invalid retention policy" : strerror(-e));
		root_free(files);
		return 1;
	}
	for (i = 0; i < p.n; i++) {
		const struct ret_entry *x = &p.v[i];
		why_str(&p.rules, &x->dec, why, sizeof(why));
		fmt_size(x->bytes, size, sizeof(size));
		if (!x->dec.del) {
			if (dry_run || verbosity > 0)
				printf("keep %s (%s): %s\n", x->path, size, why);
		} else if (dry_run) {
			printf("would delete %s (%s): %s\n", x->path, size, why);
		} else {
			failed |= delete_one(judged, files, &p.rules, x);
			if (ndeleted)
				(*ndeleted)++;
		}
	}
	if (dry_run || verbosity > 0)
		for (i = 0; i < p.nskipped; i++)
			printf("left alone %s: %s\n", p.skipped[i].path, p.skipped[i].why);
	min_free_str(&p.rules, mf, sizeof(mf));
	fmt_size(p.sum.need, need, sizeof(need));
	fmt_size(p.sum.avail_after, avail, sizeof(avail));
	fmt_size(p.rules.fs_total, total, sizeof(total));
	fmt_size(p.sum.freed, freed, sizeof(freed));
	if (p.rules.have_fs && !p.sum.met)
		log_line(judged, LOG_WARNING, "prune: %s: min_free = %s (%s) cannot be reached: %s available of %s "
			 "once every dump that may go is gone (the newest complete dump and incomplete ones younger "
			 "than a day stay)", dir, mf, need, avail, total);
	if (dry_run)
		printf("dry run, nothing changed: %zu of %zu dumps would go, freeing %s; %s of %s available then "
		       "(keep = %u, min_free = %s)\n", p.sum.ndel, p.n, freed, avail, total, p.rules.keep, mf);
	else if (p.sum.ndel)
		printf("pruned %s: %zu of %zu dumps deleted, %s freed; %s of %s available (keep = %u, min_free = %s)\n",
		       dir, p.sum.ndel, p.n, freed, avail, total, p.rules.keep, mf);
	else if (!quiet_nothing && verbosity >= 0)
		printf("nothing to delete in %s: %zu dumps, %s of %s available (keep = %u, min_free = %s)\n", dir, p.n,
		       avail, total, p.rules.keep, mf);
	retention_plan_free(&p);
	root_free(files);
	return failed;
}

int cmd_prune(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct session s;
	const struct dump_target *t;
	char dir[PATH_MAX];
	int e;

	e = session_open(g, &s);
	if (e)
		return e;
	t = ctx_target(&s.ctx);
	e = target_dir_host(s.root, t, dir, sizeof(dir));
	if (e == -EREMOTE || e == -ENOENT) {
		if (e == -EREMOTE)
			printf("dumps go to %s, not to this host: nothing to prune here\n", t->line);
		else
			printf("no dump directory %s: nothing to prune\n", t->path);
		session_close(&s);
		return 0;
	}
	if (e) {
		die_msg("prune: %s: %s (nothing deleted)", t->path, strerror(-e));
		session_close(&s);
		return 1;
	}
	e = prune_apply(s.root, &s.pol, dir, g->dry_run, g->verbosity, 0, NULL);
	session_close(&s);
	return e;
}
