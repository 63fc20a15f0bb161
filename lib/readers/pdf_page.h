/*
 * readers/pdf_page.h — the state of one PDF page being turned into lines,
 * shared by pdf_rows.c (rows, blocks, prose) and pdf_block.c (a table
 * block's columns and logical rows).  Internal to the PDF reader.
 */
#ifndef YS_PDF_PAGE_H
#define YS_PDF_PAGE_H

#include <math.h>
#include <string.h>

#include "cells.h"
#include "pdf_rows.h"

typedef struct prow {
    size_t g0, n;          /* range in the sorted index */
    double x0, x1, y0, y1, em;
    int ncells, figure, block;
    int bandcells;         /* cells side by side in its band of lines
                              overlapping one another (pdf_band.c) */
    int oband;             /* the first row of that band */
    int bandrow;           /* its band's lines are cells side by side,
                              apart by half the text height or more (cell
                              padding): one logical row */
    int fragment;          /* a line wrapped out of a block row's cell */
    double span;           /* a fragment: the width of the block row it
                              hangs from (through other fragments) */
    double strip;          /* a fragment in its row's first cell: where
                              that row's next cell starts, or 0 */
    int colsrc;            /* its band holds a figure: it gives columns */
    int band;              /* the first row of its band (pdf_block.c) */
    int labelled;          /* a label beside a paragraph taken out of a
                              block (pdf_labelled_unblock) */
} prow;

typedef struct page {
    pdf_glyphs *g;
    size_t *idx;           /* glyph indices, sorted into rows */
    prow *rows;
    int nrows;
    ys_doc *d;
    int pageno, *no;
    ys_cells cells;
    int rc;
    pdf_carry *carry;      /* the row held from the page before, or NULL */
    int hold_last;         /* the block being emitted ends the page */
    int started;           /* a line of this page was emitted */
    pdf_col top[PDF_MAX_COLS]; /* columns of the row held from the page */
    int ntop;              /* before (a table going on here), or 0 */
    double top_wrap;       /* and its wrap threshold */
    int top_header;        /* top[] are a header's columns (pdf_carry) */
    size_t top_line;       /* and the document's line it began at */
} page;

/* The width of the block row b is or hangs from: a chain of fragments
 * (a name wrapped over many lines of a narrow cell) is measured against
 * the row it grew out of, not against the fragment next to it. */
static inline double pdf_anchor_span(const prow *b)
{
    return b->fragment ? b->span : b->x1 - b->x0;
}

static inline pdf_glyph *G(const page *p, size_t k) { return &p->g->v[p->idx[k]]; }

static inline int is_figure_char(const char *s, size_t n)
{
    return n == 1 && (strchr("0123456789,.-%", s[0]) != NULL);
}

static inline int is_figure_glyph(const page *p, const pdf_glyph *a)
{
    return is_figure_char(p->g->text.p + a->off, a->len);
}

static inline int is_digit_at(const char *s) { return s[0] >= '0' && s[0] <= '9'; }

/* Whether glyphs a and b, both CJK (three bytes or more: ideographs and
 * full-width punctuation), stand over half the text height apart: the
 * text of one cell of a table sets them touching, so the gap parts two
 * narrow cells ("项目名" and "项目单" 8.5 pt apart).  Not for prose: a
 * justified line spreads its glyphs as far. */
static inline int is_cjk_gap(const pdf_glyph *a, const pdf_glyph *b, double em)
{
    return a->len >= 3 && b->len >= 3 && b->x0 - a->x1 > 0.5 * em;
}

/* Whether glyphs a and b, a CJK glyph and a figure's in either order,
 * stand over half the text height apart: a label's cell and its figure's,
 * padded close ("项目总预算" 11 pt before "26.07"); a sentence sets a
 * figure a quarter of the text height from its words. */
static inline int is_label_figure_gap(const page *p, const pdf_glyph *a, const pdf_glyph *b,
                                      double em)
{
    return b->x0 - a->x1 > 0.5 * em && ((a->len >= 3 && is_figure_glyph(p, b)) ||
                                        (b->len >= 3 && is_figure_glyph(p, a)));
}

#define PDF_GRID 0.5       /* occupancy resolution of a block, points */

