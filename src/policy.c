/* policy.c - the policy file (SPEC §4): defaults, inih parsing, lookups. */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <ini.h>

#include "checks/ids.h"
#include "policy.h"
#include "root.h"
#include "status.h"
#include "util.h"

/* What the handler and the line reader share while one file is parsed. */
struct load {
	struct policy *p;
	const char *file;
	/* the line reader over the file's bytes */
	const char *data;
	size_t len, pos;
	unsigned lineno;
	char section[64];
	int sysctl_seen;	/* a [sysctl] header was read: the defaults are already dropped */
	/* check ids named in [checks], validated once every [sysctl] key is known */
	struct { char *id; unsigned line; } pend[128];
	size_t npend;
	/* the first error */
	unsigned errline;
	char errmsg[256];
};

static void add_rule(struct policy *p, const char *key, enum cmp_op op, const char *value);

void policy_defaults(struct policy *p)
{
	memset(p, 0, sizeof(*p));
	add_rule(p, "kernel.hung_task_panic", CMP_EQ, "1");
	add_rule(p, "kernel.softlockup_panic", CMP_EQ, "1");
	add_rule(p, "kernel.panic_on_oops", CMP_EQ, "1");
	add_rule(p, "kernel.panic", CMP_GE, "1");
	p->ck_min_auto = 1;
	p->debuginfo = DEBUGINFO_WARN;
	p->pid_max_min = 65536;
	xstrlcpy(p->dump_path, "/var/crash", sizeof(p->dump_path));
	p->keep = 5;
	p->min_free_is_pct = 1;
	p->min_free = 10;
}

/* Drop the [sysctl] rules (a file with a [sysctl] section replaces the defaults). */
static void clear_rules(struct policy *p)
{
	size_t i;

	for (i = 0; i < p->nrules; i++) {
		free(p->rules[i].key);
		free(p->rules[i].value);
		free(p->rules[i].id);
	}
	free(p->rules);
	p->rules = NULL;
	p->nrules = 0;
}

void policy_free(struct policy *p)
{
	size_t i;

	clear_rules(p);
	for (i = 0; i < p->ndisabled; i++)
		free(p->disabled[i]);
	free(p->disabled);
	for (i = 0; i < p->nsev; i++)
		free(p->sev[i].id);
	free(p->sev);
	memset(p, 0, sizeof(*p));
}

static void add_rule(struct policy *p, const char *key, enum cmp_op op, const char *value)
{
	struct sysctl_rule *r;
	struct sbuf id;
	int64_t n;

	p->rules = xrealloc(p->rules, (p->nrules + 1) * sizeof(*p->rules));
	r = &p->rules[p->nrules++];
	memset(r, 0, sizeof(*r));
	r->key = xstrdup(key);
	r->op = op;
	r->value = xstrdup(value);
	r->numeric = parse_i64(value, &n) == 0;
	r->num = r->numeric ? n : 0;
	sbuf_init(&id);
	sbuf_printf(&id, "sysctl.%s", key);
	r->id = id.s;
}

static int fail(struct load *l, const char *fmt, ...) KDC_PRINTF(2, 3);

/* Record the first error at the current line; returns 0 for inih. */
static int fail(struct load *l, const char *fmt, ...)
{
	va_list ap;

	if (l->errline)
		return 0;
	l->errline = l->lineno ? l->lineno : 1;
	va_start(ap, fmt);
	vsnprintf(l->errmsg, sizeof(l->errmsg), fmt, ap);
	va_end(ap);
	return 0;
}

/* A sysctl key: letters, digits and _ - . / ; at least one separator. */
static int valid_sysctl_key(const char *k)
{
	const char *s;

	if (!*k || *k == '.' || *k == '/')
		return 0;
	for (s = k; *s; s++) {
		if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
		      *s == '_' || *s == '-' || *s == '.' || *s == '/'))
			return 0;
	}
	return strchr(k, '.') || strchr(k, '/');
}

