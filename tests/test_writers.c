/*
 * test_writers.c — a small but complete department built by hand (tables
 * 1–12, an empty table 7 with its note, paragraphs of parts 1, 3, 4) through
 * every writer.  Expected lines and figures are worked out here from the
 * hand-entered 分 values, never copied from the writers' output.
 *
 * With YS_WRITERS_OUT=DIR set, the first test also writes every format of
 * the sample into DIR (base name "sample") for the e2e scripts.
 */
#include "testutil.h"

#include <inttypes.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yusuan/audit.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/writer.h"

#define WAN_CENT 10000LL /* 0.01 万元 in 分 */
#define PROJECT "业务工作经费, 含\"专项\"|A"

static ys_amount W(int64_t cents_of_wan) { return ys_amount_exact(cents_of_wan * WAN_CENT); }

static ys_row *row(ys_tableset *ts, ys_table *t, const char *code, const char *name,
                   const char *key, int level, ys_row_kind kind)
{
    ys_row *r = ys_table_add_row(ts, t, code, name, 0);
    assert_non_null(r);
    r->key = key ? ys_ts_str(ts, key, (size_t)-1) : NULL;
    r->level = level;
    r->kind = kind;
    return r;
}

/* Set the first n cells of r to the given 0.01 万元 figures; -1 = blank. */
static void figs(ys_row *r, int n, const int64_t *v)
{
    for (int i = 0; i < n; i++)
        if (v[i] >= 0)
            r->cells[i].v = W(v[i]);
}
#define FIGS(r, ...)                                                   \
    do {                                                               \
        const int64_t v_[] = {__VA_ARGS__};                            \
        figs((r), (int)(sizeof v_ / sizeof v_[0]), v_);                \
    } while (0)

static ys_table *table(ys_tableset *ts, const char *id, const char *title,
                       const char *const *cols, int n)
{
    ys_table *t = ys_tableset_add(ts, id, title, cols, n);
    assert_non_null(t);
    return t;
}

static void two_sided(ys_tableset *ts, bool t1)
{
    static const char *const c[] = {"amount"};
    ys_table *t = table(ts, t1 ? "1" : "4", t1 ? "部门收支总表" : "财政拨款收支总表", c, 1);
    if (!t1)
        FIGS(row(ts, t, "", "一、本年收入", "in.year_total", 0, YS_ROW_TOTAL), 50000);
    FIGS(row(ts, t, "", "一般公共预算拨款收入", "in.gpb", 0, YS_ROW_ITEM), 50000);
    row(ts, t, "", "政府性基金预算拨款收入", "in.gov_fund", 0, YS_ROW_ITEM);
    if (!t1)
        FIGS(row(ts, t, "", "一、本年支出", "out.year_total", 0, YS_ROW_TOTAL), 50000);
    FIGS(row(ts, t, "201", "一般公共服务支出", "out.class", 1, YS_ROW_ITEM), 41987);
    row(ts, t, "202", "外交支出", "out.class", 1, YS_ROW_ITEM);
    FIGS(row(ts, t, "208", "社会保障和就业支出", "out.class", 1, YS_ROW_ITEM), 5000);
    FIGS(row(ts, t, "221", "住房保障支出", "out.class", 1, YS_ROW_ITEM), 3013);
    if (t1) {
        FIGS(row(ts, t, "", "本年收入合计", "in.year_total", 0, YS_ROW_TOTAL), 50000);
        FIGS(row(ts, t, "", "本年支出合计", "out.year_total", 0, YS_ROW_TOTAL), 50000);
        row(ts, t, "", "上年结转结余", "in.carry_total", 0, YS_ROW_TOTAL);
        row(ts, t, "", "年终结转结余", "out.carry_forward", 0, YS_ROW_TOTAL);
    }
    FIGS(row(ts, t, "", "收入总计", "in.grand_total", 0, YS_ROW_TOTAL), 50000);
    FIGS(row(ts, t, "", "支出总计", "out.grand_total", 0, YS_ROW_TOTAL), 50000);
}

static void function_table(ys_tableset *ts, const char *id, const char *const *cols, int n,
                           bool t3)
{
    ys_table *t = table(ts, id, id, cols, n);
    /* code, name, level, total, basic, personnel, public, project (0.01 万元) */
    static const struct { const char *code, *name; int level; int64_t v[5]; } R[] = {
        {"", "合计", 0, {50000, 30000, 23013, 6987, 20000}},
        {"201", "一般公共服务支出", 1, {41987, 21987, 15000, 6987, 20000}},
        {"20103", "政府办公厅（室）及相关机构事务", 2, {41987, 21987, 15000, 6987, 20000}},
        {"2010301", "行政运行", 3, {21987, 21987, 15000, 6987, -1}},
        {"2010302", "一般行政管理事务", 3, {20000, -1, -1, -1, 20000}},
        {"208", "社会保障和就业支出", 1, {5000, 5000, 5000, -1, -1}},
        {"20805", "行政事业单位养老支出", 2, {5000, 5000, 5000, -1, -1}},
        {"2080505", "机关事业单位基本养老保险缴费支出", 3, {5000, 5000, 5000, -1, -1}},
        {"221", "住房保障支出", 1, {3013, 3013, 3013, -1, -1}},
        {"22102", "住房改革支出", 2, {3013, 3013, 3013, -1, -1}},
        {"2210201", "住房公积金", 3, {3013, 3013, 3013, -1, -1}},
    };
    for (size_t i = 0; i < sizeof R / sizeof R[0]; i++) {
        ys_row *r = row(ts, t, R[i].code, R[i].name, NULL, R[i].level,
                        i ? YS_ROW_ITEM : YS_ROW_TOTAL);
        if (t3) /* total basic project */
            FIGS(r, R[i].v[0], R[i].v[1], R[i].v[4]);
        else
            figs(r, 5, R[i].v);
    }
}

