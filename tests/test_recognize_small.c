/* Unit tests: lib/recognize*.c and lib/profile.c on small documents the
 * tests write themselves — two tables, full-width digits and broken names,
 * garbage, empty tables with 备注, unmappable headers, bare titles, the
 * 目录, parts in another order — and profiles (parse errors, a profile file
 * with a code split over three columns). */
#include "testutil.h"

#include "embedded.h"
#include "profile.h"
#include "yusuan/amount.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/tableset.h"

static ys_tableset *recognize_text(const char *text, int *rc, ys_error *err)
{
    ys_doc *d = NULL;
    assert_int_equal(ys_doc_read_mem("t.txt", (const unsigned char *)text, strlen(text), &d,
                                     err),
                     YS_OK);
    ys_tableset *ts = NULL;
    *rc = ys_recognize(d, NULL, &ts, err);
    ys_doc_free(d);
    return ts;
}

/* ---- small documents ---------------------------------------------------------- */

static void two_tables(void **st)
{
    (void)st;
    const char *text =
        "某某局2025年部门预算\n"
        "表3\n"
        "部门支出总表\n"
        "部门：某某局\n"
        "单位：元\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "\t合计\t300.50\t100.25\t200.25\n"
        "201\t一般公共服务支出\t300.50\t100.25\t200.25\n"
        "\n"
        "表6\n"
        "一般公共预算基本支出表\n"
        "科目编码\t科目名称\t合计\t人员经费\t公用经费\n"
        "301\t工资福利支出\t1.5\t1.5\t\n";
    int rc;
    ys_error err = {0};
    ys_tableset *ts = recognize_text(text, &rc, &err);
    assert_int_equal(rc, YS_OK);
    assert_int_equal(ts->ntables, 2);
    assert_int_equal(ts->year, 2025);
    assert_string_equal(ts->department, "某某局");
    const ys_table *t3 = ys_tableset_find(ts, "3");
    assert_non_null(t3);
    assert_int_equal(t3->unit, YS_UNIT_YUAN);
    assert_int_equal(t3->first_line, 3);
    assert_int_equal(t3->last_line, 8);
    assert_int_equal(t3->nrows, 2);
    assert_int_equal(t3->rows[0].kind, YS_ROW_TOTAL);
    assert_int_equal(t3->rows[1].level, 1);
    /* 300.50 元 = 30050 分; basic 100.25 元 */
    assert_int_equal(ys_row_cell(t3, &t3->rows[1], "total")->v.fen, 30050);
    assert_int_equal(ys_row_cell(t3, &t3->rows[1], "basic")->v.fen, 10025);
    assert_int_equal(ys_row_cell(t3, &t3->rows[1], "basic")->line, 8);
    const ys_table *t6 = ys_tableset_find(ts, "6");
    assert_non_null(t6);
    assert_int_equal(t6->unit, YS_UNIT_WAN);
    /* 1.5 万元 = 15000 元 = 1500000 分 */
    assert_int_equal(ys_row_cell(t6, &t6->rows[0], "personnel")->v.fen, 1500000);
    assert_false(ys_row_cell(t6, &t6->rows[0], "public")->v.present);
    assert_string_equal(t6->rows[0].code, "301");
    ys_tableset_free(ts);
}

