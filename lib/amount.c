/*
 * amount.c — parsing, rounding and formatting of exact money (分) and
 * percentages; interval agreement; largest-remainder rounding.
 * Promise: no floating point anywhere; no overflow for figures up to
 * 10^13 元 (parsers refuse longer digit strings).
 */
#include "yusuan/amount.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

static const int64_t pow10_tab[] = {1, 10, 100, 1000, 10000, 100000, 1000000,
                                    10000000, 100000000, 1000000000LL};

static int64_t unit_fen(ys_unit u) { return u == YS_UNIT_WAN ? YS_FEN_PER_WAN : YS_FEN_PER_YUAN; }

int64_t ys_unit_ulp(ys_unit unit, int dp)
{
    int64_t f = unit_fen(unit);
    if (dp < 0)
        dp = 0;
    if (dp > 9)
        dp = 9;
    int64_t u = f / pow10_tab[dp];
    return u > 0 ? u : 1;
}

/* Half-up (away from zero) division of a by positive b. */
static int64_t div_round(int64_t a, int64_t b)
{
    if (a >= 0)
        return (a + b / 2) / b;
    return -((-a + b / 2) / b);
}

int64_t ys_round_to(int64_t fen, ys_unit unit, int dp)
{
    int64_t q = ys_unit_ulp(unit, dp);
    return div_round(fen, q) * q;
}

ys_amount ys_amount_exact(int64_t fen)
{
    ys_amount a = {fen, 0, true};
    return a;
}

/* Fold to ASCII (full-width digits and marks) when needed. */
static const char *ascii_view(const char *s, size_t *n, char *buf, size_t cap)
{
    s = ys_trim(s, n);
    bool ascii = true;
    for (size_t i = 0; i < *n; i++)
        if ((unsigned char)s[i] >= 0x80) {
            ascii = false;
            break;
        }
    if (ascii)
        return s;
    size_t m = ys_fold(s, *n, buf, cap);
    if (m == (size_t)-1)
        return NULL;
    *n = m;
    return buf;
}

/* Digits with optional ',' grouping and '.' fraction.  Returns 0 and the
 * integer part, fraction digits and their count, or -1. */
static int read_number(const char *s, size_t n, size_t *pos, int64_t *ip,
                       int64_t *frac, int *dp)
{
    size_t i = *pos;
    int64_t v = 0;
    int nd = 0;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] == ',' && nd > 0))) {
        if (s[i] != ',') {
            if (++nd > 14)
                return -1;
            v = v * 10 + (s[i] - '0');
        } else if (i + 1 >= n || s[i + 1] < '0' || s[i + 1] > '9') {
            return -1;
        }
        i++;
    }
    int64_t f = 0;
    int fd = 0;
    if (i < n && s[i] == '.') {
        i++;
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            if (fd < 9) {
                f = f * 10 + (s[i] - '0');
                fd++;
            } else if (fd == 9) {
                return -1;
            }
            i++;
        }
        if (fd == 0 && nd == 0)
            return -1;
    }
    if (nd == 0 && fd == 0)
        return -1;
    *pos = i;
    *ip = v;
    *frac = f;
    *dp = fd;
    return 0;
}

int ys_amount_parse(const char *s, size_t n, ys_unit unit, ys_amount *out)
{
    char buf[128];
    s = ascii_view(s, &n, buf, sizeof buf);
    if (!s)
        return -1;
    if (n == 0) {
        ys_amount a = {0, 0, false};
        *out = a;
        return 0;
    }
    size_t i = 0;
    bool neg = false;
    if (s[i] == '-' || s[i] == '+') {
        neg = s[i] == '-';
        i++;
    }
    int64_t ip, frac;
    int dp;
    if (read_number(s, n, &i, &ip, &frac, &dp) != 0)
        return -1;
    /* Suffix: 万元, 万, 元 (after folding these are still CJK bytes). */
    const char *rest = s + i;
    size_t rn = n - i;
    if (rn == strlen("万元") && memcmp(rest, "万元", rn) == 0)
        unit = YS_UNIT_WAN;
    else if (rn == strlen("万") && memcmp(rest, "万", rn) == 0)
        unit = YS_UNIT_WAN;
    else if (rn == strlen("元") && memcmp(rest, "元", rn) == 0)
        unit = YS_UNIT_YUAN;
    else if (rn != 0)
        return -1;
    int64_t f = unit_fen(unit);
    /* the integer part must fit in 分 with room for the fraction */
    if (ip > (INT64_MAX - f) / f)
        return -1;
    /* fraction in 分: frac / 10^dp * f, rounded half-up when too fine */
    int64_t ffen = div_round(frac * f, pow10_tab[dp]);
    int64_t v = ip * f + ffen;
    ys_amount a;
    a.fen = neg ? -v : v;
    a.ulp = ys_unit_ulp(unit, dp);
    a.present = true;
    *out = a;
    return 0;
}