static void forms(ys_tableset *ts, const char *project)
{
    static const char *const c11[] = {"amount", "share", "prior2", "prior1"};
    ys_table *t = table(ts, "11", "部门整体支出绩效目标申报表", c11, 4);
    ys_row *r = row(ts, t, "", "财政拨款", "in.fiscal", 0, YS_ROW_ITEM);
    FIGS(r, 50000, -1, 52000, 55000);
    r->cells[1].v = ys_amount_exact(100 * 10000);
    FIGS(row(ts, t, "", "合计", "in.total", 0, YS_ROW_TOTAL), 50000, -1, 52000, 55000);
    r = row(ts, t, "", "人员类项目支出", "out.personnel", 0, YS_ROW_ITEM);
    FIGS(r, 23013, -1, 24000, 25000);
    r->cells[1].v = ys_amount_exact(460260); /* 46.026 % */
    r = row(ts, t, "", "运转类项目支出", "out.operating", 0, YS_ROW_ITEM);
    FIGS(r, 6987, -1, 8000, 10000);
    r->cells[1].v = ys_amount_exact(139740); /* 13.974 % */
    r = row(ts, t, "", "特定目标类项目支出", "out.special", 0, YS_ROW_ITEM);
    FIGS(r, 20000, -1, 20000, 20000);
    r->cells[1].v = ys_amount_exact(400000);
    r = row(ts, t, "", "合计", "out.total", 0, YS_ROW_TOTAL);
    FIGS(r, 50000, -1, 52000, 55000);
    r->cells[1].v = ys_amount_exact(1000000);
    static const char *const cp[] = {"total", "year"};
    t = table(ts, "11.projects", "项目支出情况", cp, 2);
    r = row(ts, t, "", project, NULL, 0, YS_ROW_ITEM);
    r->extra = "特定目标类";
    FIGS(r, 20000, 20000);
    ys_goal *g = ys_tableset_add_goal(ts);
    *g = (ys_goal){.table_id = "11", .no = 1, .annual = false, .text = "长期目标正文"};
    g = ys_tableset_add_goal(ts);
    *g = (ys_goal){.table_id = "11", .no = 1, .annual = true, .text = "年度目标正文"};
    ys_indicator *in = ys_tableset_add_indicator(ts);
    *in = (ys_indicator){.table_id = "11", .goal = 1, .annual = true, .l1 = "产出指标",
                         .l2 = "数量指标", .l3 = "办件数", .target = "≥7万件",
                         .prev2 = "6万件", .prev1 = "≥6万件", .basis = "计划数据"};
    static const char *const c12[] = {"amount", "qty"};
    char id[128];
    snprintf(id, sizeof id, "12:%s", project);
    const char *tid = ys_ts_str(ts, id, (size_t)-1);
    for (int annual = 0; annual < 2; annual++) {
        g = ys_tableset_add_goal(ts);
        *g = (ys_goal){.table_id = tid, .no = 1, .annual = annual,
                       .text = annual ? "年度目标正文" : "长期目标正文"};
        in = ys_tableset_add_indicator(ts);
        *in = (ys_indicator){.table_id = tid, .goal = 1, .annual = annual, .l1 = "产出指标",
                             .l2 = "数量指标", .l3 = "办件数", .target = "≥7万件",
                             .prev2 = annual ? "6万件" : NULL,
                             .prev1 = annual ? "≥6万件" : NULL, .basis = "计划数据"};
    }
    in = ys_tableset_add_indicator(ts);
    *in = (ys_indicator){.table_id = "11", .goal = 1, .annual = false, .l1 = "产出指标",
                         .l2 = "数量指标", .l3 = "办件数", .target = "≥7万件",
                         .basis = "计划数据"};
    t = table(ts, id, "项目资金绩效目标申报表", c12, 2);
    FIGS(row(ts, t, "", "项目总预算", "budget.total", 0, YS_ROW_TOTAL), 20000);
    FIGS(row(ts, t, "", "项目当年预算", "budget.year", 0, YS_ROW_TOTAL), 20000);
    row(ts, t, "", "特定目标类", "meta.category", 0, YS_ROW_ITEM);
    FIGS(row(ts, t, "", "合计", "src.total", 0, YS_ROW_TOTAL), 20000);
    FIGS(row(ts, t, "", "1. 一般公共预算财政拨款收入", "src.item", 0, YS_ROW_ITEM), 20000);
    r = row(ts, t, "", "服务外包", "proc.item", 0, YS_ROW_ITEM);
    FIGS(r, 12000);
    r->cells[1].v = ys_amount_exact(300); /* 3 (items, in 元 units) */
}

