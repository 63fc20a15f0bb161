/* fuzz_text — libFuzzer target for ys_read_text and ys_read_text_owned
 * (lib/readers/text.c): any bytes must give either lines of valid UTF-8
 * cells or an error with a message, never a crash, a leak or a hang.  An
 * input whose length is odd goes through the in-place reader (the path of
 * every text file the tool opens), an even one through the copying reader.
 * Build and run: fuzz/README.md. */
#include <stdlib.h>
#include <string.h>

#include "fuzz_common.h"

static int reader(ys_doc *d, const uint8_t *buf, size_t n, ys_error *err)
{
    if (n % 2 == 0)
        return ys_read_text(d, (const char *)buf, n, err);
    char *own = malloc(n + 1); /* ys_read_text_owned takes n + 1 bytes */
    if (!own)
        return ys_error_set(err, YS_ENOMEM, NULL, 0, "out of memory");
    memcpy(own, buf, n);
    own[n] = '\0';
    return ys_read_text_owned(d, own, n, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ys_fuzz_check(YS_FMT_TEXT, reader, data, size);
    return 0;
}
