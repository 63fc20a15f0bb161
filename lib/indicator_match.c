/*
 * indicator_match.c — which project form a goal of table 11 describes,
 * which form a project of table 10 / 11.projects refers to, and which
 * indicator is the same measure in another place.
 *
 * Names vary between the tables of one document (（一级） suffixes, 项目经费
 * vs 经费, typos, 印章 vs 刻章), so matching works on folded keys and a
 * bigram similarity, backed by goal texts, indicator overlap and amounts.
 * Every match says how it was made (ys_match_how) so findings can say it.
 * Promises: no allocation beyond the stack, read-only on the table set.
 */
#include "yusuan/indicator.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "indicator_view.h"
#include "text.h"

#define KEY_CAP YS_IND_KEY_CAP
#define NAME_SIM_OK 800      /* names alike enough on their own */
#define NAME_SIM_WITH_AMOUNT 500
#define GOAL_SIM_OK 700
#define IND_SIM_OK 600       /* 印章费用 / 刻章费用 is 667 */

/* Words dropped from project names before comparing. */
static const char *const project_noise[] = {"(一级)", "(二级)", "(三级)", "项目", "经费"};
/* Words dropped from indicator names: units written into the name. */
static const char *const indicator_noise[] = {"/人/天", "/件", "/套", "/次", "标准", "“", "”", "\""};

static void drop_all(char *s, const char *w)
{
    size_t k = strlen(w);
    char *p;
    while ((p = strstr(s, w)))
        memmove(p, p + k, strlen(p + k) + 1);
}

static size_t fold_key(const char *name, const char *const *noise, size_t nnoise,
                       char *out, size_t cap)
{
    if (!cap)
        return 0;
    out[0] = 0;
    if (!name)
        return 0;
    size_t n = ys_fold(name, strlen(name), out, cap);
    if (n == (size_t)-1)
        n = strlen(out);
    for (size_t i = 0; i < nnoise; i++)
        drop_all(out, noise[i]);
    return strlen(out);
}

size_t ys_project_key(const char *name, char *out, size_t cap)
{
    size_t n = fold_key(name, project_noise, sizeof project_noise / sizeof *project_noise,
                        out, cap);
    /* 租赁费 / 租赁: a trailing 费 says nothing */
    if (n >= 3 && !strcmp(out + n - 3, "费"))
        out[n -= 3] = 0;
    return n;
}

size_t ys_indicator_key(const char *name, char *out, size_t cap)
{
    return fold_key(name, indicator_noise, sizeof indicator_noise / sizeof *indicator_noise,
                    out, cap);
}

/* Decode up to max code points of UTF-8 s (invalid bytes count as one). */
static size_t decode(const char *s, uint32_t *cp, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p && n < max) {
        uint32_t c = *p;
        int k = c < 0x80 ? 0 : c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        c = k ? c & (0x3Fu >> k) : c;
        p++;
        for (int i = 0; i < k && (*p & 0xC0) == 0x80; i++, p++)
            c = (c << 6) | (*p & 0x3F);
        cp[n++] = c;
    }
    return n;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

/* Names are a few dozen bigrams: insertion sort beats qsort's call per
 * comparison there; long goal texts still go to qsort. */
#define INSERTION_MAX 64

static void sort_u64(uint64_t *v, size_t n)
{
    if (n > INSERTION_MAX) {
        qsort(v, n, sizeof *v, cmp_u64);
        return;
    }
    for (size_t i = 1; i < n; i++) {
        uint64_t x = v[i];
        size_t j = i;
        for (; j > 0 && v[j - 1] > x; j--)
            v[j] = v[j - 1];
        v[j] = x;
    }
}

/* Sorted bigrams of the code points cp[0..n): n-1 of them. */
static size_t bigrams(const uint32_t *cp, size_t n, uint64_t *out)
{
    if (n < 2)
        return 0;
    for (size_t i = 0; i + 1 < n; i++)
        out[i] = ((uint64_t)cp[i] << 32) | cp[i + 1];
    sort_u64(out, n - 1);
    return n - 1;
}

int ys_similarity(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    if (!strcmp(a, b))
        return 1000;
    enum { MAXCP = 1024 };
    uint32_t ca[MAXCP], cb[MAXCP];
    uint64_t ba[MAXCP], bb[MAXCP];
    size_t na = bigrams(ca, decode(a, ca, MAXCP), ba);
    size_t nb = bigrams(cb, decode(b, cb, MAXCP), bb);
    if (!na || !nb)
        return 0;
    /* size of the multiset intersection of the two bigram lists */
    size_t i = 0, j = 0, common = 0;
    while (i < na && j < nb) {
        if (ba[i] == bb[j]) {
            common++;
            i++;
            j++;
        } else if (ba[i] < bb[j]) {
            i++;
        } else {
            j++;
        }
    }
    return (int)(2000 * common / (na + nb));
}

