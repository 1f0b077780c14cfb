/* jsonx.h - reading members of parsed JSON (sidecars, test verdicts), and making strings, with json-c. */
#ifndef KDC_JSONX_H
#define KDC_JSONX_H

struct json_object;

/* Member a, or a.b when b is given; NULL when absent, null, or o is NULL. */
struct json_object *jsonx_at(struct json_object *o, const char *a, const char *b);
/* The same member when it is a string, else NULL. */
const char *jsonx_str(struct json_object *o, const char *a, const char *b);

/* A JSON string of s, or NULL (JSON null) when s is NULL or "". */
struct json_object *jsonx_str_or_null(const char *s);
/*
 * A JSON string of bytes that may not be text (a task's comm, a stack frame):
 * the first 511 bytes, each byte outside valid UTF-8 as U+FFFD (as
 * jsonx_str_utf8()); control characters are left to JSON's \u escapes.
 */
struct json_object *jsonx_str_printable(const char *s);

/*
 * Valid UTF-8 for JSON. json-c writes string bytes as they are, so a host
 * word that is not UTF-8 (a hostname, a log line, a file name) would make
 * the document invalid. Every string goes through one rule: each byte that is
 * not part of a well-formed UTF-8 sequence (utf8_seq() in util.h: stray
 * continuation bytes, overlong forms, surrogates, past U+10FFFF, cut short)
 * becomes U+FFFD, one per byte; control characters are then escaped by
 * json-c as \uXXXX.
 */
/* A JSON string of s with invalid bytes replaced (never NULL for a non-NULL s). */
struct json_object *jsonx_str_utf8(const char *s);
/* Replace, in place, every string of the tree o (members and elements) that is not valid UTF-8. */
void jsonx_sanitize(struct json_object *o);
/* The document o as text, made valid UTF-8 first (json_object_to_json_string_ext flags). */
const char *jsonx_to_string(struct json_object *o, int flags);

#endif
