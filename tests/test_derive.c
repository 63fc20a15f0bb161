/*
 * test_derive.c — derivation from a package the test writes: every derived
 * cell against sums the test computes from its own line items; balanced
 * rounding makes shown parents equal the sum of their shown children where
 * half-up does not; narrative shares recomputed from the shown figures; and
 * the example package against the reference document, cell for cell,
 * both read through the library's recogniser.
 */
#include "testutil.h"

#include <sys/stat.h>
#include <unistd.h>

#include "yusuan/derive.h"
#include "yusuan/doc.h"
#include "yusuan/package.h"
#include "yusuan/recognize.h"
#include "yusuan/writer.h"

/* The test's own line items (amounts in 分). */
static const struct item {
    const char *func, *econ, *kind, *project;
    long long fen;
} items[] = {
    {"2010301", "30101", "人员经费", "", 1004000},   /* 1.004 万元 */
    {"2010301", "30201", "公用经费", "", 503000},    /* 0.503 */
    {"2010350", "30101", "人员经费", "", 1004000},   /* 1.004 */
    {"2010350", "30102", "人员经费", "", 1004000},   /* 1.004 */
    {"2080505", "30108", "人员经费", "", 2226000},   /* 2.226 */
    {"2010302", "30227", "项目", "P1", 1234567},     /* 1.234567 */
    {"2010302", "30299", "项目", "P2", 4321000},     /* 4.321 */
};
#define NITEMS (sizeof items / sizeof *items)

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

static void write_package(void)
{
    snprintf(dir, sizeof dir, "/tmp/ys_derive_XXXXXX");
    assert_non_null(mkdtemp(dir));
    put("meta.csv", "key,value\ndepartment,测试局\ndepartment_code,901\nyear,2026\n");
    put("units.csv", "code,name,kind,is_base\n901001,测试局本级,行政,1\n");
    char lines[4096] = "unit,function,economic,kind,project,source,amount\n";
    for (size_t i = 0; i < NITEMS; i++) {
        char row[256];
        snprintf(row, sizeof row, "901001,%s,%s,%s,%s,gpb,%lld.%02lld\n", items[i].func,
                 items[i].econ, items[i].kind, items[i].project, items[i].fen / 100,
                 items[i].fen % 100);
        strcat(lines, row);
    }
    put("lines.csv", lines);
    put("prior.csv", "item,code,amount\ntotal,,100000\ngpb.total,,100000\n");
    put("projects.csv", "code,name,unit,category,category_code\n"
                        "P1,项目一,901001,本级支出项目,31\nP2,项目二,901001,本级支出项目,31\n");
    put("project_items.csv", "project,kind,name,amount\nP1,detail,a,12345.67\nP2,detail,b,43210\n");
    put("texts.csv", "key,code,text\n");
}

static void remove_package(void)
{
    static const char *const f[] = {"meta.csv", "units.csv", "lines.csv", "prior.csv",
                                    "projects.csv", "project_items.csv", "texts.csv"};
    char path[512];
    for (size_t i = 0; i < sizeof f / sizeof *f; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, f[i]);
        unlink(path);
    }
    rmdir(dir);
}

static ys_tableset *derive(ys_rounding r)
{
    ys_package *p = NULL;
    ys_error e = {0};
    assert_int_equal(ys_package_read(dir, &p, &e), YS_OK);
    ys_tableset *ts = NULL;
    assert_int_equal(ys_derive(p, r, &ts, &e), YS_OK);
    ys_package_free(p);
    return ts;
}

/* Half-up to 0.01 万元 = 10000 分, the test's own rounding. */
static long long round_wan(long long fen) { return (fen + 5000) / 10000 * 10000; }

static bool is_basic(const char *k) { return !strcmp(k, "人员经费") || !strcmp(k, "公用经费"); }

/* Sum of the test's items whose func (or econ) starts with code and kind fits. */
static long long sum_items(const char *code, bool econ, const char *col)
{
    long long s = 0;
    for (size_t i = 0; i < NITEMS; i++) {
        const char *c = econ ? items[i].econ : items[i].func;
        if (code && strncmp(c, code, strlen(code)))
            continue;
        const char *k = items[i].kind;
        bool take = !strcmp(col, "total") ? (!econ || is_basic(k))
                    : !strcmp(col, "basic") ? is_basic(k)
                    : !strcmp(col, "personnel") ? !strcmp(k, "人员经费")
                    : !strcmp(col, "public") ? !strcmp(k, "公用经费")
                    : !strcmp(col, "project") ? !strcmp(k, "项目") : false;
        if (take)
            s += items[i].fen;
    }
    return s;
}

