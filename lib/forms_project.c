/*
 * forms_project.c — table 12: one 项目资金绩效目标申报表 per project into a
 * table "12:<项目名称 as written>" with keyed rows (docs/tableset.md).
 *
 * Promise: labelled fields (项目名称, 项目总预算, …) are found wherever they
 * sit in the row (data: KV_LABELS); the 资金来源 / 项目支出明细 / 项目采购
 * blocks are recognised by their header words, not by position, and an
 * amount is the last non-empty figure of its row.  Department names
 * (单位名称, 项目主管部门, 项目执行单位) become mentions; the 预算变动情况
 * text goes to ys_claims_from_text with the form's id as scope.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "forms_internal.h"
#include "text.h"

static const char *const FORM_COLS[] = {"amount", "qty"};

typedef enum kv_act {
    KV_IGNORE = 0, KV_NAME, KV_CODE, KV_MENTION, KV_UNIT, KV_CATEGORY, KV_TOTAL,
    KV_YEAR, KV_CHANGE
} kv_act;

/* Field labels of a form (folded) and what their value is. */
static const struct {
    const char *label;
    kv_act act;
} KV_LABELS[] = {
    {"项目名称", KV_NAME},
    {"项目代码", KV_CODE},
    {"项目主管部门", KV_MENTION},
    {"项目执行单位", KV_UNIT},
    {"项目负责人", KV_IGNORE},
    {"联系电话", KV_IGNORE},
    {"项目属性", KV_IGNORE},
    {"项目类别", KV_CATEGORY},
    {"起始年度", KV_IGNORE},
    {"终止年度", KV_IGNORE},
    {"项目申请理由", KV_IGNORE},
    {"项目主要内容", KV_IGNORE},
    {"项目总预算", KV_TOTAL},
    {"项目当年预算", KV_YEAR},
    {"项目前两年预算及当年预算变动情况", KV_CHANGE},
    /* the Shanghai layout (财政项目支出绩效目标填报表) */
    {"主管部门", KV_MENTION},
    {"实施单位", KV_UNIT},
    {"项目性质", KV_IGNORE},
    {"计划开始日期", KV_IGNORE},
    {"计划完成日期", KV_IGNORE},
    {"项目资金总额", KV_TOTAL},
    {"年度资金申请总额", KV_YEAR},
};

#define N_KV (sizeof KV_LABELS / sizeof *KV_LABELS)

/* Index into KV_LABELS of cell i, or -1. */
static int kv_label(const ys_line *ln, int i)
{
    char buf[128];
    bool whole;
    const char *f = fx_fold_ref(ln, i, buf, sizeof buf, &whole);
    if (!whole)
        return -1;
    for (size_t k = 0; k < N_KV; k++)
        if (f[0] == KV_LABELS[k].label[0] && strcmp(f, KV_LABELS[k].label) == 0)
            return (int)k;
    return -1;
}

/* Keep a table id within ys_table.id, cut on a UTF-8 boundary. */
static void make_id(char *id, size_t cap, const char *name)
{
    size_t n = (size_t)snprintf(id, cap, "12:%s", name);
    if (n < cap)
        return;
    n = cap - 1;
    while (n > 3 && ((unsigned char)id[n] & 0xC0) == 0x80)
        n--;
    id[n] = 0;
}

static ys_table *open_form(fx_ctx *c, const char *name, int line)
{
    char id[sizeof ((ys_table *)0)->id];
    if (name && *name) {
        make_id(id, sizeof id, name);
    } else {
        snprintf(id, sizeof id, "12:第%d行的项目", line);
    }
    ys_table *t = ys_tableset_add(c->ts, id, "项目资金绩效目标申报表", FORM_COLS, 2);
    if (!t)
        return NULL;
    t->unit = c->form_unit;
    t->first_line = c->form_line;       /* cited like tables 1–10: the title */
    c->named = name && *name;
    c->form = t;
    c->tid = t->id;
    return t;
}

/* The current form, opened under a stand-in id when 项目名称 is missing. */
static ys_table *ensure_form(fx_ctx *c)
{
    return c->form ? c->form : open_form(c, NULL, c->form_line);
}

static ys_row *add_row(fx_ctx *c, const char *key, const char *name, int line,
                       ys_row_kind kind, int level)
{
    ys_table *t = ensure_form(c);
    if (!t)
        return NULL;
    ys_row *r = ys_table_add_row(c->ts, t, "", name, line);
    if (!r)
        return NULL;
    r->key = key;
    r->kind = kind;
    r->level = level;
    return r;
}

