/*
 * dmesg.h - the crash story told by a dump's kernel log (vmcore-dmesg.txt,
 * Debian's dmesg.<ts>, or makedumpfile --dump-dmesg): why the kernel
 * panicked, which tasks were blocked, the taint, out-of-tree modules.
 * Understands the message formats of 2.6.32, 3.10, 4.x, 5.x and 6.x kernels,
 * with or without "[    1.234567] " timestamps and "<N>" levels.
 */
#ifndef KDC_VMCORE_DMESG_H
#define KDC_VMCORE_DMESG_H

#include <stddef.h>

enum crash_class {
	CRASH_UNKNOWN = 0,
	CRASH_SYSRQ,		/* SysRq : Trigger a crash */
	CRASH_HUNG_TASK,	/* hung_task: blocked tasks / "blocked for more than N seconds" + hung_task_panic */
	CRASH_SOFTLOCKUP,	/* BUG: soft lockup - CPU#0 stuck for 22s! + softlockup: hung tasks */
	CRASH_HARDLOCKUP,	/* Watchdog detected hard LOCKUP on cpu N */
	CRASH_OOPS,		/* BUG: unable to handle kernel NULL pointer dereference / paging request, general protection fault, Oops: */
	CRASH_BUG,		/* kernel BUG at file:line! */
	CRASH_OOM,		/* Out of memory and panic_on_oom / "System is deadlocked on memory" */
	CRASH_NMI,		/* NMI: ... Uhhuh / "NMI received for unknown reason" with panic_on_unrecovered_nmi, Kernel panic - not syncing: NMI */
	CRASH_MCE,		/* Machine check / mce: [Hardware Error] + Fatal machine check */
};

struct blocked_task {
	char comm[64];
	long pid;
	long seconds;		/* -1 unknown */
};

struct crash_story {
	enum crash_class cls;
	char panic_message[512];	/* text after "Kernel panic - not syncing: ", "" if none */
	struct blocked_task *tasks;	/* hung-task reports, in order, without duplicates */
	size_t ntasks;
	char taint[64];		/* "Tainted: P  OE" flags of the crash report, "" when "Not tainted" or unknown */
	int have_taint;		/* a "Tainted:" / "Not tainted" line was seen */
	char **oot_modules;	/* modules marked (O) / (OE) / (P...) in "Modules linked in:" */
	size_t noot;
};

/* Read the log text (any of the formats above). Returns 0; never fails on odd text. */
int dmesg_story(const char *text, size_t len, struct crash_story *cs);
void crash_story_free(struct crash_story *cs);
const char *crash_class_name(enum crash_class c);

#endif