/* Mark [x0, x1) in v (nv cells of PDF_GRID points from base): set to 1,
 * or with count, one more (up to 255). */
static inline void pdf_mark_by(unsigned char *v, int nv, double x0, double x1, double base,
                               int count)
{
    double fa = floor((x0 - base) / PDF_GRID), fb = ceil((x1 - base) / PDF_GRID);
    int a = fa < 0 ? 0 : fa > nv ? nv : (int)fa;   /* clamp before converting */
    int b = fb < 0 ? 0 : fb > nv ? nv : (int)fb;
    for (int k = a; k < b; k++)
        v[k] = count ? (unsigned char)(v[k] + (v[k] < 255)) : 1;
}

static inline void pdf_mark(unsigned char *v, int nv, double x0, double x1, double base)
{
    pdf_mark_by(v, nv, x0, x1, base, 0);
}

/* Emit the page's pending cells as line ++*no (sets p->rc on failure). */
void pdf_emit_line(page *p, int is_row);
/* Append glyph k to b, after a space when it stands apart from prev or the
 * text stream put one between them. */
void pdf_put_glyph(page *p, ys_buf *b, size_t k, const pdf_glyph *prev, double em);
/* Whether a cell of row b starts at x (inner: and it is not at the
 * page's left edge left, the start of every first column and of prose). */
int pdf_starts_cell_at(const page *p, const prow *b, double x, int inner, double left);
/* Mark which of the page's rows belong to table blocks (pdf_marks.c). */
void pdf_mark_blocks(page *p);
/* The columns of the table ending the page before (p->top) into c, when
 * block rows [r0, r1) open this page within their span (pdf_colset.c):
 * their number, or 0. */
int pdf_top_columns(page *p, int r0, int r1, pdf_col *c);
/* The columns of block rows [r0, r1) into c, which holds the nc columns
 * pdf_top_columns gave (or none): the block's own when they are more, or
 * the carried ones widened, or, under a header carried from the page
 * before (*from_header set), both merged with this page's header words
 * (pdf_colset.c).  Needs the rows' colsrc set.  Returns their number, 0
 * for none, -1 when out of memory. */
int pdf_block_columns(page *p, int r0, int r1, pdf_col *c, int nc, int *from_header);
/* Emit block rows [r0, r1) as table rows (sets p->rc on failure); with
 * p->hold_last its last row may go to p->carry instead. */
void pdf_emit_block(page *p, int r0, int r1);
/* The page's first lines continued the held row: they are joined to it,
 * it is emitted, and the number of rows taken is returned (0: the held
 * row, if any, is emitted as it was). */
int pdf_take_carry(page *p);
/* The header lines the page before ended with (p->top_header, from line
 * p->top_line), laid in its carried columns p->top, get an empty cell at
 * each column of c (nc, sorted) this page's block adds, when c holds each
 * carried column once (pdf_regrid.c).  Returns YS_OK or YS_ENOMEM. */
int pdf_regrid_header(page *p, const pdf_col *c, int nc);
/* Keep the page's last row (its cells move to p->carry) when a figure of
 * it may go on at the next page's top, or when tail (NULL or one flag a
 * column) marks text cells its last visual line holds below its figures,
 * or when foot says the row stands cut at the page's foot (pdf_foot.c: any
 * of its text cells may go on).  Returns 1 if held. */
int pdf_hold_row(page *p, ys_buf *row, const pdf_col *c, int nc, const unsigned char *tail,
                 int foot);
/* Emit the held row a header's cut cells were joined into (p->carry->
 * regrid) in columns c of the page's first block, each cell in the column
 * its own overlaps most; as it was when they do not part so.  Before any
 * other line of the page; sets p->rc on failure. */
void pdf_emit_held_in(page *p, const pdf_col *c, int nc);
/* The column of c (nc > 0) holding glyph a's middle, else the nearest. */
int pdf_column_of(const pdf_col *c, int nc, const pdf_glyph *a);
/* The word a walk along a line's glyphs is in (pdf_glyph_column): start
 * it at {row's first glyph, 0}. */