static void put_amount(ys_row *r, int col, ys_amount a, int line)
{
    r->cells[col].v = a;
    r->cells[col].line = line;
}

int fx_form_start(fx_ctx *c, const ys_line *ln)
{
    char buf[256];
    int k = fx_next_filled(ln, 0);
    if (k < 0)
        return FX_SKIP;
    const char *f = fx_fold_ref(ln, k, buf, sizeof buf, NULL);
    if (!strstr(f, "项目") || !strstr(f, "绩效目标") ||
        !(strstr(f, "申报表") || strstr(f, "填报表")))
        return FX_SKIP;
    if (fx_rows_settle(c) == FX_NOMEM)     /* the last form's indicators */
        return FX_NOMEM;
    char id[64];
    snprintf(id, sizeof id, "12:第%d行的项目", ln->no);
    c->in_form = true;
    c->form = NULL;
    c->tid = ys_ts_str(c->ts, id, (size_t)-1);   /* until 项目名称 names it */
    if (!c->tid)
        return FX_NOMEM;
    c->block = FX_B_NONE;
    c->proc_qty_col = -1;
    c->form_line = ln->no;
    c->form_unit = c->ts->unit;
    c->ind.on = false;
    c->ctx_goal = 0;
    c->ctx_annual = false;
    c->in_funds = c->in_projects = false;
    /* the title row may carry 单位名称 / 资金单位 too */
    fx_form_line(c, ln);
    return FX_USED;
}

static int kv_value(fx_ctx *c, const ys_line *ln, int lab, int li, int v)
{
    const char *val = v >= 0 ? fx_raw(ln, v) : "";
    ys_amount a;
    ys_row *r;
    switch (KV_LABELS[lab].act) {
    case KV_NAME:
        if (!c->form)
            return open_form(c, val, ln->no) ? FX_USED : FX_NOMEM;
        if (*val && !c->named)      /* opened by a figure above the name: name it */
            make_id(c->form->id, sizeof c->form->id, val);
        c->named = true;            /* a second 项目名称 in one form: keep the first */
        return FX_USED;
    case KV_MENTION:
        if (!*val)
            return FX_USED;
        return ys_tableset_add_mention(c->ts, val, ln->no) == 0 ? FX_USED : FX_NOMEM;
    case KV_UNIT:
        if (!*val)
            return FX_USED;
        if (!add_row(c, "meta.unit", val, ln->no, YS_ROW_ITEM, 0))
            return FX_NOMEM;
        return ys_tableset_add_mention(c->ts, val, ln->no) == 0 ? FX_USED : FX_NOMEM;
    case KV_CODE:
        if (!*val)
            return FX_USED;
        r = add_row(c, "meta.code", val, ln->no, YS_ROW_ITEM, 0);
        if (!r || !(r->code = ys_ts_str(c->ts, val, (size_t)-1)))
            return FX_NOMEM;
        return FX_USED;
    case KV_CATEGORY:
        if (!*val)
            return FX_USED;
        return add_row(c, "meta.category", val, ln->no, YS_ROW_ITEM, 0) ? FX_USED
                                                                      : FX_NOMEM;
    case KV_TOTAL:
    case KV_YEAR:
        r = add_row(c, KV_LABELS[lab].act == KV_TOTAL ? "budget.total" : "budget.year",
                    fx_raw(ln, li), ln->no, YS_ROW_TOTAL, 0);
        if (!r)
            return FX_NOMEM;
        if (v >= 0 && fx_amount(ln, v, c->form_unit, &a))
            put_amount(r, 0, a, ln->no);
        return FX_USED;
    case KV_CHANGE: {
        if (!*val)
            return FX_USED;
        const char *text = fx_text(c, val);
        if (!text || !ensure_form(c))
            return FX_NOMEM;
        return ys_claims_from_text(c->ts, text, ln->no, 0, c->tid) < 0 ? FX_NOMEM
                                                                     : FX_USED;
    }
    case KV_IGNORE:
        break;
    }
    return FX_USED;
}

