/* dmesg.c - the crash story in a dump's kernel log: why it panicked, blocked tasks, taint, out-of-tree modules. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse/klog.h"
#include "util.h"
#include "vmcore/dmesg.h"

/*
 * How the log is read
 *
 * Each line loses its decorations first (src/parse/klog.c): a "<N>" level
 * (EL6 vmcore-dmesg, makedumpfile on old kernels), a "[12345.678901] "
 * timestamp, a "[  T123] " / "[ C3] " caller id (CONFIG_PRINTK_CALLER), and
 * a syslog prefix when the log was saved from syslog. The rest is the
 * message. A paste indented as a block (a Markdown code block, a quoted
 * mail: every non-blank line starts with the same blanks, at most 16) loses
 * that indent first. Only fixed-size prefixes of a line are searched, so a
 * log of any size is read in two linear passes.
 *
 * Classification follows what made the kernel die, not the first scary line:
 *   1. The first "Kernel panic - not syncing: MSG" is the panic point. A MSG
 *      that names its cause decides (sysrq triggered crash, hung_task:,
 *      softlockup:, Hard LOCKUP, Out of memory / panic_on_oom, NMI,
 *      machine check). "Fatal exception", "Attempted to kill init!",
 *      "Unable to continue" and the like are consequences: a machine check
 *      reported last before the panic decides (2.6.32's mce_panic() says
 *      "Machine Check Exception" then "Unable to continue"), else the last
 *      die() report before the panic.
 *   2. Without a panic line (kdump runs crash_kexec() from oops_end(), before
 *      any panic), the last die() report of the log decides: an oops, a
 *      kernel BUG, a SysRq crash (old kernels write through NULL and oops in
 *      sysrq_handle_crash), or the old NMI watchdog's LOCKUP report.
 *   3. Anything else is unknown; the panic message is still kept.
 * The lines of one die() report ("kernel BUG at" then "invalid opcode",
 * "BUG: unable to handle" then "Oops:") extend the report that opened them.
 *
 * What is kept
 *   panic_message  text after "Kernel panic - not syncing: ", trimmed, cut at a
 *                  "---[ end " marker on the same line, bytes outside printable
 *                  ASCII shown as '?'; "" without a panic line.
 *   tasks          every "INFO: task COMM:PID blocked for more than N seconds."
 *                  (or "can't die for more than"), as klog_hung_parse() reads
 *                  it (PID after the last ':' of COMM:PID, so "kworker/0:1:12"
 *                  is kworker/0:1, pid 12; pid 0 is not a report), once per pid
 *                  in order of first report, with the largest N seen (-1 when
 *                  N does not parse); COMM trimmed, bytes outside printable
 *                  ASCII shown as '?'; at most MAX_TASKS.
 *   taint          the flag letters of "Tainted: P        W  OE   6.1.0" without
 *                  blanks and RHEL's '-' fillers ("PWOE"); the 'G' that stands
 *                  in the P slot for "no proprietary module" is dropped, so the
 *                  letters match /proc/sys/kernel/tainted. "Not tainted" gives
 *                  "". The first such field after the panic line (panic()'s own
 *                  stack dump) counts, else the last one before it.
 *   oot_modules    names flagged O (out-of-tree) or P (proprietary) in the last
 *                  "Modules linked in:" list before the panic line (else the
 *                  first after it), including the records printk split it into.
 */

#define MAX_TASKS	256		/* blocked tasks kept */
#define MAX_MODULES	256		/* out-of-tree modules kept */
#define TASK_SLOTS	512		/* pid hash slots, twice MAX_TASKS */
#define HEAD_SCAN	512		/* bytes of a line searched for mid-line markers */
#define REPORT_SPAN	8		/* lines a die() report header may continue over */

static const char PANIC[] = "Kernel panic - not syncing: ";
static const char END_PANIC[] = "---[ end Kernel panic - not syncing: ";

/* One message: a line without its level, timestamp and caller id. */
struct msg {
	const char *p;
	size_t n;
};

