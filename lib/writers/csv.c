/*
 * writers/csv.c — one CSV per table: UTF-8 with a BOM (so that Excel reads
 * the Chinese), a header row of Chinese column labels, then one line per
 * row of the set: code, name (and 项目单位 for table 10), figures.
 * Promise: fields are quoted by ys_buf_csv; figures are ys_amount_format of
 * the exact 分 value with two decimals, blanks stay empty; lines end CRLF.
 */
#include <stdio.h>
#include <string.h>

#include "yusuan/writer.h"
#include "writers/layout.h"

static bool has_extra(const ys_table *t)
{
    if (ys_table_lead(t) == 3)
        return true;
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].extra && *t->rows[i].extra)
            return true;
    return false;
}

static void put_figure(ys_buf *b, const ys_table *t, int c, ys_amount a)
{
    char buf[64];
    ys_cell_shown(t, c, a, false, buf, sizeof buf);
    ys_buf_puts(b, buf);
}

int ys_write_csv_table(const ys_tableset *ts, const ys_table *t, ys_buf *b)
{
    (void)ts;
    bool extra = has_extra(t);
    ys_buf_puts(b, "\xEF\xBB\xBF");
    ys_buf_puts(b, "编码,名称");
    if (extra)
        ys_buf_puts(b, strcmp(t->id, "10") == 0 ? ",项目单位" : ",类别");
    for (int c = 0; c < t->ncols; c++) {
        ys_buf_puts(b, ",");
        char label[160];
        snprintf(label, sizeof label, "%s（%s）", ys_col_label(t, c),
                 strcmp(t->cols[c], "share") == 0 ? "%"
                 : strcmp(t->cols[c], "qty") == 0 ? "个"
                                                   : ys_unit_name(t->unit));
        ys_buf_csv(b, label);
    }
    ys_buf_puts(b, "\r\n");
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *r = &t->rows[i];
        ys_buf_csv(b, r->code);
        ys_buf_puts(b, ",");
        ys_buf_csv(b, r->name);
        if (extra) {
            ys_buf_puts(b, ",");
            ys_buf_csv(b, r->extra ? r->extra : "");
        }
        for (int c = 0; c < t->ncols; c++) {
            ys_buf_puts(b, ",");
            put_figure(b, t, c, r->cells[c].v);
        }
        ys_buf_puts(b, "\r\n");
    }
    return b->oom ? YS_ENOMEM : YS_OK;
}
