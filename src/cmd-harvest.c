/* cmd-harvest.c - the post-reboot hook: tag new dumps, save pstore records, write the test verdict, prune. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "cmd.h"
#include "compat.h"
#include "dirfd.h"
#include "out/print.h"
#include "pstore.h"
#include "dumps.h"
#include "lock.h"
#include "root.h"
#include "sidecar.h"
#include "sshlist.h"
#include "target.h"
#include "teststate.h"
#include "jsonx.h"
#include "util.h"

/* A dump whose crash time is this close to the pstore records' covers that crash. */
#define PSTORE_WINDOW 600
/* A dump known only by its file's mtime (written after the capture) may be this much later. */
#define PSTORE_LATE 3600

static const char help[] =
	"usage: kdumpcheck [--root DIR] [-c POLICY] harvest [--no-hash]\n"
	"\n"
	"The post-reboot hook (kdumpcheck-harvest.service, or the SysV script on CentOS 6).\n"
	"In the dump directory of the host under --root it:\n"
	"  1. tags every dump without a current sidecar (RHEL <host>-<date>/vmcore and\n"
	"     Debian <YYYYMMDDhhmm>/dump.<ts>), as 'tag --if-needed' does, and logs one\n"
	"     line per dump it tagged;\n"
	"  2. flags every leftover vmcore-incomplete (a capture that did not finish) on\n"
	"     stderr and as a syslog warning, on every run until it is removed or pruned;\n"
	"  3. copies the records of " PSTORE " (dmesg-ramoops-N, dmesg-efi-N,\n"
	"     console-ramoops-N, ...) into DUMPDIR/<host>-<YYYY-MM-DD-hh:mm:ss>-pstore/ (the\n"
	"     time, UTC, of the newest dmesg record) when no dump has a crash time within\n"
	"     10 minutes of them; the records themselves are left in place, and a crash\n"
	"     already saved is not saved again;\n"
	"  4. when " TESTSTATE_PENDING " exists (written by 'kdumpcheck test'), writes\n"
	"     " TESTSTATE_VERDICT ": success when a complete dump newer than the test's\n"
	"     start exists (its path, size and the seconds from the crash to the end of\n"
	"     the capture), failure with the reason otherwise; then removes the marker.\n"
	"     When the test's dumps went to an ssh target, the live host (--root /)\n"
	"     lists the server as kdump logs in (ssh -i KEY, BatchMode); a server that\n"
	"     cannot be reached gives no verdict: the marker is kept, the run fails;\n"
	"  5. applies the retention policy, as 'kdumpcheck prune' does.\n"
	"A dump directory whose capture wrote no dump file (only its kernel log and the\n"
	"reason) is reported on every run. harvest holds the dump directory's lock (as\n"
	"prune does); a second one waits up to 30 s, then names the holder and fails.\n"
	"Running it again does nothing new, and says so; a missing dump directory is not an\n"
	"error. Lines go to stdout and to syslog (daemon facility, ident kdumpcheck);\n"
	"with --root other than / nothing goes to this host's syslog.\n"
	"\n"
	"  --no-hash   tag without the sha256 of each whole dump\n"
	"\n"
	"Exit status: 0 done, 1 something failed (the rest was still done), 3 invalid\n"
	"policy, 64 usage error.\n";

struct harvest {
	struct session s;
	const struct gopts *g;
	char dir[PATH_MAX];	/* the dump directory, host path */
	int have_dir;
	int locked;		/* holds the dump directory's lock */
	int failed;
	unsigned tagged, flagged, novmcore, pstore, verdict;
	char unreachable[PATH_MAX + 200];	/* why the target's dumps are not on this host now; "" */
};


/* Why a capture did not finish: vmcore-incomplete.reason, else the sidecar's reason. */
static void incomplete_reason(struct root *files KDC_UNUSED, const char *vmcore, struct json_object *side, char *out,
			      size_t outlen)
{
	char p[PATH_MAX + 8], base[NAME_MAX + 1], *data = NULL;
	const char *r;
	size_t len;
	int dfd;

	out[0] = '\0';
	dfd = xsnprintf(p, sizeof(p), "%s.reason", vmcore) ? -ENAMETOOLONG : dfd_open_parent(p, base, sizeof(base));
	if (dfd >= 0 && !dfd_read(dfd, base, 4096, &data, &len))
		text_value(data, len, out, outlen);
	free(data);
	if (dfd >= 0)
		close(dfd);
	if (out[0])
		return;
	r = jsonx_str(side, "vmcore", "incomplete_reason");
	if (r)
		xstrlcpy(out, r, outlen);
}

