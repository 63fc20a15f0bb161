/*
 * indicator_match.c — which form a project of table 10 / 11.projects
 * refers to, and which indicator is the same measure in another place;
 * the folded keys and the bigram similarity (indicator_sim.h) they and
 * goal matching (indicator_goals.c: which form a goal of table 11
 * describes) work on.
 *
 * Names vary between the tables of one document (（一级） suffixes, 项目经费
 * vs 经费, typos, 印章 vs 刻章), so matching works on folded keys and a
 * bigram similarity, backed by goal texts, indicator overlap and amounts.
 * Every match says how it was made (ys_match_how) so findings can say it.
 * Promises: no allocation beyond the stack (and a per-thread memo of
 * project keys, freed when the thread ends), read-only on the table set.
 */
#include "yusuan/indicator.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

#include "indicator_sim.h"
#include "indicator_view.h"
#include "text.h"

#define KEY_CAP YS_IND_KEY_CAP
#define NAME_SIM_OK YS_NAME_SIM_OK
#define NAME_SIM_WITH_AMOUNT 500
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

/* Whether every byte of w occurs in s (bytes: a 256-bit set of s's). */
static bool bytes_in(const uint64_t set[4], const char *w)
{
    for (const unsigned char *p = (const unsigned char *)w; *p; p++)
        if (!(set[*p >> 6] >> (*p & 63) & 1))
            return false;
    return true;
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
    /* a noise word with a byte the key lacks cannot occur in it, nor after
     * dropping others (dropping adds no byte): most keys hold none, and
     * are not searched for each */
    uint64_t set[4] = {0, 0, 0, 0};
    for (const unsigned char *p = (const unsigned char *)out; *p; p++)
        set[*p >> 6] |= (uint64_t)1 << (*p & 63);
    for (size_t i = 0; i < nnoise; i++)
        if (bytes_in(set, noise[i]))
            drop_all(out, noise[i]);
    return strlen(out);
}

static size_t project_key_make(const char *name, char *out, size_t cap)
{
    size_t n = fold_key(name, project_noise, sizeof project_noise / sizeof *project_noise,
                        out, cap);
    /* 租赁费 / 租赁: a trailing 费 says nothing */
    if (n >= 3 && !strcmp(out + n - 3, "费"))
        out[n -= 3] = 0;
    return n;
}

/* Project matching asks the key of every candidate name for every name it
 * matches (the same few dozen names again and again): the keys of recent
 * short names are kept, by name and room, per thread.  A slot is only
 * reused for the very same name text and cap, so answers are unchanged.
 * The slots are a block of the thread's own, made on its first ask and
 * freed when it ends (tss): as a thread-local array they were zeroed at
 * every program start, 26 KB, whether any project was matched or not. */
#define PKEY_SLOTS 128
#define PKEY_TEXT 96
typedef struct pkey_slot {
    size_t cap;   /* 0: empty */
    size_t len;
    char name[PKEY_TEXT];
    char key[PKEY_TEXT];
} pkey_slot;

static once_flag pkey_once = ONCE_FLAG_INIT;
static tss_t pkey_tss;
static bool pkey_tss_ok;

static void pkey_tss_make(void) { pkey_tss_ok = tss_create(&pkey_tss, free) == thrd_success; }

/* This thread's slots, or NULL (out of memory: no memo, same answers). */
static pkey_slot *pkey_memo(void)
{
    call_once(&pkey_once, pkey_tss_make);
    if (!pkey_tss_ok)
        return NULL;
    pkey_slot *m = tss_get(pkey_tss);
    if (!m && (m = calloc(PKEY_SLOTS, sizeof *m)) && tss_set(pkey_tss, m) != thrd_success) {
        free(m);
        m = NULL;
    }
    return m;
}

static pkey_slot *pkey_slot_of(const char *name, size_t nl)
{
    pkey_slot *memo = pkey_memo();
    if (!memo)
        return NULL;
    uint32_t h = 2166136261u;   /* FNV-1a */
    for (size_t i = 0; i < nl; i++)
        h = (h ^ (unsigned char)name[i]) * 16777619u;
    return &memo[h % PKEY_SLOTS];
}

size_t ys_project_key(const char *name, char *out, size_t cap)
{
    size_t nl = name ? strlen(name) : PKEY_TEXT;
    pkey_slot *slot = nl < PKEY_TEXT && cap ? pkey_slot_of(name, nl) : NULL;
    if (slot && slot->cap == cap && memcmp(slot->name, name, nl + 1) == 0) {
        memcpy(out, slot->key, slot->len + 1);
        return slot->len;
    }
    size_t n = project_key_make(name, out, cap);
    if (slot && n < PKEY_TEXT) {
        slot->cap = cap;
        slot->len = n;
        memcpy(slot->name, name, nl + 1);
        memcpy(slot->key, out, n + 1);
    }
    return n;
}

