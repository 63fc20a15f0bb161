/*
 * yusuan/audit.h — run every rule over a table set.
 *
 * The rules are one table (lib/rules_*.c): each entry has an id, a
 * severity, a description and the function of its kind with its
 * parameters.  ys_audit runs them all and appends findings.
 */
#ifndef YUSUAN_AUDIT_H
#define YUSUAN_AUDIT_H

#include <stddef.h>
#include "yusuan/findings.h"
#include "yusuan/tableset.h"

typedef struct ys_rule ys_rule;

struct ys_rule {
    const char *id;           /* "T3.row", "X.T1-T3", "N.rate" … */
    const char *desc;         /* Chinese, one line */
    int (*run)(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
    const char *a, *b, *c;    /* parameters, meaning set by the kind */
};

/* The rule table and its size. */
const ys_rule *ys_rules(size_t *n);

/* Run every rule.  Returns YS_OK or YS_ENOMEM. Findings come sorted. */
int ys_audit(const ys_tableset *ts, ys_findings *out);

#endif
