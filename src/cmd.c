/* cmd.c - what the verbs share for talking to the user. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <sys/stat.h>

#include "cmd.h"
#include "lock.h"
#include "out/print.h"
#include "retention.h"
#include "root.h"
#include "target.h"
#include "util.h"

/* "kdumpcheck: " and the message on stderr. */
static void vsay(const char *fmt, va_list ap)
{
	fputs("kdumpcheck: ", stderr);
	print_vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void die_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

int kdc_error(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	return code;
}

const char *gopt_arg(const struct gopts *g, const char *name)
{
	size_t i;

	for (i = g->nvopts; i-- > 0;)
		if (!strcmp(g->vopts[i].name, name))
			return g->vopts[i].arg;
	return NULL;
}

int gopt_flag(const struct gopts *g, const char *name)
{
	return gopt_arg(g, name) != NULL;
}

int session_open(const struct gopts *g, struct session *s)
{
	char err[4096];
	int e;

	memset(s, 0, sizeof(*s));
	e = root_new(g->root, &s->root);
	if (e)
		return kdc_error(3, "--root %s: %s", g->root, root_strerror(e));
	policy_defaults(&s->pol);
	if (g->config)
		e = policy_load(&s->pol, NULL, g->config, 0, err, sizeof(err));
	else
		e = policy_load(&s->pol, s->root, SYSCONFDIR "/kdumpcheck.conf", 1, err, sizeof(err));
	if (e) {
		die_msg("%s", err);
		session_close(s);
		return 3;
	}
	s->ctx.root = s->root;
	s->ctx.policy = &s->pol;
	host_detect(s->root, &s->ctx.host);
	s->dump_dir = g->dump_dir;
	return 0;
}

int session_dump_dir(struct session *s, char *out, size_t outlen, char *why, size_t whylen)
{
	struct root *live = NULL;
	struct stat st;
	char real[PATH_MAX];
	int e;

	why[0] = '\0';
	if (!s->dump_dir) {
		e = target_dir_host(s->root, ctx_target(&s->ctx), out, outlen);
		if (e)
			target_where(ctx_target(&s->ctx), e, why, whylen);
		return e;
	}
	e = path_absolute(s->dump_dir, out, outlen);
	if (!e)
		e = root_new("/", &live);
	if (!e)
		e = root_stat(live, out, &st);
	if (!e && !S_ISDIR(st.st_mode))
		e = -ENOTDIR;
	/* the operator's links resolved once: below it, dump directory work never follows one (dirfd.h) */
	if (!e && realpath(out, real) && strlen(real) < outlen)
		xstrlcpy(out, real, outlen);
	root_free(live);
	if (e)
		snprintf(why, whylen, "--dump-dir %s: %s", s->dump_dir, root_strerror(e));
	return e;
}

void session_close(struct session *s)
{
	policy_free(&s->pol);
	root_free(s->root);
	memset(s, 0, sizeof(*s));
}

/*
 * Is f connected to the systemd journal (JOURNAL_STREAM names its device and
 * inode)? Then a line written there is in the journal already, and sending
 * it to syslog too would log it twice.
 */
static int to_journal(FILE *f)
{
	const char *js = getenv("JOURNAL_STREAM");
	unsigned long long dev, ino;
	struct stat st;

	return js && sscanf(js, "%llu:%llu", &dev, &ino) == 2 && fstat(fileno(f), &st) == 0 &&
	       (unsigned long long)st.st_dev == dev && (unsigned long long)st.st_ino == ino;
}

void log_line(const struct root *r, int prio, const char *fmt, ...)
{
	static int opened;
	va_list ap;
	struct sbuf b;
	FILE *f = prio <= LOG_WARNING ? stderr : stdout;

	if (f == stderr) {
		fflush(stdout);
		fputs("kdumpcheck: ", stderr);
	}
	/* a JSON document owns stdout: its lines go to syslog (and warnings to stderr) only */
	if (f == stderr || !print_is_json()) {
		va_start(ap, fmt);
		print_vfprintf(f, fmt, ap);
		va_end(ap);
		fputc('\n', f);
		if (to_journal(f))
			return;
	}
	if (!root_is_live(r))
		return;
	if (!opened) {
		openlog("kdumpcheck", LOG_PID, LOG_DAEMON);
		opened = 1;
	}
	/* escaped as on the terminal: a newline or an escape from the host never forges a log line */
	sbuf_init(&b);
	va_start(ap, fmt);
	print_vformat(&b, fmt, ap);
	va_end(ap);
	syslog(prio, "%s", sbuf_str(&b));
	sbuf_free(&b);
}

/* Say what deleting one dump of the plan did; 1 when it failed. */
static int say_deleted(const struct root *judged, const struct ret_rules *rules, const struct ret_entry *e)
{
	char why[256], size[32];

	retention_reason(rules, &e->dec, why, sizeof(why));
	fmt_size(e->bytes, size, sizeof(size));
	if (e->result == 0) {
		log_line(judged, LOG_NOTICE, "deleted %s (%s): %s", e->path, size, why);
		return 0;
	}
	if (e->result == -ENOTEMPTY) {
		log_line(judged, LOG_WARNING, "prune: deleted the dump files of %s (%s: %s) but kept the directory: "
			 "it also holds %s", e->path, size, why, e->other);
		return 0;
	}
	log_line(judged, LOG_ERR, "prune: %s: cannot delete %s: %s (what could not be removed is kept)", e->path,
		 e->other[0] ? e->other : "it", root_strerror(e->result));
	return 1;
}

/* What became of one dump of the plan, for JSON. */
static const char *entry_action(const struct ret_entry *x, int dry_run)
{
	if (!x->dec.del)
		return "keep";
	if (dry_run)
		return "would_delete";
	if (!x->tried)
		return "not_tried";
	return x->result == 0 ? "deleted" : x->result == -ENOTEMPTY ? "deleted_files_kept_directory" : "failed";
}

/* One dump of the plan: a JSON object; in text a line (kept ones with -v or --dry-run). 1 when a deletion failed. */
static int say_entry(const struct root *judged, const struct ret_plan *p, const struct ret_entry *x, int dry_run,
		     int verbosity)
{
	char why[256], size[32];
	int failed = 0;

	retention_reason(&p->rules, &x->dec, why, sizeof(why));
	fmt_size(x->bytes, size, sizeof(size));
	print_open_object(NULL);
	print_str(PRINT_JSON, "path", NULL, x->path);
	print_u64(PRINT_JSON, "size_bytes", NULL, x->bytes);
	print_str(PRINT_JSON, "action", NULL, entry_action(x, dry_run));
	print_str(PRINT_JSON, "reason", NULL, why);
	if (x->tried && x->result && x->result != -ENOTEMPTY)
		print_str(PRINT_JSON, "error", NULL, root_strerror(x->result));
	if (x->tried && x->other[0])
		print_str(PRINT_JSON, "kept", NULL, x->other);
	print_close();
	if (!x->dec.del) {
		if (dry_run || verbosity > 0)
			print_text("keep %s (%s): %s\n", x->path, size, why);
	} else if (dry_run) {
		print_text("would delete %s (%s): %s\n", x->path, size, why);
	} else if (x->tried) {
		failed = say_deleted(judged, &p->rules, x);
	}
	return failed;
}

/* Every dump of the plan, then what was left alone; 1 when a deletion failed. */
static int say_entries(const struct root *judged, const struct ret_plan *p, int dry_run, int verbosity,
		       size_t *ndeleted)
{
	size_t i;
	int failed = 0;

	print_open_array("dumps");
	for (i = 0; i < p->n; i++) {
		failed |= say_entry(judged, p, &p->v[i], dry_run, verbosity);
		if (ndeleted && p->v[i].dec.del && !dry_run && p->v[i].tried)
			(*ndeleted)++;
	}
	print_close();
	print_open_array("left_alone");
	for (i = 0; i < p->nskipped; i++) {
		print_open_object(NULL);
		print_str(PRINT_JSON, "path", NULL, p->skipped[i].path);
		print_str(PRINT_JSON, "why", NULL, p->skipped[i].why);
		print_close();
		if (dry_run || verbosity > 0)
			print_text("left alone %s: %s\n", p->skipped[i].path, p->skipped[i].why);
	}
	print_close();
	return failed;
}

/* The closing lines: min_free out of reach, and what was (or would be) done. */
static void say_summary(const struct root *judged, const struct ret_plan *p, const char *dir, int dry_run,
			int verbosity, int quiet_nothing)
{
	char need[32], avail[32], total[32], freed[32], mf[32];

	retention_min_free_str(&p->rules, mf, sizeof(mf));
	fmt_size(p->sum.need, need, sizeof(need));
	fmt_size(p->sum.avail_after, avail, sizeof(avail));
	fmt_size(p->rules.fs_total, total, sizeof(total));
	fmt_size(p->sum.freed, freed, sizeof(freed));
	if (p->rules.have_fs && !p->sum.met)
		log_line(judged, LOG_WARNING, "prune: %s: min_free = %s (%s) cannot be reached: %s available of %s "
			 "once every dump that may go is gone (the newest complete dump and incomplete ones younger "
			 "than a day stay)", dir, mf, need, avail, total);
	print_u64(PRINT_JSON, "keep", NULL, p->rules.keep);
	print_str(PRINT_JSON, "min_free", NULL, mf);
	print_u64(PRINT_JSON, "deleted", NULL, p->sum.ndel);
	print_u64(PRINT_JSON, "freed_bytes", NULL, p->sum.freed);
	if (p->rules.have_fs) {
		print_u64(PRINT_JSON, "available_bytes", NULL, p->sum.avail_after);
		print_u64(PRINT_JSON, "filesystem_bytes", NULL, p->rules.fs_total);
		print_bool(PRINT_JSON, "min_free_met", NULL, p->sum.met);
	} else {
		print_null(PRINT_JSON, "available_bytes", NULL);
		print_null(PRINT_JSON, "filesystem_bytes", NULL);
		print_null(PRINT_JSON, "min_free_met", NULL);
	}
	if (dry_run)
		print_text("dry run, nothing changed: %zu of %zu dumps would go, freeing %s; %s of %s available then "
			   "(keep = %u, min_free = %s)\n", p->sum.ndel, p->n, freed, avail, total, p->rules.keep, mf);
	else if (p->sum.ndel)
		print_text("pruned %s: %zu of %zu dumps deleted, %s freed; %s of %s available (keep = %u, min_free = %s)\n",
			   dir, p->sum.ndel, p->n, freed, avail, total, p->rules.keep, mf);
	else if (!quiet_nothing && verbosity >= 0)
		print_text("nothing to delete in %s: %zu dumps, %s of %s available (keep = %u, min_free = %s)\n", dir,
			   p->n, avail, total, p->rules.keep, mf);
}

/* Take the dump directory's lock for a prune; 1 after saying who holds it. */
static int prune_lock(const struct root *judged, const char *dir)
{
	char holder[128] = "";
	int e = dirlock_take(dir, DIRLOCK_WAIT_MS, holder, sizeof(holder));

	if (!e)
		return 0;
	if (e == -EWOULDBLOCK)
		log_line(judged, LOG_ERR, "prune: %s is locked by %s, still after %d s (nothing deleted)", dir, holder,
			 DIRLOCK_WAIT_MS / 1000);
	else
		log_line(judged, LOG_ERR, "prune: %s: cannot lock: %s (nothing deleted)", dir, root_strerror(e));
	print_str(PRINT_JSON, "error", NULL, e == -EWOULDBLOCK ? "locked" : root_strerror(e));
	print_str(PRINT_JSON, "locked_by", NULL, holder[0] ? holder : NULL);
	return 1;
}

int prune_dir(const struct root *judged, const struct policy *pol, const char *dir, int dry_run, int verbosity,
	      int quiet_nothing, size_t *ndeleted)
{
	struct ret_plan p;
	int e, failed;

	if (ndeleted)
		*ndeleted = 0;
	if (!dry_run && prune_lock(judged, dir))
		return 1;
	e = retention_prune(dir, pol, (int64_t)time(NULL), dry_run, &p);
	if (!dry_run)
		dirlock_release();
	if (e) {
		log_line(judged, LOG_ERR, "prune: %s: %s (nothing deleted)", dir,
			 e == -EINVAL ? "invalid retention policy" : root_strerror(e));
		print_str(PRINT_JSON, "error", NULL, e == -EINVAL ? "invalid retention policy" : root_strerror(e));
		retention_plan_free(&p);
		return 1;
	}
	print_bool(PRINT_JSON, "dry_run", NULL, dry_run);
	failed = say_entries(judged, &p, dry_run, verbosity, ndeleted);
	say_summary(judged, &p, dir, dry_run, verbosity, quiet_nothing);
	retention_plan_free(&p);
	return failed;
}
