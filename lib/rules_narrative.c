/*
 * rules_narrative.c — the narrative family of the rule table (placeholder).
 */
#include "yusuan/audit.h"

const ys_rule ys_rules_narrative[] = {
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
