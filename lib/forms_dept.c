/*
 * forms_dept.c — table 11 (部门整体支出绩效目标申报表): the funds block
 * (收入构成 / 支出构成 with 当年金额, 占比 and 近两年收支金额) into table "11",
 * the 项目支出情况 list into "11.projects", and the 部门（单位）名称 mention.
 *
 * Promise: fund rows are found by their label words (data: FUND_LABELS),
 * their figures read from the cells after the label, so a row that lost a
 * leading cell still reads right.  Unreadable figures stay blank.
 */
#include <string.h>

#include "forms_internal.h"
#include "text.h"

static const char *const FUND_COLS[] = {"amount", "share", "prior2", "prior1"};
static const char *const PROJ_COLS[] = {"total", "year"};

/* Label (folded) → row key; side 1 收入构成, 2 支出构成, 0 either (合计). */
static const struct {
    const char *label, *key;
    int side;
} FUND_LABELS[] = {
    {"财政拨款", "in.fiscal", 1},
    {"财政专户资金", "in.special_acct", 1},
    {"财政专户管理资金", "in.special_acct", 1},
    {"单位资金", "in.unit_funds", 1},
    {"人员类项目支出", "out.personnel", 2},
    {"人员类", "out.personnel", 2},
    {"运转类项目支出", "out.operating", 2},
    {"运转类", "out.operating", 2},
    {"特定目标类项目支出", "out.special", 2},
    {"特定目标类", "out.special", 2},
    {"合计", NULL, 0},
};

static const char *const SIDE_WORDS[] = {"", "收入构成", "支出构成"};

static ys_table *ensure_funds(fx_ctx *c)
{
    if (!c->t11) {
        c->t11 = ys_tableset_add(c->ts, "11", c->t11_title ? c->t11_title
                                 : "部门整体支出绩效目标表", FUND_COLS, 4);
        if (c->t11) {
            c->t11->unit = c->unit;
            c->t11->first_line = c->t11_line;   /* cited like tables 1–10: the title */
        }
    }
    return c->t11;
}

static ys_table *ensure_projects(fx_ctx *c)
{
    if (!c->t11p) {
        c->t11p = ys_tableset_add(c->ts, "11.projects", "项目支出情况", PROJ_COLS, 2);
        if (c->t11p) {
            c->t11p->unit = c->unit;
            c->t11p->first_line = c->proj_line;
        }
    }
    return c->t11p;
}

/* Index into FUND_LABELS of cell i, or -1. */
static int fund_label(const ys_line *ln, int i)
{
    char buf[128];
    bool whole;
    const char *f = fx_fold_ref(ln, i, buf, sizeof buf, &whole);
    if (!whole)
        return -1;
    for (size_t k = 0; k < sizeof FUND_LABELS / sizeof *FUND_LABELS; k++)
        if (strcmp(f, FUND_LABELS[k].label) == 0)
            return (int)k;
    return -1;
}

static void set_cell(ys_row *r, int col, ys_amount a, int line)
{
    r->cells[col].v = a;
    r->cells[col].line = line;
}

static int fund_row(fx_ctx *c, const ys_line *ln, int k, int lab)
{
    ys_table *t = ensure_funds(c);
    if (!t)
        return FX_NOMEM;
    int side = FUND_LABELS[lab].side ? FUND_LABELS[lab].side : c->funds_side;
    const char *key = FUND_LABELS[lab].key;
    if (!key) {
        if (side == 0)
            side = ys_table_row_by_key(t, "in.total") ? 2 : 1;
        key = side == 2 ? "out.total" : "in.total";
    }
    ys_row *r = ys_table_add_row(c->ts, t, "", fx_raw(ln, k), ln->no);
    if (!r)
        return FX_NOMEM;
    r->key = key;
    r->kind = FUND_LABELS[lab].key ? YS_ROW_ITEM : YS_ROW_TOTAL;
    ys_amount a;
    if (fx_amount(ln, k + 1, c->unit, &a))
        set_cell(r, 0, a, ln->no);
    const char *s = fx_raw(ln, k + 2);
    a = (ys_amount){0, 0, false};
    if (ys_pct_parse(s, strlen(s), false, &a) == 0 && a.present)
        set_cell(r, 1, a, ln->no);
    if (fx_amount(ln, k + 3, c->unit, &a))
        set_cell(r, 2, a, ln->no);
    if (fx_amount(ln, k + 4, c->unit, &a))
        set_cell(r, 3, a, ln->no);
    return FX_USED;
}

