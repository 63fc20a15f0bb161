/*
 * yusuan/doc.h — a published document as lines of cells.
 *
 * Every reader (text, pdftotext -layout text, HTML, DOCX, XLSX, PDF) turns
 * its input into the same thing: a sequence of lines, each either a
 * paragraph (one cell) or a table row (several cells), each with the
 * location it came from.  The recogniser (recognize.h) then finds tables
 * and narrative claims in these lines without knowing the format, so a
 * new reader never touches table logic.
 *
 * Cell texts are UTF-8 and trimmed; empty cells are "" (never NULL).
 * Ownership: a ys_doc owns all its lines and strings.
 */
#ifndef YUSUAN_DOC_H
#define YUSUAN_DOC_H

#include <stddef.h>
#include "yusuan/error.h"

typedef struct ys_line {
    int no;            /* 1-based line number in the source, or ordinal */
    int page;          /* PDF page (1-based), 0 when not paged */
    const char *where; /* extra location ("Sheet1!A7", "表格3"), or NULL */
    int is_row;        /* 1: came from table markup or tab/column split */
    int ncells;
    char **cells;
} ys_line;

typedef enum ys_format {
    YS_FMT_UNKNOWN = 0,
    YS_FMT_TEXT,       /* tab-separated text (the reference layout) */
    YS_FMT_LAYOUT,     /* pdftotext -layout text: columns by runs of spaces */
    YS_FMT_HTML,
    YS_FMT_DOCX,
    YS_FMT_XLSX,
    YS_FMT_PDF
} ys_format;

typedef struct ys_doc {
    char *path;        /* as given, for messages */
    ys_format format;
    size_t nlines, cap;
    ys_line *lines;
    /* string storage (arena) */
    struct ys_arena *arena;
    /* the file's bytes, owned, when the reader cut its cells out of them
     * in place (tab-separated text read from a file), else NULL */
    char *input;
} ys_doc;

ys_doc *ys_doc_new(const char *path, ys_format fmt);
void ys_doc_free(ys_doc *d);

/* Append a line of n cells (copied).  Returns YS_OK or YS_ENOMEM. */
int ys_doc_add(ys_doc *d, int no, int page, const char *where, int is_row,
               const char *const *cells, const size_t *lens, int n);

/* Append a line of n cells that already live as long as d (NUL-terminated
 * in d->input or its arena): the pointers are kept, not the text copied.
 * Returns YS_OK or YS_ENOMEM. */
int ys_doc_add_kept(ys_doc *d, int no, int page, const char *where, int is_row,
                    char *const *cells, int n);

/* Make room for `lines` lines in all (read once, not grown by doubling).
 * Returns YS_OK or YS_ENOMEM. */
int ys_doc_reserve(ys_doc *d, size_t lines);

/* Copy a string into the document's arena; lives as long as d. */
char *ys_doc_strdup(ys_doc *d, const char *s, size_t n);

/* Guess the format from the first bytes (and, failing that, the name). */
ys_format ys_format_sniff(const unsigned char *buf, size_t n, const char *name);
const char *ys_format_name(ys_format f);

/*
 * Read a file of any supported format into a new document.
 * Returns YS_OK and *out, or an error status with err filled (file and
 * location of the fault).  Never half-fills *out.
 */
int ys_doc_read_file(const char *path, ys_doc **out, ys_error *err);

/* Same from memory; `name` is used for messages and sniffing. */
int ys_doc_read_mem(const char *name, const unsigned char *buf, size_t n,
                    ys_doc **out, ys_error *err);

/* The per-format readers, from memory (lib/readers/). */
int ys_read_text(ys_doc *d, const char *buf, size_t n, ys_error *err);
/* ys_read_text cutting the cells out of buf itself (blanks and separators
 * overwritten with NULs): buf holds n + 1 bytes and passes to d, which
 * frees it, whatever the result. */
int ys_read_text_owned(ys_doc *d, char *buf, size_t n, ys_error *err);
int ys_read_layout(ys_doc *d, const char *buf, size_t n, ys_error *err);
int ys_read_html(ys_doc *d, const char *buf, size_t n, ys_error *err);
int ys_read_docx(ys_doc *d, const unsigned char *buf, size_t n, ys_error *err);
int ys_read_xlsx(ys_doc *d, const unsigned char *buf, size_t n, ys_error *err);
int ys_read_pdf(ys_doc *d, const unsigned char *buf, size_t n, ys_error *err);

#endif
