/* Unit tests: lib/forms*.c on the reference document — tables 11 and 12
 * (funds, project list, goals, indicators, project forms).  Expected values
 * are worked out here from the document's own lines, split by this file.
 * Hand-written forms, another layout, the writer round trip and garbage:
 * test_forms_hand.c. */
#include "testutil.h"
#include "recognize_internal.h"
#include "yusuan/doc.h"
#include "yusuan/tableset.h"

#define DOC_REL "documents/000_b019c8698d50126e.txt"

/* ---- the test's own reading of the tab-separated document ---- */

typedef struct rline {
    int n;
    char *c[64];
} rline;

typedef struct rdoc {
    char *buf;
    int n;
    rline *l;
} rdoc;

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\r')
        s++;
    while (!strncmp(s, "\xe3\x80\x80", 3))
        s += 3;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\r'))
        s[--n] = 0;
    return s;
}

static void rdoc_load(rdoc *d, const char *path)
{
    size_t len = 0;
    d->buf = ys_test_slurp(path, &len);
    assert_non_null(d->buf);
    d->l = calloc(len + 2, sizeof *d->l);
    d->n = 0;
    char *p = d->buf;
    while (*p) {
        char *nl = strchr(p, '\n');
        if (nl)
            *nl = 0;
        rline *r = &d->l[d->n++];
        char *q = p;
        while (r->n < 64) {
            char *t = strchr(q, '\t');
            if (t)
                *t = 0;
            r->c[r->n++] = trim(q);
            if (!t)
                break;
            q = t + 1;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
}

static const char *cell(const rline *r, int i) { return i < r->n ? r->c[i] : ""; }

static int next_filled(const rline *r, int from)
{
    for (int i = from; i < r->n; i++)
        if (*r->c[i])
            return i;
    return -1;
}

/* "268.47", "1,394.13", "17.8", "20" in 万元 → 分, by hand. */
static int64_t wan(const char *s)
{
    int64_t ip = 0, fp = 0;
    int fd = 0;
    for (; *s && *s != '.'; s++)
        if (*s >= '0' && *s <= '9')
            ip = ip * 10 + (*s - '0');
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9' && fd < 6; s++, fd++)
            fp = fp * 10 + (*s - '0');
    while (fd++ < 6)
        fp *= 10;
    return ip * 1000000 + fp;
}

static bool is_figure(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (!((*s >= '0' && *s <= '9') || *s == '.' || *s == ','))
            return false;
    return true;
}

/* ---- fixtures ---- */

typedef struct fx {
    rdoc raw;
    ys_doc *doc;
    ys_tableset *ts;
    int from, to;       /* 0-based line indices [from, to) */
} fx;

static int setup(void **st)
{
    char pb[1024];
    const char *path = ys_test_shared(DOC_REL, pb, sizeof pb);
    if (!path) {
        *st = NULL;
        return 0;
    }
    fx *f = calloc(1, sizeof *f);
    rdoc_load(&f->raw, path);
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, &f->doc, &err), YS_OK);
    /* the range: the last 整体支出绩效目标 line before the first form, up to
       第三部分 … 情况说明 after it */
    int first_form = -1;
    for (int i = 0; i < f->raw.n && first_form < 0; i++)
        if (strstr(cell(&f->raw.l[i], 0), "项目资金绩效目标申报表"))
            first_form = i;
    assert_true(first_form > 0);
    f->from = -1;
    for (int i = 0; i < first_form; i++)
        if (strstr(cell(&f->raw.l[i], 0), "整体支出绩效目标"))
            f->from = i;
    f->to = -1;
    for (int i = first_form; i < f->raw.n && f->to < 0; i++)
        if (!strncmp(cell(&f->raw.l[i], 0), "第三部分", strlen("第三部分")) &&
            strstr(cell(&f->raw.l[i], 0), "情况说明"))
            f->to = i;
    assert_true(f->from > 0 && f->to > f->from);
    f->ts = ys_tableset_new();
    assert_int_equal(ys_forms_read(f->doc, (size_t)f->from, (size_t)f->to, f->ts, &err),
                     YS_OK);
    *st = f;
    return 0;
}

static int teardown(void **st)
{
    fx *f = *st;
    if (!f)
        return 0;
    ys_tableset_free(f->ts);
    ys_doc_free(f->doc);
    free(f->raw.buf);
    free(f->raw.l);
    free(f);
    return 0;
}

