/*
 * readers/cells.c — owns the assembly of a document line from cell texts
 * and the white-space rule every reader shares (ys_cell_squeeze).
 * Promise: texts are copied; a line never holds trailing empty cells.
 */
#include "cells.h"

#include <stdlib.h>
#include <string.h>

void ys_cells_free(ys_cells *c)
{
    ys_buf_free(&c->text);
    free(c->off);
    memset(c, 0, sizeof *c);
}

void ys_cells_clear(ys_cells *c)
{
    c->text.n = 0;
    c->n = 0;
}

static int reserve(ys_cells *c)
{
    if (c->n + 2 > c->cap) {
        int cap = c->cap ? c->cap * 2 : 32;
        size_t *v = realloc(c->off, (size_t)cap * sizeof *v);
        if (!v) {
            c->oom = 1;
            return 0;
        }
        c->off = v;
        c->cap = cap;
    }
    return 1;
}

void ys_cells_add(ys_cells *c, const char *s, size_t n)
{
    if (!reserve(c))
        return;
    if (n == (size_t)-1)
        n = strlen(s);
    c->off[c->n++] = c->text.n;
    ys_cell_squeeze(&c->text, s, n);
    c->off[c->n] = c->text.n;
}

void ys_cells_add_empty(ys_cells *c, int k)
{
    for (int i = 0; i < k; i++)
        ys_cells_add(c, "", 0);
}

int ys_cells_filled(const ys_cells *c)
{
    int k = 0;
    for (int i = 0; i < c->n; i++)
        k += c->off[i + 1] > c->off[i];
    return k;
}

int ys_cells_emit(ys_cells *c, ys_doc *d, int no, int page, const char *where,
                  int is_row)
{
    if (c->oom || c->text.oom)
        return YS_ENOMEM;
    int keep = c->n;
    while (keep > 0 && c->off[keep] == c->off[keep - 1])
        keep--;
    if (keep == 0) {
        ys_cells_clear(c);
        return YS_OK;
    }
    const char **cells = malloc(sizeof *cells * (size_t)keep);
    size_t *lens = malloc(sizeof *lens * (size_t)keep);
    int rc = YS_ENOMEM;
    if (cells && lens) {
        const char *base = c->text.p ? c->text.p : "";
        for (int i = 0; i < keep; i++) {
            cells[i] = base + c->off[i];
            lens[i] = c->off[i + 1] - c->off[i];
        }
        if (is_row < 0)
            is_row = keep > 1;
        rc = ys_doc_add(d, no, page, where, is_row, cells, lens, keep);
    }
    free(cells);
    free(lens);
    ys_cells_clear(c);
    return rc;
}

/* Length of the white-space character at s (0 when none). */
static size_t space_at(const unsigned char *s, size_t n)
{
    if (s[0] == ' ' || s[0] == '\t' || s[0] == '\n' || s[0] == '\r' || s[0] == '\f' ||
        s[0] == '\v')
        return 1;
    if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0)
        return 2;
    if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80)
        return 3;
    return 0;
}

void ys_cell_squeeze(ys_buf *out, const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t i = 0, start = out->n;
    int prev_wide = 0, pending = 0;
    while (i < n) {
        size_t w = space_at(u + i, n - i);
        if (w) {
            pending = 1;
            i += w;
            continue;
        }
        int wide = u[i] >= 0x80;
        if (pending && out->n > start && !(prev_wide && wide))
            ys_buf_put(out, " ", 1);
        pending = 0;
        size_t j = i + 1;
        while (j < n && (u[j] & 0xC0) == 0x80)
            j++;
        ys_buf_put(out, s + i, j - i);
        prev_wide = wide;
        i = j;
    }
}