/* Tag one dump and log its summary line. */
static void tag_one(struct harvest *h, struct root *files, const struct dump_entry *d, const struct dump_files *df)
{
	struct json_object *side = NULL, *x;
	struct tag_opts o;
	char err[512], out[PATH_MAX + 8], size[32], reason[512];
	const char *rel, *when, *cls;
	int e, complete = 0;

	memset(&o, 0, sizeof(o));
	o.no_hash = gopt_flag(h->g, "no-hash");
	err[0] = '\0';
	print_open_object(NULL);
	print_str(PRINT_JSON, "path", NULL, d->vmcore);
	print_u64(PRINT_JSON, "size_bytes", NULL, d->size);
	e = sidecar_build(h->s.root, files, h->dir, df, &o, &side, err, sizeof(err));
	if (e) {
		log_line(h->s.root, LOG_ERR, "harvest: %s: cannot tag: %s", d->vmcore, err[0] ? err : root_strerror(e));
		print_str(PRINT_JSON, "action", NULL, "error");
		print_str(PRINT_JSON, "error", NULL, err[0] ? err : root_strerror(e));
		print_close();
		h->failed = 1;
		return;
	}
	e = sidecar_write(files, df, side, out, sizeof(out));
	if (e) {
		log_line(h->s.root, LOG_ERR, "harvest: %s: cannot write the sidecar: %s (nothing written)", out,
			 root_strerror(e));
		print_str(PRINT_JSON, "action", NULL, "error");
		print_str(PRINT_JSON, "error", NULL, root_strerror(e));
		print_close();
		h->failed = 1;
		json_object_put(side);
		return;
	}
	h->tagged++;
	rel = jsonx_str(side, "kernel", "release");
	when = jsonx_str(side, "crash", "time");
	cls = jsonx_str(side, "crash", "class");
	if (json_object_object_get_ex(side, "vmcore", &x) && json_object_object_get_ex(x, "complete", &x))
		complete = json_object_get_boolean(x);
	fmt_size(d->size, size, sizeof(size));
	reason[0] = '\0';
	if (!complete)
		incomplete_reason(files, d->vmcore, side, reason, sizeof(reason));
	print_str(PRINT_JSON, "action", NULL, "tagged");
	print_str(PRINT_JSON, "release", NULL, rel);
	print_str(PRINT_JSON, "crash_time", NULL, when);
	print_str(PRINT_JSON, "class", NULL, cls);
	print_bool(PRINT_JSON, "complete", NULL, complete);
	print_str(PRINT_JSON, "incomplete_reason", NULL, reason[0] ? reason : NULL);
	print_close();
	if (complete) {
		log_line(h->s.root, LOG_NOTICE, "dump %s: kernel %s, crashed %s (class %s), %s, complete, tagged",
			 d->vmcore, rel ? rel : "unknown", when ? when : "at an unknown time", cls ? cls : "unknown",
			 size);
	} else if (!d->incomplete_name) {
		log_line(h->s.root, LOG_WARNING, "harvest: dump %s: kernel %s, crashed %s (class %s), %s, INCOMPLETE%s%s, tagged",
			 d->vmcore, rel ? rel : "unknown", when ? when : "at an unknown time", cls ? cls : "unknown",
			 size, reason[0] ? ": " : "", reason);
	} else {
		log_line(h->s.root, LOG_NOTICE, "dump %s: kernel %s, crashed %s (class %s), %s, incomplete, tagged",
			 d->vmcore, rel ? rel : "unknown", when ? when : "at an unknown time", cls ? cls : "unknown",
			 size);
	}
	json_object_put(side);
}

