/*
 * writers/all.c — the list of output formats ("txt,md,html") and writing
 * every requested format into a folder at once.
 * Promise of ys_write_all: all outputs are rendered first (in memory, the
 * XLSX into a temporary file), written under temporary names and only then
 * renamed into place; on any error every file it made is removed again
 * (and the folder, when it created it), a file it replaced is put back, and
 * the error names the file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yusuan/writer.h"
#include "writers/layout.h"
#include "vec.h"

static const struct { const char *name; unsigned bit; } NAMES[] = {
    {"txt", YS_OUT_TXT}, {"md", YS_OUT_MD}, {"markdown", YS_OUT_MD},
    {"html", YS_OUT_HTML}, {"xlsx", YS_OUT_XLSX}, {"csv", YS_OUT_CSV},
    {"json", YS_OUT_JSON}, {"all", YS_OUT_ALL}};

int ys_out_parse(const char *list)
{
    if (!list || !*list)
        return -1;
    unsigned bits = 0;
    const char *s = list;
    while (*s) {
        size_t n = strcspn(s, ",");
        bool ok = false;
        for (size_t i = 0; i < sizeof NAMES / sizeof NAMES[0]; i++)
            if (strlen(NAMES[i].name) == n && strncmp(NAMES[i].name, s, n) == 0) {
                bits |= NAMES[i].bit;
                ok = true;
            }
        if (!ok)
            return -1;
        s += n;
        if (*s == ',')
            s++;
    }
    return (int)bits;
}

/* One output: where it goes and the temporary file it waits in. */
typedef struct out {
    char *path, *tmp;
    char *old;      /* the file that was at path, moved aside until success */
    bool placed;
} out;

typedef struct outs {
    out *v;
    size_t n, cap;
} outs;

static out *new_out(outs *o, const char *dir, const char *name)
{
    if (ys_vec_reserve(&o->v, &o->cap, o->n, sizeof *o->v, 32) != 0)
        return NULL;
    size_t len = strlen(dir) + strlen(name) + 64;
    out *x = &o->v[o->n];
    x->path = malloc(len);
    x->tmp = malloc(len);
    x->old = malloc(len);
    x->placed = false;
    if (!x->path || !x->tmp || !x->old) {
        free(x->path);
        free(x->tmp);
        free(x->old);
        return NULL;
    }
    snprintf(x->path, len, "%s/%s", dir, name);
    snprintf(x->tmp, len, "%s/.%s.part%ld-%zu", dir, name, (long)getpid(), o->n);
    x->old[0] = 0;
    o->n++;
    return x;
}

/* Put x in place; a file already there is moved aside, not lost. */
static int place(out *x)
{
    struct stat st;
    /* a folder in the way is left alone: the rename below then fails */
    if (lstat(x->path, &st) == 0 && !S_ISDIR(st.st_mode)) {
        size_t len = strlen(x->tmp);
        snprintf(x->old, len + 1, "%s", x->tmp);
        x->old[len - 1] = 'o'; /* ".name.partPID-K" → ".name.partPID-o" */
        if (rename(x->path, x->old) != 0) {
            x->old[0] = 0;
            return -1;
        }
    }
    if (rename(x->tmp, x->path) != 0) {
        if (x->old[0] && rename(x->old, x->path) == 0)
            x->old[0] = 0;
        return -1;
    }
    x->placed = true;
    return 0;
}

/* Finish: on failure remove what was made and bring back what was moved
 * aside; on success drop the old files.  Frees o. */
static void finish(outs *o, bool ok)
{
    for (size_t i = 0; i < o->n; i++) {
        out *x = &o->v[i];
        if (!ok)
            unlink(x->placed ? x->path : x->tmp);
        if (x->old[0]) {
            if (ok)
                unlink(x->old);
            else
                rename(x->old, x->path);
        }
        free(x->path);
        free(x->tmp);
        free(x->old);
    }
    free(o->v);
    memset(o, 0, sizeof *o);
}

/* Name the final file in an error reported for its temporary one. */
static int at_file(ys_error *err, int rc, const char *path)
{
    if (err)
        snprintf(err->file, sizeof err->file, "%s", path);
    return rc;
}

