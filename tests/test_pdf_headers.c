/* Unit tests: tables' headers whose labels wrap in narrow cells, as
 * LibreOffice sets them on a portrait page, laid out by hand: a wide
 * table's labels wrapped side by side, their lines interleaved, where the
 * stack of one label's lines is the evidence that the table's cells wrap
 * (readers/pdf_wrap.c, is_fragment_stack), though the lines of the label
 * beside it stand between them and no row of the page shows a figure cut
 * short or a name wrapped; a header alone at a page's foot, its lines
 * one row with no row gap to measure (pdf_cut_header_wrap); and its
 * sub-header at the next page's top, a word beside one in the carried
 * header's column a column of its own (pdf_add_sibling_columns); and a
 * longer code than the page before held, whose column there widens to
 * hold it (pdf_widen_carried_columns).  No
 * poppler: the glyph boxes are written here, so every expected cell is
 * the text the test put there. */
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

/*
 * The rows above the break hold a short code ("014"), the next page's row
 * a longer one ("014001"), its digits running past where the column the
 * page before showed ends, nearer the name's column than that edge: the
 * page's own code column, starting where it starts and holding figures
 * only past its edge, widens it, and the code reads whole.
 */
static void longer_code_after_break_reads_whole(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    put_header(&a, 564.5);
    put_row(&a, 652.0, NULL, (const char *const[]){"合计"}, 1);
    put_wide(&a, CODE, 687.9, "014", 7.6);
    put_row(&a, 687.9, NULL, (const char *const[]){"本级"}, 1);
    put_wide(&b, CODE, 60.0, "014001", 7.6);
    put_row(&b, 60.0, NULL, (const char *const[]){"武汉市", "洪山区"}, 2);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 0);
    size_t k = line_starting(d, "014001");
    want_line(d, k, (const char *const[]){"014001", "武汉市洪山区", "2877.94", "2877.94", NULL});
    assert_int_equal(d->lines[k].page, 2);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * A form's indicator header alone at a page's foot, under a paragraph:
 * one-line labels side by side, the last wrapped three lines in its
 * narrow cell ("指标" / "值确" / "定依"), its last character at the next
 * page's top ("据") above the first row.  No row gap on the page to tell
 * wrapped lines from rows by, but lines touching one another that hold
 * labels side by side and no figure are one header row.
 */
static void header_cut_at_foot_reads_whole(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    put(&a, 97.3, 676.6, "招投标活动的公平公正。");
    put(&a, 59.8, 731.4, "目标");
    put(&a, 59.8, 748.6, "名称");
    put(&a, 97.3, 731.4, "一级指标");
    put(&a, 338.0, 731.4, "二级指标");
    put(&a, 399.8, 731.4, "三级指标");
    put(&a, 467.5, 731.4, "指标值");
    put(&a, 530.5, 731.4, "指标");
    put(&a, 530.5, 748.6, "值确");
    put(&a, 530.5, 765.9, "定依");
    put(&b, 530.5, 33.9, "据");
    put(&b, 59.8, 87.1, "长期");
    put(&b, 97.3, 87.1, "成本指标");
    put(&b, 338.0, 87.1, "经济成本");
    put(&b, 399.8, 87.1, "评审费");
    put(&b, 467.5, 87.1, "≤800");
    put(&b, 530.5, 87.1, "计划");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    size_t k = line_starting(d, "目标名称");
    want_line(d, k, (const char *const[]){"目标名称", "一级指标", "二级指标", "三级指标", "指标值",
                                          "指标值确定依据", NULL});
    want_line(d, k + 1, (const char *const[]){"长期", "成本指标", "经济成本", "评审费", "≤800",
                                              "计划", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * The same header over an indicator table whose values span three
 * columns ("指标值" over "前年", "上年", "预计当年实现"), the page breaking
 * between the header and the sub-header: on the next page only the last
 * sub-column holds figures, and "前年" stands in the header's column of
 * "指标值"; "上年", a cell's gap beside it, stands in none.  It is a
 * column of its own, not text run into "前年", and the rows keep their
 * figures in the last column.
 */
static void sub_header_under_carried_header_keeps_columns(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    put(&a, 97.3, 693.8, "招投标活动的公平公正。");
    put(&a, 519.8, 743.3, "指标值");
    put(&a, 59.8, 760.5, "目标名称");
    put(&a, 117.3, 760.5, "一级指标");
    put(&a, 201.8, 760.5, "二级指标");
    put(&a, 275.5, 760.5, "三级指标");
    put(&a, 359.6, 760.5, "指标值");
    put(&a, 519.8, 760.5, "确定依");
    put(&a, 519.8, 777.8, "据");
    put(&b, 466.2, 33.9, "预计当");
    put(&b, 359.6, 42.5, "前年");
    put(&b, 418.4, 42.5, "上年");
    put(&b, 466.2, 51.2, "年实现");
    put(&b, 59.8, 97.3, "年度");
    put(&b, 117.3, 97.3, "成本指标");
    put(&b, 201.8, 97.3, "经济成本");
    put(&b, 275.5, 97.3, "租赁费用");
    put(&b, 466.2, 97.3, "26.07");
    put(&b, 519.8, 97.3, "计划");
    put(&b, 117.3, 152.1, "产出指标");
    put(&b, 201.8, 152.1, "数量指标");
    put(&b, 275.5, 152.1, "就餐人数");
    put(&b, 466.2, 152.1, "200");
    put(&b, 519.8, 152.1, "计划");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    size_t k = line_starting(d, "年度");
    assert_true(k > 0 && k < d->nlines);
    want_line(d, k - 1, (const char *const[]){"", "", "", "", "前年", "上年", "预计当年实现", NULL});
    want_line(d, k, (const char *const[]){"年度", "成本指标", "经济成本", "租赁费用", "", "", "26.07",
                                          "计划", NULL});
    want_line(d, k + 1, (const char *const[]){"", "产出指标", "数量指标", "就餐人数", "", "", "200",
                                              "计划", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(interleaved_labels_read_whole),
        cmocka_unit_test(row_cut_under_interleaved_labels_reads_whole),
        cmocka_unit_test(longer_code_after_break_reads_whole),
        cmocka_unit_test(header_cut_at_foot_reads_whole),
        cmocka_unit_test(sub_header_under_carried_header_keeps_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