/* A line inside the funds block; FX_SKIP ends the block. */
static int funds_line(fx_ctx *c, const ys_line *ln)
{
    for (int s = 1; s <= 2; s++)
        if (fx_find(ln, 0, SIDE_WORDS[s]) >= 0)
            c->funds_side = s;
    for (int i = 0; i < ln->ncells; i++) {
        int lab = fund_label(ln, i);
        if (lab >= 0)
            return fund_row(c, ln, i, lab);
    }
    if (fx_next_filled(ln, 0) < 0)
        return FX_USED;                     /* blank line inside the block */
    if (!fx_blank(ln, 0) && !fx_is(ln, 0, SIDE_WORDS[1]) && !fx_is(ln, 0, SIDE_WORDS[2]))
        c->in_funds = false;
    return c->in_funds ? FX_USED : FX_SKIP;
}

/* "项目1：行政审批工作经费" → "行政审批工作经费"; other names unchanged. */
static const char *project_name(const char *raw, const char *folded)
{
    if (ys_starts(folded, "项目") && folded[6] >= '0' && folded[6] <= '9') {
        const char *r = fx_after_colon(raw);
        if (r)
            return r;
    }
    return raw;
}

/* The column of the category of a project named in column k: the next,
 * or the one after when the name's cell spans two grid columns (an empty
 * column follows it and text, not an amount, stands after that). */
static int category_column(const fx_ctx *c, const ys_line *ln, int k)
{
    ys_amount a;
    if (fx_blank(ln, k + 1) && !fx_blank(ln, k + 2) && !fx_amount(ln, k + 2, c->unit, &a))
        return k + 2;
    return k + 1;
}

/* A line of the 项目支出情况 list; FX_SKIP ends the list. */
static int project_line(fx_ctx *c, const ys_line *ln)
{
    int k = fx_next_filled(ln, 0);
    if (k < 0)
        return FX_USED;
    char f[128];
    fx_fold(ln, k, f, sizeof f);
    if (k == 0 && strcmp(f, "项目支出情况") == 0) {
        /* the block caption repeated on each row (a merged cell copied) */
        k = fx_next_filled(ln, 1);
        if (k < 0)
            return FX_USED;
        fx_fold(ln, k, f, sizeof f);
    }
    bool numbered = ys_starts(f, "项目") && f[6] >= '0' && f[6] <= '9';
    if (k == 0 && !numbered) {
        c->in_projects = false;
        return FX_SKIP;
    }
    ys_table *t = ensure_projects(c);
    if (!t)
        return FX_NOMEM;
    ys_row *r = ys_table_add_row(c->ts, t, "", project_name(fx_raw(ln, k), f), ln->no);
    if (!r)
        return FX_NOMEM;
    r->level = 1;
    int cat = category_column(c, ln, k);
    if (!fx_blank(ln, cat) &&
        !(r->extra = ys_ts_str(c->ts, fx_raw(ln, cat), (size_t)-1)))
        return FX_NOMEM;
    ys_amount a;
    if (fx_amount(ln, cat + 1, c->unit, &a))
        set_cell(r, 0, a, ln->no);
    if (fx_amount(ln, cat + 2, c->unit, &a))
        set_cell(r, 1, a, ln->no);
    return FX_USED;
}

static int mention_after(fx_ctx *c, const ys_line *ln, int k)
{
    int v = fx_next_filled(ln, k + 1);
    if (v < 0)
        return FX_USED;
    return ys_tableset_add_mention(c->ts, fx_raw(ln, v), ln->no) == 0 ? FX_USED
                                                                       : FX_NOMEM;
}

/* A "目标N：" marker at s: its length and number, 0 when none. */
static size_t goal_marker(const char *s, int *no)
{
    static const char word[] = "目标";
    size_t k = sizeof word - 1, i = k;
    if (strncmp(s, word, k) != 0)
        return 0;
    int v = 0;
    while (s[i] >= '0' && s[i] <= '9' && i < k + 3)
        v = v * 10 + (s[i++] - '0');
    if (i == k || v == 0)
        return 0;
    if (s[i] == ':')
        i += 1;
    else if (strncmp(s + i, "\xef\xbc\x9a", 3) == 0)
        i += 3;
    else
        return 0;
    *no = v;
    return i;
}

