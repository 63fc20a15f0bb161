/*
 * rules_tables.c — the identities within and across tables 1–10 as rule
 * entries, and the rule kinds they use: row sums, code-tree sums, total
 * sums, group sums, cross-table equality by code, expression equality,
 * keyed shares.  (The name kinds are in rules_names.c.)
 * Promise: a kind never special-cases a document; an absent table or
 * column makes an entry do nothing (rules about presence are elsewhere).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "rules_common.h"
#include "text.h"
#include "yusuan/codes.h"

#define MAXROWS 4096

/* Columns named by a spec ("*" = all, else "a,b,c") into idx; returns count. */
static int spec_cols(const ys_table *t, const char *spec, int *idx, int cap)
{
    int n = 0;
    if (!spec || strcmp(spec, "*") == 0) {
        for (int c = 0; c < t->ncols && n < cap; c++)
            idx[n++] = c;
        return n;
    }
    for (const char *p = spec; *p && n < cap;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char key[64];
        ys_scopy(key, sizeof key, p, len);
        int c = ys_table_col(t, key);
        if (c >= 0)
            idx[n++] = c;
        p += len + (comma ? 1 : 0);
    }
    return n;
}

/* Compare row `top`'s column c with the sum of rows kids[0..nk) there. */
static int compare_with_rows(ys_findings *out, const ys_rule *r, const ys_table *t,
                             const ys_row *top, const ys_row *const *kids, int nk,
                             int c, const char *whose)
{
    ys_side lhs = ys_side_of(ys_cell_at(top, c), ys_cell_line(top, c)), rhs;
    ys_side_init(&rhs);
    for (int i = 0; i < nk; i++)
        ys_side_add(&rhs, ys_cell_at(kids[i], c), ys_cell_line(kids[i], c));
    if ((lhs.nparts == 0 && rhs.nparts == 0) || ys_judge(&lhs, &rhs) < 0)
        return YS_OK;   /* agreeing: no labels to make */
    char tl[128], rl[256], what[512], rname[128];
    ys_snprintf(what, sizeof what, "%s %s行 %s", ys_table_label(t->id, tl, sizeof tl),
             ys_row_label(top, rl, sizeof rl), ys_rule_col(t->cols[c]));
    ys_snprintf(rname, sizeof rname, "%s之和", whose);
    return ys_compare(out, r, t->id, what, "本行", &lhs, rname, &rhs);
}

/*
 * Row sum: a = table, b = total column, c = "p1+p2+…": in every row the
 * total column equals the sum of the part columns.
 */
int ys_rk_row_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_table *t = ys_tableset_find(ts, r->a);
    if (!t)
        return YS_OK;
    int tc = ys_table_col(t, r->b), parts[32], np = 0;
    if (tc < 0)
        return YS_OK;
    for (const char *p = r->c; *p && np < 32;) {
        const char *plus = strchr(p, '+');
        size_t len = plus ? (size_t)(plus - p) : strlen(p);
        char key[64];
        ys_scopy(key, sizeof key, p, len);
        if ((parts[np] = ys_table_col(t, key)) < 0)
            return YS_OK;
        np++;
        p += len + (plus ? 1 : 0);
    }
    char rname[256] = "";   /* "p1+p2+…", cut to fit */
    for (size_t i = 0, o = 0; i < (size_t)np; i++) {
        if (i)
            o += strlen(ys_scopy(rname + o, sizeof rname - o, "+", 1));
        o += strlen(ys_scopy(rname + o, sizeof rname - o, ys_rule_col(t->cols[parts[i]]),
                             (size_t)-1));
    }
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *row = &t->rows[i];
        ys_side lhs = ys_side_of(ys_cell_at(row, tc), ys_cell_line(row, tc)), rhs;
        ys_side_init(&rhs);
        for (int k = 0; k < np; k++)
            ys_side_add(&rhs, ys_cell_at(row, parts[k]), ys_cell_line(row, parts[k]));
        if ((lhs.nparts == 0 && rhs.nparts == 0) || ys_judge(&lhs, &rhs) < 0)
            continue;   /* agreeing: no labels to make */
        char tl[128], rl[256], what[512];
        ys_snprintf(what, sizeof what, "%s %s行", ys_table_label(t->id, tl, sizeof tl),
                 ys_row_label(row, rl, sizeof rl));
        int rc = ys_compare(out, r, t->id, what, ys_rule_col(r->b), &lhs, rname, &rhs);
        if (rc)
            return rc;
    }
    return YS_OK;
}

