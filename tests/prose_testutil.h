/*
 * prose_testutil.h — the tests' own reading of prose lines (independent of
 * the library's narrative reader): a line without blanks, and "is this an
 * un-numbered heading ending in these words".
 */
#ifndef YS_PROSE_TESTUTIL_H
#define YS_PROSE_TESTUTIL_H

#include <string.h>
#include "yusuan/doc.h"

/* Line text of a doc line without blanks. */
static inline void flat_line(const ys_line *l, char *out, size_t cap)
{
    size_t o = 0;
    for (int c = 0; c < l->ncells; c++)
        for (const char *p = l->cells[c]; *p && o + 1 < cap; p++)
            if (*p != ' ')
                out[o++] = *p;
    out[o] = 0;
}

static inline int ends_with(const char *s, const char *w)
{
    size_t n = strlen(s), m = strlen(w);
    return n >= m && strcmp(s + n - m, w) == 0;
}

/* A heading of its own: no TOC leaders, no numbering. */
static inline int plain_heading(const char *s, const char *w)
{
    return ends_with(s, w) && !strstr(s, "…") && !strstr(s, "、");
}

#endif
