/*
 * cmdedit.h - one parameter of a kernel command line changed in place, every
 * other byte kept: what fix does to GRUB_CMDLINE_LINUX, to the arguments of
 * a grub.cfg "linux" line and of a grub.conf "kernel" line.
 *
 * Words are split as the kernel splits them (lib/cmdline.c next_arg()):
 * blanks outside double quotes end a word; a word may start with a double
 * quote ("key=a b"). A word is a KEY word when its name (before '=', without
 * a leading quote) is KEY; a KEY word whose value ends in skip (",low" for
 * crashkernel: a separate setting) is not one.
 *
 * Bounds: the line is at most CMDEDIT_MAX bytes (-E2BIG past it).
 */
#ifndef KDC_FIX_CMDEDIT_H
#define KDC_FIX_CMDEDIT_H

#include <stddef.h>

struct sbuf;

#define CMDEDIT_MAX (64u << 10)

/*
 * Set KEY=VALUE in the line into out: the first KEY word gets VALUE (its
 * quotes, if any, dropped), every later KEY word is removed with the blanks
 * before it; with no KEY word, " KEY=VALUE" is added after the last word
 * (blanks after it stay after it). skip may be NULL.
 * Returns 1 when out differs from the line, 0 when it is the same, -EINVAL
 * for a key or value a command line cannot hold (empty key, a blank, a
 * quote, a control byte) or a value ending in skip, and for a line with a
 * double quote left open (nothing can be added after it), -E2BIG.
 */
int cmdedit_set(const char *line, size_t len, const char *key, const char *value, const char *skip, struct sbuf *out);

/* Remove every KEY word with the blanks before it (after it, for the first word). 1, 0 or -EINVAL, -E2BIG. */
int cmdedit_remove(const char *line, size_t len, const char *key, const char *skip, struct sbuf *out);

#endif