static int stage_buf(outs *o, const char *dir, const char *name, ys_buf *b, int rc,
                     ys_error *err)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    if (rc == YS_OK && b->oom)
        rc = YS_ENOMEM;
    if (rc != YS_OK) {
        ys_buf_free(b);
        return ys_error_set(err, rc, path, 0, "无法生成输出（内存不足）");
    }
    out *x = new_out(o, dir, name);
    if (!x) {
        ys_buf_free(b);
        return ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
    }
    rc = ys_write_atomic(x->tmp, b->p ? b->p : "", b->n, err);
    ys_buf_free(b);
    if (rc != YS_OK)
        return at_file(err, rc, x->path);
    return YS_OK;
}

static bool used(const outs *o, const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    for (size_t i = 0; i < o->n; i++)
        if (strcmp(o->v[i].path, path) == 0)
            return true;
    return false;
}

typedef int (*render_fn)(const ys_tableset *, ys_buf *);

static int stage_docs(outs *o, const ys_tableset *ts, const char *dir, const char *base,
                      unsigned formats, ys_error *err)
{
    static const struct { unsigned bit; const char *ext; render_fn fn; } DOCS[] = {
        {YS_OUT_TXT, "txt", ys_write_txt}, {YS_OUT_MD, "md", ys_write_md},
        {YS_OUT_HTML, "html", ys_write_html}, {YS_OUT_JSON, "json", ys_write_json}};
    char name[1024];
    for (size_t i = 0; i < sizeof DOCS / sizeof DOCS[0]; i++) {
        if (!(formats & DOCS[i].bit))
            continue;
        ys_buf b = {0};
        snprintf(name, sizeof name, "%s.%s", base, DOCS[i].ext);
        int rc = stage_buf(o, dir, name, &b, DOCS[i].fn(ts, &b), err);
        if (rc != YS_OK)
            return rc;
    }
    if (formats & YS_OUT_CSV) {
        for (size_t i = 0; i < ts->ntables; i++) {
            char sn[64];
            ys_table_short(ts, ts->tables[i], sn, sizeof sn);
            /* "表5-1" → "<base>-5-1.csv"; a repeated id gets its position too */
            snprintf(name, sizeof name, "%s-%s.csv", base, sn + strlen("表"));
            if (used(o, dir, name))
                snprintf(name, sizeof name, "%s-%s-%zu.csv", base, sn + strlen("表"), i + 1);
            ys_buf b = {0};
            int rc = stage_buf(o, dir, name, &b, ys_write_csv_table(ts, ts->tables[i], &b), err);
            if (rc != YS_OK)
                return rc;
        }
    }
    if (formats & YS_OUT_XLSX) {
        snprintf(name, sizeof name, "%s.xlsx", base);
        out *x = new_out(o, dir, name);
        if (!x)
            return ys_error_set(err, YS_ENOMEM, dir, 0, "内存不足");
        int rc = ys_write_xlsx_file(ts, x->tmp, err);
        if (rc != YS_OK)
            return at_file(err, rc, x->path);
    }
    return YS_OK;
}

int ys_write_all(const ys_tableset *ts, const char *dir, const char *base,
                 unsigned formats, ys_error *err)
{
    if (!base || !*base || strchr(base, '/'))
        return ys_error_set(err, YS_EINPUT, dir, 0, "输出文件名无效：%s", base ? base : "");
    bool made_dir = false;
    struct stat st;
    if (stat(dir, &st) != 0) {
        if (mkdir(dir, 0777) != 0)
            return ys_error_set(err, YS_EIO, dir, 0, "无法创建目录：%s", strerror(errno));
        made_dir = true;
    } else if (!S_ISDIR(st.st_mode)) {
        return ys_error_set(err, YS_EIO, dir, 0, "不是目录");
    }
    outs o = {0};
    int rc = stage_docs(&o, ts, dir, base, formats, err);
    for (size_t i = 0; rc == YS_OK && i < o.n; i++)
        if (place(&o.v[i]) != 0)
            rc = ys_error_set(err, YS_EIO, o.v[i].path, 0, "无法写入：%s", strerror(errno));
    finish(&o, rc == YS_OK);
    if (rc != YS_OK && made_dir)
        rmdir(dir);
    return rc;
}
