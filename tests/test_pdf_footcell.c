/* Unit tests: a form's row cut by the page's foot, laid out by hand as
 * LibreOffice sets a funds block whose header row does not fit: the rows
 * above it stand on their middles, but their wide text cells run past the
 * columns the header's words give; the cut row's cells stand at its top,
 * and the rest of its narrow first cell ("情况（万元）") opens the next
 * page (readers/pdf_foot.c, pdf_row_setting, as readers/pdf_block.c,
 * pdf_glyph_column, places each word); and a one-line row cut there,
 * whose rest starts with a word that did not fit on its line
 * (readers/pdf_edges.c, pdf_goes_on_wrapped); and an indicator's row cut
 * on its first line, its cells closer than the text height, a row of the
 * table because it starts where a cell of the band above starts
 * (readers/pdf_marks.c, mark_column_runs).  No poppler: the glyph
 * boxes are written here, so every expected cell is the text the test put
 * there. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

#define PITCH 17.3  /* line pitch inside a cell (gap 1.7) */

#define LABEL 59.8  /* the form's columns: a narrow label, then text, */
#define TEXT 100.1  /* the year's amount, its share, the years before */
#define AMOUNT 264.5
#define SHARE 321.8
#define PRIOR 440.6
#define PRIOR2 510.3

/* The page ending in the cut row: a name row (its three-line name, wider
 * than the column the header's words give, beside a four-line label), a
 * row with a phone number, then the funds header cut after "资金". */
static void put_first_page(pdf_glyphs *a)
{
    put(a, 56.8, 560.0, "部门整体支出绩效目标申报表");
    put_lines(a, LABEL, 604.2, PITCH, (const char *const[]){"部门", "（单", "位）", "名称"}, 4);
    put_lines(a, TEXT, 612.8, PITCH,
              (const char *const[]){"武汉市洪山区行政审批", "局（武汉市洪山区政务", "服务局）"}, 3);
    put_lines(a, LABEL, 693.5, PITCH, (const char *const[]){"填报", "人"}, 2);
    put(a, TEXT, 702.1, "马清");
    put(a, AMOUNT, 702.1, "联系电话");
    put(a, PRIOR, 701.1, "87698006");
    put_lines(a, LABEL, 748.3, PITCH, (const char *const[]){"部门", "总体", "资金"}, 3);
    put(a, TEXT, 748.3, "总体资金情况");
    put(a, AMOUNT, 748.3, "当年金额");
    put(a, SHARE, 748.3, "占比");
    put_lines(a, PRIOR, 748.3, PITCH, (const char *const[]){"近两年收支", "金额"}, 2);
}

/* The next page: the first cell's rest at the top, then the body. */
static void put_second_page(pdf_glyphs *b)
{
    put_lines(b, LABEL, 33.9, PITCH, (const char *const[]){"情况", "（万", "元）"}, 3);
    put(b, TEXT, 114.6, "收入构成");
    put_lines(b, 231.3, 106.0, PITCH, (const char *const[]){"财政", "拨款"}, 2);
    put(b, AMOUNT, 113.6, "2877.94");
    put(b, SHARE, 113.6, "100.00%");
    put(b, PRIOR, 113.6, "3178.38");
    put(b, PRIOR2, 113.6, "3185.47");
    put(b, 231.3, 287.6, "合计");
    put(b, AMOUNT, 286.6, "2877.94");
    put(b, PRIOR, 286.6, "3178.38");
    put(b, PRIOR2, 286.6, "3185.47");
}

/* The funds case's two pages. */
static void put_funds_pages(pdf_glyphs *a, pdf_glyphs *b)
{
    put_first_page(a);
    put_second_page(b);
}

/* The document of the two pages lay puts into a and b (freed by
 * drop_pages). */
static ys_doc *emit_laid(void (*lay)(pdf_glyphs *, pdf_glyphs *), pdf_glyphs *a, pdf_glyphs *b)
{
    lay(a, b);
    pdf_glyphs *pages[] = {a, b};
    return emit_pages(pages, 2, 1);
}

