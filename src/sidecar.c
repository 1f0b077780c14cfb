/* sidecar.c - the metadata sidecar of one dump (SPEC §5). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "checks/common.h"
#include "compat.h"
#include "dirfd.h"
#include "crypto.h"
#include "hash.h"
#include "parse/elfnote.h"
#include "root.h"
#include "sidecar.h"
#include "spawn.h"
#include "jsonx.h"
#include "util.h"
#include "vmcore/dmesg.h"
#include "vmcore/vmcore.h"

#ifndef JSON_C_TO_STRING_NOSLASHESCAPE
#define JSON_C_TO_STRING_NOSLASHESCAPE 0
#endif

/* Does name look like Debian's dump.<YYYYMMDDhhmm>? */
static int debian_dump_name(const char *name)
{
	return str_startswith(name, "dump.") && name[5] >= '0' && name[5] <= '9';
}

/* "<host>-YYYY-MM-DD-hh:mm:ss" -> host; "" when the name is not of that form. */
static void host_of_dir(const char *dir, char *out, size_t outlen)
{
	const char *base = strrchr(dir, '/');
	size_t n;
	int y, mo, d, h, mi, s;
	char tail[32];

	out[0] = '\0';
	base = base ? base + 1 : dir;
	n = strlen(base);
	if (n <= 20 || base[n - 20] != '-')
		return;
	if (sscanf(base + n - 19, "%4d-%2d-%2d-%2d:%2d:%2d%31s", &y, &mo, &d, &h, &mi, &s, tail) != 6)
		return;
	n -= 20;
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, base, n);
	out[n] = '\0';
}

/* Fill the sibling files of a vmcore at df->vmcore. */
static void siblings(struct root *files, struct dump_files *df)
{
	const char *base = strrchr(df->vmcore, '/') + 1;
	char p[PATH_MAX];
	struct stat st;
	int e;

	xstrlcpy(df->dir, df->vmcore, sizeof(df->dir));
	df->dir[base - 1 - df->vmcore > 0 ? base - 1 - df->vmcore : 1] = '\0';
	host_of_dir(df->dir, df->dir_host, sizeof(df->dir_host));
	df->incomplete_name = !strcmp(base, "vmcore-incomplete");
	df->dmesg[0] = '\0';
	if (debian_dump_name(base))
		e = xsnprintf(p, sizeof(p), "%s/dmesg.%s", df->dir, base + 5);
	else
		e = xsnprintf(p, sizeof(p), "%s/vmcore-dmesg.txt", df->dir);
	if (!e && root_stat(files, p, &st) == 0 && S_ISREG(st.st_mode))
		xstrlcpy(df->dmesg, p, sizeof(df->dmesg));
}

int dump_locate(struct root *files, const char *path, struct dump_files *df)
{
	static const char *const names[] = { "vmcore", "vmcore-incomplete" };
	struct stat st;
	char **list = NULL;
	size_t n, i;
	int e;

	memset(df, 0, sizeof(*df));
	e = root_stat(files, path, &st);
	if (e)
		return e;
	if (S_ISREG(st.st_mode)) {
		if (xsnprintf(df->vmcore, sizeof(df->vmcore), "%s", path))
			return -ENAMETOOLONG;
		siblings(files, df);
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		return -EINVAL;
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (xsnprintf(df->vmcore, sizeof(df->vmcore), "%s/%s", path, names[i]))
			return -ENAMETOOLONG;
		if (root_stat(files, df->vmcore, &st) == 0 && S_ISREG(st.st_mode)) {
			siblings(files, df);
			return 0;
		}
	}
	e = root_list(files, path, &list, &n);
	if (e)
		return e;
	e = -ENODATA;
	for (i = 0; i < n && e; i++) {
		if (!debian_dump_name(list[i]))
			continue;
		if (xsnprintf(df->vmcore, sizeof(df->vmcore), "%s/%s", path, list[i]) == 0) {
			siblings(files, df);
			e = 0;
		}
	}
	root_names_free(list);
	if (e)
		df->vmcore[0] = '\0';
	return e;
}

int sidecar_path(const struct dump_files *df, char *out, size_t outlen)
{
	return xsnprintf(out, outlen, "%s.json", df->vmcore);
}


/*
 * The dump's kernel log: its saved dmesg file, else what makedumpfile
 * --dump-dmesg extracts. Returns a malloc'd text or NULL; *source says which.
 */
