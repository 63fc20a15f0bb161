/* Unit tests: lib/eval*.c — 绩效自评 scores on a hand-built indicator set,
 * checked against figures worked out by hand below; located errors for bad
 * actuals; weights from a file; the reports and all-or-nothing writing. */
#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "testutil.h"
#include "yusuan/eval.h"
#include "yusuan/writer.h"

static void IND(ys_tableset *ts, const char *table, bool annual, const char *l1,
                const char *l3, const char *target, int line)
{
    ys_indicator *x = ys_tableset_add_indicator(ts);
    memset(x, 0, sizeof *x);
    x->table_id = ys_ts_str(ts, table, (size_t)-1);
    x->goal = 1;
    x->annual = annual;
    x->l1 = ys_ts_str(ts, l1, (size_t)-1);
    x->l2 = "";
    x->l3 = ys_ts_str(ts, l3, (size_t)-1);
    x->target = ys_ts_str(ts, target, (size_t)-1);
    x->line = line;
}

static void FORM(ys_tableset *ts, const char *id, int64_t wan)
{
    static const char *const cols[] = {"amount", "qty"};
    ys_table *t = ys_tableset_add(ts, id, "项目支出绩效目标表", cols, 2);
    ys_row *r = ys_table_add_row(ts, t, "", "项目总预算", 1);
    r->key = "budget.total";
    r->cells[0].v = (ys_amount){wan * 1000000LL, 10000, true};
}

/* Two projects: 甲 (budget 100 万元) and 乙 (300 万元); table 11 too, which
 * is not scored when forms exist. */
static ys_tableset *hand_built(void)
{
    ys_tableset *ts = ys_tableset_new();
    FORM(ts, "12:甲项目", 100);
    FORM(ts, "12:乙项目", 300);
    IND(ts, "11", true, "产出指标", "办理件数", "≥1000件", 5);
    IND(ts, "12:甲项目", false, "产出指标", "办理件数", "≥800件", 9);   /* long-term: not scored */
    IND(ts, "12:甲项目", true, "产出指标", "办理件数", "≥1000件", 10);
    IND(ts, "12:甲项目", true, "产出指标", "准确率", "≥99%", 11);
    IND(ts, "12:甲项目", true, "产出指标", "按时办结率", "100%", 12);
    IND(ts, "12:甲项目", true, "效益指标", "服务效能", "提升", 13);
    IND(ts, "12:甲项目", true, "满意度指标", "满意度", "≥90%", 14);
    IND(ts, "12:甲项目", true, "成本指标", "经费使用限额", "≤100万元", 15);
    IND(ts, "12:乙项目", true, "产出指标", "培训人次", "≥200人次", 20);
    IND(ts, "12:乙项目", true, "满意度指标", "满意度", "≥95%", 21);
    return ts;
}

static const char ACTUALS[] =
    "项目,三级指标,实际值\n"
    "甲项目,办理件数,900件\n"
    "甲项目,准确率,0.995\n"
    "甲项目,按时办结率,50%\n"
    "甲项目,服务效能,达成\n"
    "12:甲项目,满意度,85%\n"
    "甲项目（一级）,经费使用限额,110万元\n"
    "乙项目,培训人次,250人次\n";

static ys_evaluation *run(ys_tableset *ts, const char *csv, const ys_eval_weights *w,
                          int want_rc, int want_line)
{
    ys_actuals *a = NULL;
    ys_error err = {0};
    int rc = ys_actuals_parse("actuals.csv", csv, strlen(csv), &a, &err);
    ys_evaluation *ev = NULL;
    if (rc == YS_OK) {
        ys_eval_weights dw;
        ys_eval_weights_default(&dw);
        rc = ys_evaluate(ts, a, w ? w : &dw, &ev, &err);
    }
    if (rc != want_rc)
        fail_msg("rc %d (%s), want %d", rc, err.msg, want_rc);
    if (want_rc != YS_OK) {
        assert_null(ev);
        assert_int_equal(err.line, want_line);
        assert_string_equal(err.file, "actuals.csv");
    }
    ys_actuals_free(a);
    return ev;
}

