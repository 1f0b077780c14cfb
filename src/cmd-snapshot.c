/* cmd-snapshot.c - the blocked tasks of a hung host and its hung-task reports, printed and optionally saved. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <json.h>

#include "cmd.h"
#include "out/print.h"
#include "root.h"
#include "snapshot.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--root DIR] [--json] snapshot [--save]\n"
	"\n"
	"For a host that hangs but has not panicked: every task in uninterruptible sleep\n"
	"(D state), threads included, with pid (and tid for a thread), comm, wchan, its\n"
	"kernel stack (/proc/PID/stack, needs root), and how long it has been blocked,\n"
	"then the kernel's hung-task reports (\"INFO: task X:PID blocked for more than N\n"
	"seconds.\") with their call traces. Only /proc/PID/stat is read for every task;\n"
	"the rest only for D tasks. Nothing is written to /proc or /sys.\n"
	"\n"
	"The blocked time comes from /proc/PID/sched, against /proc/uptime: block_start\n"
	"(schedstats: when it entered D state), else se.exec_start (when it last ran);\n"
	"else from its latest hung-task report (at least N seconds). The source is named.\n"
	"delayacct_blkio_ticks (/proc/PID/stat) is shown as the cumulative block I/O wait.\n"
	"\n"
	"The kernel log is ROOT/dev/kmsg when it is a character device (the live host),\n"
	"else the first readable of ROOT/var/log/kern.log, /var/log/messages and\n"
	"/var/log/dmesg (their last 8 MiB; only the part after the last boot).\n"
	"\n"
	"  --save   also write the JSON to DUMPDIR/snapshot-<YYYY-MM-DD-hh:mm:ss>.json\n"
	"           (local time, mode 0600, atomically; DUMPDIR is created 0700), so the\n"
	"           evidence survives the crash about to be forced\n"
	"\n"
	"Exit status: 0 the snapshot was taken (also when no task is blocked),\n"
	"1 /proc could not be read or --save failed.\n";

/* Human form of a duration: "95 s", "17 min 3 s", "2 h 5 min", "3 d 4 h". */
static void fmt_dur(int64_t us, char *out, size_t len)
{
	int64_t s = us / 1000000;

	if (s < 60)
		snprintf(out, len, "%lld s", (long long)s);
	else if (s < 3600)
		snprintf(out, len, "%lld min %lld s", (long long)(s / 60), (long long)(s % 60));
	else if (s < 86400)
		snprintf(out, len, "%lld h %lld min", (long long)(s / 3600), (long long)(s % 3600 / 60));
	else
		snprintf(out, len, "%lld d %lld h", (long long)(s / 86400), (long long)(s % 86400 / 3600));
}

/* A printable copy of a task name or symbol for text output. */
static const char *printable(const char *s, char *buf, size_t len)
{
	quote_bytes(s, strlen(s), buf, len);
	return buf;
}

/* What a hung-task report says of its task: "blocked" or "can't die". */
static const char *hung_verb(const struct hung_report *r)
{
	return r->kind == KLOG_HUNG_CANT_DIE ? "can't die" : "blocked";
}

