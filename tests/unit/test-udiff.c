/* test-udiff.c - the unified diff fix prints before it changes a file. */
#include <string.h>

#include "fix/udiff.h"
#include "unit.h"
#include "util.h"

static int diff_of(const char *a, const char *b, struct sbuf *out)
{
	sbuf_init(out);
	return udiff(a, a ? strlen(a) : 0, b, strlen(b), "f", "f", out);
}

TEST(equal_texts_give_nothing)
{
	struct sbuf d;

	CHECK_INT(diff_of("a\nb\n", "a\nb\n", &d), 0);
	CHECK_INT(d.len, 0);
	sbuf_free(&d);
	CHECK_INT(diff_of("", "", &d), 0);
	sbuf_free(&d);
}

TEST(one_line_changed_with_context)
{
	struct sbuf d;

	CHECK_INT(diff_of("1\n2\n3\n4\n5\n6\n7\n8\n9\n", "1\n2\n3\n4\nfive\n6\n7\n8\n9\n", &d), 1);
	CHECK_STR(sbuf_str(&d), "--- f\n+++ f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
	sbuf_free(&d);
}

TEST(far_apart_changes_make_two_hunks)
{
	struct sbuf d;

	CHECK_INT(diff_of("a\n1\n2\n3\n4\n5\n6\n7\n8\nz\n", "A\n1\n2\n3\n4\n5\n6\n7\n8\nZ\n", &d), 2);
	CHECK(strstr(sbuf_str(&d), "@@ -1,4 +1,4 @@\n-a\n+A\n 1\n 2\n 3\n") != NULL);
	CHECK(strstr(sbuf_str(&d), "@@ -7,4 +7,4 @@\n 6\n 7\n 8\n-z\n+Z\n") != NULL);
	sbuf_free(&d);
}

TEST(new_file_and_missing_newline)
{
	struct sbuf d;

	CHECK_INT(diff_of(NULL, "x = 1\n", &d), 1);
	CHECK_STR(sbuf_str(&d), "--- /dev/null\n+++ f\n@@ -0,0 +1,1 @@\n+x = 1\n");
	sbuf_free(&d);
	CHECK_INT(diff_of("a\nb", "a\nb\nc\n", &d), 1);
	CHECK_STR(sbuf_str(&d), "--- f\n+++ f\n@@ -1,2 +1,3 @@\n a\n-b\n\\ No newline at end of file\n+b\n+c\n");
	sbuf_free(&d);
}

UNIT_MAIN(T(equal_texts_give_nothing), T(one_line_changed_with_context), T(far_apart_changes_make_two_hunks),
	  T(new_file_and_missing_newline))
