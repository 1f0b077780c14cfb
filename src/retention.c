/* retention.c - the retention decision (pure), the deletion of one dump, and pruning a dump directory. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <fcntl.h>
#include <unistd.h>

#include "compat.h"
#include "dirfd.h"
#include "policy.h"
#include "retention.h"
#include "root.h"
#include "util.h"

/* a + b, saturating. */
static uint64_t sat_add(uint64_t a, uint64_t b)
{
	return a > UINT64_MAX - b ? UINT64_MAX : a + b;
}

/* pct percent of total, without overflow (pct <= 100). */
static uint64_t pct_of(uint64_t total, uint64_t pct)
{
	return total / 100 * pct + total % 100 * pct / 100;
}

/* Was a file written at mtime less than a day before now (or in the future)? */
static int young(int64_t mtime, int64_t now)
{
	if (mtime >= now)
		return 1;
	return (uint64_t)now - (uint64_t)mtime < RET_YOUNG_SECONDS;
}

/* Is b older than a, as the order of the list requires? */
static int ordered(const struct ret_dump *a, const struct ret_dump *b)
{
	return b->time < a->time || (b->time == a->time && b->mtime <= a->mtime);
}

int retention_decide(const struct ret_dump *d, size_t n, const struct ret_rules *r, struct ret_decision *out,
		     struct ret_sum *sum)
{
	size_t i, ncomplete = 0;

	memset(sum, 0, sizeof(*sum));
	if (r->min_free_is_pct && r->min_free > 100)
		return -EINVAL;
	for (i = 1; i < n; i++)
		if (!ordered(&d[i - 1], &d[i]))
			return -EINVAL;
	for (i = 0; i < n; i++) {
		out[i].del = 0;
		if (d[i].complete) {
			if (ncomplete == 0)
				out[i].why = RET_KEEP_NEWEST;
			else if (ncomplete < r->keep)
				out[i].why = RET_KEEP_COUNT;
			else
				out[i].del = 1, out[i].why = RET_DEL_COUNT;
			ncomplete++;
		} else if (young(d[i].mtime, r->now)) {
			out[i].why = RET_KEEP_YOUNG;
		} else {
			out[i].del = 1, out[i].why = RET_DEL_INCOMPLETE;
		}
		if (out[i].del) {
			sum->freed = sat_add(sum->freed, d[i].bytes);
			sum->ndel++;
		}
	}
	sum->avail_after = sat_add(r->fs_avail, sum->freed);
	sum->met = 1;
	if (!r->have_fs)
		return 0;
	sum->need = r->min_free_is_pct ? pct_of(r->fs_total, r->min_free) : r->min_free;
	for (i = n; i-- > 0 && sum->avail_after < sum->need;) {
		if (out[i].del || out[i].why != RET_KEEP_COUNT)
			continue;
		out[i].del = 1;
		out[i].why = RET_DEL_SPACE;
		sum->freed = sat_add(sum->freed, d[i].bytes);
		sum->avail_after = sat_add(sum->avail_after, d[i].bytes);
		sum->ndel++;
	}
	sum->met = sum->avail_after >= sum->need;
	return 0;
}

const char *retention_why_str(enum ret_why why)
{
	switch (why) {
	case RET_KEEP_NEWEST: return "the newest complete dump, never deleted";
	case RET_KEEP_COUNT: return "one of the newest 'keep' complete dumps";
	case RET_KEEP_YOUNG: return "incomplete but written less than a day ago, never deleted";
	case RET_DEL_COUNT: return "complete, older than the newest 'keep' complete dumps";
	case RET_DEL_INCOMPLETE: return "incomplete and older than a day";
	case RET_DEL_SPACE: return "the oldest left, deleted to bring free space up to min_free";
	}
	return "?";
}

void retention_min_free_str(const struct ret_rules *r, char *out, size_t outlen)
{
	if (r->min_free_is_pct)
		snprintf(out, outlen, "%llu%%", (unsigned long long)r->min_free);
	else
		fmt_size(r->min_free, out, outlen);
}