/* One block of text for a D task. */
static void print_task(const struct dtask *t, const struct hung_log *log)
{
	char name[160], dur[48], who[64];
	size_t i;

	if (t->tid != t->pid)
		snprintf(who, sizeof(who), "pid %ld tid %ld", t->pid, t->tid);
	else
		snprintf(who, sizeof(who), "pid %ld", t->pid);
	print_text("%s  %s  ppid %ld  state %c%s\n", printable(t->comm, name, sizeof(name)), who, t->ppid, t->state,
	       t->kthread ? "  (kernel thread)" : "");
	if (t->blocked_us >= 0) {
		fmt_dur(t->blocked_us, dur, sizeof(dur));
		print_text("  blocked  %s%s (%s)\n", t->blocked_src == BLK_HUNG_REPORT ? "at least " : "", dur,
		       t->blocked_src == BLK_BLOCK_START  ? "in D state since, /proc/PID/sched block_start"
		       : t->blocked_src == BLK_EXEC_START ? "off the CPU since, /proc/PID/sched se.exec_start"
							  : "its latest hung-task report");
	} else {
		print_text("  blocked  unknown\n");
	}
	print_text("  wchan    %s\n", t->wchan[0] ? printable(t->wchan, name, sizeof(name)) : "-");
	if (t->have_blkio && t->blkio_ticks)
		print_text("  blkio    %llu ticks of block I/O wait in all\n", (unsigned long long)t->blkio_ticks);
	if (t->stack_err == -EACCES || t->stack_err == -EPERM)
		print_text("  stack    unreadable: %s (run as root)\n", root_strerror(t->stack_err));
	else if (t->stack_err == -ENOENT)
		print_text("  stack    none: the task exited\n");
	else if (t->stack_err)
		print_text("  stack    unreadable: %s\n", root_strerror(t->stack_err));
	else if (!t->stack.n)
		print_text("  stack    empty\n");
	for (i = 0; !t->stack_err && i < t->stack.n; i++)
		print_text("  %s %s\n", i ? "        " : "stack   ", printable(t->stack.v[i], name, sizeof(name)));
	for (i = log->n; i-- > 0;) {
		if (log->v[i].pid == t->tid && !strcmp(log->v[i].comm, t->comm)) {
			print_text("  reported by the hung-task detector (latest: %s for more than %ld s)\n",
			       hung_verb(&log->v[i]), log->v[i].seconds);
			break;
		}
	}
}

/* The whole snapshot as text. */
static void say_snapshot(const struct snapshot *s, const struct host *h, const char *when, int verbosity)
{
	char up[48] = "unknown", name[160];
	size_t i, j;

	if (s->uptime_us >= 0)
		fmt_dur(s->uptime_us, up, sizeof(up));
	if (verbosity >= 0)
		print_text("snapshot of %s (kernel %s, up %s) at %s\n", h->hostname[0] ? h->hostname : "?",
		       h->release[0] ? h->release : "?", up, when);
	if (!s->ntasks)
		print_text("no task in D state (%lu tasks scanned)\n", s->scanned);
	else
		print_text("%zu task%s in D state (%lu tasks scanned)\n", s->ntasks, s->ntasks == 1 ? "" : "s", s->scanned);
	for (i = 0; i < s->ntasks; i++) {
		print_text("\n");
		print_task(&s->tasks[i], &s->log);
	}
	print_text("\n");
	if (s->log_err)
		print_text("kernel log: %s: %s\n", s->log_source[0] ? s->log_source : "no /dev/kmsg or log file",
		       root_strerror(s->log_err));
	else if (!s->log.n)
		print_text("hung-task reports in %s: none\n", s->log_source);
	else
		print_text("hung-task reports in %s: %zu%s\n", s->log_source, s->log.n,
		       s->log.dropped ? " (more were dropped)" : "");
	for (i = 0; i < s->log.n; i++) {
		const struct hung_report *r = &s->log.v[i];
		char ts[32] = "";
		if (r->log_us >= 0)
			snprintf(ts, sizeof(ts), "[%5lld.%06lld] ", (long long)(r->log_us / 1000000),
				 (long long)(r->log_us % 1000000));
		print_text("  %s%s:%ld %s for more than %ld seconds\n", ts, printable(r->comm, name, sizeof(name)), r->pid,
		       hung_verb(r), r->seconds);
		for (j = 0; verbosity > 0 && j < r->trace.n; j++)
			print_text("      %s\n", printable(r->trace.v[j], name, sizeof(name)));
	}
	if (s->vanished || s->unreadable)
		print_text("(%lu tasks exited while read, %lu could not be read)\n", s->vanished, s->unreadable);
}