/* The sorted bigrams of a short key, computed once for many comparisons. */
#define SIG_CP 64
typedef struct sig {
    size_t n;
    uint64_t bg[SIG_CP];
    bool exact_only;      /* too short for bigrams: equal keys only */
    char key[KEY_CAP];
} sig;

static void sig_make(const char *key, sig *g)
{
    uint32_t cp[SIG_CP];
    snprintf(g->key, sizeof g->key, "%s", key);
    g->n = bigrams(cp, decode(key, cp, SIG_CP), g->bg);
    g->exact_only = g->n == 0;
}

static int sig_similarity(const sig *a, const sig *b)
{
    if (!strcmp(a->key, b->key))
        return 1000;
    if (a->exact_only || b->exact_only)
        return 0;
    size_t i = 0, j = 0, common = 0;
    while (i < a->n && j < b->n) {
        if (a->bg[i] == b->bg[j]) {
            common++;
            i++;
            j++;
        } else if (a->bg[i] < b->bg[j]) {
            i++;
        } else {
            j++;
        }
    }
    return (int)(2000 * common / (a->n + b->n));
}

void ys_match_describe(unsigned how, char *buf, size_t cap)
{
    static const struct { unsigned bit; const char *words; } names[] = {
        {YS_MATCH_NAME, "项目名称"}, {YS_MATCH_GOALTEXT, "目标说明"},
        {YS_MATCH_INDICATORS, "指标名称"}, {YS_MATCH_AMOUNT, "金额"},
    };
    if (!cap)
        return;
    buf[0] = 0;
    size_t o = 0;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (!(how & names[i].bit))
            continue;
        int k = snprintf(buf + o, cap - o, "%s%s", o ? "、" : "", names[i].words);
        if (k < 0 || (size_t)k >= cap - o)
            break;
        o += (size_t)k;
    }
    if (!o)
        snprintf(buf, cap, "无");
}

static bool is_form(const ys_table *t) { return !strncmp(t->id, "12:", 3); }

/* The form's 项目总预算 (or 当年预算) in 分, 0 when absent. */
static int64_t form_budget(const ys_table *t)
{
    static const char *const keys[] = {"budget.total", "budget.year"};
    for (size_t k = 0; k < 2; k++) {
        const ys_row *r = ys_table_row_by_key(t, keys[k]);
        const ys_cell *c = r ? ys_row_cell(t, r, "amount") : NULL;
        if (c && c->v.present)
            return c->v.fen;
    }
    return 0;
}

const char *ys_match_project_form(const ys_tableset *ts, const char *name,
                                  int64_t fen, unsigned *how)
{
    char key[KEY_CAP], fk[KEY_CAP];
    ys_project_key(name, key, sizeof key);
    const ys_table *best = NULL;
    int best_score = 0;
    unsigned best_how = 0;
    size_t same_amount = 0;
    for (size_t i = 0; i < ts->ntables; i++)
        if (is_form(ts->tables[i]) && fen && form_budget(ts->tables[i]) == fen)
            same_amount++;
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        if (!is_form(t))
            continue;
        ys_project_key(t->id + 3, fk, sizeof fk);
        int sim = ys_similarity(key, fk);
        bool amount = fen && form_budget(t) == fen;
        unsigned h = 0;
        int score = 0;
        if (sim >= NAME_SIM_OK) {
            h |= YS_MATCH_NAME;
            score = sim + (amount ? 1000 : 0);
        } else if (amount && (sim >= NAME_SIM_WITH_AMOUNT || same_amount == 1)) {
            score = 500 + sim;
        }
        if (amount)
            h |= YS_MATCH_AMOUNT;
        if (score > best_score) {
            best_score = score;
            best = t;
            best_how = h;
        }
    }
    if (how)
        *how = best ? best_how : 0;
    return best ? best->id : NULL;
}

static const ys_goal *find_goal(const ys_tableset *ts, const char *table_id, int no,
                                bool annual)
{
    for (size_t i = 0; i < ts->ngoals; i++) {
        const ys_goal *g = &ts->goals[i];
        if (g->annual == annual && !strcmp(g->table_id, table_id) && (no == 0 || g->no == no))
            return g;
    }
    return NULL;
}

#define TEXT_CAP 4096

/* A goal text folded for comparing (a long text: its beginning). */
static void fold_text(const char *t, char *out, size_t cap)
{
    out[0] = 0;
    if (t && ys_fold(t, strlen(t), out, cap) == (size_t)-1)
        out[cap - 1] = 0;
}

