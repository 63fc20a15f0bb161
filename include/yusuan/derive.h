/*
 * yusuan/derive.h — from a budget package to the whole disclosure: the
 * table set (tables 1–12), the narrative of part 3 with every figure
 * computed, part 1 from the package's texts and part 4 from the code list.
 */
#ifndef YUSUAN_DERIVE_H
#define YUSUAN_DERIVE_H

#include "yusuan/error.h"
#include "yusuan/package.h"
#include "yusuan/tableset.h"

typedef enum ys_rounding {
    YS_ROUND_HALF_UP = 0,   /* each cell rounded on its own, as published today */
    YS_ROUND_BALANCED = 1   /* largest remainder: shown parts add up to shown totals */
} ys_rounding;

/* Derive.  On success *out is a new table set (caller frees); its cells
 * hold the figures to be shown. */
int ys_derive(const ys_package *p, ys_rounding r, ys_tableset **out, ys_error *err);

#endif
