/* Unit tests: lib/recognize*.c on the reference document — tables 1–10
 * found where the test itself finds their titles and last rows, every figure
 * checked against the test's own split of its line; prefixes and mutations
 * of the document never crash; the fast fold agrees with ys_fold.
 * Small documents written by the tests: tests/test_recognize_small.c. */
#include "testutil.h"

#include "profile.h"
#include "recognize_tables.h"
#include "text.h"
#include "yusuan/amount.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/tableset.h"

/* ---- helpers -------------------------------------------------------------- */

/* Field k of a tab-separated line (trimmed by the caller's parser), or "". */
static void field(const char *line, int k, char *out, size_t cap)
{
    const char *s = line;
    for (int i = 0; i < k && s; i++) {
        s = strchr(s, '\t');
        if (s)
            s++;
    }
    size_t n = 0;
    if (s)
        while (s[n] && s[n] != '\t' && s[n] != '\n' && s[n] != '\r')
            n++;
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s ? s : "", n);
    out[n] = 0;
}

typedef struct doclines {
    char *buf;
    int n;
    char *line[4096];
} doclines;

static bool load_lines(doclines *dl, const char *path)
{
    size_t len;
    dl->buf = ys_test_slurp(path, &len);
    if (!dl->buf)
        return false;
    dl->n = 0;
    for (char *s = dl->buf; s && dl->n < 4096;) {
        dl->line[++dl->n - 1] = s;
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = 0;
        s = nl ? nl + 1 : NULL;
    }
    return true;
}

/* 1-based number of the first line whose first field is `title`. */
static int find_title(const doclines *dl, const char *title)
{
    char f[512];
    for (int i = 0; i < dl->n; i++) {
        field(dl->line[i], 0, f, sizeof f);
        if (strcmp(f, title) == 0)
            return i + 1;
    }
    return 0;
}

static bool has_content(const char *line)
{
    for (const char *s = line; *s; s++)
        if (*s != '\t' && *s != ' ' && *s != '\r')
            return true;
    return false;
}

/* Last row of the table titled at line `title`: the last tab line with
 * content before the first other paragraph (notes aside). */
static int find_last_row(const doclines *dl, int title)
{
    int i = title; /* 0-based index of the line after the title */
    while (i < dl->n && !strchr(dl->line[i], '\t'))
        i++;
    int last = 0;
    for (; i < dl->n; i++) {
        const char *l = dl->line[i];
        if (strchr(l, '\t')) {
            if (has_content(l))
                last = i + 1;
        } else if (has_content(l) && strncmp(l, "备注", strlen("备注")) != 0) {
            break;
        }
    }
    return last;
}

/* ---- the reference document ------------------------------------------------ */

typedef struct expect {
    const char *id;
    const char *title;      /* the title line as written */
    int first_field;        /* tab field of the first column key */
} expect;

static const expect tables[] = {
    {"1", "部门收支总表", 0},
    {"2", "部门收入总表", 2},
    {"3", "部门支出总表", 2},
    {"4", "财政拨款收支总表", 0},
    {"5-1", "5-1 一般公共预算支出表（分功能科目）", 2},
    {"5-2", "5-2 一般公共预算支出表（分单位）", 2},
    {"6", "一般公共预算基本支出表", 2},
    {"7", "一般公共预算“三公”经费支出表", 0},
    {"8", "政府性基金预算支出表", 2},
    {"9", "国有资本经营预算支出表", 2},
    {"10", "项目支出表", 3},
};

static void check_amount(const char *line, int fieldno, const ys_cell *cell)
{
    char f[256];
    field(line, fieldno, f, sizeof f);
    ys_amount a = {0, 0, false};
    if (ys_amount_parse(f, strlen(f), YS_UNIT_WAN, &a) != 0)
        a.present = false;
    assert_int_equal(cell->v.present, a.present);
    if (a.present)
        assert_int_equal(cell->v.fen, a.fen);
}

static void check_table_cells(const doclines *dl, const ys_table *t, const expect *e)
{
    for (size_t r = 0; r < t->nrows; r++) {
        const ys_row *row = &t->rows[r];
        assert_true(row->line >= 1 && row->line <= dl->n);
        const char *line = dl->line[row->line - 1];
        if (e->id[0] == '1' && !e->id[1]) {
            /* two-sided: income amount in field 1, expenditure in field 3 */
            assert_non_null(row->key);
            check_amount(line, row->key[0] == 'i' ? 1 : 3, &row->cells[0]);
        } else if (strcmp(e->id, "4") == 0) {
            assert_non_null(row->key);
            check_amount(line, row->key[0] == 'i' ? 1 : 3, &row->cells[0]);
        } else {
            for (int c = 0; c < t->ncols; c++)
                check_amount(line, e->first_field + c, &row->cells[c]);
            if (e->first_field == 2 || e->first_field == 3) {
                char code[64];
                field(line, 0, code, sizeof code);
                assert_string_equal(row->code, code);
            }
        }
        for (int c = 0; c < t->ncols; c++)
            assert_int_equal(row->cells[c].line, row->line);
    }
}