/* Signatures of the folded 三级 names of one table's indicators of one kind
 * (goal 0: all goals).  Caller frees; *n gets the count. */
static sig *sigs_of(const ys_tableset *ts, const char *table_id, int goal, bool annual,
                    size_t *n)
{
    *n = 0;
    sig *v = malloc((ts->nind + 1) * sizeof *v);
    if (!v)
        return NULL;
    char key[KEY_CAP];
    for (size_t i = 0; i < ts->nind; i++) {
        const ys_indicator *x = &ts->ind[i];
        if (x->annual != annual || strcmp(x->table_id, table_id) || (goal && x->goal != goal))
            continue;
        ys_indicator_key(x->l3, key, sizeof key);
        sig_make(key, &v[(*n)++]);
    }
    return v;
}

/* Share (0..1000) of a[0..na) that recur among b[0..nb). */
static int sig_overlap(const sig *a, size_t na, const sig *b, size_t nb)
{
    size_t hit = 0;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (sig_similarity(&a[i], &b[j]) >= NAME_SIM_OK) {
                hit++;
                break;
            }
    return na ? (int)(1000 * hit / na) : 0;
}

const char *ys_match_goal_form(const ys_tableset *ts, int no, bool annual, unsigned *how)
{
    const ys_goal *g = find_goal(ts, "11", no, annual);
    static _Thread_local char ga[TEXT_CAP], fa[TEXT_CAP];
    fold_text(g ? g->text : NULL, ga, sizeof ga);
    size_t na = 0;
    sig *ka = sigs_of(ts, "11", no, annual, &na);
    const ys_table *best = NULL;
    int best_score = 0;
    unsigned best_how = 0;
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        if (!is_form(t))
            continue;
        const ys_goal *fg = find_goal(ts, t->id, 0, annual);
        int tsim = 0;
        if (g && fg) {
            fold_text(fg->text, fa, sizeof fa);
            tsim = ys_similarity(ga, fa);
        }
        size_t nb = 0;
        sig *kb = ka ? sigs_of(ts, t->id, 0, annual, &nb) : NULL;
        int ov = kb ? sig_overlap(ka, na, kb, nb) : 0;
        free(kb);
        unsigned h = 0;
        if (tsim >= GOAL_SIM_OK)
            h |= YS_MATCH_GOALTEXT;
        if (ov >= GOAL_SIM_OK)
            h |= YS_MATCH_INDICATORS;
        int score = (tsim > ov ? tsim : ov) + (tsim >= GOAL_SIM_OK && ov >= GOAL_SIM_OK ? 1000 : 0);
        if (h && score > best_score) {
            best_score = score;
            best = t;
            best_how = h;
        }
    }
    free(ka);
    if (how)
        *how = best ? best_how : 0;
    return best ? best->id : NULL;
}

/* How alike x (key kx) and y (key ky) are as measures: 0 when not alike
 * enough, else 2·similarity, +1 for the same 一级 (it breaks ties). */
static int indicator_score(const ys_indicator *x, const char *kx, const ys_indicator *y,
                           const char *ky)
{
    int sim = ys_similarity(kx, ky);
    if (sim < 1000 && (strstr(kx, ky) || strstr(ky, kx)) &&
        ys_utf8_len(kx, strlen(kx)) >= 4 && ys_utf8_len(ky, strlen(ky)) >= 4)
        sim = 900;   /* 水务专家评审人次 / 专家评审人次 */
    if (sim < IND_SIM_OK)
        return 0;
    return sim * 2 + (x->l1 && y->l1 && !strcmp(x->l1, y->l1));
}

long ys_match_indicator_keyed(const ys_indicator *x, const char *kx,
                              const ys_indicator *const *ind, const char *const *keys,
                              size_t n, const bool *used)
{
    long best = -1;
    int best_score = 0;
    for (size_t i = 0; i < n; i++) {
        if (used && used[i])
            continue;
        int score = indicator_score(x, kx, ind[i], keys[i]);
        if (score > best_score) {
            best_score = score;
            best = (long)i;
        }
    }
    return best;
}

long ys_match_indicator(const ys_indicator *x, const ys_indicator *const *ind, size_t n,
                        const bool *used)
{
    char kx[KEY_CAP], ky[KEY_CAP];
    ys_indicator_key(x->l3, kx, sizeof kx);
    long best = -1;
    int best_score = 0;
    for (size_t i = 0; i < n; i++) {
        if (used && used[i])
            continue;
        ys_indicator_key(ind[i]->l3, ky, sizeof ky);
        int score = indicator_score(x, kx, ind[i], ky);
        if (score > best_score) {
            best_score = score;
            best = (long)i;
        }
    }
    return best;
}
