/* cmd.c - what the verbs share for talking to the user. */
#include <stdarg.h>
#include <stdio.h>

#include "cmd.h"

void die_msg(const char *fmt, ...)
{
	va_list ap;

	fputs("kdumpcheck: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}
