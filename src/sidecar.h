/*
 * sidecar.h - the metadata of one saved dump (SPEC §5), read from the dump's
 * own headers, its kernel log and the judged host's debuginfo, written next
 * to it as VMCORE.json.
 */
#ifndef KDC_SIDECAR_H
#define KDC_SIDECAR_H

#include <stddef.h>

struct root;
struct json_object;

/* The files of one dump, found from a vmcore path or its directory. */
struct dump_files {
	char vmcore[4096];	/* the dump file (host path) */
	char dmesg[4096];	/* its saved kernel log, "" when none */
	char dir[4096];		/* the directory holding it */
	char dir_host[256];	/* "<host>" of a RHEL "<host>-<date>" directory name, "" otherwise */
	int incomplete_name;	/* named vmcore-incomplete */
};

/*
 * Find the dump in path: a vmcore file itself, or a dump directory holding
 * vmcore, vmcore-incomplete (RHEL) or dump.<ts> (Debian). Paths are absolute
 * paths of the machine we run on, read through files (a root of "/").
 * 0, -ENODATA (a directory with no dump in it), -errno (-ENOENT: no such path).
 */
int dump_locate(struct root *files, const char *path, struct dump_files *df);

struct tag_opts {
	int no_hash;
	int progress;		/* draw a progress bar on stderr while hashing */
};

/*
 * Build the sidecar of one dump. judged is the --root host (debug vmlinux,
 * machine-id, dump directory). Returns 0 with *out set, -ENOEXEC when the
 * file is not a vmcore, -errno; err says why.
 */
int sidecar_build(struct root *judged, struct root *files, const char *dump_dir_on_host, const struct dump_files *df,
		  const struct tag_opts *o, struct json_object **out, char *err, size_t errlen);

/* Write it atomically beside the vmcore as VMCORE.json (mode 0600). 0 or -errno. */
int sidecar_write(struct root *files, const struct dump_files *df, struct json_object *side, char *path_out,
		  size_t pathlen);

/*
 * Is the sidecar of this dump current: newer than the vmcore, of our schema,
 * naming this path (a sidecar written in the capture kernel names another),
 * and with a sha256 when need_hash? 1 yes, 0 no.
 */
int sidecar_current(struct root *files, const struct dump_files *df, int need_hash);

/* The sidecar path of a vmcore: VMCORE.json. */
int sidecar_path(const struct dump_files *df, char *out, size_t outlen);

#endif
