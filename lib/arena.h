/*
 * arena.h — bump allocator for per-document strings and small objects.
 * Internal to libyusuan.  Everything allocated from an arena is freed with
 * it; there is no per-object free.  Allocation failure returns NULL.
 */
#ifndef YS_ARENA_H
#define YS_ARENA_H

#include <stddef.h>

typedef struct ys_arena ys_arena;

ys_arena *ys_arena_new(void);
void ys_arena_free(ys_arena *a);
void *ys_arena_alloc(ys_arena *a, size_t n);          /* 8-byte aligned */
char *ys_arena_strndup(ys_arena *a, const char *s, size_t n);

#endif
