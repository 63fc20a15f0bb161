/*
 * package_csv.c — RFC 4180 CSV into a generic sheet (lib/package.h).
 * Owns: quoting, line counting, header trimming.  Promise: every defect
 * gives a located error FILE:LINE; never reads past buf[n); all strings go
 * to the caller's arena.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "package.h"
#include "text.h"

/* A growable list of fields of the row being read. */
typedef struct fields {
    const char **v;
    size_t n, cap;
} fields;

static int fields_push(fields *f, const char *s)
{
    if (f->n == f->cap) {
        size_t cap = f->cap ? f->cap * 2 : 16;
        const char **v = realloc(f->v, cap * sizeof *v);
        if (!v)
            return -1;
        f->v = v;
        f->cap = cap;
    }
    f->v[f->n++] = s;
    return 0;
}

/* Read one field starting at *i; advance past it (not past the separator).
 * The field text (unquoted, trimmed when unquoted) goes to the arena. */
static int read_field(const char *file, const char *buf, size_t n, size_t *i,
                      int *line, ys_arena *a, char **tmp, size_t *tcap,
                      const char **out, ys_error *err)
{
    size_t k = *i, len = 0;
    int start_line = *line;
    if (k < n && buf[k] == '"') {
        k++;
        for (;;) {
            if (k >= n)
                return ys_error_set(err, YS_EINPUT, file, start_line,
                                    "引号未闭合（RFC 4180 字段从此行开始）");
            char c = buf[k];
            if (c == '"') {
                if (k + 1 < n && buf[k + 1] == '"') {
                    c = '"';
                    k++;
                } else {
                    k++;
                    break;
                }
            } else if (c == '\n') {
                (*line)++;
            }
            if (len + 1 >= *tcap) {
                size_t cap = *tcap ? *tcap * 2 : 256;
                char *t = realloc(*tmp, cap);
                if (!t)
                    return ys_error_set(err, YS_ENOMEM, file, *line, "内存不足");
                *tmp = t;
                *tcap = cap;
            }
            (*tmp)[len++] = c;
            k++;
        }
        if (k < n && buf[k] != ',' && buf[k] != '\n' && buf[k] != '\r')
            return ys_error_set(err, YS_EINPUT, file, *line,
                                "引号字段后有多余字符（应为逗号或换行）");
        *out = ys_arena_strndup(a, *tmp ? *tmp : "", len);
    } else {
        size_t s = k;
        while (k < n && buf[k] != ',' && buf[k] != '\n' && buf[k] != '\r') {
            if (buf[k] == '"')
                return ys_error_set(err, YS_EINPUT, file, *line,
                                    "未加引号的字段中出现引号");
            k++;
        }
        size_t tl = k - s;
        const char *t = ys_trim(buf + s, &tl);
        *out = ys_arena_strndup(a, t, tl);
    }
    *i = k;
    return *out ? YS_OK : ys_error_set(err, YS_ENOMEM, file, *line, "内存不足");
}

/* Store one parsed row: the header or a data row. */
static int store_row(ys_sheet *sh, fields *f, int line, ys_arena *a, size_t *rcap,
                     const char *file, ys_error *err)
{
    bool blank = true;
    for (size_t j = 0; j < f->n; j++)
        if (f->v[j][0])
            blank = false;
    if (blank)
        return YS_OK;
    if (!sh->cols) {
        sh->cols = ys_arena_alloc(a, f->n * sizeof *sh->cols);
        if (!sh->cols)
            return ys_error_set(err, YS_ENOMEM, file, line, "内存不足");
        memcpy(sh->cols, f->v, f->n * sizeof *sh->cols);
        sh->ncols = (int)f->n;
        return YS_OK;
    }
    if (f->n > (size_t)sh->ncols) {
        for (size_t j = (size_t)sh->ncols; j < f->n; j++)
            if (f->v[j][0])
                return ys_error_set(err, YS_EINPUT, file, line,
                                    "本行有 %zu 个字段，多于表头的 %d 个", f->n,
                                    sh->ncols);
    }
    if (sh->nrows == *rcap) {
        size_t cap = *rcap ? *rcap * 2 : 64;
        ys_sheet_row *r = realloc(sh->rows, cap * sizeof *r);
        if (!r)
            return ys_error_set(err, YS_ENOMEM, file, line, "内存不足");
        sh->rows = r;
        *rcap = cap;
    }
    const char **cells = ys_arena_alloc(a, (size_t)sh->ncols * sizeof *cells);
    if (!cells)
        return ys_error_set(err, YS_ENOMEM, file, line, "内存不足");
    for (int j = 0; j < sh->ncols; j++)
        cells[j] = (size_t)j < f->n ? f->v[j] : "";
    sh->rows[sh->nrows].line = line;
    sh->rows[sh->nrows].cells = cells;
    sh->nrows++;
    return YS_OK;
}

/* Move the rows out of malloc'd storage into the arena. */
static int settle_rows(ys_sheet *sh, ys_arena *a)
{
    if (!sh->nrows) {
        free(sh->rows);
        sh->rows = NULL;
        return 0;
    }
    ys_sheet_row *r = ys_arena_alloc(a, sh->nrows * sizeof *r);
    if (r)
        memcpy(r, sh->rows, sh->nrows * sizeof *r);
    free(sh->rows);
    sh->rows = r;
    return r ? 0 : -1;
}

int ys_csv_parse(const char *file, const char *buf, size_t n, ys_arena *a,
                 ys_sheet *sh, ys_error *err)
{
    memset(sh, 0, sizeof *sh);
    sh->file = file;
    if (!ys_utf8_valid(buf, n))
        return ys_error_set(err, YS_EINPUT, file, 0, "不是有效的 UTF-8 文本");
    size_t i = 0;
    if (n >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
        i = 3;
    int line = 1, rc = YS_OK;
    fields f = {0};
    char *tmp = NULL;
    size_t tcap = 0, rcap = 0;
    while (i < n && rc == YS_OK) {
        int row_line = line;
        f.n = 0;
        for (;;) {
            const char *fld;
            rc = read_field(file, buf, n, &i, &line, a, &tmp, &tcap, &fld, err);
            if (rc != YS_OK)
                break;
            if (fields_push(&f, fld) != 0) {
                rc = ys_error_set(err, YS_ENOMEM, file, line, "内存不足");
                break;
            }
            if (i < n && buf[i] == ',') {
                i++;
                continue;
            }
            break;
        }
        if (rc != YS_OK)
            break;
        if (i < n && buf[i] == '\r')
            i++;
        if (i < n && buf[i] == '\n')
            i++;
        line++;
        rc = store_row(sh, &f, row_line, a, &rcap, file, err);
    }
    free(f.v);
    free(tmp);
    if (settle_rows(sh, a) != 0 && rc == YS_OK)
        rc = ys_error_set(err, YS_ENOMEM, file, 0, "内存不足");
    if (rc == YS_OK && !sh->cols)
        rc = ys_error_set(err, YS_EINPUT, file, 1, "文件为空：缺少表头行");
    return rc;
}

int ys_sheet_col(const ys_sheet *sh, const char *name)
{
    for (int j = 0; j < sh->ncols; j++)
        if (strcmp(sh->cols[j], name) == 0)
            return j;
    return -1;
}
