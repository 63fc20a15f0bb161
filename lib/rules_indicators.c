/*
 * rules_indicators.c — the indicators family of the rule table (IND.*).
 *
 * Owns the checks of performance indicators (tables 11 and 12): the same
 * indicator must say the same in table 11 and in the project's form;
 * long-term and annual targets must not contradict each other; a cost
 * indicator must fit the project's budget; an annual target should not be
 * easier than last year's nor a percentage exceed 100 %; values that could
 * not be read, or were read with a repaired glyph, are noted.
 *
 * Each entry of the table is one rule: its id, its description, the kind
 * (a function below) and the kind's parameters.  Findings that compare two
 * places name both lines and say how the places were matched.
 * Promises: read-only on the table set; only failure is YS_ENOMEM.
 */
#include "format.h"
#include "yusuan/audit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator_view.h"
#include "yusuan/indicator.h"

/* ---- helpers ------------------------------------------------------------ */

static const char *kind_word(bool annual) { return annual ? "年度" : "长期"; }

/* The value as written (trimmed), for messages. */
static void shown(const ys_ivalue *v, char *buf, size_t cap)
{
    if (v->kind == YS_IV_EMPTY)
        ys_snprintf(buf, cap, "（空）");
    else
        ys_snprintf(buf, cap, "%.*s", (int)(v->srclen < 60 ? v->srclen : 60), v->src);
}

static const char *form_name(const char *table_id)
{
    return !strncmp(table_id, "12:", 3) ? table_id + 3 : table_id;
}

/* "表11长期目标3" or "项目表《X》长期目标" */
static void place(const ys_indicator *x, char *buf, size_t cap)
{
    if (!strcmp(x->table_id, "11"))
        ys_snprintf(buf, cap, "表11%s目标%d", kind_word(x->annual), x->goal);
    else
        ys_snprintf(buf, cap, "项目绩效目标表《%s》%s目标", form_name(x->table_id),
                 kind_word(x->annual));
}

static int add(ys_findings *out, ys_severity sev, const ys_rule *r, const char *table,
               const int *lines, int nlines, const char *expected, const char *actual,
               const char *msg)
{
    return ys_findings_add(out, sev, r->id, table, lines, nlines, expected, actual, "%s",
                           msg) ? YS_OK : YS_ENOMEM;
}

/* Views of one block-like selection: table id, goal (0: any), annual. */
static size_t select_views(const ys_iviews *vs, const char *table_id, int goal, bool annual,
                           const ys_iview **sel, const ys_indicator **ind)
{
    size_t n = 0;
    for (size_t i = 0; i < vs->n; i++) {
        const ys_indicator *x = vs->v[i].ind;
        if (x->annual != annual || (goal && x->goal != goal) || !ys_same_id(x->table_id, table_id))
            continue;
        sel[n] = &vs->v[i];
        ind[n] = x;
        n++;
    }
    return n;
}

/* A pair of places of the same indicator, and why they were paired. */
typedef struct pair_ctx {
    const ys_rule *r;
    ys_findings *out;
    const ys_tableset *ts;
    const char *how;       /* Chinese: how the tables were matched */
} pair_ctx;

typedef int (*pair_fn)(pair_ctx *c, const ys_iview *a, const ys_iview *b);

/* Pair every indicator of A with the same measure in B (one-to-one). */
static int pair_up(pair_ctx *c, const ys_iview **a, const ys_indicator **ai, size_t na,
                   const ys_iview **b, const ys_indicator **bi, size_t nb, pair_fn fn)
{
    bool *used = calloc(nb ? nb : 1, sizeof *used);
    const ys_ikey **bk = malloc((nb ? nb : 1) * sizeof *bk);
    if (!used || !bk) {
        free(used);
        free(bk);
        return YS_ENOMEM;
    }
    for (size_t j = 0; j < nb; j++)
        bk[j] = &b[j]->key;
    int rc = YS_OK;
    for (size_t i = 0; i < na && rc == YS_OK; i++) {
        long j = ys_match_indicator_keyed(ai[i], &a[i]->key, bi, bk, nb, used);
        if (j < 0)
            continue;
        used[j] = true;
        rc = fn(c, a[i], b[j]);
    }
    free(used);
    free(bk);
    return rc;
}

