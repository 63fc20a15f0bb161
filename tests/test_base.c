/* Unit tests: lib/text.c (folding), lib/codes.c (code lists), lib/doc.c and
 * readers/text.c (lines of cells, sniffing, bad input), lib/findings.c,
 * lib/fileio.c (escaping, atomic writes), lib/tableset.c (reserving
 * indicators). */
#include "testutil.h"

#include <sys/stat.h>
#include <unistd.h>

#include "text.h"
#include "yusuan/codes.h"
#include "yusuan/doc.h"
#include "yusuan/fileio.h"
#include "yusuan/findings.h"
#include "yusuan/tableset.h"

static void fold_fullwidth(void **st)
{
    (void)st;
    char out[128];
    const char *s = "（一）一般公共服务支出　１２３，４５";
    ys_fold(s, strlen(s), out, sizeof out);
    assert_string_equal(out, "(一)一般公共服务支出123,45");
    const char *t = "  2026 年  预算 ";
    ys_fold_keep_space(t, strlen(t), out, sizeof out);
    assert_string_equal(out, "2026 年 预算");
    size_t n = strlen(t);
    const char *tr = ys_trim(t, &n);
    assert_int_equal(n, strlen("2026 年  预算"));
    assert_memory_equal(tr, "2026", 4);
    /* too small a buffer is reported, not overrun */
    char tiny[4];
    assert_int_equal(ys_fold(s, strlen(s), tiny, sizeof tiny), (size_t)-1);
    /* invalid UTF-8 */
    assert_false(ys_utf8_valid("\xff\xfe", 2));
    assert_true(ys_utf8_valid(s, strlen(s)));
}

/* Every entry is found by its kind and code, with all its namesakes in
 * table order (the index is generated with the table: a wrong order
 * loses entries to the binary search). */
static void codes_every_entry_found(void **st)
{
    (void)st;
    int n = ys_code_count();
    assert_true(n > 0);
    for (int i = 0; i < n; i++) {
        const ys_code *c = ys_code_at(i), *got[16];
        int same = 0;
        for (int j = 0; j < n; j++)
            same += ys_code_at(j)->kind == c->kind && !strcmp(ys_code_at(j)->code, c->code);
        assert_true(same <= 16);
        assert_int_equal(ys_code_all(c->kind, c->code, got, 16), same);
        bool listed = false;
        for (int k = 0; k < same; k++) {
            assert_int_equal(got[k]->kind, c->kind);
            assert_string_equal(got[k]->code, c->code);
            if (k)
                assert_true(got[k - 1] < got[k]);
            listed = listed || got[k] == c;
        }
        assert_true(listed);
    }
}

static void codes_lookup(void **st)
{
    (void)st;
    const ys_code *c = ys_code_find(YS_CODE_FUNCTION, "2080505", 2026);
    assert_non_null(c);
    assert_string_equal(c->name, "机关事业单位基本养老保险缴费支出");
    assert_int_equal(c->level, 3);
    c = ys_code_find(YS_CODE_ECON, "30211", 2026);
    assert_non_null(c);
    assert_string_equal(c->name, "差旅费");
    /* a 类 renamed in 2019: the year decides the name */
    assert_string_equal(ys_code_find(YS_CODE_FUNCTION, "210", 2026)->name, "卫生健康支出");
    assert_string_equal(ys_code_find(YS_CODE_FUNCTION, "210", 2017)->name,
                        "医疗卫生与计划生育支出");
    const ys_code *all[4];
    assert_int_equal(ys_code_all(YS_CODE_FUNCTION, "210", all, 4), 2);
    assert_null(ys_code_find(YS_CODE_FUNCTION, "2999999", 2026));
    assert_int_equal(ys_code_level(YS_CODE_FUNCTION, "20103"), 2);
    assert_int_equal(ys_code_level(YS_CODE_ECON, "2010301"), 0);
    assert_int_equal(ys_code_level(YS_CODE_FUNCTION, "20a"), 0);
    assert_true(ys_econ_is_personnel("30101"));
    assert_true(ys_econ_is_personnel("303"));
    assert_false(ys_econ_is_personnel("30201"));
    /* every entry has a source and a plausible level */
    for (int i = 0; i < ys_code_count(); i++) {
        const ys_code *e = ys_code_at(i);
        assert_true(e->source[0] != 0);
        assert_int_equal(ys_code_level(e->kind, e->code), e->level);
    }
}

