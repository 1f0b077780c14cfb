/* util.h - small string and number helpers shared by every module. */
#ifndef KDC_UTIL_H
#define KDC_UTIL_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "compat.h"

struct statvfs;

/* A growable, always NUL-terminated string. */
struct sbuf {
	char *s;
	size_t len;
	size_t cap;
};

void sbuf_init(struct sbuf *b);
void sbuf_free(struct sbuf *b);
void sbuf_add(struct sbuf *b, const char *s, size_t n);
void sbuf_puts(struct sbuf *b, const char *s);
void sbuf_printf(struct sbuf *b, const char *fmt, ...) KDC_PRINTF(2, 3);
/* Return the string, never NULL. */
const char *sbuf_str(const struct sbuf *b);

/* Allocation that aborts with a message on out-of-memory. */
/*
 * write() all of buf to fd, retrying on EINTR and short writes: 0, or -errno
 * (-EIO when write() returns 0). Allocates nothing (safe in a forked child).
 */
int write_full(int fd, const void *buf, size_t len);
/* pread that retries on EINTR and short reads: bytes read (fewer only at the end of the file) or -errno. */
ssize_t pread_full(int fd, void *buf, size_t n, off_t off);

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t m);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

/* Copy at most size-1 bytes and terminate; returns strlen(src). */
size_t xstrlcpy(char *dst, const char *src, size_t size);
/* snprintf that always terminates and returns 0, or -ENAMETOOLONG when cut. */
int xsnprintf(char *dst, size_t size, const char *fmt, ...) KDC_PRINTF(3, 4);

/* An absolute path of the machine we run on from a command-line path (cwd-relative), trailing '/' dropped. 0 or -errno. */
int path_absolute(const char *in, char *out, size_t outlen);

/* The value of a hex digit, or -1. */
int hex_value(int c);
/* A blank of every text grammar here: space, tab, CR, LF, FF, VT (isspace() of the C locale). */
int is_blank(int c);
/* Strip leading and trailing blanks in place; returns the first non-blank. */
char *strtrim(char *s);
/* Trim blanks off both ends of the span [*p, *p + *n). */
void span_trim(const char **p, size_t *n);
int str_startswith(const char *s, const char *prefix);

/*
 * Numbers. All return 0, -EINVAL (not a number, trailing garbage) or
 * -ERANGE (overflow). parse_u64 accepts decimal, 0x hex when base is 0.
 */
int parse_u64(const char *s, int base, uint64_t *out);
int parse_i64(const char *s, int64_t *out);
/*
 * "I[.F]" (exactly n bytes) as a fixed-point number with frac fraction
 * digits: parse_fixed("1.5", 3, 3, &v) gives 1500; further fraction digits
 * are dropped. Digits and one '.', nothing else.
 */
int parse_fixed(const char *p, size_t n, unsigned frac, uint64_t *out);
/* Does the span hold a control byte (below 0x20, NUL included, or DEL)? */
int span_has_ctl(const char *s, size_t n);
/*
 * A size with an optional binary suffix K, M, G, T, P, E (case-insensitive,
 * an optional trailing B or iB): "256M", "1G", "4096". When end is given,
 * parsing stops at the first character that cannot continue the size and
 * *end points there; otherwise the whole string must be the size.
 */
int parse_size(const char *s, const char **end, uint64_t *out);
/* Human form of a byte count: "256M", "1.5G", "512" (binary units). */
void fmt_size(uint64_t bytes, char *out, size_t outlen);

/*
 * Make a short, printable quote of arbitrary bytes for messages: control
 * characters and bytes >= 0x7f become \xNN, at most max characters then "...".
 */
void quote_bytes(const char *p, size_t n, char *out, size_t outlen);

/*
 * Length of the well-formed UTF-8 sequence at p (at most n bytes): 1..4, or 0
 * when the bytes there are not one (a stray continuation byte, an overlong
 * form, a surrogate U+D800..U+DFFF, past U+10FFFF, cut short). ASCII is 1.
 */
size_t utf8_seq(const unsigned char *p, size_t n);
/*
 * A host word made safe for a terminal, appended to b: control bytes (C0,
 * DEL), the C1 controls U+0080..U+009F and every byte of malformed UTF-8
 * become \xNN; \n, \r, \t and ESC are \n, \r, \t and \x1b like the rest.
 * Well-formed UTF-8 text passes unchanged.
 */
void text_escape(struct sbuf *b, const char *s, size_t n);
/* Does the string need text_escape() (a control byte, C1, malformed UTF-8)? */
int text_needs_escape(const char *s);

/* The first line of a file's text, trimmed, in out; -EINVAL if the text holds a NUL byte. */
int text_value(const char *data, size_t len, char *out, size_t outlen);

/* Seconds since the epoch as "2026-11-21T23:39:43Z" ("" when out of range). */
void time_iso(int64_t t, char *out, size_t outlen);
/* "2026-11-21T23:39:43Z" (or "+00:00") to seconds since the epoch; -1 when it does not parse. */
int64_t time_parse_iso(const char *s);

/* Iterate over lines of a buffer. Returns 1 with line and linelen set, 0 at end. */
struct line_iter {
	const char *p;
	const char *end;
	unsigned lineno;
};
void line_iter_init(struct line_iter *it, const char *data, size_t len);
int line_iter_next(struct line_iter *it, const char **line, size_t *linelen);

/* Bytes free to an unprivileged writer on the filesystem statvfs() described. */
uint64_t vfs_avail(const struct statvfs *v);

#endif
