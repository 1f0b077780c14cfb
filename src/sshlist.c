/* sshlist.c - the dumps on an ssh dump target, listed over one bounded ssh login (see sshlist.h). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "checks/common.h"
#include "spawn.h"
#include "sshlist.h"
#include "target.h"
#include "util.h"

/* The remote command's own exit statuses (ssh passes them through; its own errors are 255). */
#define RC_NODIR 3
#define RC_NOSTAT 4

void sshlist_command(const char *path, char *out, size_t outlen)
{
	char qp[2100];

	/* POSIX sh, GNU or busybox userland: one stat(1) per dump directory, %f the raw mode in hex
	 * (a link is not followed), output capped on the server as well as here */
	sh_quote(path, qp, sizeof(qp));
	snprintf(out, outlen,
		 "cd -- %s 2>/dev/null || { echo 'no such directory' >&2; exit %d; }; "
		 "command -v stat >/dev/null 2>&1 || { echo 'no stat command on the server' >&2; exit %d; }; "
		 "for d in *; do [ -d \"$d\" ] && [ ! -h \"$d\" ] && LC_ALL=C stat -c '%%s %%Y %%f %%n' -- \"$d\"/* "
		 "2>/dev/null; done | head -c %u; exit 0",
		 qp, RC_NODIR, RC_NOSTAT, SSHLIST_MAX_OUTPUT);
}

/* The time of a span of digits "YYYY?MM?DD?hh?mm[?ss]" at the given offsets, local time; -1 when invalid. */
static int64_t name_time(const char *p, const int off[6], int with_sec)
{
	struct tm tm;
	int v[6], i, j;
	time_t t;

	for (i = 0; i < 5 + with_sec; i++) {
		int w = i == 0 ? 4 : 2;
		v[i] = 0;
		for (j = 0; j < w; j++) {
			char c = p[off[i] + j];
			if (c < '0' || c > '9')
				return -1;
			v[i] = v[i] * 10 + (c - '0');
		}
	}
	if (!with_sec)
		v[5] = 0;
	if (v[0] < 1970 || v[1] < 1 || v[1] > 12 || v[2] < 1 || v[2] > 31 || v[3] > 23 || v[4] > 59 || v[5] > 60)
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = v[0] - 1900;
	tm.tm_mon = v[1] - 1;
	tm.tm_mday = v[2];
	tm.tm_hour = v[3];
	tm.tm_min = v[4];
	tm.tm_sec = v[5];
	tm.tm_isdst = -1;
	t = mktime(&tm);
	return t == (time_t)-1 ? -1 : (int64_t)t;
}

int sshlist_dir_time(const char *name, int64_t *t, int *prec, char *host, size_t hostlen)
{
	static const int el[6] = { 0, 5, 8, 11, 14, 17 }, deb[6] = { 0, 4, 6, 8, 10, 0 };
	size_t n = strlen(name), hn;
	const char *p;
	int64_t v;

	host[0] = '\0';
	/* EL: "<host>-YYYY-MM-DD-hh:mm:ss" */
	if (n >= 19) {
		p = name + n - 19;
		if (p[4] == '-' && p[7] == '-' && p[10] == '-' && p[13] == ':' && p[16] == ':' &&
		    (p == name || p[-1] == '-') && (v = name_time(p, el, 1)) >= 0) {
			hn = p == name ? 0 : (size_t)(p - name - 1);
			xstrlcpy(host, name, hn + 1 < hostlen ? hn + 1 : hostlen);
			*t = v;
			*prec = 1;
			return 0;
		}
	}
	/* Debian: "[<hosttag>-]YYYYMMDDhhmm" */
	if (n >= 12) {
		p = name + n - 12;
		if ((p == name || p[-1] == '-') && (v = name_time(p, deb, 0)) >= 0) {
			hn = p == name ? 0 : (size_t)(p - name - 1);
			xstrlcpy(host, name, hn + 1 < hostlen ? hn + 1 : hostlen);
			*t = v;
			*prec = 60;
			return 0;
		}
	}
	return -EINVAL;
}

