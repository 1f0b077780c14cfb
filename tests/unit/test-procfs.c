/* test-procfs.c - unit tests for the /proc/iomem, /proc/meminfo and /proc/loadavg parsers. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "parse/procfs.h"

#define M_ ((uint64_t)1 << 20)

/* Parse a NUL-terminated fixture. */
#define IOMEM(s, t, h, l) iomem_crash_kernel((s), strlen(s), (t), (h), (l))
#define MEMINFO(s, mi, l) meminfo_parse((s), strlen(s), (mi), (l))
#define LOADAVG(s, r, t) loadavg_parse((s), strlen(s), (r), (t))

/* CentOS 6.10 KVM guest, 2 GiB, crashkernel=auto became 129M@0M, placed at 48 MiB. */
static const char c6_iomem[] =
	"00000000-0000ffff : reserved\n"
	"00010000-0009fbff : System RAM\n"
	"0009fc00-0009ffff : reserved\n"
	"000a0000-000bffff : PCI Bus 0000:00\n"
	"000c0000-000c8bff : Video ROM\n"
	"000c9000-000c99ff : Adapter ROM\n"
	"000f0000-000fffff : reserved\n"
	"  000f0000-000fffff : System ROM\n"
	"00100000-7fffdfff : System RAM\n"
	"  01000000-0154fa84 : Kernel code\n"
	"  0154fa85-01c2030f : Kernel data\n"
	"  01d6e000-0208c0a7 : Kernel bss\n"
	"  03000000-0b0fffff : Crash kernel\n"
	"7fffe000-7fffffff : reserved\n"
	"80000000-febfffff : PCI Bus 0000:00\n"
	"  f4000000-f7ffffff : 0000:00:02.0\n"
	"  f8000000-f8ffffff : 0000:00:02.0\n"
	"  f9000000-f901ffff : 0000:00:03.0\n"
	"  f9030000-f9030fff : 0000:00:02.0\n"
	"  f9031000-f9031fff : 0000:00:05.0\n"
	"    f9031000-f9031fff : ahci\n"
	"fec00000-fec003ff : IOAPIC 0\n"
	"fee00000-fee00fff : Local APIC\n"
	"fffbc000-ffffffff : reserved\n";

/* CentOS 7.9 KVM guest, 4 GiB, crashkernel=auto: 161M at 704 MiB, RAM above 4G. */
static const char c7_iomem[] =
	"00000000-00000fff : reserved\n"
	"00001000-0009fbff : System RAM\n"
	"0009fc00-0009ffff : reserved\n"
	"000a0000-000bffff : PCI Bus 0000:00\n"
	"000c0000-000c95ff : Video ROM\n"
	"000c9800-000ca5ff : Adapter ROM\n"
	"000f0000-000fffff : reserved\n"
	"  000f0000-000fffff : System ROM\n"
	"00100000-bffd9fff : System RAM\n"
	"  01000000-0178f1c4 : Kernel code\n"
	"  0178f1c5-01d2ab3f : Kernel data\n"
	"  01ee3000-02214fff : Kernel bss\n"
	"  2c000000-360fffff : Crash kernel\n"
	"bffda000-bfffffff : reserved\n"
	"c0000000-febfffff : PCI Bus 0000:00\n"
	"  fc000000-fdffffff : 0000:00:02.0\n"
	"    fc000000-fdffffff : cirrusdrmfb\n"
	"  feb80000-febbffff : 0000:00:03.0\n"
	"  febd0000-febd0fff : 0000:00:02.0\n"
	"    febd0000-febd0fff : cirrusdrmfb\n"
	"  febd1000-febd1fff : 0000:00:03.0\n"
	"fec00000-fec003ff : IOAPIC 0\n"
	"fee00000-fee00fff : Local APIC\n"
	"feffc000-feffffff : reserved\n"
	"fffc0000-ffffffff : reserved\n"
	"100000000-13fffffff : System RAM\n";

