/*
 * readers/pdf_rows.c — owns the geometry of PDF text: characters grouped
 * into rows by their vertical centres, rows split into cells at gaps wider
 * than the text height (or whole figures apart), the page's blocks (which
 * rows they hold: pdf_marks.c) handed to pdf_block.c for columns and
 * logical rows, prose rows rejoined.
 * Promise: every character lands in exactly one line; nothing fails but
 * allocation.
 */
#include "pdf_rows.h"

#include <math.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>

#include "pdf_page.h"

int pdf_glyphs_add(pdf_glyphs *g, double x0, double y0, double x1, double y1,
                   const char *s, size_t len, int space_before)
{
    if (g->n == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 1024;
        pdf_glyph *v = realloc(g->v, cap * sizeof *v);
        if (!v)
            return YS_ENOMEM;
        g->v = v;
        g->cap = cap;
    }
    pdf_glyph *p = &g->v[g->n++];
    p->x0 = fmin(x0, x1);
    p->x1 = fmax(x0, x1);
    p->y0 = fmin(y0, y1);
    p->y1 = fmax(y0, y1);
    if (p->y1 - p->y0 < 0.5)
        p->y1 = p->y0 + 0.5;
    p->off = g->text.n;
    p->len = len;
    p->space_before = space_before;
    ys_buf_put(&g->text, s, len);
    return g->text.oom ? YS_ENOMEM : YS_OK;
}

void pdf_glyphs_clear(pdf_glyphs *g)
{
    g->n = 0;
    g->text.n = 0;
}

void pdf_glyphs_free(pdf_glyphs *g)
{
    free(g->v);
    ys_buf_free(&g->text);
    memset(g, 0, sizeof *g);
}

/* ---- rows ------------------------------------------------------------ */

static double ymid(const pdf_glyph *a) { return (a->y0 + a->y1) / 2; }

