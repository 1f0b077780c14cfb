/*
 * remote.c - kdump.remote: an nfs or ssh dump target is complete and, as far
 * as the judged host shows, usable: the export or user@host is well formed;
 * for ssh the key is a regular file of root's, mode 0600, and the server is
 * in root's known_hosts. Whether the server answers, accepts the key and has
 * room is not something the files show: that part is "not verified" (warn),
 * never a pass.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "checks/common.h"
#include "crypto.h"
#include "probe.h"
#include "parse/knownhosts.h"
#include "root.h"
#include "spawn.h"
#include "util.h"

#define KNOWN_HOSTS "/root/.ssh/known_hosts"
/* The whole ssh login and df on the live host, in milliseconds (ssh's own ConnectTimeout is 5 s). */
#define SSH_BOUND_MS 15000
/* An NFS probe (name lookup and connect, or statvfs of the mount) on the live host. */
#define NFS_BOUND_MS 10000

int df_avail(const char *out, uint64_t *bytes)
{
	char line[1024];
	const char *nl = strchr(out, '\n');
	unsigned long long blocks, block = 0, avail;
	const char *p;

	/* the header names the unit: "Filesystem 1024-blocks Used Available Capacity Mounted on" */
	if (!nl)
		return -EINVAL;
	p = strstr(out, "-blocks");
	if (!p || p > nl)
		return -EINVAL;
	while (p > out && p[-1] >= '0' && p[-1] <= '9')
		p--;
	block = strtoull(p, NULL, 10);
	xstrlcpy(line, nl + 1, sizeof(line));
	if (!block || sscanf(line, "%*s %llu %*s %llu", &blocks, &avail) != 2)
		return -EINVAL;
	*bytes = (uint64_t)avail * block;
	return 0;
}

/* The command that (re)creates the kdump ssh key and installs it on the server. */
static const char *propagate_cmd(const struct ctx *c)
{
	switch (c->host.family) {
	case HOST_EL6: return "service kdump propagate";
	case HOST_DEBIAN: return "kdump-config propagate";
	default: return "kdumpctl propagate";
	}
}

/* Is the NFS export "host:/path" complete? */
static int nfs_complete(const char *where)
{
	const char *sep = strstr(where, ":/");

	return sep && sep > where && !strpbrk(where, " \t");
}

/*
 * The host of "user@host" (after the last '@'; an IPv6 "[addr]" without its
 * brackets, as known_hosts names it): 0, or -EINVAL when a part is empty or
 * the target could be taken for an option or a path.
 */
static int ssh_host(const char *where, char *host, size_t hostlen)
{
	const char *at = strrchr(where, '@');
	size_t n;

	if (!at || at == where || !at[1] || where[0] == '-' || strpbrk(where, " \t/"))
		return -EINVAL;
	xstrlcpy(host, at + 1, hostlen);
	n = strlen(host);
	if (host[0] == '[' && n > 2 && host[n - 1] == ']') {
		memmove(host, host + 1, n - 2);
		host[n - 2] = '\0';
	}
	return 0;
}

/* The ssh key is a regular file of the root user, mode 0600: 0, or -1 with res filled. */
static int key_usable(struct ctx *c, const struct dump_target *t, struct result *res)
{
	struct stat st, top;
	char qk[600];
	int e = root_stat(c->root, t->sshkey, &st);

	sh_quote(t->sshkey, qk, sizeof(qk));
	if (e == -ENOENT) {
		res_set(res, ST_PROBLEM, "%s: the ssh key %s does not exist: kdump cannot log in to the server",
			t->line, t->sshkey);
		res_remedy_words(res, propagate_cmd(c));
		return -1;
	}
	if (e || !S_ISREG(st.st_mode)) {
		res_set(res, ST_PROBLEM, "%s: the ssh key %s is not usable: %s", t->line, t->sshkey,
			e ? errstr(e) : "not a regular file");
		res_remedy_cmd(res, "rm", "-f", t->sshkey, NULL);
		res_remedy_words(res, propagate_cmd(c));
		return -1;
	}
	if (st.st_mode & 077) {
		res_set(res, ST_PROBLEM, "%s: the ssh key %s has mode %04o: ssh refuses a key others can read",
			t->line, t->sshkey, (unsigned)(st.st_mode & 07777));
		res_remedy_cmd(res, "chmod", "0600", t->sshkey, NULL);
		return -1;
	}
	/* root is the owner of the judged host's "/" (uid 0 on a live host) */
	if (root_stat(c->root, "/", &top) == 0 && st.st_uid != top.st_uid) {
		res_set(res, ST_PROBLEM, "%s: the ssh key %s is owned by uid %u, not root", t->line, t->sshkey,
			(unsigned)st.st_uid);
		res_remedy_cmd(res, "chown", "root:root", t->sshkey, NULL);
		return -1;
	}
	return 0;
}

