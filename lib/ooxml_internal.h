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
};

#endif
