/*
 * ooxml_internal.h — the workbook record shared by ooxml_xlsx.c (workbook,
 * relationships, shared strings) and ooxml_sheet.c (worksheets).
 * Internal to the ooxml module.
 */
#ifndef YS_OOXML_INTERNAL_H
#define YS_OOXML_INTERNAL_H

#include "ooxml.h"
#include "arena.h"

#define XLSX_MAX_ROW 1048576
#define XLSX_MAX_COL 16384

struct sheet_ref {
    char *name;
    char *rid;
    char *path;    /* resolved part name, NULL when not a worksheet */
};

struct ys_xlsx {
    char name[256];
    ys_zip *zip;
    ys_arena *arena;
    int nsheets, cap;
    struct sheet_ref *sheets;
    size_t nss, capss;
    char **ss;           /* shared strings */
    char *wb_path;       /* xl/workbook.xml */
    char *ss_path;       /* xl/sharedStrings.xml or NULL */
    int *xf_fmt;         /* numFmtId of each cell format (styles.xml cellXfs) */
    int nxf, capxf;
    int *fmt_id;         /* custom number formats (styles.xml numFmts) */
    char **fmt_code;
    int nfmts, capfmts;
};

/* Format code of cell format xf (custom or built-in numeric), or NULL. */
const char *ys_xlsx_format_code(const ys_xlsx *x, int xf);

/* num (tidy decimal text) as format `code` shows it; num itself when the
 * code is NULL or not a plain number format.  Result in arena a. */
const char *ys_xlsx_show_number(ys_arena *a, const char *num, const char *code);

/* Read xl/styles.xml (when present) into x->xf_fmt and x->fmt_*. */
int ys_xlsx_read_styles(ys_xlsx *x, const char *path, ys_error *err);

#endif
