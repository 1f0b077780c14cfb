/*
 * dirfd.h - work inside a dump directory through directory file descriptors.
 *
 * A dump directory is opened once (O_DIRECTORY|O_NOFOLLOW: the directory
 * itself is never a link), and everything below it is named relative to
 * that descriptor with openat/mkdirat/renameat/unlinkat/fstatat, never
 * followed through a link: an entry swapped for a link while a verb runs, or
 * a link planted where a file is to be written, can neither redirect a write
 * nor a delete. New files are created O_CREAT|O_EXCL|O_NOFOLLOW. Reads refuse
 * what is not a regular file without blocking (a FIFO, a device).
 *
 * Every function returns 0 (or a descriptor) or -errno.
 */
#ifndef KDC_DIRFD_H
#define KDC_DIRFD_H

#include <stddef.h>
#include <sys/stat.h>
#include <sys/types.h>

/* The most dfd_read() reads of one file (sidecars, reasons, kernel logs). */
#define DFD_READ_MAX (16u << 20)

/* Open the directory at path (a host path); the last component must not be a link. */
int dfd_open(const char *path);
/* Open the directory at path following links (the top of a scan that only reads). */
int dfd_open_follow(const char *path);
/* Open the regular file name under dfd for reading, never through a link, never blocking. */
int dfd_open_file(int dfd, const char *name);
/* Open the directory name under dfd, never through a link. */
int dfd_sub(int dfd, const char *name);
/* lstat of name under dfd. */
int dfd_lstat(int dfd, const char *name, struct stat *st);
/* Read the regular file name under dfd, at most max bytes (-EFBIG past it); *out is NUL-terminated, free() it. */
int dfd_read(int dfd, const char *name, size_t max, char **out, size_t *len);
/* The same, with the file's fstat in *st. */
int dfd_read_st(int dfd, const char *name, size_t max, char **out, size_t *len, struct stat *st);
/*
 * Read the regular file at the host path path as dfd_read_st() does, following
 * links (a file the user named), never blocking on a FIFO or device.
 */
int dfd_read_path(const char *path, size_t max, char **out, size_t *len, struct stat *st);
/* Create name under dfd (it must not exist, not even as a link), write data, fsync. */
int dfd_write_new(int dfd, const char *name, const void *data, size_t len, mode_t mode);
/*
 * Create name under dfd (it must not exist, not even as a link), open with
 * flags' O_WRONLY/O_RDWR/O_APPEND (and close-on-exec): the descriptor.
 */
int dfd_create(int dfd, const char *name, int flags, mode_t mode);
/* fsync the regular file name under dfd (never through a link), rename it to final, fsync dfd. */
int dfd_settle(int dfd, const char *name, const char *final);
/* Replace name under dfd atomically: a new temporary file renamed over it (a link there is replaced, not followed). */
int dfd_write_replace(int dfd, const char *name, const void *data, size_t len, mode_t mode);
/* Remove name under dfd when it is a regular file or a link (the link itself); -EISDIR, -EPERM for others. */
int dfd_unlink(int dfd, const char *name);
/* The names in the directory dfd (without . and ..), a NULL-terminated array to free with dfd_names_free(). */
int dfd_names(int dfd, char ***names, size_t *n);
void dfd_names_free(char **names);
/* The same with each entry's d_type (DT_DIR, DT_REG, DT_LNK, ..., DT_UNKNOWN) in *types (free() it). */
int dfd_names_dt(int dfd, char ***names, unsigned char **types, size_t *n);
/* Split a host path into its parent directory (opened) and its last component (into base). */
int dfd_open_parent(const char *path, char *base, size_t baselen);

#endif
