/*
 * yusuan/tableset.h — the one model every input becomes and every output
 * comes from (see docs/architecture.md).
 *
 * A table set holds the standard tables of a disclosure as typed grids
 * (ys_table), the performance goals and indicators of tables 11 and 12
 * (ys_goal, ys_indicator), the claims of the narrative (ys_claim) and the
 * places the department names itself (ys_mention).  Every cell knows the
 * document line it came from (0 = derived).
 *
 * Table ids: "1" … "10", "5-1", "5-2", "11" (funds and project list of the
 * department-wide goal table), "12:<project name as written>" (one form per
 * project).  Columns have canonical keys (see docs/tableset.md) so that
 * rules name cells by meaning, not position.
 *
 * Ownership: the set owns every table, row, string and claim in it; all
 * strings live in its arena.  Free the set with ys_tableset_free().
 */
#ifndef YUSUAN_TABLESET_H
#define YUSUAN_TABLESET_H

#include <stdbool.h>
#include <stddef.h>
#include "yusuan/amount.h"

struct ys_arena;

typedef struct ys_cell {
    ys_amount v;          /* v.present == false: blank */
    int line;             /* source line, 0 when derived */
} ys_cell;

typedef enum ys_row_kind {
    YS_ROW_ITEM = 0,      /* an ordinary row: a code, a project, a source */
    YS_ROW_TOTAL,         /* 合计 / 总计 row of the table or of a block */
    YS_ROW_GROUP          /* a grouping row: department, unit, category */
} ys_row_kind;

typedef struct ys_row {
    const char *code;     /* classification/unit/project code, "" if none */
    const char *name;     /* label as written (blanks folded) */
    const char *key;      /* canonical key of a fixed row ("in.gpb"), or NULL */
    const char *extra;    /* table 10: 项目单位; table 11: 项目类别; or NULL */
    int level;            /* code level: 1 类, 2 款, 3 项 (0: none) */
    ys_row_kind kind;
    int line;
    ys_cell *cells;       /* ncols cells */
} ys_row;

typedef struct ys_table {
    char id[96];          /* "1", "5-1", "12:行政审批工作经费（一级）" */
    const char *title;    /* as written */
    ys_unit unit;
    int first_line, last_line;
    int ncols;
    const char **cols;    /* canonical column keys */
    size_t nrows, cap;
    ys_row *rows;
    const char *note;     /* 备注 / statement under the table, or NULL */
    int note_line;
} ys_table;

/* A goal of table 11 (department) or of a project form (table 12). */
typedef struct ys_goal {
    const char *table_id; /* "11" or "12:<name>" */
    int no;               /* 1-based goal number within the table */
    bool annual;          /* false: 长期目标, true: 年度目标 */
    const char *text;
    int line;
} ys_goal;

typedef struct ys_indicator {
    const char *table_id; /* "11" or "12:<name>" */
    int goal;             /* goal number it belongs to */
    bool annual;
    const char *l1, *l2, *l3;   /* 一级 / 二级 / 三级 指标 */
    const char *target;   /* 指标值 (long-term) or 当年 value (annual) */
    const char *prev2;    /* 前年 value (annual tables), NULL if none */
    const char *prev1;    /* 上年 value, NULL if none */
    const char *basis;    /* 指标值确定依据 */
    int line;
} ys_indicator;

typedef enum ys_claim_kind {
    YS_CLAIM_FIGURE = 0,  /* a subject with a figure (and change/rate/share) */
    YS_CLAIM_NONE,        /* "没有…安排": the subject has no expenditure */
    YS_CLAIM_MISSING      /* a sentence that needs a figure and names none */
} ys_claim_kind;

typedef struct ys_claim {
    ys_claim_kind kind;
    int section;          /* 一…十一 of part 3 as 1…11; 0 elsewhere */
    const char *scope;    /* NULL for the narrative, "12:<name>" in a form */
    const char *key;      /* canonical subject key (docs/tableset.md), e.g.
                             "out.basic", "gpb.func", "project"; NULL if unknown */
    const char *subject;  /* what the figure is of, as written (folded) */
    const char *code;     /* function/econ code when the subject names one */
    ys_amount amount;     /* the figure (this year) */
    ys_amount prior;      /* last year's figure when stated */
    ys_amount change;     /* signed: 减少 gives a negative value */
    ys_amount rate;       /* signed percentage (0.0001 % units) */
    ys_amount share;      /* 占 p% */
    int year;             /* the year the figure is for, 0 if not stated */
    int line;
    const char *text;     /* the clause, for messages */
} ys_claim;