static void fullwidth_and_broken_names(void **st)
{
    (void)st;
    const char *text =
        "表5-1\n"
        "一般公共预算支出表\n"
        "科目编码\t科目名称\t合计\t基本支出\t\t\t项目支出\n"
        "\t\t\t小计\t人员经费\t公用经费\t\n"
        "２０８\t社会保障和就业支出\t１，２３４．５６\t１２３４．５６\t１２３４．５６\t\t\n"
        "\t行政事业单位\t\t\t\t\t\n"
        "20805\t养老支出\t84.78\t84.78\t82.14\t2.64\t\n"
        "2080505\t机关事业单位基本养老保险\t82.14\t82.14\t82.14\t\t\n"
        "\t缴费支出\t\t\t\t\t\n";
    int rc;
    ys_error err = {0};
    ys_tableset *ts = recognize_text(text, &rc, &err);
    assert_int_equal(rc, YS_OK);
    const ys_table *t = ys_tableset_find(ts, "5-1");
    assert_non_null(t);
    assert_int_equal(t->nrows, 3);
    assert_string_equal(t->rows[0].code, "208");
    /* 1,234.56 万元 = 12345600 元 = 1234560000 分 */
    assert_int_equal(ys_row_cell(t, &t->rows[0], "total")->v.fen, 1234560000LL);
    assert_int_equal(ys_row_cell(t, &t->rows[0], "personnel")->v.fen, 1234560000LL);
    assert_false(ys_row_cell(t, &t->rows[0], "public")->v.present);
    assert_string_equal(t->rows[1].name, "行政事业单位养老支出");
    assert_int_equal(t->rows[1].level, 2);
    assert_string_equal(t->rows[2].name, "机关事业单位基本养老保险缴费支出");
    assert_int_equal(t->rows[2].level, 3);
    assert_int_equal(ys_row_cell(t, &t->rows[1], "public")->v.fen, 2640000);
    assert_int_equal(t->first_line, 2);
    assert_int_equal(t->last_line, 8);
    ys_tableset_free(ts);
}

static void garbage_is_not_a_disclosure(void **st)
{
    (void)st;
    const char *texts[] = {"hello\nworld\n", "\n\n\n", "表\t表\t表\n1\t2\t3\n",
                           "第二部分\n表1\n部门收支总表\n"};
    for (size_t k = 0; k < sizeof texts / sizeof texts[0]; k++) {
        int rc;
        ys_error err = {0};
        ys_tableset *ts = recognize_text(texts[k], &rc, &err);
        assert_int_equal(rc, YS_EINPUT);
        assert_null(ts);
        assert_int_equal(err.line, 1);
        assert_non_null(strstr(err.msg, "不是部门预算公开文件"));
    }
}

static void empty_tables_with_notes(void **st)
{
    (void)st;
    const char *text =
        "七、一般公共预算“三公”经费支出表\n"
        "表7\n"
        "一般公共预算“三公”经费支出表\n"
        "部门：某某局 单位：万元\n"
        "“三公”经费合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n"
        "\t\t小计\t公务用车购置费\t公务用车运行费\t\n"
        "\n"
        "备注：本年没有“三公”经费支出。\n"
        "表8\n"
        "政府性基金预算支出表\n"
        "科目编码\t科目名称\t本年政府性基金预算支出\t\t\n"
        "\t\t合计\t基本支出\t项目支出\n"
        "备注：没有政府性基金预算支出。\n";
    int rc;
    ys_error err = {0};
    ys_tableset *ts = recognize_text(text, &rc, &err);
    assert_int_equal(rc, YS_OK);
    const ys_table *t7 = ys_tableset_find(ts, "7");
    assert_non_null(t7);
    static const char *const k7[] = {"total", "abroad", "car.subtotal", "car.purchase",
                                     "car.operation", "reception"};
    assert_int_equal(t7->ncols, 6);
    for (int c = 0; c < 6; c++)
        assert_string_equal(t7->cols[c], k7[c]);
    assert_int_equal(t7->nrows, 0);
    assert_string_equal(t7->note, "备注：本年没有“三公”经费支出。");
    assert_int_equal(t7->note_line, 8);
    assert_int_equal(t7->first_line, 3);
    assert_int_equal(t7->last_line, 6);
    const ys_table *t8 = ys_tableset_find(ts, "8");
    assert_non_null(t8);
    assert_int_equal(t8->ncols, 3);
    assert_int_equal(t8->note_line, 13);
    assert_int_equal(t8->first_line, 10);
    assert_int_equal(t8->last_line, 12);
    assert_string_equal(ts->department, "某某局");
    ys_tableset_free(ts);
}

