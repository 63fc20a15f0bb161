/*
 * yusuan/recognize.h — from the lines of a document to a table set.
 *
 * The recogniser finds the standard tables by what they say (titles such as
 * 表1 / 部门收支总表 / 5-1 一般公共预算支出表（分功能科目）, and their
 * headers), maps header labels to canonical column keys, reads each row's
 * code, name and amounts in the table's unit, reads the project forms and
 * goal tables, and turns the narrative (part 3) into claims.
 *
 * A layout profile (data/profiles/<name>.profile) says what a region's
 * layout calls each table and column; the profile is chosen from the
 * document unless named.
 */
#ifndef YUSUAN_RECOGNIZE_H
#define YUSUAN_RECOGNIZE_H

#include "yusuan/doc.h"
#include "yusuan/error.h"
#include "yusuan/tableset.h"

typedef struct ys_profile ys_profile;

/* Load a compiled-in profile by name ("national", "shanghai"), or NULL. */
const ys_profile *ys_profile_builtin(const char *name);
/* Choose the profile that best fits the document. */
const ys_profile *ys_profile_detect(const ys_doc *doc);
const char *ys_profile_name(const ys_profile *p);

/*
 * Recognise doc with profile p (NULL: detect).  On success *out is a new
 * table set (caller frees).  Returns YS_EINPUT with a located message when
 * the document is not a budget disclosure at all.
 */
int ys_recognize(const ys_doc *doc, const ys_profile *p, ys_tableset **out,
                 ys_error *err);

#endif
