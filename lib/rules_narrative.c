/*
 * rules_narrative.c — part 3 (情况说明) against the tables, as rule entries,
 * and the claim kinds they use: a claim's figure against the cell it
 * describes, a project's figure against table 10, change and rate against
 * the figures they derive from, shares against part and whole, sums of
 * claims, sentences missing their figure, and "没有…" statements.
 * Promise: claims only — a document without a narrative gets no finding
 * here; every finding names the sentence's line and the cells compared.
 */
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "rules_common.h"
#include "rules_document.h"
#include "text.h"

static bool is_key(const ys_claim *c, const char *key)
{
    return c->key && strcmp(c->key, key) == 0;
}

/* What a message calls a claim: "第三部分“卫生健康支出”" or the form. */
static const char *claim_label(const ys_claim *c, char *buf, size_t cap)
{
    char tl[128];
    const char *subj = c->subject && c->subject[0] ? c->subject : (c->key ? c->key : "");
    if (c->scope)
        ys_snprintf(buf, cap, "%s说明中“%s”", ys_table_label(c->scope, tl, sizeof tl), subj);
    else
        ys_snprintf(buf, cap, "第三部分%s“%s”", c->code && c->code[0] ? "科目" : "", subj);
    return buf;
}

/*
 * Claim against cells: a = claim key, b = expression ("$" = the claim's
 * code), c = "le" when the claim may be smaller than the cells (a part of
 * what they hold), else NULL.  Compares every FIGURE claim of the key.
 */