static char *dump_log(struct root *files, const struct dump_files *df, size_t *len, const char **source)
{
	const char *data, *mkd;
	char tmp[PATH_MAX];
	const char *tmpdir = getenv("TMPDIR");
	struct spawn_result sr;
	char *text = NULL;
	int fd;

	*source = NULL;
	if (df->dmesg[0] && root_read(files, df->dmesg, &data, len) == 0) {
		*source = df->dmesg;
		return xstrndup(data, *len);
	}
	mkd = makedumpfile_path();
	if (!mkd)
		return NULL;
	if (xsnprintf(tmp, sizeof(tmp), "%s/kdumpcheck-dmesg.XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp"))
		return NULL;
	fd = mkstemp(tmp);
	if (fd < 0)
		return NULL;
	close(fd);
	{
		const char *argv[] = { mkd, "--dump-dmesg", df->vmcore, tmp, NULL };
		/* makedumpfile refuses to overwrite an existing file */
		unlink(tmp);
		if (spawn_run(argv, -1, 4096, &sr) == 0) {
			if (sr.status == 0 && root_read(files, tmp, &data, len) == 0) {
				text = xstrndup(data, *len);
				*source = "makedumpfile --dump-dmesg";
			}
			spawn_result_free(&sr);
		}
	}
	unlink(tmp);
	return text;
}

/* The judged host's debug vmlinux for release, as a path of the machine we run on. */
static int find_vmlinux(struct root *judged, const char *release, char *out, size_t outlen, char *hostpath,
			size_t hostlen)
{
	char p[PATH_MAX];
	struct stat st;
	int i;

	for (i = 0; i < 2; i++) {
		if (xsnprintf(p, sizeof(p), i ? "/usr/lib/debug/boot/vmlinux-%s" : "/usr/lib/debug/lib/modules/%s/vmlinux",
			      release))
			continue;
		if (root_stat(judged, p, &st) == 0 && S_ISREG(st.st_mode)) {
			xstrlcpy(out, p, outlen);
			return root_path(judged, p, 1, hostpath, hostlen);
		}
	}
	return -ENOENT;
}

/* Progress on stderr: "sha256 vmcore  42% 1.2G/2.9G". */
static void progress_bar(uint64_t done, uint64_t total, void *arg)
{
	char a[32], b[32];

	fmt_size(done, a, sizeof(a));
	fmt_size(total, b, sizeof(b));
	fprintf(stderr, "\rsha256 %s %3u%% %s/%s%s", (const char *)arg,
		total ? (unsigned)(done * 100 / total) : 100, a, b, done >= total ? "\n" : "");
}

/* The "crash" object from the dump's log. */
static struct json_object *crash_json(const char *log, size_t loglen, const struct vmcore *v)
{
	struct json_object *o = json_object_new_object(), *arr;
	struct crash_story cs;
	char val[64], when[32];
	int64_t t;
	size_t i;

	when[0] = '\0';
	if (vmcoreinfo_get(v, "CRASHTIME", val, sizeof(val)) == 0 && parse_i64(val, &t) == 0 && t > 0)
		time_iso(t, when, sizeof(when));
	json_object_object_add(o, "time", jsonx_str_or_null(when));
	if (!log) {
		json_object_object_add(o, "class", NULL);
		json_object_object_add(o, "panic_message", NULL);
		json_object_object_add(o, "blocked_tasks", NULL);
		json_object_object_add(o, "taint", NULL);
		json_object_object_add(o, "modules_out_of_tree", NULL);
		return o;
	}
	memset(&cs, 0, sizeof(cs));
	dmesg_story(log, loglen, &cs);
	json_object_object_add(o, "class", json_object_new_string(crash_class_name(cs.cls)));
	json_object_object_add(o, "panic_message", jsonx_str_or_null(cs.panic_message));
	arr = json_object_new_array();
	for (i = 0; i < cs.ntasks; i++) {
		struct json_object *t1 = json_object_new_object();
		json_object_object_add(t1, "comm", json_object_new_string(cs.tasks[i].comm));
		json_object_object_add(t1, "pid", json_object_new_int64(cs.tasks[i].pid));
		json_object_object_add(t1, "seconds",
				       cs.tasks[i].seconds >= 0 ? json_object_new_int64(cs.tasks[i].seconds) : NULL);
		json_object_array_add(arr, t1);
	}
	json_object_object_add(o, "blocked_tasks", arr);
	json_object_object_add(o, "taint", cs.have_taint ? json_object_new_string(cs.taint) : NULL);
	arr = json_object_new_array();
	for (i = 0; i < cs.noot; i++)
		json_object_array_add(arr, json_object_new_string(cs.oot_modules[i]));
	json_object_object_add(o, "modules_out_of_tree", arr);
	crash_story_free(&cs);
	return o;
}

