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
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "cmd.h"
#include "root.h"
#include "sidecar.h"
#include "spawn.h"
#include "util.h"

const char cmd_collect_help[] =
	"usage: kdumpcheck [--root DIR] collect [--vmcore FILE] [--target DIR]\n"
	"\n"
	"In the capture kernel: reads ROOT/proc/vmcore and writes into the dump directory\n"
	"of the kdump config (path of /etc/kdump.conf, KDUMP_COREDIR, else the policy's\n"
	"[dump] path). --vmcore and --target name a file and a directory as given instead.\n"
	"\n"
	"Creates DIR/<host>-<YYYY-MM-DD-hh:mm:ss>/ (0700), saves the kernel log first\n"
	"(makedumpfile --dump-dmesg -> vmcore-dmesg.txt), runs makedumpfile with the\n"
	"configured options (core_collector, MAKEDUMP_ARGS, else -l --message-level 1 -d 31)\n"
	"into vmcore-incomplete, fsyncs it and renames it to vmcore only when makedumpfile\n"
	"succeeded, then writes the sidecar vmcore.json. When the capture fails (a full\n"
	"target, makedumpfile's error), the log and the partial vmcore-incomplete are kept\n"
	"and the reason is written to vmcore-incomplete.reason.\n"
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

/* Create the reason file with REASON_ROOM bytes of blanks already on disk; fd or -1. */
static int reason_open(struct root *files, const char *path)
{
	char buf[REASON_ROOM];
	int fd = root_open(files, path, O_WRONLY | O_CREAT | O_TRUNC);
	static const char head[] = "the capture did not finish (the host went down during it)\n";

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

int cmd_collect(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct session s;
	struct root *files = NULL;
	struct spawn_result sr, dr;
	struct dump_files df;
	struct json_object *side = NULL;
	const char *mkd, *cargv[64];
	char vmcore[PATH_MAX], target[PATH_MAX], dir[PATH_MAX], part[PATH_MAX], final[PATH_MAX], dmesg[PATH_MAX];
	char name[128], args[1024], why[PATH_MAX + 600], err[512], sidepath[PATH_MAX + 8], rpath[PATH_MAX + 8];
	size_t n;
	int e, fd = -1, rfd = -1, flattened = 0, dmesg_status = -1, ok = 0;
	double t0;
	struct stat st;

	e = session_open(g, &s);
	if (e)
		return e;
	memset(&sr, 0, sizeof(sr));
	e = root_new("/", &files);
	if (e) {
		die_msg("collect: /: %s", strerror(-e));
		goto fail;
	}
	e = g->vmcore ? path_absolute(g->vmcore, vmcore, sizeof(vmcore))
		      : root_path(s.root, "/proc/vmcore", 1, vmcore, sizeof(vmcore));
	if (!e)
		e = g->target ? path_absolute(g->target, target, sizeof(target))
			      : target_path_host(s.root, ctx_target(&s.ctx), target, sizeof(target));
	if (e) {
		die_msg("collect: a path is too long");
		goto fail;
	}
	if (root_stat(files, vmcore, &st) || !S_ISREG(st.st_mode)) {
		die_msg("collect: %s: no vmcore to collect (not in a capture kernel?)", vmcore);
		goto fail;
	}
	mkd = makedumpfile_path();
	if (!mkd) {
		die_msg("collect: no makedumpfile in /usr/sbin, /sbin or /usr/bin: nothing collected");
		goto fail;
	}
	/* everything collect creates is for root's eyes only */
	umask(077);
	e = root_mkdir(files, target, 0700);
	if (e && e != -EEXIST) {
		die_msg("collect: cannot create the dump directory %s: %s", target, strerror(-e));
		goto fail;
	}
	dump_dir_name(&s.ctx.host, name, sizeof(name));
	if (xsnprintf(dir, sizeof(dir), "%s/%s", target, name) || xsnprintf(part, sizeof(part), "%s/vmcore-incomplete", dir) ||
	    xsnprintf(final, sizeof(final), "%s/vmcore", dir) || xsnprintf(dmesg, sizeof(dmesg), "%s/vmcore-dmesg.txt", dir)) {
		die_msg("collect: %s: path too long", target);
		goto fail;
	}
	e = root_mkdir(files, dir, 0700);
	if (e) {
		die_msg("collect: cannot create %s: %s", dir, strerror(-e));
		goto fail;
	}
	t0 = now_s();

	/* the kernel log first: the smallest, most precious part */
	{
		const char *dargv[] = { mkd, "--dump-dmesg", vmcore, dmesg, NULL };
		if (spawn_run(dargv, -1, STDERR_KEEP, &dr) == 0) {
			dmesg_status = dr.status;
			spawn_result_free(&dr);
		}
		if (dmesg_status == 0)
			root_fsync(files, dmesg);
	}

	/*
	 * The reason file is made before the capture, with room reserved: when
	 * the capture fails because the target is full, there is no room left
	 * to create one. It is overwritten in place on failure, removed on success.
	 */
	if (xsnprintf(rpath, sizeof(rpath), "%s.reason", part) == 0)
		rfd = reason_open(files, rpath);

	xstrlcpy(args, ctx_collector(&s.ctx)->args, sizeof(args));
	cargv[0] = mkd;
	n = 1 + split_args(args, cargv, 1, ARRAY_SIZE(cargv) - 3, &flattened);
	cargv[n++] = vmcore;
	if (flattened) {
		fd = root_open(files, part, O_WRONLY | O_CREAT | O_EXCL);
		if (fd < 0) {
			die_msg("collect: cannot create %s: %s", part, strerror(-fd));
			goto fail;
		}
	} else {
		cargv[n++] = part;
	}
	cargv[n] = NULL;
	e = spawn_run(cargv, fd, STDERR_KEEP, &sr);
	if (fd >= 0 && fsync(fd) < 0 && e == 0 && sr.status == 0)
		sr.status = 1;
	if (fd >= 0)
		close(fd);
	if (e) {
		snprintf(why, sizeof(why), "cannot run %s: %s", mkd, strerror(-e));
	} else if (sr.status) {
		struct statvfs vfs;
		last_line(sr.err, err, sizeof(err));
		/* with --message-level 1 makedumpfile does not say why: a full target is the common case */
		if (root_statvfs(files, dir, &vfs) == 0 && (uint64_t)vfs.f_bavail * vfs.f_frsize < (64u << 10))
			snprintf(why, sizeof(why), "makedumpfile failed (exit %d): the dump target is full "
				 "(%llu bytes free); its last words: %s", sr.status,
				 (unsigned long long)vfs.f_bavail * vfs.f_frsize, err);
		else
			snprintf(why, sizeof(why), "makedumpfile failed (exit %d): %s", sr.status, err);
	} else if ((e = root_fsync(files, part)) || (e = root_rename(files, part, final))) {
		snprintf(why, sizeof(why), "saving %s: %s", part, strerror(-e));
	} else {
		ok = 1;
	}
	if (!ok) {
		struct sbuf b;
		sbuf_init(&b);
		sbuf_printf(&b, "%s\n", why);
		if (sr.err && sr.err[0])
			sbuf_printf(&b, "\nmakedumpfile's messages:\n%s", sr.err);
		reason_write(rfd, b.s, b.len);
		sbuf_free(&b);
	} else if (rfd >= 0) {
		root_unlink(files, rpath);
	}
	if (rfd >= 0)
		close(rfd);

	/* the sidecar, for the whole dump or the partial one */
	if (dump_locate(files, dir, &df) == 0) {
		struct tag_opts o;
		char dumpdir[PATH_MAX];
		memset(&o, 0, sizeof(o));
		if (target_path_host(s.root, ctx_target(&s.ctx), dumpdir, sizeof(dumpdir)))
			dumpdir[0] = '\0';
		if (sidecar_build(s.root, files, dumpdir[0] ? dumpdir : NULL, &df, &o, &side, err, sizeof(err)) == 0) {
			add_capture(side, cargv, e ? -1 : sr.status, sr.err, dmesg_status, now_s() - t0);
			if (sidecar_write(files, &df, side, sidepath, sizeof(sidepath)))
				die_msg("collect: %s: cannot write the sidecar", sidepath);
			json_object_put(side);
		} else if (ok) {
			die_msg("collect: %s: cannot tag it: %s", df.vmcore, err);
		}
	}
	if (!ok) {
		die_msg("collect: %s; kept %s%s and the partial %s", why, dmesg_status == 0 ? dmesg : "",
			dmesg_status == 0 ? "" : "(no kernel log)", part);
		goto fail;
	}
	if (g->verbosity >= 0) {
		char sz[32];
		if (root_stat(files, final, &st) == 0)
			fmt_size((uint64_t)st.st_size, sz, sizeof(sz));
		else
			xstrlcpy(sz, "?", sizeof(sz));
		printf("collected %s (%s) in %.1f s\n", final, sz, now_s() - t0);
	}
	spawn_result_free(&sr);
	root_free(files);
	session_close(&s);
	return 0;
fail:
	spawn_result_free(&sr);
	root_free(files);
	session_close(&s);
	return 1;
}
