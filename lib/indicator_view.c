/*
 * indicator_view.c — every indicator of a table set with its values read
 * (see indicator_view.h).  Owns the block-wise glyph repair: the values of
 * one block (targets and previous years alike) are one neighbourhood.
 */
#include "indicator_view.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/error.h"

static void parse_text(const char *s, ys_ivalue *v)
{
    ys_ivalue_parse(s, s ? strlen(s) : 0, v);
}

bool ys_iview_same_block(const ys_iview *a, const ys_iview *b)
{
    return a->ind->goal == b->ind->goal && a->ind->annual == b->ind->annual &&
           ys_same_id(a->ind->table_id, b->ind->table_id);
}

/* Repair glyphs in the block that starts at views[first], its values
 * where they are; the shared empty value (empty) is no neighbour. */
static int fix_block(ys_iview *v, size_t n, size_t first, const ys_ivalue *empty, bool *done)
{
    size_t count = 0;
    for (size_t i = first; i < n; i++)
        if (!done[i] && ys_iview_same_block(&v[first], &v[i]))
            count++;
    ys_ivalue **at = malloc(count * 3 * sizeof *at);
    if (!at)
        return YS_ENOMEM;
    size_t k = 0;
    for (size_t i = first; i < n; i++)
        if (!done[i] && ys_iview_same_block(&v[first], &v[i])) {
            at[k++] = &v[i].target;
            if (v[i].prev1 != empty)
                at[k++] = v[i].prev1;
            if (v[i].prev2 != empty)
                at[k++] = v[i].prev2;
            done[i] = true;
        }
    ys_ivalue_fix_glyphs_at(at, k);
    free(at);
    return YS_OK;
}

/* Pair the indicators of table 11's goal (no, annual) with those of its form. */
static void pair_goal(const ys_tableset *ts, const ys_form_sides *fs, ys_iviews *vs, int no,
                      bool annual, const ys_indicator **bi, const ys_ikey **bk, size_t *bidx,
                      bool *used)
{
    unsigned how = 0;
    const char *form = ys_match_goal_form_in(ts, fs, no, annual, &how);
    if (!form)
        return;
    size_t nb = 0;
    for (size_t j = 0; j < vs->n; j++) {
        const ys_indicator *y = vs->v[j].ind;
        if (y->annual == annual && ys_same_id(y->table_id, form) && vs->twin[j] < 0) {
            bidx[nb] = j;
            bi[nb] = y;
            bk[nb] = &vs->v[j].key;
            used[nb++] = false;
        }
    }
    for (size_t i = 0; i < vs->n; i++) {
        const ys_indicator *x = vs->v[i].ind;
        if (x->goal != no || x->annual != annual || !ys_same_id(x->table_id, "11"))
            continue;
        vs->v[i].form = form;
        vs->v[i].form_how = how;
        long k = ys_match_indicator_keyed(x, &vs->v[i].key, bi, bk, nb, used);
        if (k < 0)
            continue;
        used[k] = true;
        vs->twin[i] = (long)bidx[k];
        vs->twin[bidx[k]] = (long)i;
        vs->how[i] = vs->how[bidx[k]] = how;
    }
}

static int find_twins(const ys_tableset *ts, bool pair, ys_iviews *vs)
{
    vs->twin = malloc(vs->n * sizeof *vs->twin);
    vs->how = calloc(vs->n, sizeof *vs->how);
    const ys_indicator **bi = malloc(vs->n * sizeof *bi);
    const ys_ikey **bk = malloc(vs->n * sizeof *bk);
    size_t *bidx = malloc(vs->n * sizeof *bidx);
    bool *used = malloc(vs->n * sizeof *used);
    const ys_ikey **keys = malloc(vs->n * sizeof *keys);
    ys_form_sides *sides[2] = {NULL, NULL};   /* long-term, annual: made on first use */
    int rc = vs->twin && vs->how && bi && bk && bidx && used && keys ? YS_OK : YS_ENOMEM;
    for (size_t i = 0; rc == YS_OK && i < vs->n; i++)
        keys[i] = &vs->v[i].key;
    for (size_t i = 0; rc == YS_OK && i < vs->n; i++)
        vs->twin[i] = -1;
    for (size_t i = 0; pair && rc == YS_OK && i < vs->n; i++) {
        const ys_indicator *x = vs->v[i].ind;
        if (!vs->t11_first[i])   /* each (goal, kind) of table 11 once */
            continue;
        if (!sides[x->annual] &&
            !(sides[x->annual] = ys_form_sides_make(ts, x->annual, keys))) {
            rc = YS_ENOMEM;
            break;
        }
        pair_goal(ts, sides[x->annual], vs, x->goal, x->annual, bi, bk, bidx, used);
    }
    ys_form_sides_free(sides[0]);
    ys_form_sides_free(sides[1]);
    free(bi);
    free(bk);
    free(bidx);
    free(used);
    free(keys);
    return rc;
}

