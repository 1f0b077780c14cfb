/* cmd-estimate.c - the crashkernel= this host needs, and the sum behind it. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "cmd.h"
#include "estimate.h"
#include "out/print.h"
#include "parse/crashkernel.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--root DIR] [--json] estimate\n"
	"\n"
	"Recommends a crashkernel= size for this host: the sum, term by term, of what\n"
	"the capture kernel holds at its peak (its image, the kdump initramfs unpacked,\n"
	"per-CPU areas, the capture tools, makedumpfile's bitmaps for this much RAM,\n"
	"network or LUKS when the target needs them, a margin), read from this host's\n"
	"own files. Beside it: what crashkernel=auto reserves here on EL6 and EL7,\n"
	"today's RHEL x86_64 table and Debian's kdump-tools default; and the dump's\n"
	"expected size and capture time.\n";

/* The tables other tools use, each as its crashkernel= value. */
static const struct {
	const char *name;
	const char *value;	/* a crashkernel= value, or NULL for crashkernel=auto */
	int el;
	const char *what;
} tables[] = {
	{ "el6-auto", NULL, 6, "crashkernel=auto on EL6 (128M + 64M per TiB, nothing below 2 GiB)" },
	{ "el7-auto", NULL, 7, "crashkernel=auto on EL7 (160M + 64M per TiB, nothing below 2 GiB)" },
	{ "rhel-table", "1G-4G:192M,4G-64G:256M,64G-:512M", 0, "the RHEL 9 x86_64 default" },
	{ "debian", "384M-:128M", 0, "Debian's kdump-tools default" },
};

static void print_defaults(uint64_t ram)
{
	size_t i;

	print_text("\nWhat other defaults give this host:\n");
	print_open_array("defaults");
	for (i = 0; i < ARRAY_SIZE(tables); i++) {
		struct crashkernel ck;
		uint64_t size = 0;
		char sz[32], value[96];

		if (tables[i].value && ck_parse_value(tables[i].value, &ck, NULL) == 0)
			size = ck_size_for(&ck, ram);
		else if (!tables[i].value)
			size = ck_auto_size(ram, tables[i].el);
		if (size)
			fmt_size(size, sz, sizeof(sz));
		else
			xstrlcpy(sz, "nothing", sizeof(sz));
		snprintf(value, sizeof(value), "%s", size ? sz : "0");
		print_open_object(NULL);
		print_str(PRINT_ANY, "name", "  %-11s", tables[i].name);
		print_str(PRINT_ANY, "value", " %-8s", value);
		print_u64(PRINT_JSON, "bytes", NULL, size);
		print_str(PRINT_ANY, "rule", " %s", tables[i].value ? tables[i].value : "auto");
		print_str(PRINT_ANY, "source", ": %s\n", tables[i].what);
		print_close();
	}
	print_close();
}

static int cmd_estimate(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct session s;
	const struct estimate *e;
	char w[32], rec[32];
	uint64_t reserved = 0, sum = 0;
	int status, i;

	status = session_open(g, &s);
	if (status)
		return status;
	if (!s.ctx.host.mem_total) {
		session_close(&s);
		return kdc_error(1, "estimate: %s: RAM size unknown", s.ctx.host.meminfo_err == -EINVAL ?
				 "/proc/meminfo does not parse" : "no /proc/meminfo under this root");
	}
	e = ctx_estimate(&s.ctx);
	ctx_reserved(&s.ctx, &reserved);
	estimate_ck_value(e->crash_size, rec, sizeof(rec));
	print_begin(g->format, PRINT_OBJECT);
	print_str(PRINT_JSON, "schema", NULL, "kdumpcheck.estimate/1");
	print_str(PRINT_ANY, "recommended", "crashkernel=%s recommended for this host", rec);
	print_u64(PRINT_JSON, "recommended_bytes", NULL, e->crash_size);
	fmt_size(e->ram, w, sizeof(w));
	print_u64(PRINT_ANY, "ram_bytes", NULL, e->ram);
	print_text(" (RAM %s", w);
	print_u64(PRINT_ANY, "cpus", ", %" PRIu64 " CPUs", s.ctx.host.cpus);
	print_u64(PRINT_JSON, "capture_cpus", NULL, e->capture_cpus);
	print_u64(PRINT_ANY, "reserved_bytes", NULL, reserved);
	fmt_size(reserved, w, sizeof(w));
	print_text(", %s reserved now)\n\n", reserved ? w : "nothing");
	print_open_array("terms");
	for (i = 0; i < e->nterms; i++) {
		fmt_size(e->terms[i].bytes, w, sizeof(w));
		sum += e->terms[i].bytes;
		print_open_object(NULL);
		print_str(PRINT_ANY, "name", "  %-20s", e->terms[i].name);
		print_text(" %8s  ", w);
		print_u64(PRINT_JSON, "bytes", NULL, e->terms[i].bytes);
		print_str(PRINT_ANY, "source", "%s\n", e->terms[i].source);
		print_close();
	}
	print_close();
	fmt_size(sum, w, sizeof(w));
	print_text("  %-20s %8s  rounded up to a multiple of %" PRIu64 "M: %s\n", "sum", w, EST_ROUND >> 20, rec);
	print_defaults(e->ram);
	print_open_object("dump");
	fmt_size(e->dump_size, w, sizeof(w));
	print_u64(PRINT_JSON, "level", NULL, (uint64_t)(e->dump_level < 0 ? 31 : e->dump_level));
	print_u64(PRINT_JSON, "expected_bytes", NULL, e->dump_size);
	print_text("\nThe dump: about %s at makedumpfile -d %d", w, e->dump_level < 0 ? 31 : e->dump_level);
	print_u64(PRINT_ANY, "expected_seconds", ", about %" PRIu64 " s to capture\n", e->dump_seconds);
	print_close();
	status = print_end() ? 1 : 0;
	session_close(&s);
	return status;
}

const struct verb verb_estimate = {
	.name = "estimate",
	.summary = "recommend a crashkernel= size for this host, and explain the sum",
	.help = help,
	.max_args = 0,
	.formats = FORMATS_TEXT_JSON,
	.run = cmd_estimate,
};