static const ys_eval_item *item(const ys_evaluation *ev, const char *project, const char *l3)
{
    for (size_t i = 0; i < ev->nitems; i++)
        if (!strcmp(ev->items[i].project, project) && !strcmp(ev->items[i].l3, l3))
            return &ev->items[i];
    fail_msg("no item %s/%s", project, l3);
    return NULL;
}

static void scores_by_hand(void **st)
{
    (void)st;
    ys_tableset *ts = hand_built();
    ys_evaluation *ev = run(ts, ACTUALS, NULL, YS_OK, 0);
    /* scored: 6 annual indicators of 甲 and 2 of 乙; not table 11, not long-term */
    assert_int_equal(ev->nitems, 8);
    assert_int_equal(ev->nprojects, 2);
    /* 甲: groups 产出 (3 indicators), 效益 (1), 满意度 (1), 成本 (1): ΣW = 100.
     * Scores in 0.0001 points. */
    /* 办理件数: 900 of ≥1000 = 90 % ≥ 60 % → partly: 50/3 × 0.9 = 15 points */
    const ys_eval_item *it = item(ev, "甲项目", "办理件数");
    assert_int_equal(it->status, YS_EV_PARTLY);
    assert_int_equal(it->score, 150000);
    assert_int_equal(it->ratio, 900000);            /* 90 % */
    assert_string_equal(it->shortfall, "差100件");
    /* 准确率: 0.995 is 99.5 % ≥ 99 % → met: 50/3 = 16.66667 → 166667 */
    it = item(ev, "甲项目", "准确率");
    assert_int_equal(it->status, YS_EV_MET);
    assert_int_equal(it->score, 166667);
    /* 按时办结率: 50 % of 100 % < 60 % → not met, 0 */
    it = item(ev, "甲项目", "按时办结率");
    assert_int_equal(it->status, YS_EV_NOT_MET);
    assert_int_equal(it->score, 0);
    assert_string_equal(it->shortfall, "差50个百分点");
    /* 服务效能: 提升, actual 达成 → met: 效益 30/1 = 30 points */
    it = item(ev, "甲项目", "服务效能");
    assert_int_equal(it->score, 300000);
    /* 满意度: 85 of ≥90 → partly: 10 × 85/90 = 9.44444 → 94444 */
    it = item(ev, "甲项目", "满意度");
    assert_int_equal(it->status, YS_EV_PARTLY);
    assert_int_equal(it->score, 94444);
    /* 经费使用限额: 110 against ≤100 万元, less is better: 10 × 100/110 = 9.090909 → 90909 */
    it = item(ev, "甲项目", "经费使用限额");
    assert_int_equal(it->status, YS_EV_PARTLY);
    assert_int_equal(it->score, 90909);
    assert_string_equal(it->shortfall, "超出10万元");
    /* 甲 = 150000 + 166667 + 0 + 300000 + 94444 + 90909 = 802020 (80.20) */
    assert_int_equal(ev->projects[0].score, 802020);
    /* 乙: groups 产出 and 满意度 only, ΣW = 60: 产出 = 50/60 × 100 = 83.33333 → 833333;
     * 满意度 has no actual: 0 of 16.66667 */
    it = item(ev, "乙项目", "满意度");
    assert_int_equal(it->status, YS_EV_NO_DATA);
    assert_int_equal(it->max, 166667);
    assert_int_equal(ev->projects[1].score, 833333);
    /* department: (802020 × 100 + 833333 × 300) / 400 = 3302019 / 4 = 825504.75 → 825505 */
    assert_int_equal(ev->total, 825505);
    char pts[32];
    ys_eval_points(ev->total, pts, sizeof pts);
    assert_string_equal(pts, "82.55");
    ys_evaluation_free(ev);
    ys_tableset_free(ts);
}