typedef struct pdf_word { size_t run0; int col; } pdf_word;
/* The column of c (nc > 0) that glyph k of row w stands in, as
 * pdf_add_line places it: a figure's by where it stands, a word's whole
 * in the column it overlaps most.  Ask for the row's glyphs in order. */
int pdf_glyph_column(const page *p, const prow *w, size_t k, const pdf_col *c, int nc,
                     pdf_word *at);
/* How the cells of visual rows [a, b), one logical row in columns c, stand
 * (pdf_foot.c): 1 when its shorter cells stand on its middle, -1 when one
 * stands above it, its top part level with the row's first line, and none
 * below it, 0 when no cell is shorter than the row by most of a line. */
int pdf_row_setting(const page *p, int a, int b, const pdf_col *c, int nc);
/* Whether the last row of a block ending the page, visual rows [a, b) in
 * columns c, stands centred (pdf_row_setting) and ends over a line's
 * height above the lowest a table's last line reached on a page so far
 * (pdf_foot.c): its cells' text had room to go on here, so the break cut
 * none of it.  Records the row's bottom for the pages after.  0 without
 * a carry. */
int pdf_ends_above_foot(page *p, int a, int b, const pdf_col *c, int nc);

/* Header columns (pdf_header.c), asked by pdf_block.c. */
/* Mark in occ (nv cells of PDF_GRID from base) where the words of header
 * block rows [r0, r1) stand, but for labels spanning sub-columns; returns
 * 0, or -1 on allocation failure. */
int pdf_mark_header_words(page *p, int r0, int r1, unsigned char *occ, int nv, double base);
/* The end of the text column whose words start at cell i of occ (nv
 * counts of the lines standing in each cell): *lines, the most lines in
 * it, and *next, where to look for the next column, are set. */
int pdf_text_column(const unsigned char *occ, int nv, int i, double min_gap, int *lines,
                    int *next);

/* Whether [x0, x1) overlaps one of the nc columns of c. */
static inline int pdf_overlaps_column(const pdf_col *c, int nc, double x0, double x1)
{
    for (int i = 0; i < nc; i++)
        if (x1 > c[i].x0 && x0 < c[i].x1)
            return 1;
    return 0;
}

/* qsort order of columns: by left edge. */
static inline int pdf_col_by_x0(const void *a, const void *b)
{
    double x = ((const pdf_col *)a)->x0, y = ((const pdf_col *)b)->x0;
    return x < y ? -1 : x > y;
}

/* Text columns (pdf_textcols.c), asked by pdf_block.c. */
/* Columns no figure stands in, added to the nc figure columns of block
 * rows [r0, r1) in c (sorted by x): the words of its other lines beside
 * them or, standing clear between them, before a column whose text is set
 * from its cell's left edge.  occ (nv cells of PDF_GRID from base) is
 * scratch.  Returns the new number of columns, sorted by x. */
int pdf_add_text_columns(page *p, int r0, int r1, pdf_col *c, int nc, unsigned char *occ,
                         int nv, double base);

/* The nc columns of c (sorted by x) with a column for each word of block
 * rows [r0, r1) that stands in none, parted by a cell gap from a word
 * beside it on its line that stands in one ("上年" beside "前年" under a
 * header carried from the page before).  Returns their number, sorted. */
int pdf_add_sibling_columns(page *p, int r0, int r1, pdf_col *c, int nc);

/* Columns from runs (pdf_runs.c), asked by pdf_block.c. */
/* The columns (PDF_MAX_COLS at most) that the runs of occ (nv cells of
 * PDF_GRID from base: where block rows [r0, r1) stand) make into c, wide
 * marking gaps that part cells (the block's cell gaps are added to it);
 * em is the block's text height.  Returns their number, sorted by x, or
 * -1 on allocation failure. */
int pdf_join_runs(page *p, int r0, int r1, const unsigned char *occ, unsigned char *wide,
                  int nv, double em, double base, pdf_col *c);

/* Wrapping (pdf_wrap.c), asked by pdf_block.c. */
/* Whether glyphs k-1 and k of row w stand in different cells. */
int pdf_is_cell_gap(page *p, const prow *w, size_t k);
/* gap[r - r0]: the gap above each line r0 < r < r1 of the block, from
 * the lowest bottom of the lines above it; gap[0] is unused. */
