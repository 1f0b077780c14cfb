/*
 * plan.h - what `fix` changes: whole files (old and new text, shown as a
 * unified diff) and commands (an argv, never a shell), each tied to the
 * check it repairs. Planners edit a working copy of each file, so several
 * checks' edits of one file (kdump.conf) compose into one change.
 */
#ifndef KDC_FIX_PLAN_H
#define KDC_FIX_PLAN_H

#include <stddef.h>
#include <sys/types.h>

#include "util.h"

struct root;

#define FIX_MAX_ARGS 12
#define FIX_MAX_CHANGES 64

enum fix_kind { FIX_FILE, FIX_COMMAND, FIX_MKDIR };

struct fix_change {
	enum fix_kind kind;
	char check[64];		/* the check it repairs */
	char path[512];		/* FIX_FILE, FIX_MKDIR: the path under the root */
	/* FIX_FILE */
	int existed;		/* the file existed when read */
	char *old_text;
	size_t old_len;
	struct sbuf new_text;
	mode_t mode;		/* the file's mode (new files: 0644; FIX_MKDIR: 0700) */
	/* FIX_COMMAND */
	char *argv[FIX_MAX_ARGS + 1];
	int live_only;		/* acts on the running system: run only under the root "/" */
	int after_files;	/* run after the file edits (they are its input) */
	int needs_reboot;
	/* outcome */
	int applied;
	char error[1400];
};

struct fix_plan {
	struct root *root;
	int live;		/* the root is "/" */
	struct fix_change v[FIX_MAX_CHANGES];
	size_t n;
	char refused[600];	/* a change that cannot be planned: nothing is applied (first one) */
};

void fix_plan_init(struct fix_plan *p, struct root *r, int live);
void fix_plan_free(struct fix_plan *p);

/*
 * The working copy of path for check: read once (0), or -errno; a file that
 * does not exist is an empty one (existed 0) when create is set, else -ENOENT.
 * Edit (*c)->new_text; a change whose new text equals the old is dropped.
 */
int fix_file(struct fix_plan *p, const char *check, const char *path, int create, struct fix_change **c);
/* Replace the working text. */
void fix_file_set(struct fix_change *c, const char *text, size_t len);
/* A command (NULL-terminated words); NULL when the plan is full. */
struct fix_change *fix_command(struct fix_plan *p, const char *check, int live_only, int needs_reboot,
			       const char *arg0, ...) __attribute__((sentinel));
/* A directory to create with mode 0700 (and its missing parents 0755). */
void fix_mkdir(struct fix_plan *p, const char *check, const char *path);
/* Record a refusal: nothing will be applied. */
void fix_refuse(struct fix_plan *p, const char *fmt, ...) KDC_PRINTF(2, 3);
/* Drop file changes that change nothing. */
void fix_plan_settle(struct fix_plan *p);

/*
 * Apply every change: each file backed up as FILE.kdumpcheck-<stamp> (when it
 * existed), the new text written to a temporary file beside it, fsynced and
 * renamed over it (mode and owner kept); directories made; then commands run
 * (live only under "/", else printed). A file that changed on disk since it
 * was read is not written. Returns the number of changes that failed.
 */
int fix_plan_apply(struct fix_plan *p, const char *stamp);

#endif