/* ---- kind: table 11 against the project forms --------------------------- */

static void table_pair(const ys_indicator *a, const ys_indicator *b, char *buf, size_t cap)
{
    ys_snprintf(buf, cap, "%s,%s", a->table_id, b->table_id);
}

static bool is_number(const ys_ivalue *v)
{
    return v->kind == YS_IV_NUMBER || v->kind == YS_IV_RANGE;
}

static int compare_values(pair_ctx *c, const ys_iview *a, const ys_iview *b,
                          const ys_ivalue *va, const ys_ivalue *vb, const char *what)
{
    unsigned ctx = a->ctx | b->ctx;
    ys_ivsame s = ys_ivalue_same(va, vb, ctx);
    ys_severity sev;
    const char *verdict;
    if (s == YS_IVS_DIFFER) {
        sev = c->r->b && !strcmp(c->r->b, "warning") ? YS_SEV_WARNING : YS_SEV_ERROR;
        verdict = "含义不同";
    } else if (s == YS_IVS_UNKNOWN && c->r->c && !strcmp(c->r->c, "prior") &&
               is_number(va) && is_number(vb)) {
        /* last year's figures in different units: they cannot both be right */
        sev = YS_SEV_WARNING;
        verdict = "单位不同，无法相互印证";
    } else {
        return YS_OK;
    }
    char pa[160], pb[160], sa[80], sb[80], tb[96], msg[1024];
    place(a->ind, pa, sizeof pa);
    place(b->ind, pb, sizeof pb);
    shown(va, sa, sizeof sa);
    shown(vb, sb, sizeof sb);
    table_pair(a->ind, b->ind, tb, sizeof tb);
    ys_snprintf(msg, sizeof msg,
             "指标“%s”的%s：%s为“%s”（第%d行），%s为“%s”（第%d行），%s（按%s对应）",
             a->ind->l3 ? a->ind->l3 : "", what, pa, sa, a->ind->line, pb, sb, b->ind->line,
             verdict, c->how);
    int lines[2] = {a->ind->line, b->ind->line};
    return add(c->out, sev, c->r, tb, lines, 2, sb, sa, msg);
}

static int pair_targets(pair_ctx *c, const ys_iview *a, const ys_iview *b)
{
    return compare_values(c, a, b, &a->target, &b->target, "指标值");
}

static int pair_priors(pair_ctx *c, const ys_iview *a, const ys_iview *b)
{
    int rc = compare_values(c, a, b, a->prev1, b->prev1, "上年值");
    if (rc == YS_OK)
        rc = compare_values(c, a, b, a->prev2, b->prev2, "前年值");
    return rc;
}

static int run_t11_forms(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    ys_iviews own;
    const ys_iviews *vs = ys_iviews_use(ts, &own);
    if (!vs)
        return YS_ENOMEM;
    int rc = YS_OK;
    pair_fn fn = r->c && !strcmp(r->c, "prior") ? pair_priors : pair_targets;
    for (size_t i = 0; i < vs->n && rc == YS_OK; i++) {
        if (vs->twin[i] < 0 || !ys_same_id(vs->v[i].ind->table_id, "11"))
            continue;
        char howtxt[128];
        ys_match_describe(vs->how[i], howtxt, sizeof howtxt);
        pair_ctx c = {r, out, ts, howtxt};
        rc = fn(&c, &vs->v[i], &vs->v[vs->twin[i]]);
    }
    ys_iviews_free(&own);
    return rc;
}

/* ---- kind: lost glyphs between table 11 and a form, one note per goal ---- */

