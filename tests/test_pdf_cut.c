/* Unit tests: indicator tables as LibreOffice sets them, laid out by hand:
 * names wrapped four characters a line, values and the basis centred on
 * their row.  A row cut by a page break when no figure of it shows so, its
 * part on the first page laid from its top (readers/pdf_foot.c,
 * pdf_carry.c); rows whose values stand between a name's lines
 * (pdf_band.c); a row's first line of cells set closer than the text
 * height below a wrapped cell's last line (pdf_rows.c), a value close to
 * the next column (pdf_block.c).  No poppler: the glyph boxes are
 * written here, so every expected cell is the text the test put there. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

#define P 17.25     /* line pitch of wrapped lines (gap 1.65) */
#define LAB 236.4   /* columns: label, name, value, basis */
#define NAM 296.7
#define VAL 360.7
#define BAS 531.7

/* A whole row from y: three name lines, the label, value and the basis's
 * two lines centred on them.  Returns where the next row starts (rows
 * stand 22 pt apart, as the reference's). */
static double whole_row(pdf_glyphs *g, double y, const char *label, const char *const name[3],
                        const char *value)
{
    for (int i = 0; i < 3; i++)
        put(g, NAM, y + P * i, name[i]);
    put(g, LAB, y + P, label);
    put(g, VAL, y + P, value);
    put(g, BAS, y + P / 2, "计划");
    put(g, BAS, y + P * 1.5, "数据");
    return y + 2 * P + H + 22;
}

/* Three whole rows from y; returns where the next starts. */
static double whole_rows(pdf_glyphs *g, double y)
{
    y = whole_row(g, y, "指标一", (const char *const[]){"政务服务", "外包人员", "考核合格"}, "95%");
    y = whole_row(g, y, "指标二", (const char *const[]){"有效差评", "整改事项", "办结比例"}, "≥98%");
    return whole_row(g, y, "指标三", (const char *const[]){"好差评工", "单处理及", "时程度高"}, "100%");
}

/* Emit pages a and b of a document whose cells wrap. */
static ys_doc *two_pages(pdf_glyphs *a, pdf_glyphs *b)
{
    return emit_pages((pdf_glyphs *const[]){a, b}, 2, 1);
}

/* The next page: the cut name's last character at the top (or a line of
 * its own), then a whole row. */
static void next_page(pdf_glyphs *b)
{
    put(b, NAM, 33.9, "度");
    whole_row(b, 80, "指标五", (const char *const[]){"街乡政务", "中心对部", "门的评价"}, "≥90%");
}

/*
 * The page's last row cut by the break: its value and basis stand level
 * with its first line, not on its middle as every row above, and the
 * name's last character opens the next page.  The row reads whole, on
 * its first page; the next page's row stays its own.
 */
