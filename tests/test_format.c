/* Unit tests: ys_snprintf (lib/format.c) writes what the C library's
 * snprintf writes, and returns what it returns, for every room from none
 * to more than enough: the conversions it writes itself, and formats it
 * must hand on (a NULL string, flags, widths, other conversions). */
#include "testutil.h"
#include "format.h"

#include <limits.h>
#include <stdint.h>

/* Both into buffers of every cap 0..sizeof-1, pre-filled alike. */
#define SAME_AS_SNPRINTF(...)                                                         \
    do {                                                                              \
        char want[96], got[96];                                                       \
        for (size_t cap = 0; cap < sizeof want; cap++) {                              \
            memset(want, '#', sizeof want);                                           \
            memset(got, '#', sizeof got);                                             \
            int wn = snprintf(want, cap, __VA_ARGS__);                                \
            int gn = ys_snprintf(got, cap, __VA_ARGS__);                              \
            assert_int_equal(gn, wn);                                                 \
            assert_memory_equal(got, want, sizeof want);                              \
        }                                                                             \
    } while (0)

static void conversions_written_here(void **st)
{
    (void)st;
    SAME_AS_SNPRINTF("表11%s目标%d", "年度", 5);
    SAME_AS_SNPRINTF("指标“%s”：%s为“%s”（第%d行）", "租赁费用", "表11年度目标5", "26", 564);
    SAME_AS_SNPRINTF("%.*s|%.*s|%.*s", 3, "预算金额", 0, "x", -1, "whole");
    SAME_AS_SNPRINTF("%.*s", 60, "short");
    SAME_AS_SNPRINTF("%d %d %d %d", INT_MIN, INT_MAX, 0, -7);
    SAME_AS_SNPRINTF("%ld %ld %u %zu", LONG_MIN, LONG_MAX, UINT_MAX, SIZE_MAX);
    SAME_AS_SNPRINTF("100%% 超过%s%%", "100");
    SAME_AS_SNPRINTF("%s", "");
    SAME_AS_SNPRINTF("no conversion at all, long enough to be cut in every buffer");
}

static void formats_handed_on(void **st)
{
    (void)st;
    const char *volatile none = NULL;   /* glibc writes "(null)" */
    SAME_AS_SNPRINTF("a%sb", none);
    SAME_AS_SNPRINTF("a%.*sb", 8, none);
    SAME_AS_SNPRINTF("a%.*sb", 2, none);
    SAME_AS_SNPRINTF("%5d|%-4s|%x|%c|%.2f", 42, "ab", 255u, 'z', 1.005);
    SAME_AS_SNPRINTF("%s %lld", "mixed", -5LL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(conversions_written_here),
        cmocka_unit_test(formats_handed_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