static void custom_weights(void **st)
{
    (void)st;
    char path[] = "/tmp/ys_weightsXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char *csv = "一级指标,权重\n产出,40\n效益,20\n满意度,20\n成本,20\n";
    assert_int_equal(write(fd, csv, strlen(csv)), (ssize_t)strlen(csv));
    close(fd);
    ys_eval_weights w;
    ys_error err = {0};
    assert_int_equal(ys_eval_weights_read(path, &w, &err), YS_OK);
    assert_int_equal(w.n, 4);
    ys_tableset *ts = hand_built();
    ys_evaluation *ev = run(ts, ACTUALS, &w, YS_OK, 0);
    /* 甲 with 40/20/20/20: 办理件数 40/3 × 0.9 = 12 → 120000; 准确率 40/3 → 133333;
     * 效益 20 → 200000; 满意度 20 × 85/90 = 18.8889 → 188889;
     * 成本 20 × 100/110 = 18.1818 → 181818.  Sum = 824040 */
    assert_int_equal(ev->projects[0].score, 824040);
    ys_evaluation_free(ev);
    /* a bad weight is located */
    FILE *f = fopen(path, "w");
    fputs("一级指标,权重\n产出,50\n效益,abc\n", f);
    fclose(f);
    assert_int_equal(ys_eval_weights_read(path, &w, &err), YS_EINPUT);
    assert_int_equal(err.line, 3);
    unlink(path);
    ys_tableset_free(ts);
}

static void bad_actuals(void **st)
{
    (void)st;
    ys_tableset *ts = hand_built();
    /* unknown project on line 3 */
    run(ts, "项目,三级指标,实际值\n甲项目,办理件数,900件\n丁项目,办理件数,1\n", NULL,
        YS_EINPUT, 3);
    /* unknown indicator on line 2 */
    run(ts, "项目,三级指标,实际值\n甲项目,不存在的指标,1\n", NULL, YS_EINPUT, 2);
    /* a unit that does not fit the target (次 against 件) */
    run(ts, "项目,三级指标,实际值\n甲项目,办理件数,900次\n", NULL, YS_EINPUT, 2);
    /* a word where a number is needed */
    run(ts, "项目,三级指标,实际值\n甲项目,办理件数,很多\n", NULL, YS_EINPUT, 2);
    /* the same indicator twice */
    run(ts, "项目,三级指标,实际值\n甲项目,准确率,99%\n甲项目,准确率,98%\n", NULL, YS_EINPUT,
        3);
    /* header without the actual column */
    run(ts, "项目,三级指标\n甲项目,准确率\n", NULL, YS_EINPUT, 1);
    /* an unterminated quote */
    ys_actuals *a = NULL;
    ys_error err = {0};
    const char *q = "项目,三级指标,实际值\n\"甲项目,准确率,99%\n";
    assert_int_equal(ys_actuals_parse("x.csv", q, strlen(q), &a, &err), YS_EINPUT);
    assert_null(a);
    ys_tableset_free(ts);
}

