/*
 * dumps.h - the dumps in a dump directory: RHEL "<host>-<date>/vmcore",
 * Debian "<YYYYMMDDhhmm>/dump.<ts>", and bare vmcore files; each described
 * from its sidecar when it has one, else from its headers.
 */
#ifndef KDC_DUMPS_H
#define KDC_DUMPS_H

#include <stddef.h>
#include <stdint.h>

#include "sidecar.h"

struct root;

struct dump_entry {
	struct dump_files files;
	int64_t time;		/* crash time (seconds), else the file's mtime */
	int time_known;		/* time came from the dump itself */
	char host[256];
	char release[128];
	char cls[32];		/* crash class, "" unknown */
	uint64_t size;
	int complete;
	int tagged;		/* a sidecar exists */
	int debuginfo_match;	/* 1 yes, 0 no, -1 unknown */
};

/* Scan dir (a path of the machine we run on), newest first. 0 or -errno. */
int dumps_scan(struct root *files, const char *dir, struct dump_entry **out, size_t *n);

#endif
