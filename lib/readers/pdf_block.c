/*
 * readers/pdf_block.c — owns a table block of a PDF page: each visual line
 * cut into the block's columns (pdf_colset.c finds them), and the logical
 * rows (bands of lines closer than the rows stand, when the document shows
 * that its cells wrap, as pdf_wrap.c tells; words wrapped under a cell).
 * The last row of a page may go to pdf_carry.c to be joined with the next
 * page's top.
 * Promise: every character of the block lands in one cell of one row;
 * nothing fails but allocation.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pdf_page.h"

#define MAX_COLS PDF_MAX_COLS
#define GRID PDF_GRID

typedef pdf_col col;

int pdf_column_of(const col *c, int nc, const pdf_glyph *a)
{
    double x = (a->x0 + a->x1) / 2, best = 1e18;
    int bi = 0;
    for (int i = 0; i < nc; i++) {
        if (x >= c[i].x0 && x <= c[i].x1)
            return i;
        double dist = x < c[i].x0 ? c[i].x0 - x : x - c[i].x1;
        if (dist < best) {
            best = dist;
            bi = i;
        }
    }
    return bi;
}

/* The column a run of glyphs [k0, k1) overlaps most (else the nearest);
 * of columns it overlaps about as much (a label spanning sub-columns of
 * one width), the first, where a spanning cell stands in a grid.  A run
 * set from a column's left edge and running over the whole next column is
 * a spanning cell's text: it stands in the column it starts in, where its
 * wrapped lines, narrower, go too ("项目1：行政审批工作" over "经费"). */
static int column_of_run(const page *p, size_t k0, size_t k1, const col *c, int nc)
{
    pdf_glyph run = *G(p, k0);
    run.x1 = G(p, k1 - 1)->x1;
    double best = 0;
    int bi = -1;
    for (int i = 0; i < nc; i++)
        if (fabs(run.x0 - c[i].x0) <= GRID && i + 1 < nc && run.x1 >= c[i + 1].x1 - GRID)
            return i;
    for (int i = 0; i < nc; i++) {
        double ov = fmin(run.x1, c[i].x1) - fmax(run.x0, c[i].x0);
        if (ov > best + (bi >= 0 ? 2 * GRID : 0)) {
            best = ov;
            bi = i;
        }
    }
    return bi >= 0 ? bi : pdf_column_of(c, nc, &run);
}

/* Whether glyph b stands at the left edge of one of the nc columns of c
 * (the occupancy grid sets an edge at most a grid cell before it). */
static int starts_column(const col *c, int nc, const pdf_glyph *b)
{
    for (int i = 0; i < nc; i++)
        if (b->x0 >= c[i].x0 - GRID && b->x0 <= c[i].x0 + 2 * GRID)
            return 1;
    return 0;
}

/* Whether the gap before glyph k of row w parts two columns: wider than
 * a word gap, outside every column, between glyphs standing in two
 * ("食堂场 武汉市": names of two narrow cells set 8 pt apart; "< 600 万"
 * filling its cell 6.8 pt before "计划" in the next).  The glyphs before
 * it stand where the run they end, from run0, stands (a label starting in
 * a narrow column and running past it, "社会效益" over "指标 1", is that
 * column's, not the next one's it ends nearer to).  A gap between CJK
 * glyphs wider than half the text height ending where a column starts
 * parts them though a wider figure of the column before reaches into it
 * ("≤32 万" wrapped before "计划数", under "≤600 万" ending 6 pt before
 * "计划数"), and so does such a gap between a figure and CJK ("≥99%"
 * before "计划数", under "≥1.6 万" reaching past its middle). */
static int gap_parts_columns(const page *p, const prow *w, size_t run0, size_t k, const col *c,
                             int nc)
{
    const pdf_glyph *a = G(p, k - 1), *b = G(p, k);
    if (b->x0 - a->x1 <= 0.25 * w->em)
        return 0;
    double mid = (a->x1 + b->x0) / 2;
    int at_edge = (is_cjk_gap(a, b, w->em) || is_label_figure_gap(p, a, b, w->em)) &&
                  starts_column(c, nc, b);
    for (int i = 0; i < nc && !at_edge; i++)
        if (mid > c[i].x0 && mid < c[i].x1)
            return 0;
    int before = run0 < k ? column_of_run(p, run0, k, c, nc) : pdf_column_of(c, nc, a);
    return before != pdf_column_of(c, nc, b);
}

/* Whether glyphs a and b, in that order, are set within a word gap (a
 * quarter of the text height): one word, not two cells. */
static int glued(const pdf_glyph *a, const pdf_glyph *b, double em)
{
    return b->x0 - a->x1 <= 0.25 * em;
}

