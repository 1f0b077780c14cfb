/* estimate.c - the crashkernel= sum and the dump size (see estimate.h). */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "estimate.h"
#include "util.h"

#define GiB ((uint64_t)1 << 30)
#define MiB ((uint64_t)1 << 20)

/*
 * The figures, each from a measurement (docs/estimate.md, docs/vm.md):
 * what a kernel needs once booted beyond its image, per CPU, per capture
 * environment; what the facts default to when the host does not show them.
 */
#define KERNEL_RUNTIME (16 * MiB)	/* slab, page tables, struct pages of the reservation */
#define PER_CPU (1 * MiB)		/* per-CPU area, idle stack, run queue */
#define MKD_BASE (4 * MiB)		/* makedumpfile's process, buffers, libraries */
#define NETWORK (24 * MiB)		/* NIC driver rings, sockets, the ssh or nfs client */
#define LUKS (32 * MiB)			/* dm-crypt and cryptsetup opening a LUKS1/pbkdf2 keyslot */
#define MARGIN_PCT 5			/* of the sum */
/* bytes of RAM makedumpfile filters per second, and its default dump level's share of RAM */
#define SCAN_RATE (320 * MiB)

static const struct {
	const char *name;
	uint64_t tools;		/* user space memory at the peak of the capture */
	uint64_t kernel_init;	/* init_size of this family's kernel, when its image is not on the host */
	uint64_t initrd_file;	/* a kdump initramfs of this kind, when none is on the host */
	uint64_t initrd_unpacked;
} envs[ENV_COUNT] = {
	[ENV_BUSYBOX] = { "a minimal initramfs (busybox, makedumpfile)", 2 * MiB, 64 * MiB, 6 * MiB, 16 * MiB },
	[ENV_DRACUT_SHELL] = { "dracut's kdump initramfs (EL6)", 8 * MiB, 24 * MiB, 10 * MiB, 28 * MiB },
	[ENV_DRACUT_SYSTEMD] = { "dracut's kdump initramfs with systemd (EL7)", 16 * MiB, 32 * MiB, 16 * MiB,
				 40 * MiB },
	[ENV_ROOTFS_SYSTEMD] = { "kdump-tools: systemd from the root filesystem (Debian)", 16 * MiB, 64 * MiB,
				 20 * MiB, 60 * MiB },
};

const char *est_env_name(enum est_env env)
{
	return (unsigned)env < ENV_COUNT ? envs[env].name : "?";
}

void estimate_ck_value(uint64_t bytes, char *out, size_t outlen)
{
	if (bytes % MiB == 0)
		snprintf(out, outlen, "%" PRIu64 "M", bytes / MiB);
	else
		snprintf(out, outlen, "%" PRIu64 "K", (bytes + 1023) / 1024);
}

uint64_t estimate_dump_size(uint64_t ram, int level)
{
	if (level < 0 || (level & 0x18) == 0x18)
		return ram / 10;	/* free and user pages dropped: kernel memory, about a tenth */
	return ram;
}

static struct est_term *term(struct estimate *e, const char *name, uint64_t bytes, const char *fmt, ...)
	KDC_PRINTF(4, 5);

static struct est_term *term(struct estimate *e, const char *name, uint64_t bytes, const char *fmt, ...)
{
	struct est_term *t;
	va_list ap;

	if (e->nterms >= EST_MAX_TERMS)
		return NULL;
	t = &e->terms[e->nterms++];
	t->name = name;
	t->bytes = bytes;
	va_start(ap, fmt);
	vsnprintf(t->source, sizeof(t->source), fmt, ap);
	va_end(ap);
	return t;
}