static ys_tableset *sample(const char *dept, const char *project)
{
    ys_tableset *ts = ys_tableset_new();
    assert_non_null(ts);
    ts->department = ys_ts_str(ts, dept, (size_t)-1);
    ts->year = 2026;
    two_sided(ts, true);
    static const char *const c2[] = {"total", "year.subtotal", "year.gpb", "year.gov_fund",
                                     "year.soe", "year.special_acct", "year.business",
                                     "year.operating", "year.upper", "year.affiliated",
                                     "year.other", "carry.subtotal", "carry.gpb",
                                     "carry.gov_fund", "carry.soe", "carry.special_acct",
                                     "carry.unit_funds"};
    ys_table *t = table(ts, "2", "部门收入总表", c2, 17);
    FIGS(row(ts, t, "", "合计", NULL, 0, YS_ROW_TOTAL), 50000, 50000, 50000);
    FIGS(row(ts, t, "900", "示例部门", NULL, 1, YS_ROW_GROUP), 50000, 50000, 50000);
    FIGS(row(ts, t, "900001", "示例部门本级", NULL, 2, YS_ROW_ITEM), 50000, 50000, 50000);
    static const char *const c3[] = {"total", "basic", "project", "operating", "upper",
                                     "subsidy"};
    function_table(ts, "3", c3, 6, true);
    two_sided(ts, false);
    static const char *const c5[] = {"total", "basic", "personnel", "public", "project"};
    function_table(ts, "5-1", c5, 5, false);
    t = table(ts, "5-2", "一般公共预算支出表", c5, 5);
    FIGS(row(ts, t, "", "合计", NULL, 0, YS_ROW_TOTAL), 50000, 30000, 23013, 6987, 20000);
    FIGS(row(ts, t, "900001", "示例部门本级", NULL, 2, YS_ROW_ITEM), 50000, 30000, 23013,
         6987, 20000);
    static const char *const c6[] = {"total", "personnel", "public"};
    t = table(ts, "6", "一般公共预算基本支出表", c6, 3);
    FIGS(row(ts, t, "", "合计", NULL, 0, YS_ROW_TOTAL), 30000, 23013, 6987);
    FIGS(row(ts, t, "301", "工资福利支出", NULL, 1, YS_ROW_ITEM), 23013, 23013, -1);
    FIGS(row(ts, t, "30101", "基本工资", NULL, 2, YS_ROW_ITEM), 23013, 23013, -1);
    FIGS(row(ts, t, "302", "商品和服务支出", NULL, 1, YS_ROW_ITEM), 6987, -1, 6987);
    FIGS(row(ts, t, "30201", "办公费", NULL, 2, YS_ROW_ITEM), 6987, -1, 6987);
    static const char *const c7[] = {"total", "abroad", "car.subtotal", "car.purchase",
                                     "car.operation", "reception"};
    t = table(ts, "7", "一般公共预算“三公”经费支出表", c7, 6);
    t->note = "备注：2026年没有一般公共预算“三公”经费支出安排。";
    static const char *const c8[] = {"total", "basic", "project"};
    t = table(ts, "8", "政府性基金预算支出表", c8, 3);
    t->note = "2026年没有使用政府性基金预算拨款安排的支出";
    t = table(ts, "9", "国有资本经营预算支出表", c8, 3);
    t->note = "备注：2026年没有使用国有资本经营预算拨款安排的支出";
    static const char *const c10[] = {"total", "year.gpb", "year.gov_fund", "year.soe",
                                      "carry.gpb", "carry.gov_fund", "carry.soe",
                                      "special_acct", "unit_funds"};
    t = table(ts, "10", "项目支出表", c10, 9);
    FIGS(row(ts, t, "", "", NULL, 0, YS_ROW_TOTAL), 20000, 20000);
    FIGS(row(ts, t, "900", "示例部门", NULL, 1, YS_ROW_GROUP), 20000, 20000);
    FIGS(row(ts, t, "900001", "示例部门本级", NULL, 2, YS_ROW_GROUP), 20000, 20000);
    FIGS(row(ts, t, "31", "本级支出项目", NULL, 3, YS_ROW_GROUP), 20000, 20000);
    ys_row *r = row(ts, t, "11000026900T000000001", project, NULL, 4, YS_ROW_ITEM);
    r->extra = ys_ts_str(ts, dept, (size_t)-1);
    FIGS(r, 20000, 20000);
    forms(ts, project);
    ys_para *p = ys_tableset_add_para(ts);
    *p = (ys_para){.part = 1, .section = 1, .heading = "一、部门主要职责", .text = "1. 负责审批。"};
    p = ys_tableset_add_para(ts);
    *p = (ys_para){.part = 3, .section = 1, .heading = "一、收支预算总体安排情况",
                   .text = "2026 年收支总预算 500 万元。"};
    p = ys_tableset_add_para(ts);
    *p = (ys_para){.part = 4, .text = "（一）基本支出：指……"};
    return ts;
}

/* ---- helpers ------------------------------------------------------------- */

/* Offset of the line equal to `line` in text (whole line), or -1. */
static long find_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *s = text; (s = strstr(s, line)) != NULL; s++)
        if ((s == text || s[-1] == '\n') && (s[n] == '\n' || s[n] == 0))
            return s - text;
    return -1;
}

