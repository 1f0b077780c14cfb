/* plan.c - the changes fix makes, and making them (see plan.h). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fix/plan.h"
#include "root.h"
#include "spawn.h"

void fix_plan_init(struct fix_plan *p, struct root *r, int live)
{
	memset(p, 0, sizeof(*p));
	p->root = r;
	p->live = live;
}

void fix_plan_free(struct fix_plan *p)
{
	size_t i;
	int j;

	for (i = 0; i < p->n; i++) {
		struct fix_change *c = &p->v[i];
		free(c->old_text);
		sbuf_free(&c->new_text);
		for (j = 0; c->argv[j]; j++)
			free(c->argv[j]);
	}
	p->n = 0;
}

void fix_refuse(struct fix_plan *p, const char *fmt, ...)
{
	va_list ap;

	if (p->refused[0])
		return;
	va_start(ap, fmt);
	vsnprintf(p->refused, sizeof(p->refused), fmt, ap);
	va_end(ap);
}

static struct fix_change *add(struct fix_plan *p, enum fix_kind kind, const char *check)
{
	struct fix_change *c;

	if (p->n == FIX_MAX_CHANGES) {
		fix_refuse(p, "more than %d changes", FIX_MAX_CHANGES);
		return NULL;
	}
	c = &p->v[p->n++];
	memset(c, 0, sizeof(*c));
	c->kind = kind;
	xstrlcpy(c->check, check, sizeof(c->check));
	sbuf_init(&c->new_text);
	return c;
}

int fix_file(struct fix_plan *p, const char *check, const char *path, int create, struct fix_change **out)
{
	struct fix_change *c;
	struct stat st;
	const char *data;
	size_t i, len = 0;
	int e;

	for (i = 0; i < p->n; i++) {
		if (p->v[i].kind == FIX_FILE && !strcmp(p->v[i].path, path)) {
			*out = &p->v[i];
			return 0;
		}
	}
	e = root_read(p->root, path, &data, &len);
	if (e && (e != -ENOENT || !create))
		return e;
	c = add(p, FIX_FILE, check);
	if (!c)
		return -E2BIG;
	xstrlcpy(c->path, path, sizeof(c->path));
	c->existed = e == 0;
	c->mode = 0644;
	if (c->existed) {
		c->old_text = xmalloc(len + 1);
		memcpy(c->old_text, data, len);
		c->old_text[len] = '\0';
		c->old_len = len;
		if (root_stat(p->root, path, &st) == 0)
			c->mode = st.st_mode & 07777;
		sbuf_add(&c->new_text, data, len);
	}
	*out = c;
	return 0;
}

void fix_file_set(struct fix_change *c, const char *text, size_t len)
{
	sbuf_free(&c->new_text);
	sbuf_init(&c->new_text);
	sbuf_add(&c->new_text, text, len);
}

struct fix_change *fix_command(struct fix_plan *p, const char *check, int live_only, int needs_reboot,
			       const char *arg0, ...)
{
	struct fix_change *c = add(p, FIX_COMMAND, check);
	const char *a;
	va_list ap;
	int n = 0;

	if (!c)
		return NULL;
	c->live_only = live_only;
	c->needs_reboot = needs_reboot;
	va_start(ap, arg0);
	for (a = arg0; a && n < FIX_MAX_ARGS; a = va_arg(ap, const char *))
		c->argv[n++] = xstrdup(a);
	va_end(ap);
	return c;
}

void fix_mkdir(struct fix_plan *p, const char *check, const char *path)
{
	struct fix_change *c = add(p, FIX_MKDIR, check);
	static const char *const words[] = { "mkdir", "-p", "-m", "0700" };
	size_t i;

	if (!c)
		return;
	xstrlcpy(c->path, path, sizeof(c->path));
	c->mode = 0700;
	for (i = 0; i < ARRAY_SIZE(words); i++)
		c->argv[i] = xstrdup(words[i]);
	c->argv[i] = xstrdup(path);
}

void fix_plan_settle(struct fix_plan *p)
{
	size_t i, k = 0;

	for (i = 0; i < p->n; i++) {
		struct fix_change *c = &p->v[i];
		if (c->kind == FIX_FILE && c->existed && c->new_text.len == c->old_len &&
		    !memcmp(sbuf_str(&c->new_text), c->old_text, c->old_len)) {
			free(c->old_text);
			sbuf_free(&c->new_text);
			continue;
		}
		if (k != i)
			p->v[k] = *c;
		k++;
	}
	p->n = k;
}

/* The first executable named name in the system's program directories. */
static int find_program(const char *name, char *out, size_t outlen)
{
	static const char *const dirs[] = { "/usr/sbin", "/sbin", "/usr/bin", "/bin" };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(dirs); i++) {
		if (xsnprintf(out, outlen, "%s/%s", dirs[i], name) == 0 && access(out, X_OK) == 0)
			return 0;
	}
	return -ENOENT;
}

