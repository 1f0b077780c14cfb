/*
 * modules.h - /proc/modules, the kernel taint mask, and module facts
 * (license, in-tree, file) through libkmod, or through libelf reading the
 * .modinfo section when built with WITH_KMOD=0.
 */
#ifndef KDC_PARSE_MODULES_H
#define KDC_PARSE_MODULES_H

#include <stddef.h>
#include <stdint.h>

struct root;

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

/*
 * Fill license/path/intree of each module from ROOT/lib/modules/RELEASE
 * (modules.dep, then the .ko's modinfo). Modules it cannot find keep "".
 * Returns 0 or -errno when the module directory is unusable.
 */
int modules_facts(struct root *r, const char *release, struct module_info *mods, size_t n);

#endif
