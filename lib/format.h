/*
 * format.h — snprintf for the library's messages and labels.
 * Internal to libyusuan.
 *
 * Every finding's message, and many labels made for checks that find
 * nothing, go through a printf-style format; the C library's vsnprintf
 * sets up its general machinery (locale, wide streams, every conversion)
 * for each, which costs more than the text it writes.  These functions
 * write the conversions the library uses themselves (%s, %.*s, %d, %ld,
 * %u, %zu, %%: no flags, width or other precision) and hand any other
 * format to vsnprintf whole, so the result is always what snprintf gives.
 */
#ifndef YS_FORMAT_H
#define YS_FORMAT_H

#include <stdarg.h>
#include <stddef.h>

/* As vsnprintf: writes at most cap bytes into buf (cut, NUL-terminated
 * when cap > 0) and returns the length the whole text has. */
int ys_vsnprintf(char *buf, size_t cap, const char *fmt, va_list ap);

/* As snprintf (see ys_vsnprintf). */
int ys_snprintf(char *buf, size_t cap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
