/* Unit tests: a table's header row cut by the page's foot, laid out by
 * hand as LibreOffice sets the project list when its header row does not
 * fit: the row's cells stand at its top, wrapped a few characters a line
 * in narrow columns, the rest of one cell opens the next page over the
 * header's second row and the body (readers/pdf_block.c,
 * is_wrapped_cells; readers/pdf_carry.c, pdf_emit_held_in); and one cut
 * after its first line, whose cells' rest opens the next page as lines
 * of one cell (readers/pdf_headcut.c).  No poppler:
 * the glyph boxes are written here, so every expected cell is the text
 * the test put there. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

#define PITCH 17.3  /* line pitch inside a cell (gap 1.7) */

#define CODE 59.8   /* project list columns: code, name, unit, total, */
#define NAME 227.3  /* then three budgets this year and three carried */
#define UNIT 271.8
#define TOTAL 316.3
static const double BUDGET[6] = {377.3, 438.3, 470.8, 503.3, 535.8, 568.3};

/* The header's first row at the page's foot, cut: "项目名" "项目单"
 * "财政" at its top, "称" "位" "拨款" under them at the text's pitch, then
 * "结转"; "结余" opens the next page (b). */
static void put_cut_first_row(pdf_glyphs *a, pdf_glyphs *b)
{
    put(a, 56.8, 657.2, "项目支出表");
    put(a, 56.8, 720.0, "单位：万元");
    put(a, CODE, 755.1, "项目编码");
    put_lines(a, NAME, 755.1, PITCH, (const char *const[]){"项目名", "称"}, 2);
    put_lines(a, UNIT, 755.1, PITCH, (const char *const[]){"项目单", "位"}, 2);
    put(a, TOTAL, 755.1, "合计");
    put(a, BUDGET[0], 755.1, "本年拨款");
    put_lines(a, BUDGET[3], 755.1, PITCH, (const char *const[]){"财政", "拨款", "结转"}, 3);
    put(b, BUDGET[3], 34.5, "结余");
}

/* The header's second row at the next page's top: the three budgets under
 * each group, two characters a line, set on the row's middle. */
static void put_second_row(pdf_glyphs *g)
{
    static const char *const gpb[] = {"一般公共", "预算"}, *gpb2[] = {"一般", "公共", "预算"},
                             *fund[] = {"政府", "性基", "金预", "算"},
                             *soe[] = {"国有", "资本", "经营", "预算"};
    put_lines(g, BUDGET[0], 89.3, PITCH, gpb, 2);
    put_lines(g, BUDGET[1], 72.1, PITCH, fund, 4);
    put_lines(g, BUDGET[2], 72.1, PITCH, soe, 4);
    put_lines(g, BUDGET[3], 80.7, PITCH, gpb2, 3);
    put_lines(g, BUDGET[4], 72.1, PITCH, fund, 4);
    put_lines(g, BUDGET[5], 72.1, PITCH, soe, 4);
}

/* The second row, then the body: a total row, a category's row and a
 * project's. */
static void put_second_row_and_body(pdf_glyphs *g)
{
    put_second_row(g);
    put(g, TOTAL, 158.7, "1,438.00");
    put(g, BUDGET[0], 158.7, "1,438.00");
    static const char *const name[] = {"其他运", "转类"};
    put(g, CODE, 202.3, "22");
    put_lines(g, NAME, 194.7, PITCH, name, 2);
    put(g, TOTAL, 202.3, "43.87");
    put(g, BUDGET[0], 202.3, "43.87");
    static const char *const project[] = {"信息化", "建设项", "目经费"},
                             *unit[] = {"武汉市", "洪山区", "行政审", "批局"};
    put(g, CODE, 270.3, "42011126014Y000000100");
    put_lines(g, NAME, 262.7, PITCH, project, 3);
    put_lines(g, UNIT, 245.4, PITCH, unit, 4);
    put(g, TOTAL, 270.3, "17.80");
    put(g, BUDGET[0], 270.3, "17.80");
}

/*
 * The header's first row cut at the page's foot reads as one row, and its
 * labels stand over the columns the next page's rows show:
 * "财政拨款结转结余" over the first of the three budgets it spans, as the
 * whole header on one page reads.  wraps: whether the document's tables
 * showed before that their cells wrap.
 */
