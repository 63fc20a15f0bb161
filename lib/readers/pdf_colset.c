/*
 * readers/pdf_colset.c — owns the columns of a table block of a PDF page:
 * where the characters of its rows with figures stand, header words beside
 * them, a header's words as pdf_header.c marks them, or the columns of the
 * same table on the page before (pdf_carry.c hands them on); a header
 * ending that page adds the columns its rows leave empty, and a header
 * going on at this page's top its own.  Split from pdf_block.c, which asks
 * it (pdf_top_columns, pdf_block_columns) and cuts the block's lines into
 * what it returns.
 * Promise: reads the page only (marks the rows' colsrc as pdf_block.c set
 * them); nothing fails but allocation.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_page.h"

#define MAX_COLS PDF_MAX_COLS
#define GRID PDF_GRID
#define MAX_GRID 40000

typedef pdf_col col;

typedef struct xrun { double x0, x1; } xrun;

static int by_span_x0(const void *a, const void *b)
{
    double x = ((const xrun *)a)->x0, y = ((const xrun *)b)->x0;
    return x < y ? -1 : x > y;
}

/* Mark in wide where the words of rows [b, e), side by side, leave a gap
 * wider than `share` of the text height.  Returns -1 on allocation
 * failure. */
static int mark_side_gaps(page *p, int b, int e, double share, unsigned char *wide, int nv,
                          double base)
{
    size_t n = 0;
    for (int r = b; r < e; r++)
        n += p->rows[r].n;
    xrun *v = malloc(sizeof *v * n);
    if (!v)
        return -1;
    size_t m = 0;
    double em = 0;
    for (int r = b; r < e; r++) {
        const prow *w = &p->rows[r];
        em = fmax(em, w->em);
        for (size_t k = w->g0; k < w->g0 + w->n; k++)
            v[m++] = (xrun){G(p, k)->x0, G(p, k)->x1};
    }
    qsort(v, m, sizeof *v, by_span_x0);
    double reach = v[0].x1;
    for (size_t i = 1; i < m; i++) {
        if (v[i].x0 - reach > share * em)
            pdf_mark(wide, nv, reach, v[i].x0, base);
        reach = fmax(reach, v[i].x1);
    }
    free(v);
    return 0;
}

/* A band of lines holding a figure (a label wrapped beside the row's
 * figures, "收入构/成" left of "财政拨款 2,877.94") parts its cells where
 * the words of all its lines, side by side, leave a gap wider than half
 * the text height: lines of one cell overlap, lines of two cells do not.
 * So does a header's band of cells side by side (pdf_band.c), where the
 * gap is wider than the text height: a label wrapped in its narrow cell
 * ("一级" over "指标") beside one centred on it ("二级指标"), no line of
 * them showing the gap.  Marks those gaps in wide; returns -1 on
 * allocation failure. */
static int mark_band_gaps(page *p, int r0, int r1, int header, unsigned char *wide, int nv,
                          double base)
{
    for (int b = r0; b < r1;) {
        int e = b + 1;
        if (header) {
            while (e < r1 && p->rows[e].oband == p->rows[b].oband)
                e++;
        } else {
            while (e < r1 && p->rows[e].band == p->rows[b].band)
                e++;
        }
        int side = header ? p->rows[b].bandcells >= 2 : p->rows[b].colsrc;
        if (e - b >= 2 && side && mark_side_gaps(p, b, e, header ? 1.0 : 0.5, wide, nv, base) < 0)
            return -1;
        b = e;
    }
    return 0;
}

