/*
 * lock.h - the lock of a dump directory: an flock() on the directory itself
 * (opened O_DIRECTORY|O_NOFOLLOW), held by the verbs that change it (harvest,
 * prune, collect's make_room) so two of them never work on the same dumps at
 * once. Nothing is written into the directory: the one that waits finds the
 * holder in /proc/locks (the lock of that directory's device and inode) and
 * says its pid and command line ("pid 1234 (kdumpcheck harvest)").
 *
 * The lock is the process's: taking it again for the same directory while
 * held only counts (harvest holds it and prunes).
 */
#ifndef KDC_LOCK_H
#define KDC_LOCK_H

#include <stddef.h>

/* How long a verb waits for the lock before it gives up and says who holds it. */
#define DIRLOCK_WAIT_MS 30000
/* collect, in the capture kernel, never waits longer than this (it then makes no room). */
#define DIRLOCK_WAIT_COLLECT_MS 2000

/*
 * Take the lock of dir (a host path), waiting at most wait_ms.
 * 0 when held; -EWOULDBLOCK when another holds it (holder says who:
 * "pid 1234 (kdumpcheck harvest)"); -errno.
 */
int dirlock_take(const char *dir, long wait_ms, char *holder, size_t holderlen);
/* Release what dirlock_take() took (once per successful take). */
void dirlock_release(void);

#endif