/* The first line of the judged host's /etc/machine-id, when the dump is that host's own. */
static void machine_id(struct root *judged, const char *dump_dir_on_host, const struct dump_files *df, char *out,
		       size_t outlen)
{
	const char *data;
	size_t len, n = dump_dir_on_host ? strlen(dump_dir_on_host) : 0;

	out[0] = '\0';
	if (!n || strncmp(df->vmcore, dump_dir_on_host, n) || df->vmcore[n] != '/')
		return;
	if (root_read(judged, "/etc/machine-id", &data, &len) == 0)
		text_value(data, len, out, outlen);
}

/*
 * Read the dump's headers, size and (unless o->no_hash) sha256 into v, st
 * and sha ("" when not hashed). 0, or -errno with err filled.
 */
static int read_dump(struct root *files, const struct dump_files *df, const struct tag_opts *o, struct vmcore *v,
		     struct stat *st, char *sha, char *err, size_t errlen)
{
	int e, fd = root_open(files, df->vmcore, O_RDONLY);

	if (fd < 0) {
		snprintf(err, errlen, "%s", root_strerror(fd));
		return fd;
	}
	e = vmcore_read(fd, v, err, errlen);
	if (e) {
		close(fd);
		return e;
	}
	if (fstat(fd, st) < 0) {
		e = -errno;
		snprintf(err, errlen, "%s", strerror(errno));
		goto out;
	}
	sha[0] = '\0';
	if (!o->no_hash) {
		e = sha256_fd(fd, sha, NULL, o->progress && st->st_size > (256 << 20) ? progress_bar : NULL,
			      (void *)df->vmcore);
		if (e == -ELIBACC)
			snprintf(err, errlen, "no sha256: %s (tag --no-hash leaves it out)", crypto_error());
		else if (e)
			snprintf(err, errlen, "reading it for the sha256: %s", root_strerror(e));
	}
out:
	if (e)
		vmcore_free(v);
	close(fd);
	return e;
}

/* The "vmcore" member: the file, its format and whether it is whole. */
static struct json_object *vmcore_json(const struct dump_files *df, const struct vmcore *v, const struct stat *st,
				       const char *sha)
{
	struct json_object *jv = json_object_new_object();
	char val[64];
	uint64_t page = 0;

	json_object_object_add(jv, "path", json_object_new_string(df->vmcore));
	json_object_object_add(jv, "format", json_object_new_string(vmcore_format_name(v->format)));
	json_object_object_add(jv, "size_bytes", json_object_new_int64((int64_t)st->st_size));
	json_object_object_add(jv, "sha256", jsonx_str_or_null(sha));
	json_object_object_add(jv, "complete", json_object_new_boolean(v->complete && !df->incomplete_name));
	if (!v->complete && v->incomplete_why[0])
		json_object_object_add(jv, "incomplete_reason", json_object_new_string(v->incomplete_why));
	else if (df->incomplete_name)
		json_object_object_add(jv, "incomplete_reason",
				       json_object_new_string("named vmcore-incomplete: the capture did not finish"));
	json_object_object_add(jv, "dump_level", v->dump_level >= 0 ? json_object_new_int(v->dump_level) : NULL);
	json_object_object_add(jv, "compression", jsonx_str_or_null(v->compression));
	if (v->page_size)
		page = v->page_size;
	else if (vmcoreinfo_get(v, "PAGESIZE", val, sizeof(val)) == 0)
		parse_u64(val, 10, &page);
	json_object_object_add(jv, "page_size", page ? json_object_new_int64((int64_t)page) : NULL);
	return jv;
}

/* The "kernel" member; rel and bid get the release and build-id ("" unknown). */
static struct json_object *kernel_json(const struct vmcore *v, char *rel, size_t rellen, char *bid, size_t bidlen)
{
	struct json_object *jk = json_object_new_object();

