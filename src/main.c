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

/* name, function, summary, help text, its own long options, how many arguments it takes (-1: any) */
static const struct cmd commands[] = {
	{ "check", cmd_check, "preflight: is this host ready to capture a usable vmcore? (default)", cmd_check_help,
	  NULL, 0 },
	{ "tag", cmd_tag, "write the metadata sidecar VMCORE.json of each vmcore", cmd_tag_help, "no-hash if-needed", -1 },
	{ "list", cmd_list, "the dumps in the dump directory, newest first", cmd_list_help, NULL, 1 },
	{ "collect", cmd_collect, "in the capture kernel: save the log, run makedumpfile, tag the dump", cmd_collect_help,
	  "vmcore target", 0 },
	{ "test", cmd_test, "crash this host on purpose to prove the capture (--yes-crash-this-host)", cmd_test_help,
	  "yes-crash-this-host", 0 },
	{ "prune", cmd_prune, "apply the retention policy to the dump directory", cmd_prune_help, "dry-run", 0 },
	{ "harvest", cmd_harvest, "after a reboot: tag new dumps, save pstore records, write the test verdict, prune",
	  cmd_harvest_help, "no-hash", 0 },
	{ "snapshot", cmd_snapshot, "a hung host: tasks in D state with their kernel stacks, hung-task reports",
	  cmd_snapshot_help, "save", 0 },
	{ "help", cmd_help, "show help for a verb", NULL, NULL, 1 },
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
	"  --format FMT        text (default), json, prom (node_exporter textfile) or nagios\n"
	"  --json              the same as --format json\n"
	"  -q, --quiet         text output: only problems and the summary\n"
	"  -v, --verbose       text output: observed and expected values too\n"
	"  --no-color          no colour (also when NO_COLOR is set or not on a terminal)\n"
	"  --list-inputs FILE  after the verb, write to FILE every host path it used\n"
	"  -h, --help          this help; 'kdumpcheck help VERB' for a verb\n"
	"  --version           the version\n"
	"\n"
	"Verbs:\n";

static void print_usage(FILE *f)
{
	size_t i;

	fputs(usage, f);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fputs("\nExit status of check: 0 pass, 1 warn, 2 fail, 3 could not run; 64 usage error.\n", f);
}

static const struct cmd *find_cmd(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(commands[i].name, name))
			return &commands[i];
	return NULL;
}

/* help [VERB] */
static int cmd_help(const struct gopts *g, int argc, char **argv)
{
	const struct cmd *c;

	(void)g;
	if (argc < 2) {
		print_usage(stdout);
		return 0;
	}
	c = find_cmd(argv[1]);
	if (!c) {
		die_msg("help: unknown verb '%s' (see --help)", argv[1]);
		return EXIT_USAGE;
	}
	if (c->help)
		fputs(c->help, stdout);
	else
		printf("kdumpcheck %s: %s\n", c->name, c->summary);
	return 0;
}

enum { OPT_ROOT = 256, OPT_FORMAT, OPT_JSON, OPT_NO_COLOR, OPT_VERSION, OPT_LIST_INPUTS, OPT_VERB_FIRST = 512, OPT_NO_HASH = OPT_VERB_FIRST,
       OPT_IF_NEEDED, OPT_SAVE, OPT_DRY_RUN, OPT_YES_CRASH, OPT_VMCORE, OPT_TARGET };

static const struct option options[] = {
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
	/* verb options from OPT_VERB_FIRST on */
	{ "no-hash", no_argument, NULL, OPT_NO_HASH },
	{ "if-needed", no_argument, NULL, OPT_IF_NEEDED },
	{ "save", no_argument, NULL, OPT_SAVE },
	{ "dry-run", no_argument, NULL, OPT_DRY_RUN },
	{ "yes-crash-this-host", no_argument, NULL, OPT_YES_CRASH },
	{ "vmcore", required_argument, NULL, OPT_VMCORE },
	{ "target", required_argument, NULL, OPT_TARGET },
	{ NULL, 0, NULL, 0 },
};

/* The long name of an option value, for messages. */
static const char *opt_name(int val)
{
	size_t i;

	for (i = 0; options[i].name; i++)
		if (options[i].val == val)
			return options[i].name;
	return "?";
}

/* Is every verb option given one that verb takes? */
static int verb_opts_ok(const struct cmd *c, const int *seen, size_t nseen)
{
	size_t i;

	for (i = 0; i < nseen; i++) {
		const char *name = opt_name(seen[i]);
		const char *p = c->opts;
		size_t n = strlen(name);
		int ok = 0;
		while (p && *p && !ok) {
			size_t w = strcspn(p, " ");
			ok = w == n && !strncmp(p, name, n);
			p += w;
			while (*p == ' ')
				p++;
		}
		if (!ok) {
			die_msg("--%s: not an option of '%s' (see --help)", name, c->name);
			return 0;
		}
	}
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
	else
		return -EINVAL;
	return 0;
}

