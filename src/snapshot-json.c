/* snapshot-json.c - a snapshot as a kdumpcheck.snapshot/1 JSON object. */
#include <string.h>

#include <json.h>

#include "jsonx.h"
#include "snapshot.h"
#include "util.h"

/* Frames as an array of printable strings. */
static struct json_object *jframes(const struct kframes *f)
{
	struct json_object *a = json_object_new_array();
	size_t i;

	for (i = 0; i < f->n; i++)
		json_object_array_add(a, jsonx_str_printable(f->v[i]));
	return a;
}

/* Whole seconds of a microsecond count, or null. */
static struct json_object *jsecs(int64_t us)
{
	if (us < 0)
		return NULL;
	return json_object_new_int64(us / 1000000);
}

/* A non-empty string made printable, or null. */
static struct json_object *jtext(const char *s)
{
	return s && s[0] ? jsonx_str_printable(s) : NULL;
}

/* One D task. */
static struct json_object *task_json(const struct dtask *t)
{
	struct json_object *o = json_object_new_object();
	const char *src = blocked_src_name(t->blocked_src);

	json_object_object_add(o, "pid", json_object_new_int64(t->pid));
	json_object_object_add(o, "tid", t->tid != t->pid ? json_object_new_int64(t->tid) : NULL);
	json_object_object_add(o, "comm", jsonx_str_printable(t->comm));
	json_object_object_add(o, "state", json_object_new_string_len(&t->state, 1));
	json_object_object_add(o, "ppid", json_object_new_int64(t->ppid));
	json_object_object_add(o, "kernel_thread", json_object_new_boolean(t->kthread));
	json_object_object_add(o, "wchan", jtext(t->wchan));
	json_object_object_add(o, "stack", t->stack_err ? NULL : jframes(&t->stack));
	json_object_object_add(o, "stack_error", t->stack_err ? json_object_new_string(strerror(-t->stack_err)) : NULL);
	json_object_object_add(o, "blocked_seconds", jsecs(t->blocked_us));
	json_object_object_add(o, "blocked_source", jsonx_str_or_null(src));
	json_object_object_add(o, "blocked_at_least", json_object_new_boolean(t->blocked_src == BLK_HUNG_REPORT));
	json_object_object_add(o, "delayacct_blkio_ticks",
			       t->have_blkio ? json_object_new_int64((int64_t)(t->blkio_ticks & INT64_MAX)) : NULL);
	return o;
}

/* One hung-task report. */
static struct json_object *report_json(const struct hung_report *r)
{
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "comm", jsonx_str_printable(r->comm));
	json_object_object_add(o, "pid", json_object_new_int64(r->pid));
	json_object_object_add(o, "seconds", r->seconds >= 0 ? json_object_new_int64(r->seconds) : NULL);
	json_object_object_add(o, "log_usec", r->log_us >= 0 ? json_object_new_int64(r->log_us) : NULL);
	json_object_object_add(o, "trace", jframes(&r->trace));
	return o;
}

/* The tasks and the reports, as two arrays of o. */
static void lists_json(struct json_object *o, const struct snapshot *s)
{
	struct json_object *arr = json_object_new_array();
	size_t i;

	for (i = 0; i < s->ntasks; i++)
		json_object_array_add(arr, task_json(&s->tasks[i]));
	json_object_object_add(o, "tasks", arr);
	arr = json_object_new_array();
	for (i = 0; i < s->log.n; i++)
		json_object_array_add(arr, report_json(&s->log.v[i]));
	json_object_object_add(o, "hung_task_reports", arr);
}

struct json_object *snapshot_json(const struct snapshot *s, const char *hostname, const char *release, int64_t t)
{
	struct json_object *o = json_object_new_object(), *host, *kern, *log;
	char when[32];

	time_iso(t, when, sizeof(when));
	json_object_object_add(o, "schema", json_object_new_string("kdumpcheck.snapshot/1"));
	json_object_object_add(o, "taken_at", jsonx_str_or_null(when));
	host = json_object_new_object();
	json_object_object_add(host, "hostname", jtext(hostname));
	json_object_object_add(host, "uptime_seconds", jsecs(s->uptime_us));
	json_object_object_add(o, "host", host);
	kern = json_object_new_object();
	json_object_object_add(kern, "release", jtext(release));
	json_object_object_add(o, "kernel", kern);
	json_object_object_add(o, "tasks_scanned", json_object_new_int64((int64_t)s->scanned));
	json_object_object_add(o, "tasks_vanished", json_object_new_int64((int64_t)s->vanished));
	json_object_object_add(o, "tasks_unreadable", json_object_new_int64((int64_t)s->unreadable));
	lists_json(o, s);
	log = json_object_new_object();
	json_object_object_add(log, "source", jsonx_str_or_null(s->log_source));
	json_object_object_add(log, "error", s->log_err ? json_object_new_string(strerror(-s->log_err)) : NULL);
	json_object_object_add(log, "reports_dropped", json_object_new_int64((int64_t)s->log.dropped));
	json_object_object_add(o, "kernel_log", log);
	jsonx_sanitize(o);	/* the log source and error: valid UTF-8 like every document */
	return o;
}
