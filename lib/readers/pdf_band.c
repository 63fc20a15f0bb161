/*
 * readers/pdf_band.c — owns the bands of a page's lines: lines that
 * overlap one another, each clear of the others side by side (a cell set
 * in the middle of its row beside a wrapped one stands half a line between
 * its lines), with the first and last lines of a tall cell beyond them;
 * and how many cells such a band holds side by side, each centred on the
 * band's middle, and whether narrow cells stand in it side by side as
 * close as half the text height (bandrow).  pdf_rows.c makes a band
 * holding cells a table's row and pdf_block.c joins its lines into one
 * logical row.
 * Promise: reads the page only; nothing fails but allocation.
 */
#include <math.h>
#include <stdlib.h>

#include "pdf_page.h"

typedef struct xspan { double x0, x1, y0, y1; } xspan;

static int by_xspan(const void *a, const void *b)
{
    double x = ((const xspan *)a)->x0, y = ((const xspan *)b)->x0;
    return x < y ? -1 : x > y;
}

/* The number of cells the glyphs of rows [i, j) make side by side: runs
 * apart by more than apart times the text height, each centred on the
 * band's middle (a table's cells are set in the middle of their row) and,
 * with wide > 0, none wider than wide times the text height (narrow cells,
 * not a paragraph); 1 when they are not.  v is scratch for their glyphs. */
static int band_runs(const page *p, int i, int j, xspan *v, double apart, double wide)
{
    size_t m = 0;
    double em = 0;
    for (int r = i; r < j; r++) {
        em = fmax(em, p->rows[r].em);
        for (size_t k = p->rows[r].g0; k < p->rows[r].g0 + p->rows[r].n; k++)
            v[m++] = (xspan){G(p, k)->x0, G(p, k)->x1, G(p, k)->y0, G(p, k)->y1};
    }
    qsort(v, m, sizeof *v, by_xspan);
    int runs = 1;
    double reach = v[0].x1, top = v[0].y0, foot = v[0].y1, mid = 0, start = v[0].x0;
    for (size_t k = 1; k <= m; k++) {
        if (k == m || v[k].x0 - reach > apart * em) {
            if (runs > 1 && fabs((top + foot) / 2 - mid) > 0.2 * em)
                return 1;
            if (wide > 0 && reach - start > wide * em)
                return 1;
            mid = (top + foot) / 2;
            if (k == m)
                break;
            runs++;
            start = v[k].x0;
            top = v[k].y0;
            foot = v[k].y1;
        }
        reach = fmax(reach, v[k].x1);
        top = fmin(top, v[k].y0);
        foot = fmax(foot, v[k].y1);
    }
    return runs;
}

/* Whether no glyph of row a stands over a glyph of row b (both in x
 * order), overlapping it: the lines of two cells side by side, not two
 * rows.  Glyphs one above the other without overlapping are two lines of
 * one cell: a visual line holding the first lines of two cells set at
 * different heights reaches over the second line of one of them, and a
 * glyph right above another, clear of it, is the line before it ("计划"
 * over "数据" beside a label that overlaps both). */
static int side_by_side(const page *p, const prow *a, const prow *b)
{
    double tol = 0.1 * fmin(a->em, b->em);
    size_t i = a->g0, j = b->g0, ie = a->g0 + a->n, je = b->g0 + b->n;
    while (i < ie && j < je) {
        const pdf_glyph *x = G(p, i), *y = G(p, j);
        if (x->x1 - tol > y->x0 && y->x1 - tol > x->x0 && x->y1 - tol > y->y0 &&
            y->y1 - tol > x->y0)
            return 0;
        if (x->x1 < y->x1)
            i++;
        else
            j++;
    }
    return 1;
}

/* Whether row j goes on with the band of rows [i, j): it overlaps a
 * line of it, and stands clear, side by side, of each line it overlaps
 * (a few lines back at most: bounded on stacked lines). */
static int joins_band(const page *p, int i, int j)
{
    const prow *w = &p->rows[j];
    int any = 0;
    for (int k = j - 1; k >= i && k >= j - 8; k--) {
        const prow *a = &p->rows[k];
        if (a->y1 <= w->y0 + 0.05 * w->em)
            continue;
        if (!side_by_side(p, a, w))
            return 0;
        any = 1;
    }
    return any;
}

/* The gap from the glyphs of row a down to the glyphs of row b that
 * stand under them (overlapping them in x), or -1e18 when none does: a
 * line's figure set lower beside the line of its cell's next words is
 * not over them. */
