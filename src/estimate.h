/*
 * estimate.h - how much crashkernel= memory and dump space a host needs.
 *
 * crashkernel= is the sum of what the capture kernel holds at its peak, term
 * by term, from the host's own facts (docs/estimate.md explains each term and
 * the measurements in docs/vm.md that the figures come from):
 *
 *   capture kernel   the bzImage's init_size (the memory it needs to boot)
 *   initramfs        the image as loaded plus its files unpacked
 *   kernel at run    slab, page tables and struct pages of a booted kernel
 *   per-CPU          per-CPU areas and stacks of the CPUs it brings up
 *   capture tools    the user space that saves the dump (busybox, dracut,
 *                    systemd from the root filesystem)
 *   makedumpfile     its process plus 2 bits per page of RAM (bitmaps)
 *   network, LUKS    where the target needs them
 *   margin           a fixed fraction of the sum
 *
 * rounded up to EST_ROUND.
 */
#ifndef KDC_ESTIMATE_H
#define KDC_ESTIMATE_H

#include <stddef.h>
#include <stdint.h>

#define EST_MAX_TERMS 12
#define EST_ROUND ((uint64_t)8 << 20)

/* The user space that runs in the capture kernel. */
enum est_env {
	ENV_BUSYBOX = 0,	/* a minimal initramfs: a shell, makedumpfile */
	ENV_DRACUT_SHELL,	/* EL6's dracut kdump initramfs (no systemd) */
	ENV_DRACUT_SYSTEMD,	/* EL7's dracut kdump initramfs (systemd inside) */
	ENV_ROOTFS_SYSTEMD,	/* Debian kdump-tools: systemd from the root filesystem */
	ENV_COUNT
};

/* What the formula reads from the host. Sizes in bytes; 0 unknown. */
struct est_facts {
	uint64_t mem_total;	/* MemTotal */
	uint64_t reserved;	/* the current crash reservation (MemTotal excludes it) */
	unsigned cpus;		/* online CPUs of the host */
	unsigned possible;	/* possible CPUs (per-CPU areas are made for each); 0 unknown */
	unsigned capture_nr_cpus;	/* nr_cpus= on the capture command line; 0 none */
	unsigned capture_maxcpus;	/* maxcpus= there (CPUs brought up; areas still for all) */
	uint64_t kernel_init;	/* init_size of the capture kernel; 0 unknown */
	uint64_t initrd_file;	/* the kdump initramfs as loaded; 0 unknown */
	uint64_t initrd_unpacked;	/* its files unpacked; 0 unknown */
	enum est_env env;
	int network;		/* the target is reached over the network (nfs, ssh) */
	int luks;		/* a LUKS device must be opened to reach the target */
	int dump_level;		/* makedumpfile -d; -1 unknown */
	/* where each fact came from, for the explanation; "" for a default */
	char kernel_src[400];
	char initrd_src[512];
	char cpus_src[160];
};

struct est_term {
	const char *name;	/* "capture kernel", "initramfs", ... */
	uint64_t bytes;
	char source[640];	/* where the figure came from */
};

/* Facts several checks share, computed once. */
struct estimate {
	uint64_t ram;		/* total RAM: MemTotal + the crash reservation */
	uint64_t crash_size;	/* recommended crashkernel= size */
	uint64_t dump_size;	/* expected dump size at the configured dump level */
	uint64_t dump_seconds;	/* expected capture time */
	uint64_t safe_size;	/* comfortable free space for the dump target */
	int dump_level;		/* -1 unknown */
	unsigned capture_cpus;	/* CPUs the capture kernel makes per-CPU areas for */
	int nterms;
	struct est_term terms[EST_MAX_TERMS];
	char basis[256];	/* the sum in one line */
};

/* The sum for these facts. */
void estimate_sum(const struct est_facts *f, struct estimate *e);

/* bytes as a crashkernel= value the kernel parses: "136M" (whole MiB), else "...K". */
void estimate_ck_value(uint64_t bytes, char *out, size_t outlen);

/* The expected dump size for ram bytes at makedumpfile -d level (-1: unknown, taken as 31). */
uint64_t estimate_dump_size(uint64_t ram, int level);

/* The capture-environment defaults of a host family (for facts not found on the host). */
const char *est_env_name(enum est_env env);

#endif
