/*
 * writers/layout.h — the published layout shared by every writer.
 * Internal to libyusuan.
 *
 * A table of the set is turned into a *grid*: header rows (with merged
 * cells, as in the published forms) and body rows of display strings, each
 * amount cell keeping its exact 分 value for writers that store numbers.
 * The whole disclosure is turned into an *outline*: a flat list of blocks
 * (title, part heading, section heading, paragraph, table label, grid,
 * note) in the order of the reference document.  txt, Markdown, HTML and
 * XLSX only decide how each block looks, so the order and wording of the
 * document live in one place.
 *
 * Ownership: a grid owns its cells and strings (its arena); an outline owns
 * its blocks and their grids.  Free with ys_grid_free / ys_outline_free.
 */
#ifndef YS_WRITERS_LAYOUT_H
#define YS_WRITERS_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>

#include "yusuan/fileio.h"
#include "yusuan/tableset.h"

struct ys_arena;

typedef struct ys_gcell {
    const char *text;     /* display text, "" when empty (never NULL) */
    int colspan, rowspan; /* 1/1 normally; both 0 when covered by a merge */
    bool num;             /* an amount or percentage: fen holds it exactly */
    bool pct;             /* fen is a percentage (0.0001 % units) */
    int64_t fen;
} ys_gcell;

typedef struct ys_grid {
    int width;            /* cells per row */
    int hrows;            /* leading header rows */
    size_t nrows, cap;
    ys_gcell *cells;      /* nrows * width */
    bool *gap;            /* gap[r]: a blank line before row r (forms) */
    struct ys_arena *arena;
    int oom;
} ys_grid;

/* The cell at row r, column c. */
static inline ys_gcell *ys_grid_at(const ys_grid *g, size_t r, int c)
{
    return &g->cells[r * (size_t)g->width + (size_t)c];
}

/* An empty grid of `width` columns; returns 0 or -1 (no memory). */
int ys_grid_init(ys_grid *g, int width);
void ys_grid_free(ys_grid *g);
/* Append a blank row; returns its index or -1. */
long ys_grid_row(ys_grid *g);
/* Set text of (r, c) (copied); returns the cell, NULL when (r, c) is
 * outside the grid (nothing set). */
ys_gcell *ys_grid_set(ys_grid *g, size_t r, int c, const char *text);
/* Set (r, c) to an amount in `unit` (2 decimals) or a blank if !a.present. */
void ys_grid_amount(ys_grid *g, size_t r, int c, ys_amount a, ys_unit unit,
                    bool grouping);
/*
 * The display text of column c of t holding a: "" when blank; a percentage
 * "36.15%" for the share column; a count ("3", "1.5") for qty; otherwise the
 * amount in t's unit with two decimals.  Returns the length.
 */
size_t ys_cell_shown(const ys_table *t, int c, ys_amount a, bool grouping, char *buf,
                     size_t cap);
/* Set (r, c) to column c's figure of t (see ys_cell_shown), blank if absent. */
void ys_grid_cell(ys_grid *g, size_t r, int at, const ys_table *t, int c, ys_amount a,
                  bool grouping);
/* Merge rows r..r+rs-1, columns c..c+cs-1 into (r, c). */
void ys_grid_merge(ys_grid *g, size_t r, int c, int rs, int cs);

/* What the published form calls a table, and where it sits. */
typedef struct ys_tlayout {
    const char *id;           /* table id ("5-1") */
    const char *section;      /* part-2 section heading, NULL: same as previous */
    const char *subsection;   /* "5-1 一般公共预算支出表（分功能科目）" or NULL */
    const char *title;        /* title as printed */
    const char *const *labels;/* Chinese label of each canonical column */
} ys_tlayout;

/* Layout of a table id ("12:…" maps to the project form), or NULL. */
const ys_tlayout *ys_tlayout_find(const char *id);
/* Chinese label of column i of t (the key itself if unknown). */
const char *ys_col_label(const ys_table *t, int i);
/* The leading text columns of t's body rows: 0 (table 7), 2 (code, name)
 * or 3 (code, name, unit of table 10); -1 for the two-sided tables 1, 4. */
int ys_table_lead(const ys_table *t);

/* Tables 1–10 as published (header + body).  grouping: "2,877.94". */
int ys_grid_table(const ys_tableset *ts, const ys_table *t, bool grouping,
                  ys_grid *g);
/* Table 11 (funds, project list, goals, indicators) as one form. */
int ys_grid_form11(const ys_tableset *ts, bool grouping, ys_grid *g);
/* One project form "12:<name>". */
int ys_grid_form12(const ys_tableset *ts, const ys_table *t, bool grouping,
                   ys_grid *g);

typedef enum ys_bkind {
    YS_B_TITLE = 0,   /* document title */
    YS_B_TOC,         /* a line of the table of contents ("- 一、…") */
    YS_B_PART,        /* 第一部分 … */
    YS_B_HEADING,     /* 一、部门收支总表 / 一、部门主要职责 */
    YS_B_SUBHEADING,  /* 5-1 一般公共预算支出表（分功能科目） */
    YS_B_PARA,        /* prose */
    YS_B_LABEL,       /* 表1 */
    YS_B_TTITLE,      /* table title */
    YS_B_META,        /* 部门：… / 单位：万元 */
    YS_B_GRID,        /* the table itself */
    YS_B_NOTE         /* 备注：… */
} ys_bkind;

typedef struct ys_block {
    ys_bkind kind;
    int part;               /* 1–4, 0 before part 1 */
    const char *text;       /* NULL for grids */
    const ys_table *table;  /* the table a label/title/meta/grid/note is of */
    const char *sheet;      /* short sheet/file name of that table ("表5-1") */
    ys_grid *grid;
} ys_block;

typedef struct ys_outline {
    size_t n, cap;
    ys_block *b;
    struct ys_arena *arena;
} ys_outline;

/* The whole disclosure in reading order.  Returns YS_OK or YS_ENOMEM. */
int ys_outline_build(const ys_tableset *ts, bool grouping, ys_outline *o);
void ys_outline_free(ys_outline *o);

/* The department name or a neutral stand-in when the set has none. */
const char *ys_dept_name(const ys_tableset *ts);
/* "万元" or "元". */
const char *ys_unit_name(ys_unit u);
/* A file/sheet-safe short name of table t, "表1", "表12-2" (index among
 * project forms), into buf. */
void ys_table_short(const ys_tableset *ts, const ys_table *t, char *buf, size_t cap);

/* The SVG charts of the HTML page (html_charts.c): expenditure by function
 * 类, 基本支出 against 项目支出, this year against last year when the set has
 * prior figures (otherwise an HTML comment says why the chart is absent). */
void ys_html_charts(const ys_tableset *ts, ys_buf *b);

/* Lines of a text buffer separated by '\n'; a writer helper. */
void ys_buf_cells_tsv(ys_buf *b, const ys_grid *g, size_t r);

#endif