static void doc_text_lines(void **st)
{
    (void)st;
    const char *txt = "标题\n\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t2,561.10\t\t\r\n";
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_mem("t.txt", (const unsigned char *)txt, strlen(txt), &d, &err), YS_OK);
    assert_int_equal(d->format, YS_FMT_TEXT);
    assert_int_equal(d->nlines, 4);
    assert_int_equal(d->lines[3].no, 4);
    assert_int_equal(d->lines[3].ncells, 3);          /* trailing empties dropped */
    assert_string_equal(d->lines[3].cells[2], "2,561.10");
    assert_true(d->lines[2].is_row);
    assert_false(d->lines[0].is_row);
    ys_doc_free(d);
}

/* A text file is cut into cells in place (the document keeps its bytes):
 * the same lines, numbers and cells as read from memory, for texts with a
 * BOM, blanks around cells, CRLF, empty and trailing cells, full-width
 * blanks and no final newline; and a bad line refused with its number. */
static void doc_text_in_place(void **st)
{
    (void)st;
    static const char *const texts[] = {
        "标题\n\n科目编码\t科目名称\t合计\n201\t一般公共服务支出\t2,561.10\t\t\r\n",
        "\xef\xbb\xbf  a \t b\t\t c  \r\n\t\t\n\xe3\x80\x80全角\xe3\x80\x80\t\xc2\xa0x",
        "\n\n\t\n", "one", "末行\t", "x\r", "ok\n\xff\xfe broken\n",
    };
    char path[] = "/tmp/ys_test_inplaceXXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++) {
        FILE *f = fopen(path, "wb");
        assert_non_null(f);
        fputs(texts[t], f);
        fclose(f);
        ys_doc *a = NULL, *b = NULL;
        ys_error ea = {0}, eb = {0};
        int ra = ys_doc_read_mem(path, (const unsigned char *)texts[t], strlen(texts[t]), &a, &ea);
        int rb = ys_doc_read_file(path, &b, &eb);
        assert_int_equal(ra, rb);
        if (ra != YS_OK) {
            assert_int_equal(ea.line, eb.line);
            assert_string_equal(ea.msg, eb.msg);
            continue;
        }
        assert_non_null(b->input);
        assert_int_equal(a->nlines, b->nlines);
        for (size_t i = 0; i < a->nlines; i++) {
            assert_int_equal(a->lines[i].no, b->lines[i].no);
            assert_int_equal(a->lines[i].is_row, b->lines[i].is_row);
            assert_int_equal(a->lines[i].ncells, b->lines[i].ncells);
            for (int c = 0; c < a->lines[i].ncells; c++)
                assert_string_equal(a->lines[i].cells[c], b->lines[i].cells[c]);
        }
        ys_doc_free(a);
        ys_doc_free(b);
    }
    unlink(path);
}

static void doc_bad_input(void **st)
{
    (void)st;
    ys_doc *d = NULL;
    ys_error err = {0};
    const char *bad = "ok line\n\xff\xfe broken\n";
    assert_int_equal(ys_doc_read_mem("b.txt", (const unsigned char *)bad, strlen(bad), &d, &err),
                     YS_EINPUT);
    assert_null(d);
    assert_int_equal(err.line, 2);
    assert_string_equal(err.file, "b.txt");
    const unsigned char bin[] = {0x7f, 'E', 'L', 'F', 0, 0, 1};
    memset(&err, 0, sizeof err);
    assert_int_not_equal(ys_doc_read_mem("x.bin", bin, sizeof bin, &d, &err), YS_OK);
    assert_null(d);
    memset(&err, 0, sizeof err);
    assert_int_equal(ys_doc_read_file("/nonexistent/file.txt", &d, &err), YS_EIO);
    char msg[600];
    ys_error_format(&err, msg, sizeof msg);
    assert_non_null(strstr(msg, "/nonexistent/file.txt"));
}

static void sniff(void **st)
{
    (void)st;
    assert_int_equal(ys_format_sniff((const unsigned char *)"%PDF-1.4", 8, NULL), YS_FMT_PDF);
    const char *h = "<!DOCTYPE html><html><body><table></table>";
    assert_int_equal(ys_format_sniff((const unsigned char *)h, strlen(h), NULL), YS_FMT_HTML);
    const char *t = "a\tb\n";
    assert_int_equal(ys_format_sniff((const unsigned char *)t, strlen(t), NULL), YS_FMT_TEXT);
}