static long long cell(const ys_table *t, const ys_row *r, const char *col)
{
    const ys_cell *c = ys_row_cell(t, r, col);
    assert_non_null(c);
    return c->v.present ? c->v.fen : 0;
}

/* Every cell of a code table = the rounded sum of the test's items. */
static void check_code_table(const ys_tableset *ts, const char *id, bool econ,
                             const char *const *cols, int ncols)
{
    const ys_table *t = ys_tableset_find(ts, id);
    assert_non_null(t);
    assert_true(t->nrows > 1);
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *r = &t->rows[i];
        const char *code = r->kind == YS_ROW_TOTAL ? NULL : r->code;
        for (int c = 0; c < ncols; c++)
            assert_int_equal(cell(t, r, cols[c]), round_wan(sum_items(code, econ, cols[c])));
    }
}

static void test_half_up_cells(void **state)
{
    (void)state;
    write_package();
    ys_tableset *ts = derive(YS_ROUND_HALF_UP);
    static const char *const c3[] = {"total", "basic", "project"};
    static const char *const c51[] = {"total", "basic", "personnel", "public", "project"};
    static const char *const c6[] = {"total", "personnel", "public"};
    check_code_table(ts, "3", false, c3, 3);
    check_code_table(ts, "5-1", false, c51, 5);
    check_code_table(ts, "6", true, c6, 3);
    /* table 3 has 合计 + 201, 20103, 2010301, 2010302, 2010350, 208, 20805, 2080505 */
    assert_int_equal(ys_tableset_find(ts, "3")->nrows, 9);
    const ys_table *t1 = ys_tableset_find(ts, "1");
    long long all = sum_items(NULL, false, "total");
    assert_int_equal(cell(t1, ys_table_row_by_key(t1, "in.gpb"), "amount"), round_wan(all));
    const ys_table *t10 = ys_tableset_find(ts, "10");
    assert_int_equal(cell(t10, ys_table_row_by_code(t10, "P1"), "year.gpb"), round_wan(1234567));
    assert_int_equal(cell(t10, ys_table_row_by_code(t10, "31"), "total"),
                     round_wan(1234567 + 4321000));
    /* empty 三公/基金/国资 tables carry the statement */
    assert_non_null(strstr(ys_tableset_find(ts, "7")->note, "没有"));
    assert_non_null(strstr(ys_tableset_find(ts, "8")->note, "政府性基金"));
    assert_non_null(strstr(ys_tableset_find(ts, "9")->note, "国有资本经营"));
    ys_tableset_free(ts);
    remove_package();
}

/* Does every shown parent in table 3 equal the sum of its shown children,
 * and every row's total the sum of basic + project? */
static bool table3_adds_up(const ys_tableset *ts)
{
    const ys_table *t = ys_tableset_find(ts, "3");
    bool ok = true;
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *p = &t->rows[i];
        ok &= cell(t, p, "total") == cell(t, p, "basic") + cell(t, p, "project");
        if (p->level == 3)
            continue;
        long long kids = 0;
        for (size_t j = 0; j < t->nrows; j++) {
            const ys_row *k = &t->rows[j];
            if (k->level == p->level + 1 && !strncmp(k->code, p->code, strlen(p->code)))
                kids += cell(t, k, "total");
        }
        ok &= kids == cell(t, p, "total");
    }
    return ok;
}

static void test_balanced(void **state)
{
    (void)state;
    write_package();
    ys_tableset *hu = derive(YS_ROUND_HALF_UP);
    ys_tableset *bal = derive(YS_ROUND_BALANCED);
    assert_false(table3_adds_up(hu));   /* 1.00 + 2.01 ≠ 3.01 etc. */
    assert_true(table3_adds_up(bal));
    /* the grand total is still its exact value rounded */
    const ys_table *t = ys_tableset_find(bal, "3");
    assert_int_equal(cell(t, &t->rows[0], "total"), round_wan(sum_items(NULL, false, "total")));
    /* 5-1: 基本 = 人员 + 公用 on every row */
    const ys_table *t5 = ys_tableset_find(bal, "5-1");
    for (size_t i = 0; i < t5->nrows; i++)
        assert_int_equal(cell(t5, &t5->rows[i], "basic"),
                         cell(t5, &t5->rows[i], "personnel") + cell(t5, &t5->rows[i], "public"));
    ys_tableset_free(hu);
    ys_tableset_free(bal);
    remove_package();
}