static void reports(void **st)
{
    (void)st;
    ys_tableset *ts = hand_built();
    FORM(ts, "12:丙<script>", 10);
    IND(ts, "12:丙<script>", true, "产出指标", "次数", "≥2次", 30);
    ys_evaluation *ev = run(ts, ACTUALS, NULL, YS_OK, 0);
    ys_buf md = {0}, html = {0};
    assert_int_equal(ys_eval_write_md(ev, &md), YS_OK);
    assert_int_equal(ys_eval_write_html(ev, &html), YS_OK);
    ys_buf_put(&md, "", 1);
    ys_buf_put(&html, "", 1);
    assert_non_null(strstr(md.p, "80.20"));           /* 甲, worked out above */
    assert_non_null(strstr(md.p, "差50个百分点"));
    assert_non_null(strstr(html.p, "丙&lt;script&gt;"));
    assert_null(strstr(html.p, "<script>"));
    ys_buf_free(&md);
    ys_buf_free(&html);

    char dir[] = "/tmp/ys_evalXXXXXX";
    assert_non_null(mkdtemp(dir));
    ys_error err = {0};
    assert_int_equal(ys_eval_write_all(ev, dir, "eval", YS_OUT_MD | YS_OUT_HTML | YS_OUT_XLSX,
                                       &err), YS_OK);
    char p[512];
    struct stat sb;
    static const char *const ext[] = {"md", "html", "xlsx"};
    for (int i = 0; i < 3; i++) {
        snprintf(p, sizeof p, "%s/eval.%s", dir, ext[i]);
        assert_int_equal(stat(p, &sb), 0);
        assert_true(sb.st_size > 0);
        unlink(p);
    }
    /* a folder that cannot be made: error, nothing written */
    snprintf(p, sizeof p, "%s/file", dir);
    FILE *f = fopen(p, "w");
    fclose(f);
    char sub[600];
    snprintf(sub, sizeof sub, "%s/sub", p);
    assert_int_not_equal(ys_eval_write_all(ev, sub, "eval", YS_OUT_MD, &err), YS_OK);
    unlink(p);
    rmdir(dir);
    ys_evaluation_free(ev);
    ys_tableset_free(ts);
}

/* The same actuals as an .xlsx workbook give the same scores; a bad row is
 * located by its cell. */
static void xlsx_actuals(void **st)
{
    (void)st;
    char dir[] = "/tmp/ys_xlsxXXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/actuals.xlsx", dir);
    lxw_workbook *wb = workbook_new(path);
    lxw_worksheet *ws = workbook_add_worksheet(wb, "实际值");
    static const char *const rows[][3] = {
        {"项目", "三级指标", "实际值"},         {"甲项目", "办理件数", "900件"},
        {"甲项目", "准确率", "0.995"},          {"甲项目", "按时办结率", "50%"},
        {"甲项目", "服务效能", "达成"},          {"12:甲项目", "满意度", "85%"},
        {"甲项目", "经费使用限额", "110万元"},   {"乙项目", "培训人次", "250人次"},
    };
    for (lxw_row_t r = 0; r < 8; r++)
        for (lxw_col_t c = 0; c < 3; c++)
            worksheet_write_string(ws, r, c, rows[r][c], NULL);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    ys_actuals *a = NULL;
    ys_error err = {0};
    assert_int_equal(ys_actuals_read(path, &a, &err), YS_OK);
    assert_int_equal(a->n, 7);
    ys_tableset *ts = hand_built();
    ys_eval_weights w;
    ys_eval_weights_default(&w);
    ys_evaluation *ev = NULL;
    assert_int_equal(ys_evaluate(ts, a, &w, &ev, &err), YS_OK);
    assert_int_equal(ev->projects[0].score, 802020);   /* as in scores_by_hand */
    ys_evaluation_free(ev);
    ys_actuals_free(a);

    wb = workbook_new(path);
    ws = workbook_add_worksheet(wb, "实际值");
    worksheet_write_string(ws, 0, 0, "项目", NULL);
    worksheet_write_string(ws, 0, 1, "三级指标", NULL);
    worksheet_write_string(ws, 0, 2, "实际值", NULL);
    worksheet_write_string(ws, 1, 0, "甲项目", NULL);
    worksheet_write_string(ws, 1, 1, "办理件数", NULL);
    worksheet_write_string(ws, 1, 2, "很多", NULL);     /* row 2: not a count */
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
    assert_int_equal(ys_actuals_read(path, &a, &err), YS_OK);
    assert_int_equal(ys_evaluate(ts, a, &w, &ev, &err), YS_EINPUT);
    assert_null(ev);
    assert_string_equal(err.where, "实际值!A2");
    ys_actuals_free(a);
    ys_tableset_free(ts);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scores_by_hand), cmocka_unit_test(custom_weights),
        cmocka_unit_test(bad_actuals), cmocka_unit_test(reports),
        cmocka_unit_test(xlsx_actuals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
