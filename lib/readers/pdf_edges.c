/*
 * readers/pdf_edges.c — owns where a table's cells end on a PDF page, as
 * their lines show it: whether a line stands within the first cell of a
 * row (short of where the row's next cell starts), and whether a cell's
 * last line reaches the edge its column's text wraps at.  Asked by
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