/* Make room for want bytes in a blob; false when out of memory. */
static bool reserve(void **blob, size_t *cap, size_t want)
{
    void *grown = realloc(*blob, want ? want : 1);
    if (!grown)
        return false;
    *blob = grown;
    *cap = want;
    return true;
}

/* Append n bytes to a growing blob; false when out of memory. */
static bool append(void **blob, size_t *len, size_t *cap, const void *p, size_t n)
{
    if (*len + n > *cap && !reserve(blob, cap, 2 * *cap + n))
        return false;
    memcpy((char *)*blob + *len, p, n);
    *len += n;
    return true;
}

/* Texts that recur (table 11's indicator names in the forms, the long-
 * term ones in the annual; values such as "100%" or "≥95%") are worked
 * on once: a hash of the texts seen, each slot an id + 1, an id's text
 * given by the caller's text_of. */
typedef struct text_memo {
    uint32_t *slot;
    size_t mask;
    const char *(*text_of)(const void *ctx, size_t id);
    const void *ctx;
} text_memo;

/* A memo for up to n ids (without its table, out of memory, every text
 * is new). */
static void memo_open(text_memo *m, size_t n, const char *(*text_of)(const void *, size_t),
                      const void *ctx)
{
    size_t nslot = 16;   /* a fifth left empty at least: probes stay short */
    while (nslot < n + n / 4 + 1)
        nslot *= 2;
    m->slot = n <= UINT32_MAX / 2 ? calloc(nslot, sizeof *m->slot) : NULL;
    m->mask = nslot - 1;
    m->text_of = text_of;
    m->ctx = ctx;
}