size_t ys_indicator_key(const char *name, char *out, size_t cap)
{
    return fold_key(name, indicator_noise, sizeof indicator_noise / sizeof *indicator_noise,
                    out, cap);
}

/* Decode up to max code points of UTF-8 s (invalid bytes count as one). */
size_t ys_cp_decode(const char *s, uint32_t *cp, size_t max)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t n = 0;
    while (*p && n < max) {
        uint32_t c = *p;
        /* the common cases first: ASCII, and three bytes whole (what the
         * general path below makes of them too) */
        if (c < 0x80) {
            cp[n++] = c;
            p++;
            continue;
        }
        if ((c & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
            cp[n++] = ((c & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
            p += 3;
            continue;
        }
        int k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        c = k ? c & (0x3Fu >> k) : c;
        p++;
        for (int i = 0; i < k && (*p & 0xC0) == 0x80; i++, p++)
            c = (c << 6) | (*p & 0x3F);
        cp[n++] = c;
    }
    return n;
}

/* Sort without qsort's call per comparison (bigram lists are sorted for
 * every comparison of names and goal texts): Shell sort (Ciura's gaps),
 * which is insertion sort for the few dozen bigrams of a name. */
static void sort_u64(uint64_t *v, size_t n)
{
    static const size_t gaps[] = {701, 301, 132, 57, 23, 10, 4, 1};
    size_t g = 0;
    while (g + 1 < sizeof gaps / sizeof *gaps && gaps[g] * 2 > n)
        g++;   /* gaps near n only move a few elements */
    for (; g < sizeof gaps / sizeof *gaps; g++) {
        size_t h = gaps[g];
        for (size_t i = h; i < n; i++) {
            uint64_t x = v[i];
            size_t j = i;
            for (; j >= h && v[j - h] > x; j -= h)
                v[j] = v[j - h];
            v[j] = x;
        }
    }
}

/* Sorted bigrams of the code points cp[0..n): n-1 of them. */
size_t ys_cp_bigrams(const uint32_t *cp, size_t n, uint64_t *out)
{
    if (n < 2)
        return 0;
    for (size_t i = 0; i + 1 < n; i++)
        out[i] = ((uint64_t)cp[i] << 32) | cp[i + 1];
    sort_u64(out, n - 1);
    return n - 1;
}

/* The Dice score of two sorted bigram lists: 2000 · the size of their
 * multiset intersection / (na + nb). */
int ys_bigram_dice_min(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, int min)
{
    if (!na || !nb)
        return 0;
    /* the score reaches min only while common + left >= need, left the
     * bigrams still to merge on the shorter side: a match keeps that sum,
     * so it is tested after a mismatch only */
    size_t sum = na + nb, need = min > 0 ? ((size_t)min * sum + 1999) / 2000 : 0;
    size_t i = 0, j = 0, common = 0;
    if ((na < nb ? na : nb) < need)
        return 0;
    while (i < na && j < nb) {
        if (a[i] == b[j]) {
            common++;
            i++;
            j++;
            continue;
        }
        if (a[i] < b[j])
            i++;
        else
            j++;
        size_t left = na - i < nb - j ? na - i : nb - j;
        if (common + left < need)
            return 0;
    }
    return (int)(2000 * common / sum);
}

int ys_bigram_dice(const uint64_t *a, size_t na, const uint64_t *b, size_t nb)
{
    return ys_bigram_dice_min(a, na, b, nb, 0);
}

int ys_similarity(const char *a, const char *b)
{
    if (!a || !b)
        return 0;
    if (!strcmp(a, b))
        return 1000;
    uint32_t ca[YS_SIM_CP], cb[YS_SIM_CP];
    uint64_t ba[YS_SIM_CP], bb[YS_SIM_CP];
    size_t na = ys_cp_bigrams(ca, ys_cp_decode(a, ca, YS_SIM_CP), ba);
    size_t nb = ys_cp_bigrams(cb, ys_cp_decode(b, cb, YS_SIM_CP), bb);
    return ys_bigram_dice(ba, na, bb, nb);
}

/* Append w to buf (length *o, cap bytes, NUL-terminated), cut to fit;
 * false when it did not fit whole. */
static bool append_cut(char *buf, size_t cap, size_t *o, const char *w)
{
    size_t k = strlen(w), room = cap - *o - 1;
    bool whole = k <= room;
    if (!whole)
        k = room;
    memcpy(buf + *o, w, k);
    *o += k;
    buf[*o] = 0;
    return whole;
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
    /* pieces copied as snprintf would (cut at cap), without its cost: this
     * runs for every pair of indicators */
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (!(how & names[i].bit))
            continue;
        size_t at = o;   /* a piece cut short does not count, as with snprintf */
        if (!append_cut(buf, cap, &o, o ? "、" : "") ||
            !append_cut(buf, cap, &o, names[i].words)) {
            o = at;
            break;
        }
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

size_t ys_ikey_bigrams(const char *key, uint64_t *out, size_t cap)
{
    enum { MAXCP = 1024 };
    uint32_t cp[MAXCP];
    size_t n = ys_cp_decode(key, cp, cap < MAXCP ? cap : MAXCP);
    return ys_cp_bigrams(cp, n, out);
}

/* The Dice score of two made keys when it can reach `min`, else some
 * value below min. */
static int ikey_dice_min(const ys_ikey *a, const ys_ikey *b, int min)
{
    return ys_bigram_dice_min(a->bg, a->n, b->bg, b->n, min);
}

uint64_t ys_ikey_bytes(const char *s)
{
    uint64_t set = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        set |= (uint64_t)1 << (*p & 63);
    return set;
}

/* One key inside the other (the shorter in the longer), both of at least
 * four characters: indicator_score's 900.  Keys whose bytes say the
 * shorter cannot be inside are not searched (most pairs). */
static bool ikey_contained(const ys_ikey *a, const ys_ikey *b)
{
    const ys_ikey *lo = a->len <= b->len ? a : b, *hi = lo == a ? b : a;
    if (lo->bytes && hi->bytes && (lo->bytes & ~hi->bytes))
        return false;
    return strstr(hi->s, lo->s) && ys_utf8_len(a->s, a->len) >= 4 &&
           ys_utf8_len(b->s, b->len) >= 4;
}

/* indicator_score with the keys made: the similarity is only worked out
 * in full where it can reach IND_SIM_OK.  Same result. */
static int ikey_score(const ys_indicator *x, const ys_ikey *kx, const ys_indicator *y,
                      const ys_ikey *ky)
{
    int sim;
    if (kx->len == ky->len && (kx->s == ky->s || !strcmp(kx->s, ky->s)))
        sim = 1000;   /* views of one name share their key */
    else if (ikey_contained(kx, ky))
        sim = 900;   /* unequal keys one inside the other are never 1000 alike */
    else
        sim = ikey_dice_min(kx, ky, IND_SIM_OK);
    if (sim < IND_SIM_OK)
        return 0;
    return sim * 2 + (x->l1 && y->l1 && !strcmp(x->l1, y->l1));
}

/* How alike x (key kx) and y (key ky) are as measures, given their
 * similarity: 0 when not alike enough, else 2·similarity, +1 for the same
 * 一级 (it breaks ties). */
static int indicator_score(const ys_indicator *x, const char *kx, const ys_indicator *y,
                           const char *ky, int sim)
{
    if (sim < 1000 && (strstr(kx, ky) || strstr(ky, kx)) &&
        ys_utf8_len(kx, strlen(kx)) >= 4 && ys_utf8_len(ky, strlen(ky)) >= 4)
        sim = 900;   /* 水务专家评审人次 / 专家评审人次 */
    if (sim < IND_SIM_OK)
        return 0;
    return sim * 2 + (x->l1 && y->l1 && !strcmp(x->l1, y->l1));
}

long ys_match_indicator_keyed(const ys_indicator *x, const ys_ikey *kx,
                              const ys_indicator *const *ind, const ys_ikey *const *keys,
                              size_t n, const bool *used)
{
    long best = -1;
    int best_score = 0;
    for (size_t i = 0; i < n; i++) {
        if (used && used[i])
            continue;
        int score = ikey_score(x, kx, ind[i], keys[i]);
        if (score > best_score) {
            best_score = score;
            best = (long)i;
            if (score == 2 * 1000 + 1)
                break;   /* the same name and 一级: no later one scores more */
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
        int score = indicator_score(x, kx, ind[i], ky, ys_similarity(kx, ky));
        if (score > best_score) {
            best_score = score;
            best = (long)i;
            if (score == 2 * 1000 + 1)
                break;   /* as ys_match_indicator_keyed */
        }
    }
    return best;
}
