/* cmd-collect.c - capture a dump: save the log, run makedumpfile, rename when whole, tag. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "cmd.h"
#include "collect-room.h"
#include "collect-target.h"
#include "dirfd.h"
#include "estimate.h"
#include "out/print.h"
#include "root.h"
#include "sidecar.h"
#include "spawn.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--root DIR] collect [--vmcore FILE] [--target DIR]\n"
	"\n"
	"In the capture kernel: reads ROOT/proc/vmcore and writes into the dump directory\n"
	"of the kdump config (path of /etc/kdump.conf, KDUMP_COREDIR, else the policy's\n"
	"[dump] path). --vmcore and --target name a file and a directory as given instead.\n"
	"\n"
	"Creates DIR/<host>-<YYYY-MM-DD-hh:mm:ss>/ (0700), saves the kernel log first\n"
	"(makedumpfile --dump-dmesg -> vmcore-dmesg-incomplete.txt, renamed to\n"
	"vmcore-dmesg.txt once whole and on disk), runs makedumpfile with the\n"
	"configured options (core_collector, MAKEDUMP_ARGS, else -l --message-level 1 -d 31)\n"
	"into vmcore-incomplete, fsyncs it and renames it to vmcore only when makedumpfile\n"
	"succeeded, then writes the sidecar vmcore.json. makedumpfile's messages go to\n"
	"makedumpfile.log in the dump directory (kept when the capture failed, else in the\n"
	"sidecar), and a watcher process does the rename:\n"
	"when collect itself is killed, makedumpfile goes on and its dump is still saved.\n"
	"When the capture fails (a full target, makedumpfile's error), what was written\n"
	"is kept, the reason is written to vmcore-incomplete.reason, and the message\n"
	"names exactly the files on disk.\n"
	"\n"
	"A device target (\"ext4 UUID=...\", \"xfs LABEL=...\", \"ext4 /dev/vdb1\") is written\n"
	"under its mount point; when it is not mounted, collect mounts it on /kdumproot\n"
	"(only in the capture kernel's own root, --root /), and unmounts it when done.\n"
	"When it is missing, cannot be mounted or the capture on it fails, the host's\n"
	"failure action decides: dump_to_rootfs saves the dump in path on the root\n"
	"filesystem; any other (reboot, halt, poweroff, shell) is left to the capture\n"
	"environment, and collect saves the kernel log there and exits 1. The sidecar,\n"
	"the reason file and --json say which target was used and why.\n"
	"\n"
	"With [dump] make_room = yes, when the target has less room than the expected\n"
	"dump, the oldest complete dumps beyond keep are deleted first.\n"
	"\n"
	"Exit status: 0 a complete dump was saved, 1 otherwise.\n";

#define STDERR_KEEP (16u << 10)

/* "<host>-<YYYY-MM-DD-hh:mm:ss>" for the new dump directory (RHEL's naming). */
static void dump_dir_name(const struct host *h, char *out, size_t outlen)
{
	char host[64], when[32];
	time_t now = time(NULL);
	struct tm tm;
	size_t i;

	xstrlcpy(host, h->hostname, sizeof(host));
	for (i = 0; host[i]; i++) {
		char ch = host[i];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' ||
		      ch == '-' || ch == '_'))
			host[i] = '_';
	}
	if (!host[0] || !strcmp(host, "localhost") || !strcmp(host, "_none_"))
		xstrlcpy(host, "127.0.0.1", sizeof(host));
	localtime_r(&now, &tm);
	strftime(when, sizeof(when), "%Y-%m-%d-%H:%M:%S", &tm);
	snprintf(out, outlen, "%s-%s", host, when);
}

/* Split the collector options on blanks into argv[first..]; returns the count added. */
static size_t split_args(char *s, const char **argv, size_t first, size_t max, int *flattened)
{
	size_t n = first;
	char *save = NULL, *tok;

	for (tok = strtok_r(s, " \t", &save); tok && n < max; tok = strtok_r(NULL, " \t", &save)) {
		if (!strcmp(tok, "-F"))
			*flattened = 1;
		argv[n++] = tok;
	}
	return n - first;
}

