/* Unit tests: lib/narrative*.c on hand-written text — project-form
 * sentences, full-width digits, other wordings, text that needs no claim,
 * codes from the tables in the set, whole part-3 pieces read line by line.
 * Every expected figure is worked out by hand here. */
#include <stdbool.h>

#include "testutil.h"
#include "yusuan/doc.h"
#include "yusuan/tableset.h"
#include "recognize_internal.h"

static const ys_claim *claim_at(const ys_tableset *ts, int line, const char *key)
{
    for (size_t i = 0; i < ts->nclaims; i++)
        if (ts->claims[i].line == line && ts->claims[i].key &&
            strcmp(ts->claims[i].key, key) == 0)
            return &ts->claims[i];
    return NULL;
}

static ys_tableset *text_claims(const char *text, int section, const char *scope, int *n)
{
    ys_tableset *ts = ys_tableset_new();
    assert_non_null(ts);
    *n = ys_claims_from_text(ts, text, 42, section, scope);
    return ts;
}

/* Claim i of ts has this key, year and amount (分). */
static void expect(const ys_tableset *ts, size_t i, const char *key, int year, int64_t fen)
{
    assert_true(i < ts->nclaims);
    assert_string_equal(ts->claims[i].key, key);
    assert_int_equal(ts->claims[i].year, year);
    assert_int_equal(ts->claims[i].amount.fen, fen);
}

static void form_texts(void **state)
{
    (void)state;
    int n;
    ys_tableset *ts = text_claims(
        "<p>1. 前两年预算安排情况：2024年308.81万，2025年264万。</p> <p>2. "
        "当年预算变动情况及理由：2026年预算268.47万，与2025年基本持平。</p>",
        0, "12:行政审批工作经费", &n);
    assert_int_equal(n, 3);
    expect(ts, 0, "form.prior", 2024, 30881 * 10000LL);
    expect(ts, 1, "form.prior", 2025, 264 * YS_FEN_PER_WAN);
    expect(ts, 2, "form.year", 2026, 26847 * 10000LL);
    assert_string_equal(ts->claims[2].scope, "12:行政审批工作经费");
    assert_int_equal(ts->claims[2].line, 42);
    assert_int_equal(ts->claims[2].section, 0);
    ys_tableset_free(ts);

    ts = text_claims("2026年预算为762.85万，比2025年减少181.14万，根据合同约定，减少"
                     "政务外包服务费、24小时自助服务终端租赁费等支出。",
                     0, "12:x", &n);
    assert_int_equal(n, 1);
    expect(ts, 0, "form.year", 2026, 76285 * 10000LL);
    assert_int_equal(ts->claims[0].change.fen, -18114 * 10000LL);
    ys_tableset_free(ts);

    /* one figure for two years */
    ts = text_claims("2024年和2025年预算均为26万元，均报在专项公用经费。根据2026年预算"
                     "编制要求，本项费用报在项目经费。", 0, "12:y", &n);
    assert_int_equal(n, 2);
    expect(ts, 0, "form.prior", 2024, 26 * YS_FEN_PER_WAN);
    expect(ts, 1, "form.prior", 2025, 26 * YS_FEN_PER_WAN);
    ys_tableset_free(ts);

    /* the budget year unknown and not written: 前两年 says prior */
    ts = text_claims("1. 前两年预算安排情况：2024年预算936.21万，2025年预算943.99万。", 0, "12:w", &n);
    assert_int_equal(n, 2);
    expect(ts, 1, "form.prior", 2025, 94399 * 10000LL);
    ys_tableset_free(ts);

    ts = text_claims("1. 前两年预算安排情况：无预算 2. 当年预算变动情况及理由：2026年预算17.8万", 0,
                     "12:v", &n);
    assert_int_equal(n, 1);
    expect(ts, 0, "form.year", 2026, 178 * 100000LL);
    ys_tableset_free(ts);

    /* no figure: no claim */
    ts = text_claims("1. 前两年预算安排情况：无预算 2. 当年预算变动情况及理由："
                     "上级政策文件要求，区级开展相关工作需要新增此项目。", 0, "12:z", &n);
    assert_int_equal(n, 0);
    ys_tableset_free(ts);
}

