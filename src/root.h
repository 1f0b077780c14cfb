/*
 * root.h - the one file-access layer. Every path the tool reads or writes is
 * an absolute path on the judged host ("/proc/cmdline") and is resolved under
 * the root directory given by --root, symbolic links included: an absolute
 * link inside the root points inside the root, and ".." never climbs out.
 * Nothing outside this module opens a host path.
 *
 * Text reads are cached: a file is opened and read once per run, however
 * many checks look at it. Functions return 0 or -errno.
 */
#ifndef KDC_ROOT_H
#define KDC_ROOT_H

#include <dirent.h>
#include <stddef.h>
#include <sys/stat.h>
#include <sys/statvfs.h>

struct root;

/* Largest file root_read() will load (larger: -EFBIG). */
#define ROOT_READ_MAX (8u << 20)

int root_new(const char *dir, struct root **out);
void root_free(struct root *r);
/* The root directory as given ("/" for the live host). */
const char *root_dir(const struct root *r);
/* 1 when the root is the live host's "/". */
int root_is_live(const struct root *r);

/*
 * The host path of an absolute path on the judged host, with symbolic links
 * resolved inside the root (the last component is followed when follow is 1).
 * A path that does not exist is still resolved as far as it exists.
 */
int root_path(const struct root *r, const char *path, int follow, char *out, size_t outlen);

/*
 * The judged-host path of path with every link resolved inside the root
 * ("/dev/disk/by-uuid/X" -> "/dev/sdb1"): root_path() without the root's
 * own prefix. A path that does not exist is resolved as far as it exists.
 */
int root_canon(const struct root *r, const char *path, char *out, size_t outlen);

/*
 * Read a whole file (following links). *data is NUL-terminated (it may hold
 * NULs of its own: use *len), owned by the cache and valid until root_free().
 * Errors are cached too.
 */
int root_read(struct root *r, const char *path, const char **data, size_t *len);
/* The same, read now (not from the cache) into a buffer the caller frees. */
int root_read_copy(const struct root *r, const char *path, char **data, size_t *len);

/*
 * Open path with flags (O_CLOEXEC, O_NOCTTY and O_NONBLOCK are added: a FIFO
 * never blocks the open, and regular files ignore O_NONBLOCK); returns an fd
 * or -errno. Only a regular file is kept (procfs and sysfs files are regular
 * files): anything else is closed and refused with root_notreg() of its type,
 * before any byte is read or written. With O_NOFOLLOW the last component is
 * not followed: a link there is -ELOOP. root_read() opens through it too.
 */
int root_open(const struct root *r, const char *path, int flags);
/*
 * root_open() that also takes a character device (/dev/kmsg); still no FIFO.
 * Only under the live root "/" (else -ROOT_ENOTLIVE): a device node in an
 * image opens this machine's device, not the image's.
 */
int root_open_chr(const struct root *r, const char *path, int flags);

/*
 * The errors of a file that is not a regular file: ROOT_ENOTREG + the file
 * type (st_mode >> 12), negated as -errno is. root_strerror() says which:
 * "not a regular file (a FIFO)"; for any other error it is strerror().
 */
#define ROOT_ENOTREG 0x4000
#define ROOT_IS_NOTREG(e) ((e) < 0 ? -(e) >= ROOT_ENOTREG && -(e) < ROOT_ENOTREG + 16 \
				   : (e) >= ROOT_ENOTREG && (e) < ROOT_ENOTREG + 16)
int root_notreg(mode_t mode);
/* A file the kernel should serve that is not on procfs or sysfs; a root not "/". */
#define ROOT_ENOTKERNEL (ROOT_ENOTREG + 16)
#define ROOT_ENOTLIVE (ROOT_ENOTREG + 17)
const char *root_strerror(int e);

/*
 * Open a file of the running kernel to write to it (/proc/sysrq-trigger):
 * only under the live root "/" (else -ROOT_ENOTLIVE), with O_NOFOLLOW and
 * O_NOCTTY, and only a regular file on procfs or sysfs (root_kernel_fd()).
 * Returns the fd or -errno; nothing is written here.
 */
int root_open_kernel(const struct root *r, const char *path, int flags);
/* 0 when fd is a regular file on procfs or sysfs, else -ROOT_ENOTKERNEL, root_notreg() or -errno. */
int root_kernel_fd(int fd);
int root_stat(const struct root *r, const char *path, struct stat *st);
int root_lstat(const struct root *r, const char *path, struct stat *st);
int root_statvfs(const struct root *r, const char *path, struct statvfs *st);
int root_access(const struct root *r, const char *path, int mode);
/* The link text as stored (not resolved); NUL-terminated. */
int root_readlink(const struct root *r, const char *path, char *buf, size_t len);
/* Returns a DIR* or NULL with errno set. */
DIR *root_opendir(const struct root *r, const char *path);

/*
 * The sorted names in a directory (no "." or ".."), as a NULL-terminated
 * array freed with root_names_free(). -ENOENT when it does not exist.
 */
int root_list(const struct root *r, const char *path, char ***names, size_t *n);
void root_names_free(char **names);

/*
 * Replace a file atomically: write data to a temporary file beside it, fsync,
 * set mode, rename over path, fsync the directory. Nothing is left under the
 * final name unless the whole write succeeded. 0 or -errno.
 */
int root_write_atomic(const struct root *r, const char *path, const void *data, size_t len, mode_t mode);

/* mkdir with mode (exactly: the umask does not apply); -EEXIST when it exists. */
int root_mkdir(const struct root *r, const char *path, mode_t mode);
/* rename within the root, then fsync the directory of the new name. */
int root_rename(const struct root *r, const char *from, const char *to);
/* fsync a file or directory. */
int root_fsync(const struct root *r, const char *path);
/* Remove a file or a link: the link itself, never what it points to. */
int root_unlink(const struct root *r, const char *path);

/* Remove an empty directory (-ENOTEMPTY when it is not; -ENOTDIR for a link). */
int root_rmdir(const struct root *r, const char *path);

/*
 * The inputs trace (--list-inputs). After root_inputs_trace(), every path
 * looked up through a root is noted; root_inputs_write() writes to file the
 * paths noted under the root directory dir, one "KIND PATH" line each,
 * sorted by path: PATH is on the judged host with its links resolved (each
 * link met on the way is listed as "link"), KIND is how it was used: read,
 * write, stat, link (a symbolic link followed or read), list (a directory
 * read), entry (a name found in a listed directory), path (handed to a
 * library, e.g. libkmod's module directory). Then it forgets them all.
 */
void root_inputs_trace(void);
int root_inputs_write(const char *dir, const char *file);

/* How many files were opened for reading through this root (for tests). */
unsigned root_open_count(const struct root *r);

#endif