/* Debian 12 KVM guest, crashkernel=384M-:128M. */
static const char d12_iomem[] =
	"00000000-00000fff : Reserved\n"
	"00001000-0009fbff : System RAM\n"
	"0009fc00-0009ffff : Reserved\n"
	"000a0000-000bffff : PCI Bus 0000:00\n"
	"000c0000-000c99ff : Video ROM\n"
	"000ca000-000cadff : Adapter ROM\n"
	"000cb000-000cb5ff : Adapter ROM\n"
	"000f0000-000fffff : Reserved\n"
	"  000f0000-000fffff : System ROM\n"
	"00100000-7ffdffff : System RAM\n"
	"  2b000000-32ffffff : Crash kernel\n"
	"  5d600000-5e401e46 : Kernel code\n"
	"  5e600000-5ef5efff : Kernel rodata\n"
	"  5f000000-5f2b53ff : Kernel data\n"
	"  5f6ae000-5f9fffff : Kernel bss\n"
	"7ffe0000-7fffffff : Reserved\n"
	"80000000-afffffff : PCI Bus 0000:00\n"
	"b0000000-bfffffff : PCI MMCONFIG 0000 [bus 00-ff]\n"
	"  b0000000-bfffffff : Reserved\n"
	"c0000000-febfffff : PCI Bus 0000:00\n"
	"  fd000000-fdffffff : 0000:00:01.0\n"
	"    fd000000-fdffffff : bochs-drm\n"
	"  fe000000-fe003fff : 0000:00:02.0\n"
	"    fe000000-fe003fff : virtio-pci-modern\n"
	"fec00000-fec003ff : IOAPIC 0\n"
	"fed00000-fed003ff : HPET 0\n"
	"  fed00000-fed003ff : PNP0103:00\n"
	"fee00000-fee00fff : Local APIC\n"
	"feffc000-feffffff : Reserved\n"
	"fffc0000-ffffffff : Reserved\n"
	"100000000-17fffffff : PCI Bus 0000:00\n";

/* The same Debian 12 file read by a user without CAP_SYS_ADMIN. */
static const char d12_iomem_user[] =
	"00000000-00000000 : Reserved\n"
	"00000000-00000000 : System RAM\n"
	"00000000-00000000 : Reserved\n"
	"00000000-00000000 : PCI Bus 0000:00\n"
	"00000000-00000000 : System RAM\n"
	"  00000000-00000000 : Crash kernel\n"
	"  00000000-00000000 : Kernel code\n"
	"  00000000-00000000 : Kernel rodata\n"
	"00000000-00000000 : Local APIC\n";

/* CentOS 7 with crashkernel=256M,high: 256M above 4G plus the 256M low default. */
static const char c7_iomem_high[] =
	"00100000-bffdffff : System RAM\n"
	"  01000000-0178f1c4 : Kernel code\n"
	"  af000000-beffffff : Crash kernel\n"
	"bffe0000-bfffffff : reserved\n"
	"100000000-43fffffff : System RAM\n"
	"  42f000000-43effffff : Crash kernel\n";

/* Debian 12 without a reservation. */
static const char d12_iomem_none[] =
	"00000000-00000fff : Reserved\n"
	"00001000-0009fbff : System RAM\n"
	"00100000-7ffdffff : System RAM\n"
	"  5d600000-5e401e46 : Kernel code\n"
	"  5f6ae000-5f9fffff : Kernel bss\n"
	"fee00000-fee00fff : Local APIC\n"
	"100000000-17fffffff : PCI Bus 0000:00";

TEST(iomem_centos6)
{
	uint64_t total = 1;
	int hidden = 7;

	CHECK_INT(IOMEM(c6_iomem, &total, &hidden, NULL), 1);
	CHECK_U64(total, 129 * M_);
	CHECK_INT(hidden, 0);
}

