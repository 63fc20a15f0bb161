/* Unit tests: lib/indicator*.c — the value grammar over every indicator
 * value of the reference document and of the Shanghai forms, malformed
 * values, equality of meaning, strictness, glyph repair and matching.
 * The IND.* rules are tested in test_indicator_rules.c. */
#include "testutil.h"
#include "yusuan/audit.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/findings.h"
#include "yusuan/indicator.h"
#include "yusuan/tableset.h"
#include "indicator_view.h"

static ys_ivalue P(const char *s)
{
    ys_ivalue v;
    ys_ivalue_parse(s, strlen(s), &v);
    return v;
}

/* The decimal the test reads itself from "12.5" (digits and one dot). */
static ys_dec D(const char *s)
{
    ys_dec d = {0, 0};
    int seen_dot = 0;
    for (; *s; s++) {
        if (*s == '.') {
            seen_dot = 1;
            continue;
        }
        d.m = d.m * 10 + (*s - '0');
        d.scale += seen_dot;
    }
    return d;
}

static void assert_dec(ys_dec got, const char *want)
{
    if (ys_dec_cmp(got, D(want)) != 0) {
        char b[48];
        ys_dec_format(got, b, sizeof b);
        fail_msg("number %s, want %s", b, want);
    }
}

/* ---- the grammar on hand-written values ------------------------------- */

static void grammar_forms(void **st)
{
    (void)st;
    ys_ivalue v = P("≥7万件");
    assert_int_equal(v.kind, YS_IV_NUMBER);
    assert_int_equal(v.cmp, YS_CMP_GE);
    assert_dec(v.num, "70000");           /* 7 × 10^4 */
    assert_string_equal(v.unit, "件");
    v = P("≤1500元/人/天");
    assert_int_equal(v.cmp, YS_CMP_LE);
    assert_dec(v.num, "1500");
    assert_string_equal(v.unit, "元/人/天");
    v = P("合同金额=25万元");
    assert_int_equal(v.cmp, YS_CMP_EQ);
    assert_string_equal(v.cmpword, "合同金额");
    assert_dec(v.num, "250000");
    assert_string_equal(v.unit, "元");
    v = P("合同金额40万元");              /* no "=": same meaning */
    assert_int_equal(v.cmp, YS_CMP_EQ);
    assert_dec(v.num, "400000");
    v = P("＞ ９５％");                   /* full-width, blank after the glyph */
    assert_int_equal(v.cmp, YS_CMP_GT);
    assert_true(v.pct);
    assert_dec(v.num, "95");
    v = P("≥99.9%");
    assert_dec(v.num, "99.9");
    v = P("1,234.5万元");                 /* 1234.5 × 10^4 = 12345000 */
    assert_dec(v.num, "12345000");
    v = P("约3亿元");
    assert_int_equal(v.cmp, YS_CMP_ABOUT);
    assert_dec(v.num, "300000000");
    v = P("不低于80%");
    assert_int_equal(v.cmp, YS_CMP_GE);
    assert_dec(v.num, "80");
    v = P("不超过3个工作日");
    assert_int_equal(v.cmp, YS_CMP_LE);
    assert_string_equal(v.unit, "个工作日");
    v = P("10398m²");
    assert_string_equal(v.unit, "m2");
    v = P("≥13459.00(平方米)");
    assert_string_equal(v.unit, "m2");
    v = P("=100.00(%)");
    assert_true(v.pct);
    assert_dec(v.num, "100");
    v = P("90%-95%");
    assert_int_equal(v.kind, YS_IV_RANGE);
    assert_dec(v.num, "90");
    assert_dec(v.hi, "95");
    v = P("3至5个");
    assert_int_equal(v.kind, YS_IV_RANGE);
    assert_string_equal(v.unit, "个");
    v = P("2~4万户");                      /* the 万 is for both ends */
    assert_dec(v.num, "20000");
    assert_dec(v.hi, "40000");
    v = P("满意率100%");
    assert_string_equal(v.label, "满意率");
    assert_true(v.notes & YS_IVN_LABEL);
    v = P("稳固提升");
    assert_int_equal(v.kind, YS_IV_QUAL);
    assert_int_equal(v.qdir, YS_QDIR_UP);
    v = P("压减");
    assert_int_equal(v.qdir, YS_QDIR_DOWN);
    v = P("");
    assert_int_equal(v.kind, YS_IV_EMPTY);
}

