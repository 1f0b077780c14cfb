/* main.c - global options, and the one table of verbs. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "cmd.h"
#include "root.h"
#include "util.h"

static int cmd_help(const struct gopts *g, int argc, char **argv);

static const struct verb verb_help = {
	.name = "help",
	.summary = "show help for a verb",
	.max_args = 1,
	.formats = 1u << FMT_TEXT,
	.run = cmd_help,
};

/* Every verb, in the order --help lists them. */
static const struct verb *const verbs[] = {
	&verb_check, &verb_estimate, &verb_fix, &verb_tag, &verb_list, &verb_collect, &verb_test, &verb_prune, &verb_harvest, &verb_snapshot,
	&verb_fleet,
	&verb_help,
};

static const char usage[] =
	"usage: kdumpcheck [OPTIONS] [VERB] [ARGS]\n"
	"\n"
	"Makes Linux kernel crash dumps (kdump) work: checks that a host will capture a\n"
	"usable vmcore when it crashes, and says what to change if not.\n"
	"\n"
	"Options (before or after the verb):\n"
	"  --root DIR          judge the host whose / is DIR (default /)\n"
	"  -c, --config FILE   policy file (default ROOT" SYSCONFDIR "/kdumpcheck.conf)\n"
	"  --format FMT        text (default), json, prom (node_exporter textfile), nagios;\n"
	"                      csv for fleet\n"
	"  --json              the same as --format json\n"
	"  -q, --quiet         text output: only problems and the summary\n"
	"  -v, --verbose       text output: observed and expected values too\n"
	"  --no-color          no colour (also when NO_COLOR is set or not on a terminal)\n"
	"  --dump-dir DIR      the dumps are in DIR on this host (a device or NFS target\n"
	"                      mounted elsewhere): list, harvest, prune, tag, the test verdict\n"
	"  --list-inputs FILE  after the verb, write to FILE every host path it used\n"
	"  -h, --help          this help; 'kdumpcheck help VERB' for a verb\n"
	"  --version           the version\n"
	"\n"
	"Verbs:\n";

static void print_usage(FILE *f)
{
	size_t i;

	fputs(usage, f);
	for (i = 0; i < ARRAY_SIZE(verbs); i++)
		fprintf(f, "  %-10s %s\n", verbs[i]->name, verbs[i]->summary);
	fputs("\nExit status of check: 0 pass, 1 warn, 2 fail, 3 could not run; 64 usage error.\n", f);
}

static const struct verb *find_verb(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(verbs); i++)
		if (!strcmp(verbs[i]->name, name))
			return verbs[i];
	return NULL;
}

/* The verb that runs when none is given. */
static const struct verb *default_verb(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(verbs); i++)
		if (verbs[i]->flags & VERB_DEFAULT)
			return verbs[i];
	return NULL;
}

/* help [VERB] */
static int cmd_help(const struct gopts *g, int argc, char **argv)
{
	const struct verb *c;

	(void)g;
	if (argc < 2) {
		print_usage(stdout);
		return 0;
	}
	c = find_verb(argv[1]);
	if (!c)
		return kdc_error(EXIT_USAGE, "help: unknown verb '%s' (see --help)", argv[1]);
	if (c->help)
		fputs(c->help, stdout);
	else
		printf("kdumpcheck %s: %s\n", c->name, c->summary);
	return 0;
}

enum { OPT_ROOT = 256, OPT_FORMAT, OPT_JSON, OPT_NO_COLOR, OPT_VERSION, OPT_LIST_INPUTS, OPT_DUMP_DIR, OPT_VERB_FIRST = 512 };

static const struct option global_options[] = {
	{ "root", required_argument, NULL, OPT_ROOT },
	{ "config", required_argument, NULL, 'c' },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "json", no_argument, NULL, OPT_JSON },
	{ "quiet", no_argument, NULL, 'q' },
	{ "verbose", no_argument, NULL, 'v' },
	{ "no-color", no_argument, NULL, OPT_NO_COLOR },
	{ "no-colour", no_argument, NULL, OPT_NO_COLOR },
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, OPT_VERSION },
	{ "list-inputs", required_argument, NULL, OPT_LIST_INPUTS },
	{ "dump-dir", required_argument, NULL, OPT_DUMP_DIR },
};

