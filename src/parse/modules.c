/* modules.c - /proc/modules, the kernel taint mask, and facts about module files. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <gelf.h>
#include <libelf.h>

#ifndef WITH_KMOD
#define WITH_KMOD 1
#endif
#if WITH_KMOD
#include <dlfcn.h>
#include <libkmod.h>
#endif

#include "parse/modules.h"
#include "root.h"
#include "util.h"

/* Largest .modinfo section we read (real ones are a few KiB). */
#define MODINFO_MAX (1u << 20)

/*
 * The kernel's taint bits (include/linux/panic.h TAINT_*, kernel/panic.c
 * taint_flags[]). Bits 0-19 are upstream (19 'J' since 6.15); 28 and 29
 * are Red Hat's own (RHEL 7 and later), which upstream leaves unused.
 */
static const struct {
	unsigned bit;
	char letter;
	const char *desc;
} taints[] = {
	{ 0, 'P', "proprietary module" },
	{ 1, 'F', "module force-loaded" },
	{ 2, 'S', "CPU out of specification" },
	{ 3, 'R', "module force-unloaded" },
	{ 4, 'M', "machine check" },
	{ 5, 'B', "bad page" },
	{ 6, 'U', "taint requested by user" },
	{ 7, 'D', "kernel died (oops or BUG)" },
	{ 8, 'A', "ACPI table overridden" },
	{ 9, 'W', "kernel warning" },
	{ 10, 'C', "staging driver" },
	{ 11, 'I', "firmware bug workaround" },
	{ 12, 'O', "out-of-tree module" },
	{ 13, 'E', "unsigned module" },
	{ 14, 'L', "soft lockup" },
	{ 15, 'K', "live patched" },
	{ 16, 'X', "auxiliary (distribution-defined)" },
	{ 17, 'T', "built with struct randomization" },
	{ 18, 'N', "in-kernel test" },
	{ 19, 'J', "fwctl debug interface used" },
	{ 28, 'H', "unsupported hardware (Red Hat)" },
	{ 29, 'T', "technology preview (Red Hat)" },
};

/* Append s to a bounded string buffer (cut silently, always terminated). */
static void append(char *buf, size_t cap, size_t *len, const char *s)
{
	size_t n = strlen(s);

	if (cap == 0 || *len >= cap - 1)
		return;
	if (n > cap - 1 - *len)
		n = cap - 1 - *len;
	memcpy(buf + *len, s, n);
	*len += n;
	buf[*len] = '\0';
}

void taint_decode(uint64_t mask, char *letters, size_t letterslen, char *desc, size_t desclen)
{
	size_t ll = 0, dl = 0, i;
	unsigned bit;

	if (letters && letterslen)
		letters[0] = '\0';
	if (desc && desclen)
		desc[0] = '\0';
	for (bit = 0; bit < 64; bit++) {
		const char *d = NULL;
		char one[2] = { 0, 0 }, unknown[16];

		if (!(mask & ((uint64_t)1 << bit)))
			continue;
		for (i = 0; i < ARRAY_SIZE(taints); i++)
			if (taints[i].bit == bit) {
				one[0] = taints[i].letter;
				d = taints[i].desc;
			}
		if (!d) {
			snprintf(unknown, sizeof(unknown), "bit %u", bit);
			d = unknown;
		}
		if (letters && one[0])
			append(letters, letterslen, &ll, one);
		if (desc) {
			if (dl)
				append(desc, desclen, &dl, ", ");
			append(desc, desclen, &dl, d);
		}
	}
}

/* Split the next blank-separated field of [*p, end); 0 at the end of the line. */
static int next_field(const char **p, const char *end, const char **f, size_t *flen)
{
	const char *s = *p;

	while (s < end && (*s == ' ' || *s == '\t'))
		s++;
	if (s >= end)
		return 0;
	*f = s;
	while (s < end && *s != ' ' && *s != '\t')
		s++;
	*flen = (size_t)(s - *f);
	*p = s;
	return 1;
}

/* Whether n bytes at s are all in the given set of characters. */
static int all_in(const char *s, size_t n, const char *set)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!s[i] || !strchr(set, s[i]))
			return 0;
	return 1;
}

