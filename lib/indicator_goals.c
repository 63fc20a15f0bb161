/*
 * indicator_goals.c — which project form a goal of table 11 describes
 * (ys_match_goal_form): by its goal text and by how many of its
 * indicators' names recur in the form, each scored with the bigram
 * similarity of indicator_sim.h.
 *
 * Matching every goal of table 11 compares each with every form, so the
 * forms are prepared once (ys_form_sides: goal texts folded and split into
 * bigrams, indicator names signed) and names come with their bigrams made
 * (the indicator views' keys) where the caller has them.
 * Promises: read-only on the table set; the only allocations are the
 * prepared sides and signature arrays, freed before returning or by
 * ys_form_sides_free.
 */
#include "yusuan/indicator.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "indicator_sim.h"
#include "indicator_view.h"
#include "text.h"

#define KEY_CAP YS_IND_KEY_CAP
#define NAME_SIM_OK YS_NAME_SIM_OK
#define GOAL_SIM_OK YS_GOAL_SIM_OK

static bool is_form(const ys_table *t) { return !strncmp(t->id, "12:", 3); }

/* The sorted bigrams of a short key, computed once for many comparisons. */
#define SIG_CP 64
typedef struct sig {
    const char *key;      /* the folded name: a view's key, or in a sig_own */
    const uint64_t *bg;   /* sorted bigrams of its first SIG_CP code points */
    size_t n;
    bool exact_only;      /* too short for bigrams: equal keys only */
} sig;

/* Room for a signature made here (not taken from a view's key): only
 * those have one, so that a table's signatures stay a few pages. */
typedef struct sig_own {
    uint64_t bg[SIG_CP];
    char key[KEY_CAP];
} sig_own;

/* key: a folded name shorter than KEY_CAP (as ys_indicator_key makes it). */
static void sig_make(const char *key, sig *g, sig_own *own)
{
    uint32_t cp[SIG_CP];
    size_t n = strlen(key);
    if (n >= sizeof own->key)
        n = sizeof own->key - 1;
    memcpy(own->key, key, n);
    own->key[n] = 0;
    g->key = own->key;
    g->n = ys_cp_bigrams(cp, ys_cp_decode(key, cp, SIG_CP), own->bg);
    g->bg = own->bg;
    g->exact_only = g->n == 0;
}

/* Whether a view's key needs a signature of its own: its bigrams are the
 * same list when the key has no more than SIG_CP code points (n + 1). */
static bool ikey_long(const ys_ikey *k) { return k->n + 1 > SIG_CP; }

/* The signature of a view's key (own: room when ikey_long). */
static void sig_of_ikey(const ys_ikey *k, sig *g, sig_own *own)
{
    if (ikey_long(k)) {
        sig_make(k->s, g, own);
        return;
    }
    g->key = k->s;
    g->bg = k->bg;
    g->n = k->n;
    g->exact_only = g->n == 0;
}

