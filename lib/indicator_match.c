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

#include <stdio.h>
#include <string.h>

#include "text.h"

#define KEY_CAP 256
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

/* Code point starts of s (at most max); returns the count. */
static size_t cps(const char *s, size_t *at, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; s[i] && n < max; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            at[n++] = i;
    return n;
}

static bool bigram_eq(const char *a, size_t ia, size_t la, const char *b, size_t ib, size_t lb)
{
    return la == lb && !memcmp(a + ia, b + ib, la);
}

int ys_similarity(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    if (!strcmp(a, b))
        return 1000;
    enum { MAXCP = 400 };
    size_t pa[MAXCP + 1], pb[MAXCP + 1];
    size_t na = cps(a, pa, MAXCP), nb = cps(b, pb, MAXCP);
    if (na < 2 || nb < 2)
        return 0;
    pa[na] = pa[na - 1] + 1;
    pb[nb] = pb[nb - 1] + 1;
    /* bigram i of a spans pa[i] .. pa[i+2) */
    size_t lena = strlen(a), lenb = strlen(b);
    bool used[MAXCP] = {0};
    size_t common = 0;
    for (size_t i = 0; i + 1 < na; i++) {
        size_t ea = i + 2 < na ? pa[i + 2] : lena;
        for (size_t j = 0; j + 1 < nb; j++) {
            size_t eb = j + 2 < nb ? pb[j + 2] : lenb;
            if (!used[j] && bigram_eq(a, pa[i], ea - pa[i], b, pb[j], eb - pb[j])) {
                used[j] = true;
                common++;
                break;
            }
        }
    }
    return (int)(2000 * common / ((na - 1) + (nb - 1)));
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

static int text_similarity(const char *a, const char *b)
{
    char fa[2048], fb[2048];
    if (!a || !b)
        return 0;
    if (ys_fold(a, strlen(a), fa, sizeof fa) == (size_t)-1 ||
        ys_fold(b, strlen(b), fb, sizeof fb) == (size_t)-1) {
        /* long texts: compare their beginnings */
        fa[sizeof fa - 1] = fb[sizeof fb - 1] = 0;
    }
    return ys_similarity(fa, fb);
}

/* Share (0..1000) of the indicators of goal (11, no, annual) whose name
 * recurs among the form's indicators of the same kind. */
static int indicator_overlap(const ys_tableset *ts, int no, bool annual, const char *form)
{
    size_t n = 0, hit = 0;
    char ka[KEY_CAP], kb[KEY_CAP];
    for (size_t i = 0; i < ts->nind; i++) {
        const ys_indicator *x = &ts->ind[i];
        if (strcmp(x->table_id, "11") || x->goal != no || x->annual != annual)
            continue;
        n++;
        ys_indicator_key(x->l3, ka, sizeof ka);
        for (size_t j = 0; j < ts->nind; j++) {
            const ys_indicator *y = &ts->ind[j];
            if (y->annual != annual || strcmp(y->table_id, form))
                continue;
            ys_indicator_key(y->l3, kb, sizeof kb);
            if (ys_similarity(ka, kb) >= NAME_SIM_OK) {
                hit++;
                break;
            }
        }
    }
    return n ? (int)(1000 * hit / n) : 0;
}

const char *ys_match_goal_form(const ys_tableset *ts, int no, bool annual, unsigned *how)
{
    const ys_goal *g = find_goal(ts, "11", no, annual);
    const ys_table *best = NULL;
    int best_score = 0;
    unsigned best_how = 0;
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        if (!is_form(t))
            continue;
        const ys_goal *fg = find_goal(ts, t->id, 0, annual);
        int tsim = g && fg ? text_similarity(g->text, fg->text) : 0;
        int ov = indicator_overlap(ts, no, annual, t->id);
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
    if (how)
        *how = best ? best_how : 0;
    return best ? best->id : NULL;
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
        int sim = ys_similarity(kx, ky);
        if (sim < 1000 && (strstr(kx, ky) || strstr(ky, kx)) &&
            ys_utf8_len(kx, strlen(kx)) >= 4 && ys_utf8_len(ky, strlen(ky)) >= 4)
            sim = 900;   /* 水务专家评审人次 / 专家评审人次 */
        if (sim < IND_SIM_OK)
            continue;
        /* the same 一级 breaks ties between look-alike names */
        int score = sim * 2 + (x->l1 && ind[i]->l1 && !strcmp(x->l1, ind[i]->l1));
        if (score > best_score) {
            best_score = score;
            best = (long)i;
        }
    }
    return best;
}
