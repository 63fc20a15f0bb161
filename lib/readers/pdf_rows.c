/*
 * readers/pdf_rows.c — owns the geometry of PDF text: characters grouped
 * into rows by their vertical centres, rows split into cells at gaps wider
 * than the text height (or whole figures apart), which rows make table
 * blocks (rows of cells, lines wrapped out of them, header labels of
 * narrow cells side by side, the bands of pdf_band.c; handed to
 * pdf_block.c for columns and logical rows), prose rows rejoined.
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

/* ---- table blocks ---------------------------------------------------- */

/* A one-cell line wrapped out of a cell of block row b: closer to it than
 * a line's height and narrower than half of the row it hangs from; next
 * to another fragment, no wider than three line heights (the lines of
 * one narrow cell, not a paragraph of a form's wide cell), or five when
 * it starts where that fragment starts (the next line of one cell of
 * four or five characters: "证照购买" over "和表格印"), unless it is
 * staggered, overlapping the lines above and below it (lines of narrow
 * cells centred on one row: "部门（单" between "部门" and "（单"; a
 * paragraph's lines never overlap), or beside a fragment of digits,
 * overlapping it (the first line of a name wrapped beside a code wrapped
 * in its narrow cell: "机关事业单位基" over "本养老保险缴费", "208050"
 * between them).  Under a row of narrow cells, a line of its first cell
 * may be wider than half the row: it stands short of the next cell
 * ("务服务" under "5：政 │ 类", a row cut by a page break), and so do
 * the lines under it. */
static int is_cell_fragment(const page *p, const prow *w, const prow *b, int staggered)
{
    double gap = w->y0 > b->y0 ? w->y0 - b->y1 : b->y0 - w->y1;
    int beside = b->figure && gap < 0 && (w->x0 >= b->x1 || w->x1 <= b->x0);
    double width = w->x1 - w->x0;
    int stacked = fabs(w->x0 - b->x0) < 0.1 * w->em && width <= 5 * w->em;
    if (b->fragment && width > 3 * w->em && !staggered && !beside && !stacked)
        return 0;
    return b->block && w->ncells == 1 && gap < fmin(w->em, b->em) &&
           (width < 0.5 * pdf_anchor_span(b) || (stacked && pdf_within_first_cell(p, w, b)));
}

int pdf_starts_cell_at(const page *p, const prow *b, double x, int inner, double left)
{
    double tol = fmin(1.0, 0.1 * b->em);
    if (inner && x < left + 3 * b->em)
        return 0;
    size_t lo = b->g0, hi = b->g0 + b->n;     /* glyphs are in x order */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (G(p, mid)->x0 < x - tol)
            lo = mid + 1;
        else
            hi = mid;
    }
    /* a few glyphs at most stand at one x (bounded on stacked glyphs) */
    for (size_t k = lo; k < b->g0 + b->n && k < lo + 8 && G(p, k)->x0 < x + tol; k++)
        if (k == b->g0 || G(p, k)->x0 - G(p, k - 1)->x1 > 0.5 * b->em)
            return 1;
    return 0;
}

/* Whether rows [i, j) at the page's top each start where a column of the
 * table ending the page before starts, one of them not its first column
 * (the table goes on here with its first cells empty). */
static int starts_top_columns(const page *p, int i, int j)
{
    int any_inner = 0;
    for (int r = i; r < j; r++) {
        const prow *w = &p->rows[r];
        int at = -1;
        for (int c = 0; c < p->ntop && at < 0; c++)
            if (fabs(p->top[c].x0 - w->x0) < fmin(1.0, 0.1 * w->em))
                at = c;
        if (at < 0)
            return 0;
        any_inner |= at > 0;
    }
    return any_inner;
}