	rel[0] = bid[0] = '\0';
	if (vmcoreinfo_get(v, "OSRELEASE", rel, rellen))
		xstrlcpy(rel, v->uts_release, rellen);
	if (vmcoreinfo_get(v, "BUILD-ID", bid, bidlen))
		bid[0] = '\0';
	json_object_object_add(jk, "release", jsonx_str_or_null(rel));
	json_object_object_add(jk, "build_id", jsonx_str_or_null(bid));
	json_object_object_add(jk, "arch", jsonx_str_or_null(v->uts_machine));
	return jk;
}

/* The "debuginfo" and "analysis" members: the vmlinux of release rel, and the crash command. */
static void debuginfo_json(struct root *judged, const struct dump_files *df, const char *rel, const char *bid,
			   struct json_object **jd_out, struct json_object **ja_out)
{
	struct json_object *jd = json_object_new_object(), *ja = json_object_new_object();
	char vml[PATH_MAX], vmlhost[PATH_MAX], dbid[2 * BUILDID_MAX + 1], cmd[4 * PATH_MAX + 16];
	char qv[2 * PATH_MAX], qc[2 * PATH_MAX];
	int have_vml;

	vmlhost[0] = '\0';
	have_vml = rel[0] && find_vmlinux(judged, rel, vml, sizeof(vml), vmlhost, sizeof(vmlhost)) == 0;

	json_object_object_add(jd, "vmlinux", have_vml ? json_object_new_string(vmlhost) : NULL);
	if (have_vml && bid[0]) {
		int vfd = root_open(judged, vml, O_RDONLY);
		if (vfd >= 0 && buildid_from_elf_fd(vfd, dbid, sizeof(dbid)) == 0)
			json_object_object_add(jd, "build_id_match", json_object_new_boolean(!strcmp(dbid, bid)));
		else
			json_object_object_add(jd, "build_id_match", NULL);
		if (vfd >= 0)
			close(vfd);
	} else {
		json_object_object_add(jd, "build_id_match", NULL);
	}
	sh_quote(vmlhost, qv, sizeof(qv));
	sh_quote(df->vmcore, qc, sizeof(qc));
	if (have_vml && xsnprintf(cmd, sizeof(cmd), "crash %s %s", qv, qc) == 0) {
		/* the paths are host words: quoted for the shell, and as an argv that needs none */
		struct json_object *argv = json_object_new_array();
		json_object_array_add(argv, json_object_new_string("crash"));
		json_object_array_add(argv, json_object_new_string(vmlhost));
		json_object_array_add(argv, json_object_new_string(df->vmcore));
		json_object_object_add(ja, "crash_command", json_object_new_string(cmd));
		json_object_object_add(ja, "crash_argv", argv);
	} else {
		json_object_object_add(ja, "crash_command", NULL);
		json_object_object_add(ja, "crash_argv", NULL);
	}
	*jd_out = jd;
	*ja_out = ja;
}

/* The "collector" member: this tool, where the kernel log came from, and now. */
static struct json_object *collector_json(const char *log_source)
{
	struct json_object *jv = json_object_new_object();
	char now[32];

	json_object_object_add(jv, "tool", json_object_new_string("kdumpcheck"));
	json_object_object_add(jv, "version", json_object_new_string(KDC_VERSION));
	json_object_object_add(jv, "dmesg_source", jsonx_str_or_null(log_source));
	time_iso((int64_t)time(NULL), now, sizeof(now));
	json_object_object_add(jv, "tagged_at", json_object_new_string(now));
	return jv;
}