#define NEED_DOC(f)                                                                \
    fx *f = *st;                                                                   \
    if (!f) {                                                                      \
        printf("skip: reference document absent\n");                              \
        return;                                                                    \
    }

/* Names of the forms as the 项目名称 lines give them. */
static int form_names(const fx *f, const char *names[], int *lines, int cap)
{
    int n = 0;
    for (int i = f->from; i < f->to && n < cap; i++) {
        const rline *r = &f->raw.l[i];
        if (strcmp(cell(r, 0), "项目名称") != 0)
            continue;
        int k = next_filled(r, 1);
        assert_true(k > 0);
        lines[n] = i;
        names[n++] = cell(r, k);
    }
    return n;
}

static const ys_table *form_table(const fx *f, const char *name)
{
    char id[200];
    snprintf(id, sizeof id, "12:%s", name);
    return ys_tableset_find(f->ts, id);
}

static void five_forms(void **st)
{
    NEED_DOC(f);
    const char *names[16];
    int lines[16];
    int n = form_names(f, names, lines, 16);
    assert_int_equal(n, 5);
    int forms = 0;
    for (size_t i = 0; i < f->ts->ntables; i++)
        forms += !strncmp(f->ts->tables[i]->id, "12:", 3);
    assert_int_equal(forms, 5);
    for (int i = 0; i < n; i++) {
        const ys_table *t = form_table(f, names[i]);
        assert_non_null(t);
        /* cited from its title, like tables 1–10 */
        int title = lines[i];
        while (title > f->from && !strstr(cell(&f->raw.l[title], 0), "申报表"))
            title--;
        assert_int_equal(t->first_line, title + 1);
    }
    assert_non_null(form_table(f, "行政审批工作经费（一级）"));
}

/* Value cell after a label cell in the raw line, or NULL. */
static const char *value_after(const rline *r, const char *label)
{
    for (int i = 0; i < r->n; i++)
        if (!strcmp(r->c[i], label)) {
            int k = next_filled(r, i + 1);
            return k < 0 ? NULL : r->c[k];
        }
    return NULL;
}

static void budgets(void **st)
{
    NEED_DOC(f);
    const char *names[16];
    int lines[16];
    int n = form_names(f, names, lines, 16);
    for (int i = 0; i < n; i++) {
        int end = i + 1 < n ? lines[i + 1] : f->to;
        const ys_table *t = form_table(f, names[i]);
        assert_non_null(t);
        const char *tot = NULL, *yr = NULL;
        for (int j = lines[i]; j < end; j++) {
            const rline *r = &f->raw.l[j];
            if (!tot && value_after(r, "项目总预算"))
                tot = value_after(r, "项目总预算");
            const char *y = value_after(r, "项目当年预算");
            if (!yr && y && is_figure(y))
                yr = y;
        }
        assert_non_null(tot);
        const ys_row *row = ys_table_row_by_key(t, "budget.total");
        assert_non_null(row);
        assert_true(row->cells[0].v.present);
        assert_int_equal(row->cells[0].v.fen, wan(tot));
        row = ys_table_row_by_key(t, "budget.year");
        if (yr) {
            assert_non_null(row);
            assert_int_equal(row->cells[0].v.fen, wan(yr));
        } else {                /* "项目当年预算" written with no figure */
            assert_true(!row || !row->cells[0].v.present);
        }
    }
}

/* The test's reading of a 项目支出明细 block: rows after the header (a line
 * with cells 项目支出明细 and 金额) up to 项目采购; 合计 apart. */
