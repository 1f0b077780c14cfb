/*
 * check.h - checks are data: each is { id, area, default severity, run }.
 * A check fills a result and never prints; the registry runs them in the
 * order of SPEC §3 and applies the policy (disable, severity overrides).
 */
#ifndef KDC_CHECK_H
#define KDC_CHECK_H

#include <stddef.h>
#include <stdint.h>

#include "compat.h"
#include "estimate.h"
#include "host.h"
#include "policy.h"
#include "status.h"
#include "target.h"
#include "parse/kdumpconf.h"

struct root;

#define REMEDY_MAX_CMDS 8

struct result {
	const char *id;
	const char *area;
	enum status status;
	char message[1024];
	char remedy[1024];	/* "" when none */
	char observed[1024];	/* "" when none (null in JSON) */
	char expected[512];
	/*
	 * The remedy as commands that need no shell (SPEC §6 "remedy_argv"): ncmd
	 * commands, the i-th of argc[i] words, the words NUL-terminated one after
	 * another in argv. The text remedy is rendered from them (sh_quote()d
	 * words, commands joined by " && "), so the two never disagree. ncmd 0, or
	 * shell set (a step needs pipes, redirections or $(...), or the remedy is
	 * advice in words): remedy_argv is null and only the text holds.
	 */
	char argv[1024];
	size_t argvlen;
	unsigned char argc[REMEDY_MAX_CMDS];
	int ncmd;
	int shell;
};

/* What a check runs on, and the facts several checks share, computed once. */
struct ctx {
	struct root *root;
	const struct policy *policy;
	struct host host;
	/* shared, lazily filled */
	int have_reserved;
	uint64_t reserved;	/* /sys/kernel/kexec_crash_size */
	int have_estimate;
	struct estimate est;
	int have_kc;
	int kc_err;		/* 0, or -errno reading /etc/kdump.conf */
	struct kdump_conf kc;	/* /etc/kdump.conf, parsed once (ctx_kdump_conf()) */
	int have_target;
	struct dump_target target;	/* where dumps go */
	struct dump_collector collector;	/* how makedumpfile runs at capture time */
	int have_mkd;
	int mkd_err;		/* 0, or -errno finding or reading makedumpfile's version */
	const char *mkd_path;	/* the makedumpfile of the root, NULL none */
	char mkd_ver[64];	/* its version */
};

struct check_def {
	const char *id;
	const char *area;	/* heading in text output */
	enum status severity;	/* default for ST_PROBLEM: ST_WARN or ST_FAIL */
	void (*run)(struct ctx *c, struct result *res);
};

/* Fill a result: status and a printf message. */
void res_set(struct result *res, enum status st, const char *fmt, ...) KDC_PRINTF(3, 4);
void res_remedy(struct result *res, const char *fmt, ...) KDC_PRINTF(2, 3);
/*
 * A remedy built of commands: each call appends one command (its words as
 * they are, NULL-terminated; host words need no quoting here) to the argv
 * list and to the text, quoted for the POSIX shell and joined by " && ".
 */
void res_remedy_cmd(struct result *res, const char *arg0, ...) __attribute__((sentinel));
void res_remedy_argv(struct result *res, const char *const *argv);
/* A step that needs the shell (text already quoted by the caller): appended to the text, remedy_argv becomes null. */
void res_remedy_sh(struct result *res, const char *fmt, ...) KDC_PRINTF(2, 3);
/* Forget the remedy (text and argv). */
void res_remedy_clear(struct result *res);
void res_observed(struct result *res, const char *fmt, ...) KDC_PRINTF(2, 3);
void res_expected(struct result *res, const char *fmt, ...) KDC_PRINTF(2, 3);

/* A file read through the root (cached): 0 or -errno. */
int ctx_read(struct ctx *c, const char *path, const char **data, size_t *len);
/*
 * The input file of a check: 0, or -errno with res filled: skip with absent
 * (NULL: "no PATH on this kernel") when it does not exist, fail otherwise.
 */
int ctx_input(struct ctx *c, struct result *res, const char *path, const char *absent, const char **data,
	      size_t *len);
/* The reason for a missing kexec file in /sys. */
#define NO_KEXEC "no kexec support in this kernel (or no /sys under this root)"

/* Shared facts. */
const struct estimate *ctx_estimate(struct ctx *c);
/* The host facts the estimate reads (checks/estfacts.c). */
struct est_facts;
void ctx_est_facts(struct ctx *c, struct est_facts *f);
int ctx_reserved(struct ctx *c, uint64_t *bytes);
/* The dump target and collector of the judged host, resolved once per ctx. */
/*
 * /etc/kdump.conf of the root, read and parsed once for the run: NULL when it
 * cannot be read (*err, if not NULL: -errno, -ENOENT when there is none).
 * A file that does not parse is returned with its errline and errmsg set.
 */
const struct kdump_conf *ctx_kdump_conf(struct ctx *c, int *err);
const struct dump_target *ctx_target(struct ctx *c);
const struct dump_collector *ctx_collector(struct ctx *c);

/* The report: results of every check in SPEC order. */
struct report {
	struct result *results;
	size_t n;
	int npass, nwarn, nfail, nskip;
	enum status worst;	/* ST_PASS, ST_WARN or ST_FAIL */
	uint64_t reserved;
	int have_reserved;
};

void checks_run(struct ctx *c, struct report *rep);
/* 0 when the checks run in the order and with the ids of checks/ids.h, else -EINVAL. */
int checks_match_ids(void);
void report_free(struct report *rep);
const char *status_name(enum status st);

/* The check groups, one file each under src/checks/. */
extern const struct check_def checks_crashkernel[];
extern const struct check_def checks_kdump[];
extern const struct check_def checks_target[];
extern const struct check_def checks_remote[];
extern const struct check_def checks_failure[];
extern const struct check_def checks_tools[];
extern const struct check_def checks_debuginfo[];
extern const struct check_def checks_limits[];
extern const struct check_def checks_proof[];
extern const struct check_def checks_taint[];

/* sysctl.<key> and sysctl.persistent, driven by the policy. */
void check_sysctl_key(struct ctx *c, const struct sysctl_rule *rule, struct result *res);
void check_sysctl_persistent(struct ctx *c, struct result *res);

#endif
