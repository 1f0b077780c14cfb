/* cmd.c - what the verbs share for talking to the user. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd.h"
#include "root.h"

/* "kdumpcheck: " and the message on stderr. */
static void vsay(const char *fmt, va_list ap)
{
	fputs("kdumpcheck: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void die_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

int kdc_error(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	return code;
}

const char *gopt_arg(const struct gopts *g, const char *name)
{
	size_t i;

	for (i = g->nvopts; i-- > 0;)
		if (!strcmp(g->vopts[i].name, name))
			return g->vopts[i].arg;
	return NULL;
}

int gopt_flag(const struct gopts *g, const char *name)
{
	return gopt_arg(g, name) != NULL;
}

int session_open(const struct gopts *g, struct session *s)
{
	char err[4096];
	int e;

	memset(s, 0, sizeof(*s));
	e = root_new(g->root, &s->root);
	if (e) {
		die_msg("--root %s: %s", g->root, strerror(-e));
		return 3;
	}
	policy_defaults(&s->pol);
	if (g->config)
		e = policy_load(&s->pol, NULL, g->config, 0, err, sizeof(err));
	else
		e = policy_load(&s->pol, s->root, SYSCONFDIR "/kdumpcheck.conf", 1, err, sizeof(err));
	if (e) {
		die_msg("%s", err);
		session_close(s);
		return 3;
	}
	s->ctx.root = s->root;
	s->ctx.policy = &s->pol;
	host_detect(s->root, &s->ctx.host);
	return 0;
}

void session_close(struct session *s)
{
	policy_free(&s->pol);
	root_free(s->root);
	memset(s, 0, sizeof(*s));
}
