/*
 * fuzz-fleet.c - libFuzzer target for the report reader of 'fleet', which
 * reads what thousands of hosts wrote. No crash, leak or read past the
 * buffer; and what it accepts is JSON: every text it parses without a "not
 * JSON" or "truncated" verdict, json-c's strict tokener parses too, with the
 * same schema, host name and summary status (where the strings hold no
 * \u0000 or lone surrogate, which the reader turns into U+FFFD). A report
 * accepted has a host name of 1 to FLEET_NAME_MAX bytes, a status of pass,
 * warn or fail, counts that match its checks, and is added to a view whose
 * JSON is valid.
 *
 *   ./fuzz-fleet tests/fuzz/corpus/fleet
 */
#include <json.h>

#include "fleet.h"
#include "fuzz.h"
#include "jsonx.h"

static const char *str_at(struct json_object *o, const char *a, const char *b)
{
	return jsonx_str(o, a, b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fleet_report r;
	struct json_tokener *tok;
	struct json_object *doc;
	struct fleet *fl;
	char why[256], *cstr;
	size_t i, nf = 0, nw = 0;
	int e, ok, plain = !size || !memmem(data, size, "\\u", 2);

	fleet_report_init(&r);
	e = fleet_report_parse((const char *)data, size, &r, why, sizeof(why));
	FUZZ_CHECK(memchr(why, '\0', sizeof(why)) || !e);
	tok = json_tokener_new_ex(FLEET_DEPTH + 2);
	json_tokener_set_flags(tok, JSON_TOKENER_STRICT);
	/* with the NUL after the text, as json_tokener_parse() does: a number or literal at the end is then complete */
	cstr = fuzz_cstr(data, size);
	doc = size ? json_tokener_parse_ex(tok, cstr, (int)size + 1) : NULL;
	/* a JSON null is a NULL object: json-c's verdict is its error code */
	ok = size && json_tokener_get_error(tok) == json_tokener_success;
	if (ok && (size_t)tok->char_offset < size) {
		/* json-c stops after the first value; trailing blanks are fine, anything else is not JSON */
		size_t k = (size_t)tok->char_offset;

		while (k < size && (data[k] == ' ' || data[k] == '\n' || data[k] == '\t' || data[k] == '\r'))
			k++;
		if (k < size)
			ok = 0;
	}
	if (e == 0 || (strncmp(why, "not JSON", 8) && strncmp(why, "truncated", 9) && strcmp(why, "empty")))
		FUZZ_CHECK(ok);
	if (e == 0) {
		FUZZ_CHECK(r.host && strlen(r.host) >= 1 && strlen(r.host) <= FLEET_NAME_MAX);
		FUZZ_CHECK(r.status == FL_PASS || r.status == FL_WARN || r.status == FL_FAIL);
		if (plain) {
			FUZZ_CHECK(!strcmp(str_at(doc, "schema", NULL), "kdumpcheck.report/1"));
			FUZZ_CHECK(!strcmp(str_at(doc, "host", "hostname"), r.host));
		}
		for (i = 0; i < r.nchecks; i++) {
			struct fleet_check c;

			fleet_report_check(&r, i, &c);
			FUZZ_CHECK(c.id && c.status != FL_ERROR);
			nf += c.status == FL_FAIL;
			nw += c.status == FL_WARN;
		}
		FUZZ_CHECK(nf == r.nfail && nw == r.nwarn);
		FUZZ_CHECK(r.nfail ? r.status == FL_FAIL : r.nwarn ? r.status >= FL_WARN : 1);
		fl = fleet_new();
		fleet_add(fl, &r, "a.json", 1);
		fleet_add(fl, &r, "b.json", 2);
		FUZZ_CHECK(fleet_hosts(fl) == 1);
		{
			struct json_object *v = fleet_json(fl);
			const char *txt = jsonx_to_string(v, 0);
			struct json_object *back = json_tokener_parse(txt);

			FUZZ_CHECK(back != NULL);
			json_object_put(back);
			json_object_put(v);
		}
		fleet_free(fl);
	}
	if (doc)
		json_object_put(doc);
	json_tokener_free(tok);
	free(cstr);
	fleet_report_free(&r);
	return 0;
}