/* Every labelled field of the row; FX_SKIP when the row has none. */
static int kv_line(fx_ctx *c, const ys_line *ln)
{
    int found = 0;
    for (int i = 0; i < ln->ncells; i++) {
        int lab = kv_label(ln, i);
        if (lab < 0)
            continue;
        found = 1;
        int v = fx_next_filled(ln, i + 1);
        if (v >= 0 && kv_label(ln, v) >= 0)
            v = -1;                     /* the next cell is another label */
        int r = kv_value(c, ln, lab, i, v);
        if (r < 0)
            return r;
        if (v > i)
            i = v;
    }
    if (found)
        c->block = FX_B_NONE;
    return found ? FX_USED : FX_SKIP;
}

/* The form's figures were read in c->form_unit; the form now says `u`
 * (a "（元）" caption after the figures): convert what was read. */
static void rescale_form(fx_ctx *c, ys_unit u)
{
    if (u == c->form_unit)
        return;
    ys_table *t = c->form;
    c->form_unit = u;
    if (!t)
        return;
    t->unit = u;
    int64_t k = YS_FEN_PER_WAN / YS_FEN_PER_YUAN;
    for (size_t i = 0; i < t->nrows; i++) {
        ys_cell *cl = &t->rows[i].cells[0];
        if (!cl->v.present)
            continue;
        if (u == YS_UNIT_YUAN) {
            cl->v.fen /= k;
            cl->v.ulp = cl->v.ulp / k ? cl->v.ulp / k : 1;
        } else if (cl->v.fen < INT64_MAX / k && cl->v.fen > INT64_MIN / k) {
            cl->v.fen *= k;
            cl->v.ulp *= k;
        }
    }
}

/* A caption that names the unit: a cell "（元）" / "（万元）" on its own, or
 * "项目资金（万元）" on a row without figures (an item "印刷费（万元）| 2.5"
 * is not a caption). */
static int unit_caption(fx_ctx *c, const ys_line *ln)
{
    char buf[128];
    ys_amount a;
    bool figures = false;
    for (int i = 0; i < ln->ncells && !figures; i++)
        figures = fx_amount(ln, i, c->form_unit, &a);
    for (int i = 0; i < ln->ncells; i++) {
        bool whole;
        const char *f = fx_fold_ref(ln, i, buf, sizeof buf, &whole);
        if (!whole)
            continue;
        size_t n = strlen(f);
        bool yuan = n >= 5 && strcmp(f + n - 5, "(元)") == 0;
        bool wan = n >= 8 && strcmp(f + n - 8, "(万元)") == 0;
        bool alone = n == (yuan ? 5u : 8u);
        if ((yuan || wan) && (alone || !figures)) {
            rescale_form(c, yuan ? YS_UNIT_YUAN : YS_UNIT_WAN);
            return alone && figures ? FX_SKIP : FX_USED;
        }
    }
    return FX_SKIP;
}

/* 单位名称：… / 资金单位：万元, in any cell of the row. */
static int heading_cells(fx_ctx *c, const ys_line *ln)
{
    int used = FX_SKIP;
    char buf[256];
    for (int i = 0; i < ln->ncells; i++) {
        const char *f = fx_fold_ref(ln, i, buf, sizeof buf, NULL);
        bool unit_name = ys_starts(f, "单位名称") || ys_starts(f, "部门(单位)名称");
        if (!unit_name && !ys_starts(f, "资金单位"))
            continue;
        used = FX_USED;
        const char *v = fx_after_colon(fx_raw(ln, i));
        if (!v || !*v) {
            int k = fx_next_filled(ln, i + 1);
            v = k < 0 ? "" : fx_raw(ln, k);
        }
        if (!unit_name) {
            char fv[64];
            ys_fold(v, strlen(v), fv, sizeof fv);
            c->form_unit = fx_unit_of(fv, c->form_unit);
        } else if (*v && ys_tableset_add_mention(c->ts, v, ln->no) != 0) {
            return FX_NOMEM;
        }
    }
    return used;
}

