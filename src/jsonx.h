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
 * A JSON string of bytes that may not be text: bytes outside printable ASCII
 * become '?', at most 511 bytes are kept.
 */
struct json_object *jsonx_str_printable(const char *s);

#endif
