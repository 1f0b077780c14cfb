/*
 * sysctl.h - sysctl configuration files and the order a host applies them
 * at boot:
 *   EL6:         /etc/sysctl.conf only
 *   systemd:     *.conf in /etc/sysctl.d, /run/sysctl.d, /usr/local/lib/sysctl.d,
 *                /usr/lib/sysctl.d (and /lib/sysctl.d on Debian), sorted by file
 *                name across directories; a name in an earlier directory masks
 *                the same name in the later ones (a link to /dev/null disables);
 *                then /etc/sysctl.conf unless one of those files is it.
 * Later assignments win. Keys are normalized to dots: "kernel/panic" ->
 * "kernel.panic"; a leading '-' (ignore errors) is dropped.
 */
#ifndef KDC_PARSE_SYSCTL_H
#define KDC_PARSE_SYSCTL_H

#include <stddef.h>
#include "host.h"

struct root;

struct sysctl_setting {
	char *key;		/* normalized, dots */
	char *value;		/* trimmed */
	char *file;		/* the host path it came from */
	unsigned line;
};

struct sysctl_set {
	struct sysctl_setting *v;
	size_t n;
	char **files;		/* the files applied, in order */
	size_t nfiles;
};

/*
 * Parse one file's text: "key = value", "key=value", '#' and ';' comments,
 * blank lines. Each assignment replaces an earlier one of the same key.
 * Returns 0, or -EINVAL with *errline for a line with no '=' or an empty key.
 */
int sysctl_parse(struct sysctl_set *set, const char *file, const char *text, size_t len, unsigned *errline);

/*
 * Load every boot-time file of this host in its order. On a malformed file
 * returns -EINVAL and names it in err ("/etc/sysctl.d/x.conf:3: ...").
 */
int sysctl_load_boot(struct root *r, enum host_family fam, int systemd, struct sysctl_set *set,
		     char *err, size_t errlen);

const struct sysctl_setting *sysctl_find(const struct sysctl_set *set, const char *key);
void sysctl_set_free(struct sysctl_set *set);

/* "kernel.panic" -> "/proc/sys/kernel/panic" (dots to slashes, a '/' key kept). */
int sysctl_proc_path(const char *key, char *out, size_t outlen);

#endif
