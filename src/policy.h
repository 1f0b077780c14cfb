/* policy.h - the policy file (SPEC §4), read with inih. */
#ifndef KDC_POLICY_H
#define KDC_POLICY_H

#include <stddef.h>
#include <stdint.h>

struct root;

enum cmp_op { CMP_EQ, CMP_GE, CMP_LE, CMP_NE };

struct sysctl_rule {
	char *key;		/* "kernel.panic" */
	enum cmp_op op;
	char *value;		/* "1", or words for string values */
	int numeric;		/* value is an integer: compare as numbers */
	int64_t num;
	char *id;		/* "sysctl.kernel.panic" */
};

enum debuginfo_req { DEBUGINFO_OFF, DEBUGINFO_WARN, DEBUGINFO_FAIL };

struct sev_override {
	char *id;
	int status;		/* ST_WARN or ST_FAIL (status.h) */
};

struct policy {
	struct sysctl_rule *rules;
	size_t nrules;
	int ck_min_auto;	/* [crashkernel] min = auto */
	uint64_t ck_min;	/* else this size */
	enum debuginfo_req debuginfo;
	uint64_t pid_max_min;
	char dump_path[512];
	unsigned keep;
	int min_free_is_pct;
	uint64_t min_free;	/* percent or bytes */
	int make_room;		/* collect deletes the oldest complete dumps beyond keep when the target lacks room */
	char **disabled;
	size_t ndisabled;
	struct sev_override *sev;
	size_t nsev;
	char source[4096];	/* the file read, "" for built-in defaults */
};

/* Built-in defaults (SPEC §4). */
void policy_defaults(struct policy *p);
void policy_free(struct policy *p);

/*
 * Load a policy file over the defaults. path is a host path (-c, taken as
 * given) when r is NULL, else a path on the judged host read through r.
 * A missing file with optional set keeps the defaults. Errors: -errno or
 * -EINVAL, with err holding "FILE:LINE: what is wrong".
 */
int policy_load(struct policy *p, struct root *r, const char *path, int optional, char *err, size_t errlen);

/* The same on the file's contents, data[0..len) (need not end in NUL); path names it in messages. */
int policy_load_buffer(struct policy *p, const char *path, const char *data, size_t len, char *err, size_t errlen);

/* Compare a running/persisted value with a rule: 1 satisfies, 0 not, -EINVAL value unparseable. */
int policy_rule_match(const struct sysctl_rule *rule, const char *value);
/* "=1", ">=1" etc. for messages. */
void policy_rule_str(const struct sysctl_rule *rule, char *out, size_t outlen);

int policy_is_disabled(const struct policy *p, const char *id);
/* ST_WARN/ST_FAIL override for id, or 0. */
int policy_severity(const struct policy *p, const char *id);

#endif
