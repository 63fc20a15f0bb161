/* Unit tests: the matching that works on keys made beforehand (the
 * indicator views' ys_ikey, ys_match_indicator_keyed) picks the same
 * indicator as ys_match_indicator, which folds and compares each pair
 * afresh, for every name of a list chosen to hit each branch: equal
 * names, one name inside another, similar names above and below the mark,
 * names too short for bigrams, ties broken by the 一级 label. */
#include "testutil.h"

#include "indicator_sim.h"
#include "indicator_view.h"

static const struct { const char *l1, *l3; } names[] = {
    {"产出指标", "水务专家评审人次"}, {"产出指标", "专家评审人次"},
    {"成本指标", "印章费用"},         {"成本指标", "刻章费用"},
    {"效益指标", "满意度"},           {"满意度指标", "满意度"},
    {"产出指标", "“系统”运行率"},     {"产出指标", "系统运行率"},
    {"产出指标", "会议"},             {"产出指标", "会"},
    {"成本指标", "租赁费用/件"},      {"成本指标", "租赁费用标准"},
    {"产出指标", "档案数字化加工数量"}, {"产出指标", "数字化档案加工数"},
    {"效益指标", "群众满意度提升"},   {"产出指标", "按时完成率"},
    {"产出指标", "完成率按时"},       {"效益指标", "ABCD"},
    {"效益指标", "ＡＢＣＤＥ"},
    /* inside a much longer name: alike only as one inside the other */
    {"产出指标", "档案数字"},         {"产出指标", "档案数字化加工数量统计表格"},
};
#define N (sizeof names / sizeof *names)

static void keyed_matches_plain(void **st)
{
    (void)st;
    ys_indicator ind[N];
    const ys_indicator *pi[N];
    char keys[N][YS_IND_KEY_CAP];
    uint64_t bg[N][YS_IND_KEY_CAP];
    ys_ikey k[N];
    const ys_ikey *pk[N];
    for (size_t i = 0; i < N; i++) {
        memset(&ind[i], 0, sizeof ind[i]);
        ind[i].l1 = names[i].l1;
        ind[i].l3 = names[i].l3;
        pi[i] = &ind[i];
        size_t len = ys_indicator_key(names[i].l3, keys[i], sizeof keys[i]);
        k[i] = (ys_ikey){keys[i], len, bg[i], ys_ikey_bigrams(keys[i], bg[i], YS_IND_KEY_CAP),
                         ys_ikey_bytes(keys[i])};
        pk[i] = &k[i];
    }
    int found = 0;
    for (size_t x = 0; x < N; x++) {
        /* against every other name, then with the best already taken */
        bool used[N] = {false};
        used[x] = true;
        for (int round = 0; round < 3; round++) {
            long a = ys_match_indicator(&ind[x], pi, N, used);
            long b = ys_match_indicator_keyed(&ind[x], &k[x], pi, pk, N, used);
            assert_int_equal(a, b);
            if (a < 0)
                break;
            found++;
            used[a] = true;
        }
    }
    assert_true(found > 0);
    /* the containment rule pairs 水务专家评审人次 with 专家评审人次 */
    bool used[N] = {false};
    used[0] = true;
    assert_int_equal(ys_match_indicator_keyed(&ind[0], &k[0], pi, pk, N, used), 1);
}

/* The early-stopping Dice score gives the full score whenever that
 * reaches the floor, and something below the floor otherwise, for random
 * sorted lists of every length up to 40 and every floor. */
static void dice_min_agrees(void **st)
{
    (void)st;
    uint32_t rng = 7;
    uint64_t a[40], b[40];
    for (int round = 0; round < 3000; round++) {
        size_t na = 0, nb = 0;
        rng = rng * 1103515245u + 12345u;
        size_t la = (rng >> 16) % 41, lb = (rng >> 8) % 41;
        /* sorted values from a small range: many in common, repeats too */
        for (uint64_t v = 0; na < la; v++) {
            rng = rng * 1103515245u + 12345u;
            if ((rng >> 16) % 3 == 0)
                a[na++] = v / 2;
        }
        for (uint64_t v = 0; nb < lb; v++) {
            rng = rng * 1103515245u + 12345u;
            if ((rng >> 16) % 3 == 0)
                b[nb++] = v / 2;
        }
        int full = ys_bigram_dice(a, na, b, nb);
        for (int min = 1; min <= 1000; min += 37) {
            int got = ys_bigram_dice_min(a, na, b, nb, min);
            if (full >= min)
                assert_int_equal(got, full);
            else
                assert_true(got < min);
        }
    }
}

/* ys_cp_decode as it reads any bytes: a lead byte takes the continuation
 * bytes that follow (up to its length), anything else is one code point. */
static size_t ref_decode(const char *s, uint32_t *cp, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p && n < max) {
        uint32_t c = *p++;
        int k = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        c = k ? c & (0x3Fu >> k) : c;
        for (int i = 0; i < k && (*p & 0xC0) == 0x80; i++, p++)
            c = (c << 6) | (*p & 0x3F);
        cp[n++] = c;
    }
    return n;
}

static void decode_any_bytes(void **st)
{
    (void)st;
    static const char *const texts[] = {
        "预算abc", "\xe9\xa2", "\xe9\xa2x", "\xe9x\xa2", "\xa2\xa2", "\xf0\x9f\x98\x80z",
        "\xc3\xa9\xe9", "满意度≥95%", "\xed\xa0\x80", "",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
        for (size_t max = 0; max <= 8; max++) {
            uint32_t a[8], b[8];
            size_t na = ys_cp_decode(texts[t], a, max), nb = ref_decode(texts[t], b, max);
            assert_int_equal(na, nb);
            assert_memory_equal(a, b, na * sizeof *a);
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keyed_matches_plain),
        cmocka_unit_test(dice_min_agrees),
        cmocka_unit_test(decode_any_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
