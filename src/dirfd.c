/* dirfd.c - work inside a dump directory through directory file descriptors (see dirfd.h). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compat.h"
#include "dirfd.h"
#include "util.h"

#ifndef O_NOFOLLOW
#define O_NOFOLLOW 0400000
#endif
#ifndef O_DIRECTORY
#define O_DIRECTORY 0200000
#endif

#define DIR_FLAGS (O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)

/* Is name one plain component (no "/", not "." or "..")? */
static int plain(const char *name)
{
	return name[0] && !strchr(name, '/') && strcmp(name, ".") && strcmp(name, "..");
}

int dfd_open(const char *path)
{
	int fd = open(path, DIR_FLAGS);

	return fd < 0 ? -errno : fd;
}

int dfd_open_follow(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC | O_NONBLOCK);

	return fd < 0 ? -errno : fd;
}

/* Open the entry name of dfd for reading: a plain name, no link followed,
 * never blocking on a FIFO, never a controlling terminal. fd or -errno. */
static int open_entry(int dfd, const char *name)
{
	int fd;

	if (!plain(name))
		return -EINVAL;
	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	return fd < 0 ? -errno : fd;
}

int dfd_open_file(int dfd, const char *name)
{
	struct stat st;
	int fd = open_entry(dfd, name);

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	return fd;
}

int dfd_sub(int dfd, const char *name)
{
	int fd;

	if (!plain(name))
		return -EINVAL;
	fd = openat(dfd, name, DIR_FLAGS);
	return fd < 0 ? -errno : fd;
}

int dfd_lstat(int dfd, const char *name, struct stat *st)
{
	if (!plain(name))
		return -EINVAL;
	return fstatat(dfd, name, st, AT_SYMLINK_NOFOLLOW) ? -errno : 0;
}

int dfd_read(int dfd, const char *name, size_t max, char **out, size_t *len)
{
	struct stat st;

	return dfd_read_st(dfd, name, max, out, len, &st);
}

/* Read the open descriptor fd (closed here) when it is a regular file of at most max bytes. */
static int read_fd(int fd, size_t max, char **out, size_t *len, struct stat *stp)
{
	struct stat st;
	char *buf;
	size_t got = 0;
	ssize_t r;
	int e = 0;

	if (fstat(fd, &st)) {
		e = -errno;
		close(fd);
		return e;
	}
	if (!S_ISREG(st.st_mode) || (uint64_t)st.st_size > max) {
		close(fd);
		return !S_ISREG(st.st_mode) ? -EINVAL : -EFBIG;
	}
	*stp = st;
	buf = xmalloc((size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			e = r < 0 ? -errno : 0;
			break;
		}
		got += (size_t)r;
	}
	close(fd);
	if (e) {
		free(buf);
		return e;
	}
	buf[got] = '\0';
	*out = buf;
	*len = got;
	return 0;
}

int dfd_read_st(int dfd, const char *name, size_t max, char **out, size_t *len, struct stat *stp)
{
	int fd;

	*out = NULL;
	*len = 0;
	fd = open_entry(dfd, name);
	if (fd < 0)
		return fd;
	return read_fd(fd, max, out, len, stp);
}

int dfd_read_path(const char *path, size_t max, char **out, size_t *len, struct stat *stp)
{
	int fd;

	*out = NULL;
	*len = 0;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -errno;
	return read_fd(fd, max, out, len, stp);
}

/* Write all of data to fd, then fsync. */
static int write_synced(int fd, const void *data, size_t len)
{
	int e = write_full(fd, data, len);

	return e ? e : fsync(fd) ? -errno : 0;
}

int dfd_write_new(int dfd, const char *name, const void *data, size_t len, mode_t mode)
{
	int fd, e;

	if (!plain(name))
		return -EINVAL;
	fd = openat(dfd, name, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, mode);
	if (fd < 0)
		return -errno;
	e = write_synced(fd, data, len);
	if (close(fd) && !e)
		e = -errno;
	if (e)
		unlinkat(dfd, name, 0);
	return e;
}

