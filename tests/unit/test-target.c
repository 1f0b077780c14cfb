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

TEST(local_path_and_other_collector)
{
	struct dump_target t;
	struct dump_collector col;
	CHECK_INT(resolve("local", &t, &col), 0);
	CHECK_INT(t.kind, TARGET_LOCAL);
	CHECK_STR(t.line, "");
	CHECK_STR(t.path, "/var/crash/local");
	CHECK(target_is_local(&t));
	CHECK_INT(col.dump_level, -1);
	CHECK_STR(col.args, "-l --message-level 1 -d 31");
	CHECK_STR(col.from, "default");
}

TEST(debian_coredir)
{
	struct dump_target t;
	struct dump_collector col;
	CHECK_INT(resolve("debian", &t, &col), 0);
	CHECK_INT(t.kind, TARGET_LOCAL);
	CHECK_STR(t.path, "/srv/crash");
	CHECK(t.configured);
	CHECK_INT(col.dump_level, 31);
	CHECK_STR(col.args, "-c -d 31");
	CHECK_STR(col.from, "MAKEDUMP_ARGS");
}

TEST(no_config_is_the_policy_path)
{
	struct dump_target t;
	struct dump_collector col;
	struct root *r = NULL;
	char out[256];
	CHECK_INT(resolve("none", &t, &col), 0);
	CHECK_INT(t.kind, TARGET_LOCAL);
	CHECK_STR(t.path, "/var/policy-crash");
	CHECK(!t.configured);
	CHECK_INT(col.dump_level, -1);
	CHECK_INT(root_new(DATA "none", &r), 0);
	CHECK_INT(target_dir_host(r, &t, out, sizeof(out)), -ENOENT);
	root_free(r);
}

UNIT_MAIN(T(device_by_uuid), T(el6_net_is_nfs), T(raw_device), T(local_path_and_other_collector), T(debian_coredir),
	  T(no_config_is_the_policy_path))
