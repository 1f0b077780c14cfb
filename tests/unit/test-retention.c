/* test-retention.c - the retention decision on in-memory lists of dumps, and the reasons it gives. */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include "policy.h"
#include "retention.h"
#include "unit.h"

#define DAY 86400
#define NOW 1717171717	/* 2024-05-31T16:08:37Z */
#define MiB (1ull << 20)
#define GiB (1ull << 30)

/* A complete dump that crashed days_ago days before NOW, of the given size. */
static struct ret_dump complete(int days_ago, uint64_t bytes)
{
	struct ret_dump d;

	d.time = NOW - (int64_t)days_ago * DAY;
	d.mtime = d.time + 30;
	d.bytes = bytes;
	d.complete = 1;
	return d;
}

/* An incomplete dump written age seconds before NOW. */
static struct ret_dump incomplete(int64_t age, uint64_t bytes)
{
	struct ret_dump d = complete(0, bytes);

	d.time = NOW - age - 30;
	d.mtime = NOW - age;
	d.complete = 0;
	return d;
}

/* Rules with plenty of space: only the count applies. */
static struct ret_rules rules(unsigned keep)
{
	struct ret_rules r;

	memset(&r, 0, sizeof(r));
	r.keep = keep;
	r.min_free_is_pct = 1;
	r.min_free = 10;
	r.have_fs = 1;
	r.fs_total = 100 * GiB;
	r.fs_avail = 80 * GiB;
	r.now = NOW;
	return r;
}

TEST(keeps_newest_n_complete_and_deletes_the_rest)
{
	struct ret_dump d[] = { complete(1, GiB), complete(2, GiB), complete(3, GiB), complete(4, GiB) };
	struct ret_rules r = rules(2);
	struct ret_decision out[4];
	struct ret_sum sum;

	CHECK_INT(retention_decide(d, 4, &r, out, &sum), 0);
	CHECK_INT(out[0].del, 0);
	CHECK_INT(out[0].why, RET_KEEP_NEWEST);
	CHECK_INT(out[1].del, 0);
	CHECK_INT(out[1].why, RET_KEEP_COUNT);
	CHECK_INT(out[2].del, 1);
	CHECK_INT(out[2].why, RET_DEL_COUNT);
	CHECK_INT(out[3].del, 1);
	CHECK_INT(sum.ndel, 2);
	CHECK_U64(sum.freed, 2 * GiB);
	CHECK_U64(sum.avail_after, 82 * GiB);
	CHECK_U64(sum.need, 10 * GiB);
	CHECK_INT(sum.met, 1);
}

TEST(keep_zero_still_keeps_the_newest_complete)
{
	struct ret_dump d[] = { complete(1, GiB), complete(2, GiB) };
	struct ret_rules r = rules(0);
	struct ret_decision out[2];
	struct ret_sum sum;

	CHECK_INT(retention_decide(d, 2, &r, out, &sum), 0);
	CHECK_INT(out[0].del, 0);
	CHECK_INT(out[0].why, RET_KEEP_NEWEST);
	CHECK_INT(out[1].del, 1);
}

/* keep = 1 and the newest dump is a capture that did not finish an hour ago. */
TEST(keep_one_with_newest_incomplete)
{
	struct ret_dump d[] = { incomplete(3600, 512 * MiB), complete(2, GiB), complete(5, GiB) };
	struct ret_rules r = rules(1);
	struct ret_decision out[3];
	struct ret_sum sum;

	CHECK_INT(retention_decide(d, 3, &r, out, &sum), 0);
	CHECK_INT(out[0].del, 0);
	CHECK_INT(out[0].why, RET_KEEP_YOUNG);
	/* the newest complete one is older than the incomplete one, and still kept */
	CHECK_INT(out[1].del, 0);
	CHECK_INT(out[1].why, RET_KEEP_NEWEST);
	CHECK_INT(out[2].del, 1);
	CHECK_INT(out[2].why, RET_DEL_COUNT);
}