/* Whether glyph a is a Latin letter. */
static int is_latin_glyph(const page *p, const pdf_glyph *a)
{
    char c = p->g->text.p[a->off];
    return a->len == 1 && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
}

/* Whether the figure glyph k of row w is a digit inside a word of text
 * ("项目4：信息"): its run of figure glyphs is glued to text on both
 * sides, or to a Latin letter on either: a code's run of digits and
 * letters is one word ("42011126014Y0000001" filling its cell past the
 * edge the column's shorter codes show).  A figure cell touching a label
 * cell has text on one side only, and that text is CJK. */
static int figure_in_word(const page *p, const prow *w, size_t k)
{
    size_t a = k, b = k, end = w->g0 + w->n;
    while (a > w->g0 && is_figure_glyph(p, G(p, a - 1)) && glued(G(p, a - 1), G(p, a), w->em))
        a--;
    while (b + 1 < end && is_figure_glyph(p, G(p, b + 1)) && glued(G(p, b), G(p, b + 1), w->em))
        b++;
    int left = a > w->g0 && glued(G(p, a - 1), G(p, a), w->em);
    int right = b + 1 < end && glued(G(p, b), G(p, b + 1), w->em);
    return (left && right) || (left && is_latin_glyph(p, G(p, a - 1))) ||
           (right && is_latin_glyph(p, G(p, b + 1)));
}

/* Whether glyph k of row w is placed by where it stands: a figure's. */
static int placed_figure(const page *p, const prow *w, size_t k)
{
    return w->figure && is_figure_glyph(p, G(p, k)) && !figure_in_word(p, w, k);
}

/*
 * The column of a visual line's glyph.  The figures of a row place each
 * character by where it stands (cells may touch), but for digits inside a
 * word of text; words (headers, labels) go whole to the column they
 * overlap most: they may be centred over a column's edge or run past it.
 */
int pdf_glyph_column(const page *p, const prow *w, size_t k, const col *c, int nc,
                     pdf_word *at)
{
    if (placed_figure(p, w, k))
        return pdf_column_of(c, nc, G(p, k));
    size_t end = w->g0 + w->n;
    if (k == w->g0 || G(p, k)->x0 - G(p, k - 1)->x1 > w->em || placed_figure(p, w, k - 1) ||
        gap_parts_columns(p, w, at->run0, k, c, nc)) {
        size_t e = k + 1;
        while (e < end && G(p, e)->x0 - G(p, e - 1)->x1 <= w->em && !placed_figure(p, w, e) &&
               !gap_parts_columns(p, w, k, e, c, nc))
            e++;
        at->run0 = k;
        at->col = column_of_run(p, k, e, c, nc);
    }
    return at->col;
}

/* One visual line's text per column (pdf_glyph_column). */
void pdf_add_line(page *p, prow *w, const col *c, int nc, ys_buf *cell)
{
    const pdf_glyph *last[MAX_COLS] = {0};
    pdf_word at = {w->g0, 0};
    for (size_t k = w->g0; k < w->g0 + w->n; k++) {
        int ci = pdf_glyph_column(p, w, k, c, nc, &at);
        pdf_put_glyph(p, &cell[ci], k, last[ci], w->em);
        last[ci] = G(p, k);
    }
}

/* Whether line `next` may continue the logical row `row`: no column holds
 * a finished figure in the row and another figure in the line. */
static int continues(const ys_buf *row, const ys_buf *next, int nc)
{
    for (int i = 0; i < nc; i++)
        if (row[i].n && next[i].n && pdf_is_finished_figure(&row[i]) && pdf_is_figure_text(&next[i]))
            return 0;
    return 1;
}

static void emit_cells(page *p, ys_buf *cell, int nc)
{
    for (int i = 0; i < nc; i++) {
        ys_cells_add(&p->cells, cell[i].p ? cell[i].p : "", cell[i].n);
        p->cells.oom |= cell[i].oom;
        cell[i].n = 0;
    }
    pdf_emit_line(p, 1);
}

/* Whether row r and the row above it are lines of one band of cells side
 * by side (pdf_band.c): one logical row in a document whose cells wrap. */
static int in_band_of_cells(const page *p, int r)
{
    return p->rows[r].oband == p->rows[r - 1].oband && p->rows[r].bandcells >= 2;
}

/* Lines of a band holding a figure give the block its columns (a label
 * centred beside a wrapped figure is a line of its own). */
static void mark_column_sources(page *p, int r0, int r1, const double *gap, double t,
                                int wraps)
{
    for (int r = r0; r < r1;) {
        int e = r + 1, fig = p->rows[r].figure;
        while (e < r1 && (gap[e - r0] < t || (wraps && in_band_of_cells(p, e))))
            fig |= p->rows[e++].figure;
        for (int b = r; r < e; r++) {
            p->rows[r].colsrc = fig;
            p->rows[r].band = b;
        }
    }
}

