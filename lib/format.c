/*
 * format.c — snprintf for the library's messages (see format.h).
 * Promise: the same bytes and return value as vsnprintf for every format;
 * the few conversions the library uses are written here, anything else
 * (and a NULL string, which glibc spells its own way) goes to vsnprintf.
 */
#include "format.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* The conversions written here: one after a '%', as its letters. */
enum conv { C_BAD, C_PCT, C_S, C_PREC_S, C_D, C_LD, C_U, C_ZU };

/* The conversion at f (just past a '%'); *len gets its letters' count. */
static enum conv conv_at(const char *f, size_t *len)
{
    *len = 1;
    switch (f[0]) {
    case '%': return C_PCT;
    case 's': return C_S;
    case 'd': return C_D;
    case 'u': return C_U;
    case 'l': *len = 2; return f[1] == 'd' ? C_LD : C_BAD;
    case 'z': *len = 2; return f[1] == 'u' ? C_ZU : C_BAD;
    case '.': *len = 3; return f[1] == '*' && f[2] == 's' ? C_PREC_S : C_BAD;
    default: return C_BAD;
    }
}

/* Whether every conversion of fmt is one written here. */
static bool simple_format(const char *fmt)
{
    for (const char *f = strchr(fmt, '%'); f; f = strchr(f, '%')) {
        size_t len;
        if (conv_at(f + 1, &len) == C_BAD)
            return false;
        f += 1 + len;
    }
    return true;
}

/* Where the text goes: buf[0..cap), o the length written so far (the
 * whole text's, past cap too). */
typedef struct out {
    char *buf;
    size_t cap, o;
} out;

static void put(out *w, const char *s, size_t n)
{
    if (w->o + 1 < w->cap) {
        size_t room = w->cap - 1 - w->o;
        memcpy(w->buf + w->o, s, n < room ? n : room);
    }
    w->o += n;
}

/* The decimal digits of v, with a '-' when neg. */
static void put_num(out *w, unsigned long long v, bool neg)
{
    char d[24];
    size_t i = sizeof d;
    do
        d[--i] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    if (neg)
        d[--i] = '-';
    put(w, d + i, sizeof d - i);
}

static void put_signed(out *w, long long v)
{
    unsigned long long m = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;
    put_num(w, m, v < 0);
}

/* Writes fmt's text; false (nothing to trust in w) at a NULL string. */
static bool format_into(out *w, const char *fmt, va_list ap)
{
    for (const char *f = fmt; *f;) {
        const char *pct = strchr(f, '%');
        size_t lit = pct ? (size_t)(pct - f) : strlen(f);
        put(w, f, lit);
        if (!pct)
            break;
        size_t len;
        enum conv c = conv_at(pct + 1, &len);
        f = pct + 1 + len;
        switch (c) {
        case C_PCT: put(w, "%", 1); break;
        case C_S: {
            const char *s = va_arg(ap, const char *);
            if (!s)
                return false;
            put(w, s, strlen(s));
            break;
        }
        case C_PREC_S: {
            int prec = va_arg(ap, int);
            const char *s = va_arg(ap, const char *);
            if (!s)
                return false;
            put(w, s, prec < 0 ? strlen(s) : strnlen(s, (size_t)prec));
            break;
        }
        case C_D: put_signed(w, va_arg(ap, int)); break;
        case C_LD: put_signed(w, va_arg(ap, long)); break;
        case C_U: put_num(w, va_arg(ap, unsigned), false); break;
        case C_ZU: put_num(w, va_arg(ap, size_t), false); break;
        case C_BAD: return false;   /* not reached: simple_format said so */
        }
    }
    return true;
}

int ys_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap)
{
    if (!simple_format(fmt))
        return vsnprintf(buf, cap, fmt, ap);
    va_list again;
    va_copy(again, ap);
    out w = {buf, cap, 0};
    int n;
    if (!format_into(&w, fmt, ap)) {
        n = vsnprintf(buf, cap, fmt, again);
    } else {
        if (cap)
            buf[w.o < cap ? w.o : cap - 1] = 0;
        n = w.o > INT_MAX ? -1 : (int)w.o;
    }
    va_end(again);
    return n;
}

int ys_snprintf(char *buf, size_t cap, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = ys_vsnprintf(buf, cap, fmt, ap);
    va_end(ap);
    return n;
}