static void grammar_malformed(void **st)
{
    (void)st;
    static const char *const bad[] = {
        "≥", "≥万件", "1..2件", "abc", "12345678901234567890件", "≥3万万件",
        "2个五门柜 1台饮水机", "\xff\xfe", "开展至少1次团体心理治疗", "≥1,2345件",
        "—", "5件-", "≥99%%%",
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ys_ivalue v = P(bad[i]);
        if (v.kind != YS_IV_VERBATIM)
            fail_msg("'%s' read as kind %d, want verbatim", bad[i], v.kind);
        /* kept as written, never dropped */
        assert_int_equal(v.srclen, strlen(bad[i]));
        assert_memory_equal(v.src, bad[i], v.srclen);
        char out[128];
        ys_ivalue_format(&v, out, sizeof out);
        assert_string_equal(out, bad[i]);
    }
}

/* Random strings of grammar tokens: parse, format, compare never crash and
 * never lose the text (run under ASan/valgrind by the test suite). */
static void grammar_random(void **st)
{
    (void)st;
    static const char *const tok[] = {
        "1", "0", "9", ".", ",", "%", "万", "亿", "≥", "≤", ">", "<", "=", "-", "至", "~",
        "元", "/", "(", ")", "m²", " ", "合同金额", "不低于", "提升", "件", "\xe4", "满意率",
    };
    unsigned seed = 12345;
    char buf[128];
    ys_ivalue prev = P("≥1件");
    for (int k = 0; k < 20000; k++) {
        size_t n = 0;
        int len = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 8;
        for (int t = 0; t < len; t++) {
            const char *w = tok[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof tok / sizeof *tok)];
            size_t wl = strlen(w);
            if (n + wl < sizeof buf) {
                memcpy(buf + n, w, wl);
                n += wl;
            }
        }
        buf[n] = 0;
        ys_ivalue v = P(buf);
        assert_int_equal(v.srclen, n);
        char out[256];
        ys_ivalue_format(&v, out, sizeof out);
        if (v.kind == YS_IV_VERBATIM)
            assert_string_equal(out, buf);
        (void)ys_ivalue_same(&v, &prev, YS_IVC_RATE | YS_IVC_COST);
        (void)ys_ivalue_stricter(&v, &prev, YS_IVC_COST);
        (void)ys_ivalue_disjoint(&v, &prev, 0);
        prev = v;
        prev.src = "≥1件";   /* buf is reused: keep prev's text valid */
        prev.srclen = strlen(prev.src);
    }
}

static void grammar_format(void **st)
{
    (void)st;
    static const char *const pairs[][2] = {
        {"≥ 99%", "≥99%"}, {"合同金额40万元", "合同金额=40万元"}, {"26.07万", "26.07万"},
        {"≤1500元/人/天", "≤1500元/人/天"}, {">=5次", "≥5次"}, {"提升", "提升"},
        {"90%-95%", "90%-95%"}, {"0.99", "0.99"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof *pairs; i++) {
        ys_ivalue v = P(pairs[i][0]);
        char out[128];
        ys_ivalue_format(&v, out, sizeof out);
        assert_string_equal(out, pairs[i][1]);
    }
}

/* ---- equality, strictness, glyphs ------------------------------------- */

static void equality(void **st)
{
    (void)st;
    ys_ivalue a, b;
    a = P("0.99"), b = P("99%");
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_RATE), YS_IVS_SAME);
    assert_int_equal(ys_ivalue_same(&a, &b, 0), YS_IVS_SAME);   /* the % of b says it */
    a = P("1"), b = P("100%");
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_RATE), YS_IVS_SAME);
    a = P("≥5次"), b = P(">=5次");
    assert_int_equal(ys_ivalue_same(&a, &b, 0), YS_IVS_SAME);
    a = P("26.07万"), b = P("26.07万元");
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_COST), YS_IVS_SAME);
    a = P("90%"), b = P("92%");
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_RATE), YS_IVS_DIFFER);
    /* kept as written: a space beside Chinese is no difference (a PDF
     * cell wrapped there has none), other words are */
    a = P("2个五门柜 1台饮水机"), b = P("2个五门柜1台饮水机");
    assert_int_equal(a.kind, YS_IV_VERBATIM);
    assert_int_equal(ys_ivalue_same(&a, &b, 0), YS_IVS_SAME);
    b = P("2个五门柜 2台饮水机");
    assert_int_equal(ys_ivalue_same(&a, &b, 0), YS_IVS_UNKNOWN);
    a = P("≥90%"), b = P("≥92%");
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_RATE), YS_IVS_DIFFER);
    a = P("> 93%"), b = P("≥93%");
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_RATE), YS_IVS_WEAK);
    a = P("26"), b = P("26.07万");        /* 26万 against 26.07万 */
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_COST), YS_IVS_DIFFER);
    a = P("26"), b = P("≤26万");          /* bare 26 in the 万 of its sibling */
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_COST), YS_IVS_SAME);
    a = P("≤32万元/年"), b = P("<2.178万元/台");
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_COST), YS_IVS_UNKNOWN);
    a = P("合同金额=802万元"), b = P("≤600万元");
    assert_int_equal(ys_ivalue_same(&a, &b, YS_IVC_COST), YS_IVS_DIFFER);
    assert_true(ys_ivalue_disjoint(&a, &b, YS_IVC_COST));        /* 802 > 600 */
    a = P("≥90%"), b = P("≥92%");
    assert_false(ys_ivalue_disjoint(&a, &b, YS_IVC_RATE));       /* 95 % meets both */
    a = P("≥95%"), b = P("≤90%");
    assert_true(ys_ivalue_disjoint(&a, &b, YS_IVC_RATE));
    a = P("提升"), b = P("提升");
    assert_int_equal(ys_ivalue_same(&a, &b, 0), YS_IVS_SAME);
}