static void unmapped_headers(void **st)
{
    (void)st;
    /* five unknown labels, five profile columns: default order */
    const char *same_count =
        "表6\n一般公共预算基本支出表\n"
        "甲\t乙\t丙\t丁\t戊\n"
        "301\t工资福利支出\t3.00\t2.00\t1.00\n";
    int rc;
    ys_error err = {0};
    ys_tableset *ts = recognize_text(same_count, &rc, &err);
    assert_int_equal(rc, YS_OK);
    const ys_table *t = ys_tableset_find(ts, "6");
    assert_non_null(t);
    assert_int_equal(ys_row_cell(t, &t->rows[0], "public")->v.fen, 1000000);
    ys_tableset_free(ts);
    /* unknown labels and another count: the table is left out */
    const char *other_count =
        "表6\n一般公共预算基本支出表\n"
        "甲\t乙\t丙\n"
        "301\t3.00\t2.00\n"
        "表3\n部门支出总表\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t1\t1\t\n";
    ts = recognize_text(other_count, &rc, &err);
    assert_int_equal(rc, YS_OK);
    assert_null(ys_tableset_find(ts, "6"));
    assert_non_null(ys_tableset_find(ts, "3"));
    ys_tableset_free(ts);
}

/* Titles without 表N or section heading; 5-1 and 5-2 told apart by their
 * header alone; table 1 two-sided with classes looked up by name. */
static void titles_alone(void **st)
{
    (void)st;
    const char *text =
        "部门收支总表\n"
        "收　入\t\t支　出\t\n"
        "项　目\t预算数\t项　目\t预算数\n"
        "一、一般公共预算拨款收入\t10.00\t一、一般公共服务支出\t7.00\n"
        "\t\t二、住房保障支出\t3.00\n"
        "收入总计\t10.00\t支出总计\t10.00\n"
        "一般公共预算支出表\n"
        "单位编码\t单位名称\t合计\t基本支出\t\t\t项目支出\n"
        "\t\t\t小计\t人员经费\t公用经费\t\n"
        "001\t某局\t10\t10\t6\t4\t\n"
        "一般公共预算支出表\n"
        "科目编码\t科目名称\t合计\t基本支出\t\t\t项目支出\n"
        "\t\t\t小计\t人员经费\t公用经费\t\n"
        "201\t一般公共服务支出\t7\t7\t3\t4\t\n"
        "备注：2024年预算。\n";
    int rc;
    ys_error err = {0};
    ys_tableset *ts = recognize_text(text, &rc, &err);
    assert_int_equal(rc, YS_OK);
    assert_int_equal(ts->ntables, 3);
    const ys_table *t1 = ys_tableset_find(ts, "1");
    assert_non_null(t1);
    assert_int_equal(t1->first_line, 1);
    const ys_row *gpb = ys_table_row_by_key(t1, "in.gpb");
    assert_non_null(gpb);
    assert_int_equal(gpb->cells[0].v.fen, 10 * 1000000LL);
    const ys_row *housing = NULL;
    for (size_t r = 0; r < t1->nrows; r++)
        if (strcmp(t1->rows[r].code, "221") == 0)
            housing = &t1->rows[r];
    assert_non_null(housing);
    assert_string_equal(housing->key, "out.class");
    assert_int_equal(housing->line, 5);
    assert_int_equal(housing->cells[0].v.fen, 3 * 1000000LL);
    assert_int_equal(ys_table_row_by_key(t1, "out.grand_total")->kind, YS_ROW_TOTAL);
    const ys_table *t52 = ys_tableset_find(ts, "5-2");
    const ys_table *t51 = ys_tableset_find(ts, "5-1");
    assert_non_null(t52);
    assert_non_null(t51);
    assert_int_equal(t52->first_line, 7);
    assert_int_equal(t51->first_line, 11);
    assert_string_equal(t52->rows[0].code, "001");
    assert_string_equal(t51->rows[0].code, "201");
    assert_int_equal(ys_row_cell(t51, &t51->rows[0], "public")->v.fen, 4 * 1000000LL);
    assert_int_equal(t51->note_line, 15);
    /* no title page: the year comes from the note */
    assert_int_equal(ts->year, 2024);
    ys_tableset_free(ts);
}

