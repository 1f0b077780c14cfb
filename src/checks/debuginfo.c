/* debuginfo.c - debuginfo.vmlinux, .buildid, .crash. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "checks/common.h"
#include "parse/elfnote.h"
#include "root.h"
#include "util.h"

/* The status a missing piece of debuginfo earns under [debuginfo] required. */
static enum status missing_status(const struct ctx *c)
{
	return c->policy->debuginfo == DEBUGINFO_FAIL ? ST_FAIL : ST_WARN;
}

/* Find the debug vmlinux of the running release; 0 and its path, or -ENOENT. */
static int find_vmlinux(struct ctx *c, char *out, size_t outlen)
{
	char p[512];
	struct stat st;

	if (xsnprintf(p, sizeof(p), "/usr/lib/debug/lib/modules/%s/vmlinux", c->host.release) == 0 &&
	    root_stat(c->root, p, &st) == 0 && S_ISREG(st.st_mode))
		return xsnprintf(out, outlen, "%s", p);
	if (xsnprintf(p, sizeof(p), "/usr/lib/debug/boot/vmlinux-%s", c->host.release) == 0 &&
	    root_stat(c->root, p, &st) == 0 && S_ISREG(st.st_mode))
		return xsnprintf(out, outlen, "%s", p);
	return -ENOENT;
}

static void remedy_debuginfo(struct ctx *c, struct result *res)
{
	char pkg[300], q[700];

	if (c->host.family == HOST_DEBIAN) {
		snprintf(pkg, sizeof(pkg), "linux-image-%s-dbg", c->host.release);
		res_remedy_cmd(res, "apt-get", "install", pkg, NULL);
	} else if (c->host.family == HOST_EL6 || c->host.family == HOST_EL7) {
		snprintf(pkg, sizeof(pkg), "kernel-%s", c->host.release);
		res_remedy_cmd(res, "debuginfo-install", "-y", pkg, NULL);
	} else {
		sh_quote(c->host.release, q, sizeof(q));
		res_remedy(res, "install the debug symbols (vmlinux) of kernel %s", q);
	}
}

/* Common preconditions: policy not off, release known. 0 to go on. */
static int precheck(struct ctx *c, struct result *res)
{
	if (c->policy->debuginfo == DEBUGINFO_OFF) {
		res_set(res, ST_SKIP, "debuginfo checks are off by policy ([debuginfo] required = off)");
		return -1;
	}
	if (!c->host.release[0]) {
		res_set(res, ST_SKIP, "running kernel release unknown (no /proc/sys/kernel/osrelease)");
		return -1;
	}
	return 0;
}

/* debuginfo.vmlinux: a debug vmlinux for the running release. */
static void check_vmlinux(struct ctx *c, struct result *res)
{
	char p[512];

	if (precheck(c, res))
		return;
	res_expected(res, "/usr/lib/debug/lib/modules/%s/vmlinux", c->host.release);
	if (find_vmlinux(c, p, sizeof(p))) {
		res_set(res, missing_status(c), "no debug vmlinux for %s: a dump cannot be analysed with crash",
			c->host.release);
		remedy_debuginfo(c, res);
		return;
	}
	res_observed(res, "%s", p);
	res_set(res, ST_PASS, "%s", p);
}

/* debuginfo.buildid: the vmlinux was built from the running kernel. */
static void check_buildid(struct ctx *c, struct result *res)
{
	char p[512], run[2 * BUILDID_MAX + 1], dbg[2 * BUILDID_MAX + 1];
	const char *data;
	size_t len;
	int fd, e;

	if (precheck(c, res))
		return;
	if (find_vmlinux(c, p, sizeof(p))) {
		res_set(res, ST_SKIP, "no debug vmlinux to compare (see debuginfo.vmlinux)");
		return;
	}
	e = ctx_input(c, res, "/sys/kernel/notes", "no /sys/kernel/notes: the running kernel's build-id is unknown",
		      &data, &len);
	if (e)
		return;
	e = buildid_from_notes((const unsigned char *)data, len, run, sizeof(run));
	if (e == -ENOENT) {
		res_set(res, ST_SKIP, "/sys/kernel/notes holds no GNU build-id");
		return;
	}
	if (e) {
		res_set(res, ST_FAIL, "/sys/kernel/notes does not parse as ELF notes (%zu bytes)", len);
		return;
	}
	res_expected(res, "%s", run);
	fd = root_open(c->root, p, O_RDONLY);
	if (fd < 0) {
		res_set(res, ST_FAIL, "cannot read %s: %s", p, errstr(fd));
		return;
	}
	e = buildid_from_elf_fd(fd, dbg, sizeof(dbg));
	close(fd);
	if (e == -ENOENT) {
		res_set(res, ST_PROBLEM, "%s has no GNU build-id note: cannot prove it matches the running kernel", p);
		remedy_debuginfo(c, res);
		return;
	}
	if (e) {
		res_set(res, ST_FAIL, "%s is not a readable ELF file", p);
		remedy_debuginfo(c, res);
		return;
	}
	res_observed(res, "%s", dbg);
	if (strcmp(run, dbg)) {
		res_set(res, ST_PROBLEM, "%s has build-id %s, the running kernel %s: it belongs to another build",
			p, dbg, run);
		remedy_debuginfo(c, res);
		return;
	}
	res_set(res, ST_PASS, "build-id %s matches the running kernel", run);
}

/* debuginfo.crash: the crash utility is installed. */
static void check_crash(struct ctx *c, struct result *res)
{
	static const char *const paths[] = { "/usr/bin/crash", "/usr/sbin/crash", "/bin/crash" };
	struct stat st;
	size_t i;

	if (precheck(c, res))
		return;
	for (i = 0; i < ARRAY_SIZE(paths); i++) {
		if (root_stat(c->root, paths[i], &st) == 0 && S_ISREG(st.st_mode)) {
			res_observed(res, "%s", paths[i]);
			res_set(res, ST_PASS, "%s", paths[i]);
			return;
		}
	}
	res_set(res, missing_status(c), "the crash utility is not installed");
	res_remedy_words(res, c->host.family == HOST_DEBIAN ? "apt-get install crash" : "yum install crash");
}

const struct check_def checks_debuginfo[] = {
	{ "debuginfo.vmlinux", "debuginfo", ST_WARN, check_vmlinux },
	{ "debuginfo.buildid", "debuginfo", ST_FAIL, check_buildid },
	{ "debuginfo.crash", "debuginfo", ST_WARN, check_crash },
	{ NULL, NULL, ST_PASS, NULL },
};
