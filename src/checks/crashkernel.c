/* crashkernel.c - crashkernel.cmdline, .reserved, .size, .persistent. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "checks/common.h"
#include "parse/crashkernel.h"
#include "parse/grub.h"
#include "parse/procfs.h"
#include "parse/shvars.h"
#include "root.h"
#include "util.h"

/* The recommended size as text, "256M". */
static void recommended(struct ctx *c, char *out, size_t outlen)
{
	const struct estimate *e = ctx_estimate(c);
	estimate_ck_value(c->policy->ck_min_auto ? e->crash_size : c->policy->ck_min, out, outlen);
}

/* crashkernel.cmdline: /proc/cmdline carries a crashkernel= that parses. */
static void check_cmdline(struct ctx *c, struct result *res)
{
	struct crashkernel ck;
	const char *data, *errpos = NULL;
	char q[800], rec[32];
	size_t len;
	int e = ctx_input(c, res, "/proc/cmdline", "no /proc/cmdline under this root (not a running host)",
			  &data, &len);

	if (e)
		return;
	quote(data, len, q, sizeof(q));
	res_observed(res, "%s", q);
	if (memchr(data, '\0', len)) {
		res_set(res, ST_FAIL, "/proc/cmdline holds a NUL byte: \"%s\"", q);
		return;
	}
	e = ck_from_cmdline(data, &ck, &errpos);
	recommended(c, rec, sizeof(rec));
	res_expected(res, "crashkernel=%s or larger", rec);
	if (e < 0) {
		char v[200];
		quote(ck.text, strlen(ck.text), v, sizeof(v));
		res_set(res, ST_FAIL, "crashkernel=%s on the kernel command line does not parse", v);
		remedy_crashkernel(c, res, rec);
		return;
	}
	if (e == 0) {
		res_set(res, ST_PROBLEM, "no crashkernel= on the kernel command line: \"%s\"", q);
		remedy_crashkernel(c, res, rec);
		return;
	}
	res_observed(res, "crashkernel=%s", ck.text);
	if (ck.kind == CK_AUTO && c->host.family != HOST_EL6 && c->host.family != HOST_EL7) {
		res_set(res, ST_PROBLEM, "crashkernel=auto is understood only by RHEL/CentOS kernels: "
			"this kernel reserves nothing for it");
		remedy_crashkernel(c, res, rec);
		return;
	}
	res_set(res, ST_PASS, "crashkernel=%s", ck.text);
}

/* Does the command line ask for a separate low reservation (crashkernel=X,low)? */
static int low_reserved(struct ctx *c)
{
	struct crashkernel ck;
	const char *cl;
	size_t cll;

	return ctx_read(c, "/proc/cmdline", &cl, &cll) == 0 && ck_from_cmdline(cl, &ck, NULL) >= 0 && ck.low_size > 0;
}

/* crashkernel.reserved: kexec_crash_size > 0, cross-checked with /proc/iomem. */
static void check_reserved(struct ctx *c, struct result *res)
{
	const char *data;
	char words[64], iomem_words[64], rec[32], q[200];
	size_t len;
	uint64_t size, total = 0;
	int hidden = 0, n;
	unsigned errline = 0;
	int e = ctx_input(c, res, "/sys/kernel/kexec_crash_size", NO_KEXEC, &data, &len);

	if (e)
		return;
	if (ctx_reserved(c, &size)) {
		quote(data, len, q, sizeof(q));
		res_set(res, ST_FAIL, "/sys/kernel/kexec_crash_size does not parse: \"%s\"", q);
		return;
	}
	size_words(size, words, sizeof(words));
	res_observed(res, "%s", words);
	res_expected(res, "> 0");
	recommended(c, rec, sizeof(rec));
	if (size == 0) {
		struct crashkernel ck;
		const char *cl;
		size_t cll;
		if (ctx_read(c, "/proc/cmdline", &cl, &cll) == 0 && ck_from_cmdline(cl, &ck, NULL) == 1 &&
		    ck.kind == CK_AUTO)
			res_set(res, ST_PROBLEM, "nothing is reserved for the capture kernel: crashkernel=auto "
				"reserves nothing on a host with less than 2 GiB of RAM");
		else
			res_set(res, ST_PROBLEM, "nothing is reserved for the capture kernel (kexec_crash_size is 0)");
		remedy_crashkernel(c, res, rec);
		return;
	}
	e = ctx_read(c, "/proc/iomem", &data, &len);
	if (e) {
		res_set(res, ST_PASS, "%s reserved (no /proc/iomem to cross-check)", words);
		return;
	}
	n = iomem_crash_kernel(data, len, &total, &hidden, &errline);
	if (n < 0) {
		struct line_iter it;
		const char *line = "";
		size_t ll = 0;
		line_iter_init(&it, data, len);
		while (it.lineno < errline && line_iter_next(&it, &line, &ll))
			;
		quote(line, ll, q, sizeof(q));
		res_set(res, ST_FAIL, "/proc/iomem:%u does not parse: \"%s\"", errline, q);
		return;
	}
	if (n == 0) {
		res_set(res, ST_WARN, "kexec_crash_size says %s but /proc/iomem has no \"Crash kernel\" range", words);
		return;
	}
	/* a crashkernel=X,low range shows in /proc/iomem too, but not in kexec_crash_size */
	if (!hidden && total != size && !(low_reserved(c) && total > size)) {
		size_words(total, iomem_words, sizeof(iomem_words));
		res_set(res, ST_WARN, "kexec_crash_size says %s but the \"Crash kernel\" ranges of /proc/iomem sum to %s",
			words, iomem_words);
		return;
	}
	res_set(res, ST_PASS, "%s reserved%s", words, hidden ? " (iomem addresses hidden: not read as root)" : "");
}

