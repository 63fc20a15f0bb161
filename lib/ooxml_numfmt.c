/*
 * ooxml_numfmt.c — owns showing an XLSX number the way its cell's number
 * format shows it: fixed decimals, thousands separators, percent, literal
 * text around the number ("0.00\"万元\"").  Dates, times, fractions and
 * scientific formats are left alone (the stored text is shown).
 * Promise: all arithmetic is on the decimal string (rounding half away
 * from zero, as Excel does); never a double.
 */
#include <stdio.h>
#include <string.h>

#include "ooxml_internal.h"

/* Built-in numFmtId -> code (ECMA-376 18.8.30), the numeric ones. */
static const char *builtin(int id)
{
    switch (id) {
    case 1: return "0";
    case 2: return "0.00";
    case 3: case 37: case 38: return "#,##0";
    case 4: case 39: case 40: return "#,##0.00";
    case 9: return "0%";
    case 10: return "0.00%";
    default: return NULL;
    }
}

const char *ys_xlsx_format_code(const ys_xlsx *x, int xf)
{
    if (xf < 0 || xf >= x->nxf)
        return NULL;
    int id = x->xf_fmt[xf];
    for (int i = 0; i < x->nfmts; i++)
        if (x->fmt_id[i] == id)
            return x->fmt_code[i];
    return builtin(id);
}

typedef struct numfmt {
    int decimals, thousands, percent;
    char prefix[64], suffix[64];
} numfmt;

static void add_lit(char *dst, size_t cap, const char *s, size_t n)
{
    size_t l = strlen(dst);
    if (l + n < cap) {
        memcpy(dst + l, s, n);
        dst[l + n] = 0;
    }
}

/* Read the first section of code; 0 when it is not a plain number format. */
static int parse_code(const char *code, numfmt *f)
{
    memset(f, 0, sizeof *f);
    int seen_digit = 0, after_point = 0;
    for (const char *p = code; *p && *p != ';'; p++) {
        char *lit = seen_digit ? f->suffix : f->prefix;
        if (*p == '"') {
            const char *e = strchr(p + 1, '"');
            if (!e)
                return 0;
            add_lit(lit, sizeof f->suffix, p + 1, (size_t)(e - p - 1));
            p = e;
        } else if (*p == '\\' && p[1]) {
            add_lit(lit, sizeof f->suffix, ++p, 1);
        } else if (*p == '[') {              /* [Red], [$-804]: no text */
            const char *e = strchr(p, ']');
            if (!e)
                return 0;
            p = e;
        } else if (*p == '_' || *p == '*') {
            if (p[1])
                p++;                          /* padding: no text */
        } else if (*p == '0' || *p == '#' || *p == '?') {
            seen_digit = 1;
            f->decimals += after_point;
        } else if (*p == '.') {
            after_point = 1;
        } else if (*p == ',') {
            f->thousands |= seen_digit && !after_point;
        } else if (*p == '%') {
            f->percent = 1;
        } else if (strchr("yYmMdDhHsSeE/@", *p)) {
            return 0;                         /* dates, scientific, text */
        } else if (*p != ' ')
            add_lit(lit, sizeof f->suffix, p, 1);
    }
    return seen_digit && f->decimals <= 30;
}

/* Round the digits d[0..n) (point after ip digits) to keep `dec` decimals. */
static int round_digits(char *d, int *n, int *ip, int dec)
{
    int keep = *ip + dec;
    if (keep < 0) {
        *n = 0;
        return 0;
    }
    if (*n <= keep)
        return 0;
    int up = d[keep] >= '5';
    *n = keep;
    for (int k = keep - 1; k >= 0 && up; k--) {
        if (d[k] == '9')
            d[k] = '0';
        else {
            d[k]++;
            up = 0;
        }
    }
    if (up) {                                 /* 99.9 -> 100 */
        memmove(d + 1, d, (size_t)*n);
        d[0] = '1';
        (*n)++;
        (*ip)++;
    }
    return 0;
}

const char *ys_xlsx_show_number(ys_arena *a, const char *num, const char *code)
{
    numfmt f;
    if (!code || !parse_code(code, &f))
        return num;
    char d[96];
    int n = 0, ip = -1, neg = 0;
    const char *p = num;
    if (*p == '-')
        neg = 1, p++;
    for (; *p; p++) {
        if (*p >= '0' && *p <= '9' && n < 60)
            d[n++] = *p;
        else if (*p == '.' && ip < 0)
            ip = n;
        else
            return num;                       /* not the tidy decimal text */
    }
    if (ip < 0)
        ip = n;
    if (f.percent)
        ip += 2;
    while (n < ip)                            /* 5 at 2 places: 500 */
        d[n++] = '0';
    round_digits(d, &n, &ip, f.decimals);
    int lead = 0;
    while (lead < ip - 1 && d[lead] == '0')
        lead++;
    char out[256];
    size_t o = 0;
    int zero = 1;
    for (int k = 0; k < n; k++)
        zero &= d[k] == '0';
    out[0] = 0;
    add_lit(out, sizeof out, f.prefix, strlen(f.prefix));
    o = strlen(out);
    if (neg && !zero)
        out[o++] = '-';
    if (ip <= 0)
        out[o++] = '0';
    for (int k = lead; k < ip; k++) {
        out[o++] = d[k];
        if (f.thousands && k < ip - 1 && (ip - 1 - k) % 3 == 0)
            out[o++] = ',';
    }
    if (f.decimals) {
        out[o++] = '.';
        for (int k = 0; k < f.decimals; k++) {
            int at = ip + k;
            out[o++] = at >= 0 && at < n ? d[at] : '0';
        }
    }
    out[o] = 0;
    if (f.percent)
        add_lit(out, sizeof out, "%", 1);
    add_lit(out, sizeof out, f.suffix, strlen(f.suffix));
    char *s = ys_arena_strndup(a, out, strlen(out));
    return s ? s : num;
}