void retention_reason(const struct ret_rules *r, const struct ret_decision *d, char *out, size_t outlen)
{
	char mf[32];

	retention_min_free_str(r, mf, sizeof(mf));
	switch (d->why) {
	case RET_KEEP_COUNT:
		snprintf(out, outlen, "one of the newest %u complete dumps (keep = %u)", r->keep, r->keep);
		break;
	case RET_DEL_COUNT:
		snprintf(out, outlen, "complete, older than the newest %u (keep = %u)", r->keep ? r->keep : 1, r->keep);
		break;
	case RET_DEL_SPACE:
		snprintf(out, outlen, "the oldest left, deleted to bring free space up to min_free = %s", mf);
		break;
	default:
		xstrlcpy(out, retention_why_str(d->why), outlen);
	}
}

/* Is name one of the files a dump directory is made of? */
static int known_file(const char *name)
{
	size_t n = strlen(name);

	return str_startswith(name, "vmcore") || str_startswith(name, "dmesg.") || str_startswith(name, "dump.") ||
	       (n >= 10 && !strcmp(name + n - 10, "-dmesg.txt")) || (n > 5 && !strcmp(name + n - 5, ".json"));
}

/* Is name a Debian dump directory name, YYYYMMDDhhmm? */
static int debian_dir_name(const char *name)
{
	size_t i;

	for (i = 0; i < 12; i++)
		if (name[i] < '0' || name[i] > '9')
			return 0;
	return name[12] == '\0';
}

/* Space used by the known files of a dump directory (bytes on disk), read through its descriptor. */
static uint64_t dir_bytes(const char *dir)
{
	char **names = NULL, base[NAME_MAX + 1];
	struct stat st;
	uint64_t sum = 0;
	size_t n, i;
	int top = dfd_open_parent(dir, base, sizeof(base)), sub;

	if (top < 0)
		return 0;
	sub = dfd_sub(top, base);
	close(top);
	if (sub < 0)
		return 0;
	if (dfd_names(sub, &names, &n) == 0)
		for (i = 0; i < n; i++)
			if (known_file(names[i]) && !dfd_lstat(sub, names[i], &st) && S_ISREG(st.st_mode))
				sum = sat_add(sum, (uint64_t)st.st_blocks * 512);
	dfd_names_free(names);
	close(sub);
	return sum;
}

/* Space used by a regular file (0 when it is not one). */
static uint64_t file_bytes(struct root *files, const char *path)
{
	struct stat st;

	if (root_lstat(files, path, &st) || !S_ISREG(st.st_mode))
		return 0;
	return (uint64_t)st.st_blocks * 512;
}

static void add_skip(struct ret_plan *p, const char *path, const char *why)
{
	p->skipped = xrealloc(p->skipped, (p->nskipped + 1) * sizeof(*p->skipped));
	p->skipped[p->nskipped].path = xstrdup(path);
	p->skipped[p->nskipped].why = why;
	p->nskipped++;
}

/*
 * Turn a scanned dump into a plan entry; NULL when it is one, else why it is
 * left alone.
 */
static const char *classify(struct root *files, const char *dir, const struct dump_entry *d, struct ret_entry *e)
{
	const char *base;
	size_t dl = strlen(dir);
	char side[PATH_MAX + 8];

	memset(e, 0, sizeof(*e));
	if (d->state == DUMP_NO_VMCORE)
		return "holds no dump file (the capture wrote none): left for you to read and remove";
	if (d->state == DUMP_UNREADABLE)
		return strcmp(d->vmcore, d->dir) ? "its dump file is not a regular file (links are never followed)" :
						   "cannot be read";
	/* the scan saw the dump file with lstat: a regular file (anything else is DUMP_UNREADABLE) */
	e->d = *d;
	e->mtime = d->mtime;
	if (!strcmp(d->dir, dir)) {
		e->bare = 1;
		e->path = d->vmcore;
		e->bytes = file_bytes(files, d->vmcore);
		if (!xsnprintf(side, sizeof(side), "%s.json", d->vmcore))
			e->bytes = sat_add(e->bytes, file_bytes(files, side));
		return NULL;
	}
	if (!strcmp(dir, "/"))
		dl = 0;
	base = !strncmp(d->dir, dir, dl) && d->dir[dl] == '/' ? d->dir + dl + 1 : NULL;
	if (!base || !*base || strchr(base, '/'))
		return "not directly in the dump directory";
	if (!d->named_host && !debian_dir_name(base))
		return "holds a dump but is not named like a dump directory (<host>-<YYYY-MM-DD-hh:mm:ss> or <YYYYMMDDhhmm>)";
	e->path = d->dir;
	e->bytes = dir_bytes(e->path);
	return NULL;
}