/* "219.87" for 21987 hundredths of 万元: worked out here, not by the library. */
static const char *shown(int64_t cents, char *buf)
{
    sprintf(buf, "%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
    return buf;
}

/* The shown text of a cell as the test expects it: shares as percentages
 * (0.0001 % units, two decimals half-up), qty as a count, else 万元. */
static const char *expect_shown(const char *col, int64_t fen, char *buf)
{
    if (strcmp(col, "share") == 0) {
        int64_t h = (fen + 50) / 100; /* hundredths of a percent */
        sprintf(buf, "%" PRId64 ".%02" PRId64 "%%", h / 100, h % 100);
    } else if (strcmp(col, "qty") == 0) {
        sprintf(buf, "%" PRId64, fen / 100);
    } else {
        assert_int_equal(fen % WAN_CENT, 0);
        shown(fen / WAN_CENT, buf);
    }
    return buf;
}

static void render(int (*fn)(const ys_tableset *, ys_buf *), const ys_tableset *ts,
                   ys_buf *b)
{
    memset(b, 0, sizeof *b);
    assert_int_equal(fn(ts, b), YS_OK);
    assert_non_null(b->p);
}

/* ---- tests --------------------------------------------------------------- */

static void test_write_out_for_e2e(void **state)
{
    (void)state;
    const char *dir = getenv("YS_WRITERS_OUT");
    if (!dir) {
        printf("skip: YS_WRITERS_OUT not set (used by the e2e scripts)\n");
        return;
    }
    ys_tableset *ts = sample("示例市测试局", PROJECT);
    ys_error err = {0};
    assert_int_equal(ys_write_all(ts, dir, "sample", YS_OUT_ALL, &err), YS_OK);
    ys_tableset_free(ts);
}

static void test_txt_layout(void **state)
{
    (void)state;
    ys_tableset *ts = sample("示例市测试局", PROJECT);
    ys_buf b;
    render(ys_write_txt, ts, &b);
    const char *s = b.p;
    assert_int_equal(find_line(s, "示例市测试局2026 年部门预算编制说明"), 0);
    long p1 = find_line(s, "第一部分 示例市测试局概况");
    long p2 = find_line(s, "第二部分 示例市测试局2026 年部门预算表");
    long p3 = find_line(s, "第三部分 示例市测试局2026 年部门预算情况说明");
    long p4 = find_line(s, "第四部分 名词解释");
    assert_true(p1 > 0 && p2 > p1 && p3 > p2 && p4 > p3);
    assert_true(find_line(s, "一、部门主要职责") > p1);
    /* 一、部门收支总表 / 表1 / title / 部门 / 单位 / header, each on its own line */
    long h1 = find_line(s, "一、部门收支总表");
    long l1 = find_line(s, "表1");
    long d1 = find_line(s + l1, "部门：示例市测试局");
    assert_true(h1 > p2 && l1 > h1 && d1 > 0);
    assert_true(find_line(s, "部门收支总表") > l1);
    assert_true(find_line(s + l1, "单位：万元") > d1);
    assert_true(find_line(s, "收 入\t\t支 出\t") > l1);
    char a[32], bb[32], c[32], d[32];
    /* the two sides of table 1 pair up row by row */
    char want[256];
    snprintf(want, sizeof want, "一般公共预算拨款收入\t%s\t一般公共服务支出\t%s",
             shown(50000, a), shown(41987, bb));
    assert_true(find_line(s, want) > l1);
    assert_true(find_line(s, "政府性基金预算拨款收入\t\t外交支出\t") > l1);
    snprintf(want, sizeof want, "\t\t社会保障和就业支出\t%s", shown(5000, a));
    assert_true(find_line(s, want) > l1);
    snprintf(want, sizeof want, "本年收入合计\t%s\t本年支出合计\t%s", shown(50000, a),
             shown(50000, bb));
    assert_true(find_line(s, want) > l1);
    /* table 3: code, name, figures, blanks left empty */
    snprintf(want, sizeof want, "2010301\t行政运行\t%s\t%s\t\t\t\t", shown(21987, a),
             shown(21987, bb));
    long t3 = find_line(s, want);
    assert_true(t3 > find_line(s, "表3"));
    assert_true(find_line(s, "科目编码\t科目名称\t合计\t基本支出\t项目支出\t事业单位经营支出\t"
                             "上缴上级支出\t对附属单位补助支出") > 0);
    /* 5-1: merged header cells at their top-left position */
    assert_true(find_line(s, "科目编码\t科目名称\t合计\t基本支出\t\t\t项目支出") > 0);
    assert_true(find_line(s, "\t\t\t小计\t人员经费\t公用经费\t") > 0);
    snprintf(want, sizeof want, "2010301\t行政运行\t%s\t%s\t%s\t%s\t", shown(21987, a),
             shown(21987, bb), shown(15000, c), shown(6987, d));
    assert_true(find_line(s, want) > find_line(s, "表5-1"));
    assert_true(find_line(s, "5-1 一般公共预算支出表（分功能科目）") > 0);
    /* empty table 7: header then its note */
    long t7 = find_line(s, "表7");
    long n7 = find_line(s, "备注：2026年没有一般公共预算“三公”经费支出安排。");
    assert_true(t7 > 0 && n7 > t7);
    assert_true(find_line(s, "备注：2026年没有使用政府性基金预算拨款安排的支出") > n7);
    /* table 10: total row has no name, the project its unit */
    snprintf(want, sizeof want, "\t\t\t%s\t%s\t\t\t\t\t\t\t", shown(20000, a), shown(20000, bb));
    assert_true(find_line(s, want) > find_line(s, "表10"));
    /* forms: 11 and 12 */
    assert_true(find_line(s, "十一、整体支出绩效目标表") > 0);
    snprintf(want, sizeof want, "\t收入构成\t财政拨款\t%s\t100.00%%\t%s\t%s\t", shown(50000, a),
             shown(52000, bb), shown(55000, c));
    assert_true(find_line(s, want) > 0);
    assert_true(find_line(s, "年度绩效目标1\t产出指标\t数量指标\t办件数\t6万件\t≥6万件\t≥7万件\t"
                             "计划数据") > 0);
    assert_true(find_line(s, "服务外包\t3\t120.00\t\t\t\t\t") > 0);
    assert_true(find_line(s, "2026 年收支总预算 500 万元。") > p3);
    ys_buf_free(&b);
    ys_tableset_free(ts);
}

/* Recognise doc and compare with ts: every coded row of the code tables,
 * cell by cell, the empty table 7 with its note; with `audit`, the
 * recognised set must also audit clean (the sample is consistent). */
static void check_back(const ys_tableset *ts, ys_doc *doc, bool audit)
{
    ys_error err = {0};
    ys_tableset *back = NULL;
    int rc = ys_recognize(doc, NULL, &back, &err);
    if (rc == YS_EUNSUPPORTED) {
        printf("skip: recogniser not built yet\n");
        return;
    }
    if (rc != YS_OK)
        fail_msg("recognising %s: %s (line %d)", doc->path, err.msg, err.line);
    static const char *const ids[] = {"2", "3", "5-1", "5-2", "6", "10"};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        const ys_table *t = ys_tableset_find(ts, ids[k]);
        const ys_table *u = ys_tableset_find(back, ids[k]);
        if (!u)
            fail_msg("%s: table %s not read back", doc->path, ids[k]);
        for (size_t i = 0; i < t->nrows; i++) {
            if (!*t->rows[i].code)
                continue;
            const ys_row *ru = ys_table_row_by_code(u, t->rows[i].code);
            if (!ru)
                fail_msg("%s: table %s: row %s not read back", doc->path, ids[k],
                         t->rows[i].code);
            for (int c = 0; c < t->ncols; c++) {
                const ys_cell *cu = ys_row_cell(u, ru, t->cols[c]);
                assert_non_null(cu);
                assert_int_equal(cu->v.present, t->rows[i].cells[c].v.present);
                if (cu->v.present)
                    assert_int_equal(cu->v.fen, t->rows[i].cells[c].v.fen);
            }
        }
    }
    const ys_table *u7 = ys_tableset_find(back, "7");
    assert_non_null(u7);
    assert_int_equal(u7->nrows, 0);
    if (audit)
        assert_non_null(u7->note);
    else if (!u7->note) /* known: in XLSX every line is a row, and the
                         * recogniser takes the one-cell 备注 row for a header */
        printf("skip: 表7 备注 not recognised in %s\n", doc->path);
    if (audit) {
        ys_findings f;
        ys_findings_init(&f);
        assert_int_equal(ys_audit(back, &f), YS_OK);
        for (size_t i = 0; i < f.n; i++)
            printf("%s: finding %s: %s\n", doc->path, f.v[i].rule, f.v[i].message);
        assert_int_equal(f.n, 0);
        ys_findings_free(&f);
    }
    ys_tableset_free(back);
}

