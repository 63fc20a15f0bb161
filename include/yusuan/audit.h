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
#include "yusuan/error.h"
#include "yusuan/findings.h"
#include "yusuan/tableset.h"

typedef struct ys_rule ys_rule;

struct ys_rule {
    const char *id;           /* "T3.row", "X.T1-T3", "N.rate" … */
    const char *desc;         /* Chinese, one line */
    int (*run)(const ys_rule *r, const ys_tableset *ts, ys_findings *out);
    const char *a, *b, *c;    /* parameters, meaning set by the kind */
};

/*
 * The rule table is the concatenation of one array per family, each in its
 * own file: lib/rules_tables.c (identities within and across tables 1–10),
 * lib/rules_narrative.c (part 3 against the tables), lib/rules_forms.c
 * (tables 11 and 12 against table 10), lib/rules_claims.c (claims against each
 * other: stated prior, rate and change agree; parts add up), lib/rules_indicators.c (performance
 * indicators), lib/rules_document.c (required parts, names, wording).
 * Each array ends with an entry whose id is NULL.
 */
extern const ys_rule ys_rules_tables[];
extern const ys_rule ys_rules_narrative[];
extern const ys_rule ys_rules_claims[];
extern const ys_rule ys_rules_forms[];
extern const ys_rule ys_rules_indicators[];
extern const ys_rule ys_rules_document[];

/* Visit every rule in order; returns the number of rules. */
size_t ys_rules_count(void);
const ys_rule *ys_rule_at(size_t i);

/* Run every rule.  Returns YS_OK or YS_ENOMEM. Findings come sorted. */
int ys_audit(const ys_tableset *ts, ys_findings *out);

#endif
