/*
 * kdumpconf.h - /etc/kdump.conf (RHEL/CentOS kexec-tools) and
 * /etc/default/kdump-tools (Debian/Ubuntu). Pure parsers on buffers.
 */
#ifndef KDC_PARSE_KDUMPCONF_H
#define KDC_PARSE_KDUMPCONF_H

#include <stddef.h>

/* Bounds of the lists kept from kdump.conf (more is an error, never a silent cut). */
#define KC_MAX_FILES 32		/* extra_bins words, fence_kdump_nodes words */
#define KC_MAX_HOOKS 8		/* kdump_pre lines, kdump_post lines */

/* One word of a directive (a file, a node) and the line that gave it. */
struct kc_word {
	char text[256];
	unsigned line;
};

/* Which releases' kdump accepts a directive (kc_directive_releases()). */
#define KC_EL6 1u		/* kexec-tools 2.0.0 (RHEL/CentOS 6): mkdumprd */
#define KC_EL7 2u		/* kexec-tools 2.0.15 (RHEL/CentOS 7): kdumpctl and dracut */
#define KC_NEWER 4u		/* kexec-tools of EL8/EL9 and kdump-utils */

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
	/* the inputs of the kdump initramfs the config names (kdumpctl's check_files_modified) */
	struct kc_word extra_bins[KC_MAX_FILES];	/* every word of every extra_bins line */
	unsigned n_extra_bins;
	struct kc_word kdump_pre[KC_MAX_HOOKS];	/* the program of each kdump_pre line */
	unsigned n_kdump_pre;
	struct kc_word kdump_post[KC_MAX_HOOKS];	/* the program of each kdump_post line */
	unsigned n_kdump_post;
	char extra_modules[512];	/* the modules of extra_modules lines, blank-separated */
	unsigned extra_modules_line;
	char dracut_args[1024];	/* dracut_args value as written */
	unsigned dracut_args_line;
	/* fence_kdump: the cluster nodes told that this one is dumping */
	struct kc_word fence_nodes[KC_MAX_FILES];
	unsigned n_fence_nodes;
	char fence_args[256];	/* fence_kdump_args value */
	unsigned fence_args_line;
	int force_rebuild;	/* 0/1; -1 when absent */
	int force_no_rebuild;	/* 0/1; -1 when absent */
	/* the first directive only some releases accept (their kdump refuses it elsewhere) */
	char el6_only[24];	/* net, nfs4, options, link_delay, ...: EL7's kdumpctl calls them deprecated */
	unsigned el6_only_line;
	char not_el6[24];	/* dracut_args, failure_action, ...: EL6's mkdumprd does not know them */
	unsigned not_el6_line;
	/*
	 * The first problem found: a directive or target type no release of
	 * kdump knows (errmsg quotes the line), a missing argument, a bad value.
	 */
	unsigned errline;
	char errmsg[512];
};

/* The releases (KC_EL6 | KC_EL7 | KC_NEWER) whose kdump.conf has directive name; 0 for none. */
unsigned kc_directive_releases(const char *name);

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
	char hosttag[16];	/* HOSTTAG: "ip" (kdump-config's default) or "hostname" */
	int num_dumps;		/* KDUMP_NUM_DUMPS: dumps kept, 0 (the default) for all */
	int nfs_timeo;		/* NFS_TIMEO, default 600 (tenths of a second) */
	int nfs_retrans;	/* NFS_RETRANS, default 3 */
	char cmdline_append[1024];	/* KDUMP_CMDLINE_APPEND; "" when not set (kdump-config's own default) */
	int has_cmdline_append;
	char sysctl[256];	/* KDUMP_SYSCTL, default "kernel.panic_on_oops=1" */
	unsigned errline;
	char errmsg[256];
};

/* Parse /etc/default/kdump-tools (shell assignments, quotes, comments). 0 or -EINVAL. */
int kdump_tools_parse(const char *text, size_t len, struct kdump_tools *kt);

#endif