/* The state of one pass over the log. */
struct scan {
	struct crash_story *cs;
	size_t lineno;
	int panicked;			/* the panic point was passed */
	enum crash_class report;	/* last report before the panic point */
	size_t report_line;
	enum crash_class die_report;	/* last die()-type report before the panic point */
	int msg_generic;		/* the panic message names no cause of its own */
	enum crash_class msg_class;
	int taint_after;		/* a taint line was seen after the panic point */
	const char *mods_line;		/* raw line of the module list that counts */
	int task_slot[TASK_SLOTS];	/* index + 1 into cs->tasks, 0 free */
	size_t task_cap;
};

/* Does m start with the literal lit? */
static int msg_starts(const struct msg *m, const char *lit)
{
	size_t l = strlen(lit);

	return m->n >= l && memcmp(m->p, lit, l) == 0;
}

/* Offset of lit in the first lim bytes of m, or -1. */
static long msg_find(const struct msg *m, const char *lit, size_t lim)
{
	size_t n = m->n < lim ? m->n : lim;
	const char *hit = memmem(m->p, n, lit, strlen(lit));

	return hit ? (long)(hit - m->p) : -1;
}

/* Case-insensitive search of lit in a NUL-terminated s. */
static int str_has_ci(const char *s, const char *lit)
{
	return strcasestr(s, lit) != NULL;
}

/* The message of a raw line: without CR, syslog prefix, "<N>", stamp and caller id. */
static struct msg line_msg(const char *line, size_t len)
{
	struct klog_line kl;
	struct msg m;

	klog_decode(line, len, &kl);
	m.p = kl.msg;
	m.n = kl.len;
	return m;
}

/* Copy n bytes as printable ASCII (others become '?'), trimmed, into out. */
static void copy_clean(char *out, size_t outlen, const char *s, size_t n)
{
	size_t i, o = 0;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	for (i = 0; i < n && o + 1 < outlen; i++) {
		unsigned char c = (unsigned char)s[i];

		out[o++] = (c >= 0x20 && c < 0x7f) ? (char)c : '?';
	}
	if (outlen)
		out[o] = '\0';
}

/* The class a panic message names; *generic when it only says "an oops happened". */
static enum crash_class message_class(const char *m, int *generic)
{
	*generic = 0;
	if (str_has_ci(m, "sysrq triggered crash"))
		return CRASH_SYSRQ;
	if (str_startswith(m, "hung_task:"))
		return CRASH_HUNG_TASK;
	if (str_startswith(m, "softlockup:"))
		return CRASH_SOFTLOCKUP;
	if (str_has_ci(m, "hard lockup") || strstr(m, "NMI Watchdog detected LOCKUP"))
		return CRASH_HARDLOCKUP;
	if (strncasecmp(m, "out of memory", 13) == 0 || strstr(m, "panic_on_oom") ||
	    strstr(m, "deadlocked on memory"))
		return CRASH_OOM;
	if (str_has_ci(m, "machine check") || str_has_ci(m, "hardware error") ||
	    strstr(m, "broadcast exception handler"))
		return CRASH_MCE;
	if (strstr(m, "NMI") || str_has_ci(m, "non maskable interrupt"))
		return CRASH_NMI;
	if (str_startswith(m, "Fatal exception") || str_startswith(m, "Oops") ||
	    str_startswith(m, "Attempted to kill init") || str_startswith(m, "Attempted to kill the idle task") ||
	    str_startswith(m, "Aiee, killing interrupt handler") || str_startswith(m, "Unable to continue"))
		*generic = 1;
	return CRASH_UNKNOWN;
}

/* Note the panic line: keep its message and what it says. */
static void on_panic(struct scan *s, const char *text, size_t n)
{
	const char *end = memmem(text, n, "---[ end ", 9);

	if (end)
		n = (size_t)(end - text);
	copy_clean(s->cs->panic_message, sizeof(s->cs->panic_message), text, n);
	s->msg_class = message_class(s->cs->panic_message, &s->msg_generic);
	s->panicked = 1;
}

