/*
 * estfacts.c - the host facts the crashkernel= sum reads: the capture
 * kernel's image, the kdump initramfs, the capture command line's CPUs, the
 * target's needs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "checks/common.h"
#include "estimate.h"
#include "parse/bootimg.h"
#include "parse/kdumpconf.h"
#include "parse/kdumpsys.h"
#include "root.h"
#include "target.h"
#include "util.h"

/* The capture command lines' defaults when the host's config does not say (kexec-tools, kdump-tools). */
#define EL_APPEND_DEFAULT "irqpoll nr_cpus=1 reset_devices"
#define DEBIAN_APPEND_DEFAULT "reset_devices systemd.unit=kdump-tools-dump.service nr_cpus=1 irqpoll nousb"

/* The last value of "key=N" among the words of cmdline; 0 when absent or not a number. */
static unsigned cmdline_number(const char *cmdline, const char *key)
{
	size_t kl = strlen(key);
	const char *p = cmdline;
	unsigned found = 0;

	while (*p) {
		const char *w;
		while (*p && is_blank((unsigned char)*p))
			p++;
		w = p;
		while (*p && !is_blank((unsigned char)*p))
			p++;
		if ((size_t)(p - w) > kl && !strncmp(w, key, kl) && w[kl] == '=') {
			uint64_t v;
			char num[24];
			size_t n = (size_t)(p - w) - kl - 1;
			if (n < sizeof(num)) {
				memcpy(num, w + kl + 1, n);
				num[n] = '\0';
				found = parse_u64(num, 10, &v) == 0 && v > 0 && v <= 65536 ? (unsigned)v : 0;
			}
		}
	}
	return found;
}

/* What the capture command line appends, and from where. */
static void capture_append(struct ctx *c, char *out, size_t outlen, char *src, size_t srclen)
{
	const char *data;
	size_t len;

	if (c->host.family == HOST_DEBIAN) {
		struct kdump_tools *kt = xcalloc(1, sizeof(*kt));
		if (ctx_read(c, "/etc/default/kdump-tools", &data, &len) == 0 &&
		    kdump_tools_parse(data, len, kt) == 0 && kt->has_cmdline_append) {
			xstrlcpy(out, kt->cmdline_append, outlen);
			xstrlcpy(src, "KDUMP_CMDLINE_APPEND of /etc/default/kdump-tools", srclen);
		} else {
			xstrlcpy(out, DEBIAN_APPEND_DEFAULT, outlen);
			xstrlcpy(src, "kdump-tools' default KDUMP_CMDLINE_APPEND", srclen);
		}
		free(kt);
		return;
	}
	if (c->host.family == HOST_EL6 || c->host.family == HOST_EL7) {
		struct kdump_sysconfig *ks = xcalloc(1, sizeof(*ks));
		if (ctx_read(c, "/etc/sysconfig/kdump", &data, &len) == 0 && kdump_sysconfig_parse(data, len, ks) == 0 &&
		    ks->append[0]) {
			xstrlcpy(out, ks->append, outlen);
			xstrlcpy(src, "KDUMP_COMMANDLINE_APPEND of /etc/sysconfig/kdump", srclen);
		} else {
			xstrlcpy(out, EL_APPEND_DEFAULT, outlen);
			xstrlcpy(src, "kexec-tools' default KDUMP_COMMANDLINE_APPEND", srclen);
		}
		free(ks);
		return;
	}
	out[0] = '\0';
	xstrlcpy(src, "no kdump config known for this host", srclen);
}

/* Open a regular file of the root and its size: fd, or -errno. */
static int open_sized(struct ctx *c, const char *path, uint64_t *size)
{
	struct stat st;
	int fd = root_open(c->root, path, O_RDONLY);

	if (fd < 0)
		return fd;
	if (fstat(fd, &st) < 0) {
		int e = -errno;
		close(fd);
		return e;
	}
	*size = (uint64_t)st.st_size;
	return fd;
}

