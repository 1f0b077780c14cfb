# drgn-check.py - run by drgn on one vmcore of the VM harness (make check-vm-debug):
# proves the dump can be analysed with the -dbg vmlinux: the release, the task
# list, the crashed thread's stack, and for a hung task the blocked 'touch'.
# Usage: drgn -q -c VMCORE -s VMLINUX drgn-check.py sysrq|hung_task|oops
import sys

from drgn.helpers.linux.pid import for_each_task

want = sys.argv[1] if len(sys.argv) > 1 else "sysrq"
prog = globals()["prog"]


def fail(msg):
    """Say what is wrong and stop with a non-zero status."""
    print("drgn-check: " + msg)
    sys.exit(1)


def comm(task):
    """The task's command name."""
    return task.comm.string_().decode(errors="replace")


release = prog["init_uts_ns"].name.release.string_().decode()
tasks = list(for_each_task(prog))
if len(tasks) < 10:
    fail("only %d tasks in the task list" % len(tasks))

thread = prog.crashed_thread()
trace = str(thread.stack_trace())
crashed = comm(thread.object)

expect = {
    "sysrq": ["sysrq_handle_crash"],
    "oops": ["exc_page_fault", "kdc_oops"],
    "hung_task": ["check_hung_uninterruptible_tasks", "watchdog"],
}[want]
if not any(name in trace for name in expect):
    print(trace)
    fail("the crashed thread's stack has none of %s" % ", ".join(expect))

extra = ""
if want == "hung_task":
    blocked = [t for t in tasks if comm(t) == "touch"]
    if not blocked:
        fail("no 'touch' task in the dump")
    stack = str(prog.stack_trace(blocked[0]))
    if "percpu_rwsem" not in stack and "sb_start_write" not in stack and "mnt_want_write" not in stack:
        print(stack)
        fail("the blocked 'touch' task's stack does not wait on the frozen filesystem")
    extra = ", blocked touch pid %d waits in %s" % (
        blocked[0].pid.value_(),
        "percpu_rwsem_wait" if "percpu_rwsem_wait" in stack else "mnt_want_write",
    )

frames = [line.split()[1] for line in trace.splitlines() if line.startswith("#") and len(line.split()) > 1]
print(
    "release %s, %d tasks, crashed thread %s (pid %d): %s%s"
    % (release, len(tasks), crashed, thread.tid, " < ".join(frames[:4]), extra)
)
