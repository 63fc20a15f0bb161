/*
 * fuzz_common.h — the one check every reader's fuzz target makes: read the
 * bytes with the reader, and when it succeeds, every line must hold valid
 * UTF-8 cells and a page/line that make sense; when it fails, the error
 * must carry a message.  A violation traps (libFuzzer reports a crash).
 */
#ifndef YS_FUZZ_COMMON_H
#define YS_FUZZ_COMMON_H

#include <stdint.h>
#include <string.h>

#include "yusuan/doc.h"
#include "text.h"

typedef int (*ys_fuzz_reader)(ys_doc *d, const uint8_t *buf, size_t n, ys_error *err);

static inline void ys_fuzz_check(ys_format fmt, ys_fuzz_reader read, const uint8_t *data,
                                 size_t size)
{
    ys_doc *d = ys_doc_new("fuzz-input", fmt);
    if (!d)
        return;
    ys_error e;
    memset(&e, 0, sizeof e);
    int rc = read(d, data, size, &e);
    if (rc != YS_OK) {
        if (e.code == YS_OK || e.msg[0] == 0)
            __builtin_trap();           /* an error without a message */
    } else {
        for (size_t i = 0; i < d->nlines; i++) {
            const ys_line *l = &d->lines[i];
            if (l->ncells < 0 || l->page < 0 || (l->ncells && !l->cells))
                __builtin_trap();
            for (int k = 0; k < l->ncells; k++)
                if (!l->cells[k] || !ys_utf8_valid(l->cells[k], strlen(l->cells[k])))
                    __builtin_trap();
        }
    }
    ys_doc_free(d);
}

#endif
