/* test-shvars.c - the shell variable file reader: /etc/default/grub and grub.d as scripts, kdump-tools-style assignments, bounds. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "parse/shvars.h"
#include "root.h"
#include "unit.h"
#include "util.h"

/* Parse text as a script (SHVARS_SH) into v; the error line in *errline. */
static int parse(struct shvars *v, const char *text, size_t len, unsigned *errline)
{
	struct shvars_err err;
	int r = shvars_parse(v, text, len, NULL, &err);

	if (errline)
		*errline = err.line;
	return r;
}

/* Parse a string as one /etc/default/grub file into v. */
static int vars(struct shvars *v, const char *s, unsigned *errline)
{
	return parse(v, s, strlen(s), errline);
}

/* Parse tests/unit/data/shvars/<name> (found next to this file, read through the root layer) into v. */
static int vars_fixture(struct shvars *v, const char *name, unsigned *errline)
{
	static struct root *data;
	const char *slash = strrchr(__FILE__, '/'), *t;
	char path[512];
	size_t len = 0;

	snprintf(path, sizeof(path), "%.*s/data/shvars", slash ? (int)(slash - __FILE__) : 1, slash ? __FILE__ : ".");
	if (!data && root_new(path, &data) < 0)
		return -1000;
	snprintf(path, sizeof(path), "/%s", name);
	if (root_read(data, path, &t, &len) < 0)
		return -1000;
	return parse(v, t, len, errline);
}

/* ------------------------------------------- /etc/default/grub (SHVARS_SH) */

TEST(vars_centos7)
{
	struct shvars v;
	unsigned el = 9;

	memset(&v, 0, sizeof(v));
	CHECK_INT(vars_fixture(&v, "centos7-default-grub", &el), 0);
	CHECK_INT(el, 0);
	CHECK_INT(v.n, 7);
	CHECK_STR(shvars_get(&v, "GRUB_CMDLINE_LINUX"),
		  "crashkernel=auto spectre_v2=retpoline rd.lvm.lv=centos/root rd.lvm.lv=centos/swap rhgb quiet");
	CHECK_STR(shvars_get(&v, "GRUB_DEFAULT"), "saved");
	CHECK_STR(shvars_get(&v, "GRUB_DISABLE_RECOVERY"), "true");
	/* command substitution is not run: kept as written */
	CHECK_STR(shvars_get(&v, "GRUB_DISTRIBUTOR"), "$(sed 's, release .*$,,g' /etc/system-release)");
	CHECK(shvars_get(&v, "GRUB_CMDLINE_LINUX_DEFAULT") == NULL);
	CHECK(shvars_get(&v, "grub_cmdline_linux") == NULL);
	CHECK_STR(v.names[5], "GRUB_CMDLINE_LINUX");
	CHECK_INT(v.lines[5], 6);
	shvars_free(&v);
	CHECK(v.n == 0 && v.names == NULL);
}

TEST(vars_debian12_kdump_tools)
{
	struct shvars v;
	unsigned el;

	memset(&v, 0, sizeof(v));
	CHECK_INT(vars_fixture(&v, "debian12-default-grub", &el), 0);
	CHECK_STR(shvars_get(&v, "GRUB_CMDLINE_LINUX_DEFAULT"), "quiet");
	CHECK_STR(shvars_get(&v, "GRUB_CMDLINE_LINUX"), "");
	CHECK_STR(shvars_get(&v, "GRUB_DISTRIBUTOR"), "`lsb_release -i -s 2> /dev/null || echo Debian`");
	CHECK(shvars_get(&v, "GRUB_DISABLE_OS_PROBER") == NULL);	/* commented out */
	CHECK_INT(v.n, 5);
	/* /etc/default/grub.d/kdump-tools.cfg, read after it */
	CHECK_INT(vars_fixture(&v, "debian12-kdump-tools.cfg", &el), 0);
	CHECK_STR(shvars_get(&v, "GRUB_CMDLINE_LINUX_DEFAULT"), "quiet crashkernel=384M-:128M");
	CHECK_INT(v.n, 5);
	shvars_free(&v);

	/* the drop-in alone: the variable was empty */
	memset(&v, 0, sizeof(v));
	CHECK_INT(vars_fixture(&v, "debian12-kdump-tools.cfg", &el), 0);
	CHECK_STR(shvars_get(&v, "GRUB_CMDLINE_LINUX_DEFAULT"), " crashkernel=384M-:128M");
	shvars_free(&v);
}

