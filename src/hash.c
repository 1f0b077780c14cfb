/*
 * hash.c - sha256 of a file through OpenSSL's SHA256 functions (libcrypto,
 * opened by crypto.c when a hash is asked for), streamed with a buffer that
 * stays in the cache. These are the same hardware-accelerated routines EVP
 * dispatches to (SHA-NI, AVX2), without EVP's provider setup, which costs
 * OpenSSL 3 about 2 MiB of memory: too much for a capture kernel.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "crypto.h"
#include "hash.h"
#include "util.h"

#define HASH_BUF (256u << 10)	/* fits L2: a larger buffer is slower, the data leaves the cache */

int sha256_fd(int fd, char hex[65], uint64_t *bytes, hash_progress_fn progress, void *arg)
{
	const struct crypto_api *c = crypto_open();
	SHA256_CTX md;
	unsigned char *buf = NULL, digest[SHA256_DIGEST_LENGTH];
	unsigned int i;
	uint64_t done = 0, total = 0, next_report = 0;
	struct stat st;
	int e = 0;

	if (!c)
		return -ELIBACC;
	if (fstat(fd, &st) == 0)
		total = (uint64_t)st.st_size;
#ifdef POSIX_FADV_SEQUENTIAL
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	buf = xmalloc(HASH_BUF);
	if (c->sha256_init(&md) != 1) {
		e = -EIO;
		goto done;
	}
	for (;;) {
		ssize_t n = pread(fd, buf, HASH_BUF, (off_t)done);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			e = -errno;
			goto done;
		}
		if (n == 0)
			break;
		if (c->sha256_update(&md, buf, (size_t)n) != 1) {
			e = -EIO;
			goto done;
		}
		done += (uint64_t)n;
		if (progress && done >= next_report) {
			progress(done, total, arg);
			next_report = done + (64u << 20);
		}
	}
	if (c->sha256_final(digest, &md) != 1) {
		e = -EIO;
		goto done;
	}
	for (i = 0; i < SHA256_DIGEST_LENGTH; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	if (bytes)
		*bytes = done;
	if (progress)
		progress(done, total, arg);
done:
	free(buf);
	return e;
}
