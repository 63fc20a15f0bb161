/* Unit tests: the Shanghai layout's hard tables on small documents the
 * tests write themselves (tab-separated cells, profile "shanghai"): a
 * two-sided table 4 whose spanning labels stand off their sides and whose
 * readers ran three labels into one cell; an expenditure name wrapped over
 * its figures; fixed income rows run into one paragraph; a 合计 row packed
 * to the left; the 三公 table whose figure columns stand under labels of two
 * keys (read by the profile's sums, or left out when no reading keeps
 * them); and the layout reader's label midway between two figure columns. */
#include "testutil.h"

#include "yusuan/amount.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/tableset.h"

#define YUAN(x) ((int64_t)(x) * 100)          /* whole 元 → 分 */
#define WAN_CENTS(x) ((int64_t)(x) * 10000)   /* 0.01 万元 → 分 */

static ys_tableset *shanghai(const char *name, const char *text)
{
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_mem(name, (const unsigned char *)text, strlen(text), &d, &err),
                     YS_OK);
    const ys_profile *p = ys_profile_builtin("shanghai");
    assert_non_null(p);
    ys_tableset *ts = NULL;
    assert_int_equal(ys_recognize(d, p, &ts, &err), YS_OK);
    ys_doc_free(d);
    return ts;
}

static const ys_row *by_key(const ys_table *t, const char *key, const char *code)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].key && strcmp(t->rows[i].key, key) == 0 &&
            (!code || strcmp(t->rows[i].code, code) == 0))
            return &t->rows[i];
    fail_msg("table %s: no row %s %s", t->id, key, code ? code : "");
    return NULL;
}

/* Cell `key` in 分, -1 when blank. */
static int64_t cell(const ys_table *t, const ys_row *r, const char *key)
{
    int c = ys_table_col(t, key);
    assert_true(c >= 0);
    return r->cells[c].v.present ? r->cells[c].v.fen : -1;
}

static const char *const T4 =
    "2025年部门财政拨款收支预算总表\n"
    "编制部门：示例局\t\t\t\t单位：元\n"
    "财政拨款收入\t\t\t\t财政拨款支出\n"
    "项目\t预算数\t项目\t合计\t一般公共预算政府性基金预算国有资本经营预算\n"
    "一、一般公共预算资金\t1,000\t一、一般公共服务支出\t600\t600\n"
    "二、政府性基金\t\t二、卫生健康支出\t200\t200\n"
    "三、国有资本经营预算\t\t三、文化旅游体育与传媒\n"
    "\t\t\t200\t200\n"
    "\t\t支出\n"
    "收入总计\t1,000\t支出总计\t1,000\t1,000\n";

/* 财政拨款支出 stands over 合计 only; 项目 twice tells the sides apart; the
 * run of three labels is the 一般公共预算 column (the first of them). */
static void two_sided_by_position(void **st)
{
    (void)st;
    ys_tableset *ts = shanghai("t4.txt", T4);
    const ys_table *t = ys_tableset_find(ts, "4");
    assert_non_null(t);
    assert_int_equal(cell(t, by_key(t, "in.gpb", NULL), "amount"), YUAN(1000));
    const ys_row *r = by_key(t, "out.class", "201");
    assert_int_equal(cell(t, r, "amount"), YUAN(600));
    assert_int_equal(cell(t, r, "gpb"), YUAN(600));
    assert_int_equal(cell(t, r, "gov_fund"), -1);
    r = by_key(t, "out.grand_total", NULL);
    assert_int_equal(cell(t, r, "amount"), YUAN(1000));
    assert_int_equal(cell(t, r, "gpb"), YUAN(1000));
    assert_int_equal(cell(t, by_key(t, "in.grand_total", NULL), "amount"), YUAN(1000));
    /* the name wrapped over its figures: one row, with its code */
    r = by_key(t, "out.class", "207");
    assert_string_equal(r->name, "三、文化旅游体育与传媒支出");
    assert_int_equal(cell(t, r, "amount"), YUAN(200));
    for (size_t i = 0; i < t->nrows; i++)
        assert_true(strcmp(t->rows[i].name, "支出") != 0);
    ys_tableset_free(ts);
}

/* "三、事业单位经营收入四、其他收入": two fixed rows in one paragraph do not
 * end table 1; 收入总计 under them is read. */
static void fixed_rows_in_one_paragraph(void **st)
{
    (void)st;
    const char *text =
        "2025年部门财务收支预算总表\n"
        "编制部门：示例局\t\t\t单位：元\n"
        "本年收入\t\t本年支出\n"
        "项目\t预算数\t项目\t预算数\n"
        "一、财政拨款收入\t500\t一、一般公共服务支出\t500\n"
        "二、事业收入\n"
        "三、事业单位经营收入四、其他收入\n"
        "收入总计\t500\t支出总计\t500\n";
    ys_tableset *ts = shanghai("t1.txt", text);
    const ys_table *t = ys_tableset_find(ts, "1");
    assert_non_null(t);
    by_key(t, "in.operating", NULL);
    by_key(t, "in.other", NULL);
    assert_int_equal(cell(t, by_key(t, "in.year_total", NULL), "amount"), YUAN(500));
    assert_int_equal(cell(t, by_key(t, "out.year_total", NULL), "amount"), YUAN(500));
    ys_tableset_free(ts);
}

