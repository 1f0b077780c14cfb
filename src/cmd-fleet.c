/* cmd-fleet.c - the fleet view of many hosts' check reports. */
#include <errno.h>
#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <json.h>

#include "cmd.h"
#include "dirfd.h"
#include "fleet.h"
#include "out/print.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--format text|json|csv] [-v] fleet FILE|DIR...\n"
	"\n"
	"Reads many hosts' reports of 'kdumpcheck check --json' (schema\n"
	"kdumpcheck.report/1; a directory is read recursively for *.json, without\n"
	"following links or entering hidden directories) and prints the fleet view:\n"
	"hosts per status, each check that does not pass with its failing and warning\n"
	"hosts, then the hosts, worst first. A host is known by its report's\n"
	"host.hostname: two reports of one host keep the newer file and list the other\n"
	"as a duplicate. A file that is not JSON, is truncated, has another schema or\n"
	"lacks a report's members is listed with why and counted as a host in error;\n"
	"it never stops the others.\n"
	"\n"
	"--format json writes kdumpcheck.fleet/1; --format csv one row per report and\n"
	"check (host,host_status,check,status,message,report), as the reports are read,\n"
	"duplicates included, and a row with status error for a report that cannot be\n"
	"read. Text shows 10 hosts per check and the first 50 hosts unless -v.\n"
	"Exit status: 0, or 1 when no report could be read.\n";

#define WALK_DEPTH 32

struct walk {
	struct fleet *fl;
	struct fleet_report r;
	int csv;
	size_t files;
};

/* One CSV field: always quoted, host words escaped, a leading = + - @ made inert for spreadsheets. */
static void csv_field(struct sbuf *b, const char *s, int last)
{
	struct sbuf e;
	const char *p;

	sbuf_init(&e);
	if (s && (*s == '=' || *s == '+' || *s == '-' || *s == '@'))
		sbuf_puts(&e, "'");
	if (s)
		text_escape(&e, s, strlen(s));
	sbuf_puts(b, "\"");
	for (p = sbuf_str(&e); *p; p++) {
		if (*p == '"')
			sbuf_puts(b, "\"");
		sbuf_add(b, p, 1);
	}
	sbuf_puts(b, last ? "\"\n" : "\",");
	sbuf_free(&e);
}

static void csv_row(const char *host, const char *hstatus, const char *check, const char *status, const char *msg,
		    const char *path)
{
	struct sbuf b;

	sbuf_init(&b);
	csv_field(&b, host, 0);
	csv_field(&b, hstatus, 0);
	csv_field(&b, check, 0);
	csv_field(&b, status, 0);
	csv_field(&b, msg, 0);
	csv_field(&b, path, 1);
	fputs(sbuf_str(&b), stdout);
	sbuf_free(&b);
}

static void unreadable(struct walk *w, const char *path, const char *why)
{
	fleet_add_unreadable(w->fl, path, why);
	if (w->csv)
		csv_row(NULL, "error", NULL, "error", why, path);
}

/* What a read error means for a report. */
static const char *read_why(int e)
{
	switch (e) {
	case -EINVAL: return "not a regular file";
	case -EFBIG: return "larger than 16 MiB";
	case -ELOOP: return "a symbolic link (links inside a directory are not followed)";
	default: return strerror(-e);
	}
}

/* A report read (rc 0) or not: parse it and add it to the view. */
static void take(struct walk *w, const char *path, int rc, const char *data, size_t len, const struct stat *st)
{
	struct fleet_report *r = &w->r;
	char why[256];
	size_t i;

	w->files++;
	if (rc) {
		unreadable(w, path, read_why(rc));
		return;
	}
	if (fleet_report_parse(data, len, r, why, sizeof(why))) {
		unreadable(w, path, why);
		return;
	}
	fleet_add(w->fl, r, path, (int64_t)st->st_mtime);
	for (i = 0; w->csv && i < r->nchecks; i++) {
		struct fleet_check c;

		fleet_report_check(r, i, &c);
		csv_row(r->host, fleet_status_str(r->status), c.id, fleet_status_str(c.status), c.message, path);
	}
}

struct ent {
	const char *name;
	unsigned char type;
};

static int cmp_ent(const void *a, const void *b)
{
	return strcmp(((const struct ent *)a)->name, ((const struct ent *)b)->name);
}

static int is_json_name(const char *n)
{
	size_t l = strlen(n);

	return l > 5 && !strcmp(n + l - 5, ".json");
}

