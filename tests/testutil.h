/*
 * testutil.h — shared helpers for the cmocka unit tests.
 */
#ifndef YS_TESTUTIL_H
#define YS_TESTUTIL_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "yusuan/amount.h"

/* A 万元 figure as written (the test's input, parsed the library's way). */
static inline ys_amount test_wan(const char *s)
{
    ys_amount a;
    assert_int_equal(ys_amount_parse(s, strlen(s), YS_UNIT_WAN, &a), 0);
    return a;
}

/* A percentage as written, % sign optional. */
static inline ys_amount test_pct(const char *s)
{
    ys_amount a;
    assert_int_equal(ys_pct_parse(s, strlen(s), false, &a), 0);
    return a;
}

/* Path of a file under ../shared (YS_SHARED), or NULL when it is absent. */
static inline const char *ys_test_shared(const char *rel, char *buf, size_t cap)
{
    const char *s = getenv("YS_SHARED");
    if (!s)
        s = "../shared";
    snprintf(buf, cap, "%s/%s", s, rel);
    FILE *f = fopen(buf, "rb");
    if (!f) {
        printf("skip: %s is absent\n", buf);
        return NULL;
    }
    fclose(f);
    return buf;
}

/* Read a whole file (NUL-terminated); *n gets its size. Caller frees. */
static inline char *ys_test_slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *b = malloc((size_t)len + 1);
    if (b && fread(b, 1, (size_t)len, f) != (size_t)len) {
        free(b);
        b = NULL;
    }
    fclose(f);
    if (b) {
        b[len] = 0;
        if (n)
            *n = (size_t)len;
    }
    return b;
}

#endif
