/*
 * rules_forms.c — the forms family of the rule table (placeholder).
 */
#include "yusuan/audit.h"

const ys_rule ys_rules_forms[] = {
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
