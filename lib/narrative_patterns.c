/*
 * narrative_patterns.c — the data of the narrative reader: which subject
 * in which section is which claim key (docs/tableset.md), which words make
 * a figure a change, a rate, a share or a stated prior-year figure, and
 * which sentences say that a kind of expenditure has none.
 * Promise: adding a sentence form is adding a row here; the first row that
 * matches wins, so specific rows come before general ones.  All text is
 * compared folded (half-width, no blanks).
 */
#include <string.h>

#include "narrative_internal.h"
#include "text.h"

/* Part 3 sections of the national layout: 一 收支总体, 二 收入, 三 支出,
 * 四 财政拨款收支, 五 一般公共预算支出, 六 基本支出, 七 三公, 八 政府性基金,
 * 九 国有资本经营, 十 项目支出, 十一 其他重要事项. */
static const ys_npattern patterns[] = {
    /* anywhere */
    {0, NULL, "机关运行经费", "admin_cost", YS_NR_NONE},

    /* prose under no numbered heading (layouts that run part 3 on):
     * only what cannot be mistaken */
    {YS_NSEC_UNNUMBERED, NULL, "(项)", "gpb.func", YS_NR_FUNC_CHAIN},
    {YS_NSEC_UNNUMBERED, NULL, "(款)", "gpb.func", YS_NR_FUNC_CHAIN},

    /* 一、收支预算总体安排情况 */
    {1, NULL, "收支总预算", "total.budget", YS_NR_NONE},
    {1, NULL, "收支预算总", "total.budget", YS_NR_NONE},
    {1, NULL, "收入预算", "in.total", YS_NR_NONE},
    {1, NULL, "支出预算", "out.total", YS_NR_NONE},

    /* 二、收入预算安排情况 */
    {2, NULL, "上年结转", "in.carry_total", YS_NR_NONE},
    {2, NULL, "一般公共预算", "in.gpb", YS_NR_NONE},
    {2, NULL, "政府性基金", "in.gov_fund", YS_NR_NONE},
    {2, NULL, "国有资本经营", "in.soe", YS_NR_NONE},
    {2, NULL, "财政专户", "in.special_acct", YS_NR_NONE},
    {2, NULL, "事业单位经营", "in.operating", YS_NR_NONE},
    {2, NULL, "事业收入", "in.business", YS_NR_NONE},
    {2, NULL, "上级补助", "in.upper", YS_NR_NONE},
    {2, NULL, "附属单位上缴", "in.affiliated", YS_NR_NONE},
    {2, NULL, "其他收入", "in.other", YS_NR_NONE},
    {2, NULL, "收入", "in.total", YS_NR_NONE},

    /* 三、支出预算安排情况 */
    {3, NULL, "基本支出", "out.basic", YS_NR_NONE},
    {3, NULL, "项目支出", "out.project", YS_NR_NONE},
    {3, NULL, "支出", "out.total", YS_NR_NONE},

    /* 四、财政拨款收支预算总体情况 */
    {4, NULL, "收支总预算", "fiscal.total", YS_NR_NONE},
    {4, NULL, NULL, "fiscal.out.class", YS_NR_FUNC_CLASS},
    {4, NULL, "一般公共预算&收入", "fiscal.in.gpb", YS_NR_NONE},
    {4, NULL, "政府性基金&收入", "fiscal.in.gov_fund", YS_NR_NONE},
    {4, NULL, "国有资本经营&收入", "fiscal.in.soe", YS_NR_NONE},
    {4, NULL, "上年结转", "fiscal.in.carry", YS_NR_NONE},

    /* 五、一般公共预算支出安排情况 */
    {5, NULL, "(项)", "gpb.func", YS_NR_FUNC_CHAIN},
    {5, NULL, "(款)", "gpb.func", YS_NR_FUNC_CHAIN},
    {5, NULL, "(类)", "gpb.func", YS_NR_FUNC_CHAIN},
    {5, NULL, "本年预算", "gpb.year", YS_NR_NONE},
    {5, NULL, "上年结转", "gpb.carry", YS_NR_NONE},
    {5, NULL, "人员经费", "gpb.personnel", YS_NR_NONE},
    {5, NULL, "公用经费", "gpb.public", YS_NR_NONE},
    {5, NULL, "基本支出", "gpb.basic", YS_NR_NONE},
    {5, NULL, "项目", "gpb.project", YS_NR_NONE},
    {5, NULL, "支出预算", "gpb.total", YS_NR_NONE},
    {5, NULL, "一般公共预算", "gpb.total", YS_NR_NONE},
    {5, NULL, NULL, "gpb.func", YS_NR_FUNC_ANY},

    /* 六、一般公共预算基本支出安排情况 */
    {6, NULL, "人员经费", "basic.personnel", YS_NR_NONE},
    {6, NULL, "公用经费", "basic.public", YS_NR_NONE},
    {6, NULL, "基本支出", "basic.total", YS_NR_NONE},
    {6, NULL, NULL, "basic.econ", YS_NR_ECON},

    /* 七、“三公”经费: the figures when there are some */
    {7, NULL, "因公出国", "three_public.abroad", YS_NR_NONE},
    {7, NULL, "购置及运行", "three_public.car", YS_NR_NONE},
    {7, NULL, "公务用车购置", "three_public.car.purchase", YS_NR_NONE},
    {7, NULL, "购置费", "three_public.car.purchase", YS_NR_NONE},
    {7, NULL, "运行费", "three_public.car.operation", YS_NR_NONE},
    {7, NULL, "公务用车", "three_public.car", YS_NR_NONE},
    {7, NULL, "公务接待", "three_public.reception", YS_NR_NONE},
    {7, NULL, "三公", "three_public.total", YS_NR_NONE},

    /* 八、九: funds other than the general budget */
    {8, NULL, "政府性基金", "gov_fund.total", YS_NR_NONE},
    {8, NULL, NULL, "gov_fund.func", YS_NR_FUNC_ANY},
    {9, NULL, "国有资本经营", "soe.total", YS_NR_NONE},
    {9, NULL, NULL, "soe.func", YS_NR_FUNC_ANY},

    /* 十、项目支出安排情况 */
    {10, NULL, "=项目支出", "project.total", YS_NR_NONE},
    {10, NULL, "=项目支出预算", "project.total", YS_NR_NONE},
    {10, NULL, "=项目支出合计", "project.total", YS_NR_NONE},
    {10, NULL, "=项目支出预算合计", "project.total", YS_NR_NONE},
    {10, NULL, "一般公共预算", "project.gpb", YS_NR_NONE},
    {10, NULL, "用款计划", "project.plan", YS_NR_NONE},
    {10, NULL, NULL, "project", YS_NR_PROJECT},

    /* 十一、其他重要事项: by the sub-heading or the paragraph */
    /* the share reserved for small firms first: it names no kind */
    {11, "政府采购", "小型和微型", "procurement.sme.small", YS_NR_NONE},
    {11, "政府采购", "小微", "procurement.sme.small", YS_NR_NONE},
    {11, "政府采购", "中小企业", "procurement.sme", YS_NR_NONE},
    {11, "政府采购", "货物", "procurement.goods", YS_NR_NONE},
    {11, "政府采购", "工程", "procurement.works", YS_NR_NONE},
    {11, "政府采购", "服务", "procurement.services", YS_NR_NONE},
    {11, "政府采购", NULL, "procurement.total", YS_NR_NONE},
    {11, "购买服务", "政府购买服务", "purchase_service.total", YS_NR_NONE},
    {11, "购买服务", NULL, "purchase_service.item", YS_NR_NONE},
    {11, "绩效", "预算", "perf.total", YS_NR_NONE},

    /* Shanghai layout, 部门(单位)预算编制说明: income, expenditure and
     * the fiscal appropriation of every function, in one part */
    {YS_NTOPIC_BUDGET_NOTE, NULL, "(项)", "gpb.func", YS_NR_FUNC_CHAIN},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "(款)", "gpb.func", YS_NR_FUNC_CHAIN},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "(类)", "gpb.func", YS_NR_FUNC_CHAIN},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "财政拨款收入", "in.fiscal", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "财政拨款支出", "out.fiscal", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "一般公共预算", "gpb.total", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "政府性基金", "gov_fund.total", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "国有资本经营", "soe.total", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "事业单位经营", "in.operating", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "事业收入", "in.business", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "上级补助", "in.upper", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "附属单位上缴", "in.affiliated", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "其他收入", "in.other", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "收入预算", "in.total", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, "支出预算", "out.total", YS_NR_NONE},
    {YS_NTOPIC_BUDGET_NOTE, NULL, NULL, "gpb.func", YS_NR_FUNC_ANY},

    /* 其他相关情况说明 (Shanghai): the projects with goals (after
     * perf.total), the state assets */
    {11, "绩效", NULL, "perf.project", YS_NR_PROJECT},
    {11, "国有资产", "流动资产", "assets.current", YS_NR_NONE},
    {11, "国有资产", "=其他固定资产", "assets.item", YS_NR_NONE},
    {11, "国有资产", "固定资产", "assets.fixed", YS_NR_NONE},
    {11, "国有资产", NULL, "assets.item", YS_NR_NONE},

    /* project forms (预算变动情况): the year decides */
    {YS_NSEC_FORM, NULL, NULL, "form.year", YS_NR_FORM_YEAR},
};

