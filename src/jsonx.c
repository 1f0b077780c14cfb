/* jsonx.c - reading members of parsed JSON with json-c. */
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
