/*
 * target.h - the dump target of the judged host: where kdump writes its
 * dumps, as /etc/kdump.conf (a target line such as "ext4 UUID=...",
 * "nfs host:/export", "ssh user@host", "raw /dev/sdc", and "path") or
 * /etc/default/kdump-tools (KDUMP_COREDIR) says, else the policy's
 * [dump] path. Also how the capture runs makedumpfile, which the same
 * configuration says. The config is read through the root layer; nothing
 * here prints.
 */
#ifndef KDC_TARGET_H
#define KDC_TARGET_H

#include <stddef.h>

struct root;

/* The key kdump uses for an ssh target when none is configured (EL and kdump-tools alike). */
#define TARGET_DEFAULT_SSHKEY "/root/.ssh/kdump_id_rsa"

enum target_kind {
	TARGET_LOCAL,		/* a directory on the root filesystem */
	TARGET_DEVICE,		/* a filesystem kdump mounts: "ext4 /dev/sdb1", "xfs UUID=..." */
	TARGET_NFS,		/* "nfs host:/export" (EL6's "net host:/export", Debian's NFS= too) */
	TARGET_SSH,		/* "ssh user@host" (EL6's "net user@host", Debian's SSH= too) */
	TARGET_RAW,		/* "raw /dev/sdc": the dump written to the bare device */
};

/* How a device target names its device. */
enum target_naming {
	TNAME_NONE,		/* not a device target */
	TNAME_PATH,		/* "/dev/sdb1", "/dev/mapper/vg-crash" */
	TNAME_UUID,		/* "UUID=..." */
	TNAME_LABEL,		/* "LABEL=..." */
	TNAME_OTHER,		/* another TAG=value form (PARTUUID=, PARTLABEL=) */
};

struct dump_target {
	enum target_kind kind;
	enum target_naming naming;
	char type[32];		/* the target line's keyword ("ext4", "nfs"); "" for TARGET_LOCAL */
	char where[512];	/* its argument: the device, export or user@host; "" for TARGET_LOCAL */
	char line[600];		/* the target line as configured, "TYPE WHERE", for messages; "" for TARGET_LOCAL */
	char path[512];		/* the dump directory (on the target for a remote one) */
	char mount[512];	/* a device or NFS target's mount point on this host; "" when none is known */
	int configured;		/* path came from kdump.conf / kdump-tools, not the policy */
	char conf[32];		/* the config file it came from; "" for the policy's path */
	int conf_err;		/* 0, or -errno: the config file (conf) exists but cannot be read: the target is not known */
	char sshkey[512];	/* the key of an ssh target (sshkey, SSH_KEY, else the default) */
	unsigned target_line;	/* the target line's number in conf; 0 for none */
	char failure_action[32];	/* kdump.conf's failure_action/default when known ("dump_to_rootfs"); "" */

	/* where a device, raw or NFS target is on this host (target_resolve() finds it) */
	char device[512];	/* the device node a device or raw target resolved to ("/dev/sdb1"); "" when not */
	char found_by[32];	/* what resolved it: "/dev/disk/by-uuid", "libblkid", "path" */
	int dev_err;		/* 0, or why the device did not resolve (-ENOENT, -ENOTBLK, -EINVAL, -errno) */
	char mount_from[16];	/* "/proc/mounts" (mounted), "/etc/fstab" (would be), "" (neither) */
	unsigned mount_line;	/* the mount's line in mount_from */
	char mount_type[32];	/* the filesystem type of that mount */
	char mount_opts[256];	/* its options */
	int mounted;		/* the target is mounted on this host now (at mount) */
	char dir[1024];		/* the dump directory on this host: path, or mount + path; "" when not here */
};

/* How the capture kernel runs makedumpfile, from the same configuration. */
struct dump_collector {
	int dump_level;		/* makedumpfile's -d N; -1 unknown */
	char args[1024];	/* makedumpfile's options ("-l --message-level 1 -d 31") */
	char from[64];		/* where they came from: "/etc/kdump.conf", "MAKEDUMP_ARGS", "default" */
};

/*
 * Resolve the target of the host under r: /etc/kdump.conf when it exists,
 * else /etc/default/kdump-tools, else policy_path (the policy's [dump] path).
 * Always fills t and col (col may be NULL).
 */
void target_resolve(struct root *r, const char *policy_path, struct dump_target *t, struct dump_collector *col);
/*
 * The same with /etc/kdump.conf already parsed (by ctx_kdump_conf()): kc, or
 * NULL when the root has none that can be read (kc_err: -ENOENT none, else why).
 */
struct kdump_conf;
void target_resolve_conf(struct root *r, const struct kdump_conf *kc, int kc_err, const char *policy_path,
			 struct dump_target *t, struct dump_collector *col);

/* Is the target a directory of this host (not another filesystem or host)? */
int target_is_local(const struct dump_target *t);

/* The dump directory t->path as an absolute host path (under the root), checked no further: 0 or -errno. */
int target_path_host(const struct root *r, const struct dump_target *t, char *out, size_t outlen);

/*
 * The dump directory as an absolute host path, checked: 0; -EREMOTE (an ssh
 * target, or a raw one before it is saved); -ENOTCONN (a device or NFS
 * target not mounted on this host); -ENODEV (a device target whose device
 * is not on this host); -ENOENT (no such directory), -ENOTDIR or -errno.
 * target_where() says it in words for the verbs' messages.
 */
int target_dir_host(const struct root *r, const struct dump_target *t, char *out, size_t outlen);

/* Why the dumps of t are not on this host (err from target_dir_host()), one clause. */
void target_where(const struct dump_target *t, int err, char *out, size_t outlen);

#endif
