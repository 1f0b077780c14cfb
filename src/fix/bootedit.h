/*
 * bootedit.h - crashkernel= set on every kernel line of a bootloader's menu,
 * as "grubby --update-kernel=ALL --args=crashkernel=X" does, every other
 * byte of the file kept:
 *
 *   GRUB 2 grub.cfg     every "linux", "linux16" and "linuxefi" line (in
 *                       menu entries and submenus alike): the words after
 *                       the kernel image;
 *   GRUB legacy         every "kernel" line of grub.conf / menu.lst: the
 *                       words after the image ("--type=..." options first
 *                       are the command's own).
 *
 * The value is refused unless made of crashkernel's own characters (letters,
 * digits, "-:,@"): nothing a shell or GRUB would read as quoting or expansion.
 * Comment lines and lines of other commands are copied as they are. A kernel
 * line without an image, or whose arguments cmdedit refuses (a quote left
 * open), fails the whole edit: nothing half done. A file with no kernel line
 * is refused too. Bounds: the text is at most BOOTEDIT_MAX bytes, a line at
 * most CMDEDIT_MAX.
 */
#ifndef KDC_FIX_BOOTEDIT_H
#define KDC_FIX_BOOTEDIT_H

#include <stddef.h>

struct sbuf;

#define BOOTEDIT_MAX (4u << 20)

enum bootedit_menu { BOOTEDIT_GRUB2, BOOTEDIT_LEGACY };

/*
 * The text with crashkernel=value on every kernel line, into out (appended).
 * Returns the number of kernel lines changed (0: all had it already), or
 * -EINVAL / -E2BIG with why (the line number and what is wrong).
 */
int bootedit_crashkernel(enum bootedit_menu menu, const char *text, size_t len, const char *value, struct sbuf *out,
			 char *why, size_t whylen);

/*
 * The text of /etc/default/grub (or a grub.d drop-in) with crashkernel=value
 * in the last assignment of var (GRUB_CMDLINE_LINUX, GRUB_CMDLINE_LINUX_DEFAULT),
 * as grub-mkconfig will read it; with no assignment, var="crashkernel=value"
 * added at the end. The value edited must be a plain word or a quoted string
 * whose only expansion is var itself as a whole word ("$var ..." of Debian's
 * drop-ins): anything else the shell would compute is refused (-EINVAL, why).
 * Returns 1 when changed, 0 when already so.
 */
int bootedit_default_grub(const char *text, size_t len, const char *var, const char *value, struct sbuf *out,
			  char *why, size_t whylen);

#endif