/* The "---[ end Kernel panic - not syncing: MSG ]---" marker, as a panic line of its own. */
static void on_end_panic(struct scan *s, const struct msg *m)
{
	const char *text = m->p + sizeof(END_PANIC) - 1;
	size_t n = m->n - (sizeof(END_PANIC) - 1);
	const char *close = memmem(text, n, " ]---", 5);

	if (close)
		n = (size_t)(close - text);
	on_panic(s, text, n);
}

/* A report of class c starts (or continues, for die() headers) at this line. */
static void on_report(struct scan *s, enum crash_class c, int die_header)
{
	int recent = s->report_line && s->lineno - s->report_line <= REPORT_SPAN;

	if (die_header && recent &&
	    (s->report == CRASH_OOPS || s->report == CRASH_BUG || s->report == CRASH_SYSRQ))
		return;
	s->report = c;
	s->report_line = s->lineno;
	if (c == CRASH_SYSRQ || c == CRASH_OOPS || c == CRASH_BUG)
		s->die_report = c;
}

/* The pid hash slot for pid: its task, or the free slot where it goes. */
static int *task_slot(struct scan *s, long pid)
{
	size_t h = (size_t)(((uint64_t)pid * 0x9e3779b97f4a7c15ULL) >> 55);	/* top 9 bits: 0..511 */

	while (s->task_slot[h] && s->cs->tasks[s->task_slot[h] - 1].pid != pid)
		h = (h + 1) % TASK_SLOTS;
	return &s->task_slot[h];
}

/* A hung-task report ("INFO: task COMM:PID blocked for more than N seconds.") -> a blocked task. */
static void on_hung_task(struct scan *s, const struct msg *m)
{
	struct crash_story *cs = s->cs;
	struct klog_hung h;
	int *slot;

	if (klog_hung_parse(m->p, m->n, &h))
		return;
	on_report(s, CRASH_HUNG_TASK, 0);
	slot = task_slot(s, h.pid);
	if (*slot) {
		struct blocked_task *t = &cs->tasks[*slot - 1];

		if (h.seconds > t->seconds)
			t->seconds = h.seconds;
		return;
	}
	if (cs->ntasks >= MAX_TASKS)
		return;
	if (cs->ntasks == s->task_cap) {
		s->task_cap = s->task_cap ? s->task_cap * 2 : 16;
		cs->tasks = xrealloc(cs->tasks, s->task_cap * sizeof(*cs->tasks));
	}
	copy_clean(cs->tasks[cs->ntasks].comm, sizeof(cs->tasks[0].comm), h.comm, h.comm_len);
	cs->tasks[cs->ntasks].pid = h.pid;
	cs->tasks[cs->ntasks].seconds = h.seconds;
	cs->ntasks++;
	*slot = (int)cs->ntasks;
}

/* The flag letters after "Tainted: " up to the kernel release; the "G" placeholder is dropped. */
static void parse_taint(struct scan *s, const char *p, const char *end)
{
	char *out = s->cs->taint;
	size_t o = 0, col = 0;

	for (; p < end; p++, col++) {
		char c = *p;

		if (c == ' ' || c == '-')
			continue;
		if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')))
			break;
		if (c == 'G' && col == 0)
			continue;
		if (o + 1 < sizeof(s->cs->taint))
			out[o++] = c;
	}
	out[o] = '\0';
}

