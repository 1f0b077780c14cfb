/* dumps.c - the dumps of a dump directory, newest first. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "dumps.h"
#include "root.h"
#include "jsonx.h"
#include "util.h"
#include "vmcore/vmcore.h"

static void jcopy(struct json_object *o, const char *a, const char *b, char *out, size_t outlen)
{
	const char *x = jsonx_str(o, a, b);

	if (x)
		xstrlcpy(out, x, outlen);
}

/* Fill e from the sidecar; 0, or -errno when there is none usable. */
static int from_sidecar(struct root *files, struct dump_entry *e)
{
	char p[PATH_MAX + 8], when[32] = "";
	const char *data;
	size_t len;
	struct json_object *o, *x;

	if (sidecar_path(&e->files, p, sizeof(p)) || root_read(files, p, &data, &len) || memchr(data, '\0', len))
		return -ENOENT;
	o = json_tokener_parse(data);
	if (!o)
		return -EINVAL;
	e->tagged = 1;
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
	int fd = root_open(files, e->files.vmcore, O_RDONLY);

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
		e->complete = v.complete && !e->files.incomplete_name;
		vmcore_free(&v);
	}
	close(fd);
}

/* Add the dump at path (a dump directory or a vmcore file) to the list. */
static void add(struct root *files, const char *path, struct dump_entry **v, size_t *n, size_t *cap)
{
	struct dump_entry *e;
	struct stat st;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		*v = xrealloc(*v, *cap * sizeof(**v));
	}
	e = &(*v)[*n];
	memset(e, 0, sizeof(*e));
	if (dump_locate(files, path, &e->files))
		return;
	if (root_stat(files, e->files.vmcore, &st) == 0) {
		e->size = (uint64_t)st.st_size;
		e->time = (int64_t)st.st_mtime;
	}
	if (e->files.dir_host[0])
		xstrlcpy(e->host, e->files.dir_host, sizeof(e->host));
	if (from_sidecar(files, e))
		from_headers(files, e);
	(*n)++;
}

static int newest_first(const void *a, const void *b)
{
	const struct dump_entry *x = a, *y = b;

	if (x->time != y->time)
		return x->time > y->time ? -1 : 1;
	return strcmp(x->files.vmcore, y->files.vmcore);
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
		if (root_lstat(files, p, &st))
			continue;
		if (S_ISDIR(st.st_mode) || (S_ISREG(st.st_mode) && bare_dump_name(names[i])))
			add(files, p, out, n, &cap);
	}
	root_names_free(names);
	if (*n)
		qsort(*out, *n, sizeof(**out), newest_first);
	return 0;
}