/*
 * One-cell lines between rows of two or more cells are a table's rows
 * with the other cells empty ("十、城乡社区支出" under "九、其他收入 │
 * 九、节能环保支出") or text wrapped in one cell, when each starts exactly
 * where a cell of the rows above and below starts and one of them stands in
 * an inner column (a label of a form's first column alone is no table
 * row: its form's rows stay as they are).  At a page's foot (a table cut
 * by the page) only lines in an inner column count: prose never starts
 * there.  At a page's top they go on with the table ending the page
 * before when they start where its columns start.  Lines of the band of
 * the row above or below (a label wrapped beside its figures, "收入构" /
 * "成") are that row's, not the run's.
 */
static void mark_column_runs(page *p)
{
    double left = 1e18;
    for (int i = 0; i < p->nrows; i++)
        left = fmin(left, p->rows[i].x0);
    for (int i = 0; i < p->nrows;) {
        if (p->rows[i].ncells >= 2) {
            i++;
            continue;
        }
        int j = i;
        while (j < p->nrows && p->rows[j].ncells < 2)
            j++;
        const prow *a = i > 0 ? &p->rows[i - 1] : NULL, *b = j < p->nrows ? &p->rows[j] : NULL;
        while (a && i < j && is_cell_fragment(p, &p->rows[i], a, 0))
            i++;    /* the last lines of a's wrapped cells are no run of rows */
        if (!a && starts_top_columns(p, i, j)) {
            for (int r = i; r < j; r++)
                p->rows[r].block = 1;
            i = j;
            continue;
        }
        int inner = !b, ok = a != NULL, any_inner = 0, s = i, e = j;
        while (a && s < e && p->rows[s].oband == a->oband)
            s++;        /* lines of the bands of a and b are theirs */
        while (b && e > s && p->rows[e - 1].oband == b->oband)
            e--;
        for (int r = s; r < e && ok; r++) {
            double x = p->rows[r].x0;
            ok = pdf_starts_cell_at(p, a, x, inner, left) && (!b || pdf_starts_cell_at(p, b, x, 0, left));
            any_inner |= pdf_starts_cell_at(p, a, x, 1, left);
        }
        ok = ok && any_inner;
        for (int r = s; r < e && ok; r++)
            p->rows[r].block = 1;
        i = j;
    }
}

/* Mark row i a fragment of the block row above or below it; returns 1
 * if it was not marked before. */
static int mark_fragment(page *p, int i)
{
    prow *w = &p->rows[i];
    const prow *from = NULL;
    if (w->block)
        return 0;
    int staggered = i > 0 && i + 1 < p->nrows && w->y0 < p->rows[i - 1].y1 &&
                    w->y1 > p->rows[i + 1].y0;
    if (i > 0 && is_cell_fragment(p, w, &p->rows[i - 1], staggered))
        from = &p->rows[i - 1];
    else if (i + 1 < p->nrows && is_cell_fragment(p, w, &p->rows[i + 1], staggered))
        from = &p->rows[i + 1];
    if (!from)
        return 0;
    w->span = pdf_anchor_span(from);
    w->strip = pdf_within_first_cell(p, w, from) ? pdf_first_cell_end(p, from) : 0;
    w->block = w->fragment = 1;
    return 1;
}

/* Whether one-cell row w parts at gaps between CJK glyphs (is_cjk_gap)
 * into runs no wider than four line heights, each of which starts where
 * a cell of block row b starts: labels wrapped in narrow cells side by
 * side ("一般公共 政府 国有" over "预算 性基 资本"), not a justified line
 * of prose (nor the paragraphs of two wide cells). */
static int parts_as_row(page *p, const prow *w, const prow *b)
{
    int runs = 1;
    double run0 = G(p, w->g0)->x0;
    for (size_t k = w->g0 + 1; k <= w->g0 + w->n; k++) {
        int end = k == w->g0 + w->n;
        if (!end && !is_cjk_gap(G(p, k - 1), G(p, k), w->em))
            continue;
        if (G(p, k - 1)->x1 - run0 > 4 * w->em)
            return 0;
        if (end)
            break;
        if (!pdf_starts_cell_at(p, b, G(p, k)->x0, 0, 0))
            return 0;
        run0 = G(p, k)->x0;
        runs++;
    }
    return runs >= 2;
}

