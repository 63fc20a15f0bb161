/*
 * readers/pdf_labelled.c — owns a label set in a narrow cell beside a
 * paragraph wrapped in the cell next to it, outside any table block: the
 * label's lines ("年度" / "目标" / "4:") stand half a line off the
 * paragraph's and run into them as rows of one paragraph, and the
 * paragraph's lines above and below the label's stand at its own pitch.
 * Read as one row of two cells, the label and the paragraph.  A label of
 * two lines beside a paragraph of two stands line for line with it; it
 * counts when it wrapped inside its word, up to its colon; lines set line
 * for line whose left parts end in marks are a list (aligned_list).  Split from
 * pdf_rows.c, which asks it for its prose rows, and, before it cuts a page into table
 * blocks and prose, for such labels a line of which reads as two cells
 * (a label's line a cell's gap from the text's: "1:" beside it) and made
 * a block's row, which would cut the text in three.
 * Promise: reads the page's rows only; nothing fails but allocation.
 */
#include <math.h>
#include <stdlib.h>

#include "pdf_page.h"

typedef struct span { double x0, x1; } span;

static int by_x0(const void *a, const void *b)
{
    double x = ((const span *)a)->x0, y = ((const span *)b)->x0;
    return x < y ? -1 : x > y;
}

/* The end of the rows from r (up to r1) standing closer than half a
 * line's height to the ones above them: the lines of one cell and of the
 * cell beside it, interleaved (cells one under another stand their
 * padding apart). */
int pdf_close_rows_end(const page *p, int r, int r1)
{
    double bottom = p->rows[r].y1, em = p->rows[r].em;
    int e = r + 1;
    while (e < r1 && p->rows[e].y0 - bottom < 0.5 * em) {
        bottom = fmax(bottom, p->rows[e].y1);
        e++;
    }
    return e;
}

/* The first gap, from the left, wider than 0.4 of the text height that
 * the glyphs of rows [r, e) side by side leave: *s where the glyphs left
 * of it end, *l where the ones right of it start.  0 when there is none.
 * (LibreOffice's cell padding is a length, not a share of the type: in
 * 10.5 pt type a label's widest line stands 0.45 of the text height
 * short of its paragraph.  A list's numbers stand as close to their
 * items: aligned_list tells them apart.) */
int pdf_first_side_gap(const page *p, int r, int e, double *s, double *l, double *left,
                          double *right)
{
    size_t n = 0;
    for (int i = r; i < e; i++)
        n += p->rows[i].n;
    span *v = malloc(sizeof *v * (n ? n : 1));
    if (!v)
        return 0;   /* read as plain prose: nothing lost */
    size_t m = 0;
    for (int i = r; i < e; i++)
        for (size_t k = p->rows[i].g0; k < p->rows[i].g0 + p->rows[i].n; k++)
            v[m++] = (span){G(p, k)->x0, G(p, k)->x1};
    qsort(v, m, sizeof *v, by_x0);
    double reach = v[0].x1, em = p->rows[r].em;
    int found = 0;
    *left = v[0].x0;
    for (size_t i = 1; i < m; i++) {
        if (!found && v[i].x0 - reach > 0.4 * em) {
            *s = reach;
            *l = v[i].x0;
            found = 1;
        }
        reach = fmax(reach, v[i].x1);
    }
    *right = reach;
    free(v);
    return found;
}

/* Whether each row of [r, e) with glyphs right of split starts them at
 * the paragraph's left edge l (its lines are set from it) and sets them
 * as one cell's (no gap wider than half the text height, as between two
 * cells: not two paragraphs side by side), and how many rows hold glyphs left of it (*nlab) and
 * right of it (*ntext). */
static int paragraph_beside(const page *p, int r, int e, double split, double l, int *nlab,
                            int *ntext)
{
    *nlab = *ntext = 0;
    for (int i = r; i < e; i++) {
        const prow *w = &p->rows[i];
        int lab = 0, first = 1;
        for (size_t k = w->g0; k < w->g0 + w->n; k++) {
            if (G(p, k)->x1 <= split) {
                lab = 1;
                continue;
            }
            if (first && G(p, k)->x0 > l + w->em)
                return 0;
            if (!first && G(p, k)->x0 - G(p, k - 1)->x1 > 0.5 * w->em)
                return 0;
            first = 0;
        }
        *nlab += lab;
        *ntext += !first;
    }
    return 1;
}

