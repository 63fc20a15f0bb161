/*
 * test_package.c — the budget package: CSV quoting, located read errors,
 * and each rule of `yusuan check` on a small package the test writes.
 */
#include "testutil.h"

#include <sys/stat.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "arena.h"
#include "package.h"
#include "yusuan/findings.h"

/* ---- a package in a temp folder ---------------------------------------- */

static char dir[256];

static void put(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void drop(const char *name)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    unlink(path);
}

/* The reasons for every change the narrative states. */
#define REASONS "reason,total,r\nreason,gpb.total,r\nreason,func:2010301,r\n" \
                "reason,func:2010302,r\nreason,admin_cost,r\n"

/* A valid package: 2 basic lines, 1 project with 2 details. */
static void good_package(void)
{
    snprintf(dir, sizeof dir, "/tmp/ys_pkg_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("meta.csv", "key,value\ndepartment,测试局\ndepartment_code,901\nyear,2026\nunit,万元\n");
    put("units.csv", "code,name,kind,is_base\n901001,测试局本级,行政,1\n");
    put("lines.csv",
        "unit,function,economic,kind,project,source,amount\n"
        "901001,2010301,30101,人员经费,,gpb,\"1,000.00\"\n"
        "901001,2010301,30201,公用经费,,gpb,500.50\n"
        "901001,2010302,30227,项目,P1,gpb,2000.00\n");
    put("prior.csv", "item,code,amount\ntotal,,3000\ngpb.total,,3000\nfunc,2010301,1500\n"
                     "func,2010302,1500\nadmin_cost,,400\n");
    put("projects.csv", "code,name,unit,category,category_code\nP1,测试项目,901001,本级支出项目,31\n");
    put("project_items.csv", "project,kind,name,amount\nP1,detail,\"明细, 一\",1200\n"
                             "P1,detail,\"明细\"\"二\"\"\",800\n");
    put("texts.csv", "key,code,text\nduty,,\"负责测试；\n第二行\"\n" REASONS);
}

static void cleanup(void)
{
    static const char *const files[] = {"meta.csv", "units.csv", "lines.csv", "prior.csv",
                                        "projects.csv", "project_items.csv", "texts.csv",
                                        "three_public.csv", "indicators.csv"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        drop(files[i]);
    rmdir(dir);
}

static ys_package *read_ok(void)
{
    ys_package *p = NULL;
    ys_error e = {0};
    int rc = ys_package_read(dir, &p, &e);
    if (rc != YS_OK)
        print_message("unexpected error: %s:%d: %s\n", e.file, e.line, e.msg);
    assert_int_equal(rc, YS_OK);
    return p;
}

/* Read must fail with a message located at `file` (suffix) and `line`. */
static void read_fails(const char *file, int line, const char *needle)
{
    ys_package *p = NULL;
    ys_error e = {0};
    assert_int_equal(ys_package_read(dir, &p, &e), YS_EINPUT);
    assert_null(p);
    size_t fl = strlen(e.file), nl = strlen(file);
    assert_true(fl >= nl && strcmp(e.file + fl - nl, file) == 0);
    assert_int_equal(e.line, line);
    assert_non_null(strstr(e.msg, needle));
}

/* Findings of one rule id. */
static size_t count_rule(const ys_findings *f, const char *rule, ys_severity sev)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        n += !strcmp(f->v[i].rule, rule) && f->v[i].sev == sev;
    return n;
}

static const ys_finding *first_of(const ys_findings *f, const char *rule)
{
    for (size_t i = 0; i < f->n; i++)
        if (!strcmp(f->v[i].rule, rule))
            return &f->v[i];
    return NULL;
}

/* ---- CSV ----------------------------------------------------------------- */

static void test_csv_quoting(void **state)
{
    (void)state;
    ys_arena *a = ys_arena_new();
    ys_sheet sh;
    ys_error e = {0};
    const char *csv = "\xEF\xBB\xBF" "a, b ,c\r\n1,\"x,y\",\"he said \"\"hi\"\"\"\r\n"
                      "\r\n2,\"two\nlines\",\n3,,\n";
    assert_int_equal(ys_csv_parse("t.csv", csv, strlen(csv), a, &sh, &e), YS_OK);
    assert_int_equal(sh.ncols, 3);
    assert_string_equal(sh.cols[1], "b");
    assert_int_equal(sh.nrows, 3);
    assert_string_equal(sh.rows[0].cells[1], "x,y");
    assert_string_equal(sh.rows[0].cells[2], "he said \"hi\"");
    assert_string_equal(sh.rows[1].cells[1], "two\nlines");
    assert_int_equal(sh.rows[1].line, 4);   /* the blank line 3 is skipped */
    assert_int_equal(sh.rows[2].line, 6);   /* after the quoted newline */
    assert_string_equal(sh.rows[2].cells[2], "");
    ys_arena_free(a);
}

static void test_csv_errors(void **state)
{
    (void)state;
    static const struct { const char *csv; int line; const char *needle; } bad[] = {
        {"a,b\n1,\"open\n2,3\n", 2, "引号未闭合"},
        {"a,b\n1,2\n3,x\"y\n", 3, "引号"},
        {"a,b\n1,\"q\"z\n", 2, "多余字符"},
        {"a,b\n1,2,3\n", 2, "多于表头"},
        {"", 1, "表头"},
        {"a,b\n\xff\xfe,1\n", 0, "UTF-8"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        ys_arena *a = ys_arena_new();
        ys_sheet sh;
        ys_error e = {0};
        assert_int_equal(ys_csv_parse("t.csv", bad[i].csv, strlen(bad[i].csv), a, &sh, &e),
                         YS_EINPUT);
        assert_int_equal(e.line, bad[i].line);
        assert_non_null(strstr(e.msg, bad[i].needle));
        ys_arena_free(a);
    }
}

/* ---- reading ------------------------------------------------------------ */

static void test_read_good(void **state)
{
    (void)state;
    good_package();
    ys_package *p = read_ok();
    assert_int_equal(p->year, 2026);
    assert_string_equal(p->department, "测试局");
    assert_int_equal(p->nlines, 3);
    assert_int_equal(p->lines[0].fen, 100000);     /* "1,000.00" 元 */
    assert_int_equal(p->lines[1].fen, 50050);
    assert_int_equal(p->lines[1].line, 3);
    assert_int_equal(p->lines[2].kind, YS_LK_PROJECT);
    assert_string_equal(p->items[0].name, "明细, 一");
    assert_string_equal(p->items[1].name, "明细\"二\"");
    assert_string_equal(p->texts[0].text, "负责测试；\n第二行");
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_package_check(p, &f), YS_OK);
    for (size_t i = 0; i < f.n; i++)
        print_message("unexpected: %s %s\n", f.v[i].rule, f.v[i].message);
    assert_int_equal(f.n, 0);
    ys_findings_free(&f);
    ys_package_free(p);
    cleanup();
}

static void test_read_errors(void **state)
{
    (void)state;
    good_package();
    put("lines.csv", "unit,function,economic,kind,project,source,amount\n"
                     "901001,2010301,30101,人员经费,,gpb,12.345\n");
    read_fails("lines.csv", 2, "不是金额");
    put("lines.csv", "unit,function,economic,kind,project,source,amount\n"
                     "901001,2010301,30101,人员经费,,gpb,1000\n"
                     "901001,2010301,30101,人员经费,,gpb,abc\n");
    read_fails("lines.csv", 3, "不是金额");
    put("lines.csv", "unit,function,economic,kind,project,source,amount\n"
                     "901001,2010301,30101,工资,,gpb,1000\n");
    read_fails("lines.csv", 2, "kind");
    put("lines.csv", "unit,function,kind,project,source,amount\n"
                     "901001,2010301,人员经费,,gpb,1000\n");
    read_fails("lines.csv", 1, "economic");
    drop("lines.csv");
    read_fails("lines.csv", 0, "缺少工作表");
    cleanup();
}

/* ---- checks --------------------------------------------------------------- */

static ys_findings check_with_lines(const char *lines)
{
    put("lines.csv", lines);
    ys_package *p = read_ok();
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_package_check(p, &f), YS_OK);
    ys_package_free(p);
    return f;
}

