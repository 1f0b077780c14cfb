/* root.c - path resolution under --root, and the read-once file cache. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <unistd.h>
#include <sys/vfs.h>

#include "root.h"
#include "util.h"

#define MAX_LINKS 40

/* statfs(2) f_type of the kernel's own file systems (linux/magic.h, which EL6 may lack). */
#define KDC_PROC_SUPER_MAGIC 0x9fa0UL
#define KDC_SYSFS_MAGIC 0x62656572UL

struct cached {
	struct cached *next;
	char *path;
	char *data;
	size_t len;
	int err;
};

struct root {
	char *given;		/* as given, for messages */
	char *dir;		/* normalized, no trailing slash; "" for "/" */
	size_t dirlen;
	unsigned opens;
	struct cached *cache[64];
};

/* The root directory as the layer keeps it: absolute, no trailing slash, "" for "/". */
static int dir_normal(const char *dir, char **out)
{
	size_t n;

	if (!dir || !*dir)
		dir = "/";
	if (dir[0] != '/') {
		/* host paths under the root must be absolute: other roots (of "/") read them */
		char abspath[PATH_MAX];
		int e = path_absolute(dir, abspath, sizeof(abspath));
		if (e)
			return e;
		*out = xstrdup(abspath);
		return 0;
	}
	n = strlen(dir);
	while (n > 0 && dir[n - 1] == '/')
		n--;
	*out = xstrndup(dir, n);
	return 0;
}

int root_new(const char *dir, struct root **out)
{
	struct root *r;
	struct stat st;
	int e;

	if (!dir || !*dir)
		dir = "/";
	if (stat(dir, &st) < 0)
		return -errno;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	r = xcalloc(1, sizeof(*r));
	e = dir_normal(dir, &r->dir);
	if (e) {
		free(r);
		return e;
	}
	r->given = xstrdup(dir);
	r->dirlen = strlen(r->dir);
	*out = r;
	return 0;
}

void root_free(struct root *r)
{
	size_t i;

	if (!r)
		return;
	for (i = 0; i < ARRAY_SIZE(r->cache); i++) {
		struct cached *c = r->cache[i], *nx;
		for (; c; c = nx) {
			nx = c->next;
			free(c->path);
			free(c->data);
			free(c);
		}
	}
	free(r->given);
	free(r->dir);
	free(r);
}

const char *root_dir(const struct root *r)
{
	return r->given;
}

int root_is_live(const struct root *r)
{
	return r->dirlen == 0;
}

/*
 * The inputs trace (--list-inputs): while it is on, every path looked up
 * through any root is noted with the root's directory and how it was used;
 * root_inputs_write() keeps those of one root.
 */
struct input {
	char *dir;		/* the root's, as root->dir */
	char *path;		/* on the judged host, links resolved */
	const char *kind;
};

static struct {
	int on;
	struct input *v;
	size_t n, cap;
} inputs;

static const char IN_READ[] = "read", IN_WRITE[] = "write", IN_STAT[] = "stat", IN_LINK[] = "link",
		  IN_LIST[] = "list", IN_ENTRY[] = "entry", IN_PATH[] = "path";

void root_inputs_trace(void)
{
	inputs.on = 1;
}

/* Note path (a judged-host path) as used through r. */
static void note(const struct root *r, const char *path, const char *kind)
{
	struct input *in;

	if (inputs.n == inputs.cap) {
		inputs.cap = inputs.cap ? inputs.cap * 2 : 64;
		inputs.v = xrealloc(inputs.v, inputs.cap * sizeof(*inputs.v));
	}
	in = &inputs.v[inputs.n++];
	in->dir = xstrdup(r->dir);
	in->path = xstrdup(path);
	in->kind = kind;
}

/* Append "/comp" (complen bytes) to the resolved relative path cur. */
static int push_comp(char *cur, size_t *curlen, const char *comp, size_t complen, size_t cap)
{
	if (*curlen + 1 + complen + 1 > cap)
		return -ENAMETOOLONG;
	cur[(*curlen)++] = '/';
	memcpy(cur + *curlen, comp, complen);
	*curlen += complen;
	cur[*curlen] = '\0';
	return 0;
}

/* Drop the last component of cur (never above the root). */
static void pop_comp(char *cur, size_t *curlen)
{
	while (*curlen > 0 && cur[*curlen - 1] != '/')
		(*curlen)--;
	if (*curlen > 0)
		(*curlen)--;
	cur[*curlen] = '\0';
}

/*
 * Walk path one component at a time, as the kernel would inside a chroot:
 * rest holds what is still to walk; a link's text is put in front of it.
 */
