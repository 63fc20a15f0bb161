/* Unit tests: dynlib and the libraries opened through it (readers/xml_dl,
 * zip_dl, xlsxwriter_dl) — libxml2, libzip and libxlsxwriter are not in the
 * process until the first HTML page, zip or workbook asks for them, then
 * every slot of their tables resolves and the code works through them; a library or symbol that cannot be found
 * is a located error, remembered, never a crash; a later soname is tried
 * when the first is absent. */
#include "testutil.h"
#include "dynlib.h"
#include "ooxml.h"
#include "readers/xml_dl.h"
#include "xlsxwriter_dl.h"
#include "yusuan/doc.h"
#include "zip_dl.h"

#include <dlfcn.h>
#include <unistd.h>

/* This binary links none of the libraries (the test calls neither directly), so
 * one in the process was opened by the library under test. */
static int in_process(const char *soname)
{
    void *h = dlopen(soname, RTLD_NOW | RTLD_NOLOAD);
    if (h)
        dlclose(h); /* drops only the reference RTLD_NOLOAD just took */
    return h != NULL;
}

static void libxml2_loaded_on_first_page(void **st)
{
    (void)st;
    assert_false(in_process("libxml2.so.2"));
    ys_doc *d = ys_doc_new("a.html", YS_FMT_HTML);
    assert_non_null(d);
    static const char page[] = "<p>说明</p>\n<table><tr><td colspan=\"2\">甲</td><td>乙</td></tr></table>";
    ys_error e = {0};
    assert_int_equal(ys_read_html(d, page, sizeof page - 1, &e), YS_OK);
    assert_true(in_process("libxml2.so.2"));
    /* the page as written: a paragraph on line 1, a row on line 2 of 甲,
     * the empty cell its colspan adds, 乙 */
    assert_int_equal(d->nlines, 2);
    assert_string_equal(d->lines[0].cells[0], "说明");
    assert_int_equal(d->lines[1].no, 2);
    assert_int_equal(d->lines[1].ncells, 3);
    assert_string_equal(d->lines[1].cells[0], "甲");
    assert_string_equal(d->lines[1].cells[1], "");
    assert_string_equal(d->lines[1].cells[2], "乙");
    ys_doc_free(d);

    const xdl_api *X = xdl_get("b.html", &e);
    assert_non_null(X);
#define CHECK_SLOT(name) assert_non_null(X->name);
    XDL_FUNCS(CHECK_SLOT)
#undef CHECK_SLOT
    assert_ptr_equal(xdl_get("c.html", NULL), X); /* loaded once */
}

/* The smallest zip: an end-of-central-directory record and nothing else. */
static const unsigned char empty_zip[22] = {'P', 'K', 5, 6};

static void libzip_loaded_on_first_zip(void **st)
{
    (void)st;
    assert_false(in_process("libzip.so.4"));
    ys_zip *z = NULL;
    ys_error e = {0};
    assert_int_equal(ys_zip_open_mem("a.xlsx", empty_zip, sizeof empty_zip, &z, &e), YS_OK);
    assert_true(in_process("libzip.so.4"));
    assert_int_equal(ys_zip_has(z, "xl/workbook.xml"), 0);
    ys_zip_close(z);
    const zdl_api *Z = zdl_get("b.xlsx", &e);
    assert_non_null(Z);
#define CHECK_SLOT(name) assert_non_null(Z->name);
    ZDL_FUNCS(CHECK_SLOT)
#undef CHECK_SLOT
    /* not a zip at all: libzip's refusal through the table, named */
    static const unsigned char junk[] = "not a zip";
    assert_int_equal(ys_zip_open_mem("c.docx", junk, sizeof junk, &z, &e), YS_EINPUT);
    assert_string_equal(e.file, "c.docx");
}

/* A workbook written through the table reads back through the project's
 * own XLSX reader: the one string and the one number as written. */
static void libxlsxwriter_loaded_on_first_workbook(void **st)
{
    (void)st;
    assert_false(in_process("libxlsxwriter.so.4"));
    char dir[] = "/tmp/ys_test_dynlib.XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/a.xlsx", dir);
    ys_error e = {0};
    const xwdl_api *W = xwdl_get(path, &e);
    assert_non_null(W);
    assert_true(in_process("libxlsxwriter.so.4"));
#define CHECK_SLOT(name) assert_non_null(W->name);
    XWDL_FUNCS(CHECK_SLOT)