static int by_y(const void *a, const void *b, void *ctx)
{
    const pdf_glyphs *src = ctx;
    const pdf_glyph *x = &src->v[*(const size_t *)a], *y = &src->v[*(const size_t *)b];
    double d = ymid(x) - ymid(y);
    return d < 0 ? -1 : d > 0 ? 1 : (x->x0 < y->x0 ? -1 : x->x0 > y->x0);
}
static int by_x(const void *a, const void *b, void *ctx)
{
    const pdf_glyphs *src = ctx;
    const pdf_glyph *x = &src->v[*(const size_t *)a], *y = &src->v[*(const size_t *)b];
    return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

/* Whether glyphs a and b, in this order on a line, stand apart as words
 * do: a quarter of the text height, as pdf_put_glyph spaces them. */
static int word_gap(const pdf_glyph *a, const pdf_glyph *b, double em)
{
    return b->x0 - a->x1 > 0.25 * em;
}

/* Whether the word of row r through glyph k, running from k towards dir
 * (-1, 1), is a whole figure: figure glyphs only, 40 at most, not ending
 * in "." ("9." numbers a line). */
static int is_figure_word(page *p, const prow *r, size_t k, int dir)
{
    size_t end = r->g0 + r->n, n = 0;
    for (size_t i = k; i >= r->g0 && i < end; i += (size_t)dir, n++) {
        if (n > 40 || !is_figure_glyph(p, G(p, i)))
            return 0;
        size_t j = i + (size_t)dir;
        int last = j < r->g0 || j >= end;
        if (!last)
            last = dir > 0 ? word_gap(G(p, i), G(p, j), r->em) : word_gap(G(p, j), G(p, i), r->em);
        if (last)
            return p->g->text.p[G(p, dir > 0 ? i : k)->off] != '.';
    }
    return 0;
}

/* Whether glyphs k-1 and k of row r stand in two cells: a gap wider than
 * the text height, or over a third of it between two whole figures
 * (adjacent narrow cells may stand closer than a line's height; a space
 * between figures of a sentence is narrower), or a label's gap before or
 * after a whole figure (is_label_figure_gap). */
static int parts_cells(page *p, const prow *r, size_t k)
{
    double gap = G(p, k)->x0 - G(p, k - 1)->x1;
    if (gap > r->em)
        return 1;
    if (gap <= 0.35 * r->em)
        return 0;
    int left = is_figure_word(p, r, k - 1, -1), right = is_figure_word(p, r, k, 1);
    return (left && right) ||
           ((left || right) && is_label_figure_gap(p, G(p, k - 1), G(p, k), r->em));
}

/* Cells of the row (parts_cells) and whether one is a figure. */
static void row_stats(page *p, prow *r)
{
    double hsum = 0;
    r->x0 = G(p, r->g0)->x0;
    r->x1 = r->y1 = -1e9;
    r->y0 = 1e9;
    for (size_t k = r->g0; k < r->g0 + r->n; k++) {
        pdf_glyph *a = G(p, k);
        hsum += a->y1 - a->y0;
        r->x1 = fmax(r->x1, a->x1);
        r->y0 = fmin(r->y0, a->y0);
        r->y1 = fmax(r->y1, a->y1);
    }
    r->em = hsum / (double)r->n;
    r->ncells = 1;
    int digits = 0, other = 0;
    for (size_t k = r->g0; k < r->g0 + r->n; k++) {
        pdf_glyph *a = G(p, k);
        const char *s = p->g->text.p + a->off;
        if (k > r->g0 && parts_cells(p, r, k)) {
            r->figure |= digits && !other;
            digits = other = 0;
            r->ncells++;
        }
        if (is_figure_char(s, a->len))
            digits += s[0] >= '0' && s[0] <= '9';
        else
            other = 1;
    }
    r->figure |= digits && !other;
}

static int make_rows(page *p)
{
    size_t n = p->g->n;
    p->idx = malloc(sizeof *p->idx * (n ? n : 1));
    p->rows = malloc(sizeof *p->rows * (n ? n : 1));
    if (!p->idx || !p->rows)
        return YS_ENOMEM;
    for (size_t i = 0; i < n; i++)
        p->idx[i] = i;
    qsort_r(p->idx, n, sizeof *p->idx, by_y, p->g);
    for (size_t i = 0; i < n;) {
        double ref = ymid(G(p, i)), h = G(p, i)->y1 - G(p, i)->y0;
        size_t j = i + 1;
        while (j < n && ymid(G(p, j)) - ref <= 0.5 * fmax(h, G(p, j)->y1 - G(p, j)->y0)) {
            h = fmax(h, G(p, j)->y1 - G(p, j)->y0);
            j++;
        }
        qsort_r(p->idx + i, j - i, sizeof *p->idx, by_x, p->g);
        prow *r = &p->rows[p->nrows++];
        memset(r, 0, sizeof *r);
        r->g0 = i;
        r->n = j - i;
        row_stats(p, r);
        i = j;
    }
    return YS_OK;
}


void pdf_emit_line(page *p, int is_row)
{
    if (p->carry && p->carry->regrid)   /* no block came first: as it was */
        pdf_emit_held_in(p, p->carry->col, p->carry->nc);
    p->started = 1;
    if (p->rc == YS_OK &&
        ys_cells_emit(&p->cells, p->d, *p->no + 1, p->pageno, NULL, is_row) != YS_OK)
        p->rc = YS_ENOMEM;
    (*p->no)++;
}

/* Whether one of glyphs a, b is a Chinese character and the other an
 * ASCII letter or digit: office software sets the two scripts apart by
 * a narrow gap of its own (LibreOffice's "autospace"), and poppler then
 * reports a word break there, which is no space in the text ("24小时"). */
static int cjk_beside_latin(page *p, const pdf_glyph *a, const pdf_glyph *b)
{
    const unsigned char *x = (const unsigned char *)p->g->text.p + a->off;
    const unsigned char *y = (const unsigned char *)p->g->text.p + b->off;
    int al = a->len == 1 && isalnum(x[0]), bl = b->len == 1 && isalnum(y[0]);
    int ac = a->len == 3 && x[0] >= 0xE4 && x[0] <= 0xE9;
    int bc = b->len == 3 && y[0] >= 0xE4 && y[0] <= 0xE9;
    return (al && bc) || (ac && bl);
}

/* Under this share of the text height, a gap between Chinese and Latin
 * script is the one office software sets there of its own (LibreOffice's
 * autospace: 0.15-0.16 of the height); a typed space is wider (0.20-0.25
 * after Chinese or Latin, up to half the height in Word's documents). */
#define AUTOSPACE_MAX 0.18

/* Append glyph k to buf, after a space when it stands apart or the text
 * stream put one between it and the glyph before it; not for the narrow
 * gap between Chinese and Latin script (AUTOSPACE_MAX). */
void pdf_put_glyph(page *p, ys_buf *b, size_t k, const pdf_glyph *prev, double em)
{
    pdf_glyph *a = G(p, k);
    if (!prev || !b->n)
        goto put;
    double gap = a->x0 - prev->x1;
    int spaced = a->space_before && prev == a - 1;
    if ((spaced || gap > 0.25 * em) && !(gap < AUTOSPACE_MAX * em && cjk_beside_latin(p, prev, a)))
        ys_buf_put(b, " ", 1);
put:
    ys_buf_put(b, p->g->text.p + a->off, a->len);
}

/* ---- prose ----------------------------------------------------------- */

static int is_page_number(page *p, prow *w)
{
    if (w->ncells != 1 || w->n > 12)
        return 0;
    int digits = 0;
    for (size_t k = w->g0; k < w->g0 + w->n; k++) {
        const char *s = p->g->text.p + G(p, k)->off;
        if (s[0] >= '0' && s[0] <= '9')
            digits++;
        else if (!(G(p, k)->len == 1 && strchr("-/", s[0])) && !(G(p, k)->len == 3 &&
                 (memcmp(s, "\xe7\xac\xac", 3) == 0 || memcmp(s, "\xe9\xa1\xb5", 3) == 0)))
            return 0;   /* digits, dashes, 第 and 页 only */
    }
    return digits > 0 && digits <= 4;
}

/* Prose rows [r0, r1) as paragraphs: a row goes on with the one above
 * when that one reaches the run's right edge and it starts at its left
 * edge, under a line's height below; and the lines of one cell wrapped in
 * a narrow column read as one text (pdf_wrapped_cell_end: a form's title
 * set in its first cell); a label wrapped beside a paragraph is a row of
 * two cells (pdf_labelled_end). */
static void emit_prose(page *p, int r0, int r1)
{
    double left = 1e9, right = -1e9;
    for (int r = r0; r < r1; r++) {
        left = fmin(left, p->rows[r].x0);
        right = fmax(right, p->rows[r].x1);
    }
    for (int r = r0; r < r1 && p->rc == YS_OK;) {
        double split;
        int labelled = pdf_labelled_end(p, r, r1, &split);
        if (labelled > r) {
            pdf_emit_labelled(p, r, labelled, split);
            r = labelled;
            continue;
        }
        ys_buf *t = &p->cells.text;
        size_t start = t->n;
        ys_buf para = {0};
        int first = r, cell_end = pdf_wrapped_cell_end(p, r, r1);
        do {
            prow *w = &p->rows[r];
            if (r > first)
                ys_buf_put(&para, " ", 1);
            for (size_t k = w->g0; k < w->g0 + w->n; k++)
                pdf_put_glyph(p, &para, k, k > w->g0 ? G(p, k - 1) : NULL, w->em);
            r++;
        } while (r < r1 && (r < cell_end || (p->rows[r - 1].x1 >= right - 2 * p->rows[r - 1].em &&
                                             p->rows[r].x0 <= left + p->rows[r].em &&
                                             p->rows[r].y0 - p->rows[r - 1].y1 < p->rows[r].em)));
        (void)start;
        ys_cells_add(&p->cells, para.p ? para.p : "", para.n);
        p->cells.oom |= para.oom;
        ys_buf_free(&para);
        pdf_emit_line(p, 0);
    }
}

static int run_page(page *p)
{
    int rc = make_rows(p);
    if (rc != YS_OK)
        return rc;
    pdf_cut_take(p);        /* lines ending the page before's cell */
    pdf_headcut_take(p);    /* or its header's row */
    int taken = pdf_take_carry(p);
    if (taken > 0) {        /* those lines are part of the page before's row */
        memmove(p->rows, p->rows + taken, sizeof *p->rows * (size_t)(p->nrows - taken));
        p->nrows -= taken;
    }
    if (pdf_count_band_cells(p) != YS_OK)
        return YS_ENOMEM;
    pdf_mark_blocks(p);
    pdf_labelled_unblock(p);
    int first = 0, last = p->nrows - 1;
    for (int i = 0; i < p->nrows && p->rc == YS_OK;) {
        if ((i == first || i == last) && !p->rows[i].block && is_page_number(p, &p->rows[i])) {
            i++;
            continue;
        }
        int j = i + 1;
        while (j < p->nrows && p->rows[j].block == p->rows[i].block &&
               p->rows[j].labelled == p->rows[i].labelled &&
               !((j == last) && !p->rows[j].block && is_page_number(p, &p->rows[j])))
            j++;
        p->hold_last = j > last || (j == last && !p->rows[j].block && is_page_number(p, &p->rows[j]));
        if (p->rows[i].block)
            pdf_emit_block(p, i, j);
        else
            emit_prose(p, i, j);
        i = j;
    }
    if (p->carry && p->carry->regrid)
        pdf_emit_held_in(p, p->carry->col, p->carry->nc);
    pdf_cut_mark(p);
    if (!p->carry || !p->carry->cut.on)
        pdf_headcut_mark(p);
    return p->rc;
}

int pdf_emit_page(ys_doc *d, pdf_glyphs *g, int pageno, int *no, pdf_carry *carry)
{
    page p = {.g = g, .d = d, .pageno = pageno, .no = no, .carry = carry};
    if (g->n == 0)
        return YS_OK;
    int rc = run_page(&p);
    free(p.idx);
    free(p.rows);
    ys_cells_free(&p.cells);
    return rc;
}