static int apply_file(struct fix_plan *p, struct fix_change *c, const char *stamp)
{
	char *data = NULL;
	size_t len = 0;
	char backup[560];
	struct stat st;
	int e, i, changed;

	/* the file as it is now: it must still be what the diff was made from */
	e = root_read_copy(p->root, c->path, &data, &len);
	changed = c->existed ? e || len != c->old_len || memcmp(data, c->old_text, len) : e != -ENOENT;
	free(data);
	if (changed) {
		snprintf(c->error, sizeof(c->error), "%s changed since it was read: not written", c->path);
		return -EAGAIN;
	}
	if (c->existed) {
		for (i = 0; i < 100; i++) {
			if ((i ? xsnprintf(backup, sizeof(backup), "%s.kdumpcheck-%s.%d", c->path, stamp, i) :
			     xsnprintf(backup, sizeof(backup), "%s.kdumpcheck-%s", c->path, stamp)) ||
			    root_lstat(p->root, backup, &st) == -ENOENT)
				break;
		}
		e = root_write_atomic(p->root, backup, c->old_text, c->old_len, c->mode);
		if (e) {
			snprintf(c->error, sizeof(c->error), "cannot back up %s to %s: %s (not written)", c->path, backup,
				 root_strerror(e));
			return e;
		}
	}
	e = root_write_atomic(p->root, c->path, sbuf_str(&c->new_text), c->new_text.len, c->mode);
	if (e) {
		snprintf(c->error, sizeof(c->error), "cannot write %s: %s", c->path, root_strerror(e));
		return e;
	}
	return 0;
}

/* mkdir -p: the missing parents 0755, the last one with the change's mode. */
static int apply_mkdir(struct fix_plan *p, struct fix_change *c)
{
	char path[512], *s;
	struct stat st;
	int e;

	xstrlcpy(path, c->path, sizeof(path));
	for (s = path + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		if (root_stat(p->root, path, &st) == -ENOENT && (e = root_mkdir(p->root, path, 0755)) && e != -EEXIST) {
			snprintf(c->error, sizeof(c->error), "cannot create %s: %s", path, root_strerror(e));
			return e;
		}
		*s = '/';
	}
	e = root_mkdir(p->root, path, c->mode);
	if (e && e != -EEXIST) {
		snprintf(c->error, sizeof(c->error), "cannot create %s: %s", path, root_strerror(e));
		return e;
	}
	return 0;
}

static int apply_command(struct fix_change *c)
{
	char prog[256];
	const char *argv[FIX_MAX_ARGS + 1];
	struct spawn_result r;
	int i, e;

	if (find_program(c->argv[0], prog, sizeof(prog))) {
		snprintf(c->error, sizeof(c->error), "%s: not installed", c->argv[0]);
		return -ENOENT;
	}
	argv[0] = prog;
	for (i = 1; c->argv[i]; i++)
		argv[i] = c->argv[i];
	argv[i] = NULL;
	e = spawn_run_bounded(argv, -1, 2000, 300000, &r);
	if (e) {
		snprintf(c->error, sizeof(c->error), "%s: %s", prog, strerror(-e));
	} else if (r.status) {
		char last[300] = "";
		const char *err = r.err ? r.err : "";
		size_t n = strlen(err);
		while (n && (err[n - 1] == '\n' || err[n - 1] == ' '))
			n--;
		quote_bytes(err, n, last, sizeof(last));
		snprintf(c->error, sizeof(c->error), "%s exited %d%s%s", c->argv[0], r.status, n ? ": " : "", last);
		e = -EIO;
	}
	spawn_result_free(&r);
	return e;
}

int fix_plan_apply(struct fix_plan *p, const char *stamp)
{
	size_t i;
	int failed = 0, pass;

	/* files and directories first, then the commands that read them */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < p->n; i++) {
			struct fix_change *c = &p->v[i];
			int e = 0;
			if ((c->kind == FIX_COMMAND) != pass)
				continue;
			if (c->kind == FIX_FILE)
				e = apply_file(p, c, stamp);
			else if (c->kind == FIX_MKDIR)
				e = apply_mkdir(p, c);
			else if (c->live_only && !p->live)
				continue;	/* printed: it acts on a running system, not on this root */
			else
				e = apply_command(c);
			c->applied = e == 0;
			failed += e != 0;
		}
	}
	return failed;
}
