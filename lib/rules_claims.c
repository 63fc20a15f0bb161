/*
 * rules_claims.c — the claims family of the rule table (placeholder).
 */
#include "yusuan/audit.h"

const ys_rule ys_rules_claims[] = {
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