/* A "Tainted: ..." or "Not tainted" field: the first one after the panic point wins, else the last before. */
static void on_taint(struct scan *s, const struct msg *m)
{
	long t = msg_find(m, "Tainted: ", HEAD_SCAN);
	long nt = msg_find(m, "Not tainted", HEAD_SCAN);

	if (t < 0 && nt < 0)
		return;
	if (t > 0 && m->p[t - 1] != ' ' && m->p[t - 1] != '(')
		t = -1;
	if (nt > 0 && m->p[nt - 1] != ' ' && m->p[nt - 1] != '(')
		nt = -1;
	if (t < 0 && nt < 0)
		return;
	if (s->taint_after)
		return;
	if (s->panicked)
		s->taint_after = 1;
	s->cs->have_taint = 1;
	if (t >= 0 && (nt < 0 || t < nt))
		parse_taint(s, m->p + t + 9, m->p + m->n);
	else
		s->cs->taint[0] = '\0';
}

/* Is c a character of a module name? */
static int modname_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

/* Keep an out-of-tree module name once. */
static void module_add(struct crash_story *cs, const char *name, size_t n)
{
	size_t i;

	for (i = 0; i < cs->noot; i++)
		if (strlen(cs->oot_modules[i]) == n && memcmp(cs->oot_modules[i], name, n) == 0)
			return;
	if (cs->noot >= MAX_MODULES)
		return;
	if (!cs->oot_modules)
		cs->oot_modules = xcalloc(MAX_MODULES, sizeof(*cs->oot_modules));
	cs->oot_modules[cs->noot++] = xstrndup(name, n);
}

/*
 * Walk the tokens "name", "name(POE)", "name(P)(F)", "[last unloaded: x]" of
 * a module list. With keep, out-of-tree names (an O or P flag) are added,
 * at most *budget tokens in all. Returns the number of tokens that are not
 * module tokens.
 */
static size_t modules_walk(struct crash_story *cs, const char *p, const char *end, int keep, size_t *budget)
{
	size_t bad = 0;

	while (p < end) {
		const char *name;
		size_t nlen;
		int oot = 0, ok = 1;

		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p >= end)
			break;
		if (*p == '[') {		/* "[last unloaded: x]" / "[permanent]" */
			const char *close = memchr(p, ']', (size_t)(end - p));

			p = close ? close + 1 : end;
			continue;
		}
		name = p;
		while (p < end && modname_char(*p))
			p++;
		nlen = (size_t)(p - name);
		while (p < end && *p == '(') {
			for (p++; p < end && *p != ')' && *p != ' '; p++)
				if (*p == 'O' || *p == 'P')
					oot = 1;
			if (p < end && *p == ')')
				p++;
			else
				ok = 0;
		}
		if (p < end && *p != ' ' && *p != '\t')
			ok = 0;
		while (p < end && *p != ' ' && *p != '\t')
			p++;
		if (!ok || nlen == 0 || nlen > 64) {
			bad++;
			continue;
		}
		if (keep) {
			if (!*budget)
				break;
			(*budget)--;
			if (oot)
				module_add(cs, name, nlen);
		}
	}
	return bad;
}

/* "Modules linked in: ...": remember the last list before the panic point, else the first after. */
static void on_modules(struct scan *s, const char *rawline)
{
	if (s->panicked && s->mods_line)
		return;
	s->mods_line = rawline;
}

/* A message that continues a long module list (printk splits it into records)? */
static int modules_cont(const struct msg *m)
{
	size_t none = 0;

	if (m->n < 2 || m->p[0] != ' ' || !modname_char(m->p[1]))
		return 0;
	return modules_walk(NULL, m->p, m->p + m->n, 0, &none) == 0;
}

/* Read the remembered module list and the lines that continue it. */
static void modules_read(struct scan *s, const char *end)
{
	struct line_iter it;
	const char *line;
	size_t linelen, budget = 8192;
	int first = 1;

	if (!s->mods_line)
		return;
	line_iter_init(&it, s->mods_line, (size_t)(end - s->mods_line));
	while (line_iter_next(&it, &line, &linelen)) {
		struct msg m = line_msg(line, linelen);
		long at;

		if (first) {
			at = msg_find(&m, "Modules linked in:", 64);
			if (at < 0)
				return;
			modules_walk(s->cs, m.p + at + 18, m.p + m.n, 1, &budget);
			first = 0;
		} else if (modules_cont(&m)) {
			modules_walk(s->cs, m.p, m.p + m.n, 1, &budget);
		} else {
			return;
		}
	}
}

