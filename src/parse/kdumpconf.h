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
	char default_action[32];	/* "default" / "failure_action" value, "" when absent or unknown */
	/* the failure action and final action lines as written, known or not (for messages) */
	char action_name[16];	/* "default" or "failure_action"; "" when absent */
	char action_value[64];	/* its value, quoted for a message (control bytes escaped) */
	unsigned action_line;
	char final_value[64];	/* final_action's value, quoted; "" when absent */
	unsigned final_line;
	char sshkey[512];	/* "sshkey" value; "" when absent (default /root/.ssh/kdump_id_rsa) */
	unsigned sshkey_line;
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
	char nfs[512];		/* NFS: "host:/export"; "" when not set */
	char ssh[512];		/* SSH: "user@host"; "" when not set */
	char ssh_key[512];	/* SSH_KEY; "" when not set (default /root/.ssh/kdump_id_rsa) */
	char fail_cmd[512];	/* KDUMP_FAIL_CMD: run when saving fails; "" when not set */
	unsigned errline;
	char errmsg[256];
};

/* Parse /etc/default/kdump-tools (shell assignments, quotes, comments). 0 or -EINVAL. */
int kdump_tools_parse(const char *text, size_t len, struct kdump_tools *kt);

#endif
