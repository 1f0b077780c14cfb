/* dumps.c - the dumps of a dump directory, newest first (see dumps.h for what an entry costs). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "compat.h"
#include "dirfd.h"
#include "dumps.h"
#include "root.h"
#include "jsonx.h"
#include "util.h"
#include "vmcore/vmcore.h"

/* The most of a sidecar read (ours are a few KiB), and of a vmcore-incomplete.reason. */
#define SIDECAR_MAX (1u << 20)
#define REASON_MAX 4096u

static void jcopy(struct json_object *o, const char *a, const char *b, char *out, size_t outlen)
{
	const char *x = jsonx_str(o, a, b);

	if (x)
		xstrlcpy(out, x, outlen);
}

/* Read the file path through its directory's descriptor; 0 or -errno, *st its lstat. */
static int read_beside(const char *path, size_t max, char **data, size_t *len, struct stat *st)
{
	char base[NAME_MAX + 1];
	int e, dfd = dfd_open_parent(path, base, sizeof(base));

	*data = NULL;
	if (dfd < 0)
		return dfd;
	e = dfd_lstat(dfd, base, st);
	if (!e)
		e = dfd_read(dfd, base, max, data, len);
	close(dfd);
	return e;
}

/* Is the parsed sidecar o ours and about this very file? */
static void judge_sidecar(struct dump_entry *e, struct json_object *o, const struct stat *st)
{
	struct json_object *x, *v;

	e->sidecar_current = (int64_t)st->st_mtime >= e->mtime && json_object_object_get_ex(o, "schema", &x) &&
			     json_object_is_type(x, json_type_string) &&
			     !strcmp(json_object_get_string(x), "kdumpcheck.vmcore/1") &&
			     json_object_object_get_ex(o, "vmcore", &v) && json_object_object_get_ex(v, "path", &x) &&
			     json_object_is_type(x, json_type_string) && !strcmp(json_object_get_string(x), e->vmcore);
	e->sidecar_hashed = e->sidecar_current && json_object_object_get_ex(v, "sha256", &x) &&
			    json_object_is_type(x, json_type_string);
}

/* Fill e from the sidecar; 0, or -errno when there is none usable. */
static int from_sidecar(struct dump_entry *e)
{
	char p[PATH_MAX + 8], when[32] = "", *data = NULL;
	size_t len = 0;
	struct stat st;
	struct json_object *o, *x;
	int r;

	if (xsnprintf(p, sizeof(p), "%s.json", e->vmcore))
		return -ENAMETOOLONG;
	r = read_beside(p, SIDECAR_MAX, &data, &len, &st);
	if (r && r != -ENOENT && !e->note)
		e->note = xstrdup(r == -EINVAL ? "its sidecar is not a regular file" : "its sidecar cannot be read");
	o = r || memchr(data, '\0', len) ? NULL : json_tokener_parse(data);
	free(data);
	if (!o)
		return r ? r : -EINVAL;
	e->tagged = 1;
	judge_sidecar(e, o, &st);
	jcopy(o, "kernel", "release", e->release, sizeof(e->release));
	jcopy(o, "host", "hostname", e->host, sizeof(e->host));
	jcopy(o, "crash", "class", e->cls, sizeof(e->cls));
	jcopy(o, "crash", "time", when, sizeof(when));
	if (when[0] && time_parse_iso(when) >= 0) {
		e->time = time_parse_iso(when);
		e->time_known = 1;
	}
	x = jsonx_at(o, "vmcore", "complete");
	e->complete = x && json_object_get_boolean(x);
	x = jsonx_at(o, "debuginfo", "build_id_match");
	e->debuginfo_match = x ? json_object_get_boolean(x) : -1;
	json_object_put(o);
	return 0;
}

