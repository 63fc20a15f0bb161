/*
 * writers/grid.c — the grid (display cells with merges) and the published
 * layout of tables 1–10: titles, header rows merged as in the forms, body
 * rows as code / name / figures, the two-sided tables 1 and 4 paired up.
 * Promise: every amount cell's text is ys_amount_format of its exact 分
 * value in the table's unit with two decimals; a blank stays blank.  A table
 * whose columns differ from the standard form gets a plain one-row header
 * of its column labels instead of a wrong merged one.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "writers/layout.h"

int ys_grid_init(ys_grid *g, int width)
{
    memset(g, 0, sizeof *g);
    g->width = width > 0 ? width : 1;
    g->arena = ys_arena_new();
    return g->arena ? 0 : -1;
}

void ys_grid_free(ys_grid *g)
{
    if (!g)
        return;
    free(g->cells);
    free(g->gap);
    ys_arena_free(g->arena);
    memset(g, 0, sizeof *g);
}

long ys_grid_row(ys_grid *g)
{
    if (g->oom)
        return -1;
    if (g->nrows == g->cap) {
        size_t nc = g->cap ? g->cap * 2 : 16;
        ys_gcell *c = realloc(g->cells, nc * (size_t)g->width * sizeof *c);
        if (!c) {
            g->oom = 1;
            return -1;
        }
        g->cells = c;
        bool *gp = realloc(g->gap, nc * sizeof *gp);
        if (!gp) {
            g->oom = 1;
            return -1;
        }
        g->gap = gp;
        g->cap = nc;
    }
    size_t r = g->nrows++;
    g->gap[r] = false;
    for (int c = 0; c < g->width; c++)
        *ys_grid_at(g, r, c) = (ys_gcell){.text = "", .colspan = 1, .rowspan = 1};
    return (long)r;
}

ys_gcell *ys_grid_set(ys_grid *g, size_t r, int c, const char *text)
{
    if (r >= g->nrows || c < 0 || c >= g->width)
        return NULL;
    ys_gcell *cell = ys_grid_at(g, r, c);
    const char *s = ys_arena_strndup(g->arena, text ? text : "", text ? strlen(text) : 0);
    if (!s)
        g->oom = 1;
    cell->text = s ? s : "";
    return cell;
}

void ys_grid_amount(ys_grid *g, size_t r, int c, ys_amount a, ys_unit unit,
                    bool grouping)
{
    if (!a.present)
        return;
    char buf[48];
    ys_amount_format(a.fen, unit, 2, grouping, buf, sizeof buf);
    ys_gcell *cell = ys_grid_set(g, r, c, buf);
    if (!cell)
        return;
    cell->num = true;
    cell->fen = a.fen;
}

size_t ys_cell_shown(const ys_table *t, int c, ys_amount a, bool grouping, char *buf,
                     size_t cap)
{
    buf[0] = 0;
    if (!a.present || cap < 8)
        return 0;
    const char *key = c >= 0 && c < t->ncols ? t->cols[c] : "";
    if (strcmp(key, "share") == 0) {
        size_t n = ys_pct_format(a.fen, 2, buf, cap - 1);
        buf[n] = '%';
        buf[n + 1] = 0;
        return n + 1;
    }
    if (strcmp(key, "qty") == 0) {
        /* a count is kept like a 元 figure (1 → 100): drop the zero decimals */
        size_t n = ys_amount_format(a.fen, YS_UNIT_YUAN, 2, grouping, buf, cap);
        while (n > 0 && buf[n - 1] == '0')
            buf[--n] = 0;
        if (n > 0 && buf[n - 1] == '.')
            buf[--n] = 0;
        return n;
    }
    return ys_amount_format(a.fen, t->unit, 2, grouping, buf, cap);
}

