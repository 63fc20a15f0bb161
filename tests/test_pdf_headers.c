/* Unit tests: a wide table's header whose labels wrap in narrow columns
 * side by side, their lines interleaved, as LibreOffice sets a table of
 * many columns in a small type on a portrait page, laid out by hand:
 * the stack of one label's lines is the evidence that the table's cells
 * wrap (readers/pdf_wrap.c, is_fragment_stack), though the lines of the
 * label beside it stand between them and no row of the page shows a
 * figure cut short or a name wrapped.  No poppler: the glyph boxes are
 * written here, so every expected cell is the text the test put there. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

#define PITCH 17.3  /* line pitch inside a cell (gap 1.7) */
#define HALF 8.6    /* the next column's label stands half a line lower */

#define CODE 59.8   /* columns: code, name, total, this year's income */
#define NAME 114.1
#define FIG1 158.6
#define FIG2 215.8

/* The header: the name's label wrapped four lines, the code's three a
 * half line lower; the total's and the income's labels on the code's
 * second line. */
static void put_header(pdf_glyphs *g, double y)
{
    const char *code[] = {"部门（单", "位）代", "码"};
    const char *name[] = {"部门", "（单", "位）名", "称"};
    for (int i = 0; i < 4; i++)
        put(g, NAME, y + PITCH * i, name[i]);
    for (int i = 0; i < 3; i++)
        put(g, CODE, y + HALF + PITCH * i, code[i]);
    put(g, FIG1, y + HALF + PITCH, "合计");
    put(g, FIG2, y + HALF + PITCH, "本年收入");
}

/* A row of the table: its code, the figures, and its name's lines
 * (centred on its figures when they wrap). */
static void put_row(pdf_glyphs *g, double y, const char *code, const char *const *name, int n)
{
    if (code)
        put(g, CODE, y, code);
    put(g, FIG1, y, "2877.94");
    put(g, FIG2, y, "2877.94");
    double top = y - (n - 1) * PITCH / 2;
    for (int i = 0; i < n; i++)
        put(g, NAME, top + PITCH * i, name[i]);
}

/*
 * The header alone wraps on its page: no figure cut short, no name
 * wrapped in the rows under it (the page breaks before any).  Its labels
 * read whole, one header row, and not as seven lines of fragments.
 */
static void interleaved_labels_read_whole(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put(&g, 56.8, 529.4, "单位：万元");
    put_header(&g, 564.5);
    put_row(&g, 652.0, NULL, (const char *const[]){"合计"}, 1);
    put_row(&g, 687.9, "014", (const char *const[]){"武汉市"}, 1);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 0);
    want_line(d, 1, (const char *const[]){"部门（单位）代码", "部门（单位）名称", "合计", "本年收入",
                                          NULL});
    assert_true(d->lines[1].is_row);
    want_line(d, 2, (const char *const[]){"", "合计", "2877.94", "2877.94", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * The same page with the last row cut at its foot, its name going on at
 * the next page's top ("洪山区/行政审/批局" above the next row): since the
 * header showed that the table's cells wrap, the row reads whole.
 */
static void row_cut_under_interleaved_labels_reads_whole(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    put(&a, 56.8, 529.4, "单位：万元");
    put_header(&a, 564.5);
    put_row(&a, 652.0, NULL, (const char *const[]){"合计"}, 1);
    put_row(&a, 687.9, "014", (const char *const[]){"武汉市"}, 1);
    const char *rest[] = {"洪山区", "行政审", "批局"};
    for (int i = 0; i < 3; i++)
        put(&b, NAME, 33.9 + PITCH * i, rest[i]);
    put_row(&b, 140.5, "015", (const char *const[]){"武汉市", "洪山区", "政务局"}, 3);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 0);
    size_t k = line_starting(d, "014");
    want_line(d, k, (const char *const[]){"014", "武汉市洪山区行政审批局", "2877.94", "2877.94",
                                          NULL});
    assert_int_equal(d->lines[k].page, 1);
    want_line(d, k + 1, (const char *const[]){"015", "武汉市洪山区政务局", "2877.94", "2877.94",
                                              NULL});
    assert_int_equal(d->nlines, k + 2);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(interleaved_labels_read_whole),
        cmocka_unit_test(row_cut_under_interleaved_labels_reads_whole),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
