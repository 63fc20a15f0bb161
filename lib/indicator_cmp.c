/*
 * indicator_cmp.c — what two indicator values mean relative to each other.
 *
 * Owns: the context of an indicator (rate, cost), normalisation of a value
 * to the way the other places of the same indicator write it (0.99 → 99 %,
 * "26" → 26万 for a cost written in 万), the lost-glyph repair (> read as ≥
 * in a block of ≥), equality of meaning, disjointness and the
 * stricter/easier order.  Promises: exact decimals only, no allocation.
 */
#include "yusuan/indicator.h"

#include <string.h>

#include "indicator_view.h"
#include "text.h"

/* Words in a 三级 name or a comparator word that make an indicator a cost. */
static const char *const cost_words[] = {"成本", "费", "限额", "金额", "租赁", "价格"};
/* Words that make such a name a count or a rate instead. */
static const char *const not_cost_words[] = {"数量", "次数", "人次", "率", "满意度"};

bool ys_indicator_is_rate(const char *l3)
{
    if (!l3)
        return false;
    size_t n = strlen(l3);
    while (n && (l3[n - 1] == ' '))
        n--;
    return (n >= 3 && (!strncmp(l3 + n - 3, "率", 3) || !strncmp(l3 + n - 3, "度", 3)));
}

static bool numeric(const ys_ivalue *v)
{
    return v->kind == YS_IV_NUMBER || v->kind == YS_IV_RANGE;
}

bool ys_indicator_is_cost(const char *l1, const char *l3, const ys_ivalue *v)
{
    if (l1 && strstr(l1, "成本"))
        return true;
    if (v && numeric(v) && v->cmpword[0] && strstr(v->cmpword, "金额"))
        return true;
    /* 租赁数量, 费用支付及时率: a count or a rate about a cost is no cost */
    for (size_t i = 0; l3 && i < sizeof not_cost_words / sizeof *not_cost_words; i++)
        if (strstr(l3, not_cost_words[i]))
            return false;
    for (size_t i = 0; l3 && i < sizeof cost_words / sizeof *cost_words; i++)
        if (strstr(l3, cost_words[i]))
            return true;
    return false;
}

unsigned ys_indicator_ctx(const char *l1, const char *l3, const ys_ivalue *v)
{
    unsigned ctx = 0;
    if (ys_indicator_is_rate(l3))
        ctx |= YS_IVC_RATE;
    if (ys_indicator_is_cost(l1, l3, v))
        ctx |= YS_IVC_COST;
    return ctx;
}

/* "元", "元/年" (an amount per year is still an amount) */
bool ys_ivalue_is_money(const ys_ivalue *v)
{
    return numeric(v) && !v->pct &&
           (!strcmp(v->unit, "元") || !strcmp(v->unit, "元/年"));
}

bool ys_ivalue_money_fen(const ys_ivalue *v, ys_unit bare_unit, int64_t *fen)
{
    if (!numeric(v) || v->pct)
        return false;
    bool bare = !v->unit[0];
    if (!bare && !ys_ivalue_is_money(v))
        return false;
    ys_dec d = v->num;
    int p = 2;                             /* 元 → 分 */
    if (bare && !v->mult && bare_unit == YS_UNIT_WAN)
        p += 4;
    /* value × 10^p as an integer, half-up */
    __int128 m = d.m;
    int s = d.scale - p;
    for (; s < 0; s++)
        m *= 10;
    for (; s > 0; s--) {
        int64_t r = (int64_t)(m % 10);
        m /= 10;
        if (s == 1 && r >= 5)
            m += 1;
    }
    if (m > INT64_MAX / 4 || m < -(INT64_MAX / 4))
        return false;
    *fen = (int64_t)m;
    return true;
}

static ys_dec dec_times100(ys_dec d)
{
    if (d.scale >= 2)
        d.scale -= 2;
    else {
        for (int i = d.scale; i < 2; i++)
            d.m *= 10;
        d.scale = 0;
    }
    return d;
}

static bool dec_le_one(ys_dec d)
{
    ys_dec one = {1, 0};
    return ys_dec_cmp(d, one) <= 0;
}

/* Drop a trailing "/年": an annual indicator counts per year anyway. */
static void unit_key(const char *u, char *out, size_t cap)
{
    size_t n = strlen(u);
    if (n >= 4 && !strcmp(u + n - 4, "/年"))
        n -= 4;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, u, n);
    out[n] = 0;
}

