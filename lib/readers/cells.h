/*
 * readers/cells.h — building one ys_doc line of cells, shared by the
 * readers.  Internal to libyusuan.
 *
 * A ys_cells collects the text of the cells of one line (each cell's white
 * space squeezed as in ys_cell_squeeze) and hands them to ys_doc_add.
 */
#ifndef YS_READERS_CELLS_H
#define YS_READERS_CELLS_H

#include <stddef.h>
#include "yusuan/doc.h"
#include "yusuan/fileio.h"

typedef struct ys_cells {
    ys_buf text;       /* all cell texts, back to back */
    size_t *off;       /* start of cell i in text; cell i ends at off[i+1] */
    int n, cap;
    int oom;
} ys_cells;

void ys_cells_free(ys_cells *c);
void ys_cells_clear(ys_cells *c);

/* Append one cell with s[0..n) squeezed; n = (size_t)-1 means strlen. */
void ys_cells_add(ys_cells *c, const char *s, size_t n);
/* Append k empty cells (spanned columns). */
void ys_cells_add_empty(ys_cells *c, int k);

/* Number of cells with text in them. */
int ys_cells_filled(const ys_cells *c);

/*
 * Add the line to d, dropping trailing empty cells; lines with no text
 * are skipped.  is_row: 1 table row, 0 paragraph, -1 decide (row when
 * more than one cell remains).  Returns YS_OK or YS_ENOMEM.
 */
int ys_cells_emit(ys_cells *c, ys_doc *d, int no, int page, const char *where,
                  int is_row);

/*
 * Squeeze the white space of s[0..n) into out: runs of blanks, tabs,
 * newlines, U+3000 and U+00A0 become one space, or nothing where they
 * separate two non-ASCII characters (Chinese text wrapped inside a cell
 * has no space in it); both ends trimmed.
 */
void ys_cell_squeeze(ys_buf *out, const char *s, size_t n);

#endif