/* The server is in root's known_hosts (not revoked): 0, or -1 with res filled. */
static int host_known(struct ctx *c, const struct dump_target *t, const char *host, struct result *res,
		      unsigned *line)
{
	const char *data = NULL;
	size_t len = 0;
	char qh[300], qk[600];
	int e = ctx_read(c, KNOWN_HOSTS, &data, &len);
	enum kh_match m = e ? KH_NONE : known_hosts_find(data, len, host, 22, line);

	sh_quote(t->sshkey, qk, sizeof(qk));
	sh_quote(t->where, qh, sizeof(qh));
	if (e && e != -ENOENT) {
		res_set(res, ST_PROBLEM, "%s: cannot read %s: %s", t->line, KNOWN_HOSTS, errstr(e));
		return -1;
	}
	if (m == KH_FOUND)
		return 0;
	if (m == KH_UNKNOWN) {
		res_set(res, ST_WARN, "%s: not verified: %s has hashed entries, and %s", t->line, KNOWN_HOSTS,
			crypto_error());
		res_remedy(res, "ssh-keygen -F %s -f %s   # as root: does known_hosts name the server?", qh,
			   KNOWN_HOSTS);
		return -1;
	}
	if (m == KH_REVOKED)
		res_set(res, ST_PROBLEM, "%s: %s:%u marks the key of %s as revoked: ssh refuses the server",
			t->line, KNOWN_HOSTS, *line, host);
	else
		res_set(res, ST_PROBLEM, "%s: %s is not in %s%s: ssh in the capture kernel refuses an unknown server",
			t->line, host, KNOWN_HOSTS, e ? " (no such file)" : "");
	res_remedy(res, "ssh -i %s %s true   # as root; compare the fingerprint it shows with the server's", qk, qh);
	return -1;
}

/* Run ssh ... df -P PATH within SSH_BOUND_MS; stdout into out (NUL-terminated). 0 or -errno. */
static int ssh_df(const struct dump_target *t, char *out, size_t outlen, struct spawn_result *sr)
{
	static const char *const clients[] = { "/usr/bin/ssh", "/bin/ssh" };
	const char *argv[] = { NULL, "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-o",
			       "StrictHostKeyChecking=yes", "-i", t->sshkey, t->where, "df", "-P", NULL, NULL };
	char qp[600];
	int fds[2], e;
	size_t i, n = 0;
	ssize_t got;

	for (i = 0; i < ARRAY_SIZE(clients) && !argv[0]; i++)
		if (access(clients[i], X_OK) == 0)
			argv[0] = clients[i];
	if (!argv[0])
		return -ENOENT;
	sh_quote(t->path, qp, sizeof(qp));	/* the remote side runs the command through its shell */
	argv[12] = qp;
	/* non-blocking: a grandchild of ssh holding stdout open cannot stall the read below (and ssh
	 * itself writes its stdout non-blocking); fcntl() is not used: it is fcntl64 on newer glibc */
	if (pipe2(fds, O_CLOEXEC | O_NONBLOCK) < 0)
		return -errno;
	e = spawn_run_bounded(argv, fds[1], 4096, SSH_BOUND_MS, sr);
	close(fds[1]);
	while (n + 1 < outlen && (got = read(fds[0], out + n, outlen - 1 - n)) > 0)
		n += (size_t)got;
	out[n] = '\0';
	close(fds[0]);
	return e;
}

