/*
 * vec.h — growing a vector by doubling, the one way the library does it.
 * Internal.  ys_vec_reserve makes room for one more item at index n:
 * returns 0 (and *v, *cap updated; new slots uninitialised: the caller
 * sets each item it hands out) or -1 when out of
 * memory (then *v and *cap are unchanged and still valid).
 */
#ifndef YS_VEC_H
#define YS_VEC_H

#include <stddef.h>

int ys_vec_reserve(void *v, size_t *cap, size_t n, size_t size, size_t first_cap);

#endif