static bool is_child_code(const ys_row *parent, const ys_row *row)
{
    size_t pl = strlen(parent->code);
    return row->level == parent->level + 1 && strlen(row->code) > pl &&
           strncmp(row->code, parent->code, pl) == 0;
}

/*
 * Tree sum: a = table, b = columns ("*" or "a,b"): every code row with
 * children (rows one level down whose code extends its code) equals their sum.
 */
int ys_rk_tree_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_table *t = ys_tableset_find(ts, r->a);
    if (!t)
        return YS_OK;
    int cols[64], nc = spec_cols(t, r->b, cols, 64);
    const ys_row **kids = malloc(sizeof *kids * (t->nrows ? t->nrows : 1));
    if (!kids)
        return YS_ENOMEM;
    int rc = YS_OK;
    for (size_t i = 0; i < t->nrows && rc == YS_OK; i++) {
        const ys_row *p = &t->rows[i];
        if (!p->code[0] || p->level < 1 || p->kind == YS_ROW_TOTAL)
            continue;
        int nk = 0;
        for (size_t j = 0; j < t->nrows; j++)
            if (is_child_code(p, &t->rows[j]))
                kids[nk++] = &t->rows[j];
        for (int k = 0; nk && k < nc && rc == YS_OK; k++)
            rc = compare_with_rows(out, r, t, p, kids, nk, cols[k], "下级科目");
    }
    free(kids);
    return rc;
}

/*
 * Total sum: a = table, b = columns: the TOTAL row equals the sum of the
 * top-level rows (the smallest level above 0 present).
 */
int ys_rk_total_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_table *t = ys_tableset_find(ts, r->a);
    if (!t)
        return YS_OK;
    const ys_row *total = NULL;
    int top = 0;
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *row = &t->rows[i];
        if (row->kind == YS_ROW_TOTAL && row->level == 0 && !total)
            total = row;
        else if (row->kind != YS_ROW_TOTAL && row->level > 0 &&
                 (top == 0 || row->level < top))
            top = row->level;
    }
    if (!total || top == 0)
        return YS_OK;
    const ys_row **kids = malloc(sizeof *kids * t->nrows);
    if (!kids)
        return YS_ENOMEM;
    int nk = 0;
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].kind != YS_ROW_TOTAL && t->rows[i].level == top)
            kids[nk++] = &t->rows[i];
    int cols[64], nc = spec_cols(t, r->b, cols, 64), rc = YS_OK;
    for (int k = 0; k < nc && rc == YS_OK; k++)
        rc = compare_with_rows(out, r, t, total, kids, nk, cols[k], "各项");
    free(kids);
    return rc;
}

/*
 * Group sum: a = table, b = columns: every GROUP row of level L equals the
 * rows of level L+1 that follow it before the next row of level <= L.
 */
int ys_rk_group_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_table *t = ys_tableset_find(ts, r->a);
    if (!t)
        return YS_OK;
    const ys_row **kids = malloc(sizeof *kids * (t->nrows ? t->nrows : 1));
    if (!kids)
        return YS_ENOMEM;
    int cols[64], nc = spec_cols(t, r->b, cols, 64), rc = YS_OK;
    for (size_t i = 0; i < t->nrows && rc == YS_OK; i++) {
        const ys_row *g = &t->rows[i];
        if (g->kind != YS_ROW_GROUP || g->level < 1)
            continue;
        int nk = 0;
        for (size_t j = i + 1; j < t->nrows && t->rows[j].level > g->level; j++)
            if (t->rows[j].level == g->level + 1)
                kids[nk++] = &t->rows[j];
        for (int k = 0; nk && k < nc && rc == YS_OK; k++)
            rc = compare_with_rows(out, r, t, g, kids, nk, cols[k], "所属各行");
    }
    free(kids);
    return rc;
}

/* One code's figures on one side of a cross-table check. */
typedef struct code_side {
    const char *code;
    const ys_row *row;
    ys_side s;
} code_side;

/* How many rows a selection can hold at most: MAXROWS, or fewer when the
 * table set has fewer rows in all (each code side is one of them), so
 * that the buffers are sized from the input, not the worst case. */
