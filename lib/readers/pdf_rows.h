/*
 * readers/pdf_rows.h — a page's characters and their boxes turned into
 * document lines (rows, cells, columns of table blocks, prose).  Kept apart
 * from poppler so the geometry can be tested and fuzzed on its own.
 * Internal to libyusuan.
 */
#ifndef YS_PDF_ROWS_H
#define YS_PDF_ROWS_H

#include <stddef.h>
#include "yusuan/doc.h"
#include "yusuan/fileio.h"

typedef struct pdf_glyph {
    double x0, y0, x1, y1;     /* box in points, y growing downwards */
    size_t off, len;           /* its UTF-8 text in pdf_glyphs.text */
    int space_before;          /* the text stream had a blank before it */
} pdf_glyph;

typedef struct pdf_glyphs {
    pdf_glyph *v;
    size_t n, cap;
    ys_buf text;
} pdf_glyphs;

/* Add one character (s[0..len)) with its box, in text-stream order;
 * space_before: blanks preceded it in the stream.  Returns YS_OK/YS_ENOMEM. */
int pdf_glyphs_add(pdf_glyphs *g, double x0, double y0, double x1, double y1,
                   const char *s, size_t len, int space_before);
void pdf_glyphs_clear(pdf_glyphs *g);
void pdf_glyphs_free(pdf_glyphs *g);

#define PDF_MAX_COLS 128

typedef struct pdf_col { double x0, x1; } pdf_col;

/* The cell a page ended with, read as its last line, that the next page's
 * first lines may go on (pdf_cut.c): a label beside its text (two: the
 * label's strip left of split, the text from l) or one narrow paragraph.
 * Its texts live in the document's arena. */
typedef struct pdf_cut {
    int on, two;
    size_t line;               /* the document's line it made */
    double left, split, l, right;
    const char *cell[2];
    size_t len[2];
} pdf_cut;

/* A header's row ending a page, noted with its glyphs, whose cells the
 * next page's first lines may go on (pdf_headcut.c). */
#define PDF_HEADCUT_MAX 96
typedef struct pdf_headcut {
    int on, n;                 /* n glyphs in g[] */
    size_t line;               /* the document's line it made */
    double em;
    struct {
        double x0, x1;
        unsigned char len;
        char s[4];
    } g[PDF_HEADCUT_MAX];
} pdf_headcut;

/* The last table row of a page, held until the next page shows whether its
 * first lines continue it (a row cut by the page break: "208050" at the
 * foot, "5" at the top).  Zeroed by the caller; cells are owned here. */
typedef struct pdf_carry {
    int held, nc, no, page;
    double wrap;               /* the table's wrap threshold, or -1e9 */
    int wraps;                 /* a table so far showed its cells wrap */
    double deepest;            /* the lowest bottom a table's last line
                                  reached on a page so far: where the
                                  pages' text ends (pdf_foot.c), or 0 */
    double doc_wrap;           /* the last wrap threshold a table's own
                                  gaps showed, or 0: the document's tables
                                  are set alike */
    int header_row;            /* the held row is a header's last line
                                  (no figures): only text goes on */
    int foot;                  /* the held row stands cut at the page's
                                  foot (pdf_foot.c): any text cell of it
                                  may go on */
    int header;                /* col[] are a header's (a block with no
                                  figures ending the page): they add to
                                  the next page's own columns */
    int oneline;               /* the held row is a block's one line with
                                  no figure: its text goes on only in
                                  cells it filled (pdf_edges.c) */
    size_t head_line;          /* with header: the document's line the
                                  header's block began at (pdf_regrid.c) */
    int foot_reach;            /* reach[] holds a foot row's last line's
                                  ends (pdf_note_foot) */
    int regrid;                /* the held row, a header's last row cut
                                  by the break, was joined with the page's
                                  top: it is emitted in the columns of the
                                  page's first block (pdf_emit_held_in) */
    double reach[PDF_MAX_COLS]; /* where its text ends in each column */
    unsigned char tail[PDF_MAX_COLS]; /* the held row's text cells that
                                  reach its foot past its figures (a
                                  wrapped name cut by the break), or 0 */
    pdf_col col[PDF_MAX_COLS];
    ys_buf cell[PDF_MAX_COLS];
    pdf_cut cut;               /* the page's last cell, if it may go on */
    pdf_headcut headcut;       /* the page's last row, a header's first
                                  line, if its cells may go on */
} pdf_carry;

/* Append the page's lines to d (no = ++*no each, page = page).  carry
 * (or NULL) holds a table row across pages: call pdf_carry_flush after
 * the last page.  Returns YS_OK or YS_ENOMEM. */
int pdf_emit_page(ys_doc *d, pdf_glyphs *g, int page, int *no, pdf_carry *carry);
/* Emit the held row, if any, to d.  Returns YS_OK or YS_ENOMEM. */
int pdf_carry_flush(ys_doc *d, pdf_carry *c);
void pdf_carry_free(pdf_carry *c);

#endif