static void reference_tables(void **st)
{
    (void)st;
    char path[1024];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    doclines *dl = calloc(1, sizeof *dl);
    assert_true(load_lines(dl, path));
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, &d, &err), YS_OK);
    ys_tableset *ts = NULL;
    assert_int_equal(ys_recognize(d, NULL, &ts, &err), YS_OK);
    assert_int_equal(ts->year, 2026);
    assert_non_null(ts->department);
    assert_true(strstr(ts->department, "行政审批局") != NULL);
    assert_true(ts->nmentions >= 10);

    for (size_t k = 0; k < sizeof tables / sizeof tables[0]; k++) {
        const expect *e = &tables[k];
        const ys_table *t = ys_tableset_find(ts, e->id);
        if (!t)
            fail_msg("table %s not found", e->id);
        int title = find_title(dl, e->title);
        assert_true(title > 0);
        assert_int_equal(t->first_line, title);
        assert_int_equal(t->last_line, find_last_row(dl, title));
        assert_int_equal(t->unit, YS_UNIT_WAN);
        check_table_cells(dl, t, e);
    }

    const ys_table *t51 = ys_tableset_find(ts, "5-1");
    static const char *const keys51[] = {"total", "basic", "personnel", "public", "project"};
    assert_int_equal(t51->ncols, 5);
    for (int c = 0; c < 5; c++)
        assert_string_equal(t51->cols[c], keys51[c]);

    /* table 1: 25 classes, the four with figures are 201/208/210/221 */
    const ys_table *t1 = ys_tableset_find(ts, "1");
    static const char *const with_fig[] = {"201", "208", "210", "221"};
    int nclass = 0, nfig = 0;
    for (size_t r = 0; r < t1->nrows; r++) {
        const ys_row *row = &t1->rows[r];
        if (!row->key || strcmp(row->key, "out.class") != 0)
            continue;
        nclass++;
        if (row->cells[0].v.present) {
            assert_true(nfig < 4);
            assert_string_equal(row->code, with_fig[nfig++]);
        }
    }
    assert_int_equal(nclass, 25);
    assert_int_equal(nfig, 4);
    assert_non_null(ys_table_row_by_key(t1, "in.gpb"));
    assert_non_null(ys_table_row_by_key(t1, "out.grand_total"));
    const ys_table *t4 = ys_tableset_find(ts, "4");
    assert_non_null(ys_table_row_by_key(t4, "in.carry.gpb"));
    assert_true(ys_table_row_by_key(t4, "in.carry.gpb")->line >
                ys_table_row_by_key(t4, "in.gpb")->line);

    /* empty tables keep their 备注 */
    static const char *const empty[] = {"7", "8", "9"};
    for (int k = 0; k < 3; k++) {
        const ys_table *t = ys_tableset_find(ts, empty[k]);
        assert_int_equal(t->nrows, 0);
        assert_non_null(t->note);
        assert_true(strncmp(t->note, "备注", strlen("备注")) == 0);
        assert_true(strncmp(dl->line[t->note_line - 1], "备注", strlen("备注")) == 0);
        assert_true(t->note_line > t->last_line);
    }

    /* table 10: groups over projects, the project's unit in extra */
    const ys_table *t10 = ys_tableset_find(ts, "10");
    int projects = 0;
    for (size_t r = 0; r < t10->nrows; r++)
        if (t10->rows[r].level == 4) {
            projects++;
            assert_non_null(t10->rows[r].extra);
            assert_int_equal(t10->rows[r].kind, YS_ROW_ITEM);
        }
    assert_int_equal(projects, 5);
    assert_int_equal(t10->rows[0].kind, YS_ROW_TOTAL);
    assert_int_equal(t10->rows[1].kind, YS_ROW_GROUP);
    assert_int_equal(t10->rows[1].level, 1);

    ys_tableset_free(ts);
    ys_doc_free(d);
    free(dl->buf);
    free(dl);
}

/* Every prefix of the reference document recognises without a crash. */
static void reference_prefixes(void **st)
{
    (void)st;
    char path[1024];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    size_t n = 0;
    char *buf = ys_test_slurp(path, &n);
    assert_non_null(buf);
    for (size_t cut = 0; cut < n; cut += 1500) {
        while (cut < n && ((unsigned char)buf[cut] & 0xC0) == 0x80)
            cut++;
        ys_doc *d = NULL;
        ys_error err = {0};
        assert_int_equal(ys_doc_read_mem("p.txt", (unsigned char *)buf, cut, &d, &err), YS_OK);
        ys_tableset *ts = NULL;
        int rc = ys_recognize(d, NULL, &ts, &err);
        assert_true(rc == YS_OK || rc == YS_EINPUT);
        ys_tableset_free(ts);
        ys_doc_free(d);
    }
    free(buf);
}

