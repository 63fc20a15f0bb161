/* fuzz_text — libFuzzer target for ys_read_text (lib/readers/text.c): any bytes
 * must give either lines of valid UTF-8 cells or an error with a message,
 * never a crash, a leak or a hang.  Build and run: fuzz/README.md. */
#include "fuzz_common.h"

static int reader(ys_doc *d, const uint8_t *buf, size_t n, ys_error *err)
{
    return ys_read_text(d, (const char *)buf, n, err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ys_fuzz_check(YS_FMT_TEXT, reader, data, size);
    return 0;
}
