/*
 * package.h — the budget package as data (internal to libyusuan).
 *
 * ys_package_read (package.c) fills this from a folder of CSV files: each
 * file is first read as a generic sheet (package_csv.c: header + rows of
 * text cells, each row with its line), then turned into the typed records
 * below.  Every record keeps the file and line it came from so that checks
 * and derivation can point at it.  All strings live in the package's arena.
 *
 * Amounts are exact 分 (read in 元 with at most two decimals).
 */
#ifndef YS_PACKAGE_INTERNAL_H
#define YS_PACKAGE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yusuan/amount.h"
#include "yusuan/error.h"
#include "yusuan/package.h"

struct ys_arena;

/* A generic sheet: the header names and rows of text cells. */
typedef struct ys_sheet_row {
    int line;              /* 1-based line of the row in its file */
    const char **cells;    /* ncols cells, "" when absent */
} ys_sheet_row;

typedef struct ys_sheet {
    const char *file;      /* "lines.csv", for messages */
    int ncols;
    const char **cols;     /* header names, trimmed */
    size_t nrows;
    ys_sheet_row *rows;
} ys_sheet;

/*
 * Parse RFC 4180 CSV (UTF-8, optional BOM, CRLF or LF, "" quoting,
 * quoted fields may hold newlines) into sh; strings in arena a.  Blank
 * lines are skipped.  Returns YS_OK or YS_EINPUT with err at file:line
 * (an unterminated quote, a stray quote, a row wider than the header,
 * invalid UTF-8).
 */
int ys_csv_parse(const char *file, const char *buf, size_t n, struct ys_arena *a,
                 ys_sheet *sh, ys_error *err);

/* Index of column `name` in sh, or -1. */
int ys_sheet_col(const ys_sheet *sh, const char *name);

/* What a line pays for.  Personnel and public are 基本支出. */
typedef enum ys_line_kind {
    YS_LK_PERSONNEL = 0,   /* 人员经费 */
    YS_LK_PUBLIC,          /* 公用经费 */
    YS_LK_PROJECT,         /* 项目 */
    YS_LK_OPERATING,       /* 经营支出 (事业单位经营支出) */
    YS_LK_UPPER,           /* 上缴上级 */
    YS_LK_SUBSIDY          /* 对附属单位补助 */
} ys_line_kind;

typedef struct ys_pkg_meta { const char *key, *value; int line; } ys_pkg_meta;

typedef struct ys_pkg_unit {
    const char *code, *name, *kind;   /* kind: 行政 / 事业 */
    bool is_base;                     /* the 本级 unit */
    int line;
} ys_pkg_unit;

typedef struct ys_pkg_line {
    const char *unit, *func, *econ, *project, *source;
    const char *func_name, *econ_name;    /* optional, checked against codes */
    ys_line_kind kind;
    int64_t fen;
    int line;
} ys_pkg_line;

typedef struct ys_pkg_prior {
    int year;                 /* the year the figure is for */
    const char *item, *code;  /* item: total, gpb.total, func, econ, project, … */
    int64_t fen;
    int line;
} ys_pkg_prior;

typedef struct ys_pkg_project {
    const char *code, *name, *unit, *category, *category_code, *form_name;
    const char *perf_category;   /* table 11's 项目类别 (default: category) */
    const char *purpose;      /* 主要用途, for table 11 and the narrative */
    int64_t total;            /* 项目总预算; -1: same as this year's lines */
    int line;
} ys_pkg_project;

typedef struct ys_pkg_item {
    const char *project, *kind, *name, *qty;   /* kind: detail/procurement/source */
    const char *category;     /* procurement: 货物 / 工程 / 服务, or "" */
    int64_t fen;
    bool has_amount;
    int line;
} ys_pkg_item;

typedef struct ys_pkg_three { const char *item; int64_t fen; int line; } ys_pkg_three;

typedef struct ys_pkg_text { const char *key, *code, *text; int line; } ys_pkg_text;