/* Newest first: crash time, then the file's mtime, then the path. */
static int entry_order(const void *a, const void *b)
{
	const struct ret_entry *x = a, *y = b;

	if (x->d.time != y->d.time)
		return x->d.time > y->d.time ? -1 : 1;
	if (x->mtime != y->mtime)
		return x->mtime > y->mtime ? -1 : 1;
	return strcmp(x->path, y->path);
}

/* Note the links in dir: never followed, never deleted. */
static void skip_links(struct root *files, const char *dir, struct ret_plan *p)
{
	char **names = NULL, path[PATH_MAX];
	struct stat st;
	size_t n, i;

	if (root_list(files, dir, &names, &n))
		return;
	for (i = 0; i < n; i++)
		if (!xsnprintf(path, sizeof(path), "%s/%s", strcmp(dir, "/") ? dir : "", names[i]) &&
		    !root_lstat(files, path, &st) && S_ISLNK(st.st_mode))
			add_skip(p, path, "a link, never followed");
	root_names_free(names);
}

int retention_plan(struct root *files, const char *dir, const struct policy *pol, int64_t now, struct ret_plan *p)
{
	struct dump_entry *v = NULL;
	struct ret_dump *rd = NULL;
	struct ret_decision *dec = NULL;
	struct statvfs vfs;
	char d[PATH_MAX];
	size_t n = 0, i, len;
	int e;

	memset(p, 0, sizeof(*p));
	if (xstrlcpy(d, dir, sizeof(d)) >= sizeof(d))
		return -ENAMETOOLONG;
	len = strlen(d);
	while (len > 1 && d[len - 1] == '/')
		d[--len] = '\0';
	e = dumps_scan(files, d, &v, &n);
	if (e)
		return e;
	p->v = xcalloc(n ? n : 1, sizeof(*p->v));
	for (i = 0; i < n; i++) {
		const char *why = classify(files, d, &v[i], &p->v[p->n]);
		if (why) {
			add_skip(p, v[i].dir[0] && strcmp(v[i].dir, d) ? v[i].dir : v[i].vmcore, why);
			dump_entry_clear(&v[i]);
		} else {
			p->n++;	/* the entry now owns v[i]'s strings */
		}
	}
	free(v);
	skip_links(files, d, p);
	if (p->n)
		qsort(p->v, p->n, sizeof(*p->v), entry_order);
	p->rules.keep = pol->keep;
	p->rules.min_free_is_pct = pol->min_free_is_pct;
	p->rules.min_free = pol->min_free;
	p->rules.now = now;
	if (root_statvfs(files, d, &vfs) == 0) {
		uint64_t unit = vfs.f_frsize ? vfs.f_frsize : vfs.f_bsize;
		p->rules.have_fs = 1;
		p->rules.fs_total = (uint64_t)vfs.f_blocks * unit;
		p->rules.fs_avail = (uint64_t)vfs.f_bavail * unit;
	}
	rd = xcalloc(p->n ? p->n : 1, sizeof(*rd));
	dec = xcalloc(p->n ? p->n : 1, sizeof(*dec));
	for (i = 0; i < p->n; i++) {
		rd[i].time = p->v[i].d.time;
		rd[i].mtime = p->v[i].mtime;
		rd[i].bytes = p->v[i].bytes;
		rd[i].complete = p->v[i].d.complete;
	}
	e = retention_decide(rd, p->n, &p->rules, dec, &p->sum);
	for (i = 0; !e && i < p->n; i++)
		p->v[i].dec = dec[i];
	free(rd);
	free(dec);
	if (e)
		retention_plan_free(p);
	return e;
}

void retention_plan_free(struct ret_plan *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		dump_entry_clear(&p->v[i].d);
		free(p->v[i].other);
	}
	for (i = 0; i < p->nskipped; i++)
		free(p->skipped[i].path);
	free(p->v);
	free(p->skipped);
	memset(p, 0, sizeof(*p));
}