/* The line of d whose first cell is s, which must be there (else the
 * lines' first cells are printed). */
static size_t found_line(const ys_doc *d, const char *s)
{
    size_t k = line_starting(d, s);
    if (k == d->nlines)
        for (size_t i = 0; i < d->nlines; i++)
            print_message("line %zu: %d cells, '%s'\n", i, d->lines[i].ncells,
                          d->lines[i].ncells ? d->lines[i].cells[0] : "");
    assert_true(k < d->nlines);
    return k;
}

/* The cut cell reads whole: the rows above the break stand on their
 * middles (the name row too, though its lines run past the text column
 * the header's words give), so the last one, standing from its top, was
 * cut, and the next page's first lines go on in its first cell. */
static void cut_label_goes_on_past_wide_cells(void **state)
{
    (void)state;
    pdf_glyphs a = {0}, b = {0};
    ys_doc *d = emit_laid(put_funds_pages, &a, &b);
    size_t k = found_line(d, "部门总体资金情况（万元）");
    assert_string_equal(d->lines[k].cells[1], "总体资金情况");
    assert_int_equal(line_starting(d, "情况（万元）"), d->nlines);
    want_line(d, line_starting(d, "填报人"),
              (const char *const[]){"填报人", "马清", "联系电话", "87698006", NULL});
    drop_pages(d, &a, &b);
}

#define GOAL_PITCH 27.8  /* a goals table's line pitch (gap 12.2) */

/* Put the lines of one cell from x, the first at y, at the goals' pitch. */
static void put_goal_lines(pdf_glyphs *g, double x, double y, const char *const *s, int n)
{
    for (int i = 0; i < n; i++)
        put(g, x, y + GOAL_PITCH * i, s[i]);
}

/* A goal's row, then the header of its indicators at the page's foot:
 * "指标值" spans "前年" and "上年", set below it; the next page opens with
 * the next goal's row. */
static void put_goal_pages(pdf_glyphs *a, pdf_glyphs *b)
{
    put_goal_lines(a, 65.1, 583.8, (const char *const[]){"年度", "目标", "3:"}, 3);
    put(a, 107.3, 611.6, "深化政务服务“高效办成一件事”改革，优化线下办事服务体验。");
    put(a, 315.8, 681.6, "指标值");
    put_goal_lines(a, 65.1, 709.4, (const char *const[]){"目标", "名称"}, 2);
    put_goal_lines(a, 107.3, 709.4, (const char *const[]){"一级指", "标"}, 2);
    put(a, 164.5, 723.3, "二级指标");
    put(a, 238.1, 723.3, "三级指标");
    put(a, 315.8, 744.4, "前年");
    put(a, 385.2, 744.4, "上年");
    put_goal_lines(a, 459.7, 730.5, (const char *const[]){"预期当年", "实现值"}, 2);
    put_goal_lines(a, 527.7, 681.6, (const char *const[]){"指标", "值确", "定依", "据"}, 4);
    put_goal_lines(b, 65.1, 53.1, (const char *const[]){"年度", "目标", "4:"}, 3);
    put_goal_lines(b, 107.3, 39.2,
                   (const char *const[]){"打造不间断在线服务能力，全面覆盖", "化的政务服务智能问答平台；",
                                         "支撑，精准匹配符合政策条件的", "为核心，构建数字化管理闭环。"},
                   4);
}

/* A header's last row whose sub-labels stand below its middle was not cut
 * by the break, though its spanning label stands above it: the next
 * page's goal row reads on its own. */
static void spanning_header_at_foot_is_not_cut(void **state)
{
    (void)state;
    pdf_glyphs a = {0}, b = {0};
    ys_doc *d = emit_laid(put_goal_pages, &a, &b);
    found_line(d, "年度目标4:");
    drop_pages(d, &a, &b);
}

/* A goals table's header and a row standing on their middles, then a
 * one-line row at the page's foot filling its narrow cells; its rest
 * opens the next page: "标2", "保费", "=25万元" three times, "据". */