void ys_grid_cell(ys_grid *g, size_t r, int at, const ys_table *t, int c, ys_amount a,
                  bool grouping)
{
    if (!a.present)
        return;
    char buf[64];
    ys_cell_shown(t, c, a, grouping, buf, sizeof buf);
    ys_gcell *cell = ys_grid_set(g, r, at, buf);
    if (!cell)
        return;
    const char *key = c >= 0 && c < t->ncols ? t->cols[c] : "";
    cell->num = strcmp(key, "qty") != 0;
    cell->pct = strcmp(key, "share") == 0;
    cell->fen = a.fen;
}

void ys_grid_merge(ys_grid *g, size_t r, int c, int rs, int cs)
{
    if (r + (size_t)rs > g->nrows || c + cs > g->width || rs < 1 || cs < 1)
        return;
    for (int i = 0; i < rs; i++)
        for (int j = 0; j < cs; j++) {
            ys_gcell *x = ys_grid_at(g, r + (size_t)i, c + j);
            x->rowspan = x->colspan = 0;
        }
    ys_gcell *top = ys_grid_at(g, r, c);
    top->rowspan = rs;
    top->colspan = cs;
}

/* ---- the standard forms ------------------------------------------------ */

/* One header cell: row, column, row span, column span, text. */
typedef struct hcell { int r, c, rs, cs; const char *text; } hcell;

typedef struct tform {
    ys_tlayout lay;
    int lead;             /* -1 two-sided, 0, 2 or 3 */
    int ncols;            /* canonical column count the header is drawn for */
    int hrows;
    const hcell *head;
} tform;

static const char *const L_AMOUNT[] = {"预算数"};
static const char *const L_T2[] = {
    "合计", "本年收入小计", "本年收入一般公共预算", "本年收入政府性基金预算",
    "本年收入国有资本经营预算", "本年收入财政专户管理资金", "事业收入", "事业单位经营收入",
    "上级补助收入", "附属单位上缴收入", "其他收入", "上年结转结余小计",
    "上年结转一般公共预算", "上年结转政府性基金预算", "上年结转国有资本经营预算",
    "上年结转财政专户管理资金", "上年结转单位资金"};
static const char *const L_T3[] = {"合计", "基本支出", "项目支出", "事业单位经营支出",
                                   "上缴上级支出", "对附属单位补助支出"};
static const char *const L_T5[] = {"合计", "基本支出小计", "人员经费", "公用经费", "项目支出"};
static const char *const L_T6[] = {"合计", "人员经费", "公用经费"};
static const char *const L_T7[] = {"“三公”经费合计", "因公出国（境）费", "公务用车购置及运行费小计",
                                   "公务用车购置费", "公务用车运行费", "公务接待费"};
static const char *const L_T8[] = {"合计", "基本支出", "项目支出"};
static const char *const L_T10[] = {
    "合计", "本年拨款一般公共预算", "本年拨款政府性基金预算", "本年拨款国有资本经营预算",
    "结转结余一般公共预算", "结转结余政府性基金预算", "结转结余国有资本经营预算",
    "财政专户管理资金", "单位资金"};
static const char *const L_T11[] = {"当年金额", "占比", "前年金额", "上年金额"};
static const char *const L_T11P[] = {"项目总预算", "项目本年度预算"};
static const char *const L_T12[] = {"金额", "数量"};

static const hcell H_T1[] = {{0, 0, 1, 2, "收 入"}, {0, 2, 1, 2, "支 出"},
                             {1, 0, 1, 1, "项 目"}, {1, 1, 1, 1, "预算数"},
                             {1, 2, 1, 1, "项 目"}, {1, 3, 1, 1, "预算数"}, {-1, 0, 0, 0, 0}};