/* What a file name in a dump directory is: 2 a complete dump, 1 one being written, 0 else. */
static int dump_kind(const char *name)
{
	if (!strcmp(name, "vmcore") || !strcmp(name, "vmcore.flat") ||
	    (str_startswith(name, "dump.") && !strchr(name + 5, '.')))
		return 2;
	if (!strcmp(name, "vmcore-incomplete") || !strcmp(name, "dump-incomplete"))
		return 1;
	return 0;
}

/* A new dump directory at the end of the list (NULL past SSHLIST_MAX_DUMPS). */
static struct ssh_dump *new_dump(struct ssh_listing *l, size_t *cap, const char *dir, size_t dirlen)
{
	struct ssh_dump *d;
	char raw[256];

	if (l->n >= SSHLIST_MAX_DUMPS) {
		l->truncated = 1;
		return NULL;
	}
	if (l->n == *cap) {
		*cap = *cap ? *cap * 2 : 32;
		l->v = xrealloc(l->v, *cap * sizeof(*l->v));
	}
	d = &l->v[l->n++];
	memset(d, 0, sizeof(*d));
	quote_bytes(dir, dirlen, d->dir, sizeof(d->dir));
	d->crash_time = -1;
	xstrlcpy(raw, d->dir, sizeof(raw));
	if (sshlist_dir_time(raw, &d->crash_time, &d->crash_prec, d->host, sizeof(d->host)))
		d->crash_time = -1;
	return d;
}

/* Note the file name (escaped) of size and mtime in d. */
static void add_file(struct ssh_dump *d, const char *name, uint64_t size, int64_t mtime)
{
	int k = dump_kind(name);

	if (!strcmp(name, "vmcore-dmesg.txt") || (str_startswith(name, "dmesg.") && name[6]))
		d->dmesg = 1;
	else if (!strcmp(name, "vmcore.json") || (str_startswith(name, "dump.") && strlen(name) > 10 &&
						   !strcmp(name + strlen(name) - 5, ".json")))
		d->sidecar = 1;
	if (!k || (d->vmcore[0] && (d->complete || k == 1)))
		return;		/* not a dump file, or one as good is already known */
	quote_bytes(name, strlen(name), d->vmcore, sizeof(d->vmcore));
	d->complete = k == 2;
	d->size = size;
	d->mtime = mtime;
}

/* One line "SIZE MTIME HEXMODE DIR/NAME": 0 with its parts, or -EINVAL. */
static int parse_line(const char *p, size_t n, uint64_t *size, int64_t *mtime, const char **dir, size_t *dirlen,
		      char *name, size_t namelen)
{
	char head[96], *s1, *s2, *end;
	const char *rest, *slash;
	unsigned long mode;
	size_t hl;

	rest = memchr(p, ' ', n);
	rest = rest ? memchr(rest + 1, ' ', n - (size_t)(rest + 1 - p)) : NULL;
	rest = rest ? memchr(rest + 1, ' ', n - (size_t)(rest + 1 - p)) : NULL;
	if (!rest || (hl = (size_t)(rest - p)) >= sizeof(head) || memchr(p, '\0', hl))
		return -EINVAL;
	memcpy(head, p, hl);
	head[hl] = '\0';
	s1 = strchr(head, ' ');
	s2 = s1 ? strchr(s1 + 1, ' ') : NULL;
	if (!s2)
		return -EINVAL;
	*s1++ = '\0';
	*s2++ = '\0';
	if (parse_u64(head, 10, size) || parse_i64(s1, mtime) || *mtime < 0)
		return -EINVAL;
	errno = 0;
	mode = strtoul(s2, &end, 16);
	if (errno || !*s2 || *end || (mode & 0170000) != 0100000)
		return -EINVAL;		/* a regular file only */
	rest++;
	n -= hl + 1;
	slash = memchr(rest, '/', n);
	if (!slash || slash == rest || (size_t)(slash - rest) >= 256 || n - (size_t)(slash - rest) - 1 >= namelen ||
	    memchr(slash + 1, '/', n - (size_t)(slash - rest) - 1) || span_has_ctl(slash + 1, n - (size_t)(slash - rest) - 1))
		return -EINVAL;
	*dir = rest;
	*dirlen = (size_t)(slash - rest);
	memcpy(name, slash + 1, n - *dirlen - 1);
	name[n - *dirlen - 1] = '\0';
	return 0;
}