/* Flag a leftover vmcore-incomplete loudly. */
static void flag_incomplete(struct harvest *h, struct root *files, const struct dump_entry *d)
{
	char reason[512], size[32];

	char side[PATH_MAX + 8], base[NAME_MAX + 1], *data = NULL;
	size_t len;
	struct json_object *o = NULL;
	int dfd = xsnprintf(side, sizeof(side), "%s.json", d->vmcore) ? -ENAMETOOLONG :
		  dfd_open_parent(side, base, sizeof(base));

	if (dfd >= 0 && !dfd_read(dfd, base, 1u << 20, &data, &len) && !memchr(data, '\0', len))
		o = json_tokener_parse(data);
	free(data);
	if (dfd >= 0)
		close(dfd);
	incomplete_reason(files, d->vmcore, o, reason, sizeof(reason));
	if (o)
		json_object_put(o);
	fmt_size(d->size, size, sizeof(size));
	print_open_object(NULL);
	print_str(PRINT_JSON, "path", NULL, d->vmcore);
	print_u64(PRINT_JSON, "size_bytes", NULL, d->size);
	print_str(PRINT_JSON, "action", NULL, "flagged");
	print_bool(PRINT_JSON, "complete", NULL, 0);
	print_str(PRINT_JSON, "incomplete_reason", NULL, reason[0] ? reason : NULL);
	print_close();
	log_line(h->s.root, LOG_WARNING, "harvest: leftover %s (%s): the capture did not finish%s%s; the dump is "
		 "partial, its kernel log may still help", d->vmcore, size, reason[0] ? ": " : "", reason);
	h->flagged++;
}

/* Tag one dump, its files located afresh. */
static void tag_located(struct harvest *h, struct root *files, const struct dump_entry *d)
{
	struct dump_files *df = xmalloc(sizeof(*df));
	int e = dump_entry_files(files, d, df);

	if (e) {
		log_line(h->s.root, LOG_ERR, "harvest: %s: cannot tag: %s", d->vmcore, root_strerror(e));
		h->failed = 1;
	} else {
		tag_one(h, files, d, df);
	}
	free(df);
}

/* A dump directory with no dump file, or an entry that cannot be read: said loudly on every run. */
static void flag_no_vmcore(struct harvest *h, const struct dump_entry *d)
{
	int none = d->state == DUMP_NO_VMCORE;

	print_open_object(NULL);
	print_str(PRINT_JSON, "path", NULL, d->vmcore);
	print_str(PRINT_JSON, "action", NULL, none ? "no_vmcore" : "unreadable");
	print_bool(PRINT_JSON, "complete", NULL, 0);
	print_str(PRINT_JSON, none ? "incomplete_reason" : "error", NULL, d->note);
	print_close();
	if (none)
		log_line(h->s.root, LOG_WARNING, "harvest: %s: the capture wrote no dump file: %s; its kernel log is there",
			 d->vmcore, d->note ? d->note : "no reason recorded");
	else
		log_line(h->s.root, LOG_WARNING, "harvest: %s: cannot be read: %s", d->vmcore, d->note ? d->note : "");
	h->novmcore++;
}

/* Steps 1 and 2: tag what is not tagged, flag what did not finish. */
static void tag_new(struct harvest *h)
{
	struct root *files = NULL;
	struct dump_entry *v = NULL;
	size_t n = 0, i;
	int e = root_new("/", &files);

	if (!e)
		e = dumps_scan(files, h->dir, &v, &n);
	if (e) {
		log_line(h->s.root, LOG_ERR, "harvest: %s: %s (no dump tagged)", h->dir, root_strerror(e));
		print_str(PRINT_JSON, "dumps_error", NULL, root_strerror(e));
		h->failed = 1;
		root_free(files);
		return;
	}
	print_open_array("dumps");
	for (i = n; i-- > 0;) {
		struct root *one = NULL;
		int tag;

		/* the scan saw each dump file with lstat: a link or a FIFO is unreadable, never followed */
		if (v[i].state == DUMP_NO_VMCORE || v[i].state == DUMP_UNREADABLE) {
			flag_no_vmcore(h, &v[i]);
			continue;
		}
		/* a current sidecar (read by the scan) costs nothing more: nothing opened, nothing spawned */
		tag = !v[i].sidecar_current || (!gopt_flag(h->g, "no-hash") && !v[i].sidecar_hashed);
		if (!tag && !v[i].incomplete_name)
			continue;
		/* a root of its own per dump: the kernel log it reads is freed with it, not kept for the run */
		if (root_new("/", &one))
			one = NULL;
		if (tag)
			tag_located(h, one ? one : files, &v[i]);
		if (v[i].incomplete_name)
			flag_incomplete(h, one ? one : files, &v[i]);
		root_free(one);
	}
	print_close();
	dumps_free(v, n);
	root_free(files);
}

/* The host path prefix of the judged root ("" for /). */
static void root_prefix(const struct root *r, char *out, size_t outlen)
{
	size_t n;

	if (root_path(r, "/", 1, out, outlen))
		out[0] = '\0';
	n = strlen(out);
	while (n > 0 && out[n - 1] == '/')
		out[--n] = '\0';
}

