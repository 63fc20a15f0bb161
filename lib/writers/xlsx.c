/*
 * writers/xlsx.c — an XLSX workbook (libxlsxwriter) with one sheet per
 * table, named 表1 … 表10, 表11, 表12-1 …, laid out like the published
 * forms: the title merged across the table, the 部门 / 单位 line, header
 * cells merged as in the forms, amounts as numbers with format #,##0.00,
 * column widths fitted to their text.  libxlsxwriter is reached through
 * xlsxwriter_dl.h's table, opened on the first workbook (start-up cost).
 * Promise: the file appears at `path` complete or not at all (written to a
 * temporary name, then renamed); a number cell holds the 万元 (or 元) value
 * of the cell's exact 分 amount.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "yusuan/writer.h"
#include "writers/layout.h"
#include "xlsxwriter_dl.h"

/* The library's table and the workbook's cell formats. */
typedef struct fmts {
    const xwdl_api *W;
    lxw_format *title, *meta, *head, *text, *num, *pct;
} fmts;

static lxw_format *cell_format(const xwdl_api *W, lxw_workbook *wb, bool border)
{
    lxw_format *f = W->workbook_add_format(wb);
    if (f && border)
        W->format_set_border(f, LXW_BORDER_THIN);
    if (f)
        W->format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

static int make_formats(lxw_workbook *wb, fmts *f)
{
    const xwdl_api *W = f->W;
    f->title = cell_format(W, wb, false);
    f->meta = cell_format(W, wb, false);
    f->head = cell_format(W, wb, true);
    f->text = cell_format(W, wb, true);
    f->num = cell_format(W, wb, true);
    f->pct = cell_format(W, wb, true);
    if (!f->title || !f->meta || !f->head || !f->text || !f->num || !f->pct)
        return -1;
    W->format_set_bold(f->title);
    W->format_set_font_size(f->title, 14);
    W->format_set_align(f->title, LXW_ALIGN_CENTER);
    W->format_set_bold(f->head);
    W->format_set_align(f->head, LXW_ALIGN_CENTER);
    W->format_set_text_wrap(f->head);
    W->format_set_bg_color(f->head, 0xE8EEF7);
    W->format_set_text_wrap(f->text);
    /* a printed label keeps a gap after the amount right-aligned before it */
    W->format_set_indent(f->text, 1);
    W->format_set_num_format(f->num, "#,##0.00");
    W->format_set_num_format(f->pct, "0.00\"%\"");
    return 0;
}

/* Display width of UTF-8 text: a CJK character counts two columns. */
static double text_width(const char *s)
{
    double w = 0;
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x80)
            w += 1;
        else if (c >= 0xC0)
            w += 2;
    }
    return w;
}

/*
 * The one place money leaves integers: libxlsxwriter stores numbers as
 * double, so the exact 分 value is first formatted as its decimal 万元 figure
 * (ys_amount_format, half-up to the cent of the unit) and only that string is
 * converted with strtod.  Nothing is computed on the double.
 */
static double cell_number(const ys_gcell *x, ys_unit unit)
{
    char buf[48];
    if (x->pct) {
        /* stored as 36.15 shown "36.15%" (a literal sign, not Excel's ×100), so
         * that a reader taking the cell's value gets the percentage written */
        ys_pct_format(x->fen, 2, buf, sizeof buf);
        return strtod(buf, NULL);
    }
    ys_amount_format(x->fen, unit, 2, false, buf, sizeof buf);
    return strtod(buf, NULL);
}

static void put_cell(lxw_worksheet *ws, const fmts *f, lxw_row_t row, int c,
                     const ys_gcell *x, bool head, ys_unit unit)
{
    const xwdl_api *W = f->W;
    lxw_format *fm = head ? f->head : f->text;
    if (!head && x->num) {
        W->worksheet_write_number(ws, row, (lxw_col_t)c, cell_number(x, unit),
                               x->pct ? f->pct : f->num);
        return;
    }
    if (x->colspan > 1 || x->rowspan > 1)
        W->worksheet_merge_range(ws, row, (lxw_col_t)c, row + (lxw_row_t)x->rowspan - 1,
                              (lxw_col_t)(c + x->colspan - 1), x->text, fm);
    else if (*x->text)
        W->worksheet_write_string(ws, row, (lxw_col_t)c, x->text, fm);
    else
        W->worksheet_write_blank(ws, row, (lxw_col_t)c, fm);
}

