/*
 * rules_common.h — the machinery shared by the rule families (internal).
 *
 * A check compares two *sides*: each side is a sum of shown figures (one
 * figure or many), with the document line of every cell read.  ys_judge
 * decides, by the severity policy of docs/rules.md, whether the two sides
 * agree exactly, differ by rounding residue (note), differ by one unit in
 * the last place of the same quantity (warning) or disagree (error).
 *
 * The rule *kinds* (ys_rk_*) are the `run` functions of rule entries; each
 * reads its string parameters a, b, c as documented below and never
 * special-cases a document.  Cell references in parameters have the form
 *
 *     TABLE:COL@SEL      e.g. "3:total@total", "1:amount@key=in.gpb|in.soe",
 *                            "10:total@level=3&name~运转类", "5-1:total@code=$"
 *
 * SEL: `total` (the table's TOTAL row at level 0), `key=K|K…` (rows whose key
 * is one of K), `level=N` (rows of that level), `code=C` (the row of code C;
 * `$` stands for the code a claim names), `items` (ITEM rows), `rows` (every
 * row, for one-row tables such as table 7), optionally
 * followed by `&name~TEXT` / `&name!~TEXT` (name contains / lacks TEXT).
 * An expression is references joined by " + ".
 */
#ifndef YS_RULES_COMMON_H
#define YS_RULES_COMMON_H

#include <stdbool.h>
#include <stdint.h>

#include "text.h"
#include "yusuan/audit.h"

/* One side of a comparison: a sum of shown figures. */
typedef struct ys_side {
    int64_t fen;        /* Σ values (blank = exact 0) */
    int64_t ulp;        /* Σ ulps of present operands */
    int64_t maxulp;     /* largest ulp among them */
    int nparts;         /* present operands */
    int nrows;          /* rows read (present or blank) */
    int nlines;
    int lines[YS_FINDING_MAXLINES];
} ys_side;

void ys_side_init(ys_side *s);
/* Add one figure (blank counts as exact zero) read from `line`. */
void ys_side_add(ys_side *s, ys_amount v, int line);
/* A side made of one figure. */
ys_side ys_side_of(ys_amount v, int line);

/*
 * The verdict on lhs against rhs: -1 when they agree exactly, else the
 * severity.  Rounding can explain |diff| iff 2·|diff| < Σ ulps of both
 * sides: then NOTE when a sum of several shown parts is involved (尾差),
 * nothing when one figure faces one figure.  Beyond that, a difference of
 * exactly one unit in the last place between two single figures (the same
 * quantity rounded differently) is a WARNING; anything else an ERROR.
 */
int ys_judge(const ys_side *lhs, const ys_side *rhs);

/*
 * Compare and, unless they agree, append a finding of rule r on `table`
 * whose message is "<what>：<lname> X，<rname> Y，相差 D 万元<verdict>".
 * Returns YS_OK or YS_ENOMEM.
 */
int ys_compare(ys_findings *out, const ys_rule *r, const char *table,
               const char *what, const char *lname, const ys_side *lhs,
               const char *rname, const ys_side *rhs);

/* Append a finding with the lines of s (may be NULL). YS_OK / YS_ENOMEM. */
int ys_report_finding(ys_findings *out, const ys_rule *r, ys_severity sev,
                      const char *table, const ys_side *s, const char *expected,
                      const char *actual, const char *fmt, ...)
    __attribute__((format(printf, 8, 9)));

/* Whether key is one of the '|'-separated keys of list ("k1|k2|…"; NULL:
 * none): a whole key, compared in place (rules test this for every row or
 * claim). */
bool ys_in_list(const char *list, const char *key);
/* "2,877.94" (万元, two decimals, grouped) into buf. */
const char *ys_wan(int64_t fen, char *buf, size_t cap);
/* "9.31" (percentage units, decimals as its ulp says) into buf. */
const char *ys_pct(ys_amount p, char *buf, size_t cap);
/* Chinese label of a column key ("basic" → "基本支出"); the key if unknown. */
const char *ys_rule_col(const char *key);
/* "表3", "表5-1", "项目表《name》" into buf. */
const char *ys_table_label(const char *id, char *buf, size_t cap);
/* "201 一般公共服务支出" / "合计" / the name: how a message names a row. */
const char *ys_row_label(const ys_row *r, char *buf, size_t cap);
/* Cell of row r at column c, treating a missing column as blank. */
ys_amount ys_cell_at(const ys_row *r, int c);
int ys_cell_line(const ys_row *r, int c);

/*
 * Sum the cells an expression names into s (code replaces `$`).
 * Returns the number of rows matched (0: nothing to compare), or -1 when
 * the expression is malformed or names a table that is absent.
 */
int ys_expr_sum(const ys_tableset *ts, const char *expr, const char *code,
                ys_side *s);
/*
 * The rows one reference "T:col@SEL" selects: *t and *col are set, up to cap
 * rows stored.  Returns the count, or -1 (malformed, table or column absent).
 */
int ys_ref_rows(const ys_tableset *ts, const char *ref, size_t n,
                const ys_table **t, int *col, const ys_row **rows, int cap);
/* Human description of an expression: "表1 本年收入合计" (best effort). */
const char *ys_expr_label(const ys_tableset *ts, const char *expr, const char *code,
                          char *buf, size_t cap);

/* Fold a name for comparison (full width, blanks, leading "一、"/"（一）"
 * numbering removed).  Returns out. */
const char *ys_name_fold(const char *name, char *out, size_t cap);

/*
 * Projects across tables 10, 11 and 12.  ys_project_match finds, among n
 * candidates, the one with the same ys_project_key (indicator.h: folded, the
 * words that vary between tables dropped), or failing that the only one
 * with an equal amount; *by_name says which.  Returns the index or -1.
 */
typedef struct ys_proj {
    const char *name;
    ys_amount amount;
    int line;
} ys_proj;
int ys_project_match(const char *name, ys_amount amount, const ys_proj *c,
                     int n, bool *by_name);
/* The projects (ITEM rows) of table 10 into v (max cap); returns the count. */
int ys_t10_projects(const ys_tableset *ts, ys_proj *v, int cap);

/*
 * Can a shown percentage p come from true values inside the intervals of
 * its rounded inputs?  ys_rate_possible: p = X / (T − X) for a change X on
 * this year's T; ys_share_possible: p = part / whole.  Exact: __int128
 * cross-multiplication over the corners of the input box (the ratio is
 * monotone in each input there).  Undecidable cases (a denominator that may
 * be 0 or negative) count as possible.
 */
/* num / den as a percentage (0.0001 % units), rounded half-up; 0 when den is 0. */
int64_t ys_ratio_pct(int64_t num, int64_t den);
bool ys_rate_possible(ys_amount this_year, ys_amount change, ys_amount p);
bool ys_share_possible(ys_amount part, ys_amount whole, ys_amount p);

/* The rule kinds (see each one's comment in rules_common.c). */
int ys_rk_row_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_rk_tree_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_rk_total_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_rk_group_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_rk_cross(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_rk_eq(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_rk_key_share(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_rk_code_names(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_rk_same_code_names(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
int ys_rk_mentions(const ys_rule *r, const ys_tableset *ts, ys_findings *out);

#endif
