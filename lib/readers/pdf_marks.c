/*
 * readers/pdf_marks.c — owns which lines of a page belong to its table
 * blocks: rows of two or more cells, one-cell lines between them or in
 * runs starting where their cells start, the lines wrapped out of their
 * cells (fragments), header labels of narrow cells side by side, the
 * bands of pdf_band.c that hold a figure or a block's line, and a form's
 * first cell alone in its row, stacked a word a line above the form.  pdf_rows.c
 * asks it once per page (pdf_mark_blocks) before it cuts blocks into
 * columns (pdf_block.c) and rejoins the rest as prose.
 * Promise: only the rows' block and fragment marks (and a fragment's span
 * and strip) change; nothing allocates, nothing fails.
 */
#include <math.h>

#include "pdf_page.h"

static int parts_as_row(const page *p, const prow *w, const prow *b);

/* A one-cell line wrapped out of a cell of block row b: closer to it than
 * a line's height and narrower than half of the row it hangs from; next
 * to another fragment, no wider than three line heights (the lines of
 * one narrow cell, not a paragraph of a form's wide cell), or five when
 * it starts where that fragment starts (the next line of one cell of
 * four or five characters: "证照购买" over "和表格印") or parts at its
 * gaps into the cells of that fragment (the next lines of narrow cells
 * side by side: "目经费 行政审" under "建设项 洪山区"), unless it is
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
    if (b->fragment && width > 3 * w->em && !staggered && !beside && !stacked &&
        !parts_as_row(p, w, b))
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

/* pdf_starts_cell_at for the lines of row a's band: a cell of the row
 * above starts there though its line nearest the run does not ("数量指标"
 * opens a band whose last line, "理业务数量 数据", starts a column on). */
static int band_starts_cell_at(const page *p, const prow *a, double x, int inner, double left)
{
    for (int r = a->oband; r < p->nrows && p->rows[r].oband == a->oband; r++)
        if (pdf_starts_cell_at(p, &p->rows[r], x, inner, left))
            return 1;
    return 0;
}

/* Whether one-cell row w parts, at gaps that part cells (is_cjk_gap,
 * is_label_figure_gap), into two or more runs each starting where a cell
 * of row a's band starts: a line of a row's cells closer than the text
 * height ("效目标 1 │ “高效办成一件", a goal's row cut by the page's foot,
 * a line under "年度绩 │ 深化政务服务").  Asked of lines under half a
 * line below the one above: lines of one row.  A row of its own whose
 * cells stand that close at the foot is prose's to read (pdf_cut.c). */
static int parts_at_cells_of(const page *p, const prow *w, const prow *a)
{
    int runs = 1;
    if (!band_starts_cell_at(p, a, G(p, w->g0)->x0, 0, 0))
        return 0;
    for (size_t k = w->g0 + 1; k < w->g0 + w->n; k++) {
        const pdf_glyph *x = G(p, k - 1), *y = G(p, k);
        if (!is_cjk_gap(x, y, w->em) && !is_label_figure_gap(p, x, y, w->em))
            continue;
        if (!band_starts_cell_at(p, a, y->x0, 0, 0))
            return 0;
        runs++;
    }
    return runs >= 2;
}

/*
 * One-cell lines between rows of two or more cells are a table's rows
 * with the other cells empty ("十、城乡社区支出" under "九、其他收入 │
 * 九、节能环保支出") or text wrapped in one cell, when each starts exactly
 * where a cell of the rows above (any line of their band) and below
 * starts and one of them stands in an inner column (a label of a form's
 * first column alone is no table row: its form's rows stay as they are).
 * At a page's foot (a table cut by the page) only lines in an inner
 * column count, or lines parting into the cells of the rows above
 * (parts_at_cells_of): prose never starts there.  At a page's top they go
 * on with the table ending the page before when they start where its
 * columns start.  Lines of the band of
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
        int inner = !b, ok = a != NULL, any_inner = 0, s = i, e = j;
        while (a && s < e && p->rows[s].oband == a->oband)
            s++;        /* lines of the bands of a and b are theirs */
        while (b && e > s && p->rows[e - 1].oband == b->oband)
            e--;
        if (!a && starts_top_columns(p, s, e)) {
            for (int r = s; r < e; r++)
                p->rows[r].block = 1;
            i = j;
            continue;
        }
        for (int r = s; r < e && ok; r++) {
            double x = p->rows[r].x0;
            int parts = !b && p->rows[r].y0 - p->rows[r - 1].y1 < 0.5 * p->rows[r].em &&
                        parts_at_cells_of(p, &p->rows[r], a);
            ok = parts || (band_starts_cell_at(p, a, x, inner, left) &&
                           (!b || pdf_starts_cell_at(p, b, x, 0, left)));
            any_inner |= parts || band_starts_cell_at(p, a, x, 1, left);
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
static int parts_as_row(const page *p, const prow *w, const prow *b)
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

/* Where the first cell of the band of cells that block row b opens ends:
 * the nearest start of a line of that band right of b's start by more
 * than the text height, or 0 when the band holds one column. */
static double band_next_cell(const page *p, int b)
{
    const prow *w = &p->rows[b];
    double next = 0;
    for (int r = b; r < p->nrows && p->rows[r].oband == w->oband; r++) {
        double x = p->rows[r].x0;
        if (x > w->x0 + w->em && (next == 0 || x < next))
            next = x;
    }
    return next;
}

/*
 * A stack of two or more one-cell lines standing close above block row b
 * (under twice the text height), each starting where b's first cell starts
 * and ending short of where its band's next cell starts, the lines no
 * further apart than a third of their height: the text of one narrow
 * first cell, wrapped line by line, in a row of its own whose other cells
 * are empty ("填报日期：2026 年 1 月 6 日" over a form's first column, one
 * word a line).  A title, a heading or prose runs wider, or starts at the
 * page's margin, not at a cell's padding.
 */
static void mark_first_cell_stacks(page *p)
{
    for (int b = 1; b < p->nrows; b++) {
        const prow *w = &p->rows[b];
        if (!w->block || p->rows[b - 1].block || w->oband != b)
            continue;
        double next = band_next_cell(p, b);
        if (next == 0)
            continue;
        int top = b;
        double below = w->y0, most = 2 * w->em;
        while (top > 0) {
            const prow *s = &p->rows[top - 1];
            double gap = below - s->y1;
            if (s->block || s->ncells != 1 || fabs(s->x0 - w->x0) >= 0.1 * w->em ||
                next - s->x1 < 0.5 * w->em || gap >= most || fabs(s->em - w->em) > 0.1 * w->em)
                break;
            top--;
            below = s->y0;
            most = w->em / 3;
        }
        for (int r = top; b - top >= 2 && r < b; r++)
            p->rows[r].block = 1;
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
void pdf_mark_blocks(page *p)
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
    mark_first_cell_stacks(p);
    if (more)
        mark_fragments(p);
}
