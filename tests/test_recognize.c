/* Unit tests: lib/recognize*.c and lib/profile.c — the document split, tables
 * 1–10 on the reference document (figures checked against the test's own
 * split of each line), small documents written here, garbage, profiles. */
#include "testutil.h"

#include "profile.h"
#include "recognize_tables.h"
#include "text.h"
#include "yusuan/amount.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/tableset.h"

/* ---- helpers -------------------------------------------------------------- */

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

/* ---- profiles ----------------------------------------------------------------- */

static void profiles(void **st)
{
    (void)st;
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
        cmocka_unit_test(reference_tables),
        cmocka_unit_test(reference_prefixes),
        cmocka_unit_test(fast_fold_agrees),
        cmocka_unit_test(mutations),
        cmocka_unit_test(two_tables),
        cmocka_unit_test(fullwidth_and_broken_names),
        cmocka_unit_test(garbage_is_not_a_disclosure),
        cmocka_unit_test(empty_tables_with_notes),
        cmocka_unit_test(unmapped_headers),
        cmocka_unit_test(titles_alone),
        cmocka_unit_test(toc_is_skipped),
        cmocka_unit_test(profiles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
