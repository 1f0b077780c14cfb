/* test-fleet.c - the report reader of 'fleet': strict JSON, only what the view needs. */
#include <errno.h>
#include <string.h>

#include "fleet.h"
#include "unit.h"
#include "util.h"

#define HEAD "{\"schema\":\"kdumpcheck.report/1\",\"host\":{\"hostname\":\"h1\"},\"summary\":{\"status\":\"pass\"},"

static int parse(struct fleet_report *r, const char *text, char *why)
{
	why[0] = '\0';
	return fleet_report_parse(text, strlen(text), r, why, 256);
}

/* A document the reader refuses, and the reason it gives. */
struct rejection {
	const char *text, *why;
};

static void expect_rejections(const struct rejection *cases, size_t n)
{
	struct fleet_report r;
	char why[256];
	size_t i;

	fleet_report_init(&r);
	for (i = 0; i < n; i++) {
		CHECK_INT(parse(&r, cases[i].text, why), -EINVAL);
		CHECK_STR(why, cases[i].why);
	}
	fleet_report_free(&r);
}

TEST(a_minimal_report)
{
	struct fleet_report r;
	struct fleet_check c;
	char why[256];

	fleet_report_init(&r);
	CHECK_INT(parse(&r, HEAD "\"checks\":[{\"id\":\"a\",\"status\":\"warn\",\"message\":null},"
			"{\"id\":\"b\",\"status\":\"skip\",\"message\":\"m\",\"extra\":[1,{\"x\":[]}]}]}\n", why), 0);
	CHECK_STR(r.host, "h1");
	CHECK_INT(r.status, FL_WARN);
	CHECK_INT(r.nchecks, 2);
	CHECK_INT(r.nwarn, 1);
	fleet_report_check(&r, 0, &c);
	CHECK_STR(c.id, "a");
	CHECK(c.message == NULL);
	fleet_report_check(&r, 1, &c);
	CHECK_INT(c.status, FL_SKIP);
	CHECK_STR(c.message, "m");
	fleet_report_free(&r);
}

TEST(escapes_are_decoded)
{
	struct fleet_report r;
	char why[256];

	fleet_report_init(&r);
	CHECK_INT(parse(&r, "{\"schema\":\"kdumpcheck.report\\/1\",\"host\":{\"hostname\":\"a\\u00e9\\ud83d\\ude00\\\"\\\\\\n\"},"
			"\"summary\":{\"status\":\"pass\"},\"checks\":[]}", why), 0);
	CHECK_STR(r.host, "a\xc3\xa9\xf0\x9f\x98\x80\"\\\n");
	/* NUL and lone surrogates cannot stand in a C string: U+FFFD */
	CHECK_INT(parse(&r, "{\"schema\":\"kdumpcheck.report/1\",\"host\":{\"hostname\":\"\\u0000\\udc00\\ud800x\"},"
			"\"summary\":{\"status\":\"pass\"},\"checks\":[]}", why), 0);
	CHECK_STR(r.host, "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdx");
	fleet_report_free(&r);
}

TEST(the_last_of_a_repeated_member_counts)
{
	struct fleet_report r;
	char why[256];

	fleet_report_init(&r);
	CHECK_INT(parse(&r, HEAD "\"checks\":[{\"id\":\"a\",\"status\":\"fail\"}],\"host\":{\"hostname\":\"h2\"},"
			"\"checks\":[]}", why), 0);
	CHECK_STR(r.host, "h2");
	CHECK_INT(r.nchecks, 0);
	CHECK_INT(r.status, FL_PASS);
	fleet_report_free(&r);
}

TEST(what_is_not_json_says_where)
{
	static const struct rejection cases[] = {
		{ "", "empty" },
		{ "   ", "truncated: the JSON ends at byte 3 before it is complete" },
		{ "{\"a\":1,}", "not JSON: expected a member name after , at byte 7" },
		{ "[1,]", "not JSON: an unexpected character at byte 3" },
		{ "{\"a\":01}", "not JSON: expected , or } at byte 6" },
		{ "{\"a\":-}", "not JSON: a number without digits at byte 6" },
		{ "{\"a\":1.}", "not JSON: a number without digits at byte 7" },
		{ "{\"a\":tru}", "not JSON: an unexpected character at byte 5" },
		{ "{\"a\":\"x\ty\"}", "not JSON: a control character in a string at byte 7" },
		{ "{\"a\":\"\\x\"}", "not JSON: an unknown escape in a string at byte 7" },
		{ "{\"a\":\"\\u12g4\"}", "not JSON: a \\u escape that is not hex at byte 10" },
		{ "{'a':1}", "not JSON: expected a member name or } at byte 1" },
		{ "{\"a\" 1}", "not JSON: expected : after a member name at byte 5" },
		{ "{} {}", "not JSON: more data after the document at byte 3" },
		{ "{\"a\":[1,2", "truncated: the JSON ends at byte 9 before it is complete" },
		{ "{\"a\":\"abc", "truncated: the JSON ends at byte 9 before it is complete" },
		{ "{\"a\":nul", "truncated: the JSON ends at byte 8 before it is complete" },
		{ "[1] ", "not a report: the JSON is not an object" },
		{ "{}", "not a report: no \"schema\" (a string)" },
		{ "{\"schema\":1}", "not a report: no \"schema\" (a string)" },
	};

	expect_rejections(cases, ARRAY_SIZE(cases));
}

