/* Unit tests: a project list as LibreOffice sets it on a portrait page,
 * laid out by hand: names wrapped three characters a line in a narrow
 * cell, the category two lines and the figures centred on the row, and
 * its last row on a page cut by the break at any of its lines, its part
 * on the first page laid from its top (readers/pdf_edges.c, pdf_rows.c,
 * pdf_block.c, pdf_carry.c).  No poppler: the glyph boxes are written
 * here, so every expected cell is the text the test put there. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

#define P 27.8      /* line pitch of wrapped lines (gap 12.2) */
#define ROWGAP 26.6 /* from a row's last line to the next row's first */
#define NAM 107.3   /* columns: name, category, two figures */
#define CAT 164.5
#define FG1 238.1
#define FG2 315.8

/* A whole row from y: the name's lines, the category's two lines and the
 * figures centred on them.  Returns where the next row starts. */
static double whole_row(pdf_glyphs *g, double y, const char *const *name, int n,
                        const char *figure)
{
    for (int i = 0; i < n; i++)
        put(g, NAM, y + P * i, name[i]);
    double mid = y + P * (n - 1) / 2;
    put(g, CAT, mid - P / 2, "特定目标");
    put(g, CAT, mid + P / 2, "类");
    put(g, FG1, mid, figure);
    put(g, FG2, mid, figure);
    return y + P * (n - 1) + H + ROWGAP;
}

/* The page's rows above the cut one, from y; returns where the next
 * starts. */
static double rows_above(pdf_glyphs *g, double y)
{
    y = whole_row(g, y, (const char *const[]){"项目", "1：信", "息化建", "设项目", "经费"}, 5, "17.80");
    return whole_row(g, y, (const char *const[]){"项目", "3：机", "构运转", "工作项", "目经费"}, 5,
                     "452.81");
}

/* The page's last row from y, cut by the break after n lines (n >= 1),
 * laid from its top: the name's first line beside the category's first
 * and the figures, its next lines under it, the category's "类" beside
 * the second. */
static void cut_row(pdf_glyphs *g, double y, const char *const *name, int n, const char *figure)
{
    put(g, CAT, y, "特定目标");
    put(g, FG1, y, figure);
    put(g, FG2, y, figure);
    if (n > 1)
        put(g, CAT, y + P, "类");
    for (int i = 0; i < n; i++)
        put(g, NAM, y + P * i, name[i]);
}

static void free_pages(ys_doc *d, pdf_glyphs *a, pdf_glyphs *b)
{
    ys_doc_free(d);
    pdf_glyphs_free(a);
    pdf_glyphs_free(b);
}

/*
 * The last row cut after its name's third line: under "5：政 │ 类" (a
 * row of two narrow cells, 69 pt wide) the name's "务服务" (36 pt) is
 * wider than half that row, yet it stands short of the category's cell:
 * a line of the name, which goes on at the next page's top.
 */
static void name_line_under_narrow_cells(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    double y = rows_above(&a, 400);
    cut_row(&a, y, (const char *const[]){"项目", "5：政", "务服务"}, 3, "672.85");
    put(&b, NAM, 39.2, "工作项");
    put(&b, NAM, 39.2 + P, "目经费");
    put(&b, 62.8, 39.2 + P + H + 40, "长期目标1:围绕落实要求，推进政务服务改革走深走实。");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 2, (const char *const[]){"项目5：政务服务工作项目经费", "特定目标类", "672.85", "672.85", NULL});
    assert_int_equal(d->lines[2].page, 1);
    free_pages(d, &a, &b);
}

/* Page a ends with project 4 cut, page b opens with its rest; project 5
 * whole from y5 on page b.  Both read whole, 4 on its first page, after
 * head lines and the two rows above. */
static void rows_4_and_5_read_whole(pdf_glyphs *a, pdf_glyphs *b, double y5, int head)
{
    whole_row(b, y5, (const char *const[]){"项目", "5：政", "务服务", "工作项", "目经费"}, 5, "672.85");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){a, b}, 2, 1);
    size_t n = d->nlines;
    assert_int_equal(n, 4 + head);
    want_line(d, n - 2, (const char *const[]){"项目4：行政审批工作项目经费", "特定目标类", "268.47", "268.47", NULL});
    assert_int_equal(d->lines[n - 2].page, 1);
    want_line(d, n - 1, (const char *const[]){"项目5：政务服务工作项目经费", "特定目标类", "672.85", "672.85", NULL});
    free_pages(d, a, b);
}