/* A host path as the judged host sees it (the root prefix removed). */
static const char *judged(const char *prefix, const char *p)
{
	size_t pl = strlen(prefix);

	return pl && !strncmp(p, prefix, pl) && p[pl] == '/' ? p + pl : p;
}

/* Does a dump of the list cover a crash at t? */
static int covered(const struct dump_entry *v, size_t n, int64_t t, size_t *which)
{
	size_t i;

	for (i = 0; i < n; i++) {
		int64_t dt = v[i].time - t;
		if (v[i].time_known ? (dt >= -PSTORE_WINDOW && dt <= PSTORE_WINDOW) :
				      (dt >= -PSTORE_WINDOW && dt <= PSTORE_LATE)) {
			*which = i;
			return 1;
		}
	}
	return 0;
}

/* The pstore records could not be saved: in the JSON document, and the run fails. */
static void pstore_failed(struct harvest *h, int e)
{
	print_str(PRINT_JSON, "action", NULL, "error");
	print_str(PRINT_JSON, "error", NULL, root_strerror(e));
	h->failed = 1;
}

/* Step 3: save the pstore records of a crash no vmcore covers. */
static void save_pstore(struct harvest *h)
{
	struct precord *recs = NULL;
	struct dump_entry *v = NULL;
	struct root *files = NULL;
	char when[32], name[400], final[PATH_MAX + 400], failed[300] = "";
	size_t n = pstore_records(h->s.root, &recs), nd = 0, which;
	int64_t t;
	int e;

	if (!n)
		goto out;
	print_open_object("pstore");
	print_u64(PRINT_JSON, "records", NULL, n);
	t = pstore_crash_time(recs, n);
	time_iso(t, when, sizeof(when));
	print_str(PRINT_JSON, "crash_time", NULL, when);
	e = root_new("/", &files);
	if (!e)
		e = dumps_scan(files, h->dir, &v, &nd);
	if (e) {
		log_line(h->s.root, LOG_ERR, "harvest: %s: %s (pstore records not saved)", h->dir, root_strerror(e));
		pstore_failed(h, e);
		goto out;
	}
	if (covered(v, nd, t, &which)) {
		print_str(PRINT_JSON, "action", NULL, "covered");
		print_str(PRINT_JSON, "dump", NULL, v[which].vmcore);
		if (h->g->verbosity > 0)
			print_text("pstore records of %s: the dump %s covers that crash, not copied\n", when,
				   v[which].vmcore);
		goto out;
	}
	pstore_dir_name(h->s.ctx.host.hostname, t, name, sizeof(name));
	snprintf(final, sizeof(final), "%s/%s", h->dir, name);
	print_str(PRINT_JSON, "path", NULL, final);
	e = pstore_save(h->s.root, h->dir, name, recs, n, failed, sizeof(failed));
	if (e == -EEXIST) {
		print_str(PRINT_JSON, "action", NULL, "already_saved");
		if (h->g->verbosity > 0)
			print_text("pstore records of %s: already saved in %s\n", when, final);
		goto out;
	}
	if (e) {
		log_line(h->s.root, LOG_ERR, "harvest: cannot save the pstore records of %s to %s: %s: %s (they stay in "
			 PSTORE ")", when, final, failed[0] ? failed : name, e == -ENOTDIR ? "a file or link of that name "
			 "is in the way" : root_strerror(e));
		pstore_failed(h, e);
		goto out;
	}
	h->pstore++;
	print_str(PRINT_JSON, "action", NULL, "saved");
	log_line(h->s.root, LOG_NOTICE, "pstore %s: %zu records of a crash at %s with no vmcore, saved", final, n, when);
out:
	if (n)
		print_close();
	free(recs);
	dumps_free(v, nd);
	root_free(files);
}

/* Is a newer than b: crash time, then the dump file's mtime? */
static int newer(struct root *files, const struct dump_entry *a, const struct dump_entry *b)
{
	struct stat sa, sb;

	if (a->time != b->time)
		return a->time > b->time;
	if (root_stat(files, a->vmcore, &sa) || root_stat(files, b->vmcore, &sb))
		return 0;
	return sa.st_mtime > sb.st_mtime;
}

/*
 * The dump that answers a test started at t0: the newest complete one since,
 * else the newest since at all; NULL when there is none.
 */