static void toc_is_skipped(void **st)
{
    (void)st;
    const char *text =
        "2026年部门预算公开目录\n"
        "第二部分 某局2026年部门预算表\n"
        "- 一、部门收支总表\n"
        "- 三、部门支出总表\n"
        "第三部分 某局2026年部门预算情况说明\n"
        "第二部分 某局2026年部门预算表\n"
        "三、部门支出总表\n"
        "表3\n"
        "部门支出总表\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t1\t1\t\n";
    int rc;
    ys_error err = {0};
    ys_tableset *ts = recognize_text(text, &rc, &err);
    assert_int_equal(rc, YS_OK);
    assert_int_equal(ts->ntables, 1);
    assert_int_equal(ys_tableset_find(ts, "3")->first_line, 9);
    /* every part heading names the department */
    assert_int_equal(ts->nmentions, 3);
    assert_string_equal(ts->mentions[0].name, "某局");
    ys_tableset_free(ts);
}

/* Parts are told by what their headings say, not by their numbers: here
 * the tables come last and are still found. */
static void parts_in_another_order(void **st)
{
    (void)st;
    const char *text =
        "第一部分 某局概况\n"
        "某局负责全区的行政审批工作，下设办公室、审批科、服务科等内设机构和两个二级单位。\n"
        "第二部分 某局2026年部门预算情况说明\n"
        "某局2026年收支总预算100.00万元，比上年增加10.00万元，增长11.11%，主要是人员增加。\n"
        "部门支出总表\n"
        "第三部分 名词解释\n"
        "基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员支出和公用支出。\n"
        "第四部分 某局2026年部门预算表\n"
        "表3\n"
        "部门支出总表\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t100\t100\t\n";
    int rc;
    ys_error err = {0};
    ys_tableset *ts = recognize_text(text, &rc, &err);
    assert_int_equal(rc, YS_OK);
    assert_int_equal(ts->ntables, 1);
    const ys_table *t = ys_tableset_find(ts, "3");
    assert_non_null(t);
    /* the line in the narrative that names the table is not its title */
    assert_int_equal(t->first_line, 10);
    assert_int_equal(t->rows[0].cells[0].v.fen, 100 * 1000000LL);
    assert_int_equal(ts->year, 2026);
    ys_tableset_free(ts);
}

/* A run of more than 12 digits in a figure column is no figure (it would
 * not fit in 分 as 万元 either); the row is still read. */
static void long_digit_runs(void **st)
{
    (void)st;
    const char *text =
        "部门支出总表\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t20103012010301\t999999999999\t\n";
    int rc;
    ys_error err = {0};
    ys_tableset *ts = recognize_text(text, &rc, &err);
    assert_int_equal(rc, YS_OK);
    const ys_table *t = ys_tableset_find(ts, "3");
    assert_non_null(t);
    assert_int_equal(t->nrows, 1);
    assert_false(ys_row_cell(t, &t->rows[0], "total")->v.present);
    /* twelve digits still are: 999999999999 万元 */
    assert_int_equal(ys_row_cell(t, &t->rows[0], "basic")->v.fen, 999999999999LL * 1000000LL);
    ys_tableset_free(ts);
}

/* A table broken over pages: a page number and the header again in the
 * middle are neither rows nor the end of the table. */
