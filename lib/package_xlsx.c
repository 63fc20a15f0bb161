/*
 * package_xlsx.c — the sheets of a budget package kept as one .xlsx
 * workbook (read through lib/ooxml.h) as generic sheets (lib/package.h).
 * Owns: which row is the header, how a cell's stored text becomes a field.
 * Promise: numbers are taken as the decimal text stored in the file, never
 * through a double; binary noise of spreadsheet programs ("1234.5000000001")
 * is cut back to two decimals by decimal rounding of the text; errors name
 * BOOK.xlsx and SHEET!CELL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "ooxml.h"
#include "package.h"
#include "text.h"
#include "yusuan/fileio.h"

/* "1234.5000000001" → "1234.50": decimal rounding of a long fraction. */
static const char *tidy_number(ys_arena *a, const char *t)
{
    const char *dot = strchr(t, '.');
    if (!dot || strlen(dot + 1) <= 6 || strpbrk(t, "eE"))
        return t;
    size_t ip = (size_t)(dot - t);
    char buf[64];
    if (ip + 4 >= sizeof buf)
        return t;
    memcpy(buf, t, ip);
    buf[ip] = '.';
    buf[ip + 1] = dot[1];
    buf[ip + 2] = dot[2];
    buf[ip + 3] = 0;
    if (dot[3] >= '5') {   /* carry upwards through the digits */
        int k = (int)ip + 2;
        for (; k >= 0; k--) {
            if (buf[k] == '.')
                continue;
            if (buf[k] < '0' || buf[k] > '9')
                break;
            if (buf[k] < '9') {
                buf[k]++;
                break;
            }
            buf[k] = '0';
        }
        if (k < 0 || buf[k] < '0' || buf[k] > '9') {   /* 99.999 → 100.00 */
            size_t off = k < 0 ? 0 : (size_t)k + 1;
            memmove(buf + off + 1, buf + off, strlen(buf + off) + 1);
            buf[off] = '1';
        }
    }
    return ys_arena_strndup(a, buf, strlen(buf));
}

static const char *field(ys_arena *a, const ys_xlsx_cell *c)
{
    if (!c)
        return "";
    size_t n = strlen(c->text);
    const char *t = ys_trim(c->text, &n);
    const char *s = ys_arena_strndup(a, t, n);
    return s && c->type == YS_XLSX_NUMBER ? tidy_number(a, s) : s;
}

static bool blank_row(const ys_xlsx_row *r)
{
    for (int i = 0; i < r->ncells; i++)
        if (r->cells[i].text[0])
            return false;
    return true;
}

static int take_sheet(ys_package *p, const ys_xlsx_sheet *xs, ys_sheet *sh)
{
    ys_arena *a = p->arena;
    memset(sh, 0, sizeof *sh);
    sh->file = p->path;
    int r0 = 0;
    while (r0 < xs->nrows && blank_row(&xs->rows[r0]))
        r0++;
    if (r0 == xs->nrows)
        return YS_EINPUT;
    const ys_xlsx_row *h = &xs->rows[r0];
    int ncols = 0;
    for (int i = 0; i < h->ncells; i++)
        if (h->cells[i].text[0] && h->cells[i].col + 1 > ncols)
            ncols = h->cells[i].col + 1;
    sh->ncols = ncols;
    sh->cols = ys_arena_alloc(a, (size_t)(ncols ? ncols : 1) * sizeof *sh->cols);
    sh->rows = ys_arena_alloc(a, (size_t)(xs->nrows + 1) * sizeof *sh->rows);
    if (!sh->cols || !sh->rows)
        return YS_ENOMEM;
    for (int c = 0; c < ncols; c++)
        sh->cols[c] = field(a, ys_xlsx_sheet_cell(xs, h->row, c));
    for (int i = r0 + 1; i < xs->nrows; i++) {
        const ys_xlsx_row *r = &xs->rows[i];
        if (blank_row(r))
            continue;
        const char **cells = ys_arena_alloc(a, (size_t)(ncols ? ncols : 1) * sizeof *cells);
        if (!cells)
            return YS_ENOMEM;
        for (int c = 0; c < ncols; c++)
            cells[c] = field(a, ys_xlsx_sheet_cell(xs, r->row, c));
        sh->rows[sh->nrows].line = r->row;
        sh->rows[sh->nrows].cells = cells;
        sh->nrows++;
    }
    return YS_OK;
}

int ys_pkg_read_xlsx(ys_package *p, ys_sheet sh[YS_SH_COUNT], bool present[YS_SH_COUNT],
                     ys_error *err)
{
    FILE *f = fopen(p->path, "rb");
    if (!f)
        return ys_error_set(err, YS_EIO, p->path, 0, "无法打开");
    ys_buf b = {0};
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        ys_buf_put(&b, chunk, k);
    fclose(f);
    if (b.oom) {
        ys_buf_free(&b);
        return ys_error_set(err, YS_ENOMEM, p->path, 0, "内存不足");
    }
    ys_xlsx *x = NULL;
    int rc = ys_xlsx_open(p->path, (const unsigned char *)(b.p ? b.p : ""), b.n, &x, err);
    for (int s = 0; s < YS_SH_COUNT && rc == YS_OK; s++) {
        int i = ys_xlsx_sheet_index(x, ys_pkg_sheet_names[s]);
        if (i < 0)
            continue;
        ys_xlsx_sheet *xs = NULL;
        rc = ys_xlsx_read_sheet(x, i, &xs, err);
        if (rc == YS_OK) {
            rc = take_sheet(p, xs, &sh[s]);
            if (rc == YS_EINPUT)
                ys_error_setw(err, rc, p->path, ys_pkg_sheet_names[s], "工作表为空：缺少表头行");
            else if (rc != YS_OK)
                ys_error_set(err, rc, p->path, 0, "内存不足");
            present[s] = rc == YS_OK;
        }
        ys_xlsx_sheet_free(xs);
    }
    ys_xlsx_free(x);
    ys_buf_free(&b);
    return rc;
}
