/* Unit tests: lib/forms*.c on hand-written forms (missing cells, no 采购,
 * shifted rows, a table 11 without goal headings), on a Shanghai layout, on
 * what the txt writer makes of the reference forms, and on garbage (must
 * not crash).  Expected values are written by hand or read
 * by the test from the document's text. */
#include "testutil.h"
#include "recognize_internal.h"
#include "yusuan/doc.h"
#include "yusuan/tableset.h"
#include "yusuan/writer.h"

static ys_doc *mkdoc(const char *const *rows, int n)
{
    ys_doc *d = ys_doc_new("hand.txt", YS_FMT_TEXT);
    for (int i = 0; i < n; i++) {
        char *copy = strdup(rows[i]);
        const char *cells[32];
        size_t lens[32];
        int nc = 0;
        char *p = copy;
        while (nc < 32) {
            char *t = strchr(p, '|');
            if (t)
                *t = 0;
            cells[nc] = p;
            lens[nc++] = strlen(p);
            if (!t)
                break;
            p = t + 1;
        }
        assert_int_equal(ys_doc_add(d, i + 1, 0, NULL, nc > 1, cells, lens, nc), YS_OK);
        free(copy);
    }
    return d;
}

static void hand_form(void **st)
{
    (void)st;
    static const char *const rows[] = {
        "项目资金绩效目标申报表",
        "单位名称：某某局|资金单位：元",
        "项目名称|甲项目|项目代码|42011126001T000000001",
        "项目执行单位",                              /* no value */
        "项目总预算|1,200.50|项目当年预算|",        /* year missing */
        "资金来源|金额",
        "合计|1200.50",
        "1. 一般公共预算财政拨款收入|1200.5",
        "其中：申请本级财力年初安排|1200.5",
        "2. 政府性基金预算财政拨款收入|",
        "支出 明细|金额",
        "合计|1200.50",
        "1. 印刷费|200.5",
        "2. 劳务费||1000",
        "3. 印刷费（万元）|5",                       /* a label, not a unit caption */
        "项目采购",
        "品 名|数 量|金 额",
        "无",
        "长期绩效目标：长期做好。",
        "年度绩效目标2|今年做好。",
        "年度绩效目标表",
        "目标名称|一级指标|二级指标|三级指标|指标值|||指标值确定依据",
        "||||前年|上年|预计当年实现|",
        "年度绩效目标2|产出指标|数量指标|印刷册数|100册|||计划数据",
        "|数量指标|培训人次|||≥50人次",
        "|满意度指标|满意度指标1|满意度|90%|≥90%|≥95%|计划数据",
        "||满意|回访|80%|≥85%|≥90%|计划数据",           /* 二级 without 指标 */
    };
    ys_doc *d = mkdoc(rows, (int)(sizeof rows / sizeof *rows));
    ys_tableset *ts = ys_tableset_new();
    ys_error err = {0};
    assert_int_equal(ys_forms_read(d, 0, d->nlines, ts, &err), YS_OK);
    const ys_table *t = ys_tableset_find(ts, "12:甲项目");
    assert_non_null(t);
    const ys_row *r = ys_table_row_by_key(t, "budget.total");
    assert_non_null(r);
    assert_int_equal(r->cells[0].v.fen, 120050);           /* 元 */
    r = ys_table_row_by_key(t, "budget.year");
    assert_true(r == NULL || !r->cells[0].v.present);
    assert_null(ys_table_row_by_key(t, "meta.unit"));
    assert_string_equal(ys_table_row_by_key(t, "meta.code")->code, "42011126001T000000001");
    assert_non_null(ys_table_row_by_key(t, "src.sub"));
    int details = 0;
    for (size_t k = 0; k < t->nrows; k++)
        details += t->rows[k].key && !strcmp(t->rows[k].key, "detail.item");
    assert_int_equal(details, 3);
    assert_int_equal(t->unit, YS_UNIT_YUAN);
    assert_int_equal(ys_table_row_by_key(t, "budget.total")->cells[0].v.fen, 120050);
    assert_null(ys_table_row_by_key(t, "proc.item"));
    assert_null(ys_table_row_by_key(t, "proc.total"));
    assert_int_equal(ts->ngoals, 2);
    assert_string_equal(ts->goals[0].table_id, "12:甲项目");
    assert_false(ts->goals[0].annual);
    assert_int_equal(ts->goals[0].no, 1);
    assert_string_equal(ts->goals[0].text, "长期做好。");
    assert_true(ts->goals[1].annual);
    assert_int_equal(ts->goals[1].no, 2);
    assert_string_equal(ts->goals[1].text, "今年做好。");
    assert_int_equal(ts->nind, 4);
    assert_string_equal(ts->ind[3].l1, "满意度指标");
    assert_string_equal(ts->ind[3].l2, "满意");
    assert_string_equal(ts->ind[3].l3, "回访");
    assert_string_equal(ts->ind[3].target, "≥90%");
    assert_int_equal(ts->ind[0].goal, 2);
    assert_true(ts->ind[0].annual);
    assert_string_equal(ts->ind[0].prev2, "100册");
    assert_null(ts->ind[0].prev1);
    assert_string_equal(ts->ind[0].target, "");
    /* shifted continuation row: 数量指标 in the second cell, l1 carried */
    assert_string_equal(ts->ind[1].l1, "产出指标");
    assert_string_equal(ts->ind[1].l2, "数量指标");
    assert_string_equal(ts->ind[1].target, "≥50人次");
    assert_null(ts->ind[1].basis);
    assert_string_equal(ts->ind[2].l1, "满意度指标");
    assert_string_equal(ts->ind[2].target, "≥95%");
    assert_int_equal(ts->nmentions, 1);
    assert_string_equal(ts->mentions[0].name, "某某局");
    ys_tableset_free(ts);
    ys_doc_free(d);
}