static const struct dump_entry *test_dump(struct root *files, const struct dump_entry *v, size_t n, int64_t t0)
{
	const struct dump_entry *best = NULL, *any = NULL;
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i].time < t0)
			continue;
		if (v[i].complete && (!best || newer(files, &v[i], best)))
			best = &v[i];
		if (!any || newer(files, &v[i], any))
			any = &v[i];
	}
	return best ? best : any;
}

/* Seconds from the crash to the end of the capture (the dump file's mtime); -1 unknown. */
static int64_t capture_seconds(struct root *files, const struct dump_entry *d)
{
	struct stat st;

	if (d->time_known && root_stat(files, d->vmcore, &st) == 0 && (int64_t)st.st_mtime >= d->time)
		return (int64_t)st.st_mtime - d->time;
	return -1;
}

/* The judged-host dump directory the test named, as a host path in out. */
static void test_dir(struct harvest *h, const struct test_pending *tp, char *out, size_t outlen)
{
	const char *d = tp->dump_dir;

	/* --dump-dir says where the dumps are now, whatever the test recorded */
	if (h->s.dump_dir && h->have_dir) {
		xstrlcpy(out, h->dir, outlen);
		return;
	}
	if (d[0] == '/' && !root_path(h->s.root, d, 1, out, outlen) && out[0] == '/')
		return;
	xstrlcpy(out, h->dir, outlen);
}

/*
 * Find the dump of a test started at t0 (tested, as text) in dir: success
 * with *d set, else reason says why (*d may still be the incomplete dump).
 * *v is the scan, for the caller to free.
 */
static int judge_test(struct root *files, const char *prefix, const char *dir, int64_t t0, const char *tested,
		      struct dump_entry **v, size_t *nv, const struct dump_entry **d, char *reason, size_t reasonlen)
{
	size_t n = 0;
	int e = dumps_scan(files, dir, v, &n);

	*nv = n;
	if (e == -ENOENT)
		snprintf(reason, reasonlen, "the dump directory %s does not exist", judged(prefix, dir));
	else if (e)
		snprintf(reason, reasonlen, "cannot read the dump directory %s: %s", dir, root_strerror(e));
	else if (!(*d = test_dump(files, *v, n, t0)))
		snprintf(reason, reasonlen, "no dump newer than the test (started %s) in %s", tested, judged(prefix, dir));
	else if (!(*d)->complete)
		snprintf(reason, reasonlen, "the dump of the test crash is incomplete: %s",
			 judged(prefix, (*d)->vmcore));
	else
		return 1;
	return 0;
}

/* Write the verdict, remove the marker, and log the outcome (path and size: the dump, on success). */
static void record_verdict(struct harvest *h, const struct test_verdict *tv, const char *path, uint64_t dsize)
{
	char size[32], secs[32] = "";
	int e = teststate_write_verdict(h->s.root, tv);

	print_open_object("test");
	print_str(PRINT_JSON, "tested_at", NULL, tv->tested_at);
	print_str(PRINT_JSON, "verdict", NULL, tv->success ? "success" : "failure");
	print_str(PRINT_JSON, "reason", NULL, tv->success ? NULL : tv->reason);
	print_str(PRINT_JSON, "dump", NULL, tv->dump_path);
	if (tv->capture_seconds >= 0)
		print_i64(PRINT_JSON, "capture_seconds", NULL, tv->capture_seconds);
	else
		print_null(PRINT_JSON, "capture_seconds", NULL);
	print_bool(PRINT_JSON, "written", NULL, e == 0);
	print_close();
	if (e) {
		log_line(h->s.root, LOG_ERR, "harvest: cannot write %s: %s (the pending marker is kept)",
			 TESTSTATE_VERDICT, root_strerror(e));
		h->failed = 1;
		return;
	}
	e = teststate_remove_pending(h->s.root);
	if (e && e != -ENOENT) {
		log_line(h->s.root, LOG_ERR, "harvest: cannot remove %s: %s", TESTSTATE_PENDING, root_strerror(e));
		h->failed = 1;
	}
	if (!tv->success) {
		log_line(h->s.root, LOG_WARNING, "harvest: crash test of %s: FAILURE: %s", tv->tested_at, tv->reason);
		return;
	}
	fmt_size(dsize, size, sizeof(size));
	if (tv->capture_seconds >= 0)
		snprintf(secs, sizeof(secs), "%lld", (long long)tv->capture_seconds);
	log_line(h->s.root, LOG_NOTICE, "crash test of %s: success, dump %s (%s)%s%s%s", tv->tested_at, path,
		 size, secs[0] ? ", captured in " : "", secs, secs[0] ? " s" : "");
}

