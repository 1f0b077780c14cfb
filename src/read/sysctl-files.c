/*
 * sysctl-files.c - the boot-time sysctl files of the judged host, in the
 * order its init applies them (see read/sysctl-files.h), read through the
 * root layer and parsed with parse/sysctl.c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parse/sysctl.h"
#include "read/sysctl-files.h"
#include "root.h"
#include "util.h"

/* Directories systemd-sysctl reads, highest priority first. */
static const char *const sysctl_dirs[] = {
	"/etc/sysctl.d",
	"/run/sysctl.d",
	"/usr/local/lib/sysctl.d",
	"/usr/lib/sysctl.d",
	"/lib/sysctl.d",	/* split-/usr hosts (Debian); skipped on EL7 */
};

#define SYSCTL_CONF "/etc/sysctl.conf"

/* Remember the first error of a load in err. */
static void note_err(int *first, int e, char *err, size_t errlen, const char *msg)
{
	if (*first)
		return;
	*first = e;
	if (err && errlen)
		xstrlcpy(err, msg, errlen);
}

/* Read and parse one host file; a missing file is not an error. */
static int apply_file(struct root *r, const char *path, struct sysctl_set *set, int *first,
		      char *err, size_t errlen)
{
	const char *data, *why;
	char msg[1024];
	size_t len;
	unsigned line;
	int e = root_read(r, path, &data, &len);

	if (e == -ENOENT || e == -ENOTDIR)
		return 0;
	if (e) {
		snprintf(msg, sizeof(msg), "%s: %s", path, root_strerror(e));
		note_err(first, e, err, errlen, msg);
		return e;
	}
	e = sysctl_parse(set, path, data, len, &line, &why);
	if (e) {
		if (line)
			snprintf(msg, sizeof(msg), "%s:%u: %s", path, line, why);
		else
			snprintf(msg, sizeof(msg), "%s: %s", path, root_strerror(e));
		note_err(first, e, err, errlen, msg);
	}
	return e;
}

/* A *.conf name systemd would consider (not hidden, not just ".conf"). */
static int is_conf_name(const char *name)
{
	size_t n = strlen(name);

	return name[0] != '.' && n > 5 && strcmp(name + n - 5, ".conf") == 0;
}

struct conf_entry {
	char *name;
	const char *dir;
};

/* Order entries by file name, as systemd does across directories. */
static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct conf_entry *)a)->name, ((const struct conf_entry *)b)->name);
}

/* 1 when a name is already taken by a higher-priority directory. */
static int name_taken(const struct conf_entry *v, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i].name, name) == 0)
			return 1;
	return 0;
}

/* 1 when path is masked: a link to /dev/null, or a character device. */
static int is_masked(struct root *r, const char *path, const struct stat *st)
{
	char link[64];

	if (root_readlink(r, path, link, sizeof(link)) == 0 && strcmp(link, "/dev/null") == 0)
		return 1;
	return S_ISCHR(st->st_mode);
}

/* Gather the unique *.conf names of every directory, first directory wins. */
static int collect_entries(struct root *r, enum host_family fam, struct conf_entry **out, size_t *nout,
			   int *first, char *err, size_t errlen)
{
	struct conf_entry *v = NULL;
	size_t n = 0, cap = 0, d;

	for (d = 0; d < ARRAY_SIZE(sysctl_dirs); d++) {
		char **names, msg[512];
		size_t nn, i;
		int e;

		if (fam == HOST_EL7 && strcmp(sysctl_dirs[d], "/lib/sysctl.d") == 0)
			continue;
		e = root_list(r, sysctl_dirs[d], &names, &nn);
		if (e == -ENOENT || e == -ENOTDIR)
			continue;
		if (e) {
			snprintf(msg, sizeof(msg), "%s: %s", sysctl_dirs[d], root_strerror(e));
			note_err(first, e, err, errlen, msg);
			continue;
		}
		for (i = 0; i < nn; i++) {
			if (!is_conf_name(names[i]) || name_taken(v, n, names[i]))
				continue;
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				v = xrealloc(v, cap * sizeof(*v));
			}
			v[n].name = xstrdup(names[i]);
			v[n].dir = sysctl_dirs[d];
			n++;
		}
		root_names_free(names);
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_entry);
	*out = v;
	*nout = n;
	return 0;
}

/* 1 when two host paths resolve (links followed) to the same file. */
static int same_file(struct root *r, const char *a, const char *b)
{
	char pa[4096], pb[4096];

	if (root_path(r, a, 1, pa, sizeof(pa)) || root_path(r, b, 1, pb, sizeof(pb)))
		return 0;
	return strcmp(pa, pb) == 0;
}

/* The systemd order: sorted sysctl.d files, then /etc/sysctl.conf unless already read. */
static int load_systemd(struct root *r, enum host_family fam, struct sysctl_set *set, int *first,
			char *err, size_t errlen)
{
	struct conf_entry *v;
	size_t n, i;
	int saw_conf = 0;

	collect_entries(r, fam, &v, &n, first, err, errlen);
	for (i = 0; i < n; i++) {
		char path[4096];
		struct stat st;

		if (xsnprintf(path, sizeof(path), "%s/%s", v[i].dir, v[i].name) ||
		    root_stat(r, path, &st) != 0)
			continue;	/* a dangling link: systemd skips it too */
		if (is_masked(r, path, &st) || !S_ISREG(st.st_mode))
			continue;
		if (same_file(r, path, SYSCTL_CONF))
			saw_conf = 1;
		apply_file(r, path, set, first, err, errlen);
	}
	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
	if (!saw_conf) {
		struct stat st;
		if (root_stat(r, SYSCTL_CONF, &st) == 0 && S_ISREG(st.st_mode))
			apply_file(r, SYSCTL_CONF, set, first, err, errlen);
	}
	return 0;
}

int sysctl_load_boot(struct root *r, enum host_family fam, int systemd, struct sysctl_set *set,
		     char *err, size_t errlen)
{
	int first = 0;

	if (err && errlen)
		err[0] = '\0';
	if (!r || !set)
		return -EINVAL;
	if (!systemd || fam == HOST_EL6)
		apply_file(r, SYSCTL_CONF, set, &first, err, errlen);
	else
		load_systemd(r, fam, set, &first, err, errlen);
	return first;
}