/*
 * Columns of block rows [r0, r1): the runs of positions covered by the
 * characters of rows with figures.  Two runs merge when the space between
 * them is narrow and no row of the block has a cell gap there (then it is
 * a space between words of one cell), or when it is narrower than any
 * gap between two cells of a line and no line has a cell gap from one
 * run to the other (join_runs).
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
    unsigned char *occ = calloc((size_t)nv, 2), *wide = occ + nv;
    if (!occ)
        return -1;
    for (int r = r0; r < r1 && figures; r++) {
        prow *w = &p->rows[r];
        for (size_t k = w->g0; k < w->g0 + w->n && w->colsrc; k++)
            pdf_mark(occ, nv, G(p, k)->x0, G(p, k)->x1, base);
    }
    if ((!figures && pdf_mark_header_words(p, r0, r1, occ, nv, base) < 0) ||
        mark_band_gaps(p, r0, r1, !figures, wide, nv, base) < 0) {
        free(occ);
        return -1;
    }
    int nc = pdf_join_runs(p, r0, r1, occ, wide, nv, em, base, c);
    if (figures && nc > 0)
        nc = pdf_add_text_columns(p, r0, r1, c, nc, occ, nv, base);
    free(occ);
    return nc;
}

/* A block opening the page within the span of the columns of the table
 * ending the page before (its rows up to a paragraph across the table)
 * goes on with that table: it takes its columns when its own rows show
 * fewer (a few rows alone may not show where they part).  Returns their
 * number, or 0. */
int pdf_top_columns(page *p, int r0, int r1, col *c)
{
    if (!p->ntop || p->started)
        return 0;
    double x0 = p->top[0].x0, x1 = p->top[0].x1;
    for (int i = 1; i < p->ntop; i++) {
        x0 = fmin(x0, p->top[i].x0);
        x1 = fmax(x1, p->top[i].x1);
    }
    for (int r = r0; r < r1; r++) {     /* a label may be longer than those above */
        const prow *w = &p->rows[r];
        if (r > r0 && w->ncells == 1 && w->x1 - w->x0 > x1 - x0)
            break;      /* a paragraph across the table: the table ends above it */
        if (w->x0 < x0 - w->em || w->x1 > x1 + w->em)
            return 0;
    }
    memcpy(c, p->top, sizeof *c * (size_t)p->ntop);
    return p->ntop;
}

/* A table's header ending the page before gives the columns its rows
 * here hold no text in (项目单位 left empty on this page): the block's own
 * columns, and each header column none of them overlaps, into c (which
 * holds the nc header columns).  Returns their number, sorted by x. */
static int add_header_columns(const col *own, int nown, col *c, int nc)
{
    col all[MAX_COLS];
    memcpy(all, own, sizeof *own * (size_t)nown);
    int n = nown;
    for (int i = 0; i < nc && n < MAX_COLS; i++)
        if (!pdf_overlaps_column(own, nown, c[i].x0, c[i].x1))
            all[n++] = c[i];
    qsort(all, (size_t)n, sizeof *all, pdf_col_by_x0);
    memcpy(c, all, sizeof *all * (size_t)n);
    return n;
}

/* The header going on at the page's top, above the block's first row of
 * figures, shows columns of its own that neither its part on the page
 * before nor the rows here show (its last line "前年 上年" under
 * "近两年指标值", both cells empty in every row): its words' columns
 * that overlap none of c's are added to c (nc columns, sorted by x).
 * Returns their number, or -1 when out of memory. */
static int add_top_header_columns(page *p, int r0, int r1, col *c, int nc)
{
    int rh = r0;
    while (rh < r1 && !p->rows[rh].colsrc)
        rh++;
    if (rh == r0 || rh == r1)
        return nc;
    col head[MAX_COLS];
    int nh = block_columns(p, r0, rh, head);
    if (nh < 0)
        return -1;
    for (int i = 0; i < nh && nc < MAX_COLS; i++)
        if (!pdf_overlaps_column(c, nc, head[i].x0, head[i].x1))
            c[nc++] = head[i];
    qsort(c, (size_t)nc, sizeof *c, pdf_col_by_x0);
    return nc;
}

int pdf_block_columns(page *p, int r0, int r1, col *c, int nc, int *from_header)
{
    col own[MAX_COLS];
    int nown = block_columns(p, r0, r1, own);
    *from_header = nc > 0 && p->top_header && nown > 0;
    if (*from_header)
        return add_top_header_columns(p, r0, r1, c,
                                      pdf_add_sibling_columns(p, r0, r1, c, add_header_columns(own, nown, c, nc)));
    if (nown > nc || nown < 0) {    /* the page shows its columns itself */
        memcpy(c, own, sizeof *c * (size_t)(nown > 0 ? nown : 0));
        return nown;
    }
    pdf_widen_carried_columns(p, r0, r1, c, nc, own, nown);
    return nc;
}
