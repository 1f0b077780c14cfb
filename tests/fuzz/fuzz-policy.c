/*
 * fuzz-policy.c - libFuzzer target for the policy file, read from the
 * input's bytes over the built-in defaults: an error names the file and a
 * line of the input; a policy that loads holds only values its grammar
 * allows, every [sysctl] rule is satisfied by its own value (or, for !=,
 * refused), and everything is freed.
 */
#include <errno.h>

#include "check.h"
#include "fuzz.h"
#include "policy.h"

#define NAME "fuzz.conf"

/* "NAME:LINE: ..." with LINE from 1 to the input's line count. */
static void check_error(const char *err, const uint8_t *data, size_t size)
{
	unsigned lines = fuzz_count_lines(data, size);
	char *end;
	unsigned long line;

	FUZZ_CHECK(strncmp(err, NAME ":", sizeof(NAME)) == 0);
	line = strtoul(err + sizeof(NAME), &end, 10);
	FUZZ_CHECK(end != err + sizeof(NAME) && end[0] == ':' && end[1] == ' ' && end[2] != '\0');
	FUZZ_CHECK(line >= 1 && line <= (lines ? lines : 1));
}

/* What a policy that loaded must hold. */
static void check_policy(const struct policy *p)
{
	char str[16];
	size_t i, j;

	FUZZ_CHECK(strcmp(p->source, NAME) == 0);
	for (i = 0; i < p->nrules; i++) {
		const struct sysctl_rule *r = &p->rules[i];

		FUZZ_CHECK(r->key && r->key[0] && r->value && r->value[0] && r->id);
		FUZZ_CHECK(strncmp(r->id, "sysctl.", 7) == 0 && strcmp(r->id + 7, r->key) == 0);
		FUZZ_CHECK(r->op == CMP_EQ || r->op == CMP_GE || r->op == CMP_LE || r->op == CMP_NE);
		FUZZ_CHECK(r->numeric || (r->op != CMP_GE && r->op != CMP_LE));
		FUZZ_CHECK(policy_rule_match(r, r->value) == (r->op != CMP_NE));
		policy_rule_str(r, str, sizeof(str));
		FUZZ_CHECK(memchr(str, '\0', sizeof(str)) != NULL && str[0] != '\0');
		for (j = 0; j < i; j++)
			FUZZ_CHECK(strcmp(p->rules[j].key, r->key) != 0);
	}
	FUZZ_CHECK(p->ck_min_auto || p->ck_min > 0);
	FUZZ_CHECK(p->debuginfo == DEBUGINFO_OFF || p->debuginfo == DEBUGINFO_WARN || p->debuginfo == DEBUGINFO_FAIL);
	FUZZ_CHECK(p->pid_max_min <= 4194304);
	FUZZ_CHECK(p->dump_path[0] == '/' && memchr(p->dump_path, '\0', sizeof(p->dump_path)) != NULL);
	FUZZ_CHECK(p->keep >= 1 && p->keep <= 100000);
	FUZZ_CHECK(!p->min_free_is_pct || p->min_free <= 99);
	for (i = 0; i < p->ndisabled; i++) {
		FUZZ_CHECK(p->disabled[i] && p->disabled[i][0]);
		FUZZ_CHECK(policy_is_disabled(p, p->disabled[i]));
	}
	for (i = 0; i < p->nsev; i++) {
		FUZZ_CHECK(p->sev[i].status == ST_WARN || p->sev[i].status == ST_FAIL);
		FUZZ_CHECK(policy_severity(p, p->sev[i].id) != 0);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct policy p;
	char err[512];
	int r;

	policy_defaults(&p);
	r = policy_load_buffer(&p, NAME, (const char *)data, size, err, sizeof(err));
	FUZZ_CHECK(r == 0 || r == -EINVAL);
	FUZZ_CHECK(memchr(err, '\0', sizeof(err)) != NULL);
	if (r == 0) {
		FUZZ_CHECK(err[0] == '\0');
		check_policy(&p);
	} else {
		check_error(err, data, size);
	}
	policy_free(&p);
	return 0;
}
