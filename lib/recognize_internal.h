/*
 * recognize_internal.h — how the recogniser's parts call each other.
 * Internal to libyusuan.
 *
 * recognize.c has the document split into its parts (recognize_split.c)
 * and hands line ranges
 * [from, to) of doc->lines to:
 *   - the table readers for tables 1–10 (recognize_tables.c),
 *   - the goal and project-form reader for tables 11 and 12 (forms.c),
 *   - the narrative reader for part 3 (narrative.c).
 */
#ifndef YS_RECOGNIZE_INTERNAL_H
#define YS_RECOGNIZE_INTERNAL_H

#include "yusuan/doc.h"
#include "yusuan/error.h"
#include "yusuan/tableset.h"

/* Tables 11 and 12 (goals, indicators, project forms) in lines [from, to). */
int ys_forms_read(const ys_doc *doc, size_t from, size_t to, ys_tableset *ts,
                  ys_error *err);

/* Part 3 in lines [from, to): claims with their section numbers. */
int ys_narrative_read(const ys_doc *doc, size_t from, size_t to, ys_tableset *ts,
                      ys_error *err);

/*
 * Claims of one sentence or paragraph (used by the narrative reader and by
 * the project forms' 预算变动情况 text).  `scope` is NULL in part 3 or the
 * form's table id; `section` the part-3 section number (0 elsewhere).
 * Returns the number of claims added, or -1 when out of memory.
 */
int ys_claims_from_text(ys_tableset *ts, const char *text, int line, int section,
                        const char *scope);

#endif
