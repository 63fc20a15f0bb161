/*
 * rules_claims_util.h — helpers of the claims family (lib/rules_claims.c)
 * that lib/rules_common.h lacks: which claims state the same item, the
 * exact interval test of a rate given with a stated prior figure, sums of
 * claims by key, and how a message names a claim.
 */
#ifndef YS_RULES_CLAIMS_UTIL_H
#define YS_RULES_CLAIMS_UTIL_H

#include <stdbool.h>
#include <stddef.h>

#include "rules_common.h"

/* Does claim c have key `key` (NULL-safe)? */
bool ys_claim_is(const ys_claim *c, const char *key);
/* A FIGURE claim with a figure. */
bool ys_claim_figure(const ys_claim *c);
/*
 * Do a and b state the same item: same key and scope, the same code (or,
 * when neither names a code, the same subject), and years that do not
 * contradict (equal, or one unstated)?
 */
bool ys_claim_same_item(const ys_claim *a, const ys_claim *b);
/*
 * Can p = (amount − prior) / prior come from true values inside the
 * intervals of the rounded inputs, p itself widened by `halves` half ulps
 * on each side (1: p as shown; 3: p one ulp off)?  Exact (__int128 over
 * the corners: the ratio is monotone in each input).  A prior that may be
 * 0 or negative counts as possible.
 */
bool ys_prior_rate_possible(ys_amount amount, ys_amount prior, ys_amount p, int halves);
/* The first narrative FIGURE claim of key (scope NULL), or NULL. */
const ys_claim *ys_claim_first(const ys_tableset *ts, const char *key);
/* Add every narrative FIGURE claim of key to s; returns how many. */
int ys_claims_add(const ys_tableset *ts, const char *key, ys_side *s);
/* "“subject”（第N行）" or the key: how a message names a claim.  Returns buf. */
const char *ys_claim_name(const ys_claim *c, char *buf, size_t cap);

#endif