/* "Oops: " then an error code in hex and a blank (or the end): "Oops: 0002 [#1] SMP", "Oops: 0000". */
static int oops_code(const struct msg *m)
{
	size_t i = 6;

	while (i < m->n && i < 14 && hex_value(m->p[i]) >= 0)
		i++;
	return i > 6 && (i == m->n || m->p[i] == ' ');
}

/* A die() header line ("Oops: 0002 [#1] SMP", "invalid opcode: 0000 [#1]" ...)? */
static int die_header(const struct msg *m)
{
	static const char *const heads[] = {
		"Oops: ", "invalid opcode: ", "general protection fault", "divide error: ",
		"stack segment: ", "double fault: ", "PANIC: double fault", "Internal error: ",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(heads); i++)
		if (msg_starts(m, heads[i]))
			/* die() prints "Oops: 0002 [#1]", ppc "Oops: Kernel access ... [#1]"; not "Oops: efitime: ..." */
			return i || oops_code(m) || msg_find(m, " [#", 128) >= 0;
	return 0;
}

/* A page fault report ("BUG: unable to handle kernel NULL pointer dereference at ...")? */
static int fault_report(const struct msg *m)
{
	return msg_starts(m, "BUG: unable to handle ") || msg_starts(m, "BUG: kernel NULL pointer dereference") ||
	       msg_starts(m, "Unable to handle kernel ");
}

/* Reports: which kind of trouble this line opens, if any. */
static void on_reports(struct scan *s, const struct msg *m)
{
	if ((msg_starts(m, "SysRq") || msg_starts(m, "sysrq: ")) && msg_find(m, "Trigger a crash", 64) >= 0)
		on_report(s, CRASH_SYSRQ, 0);
	else if (msg_starts(m, "INFO: task "))
		on_hung_task(s, m);
	else if (msg_find(m, "BUG: soft lockup", 64) >= 0)
		on_report(s, CRASH_SOFTLOCKUP, 0);
	else if (msg_find(m, "Watchdog detected hard LOCKUP", 64) >= 0)
		on_report(s, CRASH_HARDLOCKUP, 0);
	else if (msg_find(m, "NMI Watchdog detected LOCKUP", 64) >= 0) {
		on_report(s, CRASH_HARDLOCKUP, 0);	/* the old NMI watchdog dies through die_nmi() */
		s->die_report = CRASH_HARDLOCKUP;
	}
	else if (msg_starts(m, "kernel BUG at "))
		on_report(s, CRASH_BUG, 0);
	else if (fault_report(m))
		on_report(s, CRASH_OOPS, 1);
	else if (die_header(m))
		on_report(s, CRASH_OOPS, 1);
	else if (msg_starts(m, "Uhhuh. NMI received") || msg_starts(m, "NMI: IOCK error") ||
		 msg_starts(m, "NMI: PCI system error"))
		on_report(s, CRASH_NMI, 0);
	else if (msg_find(m, "Machine Check Exception", 64) >= 0 || msg_find(m, "Machine check: ", 64) >= 0)
		on_report(s, CRASH_MCE, 0);
	else if ((msg_starts(m, "IP: ") || msg_starts(m, "RIP: ") || msg_starts(m, "pc : ")) &&
		 msg_find(m, "sysrq_handle_crash", 128) >= 0 && s->report == CRASH_OOPS &&
		 s->lineno - s->report_line <= 2 * REPORT_SPAN)
		on_report(s, CRASH_SYSRQ, 0);
}