static int rows_cap(const ys_tableset *ts)
{
    size_t all = 1;
    for (size_t i = 0; i < ts->ntables && all < MAXROWS; i++)
        all += ts->tables[i]->nrows;
    return all < MAXROWS ? (int)all : MAXROWS;
}

/* Collect the rows an expression's references select, by code (at most
 * cap, rows_cap(ts)). */
static int collect_codes(const ys_tableset *ts, const char *expr, code_side *v,
                         int cap, int *n)
{
    const ys_row **rows = malloc(sizeof *rows * (size_t)cap);
    if (!rows)
        return YS_ENOMEM;
    int any = 0;
    for (const char *p = expr; *p;) {
        const char *plus = strstr(p, " + ");
        size_t len = plus ? (size_t)(plus - p) : strlen(p);
        const ys_table *t;
        int col, k = ys_ref_rows(ts, p, len, &t, &col, rows, cap);
        any |= k >= 0;
        for (int i = 0; i < k; i++) {
            if (!rows[i]->code[0])
                continue;
            int j = 0;
            while (j < *n && strcmp(v[j].code, rows[i]->code) != 0)
                j++;
            if (j == *n) {
                if (*n == cap)
                    continue;
                v[j].code = rows[i]->code;
                v[j].row = rows[i];
                ys_side_init(&v[j].s);
                (*n)++;
            }
            ys_side_add(&v[j].s, ys_cell_at(rows[i], col), ys_cell_line(rows[i], col));
        }
        p += len + (plus ? 3 : 0);
    }
    free(rows);
    return any ? YS_OK : -1;
}

/*
 * Cross-table equality by code: a, b = expressions whose references select
 * coded rows ("3:total@level=1", "1:amount@key=out.class"); for every code
 * on either side, a's figure equals b's (rows of several references with the
 * same code add up).  c = a Chinese description of what is compared.
 */
int ys_rk_cross(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    /* not cleared: collect_codes sets each entry it counts, and only
     * those are read (clearing all sides cost more than the rule) */
    int cap = rows_cap(ts);
    code_side *va = malloc(2 * (size_t)cap * sizeof *va), *vb = va + cap;
    if (!va)
        return YS_ENOMEM;
    int na = 0, nb = 0, rc = YS_OK;
    if (collect_codes(ts, r->a, va, cap, &na) != YS_OK ||
        collect_codes(ts, r->b, vb, cap, &nb) != YS_OK)
        goto done;
    char la[256] = "", lb[256] = "";   /* made for the first finding */
    for (int pass = 0; pass < 2 && rc == YS_OK; pass++) {
        code_side *from = pass ? vb : va, *to = pass ? va : vb;
        int nfrom = pass ? nb : na, nto = pass ? na : nb;
        for (int i = 0; i < nfrom && rc == YS_OK; i++) {
            int j = 0;
            while (j < nto && strcmp(to[j].code, from[i].code) != 0)
                j++;
            if (pass && j < nto)
                continue; /* compared in the first pass */
            ys_side none;
            ys_side_init(&none);
            const ys_side *other = j < nto ? &to[j].s : &none;
            const ys_side *sa = pass ? other : &from[i].s, *sb = pass ? &from[i].s : other;
            if ((sa->nparts == 0 && sb->nparts == 0) || ys_judge(sa, sb) < 0)
                continue;   /* agreeing: no labels to make */
            if (!la[0]) {
                ys_expr_label(ts, r->a, NULL, la, sizeof la);
                ys_expr_label(ts, r->b, NULL, lb, sizeof lb);
            }
            char what[512], rl[256];
            ys_snprintf(what, sizeof what, "%s 科目 %s", r->c ? r->c : "跨表核对",
                     ys_row_label(from[i].row, rl, sizeof rl));
            rc = ys_compare(out, r, r->id[0] == 'X' ? r->id + 2 : r->id, what, la, sa,
                            lb, sb);
        }
    }
done:
    free(va);
    return rc;
}

/* Is id[0..n) one of the comma-separated ids in list? */
static bool has_id(const char *list, const char *id, size_t n)
{
    for (const char *p = list; *p;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        if (len == n && memcmp(p, id, n) == 0)
            return true;
        p += len + (comma ? 1 : 0);
    }
    return false;
}

