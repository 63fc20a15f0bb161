/*
 * writers/grid_forms.c — the performance forms as grids: table 11
 * (部门整体支出绩效目标申报表: funds, project list, goals, indicators) and
 * each project form of table 12 (项目资金绩效目标申报表), row for row in the
 * layout of the reference document so that the recogniser reads them back.
 * Promise: every goal and indicator of the set whose table id matches is
 * written once, in the set's order; amounts are formatted from 分 exactly.
 */
#include <stdio.h>
#include <string.h>

#include "writers/layout.h"

#define FORM_W 8

static long row_of(ys_grid *g, const char *const *texts, int n)
{
    long r = ys_grid_row(g);
    if (r < 0)
        return -1;
    for (int i = 0; i < n && i < g->width; i++)
        if (texts[i])
            ys_grid_set(g, (size_t)r, i, texts[i]);
    return r;
}

static const char *nz(const char *s) { return s ? s : ""; }

/* Indicators of one goal: "name│l1│l2│l3│values…│basis", the goal name and a
 * repeated 一级指标 left blank as in the published forms. */
static void put_indicators(ys_grid *g, const ys_tableset *ts, const char *table_id,
                           int goal, bool annual, const char *name)
{
    const char *prev_l1 = NULL;
    bool first = true;
    for (size_t i = 0; i < ts->nind; i++) {
        const ys_indicator *in = &ts->ind[i];
        if (strcmp(nz(in->table_id), table_id) != 0 || in->annual != annual ||
            (goal && in->goal != goal))
            continue;
        bool same = prev_l1 && in->l1 && strcmp(prev_l1, in->l1) == 0;
        const char *l1 = same ? "" : nz(in->l1);
        prev_l1 = in->l1;
        const char *head = first ? name : "";
        first = false;
        if (annual) {
            const char *cells[] = {head, l1, nz(in->l2), nz(in->l3), nz(in->prev2),
                                   nz(in->prev1), nz(in->target), nz(in->basis)};
            row_of(g, cells, 8);
        } else {
            const char *cells[] = {head, l1, nz(in->l2), nz(in->l3), nz(in->target),
                                   nz(in->basis)};
            row_of(g, cells, 6);
        }
    }
}

/* A text cell running to the end of row r from column c (long goal texts). */
static void span_rest(ys_grid *g, long r, int c)
{
    if (r >= 0)
        ys_grid_merge(g, (size_t)r, c, 1, g->width - c);
}

static void gap(ys_grid *g, long r)
{
    if (r >= 0)
        g->gap[r] = true;
}

static const char *IND_HEAD[] = {"目标名称", "一级指标", "二级指标", "三级指标", "指标值",
                                 "指标值确定依据"};

static void annual_head(ys_grid *g, const char *y2, const char *y1, const char *now)
{
    const char *h1[] = {"目标名称", "一级指标", "二级指标", "三级指标", "指标值", NULL, NULL,
                        "指标值确定依据"};
    long r = row_of(g, h1, 8);
    const char *h2[] = {NULL, NULL, NULL, NULL, y2, y1, now, NULL};
    row_of(g, h2, 8);
    if (r >= 0) {
        ys_grid_merge(g, (size_t)r + 0, 4, 1, 3);
        for (int c = 0; c < 4; c++)
            ys_grid_merge(g, (size_t)r, c, 2, 1);
        ys_grid_merge(g, (size_t)r, 7, 2, 1);
    }
}

static void form11_funds(ys_grid *g, const ys_table *t, bool grouping)
{
    const char *h[] = {"部门总体资金情况（万元）", "总体资金情况", NULL, "当年金额", "占比",
                       "近两年收支金额", NULL};
    long hr = row_of(g, h, 7);
    if (hr >= 0) {
        ys_grid_merge(g, (size_t)hr, 1, 1, 2);
        ys_grid_merge(g, (size_t)hr, 5, 1, 2);
    }
    bool in_done = false, out_done = false;
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *row = &t->rows[i];
        long r = ys_grid_row(g);
        if (r < 0)
            return;
        bool out = row->key && strncmp(row->key, "out.", 4) == 0;
        if (out && !out_done) {
            ys_grid_set(g, (size_t)r, 1, "支出构成");
            out_done = true;
        } else if (!out && !in_done) {
            ys_grid_set(g, (size_t)r, 1, "收入构成");
            in_done = true;
        }
        ys_grid_set(g, (size_t)r, 2, row->name);
        for (int c = 0; c < t->ncols && c < 4; c++)
            ys_grid_cell(g, (size_t)r, 3 + c, t, c, row->cells[c].v, grouping);
    }
}

