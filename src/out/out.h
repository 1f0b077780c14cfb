/* out.h - the report rendered in one place: text, JSON, Prometheus, Nagios. */
#ifndef KDC_OUT_H
#define KDC_OUT_H

#include <stdio.h>

#include "check.h"

/* FMT_CSV is written by fleet only. */
enum out_format { FMT_TEXT, FMT_JSON, FMT_PROM, FMT_NAGIOS, FMT_CSV };

struct out_opts {
	enum out_format format;
	int color;		/* ANSI colour in text output */
	int verbosity;		/* -1 quiet, 0 normal, 1 verbose */
};

void out_text(FILE *f, const struct ctx *c, const struct report *rep, const struct out_opts *o);
void out_json(FILE *f, const struct ctx *c, const struct report *rep);
/* The §6 report as a JSON object (the caller owns it). */
struct json_object;
struct json_object *out_json_report(const struct ctx *c, const struct report *rep);
void out_prom(FILE *f, const struct ctx *c, const struct report *rep);
void out_nagios(FILE *f, const struct ctx *c, const struct report *rep);

/* The whole report in the chosen format. */
void out_report(FILE *f, const struct ctx *c, const struct report *rep, const struct out_opts *o);

#endif