int ys_pct_parse(const char *s, size_t n, bool need_sign, ys_amount *out)
{
    char buf[128];
    s = ascii_view(s, &n, buf, sizeof buf);
    if (!s || n == 0)
        return -1;
    bool has_pct = s[n - 1] == '%';
    if (has_pct)
        n--;
    else if (need_sign)
        return -1;
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '-' || s[i] == '+')) {
        neg = s[i] == '-';
        i++;
    }
    int64_t ip, frac;
    int dp;
    if (read_number(s, n, &i, &ip, &frac, &dp) != 0 || i != n || dp > 4)
        return -1;
    int64_t v = ip * YS_PCT_ONE + frac * pow10_tab[4 - dp];
    out->fen = neg ? -v : v;
    out->ulp = pow10_tab[4 - dp];
    out->present = true;
    return 0;
}

size_t ys_amount_format(int64_t fen, ys_unit unit, int dp, bool grouping,
                        char *buf, size_t cap)
{
    if (dp < 0)
        dp = 0;
    if (dp > 6)
        dp = 6;
    int64_t q = ys_unit_ulp(unit, dp);
    int64_t r = div_round(fen, q);     /* in units of 10^-dp of the unit */
    bool neg = r < 0;
    uint64_t m = neg ? (uint64_t)(-r) : (uint64_t)r;
    uint64_t ip = m / (uint64_t)pow10_tab[dp], fp = m % (uint64_t)pow10_tab[dp];
    /* built from its end without snprintf (findings format hundreds of
     * figures), then copied as snprintf would: cut to fit, the full
     * length returned */
    char out[64];
    size_t o = sizeof out;
    for (int i = 0; i < dp; i++, fp /= 10)
        out[--o] = (char)('0' + fp % 10);
    if (dp > 0)
        out[--o] = '.';
    int k = 0;
    do {
        if (grouping && k > 0 && k % 3 == 0)
            out[--o] = ',';
        out[--o] = (char)('0' + ip % 10);
        ip /= 10;
        k++;
    } while (ip);
    if (neg)
        out[--o] = '-';
    size_t w = sizeof out - o;
    if (cap) {
        size_t c = w < cap ? w : cap - 1;
        memcpy(buf, out + o, c);
        buf[c] = 0;
    }
    return w;
}

size_t ys_pct_format(int64_t pct, int dp, char *buf, size_t cap)
{
    /* percentage units are 元-like with 4 decimals: reuse the money path */
    if (dp < 0)
        dp = 0;
    if (dp > 4)
        dp = 4;
    int64_t q = pow10_tab[4 - dp];
    int64_t r = div_round(pct, q);
    bool neg = r < 0;
    uint64_t m = neg ? (uint64_t)(-r) : (uint64_t)r;
    int w;
    if (dp > 0)
        w = snprintf(buf, cap, "%s%llu.%0*llu", neg ? "-" : "",
                     (unsigned long long)(m / (uint64_t)pow10_tab[dp]), dp,
                     (unsigned long long)(m % (uint64_t)pow10_tab[dp]));
    else
        w = snprintf(buf, cap, "%s%llu", neg ? "-" : "", (unsigned long long)m);
    return w < 0 ? 0 : (size_t)w;
}

bool ys_amount_agree(ys_amount a, ys_amount b)
{
    int64_t av = a.present ? a.fen : 0, bv = b.present ? b.fen : 0;
    int64_t au = a.present ? a.ulp : 0, bu = b.present ? b.ulp : 0;
    int64_t d = av > bv ? av - bv : bv - av;
    if (au == 0 && bu == 0)
        return d == 0;
    return 2 * d < au + bu;
}

void ys_round_balanced(const int64_t *parts, size_t n, int64_t ulp, int64_t *out)
{
    if (ulp <= 0) {
        memcpy(out, parts, n * sizeof *out);
        return;
    }
    int64_t sum = 0, fl_sum = 0;
    for (size_t i = 0; i < n; i++) {
        int64_t p = parts[i];
        int64_t fl = p >= 0 ? p / ulp : -((-p + ulp - 1) / ulp);
        out[i] = fl * ulp;
        sum += p;
        fl_sum += fl;
    }
    int64_t target = div_round(sum, ulp);
    int64_t need = target - fl_sum;    /* units to hand out, 0 <= need <= n */
    while (need > 0) {
        /* the largest remainder not yet rounded up; ties: earliest */
        size_t best = n;
        int64_t best_rem = -1;
        for (size_t i = 0; i < n; i++) {
            int64_t rem = parts[i] - out[i];
            if (rem > 0 && rem < ulp + 1 && out[i] <= parts[i] && rem > best_rem) {
                best_rem = rem;
                best = i;
            }
        }
        if (best == n)
            break;
        out[best] += ulp;
        need--;
    }
}
