/*
 * fleet.h - many hosts' check reports (kdumpcheck.report/1) read into one view.
 *
 * Each report is parsed on its own (fleet_report_parse()) and reduced to the
 * host's summary (fleet_add()): its name, status, counts and the checks that
 * did not pass. Only the summaries stay, so memory grows with the hosts, not
 * with the size of their reports. A report that cannot be used is recorded
 * with why (fleet_add_unreadable()) and the others go on.
 */
#ifndef KDC_FLEET_H
#define KDC_FLEET_H

#include <stddef.h>
#include <stdint.h>

struct json_object;

/* A host's or a check's result, worst last. */
enum fleet_status { FL_PASS, FL_SKIP, FL_WARN, FL_FAIL, FL_ERROR };

/* The largest report read, and the most checks one report may hold. */
#define FLEET_REPORT_MAX (16u << 20)
#define FLEET_CHECKS_MAX 1024
/* The longest host name and check id kept; longer ones make the report unreadable. */
#define FLEET_NAME_MAX 255

/*
 * One parsed report. The parse is a single strict pass over the JSON text (RFC
 * 8259: every value validated, nesting at most FLEET_DEPTH) that keeps only the
 * members the view needs, decoded: at this volume (thousands of reports) a
 * tree of every member would cost most of the time. Reuse one for many reports
 * (fleet_report_init() once, fleet_report_free() at the end).
 */
#define FLEET_DEPTH 64
struct fleet_report {
	const char *host;		/* host.hostname */
	enum fleet_status status;	/* the worst of summary.status and of every check */
	size_t nchecks;
	unsigned nfail, nwarn;
	/* the decoded strings, and where each member is in them (internal) */
	char *arena;
	size_t alen, acap;
	struct fleet_slot {
		size_t id, status, message;	/* offsets into arena; (size_t)-1 when absent, -2 not a string */
	} *slots;
	size_t capslots;
	size_t schema, hostname, summary_status;
};

/* The i-th check of a parsed report (validated by fleet_report_parse()). */
struct fleet_check {
	const char *id;
	enum fleet_status status;
	const char *message;	/* NULL when absent or null */
};

void fleet_report_init(struct fleet_report *r);
/*
 * Parse the report data[0..len). 0, or -EINVAL with why (not JSON and where,
 * truncated, another schema, a member missing or of the wrong type, an
 * unknown status, too many checks).
 */
int fleet_report_parse(const char *data, size_t len, struct fleet_report *r, char *why, size_t whylen);
void fleet_report_check(const struct fleet_report *r, size_t i, struct fleet_check *c);
void fleet_report_free(struct fleet_report *r);

const char *fleet_status_str(enum fleet_status s);
/* The status named s ("pass", "skip", "warn", "fail"): 0, or -EINVAL. */
int fleet_status_parse(const char *s, enum fleet_status *out);

struct fleet;

struct fleet *fleet_new(void);
void fleet_free(struct fleet *fl);
/*
 * Add the host of report r, read from path (modified at mtime). A second
 * report of the same host name keeps the newer one (the first given when
 * they are as old) and lists the other as a duplicate.
 */
void fleet_add(struct fleet *fl, const struct fleet_report *r, const char *path, int64_t mtime);
/* Record a report that could not be used: it counts as one host in error. */
void fleet_add_unreadable(struct fleet *fl, const char *path, const char *why);
/* Hosts kept (duplicates not counted), and reports unreadable. */
size_t fleet_hosts(const struct fleet *fl);
size_t fleet_unreadable(const struct fleet *fl);

/* The fleet view as a kdumpcheck.fleet/1 document (the caller owns it). */
struct json_object *fleet_json(struct fleet *fl);
/* The same view as text; hosts per check are cut at 10 unless verbose. */
struct sbuf;
void fleet_text(struct fleet *fl, struct sbuf *out, int verbose);

#endif
