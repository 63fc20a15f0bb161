/*
 * recognize.c — placeholder until the recogniser lands.
 */
#include "yusuan/recognize.h"

const ys_profile *ys_profile_builtin(const char *name) { (void)name; return 0; }
const ys_profile *ys_profile_detect(const ys_doc *doc) { (void)doc; return 0; }
const char *ys_profile_name(const ys_profile *p) { (void)p; return "national"; }

int ys_recognize(const ys_doc *doc, const ys_profile *p, ys_tableset **out,
                 ys_error *err)
{
    (void)p; (void)out;
    return ys_error_set(err, YS_EUNSUPPORTED, doc->path, 0, "recogniser not built yet");
}
