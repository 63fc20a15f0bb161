/*
 * rules_tables.c — the tables family of the rule table (placeholder).
 */
#include "yusuan/audit.h"

const ys_rule ys_rules_tables[] = {
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
