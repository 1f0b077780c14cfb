/* tools.c - tools.kexec and tools.makedumpfile. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "checks/common.h"
#include "checks/tools.h"
#include "parse/mkdver.h"
#include "root.h"
#include "util.h"

/* The first of paths that is a regular executable file; NULL if none. */
static const char *find_exec(struct ctx *c, const char *const *paths, size_t n)
{
	size_t i;
	struct stat st;

	for (i = 0; i < n; i++) {
		if (root_stat(c->root, paths[i], &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0111))
			return paths[i];
	}
	return NULL;
}

/* The makedumpfile of the judged root and its version, read once per ctx; 0 or -errno (-ENOENT none). */
int ctx_mkd_version(struct ctx *c, const char **path, const char **ver)
{
	static const char *const paths[] = { "/sbin/makedumpfile", "/usr/sbin/makedumpfile", "/usr/bin/makedumpfile" };
	int fd;

	if (!c->have_mkd) {
		c->have_mkd = 1;
		c->mkd_path = find_exec(c, paths, ARRAY_SIZE(paths));
		fd = c->mkd_path ? root_open(c->root, c->mkd_path, O_RDONLY) : -ENOENT;
		c->mkd_err = fd < 0 ? fd : mkd_version_from_fd(fd, c->mkd_ver, sizeof(c->mkd_ver));
		if (fd >= 0)
			close(fd);
		if (c->mkd_err && c->mkd_path && fd >= 0)
			c->mkd_err = -ENODATA;	/* there, but no version string in it */
	}
	*path = c->mkd_path;
	*ver = c->mkd_err ? NULL : c->mkd_ver;
	return c->mkd_err;
}

static const char *install_cmd(const struct ctx *c)
{
	return c->host.family == HOST_DEBIAN ? "apt-get install kexec-tools makedumpfile" : "yum install kexec-tools";
}

/* tools.kexec: a kexec binary to load the capture kernel. */
static void check_kexec(struct ctx *c, struct result *res)
{
	static const char *const paths[] = { "/sbin/kexec", "/usr/sbin/kexec" };
	const char *p = find_exec(c, paths, ARRAY_SIZE(paths));

	if (!p && c->host.family == HOST_UNKNOWN) {
		res_set(res, ST_SKIP, "no kexec in /sbin or /usr/sbin, on an OS kdumpcheck does not know");
		return;
	}
	if (!p) {
		res_set(res, ST_PROBLEM, "no kexec in /sbin or /usr/sbin: the capture kernel cannot be loaded");
		res_remedy_words(res, install_cmd(c));
		return;
	}
	res_observed(res, "%s", p);
	res_set(res, ST_PASS, "%s", p);
}

/* tools.makedumpfile: present, and its version knows the running kernel. */
static void check_makedumpfile(struct ctx *c, struct result *res)
{
	const char *p, *ver;
	char why[256];
	int e = ctx_mkd_version(c, &p, &ver);

	if (!p && c->host.family == HOST_UNKNOWN) {
		res_set(res, ST_SKIP, "no makedumpfile in /sbin, /usr/sbin or /usr/bin, on an OS kdumpcheck does not know");
		return;
	}
	if (!p) {
		res_set(res, ST_PROBLEM, "no makedumpfile: dumps cannot be filtered or compressed");
		res_remedy_words(res, install_cmd(c));
		return;
	}
	if (e && e != -ENODATA) {
		res_set(res, ST_FAIL, "cannot read %s: %s", p, errstr(e));
		return;
	}
	if (e) {
		res_observed(res, "%s", p);
		res_set(res, ST_WARN, "%s holds no makedumpfile version string: cannot tell which kernels it supports", p);
		return;
	}
	res_observed(res, "%s %s", p, ver);
	if (!c->host.release[0]) {
		res_set(res, ST_PASS, "%s version %s (running kernel unknown)", p, ver);
		return;
	}
	e = mkd_supports(ver, c->host.release, why, sizeof(why));
	if (e == 1) {
		res_set(res, ST_PASS, "%s version %s supports %s", p, ver, c->host.release);
		return;
	}
	if (e == 0) {
		res_set(res, ST_PROBLEM, "%s version %s: %s", p, ver, why);
		res_remedy_words(res, c->host.family == HOST_DEBIAN ? "apt-get install makedumpfile" : "yum update kexec-tools");
		return;
	}
	res_set(res, ST_WARN, "%s version %s: %s", p, ver, why);
}

const struct check_def checks_tools[] = {
	{ "tools.kexec", "tools", ST_FAIL, check_kexec },
	{ "tools.makedumpfile", "tools", ST_FAIL, check_makedumpfile },
	{ NULL, NULL, ST_PASS, NULL },
};