/* Table 11 without 长期目标N headings: goals come from the summary row. */
static void summary_goals(void **st)
{
    (void)st;
    static const char *const rows[] = {
        "部门整体支出绩效目标申报表",
        "部门（单位）名称|某某局",
        "部门总体资金情况（元）|总体资金情况||当年金额|占比|近两年收支金额",
        "收入构成|财政拨款|1,000.00|100%|900|800",          /* leading cell lost */
        "|支出构成|人员类项目支出|600|60%",
        "||运转类项目支出|400|40%",
        "||合计|1000|100%",
        "项目支出情况|项目名称|项目类别|项目总预算|项目本年度预算|用途",
        "|乙项目|特定目标类|5|",
        "整体绩效目标|长期目标（截止 年）|||年度目标",
        "|目标1：甲。 目标2:乙乙。|||目标1：丙。",
    };
    ys_doc *d = mkdoc(rows, (int)(sizeof rows / sizeof *rows));
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_forms_read(d, 0, d->nlines, ts, NULL), YS_OK);
    const ys_table *t = ys_tableset_find(ts, "11");
    assert_non_null(t);
    assert_int_equal(t->unit, YS_UNIT_YUAN);
    const ys_row *r = ys_table_row_by_key(t, "in.fiscal");
    assert_non_null(r);
    assert_int_equal(r->cells[0].v.fen, 100000);
    assert_int_equal(r->cells[2].v.fen, 90000);
    assert_int_equal(ys_table_row_by_key(t, "out.operating")->cells[1].v.fen, 400000);
    r = ys_table_row_by_key(t, "out.total");
    assert_non_null(r);
    assert_int_equal(r->cells[0].v.fen, 100000);
    const ys_table *p = ys_tableset_find(ts, "11.projects");
    assert_non_null(p);
    assert_int_equal(p->nrows, 1);
    assert_string_equal(p->rows[0].name, "乙项目");
    assert_int_equal(p->rows[0].cells[0].v.fen, 500);
    assert_false(p->rows[0].cells[1].v.present);
    assert_int_equal(ts->ngoals, 3);
    assert_int_equal(ts->goals[0].no, 1);
    assert_false(ts->goals[0].annual);
    assert_string_equal(ts->goals[0].text, "甲。");
    assert_int_equal(ts->goals[1].no, 2);
    assert_string_equal(ts->goals[1].text, "乙乙。");
    assert_true(ts->goals[2].annual);
    assert_string_equal(ts->goals[2].text, "丙。");
    assert_int_equal(ts->nmentions, 1);
    ys_tableset_free(ts);
    ys_doc_free(d);

    /* a figure above 项目名称, and a second 项目名称 */
    static const char *const rows3[] = {
        "项目资金绩效目标申报表",
        "项目总预算|9",
        "项目名称|戊",
        "项目名称|己",
    };
    d = mkdoc(rows3, 4);
    ts = ys_tableset_new();
    assert_int_equal(ys_forms_read(d, 0, d->nlines, ts, NULL), YS_OK);
    assert_int_equal(ts->ntables, 1);
    assert_string_equal(ts->tables[0]->id, "12:戊");
    assert_int_equal(ts->tables[0]->nrows, 1);
    ys_tableset_free(ts);
    ys_doc_free(d);

    /* no funds header; the caption repeated on each project row */
    static const char *const rows2[] = {
        "|收入构成|财政拨款|7|100%",
        "||合计|7",
        "|支出构成|人员类项目支出|7",
        "||合计|7",
        "项目支出情况|项目名称|项目类别|项目总预算|项目本年度预算",
        "项目支出情况|项目1：丙|运转类|3|3",
        "项目支出情况|项目2：丁|运转类|4|4",
        "部门职能概述|……",
    };
    d = mkdoc(rows2, (int)(sizeof rows2 / sizeof *rows2));
    ts = ys_tableset_new();
    assert_int_equal(ys_forms_read(d, 0, d->nlines, ts, NULL), YS_OK);
    t = ys_tableset_find(ts, "11");
    assert_non_null(t);
    assert_int_equal(t->nrows, 4);
    assert_int_equal(ys_table_row_by_key(t, "in.fiscal")->cells[0].v.fen, 7000000);
    assert_non_null(ys_table_row_by_key(t, "out.total"));
    p = ys_tableset_find(ts, "11.projects");
    assert_non_null(p);
    assert_int_equal(p->nrows, 2);
    assert_string_equal(p->rows[1].name, "丁");
    ys_tableset_free(ts);
    ys_doc_free(d);

}

