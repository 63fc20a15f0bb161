/*
 * forms_goals.c — goals (长期目标N / 年度目标N, 长期绩效目标 / 年度绩效目标)
 * and indicator rows of tables 11 and 12.
 *
 * Promise: an indicator row is placed by the cell that holds its 一级 or
 * 二级 label, not by position, so rows that lost their leading empty cell
 * still read right; the 一级 (and 二级) label is carried down over blank
 * continuation cells.  Values are kept as text exactly as written (the
 * indicator grammar is lib/indicator.c's business).
 */
#include <string.h>

#include "forms_internal.h"
#include "text.h"

static const char *const L1_LABELS[] = {"成本指标", "产出指标", "效益指标", "满意度指标"};

/* Words of the sub-header rows of an annual table (近两年指标值 / 前年 / 上年). */
static const char *const ANNUAL_WORDS[] = {"前年", "近两年", "当年实现"};

bool fx_is_l1(const char *f)
{
    /* the first two bytes inline: asked of every cell of every row */
    for (size_t i = 0; i < sizeof L1_LABELS / sizeof *L1_LABELS; i++)
        if (f[0] == L1_LABELS[i][0] && f[1] == L1_LABELS[i][1] && strcmp(f, L1_LABELS[i]) == 0)
            return true;
    return false;
}

bool fx_is_l2(const char *f)
{
    size_t n = strlen(f);
    if (n == 0 || n > 60)
        return false;
    while (n && f[n - 1] >= '0' && f[n - 1] <= '9')
        n--;
    static const char tail[] = "指标";
    size_t k = sizeof tail - 1;
    if (n <= k || memcmp(f + n - k, tail, k) != 0)
        return false;
    /* the header words 一级指标 / 二级指标 / 三级指标 and the 绩效指标 caption
       of some layouts are not labels */
    if (n == k + 3 && (ys_starts(f, "一级") || ys_starts(f, "二级") ||
                       ys_starts(f, "三级")))
        return false;
    return !(n == k + 6 && ys_starts(f, "绩效"));
}

int fx_add_goal(fx_ctx *c, int no, bool annual, const char *text, int line)
{
    ys_goal *g = ys_tableset_add_goal(c->ts);
    if (!g)
        return FX_NOMEM;
    g->table_id = c->tid;
    g->no = no;
    g->annual = annual;
    g->text = fx_text(c, text ? text : "");
    g->line = line;
    return g->text ? FX_USED : FX_NOMEM;
}

/* "目标3: …" at the start of a goal text repeats the number: drop it. */
static const char *strip_goal_prefix(const char *s)
{
    char buf[64];
    size_t n = strlen(s);
    if (n > 40)
        n = 40;
    ys_fold(s, n, buf, sizeof buf);
    if (fx_number_after(buf, "目标") > 0) {
        const char *r = fx_after_colon(s);
        if (r && r - s <= 16)
            return r;
    }
    return s;
}

/* 长期目标N: / 年度目标N: of table 11, text inline or in the next cell. */
static int dept_heading(fx_ctx *c, const ys_line *ln, const char *f0)
{
    bool annual = ys_starts(f0, "年度目标");
    int no = fx_number_after(f0, annual ? "年度目标" : "长期目标");
    if (no <= 0)
        return FX_SKIP;
    const char *text = fx_after_colon(fx_raw(ln, 0));
    if (!text || !*text) {
        int k = fx_next_filled(ln, 1);
        text = k < 0 ? "" : fx_raw(ln, k);
    }
    c->ctx_annual = annual;
    c->ctx_goal = no;
    c->ind.on = false;
    return fx_add_goal(c, no, annual, strip_goal_prefix(text), ln->no);
}

