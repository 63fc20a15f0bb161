/* Unit tests: the claims family (lib/rules_claims.c, C.*).
 *
 * Hand-built claim sets whose figures are worked out by hand in the
 * comments; each rule gets a clean case and a failing case checked by rule
 * id, severity and lines.  Then the Shanghai .txt documents (skipped when
 * absent): the test finds their prose parts itself (the heading
 * "…预算编制说明" up to the first "…总表", "其他相关情况说明" up to the
 * first "…填报表"), reads them with the narrative reader and checks that
 * what fires is the defects read by hand from the documents (listed in
 * shanghai_findings). */
#include "testutil.h"
#include "prose_testutil.h"
#include "yusuan/audit.h"
#include "yusuan/doc.h"
#include "yusuan/tableset.h"
#include "recognize_internal.h"


static ys_claim *claim(ys_tableset *ts, const char *key, const char *subject,
                       const char *code, int line, const char *amount)
{
    ys_claim *c = ys_tableset_add_claim(ts);
    assert_non_null(c);
    memset(c, 0, sizeof *c);
    c->kind = YS_CLAIM_FIGURE;
    c->key = key;
    c->subject = subject;
    c->code = code;
    c->line = line;
    c->text = subject;
    c->amount = test_wan(amount);
    return c;
}

/* The findings of rule id: count; the first one's severity and lines into
 * *sev and lines ("83" or "128,129"). */
static int fired(const ys_tableset *ts, const char *id, ys_severity *sev, char *lines,
                 size_t cap)
{
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_audit(ts, &f), YS_OK);
    int n = 0;
    for (size_t i = 0; i < f.n; i++) {
        if (strcmp(f.v[i].rule, id) != 0)
            continue;
        if (n++ == 0 && lines) {
            *sev = f.v[i].sev;
            size_t o = 0;
            lines[0] = 0;
            for (int k = 0; k < f.v[i].nlines && o + 12 < cap; k++)
                o += (size_t)snprintf(lines + o, cap - o, k ? ",%d" : "%d", f.v[i].lines[k]);
        }
    }
    ys_findings_free(&f);
    return n;
}

static void expect(const ys_tableset *ts, const char *id, ys_severity sev, const char *lines)
{
    ys_severity got = YS_SEV_NOTE;
    char l[128] = "";
    assert_int_equal(fired(ts, id, &got, l, sizeof l), 1);
    assert_int_equal(got, sev);
    assert_string_equal(l, lines);
}

static void expect_none(const ys_tableset *ts, const char *id)
{
    assert_int_equal(fired(ts, id, NULL, NULL, 0), 0);
}

#define ITEM "一般公共服务支出(类)群众团体事务(款)一般行政管理事务(项)"

static ys_claim *rated(ys_tableset *ts, int line, const char *amount, const char *prior,
                       const char *rate)
{
    ys_claim *c = claim(ts, "gpb.func", ITEM, "2012902", line, amount);
    c->prior = test_wan(prior);
    c->rate = test_pct(rate);
    return c;
}

static void prior_rate(void **st)
{
    (void)st;
    /* (45.41 − 11.67) / 11.67 = 33.74 / 11.67 = 289.12 % */
    ys_tableset *ts = ys_tableset_new();
    rated(ts, 83, "45.41", "11.67", "289.12");
    expect_none(ts, "C.prior_rate");
    ys_tableset_free(ts);

    /* the same figures stated with 314.82 %: over the intervals
     * [45.405, 45.415] / [11.665, 11.675] − 1 the rate is at most 289.33 % */
    ts = ys_tableset_new();
    rated(ts, 83, "45.41", "11.67", "314.82");
    expect(ts, "C.prior_rate", YS_SEV_ERROR, "83");
    ys_tableset_free(ts);

    /* 1000.00 on 800.00: 25 %, within the intervals 24.9986 %–25.0014 %;
     * 25.01 % is one unit in the last place off (warning), 25.05 % not */
    ts = ys_tableset_new();
    rated(ts, 5, "1000.00", "800.00", "25.00");
    expect_none(ts, "C.prior_rate");
    ys_tableset_free(ts);
    ts = ys_tableset_new();
    rated(ts, 5, "1000.00", "800.00", "25.01");
    expect(ts, "C.prior_rate", YS_SEV_WARNING, "5");
    ys_tableset_free(ts);
    ts = ys_tableset_new();
    rated(ts, 5, "1000.00", "800.00", "25.05");
    expect(ts, "C.prior_rate", YS_SEV_ERROR, "5");
    ys_tableset_free(ts);

    /* a prior of 0 (增加 100 %) cannot be decided: nothing */
    ts = ys_tableset_new();
    rated(ts, 7, "603.10", "0", "100.00");
    expect_none(ts, "C.prior_rate");
    ys_tableset_free(ts);
}