void pdf_band_gaps(const page *p, int r0, int r1, double *gap);
/* The gap below which two lines are one logical row, or -1e9. */
double pdf_wrap_threshold(const page *p, int r0, int r1, const double *gap);
/* For a block ending the page with no figure, a line of three labels or
 * more and its lines touching: a threshold joining them all (a header
 * cut from its rows), else -1e9. */
double pdf_cut_header_wrap(const page *p, int r0, int r1, const double *gap);
/* Whether the block shows its cells wrap. */
int pdf_shows_wrapping(page *p, int r0, int r1);
/* The middle of the positive gaps above lines 1..n-1, or 0. */
double pdf_middle_gap(const double *gap, int n);
/* The end of the lines of one cell wrapped in its column from row r (up
 * to r1): lines one under another at one left edge, under half a line's
 * height apart, each but the last reaching the right edge of the widest
 * (it wrapped there) and the last falling short of it (the text ran
 * out), right above a table with a cell where they start, twice as wide:
 * a table's title set in its first cell ("项目资金绩" / "效目标申报" /
 * "表").  r + 1 when rows r and r + 1 are no such lines (lines of one
 * width are a list; a paragraph's lines are not followed by a table). */
int pdf_wrapped_cell_end(const page *p, int r, int r1);

/* Labels beside paragraphs (pdf_labelled.c), asked by pdf_rows.c. */
/* The end of prose rows from r (up to r1) that are a label wrapped in a
 * narrow cell beside a paragraph wrapped in the next one, their lines
 * interleaved: rows closer than half a line apart whose glyphs, side by
 * side, leave a gap wider than half the text height after a strip at most
 * five text heights wide (the label, on two rows or more), the glyphs
 * right of it (on two rows or more, wider than the label) each row's from
 * one left edge; with the paragraph's lines above and below those rows,
 * from its left edge at its pitch (a text longer than its label, centred
 * on it).  *split gets the x parting the two.  r when rows from r are no
 * such cells. */
int pdf_labelled_end(const page *p, int r, int r1, double *split);
/* Emit rows [r, e) as one row of two cells: the label, the paragraph. */
void pdf_emit_labelled(page *p, int r, int e, double split);
/* Append the glyphs of rows [r, e) left of split to cell[0], the others to
 * cell[1] (a paragraph's next line after a space). */
void pdf_collect_labelled(page *p, int r, int e, double split, ys_buf cell[2]);
/* The end of the rows from r (up to r1) closer than half a line's height
 * to the ones above them (the lines of one cell and of the cell beside
 * it, interleaved). */
int pdf_close_rows_end(const page *p, int r, int r1);
/* The first gap from the left wider than 0.4 of the text height that the
 * glyphs of rows [r, e) leave side by side: *s where the glyphs left of it
 * end, *l where the others start; *left, *right the glyphs' extent.
 * 0 when there is none. */
int pdf_first_side_gap(const page *p, int r, int e, double *s, double *l, double *left,
                       double *right);

/* A header's row cut by a page break after its first line
 * (pdf_headcut.c), asked by pdf_rows.c.  Note in p->carry the page's last
 * row, a block's one line with no figure, read as the document's last
 * line. */
void pdf_headcut_mark(page *p);
/* When the page's first rows (one cell each, standing close) each start
 * where a word of the noted row starts and end short of its next, replace
 * that line with the row laid in the columns its cells and those rows
 * open, take the rows off the page and return how many; else 0.  Sets
 * p->rc on failure. */
int pdf_headcut_take(page *p);

/* Whether the cells of line ln, one after another and spaces aside, are
 * the glyphs of rows [r, e) in their order: the line those rows made. */
int pdf_line_is_glyphs(const page *p, const ys_line *ln, int r, int e);

/* A cell cut by a page break (pdf_cut.c), asked by pdf_rows.c. */
/* Note in p->carry the cell the page's last line was made of, when its
 * next page may go on with it: a label beside its text, or one paragraph
 * in a column under half the page's width. */
