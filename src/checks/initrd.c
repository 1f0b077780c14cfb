/*
 * initrd.c - kdump.initrd: the kdump initramfs of the running release exists
 * and is newer than every input that goes into it, as kdumpctl decides
 * whether to rebuild it (check_rebuild, check_files_modified): the kernel
 * image, /etc/kdump.conf, /etc/sysconfig/kdump, /etc/fstab for a device
 * target, the sshkey of an ssh target, extra_bins, kdump_pre and kdump_post.
 * A file the config names that is missing (or a hook that is not
 * executable) makes kdumpctl refuse to rebuild: a problem too. Debian's
 * kdump-tools initramfs is judged against /etc/default/kdump-tools only.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "checks/common.h"
#include "parse/kdumpconf.h"
#include "parse/kdumpsys.h"
#include "root.h"
#include "util.h"

#define MAX_INPUTS (6 + KC_MAX_FILES + 2 * KC_MAX_HOOKS)

/* One file that goes into the kdump initramfs. */
struct input {
	char path[512];
	const char *what;	/* "the kernel", "kdump_post", ...; NULL for a plain config file */
	unsigned line;		/* the /etc/kdump.conf line naming it; 0 for none */
	int named;		/* named by the config: missing is a problem */
	int exec;		/* kdumpctl wants it executable (extra_bins, kdump_pre, kdump_post) */
};

struct inputs {
	struct input v[MAX_INPUTS];
	size_t n;
};

/* Add an input (silently dropped past MAX_INPUTS, which the config's own bounds keep from happening). */
static void add(struct inputs *in, const char *path, const char *what, unsigned line, int named, int exec)
{
	struct input *i;

	if (in->n >= MAX_INPUTS || !path[0])
		return;
	i = &in->v[in->n++];
	xstrlcpy(i->path, path, sizeof(i->path));
	i->what = what;
	i->line = line;
	i->named = named;
	i->exec = exec;
}

/* A program of extra_bins as dracut finds it: a bare name through the system's PATH. */
static void add_program(struct ctx *c, struct inputs *in, const struct kc_word *w, const char *what, int named)
{
	static const char *const dirs[] = { "/usr/sbin", "/usr/bin", "/sbin", "/bin" };
	char p[512];
	struct stat st;
	size_t i;

	if (strchr(w->text, '/')) {
		add(in, w->text, what, w->line, named, 1);
		return;
	}
	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		snprintf(p, sizeof(p), "%s/%s", dirs[i], w->text);
		if (root_stat(c->root, p, &st) == 0) {
			add(in, p, what, w->line, named, 1);
			return;
		}
	}
	add(in, w->text, what, w->line, named, 1);
}

/* The kernel image kdumpctl loads: /boot/KDUMP_IMG-RELEASEKDUMP_IMG_EXT. */
static void add_kernel(struct ctx *c, struct inputs *in)
{
	struct kdump_sysconfig *ks = xcalloc(1, sizeof(*ks));
	const char *data;
	size_t len;
	char p[512];

	if (ctx_read(c, "/etc/sysconfig/kdump", &data, &len) == 0)
		kdump_sysconfig_parse(data, len, ks);
	else
		kdump_sysconfig_parse(NULL, 0, ks);
	if (!strchr(ks->img, '/') && !strchr(ks->img_ext, '/') &&
	    xsnprintf(p, sizeof(p), "/boot/%s-%s%s", ks->img, c->host.release, ks->img_ext) == 0)
		add(in, p, "the kernel", 0, 1, 0);
	free(ks);
}

