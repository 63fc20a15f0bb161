/*
 * derive_internal.h — how the parts of derivation share their work.
 * Internal to libyusuan.
 *
 * derive.c owns the context: which lines a cell sums (a `ys_sel`) and how a
 * sum becomes the figure shown (rounding mode).  derive_tables.c fills tables
 * 1–10, derive_forms.c tables 11 and 12 with goals and indicators,
 * derive_text.c parts 1, 3 and 4.  Every shown figure comes from
 * ys_dx_sum(), so that all tables agree with each other.
 */
#ifndef YS_DERIVE_INTERNAL_H
#define YS_DERIVE_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "package.h"
#include "yusuan/derive.h"
#include "yusuan/tableset.h"

typedef struct ys_dx {
    const ys_package *p;
    ys_rounding mode;
    ys_tableset *ts;
    int64_t ulp;            /* of a shown figure, in 分 */
    int64_t *shown;         /* balanced mode: each line's shown share */
} ys_dx;

/* Which lines a cell sums.  NULL / 0 fields match anything. */
typedef struct ys_sel {
    const char *func;       /* function code prefix */
    const char *econ;       /* economic code prefix */
    const char *unit;       /* unit code */
    const char *project;    /* project code; "-" = lines without project */
    unsigned kinds;         /* bit (1u << ys_line_kind) */
    unsigned sources;       /* bit (1u << ys_source_index) */
} ys_sel;

#define YS_K(k) (1u << (k))
#define YS_S(s) (1u << (s))
#define YS_K_BASIC (YS_K(YS_LK_PERSONNEL) | YS_K(YS_LK_PUBLIC))
/* Sources of the current year (everything but carry.*) and the carried ones. */
unsigned ys_dx_year_sources(void);
unsigned ys_dx_carry_sources(void);
unsigned ys_dx_src(const char *name);

typedef struct ys_sum {
    int64_t shown;          /* the figure to show, in 分 */
    int64_t exact;
    int n;                  /* lines that contributed */
} ys_sum;

ys_sum ys_dx_sum(const ys_dx *dx, const ys_sel *s);
/* Round an exact amount the way a standalone figure is shown. */
int64_t ys_dx_round(const ys_dx *dx, int64_t fen);

/* Set cell `col` of row r: blank when s.n == 0 or the shown value is 0. */
void ys_dx_cell(const ys_dx *dx, const ys_table *t, ys_row *r, const char *col,
                ys_sum s);
/* Set a cell to an explicit shown value (always present). */
void ys_dx_cell_v(const ys_dx *dx, const ys_table *t, ys_row *r, const char *col,
                  int64_t shown);

/* Parts of derivation; each returns YS_OK or YS_ENOMEM (err set). */
int ys_derive_tables(ys_dx *dx, ys_error *err);
int ys_derive_forms(ys_dx *dx, ys_error *err);
int ys_derive_text(ys_dx *dx, ys_error *err);

/* "2,877.94"-free shown figure "2877.94" (万元 or 元 per the package). */
void ys_dx_fmt(const ys_dx *dx, int64_t shown, char *buf, size_t cap);

#endif