static int resolve(const struct root *r, const char *path, int follow, char *out, size_t outlen)
{
	char cur[PATH_MAX], rest[PATH_MAX], full[PATH_MAX], link_target[PATH_MAX];
	size_t curlen = 0;
	int links = 0, exists = 1;

	if (path[0] != '/')
		return -EINVAL;
	if (xstrlcpy(rest, path, sizeof(rest)) >= sizeof(rest))
		return -ENAMETOOLONG;
	cur[0] = '\0';

	for (;;) {
		char *p = rest, *comp;
		size_t complen;
		struct stat st;
		ssize_t ll;

		while (*p == '/')
			p++;
		if (!*p)
			break;
		comp = p;
		while (*p && *p != '/')
			p++;
		complen = (size_t)(p - comp);
		if (complen == 1 && comp[0] == '.') {
			memmove(rest, p, strlen(p) + 1);
			continue;
		}
		if (complen == 2 && comp[0] == '.' && comp[1] == '.') {
			pop_comp(cur, &curlen);
			memmove(rest, p, strlen(p) + 1);
			continue;
		}
		if (push_comp(cur, &curlen, comp, complen, sizeof(cur)))
			return -ENAMETOOLONG;
		memmove(rest, p, strlen(p) + 1);
		if (!exists)
			continue;
		if (xsnprintf(full, sizeof(full), "%s%s", r->dir, cur))
			return -ENAMETOOLONG;
		if (lstat(full, &st) < 0) {
			exists = 0;
			continue;
		}
		if (!S_ISLNK(st.st_mode))
			continue;
		if (!rest[0] && !follow)
			continue;
		if (++links > MAX_LINKS)
			return -ELOOP;
		ll = readlink(full, link_target, sizeof(link_target) - 1);
		if (ll < 0)
			return -errno;
		link_target[ll] = '\0';
		if (inputs.on)
			note(r, cur, IN_LINK);
		pop_comp(cur, &curlen);
		if (link_target[0] == '/')
			curlen = 0, cur[0] = '\0';
		if (strlen(link_target) + 1 + strlen(rest) + 1 > sizeof(rest))
			return -ENAMETOOLONG;
		memmove(rest + ll + 1, rest, strlen(rest) + 1);
		memcpy(rest, link_target, (size_t)ll);
		rest[ll] = '/';
	}
	if (xsnprintf(out, outlen, "%s%s", r->dir, curlen ? cur : "/"))
		return -ENAMETOOLONG;
	return 0;
}

/* root_path, noting the path as used in the way kind says when tracing. */
static int host_path(const struct root *r, const char *path, int follow, char *out, size_t outlen,
		     const char *kind)
{
	int e;

	if (!path || path[0] != '/')
		return -EINVAL;
	if (inputs.on) {
		/* resolved even on the live host, to note the links on the way */
		e = resolve(r, path, follow, out, outlen);
		if (e)
			return e;
		note(r, out + r->dirlen, kind);
	}
	if (root_is_live(r))
		return xsnprintf(out, outlen, "%s", path);
	return resolve(r, path, follow, out, outlen);
}

int root_path(const struct root *r, const char *path, int follow, char *out, size_t outlen)
{
	return host_path(r, path, follow, out, outlen, IN_PATH);
}

int root_canon(const struct root *r, const char *path, char *out, size_t outlen)
{
	char top[PATH_MAX], host[PATH_MAX];
	size_t n;
	int e = root_path(r, "/", 1, top, sizeof(top));

	if (!e)
		e = root_path(r, path, 1, host, sizeof(host));
	if (e)
		return e;
	n = strlen(top);
	while (n > 0 && top[n - 1] == '/')
		n--;
	if (n && (strncmp(host, top, n) || (host[n] && host[n] != '/')))
		return -EXDEV;
	if (!host[n])
		return xstrlcpy(out, "/", outlen) < outlen ? 0 : -ENAMETOOLONG;
	return xstrlcpy(out, host + n, outlen) < outlen ? 0 : -ENAMETOOLONG;
}