/* The inputs of an EL kdump initramfs (conf: /etc/kdump.conf, read through ctx_kdump_conf()). */
static void el_inputs(struct ctx *c, const char *conf, struct inputs *in)
{
	static const struct kdump_conf none;
	const struct dump_target *t = ctx_target(c);
	const struct kdump_conf *kc = ctx_kdump_conf(c, NULL);
	size_t i;

	if (!kc)
		kc = &none;
	add_kernel(c, in);
	add(in, conf, NULL, 0, 0, 0);
	add(in, "/etc/sysconfig/kdump", NULL, 0, 0, 0);
	if (t->kind == TARGET_DEVICE)
		add(in, "/etc/fstab", NULL, 0, 0, 0);
	if (t->kind == TARGET_SSH)
		add(in, kc->sshkey[0] ? kc->sshkey : t->sshkey, "the sshkey", kc->sshkey_line, 0, 0);
	/* kdumpctl puts the core collector's program in the image: a newer one is not there */
	if (kc->collector_tool[0]) {
		struct kc_word w;

		memset(&w, 0, sizeof(w));
		xstrlcpy(w.text, kc->collector_tool, sizeof(w.text));
		w.line = kc->core_collector_line;
		add_program(c, in, &w, "the core collector", 0);
	}
	for (i = 0; i < kc->n_extra_bins; i++)
		add_program(c, in, &kc->extra_bins[i], "extra_bins", 1);
	for (i = 0; i < kc->n_kdump_pre; i++)
		add_program(c, in, &kc->kdump_pre[i], "kdump_pre", 1);
	for (i = 0; i < kc->n_kdump_post; i++)
		add_program(c, in, &kc->kdump_post[i], "kdump_post", 1);
}

/* A time for a message: "2024-03-01T10:05:00Z". */
static void iso_time(time_t t, char *out, size_t outlen)
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, outlen, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The command that rebuilds the kdump initramfs on this host. */
static const char *rebuild_cmd(const struct ctx *c)
{
	return c->host.family == HOST_DEBIAN ? "kdump-config unload && kdump-config load" :
	       c->host.family == HOST_EL6 ? "touch /etc/kdump.conf && service kdump restart" :
	       "touch /etc/kdump.conf && systemctl restart kdump";
}

/* An input named by the config is missing or unusable: kdumpctl refuses to rebuild. */
static void input_broken(struct ctx *c, struct result *res, const struct input *i, const char *why)
{
	char q[600], sq[700];

	quote(i->path, strlen(i->path), q, sizeof(q));
	sh_quote(i->path, sq, sizeof(sq));
	res_observed(res, "%s %s", i->what, q);
	if (i->line) {
		res_set(res, ST_PROBLEM, "/etc/kdump.conf:%u: %s %s %s: kdump cannot rebuild its initramfs",
			i->line, i->what, q, why);
		if (!strcmp(why, "is not executable")) {
			res_remedy_cmd(res, "chmod", "0755", i->path, NULL);
			res_remedy_words(res, kdump_reload_cmd(c));
		} else {
			res_remedy(res, "%s %s, or remove line %u of /etc/kdump.conf; then %s",
				   i->exec ? "install an executable" : "put back", sq, i->line, kdump_reload_cmd(c));
		}
	} else {
		res_set(res, ST_PROBLEM, "%s %s %s: kdump cannot rebuild its initramfs", i->what, q, why);
		res_remedy(res, "reinstall the running kernel's package (it holds %s), then %s", sq, kdump_reload_cmd(c));
	}
}

/* What a scan of the inputs found. */
struct scan {
	const struct input *newest;	/* the newest input newer than the image; NULL if none */
	time_t newest_t;
	size_t nnewer;		/* inputs newer than the image */
	size_t nseen;		/* inputs that exist */
	const struct input *latest;	/* the newest input of all */
	time_t latest_t;
};

/* Stat every input: 0 with sc filled; -1 when res is filled (an input broken). */
static int scan(struct ctx *c, struct result *res, const struct stat *si, const struct inputs *in,
		struct scan *sc)
{
	size_t k;

