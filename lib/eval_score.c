/*
 * eval_score.c — one indicator's score from its target and actual value.
 *
 * Owns the scoring rule of docs/eval.md for a single indicator: the
 * direction (≥ and bare targets: more is better; ≤ targets and costs: less
 * is better), met / partly met / not met, the completion ratio and the
 * shortfall in the target's own unit.  Exact: integers aligned to a common
 * decimal scale, one half-up rounding.
 */
#include <stdio.h>
#include <string.h>

#include "eval_internal.h"
#include "text.h"

/* Words an actual may use for a qualitative target. */
static const struct { const char *word; ys_eval_status st; } verdicts[] = {
    {"部分达成", YS_EV_PARTLY}, {"部分完成", YS_EV_PARTLY}, {"基本达成", YS_EV_PARTLY},
    {"基本完成", YS_EV_PARTLY}, {"未达成", YS_EV_NOT_MET}, {"未完成", YS_EV_NOT_MET},
    {"未实现", YS_EV_NOT_MET}, {"否", YS_EV_NOT_MET}, {"达成", YS_EV_MET},
    {"已达成", YS_EV_MET}, {"完成", YS_EV_MET}, {"已完成", YS_EV_MET},
    {"实现", YS_EV_MET}, {"已实现", YS_EV_MET}, {"是", YS_EV_MET},
};
#define PARTLY_WORD_RATIO 500000   /* 部分达成 in words: half marks (50 %) */
#define RATIO_ONE 1000000          /* 100 % in 0.0001 % */

static const int64_t p10[] = {1LL, 10LL, 100LL, 1000LL, 10000LL, 100000LL, 1000000LL,
                              10000000LL, 100000000LL, 1000000000LL, 10000000000LL,
                              100000000000LL, 1000000000000LL};

static int64_t div_round(__int128 n, __int128 d)
{
    if (d < 0) {
        n = -n;
        d = -d;
    }
    return (int64_t)(n >= 0 ? (2 * n + d) / (2 * d) : -((-2 * n + d) / (2 * d)));
}

/* Decimals a and b as integers at a common scale; false when too fine. */
static bool common(ys_dec a, ys_dec b, __int128 *x, __int128 *y, int *scale)
{
    int s = a.scale > b.scale ? a.scale : b.scale;
    if (a.scale < 0 || b.scale < 0 || s > 12)
        return false;
    *x = (__int128)a.m * p10[s - a.scale];
    *y = (__int128)b.m * p10[s - b.scale];
    *scale = s;
    return true;
}

static bool word_verdict(const char *actual, const ys_ivalue *target, ys_eval_status *st)
{
    char f[256];
    if (!actual || ys_fold(actual, strlen(actual), f, sizeof f) == (size_t)-1)
        return false;
    for (size_t i = 0; i < sizeof verdicts / sizeof *verdicts; i++)
        if (!strcmp(f, verdicts[i].word)) {
            *st = verdicts[i].st;
            return true;
        }
    if (target->kind == YS_IV_QUAL && target->word[0] && strstr(f, target->word)) {
        *st = YS_EV_MET;   /* the actual restates the target: "已有效保障" */
        return true;
    }
    return false;
}

static void set_words(ys_eval_item *it, ys_eval_status st, int64_t full)
{
    it->status = st;
    it->ratio = st == YS_EV_MET ? RATIO_ONE : st == YS_EV_PARTLY ? PARTLY_WORD_RATIO : 0;
    it->score = div_round((__int128)full * it->ratio, RATIO_ONE);
    if (st != YS_EV_MET)
        snprintf(it->shortfall, sizeof it->shortfall, "%s", ys_eval_status_name(st));
}

/* "差 3 个百分点", "差 0.5万件", "超出 12万元" */
static void shortfall(ys_eval_item *it, const ys_ivalue *t, __int128 diff, int scale, bool up)
{
    ys_dec d = {(int64_t)diff, scale};
    int mult = t->pct ? 0 : t->mult;
    d.scale += mult;
    char num[48];
    ys_dec_format(d, num, sizeof num);
    const char *mw = mult == 4 ? "万" : mult == 8 ? "亿" : "";
    if (t->pct)
        snprintf(it->shortfall, sizeof it->shortfall, "%s%s个百分点", up ? "差" : "超出", num);
    else
        snprintf(it->shortfall, sizeof it->shortfall, "%s%s%s%s", up ? "差" : "超出", num, mw,
                 t->unit);
}