#undef CHECK_SLOT
    lxw_workbook *wb = W->workbook_new(path);
    assert_non_null(wb);
    lxw_worksheet *ws = W->workbook_add_worksheet(wb, "表1");
    assert_int_equal(W->worksheet_write_string(ws, 0, 0, "甲", NULL), LXW_NO_ERROR);
    assert_int_equal(W->worksheet_write_number(ws, 0, 1, 12.5, NULL), LXW_NO_ERROR);
    assert_int_equal(W->workbook_close(wb), LXW_NO_ERROR);

    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    static unsigned char buf[1 << 16];
    size_t n = fread(buf, 1, sizeof buf, f);
    fclose(f);
    assert_true(n > 0 && n < sizeof buf);
    ys_xlsx *x = NULL;
    assert_int_equal(ys_xlsx_open(path, buf, n, &x, &e), YS_OK);
    assert_int_equal(ys_xlsx_nsheets(x), 1);
    assert_string_equal(ys_xlsx_sheet_name(x, 0), "表1");
    ys_xlsx_sheet *sh = NULL;
    assert_int_equal(ys_xlsx_read_sheet(x, 0, &sh, &e), YS_OK);
    assert_string_equal(ys_xlsx_sheet_cell(sh, 1, 0)->text, "甲");
    assert_string_equal(ys_xlsx_sheet_cell(sh, 1, 1)->text, "12.5");
    ys_xlsx_sheet_free(sh);
    ys_xlsx_free(x);
    unlink(path);
    rmdir(dir);
}

/* A table of the shape the X-macro headers build, over libc. */
typedef struct test_api {
    __typeof__(&labs) labs;
    long (*ys_no_such_function)(long);
} test_api;

static void missing_library_is_a_located_error(void **st)
{
    (void)st;
    static const char *const sonames[] = {"libyusuan-absent.so.99", NULL};
    static const ys_dynsym syms[] = {YS_DYNSYM(test_api, labs)};
    static test_api table;
    static ys_dynlib lib =
        YS_DYNLIB_INIT(sonames, syms, table, "测试支持库 libabsent", "libabsent99", "读测试文件");
    for (int round = 0; round < 2; round++) { /* the failure is remembered */
        ys_error e = {0};
        assert_null(ys_dynlib_get(&lib, "a.test", &e));
        assert_int_equal(e.code, YS_EUNSUPPORTED);
        assert_string_equal(e.file, "a.test");
        assert_non_null(strstr(e.msg, "libyusuan-absent.so.99")); /* dlerror's reason */
        assert_non_null(strstr(e.msg, "测试支持库 libabsent"));
        assert_non_null(strstr(e.msg, "请安装 libabsent99"));
    }
    assert_null(ys_dynlib_get(&lib, "b.test", NULL)); /* no error to fill: still no crash */
}

static void missing_symbol_is_named(void **st)
{
    (void)st;
    static const char *const sonames[] = {"libc.so.6", NULL};
    static const ys_dynsym syms[] = {YS_DYNSYM(test_api, labs),
                                     YS_DYNSYM(test_api, ys_no_such_function)};
    static test_api table;
    static ys_dynlib lib = YS_DYNLIB_INIT(sonames, syms, table, "libc", "libc6", "运行");
    ys_error e = {0};
    assert_null(ys_dynlib_get(&lib, "a.test", &e));
    assert_non_null(strstr(e.msg, "缺少函数 ys_no_such_function"));
    char why[256] = "";
    test_api t;
    assert_int_equal(ys_dynlib_open("libc.so.6", syms, 2, &t, why, sizeof why), -1);
    assert_non_null(strstr(why, "ys_no_such_function"));
}

static void later_soname_is_tried(void **st)
{
    (void)st;
    static const char *const sonames[] = {"libyusuan-absent.so.99", "libc.so.6", NULL};
    static const ys_dynsym syms[] = {YS_DYNSYM(test_api, labs)};
    static test_api table;
    static ys_dynlib lib = YS_DYNLIB_INIT(sonames, syms, table, "libc", "libc6", "运行");
    ys_error e = {0};
    const test_api *T = ys_dynlib_get(&lib, "a.test", &e);
    assert_ptr_equal(T, &table);
    assert_int_equal(e.code, YS_OK);
    assert_int_equal(T->labs(-7), 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(libxml2_loaded_on_first_page),
        cmocka_unit_test(libzip_loaded_on_first_zip),
        cmocka_unit_test(libxlsxwriter_loaded_on_first_workbook),
        cmocka_unit_test(missing_library_is_a_located_error),
        cmocka_unit_test(missing_symbol_is_named),
        cmocka_unit_test(later_soname_is_tried),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
