/* compat.h - the few things glibc 2.12 / gcc 4.4 (CentOS 6) lack, in one place. */
#ifndef KDC_COMPAT_H
#define KDC_COMPAT_H

#include <stddef.h>
#include <stdint.h>

#ifndef O_CLOEXEC
#define O_CLOEXEC 02000000
#endif

#ifndef __has_attribute
#define __has_attribute(x) 0
#endif

#if defined(__GNUC__)
#define KDC_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define KDC_UNUSED __attribute__((unused))
#else
#define KDC_PRINTF(a, b)
#define KDC_UNUSED
#endif

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

#endif