static int score_numeric(ys_eval_item *it, const ys_ivalue *tv, const ys_ivalue *av,
                         int64_t num, int64_t den, int floor, const char *file, ys_error *err)
{
    unsigned ctx = ys_indicator_ctx(it->l1, it->l3, tv);
    ys_ivalue t, a;
    if (av->kind != YS_IV_NUMBER || !ys_ivalue_align(tv, av, ctx, &t, &a))
        return ys_eval_error(err, YS_EINPUT, file, it->actual_line, it->actual_where,
                            "实际值“%s”与指标值“%s”（%s）单位不一致，无法比较", it->actual,
                            it->target, it->l3);
    __int128 x, y;   /* x actual, y target (the bound the actual must meet) */
    int scale;
    bool up;
    ys_dec bound = t.num;
    if (t.kind == YS_IV_RANGE) {
        /* inside the range is met; below it compares with lo, above with hi */
        up = ys_dec_cmp(a.num, t.num) < 0;
        bound = up ? t.num : t.hi;
        if (!up && ys_dec_cmp(a.num, t.hi) <= 0)
            bound = a.num;
    } else {
        bool ge = t.cmp == YS_CMP_GE || t.cmp == YS_CMP_GT;
        bool le = t.cmp == YS_CMP_LE || t.cmp == YS_CMP_LT;
        up = ge || (!le && !(ctx & YS_IVC_COST));
    }
    if (!common(a.num, bound, &x, &y, &scale))
        return ys_eval_error(err, YS_EINPUT, file, it->actual_line, it->actual_where, "实际值“%s”位数过多",
                            it->actual);
    bool strict = t.kind == YS_IV_NUMBER && (t.cmp == YS_CMP_GT || t.cmp == YS_CMP_LT);
    bool met = up ? (strict ? x > y : x >= y) : (strict ? x < y : x <= y);
    if (up ? y <= 0 : x <= 0)
        met = true;   /* nothing to reach, or nothing spent */
    __int128 rn = up ? x : y, rd = up ? y : x;
    it->ratio = rd > 0 ? div_round(rn * RATIO_ONE, rd) : RATIO_ONE;
    if (met) {
        it->status = YS_EV_MET;
        it->score = it->max;
        return YS_OK;
    }
    shortfall(it, &t, up ? y - x : x - y, scale, up);
    if (it->ratio * 1000 >= (int64_t)floor * RATIO_ONE) {
        it->status = YS_EV_PARTLY;
        it->score = div_round((__int128)num * rn, (__int128)den * rd);
    } else {
        it->status = YS_EV_NOT_MET;
        it->score = 0;
    }
    return YS_OK;
}

int ys_eval_score_item(ys_eval_item *it, int64_t num, int64_t den, int floor,
                       const char *file, ys_error *err)
{
    it->max = div_round(num, den);
    it->score = 0;
    it->shortfall[0] = 0;
    if (!it->actual || !*it->actual) {
        it->status = YS_EV_NO_DATA;
        it->ratio = -1;
        snprintf(it->shortfall, sizeof it->shortfall, "未填报实际值");
        return YS_OK;
    }
    ys_ivalue tv, av;
    ys_ivalue_parse(it->target, strlen(it->target), &tv);
    ys_ivalue_parse(it->actual, strlen(it->actual), &av);
    ys_eval_status st;
    bool numeric_target = tv.kind == YS_IV_NUMBER || tv.kind == YS_IV_RANGE;
    if (!numeric_target || av.kind == YS_IV_QUAL || av.kind == YS_IV_VERBATIM) {
        if (!word_verdict(it->actual, &tv, &st))
            return ys_eval_error(err, YS_EINPUT, file, it->actual_line, it->actual_where,
                                "实际值“%s”无法对照指标值“%s”（%s）评分：请填数值，或填"
                                "达成/部分达成/未达成",
                                it->actual, it->target, it->l3);
        set_words(it, st, it->max);
        return YS_OK;
    }
    return score_numeric(it, &tv, &av, num, den, floor, file, err);
}
