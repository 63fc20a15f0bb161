/* Unit tests: lib/narrative*.c on the Shanghai layout
 * (the .txt files and PDFs under ../shared/documents/shanghai).
 *
 * The test finds the prose parts itself, the way the recogniser should:
 * the un-numbered heading line "…预算编制说明" up to the first table title
 * ("…总表"), and "其他相关情况说明" up to the first project form
 * ("…填报表") or the end.  Figures are read by the test's own simple
 * parse of the raw file text (blanks removed) and compared with the
 * claims; a few figures read by hand are written out where noted. */
#include "testutil.h"
#include "prose_testutil.h"
#include "yusuan/doc.h"
#include "yusuan/tableset.h"
#include "recognize_internal.h"

#define DIR "documents/shanghai/"

static const char *const docs[] = {
    "sh_putuo_caizhengju_2025_dept", "sh_putuo_wanli_2023_dept",
    "sh_putuo_wanli_2024_dept", "sh_shi_caizhengju_2025_unit",
};
#define NDOCS (sizeof docs / sizeof *docs)

/* ---- the test's own reading ----------------------------------------- */




typedef struct range {
    size_t from, to;      /* doc lines */
} range;

/* The two prose ranges of a Shanghai document. */
static void find_ranges(const ys_doc *d, range *note, range *other)
{
    char b[8192];
    *note = (range){0, 0};
    *other = (range){0, 0};
    for (size_t i = 0; i < d->nlines; i++) {
        flat_line(&d->lines[i], b, sizeof b);
        if (!note->from && plain_heading(b, "预算编制说明"))
            note->from = i;
        else if (note->from && !note->to && ends_with(b, "总表"))
            note->to = i;
        if (!other->from && plain_heading(b, "其他相关情况说明"))
            other->from = i;
        else if (other->from && !other->to && strstr(b, "填报表"))
            other->to = i;
    }
    if (other->from && !other->to)
        other->to = d->nlines;
}

/* File lines [a, b] (1-based) joined, blanks and line ends removed. */
static char *raw_text(const char *file, int a, int b)
{
    char *all = ys_test_slurp(file, NULL);
    assert_non_null(all);
    char *out = malloc(strlen(all) + 1);
    assert_non_null(out);
    size_t o = 0;
    int line = 1;
    for (const char *p = all; *p; p++) {
        if (*p == '\n') {
            line++;
            continue;
        }
        if (line >= a && line <= b && *p != ' ' && *p != '\r')
            out[o++] = *p;
    }
    out[o] = 0;
    free(all);
    return out;
}

/* "3,121.42" at s → 分 of that many 万元; -1 when s holds no number. */
static int64_t wan_at(const char *s)
{
    int64_t ip = 0, fr = 0, scale = YS_FEN_PER_WAN;
    int digits = 0;
    for (; (*s >= '0' && *s <= '9') || *s == ','; s++)
        if (*s != ',') {
            ip = ip * 10 + (*s - '0');
            digits++;
        }
    if (!digits)
        return -1;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++) {
            scale /= 10;
            fr += (*s - '0') * scale;
        }
    return ip * YS_FEN_PER_WAN + fr;
}

/* The figure right after the first `word` that has one, or -1. */
static int64_t figure_after(const char *text, const char *word)
{
    for (const char *p = text; (p = strstr(p, word)); p += strlen(word)) {
        int64_t v = wan_at(p + strlen(word));
        if (v >= 0)
            return v;
    }
    return -1;
}

/* Every figure right after `word`, in order; returns how many. */
static int figures_after(const char *text, const char *word, int64_t *out, int cap)
{
    int n = 0;
    for (const char *p = text; (p = strstr(p, word)) && n < cap; p += strlen(word)) {
        int64_t v = wan_at(p + strlen(word));
        if (v >= 0)
            out[n++] = v;
    }
    return n;
}

/* ---- a document read -------------------------------------------------- */

typedef struct loaded {
    char path[512];
    ys_doc *doc;
    ys_tableset *ts;
    range note, other;
    char *note_raw, *other_raw;   /* raw text of each range */
} loaded;

static int load(loaded *L, const char *name, const char *ext)
{
    char rel[256];
    snprintf(rel, sizeof rel, DIR "%s%s", name, ext);
    memset(L, 0, sizeof *L);
    if (!ys_test_shared(rel, L->path, sizeof L->path))
        return 0;
    ys_error err = {0};
    assert_int_equal(ys_doc_read_file(L->path, &L->doc, &err), YS_OK);
    L->ts = ys_tableset_new();
    assert_non_null(L->ts);
    find_ranges(L->doc, &L->note, &L->other);
    assert_true(L->note.from > 0 && L->note.to > L->note.from);
    assert_true(L->other.from > 0 && L->other.to > L->other.from);
    assert_int_equal(ys_narrative_read(L->doc, L->note.from, L->note.to, L->ts, &err), YS_OK);
    assert_int_equal(ys_narrative_read(L->doc, L->other.from, L->other.to, L->ts, &err), YS_OK);
    return 1;
}

