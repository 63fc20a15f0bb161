/*
 * indicator_view.h — the indicators of a table set with their values read.
 * Internal to libyusuan (rules_indicators.c, eval*.c).
 *
 * A view parses every indicator's target and previous-year values once,
 * repairs lost glyphs block by block (one goal of one table, long-term or
 * annual: ys_ivalue_fix_glyphs) and notes each indicator's context
 * (rate, cost).  The views point into the table set, which must outlive them.
 */
#ifndef YS_INDICATOR_VIEW_H
#define YS_INDICATOR_VIEW_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "yusuan/indicator.h"
#include "yusuan/tableset.h"

/* Room for a folded name (ys_project_key, ys_indicator_key) in matching. */
#define YS_IND_KEY_CAP 256

/* A folded name ready for many comparisons: the key and its sorted
 * character bigrams (as ys_similarity makes them). */
typedef struct ys_ikey {
    const char *s;
    size_t len;            /* strlen(s) */
    const uint64_t *bg;
    size_t n;
    uint64_t bytes;        /* ys_ikey_bytes(s), or 0: not made */
} ys_ikey;

/* The sorted bigrams of key into out[0..cap) (cap ≥ the key's code points);
 * returns their count. */
size_t ys_ikey_bigrams(const char *key, uint64_t *out, size_t cap);
/* Which bytes s holds, each as bit (byte & 63): a key holds another only
 * if it holds all its bits (0 only for ""). */
uint64_t ys_ikey_bytes(const char *s);

typedef struct ys_iview {
    const ys_indicator *ind;
    ys_ikey key;           /* ys_indicator_key of the 三级 name (in ys_iviews.keys) */
    ys_ivalue target;
    ys_ivalue *prev1, *prev2; /* in ys_iviews.prevs; a value not given points
                             * to the one empty value there (kept apart:
                             * most indicators have no previous years) */
    unsigned ctx;          /* YS_IVC_* */
    const char *form;      /* table 11 with twins: the goal's project form
                              (ys_match_goal_form), else NULL */
    unsigned form_how;     /* YS_MATCH_* of that match */
} ys_iview;

typedef struct ys_iviews {
    size_t n;
    ys_iview *v;           /* owned; in the order of ts->ind */
    long *twin;            /* owned: index of the same indicator in the other
                              place (table 11 ↔ the matched form, same kind), or -1 */
    unsigned *how;         /* owned: YS_MATCH_* of the twin's pairing */
    char *keys;            /* owned: the views' keys, one after another */
    ys_ivalue *prevs;      /* owned: [0] the empty value, then each previous-
                            * year value given */
    uint64_t *bigrams;     /* owned: the keys' bigrams, one after another */
    bool *t11_first;       /* owned: view i is table 11's first of its goal and
                              kind (the rules take each goal once) */
} ys_iviews;

/* Build the views of ts; with `twins`, also pair them: each goal of table
 * 11 is matched to a project form (ys_match_goal_form, kept in view.form)
 * and its indicators paired one-to-one with the form's of the same kind
 * (ys_match_indicator).  Without, every twin is -1 and every form NULL
 * (cheaper: no matching).  Returns YS_OK or YS_ENOMEM. */
int ys_iviews_build(const ys_tableset *ts, bool twins, ys_iviews *out);
void ys_iviews_free(ys_iviews *vs);

/*
 * One build per audit.  Between ys_iviews_cache_open(ts) and
 * ys_iviews_cache_close() (ys_audit brackets its rules with them; per
 * thread, the table set must not change in between), ys_iviews_use(ts, own)
 * returns the audit's views of ts, built with twins on first use and kept.
 * Outside (a rule run on its own), it builds them with twins into *own.
 * Either way the caller calls ys_iviews_free(own) when done and must not
 * free the result.  Returns NULL on YS_ENOMEM.
 */
void ys_iviews_cache_open(const ys_tableset *ts);
void ys_iviews_cache_close(void);
const ys_iviews *ys_iviews_use(const ys_tableset *ts, ys_iviews *own);

/* ys_match_indicator with the folded names made beforehand: kx is x's
 * ys_indicator_key, keys[i] that of ind[i] (each folded into at most
 * YS_IND_KEY_CAP bytes, as ys_match_indicator does).  Same result. */
long ys_match_indicator_keyed(const ys_indicator *x, const ys_ikey *kx,
                              const ys_indicator *const *ind, const ys_ikey *const *keys,
                              size_t n, const bool *used);

/* The project forms of a table set prepared for ys_match_goal_form, kind
 * `annual` (goal texts folded, indicator names signed) so that matching
 * every goal of table 11 prepares them once.  keys[i], when given, is
 * ts->ind[i]'s key (as make_keys makes a view's: ys_indicator_key folded
 * into YS_IND_KEY_CAP bytes, its bigrams by ys_ikey_bigrams), made
 * beforehand; NULL: fold them here.  NULL when out of memory; free with
 * ys_form_sides_free.  It points into ts and keys, which must outlive it. */
typedef struct ys_form_sides ys_form_sides;
ys_form_sides *ys_form_sides_make(const ys_tableset *ts, bool annual,
                                  const ys_ikey *const *keys);
void ys_form_sides_free(ys_form_sides *fs);
/* ys_match_goal_form with the forms prepared (fs of kind `annual`; NULL:
 * prepare each on the way).  Same result. */
const char *ys_match_goal_form_in(const ys_tableset *ts, const ys_form_sides *fs, int no,
                                  bool annual, unsigned *how);

/* ys_ivalue_fix_glyphs over values where they are (at[0..n)), not copied
 * into an array: a block's views hold three each.  Same result. */
int ys_ivalue_fix_glyphs_at(ys_ivalue *const *at, size_t n);

/* Whether two table ids are the same (strcmp(a, b) == 0), inline: the
 * matching compares ids all the time, and "11" and "12:…" differ at
 * their second byte. */
static inline bool ys_same_id(const char *a, const char *b)
{
    return a == b || (a[0] == b[0] && (!a[0] || (a[1] == b[1] && (!a[1] || !strcmp(a + 2, b + 2)))));
}

/* True when two views belong to the same block (table, goal, kind). */
bool ys_iview_same_block(const ys_iview *a, const ys_iview *b);

/*
 * Rule kinds over single indicators (lib/indicator_checks.c), used by the
 * IND.* entries of lib/rules_indicators.c.  Each returns YS_OK or YS_ENOMEM.
 */
struct ys_rule;
struct ys_findings;
int ys_ind_run_cost(const struct ys_rule *r, const ys_tableset *ts, struct ys_findings *out);
int ys_ind_run_easier(const struct ys_rule *r, const ys_tableset *ts, struct ys_findings *out);
int ys_ind_run_pct(const struct ys_rule *r, const ys_tableset *ts, struct ys_findings *out);
int ys_ind_run_verbatim(const struct ys_rule *r, const ys_tableset *ts, struct ys_findings *out);
int ys_ind_run_relaxed(const struct ys_rule *r, const ys_tableset *ts, struct ys_findings *out);
int ys_ind_run_unmatched(const struct ys_rule *r, const ys_tableset *ts, struct ys_findings *out);

#endif