static void form11_projects(ys_grid *g, const ys_table *p, bool grouping)
{
    const char *h[] = {"项目支出情况", "项目名称", "项目类别", "项目总预算", "项目本年度预算",
                       "项目主要支出方向和用途"};
    row_of(g, h, 6);
    for (size_t i = 0; i < p->nrows; i++) {
        const ys_row *row = &p->rows[i];
        long r = ys_grid_row(g);
        if (r < 0)
            return;
        char name[1024];
        snprintf(name, sizeof name, "项目%zu：%s", i + 1, row->name);
        ys_grid_set(g, (size_t)r, 1, name);
        ys_grid_set(g, (size_t)r, 2, nz(row->extra));
        for (int c = 0; c < p->ncols && c < 2; c++)
            ys_grid_amount(g, (size_t)r, 3 + c, row->cells[c].v, p->unit, grouping);
    }
}

static void form11_goals(ys_grid *g, const ys_tableset *ts)
{
    for (int annual = 0; annual < 2; annual++) {
        for (size_t i = 0; i < ts->ngoals; i++) {
            const ys_goal *go = &ts->goals[i];
            if (strcmp(nz(go->table_id), "11") != 0 || go->annual != (annual != 0))
                continue;
            char label[64], name[64];
            snprintf(label, sizeof label, "%s%d:", annual ? "年度目标" : "长期目标", go->no);
            snprintf(name, sizeof name, "%s%d", annual ? "年度绩效目标" : "长期绩效目标",
                     go->no);
            const char *lab[] = {label, nz(go->text)};
            long r = row_of(g, lab, 2);
            gap(g, r);
            span_rest(g, r, 1);
            if (annual)
                annual_head(g, "前年", "上年", "预期当年实现值");
            else
                row_of(g, IND_HEAD, 6);
            put_indicators(g, ts, "11", go->no, annual != 0, name);
        }
    }
}

int ys_grid_form11(const ys_tableset *ts, bool grouping, ys_grid *g)
{
    if (ys_grid_init(g, FORM_W) != 0)
        return YS_ENOMEM;
    const char *who[] = {"部门（单位）名称", ys_dept_name(ts)};
    span_rest(g, row_of(g, who, 2), 1);
    const ys_table *t = ys_tableset_find(ts, "11");
    if (t)
        form11_funds(g, t, grouping);
    const ys_table *p = ys_tableset_find(ts, "11.projects");
    if (p)
        form11_projects(g, p, grouping);
    form11_goals(g, ts);
    return g->oom ? YS_ENOMEM : YS_OK;
}

/* ---- table 12 ------------------------------------------------------------ */

static const ys_row *first_key(const ys_table *t, const char *key)
{
    return ys_table_row_by_key(t, key);
}

static void amount_row(ys_grid *g, const ys_table *t, const ys_row *row, const char *label,
                       bool grouping)
{
    long r = ys_grid_row(g);
    if (r < 0)
        return;
    ys_grid_set(g, (size_t)r, 1, label ? label : row->name);
    ys_grid_amount(g, (size_t)r, 3, row->cells[0].v, t->unit, grouping);
}

/* Does row r belong to the block whose keys start with `prefix` ("src.")
 * without being its total? (items, and sub-lines such as 其中：…) */
static bool in_block(const ys_row *r, const char *prefix, const char *total_key)
{
    return r->key && strncmp(r->key, prefix, strlen(prefix)) == 0 &&
           strcmp(r->key, total_key) != 0;
}

/* A block of keyed rows: its total first, then every other row of the
 * block in the set's order. */
static void block(ys_grid *g, const ys_table *t, const char *title, const char *sub,
                  const char *prefix, bool grouping)
{
    char total_key[32];
    snprintf(total_key, sizeof total_key, "%stotal", prefix);
    const char *h[] = {title, sub, NULL, "金额"};
    row_of(g, h, 4);
    const ys_row *tot = first_key(t, total_key);
    if (tot)
        amount_row(g, t, tot, *tot->name ? NULL : "合计", grouping);
    for (size_t i = 0; i < t->nrows; i++)
        if (in_block(&t->rows[i], prefix, total_key))
            amount_row(g, t, &t->rows[i], NULL, grouping);
}

