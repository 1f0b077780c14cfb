/*
 * mkdopts.c - makedumpfile's options and the releases that take them.
 *
 * The table was read from makedumpfile's own sources, the getopt_long()
 * string and longopts[] of makedumpfile.c at every release tag from 1.2.2
 * (Released-1-2-2) to 1.7.9 (github.com/makedumpfile/makedumpfile):
 * "since" is the first tag that has the option, "until" the last one for
 * the options later removed (-V, -M, -r, -s, --non-cyclic). Options of
 * 1.2.2 are taken by every release a supported host ships (EL6 has 1.3.5).
 *
 * The grammar is getopt_long()'s: "-cd31" is -c then -d 31; an option with
 * an argument takes the rest of its word or the next word; "--name=value"
 * or "--name value"; a long name may be shortened to a unique prefix; a word
 * that does not start with '-' is an operand (skipped); "--" ends options.
 * Bounds: MKDOPTS_MAX_WORDS words, a word of at most 128 bytes is compared.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parse/mkdopts.h"
#include "util.h"

struct mkd_opt {
	const char *name;	/* "d" (short) or "message-level" (long) */
	int arg;		/* takes an argument */
	const char *since, *until;	/* releases; until NULL: still taken */
};

static const struct mkd_opt shorts[] = {
	{ "b", 1, "1.2.2", NULL }, { "c", 0, "1.2.2", NULL }, { "D", 0, "1.2.2", NULL },
	{ "d", 1, "1.2.2", NULL }, { "E", 0, "1.2.2", NULL }, { "F", 0, "1.2.2", NULL },
	{ "f", 0, "1.2.2", NULL }, { "g", 1, "1.2.2", NULL }, { "h", 0, "1.2.2", NULL },
	{ "i", 1, "1.2.2", NULL }, { "R", 0, "1.2.2", NULL }, { "v", 0, "1.2.2", NULL },
	{ "x", 1, "1.2.2", NULL }, { "X", 0, "1.2.6", NULL }, { "V", 0, "1.2.9", "1.3.7" },
	{ "M", 0, "1.3.2", "1.5.4" }, { "r", 0, "1.3.3", "1.5.4" }, { "s", 0, "1.3.3", "1.5.4" },
	{ "l", 0, "1.4.4", NULL }, { "p", 0, "1.5.1", NULL }, { "e", 0, "1.6.0", NULL },
	{ "L", 1, "1.7.0", NULL }, { "z", 0, "1.7.0", NULL },
};

static const struct mkd_opt longs[] = {
	{ "message-level", 1, "1.2.2", NULL }, { "xen-syms", 1, "1.2.2", NULL },
	{ "xen-vmcoreinfo", 1, "1.2.2", NULL }, { "help", 0, "1.2.6", NULL },
	{ "xen_phys_start", 1, "1.2.7", NULL }, { "vtop", 1, "1.2.9", NULL },
	{ "dump-dmesg", 0, "1.3.2", NULL }, { "split", 0, "1.3.3", NULL },
	{ "reassemble", 0, "1.3.3", NULL }, { "config", 1, "1.4.0", NULL },
	{ "diskset", 1, "1.4.1", NULL }, { "cyclic-buffer", 1, "1.5.0", NULL },
	{ "non-cyclic", 0, "1.5.0", "1.5.8" }, { "eppic", 1, "1.5.2", NULL },
	{ "non-mmap", 0, "1.5.5", NULL }, { "mem-usage", 0, "1.5.7", NULL },
	{ "splitblock-size", 1, "1.5.8", NULL }, { "num-threads", 1, "1.5.9", NULL },
	{ "work-dir", 1, "1.5.9", NULL }, { "partial-dmesg", 0, "1.6.2", NULL },
	{ "check-params", 0, "1.6.8", NULL }, { "dry-run", 0, "1.6.9", NULL },
	{ "show-stats", 0, "1.6.9", NULL },
};