static const hcell H_T2[] = {
    {0, 0, 2, 1, "部门（单位）代码"}, {0, 1, 2, 1, "部门（单位）名称"}, {0, 2, 2, 1, "合计"},
    {0, 3, 1, 10, "本年收入"}, {0, 13, 1, 6, "上年结转结余"},
    {1, 3, 1, 1, "小计"}, {1, 4, 1, 1, "一般公共预算"}, {1, 5, 1, 1, "政府性基金预算"},
    {1, 6, 1, 1, "国有资本经营预算"}, {1, 7, 1, 1, "财政专户管理资金"}, {1, 8, 1, 1, "事业收入"},
    {1, 9, 1, 1, "事业单位经营收入"}, {1, 10, 1, 1, "上级补助收入"},
    {1, 11, 1, 1, "附属单位上缴收入"}, {1, 12, 1, 1, "其他收入"}, {1, 13, 1, 1, "小计"},
    {1, 14, 1, 1, "一般公共预算"}, {1, 15, 1, 1, "政府性基金预算"},
    {1, 16, 1, 1, "国有资本经营预算"}, {1, 17, 1, 1, "财政专户管理资金"},
    {1, 18, 1, 1, "单位资金"}, {-1, 0, 0, 0, 0}};
static const hcell H_T3[] = {
    {0, 0, 1, 1, "科目编码"}, {0, 1, 1, 1, "科目名称"}, {0, 2, 1, 1, "合计"},
    {0, 3, 1, 1, "基本支出"}, {0, 4, 1, 1, "项目支出"}, {0, 5, 1, 1, "事业单位经营支出"},
    {0, 6, 1, 1, "上缴上级支出"}, {0, 7, 1, 1, "对附属单位补助支出"}, {-1, 0, 0, 0, 0}};
static const hcell H_T4[] = {{0, 0, 1, 2, "收 入"}, {0, 2, 1, 2, "支 出"},
                             {1, 0, 1, 1, "项目"}, {1, 1, 1, 1, "预算数"},
                             {1, 2, 1, 1, "项目"}, {1, 3, 1, 1, "预算数"}, {-1, 0, 0, 0, 0}};
static const hcell H_T51[] = {
    {0, 0, 2, 1, "科目编码"}, {0, 1, 2, 1, "科目名称"}, {0, 2, 2, 1, "合计"},
    {0, 3, 1, 3, "基本支出"}, {0, 6, 2, 1, "项目支出"}, {1, 3, 1, 1, "小计"},
    {1, 4, 1, 1, "人员经费"}, {1, 5, 1, 1, "公用经费"}, {-1, 0, 0, 0, 0}};
static const hcell H_T52[] = {
    {0, 0, 2, 1, "单位编码"}, {0, 1, 2, 1, "单位名称"}, {0, 2, 2, 1, "合计"},
    {0, 3, 1, 3, "基本支出"}, {0, 6, 2, 1, "项目支出"}, {1, 3, 1, 1, "小计"},
    {1, 4, 1, 1, "人员经费"}, {1, 5, 1, 1, "公用经费"}, {-1, 0, 0, 0, 0}};
static const hcell H_T6[] = {
    {0, 0, 1, 2, "部门预算支出经济分类科目"}, {0, 2, 1, 3, "本年一般公共预算基本支出"},
    {1, 0, 1, 1, "科目编码"}, {1, 1, 1, 1, "科目名称"}, {1, 2, 1, 1, "合计"},
    {1, 3, 1, 1, "人员经费"}, {1, 4, 1, 1, "公用经费"}, {-1, 0, 0, 0, 0}};
static const hcell H_T7[] = {
    {0, 0, 2, 1, "“三公”经费合计"}, {0, 1, 2, 1, "因公出国（境）费"},
    {0, 2, 1, 3, "公务用车购置及运行费"}, {0, 5, 2, 1, "公务接待费"}, {1, 2, 1, 1, "小计"},
    {1, 3, 1, 1, "公务用车购置费"}, {1, 4, 1, 1, "公务用车运行费"}, {-1, 0, 0, 0, 0}};
static const hcell H_T8[] = {
    {0, 0, 2, 1, "科目编码"}, {0, 1, 2, 1, "科目名称"}, {0, 2, 1, 3, "本年政府性基金预算支出"},
    {1, 2, 1, 1, "合计"}, {1, 3, 1, 1, "基本支出"}, {1, 4, 1, 1, "项目支出"}, {-1, 0, 0, 0, 0}};
