/* hash.c - sha256 of a file, streamed through OpenSSL EVP with a large buffer. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/opensslv.h>

#include "hash.h"
#include "util.h"

/* OpenSSL 1.0 (EL6, EL7) names the context functions differently. */
#if OPENSSL_VERSION_NUMBER < 0x10100000L
#define EVP_MD_CTX_new EVP_MD_CTX_create
#define EVP_MD_CTX_free EVP_MD_CTX_destroy
#endif

#define HASH_BUF (256u << 10)	/* fits L2: a larger buffer is slower, the data leaves the cache */

int sha256_fd(int fd, char hex[65], uint64_t *bytes, hash_progress_fn progress, void *arg)
{
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	unsigned char *buf = NULL, digest[EVP_MAX_MD_SIZE];
	unsigned int dlen = 0, i;
	uint64_t done = 0, total = 0, next_report = 0;
	struct stat st;
	int e = 0;

	if (!md)
		return -ENOMEM;
	if (fstat(fd, &st) == 0)
		total = (uint64_t)st.st_size;
#ifdef POSIX_FADV_SEQUENTIAL
	posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
	buf = xmalloc(HASH_BUF);
	if (EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1) {
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
		if (EVP_DigestUpdate(md, buf, (size_t)n) != 1) {
			e = -EIO;
			goto done;
		}
		done += (uint64_t)n;
		if (progress && done >= next_report) {
			progress(done, total, arg);
			next_report = done + (64u << 20);
		}
	}
	if (EVP_DigestFinal_ex(md, digest, &dlen) != 1 || dlen != 32) {
		e = -EIO;
		goto done;
	}
	for (i = 0; i < dlen; i++)
		snprintf(hex + 2 * i, 3, "%02x", digest[i]);
	if (bytes)
		*bytes = done;
	if (progress)
		progress(done, total, arg);
done:
	free(buf);
	EVP_MD_CTX_free(md);
	return e;
}