/* Returns 0, or -1 when no sheet could be added. */
static int put_sheet(lxw_workbook *wb, const fmts *f, const ys_tableset *ts,
                     const ys_block *k, const char *note, size_t index)
{
    const xwdl_api *W = f->W;
    lxw_worksheet *ws = W->workbook_add_worksheet(wb, k->sheet);
    if (!ws) {
        /* a repeated table id gives a repeated name: number the sheet instead */
        char alt[32];
        snprintf(alt, sizeof alt, "表%zu", index + 1);
        ws = W->workbook_add_worksheet(wb, alt);
    }
    if (!ws)
        return -1;
    const ys_grid *g = k->grid;
    ys_unit unit = k->table ? k->table->unit : ts->unit;
    lxw_col_t last = (lxw_col_t)(g->width - 1);
    if (last > 0)
        W->worksheet_merge_range(ws, 0, 0, 0, last, k->text, f->title);
    else
        W->worksheet_write_string(ws, 0, 0, k->text, f->title);
    char dept[1024], un[64];
    snprintf(dept, sizeof dept, "部门：%s", ys_dept_name(ts));
    snprintf(un, sizeof un, "单位：%s", ys_unit_name(unit));
    W->worksheet_write_string(ws, 1, 0, dept, f->meta);
    /* the unit on a row of its own: next to the department name it would
       clip the name's end where the name is wider than its column */
    W->worksheet_write_string(ws, 2, last, un, f->meta);
    lxw_row_t top = 3;
    double width[64] = {0};
    for (size_t r = 0; r < g->nrows; r++) {
        for (int c = 0; c < g->width; c++) {
            const ys_gcell *x = ys_grid_at(g, r, c);
            if (x->colspan == 0)
                continue;
            put_cell(ws, f, top + (lxw_row_t)r, c, x, r < (size_t)g->hrows, unit);
            if (c < 64 && x->colspan == 1 && text_width(x->text) > width[c])
                width[c] = text_width(x->text);
        }
    }
    for (int c = 0; c < g->width && c < 64; c++) {
        double w = width[c] + 2;
        W->worksheet_set_column(ws, (lxw_col_t)c, (lxw_col_t)c, w < 8 ? 8 : w > 48 ? 48 : w,
                                NULL);
    }
    if (note)
        W->worksheet_write_string(ws, top + (lxw_row_t)g->nrows + 1, 0, note, f->meta);
    /* printed (or saved as PDF): a table one page wide, so no row is cut
       from its figures by a page break between columns */
    W->worksheet_set_paper(ws, 9); /* A4 */
    if (g->width > 4)
        W->worksheet_set_landscape(ws);
    W->worksheet_fit_to_pages(ws, 1, 0);
    return 0;
}

static int write_book(const xwdl_api *W, const ys_tableset *ts, const char *tmp, ys_error *err)
{
    fmts f = {.W = W};
    ys_outline o;
    if (ys_outline_build(ts, false, &o) != YS_OK)
        return ys_error_set(err, YS_ENOMEM, tmp, 0, "内存不足");
    lxw_workbook *wb = W->workbook_new(tmp);
    if (!wb || make_formats(wb, &f) != 0) {
        if (wb)
            W->workbook_close(wb);
        ys_outline_free(&o);
        return ys_error_set(err, YS_EIO, tmp, 0, "无法创建 XLSX 文件");
    }
    size_t sheets = 0;
    int bad = 0;
    for (size_t i = 0; i < o.n && !bad; i++) {
        if (o.b[i].kind != YS_B_GRID)
            continue;
        const char *note = i + 1 < o.n && o.b[i + 1].kind == YS_B_NOTE ? o.b[i + 1].text : NULL;
        bad = put_sheet(wb, &f, ts, &o.b[i], note, sheets++) != 0;
    }
    if (!bad && sheets == 0) /* a workbook needs a sheet: say the set is empty */
        bad = !W->workbook_add_worksheet(wb, "表") ||
              W->worksheet_write_string(W->workbook_get_worksheet_by_name(wb, "表"), 0, 0,
                                        "（无表格）", NULL) != LXW_NO_ERROR;
    lxw_error e = W->workbook_close(wb);
    ys_outline_free(&o);
    if (bad)
        return ys_error_set(err, YS_EIO, tmp, 0, "无法为表格建立工作表");
    if (e != LXW_NO_ERROR)
        return ys_error_set(err, YS_EIO, tmp, 0, "写入 XLSX 失败：%s", W->lxw_strerror(e));
    return YS_OK;
}

int ys_write_xlsx_file(const ys_tableset *ts, const char *path, ys_error *err)
{
    const xwdl_api *W = xwdl_get(path, err);
    if (!W)
        return YS_EUNSUPPORTED;
    size_t n = strlen(path) + 48;
    char *tmp = malloc(n);
    if (!tmp)
        return ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
    snprintf(tmp, n, "%s.tmp%ld.xlsx", path, (long)getpid());
    int rc = write_book(W, ts, tmp, err);
    if (rc == YS_OK && rename(tmp, path) != 0)
        rc = ys_error_set(err, YS_EIO, path, 0, "无法写入 XLSX 文件");
    if (rc != YS_OK)
        unlink(tmp);
    free(tmp);
    return rc;
}
