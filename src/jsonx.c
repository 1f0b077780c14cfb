/* jsonx.c - reading members of parsed JSON, and making strings, with json-c. */
#include <stddef.h>

#include <json.h>

#include "jsonx.h"

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
	size_t i;

	for (i = 0; s[i] && i + 1 < sizeof(buf); i++)
		buf[i] = ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] >= 0x7f) ? '?' : s[i];
	buf[i] = '\0';
	return json_object_new_string(buf);
}
