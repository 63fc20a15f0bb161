/*
 * yusuan/report.h — findings rendered for people (compiler-style lines)
 * and for machines (JSON).  Renderers append to a ys_buf; they never print.
 */
#ifndef YUSUAN_REPORT_H
#define YUSUAN_REPORT_H

#include "yusuan/fileio.h"
#include "yusuan/findings.h"
#include "yusuan/tableset.h"

/*
 * One line per finding: "FILE:LINE: severity[rule]: message" (LINE = the
 * finding's first line; "FILE: …" when it has none).
 * Returns YS_OK or YS_ENOMEM (b->oom).
 */
int ys_report_text(ys_buf *b, const char *file, const ys_findings *f);

/* "FILE: N 个错误, N 个警告, N 个提示" and a newline. */
int ys_report_summary(ys_buf *b, const char *file, const ys_findings *f);

/*
 * One JSON object: {"file", "department", "year", "tables": [{"id", "title",
 * "first_line", "last_line"}], "unread": [{"id", "label", "line"}] (tables
 * found under their title whose header could not be read), "findings":
 * [{"severity", "rule", "table", "lines", "message", "expected",
 * "actual"}]}.  ts may be NULL (no tables).
 * Returns YS_OK or YS_ENOMEM.
 */
int ys_report_json(ys_buf *b, const char *file, const ys_tableset *ts,
                   const ys_findings *f);

#endif
