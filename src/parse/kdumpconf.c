/*
 * kdumpconf.c - /etc/kdump.conf (kexec-tools) and /etc/default/kdump-tools (Debian) parsers.
 *
 * Bounds: one pass, line by line, in place; fixed-size fields (a longer
 * value is the parse error, quoted), at most KC_MAX_FILES words and
 * KC_MAX_HOOKS hooks (kdumpconf.h), KT_MAX_VALUE bytes of one kdump-tools
 * value; /etc/default/kdump-tools goes through shvars.h's bounds.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/kdumpconf.h"
#include "parse/shvars.h"
#include "util.h"


/* Copy a span into a fixed field; -ENAMETOOLONG when it does not fit. */
static int copy_span(char *dst, size_t size, const char *s, size_t n)
{
	if (n >= size) {
		dst[0] = '\0';
		return -ENAMETOOLONG;
	}
	memcpy(dst, s, n);
	dst[n] = '\0';
	return 0;
}

/* The next blank-separated word of [*p, end): 1 with w/wn set, 0 at the end. */
static int next_word(const char **p, const char *end, const char **w, size_t *wn)
{
	const char *s = *p;

	while (s < end && is_blank((unsigned char)*s))
		s++;
	if (s >= end)
		return 0;
	*w = s;
	while (s < end && !is_blank((unsigned char)*s))
		s++;
	*wn = (size_t)(s - *w);
	*p = s;
	return 1;
}

/*
 * A makedumpfile dump level list, "31" or "1,31" (the first is the level
 * used, the others are fallbacks on ENOSPC). Each 0-31.
 */
static int parse_level_list(const char *s, size_t n, int *level)
{
	const char *p = s, *end = s + n;
	int first = -1, count = 0;

	if (!n)
		return -EINVAL;
	while (p <= end) {
		const char *c = memchr(p, ',', (size_t)(end - p));
		const char *e = c ? c : end;
		int v = 0;

		if (e == p || e - p > 2)
			return -EINVAL;
		for (; p < e; p++) {
			if (*p < '0' || *p > '9')
				return -EINVAL;
			v = v * 10 + (*p - '0');
		}
		if (v > 31 || ++count > 32)
			return -EINVAL;
		if (first < 0)
			first = v;
		p = e + 1;
		if (!c)
			break;
	}
	*level = first;
	return 0;
}

/*
 * Find makedumpfile's -d in an argument string, as its getopt would:
 * "-d 31", "-d31", "-cd 31", "-c -d 1,31"; the last -d wins; "--" ends the
 * options. *level is -1 when there is none. -EINVAL (with the offending
 * word in bad) for a -d that is missing, not a number, or above 31.
 */
static int find_dump_level(const char *args, size_t len, int *level, char *bad, size_t badlen)
{
	static const char with_arg[] = "bgiLx";
	const char *p = args, *end = args + len, *w, *a;
	size_t wn, an;

	*level = -1;
	while (next_word(&p, end, &w, &wn)) {
		size_t i;

		if (wn == 2 && w[0] == '-' && w[1] == '-')
			break;
		if (wn < 2 || w[0] != '-' || w[1] == '-')
			continue;
		for (i = 1; i < wn; i++) {
			if (w[i] == 'd') {
				a = w + i + 1;
				an = wn - i - 1;
				if (!an && !next_word(&p, end, &a, &an)) {
					quote_bytes(w, wn, bad, badlen);
					return -EINVAL;
				}
				if (parse_level_list(a, an, level)) {
					quote_bytes(a, an, bad, badlen);
					return -EINVAL;
				}
				break;
			}
			if (w[i] && strchr(with_arg, w[i])) {
				if (i + 1 == wn)
					next_word(&p, end, &a, &an);
				break;
			}
		}
	}
	return 0;
}

/* ---- /etc/kdump.conf ---- */

