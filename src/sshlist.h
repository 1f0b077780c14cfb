/*
 * sshlist.h - the dumps under the remote path of an ssh dump target, listed
 * with one bounded login as kdump itself logs in (the configured key,
 * BatchMode, a known host key). The layouts kdump writes there:
 *
 *   EL (kdump.sh of kexec-tools / kdump-utils):
 *     PATH/<ip-or-host>-<YYYY-MM-DD-hh:mm:ss>/vmcore.flat   makedumpfile -F through ssh
 *                                            /vmcore        scp as the core_collector
 *                                            /vmcore-incomplete  while it is written
 *                                            /vmcore-dmesg.txt
 *   Debian (kdump-config of kdump-tools):
 *     $KDUMP_COREDIR/[<hosttag>-]<YYYYMMDDhhmm>/dump.<YYYYMMDDhhmm>
 *                                              /dump-incomplete  while it is written
 *                                              /dmesg.<YYYYMMDDhhmm>
 *
 * The names and the crash time in them are the capture kernel's local time.
 * Everything the server sends is untrusted: names are kept escaped
 * (quote_bytes()), the output is bounded, lines that do not parse are skipped.
 */
#ifndef KDC_SSHLIST_H
#define KDC_SSHLIST_H

#include <stddef.h>
#include <stdint.h>

struct dump_target;

/* The whole login and listing, in milliseconds (ssh's own ConnectTimeout is 5 s). */
#define SSHLIST_BOUND_MS 15000
/* At most this much of the server's output is read. */
#define SSHLIST_MAX_OUTPUT (4u << 20)
/* At most this many dump directories are kept. */
#define SSHLIST_MAX_DUMPS 20000

/* One dump directory on the server. */
struct ssh_dump {
	char dir[256];		/* its name under the remote path, escaped for printing */
	char vmcore[64];	/* the dump file in it ("vmcore.flat", "dump.<stamp>", "vmcore-incomplete"); "" none */
	int complete;		/* the dump file has its final name */
	uint64_t size;		/* of the dump file */
	int64_t mtime;		/* of the dump file (the server's clock); 0 unknown */
	int dmesg;		/* vmcore-dmesg.txt or dmesg.<stamp> is there */
	int sidecar;		/* a vmcore.json (tag's sidecar) is there */
	int64_t crash_time;	/* from the directory name; -1 when it does not parse */
	int crash_prec;		/* the seconds that name's time stands for: 1 (EL), 60 (Debian) */
	char host[256];		/* the host part of the name, escaped; "" none */
};

/* What a listing found. */
enum sshlist_status {
	SSHL_OK,		/* listed (maybe nothing) */
	SSHL_NODIR,		/* the server answered: there is no such directory */
	SSHL_UNREACHABLE,	/* ssh did not log in: cannot run, timed out, refused, unknown host key */
	SSHL_ERROR,		/* logged in, but the listing failed on the server */
};

struct ssh_listing {
	struct ssh_dump *v;	/* newest first */
	size_t n;
	int truncated;		/* more output or dumps than the bounds: the rest was dropped */
};

/*
 * List the dumps under t->path on t->where (an ssh target) with t->sshkey.
 * Returns the status; why says what went wrong (ssh's own last line of
 * stderr, "timed out after 15 s", the exit status), "" on SSHL_OK.
 */
enum sshlist_status sshlist_run(const struct dump_target *t, struct ssh_listing *out, char *why, size_t whylen);

/* Parse the remote listing (lines "SIZE MTIME HEXMODE DIR/NAME"). 0. */
int sshlist_parse(const char *buf, size_t len, struct ssh_listing *out);

/*
 * The crash time a dump directory's name holds, as local time:
 * "<host>-YYYY-MM-DD-hh:mm:ss" (prec 1) or "[<host>-]YYYYMMDDhhmm" (prec 60).
 * 0 with *t, *prec and host ("" when none) filled, or -EINVAL.
 */
int sshlist_dir_time(const char *name, int64_t *t, int *prec, char *host, size_t hostlen);

/* The remote command that lists path (exposed for tests). */
void sshlist_command(const char *path, char *out, size_t outlen);

void sshlist_free(struct ssh_listing *l);

#endif
