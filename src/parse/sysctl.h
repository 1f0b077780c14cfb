/*
 * sysctl.h - sysctl configuration files (sysctl.conf, sysctl.d/ *.conf):
 * a pure parser of one file's text into a set of settings; the files of a
 * host, in boot order, are read by read/sysctl-files.h.
 * Later assignments win. Keys are normalized to dots: "kernel/panic" ->
 * "kernel.panic"; a leading '-' (ignore errors) is dropped.
 */
#ifndef KDC_PARSE_SYSCTL_H
#define KDC_PARSE_SYSCTL_H

#include <stddef.h>

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
 * Every line is looked at; the first bad one is reported through *errline
 * and *why (each may be NULL), the others still apply, as systemd-sysctl
 * does. Returns 0, or -EINVAL for a line with no '=', an empty or invalid
 * key, or a NUL byte.
 */
int sysctl_parse(struct sysctl_set *set, const char *file, const char *text, size_t len, unsigned *errline,
		 const char **why);

/* The setting of a key, given as stored or in either form ("kernel.panic", "kernel/panic"), or NULL. */
const struct sysctl_setting *sysctl_find(const struct sysctl_set *set, const char *key);
void sysctl_set_free(struct sysctl_set *set);

/* "kernel.panic" -> "/proc/sys/kernel/panic" (dots to slashes, a '/' key kept). */
int sysctl_proc_path(const char *key, char *out, size_t outlen);

#endif
