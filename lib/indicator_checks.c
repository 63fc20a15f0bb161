/*
 * indicator_checks.c — rule kinds over single indicators (IND.cost,
 * IND.easier, IND.pct, IND.verbatim, IND.relaxed, IND.unmatched), used by
 * the entries of lib/rules_indicators.c.
 *
 * Promises: read-only on the table set; every finding names the line of
 * the indicator and, for budgets, the line of the budget figure too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "indicator_view.h"
#include "text.h"
#include "yusuan/audit.h"

static const char *kind_word(bool annual) { return annual ? "年度" : "长期"; }

static void place(const ys_indicator *x, char *buf, size_t cap)
{
    if (!strcmp(x->table_id, "11"))
        ys_snprintf(buf, cap, "表11%s目标%d", kind_word(x->annual), x->goal);
    else
        ys_snprintf(buf, cap, "项目绩效目标表《%s》%s目标", x->table_id + 3,
                 kind_word(x->annual));
}

/* The value as written, in the form findings quote text in, up to 60 bytes. */
static void shown(const ys_ivalue *v, char *buf, size_t cap)
{
    ys_quote_form(v->src, v->srclen, buf, cap < 61 ? cap : 61);
}

static int add(ys_findings *out, ys_severity sev, const ys_rule *r, const char *table,
               const int *lines, int n, const char *exp, const char *act, const char *msg)
{
    return ys_findings_add(out, sev, r->id, table, lines, n, exp, act, "%s", msg)
               ? YS_OK : YS_ENOMEM;
}

/* ---- IND.cost ----------------------------------------------------------- */

typedef struct budget {
    const char *what;      /* "项目总预算", "表10" */
    ys_amount v;
    int line;
    const char *table;
} budget;

/* Table 10's project rows with the form each refers to
 * (ys_match_project_form), matched once for all the cost indicators. */
typedef struct t10_forms {
    const ys_table *t10;   /* NULL: no table 10 */
    const char **form;     /* owned: per row, the form id or NULL */
} t10_forms;

static bool is_project_row(const ys_row *row, const ys_cell **tc, const ys_table *t10)
{
    if (row->kind != YS_ROW_ITEM || row->level != 4)
        return false;
    *tc = ys_row_cell(t10, row, "total");
    return *tc && (*tc)->v.present;
}

static int t10_forms_make(const ys_tableset *ts, t10_forms *tf)
{
    tf->t10 = ys_tableset_find(ts, "10");
    tf->form = NULL;
    if (!tf->t10 || !tf->t10->nrows)
        return YS_OK;
    tf->form = calloc(tf->t10->nrows, sizeof *tf->form);
    if (!tf->form)
        return YS_ENOMEM;
    for (size_t i = 0; i < tf->t10->nrows; i++) {
        const ys_row *row = &tf->t10->rows[i];
        const ys_cell *tc;
        unsigned how = 0;
        if (is_project_row(row, &tc, tf->t10))
            tf->form[i] = ys_match_project_form(ts, row->name, tc->v.fen, &how);
    }
    return YS_OK;
}

/* Budgets that bind the form `form`: its own 项目总预算 and table 10's row. */
static size_t budgets_of(const ys_tableset *ts, const t10_forms *tf, const char *form,
                         budget *b, size_t cap)
{
    size_t n = 0;
    const ys_table *f = ys_tableset_find(ts, form);
    const ys_row *r = f ? ys_table_row_by_key(f, "budget.total") : NULL;
    const ys_cell *c = r ? ys_row_cell(f, r, "amount") : NULL;
    if (c && c->v.present && n < cap)
        b[n++] = (budget){"项目总预算", c->v, c->line ? c->line : r->line, form};
    const ys_table *t10 = tf->t10;
    for (size_t i = 0; t10 && tf->form && i < t10->nrows && n < cap; i++) {
        const ys_row *row = &t10->rows[i];
        const ys_cell *tc;
        if (!is_project_row(row, &tc, t10))
            continue;
        const char *m = tf->form[i];
        if (m && !strcmp(m, form))
            b[n++] = (budget){"表10项目支出", tc->v, tc->line ? tc->line : row->line, "10"};
    }
    return n;
}

