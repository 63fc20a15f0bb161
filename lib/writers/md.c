/*
 * writers/md.c — Markdown: the outline as headings, paragraphs and pipe
 * tables (the header rows of the form become the first rows of the table,
 * merged cells repeated blank).  Promise: a `|` in a cell is escaped and a
 * newline becomes <br>, so every row has exactly the grid's width of cells.
 */
#include "yusuan/writer.h"
#include "writers/layout.h"

static void put_cell(ys_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            ys_buf_puts(b, "\\|");
        else if (*s == '\n')
            ys_buf_puts(b, "<br>");
        else if (*s != '\r')
            ys_buf_put(b, s, 1);
    }
}

static void put_row(ys_buf *b, const ys_grid *g, size_t r)
{
    ys_buf_puts(b, "|");
    for (int c = 0; c < g->width; c++) {
        ys_buf_puts(b, " ");
        put_cell(b, ys_grid_at(g, r, c)->text);
        ys_buf_puts(b, " |");
    }
    ys_buf_puts(b, "\n");
}

static void put_grid(ys_buf *b, const ys_grid *g)
{
    size_t first = g->hrows > 0 ? 1 : 0;
    if (g->hrows > 0)
        put_row(b, g, 0);
    else {
        /* a form has no header row: Markdown still wants one */
        ys_buf_puts(b, "|");
        for (int c = 0; c < g->width; c++)
            ys_buf_puts(b, "   |");
        ys_buf_puts(b, "\n");
    }
    ys_buf_puts(b, "|");
    for (int c = 0; c < g->width; c++) {
        /* figures align right; so does a figure column left all blank */
        bool num = false, text = false;
        for (size_t r = (size_t)g->hrows; r < g->nrows; r++) {
            const ys_gcell *x = ys_grid_at(g, r, c);
            num |= x->num;
            text |= !x->num && *x->text;
        }
        ys_buf_puts(b, num || (!text && g->hrows > 0) ? " ---: |" : " --- |");
    }
    ys_buf_puts(b, "\n");
    for (size_t r = first; r < g->nrows; r++)
        put_row(b, g, r);
    ys_buf_puts(b, "\n");
}

static void put_text(ys_buf *b, const char *prefix, const char *text)
{
    ys_buf_puts(b, prefix);
    for (const char *s = text; *s; s++)
        ys_buf_put(b, *s == '\n' ? " " : s, 1);
    ys_buf_puts(b, "\n\n");
}

static void put_bold(ys_buf *b, const char *text)
{
    ys_buf_puts(b, "**");
    for (const char *s = text; *s; s++)
        ys_buf_put(b, *s == '\n' ? " " : s, 1);
    ys_buf_puts(b, "**\n\n");
}

int ys_write_md(const ys_tableset *ts, ys_buf *b)
{
    ys_outline o;
    if (ys_outline_build(ts, false, &o) != YS_OK)
        return YS_ENOMEM;
    for (size_t i = 0; i < o.n; i++) {
        const ys_block *k = &o.b[i];
        switch (k->kind) {
        case YS_B_TITLE: put_text(b, "# ", k->text); break;
        case YS_B_PART: put_text(b, "## ", k->text); break;
        case YS_B_HEADING: put_text(b, "### ", k->text); break;
        case YS_B_SUBHEADING: put_text(b, "#### ", k->text); break;
        case YS_B_LABEL:
        case YS_B_TTITLE: put_bold(b, k->text); break;
        case YS_B_GRID: put_grid(b, k->grid); break;
        default: put_text(b, "", k->text); break;
        }
    }
    ys_outline_free(&o);
    return b->oom ? YS_ENOMEM : YS_OK;
}