static void row_laid_from_top_goes_on(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    double y = whole_rows(&a, 500);
    put(&a, NAM, y, "群众对行");
    put(&a, NAM, y + P, "政审批工");
    put(&a, NAM, y + 2 * P, "作的满意");
    put(&a, LAB, y, "指标四");
    put(&a, VAL, y, "99%");
    put(&a, BAS, y, "计划");
    put(&a, BAS, y + P, "数据");
    next_page(&b);
    ys_doc *d = two_pages(&a, &b);
    assert_int_equal(d->nlines, 5);
    want_line(d, 3, (const char *const[]){"指标四", "群众对行政审批工作的满意度", "99%", "计划数据", NULL});
    assert_int_equal(d->lines[3].page, 1);
    want_line(d, 4, (const char *const[]){"指标五", "街乡政务中心对部门的评价", "≥90%", "计划数据", NULL});
    assert_int_equal(d->lines[4].page, 2);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/* A whole row at the page's foot, centred as the rows above: a line
 * opening the next page in its name's column is no part of it. */
static void centred_row_stays_whole(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    double y = whole_rows(&a, 500);
    whole_row(&a, y, "指标四", (const char *const[]){"群众对行", "政审批工", "作的满意"}, "99%");
    next_page(&b);
    ys_doc *d = two_pages(&a, &b);
    assert_int_equal(d->nlines, 6);
    want_line(d, 3, (const char *const[]){"指标四", "群众对行政审批工作的满意", "99%", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/* A row of four name lines from y: the label's three lines, the values
 * and the basis's two lines centred on them, as the reference's table 11
 * sets an indicator whose name is long. */
static void tall_row(pdf_glyphs *g, double y, const char *const name[4], const char *value)
{
    const char *label[] = {"服务对象", "满意度指", "标3"};
    for (int i = 0; i < 4; i++)
        put(g, NAM - 2.9, y + P * i, name[i]);
    for (int i = 0; i < 3; i++)
        put(g, LAB - 2.7, y + P * (i + 0.5), label[i]);
    put(g, VAL - 7.2, y + P * 1.44, value);
    put(g, 412.4, y + P * 1.44, value);
    put(g, 473.0, y + P * 1.44, value);
    put(g, BAS + 1.9, y + P, "计划");
    put(g, BAS + 1.9, y + P * 2, "数据");
}

/*
 * Rows of four-line names whose values stand between the name's second
 * and third lines: the visual line of the name's second line reaches down
 * past the third's top (its value lower), yet the name's lines stand 1.65
 * pt apart, not the 18.9 from its first line to its third.  Each row is
 * one band of cells side by side and reads whole under the header; the
 * prose below stays apart.
 */
static void values_between_name_lines(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const char *head[] = {"二级指标", "三级指标", "前年", "上年", "预期", "依据"};
    const double hx[] = {LAB - 2.7, NAM - 2.9, VAL - 7.2, 412.4, 473.0, BAS + 1.9};
    for (int i = 0; i < 6; i++)
        put(&g, hx[i], 33.9, head[i]);
    tall_row(&g, 71.5, (const char *const[]){"街乡政务", "中心对部", "门服务的", "满意度"}, "≥90%");
    tall_row(&g, 160.8, (const char *const[]){"工作人员", "对机构运", "转工作的", "满意度"}, "≥92%");
    put(&g, 96.2, 251.4, "目标3:深化政务服务");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 1, (const char *const[]){"服务对象满意度指标3", "街乡政务中心对部门服务的满意度", "≥90%", "≥90%",
                                          "≥90%", "计划数据", NULL});
    want_line(d, 2, (const char *const[]){"服务对象满意度指标3", "工作人员对机构运转工作的满意度", "≥92%", "≥92%",
                                          "≥92%", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* A row from y whose label, wrapped four characters a line, stands 13.3
 * pt left of the name (closer than the text height): the name's three
 * lines, the label's two, the value and the basis centred on them. */
static double close_row(pdf_glyphs *g, double y, const char *const lines[5], const char *value)
{
    for (int i = 0; i < 3; i++)
        put(g, NAM, y + P * i, lines[2 + i]);
    put(g, NAM - 61.3, y + P / 2, lines[0]);
    put(g, NAM - 61.3, y + P * 1.5, lines[1]);
    put(g, VAL, y + P, value);
    put(g, BAS, y + P / 2, "计划");
    put(g, BAS, y + P * 1.5, "数据");
    return y + 2 * P + H + 22;
}

/*
 * A table with no whole figure (its values "≥90%") whose last row on the
 * page is cut, laid from its top: its rest goes on at the next page's top
 * ("平", "数据": a cell its last line did not reach), and the next
 * page's rows take the table's columns, the label's apart from the
 * name's though they stand closer than the text height: the block is no
 * header though it holds no figure.
 */
static void cut_row_of_table_without_figures(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    double y = close_row(&a, 500, (const char *const[]){"质量指标", "甲乙丙丁", "政策、电", "子证照匹", "配准确率"}, "≥90%");
    y = close_row(&a, y, (const char *const[]){"数量指标", "戊己庚辛", "系统维护", "次数每年", "不少于四"}, "≥4次");
    put(&a, NAM - 61.3, y, "社会效益");
    put(&a, NAM - 61.3, y + P, "指标");
    put(&a, NAM, y, "政务服务");
    put(&a, NAM, y + P, "便捷度与");
    put(&a, VAL, y - 2.7, "≥90%");
    put(&a, BAS, y, "计划");
    put(&b, NAM, 33.9, "智能化水");
    put(&b, BAS, 42.5, "数据");
    put(&b, NAM, 51.2, "平");
    close_row(&b, 89, (const char *const[]){"服务对象", "满意度指标1", "群众对平", "台使用的", "满意度"}, "≥90%");
    ys_doc *d = two_pages(&a, &b);
    assert_int_equal(d->nlines, 4);
    want_line(d, 2, (const char *const[]){"社会效益指标", "政务服务便捷度与智能化水平", "≥90%", "计划数据", NULL});
    assert_int_equal(d->lines[2].page, 1);
    want_line(d, 3, (const char *const[]){"服务对象满意度指标1", "群众对平台使用的满意度", "≥90%", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/* A value wrapped so that its percent sign stands alone on the cell's
 * second line ("≥99.9" over "%") reads as one figure, with no space. */
static void percent_sign_wrapped_alone(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    double y = whole_rows(&g, 500);
    for (int i = 0; i < 3; i++)
        put(&g, NAM, y + P * i, (const char *const[]){"政务服务", "满意程度", "百分比率"}[i]);
    put(&g, LAB, y + P, "指标四");
    put(&g, VAL, y + P / 2, "≥99.9");
    put(&g, VAL, y + P * 1.5, "%");
    put(&g, BAS, y + P / 2, "计划");
    put(&g, BAS, y + P * 1.5, "数据");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 3, (const char *const[]){"指标四", "政务服务满意程度百分比率", "≥99.9%", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

#define NL 338.0    /* columns of a narrower table: label, name, value, basis */
#define NN 399.8
#define NV 467.5
#define NB 530.5

/* A narrower table's header, then n rows of two lines from y = 300, 60 pt
 * apart: the label, name and value lines of rows[i] ({name, name, value,
 * value}), the basis "计划" over "数据" (only "数据" beside row 0 when
 * lone_basis: its value fills its cell). */
static void narrow_rows(pdf_glyphs *g, const char *const rows[][4], int n, int lone_basis)
{
    const char *head[] = {"二级指标", "三级指标", "指标值", "依据"};
    const double x[] = {NL, NN, NV, NB};
    for (int i = 0; i < 4; i++)
        put(g, x[i], 260, head[i]);
    put(g, 97.3, 308.6, "成本指标");
    for (int i = 0; i < n; i++) {
        double y = 300 + 60 * i;
        put(g, NL, y, "经济成本");
        put(g, NL, y + 17.2, "指标");
        for (int k = 0; k < 2; k++) {
            put(g, NN, y + 17.2 * k, rows[i][k]);
            put(g, NV, y + 17.2 * k, rows[i][2 + k]);
        }
        if (i || !lone_basis)
            put(g, NB, y, "计划");
        put(g, NB, y + 17.2, "数据");
    }
}

/*
 * Narrow cells set closer than the text height ("经济成本" 13.8 pt from
 * "印章费用标", its value 7.7 pt after it): a row's first line reads as
 * one run of words.  It stands below the last line of the row above's
 * wrapped name ("人/天") and above its own second line of four cells;
 * it starts where a cell of those rows starts, so it is a line of the
 * table, and the row reads whole.
 */
static void close_cells_below_wrapped_line(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    narrow_rows(&g, (const char *const[][4]){{"水务专家", "评审费用", "≤800元", "/件"},
                                             {"城管专家", "抽查项目", "≥9个", "以上"}}, 2, 0);
    const struct { double x, y; const char *s; } w[] = {
        {NN, 419.9, "城管专家评"}, {NL, 428.5, "经济成本"}, {NV, 428.5, "≤1500元"}, {NB, 428.5, "计划"},
        {NN, 437.2, "审费标准/"}, {NL, 445.8, "指标2"}, {NV, 445.8, "/人/天"}, {NB, 445.8, "数据"},
        {NN, 454.4, "人/天"}, {NL, 492.0, "经济成本"}, {NN, 492.0, "印章费用标"}, {NV, 492.0, "≤120"},
        {499.9, 492.0, "元/"}, {NB, 492.0, "计划"}, {NL, 509.2, "指标3"}, {NN, 509.2, "准/套"},
        {NV, 509.2, "套"}, {NB, 509.2, "数据"}, {97.3, 555.4, "产出指标"}, {NL, 555.4, "数量指标1"},
        {NN, 555.4, "办理事项"}, {NV, 555.4, "≥7万件"}, {NB, 555.4, "计划数据"}};
    for (size_t i = 0; i < sizeof w / sizeof *w; i++)
        put(&g, w[i].x, w[i].y, w[i].s);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 6);
    want_line(d, 4, (const char *const[]){"", "经济成本指标3", "印章费用标准/套", "≤120元/套", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A value ending 15 pt before the basis beside it ("≥99.95%" before
 * "计划数据"), under a value of its column reaching past the middle of
 * that gap ("≤1500万元" over "/年"): the gap between a figure and Chinese
 * text where the next column starts parts the two cells.
 */
static void figure_close_to_next_column(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    narrow_rows(&g, (const char *const[][4]){{"水务专家", "评审费用", "≤1500万元", "/年"},
                                             {"城管专家", "抽查项目", "≥9个", "以上"},
                                             {"办事指南", "准确比率", "≥99.95%", ""}}, 3, 1);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 1, (const char *const[]){"成本指标", "经济成本指标", "水务专家评审费用", "≤1500万元/年", "数据", NULL});
    want_line(d, 3, (const char *const[]){"", "经济成本指标", "办事指南准确比率", "≥99.95%", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* One row of a funds table: its label's lines (two characters a line,
 * 17.2 pt apart) from y, its figures centred beside them (none: a label
 * alone). */
static void funds_row(pdf_glyphs *g, double y, const char *const *label, int n, const char *f1,
                      const char *f2)
{
    for (int i = 0; i < n; i++)
        put(g, 231.3, y + 17.2 * i, label[i]);
    double fy = y + 8.6 * (n - 1) - 1.0;
    if (f1)
        put(g, 264.5, fy, f1);
    if (f2)
        put(g, 440.6, fy, f2);
}

/*
 * A funds table over three pages.  The first page's last row reaches
 * 805 pt; the second's ends at 784 pt with a two-line label ("财政"
 * over "拨款") and its figures centred beside it, where another line
 * would have fitted.  The next page opens with the next row's label,
 * three lines and no figure: a row of its own, not the rest of the
 * label before the break.
 */
static void centred_row_above_foot_ends(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0}, c = {0};
    funds_row(&a, 700.0, (const char *const[]){"合计"}, 1, "2877.94", "3185.47");
    funds_row(&a, 740.0, (const char *const[]){"人员"}, 1, "1040.44", "1082.9");
    funds_row(&a, 790.0, (const char *const[]){"运转"}, 1, "443.37", "430.57");
    funds_row(&b, 700.0, (const char *const[]){"合计"}, 1, "2877.94", "3185.47");
    funds_row(&b, 751.4, (const char *const[]){"财政", "拨款"}, 2, "2877.94", "3185.47");
    funds_row(&c, 33.9, (const char *const[]){"财政", "专户", "资金"}, 3, NULL, NULL);
    funds_row(&c, 106.0, (const char *const[]){"单位", "资金"}, 2, NULL, NULL);
    funds_row(&c, 160.8, (const char *const[]){"合计"}, 1, "2877.94", "3185.47");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b, &c}, 3, 1);
    want_line(d, line_starting(d, "财政拨款"), (const char *const[]){"财政拨款", "2877.94", "3185.47", NULL});
    want_line(d, line_starting(d, "财政专户资金"), (const char *const[]){"财政专户资金", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
    pdf_glyphs_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(row_laid_from_top_goes_on),
        cmocka_unit_test(centred_row_stays_whole),
        cmocka_unit_test(values_between_name_lines),
        cmocka_unit_test(cut_row_of_table_without_figures),
        cmocka_unit_test(percent_sign_wrapped_alone),
        cmocka_unit_test(close_cells_below_wrapped_line),
        cmocka_unit_test(figure_close_to_next_column),
        cmocka_unit_test(centred_row_above_foot_ends),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
