/*
 * readers/pdf_headcut.c — owns a table header's row cut by a page break
 * after its first line, whose cells' rest opens the next page as lines of
 * one cell each ("部门（单 部门 合计 本年收入" at the foot; "（单" /
 * "位）代" / "位）名" / "码" / "称" at the top, interleaved).  The foot's
 * row is read as usual and noted with its glyphs (pdf_headcut_mark); when
 * the next page's first lines each start where a word of it starts and
 * stay short of its next one, that line is replaced by the row laid again
 * in the columns the foot's cells and those lines open, each cell its
 * foot text then its lines' (pdf_headcut_take).  Two cells that stood
 * closer than the text height at the foot ("部门（单" 6.3 pt before
 * "部门") part where a line of the top starts.
 * Promise: a line is replaced only by one holding its glyphs and the next
 * page's first rows; nothing fails but allocation.
 */
#include <assert.h>
#include <math.h>
#include <string.h>

#include "pdf_page.h"

void pdf_headcut_mark(page *p)
{
    pdf_carry *k = p->carry;
    if (!k || k->held || p->nrows == 0 || p->rc != YS_OK || !p->d->nlines)
        return;
    const prow *w = &p->rows[p->nrows - 1];
    const ys_line *ln = &p->d->lines[p->d->nlines - 1];
    if (!w->block || w->figure || w->ncells < 2 || w->n > PDF_HEADCUT_MAX || !ln->is_row ||
        ln->page != p->pageno || (p->nrows > 1 && p->rows[p->nrows - 2].oband == w->oband) ||
        !pdf_line_is_glyphs(p, ln, p->nrows - 1, p->nrows))
        return;
    pdf_headcut *h = &k->headcut;
    for (size_t i = 0; i < w->n; i++) {
        const pdf_glyph *a = G(p, w->g0 + i);
        if (a->len > sizeof h->g[i].s)
            return;     /* a ligature's text: not a header's */
        h->g[i].x0 = a->x0;
        h->g[i].x1 = a->x1;
        h->g[i].len = (unsigned char)a->len;
        memcpy(h->g[i].s, p->g->text.p + a->off, a->len);
    }
    h->n = (int)w->n;
    h->em = w->em;
    h->line = p->d->nlines - 1;
    h->on = 1;
}

/* Whether x is where a word of the foot's row starts: its first glyph, or
 * one after a gap wider than a quarter of the text height (cell a) or
 * half of it (cell b: where a cell starts). */
static int starts_word(const pdf_headcut *h, int i, double gap)
{
    return i == 0 || h->g[i].x0 - h->g[i - 1].x1 > gap * h->em;
}

/* The first word start of the foot right of x, or 1e18. */
static double next_start(const pdf_headcut *h, double x)
{
    for (int i = 0; i < h->n; i++)
        if (starts_word(h, i, 0.25) && h->g[i].x0 > x + 1.0)
            return h->g[i].x0;
    return 1e18;
}

/* Whether row w starts where a word of the foot starts and ends short of
 * the next, a line of one cell with no figure. */
static int goes_on_foot(const page *p, const pdf_headcut *h, const prow *w)
{
    if (w->ncells != 1 || w->figure)
        return 0;
    for (int i = 0; i < h->n; i++)
        if (starts_word(h, i, 0.25) && fabs(h->g[i].x0 - w->x0) < 1.0)
            return w->x1 < next_start(h, w->x0);
    return 0;
}

/* Insert x into the sorted starts s[0..*n) unless one stands within 1 pt. */
static void add_start(double *s, int *n, double x)
{
    int i = 0;
    while (i < *n && s[i] < x - 1.0)
        i++;
    if (i < *n && fabs(s[i] - x) <= 1.0)
        return;
    memmove(s + i + 1, s + i, sizeof *s * (size_t)(*n - i));
    s[i] = x;
    (*n)++;
}

/* The column of x among starts s[0..n): the last that starts at or left of it. */
static int column_of(const double *s, int n, double x)
{
    int c = 0;
    while (c + 1 < n && s[c + 1] <= x + 1.0)
        c++;
    return c;
}

/* Lay the foot's glyphs, then rows [0, e)'s, into the columns s[0..n). */
static void lay_cells(page *p, const pdf_headcut *h, int e, const double *s, int n, ys_buf *cell)
{
    for (int i = 0; i < h->n; i++)
        ys_buf_put(&cell[column_of(s, n, h->g[i].x0)], h->g[i].s, h->g[i].len);
    for (int r = 0; r < e; r++) {
        const prow *w = &p->rows[r];
        ys_buf *b = &cell[column_of(s, n, w->x0)];
        for (size_t k = w->g0; k < w->g0 + w->n; k++)
            pdf_put_glyph(p, b, k, k > w->g0 ? G(p, k - 1) : NULL, w->em);
    }
}

int pdf_headcut_take(page *p)
{
    pdf_carry *k = p->carry;
    if (!k || !k->headcut.on)
        return 0;
    pdf_headcut *h = &k->headcut;
    h->on = 0;
    if (p->nrows < 2 || h->line + 1 != p->d->nlines)
        return 0;
    int e = pdf_close_rows_end(p, 0, p->nrows);
    if (e >= p->nrows)
        return 0;
    double s[PDF_HEADCUT_MAX + 8];
    int n = 0;
    assert(h->n > 0 && h->n <= PDF_HEADCUT_MAX);
    for (int i = 0; i < h->n; i++)
        if (starts_word(h, i, 0.5))
            add_start(s, &n, h->g[i].x0);
    int cells = n;
    for (int r = 0; r < e; r++) {
        if (!goes_on_foot(p, h, &p->rows[r]) || n >= PDF_HEADCUT_MAX)
            return 0;
        add_start(s, &n, p->rows[r].x0);
    }
    if (n == cells)
        return 0;       /* no cell parts: the rows read as they stand */
    assert(n <= PDF_HEADCUT_MAX + 1);
    ys_buf cell[PDF_HEADCUT_MAX + 8];
    memset(cell, 0, sizeof cell[0] * (size_t)n);
    lay_cells(p, h, e, s, n, cell);
    ys_line *ln = &p->d->lines[h->line];
    int no = ln->no, pageno = ln->page;
    p->d->nlines = h->line;   /* the line's strings stay in the arena */
    for (int c = 0; c < n; c++) {
        ys_cells_add(&p->cells, cell[c].p ? cell[c].p : "", cell[c].n);
        p->cells.oom |= cell[c].oom;
        ys_buf_free(&cell[c]);
    }
    if (ys_cells_emit(&p->cells, p->d, no, pageno, NULL, 1) != YS_OK)
        p->rc = YS_ENOMEM;
    memmove(p->rows, p->rows + e, sizeof *p->rows * (size_t)(p->nrows - e));
    p->nrows -= e;
    return e;
}
