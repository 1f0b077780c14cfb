/*
 * kdumpsys.h - /etc/sysconfig/kdump of RHEL/CentOS 6 and 7 (kexec-tools):
 * the shell variables kdumpctl (EL7) and the kdump init script (EL6) source
 * to build the capture kernel's command line and kexec's arguments. A pure
 * parser on a buffer, through the one shell-variable reader (shvars.c, in
 * its script mode: the file is sourced by a shell).
 */
#ifndef KDC_PARSE_KDUMPSYS_H
#define KDC_PARSE_KDUMPSYS_H

#include <stddef.h>

struct kdump_sysconfig {
	char commandline[2048];		/* KDUMP_COMMANDLINE: "" means the running kernel's /proc/cmdline */
	unsigned commandline_line;
	char append[2048];		/* KDUMP_COMMANDLINE_APPEND */
	unsigned append_line;
	char remove[1024];		/* KDUMP_COMMANDLINE_REMOVE */
	unsigned remove_line;
	char kernelver[128];		/* KDUMP_KERNELVER: "" means the running release */
	char kexec_args[512];		/* KEXEC_ARGS */
	char img[128];			/* KDUMP_IMG, default "vmlinuz" */
	char img_ext[64];		/* KDUMP_IMG_EXT, default "" */
	unsigned errline;		/* the first problem: 0 when none */
	char errmsg[256];
};

/* Parse /etc/sysconfig/kdump. 0, or -EINVAL with errline/errmsg (the rest kept as far as it went). */
int kdump_sysconfig_parse(const char *text, size_t len, struct kdump_sysconfig *ks);

/*
 * 1 when a kernel command line asks the initramfs to load module first:
 * a word rd.driver.pre=A,B,... naming it ('-' and '_' alike, as modprobe
 * takes them); else 0.
 */
int cmdline_driver_pre(const char *cmdline, const char *module);

#endif
