/* Unit tests: lib/narrative*.c on the reference document's part 3.
 *
 * The test finds the sentences itself (by their words), parses the figures
 * out of the raw line with its own simple logic, and compares them with
 * the claim on that line.  Hand-written text: tests/test_narrative_text.c. */
#include "testutil.h"
#include "yusuan/doc.h"
#include "yusuan/tableset.h"
#include "recognize_internal.h"

#define REF "documents/000_b019c8698d50126e.txt"

/* ---- the test's own reading of a line -------------------------------- */

/* "816.9" → 分 of that many 万元; the test's own arithmetic. */
static int64_t wan(const char *s)
{
    int64_t ip = 0, fr = 0, scale = YS_FEN_PER_WAN;
    while (*s >= '0' && *s <= '9')
        ip = ip * 10 + (*s++ - '0');
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++) {
            scale /= 10;
            fr += (*s - '0') * scale;
        }
    return ip * YS_FEN_PER_WAN + fr;
}

/* "4.44" → 0.0001 % units. */
static int64_t pct(const char *s) { return wan(s) / 100; }

/* The number after the first `word` in line (blanks skipped), or NULL. */
static const char *after(const char *line, const char *word)
{
    const char *p = strstr(line, word);
    if (!p)
        return NULL;
    p += strlen(word);
    while (*p == ' ')
        p++;
    return (*p >= '0' && *p <= '9') ? p : NULL;
}

/* ---- fixture: the reference document's part 3 ------------------------ */

typedef struct fixture {
    char *text;           /* the file */
    char **lines;         /* lines[i] = line i + 1, NUL-terminated */
    int nlines;
    ys_doc *doc;
    ys_tableset *ts;
    int first, last;      /* part 3: document lines [first, last) */
} fixture;

static int setup(void **state)
{
    char path[512];
    fixture *f = calloc(1, sizeof *f);
    *state = f;
    if (!ys_test_shared(REF, path, sizeof path))
        return 0;
    f->text = ys_test_slurp(path, NULL);
    assert_non_null(f->text);
    f->lines = calloc(strlen(f->text) + 2, sizeof *f->lines);
    for (char *p = f->text; p && *p;) {
        f->lines[f->nlines++] = p;
        p = strchr(p, '\n');
        if (p)
            *p++ = 0;
    }
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(path, &f->doc, &err), YS_OK);
    /* part 3: the last line starting 第三部分 (the first is the contents
     * list) up to the next 第四部分 */
    size_t from = 0, to = f->doc->nlines;
    for (size_t i = 0; i < f->doc->nlines; i++) {
        const ys_line *l = &f->doc->lines[i];
        if (l->ncells && strncmp(l->cells[0], "第三部分", strlen("第三部分")) == 0)
            from = i;
    }
    for (size_t i = from; i < f->doc->nlines; i++) {
        const ys_line *l = &f->doc->lines[i];
        if (l->ncells && strncmp(l->cells[0], "第四部分", strlen("第四部分")) == 0) {
            to = i;
            break;
        }
    }
    assert_true(from > 0 && to > from);
    f->first = f->doc->lines[from].no;
    f->last = f->doc->lines[to - 1].no + 1;
    f->ts = ys_tableset_new();
    assert_int_equal(ys_narrative_read(f->doc, from, to, f->ts, &err), YS_OK);
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    ys_tableset_free(f->ts);
    ys_doc_free(f->doc);
    free(f->lines);
    free(f->text);
    free(f);
    return 0;
}

/* ys_test_shared has printed the skip line when the document is absent */
#define NEED_DOC(f) do { if (!(f)->ts) return; } while (0)

/* Line number of the first line of part 3 containing all of a and b. */
static int find_line(const fixture *f, const char *a, const char *b)
{
    for (int i = f->first - 1; i < f->last - 1 && i < f->nlines; i++)
        if (strstr(f->lines[i], a) && (!b || strstr(f->lines[i], b)) &&
            !strstr(f->lines[i], "\t"))
            return i + 1;
    return 0;
}

static const ys_claim *claim_at(const ys_tableset *ts, int line, const char *key)
{
    for (size_t i = 0; i < ts->nclaims; i++)
        if (ts->claims[i].line == line && ts->claims[i].key &&
            strcmp(ts->claims[i].key, key) == 0)
            return &ts->claims[i];
    return NULL;
}

/* ---- reference document ---------------------------------------------- */

