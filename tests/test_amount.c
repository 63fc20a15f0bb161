/* Unit tests: lib/amount.c — parsing, precision, formatting, agreement,
 * largest-remainder rounding. */
#include "testutil.h"
#include "yusuan/amount.h"

static ys_amount P(const char *s, ys_unit u)
{
    ys_amount a = {0, 0, false};
    assert_int_equal(ys_amount_parse(s, strlen(s), u, &a), 0);
    return a;
}

static void parse_forms(void **st)
{
    (void)st;
    assert_int_equal(P("2,877.94", YS_UNIT_WAN).fen, 2877940000LL);
    assert_int_equal(P("2877.94", YS_UNIT_WAN).fen, 2877940000LL);
    assert_int_equal(P("2877.9", YS_UNIT_WAN).fen, 2877900000LL);
    assert_int_equal(P("1.6万", YS_UNIT_YUAN).fen, 1600000LL);
    assert_int_equal(P("-3.5", YS_UNIT_WAN).fen, -3500000LL);
    /* a 13-digit 万元 figure still fits in int64 分 */
    assert_int_equal(P("9000000000000", YS_UNIT_WAN).fen, 9000000000000LL * 1000000LL);
    assert_int_equal(P("１２３．４５", YS_UNIT_YUAN).fen, 12345LL);      /* full-width */
    assert_int_equal(P("１，２３４", YS_UNIT_YUAN).fen, 123400LL);
    assert_int_equal(P("  17.8 ", YS_UNIT_WAN).fen, 17800000LL);
    assert_int_equal(P("26.07万元", YS_UNIT_YUAN).fen, 26070000LL);
    assert_int_equal(P("99元", YS_UNIT_WAN).fen, 9900LL);
    ys_amount b = P("", YS_UNIT_WAN);
    assert_false(b.present);
    b = P("\xe3\x80\x80", YS_UNIT_WAN);                  /* ideographic space */
    assert_false(b.present);
}

static void parse_precision(void **st)
{
    (void)st;
    /* two decimals of 万元 = 100 元 = 10000 分 */
    assert_int_equal(P("2877.94", YS_UNIT_WAN).ulp, 10000);
    /* a figure keeps the precision it was written with */
    assert_int_equal(P("1438", YS_UNIT_WAN).ulp, 1000000);
    assert_int_equal(P("17.8", YS_UNIT_WAN).ulp, 100000);
    /* three decimals are finer */
    assert_int_equal(P("1.234", YS_UNIT_WAN).ulp, 1000);
    assert_int_equal(P("12.30", YS_UNIT_YUAN).ulp, 1);
}

static void parse_rejects(void **st)
{
    (void)st;
    const char *bad[] = {"abc", "1.2.3", "12a", ",12", "12,", "1,,2", ".", "-",
                         "999999999999999999", "12%", "万元", "1.0000000001",
                         "99999999999999" /* 14 digits of 万元 overflow int64 分 */};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ys_amount a = {7, 7, true};
        assert_int_equal(ys_amount_parse(bad[i], strlen(bad[i]), YS_UNIT_WAN, &a), -1);
        assert_int_equal(a.fen, 7);     /* untouched */
    }
}

static void pct(void **st)
{
    (void)st;
    ys_amount p;
    assert_int_equal(ys_pct_parse("9.65%", 5, true, &p), 0);
    assert_int_equal(p.fen, 96500);
    assert_int_equal(p.ulp, 100);
    assert_int_equal(ys_pct_parse("14%", 3, true, &p), 0);
    assert_int_equal(p.fen, 140000);
    assert_int_equal(p.ulp, 10000);
    assert_int_equal(ys_pct_parse("100％", strlen("100％"), true, &p), 0);
    assert_int_equal(p.fen, 1000000);
    assert_int_equal(ys_pct_parse("9.65", 4, true, &p), -1);
    assert_int_equal(ys_pct_parse("9.65", 4, false, &p), 0);
}