static void contexts(void **st)
{
    (void)st;
    assert_true(ys_indicator_ctx("成本指标", "经费使用限额", NULL) & YS_IVC_COST);
    assert_true(ys_indicator_ctx("产出指标", "证照邮寄费", NULL) & YS_IVC_COST);
    assert_false(ys_indicator_ctx("产出指标", "24小时自助服务设备租赁数量", NULL) & YS_IVC_COST);
    assert_true(ys_indicator_ctx("产出指标", "卫生环境达标率", NULL) & YS_IVC_RATE);
    assert_true(ys_indicator_ctx("满意度指标", "群众满意度", NULL) & YS_IVC_RATE);
    assert_false(ys_indicator_ctx("产出指标", "就餐人数", NULL) & YS_IVC_RATE);
    ys_ivalue v = P("合同金额=25万元");
    assert_true(ys_indicator_ctx("产出指标", "立体停车库维保", &v) & YS_IVC_COST);
    /* a qualitative word shares its room with the comparator word: a word
     * that mentions 金额 is still no money comparator */
    v = P("按合同金额支付");
    assert_int_equal(v.kind, YS_IV_QUAL);
    assert_false(ys_indicator_ctx("产出指标", "服务质量", &v) & YS_IVC_COST);
}

static void strictness(void **st)
{
    (void)st;
    ys_ivalue a, b;
    a = P("≥260人次"), b = P("≥315人次");   /* fewer is easier for ≥ */
    assert_int_equal(ys_ivalue_stricter(&a, &b, 0), -1);
    a = P("≤452.81万元"), b = P("≤464.01万元");   /* a smaller cap is stricter */
    assert_int_equal(ys_ivalue_stricter(&a, &b, YS_IVC_COST), 1);
    a = P("≤600万元"), b = P("802万元");          /* cost: bare prior, smaller is stricter */
    assert_int_equal(ys_ivalue_stricter(&a, &b, YS_IVC_COST), 1);
    a = P("≥3万件"), b = P("≥2.5万件");
    assert_int_equal(ys_ivalue_stricter(&a, &b, 0), 1);
    a = P("99%"), b = P("0.99");
    assert_int_equal(ys_ivalue_stricter(&a, &b, YS_IVC_RATE), 0);
    a = P("≥5件"), b = P("≤5件");
    assert_int_equal(ys_ivalue_stricter(&a, &b, 0), 2);
    a = P("提升"), b = P("≥5件");
    assert_int_equal(ys_ivalue_stricter(&a, &b, 0), 2);
}