/* "kernel/panic" -> "kernel.panic" (a key written with slashes swaps the two). */
static void normalize_key(const char *in, char *out, size_t outlen)
{
	size_t i;
	int slashes = in[strcspn(in, "./")] == '/';

	xstrlcpy(out, in, outlen);
	if (!slashes)
		return;
	for (i = 0; out[i]; i++) {
		if (out[i] == '/')
			out[i] = '.';
		else if (out[i] == '.')
			out[i] = '/';
	}
}

/* One [sysctl] line: "key = [op]value". */
static int on_sysctl(struct load *l, const char *name, const char *value)
{
	struct policy *p = l->p;
	enum cmp_op op = CMP_EQ;
	char key[256];
	size_t i;

	if (!valid_sysctl_key(name))
		return fail(l, "[sysctl]: '%s' is not a sysctl key", name);
	normalize_key(name, key, sizeof(key));
	if (!strncmp(value, ">=", 2))
		op = CMP_GE, value += 2;
	else if (!strncmp(value, "<=", 2))
		op = CMP_LE, value += 2;
	else if (!strncmp(value, "!=", 2))
		op = CMP_NE, value += 2;
	else if (value[0] == '=')
		op = CMP_EQ, value += 1;
	else if (value[0] == '<' || value[0] == '>' || value[0] == '!')
		return fail(l, "%s: bad comparator in '%s' (use =, >=, <= or !=)", key, value);
	while (*value == ' ' || *value == '\t')
		value++;
	if (!*value)
		return fail(l, "%s: no value to compare with", key);
	if (strpbrk(value, "<>=!"))
		return fail(l, "%s: bad comparator in '%s' (use =, >=, <= or !=)", key, value);
	if (op == CMP_GE || op == CMP_LE) {
		int64_t n;
		if (parse_i64(value, &n))
			return fail(l, "%s: '%s' is not a number, so >= and <= cannot apply", key, value);
	}
	for (i = 0; i < p->nrules; i++) {
		if (!strcmp(p->rules[i].key, key))
			return fail(l, "%s: set twice", key);
	}
	add_rule(p, key, op, value);
	return 1;
}

/* Parse a size or "auto" for [crashkernel] min. */
static int on_crashkernel(struct load *l, const char *name, const char *value)
{
	uint64_t v;

	if (strcmp(name, "min"))
		return fail(l, "[crashkernel]: unknown key '%s'", name);
	if (!strcmp(value, "auto")) {
		l->p->ck_min_auto = 1;
		return 1;
	}
	if (parse_size(value, NULL, &v) || v == 0)
		return fail(l, "[crashkernel] min: '%s' is not a size (256M) or auto", value);
	l->p->ck_min_auto = 0;
	l->p->ck_min = v;
	return 1;
}

static int on_debuginfo(struct load *l, const char *name, const char *value)
{
	if (strcmp(name, "required"))
		return fail(l, "[debuginfo]: unknown key '%s'", name);
	if (!strcmp(value, "fail"))
		l->p->debuginfo = DEBUGINFO_FAIL;
	else if (!strcmp(value, "warn"))
		l->p->debuginfo = DEBUGINFO_WARN;
	else if (!strcmp(value, "off"))
		l->p->debuginfo = DEBUGINFO_OFF;
	else
		return fail(l, "[debuginfo] required: '%s' is not fail, warn or off", value);
	return 1;
}

static int on_limits(struct load *l, const char *name, const char *value)
{
	uint64_t v;

	if (strcmp(name, "pid_max_min"))
		return fail(l, "[limits]: unknown key '%s'", name);
	if (parse_u64(value, 10, &v) || v > 4194304)
		return fail(l, "[limits] pid_max_min: '%s' is not a number up to 4194304", value);
	l->p->pid_max_min = v;
	return 1;
}