#define HDR "unit,function,economic,kind,project,source,amount\n"
#define PROJ "901001,2010302,30227,项目,P1,gpb,2000.00\n"

static void test_check_rules(void **state)
{
    (void)state;
    good_package();
    /* unknown function code at line 2; the wrong name of 30201 is a warning */
    ys_findings f = check_with_lines(HDR "901001,2019999,30101,人员经费,,gpb,1\n" PROJ);
    const ys_finding *fd = first_of(&f, "P.code");
    assert_non_null(fd);
    assert_int_equal(fd->sev, YS_SEV_ERROR);
    assert_int_equal(fd->lines[0], 2);
    assert_non_null(strstr(fd->message, "lines.csv:2: "));
    ys_findings_free(&f);

    put("lines.csv", HDR PROJ);
    char extra[512];
    snprintf(extra, sizeof extra, "unit,function,economic,kind,project,source,amount,economic_name\n"
                                  "901001,2010301,30201,公用经费,,gpb,1,邮费\n"
                                  "901001,2010302,30227,项目,P1,gpb,2000.00,\n");
    f = check_with_lines(extra);
    assert_int_equal(count_rule(&f, "P.code", YS_SEV_WARNING), 1);
    ys_findings_free(&f);

    /* 30201 is 公用经费, 30101 is 人员经费: both swapped */
    f = check_with_lines(HDR "901001,2010301,30201,人员经费,,gpb,1\n"
                             "901001,2010301,30101,公用经费,,gpb,1\n" PROJ);
    assert_int_equal(count_rule(&f, "P.kind", YS_SEV_ERROR), 2);
    ys_findings_free(&f);

    /* duplicate key at line 3 names line 2 */
    f = check_with_lines(HDR "901001,2010301,30101,人员经费,,gpb,1\n"
                             "901001,2010301,30101,人员经费,,gpb,2\n" PROJ);
    fd = first_of(&f, "P.dup");
    assert_non_null(fd);
    assert_int_equal(fd->lines[0], 3);
    assert_non_null(strstr(fd->message, "第 2 行"));
    ys_findings_free(&f);

    /* unknown unit, unknown project, unknown source */
    f = check_with_lines(HDR "999,2010301,30101,人员经费,,gpb,1\n"
                             "901001,2010302,30227,项目,P9,gpb,1\n"
                             "901001,2010301,30101,人员经费,,money,1\n" PROJ);
    assert_int_equal(count_rule(&f, "P.ref", YS_SEV_ERROR), 3);
    ys_findings_free(&f);

    /* details that do not add up; then a project without details */
    f = check_with_lines(HDR "901001,2010302,30227,项目,P1,gpb,2000.01\n");
    fd = first_of(&f, "P.detail");
    assert_non_null(fd);
    assert_non_null(strstr(fd->message, "2,000.00"));
    assert_non_null(strstr(fd->message, "2,000.01"));
    ys_findings_free(&f);
    put("project_items.csv", "project,kind,name,amount\nP1,procurement,设备,100\n");
    f = check_with_lines(HDR PROJ);
    fd = first_of(&f, "P.detail");
    assert_non_null(fd);
    assert_non_null(strstr(fd->message, "没有支出明细"));
    ys_findings_free(&f);
    put("project_items.csv", "project,kind,name,amount\nP1,detail,a,2000\n");

    /* a 项 the narrative compares without a prior figure */
    f = check_with_lines(HDR "901001,2101101,30110,人员经费,,gpb,1\n" PROJ);
    fd = first_of(&f, "P.prior");
    assert_non_null(fd);
    assert_non_null(strstr(fd->message, "2101101"));
    assert_int_equal(fd->lines[0], 2);
    ys_findings_free(&f);

    /* a change without its reason is a warning at the line of the 项 */
    put("texts.csv", "key,code,text\nreason,total,r\nreason,gpb.total,r\n"
                     "reason,func:2010302,r\nreason,admin_cost,r\n");
    f = check_with_lines(HDR "901001,2010301,30101,人员经费,,gpb,1\n" PROJ);
    fd = first_of(&f, "P.reason");
    assert_non_null(fd);
    assert_int_equal(fd->sev, YS_SEV_WARNING);
    assert_int_equal(fd->lines[0], 2);
    assert_non_null(strstr(fd->message, "func:2010301"));
    ys_findings_free(&f);
    cleanup();
}