static void read_cut_first_row(int wraps)
{
    pdf_glyphs a = {0}, b = {0};
    put_cut_first_row(&a, &b);
    put_second_row_and_body(&b);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, wraps);
    size_t k = line_starting(d, "项目编码");
    want_line(d, k, (const char *const[]){"项目编码", "项目名称", "项目单位", "合计", "本年拨款", "",
                                          "", "财政拨款结转结余", NULL});
    assert_int_equal(d->lines[k].page, 1);
    want_line(d, k + 1, (const char *const[]){"", "", "", "", "一般公共预算", "政府性基金预算",
                                              "国有资本经营预算", "一般公共预算", "政府性基金预算",
                                              "国有资本经营预算", NULL});
    want_line(d, k + 2, (const char *const[]){"", "", "", "1,438.00", "1,438.00", NULL});
    want_line(d, k + 3, (const char *const[]){"22", "其他运转类", "", "43.87", "43.87", NULL});
    want_line(d, k + 4, (const char *const[]){"42011126014Y000000100", "信息化建设项目经费",
                                              "武汉市洪山区行政审批局", "17.80", "17.80", NULL});
    assert_int_equal(d->nlines, k + 5);
    drop_pages(d, &a, &b);
}

static void header_row_cut_at_foot_reads_whole(void **st)
{
    (void)st;
    read_cut_first_row(1);
}

/* The same when it is the document's first table whose cells wrap: the
 * header's touching lines at the foot are the evidence themselves. */
static void first_wrapping_header_cut_at_foot_reads_whole(void **st)
{
    (void)st;
    read_cut_first_row(0);
}

/*
 * The same cut row over a page whose rows leave the unit's column empty:
 * its label "项目单位" overlaps none of that page's columns, so the row
 * keeps its own columns, whole, no label dropped or moved.
 */
static void cut_row_keeps_its_columns_when_a_label_has_none(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    put_cut_first_row(&a, &b);
    put_second_row(&b);
    put(&b, TOTAL, 158.7, "1,438.00");
    put(&b, BUDGET[0], 158.7, "1,438.00");
    put(&b, CODE, 202.3, "22");
    put_lines(&b, NAME, 194.7, PITCH, (const char *const[]){"其他运", "转类"}, 2);
    put(&b, TOTAL, 202.3, "43.87");
    put(&b, BUDGET[0], 202.3, "43.87");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    size_t k = line_starting(d, "项目编码");
    want_line(d, k, (const char *const[]){"项目编码", "项目名称", "项目单位", "合计", "本年拨款",
                                          "财政拨款结转结余", NULL});
    want_line(d, k + 3, (const char *const[]){"22", "其他运转类", "43.87", "43.87", NULL});
    drop_pages(d, &a, &b);
}

/*
 * Two header rows at the page's foot, the second a row's gap below the
 * first and its labels wider than the cells above them: rows of their
 * own, though the second leaves the first cell empty and starts where a
 * cell above starts.
 */
static void rows_a_row_apart_stay_rows(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    put(&a, 56.8, 657.2, "项目支出表");
    put(&a, CODE, 720.0, "项目编码");
    put(&a, NAME, 720.0, "名称");
    put(&a, TOTAL, 720.0, "合计");
    put(&a, BUDGET[0], 720.0, "本年拨款");
    put(&a, BUDGET[0], 740.0, "一般公共预算");
    put(&a, BUDGET[3], 740.0, "政府性基金");
    put(&b, CODE, 40.0, "22");
    put(&b, NAME, 40.0, "其他");
    put(&b, TOTAL, 40.0, "43.87");
    put(&b, BUDGET[0], 40.0, "43.87");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 1);
    size_t k = line_starting(d, "项目编码");
    assert_true(k + 2 < d->nlines);
    assert_string_equal(d->lines[k].cells[0], "项目编码");
    assert_string_equal(d->lines[k + 1].cells[0], "");
    assert_string_equal(d->lines[k + 2].cells[0], "22");
    drop_pages(d, &a, &b);
}

/* A project's row from y: its long code level with its name's second line
 * (7 pt short of the name's cell), the name three characters a line, the
 * total and this year's budget beside the code. */
static void put_project(pdf_glyphs *g, double y, const char *code, const char *const *name, int n,
                        const char *figure)
{
    put_lines(g, NAME, y, PITCH, name, n);
    put_wide(g, CODE, y + PITCH, code, 7.64);
    put(g, TOTAL, y + PITCH, figure);
    put(g, BUDGET[0], y + PITCH, figure);
}

/*
 * A project list over three pages: its header alone at the first page's
 * foot, rows with short codes and long ones on the second, long codes only
 * on the third, each 7 pt short of its name.  The third page's rows alone
 * run codes and names into one column; the columns the second page handed
 * on part them, and the third keeps those (its own columns are added to a
 * header's only on the page after the header): code and name stay two
 * cells.
 */
