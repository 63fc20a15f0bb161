/*
 * test_shanghai.c — the Shanghai 9-table layout (data/profiles/shanghai.profile)
 * on the four Shanghai documents, each read from its PDF and from its .txt:
 * the profile is detected, the tables recognised are the tables whose titles
 * the TEST finds in the .txt itself (every one of them), and cells of
 * tables 1–7 equal the figures the test parses from the .txt lines (in 元;
 * table 7 in 万元), read in the columns the test works out by hand.
 * Skips when ../shared is absent.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>

#include "testutil.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/tableset.h"

#define DIR "documents/shanghai/"

typedef struct sdoc {
    const char *stem;
    const char *known_pdf;   /* ids the PDF reading still misses (reader gaps) */
    const char *known_txt;   /* ids the .txt reading still misses */
} sdoc;

static const sdoc docs[] = {
    {"sh_putuo_caizhengju_2025_dept", "", ""},
    {"sh_putuo_wanli_2023_dept", "", ""},
    {"sh_putuo_wanli_2024_dept", "", ""},
    {"sh_shi_caizhengju_2025_unit", "", ""},
};

/* Title endings of the nine tables, as the test reads them. */
static const struct {
    const char *tail, *id;
} titles[] = {
    {"财政拨款收支预算总表", "4"},
    {"财务收支预算总表", "1"},
    {"收入预算总表", "2"},
    {"支出预算总表", "3"},
    {"基本支出部门预算经济分类预算表", "6"},
    {"一般公共预算支出功能分类预算表", "5-1"},
    {"政府性基金预算支出功能分类预算表", "8"},
    {"国有资本经营预算支出功能分类预算表", "9"},
    {"经费和机关运行经费预算表", "7"},
};

/* ---- the .txt, read by the test ----------------------------------------- */

typedef struct txt {
    char *buf;
    char *lines[2000];
    int n;
} txt;

static int load_txt(const char *stem, txt *t)
{
    char rel[256], path[512];
    snprintf(rel, sizeof rel, DIR "%s.txt", stem);
    if (!ys_test_shared(rel, path, sizeof path))
        return -1;
    t->buf = ys_test_slurp(path, NULL);
    assert_non_null(t->buf);
    t->n = 0;
    for (char *s = t->buf, *nl; s && t->n < 2000; s = nl ? nl + 1 : NULL) {
        nl = strchr(s, '\n');
        if (nl)
            *nl = 0;
        t->lines[t->n++] = s;
    }
    return 0;
}

static const char *skip_blanks(const char *s)
{
    while (*s == ' ' || *s == '\t' || *s == '\f')
        s++;
    return s;
}

static bool ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), m = strlen(tail);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        n--;
    return n >= m && memcmp(s + n - m, tail, m) == 0;
}

/* The table id a body title line names ("2025年部门收入预算总表"), or NULL. */
static const char *title_id(const char *line)
{
    const char *s = skip_blanks(line);
    if (isdigit((unsigned char)s[0]) && isdigit((unsigned char)s[3]) &&
        strncmp(s + 4, "年", strlen("年")) == 0)
        s += 4 + strlen("年");   /* the year is optional (wanli 2024's table 7) */
    if (strstr(s, "…") || (strncmp(s, "部门", strlen("部门")) != 0 &&
                           strncmp(s, "单位", strlen("单位")) != 0 &&
                           strncmp(s, "预算单位", strlen("预算单位")) != 0))
        return NULL;
    for (size_t k = 0; k < sizeof titles / sizeof titles[0]; k++)
        if (ends_with(s, titles[k].tail))
            return titles[k].id;
    return NULL;
}

/* Line index of the title of table `id`, or -1. */
static int title_line(const txt *t, const char *id)
{
    for (int i = 0; i < t->n; i++) {
        const char *k = title_id(t->lines[i]);
        if (k && strcmp(k, id) == 0)
            return i;
    }
    return -1;
}

