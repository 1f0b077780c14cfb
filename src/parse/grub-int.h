/*
 * grub-int.h - what the GRUB parsers (grub-legacy.c, grub2.c, grubenv.c,
 * grub-select.c) share: the blank of GRUB's grammars and the menu builders.
 */
#ifndef KDC_PARSE_GRUB_INT_H
#define KDC_PARSE_GRUB_INT_H

#include <stddef.h>
#include "parse/grub.h"

/* A blank of GRUB's grammars: space, tab, or CR (CRLF files edited elsewhere). */
static inline int grub_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Line (from 1) of the first NUL byte in text, or 0 when there is none. */
unsigned grub_nul_line(const char *text, size_t len);
/* Append a new zeroed entry to the menu, growing the array by doubling. */
struct grub_entry *grub_menu_add(struct grub_menu *m, size_t *cap);
/* A path component "N" as text. */
char *grub_num_str(size_t n);

#endif
