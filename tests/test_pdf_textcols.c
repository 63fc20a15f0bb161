/* Unit tests: columns of a table block that no figure stands in, laid out
 * by hand as LibreOffice and other producers set them
 * (readers/pdf_textcols.c): a header's word left of every column beside
 * a label column set from its cells' left edge is a column of its own,
 * also when narrow cells stand the two words close; a header's word left
 * of a column of figures is not.  No poppler: the
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

/* A header (head[5] at x hx[5], top y) over a total row: "合计" where
 * the second label starts, its figures where the last three start, 2.6 pt
 * lower (as LibreOffice sets them).  The header's five labels stay five
 * cells; the total's label stays under the second, its code cell empty. */
static void header_over_total_row(const char *const *head, const double *hx, double y)
{
    pdf_glyphs g = {0};
    for (int i = 0; i < 5; i++)
        put(&g, hx[i], y, head[i]);
    put(&g, hx[1], y + 92.3, "合计");
    const char *fig[] = {"2877.94", "1439.94", "1438.00"};
    for (int i = 0; i < 3; i++)
        put(&g, hx[2 + i], y + 89.7, fig[i]);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 2);
    want_line(d, 0, (const char *const[]){head[0], head[1], head[2], head[3], head[4], NULL});
    want_line(d, 1, (const char *const[]){"", "合计", fig[0], fig[1], fig[2], NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
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
    const char *head[] = {"科目编码", "科目名称", "合计", "基本支出", "项目支出"};
    header_over_total_row(head, (const double[]){59.8, 121.5, 231.0, 288.3, 345.5}, 697.7);
}

/*
 * As above, but the cells are narrow and padded close: "单位编码" ends
 * 7.4 pt before "单位名称" (under half of the 15.6 pt text height, over a
 * quarter), which starts where the total row's "合计" starts.  The two
 * labels are two cells, the code column the header's own.
 */
static void close_code_column_over_total_row(void **st)
{
    (void)st;
    const char *head[] = {"单位编码", "单位名称", "合计", "基本支出", "项目支出"};
    header_over_total_row(head, (const double[]){59.8, 115.2, 271.3, 332.3, 506.7}, 697.7);
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
        cmocka_unit_test(close_code_column_over_total_row),
        cmocka_unit_test(label_left_of_figure_column),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