/* "22,186,440.80" / "16,623,810" in 分; -1 when not a figure. */
static int64_t fen_of(const char *tok, size_t n)
{
    int64_t v = 0;
    int decimals = -1;
    for (size_t i = 0; i < n; i++) {
        if (tok[i] == ',')
            continue;
        if (tok[i] == '.' && decimals < 0) {
            decimals = 0;
            continue;
        }
        if (!isdigit((unsigned char)tok[i]))
            return -1;
        v = v * 10 + (tok[i] - '0');
        if (decimals >= 0)
            decimals++;
    }
    if (decimals > 2)
        return -1;
    for (int d = decimals < 0 ? 0 : decimals; d < 2; d++)
        v *= 10;
    return v;
}

/* A code row "201   06   01   行政运行   16,231,840.80 …": its joined code
 * (parts of one digit zero-padded), number of code parts and first figure. */
static int code_row(const char *line, char *code, size_t cap, int64_t *first)
{
    const char *s = skip_blanks(line);
    int parts = 0;
    code[0] = 0;
    for (;;) {
        size_t n = strspn(s, "0123456789");
        if (!n || (s[n] != ' ' && s[n] != '\t') || (parts == 0 ? n != 3 : n > 2))
            break;
        if (strlen(code) + 3 >= cap)
            return 0;
        if (parts && n == 1)
            strcat(code, "0");
        strncat(code, s, n);
        parts++;
        s = skip_blanks(s + n);
    }
    if (!parts)
        return 0;
    s += strcspn(s, " \t");            /* the name */
    s = skip_blanks(s);
    *first = fen_of(s, strcspn(s, " \t"));
    return *first >= 0 ? parts : 0;
}

/* ---- the recognised set ---------------------------------------------------- */

static ys_tableset *recognise(const char *stem, const char *ext)
{
    char rel[256], path[512];
    snprintf(rel, sizeof rel, DIR "%s.%s", stem, ext);
    if (!ys_test_shared(rel, path, sizeof path))
        return NULL;
    ys_doc *d = NULL;
    ys_error e = {0};
    assert_int_equal(ys_doc_read_file(path, &d, &e), YS_OK);
    ys_tableset *ts = NULL;
    assert_int_equal(ys_recognize(d, NULL, &ts, &e), YS_OK);
    assert_string_equal(ts->profile, "shanghai");
    ys_doc_free(d);
    return ts;
}

static int col_of(const ys_table *t, const char *key)
{
    for (int c = 0; c < t->ncols; c++)
        if (strcmp(t->cols[c], key) == 0)
            return c;
    fail_msg("table %s has no column %s", t->id, key);
    return -1;
}

static const ys_row *row_code(const ys_table *t, const char *code)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (strcmp(t->rows[i].code, code) == 0)
            return &t->rows[i];
    fail_msg("table %s has no row %s", t->id, code);
    return NULL;
}

/* Every table recognised is titled in the .txt; every titled table is
 * recognised unless it is a known reader gap (printed). */
static void check_ids(const txt *t, const ys_tableset *ts, const char *stem, const char *ext,
                      const char *known)
{
    char titled[64] = " ", got[64] = " ";
    for (int i = 0; i < t->n; i++) {
        const char *id = title_id(t->lines[i]);
        char pad[128];
        snprintf(pad, sizeof pad, " %s ", id ? id : "");
        if (id && !strstr(titled, pad))
            strncat(titled, pad + 1, sizeof titled - strlen(titled) - 1);
    }
    for (size_t k = 0; k < ts->ntables; k++) {
        const char *id = ts->tables[k]->id;
        if (strncmp(id, "12:", 3) == 0)
            continue;
        char pad[128];
        snprintf(pad, sizeof pad, " %s ", id);
        if (!strstr(titled, pad))
            fail_msg("%s.%s: table %s recognised but not titled in the text", stem, ext, id);
        strncat(got, pad + 1, sizeof got - strlen(got) - 1);
    }
    for (size_t k = 0; k < sizeof titles / sizeof titles[0]; k++) {
        char pad[128];
        snprintf(pad, sizeof pad, " %s ", titles[k].id);
        if (!strstr(titled, pad) || strstr(got, pad))
            continue;
        if (!strstr(known, pad))
            fail_msg("%s.%s: table %s is titled but not recognised", stem, ext, titles[k].id);
        printf("known: %s.%s: table %s not recognised (reader gap)\n", stem, ext, titles[k].id);
    }
}

