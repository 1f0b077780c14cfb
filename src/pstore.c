/* pstore.c - the pstore records of the judged host and their copy into the dump directory. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "compat.h"
#include "dirfd.h"
#include "pstore.h"
#include "root.h"
#include "util.h"

size_t pstore_records(struct root *judged, struct precord **recs)
{
	char **names = NULL, p[PATH_MAX];
	struct stat st;
	size_t n = 0, i, cnt = 0;

	*recs = NULL;
	if (root_list(judged, PSTORE, &names, &n))
		return 0;
	*recs = xcalloc(n ? n : 1, sizeof(**recs));
	for (i = 0; i < n; i++) {
		if (xsnprintf(p, sizeof(p), PSTORE "/%s", names[i]) || root_lstat(judged, p, &st) ||
		    !S_ISREG(st.st_mode) || strlen(names[i]) >= sizeof((*recs)[0].name))
			continue;
		xstrlcpy((*recs)[cnt].name, names[i], sizeof((*recs)[0].name));
		(*recs)[cnt].mtime = (int64_t)st.st_mtime;
		cnt++;
	}
	root_names_free(names);
	return cnt;
}

int64_t pstore_crash_time(const struct precord *recs, size_t n)
{
	int64_t t = 0, tall = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (str_startswith(recs[i].name, "dmesg-") && recs[i].mtime > t)
			t = recs[i].mtime;
		if (recs[i].mtime > tall)
			tall = recs[i].mtime;
	}
	return t ? t : tall;
}

void pstore_dir_name(const char *hostname, int64_t t, char *name, size_t size)
{
	time_t tt = (time_t)t;
	struct tm tm;
	char host[256], stamp[32];
	size_t i;

	xstrlcpy(host, hostname && hostname[0] ? hostname : "localhost", sizeof(host));
	for (i = 0; host[i]; i++)
		if (host[i] == '/')
			host[i] = '_';
	if (!gmtime_r(&tt, &tm) || !strftime(stamp, sizeof(stamp), "%Y-%m-%d-%H:%M:%S", &tm))
		xstrlcpy(stamp, "unknown-time", sizeof(stamp));
	snprintf(name, size, "%s-%s-pstore", host, stamp);
}

/* Remove what a run before left at part: a directory of ours emptied and removed, anything else unlinked. */
static int clear_partial(int dfd, const char *part)
{
	struct stat st;
	char **names = NULL;
	size_t n, i;
	int sub, e;

	if (dfd_lstat(dfd, part, &st))
		return 0;
	if (!S_ISDIR(st.st_mode))
		return dfd_unlink(dfd, part);
	sub = dfd_sub(dfd, part);
	if (sub < 0)
		return sub;
	e = dfd_names(sub, &names, &n);
	for (i = 0; !e && i < n; i++)
		e = dfd_unlink(sub, names[i]);
	dfd_names_free(names);
	close(sub);
	if (!e && unlinkat(dfd, part, AT_REMOVEDIR))
		e = -errno;
	return e;
}

/* Write each record afresh into the open directory sub. */
static int copy_records(struct root *judged, int sub, const struct precord *recs, size_t n, char *failed,
			size_t failedlen)
{
	char src[PATH_MAX];
	const char *data;
	size_t len, i;
	int e;

	for (i = 0; i < n; i++) {
		e = xsnprintf(src, sizeof(src), PSTORE "/%s", recs[i].name);
		if (!e)
			e = root_read(judged, src, &data, &len);
		if (!e)
			e = dfd_write_new(sub, recs[i].name, data, len, 0600);
		if (e) {
			xstrlcpy(failed, recs[i].name, failedlen);
			return e;
		}
	}
	return 0;
}

int pstore_save(struct root *judged, const char *dir, const char *name, const struct precord *recs, size_t n,
		char *failed, size_t failedlen)
{
	char part[NAME_MAX + 1];
	struct stat st;
	int dfd, sub = -1, e;

	xstrlcpy(failed, dir, failedlen);
	dfd = dfd_open(dir);
	if (dfd < 0)
		return dfd;
	xstrlcpy(failed, name, failedlen);
	if (dfd_lstat(dfd, name, &st) == 0) {
		close(dfd);
		return S_ISDIR(st.st_mode) ? -EEXIST : -ENOTDIR;
	}
	e = xsnprintf(part, sizeof(part), ".%s.partial", name);
	if (!e)
		e = clear_partial(dfd, part);
	if (!e && mkdirat(dfd, part, 0700))
		e = -errno;
	if (!e)
		e = sub = dfd_sub(dfd, part);
	if (e >= 0)
		e = copy_records(judged, sub, recs, n, failed, failedlen);
	if (sub >= 0)
		close(sub);
	/* renaming a directory onto anything but a missing name fails: a link planted meanwhile stays as it is */
	if (!e && renameat(dfd, part, dfd, name))
		e = -errno;
	close(dfd);
	return e;
}