TEST(nesting_is_bounded)
{
	struct fleet_report r;
	struct sbuf b;
	char why[256];
	int i;

	fleet_report_init(&r);
	sbuf_init(&b);
	sbuf_puts(&b, HEAD "\"checks\":[],\"x\":");
	for (i = 0; i < 62; i++)
		sbuf_puts(&b, "[");
	for (i = 0; i < 62; i++)
		sbuf_puts(&b, "]");
	sbuf_puts(&b, "}");
	CHECK_INT(parse(&r, sbuf_str(&b), why), 0);
	sbuf_free(&b);
	sbuf_init(&b);
	for (i = 0; i < 100000; i++)
		sbuf_puts(&b, "[");
	CHECK_INT(parse(&r, sbuf_str(&b), why), -EINVAL);
	CHECK_STR(why, "not JSON: nesting deeper than 64 at byte 64");
	sbuf_free(&b);
	fleet_report_free(&r);
}

TEST(what_is_not_a_report_says_why)
{
	static const struct rejection cases[] = {
		{ "{\"schema\":\"kdumpcheck.fleet/1\"}", "schema 'kdumpcheck.fleet/1' is not kdumpcheck.report/1" },
		{ "{\"schema\":\"kdumpcheck.report/1\",\"host\":\"h\"}", "no host.hostname (a string)" },
		{ "{\"schema\":\"kdumpcheck.report/1\",\"host\":{\"hostname\":\"\"}}",
		  "host.hostname is empty or longer than 255 bytes" },
		{ "{\"schema\":\"kdumpcheck.report/1\",\"host\":{\"hostname\":\"h\"},\"summary\":{\"status\":\"skip\"}}",
		  "summary.status 'skip' is not pass, warn or fail" },
		{ "{\"schema\":\"kdumpcheck.report/1\",\"host\":{\"hostname\":\"h\"},\"summary\":{}}",
		  "no summary.status (a string)" },
		{ HEAD "\"checks\":{}}", "no checks (an array)" },
		{ HEAD "\"checks\":[{\"id\":\"a\",\"status\":\"pass\"},3]}", "check 2 is not an object" },
		{ HEAD "\"checks\":[{\"status\":\"pass\"}]}", "check 1: no id (a string of 1 to 255 bytes)" },
		{ HEAD "\"checks\":[{\"id\":\"a\",\"status\":\"PASS\"}]}", "check 'a': status is not pass, warn, fail or skip" },
		{ HEAD "\"checks\":[{\"id\":\"a\",\"status\":\"pass\",\"message\":3}]}", "check 'a': message is not a string" },
	};

	expect_rejections(cases, ARRAY_SIZE(cases));
}

TEST(too_many_checks)
{
	struct fleet_report r;
	struct sbuf b;
	char why[256];
	int i;

	fleet_report_init(&r);
	sbuf_init(&b);
	sbuf_puts(&b, HEAD "\"checks\":[");
	for (i = 0; i < FLEET_CHECKS_MAX + 1; i++)
		sbuf_printf(&b, "%s{\"id\":\"c%d\",\"status\":\"pass\"}", i ? "," : "", i);
	sbuf_puts(&b, "]}");
	CHECK_INT(parse(&r, sbuf_str(&b), why), -EINVAL);
	CHECK_STR(why, "1025 checks, more than 1024");
	sbuf_free(&b);
	fleet_report_free(&r);
}

TEST(a_view_of_hosts_and_duplicates)
{
	struct fleet_report r;
	struct fleet *fl = fleet_new();
	struct sbuf t;
	char why[256];

	fleet_report_init(&r);
	CHECK_INT(parse(&r, HEAD "\"checks\":[{\"id\":\"a\",\"status\":\"fail\"},{\"id\":\"a\",\"status\":\"warn\"}]}", why), 0);
	fleet_add(fl, &r, "one.json", 10);
	fleet_add(fl, &r, "two.json", 5);
	fleet_add_unreadable(fl, "bad.json", "empty");
	CHECK_INT(fleet_hosts(fl), 1);
	CHECK_INT(fleet_unreadable(fl), 1);
	sbuf_init(&t);
	fleet_text(fl, &t, 0);
	CHECK(strstr(sbuf_str(&t), "2 hosts: 0 pass, 0 warn, 1 fail, 1 error\n") == sbuf_str(&t));
	/* a check listed twice on one host counts once, at its worst */
	CHECK(strstr(sbuf_str(&t), "  a: 1 fail, 0 warn\n    fail on 1: h1\n") != NULL);
	CHECK(strstr(sbuf_str(&t), "  h1: two.json (kept one.json)\n") != NULL);
	sbuf_free(&t);
	fleet_free(fl);
	fleet_report_free(&r);
}

UNIT_MAIN(T(a_minimal_report), T(escapes_are_decoded), T(the_last_of_a_repeated_member_counts),
	  T(what_is_not_json_says_where), T(nesting_is_bounded), T(what_is_not_a_report_says_why), T(too_many_checks),
	  T(a_view_of_hosts_and_duplicates))