/* Table 5-1's first 项 row and table 6's first 款 row and 合计, table 1's
 * 收入总计: figures parsed from the .txt equal the recognised cells. */
static void check_cells(const txt *t, const ys_tableset *ts)
{
    static const struct {
        const char *id;
        int parts;
    } want[] = {{"5-1", 3}, {"6", 2}};
    for (size_t w = 0; w < 2; w++) {
        const ys_table *tab = ys_tableset_find(ts, want[w].id);
        int from = title_line(t, want[w].id);
        if (!tab || from < 0)
            continue;
        assert_int_equal(tab->unit, YS_UNIT_YUAN);
        int seen = 0;
        for (int i = from + 1; i < t->n && !title_id(t->lines[i]) && seen < 3; i++) {
            char code[16];
            int64_t first;
            if (code_row(t->lines[i], code, sizeof code, &first) != want[w].parts)
                continue;
            const ys_row *r = row_code(tab, code);
            assert_true(r->cells[col_of(tab, "total")].v.present);
            assert_int_equal(r->cells[col_of(tab, "total")].v.fen, first);
            seen++;
        }
        assert_true(seen > 0);
    }
    const ys_table *t1 = ys_tableset_find(ts, "1");
    int from = title_line(t, "1");
    if (!t1 || from < 0)
        return;
    for (int i = from + 1; i < t->n && !title_id(t->lines[i]); i++) {
        const char *s = strstr(t->lines[i], "收入总计");
        if (!s)
            continue;
        s = skip_blanks(s + strlen("收入总计"));
        int64_t v = fen_of(s, strcspn(s, " \t"));
        for (size_t k = 0; k < t1->nrows; k++)
            if (t1->rows[k].key && strcmp(t1->rows[k].key, "in.year_total") == 0)
                assert_int_equal(t1->rows[k].cells[0].v.fen, v);
        return;
    }
    fail_msg("no 收入总计 line under table 1");
}

/* ---- the tables the recogniser once missed (issue 5) ------------------- */

/* The figures (tokens fen_of reads) of s, in order; returns the count. */
static int figures(const char *s, int64_t *v, int max)
{
    int n = 0;
    while (*(s = skip_blanks(s)) && n < max) {
        size_t len = strcspn(s, " \t");
        int64_t f = fen_of(s, len);
        if (f >= 0)
            v[n++] = f;
        s += len;
    }
    return n;
}

/* The text after `word` on the first line under table id's title holding
 * it (up to the next title), or NULL. */
static const char *after(const txt *t, const char *id, const char *word)
{
    int from = title_line(t, id);
    for (int i = from + 1; from >= 0 && i < t->n && !title_id(t->lines[i]); i++) {
        const char *s = strstr(t->lines[i], word);
        if (s)
            return s + strlen(word);
    }
    return NULL;
}

/* Cell `key` of row r in 分, -1 when blank. */
static int64_t cell(const ys_table *tab, const ys_row *r, const char *key)
{
    const ys_cell *c = &r->cells[col_of(tab, key)];
    return c->v.present ? c->v.fen : -1;
}

static const ys_row *row_key(const ys_table *tab, const char *key, const char *code)
{
    for (size_t i = 0; i < tab->nrows; i++)
        if (tab->rows[i].key && strcmp(tab->rows[i].key, key) == 0 &&
            (!code || strcmp(tab->rows[i].code, code) == 0))
            return &tab->rows[i];
    fail_msg("table %s has no row %s %s", tab->id, key, code ? code : "");
    return NULL;
}

