/* Unit tests: lib/rules_indicators.c — the IND.* rules on a hand-built
 * table set, and the findings the reference document must give. */

#include "testutil.h"
#include "yusuan/audit.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/findings.h"
#include "yusuan/indicator.h"
#include "yusuan/tableset.h"

/* ---- rules on a hand-built table set ------------------------------------- */

static ys_indicator *IND(ys_tableset *ts, const char *table, int goal, bool annual,
                         const char *l1, const char *l3, const char *target,
                         const char *prev1, int line)
{
    ys_indicator *x = ys_tableset_add_indicator(ts);
    memset(x, 0, sizeof *x);
    x->table_id = ys_ts_str(ts, table, (size_t)-1);
    x->goal = goal;
    x->annual = annual;
    x->l1 = ys_ts_str(ts, l1, (size_t)-1);
    x->l2 = "";
    x->l3 = ys_ts_str(ts, l3, (size_t)-1);
    x->target = ys_ts_str(ts, target, (size_t)-1);
    x->prev1 = prev1 ? ys_ts_str(ts, prev1, (size_t)-1) : NULL;
    x->line = line;
    return x;
}

static void GOAL(ys_tableset *ts, const char *table, int no, bool annual, const char *text,
                 int line)
{
    ys_goal *g = ys_tableset_add_goal(ts);
    g->table_id = ys_ts_str(ts, table, (size_t)-1);
    g->no = no;
    g->annual = annual;
    g->text = ys_ts_str(ts, text, (size_t)-1);
    g->line = line;
}

static void FORM(ys_tableset *ts, const char *id, int64_t fen, int line)
{
    static const char *const cols[] = {"amount", "qty"};
    ys_table *t = ys_tableset_add(ts, id, "项目支出绩效目标表", cols, 2);
    t->unit = YS_UNIT_WAN;
    ys_row *r = ys_table_add_row(ts, t, "", "项目总预算", line);
    r->key = "budget.total";
    r->cells[0].v = (ys_amount){fen, 10000, true};
    r->cells[0].line = line;
}

static size_t count_rule(const ys_findings *f, const char *rule, ys_severity sev, int line)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++) {
        if (strcmp(f->v[i].rule, rule) || f->v[i].sev != sev)
            continue;
        bool has = line == 0;
        for (int k = 0; k < f->v[i].nlines; k++)
            has |= f->v[i].lines[k] == line;
        n += has;
    }
    return n;
}

