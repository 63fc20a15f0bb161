/*
 * readers/xlsx.c — XLSX workbooks as document lines: every worksheet in
 * workbook order, every row with text one line, cells laid out by column
 * (gaps filled with empty cells so columns stay aligned; the covered cells
 * of a merged range are empty, the value stays top-left).
 * Promise: no = ordinal of the line in the document, where = "Sheet!A7"
 * (the row's first column); numbers read as their number format shows
 * them ("2,877.94"), worked out from the decimal text of the file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/doc.h"
#include "../ooxml.h"
#include "cells.h"

/* A document past this many cells is refused rather than exhausting memory:
 * a few kilobytes of zip can name a cell at XFD1048576. */
#define MAX_DOC_CELLS (8u * 1024u * 1024u)

static int covered_by_merge(const ys_xlsx_sheet *s, int row, int col)
{
    for (int i = 0; i < s->nmerges; i++) {
        const ys_xlsx_merge *m = &s->merges[i];
        if (row >= m->row0 && row <= m->row1 && col >= m->col0 && col <= m->col1)
            return !(row == m->row0 && col == m->col0);
    }
    return 0;
}

/* Cells with text in row r (merged-over cells do not count). */
static int filled(const ys_xlsx_sheet *s, int r)
{
    int k = 0;
    for (int i = 0; i < s->rows[r].ncells; i++)
        k += s->rows[r].cells[i].text[0] &&
             !covered_by_merge(s, s->rows[r].row, s->rows[r].cells[i].col);
    return k;
}

/*
 * tab[r] = 1 when row r is a table row: it holds two or more cells, or it
 * belongs to a run of consecutive sheet rows (no blank row between) in
 * which some row does (a table's title, notes, section lines).  Other
 * one-cell rows are paragraphs (text set apart by blank rows).
 */
static void table_rows(const ys_xlsx_sheet *s, unsigned char *tab)
{
    for (int r = 0; r < s->nrows;) {
        int e = r + 1, multi = filled(s, r) > 1;
        while (e < s->nrows && s->rows[e].row == s->rows[e - 1].row + 1 && filled(s, e)) {
            multi |= filled(s, e) > 1;
            e++;
        }
        for (int k = r; k < e; k++)
            tab[k] = (unsigned char)multi;
        r = e;
    }
}

/* Merged ranges are looked up cell by cell: bound the work. */
#define MAX_MERGE_WORK 200000000.0

static int emit_sheet(ys_doc *d, const ys_xlsx_sheet *s, int *no, size_t *budget,
                      ys_cells *cells, ys_error *err)
{
    double ncells = 0;
    for (int r = 0; r < s->nrows; r++)
        ncells += s->rows[r].ncells;
    if (ncells * s->nmerges > MAX_MERGE_WORK)
        return ys_error_setw(err, YS_EINPUT, d->path, s->name,
                             "工作表“%s”的合并单元格过多（%d 处），拒绝读取", s->name, s->nmerges);
    unsigned char *tab = malloc(s->nrows > 0 ? (size_t)s->nrows : 1);
    if (!tab)
        return ys_error_set(err, YS_ENOMEM, d->path, 0, "内存不足");
    table_rows(s, tab);
    int rc = YS_OK;
    for (int r = 0; r < s->nrows && rc == YS_OK; r++) {
        const ys_xlsx_row *row = &s->rows[r];
        int last = -1;   /* last column with text */
        for (int k = 0; k < row->ncells; k++)
            if (row->cells[k].text[0] && !covered_by_merge(s, row->row, row->cells[k].col))
                last = row->cells[k].col;
        if (last < 0)
            continue;
        if ((size_t)last + 1 > *budget) {
            rc = ys_error_setw(err, YS_EINPUT, d->path, s->name,
                               "工作表“%s”过大（单元格超过 %u 个），拒绝读取",
                               s->name, MAX_DOC_CELLS);
            break;
        }
        *budget -= (size_t)last + 1;
        int col = 0;
        for (int k = 0; k < row->ncells && row->cells[k].col <= last; k++) {
            const ys_xlsx_cell *c = &row->cells[k];
            ys_cells_add_empty(cells, c->col - col);
            ys_cells_add(cells, covered_by_merge(s, row->row, c->col) ? "" : c->shown,
                         (size_t)-1);
            col = c->col + 1;
        }
        char where[128];
        snprintf(where, sizeof where, "%s!A%d", s->name, row->row);
        if (ys_cells_emit(cells, d, ++*no, 0, where, tab[r]) != YS_OK)
            rc = ys_error_set(err, YS_ENOMEM, d->path, 0, "内存不足");
    }
    free(tab);
    return rc;
}

int ys_read_xlsx(ys_doc *d, const unsigned char *buf, size_t n, ys_error *err)
{
    ys_xlsx *x;
    int rc = ys_xlsx_open(d->path, buf, n, &x, err);
    if (rc != YS_OK)
        return rc;
    ys_cells cells = {0};
    int no = 0;
    size_t budget = MAX_DOC_CELLS;
    for (int i = 0; i < ys_xlsx_nsheets(x) && rc == YS_OK; i++) {
        ys_xlsx_sheet *s = NULL;
        rc = ys_xlsx_read_sheet(x, i, &s, err);
        if (rc == YS_EUNSUPPORTED) {   /* a chart sheet: nothing to read */
            rc = YS_OK;
            continue;
        }
        if (rc == YS_OK)
            rc = emit_sheet(d, s, &no, &budget, &cells, err);
        ys_xlsx_sheet_free(s);
    }
    ys_cells_free(&cells);
    ys_xlsx_free(x);
    if (rc == YS_OK && no == 0)
        return ys_error_set(err, YS_EINPUT, d->path, 0, "工作簿中没有任何文字");
    return rc;
}
