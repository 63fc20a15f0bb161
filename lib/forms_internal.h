/*
 * forms_internal.h — how the parts of the tables 11/12 reader share state.
 * Internal to libyusuan (forms.c, forms_cells.c, forms_goals.c,
 * forms_dept.c, forms_project.c).
 *
 * The reader walks the lines once.  Each line goes to handlers in a fixed
 * order (forms.c); a handler returns FX_USED when the line was its own,
 * FX_SKIP when not, FX_NOMEM when memory ran out.  Blocks are recognised by
 * their header words, never by position, and cells are matched after
 * folding (full-width to half-width, blanks removed), so "品 名", "年度绩效 目标"
 * and "项目支出 明细 预算" read like their tidy forms.
 */
#ifndef YS_FORMS_INTERNAL_H
#define YS_FORMS_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "recognize_internal.h"

enum { FX_SKIP = 0, FX_USED = 1, FX_NOMEM = -1 };

/* Which block of a project form the current line belongs to. */
typedef enum fx_block {
    FX_B_NONE = 0,
    FX_B_SRC,       /* 项目资金来源 */
    FX_B_DETAIL,    /* 项目支出明细 */
    FX_B_PROC_CAP,  /* 项目采购 caption seen, 品名 header not yet */
    FX_B_PROC       /* 项目采购 items */
} fx_block;

#define FX_MAX_EV 64

/* A 一级/二级 label seen in a by-words table, or a text fragment. */
typedef struct fx_mark {
    int pos;            /* line number (the middle of a wrapped label) */
    bool l1;
    const char *text;
} fx_mark;

/* Indicator-table state (shared by tables 11 and 12). */
typedef struct fx_ind_state {
    bool on;            /* inside an indicator table */
    bool annual;        /* rows carry 前年 / 上年 / 当年 values */
    int goal;           /* goal number of the rows */
    int h_l3;           /* header column of 三级指标 (fallback only) */
    const char *l1;     /* 一级 label carried down */
    const char *l2;     /* 二级 label carried down */
    /* by-words tables (header starts at 一级指标, one value column or two):
       labels are told by their words and placed afterwards (forms_rows.c) */
    bool by_words;
    int ncont;          /* cells from 三级指标 on in the header */
    size_t first;       /* ts->nind when the table began */
    bool centred;       /* the first row came before any 一级 label */
    bool any_l1, any_row;
    fx_mark ev[FX_MAX_EV];
    int nev;
    fx_mark grp[4];     /* consecutive one-cell lines not yet placed */
    int ngrp;
    fx_mark pend;       /* a lone fragment that may begin a wrapped label */
    long pend_ind;      /* indicator it continues otherwise, -1 none */
    int pend_ev;        /* the 二级 mark it was cut from ("…指效益指标"), -1 */
    const char *pend_l1;    /* the 一级 label glued after it */
} fx_ind_state;

typedef struct fx_ctx {
    const ys_doc *doc;
    ys_tableset *ts;
    ys_error *err;
    ys_unit unit;           /* unit of the current section */
    const char *tid;        /* "11" or "12:<name>" (arena string) */
    bool in_form;           /* inside a 项目资金绩效目标申报表 */
    /* heading context: the last 长期目标N / 年度目标N seen */
    bool ctx_annual;
    int ctx_goal;
    fx_ind_state ind;
    /* table 11 */
    ys_table *t11, *t11p;
    const char *t11_title;
    int t11_line, proj_line;    /* lines of the title and the list header */
    int funds_side;         /* 0 unknown, 1 收入构成, 2 支出构成 */
    bool in_funds, in_projects;
    /* the 整体绩效目标 summary row (目标1：… 目标2：…), used when the table
       states no 长期目标N / 年度目标N headings */
    bool goal_hdr;
    int sum_long_col, sum_annual_col;
    const ys_line *summary;
    /* table 12 */
    ys_table *form;
    bool named;             /* the form's id comes from its 项目名称 */
    fx_block block;
    int proc_qty_col;       /* header column of 数量, -1 if none */
    int form_line;          /* line of the form's title */
    ys_unit form_unit;
} fx_ctx;

/* ---- cells (forms_cells.c) ---- */