static void restated(void **st)
{
    (void)st;
    /* 350.35 stated first, restated as 352.67 with prior 348.52 and 0.53 %:
     * (350.35 − 348.52) / 348.52 = 0.525 % fits the first figure, so the
     * rate is not at fault: only the restatement (2.32 apart) is */
    ys_tableset *ts = ys_tableset_new();
    claim(ts, "gpb.func", "住房公积金", "2210201", 175, "350.35");
    ys_claim *c = claim(ts, "gpb.func", "住房公积金", "2210201", 176, "352.67");
    c->year = 2024;
    c->prior = test_wan("348.52");
    c->rate = test_pct("0.53");
    expect(ts, "C.restated", YS_SEV_ERROR, "175,176");
    expect_none(ts, "C.prior_rate");
    ys_tableset_free(ts);

    /* a list repeated with the same figures, and another code: nothing */
    ts = ys_tableset_new();
    claim(ts, "gpb.func", "住房公积金", "2210201", 109, "20.49");
    claim(ts, "gpb.func", "购房补贴", "2210203", 111, "26.88");
    claim(ts, "gpb.func", "住房公积金", "2210201", 118, "20.49");
    expect_none(ts, "C.restated");
    ys_tableset_free(ts);

    /* the same period of two projects' spending plans: not one item */
    ts = ys_tableset_new();
    claim(ts, "project.plan", "第一季度用款计划", NULL, 843, "258.80");
    claim(ts, "project.plan", "第一季度用款计划", NULL, 850, "158.05");
    expect_none(ts, "C.restated");
    ys_tableset_free(ts);

    /* a year stated that is not the budget year is another figure */
    ts = ys_tableset_new();
    ts->year = 2024;
    claim(ts, "gpb.func", "住房公积金", "2210201", 175, "350.35");
    claim(ts, "gpb.func", "住房公积金", "2210201", 176, "348.52")->year = 2023;
    expect_none(ts, "C.restated");
    ys_tableset_free(ts);

    /* 83.87 against 83.88: one unit in the last place, a warning */
    ts = ys_tableset_new();
    claim(ts, "admin_cost", "机关运行经费", NULL, 10, "83.87");
    claim(ts, "admin_cost", "机关运行经费", NULL, 40, "83.88")->section = 2;
    expect(ts, "C.restated", YS_SEV_WARNING, "10,40");
    ys_tableset_free(ts);

    /* same section and year beyond rounding: DOC.dup_amount's, not ours */
    ts = ys_tableset_new();
    claim(ts, "admin_cost", "机关运行经费", NULL, 10, "83.87");
    claim(ts, "admin_cost", "机关运行经费", NULL, 11, "90.00");
    expect_none(ts, "C.restated");
    assert_int_equal(fired(ts, "DOC.dup_amount", NULL, NULL, 0), 1);
    ys_tableset_free(ts);
}

static void prior_change(void **st)
{
    (void)st;
    /* line 10: 100.00，增加 20.00; line 11 restates it with prior 80.00:
     * 100.00 − 80.00 = 20.00 */
    ys_tableset *ts = ys_tableset_new();
    claim(ts, "gpb.func", "行政运行", "2010101", 10, "100.00")->change = test_wan("20.00");
    claim(ts, "gpb.func", "行政运行", "2010101", 11, "100.00")->prior = test_wan("80.00");
    expect_none(ts, "C.prior_change");
    ys_tableset_free(ts);

    /* prior 85.00: 100.00 − 85.00 = 15.00, not 20.00 */
    ts = ys_tableset_new();
    claim(ts, "gpb.func", "行政运行", "2010101", 10, "100.00")->change = test_wan("20.00");
    claim(ts, "gpb.func", "行政运行", "2010101", 11, "100.00")->prior = test_wan("85.00");
    expect(ts, "C.prior_change", YS_SEV_ERROR, "10,11");
    ys_tableset_free(ts);
}

static void negative_prior(void **st)
{
    (void)st;
    /* 0 万元，比上年增加 1421.25 万元: last year 0 − 1421.25 < 0 */
    ys_tableset *ts = ys_tableset_new();
    claim(ts, "gov_fund.total", "政府性基金拨款支出预算", NULL, 70, "0")->change = test_wan("1421.25");
    expect(ts, "C.negative_prior", YS_SEV_ERROR, "70");
    ys_tableset_free(ts);

    /* 5.00，增加 5.00: last year 0, possible; 减少 3.00: last year 8.00 */
    ts = ys_tableset_new();
    claim(ts, "three_public.car.purchase", "公务用车购置费", NULL, 8, "5.00")->change = test_wan("5.00");
    claim(ts, "three_public.reception", "公务接待费", NULL, 9, "5.00")->change = test_wan("-3.00");
    expect_none(ts, "C.negative_prior");
    ys_tableset_free(ts);
}

