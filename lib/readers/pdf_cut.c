/*
 * readers/pdf_cut.c — owns a cell of text cut by a page break outside any
 * held table row: a goal's label beside its text ("长期目" / "成本控制…" at
 * a page's foot, "标5:" / "运营、职工满意。" at the next one's top) or a
 * paragraph wrapped in a narrow cell ("年度目标2: …全面" / "提升。…").  The
 * page's last line is read as usual and noted (pdf_cut_mark); when the next
 * page's first lines stand in the same strips, that line is replaced by the
 * whole cell (pdf_cut_take), as one row of two cells or one paragraph.
 * Only a cell whose last line at the foot runs to its strip's edge goes
 * on: a short one ended there.
 * Promise: a line is replaced only by one holding the same glyphs and the
 * next page's first rows; nothing fails but allocation.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_page.h"

/* Whether a[0..an) and b[0..bn) are the same text, spaces aside. */
static int same_unspaced(const char *a, size_t an, const char *b, size_t bn)
{
    size_t i = 0, j = 0;
    for (;;) {
        while (i < an && a[i] == ' ')
            i++;
        while (j < bn && b[j] == ' ')
            j++;
        if (i == an || j == bn)
            return i == an && j == bn;
        if (a[i++] != b[j++])
            return 0;
    }
}

int pdf_line_is_glyphs(const page *p, const ys_line *ln, int r, int e)
{
    int i = r;
    size_t k = r < e ? p->rows[r].g0 : 0;
    for (int c = 0; c < ln->ncells; c++)
        for (const char *s = ln->cells[c]; *s;) {
            if (*s == ' ') {
                s++;
                continue;
            }
            while (i < e && k == p->rows[i].g0 + p->rows[i].n)
                if (++i < e)
                    k = p->rows[i].g0;
            if (i == e)
                return 0;
            const pdf_glyph *a = G(p, k++);
            if (strncmp(s, p->g->text.p + a->off, a->len) != 0)
                return 0;
            s += a->len;
        }
    while (i < e && k == p->rows[i].g0 + p->rows[i].n)
        if (++i < e)
            k = p->rows[i].g0;
    return i == e;
}

/* Whether line ln is what rows [r, e) made alone: its cells the label's
 * and the text's (cell, as collected), or one cell of the rows' glyphs
 * in their order (a paragraph, or a label run into its text's line). */
static int line_is_rows(const page *p, const ys_line *ln, int r, int e, const ys_buf cell[2])
{
    if (ln->ncells == 2)
        return same_unspaced(ln->cells[0], strlen(ln->cells[0]), cell[0].p, cell[0].n) &&
               same_unspaced(ln->cells[1], strlen(ln->cells[1]), cell[1].p, cell[1].n);
    return ln->ncells == 1 && pdf_line_is_glyphs(p, ln, r, e);
}

/* Whether each row of [r, e) sets its glyphs right of split from l (half
 * a text height either side), none past right + em and without a gap as
 * between two cells, and those left of it from left: *ntext rows hold
 * text, *nlab label. */
static int in_strips(const page *p, int r, int e, const pdf_cut *t, int *nlab, int *ntext)
{
    *nlab = *ntext = 0;
    for (int i = r; i < e; i++) {
        const prow *w = &p->rows[i];
        const pdf_glyph *prev = NULL;
        int lab = 0;
        for (size_t k = w->g0; k < w->g0 + w->n; k++) {
            const pdf_glyph *a = G(p, k);
            if (a->x1 <= t->split) {
                if (a->x0 < t->left - 0.5 * w->em)
                    return 0;
                lab = 1;
                continue;
            }
            if (!prev && fabs(a->x0 - t->l) > 0.5 * w->em)
                return 0;
            if ((prev && a->x0 - prev->x1 > 0.5 * w->em) || a->x1 > t->right + w->em)
                return 0;
            prev = a;
        }
        *nlab += lab;
        *ntext += prev != NULL;
    }
    return 1;
}

/* The extent of all the page's glyphs, left to right. */
static double page_width(const page *p)
{
    double x0 = 1e9, x1 = -1e9;
    for (int i = 0; i < p->nrows; i++) {
        x0 = fmin(x0, p->rows[i].x0);
        x1 = fmax(x1, p->rows[i].x1);
    }
    return x1 - x0;
}

/* Rows [r, e) as one paragraph of a narrow column: two rows at least, each
 * from one left edge, the whole under half the page's width. */
static int narrow_paragraph(const page *p, int r, int e, pdf_cut *t)
{
    t->left = t->l = p->rows[r].x0;
    t->right = -1e9;
    for (int i = r; i < e; i++) {
        if (fabs(p->rows[i].x0 - t->l) > 0.5 * p->rows[i].em)
            return 0;
        t->right = fmax(t->right, p->rows[i].x1);
    }
    t->split = t->l - 1;   /* no label: every glyph is the text's */
    return e - r >= 2 && t->right - t->l < 0.5 * page_width(p);
}