/* Fill e from the dump's own headers. */
static void from_headers(struct root *files, struct dump_entry *e)
{
	struct vmcore v;
	char err[256], val[64];
	int64_t t;
	int fd = root_open(files, e->vmcore, O_RDONLY | O_NONBLOCK);

	e->debuginfo_match = -1;
	if (fd < 0)
		return;
	memset(&v, 0, sizeof(v));
	if (vmcore_read(fd, &v, err, sizeof(err)) == 0) {
		if (vmcoreinfo_get(&v, "OSRELEASE", e->release, sizeof(e->release)))
			xstrlcpy(e->release, v.uts_release, sizeof(e->release));
		if (vmcoreinfo_get(&v, "CRASHTIME", val, sizeof(val)) == 0 && parse_i64(val, &t) == 0 && t > 0) {
			e->time = t;
			e->time_known = 1;
		}
		if (v.uts_nodename[0])
			xstrlcpy(e->host, v.uts_nodename, sizeof(e->host));
		e->complete = v.complete && !e->incomplete_name;
		vmcore_free(&v);
	}
	close(fd);
}

/* Is name what a capture leaves beside (or instead of) its dump file: the kernel log or the reason? */
static int capture_leftover(const char *name)
{
	return !strcmp(name, "vmcore-dmesg.txt") || !strcmp(name, "vmcore-incomplete.reason") ||
	       str_startswith(name, "dmesg.");
}

/*
 * A directory with no dump file: 1 when a capture left its kernel log or
 * reason there (e filled: time, reason in note), else 0 (not a dump).
 */
static int no_vmcore(const char *path, struct dump_entry *e)
{
	char **names = NULL, reason[512] = "", *data = NULL;
	size_t n, i, len;
	struct stat st;
	int found = 0, dfd = dfd_open(path);

	if (dfd < 0 || dfd_names(dfd, &names, &n)) {
		if (dfd >= 0)
			close(dfd);
		return 0;
	}
	for (i = 0; i < n; i++) {
		if (!capture_leftover(names[i]) || dfd_lstat(dfd, names[i], &st) || !S_ISREG(st.st_mode))
			continue;
		found = 1;
		if ((int64_t)st.st_mtime > e->time)
			e->time = (int64_t)st.st_mtime;
	}
	if (found && !dfd_read(dfd, "vmcore-incomplete.reason", REASON_MAX, &data, &len))
		text_value(data, len, reason, sizeof(reason));
	free(data);
	dfd_names_free(names);
	close(dfd);
	if (found)
		e->note = xstrdup(reason[0] ? reason : "the capture wrote no dump file");
	return found;
}

/* The <host> of a RHEL "<host>-<YYYY-MM-DD-hh:mm:ss>" directory name into e->host. */
static void host_of_name(const char *path, struct dump_entry *e)
{
	const char *base = strrchr(path, '/');
	size_t n;

	base = base ? base + 1 : path;
	n = strlen(base);
	if (n <= 20 || base[n - 20] != '-' || base[n - 15] != '-' || base[n - 12] != '-' || base[n - 9] != '-' ||
	    base[n - 6] != ':' || base[n - 3] != ':' || n - 20 >= sizeof(e->host))
		return;
	memcpy(e->host, base, n - 20);
	e->host[n - 20] = '\0';
	e->named_host = 1;
}

/* Fill e for the dump at path (a dump directory or a vmcore file); 0 when it is none. */
static int describe(struct root *files, const char *path, struct dump_entry *e)
{
	struct dump_files *df = xmalloc(sizeof(*df));
	struct stat st;
	int r = dump_locate(files, path, df);

	e->debuginfo_match = -1;
	if (r) {
		free(df);
		e->vmcore = xstrdup(path);
		e->dir = xstrdup(path);
		if (r == -ENODATA && no_vmcore(path, e)) {
			e->state = DUMP_NO_VMCORE;
			host_of_name(path, e);
			return 1;
		}
		if (r == -ENODATA || r == -ENOENT)
			return 0;
		e->state = DUMP_UNREADABLE;
		e->note = xstrdup(strerror(-r));
		return 1;
	}
	e->vmcore = xstrdup(df->vmcore);
	e->dir = xstrdup(df->dir);
	e->named_host = df->dir_host[0] != '\0';
	e->incomplete_name = df->incomplete_name;
	if (e->named_host)
		xstrlcpy(e->host, df->dir_host, sizeof(e->host));
	free(df);
	if (root_lstat(files, e->vmcore, &st) == 0) {
		e->size = (uint64_t)st.st_size;
		e->time = e->mtime = (int64_t)st.st_mtime;
	}
	if (from_sidecar(e))
		from_headers(files, e);
	e->state = e->complete ? DUMP_COMPLETE : DUMP_INCOMPLETE;
	return 1;
}

