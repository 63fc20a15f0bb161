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

/* Into edge[] (nc columns of c), where the glyphs of rows [r0, r1) end at
 * the furthest in each column, and with wide, of its CJK glyphs only;
 * glyphs running past their column's edge (a header's label, a paragraph
 * across the block) aside.  -1e18 where none stands. */
static void column_ends(const page *p, int r0, int r1, const pdf_col *c, int nc, int wide,
                        double *edge)
{
    for (int i = 0; i < nc; i++)
        edge[i] = -1e18;
    for (int q = r0; q < r1; q++)
        for (size_t k = p->rows[q].g0; k < p->rows[q].g0 + p->rows[q].n; k++) {
            const pdf_glyph *a = G(p, k);
            int i = pdf_column_of(c, nc, a);
            if (a->x1 <= c[i].x1 + 0.25 * p->rows[q].em && (!wide || is_wide_glyph(a)))
                edge[i] = fmax(edge[i], a->x1);
        }
}

int pdf_fills_column(const page *p, int r0, int r, const pdf_col *c, int nc)
{
    double edge[PDF_MAX_COLS], last[PDF_MAX_COLS];
    if (nc <= 0 || nc > PDF_MAX_COLS || r <= r0)
        return 0;
    column_ends(p, r0, r, c, nc, 0, edge);
    column_ends(p, r, r + 1, c, nc, 1, last);
    for (int i = 0; i < nc; i++)
        if (last[i] > -1e18 && fabs(last[i] - edge[i]) <= 0.25 * p->rows[r].em)
            return 1;
    return 0;
}

void pdf_note_oneline(page *p, int r, const pdf_col *c, int nc)
{
    if (!p->carry || !p->carry->held || nc <= 0 || nc > PDF_MAX_COLS)
        return;
    p->carry->oneline = 1;
    column_ends(p, r, r + 1, c, nc, 1, p->carry->reach);
}

/* Into edge[] (nc columns of c), where the page's runs of touching glyphs
 * that start where a column starts (a cell's lines, set from its left
 * edge) end at the furthest: the columns of a held line are its own
 * words' extent, which the lines of a wider cell pass. */
static void ends_of_runs_at_starts(const page *p, const pdf_col *c, int nc, double *edge)
{
    for (int i = 0; i < nc; i++)
        edge[i] = -1e18;
    for (int r = 0; r < p->nrows; r++) {
        const prow *w = &p->rows[r];
        for (size_t k = w->g0, e; k < w->g0 + w->n; k = e) {
            for (e = k + 1; e < w->g0 + w->n && G(p, e)->x0 - G(p, e - 1)->x1 <= 0.5 * w->em; e++)
                ;
            for (int i = 0; i < nc; i++)
                if (fabs(G(p, k)->x0 - c[i].x0) < 0.1 * w->em)
                    edge[i] = fmax(edge[i], G(p, e - 1)->x1);
        }
    }
}

int pdf_goes_on_filled(const page *p, const ys_buf *next)
{
    const pdf_carry *k = p->carry;
    double edge[PDF_MAX_COLS];
    if (!k || p->nrows <= 0)
        return 0;
    ends_of_runs_at_starts(p, k->col, k->nc, edge);
    for (int i = 0; i < k->nc; i++)
        if (next[i].n && !(k->reach[i] > -1e18 && fabs(k->reach[i] - edge[i]) <= 0.25 * p->rows[0].em))
            return 0;
    return 1;
}

void pdf_note_foot(page *p, int r, const pdf_col *c, int nc)
{
    pdf_carry *k = p->carry;
    if (!k || !k->held || !k->foot || nc <= 0 || nc > PDF_MAX_COLS)
        return;
    for (int i = 0; i < nc; i++)
        k->reach[i] = -1e18;
    for (size_t g = p->rows[r].g0; g < p->rows[r].g0 + p->rows[r].n; g++) {
        int i = pdf_column_of(c, nc, G(p, g));
        k->reach[i] = fmax(k->reach[i], G(p, g)->x1);
    }
    k->foot_reach = 1;
}

/* The width of the first word of rows [0, n) in column i of c (nc of
 * them), on the topmost row holding one: a run of touching ASCII glyphs
 * ("=25" of "=25万元": a line never breaks inside it), else one glyph;
 * 0 when none. */
static double first_word_in_column(const page *p, int n, const pdf_col *c, int nc, int i)
{
    for (int r = 0; r < n; r++) {
        const prow *w = &p->rows[r];
        size_t end = w->g0 + w->n;
        for (size_t g = w->g0; g < end; g++) {
            if (pdf_column_of(c, nc, G(p, g)) != i)
                continue;
            size_t e = g + 1;
            while (G(p, g)->len == 1 && e < end && G(p, e)->len == 1 &&
                   G(p, e)->x0 - G(p, e - 1)->x1 <= 0.25 * w->em)
                e++;
            return G(p, e - 1)->x1 - G(p, g)->x0;
        }
    }
    return 0;
}

int pdf_goes_on_wrapped(const page *p, int n, const ys_buf *next)
{
    const pdf_carry *k = p->carry;
    if (!k || !k->foot_reach || n <= 0)
        return 0;
    for (int i = 0; i < k->nc; i++) {
        if (!next[i].n)
            continue;
        double word = first_word_in_column(p, n, k->col, k->nc, i);
        if (word <= 0 || k->reach[i] <= -1e18 ||
            k->reach[i] + word <= k->col[i].x1 + 0.1 * p->rows[0].em)
            return 0;
    }
    return 1;
}
