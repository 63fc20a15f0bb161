/*
 * recognize_tables.h — what the recogniser's own files share (recognize.c,
 * recognize_text.c, recognize_tables.c, recognize_rows.c).  Internal.
 *
 * A ys_rz is one recognition run: the document, the profile, the table set
 * being filled, and a cache of folded cells so that no cell is folded twice.
 */
#ifndef YS_RECOGNIZE_TABLES_H
#define YS_RECOGNIZE_TABLES_H

#include <stdbool.h>
#include <stddef.h>

#include "profile.h"
#include "yusuan/doc.h"
#include "yusuan/error.h"
#include "yusuan/tableset.h"

typedef struct ys_rz {
    const ys_doc *doc;
    const ys_profile *p;
    ys_tableset *ts;
    ys_error *err;
    struct ys_arena *scratch;   /* folded cells, header paths; freed at the end */
    char ***fold;               /* fold[line][cell], filled on first use */
    char *buf;                  /* fold buffer */
    size_t bufcap;
    int oom;                    /* set when an allocation failed */
    int ncls;                   /* function 类 names (folded) for out.class */
    struct { const char *name; const char *code; bool current; } cls[64];
} ys_rz;

/* ---- recognize_text.c --------------------------------------------------- */

/* Folded text of cell c of line li ("" when absent); cached. */
const char *ys_rz_cell(ys_rz *z, size_t li, int c);
/* Number of non-empty cells of line li. */
int ys_rz_nonempty(const ys_rz *z, size_t li);
/* The folded non-empty cells of line li joined, when the line has at most
 * `max` non-empty cells and they are short (a title, a heading); else NULL. */
const char *ys_rz_short_text(ys_rz *z, size_t li, int max);

/* ys_strip_numbering: see text.h (the rules use it too). */
/* True when folded s starts with Chinese-numeral numbering "一、" (top
 * level), as opposed to "(一)". */
bool ys_top_numbered(const char *s);
/* True when s is a code: 2+ ASCII letters/digits with at least 2 digits
 * and a digit first. */
bool ys_is_code(const char *s);
/* Parse an amount cell; "-", "—", "/" and other non-figures are blank.
 * Returns true when the cell holds a figure. */
bool ys_rz_amount(const char *raw, ys_unit unit, ys_amount *out);
/* The unit named in folded s ("单位:万元", "资金单位:元"), or -1. */
int ys_unit_in(const char *folded);
/* The text after a "LABEL:" prefix in folded s (LABEL one of 部门, 单位名称,
 * 部门名称), cut before a following "单位:"; copies into out.  Returns the
 * length, 0 when s has no such prefix. */
size_t ys_label_value(const char *folded, const char *label, char *out, size_t cap);

/* ---- recognize_tables.c / recognize_rows.c ------------------------------ */

/*
 * Read table pt whose title cluster is lines [title_from, body) and whose
 * body runs to `end` (exclusive); `title_li` is the title line (first_line).
 * Adds the table to z->ts (a table whose header cannot be mapped is left
 * out).  Returns YS_OK, or YS_ENOMEM.
 */
int ys_rz_read_table(ys_rz *z, const ys_ptable *pt, size_t title_li, size_t title_from,
                     size_t body, size_t end);

/* The header of a grid: for each physical column, the role it plays. */
enum { YS_COL_NONE = -1, YS_COL_CODE = -2, YS_COL_NAME = -3, YS_COL_EXTRA = -4 };

typedef struct ys_rz_map {
    int width;          /* physical columns */
    int role[256];      /* index into the table's cols, or YS_COL_* */
    int side[256];      /* twosided: 0 income, 1 expenditure */
    const char *code_label;   /* the header's own words over the code and */
    const char *name_label;   /* name columns: a repeated header row has them */
    int depth[256];           /* header labels over each column, parent first */
    const char *label[256][6];   /* (MAX_HDR of recognize_tables.c) */
} ys_rz_map;

/* ---- helpers of recognize_rows.c, shared with recognize_sides.c -------- */

#define YS_RZ_NAME_MAX 1024

/* A paragraph inside a table's range: a note is kept (t->note), a unit
 * line or a page mark skipped.  Returns true when reading goes on. */
bool ys_rz_paragraph(ys_rz *z, ys_table *t, size_t li);
/* Figures of one side of line li into cells[0..t->ncols) (each cell's
 * line set).  Returns true when any cell holds a figure. */
bool ys_rz_read_cells(const ys_rz *z, const ys_table *t, const ys_rz_map *m, size_t li,
                      int side, ys_cell *cells);
/* Folded text of the first column playing `role` on `side` ("" if none). */
const char *ys_rz_role_text(ys_rz *z, const ys_rz_map *m, size_t li, int role, int side);
/* Append s to dst (a YS_RZ_NAME_MAX buffer), cut to fit. */
void ys_rz_append(char *dst, const char *s);
/* r->name = head + tail (in the table set's storage; z->oom when out of
 * memory). */
void ys_rz_rename_row(ys_rz *z, ys_row *r, const char *head, const char *tail);

/*
 * The header repeated at line li (a new page) mapped afresh into *m: a page
 * may set its columns otherwise (a column more on that page).  Returns true
 * and the first data line in *data when every column of the old map is
 * found again; false leaves *m as it was.
 */
bool ys_rz_remap(ys_rz *z, const ys_ptable *pt, size_t li, size_t end, ys_unit unit,
                 ys_rz_map *m, size_t *data);

/* The profile columns (indices into pt->cols) a header cell's folded text
 * names: its leaf synonym, or each of several labels run together
 * ("合计因公出国(境)费"), in order, at most max.  Returns the count, 0 when
 * it names none. */
int ys_rz_label_keys(const ys_ptable *pt, const char *s, int *keys, int max);

/*
 * A one-row table without codes (the 三公 table) whose readers ran the
 * labels of columns without figures into their neighbours (recognize_sums.c):
 * when a figure column stands under labels of more than one key, the one
 * reading (keys in printed order, every `sum` of the profile kept) decides.
 * hrows[0..nh) are the header lines, figures are read from the first line
 * with figures in [data, end); of_pcol maps profile columns to table
 * columns.  Returns 0 when no column is in doubt (*m stands), 1 when *m
 * was set from the one reading, -1 when there is none or several.
 */
int ys_rz_one_row(ys_rz *z, const ys_ptable *pt, const size_t *hrows, int nh, size_t data,
                  size_t end, ys_rz_map *m, const int *of_pcol);

/* Rows of a mapped grid table from lines [from, end) (recognize_rows.c). */
int ys_rz_grid_rows(ys_rz *z, const ys_ptable *pt, ys_table *t, const ys_rz_map *m,
                    size_t from, size_t end);
/* Rows of a mapped two-sided table (recognize_sides.c). */
int ys_rz_twosided_rows(ys_rz *z, const ys_ptable *pt, ys_table *t, const ys_rz_map *m,
                        size_t from, size_t end);

/* Is line li a note under a table (备注：/注：/说明：)? */
bool ys_rz_is_note(ys_rz *z, size_t li);

#endif
