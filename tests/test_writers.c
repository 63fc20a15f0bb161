/*
 * test_writers.c — the hand-built department (writers_sample.h) through each
 * in-memory writer: the txt layout of the reference document, Markdown table
 * shape, HTML escaping and charts, JSON validity and exact 分, CSV quoting,
 * the list of formats.
 *
 * With YS_WRITERS_OUT=DIR set, the first test also writes every format of
 * the sample into DIR (base name "sample") for the e2e scripts.
 */
#include "writers_sample.h"

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
    assert_non_null(strstr(b.p, "<td class=\"n\" nowrap>219.87</td>"));
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
        cmocka_unit_test(test_markdown_tables),
        cmocka_unit_test(test_html_escaping_and_charts),
        cmocka_unit_test(test_html_without_prior),
        cmocka_unit_test(test_json),
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_out_parse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