static void parts(void **st)
{
    (void)st;
    /* 418.80 + 10.00 + 166.66 + 3.00 = 598.46 */
    ys_tableset *ts = ys_tableset_new();
    claim(ts, "perf.total", "涉及项目预算资金", NULL, 407, "598.46");
    claim(ts, "perf.project", "中介机构服务费", NULL, 407, "418.80");
    claim(ts, "perf.project", "财政业务费", NULL, 408, "10.00");
    claim(ts, "perf.project", "信息化系统日常维护费", NULL, 408, "166.66");
    ys_claim *last = claim(ts, "perf.project", "援滇干部工作经费", NULL, 409, "3.00");
    /* small 2324.00 ≤ sme 3320.00 ≤ procurement 8300.00 */
    claim(ts, "procurement.total", "政府采购预算", NULL, 805, "8300.00");
    ys_claim *sme = claim(ts, "procurement.sme", "面向中小企业预留", NULL, 807, "3320.00");
    ys_claim *small = claim(ts, "procurement.sme.small", "小型和微型企业", NULL, 808, "2324.00");
    expect_none(ts, "C.parts.perf");
    expect_none(ts, "C.parts.sme");
    expect_none(ts, "C.parts.sme_total");

    /* 418.80 + 10.00 + 166.66 + 30.00 = 625.46 ≠ 598.46; small 3400.00 >
     * sme 3320.00; sme 9000.00 > procurement 8300.00 */
    last->amount = test_wan("30.00");
    small->amount = test_wan("3400.00");
    expect(ts, "C.parts.perf", YS_SEV_ERROR, "407,408,409");
    expect(ts, "C.parts.sme", YS_SEV_ERROR, "807,808");
    sme->amount = test_wan("9000.00");
    small->amount = test_wan("2324.00");
    expect_none(ts, "C.parts.sme");
    expect(ts, "C.parts.sme_total", YS_SEV_ERROR, "805,807");
    ys_tableset_free(ts);
}

static void keyed_row(ys_tableset *ts, ys_table *t, const char *key, const char *name,
                      int line, const char *v)
{
    ys_row *r = ys_table_add_row(ts, t, "", name, line);
    assert_non_null(r);
    r->key = key;
    r->cells[0].v = test_wan(v);
    r->cells[0].line = line;
}

static void fiscal(void **st)
{
    (void)st;
    static const char *const cols[] = {"amount"};
    ys_tableset *ts = ys_tableset_new();
    ys_table *t1 = ys_tableset_add(ts, "1", "财务收支预算总表", cols, 1);
    ys_table *t4 = ys_tableset_add(ts, "4", "财政拨款收支预算总表", cols, 1);
    assert_non_null(t1);
    assert_non_null(t4);
    /* table 1: 一般公共预算 3000.00 + 政府性基金 121.42 = 3121.42 */
    keyed_row(ts, t1, "in.gpb", "一般公共预算资金", 200, "3000.00");
    keyed_row(ts, t1, "in.gov_fund", "政府性基金", 201, "121.42");
    keyed_row(ts, t4, "out.year_total", "支出总计", 300, "3121.42");
    ys_claim *in = claim(ts, "in.fiscal", "财政拨款收入", NULL, 84, "3121.42");
    ys_claim *o = claim(ts, "out.fiscal", "财政拨款支出预算", NULL, 86, "3121.42");
    expect_none(ts, "C.fiscal.in");
    expect_none(ts, "C.fiscal.out");
    in->amount = test_wan("3021.42");   /* 100.00 short of 3121.42 */
    o->amount = test_wan("3121.43");    /* one unit in the last place */
    expect(ts, "C.fiscal.in", YS_SEV_ERROR, "84,200,201");
    expect(ts, "C.fiscal.out", YS_SEV_WARNING, "86,300");
    ys_tableset_free(ts);
}

/* ---- the Shanghai documents ------------------------------------------ */




/* Read the two prose parts of a Shanghai document into a new set, or NULL
 * when the file is absent. */