TEST(incomplete_older_than_a_day_goes_younger_stays)
{
	struct ret_dump d[] = { complete(0, GiB), incomplete(DAY - 1, GiB), incomplete(DAY, GiB),
				incomplete(10 * DAY, GiB) };
	struct ret_rules r = rules(5);
	struct ret_decision out[4];
	struct ret_sum sum;

	CHECK_INT(retention_decide(d, 4, &r, out, &sum), 0);
	CHECK_INT(out[1].del, 0);
	CHECK_INT(out[1].why, RET_KEEP_YOUNG);
	CHECK_INT(out[2].del, 1);
	CHECK_INT(out[2].why, RET_DEL_INCOMPLETE);
	CHECK_INT(out[3].why, RET_DEL_INCOMPLETE);
}

/* An mtime in the future (a clock set wrong in the capture kernel) counts as young. */
TEST(incomplete_from_the_future_is_young)
{
	struct ret_dump d[] = { incomplete(-5 * DAY, GiB) };
	struct ret_rules r = rules(1);
	struct ret_decision out[1];
	struct ret_sum sum;

	CHECK_INT(retention_decide(d, 1, &r, out, &sum), 0);
	CHECK_INT(out[0].del, 0);
	CHECK_INT(out[0].why, RET_KEEP_YOUNG);
}

/* Low on space: oldest first, only as many as needed, never the newest complete. */
TEST(min_free_percent_deletes_oldest_first_until_met)
{
	struct ret_dump d[] = { complete(1, 4 * GiB), complete(2, 4 * GiB), complete(3, 4 * GiB), complete(4, 4 * GiB) };
	struct ret_rules r = rules(5);
	struct ret_decision out[4];
	struct ret_sum sum;

	r.fs_avail = 3 * GiB;	/* needs 10 GiB: two dumps */
	CHECK_INT(retention_decide(d, 4, &r, out, &sum), 0);
	CHECK_INT(out[3].del, 1);
	CHECK_INT(out[3].why, RET_DEL_SPACE);
	CHECK_INT(out[2].del, 1);
	CHECK_INT(out[1].del, 0);
	CHECK_INT(out[1].why, RET_KEEP_COUNT);
	CHECK_INT(out[0].del, 0);
	CHECK_U64(sum.avail_after, 11 * GiB);
	CHECK_INT(sum.met, 1);
	CHECK_INT(sum.ndel, 2);
}

TEST(min_free_impossible_keeps_newest_complete_and_young_incomplete)
{
	struct ret_dump d[] = { incomplete(60, 2 * GiB), complete(1, GiB), complete(2, GiB), complete(3, GiB) };
	struct ret_rules r = rules(5);
	struct ret_decision out[4];
	struct ret_sum sum;

	r.min_free = 100;
	r.fs_avail = GiB;
	CHECK_INT(retention_decide(d, 4, &r, out, &sum), 0);
	CHECK_INT(out[0].del, 0);
	CHECK_INT(out[0].why, RET_KEEP_YOUNG);
	CHECK_INT(out[1].del, 0);
	CHECK_INT(out[1].why, RET_KEEP_NEWEST);
	CHECK_INT(out[2].del, 1);
	CHECK_INT(out[3].del, 1);
	CHECK_INT(sum.met, 0);
	CHECK_U64(sum.need, 100 * GiB);
	CHECK_U64(sum.avail_after, 3 * GiB);
}

TEST(min_free_as_a_size)
{
	struct ret_dump d[] = { complete(1, GiB), complete(2, GiB), complete(3, GiB) };
	struct ret_rules r = rules(5);
	struct ret_decision out[3];
	struct ret_sum sum;

	r.min_free_is_pct = 0;
	r.min_free = 81 * GiB;	/* 80 available: one more GiB */
	CHECK_INT(retention_decide(d, 3, &r, out, &sum), 0);
	CHECK_INT(out[2].del, 1);
	CHECK_INT(out[1].del, 0);
	CHECK_U64(sum.need, 81 * GiB);
	CHECK_INT(sum.met, 1);
	/* exactly met: nothing goes */
	r.min_free = 80 * GiB;
	CHECK_INT(retention_decide(d, 3, &r, out, &sum), 0);
	CHECK_INT(sum.ndel, 0);
}

