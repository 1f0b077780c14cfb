/*
 * shvars.h - shell variable files: the KEY=value assignments a shell script
 * sourced by a tool leaves behind. Read this way:
 *   /etc/default/grub, /etc/default/grub.d/ *.cfg  (sourced by grub-mkconfig)
 *   /etc/default/kdump-tools                       (sourced by kdump-config)
 * and any file of the same shape (/etc/sysconfig/kdump).
 *
 * Grammar (a subset of POSIX sh, evaluated without running anything):
 *   file        := { statement sep } ;  sep := '\n' | ';'  (and '&' '|' '(' ')' in SH mode)
 *   statement   := [ "export" | "readonly" ] { NAME '=' word } [ command words ]
 *   word        := { plain | '\' char | '...' | "..." | $NAME | ${NAME} | ${NAME op word} }
 *   comment     := '#' to the end of the line, where a word may start
 *   line continuation: backslash-newline, outside single quotes
 * Inside "...", \\ \" \$ \` and backslash-newline are escapes; '...' is
 * literal. $NAME and ${NAME} expand to earlier assignments (unset: empty).
 * Blanks are is_blank() characters other than newline.
 *
 * Two statement grammars over the one lexer:
 *   SHVARS_SH      the file is a script: commands are skipped (an assignment
 *                  prefixed to a command does not persist), if/then/else are
 *                  not evaluated (every branch applies, in order), $(...) and
 *                  `...` and the other ${...} forms stay in the value as
 *                  written; ${NAME:-w} ${NAME-w} ${NAME:=w} ${NAME=w}
 *                  ${NAME:+w} ${NAME+w} are expanded.
 *   SHVARS_ASSIGN  only assignments: anything else (a command, an operator,
 *                  $(...), `...`, ${NAME op word}) is an error.
 *
 * Bounds, so hostile text costs bounded time and memory (past one: -EINVAL
 * with the line and a message):
 *   SHVARS_MAX_TEXT   bytes of text in one call
 *   SHVARS_MAX_LINE   bytes on one physical line
 *   SHVARS_MAX_VALUE  bytes of one expanded value (opts.max_value may lower it)
 *   SHVARS_MAX_TOTAL  bytes of all the values held at once
 *   SHVARS_MAX_WORK   bytes produced by expansion in one call (a file whose
 *                     variables double each other stops here, not at gigabytes;
 *                     opts.max_work may lower it)
 *   SHVARS_MAX_VARS   distinct variables
 *   SHVARS_MAX_DEPTH  nested ${...} words
 */
#ifndef KDC_PARSE_SHVARS_H
#define KDC_PARSE_SHVARS_H

#include <stddef.h>

#define SHVARS_MAX_TEXT		(8u << 20)
#define SHVARS_MAX_LINE		(4u << 20)
#define SHVARS_MAX_VALUE	(8u << 20)
#define SHVARS_MAX_TOTAL	(16u << 20)
#define SHVARS_MAX_WORK		(64u << 20)
#define SHVARS_MAX_VARS		1024
#define SHVARS_MAX_DEPTH	32

/* The variables set so far; parse several files in order into one to get the final values. */
struct shvars {
	char **names;
	char **values;
	unsigned *lines;	/* line of each variable's last assignment */
	size_t n;
	size_t bytes;		/* total length of the values */
	unsigned *slots;	/* hash index by name: entry + 1, 0 empty */
	size_t nslots;		/* a power of two, at least twice n */
};

enum shvars_mode { SHVARS_SH, SHVARS_ASSIGN };

struct shvars_opts {
	enum shvars_mode mode;
	size_t max_value;	/* 0: SHVARS_MAX_VALUE */
	size_t max_work;	/* 0: SHVARS_MAX_WORK */
	/*
	 * Called for every assignment as it takes effect, before it is stored;
	 * non-zero fails the parse with msg at the current line.
	 */
	int (*check)(void *arg, const char *name, const char *value, char *msg, size_t msglen);
	void *arg;
};

/* The first problem of a parse: its line (from 1) and what it is. */
struct shvars_err {
	unsigned line;
	char msg[160];
};

/*
 * Apply the assignments of one file's text to v. Returns 0, or -EINVAL with
 * err (when given) set, and v as it was before the call. opts NULL: SHVARS_SH.
 */
int shvars_parse(struct shvars *v, const char *text, size_t len, const struct shvars_opts *opts,
		 struct shvars_err *err);
/* The current value of name, or NULL. */
const char *shvars_get(const struct shvars *v, const char *name);
/* The line of name's last assignment, 0 when unset. */
unsigned shvars_line(const struct shvars *v, const char *name);
void shvars_free(struct shvars *v);

#endif
