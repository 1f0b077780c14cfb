/* cmd-test.c - the real proof: crash this host on purpose, harvest judges the capture after the reboot. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cmd.h"
#include "root.h"
#include "teststate.h"
#include "util.h"

const char cmd_test_help[] =
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
		snprintf(why, whylen, "cannot read /sys/kernel/kexec_crash_loaded: %s", strerror(-e));
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
	const char *failed;
	int e = teststate_write_pending(s->root, (int64_t)time(NULL), s->ctx.host.release, s->ctx.host.hostname,
					ctx_target(&s->ctx)->path, &failed);

	if (e && !strcmp(failed, TESTSTATE_DIR))
		snprintf(err, errlen, "cannot create %s: %s", failed, strerror(-e));
	else if (e)
		snprintf(err, errlen, "cannot write %s: %s", failed, strerror(-e));
	return e;
}

int cmd_test(const struct gopts *g, int argc KDC_UNUSED, char **argv KDC_UNUSED)
{
	struct session s;
	char why[512];
	ssize_t w;
	int e, fd;

	if (!g->yes_crash) {
		die_msg("test: this crashes the host on purpose; refusing without --yes-crash-this-host");
		return 1;
	}
	e = session_open(g, &s);
	if (e)
		return e;
	if (loaded(&s, why, sizeof(why))) {
		die_msg("test: refusing: %s", why);
		session_close(&s);
		return 1;
	}
	if (write_pending(&s, why, sizeof(why))) {
		die_msg("test: refusing: %s", why);
		session_close(&s);
		return 1;
	}
	printf("crashing %s now through /proc/sysrq-trigger; after the reboot 'kdumpcheck harvest' records the verdict\n",
	       s.ctx.host.hostname[0] ? s.ctx.host.hostname : "this host");
	fflush(stdout);
	fflush(stderr);
	sync();
	fd = root_open(s.root, "/proc/sysrq-trigger", O_WRONLY);
	if (fd < 0) {
		e = fd;
	} else {
		do
			w = write(fd, "c", 1);
		while (w < 0 && errno == EINTR);
		e = w == 1 ? 0 : w < 0 ? -errno : -EIO;
		close(fd);
	}
	if (e) {
		/* no crash happened: a pending marker now would turn into a false failure */
		teststate_remove_pending(s.root);
		die_msg("test: /proc/sysrq-trigger: %s; nothing crashed, the pending marker is removed", strerror(-e));
		session_close(&s);
		return 1;
	}
	/* only reached when the root is not a live kernel (an image or a test tree) */
	printf("wrote 'c' to %s/proc/sysrq-trigger\n", root_is_live(s.root) ? "" : root_dir(s.root));
	session_close(&s);
	return 0;
}