/* ---- the same package as one workbook ------------------------------------ */

static void sheet_rows(lxw_workbook *wb, const char *name, const char *const *cells, int ncols,
                       int nrows)
{
    lxw_worksheet *ws = workbook_add_worksheet(wb, name);
    for (int r = 0; r < nrows; r++)
        for (int c = 0; c < ncols; c++) {
            const char *v = cells[r * ncols + c];
            if (!v || !*v)
                continue;
            if (v[0] == '#')   /* a number cell, as spreadsheets store them */
                worksheet_write_number(ws, (lxw_row_t)r, (lxw_col_t)c, atof(v + 1), NULL);
            else
                worksheet_write_string(ws, (lxw_row_t)r, (lxw_col_t)c, v, NULL);
        }
}

static void write_book(const char *path, const char *bad_amount)
{
    lxw_workbook *wb = workbook_new(path);
    assert_non_null(wb);
    const char *meta[] = {"key", "value", "department", "测试局", "department_code", "901",
                          "year", "#2026"};
    sheet_rows(wb, "meta", meta, 2, 4);
    const char *units[] = {"code", "name", "kind", "is_base", "901001", "测试局本级", "行政", "#1"};
    sheet_rows(wb, "units", units, 4, 2);
    const char *lines[] = {"unit", "function", "economic", "kind", "project", "source", "amount",
                           "901001", "2010301", "30101", "人员经费", "", "gpb", "#1000.1",
                           "901001", "2010302", "30227", "项目", "P1", "gpb", bad_amount};
    sheet_rows(wb, "lines", lines, 7, 3);
    const char *prior[] = {"item", "code", "amount", "total", "", "#3000", "gpb.total", "", "#3000",
                           "func", "2010301", "#1000", "func", "2010302", "#2000",
                           "admin_cost", "", "#1"};
    sheet_rows(wb, "prior", prior, 3, 6);
    const char *proj[] = {"code", "name", "unit", "category", "category_code",
                          "P1", "项目", "901001", "本级支出项目", "31"};
    sheet_rows(wb, "projects", proj, 5, 2);
    const char *items[] = {"project", "kind", "name", "amount", "P1", "detail", "明细", "#2000"};
    sheet_rows(wb, "project_items", items, 4, 2);
    const char *texts[] = {"key", "code", "text", "duty", "", "负责测试",
                           "reason", "total", "r", "reason", "gpb.total", "r",
                           "reason", "func:2010301", "r", "reason", "func:2010302", "r",
                           "reason", "admin_cost", "r"};
    sheet_rows(wb, "texts", texts, 3, 7);
    assert_int_equal(workbook_close(wb), LXW_NO_ERROR);
}