/* The share in section 三 is recomputed from the shown figures. */
static void test_narrative_shares(void **state)
{
    (void)state;
    write_package();
    ys_tableset *ts = derive(YS_ROUND_HALF_UP);
    const ys_table *t3 = ys_tableset_find(ts, "3");
    long long tot = cell(t3, &t3->rows[0], "total"), basic = cell(t3, &t3->rows[0], "basic");
    long long bp = (basic * 20000 + tot) / (2 * tot);   /* 0.01 % */
    char want[128];
    snprintf(want, sizeof want, "基本支出 %lld.%02lld 万元，占 %lld.%02lld%%", basic / 1000000,
             basic % 1000000 / 10000, bp / 100, bp % 100);
    bool found = false;
    for (size_t i = 0; i < ts->nparas; i++)
        if (ts->paras[i].part == 3 && ts->paras[i].section == 3)
            found |= strstr(ts->paras[i].text, want) != NULL;
    if (!found)
        print_message("wanted: %s\n", want);
    assert_true(found);
    /* 七 says there is no 三公 expenditure */
    found = false;
    for (size_t i = 0; i < ts->nparas; i++)
        if (ts->paras[i].section == 7 && ts->paras[i].part == 3)
            found |= strstr(ts->paras[i].text, "没有一般公共预算“三公”经费") != NULL;
    assert_true(found);
    ys_tableset_free(ts);
    remove_package();
}

/* Other fund sources and 三公 figures fill tables 1, 4, 7, 8 and 10 and
 * replace the "没有…" statements. */
static void test_other_sources(void **state)
{
    (void)state;
    write_package();
    char path[512];
    snprintf(path, sizeof path, "%s/lines.csv", dir);
    FILE *f = fopen(path, "ab");
    assert_non_null(f);
    fputs("901001,2120101,30201,公用经费,,gov_fund,3000.00\n"
          "901001,2010302,30227,项目,P1,carry.gpb,1000.00\n", f);
    fclose(f);
    put("three_public.csv", "item,amount\nabroad,1000\ncar.operation,2500.50\nreception,499.49\n");
    put("project_items.csv", "project,kind,name,amount,category\nP1,detail,a,13345.67,\n"
                             "P2,detail,b,43210,\nP1,procurement,设备,5000,货物\n"
                             "P2,procurement,运维,2500,服务\nP2,procurement,外包,1000.5,服务\n");
    ys_tableset *ts = derive(YS_ROUND_HALF_UP);
    /* 政府采购: 0.85005 → 0.85 in all, 0.50 goods, 0.35005 → 0.35 services */
    bool proc = false;
    for (size_t i = 0; i < ts->nparas; i++)
        proc |= strstr(ts->paras[i].text, "政府采购预算支出合计 0.85 万元") &&
                strstr(ts->paras[i].text, "货物类 0.50 万元，工程类 0.00 万元，服务类 0.35 万元");
    assert_true(proc);
    const ys_table *t1 = ys_tableset_find(ts, "1"), *t4 = ys_tableset_find(ts, "4");
    assert_int_equal(cell(t1, ys_table_row_by_key(t1, "in.gov_fund"), "amount"), 300000);
    assert_int_equal(cell(t1, ys_table_row_by_key(t1, "in.carry_total"), "amount"), 100000);
    long long all = sum_items(NULL, false, "total") + 300000 + 100000;
    assert_int_equal(cell(t1, ys_table_row_by_key(t1, "in.grand_total"), "amount"), round_wan(all));
    assert_int_equal(cell(t1, ys_table_row_by_key(t1, "out.grand_total"), "amount"), round_wan(all));
    assert_int_equal(cell(t4, ys_table_row_by_key(t4, "in.carry.gpb"), "amount"), 100000);
    const ys_table *t8 = ys_tableset_find(ts, "8");
    assert_null(t8->note);
    assert_int_equal(cell(t8, ys_table_row_by_code(t8, "2120101"), "basic"), 300000);
    const ys_table *t10 = ys_tableset_find(ts, "10");
    assert_int_equal(cell(t10, ys_table_row_by_code(t10, "P1"), "carry.gpb"), 100000);
    assert_int_equal(cell(t10, ys_table_row_by_code(t10, "P1"), "total"),
                     round_wan(1234567 + 100000));
    /* 三公: 0.10 + (0 + 0.250050 → 0.25) + 0.049949 → 0.05 */
    const ys_table *t7 = ys_tableset_find(ts, "7");
    assert_null(t7->note);
    assert_int_equal(t7->nrows, 1);
    assert_int_equal(cell(t7, &t7->rows[0], "car.subtotal"), 250000);
    assert_int_equal(cell(t7, &t7->rows[0], "total"), 100000 + 250000 + 50000);
    for (size_t i = 0; i < ts->nparas; i++)
        if (ts->paras[i].part == 3 && (ts->paras[i].section == 7 || ts->paras[i].section == 8))
            assert_null(strstr(ts->paras[i].text, "没有"));
    ys_tableset_free(ts);
    snprintf(path, sizeof path, "%s/three_public.csv", dir);
    unlink(path);
    remove_package();
}

