/*
 * readers/pdf_runs.c — owns which runs of a table block's occupancy (the
 * positions its characters cover, marked by pdf_block.c) stand in one
 * column: the cell gaps its lines show, and which of them say where two
 * cells part.  Split from pdf_block.c, which asks it.
 * Promise: reads the page only; nothing fails but allocation.
 */
#include <math.h>
#include <stdlib.h>

#include "pdf_page.h"

/* Whether a whole run of marked cells of occ stands strictly inside
 * [x0, x1). */
static int holds_run(const unsigned char *occ, int nv, double x0, double x1, double base)
{
    double fa = floor((x0 - base) / PDF_GRID) + 1, fb = ceil((x1 - base) / PDF_GRID) - 1;
    int a = fa < 1 ? 1 : fa > nv ? nv : (int)fa;   /* clamp before converting */
    int b = fb < 0 ? 0 : fb > nv ? nv : (int)fb;
    for (int k = a; k < b; k++) {
        if (!occ[k] || occ[k - 1])
            continue;
        while (k < b && occ[k])
            k++;
        if (k < b)
            return 1;
    }
    return 0;
}

/* Mark in wide the cell gaps of block rows [r0, r1), and in tight those
 * no whole run of occ stands in: a line's gap from one run to the next
 * shows where two cells part; a gap running on over the next run (a
 * cell's short last line "元" under "< 600 万" wrapped above it, then
 * the rest of that column empty) parts its line's cells somewhere in it,
 * not at the space beside its first glyph. */
static void mark_cell_gaps(page *p, int r0, int r1, const unsigned char *occ,
                           unsigned char *wide, unsigned char *tight, int nv, double base)
{
    for (int r = r0; r < r1; r++) {
        prow *w = &p->rows[r];
        for (size_t k = w->g0 + 1; k < w->g0 + w->n; k++) {
            double x0 = G(p, k - 1)->x1, x1 = G(p, k)->x0;
            if (!pdf_is_cell_gap(p, w, k))
                continue;
            pdf_mark(wide, nv, x0, x1, base);
            if (!holds_run(occ, nv, x0, x1, base))
                pdf_mark(tight, nv, x0, x1, base);
        }
    }
}

/* The columns the runs of occ make into c (PDF_MAX_COLS at most; returns
 * their number): a space between two runs narrower than 1.5 text heights
 * joins them unless a cell gap of a line stands in it (wide), one
 * narrower than a fifth of the text height (the least gap that parts two
 * figures on a line, pdf_is_cell_gap) unless a line shows a cell gap
 * from one run to the other there (tight). */
static int join_runs(const unsigned char *occ, const unsigned char *wide,
                     const unsigned char *tight, int nv, double em, double base, pdf_col *c)
{
    int nc = 0;
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
            double gap = (g - j) * PDF_GRID;
            const unsigned char *parts = gap < 0.2 * em ? tight : wide;
            if (g < nv && gap < 1.5 * em && !parts[(j + g) / 2])
                j = g;
            else
                break;
        }
        if (nc < PDF_MAX_COLS)
            c[nc++] = (pdf_col){base + i * PDF_GRID, base + j * PDF_GRID};
        i = j;
    }
    return nc;
}

int pdf_join_runs(page *p, int r0, int r1, const unsigned char *occ, unsigned char *wide,
                  int nv, double em, double base, pdf_col *c)
{
    unsigned char *tight = calloc((size_t)nv, 1);
    if (!tight)
        return -1;
    mark_cell_gaps(p, r0, r1, occ, wide, tight, nv, base);
    int nc = join_runs(occ, wide, tight, nv, em, base, c);
    free(tight);
    return nc;
}