/* Table 4: 收入总计 | 支出总计 合计, 一般公共预算 and the 一般公共服务支出 row. */
static void check_t4(const txt *t, const ys_tableset *ts)
{
    const ys_table *tab = ys_tableset_find(ts, "4");
    assert_non_null(tab);
    assert_int_equal(tab->unit, YS_UNIT_YUAN);
    int64_t v[4];
    assert_int_equal(figures(after(t, "4", "一、一般公共预算资金"), v, 1), 1);
    assert_int_equal(cell(tab, row_key(tab, "in.gpb", NULL), "amount"), v[0]);
    assert_int_equal(figures(after(t, "4", "一、一般公共服务支出"), v, 4), 2);
    const ys_row *r = row_key(tab, "out.class", "201");
    assert_int_equal(cell(tab, r, "amount"), v[0]);
    assert_int_equal(cell(tab, r, "gpb"), v[1]);
    const char *in = after(t, "4", "收入总计");
    assert_non_null(in);
    assert_int_equal(figures(in, v, 1), 1);
    assert_int_equal(cell(tab, row_key(tab, "in.grand_total", NULL), "amount"), v[0]);
    assert_int_equal(figures(strstr(in, "支出总计") + strlen("支出总计"), v, 4), 2);
    r = row_key(tab, "out.grand_total", NULL);
    assert_int_equal(cell(tab, r, "amount"), v[0]);
    assert_int_equal(cell(tab, r, "gpb"), v[1]);
}

/* Tables 2 and 3: the first 类 row's figures, all of them in order (table
 * 3: 合计, 基本支出, 项目支出; table 2: 合计, 财政拨款收入, 事业收入, 事业单位
 * 经营收入, 其他收入 where written), and table 3's 合计 row. */
static void check_t23(const txt *t, const ys_tableset *ts, const char *id)
{
    static const char *const cols3[] = {"total", "basic", "project"};
    static const char *const cols2[] = {"total", "year.fiscal", "year.business",
                                        "year.operating", "year.other"};
    const char *const *cols = strcmp(id, "3") == 0 ? cols3 : cols2;
    int ncols = strcmp(id, "3") == 0 ? 3 : 5;
    const ys_table *tab = ys_tableset_find(ts, id);
    assert_non_null(tab);
    const char *s = after(t, id, "一般公共服务支出");
    int64_t v[8];
    int n = figures(s, v, 8);
    assert_true(n >= 2 && n <= ncols);   /* blank trailing columns are not written */
    const ys_row *r = row_code(tab, "201");
    for (int k = 0; k < n; k++)
        assert_int_equal(cell(tab, r, cols[k]), v[k]);
    if (strcmp(id, "3") != 0)
        return;
    int from = title_line(t, id);
    for (int i = from + 1; i < t->n && !title_id(t->lines[i]); i++) {
        const char *w = strstr(t->lines[i], "合计");
        if (!w || figures(w + strlen("合计"), v, 4) != 3)
            continue;
        for (size_t k = 0; k < tab->nrows; k++)
            if (tab->rows[k].kind == YS_ROW_TOTAL)
                for (int c = 0; c < 3; c++)
                    assert_int_equal(cell(tab, &tab->rows[k], cols3[c]), v[c]);
        return;
    }
    fail_msg("no 合计 line under table 3");
}

/* The unit's table 1: the 一般公共服务支出 row and 支出总计 carry 合计, 人员
 * 经费, 公用经费, 项目支出 (four figures, in that order). */
static void check_t1_unit(const txt *t, const ys_tableset *ts)
{
    static const char *const cols[] = {"amount", "personnel", "public", "project"};
    const ys_table *tab = ys_tableset_find(ts, "1");
    assert_non_null(tab);
    int64_t v[4];
    assert_int_equal(figures(after(t, "1", "一、一般公共服务支出"), v, 4), 4);
    for (int k = 0; k < 4; k++)
        assert_int_equal(cell(tab, row_key(tab, "out.class", "201"), cols[k]), v[k]);
    assert_int_equal(figures(after(t, "1", "支出总计"), v, 4), 4);
    for (int k = 0; k < 4; k++)
        assert_int_equal(cell(tab, row_key(tab, "out.year_total", NULL), cols[k]), v[k]);
}