/* Rows of a hand-made document read by the forms reader into a new table
 * set (owned by the caller, as is *d). */
static ys_tableset *read_forms(const char *const *rows, int n, ys_doc **d)
{
    *d = mkdoc(rows, n);
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_forms_read(*d, 0, (*d)->nlines, ts, NULL), YS_OK);
    return ts;
}

/* Table 11's project names in cells spanning two grid columns (an empty
 * one after them, as a PDF's columns give them): category and figures
 * read after the gap; a row without a category keeps its figures next. */
static void spanning_project_names(void **st)
{
    (void)st;
    static const char *const rows[] = {
        "|支出构成|人员类项目支出|7",
        "||合计|7",
        "项目支出情况|项目名称||项目类别|项目总预算|项目本年度预算",
        "|项目1：丙||运转类|3|2",
        "|项目2：丁||5|4",
    };
    ys_doc *d;
    ys_tableset *ts = read_forms(rows, (int)(sizeof rows / sizeof *rows), &d);
    const ys_table *p = ys_tableset_find(ts, "11.projects");
    assert_non_null(p);
    assert_int_equal(p->nrows, 2);
    assert_string_equal(p->rows[0].name, "丙");
    assert_non_null(p->rows[0].extra);
    assert_string_equal(p->rows[0].extra, "运转类");
    assert_int_equal(p->rows[0].cells[0].v.fen, 3000000);   /* 万元 */
    assert_int_equal(p->rows[0].cells[1].v.fen, 2000000);
    assert_null(p->rows[1].extra);
    assert_int_equal(p->rows[1].cells[0].v.fen, 5000000);
    assert_int_equal(p->rows[1].cells[1].v.fen, 4000000);
    ys_tableset_free(ts);
    ys_doc_free(d);
}

/* A Shanghai layout (pdftotext -layout): 财政项目支出绩效目标填报表 forms with
 * 项目资金总额 in 元, the unit named by a "（元）" caption after the figure. */