static void details(void **st)
{
    NEED_DOC(f);
    const char *names[16];
    int lines[16];
    int n = form_names(f, names, lines, 16);
    for (int i = 0; i < n; i++) {
        int end = i + 1 < n ? lines[i + 1] : f->to;
        int64_t sum = 0, total = -1;
        int items = 0;
        bool in = false;
        for (int j = lines[i]; j < end; j++) {
            const rline *r = &f->raw.l[j];
            bool hdr = false;
            for (int k = 0; k < r->n; k++)
                if (!strcmp(r->c[k], "项目支出明细") && next_filled(r, k + 1) > 0 &&
                    !strcmp(r->c[next_filled(r, k + 1)], "金额"))
                    hdr = true;
            if (hdr) {
                in = true;
                continue;
            }
            if (!strcmp(cell(r, 0), "项目采购"))
                in = false;
            if (!in)
                continue;
            int last = -1;
            for (int k = 0; k < r->n; k++)
                if (*r->c[k])
                    last = k;
            if (last < 0 || !is_figure(r->c[last]))
                continue;
            if (!strcmp(cell(r, next_filled(r, 0)), "合计"))
                total = wan(r->c[last]);
            else {
                sum += wan(r->c[last]);
                items++;
            }
        }
        const ys_table *t = form_table(f, names[i]);
        int64_t got = 0;
        int got_items = 0;
        for (size_t k = 0; k < t->nrows; k++)
            if (t->rows[k].key && !strcmp(t->rows[k].key, "detail.item")) {
                got += t->rows[k].cells[0].v.fen;
                got_items++;
            }
        assert_true(items > 0);
        assert_int_equal(got_items, items);
        assert_int_equal(got, sum);
        const ys_row *tr = ys_table_row_by_key(t, "detail.total");
        assert_non_null(tr);
        assert_int_equal(tr->cells[0].v.fen, total);
    }
}

static void sources_and_procurement(void **st)
{
    NEED_DOC(f);
    const ys_table *t = form_table(f, "行政审批工作经费（一级）");
    assert_non_null(t);
    int subs = 0, items = 0, proc = 0;
    for (size_t k = 0; k < t->nrows; k++) {
        const char *key = t->rows[k].key;
        subs += key && !strcmp(key, "src.sub");
        items += key && !strcmp(key, "src.item");
        proc += key && !strncmp(key, "proc.", 5);
    }
    /* 1. 一般公共预算财政拨款收入 and its 其中 line carry figures; the rest are blank */
    assert_int_equal(items, 1);
    assert_int_equal(subs, 1);
    assert_int_equal(proc, 0);             /* 品名 … 无 */
    assert_non_null(ys_table_row_by_key(t, "src.total"));
    const ys_row *cat = ys_table_row_by_key(t, "meta.category");
    assert_non_null(cat);
    assert_string_equal(cat->name, "特定目标类");
    /* the second form has 6 purchases and a 合计 that the test adds up */
    const char *names[16];
    int lines[16];
    form_names(f, names, lines, 16);
    t = form_table(f, names[1]);
    int64_t sum = 0;
    int n = 0;
    for (size_t k = 0; k < t->nrows; k++)
        if (t->rows[k].key && !strcmp(t->rows[k].key, "proc.item")) {
            sum += t->rows[k].cells[0].v.fen;
            n++;
        }
    assert_int_equal(n, 6);
    assert_int_equal(sum, wan("9") + wan("106.66") + wan("72") + wan("10") + wan("4") +
                              wan("33.45"));
    const ys_row *pt = ys_table_row_by_key(t, "proc.total");
    assert_non_null(pt);
    assert_int_equal(pt->cells[0].v.fen, wan("235.11"));
    /* the third form writes quantities: 1 each */
    t = form_table(f, names[2]);
    for (size_t k = 0; k < t->nrows; k++)
        if (t->rows[k].key && !strcmp(t->rows[k].key, "proc.item")) {
            assert_true(t->rows[k].cells[1].v.present);
            assert_int_equal(t->rows[k].cells[1].v.fen, 100);     /* 1 ×100 */
        }
}