/* On the live host: log in as kdump will and compare the room under path with the dump. */
static void ssh_live(struct ctx *c, const struct dump_target *t, const char *host, struct result *res)
{
	struct spawn_result sr;
	char out[4096], freew[64], dumpw[64], q[300], qk[600], qw[600], qp[1100], qh[600];
	uint64_t avail = 0;
	int e;

	if (need_ram(c, res))
		return;
	e = ssh_df(t, out, sizeof(out), &sr);
	if (e) {
		res_set(res, ST_WARN, "%s: not verified: cannot run ssh on this host: %s", t->line, errstr(e));
		return;
	}
	quote(sr.err, sr.errlen, q, sizeof(q));
	if (sr.timed_out)
		res_set(res, ST_PROBLEM, "%s: ssh to %s did not finish within %d s", t->line, host, SSH_BOUND_MS / 1000);
	else if (sr.status)
		res_set(res, ST_PROBLEM, "%s: ssh -i %s failed (exit %d): %s", t->line, t->sshkey, sr.status, q);
	else if (df_avail(out, &avail))
		res_set(res, ST_PROBLEM, "%s: df -P %s on %s printed no free space figure", t->line, t->path, host);
	spawn_result_free(&sr);
	if (res->status != ST_PASS) {
		sh_quote(t->sshkey, qk, sizeof(qk));
		sh_quote(t->where, qw, sizeof(qw));
		res_remedy(res, "ssh -i %s %s true   # as root, to see why; %s installs the key on the server", qk, qw,
			   propagate_cmd(c));
		return;
	}
	size_words(avail, freew, sizeof(freew));
	size_words(ctx_estimate(c)->dump_size, dumpw, sizeof(dumpw));
	res_observed(res, "%s free under %s on %s", freew, t->path, host);
	if (avail >= ctx_estimate(c)->dump_size) {
		res_set(res, ST_PASS, "%s accepts the key %s; %s there has %s free (expected dump %s)", t->where,
			t->sshkey, t->path, freew, dumpw);
		return;
	}
	res_set(res, ST_PROBLEM, "%s: %s has %s free on %s, less than the expected dump of %s", t->line, t->path,
		freew, host, dumpw);
	sh_quote(t->path, qp, sizeof(qp));
	sh_quote(host, qh, sizeof(qh));
	res_remedy(res, "free %s under %s on %s, or point 'path' at a larger filesystem there", dumpw, qp, qh);
}

/* kdump.remote for an ssh target. */
static void remote_ssh(struct ctx *c, const struct dump_target *t, struct result *res)
{
	char host[256], qk[600], qw[600], qp[600];
	unsigned line = 0;

	if (ssh_host(t->where, host, sizeof(host))) {
		res_set(res, ST_PROBLEM, "%s: \"%s\" is not user@host", t->conf, t->line);
		res_remedy(res, "give the target as user@host in %s, then %s", t->conf, kdump_reload_cmd(c));
		return;
	}
	if (key_usable(c, t, res) || host_known(c, t, host, res, &line))
		return;
	if (root_is_live(c->root)) {
		ssh_live(c, t, host, res);
		return;
	}
	res_observed(res, "%s, key %s, %s:%u", t->line, t->sshkey, KNOWN_HOSTS, line);
	sh_quote(t->sshkey, qk, sizeof(qk));
	sh_quote(t->where, qw, sizeof(qw));
	sh_quote(t->path, qp, sizeof(qp));
	res_remedy(res, "ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -i %s %s df -P %s   # as root: "
		   "proves the login and shows the room", qk, qw, qp);
	res_set(res, ST_WARN, "%s: key %s (0600, root) and %s:%u are in place; not verified: that %s answers, "
		"accepts the key and has room under %s (offline root)", t->line, t->sshkey, KNOWN_HOSTS, line, host,
		t->path);
}

/* The server of an export "server:/path" ("[v6addr]:/path" without brackets); 0 or -EINVAL. */
static int nfs_server(const char *where, char *host, size_t hostlen)
{
	const char *end;

	if (where[0] == '[') {
		end = strchr(where, ']');
		if (!end || end[1] != ':')
			return -EINVAL;
		where++;
	} else {
		end = strchr(where, ':');
	}
	if (!end || end == where || (size_t)(end - where) >= hostlen)
		return -EINVAL;
	memcpy(host, where, (size_t)(end - where));
	host[end - where] = '\0';
	return 0;
}

