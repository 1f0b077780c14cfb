/*
 * grubenv.c - the GRUB 2 environment block (grubenv).
 *
 * grubenv, as grub2-editenv writes it: exactly 1024 bytes,
 *
 *   # GRUB Environment Block\n
 *   saved_entry=CentOS Linux (3.10.0-1160.el7.x86_64) 7 (Core)\n
 *   ################...\n-less '#' padding to the end
 *
 * A value escapes '\' and newline with a backslash. Lines starting with
 * '#' are padding. GRUB sets the variables in order, so the last
 * assignment of a name wins. The size is not enforced (GRUB does not
 * either); any other structure is malformed.
 *
 * Bounds: the text is read in place, one pass, any line length; a value is
 * copied into the caller's fixed buffer (-ENAMETOOLONG when it does not fit).
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "parse/grub-int.h"
#include "util.h"

int grubenv_get(const char *text, size_t len, const char *name, char *out, size_t outlen)
{
	static const char sig[] = "# GRUB Environment Block\n";
	const size_t siglen = sizeof(sig) - 1;
	const char *p, *end, *vs = NULL, *ve = NULL;
	size_t nlen, n;

	if (!name || !*name || strchr(name, '=') || strchr(name, '\n'))
		return -EINVAL;
	nlen = strlen(name);
	if (!text || len < siglen || memcmp(text, sig, siglen) != 0 || memchr(text, '\0', len))
		return -EINVAL;
	end = text + len;
	p = text + siglen;
	while (p < end) {
		const char *ns = p, *v;

		if (*p == '#') {
			while (p < end && *p != '\n')
				p += (*p == '\\' && end - p > 1) ? 2 : 1;
			if (p < end)
				p++;
			continue;
		}
		while (p < end && *p != '=' && *p != '\n')
			p++;
		if (p >= end || *p == '\n' || p == ns)
			return -EINVAL;
		v = ++p;
		while (p < end && *p != '\n') {
			if (*p == '\\' && end - p < 2)
				return -EINVAL;
			p += *p == '\\' ? 2 : 1;
		}
		if (p >= end)
			return -EINVAL;
		if ((size_t)(v - 1 - ns) == nlen && memcmp(ns, name, nlen) == 0) {
			vs = v;
			ve = p;
		}
		p++;
	}
	if (!vs || vs == ve)
		return -ENOENT;
	for (n = 0, p = vs; p < ve; p++, n++)
		if (*p == '\\')
			p++;
	if (!out)
		return 0;
	if (n + 1 > outlen)
		return -ENAMETOOLONG;
	for (p = vs; p < ve; p++) {
		if (*p == '\\')
			p++;
		*out++ = *p;
	}
	*out = '\0';
	return 0;
}

