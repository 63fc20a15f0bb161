/* Unit tests: the project forms (财政项目支出绩效目标填报表) of the Shanghai
 * documents under ../shared/documents/shanghai, read from the .txt and
 * from the PDF by ys_forms_read.
 *
 * The test reads the .txt itself: a form is a line with 项目资金总额; its
 * name, 实施单位 and the two totals are the blank-separated words after
 * their labels, and the unit is the caption "（元）" / "（万元）" written
 * between that line and 项目总目标.  Indicator rows are checked by what
 * must hold of any reading: a 一级 label from the four, a 二级 that is a
 * whole label, a 三级 that is no label, and a row the test sees with a
 * 一级 word and two more words gets that 一级 (whatever its column). */
#include "testutil.h"
#include "yusuan/doc.h"
#include "yusuan/tableset.h"
#include "recognize_internal.h"

#define DIR "documents/shanghai/"
#define MAXF 16

static const char *const docs[] = {
    "sh_putuo_caizhengju_2025_dept", "sh_putuo_wanli_2023_dept",
    "sh_putuo_wanli_2024_dept", "sh_shi_caizhengju_2025_unit",
};
#define NDOCS (sizeof docs / sizeof *docs)

static const char *const L1[] = {"成本指标", "产出指标", "效益指标", "满意度指标"};

/* ---- the test's own reading of the .txt -------------------------------- */

typedef struct tform {
    char name[128], unit_name[128];
    long long total, year;      /* 分 */
} tform;

typedef struct tdoc {
    int nforms;
    tform f[MAXF];
    int first_title;            /* line of the first 填报表 title, 0 none */
} tdoc;

/* Word after `label` on line s (words split by blanks), "" when none. */
static void word_after(const char *s, const char *label, char *out, size_t cap)
{
    out[0] = 0;
    const char *p = strstr(s, label);
    if (!p)
        return;
    p += strlen(label);
    while (*p == ' ')
        p++;
    size_t n = 0;
    while (p[n] && p[n] != ' ' && p[n] != '\n' && n + 1 < cap)
        n++;
    memcpy(out, p, n);
    out[n] = 0;
}

/* "4,100,000.00" in yuan or wan → 分. */
static long long fen_of(const char *w, int wan)
{
    long long whole = 0, frac = 0;
    int fd = -1;
    for (const char *p = w; *p; p++) {
        if (*p == ',')
            continue;
        if (*p == '.') {
            fd = 0;
            continue;
        }
        if (*p < '0' || *p > '9')
            break;
        if (fd < 0)
            whole = whole * 10 + (*p - '0');
        else if (fd < 2)
            frac = frac * 10 + (*p - '0'), fd++;
    }
    while (fd > 0 && fd < 2)
        frac *= 10, fd++;
    long long fen = whole * 100 + frac;
    return wan ? fen * 10000 : fen;
}

static char **split_lines(char *buf, int *n)
{
    int cap = 4096;
    char **v = malloc(sizeof *v * (size_t)cap);
    *n = 0;
    for (char *p = buf; p && *p && *n < cap;) {
        v[(*n)++] = p;
        char *nl = strchr(p, '\n');
        if (!nl)
            break;
        *nl = 0;
        p = nl + 1;
    }
    return v;
}

static void read_txt(char **ln, int n, tdoc *t)
{
    memset(t, 0, sizeof *t);
    char w[128];
    for (int i = 0; i < n; i++) {
        if (!t->first_title && strstr(ln[i], "填报表") && !strstr(ln[i], "…"))
            t->first_title = i + 1;
        if (strstr(ln[i], "项目名称") && t->nforms < MAXF)
            word_after(ln[i], "项目名称", t->f[t->nforms].name, sizeof t->f[0].name);
        if (strstr(ln[i], "实施单位") && t->nforms < MAXF)
            word_after(ln[i], "实施单位", t->f[t->nforms].unit_name,
                       sizeof t->f[0].unit_name);
        if (!strstr(ln[i], "项目资金总额") || t->nforms >= MAXF)
            continue;
        int wan = 0;
        for (int j = i; j < n && !strstr(ln[j], "项目总目标"); j++)
            if (strstr(ln[j], "（万元）") || strstr(ln[j], "(万元)"))
                wan = 1;
        tform *f = &t->f[t->nforms++];
        word_after(ln[i], "项目资金总额", w, sizeof w);
        f->total = fen_of(w, wan);
        word_after(ln[i], "年度资金申请总额", w, sizeof w);
        f->year = fen_of(w, wan);
    }
}