/* The unit's table 6, whose last page sets a column more: 303 02 退休费
 * (对个人和家庭的补助: 人员经费) and 310 02 办公设备购置 (资本性支出: 公用经费)
 * each write 合计 and one part, the same figure. */
static void check_t6_unit(const txt *t, const ys_tableset *ts)
{
    static const struct {
        const char *code, *part, *other;
    } want[] = {{"30302", "personnel", "public"}, {"31002", "public", "personnel"}};
    const ys_table *tab = ys_tableset_find(ts, "6");
    assert_non_null(tab);
    int from = title_line(t, "6"), seen = 0;
    for (int i = from + 1; i < t->n && !title_id(t->lines[i]); i++) {
        char code[16];
        int64_t first, v[4];
        if (code_row(t->lines[i], code, sizeof code, &first) != 2)
            continue;
        for (size_t w = 0; w < 2; w++) {
            if (strcmp(code, want[w].code) != 0)
                continue;
            const char *s = skip_blanks(t->lines[i]);
            for (int k = 0; k < 3; k++)   /* 类, 款, name */
                s = skip_blanks(s + strcspn(s, " \t"));
            assert_int_equal(figures(s, v, 4), 2);
            assert_int_equal(v[0], v[1]);
            const ys_row *r = row_code(tab, code);
            assert_int_equal(cell(tab, r, "total"), v[0]);
            assert_int_equal(cell(tab, r, want[w].part), v[1]);
            assert_int_equal(cell(tab, r, want[w].other), -1);
            seen++;
        }
    }
    assert_int_equal(seen, 2);
}

/* The figure (in 万元, as 分) after `word` in the narrative, -1 if none. */
static int64_t prose_wan(const txt *t, const char *word)
{
    for (int i = 0; i < t->n; i++) {
        const char *s = strstr(t->lines[i], word);
        if (!s || title_id(t->lines[i]))
            continue;
        s += strlen(word);
        size_t n = strspn(s, "0123456789.,");
        if (n && strncmp(s + n, "万元", strlen("万元")) == 0)
            return fen_of(s, n) * 10000;
    }
    return -1;
}

/* Table 7 (万元) where the readers leave figure-less columns out: the
 * figures' columns worked out by hand.  caizhengju: 0.95 | 0.95 | 229.43 =
 * 合计, 公务接待费 (the text: 公务接待费0.95万元), 机关运行经费 (预算为229.43万
 * 元); the unit: six figures, 购置费 blank — 合计 = 出国 + 接待 + 小计 and
 * 小计 = 运行费 pick them. */
static void check_t7(const txt *t, const ys_tableset *ts, bool unit)
{
    const ys_table *tab = ys_tableset_find(ts, "7");
    assert_non_null(tab);
    assert_int_equal(tab->unit, YS_UNIT_WAN);
    assert_int_equal(tab->nrows, 1);
    const ys_row *r = &tab->rows[0];
    int from = title_line(t, "7"), n = 0;
    int64_t v[8];
    for (int i = from + 1; i < t->n && !n; i++)
        if (strspn(skip_blanks(t->lines[i]), "0123456789.,") > 0)
            n = figures(t->lines[i], v, 8);
    for (int k = 0; k < n; k++)
        v[k] *= 10000;   /* 万元 */
    if (!unit) {
        assert_int_equal(n, 3);
        assert_int_equal(v[1], prose_wan(t, "公务接待费"));
        assert_int_equal(v[2], prose_wan(t, "机关运行经费预算为"));
        assert_int_equal(cell(tab, r, "total"), v[0]);
        assert_int_equal(cell(tab, r, "reception"), v[1]);
        assert_int_equal(cell(tab, r, "admin_running"), v[2]);
        assert_int_equal(cell(tab, r, "car.subtotal"), -1);
        return;
    }
    assert_int_equal(n, 6);
    assert_int_equal(v[0], v[1] + v[2] + v[3]);
    assert_int_equal(v[3], v[4]);
    static const char *const cols[] = {"total", "abroad", "reception", "car.subtotal",
                                       "car.operation", "admin_running"};
    for (int k = 0; k < 6; k++)
        assert_int_equal(cell(tab, r, cols[k]), v[k]);
    assert_int_equal(cell(tab, r, "car.purchase"), -1);
}