TEST(vars_cloud_image_dropin)
{
	struct shvars v;
	unsigned el;

	memset(&v, 0, sizeof(v));
	CHECK_INT(vars_fixture(&v, "debian12-default-grub", &el), 0);
	CHECK_INT(vars_fixture(&v, "debian12-cloud.cfg", &el), 0);
	CHECK_STR(shvars_get(&v, "GRUB_CMDLINE_LINUX_DEFAULT"),
		  "quiet console=tty0 console=ttyS0,115200 earlyprintk=ttyS0,115200 consoleblank=0");
	CHECK_STR(shvars_get(&v, "GRUB_CMDLINE_LINUX"), " net.ifnames=0");
	CHECK_STR(shvars_get(&v, "GRUB_TERMINAL"), "console serial");
	CHECK_STR(shvars_get(&v, "GRUB_TERMINAL_EFI"), "console");
	CHECK_STR(shvars_get(&v, "GRUB_TIMEOUT"), "0");
	CHECK_STR(shvars_get(&v, "GRUB_SERIAL_COMMAND"), "serial --speed=115200 --unit=0 --word=8 --parity=no --stop=1");
	shvars_free(&v);
}

TEST(vars_shell_forms)
{
	struct shvars v;
	unsigned el;

	memset(&v, 0, sizeof(v));
	CHECK_INT(vars(&v,
		       "A=one\n"
		       "B=\"$A ${A}\"'$A'\\$A\n"		/* expansion only outside '...' */
		       "C=\"tab\\\"q\\\\ \\x\"\n"		/* \" \\ escaped, \x kept */
		       "D=${UNSET-def} E=${A:+alt} F=${EMPTY:-fb} EMPTY=\n"
		       "G=${EMPTY-kept}${EMPTY:-fb2}\n"
		       "H=${#A}:${A%e}:$1:$\n"			/* not evaluated: kept */
		       "export I=exported; J=1 true\n"		/* J prefixes a command: not kept */
		       "if [ -e /x ]; then K=then; else K=else; fi\n"
		       "L=\"multi\n"
		       "line\" M=after # comment\n"
		       "N=x\\\n"
		       "y\n", &el), 0);
	CHECK_STR(shvars_get(&v, "B"), "one one$A$A");
	CHECK_STR(shvars_get(&v, "C"), "tab\"q\\ \\x");
	CHECK_STR(shvars_get(&v, "D"), "def");
	CHECK_STR(shvars_get(&v, "E"), "alt");
	CHECK_STR(shvars_get(&v, "F"), "fb");
	CHECK_STR(shvars_get(&v, "G"), "fb2");
	CHECK_STR(shvars_get(&v, "H"), "${#A}:${A%e}:$1:$");
	CHECK_STR(shvars_get(&v, "I"), "exported");
	CHECK(shvars_get(&v, "J") == NULL);
	CHECK_STR(shvars_get(&v, "K"), "else");
	CHECK_STR(shvars_get(&v, "L"), "multi\nline");
	CHECK_STR(shvars_get(&v, "M"), "after");
	CHECK_STR(shvars_get(&v, "N"), "xy");
	CHECK_INT(v.lines[v.n - 1], 11);
	shvars_free(&v);
	/* DOS line endings: as sh, the CR is part of the word (and a CR alone is a command) */
	memset(&v, 0, sizeof(v));
	CHECK_INT(vars(&v, "A=1\r\n\r\nB=\"two\"\r\nC=\f3\n", &el), 0);
	CHECK_STR(shvars_get(&v, "A"), "1\r");
	CHECK_STR(shvars_get(&v, "B"), "two\r");
	CHECK_STR(shvars_get(&v, "C"), "\f3");
	shvars_free(&v);
}

