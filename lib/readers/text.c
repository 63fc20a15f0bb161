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
#ifdef __SSE2__
#include <emmintrin.h>
#endif

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

/* The line at s[0..n): its length (to its newline or n), and in tabs[]
 * where its tabs stand (the first MAX_CELLS), *ntabs how many there are.
 * One pass for both, sixteen bytes a step with SSE2 (a memchr per cell
 * and per line cost more than the cells are long). */
static size_t scan_line(const char *s, size_t n, size_t *tabs, size_t *ntabs)
{
    size_t i = 0, k = 0;
#ifdef __SSE2__
    const __m128i nl = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
    while (n - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
        unsigned mn = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, nl));
        unsigned mt = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v, tab));
        if (mn)
            mt &= (mn & -mn) - 1;   /* the tabs before the newline */
        for (; mt; mt &= mt - 1, k++)
            if (k < MAX_CELLS)
                tabs[k] = i + (size_t)__builtin_ctz(mt);
        if (mn) {
            *ntabs = k;
            return i + (size_t)__builtin_ctz(mn);
        }
        i += 16;
    }
#endif
    for (; i < n && s[i] != '\n'; i++)
        if (s[i] == '\t' && k++ < MAX_CELLS)
            tabs[k - 1] = i;
    *ntabs = k;
    return i;
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
    size_t lens[MAX_CELLS], tabs[MAX_CELLS];
    while (pos < n) {
        const char *line = buf + pos;
        size_t ntabs, len = scan_line(line, n - pos, tabs, &ntabs);
        pos += len + (pos + len < n ? 1 : 0);   /* past the newline */
        no++;
        if (len && line[len - 1] == '\r')
            len--;   /* never a tab: the tabs stand before it */
        if (!valid && !ys_utf8_valid(line, len))
            return ys_error_set(err, YS_EINPUT, d->path, no,
                                "不是有效的 UTF-8 文本（请先转换编码）");
        if (ntabs >= MAX_CELLS)
            return ys_error_set(err, YS_EINPUT, d->path, no,
                                "一行的单元格超过 %d 个", MAX_CELLS);
        int nc = 0;
        for (size_t t = 0, start = 0; t <= ntabs; t++) {
            size_t i = t < ntabs ? tabs[t] : len;
            size_t cl = i - start;
            cells[nc] = ys_trim(line + start, &cl);
            lens[nc] = cl;
            nc++;
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