TEST(iomem_centos7)
{
	uint64_t total = 0;
	int hidden = 1;

	CHECK_INT(IOMEM(c7_iomem, &total, &hidden, NULL), 1);
	CHECK_U64(total, 161 * M_);
	CHECK_INT(hidden, 0);
}

TEST(iomem_debian12)
{
	uint64_t total = 0;
	int hidden = 1;

	CHECK_INT(IOMEM(d12_iomem, &total, &hidden, NULL), 1);
	CHECK_U64(total, 128 * M_);
	CHECK_INT(hidden, 0);
}

TEST(iomem_high_and_low_summed)
{
	uint64_t total = 0;
	int hidden = 1;

	CHECK_INT(IOMEM(c7_iomem_high, &total, &hidden, NULL), 2);
	CHECK_U64(total, 512 * M_);
	CHECK_INT(hidden, 0);
}

TEST(iomem_no_reservation)
{
	uint64_t total = 99;
	int hidden = 1;

	CHECK_INT(IOMEM(d12_iomem_none, &total, &hidden, NULL), 0);
	CHECK_U64(total, 0);
	CHECK_INT(hidden, 0);
	CHECK_INT(iomem_crash_kernel("", 0, &total, &hidden, NULL), 0);
	CHECK_INT(iomem_crash_kernel(NULL, 0, &total, &hidden, NULL), 0);
	CHECK_U64(total, 0);
}

TEST(iomem_zeroed_when_not_root)
{
	uint64_t total = 99;
	int hidden = 0;

	CHECK_INT(IOMEM(d12_iomem_user, &total, &hidden, NULL), 1);
	CHECK_INT(hidden, 1);
	CHECK_U64(total, 0);
}

TEST(iomem_name_must_match_whole)
{
	uint64_t total = 0;
	int hidden = 0;

	CHECK_INT(IOMEM("  03000000-0b0fffff : Crash kernel low\n"
			"  03000000-0b0fffff : crash kernel\n"
			"  03000000-0b0fffff : Crash kernel\r\n", &total, &hidden, NULL), 1);
	CHECK_U64(total, 129 * M_);
}

TEST(iomem_sixteen_digit_addresses)
{
	uint64_t total = 0;
	int hidden = 0;

	CHECK_INT(IOMEM("0000000000100000-00000000bffdffff : System RAM\n"
			"  000000002c000000-00000000360fffff : Crash kernel\n"
			"ffffffff00000000-ffffffffffffffff : Reserved\n", &total, &hidden, NULL), 1);
	CHECK_U64(total, 161 * M_);
}

TEST(iomem_malformed)
{
	static const char *const bad[] = {
		"00100000-bffd9fff System RAM\n",
		"00100000:bffd9fff : System RAM\n",
		"00100000-bffd9fff : \n",
		"00100000-bffd9fff :System RAM\n",
		"-bffd9fff : System RAM\n",
		"00100000- : System RAM\n",
		"0g100000-bffd9fff : System RAM\n",
		"bffd9fff-00100000 : System RAM\n",
		"00000000000000000-00000000000fffff : System RAM\n",
		"Crash kernel\n",
		"garbage\n",
	};
	uint64_t total;
	int hidden;
	unsigned errline = 0;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errline = 0;
		CHECK_INT(IOMEM(bad[i], &total, &hidden, &errline), -EINVAL);
		CHECK_INT(errline, 1);
	}
	CHECK_INT(IOMEM("00000000-00000fff : Reserved\n"
			"00001000-0009fbff : System RAM\n"
			"  03000000-0b0fffff Crash kernel\n", &total, &hidden, &errline), -EINVAL);
	CHECK_INT(errline, 3);
}