TEST(vars_malformed_is_atomic)
{
	struct shvars v;
	unsigned el;
	static const char nul[] = "GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX=\"a\0b\"\n";

	memset(&v, 0, sizeof(v));
	CHECK_INT(vars(&v, "GRUB_CMDLINE_LINUX=\"crashkernel=auto\"\n", &el), 0);
	/* unterminated quotes: -EINVAL with the line that opened them, v unchanged */
	CHECK_INT(vars(&v, "GRUB_TIMEOUT=5\nGRUB_CMDLINE_LINUX=\"$GRUB_CMDLINE_LINUX quiet\n\n", &el), -EINVAL);
	CHECK_INT(el, 2);
	CHECK_STR(shvars_get(&v, "GRUB_CMDLINE_LINUX"), "crashkernel=auto");
	CHECK(shvars_get(&v, "GRUB_TIMEOUT") == NULL);
	CHECK_INT(v.n, 1);
	CHECK_INT(vars(&v, "\nGRUB_CMDLINE_LINUX='rhgb quiet\n", &el), -EINVAL);
	CHECK_INT(el, 2);
	CHECK_INT(vars(&v, "GRUB_DISTRIBUTOR=`lsb_release -i -s\n", &el), -EINVAL);
	CHECK_INT(el, 1);
	CHECK_INT(vars(&v, "A=1\nGRUB_DISTRIBUTOR=\"$(sed 's, release .*$,,g' /etc/system-release\"\n", &el), -EINVAL);
	CHECK_INT(el, 2);
	CHECK_INT(vars(&v, "A=${GRUB_CMDLINE_LINUX:-quiet\n", &el), -EINVAL);
	CHECK_INT(el, 1);
	CHECK_INT(parse(&v, nul, sizeof(nul) - 1, &el), -EINVAL);
	CHECK_INT(el, 2);
	CHECK_STR(shvars_get(&v, "GRUB_CMDLINE_LINUX"), "crashkernel=auto");
	CHECK_INT(v.n, 1);
	/* empty input changes nothing */
	CHECK_INT(parse(&v, "", 0, &el), 0);
	CHECK_INT(parse(&v, NULL, 0, NULL), 0);
	CHECK_INT(v.n, 1);
	shvars_free(&v);
}

TEST(vars_hostile_sizes)
{
	struct shvars v;
	unsigned el;
	size_t big = 1 << 20, i;
	struct sbuf b;

	memset(&v, 0, sizeof(v));
	/* a 1 MB value */
	sbuf_init(&b);
	sbuf_puts(&b, "GRUB_CMDLINE_LINUX=\"");
	for (i = 0; i < big; i++)
		sbuf_add(&b, "q", 1);
	sbuf_puts(&b, "\"\n");
	CHECK_INT(parse(&v, b.s, b.len, &el), 0);
	CHECK_INT(strlen(shvars_get(&v, "GRUB_CMDLINE_LINUX")), big);
	sbuf_free(&b);
	shvars_free(&v);

	/* a value that doubles on every line stops at the size limit */
	sbuf_init(&b);
	sbuf_puts(&b, "A=xxxxxxxxxxxxxxxx\n");
	for (i = 0; i < 40; i++)
		sbuf_puts(&b, "A=\"$A$A\"\n");
	CHECK_INT(parse(&v, b.s, b.len, &el), -EINVAL);
	CHECK(el > 20 && el <= 41);
	CHECK_INT(v.n, 0);
	sbuf_free(&b);

	/* deeply nested ${...:-...} */
	sbuf_init(&b);
	sbuf_puts(&b, "A=");
	for (i = 0; i < 200; i++)
		sbuf_puts(&b, "${X:-");
	for (i = 0; i < 200; i++)
		sbuf_puts(&b, "}");
	CHECK_INT(parse(&v, b.s, b.len, &el), -EINVAL);
	sbuf_free(&b);
	sbuf_init(&b);
	sbuf_puts(&b, "A=");
	for (i = 0; i < 10; i++)
		sbuf_puts(&b, "${X:-");
	sbuf_puts(&b, "deep");
	for (i = 0; i < 10; i++)
		sbuf_puts(&b, "}");
	CHECK_INT(parse(&v, b.s, b.len, &el), 0);
	CHECK_STR(shvars_get(&v, "A"), "deep");
	sbuf_free(&b);
	shvars_free(&v);

	/* too many distinct variables */
	sbuf_init(&b);
	for (i = 0; i < 5000; i++)
		sbuf_printf(&b, "V%zu=%zu\n", i, i);
	CHECK_INT(parse(&v, b.s, b.len, &el), -EINVAL);
	CHECK_INT(el, 1025);
	CHECK_INT(v.n, 0);
	sbuf_free(&b);

	/* 1 MB of one long unquoted line of garbage words: commands, skipped */
	sbuf_init(&b);
	for (i = 0; i < big / 8; i++)
		sbuf_puts(&b, "foo=bar ");
	sbuf_puts(&b, "\n");
	CHECK_INT(parse(&v, b.s, b.len, &el), 0);
	CHECK_STR(shvars_get(&v, "foo"), "bar");
	sbuf_free(&b);
	shvars_free(&v);
}


