/* Unit tests: the bands of lines a PDF table row or header is made of
 * (readers/pdf_rows.c, pdf_block.c, pdf_wrap.c) on pages laid out by hand
 * the way LibreOffice sets a wide HTML table in narrow cells: figures of
 * adjacent cells under a line's height apart, names wrapped many lines with
 * the row's code and figures centred beside them, header labels of
 * several cells wrapped and centred, so that their lines stand staggered,
 * and header cells under a line's height apart.
 * No poppler: every expected cell is the text the test put in it. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "pdf_testutil.h"

#define CODE 59.8      /* where each column starts (LibreOffice's table 2) */
#define NAME 114.1
#define PITCH 17.25    /* wrapped lines: 15.6 pt glyphs 1.65 pt apart */

static const double FIG[3] = {158.6, 215.8, 273.1};   /* 15.2 pt apart */

static void figures(pdf_glyphs *g, double y)
{
    for (int i = 0; i < 3; i++)
        put(g, FIG[i], y, "2877.94");
}

/* Lines of a name wrapped in its narrow cell from y on. */
static void name_lines(pdf_glyphs *g, double y, const char *const *lines, int n)
{
    for (int i = 0; i < n; i++)
        put(g, NAME, y + PITCH * i, lines[i]);
}

/*
 * Three rows as LibreOffice sets table 2: a total row; a unit whose name
 * wraps four lines, its code and figures centred on them; a unit whose
 * name wraps ten lines, its code (ending 8.6 pt before the name's cell)
 * and figures centred on the fifth.  Figures of adjacent cells stand
 * 15.2 pt apart, under the text height.
 */
static void unit_rows(pdf_glyphs *g)
{
    put(g, NAME, 338.7, "合计");
    figures(g, 337.7);
    name_lines(g, 376.3, (const char *const[]){"武汉市", "洪山区", "行政审", "批局"}, 4);
    put(g, CODE, 401.1, "014");
    figures(g, 401.1);
    name_lines(g, 465.6,
               (const char *const[]){"武汉市", "洪山区", "行政审", "批局", "（武汉", "市洪山",
                                     "区政务", "服务", "局）本", "级"},
               10);
    put(g, 69.5, 542.2, "014001");
    figures(g, 542.2);
}

static void want_unit_rows(const ys_doc *d, size_t k)
{
    want_line(d, k, (const char *const[]){"", "合计", "2877.94", "2877.94", "2877.94", NULL});
    want_line(d, k + 1, (const char *const[]){"014", "武汉市洪山区行政审批局", "2877.94",
                                              "2877.94", "2877.94", NULL});
    want_line(d, k + 2,
              (const char *const[]){"014001", "武汉市洪山区行政审批局（武汉市洪山区政务服务局）本级",
                                    "2877.94", "2877.94", "2877.94", NULL});
}

/* Whole figures under a line's height apart stand in two cells, so the line
 * of a code, a name's line and figures is a table row and the name's
 * lines around it band with it; figures a space apart in a sentence, and
 * a numbered line, stay prose. */
