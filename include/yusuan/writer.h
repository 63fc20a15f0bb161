/*
 * yusuan/writer.h — render a table set: txt in the published layout (which
 * `yusuan audit` reads back), Markdown, one self-contained HTML page with
 * SVG charts, XLSX (one sheet per table), CSV per table, JSON of the set.
 * Every text from the input is escaped for its format.
 */
#ifndef YUSUAN_WRITER_H
#define YUSUAN_WRITER_H

#include "yusuan/error.h"
#include "yusuan/fileio.h"
#include "yusuan/tableset.h"

enum {
    YS_OUT_TXT = 1 << 0,
    YS_OUT_MD = 1 << 1,
    YS_OUT_HTML = 1 << 2,
    YS_OUT_XLSX = 1 << 3,
    YS_OUT_CSV = 1 << 4,
    YS_OUT_JSON = 1 << 5,
    YS_OUT_ALL = 0x3f
};

/* Parse "txt,md,html" into YS_OUT_* bits; returns -1 on an unknown name. */
int ys_out_parse(const char *list);

/* In-memory renderers (append to b). */
int ys_write_txt(const ys_tableset *ts, ys_buf *b);
int ys_write_md(const ys_tableset *ts, ys_buf *b);
int ys_write_html(const ys_tableset *ts, ys_buf *b);
int ys_write_json(const ys_tableset *ts, ys_buf *b);
/* One CSV of table t. */
int ys_write_csv_table(const ys_tableset *ts, const ys_table *t, ys_buf *b);
/* XLSX straight to a file (libxlsxwriter writes files). */
int ys_write_xlsx_file(const ys_tableset *ts, const char *path, ys_error *err);

/*
 * Write every requested format into dir (created if missing) as
 * <base>.txt/.md/.html/.xlsx/.json and <base>-<table>.csv.  All files are
 * rendered first and then renamed into place: on error nothing is left.
 */
int ys_write_all(const ys_tableset *ts, const char *dir, const char *base,
                 unsigned formats, ys_error *err);

#endif
