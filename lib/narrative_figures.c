/*
 * narrative_figures.c — the figures of a sentence: a number followed by
 * 万元, 万, 元 or %, a unit with no number where one belongs ("减少万元",
 * "增长%"), a bare zero ("预算为0"); and where the clause before a figure
 * starts.
 * Promise: reads only inside the bounds it is given; numbers followed by
 * anything else ("24 小时", "5 个", years) are not figures.
 */
#include <string.h>

#include "narrative_internal.h"
#include "text.h"
#include "yusuan/amount.h"

static bool is_digit(char c) { return c >= '0' && c <= '9'; }
static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

/* ---- figures --------------------------------------------------------- */

/* End of the number at s[i] (digits, ",ddd" groups, ".d…"), or i. */
static size_t number_end(const char *s, size_t i, size_t end)
{
    size_t p = i;
    while (p < end && is_digit(s[p]))
        p++;
    while (p + 3 < end && s[p] == ',' && is_digit(s[p + 1]) && is_digit(s[p + 2]) &&
           is_digit(s[p + 3]) && !(p + 4 < end && is_digit(s[p + 4])))
        p += 4;
    if (p + 1 < end && s[p] == '.' && is_digit(s[p + 1])) {
        p++;
        while (p < end && is_digit(s[p]))
            p++;
    }
    return p;
}

/* A CJK ideograph (U+4E00–U+9FFF) starts at s. */
static bool cjk_at(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    return u[0] >= 0xE4 && u[0] <= 0xE9 && (u[1] & 0xC0) == 0x80;
}

/* Unit after a number at s[p]: length of the unit text, *kind, *unit. */
static size_t unit_at(const char *s, size_t p, size_t end, ys_ntkind *kind, ys_unit *unit)
{
    *kind = YS_NTK_MONEY;
    *unit = YS_UNIT_WAN;
    size_t left = end - p;
    if (left >= 6 && memcmp(s + p, "万元", 6) == 0)
        return 6;
    /* "308.81万," is money; "7万件" is a count */
    if (left >= 3 && memcmp(s + p, "万", 3) == 0 &&
        (left == 3 || !(cjk_at(s + p + 3) || is_digit(s[p + 3]) || is_alpha(s[p + 3]))))
        return 3;
    if (left >= 3 && memcmp(s + p, "元", 3) == 0) {
        *unit = YS_UNIT_YUAN;
        return 3;
    }
    if (left >= 1 && s[p] == '%') {
        *kind = YS_NTK_PCT;
        return 1;
    }
    return 0;
}

/* Characters that make "万元" without digits before it a unit, not a gap:
 * "单位:万元", "(万元)", "千万元", "十万元". */
static const char *const blank_ok_before[] = {
    ":", "(", "千", "百", "十", "亿", "数", "几", "余", "多", "两", "一", "二",
    "三", "四", "五", "六", "七", "八", "九", "零", "/",
};

static bool blank_gap(const char *s, size_t from, size_t p)
{
    size_t q = p;
    while (q > from && s[q - 1] == ' ')
        q--;
    if (q == from)
        return false;
    if (is_digit(s[q - 1]) || s[q - 1] == '.')
        return false;
    for (size_t k = 0; k < sizeof blank_ok_before / sizeof *blank_ok_before; k++) {
        size_t m = strlen(blank_ok_before[k]);
        if (q - from >= m && memcmp(s + q - m, blank_ok_before[k], m) == 0)
            return false;
    }
    return true;
}


/* "…预算为0；": a zero with no unit, after 为 and before the clause's end,
 * is a zero amount (the unit of the sentence's other figures). */
static bool bare_zero(const char *s, size_t from, size_t p, size_t ne, size_t end)
{
    for (size_t k = p; k < ne; k++)
        if (s[k] != '0' && s[k] != '.')
            return false;
    size_t q = ne;
    while (q < end && s[q] == ' ')
        q++;
    bool closes = q == end || ys_starts(s + q, "。") || ys_starts(s + q, ";") ||
                  s[q] == ',';
    size_t b = p;
    while (b > from && s[b - 1] == ' ')
        b--;
    return closes && b >= from + strlen("为") &&
           memcmp(s + b - strlen("为"), "为", strlen("为")) == 0;
}