static void third_page_keeps_body_columns(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0}, c = {0};
    const char *head[] = {"项目编码", "名称", "合计", "本年拨款"};
    const double hx[] = {CODE, NAME, TOTAL, BUDGET[0]};
    for (int i = 0; i < 4; i++)
        put(&a, hx[i], 760.0, head[i]);
    put(&b, CODE, 60.0, "22");
    put_lines(&b, NAME, 51.4, PITCH, (const char *const[]){"其他运", "转类"}, 2);
    put(&b, TOTAL, 60.0, "43.87");
    put(&b, BUDGET[0], 60.0, "43.87");
    put_project(&b, 110.0, "42011126014Y000000101", (const char *const[]){"食堂场", "所租赁"}, 2, "26.07");
    put_project(&c, 40.0, "42011126014T000000100", (const char *const[]){"机构运", "转工作", "项目经", "费"}, 4,
                "452.81");
    put_project(&c, 160.0, "42011126014T000000101", (const char *const[]){"行政审", "批工作", "项目经", "费"}, 4,
                "268.47");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b, &c}, 3, 1);
    size_t k = line_starting(d, "42011126014T000000100");
    want_line(d, k, (const char *const[]){"42011126014T000000100", "机构运转工作项目经费", "452.81", "452.81", NULL});
    want_line(d, k + 1, (const char *const[]){"42011126014T000000101", "行政审批工作项目经费", "268.47", "268.47", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
    pdf_glyphs_free(&c);
}

/* A header whose row is cut after its first line, before any table
 * showed that its cells wrap: "部门（单" stands 6.3 pt (under half the
 * text height) before "部门", so the two read as one cell at the foot;
 * the cells' rest opens the next page, their lines interleaved ("（单" /
 * "位）代" / "位）名" / "码" / "称"), over the header's second row and the
 * body. */
static void put_header_cut_after_first_line(pdf_glyphs *a, pdf_glyphs *b)
{
    put(a, 56.8, 695.1, "部门收入总表");
    put(a, 56.8, 757.9, "单位：万元");
    put(a, 59.8, 793.1, "部门（单");
    put(a, 114.1, 793.1, "部门");
    put(a, 158.6, 793.1, "合计");
    put(a, 215.8, 793.1, "本年收入");
    put(b, 114.1, 34.5, "（单");
    put(b, 59.8, 43.1, "位）代");
    put(b, 114.1, 51.8, "位）名");
    put(b, 59.8, 60.4, "码");
    put(b, 114.1, 69.0, "称");
    put(b, 215.8, 132.4, "小计");
    put(b, 273.1, 132.4, "一般公共预算");
    put(b, 114.1, 195.9, "合计");
    put(b, 59.8, 258.3, "014");
    put(b, 114.1, 258.3, "审批局");
    for (int i = 0; i < 3; i++) {
        put(b, 158.6 + 57.2 * i, 195.9, "2877.94");
        put(b, 158.6 + 57.2 * i, 258.3, "2877.94");
    }
}

/* The header reads as one row of its four cells, each whole: the foot's
 * cell parts where a line of the next page starts ("部门" under "（单"). */
static void header_cut_after_first_line_parts_its_cells(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    put_header_cut_after_first_line(&a, &b);
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 0);
    want_line(d, line_starting(d, "部门（单位）代码"),
              (const char *const[]){"部门（单位）代码", "部门（单位）名称", "合计", "本年收入", NULL});
    want_line(d, line_starting(d, "014"),
              (const char *const[]){"014", "审批局", "2877.94", "2877.94", "2877.94", NULL});
    drop_pages(d, &a, &b);
}

/* The same foot, then a page opening with a note from the margin: no
 * line of it starts where a word of the foot's row starts, so the row
 * stays as it was read and the note stays prose. */
static void header_at_foot_keeps_its_cells_before_prose(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0}, scratch = {0};
    put_header_cut_after_first_line(&a, &scratch);
    put(&b, 56.8, 34.5, "注：本表为空表。");
    put(&b, 56.8, 120.0, "三、部门支出总表");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&a, &b}, 2, 0);
    want_line(d, line_starting(d, "部门（单部门"), (const char *const[]){"部门（单部门", "合计", "本年收入", NULL});
    want_line(d, line_starting(d, "注：本表为空表。"), (const char *const[]){"注：本表为空表。", NULL});
    drop_pages(d, &a, &b);
    pdf_glyphs_free(&scratch);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(header_row_cut_at_foot_reads_whole),
        cmocka_unit_test(first_wrapping_header_cut_at_foot_reads_whole),
        cmocka_unit_test(cut_row_keeps_its_columns_when_a_label_has_none),
        cmocka_unit_test(rows_a_row_apart_stay_rows),
        cmocka_unit_test(third_page_keeps_body_columns),
        cmocka_unit_test(header_cut_after_first_line_parts_its_cells),
        cmocka_unit_test(header_at_foot_keeps_its_cells_before_prose),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
