/*
 * spawn.h - run a program from an argv vector: fork + execv, never a shell.
 * An exec failure is reported back to the parent over a close-on-exec pipe;
 * a child killed by a signal maps to 128+sig; waits are EINTR-safe.
 */
#ifndef KDC_SPAWN_H
#define KDC_SPAWN_H

#include <stddef.h>

struct spawn_result {
	int status;		/* exit status, or 128+signal */
	char *err;		/* what it wrote on stderr (at most err_max bytes), NUL-terminated */
	size_t errlen;
	int timed_out;		/* spawn_run_bounded(): killed when its time ran out */
};

/*
 * Run argv[0] (an absolute path) with argv, stdin from /dev/null, stdout to
 * out_fd (or /dev/null when out_fd < 0), stderr captured into r->err.
 * Returns 0 when the program ran (whatever its status), -errno when it could
 * not be started (the exec error of the child included).
 */
int spawn_run(const char *const argv[], int out_fd, size_t err_max, struct spawn_result *r);
/*
 * spawn_run() bounded in time: past timeout_ms (< 0: no bound) the child is
 * killed with SIGKILL, r->timed_out is set and r->status is 128+SIGKILL.
 */
int spawn_run_bounded(const char *const argv[], int out_fd, size_t err_max, int timeout_ms, struct spawn_result *r);
/*
 * spawn_run() with stderr written to err_fd (a file opened by the caller)
 * instead of a pipe: the child keeps writing there when we die (a pipe
 * would kill it with SIGPIPE). r->err stays empty.
 */
int spawn_run_errfd(const char *const argv[], int out_fd, int err_fd, struct spawn_result *r);
void spawn_result_free(struct spawn_result *r);

/* Milliseconds since an arbitrary start, for deadlines (gettimeofday: clock_gettime needs -lrt on glibc 2.12). */
long long now_ms(void);

/*
 * The makedumpfile of the machine we run on: $KDUMPCHECK_MAKEDUMPFILE when
 * set (an absolute path), else the first executable of /usr/sbin, /sbin,
 * /usr/bin. NULL when there is none.
 */
const char *makedumpfile_path(void);

#endif
