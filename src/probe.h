/*
 * probe.h - questions to the network and to remote filesystems that may
 * never answer (a dead NFS server, a name server that does not reply), asked
 * in a child process the caller waits for at most timeout_ms: the caller is
 * never stuck, whatever the kernel or the resolver does.
 */
#ifndef KDC_PROBE_H
#define KDC_PROBE_H

#include <stdint.h>

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

#endif