static void procurement(ys_grid *g, const ys_table *t, bool grouping)
{
    const char *h[] = {"项目采购"};
    row_of(g, h, 1);
    const char *h2[] = {"品名", "数量", "金额"};
    row_of(g, h2, 3);
    int qty = ys_table_col(t, "qty");
    size_t n = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *row = &t->rows[i];
        if (!in_block(row, "proc.", "proc.total"))
            continue;
        long r = ys_grid_row(g);
        if (r < 0)
            return;
        n++;
        ys_grid_set(g, (size_t)r, 0, row->name);
        if (qty >= 0)
            ys_grid_cell(g, (size_t)r, 1, t, qty, row->cells[qty].v, grouping);
        ys_grid_amount(g, (size_t)r, 2, row->cells[0].v, t->unit, grouping);
    }
    const ys_row *tot = first_key(t, "proc.total");
    if (tot) {
        long r = ys_grid_row(g);
        if (r >= 0) {
            ys_grid_set(g, (size_t)r, 0, *tot->name ? tot->name : "合计");
            ys_grid_amount(g, (size_t)r, 2, tot->cells[0].v, t->unit, grouping);
        }
    } else if (n == 0) {
        const char *none[] = {"无"};
        row_of(g, none, 1);
    }
}

static void form12_goals(ys_grid *g, const ys_tableset *ts, const ys_table *t)
{
    const char *h[] = {"项目绩效总目标"};
    gap(g, row_of(g, h, 1));
    const char *h2[] = {"名称", "目标说明"};
    row_of(g, h2, 2);
    for (size_t i = 0; i < ts->ngoals; i++) {
        const ys_goal *go = &ts->goals[i];
        if (strcmp(nz(go->table_id), t->id) != 0)
            continue;
        const char *cells[] = {go->annual ? "年度绩效目标" : "长期绩效目标", nz(go->text)};
        span_rest(g, row_of(g, cells, 2), 1);
    }
    const char *lt[] = {"长期绩效目标表"};
    row_of(g, lt, 1);
    row_of(g, IND_HEAD, 6);
    put_indicators(g, ts, t->id, 0, false, "长期绩效目标");
    const char *at[] = {"年度绩效目标表"};
    row_of(g, at, 1);
    char y2[32] = "前年", y1[32] = "上年";
    if (ts->year > 2) {
        snprintf(y2, sizeof y2, "前年 %d", ts->year - 2);
        snprintf(y1, sizeof y1, "上年 %d", ts->year - 1);
    }
    annual_head(g, y2, y1, "预计当年实现");
    put_indicators(g, ts, t->id, 0, true, "年度绩效目标");
}

int ys_grid_form12(const ys_tableset *ts, const ys_table *t, bool grouping, ys_grid *g)
{
    if (ys_grid_init(g, FORM_W) != 0)
        return YS_ENOMEM;
    const char *name = strncmp(t->id, "12:", 3) == 0 ? t->id + 3 : t->id;
    const char *r1[] = {"项目名称", name, "项目代码", ""};
    row_of(g, r1, 4);
    const ys_row *unit = first_key(t, "meta.unit");
    const char *r2[] = {"项目主管部门", ys_dept_name(ts), "项目执行单位",
                        unit ? unit->name : ys_dept_name(ts)};
    row_of(g, r2, 4);
    const ys_row *cat = first_key(t, "meta.category");
    if (cat) {
        const char *r3[] = {"项目类别", cat->name};
        row_of(g, r3, 2);
    }
    const ys_row *bt = first_key(t, "budget.total");
    const ys_row *by = first_key(t, "budget.year");
    long r = ys_grid_row(g);
    if (r >= 0) {
        ys_grid_set(g, (size_t)r, 0, "项目总预算");
        ys_grid_set(g, (size_t)r, 2, "项目当年预算");
        if (bt)
            ys_grid_amount(g, (size_t)r, 1, bt->cells[0].v, t->unit, grouping);
        if (by)
            ys_grid_amount(g, (size_t)r, 3, by->cells[0].v, t->unit, grouping);
    }
    block(g, t, "项目资金来源", "资金来源", "src.", grouping);
    block(g, t, "项目支出明细", "项目支出明细", "detail.", grouping);
    procurement(g, t, grouping);
    form12_goals(g, ts, t);
    return g->oom ? YS_ENOMEM : YS_OK;
}
