/*
 * doc.c — owns a document's lines and their strings; reads a file of any
 * supported format by sniffing its content (then its name) and handing the
 * bytes to the reader of that format (lib/readers/).
 * Promise: on failure *out is untouched and err says where and why.
 */
#include "yusuan/doc.h"

#include <errno.h>
#include <stdbool.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "vec.h"

#define YS_MAX_INPUT (512u * 1024u * 1024u)

ys_doc *ys_doc_new(const char *path, ys_format fmt)
{
    ys_doc *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->arena = ys_arena_new();
    d->path = strdup(path ? path : "");
    if (!d->arena || !d->path) {
        ys_arena_free(d->arena);
        free(d->path);
        free(d);
        return NULL;
    }
    d->format = fmt;
    return d;
}

void ys_doc_free(ys_doc *d)
{
    if (!d)
        return;
    free(d->lines);
    free(d->input);
    free(d->path);
    ys_arena_free(d->arena);
    free(d);
}

char *ys_doc_strdup(ys_doc *d, const char *s, size_t n)
{
    return ys_arena_strndup(d->arena, s, n);
}

int ys_doc_reserve(ys_doc *d, size_t lines)
{
    if (lines <= d->cap)
        return YS_OK;
    return ys_vec_reserve(&d->lines, &d->cap, lines - 1, sizeof *d->lines, lines) ? YS_ENOMEM
                                                                                   : YS_OK;
}

/* The next line, its fields set and room for n cell pointers; NULL when
 * out of memory. */
static ys_line *new_line(ys_doc *d, int no, int page, const char *where, int is_row, int n)
{
    if (ys_vec_reserve(&d->lines, &d->cap, d->nlines, sizeof *d->lines, 256) != 0)
        return NULL;
    ys_line *l = &d->lines[d->nlines];
    l->no = no;
    l->page = page;
    l->where = where ? ys_arena_strndup(d->arena, where, strlen(where)) : NULL;
    l->is_row = is_row;
    l->ncells = n;
    l->cells = ys_arena_alloc(d->arena, sizeof(char *) * (size_t)(n ? n : 1));
    return l->cells ? l : NULL;
}

int ys_doc_add_kept(ys_doc *d, int no, int page, const char *where, int is_row,
                    char *const *cells, int n)
{
    ys_line *l = new_line(d, no, page, where, is_row, n);
    if (!l)
        return YS_ENOMEM;
    memcpy(l->cells, cells, sizeof(char *) * (size_t)n);
    d->nlines++;
    return YS_OK;
}

int ys_doc_add(ys_doc *d, int no, int page, const char *where, int is_row,
               const char *const *cells, const size_t *lens, int n)
{
    ys_line *l = new_line(d, no, page, where, is_row, n);
    if (!l)
        return YS_ENOMEM;
    /* the line's strings in one block: one arena call per line, not one
     * per cell */
    size_t total = 0;
    for (int i = 0; i < n; i++)
        total += (lens ? lens[i] : strlen(cells[i])) + 1;
    char *text = ys_arena_alloc(d->arena, total ? total : 1);
    if (!text)
        return YS_ENOMEM;
    for (int i = 0; i < n; i++) {
        size_t len = lens ? lens[i] : strlen(cells[i]);
        memcpy(text, cells[i], len);
        text[len] = 0;
        l->cells[i] = text;
        text += len + 1;
    }
    d->nlines++;
    return YS_OK;
}

static bool ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcasecmp(s + n - m, suf) == 0;
}

