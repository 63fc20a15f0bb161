/*
 * embedded.h — data files (data/profiles/…) compiled into the library.
 * Internal.  Returns the bytes of `name` (relative to data/) or NULL.
 */
#ifndef YS_EMBEDDED_H
#define YS_EMBEDDED_H
#include <stddef.h>
const char *ys_embedded_get(const char *name, size_t *len);
/* i-th embedded file name, NULL past the end. */
const char *ys_embedded_name(int i);
#endif