static uint32_t text_hash(const char *s)
{
    uint32_t h = 2166136261u;   /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

/* The earlier id with text s, or -1 after noting id under it. */
static long memo_seen(text_memo *m, const char *s, size_t id)
{
    if (!m->slot || !s)
        return -1;
    for (size_t h = text_hash(s) & m->mask;; h = (h + 1) & m->mask) {
        if (!m->slot[h]) {
            m->slot[h] = (uint32_t)id + 1;
            return -1;
        }
        size_t j = m->slot[h] - 1;
        if (!strcmp(m->text_of(m->ctx, j), s))
            return (long)j;
    }
}

static const char *ind_name(const void *ts, size_t i)
{
    return ((const ys_tableset *)ts)->ind[i].l3;
}

/* same[i]: the first indicator before i with i's 三级 name, or -1.  NULL
 * when out of memory (then no name is taken for another's). */
static long *same_names(const ys_tableset *ts)
{
    long *same = malloc(ts->nind * sizeof *same);
    if (!same)
        return NULL;
    text_memo memo;
    memo_open(&memo, ts->nind, ind_name, ts);
    for (size_t i = 0; i < ts->nind; i++)
        same[i] = memo_seen(&memo, ts->ind[i].l3, i);
    free(memo.slot);
    return same;
}

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* Each view's ys_indicator_key and its bigrams, made once for all the
 * matching (once for all the views of one name).  Offsets first,
 * pointers once the blobs stop moving. */
static int make_keys(ys_iviews *vs, const long *same)
{
    void *keys = NULL, *bgs = NULL;
    size_t klen = 0, kcap = 0, blen = 0, bcap = 0;
    size_t *at = malloc(2 * vs->n * sizeof *at);
    /* Room for keys no longer than their names, and for a bigram per three
     * bytes (names are Chinese): one block each instead of a chain of
     * doubling copies; append still grows past the estimate. */
    size_t kwant = 0, bwant = 0;
    for (size_t i = 0; i < vs->n; i++) {
        size_t len = vs->v[i].ind->l3 ? strlen(vs->v[i].ind->l3) : 0;
        if (len >= YS_IND_KEY_CAP)
            len = YS_IND_KEY_CAP - 1;
        kwant += len + 1;
        bwant += len / 3 + 1;
    }
    bool ok = at && reserve(&keys, &kcap, kwant) && reserve(&bgs, &bcap, bwant * sizeof(uint64_t));
    char key[YS_IND_KEY_CAP];
    uint64_t bg[YS_IND_KEY_CAP];
    for (size_t i = 0; ok && i < vs->n; i++) {
        long j = same ? same[i] : -1;
        if (j >= 0) {
            at[2 * i] = at[2 * j];
            at[2 * i + 1] = at[2 * j + 1];
            vs->v[i].key.n = vs->v[j].key.n;
            vs->v[i].key.len = vs->v[j].key.len;
            vs->v[i].key.bytes = vs->v[j].key.bytes;
            continue;
        }
        size_t k = ys_indicator_key(vs->v[i].ind->l3, key, sizeof key) + 1;
        size_t nb = ys_ikey_bigrams(key, bg, YS_IND_KEY_CAP);
        at[2 * i] = klen;
        at[2 * i + 1] = blen / sizeof *bg;
        vs->v[i].key.n = nb;
        vs->v[i].key.len = k - 1;
        vs->v[i].key.bytes = ys_ikey_bytes(key);
        ok = append(&keys, &klen, &kcap, key, k) &&
             (!nb || append(&bgs, &blen, &bcap, bg, nb * sizeof *bg));
    }
    if (!ok) {
        free(keys);
        free(bgs);
        free(at);
        return YS_ENOMEM;
    }
    vs->keys = keys;
    vs->bigrams = bgs;
    for (size_t i = 0; i < vs->n; i++) {
        vs->v[i].key.s = vs->keys + at[2 * i];
        vs->v[i].key.bg = vs->bigrams ? vs->bigrams + at[2 * i + 1] : NULL;
    }
    free(at);
    return YS_OK;
}

/* vs->t11_first: the goals of table 11 seen so far, a few, looked up
 * instead of every earlier view. */
static int mark_t11_first(ys_iviews *vs)
{
    vs->t11_first = calloc(vs->n, sizeof *vs->t11_first);
    size_t *seen = malloc(vs->n * sizeof *seen), nseen = 0;   /* view indices */
    if (!vs->t11_first || !seen) {
        free(seen);
        return YS_ENOMEM;
    }
    for (size_t i = 0; i < vs->n; i++) {
        const ys_indicator *x = vs->v[i].ind;
        if (!ys_same_id(x->table_id, "11"))
            continue;
        size_t k = 0;
        while (k < nseen && !(vs->v[seen[k]].ind->goal == x->goal &&
                              vs->v[seen[k]].ind->annual == x->annual))
            k++;
        if (k == nseen) {
            seen[nseen++] = i;
            vs->t11_first[i] = true;
        }
    }
    free(seen);
    return YS_OK;
}

/* The values read so far, by id: view i's target is id i, prevs[k] is
 * id n + k. */
typedef struct value_ids {
    ys_iview *v;
    ys_ivalue *prevs;
    size_t n;
} value_ids;

static ys_ivalue *value_at(const value_ids *x, size_t id)
{
    return id < x->n ? &x->v[id].target : &x->prevs[id - x->n];
}

static const char *value_text(const void *x, size_t id)
{
    return value_at(x, id)->src;
}

/* Parse s into value id, or copy the value read from the same text before
 * (a value is the text's alone; glyphs are repaired only once all are read). */
static void parse_value(text_memo *m, const value_ids *x, const char *s, size_t id)
{
    long j = memo_seen(m, s, id);
    if (j < 0) {
        parse_text(s, value_at(x, id));
        return;
    }
    *value_at(x, id) = *value_at(x, (size_t)j);
    value_at(x, id)->src = s;
}

/* A previous-year value: read into the next slot of prevs when given,
 * else the empty value prevs[0]. */
static ys_ivalue *parse_prev(text_memo *m, const value_ids *x, const char *s, size_t *used)
{
    if (!s)
        return x->prevs;
    parse_value(m, x, s, x->n + *used);
    return &x->prevs[(*used)++];
}

/* Read every view's values and repair their glyphs block by block. */
static int read_values(const ys_tableset *ts, ys_iview *v, ys_ivalue *prevs, size_t nprev,
                       const long *same)
{
    bool *done = calloc(ts->nind, sizeof *done);
    if (!done)
        return YS_ENOMEM;
    value_ids ids = {v, prevs, ts->nind};
    text_memo memo;
    memo_open(&memo, ts->nind + nprev, value_text, &ids);
    size_t used = 1;
    parse_text(NULL, &prevs[0]);
    for (size_t i = 0; i < ts->nind; i++) {
        const ys_indicator *x = &ts->ind[i];
        v[i].ind = x;
        v[i].key = (ys_ikey){NULL, 0, NULL, 0, 0};
        v[i].form = NULL;
        v[i].form_how = 0;
        parse_value(&memo, &ids, x->target, i);
        v[i].prev1 = parse_prev(&memo, &ids, x->prev1, &used);
        v[i].prev2 = parse_prev(&memo, &ids, x->prev2, &used);
        /* the context of a name, 一级 and target text seen before is theirs */
        long j = same ? same[i] : -1;
        if (j >= 0 && same_text(x->l1, ts->ind[j].l1) &&
            same_text(v[i].target.src, v[j].target.src))
            v[i].ctx = v[j].ctx;
        else
            v[i].ctx = ys_indicator_ctx(x->l1, x->l3, &v[i].target);
    }
    free(memo.slot);
    int rc = YS_OK;
    for (size_t i = 0; i < ts->nind && rc == YS_OK; i++)
        if (!done[i])
            rc = fix_block(v, ts->nind, i, prevs, done);
    free(done);
    return rc;
}

int ys_iviews_build(const ys_tableset *ts, bool twins, ys_iviews *out)
{
    *out = (ys_iviews){0};
    if (!ts->nind)
        return YS_OK;
    size_t nprev = 1;
    for (size_t i = 0; i < ts->nind; i++)
        nprev += (ts->ind[i].prev1 != NULL) + (ts->ind[i].prev2 != NULL);
    /* every field is set by read_values (no calloc: the views are large) */
    out->v = malloc(ts->nind * sizeof *out->v);
    out->prevs = malloc(nprev * sizeof *out->prevs);
    out->n = ts->nind;
    long *same = same_names(ts);
    if (!out->v || !out->prevs || read_values(ts, out->v, out->prevs, nprev, same) != YS_OK ||
        make_keys(out, same) != YS_OK || mark_t11_first(out) != YS_OK ||
        find_twins(ts, twins, out) != YS_OK) {
        free(same);
        ys_iviews_free(out);
        return YS_ENOMEM;
    }
    free(same);
    return YS_OK;
}

void ys_iviews_free(ys_iviews *vs)
{
    if (!vs)
        return;
    free(vs->v);
    free(vs->prevs);
    free(vs->twin);
    free(vs->how);
    free(vs->keys);
    free(vs->bigrams);
    free(vs->t11_first);
    *vs = (ys_iviews){0};
}

/* ---- the per-audit cache ------------------------------------------------- */

typedef struct views_cache {
    const ys_tableset *ts;   /* NULL: no audit running */
    bool built;
    ys_iviews vs;
} views_cache;

static _Thread_local views_cache cache;

void ys_iviews_cache_open(const ys_tableset *ts)
{
    ys_iviews_cache_close();
    cache.ts = ts;
}

void ys_iviews_cache_close(void)
{
    if (cache.built)
        ys_iviews_free(&cache.vs);
    cache.built = false;
    cache.ts = NULL;
}

const ys_iviews *ys_iviews_use(const ys_tableset *ts, ys_iviews *own)
{
    *own = (ys_iviews){0};
    if (ts != cache.ts)
        return ys_iviews_build(ts, true, own) == YS_OK ? own : NULL;
    if (!cache.built) {
        if (ys_iviews_build(ts, true, &cache.vs) != YS_OK)
            return NULL;
        cache.built = true;
    }
    return &cache.vs;
}
