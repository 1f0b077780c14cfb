/*
 * modules.c - facts about the loaded modules' files on the judged host
 * (license, in-tree, path): through libkmod opened with dlopen() on the
 * live host, or through modules.dep and the .ko's .modinfo section read
 * with libelf: without libkmod, and always under a --root other than "/",
 * whose index files are untrusted (a corrupt modules.dep.bin crashes
 * libkmod). Every path goes through the root layer; the text formats are
 * parsed by parse/modules.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
#include "read/modules.h"
#include "root.h"
#include "util.h"

/* Largest .modinfo section we read (real ones are a few KiB). */
#define MODINFO_MAX (1u << 20)

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
	old_kernel = modules_release_before_intree(release);
	for (i = 0; i < n; i++) {
		struct module_info *m = &mods[i];

		m->path[0] = '\0';
		m->license[0] = '\0';
		m->intree = -1;
		if (modules_dep_lookup(dep, deplen, moddir, m->name, m->path, sizeof(m->path)) < 0) {
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
	old_kernel = modules_release_before_intree(release);
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

	/*
	 * libkmod trusts its index files (modules.dep.bin, modules.builtin.bin,
	 * ...): a corrupt one crashes it inside the library. Only the running
	 * host's own indexes, which its modprobe uses too, are handed to it; an
	 * image's (--root DIR) are read by our own bounded parsers.
	 */
	if (r && root_is_live(r) && kmod_open(&k) == 0) {
		int e = facts_libkmod(&k, r, release, mods, n);
		dlclose(k.dl);
		return e;
	}
#endif
	return facts_modules_dep(r, release, mods, n);
}


