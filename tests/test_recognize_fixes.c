/* Unit tests: lib/recognize*.c on the layouts that once misread —
 * table 10 with short project codes (P001, 1001) told from unit and
 * category rows by structure, and a workbook where every line is a row
 * (an empty table's lone 备注 is its note, not a header row). */
#include "testutil.h"

#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/tableset.h"

/* Read `text` as a .txt; with `all_rows`, again as a workbook would give
 * it: every non-blank line a row (is_row = 1). */
static ys_doc *doc_of(const char *text, bool all_rows)
{
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_mem("t.txt", (const unsigned char *)text, strlen(text), &d,
                                     &err),
                     YS_OK);
    if (!all_rows)
        return d;
    ys_doc *x = ys_doc_new("t.xlsx", d->format);
    assert_non_null(x);
    for (size_t i = 0; i < d->nlines; i++) {
        const ys_line *l = &d->lines[i];
        size_t lens[64];
        int filled = 0;
        assert_true(l->ncells <= 64);
        for (int c = 0; c < l->ncells; c++) {
            lens[c] = strlen(l->cells[c]);
            filled += lens[c] > 0;
        }
        if (filled)
            assert_int_equal(ys_doc_add(x, l->no, 0, NULL, 1, (const char *const *)l->cells,
                                        lens, l->ncells),
                             YS_OK);
    }
    ys_doc_free(d);
    return x;
}

static ys_tableset *recognize(const char *text, bool all_rows)
{
    ys_doc *d = doc_of(text, all_rows);
    ys_tableset *ts = NULL;
    ys_error err = {0};
    assert_int_equal(ys_recognize(d, NULL, &ts, &err), YS_OK);
    ys_doc_free(d);
    return ts;
}

/* ---- table 10 ------------------------------------------------------------------ */

#define T10_HEAD                                                                        \
    "表10\n"                                                                            \
    "项目支出预算表\n"                                                                   \
    "单位：万元\n"                                                                       \
    "项目编码\t项目名称\t项目单位\t合计\t本年拨款\t\t\t财政拨款结转结余\t\t\t"           \
    "财政专户管理资金\t单位资金\n"                                                       \
    "\t\t\t\t一般公共预算\t政府性基金预算\t国有资本经营预算\t一般公共预算\t"             \
    "政府性基金预算\t国有资本经营预算\t\t\n"

static void check_t10(const char *text, const char *project, const char *unit_of_project)
{
    ys_tableset *ts = recognize(text, false);
    const ys_table *t = ys_tableset_find(ts, "10");
    assert_non_null(t);
    /* 合计, department 901, unit 901001, category 31, the project */
    assert_int_equal(t->nrows, 5);
    assert_int_equal(t->rows[0].kind, YS_ROW_TOTAL);
    assert_string_equal(t->rows[1].code, "901");
    assert_int_equal(t->rows[1].kind, YS_ROW_GROUP);
    assert_int_equal(t->rows[1].level, 1);
    assert_string_equal(t->rows[2].code, "901001");
    assert_int_equal(t->rows[2].kind, YS_ROW_GROUP);
    assert_int_equal(t->rows[2].level, 2);
    assert_string_equal(t->rows[3].code, "31");
    assert_int_equal(t->rows[3].kind, YS_ROW_GROUP);
    assert_int_equal(t->rows[3].level, 3);
    assert_string_equal(t->rows[4].code, project);
    assert_int_equal(t->rows[4].kind, YS_ROW_ITEM);
    assert_int_equal(t->rows[4].level, 4);
    if (unit_of_project)
        assert_string_equal(t->rows[4].extra, unit_of_project);
    /* the project's 50.00 万元 is counted once under its category */
    assert_int_equal(ys_row_cell(t, &t->rows[4], "total")->v.fen, 5000 * 10000);
    ys_tableset_free(ts);
}

static void t10_letter_project_code(void **st)
{
    (void)st;
    check_t10(T10_HEAD "\t合计\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "901\t示例局\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "901001\t示例局本级\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "31\t本级支出项目\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "P001\t政务服务工作经费\t示例局本级\t50.00\t50.00\t\t\t\t\t\t\t\n",
              "P001", "示例局本级");
}

static void t10_digit_project_code(void **st)
{
    (void)st;
    /* 1001 names its 项目单位: a project, though all digits */
    check_t10(T10_HEAD "\t合计\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "901\t示例局\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "901001\t示例局本级\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "31\t本级支出项目\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "1001\t政务服务工作经费\t示例局本级\t50.00\t50.00\t\t\t\t\t\t\t\n",
              "1001", "示例局本级");
    /* without a 项目单位: not 901 + 3 digits, so not a unit either */
    check_t10(T10_HEAD "\t合计\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "901\t示例局\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "901001\t示例局本级\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "31\t本级支出项目\t\t50.00\t50.00\t\t\t\t\t\t\t\n"
                       "1001\t政务服务工作经费\t\t50.00\t50.00\t\t\t\t\t\t\t\n",
              "1001", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t10_letter_project_code),
        cmocka_unit_test(t10_digit_project_code),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
