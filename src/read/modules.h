/*
 * read/modules.h - module facts (license, in-tree, file) of the judged
 * host through libkmod on the live host, or through modules.dep and libelf
 * reading the .modinfo section when libkmod is missing or built out
 * (WITH_KMOD=0), and under any root other than "/" (its index files are
 * data from an untrusted image: libkmod does not validate them).
 */
#ifndef KDC_READ_MODULES_H
#define KDC_READ_MODULES_H

#include <stddef.h>
#include "parse/modules.h"

struct root;

/*
 * Fill license/path/intree of each module from ROOT/lib/modules/RELEASE
 * (modules.dep, then the .ko's modinfo). Modules it cannot find keep "".
 * Returns 0 or -errno when the module directory is unusable.
 */
int modules_facts(struct root *r, const char *release, struct module_info *mods, size_t n);

#endif