int sidecar_build(struct root *judged, struct root *files, const char *dump_dir_on_host, const struct dump_files *df,
		  const struct tag_opts *o, struct json_object **out, char *err, size_t errlen)
{
	struct json_object *top, *jv, *jk, *jh, *jd, *ja, *jc;
	struct vmcore v;
	struct stat st;
	char sha[65], rel[128], bid[2 * BUILDID_MAX + 1], mid[64];
	const char *log_source;
	char *log;
	size_t loglen = 0;
	int e;

	*out = NULL;
	memset(&v, 0, sizeof(v));
	e = read_dump(files, df, o, &v, &st, sha, err, errlen);
	if (e)
		return e;
	jv = vmcore_json(df, &v, &st, sha);
	jk = kernel_json(&v, rel, sizeof(rel), bid, sizeof(bid));

	log = dump_log(files, df, &loglen, &log_source);
	jc = crash_json(log, loglen, &v);
	free(log);

	jh = json_object_new_object();
	json_object_object_add(jh, "hostname", jsonx_str_or_null(v.uts_nodename[0] ? v.uts_nodename : df->dir_host));
	machine_id(judged, dump_dir_on_host, df, mid, sizeof(mid));
	json_object_object_add(jh, "machine_id", jsonx_str_or_null(mid));
	debuginfo_json(judged, df, rel, bid, &jd, &ja);

	top = json_object_new_object();
	json_object_object_add(top, "schema", json_object_new_string("kdumpcheck.vmcore/1"));
	json_object_object_add(top, "vmcore", jv);
	json_object_object_add(top, "kernel", jk);
	json_object_object_add(top, "crash", jc);
	json_object_object_add(top, "host", jh);
	json_object_object_add(top, "debuginfo", jd);
	json_object_object_add(top, "analysis", ja);
	json_object_object_add(top, "collector", collector_json(log_source));
	*out = top;
	vmcore_free(&v);
	return 0;
}

/*
 * A sidecar written again (harvest or tag after the reboot) keeps what only
 * the capture knew, from the one it replaces: the collector's "capture"
 * (makedumpfile's command line, status and time) and the "target" collect
 * used. An old sidecar that is not JSON gives nothing.
 */
static void carry_capture(int dfd, const char *base, struct json_object *side)
{
	struct json_object *old, *col, *x;
	char *data = NULL;
	size_t len = 0;

	if (dfd_read(dfd, base, DFD_READ_MAX, &data, &len))
		return;
	old = memchr(data, '\0', len) ? NULL : json_tokener_parse(data);
	free(data);
	if (!old)
		return;
	x = jsonx_at(old, "collector", "capture");
	if (json_object_object_get_ex(side, "collector", &col) && !json_object_object_get_ex(col, "capture", NULL) &&
	    json_object_is_type(x, json_type_object))
		json_object_object_add(col, "capture", json_object_get(x));
	x = jsonx_at(old, "target", NULL);
	if (!json_object_object_get_ex(side, "target", NULL) && json_object_is_type(x, json_type_object))
		json_object_object_add(side, "target", json_object_get(x));
	json_object_put(old);
}

int sidecar_write(struct root *files KDC_UNUSED, const struct dump_files *df, struct json_object *side, char *path_out,
		  size_t pathlen)
{
	const char *text;
	struct sbuf b;
	char base[NAME_MAX + 1];
	int dfd, e = sidecar_path(df, path_out, pathlen);

	if (e)
		return e;
	/* through the dump directory's descriptor: a link planted as VMCORE.json is replaced, never followed */
	dfd = dfd_open_parent(path_out, base, sizeof(base));
	if (dfd >= 0)
		carry_capture(dfd, base, side);
	text = jsonx_to_string(side, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | JSON_C_TO_STRING_NOSLASHESCAPE);
	sbuf_init(&b);
	sbuf_puts(&b, text);
	sbuf_puts(&b, "\n");
	e = dfd < 0 ? dfd : dfd_write_replace(dfd, base, b.s, b.len, 0600);
	if (dfd >= 0)
		close(dfd);
	sbuf_free(&b);
	return e;
}

int sidecar_current(struct root *files, const struct dump_files *df, int need_hash)
{
	struct json_object *o, *v, *x;
	char p[PATH_MAX + 8];
	struct stat sv, ss;
	const char *data;
	size_t len;
	int ok;

	if (sidecar_path(df, p, sizeof(p)) || root_stat(files, df->vmcore, &sv) || root_stat(files, p, &ss))
		return 0;
	if (ss.st_mtime < sv.st_mtime || root_read(files, p, &data, &len) || memchr(data, '\0', len))
		return 0;
	o = json_tokener_parse(data);
	if (!o)
		return 0;
	ok = json_object_object_get_ex(o, "schema", &x) && json_object_is_type(x, json_type_string) &&
	     !strcmp(json_object_get_string(x), "kdumpcheck.vmcore/1") && json_object_object_get_ex(o, "vmcore", &v) &&
	     json_object_object_get_ex(v, "path", &x) && json_object_is_type(x, json_type_string) &&
	     !strcmp(json_object_get_string(x), df->vmcore);
	if (ok && need_hash)
		ok = json_object_object_get_ex(v, "sha256", &x) && json_object_is_type(x, json_type_string);
	json_object_put(o);
	return ok;
}