static int newest_first(const void *a, const void *b)
{
	const struct ssh_dump *x = a, *y = b;
	int64_t tx = x->crash_time >= 0 ? x->crash_time : x->mtime, ty = y->crash_time >= 0 ? y->crash_time : y->mtime;

	if (tx != ty)
		return tx > ty ? -1 : 1;
	return strcmp(x->dir, y->dir);
}

int sshlist_parse(const char *buf, size_t len, struct ssh_listing *out)
{
	struct line_iter it;
	const char *line, *dir;
	struct ssh_dump *d = NULL;
	char name[256], cur[256] = "";
	size_t n, dirlen, cap = 0;
	uint64_t size;
	int64_t mtime;

	memset(out, 0, sizeof(*out));
	line_iter_init(&it, buf, len);
	while (line_iter_next(&it, &line, &n)) {
		if (parse_line(line, n, &size, &mtime, &dir, &dirlen, name, sizeof(name)))
			continue;
		/* the lines of one directory come together; a repeat later starts another entry */
		if (!d || strlen(cur) != dirlen || memcmp(cur, dir, dirlen)) {
			memcpy(cur, dir, dirlen);
			cur[dirlen] = '\0';
			d = new_dump(out, &cap, dir, dirlen);
			if (!d)
				break;
		}
		add_file(d, name, size, mtime);
	}
	/* directories with neither a dump file nor a kernel log are not dumps (pstore copies, others) */
	for (n = 0, cap = 0; n < out->n; n++)
		if (out->v[n].vmcore[0] || out->v[n].dmesg)
			out->v[cap++] = out->v[n];
	out->n = cap;
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), newest_first);
	return 0;
}

/* The ssh client of this machine, as kdump.remote finds it; NULL when none. */
static const char *ssh_client(void)
{
	static const char *const clients[] = { "/usr/bin/ssh", "/bin/ssh" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(clients); i++)
		if (access(clients[i], X_OK) == 0)
			return clients[i];
	return NULL;
}

/* An unlinked temporary file for ssh's stdout: its fd, or -errno. */
static int scratch_file(void)
{
	const char *tmp = getenv("TMPDIR");
	char p[512];
	int fd;

	if (!tmp || tmp[0] != '/' || xsnprintf(p, sizeof(p), "%s/kdumpcheck-ssh.XXXXXX", tmp))
		xstrlcpy(p, "/tmp/kdumpcheck-ssh.XXXXXX", sizeof(p));
	fd = mkostemp(p, O_CLOEXEC);
	if (fd < 0)
		return -errno;
	unlink(p);
	return fd;
}

/*
 * Run argv with stdout into fd, the file capped at SSHLIST_MAX_OUTPUT + 1
 * bytes (RLIMIT_FSIZE, inherited; SIGXFSZ ignored so the write fails rather
 * than the client dumping core). 0 or -errno.
 */
static int run_capped(const char *const argv[], int fd, struct spawn_result *sr)
{
	struct rlimit old, cap;
	void (*oldsig)(int);
	int e, limited;

	limited = getrlimit(RLIMIT_FSIZE, &old) == 0;
	if (limited) {
		cap = old;
		if (cap.rlim_max == RLIM_INFINITY || cap.rlim_max > (rlim_t)SSHLIST_MAX_OUTPUT + 1)
			cap.rlim_cur = (rlim_t)SSHLIST_MAX_OUTPUT + 1;
		limited = setrlimit(RLIMIT_FSIZE, &cap) == 0;
	}
	oldsig = signal(SIGXFSZ, SIG_IGN);
	e = spawn_run_bounded(argv, fd, 4096, SSHLIST_BOUND_MS, sr);
	signal(SIGXFSZ, oldsig);
	if (limited)
		setrlimit(RLIMIT_FSIZE, &old);
	return e;
}

