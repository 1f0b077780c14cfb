/* test-target.c - the dump target and collector of a host, from kdump.conf, kdump-tools or the policy. */
#include <errno.h>
#include <string.h>

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
	CHECK_INT(target_dir_host(NULL, &t, out, sizeof(out)), -EREMOTE);
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

UNIT_MAIN(T(device_by_uuid), T(ssh_targets_and_keys), T(el6_net_is_nfs), T(raw_device), T(local_targets), T(missing_dump_directory))
