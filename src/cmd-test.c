/* cmd-test.c - the real proof: crash this host on purpose, harvest judges the capture after the reboot. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "out/print.h"
#include "root.h"
#include "target.h"
#include "teststate.h"
#include "util.h"

static const char help[] =
	"usage: kdumpcheck [--root DIR] test --yes-crash-this-host\n"
	"\n"
	"Crashes this host through /proc/sysrq-trigger to prove that kdump captures a dump.\n"
	"Refuses without --yes-crash-this-host, and refuses when no capture kernel is loaded\n"
	"(/sys/kernel/kexec_crash_loaded is not 1). Before the crash it writes the pending\n"
	"marker " TESTSTATE_PENDING " (fsynced); after the reboot 'kdumpcheck\n"
	"harvest' turns it into " TESTSTATE_VERDICT " (success with the dump's\n"
	"path, size and capture time, or failure), which 'check' reports as kdump.tested.\n"
	"Run it in a maintenance window: the host goes down at once.\n";

/* Is a capture kernel loaded? 0 yes, else fills why. */
static int loaded(struct session *s, char *why, size_t whylen)
{
	const char *data;
	char v[32];
	size_t len;
	int e = root_read(s->root, "/sys/kernel/kexec_crash_loaded", &data, &len);

	if (e) {
		snprintf(why, whylen, "cannot read /sys/kernel/kexec_crash_loaded: %s", root_strerror(e));
		return -1;
	}
	if (text_value(data, len, v, sizeof(v)) || strcmp(v, "1")) {
		snprintf(why, whylen, "no capture kernel is loaded (kexec_crash_loaded is %s): a crash now would lose the "
				      "evidence; run 'kdumpcheck check' and fix what it says first",
			 v[0] ? v : "empty");
		return -1;
	}
	return 0;
}

/* Write the pending marker, durable before the crash. */
static int write_pending(struct session *s, char *err, size_t errlen)
{
	const struct dump_target *t = ctx_target(&s->ctx);
	const char *failed;
	int ssh = t->kind == TARGET_SSH;
	/* where the dumps will be after the reboot: a device target's mount + path, the server's path for ssh */
	int e = teststate_write_pending(s->root, (int64_t)time(NULL), s->ctx.host.release, s->ctx.host.hostname,
					t->dir[0] ? t->dir : t->path, ssh ? t->where : NULL, ssh ? t->sshkey : NULL,
					&failed);

	if (e && !strcmp(failed, TESTSTATE_DIR))
		snprintf(err, errlen, "cannot create %s: %s", failed, root_strerror(e));
	else if (e)
		snprintf(err, errlen, "cannot write %s: %s", failed, root_strerror(e));
	return e;
}

/*
 * Open /proc/sysrq-trigger of the running kernel, before anything is written:
 * a regular file on procfs, never a device or a file bound over it.
 */
static int sysrq_open(struct session *s, char *why, size_t whylen)
{
	int fd = root_open_kernel(s->root, "/proc/sysrq-trigger", O_WRONLY);

	if (fd < 0)
		snprintf(why, whylen, "/proc/sysrq-trigger: %s", root_strerror(fd));
	return fd;
}

/* Write 'c' to the opened /proc/sysrq-trigger; 0 or -errno. */
static int sysrq_crash(int fd)
{
	ssize_t w;

	do
		w = write(fd, "c", 1);
	while (w < 0 && errno == EINTR);
	return w == 1 ? 0 : w < 0 ? -errno : -EIO;
}

static int cmd_test(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct session s;
	char why[512];
	int e, fd;

	if (!gopt_flag(g, "yes-crash-this-host"))
		return kdc_error(1, "test: this crashes the host on purpose; refusing without --yes-crash-this-host");
	e = session_open(g, &s);
	if (e)
		return e;
	fd = sysrq_open(&s, why, sizeof(why));
	if (fd < 0 || loaded(&s, why, sizeof(why)) || write_pending(&s, why, sizeof(why))) {
		if (fd >= 0)
			close(fd);
		session_close(&s);
		return kdc_error(1, "test: refusing: %s", why);
	}
	/* said before the crash: nothing printed after it is ever seen */
	print_begin(g->format, PRINT_OBJECT);
	print_str(PRINT_JSON, "schema", NULL, "kdumpcheck.test-start/1");
	print_str(PRINT_ANY, "crashing", "crashing %s now through /proc/sysrq-trigger; ",
		  s.ctx.host.hostname[0] ? s.ctx.host.hostname : "this host");
	print_str(PRINT_ANY, "pending", "after the reboot 'kdumpcheck harvest' turns %s into the verdict\n", TESTSTATE_PENDING);
	print_end();
	fflush(stderr);
	sync();
	e = sysrq_crash(fd);
	close(fd);
	/* still running: no crash happened, and a pending marker now would turn into a false failure */
	teststate_remove_pending(s.root);
	session_close(&s);
	if (e)
		return kdc_error(1, "test: /proc/sysrq-trigger: %s; nothing crashed, the pending marker is removed",
				 root_strerror(e));
	return kdc_error(1, "test: wrote 'c' to /proc/sysrq-trigger but the kernel did not crash; the pending marker is removed");
}

static const struct verb_opt opts[] = {
	{ "yes-crash-this-host", 0 },
	{ NULL, 0 },
};

const struct verb verb_test = {
	.name = "test",
	.summary = "crash this host on purpose to prove the capture (--yes-crash-this-host)",
	.help = help,
	.opts = opts,
	.max_args = 0,
	.flags = VERB_LIVE_ONLY,
	.formats = FORMATS_TEXT_JSON,
	.run = cmd_test,
};