	memset(sc, 0, sizeof(*sc));
	for (k = 0; k < in->n; k++) {
		const struct input *i = &in->v[k];
		struct stat st;
		int e = i->path[0] == '/' ? root_stat(c->root, i->path, &st) : -EINVAL;

		if (i->path[0] != '/') {
			/* a bare program name not found on the PATH, or a relative path kdumpctl cannot check */
			input_broken(c, res, i, strchr(i->path, '/') ? "is not an absolute path" :
				     "is in none of /usr/sbin, /usr/bin, /sbin, /bin");
			return -1;
		}
		if (e == -ENOENT && !i->named)
			continue;
		if (e == -ENOENT) {
			input_broken(c, res, i, "does not exist");
			return -1;
		}
		if (e) {
			res_set(res, ST_FAIL, "cannot stat %s: %s", i->path, errstr(e));
			return -1;
		}
		if (i->exec && (!S_ISREG(st.st_mode) || !(st.st_mode & 0111))) {
			input_broken(c, res, i, S_ISREG(st.st_mode) ? "is not executable" : "is not a regular file");
			return -1;
		}
		sc->nseen++;
		if (!sc->latest || st.st_mtime > sc->latest_t) {
			sc->latest = i;
			sc->latest_t = st.st_mtime;
		}
		if (st.st_mtime > si->st_mtime) {
			sc->nnewer++;
			if (!sc->newest || st.st_mtime > sc->newest_t) {
				sc->newest = i;
				sc->newest_t = st.st_mtime;
			}
		}
	}
	return 0;
}

/* Judge the image against its inputs. */
static void judge(struct ctx *c, struct result *res, const char *img, const struct stat *si,
		  const struct inputs *in)
{
	struct scan sc;
	const struct input *newest;
	char t1[32], t2[32], q[600], more[64] = "";

	if (scan(c, res, si, in, &sc))
		return;
	newest = sc.newest;
	if (newest) {
		iso_time(si->st_mtime, t1, sizeof(t1));
		iso_time(sc.newest_t, t2, sizeof(t2));
		quote(newest->path, strlen(newest->path), q, sizeof(q));
		if (sc.nnewer > 1)
			snprintf(more, sizeof(more), " and %zu other input%s", sc.nnewer - 1, sc.nnewer > 2 ? "s" : "");
		res_set(res, ST_PROBLEM, "the kdump initramfs (%s) is older than %s%s%s (%s)%s: it does not hold "
			"the current %s", t1, newest->what ? newest->what : "", newest->what ? " " : "", q, t2, more,
			newest->what && !strcmp(newest->what, "the kernel") ? "kernel" : "config");
		res_expected(res, "newer than %s", q);
		res_remedy_words(res, rebuild_cmd(c));
		return;
	}
	if (!sc.latest) {
		res_set(res, ST_PASS, "%s exists (none of the files that go into it is there to compare)", img);
		return;
	}
	quote(sc.latest->path, strlen(sc.latest->path), q, sizeof(q));
	if (sc.nseen == 1)
		res_set(res, ST_PASS, "%s is newer than %s", img, q);
	else
		res_set(res, ST_PASS, "%s is newer than the %zu files that go into it (the newest: %s)", img, sc.nseen, q);
}

/* kdump.initrd: the kdump initramfs exists and is newer than everything in it. */
static void check_initrd(struct ctx *c, struct result *res)
{
	char img[512];
	const char *conf;
	struct stat si;
	struct inputs *in;

	if (!c->host.release[0]) {
		res_set(res, ST_SKIP, "running kernel release unknown (no /proc/sys/kernel/osrelease)");
		return;
	}
	if (kdump_files(c, img, sizeof(img), &conf)) {
		res_set(res, ST_SKIP, "no known kdump initramfs layout for this host (%s)", c->host.os[0] ? c->host.os : "unknown OS");
		return;
	}
	if (root_stat(c->root, img, &si)) {
		res_set(res, ST_PROBLEM, "no kdump initramfs %s for the running kernel", img);
		res_expected(res, "%s", img);
		res_remedy_words(res, kdump_reload_cmd(c));
		return;
	}
	res_observed(res, "%s", img);
	if (si.st_size == 0) {
		res_set(res, ST_PROBLEM, "the kdump initramfs %s is empty", img);
		res_remedy_words(res, kdump_reload_cmd(c));
		return;
	}
	in = xcalloc(1, sizeof(*in));
	if (c->host.family == HOST_DEBIAN)
		add(in, conf, NULL, 0, 0, 0);
	else
		el_inputs(c, conf, in);
	judge(c, res, img, &si, in);
	free(in);
}

const struct check_def checks_initrd[] = {
	{ "kdump.initrd", "kdump", ST_WARN, check_initrd },
	{ NULL, NULL, ST_PASS, NULL },
};