/* The last non-empty line of text, for a one-line error. */
static void last_line(const char *text, char *out, size_t outlen)
{
	const char *end = text + strlen(text), *start;

	while (end > text && (end[-1] == '\n' || end[-1] == ' ' || end[-1] == '\r'))
		end--;
	start = end;
	while (start > text && start[-1] != '\n')
		start--;
	quote_bytes(start, (size_t)(end - start), out, outlen);
}

/* Add what the capture did to the sidecar's "collector" object. */
static void add_capture(struct json_object *side, const char *const *argv, int status, const char *err,
			int dmesg_status, double seconds)
{
	struct json_object *col, *cap = json_object_new_object(), *a = json_object_new_array();
	size_t i;

	for (i = 0; argv[i]; i++)
		json_object_array_add(a, json_object_new_string(argv[i]));
	json_object_object_add(cap, "argv", a);
	json_object_object_add(cap, "status", json_object_new_int(status));
	json_object_object_add(cap, "stderr", err && *err ? json_object_new_string(err) : NULL);
	json_object_object_add(cap, "dmesg_status", dmesg_status >= 0 ? json_object_new_int(dmesg_status) : NULL);
	json_object_object_add(cap, "seconds", json_object_new_double(seconds));
	if (json_object_object_get_ex(side, "collector", &col))
		json_object_object_add(col, "capture", cap);
	else
		json_object_put(cap);
}

#define REASON_ROOM 8192

/* The files of a new dump directory, named relative to its descriptor. */
#define N_PART "vmcore-incomplete"
#define N_FINAL "vmcore"
#define N_DMESG "vmcore-dmesg.txt"
#define N_DMESG_PART "vmcore-dmesg-incomplete.txt"
#define N_LOG "makedumpfile.log"
#define N_REASON N_PART ".reason"