static ys_unit unit_of(const ys_tableset *ts, const char *table_id)
{
    const ys_table *t = ys_tableset_find(ts, table_id);
    return t ? t->unit : ts->unit;
}

static int check_cost(const ys_rule *r, const ys_tableset *ts, const t10_forms *tf,
                      ys_findings *out, const ys_iviews *vs, size_t at)
{
    const ys_iview *v = &vs->v[at];
    const ys_indicator *x = v->ind;
    if (!(v->ctx & YS_IVC_COST))
        return YS_OK;
    ys_ivalue t = v->target;
    if (t.kind == YS_IV_RANGE)
        t.num = t.hi;
    int64_t fen;
    if (!ys_ivalue_money_fen(&t, unit_of(ts, x->table_id), &fen))
        return YS_OK;
    const char *form = x->table_id;
    unsigned how = YS_MATCH_NAME;
    if (!strcmp(x->table_id, "11")) {
        form = v->form;     /* ys_match_goal_form, matched once for the views */
        how = v->form_how;
    }
    if (!form)
        return YS_OK;
    budget b[8];
    size_t nb = budgets_of(ts, tf, form, b, 8);
    /* one finding per indicator, naming every budget figure it exceeds */
    char over[512] = "", tb[96], exp[64] = "";
    int lines[9] = {x->line};
    int nl = 1;
    size_t o = 0;
    ys_scopy(tb, sizeof tb, x->table_id, (size_t)-1);
    for (size_t i = 0; i < nb; i++) {
        if (fen <= b[i].v.fen + b[i].v.ulp / 2)
            continue;
        char bv[48];
        ys_amount_format(b[i].v.fen, YS_UNIT_WAN, 2, false, bv, sizeof bv);
        int k = ys_snprintf(over + o, sizeof over - o, "%s%s %s 万元（第%d行）", o ? "、" : "",
                         b[i].what, bv, b[i].line);
        if (k > 0 && (size_t)k < sizeof over - o)
            o += (size_t)k;
        if (!exp[0])
            ys_snprintf(exp, sizeof exp, "≤%s万元", bv);
        if (strcmp(b[i].table, x->table_id) && !strstr(tb, b[i].table) &&
            strlen(tb) + strlen(b[i].table) + 2 < sizeof tb) {
            strcat(tb, ",");
            strcat(tb, b[i].table);
        }
        lines[nl++] = b[i].line;
    }
    if (nl == 1)
        return YS_OK;
    char pl[160], sv[80], msg[1024], howtxt[96];
    place(x, pl, sizeof pl);
    shown(&v->target, sv, sizeof sv);
    ys_match_describe(how, howtxt, sizeof howtxt);
    ys_snprintf(msg, sizeof msg, "成本指标“%s”：%s为“%s”（第%d行），超出《%s》的%s（按%s对应）",
             x->l3 ? x->l3 : "", pl, sv, x->line, form + 3, over, howtxt);
    return add(out, YS_SEV_ERROR, r, tb, lines, nl, exp, sv, msg);
}

typedef int (*view_fn)(const ys_rule *, const ys_tableset *, ys_findings *,
                       const ys_iviews *, size_t);

/* Run `fn` over every indicator's view (paired with its twin: the audit's
 * views, ys_iviews_use). */
static int each_view(const ys_rule *r, const ys_tableset *ts, ys_findings *out, view_fn fn)
{
    ys_iviews own;
    const ys_iviews *vs = ys_iviews_use(ts, &own);
    if (!vs)
        return YS_ENOMEM;
    int rc = YS_OK;
    for (size_t i = 0; i < vs->n && rc == YS_OK; i++)
        rc = fn(r, ts, out, vs, i);
    ys_iviews_free(&own);
    return rc;
}