static void full_width_and_increase(void **state)
{
    (void)state;
    int n;
    ys_tableset *ts = text_claims("２０２６年收支总预算１２３．４５万元，比２０２５年增加３．４５万元，"
                                  "增长２．８７％。", 1, NULL, &n);
    assert_int_equal(n, 1);
    expect(ts, 0, "total.budget", 2026, 12345 * 10000LL);
    const ys_claim *c = &ts->claims[0];
    assert_int_equal(c->change.fen, 345 * 10000LL);
    assert_int_equal(c->rate.fen, 28700);
    assert_null(c->scope);
    ys_tableset_free(ts);

    ts = text_claims("2026 年收入预算 50 万元。其中：一般公共预算拨款本年收入 50 万元，占 100%。",
                     2, NULL, &n);
    assert_int_equal(n, 2);
    assert_string_equal(ts->claims[1].key, "in.gpb");
    assert_int_equal(ts->claims[1].share.fen, 1000000);
    ys_tableset_free(ts);

    /* a prior-year figure stated, and a figure in 元 */
    ts = text_claims("2026年机关运行经费12万元，比2025年预算数15万元减少3万元，下降20%；"
                     "其中水费500元。", 11, NULL, &n);
    assert_int_equal(n, 2);
    assert_string_equal(ts->claims[0].key, "admin_cost");
    assert_int_equal(ts->claims[0].prior.fen, 15 * YS_FEN_PER_WAN);
    assert_int_equal(ts->claims[0].change.fen, -3 * YS_FEN_PER_WAN);
    assert_int_equal(ts->claims[0].rate.fen, -20 * YS_PCT_ONE);
    assert_int_equal(ts->claims[1].amount.fen, 500 * YS_FEN_PER_YUAN);
    ys_tableset_free(ts);
}

/* Other ways of writing change, rate, prior and "none". */
static void wordings(void **state)
{
    (void)state;
    int n;
    ys_tableset *ts = text_claims("机关运行经费 8 万元，上年预算 10 万元，同比减少了 2 万元，降幅 20%。",
                                  11, NULL, &n);
    assert_int_equal(n, 1);
    assert_int_equal(ts->claims[0].prior.fen, 10 * YS_FEN_PER_WAN);
    assert_int_equal(ts->claims[0].change.fen, -2 * YS_FEN_PER_WAN);
    assert_int_equal(ts->claims[0].rate.fen, -20 * YS_PCT_ONE);
    ys_tableset_free(ts);

    ts = text_claims("同级财政拨款 5 万元，同比增长率为 3%，与 2025 年预算 4.85 万元相比增加 0.15 万元。",
                     11, NULL, &n);
    assert_int_equal(n, 1);
    assert_string_equal(ts->claims[0].subject, "同级财政拨款");
    assert_int_equal(ts->claims[0].rate.fen, 3 * YS_PCT_ONE);
    assert_int_equal(ts->claims[0].prior.fen, 485 * 10000LL);
    assert_int_equal(ts->claims[0].change.fen, 15 * 10000LL);
    ys_tableset_free(ts);

    ts = text_claims("本部门2026年无政府性基金预算拨款安排的支出。", 8, NULL, &n);
    assert_int_equal(n, 1);
    assert_int_equal(ts->claims[0].kind, YS_CLAIM_NONE);
    assert_string_equal(ts->claims[0].key, "none.gov_fund");
    assert_int_equal(ts->claims[0].year, 2026);
    ys_tableset_free(ts);

    /* "无" after its topic is not a statement of none */
    ts = text_claims("“三公”经费支出口径无变化。", 7, NULL, &n);
    assert_int_equal(n, 0);
    ys_tableset_free(ts);

    /* a change with its figure missing */
    ts = text_claims("2026年机关运行经费 8 万元，比 2025 年减少万元，下降 20%。", 11, NULL, &n);
    assert_int_equal(n, 2);
    assert_int_equal(ts->claims[1].kind, YS_CLAIM_MISSING);
    assert_string_equal(ts->claims[1].key, "admin_cost");
    assert_int_equal(ts->claims[0].rate.fen, -20 * YS_PCT_ONE);
    ys_tableset_free(ts);

    /* 上年结转 is a subject, not a prior figure */
    ts = text_claims("2026年一般公共预算财政拨款支出预算 30 万元，其中：本年预算 20 万元，"
                     "上年结转 10 万元。", 5, NULL, &n);
    assert_int_equal(n, 3);
    assert_string_equal(ts->claims[2].key, "gpb.carry");
    assert_int_equal(ts->claims[2].amount.fen, 10 * YS_FEN_PER_WAN);
    ys_tableset_free(ts);
}