/* Words of a raw line split at runs of two or more blanks. */
static int words2(const char *s, char out[][256], int cap)
{
    int n = 0;
    const char *p = s;
    while (*p && n < cap) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t k = 0;
        while (p[k] && !(p[k] == ' ' && p[k + 1] == ' '))
            k++;
        size_t m = k < 255 ? k : 255;
        memcpy(out[n], p, m);
        while (m && out[n][m - 1] == ' ')
            m--;
        out[n][m] = 0;
        n++;
        p += k;
    }
    return n;
}

/* ---- reading through the library ---------------------------------------- */

static ys_tableset *read_forms(const char *path, ys_doc **d)
{
    ys_error e = {0};
    if (ys_doc_read_file(path, d, &e) != YS_OK) {
        print_error("%s: %s\n", path, e.msg);
        return NULL;
    }
    size_t from = 0;
    for (size_t i = 0; i < (*d)->nlines && !from; i++)
        for (int c = 0; c < (*d)->lines[i].ncells; c++)
            if (strstr((*d)->lines[i].cells[c], "填报表") &&
                !strstr((*d)->lines[i].cells[c], "…"))
                from = i;
    ys_tableset *ts = ys_tableset_new();
    ts->unit = YS_UNIT_WAN;
    assert_int_equal(ys_forms_read(*d, from, (*d)->nlines, ts, &e), YS_OK);
    return ts;
}

static const ys_row *row_key(const ys_table *t, const char *key)
{
    for (size_t r = 0; r < t->nrows; r++)
        if (t->rows[r].key && strcmp(t->rows[r].key, key) == 0)
            return &t->rows[r];
    return NULL;
}

static long long first_amount(const ys_table *t, const ys_row *r)
{
    for (int c = 0; c < t->ncols; c++)
        if (r->cells[c].v.present)
            return r->cells[c].v.fen;
    return -1;
}

static bool ends_with(const char *s, const char *w)
{
    size_t n = strlen(s), m = strlen(w);
    return n >= m && strcmp(s + n - m, w) == 0;
}

/* Forms in order, names, totals and 实施单位 against the test's reading. */
static void check_forms(const ys_tableset *ts, const tdoc *t, const char *path)
{
    int k = 0;
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *tb = ts->tables[i];
        if (strncmp(tb->id, "12:", 3) != 0)
            continue;
        if (k >= t->nforms)
            fail_msg("%s: form %s beyond the %d the test counts", path, tb->id, t->nforms);
        const tform *f = &t->f[k++];
        assert_string_equal(tb->id + 3, f->name);
        const ys_row *r = row_key(tb, "budget.total");
        assert_non_null(r);
        assert_int_equal(first_amount(tb, r), f->total);
        r = row_key(tb, "budget.year");
        assert_non_null(r);
        assert_int_equal(first_amount(tb, r), f->year);
        r = row_key(tb, "meta.unit");
        assert_non_null(r);
        assert_string_equal(r->name, f->unit_name);
    }
    assert_int_equal(k, t->nforms);
}

/* What any reading of an indicator row must satisfy. */
static void check_indicator(const ys_indicator *in)
{
    bool l1 = false;
    for (size_t j = 0; j < sizeof L1 / sizeof *L1; j++)
        l1 = l1 || strcmp(in->l1, L1[j]) == 0;
    if (!l1)
        fail_msg("line %d: 一级 \"%s\"", in->line, in->l1);
    /* a whole 二级 label (not a wrapped tail such as 度指标) or none */
    if (*in->l2 && (!ends_with(in->l2, "指标") || strlen(in->l2) < 12))
        fail_msg("line %d: 二级 \"%s\"", in->line, in->l2);
    if (!*in->l3 || ends_with(in->l3, "指标"))
        fail_msg("line %d: 三级 \"%s\"", in->line, in->l3);
    assert_true(*in->target);
}

static size_t count_ind(const ys_tableset *ts, const char *tid)
{
    size_t n = 0;
    for (size_t i = 0; i < ts->nind; i++)
        n += strcmp(ts->ind[i].table_id, tid) == 0;
    return n;
}

static const ys_indicator *ind_at(const ys_tableset *ts, int line)
{
    for (size_t i = 0; i < ts->nind; i++)
        if (ts->ind[i].line == line && !strncmp(ts->ind[i].table_id, "12:", 3))
            return &ts->ind[i];
    return NULL;
}

