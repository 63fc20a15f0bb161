/*
 * readers/pdf_rows.c — owns the geometry of PDF text: characters grouped
 * into rows by their vertical centres, rows split into cells at gaps wider
 * than the text height, table blocks given columns from where the
 * characters of their rows with figures stand, prose rows rejoined.
 * Promise: every character lands in exactly one line; nothing fails but
 * allocation.
 */
#include "pdf_rows.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cells.h"

#define MAX_COLS 128
#define GRID 0.5          /* occupancy resolution, points */
#define MAX_GRID 40000

typedef struct prow {
    size_t g0, n;          /* range in the sorted index */
    double x0, x1, y0, y1, em;
    int ncells, figure, block;
    int fragment;          /* a line wrapped out of a block row's cell */
    int colsrc;            /* its band holds a figure: it gives columns */
} prow;

typedef struct page {
    pdf_glyphs *g;
    size_t *idx;           /* glyph indices, sorted into rows */
    prow *rows;
    int nrows;
    ys_doc *d;
    int pageno, *no;
    ys_cells cells;
    int rc;
} page;

int pdf_glyphs_add(pdf_glyphs *g, double x0, double y0, double x1, double y1,
                   const char *s, size_t len, int space_before)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 1024;
        pdf_glyph *v = realloc(g->v, cap * sizeof *v);
        if (!v)
            return YS_ENOMEM;
        g->v = v;
        g->cap = cap;
    }
    pdf_glyph *p = &g->v[g->n++];
    p->x0 = fmin(x0, x1);
    p->x1 = fmax(x0, x1);
    p->y0 = fmin(y0, y1);
    p->y1 = fmax(y0, y1);
    if (p->y1 - p->y0 < 0.5)
        p->y1 = p->y0 + 0.5;
    p->off = g->text.n;
    p->len = len;
    p->space_before = space_before;
    ys_buf_put(&g->text, s, len);
    return g->text.oom ? YS_ENOMEM : YS_OK;
}

void pdf_glyphs_clear(pdf_glyphs *g)
{
    g->n = 0;
    g->text.n = 0;
}

void pdf_glyphs_free(pdf_glyphs *g)
{
    free(g->v);
    ys_buf_free(&g->text);
    memset(g, 0, sizeof *g);
}

/* ---- rows ------------------------------------------------------------ */

static pdf_glyph *G(const page *p, size_t k) { return &p->g->v[p->idx[k]]; }
static double ymid(const pdf_glyph *a) { return (a->y0 + a->y1) / 2; }

