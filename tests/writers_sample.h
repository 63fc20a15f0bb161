/*
 * writers_sample.h — the hand-built department shared by the writer tests
 * (test_writers.c: layout of each format; test_writers_io.c: files, read-back,
 * odd input).  A small but complete department: tables 1–12, empty tables
 * 7–9 with their notes, paragraphs of parts 1, 3, 4.  Expected figures are
 * worked out here from the hand-entered 分 values, never copied from output.
 */
#ifndef YS_WRITERS_SAMPLE_H
#define YS_WRITERS_SAMPLE_H

#include "testutil.h"

#include <inttypes.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yusuan/writer.h"

#define WAN_CENT 10000LL /* 0.01 万元 in 分 */
#define PROJECT "业务工作经费, 含\"专项\"|A"

static inline ys_amount W(int64_t cents_of_wan) { return ys_amount_exact(cents_of_wan * WAN_CENT); }

static inline ys_row *row(ys_tableset *ts, ys_table *t, const char *code, const char *name,
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
static inline void figs(ys_row *r, int n, const int64_t *v)
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

static inline ys_table *table(ys_tableset *ts, const char *id, const char *title,
                       const char *const *cols, int n)
{
    ys_table *t = ys_tableset_add(ts, id, title, cols, n);
    assert_non_null(t);
    return t;
}

static inline void two_sided(ys_tableset *ts, bool t1)
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

static inline void function_table(ys_tableset *ts, const char *id, const char *const *cols, int n,
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

static inline void forms(ys_tableset *ts, const char *project)
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

static inline ys_tableset *sample(const char *dept, const char *project)
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
static inline long find_line(const char *text, const char *line)
{
    size_t n = strlen(line);
    for (const char *s = text; (s = strstr(s, line)) != NULL; s++)
        if ((s == text || s[-1] == '\n') && (s[n] == '\n' || s[n] == 0))
            return s - text;
    return -1;
}

/* "219.87" for 21987 hundredths of 万元: worked out here, not by the library. */
static inline const char *shown(int64_t cents, char *buf)
{
    sprintf(buf, "%" PRId64 ".%02" PRId64, cents / 100, cents % 100);
    return buf;
}

/* The shown text of a cell as the test expects it: shares as percentages
 * (0.0001 % units, two decimals half-up), qty as a count, else 万元. */
static inline const char *expect_shown(const char *col, int64_t fen, char *buf)
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

static inline void render(int (*fn)(const ys_tableset *, ys_buf *), const ys_tableset *ts,
                   ys_buf *b)
{
    memset(b, 0, sizeof *b);
    assert_int_equal(fn(ts, b), YS_OK);
    assert_non_null(b->p);
}


/* ---- a small JSON checker: value := object|array|string|number|literal --- */

static inline const char *ws(const char *s)
{
    while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
        s++;
    return s;
}

static inline const char *jvalue(const char *s);

static inline const char *jstring(const char *s)
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

static inline const char *jvalue(const char *s)
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


static inline char *tmpdir(void)
{
    char *d = strdup("/tmp/ys_writers_XXXXXX");
    assert_non_null(mkdtemp(d));
    return d;
}

static inline bool exists(const char *dir, const char *name)
{
    char p[1024];
    snprintf(p, sizeof p, "%s/%s", dir, name);
    struct stat st;
    return stat(p, &st) == 0;
}


#endif