static int on_dump(struct load *l, const char *name, const char *value)
{
	struct policy *p = l->p;
	uint64_t v;

	if (!strcmp(name, "path")) {
		if (value[0] != '/' || strlen(value) >= sizeof(p->dump_path))
			return fail(l, "[dump] path: '%s' is not an absolute path", value);
		xstrlcpy(p->dump_path, value, sizeof(p->dump_path));
	} else if (!strcmp(name, "keep")) {
		if (parse_u64(value, 10, &v) || v < 1 || v > 100000)
			return fail(l, "[dump] keep: '%s' is not a number from 1", value);
		p->keep = (unsigned)v;
	} else if (!strcmp(name, "min_free")) {
		size_t n = strlen(value);
		if (n > 1 && value[n - 1] == '%') {
			char num[32];
			if (n - 1 >= sizeof(num))
				return fail(l, "[dump] min_free: '%s' is not a percentage or a size", value);
			memcpy(num, value, n - 1);
			num[n - 1] = '\0';
			if (parse_u64(num, 10, &v) || v > 99)
				return fail(l, "[dump] min_free: '%s' is not a percentage below 100%%", value);
			p->min_free_is_pct = 1;
		} else {
			if (parse_size(value, NULL, &v))
				return fail(l, "[dump] min_free: '%s' is not a percentage or a size", value);
			p->min_free_is_pct = 0;
		}
		p->min_free = v;
	} else if (!strcmp(name, "make_room")) {
		if (!strcmp(value, "yes"))
			p->make_room = 1;
		else if (!strcmp(value, "no"))
			p->make_room = 0;
		else
			return fail(l, "[dump] make_room: '%s' is not yes or no", value);
	} else {
		return fail(l, "[dump]: unknown key '%s'", name);
	}
	return 1;
}

/* Remember an id to validate after the whole file is read. */
static int pend_id(struct load *l, const char *id)
{
	if (l->npend >= ARRAY_SIZE(l->pend))
		return fail(l, "[checks]: too many check ids");
	l->pend[l->npend].id = xstrdup(id);
	l->pend[l->npend].line = l->lineno;
	l->npend++;
	return 1;
}

/* Split a space-separated id list into p->disabled. */
static int on_checks(struct load *l, const char *name, const char *value)
{
	struct policy *p = l->p;

	if (!strcmp(name, "disable")) {
		char *copy = xstrdup(value), *save = NULL, *tok;
		for (tok = strtok_r(copy, " \t,", &save); tok; tok = strtok_r(NULL, " \t,", &save)) {
			if (!pend_id(l, tok)) {
				free(copy);
				return 0;
			}
			p->disabled = xrealloc(p->disabled, (p->ndisabled + 1) * sizeof(*p->disabled));
			p->disabled[p->ndisabled++] = xstrdup(tok);
		}
		free(copy);
		return 1;
	}
	if (!strncmp(name, "severity.", 9)) {
		const char *id = name + 9;
		int st;
		if (!pend_id(l, id))
			return 0;
		if (!strcmp(value, "fail"))
			st = ST_FAIL;
		else if (!strcmp(value, "warn"))
			st = ST_WARN;
		else
			return fail(l, "[checks] %s: '%s' is not fail or warn", name, value);
		p->sev = xrealloc(p->sev, (p->nsev + 1) * sizeof(*p->sev));
		p->sev[p->nsev].id = xstrdup(id);
		p->sev[p->nsev].status = st;
		p->nsev++;
		return 1;
	}
	return fail(l, "[checks]: unknown key '%s'", name);
}

