/*
 * utf8_ref.h — the tests' reference for "is this valid UTF-8": utf8proc
 * accepting every sequence in turn.  The library's own checks (ys_utf8_valid,
 * the fast folds) are held against it.
 */
#ifndef YS_TEST_UTF8_REF_H
#define YS_TEST_UTF8_REF_H

#include <stdbool.h>
#include <stddef.h>
#include <utf8proc.h>

static inline bool test_utf8_valid_ref(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n;) {
        if (p[i] < 0x80) {
            i++;
            continue;
        }
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
        if (len <= 0)
            return false;
        i += (size_t)len;
    }
    return true;
}

#endif