/* Whether line r is words wrapped out of a cell of the line above: one
 * cell of words starting where a cell above starts, standing far closer
 * to it than the block's rows stand to each other (a category line
 * stands a row apart). */
static int is_wrapped_words(const page *p, int r, double gap, double rowgap)
{
    const prow *w = &p->rows[r], *a = &p->rows[r - 1];
    return !w->figure && w->ncells == 1 && rowgap > 0 && gap < rowgap / 1.8 &&
           pdf_starts_cell_at(p, a, w->x0, 0, 0);
}

/* Where the cell of row a starting at glyph k ends: at its last glyph
 * before a cell gap. */
static double cell_end(page *p, const prow *a, size_t k)
{
    while (k + 1 < a->g0 + a->n && !pdf_is_cell_gap(p, a, k + 1))
        k++;
    return G(p, k)->x1;
}

/* The glyph of row a that a cell starts at, at x, or a->g0 + a->n. */
static size_t cell_start_at(page *p, const prow *a, double x)
{
    double tol = fmin(1.0, 0.1 * a->em);
    for (size_t k = a->g0; k < a->g0 + a->n; k++)
        if (fabs(G(p, k)->x0 - x) < tol && (k == a->g0 || pdf_is_cell_gap(p, a, k)))
            return k;
    return a->g0 + a->n;
}

/*
 * Whether line r (its logical row from line `first`) is the rest of the
 * cells of the line above wrapped in their narrow columns, with no row
 * between: a row cut by a page break stands at its top, its lines at the
 * text's pitch, not interleaved as cells set on a row's middle are
 * ("项目名" "项目单" "财政" over "称" "位" "拨款").  The line leaves the
 * row's first cell empty, stands under half the text height below the
 * line above, and each of its cells starts where a cell of that line
 * starts and is no wider; one of those cells ran up to the next cell of
 * its line (it filled its column), or the line above already went on so.
 * No figure stands in either (a figure row's cells are its own).
 */
static int is_wrapped_cells(page *p, int first, int r, double gap, int chained)
{
    const prow *w = &p->rows[r], *a = &p->rows[r - 1];
    if (w->figure || a->figure || gap >= 0.5 * w->em || w->x0 < p->rows[first].x0 + w->em)
        return 0;
    int filled = chained;
    for (size_t k = w->g0; k < w->g0 + w->n; k++) {
        if (k > w->g0 && !pdf_is_cell_gap(p, w, k))
            continue;
        size_t j = cell_start_at(p, a, G(p, k)->x0);
        if (j == a->g0 + a->n)
            return 0;
        double end = cell_end(p, a, j);
        if (cell_end(p, w, k) > end + 0.25 * w->em)
            return 0;
        for (size_t n = j + 1; n < a->g0 + a->n && !filled; n++)
            filled = G(p, n)->x0 >= end && G(p, n)->x0 - end < w->em;
    }
    return filled;
}

/* The wrap threshold handed to the next page: the block's own, or when
 * its gaps showed none (its wrapped lines overlap the cells centred
 * beside them), the middle between the widest gap of one cell's lines
 * (inner) and the rows' gap, when rows stand 1.8 times as far apart: a
 * cell's rest at the next page's top stands as its lines did here. */
static double carried_wrap(double t, int wraps, double inner, double rowgap)
{
    if (t > 0 || !wraps || inner <= 0 || rowgap <= 1.8 * inner)
        return t;
    return (inner + rowgap) / 2;
}

/*
 * Each logical row of the block: a visual line joins the one above when
 * the gap between them is below the block's wrap threshold, or when both
 * are lines of one band of cells (pdf_band.c) in a document whose cells
 * wrap, and it does not put a second figure into a column that holds a
 * finished one.
 */
