/*
 * crypto.h - OpenSSL's libcrypto, opened with dlopen() by the paths that
 * hash (tag's sha256, hashed known_hosts entries) and by nothing else: the
 * preflight and collect never map it, which keeps a process start cheap and
 * the capture initramfs small.
 */
#ifndef KDC_CRYPTO_H
#define KDC_CRYPTO_H

#include <stddef.h>

/* the SHA256_* functions are deprecated in OpenSSL 3 in favour of EVP, not removed */
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

/* The functions used, with the prototypes of the headers built against
 * (the same in OpenSSL 1.0.1 to 3). */
struct crypto_api {
	__typeof__(SHA256_Init) *sha256_init;
	__typeof__(SHA256_Update) *sha256_update;
	__typeof__(SHA256_Final) *sha256_final;
	__typeof__(HMAC) *hmac;
	__typeof__(EVP_sha1) *evp_sha1;
};

/*
 * libcrypto, opened on the first call (the soname built against first, then
 * those of OpenSSL 3, 1.1, EL's 1.0 and 1.0.0). NULL when none opens or one
 * lacks a function; crypto_error() then says why.
 */
const struct crypto_api *crypto_open(void);
const char *crypto_error(void);

#endif