static const ys_goal *find_goal(const ys_tableset *ts, const char *table_id, int no,
                                bool annual)
{
    for (size_t i = 0; i < ts->ngoals; i++) {
        const ys_goal *g = &ts->goals[i];
        if (g->annual == annual && ys_same_id(g->table_id, table_id) && (no == 0 || g->no == no))
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

static bool sig_selected(const ys_indicator *x, const char *table_id, int goal, bool annual)
{
    return x->annual == annual && (!goal || x->goal == goal) && ys_same_id(x->table_id, table_id);
}

/* Signatures of the folded 三级 names of one table's indicators of one kind
 * (goal 0: all goals); keys[i] is ind[i]'s ys_indicator_key when made
 * beforehand (NULL: fold here).  One block, the sig_own rooms after the
 * signatures; caller frees; *n gets the count. */
static sig *sigs_of(const ys_tableset *ts, const ys_ikey *const *keys, const char *table_id,
                    int goal, bool annual, size_t *n)
{
    *n = 0;
    /* the second pass only over [lo, hi): a table's indicators stand
     * together, so it is short */
    size_t count = 0, nown = 0, lo = ts->nind, hi = 0;
    for (size_t i = 0; i < ts->nind; i++)
        if (sig_selected(&ts->ind[i], table_id, goal, annual)) {
            count++;
            nown += !keys || ikey_long(keys[i]);
            lo = lo < i ? lo : i;
            hi = i + 1;
        }
    /* sig_own is 8-aligned, and so is count + 1 sigs of pointers and sizes */
    sig *v = malloc((count + 1) * sizeof *v + nown * sizeof(sig_own));
    if (!v)
        return NULL;
    sig_own *own = (sig_own *)(v + count + 1);
    char key[KEY_CAP];
    for (size_t i = lo; i < hi; i++) {
        const ys_indicator *x = &ts->ind[i];
        if (!sig_selected(x, table_id, goal, annual))
            continue;
        if (keys) {
            sig_of_ikey(keys[i], &v[(*n)++], own);
            own += ikey_long(keys[i]);
            continue;
        }
        ys_indicator_key(x->l3, key, sizeof key);
        sig_make(key, &v[(*n)++], own++);
    }
    return v;
}

/* Whether two names are alike (similarity >= NAME_SIM_OK; equal keys
 * always are). */
static bool sig_alike(const sig *a, const sig *b)
{
    if (a->exact_only || b->exact_only)
        return !strcmp(a->key, b->key);
    /* lists too unlike in length cannot reach it (dice_min's first test,
     * here without the call: most pairs of names end there) */
    size_t lo = a->n < b->n ? a->n : b->n;
    if (2000 * lo < (size_t)NAME_SIM_OK * (a->n + b->n))
        return false;
    return ys_bigram_dice_min(a->bg, a->n, b->bg, b->n, NAME_SIM_OK) >= NAME_SIM_OK;
}

/* Share (0..1000) of a[0..na) that recur among b[0..nb).  Whether a[i]
 * recurs does not depend on where b is searched from: from b[i] on, round
 * to b[i - 1], as a form lists a goal's indicators mostly in table 11's
 * order, so the alike one is often the first tried. */
static int sig_overlap(const sig *a, size_t na, const sig *b, size_t nb)
{
    size_t hit = 0;
    for (size_t i = 0; nb && i < na; i++)
        for (size_t k = 0, j = i % nb; k < nb; k++, j = j + 1 < nb ? j + 1 : 0)
            if (sig_alike(&a[i], &b[j])) {
                hit++;
                break;
            }
    return na ? (int)(1000 * hit / na) : 0;
}

/* A folded goal text with its sorted bigrams (of its first YS_SIM_CP code
 * points, as ys_similarity reads it), made once for many comparisons. */
typedef struct text_sig {
    char *text;           /* NULL: no goal text */
    uint64_t *bg;
    size_t n;
} text_sig;

/* Fill ts's bigrams from its text into bg[0..YS_SIM_CP). */
static void text_sig_make(text_sig *t, uint64_t *bg)
{
    uint32_t cp[YS_SIM_CP];
    t->bg = bg;
    t->n = t->text ? ys_cp_bigrams(cp, ys_cp_decode(t->text, cp, YS_SIM_CP), bg) : 0;
}

/* ys_similarity of two goal texts with their bigrams made. */
static int text_similarity(const text_sig *a, const text_sig *b)
{
    if (!a->text || !b->text)
        return 0;
    if (!strcmp(a->text, b->text))
        return 1000;
    return ys_bigram_dice(a->bg, a->n, b->bg, b->n);
}

/* One project form as goal matching sees it: its goal text of one kind
 * folded (text NULL when it has none) and the signatures of its indicators. */
typedef struct form_side {
    const ys_table *t;
    void *mem;            /* owned: the text and its bigrams */
    text_sig text;
    sig *k;
    size_t nk;
} form_side;

struct ys_form_sides {
    size_t n;
    form_side *f;
    const ys_ikey *const *keys;   /* the indicators' keys made beforehand, or NULL */
};

/* Room for a goal text and its bigrams, in one block: where a text is
 * folded (each form's then kept in a block of its own size).  On the
 * caller's stack, not per thread: a thread's static storage is zeroed
 * whole when the program starts (12 KB, three page faults every run). */
#define SIDE_BYTES (TEXT_CAP + YS_SIM_CP * sizeof(uint64_t))

/* Fold goal g's text (NULL: none) into t, with its bigrams, in mem[0..SIDE_BYTES). */
static void goal_text_sig(const ys_goal *g, void *mem, text_sig *t)
{
    t->text = g ? mem : NULL;
    if (t->text)
        fold_text(g->text, t->text, TEXT_CAP);
    text_sig_make(t, (uint64_t *)((char *)mem + TEXT_CAP));
}

/* Goal g's text folded into mem with its bigrams (as goal_text_sig), the
 * bigrams taken from a form side whose text is the same (table 11 mostly
 * repeats a project's goal text, and a text's bigrams are its own). */
static void goal_text_of(const ys_goal *g, const ys_form_sides *fs, void *mem, text_sig *t)
{
    t->text = g ? mem : NULL;
    if (!t->text) {
        text_sig_make(t, NULL);
        return;
    }
    fold_text(g->text, t->text, TEXT_CAP);
    for (size_t i = 0; i < fs->n; i++)
        if (fs->f[i].text.text && !strcmp(fs->f[i].text.text, t->text)) {
            t->bg = fs->f[i].text.bg;
            t->n = fs->f[i].text.n;
            return;
        }
    text_sig_make(t, (uint64_t *)((char *)mem + TEXT_CAP));
}

/* The side of form t (kind `annual`): its text folded in the scratch,
 * then kept in f->mem, as long as it is.  False when out of memory. */
static bool side_make(const ys_tableset *ts, const ys_ikey *const *keys, const ys_table *t,
                      bool annual, form_side *f)
{
    f->t = t;
    text_sig in;
    _Alignas(uint64_t) char scratch[SIDE_BYTES];
    goal_text_sig(find_goal(ts, t->id, 0, annual), scratch, &in);
    size_t tlen = in.text ? (strlen(in.text) + 8) & ~(size_t)7 : 0;
    f->mem = malloc(tlen + in.n * sizeof *in.bg + 1);
    if (!f->mem)
        return false;
    f->text.text = in.text ? memcpy(f->mem, in.text, strlen(in.text) + 1) : NULL;
    f->text.bg = (uint64_t *)((char *)f->mem + tlen);
    f->text.n = in.n;
    memcpy(f->text.bg, in.bg, in.n * sizeof *in.bg);
    f->k = sigs_of(ts, keys, t->id, 0, annual, &f->nk);
    return f->k != NULL;
}

/* How goal text ga and signatures ka[0..na) (NULL: none) fit form f: the
 * score, and *h the YS_MATCH_* bits (0: not a match).  A form that cannot
 * score above `beat` (its text says so; the indicators' overlap, the
 * costly part, is at most 1000) gets 0 and no bits without the overlap. */
static int side_score(const text_sig *ga, const sig *ka, size_t na, const form_side *f,
                      int beat, unsigned *h)
{
    int tsim = text_similarity(ga, &f->text);
    *h = 0;
    if ((tsim > 1000 ? tsim : 1000) + (tsim >= GOAL_SIM_OK ? 1000 : 0) <= beat)
        return 0;
    int ov = ka && f->k ? sig_overlap(ka, na, f->k, f->nk) : 0;
    if (tsim >= GOAL_SIM_OK)
        *h |= YS_MATCH_GOALTEXT;
    if (ov >= GOAL_SIM_OK)
        *h |= YS_MATCH_INDICATORS;
    return (tsim > ov ? tsim : ov) + (tsim >= GOAL_SIM_OK && ov >= GOAL_SIM_OK ? 1000 : 0);
}

ys_form_sides *ys_form_sides_make(const ys_tableset *ts, bool annual,
                                 const ys_ikey *const *keys)
{
    ys_form_sides *fs = calloc(1, sizeof *fs);
    if (!fs)
        return NULL;
    fs->keys = keys;
    fs->f = calloc(ts->ntables + 1, sizeof *fs->f);
    bool ok = fs->f != NULL;
    for (size_t i = 0; ok && i < ts->ntables; i++) {
        if (!is_form(ts->tables[i]))
            continue;
        ok = side_make(ts, keys, ts->tables[i], annual, &fs->f[fs->n++]);
    }
    if (!ok) {
        ys_form_sides_free(fs);
        return NULL;
    }
    return fs;
}

void ys_form_sides_free(ys_form_sides *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; fs->f && i < fs->n; i++) {
        free(fs->f[i].mem);
        free(fs->f[i].k);
    }
    free(fs->f);
    free(fs);
}

const char *ys_match_goal_form_in(const ys_tableset *ts, const ys_form_sides *fs, int no,
                                  bool annual, unsigned *how)
{
    if (how)
        *how = 0;
    if (!fs) {
        ys_form_sides *own = ys_form_sides_make(ts, annual, NULL);
        const char *id = own ? ys_match_goal_form_in(ts, own, no, annual, how) : NULL;
        ys_form_sides_free(own);
        return id;
    }
    text_sig ga;
    _Alignas(uint64_t) char scratch[SIDE_BYTES];
    goal_text_of(find_goal(ts, "11", no, annual), fs, scratch, &ga);
    size_t na = 0;
    sig *ka = sigs_of(ts, fs->keys, "11", no, annual, &na);
    const ys_table *best = NULL;
    int best_score = 0;
    unsigned best_how = 0;
    for (size_t i = 0; i < fs->n; i++) {
        unsigned h;
        int score = side_score(&ga, ka, na, &fs->f[i], best_score, &h);
        if (h && score > best_score) {
            best_score = score;
            best = fs->f[i].t;
            best_how = h;
        }
    }
    free(ka);
    if (how)
        *how = best ? best_how : 0;
    return best ? best->id : NULL;
}

const char *ys_match_goal_form(const ys_tableset *ts, int no, bool annual, unsigned *how)
{
    return ys_match_goal_form_in(ts, NULL, no, annual, how);
}