static void reads_back(int (*fn)(const ys_tableset *, ys_buf *), const char *name)
{
    ys_tableset *ts = sample("示例市测试局", "业务工作经费");
    ys_buf b;
    render(fn, ts, &b);
    ys_doc *doc = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_mem(name, (const unsigned char *)b.p, b.n, &doc, &err), YS_OK);
    check_back(ts, doc, true);
    ys_doc_free(doc);
    ys_buf_free(&b);
    ys_tableset_free(ts);
}

static void test_txt_reads_back(void **state)
{
    (void)state;
    reads_back(ys_write_txt, "sample.txt");
}

static void test_html_reads_back(void **state)
{
    (void)state;
    reads_back(ys_write_html, "sample.html");
}

static char *tmpdir(void);

static void test_xlsx_reads_back(void **state)
{
    (void)state;
    ys_tableset *ts = sample("示例市测试局", "业务工作经费");
    char *d = tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/back.xlsx", d);
    ys_error err = {0};
    assert_int_equal(ys_write_xlsx_file(ts, path, &err), YS_OK);
    ys_doc *doc = NULL;
    assert_int_equal(ys_doc_read_file(path, &doc, &err), YS_OK);
    check_back(ts, doc, false); /* the workbook has no title, so no year */
    ys_doc_free(doc);
    unlink(path);
    rmdir(d);
    free(d);
    ys_tableset_free(ts);
}

/* The reference document read, written as txt and read again gives the same
 * tables 1–11 cell for cell, the same goals and indicators.  (Project forms
 * are compared by their keyed totals: their free texts are not in the set.) */
static void test_reference_round_trip(void **state)
{
    (void)state;
    char path[1024];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    ys_doc *doc = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, &doc, &err), YS_OK);
    ys_tableset *a = NULL;
    int rc = ys_recognize(doc, NULL, &a, &err);
    ys_doc_free(doc);
    if (rc == YS_EUNSUPPORTED) {
        printf("skip: recogniser not built yet\n");
        return;
    }
    assert_int_equal(rc, YS_OK);
    ys_buf b;
    render(ys_write_txt, a, &b);
    assert_int_equal(ys_doc_read_mem("again.txt", (const unsigned char *)b.p, b.n, &doc, &err),
                     YS_OK);
    ys_tableset *c = NULL;
    assert_int_equal(ys_recognize(doc, NULL, &c, &err), YS_OK);
    assert_int_equal(c->ntables, a->ntables);
    assert_int_equal(c->ngoals, a->ngoals);
    assert_int_equal(c->nind, a->nind);
    for (size_t i = 0; i < a->ntables; i++) {
        const ys_table *t = a->tables[i];
        const ys_table *u = ys_tableset_find(c, t->id);
        if (!u)
            fail_msg("table %s not read back", t->id);
        if (strncmp(t->id, "12:", 3) == 0) {
            const ys_row *x = ys_table_row_by_key(t, "detail.total");
            const ys_row *y = ys_table_row_by_key(u, "detail.total");
            if (x && x->cells[0].v.present) {
                assert_non_null(y);
                assert_int_equal(y->cells[0].v.fen, x->cells[0].v.fen);
            }
            continue;
        }
        assert_int_equal(u->nrows, t->nrows);
        for (size_t r = 0; r < t->nrows; r++)
            for (int k = 0; k < t->ncols; k++) {
                const ys_cell *cu = ys_row_cell(u, &u->rows[r], t->cols[k]);
                const ys_amount *x = &t->rows[r].cells[k].v;
                assert_non_null(cu);
                if (cu->v.present != x->present || (x->present && cu->v.fen != x->fen))
                    fail_msg("table %s row %zu col %s differs", t->id, r, t->cols[k]);
            }
    }
    ys_tableset_free(c);
    ys_doc_free(doc);
    ys_buf_free(&b);
    ys_tableset_free(a);
}