/* Rows the test sees with a 一级 (or 二级) word followed by two more
 * words: that indicator has that label and the next word as its 三级, in
 * whichever column the label stands. */
static int check_l1_rows(const ys_tableset *ts, char **ln, int n, int from)
{
    static char w[16][256];
    int seen = 0;
    for (int i = from; i < n; i++) {
        int nw = words2(ln[i], w, 16);
        for (int k = 0; k + 2 < nw; k++) {
            bool l1 = false;
            for (size_t j = 0; j < sizeof L1 / sizeof *L1; j++)
                l1 = l1 || strcmp(w[k], L1[j]) == 0;
            /* a 二级 word (…指标, not the 绩效指标 caption) with two words
               after it: that row's 二级 */
            bool l2 = !l1 && ends_with(w[k], "指标") && strlen(w[k]) >= 12 &&
                      strcmp(w[k], "绩效指标") != 0;
            if ((!l1 && !l2) || ends_with(w[k + 1], "指标"))
                continue;
            const ys_indicator *in = ind_at(ts, i + 1);
            if (!in)
                fail_msg("line %d: no indicator for \"%s\"", i + 1, ln[i]);
            assert_string_equal(l1 ? in->l1 : in->l2, w[k]);
            assert_string_equal(in->l3, w[k + 1]);
            seen++;
        }
    }
    return seen;
}

/* A line with one word makes no indicator of its own, except the first of
 * three such lines (三级 part / value / 三级 part). */
static void check_no_fragment_rows(const ys_tableset *ts, char **ln, int n)
{
    static char w[16][256];
    for (size_t i = 0; i < ts->nind; i++) {
        int li = ts->ind[i].line;
        if (strncmp(ts->ind[i].table_id, "12:", 3) || li < 1 || li > n)
            continue;
        if (words2(ln[li - 1], w, 16) >= 2)
            continue;
        int lone = 0;
        for (int j = li - 1; j < n && j < li + 2; j++)
            lone += words2(ln[j], w, 16) == 1;
        if (lone != 3)
            fail_msg("line %d: an indicator made of the fragment \"%s\"", li, ln[li - 1]);
    }
}

static void test_documents(void **state)
{
    (void)state;
    int forms = 0, l1rows = 0;
    for (size_t d = 0; d < NDOCS; d++) {
        char rel[256], buf[1024], pbuf[1024];
        snprintf(rel, sizeof rel, DIR "%s.txt", docs[d]);
        const char *txt = ys_test_shared(rel, buf, sizeof buf);
        if (!txt)
            skip();
        size_t len;
        char *raw = ys_test_slurp(txt, &len);
        assert_non_null(raw);
        int n;
        char **ln = split_lines(raw, &n);
        tdoc t;
        read_txt(ln, n, &t);
        forms += t.nforms;

        ys_doc *doc;
        ys_tableset *ts = read_forms(txt, &doc);
        check_forms(ts, &t, txt);
        for (size_t i = 0; i < ts->nind; i++)
            if (!strncmp(ts->ind[i].table_id, "12:", 3))
                check_indicator(&ts->ind[i]);
        l1rows += check_l1_rows(ts, ln, n, t.first_title);
        check_no_fragment_rows(ts, ln, n);

        snprintf(rel, sizeof rel, DIR "%s.pdf", docs[d]);
        const char *pdf = ys_test_shared(rel, pbuf, sizeof pbuf);
        if (pdf) {
            ys_doc *pd;
            ys_tableset *ps = read_forms(pdf, &pd);
            check_forms(ps, &t, pdf);
            for (size_t i = 0; i < ps->ntables; i++)
                if (!strncmp(ps->tables[i]->id, "12:", 3))
                    assert_int_equal(count_ind(ps, ps->tables[i]->id),
                                     count_ind(ts, ps->tables[i]->id));
            for (size_t i = 0; i < ps->nind; i++)
                if (!strncmp(ps->ind[i].table_id, "12:", 3))
                    check_indicator(&ps->ind[i]);
            ys_tableset_free(ps);
            ys_doc_free(pd);
        }
        ys_tableset_free(ts);
        ys_doc_free(doc);
        free(ln);
        free(raw);
    }
    /* the documents hold forms, and rows with a 一级 word and a 三级 */
    assert_true(forms > 0);
    assert_true(l1rows > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_documents),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
