/*
 * readers/pdf_foot.c — owns whether a table's last row on a page was cut by
 * the page break when no figure of it shows so: office software sets the
 * cells of a row in its middle (a one-line value beside a three-line name
 * stands level with the name's middle line), but lays the part of a row
 * that a page break cuts from its top, its short cells level with its
 * first line ("99%" beside "群众对行" of a name whose "度" opens the next
 * page).  A block whose other rows stand centred and whose last row stands
 * from its top ends in a cut row, whose text may go on at the next page's
 * top (pdf_carry.c).  A cell is its words as the row's cells are cut
 * (pdf_glyph_column): a wide cell's lines running past the column its
 * header's words give are still that column's, not set high in the next
 * ("局（武汉市洪山区政务" beside a four-line label).  A row with a cell
 * below its middle is not laid from its top: a header's sub-labels
 * ("前年", "上年") under the label spanning them ("指标值").  And where
 * the pages' text ends: a row whose text stops a line or more above the
 * lowest a table reached on a page was not cut, whatever its setting (a
 * two-line label beside its figures, the next row's label at the next
 * page's top).
 * Promise: reads the page only (records the pages' foot in its carry);
 * never fails.
 */
#include <math.h>

#include "pdf_page.h"

int pdf_row_setting(const page *p, int a, int b, const pdf_col *c, int nc)
{
    double top[PDF_MAX_COLS], foot[PDF_MAX_COLS], em = 0, y0 = 1e18, y1 = -1e18;
    if (nc <= 0 || nc > PDF_MAX_COLS || b <= a)
        return 0;
    for (int i = 0; i < nc; i++) {
        top[i] = 1e18;
        foot[i] = -1e18;
    }
    for (int r = a; r < b; r++) {
        const prow *w = &p->rows[r];
        em = fmax(em, w->em);
        pdf_word at = {w->g0, 0};
        for (size_t k = w->g0; k < w->g0 + w->n; k++) {
            const pdf_glyph *g = G(p, k);
            int i = pdf_glyph_column(p, w, k, c, nc, &at);
            top[i] = fmin(top[i], g->y0);
            foot[i] = fmax(foot[i], g->y1);
            y0 = fmin(y0, g->y0);
            y1 = fmax(y1, g->y1);
        }
    }
    int centred = 0, high = 0, low = 0;
    double mid = (y0 + y1) / 2;
    for (int i = 0; i < nc; i++) {
        if (top[i] > foot[i] || foot[i] - top[i] > y1 - y0 - 0.8 * em)
            continue;   /* empty, or as tall as the row: says nothing */
        double m = (top[i] + foot[i]) / 2;
        if (fabs(m - mid) <= 0.25 * em)
            centred = 1;
        else if (m < mid - 0.5 * em)
            high = 1;
        else if (m > mid + 0.5 * em)
            low = 1;
    }
    return high && !low ? -1 : centred;
}

int pdf_ends_above_foot(page *p, int a, int b, const pdf_col *c, int nc)
{
    if (!p->carry || b <= a)
        return 0;
    double bottom = -1e18;
    for (int r = a; r < b; r++)
        bottom = fmax(bottom, p->rows[r].y1);
    double deepest = p->carry->deepest;
    p->carry->deepest = fmax(deepest, bottom);
    /* a wrapped line stands a little over the text height below the last;
     * a row the break cut is laid from its top, not centred */
    return deepest - bottom > 1.25 * p->rows[b - 1].em && pdf_row_setting(p, a, b, c, nc) > 0;
}
