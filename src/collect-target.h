/*
 * collect-target.h - where 'collect' writes in the capture kernel when the
 * kdump config names a device target ("ext4 UUID=...", "xfs LABEL=...",
 * "ext4 /dev/vdb1"): under its mount point when it is mounted, else on the
 * device mounted by collect itself at /kdumproot (the live root only), and
 * when the target is missing, cannot be mounted or the capture on it fails,
 * what the host's own failure action says: dump_to_rootfs saves on the root
 * filesystem's dump path; reboot, halt, poweroff and shell are done by the
 * capture environment, not by collect, which saves the kernel log where it
 * can and exits non-zero. Nothing here prints but collect_target_release().
 */
#ifndef KDC_COLLECT_TARGET_H
#define KDC_COLLECT_TARGET_H

#include <limits.h>
#include <stddef.h>

struct root;
struct dump_target;
struct json_object;
struct sbuf;

/* Where EL's kdump dracut module mounts a device target, and so does collect. */
#define COLLECT_MOUNT_POINT "/kdumproot"

/* What collect decided about a device target. */
struct collect_where {
	int device;		/* the config names a device, NFS or ssh target: the rest is filled */
	const char *used;	/* "target", "rootfs fallback", or NULL: no dump written (log only) */
	char reason[1200];	/* why that one */
	char mounted[PATH_MAX];	/* the mount point collect mounted the device on; "" when it did not */
	int released;		/* collect_target_release() unmounted it (or tried) */
	char action[64];	/* the failure action: "dump_to_rootfs", "reboot", "halt", "poweroff", "shell" */
	char action_src[160];	/* where it is set: "/etc/kdump.conf:7: failure_action dump_to_rootfs" */
	char host_will[200];	/* what the host does after a failure, in words */
	int log_only;		/* the target is unusable and the action is not dump_to_rootfs: save the log only */
};

/*
 * The dump directory for a capture with no --target, as a host path in dir.
 * For a target that is not a device: target_path_host() as before (w->device
 * is 0). For a device target: its mounted dump directory, the device mounted
 * by collect, or the failure action's choice (w says which and why). 0, or
 * -errno with err saying why nothing can be written (a device target not
 * mounted under a --root other than /).
 */
int collect_target_choose(struct root *r, const struct dump_target *t, struct collect_where *w, char *dir,
			  size_t dirlen, char *err, size_t errlen);

/*
 * After a capture on a device target failed (why): when the failure action is
 * dump_to_rootfs, the root filesystem's dump directory in dir and 1; else 0.
 */
int collect_target_fallback(struct root *r, const struct dump_target *t, struct collect_where *w, const char *why,
			    char *dir, size_t dirlen);

/* Sync and unmount what collect mounted (a warning on stderr when it cannot). */
void collect_target_release(struct collect_where *w);

/* The "target" object of the sidecar and of the collect JSON; NULL when not a device target. */
struct json_object *collect_target_json(const struct dump_target *t, const struct collect_where *w);

/* The lines of the reason file that say which target was used, why, and what the host will do. */
void collect_target_reason(const struct dump_target *t, const struct collect_where *w, struct sbuf *b);

#endif
