/*
 * vec.c — doubling growth for the library's vectors (see vec.h).
 * Promise: on failure nothing changes; on success slots [old cap, new cap)
 * are zeroed so callers may rely on fresh items starting at zero.
 */
#include "vec.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
    memset((char *)nv + *cap * size, 0, (nc - *cap) * size);
    *v = nv;
    *cap = nc;
    return 0;
}