static void page_breaks(void **st)
{
    (void)st;
    const char *text =
        "部门支出总表\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "201\t一般公共服务支出\t3\t3\t\n"
        "- 7 -\n"
        "续表\n"
        "8\n"
        "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
        "8\n"
        "208\t社会保障和就业支出\t2\t2\t\n"
        "部门收支总表\n"
        "收入\t\t支出\t\n"
        "项目\t预算数\t项目\t预算数\n"
        "一、一般公共预算拨款收入\t5\t一、一般公共服务支出\t3\n"
        "第8页\n"
        "收入\t\t支出\t\n"
        "项目\t预算数\t项目\t预算数\n"
        "本年收入合计\t5\t本年支出合计\t5\n";
    int rc;
    ys_error err = {0};
    ys_tableset *ts = recognize_text(text, &rc, &err);
    assert_int_equal(rc, YS_OK);
    const ys_table *t3 = ys_tableset_find(ts, "3");
    assert_non_null(t3);
    assert_int_equal(t3->nrows, 2);
    assert_string_equal(t3->rows[0].name, "一般公共服务支出");
    assert_string_equal(t3->rows[1].code, "208");
    assert_int_equal(t3->last_line, 9);
    assert_null(ys_tableset_find(ts, "8"));
    const ys_table *t1 = ys_tableset_find(ts, "1");
    assert_non_null(t1);
    assert_int_equal(t1->nrows, 4);
    assert_non_null(ys_table_row_by_key(t1, "in.year_total"));
    assert_int_equal(ys_table_row_by_key(t1, "out.year_total")->line, 17);
    ys_tableset_free(ts);
}

/* ---- profiles ----------------------------------------------------------------- */

/* Strings equal, NULL only with NULL. */
static void same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void same_keys(const ys_pkey *a, const ys_pkey *b, int n)
{
    for (int i = 0; i < n; i++) {
        same_str(a[i].key, b[i].key);
        assert_int_equal(a[i].nsyn, b[i].nsyn);
        for (int j = 0; j < a[i].nsyn; j++) {
            assert_int_equal(a[i].syn[j].nparts, b[i].syn[j].nparts);
            for (int k = 0; k < a[i].syn[j].nparts; k++)
                same_str(a[i].syn[j].parts[k], b[i].syn[j].parts[k]);
        }
    }
}

/* A compiled-in profile (made at build time by scripts/gen-profiles.c)
 * holds what parsing its text at run time gives, field by field. */
static void same_profile(const ys_profile *a, const ys_profile *b)
{
    same_str(a->name, b->name);
    assert_int_equal(a->unit, b->unit);
    assert_int_equal(a->ntables, b->ntables);
    for (int i = 0; i < a->ntables; i++) {
        const ys_ptable *x = &a->tables[i], *y = &b->tables[i];
        same_str(x->id, y->id);
        assert_int_equal(x->shape, y->shape);
        assert_int_equal(x->codes, y->codes);
        assert_int_equal(x->required, y->required);
        assert_int_equal(x->unit, y->unit);
        assert_int_equal(x->ntitles, y->ntitles);
        for (int k = 0; k < x->ntitles; k++) {
            same_str(x->titles[k], y->titles[k]);
            assert_int_equal(x->title_len[k], y->title_len[k]);
        }
        assert_int_equal(x->nheader, y->nheader);
        for (int k = 0; k < x->nheader; k++)
            same_str(x->header[k], y->header[k]);
        assert_int_equal(x->ncols, y->ncols);
        same_keys(x->cols, y->cols, x->ncols);
        assert_int_equal(x->nrows, y->nrows);
        same_keys(x->rows, y->rows, x->nrows);
        assert_int_equal(x->nsums, y->nsums);
        assert_memory_equal(x->sums, y->sums, (size_t)x->nsums * sizeof *x->sums);
    }
    assert_int_equal(a->nsections, b->nsections);
    for (int i = 0; i < a->nsections; i++) {
        assert_int_equal(a->sections[i].nalts, b->sections[i].nalts);
        for (int k = 0; k < a->sections[i].nalts; k++)
            same_str(a->sections[i].alts[k], b->sections[i].alts[k]);
    }
}