static void funds(void **st)
{
    NEED_DOC(f);
    const ys_table *t = ys_tableset_find(f->ts, "11");
    assert_non_null(t);
    static const struct {
        const char *label, *key;
        int nth;         /* which occurrence of the label (合计 twice) */
    } want[] = {
        {"财政拨款", "in.fiscal", 0},          {"财政专户资金", "in.special_acct", 0},
        {"单位资金", "in.unit_funds", 0},      {"合计", "in.total", 0},
        {"人员类项目支出", "out.personnel", 0}, {"运转类项目支出", "out.operating", 0},
        {"特定目标类项目支出", "out.special", 0}, {"合计", "out.total", 1},
    };
    assert_int_equal(t->nrows, 8);
    for (size_t w = 0; w < 8; w++) {
        const ys_row *row = ys_table_row_by_key(t, want[w].key);
        assert_non_null(row);
        int seen = 0;
        for (int i = f->from; i < f->to; i++) {
            const rline *r = &f->raw.l[i];
            for (int k = 0; k < r->n; k++) {
                if (strcmp(r->c[k], want[w].label) || seen++ != want[w].nth)
                    continue;
                assert_int_equal(row->line, i + 1);
                const char *amt = cell(r, k + 1);
                assert_int_equal(row->cells[0].v.present, *amt != 0);
                if (*amt)
                    assert_int_equal(row->cells[0].v.fen, wan(amt));
                const char *p1 = cell(r, k + 4);
                if (*p1)
                    assert_int_equal(row->cells[3].v.fen, wan(p1));
            }
        }
        assert_true(seen > want[w].nth);
    }
    const ys_row *pers = ys_table_row_by_key(t, "out.personnel");
    assert_int_equal(pers->cells[1].v.fen, 361500);        /* 36.15% */
    const ys_table *p = ys_tableset_find(f->ts, "11.projects");
    assert_non_null(p);
    assert_int_equal(p->nrows, 5);
    assert_string_equal(p->rows[0].name, "行政审批工作经费");
    assert_string_equal(p->rows[0].extra, "特定目标类");
    assert_int_equal(p->rows[3].cells[0].v.fen, wan("17.8"));
}

/* Indicator rows per (table, annual, goal), counted by the test between
 * each 一级指标 header and the end of its table. */
typedef struct gkey {
    char tid[160];
    bool annual;
    int goal;
    int count;
} gkey;

static int digits_after(const char *s, const char *prefix)
{
    size_t k = strlen(prefix);
    if (strncmp(s, prefix, k))
        return -1;
    return atoi(s + k) > 0 ? atoi(s + k) : 1;
}

static bool ends_table(const rline *r)
{
    const char *c0 = cell(r, 0);
    return next_filled(r, 0) < 0 || !strncmp(c0, "长期目标", 12) ||
           !strncmp(c0, "年度目标", 12) || strstr(c0, "绩效目标表") ||
           strstr(c0, "申报表");
}

static int count_expected(const fx *f, gkey *g, int cap)
{
    int ng = 0;
    char tid[160] = "11";
    for (int i = f->from; i < f->to; i++) {
        const rline *r = &f->raw.l[i];
        if (!strcmp(cell(r, 0), "项目名称"))
            snprintf(tid, sizeof tid, "12:%s", cell(r, next_filled(r, 1)));
        if (strcmp(cell(r, 1), "一级指标") != 0)
            continue;
        int cur = -1;
        for (i++; i < f->to && !ends_table(&f->raw.l[i]); i++) {
            const rline *d = &f->raw.l[i];
            bool sub = false;
            for (int k = 0; k < d->n; k++)
                sub |= strstr(d->c[k], "前年") || strstr(d->c[k], "近两年");
            if (sub)
                continue;
            if (*cell(d, 0)) {
                char c0[64];
                int o = 0;
                for (const char *s = cell(d, 0); *s && o < 60; s++)
                    if (*s != ' ')
                        c0[o++] = *s;
                c0[o] = 0;
                bool an = !strncmp(c0, "年度", 6);
                int no = digits_after(c0, an ? "年度绩效目标" : "长期绩效目标");
                assert_true(no > 0 && ng < cap);
                cur = ng++;
                snprintf(g[cur].tid, sizeof g[cur].tid, "%s", tid);
                g[cur].annual = an;
                g[cur].goal = no;
                g[cur].count = 0;
            }
            assert_true(cur >= 0);
            g[cur].count++;
        }
        i--;
    }
    return ng;
}

static void indicators_per_goal(void **st)
{
    NEED_DOC(f);
    gkey g[64];
    int ng = count_expected(f, g, 64);
    assert_int_equal(ng, 20);              /* 5 + 5 in table 11, 2 per form */
    size_t total = 0;
    for (int i = 0; i < ng; i++) {
        int got = 0;
        for (size_t k = 0; k < f->ts->nind; k++) {
            const ys_indicator *in = &f->ts->ind[k];
            got += !strcmp(in->table_id, g[i].tid) && in->annual == g[i].annual &&
                   in->goal == g[i].goal;
        }
        if (got != g[i].count)
            printf("%s %s goal %d: %d rows, read %d\n", g[i].tid,
                   g[i].annual ? "annual" : "long", g[i].goal, g[i].count, got);
        assert_int_equal(got, g[i].count);
        total += (size_t)g[i].count;
    }
    assert_int_equal(f->ts->nind, total);
    for (size_t k = 0; k < f->ts->nind; k++) {
        const ys_indicator *in = &f->ts->ind[k];
        assert_true(*in->l1 && *in->l2 && *in->l3);
        assert_non_null(in->basis);
    }
}

