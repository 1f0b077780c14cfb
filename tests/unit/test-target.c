/* test-target.c - the dump target and collector of a host, from kdump.conf, kdump-tools or the policy. */
#include <errno.h>
#include <string.h>

#include "blockdev.h"
#include "parse/mounts.h"
#include "root.h"
#include "target.h"
#include "unit.h"

#define DATA "tests/unit/data/target/"

/* Resolve the target of the fixture host name (policy path /var/policy-crash). */
static int resolve(const char *name, struct dump_target *t, struct dump_collector *col)
{
	char dir[256];
	struct root *r = NULL;

	snprintf(dir, sizeof(dir), DATA "%s", name);
	if (root_new(dir, &r))
		return -1;
	target_resolve(r, "/var/policy-crash", t, col);
	root_free(r);
	return 0;
}

TEST(device_by_uuid)
{
	struct dump_target t;
	struct dump_collector col;
	CHECK_INT(resolve("uuid", &t, &col), 0);
	CHECK_INT(t.kind, TARGET_DEVICE);
	CHECK_INT(t.naming, TNAME_UUID);
	CHECK_STR(t.type, "xfs");
	CHECK_STR(t.where, "UUID=0f3c1b2a-6d5e-4c1b-9a8e-2b7c4d5e6f70");
	CHECK_STR(t.line, "xfs UUID=0f3c1b2a-6d5e-4c1b-9a8e-2b7c4d5e6f70");
	CHECK_STR(t.path, "/crash");
	CHECK_STR(t.mount, "");
	CHECK(t.configured);
	CHECK(!target_is_local(&t));
	CHECK_INT(col.dump_level, 31);
	CHECK_STR(col.args, "-l --message-level 1 -d 31");
	CHECK_STR(col.from, "/etc/kdump.conf");
}

TEST(el6_net_is_nfs)
{
	struct dump_target t;
	struct dump_collector col;
	char out[256];
	CHECK_INT(resolve("net", &t, &col), 0);
	CHECK_INT(t.kind, TARGET_NFS);
	CHECK_INT(t.naming, TNAME_NONE);
	CHECK_STR(t.line, "nfs dumps.example.com:/export/crash");
	CHECK_STR(t.path, "/var/crash");
	CHECK_INT(col.dump_level, 17);
	CHECK_STR(col.args, "-c -d 17");
	/* an export not mounted here: its dumps are not on this host */
	CHECK_INT(target_dir_host(NULL, &t, out, sizeof(out)), -ENOTCONN);
}

TEST(raw_device)
{
	struct dump_target t;
	CHECK_INT(resolve("raw", &t, NULL), 0);
	CHECK_INT(t.kind, TARGET_RAW);
	CHECK_INT(t.naming, TNAME_PATH);
	CHECK_STR(t.where, "/dev/sdc");
}

/* A local target: where it is, and the collector that goes with it. */
struct local_case {
	const char *fixture, *path;
	int configured, dump_level;
	const char *args, *from;
};

static const struct local_case local_cases[] = {
	/* kdump.conf with a path and a collector other than makedumpfile */
	{ "local", "/var/crash/local", 1, -1, "-l --message-level 1 -d 31", "default" },
	/* kdump-tools */
	{ "debian", "/srv/crash", 1, 31, "-c -d 31", "MAKEDUMP_ARGS" },
	/* neither: the policy's path */
	{ "none", "/var/policy-crash", 0, -1, "-l --message-level 1 -d 31", "default" },
};

TEST(local_targets)
{
	struct dump_target t;
	struct dump_collector col;
	size_t i;

	for (i = 0; i < sizeof(local_cases) / sizeof(local_cases[0]); i++) {
		const struct local_case *k = &local_cases[i];
		CHECK_INT(resolve(k->fixture, &t, &col), 0);
		CHECK_INT(t.kind, TARGET_LOCAL);
		CHECK(target_is_local(&t));
		CHECK_STR(t.line, "");
		CHECK_STR(t.path, k->path);
		CHECK_INT(t.configured, k->configured);
		CHECK_INT(col.dump_level, k->dump_level);
		CHECK_STR(col.args, k->args);
		CHECK_STR(col.from, k->from);
	}
}

TEST(missing_dump_directory)
{
	struct dump_target t;
	struct root *r = NULL;
	char out[256];
	CHECK_INT(resolve("none", &t, NULL), 0);
	CHECK_INT(root_new(DATA "none", &r), 0);
	CHECK_INT(target_dir_host(r, &t, out, sizeof(out)), -ENOENT);
	root_free(r);
}

