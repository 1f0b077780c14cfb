/*
 * probe.h - questions to the network and to remote filesystems that may
 * never answer (a dead NFS server, a name server that does not reply), asked
 * in a child process the caller waits for at most timeout_ms: the caller is
 * never stuck, whatever the kernel or the resolver does.
 */
#ifndef KDC_PROBE_H
#define KDC_PROBE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct probe {
	int timed_out;		/* no answer within the time: the child was killed */
	int err;		/* errno of the failed step; 0 on success */
	char why[160];		/* the failure in words when errno does not say it (a name lookup) */
	uint64_t avail;		/* probe_statvfs(): bytes free to an unprivileged user */
};

/* statvfs() of path (a host path): 0 with p filled, or -errno when no child could be started. */
int probe_statvfs(const char *path, int timeout_ms, struct probe *p);

/* Resolve host and open a TCP connection to port on it (then close it). 0 with p filled, or -errno. */
int probe_connect(const char *host, const char *port, int timeout_ms, struct probe *p);

/* Writes what a bounded job prints to f. */
typedef void (*probe_write_fn)(void *arg, FILE *f);

/*
 * Run fn in a child and keep what it writes (at most buflen - 1 bytes, then
 * NUL) within timeout_ms: 0 when it finished, -ETIMEDOUT when it was killed
 * (buf holds what it had written by then), both with *len set; or -errno when
 * no child could be started. The caller flushes its own stdio first: the
 * child never does.
 */
int probe_output(probe_write_fn fn, void *arg, int timeout_ms, char *buf, size_t buflen, size_t *len);

#endif