static void glyphs(void **st)
{
    (void)st;
    ys_ivalue block[4] = {P("≥90%"), P("≥95%"), P("> 93%"), P("≤1%")};
    assert_int_equal(ys_ivalue_fix_glyphs(block, 4), 1);
    assert_int_equal(block[2].cmp, YS_CMP_GE);
    assert_true(block[2].notes & YS_IVN_GLYPH);
    assert_int_equal(block[0].notes & YS_IVN_GLYPH, 0);
    ys_ivalue strict[3] = {P("> 90%"), P("> 95%"), P("< 1%")};   /* nothing to go by */
    assert_int_equal(ys_ivalue_fix_glyphs(strict, 3), 0);
    assert_int_equal(strict[0].cmp, YS_CMP_GT);
    /* the same block scattered (as in the indicator views), repaired where
     * its values are */
    ys_ivalue a = P("> 93%"), b = P("≥90%"), c = P("≤1%"), d = P("≥95%");
    ys_ivalue *at[4] = {&a, &b, &c, &d};
    assert_int_equal(ys_ivalue_fix_glyphs_at(at, 4), 1);
    assert_int_equal(a.cmp, YS_CMP_GE);
    assert_true(a.notes & YS_IVN_GLYPH);
    assert_int_equal(b.notes & YS_IVN_GLYPH, 0);
    ys_ivalue e = P("> 90%"), f = P("< 1%");
    ys_ivalue *none[2] = {&e, &f};
    assert_int_equal(ys_ivalue_fix_glyphs_at(none, 2), 0);
    assert_int_equal(e.cmp, YS_CMP_GT);
}

static void matching_names(void **st)
{
    (void)st;
    char a[128], b[128];
    ys_project_key("行政审批工作经费（一级）", a, sizeof a);
    ys_project_key("行政审批工作项目经费", b, sizeof b);
    assert_string_equal(a, b);
    ys_project_key("政务服务工作经历费（一级）", a, sizeof a);   /* a typo */
    ys_project_key("政务服务工作经费", b, sizeof b);
    assert_true(ys_similarity(a, b) >= 800);
    ys_indicator_key("水务专家评审费标准/件", a, sizeof a);
    ys_indicator_key("水务专家评审费标准", b, sizeof b);
    assert_string_equal(a, b);
    assert_int_equal(ys_similarity("甲乙丙丁", "甲乙丙丁"), 1000);
    /* bigrams 甲乙 乙丙 丙丁 vs 甲乙 乙丙 丙戊: 2 common of 3+3 → 667 */
    assert_int_equal(ys_similarity("甲乙丙丁", "甲乙丙戊"), 666);
    char how[64];
    ys_match_describe(YS_MATCH_GOALTEXT | YS_MATCH_AMOUNT, how, sizeof how);
    assert_string_equal(how, "目标说明、金额");
}

/* ---- the reference document -------------------------------------------- */

/* Qualitative words the reference document writes as indicator values. */
static const char *const doc_words[] = {
    "减轻", "压减", "符合合同要求", "按合同约定时间", "有效保障", "提升", "优化",
    "稳固提升", "及时", "一批",
};
/* Values of the reference document that are prose, not values. */
static const char *const doc_prose[] = {"2个五门柜 1台饮水机"};

static bool listed(const char *s, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(s, list[i]))
            return true;
    return false;
}

/* True when cell ends in "指标" or "指标<digits>": a 二级指标 cell. */
static bool is_l2(const char *c)
{
    size_t n = strlen(c);
    while (n && c[n - 1] >= '0' && c[n - 1] <= '9')
        n--;
    return n >= 6 && !strncmp(c + n - 6, "指标", 6);
}

/* "≥99%" / "99%" / "≤1%" : check the number against the test's own reading. */
static void check_simple_pct(const char *cell, const ys_ivalue *v)
{
    const char *p = cell;
    if (!strncmp(p, "≥", 3) || !strncmp(p, "≤", 3))
        p += 3;
    size_t n = strlen(p);
    if (n < 2 || p[n - 1] != '%')
        return;
    char num[32];
    if (n - 1 >= sizeof num)
        return;
    for (size_t i = 0; i + 1 < n; i++)
        if (!((p[i] >= '0' && p[i] <= '9') || p[i] == '.'))
            return;
    memcpy(num, p, n - 1);
    num[n - 1] = 0;
    assert_true(v->pct);
    assert_dec(v->num, num);
}