/* 长期绩效目标 / 年度绩效目标(N) | text of a project form. */
static int form_heading(fx_ctx *c, const ys_line *ln, const char *f0)
{
    bool annual = ys_starts(f0, "年度");
    const char *rest = f0 + strlen("长期绩效目标");   /* same length for 年度 */
    while (*rest >= '0' && *rest <= '9')
        rest++;
    const char *text = NULL;
    if (*rest == ':') {                     /* "长期绩效目标：…" in one cell */
        text = fx_after_colon(fx_raw(ln, 0));
    } else if (*rest) {
        return FX_SKIP;
    } else {
        int k = fx_next_filled(ln, 1);
        if (k < 0)
            return FX_SKIP;
        char fk[128];
        fx_fold(ln, k, fk, sizeof fk);
        if (fx_is_l1(fk) || fx_is_l2(fk))
            return FX_SKIP;                 /* an indicator row, not a goal */
        text = fx_raw(ln, k);
    }
    if (!text || !*text)
        return FX_SKIP;
    int no = fx_number_after(f0, annual ? "年度绩效目标" : "长期绩效目标");
    if (no <= 0)
        no = 1;
    c->ctx_annual = annual;
    c->ctx_goal = no;
    c->ind.on = false;
    return fx_add_goal(c, no, annual, text, ln->no);
}

int fx_goal_heading(fx_ctx *c, const ys_line *ln)
{
    char buf[256];
    const char *f0 = fx_fold_ref(ln, 0, buf, sizeof buf, NULL);
    if (ys_starts(f0, "长期目标") || ys_starts(f0, "年度目标"))
        return dept_heading(c, ln, f0);
    if (ys_starts(f0, "长期绩效目标表") || ys_starts(f0, "年度绩效目标表")) {
        c->ctx_annual = ys_starts(f0, "年度");
        c->ind.on = false;
        return FX_USED;
    }
    if (ys_starts(f0, "长期绩效目标") || ys_starts(f0, "年度绩效目标"))
        return form_heading(c, ln, f0);
    return FX_SKIP;
}

static bool is_header(const ys_line *ln)
{
    return fx_find(ln, 0, "一级指标") >= 0 && fx_find(ln, 0, "三级指标") >= 0;
}

/* The header's last cell names the value column in full. */
static bool header_whole(const ys_line *ln)
{
    char f[128];
    for (int i = ln->ncells - 1; i >= 0; i--) {
        if (fx_blank(ln, i))
            continue;
        fx_fold(ln, i, f, sizeof f);
        size_t n = strlen(f);
        return (n >= 9 && strcmp(f + n - 9, "指标值") == 0) ||
               (n >= 12 && strcmp(f + n - 12, "确定依据") == 0);
    }
    return false;
}

static bool is_annual_subheader(const ys_line *ln)
{
    for (size_t i = 0; i < sizeof ANNUAL_WORDS / sizeof *ANNUAL_WORDS; i++)
        if (fx_find_has(ln, 0, ANNUAL_WORDS[i]) >= 0)
            return true;
    return false;
}

/* Index of the first cell holding a 一级 or 二级 label; *is_l1 says which. */
static int label_cell(const ys_line *ln, bool *is_l1)
{
    char buf[128];
    for (int i = 0; i < ln->ncells; i++) {
        bool whole;
        const char *f = fx_fold_ref(ln, i, buf, sizeof buf, &whole);
        if (!whole || !*f)
            continue;
        if (fx_is_l1(f) || fx_is_l2(f)) {
            *is_l1 = fx_is_l1(f);
            return i;
        }
    }
    return -1;
}

/* The goal cell before the labels ("长期绩效目标1", "年度绩效 目标"). */
static void read_goal_cell(fx_ctx *c, const ys_line *ln, int before)
{
    int g = fx_next_filled(ln, 0);
    if (g < 0 || g >= before)
        return;
    char f[128];
    fx_fold(ln, g, f, sizeof f);
    bool annual = ys_starts(f, "年度");
    if (!ys_starts(f, "长期") && !annual)
        return;
    c->ind.annual = annual;
    int no = fx_number_after(f, annual ? "年度绩效目标" : "长期绩效目标");
    c->ind.goal = no > 0 ? no : (c->ctx_goal > 0 ? c->ctx_goal : 1);
}

static const char *str_or_null(fx_ctx *c, const ys_line *ln, int i)
{
    if (fx_blank(ln, i))
        return NULL;
    return ys_ts_str(c->ts, fx_raw(ln, i), (size_t)-1);
}

