/*
 * remote.c - kdump.remote: an nfs or ssh dump target is complete and, as far
 * as the judged host shows, usable: the export or user@host is well formed;
 * for ssh the key is a regular file of root's, mode 0600, and the server is
 * in root's known_hosts. Whether the server answers, accepts the key and has
 * room is not something the files show: that part is "not verified" (warn),
 * never a pass.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "checks/common.h"
#include "parse/knownhosts.h"
#include "root.h"
#include "util.h"

#define KNOWN_HOSTS "/root/.ssh/known_hosts"

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

/* Split "user@host" into its host (after the last '@'); 0, or -EINVAL when either part is empty. */
static int ssh_host(const char *where, char *host, size_t hostlen)
{
	const char *at = strrchr(where, '@');

	if (!at || at == where || !at[1] || strpbrk(where, " \t/:"))
		return -EINVAL;
	xstrlcpy(host, at + 1, hostlen);
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
		res_remedy(res, "%s", propagate_cmd(c));
		return -1;
	}
	if (e || !S_ISREG(st.st_mode)) {
		res_set(res, ST_PROBLEM, "%s: the ssh key %s is not usable: %s", t->line, t->sshkey,
			e ? errstr(e) : "not a regular file");
		res_remedy(res, "rm -f %s && %s", qk, propagate_cmd(c));
		return -1;
	}
	if (st.st_mode & 077) {
		res_set(res, ST_PROBLEM, "%s: the ssh key %s has mode %04o: ssh refuses a key others can read",
			t->line, t->sshkey, (unsigned)(st.st_mode & 07777));
		res_remedy(res, "chmod 0600 %s", qk);
		return -1;
	}
	/* root is the owner of the judged host's "/" (uid 0 on a live host) */
	if (root_stat(c->root, "/", &top) == 0 && st.st_uid != top.st_uid) {
		res_set(res, ST_PROBLEM, "%s: the ssh key %s is owned by uid %u, not root", t->line, t->sshkey,
			(unsigned)st.st_uid);
		res_remedy(res, "chown root:root %s", qk);
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
	if (m == KH_REVOKED)
		res_set(res, ST_PROBLEM, "%s: %s:%u marks the key of %s as revoked: ssh refuses the server",
			t->line, KNOWN_HOSTS, *line, host);
	else
		res_set(res, ST_PROBLEM, "%s: %s is not in %s%s: ssh in the capture kernel refuses an unknown server",
			t->line, host, KNOWN_HOSTS, e ? " (no such file)" : "");
	res_remedy(res, "ssh -i %s %s true   # as root; compare the fingerprint it shows with the server's", qk, qh);
	return -1;
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
	res_observed(res, "%s, key %s, %s:%u", t->line, t->sshkey, KNOWN_HOSTS, line);
	sh_quote(t->sshkey, qk, sizeof(qk));
	sh_quote(t->where, qw, sizeof(qw));
	sh_quote(t->path, qp, sizeof(qp));
	res_remedy(res, "ssh -o BatchMode=yes -o StrictHostKeyChecking=yes -i %s %s df -P %s   # as root: "
		   "proves the login and shows the room", qk, qw, qp);
	res_set(res, ST_WARN, "%s: key %s (0600, root) and %s:%u are in place; not verified: that %s answers, "
		"accepts the key and has room under %s (%s)", t->line, t->sshkey, KNOWN_HOSTS, line, host, t->path,
		root_is_live(c->root) ? "kdumpcheck does not log in to the server" : "offline root");
}

/* kdump.remote for an nfs target. */
static void remote_nfs(struct ctx *c, const struct dump_target *t, struct result *res)
{
	char qw[600], qp[600];

	if (!nfs_complete(t->where)) {
		res_set(res, ST_PROBLEM, "%s: \"%s\" is not server:/export", t->conf, t->line);
		res_remedy(res, "give the target as server:/export in %s, then %s", t->conf, kdump_reload_cmd(c));
		return;
	}
	sh_quote(t->where, qw, sizeof(qw));
	sh_quote(t->path, qp, sizeof(qp));
	res_remedy(res, "d=$(mktemp -d) && mount -t nfs -o ro %s \"$d\" && df -P \"$d\"%s; umount \"$d\"; rmdir \"$d\"   "
		   "# as root: proves the export mounts and shows the room", qw, qp[0] == '/' ? qp : "");
	res_set(res, ST_WARN, "%s: not verified: that the server answers, exports it to this host and has room "
		"under %s (%s)", t->line, t->path,
		root_is_live(c->root) ? "kdumpcheck does not mount the export" : "offline root");
}

/* kdump.remote: an nfs or ssh target is complete and, as far as can be seen, reachable. */
static void check_remote(struct ctx *c, struct result *res)
{
	const struct dump_target *t = ctx_target(c);

	if (t->kind != TARGET_NFS && t->kind != TARGET_SSH) {
		res_set(res, ST_SKIP, "the dump target is local (%s)", t->line[0] ? t->line : t->path);
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
