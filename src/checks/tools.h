/* tools.h - what the tools checks share with the others: the makedumpfile of the judged root. */
#ifndef KDC_CHECKS_TOOLS_H
#define KDC_CHECKS_TOOLS_H

#include "check.h"

/*
 * The makedumpfile of the judged root (/sbin, /usr/sbin, /usr/bin) and the
 * version read from it, once per ctx. 0; -ENOENT no makedumpfile (*path
 * NULL); -ENODATA no version string in it; -errno it cannot be read.
 */
int ctx_mkd_version(struct ctx *c, const char **path, const char **ver);

#endif
