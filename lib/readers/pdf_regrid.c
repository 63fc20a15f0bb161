/*
 * readers/pdf_regrid.c — owns the header lines a page ended with, laid
 * again in the columns the next page shows.  A table's header cut by a
 * page break ("近两年指标值" spanning 前年 and 上年 at the foot, "前年 │
 * 上年" at the top) was emitted in the columns its part on that page
 * showed, one fewer than the table has; the rows below it are cut into
 * all of them (pdf_block.c), so the header's cells would stand a column
 * left of the figures they name.  Its lines get an empty cell at each
 * column the next page adds.
 * Promise: only the cells of rows of the header's lines change (each
 * keeps its texts, in order); lines are left as they were when the
 * columns are not the carried ones plus new ones; nothing fails but
 * allocation.
 */
#include "pdf_page.h"

#include "arena.h"

/* Into map[i], the index in c (nc columns) of the one column overlapping
 * carried column top[i], for each of the ntop; returns 0 when one
 * overlaps none or several, or two share one (not the carried columns
 * with new ones among them). */
static int map_columns(const pdf_col *top, int ntop, const pdf_col *c, int nc, int *map)
{
    for (int i = 0; i < ntop; i++) {
        map[i] = -1;
        for (int j = 0; j < nc; j++) {
            if (!(c[j].x1 > top[i].x0 && c[j].x0 < top[i].x1))
                continue;
            if (map[i] >= 0)
                return 0;
            map[i] = j;
        }
        if (map[i] < 0 || (i > 0 && map[i] <= map[i - 1]))
            return 0;
    }
    return 1;
}

/* Lay line ln's cells at map[] (its cells are ncells of the carried
 * columns), the columns between them empty. */
static int relay_line(ys_doc *d, ys_line *ln, const int *map, char *empty)
{
    int n = map[ln->ncells - 1] + 1;
    char **cells = ys_arena_alloc(d->arena, sizeof *cells * (size_t)n);
    if (!cells)
        return YS_ENOMEM;
    for (int j = 0; j < n; j++)
        cells[j] = empty;
    for (int i = 0; i < ln->ncells; i++)
        cells[map[i]] = ln->cells[i];
    ln->cells = cells;
    ln->ncells = n;
    return YS_OK;
}

int pdf_regrid_header(page *p, const pdf_col *c, int nc)
{
    int map[PDF_MAX_COLS];
    ys_doc *d = p->d;
    if (!p->top_header || p->top_line >= d->nlines || nc <= p->ntop ||
        !map_columns(p->top, p->ntop, c, nc, map))
        return YS_OK;
    for (size_t l = p->top_line; l < d->nlines; l++)
        if (d->lines[l].page != p->pageno - 1 || !d->lines[l].is_row ||
            d->lines[l].ncells > p->ntop)
            return YS_OK;   /* not the header's lines alone */
    char *empty = ys_doc_strdup(d, "", 0);
    if (!empty)
        return YS_ENOMEM;
    for (size_t l = p->top_line; l < d->nlines; l++)
        if (d->lines[l].ncells > 0 && relay_line(d, &d->lines[l], map, empty) != YS_OK)
            return YS_ENOMEM;
    return YS_OK;
}