typedef struct ys_pkg_ind {
    const char *table;        /* "11" or a project code */
    int goal;
    bool annual;
    const char *l1, *l2, *l3, *target, *prev2, *prev1, *basis;
    int line;
} ys_pkg_ind;

/* Sheets, in this order; the file of sheet i is ys_pkg_sheet_names[i].csv. */
enum {
    YS_SH_META, YS_SH_UNITS, YS_SH_LINES, YS_SH_PRIOR, YS_SH_PROJECTS,
    YS_SH_ITEMS, YS_SH_THREE, YS_SH_TEXTS, YS_SH_IND, YS_SH_COUNT
};
extern const char *const ys_pkg_sheet_names[YS_SH_COUNT];

struct ys_package {
    char *path;
    bool xlsx;                        /* read from one workbook (sheets by name) */
    struct ys_arena *arena;
    const char *file[YS_SH_COUNT];    /* "lines.csv" for messages */
    const char *department;           /* meta department */
    const char *dept_code;            /* meta department_code */
    const char *group_name;           /* meta group_name (default: department) */
    int year;                         /* meta year */
    ys_unit unit;                     /* meta unit: 万元 (default) or 元 */
    size_t nmeta, nunits, nlines, nprior, nprojects, nitems, nthree, ntexts, nind;
    ys_pkg_meta *meta;
    ys_pkg_unit *units;
    ys_pkg_line *lines;
    ys_pkg_prior *prior;
    ys_pkg_project *projects;
    ys_pkg_item *items;
    ys_pkg_three *three;
    ys_pkg_text *texts;
    ys_pkg_ind *ind;
};

/* Where row `line` of sheet s is, for messages: "DIR/lines.csv:5" or
 * "BOOK.xlsx:lines!A5" (line 0: the file or sheet alone). */
void ys_pkg_where(const ys_package *p, int s, int line, char *buf, size_t cap);

/* Read the sheets of an .xlsx package (package_xlsx.c): each sheet named
 * like ys_pkg_sheet_names[s] goes to sh[s] with present[s] set; numbers are
 * taken as the decimal text stored in the file.  Returns YS_OK or an error
 * located at BOOK.xlsx:SHEET!CELL. */
int ys_pkg_read_xlsx(ys_package *p, ys_sheet sh[YS_SH_COUNT], bool present[YS_SH_COUNT],
                     ys_error *err);

/* Lookups (NULL / -1 when absent). */
const char *ys_pkg_meta_get(const ys_package *p, const char *key);
const ys_pkg_unit *ys_pkg_unit_find(const ys_package *p, const char *code);
const ys_pkg_project *ys_pkg_project_find(const ys_package *p, const char *code);
/* The prior figure for (item, code) of year-1; code NULL or "" matches "". */
const ys_pkg_prior *ys_pkg_prior_find(const ys_package *p, const char *item,
                                      const char *code);
/* The same for any year. */
const ys_pkg_prior *ys_pkg_prior_find_year(const ys_package *p, int year, const char *item,
                                           const char *code);
/* The first text with key (and code, when not NULL). */
const ys_pkg_text *ys_pkg_text_find(const ys_package *p, const char *key,
                                    const char *code);
/* Basic expenditure? (人员经费 or 公用经费) */
bool ys_line_kind_basic(ys_line_kind k);
/* Fund sources a line may name: gpb, gov_fund, soe, special_acct, business,
 * operating, upper, affiliated, other, unit_funds, carry.gpb, carry.gov_fund,
 * carry.soe, carry.special_acct, carry.unit_funds. */
bool ys_source_known(const char *s);
/* Index of a known source in the list above (0 = gpb …), or -1. */
int ys_source_index(const char *s);
#define YS_SRC_GPB 0
#define YS_SRC_GOV_FUND 1
#define YS_SRC_SOE 2
#define YS_SRC_COUNT 15
/* The kind of a 行/kind cell ("人员经费" …) or -1. */
int ys_line_kind_parse(const char *s);

#endif