/* Append "name" (comma-separated) to a message buffer. */
static void note(char *buf, size_t len, const char *what)
{
	size_t used = strlen(buf);

	if (used + 1 >= len)
		return;
	snprintf(buf + used, len - used, "%s%s", used ? ", " : "", what);
}

/* Delete a bare dump file and its sidecar, through the dump directory's descriptor. */
static int delete_bare(const struct ret_entry *e, char *other, size_t otherlen)
{
	char base[NAME_MAX + 1], side[NAME_MAX + 8];
	struct stat st;
	int r, dfd = dfd_open_parent(e->path, base, sizeof(base));

	if (dfd < 0) {
		note(other, otherlen, e->path);
		return dfd;
	}
	r = dfd_lstat(dfd, base, &st);
	if (!r && !S_ISREG(st.st_mode))
		r = -EPERM;	/* swapped for something else meanwhile: left alone */
	if (!r)
		r = dfd_unlink(dfd, base);
	if (r && r != -ENOENT) {
		note(other, otherlen, e->path);
		close(dfd);
		return r;
	}
	r = 0;
	if (!xsnprintf(side, sizeof(side), "%s.json", base)) {
		r = dfd_unlink(dfd, side);
		if (r == -ENOENT)
			r = 0;
		else if (r)
			note(other, otherlen, side);
	}
	close(dfd);
	return r;
}

/* Remove the known files of the open dump directory sub; what is kept goes to extra, failures to other. */
static int delete_files(int sub, char *extra, size_t extralen, char *other, size_t otherlen)
{
	char **names = NULL;
	struct stat st;
	size_t n, i;
	int err = 0, r = dfd_names(sub, &names, &n);

	if (r)
		return r;
	for (i = 0; i < n; i++) {
		if (dfd_lstat(sub, names[i], &st) || !known_file(names[i]) || S_ISDIR(st.st_mode)) {
			note(extra, extralen, names[i]);
			continue;
		}
		r = dfd_unlink(sub, names[i]);
		if (r && r != -ENOENT) {
			if (!err)
				err = r;
			note(other, otherlen, names[i]);
		}
	}
	dfd_names_free(names);
	return err;
}

int retention_delete(struct root *files KDC_UNUSED, const struct ret_entry *e, char *other, size_t otherlen)
{
	char base[NAME_MAX + 1], extra[1024] = "";
	int dfd, sub, r;

	if (otherlen)
		other[0] = '\0';
	if (e->bare)
		return delete_bare(e, other, otherlen);
	dfd = dfd_open_parent(e->path, base, sizeof(base));
	if (dfd < 0)
		return dfd == -ENOENT ? 0 : dfd;
	/* the dump's own directory, never through a link: one swapped in meanwhile fails here */
	sub = dfd_sub(dfd, base);
	if (sub < 0) {
		close(dfd);
		if (sub == -ELOOP || sub == -ENOTDIR)
			xstrlcpy(other, "it is no longer a directory (a link or file took its place)", otherlen);
		return sub == -ENOENT ? 0 : sub;
	}
	r = delete_files(sub, extra, sizeof(extra), other, otherlen);
	close(sub);
	if (r) {
		close(dfd);
		return r;
	}
	if (extra[0]) {
		close(dfd);
		xstrlcpy(other, extra, otherlen);
		return -ENOTEMPTY;
	}
	r = unlinkat(dfd, base, AT_REMOVEDIR) ? -errno : 0;
	close(dfd);
	if (r == -ENOTEMPTY || r == -EEXIST) {
		xstrlcpy(other, "files that appeared meanwhile", otherlen);
		return -ENOTEMPTY;
	}
	return r == -ENOENT ? 0 : r;
}

int retention_prune(const char *dir, const struct policy *pol, int64_t now, int dry_run, struct ret_plan *p)
{
	struct root *files = NULL;
	char other[1024];
	size_t i;
	int e = root_new("/", &files);

	memset(p, 0, sizeof(*p));
	if (!e)
		e = retention_plan(files, dir, pol, now, p);
	for (i = 0; !e && !dry_run && i < p->n; i++) {
		struct ret_entry *x = &p->v[i];
		if (!x->dec.del)
			continue;
		x->tried = 1;
		x->result = retention_delete(files, x, other, sizeof(other));
		x->other = xstrdup(other);
	}
	root_free(files);
	return e;
}
