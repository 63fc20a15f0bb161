/*
 * readers/pdf_carry.c — owns a table row cut by a page break: the last row
 * of a page held (pdf_carry) until the next page shows whether its first
 * lines carry on the row's figures ("208050" at the foot, "5" at the top),
 * or a header's labels ("国有资本经营预" at the foot, "算" at the top),
 * then joined with them or emitted as it was; and the columns and wrap
 * threshold of a table ending a page, handed to the next (and widened
 * there where a longer figure runs past them).  Also the cell text rules
 * both this and pdf_block.c join lines by (a figure or code cut short
 * goes on without a space).
 * Promise: a held row is emitted exactly once, before any line of the
 * next page, with the line number and page it was held at; nothing fails
 * but allocation.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_page.h"

/* Digits with , and . only, 40 characters at most (no amount or code is
 * longer; a cell joined from thousands of digit lines would make each
 * join scan it). */
int pdf_is_figure_text(const ys_buf *b)
{
    int digits = 0;
    if (b->n > 40)
        return 0;
    for (size_t i = 0; i < b->n; i++) {
        if (!is_figure_char(b->p + i, 1) || b->p[i] == '%')
            return 0;
        digits += is_digit_at(b->p + i);
    }
    return digits > 0;
}

/* A figure with two decimals: no wrapped fragment follows it. */
int pdf_is_finished_figure(const ys_buf *b)
{
    return pdf_is_figure_text(b) && b->n >= 3 && b->p[b->n - 3] == '.' && is_digit_at(b->p + b->n - 1);
}

/* Whether b ends in a code of 6 or more ASCII letters and digits (a
 * project code "42011126014Y00000010" cut by its narrow cell) and d is
 * digits only: the code's rest. */