static int newest_first(const void *a, const void *b)
{
	const struct dump_entry *x = a, *y = b;

	if (x->time != y->time)
		return x->time > y->time ? -1 : 1;
	return strcmp(x->vmcore, y->vmcore);
}

/* Is name a bare dump file in the directory itself? */
static int bare_dump_name(const char *name)
{
	size_t n = strlen(name);

	if (n > 5 && !strcmp(name + n - 5, ".json"))
		return 0;
	return !strcmp(name, "vmcore") || !strcmp(name, "vmcore-incomplete") || str_startswith(name, "vmcore.") ||
	       str_startswith(name, "dump.");
}

/* Add the entry at p (lstat st) to the list when it is a dump or should be one. */
static void add(struct root *files, const char *p, const struct stat *st, struct dump_entry **v, size_t *n,
		size_t *cap)
{
	struct dump_entry *e;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*v = xrealloc(*v, *cap * sizeof(**v));
	}
	e = &(*v)[*n];
	memset(e, 0, sizeof(*e));
	if (S_ISDIR(st->st_mode) || S_ISREG(st->st_mode)) {
		if (describe(files, p, e))
			(*n)++;
		else
			dump_entry_clear(e);
		return;
	}
	/* named like a dump but a FIFO, a socket, a device: listed, never opened */
	e->vmcore = xstrdup(p);
	e->dir = xstrdup(p);
	e->state = DUMP_UNREADABLE;
	e->note = xstrdup("not a regular file");
	e->debuginfo_match = -1;
	e->time = e->mtime = (int64_t)st->st_mtime;
	(*n)++;
}

int dumps_scan(struct root *files, const char *dir, struct dump_entry **out, size_t *n)
{
	char **names = NULL, p[PATH_MAX];
	size_t cnt, i, cap = 0;
	struct stat st;
	int e = root_list(files, dir, &names, &cnt);

	*out = NULL;
	*n = 0;
	if (e)
		return e;
	for (i = 0; i < cnt; i++) {
		if (xsnprintf(p, sizeof(p), "%s/%s", strcmp(dir, "/") ? dir : "", names[i]))
			continue;
		if (root_lstat(files, p, &st) || S_ISLNK(st.st_mode))
			continue;	/* gone meanwhile; a link is never followed (prune names it) */
		if (S_ISDIR(st.st_mode) || bare_dump_name(names[i]))
			add(files, p, &st, out, n, &cap);
	}
	root_names_free(names);
	if (*n)
		qsort(*out, *n, sizeof(**out), newest_first);
	return 0;
}

void dump_entry_clear(struct dump_entry *e)
{
	free(e->vmcore);
	free(e->dir);
	free(e->note);
	e->vmcore = e->dir = e->note = NULL;
}

void dumps_free(struct dump_entry *v, size_t n)
{
	size_t i;

	for (i = 0; v && i < n; i++)
		dump_entry_clear(&v[i]);
	free(v);
}

int dump_entry_files(struct root *files, const struct dump_entry *e, struct dump_files *df)
{
	if (e->state == DUMP_NO_VMCORE || e->state == DUMP_UNREADABLE)
		return -ENODATA;
	return dump_locate(files, e->vmcore, df);
}

const char *dump_state_str(enum dump_state s)
{
	static const char *const words[] = { "complete", "incomplete", "no vmcore", "unreadable" };

	return (unsigned)s < ARRAY_SIZE(words) ? words[s] : "unknown";
}