/* A paragraph of prose: part 1 (概况), part 3 (情况说明), part 4 (名词解释).
 * Derivation fills these for the writers; readers may fill them too. */
typedef struct ys_para {
    int part;             /* 1, 3 or 4 */
    int section;          /* 一… as 1…, 0 for none */
    const char *heading;  /* section heading ("一、收支预算总体安排情况") or NULL */
    const char *text;
    int line;
} ys_para;

/* A place where the document names the department or a unit. */
typedef struct ys_mention {
    const char *name;
    int line;
} ys_mention;

/* A table whose title a reader found but whose header it could not map
 * to the layout's columns: it is not in tables[]; checks that miss it
 * say so instead of calling it absent. */
typedef struct ys_unread {
    const char *id;       /* the layout's table id ("2") */
    const char *label;    /* the first header label it could not name, or "" */
    int line;             /* the header's first line */
} ys_unread;

typedef struct ys_tableset {
    const char *source;       /* file it came from, or package folder */
    const char *department;   /* name as first stated */
    int year;                 /* budget year, 0 if unknown */
    const char *profile;      /* layout profile used, e.g. "national" */
    ys_unit unit;             /* unit of the tables unless a table says */
    size_t ntables, tcap;
    ys_table **tables;
    size_t ngoals, gcap;
    ys_goal *goals;
    size_t nind, icap;
    ys_indicator *ind;
    size_t nclaims, ccap;
    ys_claim *claims;
    size_t nmentions, mcap;
    ys_mention *mentions;
    size_t nparas, pcap;
    ys_para *paras;
    size_t nunread, ucap;
    ys_unread *unread;
    struct ys_arena *arena;
} ys_tableset;

ys_tableset *ys_tableset_new(void);
void ys_tableset_free(ys_tableset *ts);

/* Copy a string into the set's arena (n bytes, or strlen when n == (size_t)-1). */
const char *ys_ts_str(ys_tableset *ts, const char *s, size_t n);

/* Add a table with `ncols` columns named by `cols` (copied).  Returns the
 * table (owned by ts) or NULL when out of memory. */
ys_table *ys_tableset_add(ys_tableset *ts, const char *id, const char *title,
                          const char *const *cols, int ncols);

/* Add a row to t (cells blank).  Returns the row or NULL (no memory).
 * The pointer stays valid until the next ys_table_add_row on t. */
ys_row *ys_table_add_row(ys_tableset *ts, ys_table *t, const char *code,
                         const char *name, int line);

ys_table *ys_tableset_find(const ys_tableset *ts, const char *id);
/* Column index of `key` in t, or -1. */
int ys_table_col(const ys_table *t, const char *key);
/* First row whose code is `code` (or key is `key` when code is NULL). */
const ys_row *ys_table_row_by_code(const ys_table *t, const char *code);
const ys_row *ys_table_row_by_key(const ys_table *t, const char *key);
/* Cell at row r, column key; NULL if the column does not exist. */
const ys_cell *ys_row_cell(const ys_table *t, const ys_row *r, const char *key);

ys_goal *ys_tableset_add_goal(ys_tableset *ts);
ys_indicator *ys_tableset_add_indicator(ys_tableset *ts);
/* Room for n more indicators, made at once (a reader that can tell how
 * many it will add saves the copies of growing one by one).  A hint: the
 * count may be off either way.  YS_OK or YS_ENOMEM (nothing changes). */
int ys_tableset_reserve_indicators(ys_tableset *ts, size_t n);
ys_claim *ys_tableset_add_claim(ys_tableset *ts);
int ys_tableset_add_mention(ys_tableset *ts, const char *name, int line);
ys_para *ys_tableset_add_para(ys_tableset *ts);
/* Note table `id` found but unread (strings copied).  YS_OK or YS_ENOMEM. */
int ys_tableset_add_unread(ys_tableset *ts, const char *id, const char *label, int line);
/* The note of table `id` found but unread, or NULL. */
const ys_unread *ys_tableset_unread(const ys_tableset *ts, const char *id);

#endif