static int is_cut_code(const ys_buf *b, const ys_buf *d)
{
    size_t n = 0, digits = 0;
    while (n < b->n) {
        char ch = b->p[b->n - 1 - n];
        if (!((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
            break;
        digits += is_digit_at(&ch);
        n++;
    }
    if (n < 6 || !digits || (n < b->n && b->p[b->n - 1 - n] != ' '))
        return 0;
    for (size_t i = 0; i < d->n; i++)
        if (!is_digit_at(d->p + i))
            return 0;
    return d->n > 0;
}

/* Whether a line that ends with buf's last byte and one that starts with
 * next's first join without a space: Chinese wraps anywhere, so a line
 * break beside a Chinese character is no word space ("=802" over "万元"
 * is "=802万元"), nor is one between a figure and its percent sign
 * ("≥99.9" over "%"); between two Latin words it is. */
static int joins_tight(const ys_buf *row, const ys_buf *next)
{
    return (unsigned char)row->p[row->n - 1] >= 0x80 || (unsigned char)next->p[0] >= 0x80 ||
           (next->p[0] == '%' && is_digit_at(row->p + row->n - 1));
}

/* Append the line's cells to the row's: a figure fragment after an
 * unfinished figure joins without a space ("2,877.9" + "4", "201030" +
 * "1"), and so do the digits ending a cut code and a line broken beside
 * a Chinese character; other text after a space. */
void pdf_join_line(ys_buf *row, ys_buf *next, int nc)
{
    for (int i = 0; i < nc; i++) {
        if (!next[i].n)
            continue;
        if (row[i].n && !(pdf_is_figure_text(&row[i]) && !pdf_is_finished_figure(&row[i]) &&
                          pdf_is_figure_text(&next[i])) && !is_cut_code(&row[i], &next[i]) &&
            !joins_tight(&row[i], &next[i]))
            ys_buf_put(&row[i], " ", 1);
        ys_buf_put(&row[i], next[i].p, next[i].n);
        row[i].oom |= next[i].oom;
        next[i].n = 0;
    }
}

/* Whether a cell holds a figure that may go on (a code, a figure without
 * its two decimals). */
static int any_open_cell(const ys_buf *cell, int nc)
{
    for (int i = 0; i < nc; i++)
        if (pdf_is_figure_text(&cell[i]) && !pdf_is_finished_figure(&cell[i]))
            return 1;
    return 0;
}

/* Whether a cell of the row holds a figure, and tail marks a text cell. */
static int text_past_figures(const ys_buf *cell, int nc, const unsigned char *tail)
{
    int figure = 0, text = 0;
    for (int i = 0; tail && i < nc; i++) {
        figure |= pdf_is_figure_text(&cell[i]);
        text |= tail[i] && cell[i].n && !pdf_is_figure_text(&cell[i]);
    }
    return figure && text;
}

/* Whether the row holds no figure and tail marks a text cell: the last
 * row of a header whose labels may go on at the next page's top. */
static int header_tail(const ys_buf *cell, int nc, const unsigned char *tail)
{
    int text = 0;
    for (int i = 0; tail && i < nc; i++) {
        if (pdf_is_figure_text(&cell[i]))
            return 0;
        text |= tail[i] && cell[i].n;
    }
    return text;
}

/* Keep the page's last row in p->carry (its cells move there) when a
 * figure of it may go on at the next page's top, or a text cell wrapped
 * below its figures may, or (foot) any text cell of a row cut at the
 * page's foot may.  Returns 1 if held. */
int pdf_hold_row(page *p, ys_buf *row, const pdf_col *c, int nc, const unsigned char *tail,
                 int foot)
{
    pdf_carry *k = p->carry;
    if (!k || k->held)
        return 0;
    /* a row standing cut is a body row even in a block without figures */
    int header = !foot && k->header && header_tail(row, nc, tail);
    int text = text_past_figures(row, nc, tail) || header || foot;
    if (!(any_open_cell(row, nc) || text))
        return 0;
    k->header_row = header;
    k->foot = foot;
    for (int i = 0; i < nc; i++) {
        k->tail[i] = text && (tail[i] || k->foot) && row[i].n && !pdf_is_figure_text(&row[i]);
        ys_buf_free(&k->cell[i]);
        k->cell[i] = row[i];
        row[i] = (ys_buf){0};
        k->col[i] = c[i];
    }
    k->nc = nc;
    k->held = 1;
    k->no = ++*p->no;
    k->page = p->pageno;
    return 1;
}

static int emit_held(pdf_carry *k, ys_doc *d)
{
    ys_cells cells = {0};
    for (int i = 0; i < k->nc; i++) {
        ys_cells_add(&cells, k->cell[i].p ? k->cell[i].p : "", k->cell[i].n);
        cells.oom |= k->cell[i].oom;
        k->cell[i].n = 0;
    }
    int rc = ys_cells_emit(&cells, d, k->no, k->page, NULL, 1);
    ys_cells_free(&cells);
    k->held = 0;
    return rc;
}

int pdf_carry_flush(ys_doc *d, pdf_carry *k)
{
    if (k)
        k->regrid = 0;
    return k && k->held ? emit_held(k, d) : YS_OK;
}

/* The column of c (nc > 0) that [x0, x1) overlaps most, the first of
 * those it overlaps about as much (a label spanning sub-columns stands in
 * the first); -1 when it overlaps none. */
static int column_overlapped(const pdf_col *c, int nc, double x0, double x1)
{
    double best = 0;
    int bi = -1;
    for (int i = 0; i < nc; i++) {
        double ov = fmin(x1, c[i].x1) - fmax(x0, c[i].x0);
        if (ov > best + (bi >= 0 ? 2 * PDF_GRID : 0)) {
            best = ov;
            bi = i;
        }
    }
    return bi;
}

/*
 * A header's row cut by the page break knew only the columns its own
 * words showed ("本年拨款" and "财政拨款结转结余" side by side); the
 * block it heads on this page shows its sub-columns (the three budgets
 * under each).  Each held cell goes to the column of c its own column
 * overlaps most, so a spanning label stands over its first sub-column as
 * it would with the whole header on one page; when two cells would share
 * a column, or one overlaps none, the row is emitted as it was.
 */
void pdf_emit_held_in(page *p, const pdf_col *c, int nc)
{
    pdf_carry *k = p->carry;
    if (!k || !k->held || !k->regrid)
        return;
    k->regrid = 0;
    int to[PDF_MAX_COLS], last = -1, ok = nc >= k->nc;
    for (int i = 0; i < k->nc && ok; i++) {
        to[i] = k->cell[i].n ? column_overlapped(c, nc, k->col[i].x0, k->col[i].x1) : -1;
        ok = !k->cell[i].n || to[i] > last;    /* in order, one a column */
        last = k->cell[i].n ? to[i] : last;
    }
    if (ok) {
        ys_buf cell[PDF_MAX_COLS];
        memset(cell, 0, sizeof cell);
        for (int i = 0; i < k->nc; i++)
            if (to[i] >= 0) {
                cell[to[i]] = k->cell[i];
                k->cell[i] = (ys_buf){0};
            }
        for (int i = 0; i < nc; i++)    /* the rest: empty, kept from before */
            ys_buf_free(&k->cell[i]);
        memcpy(k->cell, cell, sizeof *cell * (size_t)nc);
        k->nc = nc;
    }
    if (emit_held(k, p->d) != YS_OK)
        p->rc = YS_ENOMEM;
    k->nc = 0;
}

void pdf_carry_free(pdf_carry *k)
{
    for (int i = 0; i < PDF_MAX_COLS; i++)
        ys_buf_free(&k->cell[i]);
    memset(k, 0, sizeof *k);
}

/* Whether every cell of row w overlaps a column of c. */
static int within_columns(page *p, const prow *w, const pdf_col *c, int nc)
{
    for (size_t k = w->g0; k < w->g0 + w->n; k++) {
        const pdf_glyph *a = G(p, k);
        int in = 0;
        for (int i = 0; i < nc && !in; i++)
            in = a->x1 > c[i].x0 - w->em && a->x0 < c[i].x1 + w->em;
        if (!in)
            return 0;
    }
    return 1;
}

#define MAX_TOP_BAND 64   /* lines a cut row may go on for: joining a
                             cell is linear in its length, so a page of
                             touching lines must not make one band */

/* The first band of the page: rows from the top whose boxes touch (gaps
 * under half the text height, well below any row gap) or stand as the
 * wrapped lines of the table's cells do (under its wrap threshold). */
static int top_band(const page *p, double wrap)
{
    int k = 1;
    double bottom = p->rows[0].y1;
    while (k < p->nrows && k < MAX_TOP_BAND &&
           p->rows[k].y0 - bottom < fmax(0.5 * p->rows[k].em, wrap))
        bottom = fmax(bottom, p->rows[k++].y1);
    return k;
}

/* Whether figure a followed by figure b is one well-formed figure:
 * digits in groups of three after the first when grouped, at most two
 * decimals ("2,877.9" + "4" is, "146,200" + "1,252,300" is not). */
static int joins_as_figure(const ys_buf *a, const ys_buf *b)
{
    char s[96];
    if (a->n + b->n >= sizeof s)
        return 0;
    memcpy(s, a->p, a->n);
    memcpy(s + a->n, b->p, b->n);
    size_t n = a->n + b->n, i = s[0] == '-', run = 0, groups = 0;
    for (; i < n && s[i] != '.'; i++) {
        if (s[i] == ',') {
            if (run == 0 || (groups > 0 && run != 3) || (groups == 0 && run > 3))
                return 0;
            groups++;
            run = 0;
        } else if (is_digit_at(s + i))
            run++;
        else
            return 0;
    }
    if (run == 0 || (groups > 0 && run != 3))
        return 0;
    if (i == n)
        return 1;
    size_t dec = n - i - 1;
    for (size_t j = i + 1; j < n; j++)
        if (!is_digit_at(s + j))
            return 0;
    return dec >= 1 && dec <= 2;
}

/* Whether b is digits only (a code, not a grouped or decimal figure). */
static int is_plain_digits(const ys_buf *b)
{
    for (size_t i = 0; i < b->n; i++)
        if (!is_digit_at(b->p + i))
            return 0;
    return b->n > 0;
}

/* Whether x may be the rest of figure h cut by the break: well formed
 * together, and a code's rest shorter than the part held (a code wraps
 * where its cell ends, "208050" + "5"; "30211" then "30213" are the
 * codes of two rows). */
static int goes_on_as_figure(const ys_buf *h, const ys_buf *x)
{
    if (!pdf_is_figure_text(h) || pdf_is_finished_figure(h) || !joins_as_figure(h, x))
        return 0;
    return !(is_plain_digits(h) && is_plain_digits(x) && x->n >= h->n);
}

/* Whether x, two characters at most and no digit, may be the unit of
 * figure h wrapped below it in its narrow cell ("26.07" at a page's foot,
 * "万" at the next one's top: a goal's value "26.07万"). */
static int is_unit_rest(const ys_buf *h, const ys_buf *x)
{
    size_t chars = 0;
    for (size_t i = 0; i < x->n; i++) {
        if (is_digit_at(x->p + i))
            return 0;
        chars += ((unsigned char)x->p[i] & 0xC0) != 0x80;
    }
    return pdf_is_figure_text(h) && chars >= 1 && chars <= 2;
}

/*
 * The held row goes on at this page's top when the first band lies in its
 * columns, puts figures only into cells whose figure may go on and makes
 * well-formed figures of them ("208050" + "5", not "30211" + "30213"), or holds text only, each
 * in a cell whose text reached the held row's foot below its figures
 * ("务服务" at the foot, "局）本级" at the top) or, in a row cut at the
 * foot, a figure's unit, and leaves at least one
 * figure of the held row alone (a band that fills them all is a row of
 * its own: "146,200" then "1,252,300") unless, in a row cut at the foot,
 * no cell's first glyph here would have fit on its last line there.
 */
int pdf_take_carry(page *p)
{
    pdf_carry *k = p->carry;
    if (!k)
        return 0;
    memcpy(p->top, k->col, sizeof *k->col * (size_t)k->nc);
    p->ntop = k->nc;
    p->top_wrap = k->wrap;
    p->top_header = k->header;
    p->top_line = k->head_line;
    k->header = 0;
    if (k->held && k->regrid) {     /* no line came between: as it was */
        k->regrid = 0;
        if (emit_held(k, p->d) != YS_OK)
            p->rc = YS_ENOMEM;
    }
    if (!k->held) {
        k->nc = 0;
        return 0;
    }
    int n = p->nrows ? top_band(p, k->wrap) : 0, ok = n > 0;
    for (int r = 0; r < n && ok; r++)
        ok = within_columns(p, &p->rows[r], k->col, k->nc);
    ys_buf next[PDF_MAX_COLS], line[PDF_MAX_COLS];
    memset(next, 0, sizeof next);
    memset(line, 0, sizeof line);
    for (int r = 0; r < n && ok; r++) {
        pdf_add_line(p, &p->rows[r], k->col, k->nc, line);
        pdf_join_line(next, line, k->nc);
    }
    int goes_on = 0, left_alone = 0, text_on = 0, text_ok = 1;
    for (int i = 0; i < k->nc && ok; i++) {
        const ys_buf *h = &k->cell[i], *x = &next[i];
        if (pdf_is_figure_text(x) && !(k->foot && k->tail[i])) {  /* not "指标" + "1" */
            ok = goes_on_as_figure(h, x);
            goes_on = 1;
        } else if (x->n) {
            text_on = 1;
            text_ok &= k->tail[i] || (k->foot && is_unit_rest(h, x));
        }
        /* a row cut at the foot may hold no figure: any cell left alone */
        left_alone |= (k->foot ? h->n > 0 : pdf_is_figure_text(h)) && !x->n;
    }
    if (k->header_row)  /* a header's labels cut by the break: text only */
        ok = ok && !goes_on && text_on && text_ok && (!k->oneline || pdf_goes_on_filled(p, next));
    else
        ok = ok && (goes_on || (text_on && text_ok)) && (left_alone || pdf_goes_on_wrapped(p, n, next));
    /* a header whose columns were its own words' takes the block's here */
    k->regrid = ok && k->header_row && p->top_header;
    k->header_row = k->foot = k->oneline = k->foot_reach = 0;
    if (ok)
        pdf_join_line(k->cell, next, k->nc);
    for (int i = 0; i < k->nc; i++) {
        ys_buf_free(&next[i]);
        ys_buf_free(&line[i]);
    }
    memset(k->tail, 0, sizeof k->tail);
    if (k->regrid)
        return n;
    if (emit_held(k, p->d) != YS_OK)
        p->rc = YS_ENOMEM;
    k->nc = 0;
    return ok ? n : 0;
}

/* Whether glyphs of block rows [r0, r1) stand with their middle in
 * (x0, x1], and all of them are a figure's. */
static int only_figures_within(const page *p, int r0, int r1, double x0, double x1)
{
    int any = 0;
    for (int r = r0; r < r1; r++)
        for (size_t k = p->rows[r].g0; k < p->rows[r].g0 + p->rows[r].n; k++) {
            double mid = (G(p, k)->x0 + G(p, k)->x1) / 2;
            if (mid > x0 && mid <= x1) {
                if (!is_figure_glyph(p, G(p, k)))
                    return 0;
                any = 1;
            }
        }
    return any;
}

/* A longer code than the rows above the break held ("014001" under
 * "014") runs past the carried column's edge: its last digit would
 * otherwise stand nearer the name's column and be read into it. */
void pdf_widen_carried_columns(const page *p, int r0, int r1, pdf_col *c, int nc,
                               const pdf_col *own, int nown)
{
    for (int o = 0; o < nown; o++)
        for (int j = 0; j < nc; j++)
            if (fabs(own[o].x0 - c[j].x0) < 1.0 && own[o].x1 > c[j].x1 &&
                (j == nc - 1 || own[o].x1 < c[j + 1].x0) &&
                only_figures_within(p, r0, r1, c[j].x1, own[o].x1))
                c[j].x1 = own[o].x1;
}