static void check_new_tables(const txt *t, const ys_tableset *ts, const char *stem)
{
    check_t4(t, ts);
    check_t23(t, ts, "2");
    check_t23(t, ts, "3");
    bool unit = strstr(stem, "_unit") != NULL;
    if (unit) {
        check_t1_unit(t, ts);
        check_t6_unit(t, ts);
    }
    if (unit || strstr(stem, "caizhengju"))
        check_t7(t, ts, unit);
}

/* The PDF and the .txt give the same tables: ids, rows (code, key, kind)
 * and every cell, line numbers aside. */
static void check_same(const ys_tableset *a, const ys_tableset *b, const char *stem)
{
    assert_int_equal(a->ntables, b->ntables);
    for (size_t i = 0; i < a->ntables; i++) {
        const ys_table *x = a->tables[i], *y = b->tables[i];
        assert_string_equal(x->id, y->id);
        if (x->nrows != y->nrows)
            fail_msg("%s: table %s: %zu rows from the PDF, %zu from the .txt", stem, x->id,
                     x->nrows, y->nrows);
        assert_int_equal(x->ncols, y->ncols);
        for (size_t r = 0; r < x->nrows; r++) {
            assert_string_equal(x->rows[r].code, y->rows[r].code);
            assert_string_equal(x->rows[r].key ? x->rows[r].key : "",
                                y->rows[r].key ? y->rows[r].key : "");
            for (int c = 0; c < x->ncols; c++) {
                const ys_amount *u = &x->rows[r].cells[c].v, *v = &y->rows[r].cells[c].v;
                if (u->present != v->present || (u->present && u->fen != v->fen))
                    fail_msg("%s: table %s row %zu (%s) %s differs", stem, x->id, r,
                             x->rows[r].name, x->cols[c]);
            }
        }
    }
}

static void test_documents(void **state)
{
    (void)state;
    for (size_t k = 0; k < sizeof docs / sizeof docs[0]; k++) {
        txt t;
        if (load_txt(docs[k].stem, &t) != 0)
            return;
        static const char *const exts[] = {"pdf", "txt"};
        ys_tableset *sets[2] = {NULL, NULL};
        for (int e = 0; e < 2; e++) {
            ys_tableset *ts = recognise(docs[k].stem, exts[e]);
            if (!ts)
                continue;
            check_ids(&t, ts, docs[k].stem, exts[e], e ? docs[k].known_txt : docs[k].known_pdf);
            check_cells(&t, ts);
            check_new_tables(&t, ts, docs[k].stem);
            sets[e] = ts;
        }
        if (sets[0] && sets[1])
            check_same(sets[0], sets[1], docs[k].stem);
        ys_tableset_free(sets[0]);
        ys_tableset_free(sets[1]);
        free(t.buf);
    }
}

/* The test's own parser: a split code joins with zero-padding. */
static void test_code_row(void **state)
{
    (void)state;
    char code[16];
    int64_t v;
    assert_int_equal(code_row(" 301   2     津贴补贴     16,623,810   16,623,810", code,
                              sizeof code, &v), 2);
    assert_string_equal(code, "30102");
    assert_int_equal(v, 1662381000);
    assert_int_equal(code_row("201   06   01   行政运行   16,231,840.80", code, sizeof code, &v),
                     3);
    assert_string_equal(code, "2010601");
    assert_int_equal(v, 1623184080);
    assert_int_equal(code_row("   合计   31,214,205.80", code, sizeof code, &v), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_code_row),
        cmocka_unit_test(test_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