/* Each "…(类)…(款)…(项) X 万元，比…减少/增加 Y 万元，下降/增长 p%" line. */
static void func_items(void **state)
{
    fixture *f = *state;
    NEED_DOC(f);
    int seen = 0;
    for (int i = f->first - 1; i < f->last - 1 && i < f->nlines; i++) {
        const char *l = f->lines[i];
        if (strchr(l, '\t'))
            continue;
        const char *a = after(l, "(项)");
        if (!a)
            a = after(l, "（项）");
        if (!a)
            continue;
        const ys_claim *c = claim_at(f->ts, i + 1, "gpb.func");
        assert_non_null(c);
        assert_int_equal(c->kind, YS_CLAIM_FIGURE);
        assert_int_equal(c->section, 5);
        assert_int_equal(c->amount.fen, wan(a));
        const char *chg = after(l, "减少");
        int sign = -1;
        if (!chg) {
            chg = after(l, "增加");
            sign = 1;
        }
        assert_non_null(chg);
        assert_true(c->change.present);
        assert_int_equal(c->change.fen, sign * wan(chg));
        const char *r = after(l, "下降");
        int rsign = -1;
        if (!r) {
            r = after(l, "增长");
            rsign = 1;
        }
        assert_non_null(r);
        assert_int_equal(c->rate.fen, rsign * pct(r));
        assert_non_null(c->code);
        assert_int_equal(strlen(c->code), 7);
        seen++;
    }
    assert_int_equal(seen, 11);
    /* codes worked out by hand from the classification */
    struct { const char *name; const char *code; } want[] = {
        {"行政运行（项）", "2010301"},
        {"一般行政管理事务（项）", "2010302"},
        {"事业运行（项）", "2010350"},
        {"行政单位离退休（项）", "2080501"},
        {"机关事业单位基本养老保险缴费支出(项)", "2080505"},
        {"公务员医疗补助(项)", "2101103"},
        {"购房补贴(项)", "2210203"},
    };
    for (size_t k = 0; k < sizeof want / sizeof *want; k++) {
        int ln = find_line(f, want[k].name, NULL);
        assert_true(ln > 0);
        const ys_claim *c = claim_at(f->ts, ln, "gpb.func");
        assert_non_null(c);
        assert_string_equal(c->code, want[k].code);
    }
}

static void totals_and_shares(void **state)
{
    fixture *f = *state;
    NEED_DOC(f);
    int ln = find_line(f, "收支总预算 ", "下降");
    assert_true(ln > 0);
    const ys_claim *c = claim_at(f->ts, ln, "total.budget");
    assert_non_null(c);
    assert_int_equal(c->section, 1);
    assert_int_equal(c->year, 2026);
    assert_int_equal(c->amount.fen, wan(after(f->lines[ln - 1], "收支总预算")));
    assert_int_equal(c->change.fen, -wan(after(f->lines[ln - 1], "减少")));
    assert_int_equal(c->rate.fen, -pct(after(f->lines[ln - 1], "下降")));

    ln = find_line(f, "其中：基本支出", "项目支出");
    assert_true(ln > 0);
    c = claim_at(f->ts, ln, "out.basic");
    assert_non_null(c);
    assert_int_equal(c->amount.fen, wan(after(f->lines[ln - 1], "基本支出")));
    assert_int_equal(c->share.fen, pct(after(f->lines[ln - 1], "占")));
    c = claim_at(f->ts, ln, "out.project");
    assert_non_null(c);
    /* "1438" means 1438.00 */
    assert_int_equal(c->amount.fen, 1438 * YS_FEN_PER_WAN);
    const char *second = strstr(strstr(f->lines[ln - 1], "项目支出"), "占");
    assert_int_equal(c->share.fen, pct(after(second, "占")));
    assert_non_null(claim_at(f->ts, ln, "out.total"));

    ln = find_line(f, "本年收入", "占");
    c = claim_at(f->ts, ln, "in.gpb");
    assert_non_null(c);
    assert_int_equal(c->share.fen, 100 * YS_PCT_ONE);
}

/* "24 小时天" is not money; the only figures are the two 预算 amounts. */
static void typo_is_not_money(void **state)
{
    fixture *f = *state;
    NEED_DOC(f);
    int ln = find_line(f, "小时天", "本年预算");
    assert_true(ln > 0);
    int figures = 0;
    for (size_t i = 0; i < f->ts->nclaims; i++)
        if (f->ts->claims[i].line == ln) {
            figures++;
            assert_int_not_equal(f->ts->claims[i].amount.fen, 24 * YS_FEN_PER_WAN);
        }
    assert_int_equal(figures, 2);
    const ys_claim *c = claim_at(f->ts, ln, "gpb.year");
    assert_non_null(c);
    assert_int_equal(c->change.fen, -wan(after(f->lines[ln - 1], "减少")));
    assert_non_null(claim_at(f->ts, ln, "gpb.total"));
}