static void load_raw(loaded *L)
{
    /* up to the line before the next part: a doc line may span several */
    const ys_line *l = L->doc->lines;
    size_t n = L->doc->nlines;
    L->note_raw = raw_text(L->path, l[L->note.from].no, l[L->note.to].no - 1);
    L->other_raw = raw_text(L->path, l[L->other.from].no,
                            L->other.to < n ? l[L->other.to].no - 1 : 1 << 30);
}

static void unload(loaded *L)
{
    free(L->note_raw);
    free(L->other_raw);
    ys_tableset_free(L->ts);
    ys_doc_free(L->doc);
}

static int count_key(const ys_tableset *ts, const char *key)
{
    int n = 0;
    for (size_t i = 0; i < ts->nclaims; i++)
        n += ts->claims[i].key && strcmp(ts->claims[i].key, key) == 0;
    return n;
}

static const ys_claim *only(const ys_tableset *ts, const char *key)
{
    assert_int_equal(count_key(ts, key), 1);
    for (size_t i = 0; i < ts->nclaims; i++)
        if (ts->claims[i].key && strcmp(ts->claims[i].key, key) == 0)
            return &ts->claims[i];
    return NULL;
}

/* ---- tests ------------------------------------------------------------ */

typedef struct said {
    const char *key;
    const char *word;     /* the raw words right before the figure */
    int other;            /* in 其他相关情况说明 (else 编制说明) */
} said;

static const said totals[] = {
    {"in.total", "收入预算", 0},
    {"in.fiscal", "财政拨款收入", 0},
    {"out.total", "支出预算", 0},
    {"out.fiscal", "财政拨款支出预算", 0},
    {"gpb.total", "一般公共预算拨款支出预算", 0},
    {"three_public.total", "“三公”经费预算数为", 1},
    {"three_public.abroad", "因公出国（境）费", 1},
    {"three_public.reception", "公务接待费", 1},
    {"admin_cost", "机关运行经费预算为", 1},
    {"procurement.total", "政府采购预算", 1},
    {"procurement.goods", "政府采购货物预算", 1},
    {"procurement.works", "政府采购工程预算", 1},
    {"procurement.services", "政府采购服务预算", 1},
    {"perf.total", "涉及项目预算资金", 1},
};

/* Each total once, with the figure the text gives; every figure keyed. */
static void test_totals(void **state)
{
    (void)state;
    for (size_t d = 0; d < NDOCS; d++) {
        loaded L;
        if (!load(&L, docs[d], ".txt"))
            return;
        load_raw(&L);
        for (size_t k = 0; k < sizeof totals / sizeof *totals; k++) {
            const char *raw = totals[k].other ? L.other_raw : L.note_raw;
            int64_t want = figure_after(raw, totals[k].word);
            assert_true(want >= 0);
            const ys_claim *c = only(L.ts, totals[k].key);
            assert_int_equal(c->kind, YS_CLAIM_FIGURE);
            assert_int_equal(c->amount.fen, want);
        }
        for (size_t i = 0; i < L.ts->nclaims; i++)
            assert_non_null(L.ts->claims[i].key);
        unload(&L);
    }
}

/* 财政拨款收入 …，比上年预算增加/减少 X 万元: the signed change. */
static void test_change(void **state)
{
    (void)state;
    for (size_t d = 0; d < NDOCS; d++) {
        loaded L;
        if (!load(&L, docs[d], ".txt"))
            return;
        load_raw(&L);
        const char *p = strstr(L.note_raw, "财政拨款收入");
        assert_non_null(p);
        const char *up = strstr(p, "增加"), *down = strstr(p, "减少");
        int sign = up && (!down || up < down) ? 1 : -1;
        int64_t want = sign * wan_at((sign > 0 ? up : down) + strlen("增加"));
        const ys_claim *c = only(L.ts, "in.fiscal");
        assert_true(c->change.present);
        assert_int_equal(c->change.fen, want);
        unload(&L);
    }
}

/* Every “…（项）” item of 编制说明 is a gpb.func claim with a code; a
 * "20XX年预算安排 X" restates it (second claim, same code). */