/* The recogniser's fast fold agrees with ys_fold on every cell it answers,
 * and answers on most of the reference document. */
static void fast_fold_agrees(void **st)
{
    (void)st;
    static const char *const samples[] = {"（一）一般公共预算拨款", "２０８　社会保障",
                                          "“三公”经费", "Ａｂｃ～！", " a\tb\r", "㎡", "…"};
    char a[1024], b[1024];
    for (size_t k = 0; k < sizeof samples / sizeof samples[0]; k++) {
        size_t n = strlen(samples[k]);
        size_t fa = ys_fold_fast(samples[k], n, a, sizeof a);
        size_t fb = ys_fold(samples[k], n, b, sizeof b);
        if (fa != (size_t)-1) {
            assert_int_equal(fa, fb);
            assert_string_equal(a, b);
        }
    }
    assert_int_equal(ys_fold_fast("㎡", strlen("㎡"), a, sizeof a), (size_t)-1);
    assert_string_equal((ys_fold_fast("（一）Ｘ", strlen("（一）Ｘ"), a, sizeof a), a), "(一)X");
    char path[1024];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    ys_doc *d = NULL;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, &d, &err), YS_OK);
    size_t answered = 0, total = 0;
    static char x[65536], y[65536];
    for (size_t i = 0; i < d->nlines; i++)
        for (int c = 0; c < d->lines[i].ncells; c++) {
            const char *s = d->lines[i].cells[c];
            size_t n = strlen(s);
            if (!n || 4 * n + 16 > sizeof x)
                continue;
            total++;
            size_t fa = ys_fold_fast(s, n, x, sizeof x);
            if (fa == (size_t)-1)
                continue;
            answered++;
            assert_int_equal(fa, ys_fold(s, n, y, sizeof y));
            assert_string_equal(x, y);
        }
    assert_true(answered * 10 >= total * 9);
    ys_doc_free(d);
}

/* Mutated copies of the tables part (cells swapped, lines dropped or
 * doubled, bytes changed to tabs) never crash the recogniser. */
static void mutations(void **st)
{
    (void)st;
    char path[1024];
    if (!ys_test_shared("documents/000_b019c8698d50126e.txt", path, sizeof path))
        return;
    size_t n = 0;
    char *buf = ys_test_slurp(path, &n);
    assert_non_null(buf);
    size_t from = 0, to = n;
    const char *a = strstr(buf, "\n表1\n"), *b = strstr(buf, "十一、整体支出");
    if (a && b && a < b) {
        from = (size_t)(a - buf);
        to = (size_t)(b - buf);
    }
    size_t len = to - from;
    char *m = malloc(len + 1);
    assert_non_null(m);
    unsigned seed = 12345;
    for (int round = 0; round < 300; round++) {
        memcpy(m, buf + from, len);
        for (int k = 0; k < 20; k++) {
            seed = seed * 1103515245u + 12345u;
            size_t at = (seed >> 8) % len;
            seed = seed * 1103515245u + 12345u;
            switch ((seed >> 16) % 4) {
            case 0: /* a tab for an ASCII byte: cells shift */
                if ((unsigned char)m[at] < 0x80 && m[at] != '\n')
                    m[at] = '\t';
                break;
            case 1: /* a line break for a tab: rows split */
                if (m[at] == '\t')
                    m[at] = '\n';
                break;
            case 2: /* a digit becomes another */
                if (m[at] >= '0' && m[at] <= '9')
                    m[at] = (char)('0' + (seed >> 20) % 10);
                break;
            default: /* a line break for a line break's neighbour */
                if (m[at] == '\t' || m[at] == ' ')
                    m[at] = '\n';
            }
        }
        ys_doc *d = NULL;
        ys_error err = {0};
        if (ys_doc_read_mem("m.txt", (unsigned char *)m, len, &d, &err) != YS_OK)
            continue;
        ys_tableset *ts = NULL;
        int rc = ys_recognize(d, NULL, &ts, &err);
        assert_true(rc == YS_OK || rc == YS_EINPUT);
        for (size_t t = 0; rc == YS_OK && t < ts->ntables; t++)
            for (size_t r = 0; r < ts->tables[t]->nrows; r++)
                assert_true(ts->tables[t]->rows[r].line >= 1);
        ys_tableset_free(ts);
        ys_doc_free(d);
    }
    free(m);
    free(buf);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reference_tables),
        cmocka_unit_test(reference_prefixes),
        cmocka_unit_test(fast_fold_agrees),
        cmocka_unit_test(mutations),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