/* The count deletions count towards min_free before anything within keep goes. */
TEST(count_deletions_free_space_first)
{
	struct ret_dump d[] = { complete(1, GiB), complete(2, GiB), complete(3, 9 * GiB) };
	struct ret_rules r = rules(2);
	struct ret_decision out[3];
	struct ret_sum sum;

	r.fs_avail = 2 * GiB;
	CHECK_INT(retention_decide(d, 3, &r, out, &sum), 0);
	CHECK_INT(out[2].why, RET_DEL_COUNT);
	CHECK_INT(out[1].del, 0);
	CHECK_U64(sum.avail_after, 11 * GiB);
}

/* Without the filesystem's figures only the count applies. */
TEST(unknown_filesystem_applies_count_only)
{
	struct ret_dump d[] = { complete(1, GiB), complete(2, GiB) };
	struct ret_rules r = rules(5);
	struct ret_decision out[2];
	struct ret_sum sum;

	r.have_fs = 0;
	r.fs_total = r.fs_avail = 0;
	CHECK_INT(retention_decide(d, 2, &r, out, &sum), 0);
	CHECK_INT(sum.ndel, 0);
	CHECK_INT(sum.met, 1);
	CHECK_U64(sum.need, 0);
}

TEST(empty_list)
{
	struct ret_rules r = rules(5);
	struct ret_decision out[1];
	struct ret_sum sum;

	CHECK_INT(retention_decide(NULL, 0, &r, out, &sum), 0);
	CHECK_INT(sum.ndel, 0);
	CHECK_INT(sum.met, 1);
	r.fs_avail = 0;
	CHECK_INT(retention_decide(NULL, 0, &r, out, &sum), 0);
	CHECK_INT(sum.met, 0);
}

/* Only incomplete dumps: none is "the newest complete", old ones go. */
TEST(only_incomplete_dumps)
{
	struct ret_dump d[] = { incomplete(10, GiB), incomplete(3 * DAY, GiB) };
	struct ret_rules r = rules(5);
	struct ret_decision out[2];
	struct ret_sum sum;

	CHECK_INT(retention_decide(d, 2, &r, out, &sum), 0);
	CHECK_INT(out[0].why, RET_KEEP_YOUNG);
	CHECK_INT(out[1].why, RET_DEL_INCOMPLETE);
}

TEST(rejects_unsorted_and_bad_percent)
{
	struct ret_dump d[] = { complete(3, GiB), complete(1, GiB) };
	struct ret_dump same[] = { complete(1, GiB), complete(1, GiB) };
	struct ret_rules r = rules(5);
	struct ret_decision out[2];
	struct ret_sum sum;

	CHECK_INT(retention_decide(d, 2, &r, out, &sum), -EINVAL);
	/* equal times: the later mtime must come first */
	same[1].mtime += 10;
	CHECK_INT(retention_decide(same, 2, &r, out, &sum), -EINVAL);
	same[1].mtime -= 20;
	CHECK_INT(retention_decide(same, 2, &r, out, &sum), 0);
	r.min_free = 101;
	CHECK_INT(retention_decide(same, 2, &r, out, &sum), -EINVAL);
}

