/* Unit tests: columns of a table block that no figure stands in, laid out
 * by hand as LibreOffice and other producers set them
 * (readers/pdf_textcols.c): a header's word left of every column beside
 * a label column set from its cells' left edge is a column of its own; a
 * header's word left of a column of figures is not.  No poppler: the
 * glyph boxes are written here, so every expected cell is the text the
 * test put there. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

/* Index of the line of d whose cells include s, or d->nlines. */
static size_t line_with(const ys_doc *d, const char *s)
{
    for (size_t k = 0; k < d->nlines; k++)
        for (int c = 0; c < d->lines[k].ncells; c++)
            if (strcmp(d->lines[k].cells[c], s) == 0)
                return k;
    return d->nlines;
}

/*
 * Table 3's header and total row end a page: "科目编码" stands left of
 * every column the total row shows (its code cell is empty), beside
 * "科目名称", which starts where the total row's "合计" starts (a label
 * column set from the left).  The code column is the header's own: the
 * total's label stays in the name column, one right of the codes.
 */
static void code_column_over_total_row(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const char *head[] = {"科目编码", "科目名称", "合计", "基本支出", "项目支出"};
    const double hx[] = {59.8, 121.5, 231.0, 288.3, 345.5};
    for (int i = 0; i < 5; i++)
        put(&g, hx[i], 708.4, head[i]);
    put(&g, 121.5, 763.2, "合计");
    put(&g, 231.0, 762.1, "2877.94");
    put(&g, 288.3, 762.1, "1439.94");
    put(&g, 345.5, 762.1, "1438.00");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 2);
    want_line(d, 0, (const char *const[]){"科目编码", "科目名称", "合计", "基本支出", "项目支出", NULL});
    want_line(d, 1, (const char *const[]){"", "合计", "2877.94", "1439.94", "1438.00", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A header whose first label "合计" stands centred over its wide cell,
 * left of the figure set from the cell's right edge below it, the next
 * label over the next figures: "合计" is that figure's label, no column
 * of its own (the figures stay under their labels).
 */
static void label_left_of_figure_column(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const char *head[] = {"合计", "因公出国", "公务接待"};
    const double hx[] = {70.0, 140.0, 230.0};
    for (int i = 0; i < 3; i++)
        put(&g, hx[i], 400.0, head[i]);
    const char *fig[] = {"346.30", "288.70", "25.40"};
    const double fx[] = {100.0, 170.0, 266.0};
    for (int i = 0; i < 3; i++)
        put(&g, fx[i], 440.0, fig[i]);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    size_t k = line_with(d, "346.30");
    assert_true(k < d->nlines);
    assert_int_equal(d->lines[k].ncells, 3);
    assert_string_equal(d->lines[k].cells[0], "346.30");
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(code_column_over_total_row),
        cmocka_unit_test(label_left_of_figure_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
