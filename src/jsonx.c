/* jsonx.c - reading members of parsed JSON, and making strings, with json-c. */
#include <stddef.h>
#include <string.h>

#include <json.h>

#include "jsonx.h"
#include "util.h"

struct json_object *jsonx_at(struct json_object *o, const char *a, const char *b)
{
	struct json_object *x;

	if (!o || !json_object_object_get_ex(o, a, &x) || !x)
		return NULL;
	if (b && (!json_object_object_get_ex(x, b, &x) || !x))
		return NULL;
	return x;
}

const char *jsonx_str(struct json_object *o, const char *a, const char *b)
{
	struct json_object *x = jsonx_at(o, a, b);

	return x && json_object_is_type(x, json_type_string) ? json_object_get_string(x) : NULL;
}

struct json_object *jsonx_str_or_null(const char *s)
{
	return s && *s ? json_object_new_string(s) : NULL;
}

struct json_object *jsonx_str_printable(const char *s)
{
	char buf[512];

	xstrlcpy(buf, s, sizeof(buf));
	return jsonx_str_utf8(buf);
}

/* Is the span valid UTF-8 with no NUL? */
static int utf8_ok(const char *s, size_t n)
{
	size_t i = 0, len;

	while (i < n) {
		len = utf8_seq((const unsigned char *)s + i, n - i);
		if (!len || !s[i])
			return 0;
		i += len;
	}
	return 1;
}

/* The span with each invalid byte as U+FFFD (EF BF BD), in b. */
static void utf8_fix(struct sbuf *b, const char *s, size_t n)
{
	size_t i = 0, len;

	while (i < n) {
		len = utf8_seq((const unsigned char *)s + i, n - i);
		if (len && s[i]) {
			sbuf_add(b, s + i, len);
			i += len;
		} else {
			sbuf_puts(b, "\xef\xbf\xbd");
			i++;
		}
	}
}

struct json_object *jsonx_str_utf8(const char *s)
{
	struct json_object *o;
	struct sbuf b;
	size_t n = strlen(s);

	if (utf8_ok(s, n))
		return json_object_new_string(s);
	sbuf_init(&b);
	utf8_fix(&b, s, n);
	o = json_object_new_string_len(sbuf_str(&b), (int)b.len);
	sbuf_free(&b);
	return o;
}

/* The string o made valid, or NULL when it already is. */
static struct json_object *fixed(struct json_object *o)
{
	const char *s = json_object_get_string(o);
	int n = json_object_get_string_len(o);
	struct json_object *r;
	struct sbuf b;

	if (!s || n < 0 || utf8_ok(s, (size_t)n))
		return NULL;
	sbuf_init(&b);
	utf8_fix(&b, s, (size_t)n);
	r = json_object_new_string_len(sbuf_str(&b), (int)b.len);
	sbuf_free(&b);
	return r;
}

/* Members and elements, to depth 64 (our documents nest a few levels). */
static void sanitize(struct json_object *o, int depth)
{
	struct json_object *r;
	size_t i, n;

	if (!o || depth > 64)
		return;
	if (json_object_is_type(o, json_type_array)) {
		n = (size_t)json_object_array_length(o);
		for (i = 0; i < n; i++) {
			struct json_object *e = json_object_array_get_idx(o, (int)i);
			if (json_object_is_type(e, json_type_string) && (r = fixed(e)))
				json_object_array_put_idx(o, (int)i, r);
			else
				sanitize(e, depth + 1);
		}
	} else if (json_object_is_type(o, json_type_object)) {
		json_object_object_foreach(o, key, v) {
			if (json_object_is_type(v, json_type_string) && (r = fixed(v)))
				json_object_object_add(o, key, r);	/* replaces in place: the walk goes on */
			else
				sanitize(v, depth + 1);
		}
	}
}

void jsonx_sanitize(struct json_object *o)
{
	sanitize(o, 0);
}

const char *jsonx_to_string(struct json_object *o, int flags)
{
	jsonx_sanitize(o);
	return json_object_to_json_string_ext(o, flags);
}