static void format(void **st)
{
    (void)st;
    char b[64];
    ys_amount_format(2877940000LL, YS_UNIT_WAN, 2, true, b, sizeof b);
    assert_string_equal(b, "2,877.94");
    ys_amount_format(2877940000LL, YS_UNIT_WAN, 2, false, b, sizeof b);
    assert_string_equal(b, "2877.94");
    /* half-up: 0.005 万元 = 5000 分 rounds up, 4999 down */
    ys_amount_format(5000, YS_UNIT_WAN, 2, false, b, sizeof b);
    assert_string_equal(b, "0.01");
    ys_amount_format(4999, YS_UNIT_WAN, 2, false, b, sizeof b);
    assert_string_equal(b, "0.00");
    ys_amount_format(-5000, YS_UNIT_WAN, 2, false, b, sizeof b);
    assert_string_equal(b, "-0.01");
    ys_amount_format(123456789, YS_UNIT_YUAN, 2, true, b, sizeof b);
    assert_string_equal(b, "1,234,567.89");
    /* no decimals, a group of three at the front, the sign before it */
    ys_amount_format(-12345600, YS_UNIT_YUAN, 0, true, b, sizeof b);
    assert_string_equal(b, "-123,456");
    ys_amount_format(0, YS_UNIT_YUAN, 0, true, b, sizeof b);
    assert_string_equal(b, "0");
    ys_amount_format(INT64_MAX, YS_UNIT_YUAN, 2, true, b, sizeof b);
    assert_string_equal(b, "92,233,720,368,547,758.07");
    /* as snprintf: cut to the room, the whole length returned */
    char small[6];
    assert_int_equal(ys_amount_format(123456789, YS_UNIT_YUAN, 2, true, small, sizeof small),
                     strlen("1,234,567.89"));
    assert_string_equal(small, "1,234");
    ys_pct_format(96540, 2, b, sizeof b);
    assert_string_equal(b, "9.65");
    ys_pct_format(96550, 2, b, sizeof b);
    assert_string_equal(b, "9.66");
}

static void agree(void **st)
{
    (void)st;
    /* same shown value */
    assert_true(ys_amount_agree(P("83.88", YS_UNIT_WAN), P("83.88", YS_UNIT_WAN)));
    /* one unit apart: no true value rounds half-up to both */
    assert_false(ys_amount_agree(P("83.87", YS_UNIT_WAN), P("83.88", YS_UNIT_WAN)));
    /* a coarser figure covers a finer one */
    assert_true(ys_amount_agree(P("1.2", YS_UNIT_YUAN), P("1.20", YS_UNIT_YUAN)));
    assert_true(ys_amount_agree(P("1.234", YS_UNIT_WAN), P("1.23", YS_UNIT_WAN)));
    /* exact values must be equal */
    assert_true(ys_amount_agree(ys_amount_exact(5), ys_amount_exact(5)));
    assert_false(ys_amount_agree(ys_amount_exact(5), ys_amount_exact(6)));
}

static void balanced(void **st)
{
    (void)st;
    /* three parts of 1/3 each: half-up gives 0.33 * 3 = 0.99 != 1.00 */
    int64_t parts[3] = {3333, 3333, 3334}, out[3];
    ys_round_balanced(parts, 3, 100, out);
    assert_int_equal(out[0] + out[1] + out[2], 10000);
    int64_t p2[4] = {125, 125, 125, 125}, o2[4];  /* 1.25 each, sum 5.00 */
    ys_round_balanced(p2, 4, 100, o2);
    assert_int_equal(o2[0] + o2[1] + o2[2] + o2[3], 500);
    for (int i = 0; i < 4; i++)
        assert_true(o2[i] == 100 || o2[i] == 200);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(parse_forms),  cmocka_unit_test(parse_precision),
        cmocka_unit_test(parse_rejects), cmocka_unit_test(pct),
        cmocka_unit_test(format),       cmocka_unit_test(agree),
        cmocka_unit_test(balanced),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