static int by_y(const void *a, const void *b, void *ctx)
{
    const pdf_glyphs *src = ctx;
    const pdf_glyph *x = &src->v[*(const size_t *)a], *y = &src->v[*(const size_t *)b];
    double d = ymid(x) - ymid(y);
    return d < 0 ? -1 : d > 0 ? 1 : (x->x0 < y->x0 ? -1 : x->x0 > y->x0);
}
static int by_x(const void *a, const void *b, void *ctx)
{
    const pdf_glyphs *src = ctx;
    const pdf_glyph *x = &src->v[*(const size_t *)a], *y = &src->v[*(const size_t *)b];
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int is_figure_char(const char *s, size_t n)
{
    return n == 1 && (strchr("0123456789,.-%", s[0]) != NULL);
}

/* Cells of the row (gaps wider than em) and whether one is a figure. */
static void row_stats(page *p, prow *r)
{
    double hsum = 0;
    r->x0 = G(p, r->g0)->x0;
    r->x1 = r->y1 = -1e9;
    r->y0 = 1e9;
    for (size_t k = r->g0; k < r->g0 + r->n; k++) {
        pdf_glyph *a = G(p, k);
        hsum += a->y1 - a->y0;
        r->x1 = fmax(r->x1, a->x1);
        r->y0 = fmin(r->y0, a->y0);
        r->y1 = fmax(r->y1, a->y1);
    }
    r->em = hsum / (double)r->n;
    r->ncells = 1;
    int digits = 0, other = 0;
    for (size_t k = r->g0; k < r->g0 + r->n; k++) {
        pdf_glyph *a = G(p, k);
        const char *s = p->g->text.p + a->off;
        if (k > r->g0 && a->x0 - G(p, k - 1)->x1 > r->em) {
            r->figure |= digits && !other;
            digits = other = 0;
            r->ncells++;
        }
        if (is_figure_char(s, a->len))
            digits += s[0] >= '0' && s[0] <= '9';
        else
            other = 1;
    }
    r->figure |= digits && !other;
}

static int make_rows(page *p)
{
    size_t n = p->g->n;
    p->idx = malloc(sizeof *p->idx * (n ? n : 1));
    p->rows = malloc(sizeof *p->rows * (n ? n : 1));
    if (!p->idx || !p->rows)
        return YS_ENOMEM;
    for (size_t i = 0; i < n; i++)
        p->idx[i] = i;
    qsort_r(p->idx, n, sizeof *p->idx, by_y, p->g);
    for (size_t i = 0; i < n;) {
        double ref = ymid(G(p, i)), h = G(p, i)->y1 - G(p, i)->y0;
        size_t j = i + 1;
        while (j < n && ymid(G(p, j)) - ref <= 0.5 * fmax(h, G(p, j)->y1 - G(p, j)->y0)) {
            h = fmax(h, G(p, j)->y1 - G(p, j)->y0);
            j++;
        }
        qsort_r(p->idx + i, j - i, sizeof *p->idx, by_x, p->g);
        prow *r = &p->rows[p->nrows++];
        memset(r, 0, sizeof *r);
        r->g0 = i;
        r->n = j - i;
        row_stats(p, r);
        i = j;
    }
    return YS_OK;
}

/* ---- table blocks ---------------------------------------------------- */

/* A one-cell line wrapped out of a cell of block row b: closer to it than
 * a line's height and narrower than half of it. */
static int is_cell_fragment(const prow *w, const prow *b)
{
    double gap = w->y0 > b->y0 ? w->y0 - b->y1 : b->y0 - w->y1;
    return b->block && w->ncells == 1 && gap < fmin(w->em, b->em) &&
           w->x1 - w->x0 < 0.5 * (b->x1 - b->x0);
}

/* Whether a cell of row b starts at x (inner: and it is not at the
 * page's left edge, the start of every first column and of prose). */
static int starts_cell_at(page *p, const prow *b, double x, int inner, double left)
{
    double tol = fmin(1.0, 0.1 * b->em);
    if (inner && x < left + 3 * b->em)
        return 0;
    size_t lo = b->g0, hi = b->g0 + b->n;     /* glyphs are in x order */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (G(p, mid)->x0 < x - tol)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* a few glyphs at most stand at one x (bounded on stacked glyphs) */
    for (size_t k = lo; k < b->g0 + b->n && k < lo + 8 && G(p, k)->x0 < x + tol; k++)
        if (k == b->g0 || G(p, k)->x0 - G(p, k - 1)->x1 > b->em)
            return 1;
    return 0;
}

/*
 * One-cell lines between rows of two or more cells are a table's rows
 * with the other cells empty ("十、城乡社区支出" under "九、其他收入 │
 * 九、节能环保支出") or text wrapped in one cell, when each starts exactly
 * where a cell of the rows above and below starts and one of them stands in
 * an inner column (a label of a form's first column alone is no table
 * row: its form's rows stay as they are).  At a page's foot (a table cut
 * by the page) only lines in an inner column count: prose never starts
 * there.  At a page's top they stay prose (a form's cell continued from
 * the page before).
 */
static void mark_column_runs(page *p)
{
    double left = 1e18;
    for (int i = 0; i < p->nrows; i++)
        left = fmin(left, p->rows[i].x0);
    for (int i = 0; i < p->nrows;) {
        if (p->rows[i].ncells >= 2) {
            i++;
            continue;
        }
        int j = i;
        while (j < p->nrows && p->rows[j].ncells < 2)
            j++;
        const prow *a = i > 0 ? &p->rows[i - 1] : NULL, *b = j < p->nrows ? &p->rows[j] : NULL;
        int inner = !b, ok = a != NULL, any_inner = 0;
        for (int r = i; r < j && ok; r++) {
            double x = p->rows[r].x0;
            ok = starts_cell_at(p, a, x, inner, left) && (!b || starts_cell_at(p, b, x, 0, left));
            any_inner |= starts_cell_at(p, a, x, 1, left);
        }
        ok = ok && any_inner;
        for (int r = i; r < j && ok; r++)
            p->rows[r].block = 1;
        i = j;
    }
}

/* Rows of two or more cells form blocks; a one-cell row between two such
 * rows (a category line, a name without figures) stays in the block, and
 * so do the lines of text wrapped out of its cells. */
static void mark_blocks(page *p)
{
    for (int i = 0; i < p->nrows; i++)
        p->rows[i].block = p->rows[i].ncells >= 2;
    for (int i = 1; i + 1 < p->nrows; i++)
        if (!p->rows[i].block && p->rows[i - 1].ncells >= 2 && p->rows[i + 1].ncells >= 2)
            p->rows[i].block = 1;
    mark_column_runs(p);
    for (int changed = 1; changed;) {
        changed = 0;
        for (int i = 0; i < p->nrows; i++)
            if (!p->rows[i].block && ((i > 0 && is_cell_fragment(&p->rows[i], &p->rows[i - 1])) ||
                                      (i + 1 < p->nrows && is_cell_fragment(&p->rows[i], &p->rows[i + 1]))))
                changed = p->rows[i].block = p->rows[i].fragment = 1;
    }
}

typedef struct col { double x0, x1; } col;

static int is_figure_glyph(const page *p, const pdf_glyph *a)
{
    return is_figure_char(p->g->text.p + a->off, a->len);
}

/* Whether glyphs k-1 and k of row w stand in different cells: a gap wider
 * than the text height, or two figures apart (a cell never holds two
 * figures side by side, and cells with padding may stand close). */
static int is_cell_gap(page *p, const prow *w, size_t k)
{
    const pdf_glyph *a = G(p, k - 1), *b = G(p, k);
    double gap = b->x0 - a->x1;
    if (gap > w->em)
        return 1;
    return is_figure_glyph(p, a) && is_figure_glyph(p, b) && ((b->space_before && gap > 0) || gap > 0.2 * w->em);
}

static void mark(unsigned char *v, int nv, double x0, double x1, double base)
{
    double fa = floor((x0 - base) / GRID), fb = ceil((x1 - base) / GRID);
    int a = fa < 0 ? 0 : fa > nv ? nv : (int)fa;   /* clamp before converting */
    int b = fb < 0 ? 0 : fb > nv ? nv : (int)fb;
    for (int k = a; k < b; k++)
        v[k] = 1;
}

/*
 * Columns of block rows [r0, r1): the runs of positions covered by the
 * characters of rows with figures.  Two runs merge when the space between
 * them is narrow and no row of the block has a cell gap there (then it is
 * a space between words of one cell).
 */
static int block_columns(page *p, int r0, int r1, col *c)
{
    double base = 1e9, end = -1e9, em = 0;
    int figures = 0;
    for (int r = r0; r < r1; r++) {
        base = fmin(base, p->rows[r].x0);
        end = fmax(end, p->rows[r].x1);
        em += p->rows[r].em;
        figures += p->rows[r].colsrc;
    }
    em /= (r1 - r0);
    double span = (end - base) / GRID;
    int nv = span >= 0 && span < MAX_GRID - 2 ? (int)span + 2 : MAX_GRID;
    unsigned char *occ = calloc((size_t)nv, 1), *wide = calloc((size_t)nv, 1);
    int nc = 0;
    if (!occ || !wide) {
        free(occ);
        free(wide);
        return -1;
    }
    for (int r = r0; r < r1; r++) {
        prow *w = &p->rows[r];
        for (size_t k = w->g0; k < w->g0 + w->n; k++) {
            pdf_glyph *a = G(p, k);
            if (!figures || w->colsrc)
                mark(occ, nv, a->x0, a->x1, base);
            if (k > w->g0 && is_cell_gap(p, w, k))
                mark(wide, nv, G(p, k - 1)->x1, a->x0, base);
        }
    }
    for (int i = 0; i < nv;) {
        if (!occ[i]) {
            i++;
            continue;
        }
        int j = i;
        for (;;) {
            while (j < nv && occ[j])
                j++;
            int g = j;
            while (g < nv && !occ[g])
                g++;
            double gap = (g - j) * GRID;
            if (g < nv && gap < 1.5 * em && !wide[(j + g) / 2])
                j = g;
            else
                break;
        }
        if (nc < MAX_COLS)
            c[nc++] = (col){base + i * GRID, base + j * GRID};
        i = j;
    }
    free(occ);
    free(wide);
    return nc;
}

static int column_of(const col *c, int nc, const pdf_glyph *a)
{
    double x = (a->x0 + a->x1) / 2, best = 1e18;
    int bi = 0;
    for (int i = 0; i < nc; i++) {
        if (x >= c[i].x0 && x <= c[i].x1)
            return i;
        double dist = x < c[i].x0 ? c[i].x0 - x : x - c[i].x1;
        if (dist < best) {
            best = dist;
            bi = i;
        }
    }
    return bi;
}

static void emit(page *p, int is_row)
{
    if (p->rc == YS_OK &&
        ys_cells_emit(&p->cells, p->d, *p->no + 1, p->pageno, NULL, is_row) != YS_OK)
        p->rc = YS_ENOMEM;
    (*p->no)++;
}

/* Append glyph k to buf, after a space when it stands apart or the text
 * stream put one between it and the glyph before it. */
static void put_glyph(page *p, ys_buf *b, size_t k, const pdf_glyph *prev, double em)
{
    pdf_glyph *a = G(p, k);
    int spaced = prev && a->space_before && prev == a - 1;
    if (prev && b->n && (spaced || a->x0 - prev->x1 > 0.25 * em))
        ys_buf_put(b, " ", 1);
    ys_buf_put(b, p->g->text.p + a->off, a->len);
}

/* The column a run of glyphs [k0, k1) overlaps most (else the nearest). */
static int column_of_run(page *p, size_t k0, size_t k1, const col *c, int nc)
{
    pdf_glyph run = *G(p, k0);
    run.x1 = G(p, k1 - 1)->x1;
    double best = 0;
    int bi = -1;
    for (int i = 0; i < nc; i++) {
        double ov = fmin(run.x1, c[i].x1) - fmax(run.x0, c[i].x0);
        if (ov > best) {
            best = ov;
            bi = i;
        }
    }
    return bi >= 0 ? bi : column_of(c, nc, &run);
}

static int is_digit_at(const char *s) { return s[0] >= '0' && s[0] <= '9'; }

/*
 * One visual line's text per column.  Rows with figures place each
 * character by where it stands (cells may touch); other rows (headers,
 * labels) place whole cells, which may be centred over a column's edge.
 */
static void add_line(page *p, prow *w, const col *c, int nc, ys_buf *cell)
{
    const pdf_glyph *last[MAX_COLS] = {0};
    size_t run0 = w->g0;
    int run_col = -1;
    for (size_t k = w->g0; k < w->g0 + w->n; k++) {
        int ci;
        if (w->figure)
            ci = column_of(c, nc, G(p, k));
        else {
            if (k == run0 || G(p, k)->x0 - G(p, k - 1)->x1 > w->em) {
                size_t e = k + 1;
                while (e < w->g0 + w->n && G(p, e)->x0 - G(p, e - 1)->x1 <= w->em)
                    e++;
                run0 = k;
                run_col = column_of_run(p, k, e, c, nc);
            }
            ci = run_col;
        }
        put_glyph(p, &cell[ci], k, last[ci], w->em);
        last[ci] = G(p, k);
    }
}

/* Digits with , and . only. */
static int is_figure_text(const ys_buf *b)
{
    int digits = 0;
    for (size_t i = 0; i < b->n; i++) {
        if (!is_figure_char(b->p + i, 1) || b->p[i] == '%')
            return 0;
        digits += is_digit_at(b->p + i);
    }
    return digits > 0;
}

/* A figure with two decimals: no wrapped fragment follows it. */
static int is_finished_figure(const ys_buf *b)
{
    return is_figure_text(b) && b->n >= 3 && b->p[b->n - 3] == '.' && is_digit_at(b->p + b->n - 1);
}

/* Whether line `next` may continue the logical row `row`: no column holds
 * a finished figure in the row and another figure in the line. */
static int continues(const ys_buf *row, const ys_buf *next, int nc)
{
    for (int i = 0; i < nc; i++)
        if (row[i].n && next[i].n && is_finished_figure(&row[i]) && is_figure_text(&next[i]))
            return 0;
    return 1;
}

/* Append the line's cells to the row's: a figure fragment after an
 * unfinished figure joins without a space ("2,877.9" + "4", "201030" +
 * "1"), other text after a space
 * (which ys_cells_add drops between Chinese characters). */
static void join_line(ys_buf *row, ys_buf *next, int nc)
{
    for (int i = 0; i < nc; i++) {
        if (!next[i].n)
            continue;
        if (row[i].n && !(is_figure_text(&row[i]) && !is_finished_figure(&row[i]) &&
                          is_figure_text(&next[i])))
            ys_buf_put(&row[i], " ", 1);
        ys_buf_put(&row[i], next[i].p, next[i].n);
        row[i].oom |= next[i].oom;
        next[i].n = 0;
    }
}

static void emit_cells(page *p, ys_buf *cell, int nc)
{
    for (int i = 0; i < nc; i++) {
        ys_cells_add(&p->cells, cell[i].p ? cell[i].p : "", cell[i].n);
        p->cells.oom |= cell[i].oom;
        cell[i].n = 0;
    }
    emit(p, 1);
}

/* The gap above each line r0 < r < r1 of the block: from the lowest
 * bottom of the lines above it (a cell centred beside a wrapped one
 * overlaps its lines, so the band they make is their union).
 * gap[r - r0]; gap[0] is unused. */
static void band_gaps(const page *p, int r0, int r1, double *gap)
{
    double bottom = p->rows[r0].y1;
    gap[0] = 0;
    for (int r = r0 + 1; r < r1; r++) {
        gap[r - r0] = p->rows[r].y0 - bottom;
        bottom = fmax(bottom, p->rows[r].y1);
    }
}

static int by_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/*
 * The gap below which two visual lines of a block are one logical row
 * (text wrapped inside narrow cells), or -1e9 when the block's gaps do
 * not fall into two clear groups.  Wrapped lines stand closer than the
 * rows do (cell padding and borders lie between rows): the gaps split at
 * their widest jump, both sides with at least two gaps and the jump wider
 * than half the text height.
 */
static double wrap_threshold(const page *p, int r0, int r1, const double *gap)
{
    int n = r1 - r0 - 1;
    if (n < 4)
        return -1e9;
    double *g = malloc(sizeof *g * (size_t)n), em = 0;
    if (!g)
        return -1e9;
    for (int i = 0; i < n; i++) {
        g[i] = gap[i + 1];
        em += p->rows[r0 + i].em;
    }
    em /= n;
    qsort(g, (size_t)n, sizeof *g, by_double);
    int best = -1;
    double jump = 0;
    for (int i = 2; i + 1 < n; i++)            /* at least two on each side */
        if (g[i] - g[i - 1] > jump) {
            jump = g[i] - g[i - 1];
            best = i;
        }
    double t = best > 0 && jump > 0.5 * em ? (g[best] + g[best - 1]) / 2 : -1e9;
    free(g);
    return t;
}

/* Whether figure token s[0..n) is cut short: it ends in , or . or has
 * one decimal ("2,877.9" before "4"). */
static int is_open_token(const char *s, size_t n)
{
    size_t digits = 0;
    for (size_t i = 0; i < n; i++)
        digits += is_digit_at(s + i);
    if (!digits || s[0] == '%' || s[n - 1] == '%' || s[n - 1] == '-')
        return 0;
    return s[n - 1] == ',' || s[n - 1] == '.' || (n >= 2 && s[n - 2] == '.');
}

/* Whether a figure of row w is cut short. */
static int row_has_open_figure(page *p, const prow *w)
{
    char tok[64];
    size_t n = 0;
    for (size_t k = w->g0; k <= w->g0 + w->n; k++) {
        int end = k == w->g0 + w->n || !is_figure_glyph(p, G(p, k)) ||
                  (k > w->g0 && is_cell_gap(p, w, k));
        if (end && n && is_open_token(tok, n))
            return 1;
        if (end)
            n = 0;
        if (k < w->g0 + w->n && is_figure_glyph(p, G(p, k)) && n < sizeof tok)
            tok[n++] = p->g->text.p[G(p, k)->off];
    }
    return 0;
}

/* Whether a figure of the block is cut short ("2,877.9") or the digits of
 * a figure were wrapped out of a cell onto a line of their own (a code's
 * last digit): the evidence that its cells wrap.  Text fragments alone are
 * no evidence (a form's labels over several rows look the same). */
static int has_open_figure(page *p, int r0, int r1)
{
    for (int r = r0; r < r1; r++)
        if ((p->rows[r].fragment || p->rows[r].figure) &&
            (p->rows[r].fragment ? p->rows[r].figure : row_has_open_figure(p, &p->rows[r])))
            return 1;
    return 0;
}

/* Lines of a band holding a figure give the block its columns (a label
 * centred beside a wrapped figure is a line of its own). */
static void mark_column_sources(page *p, int r0, int r1, const double *gap, double t)
{
    for (int r = r0; r < r1;) {
        int e = r + 1, fig = p->rows[r].figure;
        while (e < r1 && gap[e - r0] < t)
            fig |= p->rows[e++].figure;
        for (; r < e; r++)
            p->rows[r].colsrc = fig;
    }
}

/*
 * Each logical row of the block: a visual line joins the one above when
 * the gap between them is below the block's wrap threshold and it does not
 * put a second figure into a column that holds a finished one.
 */
static void emit_block(page *p, int r0, int r1)
{
    double *gap = malloc(sizeof *gap * (size_t)(r1 - r0));
    if (!gap) {
        p->rc = YS_ENOMEM;
        return;
    }
    band_gaps(p, r0, r1, gap);
    double t = has_open_figure(p, r0, r1) ? wrap_threshold(p, r0, r1, gap) : -1e9;
    mark_column_sources(p, r0, r1, gap, t);
    col c[MAX_COLS];
    int nc = block_columns(p, r0, r1, c);
    if (nc <= 0) {
        p->rc = nc < 0 ? YS_ENOMEM : p->rc;
        free(gap);
        return;
    }
    ys_buf row[MAX_COLS], next[MAX_COLS];
    memset(row, 0, sizeof row);
    memset(next, 0, sizeof next);
    add_line(p, &p->rows[r0], c, nc, row);
    for (int r = r0 + 1; r < r1; r++) {
        add_line(p, &p->rows[r], c, nc, next);
        if (gap[r - r0] >= t || !continues(row, next, nc))
            emit_cells(p, row, nc);
        join_line(row, next, nc);
    }
    emit_cells(p, row, nc);
    for (int i = 0; i < nc; i++) {
        ys_buf_free(&row[i]);
        ys_buf_free(&next[i]);
    }
    free(gap);
}

/* ---- prose ----------------------------------------------------------- */

static int is_page_number(page *p, prow *w)
{
    if (w->ncells != 1 || w->n > 12)
        return 0;
    int digits = 0;
    for (size_t k = w->g0; k < w->g0 + w->n; k++) {
        const char *s = p->g->text.p + G(p, k)->off;
        if (s[0] >= '0' && s[0] <= '9')
            digits++;
        else if (!(G(p, k)->len == 1 && strchr("-/", s[0])) && !(G(p, k)->len == 3 &&
                 (memcmp(s, "\xe7\xac\xac", 3) == 0 || memcmp(s, "\xe9\xa1\xb5", 3) == 0)))
            return 0;   /* digits, dashes, 第 and 页 only */
    }
    return digits > 0 && digits <= 4;
}

static void emit_prose(page *p, int r0, int r1)
{
    double left = 1e9, right = -1e9;
    for (int r = r0; r < r1; r++) {
        left = fmin(left, p->rows[r].x0);
        right = fmax(right, p->rows[r].x1);
    }
    for (int r = r0; r < r1 && p->rc == YS_OK;) {
        ys_buf *t = &p->cells.text;
        size_t start = t->n;
        ys_buf para = {0};
        int first = r;
        do {
            prow *w = &p->rows[r];
            if (r > first)
                ys_buf_put(&para, " ", 1);
            for (size_t k = w->g0; k < w->g0 + w->n; k++)
                put_glyph(p, &para, k, k > w->g0 ? G(p, k - 1) : NULL, w->em);
            r++;
        } while (r < r1 && p->rows[r - 1].x1 >= right - 2 * p->rows[r - 1].em &&
                 p->rows[r].x0 <= left + p->rows[r].em &&
                 p->rows[r].y0 - p->rows[r - 1].y1 < p->rows[r].em);
        (void)start;
        ys_cells_add(&p->cells, para.p ? para.p : "", para.n);
        p->cells.oom |= para.oom;
        ys_buf_free(&para);
        emit(p, 0);
    }
}

static int run_page(page *p)
{
    int rc = make_rows(p);
    if (rc != YS_OK)
        return rc;
    mark_blocks(p);
    int first = 0, last = p->nrows - 1;
    for (int i = 0; i < p->nrows && p->rc == YS_OK;) {
        if ((i == first || i == last) && !p->rows[i].block && is_page_number(p, &p->rows[i])) {
            i++;
            continue;
        }
        int j = i + 1;
        while (j < p->nrows && p->rows[j].block == p->rows[i].block &&
               !((j == last) && !p->rows[j].block && is_page_number(p, &p->rows[j])))
            j++;
        if (p->rows[i].block)
            emit_block(p, i, j);
        else
            emit_prose(p, i, j);
        i = j;
    }
    return p->rc;
}

int pdf_emit_page(ys_doc *d, pdf_glyphs *g, int pageno, int *no)
{
    page p = {.g = g, .d = d, .pageno = pageno, .no = no};
    if (g->n == 0)
        return YS_OK;
    int rc = run_page(&p);
    free(p.idx);
    free(p.rows);
    ys_cells_free(&p.cells);
    return rc;
}
