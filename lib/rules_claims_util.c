/*
 * rules_claims_util.c — helpers of the claims family: the same item,
 * rate against a stated prior (exact interval test), claim sums, names.
 * Promise: pure functions of the claims; no allocation.
 */
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "rules_claims_util.h"

bool ys_claim_is(const ys_claim *c, const char *key)
{
    return c->key && key && strcmp(c->key, key) == 0;
}

bool ys_claim_figure(const ys_claim *c)
{
    return c->kind == YS_CLAIM_FIGURE && c->amount.present;
}

static bool same_str(const char *a, const char *b)
{
    return (a == NULL) == (b == NULL) && (!a || strcmp(a, b) == 0);
}

bool ys_claim_same_item(const ys_claim *a, const ys_claim *b)
{
    if (!a->key || !ys_claim_is(b, a->key) || !same_str(a->scope, b->scope))
        return false;
    if (a->year && b->year && a->year != b->year)
        return false;
    bool ca = a->code && a->code[0], cb = b->code && b->code[0];
    if (ca || cb)
        return ca && cb && strcmp(a->code, b->code) == 0;
    return a->subject && b->subject && a->subject[0] && strcmp(a->subject, b->subject) == 0;
}

/* Is 1e6·(a2 − p2)/p2 (a ratio in 0.0001 % units, inputs doubled) ≥ r2/2
 * (ge) or ≤ r2/2 (!ge)?  p2 > 0. */
static bool corner_cmp(int64_t a2, int64_t p2, int64_t r2, bool ge)
{
    __int128 lhs = (__int128)2000000 * ((__int128)a2 - p2);
    __int128 rhs = (__int128)r2 * p2;
    return ge ? lhs >= rhs : lhs <= rhs;
}

bool ys_prior_rate_possible(ys_amount amount, ys_amount prior, ys_amount p, int halves)
{
    int64_t a2[2] = {2 * amount.fen - amount.ulp, 2 * amount.fen + amount.ulp};
    int64_t p2[2] = {2 * prior.fen - prior.ulp, 2 * prior.fen + prior.ulp};
    if (p2[0] <= 0)
        return true;
    int64_t lo = 2 * p.fen - (int64_t)halves * p.ulp, hi = 2 * p.fen + (int64_t)halves * p.ulp;
    bool reach_lo = false, reach_hi = false;
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++) {
            reach_lo = reach_lo || corner_cmp(a2[i], p2[j], lo, true);
            reach_hi = reach_hi || corner_cmp(a2[i], p2[j], hi, false);
        }
    return reach_lo && reach_hi;
}

const ys_claim *ys_claim_first(const ys_tableset *ts, const char *key)
{
    for (size_t i = 0; i < ts->nclaims; i++)
        if (ys_claim_figure(&ts->claims[i]) && !ts->claims[i].scope &&
            ys_claim_is(&ts->claims[i], key))
            return &ts->claims[i];
    return NULL;
}

int ys_claims_add(const ys_tableset *ts, const char *key, ys_side *s)
{
    int n = 0;
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (ys_claim_figure(c) && !c->scope && ys_claim_is(c, key)) {
            ys_side_add(s, c->amount, c->line);
            n++;
        }
    }
    return n;
}

const char *ys_claim_name(const ys_claim *c, char *buf, size_t cap)
{
    const char *subj = c->subject && c->subject[0] ? c->subject : (c->key ? c->key : "");
    ys_snprintf(buf, cap, "“%s”（第%d行）", subj, c->line);
    return buf;
}
