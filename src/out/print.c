/* print.c - the print layer of the verbs: text as it comes, JSON built with json-c and written at the end. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>

#include <json.h>

#include "out/print.h"

#ifndef JSON_C_TO_STRING_NOSLASHESCAPE
#define JSON_C_TO_STRING_NOSLASHESCAPE 0
#endif

#define MAX_DEPTH 16

static struct {
	int json;
	struct json_object *stack[MAX_DEPTH];	/* stack[0] is the document */
	int depth;				/* containers open, the document included */
} pr;

void print_begin(enum out_format format, enum print_root root)
{
	pr.json = format == FMT_JSON;
	pr.depth = 0;
	if (pr.json)
		pr.stack[pr.depth++] = root == PRINT_ARRAY ? json_object_new_array() : json_object_new_object();
}

void print_begin_document(enum out_format format, struct json_object *doc)
{
	pr.json = format == FMT_JSON;
	pr.depth = 0;
	if (pr.json)
		pr.stack[pr.depth++] = doc;
	else
		json_object_put(doc);
}

int print_is_json(void)
{
	return pr.json;
}

/* Add v to the innermost container: under key in an object, appended in an array. */
static void add(const char *key, struct json_object *v)
{
	struct json_object *top;

	if (!pr.depth) {
		json_object_put(v);
		return;
	}
	top = pr.stack[pr.depth - 1];
	if (json_object_is_type(top, json_type_array))
		json_object_array_add(top, v);
	else
		json_object_object_add(top, key, v);
}

/* Open a container under key; past MAX_DEPTH its members land in the innermost one. */
static void open_container(const char *key, struct json_object *c)
{
	if (!pr.json) {
		json_object_put(c);
		return;
	}
	add(key, json_object_get(c));
	if (pr.depth < MAX_DEPTH)
		pr.stack[pr.depth++] = c;
	json_object_put(c);
}

void print_open_object(const char *key)
{
	open_container(key, json_object_new_object());
}

void print_open_array(const char *key)
{
	open_container(key, json_object_new_array());
}

void print_close(void)
{
	if (pr.json && pr.depth > 1)
		pr.depth--;
}

/* Text output of one value through its format. */
static void text(enum print_mode m, const char *fmt, ...) KDC_PRINTF(2, 3);
static void text(enum print_mode m, const char *fmt, ...)
{
	va_list ap;

	if (pr.json || m == PRINT_JSON || !fmt)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

/* Should a JSON value be added for this mode? */
static int want_json(enum print_mode m)
{
	return pr.json && m != PRINT_TEXT;
}

void print_str(enum print_mode m, const char *key, const char *fmt, const char *v)
{
	if (want_json(m))
		add(key, v ? json_object_new_string(v) : NULL);
	text(m, fmt, v ? v : "-");
}

void print_u64(enum print_mode m, const char *key, const char *fmt, uint64_t v)
{
	if (want_json(m))
		add(key, json_object_new_int64(v > INT64_MAX ? INT64_MAX : (int64_t)v));
	text(m, fmt, v);
}

void print_i64(enum print_mode m, const char *key, const char *fmt, int64_t v)
{
	if (want_json(m))
		add(key, json_object_new_int64(v));
	text(m, fmt, v);
}

void print_bool(enum print_mode m, const char *key, const char *fmt, int v)
{
	if (want_json(m))
		add(key, json_object_new_boolean(v != 0));
	text(m, fmt, v ? "yes" : "no");
}

void print_null(enum print_mode m, const char *key, const char *fmt)
{
	if (want_json(m))
		add(key, NULL);
	text(m, fmt, "-");
}

void print_json_value(const char *key, struct json_object *v)
{
	if (pr.json)
		add(key, v);
	else
		json_object_put(v);
}

void print_text(const char *fmt, ...)
{
	va_list ap;

	if (pr.json)
		return;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
}

int print_end(void)
{
	if (pr.json && pr.depth) {
		fputs(json_object_to_json_string_ext(pr.stack[0], JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
									JSON_C_TO_STRING_NOSLASHESCAPE),
		      stdout);
		fputc('\n', stdout);
		json_object_put(pr.stack[0]);
	}
	pr.depth = 0;
	pr.json = 0;
	return fflush(stdout) || ferror(stdout) ? -EIO : 0;
}