/* crashkernel.size: the reservation is at least the recommendation. */
static void check_size(struct ctx *c, struct result *res)
{
	const struct estimate *e;
	char have[64], want[64], rec[32];
	uint64_t size, need;

	if (ctx_reserved(c, &size) || size == 0) {
		res_set(res, ST_SKIP, "nothing reserved to size (see crashkernel.reserved)");
		return;
	}
	e = ctx_estimate(c);
	if (c->policy->ck_min_auto && need_ram(c, res))
		return;
	need = c->policy->ck_min_auto ? e->crash_size : c->policy->ck_min;
	size_words(size, have, sizeof(have));
	size_words(need, want, sizeof(want));
	estimate_ck_value(need, rec, sizeof(rec));
	res_observed(res, "%s", have);
	res_expected(res, ">= %s", want);
	if (size < need) {
		res_set(res, ST_PROBLEM, "%s reserved, %s recommended for this host (%s)", have, want,
			c->policy->ck_min_auto ? e->basis : "policy [crashkernel] min");
		remedy_crashkernel(c, res, rec);
		return;
	}
	res_set(res, ST_PASS, "%s reserved, %s recommended", have, want);
}

/* Which bootloader config a host boots from. */
struct boot_cfg {
	const char *path;
	int legacy;
};

static const struct boot_cfg el6_cfgs[] = {
	{ "/boot/grub/grub.conf", 1 }, { "/boot/grub/menu.lst", 1 }, { "/etc/grub.conf", 1 },
	{ "/boot/efi/EFI/redhat/grub.conf", 1 }, { "/boot/efi/EFI/centos/grub.conf", 1 }, { NULL, 0 },
};
static const struct boot_cfg el7_cfgs[] = {
	{ "/boot/grub2/grub.cfg", 0 }, { "/boot/efi/EFI/centos/grub.cfg", 0 },
	{ "/boot/efi/EFI/redhat/grub.cfg", 0 }, { NULL, 0 },
};
static const struct boot_cfg debian_cfgs[] = { { "/boot/grub/grub.cfg", 0 }, { NULL, 0 } };
static const struct boot_cfg any_cfgs[] = {
	{ "/boot/grub2/grub.cfg", 0 }, { "/boot/grub/grub.cfg", 0 }, { "/boot/grub/grub.conf", 1 },
	{ "/boot/grub/menu.lst", 1 }, { NULL, 0 },
};

/*
 * The entry spec GRUB 2 boots next: next_entry, saved_entry, or the literal
 * default. Returns 0, or -EINVAL when the grubenv next to the config does not parse.
 */
