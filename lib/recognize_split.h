/*
 * recognize_split.h — the document split: where each part (概况, 预算表,
 * 情况说明, 名词解释) and each table's title cluster is.
 * Internal to libyusuan (recognize.c and recognize_split.c).
 */
#ifndef YS_RECOGNIZE_SPLIT_H
#define YS_RECOGNIZE_SPLIT_H

#include <stddef.h>

#include "recognize_tables.h"

#define NONE ((size_t)-1)

/* One table located by its title cluster. */
typedef struct found {
    const ys_ptable *pt;
    size_t title_li, from, body;
} found;

typedef struct split {
    size_t part[5];           /* heading line of parts 1–4 (NONE: absent) */
    size_t end[5];            /* line after each part: the next heading or the end */
    size_t forms;             /* first line of table 11 (or 12), NONE */
    size_t forms_end;
    size_t nfound;
    found tables[YS_PROFILE_MAX_TABLES];
} split;

/* Part headings 1–4 and where each part ends (sp->part/end, NONE when
 * absent); records each heading's department as a mention. */
void ys_rz_find_parts(ys_rz *z, split *sp);

/* Past the prose parts (3 and 4): where a table search goes on from i. */
size_t ys_rz_skip_prose(const split *sp, size_t i);

/* Tables 1–10 by their title clusters (sp->tables, in document order) and
 * the first line of the goal forms (sp->forms, NONE when absent).  Sets
 * z->oom when out of memory. */
void ys_rz_find_tables(ys_rz *z, split *sp);

#endif
