/* Unit tests: the false findings the Shanghai documents gave, on hand-built
 * sets — a keyed row the layout does not print (T1.in_grand), a reason in
 * the paragraph after the change (DOC.reason), an empty table said to be
 * empty by a 注 or a zero figure (N.none.*), an absent table under a
 * non-national profile (DOC.required) — each with its control that still
 * gives the real finding; and DOC.empty_note (a 注 says 空表, the table has
 * figures). */
#include "testutil.h"
#include "yusuan/audit.h"
#include "yusuan/findings.h"
#include "yusuan/tableset.h"

#define WAN(x) ((int64_t)(x) * 1000000LL)   /* whole 万元 → 分 */

static ys_amount amt(int64_t fen) { return (ys_amount){fen, 10000, true}; }

/* Findings of rule `rule` (prefix match when it ends in '*'); *line_hit
 * says whether one names line `line`. */
static int count(const ys_findings *f, const char *rule, int line, bool *line_hit)
{
    int n = 0;
    size_t len = strlen(rule);
    bool prefix = len && rule[len - 1] == '*';
    if (line_hit)
        *line_hit = false;
    for (size_t i = 0; i < f->n; i++) {
        if (prefix ? strncmp(f->v[i].rule, rule, len - 1) != 0 : strcmp(f->v[i].rule, rule) != 0)
            continue;
        n++;
        for (int k = 0; line_hit && k < f->v[i].nlines; k++)
            if (f->v[i].lines[k] == line)
                *line_hit = true;
    }
    return n;
}

static int audit_count(const ys_tableset *ts, const char *rule, int line, bool *hit)
{
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    int n = count(&f, rule, line, hit);
    ys_findings_free(&f);
    return n;
}

static ys_row *keyed(ys_tableset *ts, ys_table *t, const char *key, int64_t fen, int line)
{
    ys_row *r = ys_table_add_row(ts, t, "", key, line);
    assert_non_null(r);
    r->key = key;
    r->kind = YS_ROW_ITEM;
    r->cells[0] = (ys_cell){amt(fen), line};
    return r;
}

/* Table 1 of the Shanghai layout: 本年 rows and 总计 as year totals, no
 * in.grand_total / out.grand_total row. */
static ys_tableset *shanghai_t1(void)
{
    ys_tableset *ts = ys_tableset_new();
    static const char *const cols[] = {"amount"};
    ys_table *t = ys_tableset_add(ts, "1", "财务收支预算总表", cols, 1);
    assert_non_null(t);
    keyed(ts, t, "in.gpb", WAN(300), 11);
    keyed(ts, t, "in.year_total", WAN(300), 12);
    keyed(ts, t, "out.class", WAN(300), 13);
    keyed(ts, t, "out.year_total", WAN(300), 14);
    return ts;
}

static void test_absent_keyed_row_skips(void **state)
{
    (void)state;
    ys_tableset *ts = shanghai_t1();
    assert_int_equal(audit_count(ts, "T1.*", 0, NULL), 0);
    /* control: a printed 收入总计 of 350 against 本年 300 (no 结转) is real */
    ys_table *t = ys_tableset_find(ts, "1");
    keyed(ts, t, "in.grand_total", WAN(350), 15);
    bool hit;
    assert_int_equal(audit_count(ts, "T1.in_grand", 15, &hit), 1);
    assert_true(hit);
    assert_int_equal(audit_count(ts, "T1.out_grand", 0, NULL), 0);
    ys_tableset_free(ts);
}

static void para(ys_tableset *ts, int section, const char *heading, const char *text, int line)
{
    ys_para *p = ys_tableset_add_para(ts);
    assert_non_null(p);
    *p = (ys_para){3, section, heading, ys_ts_str(ts, text, (size_t)-1), line};
}

