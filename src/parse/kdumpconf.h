/*
 * kdumpconf.h - /etc/kdump.conf (RHEL/CentOS kexec-tools) and
 * /etc/default/kdump-tools (Debian/Ubuntu). Pure parsers on buffers.
 */
#ifndef KDC_PARSE_KDUMPCONF_H
#define KDC_PARSE_KDUMPCONF_H

#include <stddef.h>

struct kdump_conf {
	char path[512];		/* "path" directive; "" when absent (default /var/crash) */
	unsigned path_line;
	char core_collector[1024];	/* whole value, e.g. "makedumpfile -l --message-level 1 -d 31" */
	unsigned core_collector_line;
	char collector_tool[64];	/* first word: "makedumpfile", "cp", "scp" ... */
	int dump_level;		/* -d N of makedumpfile, -1 when not given */
	char target_type[32];	/* "raw", "nfs", "ssh", "ext4", "xfs" ... or "" for the local root fs */
	char target[512];	/* its argument */
	unsigned target_line;
	char default_action[32];	/* "default" / "failure_action" value */
	/* the first problem found: a directive kdump does not know, a missing argument */
	unsigned errline;
	char errmsg[256];
};

/*
 * Parse kdump.conf. Comments (#), blank lines, directives and their arguments.
 * Returns 0; a line kdump would reject (unknown directive, missing argument,
 * -d that is not a number 0-31) sets errline/errmsg and returns -EINVAL, the
 * rest still parsed.
 */
int kdump_conf_parse(const char *text, size_t len, struct kdump_conf *kc);

struct kdump_tools {
	int use_kdump;		/* USE_KDUMP=1; -1 when not set */
	char coredir[512];	/* KDUMP_COREDIR, default "/var/crash" when not set */
	int has_coredir;
	char makedump_args[512];	/* MAKEDUMP_ARGS, default "-c -d 31" */
	int has_makedump_args;
	int dump_level;		/* -d N within MAKEDUMP_ARGS, -1 when not given */
	char kdump_kernel[512];	/* KDUMP_KERNEL */
	char kdump_initrd[512];	/* KDUMP_INITRD */
	unsigned errline;
	char errmsg[256];
};

/* Parse /etc/default/kdump-tools (shell assignments, quotes, comments). 0 or -EINVAL. */
int kdump_tools_parse(const char *text, size_t len, struct kdump_tools *kt);

#endif