static void put_value_cut_pages(pdf_glyphs *a, pdf_glyphs *b)
{
    put(a, 59.8, 606.1, "目标名");
    put(a, 59.8, 623.3, "称");
    put_lines(a, 106.8, 606.1, PITCH, (const char *const[]){"一级", "指标"}, 2);
    put(a, 147.5, 614.7, "二级指标");
    put(a, 219.5, 614.7, "三级指标");
    put(a, 309.1, 614.7, "指标值");
    put_lines(a, 521.3, 597.5, PITCH, (const char *const[]){"指标值", "确定依", "据"}, 3);
    put_then_ascii(a, 309.1, 678.1, "前年", 336.2, "2024", 7.63);
    put_then_ascii(a, 381.3, 678.1, "上年", 408.4, "2025", 7.63);
    put_lines(a, 451.3, 669.5, PITCH, (const char *const[]){"预计当年实", "现"}, 2);
    put(a, 59.8, 724.3, "年度绩");
    put(a, 59.8, 741.6, "效目标");
    put_lines(a, 106.8, 724.3, PITCH, (const char *const[]){"成本", "指标"}, 2);
    put(a, 147.5, 724.3, "经济成本指");
    put_then_ascii(a, 147.5, 741.6, "标", 161.9, "1", 7.63);
    put(a, 219.5, 732.9, "经费使用限额");
    put_wide(a, 309.1, 724.3, "585.29", 6.99);
    put(a, 353.5, 724.3, "万");
    put(a, 309.1, 741.6, "元");
    put_lines(a, 521.3, 724.3, PITCH, (const char *const[]){"计划数", "据"}, 2);
    put(a, 147.5, 779.1, "经济成本指");
    put(a, 219.5, 779.1, "立体停车库维");
    put(a, 309.1, 779.1, "支付金额");
    put(a, 381.3, 779.1, "合同金额");
    put(a, 451.3, 779.1, "合同金额");
    put(a, 521.3, 779.1, "计划数");
    put_then_ascii(b, 147.5, 33.9, "标", 161.9, "2", 7.63);
    put(b, 219.5, 33.9, "保费");
    for (int i = 0; i < 3; i++) {
        double x = i == 0 ? 309.1 : i == 1 ? 381.3 : 451.3;
        put_wide(b, x, 33.9, "=25", 8.44);
        put(b, x + 27.7, 33.9, "万元");
    }
    put(b, 521.3, 33.9, "据");
    put_lines(b, 106.8, 71.5, PITCH, (const char *const[]){"产出", "指标"}, 2);
    put_then_ascii(b, 147.5, 80.1, "数量指标", 197.9, "1", 7.63);
    put_lines(b, 219.5, 71.5, PITCH, (const char *const[]){"购置家具用具", "数量"}, 2);
    put_lines(b, 521.3, 71.5, PITCH, (const char *const[]){"计划数", "据"}, 2);
}

/* A one-line row cut at the foot goes on though a value's cell was not
 * filled to its edge: the rest's first word ("=25", no line breaks inside
 * it) would not have fitted after "支付金额". */
static void cut_row_goes_on_with_a_word_that_did_not_fit(void **state)
{
    (void)state;
    pdf_glyphs a = {0}, b = {0};
    ys_doc *d = emit_laid(put_value_cut_pages, &a, &b);
    size_t k = 0;
    while (k < d->nlines && !(d->lines[k].ncells > 3 && strcmp(d->lines[k].cells[2], "经济成本指标2") == 0))
        k++;
    if (k == d->nlines)
        found_line(d, "");     /* prints the lines */
    want_line(d, k,
              (const char *const[]){"", "", "经济成本指标2", "立体停车库维保费", "支付金额=25万元",
                                    "合同金额=25万元", "合同金额=25万元", "计划数据", NULL});
    drop_pages(d, &a, &b);
}

/* Put an indicator's value: the comparator, its ASCII figure (glyphs
 * 7.6 wide) and the unit after it. */