int dfd_create(int dfd, const char *name, int flags, mode_t mode)
{
	int fd;

	if (!plain(name))
		return -EINVAL;
	fd = openat(dfd, name, (flags & (O_WRONLY | O_RDWR | O_APPEND)) | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC |
			       O_NOCTTY, mode);
	return fd < 0 ? -errno : fd;
}

int dfd_settle(int dfd, const char *name, const char *final)
{
	int fd, e = 0;

	if (!plain(name) || !plain(final))
		return -EINVAL;
	fd = openat(dfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0)
		return -errno;
	if (fsync(fd) < 0)
		e = -errno;
	close(fd);
	if (!e && renameat(dfd, name, dfd, final) < 0)
		e = -errno;
	if (!e && fsync(dfd) < 0)
		e = -errno;
	return e;
}

int dfd_write_replace(int dfd, const char *name, const void *data, size_t len, mode_t mode)
{
	char tmp[NAME_MAX + 1];
	struct stat st;
	int e;

	if (!plain(name))
		return -EINVAL;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode))
		return -EISDIR;
	if (xsnprintf(tmp, sizeof(tmp), ".%s.%ld.tmp", name, (long)getpid()))
		return -ENAMETOOLONG;
	unlinkat(dfd, tmp, 0);
	e = dfd_write_new(dfd, tmp, data, len, mode);
	if (!e && renameat(dfd, tmp, dfd, name))
		e = -errno;
	if (e)
		unlinkat(dfd, tmp, 0);
	return e;
}

int dfd_unlink(int dfd, const char *name)
{
	struct stat st;

	if (!plain(name))
		return -EINVAL;
	if (fstatat(dfd, name, &st, AT_SYMLINK_NOFOLLOW))
		return -errno;
	if (S_ISDIR(st.st_mode))
		return -EISDIR;
	if (!S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode))
		return -EPERM;
	return unlinkat(dfd, name, 0) ? -errno : 0;
}

int dfd_names(int dfd, char ***names, size_t *n)
{
	return dfd_names_dt(dfd, names, NULL, n);
}

int dfd_names_dt(int dfd, char ***names, unsigned char **types, size_t *n)
{
	struct dirent *de;
	size_t cap = 16;
	DIR *d;
	int fd = dup(dfd), e;

	*names = NULL;
	*n = 0;
	if (fd < 0)
		return -errno;
	d = fdopendir(fd);
	if (!d) {
		close(fd);
		return -errno;
	}
	rewinddir(d);
	*names = xcalloc(cap, sizeof(char *));
	if (types)
		*types = xcalloc(cap, 1);
	/* NULL is the end, or a failure (EIO, a stale NFS handle): errno tells them apart */
	while ((errno = 0, de = readdir(d)) != NULL) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		if (*n + 1 >= cap) {
			cap *= 2;
			*names = xrealloc(*names, cap * sizeof(char *));
			if (types)
				*types = xrealloc(*types, cap);
		}
		if (types)
			(*types)[*n] = de->d_type;
		(*names)[(*n)++] = xstrdup(de->d_name);
	}
	e = -errno;
	(*names)[*n] = NULL;
	closedir(d);
	if (e) {
		/* a partial listing is not given as the whole */
		dfd_names_free(*names);
		*names = NULL;
		*n = 0;
		if (types) {
			free(*types);
			*types = NULL;
		}
	}
	return e;
}

void dfd_names_free(char **names)
{
	size_t i;

	for (i = 0; names && names[i]; i++)
		free(names[i]);
	free(names);
}

int dfd_open_parent(const char *path, char *base, size_t baselen)
{
	char dir[PATH_MAX];
	const char *slash = strrchr(path, '/');

	if (!slash || !plain(slash + 1) || (size_t)(slash - path) >= sizeof(dir))
		return -EINVAL;
	if (xstrlcpy(base, slash + 1, baselen) >= baselen)
		return -ENAMETOOLONG;
	memcpy(dir, path, (size_t)(slash - path));
	dir[slash - path] = '\0';
	return dfd_open(dir[0] ? dir : "/");
}