/* A test whose dumps went to an ssh target cannot be judged now: the marker stays, the run fails. */
static void keep_pending(struct harvest *h, const char *tested, const char *why)
{
	print_open_object("test");
	print_str(PRINT_JSON, "tested_at", NULL, tested);
	print_str(PRINT_JSON, "verdict", NULL, "not_judged");
	print_str(PRINT_JSON, "reason", NULL, why);
	print_close();
	log_line(h->s.root, LOG_ERR, "harvest: the crash test of %s is not judged: %s (%s is kept for a later harvest)",
		 tested, why, TESTSTATE_PENDING);
	h->failed = 1;
}

/* The dump on the server that answers a test started at t0: the newest complete one since, else the newest. */
static const struct ssh_dump *ssh_test_dump(const struct ssh_listing *l, int64_t t0)
{
	const struct ssh_dump *any = NULL;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct ssh_dump *d = &l->v[i];
		/* a name's time stands for its whole second (EL) or minute (Debian) */
		if (d->crash_time >= 0 ? d->crash_time + d->crash_prec - 1 < t0 : d->mtime < t0)
			continue;
		if (d->complete)
			return d;	/* newest first */
		if (!any)
			any = d;
	}
	return any;
}

/* Judge the listing of the server: success with the dump's path in path, else the reason. */
static int ssh_judge(const struct dump_target *t, enum sshlist_status st, const struct ssh_listing *l, int64_t t0,
		     const char *tested, const struct ssh_dump **d, char *path, size_t pathlen, char *reason,
		     size_t reasonlen)
{
	*d = st == SSHL_OK ? ssh_test_dump(l, t0) : NULL;
	if (*d)
		snprintf(path, pathlen, "%s:%s/%s/%s", t->where, t->path, (*d)->dir, (*d)->vmcore);
	if (st == SSHL_NODIR)
		snprintf(reason, reasonlen, "the dump directory %s:%s does not exist", t->where, t->path);
	else if (!*d)
		snprintf(reason, reasonlen, "no dump newer than the test (started %s) in %s:%s", tested, t->where, t->path);
	else if (!(*d)->complete)
		snprintf(reason, reasonlen, "the dump of the test crash is incomplete: %s", path);
	else
		return 1;
	return 0;
}

/* Step 4 for a test whose dumps went to an ssh target: judged from the listing on the server. */
static void ssh_verdict(struct harvest *h, const struct test_pending *tp, int64_t t0, const char *tested,
			const char *now, const char *marker_why)
{
	struct dump_target t;
	struct ssh_listing l;
	struct test_verdict tv;
	const struct ssh_dump *d = NULL;
	char why[600], msg[1200], reason[2000] = "", path[1400] = "";
	enum sshlist_status st = SSHL_OK;

	memset(&t, 0, sizeof(t));
	memset(&l, 0, sizeof(l));
	memset(&tv, 0, sizeof(tv));
	t.kind = TARGET_SSH;
	xstrlcpy(t.where, tp->ssh_where, sizeof(t.where));
	xstrlcpy(t.sshkey, tp->ssh_key[0] ? tp->ssh_key : TARGET_DEFAULT_SSHKEY, sizeof(t.sshkey));
	xstrlcpy(t.path, tp->dump_dir[0] ? tp->dump_dir : "/var/crash", sizeof(t.path));
	if (!marker_why[0] && !root_is_live(h->s.root)) {
		snprintf(msg, sizeof(msg), "its dumps went to %s (ssh), which cannot be listed from an offline root",
			 t.where);
		keep_pending(h, tested, msg);
		return;
	}
	if (!marker_why[0])
		st = sshlist_run(&t, &l, why, sizeof(why));
	if (st == SSHL_UNREACHABLE || st == SSHL_ERROR) {
		snprintf(msg, sizeof(msg), "cannot %s %s: %s", st == SSHL_ERROR ? "list" : "reach", t.where, why);
		keep_pending(h, tested, msg);
		return;
	}
	h->verdict++;
	if (marker_why[0])
		xstrlcpy(reason, marker_why, sizeof(reason));
	else
		tv.success = ssh_judge(&t, st, &l, t0, tested, &d, path, sizeof(path), reason, sizeof(reason));
	tv.tested_at = tested;
	tv.verdict_at = now;
	tv.reason = reason;
	tv.capture_seconds = -1;
	if (d) {
		tv.dump_path = path;
		tv.dump_size = d->size;
		tv.dump_complete = d->complete;
		if (d->crash_time >= 0 && d->crash_prec == 1 && d->mtime >= d->crash_time)
			tv.capture_seconds = d->mtime - d->crash_time;
	}
	record_verdict(h, &tv, path, d ? d->size : 0);
	sshlist_free(&l);
}