void pdf_emit_block(page *p, int r0, int r1)
{
    double *gap = malloc(sizeof *gap * (size_t)(r1 - r0));
    if (!gap) {
        p->rc = YS_ENOMEM;
        return;
    }
    pdf_band_gaps(p, r0, r1, gap);
    size_t first_line = p->d->nlines;
    double t = -1e9;
    int open = pdf_shows_wrapping(p, r0, r1);
    /* a header cut at the page's foot, its labels' lines touching, shows
     * the cells wrap though no table of the document did before it */
    int cut_head = p->hold_last && pdf_cut_header_wrap(p, r0, r1, gap) > 0;
    if ((open || cut_head) && p->carry)
        p->carry->wraps = 1;
    int wraps = open || cut_head || (p->carry && p->carry->wraps);
    if (wraps) {
        t = pdf_wrap_threshold(p, r0, r1, gap);
        if (t > 0 && p->carry)
            p->carry->doc_wrap = t;
        else if (t == -1e9 && open)     /* too few rows to tell: lines that overlap */
            t = 0;
        else if (t == -1e9 && p->hold_last)
            t = pdf_cut_header_wrap(p, r0, r1, gap);
        if (t == -1e9 && p->carry && p->carry->doc_wrap > 0)
            t = p->carry->doc_wrap;     /* as the document's other tables */
    }
    col c[MAX_COLS];
    int nc = pdf_top_columns(p, r0, r1, c);
    if (nc > 0 && t <= 0 && p->top_wrap > t)
        t = p->top_wrap;    /* the table's rows stand as on the page before */
    mark_column_sources(p, r0, r1, gap, t, wraps);
    int from_header = 0;
    nc = pdf_block_columns(p, r0, r1, c, nc, &from_header);
    if (nc <= 0 || (from_header && pdf_regrid_header(p, c, nc) != YS_OK)) {
        p->rc = nc < 0 || from_header ? YS_ENOMEM : p->rc;
        free(gap);
        return;
    }
    pdf_emit_held_in(p, c, nc);     /* a header cut above this block */
    ys_buf row[MAX_COLS], next[MAX_COLS];
    memset(row, 0, sizeof row);
    memset(next, 0, sizeof next);
    pdf_add_line(p, &p->rows[r0], c, nc, row);
    double rowgap = pdf_middle_gap(gap, r1 - r0);
    unsigned char tail[MAX_COLS] = {0};     /* text of the row's last line */
    for (int i = 0; i < nc; i++)
        tail[i] = row[i].n > 0;
    int lines = 1, tail_figure = 1, first = r0, set = 0, chained = 0;
    double inner = 0;       /* the widest gap between one cell's lines */
    for (int r = r0 + 1; r < r1; r++) {
        pdf_add_line(p, &p->rows[r], c, nc, next);
        int cells_on = wraps && t <= 0 && is_wrapped_cells(p, first, r, gap[r - r0], chained);
        int joins = gap[r - r0] < t || is_wrapped_words(p, r, gap[r - r0], rowgap) || cells_on ||
                    (wraps && p->rows[r].oband == p->rows[r - 1].oband && p->rows[r].bandrow);
        chained = cells_on;
        if (!joins || !continues(row, next, nc)) {
            emit_cells(p, row, nc);
            set += p->hold_last ? pdf_row_setting(p, first, r, c, nc) : 0;
            inner = fmax(inner, p->hold_last ? pdf_band_inner_gap(p, first, r) : 0);
            first = r;
            lines = 0;
        }
        lines++;
        tail_figure = 0;
        for (int i = 0; i < nc; i++) {
            tail[i] = next[i].n > 0;
            tail_figure |= pdf_is_figure_text(&next[i]);
        }
        pdf_join_line(row, next, nc);
    }
    int figures = 0;
    for (int r = r0; r < r1; r++)
        figures |= p->rows[r].colsrc;
    int ended = p->hold_last && pdf_ends_above_foot(p, first, r1, c, nc);
    int cut = lines >= 2 && !tail_figure && p->carry && p->carry->wraps && !ended;
    int foot = cut && set > 0 && pdf_row_setting(p, first, r1, c, nc) < 0;
    /* a one-line row whose text filled its cell went on past the break */
    foot |= lines == 1 && set > 0 && p->carry && p->carry->wraps &&
            pdf_fills_column(p, r0, first, c, nc);
    if (p->hold_last && p->carry && !p->carry->held) {   /* the table may go on */
        memcpy(p->carry->col, c, sizeof *c * (size_t)nc);
        p->carry->nc = nc;
        p->carry->wrap = carried_wrap(t, wraps, inner, rowgap);
        /* a row cut at the foot is a body's, figures or not */
        p->carry->header = !figures && !foot;
        p->carry->head_line = first_line;
    }
    /* a one-line row with no figure goes on only where it filled its cells */
    int oneline = lines == 1 && !figures && !foot && p->carry && p->carry->wraps;
    if (!(p->hold_last && pdf_hold_row(p, row, c, nc, cut || foot || oneline ? tail : NULL, foot)))
        emit_cells(p, row, nc);
    else if (oneline)
        pdf_note_oneline(p, r1 - 1, c, nc);
    else if (foot)
        pdf_note_foot(p, r1 - 1, c, nc);
    for (int i = 0; i < nc; i++) {
        ys_buf_free(&row[i]);
        ys_buf_free(&next[i]);
    }
    free(gap);
}