static void shanghai_forms(void **st)
{
    (void)st;
    char pb[1024];
    const char *path = ys_test_shared("documents/shanghai/sh_putuo_wanli_2023_dept.txt",
                                      pb, sizeof pb);
    if (!path)
        return;
    /* the test's reading: each 项目资金总额 figure, in order */
    size_t len;
    char *buf = ys_test_slurp(path, &len);
    assert_non_null(buf);
    int64_t want[16];
    int nwant = 0, titles = 0;
    for (char *p = buf; (p = strstr(p, "财政项目支出绩效目标填报表")); p++)
        titles++;
    for (char *p = buf; (p = strstr(p, "项目资金总额")) && nwant < 16; p++) {
        char *q = p + strlen("项目资金总额");
        while (*q == ' ')
            q++;
        int64_t v = 0;
        int dec = -1;
        for (; (*q >= '0' && *q <= '9') || *q == ',' || *q == '.'; q++) {
            if (*q == '.')
                dec = 0;
            else if (*q != ',') {
                v = v * 10 + (*q - '0');
                if (dec >= 0)
                    dec++;
            }
        }
        while (dec++ < 2)
            v *= 10;
        want[nwant++] = v;                  /* 分 */
    }
    free(buf);
    assert_true(titles > 0);
    assert_int_equal(nwant, titles);
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, &d, &err), YS_OK);
    size_t from = d->nlines;
    for (size_t i = 0; i < d->nlines && from == d->nlines; i++)
        for (int k = 0; k < d->lines[i].ncells; k++)
            if (strstr(d->lines[i].cells[k], "绩效目标填报表"))
                from = i;
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_forms_read(d, from, d->nlines, ts, &err), YS_OK);
    int forms = 0;
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        if (strncmp(t->id, "12:", 3))
            continue;
        assert_true(forms < nwant);
        const ys_row *r = ys_table_row_by_key(t, "budget.total");
        assert_non_null(r);
        assert_int_equal(t->unit, YS_UNIT_YUAN);
        assert_int_equal(r->cells[0].v.fen, want[forms]);
        forms++;
    }
    assert_int_equal(forms, titles);
    for (size_t k = 0; k < ts->nind; k++)
        assert_true(*ts->ind[k].l3 || *ts->ind[k].target);
    ys_tableset_free(ts);
    ys_doc_free(d);
}

static void garbage(void **st)
{
    (void)st;
    static const char *const vocab[] = {
        "项目资金绩效目标申报表", "项目名称", "项目总预算", "资金来源", "金额", "合计",
        "品名", "数量", "项目采购", "无", "一级指标", "三级指标", "成本指标", "数量指标1",
        "长期目标1:", "年度绩效目标", "长期绩效目标3", "前年", "12.5", "1,2", "-3",
        "部门（单位）名称", "总体资金情况", "收入构成", "财政拨款", "项目名称|项目类别",
        "项目1：", "其中：", "单位名称：", "资金单位：元", "", "", "<p>", "目标2：x",
        "9999999999999999999", "%", "项目前两年预算及当年预算变动情况", "项目支出明细",
    };
    size_t nv = sizeof vocab / sizeof *vocab;
    unsigned seed = 12345;
    for (int round = 0; round < 200; round++) {
        ys_doc *d = ys_doc_new("fuzz.txt", YS_FMT_TEXT);
        int nl = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 60;
        for (int i = 0; i < nl; i++) {
            const char *cells[12];
            size_t lens[12];
            int nc = 1 + (int)((seed = seed * 1103515245u + 12345u) >> 16) % 12;
            for (int k = 0; k < nc; k++) {
                cells[k] = vocab[((seed = seed * 1103515245u + 12345u) >> 16) % nv];
                lens[k] = strlen(cells[k]);
            }
            assert_int_equal(ys_doc_add(d, i + 1, 0, NULL, nc > 1, cells, lens, nc), YS_OK);
        }
        ys_tableset *ts = ys_tableset_new();
        ys_error err = {0};
        assert_int_equal(ys_forms_read(d, 0, d->nlines + 5, ts, &err), YS_OK);
        ys_tableset_free(ts);
        ys_doc_free(d);
    }
    /* empty range, empty document */
    ys_doc *d = ys_doc_new("empty.txt", YS_FMT_TEXT);
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_forms_read(d, 0, 10, ts, NULL), YS_OK);
    assert_int_equal(ts->ntables, 0);
    ys_tableset_free(ts);
    ys_doc_free(d);
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && !strcmp(a, b));
}

static void same_amount(const ys_cell *a, const ys_cell *b)
{
    assert_int_equal(a->v.present, b->v.present);
    if (a->v.present)
        assert_int_equal(a->v.fen, b->v.fen);
}

/* Every row of t (but src.sub, which the writer folds into its source line)
 * has its twin in u: the n-th row of a key matches the n-th of u. */