TEST(iomem_hostile_bytes)
{
	static const char nul_in_name[] = "  03000000-0b0fffff : Crash\0kernel\n";
	static const char nul_in_addr[] = "  0300\0000-0b0fffff : Crash kernel\n";
	static const char truncated[] = "00100000-bffd9fff : System RAM\n  03000000-0b0f";
	uint64_t total;
	int hidden;
	unsigned errline = 0;

	CHECK_INT(iomem_crash_kernel(nul_in_name, sizeof(nul_in_name) - 1, &total, &hidden, &errline), -EINVAL);
	CHECK_INT(errline, 1);
	CHECK_INT(iomem_crash_kernel(nul_in_addr, sizeof(nul_in_addr) - 1, &total, &hidden, &errline), -EINVAL);
	CHECK_INT(iomem_crash_kernel(truncated, sizeof(truncated) - 1, &total, &hidden, &errline), -EINVAL);
	CHECK_INT(errline, 2);
	/* a length shorter than the text: the parser must stop there */
	CHECK_INT(iomem_crash_kernel(c6_iomem, 29, &total, &hidden, &errline), 0);
	/* ... and a cut one byte into the next line leaves a broken line */
	CHECK_INT(iomem_crash_kernel(c6_iomem, 30, &total, &hidden, &errline), -EINVAL);
	CHECK_INT(errline, 2);
	/* "Crash kernel" cut off by len is just another name */
	CHECK_INT(iomem_crash_kernel("  03000000-0b0fffff : Crash kernel", 30, &total, &hidden, &errline), 0);
}

TEST(iomem_whole_address_space_refused)
{
	uint64_t total = 5;
	int hidden;
	unsigned errline = 0;

	CHECK_INT(IOMEM("0000000000000000-ffffffffffffffff : Crash kernel\n", &total, &hidden, &errline), -EINVAL);
	CHECK_INT(errline, 1);
	CHECK_INT(IOMEM("0000000000000000-fffffffffffffffe : Crash kernel\n"
			"ffffffffffffffff-ffffffffffffffff : Crash kernel\n", &total, &hidden, &errline), -EINVAL);
	CHECK_INT(errline, 2);
}

TEST(iomem_huge_buffer)
{
	size_t line_len = strlen("  03000000-0b0fffff : Crash kernel\n"), n = 40000, i;
	char *buf = malloc(line_len * n + 1);
	uint64_t total = 0;
	int hidden = 1, r;

	CHECK(buf != NULL);
	for (i = 0; i < n; i++)
		memcpy(buf + i * line_len, "  03000000-0b0fffff : Crash kernel\n", line_len);
	r = iomem_crash_kernel(buf, line_len * n, &total, &hidden, NULL);
	free(buf);
	CHECK_INT(r, 40000);
	CHECK_U64(total, 40000 * 129 * M_);
	/* one line of 2 MB */
	buf = malloc(2 << 20);
	CHECK(buf != NULL);
	memset(buf, '0', 2 << 20);
	r = iomem_crash_kernel(buf, 2 << 20, &total, &hidden, NULL);
	free(buf);
	CHECK_INT(r, -EINVAL);
}