/* Rows [r, e) as a narrow label beside a wider text. */
static int label_beside(const page *p, int r, int e, pdf_cut *t)
{
    double s, em = p->rows[r].em;
    if (!pdf_first_side_gap(p, r, e, &s, &t->l, &t->left, &t->right))
        return 0;
    if (s - t->left > 5 * em || t->right - t->l <= s - t->left)
        return 0;
    t->split = (s + t->l) / 2;
    int nlab, ntext;
    return in_strips(p, r, e, t, &nlab, &ntext) && nlab >= 1 && ntext >= 1;
}

/* Whether the last row's text runs to within two text heights of the
 * strip's right edge: the cell wrapped there, so it may go on at the next
 * page (a line may end a character short where the next may not start
 * one).  A short last line ends its paragraph ("表" under "项目资金绩" /
 * "效目标申报", a title stacked in a narrow cell, is no cut cell: the
 * cell under it opens the next page). */
static int last_row_filled(const page *p, const pdf_cut *t)
{
    const prow *w = &p->rows[p->nrows - 1];
    return w->x1 > t->split && w->x1 >= t->right - 2 * w->em;
}

void pdf_cut_mark(page *p)
{
    pdf_carry *k = p->carry;
    if (!k || k->held || p->nrows == 0 || p->rc != YS_OK)
        return;
    int r = 0;
    while (r < p->nrows) {
        int e = pdf_close_rows_end(p, r, p->nrows);
        if (e == p->nrows)
            break;
        r = e;
    }
    pdf_cut t = {0};
    const ys_line *ln = p->d->nlines ? &p->d->lines[p->d->nlines - 1] : NULL;
    if (!ln || ln->page != p->pageno)
        return;
    if (label_beside(p, r, p->nrows, &t))
        t.two = 1;
    else if (ln->is_row || !narrow_paragraph(p, r, p->nrows, &t))
        return;
    if (!last_row_filled(p, &t))
        return;
    ys_buf cell[2] = {{0}};
    pdf_collect_labelled(p, r, p->nrows, t.split, cell);
    int same = line_is_rows(p, ln, r, p->nrows, cell);
    for (int c = 0; c < 2 && same && !cell[0].oom && !cell[1].oom; c++) {
        t.cell[c] = ys_doc_strdup(p->d, cell[c].p ? cell[c].p : "", cell[c].n);
        t.len[c] = cell[c].n;
    }
    ys_buf_free(&cell[0]);
    ys_buf_free(&cell[1]);
    if (!same)
        return;
    if (!t.cell[0] || !t.cell[1]) {
        p->rc = YS_ENOMEM;
        return;
    }
    t.line = p->d->nlines - 1;
    t.on = 1;
    k->cut = t;
}

/* Emit cell (one or two cells) as line ln's number and page, in its place. */
static void replace_line(page *p, const pdf_cut *t, ys_buf cell[2])
{
    ys_line *ln = &p->d->lines[t->line];
    int no = ln->no, pageno = ln->page;
    p->d->nlines = t->line;   /* the line's strings stay in the arena */
    for (int c = !t->two; c < 2; c++) {
        ys_cells_add(&p->cells, cell[c].p ? cell[c].p : "", cell[c].n);
        p->cells.oom |= cell[c].oom;
    }
    if (ys_cells_emit(&p->cells, p->d, no, pageno, NULL, t->two) != YS_OK)
        p->rc = YS_ENOMEM;
}

int pdf_cut_take(page *p)
{
    pdf_carry *k = p->carry;
    if (!k || !k->cut.on)
        return 0;
    pdf_cut t = k->cut;
    k->cut.on = 0;
    if (p->nrows == 0 || t.line + 1 != p->d->nlines)
        return 0;
    int e = pdf_close_rows_end(p, 0, p->nrows), nlab, ntext;
    if (!in_strips(p, 0, e, &t, &nlab, &ntext) || ntext == 0 || (!t.two && nlab))
        return 0;
    ys_buf cell[2] = {{0}};
    for (int c = 0; c < 2; c++)
        ys_buf_put(&cell[c], t.cell[c], t.len[c]);
    pdf_collect_labelled(p, 0, e, t.split, cell);
    replace_line(p, &t, cell);
    ys_buf_free(&cell[0]);
    ys_buf_free(&cell[1]);
    memmove(p->rows, p->rows + e, sizeof *p->rows * (size_t)(p->nrows - e));
    p->nrows -= e;
    return e;
}