/* Step 4: turn a pending test into its verdict. */
static void write_verdict(struct harvest *h)
{
	struct test_pending tp;
	struct test_verdict tv;
	struct dump_entry *v = NULL;
	struct root *files = NULL;
	const struct dump_entry *d = NULL;
	char now[32], tested[32], dir[PATH_MAX], prefix[PATH_MAX], reason[PATH_MAX + 200] = "";
	int64_t t0;
	size_t nv = 0;
	int e = teststate_read_pending(h->s.root, &tp);

	if (e == -ENOENT)
		return;
	if (e) {
		log_line(h->s.root, LOG_ERR, "harvest: %s: %s (no test verdict written)", TESTSTATE_PENDING,
			 root_strerror(e));
		print_open_object("test");
		print_str(PRINT_JSON, "error", NULL, root_strerror(e));
		print_close();
		h->failed = 1;
		return;
	}
	if (h->unreachable[0]) {
		/* the dump may well be there: judging now would be a false failure */
		log_line(h->s.root, LOG_ERR, "harvest: the crash test of %s is not judged: %s (the pending marker is kept)",
			 TESTSTATE_PENDING, h->unreachable);
		print_open_object("test");
		print_str(PRINT_JSON, "verdict", NULL, "not_judged");
		print_str(PRINT_JSON, "reason", NULL, h->unreachable);
		print_close();
		h->failed = 1;
		return;
	}
	memset(&tv, 0, sizeof(tv));
	time_iso((int64_t)time(NULL), now, sizeof(now));
	t0 = tp.started;
	if (t0 < 0) {
		/* a marker that does not say when: its own mtime, so check can still date the verdict */
		t0 = tp.have_mtime ? tp.mtime : (int64_t)time(NULL);
		snprintf(reason, sizeof(reason), "the pending marker %s does not parse (wants started_at)",
			 TESTSTATE_PENDING);
	}
	time_iso(t0, tested, sizeof(tested));
	if (tp.ssh_where[0] && !h->s.dump_dir) {
		ssh_verdict(h, &tp, t0, tested, now, reason);
		return;
	}
	h->verdict++;
	root_prefix(h->s.root, prefix, sizeof(prefix));
	test_dir(h, &tp, dir, sizeof(dir));
	e = root_new("/", &files);
	if (!e && !reason[0])
		tv.success = judge_test(files, prefix, dir, t0, tested, &v, &nv, &d, reason, sizeof(reason));
	tv.tested_at = tested;
	tv.verdict_at = now;
	tv.reason = reason;
	if (d) {
		tv.dump_path = judged(prefix, d->vmcore);
		tv.dump_size = d->size;
		tv.dump_complete = d->complete;
		tv.capture_seconds = capture_seconds(files, d);
	}
	record_verdict(h, &tv, d ? d->vmcore : NULL, d ? d->size : 0);
	dumps_free(v, nv);
	root_free(files);
}

/* Take the dump directory's lock; 1 after saying who holds it (the run fails, nothing is done there). */
static int harvest_lock(struct harvest *h)
{
	char holder[128] = "";
	int e = dirlock_take(h->dir, DIRLOCK_WAIT_MS, holder, sizeof(holder));

	if (!e)
		return 0;
	if (e == -EWOULDBLOCK)
		log_line(h->s.root, LOG_ERR, "harvest: %s is locked by %s, still after %d s (nothing harvested; run "
			 "again when it is done)", h->dir, holder, DIRLOCK_WAIT_MS / 1000);
	else
		log_line(h->s.root, LOG_ERR, "harvest: %s: cannot lock: %s (nothing harvested)", h->dir, root_strerror(e));
	print_str(PRINT_JSON, "error", NULL, e == -EWOULDBLOCK ? "locked" : root_strerror(e));
	print_str(PRINT_JSON, "locked_by", NULL, holder[0] ? holder : NULL);
	h->failed = 1;
	return 1;
}

