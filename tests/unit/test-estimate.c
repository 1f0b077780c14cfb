/*
 * test-estimate.c - the crashkernel= sum held to the measurements: for every
 * guest of tests/vm/crashkernel-min.tsv (the QEMU harness's smallest working
 * crashkernel= per guest RAM, vCPUs and capture initramfs), the estimate from
 * that guest's facts is never below the measured minimum and at most 25 %
 * above it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "estimate.h"
#include "unit.h"

#define TSV "tests/vm/crashkernel-min.tsv"
#define MiB ((uint64_t)1 << 20)

/* One measured guest, as the formula reads it. */
static int facts_of(char *line, struct est_facts *f, uint64_t *min, char *what, size_t whatlen)
{
	char *col[12], *save = NULL, *w;
	int n = 0;

	for (w = strtok_r(line, "\t\n", &save); w && n < 12; w = strtok_r(NULL, "\t\n", &save))
		col[n++] = w;
	if (n < 10)
		return -1;
	memset(f, 0, sizeof(*f));
	f->mem_total = strtoull(col[1], NULL, 10) * MiB;
	f->cpus = f->possible = (unsigned)strtoul(col[2], NULL, 10);
	f->capture_nr_cpus = (unsigned)strtoul(col[3], NULL, 10);
	f->kernel_init = strtoull(col[6], NULL, 10);
	f->initrd_file = strtoull(col[7], NULL, 10);
	f->initrd_unpacked = strtoull(col[8], NULL, 10);
	f->env = !strcmp(col[0], "debian") ? ENV_ROOTFS_SYSTEMD : ENV_BUSYBOX;
	f->dump_level = 31;
	*min = strtoull(col[9], NULL, 10) * MiB;
	snprintf(what, whatlen, "%s %s MiB %s vCPU", col[0], col[1], col[2]);
	return !strcmp(col[0], "small") || !strcmp(col[0], "debian") ? 0 : -1;
}

TEST(estimate_within_a_quarter_above_every_measured_minimum)
{
	FILE *fp = fopen(TSV, "r");
	char line[1024], what[96];
	int rows = 0, kinds = 0;

	CHECK(fp != NULL);
	if (!fp)
		return;
	while (fgets(line, sizeof(line), fp)) {
		struct est_facts f;
		struct estimate e;
		uint64_t min;

		if (line[0] == '#' || !strncmp(line, "initrd\t", 7))
			continue;
		CHECK(facts_of(line, &f, &min, what, sizeof(what)) == 0);
		estimate_sum(&f, &e);
		if (getenv("KDC_SHOW") || e.crash_size < min || e.crash_size * 4 > min * 5) {
			printf("# %s: estimate %llu MiB, measured minimum %llu MiB\n", what,
			       (unsigned long long)(e.crash_size / MiB), (unsigned long long)(min / MiB));
			CHECK(e.crash_size >= min && e.crash_size * 4 <= min * 5);
		}
		kinds |= f.env == ENV_ROOTFS_SYSTEMD ? 2 : 1;
		rows++;
	}
	fclose(fp);
	/* both capture initramfs, every RAM size and vCPU count: 2 x 5 x 3 */
	CHECK(rows >= 30);
	CHECK_INT(kinds, 3);
}

TEST(terms_sum_to_the_recommendation)
{
	struct est_facts f;
	struct estimate e;
	uint64_t sum = 0;
	int i;

	memset(&f, 0, sizeof(f));
	f.mem_total = 4096 * MiB;
	f.cpus = f.possible = 8;
	f.env = ENV_DRACUT_SYSTEMD;
	f.dump_level = 31;
	f.network = 1;
	f.luks = 1;
	estimate_sum(&f, &e);
	for (i = 0; i < e.nterms; i++)
		sum += e.terms[i].bytes;
	CHECK(e.crash_size >= sum && e.crash_size - sum < EST_ROUND && e.crash_size % EST_ROUND == 0);
	/* no nr_cpus=: every possible CPU; network and LUKS counted; unknown figures assumed */
	CHECK_INT(e.capture_cpus, 8);
	CHECK(strstr(e.terms[0].source, "assumed") != NULL);
	for (i = 0; i < e.nterms && strcmp(e.terms[i].name, "LUKS"); i++)
		;
	CHECK(i < e.nterms);
	f.capture_nr_cpus = 1;
	f.capture_maxcpus = 0;
	estimate_sum(&f, &e);
	CHECK_INT(e.capture_cpus, 1);
	f.capture_nr_cpus = 0;
	f.capture_maxcpus = 1;
	estimate_sum(&f, &e);
	CHECK_INT(e.capture_cpus, 8);
}

TEST(dump_size_and_crashkernel_values)
{
	char v[32];

	CHECK_U64(estimate_dump_size(10 * MiB, 31), MiB);
	CHECK_U64(estimate_dump_size(10 * MiB, 1), 10 * MiB);
	CHECK_U64(estimate_dump_size(10 * MiB, -1), MiB);
	estimate_ck_value(136 * MiB, v, sizeof(v));
	CHECK_STR(v, "136M");
	estimate_ck_value(4440 * MiB, v, sizeof(v));
	CHECK_STR(v, "4440M");
	estimate_ck_value(MiB + 1, v, sizeof(v));
	CHECK_STR(v, "1025K");
}

UNIT_MAIN(T(estimate_within_a_quarter_above_every_measured_minimum), T(terms_sum_to_the_recommendation),
	  T(dump_size_and_crashkernel_values))