int ys_ind_run_cost(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    ys_iviews own;
    const ys_iviews *vs = ys_iviews_use(ts, &own);
    t10_forms tf;
    int rc = vs ? t10_forms_make(ts, &tf) : YS_ENOMEM;
    for (size_t i = 0; vs && rc == YS_OK && i < vs->n; i++)
        rc = check_cost(r, ts, &tf, out, vs, i);
    if (vs)
        free(tf.form);
    ys_iviews_free(&own);
    return rc;
}

/* ---- IND.easier, IND.pct -------------------------------------------------- */

static bool is_easier(const ys_iview *v)
{
    return v->ind->annual && ys_ivalue_stricter(&v->target, v->prev1, v->ctx) == -1;
}

/*
 * The place where a problem of view `at` is reported: a table-11 indicator
 * whose twin in the project form has the same problem is reported once, with
 * the form, naming both lines.  Returns false when `at` is the one skipped;
 * *twin_line gets the other line (0 when none).
 */
static bool report_here(const ys_iviews *vs, size_t at, bool (*has)(const ys_iview *),
                        int *twin_line)
{
    long t = vs->twin[at];
    *twin_line = 0;
    if (t < 0 || !has(&vs->v[t]))
        return true;
    if (!strcmp(vs->v[at].ind->table_id, "11"))
        return false;
    *twin_line = vs->v[t].ind->line;
    return true;
}

static void also_in_11(int twin_line, char *buf, size_t cap)
{
    if (twin_line)
        ys_snprintf(buf, cap, "；表11第%d行同", twin_line);
    else
        buf[0] = 0;
}

static int check_easier(const ys_rule *r, const ys_tableset *ts, ys_findings *out,
                        const ys_iviews *vs, size_t at)
{
    const ys_iview *v = &vs->v[at];
    const ys_indicator *x = v->ind;
    int twin_line;
    if (!is_easier(v) || !report_here(vs, at, is_easier, &twin_line))
        return YS_OK;
    char pl[160], st[80], sp[80], msg[1024], also[64];
    place(x, pl, sizeof pl);
    shown(&v->target, st, sizeof st);
    shown(v->prev1, sp, sizeof sp);
    also_in_11(twin_line, also, sizeof also);
    ys_snprintf(msg, sizeof msg, "指标“%s”：%s当年指标值“%s”比上年“%s”宽松（第%d行%s）",
             x->l3 ? x->l3 : "", pl, st, sp, x->line, also);
    int lines[2] = {x->line, twin_line};
    char tb[96];
    ys_snprintf(tb, sizeof tb, "%s%s", twin_line ? "11," : "", x->table_id);
    return add(out, YS_SEV_WARNING, r, tb, lines, twin_line ? 2 : 1, sp, st, msg);
}

int ys_ind_run_easier(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    return each_view(r, ts, out, check_easier);
}

static bool over_100(const ys_iview *v)
{
    const ys_ivalue *t = &v->target;
    ys_dec hundred = {100, 0};
    if ((t->kind != YS_IV_NUMBER && t->kind != YS_IV_RANGE) || !t->pct)
        return false;
    return ys_dec_cmp(t->kind == YS_IV_RANGE ? t->hi : t->num, hundred) > 0;
}

static int check_pct(const ys_rule *r, const ys_tableset *ts, ys_findings *out,
                     const ys_iviews *vs, size_t at)
{
    const ys_iview *v = &vs->v[at];
    int twin_line;
    if (!over_100(v) || !report_here(vs, at, over_100, &twin_line))
        return YS_OK;
    char pl[160], st[80], msg[1024], also[64];
    place(v->ind, pl, sizeof pl);
    shown(&v->target, st, sizeof st);
    also_in_11(twin_line, also, sizeof also);
    ys_snprintf(msg, sizeof msg, "指标“%s”：%s的百分比指标值“%s”超过100%%（第%d行%s）",
             v->ind->l3 ? v->ind->l3 : "", pl, st, v->ind->line, also);
    int lines[2] = {v->ind->line, twin_line};
    return add(out, YS_SEV_WARNING, r, v->ind->table_id, lines, twin_line ? 2 : 1, "≤100%",
               st, msg);
}

