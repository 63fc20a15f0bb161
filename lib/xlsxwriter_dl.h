/*
 * xlsxwriter_dl.h — libxlsxwriter, loaded when the first XLSX file is
 * written.
 *
 * Why: libxlsxwriter brings libminizip, and through it libcrypto and libz,
 * into the process; linked, they cost every run ~4.1 M instructions of
 * loading and initialisation (a bare program linked with it: 4.3 M against
 * 0.2 M without), although only the XLSX writers (writers/xlsx.c, the
 * evaluation report in eval_report.c) use them.  So the binary does not link
 * it: the writers reach it through this table, filled once by dynlib.h.
 * The header is still libxlsxwriter's, so each pointer has the exact
 * declared type.
 * Promise: as dynlib.h's — opened once, never closed, a failure is a
 * located error.
 */
#ifndef YS_XLSXWRITER_DL_H
#define YS_XLSXWRITER_DL_H

#include <xlsxwriter.h>

#include "yusuan/error.h"

/* Every function the XLSX writers call. */
#define XWDL_FUNCS(X)                      \
    X(workbook_new)                        \
    X(workbook_close)                      \
    X(workbook_add_format)                 \
    X(workbook_add_worksheet)              \
    X(workbook_get_worksheet_by_name)      \
    X(format_set_align)                    \
    X(format_set_bg_color)                 \
    X(format_set_bold)                     \
    X(format_set_border)                   \
    X(format_set_font_size)                \
    X(format_set_indent)                   \
    X(format_set_num_format)               \
    X(format_set_text_wrap)                \
    X(worksheet_write_string)              \
    X(worksheet_write_number)              \
    X(worksheet_write_blank)               \
    X(worksheet_merge_range)               \
    X(worksheet_set_column)                \
    X(worksheet_set_paper)                 \
    X(worksheet_set_landscape)             \
    X(worksheet_fit_to_pages)              \
    X(lxw_strerror)

typedef struct xwdl_api {
#define XWDL_MEMBER(name) __typeof__(&name) name;
    XWDL_FUNCS(XWDL_MEMBER)
#undef XWDL_MEMBER
} xwdl_api;

/* The table, loaded on the first call (thread-safe).  Returns NULL when
 * libxlsxwriter or one of its functions is missing, with err set to
 * YS_EUNSUPPORTED "无法加载 XLSX 写入库 libxlsxwriter…" located at path
 * (the file to be written).  The table is static: the caller never frees
 * it. */
const xwdl_api *xwdl_get(const char *path, ys_error *err);

#endif
