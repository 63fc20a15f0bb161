/*
 * derive.c — from a budget package to a table set (ys_derive).
 * Owns: the selection of lines a figure sums and the two rounding modes.
 *   half-up:  each figure is its exact sum rounded on its own (as published
 *             today; shown parts may differ from shown totals by 尾差).
 *   balanced: every line gets a shown share by largest-remainder rounding
 *             over all lines (ys_round_balanced), and every figure is the sum
 *             of its lines' shares — so shown parts add up to shown totals in
 *             every table and across tables, and the grand total is its exact
 *             value rounded.
 * Promise: no floating point; the package is not modified.
 */
#include <stdlib.h>
#include <string.h>

#include "derive_internal.h"

unsigned ys_dx_src(const char *name)
{
    int i = ys_source_index(name);
    return i < 0 ? 0 : YS_S(i);
}

unsigned ys_dx_carry_sources(void)
{
    return ys_dx_src("carry.gpb") | ys_dx_src("carry.gov_fund") | ys_dx_src("carry.soe") |
           ys_dx_src("carry.special_acct") | ys_dx_src("carry.unit_funds");
}

unsigned ys_dx_year_sources(void)
{
    return ((1u << YS_SRC_COUNT) - 1) & ~ys_dx_carry_sources();
}

static bool prefix(const char *s, const char *pre)
{
    return !pre || strncmp(s, pre, strlen(pre)) == 0;
}

static bool selected(const ys_pkg_line *l, const ys_sel *s)
{
    if (!prefix(l->func, s->func) || !prefix(l->econ, s->econ))
        return false;
    if (s->unit && strcmp(l->unit, s->unit) != 0)
        return false;
    if (s->project) {
        if (!strcmp(s->project, "-") ? l->project[0] != 0 : strcmp(l->project, s->project))
            return false;
    }
    if (s->kinds && !(s->kinds & YS_K(l->kind)))
        return false;
    int si = ys_source_index(l->source);
    if (s->sources && (si < 0 || !(s->sources & YS_S(si))))
        return false;
    return true;
}

int64_t ys_dx_round(const ys_dx *dx, int64_t fen)
{
    int64_t q = dx->ulp;
    int64_t r = (fen >= 0 ? fen + q / 2 : fen - q / 2) / q;
    return r * q;
}

ys_sum ys_dx_sum(const ys_dx *dx, const ys_sel *s)
{
    ys_sum r = {0, 0, 0};
    int64_t bal = 0;
    for (size_t i = 0; i < dx->p->nlines; i++) {
        const ys_pkg_line *l = &dx->p->lines[i];
        if (!selected(l, s))
            continue;
        r.exact += l->fen;
        r.n++;
        if (dx->shown)
            bal += dx->shown[i];
    }
    r.shown = dx->mode == YS_ROUND_BALANCED ? bal : ys_dx_round(dx, r.exact);
    return r;
}

void ys_dx_cell_v(const ys_dx *dx, const ys_table *t, ys_row *r, const char *col,
                  int64_t shown)
{
    int c = ys_table_col(t, col);
    if (c < 0)
        return;
    r->cells[c].v.fen = shown;
    r->cells[c].v.ulp = dx->ulp;
    r->cells[c].v.present = true;
    r->cells[c].line = 0;
}

void ys_dx_cell(const ys_dx *dx, const ys_table *t, ys_row *r, const char *col, ys_sum s)
{
    if (s.n == 0 || s.shown == 0)
        return;
    ys_dx_cell_v(dx, t, r, col, s.shown);
}

void ys_dx_fmt(const ys_dx *dx, int64_t shown, char *buf, size_t cap)
{
    ys_amount_format(shown, dx->p->unit, 2, false, buf, cap);
}

static int balance(ys_dx *dx)
{
    size_t n = dx->p->nlines;
    if (dx->mode != YS_ROUND_BALANCED || n == 0)
        return YS_OK;
    int64_t *parts = malloc(n * sizeof *parts);
    dx->shown = malloc(n * sizeof *dx->shown);
    if (!parts || !dx->shown) {
        free(parts);
        return YS_ENOMEM;
    }
    for (size_t i = 0; i < n; i++)
        parts[i] = dx->p->lines[i].fen;
    ys_round_balanced(parts, n, dx->ulp, dx->shown);
    free(parts);
    return YS_OK;
}

int ys_derive(const ys_package *p, ys_rounding r, ys_tableset **out, ys_error *err)
{
    *out = NULL;
    ys_dx dx = {p, r, ys_tableset_new(), ys_unit_ulp(p->unit, 2), NULL};
    if (!dx.ts || balance(&dx) != YS_OK) {
        ys_tableset_free(dx.ts);
        free(dx.shown);
        return ys_error_set(err, YS_ENOMEM, p->path, 0, "内存不足");
    }
    dx.ts->source = ys_ts_str(dx.ts, p->path, (size_t)-1);
    dx.ts->department = ys_ts_str(dx.ts, p->department, (size_t)-1);
    dx.ts->year = p->year;
    dx.ts->unit = p->unit;
    int rc = ys_derive_tables(&dx, err);
    if (rc == YS_OK)
        rc = ys_derive_forms(&dx, err);
    if (rc == YS_OK)
        rc = ys_derive_text(&dx, err);
    free(dx.shown);
    if (rc != YS_OK) {
        ys_tableset_free(dx.ts);
        return rc;
    }
    *out = dx.ts;
    return YS_OK;
}
