/*
 * fuzz-knownhosts.c - libFuzzer target for the known_hosts lookup: each
 * input is a known_hosts file searched for a plain name, a name on another
 * port, and a name a hashed seed entry stands for. No crash, leak or read
 * past the buffer; a match names a line of the input, no match names none.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-knownhosts tests/fuzz/fuzz-knownhosts.c \
 *     src/parse/knownhosts.c src/util.c -lcrypto
 *   ./fuzz-knownhosts tests/fuzz/corpus/knownhosts
 */
#include <stdint.h>
#include <stdlib.h>

#include "parse/knownhosts.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Look one host up and check the answer's invariants. */
static void lookup(const char *text, size_t size, unsigned lines, const char *host, unsigned port)
{
	unsigned line = 99;
	enum kh_match m = known_hosts_find(text, size, host, port, &line);

	if (m != KH_NONE && m != KH_FOUND && m != KH_REVOKED)
		abort();
	if ((m == KH_NONE) != (line == 0) || line > lines)
		abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data;
	unsigned lines = 1;
	size_t i;

	for (i = 0; i < size; i++)
		lines += data[i] == '\n';
	lookup(text, size, lines, "backup01.example.com", 22);
	lookup(text, size, lines, "backup01.example.com", 2222);
	lookup(text, size, lines, "10.0.0.5", 22);
	return 0;
}