/* Whether glyph k is a colon, ASCII or full-width. */
static int is_colon(const page *p, size_t k)
{
    const char *t = p->g->text.p + G(p, k)->off;
    return (G(p, k)->len == 1 && t[0] == ':') ||
           (G(p, k)->len == 3 && (unsigned char)t[0] == 0xEF && (unsigned char)t[1] == 0xBC &&
            (unsigned char)t[2] == 0x9A);
}

/* The last glyph of row i left of split, or (size_t)-1 when none. */
static size_t label_end(const page *p, int i, double split)
{
    const prow *w = &p->rows[i];
    size_t end = (size_t)-1;
    for (size_t k = w->g0; k < w->g0 + w->n && G(p, k)->x1 <= split; k++)
        end = k;
    return end;
}

/* Whether the label of two rows side by side with their paragraph's two
 * lines (a cell's line pitch apart, not half a line off as when the
 * counts differ) wrapped inside a word: its first line's last glyph left
 * of split is no colon, its second line's is ("长期目" over "标5:").  Two
 * rows of a two-column table without padding stand as close, each label
 * whole ("负责人" over "联系人"), or each ending in a colon. */
static int label_wrapped_to_colon(const page *p, int r, double split)
{
    size_t a = label_end(p, r, split), b = label_end(p, r + 1, split);
    return a != (size_t)-1 && b != (size_t)-1 && !is_colon(p, a) && is_colon(p, b) &&
           p->rows[r + 1].y0 - p->rows[r].y1 < 0.25 * p->rows[r].em;
}

/* Whether glyph k ends a list's mark or a whole label: a digit, ASCII
 * punctuation, or full-width punctuation (EF BC xx, E3 80 xx). */
static int ends_mark(const page *p, size_t k)
{
    const unsigned char *t = (const unsigned char *)p->g->text.p + G(p, k)->off;
    if (G(p, k)->len == 1)
        return !((t[0] >= 'A' && t[0] <= 'Z') || (t[0] >= 'a' && t[0] <= 'z'));
    return G(p, k)->len == 3 && (t[0] == 0xEF || (t[0] == 0xE3 && t[1] == 0x80));
}

/* Rows [r, e) each holding a label's line beside a text's (set line for
 * line, not interleaved): one label wrapped inside its word only when no
 * line of it but the last ends a mark ("1." over "2." beside a list's
 * items is a list, "长期绩" over "效目标" over "1" one label). */
static int aligned_list(const page *p, int r, int e, double split)
{
    for (int i = r; i < e; i++)
        if (p->rows[i].x1 <= split || label_end(p, i, split) == (size_t)-1)
            return 0;   /* a row of one cell alone: interleaved */
    for (int i = r; i + 1 < e; i++)
        if (ends_mark(p, label_end(p, i, split)))
            return 1;
    return 0;
}

/* The interleaved rows from r of a label beside a paragraph (the rows
 * closer than half a line apart; or two rows, label_wrapped_to_colon):
 * their end, *split and the paragraph's left edge *l; r when they are no
 * such cells. */
static int interleaved_end(const page *p, int r, int r1, double *split, double *l)
{
    int e = pdf_close_rows_end(p, r, r1);
    double s = 0, left = 0, right = 0, em = p->rows[r].em;
    if (e - r < 2 || !pdf_first_side_gap(p, r, e, &s, l, &left, &right))
        return r;
    /* a narrow label: a few characters a line, beside a wider text (a
       form's narrow column holds seven characters beside four) */
    if (s - left > 5 * em || right - *l <= s - left)
        return r;
    int nlab, ntext;
    *split = (s + *l) / 2;
    if (!paragraph_beside(p, r, e, *split, *l, &nlab, &ntext) || nlab < 2 || ntext < 2 ||
        (e - r == 2 && !label_wrapped_to_colon(p, r, *split)) || aligned_list(p, r, e, *split))
        return r;
    return e;
}

/* Whether row q reads as one line of a paragraph set from l: one cell's
 * glyphs (no gap wider than half the text height), the first at l. */
static int paragraph_line(const page *p, int q, double l)
{
    const prow *w = &p->rows[q];
    if (fabs(G(p, w->g0)->x0 - l) > 0.5 * w->em)
        return 0;
    for (size_t k = w->g0 + 1; k < w->g0 + w->n; k++)
        if (G(p, k)->x0 - G(p, k - 1)->x1 > 0.5 * w->em)
            return 0;
    return 1;
}

/* Whether rows a and b stand the pitch apart (a tenth of the text height
 * off at most): lines of one paragraph. */