static void rules_hand_built(void **st)
{
    (void)st;
    ys_tableset *ts = ys_tableset_new();
    static const char *const f1 = "12:甲审批工作经费（一级）";
    /* form budget: 100.00 万元 = 100 × 1 000 000 分 */
    FORM(ts, f1, 100 * 1000000LL, 50);
    static const char *const t11[] = {"amount"};
    ys_table *t = ys_tableset_add(ts, "11", "部门整体支出绩效目标表", t11, 1);
    t->unit = YS_UNIT_WAN;
    GOAL(ts, "11", 1, false, "推进审批改革，提升服务效能，保障工作顺利进行。", 10);
    GOAL(ts, f1, 1, false, "推进审批改革，提升服务效能，保障工作顺利进行。", 60);
    GOAL(ts, "11", 1, true, "深化审批改革，优化办事体验。", 20);
    GOAL(ts, f1, 1, true, "深化审批改革，优化办事体验。", 70);
    /* table 11, long-term goal 1 */
    IND(ts, "11", 1, false, "产出指标", "审批事项准确率", "0.99", NULL, 11);
    IND(ts, "11", 1, false, "产出指标", "办结数量", "≥5次", NULL, 12);
    IND(ts, "11", 1, false, "产出指标", "一次办好率", "≥90%", NULL, 13);
    IND(ts, "11", 1, false, "成本指标", "经费使用限额", "≤26.07万", NULL, 14);
    /* table 11, annual goal 1 */
    IND(ts, "11", 1, true, "产出指标", "一次办好率", "≥92%", "≥90%", 21);
    IND(ts, "11", 1, true, "成本指标", "经费使用限额", "<101.8万", "≤120万", 22);
    IND(ts, "11", 1, true, "产出指标", "专家评审人次", "≥260人次", "≥315人次", 23);
    IND(ts, "11", 1, true, "满意度指标", "群众满意度", "≥120%", "≥99%", 24);
    /* the form, long-term */
    IND(ts, f1, 1, false, "产出指标", "审批事项准确率", "99%", NULL, 61);
    IND(ts, f1, 1, false, "产出指标", "办结数量", ">=5次", NULL, 62);
    IND(ts, f1, 1, false, "产出指标", "一次办好率", "≥92%", NULL, 63);
    IND(ts, f1, 1, false, "成本指标", "经费使用限额", "≤26.07万元", NULL, 64);
    /* the form, annual */
    IND(ts, f1, 1, true, "产出指标", "一次办好率", "≥92%", "≥90%", 71);
    IND(ts, f1, 1, true, "成本指标", "经费使用限额", "≤100万", "≤120万", 72);
    IND(ts, f1, 1, true, "产出指标", "水务专家评审人次", "≥260人次", "≥315人次", 73);
    IND(ts, f1, 1, true, "满意度指标", "群众满意度", "≥99%", "≥99%", 74);

    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    for (size_t i = 0; i < f.n; i++)
        printf("  %s %s %s\n", ys_severity_name(f.v[i].sev), f.v[i].rule, f.v[i].message);
    /* written differently, same meaning: 0.99/99%, ≥/>=, 万/万元 — nothing */
    assert_int_equal(count_rule(&f, "IND.target", YS_SEV_ERROR, 11), 0);
    assert_int_equal(count_rule(&f, "IND.target", YS_SEV_ERROR, 12), 0);
    assert_int_equal(count_rule(&f, "IND.target", YS_SEV_ERROR, 14), 0);
    /* ≥90% in table 11 against ≥92% in the form: error naming 13 and 63 */
    assert_int_equal(count_rule(&f, "IND.target", YS_SEV_ERROR, 13), 1);
    assert_int_equal(count_rule(&f, "IND.target", YS_SEV_ERROR, 63), 1);
    /* annual: <101.8万 against ≤100万: error on lines 22 and 72 */
    assert_int_equal(count_rule(&f, "IND.target", YS_SEV_ERROR, 72), 1);
    /* annual 满意度 ≥120% vs ≥99%: error too */
    assert_int_equal(count_rule(&f, "IND.target", YS_SEV_ERROR, 24), 1);
    /* cost: 101.8万 > the form's 100.00万 budget (line 50); ≤100万 fits */
    assert_int_equal(count_rule(&f, "IND.cost", YS_SEV_ERROR, 22), 1);
    assert_int_equal(count_rule(&f, "IND.cost", YS_SEV_ERROR, 50), 1);
    assert_int_equal(count_rule(&f, "IND.cost", YS_SEV_ERROR, 72), 0);
    /* 26.07万 long-term cost fits 100万 */
    assert_int_equal(count_rule(&f, "IND.cost", YS_SEV_ERROR, 14), 0);
    /* long-term ≥90% vs annual ≥92% in table 11: they can both hold → warning */
    assert_int_equal(count_rule(&f, "IND.term", YS_SEV_WARNING, 13), 1);
    /* 260 < 315 人次 last year: easier, in both tables */
    assert_int_equal(count_rule(&f, "IND.easier", YS_SEV_WARNING, 23), 1);
    assert_int_equal(count_rule(&f, "IND.easier", YS_SEV_WARNING, 73), 1);
    /* a cap of 100万 under last year's 120万 is stricter: no warning */
    assert_int_equal(count_rule(&f, "IND.easier", YS_SEV_WARNING, 72), 0);
    /* 120% */
    assert_int_equal(count_rule(&f, "IND.pct", YS_SEV_WARNING, 24), 1);
    /* every IND.target finding names two lines, and says how it matched */
    for (size_t i = 0; i < f.n; i++)
        if (!strcmp(f.v[i].rule, "IND.target")) {
            assert_int_equal(f.v[i].nlines, 2);
            assert_non_null(strstr(f.v[i].message, "目标说明"));
        }
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

/* ---- the reference document, audited ----------------------------------- */

/* True when some finding of `rule` at `sev` names both lines a and b. */
static bool names_both(const ys_findings *f, const char *rule, ys_severity sev, int a, int b)
{
    for (size_t i = 0; i < f->n; i++) {
        if (strcmp(f->v[i].rule, rule) || f->v[i].sev != sev)
            continue;
        bool ha = false, hb = false;
        for (int k = 0; k < f->v[i].nlines; k++) {
            ha |= f->v[i].lines[k] == a;
            hb |= f->v[i].lines[k] == b;
        }
        if (ha && hb)
            return true;
    }
    return false;
}

static void reference_findings(void **st)
{
    (void)st;
    char path[512];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    ys_doc *doc = NULL;
    ys_tableset *ts = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, &doc, &err), YS_OK);
    if (ys_recognize(doc, NULL, &ts, &err) != YS_OK || ts->nind == 0) {
        printf("skip: the recogniser does not give indicators yet\n");
        ys_tableset_free(ts);
        ys_doc_free(doc);
        return;
    }
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    /* Worked out by reading the document (lines of the tab-separated text):
     * table 11 against the project forms, the same indicator, other targets */
    static const int target_pairs[][2] = {
        {431, 705},   /* 一次办好率: long-term ≥90% vs ≥92% */
        {445, 795},   /* 政务服务劳务外包服务费: 合同金额=802万元 vs ≤600万元 */
        {469, 915},   /* 租赁费用: ≤26万 vs ≤ 26.07万 */
        {528, 748},   /* 群众对行政审批工作的满意度: annual ≥95% vs ≥99% */
        {555, 876},   /* 经费使用限额: annual < 101.8万 vs ≤17.8万 */
        {564, 924},   /* 租赁费用: annual 26 (万) vs 26.07万 */
    };
    for (size_t i = 0; i < sizeof target_pairs / sizeof *target_pairs; i++)
        if (!names_both(&f, "IND.target", YS_SEV_ERROR, target_pairs[i][0], target_pairs[i][1]))
            fail_msg("no IND.target error naming lines %d and %d", target_pairs[i][0],
                     target_pairs[i][1]);
    /* long-term 合同金额=802万元 against annual < 600万元 in table 11: both cannot hold */
    assert_true(names_both(&f, "IND.term", YS_SEV_ERROR, 445, 536));
    /* long-term ≥90% against annual ≥92% (一次办好率, table 11): a warning */
    assert_true(names_both(&f, "IND.term", YS_SEV_WARNING, 431, 518));
    /* cost over budget: 802万 > 672.85 (form line 765, table 10 line 364);
     * 101.8万 > 17.8 (form line 839, table 10 line 359) */
    assert_true(names_both(&f, "IND.cost", YS_SEV_ERROR, 445, 765));
    assert_true(names_both(&f, "IND.cost", YS_SEV_ERROR, 445, 364));
    assert_true(names_both(&f, "IND.cost", YS_SEV_ERROR, 555, 839));
    /* written differently, same meaning: no finding at all on these pairs */
    static const int same_pairs[][2] = {
        {404, 616},   /* 0.99 vs ≥99% */
        {405, 617},   /* 1 vs 100% */
        {411, 685},   /* ≤452.81万元 both */
        {462, 868},   /* ≤17.8万 both */
        {412, 686},   /* 合同金额=25万元 both */
    };
    for (size_t i = 0; i < sizeof same_pairs / sizeof *same_pairs; i++)
        for (int sev = YS_SEV_NOTE; sev <= YS_SEV_ERROR; sev++)
            if (names_both(&f, "IND.target", (ys_severity)sev, same_pairs[i][0],
                           same_pairs[i][1]))
                fail_msg("IND.target on %d/%d, which agree", same_pairs[i][0], same_pairs[i][1]);
    /* table 11's annual goal 3 writes "> 93%" where its form writes "≥93%": one note
     * for the goal naming the pairs */
    assert_true(names_both(&f, "IND.glyph", YS_SEV_NOTE, 540, 817));
    assert_true(names_both(&f, "IND.glyph", YS_SEV_NOTE, 549, 826));
    assert_false(names_both(&f, "IND.target", YS_SEV_ERROR, 540, 817));
    /* the one unreadable value, kept and noted, in table 11 and in the form */
    assert_true(names_both(&f, "IND.verbatim", YS_SEV_NOTE, 500, 500));
    assert_true(names_both(&f, "IND.verbatim", YS_SEV_NOTE, 722, 722));
    ys_findings_free(&f);
    ys_tableset_free(ts);
    ys_doc_free(doc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rules_hand_built),
        cmocka_unit_test(reference_findings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