/*
 * getopt's table: the global options, then every verb's own (a name several
 * verbs share once), so they may stand before or after the verb; which verb
 * may take which is checked once the verb is known. verb_opts[val - OPT_VERB_FIRST]
 * is the option behind a value.
 */
#define MAX_VERB_OPTS 32
static struct option options[ARRAY_SIZE(global_options) + MAX_VERB_OPTS + 1];
static const struct verb_opt *verb_opts[MAX_VERB_OPTS];

static void build_options(void)
{
	size_t i, j, k, n = ARRAY_SIZE(global_options), nv = 0;

	memcpy(options, global_options, sizeof(global_options));
	for (i = 0; i < ARRAY_SIZE(verbs); i++) {
		for (j = 0; verbs[i]->opts && verbs[i]->opts[j].name; j++) {
			const struct verb_opt *o = &verbs[i]->opts[j];
			for (k = 0; k < nv && strcmp(verb_opts[k]->name, o->name); k++)
				;
			if (k < nv || nv == MAX_VERB_OPTS)
				continue;
			verb_opts[nv] = o;
			options[n].name = o->name;
			options[n].has_arg = o->has_arg ? required_argument : no_argument;
			options[n].flag = NULL;
			options[n].val = OPT_VERB_FIRST + (int)nv;
			n++, nv++;
		}
	}
	memset(&options[n], 0, sizeof(options[n]));
}

/* Does verb c take the option --name? */
static int verb_takes(const struct verb *c, const char *name)
{
	size_t i;

	for (i = 0; c->opts && c->opts[i].name; i++)
		if (!strcmp(c->opts[i].name, name))
			return 1;
	return 0;
}

/* Is every verb option given one that verb takes? */
static int verb_opts_ok(const struct verb *c, const struct gopts *g)
{
	size_t i;

	for (i = 0; i < g->nvopts; i++)
		if (!verb_takes(c, g->vopts[i].name))
			return kdc_error(0, "--%s: not an option of '%s' (see --help)", g->vopts[i].name, c->name);
	return 1;
}

static int parse_format(const char *s, enum out_format *f)
{
	if (!strcmp(s, "text"))
		*f = FMT_TEXT;
	else if (!strcmp(s, "json"))
		*f = FMT_JSON;
	else if (!strcmp(s, "prom"))
		*f = FMT_PROM;
	else if (!strcmp(s, "nagios"))
		*f = FMT_NAGIOS;
	else if (!strcmp(s, "csv"))
		*f = FMT_CSV;
	else
		return -EINVAL;
	return 0;
}

static const char *const format_names[] = { "text", "json", "prom", "nagios", "csv" };

/* Write errors on stdout (a full disk, a closed pipe) must not pass silently. */
static int finish(const struct verb *c, int status)
{
	struct rusage ru;

	/* for make bench: the peak memory of kdumpcheck itself, children excluded */
	if (getenv("KDUMPCHECK_RUSAGE") && getrusage(RUSAGE_SELF, &ru) == 0)
		fprintf(stderr, "kdumpcheck: maxrss_kb=%ld\n", ru.ru_maxrss);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		die_msg("writing the output: %s", strerror(errno));
		/* a report nobody can read: for a Nagios plugin that is "could not run", not a warning */
		if (status == EXIT_USAGE)
			return status;
		return c && (c->flags & VERB_NAGIOS_EXIT) ? 3 : status ? status : 1;
	}
	return status;
}

/* --list-inputs FILE: write the host paths verb c used; failing to fails the verb. */
static int inputs_listed(const struct verb *c, const struct gopts *g, int status)
{
	int e;

	if (!g->list_inputs || (e = root_inputs_write(g->root, g->list_inputs)) == 0)
		return status;
	die_msg("--list-inputs %s: %s", g->list_inputs, root_strerror(e));
	return (c->flags & VERB_NAGIOS_EXIT) ? 3 : status ? status : 1;
}