void pdf_cut_mark(page *p);
/* When the page's first rows go on with the cell noted on the page before
 * (the label's glyphs in its strip, the text's from its left edge, within
 * its column), replace that line with the cell joined, take those rows off
 * the page and return how many; else 0.  Sets p->rc on failure. */
int pdf_cut_take(page *p);
/* Take the rows of each such label and paragraph that the page's table
 * blocks cut (some of its rows block rows: a line holding a label's part
 * a cell's gap from the text's) out of them: block = 0, labelled = 1, so
 * that they read as one row of two cells.  Not at the page's foot. */
void pdf_labelled_unblock(page *p);

/* Cell edges (pdf_edges.c), asked by pdf_rows.c and pdf_block.c. */
/* Where the first cell of row b ends: the x its next cell starts at (a
 * fragment of a first cell: its row's, b->strip), or 0 when there is
 * none. */
double pdf_first_cell_end(const page *p, const prow *b);
/* Whether row w starts where row b starts and ends over half the text
 * height before b's first cell ends (pdf_first_cell_end): a line of b's
 * first cell. */
int pdf_within_first_cell(const page *p, const prow *w, const prow *b);
/* Whether a text cell of visual line r, in columns c (nc of them), ends
 * where the lines [r0, r) of its column end at the furthest: its text
 * filled the cell's width, as the lines that wrapped there did. */
int pdf_fills_column(const page *p, int r0, int r, const pdf_col *c, int nc);
/* Note in p->carry, which holds line r (in columns c, nc of them) as a
 * block's one line with no figure, where its text ends in each column. */
void pdf_note_oneline(page *p, int r, const pdf_col *c, int nc);
/* Whether each cell of next (the page's first lines in the held row's
 * columns) that goes on goes on a cell the held one-line row filled: its
 * text ended where this page's lines of that column end at the furthest
 * (they wrap there), within a quarter of the text height. */
int pdf_goes_on_filled(const page *p, const ys_buf *next);
/* Note in p->carry, which holds a row cut at the page's foot whose last
 * visual line is r (in columns c, nc of them), where that line's glyphs
 * end in each column, those running past the column's edge too. */
void pdf_note_foot(page *p, int r, const pdf_col *c, int nc);
/* Whether each cell of next (the first n rows in the held row's columns)
 * that goes on starts with a unit that would not have fit on the held
 * row's last line (a CJK glyph, or a run of ASCII ones, "=25"): its end
 * there and the unit's width pass the column's edge (pdf_note_foot).  Every cell of the row may go on so, none alone. */
int pdf_goes_on_wrapped(const page *p, int n, const ys_buf *next);

/* Bands (pdf_band.c), asked by pdf_rows.c. */
/* Set each row's bandcells (the cells side by side in its band, 1 when it
 * is no row of cells) and oband (the band's first row).  Returns YS_OK or
 * YS_ENOMEM. */
int pdf_count_band_cells(page *p);
/* The widest gap between two lines of one column in rows [i, j) (lines
 * of one cell, wrapped), measured between the glyphs one above the other;
 * 0 when none stands over another. */
double pdf_band_inner_gap(const page *p, int i, int j);

/* The columns c (nc of them, sorted by x) carried from the page before,
 * each widened to the right to the end of the own column (of nown) of
 * block rows [r0, r1) that starts where it starts, when only a figure's
 * glyphs stand past its edge and it reaches no column beside it (a longer
 * code than the rows above the break held) (pdf_carry.c). */
void pdf_widen_carried_columns(const page *p, int r0, int r1, pdf_col *c, int nc,
                               const pdf_col *own, int nown);

/* Cell text helpers (pdf_carry.c), shared with pdf_block.c. */
/* One visual line's text per column (cell[nc] appended to). */
void pdf_add_line(page *p, prow *w, const pdf_col *c, int nc, ys_buf *cell);
/* Append next's cells to row's (a figure fragment after an unfinished
 * figure without a space); next is left empty. */
void pdf_join_line(ys_buf *row, ys_buf *next, int nc);
/* Digits with , and . only, 40 characters at most. */
int pdf_is_figure_text(const ys_buf *b);
/* A figure with two decimals: no wrapped fragment follows it. */
int pdf_is_finished_figure(const ys_buf *b);

#endif