/* Split "目标1：… 目标2：…" into goals. */
static int split_goals(fx_ctx *c, const char *s, bool annual, int line)
{
    int no = 0, next_no = 0;
    const char *start = NULL;
    for (const char *p = s;; p++) {
        size_t m = *p ? goal_marker(p, &next_no) : 0;
        if (!*p || m) {
            if (start) {
                const char *seg = ys_ts_str(c->ts, start, (size_t)(p - start));
                if (!seg || fx_add_goal(c, no, annual, seg, line) < 0)
                    return YS_ENOMEM;
            }
            if (!*p)
                break;
            no = next_no;
            start = p + m;
            p += m - 1;
        }
    }
    return YS_OK;
}

int fx_dept_summary_goals(fx_ctx *c)
{
    if (!c->summary)
        return YS_OK;
    for (size_t i = 0; i < c->ts->ngoals; i++)
        if (strcmp(c->ts->goals[i].table_id, "11") == 0)
            return YS_OK;             /* the headings gave the goals */
    const char *saved = c->tid;
    c->tid = "11";
    int rc = split_goals(c, fx_raw(c->summary, c->sum_long_col), false, c->summary->no);
    if (rc == YS_OK && c->sum_annual_col >= 0)
        rc = split_goals(c, fx_raw(c->summary, c->sum_annual_col), true, c->summary->no);
    c->tid = saved;
    return rc;
}

/* 整体绩效目标 | 长期目标 … | 年度目标 header, then the row of goal texts. */
static int summary_line(fx_ctx *c, const ys_line *ln)
{
    if (fx_is(ln, 0, "整体绩效目标")) {
        c->goal_hdr = true;
        c->in_projects = c->in_funds = false;
        c->sum_long_col = fx_find_has(ln, 1, "长期目标");
        c->sum_annual_col = fx_find_has(ln, 1, "年度目标");
        if (c->sum_long_col < 0)
            c->sum_long_col = 1;
        return FX_USED;
    }
    if (!c->goal_hdr || c->summary)
        return FX_SKIP;
    if (fx_find_has(ln, 0, "目标1") < 0)
        return FX_SKIP;
    c->summary = ln;
    return FX_USED;
}

int fx_dept_line(fx_ctx *c, const ys_line *ln)
{
    char f0[256];
    fx_fold(ln, 0, f0, sizeof f0);
    int s = summary_line(c, ln);
    if (s != FX_SKIP)
        return s;
    if (ln->ncells == 1 && strstr(f0, "绩效目标") && strstr(f0, "表") && !c->t11) {
        c->t11_title = ys_ts_str(c->ts, fx_raw(ln, 0), (size_t)-1);
        c->t11_line = ln->no;
        return FX_USED;
    }
    int k = fx_find(ln, 0, "部门(单位)名称");
    if (k >= 0)
        return mention_after(c, ln, k);
    k = fx_find_has(ln, 0, "总体资金情况");
    if (k >= 0 && !c->in_funds) {
        char f[128];
        fx_fold(ln, k, f, sizeof f);
        c->unit = fx_unit_of(f, c->unit);
        c->in_funds = true;
        c->in_projects = false;
        c->funds_side = 0;
        return ensure_funds(c) ? FX_USED : FX_NOMEM;
    }
    if (!c->t11 && !c->in_funds && fx_find(ln, 0, SIDE_WORDS[1]) >= 0)
        c->in_funds = true;         /* no header: 收入构成 opens the block */
    if (fx_find(ln, 0, "项目名称") >= 0 && fx_find(ln, 0, "项目类别") >= 0) {
        c->proj_line = ln->no;
        c->in_projects = true;
        c->in_funds = false;
        return FX_USED;
    }
    if (c->in_funds) {
        int r = funds_line(c, ln);
        if (r != FX_SKIP)
            return r;
    }
    if (c->in_projects)
        return project_line(c, ln);
    return FX_SKIP;
}
