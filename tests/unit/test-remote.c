/* test-remote.c - kdump.remote's reading of `df -P` output from the ssh server. */
#include <errno.h>
#include <stdint.h>

#include "checks/common.h"
#include "unit.h"

TEST(df_posix_output)
{
	uint64_t b = 0;

	CHECK_INT(df_avail("Filesystem     1024-blocks     Used Available Capacity Mounted on\n"
			   "/dev/sdb1       1031992064 20480000 1011512064       2% /var/crash\n", &b), 0);
	CHECK(b == 1011512064ULL * 1024);
	/* POSIXLY_CORRECT (or a BSD df) counts 512-byte blocks */
	CHECK_INT(df_avail("Filesystem 512-blocks Used Available Capacity Mounted on\n"
			   "filer:/export 2000 1000 1000 50% /mnt\n", &b), 0);
	CHECK(b == 1000ULL * 512);
}

TEST(df_refused_output)
{
	uint64_t b = 7;

	CHECK_INT(df_avail("", &b), -EINVAL);
	CHECK_INT(df_avail("df: '/var/crash': No such file or directory\n", &b), -EINVAL);
	CHECK_INT(df_avail("Filesystem 1024-blocks Used Available Capacity Mounted on\n", &b), -EINVAL);
	CHECK_INT(df_avail("Filesystem 1024-blocks Used Available Capacity Mounted on\nx y z\n", &b), -EINVAL);
	CHECK_INT(df_avail("Filesystem blocks Used\n/dev/sda 1 2 3 4% /\n", &b), -EINVAL);
	CHECK(b == 7);
}

UNIT_MAIN(T(df_posix_output), T(df_refused_output))
