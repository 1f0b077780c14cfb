/*
 * read/sysctl-files.h - the sysctl files a host applies at boot, in its order:
 *   EL6:         /etc/sysctl.conf only
 *   systemd:     *.conf in /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d,
 *                /usr/lib/sysctl.d (and /lib/sysctl.d on Debian), sorted by file
 *                name across directories; a name in an earlier directory masks
 *                the same name in the later ones (a link to /dev/null disables);
 *                then /etc/sysctl.conf unless one of those files is it.
 * Each file is read through the root layer and parsed by parse/sysctl.h.
 */
#ifndef KDC_READ_SYSCTL_FILES_H
#define KDC_READ_SYSCTL_FILES_H

#include <stddef.h>
#include "host.h"
#include "parse/sysctl.h"

struct root;

/*
 * Load every boot-time file of this host in its order. On a malformed file
 * returns -EINVAL and names it in err ("/etc/sysctl.d/x.conf:3: ...").
 */
int sysctl_load_boot(struct root *r, enum host_family fam, int systemd, struct sysctl_set *set,
		     char *err, size_t errlen);

#endif
