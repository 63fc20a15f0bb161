/*
 * readers/text.c — the tab-separated text layout of the reference
 * document: one line per paragraph, table rows as tab-separated cells.
 * Promise: every line of the input becomes one ys_line with its number;
 * invalid UTF-8 is refused with its line (the first bad line).  Read from
 * a buffer the document owns (ys_read_text_owned), the cells are cut out
 * of it in place: no byte of the text is copied.
 */
#include <stdlib.h>
#include <string.h>

#include "yusuan/doc.h"
#include "../text.h"

#define MAX_CELLS 256

/* Lines in buf[0..n): one per newline, and the last if unterminated. */
static size_t count_lines(const char *buf, size_t n)
{
    size_t k = 0;
    for (const char *p = buf, *end = buf + n; p < end; k++) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        p = nl ? nl + 1 : end;
    }
    return k;
}

/* The lines of buf[0..n); with `w` (buf itself, writable, n + 1 bytes)
 * each cell is ended by a NUL written over the blank or separator after
 * it and kept where it is, else copied into the document. */
static int read_lines(ys_doc *d, const char *buf, char *w, size_t n, ys_error *err)
{
    size_t pos = 0;
    int no = 0;
    if (n >= 3 && (unsigned char)buf[0] == 0xEF && (unsigned char)buf[1] == 0xBB &&
        (unsigned char)buf[2] == 0xBF)
        pos = 3;
    if (ys_doc_reserve(d, count_lines(buf + pos, n - pos)) != YS_OK)
        return ys_error_set(err, YS_ENOMEM, d->path, 0, "内存不足");
    /* one pass over the whole text; a line is checked by itself only to
     * name the first bad one (no sequence spans a newline: it is ASCII) */
    bool valid = ys_utf8_valid(buf + pos, n - pos);
    const char *cells[MAX_CELLS];
    size_t lens[MAX_CELLS];
    while (pos < n) {
        const char *line = buf + pos;
        const char *nl = memchr(line, '\n', n - pos);
        size_t len = nl ? (size_t)(nl - line) : n - pos;
        pos += len + (nl ? 1 : 0);
        no++;
        if (len && line[len - 1] == '\r')
            len--;
        if (!valid && !ys_utf8_valid(line, len))
            return ys_error_set(err, YS_EINPUT, d->path, no,
                                "不是有效的 UTF-8 文本（请先转换编码）");
        int nc = 0;
        for (size_t start = 0;;) {
            const char *tab = memchr(line + start, '\t', len - start);
            size_t i = tab ? (size_t)(tab - line) : len;
            if (nc == MAX_CELLS)
                return ys_error_set(err, YS_EINPUT, d->path, no,
                                    "一行的单元格超过 %d 个", MAX_CELLS);
            size_t cl = i - start;
            cells[nc] = ys_trim(line + start, &cl);
            lens[nc] = cl;
            nc++;
            if (!tab)
                break;
            start = i + 1;
        }
        /* drop trailing empty cells: they carry nothing */
        int keep = nc;
        while (keep > 1 && lens[keep - 1] == 0)
            keep--;
        int rc;
        if (w) {
            /* the byte after each cell is a blank, a tab, the line's end
             * or buf[n]: none is read again */
            for (int c = 0; c < keep; c++)
                w[cells[c] - buf + (ptrdiff_t)lens[c]] = 0;
            rc = ys_doc_add_kept(d, no, 0, NULL, nc > 1, (char *const *)cells, keep);
        } else {
            rc = ys_doc_add(d, no, 0, NULL, nc > 1, cells, lens, keep);
        }
        if (rc != YS_OK)
            return ys_error_set(err, rc, d->path, no, "内存不足");
    }
    return YS_OK;
}

int ys_read_text(ys_doc *d, const char *buf, size_t n, ys_error *err)
{
    return read_lines(d, buf, NULL, n, err);
}

int ys_read_text_owned(ys_doc *d, char *buf, size_t n, ys_error *err)
{
    free(d->input);
    d->input = buf;
    return read_lines(d, buf, buf, n, err);
}
