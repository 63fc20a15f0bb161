/*
 * readers/pdf_edges.c — owns where a table's cells end on a PDF page, as
 * their lines show it: whether a line stands within the first cell of a
 * row (short of where the row's next cell starts), and whether a text
 * cell's line reaches the edge its column's text wraps at.  Asked by
 * pdf_rows.c (a narrow cell's wrapped line under a row of narrow cells)
 * and pdf_block.c (a one-line row at a page's foot cut by the break).
 * Promise: reads the page only; never fails.
 */
#include <math.h>

#include "pdf_page.h"

double pdf_first_cell_end(const page *p, const prow *b)
{
    if (b->fragment)
        return b->strip;
    for (size_t k = b->g0 + 1; k < b->g0 + b->n; k++)
        if (G(p, k)->x0 - G(p, k - 1)->x1 > 0.5 * b->em)   /* the next cell */
            return G(p, k)->x0;
    return 0;
}

int pdf_within_first_cell(const page *p, const prow *w, const prow *b)
{
    double end = pdf_first_cell_end(p, b);
    return fabs(w->x0 - b->x0) < 0.1 * w->em && end > 0 && end - w->x1 > 0.5 * w->em;
}

/* Whether glyph a is a Chinese character or full-width sign: text, not a
 * figure's. */
static int is_wide_glyph(const pdf_glyph *a) { return a->len >= 3; }

int pdf_fills_column(const page *p, int r0, int r, const pdf_col *c, int nc)
{
    double edge[PDF_MAX_COLS], last[PDF_MAX_COLS];
    if (nc <= 0 || nc > PDF_MAX_COLS || r <= r0)
        return 0;
    for (int i = 0; i < nc; i++)
        edge[i] = last[i] = -1e18;
    for (int q = r0; q <= r; q++)
        for (size_t k = p->rows[q].g0; k < p->rows[q].g0 + p->rows[q].n; k++) {
            const pdf_glyph *a = G(p, k);
            int i = pdf_column_of(c, nc, a);
            if (a->x1 > c[i].x1 + 0.25 * p->rows[q].em)
                continue;   /* a text running past its column */
            if (q < r)
                edge[i] = fmax(edge[i], a->x1);
            else if (is_wide_glyph(a))
                last[i] = fmax(last[i], a->x1);
        }
    for (int i = 0; i < nc; i++)
        if (last[i] > -1e18 && fabs(last[i] - edge[i]) <= 0.25 * p->rows[r].em)
            return 1;
    return 0;
}
