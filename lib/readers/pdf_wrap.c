/*
 * readers/pdf_wrap.c — owns the evidence that a table block's cells wrap
 * (a figure cut short, a stack of short lines in one cell) and the gap
 * below which two visual lines of a block are one logical row; split from
 * pdf_block.c, which asks it.
 * Promise: reads the page only; nothing fails but allocation (then no
 * threshold: every line a row of its own).
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_page.h"

/* Whether glyphs k-1 and k of row w stand in different cells: a gap wider
 * than the text height, two CJK glyphs or a label and a figure apart as
 * cells stand, or two figures apart (a cell never holds two figures side
 * by side, and cells with padding may stand close). */
int pdf_is_cell_gap(page *p, const prow *w, size_t k)
{
    const pdf_glyph *a = G(p, k - 1), *b = G(p, k);
    double gap = b->x0 - a->x1;
    if (gap > w->em || is_cjk_gap(a, b, w->em) || is_label_figure_gap(p, a, b, w->em))
        return 1;
    return is_figure_glyph(p, a) && is_figure_glyph(p, b) && ((b->space_before && gap > 0) || gap > 0.2 * w->em);
}

/* The gap above each line r0 < r < r1 of the block: from the lowest
 * bottom of the lines above it (a cell centred beside a wrapped one
 * overlaps its lines, so the band they make is their union).
 * gap[r - r0]; gap[0] is unused. */
void pdf_band_gaps(const page *p, int r0, int r1, double *gap)
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
 * rows do (cell padding and borders lie between rows): the gaps between
 * lines that do not overlap split at their widest jump when it is wider
 * than half the text height and the gaps above it are nearly twice those
 * below (a page may show one wrapped cell, or one row gap, only).
 */
double pdf_wrap_threshold(const page *p, int r0, int r1, const double *gap)
{
    int m = r1 - r0 - 1, n = 0;
    if (m < 2)
        return -1e9;
    double *g = malloc(sizeof *g * (size_t)m), em = 0;
    if (!g)
        return -1e9;
    for (int i = 0; i < m; i++) {
        if (gap[i + 1] > 0)     /* lines that overlap are one band anyway */
            g[n++] = gap[i + 1];
        em += p->rows[r0 + i].em;
    }
    em /= m;
    qsort(g, (size_t)n, sizeof *g, by_double);
    int best = -1;
    double jump = 0;
    for (int i = 1; i < n; i++)
        if (g[i] - g[i - 1] > jump) {
            jump = g[i] - g[i - 1];
            best = i;
        }
    int clear = best > 0 && jump > 0.5 * em && g[best] >= 1.8 * g[best - 1];
    double t = clear ? (g[best] + g[best - 1]) / 2 : -1e9;
    free(g);
    return t;
}

/* A threshold joining every line of a block ending the page that holds
 * no figure, one line of labels side by side (three cells or more) and
 * each line under a quarter of a line's height below the one above
 * (touching, as one cell's wrapped lines do; rows stand their padding
 * apart): a header cut from its rows by the page
 * break, its labels wrapped ("指标值" / "确定依" in a narrow cell beside
 * one-line labels), with no row gap on the page to measure a threshold
 * against.  -1e9 when the block is no such lines. */
double pdf_cut_header_wrap(const page *p, int r0, int r1, const double *gap)
{
    double em = 0;
    int labels = 0;
    for (int r = r0; r < r1; r++) {
        if (p->rows[r].figure || (r > r0 && gap[r - r0] >= 0.25 * p->rows[r].em))
            return -1e9;
        em = fmax(em, p->rows[r].em);
        labels |= p->rows[r].ncells >= 3;
    }
    return r1 - r0 >= 2 && labels ? 0.25 * em : -1e9;
}

/* Whether figure token s[0..n) is cut short: it ends in , or has one
 * decimal ("2,877.9" before "4"), or ends in . after digit groups. */
static int is_open_token(const char *s, size_t n)
{
    size_t digits = 0;
    int grouped = 0;
    for (size_t i = 0; i < n; i++) {
        digits += is_digit_at(s + i);
        grouped |= s[i] == ',';
    }
    if (!digits || s[0] == '%' || s[n - 1] == '%' || s[n - 1] == '-')
        return 0;
    if (s[n - 1] == '.')        /* "2,877." is cut short, "1." numbers a line */
        return grouped;
    return s[n - 1] == ',' || (n >= 2 && s[n - 2] == '.');
}

