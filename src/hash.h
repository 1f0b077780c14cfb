/* hash.h - sha256 of a whole file with libcrypto's SHA256 (hardware SHA where the CPU has it). */
#ifndef KDC_HASH_H
#define KDC_HASH_H

#include <stdint.h>

/* Called now and then with bytes done and the total, for a progress bar. */
typedef void (*hash_progress_fn)(uint64_t done, uint64_t total, void *arg);

/*
 * sha256 of everything readable on fd from offset 0, as 64 lowercase hex
 * characters in hex[65]. *bytes gets the length hashed. 0 or -errno;
 * -ELIBACC when libcrypto could not be loaded (crypto_error() says why).
 */
int sha256_fd(int fd, char hex[65], uint64_t *bytes, hash_progress_fn progress, void *arg);

#endif
