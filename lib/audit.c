/*
 * audit.c — runs the rule table (the families of rules_*.c, in order)
 * over a table set and collects sorted findings.  Work shared by several
 * rules (the indicator views, the folded paragraphs of the DOC kinds) is
 * done once per audit: see ys_iviews_use and ys_doc_fold_open.
 */
#include "yusuan/audit.h"

#include "indicator_view.h"
#include "rules_document.h"

static const ys_rule *const families[] = {
    ys_rules_tables, ys_rules_narrative, ys_rules_claims, ys_rules_forms, ys_rules_indicators,
    ys_rules_document,
};

size_t ys_rules_count(void)
{
    size_t n = 0;
    for (size_t f = 0; f < sizeof families / sizeof *families; f++)
        for (const ys_rule *r = families[f]; r->id; r++)
            n++;
    return n;
}

const ys_rule *ys_rule_at(size_t i)
{
    for (size_t f = 0; f < sizeof families / sizeof *families; f++)
        for (const ys_rule *r = families[f]; r->id; r++)
            if (i-- == 0)
                return r;
    return 0;
}

int ys_audit(const ys_tableset *ts, ys_findings *out)
{
    int rc = YS_OK;
    ys_iviews_cache_open(ts);
    ys_doc_fold_open();
    for (size_t f = 0; rc == YS_OK && f < sizeof families / sizeof *families; f++)
        for (const ys_rule *r = families[f]; rc == YS_OK && r->id; r++)
            rc = r->run(r, ts, out);
    ys_iviews_cache_close();
    ys_doc_fold_close();
    if (rc == YS_OK)
        ys_findings_sort(out);
    return rc;
}
