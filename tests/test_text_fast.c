/* Unit tests: the fast paths of lib/text.c (ys_utf8_valid without a call
 * per character, ys_fold and ys_fold_keep_space skipping utf8proc for CJK
 * ideographs) agree with utf8proc itself, which the test asks directly. */
#include "testutil.h"
#include "utf8_ref.h"
#include "text.h"

#include <utf8proc.h>

/* Every lead byte with every second byte, a few third and fourth bytes
 * around the continuation range, each cut short as well. */
static void utf8_valid_matches_utf8proc(void **st)
{
    (void)st;
    static const unsigned char tails[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF};
    size_t nt = sizeof tails / sizeof *tails;
    unsigned char b[4];
    for (int a = 0x80; a < 0x100; a++)
        for (int c = 0; c < 0x100; c++)
            for (size_t d = 0; d < nt; d++)
                for (size_t e = 0; e < nt; e++) {
                    b[0] = (unsigned char)a;
                    b[1] = (unsigned char)c;
                    b[2] = tails[d];
                    b[3] = tails[e];
                    for (size_t n = 1; n <= 4; n++)
                        if (test_utf8_valid_ref(b, n) != ys_utf8_valid((const char *)b, n))
                            fail_msg("%02x %02x %02x %02x (n=%zu)", b[0], b[1], b[2], b[3], n);
                }
    assert_true(ys_utf8_valid("预算 ok", strlen("预算 ok")));
    assert_false(ys_utf8_valid("\xED\xA0\x80", 3));      /* a surrogate */
    assert_false(ys_utf8_valid("\xE9\xA2", 2));          /* cut short */
}

/* Long texts of Chinese, full-width punctuation, ASCII and now and then
 * another kind of character or a broken one, at every offset of sixteen-
 * byte steps: ys_utf8_valid answers as utf8proc does. */
static void utf8_valid_long_texts(void **st)
{
    (void)st;
    static const char *const pieces[] = {
        "预", "算", "，", "（", "）", "表", "\t", "1", " ", "。",        /* the common kinds */
        "\xEF\xBF\xBF", "\xE1\x80\x80", "\xEC\xBF\xBF", "\xEE\x80\x80",
        "·", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xF0\x9F\x98\x80", /* others, valid */
        "\xE0\x80\x80", "\xED\xA0\x80", "\x80", "\xE9\xA2", "\xC0\xAF", "\xFF",
        "\xF4\x90\x80\x80", "\xE9",                                  /* broken */
    };
    enum { NP = sizeof pieces / sizeof *pieces, NCOMMON = 10 };
    unsigned char buf[160];
    unsigned r = 2024;
    for (int round = 0; round < 40000; round++) {
        size_t n = 0;
        while (n < sizeof buf - 8) {
            r = r * 1103515245u + 12345u;
            unsigned pick = (r >> 16) % 1000;
            /* mostly the common kinds; a rarer kind in a tenth of the texts */
            size_t k = pick < 985 || round % 10 ? (r >> 8) % NCOMMON
                                                : NCOMMON + (r >> 8) % (NP - NCOMMON);
            size_t len = strlen(pieces[k]);
            memcpy(buf + n, pieces[k], len);
            n += len;
        }
        r = r * 1103515245u + 12345u;
        size_t cut = (r >> 16) % (n + 1);
        for (size_t off = 0; off < 3 && off < cut; off++)
            assert_int_equal(ys_utf8_valid((const char *)buf + off, cut - off),
                             test_utf8_valid_ref(buf + off, cut - off));
    }
}

/* ys_fold of each ideograph U+4E00..U+9FFF is utf8proc's NFKC of it. */
static void fold_ideographs_as_nfkc(void **st)
{
    (void)st;
    for (utf8proc_int32_t cp = 0x4E00; cp <= 0x9FFF; cp++) {
        utf8proc_uint8_t in[8];
        utf8proc_ssize_t n = utf8proc_encode_char(cp, in);
        in[n] = 0;
        utf8proc_uint8_t *want = utf8proc_NFKC(in);
        char got[16];
        assert_int_equal(ys_fold((const char *)in, (size_t)n, got, sizeof got), strlen((char *)want));
        assert_string_equal(got, (char *)want);
        free(want);
    }
    /* the comparison signs the fast fold keeps: NFKC keeps them too */
    static const char *const signs[] = {"≤", "≥", "≦", "≧", "≥95%", "≤ 1500元/人/天"};
    for (size_t i = 0; i < sizeof signs / sizeof *signs; i++) {
        utf8proc_uint8_t *want = utf8proc_NFKC((const utf8proc_uint8_t *)signs[i]);
        char got[64], nospace[64];
        size_t o = 0;
        for (const char *p = (const char *)want; *p; p++)
            if (*p != ' ')
                nospace[o++] = *p;
        nospace[o] = 0;
        ys_fold(signs[i], strlen(signs[i]), got, sizeof got);
        assert_string_equal(got, nospace);
        assert_int_not_equal(ys_fold_fast(signs[i], strlen(signs[i]), got, sizeof got), (size_t)-1);
        free(want);
    }
    /* full-width forms still go through utf8proc */
    char out[32];
    ys_fold("（一级）１２", strlen("（一级）１２"), out, sizeof out);
    assert_string_equal(out, "(一级)12");
    /* too little room for the fast fold (cap <= n + 4): the full fold,
     * which keeps the same characters without utf8proc, says the same */
    const char *in = "（一级）１２≥“";
    assert_int_equal(ys_fold(in, strlen(in), out, strlen(in) + 1), strlen("(一级)12≥“"));
    assert_string_equal(out, "(一级)12≥“");
}