/*
 * Cut after the name's fourth line: "工作项" hangs from "政审批", itself a
 * line of the first cell of "4：行 │ 类", and stays short of that cell's
 * end as well: the name reads whole with its last line from the next page.
 */
static void name_lines_chained_under_narrow_cells(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    double y = rows_above(&a, 400);
    cut_row(&a, y, (const char *const[]){"项目", "4：行", "政审批", "工作项"}, 4, "268.47");
    put(&b, NAM, 39.2, "目经费");
    rows_4_and_5_read_whole(&a, &b, 39.2 + H + ROWGAP, 0);
}

/*
 * Cut after the row's first line: at the page's foot a line of one row,
 * its figures beside it.  Its category "特定目标" fills its cell to the
 * edge the category lines above wrapped at (the header's label running
 * past the column aside): its text went on past the break, so the row
 * was cut, and the next page's first lines ("4：行" over "政审批" beside
 * "类" …) are its rest, not a row of their own.
 */
static void one_line_row_filling_its_cell(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    const char *head[] = {"项目名称", "项目的类别", "总预算", "本年预算"};
    const double hx[] = {NAM, CAT, FG1, FG2};
    for (int i = 0; i < 4; i++)
        put(&a, hx[i], 360, head[i]);
    double y = rows_above(&a, 360 + H + ROWGAP);
    cut_row(&a, y, (const char *const[]){"项目"}, 1, "268.47");
    const char *rest[] = {"4：行", "政审批", "工作项", "目经费"};
    for (int i = 0; i < 4; i++)
        put(&b, NAM, 39.2 + P * i, rest[i]);
    put(&b, CAT, 39.2 + P * 1.5, "类");
    rows_4_and_5_read_whole(&a, &b, 39.2 + 3 * P + H + ROWGAP, 1);
}

/* The same row whole on its page, no cell filled (its category "特定类"
 * short of where "特定目标" above ends): the next page's line in its
 * name's column is a row of its own. */
static void one_line_row_short_of_its_cells(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    double y = rows_above(&a, 400);
    put(&a, NAM, y, "项目");
    put(&a, CAT, y, "特定类");
    put(&a, FG1, y, "268.47");
    put(&a, FG2, y, "268.47");
    put(&b, NAM, 39.2, "合计");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 2, (const char *const[]){"项目", "特定类", "268.47", "268.47", NULL});
    assert_string_equal(d->lines[3].cells[0], "合计");
    free_pages(d, &a, &b);
}

/* A row of table 11's spending part from y: its label wrapped to two
 * lines, the amount and share centred on them, overlapping both (so the
 * block's gaps show no wrap threshold).  Returns where the next starts. */
static double spending_row(pdf_glyphs *g, double y, const char *l1, const char *l2,
                           const char *amount, const char *share)
{
    put(g, CAT, y, l1);
    put(g, CAT, y + P, l2);
    put(g, FG1, y + P / 2, amount);
    put(g, FG2, y + P / 2, share);
    return y + P + H + ROWGAP;
}

/*
 * A one-line row filling its label's cell at the page's foot, its rest
 * two lines at the next page's top ("类项目支" over "出", 12.2 pt apart):
 * the page before showed no wrap threshold (every wrapped line overlaps
 * the figures centred beside it), so the threshold handed on is the one
 * its cells' lines and its rows' gaps make; both lines join the row, the
 * next row ("合计", a row's gap below) does not.
 */
