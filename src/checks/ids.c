/* ids.c - the fixed check ids of SPEC §3. */
#include <string.h>

#include "checks/ids.h"

const char *const check_ids[] = {
	"crashkernel.cmdline", "crashkernel.reserved", "crashkernel.size", "crashkernel.persistent",
	"kdump.loaded", "kdump.service", "kdump.initrd", "kdump.config", "kdump.target",
	"kdump.remote", "kdump.failure_action", "kdump.fence", "kdump.watchdog",
	"tools.kexec", "tools.makedumpfile",
	"sysctl.persistent",
	"debuginfo.vmlinux", "debuginfo.buildid", "debuginfo.crash",
	"limits.pid_max", "limits.threads_max", "limits.core_pattern",
	"kdump.tested", "kernel.taint",
	NULL,
};

int check_id_fixed(const char *id)
{
	size_t i;

	for (i = 0; check_ids[i]; i++)
		if (!strcmp(check_ids[i], id))
			return 1;
	return 0;
}
