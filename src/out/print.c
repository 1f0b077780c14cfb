/* print.c - the print layer of the verbs: text as it comes, JSON built with json-c and written at the end. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <json.h>

#include "jsonx.h"
#include "out/print.h"
#include "util.h"

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

/* snprintf of one conversion with its '*' arguments. */
#define FMT_ONE(out, spec, nstar, star, v)                                                              \
	((nstar) == 2 ? snprintf(out, sizeof(out), spec, (star)[0], (star)[1], v) :                     \
	 (nstar) == 1 ? snprintf(out, sizeof(out), spec, (star)[0], v) : snprintf(out, sizeof(out), spec, v))

enum arglen { AL_INT, AL_LONG, AL_LLONG, AL_SIZE, AL_INTMAX, AL_PTRDIFF, AL_LDOUBLE };

/* One conversion spec (its length modifier is len) with its value from ap, appended to w. */
static void one_conv(struct sbuf *w, const char *spec, char conv, enum arglen len, int nstar, const int *star,
		     va_list *ap)
{
	char out[4096];
	struct sbuf e;

	out[0] = '\0';
	if (conv == 's' || conv == 'c') {
		char ch = 0;
		const char *v = NULL;
		if (conv == 'c')
			ch = (char)va_arg(*ap, int);
		else
			v = va_arg(*ap, const char *);
		sbuf_init(&e);
		text_escape(&e, conv == 'c' ? &ch : v ? v : "(null)", conv == 'c' ? 1 : v ? strlen(v) : 6);
		if (spec[1] == conv || e.len >= sizeof(out) / 2) {
			/* no width or precision, or a word longer than any column: whole, as it is */
			sbuf_add(w, sbuf_str(&e), e.len);
		} else {
			char sspec[32];
			xstrlcpy(sspec, spec, sizeof(sspec));
			sspec[strlen(sspec) - 1] = 's';	/* %c of an escaped byte is a string now */
			FMT_ONE(out, sspec, nstar, star, sbuf_str(&e));
		}
		sbuf_free(&e);
	} else if (strchr("feEgGaA", conv)) {
		if (len == AL_LDOUBLE)
			FMT_ONE(out, spec, nstar, star, va_arg(*ap, long double));
		else
			FMT_ONE(out, spec, nstar, star, va_arg(*ap, double));
	} else if (conv == 'p') {
		FMT_ONE(out, spec, nstar, star, va_arg(*ap, void *));
	} else if (conv == '%') {
		xstrlcpy(out, "%", sizeof(out));
	} else {
		switch (len) {
		case AL_LONG: FMT_ONE(out, spec, nstar, star, va_arg(*ap, long)); break;
		case AL_LLONG: FMT_ONE(out, spec, nstar, star, va_arg(*ap, long long)); break;
		case AL_SIZE: FMT_ONE(out, spec, nstar, star, va_arg(*ap, size_t)); break;
		case AL_INTMAX: FMT_ONE(out, spec, nstar, star, va_arg(*ap, intmax_t)); break;
		case AL_PTRDIFF: FMT_ONE(out, spec, nstar, star, va_arg(*ap, ptrdiff_t)); break;
		default: FMT_ONE(out, spec, nstar, star, va_arg(*ap, int)); break;
		}
	}
	sbuf_puts(w, out);
}

/* The length modifier at *p (advanced past it). */
static enum arglen arg_len(const char **p)
{
	enum arglen l = AL_INT;

	for (; **p && strchr("hlzjtLq", **p); (*p)++) {
		switch (**p) {
		case 'l': l = l == AL_LONG ? AL_LLONG : AL_LONG; break;
		case 'q': l = AL_LLONG; break;
		case 'z': l = AL_SIZE; break;
		case 'j': l = AL_INTMAX; break;
		case 't': l = AL_PTRDIFF; break;
		case 'L': l = AL_LDOUBLE; break;
		default: break;
		}
	}
	return l;
}

/*
 * printf where every %s and %c argument is a host word: its control
 * bytes and malformed UTF-8 are escaped (text_escape() in util.h), so a dump
 * directory name, a nodename or a log line can neither move the cursor, clear
 * the screen nor forge a line. The format's own bytes (its newlines) are
 * written as they are. Each conversion is formatted on its own, with its
 * flags, width, precision ('*' too) and length modifier.
 */
void print_vfprintf(FILE *f, const char *fmt, va_list ap)
{
	struct sbuf b;

	sbuf_init(&b);
	print_vformat(&b, fmt, ap);
	fwrite(b.s ? b.s : "", 1, b.len, f);
	sbuf_free(&b);
}

void print_vformat(struct sbuf *out, const char *fmt, va_list ap0)
{
	const char *p, *q;
	char spec[32];
	struct sbuf b;
	int star[2], nstar;
	enum arglen len;
	va_list ap;

	va_copy(ap, ap0);
	sbuf_init(&b);
	for (p = fmt; *p; p++) {
		if (*p != '%') {
			sbuf_add(&b, p, 1);
			continue;
		}
		q = p++;
		for (nstar = 0; *p && strchr("-+ #0123456789.*'", *p); p++)
			if (*p == '*' && nstar < 2)
				star[nstar++] = va_arg(ap, int);
		len = arg_len(&p);
		if (!*p || (size_t)(p - q + 2) > sizeof(spec))
			break;
		memcpy(spec, q, (size_t)(p - q + 1));
		spec[p - q + 1] = '\0';
		one_conv(&b, spec, *p, len, nstar, star, &ap);
	}
	va_end(ap);
	sbuf_add(out, b.s ? b.s : "", b.len);
	sbuf_free(&b);
}

/* Text output of one value through its format. */
static void text(enum print_mode m, const char *fmt, ...) KDC_PRINTF(2, 3);
static void text(enum print_mode m, const char *fmt, ...)
{
	va_list ap;

	if (pr.json || m == PRINT_JSON || !fmt)
		return;
	va_start(ap, fmt);
	print_vfprintf(stdout, fmt, ap);
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
	print_vfprintf(stdout, fmt, ap);
	va_end(ap);
}

int print_end(void)
{
	if (pr.json && pr.depth) {
		fputs(jsonx_to_string(pr.stack[0], JSON_C_TO_STRING_PRETTY | JSON_C_TO_STRING_SPACED |
									JSON_C_TO_STRING_NOSLASHESCAPE),
		      stdout);
		fputc('\n', stdout);
		json_object_put(pr.stack[0]);
	}
	pr.depth = 0;
	pr.json = 0;
	return fflush(stdout) || ferror(stdout) ? -EIO : 0;
}
