/* Mutation test (issue 2 "Done when"): for every amount cell of tables 1, 2,
 * 3, 4, 5-1, 5-2, 6 and 10 of the reference document, as recognised, a copy
 * of the document with that one figure raised by 0.05 万元 (written in the
 * same style) must give at least one error-level finding whose lines
 * include the changed line.  All in process: read from memory, recognise,
 * audit. */
#include "testutil.h"

#include "yusuan/audit.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"

#define REF "documents/000_b019c8698d50126e.txt"

static const char *const tables[] = {"1", "2", "3", "4", "5-1", "5-2", "6", "10"};

typedef struct span { size_t at, len; } span;

/* Start and length of each line of text (1-based: lines[1] is line 1). */
static span *split_lines(const char *text, size_t n, size_t *nlines)
{
    span *v = calloc(n + 2, sizeof *v);
    size_t k = 1, start = 0;
    for (size_t i = 0; i <= n; i++)
        if (i == n || text[i] == '\n') {
            v[k].at = start;
            v[k].len = i - start;
            k++;
            start = i + 1;
        }
    *nlines = k - 1;
    return v;
}

/* The rule families that check figures (the indicator and document families
 * read goals and wording, which a changed figure does not touch, and take
 * most of an audit's time). */
static const ys_rule *const families[] = {ys_rules_tables, ys_rules_narrative,
                                          ys_rules_forms};

static int audit_figures(const ys_tableset *ts, ys_findings *f)
{
    for (size_t k = 0; k < sizeof families / sizeof *families; k++)
        for (const ys_rule *r = families[k]; r->id; r++) {
            int rc = r->run(r, ts, f);
            if (rc != YS_OK)
                return rc;
        }
    return YS_OK;
}

/* Recognise and audit text; findings into f.  Returns YS_OK or the error. */
static int audit_text(const char *text, size_t n, ys_findings *f)
{
    ys_doc *doc = NULL;
    ys_tableset *ts = NULL;
    ys_error err;
    int rc = ys_doc_read_mem("mutant.txt", (const unsigned char *)text, n, &doc, &err);
    if (rc == YS_OK)
        rc = ys_recognize(doc, NULL, &ts, &err);
    if (rc == YS_OK)
        rc = audit_figures(ts, f);
    ys_tableset_free(ts);
    ys_doc_free(doc);
    return rc;
}

/* The figure field[0..n) raised by 0.05 万元, in the field's style:
 * thousands separators if it had them, its decimals (at least two). */
static void raise_figure(const char *field, size_t n, char *out, size_t cap)
{
    ys_amount a;
    assert_int_equal(ys_amount_parse(field, n, YS_UNIT_WAN, &a), 0);
    bool grouping = memchr(field, ',', n) != NULL;
    const char *dot = memchr(field, '.', n);
    int dp = 0;
    for (const char *p = dot ? dot + 1 : field + n; p < field + n && *p >= '0' && *p <= '9'; p++)
        dp++;
    ys_amount_format(a.fen + 50000, YS_UNIT_WAN, dp < 2 ? 2 : dp, grouping, out, cap);
}

/* Cells (by value, in 分) the recogniser placed on one document line. */
typedef struct linecells {
    int line;
    int n;
    int64_t fen[64];
} linecells;

static int collect(const ys_tableset *ts, linecells *v, int cap)
{
    int nv = 0;
    for (size_t k = 0; k < sizeof tables / sizeof *tables; k++) {
        const ys_table *t = ys_tableset_find(ts, tables[k]);
        assert_non_null(t);
        for (size_t i = 0; i < t->nrows; i++)
            for (int c = 0; c < t->ncols; c++) {
                const ys_cell *cell = &t->rows[i].cells[c];
                if (!cell->v.present || cell->line <= 0)
                    continue;
                int j = 0;
                while (j < nv && v[j].line != cell->line)
                    j++;
                if (j == nv) {
                    assert_true(nv < cap);
                    v[nv].line = cell->line;
                    v[nv++].n = 0;
                }
                if (v[j].n < 64)
                    v[j].fen[v[j].n++] = cell->v.fen;
            }
    }
    return nv;
}

