/*
 * rules_claims.c — the claims family (C.*): claims of the narrative (and
 * of the project forms) against each other and against the 财政拨款 rows.
 * A stated prior figure with a rate (C.prior_rate), a prior stated in one
 * sentence and the change in another for the same item (C.prior_change),
 * a change that makes last year negative (C.negative_prior), one item
 * stated twice with different amounts (C.restated), parts that add up or
 * stay within their whole (C.parts.*), and the all-fiscal figures of the
 * Shanghai layout against the tables (C.fiscal.*).
 * Promise: claims only — a set without claims gets no finding; each finding
 * names the lines of both places and the figures.  What lib/rules_narrative.c
 * already checks on one claim (N.rate, N.prior: change with rate or prior;
 * N.procurement, N.purchase_service: sums) is not checked again here.
 */
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "rules_claims_util.h"

static const char *where(const ys_claim *c) { return c->scope ? c->scope : ""; }

/* Does c's figure, or that of another statement of the same item, fit the
 * rate with c's prior? */
static bool rate_fits_some(const ys_tableset *ts, const ys_claim *c, int halves)
{
    if (ys_prior_rate_possible(c->amount, c->prior, c->rate, halves))
        return true;
    for (size_t j = 0; j < ts->nclaims; j++) {
        const ys_claim *o = &ts->claims[j];
        if (o != c && ys_claim_figure(o) && ys_claim_same_item(c, o) &&
            ys_prior_rate_possible(o->amount, c->prior, c->rate, halves))
            return true;
    }
    return false;
}

/*
 * C.prior_rate: a figure with a stated prior and a rate (and no change,
 * which N.rate reads): rate = (amount − prior) / prior within the
 * intervals of the rounded figures.  When another statement of the same
 * item fits the rate, C.restated reports the disagreement instead.
 */
static int rk_prior_rate(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (!ys_claim_figure(c) || !c->prior.present || !c->rate.present || c->change.present ||
            rate_fits_some(ts, c, 1))
            continue;
        ys_severity sev = rate_fits_some(ts, c, 3) ? YS_SEV_WARNING : YS_SEV_ERROR;
        char nm[384], a[48], b[48], p[32], want[32];
        ys_pct_format(ys_ratio_pct(c->amount.fen - c->prior.fen, c->prior.fen), 2, want,
                      sizeof want);
        ys_side s = ys_side_of(c->amount, c->line);
        int rc = ys_report_finding(
            out, r, sev, where(c), &s, want, ys_pct(c->rate, p, sizeof p),
            "%s：本年 %s 万元，上年 %s 万元，变动率应约为 %s%%，文中为 %s%%，%s",
            ys_claim_name(c, nm, sizeof nm), ys_wan(c->amount.fen, a, sizeof a),
            ys_wan(c->prior.fen, b, sizeof b), want, p,
            sev == YS_SEV_ERROR ? "超出舍入所能解释的范围" : "相差末位一个单位");
        if (rc)
            return rc;
    }
    return YS_OK;
}

/*
 * C.prior_change: the change of one statement against the prior stated by
 * another statement of the same item (N.prior checks one statement).
 */
static int rk_prior_change(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (!ys_claim_figure(c) || !c->change.present || c->prior.present)
            continue;
        for (size_t j = 0; j < ts->nclaims; j++) {
            const ys_claim *o = &ts->claims[j];
            if (o == c || o->kind != YS_CLAIM_FIGURE || !o->prior.present ||
                !ys_claim_same_item(c, o))
                continue;
            ys_side said = ys_side_of(c->change, c->line), derived;
            ys_side_init(&derived);
            ys_side_add(&derived, c->amount, c->line);
            ys_amount neg = o->prior;
            neg.fen = -neg.fen;
            ys_side_add(&derived, neg, o->line);
            char what[512], nm[384], pl[64];
            ys_snprintf(what, sizeof what, "%s的增减额与第%d行所述上年数", ys_claim_name(c, nm, sizeof nm),
                     o->line);
            ys_snprintf(pl, sizeof pl, "本年减上年（第%d行）", o->line);
            int rc = ys_compare(out, r, where(c), what, "文中", &said, pl, &derived);
            if (rc)
                return rc;
            break;
        }
    }
    return YS_OK;
}