static void no_figure_no_claim(void **state)
{
    (void)state;
    const char *texts[] = {
        "按照综合预算的原则，所有收入和支出均纳入部门预算管理。",
        "主要是减少 24 小时天自助服务终端租赁费及政务外包服务费。",
        "截至 2025 年 12 月 31 日，部门共有车辆 0 辆。",
        "单位：万元",
        "设置了部门整体支出绩效目标、5 个一级项目支出绩效目标。",
    };
    for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
        int n;
        ys_tableset *ts = text_claims(texts[i], 11, NULL, &n);
        assert_int_equal(n, 0);
        assert_int_equal(ts->nclaims, 0);
        ys_tableset_free(ts);
    }
}

/* Codes come from the tables in the set first: a 项 the code list does
 * not know, an economic 款, a project code of table 10. */
static void codes_from_tables(void **state)
{
    (void)state;
    ys_tableset *ts = ys_tableset_new();
    const char *cols[] = {"total"};
    ys_table *t = ys_tableset_add(ts, "5-1", "", cols, 1);
    ys_table_add_row(ts, t, "201", "一般公共服务支出", 1)->level = 1;
    ys_table_add_row(ts, t, "20103", "政府办公厅（室）及相关机构事务", 2)->level = 2;
    ys_table_add_row(ts, t, "2010399", "其他政府办公厅（室） 及相关机构事务支出", 3)->level = 3;
    ys_table *p = ys_tableset_add(ts, "10", "", cols, 1);
    ys_table_add_row(ts, p, "P0001", "窗口服务项目", 4)->level = 4;
    int n = ys_claims_from_text(ts,
        "1. 一般公共服务支出（类）政府办公厅（室）及相关机构事务（款）"
        "其他政府办公厅(室)及相关机构事务支出（项） 12.5 万元，比 2025 年增加 2.5 万元，增长 25%。",
        10, 5, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(ts->claims[0].key, "gpb.func");
    assert_string_equal(ts->claims[0].code, "2010399");
    assert_int_equal(ts->claims[0].rate.fen, 25 * YS_PCT_ONE);
    n = ys_claims_from_text(ts, "支出包括：卫生健康支出（类）1.5 万元。", 10, 4, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(ts->claims[1].key, "fiscal.out.class");
    assert_string_equal(ts->claims[1].code, "210");
    n = ys_claims_from_text(ts, "2. 窗口服务项目 3 万元，主要用于窗口服务。", 11, 10, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(ts->claims[2].key, "project");
    assert_string_equal(ts->claims[2].code, "P0001");
    n = ys_claims_from_text(ts, "(1) 其他商品和服务支出 4 万元。", 12, 6, NULL);
    assert_int_equal(n, 1);
    assert_string_equal(ts->claims[3].key, "basic.econ");
    assert_string_equal(ts->claims[3].code, "30299");
    ys_tableset_free(ts);
}

/* A whole part 3 written by hand: headings, sub-headings, a broken line,
 * a blank figure, the NONE sentences. */
static void part3_by_hand(void **state)
{
    (void)state;
    const char *src =
        "第三部分 某单位2026年部门预算情况说明\n"
        "四、财政拨款收支预算总体情况\n"
        "2026 年财政拨款收支总预算万元。\n"
        "七、一般公共预算“三公”经费支出安排情况\n"
        "2026年没有一般公共预算“三公”经费支出安排。\n"
        "十、项目支出安排情况\n"
        "1. 甲项目 5 万元，主要用于\n"
        "\n"
        "乙事务。\n"
        "十一、其他重要事项的情况说明\n"
        "（二）、政府采购预算情况\n"
        "2026 年政府采购预算支出合计 9 万元。\n"
        "其中：货物类 4 万元，服务类 5 万元。\n";
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_mem("hand.txt", (const unsigned char *)src, strlen(src),
                                     &d, &err), YS_OK);
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_narrative_read(d, 0, d->nlines, ts, &err), YS_OK);
    assert_int_equal(ts->nclaims, 6);
    const ys_claim *c = claim_at(ts, 3, "fiscal.total");
    assert_non_null(c);
    assert_int_equal(c->kind, YS_CLAIM_MISSING);
    c = claim_at(ts, 5, "none.three_public");
    assert_non_null(c);
    assert_int_equal(c->section, 7);
    c = claim_at(ts, 7, "project");
    assert_non_null(c);
    assert_string_equal(c->subject, "甲项目");
    assert_non_null(strstr(c->text, "乙事务"));
    c = claim_at(ts, 13, "procurement.goods");
    assert_non_null(c);
    assert_int_equal(c->section, 11);
    assert_non_null(claim_at(ts, 13, "procurement.services"));
    assert_non_null(claim_at(ts, 12, "procurement.total"));
    /* paragraphs as written, broken line joined; sub-headings kept */
    bool joined = false, sub = false;
    for (size_t i = 0; i < ts->nparas; i++) {
        const ys_para *p = &ts->paras[i];
        assert_int_equal(p->part, 3);
        if (strcmp(p->text, "1. 甲项目 5 万元，主要用于乙事务。") == 0) {
            joined = true;
            assert_int_equal(p->line, 7);
            assert_int_equal(p->section, 10);
            assert_string_equal(p->heading, "十、项目支出安排情况");
        }
        if (strcmp(p->text, "（二）、政府采购预算情况") == 0)
            sub = p->section == 11;
    }
    assert_true(joined);
    assert_true(sub);
    ys_tableset_free(ts);
    ys_doc_free(d);
}

/* Sections known by their heading's words when numbered otherwise;
 * quoted subjects; prose under no heading. */
static void other_layouts(void **state)
{
    (void)state;
    const char *src =
        "    2025年，本单位财政拨款支出主要内容如下：\n"
        "    1.“一般公共服务支出（类）财政事务（款）行政运行（项）”1,623.18万\n"
        "元，主要用于基本支出。\n"
        "一、2025年“三公”经费预算情况说明\n"
        "   2025年“三公”经费预算数为0.95万元，与2024年预算持平。其中：\n"
        "   （一）因公出国（境）费0万元，与2024年预算持平。\n"
        "三、政府采购预算情况\n"
        "   2025年度本单位政府采购预算117.00万元，其中：政府采购货物预算17.00万元。\n";
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_mem("other.txt", (const unsigned char *)src, strlen(src),
                                     &d, &err), YS_OK);
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_narrative_read(d, 0, d->nlines, ts, &err), YS_OK);
    const ys_claim *c = claim_at(ts, 2, "gpb.func");
    assert_non_null(c);
    assert_int_equal(c->section, 0);
    assert_string_equal(c->code, "2010601");        /* 财政事务 行政运行 */
    assert_int_equal(c->amount.fen, 162318 * 10000LL);
    c = claim_at(ts, 5, "three_public.total");
    assert_non_null(c);
    assert_int_equal(c->section, 1);                  /* as numbered */
    assert_int_equal(c->amount.fen, 95 * 10000LL);
    assert_non_null(claim_at(ts, 6, "three_public.abroad"));
    c = claim_at(ts, 8, "procurement.goods");
    assert_non_null(c);
    assert_int_equal(c->section, 3);
    assert_non_null(claim_at(ts, 8, "procurement.total"));
    ys_tableset_free(ts);
    ys_doc_free(d);
}