/* Block headers: 资金来源 … 金额, 项目支出明细 … 金额, 项目采购, 品名. */
static int block_header(fx_ctx *c, const ys_line *ln)
{
    int k = fx_find_has(ln, 0, "资金来源");
    if (k >= 0 && fx_find(ln, k + 1, "金额") >= 0) {
        c->block = FX_B_SRC;
        return FX_USED;
    }
    k = fx_find_has(ln, 0, "支出明细");
    if (k >= 0 && fx_find(ln, k + 1, "金额") >= 0) {
        c->block = FX_B_DETAIL;
        return FX_USED;
    }
    if (fx_find(ln, 0, "品名") >= 0) {
        c->block = FX_B_PROC;
        c->proc_qty_col = fx_find(ln, 0, "数量");
        return FX_USED;
    }
    k = fx_next_filled(ln, 0);
    if (k >= 0 && (fx_is(ln, k, "项目采购") || fx_is(ln, k, "项目绩效总目标"))) {
        c->block = fx_is(ln, k, "项目采购") ? FX_B_PROC_CAP : FX_B_NONE;
        return FX_USED;
    }
    return FX_SKIP;
}

/* The row's label: first non-empty cell that is not a figure or a caption. */
static int label_of(const ys_line *ln, ys_unit unit)
{
    ys_amount a;
    char buf[128];
    for (int i = 0; i < ln->ncells; i++) {
        if (fx_blank(ln, i) || fx_amount(ln, i, unit, &a))
            continue;
        const char *f = fx_fold_ref(ln, i, buf, sizeof buf, NULL);
        if (strstr(f, "资金来源") || strstr(f, "支出明细"))
            continue;
        return i;
    }
    return -1;
}

/* A row of the 资金来源 or 项目支出明细 block. */
static int money_row(fx_ctx *c, const ys_line *ln)
{
    ys_amount a;
    int ai = fx_last_amount(ln, c->form_unit, &a);
    if (ai < 0)
        return FX_USED;             /* a source line with no amount */
    int li = label_of(ln, c->form_unit);
    char f[128];
    fx_fold(ln, li, f, sizeof f);
    bool src = c->block == FX_B_SRC;
    bool total = strcmp(f, "合计") == 0;
    const char *key = total ? (src ? "src.total" : "detail.total")
                            : (src ? "src.item" : "detail.item");
    int level = total ? 0 : 1;
    if (src && !total && ys_starts(f, "其中")) {
        key = "src.sub";
        level = 2;
    }
    ys_row *r = add_row(c, key, li < 0 ? "" : fx_raw(ln, li), ln->no,
                        total ? YS_ROW_TOTAL : YS_ROW_ITEM, level);
    if (!r)
        return FX_NOMEM;
    put_amount(r, 0, a, ln->no);
    return FX_USED;
}

/* A row of the 项目采购 block: 品名 | 数量 | 金额, or 合计, or 无. */
static int proc_row(fx_ctx *c, const ys_line *ln)
{
    int li = label_of(ln, c->form_unit);
    if (li < 0 && fx_next_filled(ln, 0) < 0)
        return FX_USED;
    if (li >= 0 && fx_is(ln, li, "无") && fx_next_filled(ln, li + 1) < 0)
        return FX_USED;             /* 无: the project buys nothing */
    bool total = li >= 0 && fx_is(ln, li, "合计");
    ys_amount a, q;
    int ai = fx_last_amount(ln, c->form_unit, &a);
    if (ai >= 0 && ai == c->proc_qty_col)
        ai = -1;                    /* only a quantity was written */
    ys_row *r = add_row(c, total ? "proc.total" : "proc.item",
                        li < 0 ? "" : fx_raw(ln, li), ln->no,
                        total ? YS_ROW_TOTAL : YS_ROW_ITEM, total ? 0 : 1);
    if (!r)
        return FX_NOMEM;
    if (ai >= 0)
        put_amount(r, 0, a, ln->no);
    if (!total && c->proc_qty_col >= 0 && c->proc_qty_col != li &&
        fx_amount(ln, c->proc_qty_col, YS_UNIT_YUAN, &q))
        put_amount(r, 1, q, ln->no);
    return FX_USED;
}

int fx_form_line(fx_ctx *c, const ys_line *ln)
{
    int r = heading_cells(c, ln);
    if (r != FX_SKIP)
        return r;
    r = block_header(c, ln);
    if (r != FX_SKIP)
        return r;
    r = unit_caption(c, ln);
    if (r != FX_SKIP)
        return r;
    r = kv_line(c, ln);
    if (r != FX_SKIP)
        return r;
    switch (c->block) {
    case FX_B_SRC:
    case FX_B_DETAIL:
        return money_row(c, ln);
    case FX_B_PROC:
        return proc_row(c, ln);
    case FX_B_PROC_CAP:
    case FX_B_NONE:
        break;
    }
    return FX_SKIP;
}
