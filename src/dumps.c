/* dumps.c - the dumps of a dump directory, newest first (see dumps.h for what an entry costs). */
#include <dirent.h>
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
#include "jsonx.h"
#include "root.h"
#include "util.h"
#include "vmcore/vmcore.h"

struct root;

/* The most of a sidecar read (ours are a few KiB), and of a vmcore-incomplete.reason. */
#define SIDECAR_MAX (1u << 20)
#define REASON_MAX 4096u

static void jcopy(struct json_object *o, const char *a, const char *b, char *out, size_t outlen)
{
	const char *x = jsonx_str(o, a, b);

	if (x)
		xstrlcpy(out, x, outlen);
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

/* Fill e from the sidecar of the dump file base in dfd; 0, or -errno when there is none usable. */
static int from_sidecar(int dfd, const char *base, struct dump_entry *e)
{
	char p[NAME_MAX + 8], when[32] = "", *data = NULL;
	size_t len = 0;
	struct stat st;
	struct json_object *o, *x;
	int r;

	if (xsnprintf(p, sizeof(p), "%s.json", base))
		return -ENAMETOOLONG;
	r = dfd_read_st(dfd, p, SIDECAR_MAX, &data, &len, &st);
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

/* Fill e from the headers of the dump file base in dfd. */
static void from_headers(int dfd, const char *base, struct dump_entry *e)
{
	struct vmcore v;
	char err[256], val[64];
	int64_t t;
	int fd = dfd_open_file(dfd, base);

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
 * A dump directory (open as dfd) with no dump file: 1 when a capture left its
 * kernel log or reason there (e filled: time, reason in note), else 0 (not a dump).
 */
static int no_vmcore(int dfd, struct dump_entry *e)
{
	char **names = NULL, reason[512] = "", *data = NULL;
	size_t n, i, len;
	struct stat st;
	int found = 0;

	if (dfd_names(dfd, &names, &n))
		return 0;
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
	if (found)
		e->note = xstrdup(reason[0] ? reason : "the capture wrote no dump file");
	return found;
}

/* The <host> of a RHEL "<host>-<YYYY-MM-DD-hh:mm:ss>" directory name into e->host. */
static void host_of_name(const char *name, struct dump_entry *e)
{
	size_t n = strlen(name);

	if (n <= 20 || name[n - 20] != '-' || name[n - 15] != '-' || name[n - 12] != '-' || name[n - 9] != '-' ||
	    name[n - 6] != ':' || name[n - 3] != ':' || n - 20 >= sizeof(e->host))
		return;
	memcpy(e->host, name, n - 20);
	e->host[n - 20] = '\0';
	e->named_host = 1;
}

/* Is name Debian's dump.<YYYYMMDDhhmm> (digits only: not its dump.<ts>.json)? */
static int debian_dump_name(const char *name)
{
	size_t i;

	if (!str_startswith(name, "dump.") || !name[5])
		return 0;
	for (i = 5; name[i]; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	return 1;
}

/* The dump file of the dump directory dfd (vmcore, vmcore-incomplete, dump.<ts>), its lstat; 0 or -ENODATA. */
static int find_dump_file(int dfd, char *name, size_t namelen, struct stat *st)
{
	static const char *const rhel[] = { "vmcore", "vmcore-incomplete" };
	char **names = NULL;
	size_t n, i;
	int e = -ENODATA;

	for (i = 0; i < ARRAY_SIZE(rhel); i++)
		if (dfd_lstat(dfd, rhel[i], st) == 0) {
			xstrlcpy(name, rhel[i], namelen);
			return 0;
		}
	if (dfd_names(dfd, &names, &n))
		return -ENODATA;
	for (i = 0; i < n && e; i++)
		if (debian_dump_name(names[i]) && strlen(names[i]) < namelen && !dfd_lstat(dfd, names[i], st)) {
			xstrlcpy(name, names[i], namelen);
			e = 0;
		}
	dfd_names_free(names);
	return e;
}

/* Describe the dump file name (lstat st) in dfd: from its sidecar, else its headers. */
static void describe_file(int dfd, const char *name, const struct stat *st, struct dump_entry *e)
{
	e->debuginfo_match = -1;
	e->incomplete_name = !strcmp(name, "vmcore-incomplete");
	e->time = e->mtime = (int64_t)st->st_mtime;
	if (!S_ISREG(st->st_mode)) {
		e->state = DUMP_UNREADABLE;
		e->note = xstrdup(S_ISLNK(st->st_mode) ? "its dump file is a link, never followed" :
						      "not a regular file");
		return;
	}
	e->size = (uint64_t)st->st_size;
	if (from_sidecar(dfd, name, e))
		from_headers(dfd, name, e);
	e->state = e->complete ? DUMP_COMPLETE : DUMP_INCOMPLETE;
}

/* Fill e for the dump directory name (path) in top; 0 when it holds no dump. */
static int describe_dir(int top, const char *path, const char *name, struct dump_entry *e)
{
	char file[NAME_MAX + 1];
	struct stat st;
	int sub = dfd_sub(top, name);

	e->debuginfo_match = -1;
	e->dir = xstrdup(path);
	if (sub < 0) {
		if (sub == -ENOENT)
			return 0;	/* gone meanwhile */
		e->vmcore = xstrdup(path);
		e->state = DUMP_UNREADABLE;
		e->note = xstrdup(root_strerror(sub));
		return 1;
	}
	host_of_name(name, e);
	if (find_dump_file(sub, file, sizeof(file), &st)) {
		int found = no_vmcore(sub, e);
		close(sub);
		e->vmcore = xstrdup(path);
		e->state = DUMP_NO_VMCORE;
		return found;
	}
	e->vmcore = xmalloc(strlen(path) + strlen(file) + 2);
	sprintf(e->vmcore, "%s/%s", path, file);
	describe_file(sub, file, &st, e);
	close(sub);
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

/* Add the entry name of dir (open as top; lstat st) to the list when it is a dump or should be one. */
static void add(int top, const char *dir, const char *name, const struct stat *st, struct dump_entry **v, size_t *n,
		size_t *cap)
{
	struct dump_entry *e;
	size_t dl = strcmp(dir, "/") ? strlen(dir) : 0;
	char *p = xmalloc(dl + strlen(name) + 2);

	memcpy(p, dir, dl);
	p[dl] = '/';
	strcpy(p + dl + 1, name);
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*v = xrealloc(*v, *cap * sizeof(**v));
	}
	e = &(*v)[*n];
	memset(e, 0, sizeof(*e));
	if (S_ISDIR(st->st_mode)) {
		if (describe_dir(top, p, name, e))
			(*n)++;
		else
			dump_entry_clear(e);
		free(p);
		return;
	}
	/* a bare dump file; named like one but a FIFO, a socket, a device: listed, never opened */
	e->vmcore = p;
	e->dir = xstrdup(dir);
	describe_file(top, name, st, e);
	(*n)++;
}

int dumps_scan(struct root *files KDC_UNUSED, const char *dir, struct dump_entry **out, size_t *n)
{
	char **names = NULL;
	unsigned char *types = NULL;
	size_t cnt, i, cap = 0;
	struct stat st;
	int top = dfd_open_follow(dir), e;

	*out = NULL;
	*n = 0;
	if (top < 0)
		return top;
	e = dfd_names_dt(top, &names, &types, &cnt);
	for (i = 0; !e && i < cnt; i++) {
		/* a directory as readdir says needs no stat of its own: describe_dir opens it O_NOFOLLOW */
		memset(&st, 0, sizeof(st));
		st.st_mode = S_IFDIR;
		if (types[i] != DT_DIR && (types[i] == DT_LNK || dfd_lstat(top, names[i], &st) || S_ISLNK(st.st_mode)))
			continue;	/* gone meanwhile; a link is never followed (prune names it) */
		if (S_ISDIR(st.st_mode) || bare_dump_name(names[i]))
			add(top, dir, names[i], &st, out, n, &cap);
	}
	free(types);
	dfd_names_free(names);
	close(top);
	if (*n)
		qsort(*out, *n, sizeof(**out), newest_first);
	return e;
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
