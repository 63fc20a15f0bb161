/*
 * yusuan/error.h — errors as values.
 *
 * Every library function that can fail returns an int status (YS_OK on
 * success) and, when given a non-NULL ys_error, fills it with a message and
 * the location of the fault in the input.  Nothing in libyusuan prints,
 * exits or aborts on bad input.
 *
 * OWNERSHIP (the one rule of the whole library): whoever creates an object
 * frees it with the matching ys_*_free(); every destructor accepts NULL.
 * Strings handed out by an object belong to that object and live as long as
 * it does.  Strings passed in are copied when kept.
 */
#ifndef YUSUAN_ERROR_H
#define YUSUAN_ERROR_H

#include <stdarg.h>

enum {
    YS_OK = 0,
    YS_EINPUT = 1,   /* the input is malformed or not what was expected */
    YS_EIO = 2,      /* a file could not be opened, read or written */
    YS_ENOMEM = 3,   /* out of memory */
    YS_EUNSUPPORTED = 4 /* a format or feature this build cannot handle */
};

typedef struct ys_error {
    int code;            /* one of the YS_E* values, YS_OK when unset */
    char file[256];      /* input file (may be empty) */
    int line;            /* 1-based line (or page for PDF), 0 if unknown */
    char where[64];      /* other location: "Sheet1!B7", "p3", "" */
    char msg[512];       /* Chinese or English message, without location */
} ys_error;

/* Fill err (if not NULL) and return code.  printf-style message. */
int ys_error_set(ys_error *err, int code, const char *file, int line,
                 const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* Same, with a free-form location such as "Sheet1!B7". */
int ys_error_setw(ys_error *err, int code, const char *file,
                  const char *where, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* "file:line: msg", "file:Sheet1!B7: msg" or "file: msg" into buf. */
void ys_error_format(const ys_error *err, char *buf, unsigned cap);

#endif