static void same_rows(const ys_table *t, const ys_table *u)
{
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *r = &t->rows[i];
        const char *key = r->key ? r->key : "";
        if (!strcmp(key, "src.sub"))
            continue;
        int nth = 0;
        for (size_t k = 0; k < i; k++)
            nth += same_str(t->rows[k].key, r->key);
        const ys_row *twin = NULL;
        for (size_t k = 0; k < u->nrows && !twin; k++)
            if (same_str(u->rows[k].key, r->key) && nth-- == 0)
                twin = &u->rows[k];
        if (!twin)
            printf("%s: no twin for %s %s\n", t->id, key, r->name);
        assert_non_null(twin);
        assert_string_equal(twin->name, r->name);
        for (int c = 0; c < t->ncols && c < u->ncols; c++)
            same_amount(&r->cells[c], &twin->cells[c]);
    }
}

/* What the txt writer makes of the forms, this reader reads back. */
static void round_trip(void **st)
{
    (void)st;
    char pb[1024];
    const char *path = ys_test_shared("documents/000_b019c8698d50126e.txt", pb, sizeof pb);
    if (!path)
        return;
    ys_doc *ref = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, &ref, &err), YS_OK);
    /* the forms: from the last 整体支出绩效目标 title before the first form
       to 第三部分 after it */
    size_t from = 0, to = ref->nlines, first = ref->nlines;
    for (size_t i = 0; i < ref->nlines; i++) {
        const char *c0 = ref->lines[i].ncells ? ref->lines[i].cells[0] : "";
        if (first == ref->nlines && strstr(c0, "整体支出绩效目标"))
            from = i;
        if (first == ref->nlines && strstr(c0, "项目资金绩效目标申报表"))
            first = i;
        if (first < i && strstr(c0, "第三部分") == c0 && to == ref->nlines)
            to = i;
    }
    assert_true(from > 0 && first < to && to < ref->nlines);
    ys_tableset *orig = ys_tableset_new();
    assert_int_equal(ys_forms_read(ref, from, to, orig, &err), YS_OK);
    assert_true(orig->nind > 100);
    ys_buf b = {0};
    assert_int_equal(ys_write_txt(orig, &b), YS_OK);
    ys_doc *d = NULL;
    assert_int_equal(ys_doc_read_mem("rt.txt", (const unsigned char *)b.p, b.n, &d, &err),
                     YS_OK);
    ys_buf_free(&b);
    ys_tableset *ts = ys_tableset_new();
    assert_int_equal(ys_forms_read(d, 0, d->nlines, ts, &err), YS_OK);
    for (size_t i = 0; i < orig->ntables; i++) {
        const ys_table *t = orig->tables[i];
        const ys_table *u = ys_tableset_find(ts, t->id);
        if (!u)
            printf("table %s not read back\n", t->id);
        assert_non_null(u);
        same_rows(t, u);
    }
    assert_int_equal(ts->nind, orig->nind);
    for (size_t k = 0; k < ts->nind; k++) {
        const ys_indicator *a = &orig->ind[k], *x = &ts->ind[k];
        assert_string_equal(a->table_id, x->table_id);
        assert_int_equal(a->goal, x->goal);
        assert_int_equal(a->annual, x->annual);
        assert_string_equal(a->l1, x->l1);
        assert_string_equal(a->l2, x->l2);
        assert_string_equal(a->l3, x->l3);
        assert_string_equal(a->target, x->target);
        assert_true(same_str(a->prev2, x->prev2) && same_str(a->prev1, x->prev1));
        assert_true(same_str(a->basis, x->basis));
    }
    assert_int_equal(ts->ngoals, orig->ngoals);
    for (size_t k = 0; k < ts->ngoals; k++) {
        assert_string_equal(ts->goals[k].table_id, orig->goals[k].table_id);
        assert_int_equal(ts->goals[k].no, orig->goals[k].no);
        assert_string_equal(ts->goals[k].text, orig->goals[k].text);
    }
    ys_tableset_free(ts);
    ys_doc_free(d);
    ys_tableset_free(orig);
    ys_doc_free(ref);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(hand_form),
        cmocka_unit_test(summary_goals),
        cmocka_unit_test(shanghai_forms),
        cmocka_unit_test(spanning_project_names),
        cmocka_unit_test(round_trip),
        cmocka_unit_test(garbage),
    };
    return cmocka_run_group_tests_name("forms: hand-written", tests, NULL, NULL);
}
