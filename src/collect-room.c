/* collect-room.c - make room for a dump before the capture ([dump] make_room). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <syslog.h>
#include <time.h>

#include "cmd.h"
#include "collect-room.h"
#include "lock.h"
#include "retention.h"
#include "root.h"
#include "util.h"

/* Available bytes on the filesystem of dir; 0 or -errno. */
static int avail_of(struct root *files, const char *dir, uint64_t *avail)
{
	struct statvfs vfs;
	int e = root_statvfs(files, dir, &vfs);

	if (!e)
		*avail = vfs_avail(&vfs);
	return e;
}

/* Delete one dump of the plan and say so; 0 or -errno. */
static int delete_one(struct root *files, const struct root *judged, struct ret_plan *p, struct ret_entry *x,
		      uint64_t need)
{
	char why[256], size[32], want[32], other[1024];

	retention_reason(&p->rules, &x->dec, why, sizeof(why));
	fmt_size(x->bytes, size, sizeof(size));
	fmt_size(need, want, sizeof(want));
	x->tried = 1;
	x->result = retention_delete(files, x, other, sizeof(other));
	free(x->other);
	x->other = xstrdup(other);
	if (x->result == 0 || x->result == -ENOTEMPTY) {
		log_line(judged, LOG_NOTICE, "make_room: deleted %s (%s) for a dump of about %s: %s", x->path, size,
			 want, why);
		return 0;
	}
	log_line(judged, LOG_ERR, "make_room: %s: cannot delete %s: %s (what could not be removed is kept)", x->path,
		 x->other[0] ? x->other : "it", root_strerror(x->result));
	return x->result;
}

int collect_make_room(struct root *files, const struct root *judged, const struct policy *pol, const char *dir,
		      uint64_t need, struct room *res)
{
	struct ret_plan p;
	char holder[128] = "";
	size_t i;
	int e;

	memset(res, 0, sizeof(*res));
	res->need = need;
	e = avail_of(files, dir, &res->avail_before);
	if (e)
		return e;
	res->ran = 1;
	res->avail_after = res->avail_before;
	if (res->avail_before >= need)
		return 0;
	e = dirlock_take(dir, DIRLOCK_WAIT_COLLECT_MS, holder, sizeof(holder));
	if (e == -EWOULDBLOCK)
		log_line(judged, LOG_ERR, "make_room: %s is locked by %s: no room made", dir, holder);
	if (e)
		return e;
	e = retention_plan(files, dir, pol, (int64_t)time(NULL), &p);
	if (e) {
		dirlock_release();
		return e;
	}
	/* the plan is newest first: the oldest complete dumps beyond keep are at its end */
	for (i = p.n; i-- > 0 && res->avail_after < need;) {
		struct ret_entry *x = &p.v[i];

		if (!x->dec.del || x->dec.why != RET_DEL_COUNT || !x->d.complete)
			continue;
		if (delete_one(files, judged, &p, x, need))
			res->nfailed++;
		else
			res->ndel++;
		if (avail_of(files, dir, &res->avail_after))
			break;
	}
	retention_plan_free(&p);
	dirlock_release();
	return 0;
}