const ys_npattern *ys_npatterns(size_t *n)
{
    *n = sizeof patterns / sizeof *patterns;
    return patterns;
}

/* ---- section topics by heading words --------------------------------- */

typedef struct topic {
    const char *words;
    int section;
} topic;

/* First match wins: "财政拨款收支预算总体" is 四, not 一; "一般公共预算
 * “三公”经费支出" is 七, not 五. */
static const topic topics[] = {
    {"预算编制说明", YS_NTOPIC_BUDGET_NOTE}, {"其他相关情况说明", 11},
    {"项目经费情况说明", 10},
    {"三公", 7},          {"基本支出", 6},       {"政府性基金", 8},
    {"国有资本经营", 9},  {"项目支出", 10},      {"财政拨款收支", 4},
    {"一般公共预算支出", 5}, {"一般公共预算拨款", 5}, {"收支预算总体", 1},
    {"收支总体", 1},      {"收入预算", 2},       {"支出预算", 3},
    {"其他重要事项", 11}, {"机关运行经费", 11},  {"政府采购", 11},
    {"购买服务", 11},     {"国有资产", 11},      {"绩效", 11},
};

int ys_ntopic(const char *heading, int number)
{
    for (size_t i = 0; heading && i < sizeof topics / sizeof *topics; i++)
        if (strstr(heading, topics[i].words))
            return topics[i].section;
    return number;
}

