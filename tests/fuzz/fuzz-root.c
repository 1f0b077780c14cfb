/*
 * fuzz-root.c - libFuzzer target for a whole judged host: each input is a
 * tar archive (ustar headers; checksums are not checked, so mutated headers
 * still unpack) of files, directories, symbolic links and FIFOs, unpacked
 * into a fresh directory that every check then judges as --root, with the
 * report written in every format. No crash, leak, hang or escape: symbolic
 * links are unpacked as written (absolute, "..", loops), which the root
 * layer must keep inside the root. Devices and hard links are skipped, and
 * names with ".." components are dropped.
 *
 *   ./fuzz-root tests/fuzz/corpus/root       (make check: the corpus replay)
 */
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/stat.h>

#include "check.h"
#include "cmd.h"
#include "fuzz.h"
#include "out/out.h"

#define BLOCK 512
#define MAX_ENTRIES 512
#define MAX_FILE (1u << 20)

/* An octal tar field; 0 when it does not parse. */
static size_t octal(const uint8_t *p, size_t n)
{
	size_t v = 0, i;

	for (i = 0; i < n && p[i] == ' '; i++)
		;
	for (; i < n && p[i] >= '0' && p[i] <= '7'; i++)
		v = v * 8 + (size_t)(p[i] - '0');
	return v;
}

/* A header's name (ustar prefix/name) as a relative path without ".." components; 0 or -1. */
static int entry_name(const uint8_t *h, char *out, size_t outlen)
{
	char name[101], prefix[156], *p;

	memcpy(name, h, 100);
	name[100] = '\0';
	memcpy(prefix, h + 345, 155);
	prefix[155] = '\0';
	if (!memcmp(h + 257, "ustar", 5) && prefix[0])
		snprintf(out, outlen, "%s/%s", prefix, name);
	else
		snprintf(out, outlen, "%s", name);
	while (out[0] == '/' || (out[0] == '.' && out[1] == '/'))
		memmove(out, out + (out[0] == '/' ? 1 : 2), strlen(out));
	if (!out[0] || !strcmp(out, ".") || !strcmp(out, ".."))
		return -1;
	for (p = out; (p = strstr(p, "..")); p += 2)
		if ((p == out || p[-1] == '/') && (p[2] == '/' || !p[2]))
			return -1;
	return 0;
}

/* mkdir -p of the directories above path (relative to dirfd's directory, given as top). */
static void parents(const char *top, const char *rel)
{
	char p[8192];
	char *s;

	snprintf(p, sizeof(p), "%s/%s", top, rel);
	for (s = p + strlen(top) + 1; (s = strchr(s, '/')); s++) {
		*s = '\0';
		mkdir(p, 0755);
		*s = '/';
	}
}

/* Unpack one entry of type t with body data of n bytes. */
static void unpack(const char *top, const char *rel, int t, const uint8_t *h, const uint8_t *data, size_t n)
{
	char p[8192], link[101];
	int fd;

	parents(top, rel);
	snprintf(p, sizeof(p), "%s/%s", top, rel);
	switch (t) {
	case '5':
		mkdir(p, 0755);
		break;
	case '2':
		memcpy(link, h + 157, 100);
		link[100] = '\0';
		(void)symlink(link, p);	/* an existing name is kept */
		break;
	case '6':
		mkfifo(p, 0644);
		break;
	case '0':
	case '\0':
	case '7':
		fd = open(p, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
		if (fd < 0)
			break;
		if (n && write(fd, data, n) < 0)
			n = 0;
		close(fd);
		break;
	default:
		break;	/* hard links, devices, extensions: skipped */
	}
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

/* Judge the root at top with the built-in policy, writing the report in every format. */
static void judge(const char *top)
{
	static const enum out_format formats[] = { FMT_TEXT, FMT_JSON, FMT_PROM, FMT_NAGIOS };
	struct gopts g;
	struct session s;
	struct report rep;
	struct out_opts o;
	FILE *null = fopen("/dev/null", "w");
	size_t i;

	FUZZ_CHECK(null != NULL);
	memset(&g, 0, sizeof(g));
	g.root = top;
	/* the root's own /etc/kdumpcheck.conf may be rejected (exit 3): that is a clean outcome too */
	if (session_open(&g, &s) == 0) {
		checks_run(&s.ctx, &rep);
		for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
			memset(&o, 0, sizeof(o));
			o.format = formats[i];
			o.verbosity = 1;
			out_report(null, &s.ctx, &rep, &o);
		}
		FUZZ_CHECK(rep.worst == ST_PASS || rep.worst == ST_WARN || rep.worst == ST_FAIL || rep.worst == ST_SKIP);
		report_free(&rep);
		session_close(&s);
	}
	fclose(null);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char top[4096], rel[300];
	const char *tmp = getenv("TMPDIR");
	size_t off = 0, n;
	int entries = 0;

	snprintf(top, sizeof(top), "%s/kdc-fuzz-root-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	FUZZ_CHECK(mkdtemp(top) != NULL);
	while (off + BLOCK <= size && entries++ < MAX_ENTRIES) {
		const uint8_t *h = data + off;

		if (!h[0])
			break;
		n = octal(h + 124, 12);
		off += BLOCK;
		if (n > size - off)
			n = size - off;
		if (n <= MAX_FILE && entry_name(h, rel, sizeof(rel)) == 0)
			unpack(top, rel, h[156], h, data + off, n);
		off += (n + BLOCK - 1) / BLOCK * BLOCK;
	}
	judge(top);
	FUZZ_CHECK(nftw(top, rm_one, 16, FTW_DEPTH | FTW_PHYS) == 0);
	return 0;
}
