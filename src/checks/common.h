/* common.h - helpers the check groups share. */
#ifndef KDC_CHECKS_COMMON_H
#define KDC_CHECKS_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "check.h"

/* A printable quote of file bytes for a message (control bytes escaped, at most 800 bytes). */
void quote(const char *p, size_t n, char *out, size_t outlen);
/* "256M (268435456 bytes)" */
void size_words(uint64_t bytes, char *out, size_t outlen);
/* The paste-able command that puts crashkernel=SIZE on the boot command line of this host. */
void remedy_crashkernel(struct ctx *c, struct result *res, const char *size);
/* A word from the host quoted for the POSIX shell: as is when it needs no quoting, else in '...'. */
void sh_quote(const char *s, char *out, size_t outlen);
/*
 * Append our own command line (words of ours only, split at blanks, commands
 * at "&&", no quoting) to the remedy as argv: "systemctl restart kdump".
 */
void res_remedy_words(struct result *res, const char *line);
/* The command that (re)loads the capture kernel on this host ("systemctl restart kdump"). */
const char *kdump_reload_cmd(const struct ctx *c);
/* The free bytes of the one filesystem in `df -P` output (its header names the block size); 0 or -EINVAL. */
int df_avail(const char *out, uint64_t *bytes);
/* A one-line reason for a read error. */
const char *errstr(int e);

/*
 * The kdump initramfs of the running release and the kdump config it must be
 * newer than, for this host family; -ENOENT for families without a known layout.
 */
int kdump_files(const struct ctx *c, char *img, size_t imglen, const char **conf);

/* 0 when RAM is known; else fills res (fail for an unparseable /proc/meminfo, skip when absent). */
int need_ram(struct ctx *c, struct result *res);

/* The value to write for a sysctl rule: its own value, except for != where any other does. */
struct sysctl_rule;
const char *sysctl_wanted_value(const struct sysctl_rule *rule);

#endif