static void change(ys_tableset *ts, const char *key, int64_t fen, int64_t ch, const char *text,
                   int line)
{
    ys_claim *c = ys_tableset_add_claim(ts);
    assert_non_null(c);
    memset(c, 0, sizeof *c);
    c->kind = YS_CLAIM_FIGURE;
    c->key = key;
    c->subject = key;
    c->amount = amt(fen);
    c->change = amt(ch);
    c->text = ys_ts_str(ts, text, (size_t)-1);
    c->line = line;
}

/* 收入…增加; 支出…增加; then a third paragraph (`third`) in section `sec3`. */
static ys_tableset *reason_set(const char *third, int sec3)
{
    static const char *const h = "部门预算编制说明";
    static const char *const in = "收入预算100万元，其中：财政拨款收入100万元，比上年预算增加10万元；";
    static const char *const out = "支出预算100万元，其中：财政拨款支出预算100万元，比上年预算增加10万元。";
    ys_tableset *ts = ys_tableset_new();
    para(ts, 0, h, in, 10);
    para(ts, 0, h, out, 12);
    para(ts, sec3, sec3 ? "一、“三公”经费" : h, third, 14);
    change(ts, "in.fiscal", WAN(100), WAN(10), in, 10);
    change(ts, "out.fiscal", WAN(100), WAN(10), out, 12);
    return ts;
}

static void test_reason_in_following_paragraph(void **state)
{
    (void)state;
    ys_tableset *ts = reason_set("财政拨款收入支出增加的主要原因是项目调整。", 0);
    assert_int_equal(audit_count(ts, "DOC.reason", 0, NULL), 0);
    ys_tableset_free(ts);
    /* controls: no reason after them; the reason of another section */
    bool hit10, hit12;
    ts = reason_set("财政拨款支出主要内容如下：", 0);
    assert_int_equal(audit_count(ts, "DOC.reason", 10, &hit10), 2);
    audit_count(ts, "DOC.reason", 12, &hit12);
    assert_true(hit10 && hit12);
    ys_tableset_free(ts);
    ts = reason_set("增加的主要原因是公务接待增加。", 1);
    assert_int_equal(audit_count(ts, "DOC.reason", 0, NULL), 2);
    ys_tableset_free(ts);
}

/* Table 8 without rows, the note given (or NULL), a narrative paragraph and
 * (when zero) the claim "政府性基金拨款支出预算0万元". */
static ys_tableset *empty_t8(const char *note, bool zero)
{
    ys_tableset *ts = ys_tableset_new();
    static const char *const cols[] = {"total", "basic", "project"};
    ys_table *t = ys_tableset_add(ts, "8", "政府性基金预算支出功能分类预算表", cols, 3);
    assert_non_null(t);
    t->first_line = 50;
    t->last_line = 56;
    if (note) {
        t->note = ys_ts_str(ts, note, (size_t)-1);
        t->note_line = 57;
    }
    para(ts, 0, "部门预算编制说明", "政府性基金拨款支出预算0万元，与上年预算持平。", 10);
    ys_claim *c = ys_tableset_add_claim(ts);
    assert_non_null(c);
    memset(c, 0, sizeof *c);
    c->kind = YS_CLAIM_FIGURE;
    c->key = zero ? "gov_fund.total" : "out.fiscal";
    c->amount = amt(zero ? 0 : WAN(100));
    c->line = 10;
    return ts;
}

static void test_none_by_note_or_zero(void **state)
{
    (void)state;
    ys_tableset *ts = empty_t8("注：本部门2025年无政府性基金预算财政拨款安排的预算，故本表为空表。", false);
    assert_int_equal(audit_count(ts, "N.none.gov_fund", 0, NULL), 0);
    ys_tableset_free(ts);
    ts = empty_t8(NULL, true);
    assert_int_equal(audit_count(ts, "N.none.gov_fund", 0, NULL), 0);
    ys_tableset_free(ts);
    ts = empty_t8("备注：本表金额为0。", false);
    assert_int_equal(audit_count(ts, "N.none.gov_fund", 0, NULL), 0);
    ys_tableset_free(ts);
    /* control: an empty table nobody explains */
    ts = empty_t8(NULL, false);
    bool hit;
    assert_int_equal(audit_count(ts, "N.none.gov_fund", 50, &hit), 1);
    assert_true(hit);
    ys_tableset_free(ts);
}

