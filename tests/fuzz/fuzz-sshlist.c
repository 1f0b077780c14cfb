/*
 * fuzz-sshlist.c - libFuzzer target for the listing an ssh dump target's
 * server sends ("SIZE MTIME HEXMODE DIR/NAME" lines), which a hostile server
 * shapes at will. No crash, leak or read past the buffer; at most
 * SSHLIST_MAX_DUMPS entries, each a dump (a dump file or a kernel log) whose
 * names are terminated and printable (escaped), in newest-first order; the
 * directory-name reader, fed each line, gives a precision of 1 or 60 s and a
 * terminated host.
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -std=gnu99 -D_GNU_SOURCE \
 *     -D_FILE_OFFSET_BITS=64 -Isrc -o fuzz-sshlist tests/fuzz/fuzz-sshlist.c <objects>
 *   ./fuzz-sshlist tests/fuzz/corpus/sshlist
 */
#include "fuzz.h"
#include "sshlist.h"

/* Terminated within size, and no control byte (names from the server are escaped). */
static int printable(const char *s, size_t size)
{
	size_t i;

	for (i = 0; i < size && s[i]; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] == 0x7f)
			return 0;
	return i < size;
}

/* The time newest_first() orders by. */
static int64_t when(const struct ssh_dump *d)
{
	return d->crash_time >= 0 ? d->crash_time : d->mtime;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ssh_listing l;
	char *s = fuzz_cstr(data, size), *line, *save = NULL, host[64];
	size_t i;
	int64_t t;
	int prec;

	FUZZ_CHECK(sshlist_parse((const char *)data, size, &l) == 0);
	FUZZ_CHECK(l.n <= SSHLIST_MAX_DUMPS);
	for (i = 0; i < l.n; i++) {
		const struct ssh_dump *d = &l.v[i];

		FUZZ_CHECK(printable(d->dir, sizeof(d->dir)) && printable(d->host, sizeof(d->host)));
		FUZZ_CHECK(memchr(d->vmcore, '\0', sizeof(d->vmcore)) != NULL);
		FUZZ_CHECK(d->vmcore[0] || d->dmesg);
		FUZZ_CHECK(d->crash_time < 0 || d->crash_prec == 1 || d->crash_prec == 60);
		FUZZ_CHECK(i == 0 || when(&l.v[i - 1]) >= when(d));
	}
	sshlist_free(&l);
	for (line = strtok_r(s, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		memset(host, 'x', sizeof(host));
		if (sshlist_dir_time(line, &t, &prec, host, sizeof(host)) == 0)
			FUZZ_CHECK((prec == 1 || prec == 60) && memchr(host, '\0', sizeof(host)) != NULL);
	}
	free(s);
	return 0;
}