static int at_pitch(const page *p, int a, int b, double pitch)
{
    return fabs(p->rows[b].y0 - p->rows[a].y0 - pitch) <= 0.1 * p->rows[a].em;
}

/* The pitch of the paragraph's lines among interleaved rows [r, e): from
 * its first text row to its next (rows holding glyphs right of split). */
static double paragraph_pitch(const page *p, int r, int e, double split, int *first, int *last)
{
    int t[2] = {-1, -1}, n = 0;
    *first = *last = -1;
    for (int i = r; i < e; i++)
        if (p->rows[i].x1 > split) {
            if (n < 2)
                t[n++] = i;
            if (*first < 0)
                *first = i;
            *last = i;
        }
    return n == 2 ? p->rows[t[1]].y0 - p->rows[t[0]].y0 : 0;
}

/*
 * A paragraph longer than its label, centred on it (LibreOffice's cells
 * set their text in the middle of the row), runs above and below the
 * rows where the label's lines interleave with its own: its lines there
 * stand a line pitch apart, wider than the half line that makes rows
 * interleaved.  They are the paragraph's lines when they stand its own
 * pitch from its next (or last) line and start at its left edge.
 */
int pdf_labelled_end(const page *p, int r, int r1, double *split)
{
    double l = 0;
    int m = r, e;
    while ((e = interleaved_end(p, m, r1, split, &l)) == m) {
        /* rows above the interleaved ones: one paragraph's lines, evenly
           apart, up to where they start */
        if (m + 1 >= r1 || p->rows[m].ncells != 1 ||
            (m > r && !at_pitch(p, m - 1, m, p->rows[r + 1].y0 - p->rows[r].y0)))
            return r;
        m++;
    }
    int first, last;
    double pitch = paragraph_pitch(p, m, e, *split, &first, &last);
    if (pitch <= 0)
        return m > r ? r : e;
    for (int q = m - 1; q >= r; q--)
        if (!paragraph_line(p, q, l) || !at_pitch(p, q, q + 1 < m ? q + 1 : first, pitch))
            return r;
    while (e < r1 && paragraph_line(p, e, l) && at_pitch(p, last, e, pitch))
        last = e++;
    return e;
}

void pdf_collect_labelled(page *p, int r, int e, double split, ys_buf cell[2])
{
    for (int i = r; i < e; i++) {
        const prow *w = &p->rows[i];
        const pdf_glyph *last[2] = {NULL, NULL};
        for (size_t k = w->g0; k < w->g0 + w->n; k++) {
            int c = G(p, k)->x1 > split;
            if (c && !last[1] && cell[1].n)
                ys_buf_put(&cell[1], " ", 1);   /* the paragraph's next line */
            pdf_put_glyph(p, &cell[c], k, last[c], w->em);
            last[c] = G(p, k);
        }
    }
}

void pdf_emit_labelled(page *p, int r, int e, double split)
{
    ys_buf cell[2] = {{0}};
    pdf_collect_labelled(p, r, e, split, cell);
    for (int c = 0; c < 2; c++) {
        ys_cells_add(&p->cells, cell[c].p ? cell[c].p : "", cell[c].n);
        p->cells.oom |= cell[c].oom;
        ys_buf_free(&cell[c]);
    }
    pdf_emit_line(p, 1);
}

/* Runs of close rows of which some, not all, are block rows, that read
 * as a label beside a paragraph: the block rows are the label's lines
 * that part from the text as cells, or the paragraph's lines above and
 * below them at its pitch (its first line, set where the second column
 * of the table above starts, read as a row of it).  A run whose rows are
 * all a block's is a table's logical row already (pdf_wrap.c joins it).
 * One ending the page is taken out too: as one row of two cells its text
 * goes on at the next page's top (pdf_cut.c), where read as a block's row
 * and prose it stayed cut. */
void pdf_labelled_unblock(page *p)
{
    for (int i = 0; i < p->nrows;) {
        int e = pdf_close_rows_end(p, i, p->nrows), blocks = 0;
        for (int r = i; r < e; r++)
            blocks += p->rows[r].block;
        double split;
        int end = i;
        if (blocks && blocks < e - i)
            end = pdf_labelled_end(p, i, p->nrows, &split);
        if (end >= e) {
            int top = i;   /* the paragraph's lines above, read as a block's */
            while (top > 0 && pdf_labelled_end(p, top - 1, p->nrows, &split) >= e)
                top--;
            for (int r = top; r < end; r++) {
                p->rows[r].block = 0;
                p->rows[r].labelled = 1;
            }
            e = end;
        }
        i = e;
    }
}
