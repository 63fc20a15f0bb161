/*
 * writers/txt.c — the tab-separated text layout of the reference document:
 * one paragraph per line with a blank line after it, each table row one
 * line of tab-separated cells (header cells at the top-left of their merge,
 * empty cells empty), amounts with two decimals and no grouping.
 * Promise: `yusuan audit` reads this back to the same cells.
 */
#include "yusuan/writer.h"
#include "writers/layout.h"

static void put_line(ys_buf *b, const char *text)
{
    for (const char *s = text; *s; s++)
        ys_buf_put(b, (*s == '\n' || *s == '\r' || *s == '\t') ? " " : s, 1);
    ys_buf_puts(b, "\n\n");
}

static void put_grid(ys_buf *b, const ys_grid *g)
{
    for (size_t r = 0; r < g->nrows; r++) {
        if (g->gap[r] && r > 0)
            ys_buf_puts(b, "\n");
        ys_buf_cells_tsv(b, g, r);
    }
    ys_buf_puts(b, "\n");
}

int ys_write_txt(const ys_tableset *ts, ys_buf *b)
{
    ys_outline o;
    if (ys_outline_build(ts, false, &o) != YS_OK)
        return YS_ENOMEM;
    for (size_t i = 0; i < o.n; i++) {
        const ys_block *k = &o.b[i];
        if (k->kind == YS_B_GRID)
            put_grid(b, k->grid);
        else
            put_line(b, k->text);
    }
    ys_outline_free(&o);
    return b->oom ? YS_ENOMEM : YS_OK;
}