static int rk_claim_cell(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (c->kind != YS_CLAIM_FIGURE || c->scope || !is_key(c, r->a) || !c->amount.present)
            continue;
        ys_side cell, said = ys_side_of(c->amount, c->line);
        ys_side_init(&cell);
        int matched = ys_expr_sum(ts, r->b, c->code, &cell);
        if (matched == 0 && c->code && c->code[0] && strstr(r->b, "code=$")) {
            char cl[384], tl[64], tid[32];
            const char *colon = strchr(r->b, ':');
            ys_snprintf(tid, sizeof tid, "%.*s", colon ? (int)(colon - r->b) : 0, r->b);
            int rc = ys_report_finding(out, r, YS_SEV_ERROR, tid, &said, "", c->code,
                                       "%s的科目 %s 在%s中没有", claim_label(c, cl, sizeof cl),
                                       c->code, ys_table_label(tid, tl, sizeof tl));
            if (rc)
                return rc;
            continue;
        }
        if (matched <= 0)
            continue;
        if ((r->c && strcmp(r->c, "le") == 0 && said.fen <= cell.fen) ||
            ys_judge(&said, &cell) < 0)
            continue;   /* agreeing: no labels to make */
        char what[512], cl[384], el[256], tables[32];
        ys_snprintf(what, sizeof what, "%s（%s）", claim_label(c, cl, sizeof cl), r->desc);
        ys_expr_label(ts, r->b, c->code, el, sizeof el);
        const char *colon = strchr(r->b, ':');
        ys_snprintf(tables, sizeof tables, "%.*s", colon ? (int)(colon - r->b) : 0, r->b);
        int rc = ys_compare(out, r, tables, what, "文中", &said, el, &cell);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/*
 * Projects named in part 3 against table 10: matched by folded name, else
 * by a unique equal amount (then the names differ: a warning).
 */
static int rk_claim_project(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    ys_proj p[512];
    int n = ys_t10_projects(ts, p, 512);
    for (size_t i = 0; n && i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (c->kind != YS_CLAIM_FIGURE || c->scope || !is_key(c, r->a) || !c->subject)
            continue;
        bool by_name;
        int k = ys_project_match(c->subject, c->amount, p, n, &by_name);
        ys_side said = ys_side_of(c->amount, c->line);
        int rc = YS_OK;
        if (k < 0) {
            rc = ys_report_finding(out, r, YS_SEV_ERROR, "10", &said, "", c->subject,
                                   "第三部分所列项目“%s”在表10 中找不到（名称和金额都对不上）",
                                   c->subject);
        } else {
            ys_side cell = ys_side_of(p[k].amount, p[k].line);
            char what[512];
            ys_snprintf(what, sizeof what, "第三部分项目“%s”与表10 项目“%s”（按%s对应）",
                     c->subject, p[k].name, by_name ? "名称" : "金额");
            rc = ys_compare(out, r, "10", what, "文中", &said, "表10", &cell);
            if (!rc && !by_name) {
                ys_side both = said;
                ys_side_add(&both, p[k].amount, p[k].line);
                rc = ys_report_finding(out, r, YS_SEV_WARNING, "10", &both, p[k].name,
                                       c->subject,
                                       "第三部分项目名称“%s”与表10 项目名称“%s”不一致（按金额对应）",
                                       c->subject, p[k].name);
            }
        }
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* Change and rate: the rate is the change over last year (this − change),
 * within what the rounded figures allow. */
static int rk_claim_rate(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (c->kind != YS_CLAIM_FIGURE || !c->amount.present || !c->change.present ||
            !c->rate.present || ys_rate_possible(c->amount, c->change, c->rate))
            continue;
        char cl[384], a[48], x[48], l[48], p[32], want[32];
        ys_side s = ys_side_of(c->amount, c->line);
        int64_t last = c->amount.fen - c->change.fen;
        ys_pct_format(ys_ratio_pct(c->change.fen, last), 2, want, sizeof want);
        int rc = ys_report_finding(
            out, r, YS_SEV_ERROR, c->scope ? c->scope : "", &s, want, ys_pct(c->rate, p, sizeof p),
            "%s：本年 %s 万元，变动 %s 万元，上年应为 %s 万元，变动率应约为 %s%%，所述 %s%% "
            "超出舍入所能解释的范围",
            claim_label(c, cl, sizeof cl), ys_wan(c->amount.fen, a, sizeof a),
            ys_wan(c->change.fen, x, sizeof x), ys_wan(last, l, sizeof l), want, p);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* A stated last-year figure: change = this year − last year. */
static int rk_claim_prior(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (c->kind != YS_CLAIM_FIGURE || !c->amount.present || !c->change.present ||
            !c->prior.present)
            continue;
        ys_side said = ys_side_of(c->change, c->line), derived;
        ys_side_init(&derived);
        ys_side_add(&derived, c->amount, c->line);
        ys_amount neg = c->prior;
        neg.fen = -neg.fen;
        ys_side_add(&derived, neg, c->line);
        char what[512], cl[384];
        ys_snprintf(what, sizeof what, "%s的增减额", claim_label(c, cl, sizeof cl));
        int rc = ys_compare(out, r, c->scope ? c->scope : "", what, "文中", &said,
                            "本年减上年", &derived);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* The first FIGURE claim of key in the narrative (scope NULL), or NULL. */
static const ys_claim *first_claim(const ys_tableset *ts, const char *key)
{
    for (size_t i = 0; i < ts->nclaims; i++)
        if (ts->claims[i].kind == YS_CLAIM_FIGURE && !ts->claims[i].scope &&
            is_key(&ts->claims[i], key) && ts->claims[i].amount.present)
            return &ts->claims[i];
    return NULL;
}

/*
 * Share: a = part key, b = whole key (a claim), c = the whole as cells
 * when no claim states it.  "占 p%" must be reachable from part / whole.
 */
static int rk_claim_share(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_claim *w = first_claim(ts, r->b);
    ys_amount whole = w ? w->amount : (ys_amount){0, 0, false};
    int wline = w ? w->line : 0;
    if (!w && r->c) {
        ys_side s;
        ys_side_init(&s);
        if (ys_expr_sum(ts, r->c, NULL, &s) > 0 && s.nparts) {
            whole = (ys_amount){s.fen, s.ulp, true};
            wline = s.lines[0];
        }
    }
    if (!whole.present)
        return YS_OK;
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (c->kind != YS_CLAIM_FIGURE || c->scope || !is_key(c, r->a) ||
            !c->share.present || !c->amount.present ||
            ys_share_possible(c->amount, whole, c->share))
            continue;
        char cl[384], a[48], b[48], p[32], want[32];
        ys_side s = ys_side_of(c->amount, c->line);
        ys_side_add(&s, whole, wline);
        ys_pct_format(ys_ratio_pct(c->amount.fen, whole.fen), 2, want, sizeof want);
        int rc = ys_report_finding(out, r, YS_SEV_ERROR, "", &s, want, ys_pct(c->share, p, sizeof p),
                                   "%s占比 %s%% 与 %s ÷ %s 万元 ≈ %s%% 不符",
                                   claim_label(c, cl, sizeof cl), p,
                                   ys_wan(c->amount.fen, a, sizeof a), ys_wan(whole.fen, b, sizeof b),
                                   want);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* Sum of claims: a = total key, b = part keys "k1|k2" (every claim of each). */
static int rk_claim_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_claim *t = first_claim(ts, r->a);
    if (!t)
        return YS_OK;
    ys_side total = ys_side_of(t->amount, t->line), parts;
    ys_side_init(&parts);
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (c->kind == YS_CLAIM_FIGURE && !c->scope && c->key && ys_in_list(r->b, c->key))
            ys_side_add(&parts, c->amount, c->line);
    }
    if (parts.nrows == 0)
        return YS_OK;
    char what[512], cl[384];
    ys_snprintf(what, sizeof what, "%s（%s）", claim_label(t, cl, sizeof cl), r->desc);
    return ys_compare(out, r, "", what, "总数", &total, "各项之和", &parts);
}

/* A sentence that needs a figure and has none. */
static int rk_claim_missing(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (c->kind != YS_CLAIM_MISSING)
            continue;
        ys_side s = ys_side_of((ys_amount){0, 0, false}, c->line);
        char cl[384];
        int rc = ys_report_finding(out, r, YS_SEV_ERROR, c->scope ? c->scope : "", &s, "", "",
                                   "%s缺少金额：“%s”", claim_label(c, cl, sizeof cl),
                                   c->text ? c->text : "");
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* Present non-zero figures of table t into s; returns their count. */
static int table_figures(const ys_table *t, ys_side *s)
{
    int n = 0;
    for (size_t i = 0; i < t->nrows; i++)
        for (int c = 0; c < t->ncols; c++)
            if (t->rows[i].cells[c].v.present && t->rows[i].cells[c].v.fen != 0) {
                ys_side_add(s, t->rows[i].cells[c].v, ys_cell_line(&t->rows[i], c));
                n++;
            }
    return n;
}

/*
 * "没有…" against the table: a = NONE claim key, b = table id.  A NONE
 * statement (in part 3 or under the table) while the table has figures is
 * an error; an empty table the narrative passes over in silence a warning.
 */
static int rk_claim_none(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_table *t = ys_tableset_find(ts, r->b);
    if (!t)
        return YS_OK;
    ys_side figs;
    ys_side_init(&figs);
    int nfig = table_figures(t, &figs);
    const ys_claim *none = NULL;
    for (size_t i = 0; i < ts->nclaims && !none; i++)
        if (ts->claims[i].kind == YS_CLAIM_NONE && is_key(&ts->claims[i], r->a))
            none = &ts->claims[i];
    char tl[64];
    ys_table_label(t->id, tl, sizeof tl);
    int rc = YS_OK;
    if (nfig && none) {
        ys_side s = figs;
        ys_side_add(&s, (ys_amount){0, 0, false}, none->line);
        rc = ys_report_finding(out, r, YS_SEV_ERROR, t->id, &s, "", "",
                               "第三部分说“%s”，但%s列有 %d 个金额", none->text ? none->text : "没有",
                               tl, nfig);
    }
    if (!rc && nfig && t->note && ys_has(t->note, "没有")) {
        ys_side s = figs;
        ys_side_add(&s, (ys_amount){0, 0, false}, t->note_line);
        rc = ys_report_finding(out, r, YS_SEV_ERROR, t->id, &s, "", "",
                               "%s备注说“%s”，但表中列有 %d 个金额", tl, t->note, nfig);
    }
    /* "政府性基金拨款支出预算0万元" or a 注 under the table says "none" too */
    for (size_t i = 0; r->c && i < ts->nclaims && !none; i++)
        if (ts->claims[i].kind == YS_CLAIM_FIGURE && is_key(&ts->claims[i], r->c) &&
            ts->claims[i].amount.present && ts->claims[i].amount.fen == 0)
            none = &ts->claims[i];
    if (!rc && !nfig && !none && ts->nclaims && !ys_doc_note_says_none(t->note)) {
        ys_side s = ys_side_of((ys_amount){0, 0, false}, t->first_line ? t->first_line : t->note_line);
        rc = ys_report_finding(out, r, YS_SEV_WARNING, t->id, &s, "", "",
                               "%s为空，第三部分没有说明本年没有该项支出", tl);
    }
    return rc;
}

#define CELL(id, desc, key, expr) {id, desc, rk_claim_cell, key, expr, NULL}
#define SHARE(id, desc, key, whole, cells) {id, desc, rk_claim_share, key, whole, cells}

const ys_rule ys_rules_narrative[] = {
    {"N.missing", "应写明金额的句子缺少金额", rk_claim_missing, NULL, NULL, NULL},
    {"N.rate", "增减率等于增减额除以上年数", rk_claim_rate, NULL, NULL, NULL},
    {"N.prior", "增减额等于本年数减上年数", rk_claim_prior, NULL, NULL, NULL},
    CELL("N.total", "收支总预算与表1 收入总计一致", "total.budget", "1:amount@key=in.grand_total"),
    CELL("N.in", "收入预算与表1 本年收入合计一致", "in.total", "1:amount@key=in.year_total"),
    CELL("N.in.gpb", "一般公共预算拨款收入与表1 一致", "in.gpb", "1:amount@key=in.gpb"),
    CELL("N.in.gov_fund", "政府性基金预算拨款收入与表1 一致", "in.gov_fund", "1:amount@key=in.gov_fund"),
    CELL("N.in.soe", "国有资本经营预算拨款收入与表1 一致", "in.soe", "1:amount@key=in.soe"),
    CELL("N.in.special_acct", "财政专户管理资金收入与表1 一致", "in.special_acct", "1:amount@key=in.special_acct"),
    CELL("N.in.business", "事业收入与表1 一致", "in.business", "1:amount@key=in.business"),
    CELL("N.in.operating", "事业单位经营收入与表1 一致", "in.operating", "1:amount@key=in.operating"),
    CELL("N.in.upper", "上级补助收入与表1 一致", "in.upper", "1:amount@key=in.upper"),
    CELL("N.in.affiliated", "附属单位上缴收入与表1 一致", "in.affiliated", "1:amount@key=in.affiliated"),
    CELL("N.in.other", "其他收入与表1 一致", "in.other", "1:amount@key=in.other"),
    CELL("N.in.carry", "上年结转结余与表1 一致", "in.carry_total", "1:amount@key=in.carry_total"),
    CELL("N.out", "支出预算与表1 本年支出合计一致", "out.total", "1:amount@key=out.year_total"),
    CELL("N.out.basic", "基本支出与表3 一致", "out.basic", "3:basic@total"),
    CELL("N.out.project", "项目支出与表3 一致", "out.project", "3:project@total"),
    CELL("N.fiscal", "财政拨款收支总预算与表4 收入总计一致", "fiscal.total", "4:amount@key=in.grand_total"),
    CELL("N.fiscal.gpb", "一般公共预算财政拨款收入与表4 一致", "fiscal.in.gpb", "4:amount@key=in.gpb"),
    CELL("N.fiscal.class", "财政拨款各类支出与表4 一致", "fiscal.out.class", "4:amount@code=$"),
    CELL("N.fiscal.gov_fund", "政府性基金预算财政拨款收入与表4 一致", "fiscal.in.gov_fund", "4:amount@key=in.gov_fund"),
    CELL("N.fiscal.soe", "国有资本经营预算财政拨款收入与表4 一致", "fiscal.in.soe", "4:amount@key=in.soe"),
    CELL("N.fiscal.carry", "财政拨款上年结转与表4 一致", "fiscal.in.carry", "4:amount@key=in.carry_total"),
    CELL("N.gpb", "一般公共预算支出与表5-1 合计一致", "gpb.total", "5-1:total@total"),
    CELL("N.gpb.year", "一般公共预算本年预算与表4 一致", "gpb.year", "4:amount@key=in.gpb"),
    CELL("N.gpb.carry", "一般公共预算上年结转与表4 一致", "gpb.carry", "4:amount@key=in.carry.gpb"),
    CELL("N.gpb.basic", "一般公共预算基本支出与表5-1 一致", "gpb.basic", "5-1:basic@total"),
    CELL("N.gpb.project", "一般公共预算项目支出与表5-1 一致", "gpb.project", "5-1:project@total"),
    CELL("N.gpb.personnel", "一般公共预算人员经费与表5-1 一致", "gpb.personnel", "5-1:personnel@total"),
    CELL("N.gpb.public", "一般公共预算公用经费与表5-1 一致", "gpb.public", "5-1:public@total"),
    CELL("N.gpb.func", "一般公共预算各科目支出与表5-1 一致", "gpb.func", "5-1:total@code=$"),
    CELL("N.basic", "一般公共预算基本支出与表6 合计一致", "basic.total", "6:total@total"),
    CELL("N.basic.personnel", "基本支出人员经费与表6 一致", "basic.personnel", "6:personnel@total"),
    CELL("N.basic.public", "基本支出公用经费与表6 一致", "basic.public", "6:public@total"),
    CELL("N.basic.econ", "基本支出各经济分类与表6 一致", "basic.econ", "6:total@code=$"),
    CELL("N.three_public", "“三公”经费合计与表7 一致", "three_public.total", "7:total@rows"),
    CELL("N.three_public.abroad", "因公出国（境）费与表7 一致", "three_public.abroad", "7:abroad@rows"),
    CELL("N.three_public.car", "公务用车购置及运行费与表7 一致", "three_public.car", "7:car.subtotal@rows"),
    CELL("N.three_public.car.purchase", "公务用车购置费与表7 一致", "three_public.car.purchase", "7:car.purchase@rows"),
    CELL("N.three_public.car.operation", "公务用车运行费与表7 一致", "three_public.car.operation", "7:car.operation@rows"),
    CELL("N.three_public.reception", "公务接待费与表7 一致", "three_public.reception", "7:reception@rows"),
    CELL("N.gov_fund", "政府性基金预算支出与表8 合计一致", "gov_fund.total", "8:total@total"),
    CELL("N.gov_fund.func", "政府性基金预算各科目支出与表8 一致", "gov_fund.func", "8:total@code=$"),
    CELL("N.soe", "国有资本经营预算支出与表9 合计一致", "soe.total", "9:total@total"),
    CELL("N.soe.func", "国有资本经营预算各科目支出与表9 一致", "soe.func", "9:total@code=$"),
    CELL("N.project.total", "项目支出与表10 合计一致", "project.total", "10:total@total"),
    CELL("N.project.gpb", "项目支出中一般公共预算拨款与表10 一致", "project.gpb", "10:year.gpb@total"),
    {"N.admin_cost", "机关运行经费不超过表5-1 公用经费", rk_claim_cell, "admin_cost", "5-1:public@total", "le"},
    {"N.perf", "绩效目标管理覆盖的支出不超过表1 本年支出合计", rk_claim_cell, "perf.total", "1:amount@key=out.year_total", "le"},
    {"N.project", "第三部分所列项目与表10 一致", rk_claim_project, "project", NULL, NULL},
    SHARE("N.share.in.gpb", "一般公共预算拨款收入占收入预算的比例", "in.gpb", "in.total", "1:amount@key=in.year_total"),
    SHARE("N.share.out.basic", "基本支出占支出预算的比例", "out.basic", "out.total", "1:amount@key=out.year_total"),
    SHARE("N.share.out.project", "项目支出占支出预算的比例", "out.project", "out.total", "1:amount@key=out.year_total"),
    SHARE("N.share.gpb.basic", "基本支出占一般公共预算支出的比例", "gpb.basic", "gpb.total", "5-1:total@total"),
    SHARE("N.share.gpb.project", "项目支出占一般公共预算支出的比例", "gpb.project", "gpb.total", "5-1:total@total"),
    {"N.procurement", "政府采购预算等于货物、工程、服务之和", rk_claim_sum, "procurement.total", "procurement.goods|procurement.works|procurement.services", NULL},
    {"N.purchase_service", "政府购买服务预算等于各项之和", rk_claim_sum, "purchase_service.total", "purchase_service.item", NULL},
    {"N.none.three_public", "“三公”经费“没有”的说明与表7 一致", rk_claim_none, "none.three_public", "7", "three_public.total"},
    {"N.none.gov_fund", "政府性基金“没有”的说明与表8 一致", rk_claim_none, "none.gov_fund", "8", "gov_fund.total"},
    {"N.none.soe", "国有资本经营“没有”的说明与表9 一致", rk_claim_none, "none.soe", "9", "soe.total"},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
