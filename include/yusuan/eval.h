/*
 * yusuan/eval.h — 绩效自评: score a table set's performance indicators
 * against year-end actual values.
 *
 * The actuals are a CSV file (UTF-8, header row) with one row per
 * indicator: the project (project name as its form names it, a table id
 * "12:<name>", or "11"/部门 for table 11), the 三级指标 name and the actual
 * value.  Weights per 一级指标 come from defaults (产出 50, 效益 30,
 * 满意度 10, 成本 10) or a CSV file (一级指标,权重).  The scoring rule is
 * written down in docs/eval.md.
 *
 * Scores are exact: 0.0001 points as int64 (ys_eval_points), rounded once
 * per indicator, half-up.  An evaluation owns all its strings; free it with
 * ys_evaluation_free().
 */
#ifndef YUSUAN_EVAL_H
#define YUSUAN_EVAL_H

#include <stdint.h>
#include "yusuan/error.h"
#include "yusuan/fileio.h"
#include "yusuan/indicator.h"
#include "yusuan/tableset.h"

#define YS_EVAL_POINT 10000LL      /* one point in score units */
#define YS_EVAL_MAXW 16

/* Weights per 一级指标 (name as a prefix: "产出" matches 产出指标). */
typedef struct ys_eval_weights {
    int n;
    char l1[YS_EVAL_MAXW][32];
    int64_t weight[YS_EVAL_MAXW];   /* whole points */
    /* A result that reaches `partly_floor` per mille of its target scores in
     * proportion; below it scores 0. Default 600 (60 %). */
    int partly_floor;
} ys_eval_weights;

/* 产出 50, 效益 30, 满意度 10, 成本 10; floor 60 %. */
void ys_eval_weights_default(ys_eval_weights *w);
/* Read "一级指标,权重" rows (header required).  YS_EINPUT at FILE:LINE. */
int ys_eval_weights_read(const char *path, ys_eval_weights *w, ys_error *err);

typedef struct ys_actual {
    const char *project;   /* as written */
    const char *l3;
    const char *value;
    int line;              /* CSV line, or ordinal of the sheet row */
    const char *where;     /* "Sheet1!A7" for XLSX, NULL for CSV */
} ys_actual;

typedef struct ys_actuals {
    char *path;
    size_t n;
    ys_actual *v;
    struct ys_arena *arena;
} ys_actuals;

/* Read actuals: a CSV, or an .xlsx whose first sheet has the same columns:
 * 项目 (or project), 三级指标 (or indicator), 实际值 (or actual).
 * YS_EINPUT with err at FILE:LINE (CSV) or FILE:Sheet!A7 (XLSX). */
int ys_actuals_read(const char *path, ys_actuals **out, ys_error *err);
int ys_actuals_parse(const char *name, const char *buf, size_t n, ys_actuals **out,
                     ys_error *err);
void ys_actuals_free(ys_actuals *a);

typedef enum ys_eval_status {
    YS_EV_MET = 0,       /* 达成 */
    YS_EV_PARTLY,        /* 部分达成 */
    YS_EV_NOT_MET,       /* 未达成 */
    YS_EV_NO_DATA        /* 未填报实际值 */
} ys_eval_status;

typedef struct ys_eval_item {
    const ys_indicator *ind;   /* in the table set: valid only while it lives */
    const char *project;    /* form name, or "部门整体" for table 11 */
    const char *l1, *l3;
    const char *target;     /* as written */
    const char *actual;     /* as written, NULL when none */
    int actual_line;        /* line in the actuals file, 0 when none */
    const char *actual_where; /* "Sheet1!A7" (XLSX actuals), or NULL */
    ys_eval_status status;
    int64_t score, max;     /* in 0.0001 points */
    int64_t ratio;          /* completion in 0.0001 % (1000000 = 100 %), -1: n/a */
    char shortfall[96];     /* "差 3 个百分点" / "超出 12 万元" / "" */
} ys_eval_item;

typedef struct ys_eval_project {
    const char *name;       /* form name or "部门整体" */
    const char *table_id;
    int64_t budget_fen;     /* 0 when unknown */
    int64_t score;          /* 0.0001 points, out of 100 */
    size_t first, n;        /* its items */
} ys_eval_project;

typedef struct ys_evaluation {
    size_t nitems, nprojects;
    ys_eval_item *items;
    ys_eval_project *projects;
    int64_t total;          /* department: budget-weighted mean of projects */
    ys_eval_weights weights;
    const char *source;     /* what was evaluated, for the report */
    struct ys_arena *arena;
} ys_evaluation;

/*
 * Score the annual indicators of every project form of ts (or of table 11
 * when there are no forms) against a.  Returns YS_OK and *out, or
 * YS_EINPUT with err at the actuals' FILE:LINE (an actual for a project or
 * indicator that does not exist, a value that cannot be read for its
 * target), or YS_ENOMEM.
 */
int ys_evaluate(const ys_tableset *ts, const ys_actuals *a, const ys_eval_weights *w,
                ys_evaluation **out, ys_error *err);
void ys_evaluation_free(ys_evaluation *ev);

const char *ys_eval_status_name(ys_eval_status s);   /* 达成 / 部分达成 / … */
/* "87.50" — points with two decimals, half-up. */
void ys_eval_points(int64_t score, char *buf, size_t cap);

/* Reports (lib/eval_report.c). Markdown and HTML append to b; every input
 * text is escaped for its format. */
int ys_eval_write_md(const ys_evaluation *ev, ys_buf *b);
int ys_eval_write_html(const ys_evaluation *ev, ys_buf *b);
int ys_eval_write_xlsx(const ys_evaluation *ev, const char *path, ys_error *err);

/* Write <dir>/<base>.md/.html/.xlsx for the YS_OUT_MD/HTML/XLSX bits of
 * `formats`; all are rendered to temporary names first, then renamed: on
 * error none is left. */
int ys_eval_write_all(const ys_evaluation *ev, const char *dir, const char *base,
                      unsigned formats, ys_error *err);

#endif