static void missing_figure(void **state)
{
    fixture *f = *state;
    NEED_DOC(f);
    int ln = find_line(f, "总预算万元", NULL);
    assert_true(ln > 0);
    const ys_claim *c = claim_at(f->ts, ln, "fiscal.total");
    assert_non_null(c);
    assert_int_equal(c->kind, YS_CLAIM_MISSING);
    assert_false(c->amount.present);
    assert_int_equal(c->section, 4);
    /* the rest of the sentence still gives its figures */
    c = claim_at(f->ts, ln, "fiscal.in.gpb");
    assert_non_null(c);
    assert_int_equal(c->amount.fen, wan(after(f->lines[ln - 1], "本年收入")));
    c = claim_at(f->ts, ln, "fiscal.out.class");
    assert_non_null(c);
    assert_string_equal(c->code, "201");
}

static void none_claims(void **state)
{
    fixture *f = *state;
    NEED_DOC(f);
    struct { const char *a, *b, *key; int section; } want[] = {
        {"没有", "三公", "none.three_public", 7},
        {"没有", "政府性基金", "none.gov_fund", 8},
        {"没有", "国有资本经营", "none.soe", 9},
    };
    for (size_t k = 0; k < 3; k++) {
        int ln = find_line(f, want[k].a, want[k].b);
        assert_true(ln > 0);
        const ys_claim *c = claim_at(f->ts, ln, want[k].key);
        assert_non_null(c);
        assert_int_equal(c->kind, YS_CLAIM_NONE);
        assert_int_equal(c->section, want[k].section);
    }
}

static void econ_and_projects(void **state)
{
    fixture *f = *state;
    NEED_DOC(f);
    int ln = find_line(f, "工资福利支出 ", "万元");
    const ys_claim *c = claim_at(f->ts, ln, "basic.econ");
    assert_non_null(c);
    assert_string_equal(c->code, "301");
    assert_int_equal(c->section, 6);
    assert_int_equal(c->amount.fen, wan(after(f->lines[ln - 1], "工资福利支出")));

    ln = find_line(f, "对个人和家庭的补助", "万元");
    c = claim_at(f->ts, ln, "basic.econ");
    assert_non_null(c);
    assert_string_equal(c->code, "303");

    /* a sentence broken over two lines: the claim is on the figure's
     * line and its text runs on into the next line */
    ln = find_line(f, "信息化建设项目经费", "万元");
    c = claim_at(f->ts, ln, "project");
    assert_non_null(c);
    assert_int_equal(c->section, 10);
    assert_string_equal(c->subject, "信息化建设项目经费");
    assert_int_equal(c->amount.fen, wan(after(f->lines[ln - 1], "信息化建设项目经费")));
    assert_non_null(strstr(c->text, "小程序运行维护"));

    int projects = 0;
    for (size_t i = 0; i < f->ts->nclaims; i++)
        if (f->ts->claims[i].key && strcmp(f->ts->claims[i].key, "project") == 0)
            projects++;
    assert_int_equal(projects, 5);      /* items 1.–5. of section 十 */
}

static void other_matters(void **state)
{
    fixture *f = *state;
    NEED_DOC(f);
    int ln = find_line(f, "机关运行经费 ", "万元");
    const ys_claim *c = claim_at(f->ts, ln, "admin_cost");
    assert_non_null(c);
    assert_int_equal(c->rate.fen, -pct(after(f->lines[ln - 1], "降低")));
    ln = find_line(f, "货物类", NULL);
    c = claim_at(f->ts, ln, "procurement.works");
    assert_non_null(c);
    assert_true(c->amount.present);
    assert_int_equal(c->amount.fen, 0);
    c = claim_at(f->ts, ln, "procurement.services");
    assert_non_null(c);
    assert_int_equal(c->amount.fen, wan(after(f->lines[ln - 1], "服务类")));
    ln = find_line(f, "辅助性服务", NULL);
    assert_non_null(claim_at(f->ts, ln, "purchase_service.item"));
    assert_non_null(claim_at(f->ts, ln, "purchase_service.total"));
}

int main(void)
{
    const struct CMUnitTest ref[] = {
        cmocka_unit_test(func_items),
        cmocka_unit_test(totals_and_shares),
        cmocka_unit_test(typo_is_not_money),
        cmocka_unit_test(missing_figure),
        cmocka_unit_test(none_claims),
        cmocka_unit_test(econ_and_projects),
        cmocka_unit_test(other_matters),
    };
    return cmocka_run_group_tests(ref, setup, teardown);
}