static ys_tableset *shanghai(const char *name, ys_doc **doc)
{
    char rel[256], path[1024], b[8192];
    snprintf(rel, sizeof rel, "documents/shanghai/%s.txt", name);
    if (!ys_test_shared(rel, path, sizeof path))
        return NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, doc, &err), YS_OK);
    const ys_doc *d = *doc;
    size_t nf = 0, nt = 0, of = 0, ot = 0;
    for (size_t i = 0; i < d->nlines; i++) {
        flat_line(&d->lines[i], b, sizeof b);
        if (!nf && plain_heading(b, "预算编制说明"))
            nf = i;
        else if (nf && !nt && ends_with(b, "总表"))
            nt = i;
        if (!of && plain_heading(b, "其他相关情况说明"))
            of = i;
        else if (of && !ot && strstr(b, "填报表"))
            ot = i;
    }
    if (of && !ot)
        ot = d->nlines;
    assert_true(nf > 0 && nt > nf && of > 0 && ot > of);
    ys_tableset *ts = ys_tableset_new();
    assert_non_null(ts);
    assert_int_equal(ys_narrative_read(d, nf, nt, ts, &err), YS_OK);
    assert_int_equal(ys_narrative_read(d, of, ot, ts, &err), YS_OK);
    return ts;
}

/*
 * What each document's defects are, read by hand (file lines):
 * wanli 2023 l.70-71  政府性基金拨款支出预算0万元，比2022年预算增加1421.25万元 → C.negative_prior
 *            l.83-84  45.41 on 11.67 is 289.12 %, the text says 314.82 % → C.prior_rate
 *            l.128-129 item 16 (职业年金 220.63) restates 441.25 and 60.54 %, the figures
 *                     of item 15 (基本养老保险): (441.25−132.59)/132.59 = 232.79 %,
 *                     (220.63−132.59)/132.59 = 66.40 % → C.restated and C.prior_rate
 * wanli 2024 l.175-176 住房公积金 350.35, restated 352.67 (2023's figure) → C.restated
 * the other two: none.
 */
typedef struct expected {
    const char *doc, *rule;
    int line;     /* first line of the finding */
} expected;

static const expected shanghai_findings[] = {
    {"sh_putuo_wanli_2023_dept", "C.negative_prior", 70},
    {"sh_putuo_wanli_2023_dept", "C.prior_rate", 83},
    {"sh_putuo_wanli_2023_dept", "C.prior_rate", 128},
    {"sh_putuo_wanli_2023_dept", "C.restated", 128},
    {"sh_putuo_wanli_2024_dept", "C.restated", 175},
};

static void shanghai_documents(void **st)
{
    (void)st;
    static const char *const docs[] = {"sh_putuo_caizhengju_2025_dept", "sh_putuo_wanli_2023_dept",
                                       "sh_putuo_wanli_2024_dept", "sh_shi_caizhengju_2025_unit"};
    const size_t nexp = sizeof shanghai_findings / sizeof *shanghai_findings;
    for (size_t k = 0; k < sizeof docs / sizeof *docs; k++) {
        ys_doc *d = NULL;
        ys_tableset *ts = shanghai(docs[k], &d);
        if (!ts)
            continue;   /* ys_test_shared said skip: */
        ys_findings f;
        ys_findings_init(&f);
        assert_int_equal(ys_audit(ts, &f), YS_OK);
        size_t want = 0, got = 0;
        for (size_t e = 0; e < nexp; e++)
            want += strcmp(shanghai_findings[e].doc, docs[k]) == 0;
        for (size_t i = 0; i < f.n; i++) {
            if (strncmp(f.v[i].rule, "C.", 2) != 0)
                continue;
            got++;
            bool known = false;
            for (size_t e = 0; e < nexp && !known; e++)
                known = strcmp(shanghai_findings[e].doc, docs[k]) == 0 &&
                        strcmp(shanghai_findings[e].rule, f.v[i].rule) == 0 &&
                        f.v[i].nlines > 0 && f.v[i].lines[0] == shanghai_findings[e].line;
            if (!known)
                printf("unexpected in %s: %s line %d: %s\n", docs[k], f.v[i].rule,
                       f.v[i].nlines ? f.v[i].lines[0] : 0, f.v[i].message);
            assert_true(known);
            assert_int_equal(f.v[i].sev, YS_SEV_ERROR);
        }
        assert_int_equal(got, want);
        ys_findings_free(&f);
        ys_tableset_free(ts);
        ys_doc_free(d);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(prior_rate),     cmocka_unit_test(restated),
        cmocka_unit_test(prior_change),   cmocka_unit_test(negative_prior),
        cmocka_unit_test(parts),          cmocka_unit_test(fiscal),
        cmocka_unit_test(shanghai_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