static void shifted_row(void **st)
{
    NEED_DOC(f);
    /* the row that lost its leading empty cell: "\t质量指标1\t消防系统…" with
       three values, in table 11's annual goal 2 */
    int line = 0;
    const char *l1 = NULL;
    for (int i = f->from; i < f->to && !line; i++) {
        const rline *r = &f->raw.l[i];
        if (*cell(r, 1) && strstr(cell(r, 1), "指标") && !*cell(r, 0) &&
            strcmp(cell(r, 1), "质量指标1"))
            l1 = cell(r, 1);
        if (!strcmp(cell(r, 1), "质量指标1") && !strcmp(cell(r, 2), "消防系统运行正常率") &&
            r->n >= 6 && *cell(r, 5))
            line = i + 1;
    }
    assert_true(line > 0);
    const ys_indicator *in = NULL;
    for (size_t k = 0; k < f->ts->nind; k++)
        if (f->ts->ind[k].line == line)
            in = &f->ts->ind[k];
    assert_non_null(in);
    assert_string_equal(in->l2, "质量指标1");
    assert_string_equal(in->l3, "消防系统运行正常率");
    assert_string_equal(in->l1, l1);
    assert_true(in->annual);
    assert_string_equal(in->target, "100%");
    assert_string_equal(in->prev2, "100%");
    assert_string_equal(in->basis, "计划数据");
}

static void goals(void **st)
{
    NEED_DOC(f);
    int want_long = 0, want_annual = 0;
    for (int i = f->from; i < f->to; i++) {
        const char *c0 = cell(&f->raw.l[i], 0);
        want_long += !strncmp(c0, "长期目标", 12) && c0[12] >= '1' && c0[12] <= '9';
        want_annual += !strncmp(c0, "年度目标", 12) && c0[12] >= '1' && c0[12] <= '9';
    }
    int got_long = 0, got_annual = 0, form_goals = 0;
    for (size_t k = 0; k < f->ts->ngoals; k++) {
        const ys_goal *g = &f->ts->goals[k];
        if (!strcmp(g->table_id, "11")) {
            got_long += !g->annual;
            got_annual += g->annual;
            assert_true(g->no >= 1 && g->no <= 5);
            assert_true(strlen(g->text) > 10);
        } else {
            form_goals++;
        }
    }
    assert_int_equal(got_long, want_long);
    assert_int_equal(got_annual, want_annual);
    /* forms 1–4 state both goals, form 5 only the long-term one */
    assert_int_equal(form_goals, 9);
    /* "年度目标3:│目标3: 深化…": the repeated number is dropped */
    for (size_t k = 0; k < f->ts->ngoals; k++)
        assert_true(strncmp(f->ts->goals[k].text, "目标", 6) != 0);
}

static void mentions(void **st)
{
    NEED_DOC(f);
    /* 部门（单位）名称 once, per form 单位名称 + 主管部门 + 执行单位 (form 4
       writes no 执行单位 value) */
    assert_int_equal(f->ts->nmentions, 1 + 5 * 3 - 1);
    for (size_t k = 0; k < f->ts->nmentions; k++)
        assert_true(strstr(f->ts->mentions[k].name, "行政审批局") != NULL);
}

int main(void)
{
    const struct CMUnitTest doc_tests[] = {
        cmocka_unit_test(five_forms),          cmocka_unit_test(budgets),
        cmocka_unit_test(details),             cmocka_unit_test(sources_and_procurement),
        cmocka_unit_test(funds),               cmocka_unit_test(indicators_per_goal),
        cmocka_unit_test(shifted_row),         cmocka_unit_test(goals),
        cmocka_unit_test(mentions),
    };
    return cmocka_run_group_tests_name("forms: reference document", doc_tests, setup,
                                       teardown);
}