/* The output of the run, at most SSHLIST_MAX_OUTPUT bytes, NUL-terminated (malloc'ed); *len, *over. */
static char *slurp(int fd, size_t *len, int *over)
{
	char *buf = xmalloc(SSHLIST_MAX_OUTPUT + 2);
	size_t n = 0;
	ssize_t got;

	if (lseek(fd, 0, SEEK_SET) == 0)
		while (n < SSHLIST_MAX_OUTPUT + 1 &&
		       (got = read(fd, buf + n, SSHLIST_MAX_OUTPUT + 1 - n)) != 0) {
			if (got < 0 && errno == EINTR)
				continue;
			if (got < 0)
				break;
			n += (size_t)got;
		}
	*over = n >= SSHLIST_MAX_OUTPUT;	/* the server's own head -c cut it there */
	if (*over)
		n = SSHLIST_MAX_OUTPUT;
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* The last non-blank line of ssh's stderr, escaped, in out. */
static void last_line(const char *err, size_t len, char *out, size_t outlen)
{
	const char *p = err, *line = NULL;
	size_t n, ln = 0;
	struct line_iter it;

	line_iter_init(&it, err, len);
	while (line_iter_next(&it, &p, &n)) {
		span_trim(&p, &n);
		if (n) {
			line = p;
			ln = n;
		}
	}
	if (line)
		quote_bytes(line, ln, out, outlen);
	else
		out[0] = '\0';
}

/* Turn the finished run into a status and a reason. */
static enum sshlist_status judge_run(const struct dump_target *t, const struct spawn_result *sr, char *why,
				     size_t whylen)
{
	char last[400];

	if (sr->timed_out) {
		snprintf(why, whylen, "timed out after %d s", SSHLIST_BOUND_MS / 1000);
		return SSHL_UNREACHABLE;
	}
	last_line(sr->err, sr->errlen, last, sizeof(last));
	if (!sr->status)
		return SSHL_OK;
	if (last[0])
		snprintf(why, whylen, "%s (exit %d)", last, sr->status);
	else
		snprintf(why, whylen, "exit %d", sr->status);
	if (sr->status == RC_NODIR) {
		snprintf(why, whylen, "no directory %s there", t->path);
		return SSHL_NODIR;
	}
	return sr->status == 255 || sr->status > 128 ? SSHL_UNREACHABLE : SSHL_ERROR;
}

enum sshlist_status sshlist_run(const struct dump_target *t, struct ssh_listing *out, char *why, size_t whylen)
{
	char cmd[2600], *buf;
	const char *argv[] = { ssh_client(), "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-o",
			       "StrictHostKeyChecking=yes", "-i", t->sshkey, "--", t->where, cmd, NULL };
	struct spawn_result sr;
	enum sshlist_status st;
	struct stat fst;
	size_t len;
	int fd, e, over;

	memset(out, 0, sizeof(*out));
	why[0] = '\0';
	if (!argv[0]) {
		snprintf(why, whylen, "no ssh client (/usr/bin/ssh, /bin/ssh) on this host");
		return SSHL_UNREACHABLE;
	}
	sshlist_command(t->path, cmd, sizeof(cmd));
	fd = scratch_file();
	if (fd < 0) {
		snprintf(why, whylen, "cannot make a temporary file for its output: %s", strerror(-fd));
		return SSHL_UNREACHABLE;
	}
	e = run_capped(argv, fd, &sr);
	if (e) {
		close(fd);
		snprintf(why, whylen, "cannot run %s: %s", argv[0], strerror(-e));
		return SSHL_UNREACHABLE;
	}
	if (fstat(fd, &fst) == 0 && (uint64_t)fst.st_size > SSHLIST_MAX_OUTPUT) {
		snprintf(why, whylen, "the server sent more than %u bytes of listing", SSHLIST_MAX_OUTPUT);
		st = SSHL_ERROR;
	} else {
		st = judge_run(t, &sr, why, whylen);
	}
	spawn_result_free(&sr);
	if (st == SSHL_OK) {
		buf = slurp(fd, &len, &over);
		sshlist_parse(buf, len, out);
		out->truncated |= over;
		free(buf);
	}
	close(fd);
	return st;
}

void sshlist_free(struct ssh_listing *l)
{
	free(l->v);
	memset(l, 0, sizeof(*l));
}
