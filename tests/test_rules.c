/* Unit tests: the rule kinds (lib/rules_common.c, rules_tables.c,
 * rules_names.c, rules_narrative.c, rules_forms.c) on small table sets
 * built by hand, with expected figures worked out in the test. */
#include "testutil.h"

#include "rules_common.h"
#include "yusuan/audit.h"
#include "yusuan/report.h"
#include "yusuan/tableset.h"

/* ---- building table sets by hand ---- */

static ys_table *tab(ys_tableset *ts, const char *id, const char *cols)
{
    const char *v[32];
    char buf[512];
    snprintf(buf, sizeof buf, "%s", cols);
    int n = 0;
    for (char *p = strtok(buf, ","); p && n < 32; p = strtok(NULL, ","))
        v[n++] = p;
    /* ys_tableset_add copies the keys before buf goes away */
    ys_table *t = ys_tableset_add(ts, id, id, v, n);
    assert_non_null(t);
    return t;
}

/* A row; vals = cells separated by '|', "" for blank. */
static ys_row *row(ys_tableset *ts, ys_table *t, const char *code, const char *name,
                   int level, ys_row_kind kind, const char *key, int line,
                   const char *vals)
{
    ys_row *r = ys_table_add_row(ts, t, code, name, line);
    assert_non_null(r);
    r->level = level;
    r->kind = kind;
    r->key = key ? ys_ts_str(ts, key, (size_t)-1) : NULL;
    const char *p = vals;
    for (int c = 0; c < t->ncols && p; c++) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        if (n && p[n - 1] == '%')
            assert_int_equal(ys_pct_parse(p, n, true, &r->cells[c].v), 0);
        else
            assert_int_equal(ys_amount_parse(p, n, YS_UNIT_WAN, &r->cells[c].v), 0);
        r->cells[c].line = line;
        p = bar ? bar + 1 : NULL;
    }
    return r;
}

static ys_row *keyed(ys_tableset *ts, ys_table *t, const char *key, const char *code,
                     int line, const char *val)
{
    return row(ts, t, code, key, 0, YS_ROW_ITEM, key, line, val);
}

/* Findings of rule `id` at severity sev. */
static size_t count(const ys_findings *f, const char *id, ys_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += strcmp(f->v[i].rule, id) == 0 && f->v[i].sev == sev;
    return n;
}

static const ys_finding *find(const ys_findings *f, const char *id)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->v[i].rule, id) == 0)
            return &f->v[i];
    return NULL;
}

static const ys_finding *find_sev(const ys_findings *f, const char *id, ys_severity sev)
{
    for (size_t i = 0; i < f->n; i++)
        if (strcmp(f->v[i].rule, id) == 0 && f->v[i].sev == sev)
            return &f->v[i];
    return NULL;
}

static bool has_line(const ys_finding *fd, int line)
{
    for (int i = 0; fd && i < fd->nlines; i++)
        if (fd->lines[i] == line)
            return true;
    return false;
}

static void run(const ys_tableset *ts, ys_findings *f)
{
    ys_findings_init(f);
    assert_int_equal(ys_audit(ts, f), YS_OK);
}

/* Table 3 of a small department: 816.90 + 306.20 basic, 1438.00 project. */
static ys_tableset *table3(const char *leaf_basic)
{
    ys_tableset *ts = ys_tableset_new();
    ts->year = 2026;
    ys_table *t = tab(ts, "3", "total,basic,project,operating,upper,subsidy");
    row(ts, t, "", "合计", 0, YS_ROW_TOTAL, NULL, 10, "2561.10|1123.10|1438.00|||");
    row(ts, t, "201", "一般公共服务支出", 1, YS_ROW_ITEM, NULL, 11, "2561.10|1123.10|1438.00|||");
    row(ts, t, "20103", "政府办公厅（室）及相关机构事务", 2, YS_ROW_ITEM, NULL, 12,
        "2561.10|1123.10|1438.00|||");
    char v[64];
    snprintf(v, sizeof v, "816.90|%s||||", leaf_basic);
    row(ts, t, "2010301", "行政运行", 3, YS_ROW_ITEM, NULL, 13, v);
    row(ts, t, "2010302", "一般行政管理事务", 3, YS_ROW_ITEM, NULL, 14, "1438.00||1438.00|||");
    row(ts, t, "2010350", "事业运行", 3, YS_ROW_ITEM, NULL, 15, "306.20|306.20||||");
    return ts;
}