/* Parse the command line into g; the index of the first argument, or -1 after printing why (usage error). */
static int parse_args(int argc, char **argv, struct gopts *g, int *help)
{
	int opt;

	build_options();
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":c:qvh", options, NULL)) != -1) {
		if (opt >= OPT_VERB_FIRST) {
			if (g->nvopts == ARRAY_SIZE(g->vopts)) {
				die_msg("too many options (see --help)");
				return -1;
			}
			g->vopts[g->nvopts].name = verb_opts[opt - OPT_VERB_FIRST]->name;
			g->vopts[g->nvopts++].arg = optarg ? optarg : "";
			continue;
		}
		switch (opt) {
		case OPT_ROOT: g->root = optarg; break;
		case 'c': g->config = optarg; break;
		case OPT_FORMAT:
			if (parse_format(optarg, &g->format)) {
				die_msg("--format: unknown format '%s' (text, json, prom, nagios or csv; see --help)", optarg);
				return -1;
			}
			break;
		case OPT_JSON: g->format = FMT_JSON; break;
		case 'q': g->verbosity = -1; break;
		case 'v': g->verbosity = 1; break;
		case OPT_NO_COLOR: g->no_color = 1; break;
		case 'h': *help = 1; break;
		case OPT_VERSION: *help = 2; break;
		case OPT_LIST_INPUTS: g->list_inputs = optarg; root_inputs_trace(); break;
		case OPT_DUMP_DIR: g->dump_dir = optarg; break;
		case ':':
			die_msg("%s: missing argument (see --help)", argv[optind - 1]);
			return -1;
		default:
			if (optopt)
				die_msg("-%c: unknown option (see --help)", optopt);
			else
				die_msg("%s: unknown option (see --help)", argv[optind - 1]);
			return -1;
		}
	}
	return optind;
}

/* May verb c run with these options and nargs arguments? 0, or prints why and returns EXIT_USAGE. */
static int verb_allowed(const struct verb *c, const struct gopts *g, int nargs, char **args)
{
	if (!verb_opts_ok(c, g))
		return EXIT_USAGE;
	if (!(c->formats & (1u << g->format)))
		return kdc_error(EXIT_USAGE, "%s: cannot write --format %s (see --help)", c->name,
				 format_names[g->format]);
	if (nargs < c->min_args)
		return kdc_error(EXIT_USAGE, "%s: no %s given (see --help)", c->name, c->args ? c->args : "argument");
	if (c->max_args >= 0 && nargs > c->max_args)
		return kdc_error(EXIT_USAGE, "%s: unexpected argument '%s' (see --help)", c->name, args[c->max_args + 1]);
	if ((c->flags & VERB_LIVE_ONLY) && strcmp(g->root, "/"))
		return kdc_error(1, "%s: acts on the running kernel, not on --root %s (nothing done)", c->name, g->root);
	return 0;
}

int main(int argc, char **argv)
{
	struct gopts g;
	const struct verb *c;
	char **args;
	int first, nargs, help = 0, e;
	char *dflt[2] = { NULL, NULL };

	memset(&g, 0, sizeof(g));
	g.root = "/";
	first = parse_args(argc, argv, &g, &help);
	if (first < 0)
		return EXIT_USAGE;
	if (help == 2) {
		printf("kdumpcheck %s\n", KDC_VERSION);
		return finish(NULL, 0);
	}
	args = argv + first;
	nargs = argc - first;
	if (nargs == 0) {
		dflt[0] = (char *)default_verb()->name;
		args = dflt;
		nargs = 1;
	}
	c = find_verb(args[0]);
	if (!c)
		return kdc_error(EXIT_USAGE, "'%s' is not a verb (see --help)", args[0]);
	if (help) {
		if (argc - first == 0) {
			print_usage(stdout);
			return finish(NULL, 0);
		}
		char *hv[] = { (char *)"help", args[0], NULL };
		return finish(NULL, cmd_help(&g, 2, hv));
	}
	e = verb_allowed(c, &g, nargs - 1, args);
	if (e)
		return e;
	return finish(c, inputs_listed(c, &g, c->run(&g, nargs, args)));
}