/* Hostile figures: sizes that would overflow, times at the extremes. */
TEST(no_overflow_on_extreme_values)
{
	struct ret_dump d[] = { complete(1, UINT64_MAX), complete(2, UINT64_MAX), complete(3, UINT64_MAX) };
	struct ret_dump t[] = { incomplete(0, 1), incomplete(0, 1) };
	struct ret_rules r = rules(1);
	struct ret_decision out[3];
	struct ret_sum sum;

	r.fs_total = UINT64_MAX;
	r.fs_avail = UINT64_MAX - 5;
	CHECK_INT(retention_decide(d, 3, &r, out, &sum), 0);
	CHECK_U64(sum.freed, UINT64_MAX);
	CHECK_U64(sum.avail_after, UINT64_MAX);
	CHECK_U64(sum.need, UINT64_MAX / 100 * 10 + UINT64_MAX % 100 * 10 / 100);
	t[0].time = INT64_MAX;
	t[0].mtime = INT64_MAX;
	t[1].time = INT64_MIN;
	t[1].mtime = INT64_MIN;
	r.now = INT64_MAX;
	CHECK_INT(retention_decide(t, 2, &r, out, &sum), 0);
	CHECK_INT(out[0].why, RET_KEEP_YOUNG);
	CHECK_INT(out[1].why, RET_DEL_INCOMPLETE);
	r.now = INT64_MIN;
	CHECK_INT(retention_decide(t, 2, &r, out, &sum), 0);
	CHECK_INT(out[1].why, RET_KEEP_YOUNG);
}

TEST(reasons_have_words)
{
	CHECK(strstr(retention_why_str(RET_KEEP_NEWEST), "newest complete") != NULL);
	CHECK(strstr(retention_why_str(RET_KEEP_YOUNG), "less than a day") != NULL);
	CHECK(strstr(retention_why_str(RET_DEL_SPACE), "min_free") != NULL);
	CHECK(strstr(retention_why_str(RET_DEL_INCOMPLETE), "older than a day") != NULL);
	CHECK_STR(retention_why_str((enum ret_why)99), "?");
}

/* The reasons the verbs print carry the policy's numbers. */
TEST(reasons_with_the_policy_numbers)
{
	struct ret_rules r;
	struct ret_decision d;
	char out[256];

	memset(&r, 0, sizeof(r));
	r.keep = 0;
	r.min_free_is_pct = 1;
	r.min_free = 10;
	d.del = 1;
	d.why = RET_DEL_COUNT;
	retention_reason(&r, &d, out, sizeof(out));
	CHECK_STR(out, "complete, older than the newest 1 (keep = 0)");
	d.why = RET_DEL_SPACE;
	retention_reason(&r, &d, out, sizeof(out));
	CHECK_STR(out, "the oldest left, deleted to bring free space up to min_free = 10%");
	d.why = RET_KEEP_NEWEST;
	retention_reason(&r, &d, out, sizeof(out));
	CHECK_STR(out, retention_why_str(RET_KEEP_NEWEST));
	r.keep = 3;
	d.del = 0;
	d.why = RET_KEEP_COUNT;
	retention_reason(&r, &d, out, sizeof(out));
	CHECK_STR(out, "one of the newest 3 complete dumps (keep = 3)");
}

/* A missing dump directory: no plan, nothing deleted, and the plan is still safe to free. */
TEST(prune_without_a_directory)
{
	struct policy pol;
	struct ret_plan p;

	policy_defaults(&pol);
	CHECK_INT(retention_prune("/nonexistent/kdumpcheck-test-dumps", &pol, NOW, 0, &p), -ENOENT);
	CHECK_INT(p.n, 0);
	CHECK(p.v == NULL);
	retention_plan_free(&p);
	policy_free(&pol);
}

UNIT_MAIN(T(keeps_newest_n_complete_and_deletes_the_rest), T(keep_zero_still_keeps_the_newest_complete),
	  T(keep_one_with_newest_incomplete), T(incomplete_older_than_a_day_goes_younger_stays),
	  T(incomplete_from_the_future_is_young), T(min_free_percent_deletes_oldest_first_until_met),
	  T(min_free_impossible_keeps_newest_complete_and_young_incomplete), T(min_free_as_a_size),
	  T(count_deletions_free_space_first), T(unknown_filesystem_applies_count_only), T(empty_list),
	  T(only_incomplete_dumps), T(rejects_unsorted_and_bad_percent), T(no_overflow_on_extreme_values),
	  T(reasons_have_words), T(reasons_with_the_policy_numbers), T(prune_without_a_directory))