/* Whether a figure of row w is cut short. */
static int row_has_open_figure(page *p, const prow *w)
{
    char tok[64];
    size_t n = 0;
    for (size_t k = w->g0; k <= w->g0 + w->n; k++) {
        int end = k == w->g0 + w->n || !is_figure_glyph(p, G(p, k)) ||
                  (k > w->g0 && pdf_is_cell_gap(p, w, k));
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

/* Whether row w has a glyph within [x0, x1). */
static int has_glyph_within(const page *p, const prow *w, double x0, double x1)
{
    for (size_t k = w->g0; k < w->g0 + w->n; k++)
        if (G(p, k)->x1 > x0 && G(p, k)->x0 < x1)
            return 1;
    return 0;
}

/* The first line after r (up to r1) with a glyph within [x0, x1), the
 * narrow column a stack stands in, or starting over half a line's height
 * below r (no next line of its cell): the lines between stand in other
 * cells (a header's labels wrapped side by side in narrow columns, their
 * lines interleaved).  r1 when there is none. */
static int next_in_column(const page *p, int r, int r1, double x0, double x1)
{
    int i = r + 1;
    while (i < r1 && p->rows[i].y0 - p->rows[r].y1 <= 0.5 * p->rows[i].em &&
           !has_glyph_within(p, &p->rows[i], x0, x1))
        i++;
    return i;
}

/* Whether three lines from r (up to r1) are stacked in one narrow cell:
 * one cell of words each, no wider than three characters, starting at
 * one x, each under half a line's height below the last, and no other
 * line between them with a glyph in their column ("武汉市/洪山区/行政审"
 * beside a row's figures, "部门/（单/位）名" beside another label's lines). */
static int is_fragment_stack(const page *p, int r, int r1)
{
    double right = p->rows[r].x1;
    for (int i = r, prev = r, n = 0; n < 3; n++) {
        if (i >= r1)
            return 0;
        const prow *w = &p->rows[i];
        if (w->ncells != 1 || w->figure || w->x1 - w->x0 > 3 * w->em ||
            (i > r && (fabs(w->x0 - p->rows[r].x0) > 1.0 || w->y0 < p->rows[prev].y1 ||
                       w->y0 - p->rows[prev].y1 > 0.5 * w->em)))
            return 0;
        right = fmax(right, w->x1);
        prev = i;
        i = next_in_column(p, i, r1, p->rows[r].x0, right);
    }
    return 1;
}

/* The evidence that the block's cells wrap: a figure cut short, or a
 * stack of three fragments in one narrow cell. */
int pdf_shows_wrapping(page *p, int r0, int r1)
{
    if (has_open_figure(p, r0, r1))
        return 1;
    for (int r = r0; r + 3 <= r1; r++)
        if (is_fragment_stack(p, r, r1))
            return 1;
    return 0;
}

#define MAX_CELL_LINES 32  /* lines one narrow cell may wrap to: keeps a
                              page of stacked lines linear */

/* Whether row w stands right under row a at its left edge, as the next
 * line of one cell or paragraph: one cell, under half a line's height
 * below it, or over it by a quarter at most (a line of figures, "2026",
 * whose boxes stand a point higher than the Chinese line's above). */
static int is_next_line(const prow *a, const prow *w)
{
    double gap = w->y0 - a->y1;
    return w->ncells == 1 && fabs(w->x0 - a->x0) < 0.1 * w->em && gap > -0.25 * w->em &&
           gap < 0.5 * w->em;
}

/* Whether block row b, just below the lines [r, e) of one column, has a
 * cell starting at their left edge, under two lines' height below them,
 * and it (or the row it hangs from) is twice as wide as they are: the
 * table they head.  A label beside its paragraph there (pdf_labelled_end)
 * is such a row of two cells. */
static int heads_table(const page *p, int r, int e, double right)
{
    const prow *b = &p->rows[e], *w = &p->rows[r];
    if (b->y0 - p->rows[e - 1].y1 >= 2 * w->em)
        return 0;
    double split, span = pdf_anchor_span(b);
    int end = b->block ? e : pdf_labelled_end(p, e, p->nrows, &split);
    for (int i = e; i < end; i++)     /* a label beside its paragraph: a row of two cells */
        span = fmax(span, p->rows[i].x1 - b->x0);
    return (b->block || end > e) && right - w->x0 < 0.5 * span &&
           pdf_starts_cell_at(p, b, w->x0, 0, 0);
}

int pdf_wrapped_cell_end(const page *p, int r, int r1)
{
    const prow *v = p->rows;
    if (v[r].ncells != 1)
        return r + 1;
    int e = r + 1;
    double right = v[r].x1;
    while (e < r1 && e - r < MAX_CELL_LINES && is_next_line(&v[e - 1], &v[e]))
        right = fmax(right, v[e++].x1);
    int last = r;
    while (last < e && v[last].x1 >= right - v[last].em)
        last++;         /* lines filled to the edge they wrapped at */
    if (last == r || last == e || last + 1 < e)
        return r + 1;   /* no full line, no line where the text ran out
                           (lines of one width: a list), or lines after */
    return e < p->nrows && heads_table(p, r, e, right) ? e : r + 1;
}

/* The middle of the gaps above lines 1..n-1 that are positive (the row
 * gap when most lines are rows), or 0 when there are none. */
double pdf_middle_gap(const double *gap, int n)
{
    double *g = malloc(sizeof *g * (size_t)(n > 0 ? n : 1)), m = 0;
    int k = 0;
    if (!g)
        return 0;
    for (int i = 1; i < n; i++)
        if (gap[i] > 0)
            g[k++] = gap[i];
    if (k > 0) {
        qsort(g, (size_t)k, sizeof *g, by_double);
        m = g[k / 2];
    }
    free(g);
    return m;
}