/* The Shanghai layout by hand: un-numbered part headings give the topic
 * (编制说明 → income and spending keys; 项目经费情况说明 → projects, even
 * under "六、年度预算安排"); a heading glued after 。 still opens its
 * section; a % with no number after 增长 or 占 is a MISSING claim. */
static void shanghai_parts(void **state)
{
    (void)state;
    const char *src =
        "                2025年单位预算编制说明\n"                          /* 1 */
        "  2025年，本单位收入预算200万元，其中：财政拨款收入200万元，比2024年预算增加\n"
        "10万元；事业收入0万元。\n"                                          /* 3 */
        "  支出预算200万元，其中：财政拨款支出预算200万元。政府性基金拨款支出预算为0。\n"
        "                其他相关情况说明\n"                                 /* 5 */
        "一、绩效目标设置情况\n"
        "  编报绩效目标的项目共1个，涉及项目预算资金8.00万元。五、国有资产占有使用情况\n"
        "  本部门流动资产3.00万元；单价100万元（含）以上设备0台（套）。\n"  /* 8 */
        "                项目经费情况说明\n"
        "六、年度预算安排\n"                                                 /* 10 */
        "  第一季度用款计划2.00万元，第二季度用款计划6.00万元。\n"
        "  一般公共预算拨款收入50万元，比上年增长%，占%。\n";             /* 12 */
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_mem("sh.txt", (const unsigned char *)src, strlen(src), &d,
                                     &err), YS_OK);
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_narrative_read(d, 0, d->nlines, ts, &err), YS_OK);
    const ys_claim *c = claim_at(ts, 2, "in.total");
    assert_non_null(c);
    assert_int_equal(c->amount.fen, 200 * YS_FEN_PER_WAN);
    c = claim_at(ts, 2, "in.fiscal");
    assert_non_null(c);
    assert_int_equal(c->change.fen, 10 * YS_FEN_PER_WAN);
    assert_non_null(claim_at(ts, ts->claims[1].line, "in.business"));  /* 2 or 3: joined */
    assert_non_null(claim_at(ts, 4, "out.total"));
    assert_non_null(claim_at(ts, 4, "out.fiscal"));
    c = claim_at(ts, 4, "gov_fund.total");
    assert_non_null(c);
    assert_true(c->amount.present);
    assert_int_equal(c->amount.fen, 0);
    assert_non_null(claim_at(ts, 7, "perf.total"));
    c = claim_at(ts, 8, "assets.current");                /* 五、 opened its section */
    assert_non_null(c);
    assert_int_equal(c->section, 5);
    assert_int_equal(c->amount.fen, 3 * YS_FEN_PER_WAN);
    for (size_t i = 0; i < ts->nclaims; i++)             /* 单价…以上 is a bound */
        assert_false(ts->claims[i].line == 8 && ts->claims[i].amount.fen == 100 * YS_FEN_PER_WAN);
    c = claim_at(ts, 11, "project.plan");
    assert_non_null(c);
    assert_int_equal(c->amount.fen, 2 * YS_FEN_PER_WAN);
    /* the last line is under 项目经费 (no 收入 keys): its subject has no key,
     * but the two gaps are MISSING claims of that figure */
    int missing = 0;
    for (size_t i = 0; i < ts->nclaims; i++)
        if (ts->claims[i].line == 12 && ts->claims[i].kind == YS_CLAIM_MISSING)
            missing++;
    assert_int_equal(missing, 2);
    ys_tableset_free(ts);
    ys_doc_free(d);

    int n;
    ts = text_claims("一般公共预算拨款收入50万元，比上年增长%，占%。", 2, NULL, &n);
    assert_int_equal(n, 3);
    expect(ts, 0, "in.gpb", 0, 50 * YS_FEN_PER_WAN);
    assert_int_equal(ts->claims[1].kind, YS_CLAIM_MISSING);
    assert_string_equal(ts->claims[1].key, "in.gpb");
    assert_int_equal(ts->claims[2].kind, YS_CLAIM_MISSING);
    assert_string_equal(ts->claims[2].key, "in.gpb");
    assert_false(ts->claims[0].rate.present);
    ys_tableset_free(ts);
}

