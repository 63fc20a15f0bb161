/* Unit tests: the lines of one cell wrapped in a narrow column
 * (readers/pdf_rows.c, pdf_wrap.c) on pages laid out by hand the way
 * LibreOffice sets an HTML table whose first column is narrow: a form's
 * title set in its first cell over three lines above the form's rows, an
 * item's name wrapped six lines of four characters beside its figure, a
 * label's cell padded close to its figure's, indicator labels wrapped
 * beside cells centred on them (pdf_band.c), labels of two narrow
 * columns on one line (pdf_block.c), a header's labels wrapped beside
 * labels centred on them (pdf_block.c), a label wrapped beside a
 * paragraph outside any table (pdf_labelled.c), a band of cells giving
 * its block columns (pdf_block.c), a wrapped value's cell gap where a
 * wider value above reaches near the next column (pdf_block.c).
 * Prose that looks alike (lines of one width, a short paragraph with no
 * table below it) stays as it was.  No poppler: every expected cell is
 * the text the test put in it. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

#define LEFT 59.8      /* a cell's text, inside its border and padding */
#define VALUE 131.8
#define RIGHT 453.1
#define PITCH 17.25    /* wrapped lines: 15.6 pt glyphs 1.65 pt apart */

static void lines_at(pdf_glyphs *g, double x, double y, const char *const *lines, int n)
{
    for (int i = 0; i < n; i++)
        put(g, x, y + PITCH * i, lines[i]);
}

/* A word put at x, y (its box top). */
typedef struct word { double x, y; const char *s; } word;

static void put_words(pdf_glyphs *g, const word *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        put(g, w[i].x, w[i].y, w[i].s);
}

/* Emit one page of a document whose tables showed their cells wrap. */
static ys_doc *emit_wrapping(pdf_glyphs *g)
{
    pdf_carry k = {.wraps = 1};
    ys_doc *d = ys_doc_new("t.pdf", YS_FMT_PDF);
    assert_non_null(d);
    int no = 0;
    assert_int_equal(pdf_emit_page(d, g, 1, &no, &k), YS_OK);
    assert_int_equal(pdf_carry_flush(d, &k), YS_OK);
    pdf_carry_free(&k);
    return d;
}

/* A form's rows under its title: a name row, a total row with figures. */
static void form_rows(pdf_glyphs *g, double y)
{
    put(g, LEFT, y, "名称");
    put(g, VALUE, y, "某某工作经费");
    put(g, RIGHT, y, "代码");
    put(g, LEFT, y + 40, "总预算");
    put(g, VALUE, y + 40, "12.50");
    put(g, RIGHT, y + 40, "当年");
    put(g, 500.0, y + 40, "12.50");
}

/* A heading (prose), then a title wrapped in the narrow first cell of
 * the table below it: the title reads as one line, the heading stays a
 * line of its own, the table's rows as they were. */