/* The table ids an expression names, "1,3", into buf. */
static const char *expr_tables(const char *a, const char *b, char *buf, size_t cap)
{
    buf[0] = 0;
    const char *exprs[2] = {a, b};
    for (int e = 0; e < 2; e++)
        for (const char *p = exprs[e]; p && *p;) {
            const char *plus = strstr(p, " + ");
            size_t len = plus ? (size_t)(plus - p) : strlen(p);
            const char *at = memchr(p, '@', len), *colon = at;
            while (colon && colon > p && *colon != ':')
                colon--;
            if (colon && colon > p && !has_id(buf, p, (size_t)(colon - p))) {
                size_t have = strlen(buf);
                if (have && have + 1 < cap)
                    buf[have++] = ',', buf[have] = 0;
                ys_scopy(buf + have, cap - have, p, (size_t)(colon - p));
            }
            p += len + (plus ? 3 : 0);
        }
    return buf;
}

/* Whether every "@key=" reference of expr selects a row: a fixed row a
 * layout does not print (Shanghai has no 收入总计 beside 本年收入) is
 * absent, not zero.  Code and total references may select nothing (no
 * expenditure under that code). */
static bool keyed_rows_present(const ys_tableset *ts, const char *expr)
{
    for (const char *p = expr; *p;) {
        const char *plus = strstr(p, " + ");
        size_t n = plus ? (size_t)(plus - p) : strlen(p);
        const char *key = strstr(p, "@key=");
        const ys_table *t;
        const ys_row *row;
        int col;
        if (key && key < p + n && ys_ref_rows(ts, p, n, &t, &col, &row, 1) == 0)
            return false;
        p += n + (plus ? 3 : 0);
    }
    return true;
}

/*
 * Expression equality: a = b, each an expression of cell references (sums
 * of rows and tables); c = a Chinese description.  Skipped when a table is
 * absent, a keyed row is absent or neither side selects a row.
 */
int ys_rk_eq(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    if (!keyed_rows_present(ts, r->a) || !keyed_rows_present(ts, r->b))
        return YS_OK;
    ys_side lhs, rhs;
    ys_side_init(&lhs);
    ys_side_init(&rhs);
    int na = ys_expr_sum(ts, r->a, NULL, &lhs), nb = ys_expr_sum(ts, r->b, NULL, &rhs);
    if (na < 0 || nb < 0 || na + nb == 0 || (lhs.nparts == 0 && rhs.nparts == 0) ||
        ys_judge(&lhs, &rhs) < 0)
        return YS_OK;   /* agreeing: no labels to make */
    char la[256], lb[256], tables[96];
    ys_expr_label(ts, r->a, NULL, la, sizeof la);
    ys_expr_label(ts, r->b, NULL, lb, sizeof lb);
    return ys_compare(out, r, expr_tables(r->a, r->b, tables, sizeof tables),
                      r->c ? r->c : r->desc, la, &lhs, lb, &rhs);
}

/*
 * Keyed shares: a = table, b = key of the whole, c = keys of the parts
 * ("k1|k2"): each part's `share` column is its `amount` over the whole's,
 * within what the rounded figures allow.
 */
int ys_rk_key_share(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_table *t = ys_tableset_find(ts, r->a);
    if (!t)
        return YS_OK;
    int ca = ys_table_col(t, "amount"), cs = ys_table_col(t, "share");
    const ys_row *whole = ys_table_row_by_key(t, r->b);
    if (ca < 0 || cs < 0 || !whole || !ys_cell_at(whole, ca).present)
        return YS_OK;
    ys_amount w = ys_cell_at(whole, ca);
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *row = &t->rows[i];
        ys_amount share = ys_cell_at(row, cs), part = ys_cell_at(row, ca);
        if (!row->key || !ys_in_list(r->c, row->key) || !share.present)
            continue;
        if (ys_share_possible(part, w, share))
            continue;
        ys_side s = ys_side_of(share, ys_cell_line(row, cs));
        ys_side_add(&s, part, ys_cell_line(row, ca));
        ys_side_add(&s, w, ys_cell_line(whole, ca));
        char tl[64], a[48], b[48], p[32], want[32];
        ys_pct_format(ys_ratio_pct(part.fen, w.fen), 2, want, sizeof want);
        int rc = ys_report_finding(
            out, r, YS_SEV_ERROR, t->id, &s, want, ys_pct(share, p, sizeof p),
            "%s %s占比 %s%% 与 %s ÷ %s ≈ %s%% 不符（舍入前的任何取值都得不到该比例）",
            ys_table_label(t->id, tl, sizeof tl), row->name, p,
            ys_wan(part.fen, a, sizeof a), ys_wan(w.fen, b, sizeof b), want);
        if (rc)
            return rc;
    }
    return YS_OK;
}

