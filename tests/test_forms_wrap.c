/* Unit tests: indicator rows of a project form whose labels are drawn in
 * the middle of the rows they cover and whose cells wrap over lines
 * (lib/forms_rows.c), on a small tab-separated form written here.  The
 * expected labels are worked out by hand from the lines below: a label at
 * line p covering lines s..e sits at p = (s+e)/2. */
#include "testutil.h"
#include "yusuan/doc.h"
#include "yusuan/tableset.h"
#include "recognize_internal.h"

static const char FORM[] =
    "财政项目支出绩效目标填报表\n"                          /* 1 */
    "项目名称\t甲项目\t实施单位\t乙单位\n"                  /* 2 */
    "项目资金总额\t1,000.00\t年度资金申请总额\t1,000.00\n"  /* 3 */
    "一级指标\t二级指标\t三级指标\t指标值\n"                /* 4 */
    "\t数量指标\t甲\t≥1个\n"                                /* 5 */
    "产出指标\t质量指标\t乙\t100%\n"                        /* 6 */
    "\t\t乙续\n"                                            /* 7: continues 乙 */
    "\t成本指标\t丙\t≤5万元\n"                              /* 8: 一级 in the 二级 column */
    "\t服务对象满意\n"                                      /* 9: label wrapped ... */
    "满意度指标\t丁\t≥90%\n"                                /* 10 */
    "度指标\n"                                              /* 11: ... around the row */
    "\t\t戊前半\n"                                          /* 12: 三级 part */
    "\t\t\t有效\n"                                          /* 13: value */
    "\t\t戊后半\n";                                         /* 14: 三级 part */

typedef struct want {
    int line;
    const char *l1, *l2, *l3, *target;
} want;

static const want WANT[] = {
    {5, "产出指标", "数量指标", "甲", "≥1个"},
    {6, "产出指标", "质量指标", "乙乙续", "100%"},
    {8, "成本指标", "", "丙", "≤5万元"},
    {10, "满意度指标", "服务对象满意度指标", "丁", "≥90%"},
    {12, "满意度指标", "服务对象满意度指标", "戊前半戊后半", "有效"},
};

static void test_wrapped_rows(void **state)
{
    (void)state;
    ys_doc *d;
    ys_error e = {0};
    assert_int_equal(ys_doc_read_mem("form.txt", (const unsigned char *)FORM,
                                     sizeof FORM - 1, &d, &e), YS_OK);
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_forms_read(d, 0, d->nlines, ts, &e), YS_OK);
    size_t n = sizeof WANT / sizeof *WANT;
    assert_int_equal(ts->nind, n);
    for (size_t i = 0; i < n; i++) {
        const ys_indicator *in = &ts->ind[i];
        assert_string_equal(in->table_id, "12:甲项目");
        assert_int_equal(in->line, WANT[i].line);
        assert_string_equal(in->l1, WANT[i].l1);
        assert_string_equal(in->l2, WANT[i].l2);
        assert_string_equal(in->l3, WANT[i].l3);
        assert_string_equal(in->target, WANT[i].target);
    }
    ys_tableset_free(ts);
    ys_doc_free(d);
}

/* Every prefix of the form reads without failing (a table cut anywhere). */
static void test_cut_anywhere(void **state)
{
    (void)state;
    ys_doc *d;
    ys_error e = {0};
    assert_int_equal(ys_doc_read_mem("form.txt", (const unsigned char *)FORM,
                                     sizeof FORM - 1, &d, &e), YS_OK);
    for (size_t to = 0; to <= d->nlines; to++) {
        ys_tableset *ts = ys_tableset_new();
        assert_int_equal(ys_forms_read(d, 0, to, ts, &e), YS_OK);
        assert_true(ts->nind <= sizeof WANT / sizeof *WANT);
        ys_tableset_free(ts);
    }
    ys_doc_free(d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wrapped_rows),
        cmocka_unit_test(test_cut_anywhere),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