TEST(ssh_targets_and_keys)
{
	struct dump_target t;
	CHECK_INT(resolve("debian-ssh", &t, NULL), 0);
	CHECK_INT(t.kind, TARGET_SSH);
	CHECK_STR(t.line, "SSH=kdump@backup01.example.com");
	CHECK_STR(t.where, "kdump@backup01.example.com");
	CHECK_STR(t.sshkey, "/root/.ssh/backup_key");
	CHECK_STR(t.path, "/srv/crash");
	CHECK_STR(t.conf, "/etc/default/kdump-tools");
	CHECK_INT(resolve("ssh-key", &t, NULL), 0);
	CHECK_INT(t.kind, TARGET_SSH);
	CHECK_STR(t.sshkey, "/root/.ssh/other_key");
	CHECK_STR(t.conf, "/etc/kdump.conf");
	CHECK_INT(resolve("net", &t, NULL), 0);
	CHECK_STR(t.sshkey, TARGET_DEFAULT_SSHKEY);
}

TEST(mounts_grammar)
{
	static const char text[] = "# a comment\n\n/dev/sda1 /boot ext4 rw 0 0\n"
				   "/dev/sdb1\t/mnt/a\\040b xfs\n"
				   "short line\n"
				   "UUID=\"ab-cd\" /data ext4 defaults,noauto 0 2\n";
	struct mount_table t;
	CHECK_INT(mounts_parse(text, sizeof(text) - 1, &t), -EINVAL);
	CHECK_INT(t.bad_line, 5);
	CHECK_INT((int)t.n, 3);
	CHECK_STR(t.v[0].file, "/boot");
	CHECK_INT(t.v[0].line, 3);
	CHECK_STR(t.v[1].file, "/mnt/a b");
	CHECK_STR(t.v[1].opts, "defaults");
	CHECK_STR(t.v[2].spec, "UUID=\"ab-cd\"");
	CHECK(mounts_has_opt(t.v[2].opts, "noauto"));
	CHECK(!mounts_has_opt(t.v[2].opts, "no"));
	mounts_free(&t);
	/* a NUL in a line: that line is refused, not cut short */
	CHECK_INT(mounts_parse("/dev/a /x\0y ext4 rw\n", 19, &t), -EINVAL);
	CHECK_INT((int)t.n, 0);
	mounts_free(&t);
}

TEST(device_mounted_by_uuid)
{
	struct dump_target t;
	struct root *r = NULL;
	char out[512], dev[256];
	const char *how;
	CHECK_INT(resolve("uuid-mounted", &t, NULL), 0);
	CHECK_STR(t.device, "/dev/sdb1");
	CHECK_STR(t.found_by, "/dev/disk/by-uuid");
	CHECK_INT(t.dev_err, 0);
	CHECK(t.mounted);
	CHECK_STR(t.mount, "/crash");
	CHECK_STR(t.mount_from, "/proc/mounts");
	CHECK_STR(t.mount_type, "xfs");
	CHECK_STR(t.dir, "/crash/var/crash");
	CHECK_INT(root_new(DATA "uuid-mounted", &r), 0);
	CHECK_INT(target_dir_host(r, &t, out, sizeof(out)), 0);
	CHECK(strstr(out, "uuid-mounted/crash/var/crash") != NULL);
	/* a label with a space: udev's \x20 in the link name */
	CHECK_INT(blockdev_resolve(r, "LABEL=\"my disk\"", dev, sizeof(dev), &how), 0);
	CHECK_STR(dev, "/dev/sdc1");
	CHECK_INT(blockdev_resolve(r, "UUID=nope", dev, sizeof(dev), &how), -ENOENT);
	CHECK_INT(blockdev_resolve(r, "UUID=", dev, sizeof(dev), &how), -EINVAL);
	CHECK_INT(blockdev_resolve(r, "UUID=../../etc", dev, sizeof(dev), &how), -EINVAL);
	CHECK_INT(blockdev_resolve(r, "SERIAL=x", dev, sizeof(dev), &how), -EINVAL);
	CHECK_INT(blockdev_resolve(r, "/dev/sdz", dev, sizeof(dev), &how), -ENOENT);
	root_free(r);
}

TEST(nfs_mounted_here)
{
	struct dump_target t;
	CHECK_INT(resolve("nfs-mounted", &t, NULL), 0);
	CHECK_INT(t.kind, TARGET_NFS);
	CHECK(t.mounted);
	CHECK_STR(t.mount, "/mnt/dumps");
	CHECK_STR(t.dir, "/mnt/dumps/kdump");
}

UNIT_MAIN(T(mounts_grammar), T(device_mounted_by_uuid), T(nfs_mounted_here), T(device_by_uuid), T(ssh_targets_and_keys), T(el6_net_is_nfs), T(raw_device), T(local_targets), T(missing_dump_directory))