static void test_function_items(void **state)
{
    (void)state;
    for (size_t d = 0; d < 3; d++) {     /* the district documents */
        loaded L;
        if (!load(&L, docs[d], ".txt"))
            return;
        load_raw(&L);
        int64_t items[128], again[128];
        int ni = figures_after(L.note_raw, "（项）”", items, 128);
        int na = figures_after(L.note_raw, "预算安排", again, 128);
        assert_true(ni > 0);
        int fi = 0, fa = 0;
        const ys_claim *last = NULL;
        for (size_t i = 0; i < L.ts->nclaims; i++) {
            const ys_claim *c = &L.ts->claims[i];
            if (!c->key || strcmp(c->key, "gpb.func") != 0)
                continue;
            assert_non_null(c->subject);
            assert_non_null(c->code);     /* also "其它…(项)" (the list says 其他) */
            if (c->year == 0) {
                assert_true(fi < ni);
                assert_int_equal(c->amount.fen, items[fi++]);
                last = c;
            } else {
                assert_true(fa < na);
                assert_int_equal(c->amount.fen, again[fa++]);
                assert_non_null(last);
                assert_string_equal(c->subject, last->subject);
            }
        }
        assert_int_equal(fi, ni);
        assert_int_equal(fa, na);
        unload(&L);
    }
}

/* Read by hand in sh_putuo_wanli_2023_dept.txt, item 16: 职业年金缴费支出
 * 220.63 万元, 2022 年执行数 132.59 万元, then "2023年预算安排441.25万元"
 * — the restatement disagrees, and carries the stated prior and rate. */
static void test_restatement_differs(void **state)
{
    (void)state;
    loaded L;
    if (!load(&L, docs[1], ".txt"))
        return;
    const ys_claim *first = NULL, *second = NULL;
    for (size_t i = 0; i < L.ts->nclaims; i++) {
        const ys_claim *c = &L.ts->claims[i];
        if (c->code && strcmp(c->code, "2080506") == 0)
            (c->year ? &second : &first)[0] = c;
    }
    assert_non_null(first);
    assert_non_null(second);
    assert_int_equal(first->amount.fen, 22063 * YS_FEN_PER_WAN / 100);
    assert_int_equal(second->amount.fen, 44125 * YS_FEN_PER_WAN / 100);
    assert_int_equal(second->year, 2023);
    assert_true(second->prior.present);
    assert_int_equal(second->prior.fen, 13259 * YS_FEN_PER_WAN / 100);
    assert_true(second->rate.present);
    assert_int_equal(second->rate.fen, 605400);      /* 60.54 % */
    unload(&L);
}

/* Bounds (单价100万元（含）以上, 400万元以上) give no claim; the quarterly
 * 用款计划 of 项目经费情况说明 are project.plan claims. */
static void test_bounds_and_plans(void **state)
{
    (void)state;
    for (size_t d = 0; d < NDOCS; d++) {
        loaded L;
        if (!load(&L, docs[d], ".txt"))
            return;
        load_raw(&L);
        for (size_t i = 0; i < L.ts->nclaims; i++) {
            const ys_claim *c = &L.ts->claims[i];
            assert_true(!c->subject || !strstr(c->subject, "单价"));
            assert_true(!c->subject || !strstr(c->subject, "申请"));
        }
        int64_t plan[8], sum = 0, got = 0;
        int np = figures_after(L.other_raw, "用款计划", plan, 8);
        for (int k = 0; k < np; k++)
            sum += plan[k];
        for (size_t i = 0; i < L.ts->nclaims; i++)
            if (L.ts->claims[i].key && strcmp(L.ts->claims[i].key, "project.plan") == 0)
                got += L.ts->claims[i].amount.fen;
        assert_int_equal(count_key(L.ts, "project.plan"), np);
        assert_int_equal(got, sum);
        unload(&L);
    }
}

/* The PDF gives the same claims (key and amount, in order) as the text. */
static void test_pdf_same(void **state)
{
    (void)state;
    for (size_t d = 0; d < NDOCS; d++) {
        loaded T, P;
        if (!load(&T, docs[d], ".txt"))
            return;
        if (!load(&P, docs[d], ".pdf")) {
            unload(&T);
            return;
        }
        assert_int_equal(P.ts->nclaims, T.ts->nclaims);
        for (size_t i = 0; i < T.ts->nclaims; i++) {
            assert_string_equal(P.ts->claims[i].key, T.ts->claims[i].key);
            assert_int_equal(P.ts->claims[i].amount.fen, T.ts->claims[i].amount.fen);
        }
        unload(&T);
        unload(&P);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_totals),
        cmocka_unit_test(test_change),
        cmocka_unit_test(test_function_items),
        cmocka_unit_test(test_restatement_differs),
        cmocka_unit_test(test_bounds_and_plans),
        cmocka_unit_test(test_pdf_same),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