static int grub2_spec(struct ctx *c, const struct grub_menu *m, const char *cfgpath, char *spec, size_t speclen,
		      char *envpath, size_t envlen)
{
	char *slash;
	const char *data;
	size_t len;
	int e, saved = m->default_spec && (strstr(m->default_spec, "saved_entry") || !strcmp(m->default_spec, "saved"));

	xstrlcpy(spec, m->default_spec ? m->default_spec : "0", speclen);
	xstrlcpy(envpath, cfgpath, envlen);
	slash = strrchr(envpath, '/');
	if (slash)
		xstrlcpy(slash + 1, "grubenv", envlen - (size_t)(slash + 1 - envpath));
	if (ctx_read(c, envpath, &data, &len) == 0) {
		if (m->has_next_entry_logic) {
			e = grubenv_get(data, len, "next_entry", spec, speclen);
			if (e == 0)
				return 0;
			if (e != -ENOENT)
				return -EINVAL;
		}
		if (saved) {
			e = grubenv_get(data, len, "saved_entry", spec, speclen);
			if (e == 0)
				return 0;
			if (e != -ENOENT)
				return -EINVAL;
		}
	}
	if (saved)
		xstrlcpy(spec, "0", speclen);
	return 0;
}

/* The value of GRUB legacy's /boot/grub/default (default=saved). */
static void legacy_saved(struct ctx *c, char *spec, size_t speclen)
{
	const char *data;
	size_t len;

	xstrlcpy(spec, "0", speclen);
	if (ctx_read(c, "/boot/grub/default", &data, &len) == 0 && !memchr(data, '\0', len)) {
		char buf[32];
		text_value(data, len, buf, sizeof(buf));
		if (buf[0] >= '0' && buf[0] <= '9')
			xstrlcpy(spec, buf, speclen);
	}
}

/*
 * Does /etc/default/grub (and grub.d) put crashkernel= on the generated
 * lines? 1 yes, 0 no, -ENOENT no such files, -EINVAL a file does not parse
 * (where then says file:line and why, a bound passed included).
 */
static int defaults_have_crashkernel(struct ctx *c, char *where, size_t wherelen)
{
	static const char *const vars[] = { "GRUB_CMDLINE_LINUX", "GRUB_CMDLINE_LINUX_DEFAULT" };
	struct shvars v;
	const char *data, *val;
	char **names = NULL, p[512];
	size_t len, i, n = 0;
	struct shvars_err err;
	int found = 0, any = 0, bad = 0;

	memset(&v, 0, sizeof(v));
	if (ctx_read(c, "/etc/default/grub", &data, &len) == 0) {
		any = 1;
		if (shvars_parse(&v, data, len, NULL, &err)) {
			(void)xsnprintf(where, wherelen, "/etc/default/grub:%u does not parse: %s", err.line, err.msg);
			bad = 1;
		}
	}
	if (!bad && root_list(c->root, "/etc/default/grub.d", &names, &n) == 0) {
		for (i = 0; i < n && !bad; i++) {
			size_t nl = strlen(names[i]);
			if (nl < 5 || strcmp(names[i] + nl - 4, ".cfg"))
				continue;
			snprintf(p, sizeof(p), "/etc/default/grub.d/%s", names[i]);
			if (ctx_read(c, p, &data, &len) == 0) {
				any = 1;
				if (shvars_parse(&v, data, len, NULL, &err)) {
					(void)xsnprintf(where, wherelen, "%s:%u does not parse: %s", p, err.line, err.msg);
					bad = 1;
				}
			}
		}
		root_names_free(names);
	}
	for (i = 0; i < ARRAY_SIZE(vars) && !bad; i++) {
		struct crashkernel ck;
		val = shvars_get(&v, vars[i]);
		if (val && ck_from_cmdline(val, &ck, NULL) == 1) {
			found = 1;
			xstrlcpy(where, vars[i], wherelen);
		}
	}
	shvars_free(&v);
	if (bad)
		return -EINVAL;
	return any ? found : -ENOENT;
}

/* The GRUB configuration of this host, read; NULL when there is none or it cannot be read (res says which). */
static const struct boot_cfg *boot_cfg_read(struct ctx *c, struct result *res, const char **data, size_t *len)
{
	const struct boot_cfg *cfgs, *cfg;
	int e = -ENOENT;

	switch (c->host.family) {
	case HOST_EL6: cfgs = el6_cfgs; break;
	case HOST_EL7: cfgs = el7_cfgs; break;
	case HOST_DEBIAN: cfgs = debian_cfgs; break;
	default: cfgs = any_cfgs; break;
	}
	for (cfg = cfgs; cfg->path; cfg++) {
		e = ctx_read(c, cfg->path, data, len);
		if (e != -ENOENT)
			break;
	}
	if (!cfg->path) {
		res_set(res, ST_SKIP, "no GRUB configuration found (looked for %s)", cfgs[0].path);
		return NULL;
	}
	if (e) {
		res_set(res, ST_FAIL, "cannot read %s: %s", cfg->path, errstr(e));
		return NULL;
	}
	return cfg;
}