/* C.negative_prior: this year − change < 0 beyond rounding ("0 万元，比上年增加 X"). */
static int rk_negative_prior(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (!ys_claim_figure(c) || !c->change.present || c->prior.present)
            continue;
        int64_t last = c->amount.fen - c->change.fen;
        int64_t slack = c->amount.ulp + c->change.ulp;   /* doubled half ulps */
        if (2 * last + slack >= 0)
            continue;
        int64_t big = c->amount.ulp > c->change.ulp ? c->amount.ulp : c->change.ulp;
        ys_severity sev = -last == big ? YS_SEV_WARNING : YS_SEV_ERROR;
        char nm[384], a[48], x[48], l[48];
        ys_side s = ys_side_of(c->amount, c->line);
        int rc = ys_report_finding(out, r, sev, where(c), &s, "≥0", ys_wan(last, l, sizeof l),
                                   "%s：本年 %s 万元，比上年%s %s 万元，则上年为 %s 万元，不可能为负数",
                                   ys_claim_name(c, nm, sizeof nm), ys_wan(c->amount.fen, a, sizeof a),
                                   c->change.fen > 0 ? "增加" : "减少",
                                   ys_wan(c->change.fen < 0 ? -c->change.fen : c->change.fen, x,
                                          sizeof x),
                                   l);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* Would DOC.dup_amount report this pair (same section and year, beyond rounding)? */
static bool doc_dup_reports(const ys_claim *a, const ys_claim *b, int verdict)
{
    return verdict == YS_SEV_ERROR && a->section == b->section && a->year == b->year;
}

/* A year that is stated must be the budget year (when known) for an
 * unstated one to mean the same figure. */
static bool same_year(const ys_tableset *ts, const ys_claim *a, const ys_claim *b)
{
    int y = a->year ? a->year : b->year;
    return a->year == b->year || !ts->year || y == ts->year;
}

/*
 * C.restated: one item stated twice in the document with different
 * amounts.  a = keys that name several figures of one subject (a form's
 * prior years, the periods of a spending plan), not checked.
 */
static int rk_restated(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *a = &ts->claims[i];
        if (!ys_claim_figure(a) || !a->key || ys_in_list(r->a, a->key))
            continue;
        for (size_t j = i + 1; j < ts->nclaims; j++) {
            const ys_claim *b = &ts->claims[j];
            if (!ys_claim_figure(b) || !ys_claim_same_item(a, b) || !same_year(ts, a, b))
                continue;
            ys_side sa = ys_side_of(a->amount, a->line), sb = ys_side_of(b->amount, b->line);
            int v = ys_judge(&sa, &sb);
            if (v < 0 || v == YS_SEV_NOTE || doc_dup_reports(a, b, v))
                continue;
            char what[512], nm[384], la[32], lb[32];
            ys_snprintf(what, sizeof what, "同一项目%s前后两处金额不同", ys_claim_name(a, nm, sizeof nm));
            ys_snprintf(la, sizeof la, "第%d行", a->line);
            ys_snprintf(lb, sizeof lb, "第%d行", b->line);
            int rc = ys_compare(out, r, where(a), what, la, &sa, lb, &sb);
            if (rc)
                return rc;
            break;   /* one finding per first statement */
        }
    }
    return YS_OK;
}

/* C.parts.*: a = whole key, b = part key; c = "le" (the part may not
 * exceed the whole) or NULL (the parts add up to the whole). */
static int rk_parts(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_claim *w = ys_claim_first(ts, r->a);
    if (!w)
        return YS_OK;
    ys_side whole = ys_side_of(w->amount, w->line), parts;
    ys_side_init(&parts);
    bool le = r->c && strcmp(r->c, "le") == 0;
    if (le) {
        const ys_claim *p = ys_claim_first(ts, r->b);
        if (!p || p->amount.fen <= w->amount.fen)
            return YS_OK;
        ys_side_add(&parts, p->amount, p->line);
    } else if (ys_claims_add(ts, r->b, &parts) == 0) {
        return YS_OK;
    }
    char what[512], nm[384], pl[64];
    ys_snprintf(what, sizeof what, "%s（%s）", ys_claim_name(w, nm, sizeof nm), r->desc);
    ys_snprintf(pl, sizeof pl, le ? "其中部分（第%d行）" : "各项之和（自第%d行）", parts.lines[0]);
    return ys_compare(out, r, "", what, "总数", &whole, pl, &parts);
}

/* C.fiscal.*: a = claim key, b = expression of the table rows it states. */
static int rk_fiscal(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (!ys_claim_figure(c) || c->scope || !ys_claim_is(c, r->a))
            continue;
        ys_side cell, said = ys_side_of(c->amount, c->line);
        ys_side_init(&cell);
        if (ys_expr_sum(ts, r->b, NULL, &cell) <= 0 || cell.nparts == 0)
            continue;
        char what[512], nm[384], el[256], tid[16];
        const char *colon = strchr(r->b, ':');
        ys_snprintf(tid, sizeof tid, "%.*s", colon ? (int)(colon - r->b) : 0, r->b);
        ys_snprintf(what, sizeof what, "%s（%s）", ys_claim_name(c, nm, sizeof nm), r->desc);
        int rc = ys_compare(out, r, tid, what, "文中", &said,
                            ys_expr_label(ts, r->b, NULL, el, sizeof el), &cell);
        if (rc)
            return rc;
    }
    return YS_OK;
}

const ys_rule ys_rules_claims[] = {
    {"C.prior_rate", "变动率等于（本年数−所述上年数）÷所述上年数", rk_prior_rate, NULL, NULL, NULL},
    {"C.prior_change", "增减额等于本年数减另一处所述的上年数", rk_prior_change, NULL, NULL, NULL},
    {"C.negative_prior", "增减额不使上年数为负", rk_negative_prior, NULL, NULL, NULL},
    {"C.restated", "同一项目在文中各处金额一致", rk_restated, "form.prior|project.plan", NULL, NULL},
    {"C.parts.perf", "绩效目标项目金额之和等于涉及项目预算资金", rk_parts, "perf.total", "perf.project", NULL},
    {"C.parts.sme", "预留给小微企业的采购预算不超过面向中小企业预留的预算", rk_parts, "procurement.sme", "procurement.sme.small", "le"},
    {"C.parts.sme_total", "面向中小企业预留的采购预算不超过政府采购预算", rk_parts, "procurement.total", "procurement.sme", "le"},
    {"C.fiscal.in", "财政拨款收入等于表1 财政拨款各项收入之和", rk_fiscal, "in.fiscal", "1:amount@key=in.gpb|in.gov_fund|in.soe", NULL},
    {"C.fiscal.out", "财政拨款支出预算等于表4 本年支出合计", rk_fiscal, "out.fiscal", "4:amount@key=out.year_total", NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
