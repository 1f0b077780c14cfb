/* test-policy.c - the policy file: defaults, every key, and the errors that name file:line. */
#include <errno.h>
#include <string.h>

#include "check.h"
#include "checks/ids.h"
#include "policy.h"
#include "root.h"
#include "unit.h"

#define DATA "tests/unit/data/policy/"

/* Load a file into p over the defaults; returns policy_load's result. */
static int load(struct policy *p, const char *name, char *err, size_t errlen)
{
	policy_defaults(p);
	return policy_load(p, NULL, name, 0, err, errlen);
}

TEST(defaults_match_spec)
{
	struct policy p;
	policy_defaults(&p);
	CHECK_INT(p.nrules, 4);
	CHECK_STR(p.rules[0].key, "kernel.hung_task_panic");
	CHECK_STR(p.rules[3].key, "kernel.panic");
	CHECK_INT(p.rules[3].op, CMP_GE);
	CHECK_STR(p.rules[3].id, "sysctl.kernel.panic");
	CHECK(p.ck_min_auto);
	CHECK_INT(p.debuginfo, DEBUGINFO_WARN);
	CHECK_U64(p.pid_max_min, 65536);
	CHECK_STR(p.dump_path, "/var/crash");
	CHECK_INT(p.keep, 5);
	CHECK(p.min_free_is_pct);
	CHECK_U64(p.min_free, 10);
	policy_free(&p);
}

TEST(shipped_file_equals_defaults)
{
	struct policy p;
	char err[512];
	size_t i;
	CHECK_INT(load(&p, DATA "default.conf", err, sizeof(err)), 0);
	CHECK_INT(p.nrules, 4);
	for (i = 0; i < p.nrules; i++)
		CHECK(p.rules[i].numeric);
	CHECK_INT(p.rules[3].op, CMP_GE);
	CHECK_INT(p.rules[3].num, 1);
	CHECK_INT(p.ndisabled, 0);
	policy_free(&p);
}

TEST(custom_file_sets_every_key)
{
	struct policy p;
	char err[512];
	CHECK_INT(load(&p, DATA "custom.conf", err, sizeof(err)), 0);
	CHECK_INT(p.nrules, 5);
	CHECK_STR(p.rules[1].key, "kernel.hung_task_timeout_secs");
	CHECK_INT(p.rules[1].op, CMP_LE);
	CHECK_INT(p.rules[2].op, CMP_NE);
	CHECK(!p.rules[3].numeric);
	CHECK_STR(p.rules[4].key, "kernel.nmi_watchdog");
	CHECK(!p.ck_min_auto);
	CHECK_U64(p.ck_min, 384ull << 20);
	CHECK_INT(p.debuginfo, DEBUGINFO_FAIL);
	CHECK_U64(p.pid_max_min, 131072);
	CHECK_STR(p.dump_path, "/srv/crash");
	CHECK_INT(p.keep, 3);
	CHECK(!p.min_free_is_pct);
	CHECK_U64(p.min_free, 20ull << 30);
	CHECK(policy_is_disabled(&p, "kernel.taint"));
	CHECK(policy_is_disabled(&p, "limits.core_pattern"));
	CHECK(!policy_is_disabled(&p, "kdump.initrd"));
	CHECK_INT(policy_severity(&p, "kdump.initrd"), ST_FAIL);
	CHECK_INT(policy_severity(&p, "sysctl.kernel.panic"), ST_FAIL);
	CHECK_INT(policy_severity(&p, "kdump.loaded"), 0);
	policy_free(&p);
}

TEST(rule_matching)
{
	struct policy p;
	char err[512], s[64];
	CHECK_INT(load(&p, DATA "custom.conf", err, sizeof(err)), 0);
	CHECK_INT(policy_rule_match(&p.rules[0], "10\n"), 1);
	CHECK_INT(policy_rule_match(&p.rules[0], "9"), 0);
	CHECK_INT(policy_rule_match(&p.rules[0], "ten"), -EINVAL);
	CHECK_INT(policy_rule_match(&p.rules[1], "120"), 1);
	CHECK_INT(policy_rule_match(&p.rules[1], "121"), 0);
	CHECK_INT(policy_rule_match(&p.rules[2], "0"), 1);
	CHECK_INT(policy_rule_match(&p.rules[2], "1"), 0);
	CHECK_INT(policy_rule_match(&p.rules[3], "core"), 1);
	CHECK_INT(policy_rule_match(&p.rules[3], "|/usr/libexec/abrt-hook-ccpp %s"), 0);
	policy_rule_str(&p.rules[0], s, sizeof(s));
	CHECK_STR(s, ">=10");
	policy_free(&p);
}

