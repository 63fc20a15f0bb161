/*
 * derive_forms.c — tables 11 (department-wide goals: funds, project list)
 * and 12 (one form per project), with goals and indicators, from the
 * package's projects, project_items, prior, texts and indicators.
 * Owns: the rows of table 11 (人员类 = 人员经费; 运转类 = 公用经费 + projects
 * whose table-11 category names 运转; 特定目标类 = the other projects) and of
 * each form (budget, sources, details, procurement).
 * Promise: every figure comes from the same shown sums as tables 1–10;
 * shares are computed from the shown figures.
 */
#include <stdio.h>
#include <string.h>

#include "derive_internal.h"

#define OOM(dx, err) ys_error_set(err, YS_ENOMEM, (dx)->p->path, 0, "内存不足")

static bool operating(const ys_pkg_project *x)
{
    return strstr(x->perf_category, "运转") != NULL;
}

/* Sum of the project lines of the projects that are (or are not) 运转类. */
static ys_sum projects_sum(const ys_dx *dx, bool want_operating)
{
    ys_sum s = {0, 0, 0};
    for (size_t i = 0; i < dx->p->nprojects; i++) {
        const ys_pkg_project *x = &dx->p->projects[i];
        if (operating(x) != want_operating)
            continue;
        ys_sel sel = {NULL, NULL, NULL, x->code, YS_K(YS_LK_PROJECT), 0};
        ys_sum one = ys_dx_sum(dx, &sel);
        s.exact += one.exact;
        s.shown += one.shown;
        s.n += one.n;
    }
    if (dx->mode != YS_ROUND_BALANCED)
        s.shown = ys_dx_round(dx, s.exact);
    return s;
}

static ys_sum kinds_sum(const ys_dx *dx, unsigned kinds, unsigned sources)
{
    ys_sel s = {NULL, NULL, NULL, NULL, kinds, sources};
    return ys_dx_sum(dx, &s);
}

static ys_sum plus(const ys_dx *dx, ys_sum a, ys_sum b)
{
    ys_sum s = {a.shown + b.shown, a.exact + b.exact, a.n + b.n};
    if (dx->mode != YS_ROUND_BALANCED)
        s.shown = ys_dx_round(dx, s.exact);
    return s;
}

/* Put a percentage (two decimals) of part in whole into column `share`. */
static void share(const ys_table *t, ys_row *r, int64_t part, int64_t whole)
{
    int c = ys_table_col(t, "share");
    if (c < 0 || whole == 0)
        return;
    int64_t r2 = (part * 20000 + whole) / (2 * whole);   /* 0.01 % */
    r->cells[c].v.fen = r2 * 100;
    r->cells[c].v.ulp = 100;
    r->cells[c].v.present = true;
}

static int fund_row(ys_dx *dx, ys_table *t, const char *key, const char *name, ys_sum s,
                    int64_t whole, bool with_share)
{
    ys_row *r = ys_table_add_row(dx->ts, t, "", name, 0);
    if (!r)
        return YS_ENOMEM;
    r->key = ys_ts_str(dx->ts, key, (size_t)-1);
    r->kind = strstr(key, "total") ? YS_ROW_TOTAL : YS_ROW_ITEM;
    ys_dx_cell(dx, t, r, "amount", s);
    if (with_share && s.n && s.shown)
        share(t, r, s.shown, whole);
    char item[64];
    snprintf(item, sizeof item, "t11.%s", key);
    static const char *const cols[] = {"prior2", "prior1"};
    for (int k = 0; k < 2; k++) {
        const ys_pkg_prior *pr = ys_pkg_prior_find_year(dx->p, dx->p->year - 2 + k, item, "");
        if (pr)
            ys_dx_cell_v(dx, t, r, cols[k], ys_dx_round(dx, pr->fen));
    }
    return YS_OK;
}