static const hcell H_T9[] = {
    {0, 0, 2, 1, "科目编码"}, {0, 1, 2, 1, "科目名称"}, {0, 2, 1, 3, "本年国有资本经营预算支出"},
    {1, 2, 1, 1, "合计"}, {1, 3, 1, 1, "基本支出"}, {1, 4, 1, 1, "项目支出"}, {-1, 0, 0, 0, 0}};
static const hcell H_T10[] = {
    {0, 0, 2, 1, "项目编码"}, {0, 1, 2, 1, "项目名称"}, {0, 2, 2, 1, "项目单位"},
    {0, 3, 2, 1, "合计"}, {0, 4, 1, 3, "本年拨款"}, {0, 7, 1, 3, "财政拨款结转结余"},
    {0, 10, 2, 1, "财政专户管理资金"}, {0, 11, 2, 1, "单位资金"},
    {1, 4, 1, 1, "一般公共预算"}, {1, 5, 1, 1, "政府性基金预算"}, {1, 6, 1, 1, "国有资本经营预算"},
    {1, 7, 1, 1, "一般公共预算"}, {1, 8, 1, 1, "政府性基金预算"}, {1, 9, 1, 1, "国有资本经营预算"},
    {-1, 0, 0, 0, 0}};

static const tform FORMS[] = {
    {{"1", "一、部门收支总表", NULL, "部门收支总表", L_AMOUNT}, -1, 1, 2, H_T1},
    {{"2", "二、部门收入总表", NULL, "部门收入总表", L_T2}, 2, 17, 2, H_T2},
    {{"3", "三、部门支出总表", NULL, "部门支出总表", L_T3}, 2, 6, 1, H_T3},
    {{"4", "四、财政拨款收支总表", NULL, "财政拨款收支总表", L_AMOUNT}, -1, 1, 2, H_T4},
    {{"5-1", "五、一般公共预算支出表", "5-1 一般公共预算支出表（分功能科目）",
      "一般公共预算支出表", L_T5}, 2, 5, 2, H_T51},
    {{"5-2", NULL, "5-2 一般公共预算支出表（分单位）", "一般公共预算支出表", L_T5}, 2, 5, 2,
     H_T52},
    {{"6", "六、一般公共预算基本支出表", NULL, "一般公共预算基本支出表", L_T6}, 2, 3, 2, H_T6},
    {{"7", "七、一般公共预算“三公”经费支出表", NULL, "一般公共预算“三公”经费支出表", L_T7}, 0,
     6, 2, H_T7},
    {{"8", "八、政府性基金预算支出表", NULL, "政府性基金预算支出表", L_T8}, 2, 3, 2, H_T8},
    {{"9", "九、国有资本经营预算支出表", NULL, "国有资本经营预算支出表", L_T8}, 2, 3, 2, H_T9},
    {{"10", "十、项目支出表", NULL, "项目支出表", L_T10}, 3, 9, 2, H_T10},
    {{"11", "十一、整体支出绩效目标表", NULL, "部门整体支出绩效目标申报表", L_T11}, 0, 4, 0,
     NULL},
    {{"11.projects", NULL, NULL, "项目支出情况", L_T11P}, 2, 2, 0, NULL},
    {{"12", "十二、项目支出绩效目标表", NULL, "项目资金绩效目标申报表", L_T12}, 2, 2, 0, NULL},
};

static const tform *form_of(const char *id)
{
    if (strncmp(id, "12:", 3) == 0)
        id = "12";
    for (size_t i = 0; i < sizeof FORMS / sizeof FORMS[0]; i++)
        if (strcmp(FORMS[i].lay.id, id) == 0)
            return &FORMS[i];
    return NULL;
}

const ys_tlayout *ys_tlayout_find(const char *id)
{
    const tform *f = form_of(id);
    return f ? &f->lay : NULL;
}

const char *ys_col_label(const ys_table *t, int i)
{
    const tform *f = form_of(t->id);
    if (f && f->ncols == t->ncols && i >= 0 && i < f->ncols)
        return f->lay.labels[i];
    return i >= 0 && i < t->ncols ? t->cols[i] : "";
}

int ys_table_lead(const ys_table *t)
{
    const tform *f = form_of(t->id);
    return f ? f->lead : 2;
}

