/* cmd-list.c - the inventory of the dumps in the dump directory. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <json.h>

#include "cmd.h"
#include "dumps.h"
#include "root.h"
#include "util.h"

const char cmd_list_help[] =
	"usage: kdumpcheck [--root DIR] [--json] list [DUMPDIR]\n"
	"\n"
	"One line per dump, newest first: crash time, host, kernel release, panic class,\n"
	"size, whether it is complete and tagged, and whether the installed debuginfo\n"
	"matches. DUMPDIR defaults to the dump directory of the host under --root (the\n"
	"path of /etc/kdump.conf, KDUMP_COREDIR of /etc/default/kdump-tools, else the\n"
	"policy's [dump] path). Sidecars are read when present, headers otherwise.\n";

static struct json_object *entry_json(const struct dump_entry *e)
{
	struct json_object *o = json_object_new_object();
	char when[32];

	time_iso(e->time, when, sizeof(when));
	json_object_object_add(o, "path", json_object_new_string(e->files.vmcore));
	json_object_object_add(o, "time", e->time_known ? json_object_new_string(when) : NULL);
	json_object_object_add(o, "host", e->host[0] ? json_object_new_string(e->host) : NULL);
	json_object_object_add(o, "release", e->release[0] ? json_object_new_string(e->release) : NULL);
	json_object_object_add(o, "class", e->cls[0] ? json_object_new_string(e->cls) : NULL);
	json_object_object_add(o, "size_bytes", json_object_new_int64((int64_t)e->size));
	json_object_object_add(o, "complete", json_object_new_boolean(e->complete));
	json_object_object_add(o, "tagged", json_object_new_boolean(e->tagged));
	json_object_object_add(o, "build_id_match",
			       e->debuginfo_match < 0 ? NULL : json_object_new_boolean(e->debuginfo_match));
	return o;
}

int cmd_list(const struct gopts *g, int argc, char **argv)
{
	struct session s;
	struct root *files = NULL;
	struct dump_entry *v = NULL;
	char dir[PATH_MAX];
	size_t n = 0, i;
	int e;

	e = session_open(g, &s);
	if (e)
		return e;
	if (argc == 2) {
		e = path_absolute(argv[1], dir, sizeof(dir));
	} else {
		e = target_path_host(s.root, ctx_target(&s.ctx), dir, sizeof(dir));
	}
	if (!e)
		e = root_new("/", &files);
	if (!e)
		e = dumps_scan(files, dir, &v, &n);
	if (e) {
		die_msg("list: %s: %s", dir, strerror(-e));
		root_free(files);
		session_close(&s);
		return 1;
	}
	if (g->format == FMT_JSON) {
		struct json_object *arr = json_object_new_array();
		for (i = 0; i < n; i++)
			json_object_array_add(arr, entry_json(&v[i]));
		puts(json_object_to_json_string_ext(arr, JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED));
		json_object_put(arr);
	} else {
		printf("%-20s  %-16s  %-28s  %-10s  %8s  %-8s  %-6s  %-9s  %s\n", "TIME", "HOST", "RELEASE", "CLASS", "SIZE",
		       "COMPLETE", "TAGGED", "DEBUGINFO", "PATH");
		for (i = 0; i < n; i++) {
			char when[32], size[32];
			time_iso(v[i].time, when, sizeof(when));
			fmt_size(v[i].size, size, sizeof(size));
			printf("%-20s  %-16s  %-28s  %-10s  %8s  %-8s  %-6s  %-9s  %s\n", v[i].time_known ? when : "-",
			       v[i].host[0] ? v[i].host : "-", v[i].release[0] ? v[i].release : "-",
			       v[i].cls[0] ? v[i].cls : "-", size, v[i].complete ? "yes" : "NO", v[i].tagged ? "yes" : "no",
			       v[i].debuginfo_match < 0 ? "-" : v[i].debuginfo_match ? "match" : "MISMATCH",
			       v[i].files.vmcore);
		}
		if (!n && g->verbosity >= 0)
			printf("(no dumps in %s)\n", dir);
	}
	free(v);
	root_free(files);
	session_close(&s);
	return 0;
}