static void cut_label_goes_on_two_lines(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    double y = spending_row(&a, 500, "人员类项", "目支出", "1,040.45", "36.15%");
    y = spending_row(&a, y, "运转类项", "目支出", "443.36", "15.41%");
    put(&a, CAT, y, "特定目标");
    put(&a, FG1, y, "1,394.13");
    put(&a, FG2, y, "48.44%");
    put(&b, CAT, 39.2, "类项目支");
    put(&b, CAT, 39.2 + P, "出");
    double z = 39.2 + P + H + ROWGAP;
    put(&b, CAT, z, "合计");
    put(&b, FG1, z, "2,877.94");
    put(&b, FG2, z, "100.00%");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 2, (const char *const[]){"特定目标类项目支出", "1,394.13", "48.44%", NULL});
    want_line(d, 3, (const char *const[]){"合计", "2,877.94", "100.00%", NULL});
    free_pages(d, &a, &b);
}

/*
 * Table 11's income part, its total at the page's foot: a label wrapped
 * beside the first row's figures ("收入构" / "成", a line of that row's
 * band), text-only rows ("财政专户资金", "单位资金") in the next column,
 * then "合计" with no share.  The text rows are the table's rows (the
 * band's "成" is its own row's line, not theirs), so the total is read in
 * the table's columns, its share cell empty, not in the columns of its
 * own figures alone.
 */