static int table11(ys_dx *dx)
{
    static const char *const cols[] = {"amount", "share", "prior2", "prior1"};
    ys_table *t = ys_tableset_add(dx->ts, "11", "部门整体支出绩效目标表", cols, 4);
    if (!t)
        return YS_ENOMEM;
    unsigned fiscal = ys_dx_src("gpb") | ys_dx_src("gov_fund") | ys_dx_src("soe") |
                      ys_dx_src("carry.gpb") | ys_dx_src("carry.gov_fund") |
                      ys_dx_src("carry.soe");
    unsigned special = ys_dx_src("special_acct") | ys_dx_src("carry.special_acct");
    unsigned all = (1u << YS_SRC_COUNT) - 1;
    ys_sum in_f = kinds_sum(dx, 0, fiscal), in_s = kinds_sum(dx, 0, special);
    ys_sum in_u = kinds_sum(dx, 0, all & ~fiscal & ~special), tot = kinds_sum(dx, 0, 0);
    ys_sum pers = kinds_sum(dx, YS_K(YS_LK_PERSONNEL), 0);
    ys_sum oper = plus(dx, kinds_sum(dx, YS_K(YS_LK_PUBLIC), 0), projects_sum(dx, true));
    ys_sum other = kinds_sum(dx, YS_K(YS_LK_OPERATING) | YS_K(YS_LK_UPPER) | YS_K(YS_LK_SUBSIDY), 0);
    ys_sum spec = plus(dx, projects_sum(dx, false), other);
    int rc = fund_row(dx, t, "in.fiscal", "财政拨款", in_f, tot.shown, true);
    if (rc == YS_OK) rc = fund_row(dx, t, "in.special_acct", "财政专户资金", in_s, tot.shown, true);
    if (rc == YS_OK) rc = fund_row(dx, t, "in.unit_funds", "单位资金", in_u, tot.shown, true);
    if (rc == YS_OK) rc = fund_row(dx, t, "in.total", "合计", tot, tot.shown, false);
    if (rc == YS_OK) rc = fund_row(dx, t, "out.personnel", "人员类项目支出", pers, tot.shown, true);
    if (rc == YS_OK) rc = fund_row(dx, t, "out.operating", "运转类项目支出", oper, tot.shown, true);
    if (rc == YS_OK) rc = fund_row(dx, t, "out.special", "特定目标类项目支出", spec, tot.shown, true);
    if (rc == YS_OK) rc = fund_row(dx, t, "out.total", "合计", tot, tot.shown, true);
    return rc;
}

static ys_sum project_sum(const ys_dx *dx, const char *code, unsigned sources)
{
    ys_sel s = {NULL, NULL, NULL, code, YS_K(YS_LK_PROJECT), sources};
    return ys_dx_sum(dx, &s);
}

static int64_t project_total(const ys_dx *dx, const ys_pkg_project *x)
{
    return x->total >= 0 ? ys_dx_round(dx, x->total) : project_sum(dx, x->code, 0).shown;
}

static int table11_projects(ys_dx *dx)
{
    static const char *const cols[] = {"total", "year"};
    ys_table *t = ys_tableset_add(dx->ts, "11.projects", "项目支出情况", cols, 2);
    if (!t)
        return YS_ENOMEM;
    for (size_t i = 0; i < dx->p->nprojects; i++) {
        const ys_pkg_project *x = &dx->p->projects[i];
        ys_row *r = ys_table_add_row(dx->ts, t, x->code, x->name, 0);
        if (!r)
            return YS_ENOMEM;
        r->extra = ys_ts_str(dx->ts, x->perf_category, (size_t)-1);
        ys_dx_cell_v(dx, t, r, "total", project_total(dx, x));
        ys_dx_cell_v(dx, t, r, "year", project_sum(dx, x->code, 0).shown);
    }
    return YS_OK;
}

/* ---- table 12 ------------------------------------------------------------ */

static ys_row *form_row(ys_dx *dx, ys_table *t, const char *key, const char *name, int line)
{
    ys_row *r = ys_table_add_row(dx->ts, t, "", name, 0);
    if (r) {
        r->key = ys_ts_str(dx->ts, key, (size_t)-1);
        r->kind = strstr(key, "total") ? YS_ROW_TOTAL : YS_ROW_ITEM;
        (void)line;
    }
    return r;
}

/* A block of items of one kind: its total row, then one row per item. */
static int item_block(ys_dx *dx, ys_table *t, const ys_pkg_project *x, const char *kind,
                      const char *total_key, const char *item_key)
{
    int64_t sum = 0;
    int n = 0;
    for (size_t i = 0; i < dx->p->nitems; i++)
        if (!strcmp(dx->p->items[i].project, x->code) && !strcmp(dx->p->items[i].kind, kind)) {
            sum += dx->p->items[i].fen;
            n++;
        }
    if (n == 0)
        return YS_OK;
    ys_row *r = form_row(dx, t, total_key, "合计", 0);
    if (!r)
        return YS_ENOMEM;
    ys_dx_cell_v(dx, t, r, "amount", ys_dx_round(dx, sum));
    for (size_t i = 0; i < dx->p->nitems; i++) {
        const ys_pkg_item *it = &dx->p->items[i];
        if (strcmp(it->project, x->code) || strcmp(it->kind, kind))
            continue;
        if (!(r = form_row(dx, t, item_key, it->name, it->line)))
            return YS_ENOMEM;
        ys_dx_cell_v(dx, t, r, "amount", ys_dx_round(dx, it->fen));
        ys_amount q;
        int qc = ys_table_col(t, "qty");
        if (it->qty[0] && qc >= 0 && ys_amount_parse(it->qty, strlen(it->qty), YS_UNIT_YUAN, &q) == 0)
            r->cells[qc].v = q;
    }
    return YS_OK;
}

