/*
 * unit.h - a tiny TAP-producing unit test harness. Each tests/unit/test-*.c
 * is one binary: write TEST(name) functions, then list them in UNIT_MAIN().
 *
 *   TEST(parses_plain_size) { CHECK_INT(parse_size("1K", NULL, &v), 0); }
 *   UNIT_MAIN(T(parses_plain_size))
 */
#ifndef KDC_UNIT_H
#define KDC_UNIT_H

#include <stdio.h>
#include <string.h>

struct unit_test {
	const char *name;
	void (*fn)(void);
};

static int unit_failed_now;

static void unit_fail(const char *file, int line, const char *what)
{
	printf("# %s:%d: %s\n", file, line, what);
	unit_failed_now = 1;
}

#define TEST(name) static void name(void)
#define T(fn) { #fn, fn }

#define CHECK(cond) do { \
	if (!(cond)) { unit_fail(__FILE__, __LINE__, "CHECK(" #cond ")"); return; } \
} while (0)

#define CHECK_INT(a, b) do { \
	long long a_ = (long long)(a), b_ = (long long)(b); \
	if (a_ != b_) { \
		printf("#   %s = %lld, expected %lld\n", #a, a_, b_); \
		unit_fail(__FILE__, __LINE__, #a " == " #b); return; \
	} \
} while (0)

#define CHECK_U64(a, b) do { \
	unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b); \
	if (a_ != b_) { \
		printf("#   %s = %llu, expected %llu\n", #a, a_, b_); \
		unit_fail(__FILE__, __LINE__, #a " == " #b); return; \
	} \
} while (0)

#define CHECK_STR(a, b) do { \
	const char *a_ = (a), *b_ = (b); \
	if (!a_ || !b_ || strcmp(a_, b_) != 0) { \
		printf("#   %s = \"%s\", expected \"%s\"\n", #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)"); \
		unit_fail(__FILE__, __LINE__, #a " == " #b); return; \
	} \
} while (0)

static int unit_run(const struct unit_test *t, size_t n)
{
	size_t i;
	int failed = 0;

	printf("1..%zu\n", n);
	for (i = 0; i < n; i++) {
		unit_failed_now = 0;
		t[i].fn();
		printf("%sok %zu - %s\n", unit_failed_now ? "not " : "", i + 1, t[i].name);
		failed += unit_failed_now;
		fflush(stdout);
	}
	return failed ? 1 : 0;
}

#define UNIT_MAIN(...) \
	int main(void) \
	{ \
		static const struct unit_test tests_[] = { __VA_ARGS__ }; \
		return unit_run(tests_, sizeof(tests_) / sizeof(tests_[0])); \
	}

#endif