/* Count the unescaped '|' of one line. */
static int pipes(const char *s, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == '|' && (i == 0 || s[i - 1] != '\\'))
            k++;
    return k;
}

static void test_markdown_tables(void **state)
{
    (void)state;
    ys_tableset *ts = sample("示例市测试局", PROJECT);
    ys_buf b;
    render(ys_write_md, ts, &b);
    assert_non_null(strstr(b.p, "# 示例市测试局2026 年部门预算编制说明\n"));
    assert_non_null(strstr(b.p, "\\|A")); /* the | of the project name escaped */
    /* every line of a table block has the width of its first line */
    int width = -1, tables = 0;
    for (const char *s = b.p; *s;) {
        const char *nl = strchr(s, '\n');
        size_t n = nl ? (size_t)(nl - s) : strlen(s);
        if (n && s[0] == '|') {
            int k = pipes(s, n);
            if (width < 0) {
                width = k;
                tables++;
            }
            assert_int_equal(k, width);
        } else {
            width = -1;
        }
        s += n + (nl ? 1 : 0);
    }
    assert_true(tables >= 12);
    /* table 3 header + delimiter: 8 columns, figures right-aligned */
    assert_non_null(strstr(b.p, "| 科目编码 | 科目名称 | 合计 | 基本支出 | 项目支出 |"));
    assert_non_null(strstr(b.p, "| --- | --- | ---: | ---: | ---: |"));
    ys_buf_free(&b);
    ys_tableset_free(ts);
}

static void test_html_escaping_and_charts(void **state)
{
    (void)state;
    const char *evil = "<script>alert(1)</script>";
    ys_tableset *ts = sample(evil, evil);
    ys_buf b;
    render(ys_write_html, ts, &b);
    assert_non_null(strstr(b.p, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_null(strstr(b.p, "<script"));
    assert_non_null(strstr(b.p, "<html lang=\"zh-CN\">"));
    assert_non_null(strstr(b.p, "<meta charset=\"utf-8\">"));
    assert_non_null(strstr(b.p, "name=\"viewport\""));
    assert_non_null(strstr(b.p, "@media print"));
    assert_null(strstr(b.p, "src=\"http"));
    /* three charts: by 类, basic vs project, this year vs last */
    size_t svgs = 0;
    for (const char *s = b.p; (s = strstr(s, "<svg")); s++)
        svgs++;
    assert_int_equal(svgs, 3);
    /* the longest bar of the 类 chart is 一般公共服务支出 (260 px); 住房保障
     * 支出 30.00 of 420.00 gets 260 * 3000 / 42000 = 18.57 → 18 px */
    assert_non_null(strstr(b.p, "width=\"260\" height=\"18\""));
    assert_non_null(strstr(b.p, "width=\"18\" height=\"18\""));
    /* merged header cells: 5-1's 基本支出 spans three columns */
    assert_non_null(strstr(b.p, "<td class=\"h\" colspan=\"3\">基本支出</td>"));
    assert_non_null(strstr(b.p, "<td class=\"n\">219.87</td>"));
    ys_buf_free(&b);
    ys_tableset_free(ts);
}

static void test_html_without_prior(void **state)
{
    (void)state;
    ys_tableset *ts = sample("示例市测试局", PROJECT);
    ys_table *t = ys_tableset_find(ts, "11");
    for (size_t i = 0; i < t->nrows; i++)
        t->rows[i].cells[3].v.present = false; /* no 上年 */
    ys_buf b;
    render(ys_write_html, ts, &b);
    assert_non_null(strstr(b.p, "<!-- 表集中没有上年数据"));
    size_t svgs = 0;
    for (const char *s = b.p; (s = strstr(s, "<svg")); s++)
        svgs++;
    assert_int_equal(svgs, 2);
    ys_buf_free(&b);
    ys_tableset_free(ts);
}

/* ---- a small JSON checker: value := object|array|string|number|literal --- */

static const char *ws(const char *s)
{
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    return s;
}

static const char *jvalue(const char *s);

static const char *jstring(const char *s)
{
    if (*s != '"')
        return NULL;
    for (s++; *s && *s != '"'; s++) {
        if ((unsigned char)*s < 0x20)
            return NULL;
        if (*s == '\\') {
            s++;
            if (!strchr("\"\\/bfnrtu", *s) || !*s)
                return NULL;
        }
    }
    return *s == '"' ? s + 1 : NULL;
}

static const char *jvalue(const char *s)
{
    s = ws(s);
    if (*s == '{' || *s == '[') {
        char close = *s == '{' ? '}' : ']';
        s = ws(s + 1);
        if (*s == close)
            return s + 1;
        for (;;) {
            if (close == '}') {
                s = jstring(ws(s));
                if (!s || *(s = ws(s)) != ':')
                    return NULL;
                s++;
            }
            if (!(s = jvalue(s)))
                return NULL;
            s = ws(s);
            if (*s == ',') {
                s++;
                continue;
            }
            return *s == close ? s + 1 : NULL;
        }
    }
    if (*s == '"')
        return jstring(s);
    if (strncmp(s, "null", 4) == 0 || strncmp(s, "true", 4) == 0)
        return s + 4;
    if (strncmp(s, "false", 5) == 0)
        return s + 5;
    const char *st = s;
    if (*s == '-')
        s++;
    while (*s >= '0' && *s <= '9')
        s++;
    return s > st ? s : NULL;
}

static void test_json(void **state)
{
    (void)state;
    ys_tableset *ts = sample("示例\"局\"\n", PROJECT);
    ys_buf b;
    render(ys_write_json, ts, &b);
    const char *end = jvalue(b.p);
    assert_non_null(end);
    assert_int_equal(*ws(end), 0);
    assert_non_null(strstr(b.p, "\"department\":\"示例\\\"局\\\"\\n\""));
    /* every cell's fen equals the set's, row by row, and "shown" is the
     * figure worked out here */
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        for (size_t r = 0; r < t->nrows; r++) {
            char want[4096] = "\"cells\":[";
            for (int c = 0; c < t->ncols; c++) {
                const ys_amount *v = &t->rows[r].cells[c].v;
                char one[128], fig[48];
                if (!v->present)
                    snprintf(one, sizeof one, "{\"fen\":null,\"shown\":\"\"}");
                else
                    snprintf(one, sizeof one, "{\"fen\":%" PRId64 ",\"shown\":\"%s\"}", v->fen,
                             expect_shown(t->cols[c], v->fen, fig));
                strcat(want, c ? "," : "");
                strcat(want, one);
            }
            strcat(want, "]");
            if (!strstr(b.p, want))
                fail_msg("table %s row %zu: %s not in the JSON", t->id, r, want);
        }
    }
    assert_non_null(strstr(b.p, "{\"fen\":219870000,\"shown\":\"219.87\"}"));
    ys_buf_free(&b);
    ys_tableset_free(ts);
}

static void test_csv(void **state)
{
    (void)state;
    ys_tableset *ts = sample("示例市测试局", PROJECT);
    ys_buf b = {0};
    assert_int_equal(ys_write_csv_table(ts, ys_tableset_find(ts, "10"), &b), YS_OK);
    assert_memory_equal(b.p, "\xEF\xBB\xBF", 3);
    assert_non_null(strstr(b.p, "编码,名称,项目单位,合计（万元）,"));
    char want[256];
    snprintf(want, sizeof want, "11000026900T000000001,\"业务工作经费, 含\"\"专项\"\"|A\",示例市测试局,200.00,200.00,"
                                ",,,,,,\r\n");
    assert_non_null(strstr(b.p, want));
    ys_buf_free(&b);
    ys_tableset_free(ts);
}

static char *tmpdir(void)
{
    char *d = strdup("/tmp/ys_writers_XXXXXX");
    assert_non_null(mkdtemp(d));
    return d;
}

static bool exists(const char *dir, const char *name)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    struct stat st;
    return stat(p, &st) == 0;
}