/* --------------------------------------------- assignments only (SHVARS_ASSIGN) */

/* Parse s as assignments only into v; the error in *err. */
static int assign(struct shvars *v, const char *s, struct shvars_err *err)
{
	struct shvars_opts o = { SHVARS_ASSIGN, 0, 0, NULL, NULL };

	return shvars_parse(v, s, strlen(s), &o, err);
}

TEST(assign_quotes_escapes_continuations)
{
	struct shvars v;
	struct shvars_err err;

	memset(&v, 0, sizeof(v));
	CHECK_INT(assign(&v,
			 "# comment\n"
			 "A='single $X \\n'   B=\"double \\\"q\\\" \\\\ \\$A \\x\"\n"
			 "export C=${A}-$A; D=con\\\n"
			 "tinued E=\"multi\n"
			 "line\"\n"
			 "F= G=$1$ H=$UNSET.\n", &err), 0);
	CHECK_INT(err.line, 0);
	CHECK_STR(shvars_get(&v, "A"), "single $X \\n");
	CHECK_STR(shvars_get(&v, "B"), "double \"q\" \\ $A \\x");
	CHECK_STR(shvars_get(&v, "C"), "single $X \\n-single $X \\n");
	CHECK_STR(shvars_get(&v, "D"), "continued");
	CHECK_STR(shvars_get(&v, "E"), "multi\nline");
	CHECK_STR(shvars_get(&v, "F"), "");
	CHECK_STR(shvars_get(&v, "G"), "$1$");
	CHECK_STR(shvars_get(&v, "H"), ".");
	CHECK_INT(shvars_line(&v, "A"), 2);
	CHECK_INT(shvars_line(&v, "D"), 3);
	CHECK_INT(shvars_line(&v, "E"), 4);
	CHECK_INT(shvars_line(&v, "H"), 6);
	CHECK_INT(shvars_line(&v, "NOPE"), 0);
	shvars_free(&v);
}

TEST(assign_errors_name_their_line)
{
	static const struct {
		const char *text;
		unsigned line;
		const char *msg;
	} bad[] = {
		{ "A=1\n\nB=\"open\n\n", 3, "unterminated double quote" },
		{ "A=1\nB='open\n", 2, "unterminated single quote" },
		{ "A=1\nB=$(date)\n", 2, "command substitution $(...)" },
		{ "A=1\n\n\nB=`date`\n", 4, "command substitution `...`" },
		{ "A=${B:-x}\n", 1, "parameter expansion" },
		{ "A=${B\n", 1, "parameter expansion" },
		{ "A=1\nrm -rf /\n", 2, "not a variable assignment: 'rm -rf /'" },
		{ "A=1>x\n", 1, "shell operator '>'" },
		{ "A=\"x\ny\" B=1&\n", 2, "shell operator '&'" },
		{ "export\n", 1, "not a variable assignment: 'export'" },
		{ "A=a\0b\n", 1, "NUL byte in value" },
	};
	struct shvars v;
	struct shvars_err err;
	size_t i;

	memset(&v, 0, sizeof(v));
	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		struct shvars_opts o = { SHVARS_ASSIGN, 0, 0, NULL, NULL };

		printf("#   case %zu\n", i);
		CHECK_INT(shvars_parse(&v, bad[i].text, strlen(bad[i].text) + (i == ARRAY_SIZE(bad) - 1 ? 4 : 0),
				       &o, &err), -EINVAL);
		CHECK_INT(err.line, bad[i].line);
		CHECK(str_startswith(err.msg, bad[i].msg));
		CHECK_INT(v.n, 0);
	}
	/* the same text as a script: commands skipped, forms kept as written */
	CHECK_INT(vars(&v, "A=1\nrm -rf /\nB=$(date) C=${B:-x}\n", NULL), 0);
	CHECK_STR(shvars_get(&v, "B"), "$(date)");
	CHECK_STR(shvars_get(&v, "C"), "$(date)");
	shvars_free(&v);
}