/* Create the reason file in the dump directory dfd with REASON_ROOM bytes of blanks already on disk; fd or -1. */
static int reason_open(int dfd)
{
	char buf[REASON_ROOM];
	int fd = dfd_create(dfd, N_REASON, O_WRONLY, 0600);
	static const char head[] = "the capture did not finish (the host or kdumpcheck went down during it); "
				   "makedumpfile's messages are in makedumpfile.log\n";

	if (fd < 0)
		return -1;
	memset(buf, ' ', sizeof(buf));
	memcpy(buf, head, sizeof(head) - 1);
	buf[sizeof(buf) - 1] = '\n';
	if (pwrite(fd, buf, sizeof(buf), 0) != (ssize_t)sizeof(buf) || fsync(fd) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Overwrite the reserved room with the reason (blocks already allocated: works on a full target). */
static void reason_write(int fd, const char *text, size_t len)
{
	if (fd < 0)
		return;
	if (pwrite(fd, text, len, 0) >= 0 && ftruncate(fd, (off_t)len) == 0)
		fsync(fd);
}

/* Seconds, for how long the capture took (clock_gettime needs -lrt on glibc 2.12). */
static double now_s(void)
{
	struct timeval tv;

	gettimeofday(&tv, NULL);
	return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* One capture: its paths, the makedumpfile run and how it ended. */
struct capture {
	struct session s;
	struct root *files;	/* a root of "/": --vmcore and --target are host paths */
	const char *mkd;	/* makedumpfile */
	const char *cargv[64];	/* its argv for the capture (pointing into args) */
	char args[1024];
	char vmcore[PATH_MAX], target[PATH_MAX], dir[PATH_MAX], part[PATH_MAX], final[PATH_MAX], dmesg[PATH_MAX];
	char rpath[PATH_MAX + 8];	/* vmcore-incomplete.reason */
	char dmesg_part[PATH_MAX];	/* vmcore-dmesg-incomplete.txt */
	char log[PATH_MAX];	/* makedumpfile.log: makedumpfile's stderr */
	char out[PATH_MAX];	/* the output path makedumpfile is given (through dfd) */
	int logfd;		/* it, open for appending, or -1 */
	int dfd;		/* the new dump directory (dir), or -1: every file in it is made through it */
	int out_arg;		/* the index in cargv of makedumpfile's output path; 0 none */
	int save_err;		/* -errno of the fsync and rename after makedumpfile succeeded */
	char why[PATH_MAX + 600];	/* why the capture failed */
	struct spawn_result sr;
	int err;		/* -errno running makedumpfile or saving its output; 0 */
	int rfd;		/* the reason file, or -1 */
	int dmesg_status;	/* makedumpfile --dump-dmesg's exit status; -1 not run */
	int ok;			/* a whole vmcore was saved */
	double t0;
	struct collect_where where;	/* a device target: which directory, and why */
	struct room room;	/* what make_room did */
	int have;		/* the dump file is there (read before a device target is unmounted) */
	uint64_t size;		/* and its size */
};

/* The dump directory to write, as a host path: --target, else the configured one; 0 or -errno. */
static int capture_target(struct capture *c, const struct gopts *g)
{
	if (gopt_arg(g, "target"))
		return path_absolute(gopt_arg(g, "target"), c->target, sizeof(c->target));
	return collect_target_choose(c->s.root, ctx_target(&c->s.ctx), &c->where, c->target, sizeof(c->target),
				     c->why, sizeof(c->why));
}

/* Create dir's missing parents (a device target's path under its mount point). */
static void make_parents(struct root *files, const char *dir)
{
	char p[PATH_MAX];
	char *s;

	if (xstrlcpy(p, dir, sizeof(p)) >= sizeof(p))
		return;
	for (s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
		*s = '\0';
		root_mkdir(files, p, 0755);
		*s = '/';
	}
}

/* [dump] make_room: room for the expected dump (from the size of the vmcore) before the capture. */
static void capture_room(struct capture *c)
{
	struct stat st;
	int e;

	if (!c->s.pol.make_room || c->where.log_only || root_stat(c->files, c->vmcore, &st))
		return;
	e = collect_make_room(c->files, c->s.root, &c->s.pol, c->target,
			      estimate_dump_size((uint64_t)st.st_size, ctx_collector(&c->s.ctx)->dump_level), &c->room);
	if (e)
		die_msg("collect: make_room: %s: %s (nothing deleted)", c->target, root_strerror(e));
}

/* Close what is open in the dump directory (before another, or before a device is unmounted). */
static void capture_close(struct capture *c)
{
	if (c->rfd >= 0)
		close(c->rfd);
	if (c->logfd >= 0)
		close(c->logfd);
	if (c->dfd >= 0)
		close(c->dfd);
	c->rfd = c->logfd = c->dfd = -1;
}

/*
 * The path makedumpfile is to write name at: through the dump directory's
 * descriptor (/proc/self/fd/N/NAME), so a path swapped under it cannot
 * redirect the write; the host path when /proc is not there.
 */
static void at_path(const struct capture *c, const char *name, const char *host, char *out, size_t outlen)
{
	if (c->dfd < 0 || access("/proc/self/fd", X_OK) < 0 ||
	    (size_t)snprintf(out, outlen, "/proc/self/fd/%d/%s", c->dfd, name) >= outlen)
		xstrlcpy(out, host, outlen);
}

/* Create the new dump directory under c->target; 0, or 1 after saying why not. */
static int capture_newdir(struct capture *c)
{
	char name[128];
	int e;

	dump_dir_name(&c->s.ctx.host, name, sizeof(name));
	if (xsnprintf(c->dir, sizeof(c->dir), "%s/%s", c->target, name) ||
	    xsnprintf(c->part, sizeof(c->part), "%s/vmcore-incomplete", c->dir) ||
	    xsnprintf(c->final, sizeof(c->final), "%s/vmcore", c->dir) ||
	    xsnprintf(c->dmesg, sizeof(c->dmesg), "%s/vmcore-dmesg.txt", c->dir) ||
	    xsnprintf(c->dmesg_part, sizeof(c->dmesg_part), "%s/vmcore-dmesg-incomplete.txt", c->dir) ||
	    xsnprintf(c->log, sizeof(c->log), "%s/makedumpfile.log", c->dir))
		return kdc_error(1, "collect: %s: path too long", c->target);
	e = root_mkdir(c->files, c->dir, 0700);
	if (e)
		return kdc_error(1, "collect: cannot create %s: %s", c->dir, root_strerror(e));
	capture_close(c);
	/* never through a link; a dup (not close-on-exec): makedumpfile writes through /proc/self/fd/N/NAME */
	e = dfd_open(c->dir);
	if (e >= 0) {
		c->dfd = dup(e);
		close(e);
		e = c->dfd < 0 ? -errno : 0;
	}
	if (e < 0)
		return kdc_error(1, "collect: cannot open %s: %s", c->dir, root_strerror(e));
	c->logfd = dfd_create(c->dfd, N_LOG, O_RDWR | O_APPEND, 0600);
	if (c->logfd < 0)
		return kdc_error(1, "collect: cannot create %s: %s", c->log, root_strerror(c->logfd));
	return 0;
}

/* Create the dump directory (and a device target's parents of it); 0, or 1 after saying why not. */
static int capture_mkdir(struct capture *c)
{
	int e;

	if (c->where.device)
		make_parents(c->files, c->target);
	e = root_mkdir(c->files, c->target, 0700);
	if (e && e != -EEXIST)
		return kdc_error(1, "collect: cannot create the dump directory %s: %s", c->target, root_strerror(e));
	return 0;
}

/* Check the inputs, choose and create the dump directory; 0, or 1 after saying why not. */
static int capture_prepare(struct capture *c, const struct gopts *g)
{
	struct stat st;
	int e = gopt_arg(g, "vmcore") ? path_absolute(gopt_arg(g, "vmcore"), c->vmcore, sizeof(c->vmcore))
			      : root_path(c->s.root, "/proc/vmcore", 1, c->vmcore, sizeof(c->vmcore));

	if (!e) {
		e = capture_target(c, g);
		if (e == -EPERM)
			return kdc_error(1, "collect: %s: nothing collected", c->why);
	}
	if (e)
		return kdc_error(1, "collect: a path is too long");
	if (root_stat(c->files, c->vmcore, &st) || !S_ISREG(st.st_mode))
		return kdc_error(1, "collect: %s: no vmcore to collect (not in a capture kernel?)", c->vmcore);
	c->mkd = makedumpfile_path();
	if (!c->mkd)
		return kdc_error(1, "collect: no makedumpfile in /usr/sbin, /sbin or /usr/bin: nothing collected");
	/* everything collect creates is for root's eyes only */
	umask(077);
	if (capture_mkdir(c))
		return 1;
	capture_room(c);
	return capture_newdir(c);
}

/*
 * Save the kernel log first: the smallest, most precious part. It is written
 * under an incomplete name and renamed only when makedumpfile succeeded and
 * it is on disk: on a full target a truncated log never has the final name.
 */
static void capture_dmesg(struct capture *c)
{
	char out[PATH_MAX];
	const char *dargv[] = { c->mkd, "--dump-dmesg", c->vmcore, out, NULL };
	struct spawn_result dr;

	at_path(c, N_DMESG_PART, c->dmesg_part, out, sizeof(out));
	if (spawn_run_errfd(dargv, -1, c->logfd, &dr) == 0) {
		c->dmesg_status = dr.status;
		spawn_result_free(&dr);
	}
	if (c->dmesg_status == 0 && dfd_settle(c->dfd, N_DMESG_PART, N_DMESG))
		c->dmesg_status = 1;
}


/* What the watcher reports: could makedumpfile run, its status, the save of the dump. */
struct watch_report {
	int err, status, save_err;
};

/*
 * In the watcher process: run makedumpfile (stderr to makedumpfile.log, so
 * it survives our death), and when it succeeded fsync the dump and rename it
 * to its final name. A kill -9 of collect leaves this process running: the
 * dump is still saved, or vmcore-incomplete stays with its reason.
 */
static void capture_watch(struct capture *c, int fd, int report_w)
{
	struct watch_report w = { 0, 0, 0 };
	char why[128];
	int n;

	signal(SIGPIPE, SIG_IGN);
	w.err = spawn_run_errfd(c->cargv, fd, c->logfd, &c->sr);
	w.status = w.err ? -1 : c->sr.status;
	if (!w.err && !w.status) {
		if (fd >= 0 && fsync(fd) < 0)
			w.save_err = -errno;
		else
			w.save_err = dfd_settle(c->dfd, N_PART, N_FINAL);
		if (!w.save_err && c->rfd >= 0)
			dfd_unlink(c->dfd, N_REASON);
	} else {
		n = snprintf(why, sizeof(why), "makedumpfile failed (exit %d); its messages are in makedumpfile.log\n",
			     w.status);
		reason_write(c->rfd, why, n > 0 && (size_t)n < sizeof(why) ? (size_t)n : 0);
	}
	(void)write_full(report_w, &w, sizeof(w)); /* a lost reader is ignored: SIGPIPE is */
	_exit(0);
}

/* The last STDERR_KEEP bytes of makedumpfile.log, into c->sr.err. */
static void capture_log_tail(struct capture *c)
{
	struct stat st;
	char *buf;
	ssize_t n = -1;
	off_t off = 0;

	free(c->sr.err);
	buf = xcalloc(1, STDERR_KEEP + 1);
	if (c->logfd >= 0 && fstat(c->logfd, &st) == 0) {
		off = st.st_size > (off_t)STDERR_KEEP ? st.st_size - (off_t)STDERR_KEEP : 0;
		n = pread(c->logfd, buf, STDERR_KEEP, off);
	}
	c->sr.errlen = n > 0 ? (size_t)n : 0;
	buf[c->sr.errlen] = '\0';
	c->sr.err = buf;
}

/* Run makedumpfile in the watcher and wait for its report; 0 or -errno. */
static int capture_spawn(struct capture *c, int fd)
{
	struct watch_report w = { -ECHILD, -1, 0 };
	int rep[2], st;
	pid_t pid;
	ssize_t n;

	if (pipe2(rep, O_CLOEXEC) < 0)
		return -errno;
	pid = fork();
	if (pid < 0) {
		close(rep[0]);
		close(rep[1]);
		return -errno;
	}
	if (pid == 0) {
		close(rep[0]);
		capture_watch(c, fd, rep[1]);
	}
	close(rep[1]);
	do
		n = read(rep[0], &w, sizeof(w));
	while (n < 0 && errno == EINTR);
	close(rep[0]);
	while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
		;
	if (n != (ssize_t)sizeof(w))
		w.err = -ECHILD;
	c->sr.status = w.status;
	c->save_err = w.save_err;
	capture_log_tail(c);
	return w.err;
}

/* Run makedumpfile into vmcore-incomplete; 0, or 1 after saying why it could not start. */
static int capture_run(struct capture *c)
{
	size_t n;
	int fd = -1, flattened = 0;

	xstrlcpy(c->args, ctx_collector(&c->s.ctx)->args, sizeof(c->args));
	c->cargv[0] = c->mkd;
	n = 1 + split_args(c->args, c->cargv, 1, ARRAY_SIZE(c->cargv) - 3, &flattened);
	c->cargv[n++] = c->vmcore;
	c->out_arg = 0;
	if (flattened) {
		fd = dfd_create(c->dfd, N_PART, O_WRONLY, 0600);
		if (fd < 0)
			return kdc_error(1, "collect: cannot create %s: %s", c->part, root_strerror(fd));
	} else {
		at_path(c, N_PART, c->part, c->out, sizeof(c->out));
		c->out_arg = (int)n;
		c->cargv[n++] = c->out;
	}
	c->cargv[n] = NULL;
	c->err = capture_spawn(c, fd);
	if (fd >= 0)
		close(fd);
	return 0;
}

/* Did the capture give a whole vmcore? Rename it when so, else say why not in c->why. */
static void capture_judge(struct capture *c)
{
	char err[512];
	struct statvfs vfs;

	if (c->err) {
		snprintf(c->why, sizeof(c->why), "cannot run %s: %s", c->mkd, root_strerror(c->err));
	} else if (c->sr.status) {
		last_line(c->sr.err, err, sizeof(err));
		/* with --message-level 1 makedumpfile does not say why: a full target is the common case */
		if (fstatvfs(c->dfd, &vfs) == 0 && (uint64_t)vfs.f_bavail * vfs.f_frsize < (64u << 10))
			snprintf(c->why, sizeof(c->why), "makedumpfile failed (exit %d): the dump target is full "
				 "(%llu bytes free); its last words: %s", c->sr.status,
				 (unsigned long long)vfs.f_bavail * vfs.f_frsize, err);
		else
			snprintf(c->why, sizeof(c->why), "makedumpfile failed (exit %d): %s", c->sr.status, err);
	} else if ((c->err = c->save_err)) {
		snprintf(c->why, sizeof(c->why), "saving %s: %s", c->part, root_strerror(c->err));
	} else {
		c->ok = 1;
	}
}

/* Write the failure's reason into the reserved file, or remove the file after a success. */
static void capture_reason(struct capture *c)
{
	struct sbuf b;

	if (!c->ok) {
		sbuf_init(&b);
		sbuf_printf(&b, "%s\n", c->why);
		collect_target_reason(ctx_target(&c->s.ctx), &c->where, &b);
		if (c->sr.err && c->sr.err[0])
			sbuf_printf(&b, "\nmakedumpfile's messages:\n%s", c->sr.err);
		reason_write(c->rfd, b.s, b.len);
		sbuf_free(&b);
	} else {
		/* whole: its messages are in the sidecar (collector.capture.stderr) */
		if (c->rfd >= 0)
			dfd_unlink(c->dfd, N_REASON);
		dfd_unlink(c->dfd, N_LOG);
	}
	if (c->rfd >= 0)
		close(c->rfd);
	c->rfd = -1;
}

/* Write the sidecar, for the whole dump or the partial one. */
static void capture_tag(struct capture *c)
{
	struct json_object *side = NULL;
	struct dump_files df;
	struct tag_opts o;
	char dumpdir[PATH_MAX], err[512], sidepath[PATH_MAX + 8];

	if (dump_locate(c->files, c->dir, &df))
		return;
	memset(&o, 0, sizeof(o));
	/* no sha256: hashing the whole dump would double the capture kernel's time and
	 * map libcrypto there; harvest adds it after the reboot */
	o.no_hash = 1;
	/* a device target's directory (or the rootfs fallback) is this host's own dump directory */
	if (c->where.device)
		xstrlcpy(dumpdir, c->target, sizeof(dumpdir));
	else if (target_path_host(c->s.root, ctx_target(&c->s.ctx), dumpdir, sizeof(dumpdir)))
		dumpdir[0] = '\0';
	if (sidecar_build(c->s.root, c->files, dumpdir[0] ? dumpdir : NULL, &df, &o, &side, err, sizeof(err)) == 0) {
		const char *shown[ARRAY_SIZE(c->cargv)];

		/* the sidecar shows the dump's own path, not the descriptor makedumpfile wrote through */
		memcpy(shown, c->cargv, sizeof(shown));
		if (c->out_arg)
			shown[c->out_arg] = c->part;
		add_capture(side, shown, c->err ? -1 : c->sr.status, c->sr.err, c->dmesg_status, now_s() - c->t0);
		if (c->where.device)
			json_object_object_add(side, "target", collect_target_json(ctx_target(&c->s.ctx), &c->where));
		if (sidecar_write(c->files, &df, side, sidepath, sizeof(sidepath)))
			die_msg("collect: %s: cannot write the sidecar", sidepath);
		json_object_put(side);
	} else if (c->ok) {
		die_msg("collect: %s: cannot tag it: %s", df.vmcore, err);
	}
}

/* One capture into c->dir: the log, makedumpfile, its verdict and reason, the sidecar; 0 when whole. */
static int capture_once(struct capture *c)
{
	/*
	 * The reason file is made first, with room reserved: when the capture
	 * fails because the target is full, there is no room left to create
	 * one. It is overwritten in place on failure, removed on success.
	 */
	if (xsnprintf(c->rpath, sizeof(c->rpath), "%s.reason", c->part) == 0)
		c->rfd = reason_open(c->dfd);
	capture_dmesg(c);
	if (c->where.log_only) {
		/* the target cannot be written and the host does not save to its root filesystem */
		xstrlcpy(c->why, c->where.reason, sizeof(c->why));
		capture_reason(c);
		return 1;
	}
	if (capture_run(c))
		return 1;
	capture_judge(c);
	capture_reason(c);
	capture_tag(c);
	return c->ok ? 0 : 1;
}

/* Exactly the files of the capture on disk now: "kept A, B" or "nothing was saved in DIR"; free it. */
static char *capture_kept(const struct capture *c)
{
	const char *paths[] = { c->dmesg, c->dmesg_part, c->part, c->rpath, c->log };
	static const char *const names[] = { N_DMESG, N_DMESG_PART, N_PART, N_REASON, N_LOG };
	static const char *const what[] = { "", "the partial kernel log ", "the partial dump ", "", "" };
	struct stat st;
	struct sbuf b;
	size_t i, n = 0;

	sbuf_init(&b);
	for (i = 0; i < ARRAY_SIZE(paths); i++) {
		if (!paths[i][0] || c->dfd < 0 || dfd_lstat(c->dfd, names[i], &st) || (i == 4 && st.st_size == 0))
			continue;
		sbuf_printf(&b, "%s%s%s", n++ ? ", " : "kept ", what[i], paths[i]);
	}
	if (!n)
		sbuf_printf(&b, "nothing was saved in %s", c->dir[0] ? c->dir : c->target);
	else if (c->dfd < 0 || dfd_lstat(c->dfd, N_PART, &st))
		sbuf_puts(&b, " (no vmcore-incomplete: makedumpfile wrote no dump)");
	return b.s;
}

/* After a failed capture on a device target, the failure action dump_to_rootfs: capture again there. */
static int capture_fallback(struct capture *c)
{
	char dir[PATH_MAX], *kept;

	if (!collect_target_fallback(c->s.root, ctx_target(&c->s.ctx), &c->where, c->why, dir, sizeof(dir)))
		return 1;
	kept = capture_kept(c);
	die_msg("collect: %s; %s on the dump target; capturing again into %s (failure_action dump_to_rootfs)",
		c->why, kept, dir);
	free(kept);
	spawn_result_free(&c->sr);
	memset(&c->sr, 0, sizeof(c->sr));
	c->err = 0;
	c->ok = 0;
	c->dmesg_status = -1;
	c->why[0] = '\0';
	xstrlcpy(c->target, dir, sizeof(c->target));
	if (capture_mkdir(c) || capture_newdir(c))
		return 1;
	return capture_once(c);
}

/* Capture: prepare, then once (and again on the root filesystem when the host says so); 0 when whole. */
static int capture(struct capture *c, const struct gopts *g)
{
	char *kept;
	int rc;

	if (capture_prepare(c, g))
		return 1;
	c->t0 = now_s();
	if (capture_once(c) && (c->where.log_only || capture_fallback(c))) {
		kept = capture_kept(c);
		rc = kdc_error(1, "collect: %s; %s", c->why, kept);
		free(kept);
		return rc;
	}
	if (c->where.device && c->where.used && strcmp(c->where.used, "target"))
		die_msg("collect: the dump was saved on the root filesystem: %s", c->where.reason);
	return 0;
}

/* What make_room did, for JSON. */
static void say_room(const struct capture *c)
{
	if (!c->room.ran)
		return;
	print_open_object("make_room");
	print_u64(PRINT_JSON, "needed_bytes", NULL, c->room.need);
	print_u64(PRINT_JSON, "available_bytes", NULL, c->room.avail_before);
	print_u64(PRINT_JSON, "deleted", NULL, c->room.ndel);
	print_u64(PRINT_JSON, "available_after_bytes", NULL, c->room.avail_after);
	print_close();
}

/* What is on disk after the capture: the JSON document, or the closing line of a whole dump. */
/* Is the dump file there, and how big (before a device target is unmounted)? */
static void capture_size(struct capture *c)
{
	struct stat st;

	c->have = c->dfd >= 0 && dfd_lstat(c->dfd, c->ok ? N_FINAL : N_PART, &st) == 0 && S_ISREG(st.st_mode);
	c->size = c->have ? (uint64_t)st.st_size : 0;
}

static void say_result(struct capture *c, const struct gopts *g, int rc)
{
	const char *dump = c->ok ? c->final : c->part;
	char sz[32];
	int have = c->have;

	print_str(PRINT_JSON, "schema", NULL, "kdumpcheck.collect/1");
	print_bool(PRINT_JSON, "complete", NULL, !rc && c->ok);
	print_str(PRINT_JSON, "dump_dir", NULL, c->dir[0] ? c->dir : NULL);
	print_str(PRINT_JSON, "vmcore", NULL, have ? dump : NULL);
	if (have)
		print_u64(PRINT_JSON, "size_bytes", NULL, c->size);
	else
		print_null(PRINT_JSON, "size_bytes", NULL);
	print_str(PRINT_JSON, "dmesg", NULL, c->dmesg_status == 0 ? c->dmesg : NULL);
	print_str(PRINT_JSON, "reason", NULL, rc ? (c->why[0] ? c->why : "nothing collected") : NULL);
	print_u64(PRINT_JSON, "seconds", NULL, c->t0 > 0 ? (uint64_t)(now_s() - c->t0) : 0);
	if (c->where.device)
		print_json_value("target", collect_target_json(ctx_target(&c->s.ctx), &c->where));
	say_room(c);
	if (c->where.device && g->verbosity >= 0)
		print_text("dump target %s: %s: %s\n", ctx_target(&c->s.ctx)->line,
			   c->where.used ? c->where.used : "not used", c->where.reason);
	if (!rc && g->verbosity >= 0) {
		if (have)
			fmt_size(c->size, sz, sizeof(sz));
		else
			xstrlcpy(sz, "?", sizeof(sz));
		print_text("collected %s (%s) in %.1f s\n", c->final, sz, now_s() - c->t0);
	}
	print_end();
}

static int cmd_collect(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct capture *c = xcalloc(1, sizeof(*c));
	int e, rc = 1;

	e = session_open(g, &c->s);
	if (e) {
		free(c);
		return e;
	}
	c->rfd = -1;
	c->logfd = -1;
	c->dfd = -1;
	c->dmesg_status = -1;
	/* begun before the capture: the lines of make_room go to syslog only in a JSON run */
	print_begin(g->format, PRINT_OBJECT);
	e = root_new("/", &c->files);
	if (e)
		die_msg("collect: /: %s", root_strerror(e));
	else
		rc = capture(c, g);
	capture_size(c);
	/* nothing of ours may stay open on a device collect mounted, or it cannot be unmounted */
	capture_close(c);
	collect_target_release(&c->where);
	say_result(c, g, rc);
	spawn_result_free(&c->sr);
	root_free(c->files);
	session_close(&c->s);
	free(c);
	return rc;
}

static const struct verb_opt opts[] = {
	{ "vmcore", 1 },
	{ "target", 1 },
	{ NULL, 0 },
};

const struct verb verb_collect = {
	.name = "collect",
	.summary = "in the capture kernel: save the log, run makedumpfile, tag the dump",
	.help = help,
	.opts = opts,
	.max_args = 0,
	.formats = FORMATS_TEXT_JSON,
	.run = cmd_collect,
};
