/* teststate.c - the crash test's pending marker and verdict under /var/lib/kdumpcheck. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <json.h>

#include "jsonx.h"
#include "root.h"
#include "teststate.h"
#include "util.h"

#ifndef JSON_C_TO_STRING_NOSLASHESCAPE
#define JSON_C_TO_STRING_NOSLASHESCAPE 0
#endif

/* Write o as pretty JSON plus a newline to path, atomically. */
static int write_json(struct root *r, const char *path, struct json_object *o, int flags, mode_t mode)
{
	struct sbuf b;
	int e;

	sbuf_init(&b);
	sbuf_puts(&b, jsonx_to_string(o, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED | flags));
	sbuf_puts(&b, "\n");
	e = root_write_atomic(r, path, b.s, b.len, mode);
	sbuf_free(&b);
	return e;
}

/* Create TESTSTATE_DIR and its parents. */
static int make_dir(struct root *r)
{
	int e = root_mkdir(r, "/var", 0755);

	if (!e || e == -EEXIST)
		e = root_mkdir(r, "/var/lib", 0755);
	if (!e || e == -EEXIST)
		e = root_mkdir(r, TESTSTATE_DIR, 0700);
	return e == -EEXIST ? 0 : e;
}

int teststate_write_pending(struct root *r, int64_t now, const char *release, const char *hostname,
			    const char *dump_dir, const char *ssh_where, const char *ssh_key, const char **failed)
{
	struct json_object *o = json_object_new_object();
	char when[32], target[600];
	int e;

	time_iso(now, when, sizeof(when));
	json_object_object_add(o, "schema", json_object_new_string("kdumpcheck.test-pending/1"));
	json_object_object_add(o, "started_at", json_object_new_string(when));
	json_object_object_add(o, "release", json_object_new_string(release));
	json_object_object_add(o, "hostname", json_object_new_string(hostname));
	json_object_object_add(o, "dump_dir", json_object_new_string(dump_dir));
	if (ssh_where) {
		snprintf(target, sizeof(target), "ssh %s", ssh_where);
		json_object_object_add(o, "target", json_object_new_string(target));
		json_object_object_add(o, "sshkey", json_object_new_string(ssh_key ? ssh_key : ""));
	}
	*failed = TESTSTATE_DIR;
	e = make_dir(r);
	if (!e) {
		*failed = TESTSTATE_PENDING;
		e = write_json(r, TESTSTATE_PENDING, o, 0, 0600);
	}
	json_object_put(o);
	return e;
}

int teststate_remove_pending(struct root *r)
{
	return root_unlink(r, TESTSTATE_PENDING);
}

int teststate_read_pending(struct root *r, struct test_pending *tp)
{
	struct json_object *marker = NULL;
	const char *data, *s;
	struct stat st;
	size_t len;
	int e = root_read(r, TESTSTATE_PENDING, &data, &len);

	memset(tp, 0, sizeof(*tp));
	tp->started = -1;
	if (e)
		return e;
	if (!memchr(data, '\0', len))
		marker = json_tokener_parse(data);
	s = jsonx_str(marker, "started_at", NULL);
	if (s)
		tp->started = time_parse_iso(s);
	s = jsonx_str(marker, "dump_dir", NULL);
	if (s && strlen(s) < sizeof(tp->dump_dir))
		xstrlcpy(tp->dump_dir, s, sizeof(tp->dump_dir));
	s = jsonx_str(marker, "target", NULL);
	if (s && str_startswith(s, "ssh ") && s[4] && strlen(s + 4) < sizeof(tp->ssh_where))
		xstrlcpy(tp->ssh_where, s + 4, sizeof(tp->ssh_where));
	s = jsonx_str(marker, "sshkey", NULL);
	if (s && strlen(s) < sizeof(tp->ssh_key))
		xstrlcpy(tp->ssh_key, s, sizeof(tp->ssh_key));
	if (root_stat(r, TESTSTATE_PENDING, &st) == 0) {
		tp->have_mtime = 1;
		tp->mtime = (int64_t)st.st_mtime;
	}
	if (marker)
		json_object_put(marker);
	return 0;
}

/* The "dump" member of a verdict, or NULL (JSON null) when there is no dump. */
static struct json_object *dump_json(const struct test_verdict *v)
{
	struct json_object *o;

	if (!v->dump_path)
		return NULL;
	o = json_object_new_object();
	json_object_object_add(o, "path", json_object_new_string(v->dump_path));
	json_object_object_add(o, "size_bytes", json_object_new_int64((int64_t)v->dump_size));
	json_object_object_add(o, "complete", json_object_new_boolean(v->dump_complete));
	json_object_object_add(o, "capture_seconds",
			       v->capture_seconds < 0 ? NULL : json_object_new_int64(v->capture_seconds));
	return o;
}

int teststate_write_verdict(struct root *r, const struct test_verdict *v)
{
	struct json_object *o = json_object_new_object();
	int e;

	json_object_object_add(o, "schema", json_object_new_string("kdumpcheck.test/1"));
	json_object_object_add(o, "verdict", json_object_new_string(v->success ? "success" : "failure"));
	json_object_object_add(o, "tested_at", json_object_new_string(v->tested_at));
	json_object_object_add(o, "verdict_at", json_object_new_string(v->verdict_at));
	if (!v->success)
		json_object_object_add(o, "reason", json_object_new_string(v->reason ? v->reason : ""));
	json_object_object_add(o, "dump", dump_json(v));
	e = write_json(r, TESTSTATE_VERDICT, o, JSON_C_TO_STRING_NOSLASHESCAPE, 0644);
	json_object_put(o);
	return e;
}

int teststate_parse_verdict(const char *data, size_t len, struct test_verdict_in *v)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *o = NULL;

	memset(v, 0, sizeof(*v));
	if (tok && len < (size_t)0x7fffffff && !memchr(data, '\0', len))
		o = json_tokener_parse_ex(tok, data, (int)len);
	if (tok)
		json_tokener_free(tok);
	if (o && !json_object_is_type(o, json_type_object)) {
		json_object_put(o);
		o = NULL;
	}
	v->o = o;
	v->verdict = jsonx_str(o, "verdict", NULL);
	v->tested_at = jsonx_str(o, "tested_at", NULL);
	v->reason = jsonx_str(o, "reason", NULL);
	if (!v->verdict || !v->tested_at || (v->tested = time_parse_iso(v->tested_at)) == -1) {
		teststate_verdict_free(v);
		return -EINVAL;
	}
	return 0;
}

void teststate_verdict_free(struct test_verdict_in *v)
{
	if (v->o)
		json_object_put(v->o);
	memset(v, 0, sizeof(*v));
}