static void test_xlsx(void **state)
{
    (void)state;
    ys_tableset *ts = sample("示例市测试局", PROJECT);
    char *d = tmpdir();
    char path[1024];
    snprintf(path, sizeof path, "%s/out.xlsx", d);
    ys_error err = {0};
    assert_int_equal(ys_write_xlsx_file(ts, path, &err), YS_OK);
    size_t n = 0;
    char *z = ys_test_slurp(path, &n);
    assert_non_null(z);
    assert_true(n > 1000);
    assert_memory_equal(z, "PK", 2);
    bool found = false;
    for (size_t i = 0; i + 24 <= n && !found; i++)
        found = memcmp(z + i, "xl/worksheets/sheet1.xml", 24) == 0;
    assert_true(found);
    free(z);
    unlink(path);
    /* nothing but the file was left in the folder */
    rmdir(d);
    assert_false(exists(d, ""));
    free(d);
    ys_tableset_free(ts);
}

static void test_write_all(void **state)
{
    (void)state;
    ys_tableset *ts = sample("示例市测试局", PROJECT);
    char *d = tmpdir();
    char sub[512];
    snprintf(sub, sizeof sub, "%s/new", d);
    ys_error err = {0};
    assert_int_equal(ys_write_all(ts, sub, "b", YS_OUT_ALL, &err), YS_OK);
    static const char *const names[] = {"b.txt", "b.md", "b.html", "b.json", "b.xlsx",
                                        "b-1.csv", "b-5-1.csv", "b-10.csv", "b-12-1.csv"};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        assert_true(exists(sub, names[i]));
    /* failure: c.md is a folder, so its rename fails; nothing new remains */
    char bad[1024];
    snprintf(bad, sizeof bad, "%s/c.md", sub);
    assert_int_equal(mkdir(bad, 0777), 0);
    char old[600];
    snprintf(old, sizeof old, "%s/c.txt", sub); /* placed before c.md fails */
    FILE *f = fopen(old, "w"); /* an older output: it must survive the failure */
    assert_non_null(f);
    fputs("old", f);
    fclose(f);
    assert_int_not_equal(ys_write_all(ts, sub, "c", YS_OUT_TXT | YS_OUT_MD | YS_OUT_XLSX, &err),
                         YS_OK);
    assert_non_null(strstr(err.file, "c.md"));
    assert_false(exists(sub, "c.xlsx"));
    char *kept = ys_test_slurp(old, NULL);
    assert_non_null(kept);
    assert_string_equal(kept, "old");
    free(kept);
    /* nothing else: b.* of the first run, the c.md folder, the old c.txt */
    int n = 0;
    char cmd0[700];
    snprintf(cmd0, sizeof cmd0, "ls -A '%s' | grep -v '^b[.-]' | wc -l", sub);
    FILE *ls = popen(cmd0, "r");
    assert_non_null(ls);
    assert_int_equal(fscanf(ls, "%d", &n), 1);
    pclose(ls);
    assert_int_equal(n, 2);
    /* failure on a folder that cannot be made: no folder left behind */
    char deep[1024];
    snprintf(deep, sizeof deep, "%s/b.txt/x", sub);
    assert_int_not_equal(ys_write_all(ts, deep, "b", YS_OUT_TXT, &err), YS_OK);
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
    assert_int_equal(system(cmd), 0);
    free(d);
    ys_tableset_free(ts);
}

