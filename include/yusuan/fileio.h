/*
 * yusuan/fileio.h — writing output files so that an interrupted run
 * leaves the old file or the new one, never half of one: data goes to a
 * temporary name in the same folder, is flushed, then renamed.
 */
#ifndef YUSUAN_FILEIO_H
#define YUSUAN_FILEIO_H

#include <stddef.h>
#include "yusuan/error.h"

/* Write len bytes to path atomically.  Returns YS_OK or YS_EIO (err set). */
int ys_write_atomic(const char *path, const void *data, size_t len, ys_error *err);

/* A growable byte buffer for writers. Free with ys_buf_free. */
typedef struct ys_buf { char *p; size_t n, cap; int oom; } ys_buf;
void ys_buf_free(ys_buf *b);
void ys_buf_put(ys_buf *b, const char *s, size_t n);
void ys_buf_puts(ys_buf *b, const char *s);
void ys_buf_printf(ys_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append s with &<>"' escaped for HTML text and attributes. */
void ys_buf_html(ys_buf *b, const char *s);
/* Append s as the inside of a JSON string (quotes not added). */
void ys_buf_json(ys_buf *b, const char *s);
/* Append s as one CSV field (quoted when needed). */
void ys_buf_csv(ys_buf *b, const char *s);

#endif
