/*
 * print.h - one call per field serves text and JSON output of every verb.
 *
 * A verb opens a document, then prints each field once:
 *
 *	print_begin(g->format, PRINT_OBJECT);
 *	print_str(PRINT_ANY, "path", "tagged %s", path);
 *	print_u64(PRINT_ANY, "size_bytes", " (%" PRIu64 " bytes)\n", size);
 *	return print_end();
 *
 * In text mode the value is formatted with the text format (a printf format
 * with one conversion for the value, or NULL to print nothing); in JSON mode
 * it becomes the member "key" of the object being built (or the next element
 * of the array being built, key ignored). PRINT_TEXT and PRINT_JSON limit a
 * call to one mode. The JSON document is written whole by print_end(), so a
 * verb that fails half-way still prints valid JSON of what it did.
 */
#ifndef KDC_PRINT_H
#define KDC_PRINT_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "compat.h"
#include "out/out.h"

struct json_object;

enum print_mode { PRINT_ANY, PRINT_TEXT, PRINT_JSON };
enum print_root { PRINT_OBJECT, PRINT_ARRAY };

/* Start a document on stdout: in JSON its top level is an object or an array. */
void print_begin(enum out_format format, enum print_root root);
/* The same, with a ready JSON object as the document (the printer takes the reference). */
void print_begin_document(enum out_format format, struct json_object *doc);
/* Is the document JSON? */
int print_is_json(void);
/* Open a nested object or array under key (key ignored inside an array). */
void print_open_object(const char *key);
void print_open_array(const char *key);
/* Close the innermost object or array. */
void print_close(void);

/* A string field; NULL is JSON null and, in text, "-". */
void print_str(enum print_mode m, const char *key, const char *fmt, const char *v);
void print_u64(enum print_mode m, const char *key, const char *fmt, uint64_t v);
void print_i64(enum print_mode m, const char *key, const char *fmt, int64_t v);
/* A boolean: in text the format gets "yes" or "no". */
void print_bool(enum print_mode m, const char *key, const char *fmt, int v);
/* A JSON null, or in text the format with "-". */
void print_null(enum print_mode m, const char *key, const char *fmt);
/* A ready JSON value under key (the printer takes the reference); nothing in text. */
void print_json_value(const char *key, struct json_object *v);
/* Free text, only in text mode. */
void print_text(const char *fmt, ...) KDC_PRINTF(1, 2);

/*
 * vfprintf where every %s and %c argument is a host word: control bytes, C1
 * controls and malformed UTF-8 in it are written as \xNN (text_escape()); the
 * format's own bytes are written as they are. Every line for a terminal goes
 * through it: print_str(), print_text(), the verbs' messages.
 */
void print_vfprintf(FILE *f, const char *fmt, va_list ap);
/* The same, appended to out. */
struct sbuf;
void print_vformat(struct sbuf *out, const char *fmt, va_list ap);

/* Write the JSON document (text was written as it came); 0, or -EIO when stdout failed. */
int print_end(void);

#endif