const char *ys_unit_name(ys_unit u) { return u == YS_UNIT_YUAN ? "元" : "万元"; }

const char *ys_dept_name(const ys_tableset *ts)
{
    return ts->department && *ts->department ? ts->department : "（未署名部门）";
}

/* ---- body rows ---------------------------------------------------------- */

static void put_header(ys_grid *g, const tform *f, const ys_table *t, int lead)
{
    if (f && f->head && f->ncols == t->ncols) {
        for (int r = 0; r < f->hrows; r++)
            ys_grid_row(g);
        for (const hcell *h = f->head; h->r >= 0; h++) {
            ys_grid_set(g, (size_t)h->r, h->c, h->text);
            if (h->rs > 1 || h->cs > 1)
                ys_grid_merge(g, (size_t)h->r, h->c, h->rs, h->cs);
        }
        g->hrows = f->hrows;
        return;
    }
    static const char *const lead_names[] = {"编码", "名称", "单位"};
    long r = ys_grid_row(g);
    if (r < 0)
        return;
    for (int i = 0; i < lead && i < 3; i++)
        ys_grid_set(g, (size_t)r, i, lead_names[i]);
    for (int i = 0; i < t->ncols; i++)
        ys_grid_set(g, (size_t)r, lead + i, ys_col_label(t, i));
    g->hrows = 1;
}

static void put_cells(ys_grid *g, size_t r, int at, const ys_table *t, const ys_row *row,
                      bool grouping)
{
    for (int i = 0; i < t->ncols; i++)
        ys_grid_cell(g, r, at + i, t, i, row->cells[i].v, grouping);
}

static void put_plain_rows(ys_grid *g, const ys_table *t, int lead, bool grouping)
{
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *row = &t->rows[i];
        long r = ys_grid_row(g);
        if (r < 0)
            return;
        if (lead >= 1)
            ys_grid_set(g, (size_t)r, 0, row->code);
        if (lead >= 2)
            ys_grid_set(g, (size_t)r, 1, row->name);
        if (lead >= 3)
            ys_grid_set(g, (size_t)r, 2, row->extra ? row->extra : "");
        put_cells(g, (size_t)r, lead, t, row, grouping);
    }
}

/* The two-sided tables: which keys stand on each side, and the closing
 * pairs (label used when the set lacks the row). */
typedef struct foot { const char *in, *out, *in_label, *out_label; } foot;

static const char *const T1_LEFT[] = {"in.gpb", "in.gov_fund", "in.soe", "in.special_acct",
                                      "in.business", "in.operating", "in.upper",
                                      "in.affiliated", "in.other", NULL};
static const char *const T1_RIGHT[] = {"out.class", NULL};
static const foot T1_FOOT[] = {
    {"in.year_total", "out.year_total", "本年收入合计", "本年支出合计"},
    {"in.carry_total", "out.carry_forward", "上年结转结余", "年终结转结余"},
    {"in.grand_total", "out.grand_total", "收 入 总 计", "支 出 总 计"},
    {NULL, NULL, NULL, NULL}};
static const char *const T4_LEFT[] = {"in.year_total", "in.gpb", "in.gov_fund", "in.soe",
                                      "in.carry_total", "in.carry.gpb", "in.carry.gov_fund",
                                      "in.carry.soe", NULL};
static const char *const T4_RIGHT[] = {"out.year_total", "out.class", "out.carry_forward",
                                       NULL};
static const foot T4_FOOT[] = {
    {"in.grand_total", "out.grand_total", "收 入 总 计", "支 出 总 计"},
    {NULL, NULL, NULL, NULL}};

static bool key_is(const ys_row *r, const char *key)
{
    return r->key && strcmp(r->key, key) == 0;
}

static bool in_list(const char *const *keys, const ys_row *r)
{
    for (; *keys; keys++)
        if (key_is(r, *keys))
            return true;
    return false;
}

static bool in_foot(const foot *ft, const ys_row *r)
{
    for (; ft->in; ft++)
        if (key_is(r, ft->in) || key_is(r, ft->out))
            return true;
    return false;
}

