/*
 * snapshot-log.c - the kernel log of a live host for a snapshot, read through
 * the root: /dev/kmsg without blocking, else the tail of a syslog file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "root.h"
#include "snapshot.h"
#include "util.h"

#define KMSG_BUF	8192

/* /dev/kmsg without blocking: every record still in the buffer. 0 or -errno. */
static int read_kmsg(struct root *r, struct hung_log *h)
{
	char *buf = xmalloc(KMSG_BUF);
	int fd = root_open_chr(r, "/dev/kmsg", O_RDONLY), e = 0;

	if (fd < 0) {
		free(buf);
		return fd;
	}
	for (;;) {
		ssize_t got = read(fd, buf, KMSG_BUF - 1);
		if (got < 0) {
			if (errno == EINTR || errno == EPIPE)
				continue;	/* EPIPE: records overwritten under us */
			if (errno != EAGAIN)
				e = -errno;
			break;
		}
		if (got == 0)
			break;
		hung_log_kmsg(h, buf, (size_t)got);
	}
	close(fd);
	free(buf);
	return e;
}

/* Feed n bytes read from offset start of a file, without the partial first line when start > 0. */
static void feed_tail(struct hung_log *h, const char *buf, size_t n, off_t start)
{
	const char *p = buf, *nl;
	size_t len = n;

	if (start > 0) {
		nl = memchr(buf, '\n', n);
		len = nl ? n - (size_t)(nl + 1 - buf) : 0;
		p = nl ? nl + 1 : buf + n;
	}
	hung_log_text(h, p, len);
}

/* The last ROOT_READ_MAX bytes of a log file, from a line start. 0 or -errno. */
static int read_log_tail(struct root *r, const char *path, struct hung_log *h)
{
	struct stat st;
	char *buf;
	size_t n = 0, cap;
	off_t start = 0;
	int fd = root_open(r, path, O_RDONLY), e = 0;

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return -EINVAL;
	}
	if (st.st_size > (off_t)ROOT_READ_MAX)
		start = st.st_size - (off_t)ROOT_READ_MAX;
	cap = (size_t)(st.st_size - start) + 1;
	buf = xmalloc(cap);
	if (lseek(fd, start, SEEK_SET) < 0)
		e = -errno;
	while (!e && n + 1 < cap) {
		ssize_t got = read(fd, buf + n, cap - 1 - n);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			e = -errno;
		if (got <= 0)
			break;
		n += (size_t)got;
	}
	close(fd);
	if (!e)
		feed_tail(h, buf, n, start);
	free(buf);
	return e;
}

void snapshot_read_log(struct root *r, struct snapshot *s)
{
	static const char *const files[] = { "/var/log/kern.log", "/var/log/messages", "/var/log/dmesg" };
	struct stat st;
	size_t i;
	int e, first_err = 0;

	/* a device node under another root is this machine's device, not the image's log */
	if (root_is_live(r) && !root_stat(r, "/dev/kmsg", &st) && S_ISCHR(st.st_mode)) {
		e = read_kmsg(r, &s->log);
		xstrlcpy(s->log_source, "/dev/kmsg", sizeof(s->log_source));
		if (!e)
			return;
		first_err = e;
		hung_log_free(&s->log);
	}
	for (i = 0; i < ARRAY_SIZE(files); i++) {
		if (root_stat(r, files[i], &st) || !S_ISREG(st.st_mode))
			continue;
		e = read_log_tail(r, files[i], &s->log);
		if (!e) {
			xstrlcpy(s->log_source, files[i], sizeof(s->log_source));
			return;
		}
		hung_log_free(&s->log);
		if (!first_err) {
			first_err = e;
			xstrlcpy(s->log_source, files[i], sizeof(s->log_source));
		}
	}
	s->log_err = first_err ? first_err : -ENOENT;
}