/* Un-numbered headings that open a part of their own (the Shanghai
 * layout): "2025年部门预算编制说明", "其他相关情况说明", "项目经费情况说明". */
static const topic parts[] = {
    {"预算编制说明", YS_NTOPIC_BUDGET_NOTE},
    {"其他相关情况说明", 11},
    {"项目经费情况说明", 10},
};

#define PART_MAX_CHARS 16  /* "2025年单位预算编制说明" and a little */

int ys_npart(const char *line)
{
    char flat[128];
    size_t o = 0;
    for (const char *p = line; *p; p++) {
        if (*p == ' ')
            continue;
        if (o + 1 >= sizeof flat)
            return 0;
        flat[o++] = *p;
    }
    flat[o] = 0;
    if (ys_utf8_len(flat, o) > PART_MAX_CHARS)
        return 0;
    for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
        size_t m = strlen(parts[i].words);
        if (o >= m && strcmp(flat + o - m, parts[i].words) == 0)
            return parts[i].section;
    }
    return 0;
}

/* ---- words before a figure ------------------------------------------- */

typedef struct verb {
    const char *word;
    int sign;
    bool needs_cmp;       /* only after 比/较/与…: a one-character verb */
} verb;

/* A money figure right after one of these is a change. */
static const verb change_verbs[] = {
    {"减少", -1, false}, {"下降", -1, false}, {"降低", -1, false},
    {"压减", -1, false}, {"缩减", -1, false}, {"增加", 1, false},
    {"增长", 1, false},  {"上升", 1, false},  {"提高", 1, false},
    {"减", -1, true},    {"少", -1, true},    {"增", 1, true},
    {"多", 1, true},
};