static void test_xlsx_package(void **state)
{
    (void)state;
    char path[] = "/tmp/ys_pkg_book_XXXXXX.xlsx";
    int fd = mkstemps(path, 5);
    assert_true(fd >= 0);
    close(fd);
    write_book(path, "#2000");
    ys_package *p = NULL;
    ys_error e = {0};
    assert_int_equal(ys_package_read(path, &p, &e), YS_OK);
    assert_int_equal(p->nlines, 2);
    assert_int_equal(p->lines[0].fen, 100010);   /* 1000.1 元 stored as a number */
    assert_int_equal(p->lines[1].line, 3);       /* the sheet row */
    ys_findings f;
    ys_findings_init(&f);
    assert_int_equal(ys_package_check(p, &f), YS_OK);
    for (size_t i = 0; i < f.n; i++)
        print_message("unexpected: %s\n", f.v[i].message);
    assert_int_equal(f.n, 0);
    ys_findings_free(&f);
    ys_package_free(p);
    /* a bad amount is located at its sheet and cell */
    write_book(path, "二千");
    memset(&e, 0, sizeof e);
    assert_int_equal(ys_package_read(path, &p, &e), YS_EINPUT);
    assert_string_equal(e.where, "lines!G3");
    unlink(path);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv_quoting),
        cmocka_unit_test(test_csv_errors),
        cmocka_unit_test(test_read_good),
        cmocka_unit_test(test_read_errors),
        cmocka_unit_test(test_check_rules),
        cmocka_unit_test(test_xlsx_package),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
