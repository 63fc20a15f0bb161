/* Unit tests: goals of tables 11 and 12 in a PDF (readers/pdf_labelled.c,
 * pdf_cut.c) on pages laid out by hand the way LibreOffice sets them: a
 * label wrapped in a narrow cell beside its text, lines of it parting as
 * cells, a narrow text column, a goal cut by a page break, a goal's
 * text longer than its label under a table's rows, a label of two lines
 * set line for line beside its text's two (and two rows of whole labels
 * set as close, which are no such label), a narrow cell whose short last
 * line at a page's foot ends it.  No poppler:
 * every expected cell is the text the test itself put in that cell. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

/*
 * A goal's label wrapped beside its text set a line apart (17.3 pt, the
 * text 15.6 pt high), as LibreOffice sets table 11: the label's lines
 * stand 1.6 pt below the text's and share their rows.  The gap after
 * "1:" is wider than the text height, so that row holds two cells and
 * would start a table block of its own; a table follows 22 pt below.
 * The label and the whole text still read as one row.
 */
static void goal_label_line_of_two_cells(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double L = 59.8, T = 97.3, P = 17.3, y = 100;
    const char *text[] = {"一二三四五六七八九十", "甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉",
                          "东南西北中春夏秋冬日", "金木水火土天地玄黄宇", "宙洪荒"};
    for (int i = 0; i < 6; i++)
        put(&g, T, y + P * i, text[i]);
    put(&g, L, y + 2 * P + 1.6, "长期");
    put(&g, L, y + 3 * P + 1.6, "目标");
    put(&g, L, y + 4 * P + 1.6, "1:");
    const double y2 = y + 5 * P + H + 22;
    put(&g, L, y2, "名称");
    put(&g, T, y2, "指标");
    put(&g, 300, y2, "指标值");
    put(&g, L, y2 + 37.6, "成本");
    put(&g, T, y2 + 37.6, "经费");
    put(&g, 300, y2 + 37.6, "17.80");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    want_line(d, 0, (const char *const[]){"长期目标1:", "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
                                          "东南西北中春夏秋冬日金木水火土天地玄黄宇宙洪荒", NULL});
    want_line(d, 1, (const char *const[]){"名称", "指标", "指标值", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A project form's goals in a narrow column (text seven characters wide
 * beside a label three or four wide), under the "名称 | 目标说明" row:
 * the first label's lines share the text's second and third rows, its
 * first line a cell apart from the text (a block's row); the second
 * label's lines stand half a line between the text's.  Each goal reads
 * as one row: label, whole text.
 */
static void goal_labels_beside_narrow_text(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double L = 59.8, T = 113.8, P = 17.3, M = P / 2, y = 100;
    put(&g, L, y, "名称");
    put(&g, T, y, "目标说明");
    const double y1 = y + H + 22;
    const char *a[] = {"一二三四五六七", "甲乙丙丁戊己庚", "子丑寅卯辰巳午", "东南西北中春"};
    for (int i = 0; i < 4; i++)
        put(&g, T, y1 + P * i, a[i]);
    put(&g, L, y1 + P, "长期绩");
    put(&g, L, y1 + 2 * P, "效目标1");
    const double y2 = y1 + 3 * P + H + 22;
    const char *b[] = {"金木水火土天", "地玄黄宇宙洪荒", "日月盈昃辰宿列", "张寒来暑往秋", "收"};
    for (int i = 0; i < 5; i++)
        put(&g, T, y2 + P * i, b[i]);
    put(&g, L, y2 + M + P, "年度绩");
    put(&g, L, y2 + M + 2 * P, "效目标1");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 3);
    want_line(d, 0, (const char *const[]){"名称", "目标说明", NULL});
    want_line(d, 1, (const char *const[]){"长期绩效目标1", "一二三四五六七甲乙丙丁戊己庚子丑寅卯辰巳午东南西北中春",
                                          NULL});
    want_line(d, 2, (const char *const[]){"年度绩效目标1", "金木水火土天地玄黄宇宙洪荒日月盈昃辰宿列张寒来暑往秋收",
                                          NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A goal's label and text cut by a page break, as LibreOffice sets table
 * 11: the page's last line holds the label's first characters ("长期目")
 * beside the text's first line, the next page's first line the label's
 * rest ("标5:") a cell's gap from the text's rest; a table follows.  The
 * goal reads as one row of two cells, on the first page.
 */
static void goal_cut_by_page(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    const double L = 59.8, T = 107.9, V = 300;
    put(&a, L, 600, "名称");
    put(&a, T, 600, "指标");
    put(&a, V, 600, "17.80");
    put(&a, L, 782.6, "长期目");
    put(&a, T, 782.6, "成本控制合规经营持续");
    put(&b, L, 33.9, "标5:");
    put(&b, T, 33.9, "运营职工满意。");
    put(&b, L, 80, "名称");
    put(&b, T, 80, "指标");
    put(&b, V, 80, "26.07");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    assert_int_equal(d->nlines, 3);
    want_line(d, 1, (const char *const[]){"长期目标5:", "成本控制合规经营持续运营职工满意。", NULL});
    assert_int_equal(d->lines[1].page, 1);
    want_line(d, 2, (const char *const[]){"名称", "指标", "26.07", NULL});
    drop_pages(d, &a, &b);
}

/*
 * A goal written into one narrow cell ("年度目标2: …"), its paragraph cut
 * by a page break: it goes on in the same column at the next page's top,
 * and reads as one paragraph.  A page whose first line stands elsewhere
 * (a paragraph across the page) does not go on with it.
 */
static void narrow_cell_cut_by_page(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0}, c = {0};
    const double L = 59.8, P = 17.3;
    put(&a, L, 600, "名称");
    put(&a, 300, 600, "指标");
    put(&a, 500, 600, "17.80");
    const char *top[] = {"年度目标2:一步", "提升服务质量以", "干部素质提升年"};
    for (int i = 0; i < 3; i++)
        put(&a, L, 745 + P * i, top[i]);
    put(&b, L, 33.9, "为契机深入推动");
    put(&b, L, 33.9 + P, "区街队伍。");
    put(&b, L, 80, "名称");
    put(&b, 300, 80, "指标");
    put(&b, 500, 80, "26.07");
    put(&c, L, 33.9, "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    assert_int_equal(d->nlines, 3);
    want_line(d, 1, (const char *const[]){"年度目标2:一步提升服务质量以干部素质提升年为契机深入推动区街队伍。",
                                          NULL});
    assert_int_equal(d->lines[1].is_row, 0);
    ys_doc_free(d);
    d = emit_pages((pdf_glyphs *const[]){&a, &c}, 2, 1);
    assert_int_equal(d->nlines, 3);
    want_line(d, 2, (const char *const[]){"甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
    pdf_glyphs_free(&c);
}

/*
 * A form's goal whose label ("年度绩" / "效目标") shares its text's first
 * two rows at a page's foot, read there as one row of two cells; its text
 * goes on at the next page's top in the same column.  The row reads whole.
 */
static void labelled_goal_cut_by_page(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    const double L = 59.8, T = 107.2, P = 17.3;
    put(&a, L, 600, "名称");
    put(&a, T, 600, "目标说明");
    const char *top[] = {"进一步优化营商环境按照", "高效办成一件事工作目标", "和工作要求巩固拓展成果"};
    for (int i = 0; i < 3; i++)
        put(&a, T, 745 + P * i, top[i]);
    put(&a, L, 745, "年度绩");
    put(&a, L, 745 + P, "效目标");
    put(&b, T, 33.9, "加快推动各项改革任务落");
    put(&b, T, 33.9 + P, "地落实落细。");
    put(&b, L, 80, "长期绩");
    put(&b, L, 80 + P, "效目标");
    put(&b, L, 80 + 2 * P, "表");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    want_line(d, 1, (const char *const[]){"年度绩效目标", "进一步优化营商环境按照高效办成一件事工作目标和工作要求巩固拓展成果"
                                          "加快推动各项改革任务落地落实落细。", NULL});
    drop_pages(d, &a, &b);
}

/*
 * A goal under an indicator table's rows, its text longer than its label
 * and centred on it, the lines 27.8 pt apart (12.2 pt between them, more
 * than half a line): the label's three lines interleave with the text's
 * second to fourth, the text's first line stands alone above them (where
 * the table's second column starts: a row of the table above, read
 * alone) and its last below.  The label and the whole text read as one
 * row after the table's.
 */
static void goal_text_longer_than_label(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double L = 65.1, T = 107.3, P = 27.8, y = 226.0;
    put(&g, L, 100.0, "名称");
    put(&g, T, 100.0, "一级指标");
    put(&g, 238.1, 100.0, "三级指标");
    put(&g, 315.8, 100.0, "指标值");
    put(&g, 459.7, 100.0, "依据");
    put(&g, L, 141.6, "年度");
    put(&g, T, 141.6, "成本指标");
    put(&g, 238.1, 141.6, "评审费");
    put(&g, 315.8, 141.6, "800");
    put(&g, 459.7, 141.6, "计划");
    put(&g, T, 183.8, "产出指标");
    put(&g, 238.1, 183.8, "办件数");
    put(&g, 315.8, 183.8, "86256");
    put(&g, 459.7, 183.8, "计划");
    const char *text[] = {"一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉东南西北中",
                          "春夏秋冬日金木水火土天地玄黄宇宙洪荒一二三四五六七八九十甲乙丙丁戊己",
                          "庚辛壬癸子丑寅卯辰巳午未申酉东南西北中春夏秋冬日金木水火土天地玄黄宇",
                          "宙洪荒一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉东",
                          "南西北中春夏秋冬日金木水火土天地玄黄宇宙洪荒一二三四五六七八九十甲乙",
                          "丙丁戊己庚辛壬癸"};
    for (int i = 0; i < 6; i++)
        put(&g, T, y + P * i, text[i]);
    put(&g, L, y + P + 6.7, "年度");
    put(&g, L, y + 2 * P + 6.7, "目标");
    put(&g, L, y + 3 * P + 6.7, "2:");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    char whole[1024] = "";
    for (int i = 0; i < 6; i++)
        strcat(whole, text[i]);
    assert_int_equal(d->nlines, 4);
    want_line(d, 2, (const char *const[]){"", "产出指标", "办件数", "86256", "计划", NULL});
    want_line(d, 3, (const char *const[]){"年度目标2:", whole, NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* A goal's label of two lines beside its text's two lines, set line for
 * line (17.2 pt apart), at the page's top, then a form's header: the
 * label's lines part from the text's by under a text height on the first
 * line ("长期目" │ text), by more on the second ("标5:" │ text: a row of
 * two cells, which would join the header's block).  With rows[] one
 * of them. */
static ys_doc *emit_aligned_label(const char *const *label, const char *const *text)
{
    pdf_glyphs g = {0};
    const double L = 59.8, T = 107.9, P = 17.2, y = 71.5;
    put_lines(&g, L, y, P, label, 2);
    put_lines(&g, T, y, P, text, 2);
    put(&g, 434.1, 126.3, "指标值");
    put_lines(&g, L, 134.9, P, (const char *const[]){"目标名", "称"}, 2);
    put(&g, T, 143.5, "一级指标");
    put(&g, 260.9, 143.5, "二级指标");
    put(&g, 321.6, 143.5, "三级指标");
    put(&g, 383.3, 143.5, "指标值");
    put_lines(&g, 434.1, 143.5, P, (const char *const[]){"确定依", "据"}, 2);
    put(&g, L, 198.3, "长期绩");
    put(&g, T, 213.9, "成本指标");
    put(&g, 321.6, 213.9, "租赁费用");
    put(&g, 383.3, 213.9, "26.00");
    put(&g, 434.1, 213.9, "计划");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    pdf_glyphs_free(&g);
    return d;
}

/* The label wrapped inside its word ("长期目" over "标5:", the colon on
 * its last line): one row, label and whole text, before the header. */
static void goal_label_set_line_for_line(void **st)
{
    (void)st;
    ys_doc *d = emit_aligned_label((const char *const[]){"长期目", "标5:"},
                                   (const char *const[]){"成本控制、合规经营、持续", "运营、职工满意。"});
    want_line(d, 0, (const char *const[]){"长期目标5:", "成本控制、合规经营、持续运营、职工满意。", NULL});
    assert_int_equal(line_starting(d, "目标名称"), 1);
    ys_doc_free(d);
}

/* Two rows of a table without padding stand as close; each label is
 * whole ("负责人" over "联系人"): no label of two lines beside a text
 * of two.  (Read as prose, the lines run on as one paragraph: nothing on
 * the page tells them from the lines of one.) */
static void whole_labels_line_for_line_stay_apart(void **st)
{
    (void)st;
    ys_doc *d = emit_aligned_label((const char *const[]){"负责人", "联系人"},
                                   (const char *const[]){"办公楼维修改造工程项目", "武汉市洪山区行政审批局"});
    assert_int_equal(line_starting(d, "负责人联系人"), d->nlines);
    assert_int_equal(line_starting(d, "目标名称"), 1);
    ys_doc_free(d);
}

/* A form's title stacked in its narrow first cell at a page's foot, its
 * last line short ("表" under "项目资金绩" / "效目标申报"), and the next
 * cell's stack opening the next page ("单位名称:" / "武汉市洪山" / ...):
 * the title ended on its page, the next page's stack is a text of its
 * own, not the title's rest. */
static void short_last_line_ends_a_narrow_cell(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    const double L = 59.8, P = 17.3;
    put(&a, L, 600, "名称");
    put(&a, 300, 600, "指标");
    put(&a, 500, 600, "17.80");
    put_lines(&a, L, 724.3, P, (const char *const[]){"项目资金绩", "效目标申报", "表"}, 3);
    put_lines(&b, L, 33.9, P, (const char *const[]){"单位名称:", "武汉市洪山", "区行政审批", "局"}, 4);
    put(&b, L, 140, "名称");
    put(&b, 300, 140, "指标");
    put(&b, 500, 140, "26.07");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    want_line(d, 1, (const char *const[]){"项目资金绩效目标申报表", NULL});
    want_line(d, 2, (const char *const[]){"单位名称: 武汉市洪山区行政审批局", NULL});
    drop_pages(d, &a, &b);
}

#define H105 13.65  /* LibreOffice's 10.5 pt text: boxes 13.65 high, */
#define W105 10.5   /* CJK glyphs 10.5 wide, figures 6.66 */
#define A105 6.66

/* A form in 10.5 pt: its date stacked in the narrow first cell, "2026"
 * a point above the line before it (figures' boxes stand higher); the
 * name row's label ("部门" / "（单" / "位）名" / "称") interleaved with
 * its text, its widest line 6.2 pt (0.45 of the text height) short of
 * the text; then the form's row of cells. */
static ys_doc *emit_form_105(void)
{
    pdf_glyphs g = {0};
    const double L = 59.8, T = 97.5;
    put_sized(&g, 56.8, 483.8, "部门整体支出绩效目标申报表", H105, W105, A105);
    static const struct { double y; const char *s; } stack[] = {
        {516.8, "填报日"}, {531.9, "期："}, {544.6, "2026"}, {559.2, "年"}, {574.3, "月"},
        {589.4, "日"}};
    for (size_t i = 0; i < sizeof stack / sizeof stack[0]; i++)
        put_sized(&g, L, stack[i].y, stack[i].s, H105, W105, A105);
    put_sized(&g, 73.0, 559.2, "1", H105, W105, A105);   /* 2.7 pt after 年 */
    put_sized(&g, 73.0, 574.3, "6", H105, W105, A105);
    static const struct { double x, y; const char *s; } name[] = {
        {L, 624.8, "部门"}, {T, 632.4, "武汉市洪山区行政审批局"}, {L, 639.9, "（单"},
        {T, 647.5, "（武汉市洪山区政务服务"}, {L, 655.0, "位）名"}, {T, 662.6, "局）"},
        {L, 670.1, "称"}};
    for (size_t i = 0; i < sizeof name / sizeof name[0]; i++)
        put_sized(&g, name[i].x, name[i].y, name[i].s, H105, W105, A105);
    put_sized(&g, L, 705.5, "填报人", H105, W105, A105);
    put_sized(&g, T, 705.5, "马清", H105, W105, A105);
    put_sized(&g, 266.6, 705.5, "联系电话", H105, W105, A105);
    put_sized(&g, 451.5, 704.6, "87698006", H105, W105, A105);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    pdf_glyphs_free(&g);
    return d;
}

/* The name row reads as its label and text though they stand under half
 * the text height apart, and the stacked date as one text before it. */
static void form_in_smaller_type_reads_its_cells(void **st)
{
    (void)st;
    ys_doc *d = emit_form_105();
    want_line(d, line_starting(d, "部门（单位）名称"),
              (const char *const[]){"部门（单位）名称", "武汉市洪山区行政审批局（武汉市洪山区政务服务局）",
                                    NULL});
    size_t k = line_starting(d, "填报日期： 2026 年1 月6 日");
    assert_true(k < d->nlines);
    assert_int_equal(line_starting(d, "2026"), d->nlines);
    ys_doc_free(d);
}

/* A list numbered "1." … "4.", each number 6 pt (half the text height,
 * 12 pt boxes) before its item: items of a list, not one label beside
 * one paragraph. */
static void numbered_list_is_no_label(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    static const char *const item[] = {"上海市普陀区人民政府万里街道办事处（本部）。",
                                       "上海市普陀区万里街道社区事务受理服务中心。",
                                       "上海市普陀区万里街道社区党群服务中心。",
                                       "上海市普陀区万里街道城市运行管理中心。"};
    put_sized(&g, 82.26, 119.1,
              "上海市普陀区人民政府万里街道办事处部门预算是包括万里街道本部以及下属5家预算单位的综合收支计划。",
              12.04, 12, 6);
    put_sized(&g, 82.26, 133.7, "本部门中，行政单位1家，具体包括：", 12.04, 12, 6);
    for (int i = 0; i < 4; i++) {
        char no[16];
        snprintf(no, sizeof no, "%d.", i + 1);
        put_sized(&g, 82.26, 148.4 + 14.65 * i, no, 12.04, 12, 6);
        put_sized(&g, 100.26, 148.4 + 14.65 * i, item[i], 12.04, 12, 6);
    }
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    char want[256];
    snprintf(want, sizeof want, "1. %s", item[0]);
    want_line(d, line_starting(d, want), (const char *const[]){want, NULL});
    snprintf(want, sizeof want, "4. %s", item[3]);
    want_line(d, line_starting(d, want), (const char *const[]){want, NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* A project form's goals under "名称 │ 目标说明" (text seven characters
 * a line): a long-term goal whole, then the year's goal cut by the page's
 * foot after its text's second line, its label's two lines beside them;
 * the text goes on at the next page's top, above the next table's title
 * stacked in its narrow cell.  The foot's last line parts from its label
 * by only half the text height ("效目标 1" │ "“高效办成一件"). */
static void put_goal_cut_at_foot(pdf_glyphs *a, pdf_glyphs *b)
{
    const double L = 59.8, T = 113.8, P = 17.3;
    put(a, L, 644.2, "名称");
    put(a, T, 644.2, "目标说明");
    put_lines(a, T, 681.7, P, (const char *const[]){"研究解决政务服", "务难点堵点，不", "断提高审批服务",
                                                    "效能和便利度"}, 4);
    put(a, L, 699.0, "长期绩");
    put_then_ascii(a, L, 716.3, "效目标", 98.2, "1", 7.6);   /* "1" 2.4 pt after */
    put_lines(a, T, 771.0, P, (const char *const[]){"深化政务服务", "“高效办成一件"}, 2);
    put(a, L, 771.0, "年度绩");
    put_then_ascii(a, L, 788.3, "效目标", 98.2, "1", 7.6);
    put_lines(b, T, 33.9, P, (const char *const[]){"事”改革，优化", "线下办事服务体", "验"}, 3);
    put_lines(b, L, 106.0, P, (const char *const[]){"长期绩", "效目标", "表"}, 3);
}

/* The cut goal reads as one row: its label, its whole text. */
static void goal_cut_at_foot_beside_its_label(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    put_goal_cut_at_foot(&a, &b);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    want_line(d, line_starting(d, "长期绩效目标1"),
              (const char *const[]){"长期绩效目标1", "研究解决政务服务难点堵点，不断提高审批服务效能和便利度",
                                    NULL});
    want_line(d, line_starting(d, "年度绩效目标1"),
              (const char *const[]){"年度绩效目标1", "深化政务服务“高效办成一件事”改革，优化线下办事服务体验",
                                    NULL});
    drop_pages(d, &a, &b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(goal_label_line_of_two_cells),
        cmocka_unit_test(goal_labels_beside_narrow_text),
        cmocka_unit_test(goal_cut_by_page),
        cmocka_unit_test(narrow_cell_cut_by_page),
        cmocka_unit_test(labelled_goal_cut_by_page),
        cmocka_unit_test(goal_text_longer_than_label),
        cmocka_unit_test(goal_label_set_line_for_line),
        cmocka_unit_test(whole_labels_line_for_line_stay_apart),
        cmocka_unit_test(goal_cut_at_foot_beside_its_label),
        cmocka_unit_test(short_last_line_ends_a_narrow_cell),
        cmocka_unit_test(form_in_smaller_type_reads_its_cells),
        cmocka_unit_test(numbered_list_is_no_label),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