static void findings_lines(void **st)
{
    (void)st;
    ys_findings f;
    ys_findings_init(&f);
    int lines[] = {30, 0, 10, 30, 20};
    ys_finding *fd = ys_findings_add(&f, YS_SEV_ERROR, "T.x", "3", lines, 5, "1.00", "2.00",
                                     "表%d", 3);
    assert_non_null(fd);
    assert_int_equal(fd->nlines, 3);
    assert_int_equal(fd->lines[0], 10);
    assert_int_equal(fd->lines[2], 30);
    assert_string_equal(fd->message, "表3");
    int l2[] = {5};
    ys_findings_add(&f, YS_SEV_NOTE, "T.y", "1", l2, 1, "", "", "x");
    ys_findings_sort(&f);
    assert_string_equal(f.v[0].rule, "T.y");
    assert_int_equal(ys_findings_count(&f, YS_SEV_ERROR), 1);
    ys_findings_free(&f);
}

static void escaping_and_atomic(void **st)
{
    (void)st;
    ys_buf b = {0};
    ys_buf_html(&b, "<script>\"a&b'</script>");
    assert_string_equal(b.p, "&lt;script&gt;&quot;a&amp;b&#39;&lt;/script&gt;");
    b.n = 0;
    ys_buf_json(&b, "a\"b\\c\n\x01");
    assert_string_equal(b.p, "a\\\"b\\\\c\\n\\u0001");
    b.n = 0;
    ys_buf_csv(&b, "x,\"y\"");
    assert_string_equal(b.p, "\"x,\"\"y\"\"\"");
    ys_buf_free(&b);
    char dir[] = "/tmp/ys_test_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/out.txt", dir);
    ys_error err = {0};
    assert_int_equal(ys_write_atomic(path, "hello", 5, &err), YS_OK);
    size_t n = 0;
    char *got = ys_test_slurp(path, &n);
    assert_int_equal(n, 5);
    free(got);
    /* a folder that does not exist: error, nothing written */
    char bad[300];
    snprintf(bad, sizeof bad, "%s/missing/out.txt", dir);
    assert_int_equal(ys_write_atomic(bad, "x", 1, &err), YS_EIO);
    unlink(path);
    rmdir(dir);
}

/* Reserving keeps what is there, makes room for that many more without
 * moving, and the items added after it start at zero; a hint too small
 * still lets the vector grow. */
static void reserve_indicators(void **st)
{
    (void)st;
    ys_tableset *ts = ys_tableset_new();
    assert_non_null(ts);
    ys_indicator *first = ys_tableset_add_indicator(ts);
    assert_non_null(first);
    first->goal = 7;
    first->line = 42;
    assert_int_equal(ys_tableset_reserve_indicators(ts, 40), YS_OK);
    assert_true(ts->icap >= 41);
    const ys_indicator *at = ts->ind;
    for (int i = 0; i < 40; i++) {
        ys_indicator *x = ys_tableset_add_indicator(ts);
        assert_non_null(x);
        assert_int_equal(x->goal, 0);
        assert_null(x->target);
        x->goal = i;
    }
    assert_ptr_equal(ts->ind, at);
    assert_int_equal(ts->ind[0].goal, 7);
    assert_int_equal(ts->ind[0].line, 42);
    assert_int_equal(ts->nind, 41);
    assert_int_equal(ys_tableset_reserve_indicators(ts, 0), YS_OK);
    assert_non_null(ys_tableset_add_indicator(ts));
    assert_int_equal(ts->nind, 42);
    assert_int_equal(ts->ind[40].goal, 39);
    ys_tableset_free(ts);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fold_fullwidth), cmocka_unit_test(codes_lookup),
        cmocka_unit_test(codes_every_entry_found),
        cmocka_unit_test(doc_text_lines), cmocka_unit_test(doc_text_in_place),
        cmocka_unit_test(doc_bad_input),
        cmocka_unit_test(sniff),          cmocka_unit_test(findings_lines),
        cmocka_unit_test(escaping_and_atomic), cmocka_unit_test(reserve_indicators),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