/* Read one message of the raw line at rawline. */
static void on_line(struct scan *s, const struct msg *m, const char *rawline)
{
	if (!s->panicked && msg_starts(m, PANIC)) {
		on_panic(s, m->p + sizeof(PANIC) - 1, m->n - (sizeof(PANIC) - 1));
		return;
	}
	if (!s->panicked && msg_starts(m, END_PANIC)) {
		on_end_panic(s, m);
		return;
	}
	if (msg_find(m, "Modules linked in:", 64) >= 0) {
		on_modules(s, rawline);
		return;
	}
	on_taint(s, m);
	if (s->panicked) {
		if (msg_starts(m, "INFO: task "))
			on_hung_task(s, m);
		return;
	}
	on_reports(s, m);
}

/* Decide the class once the whole log was read. */
static enum crash_class decide(const struct scan *s)
{
	if (!s->panicked)
		return s->die_report;
	if (s->msg_class == CRASH_NMI && s->report == CRASH_HARDLOCKUP)
		return CRASH_HARDLOCKUP;
	if (s->msg_class != CRASH_UNKNOWN)
		return s->msg_class;
	if (!s->msg_generic)
		return CRASH_UNKNOWN;
	if (s->report == CRASH_MCE)
		return CRASH_MCE;	/* 2.6.32: "Machine Check Exception: ...", then "Unable to continue" */
	if (s->die_report != CRASH_UNKNOWN)
		return s->die_report;
	return str_startswith(s->cs->panic_message, "Fatal exception") ||
	       str_startswith(s->cs->panic_message, "Oops") ? CRASH_OOPS : CRASH_UNKNOWN;
}

/*
 * The indentation every non-blank line shares (a paste indented as a block:
 * a Markdown code block, a quoted mail): its length, at most 16. A kernel's
 * own log always has lines that start at the first column.
 */
static size_t common_indent(const char *text, size_t len)
{
	struct line_iter it;
	const char *line;
	size_t n, best = 16, seen = 0;

	line_iter_init(&it, text, len);
	while (best && line_iter_next(&it, &line, &n)) {
		size_t i = 0;

		while (i < n && i < best && (line[i] == ' ' || line[i] == '\t'))
			i++;
		if (i == n || (i < n && (line[i] == '\r' || line[i] == '\n')))
			continue;	/* blank */
		best = i;
		seen = 1;
	}
	return seen ? best : 0;
}

int dmesg_story(const char *text, size_t len, struct crash_story *cs)
{
	const char *base = text ? text : "", *line;
	struct scan *s;
	struct line_iter it;
	size_t linelen, indent;

	if (!cs)
		return -EINVAL;
	memset(cs, 0, sizeof(*cs));
	if (!text)
		len = 0;
	s = xcalloc(1, sizeof(*s));
	s->cs = cs;
	indent = common_indent(base, len);
	line_iter_init(&it, base, len);
	while (line_iter_next(&it, &line, &linelen)) {
		size_t skip = linelen < indent ? linelen : indent;
		struct msg m = line_msg(line + skip, linelen - skip);

		s->lineno++;
		on_line(s, &m, line + skip);
	}
	modules_read(s, base + len);
	cs->cls = decide(s);
	free(s);
	return 0;
}

void crash_story_free(struct crash_story *cs)
{
	size_t i;

	if (!cs)
		return;
	free(cs->tasks);
	for (i = 0; i < cs->noot; i++)
		free(cs->oot_modules[i]);
	free(cs->oot_modules);
	memset(cs, 0, sizeof(*cs));
}

const char *crash_class_name(enum crash_class c)
{
	static const char *const names[] = {
		[CRASH_UNKNOWN] = "unknown", [CRASH_SYSRQ] = "sysrq", [CRASH_HUNG_TASK] = "hung_task",
		[CRASH_SOFTLOCKUP] = "softlockup", [CRASH_HARDLOCKUP] = "hardlockup", [CRASH_OOPS] = "oops",
		[CRASH_BUG] = "bug", [CRASH_OOM] = "oom", [CRASH_NMI] = "nmi", [CRASH_MCE] = "mce",
	};

	if ((unsigned)c >= ARRAY_SIZE(names) || !names[c])
		return "unknown";
	return names[c];
}
