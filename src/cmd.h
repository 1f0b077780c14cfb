/* cmd.h - what every verb gets from main.c, and the verbs it dispatches to. */
#ifndef KDC_CMD_H
#define KDC_CMD_H

#include "check.h"
#include "out/out.h"

#define EXIT_USAGE 64

/* The options of the command line: the global ones, and the verb's own as given. */
struct gopts {
	const char *root;	/* --root, default "/" */
	const char *config;	/* -c, NULL for ROOT/etc/kdumpcheck.conf */
	enum out_format format;
	int verbosity;
	int no_color;
	const char *list_inputs;	/* --list-inputs FILE, or NULL */
	const char *dump_dir;	/* --dump-dir DIR (a path on this host, not under --root), or NULL */
	size_t nvopts;		/* the verb's own options, in the order given */
	struct {
		const char *name;
		const char *arg;	/* "" for an option without a value */
	} vopts[16];
};

/* The value of the verb's option --name as given (last wins), "" for a flag, NULL when absent. */
const char *gopt_arg(const struct gopts *g, const char *name);
/* Was the verb's option --name given? */
int gopt_flag(const struct gopts *g, const char *name);

/* A verb's own long option. */
struct verb_opt {
	const char *name;
	int has_arg;		/* 1 when it takes a value */
};

enum verb_flags {
	VERB_DEFAULT = 1 << 0,		/* runs when no verb is given */
	VERB_LIVE_ONLY = 1 << 1,	/* acts on the running kernel: refused under a --root other than / */
	VERB_NAGIOS_EXIT = 1 << 2,	/* exit codes of a Nagios plugin: 3 when the output cannot be written */
};

/* The output formats a verb can write, as bits of enum out_format. */
#define FORMATS_TEXT_JSON ((1u << FMT_TEXT) | (1u << FMT_JSON))
#define FORMATS_ALL (FORMATS_TEXT_JSON | (1u << FMT_PROM) | (1u << FMT_NAGIOS))

/*
 * A verb, declared in its own file (cmd-NAME.c) and listed once in main.c's
 * table: main.c parses its options, counts its arguments, refuses a format it
 * cannot write or a root it cannot act on, and maps its exit status.
 */
struct verb {
	const char *name;
	const char *summary;		/* one line for --help */
	const char *help;		/* the text of 'kdumpcheck help VERB' */
	const struct verb_opt *opts;	/* its own options, ending with { NULL, 0 }; NULL for none */
	const char *args;		/* what its arguments are, for messages ("VMCORE|DIR..."), or NULL */
	int min_args;			/* arguments after the verb it needs */
	int max_args;			/* and takes at most; -1 for any number */
	unsigned flags;			/* enum verb_flags */
	unsigned formats;		/* FORMATS_* */
	int (*run)(const struct gopts *g, int argc, char **argv);
};

extern const struct verb verb_check, verb_estimate, verb_fix, verb_tag, verb_list, verb_collect, verb_test, verb_prune, verb_harvest,
	verb_snapshot, verb_fleet;

/* What a verb works on: the judged root, its policy and host facts. */
struct session {
	struct root *root;
	struct policy pol;
	struct ctx ctx;
	const char *dump_dir;	/* --dump-dir, or NULL */
};

/* Open the root and load the policy; 0, or prints why and returns 3. */
int session_open(const struct gopts *g, struct session *s);
void session_close(struct session *s);

/*
 * The dump directory the verbs work in, as an absolute host path: --dump-dir
 * as given (checked to be a directory), else the configured target's
 * directory on this host (target_dir_host()). 0, or its error (-EREMOTE,
 * -ENOTCONN, -ENODEV, -ENOENT, -ENOTDIR, -errno) with why set to the words.
 */
int session_dump_dir(struct session *s, char *out, size_t outlen, char *why, size_t whylen);

/* Print "kdumpcheck: what: why" on stderr. */
void die_msg(const char *fmt, ...) KDC_PRINTF(1, 2);
/* The same, returning code, for "return kdc_error(1, ...)". */
int kdc_error(int code, const char *fmt, ...) KDC_PRINTF(2, 3);

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