#define EQ(id, desc, a, b) {id, desc, ys_rk_eq, a, b, desc}
#define T1_IN "in.gpb|in.gov_fund|in.soe|in.special_acct|in.business|in.operating|in.upper|in.affiliated|in.other"
#define T2_YEAR "year.gpb+year.gov_fund+year.soe+year.special_acct+year.business+year.operating+year.upper+year.affiliated+year.other"
#define T2_CARRY "carry.gpb+carry.gov_fund+carry.soe+carry.special_acct+carry.unit_funds"
#define T10_PARTS "year.gpb+year.gov_fund+year.soe+carry.gpb+carry.gov_fund+carry.soe+special_acct+unit_funds"

const ys_rule ys_rules_tables[] = {
    /* table 1 */
    EQ("T1.in", "表1 本年收入合计等于各项收入之和", "1:amount@key=in.year_total", "1:amount@key=" T1_IN),
    EQ("T1.out", "表1 本年支出合计等于各类支出之和", "1:amount@key=out.year_total", "1:amount@key=out.class"),
    EQ("T1.in_grand", "表1 收入总计等于本年收入合计加上年结转结余", "1:amount@key=in.grand_total", "1:amount@key=in.year_total|in.carry_total"),
    EQ("T1.out_grand", "表1 支出总计等于本年支出合计加年终结转结余", "1:amount@key=out.grand_total", "1:amount@key=out.year_total|out.carry_forward"),
    EQ("T1.balance", "表1 收入总计等于支出总计", "1:amount@key=in.grand_total", "1:amount@key=out.grand_total"),
    /* table 2 */
    {"T2.row", "表2 合计等于本年收入小计加上年结转结余小计", ys_rk_row_sum, "2", "total", "year.subtotal+carry.subtotal"},
    {"T2.year", "表2 本年收入小计等于各项本年收入之和", ys_rk_row_sum, "2", "year.subtotal", T2_YEAR},
    {"T2.carry", "表2 上年结转结余小计等于各项之和", ys_rk_row_sum, "2", "carry.subtotal", T2_CARRY},
    {"T2.total", "表2 合计行等于部门行之和", ys_rk_total_sum, "2", "*", NULL},
    {"T2.group", "表2 部门行等于所属单位行之和", ys_rk_group_sum, "2", "*", NULL},
    EQ("X.T1-T2", "表2 本年收入合计等于表1 本年收入合计", "2:year.subtotal@total", "1:amount@key=in.year_total"),
    EQ("X.T1-T2.carry", "表2 上年结转结余合计等于表1 上年结转结余", "2:carry.subtotal@total", "1:amount@key=in.carry_total"),
    EQ("X.T1-T2.gpb", "表2 一般公共预算收入等于表1", "2:year.gpb@total", "1:amount@key=in.gpb"),
    EQ("X.T1-T2.gov_fund", "表2 政府性基金预算收入等于表1", "2:year.gov_fund@total", "1:amount@key=in.gov_fund"),
    EQ("X.T1-T2.soe", "表2 国有资本经营预算收入等于表1", "2:year.soe@total", "1:amount@key=in.soe"),
    EQ("X.T1-T2.special_acct", "表2 财政专户管理资金收入等于表1", "2:year.special_acct@total", "1:amount@key=in.special_acct"),
    EQ("X.T1-T2.business", "表2 事业收入等于表1", "2:year.business@total", "1:amount@key=in.business"),
    EQ("X.T1-T2.operating", "表2 事业单位经营收入等于表1", "2:year.operating@total", "1:amount@key=in.operating"),
    EQ("X.T1-T2.upper", "表2 上级补助收入等于表1", "2:year.upper@total", "1:amount@key=in.upper"),
    EQ("X.T1-T2.affiliated", "表2 附属单位上缴收入等于表1", "2:year.affiliated@total", "1:amount@key=in.affiliated"),
    EQ("X.T1-T2.other", "表2 其他收入等于表1", "2:year.other@total", "1:amount@key=in.other"),
    /* table 3 */
    {"T3.row", "表3 合计等于基本支出、项目支出等各列之和", ys_rk_row_sum, "3", "total", "basic+project+operating+upper+subsidy"},
    {"T3.tree", "表3 上级科目等于下级科目之和", ys_rk_tree_sum, "3", "*", NULL},
    {"T3.total", "表3 合计行等于各类科目之和", ys_rk_total_sum, "3", "*", NULL},
    {"X.T1-T3", "表3 各类支出等于表1 同类支出", ys_rk_cross, "3:total@level=1", "1:amount@key=out.class", "表3与表1"},
    EQ("X.T1-T3.total", "表3 支出合计等于表1 本年支出合计", "3:total@total", "1:amount@key=out.year_total"),
    EQ("X.T3-T10", "表3 项目支出合计等于表10 项目支出合计", "3:project@total", "10:total@total"),
    /* table 4 */
    EQ("T4.in", "表4 本年收入等于各项财政拨款之和", "4:amount@key=in.year_total", "4:amount@key=in.gpb|in.gov_fund|in.soe"),
    EQ("T4.carry", "表4 上年结转等于各项之和", "4:amount@key=in.carry_total", "4:amount@key=in.carry.gpb|in.carry.gov_fund|in.carry.soe"),
    EQ("T4.in_grand", "表4 收入总计等于本年收入加上年结转", "4:amount@key=in.grand_total", "4:amount@key=in.year_total|in.carry_total"),
    EQ("T4.out", "表4 本年支出等于各类支出之和", "4:amount@key=out.year_total", "4:amount@key=out.class"),
    EQ("T4.out_grand", "表4 支出总计等于本年支出加年终结转结余", "4:amount@key=out.grand_total", "4:amount@key=out.year_total|out.carry_forward"),
    EQ("T4.balance", "表4 收入总计等于支出总计", "4:amount@key=in.grand_total", "4:amount@key=out.grand_total"),
    EQ("X.T1-T4.gpb", "表4 一般公共预算拨款等于表1", "4:amount@key=in.gpb", "1:amount@key=in.gpb"),
    EQ("X.T1-T4.gov_fund", "表4 政府性基金预算拨款等于表1", "4:amount@key=in.gov_fund", "1:amount@key=in.gov_fund"),
    EQ("X.T1-T4.soe", "表4 国有资本经营预算拨款等于表1", "4:amount@key=in.soe", "1:amount@key=in.soe"),
    {"X.T4-T5", "表4 各类支出等于表5-1、表8、表9 同类支出之和", ys_rk_cross, "4:amount@key=out.class", "5-1:total@level=1 + 8:total@level=1 + 9:total@level=1", "表4与表5-1、8、9"},
    EQ("X.T4-T5.total", "表5-1 合计等于表4 一般公共预算拨款", "5-1:total@total", "4:amount@key=in.gpb|in.carry.gpb"),
    EQ("X.T4-T8", "表8 合计等于表4 政府性基金预算拨款", "8:total@total", "4:amount@key=in.gov_fund|in.carry.gov_fund"),
    EQ("X.T4-T9", "表9 合计等于表4 国有资本经营预算拨款", "9:total@total", "4:amount@key=in.soe|in.carry.soe"),
    /* table 5-1 */
    {"T5-1.row", "表5-1 合计等于基本支出加项目支出", ys_rk_row_sum, "5-1", "total", "basic+project"},
    {"T5-1.basic", "表5-1 基本支出等于人员经费加公用经费", ys_rk_row_sum, "5-1", "basic", "personnel+public"},
    {"T5-1.tree", "表5-1 上级科目等于下级科目之和", ys_rk_tree_sum, "5-1", "*", NULL},
    {"T5-1.total", "表5-1 合计行等于各类科目之和", ys_rk_total_sum, "5-1", "*", NULL},
    EQ("X.T5-T10", "表5-1 项目支出等于表10 一般公共预算项目", "5-1:project@total", "10:year.gpb@total + 10:carry.gpb@total"),
    EQ("X.T5-T6", "表5-1 基本支出等于表6 合计", "5-1:basic@total", "6:total@total"),
    EQ("X.T5-T6.personnel", "表5-1 人员经费等于表6 人员经费", "5-1:personnel@total", "6:personnel@total"),
    EQ("X.T5-T6.public", "表5-1 公用经费等于表6 公用经费", "5-1:public@total", "6:public@total"),
    /* table 5-2 */
    {"T5-2.row", "表5-2 合计等于基本支出加项目支出", ys_rk_row_sum, "5-2", "total", "basic+project"},
    {"T5-2.basic", "表5-2 基本支出等于人员经费加公用经费", ys_rk_row_sum, "5-2", "basic", "personnel+public"},
    {"T5-2.total", "表5-2 合计行等于部门行之和", ys_rk_total_sum, "5-2", "*", NULL},
    {"T5-2.group", "表5-2 部门行等于所属单位行之和", ys_rk_group_sum, "5-2", "*", NULL},
    EQ("X.T51-T52", "表5-2 合计等于表5-1 合计", "5-2:total@total", "5-1:total@total"),
    EQ("X.T51-T52.basic", "表5-2 基本支出等于表5-1", "5-2:basic@total", "5-1:basic@total"),
    EQ("X.T51-T52.personnel", "表5-2 人员经费等于表5-1", "5-2:personnel@total", "5-1:personnel@total"),
    EQ("X.T51-T52.public", "表5-2 公用经费等于表5-1", "5-2:public@total", "5-1:public@total"),
    EQ("X.T51-T52.project", "表5-2 项目支出等于表5-1", "5-2:project@total", "5-1:project@total"),
    /* table 6 */
    {"T6.row", "表6 合计等于人员经费加公用经费", ys_rk_row_sum, "6", "total", "personnel+public"},
    {"T6.tree", "表6 经济分类类级等于款级之和", ys_rk_tree_sum, "6", "*", NULL},
    {"T6.total", "表6 合计行等于各类之和", ys_rk_total_sum, "6", "*", NULL},
    EQ("T6.personnel", "表6 人员经费等于工资福利支出与对个人和家庭的补助之和", "6:personnel@total", "6:total@code=301 + 6:total@code=303"),
    /* table 7 */
    {"T7.row", "表7 合计等于因公出国（境）费、公务用车购置及运行费、公务接待费之和", ys_rk_row_sum, "7", "total", "abroad+car.subtotal+reception"},
    {"T7.car", "表7 公务用车购置及运行费等于购置费加运行费", ys_rk_row_sum, "7", "car.subtotal", "car.purchase+car.operation"},
    /* tables 8 and 9 */
    {"T8.row", "表8 合计等于基本支出加项目支出", ys_rk_row_sum, "8", "total", "basic+project"},
    {"T8.tree", "表8 上级科目等于下级科目之和", ys_rk_tree_sum, "8", "*", NULL},
    {"T8.total", "表8 合计行等于各类科目之和", ys_rk_total_sum, "8", "*", NULL},
    {"T9.row", "表9 合计等于基本支出加项目支出", ys_rk_row_sum, "9", "total", "basic+project"},
    {"T9.tree", "表9 上级科目等于下级科目之和", ys_rk_tree_sum, "9", "*", NULL},
    {"T9.total", "表9 合计行等于各类科目之和", ys_rk_total_sum, "9", "*", NULL},
    /* table 10 */
    {"T10.row", "表10 合计等于各资金来源之和", ys_rk_row_sum, "10", "total", T10_PARTS},
    {"T10.total", "表10 合计行等于部门行之和", ys_rk_total_sum, "10", "*", NULL},
    {"T10.group", "表10 部门、单位、类别行等于所属各行之和", ys_rk_group_sum, "10", "*", NULL},
    /* names */
    {"T3.names", "表3 科目名称与当年功能分类科目一致", ys_rk_code_names, "3", "function", NULL},
    {"T5-1.names", "表5-1 科目名称与当年功能分类科目一致", ys_rk_code_names, "5-1", "function", NULL},
    {"T6.names", "表6 科目名称与当年经济分类科目一致", ys_rk_code_names, "6", "econ", NULL},
    {"T8.names", "表8 科目名称与当年功能分类科目一致", ys_rk_code_names, "8", "function", NULL},
    {"T9.names", "表9 科目名称与当年功能分类科目一致", ys_rk_code_names, "9", "function", NULL},
    {"X.names", "同一科目在各表中名称一致", ys_rk_same_code_names, "3,5-1,8,9", NULL, NULL},
    {"X.dept", "文中部门名称与部门全称一致", ys_rk_mentions, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