/* CentOS 6.5 (2.6.32-431), 2 GiB guest: no MemAvailable yet. */
static const char c6_meminfo[] =
	"MemTotal:        1922016 kB\n"
	"MemFree:          975408 kB\n"
	"Buffers:           55436 kB\n"
	"Cached:           652944 kB\n"
	"SwapCached:            0 kB\n"
	"Active:           484020 kB\n"
	"Inactive:         298616 kB\n"
	"Active(anon):      74628 kB\n"
	"Inactive(anon):      152 kB\n"
	"Active(file):     409392 kB\n"
	"Inactive(file):   298464 kB\n"
	"Unevictable:           0 kB\n"
	"Mlocked:               0 kB\n"
	"SwapTotal:       4128760 kB\n"
	"SwapFree:        4128760 kB\n"
	"Dirty:                12 kB\n"
	"Writeback:             0 kB\n"
	"AnonPages:         74280 kB\n"
	"Mapped:            25984 kB\n"
	"Shmem:               528 kB\n"
	"Slab:             105212 kB\n"
	"SReclaimable:      72580 kB\n"
	"SUnreclaim:        32632 kB\n"
	"KernelStack:        1184 kB\n"
	"PageTables:         4036 kB\n"
	"NFS_Unstable:          0 kB\n"
	"Bounce:                0 kB\n"
	"WritebackTmp:          0 kB\n"
	"CommitLimit:     5089768 kB\n"
	"Committed_AS:     172036 kB\n"
	"VmallocTotal:   34359738367 kB\n"
	"VmallocUsed:      160116 kB\n"
	"VmallocChunk:   34359570412 kB\n"
	"HardwareCorrupted:     0 kB\n"
	"AnonHugePages:     24576 kB\n"
	"HugePages_Total:       0\n"
	"HugePages_Free:        0\n"
	"HugePages_Rsvd:        0\n"
	"HugePages_Surp:        0\n"
	"Hugepagesize:       2048 kB\n"
	"DirectMap4k:        8180 kB\n"
	"DirectMap2M:     2088960 kB\n";

/* CentOS 7.9 (3.10.0-1160), 2 GiB guest. */
static const char c7_meminfo[] =
	"MemTotal:        1882772 kB\n"
	"MemFree:         1198640 kB\n"
	"MemAvailable:    1459540 kB\n"
	"Buffers:            2108 kB\n"
	"Cached:           384440 kB\n"
	"SwapCached:            0 kB\n"
	"Active:           328488 kB\n"
	"Inactive:         188368 kB\n"
	"Active(anon):     130760 kB\n"
	"Inactive(anon):     8496 kB\n"
	"Active(file):     197728 kB\n"
	"Inactive(file):   179872 kB\n"
	"Unevictable:           0 kB\n"
	"Mlocked:               0 kB\n"
	"SwapTotal:       2097148 kB\n"
	"SwapFree:        2097148 kB\n"
	"Dirty:                 0 kB\n"
	"Writeback:             0 kB\n"
	"AnonPages:        130336 kB\n"
	"Mapped:            53176 kB\n"
	"Shmem:              8952 kB\n"
	"Slab:              77296 kB\n"
	"SReclaimable:      36568 kB\n"
	"SUnreclaim:        40728 kB\n"
	"KernelStack:        4480 kB\n"
	"PageTables:         6308 kB\n"
	"NFS_Unstable:          0 kB\n"
	"Bounce:                0 kB\n"
	"WritebackTmp:          0 kB\n"
	"CommitLimit:     3038532 kB\n"
	"Committed_AS:     765012 kB\n"
	"VmallocTotal:   34359738367 kB\n"
	"VmallocUsed:      185484 kB\n"
	"VmallocChunk:   34359310332 kB\n"
	"HardwareCorrupted:     0 kB\n"
	"AnonHugePages:     75776 kB\n"
	"CmaTotal:              0 kB\n"
	"CmaFree:               0 kB\n"
	"HugePages_Total:       0\n"
	"HugePages_Free:        0\n"
	"HugePages_Rsvd:        0\n"
	"HugePages_Surp:        0\n"
	"Hugepagesize:       2048 kB\n"
	"DirectMap4k:       83840 kB\n"
	"DirectMap2M:     2013184 kB\n";