void ys_ivalue_normalize(ys_ivalue *v, unsigned ctx, const ys_ivalue *like)
{
    if (!numeric(v) || v->pct)
        return;
    bool bare = !v->unit[0];
    bool like_pct = like && numeric(like) && like->pct;
    if (bare && ((ctx & YS_IVC_RATE) || like_pct)) {
        if (dec_le_one(v->num) && (v->kind != YS_IV_RANGE || dec_le_one(v->hi))) {
            v->num = dec_times100(v->num);
            if (v->kind == YS_IV_RANGE)
                v->hi = dec_times100(v->hi);
            v->pct = true;
            v->notes |= YS_IVN_FRACTION;
        } else if (like_pct) {
            v->pct = true;          /* "99" where the others write "99%" */
            v->notes |= YS_IVN_UNIT_GUESS;
        }
        return;
    }
    if (!like || !numeric(like) || like->pct || !bare)
        return;
    bool money_like = !strncmp(like->unit, "元", 3) || !like->unit[0];
    if (!v->mult && like->mult && money_like && (ctx & YS_IVC_COST)) {
        /* "26" next to "≤26万": the bare figure is in the same 万 */
        ys_dec d = v->num;
        int p = like->mult;
        if (d.scale >= p)
            d.scale -= p;
        else {
            for (int i = d.scale; i < p; i++)
                d.m *= 10;
            d.scale = 0;
        }
        v->num = d;
        v->mult = like->mult;
        v->notes |= YS_IVN_UNIT_GUESS;
    }
    if (like->unit[0]) {
        memcpy(v->unit, like->unit, sizeof v->unit);
        v->notes |= YS_IVN_UNIT_GUESS;
    }
}

static bool strict_cmp(ys_cmp c) { return c == YS_CMP_GT || c == YS_CMP_LT; }
static bool loose_cmp(ys_cmp c) { return c == YS_CMP_GE || c == YS_CMP_LE; }

/* ys_ivalue_fix_glyphs over the values at[i] (at: NULL) or v[i]. */
static int fix_glyphs(ys_ivalue *const *at, ys_ivalue *v, size_t n)
{
    size_t nstrict = 0, nloose = 0;
    for (size_t i = 0; i < n; i++) {
        const ys_ivalue *x = at ? at[i] : &v[i];
        if (!numeric(x))
            continue;
        nstrict += strict_cmp(x->cmp);
        nloose += loose_cmp(x->cmp);
    }
    /* "every neighbour uses ≥": allow one stray per three, as a block with
     * one lost glyph in four comparators is still plainly a ≥ block */
    if (!nstrict || nloose < 2 || nstrict * 3 > nloose)
        return 0;
    int changed = 0;
    for (size_t i = 0; i < n; i++) {
        ys_ivalue *x = at ? at[i] : &v[i];
        if (!numeric(x) || !strict_cmp(x->cmp))
            continue;
        x->cmp = x->cmp == YS_CMP_GT ? YS_CMP_GE : YS_CMP_LE;
        x->notes |= YS_IVN_GLYPH;
        changed++;
    }
    return changed;
}

int ys_ivalue_fix_glyphs(ys_ivalue *v, size_t n) { return fix_glyphs(NULL, v, n); }

int ys_ivalue_fix_glyphs_at(ys_ivalue *const *at, size_t n) { return fix_glyphs(at, NULL, n); }

/* The comparator's side: 1 at least, -1 at most, 0 exact/bare. */
static int side(ys_cmp c)
{
    if (c == YS_CMP_GE || c == YS_CMP_GT)
        return 1;
    if (c == YS_CMP_LE || c == YS_CMP_LT)
        return -1;
    return 0;
}

bool ys_ivalue_align(const ys_ivalue *a, const ys_ivalue *b, unsigned ctx, ys_ivalue *x,
                     ys_ivalue *y)
{
    *x = *a;
    *y = *b;
    ys_ivalue_normalize(x, ctx, b);
    ys_ivalue_normalize(y, ctx, a);
    if (x->pct != y->pct)
        return false;
    char ux[32], uy[32];
    unit_key(x->unit, ux, sizeof ux);
    unit_key(y->unit, uy, sizeof uy);
    /* "26.07万" and "26.07万元": the 元 is implied by the 万 of a cost */
    if (!ux[0] || !uy[0])
        return true;
    return !strcmp(ux, uy);
}

/* Two values kept as written say the same when their quoted forms agree:
 * "2个五门柜 1台饮水机" from a text and "2个五门柜1台饮水机" from a PDF
 * whose cell wrapped at the space. */