static void kernel_facts(struct ctx *c, struct est_facts *f)
{
	char path[300];
	uint64_t size;
	int fd, e;

	if (!c->host.release[0] || xsnprintf(path, sizeof(path), "/boot/vmlinuz-%s", c->host.release)) {
		xstrlcpy(f->kernel_src, "the running kernel's release is not known", sizeof(f->kernel_src));
		return;
	}
	fd = open_sized(c, path, &size);
	e = fd < 0 ? fd : bzimage_init_size(fd, &f->kernel_init);
	if (fd >= 0)
		close(fd);
	if (e == 0)
		snprintf(f->kernel_src, sizeof(f->kernel_src), "%s", path);
	else
		snprintf(f->kernel_src, sizeof(f->kernel_src), "%s: %s", path,
			 e == -EINVAL ? "not a bzImage" : e == -ENOTSUP ? "boot protocol older than 2.10" : errstr(e));
}

/* Size up an initramfs: 0, or -errno / -EINVAL. */
static int initrd_facts_of(struct ctx *c, const char *path, struct est_facts *f, const char *role)
{
	struct initrd_size is;
	char fw[32], uw[32];
	uint64_t size;
	int fd = open_sized(c, path, &size), e;

	if (fd < 0)
		return fd;
	e = initrd_size(fd, size, &is);
	close(fd);
	if (e)
		return e;
	f->initrd_file = is.file;
	f->initrd_unpacked = is.unpacked;
	fmt_size(is.file, fw, sizeof(fw));
	fmt_size(is.unpacked, uw, sizeof(uw));
	snprintf(f->initrd_src, sizeof(f->initrd_src), "%s%s: %s %s, %s unpacked%s", role, path, fw, is.comp, uw,
		 is.how == INITRD_GUESS ? " (assumed: its compression keeps no size)" : "");
	return 0;
}

static void initrd_facts(struct ctx *c, struct est_facts *f)
{
	char img[300], boot[300];
	const char *conf;
	int e;

	if (kdump_files(c, img, sizeof(img), &conf)) {
		xstrlcpy(f->initrd_src, "no kdump initramfs known for this host", sizeof(f->initrd_src));
		return;
	}
	e = initrd_facts_of(c, img, f, "");
	if (e == 0)
		return;
	if (e != -ENOENT) {
		snprintf(f->initrd_src, sizeof(f->initrd_src), "%s: %s", img,
			 e == -EINVAL ? "not an initramfs" : errstr(e));
		return;
	}
	/* not built yet: the boot initramfs of the same kernel stands in for it (it is larger) */
	if (xsnprintf(boot, sizeof(boot), c->host.family == HOST_DEBIAN ? "/boot/initrd.img-%s" :
		      "/boot/initramfs-%s.img", c->host.release) == 0 &&
	    initrd_facts_of(c, boot, f, "no kdump initramfs yet; the boot one standing in, ") == 0)
		return;
	snprintf(f->initrd_src, sizeof(f->initrd_src), "no %s yet", img);
}

/* Does /etc/crypttab name a device? */
static int has_crypttab(struct ctx *c)
{
	struct line_iter it;
	const char *data, *line;
	size_t len, n;

	if (ctx_read(c, "/etc/crypttab", &data, &len))
		return 0;
	line_iter_init(&it, data, len);
	while (line_iter_next(&it, &line, &n)) {
		span_trim(&line, &n);
		if (n && line[0] != '#')
			return 1;
	}
	return 0;
}

void ctx_est_facts(struct ctx *c, struct est_facts *f)
{
	char append[2048], src[96];
	const struct dump_target *t = ctx_target(c);

	memset(f, 0, sizeof(*f));
	f->mem_total = c->host.mem_total;
	ctx_reserved(c, &f->reserved);
	f->cpus = c->host.cpus;
	f->possible = c->host.cpus_possible;
	capture_append(c, append, sizeof(append), src, sizeof(src));
	f->capture_nr_cpus = cmdline_number(append, "nr_cpus");
	f->capture_maxcpus = cmdline_number(append, "maxcpus");
	xstrlcpy(f->cpus_src, src, sizeof(f->cpus_src));
	kernel_facts(c, f);
	initrd_facts(c, f);
	switch (c->host.family) {
	case HOST_EL6: f->env = ENV_DRACUT_SHELL; break;
	case HOST_DEBIAN: f->env = ENV_ROOTFS_SYSTEMD; break;
	default: f->env = ENV_DRACUT_SYSTEMD; break;
	}
	f->network = t->kind == TARGET_NFS || t->kind == TARGET_SSH;
	f->luks = has_crypttab(c);
	f->dump_level = ctx_collector(c)->dump_level;
}
