/*
 * knownhosts.h - does an OpenSSH known_hosts file know a host? A pure
 * function on a buffer (no I/O); hashed entries are checked with
 * HMAC-SHA1 (libcrypto, opened when a hashed entry is met).
 */
#ifndef KDC_PARSE_KNOWNHOSTS_H
#define KDC_PARSE_KNOWNHOSTS_H

#include <stddef.h>

enum kh_match {
	KH_NONE,	/* no line names the host */
	KH_FOUND,	/* a line names it (*line is the first such line) */
	KH_REVOKED,	/* a @revoked line names it: ssh refuses that key (*line is that line) */
	KH_UNKNOWN,	/* hashed lines could not be checked (no libcrypto), and they decide */
};

/*
 * Look host (a name or address, at most 255 bytes) on port (22 for the
 * default) up in known_hosts text. Returns an enum kh_match; *line gets the
 * line number of the match, 0 for KH_NONE.
 */
enum kh_match known_hosts_find(const char *text, size_t len, const char *host, unsigned port, unsigned *line);

/* Decode base64 (RFC 4648, '=' padding optional); the decoded length, or -1. */
int base64_decode(const char *s, size_t n, unsigned char *out, size_t outlen);

#endif
