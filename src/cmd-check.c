/* cmd-check.c - the preflight: is this host ready to capture a usable vmcore? */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include "check.h"
#include "cmd.h"
#include "dumps.h"
#include "probe.h"
#include "host.h"
#include "policy.h"
#include "root.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--root DIR] [-c FILE] [--format text|json|prom|nagios] [-q|-v] check\n"
	"\n"
	"Runs every preflight check and reports pass, warn, fail or skip for each, with\n"
	"the observed value and, for each problem, a command that fixes it.\n"
	"\n"
	"Checks, in order:\n"
	"  crashkernel.cmdline     /proc/cmdline has a crashkernel= that parses\n"
	"  crashkernel.reserved    memory is reserved for the capture kernel\n"
	"  crashkernel.size        the reservation is at least what the host needs\n"
	"  crashkernel.persistent  the bootloader entry that boots next keeps crashkernel=\n"
	"  kdump.loaded            a capture kernel is loaded\n"
	"  kdump.service           the kdump service starts at boot\n"
	"  kdump.initrd            the kdump initramfs exists and is newer than everything in it\n"
	"  kdump.config            the kdump config parses and filters with makedumpfile -d\n"
	"  kdump.target            the dump directory exists, is writable and has room\n"
	"  kdump.remote            an nfs or ssh target is complete (key, known_hosts); never passed unverified\n"
	"  kdump.failure_action    when saving fails, the capture kernel leaves the host usable\n"
	"  kdump.fence             a cluster node tells the other nodes it is dumping (fence_kdump)\n"
	"  kdump.watchdog          a running hardware watchdog cannot reset the capture kernel\n"
	"  tools.kexec             kexec is installed\n"
	"  tools.makedumpfile      makedumpfile is installed and supports the running kernel\n"
	"  sysctl.<key>            each [sysctl] policy key has the wanted running value\n"
	"  sysctl.persistent       the boot-time sysctl files keep those values\n"
	"  debuginfo.vmlinux       a debug vmlinux for the running kernel is installed\n"
	"  debuginfo.buildid       its build-id matches the running kernel\n"
	"  debuginfo.crash         the crash utility is installed\n"
	"  limits.pid_max          pid_max is large enough and not nearly used up\n"
	"  limits.threads_max      threads-max is not nearly used up\n"
	"  limits.core_pattern     user core dumps have somewhere to go\n"
	"  kdump.tested            the last 'kdumpcheck test' captured a dump\n"
	"  kernel.taint            the kernel is not tainted (or by which modules)\n"
	"\n"
	"Exit status: 0 all passed, 1 warnings, 2 failures, 3 the checks could not run.\n";

/* How long the dump directory may take to be read (a hard NFS mount whose server is gone). */
#define DUMPDIR_BOUND_MS 2000

/* The dump gauges, written by a child process prom_dumps() waits for (see there). */
static void write_dump_gauges(void *arg, FILE *f)
{
	struct session *s = arg;
	struct dump_entry *v = NULL;
	struct root *files = NULL;
	struct statvfs sv;
	char dir[PATH_MAX], why[256];
	size_t n = 0, i, complete = 0;
	int64_t last = 0;
	int e = session_dump_dir(s, dir, sizeof(dir), why, sizeof(why));

	if (!e)
		e = root_new("/", &files);
	if (!e)
		e = dumps_scan(files, dir, &v, &n);
	root_free(files);
	fprintf(f, "kdumpcheck_dump_dir_visible %d\n", e ? 0 : 1);
	if (e)
		return;
	for (i = 0; i < n; i++) {
		if (v[i].state == DUMP_COMPLETE)
			complete++;
		if (v[i].time > last)
			last = v[i].time;
	}
	fputs("# HELP kdumpcheck_dumps Dumps in the dump directory: complete, or not (incomplete, no dump file, unreadable).\n"
	      "# TYPE kdumpcheck_dumps gauge\n", f);
	fprintf(f, "kdumpcheck_dumps{complete=\"true\"} %zu\nkdumpcheck_dumps{complete=\"false\"} %zu\n", complete,
		n - complete);
	fputs("# HELP kdumpcheck_last_crash_timestamp_seconds Crash time of the newest dump, 0 when there is none.\n"
	      "# TYPE kdumpcheck_last_crash_timestamp_seconds gauge\n", f);
	fprintf(f, "kdumpcheck_last_crash_timestamp_seconds %" PRId64 "\n", last);
	dumps_free(v, n);
	/* what is known so far goes out before statvfs, which a dead server can block */
	fflush(f);
	if (statvfs(dir, &sv) == 0) {
		fputs("# HELP kdumpcheck_dump_dir_free_bytes Space free for an unprivileged writer in the dump directory's filesystem.\n"
		      "# TYPE kdumpcheck_dump_dir_free_bytes gauge\n", f);
		fprintf(f, "kdumpcheck_dump_dir_free_bytes %" PRIu64 "\n", vfs_avail(&sv));
	}
}

/*
 * For --format prom: the dumps of the dump directory beside the check gauges,
 * so a fleet's Prometheus also sees dumps pile up or go incomplete. When the
 * directory cannot be read from this host (a remote target, not mounted; or
 * no answer within DUMPDIR_BOUND_MS, all of it read in a child that is then
 * killed: a dead hard NFS mount blocks in the kernel) only
 * kdumpcheck_dump_dir_visible 0 is written.
 */
static void prom_dumps(FILE *f, struct session *s)
{
	static const char visible[] = "kdumpcheck_dump_dir_visible ";
	char buf[4096], *nl;
	size_t len = 0;

	fflush(f);
	fputs("# HELP kdumpcheck_dump_dir_visible Whether the dump directory can be read from this host.\n"
	      "# TYPE kdumpcheck_dump_dir_visible gauge\n", f);
	probe_output(write_dump_gauges, s, DUMPDIR_BOUND_MS, buf, sizeof(buf), &len);
	/* whole lines only: a child killed in statvfs() has written the counts, not the free space */
	nl = len ? memrchr(buf, '\n', len) : NULL;
	if (nl && !strncmp(buf, visible, sizeof(visible) - 1)) {
		nl[1] = '\0';
		fputs(buf, f);
	} else {
		fprintf(f, "%s0\n", visible);
	}
}

static int cmd_check(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct session s;
	struct report rep;
	struct out_opts o;
	int status;

	status = session_open(g, &s);
	if (status)
		return status;
	checks_run(&s.ctx, &rep);
	memset(&o, 0, sizeof(o));
	o.format = g->format;
	o.verbosity = g->verbosity;
	o.color = !g->no_color && !getenv("NO_COLOR") && isatty(STDOUT_FILENO);
	out_report(stdout, &s.ctx, &rep, &o);
	if (g->format == FMT_PROM)
		prom_dumps(stdout, &s);
	status = rep.worst == ST_FAIL ? 2 : rep.worst == ST_WARN ? 1 : 0;
	report_free(&rep);
	session_close(&s);
	return status;
}

const struct verb verb_check = {
	.name = "check",
	.summary = "preflight: is this host ready to capture a usable vmcore? (default)",
	.help = help,
	.max_args = 0,
	.flags = VERB_DEFAULT | VERB_NAGIOS_EXIT,
	.formats = FORMATS_ALL,
	.run = cmd_check,
};