/* The entry spec the next boot uses (legacy default/saved, GRUB 2 grubenv); -EINVAL with res set when grubenv is bad. */
static int boot_spec(struct ctx *c, struct result *res, const struct boot_cfg *cfg, const struct grub_menu *m,
		     char *spec, size_t speclen)
{
	char envpath[512];

	if (cfg->legacy) {
		if (m->default_spec && !strcmp(m->default_spec, "saved"))
			legacy_saved(c, spec, speclen);
		else
			xstrlcpy(spec, m->default_spec ? m->default_spec : "0", speclen);
		return 0;
	}
	if (grub2_spec(c, m, cfg->path, spec, speclen, envpath, sizeof(envpath))) {
		res_set(res, ST_FAIL, "%s does not parse as a GRUB environment block", envpath);
		return -EINVAL;
	}
	return 0;
}

/* crashkernel.persistent: the entry that boots next carries crashkernel=. */
static void check_persistent(struct ctx *c, struct result *res)
{
	const struct boot_cfg *cfg;
	struct grub_menu m;
	struct crashkernel ck;
	const struct grub_entry *ent;
	const char *data;
	char spec[512], rec[32], q[200], where[600];
	size_t len;
	unsigned errline = 0;
	int e, idx;

	cfg = boot_cfg_read(c, res, &data, &len);
	if (!cfg)
		return;
	recommended(c, rec, sizeof(rec));
	memset(&m, 0, sizeof(m));
	e = cfg->legacy ? grub_legacy_parse(data, len, &m, &errline) : grub2_cfg_parse(data, len, &m, &errline);
	if (e) {
		res_set(res, ST_FAIL, "%s:%u does not parse", cfg->path, errline);
		goto out;
	}
	if (boot_spec(c, res, cfg, &m, spec, sizeof(spec)))
		goto out;
	idx = grub_menu_select(&m, spec);
	if (idx < 0) {
		quote(spec, strlen(spec), q, sizeof(q));
		res_set(res, ST_FAIL, "%s: the default entry \"%s\" matches no boot entry", cfg->path, q);
		goto out;
	}
	ent = &m.entries[idx];
	res_observed(res, "%s (%s:%u)", ent->title ? ent->title : "?", cfg->path, ent->line);
	e = ck_from_cmdline(ent->args ? ent->args : "", &ck, NULL);
	if (e < 0) {
		quote(ck.text, strlen(ck.text), q, sizeof(q));
		res_set(res, ST_FAIL, "the next boot entry \"%s\" has crashkernel=%s, which does not parse (%s:%u)",
			ent->title ? ent->title : "?", q, cfg->path, ent->line);
		remedy_crashkernel(c, res, rec);
		goto out;
	}
	if (e == 0) {
		res_set(res, ST_PROBLEM, "the next boot entry \"%s\" has no crashkernel= (%s:%u): "
			"the reservation is lost at reboot", ent->title ? ent->title : "?", cfg->path, ent->line);
		remedy_crashkernel(c, res, rec);
		goto out;
	}
	e = cfg->legacy ? -ENOENT : defaults_have_crashkernel(c, where, sizeof(where));
	if (e == -EINVAL) {
		res_set(res, ST_FAIL, "%s", where);
		goto out;
	}
	if (e == 0) {
		res_set(res, ST_WARN, "the next boot entry has crashkernel=%s, but /etc/default/grub does not: "
			"the next grub2-mkconfig/update-grub drops it", ck.text);
		remedy_crashkernel(c, res, ck.text);
		goto out;
	}
	res_set(res, ST_PASS, "the next boot entry \"%s\" has crashkernel=%s", ent->title ? ent->title : "?", ck.text);
out:
	grub_menu_free(&m);
}

const struct check_def checks_crashkernel[] = {
	{ "crashkernel.cmdline", "crashkernel", ST_FAIL, check_cmdline },
	{ "crashkernel.reserved", "crashkernel", ST_FAIL, check_reserved },
	{ "crashkernel.size", "crashkernel", ST_WARN, check_size },
	{ "crashkernel.persistent", "crashkernel", ST_FAIL, check_persistent },
	{ NULL, NULL, ST_PASS, NULL },
};