ys_format ys_format_sniff(const unsigned char *buf, size_t n, const char *name)
{
    if (n >= 5 && memcmp(buf, "%PDF-", 5) == 0)
        return YS_FMT_PDF;
    if (n >= 4 && memcmp(buf, "PK\3\4", 4) == 0) {
        /* Office Open XML: the part names appear early in the zip. */
        size_t lim = n < 65536 ? n : 65536;
        for (size_t i = 0; i + 5 < lim; i++) {
            if (memcmp(buf + i, "word/", 5) == 0)
                return YS_FMT_DOCX;
            if (memcmp(buf + i, "xl/", 3) == 0)
                return YS_FMT_XLSX;
        }
        if (name && ends_with(name, ".docx"))
            return YS_FMT_DOCX;
        if (name && ends_with(name, ".xlsx"))
            return YS_FMT_XLSX;
        return YS_FMT_UNKNOWN;
    }
    size_t i = 0;
    if (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF)
        i = 3;
    while (i < n && (buf[i] == ' ' || buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\t'))
        i++;
    if (i < n && buf[i] == '<') {
        size_t lim = n < 8192 ? n : 8192;
        for (size_t j = i; j + 6 < lim; j++)
            if (strncasecmp((const char *)buf + j, "<html", 5) == 0 ||
                strncasecmp((const char *)buf + j, "<table", 6) == 0 ||
                strncasecmp((const char *)buf + j, "<!doctype", 9) == 0)
                return YS_FMT_HTML;
    }
    if (memchr(buf, 0, n))
        return YS_FMT_UNKNOWN;     /* binary, not text */
    /* Text: tab-separated rows mean the reference layout; wide runs of
     * spaces without tabs mean pdftotext -layout output.  The first tab
     * settles it, so the scan stops there. */
    size_t runs = 0;
    size_t lim = n < (1u << 20) ? n : (1u << 20);
    for (size_t j = 0; j + 2 < lim; j++) {
        if (buf[j] == '\t')
            return YS_FMT_TEXT;
        if (buf[j] == ' ' && buf[j + 1] == ' ' && buf[j + 2] == ' ')
            runs++;
    }
    return runs > 20 ? YS_FMT_LAYOUT : YS_FMT_TEXT;
}

const char *ys_format_name(ys_format f)
{
    switch (f) {
    case YS_FMT_TEXT: return "text";
    case YS_FMT_LAYOUT: return "layout";
    case YS_FMT_HTML: return "html";
    case YS_FMT_DOCX: return "docx";
    case YS_FMT_XLSX: return "xlsx";
    case YS_FMT_PDF: return "pdf";
    default: return "unknown";
    }
}

/* Read buf[0..n) of format f into a new document (*out on success).  With
 * `owned` (tab-separated text only: n + 1 bytes), buf passes to the
 * document, which cuts its cells out of it in place. */
static int read_format(const char *name, ys_format f, const unsigned char *buf, char *owned,
                       size_t n, ys_doc **out, ys_error *err)
{
    ys_doc *d = ys_doc_new(name, f);
    if (!d) {
        free(owned);
        return ys_error_set(err, YS_ENOMEM, name, 0, "内存不足");
    }
    int rc;
    switch (f) {
    case YS_FMT_TEXT:
        rc = owned ? ys_read_text_owned(d, owned, n, err)
                   : ys_read_text(d, (const char *)buf, n, err);
        break;
    case YS_FMT_LAYOUT: rc = ys_read_layout(d, (const char *)buf, n, err); break;
    case YS_FMT_HTML: rc = ys_read_html(d, (const char *)buf, n, err); break;
    case YS_FMT_DOCX: rc = ys_read_docx(d, buf, n, err); break;
    case YS_FMT_XLSX: rc = ys_read_xlsx(d, buf, n, err); break;
    case YS_FMT_PDF: rc = ys_read_pdf(d, buf, n, err); break;
    default: rc = YS_EUNSUPPORTED; break;
    }
    if (rc != YS_OK) {
        if (err && err->code == YS_OK)
            ys_error_set(err, rc, name, 0, "读取失败");
        if (err && !err->file[0])
            snprintf(err->file, sizeof err->file, "%s", name);
        ys_doc_free(d);
        return rc;
    }
    *out = d;
    return YS_OK;
}

static int unknown_format(const char *name, ys_error *err)
{
    return ys_error_set(err, YS_EINPUT, name, 0,
                        "无法识别的文件格式（不是文本、HTML、DOCX、XLSX 或 PDF）");
}

int ys_doc_read_mem(const char *name, const unsigned char *buf, size_t n,
                    ys_doc **out, ys_error *err)
{
    ys_format f = ys_format_sniff(buf, n, name);
    if (f == YS_FMT_UNKNOWN)
        return unknown_format(name, err);
    return read_format(name, f, buf, NULL, n, out, err);
}

int ys_doc_read_file(const char *path, ys_doc **out, ys_error *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return ys_error_set(err, YS_EIO, path, 0, "无法打开文件：%s", strerror(errno));
    struct stat st;
    if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(fp);
        return ys_error_set(err, YS_EIO, path, 0, "不是普通文件");
    }
    if ((unsigned long long)st.st_size > YS_MAX_INPUT) {
        fclose(fp);
        return ys_error_set(err, YS_EINPUT, path, 0, "文件过大（超过 512 MiB）");
    }
    size_t n = (size_t)st.st_size;
    /* one byte more: tab-separated text is cut into cells in place, the
     * last one NUL-terminated there */
    unsigned char *buf = malloc(n + 1);
    if (!buf) {
        fclose(fp);
        return ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
    }
    size_t got = n ? fread(buf, 1, n, fp) : 0;
    int ioerr = ferror(fp);
    fclose(fp);
    if (got != n || ioerr) {
        free(buf);
        return ys_error_set(err, YS_EIO, path, 0, "读取文件失败");
    }
    if (n == 0) {
        free(buf);
        return ys_error_set(err, YS_EINPUT, path, 0, "文件为空");
    }
    ys_format f = ys_format_sniff(buf, n, path);
    if (f == YS_FMT_UNKNOWN) {
        free(buf);
        return unknown_format(path, err);
    }
    if (f == YS_FMT_TEXT)   /* the document keeps buf */
        return read_format(path, f, NULL, (char *)buf, n, out, err);
    int rc = read_format(path, f, buf, NULL, n, out, err);
    free(buf);
    return rc;
}
