/*
 * narrative.c — part 3 into claims (placeholder until the narrative reader lands).
 */
#include "recognize_internal.h"

int ys_narrative_read(const ys_doc *doc, size_t from, size_t to, ys_tableset *ts,
                      ys_error *err)
{
    (void)doc; (void)from; (void)to; (void)ts; (void)err;
    return YS_OK;
}

int ys_claims_from_text(ys_tableset *ts, const char *text, int line, int section,
                        const char *scope)
{
    (void)ts; (void)text; (void)line; (void)section; (void)scope;
    return 0;
}
