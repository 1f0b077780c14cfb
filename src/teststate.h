/*
 * teststate.h - the state of the crash test on the judged host:
 *
 *   /var/lib/kdumpcheck/test-pending    written (fsynced) by 'test' just before
 *       the crash: {"schema": "kdumpcheck.test-pending/1", "started_at",
 *       "release", "hostname", "dump_dir"}, plus "target": "ssh user@host" and
 *       "sshkey" when the dumps go to an ssh target (dump_dir is then the
 *       directory on the server)
 *   /var/lib/kdumpcheck/last-test.json  written by 'harvest' after the reboot,
 *       read by the kdump.tested check: {"schema": "kdumpcheck.test/1",
 *       "verdict": "success|failure", "tested_at", "verdict_at", "reason",
 *       "dump": {"path", "size_bytes", "complete", "capture_seconds"} or null}
 *
 * Times are ISO-8601 UTC. Everything goes through the root layer; nothing
 * here prints. Functions return 0 or -errno.
 */
#ifndef KDC_TESTSTATE_H
#define KDC_TESTSTATE_H

#include <stddef.h>
#include <stdint.h>

struct json_object;
struct root;

#define TESTSTATE_DIR "/var/lib/kdumpcheck"
#define TESTSTATE_PENDING TESTSTATE_DIR "/test-pending"
#define TESTSTATE_VERDICT TESTSTATE_DIR "/last-test.json"

/*
 * Write the pending marker of a test started at now, creating
 * TESTSTATE_DIR (0700) as needed; ssh_where and ssh_key name an ssh target
 * (NULL for any other). On failure *failed is the path that could not be
 * made: TESTSTATE_DIR or TESTSTATE_PENDING.
 */
int teststate_write_pending(struct root *r, int64_t now, const char *release, const char *hostname,
			    const char *dump_dir, const char *ssh_where, const char *ssh_key, const char **failed);
int teststate_remove_pending(struct root *r);

/* The pending marker as read back. */
struct test_pending {
	int64_t started;	/* its started_at; -1 when it does not parse */
	int have_mtime;
	int64_t mtime;		/* the marker file's mtime, when have_mtime */
	char dump_dir[4096];	/* the judged-host dump directory it names (on the server for ssh); "" when none */
	char ssh_where[512];	/* user@host of an ssh target ("target": "ssh user@host"); "" for any other */
	char ssh_key[512];	/* its key; "" when the marker names none */
};

/* Read the pending marker: 0, -ENOENT (no test pending) or -errno. */
int teststate_read_pending(struct root *r, struct test_pending *tp);

/* A verdict to write. */
struct test_verdict {
	int success;
	const char *tested_at;	/* when the test started */
	const char *verdict_at;	/* now */
	const char *reason;	/* why it failed; not written on success */
	/* the dump that answers the test; dump_path NULL for none (null in JSON) */
	const char *dump_path;
	uint64_t dump_size;
	int dump_complete;
	int64_t capture_seconds;	/* crash to end of capture; -1 unknown (null) */
};

/* Write TESTSTATE_VERDICT (0644), replacing it atomically. */
int teststate_write_verdict(struct root *r, const struct test_verdict *v);

/* A verdict as parsed: the strings belong to o. */
struct test_verdict_in {
	struct json_object *o;
	const char *verdict;	/* "success", or anything else for a failure */
	const char *tested_at;
	const char *reason;	/* NULL when none */
	int64_t tested;		/* tested_at as seconds since the epoch */
};

/*
 * Parse the text of TESTSTATE_VERDICT: 0, or -EINVAL when it is not a JSON
 * object with a verdict and a valid tested_at. Free with teststate_verdict_free().
 */
int teststate_parse_verdict(const char *data, size_t len, struct test_verdict_in *v);
void teststate_verdict_free(struct test_verdict_in *v);

#endif