/* inih's handler: route by section. */
static int on_value(void *user, const char *section, const char *name, const char *value)
{
	struct load *l = user;

	if (l->errline)
		return 0;
	if (!strcmp(section, "sysctl"))
		return on_sysctl(l, name, value);
	if (!strcmp(section, "crashkernel"))
		return on_crashkernel(l, name, value);
	if (!strcmp(section, "debuginfo"))
		return on_debuginfo(l, name, value);
	if (!strcmp(section, "limits"))
		return on_limits(l, name, value);
	if (!strcmp(section, "dump"))
		return on_dump(l, name, value);
	if (!strcmp(section, "checks"))
		return on_checks(l, name, value);
	if (!*section)
		return fail(l, "'%s' is outside any section", name);
	return fail(l, "unknown section [%s]", section);
}

static const char *const sections[] = { "sysctl", "crashkernel", "debuginfo", "limits", "dump", "checks" };

/* Cut an inline comment: ';' or '#' at the line start or after a blank. */
static void cut_comment(char *s)
{
	char *p;

	for (p = s; *p; p++) {
		if ((*p == ';' || *p == '#') && (p == s || p[-1] == ' ' || p[-1] == '\t')) {
			*p = '\0';
			return;
		}
	}
}

/*
 * inih's line reader: hands inih one line at a time, cleaned (no leading
 * blanks, so no line is taken as a continuation; no inline comment), and
 * checks what inih does not: NUL bytes, overlong lines, section names.
 */
static char *read_line(char *str, int num, void *stream)
{
	struct load *l = stream;
	const char *start, *nl;
	size_t n;
	char *s;

	if (l->pos >= l->len || num < 2)
		return NULL;
	start = l->data + l->pos;
	nl = memchr(start, '\n', l->len - l->pos);
	n = nl ? (size_t)(nl - start) : l->len - l->pos;
	l->pos += n + (nl ? 1 : 0);
	l->lineno++;
	str[0] = '\n';
	str[1] = '\0';
	if (l->errline)
		return str;
	if (memchr(start, '\0', n)) {
		fail(l, "NUL byte in line");
		return str;
	}
	if (n + 2 > (size_t)num) {
		fail(l, "line longer than %d characters", num - 2);
		return str;
	}
	memcpy(str, start, n);
	str[n] = '\0';
	cut_comment(str);
	s = strtrim(str);
	if (*s == '[') {
		size_t i, sl = strlen(s);
		int known = 0;
		if (sl < 2 || s[sl - 1] != ']') {
			fail(l, "malformed section header '%s'", s);
			return str;
		}
		s[sl - 1] = '\0';
		for (i = 0; i < ARRAY_SIZE(sections); i++)
			known |= !strcmp(s + 1, sections[i]);
		if (!known) {
			fail(l, "unknown section [%s]", s + 1);
			return str;
		}
		/* the first [sysctl] replaces the defaults; a later one adds to it */
		if (!strcmp(s + 1, "sysctl") && !l->sysctl_seen) {
			clear_rules(l->p);
			l->sysctl_seen = 1;
		}
		xstrlcpy(l->section, s + 1, sizeof(l->section));
		s[sl - 1] = ']';
	} else if (*s && !strchr(s, '=')) {
		fail(l, "expected 'key = value', got '%s'", s);
		return str;
	}
	memmove(str, s, strlen(s) + 1);
	n = strlen(str);
	str[n] = '\n';
	str[n + 1] = '\0';
	return str;
}

/* Is id a fixed check id (checks/ids.h) or the sysctl.<key> of one of p's rules? */
static int id_known(const struct policy *p, const char *id)
{
	size_t i;

	if (check_id_fixed(id))
		return 1;
	for (i = 0; i < p->nrules; i++)
		if (!strcmp(p->rules[i].id, id))
			return 1;
	return 0;
}

