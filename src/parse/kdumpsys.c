/*
 * kdumpsys.c - /etc/sysconfig/kdump (EL6, EL7) and rd.driver.pre= on a kernel command line.
 *
 * Bounds: those of shvars.h (size, line, total, variables, nesting), through
 * which every value is read, with a value at most KS_MAX_VALUE bytes and at
 * most KS_MAX_WORK bytes of expansion in the whole file: the longest thing the
 * file sets is a kernel command line, a few KiB at most.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "parse/kdumpsys.h"
#include "parse/shvars.h"
#include "compat.h"
#include "util.h"

#define KS_MAX_VALUE (64u << 10)
#define KS_MAX_WORK (1u << 20)

/* The variables kept, their fields and sizes. */
struct ks_var {
	const char *name;
	size_t off;
	size_t size;
	size_t line_off;	/* offset of the line field; (size_t)-1 for none */
};

#define KS_FIELD(f) offsetof(struct kdump_sysconfig, f), sizeof(((struct kdump_sysconfig *)0)->f)
#define KS_NOLINE ((size_t)-1)

static const struct ks_var ks_vars[] = {
	{ "KDUMP_COMMANDLINE", KS_FIELD(commandline), offsetof(struct kdump_sysconfig, commandline_line) },
	{ "KDUMP_COMMANDLINE_APPEND", KS_FIELD(append), offsetof(struct kdump_sysconfig, append_line) },
	{ "KDUMP_COMMANDLINE_REMOVE", KS_FIELD(remove), offsetof(struct kdump_sysconfig, remove_line) },
	{ "KDUMP_KERNELVER", KS_FIELD(kernelver), KS_NOLINE },
	{ "KEXEC_ARGS", KS_FIELD(kexec_args), KS_NOLINE },
	{ "KDUMP_IMG", KS_FIELD(img), KS_NOLINE },
	{ "KDUMP_IMG_EXT", KS_FIELD(img_ext), KS_NOLINE },
};

/* Refuse a value that does not fit its field (checked as each assignment takes effect). */
static int ks_check(void *arg, const char *name, const char *value, char *msg, size_t msglen)
{
	size_t i;

	(void)arg;
	for (i = 0; i < ARRAY_SIZE(ks_vars); i++) {
		if (strcmp(ks_vars[i].name, name))
			continue;
		/* sh keeps a CR in the value: kdumpctl would pass it on as it is */
		if (strchr(value, '\r')) {
			snprintf(msg, msglen, "%s holds a carriage return (DOS line endings): kdumpctl reads it so", name);
			return -EINVAL;
		}
		if (strlen(value) >= ks_vars[i].size) {
			snprintf(msg, msglen, "%s longer than %zu bytes", name, ks_vars[i].size - 1);
			return -EINVAL;
		}
	}
	return 0;
}

int kdump_sysconfig_parse(const char *text, size_t len, struct kdump_sysconfig *ks)
{
	struct shvars_opts o = { SHVARS_SH, KS_MAX_VALUE, KS_MAX_WORK, ks_check, NULL };
	struct shvars v;
	struct shvars_err err;
	size_t i;

	if (!ks)
		return -EINVAL;
	memset(ks, 0, sizeof(*ks));
	memset(&v, 0, sizeof(v));
	xstrlcpy(ks->img, "vmlinuz", sizeof(ks->img));
	if (shvars_parse(&v, text ? text : "", text ? len : 0, &o, &err)) {
		ks->errline = err.line ? err.line : 1;
		xstrlcpy(ks->errmsg, err.msg, sizeof(ks->errmsg));
	}
	for (i = 0; i < ARRAY_SIZE(ks_vars); i++) {
		const char *val = shvars_get(&v, ks_vars[i].name);

		if (!val)
			continue;
		xstrlcpy((char *)ks + ks_vars[i].off, val, ks_vars[i].size);
		if (ks_vars[i].line_off != KS_NOLINE)
			*(unsigned *)(void *)((char *)ks + ks_vars[i].line_off) = shvars_line(&v, ks_vars[i].name);
	}
	shvars_free(&v);
	return ks->errline ? -EINVAL : 0;
}

/* 1 when [a, a+n) and the module name b are the same module ('-' and '_' alike). */
static int same_module(const char *a, size_t n, const char *b)
{
	size_t i;

	if (strlen(b) != n)
		return 0;
	for (i = 0; i < n; i++) {
		char x = a[i] == '-' ? '_' : a[i], y = b[i] == '-' ? '_' : b[i];
		if (x != y)
			return 0;
	}
	return 1;
}

int cmdline_driver_pre(const char *cmdline, const char *module)
{
	static const char key[] = "rd.driver.pre=";
	const char *p = cmdline;

	if (!cmdline || !module || !*module)
		return 0;
	while (*p) {
		const char *w, *e, *c;

		while (*p && is_blank((unsigned char)*p))
			p++;
		w = p;
		while (*p && !is_blank((unsigned char)*p))
			p++;
		if ((size_t)(p - w) <= sizeof(key) - 1 || strncmp(w, key, sizeof(key) - 1))
			continue;
		for (c = w + sizeof(key) - 1; c < p; c = e + 1) {
			e = memchr(c, ',', (size_t)(p - c));
			if (!e)
				e = p;
			if (same_module(c, (size_t)(e - c), module))
				return 1;
		}
	}
	return 0;
}