/* A one-cell row touching a block row of labels (no figure; under a
 * line's height apart) that parts as a row of its cells joins the block:
 * a header's labels wrapped in narrow cells.  (Beside a row's figures the
 * lines of narrow cells are its wrapped fragments.) */
static void mark_cjk_rows(page *p)
{
    for (int i = 0; i < p->nrows; i++) {
        prow *w = &p->rows[i];
        if (w->block || w->ncells != 1)
            continue;
        for (int d = -1; d <= 1 && !w->block; d += 2) {
            const prow *b = i + d >= 0 && i + d < p->nrows ? &p->rows[i + d] : NULL;
            double gap = b ? (d > 0 ? b->y0 - w->y1 : w->y0 - b->y1) : 1e9;
            if (b && b->block && !b->figure && b->ncells >= 2 && gap < w->em &&
                parts_as_row(p, w, b))
                w->block = 1;
        }
    }
}

/* Mark the rows' fragments: down the page, then up, so a chain of
 * fragments either way is marked in one round; a few rounds at most
 * (bounded on any page). */
static void mark_fragments(page *p)
{
    for (int changed = 1, round = 0; changed && round < 8; round++) {
        changed = 0;
        for (int i = 0; i < p->nrows; i++)
            changed |= mark_fragment(p, i);
        for (int i = p->nrows - 1; i >= 0; i--)
            changed |= mark_fragment(p, i);
    }
}

/* Rows of two or more cells form blocks; a one-cell row between two such
 * rows (a category line, a name without figures) stays in the block, and
 * so do the lines of text wrapped out of its cells.  Then a band holding
 * cells side by side (pdf_band.c) is the block's whole when it holds a
 * figure or a block's line (a name wrapped beside its figure; a tall
 * cell's first lines above the row's labels), or, in a document whose
 * tables showed their cells wrap, a label beside a goal's text; with the
 * fragments it anchors.  There a band holding a figure or a block's line
 * whose narrow cells stand only half the text height apart is one too
 * (an indicator's label half a line below its name's first line, its
 * value "≥95%" no whole figure). */
static void mark_blocks(page *p)
{
    for (int i = 0; i < p->nrows; i++)
        p->rows[i].block = p->rows[i].ncells >= 2;
    for (int i = 1; i + 1 < p->nrows; i++)
        if (!p->rows[i].block && p->rows[i - 1].ncells >= 2 && p->rows[i + 1].ncells >= 2)
            p->rows[i].block = 1;
    mark_column_runs(p);
    mark_cjk_rows(p);
    mark_fragments(p);
    int more = 0, wraps = p->carry && p->carry->wraps;
    for (int i = 0; i < p->nrows;) {
        int j = i + 1, anchored = p->rows[i].figure || p->rows[i].block;
        for (; j < p->nrows && p->rows[j].oband == i; j++)
            anchored |= p->rows[j].figure || p->rows[j].block;
        int held = wraps || anchored;
        int cells = p->rows[i].bandcells >= 2 || (wraps && anchored && p->rows[i].bandrow);
        for (int r = i; r < j && held && cells; r++)
            if (!p->rows[r].block)
                p->rows[r].block = more = 1;
        i = j;
    }
    if (more)
        mark_fragments(p);
}

void pdf_emit_line(page *p, int is_row)
{
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
    int taken = pdf_take_carry(p);
    if (taken > 0) {        /* those lines are part of the page before's row */
        memmove(p->rows, p->rows + taken, sizeof *p->rows * (size_t)(p->nrows - taken));
        p->nrows -= taken;
    }
    if (pdf_count_band_cells(p) != YS_OK)
        return YS_ENOMEM;
    mark_blocks(p);
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
    pdf_cut_mark(p);
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