/* A check callback that refuses X=bad. */
static int refuse_bad(void *arg, const char *name, const char *value, char *msg, size_t msglen)
{
	++*(int *)arg;
	if (!strcmp(name, "X") && !strcmp(value, "bad")) {
		snprintf(msg, msglen, "X must not be %s", value);
		return -EINVAL;
	}
	return 0;
}

TEST(check_callback_sees_every_assignment)
{
	int calls = 0;
	struct shvars_opts o = { SHVARS_ASSIGN, 0, 0, refuse_bad, &calls };
	struct shvars v;
	struct shvars_err err;
	static const char text[] = "X=good Y=1\nX=\"b\\\nad\"\nZ=2\n";

	memset(&v, 0, sizeof(v));
	CHECK_INT(shvars_parse(&v, text, sizeof(text) - 1, &o, &err), -EINVAL);
	CHECK_INT(calls, 3);
	CHECK_INT(err.line, 3);			/* where the value ends */
	CHECK_STR(err.msg, "X must not be bad");
	CHECK_INT(v.n, 0);
	/* in a script, an assignment before a command never takes effect: not checked */
	calls = 0;
	o.mode = SHVARS_SH;
	CHECK_INT(shvars_parse(&v, "X=bad true\nX=ok\n", 16, &o, &err), 0);
	CHECK_INT(calls, 1);
	CHECK_STR(shvars_get(&v, "X"), "ok");
	shvars_free(&v);
}

/* ------------------------------------------------------------------ bounds */

/* The peak resident set of this process so far, in MiB. */
static long peak_mib(void)
{
	struct rusage ru;

	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024;
}