/* Debian 12 (6.1.0-18-amd64), 4 GiB guest. */
static const char d12_meminfo[] =
	"MemTotal:        4010664 kB\n"
	"MemFree:         3155284 kB\n"
	"MemAvailable:    3470156 kB\n"
	"Buffers:           21364 kB\n"
	"Cached:           478116 kB\n"
	"SwapCached:            0 kB\n"
	"Active:           159636 kB\n"
	"Inactive:         480580 kB\n"
	"Active(anon):        728 kB\n"
	"Inactive(anon):   148888 kB\n"
	"Active(file):     158908 kB\n"
	"Inactive(file):   331692 kB\n"
	"Unevictable:           0 kB\n"
	"Mlocked:               0 kB\n"
	"SwapTotal:        998396 kB\n"
	"SwapFree:         998396 kB\n"
	"Zswap:                 0 kB\n"
	"Zswapped:              0 kB\n"
	"Dirty:                 8 kB\n"
	"Writeback:             0 kB\n"
	"AnonPages:        140768 kB\n"
	"Mapped:            95624 kB\n"
	"Shmem:              8880 kB\n"
	"KReclaimable:      41592 kB\n"
	"Slab:              88724 kB\n"
	"SReclaimable:      41592 kB\n"
	"SUnreclaim:        47132 kB\n"
	"KernelStack:        3344 kB\n"
	"PageTables:         3412 kB\n"
	"SecPageTables:         0 kB\n"
	"NFS_Unstable:          0 kB\n"
	"Bounce:                0 kB\n"
	"WritebackTmp:          0 kB\n"
	"CommitLimit:     3003728 kB\n"
	"Committed_AS:     725932 kB\n"
	"VmallocTotal:   34359738367 kB\n"
	"VmallocUsed:       20608 kB\n"
	"VmallocChunk:          0 kB\n"
	"Percpu:             1600 kB\n"
	"HardwareCorrupted:     0 kB\n"
	"AnonHugePages:         0 kB\n"
	"ShmemHugePages:        0 kB\n"
	"ShmemPmdMapped:        0 kB\n"
	"FileHugePages:         0 kB\n"
	"FilePmdMapped:         0 kB\n"
	"HugePages_Total:       0\n"
	"HugePages_Free:        0\n"
	"HugePages_Rsvd:        0\n"
	"HugePages_Surp:        0\n"
	"Hugepagesize:       2048 kB\n"
	"Hugetlb:               0 kB\n"
	"DirectMap4k:      110440 kB\n"
	"DirectMap2M:     4083712 kB\n"
	"DirectMap1G:           0 kB\n";

TEST(meminfo_centos6)
{
	struct meminfo mi;
	unsigned errline = 0;

	CHECK_INT(MEMINFO(c6_meminfo, &mi, &errline), 0);
	CHECK_INT(mi.have_total, 1);
	CHECK_U64(mi.mem_total, (uint64_t)1922016 * 1024);
	CHECK_U64(mi.mem_free, (uint64_t)975408 * 1024);
	CHECK_INT(mi.have_available, 0);
	CHECK_U64(mi.mem_available, 0);
}

TEST(meminfo_centos7)
{
	struct meminfo mi;

	CHECK_INT(MEMINFO(c7_meminfo, &mi, NULL), 0);
	CHECK_U64(mi.mem_total, (uint64_t)1882772 * 1024);
	CHECK_U64(mi.mem_free, (uint64_t)1198640 * 1024);
	CHECK_INT(mi.have_available, 1);
	CHECK_U64(mi.mem_available, (uint64_t)1459540 * 1024);
}

TEST(meminfo_debian12)
{
	struct meminfo mi;

	CHECK_INT(MEMINFO(d12_meminfo, &mi, NULL), 0);
	CHECK_U64(mi.mem_total, (uint64_t)4010664 * 1024);
	CHECK_U64(mi.mem_available, (uint64_t)3470156 * 1024);
	CHECK_INT(mi.have_total, 1);
	CHECK_INT(mi.have_available, 1);
}

TEST(meminfo_no_trailing_newline)
{
	struct meminfo mi;

	CHECK_INT(MEMINFO("MemFree:  10 kB\nMemTotal:        1882772 kB", &mi, NULL), 0);
	CHECK_U64(mi.mem_total, (uint64_t)1882772 * 1024);
	CHECK_U64(mi.mem_free, 10240);
	CHECK_INT(MEMINFO("MemTotal:        1882772 kB\r\n", &mi, NULL), 0);
	CHECK_U64(mi.mem_total, (uint64_t)1882772 * 1024);
}

