/*
 * indicator_sim.h — the bigram similarity behind matching names and goal
 * texts (lib/indicator_match.c), shared with goal matching
 * (lib/indicator_goals.c).  Internal to libyusuan.
 *
 * A string's code points (invalid bytes count as one), their sorted
 * bigrams, and the Dice score of two bigram lists in 0..1000: what
 * ys_similarity computes in one go, in pieces so that a text compared many
 * times is split once.
 */
#ifndef YS_INDICATOR_SIM_H
#define YS_INDICATOR_SIM_H

#include <stddef.h>
#include <stdint.h>

#define YS_SIM_CP 1024         /* code points ys_similarity reads of a string */
#define YS_NAME_SIM_OK 800     /* names alike enough on their own */
#define YS_GOAL_SIM_OK 700     /* goal texts or indicator overlap that match */

/* Decode up to max code points of UTF-8 s into cp; returns the count. */
size_t ys_cp_decode(const char *s, uint32_t *cp, size_t max);
/* The sorted bigrams of cp[0..n) into out (n - 1 of them; 0 when n < 2). */
size_t ys_cp_bigrams(const uint32_t *cp, size_t n, uint64_t *out);
/* The Dice score (0..1000) of two sorted bigram lists, 0 when either is empty. */
int ys_bigram_dice(const uint64_t *a, size_t na, const uint64_t *b, size_t nb);
/* The same score when it can reach `min`, else some value below min: the
 * merge stops once the bigrams left cannot reach it (a name compared with
 * hundreds of others mostly falls short early). */
int ys_bigram_dice_min(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, int min);

#endif