static void put_value(pdf_glyphs *g, double x, double y, const char *fig, const char *unit)
{
    assert_int_equal(pdf_glyphs_add(g, x, y, x + 10.0, y + H, "≥", strlen("≥"), 1), YS_OK);
    x += 10.0;
    for (size_t i = 0; fig[i]; i++, x += 7.6)
        assert_int_equal(pdf_glyphs_add(g, x, y, x + 7.6, y + H, fig + i, 1, 0), YS_OK);
    put(g, x + 2.4, y, unit);
}

#define L2 338.0     /* a form's indicator columns: 二级 (with its number), */
#define L3 399.8     /* 三级 (wrapped five characters a line), the value, */
#define VALUE 467.5  /* the basis ("计划" / "数据") */
#define BASIS 530.5

/* An indicator's row of three lines standing on its middle from y: its
 * 二级 label over its number, its name's two lines, its value, "计划数据". */
static void put_indicator(pdf_glyphs *g, double y, const char *no, const char *name1,
                          const char *name2, const char *fig, const char *unit)
{
    put(g, L2, y + 1.6, "数量指标");
    put_wide(g, L2, y + 16.2, no, 7.6);
    put_lines(g, L3, y, PITCH, (const char *const[]){name1, name2}, 2);
    put_value(g, VALUE, y + 8.6, fig, unit);
    put_lines(g, BASIS, y, PITCH, (const char *const[]){"计划", "数据"}, 2);
}

/* A form's indicator rows, each in bands of three lines, then one cut by
 * the page's foot on its first line, "数量指标 │ 大学生专窗 │ ≥3000件 │
 * 计划", its cells closer than the text height (one cell as a line); the
 * rest opens the next page: "12", "咨询+收件" / "量", "数据". */
static void put_indicator_cut_pages(pdf_glyphs *a, pdf_glyphs *b)
{
    put(a, 59.8, 540.0, "年度目标的指标如下。");   /* prose from the page's margin */
    put_indicator(a, 595.9, "9", "车库维修次", "数", "10", "次");
    put_indicator(a, 668.0, "10", "一网通办事", "项数量", "500", "项");
    put_indicator(a, 740.0, "11", "推出跨市办", "理业务数量", "400", "项");
    put(a, L2, 794.8, "数量指标");
    put(a, L3, 794.8, "大学生专窗");
    put_value(a, VALUE, 794.8, "3000", "件");
    put(a, BASIS, 794.8, "计划");
    put_wide(b, L2, 41.5, "12", 7.6);
    put_lines(b, L3, 33.9, PITCH, (const char *const[]){"咨询+收件", "量"}, 2);
    put(b, BASIS, 42.5, "数据");
    put_indicator(b, 88.7, "13", "全年新登记", "企业数量", "1.6", "万户");
    put_indicator(b, 143.5, "14", "年末市场主", "体总量", "23", "万户");
}

/* The cut line starts where a cell of the band above starts (its first
 * line, "数量指标"; its last starts a column on): a row of the table, its
 * cells going on at the next page's top, not a line of prose. */
static void indicator_cut_on_its_first_line_goes_on(void **state)
{
    (void)state;
    pdf_glyphs a = {0}, b = {0};
    ys_doc *d = emit_laid(put_indicator_cut_pages, &a, &b);
    want_line(d, found_line(d, "数量指标12"),
              (const char *const[]){"数量指标12", "大学生专窗咨询+收件量", "≥3000件", "计划数据", NULL});
    want_line(d, found_line(d, "数量指标13"),
              (const char *const[]){"数量指标13", "全年新登记企业数量", "≥1.6万户", "计划数据", NULL});
    drop_pages(d, &a, &b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cut_label_goes_on_past_wide_cells),
        cmocka_unit_test(spanning_header_at_foot_is_not_cut),
        cmocka_unit_test(cut_row_goes_on_with_a_word_that_did_not_fit),
        cmocka_unit_test(indicator_cut_on_its_first_line_goes_on),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
