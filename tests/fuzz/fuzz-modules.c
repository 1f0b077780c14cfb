/*
 * fuzz-modules.c - libFuzzer target for the module text parsers: each input
 * is read as /proc/modules, as a .modinfo section and as modules.dep, and
 * its first eight bytes as a taint mask. No crash, leak or read past the
 * buffer; every module has a name and terminated fields.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-modules tests/fuzz/fuzz-modules.c \
 *     src/parse/modules.c src/util.c
 *   ./fuzz-modules tests/fuzz/corpus/modules
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/modules.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Abort unless the fixed field f is NUL-terminated. */
#define TERMINATED(f) do { if (!memchr((f), '\0', sizeof(f))) abort(); } while (0)

/* /proc/modules, then each module looked up in the input as modules.dep. */
static void check_modules(const char *text, size_t size)
{
	struct module_info *mods = NULL;
	size_t n = 0, i;
	unsigned line = 0;
	char path[256];
	int r = modules_parse(text, size, &mods, &n, &line);

	if (r != 0 && (r != -EINVAL || !line))
		abort();
	if ((n && !mods) || (r != 0 && n))
		abort();
	for (i = 0; i < n; i++) {
		if (!mods[i].name[0])
			abort();
		TERMINATED(mods[i].name);
		TERMINATED(mods[i].taint);
		if (i < 16)
			modules_dep_lookup(text, size, "/lib/modules/x", mods[i].name, path, sizeof(path));
	}
	free(mods);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct module_info m;
	char letters[64], desc[1024], path[64], release[32];
	uint64_t mask = 0;

	check_modules((const char *)data, size);
	memset(&m, 0, sizeof(m));
	modinfo_apply((const char *)data, size, &m, size & 1);
	TERMINATED(m.license);
	if (m.intree < -1 || m.intree > 1)
		abort();
	if (modules_dep_lookup((const char *)data, size, "/lib/modules/x", "nvidia", path, sizeof(path)) == 0 &&
	    !memchr(path, '\0', sizeof(path)))
		abort();
	memcpy(&mask, data, size < sizeof(mask) ? size : sizeof(mask));
	taint_decode(mask, letters, sizeof(letters), desc, sizeof(desc));
	TERMINATED(letters);
	TERMINATED(desc);
	memset(release, 0, sizeof(release));
	memcpy(release, data, size < sizeof(release) - 1 ? size : sizeof(release) - 1);
	modules_release_before_intree(release);
	return 0;
}