int ys_ind_run_pct(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    return each_view(r, ts, out, check_pct);
}

/* ---- IND.verbatim, IND.relaxed ---------------------------------------------- */

typedef bool (*value_test)(const ys_ivalue *v);

static bool is_verbatim(const ys_ivalue *v) { return v->kind == YS_IV_VERBATIM; }
static bool is_relaxed(const ys_ivalue *v) { return (v->notes & YS_IVN_GLYPH) != 0; }

static int note_values(const ys_rule *r, ys_findings *out, const ys_iview *v, value_test test,
                       const char *says)
{
    const ys_ivalue *vals[3] = {&v->target, v->prev1, v->prev2};
    static const char *const names[3] = {"指标值", "上年值", "前年值"};
    for (int k = 0; k < 3; k++) {
        if (!test(vals[k]))
            continue;
        char pl[160], sv[80], msg[1024];
        place(v->ind, pl, sizeof pl);
        shown(vals[k], sv, sizeof sv);
        ys_snprintf(msg, sizeof msg, "指标“%s”：%s的%s“%s”%s（第%d行）",
                 v->ind->l3 ? v->ind->l3 : "", pl, names[k], sv, says, v->ind->line);
        int line = v->ind->line;
        if (add(out, YS_SEV_NOTE, r, v->ind->table_id, &line, 1, "", sv, msg) != YS_OK)
            return YS_ENOMEM;
    }
    return YS_OK;
}

static int check_verbatim(const ys_rule *r, const ys_tableset *ts, ys_findings *out,
                          const ys_iviews *vs, size_t at)
{
    return note_values(r, out, &vs->v[at], is_verbatim, "无法识别，已原样保留");
}

static int check_relaxed(const ys_rule *r, const ys_tableset *ts, ys_findings *out,
                         const ys_iviews *vs, size_t at)
{
    return note_values(r, out, &vs->v[at], is_relaxed,
                       "按“≥”/“≤”读取：同一表块其余均用“≥”/“≤”，疑为转换中丢失的符号");
}

int ys_ind_run_verbatim(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    return each_view(r, ts, out, check_verbatim);
}

int ys_ind_run_relaxed(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    return each_view(r, ts, out, check_relaxed);
}

/* ---- IND.unmatched -------------------------------------------------------- */

int ys_ind_run_unmatched(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    bool any_form = false;
    for (size_t i = 0; i < ts->ntables; i++)
        any_form |= !strncmp(ts->tables[i]->id, "12:", 3);
    if (!any_form)
        return YS_OK;
    ys_iviews own;
    const ys_iviews *vs = ys_iviews_use(ts, &own);
    if (!vs)
        return YS_ENOMEM;
    int rc = YS_OK;
    for (size_t i = 0; i < vs->n && rc == YS_OK; i++) {
        const ys_indicator *x = vs->v[i].ind;
        /* each goal of table 11 once; one with its form (ys_match_goal_form)
         * is matched */
        if (!vs->t11_first[i] || vs->v[i].form)
            continue;
        char msg[256];
        ys_snprintf(msg, sizeof msg,
                 "表11%s目标%d（第%d行起）找不到对应的项目绩效目标表：目标说明和指标名称都对不上",
                 kind_word(x->annual), x->goal, x->line);
        int line = x->line;
        rc = add(out, YS_SEV_WARNING, r, "11", &line, 1, "", "", msg);
    }
    ys_iviews_free(&own);
    return rc;
}