static void clean_table_has_no_findings(void **st)
{
    (void)st;
    ys_tableset *ts = table3("816.90");
    ys_findings f;
    run(ts, &f);
    assert_int_equal(ys_findings_count(&f, YS_SEV_ERROR), 0);
    assert_int_equal(ys_findings_count(&f, YS_SEV_WARNING), 0);
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

static void wrong_cell_gives_row_and_tree_errors(void **st)
{
    (void)st;
    /* 816.90 + 0.05: the row no longer adds up (816.90 ≠ 816.95 + blank)
     * and 20103's basic 1123.10 ≠ 816.95 + 306.20 = 1123.15 */
    ys_tableset *ts = table3("816.95");
    ys_findings f;
    run(ts, &f);
    assert_int_equal(ys_findings_count(&f, YS_SEV_ERROR), 2);
    assert_int_equal(count(&f, "T3.row", YS_SEV_ERROR), 1);
    assert_int_equal(count(&f, "T3.tree", YS_SEV_ERROR), 1);
    const ys_finding *row_f = find(&f, "T3.row"), *tree_f = find(&f, "T3.tree");
    assert_int_equal(row_f->nlines, 1);
    assert_int_equal(row_f->lines[0], 13);
    /* the tree finding names the parent and both children it summed */
    /* parent, both children with figures, and the child whose cell is blank */
    assert_int_equal(tree_f->nlines, 4);
    assert_true(has_line(tree_f, 12) && has_line(tree_f, 13) && has_line(tree_f, 15));
    assert_true(has_line(tree_f, 14));
    assert_string_equal(tree_f->actual, "1,123.10");
    assert_string_equal(tree_f->expected, "1,123.15");
    assert_non_null(strstr(tree_f->message, "0.05"));
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

/* Table 1 with the four classes of the reference layout. */
static ys_tableset *table1(const char *health)
{
    ys_tableset *ts = ys_tableset_new();
    ts->year = 2026;
    ys_table *t = tab(ts, "1", "amount");
    keyed(ts, t, "in.gpb", "", 20, "2,877.94");
    keyed(ts, t, "out.class", "201", 20, "2561.10");
    keyed(ts, t, "out.class", "208", 21, "84.78");
    keyed(ts, t, "out.class", "210", 22, health);
    keyed(ts, t, "out.class", "221", 23, "148.19");
    keyed(ts, t, "in.year_total", "", 24, "2,877.94");
    keyed(ts, t, "out.year_total", "", 24, "2877.94");
    keyed(ts, t, "in.grand_total", "", 26, "2,877.94");
    keyed(ts, t, "out.grand_total", "", 26, "2877.94");
    return ts;
}

static void residue_within_rounding_is_a_note(void **st)
{
    (void)st;
    /* 2561.10 + 84.78 + 83.88 + 148.19 = 2877.95 vs 2877.94: |d| = 0.01,
     * 2·0.01 < 5 × 0.01 → rounding can explain it */
    ys_tableset *ts = table1("83.88");
    ys_findings f;
    run(ts, &f);
    assert_int_equal(ys_findings_count(&f, YS_SEV_ERROR), 0);
    assert_int_equal(count(&f, "T1.out", YS_SEV_NOTE), 1);
    const ys_finding *n = find(&f, "T1.out");
    assert_int_equal(n->nlines, 5);
    ys_findings_free(&f);
    /* 83.98: 2878.05 vs 2877.94 is 0.11, beyond 0.025 → error */
    ts->tables[0]->rows[3].cells[0].v.fen += 10 * 10000;
    run(ts, &f);
    assert_int_equal(count(&f, "T1.out", YS_SEV_ERROR), 1);
    assert_true(has_line(find(&f, "T1.out"), 22));
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

static void one_ulp_between_tables_is_a_warning(void **st)
{
    (void)st;
    ys_tableset *ts = table1("83.87");
    ys_table *t = tab(ts, "3", "total,basic,project,operating,upper,subsidy");
    row(ts, t, "", "合计", 0, YS_ROW_TOTAL, NULL, 40, "2877.94|2877.94||||");
    row(ts, t, "201", "一般公共服务支出", 1, YS_ROW_ITEM, NULL, 41, "2561.10|2561.10||||");
    row(ts, t, "208", "社会保障和就业支出", 1, YS_ROW_ITEM, NULL, 42, "84.78|84.78||||");
    row(ts, t, "210", "卫生健康支出", 1, YS_ROW_ITEM, NULL, 43, "83.88|83.88||||");
    row(ts, t, "221", "住房保障支出", 1, YS_ROW_ITEM, NULL, 44, "148.19|148.19||||");
    ys_findings f;
    run(ts, &f);
    /* 83.87 (table 1) vs 83.88 (table 3): the same quantity, one unit apart */
    assert_int_equal(count(&f, "X.T1-T3", YS_SEV_WARNING), 1);
    const ys_finding *w = find(&f, "X.T1-T3");
    assert_true(has_line(w, 22) && has_line(w, 43));
    assert_int_equal(ys_findings_count(&f, YS_SEV_ERROR), 0);
    ys_findings_free(&f);
    /* a class table 3 has and table 1 lacks is compared with a blank */
    row(ts, t, "205", "教育支出", 1, YS_ROW_ITEM, NULL, 45, "1.00|1.00||||");
    run(ts, &f);
    const ys_finding *e = find_sev(&f, "X.T1-T3", YS_SEV_ERROR);
    assert_non_null(e);
    assert_int_equal(e->nlines, 1);
    assert_int_equal(e->lines[0], 45);
    ys_findings_free(&f);
    t->nrows--;
    /* two units apart (83.86) is an error */
    ts->tables[0]->rows[3].cells[0].v.fen -= 10000;
    run(ts, &f);
    assert_int_equal(count(&f, "X.T1-T3", YS_SEV_ERROR), 1);
    ys_findings_free(&f);
    ys_tableset_free(ts);
}


static void rate_and_share_intervals(void **st)
{
    (void)st;
    /* 1.86 / 20.01 = 9.2954 %; with 1.86 ∈ [1.855, 1.865] and 20.01 ∈
     * [20.005, 20.015] the ratio spans [9.2681 %, 9.3227 %] */
    assert_true(ys_share_possible(test_wan("1.86"), test_wan("20.01"), test_pct("9.30")));
    assert_true(ys_share_possible(test_wan("1.86"), test_wan("20.01"), test_pct("9.31")));
    assert_true(ys_share_possible(test_wan("1.86"), test_wan("20.01"), test_pct("9.27")));
    assert_false(ys_share_possible(test_wan("1.86"), test_wan("20.01"), test_pct("9.40")));
    assert_false(ys_share_possible(test_wan("1.86"), test_wan("20.01"), test_pct("9.33")));
    /* this year 18.15, change −1.86: last year 20.01, rate −9.2954 % */
    assert_true(ys_rate_possible(test_wan("18.15"), test_wan("-1.86"), test_pct("-9.31")));
    assert_true(ys_rate_possible(test_wan("18.15"), test_wan("-1.86"), test_pct("-9.30")));
    assert_false(ys_rate_possible(test_wan("18.15"), test_wan("-1.86"), test_pct("-9.40")));
    assert_false(ys_rate_possible(test_wan("18.15"), test_wan("-1.86"), test_pct("9.30")));
    /* 1438 down 234 → last 1672: 13.995 %, "14%" (ulp 1 %) holds */
    assert_true(ys_rate_possible(test_wan("1438"), test_wan("-234"), test_pct("-14")));
    assert_false(ys_rate_possible(test_wan("1438"), test_wan("-234"), test_pct("-13.90")));
    /* 2877.94 down 307.52 → 9.6539 %: 9.65 yes, 9.67 no */
    assert_true(ys_rate_possible(test_wan("2877.94"), test_wan("-307.52"), test_pct("-9.65")));
    assert_false(ys_rate_possible(test_wan("2877.94"), test_wan("-307.52"), test_pct("-9.67")));
}

static void verdicts(void **st)
{
    (void)st;
    ys_side a = ys_side_of(test_wan("83.87"), 1), b = ys_side_of(test_wan("83.88"), 2);
    assert_int_equal(ys_judge(&a, &b), YS_SEV_WARNING);
    a = ys_side_of(test_wan("83.88"), 1);
    assert_int_equal(ys_judge(&a, &b), -1);
    /* "1.6" keeps its one decimal: it stands for 1.61; 1.66 is within one
     * unit of its last place (a cut-off figure: a warning); 1.75 is not */
    a = ys_side_of(test_wan("1.6"), 1);
    b = ys_side_of(test_wan("1.61"), 2);
    assert_int_equal(ys_judge(&a, &b), -1);
    b = ys_side_of(test_wan("1.66"), 2);
    assert_int_equal(ys_judge(&a, &b), YS_SEV_WARNING);
    b = ys_side_of(test_wan("1.75"), 2);
    assert_int_equal(ys_judge(&a, &b), YS_SEV_ERROR);
    /* a blank total against a present part is an error */
    a = ys_side_of((ys_amount){0, 0, false}, 1);
    b = ys_side_of(test_wan("0.01"), 2);
    assert_int_equal(ys_judge(&a, &b), YS_SEV_ERROR);
}


/* Figures written in 元 (Shanghai's tables) are reported in 元: a one-元
 * residue must not read "相差 0.00 万元".  A 万元 figure against a 元 one
 * stays in 万元. */
static ys_amount yuan(const char *s)
{
    ys_amount v;
    assert_int_equal(ys_amount_parse(s, strlen(s), YS_UNIT_YUAN, &v), 0);
    return v;
}

static void yuan_figures_are_reported_in_yuan(void **st)
{
    (void)st;
    const ys_rule r = {.id = "T6.tree"};
    ys_findings f;
    ys_findings_init(&f);
    ys_side a = ys_side_of(yuan("24,840,779"), 1), b = ys_side_of(yuan("24,840,778"), 2);
    assert_int_equal(ys_compare(&f, &r, "6", "表6 302", "本行", &a, "下级科目之和", &b), 0);
    assert_int_equal(f.n, 1);
    const char *m = f.v[0].message;
    assert_non_null(strstr(m, "本行 24,840,779 元"));
    assert_non_null(strstr(m, "相差 1 元"));
    assert_null(strstr(m, "万元"));
    a = ys_side_of(test_wan("87.70"), 3);
    b = ys_side_of(yuan("877,100"), 4);   /* 87.71 万元 */
    assert_int_equal(ys_compare(&f, &r, "5-1", "科目", "文中", &a, "表5-1", &b), 0);
    assert_int_equal(f.n, 2);
    assert_non_null(strstr(f.v[1].message, "相差 0.01 万元"));
    ys_findings_free(&f);
}

/* A claim of the narrative. */
static ys_claim *claim(ys_tableset *ts, ys_claim_kind kind, const char *key,
                       const char *subject, const char *code, const char *amount,
                       int line)
{
    ys_claim *c = ys_tableset_add_claim(ts);
    assert_non_null(c);
    memset(c, 0, sizeof *c);
    c->kind = kind;
    c->key = key;
    c->subject = subject;
    c->code = code;
    c->line = line;
    c->text = subject;
    if (amount)
        c->amount = test_wan(amount);
    return c;
}

static void narrative_claims_against_cells(void **st)
{
    (void)st;
    ys_tableset *ts = table1("83.88");
    ys_table *t4 = tab(ts, "4", "amount");
    keyed(ts, t4, "in.gpb", "", 50, "2877.94");
    keyed(ts, t4, "out.class", "210", 51, "83.88");
    claim(ts, YS_CLAIM_FIGURE, "in.total", "收入预算", NULL, "2877.94", 90);
    /* one unit off: warning; ten units off: error; no figure: error */
    claim(ts, YS_CLAIM_FIGURE, "fiscal.out.class", "卫生健康支出", "210", "83.87", 91);
    claim(ts, YS_CLAIM_FIGURE, "fiscal.in.gpb", "一般公共预算", NULL, "2877.84", 92);
    claim(ts, YS_CLAIM_MISSING, "fiscal.total", "财政拨款收支总预算", NULL, NULL, 93);
    ys_findings f;
    run(ts, &f);
    assert_int_equal(count(&f, "N.in", YS_SEV_ERROR) + count(&f, "N.in", YS_SEV_WARNING), 0);
    assert_int_equal(count(&f, "N.fiscal.class", YS_SEV_WARNING), 1);
    const ys_finding *w = find(&f, "N.fiscal.class");
    assert_true(has_line(w, 91) && has_line(w, 51));
    assert_int_equal(count(&f, "N.fiscal.gpb", YS_SEV_ERROR), 1);
    assert_true(has_line(find(&f, "N.fiscal.gpb"), 92));
    assert_int_equal(count(&f, "N.missing", YS_SEV_ERROR), 1);
    assert_int_equal(find(&f, "N.missing")->lines[0], 93);
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

static void narrative_rates_and_shares(void **st)
{
    (void)st;
    ys_tableset *ts = ys_tableset_new();
    /* 提租补贴 18.15, 减少 1.86, 下降 9.31 %: allowed (see rate test) */
    ys_claim *c = claim(ts, YS_CLAIM_FIGURE, "gpb.func", "提租补贴", "2210202", "18.15", 10);
    c->change = test_wan("-1.86");
    c->rate = test_pct("-9.31");
    c = claim(ts, YS_CLAIM_FIGURE, "gpb.func", "购房补贴", "2210203", "42.65", 11);
    c->change = test_wan("5.17");
    c->rate = test_pct("12.8"); /* 5.17 / 37.48 = 13.79 %: wrong */
    /* shares of out.total 2877.94: 1439.94 → 50.03 % (right), 1438 → 49.00 % (wrong) */
    claim(ts, YS_CLAIM_FIGURE, "out.total", "支出预算", NULL, "2877.94", 12);
    claim(ts, YS_CLAIM_FIGURE, "out.basic", "基本支出", NULL, "1439.94", 12)->share = test_pct("50.03");
    claim(ts, YS_CLAIM_FIGURE, "out.project", "项目支出", NULL, "1438", 12)->share = test_pct("49.00");
    ys_findings f;
    run(ts, &f);
    assert_int_equal(count(&f, "N.rate", YS_SEV_ERROR), 1);
    assert_int_equal(find(&f, "N.rate")->lines[0], 11);
    assert_string_equal(find(&f, "N.rate")->expected, "13.79"); /* 5.17 / 37.48 */
    assert_string_equal(find(&f, "N.rate")->actual, "12.8");
    assert_int_equal(count(&f, "N.share.out.basic", YS_SEV_ERROR), 0);
    assert_int_equal(count(&f, "N.share.out.project", YS_SEV_ERROR), 1);
    assert_string_equal(find(&f, "N.share.out.project")->expected, "49.97"); /* 1438 / 2877.94 */
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

static void none_statement_against_table(void **st)
{
    (void)st;
    ys_tableset *ts = ys_tableset_new();
    ys_table *t7 = tab(ts, "7", "total,abroad,car.subtotal,car.purchase,car.operation,reception");
    claim(ts, YS_CLAIM_NONE, "none.three_public", "没有“三公”经费", NULL, NULL, 60);
    ys_findings f;
    run(ts, &f);
    assert_int_equal(ys_findings_count(&f, YS_SEV_ERROR), 0);
    ys_findings_free(&f);
    row(ts, t7, "", "", 0, YS_ROW_ITEM, NULL, 30, "1.50|||||1.50");
    run(ts, &f);
    assert_int_equal(count(&f, "N.none.three_public", YS_SEV_ERROR), 1);
    const ys_finding *e = find(&f, "N.none.three_public");
    assert_true(has_line(e, 30) && has_line(e, 60));
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

/* Table 10 with two categories, and the project forms and table 11. */
static ys_tableset *projects(const char *form_budget)
{
    ys_tableset *ts = ys_tableset_new();
    ys_table *t = tab(ts, "10", "total,year.gpb,year.gov_fund,year.soe,carry.gpb,carry.gov_fund,carry.soe,special_acct,unit_funds");
    row(ts, t, "", "合计", 0, YS_ROW_TOTAL, NULL, 10, "100.00|100.00");
    row(ts, t, "014", "某局", 1, YS_ROW_GROUP, NULL, 11, "100.00|100.00");
    row(ts, t, "014001", "某局本级", 2, YS_ROW_GROUP, NULL, 12, "100.00|100.00");
    row(ts, t, "22", "其他运转类", 3, YS_ROW_GROUP, NULL, 13, "20.00|20.00");
    row(ts, t, "P1", "食堂场所租赁", 4, YS_ROW_ITEM, NULL, 14, "20.00|20.00");
    row(ts, t, "31", "本级支出项目", 3, YS_ROW_GROUP, NULL, 15, "80.00|80.00");
    row(ts, t, "P2", "行政审批工作项目经费", 4, YS_ROW_ITEM, NULL, 16, "80.00|80.00");
    ys_table *f1 = tab(ts, "12:行政审批工作经费（一级）", "amount,qty");
    keyed(ts, f1, "budget.year", "", 40, form_budget);
    keyed(ts, f1, "detail.total", "", 41, form_budget);
    keyed(ts, f1, "detail.item", "", 42, "60.00");
    keyed(ts, f1, "detail.item", "", 43, "20.00");
    ys_table *f2 = tab(ts, "12:办公用房租赁费（一级）", "amount,qty");
    keyed(ts, f2, "budget.year", "", 50, "20.00");
    ys_table *t11 = tab(ts, "11", "amount,share,prior2,prior1");
    row(ts, t11, "", "人员类", 0, YS_ROW_ITEM, "out.personnel", 70, "30.00|30.00%");
    row(ts, t11, "", "运转类", 0, YS_ROW_ITEM, "out.operating", 71, "30.00|30.00%");
    row(ts, t11, "", "特定目标类", 0, YS_ROW_ITEM, "out.special", 72, "80.00|40.00%");
    row(ts, t11, "", "合计", 0, YS_ROW_ITEM, "out.total", 73, "140.00|100%");
    ys_table *t51 = tab(ts, "5-1", "total,basic,personnel,public,project");
    row(ts, t51, "", "合计", 0, YS_ROW_TOTAL, NULL, 80, "140.00|60.00|30.00|10.00|80.00");
    return ts;
}

static void projects_across_tables(void **st)
{
    (void)st;
    ys_tableset *ts = projects("80.00");
    ys_findings f;
    run(ts, &f);
    /* 运转类 30 = 公用经费 10 + the 运转类 project 20; 特定目标类 80 = the
     * other project; the rent form matches table 10 only by amount */
    assert_int_equal(count(&f, "X.T11.operating", YS_SEV_ERROR), 0);
    assert_int_equal(count(&f, "X.T11.special", YS_SEV_ERROR), 0);
    assert_int_equal(count(&f, "T10.group", YS_SEV_ERROR), 0);
    assert_int_equal(count(&f, "X.T12-T10", YS_SEV_ERROR), 0);
    assert_int_equal(count(&f, "X.T12-T10", YS_SEV_WARNING), 1);
    assert_true(has_line(find(&f, "X.T12-T10"), 14));
    /* 30/140 = 21.43 %, not 30 %; 80/140 = 57.14 %, not 40 % */
    assert_int_equal(count(&f, "T11.share", YS_SEV_ERROR), 3);
    ys_findings_free(&f);
    ys_tableset_free(ts);

    /* the form says 80.50: its details no longer add up, and table 10 differs */
    ts = projects("80.50");
    run(ts, &f);
    assert_int_equal(count(&f, "T12.detail", YS_SEV_ERROR), 1);
    assert_int_equal(count(&f, "X.T12-T10", YS_SEV_ERROR), 1);
    const ys_finding *e = find_sev(&f, "X.T12-T10", YS_SEV_ERROR);
    assert_true(has_line(e, 40) && has_line(e, 16));
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

static void group_sums_of_table10(void **st)
{
    (void)st;
    ys_tableset *ts = projects("80.00");
    ys_table *t = ys_tableset_find(ts, "10");
    t->rows[4].cells[0].v.fen += 50000; /* 食堂场所租赁 20.05 */
    ys_findings f;
    run(ts, &f);
    assert_int_equal(count(&f, "T10.group", YS_SEV_ERROR), 1);   /* 其他运转类 */
    assert_int_equal(count(&f, "T10.row", YS_SEV_ERROR), 1);     /* 20.05 ≠ 20.00 */
    assert_true(has_line(find(&f, "T10.group"), 13) && has_line(find(&f, "T10.group"), 14));
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

static void names_of_codes_and_department(void **st)
{
    (void)st;
    ys_tableset *ts = table3("816.90");
    ys_table *t = ys_tableset_find(ts, "3");
    t->rows[2].name = "政府办公厅（室）及相关机构运行";   /* 20103's name is …事务 */
    row(ts, t, "2999999", "虚构科目", 3, YS_ROW_ITEM, NULL, 16, "");
    ts->department = "示例局（示例中心）";
    ys_tableset_add_mention(ts, "示例局（示例中心）本级", 1);
    ys_tableset_add_mention(ts, "示例局（示例服务中心）", 2);
    ys_tableset_add_mention(ts, "示例局(示例服务中心)", 7);
    ys_table *t51 = tab(ts, "5-1", "total,basic,personnel,public,project");
    row(ts, t51, "20103", "政府办公厅(室)及相关机构事务", 2, YS_ROW_ITEM, NULL, 30, "");
    ys_findings f;
    run(ts, &f);
    assert_int_equal(count(&f, "T3.names", YS_SEV_WARNING), 2);
    /* the same code named differently in tables 3 and 5-1 (full-width
     * brackets do not count as a difference) */
    assert_int_equal(count(&f, "X.names", YS_SEV_WARNING), 1);
    assert_true(has_line(find(&f, "X.names"), 12) && has_line(find(&f, "X.names"), 30));
    assert_int_equal(count(&f, "T5-1.names", YS_SEV_WARNING), 0);
    assert_int_equal(count(&f, "X.dept", YS_SEV_WARNING), 1);
    const ys_finding *d = find(&f, "X.dept");
    assert_int_equal(d->nlines, 2);
    assert_true(has_line(d, 2) && has_line(d, 7));
    ys_findings_free(&f);
    ys_tableset_free(ts);
}

static void report_text_and_json(void **st)
{
    (void)st;
    ys_findings f;
    ys_findings_init(&f);
    int lines[] = {22, 7, 22};
    assert_non_null(ys_findings_add(&f, YS_SEV_ERROR, "T1.out", "1", lines, 3, "2,877.95",
                                    "2,877.94", "表1 “合计”\n不符 \\ %s", "x"));
    assert_non_null(ys_findings_add(&f, YS_SEV_NOTE, "X.dept", "", NULL, 0, "", "", "无行号"));
    ys_buf b = {0};
    assert_int_equal(ys_report_text(&b, "a.txt", &f), YS_OK);
    ys_buf_put(&b, "", 1);
    assert_string_equal(b.p, "a.txt:7: error[T1.out]: 表1 “合计”\n不符 \\ x\n"
                             "a.txt: note[X.dept]: 无行号\n");
    ys_buf_free(&b);
    assert_int_equal(ys_report_summary(&b, "a.txt", &f), YS_OK);
    ys_buf_put(&b, "", 1);
    assert_string_equal(b.p, "a.txt: 1 个错误, 0 个警告, 1 个提示\n");
    ys_buf_free(&b);

    ys_tableset *ts = ys_tableset_new();
    ts->department = "某\"局\"";
    ts->year = 2026;
    ys_table *t = tab(ts, "1", "amount");
    keyed(ts, t, "in.gpb", "", 20, "1.00");
    assert_int_equal(ys_report_json(&b, "a\"b.txt", ts, &f), YS_OK);
    ys_buf_put(&b, "", 1);
    /* quotes, backslashes and newlines escaped; lines sorted and unique */
    assert_non_null(strstr(b.p, "\"file\": \"a\\\"b.txt\""));
    assert_non_null(strstr(b.p, "\"department\": \"某\\\"局\\\"\""));
    assert_non_null(strstr(b.p, "\"year\": 2026"));
    assert_non_null(strstr(b.p, "{\"id\": \"1\", \"title\": \"1\", \"first_line\": 20, \"last_line\": 20}"));
    assert_non_null(strstr(b.p, "\"lines\": [7, 22]"));
    assert_non_null(strstr(b.p, "\"message\": \"表1 “合计”\\n不符 \\\\ x\""));
    assert_non_null(strstr(b.p, "\"expected\": \"2,877.95\", \"actual\": \"2,877.94\""));
    assert_non_null(strstr(b.p, "\"lines\": []"));
    ys_buf_free(&b);
    ys_tableset_free(ts);
    ys_findings_free(&f);
}

static void expressions(void **st)
{
    (void)st;
    ys_tableset *ts = table1("83.88");
    ys_side s;
    /* four classes add up to 2877.95, with four ulps of 0.01 */
    ys_side_init(&s);
    assert_int_equal(ys_expr_sum(ts, "1:amount@key=out.class", NULL, &s), 4);
    assert_int_equal(s.fen, 287795 * 10000LL);
    assert_int_equal(s.ulp, 4 * 10000);
    assert_int_equal(s.nlines, 4);
    /* several references add up; a code picks one row */
    ys_side_init(&s);
    assert_int_equal(ys_expr_sum(ts, "1:amount@code=210 + 1:amount@code=$", "221", &s), 2);
    assert_int_equal(s.fen, (8388 + 14819) * 10000LL);
    /* malformed or absent: -1, never a crash */
    const char *bad[] = {"", "1", "1:amount", "1:amount@", "1:amount@nope", "9:amount@total",
                         "1:nocol@total", "1:amount@key=in.gpb&bogus", ":@", "@:"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ys_side_init(&s);
        assert_true(ys_expr_sum(ts, bad[i], NULL, &s) <= 0);
    }
    ys_tableset_free(ts);
}

/* The label and list helpers made without snprintf keep its results. */
static void labels_and_lists(void **st)
{
    (void)st;
    assert_true(ys_in_list("a.total|a.goods|a.works", "a.goods"));
    assert_true(ys_in_list("a.total", "a.total"));
    assert_false(ys_in_list("a.total|a.goods", "a.good"));
    assert_false(ys_in_list("a.total|a.goods", "goods"));
    assert_false(ys_in_list(NULL, "a.total"));
    assert_true(ys_in_list("a||b", ""));
    char b[64];
    assert_string_equal(ys_table_label("12:某项目", b, sizeof b), "项目表《某项目》");
    assert_string_equal(ys_table_label("5-1", b, sizeof b), "表5-1");
    assert_string_equal(ys_table_label("11.projects", b, sizeof b), "表11项目清单");
    char small[8];   /* cut byte-wise, as snprintf cuts: 7 bytes of "项目表" */
    assert_string_equal(ys_table_label("12:某项目", small, sizeof small), "\xe9\xa1\xb9\xe7\x9b\xae\xe8");
    ys_scopy(small, sizeof small, "0123456789", (size_t)-1);
    assert_string_equal(small, "0123456");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(clean_table_has_no_findings),
        cmocka_unit_test(wrong_cell_gives_row_and_tree_errors),
        cmocka_unit_test(residue_within_rounding_is_a_note),
        cmocka_unit_test(one_ulp_between_tables_is_a_warning),
        cmocka_unit_test(rate_and_share_intervals),
        cmocka_unit_test(verdicts),
        cmocka_unit_test(yuan_figures_are_reported_in_yuan),
        cmocka_unit_test(narrative_claims_against_cells),
        cmocka_unit_test(narrative_rates_and_shares),
        cmocka_unit_test(none_statement_against_table),
        cmocka_unit_test(projects_across_tables),
        cmocka_unit_test(group_sums_of_table10),
        cmocka_unit_test(names_of_codes_and_department),
        cmocka_unit_test(report_text_and_json),
        cmocka_unit_test(expressions),
        cmocka_unit_test(labels_and_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