int policy_load(struct policy *p, struct root *r, const char *path, int optional, char *err, size_t errlen)
{
	struct root *plain = NULL;
	const char *data;
	char abspath[PATH_MAX];
	size_t len;
	int e;

	err[0] = '\0';
	if (!r) {
		/* -c FILE: a path of the machine we run on, relative to the cwd */
		if (path[0] != '/') {
			e = path_absolute(path, abspath, sizeof(abspath));
			if (e) {
				snprintf(err, errlen, "%s: cannot make the path absolute: %s", path, root_strerror(e));
				return e;
			}
			path = abspath;
		}
		e = root_new("/", &plain);
		if (e) {
			snprintf(err, errlen, "%s: %s", path, root_strerror(e));
			return e;
		}
		r = plain;
	}
	e = root_read(r, path, &data, &len);
	if (e) {
		if (e == -ENOENT && optional) {
			root_free(plain);
			return 0;
		}
		snprintf(err, errlen, "%s: %s", path, root_strerror(e));
		root_free(plain);
		return e;
	}
	e = policy_load_buffer(p, path, data, len, err, errlen);
	root_free(plain);
	return e;
}

int policy_load_buffer(struct policy *p, const char *path, const char *data, size_t len, char *err, size_t errlen)
{
	struct load l;
	size_t i;
	int line;

	err[0] = '\0';
	memset(&l, 0, sizeof(l));
	l.p = p;
	l.file = path;
	l.data = data;
	l.len = len;
	line = ini_parse_stream(read_line, &l, on_value, &l);
	if (line && !l.errline) {
		l.errline = (unsigned)line;
		xstrlcpy(l.errmsg, "syntax error", sizeof(l.errmsg));
	}
	for (i = 0; i < l.npend; i++) {
		if (!l.errline && !id_known(p, l.pend[i].id)) {
			l.lineno = l.pend[i].line;
			fail(&l, "[checks]: unknown check id '%s'", l.pend[i].id);
		}
		free(l.pend[i].id);
	}
	if (l.errline) {
		snprintf(err, errlen, "%s:%u: %s", path, l.errline, l.errmsg);
		return -EINVAL;
	}
	xstrlcpy(p->source, path, sizeof(p->source));
	return 0;
}

/* Collapse runs of blanks so "32768  60999" equals "32768 60999". */
static void squeeze(const char *in, char *out, size_t outlen)
{
	size_t o = 0;
	int blank = 0;

	while (*in == ' ' || *in == '\t')
		in++;
	for (; *in && o + 1 < outlen; in++) {
		if (*in == ' ' || *in == '\t' || *in == '\n' || *in == '\r') {
			blank = 1;
			continue;
		}
		if (blank && o)
			out[o++] = ' ';
		blank = 0;
		if (o + 1 < outlen)
			out[o++] = *in;
	}
	out[o] = '\0';
}

int policy_rule_match(const struct sysctl_rule *rule, const char *value)
{
	char a[512], b[512];
	int64_t v;

	if (rule->numeric) {
		squeeze(value, a, sizeof(a));
		if (parse_i64(a, &v))
			return -EINVAL;
		switch (rule->op) {
		case CMP_EQ: return v == rule->num;
		case CMP_NE: return v != rule->num;
		case CMP_GE: return v >= rule->num;
		case CMP_LE: return v <= rule->num;
		}
		return 0;
	}
	squeeze(value, a, sizeof(a));
	squeeze(rule->value, b, sizeof(b));
	return rule->op == CMP_NE ? strcmp(a, b) != 0 : strcmp(a, b) == 0;
}

void policy_rule_str(const struct sysctl_rule *rule, char *out, size_t outlen)
{
	static const char *const ops[] = { "=", ">=", "<=", "!=" };
	snprintf(out, outlen, "%s%s", ops[rule->op], rule->value);
}

int policy_is_disabled(const struct policy *p, const char *id)
{
	size_t i;

	for (i = 0; i < p->ndisabled; i++) {
		if (!strcmp(p->disabled[i], id))
			return 1;
	}
	return 0;
}

int policy_severity(const struct policy *p, const char *id)
{
	size_t i;
	int st = 0;

	for (i = 0; i < p->nsev; i++) {
		if (!strcmp(p->sev[i].id, id))
			st = p->sev[i].status;
	}
	return st;
}
