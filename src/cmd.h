/* cmd.h - what every verb gets from main.c, and the verbs it dispatches to. */
#ifndef KDC_CMD_H
#define KDC_CMD_H

#include "check.h"
#include "out/out.h"

#define EXIT_USAGE 64

struct gopts {
	const char *root;	/* --root, default "/" */
	const char *config;	/* -c, NULL for ROOT/etc/kdumpcheck.conf */
	enum out_format format;
	int verbosity;
	int no_color;
	/* verb options (each verb names the ones it takes in struct cmd.opts) */
	int no_hash;		/* tag: skip the sha256 */
	int if_needed;		/* tag: leave a current sidecar alone */
	int save;		/* snapshot: write DUMPDIR/snapshot-<time>.json */
	int dry_run;		/* prune: list what would go */
	int yes_crash;		/* test: --yes-crash-this-host */
	const char *vmcore;	/* collect: --vmcore FILE (as given, not under --root) */
	const char *target;	/* collect: --target DIR (as given) */
};

struct cmd {
	const char *name;
	int (*run)(const struct gopts *g, int argc, char **argv);
	const char *summary;
	const char *help;	/* text for 'kdumpcheck help VERB' */
	const char *opts;	/* the verb's own long options, space-separated, or NULL */
	int max_args;		/* arguments after the verb it takes; -1 for any number (main.c refuses more) */
};

/* What a verb works on: the judged root, its policy and host facts. */
struct session {
	struct root *root;
	struct policy pol;
	struct ctx ctx;
};

/* Open the root and load the policy; 0, or prints why and returns 3. */
int session_open(const struct gopts *g, struct session *s);
void session_close(struct session *s);

/* Print "kdumpcheck: what: why" on stderr. */
void die_msg(const char *fmt, ...) KDC_PRINTF(1, 2);

int cmd_check(const struct gopts *g, int argc, char **argv);
extern const char cmd_check_help[];
int cmd_tag(const struct gopts *g, int argc, char **argv);
extern const char cmd_tag_help[];
int cmd_list(const struct gopts *g, int argc, char **argv);
extern const char cmd_list_help[];
int cmd_collect(const struct gopts *g, int argc, char **argv);
extern const char cmd_collect_help[];
int cmd_test(const struct gopts *g, int argc, char **argv);
extern const char cmd_test_help[];
int cmd_snapshot(const struct gopts *g, int argc, char **argv);
extern const char cmd_snapshot_help[];
int cmd_prune(const struct gopts *g, int argc, char **argv);
extern const char cmd_prune_help[];
int cmd_harvest(const struct gopts *g, int argc, char **argv);
extern const char cmd_harvest_help[];
struct root;
/*
 * Say one line on stdout (on stderr as "kdumpcheck: ..." for LOG_WARNING and
 * worse) and to syslog (daemon facility, ident kdumpcheck) when the judged
 * root r is this host's "/".
 */
void log_line(const struct root *r, int prio, const char *fmt, ...) KDC_PRINTF(3, 4);
/*
 * Apply the retention policy to the dump directory dir (a host path) with
 * retention_prune(), printing and logging each deletion; dry_run lists only.
 * quiet_nothing: say nothing when nothing goes. 0, or 1 when something could
 * not be deleted.
 */
int prune_dir(const struct root *judged, const struct policy *pol, const char *dir, int dry_run, int verbosity,
	      int quiet_nothing, size_t *ndeleted);
#endif