/* The closing line, and the counts of the JSON document. */
static void say_summary(const struct harvest *h, size_t ndel)
{
	print_open_object("summary");
	print_u64(PRINT_JSON, "tagged", NULL, h->tagged);
	print_u64(PRINT_JSON, "incomplete", NULL, h->flagged);
	print_u64(PRINT_JSON, "no_vmcore", NULL, h->novmcore);
	print_u64(PRINT_JSON, "pstore_saved", NULL, h->pstore);
	print_u64(PRINT_JSON, "test_verdicts", NULL, h->verdict);
	print_u64(PRINT_JSON, "deleted", NULL, ndel);
	print_bool(PRINT_JSON, "failed", NULL, h->failed);
	print_close();
	if (!h->tagged && !h->pstore && !h->verdict && !ndel && !h->novmcore && h->have_dir && !h->failed)
		print_text("nothing to do in %s: every dump is tagged, no pstore record or pending test is new\n", h->dir);
	else if (h->have_dir)
		print_text("harvest %s: %u tagged, %u incomplete, %u pstore saved, %u test verdict, %zu deleted\n", h->dir,
			   h->tagged, h->flagged, h->pstore, h->verdict, ndel);
	if (h->novmcore && h->have_dir)
		print_text("harvest %s: %u dump director%s without a readable dump file\n", h->dir, h->novmcore,
			   h->novmcore == 1 ? "y" : "ies");
}

static int cmd_harvest(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct harvest h;
	const struct dump_target *t;
	char why[PATH_MAX + 200];
	size_t ndel = 0;
	int e;

	memset(&h, 0, sizeof(h));
	h.g = g;
	e = session_open(g, &h.s);
	if (e)
		return e;
	t = ctx_target(&h.s.ctx);
	e = session_dump_dir(&h.s, h.dir, sizeof(h.dir), why, sizeof(why));
	print_begin(g->format, PRINT_OBJECT);
	print_str(PRINT_JSON, "schema", NULL, "kdumpcheck.harvest/1");
	print_str(PRINT_JSON, "dump_dir", NULL, e ? t->path : h.dir);
	if (e == -EREMOTE) {
		print_str(PRINT_JSON, "status", NULL, "remote");
		print_str(PRINT_ANY, "target", "dumps go to %s, not to this host: no dump to harvest here\n", t->line);
	} else if (e == -ENOENT && !h.s.dump_dir) {
		print_str(PRINT_JSON, "status", NULL, "no_directory");
		print_text("no dump directory %s: no dump to harvest\n", t->dir[0] ? t->dir : t->path);
	} else if (e == -ENOTCONN || e == -ENODEV) {
		log_line(h.s.root, LOG_ERR, "harvest: %s: no dump harvested (give --dump-dir where it is mounted)", why);
		xstrlcpy(h.unreachable, why, sizeof(h.unreachable));
		print_str(PRINT_JSON, "status", NULL, "unreachable");
		print_str(PRINT_JSON, "error", NULL, why);
		h.failed = 1;
	} else if (e) {
		log_line(h.s.root, LOG_ERR, "harvest: %s", why);
		print_str(PRINT_JSON, "status", NULL, "error");
		print_str(PRINT_JSON, "error", NULL, root_strerror(e));
		h.failed = 1;
	} else if (harvest_lock(&h)) {
		print_str(PRINT_JSON, "status", NULL, "locked");
	} else {
		print_str(PRINT_JSON, "status", NULL, "harvested");
		h.have_dir = 1;
		h.locked = 1;
		tag_new(&h);
		save_pstore(&h);
	}
	write_verdict(&h);
	if (h.have_dir) {
		print_open_object("prune");
		h.failed |= prune_dir(h.s.root, &h.s.pol, h.dir, 0, g->verbosity, 1, &ndel);
		print_close();
	}
	if (h.locked)
		dirlock_release();
	say_summary(&h, ndel);
	print_end();
	session_close(&h.s);
	return h.failed;
}

static const struct verb_opt opts[] = {
	{ "no-hash", 0 },
	{ NULL, 0 },
};

const struct verb verb_harvest = {
	.name = "harvest",
	.summary = "after a reboot: tag new dumps, save pstore records, write the test verdict, prune",
	.help = help,
	.opts = opts,
	.max_args = 0,
	.formats = FORMATS_TEXT_JSON,
	.run = cmd_harvest,
};
