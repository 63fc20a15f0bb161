/* Unit tests: the geometry of PDF text (readers/pdf_rows.c, pdf_block.c)
 * on pages laid out by hand the way LibreOffice sets an HTML table: text
 * wrapped inside narrow cells, labels centred beside a wrapped figure,
 * rows whose first cells are empty, figures of adjacent cells standing
 * close, a row cut by a page break.  No poppler:
 * the glyph boxes are written here, so every expected cell is the text
 * the test itself put in that cell. */
#include "testutil.h"

#include <string.h>

#include "pdf_testutil.h"

/*
 * A two-sided table (income left, spending right) as LibreOffice sets it
 * in narrow columns: "2,877.94" wraps after its 9 and the label beside it
 * is centred on the two lines; one income label wraps its last character
 * onto a third line, with the spending label centred between; rows at the
 * foot have only spending cells.  Rows stand 26 pt apart, wrapped lines
 * overlap (12 pt pitch would be tighter still).
 */
static void wrapped_two_sided_table(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double L = 65, A = 245, R = 303, B = 483;
    put(&g, L, 380, "项目");
    put(&g, A, 380, "预算数");
    put(&g, R, 380, "项目");
    put(&g, B, 380, "预算数");
    /* row 1: figures top-aligned and wrapped, labels centred */
    put(&g, A, 423.8, "2,877.9");
    put(&g, B, 423.8, "2,561.1");
    put(&g, L, 437.7, "一、甲收入");
    put(&g, R, 437.7, "一、乙支出");
    put(&g, A, 451.6, "4");
    put(&g, B, 451.6, "0");
    /* row 2 */
    put(&g, L, 493.8, "二、丙收入");
    put(&g, R, 493.8, "二、丁支出");
    /* row 3: the income label wraps onto a line of its own */
    put(&g, L, 536.0, "三、戊收入预算拨款收");
    put(&g, R, 549.9, "三、己支出");
    put(&g, L, 563.8, "入");
    /* row 4 */
    put(&g, L, 606.0, "四、庚收入");
    put(&g, R, 606.0, "四、辛支出");
    put(&g, B, 606.0, "84.77");
    /* rows 5-7: spending only */
    put(&g, R, 648.2, "五、壬支出");
    put(&g, R, 690.4, "六、癸支出");
    put(&g, R, 732.6, "七、子支出");
    put(&g, B, 732.6, "1.00");
    put(&g, L, 774.8, "合计");
    put(&g, A, 774.8, "2,877.94");
    put(&g, R, 774.8, "合计");
    put(&g, B, 774.8, "2,646.87");
    ys_doc *d = emit(&g);
    for (size_t i = 0; i < d->nlines; i++)
        assert_int_equal(d->lines[i].is_row, 1);
    want_line(d, 0, (const char *const[]){"项目", "预算数", "项目", "预算数", NULL});
    want_line(d, 1, (const char *const[]){"一、甲收入", "2,877.94", "一、乙支出", "2,561.10", NULL});
    want_line(d, 2, (const char *const[]){"二、丙收入", "", "二、丁支出", NULL});
    want_line(d, 3, (const char *const[]){"三、戊收入预算拨款收入", "", "三、己支出", NULL});
    want_line(d, 4, (const char *const[]){"四、庚收入", "", "四、辛支出", "84.77", NULL});
    want_line(d, 5, (const char *const[]){"", "", "五、壬支出", NULL});
    want_line(d, 6, (const char *const[]){"", "", "六、癸支出", NULL});
    want_line(d, 7, (const char *const[]){"", "", "七、子支出", "1.00", NULL});
    want_line(d, 8, (const char *const[]){"合计", "2,877.94", "合计", "2,646.87", NULL});
    assert_int_equal(d->nlines, 9);
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* Figures of adjacent cells 3 pt apart (less than a quarter of the text
 * height) are still separate cells: a cell never holds two figures.  No
 * header row, whose wider gaps would tell the columns apart anyway. */
static void figures_close_together(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const char *code[] = {"014", "015", "016"};
    for (int r = 0; r < 3; r++) {
        double y = 130 + 30 * r;
        put(&g, 60, y, code[r]);
        put(&g, 100, y, "2877.94");    /* 7 x 6 pt: ends at 142 */
        put(&g, 145, y, "1439.94");    /* ends at 187 */
        put(&g, 190, y, "1438.00");
    }
    ys_doc *d = emit(&g);
    assert_int_equal(d->nlines, 3);
    for (int r = 0; r < 3; r++)
        want_line(d, (size_t)r, (const char *const[]){code[r], "2877.94", "1439.94", "1438.00", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* Two lines of prose between tables, at the left margin, stay prose:
 * one-cell lines join a table only where a cell of the rows around them
 * starts.  (A single one-cell line between table rows is a category row
 * of the table: that rule is older and not tested here.) */
static void prose_after_table(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    for (int r = 0; r < 3; r++) {
        put(&g, 65, 100 + 30 * r, "项目名称");
        put(&g, 245, 100 + 30 * r, "12.00");
    }
    put(&g, 56.8, 200, "说明：以上为预算数。");
    put(&g, 56.8, 240, "表二");
    put(&g, 65, 290, "甲");
    put(&g, 245, 290, "1.00");
    ys_doc *d = emit(&g);
    assert_int_equal(d->nlines, 6);
    want_line(d, 3, (const char *const[]){"说明：以上为预算数。", NULL});
    want_line(d, 4, (const char *const[]){"表二", NULL});
    assert_int_equal(d->lines[3].is_row, 0);
    assert_int_equal(d->lines[4].is_row, 0);
    want_line(d, 5, (const char *const[]){"甲", "1.00", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/* Rows of code, name and amount from y on, 42.2 pt apart. */
static void code_rows(pdf_glyphs *g, double y, const char *const *rows, int n)
{
    for (int i = 0; i < n; i++, y += 42.2) {
        put(g, 65, y, rows[3 * i]);
        put(g, 125, y, rows[3 * i + 1]);
        put(g, 290, y, rows[3 * i + 2]);
    }
}

static ys_doc *two_pages(pdf_glyphs *a, pdf_glyphs *b)
{
    return emit_pages((pdf_glyphs *const[]){a, b}, 2, 0);
}

/*
 * A row cut by the page break, as LibreOffice sets it: the code loses its
 * last digit and the name its end to the next page's top, where they
 * stand without the amount.  The row reads whole, on its first page.
 */
static void row_cut_by_page(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    code_rows(&a, 600, (const char *const[]){"208", "社会保障和就业支出", "84.78",
                                             "20805", "行政事业单位养老支出", "84.78",
                                             "208050", "机关事业单位基", "82.14"}, 3);
    put(&b, 125, 39.2, "本养老保险缴费");
    put(&b, 65, 53.1, "5");
    put(&b, 125, 67.0, "支出");
    code_rows(&b, 109.2, (const char *const[]){"210", "卫生健康支出", "83.88",
                                               "21011", "行政事业单位医疗", "83.88"}, 2);
    ys_doc *d = two_pages(&a, &b);
    assert_int_equal(d->nlines, 5);
    want_line(d, 2, (const char *const[]){"2080505", "机关事业单位基本养老保险缴费支出", "82.14", NULL});
    assert_int_equal(d->lines[2].page, 1);
    want_line(d, 3, (const char *const[]){"210", "卫生健康支出", "83.88", NULL});
    assert_true(d->lines[2].no < d->lines[3].no);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/* A page that starts with a whole row does not continue the last row of
 * the page before: "146,200" + "1,252,300" is no figure. */
static void row_not_cut_by_page(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    code_rows(&a, 600, (const char *const[]){"201", "一般公共服务支出", "2,932,700",
                                             "20105", "统计信息事务", "257,700",
                                             "20138", "市场监督管理事务", "146,200"}, 3);
    code_rows(&b, 40, (const char *const[]){"204", "公共安全支出", "1,252,300",
                                            "20406", "司法", "300,000"}, 2);
    ys_doc *d = two_pages(&a, &b);
    assert_int_equal(d->nlines, 5);
    want_line(d, 2, (const char *const[]){"20138", "市场监督管理事务", "146,200", NULL});
    want_line(d, 3, (const char *const[]){"204", "公共安全支出", "1,252,300", NULL});
    assert_int_equal(d->lines[3].page, 2);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * A project row as LibreOffice sets it in narrow columns: the 21-character
 * code wraps its last digit, the name wraps two characters a line, the
 * unit name eleven lines of two characters centred on the row (most of
 * them above and below every other cell), figures centred beside; a row
 * above shows the cells wrap ("1,438.0" over "0").  Line pitch 27.8 pt,
 * glyphs 15.6 pt high (gap 12.2) and rows 26.6 pt apart plus padding.
 * The row reads as one: the code whole, each name whole.
 */
static void narrow_cells_wrapped_many_lines(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double C = 65.1, N = 219.8, U = 267.4, F1 = 314.9, F2 = 373.0;
    put(&g, C, 10, "014");
    put(&g, N, 10, "某单位");
    put(&g, F1, 10, "1,438.0");
    put(&g, F2, 10, "1,438.0");
    put(&g, F1, 37.8, "0");
    put(&g, F2, 37.8, "0");
    const char *unit[] = {"武汉", "市洪", "山区", "行政", "审批", "局", "（武", "汉市",
                          "洪山", "区政", "务服", "务", "局）", "本级"};
    for (int i = 0; i < 14; i++)
        put(&g, U, 81.4 + 27.8 * i, unit[i]);
    const char *name[] = {"信息", "化建", "设项", "目经", "费"};
    for (int i = 0; i < 5; i++)
        put(&g, N, 206.5 + 27.8 * i, name[i]);
    put(&g, C, 248.2, "42011126014Y00000010");
    put(&g, C, 276.0, "0");
    put(&g, F1, 262.1, "17.80");
    put(&g, F2, 262.1, "17.80");
    ys_doc *d = emit(&g);
    assert_int_equal(d->nlines, 2);
    want_line(d, 0, (const char *const[]){"014", "某单位", "", "1,438.00", "1,438.00", NULL});
    want_line(d, 1, (const char *const[]){"42011126014Y000000100", "信息化建设项目经费",
                                          "武汉市洪山区行政审批局（武汉市洪山区政务服务局）本级",
                                          "17.80", "17.80", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A row of narrow cells cut by the page break: the unit name, wrapped two
 * characters a line below the row's figures, goes on at the next page's
 * top with text only; the row reads whole, on its first page, and the
 * next page's first row stays a row of its own.  Wrapped lines stand
 * 27.8 pt apart (gap 12.2), rows 26.6 pt further; a row above shows the
 * cells wrap ("1,438.0" over "0").
 */
static void text_cut_by_page(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    const double C = 65.1, N = 219.8, U = 267.4, F = 314.9;
    put(&a, C, 600, "014");
    put(&a, N, 600, "某单");
    put(&a, F, 600, "1,438.0");
    put(&a, F, 627.8, "0");
    const char *unit[] = {"武汉", "市洪", "山区", "行政", "审批"};
    for (int i = 0; i < 5; i++)
        put(&a, U, 670 + 27.8 * i, unit[i]);
    put(&a, C, 711.7, "42011126014Y00000010");
    put(&a, C, 739.5, "1");
    put(&a, N, 711.7, "食堂");
    put(&a, F, 725.6, "26.07");
    put(&b, U, 39.2, "局）");
    put(&b, U, 67.0, "本级");
    put(&b, C, 109.2, "31");
    put(&b, N, 109.2, "支出");
    put(&b, F, 109.2, "1,394.13");
    ys_doc *d = two_pages(&a, &b);
    assert_int_equal(d->nlines, 3);
    want_line(d, 0, (const char *const[]){"014", "某单", "", "1,438.00", NULL});
    want_line(d, 1, (const char *const[]){"42011126014Y000000101", "食堂", "武汉市洪山区行政审批局）本级",
                                          "26.07", NULL});
    assert_int_equal(d->lines[1].page, 1);
    want_line(d, 2, (const char *const[]){"31", "支出", "", "1,394.13", NULL});
    assert_int_equal(d->lines[2].page, 2);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/* A page that starts with a code row without figures does not continue
 * the code of the last row before it: "30211" + "30213" is no code (a
 * code's rest is shorter than the part its cell held). */
static void code_row_not_cut_by_page(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0};
    code_rows(&a, 600, (const char *const[]){"30207", "邮电费", "13.60",
                                             "30209", "物业管理费", "290.03",
                                             "30211", "差旅费", "3.50"}, 3);
    put(&b, 65, 40, "30213");
    put(&b, 125, 40, "维修（护）费");
    code_rows(&b, 82.2, (const char *const[]){"30227", "委托业务费", "1.20"}, 1);
    ys_doc *d = two_pages(&a, &b);
    assert_int_equal(d->nlines, 5);
    want_line(d, 2, (const char *const[]){"30211", "差旅费", "3.50", NULL});
    want_line(d, 3, (const char *const[]){"30213", "维修（护）费", NULL});
    assert_int_equal(d->lines[3].page, 2);
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * Narrow cells set tight, as LibreOffice sets the reference's table 10:
 * no figure is cut short, but three short lines stacked in one cell 1.7
 * pt apart (rows 21.9 pt apart) show that the cells wrap; the name and
 * unit columns stand 8.5 pt apart, so a line holding words of both
 * ("食堂场  武汉市") parts between them.
 */
static void stacked_lines_show_wrapping(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double C = 59.8, N = 227.3, U = 271.8, F1 = 316.3, F2 = 377.3, P = 17.3;
    const char *unit[] = {"武汉市", "洪山区", "行政审", "批局", "（武汉", "市洪山", "区政务", "服务",
                          "局）本", "级"};
    for (int i = 0; i < 10; i++)
        put(&g, U, 200 + P * i, unit[i]);
    const char *name[] = {"信息化", "建设项", "目经费"};
    for (int i = 0; i < 3; i++)
        put(&g, N, 200 + P * (3 + i), name[i]);
    put(&g, C, 200 + P * 4, "42011126014Y000000100");
    put(&g, F1, 200 + P * 4, "17.80");
    put(&g, F2, 200 + P * 4, "17.80");
    const double y = 200 + P * 9 + H + 21.9;
    put(&g, N, y, "食堂场");
    put(&g, N, y + P, "所租赁");
    const char *unit2[] = {"武汉市", "洪山区", "行政审", "批局"};
    for (int i = 0; i < 4; i++)
        put(&g, U, y + P * i, unit2[i]);
    put(&g, C, y + P, "42011126014Y000000101");
    put(&g, F1, y + P, "26.07");
    put(&g, F2, y + P, "26.07");
    ys_doc *d = emit(&g);
    assert_int_equal(d->nlines, 2);
    want_line(d, 0, (const char *const[]){"42011126014Y000000100", "信息化建设项目经费",
                                          "武汉市洪山区行政审批局（武汉市洪山区政务服务局）本级",
                                          "17.80", "17.80", NULL});
    want_line(d, 1, (const char *const[]){"42011126014Y000000101", "食堂场所租赁", "武汉市洪山区行政审批局",
                                          "26.07", "26.07", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * Hostile pages stay linear: 20000 touching lines of a label and a digit
 * on each of two pages (a row held at the foot of the first must not
 * take the whole second page as its rest), and 20000 overlapping lines
 * under a figure cut short (one logical row whose digit cell grows with
 * every line).  Every glyph still lands in a line.
 */
static void hostile_pages_stay_linear(void **st)
{
    (void)st;
    enum { N = 20000 };
    pdf_glyphs a = {0}, b = {0};
    for (int i = 0; i < N; i++) {
        put(&a, 100, 27 + 17.3 * i, "汉");
        put(&a, 300, 27 + 17.3 * i, "5");
    }
    put(&b, 400, 27, "2,877.9");
    for (int i = 0; i < N; i++) {
        put(&b, 100, 27 + 14.0 * i, "汉");
        put(&b, 150, 27 + 14.0 * i, "2");
    }
    ys_doc *d = two_pages(&a, &a);
    assert_true(d->nlines >= N);    /* rows stand 1.7 pt apart: no row holds two */
    ys_doc_free(d);
    ys_doc *e = emit(&b);
    size_t chars = 0;
    for (size_t i = 0; i < e->nlines; i++)
        for (int k = 0; k < e->lines[i].ncells; k++)
            for (const char *c = e->lines[i].cells[k]; *c; c++)
                chars += *c == '2';
    assert_int_equal(chars, N + 1);   /* every "2", and the one of 2,877.9 */
    ys_doc_free(e);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * A header with no figures: "财政拨款结转结余" spans three sub-columns
 * one character wide ("一般公共预算" set a character a line), beside a
 * spanning "本年拨款" over a wider sub-column.  The spanning label covers
 * the gaps between its sub-columns, which the lines below show: each
 * sub-column reads as its own cell, and the label goes to the first of
 * them.  Lines stand 27.8 pt apart (LibreOffice's html.pdf table 10).
 */
static void header_spans_narrow_columns(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double S[3] = {502.1, 537.7, 573.2};
    const char *sub[3][8] = {{"一", "般", "公", "共", "预", "算"},
                             {"政", "府", "性", "基", "金", "预", "算"},
                             {"国", "有", "资", "本", "经", "营", "预", "算"}};
    put(&g, 65.1, 10, "项目编码");
    put(&g, 314.9, 10, "合计");
    put(&g, 373.0, 10, "本年拨款");
    put(&g, S[0], 10, "财政拨款结转结");
    put(&g, S[0], 37.8, "余");
    put(&g, 373.0, 80.0, "一般公");
    put(&g, 373.0, 107.8, "共预算");
    for (int c = 0; c < 3; c++)
        for (int i = 0; i < 8 && sub[c][i]; i++)
            put(&g, S[c], 80.0 + 27.8 * i, sub[c][i]);
    ys_doc *d = emit(&g);
    /* each column's text down the lines (however the lines join into
     * rows): the sub-columns read apart, in order, and the spanning label
     * stands in the first of them */
    char col[16][64] = {{0}};
    for (size_t k = 0; k < d->nlines; k++)
        for (int i = 0; i < d->lines[k].ncells && i < 16; i++)
            if (strlen(col[i]) + strlen(d->lines[k].cells[i]) < sizeof col[i])
                strcat(col[i], d->lines[k].cells[i]);
    int at = -1;
    for (int i = 0; i + 2 < 16; i++)
        if (strstr(col[i], "一般公共预算") && !strcmp(col[i + 1], "政府性基金预算") &&
            !strcmp(col[i + 2], "国有资本经营预算"))
            at = i;
    for (int i = 0; at < 0 && i < 16 && col[i][0]; i++)
        print_message("column %d: '%s'\n", i, col[i]);
    assert_true(at >= 0);
    assert_string_equal(col[at], "财政拨款结转结余一般公共预算");
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A table's header ends the page; on the next its rows leave one column
 * empty (项目单位 holds no text on that page).  The header's columns go on
 * with the table: the rows keep the empty cell, and so does the page
 * after, whose own columns are fewer still.
 */
static void header_columns_carried(void **st)
{
    (void)st;
    pdf_glyphs a = {0}, b = {0}, c = {0};
    put(&a, 65.1, 700, "项目编码");
    put(&a, 219.8, 700, "项目");
    put(&a, 267.4, 700, "项目");
    put(&a, 314.9, 700, "合计金额");
    put(&a, 219.8, 727.8, "名称");
    put(&a, 267.4, 727.8, "单位");
    put(&b, 65.1, 60, "014");
    put(&b, 219.8, 60, "某单位");
    put(&b, 314.9, 60, "1,438.00");
    put(&b, 65.1, 100, "014001");
    put(&b, 219.8, 100, "本级");
    put(&b, 314.9, 100, "1,438.00");
    put(&c, 65.1, 60, "22");
    put(&c, 219.8, 60, "其他");
    put(&c, 314.9, 60, "43.87");
    ys_doc *d = ys_doc_new("t.pdf", YS_FMT_PDF);
    assert_non_null(d);
    pdf_carry carry = {0};
    int no = 0;
    assert_int_equal(pdf_emit_page(d, &a, 1, &no, &carry), YS_OK);
    assert_int_equal(pdf_emit_page(d, &b, 2, &no, &carry), YS_OK);
    assert_int_equal(pdf_emit_page(d, &c, 3, &no, &carry), YS_OK);
    assert_int_equal(pdf_carry_flush(d, &carry), YS_OK);
    pdf_carry_free(&carry);
    assert_int_equal(d->nlines, 5);     /* the header's two lines, three rows */
    want_line(d, 0, (const char *const[]){"项目编码", "项目", "项目", "合计金额", NULL});
    want_line(d, 1, (const char *const[]){"", "名称", "单位", NULL});
    want_line(d, 2, (const char *const[]){"014", "某单位", "", "1,438.00", NULL});
    want_line(d, 3, (const char *const[]){"014001", "本级", "", "1,438.00", NULL});
    want_line(d, 4, (const char *const[]){"22", "其他", "", "43.87", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
    pdf_glyphs_free(&c);
}

/*
 * A header's labels cut by the page break: a table on the page before
 * shows the cells wrap ("1,438.0" over "0"); the next table's header,
 * sub-columns one character a line, ends its page with "政府性基" and its
 * "金" stands at the next page's top, alone above the rows.  The label reads whole in
 * the header's row, and no row of "金" is left.
 */
static void header_cut_by_page(void **st)
{
    (void)st;
    pdf_glyphs z = {0}, a = {0}, b = {0};
    put(&z, 65.1, 10, "014");
    put(&z, 314.9, 10, "1,438.0");
    put(&z, 314.9, 37.8, "0");
    put(&a, 65.1, 600, "项目编码");
    put(&a, 314.9, 600, "合计金额");
    put(&a, 502.1, 600, "结转");
    const char *x[] = {"一", "般", "公", "共"}, *y[] = {"政", "府", "性", "基"};
    for (int i = 0; i < 4; i++) {
        put(&a, 502.1, 640 + 27.8 * i, x[i]);
        put(&a, 537.7, 640 + 27.8 * i, y[i]);
    }
    put(&b, 537.7, 20, "金");
    put(&b, 65.1, 300, "014");
    put(&b, 314.9, 300, "1,438.00");
    ys_doc *d = ys_doc_new("t.pdf", YS_FMT_PDF);
    assert_non_null(d);
    pdf_carry carry = {0};
    int no = 0;
    assert_int_equal(pdf_emit_page(d, &z, 1, &no, &carry), YS_OK);
    assert_int_equal(pdf_emit_page(d, &a, 2, &no, &carry), YS_OK);
    assert_int_equal(pdf_emit_page(d, &b, 3, &no, &carry), YS_OK);
    assert_int_equal(pdf_carry_flush(d, &carry), YS_OK);
    pdf_carry_free(&carry);
    int whole = 0, alone = 0;
    for (size_t k = 0; k < d->nlines; k++)
        for (int i = 0; i < d->lines[k].ncells; i++) {
            const char *t = d->lines[k].cells[i];
            whole |= !strcmp(t, "政府性基金") && i > 0 && strstr(d->lines[k].cells[i - 1], "一般公共");
            alone |= !strcmp(t, "金");
        }
    for (size_t k = 0; k < d->nlines && (!whole || alone); k++)
        for (int i = 0; i < d->lines[k].ncells; i++)
            print_message("line %zu cell %d: '%s'\n", k, i, d->lines[k].cells[i]);
    assert_true(whole);
    assert_false(alone);
    ys_doc_free(d);
    pdf_glyphs_free(&z);
    pdf_glyphs_free(&a);
    pdf_glyphs_free(&b);
}

/*
 * A project form as LibreOffice sets it from HTML: lines 27.8 pt apart
 * (taller than a glyph), every cell set in the middle of its row, so a
 * one-line label stands half a line between the two lines of the name
 * beside it and their boxes overlap; rows stand 26.6 pt apart.  A tall
 * cell's first and last lines stand beyond the lines the cells beside it
 * overlap, and a name wrapped beside its figure makes three one-cell
 * lines.  Each row reads whole, in the columns the figure rows show.
 */
static void form_rows_centred_in_bands(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double L = 65.1, V = 145.1, K = 248.7, F = 293.0, P = 27.8, M = P / 2;
    put(&g, L, 100 + M, "项目名称");
    put(&g, V, 100, "甲乙丙丁戊己");
    put(&g, V, 100 + P, "庚辛");
    put(&g, K, 100, "项目");
    put(&g, K, 100 + P, "代码");
    const double y2 = 100 + P + H + 26.6;
    const char *tall[] = {"子丑寅卯", "辰巳午未", "申酉戌亥", "天干地支", "本级"};
    for (int i = 0; i < 5; i++)
        put(&g, F, y2 + P * i, tall[i]);
    const char *unit[] = {"东南西北", "春夏秋冬", "金木水火", "土"};
    for (int i = 0; i < 4; i++)
        put(&g, V, y2 + M + P * i, unit[i]);
    put(&g, K, y2 + P, "项目");
    put(&g, K, y2 + 2 * P, "执行");
    put(&g, K, y2 + 3 * P, "单位");
    put(&g, L, y2 + M + P, "项目主管部");
    put(&g, L, y2 + M + 2 * P, "门");
    const double y3 = y2 + 4 * P + H + 26.6;
    put(&g, L, y3, "项目总预算");
    put(&g, V, y3, "17.80");
    put(&g, K, y3, "当年");
    put(&g, F, y3, "17.80");
    const double y4 = y3 + H + 26.6;
    put(&g, V, y4, "某某服务小程序");
    put(&g, F, y4 + M, "6.00");
    put(&g, V, y4 + P, "运行维护");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 4);
    want_line(d, 0, (const char *const[]){"项目名称", "甲乙丙丁戊己庚辛", "项目代码", NULL});
    want_line(d, 1, (const char *const[]){"项目主管部门", "东南西北春夏秋冬金木水火土", "项目执行单位",
                                          "子丑寅卯辰巳午未申酉戌亥天干地支本级", NULL});
    want_line(d, 2, (const char *const[]){"项目总预算", "17.80", "当年", "17.80", NULL});
    want_line(d, 3, (const char *const[]){"", "某某服务小程序运行维护", "", "6.00", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

/*
 * A goal's label set in the middle of its row beside the goal's text,
 * both wrapped (LibreOffice, lines 27.8 pt apart): the label's three
 * lines stand half a line between the text's, whose first and last lines
 * overlap none of them.  In a document whose cells wrap the label and the
 * whole text read as one row; a table row follows 26.6 pt below.
 */
static void goal_label_beside_text(void **st)
{
    (void)st;
    pdf_glyphs g = {0};
    const double L = 65.1, T = 107.3, P = 27.8, M = P / 2, y = 100;
    const char *text[] = {"一二三四五六七八九十", "甲乙丙丁戊己庚辛壬癸", "子丑寅卯辰巳午未申酉",
                          "东南西北中春夏秋冬日", "金木水火土天地玄黄宇", "宙洪荒"};
    for (int i = 0; i < 6; i++)
        put(&g, T, y + P * i, text[i]);
    put(&g, L, y + M + P, "长期");
    put(&g, L, y + M + 2 * P, "目标");
    put(&g, L, y + M + 3 * P, "1:");
    const double y2 = y + 5 * P + H + 26.6;
    put(&g, L, y2, "名称");
    put(&g, T, y2, "说明");
    ys_doc *d = emit_pages((pdf_glyphs *const[]){&g}, 1, 1);
    assert_int_equal(d->nlines, 2);
    want_line(d, 0, (const char *const[]){"长期目标1:", "一二三四五六七八九十甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉"
                                          "东南西北中春夏秋冬日金木水火土天地玄黄宇宙洪荒", NULL});
    want_line(d, 1, (const char *const[]){"名称", "说明", NULL});
    ys_doc_free(d);
    pdf_glyphs_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wrapped_two_sided_table),
        cmocka_unit_test(figures_close_together),
        cmocka_unit_test(prose_after_table),
        cmocka_unit_test(row_cut_by_page),
        cmocka_unit_test(row_not_cut_by_page),
        cmocka_unit_test(narrow_cells_wrapped_many_lines),
        cmocka_unit_test(text_cut_by_page),
        cmocka_unit_test(code_row_not_cut_by_page),
        cmocka_unit_test(stacked_lines_show_wrapping),
        cmocka_unit_test(hostile_pages_stay_linear),
        cmocka_unit_test(header_spans_narrow_columns),
        cmocka_unit_test(header_columns_carried),
        cmocka_unit_test(header_cut_by_page),
        cmocka_unit_test(form_rows_centred_in_bands),
        cmocka_unit_test(goal_label_beside_text),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