/* Every *.json under the directory dfd (named path), in name order; dfd is closed here. */
static void walk_dir(struct walk *w, int dfd, const char *path, int depth)
{
	char **names = NULL, sub[PATH_MAX];
	struct ent *ents;
	unsigned char *types = NULL;
	size_t n = 0, i;
	int e = dfd_names_dt(dfd, &names, &types, &n);

	if (e) {
		unreadable(w, path, strerror(-e));
		close(dfd);
		return;
	}
	/* in name order, each with its type */
	ents = xcalloc(n + 1, sizeof(*ents));
	for (i = 0; i < n; i++) {
		ents[i].name = names[i];
		ents[i].type = types[i];
	}
	if (n)
		qsort(ents, n, sizeof(*ents), cmp_ent);
	for (i = 0; i < n; i++) {
		const char *name = ents[i].name;
		unsigned char t = ents[i].type;
		struct stat st;

		if (name[0] == '.')
			continue;
		/* a type the directory does not give: lstat; when that fails the read below says why */
		if (t == DT_UNKNOWN && dfd_lstat(dfd, name, &st) == 0)
			t = S_ISDIR(st.st_mode) ? DT_DIR : S_ISREG(st.st_mode) ? DT_REG : S_ISLNK(st.st_mode) ? DT_LNK : DT_CHR;
		if (t != DT_DIR && !is_json_name(name))
			continue;
		if (xsnprintf(sub, sizeof(sub), "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", name)) {
			unreadable(w, path, "a path inside it is too long");
			continue;
		}
		if (t != DT_DIR && t != DT_REG && t != DT_LNK && t != DT_UNKNOWN) {
			/* a device, FIFO or socket is never opened: opening some devices does something */
			w->files++;
			unreadable(w, sub, "not a regular file");
			continue;
		}
		if (t == DT_DIR) {
			int sfd;

			if (depth >= WALK_DEPTH) {
				unreadable(w, sub, "directories nested too deep");
				continue;
			}
			sfd = dfd_sub(dfd, name);
			if (sfd < 0)
				unreadable(w, sub, strerror(-sfd));
			else
				walk_dir(w, sfd, sub, depth + 1);
		} else {
			char *data;
			size_t len;
			int rc = dfd_read_st(dfd, name, FLEET_REPORT_MAX, &data, &len, &st);

			take(w, sub, rc, data, len, &st);
			free(data);
		}
	}
	free(ents);
	free(types);
	dfd_names_free(names);
	close(dfd);
}

static void walk_arg(struct walk *w, const char *arg)
{
	struct stat st;
	char *data;
	size_t len;
	int dfd = dfd_open_follow(arg), rc;

	if (dfd >= 0) {
		walk_dir(w, dfd, arg, 0);
		return;
	}
	if (dfd != -ENOTDIR) {
		w->files++;
		unreadable(w, arg, strerror(-dfd));
		return;
	}
	rc = dfd_read_path(arg, FLEET_REPORT_MAX, &data, &len, &st);
	take(w, arg, rc, data, len, &st);
	free(data);
}

static int cmd_fleet(const struct gopts *g, int argc, char **argv)
{
	struct walk w;
	struct sbuf out;
	int i, e;

	memset(&w, 0, sizeof(w));
	w.fl = fleet_new();
	fleet_report_init(&w.r);
	w.csv = g->format == FMT_CSV;
	if (w.csv)
		csv_row("host", "host_status", "check", "status", "message", "report");
	for (i = 1; i < argc; i++)
		walk_arg(&w, argv[i]);
	fleet_report_free(&w.r);
	if (g->format == FMT_JSON) {
		print_begin_document(FMT_JSON, fleet_json(w.fl));
		e = print_end();
	} else if (!w.csv) {
		sbuf_init(&out);
		fleet_text(w.fl, &out, g->verbosity > 0);
		fputs(sbuf_str(&out), stdout);
		sbuf_free(&out);
		e = fflush(stdout) || ferror(stdout) ? -EIO : 0;
	} else {
		e = fflush(stdout) || ferror(stdout) ? -EIO : 0;
	}
	i = fleet_hosts(w.fl) > 0;
	fleet_free(w.fl);
	if (e)
		return kdc_error(1, "fleet: writing the view: %s", strerror(-e));
	if (!i)
		return kdc_error(1, "fleet: no report could be read (%zu file%s)", w.files, w.files == 1 ? "" : "s");
	return 0;
}

const struct verb verb_fleet = {
	.name = "fleet",
	.summary = "the fleet view of many hosts' check --json reports",
	.help = help,
	.args = "FILE|DIR...",
	.min_args = 1,
	.max_args = -1,
	.formats = FORMATS_TEXT_JSON | (1u << FMT_CSV),
	.run = cmd_fleet,
};
