/*
 * yusuan/amount.h — exact money and the precision it was written with.
 *
 * An amount is an integer number of 分 (0.01 元).  A parsed amount also
 * carries `ulp`, one unit in the last place it was shown with, in 分: a
 * 万元 figure with two decimals has ulp 10000 (0.01 万元 = 100 元), a 元
 * figure with two decimals has ulp 1.  A shown figure x stands for the true
 * value interval [x - ulp/2, x + ulp/2); checks compare such intervals so
 * that rounding residue (尾差) is told apart from real errors.
 *
 * A figure keeps the precision it was written with: "17,192万元" stands
 * for [17191.5, 17192.5) 万元 and "1438" for [1437.5, 1438.5), because
 * narratives do round to whole 万元; a check that compares it with a table
 * cell of two decimals therefore allows what that rounding allows, and no
 * more.
 *
 * Percentages use the same type with the value in units of 0.0001 %
 * ("9.65%" = 96500) and ulp per the decimals written ("9.65%" ulp 100,
 * "14%" ulp 10000).
 */
#ifndef YUSUAN_AMOUNT_H
#define YUSUAN_AMOUNT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum ys_unit {
    YS_UNIT_YUAN = 0,   /* 元 */
    YS_UNIT_WAN = 1     /* 万元 */
} ys_unit;

typedef struct ys_amount {
    int64_t fen;     /* exact value in 分 (or 0.0001 % for percentages) */
    int64_t ulp;     /* unit in the last shown place; 0 = exact / derived */
    bool present;    /* false for a blank cell */
} ys_amount;

#define YS_FEN_PER_YUAN 100LL
#define YS_FEN_PER_WAN 1000000LL
#define YS_PCT_ONE 10000LL      /* 1 % in percentage units */

/*
 * Parse an amount written in `unit` from s[0..n).  Accepts "2,877.94",
 * "2877.94", "2877.9", "-3.5", "（3.5）"-style negatives are not money here,
 * full-width digits and punctuation, surrounding blanks, a trailing "万"
 * or "万元" (then the figure is in 万元 whatever `unit` says) or "元".
 * A blank string gives present=false and returns 0.
 * Returns 0 on success, -1 when s is not an amount (out untouched).
 */
int ys_amount_parse(const char *s, size_t n, ys_unit unit, ys_amount *out);

/* Parse a percentage "9.65%", "100%", "9.65" (percent sign optional when
 * `need_sign` is false).  Returns 0 or -1. */
int ys_pct_parse(const char *s, size_t n, bool need_sign, ys_amount *out);

/* An exact (derived) amount. */
ys_amount ys_amount_exact(int64_t fen);

/*
 * Round fen half-up (away from zero) to the ulp of `unit` with `dp`
 * decimals: the figure a disclosure would show.
 */
int64_t ys_round_to(int64_t fen, ys_unit unit, int dp);

/* The ulp in 分 of a figure in `unit` with `dp` decimals. */
int64_t ys_unit_ulp(ys_unit unit, int dp);

/*
 * Format fen in `unit` with `dp` decimals, rounded half-up, into buf.
 * `grouping` inserts thousands separators ("2,877.94").  Returns the length.
 */
size_t ys_amount_format(int64_t fen, ys_unit unit, int dp, bool grouping,
                        char *buf, size_t cap);

/* Format a percentage value (0.0001 % units) with dp decimals: "9.65". */
size_t ys_pct_format(int64_t pct, int dp, char *buf, size_t cap);

/*
 * Interval arithmetic for checks.  Given two shown values, their true values
 * may differ by strictly less than (a.ulp + b.ulp) / 2.
 * ys_amount_agree: true when a and b can stand for the same true value.
 */
bool ys_amount_agree(ys_amount a, ys_amount b);

/*
 * Largest-remainder rounding: round parts[0..n) to ulp so that the rounded
 * parts add up to the rounded sum.  out[i] receives rounded values in 分.
 */
void ys_round_balanced(const int64_t *parts, size_t n, int64_t ulp,
                       int64_t *out);

#endif
