/*
 * crypto.c - libcrypto through dlopen(): see crypto.h. The library is opened
 * once and kept for the life of the process.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "compat.h"
#include "crypto.h"

#ifndef CRYPTO_SONAME
#define CRYPTO_SONAME ""
#endif

static struct crypto_api api;
static int state;		/* 0 not tried, 1 open, -1 failed */
static char why[400];

/* Resolve one function into *slot; 0, or -1 with err set. */
static int resolve(void *h, const char *soname, const char *name, void *slot, char *err, size_t errlen)
{
	void *f = dlsym(h, name);

	if (!f) {
		snprintf(err, errlen, "%s has no %s", soname, name);
		return -1;
	}
	memcpy(slot, &f, sizeof(f));
	return 0;
}

/* Open soname and resolve every function: 0, or -1 with err set. */
static int try_open(const char *soname, char *err, size_t errlen)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);

	if (!h) {
		const char *e = dlerror();

		snprintf(err, errlen, "%s", e ? e : soname);
		return -1;
	}
	if (resolve(h, soname, "SHA256_Init", &api.sha256_init, err, errlen) ||
	    resolve(h, soname, "SHA256_Update", &api.sha256_update, err, errlen) ||
	    resolve(h, soname, "SHA256_Final", &api.sha256_final, err, errlen) ||
	    resolve(h, soname, "HMAC", &api.hmac, err, errlen) ||
	    resolve(h, soname, "EVP_sha1", &api.evp_sha1, err, errlen)) {
		dlclose(h);
		return -1;
	}
	return 0;
}

const struct crypto_api *crypto_open(void)
{
	static const char *const names[] = {
		CRYPTO_SONAME, "libcrypto.so.3", "libcrypto.so.1.1", "libcrypto.so.10", "libcrypto.so.1.0.0",
	};
	char first[300] = "", err[300];
	size_t i;

	if (state)
		return state > 0 ? &api : NULL;
	state = -1;
	for (i = 0; i < ARRAY_SIZE(names); i++) {
		if (!names[i][0] || (i > 0 && !strcmp(names[i], names[0])))
			continue;
		if (!try_open(names[i], err, sizeof(err))) {
			state = 1;
			return &api;
		}
		if (!first[0])
			memcpy(first, err, sizeof(first));
	}
	/* the first failure says the most: the library built against */
	snprintf(why, sizeof(why), "libcrypto could not be loaded (%s)", first);
	return NULL;
}

const char *crypto_error(void)
{
	return state < 0 ? why : "";
}