/* A percentage right after one of these is a rate. */
static const verb rate_verbs[] = {
    {"下降", -1, false}, {"降低", -1, false}, {"减少", -1, false},
    {"增长", 1, false},  {"增加", 1, false},  {"上升", 1, false},
    {"提高", 1, false},  {"降幅", -1, false}, {"减幅", -1, false},
    {"增幅", 1, false},  {"涨幅", 1, false},  {"增长率", 1, false},
    {"下降率", -1, false}, {"减", -1, true},
    {"降", -1, true},    {"增", 1, true},
};

/* A money figure after these (at the clause start, after a year) is last
 * year's: "上年预算 3185.46 万元", "2022年当年预算执行数为 1.48 万元".
 * (上年结转 is a subject of its own.) */
static const char *const prior_words[] = {"上年预算", "上年年初预算", "去年", "上一年度预算",
                                          "上年度预算", "当年预算执行数", "预算执行数",
                                          "执行数"};

/* After these (at the clause start, after a year) the latest figure is said
 * again: "…(项)”2.63万元。…，2023年预算安排2.63万元". */
static const char *const restate_words[] = {"预算安排"};

/* The clause without its blanks and a leading "2022年" / "2022年度". */
static const char *skip_year(const char *clause)
{
    const char *p = clause;
    while (*p == ' ')
        p++;
    const char *q = p;
    while (*q >= '0' && *q <= '9')
        q++;
    if (q - p != 4)
        return p;
    while (*q == ' ')
        q++;
    if (!ys_starts(q, "年"))
        return p;
    q += strlen("年");
    if (ys_starts(q, "度"))
        q += strlen("度");
    while (*q == ' ')
        q++;
    return q;
}

/* Filler between the verb and the figure ("减少了", "下降约"). */
static const char *const fillers[] = {"了", "约", "为", "达", " ", ":", ","};

static bool ends_with(const char *s, size_t n, const char *suf, size_t *rest)
{
    size_t m = strlen(suf);
    if (n < m || memcmp(s + n - m, suf, m) != 0)
        return false;
    *rest = n - m;
    return true;
}

/* Length of clause without trailing filler. */
static size_t strip_fillers(const char *c, size_t n)
{
    for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < sizeof fillers / sizeof *fillers; i++) {
            size_t r;
            if (ends_with(c, n, fillers[i], &r)) {
                n = r;
                again = true;
            }
        }
    }
    return n;
}

static bool starts_comparison(const char *clause);

static bool ends_with_verb(const char *clause, const verb *v, size_t nv, int *sign)
{
    size_t n = strip_fillers(clause, strlen(clause)), r;
    bool cmp = starts_comparison(clause);
    for (size_t i = 0; i < nv; i++)
        if ((cmp || !v[i].needs_cmp) && ends_with(clause, n, v[i].word, &r)) {
            *sign = v[i].sign;
            return true;
        }
    return false;
}

/* Comparison openers.  "与"/"同" alone open too many subjects ("同级…"),
 * so they count only before a year or 上年/去年 or as 同比. */
static const char *const comparisons[] = {"比", "较", "同比", "与上年", "与去年",
                                          "与上一年", "与19", "与20"};