/* The export is mounted on this host: the room under path there, in a bounded child. */
static void nfs_mounted(struct ctx *c, const struct dump_target *t, struct result *res)
{
	struct probe p;
	char host[PATH_MAX], freew[64], dumpw[64], qd[1100];

	if (root_path(c->root, t->dir, 1, host, sizeof(host)) || probe_statvfs(host, NFS_BOUND_MS, &p)) {
		res_set(res, ST_WARN, "%s: mounted on %s here; not verified: cannot probe it", t->line, t->mount);
		return;
	}
	if (p.timed_out || p.err) {
		res_set(res, ST_PROBLEM, "%s (mounted on %s here): %s %s", t->line, t->mount, t->dir,
			p.timed_out ? "did not answer within the time allowed" : strerror(p.err));
		sh_quote(t->dir, qd, sizeof(qd));
		res_remedy(res, "ls -ld %s   # as root, to see whether the server answers", qd);
		return;
	}
	size_words(p.avail, freew, sizeof(freew));
	size_words(ctx_estimate(c)->dump_size, dumpw, sizeof(dumpw));
	res_observed(res, "%s free under %s", freew, t->dir);
	if (p.avail < ctx_estimate(c)->dump_size) {
		res_set(res, ST_PROBLEM, "%s: %s (mounted here) has %s free, less than the expected dump of %s", t->line,
			t->dir, freew, dumpw);
		sh_quote(t->path, qd, sizeof(qd));
		res_remedy(res, "free %s under %s on the server, or point 'path' at a larger export", dumpw, qd);
		return;
	}
	res_set(res, ST_PASS, "%s answers (mounted on %s here); %s has %s free (expected dump %s)", t->line, t->mount,
		t->dir, freew, dumpw);
}

/* The export is not mounted here: does the server answer on NFS's port? Never a pass. */
static void nfs_unmounted(const struct dump_target *t, const char *server, struct result *res)
{
	struct probe p;

	if (probe_connect(server, "2049", NFS_BOUND_MS, &p)) {
		res_set(res, ST_WARN, "%s: not verified: cannot probe %s", t->line, server);
		return;
	}
	if (p.timed_out || p.err) {
		res_set(res, ST_PROBLEM, "%s: the NFS server %s does not answer on port 2049: %s", t->line, server,
			p.timed_out ? "no answer within the time allowed" : p.why[0] ? p.why : strerror(p.err));
		return;
	}
	res_set(res, ST_WARN, "%s: %s answers on port 2049; not verified: that it exports the path to this host and "
		"has room under %s (the export is not mounted here)", t->line, server, t->path);
}

/* kdump.remote for an nfs target. */
static void remote_nfs(struct ctx *c, const struct dump_target *t, struct result *res)
{
	char qw[600], qp[600], server[256];

	if (!nfs_complete(t->where) || nfs_server(t->where, server, sizeof(server))) {
		res_set(res, ST_PROBLEM, "%s: \"%s\" is not server:/export", t->conf, t->line);
		res_remedy(res, "give the target as server:/export in %s, then %s", t->conf, kdump_reload_cmd(c));
		return;
	}
	sh_quote(t->where, qw, sizeof(qw));
	sh_quote(t->path, qp, sizeof(qp));
	res_remedy(res, "d=$(mktemp -d) && mount -t nfs -o ro %s \"$d\" && df -P \"$d\"%s; umount \"$d\"; rmdir \"$d\"   "
		   "# as root: proves the export mounts and shows the room", qw, qp[0] == '/' ? qp : "");
	if (!root_is_live(c->root)) {
		res_set(res, ST_WARN, "%s: not verified: that the server answers, exports it to this host and has room "
			"under %s (offline root)", t->line, t->path);
		return;
	}
	if (need_ram(c, res))
		return;
	if (t->mounted) {
		res->remedy[0] = '\0';
		nfs_mounted(c, t, res);
	} else {
		nfs_unmounted(t, server, res);
	}
}

/* kdump.remote: an nfs or ssh target is complete and, as far as can be seen, reachable. */
static void check_remote(struct ctx *c, struct result *res)
{
	const struct dump_target *t = ctx_target(c);

	if (t->conf_err) {
		res_set(res, ST_SKIP, "where dumps go is not known (cannot read %s: %s)", t->conf, errstr(t->conf_err));
		return;
	}
	if (t->kind != TARGET_NFS && t->kind != TARGET_SSH) {
		if (t->kind == TARGET_LOCAL)
			res_set(res, ST_SKIP, "the dump target is local (%s)", t->path);
		else
			res_set(res, ST_SKIP, "the dump target is a disk of this host (%s)", t->line);
		return;
	}
	res_observed(res, "%s", t->line);
	res_expected(res, "%s", t->kind == TARGET_SSH ? "user@host, a 0600 root key, the host in known_hosts, "
		     "a server that answers" : "server:/export that answers");
	if (t->kind == TARGET_SSH)
		remote_ssh(c, t, res);
	else
		remote_nfs(c, t, res);
}

const struct check_def checks_remote[] = {
	{ "kdump.remote", "kdump", ST_FAIL, check_remote },
	{ NULL, NULL, ST_PASS, NULL },
};