/* FNV-1a, for the cache buckets. */
static unsigned hash_path(const char *s)
{
	unsigned h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Read everything from fd; files in /proc report size 0, so read to EOF. */
static int slurp(int fd, char **data, size_t *len)
{
	size_t cap = 4096, n = 0;
	char *buf = xmalloc(cap);

	for (;;) {
		ssize_t got;
		if (n + 1 >= cap) {
			if (cap >= ROOT_READ_MAX + 1) {
				free(buf);
				return -EFBIG;
			}
			cap *= 2;
			buf = xrealloc(buf, cap);
		}
		got = read(fd, buf + n, cap - 1 - n);
		if (got < 0) {
			if (errno == EINTR)
				continue;
			free(buf);
			return -errno;
		}
		if (got == 0)
			break;
		n += (size_t)got;
	}
	if (n > ROOT_READ_MAX) {
		free(buf);
		return -EFBIG;
	}
	buf[n] = '\0';
	*data = buf;
	*len = n;
	return 0;
}

int root_read(struct root *r, const char *path, const char **data, size_t *len)
{
	unsigned b = hash_path(path) % ARRAY_SIZE(r->cache);
	struct cached *c;
	int fd;

	for (c = r->cache[b]; c; c = c->next) {
		if (strcmp(c->path, path) == 0)
			goto found;
	}
	c = xcalloc(1, sizeof(*c));
	c->path = xstrdup(path);
	c->next = r->cache[b];
	r->cache[b] = c;
	fd = root_open(r, path, O_RDONLY);
	if (fd < 0) {
		c->err = fd;
	} else {
		c->err = slurp(fd, &c->data, &c->len);
		close(fd);
	}
found:
	if (c->err)
		return c->err;
	*data = c->data;
	*len = c->len;
	return 0;
}

int root_read_copy(const struct root *r, const char *path, char **data, size_t *len)
{
	int fd = root_open(r, path, O_RDONLY), e;

	if (fd < 0)
		return fd;
	e = slurp(fd, data, len);
	close(fd);
	return e;
}

int root_notreg(mode_t mode)
{
	return -(ROOT_ENOTREG + (int)((mode & S_IFMT) >> 12));
}

const char *root_strerror(int e)
{
	static const struct {
		mode_t type;
		const char *msg;
	} kinds[] = {
		{ S_IFIFO, "not a regular file (a FIFO)" },
		{ S_IFCHR, "not a regular file (a character device)" },
		{ S_IFBLK, "not a regular file (a block device)" },
		{ S_IFSOCK, "not a regular file (a socket)" },
		{ S_IFDIR, "not a regular file (a directory)" },
		{ S_IFLNK, "not a regular file (a symbolic link)" },
	};
	size_t i;

	if (e < 0)
		e = -e;
	if (e == ROOT_ENOTKERNEL)
		return "not a file of the running kernel (not on procfs or sysfs)";
	if (e == ROOT_ENOTLIVE)
		return "only the running host's root / reaches the kernel";
	if (e < ROOT_ENOTREG || e >= ROOT_ENOTREG + 16)
		return strerror(e);
	for (i = 0; i < ARRAY_SIZE(kinds); i++) {
		if ((mode_t)((e - ROOT_ENOTREG) << 12) == kinds[i].type)
			return kinds[i].msg;
	}
	return "not a regular file";
}

/*
 * Open under the root, never blocking on a FIFO, and keep the descriptor only
 * for a regular file (or a character device when chr is 1).
 */
static int open_checked(const struct root *r, const char *path, int flags, int chr)
{
	char full[PATH_MAX];
	struct stat st;
	int fd, e = host_path(r, path, !(flags & O_NOFOLLOW), full, sizeof(full),
			      flags & (O_WRONLY | O_RDWR) ? IN_WRITE : IN_READ);

	if (e)
		return e;
	do
		fd = open(full, flags | O_CLOEXEC | O_NOCTTY | O_NONBLOCK, 0600);
	while (fd < 0 && errno == EINTR);
	if (fd < 0 && errno == ENXIO && stat(full, &st) == 0 && !S_ISREG(st.st_mode))
		return root_notreg(st.st_mode);	/* a FIFO with no reader, a socket */
	if (fd < 0)
		return -errno;
	((struct root *)r)->opens++;
	e = fstat(fd, &st) < 0 ? -errno
	    : S_ISREG(st.st_mode) || (chr && S_ISCHR(st.st_mode)) ? 0
	    : S_ISDIR(st.st_mode) ? -EISDIR : root_notreg(st.st_mode);
	if (!e)
		return fd;
	close(fd);
	return e;
}

int root_open(const struct root *r, const char *path, int flags)
{
	return open_checked(r, path, flags, 0);
}

int root_open_chr(const struct root *r, const char *path, int flags)
{
	return root_is_live(r) ? open_checked(r, path, flags, 1) : -ROOT_ENOTLIVE;
}

int root_kernel_fd(int fd)
{
	struct statfs sf;
	struct stat st;

	if (fstat(fd, &st) < 0)
		return -errno;
	if (!S_ISREG(st.st_mode))
		return root_notreg(st.st_mode);
	if (fstatfs(fd, &sf) < 0)
		return -errno;
	if ((unsigned long)sf.f_type != KDC_PROC_SUPER_MAGIC && (unsigned long)sf.f_type != KDC_SYSFS_MAGIC)
		return -ROOT_ENOTKERNEL;
	return 0;
}

int root_open_kernel(const struct root *r, const char *path, int flags)
{
	int fd, e;

	if (!root_is_live(r))
		return -ROOT_ENOTLIVE;
	if (strncmp(path, "/proc/", 6) && strncmp(path, "/sys/", 5))
		return -ROOT_ENOTKERNEL;
	fd = open_checked(r, path, flags | O_NOFOLLOW, 0);
	if (fd < 0 || (e = root_kernel_fd(fd)) == 0)
		return fd;
	close(fd);
	return e;
}

/* stat() (follow) or lstat() of path under the root; 0 or -errno. */
static int stat_under(const struct root *r, const char *path, int follow, struct stat *st)
{
	char full[PATH_MAX];
	int e = host_path(r, path, follow, full, sizeof(full), IN_STAT);

	if (e)
		return e;
	return (follow ? stat(full, st) : lstat(full, st)) < 0 ? -errno : 0;
}

int root_stat(const struct root *r, const char *path, struct stat *st)
{
	return stat_under(r, path, 1, st);
}

int root_lstat(const struct root *r, const char *path, struct stat *st)
{
	return stat_under(r, path, 0, st);
}

int root_statvfs(const struct root *r, const char *path, struct statvfs *st)
{
	char full[PATH_MAX];
	int e = host_path(r, path, 1, full, sizeof(full), IN_STAT);

	if (e)
		return e;
	return statvfs(full, st) < 0 ? -errno : 0;
}

int root_access(const struct root *r, const char *path, int mode)
{
	char full[PATH_MAX];
	int e = host_path(r, path, 1, full, sizeof(full), IN_STAT);

	if (e)
		return e;
	return access(full, mode) < 0 ? -errno : 0;
}

int root_readlink(const struct root *r, const char *path, char *buf, size_t len)
{
	char full[PATH_MAX];
	ssize_t n;
	int e = host_path(r, path, 0, full, sizeof(full), IN_LINK);

	if (e)
		return e;
	if (len == 0)
		return -EINVAL;
	n = readlink(full, buf, len - 1);
	if (n < 0)
		return -errno;
	buf[n] = '\0';
	return 0;
}

DIR *root_opendir(const struct root *r, const char *path)
{
	char full[PATH_MAX];
	int e = host_path(r, path, 1, full, sizeof(full), IN_LIST);

	if (e) {
		errno = -e;
		return NULL;
	}
	return opendir(full);
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Note the entry name of the directory path, as found by a listing. */
static void note_entry(const struct root *r, const char *path, const char *name)
{
	char p[PATH_MAX], full[PATH_MAX];

	if (!xsnprintf(p, sizeof(p), "%s/%s", strcmp(path, "/") ? path : "", name))
		host_path(r, p, 0, full, sizeof(full), IN_ENTRY);
}

int root_list(const struct root *r, const char *path, char ***names, size_t *n)
{
	DIR *d = root_opendir(r, path);
	struct dirent *de;
	char **v = NULL;
	size_t cnt = 0, cap = 0;
	int e;

	if (!d)
		return -errno;
	/* NULL is the end, or a failure (EIO, a stale NFS handle): errno tells them apart */
	while ((errno = 0, de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (cnt + 2 > cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof(*v));
		}
		v[cnt++] = xstrdup(de->d_name);
		if (inputs.on)
			note_entry(r, path, de->d_name);
	}
	e = -errno;
	closedir(d);
	if (!v)
		v = xcalloc(1, sizeof(*v));
	v[cnt] = NULL;
	if (e) {
		root_names_free(v);
		return e;
	}
	qsort(v, cnt, sizeof(*v), cmp_names);
	*names = v;
	*n = cnt;
	return 0;
}

void root_names_free(char **names)
{
	char **p;

	if (!names)
		return;
	for (p = names; *p; p++)
		free(*p);
	free(names);
}

/* fsync a directory so a rename in it is durable. */
static int fsync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_CLOEXEC | O_DIRECTORY), e = 0;

	if (fd < 0)
		return -errno;
	if (fsync(fd) < 0 && errno != EINVAL)
		e = -errno;
	close(fd);
	return e;
}