/* Write errors on stdout (a full disk, a closed pipe) must not pass silently. */
static int checking;	/* the verb is check: its exit codes are Nagios' */

static int finish(int status)
{
	struct rusage ru;

	/* for make bench: the peak memory of kdumpcheck itself, children excluded */
	if (getenv("KDUMPCHECK_RUSAGE") && getrusage(RUSAGE_SELF, &ru) == 0)
		fprintf(stderr, "kdumpcheck: maxrss_kb=%ld\n", ru.ru_maxrss);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		die_msg("writing the output: %s", strerror(errno));
		/* a report nobody can read: for check that is "could not run", not a warning */
		return status == EXIT_USAGE ? status : checking ? 3 : status ? status : 1;
	}
	return status;
}

/* --list-inputs FILE: write the host paths the verb used; failing to fails the verb. */
static int inputs_listed(const char *file, const char *root, int status)
{
	int e;

	if (!file || (e = root_inputs_write(root, file)) == 0)
		return status;
	die_msg("--list-inputs %s: %s", file, strerror(-e));
	return checking ? 3 : status ? status : 1;
}

int main(int argc, char **argv)
{
	struct gopts g;
	const struct cmd *c;
	char **args, *list_inputs = NULL;
	int opt, nargs = 0, help = 0, seen[16];
	size_t nseen = 0;

	memset(&g, 0, sizeof(g));
	g.root = "/";
	opterr = 0;
	while ((opt = getopt_long(argc, argv, ":c:qvh", options, NULL)) != -1) {
		if (opt >= OPT_VERB_FIRST && nseen < ARRAY_SIZE(seen))
			seen[nseen++] = opt;
		switch (opt) {
		case OPT_ROOT: g.root = optarg; break;
		case 'c': g.config = optarg; break;
		case OPT_FORMAT:
			if (parse_format(optarg, &g.format)) {
				die_msg("--format: unknown format '%s' (text, json, prom or nagios; see --help)", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_JSON: g.format = FMT_JSON; break;
		case 'q': g.verbosity = -1; break;
		case 'v': g.verbosity = 1; break;
		case OPT_NO_COLOR: g.no_color = 1; break;
		case OPT_LIST_INPUTS: list_inputs = optarg; root_inputs_trace(); break;
		case 'h': help = 1; break;
		case OPT_VERSION:
			printf("kdumpcheck %s\n", KDC_VERSION);
			return finish(0);
		case OPT_NO_HASH: g.no_hash = 1; break;
		case OPT_IF_NEEDED: g.if_needed = 1; break;
		case OPT_SAVE: g.save = 1; break;
		case OPT_DRY_RUN: g.dry_run = 1; break;
		case OPT_YES_CRASH: g.yes_crash = 1; break;
		case OPT_VMCORE: g.vmcore = optarg; break;
		case OPT_TARGET: g.target = optarg; break;
		case ':':
			die_msg("%s: missing argument (see --help)", argv[optind - 1]);
			return EXIT_USAGE;
		default:
			if (optopt)
				die_msg("-%c: unknown option (see --help)", optopt);
			else
				die_msg("%s: unknown option (see --help)", argv[optind - 1]);
			return EXIT_USAGE;
		}
	}
	args = argv + optind;
	nargs = argc - optind;
	if (nargs == 0) {
		static char *dflt[] = { (char *)"check", NULL };
		args = dflt;
		nargs = 1;
	}
	c = find_cmd(args[0]);
	if (!c) {
		die_msg("'%s' is not a verb (see --help)", args[0]);
		return EXIT_USAGE;
	}
	if (help) {
		if (argc - optind == 0) {
			print_usage(stdout);
			return finish(0);
		}
		char *hv[] = { (char *)"help", args[0], NULL };
		return finish(cmd_help(&g, 2, hv));
	}
	if (!verb_opts_ok(c, seen, nseen))
		return EXIT_USAGE;
	if (c->max_args >= 0 && nargs - 1 > c->max_args) {
		die_msg("%s: unexpected argument '%s' (see --help)", c->name, args[c->max_args + 1]);
		return EXIT_USAGE;
	}
	checking = c->run == cmd_check;
	return finish(inputs_listed(list_inputs, g.root, c->run(&g, nargs, args)));
}