enum kc_kind {
	KC_PLAIN,	/* accepted, not kept */
	KC_TARGET,	/* a dump target: raw, nfs, ssh, a file system type */
	KC_PATH,
	KC_COLLECTOR,
	KC_DEFAULT,	/* default / failure_action */
	KC_FINAL,	/* final_action */
	KC_BOOL,	/* force_rebuild, force_no_rebuild: 0 or 1 */
	KC_NUMBER,	/* link_delay, disk_timeout, debug_mem_level */
	KC_SSHKEY,
	KC_BINS,	/* extra_bins: files */
	KC_HOOK,	/* kdump_pre, kdump_post: a program */
	KC_MODULES,	/* extra_modules */
	KC_DRACUT,	/* dracut_args */
	KC_FENCE_NODES,	/* fence_kdump_nodes */
	KC_FENCE_ARGS,	/* fence_kdump_args */
};

struct kc_directive {
	const char *name;
	enum kc_kind kind;
	unsigned releases;	/* KC_EL6 | KC_EL7 | KC_NEWER */
};

#define KC_ALL (KC_EL6 | KC_EL7 | KC_NEWER)
#define KC_EL7_ON (KC_EL7 | KC_NEWER)

/*
 * Every directive of kdump.conf(5) on EL6 (kexec-tools 2.0.0), EL7
 * (2.0.15) and their successors (kdump-utils). EL7's kdumpctl refuses the
 * EL6 network and mkdumprd directives as deprecated; EL6's mkdumprd has no
 * dracut. EL6 "net" is nfs or ssh by the form of its argument.
 */
static const struct kc_directive kc_directives[] = {
	{ "raw", KC_TARGET, KC_ALL }, { "nfs", KC_TARGET, KC_ALL }, { "nfs4", KC_TARGET, KC_EL6 },
	{ "ssh", KC_TARGET, KC_ALL }, { "net", KC_TARGET, KC_EL6 }, { "virtiofs", KC_TARGET, KC_NEWER },
	{ "ext2", KC_TARGET, KC_ALL }, { "ext3", KC_TARGET, KC_ALL }, { "ext4", KC_TARGET, KC_ALL },
	{ "xfs", KC_TARGET, KC_ALL }, { "btrfs", KC_TARGET, KC_ALL }, { "minix", KC_TARGET, KC_ALL },
	{ "path", KC_PATH, KC_ALL }, { "core_collector", KC_COLLECTOR, KC_ALL },
	{ "default", KC_DEFAULT, KC_EL6 | KC_EL7 }, { "failure_action", KC_DEFAULT, KC_EL7_ON },
	{ "final_action", KC_FINAL, KC_EL7_ON },
	{ "force_rebuild", KC_BOOL, KC_ALL }, { "force_no_rebuild", KC_BOOL, KC_EL7_ON },
	{ "override_resettable", KC_BOOL, KC_EL7_ON },
	{ "link_delay", KC_NUMBER, KC_EL6 }, { "disk_timeout", KC_NUMBER, KC_EL6 },
	{ "debug_mem_level", KC_NUMBER, KC_EL6 },
	{ "sshkey", KC_SSHKEY, KC_ALL }, { "kdump_post", KC_HOOK, KC_ALL }, { "kdump_pre", KC_HOOK, KC_ALL },
	{ "extra_bins", KC_BINS, KC_ALL }, { "extra_modules", KC_MODULES, KC_ALL },
	{ "dracut_args", KC_DRACUT, KC_EL7_ON }, { "fence_kdump_args", KC_FENCE_ARGS, KC_ALL },
	{ "fence_kdump_nodes", KC_FENCE_NODES, KC_ALL }, { "blacklist", KC_PLAIN, KC_EL6 },
	{ "options", KC_PLAIN, KC_EL6 }, { "auto_reset_crashkernel", KC_PLAIN, KC_NEWER },
};

/* File system types that are not dump targets: kdump(5) lists ext2-4, xfs, btrfs, minix only. */
static const char *const kc_unsupported_fs[] = {
	"vfat", "msdos", "fat", "exfat", "ntfs", "ntfs3", "tmpfs", "ramfs", "cifs", "smb3", "smbfs",
	"f2fs", "reiserfs", "jfs", "zfs", "gfs2", "ocfs2", "glusterfs", "ceph", "9p", "iso9660",
	"squashfs", "overlay", "hfsplus", "udf", "nilfs2", "nfs3", "swap", NULL
};