static double gap_under(const page *p, const prow *a, const prow *b)
{
    size_t i = a->g0, j = b->g0, ie = a->g0 + a->n, je = b->g0 + b->n;
    double gap = 1e18;
    while (i < ie && j < je) {
        const pdf_glyph *x = G(p, i), *y = G(p, j);
        if (x->x1 > y->x0 && y->x1 > x->x0)
            gap = fmin(gap, y->y0 - x->y1);
        if (x->x1 < y->x1)
            i++;
        else
            j++;
    }
    return gap < 1e18 ? gap : -1e18;
}

double pdf_band_inner_gap(const page *p, int i, int j)
{
    double inner = 0;
    for (int r = i + 1; r < j; r++) {
        const prow *w = &p->rows[r];
        for (int k = r - 1; k >= i && k >= r - 8; k--) {
            double gap = gap_under(p, &p->rows[k], w);
            if (gap >= 0) {
                inner = fmax(inner, gap);
                break;
            }
        }
    }
    return inner;
}

/* Whether one-cell row o, just above (up) or below the band of rows
 * [i, j), is a line of a cell of it: the nearest line of the band in its
 * column stands no farther from it than the band's own lines of one
 * column do (a tall cell's first or last line, beyond the lines the
 * cells beside it overlap). */
static int is_band_line(const page *p, int o, int i, int j, double inner, int up)
{
    const prow *w = &p->rows[o];
    if (w->ncells != 1 || inner <= 0)
        return 0;
    for (int n = 0; n < 8 && n < j - i; n++) {
        const prow *a = &p->rows[up ? i + n : j - 1 - n];
        if (a->x0 < w->x1 && w->x0 < a->x1) {
            double gap = up ? a->y0 - w->y1 : w->y0 - a->y1;
            return gap >= 0 && gap <= inner + 0.1 * w->em;
        }
    }
    return 0;
}

/* Whether the band of rows [i, j) stands apart from the lines above and
 * below it by more than its cells' own lines stand apart (1.8 times the
 * widest gap between two lines of one column in it, as rows stand from
 * wrapped lines): a row's cells, not a label spanning two rows. */
static int band_stands_apart(const page *p, int i, int j)
{
    double inner = pdf_band_inner_gap(p, i, j), bottom = -1e18;
    for (int r = i; r < j; r++)
        bottom = fmax(bottom, p->rows[r].y1);
    double above = i > 0 ? p->rows[i].y0 - p->rows[i - 1].y1 : 1e18;
    double below = j < p->nrows ? p->rows[j].y0 - bottom : 1e18;
    return fmin(above, below) > 1.8 * inner && fmin(above, below) > 0;
}

/*
 * Lines that overlap one another, each clear of the others side by side,
 * make a band: a cell centred beside a wrapped one stands half a line
 * between its lines, which may overlap when the line pitch is under the
 * glyph height (two rows that overlap share columns: no band).  A band of
 * two lines or more whose words stand in runs apart by more than the text
 * height holds that many cells side by side ("洪山政务小程序" / "6.00" /
 * "运行维护": a name wrapped beside its figure).  Returns YS_OK or
 * YS_ENOMEM.
 */
int pdf_count_band_cells(page *p)
{
    xspan *v = malloc(sizeof *v * (p->g->n ? p->g->n : 1));
    if (!v)
        return YS_ENOMEM;
    for (int i = 0, done = 0; i < p->nrows;) {
        int j = i + 1;
        while (j < p->nrows && joins_band(p, i, j))
            j++;
        if (j - i >= 2) {   /* a tall cell's lines beyond the overlaps */
            double inner = pdf_band_inner_gap(p, i, j);
            while (i > done && is_band_line(p, i - 1, i, j, inner, 1))
                i--;
            while (j < p->nrows && is_band_line(p, j, i, j, inner, 0))
                j++;
        }
        int cells = j - i >= 2 && band_stands_apart(p, i, j);
        int runs = cells ? band_runs(p, i, j, v, 1.0, 0) : 1;
        int row = runs >= 2 || (cells && band_runs(p, i, j, v, 0.5, 5.0) >= 2);
        for (int r = i; r < j; r++) {
            p->rows[r].bandcells = runs;
            p->rows[r].bandrow = row;
            p->rows[r].oband = i;
        }
        if (j - i >= 2)
            done = j;       /* lines of one-line bands may still join the next */
        i = j;
    }
    free(v);
    return YS_OK;
}