/* A line far longer than any buffer: the figure at its end still counts. */
static void long_line(void **state)
{
    (void)state;
    size_t cap = 64 * 1024, n = 0;
    char *src = malloc(cap);
    assert_non_null(src);
    n += (size_t)snprintf(src + n, cap - n, "十、项目支出安排情况\n1. ");
    while (n + 64 < cap - 256)
        n += (size_t)snprintf(src + n, cap - n, "很长的说明，");
    n += (size_t)snprintf(src + n, cap - n, "丙项目 9 万元。\n");
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_mem("long.txt", (const unsigned char *)src, n, &d, &err), YS_OK);
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_narrative_read(d, 0, d->nlines, ts, &err), YS_OK);
    const ys_claim *c = claim_at(ts, 2, "project");
    assert_non_null(c);
    assert_string_equal(c->subject, "丙项目");
    assert_int_equal(c->amount.fen, 9 * YS_FEN_PER_WAN);
    ys_tableset_free(ts);
    ys_doc_free(d);
    free(src);
}

int main(void)
{
    const struct CMUnitTest hand[] = {
        cmocka_unit_test(form_texts),
        cmocka_unit_test(full_width_and_increase),
        cmocka_unit_test(wordings),
        cmocka_unit_test(no_figure_no_claim),
        cmocka_unit_test(codes_from_tables),
        cmocka_unit_test(part3_by_hand),
        cmocka_unit_test(other_layouts),
        cmocka_unit_test(long_line),
        cmocka_unit_test(shanghai_parts),
    };
    return cmocka_run_group_tests(hand, NULL, NULL);
}