/* Sources of a project from its lines when the package lists none. */
static int line_sources(ys_dx *dx, ys_table *t, const ys_pkg_project *x)
{
    static const struct { const char *src, *name; } names[] = {
        {"gpb", "一般公共预算财政拨款收入"}, {"gov_fund", "政府性基金预算财政拨款收入"},
        {"soe", "国有资本经营预算财政拨款收入"}, {"special_acct", "财政专户管理资金"},
        {"unit_funds", "单位资金"}};
    ys_row *r = form_row(dx, t, "src.total", "合计", 0);
    if (!r)
        return YS_ENOMEM;
    ys_dx_cell_v(dx, t, r, "amount", project_sum(dx, x->code, 0).shown);
    for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
        ys_sum s = project_sum(dx, x->code, ys_dx_src(names[k].src));
        if (!s.n)
            continue;
        if (!(r = form_row(dx, t, "src.item", names[k].name, 0)))
            return YS_ENOMEM;
        ys_dx_cell_v(dx, t, r, "amount", s.shown);
    }
    return YS_OK;
}

static int form12(ys_dx *dx, const ys_pkg_project *x)
{
    static const char *const cols[] = {"amount", "qty"};
    char id[96];
    snprintf(id, sizeof id, "12:%s", x->form_name);
    ys_table *t = ys_tableset_add(dx->ts, id, "项目支出绩效目标表", cols, 2);
    if (!t)
        return YS_ENOMEM;
    const ys_pkg_unit *u = ys_pkg_unit_find(dx->p, x->unit);
    ys_row *r;
    if (!(r = form_row(dx, t, "meta.category", x->perf_category, 0)) ||
        !(r = form_row(dx, t, "meta.unit", u ? u->name : x->unit, 0)) ||
        !(r = form_row(dx, t, "budget.total", "项目总预算", 0)))
        return YS_ENOMEM;
    ys_dx_cell_v(dx, t, r, "amount", project_total(dx, x));
    if (!(r = form_row(dx, t, "budget.year", "项目当年预算", 0)))
        return YS_ENOMEM;
    ys_dx_cell_v(dx, t, r, "amount", project_sum(dx, x->code, 0).shown);
    bool listed = false;
    for (size_t i = 0; i < dx->p->nitems; i++)
        listed |= !strcmp(dx->p->items[i].project, x->code) && !strcmp(dx->p->items[i].kind, "source");
    int rc = listed ? item_block(dx, t, x, "source", "src.total", "src.item")
                    : line_sources(dx, t, x);
    if (rc == YS_OK)
        rc = item_block(dx, t, x, "detail", "detail.total", "detail.item");
    if (rc == YS_OK)
        rc = item_block(dx, t, x, "procurement", "proc.total", "proc.item");
    return rc;
}

/* ---- goals and indicators ------------------------------------------------ */

/* "11" stays; a project code becomes its form's table id. */
static const char *table_id(ys_dx *dx, const char *table)
{
    if (!strcmp(table, "11"))
        return "11";
    const ys_pkg_project *x = ys_pkg_project_find(dx->p, table);
    char id[96];
    snprintf(id, sizeof id, "12:%s", x ? x->form_name : table);
    return ys_ts_str(dx->ts, id, (size_t)-1);
}

static const char *opt(ys_dx *dx, const char *s)
{
    return s && s[0] ? ys_ts_str(dx->ts, s, (size_t)-1) : NULL;
}

static int goals(ys_dx *dx)
{
    const ys_package *p = dx->p;
    for (size_t i = 0; i < p->ntexts; i++) {
        const ys_pkg_text *x = &p->texts[i];
        bool annual = !strcmp(x->key, "goal.annual");
        if (!annual && strcmp(x->key, "goal.long"))
            continue;
        int no = 1;
        for (size_t j = 0; j < i; j++)
            no += !strcmp(p->texts[j].key, x->key) && !strcmp(p->texts[j].code, x->code);
        ys_goal *g = ys_tableset_add_goal(dx->ts);
        if (!g)
            return YS_ENOMEM;
        g->table_id = table_id(dx, x->code[0] ? x->code : "11");
        g->no = no;
        g->annual = annual;
        g->text = ys_ts_str(dx->ts, x->text, (size_t)-1);
    }
    for (size_t i = 0; i < p->nind; i++) {
        const ys_pkg_ind *x = &p->ind[i];
        ys_indicator *d = ys_tableset_add_indicator(dx->ts);
        if (!d)
            return YS_ENOMEM;
        d->table_id = table_id(dx, x->table);
        d->goal = x->goal;
        d->annual = x->annual;
        d->l1 = opt(dx, x->l1);
        d->l2 = opt(dx, x->l2);
        d->l3 = opt(dx, x->l3);
        d->target = ys_ts_str(dx->ts, x->target, (size_t)-1);
        d->prev2 = opt(dx, x->prev2);
        d->prev1 = opt(dx, x->prev1);
        d->basis = opt(dx, x->basis);
    }
    return YS_OK;
}

int ys_derive_forms(ys_dx *dx, ys_error *err)
{
    int rc = table11(dx);
    if (rc == YS_OK)
        rc = table11_projects(dx);
    for (size_t i = 0; i < dx->p->nprojects && rc == YS_OK; i++)
        rc = form12(dx, &dx->p->projects[i]);
    if (rc == YS_OK)
        rc = goals(dx);
    return rc == YS_OK ? YS_OK : OOM(dx, err);
}
