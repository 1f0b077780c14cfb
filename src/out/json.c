/* json.c - the check report as SPEC §6 JSON, written with json-c. */
#include <string.h>

#include <json.h>

#include "jsonx.h"
#include "out/out.h"
#include "root.h"

#ifndef JSON_C_TO_STRING_NOSLASHESCAPE
#define JSON_C_TO_STRING_NOSLASHESCAPE 0
#endif

/* A string, or JSON null for "". */
static struct json_object *str_or_null(const char *s)
{
	return s && s[0] ? json_object_new_string(s) : NULL;
}

static struct json_object *host_json(const struct ctx *c)
{
	const struct host *h = &c->host;
	struct json_object *o = json_object_new_object();

	json_object_object_add(o, "hostname", str_or_null(h->hostname));
	json_object_object_add(o, "kernel", str_or_null(h->release));
	json_object_object_add(o, "arch", str_or_null(h->arch));
	json_object_object_add(o, "os", str_or_null(h->os));
	json_object_object_add(o, "mem_total_bytes", h->mem_total ? json_object_new_int64((int64_t)h->mem_total) : NULL);
	json_object_object_add(o, "cpus", h->cpus ? json_object_new_int((int)h->cpus) : NULL);
	return o;
}

/*
 * The remedy as a list of argv arrays, one per command, to run in order
 * without a shell; null when there is no remedy or it needs the shell.
 */
static struct json_object *remedy_argv(const struct result *r)
{
	struct json_object *list, *cmd;
	const char *w = r->argv;
	int i, j;

	if (!r->remedy[0] || r->shell || !r->ncmd)
		return NULL;
	list = json_object_new_array();
	for (i = 0; i < r->ncmd; i++) {
		cmd = json_object_new_array();
		for (j = 0; j < r->argc[i]; j++) {
			json_object_array_add(cmd, json_object_new_string(w));
			w += strlen(w) + 1;
		}
		json_object_array_add(list, cmd);
	}
	return list;
}

struct json_object *out_json_report(const struct ctx *c, const struct report *rep)
{
	struct json_object *top = json_object_new_object(), *tool, *sum, *checks;
	size_t i;

	json_object_object_add(top, "schema", json_object_new_string("kdumpcheck.report/1"));
	tool = json_object_new_object();
	json_object_object_add(tool, "name", json_object_new_string("kdumpcheck"));
	json_object_object_add(tool, "version", json_object_new_string(KDC_VERSION));
	json_object_object_add(top, "tool", tool);
	json_object_object_add(top, "host", host_json(c));
	json_object_object_add(top, "root", json_object_new_string(root_dir(c->root)));
	sum = json_object_new_object();
	json_object_object_add(sum, "status", json_object_new_string(status_name(rep->worst)));
	json_object_object_add(sum, "pass", json_object_new_int(rep->npass));
	json_object_object_add(sum, "warn", json_object_new_int(rep->nwarn));
	json_object_object_add(sum, "fail", json_object_new_int(rep->nfail));
	json_object_object_add(sum, "skip", json_object_new_int(rep->nskip));
	json_object_object_add(top, "summary", sum);
	checks = json_object_new_array();
	for (i = 0; i < rep->n; i++) {
		const struct result *r = &rep->results[i];
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "id", json_object_new_string(r->id));
		json_object_object_add(o, "status", json_object_new_string(status_name(r->status)));
		json_object_object_add(o, "message", json_object_new_string(r->message));
		json_object_object_add(o, "remedy", str_or_null(r->remedy));
		json_object_object_add(o, "remedy_argv", remedy_argv(r));
		json_object_object_add(o, "observed", str_or_null(r->observed));
		json_object_object_add(o, "expected", str_or_null(r->expected));
		json_object_array_add(checks, o);
	}
	json_object_object_add(top, "checks", checks);
	return top;
}

void out_json(FILE *f, const struct ctx *c, const struct report *rep)
{
	struct json_object *top = out_json_report(c, rep);

	fputs(jsonx_to_string(top, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
						       JSON_C_TO_STRING_NOSLASHESCAPE), f);
	fputc('\n', f);
	json_object_put(top);
}
