/*
 * rules_document.c — the document family of the rule table (placeholder).
 */
#include "yusuan/audit.h"

const ys_rule ys_rules_document[] = {
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
