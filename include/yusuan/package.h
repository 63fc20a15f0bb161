/*
 * yusuan/package.h — a department's own budget data (the budget package):
 * a folder of UTF-8 CSV files or one XLSX workbook with the same sheets
 * (meta, units, lines, prior, projects, project_items, three_public, texts,
 * indicators).  See docs/package.md.
 *
 * Every value keeps its location (FILE:LINE or SHEET!CELL) so that
 * `yusuan check` and derivation can point at the cell that is wrong.
 * A package owns all its strings; free it with ys_package_free().
 */
#ifndef YUSUAN_PACKAGE_H
#define YUSUAN_PACKAGE_H

#include "yusuan/error.h"
#include "yusuan/findings.h"

typedef struct ys_package ys_package;   /* defined in lib/package.h (internal) */

/* Read a package folder or .xlsx.  Returns YS_OK and *out, or YS_EINPUT
 * with err located at the offending file:line or sheet!cell. */
int ys_package_read(const char *path, ys_package **out, ys_error *err);
void ys_package_free(ys_package *p);

/*
 * Check the package on its own (codes exist and names match for the year,
 * kinds fit economic codes, details add up, references resolve, prior
 * figures exist).  Findings are appended; each finding's message starts
 * with its location.  Returns YS_OK or YS_ENOMEM.
 */
int ys_package_check(const ys_package *p, ys_findings *out);

#endif
