/*
 * readers/pdf_textcols.c — owns the columns of a table block that no
 * figure stands in: where the words of its other lines (a header, wrapped
 * labels) stand beside or between the columns its figures show.  Split
 * from pdf_block.c, which asks it.
 * Promise: reads the page only; nothing fails.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_page.h"

/* The word of row w from glyph k: its glyphs up to a gap over half the
 * text height; returns its end. */
static size_t word_end(page *p, const prow *w, size_t k)
{
    size_t e = k + 1;
    while (e < w->g0 + w->n && G(p, e)->x0 - G(p, e - 1)->x1 <= 0.5 * w->em)
        e++;
    return e;
}

/* Whether column k of the block rows [r0, r1) holds text set from its
 * cell's left edge: its lines (the block's glyphs in it, line by line),
 * two or more, all start at one x and end at more than one.  (Figures set
 * from the right, or all alike, may have their cell's label left of
 * them.) */
static int set_from_left(page *p, int r0, int r1, const pdf_col *k)
{
    double start = 0, lo = 1e18, hi = -1e18;
    int lines = 0;
    for (int r = r0; r < r1; r++) {
        const prow *w = &p->rows[r];
        double a = 1e18, b = -1e18;
        for (size_t g = w->g0; g < w->g0 + w->n; g++) {
            double mid = (G(p, g)->x0 + G(p, g)->x1) / 2;
            if (mid >= k->x0 && mid <= k->x1) {
                a = fmin(a, G(p, g)->x0);
                b = fmax(b, G(p, g)->x1);
            }
        }
        if (a > b)
            continue;
        if (lines++ == 0)
            start = a;
        else if (fabs(a - start) > 1.0)
            return 0;
        lo = fmin(lo, b);
        hi = fmax(hi, b);
    }
    return lines >= 2 && hi - lo > 1.0;
}

/* Whether the first column of c (nc, sorted) right of x stands more than
 * a text height from it and holds text set from its cell's left edge:
 * then nothing at x is in its cell.  left[] caches set_from_left per
 * column (-1: not known yet), so that a page costs one pass a column. */
static int opens_cell_after(page *p, int r0, int r1, const pdf_col *c, int nc, double x,
                            double em, signed char *left)
{
    int k = 0;
    while (k < nc && c[k].x0 < x)
        k++;
    if (k == nc || c[k].x0 - x <= em)
        return 0;
    if (left[k] < 0)
        left[k] = (signed char)set_from_left(p, r0, r1, &c[k]);
    return left[k];
}

/* A word of a line beside a text column just found (c[n0, nc)), parted
 * from that column's word by a cell gap and standing in no column, is a
 * column of its own: one line's two cells never share one ("上年", one
 * line, beside "前年" under "近两年指标值").  Returns the new number of
 * columns (unsorted). */
static int add_sibling_columns(page *p, int r0, int r1, pdf_col *c, int n0, int nc)
{
    int n1 = nc;
    for (int r = r0; r < r1 && nc < PDF_MAX_COLS; r++) {
        prow *w = &p->rows[r];
        if (w->colsrc)
            continue;
        for (size_t k = w->g0, e; k < w->g0 + w->n && nc < PDF_MAX_COLS; k = e) {
            e = word_end(p, w, k);
            if (e == w->g0 + w->n || G(p, e)->x0 - G(p, e - 1)->x1 <= w->em)
                continue;
            size_t f = word_end(p, w, e);
            double ax0 = G(p, k)->x0, ax1 = G(p, e - 1)->x1;
            double bx0 = G(p, e)->x0, bx1 = G(p, f - 1)->x1;
            int a_new = pdf_overlaps_column(c + n0, n1 - n0, ax0, ax1);
            int b_new = pdf_overlaps_column(c + n0, n1 - n0, bx0, bx1);
            if (a_new && !pdf_overlaps_column(c, nc, bx0, bx1))
                c[nc++] = (pdf_col){bx0, bx1};
            else if (b_new && !pdf_overlaps_column(c, nc, ax0, ax1))
                c[nc++] = (pdf_col){ax0, ax1};
        }
    }
    return nc;
}

/* The index of the column of c (nc) that [x0, x1) overlaps, or -1. */
static int overlapped_column(const pdf_col *c, int nc, double x0, double x1)
{
    for (int i = 0; i < nc; i++)
        if (x1 > c[i].x0 && x0 < c[i].x1)
            return i;
    return -1;
}

/* Whether column k holds text, no figure, on the block's rows of figures,
 * set from where x stands (within a point): a label column set from its
 * cells' left edge, as the header's word at x. */
static int text_column_at(page *p, int r0, int r1, const pdf_col *k, double x)
{
    int any = 0;
    for (int r = r0; r < r1; r++) {
        const prow *w = &p->rows[r];
        const pdf_glyph *first = NULL;
        for (size_t g = w->g0; w->colsrc && g < w->g0 + w->n; g++) {
            const pdf_glyph *a = G(p, g);
            double mid = (a->x0 + a->x1) / 2;
            if (mid < k->x0 || mid > k->x1)
                continue;
            if (is_figure_glyph(p, a))
                return 0;
            first = first ? first : a;
        }
        if (first && fabs(first->x0 - x) > 1.0)
            return 0;
        any |= first != NULL;
    }
    return any;
}