/* An error names the file and line, and says what is wrong. */
static void expect_error(const char *name, const char *where, const char *what)
{
	struct policy p;
	char err[512];
	int e = load(&p, name, err, sizeof(err));
	policy_free(&p);
	if (e == 0) {
		unit_fail(__FILE__, __LINE__, name);
		return;
	}
	if (!strstr(err, where) || !strstr(err, what)) {
		printf("#   got \"%s\", want \"%s\" and \"%s\"\n", err, where, what);
		unit_fail(__FILE__, __LINE__, name);
	}
}

TEST(errors_name_file_and_line)
{
	expect_error(DATA "bad-comparator.conf", "bad-comparator.conf:3:", "comparator");
	expect_error(DATA "ge-not-number.conf", "ge-not-number.conf:2:", "not a number");
	expect_error(DATA "bad-size.conf", "bad-size.conf:2:", "not a size");
	expect_error(DATA "unknown-section.conf", "unknown-section.conf:4:", "unknown section [frobnicate]");
	expect_error(DATA "unknown-key.conf", "unknown-key.conf:3:", "unknown key 'threads'");
	expect_error(DATA "unknown-id.conf", "unknown-id.conf:2:", "no.such.check");
	expect_error(DATA "no-equals.conf", "no-equals.conf:3:", "key = value");
	expect_error(DATA "nul.conf", "nul.conf:2:", "NUL");
	expect_error(DATA "bad-header.conf", "bad-header.conf:1:", "section header");
	expect_error(DATA "no-section.conf", "no-section.conf:1:", "outside any section");
	expect_error(DATA "bad-severity.conf", "bad-severity.conf:2:", "fatal");
	expect_error(DATA "duplicate.conf", "duplicate.conf:3:", "set twice");
	expect_error(DATA "long-line.conf", "long-line.conf:2:", "longer than");
}

TEST(missing_file)
{
	struct policy p;
	char err[512];
	struct root *r;
	CHECK_INT(load(&p, DATA "nope.conf", err, sizeof(err)), -ENOENT);
	CHECK(strstr(err, "nope.conf") != NULL);
	policy_free(&p);
	CHECK_INT(root_new(DATA, &r), 0);
	policy_defaults(&p);
	CHECK_INT(policy_load(&p, r, "/etc/kdumpcheck.conf", 1, err, sizeof(err)), 0);
	CHECK_INT(p.nrules, 4);
	CHECK_STR(p.source, "");
	policy_free(&p);
	root_free(r);
}

TEST(empty_file_keeps_defaults)
{
	struct policy p;
	char err[512];
	CHECK_INT(load(&p, DATA "empty.conf", err, sizeof(err)), 0);
	CHECK_INT(p.nrules, 4);
	policy_free(&p);
}

TEST(ids_validated_after_sysctl_keys_known)
{
	struct policy p;
	char err[512];
	CHECK_INT(load(&p, DATA "late-sysctl-id.conf", err, sizeof(err)), 0);
	CHECK_INT(p.nrules, 1);
	CHECK_INT(policy_severity(&p, "sysctl.vm.swappiness"), ST_WARN);
	policy_free(&p);
}

TEST(second_sysctl_section_adds)
{
	static const char text[] = "[sysctl]\nkernel.panic = 10\n[dump]\npath = /var/crash\n[sysctl]\n"
				   "kernel.hung_task_panic = 1\n";
	struct policy p;
	char err[512];

	CHECK_INT(policy_load_buffer(&p, "p.conf", text, sizeof(text) - 1, err, sizeof(err)), 0);
	CHECK_INT(p.nrules, 2);
	policy_free(&p);
}

/* The registry runs exactly the ids the policy accepts, in SPEC order. */
TEST(registry_runs_the_known_ids)
{
	CHECK_INT(checks_match_ids(), 0);
	CHECK(check_id_fixed("kdump.tested"));
	CHECK(check_id_fixed("sysctl.persistent"));
	CHECK(!check_id_fixed("sysctl.kernel.panic"));
	CHECK(!check_id_fixed("no.such.check"));
}

UNIT_MAIN(T(defaults_match_spec), T(shipped_file_equals_defaults), T(custom_file_sets_every_key), T(rule_matching),
	  T(errors_name_file_and_line), T(missing_file), T(empty_file_keeps_defaults),
	  T(ids_validated_after_sysctl_keys_known), T(second_sysctl_section_adds), T(registry_runs_the_known_ids))
