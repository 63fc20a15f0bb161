/* Unit tests: codes of letters and digits in a table's narrow first
 * column (readers/pdf_block.c) on a page laid out by hand the way
 * LibreOffice sets a wide HTML table in a small font: a project's code
 * fills its cell past where the column's shorter codes end and wraps its
 * last characters to the next line.  The code reads whole, its wrapped
 * rest joined without a space, and the name beside it keeps none of it.
 * No poppler: every expected cell is the text the test put in it. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

#define LEFT 59.8      /* a cell's text, inside its border and padding */
#define NAME 190.0
#define SUM 300.0
#define PITCH 17.25    /* wrapped lines: 15.6 pt glyphs 1.65 pt apart */

/* A table's header and a short code's row end one page; the next page
 * goes on with the table's rows in its columns (the short codes'), and a
 * row's code (a run of glyphs with no gap, a letter among digits) runs
 * past them and wraps "00" to the line below, beside its wrapped name. */
static void code_filling_its_cell(void **st)
{
    (void)st;
    pdf_glyphs g1 = {0}, g2 = {0};
    put(&g1, LEFT, 700.0, "项目编码");
    put(&g1, NAME, 700.0, "项目名称");
    put(&g1, SUM, 700.0, "合计");
    put(&g1, LEFT, 740.0, "014");
    put(&g1, NAME, 740.0, "审批局");
    put(&g1, SUM, 740.0, "61.67");
    put(&g2, LEFT, 70.0, "22");
    put(&g2, NAME, 70.0, "其他运转类");
    put(&g2, SUM, 70.0, "43.87");
    put(&g2, LEFT, 110.0, "42011126014Y0000001");
    put(&g2, NAME, 110.0, "信息化建");
    put(&g2, SUM, 110.0, "17.80");
    put(&g2, LEFT, 110.0 + PITCH, "00");
    put(&g2, NAME, 110.0 + PITCH, "设项目");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g1, &g2}, 2, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 2, (const char *const[]){"22", "其他运转类", "43.87", NULL});
    want_line(d, 3, (const char *const[]){"42011126014Y000000100", "信息化建设项目", "17.80", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g1);
    pdf_glyphs_free(&g2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(code_filling_its_cell),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
