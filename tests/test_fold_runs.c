/* test_fold_runs: ys_fold and ys_utf8_valid over long mixed texts (runs of
 * ideographs read a word at a time, two characters an eight-byte word; a text longer than the room folded
 * head first) agree with references worked out here from utf8proc, for
 * every room from nothing to more than enough. */
#include "testutil.h"
#include "utf8_ref.h"

#include <stdint.h>
#include <utf8proc.h>

#include "text.h"

/* Pieces the texts are made of: ideographs (runs of them), ASCII, blanks
 * of three kinds, full-width forms, quotes and signs the fast fold keeps,
 * and characters only utf8proc folds (①, ㎡, ﬁ). */
static const char *const pieces[] = {
    "预算", "收支总体情况", "一", "a", "12.5", " ", "\t", "\u3000", "\u00a0", "（一级）", "１２",
    "“", "”", "≥", "、", "①", "㎡", "ﬁ", "万元", "x", "基本支出项目经费",
    "가힣가",   /* leads EA, ED (past the D7FF below the surrogates): runs taken two a step end */
};

static uint32_t rng = 12345;
static uint32_t next(void)
{
    rng = rng * 1103515245u + 12345u;
    return rng >> 16;
}

static size_t make_text(char *buf, size_t cap, int npieces)
{
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < npieces; i++) {
        const char *p = pieces[next() % (sizeof pieces / sizeof *pieces)];
        size_t k = strlen(p);
        if (n + k + 1 > cap)
            break;
        memcpy(buf + n, p, k + 1);
        n += k;
    }
    return n;
}

static bool blank_cp(utf8proc_int32_t c)
{
    return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x3000 || c == 0xA0;
}

/* The reference fold into cap bytes: each character's NFKC by utf8proc,
 * blanks dropped; an ASCII character needs o + 1 < cap, each code point of
 * a non-ASCII one o + 4 < cap (room for any encoding and the NUL); the
 * first that does not fit stops it ((size_t)-1, out holding what fit). */
static size_t ref_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    while (i < n) {
        utf8proc_int32_t cp;
        utf8proc_ssize_t len = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                                (utf8proc_ssize_t)(n - i), &cp);
        assert_true(len > 0);
        i += (size_t)len;
        if (cp < 0x80) {
            if (blank_cp(cp))
                continue;
            if (o + 1 >= cap)
                goto full;
            out[o++] = (char)cp;
            continue;
        }
        utf8proc_int32_t dec[8];
        utf8proc_ssize_t m = utf8proc_decompose_char(
            cp, dec, 8, UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_STABLE, NULL);
        assert_true(m > 0 && m <= 8);
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            if (blank_cp(dec[j]))
                continue;
            if (o + 4 >= cap)
                goto full;
            o += (size_t)utf8proc_encode_char(dec[j], (utf8proc_uint8_t *)out + o);
        }
    }
    out[o] = 0;
    return o;
full:
    out[o] = 0;
    return (size_t)-1;
}

static void fold_every_room(void **st)
{
    (void)st;
    char text[512], want[600], got[600];
    for (int round = 0; round < 300; round++) {
        size_t n = make_text(text, sizeof text, 1 + (int)(next() % 40));
        for (size_t cap = 1; cap <= n + 10 && cap <= sizeof got; cap++) {
            size_t w = ref_fold(text, n, want, cap);
            memset(got, 'Z', sizeof got);
            size_t g = ys_fold(text, n, got, cap);
            if (w != g || strcmp(want, got) != 0)
                fail_msg("round %d cap %zu: \"%s\" -> want %zd \"%s\", got %zd \"%s\"", round, cap,
                         text, (ssize_t)w, want, (ssize_t)g, got);
        }
    }
}

/* A long run of ideographs cut into a small room, then a run broken by an
 * invalid byte: the head taken fast ends where the full fold would. */
static void fold_long_runs(void **st)
{
    (void)st;
    char text[400], want[400], got[400];
    text[0] = 0;
    for (int i = 0; i < 40; i++)
        strcat(text, i % 7 == 6 ? "①" : "预");
    size_t n = strlen(text);
    for (size_t cap = 1; cap <= n + 6; cap++) {
        size_t w = ref_fold(text, n, want, cap);
        size_t g = ys_fold(text, n, got, cap);
        assert_int_equal(g, w);
        assert_string_equal(got, want);
    }
    text[31] = 'A';   /* the 11th ideograph's second byte: not UTF-8 */
    for (size_t cap = 1; cap <= n + 6; cap++)   /* full, or refused */
        assert_int_equal(ys_fold(text, n, got, cap), (size_t)-1);
}

static void utf8_valid_long_texts(void **st)
{
    (void)st;
    static const unsigned char bad[] = {0x80, 0xBF, 0xC0, 0xE4, 0xED, 0xF5, 0xFF};
    char text[512];
    for (int round = 0; round < 2000; round++) {
        size_t n = make_text(text, sizeof text, 1 + (int)(next() % 60));
        if (n && round % 2) {   /* one byte spoilt somewhere */
            text[next() % n] = (char)bad[next() % sizeof bad];
        }
        for (size_t cut = 0; cut <= 4 && cut <= n; cut++)
            if (test_utf8_valid_ref((const unsigned char *)text, n - cut) !=
                ys_utf8_valid(text, n - cut))
                fail_msg("round %d cut %zu: disagrees with utf8proc", round, cut);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fold_every_room),
        cmocka_unit_test(fold_long_runs),
        cmocka_unit_test(utf8_valid_long_texts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