TEST(meminfo_missing_total)
{
	struct meminfo mi;
	unsigned errline = 0;

	CHECK_INT(MEMINFO("MemFree:          975408 kB\nBuffers:           55436 kB\n", &mi, &errline), -ENOENT);
	CHECK_INT(mi.have_total, 0);
	CHECK_INT(meminfo_parse("", 0, &mi, &errline), -ENOENT);
	CHECK_INT(meminfo_parse(NULL, 0, &mi, &errline), -ENOENT);
	/* a key that only starts with MemTotal is not MemTotal */
	CHECK_INT(MEMINFO("MemTotalX:        1882772 kB\n", &mi, &errline), -ENOENT);
}

TEST(meminfo_overflow)
{
	struct meminfo mi;
	unsigned errline = 0;

	/* the largest kB value that still fits in bytes */
	CHECK_INT(MEMINFO("MemTotal: 18014398509481983 kB\n", &mi, &errline), 0);
	CHECK_U64(mi.mem_total, (uint64_t)18014398509481983 * 1024);
	CHECK_INT(MEMINFO("MemTotal: 18014398509481984 kB\n", &mi, &errline), -EINVAL);
	CHECK_INT(errline, 1);
	CHECK_INT(MEMINFO("MemFree: 1 kB\nMemTotal: 99999999999999999999999 kB\n", &mi, &errline), -EINVAL);
	CHECK_INT(errline, 2);
	/* other lines may hold any u64, but not more */
	CHECK_INT(MEMINFO("MemTotal: 1 kB\nVmallocTotal: 18446744073709551615 kB\n", &mi, &errline), 0);
	CHECK_INT(MEMINFO("MemTotal: 1 kB\nVmallocTotal: 18446744073709551616 kB\n", &mi, &errline), -EINVAL);
	CHECK_INT(errline, 2);
}

TEST(meminfo_malformed)
{
	static const char *const bad[] = {
		"MemTotal 1882772 kB\n",
		"MemTotal:\n",
		"MemTotal: kB\n",
		"MemTotal: -1882772 kB\n",
		"MemTotal: 1882772 KB\n",
		"MemTotal: 1882772 kB extra\n",
		"MemTotal: 1882772kB\n",
		"MemTotal: 1882772 MB\n",
		"MemTotal: 0x1cbb94 kB\n",
		"MemTotal: 1882772\n",		/* MemTotal without its unit */
		": 5 kB\n",
		"Mem Total: 5 kB\n",
		"garbage\n",
	};
	struct meminfo mi;
	unsigned errline = 0;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		errline = 0;
		if (MEMINFO(bad[i], &mi, &errline) != -EINVAL)
			printf("#   line \"%s\"\n", bad[i]);
		CHECK_INT(MEMINFO(bad[i], &mi, &errline), -EINVAL);
		CHECK_INT(errline, 1);
	}
	CHECK_INT(MEMINFO("MemTotal:        1882772 kB\nMemFree:         1198640 kB\n\x01\x02\n", &mi, &errline), -EINVAL);
	CHECK_INT(errline, 3);
}

TEST(meminfo_hostile_bytes)
{
	static const char nul[] = "MemTotal:        18\0082772 kB\n";
	struct meminfo mi;
	unsigned errline = 0;
	char *big;
	int r;

	CHECK_INT(meminfo_parse(nul, sizeof(nul) - 1, &mi, &errline), -EINVAL);
	CHECK_INT(errline, 1);
	/* len shorter than the buffer: only "MemTotal:   " is seen */
	CHECK_INT(meminfo_parse(c7_meminfo, 14, &mi, &errline), -EINVAL);
	/* a 4 MB line of digits */
	big = malloc(4 << 20);
	CHECK(big != NULL);
	memcpy(big, "MemTotal: ", 10);
	memset(big + 10, '9', (4 << 20) - 10);
	r = meminfo_parse(big, 4 << 20, &mi, &errline);
	free(big);
	CHECK_INT(r, -EINVAL);
}

