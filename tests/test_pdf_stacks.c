/* Unit tests: text stacked line by line in narrow cells, as LibreOffice
 * sets a form and a project list on a portrait page, laid out by hand: a
 * form's first cell alone in its row, one word a line, above the form's
 * rows (readers/pdf_marks.c, mark_first_cell_stacks), and two narrow
 * cells' lines side by side under a row cut by the page's foot
 * (is_cell_fragment), and a narrow paragraph in a form's first column
 * opening a page after a table whose columns start where its lines and
 * the next header's wrapped labels start (mark_column_runs), and a goal's
 * label beside its text at a page's foot, one line of which parts as two
 * cells (pdf_labelled_unblock); a header whose last line opens the next
 * page (pdf_block.c, add_top_header_columns; pdf_regrid.c); a goal's
 * header of two lines alone at a page's foot (pdf_block.c, doc_wrap); a
 * goal's value whose unit
 * wraps past the page's foot (pdf_carry.c).  No poppler: the glyph boxes are written here, so
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

/* The columns of the goal tables below, as LibreOffice sets them. */
static const double GCOL[] = {59.8, 107.8, 260.8, 321.3, 383.3, 433.8, 483.8, 533.8};

/* A row of eight cells from y at GCOL (NULL: an empty cell). */
static void goal_row(pdf_glyphs *g, double y, const char *const *cell)
{
    for (int i = 0; i < 8; i++)
        if (cell[i])
            put(g, GCOL[i], y, cell[i]);
}

/*
 * A page opens with a goal's text wrapped in a narrow first cell, under a
 * table whose first column started where its lines start; below it the
 * next table's header, whose last label wraps over four lines ("指标" /
 * "值确" / "定依" / "据") beside its one-line labels, in a column where
 * the table above had one.  Those lines are the header's band, not rows
 * going on with the table above: the paragraph stays prose (it would
 * otherwise join that table and cut the next one's columns), and the
 * next table reads in its own columns.
 */
