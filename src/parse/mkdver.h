/*
 * mkdver.h - the version of a makedumpfile binary, read from the binary
 * ("makedumpfile: version 1.6.2 (released on 27 Jul 2017)"), never run;
 * and the newest kernel each makedumpfile release supports.
 */
#ifndef KDC_PARSE_MKDVER_H
#define KDC_PARSE_MKDVER_H

#include <stddef.h>

/* Scan the file on fd for the version string. 0, -ENOENT (not found), -errno. */
int mkd_version_from_fd(int fd, char *ver, size_t verlen);

/*
 * Whether makedumpfile version ver supports kernel release rel. Returns 1 yes,
 * 0 no (why says "makedumpfile 1.5.7 supports kernels up to 3.19"), -ENOENT
 * when ver is unknown to our table (why says so).
 */
int mkd_supports(const char *ver, const char *rel, char *why, size_t whylen);

#endif