/* The CPUs the capture kernel makes per-CPU areas for, and why. */
static unsigned capture_cpus(const struct est_facts *f, char *why, size_t whylen)
{
	unsigned all = f->possible ? f->possible : f->cpus ? f->cpus : 1;

	if (f->capture_nr_cpus) {
		unsigned n = f->capture_nr_cpus < all ? f->capture_nr_cpus : all;
		snprintf(why, whylen, "nr_cpus=%u on the capture command line", f->capture_nr_cpus);
		return n;
	}
	if (f->capture_maxcpus)
		snprintf(why, whylen, "maxcpus=%u brings up fewer, but areas are made for all %u possible CPUs",
			 f->capture_maxcpus, all);
	else
		snprintf(why, whylen, "no nr_cpus= on the capture command line: every one of %u CPUs", all);
	return all;
}

void estimate_sum(const struct est_facts *f, struct estimate *e)
{
	enum est_env env = (unsigned)f->env < ENV_COUNT ? f->env : ENV_DRACUT_SYSTEMD;
	uint64_t sum = 0, ifile, iunp, bitmaps;
	char why[160], ram[32], ck[32], dump[32];
	int i;

	memset(e, 0, sizeof(*e));
	e->ram = f->mem_total + f->reserved;
	e->dump_level = f->dump_level;
	e->dump_size = estimate_dump_size(e->ram, f->dump_level);
	e->safe_size = e->ram / 2;
	e->dump_seconds = (e->ram + SCAN_RATE - 1) / SCAN_RATE;

	if (f->kernel_init)
		term(e, "capture kernel", f->kernel_init, "init_size of %s", f->kernel_src);
	else
		term(e, "capture kernel", envs[env].kernel_init, "assumed for %s: %s", envs[env].name, f->kernel_src[0] ? f->kernel_src :
		     "the capture kernel's image was not found");
	ifile = f->initrd_file ? f->initrd_file : envs[env].initrd_file;
	iunp = f->initrd_unpacked ? f->initrd_unpacked : envs[env].initrd_unpacked;
	if (f->initrd_file && f->initrd_unpacked)
		term(e, "initramfs", ifile + iunp, "%s", f->initrd_src);
	else
		term(e, "initramfs", ifile + iunp, "assumed for %s: %s", envs[env].name,
		     f->initrd_src[0] ? f->initrd_src : "no kdump initramfs yet");
	term(e, "kernel at run time", KERNEL_RUNTIME, "slab, page tables, struct pages");
	e->capture_cpus = capture_cpus(f, why, sizeof(why));
	term(e, "per-CPU", e->capture_cpus * PER_CPU, "%u x 1 MiB: %s%s%s%s", e->capture_cpus, why,
	     f->cpus_src[0] ? " (" : "", f->cpus_src, f->cpus_src[0] ? ")" : "");
	term(e, "capture tools", envs[env].tools, "%s", envs[env].name);
	bitmaps = (e->ram >> 14);	/* 2 bits per 4 KiB page */
	term(e, "makedumpfile", MKD_BASE + bitmaps, "its process, and 2 bits per page of %s RAM for its bitmaps",
	     (fmt_size(e->ram, ram, sizeof(ram)), ram));
	if (f->network)
		term(e, "network", NETWORK, "the target is reached over the network");
	if (f->luks)
		term(e, "LUKS", LUKS, "an encrypted device is opened in the capture kernel");
	for (i = 0; i < e->nterms; i++)
		sum += e->terms[i].bytes;
	term(e, "margin", sum * MARGIN_PCT / 100, "%d %% of the sum", MARGIN_PCT);
	sum += sum * MARGIN_PCT / 100;
	e->crash_size = (sum + EST_ROUND - 1) / EST_ROUND * EST_ROUND;
	estimate_ck_value(e->crash_size, ck, sizeof(ck));
	fmt_size(e->dump_size, dump, sizeof(dump));
	snprintf(e->basis, sizeof(e->basis), "RAM %s, %s -> crashkernel=%s (kdumpcheck estimate); dump at -d %d about %s",
		 ram, envs[env].name, ck, f->dump_level < 0 ? 31 : f->dump_level, dump);
}
