/*
 * fileio.c — atomic file writes and the byte buffer writers fill.
 * Promise: ys_write_atomic never leaves a partial file at `path`; a buffer
 * that ran out of memory says so in `oom` and stays usable (appends stop).
 */
#include "yusuan/fileio.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int ys_write_atomic(const char *path, const void *data, size_t len, ys_error *err)
{
    size_t pl = strlen(path);
    char *tmp = malloc(pl + 32);
    if (!tmp)
        return ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
    snprintf(tmp, pl + 32, "%s.tmp%ld", path, (long)getpid());
    FILE *f = fopen(tmp, "wb");
    if (!f) {
        int e = errno;
        free(tmp);
        return ys_error_set(err, YS_EIO, path, 0, "无法写入：%s", strerror(e));
    }
    int bad = len && fwrite(data, 1, len, f) != len;
    bad |= fflush(f) != 0;
    bad |= fclose(f) != 0;
    if (bad || rename(tmp, path) != 0) {
        int e = errno;
        unlink(tmp);
        free(tmp);
        return ys_error_set(err, YS_EIO, path, 0, "无法写入：%s", strerror(e));
    }
    free(tmp);
    return YS_OK;
}

void ys_buf_free(ys_buf *b)
{
    if (!b)
        return;
    free(b->p);
    memset(b, 0, sizeof *b);
}

void ys_buf_put(ys_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1)
            cap *= 2;
        char *p = realloc(b->p, cap);
        if (!p) {
            b->oom = 1;
            return;
        }
        b->p = p;
        b->cap = cap;
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

void ys_buf_puts(ys_buf *b, const char *s) { ys_buf_put(b, s, strlen(s)); }

void ys_buf_printf(ys_buf *b, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        ys_buf_put(b, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) {
        b->oom = 1;
        return;
    }
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    ys_buf_put(b, big, (size_t)n);
    free(big);
}

void ys_buf_html(ys_buf *b, const char *s)
{
    const char *run = s;
    for (; *s; s++) {
        const char *rep = NULL;
        switch (*s) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        ys_buf_put(b, run, (size_t)(s - run));
        ys_buf_puts(b, rep);
        run = s + 1;
    }
    ys_buf_put(b, run, (size_t)(s - run));
}

void ys_buf_json(ys_buf *b, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            ys_buf_put(b, e, 2);
        } else if (c == '\n') {
            ys_buf_puts(b, "\\n");
        } else if (c == '\t') {
            ys_buf_puts(b, "\\t");
        } else if (c < 0x20) {
            ys_buf_printf(b, "\\u%04x", c);
        } else {
            ys_buf_put(b, s, 1);
        }
    }
}

void ys_buf_csv(ys_buf *b, const char *s)
{
    if (!strpbrk(s, ",\"\n\r")) {
        ys_buf_puts(b, s);
        return;
    }
    ys_buf_puts(b, "\"");
    for (; *s; s++) {
        if (*s == '"')
            ys_buf_puts(b, "\"\"");
        else
            ys_buf_put(b, s, 1);
    }
    ys_buf_puts(b, "\"");
}