static bool same_words(const ys_ivalue *a, const ys_ivalue *b)
{
    char x[512], y[512];
    size_t nx = ys_quote_form(a->src, a->srclen, x, sizeof x);
    size_t ny = ys_quote_form(b->src, b->srclen, y, sizeof y);
    if (nx + 8 >= sizeof x || ny + 8 >= sizeof y)   /* cut short: as written */
        return a->srclen == b->srclen && !memcmp(a->src, b->src, a->srclen);
    return nx == ny && !memcmp(x, y, nx);
}

ys_ivsame ys_ivalue_same(const ys_ivalue *a, const ys_ivalue *b, unsigned ctx)
{
    if (a->kind == YS_IV_EMPTY || b->kind == YS_IV_EMPTY)
        return a->kind == b->kind ? YS_IVS_SAME : YS_IVS_UNKNOWN;
    if (a->kind == YS_IV_QUAL && b->kind == YS_IV_QUAL)
        return !strcmp(a->word, b->word) ? YS_IVS_SAME : YS_IVS_UNKNOWN;
    if (!numeric(a) || !numeric(b) || a->kind != b->kind) {
        if (a->kind == YS_IV_VERBATIM && b->kind == YS_IV_VERBATIM && same_words(a, b))
            return YS_IVS_SAME;
        return YS_IVS_UNKNOWN;
    }
    ys_ivalue x, y;
    if (!ys_ivalue_align(a, b, ctx, &x, &y))
        return YS_IVS_UNKNOWN;
    if (ys_dec_cmp(x.num, y.num))
        return YS_IVS_DIFFER;
    if (x.kind == YS_IV_RANGE)
        return ys_dec_cmp(x.hi, y.hi) ? YS_IVS_DIFFER : YS_IVS_SAME;
    int sx = side(x.cmp), sy = side(y.cmp);
    if (!sx || !sy)
        return YS_IVS_SAME;     /* a bare value against the same bound */
    if (sx != sy)
        return YS_IVS_DIFFER;
    return strict_cmp(x.cmp) == strict_cmp(y.cmp) ? YS_IVS_SAME : YS_IVS_WEAK;
}

/* Interval of allowed values: lo/hi with open flags; has_lo/has_hi. */
typedef struct span {
    bool has_lo, has_hi, open_lo, open_hi;
    ys_dec lo, hi;
} span;

static span span_of(const ys_ivalue *v)
{
    span s = {0};
    if (v->kind == YS_IV_RANGE) {
        s.has_lo = s.has_hi = true;
        s.lo = v->num;
        s.hi = v->hi;
        return s;
    }
    int sd = side(v->cmp);
    if (sd >= 0) {
        s.has_lo = true;
        s.lo = v->num;
        s.open_lo = v->cmp == YS_CMP_GT;
    }
    if (sd <= 0) {
        s.has_hi = true;
        s.hi = v->num;
        s.open_hi = v->cmp == YS_CMP_LT;
    }
    return s;
}

/* true when every value of p lies below every value of q */
static bool below(const span *p, const span *q)
{
    if (!p->has_hi || !q->has_lo)
        return false;
    int c = ys_dec_cmp(p->hi, q->lo);
    return c < 0 || (c == 0 && (p->open_hi || q->open_lo));
}

bool ys_ivalue_disjoint(const ys_ivalue *a, const ys_ivalue *b, unsigned ctx)
{
    if (!numeric(a) || !numeric(b) || a->cmp == YS_CMP_ABOUT || b->cmp == YS_CMP_ABOUT)
        return false;
    ys_ivalue x, y;
    if (!ys_ivalue_align(a, b, ctx, &x, &y))
        return false;
    span p = span_of(&x), q = span_of(&y);
    return below(&p, &q) || below(&q, &p);
}

int ys_ivalue_stricter(const ys_ivalue *a, const ys_ivalue *b, unsigned ctx)
{
    if (a->kind != YS_IV_NUMBER || b->kind != YS_IV_NUMBER)
        return 2;
    ys_ivalue x, y;
    if (!ys_ivalue_align(a, b, ctx, &x, &y))
        return 2;
    int sx = side(x.cmp), sy = side(y.cmp);
    if (sx && sy && sx != sy)
        return 2;
    int dir = sx ? sx : sy ? sy : (ctx & YS_IVC_COST) ? -1 : 1;
    return dir * ys_dec_cmp(x.num, y.num);
}