/* Write the JSON to DUMPDIR/snapshot-<local time>.json; the host path in out. 0 or -errno. */
static int save(struct session *ss, const char *json, time_t now, char *out, size_t outlen)
{
	const struct dump_target *t = ctx_target(&ss->ctx);
	/* beside the dumps: a device or NFS target's directory when it is mounted here */
	const char *dir = t->dir[0] ? t->dir : t->path;
	char stamp[32], path[PATH_MAX];
	struct tm tm;
	struct stat st;
	int e, i;

	if (dir[0] != '/')
		return -EINVAL;
	if (!strcmp(dir, "/proc") || !strncmp(dir, "/proc/", 6) || !strcmp(dir, "/sys") || !strncmp(dir, "/sys/", 5))
		return -EPERM;
	e = root_mkdir(ss->root, dir, 0700);
	if (e && e != -EEXIST)
		return e;
	if (!localtime_r(&now, &tm) || !strftime(stamp, sizeof(stamp), "%Y-%m-%d-%H:%M:%S", &tm))
		return -EINVAL;
	for (i = 0; i < 10; i++) {
		if (i == 0)
			e = xsnprintf(path, sizeof(path), "%s/snapshot-%s.json", dir, stamp);
		else
			e = xsnprintf(path, sizeof(path), "%s/snapshot-%s-%d.json", dir, stamp, i);
		if (e)
			return e;
		if (root_lstat(ss->root, path, &st) == -ENOENT)
			break;
	}
	if (i == 10)
		return -EEXIST;
	e = root_write_atomic(ss->root, path, json, strlen(json), 0600);
	if (e)
		return e;
	if (root_path(ss->root, path, 1, out, outlen))
		xstrlcpy(out, path, outlen);
	return 0;
}

static int cmd_snapshot(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct session ss;
	struct snapshot snap;
	struct json_object *o;
	char *json, when[32] = "?", where[PATH_MAX];
	time_t now;
	int e, rc = 0;

	e = session_open(g, &ss);
	if (e)
		return e;
	now = time(NULL);
	e = snapshot_take(ss.root, &snap);
	if (e) {
		die_msg("snapshot: %s/proc: %s (nothing taken)", root_is_live(ss.root) ? "" : root_dir(ss.root),
			root_strerror(e));
		session_close(&ss);
		return 1;
	}
	time_iso((int64_t)now, when, sizeof(when));
	if (!when[0])
		xstrlcpy(when, "?", sizeof(when));
	o = snapshot_json(&snap, ss.ctx.host.hostname, ss.ctx.host.release, (int64_t)now);
	/* what is saved is the snapshot alone, without what is said of the saving */
	json = xstrdup(json_object_to_json_string_ext(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED));
	print_begin_document(g->format, json_object_get(o));
	say_snapshot(&snap, &ss.ctx.host, when, g->verbosity);
	if (gopt_flag(g, "save")) {
		fflush(stdout);
		e = save(&ss, json, now, where, sizeof(where));
		if (e) {
			die_msg("snapshot: cannot save to %s: %s (the snapshot %s printed, nothing saved)",
				ctx_target(&ss.ctx)->dir[0] ? ctx_target(&ss.ctx)->dir : ctx_target(&ss.ctx)->path, root_strerror(e),
				print_is_json() ? "is" : "above was");
			rc = 1;
		} else {
			if (print_is_json())
				die_msg("snapshot saved to %s", where);
			print_str(PRINT_ANY, "saved_to", "saved to %s", where);
			if (!ctx_target(&ss.ctx)->dir[0])
				print_text(" (on the local disk: the dump target %s is not on this host)", ctx_target(&ss.ctx)->line);
			print_text("\n");
		}
	}
	print_end();
	free(json);
	json_object_put(o);
	snapshot_free(&snap);
	session_close(&ss);
	return rc;
}

static const struct verb_opt opts[] = {
	{ "save", 0 },
	{ NULL, 0 },
};

const struct verb verb_snapshot = {
	.name = "snapshot",
	.summary = "a hung host: tasks in D state with their kernel stacks, hung-task reports",
	.help = help,
	.opts = opts,
	.max_args = 0,
	.formats = FORMATS_TEXT_JSON,
	.run = cmd_snapshot,
};