/* Record the first problem of a kdump.conf. */
static void KDC_PRINTF(3, 4) kc_error(struct kdump_conf *kc, unsigned line, const char *fmt, ...)
{
	va_list ap;

	if (kc->errline)
		return;
	kc->errline = line;
	va_start(ap, fmt);
	vsnprintf(kc->errmsg, sizeof(kc->errmsg), fmt, ap);
	va_end(ap);
}

/* Quote a whole line for a message, within the error message's room. */
static void kc_quote_line(const char *line, size_t n, char *out, size_t outlen)
{
	quote_bytes(line, n > 160 ? 160 : n, out, outlen);
}

/* The directive entry for a word, or NULL. */
static const struct kc_directive *kc_lookup(const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(kc_directives); i++)
		if (strlen(kc_directives[i].name) == n && memcmp(kc_directives[i].name, w, n) == 0)
			return &kc_directives[i];
	return NULL;
}

unsigned kc_directive_releases(const char *name)
{
	const struct kc_directive *d = name ? kc_lookup(name, strlen(name)) : NULL;

	return d ? d->releases : 0;
}

/* 1 when [s, s+n) is one of the words of a NULL-terminated list. */
static int in_list(const char *s, size_t n, const char *const *list)
{
	for (; *list; list++)
		if (strlen(*list) == n && memcmp(*list, s, n) == 0)
			return 1;
	return 0;
}

