/*
 * collect-room.h - [dump] make_room = yes: before a capture, when the dump
 * directory's filesystem has less available than the expected dump, delete
 * the oldest complete dumps beyond `keep`, oldest first, until it has.
 * The retention policy decides which may go (retention_plan(): complete
 * dumps older than the newest `keep`); make_room only takes fewer of them:
 * never an incomplete dump, never the newest complete one, never one of the
 * newest `keep`, and it stops as soon as there is room.
 */
#ifndef KDC_COLLECT_ROOM_H
#define KDC_COLLECT_ROOM_H

#include <stddef.h>
#include <stdint.h>

struct policy;
struct root;

struct room {
	int ran;		/* make_room is on and the free space was read */
	uint64_t need;		/* the expected dump size */
	uint64_t avail_before;	/* available before, bytes */
	uint64_t avail_after;	/* after the deletions */
	size_t ndel;		/* dumps deleted */
	size_t nfailed;		/* dumps that could not be deleted */
};

/*
 * Make room for need bytes in dir (a host path read through files, a root of
 * "/"); each deletion is logged (log_line() of the judged root). Fills res;
 * 0, or -errno when the directory cannot be read (nothing deleted).
 */
int collect_make_room(struct root *files, const struct root *judged, const struct policy *pol, const char *dir,
		      uint64_t need, struct room *res);

#endif
