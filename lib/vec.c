/*
 * vec.c — doubling growth for the library's vectors (see vec.h).
 * Promise: on failure nothing changes; on success the new slots are NOT
 * zeroed: capacity reserved ahead is never touched (no page faults for room
 * that stays unused), and each caller sets the item it hands out.
 */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>

int ys_vec_reserve(void *vp, size_t *cap, size_t n, size_t size, size_t first_cap)
{
    void **v = vp;
    if (n < *cap)
        return 0;
    size_t nc = *cap ? *cap * 2 : first_cap;
    if (nc <= n)
        nc = n + 1;
    if (nc > SIZE_MAX / size)
        return -1;
    void *nv = realloc(*v, nc * size);
    if (!nv)
        return -1;
    *v = nv;
    *cap = nc;
    return 0;
}