/* A 合计 line alone, packed left (its word in the 类 column): its figures
 * go to 合计, 基本支出, 项目支出 in order. */
static void packed_total_row(void **st)
{
    (void)st;
    const char *text =
        "2025年部门支出预算总表\n"
        "编制部门：示例局\t\t\t\t\t\t单位：元\n"
        "类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
        "201\t\t\t一般公共服务支出\t1,000\t600\t400\n"
        "合计\t1,000\t600\t400\n";
    ys_tableset *ts = shanghai("t3.txt", text);
    const ys_table *t = ys_tableset_find(ts, "3");
    assert_non_null(t);
    assert_int_equal(t->nrows, 2);
    const ys_row *r = &t->rows[1];
    assert_int_equal(r->kind, YS_ROW_TOTAL);
    assert_int_equal(cell(t, r, "total"), YUAN(1000));
    assert_int_equal(cell(t, r, "basic"), YUAN(600));
    assert_int_equal(cell(t, r, "project"), YUAN(400));
    ys_tableset_free(ts);
    /* control: 合计 in the 类 column with its figures in their columns and
     * a blank between them keeps the blank where it stands */
    const char *placed =
        "2025年部门支出预算总表\n"
        "类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
        "201\t\t\t一般公共服务支出\t1,000\t\t1,000\n"
        "合计\t\t\t\t1,000\t\t1,000\n";
    ts = shanghai("t3b.txt", placed);
    t = ys_tableset_find(ts, "3");
    assert_non_null(t);
    assert_int_equal(t->nrows, 2);
    r = &t->rows[1];
    assert_int_equal(r->kind, YS_ROW_TOTAL);
    assert_int_equal(cell(t, r, "total"), YUAN(1000));
    assert_int_equal(cell(t, r, "basic"), -1);
    assert_int_equal(cell(t, r, "project"), YUAN(1000));
    ys_tableset_free(ts);
}

static char *t7_text(const char *figures)
{
    static char buf[1024];
    /* table 3 first: a document must hold some table to be read at all */
    snprintf(buf, sizeof buf,
             "2025年部门支出预算总表\n"
             "类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出\n"
             "201\t\t\t一般公共服务支出\t1,000\t600\t400\n"
             "2025年部门“三公”经费和机关运行经费预算表\n"
             "编制部门：示例局\t单位:万元\n"
             "“三公”经费预算数\n"
             "机关运行经费预算\n"
             "公务用车购置及运行费\n"
             "\t\t数\n"
             "合计因公出国(境)费\t公务接待费\n"
             "\t小计购置费\t运行费\n"
             "%s\n",
             figures);
    return buf;
}

/* Three figures under labels of seven columns: 合计 = 出国 + 接待 + 小计 and
 * 小计 = 购置 + 运行 leave one reading — 合计, 接待, 机关运行经费. */
static void three_public_by_sums(void **st)
{
    (void)st;
    ys_tableset *ts = shanghai("t7.txt", t7_text("0.95\t0.95\t229.43"));
    const ys_table *t = ys_tableset_find(ts, "7");
    assert_non_null(t);
    assert_int_equal(t->nrows, 1);
    const ys_row *r = &t->rows[0];
    assert_int_equal(cell(t, r, "total"), WAN_CENTS(95));
    assert_int_equal(cell(t, r, "reception"), WAN_CENTS(95));
    assert_int_equal(cell(t, r, "admin_running"), WAN_CENTS(22943));
    assert_int_equal(cell(t, r, "abroad"), -1);
    assert_int_equal(cell(t, r, "car.subtotal"), -1);
    assert_int_equal(cell(t, r, "car.operation"), -1);
    ys_tableset_free(ts);
}

/* No reading keeps the sums (0.95 total, 0.50 anywhere else): not guessed,
 * the table is left out. */
static void three_public_no_reading(void **st)
{
    (void)st;
    ys_tableset *ts = shanghai("t7.txt", t7_text("0.95\t0.50\t229.43"));
    assert_null(ys_tableset_find(ts, "7"));
    ys_tableset_free(ts);
}

/* pdftotext -layout: 事业收入 stands as far from the figures on its left as
 * from those on its right; figures stand right-aligned, so it is the right
 * column's label (not run into 合计). */
static void layout_label_between_figure_columns(void **st)
{
    (void)st;
    /* 合计 and its figures at 10–14, 事业收入 at 18–21, the 0 at 25: three
     * positions from each figure column */
    const char *text =
        "项目        合计      事业收入\n"
        "行一        1,000          0\n"
        "行二        2,000          0\n";
    ys_error err = {0};
    ys_doc *d = ys_doc_new("t.txt", YS_FMT_LAYOUT);
    assert_non_null(d);
    assert_int_equal(ys_read_layout(d, text, strlen(text), &err), YS_OK);
    assert_int_equal(d->nlines, 3);
    const ys_line *h = &d->lines[0];
    assert_int_equal(h->ncells, 3);
    assert_string_equal(h->cells[1], "合计");
    assert_string_equal(h->cells[2], "事业收入");
    assert_string_equal(d->lines[1].cells[2], "0");
    ys_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_sided_by_position),
        cmocka_unit_test(fixed_rows_in_one_paragraph),
        cmocka_unit_test(packed_total_row),
        cmocka_unit_test(three_public_by_sums),
        cmocka_unit_test(three_public_no_reading),
        cmocka_unit_test(layout_label_between_figure_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
