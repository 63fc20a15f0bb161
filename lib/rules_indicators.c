/*
 * rules_indicators.c — the indicators family of the rule table (placeholder).
 */
#include "yusuan/audit.h"

const ys_rule ys_rules_indicators[] = {
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