static void total_alone_under_text_rows(void **st)
{
    (void)st;
    pdf_glyphs a = {0};
    double y = 600;
    put(&a, NAM, y, "收入构");
    put(&a, CAT, y + P / 2, "财政拨款");
    put(&a, FG1, y + P / 2, "2,877.94");
    put(&a, FG2, y + P / 2, "100.00%");
    put(&a, 385.2, y + P / 2, "3,178.38");
    put(&a, NAM, y + P, "成");
    y += P + H + ROWGAP;
    put(&a, CAT, y, "财政专户");
    put(&a, CAT, y + P, "资金");
    y += P + H + ROWGAP;
    put(&a, CAT, y, "单位资金");
    y += H + ROWGAP;
    put(&a, CAT, y, "合计");
    put(&a, FG1, y, "2,877.94");
    put(&a, 385.2, y, "3,178.38");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a}, 1, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 0, (const char *const[]){"收入构成", "财政拨款", "2,877.94", "100.00%", "3,178.38", NULL});
    want_line(d, 3, (const char *const[]){"", "合计", "2,877.94", "", "3,178.38", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
}

/* A project form's row of two lines from y: a label, a value and a
 * second label, each wrapped where its cell ends (the value seven
 * characters a line, the label three), the last value one line. */
static double form_row(pdf_glyphs *g, double y, const char *const l[7])
{
    const double x[] = {65.1, 142.1, 243.1, 297.4};
    for (int i = 0; i < 3; i++) {
        put(g, x[i], y, l[2 * i]);
        put(g, x[i], y + P, l[2 * i + 1]);
    }
    put(g, x[3], y + P / 2, l[6]);
    return y + P + H + ROWGAP;
}

/* Page a: prose, then a form's first row, one line at the page's foot
 * (label, value, second label); page b: "目经费" and "码" at its top in
 * the value's and second label's columns, then two whole rows whose lines
 * wrap where those cells end.  Returns the document. */
static ys_doc *form_pages(pdf_glyphs *a, pdf_glyphs *b, const char *value)
{
    put(a, 62.8, 726.8, "资金单位：万元");
    put(a, 65.1, 769.6, "项目名称");
    put(a, 142.1, 769.6, value);
    put(a, 243.1, 769.6, "项目代");
    put(b, 142.1, 39.9, "目经费");
    put(b, 243.1, 39.9, "码");
    double y = form_row(b, 39.9 + H + ROWGAP, (const char *const[]){"项目主管部", "门", "武汉市洪山区行",
                                                                   "政审批局", "项目执", "行单位", "本级"});
    form_row(b, y, (const char *const[]){"项目类别", "", "特定目标类项目", "", "项目期", "限", "一年"});
    return emit_pages((pdf_glyphs *const[]){a, b}, 2, 1);
}

/*
 * A form's first row cut after its one line, alone at the page's foot
 * under prose: no figure, no row above to show its columns' edges.  Its
 * value and second label end where the next page's lines of their
 * columns end (they wrap there): they filled their cells, so "目经费"
 * and "码" at the next page's top go on with them; its first label,
 * shorter, does not go on.
 */
static void form_row_cut_after_one_line(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    ys_doc *d = form_pages(&a, &b, "政务服务工作项");
    assert_true(d->nlines >= 2);
    want_line(d, 1, (const char *const[]){"项目名称", "政务服务工作项目经费", "项目代码", NULL});
    assert_int_equal(d->lines[1].page, 1);
    free_pages(d, &a, &b);
}

/* The same row whole, its value a character short of its cell's edge:
 * the next page's first line is a row of its own. */
static void form_row_short_of_its_cell(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    ys_doc *d = form_pages(&a, &b, "政务服务工作");
    assert_true(d->nlines >= 3);
    want_line(d, 1, (const char *const[]){"项目名称", "政务服务工作", "项目代", NULL});
    assert_int_equal(d->lines[2].page, 2);
    assert_string_equal(d->lines[2].cells[1], "目经费");
    free_pages(d, &a, &b);
}

#define IC1 107.3   /* an indicator table: 一级, 二级, 三级, value, basis */
#define IC2 164.5
#define IC3 238.1
#define IVA 315.8
#define IBA 385.2

/* An indicator row from y: the 二级 and 三级 names three lines each, the
 * 一级 label's two lines between them, value and basis on the middle
 * line.  Returns where the next row starts. */
static double indicator_row(pdf_glyphs *g, double y, const char *const l1[2],
                            const char *const l2[3], const char *const l3[3], const char *value)
{
    for (int i = 0; i < 3; i++) {
        put(g, IC2, y + P * i, l2[i]);
        put(g, IC3, y + P * i, l3[i]);
    }
    put(g, IC1, y + P / 2, l1[0]);
    put(g, IC1, y + P * 1.5, l1[1]);
    put(g, IVA, y + P, value);
    put(g, IBA, y + P, "计划数据");
    return y + 2 * P + H + ROWGAP;
}

/*
 * An indicator row cut after its first line, its names filling their
 * cells: the rest at the next page's top holds "1", the end of the name
 * "数量指标1", which goes on as text, not as a figure that cannot go on
 * with "数量指标".  (That the next page's rows, left without that figure,
 * take the table's columns from the page before though a goal's
 * paragraph below them runs across the page, pdf_block.c's top_columns,
 * is checked on LibreOffice's own pages by tests/e2e_pagebreaks.sh.)
 */
static void cut_name_ends_in_a_digit(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    double y = indicator_row(&a, 500, (const char *const[]){"成本指", "标"},
                             (const char *const[]){"经济成本", "指标", "1"},
                             (const char *const[]){"水务专家评", "审费标准/", "件"}, "≤800元/件");
    put(&a, IC1, y, "产出指");
    put(&a, IC2, y, "数量指标");
    put(&a, IC3, y, "办理审批服");
    put(&a, IVA, y, "≥7万件");
    put(&a, IBA, y, "计划数据");
    put(&b, IC1, 39.2, "标");
    put(&b, IC2, 39.2, "1");
    put(&b, IC3, 39.2, "务事项件数");
    indicator_row(&b, 39.2 + H + ROWGAP, (const char *const[]){"满意度", "指标"},
                  (const char *const[]){"服务对象", "满意度指", "标1"},
                  (const char *const[]){"群众对行政", "审批工作的", "满意度"}, "≥99%");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    assert_true(d->nlines >= 3);
    want_line(d, 1, (const char *const[]){"产出指标", "数量指标1", "办理审批服务事项件数", "≥7万件", "计划数据", NULL});
    want_line(d, 2, (const char *const[]){"满意度指标", "服务对象满意度指标1", "群众对行政审批工作的满意度", "≥99%", "计划数据", NULL});
    free_pages(d, &a, &b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(name_line_under_narrow_cells),
        cmocka_unit_test(name_lines_chained_under_narrow_cells),
        cmocka_unit_test(one_line_row_filling_its_cell),
        cmocka_unit_test(one_line_row_short_of_its_cells),
        cmocka_unit_test(cut_label_goes_on_two_lines),
        cmocka_unit_test(total_alone_under_text_rows),
        cmocka_unit_test(form_row_cut_after_one_line),
        cmocka_unit_test(form_row_short_of_its_cell),
        cmocka_unit_test(cut_name_ends_in_a_digit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
