/* Unit tests: text stacked line by line in narrow cells, as LibreOffice
 * sets a form and a project list on a portrait page, laid out by hand: a
 * form's first cell alone in its row, one word a line, above the form's
 * rows (readers/pdf_marks.c, mark_first_cell_stacks), and two narrow
 * cells' lines side by side under a row cut by the page's foot
 * (is_cell_fragment).  No poppler: the glyph boxes are written here, so
 * every expected cell is the text the test put there. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

#define PITCH 17.2  /* line pitch inside a cell (gap 1.6) */

/*
 * Under a form's title, its "填报日期" row: the first cell alone, wrapped
 * a word a line in the narrow first column (the other cells empty), a
 * row's gap above the form's next row.  It is one row of the form, not
 * seven lines of prose that part the title from the form's rows.
 */
static void first_cell_stacked_above_form(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put(&g, 56.8, 221.2, "部门整体支出绩效目标申报表");
    const char *date[] = {"填报", "日", "期：", "2026", "年1", "月6", "日"};
    for (int i = 0; i < 7; i++)
        put(&g, 59.8, 256.4 + PITCH * i, date[i]);
    const char *label[] = {"部门", "（单", "位）", "名称"};
    for (int i = 0; i < 4; i++)
        put(&g, 59.8, 394.2 + PITCH * i, label[i]);
    const char *name[] = {"武汉市洪山区行政审批", "局（武汉市洪山区政务", "服务局）"};
    for (int i = 0; i < 3; i++)
        put(&g, 100.1, 402.8 + PITCH * i, name[i]);
    put(&g, 59.8, 483.5, "填报");
    put(&g, 59.8, 483.5 + PITCH, "人");
    put(&g, 100.1, 492.1, "马清");
    put(&g, 264.5, 492.1, "联系电话");
    put(&g, 440.6, 491.1, "87698006");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 4);
    assert_string_equal(d->lines[0].cells[0], "部门整体支出绩效目标申报表");
    want_line(d, 1, (const char *const[]){"填报日期：2026年1月6日", NULL});
    assert_true(d->lines[1].is_row);
    want_line(d, 2, (const char *const[]){"部门（单位）名称", "武汉市洪山区行政审批局（武汉市洪山区政务服务局）", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* Two close lines above the same form, starting where its first cell
 * starts but running past where its next cell starts: a note's prose,
 * not a cell's stack; they stay lines of their own, no row. */
static void wide_lines_above_form_stay_prose(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put(&g, 59.8, 256.4, "本表填报说明：");
    put(&g, 59.8, 256.4 + PITCH, "各栏按年度预算填列。");
    put(&g, 59.8, 394.2, "部门");
    put(&g, 59.8, 394.2 + PITCH, "名称");
    put(&g, 100.1, 402.8, "武汉市洪山区行政审批局");
    put(&g, 59.8, 483.5, "填报人");
    put(&g, 100.1, 483.5, "马清");
    put(&g, 264.5, 483.5, "联系电话");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 0, (const char *const[]){"本表填报说明：", NULL});
    want_line(d, 1, (const char *const[]){"各栏按年度预算填列。", NULL});
    assert_false(d->lines[0].is_row || d->lines[1].is_row);
    want_line(d, 2, (const char *const[]){"部门名称", "武汉市洪山区行政审批局", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

#define CODE 59.8   /* project list columns: code, name, unit, figures */
#define NAME 227.3
#define UNIT 271.8
#define FIG1 316.3
#define FIG2 377.3

/*
 * A project's row cut by the page's foot: its name and unit wrapped three
 * characters a line in two narrow cells side by side, so that one line
 * holds both ("目经费 行政审" under "建设项 洪山区"), then the unit's
 * lines alone; its rest opens the next page.  The row reads whole, and
 * the next project's row after it.
 */
static void narrow_cells_side_by_side_cut_at_foot(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    put(&a, CODE, 662.7, "22");
    put(&a, NAME, 655.1, "其他运");
    put(&a, NAME, 672.4, "转类");
    put(&a, FIG1, 662.7, "43.87");
    put(&a, FIG2, 662.7, "43.87");
    put_wide(&a, CODE, 707.3, "42011126014Y000000100", 7.64);
    put(&a, FIG1, 707.3, "17.80");
    put(&a, FIG2, 707.3, "17.80");
    const char *name[] = {"信息化", "建设项", "目经费"};
    const char *unit[] = {"武汉市", "洪山区", "行政审", "批局", "（武汉"};
    for (int i = 0; i < 3; i++)
        put(&a, NAME, 709.9 + PITCH * i, name[i]);
    for (int i = 0; i < 5; i++)
        put(&a, UNIT, 709.9 + PITCH * i, unit[i]);
    const char *rest[] = {"市洪山", "区政务", "服务", "局）本", "级"};
    for (int i = 0; i < 5; i++)
        put(&b, UNIT, 33.9 + PITCH * i, rest[i]);
    const char *next[] = {"武汉市", "洪山区", "行政审", "批局", "（武汉", "市洪山", "区政务",
                          "服务", "局）本", "级"};
    for (int i = 0; i < 10; i++)
        put(&b, UNIT, 140.5 + PITCH * i, next[i]);
    put(&b, NAME, 209.5, "食堂场");
    put(&b, NAME, 209.5 + PITCH, "所租赁");
    put_wide(&b, CODE, 217.1, "42011126014Y000000101", 7.64);
    put(&b, FIG1, 217.1, "26.07");
    put(&b, FIG2, 217.1, "26.07");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    size_t k = line_starting(d, "42011126014Y000000100");
    want_line(d, k, (const char *const[]){"42011126014Y000000100", "信息化建设项目经费",
                                          "武汉市洪山区行政审批局（武汉市洪山区政务服务局）本级",
                                          "17.80", "17.80", NULL});
    assert_int_equal(d->lines[k].page, 1);
    want_line(d, k + 1, (const char *const[]){"42011126014Y000000101", "食堂场所租赁",
                                              "武汉市洪山区行政审批局（武汉市洪山区政务服务局）本级",
                                              "26.07", "26.07", NULL});
    assert_int_equal(d->nlines, k + 2);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_cell_stacked_above_form),
        cmocka_unit_test(wide_lines_above_form_stay_prose),
        cmocka_unit_test(narrow_cells_side_by_side_cut_at_foot),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
