/*
 * udiff.h - a unified diff (diff -u, 3 lines of context) between two texts,
 * as fix prints it before a file is changed.
 */
#ifndef KDC_FIX_UDIFF_H
#define KDC_FIX_UDIFF_H

#include <stddef.h>

struct sbuf;

/*
 * Append to out the diff turning a into b, with the headers "--- label_a"
 * and "+++ label_b"; nothing when the texts are equal. a NULL a is a file
 * that does not exist yet ("--- /dev/null"). Returns the number of hunks.
 * Lines are compared as bytes; a last line without a newline is marked as
 * diff marks it ("\ No newline at end of file").
 */
int udiff(const char *a, size_t alen, const char *b, size_t blen, const char *label_a, const char *label_b,
	  struct sbuf *out);

#endif