static bool same_group(const ys_iview *a, const ys_iview *b)
{
    return a->ind->goal == b->ind->goal && a->ind->annual == b->ind->annual;
}

/* One note for the goal of table 11 starting at view `first`: every paired
 * target that differs from the form's only by > vs ≥ (or < vs ≤). */
static int glyph_group(const ys_rule *r, const ys_iviews *vs, size_t first, ys_findings *out)
{
    int lines[YS_FINDING_MAXLINES];
    int nl = 0, count = 0;
    char list[1024] = "";
    size_t o = 0;
    const ys_iview *form = NULL;
    for (size_t i = first; i < vs->n; i++) {
        const ys_iview *a = &vs->v[i];
        /* the numbers told apart before the table ids */
        if (!same_group(a, &vs->v[first]) || vs->twin[i] < 0 || !ys_same_id(a->ind->table_id, "11"))
            continue;
        const ys_iview *b = &vs->v[vs->twin[i]];
        if (ys_ivalue_same(&a->target, &b->target, a->ctx | b->ctx) != YS_IVS_WEAK)
            continue;
        form = b;
        count++;
        if (nl + 2 <= YS_FINDING_MAXLINES) {
            lines[nl++] = a->ind->line;
            lines[nl++] = b->ind->line;
        }
        char sa[80], sb[80];
        shown(&a->target, sa, sizeof sa);
        shown(&b->target, sb, sizeof sb);
        int k = ys_snprintf(list + o, sizeof list - o, "%s%s“%s”（第%d行）/“%s”（第%d行）",
                         o ? "、" : "", a->ind->l3 ? a->ind->l3 : "", sa, a->ind->line, sb,
                         b->ind->line);
        if (k > 0 && (size_t)k < sizeof list - o)
            o += (size_t)k;
    }
    if (!count)
        return YS_OK;
    char pa[160], pb[160], howtxt[128], tb[96], msg[1600];
    place(vs->v[first].ind, pa, sizeof pa);
    place(form->ind, pb, sizeof pb);
    ys_match_describe(vs->how[first], howtxt, sizeof howtxt);
    table_pair(vs->v[first].ind, form->ind, tb, sizeof tb);
    ys_snprintf(msg, sizeof msg,
             "%s与%s有%d项指标值只差“>”与“≥”（或“<”与“≤”），疑为转换中丢失的符号：%s（按%s对应）",
             pa, pb, count, list, howtxt);
    return add(out, YS_SEV_NOTE, r, tb, lines, nl, "", "", msg);
}

static int run_glyphs(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    ys_iviews own;
    const ys_iviews *vs = ys_iviews_use(ts, &own);
    if (!vs)
        return YS_ENOMEM;
    int rc = YS_OK;
    for (size_t i = 0; i < vs->n && rc == YS_OK; i++) {
        if (vs->t11_first[i])   /* the first view of its goal */
            rc = glyph_group(r, vs, i, out);
    }
    ys_iviews_free(&own);
    return rc;
}

/* ---- kind: long-term against annual within one table -------------------- */

static int pair_terms(pair_ctx *c, const ys_iview *lt, const ys_iview *an)
{
    unsigned ctx = lt->ctx | an->ctx;
    if (ys_ivalue_same(&lt->target, &an->target, ctx) != YS_IVS_DIFFER)
        return YS_OK;
    bool clash = ys_ivalue_disjoint(&lt->target, &an->target, ctx);
    char pa[160], pb[160], sa[80], sb[80], msg[1024];
    place(lt->ind, pa, sizeof pa);
    place(an->ind, pb, sizeof pb);
    shown(&lt->target, sa, sizeof sa);
    shown(&an->target, sb, sizeof sb);
    ys_snprintf(msg, sizeof msg,
             "指标“%s”：%s为“%s”（第%d行），%s为“%s”（第%d行），%s",
             lt->ind->l3 ? lt->ind->l3 : "", pa, sa, lt->ind->line, pb, sb, an->ind->line,
             clash ? "两者不可能同时成立" : "长期与年度指标值不同，未说明理由");
    int lines[2] = {lt->ind->line, an->ind->line};
    return add(c->out, clash ? YS_SEV_ERROR : YS_SEV_WARNING, c->r, lt->ind->table_id, lines,
               2, sa, sb, msg);
}