/* Keep the folded cells of lines[0..n) from first use until
 * fx_cells_close (per thread; the lines must not change in between).
 * Without memory, folds are simply done each time. */
void fx_cells_open(const ys_line *lines, size_t n);
void fx_cells_close(void);

/* Fold cell i of ln into buf (cap bytes).  Returns true when the whole
 * cell fit; buf always holds at least a folded prefix ("" past the end). */
bool fx_fold(const ys_line *ln, int i, char *buf, size_t cap);
/* The text fx_fold(ln, i, buf, cap) would leave in buf, without the copy
 * where the fold cache has it: the cached text or buf.  *whole (may be
 * NULL) gets fx_fold's answer.  Read only; valid until fx_cells_close. */
const char *fx_fold_ref(const ys_line *ln, int i, char *buf, size_t cap, bool *whole);
/* True when cell i folds exactly to `label` (folded form: "部门(单位)名称"). */
bool fx_is(const ys_line *ln, int i, const char *label);
/* Index of the first cell at or after `from` folding to `label`, or -1. */
int fx_find(const ys_line *ln, int from, const char *label);
/* Index of the first cell whose folded text contains `word`, or -1. */
int fx_find_has(const ys_line *ln, int from, const char *word);
/* True when the cell is empty. */
bool fx_blank(const ys_line *ln, int i);
/* Raw (trimmed) text of cell i, "" past the end. */
const char *fx_raw(const ys_line *ln, int i);
/* Index of the first non-empty cell at or after `from`, or -1. */
int fx_next_filled(const ys_line *ln, int from);
/* Parse cell i as an amount in `unit`; true when it is a present figure. */
bool fx_amount(const ys_line *ln, int i, ys_unit unit, ys_amount *out);
/* Index of the last non-empty cell that is a figure, or -1. */
int fx_last_amount(const ys_line *ln, ys_unit unit, ys_amount *out);
/* Unit named in a folded label: "(万元)"/"万元" → WAN, "(元)" → YUAN, else dflt. */
ys_unit fx_unit_of(const char *folded, ys_unit dflt);
/* Text after the first ':' or '：' in s (trimmed), or NULL when none. */
const char *fx_after_colon(const char *s);
/* Copy s into the set's arena with <p>-style tags removed and blanks trimmed. */
const char *fx_text(fx_ctx *c, const char *s);
/* Number written right after `prefix` in folded s (0 when none). */
int fx_number_after(const char *folded, const char *prefix);

/* ---- goals and indicators (forms_goals.c) ---- */
int fx_goal_heading(fx_ctx *c, const ys_line *ln);
/* Add a goal of the current table (text copied, tags removed). */
int fx_add_goal(fx_ctx *c, int no, bool annual, const char *text, int line);
int fx_indicator_line(fx_ctx *c, const ys_line *ln);
/* True when cell text (folded) is a 一级 label: 成本/产出/效益/满意度指标. */
bool fx_is_l1(const char *folded);
/* True when cell text (folded) is a 二级 label: ends in 指标 or 指标N. */
bool fx_is_l2(const char *folded);

/* ---- by-words indicator rows (forms_rows.c) ---- */
/* Start a by-words table whose header is ln (三级指标 at column h3). */
void fx_rows_begin(fx_ctx *c, const ys_line *ln, int h3);
/* One row of a by-words table: labels by their words, wrapped fragments
 * joined.  Returns FX_USED or FX_NOMEM. */
int fx_rows_line(fx_ctx *c, const ys_line *ln);
/* End the current by-words table: place fragments, then give each
 * indicator the 一级/二级 label whose rows it lies in.  Returns FX_USED,
 * FX_SKIP when no table was open, or FX_NOMEM. */
int fx_rows_settle(fx_ctx *c);

/* ---- table 11 (forms_dept.c) ---- */
int fx_dept_line(fx_ctx *c, const ys_line *ln);
/* After the walk: table 11 goals from the summary row when no heading gave
 * any.  Returns YS_OK or YS_ENOMEM. */
int fx_dept_summary_goals(fx_ctx *c);

/* ---- table 12 (forms_project.c) ---- */
int fx_form_start(fx_ctx *c, const ys_line *ln);
int fx_form_line(fx_ctx *c, const ys_line *ln);

#endif
