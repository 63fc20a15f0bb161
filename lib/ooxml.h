/*
 * ooxml.h — Office Open XML plumbing shared by the DOCX and XLSX readers
 * and by budget packages kept as .xlsx.  Internal to libyusuan.
 *
 * Three layers, each usable on its own:
 *   - ys_zip:  a zip archive opened from memory (libzip); entries are read
 *              whole, with a size limit and a compression-ratio check so a
 *              zip bomb is refused instead of filling memory.
 *   - ys_xml:  an expat parse with no external entities, no DOCTYPE with
 *              entity declarations (XML bombs) and element names handed
 *              over without their namespace prefix ("w:tc" -> "tc").
 *   - ys_xlsx: a workbook: its sheets in workbook order, each read into
 *              rows of cells with A1 references; shared strings, inline
 *              strings and rich text are resolved; numbers are kept exactly
 *              as written in the file (the decimal string, never a double),
 *              and also as their number format shows them.
 *
 * Errors: every function returns YS_OK or a YS_E* status and fills the
 * ys_error with a Chinese message naming the file (the `name` given at open)
 * and, where known, the part or the sheet!cell.
 * Ownership: each object is freed with its own *_free/close (NULL is fine);
 * strings handed out live as long as the object that handed them out.
 */
#ifndef YS_OOXML_H
#define YS_OOXML_H

#include <stddef.h>
#include "yusuan/error.h"

/* ---- zip ------------------------------------------------------------- */

/* Largest uncompressed entry we read, and the largest believable ratio of
 * uncompressed to compressed size for entries over 1 MiB. */
#define YS_ZIP_MAX_ENTRY (200u * 1024u * 1024u)
#define YS_ZIP_MAX_RATIO 200u

typedef struct ys_zip ys_zip;

/* Open a zip held in buf[0..n) (not copied: buf must outlive the ys_zip).
 * Returns YS_OK and *out, or YS_EINPUT ("不是有效的 zip 文件…"). */
int ys_zip_open_mem(const char *name, const unsigned char *buf, size_t n,
                    ys_zip **out, ys_error *err);
void ys_zip_close(ys_zip *z);

/* 1 when the archive holds an entry of that exact name, else 0. */
int ys_zip_has(ys_zip *z, const char *entry);

/* Read a whole entry into a new NUL-terminated buffer (*data, caller
 * frees with free()), its length in *len.  Returns YS_OK, YS_EINPUT when
 * the entry is missing, corrupt, over the limits above, or YS_ENOMEM. */
int ys_zip_read(ys_zip *z, const char *entry, char **data, size_t *len,
                ys_error *err);

/* ---- xml ------------------------------------------------------------- */

/* Callbacks get element names without their namespace prefix ("w:tc" is
 * "tc"); attrs is expat's NULL-terminated name/value list with names as
 * written — look values up with ys_xml_attr(), which ignores prefixes.
 * start/end return YS_OK to go on; any other status stops the parse and
 * ys_xml_parse returns it (the callback fills the error through its ud;
 * if it did not, a generic message is set). */
typedef struct ys_xml_handlers {
    void *ud;
    int (*start)(void *ud, const char *name, const char **attrs);
    int (*end)(void *ud, const char *name);
    void (*text)(void *ud, const char *s, int len);
} ys_xml_handlers;

/* Parse xml[0..n).  `file` and `part` (e.g. "word/document.xml") are used
 * in messages; the parse error's line is put in err->line.  Returns YS_OK,
 * YS_EINPUT (not well-formed, DOCTYPE/entities, stopped by a callback) or
 * YS_ENOMEM. */
int ys_xml_parse(const char *file, const char *part, const char *xml, size_t n,
                 const ys_xml_handlers *h, ys_error *err);

/* Value of the attribute whose local name (prefix ignored) is `name`, or NULL. */
const char *ys_xml_attr(const char **attrs, const char *name);

/* ---- xlsx ------------------------------------------------------------ */

typedef enum ys_xlsx_type {
    YS_XLSX_EMPTY = 0,   /* a <c> with no value (styled blank) */
    YS_XLSX_NUMBER,      /* t="n" or no t: text is the decimal string as stored */
    YS_XLSX_STRING,      /* shared, inline or formula string */
    YS_XLSX_BOOL,        /* text "TRUE" / "FALSE" */
    YS_XLSX_ERROR        /* text like "#DIV/0!" */
} ys_xlsx_type;

typedef struct ys_xlsx_cell {
    int col;             /* 0-based column (A = 0) */
    const char *ref;     /* "B7" */
    const char *text;    /* never NULL; "" for empty; numbers as stored */
    ys_xlsx_type type;
    const char *shown;   /* never NULL: the text as the cell's number format
                            shows it ("2,877.94", "1438.00", "95%"); equals
                            text for strings and general formats */
} ys_xlsx_cell;

typedef struct ys_xlsx_row {
    int row;             /* 1-based row number as in the sheet */
    int ncells;          /* cells present in the file, ascending col */
    ys_xlsx_cell *cells;
} ys_xlsx_row;

typedef struct ys_xlsx_merge {
    int row0, col0, row1, col1;   /* inclusive, row 1-based, col 0-based */
} ys_xlsx_merge;

typedef struct ys_xlsx_sheet {
    const char *name;    /* sheet name as in the workbook */
    int nrows;           /* rows present in the file, ascending row */
    ys_xlsx_row *rows;
    int nmerges;
    ys_xlsx_merge *merges;
    struct ys_arena *arena;
} ys_xlsx_sheet;

typedef struct ys_xlsx ys_xlsx;

/* Open a workbook held in buf[0..n) (buf must outlive the ys_xlsx).
 * Reads the workbook, its relationships and the shared strings.  Returns
 * YS_OK and *out, or YS_EINPUT (not a zip, not a workbook, bad XML). */
int ys_xlsx_open(const char *name, const unsigned char *buf, size_t n,
                 ys_xlsx **out, ys_error *err);
void ys_xlsx_free(ys_xlsx *x);

/* Number of worksheets, and the name of sheet i (0-based, workbook order). */
int ys_xlsx_nsheets(const ys_xlsx *x);
const char *ys_xlsx_sheet_name(const ys_xlsx *x, int i);
/* Index of the sheet with that exact name, or -1. */
int ys_xlsx_sheet_index(const ys_xlsx *x, const char *name);

/* Read sheet i into *out (free with ys_xlsx_sheet_free).  Returns YS_OK,
 * YS_EINPUT (err->where = "Sheet!A7" of the bad cell when known) or
 * YS_ENOMEM. */
int ys_xlsx_read_sheet(ys_xlsx *x, int i, ys_xlsx_sheet **out, ys_error *err);
void ys_xlsx_sheet_free(ys_xlsx_sheet *s);

/* The cell at (row 1-based, col 0-based), or NULL when the file has none. */
const ys_xlsx_cell *ys_xlsx_sheet_cell(const ys_xlsx_sheet *s, int row, int col);

/* Parse an A1 reference: *row 1-based, *col 0-based.  Returns 1 or 0. */
int ys_xlsx_parse_ref(const char *ref, int *row, int *col);
/* Write the A1 reference of (row, col) into buf (>= 16 bytes). */
void ys_xlsx_format_ref(int row, int col, char *buf, size_t cap);

#endif