/* "X.Y[.Z]" at the start of s as one number (X*1e6 + Y*1e3 + Z); -1 when it is not one. */
static long ver_num(const char *s)
{
	long v[3] = { 0, 0, 0 };
	int i;

	for (i = 0; i < 3; i++) {
		char *e;

		if (*s < '0' || *s > '9')
			return i >= 2 ? v[0] * 1000000 + v[1] * 1000 : -1;
		v[i] = strtol(s, &e, 10);
		if (v[i] > 999 || e - s > 3)
			return -1;
		s = e;
		if (i < 2 && *s != '.')
			return i >= 1 ? v[0] * 1000000 + v[1] * 1000 : -1;
		if (i < 2)
			s++;
	}
	return v[0] * 1000000 + v[1] * 1000 + v[2];
}

/* Is option o in release ver (ver_num())? 0 yes, else why says not. */
static int opt_in(const struct mkd_opt *o, const char *dash, long ver, const char *raw, char *why, size_t whylen)
{
	char vs[80];

	quote_bytes(raw, strlen(raw), vs, sizeof(vs));
	if (ver < ver_num(o->since)) {
		snprintf(why, whylen, "makedumpfile %s does not take %s%s (it came with %s)", vs, dash, o->name, o->since);
		return 1;
	}
	if (o->until && ver > ver_num(o->until)) {
		snprintf(why, whylen, "makedumpfile %s does not take %s%s (removed after %s)", vs, dash, o->name,
			 o->until);
		return 1;
	}
	return 0;
}

/* The long option named by the n bytes at s (exact, else a unique prefix); NULL none. */
static const struct mkd_opt *long_opt(const char *s, size_t n)
{
	const struct mkd_opt *hit = NULL;
	size_t i, hits = 0;

	for (i = 0; i < ARRAY_SIZE(longs); i++) {
		if (strlen(longs[i].name) == n && !memcmp(longs[i].name, s, n))
			return &longs[i];
		if (strlen(longs[i].name) > n && !memcmp(longs[i].name, s, n)) {
			hit = &longs[i];
			hits++;
		}
	}
	return hits == 1 && n > 0 ? hit : NULL;
}

/* The short option c; NULL none. */
static const struct mkd_opt *short_opt(char c)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(shorts); i++)
		if (shorts[i].name[0] == c)
			return &shorts[i];
	return NULL;
}

/* One word that starts with '-': 0 fine, 1 refused (why); *next_arg when the next word is its argument. */
static int check_word(const char *w, long ver, const char *vs, int *next_arg, char *why, size_t whylen)
{
	const struct mkd_opt *o;
	char shown[140];

	*next_arg = 0;
	if (w[1] == '-') {
		size_t n = strcspn(w + 2, "=");

		o = long_opt(w + 2, n);
		if (!o) {
			quote_bytes(w, strcspn(w, "="), shown, sizeof(shown));
			snprintf(why, whylen, "makedumpfile has no option %s", shown);
			return 1;
		}
		*next_arg = o->arg && w[2 + n] != '=';
		return opt_in(o, "--", ver, vs, why, whylen);
	}
	for (w++; *w; w++) {
		o = short_opt(*w);
		if (!o) {
			quote_bytes(w, 1, shown, sizeof(shown));
			snprintf(why, whylen, "makedumpfile has no option -%s", shown);
			return 1;
		}
		if (opt_in(o, "-", ver, vs, why, whylen))
			return 1;
		if (o->arg) {
			*next_arg = w[1] == '\0';
			return 0;
		}
	}
	return 0;
}

int mkd_opts_check(const char *args, const char *ver, char *why, size_t whylen)
{
	long v = ver ? ver_num(ver) : -1;
	char *copy, *save = NULL, *w;
	int skip = 0, ret = 0;
	size_t words = 0;

	if (v < 0) {
		snprintf(why, whylen, "not a makedumpfile version");
		return -EINVAL;
	}
	copy = xstrdup(args ? args : "");
	for (w = strtok_r(copy, " \t", &save); w && words < MKDOPTS_MAX_WORDS; w = strtok_r(NULL, " \t", &save)) {
		words++;
		if (skip || w[0] != '-' || w[1] == '\0') {
			skip = 0;
			continue;
		}
		if (!strcmp(w, "--"))
			break;
		if (strlen(w) > 128) {
			snprintf(why, whylen, "makedumpfile option word too long (%zu bytes)", strlen(w));
			ret = 1;
			break;
		}
		ret = check_word(w, v, ver, &skip, why, whylen);
		if (ret)
			break;
	}
	free(copy);
	return ret;
}