/* Odd input: no department or year, unknown and repeated ids, a table whose
 * columns differ from the form, no columns at all, NULL texts, negative and
 * huge amounts, tabs and newlines in names, a very long name.  Every writer
 * must still succeed and keep its format valid. */
static void test_odd_input(void **state)
{
    (void)state;
    ys_tableset *ts = ys_tableset_new();
    assert_non_null(ts);
    static const char *const c2[] = {"total", "basic"};
    ys_table *t = table(ts, "3", "部门支出总表", c2, 2);
    ys_row *r = row(ts, t, "201", "名称\t带制表符\n和换行", NULL, 1, YS_ROW_ITEM);
    r->cells[0].v = ys_amount_exact(-123456);
    r->cells[1].v = ys_amount_exact(INT64_C(1000000000000000));
    table(ts, "3", "重复", c2, 2);
    t = table(ts, "x/y:[]*?<script>", NULL, NULL, 0);
    char longname[3001];
    memset(longname, 'a', 3000);
    longname[3000] = 0;
    row(ts, t, "", longname, NULL, 0, YS_ROW_ITEM);
    static const char *const c1[] = {"amount"};
    t = table(ts, "1", "部门收支总表", c1, 1);
    row(ts, t, "", "无键行", NULL, 0, YS_ROW_ITEM);
    row(ts, t, "", "别的键", "other", 0, YS_ROW_ITEM);
    ys_goal *g = ys_tableset_add_goal(ts);
    memset(g, 0, sizeof *g);
    g = ys_tableset_add_goal(ts);
    *g = (ys_goal){.table_id = "11", .no = 1};
    ys_indicator *in = ys_tableset_add_indicator(ts);
    memset(in, 0, sizeof *in);
    in = ys_tableset_add_indicator(ts);
    *in = (ys_indicator){.table_id = "11", .goal = 1, .annual = true};
    ys_para *p = ys_tableset_add_para(ts);
    *p = (ys_para){.part = 3};
    p = ys_tableset_add_para(ts);
    *p = (ys_para){.part = 9, .text = "不属于任何部分"};
    int (*const fns[])(const ys_tableset *, ys_buf *) = {ys_write_txt, ys_write_md,
                                                         ys_write_html, ys_write_json};
    for (size_t i = 0; i < 4; i++) {
        ys_buf b;
        render(fns[i], ts, &b);
        if (fns[i] == ys_write_json) {
            const char *end = jvalue(b.p);
            assert_non_null(end);
            assert_int_equal(*ws(end), 0);
        }
        if (fns[i] == ys_write_html)
            assert_null(strstr(b.p, "<script"));
        if (fns[i] == ys_write_txt)
            assert_non_null(strstr(b.p, "201\t名称 带制表符 和换行\t-0.12\t1000000000.00\n"));
        ys_buf_free(&b);
    }
    char *d = tmpdir();
    ys_error err = {0};
    if (ys_write_all(ts, d, "odd", YS_OUT_ALL, &err) != YS_OK)
        fail_msg("%s: %s", err.file, err.msg);
    assert_true(exists(d, "odd-x_y______script_.csv"));
    assert_true(exists(d, "odd-3.csv") && exists(d, "odd-3-2.csv")); /* repeated id */
    /* an empty set still gives a workbook and a page */
    ys_tableset *empty = ys_tableset_new();
    assert_int_equal(ys_write_all(empty, d, "empty", YS_OUT_ALL, &err), YS_OK);
    assert_true(exists(d, "empty.xlsx"));
    ys_tableset_free(empty);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", d);
    assert_int_equal(system(cmd), 0);
    free(d);
    ys_tableset_free(ts);
}

static void test_out_parse(void **state)
{
    (void)state;
    assert_int_equal(ys_out_parse("txt"), YS_OUT_TXT);
    assert_int_equal(ys_out_parse("txt,md,html"), YS_OUT_TXT | YS_OUT_MD | YS_OUT_HTML);
    assert_int_equal(ys_out_parse("all"), YS_OUT_ALL);
    assert_int_equal(ys_out_parse("xlsx,csv,json"), YS_OUT_XLSX | YS_OUT_CSV | YS_OUT_JSON);
    assert_int_equal(ys_out_parse("pdf"), -1);
    assert_int_equal(ys_out_parse("txt,"), YS_OUT_TXT);
    assert_int_equal(ys_out_parse(""), -1);
    assert_int_equal(ys_out_parse("tx"), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_write_out_for_e2e),
        cmocka_unit_test(test_txt_layout),
        cmocka_unit_test(test_txt_reads_back),
        cmocka_unit_test(test_html_reads_back),
        cmocka_unit_test(test_xlsx_reads_back),
        cmocka_unit_test(test_reference_round_trip),
        cmocka_unit_test(test_markdown_tables),
        cmocka_unit_test(test_html_escaping_and_charts),
        cmocka_unit_test(test_html_without_prior),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_xlsx),
        cmocka_unit_test(test_write_all),
        cmocka_unit_test(test_odd_input),
        cmocka_unit_test(test_out_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