/* "比上年增长%" / "占%": a % with no number after a rate verb or 占. */
static bool pct_gap(const char *s, size_t from, size_t p)
{
    size_t q = p;
    while (q > from && s[q - 1] == ' ')
        q--;
    if (q == from || is_digit(s[q - 1]) || s[q - 1] == '.')
        return false;
    size_t cs = ys_nclause_start(s, from, q);
    char clause[256];
    if (q - cs >= sizeof clause) {
        cs = q - (sizeof clause - 1);
        while (cs < q && ((unsigned char)s[cs] & 0xC0) == 0x80)
            cs++;
    }
    memcpy(clause, s + cs, q - cs);
    clause[q - cs] = 0;
    int sign;
    return ys_nrole_pct(clause, &sign) != YS_NROLE_IGNORE;
}

/* The next figure in s[i..end), or false. */
bool ys_nnext_figure(const char *s, size_t from, size_t i, size_t end, ys_ntoken *tk)
{
    for (size_t p = i; p < end; p++) {
        if (is_digit(s[p]) &&
            !(p > from && (is_digit(s[p - 1]) || s[p - 1] == '.' || is_alpha(s[p - 1])))) {
            size_t ne = number_end(s, p, end), u = ne;
            while (u < end && s[u] == ' ')
                u++;
            ys_ntkind kind;
            ys_unit unit;
            size_t ul = unit_at(s, u, end, &kind, &unit);
            int rc = -1;
            if (!ul && bare_zero(s, from, p, ne, end) &&
                ys_amount_parse(s + p, ne - p, YS_UNIT_WAN, &tk->v) == 0) {
                tk->kind = YS_NTK_MONEY;    /* "政府性基金拨款支出预算为0；" */
                tk->at = p;
                tk->end = ne;
                return true;
            }
            if (ul && kind == YS_NTK_PCT) {
                char buf[64];
                size_t n = ne - p < sizeof buf - 2 ? ne - p : sizeof buf - 2;
                memcpy(buf, s + p, n);
                buf[n++] = '%';
                rc = ys_pct_parse(buf, n, true, &tk->v);
            } else if (ul) {
                rc = ys_amount_parse(s + p, ne - p, unit, &tk->v);
            }
            if (rc == 0) {
                tk->kind = kind;
                tk->at = p;
                tk->end = u + ul;
                return true;
            }
            p = ne - 1;
            continue;
        }
        if (end - p >= 6 && memcmp(s + p, "万元", 6) == 0 && blank_gap(s, from, p)) {
            tk->kind = YS_NTK_BLANK;
            tk->at = p;
            tk->end = p + 6;
            tk->v = (ys_amount){0, 0, false};
            return true;
        }
        if (s[p] == '%' && pct_gap(s, from, p)) {
            tk->kind = YS_NTK_BLANK_PCT;
            tk->at = p;
            tk->end = p + 1;
            tk->v = (ys_amount){0, 0, false};
            return true;
        }
    }
    return false;
}

/* ---- the clause before a figure ----------------------------------- */

static const char *const separators[] = {",", ":", "、", "。", ";"};

/* Length of the separator ending at s[p) (within s[from..p)), or 0. */
static size_t separator_before(const char *s, size_t from, size_t p)
{
    unsigned char last = (unsigned char)s[p - 1];
    if (last != ',' && last != ':' && last != ';' && last != 0x81 && last != 0x82)
        return 0;   /* not the last byte of any separator (、 。 end in 81, 82) */
    for (size_t k = 0; k < sizeof separators / sizeof *separators; k++) {
        size_t m = strlen(separators[k]);
        if (p >= from + m && memcmp(s + p - m, separators[k], m) == 0)
            return m;
    }
    return 0;
}

/* Start of the last clause of s[from..to): just after the separator
 * that ends last, or from. */
size_t ys_nclause_start(const char *s, size_t from, size_t to)
{
    for (size_t p = to; p > from; p--)
        if (separator_before(s, from, p))
            return p;
    return from;
}