static void title_wrapped_in_first_cell(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put(&g, 56.8, 30.8, "十二、某某目标表");
    lines_at(&g, LEFT, 65.9, (const char *const[]){"甲乙丙丁戊", "己庚辛壬癸", "子"}, 3);
    form_rows(&g, 138.0);
    ys_doc *d = emit(&g);
    assert_int_equal(d->nlines, 4);
    want_line(d, 0, (const char *const[]){"十二、某某目标表", NULL});
    want_line(d, 1, (const char *const[]){"甲乙丙丁戊己庚辛壬癸子", NULL});
    want_line(d, 2, (const char *const[]){"名称", "某某工作经费", "代码", NULL});
    want_line(d, 3, (const char *const[]){"总预算", "12.50", "当年", "12.50", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* Lines that only look like a wrapped cell stay apart: a one-line
 * paragraph over a shorter line, right under a paragraph of full lines,
 * with no table below them. */
static void prose_lines_stay_apart(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    lines_at(&g, 56.8, 30.0,
             (const char *const[]){"甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸甲乙丙丁戊己庚辛壬癸",
                                   "甲乙丙丁戊己庚辛壬癸。", "某局是某区政府的组成部门。", "职能包括："},
             4);
    ys_doc *d = emit(&g);
    assert_int_equal(d->nlines, 3);
    want_line(d, 1, (const char *const[]){"某局是某区政府的组成部门。", NULL});
    want_line(d, 2, (const char *const[]){"职能包括：", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* A procurement list: a name wrapped six lines of four characters (each
 * wider than three line heights) with its figure centred on its third
 * and fourth lines, then a name of two lines: each reads whole in one
 * row with its figure. */
static void name_wrapped_four_characters_a_line(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double F = 440.0;
    put(&g, LEFT, 30.0, "品名");
    put(&g, F, 30.0, "金额");
    lines_at(&g, LEFT, 71.5,
             (const char *const[]){"办公设备", "维修以及", "耗材购置", "费、购买", "打印纸张", "等"}, 6);
    put(&g, F, 113.6, "106.66");
    lines_at(&g, LEFT, 195.3, (const char *const[]){"档案整理", "服务"}, 2);
    put(&g, F, 203.9, "72");
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 3);
    want_line(d, 0, (const char *const[]){"品名", "金额", NULL});
    const ys_line *l = &d->lines[1];
    assert_true(l->ncells >= 2);
    assert_string_equal(l->cells[0], "办公设备维修以及耗材购置费、购买打印纸张等");
    assert_string_equal(l->cells[l->ncells - 1], "106.66");
    l = &d->lines[2];
    assert_string_equal(l->cells[0], "档案整理服务");
    assert_string_equal(l->cells[l->ncells - 1], "72");
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* A label's cell and its figure's padded close (11 pt, under the text
 * height): two cells, as the label beside the next figure; a sentence's
 * figure a quarter of the text height from its words stays in its line. */
static void label_and_figure_padded_close(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    put(&g, LEFT, 30.0, "项目总预算");
    put(&g, 130.7, 28.9, "26.07");
    put(&g, 454.0, 30.0, "当年");
    put(&g, 488.6, 28.9, "26.07");
    put(&g, 56.8, 80.0, "本年预算");
    put(&g, 106.8, 80.0, "26.07");
    put(&g, 139.3, 80.0, "万元。");
    ys_doc *d = emit(&g);
    assert_int_equal(d->nlines, 2);
    want_line(d, 0, (const char *const[]){"项目总预算", "26.07", "当年", "26.07", NULL});
    want_line(d, 1, (const char *const[]){"本年预算26.07万元。", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * Two indicator rows whose label cells wrap in narrow columns, the row's
 * other cells centred on them: "计划" / "数据" stand right under one
 * another, both overlapping the labels' middle line, and the figures
 * (set a little higher than the labels) make one visual line with
 * "计划".  The lines of one cell clear of each other are no clash: each
 * row reads whole.
 */
static void label_cells_wrapped_beside_centred_cells(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double L1 = 107.2, L2 = 271.8, L3 = 331.4, V[3] = {381.6, 431.8, 482.1}, B = 532.3;
    put(&g, L1, 437.3, "效益指标");
    lines_at(&g, L2, 420.0, (const char *const[]){"社会效益", "指标"}, 2);
    lines_at(&g, L3, 428.7, (const char *const[]){"压减审", "批全流"}, 2);
    for (int i = 0; i < 3; i++)
        put(&g, V[i], 428.7, "压减");
    lines_at(&g, B, 420.0, (const char *const[]){"计划", "数据"}, 2);
    put(&g, L1, 518.0, "满意度指标");
    lines_at(&g, L2, 500.7, (const char *const[]){"服务对象", "满意度指", "标"}, 3);
    lines_at(&g, L3, 483.5, (const char *const[]){"群众对", "行政审", "批工作", "的满意", "度"}, 5);
    put(&g, V[0], 516.9, "99%");
    put(&g, V[1], 516.9, "99%");
    put(&g, V[2], 516.9, "≥99%");
    lines_at(&g, B, 509.3, (const char *const[]){"计划", "数据"}, 2);
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 2);
    want_line(d, 0, (const char *const[]){"效益指标", "社会效益指标", "压减审批全流", "压减", "压减",
                                          "压减", "计划数据", NULL});
    want_line(d, 1, (const char *const[]){"满意度指标", "服务对象满意度指标", "群众对行政审批工作的满意度",
                                          "99%", "99%", "≥99%", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * Indicator rows of a form whose level-2 and level-3 labels wrap in two
 * narrow columns 13.5 pt apart, under the text height; the level-2
 * column shows no figure but a label's number ("2" on a line of its own),
 * so the block's column there is that number's width.  A label running
 * past it ("社会效益") still ends its cell there: the next label on its
 * line ("保障单位正") is the next column's, and each row reads its labels
 * whole.
 */
static void labels_of_two_narrow_columns(void **st)
{
    (void)st;
    static const word words[] = {
        {339.3, 272.0, "时效指标"}, {339.3, 286.6, "2"}, {400.8, 270.4, "办公用品到"},
        {400.8, 287.6, "位及时性"}, {467.9, 270.4, "按合同约"}, {467.9, 287.6, "定时间"},
        {530.7, 270.4, "计划"}, {530.7, 287.6, "数据"},
        {108.5, 333.8, "效益指标"}, {339.3, 325.2, "社会效益"}, {339.3, 342.4, "指标"},
        {365.7, 342.4, "1"}, {400.8, 325.2, "保障单位正"}, {400.8, 342.4, "常运行"},
        {467.9, 333.8, "有效保障"}, {530.7, 325.2, "行业"}, {530.7, 342.4, "标准"},
        {339.3, 380.0, "社会效益"}, {339.3, 397.2, "指标"}, {365.7, 397.2, "2"},
        {400.8, 380.0, "提升全区服"}, {400.8, 397.2, "务工作效能"}, {467.9, 388.6, "提升"},
        {530.7, 380.0, "计划"}, {530.7, 397.2, "数据"},
        {339.3, 443.4, "社会效益"}, {339.3, 460.6, "指标"}, {365.7, 460.6, "3"},
        {400.8, 434.8, "优化三级服"}, {400.8, 452.0, "务工作体系"}, {400.8, 469.3, "建设"},
        {467.9, 452.0, "优化"}, {530.7, 443.4, "计划"}, {530.7, 460.6, "数据"},
        {108.5, 524.1, "满意度指标"}, {339.3, 506.8, "服务对象"}, {339.3, 524.1, "满意度指"},
        {339.3, 541.3, "标"}, {353.7, 541.3, "1"}, {400.8, 506.8, "群众对窗口"},
        {400.8, 524.1, "服务工作的"}, {400.8, 541.3, "满意度"}, {467.9, 523.0, "≥99%"},
        {530.7, 515.4, "计划"}, {530.7, 532.7, "数据"},
    };
    pdf_glyphs g = {0};
    put_words(&g, words, sizeof words / sizeof *words);
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 6);
    want_line(d, 2, (const char *const[]){"效益指标", "社会效益指标1", "保障单位正常运行", "有效保障",
                                          "行业标准", NULL});
    want_line(d, 3, (const char *const[]){"", "社会效益指标2", "提升全区服务工作效能", "提升",
                                          "计划数据", NULL});
    want_line(d, 5, (const char *const[]){"满意度指标", "服务对象满意度指标1", "群众对窗口服务工作的满意度",
                                          "≥99%", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * The header of an annual goal table: "目标名" / "称" and "一级" / "指标"
 * wrapped in two narrow columns, "二级指标" and the other labels centred
 * beside them half a line down, 16.7 pt from "一级" (over the text
 * height, under one and a half): no line shows that gap, the lines side
 * by side do.  Each label reads in a cell of its own.
 */
static void header_labels_wrapped_beside_centred_labels(void **st)
{
    (void)st;
    static const word words[] = {
        {59.8, 42.5, "目标名"}, {106.8, 42.5, "一级"}, {59.8, 59.8, "称"}, {106.8, 59.8, "指标"},
        {147.5, 51.2, "二级指标"}, {219.5, 51.2, "三级指标"}, {309.1, 51.2, "指标值"},
        {521.3, 33.9, "指标值"}, {521.3, 51.2, "确定依"}, {521.3, 68.4, "据"},
    };
    pdf_glyphs g = {0};
    put_words(&g, words, sizeof words / sizeof *words);
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 1);
    want_line(d, 0, (const char *const[]){"目标名称", "一级指标", "二级指标", "三级指标", "指标值",
                                          "指标值确定依据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A goal's label wrapped in a narrow cell ("年度" / "目标" / "4:") beside
 * its text wrapped in the next one, outside any table: the label's lines
 * stand half a line off the text's, 12.4 pt left of them, from the
 * text's sixth line on.  One row of two cells, the label and the text.
 */
static void label_wrapped_beside_paragraph(void **st)
{
    (void)st;
    static const word words[] = {
        {59.8, 185.2, "年度"},
        {59.8, 202.5, "目标"},
        {59.8, 217.1, "4:"},
        {96.2, 88.7, "甲乙"},
        {122.6, 88.7, "丙"},
        {138.1, 88.7, "丁戊己庚辛壬癸"},
        {96.2, 106.0, "子丑寅卯辰巳午未申酉戌"},
        {96.2, 123.2, "亥甲乙丙丁戊己庚辛壬癸"},
        {96.2, 140.5, "子丑寅卯辰巳午未申酉戌"},
        {96.2, 157.7, "亥甲乙丙丁戊己庚辛"},
        {208.0, 157.7, "壬"},
        {96.2, 175.0, "癸子丑"},
        {136.0, 175.0, "寅卯辰巳午未申"},
        {96.2, 192.2, "酉戌亥甲乙丙丁戊己庚辛"},
        {96.2, 209.5, "壬癸子"},
        {136.0, 209.5, "丑寅卯辰巳午未"},
        {96.2, 226.7, "申酉戌亥甲乙丙丁戊"},
        {208.0, 226.7, "己"},
        {96.2, 244.0, "庚辛壬癸子丑寅卯辰巳午"},
        {96.2, 261.2, "未申酉戌亥甲乙丙"},
        {196.0, 261.2, "丁戊"},
        {96.2, 278.5, "己庚辛壬癸子丑寅卯辰巳"},
        {96.2, 295.7, "午未申酉戌亥甲乙丙丁戊"},
        {96.2, 313.0, "己庚辛"},
    };
    pdf_glyphs g = {0};
    put_words(&g, words, sizeof words / sizeof *words);
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 1);
    want_line(d, 0, (const char *const[]){"年度目标4:",
                                          "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
                                          "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
                                          "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
                                          "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
                                          "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
                                          "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥"
                                          "甲乙丙丁戊己庚辛",
                                          NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A goal's indicator table whose rows hold no whole figure but a goal's
 * number ("4", wrapped under its label) and values led by a sign
 * ("≤17.8"): the lines of each band of cells side by side give the block
 * its columns together, not the one line holding that number alone, and
 * each label reads in its own cell.
 */
static void band_of_cells_gives_columns(void **st)
{
    (void)st;
    static const word words[] = {
        {59.8, 362.2, "目标名"}, {59.8, 379.4, "称"}, {107.9, 370.8, "一级指标"},
        {260.9, 370.8, "二级指标"}, {321.6, 370.8, "三级指标"}, {383.3, 370.8, "指标值"},
        {434.1, 353.6, "指标值"}, {434.1, 370.8, "确定依"}, {434.1, 388.1, "据"},
        {59.8, 425.6, "长期绩"}, {59.8, 442.9, "效目标"}, {59.8, 457.5, "4"},
        {107.9, 441.2, "成本指标"}, {260.9, 432.6, "经济成本"}, {260.9, 449.9, "指标"},
        {321.6, 432.6, "经费使用"}, {321.6, 449.9, "限额"}, {383.3, 431.6, "≤17.8"},
        {383.3, 448.2, "万"}, {434.1, 432.6, "计划数"}, {434.1, 449.9, "据"},
        {107.9, 503.0, "产出指标"}, {260.9, 503.0, "数量指标"}, {321.6, 494.4, "系统维护"},
        {321.6, 511.7, "次数"}, {383.3, 494.4, "≥4"}, {403.4, 494.4, "次/"},
        {383.3, 511.7, "年"}, {434.1, 494.4, "计划数"}, {434.1, 511.7, "据"},
    };
    pdf_glyphs g = {0};
    put_words(&g, words, sizeof words / sizeof *words);
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 3);
    want_line(d, 0, (const char *const[]){"目标名称", "一级指标", "二级指标", "三级指标", "指标值",
                                          "指标值确定依据", NULL});
    want_line(d, 1, (const char *const[]){"长期绩效目标4", "成本指标", "经济成本指标", "经费使用限额",
                                          "≤17.8万", "计划数据", NULL});
    want_line(d, 2, (const char *const[]){"", "产出指标", "数量指标", "系统维护次数", "≥4次/年",
                                          "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* A value wrapped in its cell ("≤32 万" over "元/年") beside the basis
 * cell 12 pt on, where a wider value of the row above ("≤600万") reaches
 * within 6 pt of the basis column: the gap still parts the two cells.
 * 万 stands LibreOffice's autospace (2.5 pt) after the figure. */
static void cell_gap_at_column_edge(void **st)
{
    (void)st;
    static const word words[] = {
        {212.9, 80.1, "指标 1"}, {352.5, 80.1, "721.94"}, {470.4, 80.1, "≤600"},
        {502.9, 80.1, "万"}, {520.9, 80.1, "计划数"}, {520.9, 97.3, "据"},
        {212.9, 152.1, "指标 2"}, {352.5, 152.1, "89.98"}, {470.4, 152.1, "≤32"},
        {496.9, 152.1, "万"}, {520.9, 152.1, "计划数"},
        {470.4, 169.4, "元/年"}, {520.9, 169.4, "据"},
        {212.9, 224.2, "指标 3"}, {352.5, 224.2, "43.55"}, {470.4, 224.2, "40"},
        {520.9, 224.2, "计划数"}, {520.9, 241.4, "据"},
    };
    pdf_glyphs g = {0};
    put_words(&g, words, sizeof words / sizeof *words);
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 3);
    want_line(d, 0, (const char *const[]){"指标 1", "721.94", "≤600万", "计划数据", NULL});
    want_line(d, 1, (const char *const[]){"指标 2", "89.98", "≤32万元/年", "计划数据", NULL});
    want_line(d, 2, (const char *const[]){"指标 3", "43.55", "40", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* An indicator's cells wrapped to two and three lines, set half a line
 * apart (each centred in the row), 8 to 13 pt apart side by side: one
 * logical row, like the row above it whose lines do not interleave. */
static void row_of_interleaved_cells(void **st)
{
    (void)st;
    static const word words[] = {
        {107.9, 560.0, "一级指标"}, {260.9, 560.0, "二级指标"}, {321.6, 560.0, "三级指标"},
        {383.3, 560.0, "指标值"}, {434.1, 560.0, "依据"}, {107.9, 629.8, "成本指标"},
        {260.9, 621.2, "经济成本"}, {260.9, 638.4, "指标 1"}, {321.6, 612.6, "政务服务"},
        {321.6, 629.8, "劳务外包"}, {321.6, 647.1, "服务费"}, {383.3, 605.6, "合同金"},
        {383.3, 622.8, "额"}, {383.3, 637.4, "=802"}, {383.3, 654.1, "万元"},
        {434.1, 621.2, "计划数"}, {434.1, 638.4, "据"},
        {260.9, 700.2, "经济成本"}, {260.9, 717.5, "指标 2"}, {321.6, 691.6, "24小时自"},
        {321.6, 708.9, "助服务终"}, {321.6, 726.1, "端租赁费"}, {383.3, 700.2, "≤32 万"},
        {383.3, 717.5, "元/年"}, {434.1, 700.2, "计划数"}, {434.1, 717.5, "据"},
    };
    pdf_glyphs g = {0};
    put_words(&g, words, sizeof words / sizeof *words);
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 3);
    want_line(d, 0, (const char *const[]){"一级指标", "二级指标", "三级指标", "指标值", "依据", NULL});
    want_line(d, 1, (const char *const[]){"成本指标", "经济成本指标 1", "政务服务劳务外包服务费", "合同金额=802万元",
                                          "计划数据", NULL});
    want_line(d, 2, (const char *const[]){"", "经济成本指标 2", "24小时自助服务终端租赁费", "≤32 万元/年",
                                          "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* A row of a wrapping table whose label ("质量指标") stands half a line
 * below the first lines of the cells beside it, no whole figure in it
 * ("≥95%"), the basis cell 14 pt after the value: its lines are one row
 * of the block, not a line of prose and two rows. */
static void interleaved_row_without_figure(void **st)
{
    (void)st;
    static const word words[] = {
        {59.8, 33.9, "标"}, {74.2, 33.9, "5:"}, {107.9, 33.9, "运营、职工满意。"},
        {59.8, 80.1, "目标名"}, {59.8, 97.3, "称"}, {107.9, 88.7, "一级指标"},
        {260.9, 88.7, "二级指标"}, {321.6, 88.7, "三级指标"}, {383.3, 88.7, "指标值"},
        {427.4, 71.5, "指标值"}, {427.4, 88.7, "确定依"}, {427.4, 106.0, "据"},
        {59.8, 143.5, "长期绩"}, {59.8, 160.8, "效目标"}, {59.8, 175.4, "5"},
        {107.9, 159.1, "成本指标"}, {260.9, 150.5, "经济成本"}, {260.9, 167.8, "指标"},
        {321.6, 159.1, "租赁费用"}, {383.3, 159.1, "≤26"},
        {427.4, 150.5, "计划数"}, {427.4, 167.8, "据"},
        {107.9, 220.9, "产出指标"}, {260.9, 220.9, "数量指标"}, {321.6, 220.9, "就餐人数"},
        {383.3, 211.3, "≥200"}, {383.3, 227.9, "人"}, {427.4, 212.3, "计划数"},
        {427.4, 229.6, "据"},
        {260.9, 275.7, "质量指标"}, {321.6, 267.1, "卫生环境"}, {321.6, 284.4, "达标率"},
        {383.3, 274.7, "≥95%"}, {427.4, 267.1, "计划数"}, {427.4, 284.4, "据"},
        {107.9, 330.5, "效益指标"}, {260.9, 321.9, "社会效益"}, {260.9, 339.2, "指标"},
        {321.6, 321.9, "后勤服务"}, {321.6, 339.2, "保障"}, {383.3, 321.9, "稳固提"},
        {383.3, 339.2, "升"}, {427.4, 321.9, "计划数"}, {427.4, 339.2, "据"},
    };
    pdf_glyphs g = {0};
    put_words(&g, words, sizeof words / sizeof *words);
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 6);
    want_line(d, 3, (const char *const[]){"", "产出指标", "数量指标", "就餐人数", "≥200人", "计划数据", NULL});
    want_line(d, 4, (const char *const[]){"", "", "质量指标", "卫生环境达标率", "≥95%", "计划数据", NULL});
    want_line(d, 5, (const char *const[]){"", "效益指标", "社会效益指标", "后勤服务保障", "稳固提升", "计划数据",
                                          NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* Chinese beside Latin script: LibreOffice sets the two apart by a narrow
 * gap (2.4 pt) where poppler reports a word break, and a cell's line may
 * break between them; neither is a space in the text.  Two Latin words
 * over a line break keep theirs. */
static void no_space_between_scripts(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double F = 440.0;
    put(&g, LEFT, 30.0, "品名");
    put(&g, F, 30.0, "金额");
    put(&g, LEFT, 71.5, "24");
    put(&g, LEFT + W + 2.4, 71.5, "小时自助");
    put(&g, LEFT, 71.5 + PITCH, "服务费");
    put(&g, F, 80.0, "12.50");
    lines_at(&g, LEFT, 130.0, (const char *const[]){"ABC", "DEF"}, 2);
    put(&g, F, 138.6, "3.00");
    lines_at(&g, LEFT, 190.0, (const char *const[]){"合同金额=802", "万元"}, 2);
    put(&g, F, 198.6, "7.00");
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 4);
    want_line(d, 1, (const char *const[]){"24小时自助服务费", "12.50", NULL});
    want_line(d, 2, (const char *const[]){"ABC DEF", "3.00", NULL});
    want_line(d, 3, (const char *const[]){"合同金额=802万元", "7.00", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* A typed space between Chinese and Latin script is wider than
 * LibreOffice's own gap there (3.9 or 3.1 pt against 2.4 at a 12 pt
 * font): it stays a space, as the text had it. */
static void typed_space_between_scripts(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double F = 440.0;
    put(&g, LEFT, 30.0, "品名");
    put(&g, F, 30.0, "金额");
    put(&g, LEFT, 71.5, "2026");
    put(&g, LEFT + 2 * W + 3.9, 71.5, "年预算");
    put(&g, F, 71.5, "12.50");
    put(&g, LEFT, 110.0, "柜");
    put(&g, LEFT + W + 3.1, 110.0, "1台");
    put(&g, F, 110.0, "3.00");
    put(&g, LEFT, 150.0, "表");
    put(&g, LEFT + W + 2.4, 150.0, "5-1");
    put(&g, F, 150.0, "7.00");
    ys_doc *d = emit_wrapping(&g);
    assert_int_equal(d->nlines, 4);
    want_line(d, 1, (const char *const[]){"2026 年预算", "12.50", NULL});
    want_line(d, 2, (const char *const[]){"柜 1台", "3.00", NULL});
    want_line(d, 3, (const char *const[]){"表5-1", "7.00", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(title_wrapped_in_first_cell),
        cmocka_unit_test(prose_lines_stay_apart),
        cmocka_unit_test(name_wrapped_four_characters_a_line),
        cmocka_unit_test(label_and_figure_padded_close),
        cmocka_unit_test(label_cells_wrapped_beside_centred_cells),
        cmocka_unit_test(labels_of_two_narrow_columns),
        cmocka_unit_test(header_labels_wrapped_beside_centred_labels),
        cmocka_unit_test(label_wrapped_beside_paragraph),
        cmocka_unit_test(band_of_cells_gives_columns),
        cmocka_unit_test(cell_gap_at_column_edge),
        cmocka_unit_test(row_of_interleaved_cells),
        cmocka_unit_test(interleaved_row_without_figure),
        cmocka_unit_test(no_space_between_scripts),
        cmocka_unit_test(typed_space_between_scripts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
