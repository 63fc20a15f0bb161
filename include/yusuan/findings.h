/*
 * yusuan/findings.h — what a check reports.
 *
 * A finding names the rule that produced it, its severity, the table(s) it
 * concerns, the document line of every cell the rule read, a Chinese
 * message, and the expected and actual figures as shown text.
 * A ys_findings list owns its findings and their strings.
 */
#ifndef YUSUAN_FINDINGS_H
#define YUSUAN_FINDINGS_H

#include <stddef.h>

typedef enum ys_severity {
    YS_SEV_NOTE = 0,      /* 尾差 within tolerance, a value kept verbatim */
    YS_SEV_WARNING = 1,   /* different rounding, different names, unknown code */
    YS_SEV_ERROR = 2      /* disagreement beyond rounding, a missing figure */
} ys_severity;

#define YS_FINDING_MAXLINES 32

typedef struct ys_finding {
    ys_severity sev;
    const char *rule;         /* rule id, static string ("T3.row") */
    char table[96];           /* table id(s) it concerns, "3" or "1,3" */
    int nlines;
    int lines[YS_FINDING_MAXLINES]; /* source lines of the cells read, ascending */
    char *message;            /* owned */
    char expected[64];
    char actual[64];
} ys_finding;

typedef struct ys_findings {
    size_t n, cap;
    ys_finding *v;
} ys_findings;

void ys_findings_init(ys_findings *f);
void ys_findings_free(ys_findings *f);   /* frees contents; f itself not */

/* Add a finding; lines[] may contain zeros and duplicates (dropped).
 * Returns the new finding (owned by f) or NULL when out of memory. */
ys_finding *ys_findings_add(ys_findings *f, ys_severity sev, const char *rule,
                            const char *table, const int *lines, int nlines,
                            const char *expected, const char *actual,
                            const char *fmt, ...)
    __attribute__((format(printf, 9, 10)));

/* Add one more source line to a finding (kept sorted and unique). */
void ys_finding_add_line(ys_finding *fd, int line);

/* Sort by first line, then severity (errors first), then rule id. */
void ys_findings_sort(ys_findings *f);

size_t ys_findings_count(const ys_findings *f, ys_severity sev);

const char *ys_severity_name(ys_severity s);   /* "error", "warning", "note" */

#endif
