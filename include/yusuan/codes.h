/*
 * yusuan/codes.h — classification codes and their official names.
 *
 * Two classifications: 支出功能分类科目 (function; 类 3 digits, 款 5, 项 7)
 * and 部门预算支出经济分类科目 (economic; 类 3, 款 5).  The lists live in
 * data/codes/<kind>.tsv (one entry per code and validity range, each with where
 * it comes from) and are compiled into the library.
 * All returned pointers are static.
 */
#ifndef YUSUAN_CODES_H
#define YUSUAN_CODES_H

#include <stdbool.h>

typedef enum ys_codekind { YS_CODE_FUNCTION = 0, YS_CODE_ECON = 1 } ys_codekind;

typedef struct ys_code {
    ys_codekind kind;
    const char *code;     /* "2010301" */
    const char *name;     /* official name for the years below */
    int level;            /* 1 类, 2 款, 3 项 */
    int year_from;        /* first budget year the name holds (0: always) */
    int year_to;          /* last year (0: still) */
    const char *source;   /* provenance */
} ys_code;

/* The entry for `code` valid in `year` (year 0: the newest), or NULL. */
const ys_code *ys_code_find(ys_codekind kind, const char *code, int year);

/* Any entry of `code` whatever the year (for "name out of date" checks):
 * returns the count and fills up to max entries. */
int ys_code_all(ys_codekind kind, const char *code, const ys_code **out, int max);

/* Level of a code from its length: 3 → 1, 5 → 2, 7 → 3; 0 if not a code. */
int ys_code_level(ys_codekind kind, const char *code);

/* Economic 类 whose 款 count as 人员经费 (301, 303). */
bool ys_econ_is_personnel(const char *code);

/* Number of entries compiled in. */
int ys_code_count(void);
const ys_code *ys_code_at(int i);

#endif