static void profiles(void **st)
{
    (void)st;
    /* every compiled-in profile parses (a broken one would be left out) */
    int nprof = 0;
    for (int i = 0; ys_embedded_name(i); i++) {
        const char *name = ys_embedded_name(i);
        if (strncmp(name, "profiles/", 9) != 0)
            continue;
        size_t len = 0;
        const char *data = ys_embedded_get(name, &len);
        ys_profile *each = NULL;
        ys_error perr = {0};
        if (ys_profile_parse(name, data, len, &each, &perr) != YS_OK)
            fail_msg("%s:%d: %s", name, perr.line, perr.msg);
        const ys_profile *built = ys_profile_builtin(ys_profile_name(each));
        assert_non_null(built);
        same_profile(built, each);
        ys_profile_free(each);
        nprof++;
    }
    assert_true(nprof >= 1);
    const ys_profile *p = ys_profile_builtin("national");
    assert_non_null(p);
    assert_string_equal(ys_profile_name(p), "national");
    assert_null(ys_profile_builtin("no-such-layout"));
    assert_non_null(ys_profile_table(p, "5-2"));
    assert_int_equal(ys_profile_table(p, "10")->codes, YS_PCODES_PROJECT);

    ys_profile *q = NULL;
    ys_error err = {0};
    const char *bad = "profile x\ntable 1\nbogus 1\n";
    assert_int_equal(ys_profile_parse("bad.profile", bad, strlen(bad), &q, &err), YS_EINPUT);
    assert_int_equal(err.line, 3);
    assert_null(q);

    /* a profile file: tables in 元, the code split over three columns */
    const char *text = "profile test3\nunit 元\ntable 3\ntitle 支出预算表\ncodes function\n"
                       "col @code 功能分类科目/类\ncol @code 功能分类科目/款\n"
                       "col @code 功能分类科目/项\ncol @name 科目名称\ncol total 合计\n";
    char path[] = "/tmp/ys_test_profileXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs(text, f);
    fclose(f);
    assert_int_equal(ys_profile_load_file(path, &q, &err), YS_OK);
    remove(path);
    assert_string_equal(ys_profile_name(q), "test3");
    const char *doc =
        "支出预算表\n"
        "功能分类科目\t\t\t科目名称\t合计\n"
        "类\t款\t项\t\t\n"
        "201\t03\t01\t行政运行\t12.34\n";
    ys_doc *d = NULL;
    assert_int_equal(ys_doc_read_mem("s.txt", (const unsigned char *)doc, strlen(doc), &d, &err),
                     YS_OK);
    ys_tableset *ts = NULL;
    assert_int_equal(ys_recognize(d, q, &ts, &err), YS_OK);
    const ys_table *t = ys_tableset_find(ts, "3");
    assert_non_null(t);
    assert_int_equal(t->unit, YS_UNIT_YUAN);
    assert_string_equal(t->rows[0].code, "2010301");
    assert_int_equal(t->rows[0].level, 3);
    assert_int_equal(t->rows[0].cells[0].v.fen, 1234);
    assert_string_equal(ts->profile, "test3");
    ys_tableset_free(ts);
    ys_doc_free(d);
    ys_profile_free(q);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_tables),
        cmocka_unit_test(fullwidth_and_broken_names),
        cmocka_unit_test(garbage_is_not_a_disclosure),
        cmocka_unit_test(empty_tables_with_notes),
        cmocka_unit_test(unmapped_headers),
        cmocka_unit_test(titles_alone),
        cmocka_unit_test(toc_is_skipped),
        cmocka_unit_test(parts_in_another_order),
        cmocka_unit_test(long_digit_runs),
        cmocka_unit_test(page_breaks),
        cmocka_unit_test(profiles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