static int add_indicator(fx_ctx *c, const ys_line *ln, const char *l3, int v0)
{
    ys_indicator *in = ys_tableset_add_indicator(c->ts);
    if (!in)
        return FX_NOMEM;
    memset(in, 0, sizeof *in);
    in->table_id = c->tid;
    in->goal = c->ind.goal > 0 ? c->ind.goal : 1;
    in->annual = c->ind.annual;
    in->l1 = c->ind.l1 ? c->ind.l1 : "";
    in->l2 = c->ind.l2 ? c->ind.l2 : "";
    in->l3 = l3;
    int nvals = in->annual ? 3 : 1;
    int last = -1;
    for (int i = ln->ncells - 1; i >= v0 && last < 0; i--)
        if (!fx_blank(ln, i))
            last = i;
    in->basis = last >= v0 + nvals ? str_or_null(c, ln, last) : NULL;
    const char *t = str_or_null(c, ln, v0 + nvals - 1);
    in->target = t ? t : "";
    if (in->annual) {
        in->prev2 = str_or_null(c, ln, v0);
        in->prev1 = str_or_null(c, ln, v0 + 1);
    }
    in->line = ln->no;
    return FX_USED;
}

/* A row without a 一级/二级 label ("数量" for "数量指标", or the 二级 cell
 * merged away): read by the header's columns when its 三级 cell and a value
 * are where the header says and nothing sits left of the 二级 column. */
static int unlabelled_row(fx_ctx *c, const ys_line *ln)
{
    int h = c->ind.h_l3;
    if (h < 1 || fx_blank(ln, h) || fx_next_filled(ln, h + 1) < 0)
        return FX_SKIP;
    int first = fx_next_filled(ln, 0);
    if (first < h - 1)
        return FX_SKIP;
    if (first == h - 1 && !(c->ind.l2 = ys_ts_str(c->ts, fx_raw(ln, h - 1), (size_t)-1)))
        return FX_NOMEM;
    if (!c->ind.l2)
        return FX_SKIP;
    const char *l3 = ys_ts_str(c->ts, fx_raw(ln, h), (size_t)-1);
    return l3 ? add_indicator(c, ln, l3, h + 1) : FX_NOMEM;
}

/* One data row of an indicator table. */
static int indicator_row(fx_ctx *c, const ys_line *ln)
{
    bool l1 = false;
    int k = label_cell(ln, &l1);
    if (k < 0)
        return unlabelled_row(c, ln);
    read_goal_cell(c, ln, k);
    if (l1) {
        c->ind.l1 = ys_ts_str(c->ts, fx_raw(ln, k), (size_t)-1);
        k++;
    }
    c->ind.l2 = ys_ts_str(c->ts, fx_raw(ln, k), (size_t)-1);
    const char *l3 = ys_ts_str(c->ts, fx_raw(ln, k + 1), (size_t)-1);
    if (!c->ind.l1 && l1)
        return FX_NOMEM;
    if (!c->ind.l2 || !l3)
        return FX_NOMEM;
    if (!*l3 && fx_next_filled(ln, k + 2) < 0)
        return FX_USED;     /* a label alone (a wrapped cell): carried, no row */
    return add_indicator(c, ln, l3, k + 2);
}

int fx_indicator_line(fx_ctx *c, const ys_line *ln)
{
    if (is_header(ln)) {
        if (fx_rows_settle(c) == FX_NOMEM)
            return FX_NOMEM;
        c->ind.on = true;
        c->ind.annual = c->ctx_annual;
        c->ind.goal = c->ctx_goal;
        c->ind.h_l3 = fx_find(ln, 0, "三级指标");
        c->ind.l1 = c->ind.l2 = NULL;
        /* a table without a goal column whose header is whole (not cut by
           wrapping, as in a PDF where 目标名称 went to another line):
           labels told by their words */
        if (!c->ind.annual && fx_next_filled(ln, 0) == fx_find(ln, 0, "一级指标") &&
            header_whole(ln))
            fx_rows_begin(c, ln, c->ind.h_l3);
        return FX_USED;
    }
    if (!c->ind.on)
        return FX_SKIP;
    if (c->ind.by_words)
        return fx_rows_line(c, ln);
    bool l1 = false;
    if (label_cell(ln, &l1) < 0 && is_annual_subheader(ln)) {
        c->ind.annual = true;
        return FX_USED;
    }
    return indicator_row(c, ln);
}