static void narrow_paragraph_at_top_under_columns(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    goal_row(&a, 600, (const char *const[]){"目标名称", "一级指标", "二级指标", "三级指标", "前年", "上年", "当年", "依据"});
    goal_row(&a, 640, (const char *const[]){"年度目标1", "成本指标", "经济成本", "评审费", "800", "800", "800", "计划"});
    goal_row(&a, 680, (const char *const[]){NULL, "产出指标", "数量指标", "件数", "86256", "70000", "70000", "计划"});
    const char *text[] = {"年度目标2:进一步提", "升服务质量，以干部", "素质提升年为契机，", "深入推动区街队伍。"};
    for (int i = 0; i < 4; i++)
        put(&b, 59.8, 34.5 + PITCH * i, text[i]);
    const char *label[] = {"指标", "值确", "定依", "据"};
    for (int i = 0; i < 4; i++)
        put(&b, 533.6, 151.6 + PITCH * i, label[i]);
    const char *head[] = {"目标名称", "一级指标", "二级指标", "三级指标", "指标值"};
    const double hx[] = {59.8, 177.0, 233.7, 293.8, 353.5};
    for (int i = 0; i < 5; i++)
        put(&b, hx[i], 177.4, head[i]);
    const char *row[] = {"年度绩效目标2", "成本指标", "经济成本", "经费使用", "585.29", "464.01", "452.81", "计划"};
    const double rx[] = {59.8, 177.0, 233.7, 293.8, 353.5, 413.0, 473.0, 533.6};
    for (int i = 0; i < 8; i++)
        put(&b, rx[i], 240.0, row[i]);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    size_t k = 0;
    while (k < d->nlines && d->lines[k].page != 2)
        k++;
    assert_true(k < d->nlines);
    want_line(d, k, (const char *const[]){"年度目标2:进一步提升服务质量，以干部素质提升年为契机，深入推动区街队伍。", NULL});
    assert_false(d->lines[k].is_row);
    size_t r = line_starting(d, "年度绩效目标2");
    want_line(d, r, (const char *const[]){"年度绩效目标2", "成本指标", "经济成本", "经费使用", "585.29", "464.01", "452.81", "计划", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * A goal's label "长期" / "目标" / "2:" beside its text at the page's foot,
 * "2:" set a third of a line below the text's line beside it (so that line
 * parts as two cells, a block's row), the text going on at the next page's
 * top.  The label and the whole text are one row of two cells, as where
 * the label stands clear of the page's foot.
 */
static void label_beside_text_cut_at_foot(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    goal_row(&a, 600, (const char *const[]){"目标名称", "一级指标", "二级指标", "三级指标", "前年", "上年", "当年", "依据"});
    goal_row(&a, 640, (const char *const[]){"长期目标1", "成本指标", "经济成本", "评审费", "800", "800", "800", "计划"});
    put(&a, 59.8, 740.2, "长期");
    put(&a, 59.8, 757.5, "目标");
    put(&a, 59.8, 772.1, "2:");
    const char *text[] = {"推进全局目标工作落实，保障单位正常运", "转，切实保障行政审批工作顺利进行。以三",
                          "级政务服务一体化建设为抓手，集合各方资", "源，上下联动、左右联通，切实以快办、能"};
    for (int i = 0; i < 4; i++)
        put(&a, 97.3, 740.2 + PITCH * i, text[i]);
    put(&b, 97.3, 33.9, "办、好办的服务作风，推动解决群众和企业");
    put(&b, 97.3, 33.9 + PITCH, "反映集中的突出问题。");
    goal_row(&b, 131.8, (const char *const[]){"目标名称", "一级指标", "二级指标", "三级指标", "前年", "上年", "当年", "依据"});
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    size_t k = line_starting(d, "长期目标2:");
    want_line(d, k, (const char *const[]){"长期目标2:", "推进全局目标工作落实，保障单位正常运转，切实保障行政审批工作顺利进行。以三"
                                          "级政务服务一体化建设为抓手，集合各方资源，上下联动、左右联通，切实以快办、能"
                                          "办、好办的服务作风，推动解决群众和企业反映集中的突出问题。", NULL});
    assert_int_equal(d->lines[k].page, 1);
    assert_true(k + 1 < d->nlines);
    assert_memory_equal(d->lines[k + 1].cells[0], "目标名称", strlen("目标名称"));
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * A goal table's header cut by the page break after "近两年指标值 │
 * 预期当年实现值": its last line "前年 │ 上年" opens the next page, both
 * cells empty in every row there.  The column "上年" stands in, neither
 * the header's part before the break nor the rows show, is the header's
 * own: the year's value "101.80" stays in the seventh column
 * (预期当年实现值), not the sixth.
 */
static void header_last_line_opens_page(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    const char *head[] = {"名称", "一级", "二级", "三级", "指标值", "依据"};
    const double hx[] = {59.8, 95.8, 236.3, 296.3, 360.3, 531.3};
    for (int i = 0; i < 6; i++)
        put(&a, hx[i], 600, head[i]);
    put(&a, 360.3, 640, "近两年指");
    put(&a, 360.3, 640 + PITCH, "标值");
    put(&a, 473.3, 640, "预期当年");
    put(&a, 473.3, 640 + PITCH, "实现值");
    put(&b, 360.7, 33.9, "前年");
    put(&b, 415.7, 33.9, "上年");
    const char *row1[] = {"目标", "成本", "经济", "限额", "101.80", "计划"};
    const char *row2[] = {"目标", "产出", "数量", "次数", ">4次/年", "计划"};
    const double rx[] = {59.8, 95.8, 236.3, 296.3, 473.3, 531.3};
    for (int i = 0; i < 6; i++) {
        put(&b, rx[i], 86.1, row1[i]);
        put(&b, rx[i], 130.0, row2[i]);
    }
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    size_t k = line_starting(d, "目标");
    want_line(d, k, (const char *const[]){"目标", "成本", "经济", "限额", "", "", "101.80", "计划", NULL});
    want_line(d, k + 1, (const char *const[]){"目标", "产出", "数量", "次数", "", "", ">4次/年", "计划", NULL});
    /* the header's lines before the break, laid again in all the columns
       (pdf_regrid.c): each label over its own column */
    want_line(d, 0, (const char *const[]){"名称", "一级", "二级", "三级", "指标值", "", "", "依据", NULL});
    want_line(d, 1, (const char *const[]){"", "", "", "", "近两年指标值", "", "预期当年实现值", NULL});
    want_line(d, 2, (const char *const[]){"", "", "", "", "前年", "上年", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/* A goal table's header on a page, from y 650.9 to 755.8: "前年 │ 上年"
 * centred beside "预计当" over "年实现" (its rows stand centred). */
static void goal_header_at_foot(pdf_glyphs *a)
{
    put(a, 519.8, 650.9, "指标值");
    const char *head[] = {"目标名称", "一级指标", "二级指标", "三级指标", "指标值", "确定依"};
    const double hx[] = {59.8, 117.3, 201.8, 275.5, 359.6, 519.8};
    for (int i = 0; i < 6; i++)
        put(a, hx[i], 668.2, head[i]);
    put(a, 519.8, 685.4, "据");
    put(a, 466.2, 723.0, "预计当");
    put(a, 359.6, 731.6, "前年");
    put(a, 418.4, 731.6, "上年");
    put(a, 466.2, 740.2, "年实现");
}

/*
 * A goal table's first row, one line under its header at the page's foot:
 * its labels fill their narrow cells ("年度绩效", "经济成本指", "计划数" as
 * wide as the header's labels there), so the row was cut; its rest opens
 * the next page, "万" under the value "26.07" among them.  The row reads
 * whole, the value with its unit.
 */
static void value_unit_past_foot(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    goal_header_at_foot(&a);
    const char *row[] = {"年度绩效", "成本指标", "经济成本指", "租赁费用", "计划数"};
    const double rx[] = {59.8, 117.3, 201.8, 275.5, 519.8};
    for (int i = 0; i < 5; i++)
        put(&a, rx[i], 777.8, row[i]);
    put(&a, 466.2, 775.1, "26.07");
    put(&b, 59.8, 33.9, "目标");
    put(&b, 201.8, 33.9, "标");
    put(&b, 466.2, 33.9, "万");
    put(&b, 519.8, 33.9, "据");
    const char *next[] = {"产出指标", "数量指标", "就餐人数", "≥200", "计划数"};
    const double nx[] = {117.3, 201.8, 275.5, 466.2, 519.8};
    for (int i = 0; i < 5; i++)
        put(&b, nx[i], 80.1, next[i]);
    put(&b, 519.8, 97.3, "据");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    size_t k = line_starting(d, "年度绩效目标");
    want_line(d, k, (const char *const[]){"年度绩效目标", "成本指标", "经济成本指标", "租赁费用", "", "", "26.07万",
                                          "计划数据", NULL});
    assert_int_equal(d->lines[k].page, 1);
    want_line(d, k + 1, (const char *const[]){"", "产出指标", "数量指标", "就餐人数", "", "", "≥200", "计划数据", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * A goal table's header alone at the page's foot, its labels wrapped to
 * two lines ("目标名" over "称") a line pitch apart: two lines give no
 * gaps of their own to tell wrapped lines from rows, so the threshold
 * the document's table above showed (its rows' lines 1.6 pt apart, its
 * rows 22 pt) joins them into one row.
 */
static void header_alone_at_foot_wraps_as_table_above(void **st)
{
    (void)st;
    pdf_glyphs a = {0};
    double y = 100;
    for (int r = 0; r < 3; r++) {
        put(&a, CODE, y, "项目名");
        put(&a, CODE, y + PITCH, "称一");
        put(&a, FIG1, y, "17.80");
        y += PITCH + H + 22;
    }
    put(&a, CODE, 400, "本表为项目的年度绩效目标，各项指标按计划数据填列，并说明其确定依据。");
    const char *l1[] = {"目标名", "一级指标", "三级指", "指标"};
    const char *l2[] = {"称", "标", "值确"};
    const double x1[] = {59.8, 113.5, 287.5, 530.5}, x2[] = {59.8, 287.5, 530.5};
    for (int i = 0; i < 4; i++)
        put(&a, x1[i], 768.6, l1[i]);
    for (int i = 0; i < 3; i++)
        put(&a, x2[i], 768.6 + PITCH, l2[i]);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a}, 1, 1);
    size_t k = line_starting(d, "目标名称");
    want_line(d, k, (const char *const[]){"目标名称", "一级指标", "三级指标", "指标值确", NULL});
    assert_int_equal(d->nlines, k + 1);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
}

/* A goal row at the foot of a page (a) under goal_header_at_foot, each of
 * its eight cells going on at the next page's (b) top with rest[], a row
 * of its own under that; returns the document read from both. */
static ys_doc *every_cell_cut(pdf_glyphs *a, pdf_glyphs *b, const char *const *row,
                              const char *const *rest)
{
    static const double rx[] = {59.8, 117.3, 201.8, 275.5, 359.6, 418.4, 466.2, 519.8};
    goal_header_at_foot(a);
    for (int i = 0; i < 8; i++) {
        put(a, rx[i], 777.8, row[i]);
        put(b, rx[i], 33.9, rest[i]);
    }
    put(b, 117.3, 80.1, "产出指标");
    put(b, 466.2, 80.1, "≥200");
    put(b, 519.8, 80.1, "计划");
    return emit_pages((pdf_glyphs *const[]){a, b}, 2, 1);
}

/*
 * The same row, each of its cells going on at the next page's top
 * ("160元/" at the foot, "套" at the top): no cell is left alone, yet
 * each cell's first glyph there would not have fit on its line at the
 * foot, so the row was cut there and reads whole.
 */
static void every_cell_past_foot(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    ys_doc *d = every_cell_cut(
        &a, &b, (const char *const[]){"年度绩效", "成本指标", "经济成本指", "租赁费用", "160元/", "120元/", "≤120", "计划数"},
        (const char *const[]){"目标", "一", "标", "标准", "套", "套", "元/套", "据"});
    size_t k = line_starting(d, "年度绩效目标");
    want_line(d, k, (const char *const[]){"年度绩效目标", "成本指标一", "经济成本指标", "租赁费用标准", "160元/套",
                                          "120元/套", "≤120元/套", "计划数据", NULL});
    assert_int_equal(d->lines[k].page, 1);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * The same, the value's cell ending short of its column at the foot
 * ("合同", the header's "指标值" wider) and going on with "=25万元": its
 * first glyph "=" alone would have fit there, but a line breaks before
 * "=25", not inside it, and "=25" would not have fit: the row reads whole.
 */
static void value_run_past_foot(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    ys_doc *d = every_cell_cut(
        &a, &b, (const char *const[]){"年度绩效", "成本指标", "经济成本指", "租赁费用", "合同", "120元/", "≤120", "计划数"},
        (const char *const[]){"目标", "一", "标", "标准", "=25万元", "套", "元/套", "据"});
    size_t k = line_starting(d, "年度绩效目标");
    want_line(d, k, (const char *const[]){"年度绩效目标", "成本指标一", "经济成本指标", "租赁费用标准", "合同=25万元",
                                          "120元/套", "≤120元/套", "计划数据", NULL});
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
        cmocka_unit_test(narrow_paragraph_at_top_under_columns),
        cmocka_unit_test(label_beside_text_cut_at_foot),
        cmocka_unit_test(header_last_line_opens_page),
        cmocka_unit_test(value_unit_past_foot),
        cmocka_unit_test(every_cell_past_foot),
        cmocka_unit_test(value_run_past_foot),
        cmocka_unit_test(header_alone_at_foot_wraps_as_table_above),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
