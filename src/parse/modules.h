/*
 * modules.h - /proc/modules, the kernel taint mask, .modinfo strings and
 * modules.dep lines: pure parsers on buffers. Module facts read from the
 * host's files are in read/modules.h.
 */
#ifndef KDC_PARSE_MODULES_H
#define KDC_PARSE_MODULES_H

#include <stddef.h>
#include <stdint.h>

struct module_info {
	char name[64];
	char taint[16];		/* flags from the trailing "(OE)", "" when none */
	char license[64];	/* from modinfo, "" unknown */
	char path[256];		/* module file on the host, "" unknown */
	int intree;		/* 1 in-tree, 0 out-of-tree, -1 unknown */
};

/*
 * Parse /proc/modules: "name size refcount deps state address [(flags)]".
 * Allocates *mods (free()). Returns 0 or -EINVAL with *errline.
 */
int modules_parse(const char *text, size_t len, struct module_info **mods, size_t *n, unsigned *errline);

/*
 * The kernel's taint bits (kernel/panic.c taint_flags): letters in the
 * kernel's order ("P", "O", "E" ...) and a comma list of descriptions
 * ("proprietary module, out-of-tree module"). Unknown bits are named "bit N".
 */
void taint_decode(uint64_t mask, char *letters, size_t letterslen, char *desc, size_t desclen);

/* Whether the release is older than 3.2, before modules carried "intree=Y". */
int modules_release_before_intree(const char *release);

/*
 * Take license and intree from the NUL-separated "key=value" strings of a
 * module's .modinfo section (intree unknown, -1, on an old_kernel).
 */
void modinfo_apply(const char *p, size_t len, struct module_info *m, int old_kernel);

/*
 * Find module name's file in modules.dep text ("path: dep dep ..."); a
 * relative path is put under moddir. 0, -ENOENT, or -ENAMETOOLONG.
 */
int modules_dep_lookup(const char *dep, size_t len, const char *moddir, const char *name,
		       char *path, size_t pathlen);

#endif