/* Take one cell of value fen from lc; true if there was one. */
static bool take(linecells *lc, int64_t fen)
{
    for (int i = 0; i < lc->n; i++)
        if (lc->fen[i] == fen) {
            lc->fen[i] = lc->fen[--lc->n];
            return true;
        }
    return false;
}

/* Is there an error on `line` in f that the unchanged document (base) does
 * not have (same rule and message)?  The document has errors of its own;
 * the mutation must add one. */
static bool caught(const ys_findings *f, const ys_findings *base, int line)
{
    for (size_t i = 0; i < f->n; i++) {
        const ys_finding *x = &f->v[i];
        bool on_line = false;
        for (int k = 0; k < x->nlines; k++)
            on_line |= x->lines[k] == line;
        if (x->sev != YS_SEV_ERROR || !on_line)
            continue;
        bool old = false;
        for (size_t j = 0; j < base->n && !old; j++)
            old = base->v[j].sev == YS_SEV_ERROR && !strcmp(base->v[j].rule, x->rule) &&
                  !strcmp(base->v[j].message, x->message);
        if (!old)
            return true;
    }
    return false;
}

static void every_cell_change_is_caught(void **st)
{
    (void)st;
    char path[1024];
    if (!ys_test_shared(REF, path, sizeof path))
        return;
    size_t n = 0, nlines = 0;
    char *text = ys_test_slurp(path, &n);
    assert_non_null(text);
    span *lines = split_lines(text, n, &nlines);

    ys_doc *doc = NULL;
    ys_tableset *ts = NULL;
    ys_error err;
    assert_int_equal(ys_doc_read_mem(REF, (const unsigned char *)text, n, &doc, &err), YS_OK);
    assert_int_equal(ys_recognize(doc, NULL, &ts, &err), YS_OK);
    static linecells cells[2048];
    int ncl = collect(ts, cells, 2048), total = 0;
    for (int i = 0; i < ncl; i++)
        total += cells[i].n;
    ys_tableset_free(ts);
    ys_doc_free(doc);

    ys_findings base;
    ys_findings_init(&base);
    assert_int_equal(audit_text(text, n, &base), YS_OK);

    char *mutant = malloc(n + 64);
    int mutated = 0, missed = 0;
    for (int i = 0; i < ncl; i++) {
        linecells *lc = &cells[i];
        const char *ln = text + lines[lc->line].at;
        size_t len = lines[lc->line].len, fs = 0;
        for (size_t j = 0; j <= len; j++) {
            if (j < len && ln[j] != '\t')
                continue;
            ys_amount a;
            size_t flen = j - fs;
            if (flen && ys_amount_parse(ln + fs, flen, YS_UNIT_WAN, &a) == 0 && a.present &&
                take(lc, a.fen)) {
                char fig[64];
                raise_figure(ln + fs, flen, fig, sizeof fig);
                size_t pre = (size_t)(ln - text) + fs, fl = strlen(fig);
                memcpy(mutant, text, pre);
                memcpy(mutant + pre, fig, fl);
                memcpy(mutant + pre + fl, text + pre + flen, n - pre - flen);
                size_t mn = n - flen + fl;
                ys_findings f;
                ys_findings_init(&f);
                assert_int_equal(audit_text(mutant, mn, &f), YS_OK);
                mutated++;
                if (!caught(&f, &base, lc->line)) {
                    missed++;
                    printf("missed: line %d, %.*s → %s\n", lc->line, (int)flen, ln + fs, fig);
                }
                ys_findings_free(&f);
            }
            fs = j + 1;
        }
        if (lc->n)
            printf("unmatched: %d cell(s) of line %d not found as a field\n", lc->n, lc->line);
    }
    printf("mutation: %d cells recognised, %d mutated, %d caught, %d missed\n", total,
           mutated, mutated - missed, missed);
    assert_int_equal(mutated, total);
    assert_int_equal(missed, 0);
    ys_findings_free(&base);
    free(mutant);
    free(lines);
    free(text);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_cell_change_is_caught),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
