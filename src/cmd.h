/* cmd.h - what every verb gets from main.c, and the verbs it dispatches to. */
#ifndef KDC_CMD_H
#define KDC_CMD_H

#include "out/out.h"

#define EXIT_USAGE 64

struct gopts {
	const char *root;	/* --root, default "/" */
	const char *config;	/* -c, NULL for ROOT/etc/kdumpcheck.conf */
	enum out_format format;
	int verbosity;
	int no_color;
};

struct cmd {
	const char *name;
	int (*run)(const struct gopts *g, int argc, char **argv);
	const char *summary;
	const char *help;	/* text for 'kdumpcheck help VERB' */
};

/* Print "kdumpcheck: what: why" on stderr. */
void die_msg(const char *fmt, ...) KDC_PRINTF(1, 2);

int cmd_check(const struct gopts *g, int argc, char **argv);
extern const char cmd_check_help[];

#endif
