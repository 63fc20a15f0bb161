/*
 * readers/pdf_header.c — owns the columns of a table header block (lines
 * with no figure) of a PDF page: where its words stand, but for a label
 * spanning sub-columns (the gaps between them, shown by the lines below,
 * stay gaps).  Split from pdf_block.c, which asks it.
 * Promise: reads the page only; nothing fails but allocation.
 */
#include <math.h>
#include <stdlib.h>

#include "pdf_page.h"

/* Keep in v[k] the least row r marking [x0, x1) (PDF_GRID cells from base). */
static void mark_first_row(int *v, int nv, double x0, double x1, double base, int r)
{
    double fa = floor((x0 - base) / PDF_GRID), fb = ceil((x1 - base) / PDF_GRID);
    int a = fa < 0 ? 0 : fa > nv ? nv : (int)fa;
    int b = fb < 0 ? 0 : fb > nv ? nv : (int)fb;
    for (int k = a; k < b; k++)
        if (v[k] < 0)
            v[k] = r;
}

/* Whether the word [x0, x1) of row r spans a cell gap that two lines or
 * more, all below it, show, one of them within the word (end[k]: the
 * nearest end of a gap starting at k, shown by line row[k]): a label
 * over sub-columns.  A word beside gaps that go on past it (empty cells
 * of the lines below: "项目名" over the gaps "项目编码"-"合计" and
 * "称"-"位") spans none. */
static int spans_gap_below(const int *first, const unsigned char *gaps, const int *end,
                           const int *row, int nv, double x0, double x1, double base, int r)
{
    double fa = ceil((x0 - base) / PDF_GRID), fb = floor((x1 - base) / PDF_GRID);
    int a = fa < 0 ? 0 : fa > nv ? nv : (int)fa;
    int b = fb < 0 ? 0 : fb > nv ? nv : (int)fb;
    int two = 0, within = 0;
    for (int k = a; k < b && !(two && within); k++) {
        two |= gaps[k] >= 2 && first[k] > r;
        within |= end[k] <= b && row[k] > r;
    }
    return two && within;
}

/* Keep in end[] the nearest end of a gap [x0, x1) starting at its cell,
 * and in row[] the line r showing it. */
static void mark_gap_end(int *end, int *row, int nv, double x0, double x1, double base, int r)
{
    double fa = floor((x0 - base) / PDF_GRID), fb = ceil((x1 - base) / PDF_GRID);
    int a = fa < 0 ? 0 : fa >= nv ? nv - 1 : (int)fa;
    int b = fb < 0 ? 0 : fb > nv ? nv : (int)fb;
    if (a >= 0 && b < end[a]) {
        end[a] = b;
        row[a] = r;
    }
}

/*
 * Columns of a header block (no figures): where its words stand, but for
 * a label spanning sub-columns ("财政拨款结转结余" over three one
 * character wide): the gaps between them, which the lines below show,
 * stay gaps, and the label goes to the first column it overlaps
 * (column_of_run), where a grid puts a spanning cell.  Marks occ;
 * returns 0, or -1 on allocation failure.
 */
int pdf_mark_header_words(page *p, int r0, int r1, unsigned char *occ, int nv, double base)
{
    int *first = malloc(sizeof *first * (size_t)nv * 3);
    unsigned char *gaps = calloc((size_t)nv, 1);
    if (!first || !gaps) {
        free(first);
        free(gaps);
        return -1;
    }
    int *end = first + nv, *row = first + 2 * nv;
    for (int i = 0; i < nv; i++) {
        first[i] = row[i] = -1;
        end[i] = nv + 1;
    }
    for (int r = r0; r < r1; r++) {
        prow *w = &p->rows[r];
        for (size_t k = w->g0 + 1; k < w->g0 + w->n; k++)
            if (pdf_is_cell_gap(p, w, k)) {
                mark_first_row(first, nv, G(p, k - 1)->x1, G(p, k)->x0, base, r);
                pdf_mark_by(gaps, nv, G(p, k - 1)->x1, G(p, k)->x0, base, 1);
                mark_gap_end(end, row, nv, G(p, k - 1)->x1, G(p, k)->x0, base, r);
            }
    }
    for (int r = r0; r < r1; r++) {
        prow *w = &p->rows[r];
        for (size_t k = w->g0; k < w->g0 + w->n;) {
            size_t e = k + 1;
            while (e < w->g0 + w->n && !pdf_is_cell_gap(p, w, e))
                e++;
            double x0 = G(p, k)->x0, x1 = G(p, e - 1)->x1;
            if (!spans_gap_below(first, gaps, end, row, nv, x0, x1, base, r))
                for (size_t g = k; g < e; g++)
                    pdf_mark(occ, nv, G(p, g)->x0, G(p, g)->x1, base);
            k = e;
        }
    }
    free(first);
    free(gaps);
    return 0;
}

/* The most lines of occ[a, b). */
static int most_lines(const unsigned char *occ, int a, int b)
{
    int m = 0;
    for (int k = a; k < b; k++)
        m = occ[k] > m ? occ[k] : m;
    return m;
}

/*
 * The run of marked cells from i, but for a stretch one line alone
 * covers, wider than min_gap cells, between parts two lines or more
 * cover each: a label over sub-columns ("上年结转结余" over "小计" and
 * "一般公共预算", each wrapped in its narrow cell).  The run parts where
 * the next part starts: the stretch goes to the column on its left, so
 * that a label set from the left falls in the first sub-column, as a
 * spanning cell does in a grid.
 */
int pdf_text_column(const unsigned char *occ, int nv, int i, double min_gap, int *lines,
                    int *next)
{
    int end = i;
    while (end < nv && occ[end])
        end++;
    for (int s = i; s < end; s++) {
        if (occ[s] != 1)
            continue;
        int t = s;
        while (t < end && occ[t] == 1)
            t++;
        if (t - s > min_gap && most_lines(occ, i, s) >= 2 && most_lines(occ, t, end) >= 2) {
            *lines = most_lines(occ, i, s);
            *next = t;
            return t;
        }
        s = t;
    }
    *lines = most_lines(occ, i, end);
    *next = end;
    return end;
}