static void figures_apart_under_a_line(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    unit_rows(&g);
    put(&g, 56.8, 700, "收入合计");
    put(&g, 106.8, 700, "3,185.47");
    put(&g, 157.5, 700, "2,877.94");
    put(&g, 56.8, 740, "9.");
    put(&g, 78.8, 740, "2025年表");
    ys_doc *d = emit(&g);
    want_unit_rows(d, 0);
    want_line(d, 3, (const char *const[]){"收入合计3,185.47 2,877.94", NULL});
    want_line(d, 4, (const char *const[]){"9. 2025年表", NULL});
    assert_int_equal(d->lines[3].is_row, 0);
    assert_int_equal(d->nlines, 5);
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * Table 2's header: "部门（单位）代码" and "部门（单位）名称" wrap four
 * lines each in cells side by side, centred, so their lines stand
 * staggered (each overlaps the lines above and below it); "合计" and
 * "本年收入" stand centred on them; the second header row holds the
 * sub-columns.  Rows stand 22 pt apart.  The header reads as its two
 * rows, each label whole.
 */
static void staggered_header_lines(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put(&g, 56.8, 175.0, "单位：万元");
    put(&g, NAME, 210.1, "部门");
    put(&g, CODE, 218.7, "部门（单");
    put(&g, NAME, 227.4, "（单");
    put(&g, CODE, 236.0, "位）代");
    put(&g, FIG[0], 236.0, "合计");
    put(&g, FIG[1], 236.0, "本年收入");
    put(&g, NAME, 244.6, "位）名");
    put(&g, CODE, 253.2, "码");
    put(&g, NAME, 261.9, "称");
    put(&g, FIG[1], 299.4, "小计");
    put(&g, FIG[2], 299.4, "一般公共预算");
    unit_rows(&g);
    ys_doc *d = emit(&g);
    want_line(d, 0, (const char *const[]){"单位：万元", NULL});
    want_line(d, 1, (const char *const[]){"部门（单位）代码", "部门（单位）名称", "合计", "本年收入", NULL});
    want_line(d, 2, (const char *const[]){"", "", "", "小计", "一般公共预算", NULL});
    want_unit_rows(d, 3);
    assert_int_equal(d->nlines, 6);
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A label set from the left over two sub-columns right of every figure
 * (no row has a figure there), each wrapped in its narrow cell and
 * standing a cell gap apart: "上年结转结余" over "小计" and
 * "一般公共预算".  Only one line covers the space between the two, so it
 * parts them (they are not one column "一般小公计共预算"), and the label
 * falls in the first, as a spanning cell in a grid.
 */
static void label_over_text_sub_columns(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double SUB[2] = {380.0, 420.0};    /* 28 pt apart, over the 15.6 pt text */
    put(&g, CODE, 236.0, "代码");
    put(&g, FIG[0], 236.0, "合计");
    put(&g, FIG[1], 236.0, "本年收入");
    put(&g, SUB[0], 236.0, "上年结转结余");
    put(&g, FIG[1], 270.0, "小计");
    put(&g, FIG[2], 270.0, "一般公共预算");
    put(&g, SUB[0], 270.0, "小");
    put(&g, SUB[0], 270.0 + PITCH, "计");
    const char *sub[3] = {"一般", "公共", "预算"};
    for (int i = 0; i < 3; i++)
        put(&g, SUB[1], 270.0 + PITCH * i, sub[i]);
    unit_rows(&g);
    ys_doc *d = emit(&g);
    want_line(d, 0, (const char *const[]){"代码", "", "合计", "本年收入", "", "上年结转结余", NULL});
    want_line(d, 1, (const char *const[]){"", "", "", "小计", "一般公共预算", "小计", "一般公共预算",
                                          NULL});
    want_unit_rows(d, 2);
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * Rows as LibreOffice sets table 3 in 12 pt: codes wrap in their narrow
 * cell ("208050" over "5"), names in theirs, each centred on the row, so
 * that a name's first line ("机关事业单位基", wider than three line
 * heights) stands alone above the code's first line, overlapping it, and
 * the figures stand on the name's second line.  The name's first line is
 * a fragment of that row (beside the code's fragment), not prose that
 * parts the table.
 */
static void name_over_wrapped_code(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double CODE3 = 65.1, NAME3 = 124.7, F1 = 232.6, F2 = 290.7;
    put(&g, CODE3, 459.2, "208050");
    put(&g, NAME3, 473.1, "行政单位离退休");
    put(&g, F1, 473.1, "2.63");
    put(&g, F2, 473.1, "2.63");
    put(&g, CODE3, 487.0, "1");
    put(&g, NAME3, 529.2, "机关事业单位基");
    put(&g, CODE3, 543.1, "208050");
    put(&g, NAME3, 557.0, "本养老保险缴费");
    put(&g, F1, 557.0, "82.14");
    put(&g, F2, 557.0, "82.14");
    put(&g, CODE3, 570.9, "5");
    put(&g, NAME3, 584.8, "支出");
    put(&g, CODE3, 627.0, "210");
    put(&g, NAME3, 627.0, "卫生健康支出");
    put(&g, F1, 627.0, "83.88");
    put(&g, F2, 627.0, "83.88");
    ys_doc *d = emit(&g);
    want_line(d, 0, (const char *const[]){"2080501", "行政单位离退休", "2.63", "2.63", NULL});
    want_line(d, 1, (const char *const[]){"2080505", "机关事业单位基本养老保险缴费支出", "82.14",
                                          "82.14", NULL});
    want_line(d, 2, (const char *const[]){"210", "卫生健康支出", "83.88", "83.88", NULL});
    assert_int_equal(d->nlines, 3);
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* Emit one page through a carry whose document already showed that its
 * cells wrap (a table before had a figure cut short). */
static ys_doc *emit_wrapping(pdf_glyphs *g)
{
    ys_doc *d = ys_doc_new("t.pdf", YS_FMT_PDF);
    assert_non_null(d);
    pdf_carry carry = {0};
    carry.wraps = 1;
    int no = 0;
    assert_int_equal(pdf_emit_page(d, g, 1, &no, &carry), YS_OK);
    assert_int_equal(pdf_carry_flush(d, &carry), YS_OK);
    pdf_carry_free(&carry);
    return d;
}

/*
 * Table 10's header as LibreOffice sets it: cells 8.5 pt apart, under
 * the text height, with CJK glyphs on either side ("项目名" "项目单" on
 * one line, under them "称" "位"; beside them "项目编码" and "合计" with
 * the empty cells between); the second row's labels wrapped a few
 * characters a line, its first line holding only such gaps ("一般公共
 * 政府 国有 一般 政府 国有").  The header ends the page, as there.
 * It reads as its two rows, each label whole in its own cell.
 */
static void narrow_header_cells_close(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double C[6] = {377.3, 438.3, 470.8, 503.3, 535.8, 568.3};
    put(&g, C[3], 85.6, "财政");
    put(&g, 227.3, 102.8, "项目名");
    put(&g, 271.8, 102.8, "项目单");
    put(&g, C[3], 102.8, "拨款");
    put(&g, 59.8, 111.4, "项目编码");
    put(&g, 316.3, 111.4, "合计");
    put(&g, C[0], 111.4, "本年拨款");
    put(&g, 227.3, 120.1, "称");
    put(&g, 271.8, 120.1, "位");
    put(&g, C[3], 120.1, "结转");
    put(&g, C[3], 137.3, "结余");
    const char *l1[6] = {"一般公共", "政府", "国有", "一般", "政府", "国有"};
    const char *l2[6] = {"预算", "性基", "资本", "公共", "性基", "资本"};
    for (int i = 0; i < 6; i++) {
        put(&g, C[i], 174.9, l1[i]);
        put(&g, C[i], 192.1, l2[i]);
    }
    const char *l3[6] = {NULL, "金预", "经营", NULL, "金预", "经营"};
    const char *l5[6] = {NULL, "算", "预算", NULL, "算", "预算"};
    for (int i = 0; i < 6; i++)
        if (l3[i]) {
            put(&g, C[i], 209.4, l3[i]);
            put(&g, C[i], 226.7, l5[i]);
        }
    put(&g, C[3], 218.0, "预算");
    ys_doc *d = emit_wrapping(&g);
    want_line(d, 0, (const char *const[]){"项目编码", "项目名称", "项目单位", "合计", "本年拨款", "",
                                          "", "财政拨款结转结余", NULL});
    want_line(d, 1, (const char *const[]){"", "", "", "", "一般公共预算", "政府性基金预算",
                                          "国有资本经营预算", "一般公共预算", "政府性基金预算",
                                          "国有资本经营预算", NULL});
    assert_int_equal(d->nlines, 2);
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * Table 11's project list as LibreOffice sets it: each name, its cell
 * spanning two grid columns, wrapped from the cell's left edge ("项目" and
 * "1：行政审批工作" a word gap apart, then "经费" under them); category,
 * figures and description beside it.  The digit glued to the name's text
 * is text, not a figure placed by where it stands, and the name stays
 * whole in one column, with its wrapped line: the gap of the line "经费
 * … 务" runs over the name's second word, so it does not part the name's
 * words there into two columns.
 */
static void spanning_name_with_a_digit(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put(&g, 100.1, 100.3, "项目名称");
    put(&g, 231.3, 91.6, "项目");
    put(&g, 264.5, 91.6, "项目总预");
    put(&g, 321.8, 100.3, "项目本年度预算");
    put(&g, 231.3, 108.9, "类别");
    put(&g, 264.5, 108.9, "算");
    put(&g, 440.6, 83.0, "项目主要支");
    put(&g, 440.6, 100.3, "出方向和用");
    put(&g, 440.6, 117.5, "途");
    const char *no[3] = {"1：行政审批工作", "2：机构运转工作", "3：政务服务工作"};
    for (int i = 0; i < 3; i++) {
        double y = 163.7 + 72.1 * i;
        put(&g, 100.1, y, "项目");
        put(&g, 126.5, y, no[i]);
        put(&g, 100.1, y + 17.2, "经费");
        put(&g, 231.3, y, "特定");
        put(&g, 264.5, y, "268.47");
        put(&g, 321.8, y, "268.47");
        put(&g, 440.6, y, "用于审批业");
        put(&g, 440.6, y + 17.2, "务");
    }
    ys_doc *d = emit_wrapping(&g);
    want_line(d, 0, (const char *const[]){"项目名称", "项目类别", "项目总预算", "项目本年度预算",
                                          "项目主要支出方向和用途", NULL});
    for (int i = 0; i < 3; i++) {
        char name[64];
        snprintf(name, sizeof name, "项目%s经费", no[i]);
        want_line(d, 1 + (size_t)i, (const char *const[]){name, "特定", "268.47", "268.47",
                                                          "用于审批业务", NULL});
    }
    assert_int_equal(d->nlines, 4);
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * Table 11's goal indicators as LibreOffice sets them (y as there): value
 * cells so narrow that "< 600 万" wraps "元" under it, the cells beside
 * centred on the row; "万" 6.8 pt from "计划" in the next cell, under
 * half the text height; "43.55 万" as close to "合同金额".  The line of
 * "元" and "数据" has a cell gap from "元" over the whole rest of its
 * column, 1.9 pt from "600": that does not part "<" from "600".  The
 * next page's rows take the columns: "100%" of the last column stays whole.
 */
static void put_goal_rows(pdf_glyphs *g)
{
    put(g, 296.7, 529.4, "政务服务");
    put(g, 360.7, 537.0, "721.94");
    put(g, 473.7, 538.0, "<");
    put_wide(g, 487.6, 538.0, "600", 7.6);
    put(g, 512.9, 538.0, "万");
    put(g, 531.7, 538.0, "计划");
    put(g, 296.7, 546.6, "劳务外包");
    put_wide(g, 415.7, 546.6, "802", 7.6);
    put(g, 441.0, 546.6, "万元");
    put(g, 360.7, 553.6, "万元");
    put(g, 473.7, 555.2, "元");
    put(g, 531.7, 555.2, "数据");
    put(g, 296.7, 563.9, "服务费");
    put(g, 296.7, 680.5, "证照邮寄");
    put_wide(g, 360.7, 680.5, "43.55", 6.86);
    put(g, 397.4, 680.5, "万");
    put(g, 415.7, 680.5, "合同金额");
    put(g, 473.7, 680.5, "合同金额");
    put(g, 531.7, 680.5, "计划");
    put(g, 296.7, 697.7, "费");
    put(g, 360.7, 697.7, "元");
    put_wide(g, 415.7, 697.7, "45", 7.6);
    put(g, 433.4, 697.7, "万元");
    put_wide(g, 473.7, 697.7, "40", 7.6);
    put(g, 491.4, 697.7, "万元");
    put(g, 531.7, 697.7, "数据");
}

static void wrapped_values_in_narrow_cells(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put_goal_rows(&g);
    ys_doc *d = ys_doc_new("t.pdf", YS_FMT_PDF);
    assert_non_null(d);
    pdf_carry carry = {0};
    carry.wraps = 1;
    int no = 0;
    assert_int_equal(pdf_emit_page(d, &g, 1, &no, &carry), YS_OK);
    pdf_glyphs_clear(&g);
    put(&g, 296.7, 250.1, "有效差评");
    put(&g, 531.7, 250.1, "计划");
    for (int i = 0; i < 3; i++)
        put(&g, (double[]){360.7, 415.7, 473.7}[i], 257.7, "100%");
    put(&g, 296.7, 267.3, "整改率");
    put(&g, 531.7, 267.3, "数据");
    assert_int_equal(pdf_emit_page(d, &g, 2, &no, &carry), YS_OK);
    assert_int_equal(pdf_carry_flush(d, &carry), YS_OK);
    pdf_carry_free(&carry);
    want_line(d, 0, (const char *const[]){"政务服务劳务外包服务费", "721.94万元", "802万元",
                                          "< 600万元", "计划数据", NULL});
    want_line(d, 1, (const char *const[]){"证照邮寄费", "43.55万元", "合同金额45万元",
                                          "合同金额40万元", "计划数据", NULL});
    want_line(d, 2, (const char *const[]){"有效差评整改率", "100%", "100%", "100%", "计划数据",
                                          NULL});
    assert_int_equal(d->nlines, 3);
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * Table 11's long-term goal row as LibreOffice sets it (y as there), under
 * its header: each cell's lines centred on the row, so cells of one, two,
 * three and four lines interleave; "合同金" and "政务服务", the first lines
 * of two cells, stand 7 pt apart and make one visual line, which reaches
 * down over the second line of the cell beside ("劳务外包" under "政务服
 * 务").  Glyphs that stand over one another without overlapping are one
 * cell's lines, not two rows: the row's lines band into one logical row,
 * its value and basis whole.  (Its columns, which no figure shows, are
 * not asserted.)
 */
static void centred_cells_interleave(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put(&g, 434.1, 533.5, "指标值");
    put(&g, 59.8, 542.1, "目标名");
    const char *label[5] = {"一级指标", "二级指标", "三级指标", "指标值", "确定依"};
    for (int i = 0; i < 5; i++)
        put(&g, (double[]){107.9, 260.9, 321.6, 383.3, 434.1}[i], 550.8, label[i]);
    put(&g, 59.8, 559.4, "称");
    put(&g, 434.1, 568.0, "据");
    put(&g, 383.3, 605.6, "合同金");
    put(&g, 321.6, 612.6, "政务服务");
    put(&g, 59.8, 614.2, "长期绩");
    put(&g, 260.9, 621.2, "经济成本");
    put(&g, 434.1, 621.2, "计划数");
    put(&g, 383.3, 622.8, "额");
    put(&g, 107.9, 629.8, "成本指标");
    put(&g, 321.6, 629.8, "劳务外包");
    put(&g, 59.8, 631.4, "效目标");
    put(&g, 383.3, 637.4, "=802");
    put(&g, 260.9, 638.4, "指标");
    put(&g, 287.3, 638.4, "1");
    put(&g, 434.1, 638.4, "据");
    put(&g, 59.8, 646.0, "3");
    put(&g, 321.6, 647.1, "服务费");
    put(&g, 383.3, 654.1, "万元");
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 2);
    const ys_line *l = &d->lines[1];
    assert_true(l->ncells >= 3);
    assert_string_equal(l->cells[l->ncells - 2], "合同金额=802万元");
    assert_string_equal(l->cells[l->ncells - 1], "计划数据");
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * Table 11's annual goal header over rows that fill only the current
 * year's column (y as LibreOffice sets it): "前年" and "上年" head columns
 * no figure stands in, between the name's column and the values', which
 * are set from their cell's left edge.  The header's words there are
 * columns of their own ("前年" under "近两年指标值"; "上年", one line,
 * beside it), so "指标值" is not read into "三级指标" and the values stay
 * in the current year's column.
 */
static void empty_value_columns_under_header(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put(&g, 531.7, 350.5, "指标");
    put(&g, 59.8, 367.8, "目标");
    put(&g, 531.7, 367.8, "值确");
    const char *label[4] = {"一级指标", "二级指标", "三级指标", "指标值"};
    for (int i = 0; i < 4; i++)
        put(&g, (double[]){96.2, 236.4, 296.7, 360.7}[i], 376.4, label[i]);
    put(&g, 59.8, 385.0, "名称");
    put(&g, 531.7, 385.0, "定依");
    put(&g, 531.7, 402.3, "据");
    put(&g, 360.7, 439.8, "近两年指");
    put(&g, 473.7, 439.8, "预期当年");
    put(&g, 360.7, 457.1, "标值");
    put(&g, 473.7, 457.1, "实现值");
    put(&g, 360.7, 494.6, "前年");
    put(&g, 415.7, 494.6, "上年");
    put(&g, 59.8, 532.2, "年度");
    put(&g, 473.7, 546.8, "<");
    put_wide(&g, 487.6, 546.8, "101.8", 6.9);
    put(&g, 236.4, 547.8, "经济成本");
    put(&g, 296.7, 547.8, "经费使用");
    put(&g, 531.7, 547.8, "计划");
    put(&g, 59.8, 549.4, "绩效");
    put(&g, 96.2, 556.4, "成本指标");
    put(&g, 473.7, 563.4, "万");
    put(&g, 236.4, 565.0, "指标");
    put(&g, 296.7, 565.0, "限额");
    put(&g, 531.7, 565.0, "数据");
    put(&g, 59.8, 566.7, "目标");
    put(&g, 59.8, 581.3, "4");
    put(&g, 296.7, 618.2, "系统维护");
    put(&g, 531.7, 618.2, "计划");
    put(&g, 96.2, 626.8, "产出指标");
    put(&g, 236.4, 626.8, "数量指标");
    put(&g, 473.7, 626.8, ">");
    put_wide(&g, 487.6, 626.8, "4", 7.6);
    put(&g, 497.6, 626.8, "次/年");
    put(&g, 296.7, 635.5, "次数");
    put(&g, 531.7, 635.5, "数据");
    ys_doc *d = emit_wrapping(&g);
    want_line(d, 0, (const char *const[]){"目标名称", "一级指标", "二级指标", "三级指标", "指标值", "",
                                          "", "指标值确定依据", NULL});
    want_line(d, 1, (const char *const[]){"", "", "", "", "近两年指标值", "", "预期当年实现值", NULL});
    want_line(d, 2, (const char *const[]){"", "", "", "", "前年", "上年", NULL});
    want_line(d, 3, (const char *const[]){"年度绩效目标4", "成本指标", "经济成本指标", "经费使用限额",
                                          "", "", "< 101.8万", "计划数据", NULL});
    want_line(d, 4, (const char *const[]){"", "产出指标", "数量指标", "系统维护次数", "", "",
                                          "> 4次/年", "计划数据", NULL});
    assert_int_equal(d->nlines, 5);
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(figures_apart_under_a_line),
        cmocka_unit_test(staggered_header_lines),
        cmocka_unit_test(narrow_header_cells_close),
        cmocka_unit_test(label_over_text_sub_columns),
        cmocka_unit_test(name_over_wrapped_code),
        cmocka_unit_test(spanning_name_with_a_digit),
        cmocka_unit_test(wrapped_values_in_narrow_cells),
        cmocka_unit_test(centred_cells_interleave),
        cmocka_unit_test(empty_value_columns_under_header),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