/* Rows of one side in key order; rows with other keys of that side's
 * prefix follow, so that nothing of the set is dropped. */
static size_t side_rows(const ys_table *t, const char *const *keys, const foot *ft,
                        const char *prefix, bool take_unkeyed, const ys_row **out)
{
    size_t n = 0;
    for (const char *const *k = keys; *k; k++)
        for (size_t i = 0; i < t->nrows; i++)
            if (key_is(&t->rows[i], *k))
                out[n++] = &t->rows[i];
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *r = &t->rows[i];
        if (in_list(keys, r) || in_foot(ft, r))
            continue;
        if (r->key ? strncmp(r->key, prefix, strlen(prefix)) == 0 : take_unkeyed)
            out[n++] = r;
    }
    return n;
}

static void put_side(ys_grid *g, size_t r, int at, const ys_table *t, const ys_row *row,
                     bool grouping)
{
    ys_grid_set(g, r, at, row->name);
    if (t->ncols > 0)
        ys_grid_amount(g, r, at + 1, row->cells[0].v, t->unit, grouping);
}

static int put_two_sided(ys_grid *g, const ys_table *t, bool grouping)
{
    bool t1 = strcmp(t->id, "1") == 0;
    const foot *ft = t1 ? T1_FOOT : T4_FOOT;
    const ys_row **left = calloc(t->nrows + 1, sizeof *left);
    const ys_row **right = calloc(t->nrows + 1, sizeof *right);
    if (!left || !right) {
        free(left);
        free(right);
        return -1;
    }
    size_t nl = side_rows(t, t1 ? T1_LEFT : T4_LEFT, ft, "in.", true, left);
    size_t nr = side_rows(t, t1 ? T1_RIGHT : T4_RIGHT, ft, "out.", false, right);
    for (size_t i = 0; i < nl || i < nr; i++) {
        long r = ys_grid_row(g);
        if (r < 0)
            break;
        if (i < nl)
            put_side(g, (size_t)r, 0, t, left[i], grouping);
        if (i < nr)
            put_side(g, (size_t)r, 2, t, right[i], grouping);
    }
    for (; ft->in; ft++) {
        const ys_row *a = ys_table_row_by_key(t, ft->in);
        const ys_row *b = ys_table_row_by_key(t, ft->out);
        if (!a && !b)
            continue;
        long r = ys_grid_row(g);
        if (r < 0)
            break;
        if (a)
            put_side(g, (size_t)r, 0, t, a, grouping);
        else
            ys_grid_set(g, (size_t)r, 0, ft->in_label);
        if (b)
            put_side(g, (size_t)r, 2, t, b, grouping);
        else
            ys_grid_set(g, (size_t)r, 2, ft->out_label);
    }
    free(left);
    free(right);
    return 0;
}

int ys_grid_table(const ys_tableset *ts, const ys_table *t, bool grouping, ys_grid *g)
{
    (void)ts;
    const tform *f = form_of(t->id);
    int lead = f ? f->lead : 2;
    int width = lead < 0 ? 4 : lead + t->ncols;
    if (ys_grid_init(g, width) != 0)
        return YS_ENOMEM;
    put_header(g, f, t, lead < 0 ? 0 : lead);
    if (lead < 0) {
        if (put_two_sided(g, t, grouping) != 0)
            g->oom = 1;
    } else {
        put_plain_rows(g, t, lead, grouping);
    }
    return g->oom ? YS_ENOMEM : YS_OK;
}

void ys_buf_cells_tsv(ys_buf *b, const ys_grid *g, size_t r)
{
    for (int c = 0; c < g->width; c++) {
        if (c)
            ys_buf_put(b, "\t", 1);
        const char *s = ys_grid_at(g, r, c)->text;
        /* a tab or newline inside a cell would split it: show it as a blank */
        for (; *s; s++)
            ys_buf_put(b, (*s == '\t' || *s == '\n' || *s == '\r') ? " " : s, 1);
    }
    ys_buf_put(b, "\n", 1);
}