/* Check field f against what /proc/modules can hold at position idx. */
static int field_ok(unsigned idx, const char *f, size_t n)
{
	static const char digits[] = "0123456789";

	switch (idx) {
	case 0:		/* name */
		return n < sizeof(((struct module_info *)0)->name) &&
		       all_in(f, n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");
	case 1:		/* size in bytes */
		return n <= 20 && all_in(f, n, digits);
	case 2:		/* reference count, "-" without CONFIG_MODULE_UNLOAD */
		if (n == 1 && f[0] == '-')
			return 1;
		if (f[0] == '-')
			f++, n--;
		return n >= 1 && n <= 11 && all_in(f, n, digits);
	case 3:		/* users: "-" or "a,b,[permanent]," */
		return (n == 1 && f[0] == '-') ||
		       all_in(f, n, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-,[]");
	case 4:		/* state */
		return (n == 4 && !memcmp(f, "Live", 4)) || (n == 7 && !memcmp(f, "Loading", 7)) ||
		       (n == 9 && !memcmp(f, "Unloading", 9)) || (n == 1 && f[0] == '-');
	case 5:		/* load address, zero for unprivileged readers */
		return n > 2 && n <= 18 && f[0] == '0' && f[1] == 'x' &&
		       all_in(f + 2, n - 2, "0123456789abcdefABCDEF");
	case 6:		/* "(POE)", "(O+)", "(-)" */
		return n >= 2 && n - 2 < sizeof(((struct module_info *)0)->taint) + 2 &&
		       f[0] == '(' && f[n - 1] == ')' &&
		       all_in(f + 1, n - 2, "ABCDEFGHIJKLMNOPQRSTUVWXYZ+-");
	}
	return 0;
}

/* Parse one /proc/modules line into m. 0 or -EINVAL. */
static int parse_line(const char *line, size_t len, struct module_info *m)
{
	const char *p = line, *end = line + len, *f;
	size_t n, i, t = 0;
	unsigned idx = 0;

	memset(m, 0, sizeof(*m));
	m->intree = -1;
	while (next_field(&p, end, &f, &n)) {
		if (idx > 6 || !field_ok(idx, f, n))
			return -EINVAL;
		if (idx == 0) {
			memcpy(m->name, f, n);
			m->name[n] = '\0';
		} else if (idx == 6) {
			for (i = 1; i + 1 < n; i++)
				if (f[i] != '+' && f[i] != '-' && t + 1 < sizeof(m->taint))
					m->taint[t++] = f[i];
			m->taint[t] = '\0';
		}
		idx++;
	}
	return idx >= 6 ? 0 : -EINVAL;
}

/* Whether a line holds only blanks (and a CR). */
static int blank_line(const char *s, size_t n)
{
	return all_in(s, n, " \t\r");
}

int modules_parse(const char *text, size_t len, struct module_info **mods, size_t *n, unsigned *errline)
{
	struct line_iter it;
	const char *line;
	size_t ll, cap = 0, cnt = 0;
	struct module_info *v = NULL;

	*mods = NULL;
	*n = 0;
	if (errline)
		*errline = 0;
	if (!text)
		len = 0;
	line_iter_init(&it, text ? text : "", len);
	while (line_iter_next(&it, &line, &ll)) {
		if (ll && line[ll - 1] == '\r')
			ll--;
		if (blank_line(line, ll))
			continue;
		if (cnt == cap) {
			cap = cap ? cap * 2 : 64;
			v = xrealloc(v, cap * sizeof(*v));
		}
		if (parse_line(line, ll, &v[cnt]) < 0) {
			free(v);
			if (errline)
				*errline = it.lineno;
			return -EINVAL;
		}
		cnt++;
	}
	*mods = v;
	*n = cnt;
	return 0;
}

/* Whether the release is older than 3.2, before modules carried "intree=Y". */
static int release_before_intree(const char *release)
{
	unsigned long maj, min;
	char *end;

	maj = strtoul(release, &end, 10);
	if (end == release || *end != '.')
		return 0;
	min = strtoul(end + 1, &end, 10);
	return maj < 3 || (maj == 3 && min < 2);
}

/* Take license and intree from the NUL-separated "key=value" strings of .modinfo. */
static void modinfo_apply(const char *p, size_t len, struct module_info *m, int old_kernel)
{
	const char *end = p + len;
	int license = 0, intree = 0;

	while (p < end) {
		const char *z = memchr(p, '\0', (size_t)(end - p));
		size_t n = z ? (size_t)(z - p) : (size_t)(end - p);

		if (!license && n > 8 && !memcmp(p, "license=", 8)) {
			size_t vl = n - 8;

			if (vl >= sizeof(m->license))
				vl = sizeof(m->license) - 1;
			memcpy(m->license, p + 8, vl);
			m->license[vl] = '\0';
			license = 1;
		} else if (n == 8 && !memcmp(p, "intree=Y", 8)) {
			intree = 1;
		}
		p += n + 1;
	}
	m->intree = intree ? 1 : old_kernel ? -1 : 0;
}

/* Read the .modinfo section of an uncompressed module open on fd. */
static int modinfo_from_fd(int fd, struct module_info *m, int old_kernel)
{
	Elf *elf;
	Elf_Scn *scn = NULL;
	size_t shstrndx;
	int ret = -ENOENT;

	if (elf_version(EV_CURRENT) == EV_NONE)
		return -ENOSYS;
	elf = elf_begin(fd, ELF_C_READ, NULL);
	if (!elf)
		return -EINVAL;
	if (elf_kind(elf) != ELF_K_ELF || elf_getshdrstrndx(elf, &shstrndx) != 0) {
		ret = -EINVAL;
		goto done;
	}
	while ((scn = elf_nextscn(elf, scn)) != NULL) {
		GElf_Shdr sh;
		const char *name;
		Elf_Data *d;

		if (!gelf_getshdr(scn, &sh) || sh.sh_type != SHT_PROGBITS)
			continue;
		name = elf_strptr(elf, shstrndx, sh.sh_name);
		if (!name || strcmp(name, ".modinfo") != 0)
			continue;
		if (sh.sh_size > MODINFO_MAX) {
			ret = -EFBIG;
			goto done;
		}
		d = elf_getdata(scn, NULL);
		if (!d || !d->d_buf || d->d_size > sh.sh_size) {
			ret = -EINVAL;
			goto done;
		}
		modinfo_apply(d->d_buf, d->d_size, m, old_kernel);
		ret = 0;
		break;
	}
done:
	elf_end(elf);
	return ret;
}

/* Fill license and intree from the module file at a judged-host path. */
static void modinfo_from_path(struct root *r, const char *path, struct module_info *m, int old_kernel)
{
	size_t n = strlen(path);
	int fd;

	if (n < 3 || strcmp(path + n - 3, ".ko") != 0)
		return;		/* compressed: left unknown */
	fd = root_open(r, path, O_RDONLY);
	if (fd < 0)
		return;
	modinfo_from_fd(fd, m, old_kernel);
	close(fd);
}

/* Without libkmod: modules.dep for the path, then the .ko's .modinfo through libelf. */

/* Module names compare with '-' and '_' as the same character, as the kernel does. */
static int modname_eq(const char *a, size_t alen, const char *b)
{
	size_t i;

	for (i = 0; i < alen; i++, b++) {
		char x = a[i] == '-' ? '_' : a[i], y = *b == '-' ? '_' : *b;

		if (!*b || x != y)
			return 0;
	}
	return *b == '\0';
}

/* The module name of a file path: basename without ".ko" and compression suffix. */
static int name_of_path(const char *path, size_t len, const char **name, size_t *namelen)
{
	const char *b = path + len;
	size_t n;

	while (b > path && b[-1] != '/')
		b--;
	n = (size_t)(path + len - b);
	if (n > 3 && !memcmp(b + n - 3, ".xz", 3))
		n -= 3;
	else if (n > 3 && !memcmp(b + n - 3, ".gz", 3))
		n -= 3;
	else if (n > 4 && !memcmp(b + n - 4, ".zst", 4))
		n -= 4;
	if (n <= 3 || memcmp(b + n - 3, ".ko", 3) != 0)
		return -EINVAL;
	*name = b;
	*namelen = n - 3;
	return 0;
}

/* Find a module's file in modules.dep ("path: dep dep ..."); 0 or -ENOENT. */
static int dep_lookup(const char *dep, size_t len, const char *moddir, const char *name,
		      char *path, size_t pathlen)
{
	struct line_iter it;
	const char *line;
	size_t ll;

	line_iter_init(&it, dep, len);
	while (line_iter_next(&it, &line, &ll)) {
		const char *colon = memchr(line, ':', ll), *mn;
		size_t pl, mnl;

		if (!colon || colon == line || memchr(line, '\0', (size_t)(colon - line)))
			continue;
		pl = (size_t)(colon - line);
		if (name_of_path(line, pl, &mn, &mnl) < 0 || !modname_eq(mn, mnl, name))
			continue;
		if (line[0] == '/')
			return xsnprintf(path, pathlen, "%.*s", (int)pl, line) < 0 ? -ENAMETOOLONG : 0;
		return xsnprintf(path, pathlen, "%s/%.*s", moddir, (int)pl, line) < 0 ? -ENAMETOOLONG : 0;
	}
	return -ENOENT;
}

static int facts_modules_dep(struct root *r, const char *release, struct module_info *mods, size_t n)
{
	char moddir[512], deppath[600];
	const char *dep;
	size_t deplen, i;
	struct stat st;
	int old_kernel, ret;

	if (!r || !release || !*release || strchr(release, '/'))
		return -EINVAL;
	if (xsnprintf(moddir, sizeof(moddir), "/lib/modules/%s", release) < 0)
		return -ENAMETOOLONG;
	ret = root_stat(r, moddir, &st);
	if (ret < 0)
		return ret;
	if (!S_ISDIR(st.st_mode))
		return -ENOTDIR;
	if (xsnprintf(deppath, sizeof(deppath), "%s/modules.dep", moddir) < 0)
		return -ENAMETOOLONG;
	ret = root_read(r, deppath, &dep, &deplen);
	if (ret < 0)
		return ret;
	old_kernel = release_before_intree(release);
	for (i = 0; i < n; i++) {
		struct module_info *m = &mods[i];

		m->path[0] = '\0';
		m->license[0] = '\0';
		m->intree = -1;
		if (dep_lookup(dep, deplen, moddir, m->name, m->path, sizeof(m->path)) < 0) {
			m->path[0] = '\0';
			continue;
		}
		modinfo_from_path(r, m->path, m, old_kernel);
	}
	return 0;
}

#if WITH_KMOD

/*
 * libkmod is loaded when a tainted kernel needs module facts, not at start:
 * it pulls in libcrypto, libzstd and liblzma, which a capture kernel and the
 * common untainted case do not need. Without it the libelf path answers.
 */
struct kmod_api {
	void *dl;
	struct kmod_ctx *(*new_)(const char *dirname, const char *const *config_paths);
	struct kmod_ctx *(*unref)(struct kmod_ctx *ctx);
	void (*set_log_fn)(struct kmod_ctx *ctx, void (*fn)(void *, int, const char *, int, const char *,
							      const char *, va_list), const void *data);
	int (*load_resources)(struct kmod_ctx *ctx);
	int (*module_new_from_name)(struct kmod_ctx *ctx, const char *name, struct kmod_module **mod);
	const char *(*module_get_path)(const struct kmod_module *mod);
	int (*module_get_info)(const struct kmod_module *mod, struct kmod_list **list);
	const char *(*info_get_key)(const struct kmod_list *entry);
	const char *(*info_get_value)(const struct kmod_list *entry);
	void (*info_free_list)(struct kmod_list *list);
	struct kmod_module *(*module_unref)(struct kmod_module *mod);
	struct kmod_list *(*list_next)(const struct kmod_list *list, const struct kmod_list *curr);
};

/* One symbol of libkmod into a function pointer (through a union: no cast between object and function). */
static int kmod_sym(void *dl, const char *name, void *slot, size_t size)
{
	union {
		void *obj;
		void (*fn)(void);
	} u;

	u.obj = dlsym(dl, name);
	if (!u.obj)
		return -ENOENT;
	memcpy(slot, &u.fn, size < sizeof(u.fn) ? size : sizeof(u.fn));
	return 0;
}

/* dlopen libkmod and find what we call; -ENOENT when it is not installed. */
static int kmod_open(struct kmod_api *k)
{
	int e = 0;

	memset(k, 0, sizeof(*k));
	k->dl = dlopen("libkmod.so.2", RTLD_NOW | RTLD_LOCAL);
	if (!k->dl)
		return -ENOENT;
#define SYM(field, name) e = e ? e : kmod_sym(k->dl, name, &k->field, sizeof(k->field))
	SYM(new_, "kmod_new");
	SYM(unref, "kmod_unref");
	SYM(set_log_fn, "kmod_set_log_fn");
	SYM(load_resources, "kmod_load_resources");
	SYM(module_new_from_name, "kmod_module_new_from_name");
	SYM(module_get_path, "kmod_module_get_path");
	SYM(module_get_info, "kmod_module_get_info");
	SYM(info_get_key, "kmod_module_info_get_key");
	SYM(info_get_value, "kmod_module_info_get_value");
	SYM(info_free_list, "kmod_module_info_free_list");
	SYM(module_unref, "kmod_module_unref");
	SYM(list_next, "kmod_list_next");
#undef SYM
	if (e) {
		dlclose(k->dl);
		k->dl = NULL;
	}
	return e;
}

/* libkmod logs to stderr by default; a library must stay quiet. */
static void kmod_quiet(void *data, int priority, const char *file, int line,
		       const char *fn, const char *format, va_list args)
{
	(void)data, (void)priority, (void)file, (void)line, (void)fn, (void)format, (void)args;
}

/* One module through libkmod: its path in the index, then its modinfo. */
static void facts_kmod(const struct kmod_api *k, struct kmod_ctx *ctx, struct root *r, const char *hostdir,
		       const char *moddir, struct module_info *m, int old_kernel)
{
	struct kmod_module *mod = NULL;
	struct kmod_list *info = NULL, *l;
	const char *p;
	size_t hl = strlen(hostdir);
	int license = 0, intree = 0;

	if (k->module_new_from_name(ctx, m->name, &mod) < 0)
		return;
	p = k->module_get_path(mod);
	if (!p)
		goto done;
	if (strncmp(p, hostdir, hl) != 0 || p[hl] != '/') {
		/* An absolute path in modules.dep names a file on the judged host. */
		xstrlcpy(m->path, p, sizeof(m->path));
		modinfo_from_path(r, m->path, m, old_kernel);
		goto done;
	}
	if (xsnprintf(m->path, sizeof(m->path), "%s%s", moddir, p + hl) < 0) {
		m->path[0] = '\0';
		goto done;
	}
	if (k->module_get_info(mod, &info) < 0)
		goto done;
	for (l = info; l; l = k->list_next(info, l)) {
		const char *key = k->info_get_key(l), *v = k->info_get_value(l);

		if (!key || !v)
			continue;
		if (!license && !strcmp(key, "license")) {
			xstrlcpy(m->license, v, sizeof(m->license));
			license = 1;
		} else if (!strcmp(key, "intree") && !strcmp(v, "Y")) {
			intree = 1;
		}
	}
	m->intree = intree ? 1 : old_kernel ? -1 : 0;
	k->info_free_list(info);
done:
	k->module_unref(mod);
}

/* Module facts through libkmod (k is open). */
static int facts_libkmod(const struct kmod_api *k, struct root *r, const char *release, struct module_info *mods,
			 size_t n)
{
	static const char *const no_config[] = { NULL };
	char moddir[512], given[4096], *hostdir;
	struct kmod_ctx *ctx;
	struct stat st;
	int old_kernel, ret;
	size_t i;

	if (!r || !release || !*release || strchr(release, '/'))
		return -EINVAL;
	if (xsnprintf(moddir, sizeof(moddir), "/lib/modules/%s", release) < 0)
		return -ENAMETOOLONG;
	ret = root_path(r, moddir, 1, given, sizeof(given));
	if (ret < 0)
		return ret;
	/* libkmod makes its directory absolute; we must compare against the same. */
	hostdir = realpath(given, NULL);
	if (!hostdir)
		return -errno;
	if (stat(hostdir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		free(hostdir);
		return -ENOTDIR;
	}
	ctx = k->new_(hostdir, no_config);
	if (!ctx) {
		free(hostdir);
		return -ENOMEM;
	}
	k->set_log_fn(ctx, kmod_quiet, NULL);
	k->load_resources(ctx);	/* faster when the indexes exist; optional */
	old_kernel = release_before_intree(release);
	for (i = 0; i < n; i++) {
		mods[i].path[0] = '\0';
		mods[i].license[0] = '\0';
		mods[i].intree = -1;
		facts_kmod(k, ctx, r, hostdir, moddir, &mods[i], old_kernel);
	}
	k->unref(ctx);
	free(hostdir);
	return 0;
}

#endif /* WITH_KMOD */

int modules_facts(struct root *r, const char *release, struct module_info *mods, size_t n)
{
#if WITH_KMOD
	struct kmod_api k;

	if (kmod_open(&k) == 0) {
		int e = facts_libkmod(&k, r, release, mods, n);
		dlclose(k.dl);
		return e;
	}
#endif
	return facts_modules_dep(r, release, mods, n);
}

