/*
 * error.c — fills ys_error records.  Never prints.
 */
#include "yusuan/error.h"

#include <stdio.h>
#include <string.h>

static void copy(char *dst, size_t cap, const char *src)
{
    if (!src)
        src = "";
    snprintf(dst, cap, "%s", src);
}

static int setv(ys_error *err, int code, const char *file, int line,
                const char *where, const char *fmt, va_list ap)
{
    if (!err)
        return code;
    err->code = code;
    copy(err->file, sizeof err->file, file);
    err->line = line;
    copy(err->where, sizeof err->where, where);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    return code;
}

int ys_error_set(ys_error *err, int code, const char *file, int line,
                 const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    setv(err, code, file, line, NULL, fmt, ap);
    va_end(ap);
    return code;
}

int ys_error_setw(ys_error *err, int code, const char *file, const char *where,
                  const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    setv(err, code, file, 0, where, fmt, ap);
    va_end(ap);
    return code;
}

void ys_error_format(const ys_error *err, char *buf, unsigned cap)
{
    const char *file = err->file[0] ? err->file : "yusuan";
    if (err->where[0])
        snprintf(buf, cap, "%s:%s: %s", file, err->where, err->msg);
    else if (err->line > 0)
        snprintf(buf, cap, "%s:%d: %s", file, err->line, err->msg);
    else
        snprintf(buf, cap, "%s: %s", file, err->msg);
}
