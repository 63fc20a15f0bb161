/*
 * eval_internal.h — how the parts of the evaluation call each other.
 * Internal to libyusuan.
 */
#ifndef YS_EVAL_INTERNAL_H
#define YS_EVAL_INTERNAL_H

#include "yusuan/eval.h"

/*
 * Score one item against its actual (eval_score.c).  Full marks are
 * num/den in 0.0001 points; `floor` is the partly-met floor in per mille.
 * Fills status, score, max, ratio and shortfall.  Returns YS_OK, or
 * YS_EINPUT with err at file:it->actual_line when the actual cannot be
 * read against the target.
 */
int ys_eval_score_item(ys_eval_item *it, int64_t num, int64_t den, int floor,
                       const char *file, ys_error *err);

/* Fill err at file:line, or at file:where when where is set (an XLSX cell);
 * returns code. */
int ys_eval_error(ys_error *err, int code, const char *file, int line, const char *where,
                  const char *fmt, ...) __attribute__((format(printf, 6, 7)));

#endif
