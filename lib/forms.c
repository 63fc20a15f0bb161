/*
 * forms.c — tables 11 and 12 (placeholder until the forms reader lands).
 */
#include "recognize_internal.h"

int ys_forms_read(const ys_doc *doc, size_t from, size_t to, ys_tableset *ts,
                  ys_error *err)
{
    (void)doc; (void)from; (void)to; (void)ts; (void)err;
    return YS_OK;
}
