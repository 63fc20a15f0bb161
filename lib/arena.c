/*
 * arena.c — owns blocks of memory handed out in order and freed together.
 * Promise: pointers stay valid until ys_arena_free; alignment 8.
 */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct block {
    struct block *next;
    size_t used, cap;
    _Alignas(8) unsigned char data[];
};

struct ys_arena {
    struct block *head;
};

ys_arena *ys_arena_new(void) { return calloc(1, sizeof(ys_arena)); }

void ys_arena_free(ys_arena *a)
{
    if (!a)
        return;
    for (struct block *b = a->head, *n; b; b = n) {
        n = b->next;
        free(b);
    }
    free(a);
}

void *ys_arena_alloc(ys_arena *a, size_t n)
{
    n = (n + 7) & ~(size_t)7;
    struct block *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = n > 32768 ? n : 32768;
        struct block *nb = malloc(sizeof *nb + cap);
        if (!nb)
            return NULL;
        nb->used = 0;
        nb->cap = cap;
        /* Keep the block with more room at the head. */
        if (b && n > 32768) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            a->head = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += n;
    return p;
}

char *ys_arena_strndup(ys_arena *a, const char *s, size_t n)
{
    char *p = ys_arena_alloc(a, n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}
