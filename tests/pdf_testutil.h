/*
 * pdf_testutil.h — helpers shared by the PDF geometry tests (test_pdf_*.c):
 * glyphs laid out on a page by hand (put, put_sized, put_wide,
 * put_then_ascii, put_lines), one page
 * turned into lines (emit), pages through one carry (emit_pages) and
 * their freeing (drop_pages), the line a cell opens (line_starting), a
 * line's cells compared (want_line).  Boxes are
 * as poppler gives LibreOffice's 12 pt text: 15.6 pt high, CJK glyphs
 * 12 pt wide, ASCII 6.
 */
#ifndef YS_PDF_TESTUTIL_H
#define YS_PDF_TESTUTIL_H

#include <string.h>

#include "readers/pdf_rows.h"

#define H 15.6     /* glyph box height, as poppler gives a 12 pt font */
#define W 12.0     /* width of a CJK glyph; ASCII glyphs are half */

/* Put text s as glyphs from x, box top y, as poppler gives a type size
 * whose boxes are h high, CJK glyphs cw wide and ASCII ones aw; its first
 * glyph follows a blank in the text stream, as poppler gives words of one
 * line. */
static inline void put_sized(pdf_glyphs *g, double x, double y, const char *s, double h,
                             double cw, double aw)
{
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0, n = strlen(s); i < n;) {
        size_t len = u[i] < 0x80 ? 1 : u[i] < 0xE0 ? 2 : u[i] < 0xF0 ? 3 : 4;
        double w = len == 1 ? aw : cw;
        assert_int_equal(pdf_glyphs_add(g, x, y, x + w, y + h, s + i, len, i == 0), YS_OK);
        x += w;
        i += len;
    }
}

/* put_sized in 12 pt. */
static void put(pdf_glyphs *g, double x, double y, const char *s)
{
    put_sized(g, x, y, s, H, W, W / 2);
}

/* Put ASCII text s from x, box top y, its glyphs w wide (a code's figures
 * as LibreOffice sets them, 7.6 pt: the code ends 7 pt before the name). */
static inline void put_wide(pdf_glyphs *g, double x, double y, const char *s, double w)
{
    for (size_t i = 0; s[i]; i++, x += w)
        assert_int_equal(pdf_glyphs_add(g, x, y, x + w, y + H, s + i, 1, i == 0), YS_OK);
}

/* Put text s then ASCII a from ax on its line (ASCII glyphs w wide):
 * "前年" "2024", "效目标" "1". */
static inline void put_then_ascii(pdf_glyphs *g, double x, double y, const char *s, double ax,
                                  const char *a, double w)
{
    put(g, x, y, s);
    put_wide(g, ax, y, a, w);
}

/* Put the lines of one cell from x, the first at y, pitch apart. */
static inline void put_lines(pdf_glyphs *g, double x, double y, double pitch, const char *const *s,
                             int n)
{
    for (int i = 0; i < n; i++)
        put(g, x, y + pitch * i, s[i]);
}

static inline ys_doc *emit(pdf_glyphs *g)
{
    ys_doc *d = ys_doc_new("t.pdf", YS_FMT_PDF);
    assert_non_null(d);
    int no = 0;
    assert_int_equal(pdf_emit_page(d, g, 1, &no, NULL), YS_OK);
    return d;
}

/* Emit n pages through one carry; wraps: the document's tables showed
 * before that their cells wrap (a figure cut short on an earlier page).
 * Returns the document. */
static inline ys_doc *emit_pages(pdf_glyphs *const *pg, int n, int wraps)
{
    ys_doc *d = ys_doc_new("t.pdf", YS_FMT_PDF);
    assert_non_null(d);
    pdf_carry carry = {0};
    carry.wraps = wraps;
    int no = 0;
    for (int i = 0; i < n; i++)
        assert_int_equal(pdf_emit_page(d, pg[i], i + 1, &no, &carry), YS_OK);
    assert_int_equal(pdf_carry_flush(d, &carry), YS_OK);
    pdf_carry_free(&carry);
    return d;
}

/* Free the document of two pages and the pages' glyphs. */
static inline void drop_pages(ys_doc *d, pdf_glyphs *a, pdf_glyphs *b)
{
    ys_doc_free(d);
    pdf_glyphs_free(a);
    pdf_glyphs_free(b);
}

/* Index of the line of d whose first cell is s, or d->nlines. */
static inline size_t line_starting(const ys_doc *d, const char *s)
{
    size_t k = 0;
    while (k < d->nlines && !(d->lines[k].ncells > 0 && strcmp(d->lines[k].cells[0], s) == 0))
        k++;
    return k;
}

/* Line k of d has exactly the cells want[] (NULL-terminated). */
static void want_line(const ys_doc *d, size_t k, const char *const *want)
{
    assert_true(k < d->nlines);
    const ys_line *l = &d->lines[k];
    int n = 0;
    while (want[n])
        n++;
    if (l->ncells != n) {
        for (int i = 0; i < l->ncells; i++)
            print_message("cell %d: '%s'\n", i, l->cells[i]);
    }
    assert_int_equal(l->ncells, n);
    for (int i = 0; i < n; i++)
        assert_string_equal(l->cells[i], want[i]);
}

#endif