/* 1 when [s, s+n) is all decimal digits (and at most 9 of them). */
static int is_number(const char *s, size_t n)
{
	size_t i;

	if (!n || n > 9)
		return 0;
	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

/* core_collector: keep the value, its tool, and makedumpfile's -d level. */
static void kc_collector(struct kdump_conf *kc, unsigned line, const char *v, size_t vn)
{
	const char *p = v, *w, *base;
	size_t wn;
	char bad[64];
	int level;

	kc->core_collector_line = line;
	kc->dump_level = -1;
	kc->collector_tool[0] = '\0';
	if (copy_span(kc->core_collector, sizeof(kc->core_collector), v, vn)) {
		kc_error(kc, line, "core_collector: value too long");
		return;
	}
	if (!next_word(&p, v + vn, &w, &wn))
		return;
	if (copy_span(kc->collector_tool, sizeof(kc->collector_tool), w, wn))
		kc_error(kc, line, "core_collector: tool name too long");
	base = memrchr(w, '/', wn);
	base = base ? base + 1 : w;
	if ((size_t)(w + wn - base) != 12 || memcmp(base, "makedumpfile", 12) != 0)
		return;
	if (find_dump_level(p, (size_t)(v + vn - p), &level, bad, sizeof(bad)))
		kc_error(kc, line, "core_collector: makedumpfile dump level '%s' is not a number 0-31", bad);
	else
		kc->dump_level = level;
}

/* A dump target line; kdump accepts only one. */
static void kc_target(struct kdump_conf *kc, unsigned line, const char *d, size_t dn,
		      const char *v, size_t vn)
{
	if (kc->target_type[0]) {
		kc_error(kc, line, "more than one dump target (the first is on line %u)", kc->target_line);
		return;
	}
	/* EL6's "net" is nfs or ssh by the form of its argument */
	if (dn == 3 && memcmp(d, "net", 3) == 0) {
		d = memchr(v, '@', vn) ? "ssh" : "nfs";
		dn = 3;
	}
	if (copy_span(kc->target, sizeof(kc->target), v, vn)) {
		kc_error(kc, line, "%.*s: value too long", (int)dn, d);
		return;
	}
	copy_span(kc->target_type, sizeof(kc->target_type), d, dn);
	kc->target_line = line;
}

/*
 * Append the words of v to a list (only the first with first_only, as
 * kdumpctl takes the program of kdump_pre/kdump_post); an error past max.
 */
static void kc_words(struct kdump_conf *kc, unsigned line, const char *name, struct kc_word *list,
		     unsigned *n, unsigned max, const char *v, size_t vn, int first_only)
{
	const char *p = v, *w;
	size_t wn;

	while (next_word(&p, v + vn, &w, &wn)) {
		if (*n >= max) {
			kc_error(kc, line, "%s: more than %u entries", name, max);
			return;
		}
		if (copy_span(list[*n].text, sizeof(list[*n].text), w, wn)) {
			kc_error(kc, line, "%s: word too long", name);
			return;
		}
		list[(*n)++].line = line;
		if (first_only)
			return;
	}
}

/* Append a value to a blank-separated field (extra_modules may be given on several lines). */
static void kc_append(struct kdump_conf *kc, unsigned line, const char *name, char *dst, size_t size,
		      const char *v, size_t vn)
{
	size_t have = strlen(dst), need = vn + (have ? 1 : 0);

	if (have + need >= size) {
		kc_error(kc, line, "%s: value too long", name);
		return;
	}
	if (have)
		dst[have++] = ' ';
	memcpy(dst + have, v, vn);
	dst[have + vn] = '\0';
}

/* The directives that name inputs of the initramfs and the cluster's fence_kdump. */
static void kc_inputs(struct kdump_conf *kc, unsigned line, const struct kc_directive *dir,
		      const char *v, size_t vn)
{
	switch (dir->kind) {
	case KC_BINS:
		kc_words(kc, line, dir->name, kc->extra_bins, &kc->n_extra_bins, KC_MAX_FILES, v, vn, 0);
		break;
	case KC_HOOK:
		if (!strcmp(dir->name, "kdump_pre"))
			kc_words(kc, line, dir->name, kc->kdump_pre, &kc->n_kdump_pre, KC_MAX_HOOKS, v, vn, 1);
		else
			kc_words(kc, line, dir->name, kc->kdump_post, &kc->n_kdump_post, KC_MAX_HOOKS, v, vn, 1);
		break;
	case KC_MODULES:
		kc_append(kc, line, dir->name, kc->extra_modules, sizeof(kc->extra_modules), v, vn);
		kc->extra_modules_line = line;
		break;
	case KC_DRACUT:
		if (copy_span(kc->dracut_args, sizeof(kc->dracut_args), v, vn))
			kc_error(kc, line, "dracut_args: value too long");
		kc->dracut_args_line = line;
		break;
	case KC_FENCE_NODES:
		kc_words(kc, line, dir->name, kc->fence_nodes, &kc->n_fence_nodes, KC_MAX_FILES, v, vn, 0);
		break;
	case KC_FENCE_ARGS:
		if (copy_span(kc->fence_args, sizeof(kc->fence_args), v, vn))
			kc_error(kc, line, "fence_kdump_args: value too long");
		kc->fence_args_line = line;
		break;
	default:
		break;
	}
}

/* Apply one directive with its (non-empty) value. */
static void kc_directive(struct kdump_conf *kc, unsigned line, const struct kc_directive *dir,
			 const char *v, size_t vn)
{
	static const char *const actions[] = {
		"reboot", "halt", "poweroff", "shell", "dump_to_rootfs", "mount_root_run_init", NULL
	};
	static const char *const finals[] = { "reboot", "halt", "poweroff", NULL };

	switch (dir->kind) {
	case KC_TARGET:
		kc_target(kc, line, dir->name, strlen(dir->name), v, vn);
		break;
	case KC_PATH:
		if (copy_span(kc->path, sizeof(kc->path), v, vn))
			kc_error(kc, line, "path: value too long");
		kc->path_line = line;
		break;
	case KC_COLLECTOR:
		kc_collector(kc, line, v, vn);
		break;
	case KC_DEFAULT:
		xstrlcpy(kc->action_name, dir->name, sizeof(kc->action_name));
		quote_bytes(v, vn, kc->action_value, sizeof(kc->action_value));
		kc->action_line = line;
		if (!in_list(v, vn, actions) || copy_span(kc->default_action, sizeof(kc->default_action), v, vn))
			kc_error(kc, line, "%s: unknown action (reboot, halt, poweroff, shell, dump_to_rootfs)",
				 dir->name);
		break;
	case KC_FINAL:
		quote_bytes(v, vn, kc->final_value, sizeof(kc->final_value));
		kc->final_line = line;
		if (!in_list(v, vn, finals))
			kc_error(kc, line, "final_action: unknown action (reboot, halt, poweroff)");
		break;
	case KC_BOOL:
		if (vn != 1 || (v[0] != '0' && v[0] != '1'))
			kc_error(kc, line, "%s: value must be 0 or 1", dir->name);
		else if (!strcmp(dir->name, "force_rebuild"))
			kc->force_rebuild = v[0] - '0';
		else if (!strcmp(dir->name, "force_no_rebuild"))
			kc->force_no_rebuild = v[0] - '0';
		break;
	case KC_NUMBER:
		if (!is_number(v, vn))
			kc_error(kc, line, "%s: value must be a number", dir->name);
		break;
	case KC_SSHKEY:
		if (copy_span(kc->sshkey, sizeof(kc->sshkey), v, vn))
			kc_error(kc, line, "sshkey: value too long");
		kc->sshkey_line = line;
		break;
	case KC_PLAIN:
		break;
	default:
		kc_inputs(kc, line, dir, v, vn);
		break;
	}
}

/* A directive no release knows: an unsupported target type or an unknown word, quoting the line. */
static void kc_unknown(struct kdump_conf *kc, unsigned lineno, const char *d, size_t dn,
		       const char *line, size_t n)
{
	char q[64], ql[200];

	quote_bytes(d, dn, q, sizeof(q));
	kc_quote_line(line, n, ql, sizeof(ql));
	if (in_list(d, dn, kc_unsupported_fs))
		kc_error(kc, lineno, "unsupported dump target type '%s' (kdump writes to ext2, ext3, ext4, xfs, "
			 "btrfs, minix, raw, nfs or ssh): \"%s\"", q, ql);
	else
		kc_error(kc, lineno, "unknown directive '%s' (in no release of kdump.conf(5)): \"%s\"", q, ql);
}

/* Note the first directive only EL6 accepts, and the first EL6 does not. */
static void kc_releases(struct kdump_conf *kc, unsigned line, const struct kc_directive *dir)
{
	if (!(dir->releases & (KC_EL7 | KC_NEWER)) && !kc->el6_only_line) {
		xstrlcpy(kc->el6_only, dir->name, sizeof(kc->el6_only));
		kc->el6_only_line = line;
	}
	if (!(dir->releases & KC_EL6) && !kc->not_el6_line) {
		xstrlcpy(kc->not_el6, dir->name, sizeof(kc->not_el6));
		kc->not_el6_line = line;
	}
}

int kdump_conf_parse(const char *text, size_t len, struct kdump_conf *kc)
{
	struct line_iter it;
	const char *line;
	size_t n;

	if (!kc)
		return -EINVAL;
	memset(kc, 0, sizeof(*kc));
	kc->dump_level = -1;
	kc->force_rebuild = -1;
	kc->force_no_rebuild = -1;
	if (!text)
		len = 0;
	line_iter_init(&it, text, len);
	while (line_iter_next(&it, &line, &n)) {
		const char *hash, *p, *d, *v;
		const struct kc_directive *dir;
		size_t dn, vn;
		int indented = n && is_blank((unsigned char)line[0]), cr;

		if (memchr(line, '\0', n)) {
			kc_error(kc, it.lineno, "NUL byte in line");
			continue;
		}
		/* kdumpctl drops everything from the first '#' */
		hash = memchr(line, '#', n);
		if (hash)
			n = (size_t)(hash - line);
		cr = memchr(line, '\r', n) != NULL;
		span_trim(&line, &n);
		if (!n)
			continue;
		if (indented)
			kc_error(kc, it.lineno, "blank before the directive (kdumpctl refuses it)");
		/* read(1) keeps a CR: "path /var/crash\r" and "-d 31\r" are what kdump would use */
		if (cr)
			kc_error(kc, it.lineno, "carriage return in the line (a DOS line ending): kdump takes it as part "
				 "of the value");
		p = line;
		next_word(&p, line + n, &d, &dn);
		v = p;
		vn = (size_t)(line + n - p);
		span_trim(&v, &vn);
		dir = kc_lookup(d, dn);
		if (!dir) {
			kc_unknown(kc, it.lineno, d, dn, line, n);
			continue;
		}
		kc_releases(kc, it.lineno, dir);
		if (!vn) {
			kc_error(kc, it.lineno, "%s: missing argument", dir->name);
			continue;
		}
		kc_directive(kc, it.lineno, dir, v, vn);
	}
	return kc->errline ? -EINVAL : 0;
}

/* ---- /etc/default/kdump-tools ---- */

/* kdump-config's own limit on one value of /etc/default/kdump-tools. */
#define KT_MAX_VALUE 65536
/* The size of the NFS, SSH, SSH_KEY and KDUMP_FAIL_CMD fields. */
#define KT_FIELD 512

/* Format the message of a refused value; always -EINVAL. */
static int KDC_PRINTF(3, 4) kt_bad(char *msg, size_t msglen, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, msglen, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

/* The field of a remote-target or failure variable (all KT_FIELD bytes), or NULL. */
static char *kt_text_field(struct kdump_tools *kt, const char *name)
{
	if (!strcmp(name, "NFS"))
		return kt->nfs;
	if (!strcmp(name, "SSH"))
		return kt->ssh;
	if (!strcmp(name, "SSH_KEY"))
		return kt->ssh_key;
	if (!strcmp(name, "KDUMP_FAIL_CMD"))
		return kt->fail_cmd;
	return NULL;
}

/* A kdump-tools number: "" keeps the default, else decimal digits (at most 9). */
static int kt_number(const char *name, const char *val, int *out, char *msg, size_t msglen)
{
	if (!*val)
		return 0;
	if (!is_number(val, strlen(val)))
		return kt_bad(msg, msglen, "%s must be a number, not '%.32s'", name, val);
	*out = atoi(val);
	return 0;
}

/* The kdump-tools variables of the remote dump, the retention and the capture kernel. */
static int kt_store_more(struct kdump_tools *kt, const char *name, const char *val, char *msg, size_t msglen)
{
	if (!strcmp(name, "HOSTTAG")) {
		/* kdump-config: "hostname" names the remote directory by host name, anything else by ip */
		if (*val && strcmp(val, "hostname") && strcmp(val, "ip"))
			return kt_bad(msg, msglen, "HOSTTAG must be hostname or ip, not '%.32s'", val);
		xstrlcpy(kt->hosttag, *val ? val : "ip", sizeof(kt->hosttag));
	} else if (!strcmp(name, "KDUMP_NUM_DUMPS")) {
		return kt_number(name, val, &kt->num_dumps, msg, msglen);
	} else if (!strcmp(name, "NFS_TIMEO")) {
		return kt_number(name, val, &kt->nfs_timeo, msg, msglen);
	} else if (!strcmp(name, "NFS_RETRANS")) {
		return kt_number(name, val, &kt->nfs_retrans, msg, msglen);
	} else if (!strcmp(name, "KDUMP_CMDLINE_APPEND")) {
		kt->has_cmdline_append = *val != '\0';
		if (xstrlcpy(kt->cmdline_append, val, sizeof(kt->cmdline_append)) >= sizeof(kt->cmdline_append))
			return kt_bad(msg, msglen, "KDUMP_CMDLINE_APPEND too long");
	} else if (!strcmp(name, "KDUMP_SYSCTL")) {
		if (xstrlcpy(kt->sysctl, *val ? val : "kernel.panic_on_oops=1", sizeof(kt->sysctl)) >= sizeof(kt->sysctl))
			return kt_bad(msg, msglen, "KDUMP_SYSCTL too long");
	}
	return 0;
}

/* Copy a known variable into the result as it is assigned; the message on a bad value. */
static int kt_store(void *arg, const char *name, const char *val, char *msg, size_t msglen)
{
	struct kdump_tools *kt = arg;

	/* sh keeps a CR in the value: kdump-config would see "1\r", "-d 31\r" */
	if (strchr(val, '\r'))
		return kt_bad(msg, msglen, "%s holds a carriage return (DOS line endings): kdump-config reads it so", name);
	if (!strcmp(name, "USE_KDUMP")) {
		if (!strcmp(val, "1"))
			kt->use_kdump = 1;
		else if (!strcmp(val, "0") || !*val)
			kt->use_kdump = 0;
		else
			return kt_bad(msg, msglen, "USE_KDUMP must be 0 or 1, not '%.32s'", val);
	} else if (!strcmp(name, "KDUMP_COREDIR")) {
		/* kdump-config uses ${KDUMP_COREDIR:=/var/crash}: empty means the default */
		kt->has_coredir = *val != '\0';
		if (xstrlcpy(kt->coredir, *val ? val : "/var/crash", sizeof(kt->coredir)) >= sizeof(kt->coredir))
			return kt_bad(msg, msglen, "KDUMP_COREDIR too long");
	} else if (!strcmp(name, "MAKEDUMP_ARGS")) {
		kt->has_makedump_args = *val != '\0';
		if (xstrlcpy(kt->makedump_args, *val ? val : "-c -d 31", sizeof(kt->makedump_args)) >=
		    sizeof(kt->makedump_args))
			return kt_bad(msg, msglen, "MAKEDUMP_ARGS too long");
	} else if (kt_text_field(kt, name)) {
		if (xstrlcpy(kt_text_field(kt, name), val, KT_FIELD) >= KT_FIELD)
			return kt_bad(msg, msglen, "%s too long", name);
	} else if (!strcmp(name, "KDUMP_KERNEL")) {
		if (xstrlcpy(kt->kdump_kernel, val, sizeof(kt->kdump_kernel)) >= sizeof(kt->kdump_kernel))
			return kt_bad(msg, msglen, "KDUMP_KERNEL too long");
	} else if (!strcmp(name, "KDUMP_INITRD")) {
		if (xstrlcpy(kt->kdump_initrd, val, sizeof(kt->kdump_initrd)) >= sizeof(kt->kdump_initrd))
			return kt_bad(msg, msglen, "KDUMP_INITRD too long");
	} else {
		return kt_store_more(kt, name, val, msg, msglen);
	}
	return 0;
}

/* Record the first problem of a kdump-tools file; always -EINVAL. */
static int kt_error(struct kdump_tools *kt, unsigned line, const char *msg)
{
	kt->errline = line ? line : 1;
	xstrlcpy(kt->errmsg, msg, sizeof(kt->errmsg));
	return -EINVAL;
}

int kdump_tools_parse(const char *text, size_t len, struct kdump_tools *kt)
{
	struct shvars_opts o = { SHVARS_ASSIGN, KT_MAX_VALUE, 0, kt_store, kt };
	struct shvars v;
	struct shvars_err err;
	char bad[64], msg[128];

	if (!kt)
		return -EINVAL;
	memset(kt, 0, sizeof(*kt));
	kt->use_kdump = -1;
	kt->dump_level = -1;
	xstrlcpy(kt->coredir, "/var/crash", sizeof(kt->coredir));
	xstrlcpy(kt->makedump_args, "-c -d 31", sizeof(kt->makedump_args));
	xstrlcpy(kt->hosttag, "ip", sizeof(kt->hosttag));
	xstrlcpy(kt->sysctl, "kernel.panic_on_oops=1", sizeof(kt->sysctl));
	kt->nfs_timeo = 600;
	kt->nfs_retrans = 3;
	memset(&v, 0, sizeof(v));
	if (shvars_parse(&v, text, len, &o, &err))
		return kt_error(kt, err.line, err.msg);
	/* the -d level of the effective MAKEDUMP_ARGS */
	if (find_dump_level(kt->makedump_args, strlen(kt->makedump_args), &kt->dump_level, bad, sizeof(bad))) {
		kt->dump_level = -1;
		snprintf(msg, sizeof(msg), "MAKEDUMP_ARGS: dump level '%s' is not a number 0-31", bad);
		kt_error(kt, shvars_line(&v, "MAKEDUMP_ARGS"), msg);
	}
	shvars_free(&v);
	return kt->errline ? -EINVAL : 0;
}
