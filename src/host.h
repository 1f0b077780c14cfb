/* host.h - what kind of host the root holds, and the facts every check shares. */
#ifndef KDC_HOST_H
#define KDC_HOST_H

#include <stdint.h>

enum host_family {
	HOST_UNKNOWN = 0,
	HOST_EL6,		/* CentOS/RHEL 6: SysV, GRUB legacy */
	HOST_EL7,		/* CentOS/RHEL 7: systemd, GRUB 2 */
	HOST_DEBIAN,		/* Debian/Ubuntu with kdump-tools */
};

struct root;

struct host {
	enum host_family family;
	char os[128];		/* PRETTY_NAME or the redhat-release line */
	char hostname[256];
	char release[128];	/* running kernel: /proc/sys/kernel/osrelease */
	char arch[32];		/* from the release suffix or /proc/sys/kernel/arch, else the build arch */
	uint64_t mem_total;	/* bytes, 0 unknown */
	int meminfo_err;	/* 0, -ENOENT, or -EINVAL when /proc/meminfo does not parse */
	unsigned meminfo_line;	/* the offending line then */
	unsigned cpus;		/* online; 0 unknown */
	unsigned cpus_possible;	/* possible (the kernel makes per-CPU areas for each); 0 unknown */
	int systemd;		/* boots with systemd */
};

/* Fill h from the root. Missing facts stay empty/zero; never fails. */
void host_detect(struct root *r, struct host *h);
const char *host_family_name(enum host_family f);

#endif
