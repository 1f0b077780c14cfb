/* test-escape.c - UTF-8 validation, text escaping, JSON UTF-8 repair, shell quoting and remedy argv. */
#include <stdlib.h>
#include <string.h>

#include <json.h>

#include "check.h"
#include "checks/common.h"
#include "jsonx.h"
#include "unit.h"
#include "util.h"

static const char *esc(const char *s, size_t n)
{
	static struct sbuf b;

	sbuf_free(&b);
	sbuf_init(&b);
	text_escape(&b, s, n);
	return sbuf_str(&b);
}

TEST(utf8_sequences)
{
	CHECK_INT(utf8_seq((const unsigned char *)"a", 1), 1);
	CHECK_INT(utf8_seq((const unsigned char *)"\xc3\xa9", 2), 2);		/* é */
	CHECK_INT(utf8_seq((const unsigned char *)"\xe2\x82\xac", 3), 3);	/* € */
	CHECK_INT(utf8_seq((const unsigned char *)"\xf0\x9f\x98\x80", 4), 4);
	CHECK_INT(utf8_seq((const unsigned char *)"\xc0\xaf", 2), 0);		/* overlong '/' */
	CHECK_INT(utf8_seq((const unsigned char *)"\xe0\x80\xaf", 3), 0);	/* overlong */
	CHECK_INT(utf8_seq((const unsigned char *)"\xed\xa0\x80", 3), 0);	/* lone surrogate */
	CHECK_INT(utf8_seq((const unsigned char *)"\xf4\x90\x80\x80", 4), 0);	/* past U+10FFFF */
	CHECK_INT(utf8_seq((const unsigned char *)"\xff", 1), 0);
	CHECK_INT(utf8_seq((const unsigned char *)"\x80", 1), 0);
	CHECK_INT(utf8_seq((const unsigned char *)"\xe2\x82", 2), 0);		/* cut short */
}

TEST(text_escapes_controls_and_bad_bytes)
{
	CHECK_STR(esc("plain /var/crash", 16), "plain /var/crash");
	CHECK_STR(esc("caf\xc3\xa9", 5), "caf\xc3\xa9");
	CHECK_STR(esc("\x1b[2J\r\n", 6), "\\x1b[2J\\x0d\\x0a");
	CHECK_STR(esc("\xff\xc0\xaf", 3), "\\xff\\xc0\\xaf");
	CHECK_STR(esc("\xed\xa0\x80", 3), "\\xed\\xa0\\x80");
	CHECK_STR(esc("\xc2\x9b", 2), "\\xc2\\x9b");	/* C1 CSI */
	CHECK_STR(esc("a\0b", 3), "a\\x00b");
	CHECK_INT(text_needs_escape("ok \xc3\xa9"), 0);
	CHECK_INT(text_needs_escape("bad\x7f"), 1);
}

TEST(json_strings_become_valid_utf8)
{
	struct json_object *o = json_object_new_object(), *a = json_object_new_array();
	const char *out;

	json_object_object_add(o, "h", json_object_new_string("x\xff\xc0\xafy"));
	json_object_array_add(a, json_object_new_string("\xed\xa0\x80"));
	json_object_array_add(a, json_object_new_string("ok \xc3\xa9"));
	json_object_object_add(o, "a", a);
	out = jsonx_to_string(o, JSON_C_TO_STRING_PLAIN);
	CHECK_STR(out, "{\"h\":\"x\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbdy\",\"a\":[\"\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\",\"ok \xc3\xa9\"]}");
	json_object_put(o);
	o = jsonx_str_utf8("\xff");
	CHECK_STR(json_object_get_string(o), "\xef\xbf\xbd");
	json_object_put(o);
}

TEST(sh_quote_words)
{
	char q[256];

	sh_quote("/var/crash", q, sizeof(q));
	CHECK_STR(q, "/var/crash");
	sh_quote("99-$(touch x).conf", q, sizeof(q));
	CHECK_STR(q, "'99-$(touch x).conf'");
	sh_quote("it's", q, sizeof(q));
	CHECK_STR(q, "'it'\\''s'");
	sh_quote("", q, sizeof(q));
	CHECK_STR(q, "''");
	sh_quote("a'b'c'd'e'f'g", q, 12);	/* does not fit: never an open quote */
	CHECK_STR(q, "''");
	sh_quote("a'b'c'd'e'f'g'h'i'j'k'l'm'n'o'p", q, 30);
	CHECK_STR(q, "'(word too long to quote)'");
}

TEST(remedy_text_is_rendered_from_argv)
{
	static struct result r;
	const char *w;

	memset(&r, 0, sizeof(r));
	res_remedy_cmd(&r, "mkdir", "-p", "/var/crash/it's $(x)", NULL);
	res_remedy_words(&r, "systemctl restart kdump");
	CHECK_STR(r.remedy, "mkdir -p '/var/crash/it'\\''s $(x)' && systemctl restart kdump");
	CHECK_INT(r.ncmd, 2);
	CHECK_INT(r.shell, 0);
	CHECK_INT(r.argc[0], 3);
	CHECK_INT(r.argc[1], 3);
	w = r.argv + strlen("mkdir") + 1 + strlen("-p") + 1;
	CHECK_STR(w, "/var/crash/it's $(x)");
	res_remedy_sh(&r, "echo x >> /etc/y");
	CHECK_INT(r.shell, 1);
	res_remedy(&r, "free text");
	CHECK_STR(r.remedy, "free text");
	CHECK_INT(r.ncmd, 0);
	CHECK_INT(r.shell, 1);
}

UNIT_MAIN(T(utf8_sequences), T(text_escapes_controls_and_bad_bytes), T(json_strings_become_valid_utf8), T(sh_quote_words),
	  T(remedy_text_is_rendered_from_argv))