/* Table 7 (三公) with one row of figures and the given note. */
static ys_tableset *t7_with_note(const char *note)
{
    ys_tableset *ts = ys_tableset_new();
    static const char *const cols[] = {"total", "admin_running"};
    ys_table *t = ys_tableset_add(ts, "7", "“三公”经费和机关运行经费预算表", cols, 2);
    assert_non_null(t);
    t->first_line = 70;
    ys_row *r = ys_table_add_row(ts, t, "", "", 75);
    assert_non_null(r);
    r->cells[0] = (ys_cell){amt(479100), 75};
    r->cells[1] = (ys_cell){amt(4431800), 75};
    t->note = ys_ts_str(ts, note, (size_t)-1);
    t->note_line = 77;
    return ts;
}

static void test_empty_note_with_figures(void **state)
{
    (void)state;
    ys_tableset *ts = t7_with_note("注:本部门2024年无“三公”经费和机关运行经费预算，故本表为空表。");
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    bool note_line, fig_line;
    assert_int_equal(count(&f, "DOC.empty_note", 77, &note_line), 1);
    count(&f, "DOC.empty_note", 75, &fig_line);
    assert_true(note_line && fig_line);
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.v[i].rule, "DOC.empty_note") == 0)
            assert_int_equal(f.v[i].sev, YS_SEV_ERROR);
    ys_findings_free(&f);
    ys_tableset_free(ts);
    /* a note that says nothing of emptiness */
    ts = t7_with_note("注：本表无上年结转。");
    assert_int_equal(audit_count(ts, "DOC.empty_note", 0, NULL), 0);
    ys_tableset_free(ts);
}

/* Tables 1–3 of a whole disclosure (part-3 prose present); table 4 absent. */
static ys_tableset *without_t4(const char *profile)
{
    ys_tableset *ts = ys_tableset_new();
    ts->profile = profile;
    static const char *const cols[] = {"total"};
    static const char *const ids[] = {"1", "2", "3", "5-1", "6", "7", "8", "9"};
    for (size_t i = 0; i < sizeof ids / sizeof *ids; i++) {
        ys_table *t = ys_tableset_add(ts, ids[i], "表", cols, 1);
        assert_non_null(t);
        ys_row *r = ys_table_add_row(ts, t, "", "合计", (int)(10 * i + 11));
        assert_non_null(r);
        r->cells[0] = (ys_cell){amt(WAN(1)), (int)(10 * i + 11)};
    }
    para(ts, 0, "部门预算编制说明", "收入预算1万元。", 5);
    return ts;
}

static int required_t4(const ys_tableset *ts, ys_severity *sev)
{
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    int n = 0;
    for (size_t i = 0; i < f.n; i++)
        if (strcmp(f.v[i].rule, "DOC.required") == 0 && strcmp(f.v[i].table, "4") == 0) {
            n++;
            *sev = f.v[i].sev;
        }
    ys_findings_free(&f);
    return n;
}

static void test_required_absent_by_profile(void **state)
{
    (void)state;
    ys_severity sev = YS_SEV_NOTE;
    ys_tableset *ts = without_t4("shanghai");
    assert_int_equal(required_t4(ts, &sev), 1);
    assert_int_equal(sev, YS_SEV_WARNING);
    ys_tableset_free(ts);
    ts = without_t4("national");
    assert_int_equal(required_t4(ts, &sev), 1);
    assert_int_equal(sev, YS_SEV_ERROR);
    ys_tableset_free(ts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_absent_keyed_row_skips),
        cmocka_unit_test(test_reason_in_following_paragraph),
        cmocka_unit_test(test_none_by_note_or_zero),
        cmocka_unit_test(test_empty_note_with_figures),
        cmocka_unit_test(test_required_absent_by_profile),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