/* The first word of row w from glyph k for add_outer_columns: as
 * word_end, but two CJK glyphs over a quarter of the text height apart
 * part it too (a cell sets its CJK text touching; narrow cells padded
 * close stand their labels 7 pt apart, under half of a 15.6 pt line:
 * "单位编码" beside "单位名称"). */
static size_t cell_word_end(page *p, const prow *w, size_t k)
{
    size_t e = k + 1;
    for (; e < w->g0 + w->n; e++) {
        const pdf_glyph *a = G(p, e - 1), *b = G(p, e);
        double gap = b->x0 - a->x1;
        if (gap > 0.5 * w->em || (a->len >= 3 && b->len >= 3 && gap > 0.25 * w->em))
            break;
    }
    return e;
}

/* A header's word left of every column of c, parted by a cell gap from
 * the word beside it on its line, which starts where the text of its
 * column's rows of figures starts (a label column set from its cells'
 * left edge), is a column of its own: nothing left of that edge is in
 * that column's cells ("科目编码" beside "科目名称" over a total row's
 * "合计", the codes on the next page).  A word beside a column of figures
 * may be their label, centred over them.  Returns the new number of
 * columns (unsorted). */
static int add_outer_columns(page *p, int r0, int r1, pdf_col *c, int nc)
{
    int n1 = nc;
    double left = c[0].x0;
    for (int i = 1; i < n1; i++)
        left = fmin(left, c[i].x0);
    for (int r = r0; r < r1 && nc < PDF_MAX_COLS; r++) {
        prow *w = &p->rows[r];
        size_t e = cell_word_end(p, w, w->g0);
        if (w->colsrc || e == w->g0 + w->n || G(p, e - 1)->x1 >= left)
            continue;
        double ax0 = G(p, w->g0)->x0, ax1 = G(p, e - 1)->x1;
        double bx0 = G(p, e)->x0;
        int b = overlapped_column(c, n1, bx0, G(p, word_end(p, w, e) - 1)->x1);
        if (b >= 0 && !pdf_overlaps_column(c, nc, ax0, ax1) && text_column_at(p, r0, r1, &c[b], bx0))
            c[nc++] = (pdf_col){ax0, ax1};
    }
    return nc;
}

/*
 * Columns no figure stands in (a header over the columns beside the
 * figures that are empty in every row: "事业单位经营支出", "上缴上级支出",
 * or a code column whose codes are on the next page): the words of the
 * block's other rows right or left of every figure column, or between two
 * of them before a column set from its cells' left edge ("前年" and "上年"
 * of table 11, whose rows fill the current year only), each run of them
 * apart from the next by more than half the text height, where the words
 * of two lines or more stand (a header wrapped in its narrow cell; a lone
 * "单位：元" is no column), and the words beside those on their lines
 * (add_sibling_columns), and a header's word left of them all beside
 * a column of text (add_outer_columns).  occ (nv cells from base) is scratch.
 */
int pdf_add_text_columns(page *p, int r0, int r1, pdf_col *c, int nc, unsigned char *occ,
                         int nv, double base)
{
    memset(occ, 0, (size_t)nv);
    double left = c[0].x0, right = c[0].x1;
    for (int i = 1; i < nc; i++) {
        left = fmin(left, c[i].x0);
        right = fmax(right, c[i].x1);
    }
    int any = 0;
    double em = 0;
    signed char from_left[PDF_MAX_COLS];
    memset(from_left, -1, sizeof from_left);
    for (int r = r0; r < r1; r++) {
        prow *w = &p->rows[r];
        if (w->colsrc)
            continue;
        em = fmax(em, w->em);
        for (size_t k = w->g0, e; k < w->g0 + w->n; k = e) {
            e = word_end(p, w, k);
            double x0 = G(p, k)->x0, x1 = G(p, e - 1)->x1;
            int inner = x0 <= right && x1 >= left;
            if (!pdf_overlaps_column(c, nc, x0, x1) &&
                (!inner || opens_cell_after(p, r0, r1, c, nc, x1, w->em, from_left))) {
                pdf_mark_by(occ, nv, x0, x1, base, 1);   /* counts the lines */
                any = 1;
            }
        }
    }
    int n0 = nc;
    for (int i = 0; any && i < nv && nc < PDF_MAX_COLS;) {
        if (!occ[i]) {
            i++;
            continue;
        }
        int lines, next;
        int j = pdf_text_column(occ, nv, i, 0.5 * em / PDF_GRID, &lines, &next);
        if (lines >= 2)
            c[nc++] = (pdf_col){base + i * PDF_GRID, base + j * PDF_GRID};
        i = next;
    }
    if (nc > n0)
        nc = add_sibling_columns(p, r0, r1, c, n0, nc);
    nc = add_outer_columns(p, r0, r1, c, nc);
    if (nc > n0)
        qsort(c, (size_t)nc, sizeof *c, pdf_col_by_x0);
    return nc;
}

int pdf_add_sibling_columns(page *p, int r0, int r1, pdf_col *c, int nc)
{
    int n = add_sibling_columns(p, r0, r1, c, 0, nc);
    if (n > nc)
        qsort(c, (size_t)n, sizeof *c, pdf_col_by_x0);
    return n;
}
