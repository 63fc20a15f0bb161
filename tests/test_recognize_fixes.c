/* Unit tests: lib/recognize*.c on the layouts that once misread —
 * table 10 with short project codes (P001, 1001) told from unit and
 * category rows by structure, and a workbook where every line is a row
 * (an empty table's lone 备注 is its note, not a header row). */
#include "testutil.h"

#include "profile.h"
#include "text.h"
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

/* ---- every line a row (a workbook) ---------------------------------------------- */

/* Table 7 with no rows: its 备注 is the note, not a header row, whether the
 * lone line is prose or a row. */
static void empty_table_note_as_row(void **st)
{
    (void)st;
    const char *note = "备注：2026年没有一般公共预算“三公”经费支出安排。";
    char text[2048];
    snprintf(text, sizeof text,
             "表7\n一般公共预算“三公”经费支出表\n单位：万元\n"
             "“三公”经费合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n"
             "\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
             "%s\n",
             note);
    for (int all = 0; all < 2; all++) {
        ys_tableset *ts = recognize(text, all);
        const ys_table *t = ys_tableset_find(ts, "7");
        assert_non_null(t);
        assert_int_equal(t->nrows, 0);
        assert_non_null(t->note);
        assert_string_equal(t->note, note);
        ys_tableset_free(ts);
    }
}

/* The reference with every line a row reads as the text does: the same
 * tables at the same lines with the same rows and notes (7–9 have notes),
 * and table 11's goals and indicators, not only table 12's. */
static void reference_as_rows(void **st)
{
    (void)st;
    char path[1024];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    size_t n = 0;
    char *text = ys_test_slurp(path, &n);
    assert_non_null(text);
    ys_tableset *a = recognize(text, false), *b = recognize(text, true);
    assert_int_equal(a->ntables, b->ntables);
    for (size_t i = 0; i < a->ntables; i++) {
        const ys_table *x = a->tables[i], *y = b->tables[i];
        assert_string_equal(x->id, y->id);
        assert_int_equal(x->first_line, y->first_line);
        assert_int_equal(x->nrows, y->nrows);
        assert_true((x->note == NULL) == (y->note == NULL));
    }
    for (const char *const *id = (const char *const[]){"7", "8", "9", NULL}; *id; id++)
        assert_non_null(ys_tableset_find(b, *id)->note);
    size_t in11 = 0;
    for (size_t i = 0; i < b->nind; i++)
        in11 += strcmp(b->ind[i].table_id, "11") == 0;
    assert_true(in11 > 0);
    assert_int_equal(a->ngoals, b->ngoals);
    assert_int_equal(a->nind, b->nind);
    ys_tableset_free(a);
    ys_tableset_free(b);
    free(text);
}

/* ---- profile sections ------------------------------------------------------------ */

static void section_directive(void **st)
{
    (void)st;
    const char *txt = "profile t\nsection 甲乙|丙\ntable 1\ntitle 表甲\nsection 丁\n";
    ys_profile *p = NULL;
    ys_error err = {0};
    assert_int_equal(ys_profile_parse("t.profile", txt, strlen(txt), &p, &err), YS_OK);
    const ys_psection *sec = NULL;
    assert_int_equal(ys_profile_sections(p, &sec), 2);
    assert_int_equal(sec[0].nalts, 2);
    assert_string_equal(sec[0].alts[0], "甲乙");
    assert_string_equal(sec[0].alts[1], "丙");
    assert_string_equal(sec[1].alts[0], "丁");
    assert_int_equal(ys_profile_match_section(p, "某甲乙"), 0);
    assert_int_equal(ys_profile_match_section(p, "丁"), 1);
    assert_int_equal(ys_profile_match_section(p, "戊"), -1);
    ys_profile_free(p);
    const char *bad = "profile t\nsection\n";
    assert_int_equal(ys_profile_parse("b.profile", bad, strlen(bad), &p, &err), YS_EINPUT);
    assert_int_equal(err.line, 2);
}

/* The reference's part 3 headings ("一、收支预算总体安排情况" …), numbering
 * cut off here, name the national profile's sections one by one. */
static void national_sections_match_reference(void **st)
{
    (void)st;
    const ys_profile *p = ys_profile_builtin("national");
    assert_non_null(p);
    const ys_psection *sec = NULL;
    int n = ys_profile_sections(p, &sec);
    assert_true(n >= 10);
    char path[1024];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    char *text = ys_test_slurp(path, NULL);
    assert_non_null(text);
    const char *part3 = strstr(text, "\n一、收支预算");   /* the body, not the 目录 */
    assert_non_null(part3);
    int next = 0;
    for (const char *l = part3 + 1; *l && next < n;) {
        const char *e = strchr(l, '\n');
        size_t len = e ? (size_t)(e - l) : strlen(l);
        const char *dun = strstr(l, "、");
        if (dun && dun < l + len && dun - l <= 6 && !memchr(l, '\t', len)) {
            char buf[512];
            const char *h = dun + strlen("、");
            if (ys_fold(h, len - (size_t)(h - l), buf, sizeof buf) != (size_t)-1 &&
                ys_profile_match_section(p, buf) == next)
                next++;
        }
        l = e ? e + 1 : l + len;
    }
    assert_int_equal(next, n);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(t10_letter_project_code),
        cmocka_unit_test(t10_digit_project_code),
        cmocka_unit_test(empty_table_note_as_row),
        cmocka_unit_test(reference_as_rows),
        cmocka_unit_test(section_directive),
        cmocka_unit_test(national_sections_match_reference),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