TEST(bounds_doubling_file_of_4mb)
{
	struct shvars v;
	struct shvars_err err;
	struct sbuf b;
	size_t i;
	long before = peak_mib();

	/* 4 MB of lines, each new variable doubling the one before */
	memset(&v, 0, sizeof(v));
	sbuf_init(&b);
	sbuf_puts(&b, "V0=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n");
	for (i = 1; b.len < (4u << 20); i++)
		sbuf_printf(&b, "V%zu=\"$V%zu$V%zu\"\n", i, i - 1, i - 1);
	CHECK_INT(parse(&v, b.s, b.len, NULL), -EINVAL);
	CHECK_INT(vars(&v, "", NULL), 0);
	{
		unsigned el;
		CHECK_INT(parse(&v, b.s, b.len, &el), -EINVAL);
		CHECK(el > 10 && el < 40);
	}
	CHECK_INT(v.n, 0);
	/* the same with assignments only, at the kdump-tools value bound */
	{
		struct shvars_opts o = { SHVARS_ASSIGN, 65536, 0, NULL, NULL };
		CHECK_INT(shvars_parse(&v, b.s, b.len, &o, &err), -EINVAL);
		CHECK(str_startswith(err.msg, "value longer than 65536 bytes"));
	}
	sbuf_free(&b);

	/* one 4 MB value, then a 4 MB file of lines copying it: the work bound stops it */
	sbuf_init(&b);
	sbuf_puts(&b, "A=");
	for (i = 0; i < (4u << 20) / 64 - 1; i++)
		sbuf_puts(&b, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	sbuf_puts(&b, "\n");
	while (b.len < (8u << 20) - 16)
		sbuf_puts(&b, "B=$A\n");
	CHECK_INT(shvars_parse(&v, b.s, b.len, NULL, &err), -EINVAL);
	CHECK(str_startswith(err.msg, "expansions longer than"));
	CHECK(err.line > 2 && err.line < 40);
	sbuf_free(&b);
	/* distinct variables holding big values: the total bound stops them */
	sbuf_init(&b);
	sbuf_puts(&b, "A=");
	for (i = 0; i < (3u << 20) / 64; i++)
		sbuf_puts(&b, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef");
	sbuf_puts(&b, "\n");
	for (i = 0; i < 8; i++)
		sbuf_printf(&b, "B%zu=$A\n", i);
	CHECK_INT(shvars_parse(&v, b.s, b.len, NULL, &err), -EINVAL);
	CHECK(str_startswith(err.msg, "values longer than"));
	CHECK_INT(err.line, 6);
	sbuf_free(&b);
	CHECK(peak_mib() - before < 400);
	shvars_free(&v);
}

TEST(bounds_lookups_are_indexed)
{
	struct shvars v;
	struct shvars_err err;
	struct sbuf b;
	clock_t t0 = clock();
	size_t i;

	/* a thousand variables pending on one command, then 4 MB looking them up */
	memset(&v, 0, sizeof(v));
	sbuf_init(&b);
	for (i = 0; i < 1000; i++)
		sbuf_printf(&b, "P%zu=x ", i);
	while (b.len < (4u << 20) - 64)
		sbuf_puts(&b, "Q=$P999$P998 ");
	sbuf_puts(&b, "\n");
	CHECK_INT(shvars_parse(&v, b.s, b.len, NULL, &err), 0);
	CHECK_INT(v.n, 1001);
	CHECK_STR(shvars_get(&v, "Q"), "xx");
	CHECK_INT(shvars_line(&v, "P0"), 1);
	sbuf_free(&b);
	/* and a thousand set ones, looked up from 8 MB of lines */
	shvars_free(&v);
	sbuf_init(&b);
	for (i = 0; i < 1000; i++)
		sbuf_printf(&b, "V%zu=x\n", i);
	while (b.len < (8u << 20) - 64)
		sbuf_puts(&b, "Q=$V999$V0$V500$V1\n");
	CHECK_INT(shvars_parse(&v, b.s, b.len, NULL, &err), 0);
	CHECK_STR(shvars_get(&v, "Q"), "xxxx");
	CHECK_INT(v.n, 1001);
	sbuf_free(&b);
	CHECK((clock() - t0) / CLOCKS_PER_SEC < 20);
	shvars_free(&v);
}

TEST(bounds_text_and_line)
{
	struct shvars v;
	struct shvars_err err;
	char *big = xmalloc(SHVARS_MAX_TEXT + 2);

	memset(&v, 0, sizeof(v));
	/* a line longer than the bound, on line 3 */
	memset(big, 'x', SHVARS_MAX_TEXT + 1);
	memcpy(big, "A=1\nB=2\nC=", 10);
	CHECK_INT(shvars_parse(&v, big, SHVARS_MAX_LINE + 11, NULL, &err), -EINVAL);
	CHECK_INT(err.line, 3);
	CHECK(str_startswith(err.msg, "line longer than"));
	/* more text than the bound */
	memset(big + 10, '\n', SHVARS_MAX_TEXT - 9);
	CHECK_INT(shvars_parse(&v, big, SHVARS_MAX_TEXT + 1, NULL, &err), -EINVAL);
	CHECK_INT(err.line, 1);
	CHECK(str_startswith(err.msg, "text longer than"));
	CHECK_INT(shvars_parse(&v, big, SHVARS_MAX_TEXT, NULL, &err), 0);
	CHECK_STR(shvars_get(&v, "C"), "");
	free(big);
	shvars_free(&v);
}

UNIT_MAIN(
	T(vars_centos7),
	T(vars_debian12_kdump_tools),
	T(vars_cloud_image_dropin),
	T(vars_shell_forms),
	T(vars_malformed_is_atomic),
	T(vars_hostile_sizes),
	T(assign_quotes_escapes_continuations),
	T(assign_errors_name_their_line),
	T(check_callback_sees_every_assignment),
	T(bounds_doubling_file_of_4mb),
	T(bounds_lookups_are_indexed),
	T(bounds_text_and_line)
)