static void reference_document(void **st)
{
    (void)st;
    char path[512];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    size_t len;
    char *text = ys_test_slurp(path, &len);
    assert_non_null(text);
    int values = 0, numbers = 0, words = 0, prose = 0, in_goals = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        line[strcspn(line, "\r")] = 0;
        if (strstr(line, "整体绩效目标"))
            in_goals = 1;
        if (!strncmp(line, "第三部分", 12))
            in_goals = 0;
        if (!in_goals)
            continue;
        char *cells[64];
        int n = 0;
        for (char *c = line; n < 64;) {
            cells[n++] = c;
            char *t = strchr(c, '\t');
            if (!t)
                break;
            *t = 0;
            c = t + 1;
        }
        /* an indicator row: … 二级 │ 三级 │ value(s) │ 依据 */
        int basis = -1, l2 = -1;
        for (int i = n - 1; i >= 0 && basis < 0; i--)
            if (cells[i][0])
                basis = i;
        for (int i = 0; i < basis; i++)
            if (is_l2(cells[i]))
                l2 = i;
        if (l2 < 0 || basis < l2 + 2)
            continue;
        for (int i = l2 + 2; i < basis; i++) {
            if (!cells[i][0])
                continue;
            ys_ivalue v = P(cells[i]);
            values++;
            if (v.kind == YS_IV_NUMBER || v.kind == YS_IV_RANGE) {
                numbers++;
                check_simple_pct(cells[i], &v);
            } else if (v.kind == YS_IV_QUAL) {
                words++;
                if (!listed(cells[i], doc_words, sizeof doc_words / sizeof *doc_words))
                    fail_msg("'%s' read as a word, not listed", cells[i]);
            } else {
                prose++;
                if (!listed(cells[i], doc_prose, sizeof doc_prose / sizeof *doc_prose))
                    fail_msg("'%s' not readable", cells[i]);
            }
        }
    }
    free(text);
    printf("reference: %d values, %d numeric, %d words, %d verbatim\n", values, numbers,
           words, prose);
    /* tables 11 and 12 hold several hundred values; most are numeric */
    assert_true(values > 400);
    assert_true(numbers > values * 3 / 4);
    assert_int_equal(prose, 2);   /* the same prose in table 11 and its form */
}

/* Shanghai forms (pdftotext -layout): the value column is the last run of
 * text starting far right under the header 年度(/项目)指标值. */
static const char *const sh_prose[] = {
    "开展至少1次团体心理治疗", "至少1次矫正人员的集中活动",
    "不低于50人次的个体心理咨询辅导", "开展不低于5次的社区法治宣传活动",
    "慰问人数不少于100人,宣传用品不少于20000份",
};

static void shanghai_documents(void **st)
{
    (void)st;
    char path[512];
    if (!ys_test_shared("documents/shanghai/sh_putuo_wanli_2023_dept.txt", path, sizeof path))
        return;
    char *text = ys_test_slurp(path, NULL);
    assert_non_null(text);
    int on = 0, values = 0, numbers = 0, verbatim = 0, unexpected = 0;
    char *save = NULL;
    for (char *line = strtok_r(text, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
        if (strstr(line, "年度(/项目)指标值")) {
            on = 1;
            continue;
        }
        if (strstr(line, "填报表"))
            on = 0;
        if (!on)
            continue;
        /* last field after a run of 3+ blanks, if it starts right of column 60 */
        size_t n = strlen(line);
        while (n && line[n - 1] == ' ')
            n--;
        line[n] = 0;
        char *last = NULL;
        for (char *p = line; (p = strstr(p, "   ")); p++)
            last = p;
        if (!last)
            continue;
        while (*last == ' ')
            last++;
        if ((size_t)(last - line) < 60 || !*last || strstr(last, "指标"))
            continue;
        ys_ivalue v = P(last);
        values++;
        assert_int_equal(v.srclen, strlen(last));
        if (v.kind == YS_IV_NUMBER || v.kind == YS_IV_RANGE)
            numbers++;
        else if (v.kind == YS_IV_VERBATIM) {
            verbatim++;
            char folded[256];
            size_t k = 0;
            for (const char *p = last; *p && k + 1 < sizeof folded; p++)
                if (*p != ' ')
                    folded[k++] = *p;
            folded[k] = 0;
            if (!listed(folded, sh_prose, sizeof sh_prose / sizeof *sh_prose)) {
                printf("unexpected verbatim: '%s'\n", folded);
                unexpected++;
            }
        }
    }
    free(text);
    printf("shanghai: %d values, %d numeric, %d verbatim\n", values, numbers, verbatim);
    assert_int_equal(unexpected, 0);
    assert_true(values > 40);
    assert_true(numbers >= 20);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(grammar_forms),   cmocka_unit_test(grammar_malformed),
        cmocka_unit_test(grammar_random),
        cmocka_unit_test(grammar_format),  cmocka_unit_test(equality),
        cmocka_unit_test(contexts),
        cmocka_unit_test(strictness),      cmocka_unit_test(glyphs),
        cmocka_unit_test(matching_names),  cmocka_unit_test(reference_document),
        cmocka_unit_test(shanghai_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