static bool starts_comparison(const char *clause)
{
    char head[32];      /* the clause's start without blanks */
    size_t o = 0;
    for (const char *p = clause; *p && o + 1 < sizeof head; p++)
        if (*p != ' ')
            head[o++] = *p;
    head[o] = 0;
    for (size_t i = 0; i < sizeof comparisons / sizeof *comparisons; i++)
        if (ys_starts(head, comparisons[i]))
            return true;
    return false;
}

ys_nrole ys_nrole_money(const char *clause, int *sign)
{
    *sign = 1;
    if (ends_with_verb(clause, change_verbs, sizeof change_verbs / sizeof *change_verbs,
                       sign))
        return YS_NROLE_CHANGE;
    if (starts_comparison(clause))
        return YS_NROLE_PRIOR;
    clause = skip_year(clause);
    for (size_t i = 0; i < sizeof prior_words / sizeof *prior_words; i++)
        if (ys_starts(clause, prior_words[i]))
            return YS_NROLE_PRIOR;
    for (size_t i = 0; i < sizeof restate_words / sizeof *restate_words; i++)
        if (ys_starts(clause, restate_words[i]))
            return YS_NROLE_RESTATE;
    return YS_NROLE_SUBJECT;
}

ys_nrole ys_nrole_pct(const char *clause, int *sign)
{
    *sign = 1;
    if (ys_has(clause, "占"))
        return YS_NROLE_SHARE;
    if (ends_with_verb(clause, rate_verbs, sizeof rate_verbs / sizeof *rate_verbs, sign))
        return YS_NROLE_RATE;
    return YS_NROLE_IGNORE;
}

/* ---- thresholds ------------------------------------------------------ */

/* A figure that bounds a class ("单价100万元（含）以上设备", "400万元以上
 * 项目", "3000万元及以下") states no amount of the budget. */
static const char *const bound_after[] = {"以上", "以下", "及以上", "及以下", "以内",
                                          "(含)以上", "(含)以下", "(含)"};
static const char *const bound_before[] = {"单价", "限额", "标准"};

bool ys_nthreshold(const char *after, const char *clause)
{
    while (*after == ' ')
        after++;
    for (size_t i = 0; i < sizeof bound_after / sizeof *bound_after; i++)
        if (ys_starts(after, bound_after[i]))
            return true;
    size_t n = strip_fillers(clause, strlen(clause)), r;
    for (size_t i = 0; i < sizeof bound_before / sizeof *bound_before; i++)
        if (ends_with(clause, n, bound_before[i], &r))
            return true;
    return false;
}

/* ---- "没有…安排" --------------------------------------------------------- */

typedef struct none_rule {
    const char *topic;
    const char *key;
} none_rule;

static const none_rule none_rules[] = {
    {"三公", "none.three_public"},
    {"政府性基金", "none.gov_fund"},
    {"国有资本经营", "none.soe"},
};

typedef struct negation {
    const char *word;
    bool topic_after;     /* "无" only counts before its topic ("无“三公”经费") */
} negation;

static const negation negations[] = {
    {"没有", false}, {"未安排", false}, {"不安排", false}, {"无", true},
};

const char *ys_nnone_key(const char *sentence, size_t *at)
{
    if (!ys_has(sentence, "安排") && !ys_has(sentence, "支出") && !ys_has(sentence, "预算") &&
        !ys_has(sentence, "经费"))
        return NULL;
    for (size_t i = 0; i < sizeof negations / sizeof *negations; i++) {
        const char *neg = strstr(sentence, negations[i].word);
        if (!neg)
            continue;
        const char *from = negations[i].topic_after ? neg : sentence;
        for (size_t j = 0; j < sizeof none_rules / sizeof *none_rules; j++)
            if (strstr(from, none_rules[j].topic)) {
                *at = (size_t)(neg - sentence);
                return none_rules[j].key;
            }
    }
    return NULL;
}