/* The reference for ys_fold_keep_space, worked out here: utf8proc's NFKC
 * (U+3000 and U+00A0 become blanks), then each run of blanks one space,
 * none at either end. */
static void keep_space_by_hand(const char *in, char *out, size_t cap)
{
    utf8proc_uint8_t *nfkc = utf8proc_NFKC((const utf8proc_uint8_t *)in);
    assert_non_null(nfkc);
    size_t o = 0;
    bool pending = false;
    for (const char *p = (const char *)nfkc; *p; p++) {
        if (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
            pending = o > 0;
            continue;
        }
        if (pending && o + 1 < cap)
            out[o++] = ' ';
        pending = false;
        if (o + 1 < cap)
            out[o++] = *p;
    }
    out[o] = 0;
    free(nfkc);
}

/* ys_fold_keep_space (fast for these) agrees with the reference on blanks
 * of every kind at the ends, between words, and in runs. */
static void fold_keep_space_as_nfkc(void **st)
{
    (void)st;
    static const char *const texts[] = {
        "  预算 总 额\t\t1,234.5 万元  ",
        "\u3000\u3000一、收支预算总体安排情况\u3000",
        "合计\u00a0\u00a0（万元）\r\n第二行",
        "ＡＢＣ　１２３ abc\f\vdef",
        "“项目”、「名称」。 ；",
        "",
        "   ",
        "x",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        char want[256], got[256];
        keep_space_by_hand(texts[i], want, sizeof want);
        size_t n = ys_fold_keep_space(texts[i], strlen(texts[i]), got, sizeof got);
        assert_int_equal(n, strlen(want));
        assert_string_equal(got, want);
    }
}

/* The fast fold answers for valid UTF-8 only: a CJK lead byte with a
 * broken continuation leaves it to the full fold, which reports it. */
static void fold_fast_refuses_invalid(void **st)
{
    (void)st;
    static const unsigned char tails[] = {0x00, 0x41, 0x7F, 0xC0, 0xFF};
    for (int lead = 0xE4; lead <= 0xE9; lead++)
        for (size_t t = 0; t < sizeof tails; t++)
            for (int pos = 1; pos <= 2; pos++) {
                char in[4] = {(char)lead, (char)0x80, (char)0x80, 'x'};
                in[pos] = (char)tails[t];
                char out[32];
                bool valid = test_utf8_valid_ref((const unsigned char *)in, sizeof in);
                assert_false(valid);
                assert_int_equal(ys_fold_fast(in, sizeof in, out, sizeof out), (size_t)-1);
                assert_int_equal(ys_fold(in, sizeof in, out, sizeof out), (size_t)-1);
            }
}

/* ys_utf8_len counts what a byte-by-byte count of non-continuation
 * bytes does, at every length (its steps of 16 and of 255 × 16 bytes). */
static void utf8_len_counts_code_points(void **st)
{
    (void)st;
    enum { N = 16 * 255 * 2 + 40 };
    static char buf[N];
    unsigned r = 12345;
    for (size_t i = 0; i < N; i++) {
        r = r * 1103515245u + 12345u;
        buf[i] = (char)(r >> 16);   /* any byte: continuation or not */
    }
    size_t want = 0;
    for (size_t n = 0; n <= N; n++) {
        if (n)
            want += ((unsigned char)buf[n - 1] & 0xC0) != 0x80;
        if (n < 300 || n % 97 == 0 || n > N - 20)
            assert_int_equal(ys_utf8_len(buf + 0, n), want);
    }
    assert_int_equal(ys_utf8_len("表11目标", strlen("表11目标")), 5);
}

/* The quoted form: blanks beside non-ASCII text go, runs between ASCII
 * words become one space, and a cut falls between characters. */
static void quote_form_by_example(void **st)
{
    (void)st;
    static const char *const pairs[][2] = {
        {"2个五门柜 1台饮水机", "2个五门柜1台饮水机"},
        {"  LED 灯\t2 台\u3000", "LED灯2台"},
        {"Windows  10 \n系统", "Windows 10系统"},
        {"a\u00a0b", "a b"},
        {"", ""},
        {" \u3000 ", ""},
    };
    char out[64];
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        size_t n = ys_quote_form(pairs[i][0], strlen(pairs[i][0]), out, sizeof out);
        assert_string_equal(out, pairs[i][1]);
        assert_int_equal(n, strlen(pairs[i][1]));
    }
    /* 4 bytes of room: "ab" and one 3-byte character do not fit, "ab" does */
    assert_int_equal(ys_quote_form("ab五", strlen("ab五"), out, 4), 2);
    assert_string_equal(out, "ab");
    assert_int_equal(ys_quote_form("五六", strlen("五六"), out, 4), 3);
    assert_string_equal(out, "五");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(utf8_valid_matches_utf8proc),
        cmocka_unit_test(utf8_valid_long_texts),
        cmocka_unit_test(fold_ideographs_as_nfkc),
        cmocka_unit_test(fold_keep_space_as_nfkc),
        cmocka_unit_test(fold_fast_refuses_invalid),
        cmocka_unit_test(utf8_len_counts_code_points),
        cmocka_unit_test(quote_form_by_example),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
