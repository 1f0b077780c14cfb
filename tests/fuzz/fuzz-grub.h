/*
 * fuzz-grub.h - what the GRUB fuzz targets check of a parsed menu: every
 * entry has its strings, and selecting by the menu's own specs (its
 * default, each entry's title, id and path) stays within the menu.
 */
#ifndef KDC_FUZZ_GRUB_H
#define KDC_FUZZ_GRUB_H

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/grub.h"

/* Select spec and abort unless the result is an index of m or -ENOENT. */
static void fuzz_select(const struct grub_menu *m, const char *spec)
{
	int idx = grub_menu_select(m, spec);

	if (idx >= (int)m->n || (idx < 0 && idx != -ENOENT))
		abort();
}

/* Check a menu's invariants and select through it. */
static void fuzz_menu_check(const struct grub_menu *m, int legacy)
{
	size_t i;

	if ((m->n && !m->entries) || (legacy && !m->legacy))
		abort();
	for (i = 0; i < m->n && i < 64; i++) {
		const struct grub_entry *e = &m->entries[i];

		if (!e->path || !e->path[0])
			abort();
		fuzz_select(m, e->path);
		if (e->title)
			fuzz_select(m, e->title);
		if (e->id)
			fuzz_select(m, e->id);
	}
	if (m->default_spec)
		fuzz_select(m, m->default_spec);
	fuzz_select(m, "0");
	fuzz_select(m, "1>0");
	fuzz_select(m, "0x1");
	fuzz_select(m, "");
}

/* One input as grub.conf (legacy) or grub.cfg: a menu, or -EINVAL with a line and nothing kept. */
static int fuzz_grub_input(const uint8_t *data, size_t size, int legacy)
{
	struct grub_menu m;
	unsigned errline = 0;
	int r;

	memset(&m, 0, sizeof(m));
	r = legacy ? grub_legacy_parse((const char *)data, size, &m, &errline)
		   : grub2_cfg_parse((const char *)data, size, &m, &errline);
	if (r != 0 && (r != -EINVAL || errline == 0 || m.n || m.entries))
		abort();
	if (r == 0)
		fuzz_menu_check(&m, legacy);
	grub_menu_free(&m);
	return 0;
}

#endif