int root_write_atomic(const struct root *r, const char *path, const void *data, size_t len, mode_t mode)
{
	char full[PATH_MAX], tmp[PATH_MAX], dir[PATH_MAX], *slash;
	int fd, e = host_path(r, path, 1, full, sizeof(full), IN_WRITE);

	if (e)
		return e;
	xstrlcpy(dir, full, sizeof(dir));
	slash = strrchr(dir, '/');
	if (!slash || !slash[1])
		return -EINVAL;
	if (slash == dir)
		slash[1] = '\0';
	else
		*slash = '\0';
	if (xsnprintf(tmp, sizeof(tmp), "%s/.%s.XXXXXX", slash == dir ? "" : dir, strrchr(full, '/') + 1))
		return -ENAMETOOLONG;
	fd = mkostemp(tmp, O_CLOEXEC);
	if (fd < 0)
		return -errno;
	e = write_full(fd, data, len);
	if (!e && fchmod(fd, mode) < 0)
		e = -errno;
	if (!e && fsync(fd) < 0)
		e = -errno;
	if (close(fd) < 0 && !e)
		e = -errno;
	if (!e && rename(tmp, full) < 0)
		e = -errno;
	if (e) {
		unlink(tmp);
		return e;
	}
	return fsync_dir(dir);
}

