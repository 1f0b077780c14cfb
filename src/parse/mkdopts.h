/*
 * mkdopts.h - the options of makedumpfile, each with the release that
 * introduced it (and the last one that took it, for the few removed), so a
 * core_collector can be judged against the makedumpfile that will run it.
 */
#ifndef KDC_PARSE_MKDOPTS_H
#define KDC_PARSE_MKDOPTS_H

#include <stddef.h>

/*
 * Check the makedumpfile options in args (the words after "makedumpfile",
 * blank-separated, as in core_collector or MAKEDUMP_ARGS) against release
 * ver ("1.6.2", "1.7.2-3.el8"). Returns 0 when ver takes them all; 1 when
 * one is unknown to every release or not in ver (why names the option and
 * the release that introduced or removed it); -EINVAL when ver is not a
 * version (why says so). At most MKDOPTS_MAX_WORDS words are read.
 */
int mkd_opts_check(const char *args, const char *ver, char *why, size_t whylen);

#define MKDOPTS_MAX_WORDS 64

#endif
