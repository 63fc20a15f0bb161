/*
 * readers/pdf.c — placeholder until the pdf reader lands (issue 5).
 */
#include "yusuan/doc.h"

int ys_read_pdf(ys_doc *d, const unsigned char *buf, size_t n, ys_error *err)
{
    (void)buf;
    (void)n;
    return ys_error_set(err, YS_EUNSUPPORTED, d->path, 0,
                        "暂不支持读取 %s 格式", ys_format_name(d->format));
}