int root_mkdir(const struct root *r, const char *path, mode_t mode)
{
	char full[PATH_MAX];
	int e = host_path(r, path, 0, full, sizeof(full), IN_WRITE);

	if (e)
		return e;
	if (mkdir(full, mode) < 0)
		return -errno;
	return chmod(full, mode) < 0 ? -errno : 0;
}

/* The directory part of a host path, in dir. */
static void dir_of(const char *full, char *dir, size_t len)
{
	char *slash;

	xstrlcpy(dir, full, len);
	slash = strrchr(dir, '/');
	if (slash == dir)
		slash[1] = '\0';
	else if (slash)
		*slash = '\0';
}

int root_rename(const struct root *r, const char *from, const char *to)
{
	char a[PATH_MAX], b[PATH_MAX], dir[PATH_MAX];
	int e = host_path(r, from, 0, a, sizeof(a), IN_WRITE);

	if (!e)
		e = host_path(r, to, 0, b, sizeof(b), IN_WRITE);
	if (e)
		return e;
	if (rename(a, b) < 0)
		return -errno;
	dir_of(b, dir, sizeof(dir));
	return fsync_dir(dir);
}

int root_fsync(const struct root *r, const char *path)
{
	char full[PATH_MAX];
	int fd, e = root_path(r, path, 1, full, sizeof(full));

	if (e)
		return e;
	fd = open(full, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);	/* a FIFO never blocks it */
	if (fd < 0)
		return -errno;
	if (fsync(fd) < 0 && errno != EINVAL)
		e = -errno;
	close(fd);
	return e;
}

int root_unlink(const struct root *r, const char *path)
{
	char full[PATH_MAX];
	int e = host_path(r, path, 0, full, sizeof(full), IN_WRITE);

	if (e)
		return e;
	return unlink(full) < 0 ? -errno : 0;
}

int root_rmdir(const struct root *r, const char *path)
{
	char full[PATH_MAX];
	int e = host_path(r, path, 0, full, sizeof(full), IN_WRITE);

	if (e)
		return e;
	return rmdir(full) < 0 ? -errno : 0;
}

unsigned root_open_count(const struct root *r)
{
	return r->opens;
}

static int cmp_inputs(const void *a, const void *b)
{
	const struct input *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	return c ? c : strcmp(x->kind, y->kind);
}

/* Forget every noted path. */
static void inputs_free(void)
{
	size_t i;

	for (i = 0; i < inputs.n; i++) {
		free(inputs.v[i].dir);
		free(inputs.v[i].path);
	}
	free(inputs.v);
	memset(&inputs, 0, sizeof(inputs));
}

int root_inputs_write(const char *dir, const char *file)
{
	struct input *prev = NULL;
	char *want;
	FILE *f;
	size_t i;
	int e = dir_normal(dir, &want);

	if (e) {
		inputs_free();
		return e;
	}
	qsort(inputs.v, inputs.n, sizeof(*inputs.v), cmp_inputs);
	f = fopen(file, "we");
	if (!f)
		e = -errno;
	for (i = 0; f && i < inputs.n; i++) {
		struct input *in = &inputs.v[i];
		if (strcmp(in->dir, want) || (prev && !cmp_inputs(prev, in)))
			continue;
		fprintf(f, "%s %s\n", in->kind, in->path);
		prev = in;
	}
	if (f && (ferror(f) | fclose(f)))
		e = errno ? -errno : -EIO;
	free(want);
	inputs_free();
	return e;
}