TEST(loadavg_real)
{
	uint64_t running = 0, total = 0;

	/* CentOS 6 */
	CHECK_INT(LOADAVG("0.08 0.03 0.05 1/187 2384\n", &running, &total), 0);
	CHECK_U64(running, 1);
	CHECK_U64(total, 187);
	/* CentOS 7 */
	CHECK_INT(LOADAVG("0.00 0.01 0.05 2/213 1873\n", &running, &total), 0);
	CHECK_U64(running, 2);
	CHECK_U64(total, 213);
	/* Debian 12 under load, no trailing newline */
	CHECK_INT(LOADAVG("12.34 10.02 8.75 17/1543 987654", &running, &total), 0);
	CHECK_U64(running, 17);
	CHECK_U64(total, 1543);
	/* a busy host near pid_max */
	CHECK_INT(LOADAVG("311.52 296.09 284.77 305/4194000 4194303\n", &running, &total), 0);
	CHECK_U64(total, 4194000);
}

TEST(loadavg_malformed)
{
	static const char *const bad[] = {
		"",
		"\n",
		"0.00 0.01 0.05\n",
		"0.00 0.01 0.05 1/123\n",
		"0.00 0.01 0.05 1-123 4567\n",
		"0.00 0.01 0.05 /123 4567\n",
		"0.00 0.01 0.05 1/ 4567\n",
		"0.00 0.01 1/123 4567\n",
		"0.00 0.01 0.05 1/123 4567 extra\n",
		"0.00 0.01 0.05 1/123 4567\n\n",
		"0,00 0,01 0,05 1/123 4567\n",
		"0.00  0.01 0.05 1/123 4567\n",
		"a.bc 0.01 0.05 1/123 4567\n",
		"0.00 0.01 0.05 1/99999999999999999999 4567\n",
	};
	uint64_t running = 42, total = 42;
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		if (LOADAVG(bad[i], &running, &total) != -EINVAL)
			printf("#   loadavg \"%s\"\n", bad[i]);
		CHECK_INT(LOADAVG(bad[i], &running, &total), -EINVAL);
	}
	CHECK_U64(running, 42);
	CHECK_U64(total, 42);
	CHECK_INT(loadavg_parse(NULL, 0, &running, &total), -EINVAL);
}

TEST(loadavg_hostile_bytes)
{
	static const char nul[] = "0.00 0.01 0.05 1/1\00023 4567\n";
	uint64_t running, total;

	CHECK_INT(loadavg_parse(nul, sizeof(nul) - 1, &running, &total), -EINVAL);
	/* cut by len in the middle of the task count */
	CHECK_INT(loadavg_parse("0.00 0.01 0.05 1/123 4567\n", 17, &running, &total), -EINVAL);
}

UNIT_MAIN(
	T(iomem_centos6),
	T(iomem_centos7),
	T(iomem_debian12),
	T(iomem_high_and_low_summed),
	T(iomem_no_reservation),
	T(iomem_zeroed_when_not_root),
	T(iomem_name_must_match_whole),
	T(iomem_sixteen_digit_addresses),
	T(iomem_malformed),
	T(iomem_hostile_bytes),
	T(iomem_whole_address_space_refused),
	T(iomem_huge_buffer),
	T(meminfo_centos6),
	T(meminfo_centos7),
	T(meminfo_debian12),
	T(meminfo_no_trailing_newline),
	T(meminfo_missing_total),
	T(meminfo_overflow),
	T(meminfo_malformed),
	T(meminfo_hostile_bytes),
	T(loadavg_real),
	T(loadavg_malformed),
	T(loadavg_hostile_bytes)
)