static bool seen_table(const ys_tableset *ts, size_t upto, const char *id)
{
    /* a table's indicators come one after another: the one before is the
     * likely witness */
    if (upto && !strcmp(ts->ind[upto - 1].table_id, id))
        return true;
    for (size_t k = 0; k < upto; k++)
        if (!strcmp(ts->ind[k].table_id, id))
            return true;
    return false;
}

static int run_terms(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    ys_iviews own;
    const ys_iviews *vs = ys_iviews_use(ts, &own);
    if (!vs)
        return YS_ENOMEM;
    int rc = YS_OK;
    const ys_iview **a = malloc((vs->n + 1) * sizeof *a), **b = malloc((vs->n + 1) * sizeof *b);
    const ys_indicator **ai = malloc((vs->n + 1) * sizeof *ai),
                       **bi = malloc((vs->n + 1) * sizeof *bi);
    if (!a || !b || !ai || !bi)
        rc = YS_ENOMEM;
    pair_ctx c = {r, out, ts, ""};
    for (size_t i = 0; i < ts->nind && rc == YS_OK; i++) {
        const ys_indicator *x = &ts->ind[i];
        bool dept = ys_same_id(x->table_id, "11");
        if (dept) {
            /* table 11: long-term goal k against annual goal k */
            if (x->annual)
                continue;
            bool first = true;
            for (size_t k = 0; k < i && first; k++)
                if (ts->ind[k].goal == x->goal && !ts->ind[k].annual &&
                    ys_same_id(ts->ind[k].table_id, "11"))
                    first = false;
            if (!first)
                continue;
        } else if (seen_table(ts, i, x->table_id)) {
            continue;
        }
        int goal = dept ? x->goal : 0;
        size_t na = select_views(vs, x->table_id, goal, false, a, ai);
        size_t nb = select_views(vs, x->table_id, goal, true, b, bi);
        rc = pair_up(&c, a, ai, na, b, bi, nb, pair_terms);
    }
    free(a);
    free(b);
    free(ai);
    free(bi);
    ys_iviews_free(&own);
    return rc;
}


const ys_rule ys_rules_indicators[] = {
    {"IND.target", "同一指标在表11与项目绩效目标表中的指标值须相同", run_t11_forms,
     NULL, "error", "target"},
    {"IND.glyph", "表11与项目表的指标值只差“>”与“≥”：疑为转换中丢失的符号（每个目标一条）",
     run_glyphs, NULL, NULL, NULL},
    {"IND.prior", "同一指标在表11与项目表中的前两年数值须相同", run_t11_forms, NULL,
     "warning", "prior"},
    {"IND.term", "长期目标与年度目标的同一指标不得相互矛盾", run_terms, NULL, NULL, NULL},
    {"IND.cost", "成本指标（经费使用限额、合同金额、租赁费用…）不得超出项目预算", ys_ind_run_cost,
     NULL, NULL, NULL},
    {"IND.easier", "年度指标值不应低于上年", ys_ind_run_easier, NULL, NULL, NULL},
    {"IND.pct", "百分比指标值不应超过100%", ys_ind_run_pct, NULL, NULL, NULL},
    {"IND.verbatim", "无法识别的指标值（原样保留）", ys_ind_run_verbatim, NULL, NULL, NULL},
    {"IND.relaxed", "“>”“<”按“≥”“≤”读取：同一表块其余均为“≥”“≤”", ys_ind_run_relaxed, NULL,
     NULL, NULL},
    {"IND.unmatched", "表11的目标找不到对应的项目绩效目标表", ys_ind_run_unmatched, NULL, NULL,
     NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