/* ---- the example against the reference document ------------------------ */

static ys_tableset *recognise_file(const char *path)
{
    ys_doc *d = NULL;
    ys_error e = {0};
    assert_int_equal(ys_doc_read_file(path, &d, &e), YS_OK);
    ys_tableset *ts = NULL;
    assert_int_equal(ys_recognize(d, NULL, &ts, &e), YS_OK);
    ys_doc_free(d);
    return ts;
}

static ys_tableset *recognise_built(void)
{
    const char *root = getenv("YS_ROOT");
    char pkg[512];
    snprintf(pkg, sizeof pkg, "%s/examples/hongshan-2026", root ? root : ".");
    ys_package *p = NULL;
    ys_error e = {0};
    assert_int_equal(ys_package_read(pkg, &p, &e), YS_OK);
    ys_tableset *ts = NULL;
    assert_int_equal(ys_derive(p, YS_ROUND_HALF_UP, &ts, &e), YS_OK);
    ys_package_free(p);
    ys_buf b = {0};
    assert_int_equal(ys_write_txt(ts, &b), YS_OK);
    ys_tableset_free(ts);
    ys_doc *d = NULL;
    assert_int_equal(ys_doc_read_mem("built.txt", (const unsigned char *)b.p, b.n, &d, &e), YS_OK);
    ys_buf_free(&b);
    ys_tableset *back = NULL;
    assert_int_equal(ys_recognize(d, NULL, &back, &e), YS_OK);
    ys_doc_free(d);
    return back;
}

/* The built row that stands for reference row r. */
static const ys_row *counterpart(const ys_table *t, const ys_row *r)
{
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *x = &t->rows[i];
        bool same_key = (!r->key && !x->key) || (r->key && x->key && !strcmp(r->key, x->key));
        if (!same_key || x->kind != r->kind)
            continue;
        if (!strcmp(x->code, r->code))
            return x;
    }
    return NULL;
}

static void test_reference_cells(void **state)
{
    (void)state;
    char buf[512];
    const char *ref = ys_test_shared("documents/000_b019c8698d50126e.txt", buf, sizeof buf);
    if (!ref)
        return;
    ys_tableset *want = recognise_file(ref);
    ys_tableset *got = recognise_built();
    static const char *const ids[] = {"1", "2", "3", "4", "5-1", "5-2", "6", "10"};
    int compared = 0, nonzero = 0;
    for (size_t k = 0; k < sizeof ids / sizeof *ids; k++) {
        const ys_table *a = ys_tableset_find(want, ids[k]), *b = ys_tableset_find(got, ids[k]);
        assert_non_null(a);
        assert_non_null(b);
        for (size_t i = 0; i < a->nrows; i++) {
            const ys_row *r = &a->rows[i], *s = counterpart(b, r);
            if (!s)
                print_message("table %s: no row for %s %s\n", ids[k], r->code, r->name);
            assert_non_null(s);
            for (int c = 0; c < a->ncols; c++) {
                const ys_cell *x = &r->cells[c], *y = ys_row_cell(b, s, a->cols[c]);
                assert_non_null(y);
                long long xv = x->v.present ? x->v.fen : 0, yv = y->v.present ? y->v.fen : 0;
                if (xv != yv)
                    print_message("table %s row %s %s col %s: reference %lld, built %lld\n",
                                  ids[k], r->code, r->name, a->cols[c], xv, yv);
                assert_int_equal(xv, yv);
                compared++;
                nonzero += xv != 0;
            }
        }
    }
    print_message("compared %d cells, %d of them non-blank\n", compared, nonzero);
    assert_true(compared > 300);
    assert_true(nonzero > 150);
    ys_tableset_free(want);
    ys_tableset_free(got);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_half_up_cells),
        cmocka_unit_test(test_balanced),
        cmocka_unit_test(test_narrative_shares),
        cmocka_unit_test(test_other_sources),
        cmocka_unit_test(test_reference_cells),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
