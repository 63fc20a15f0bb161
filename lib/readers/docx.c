/*
 * readers/docx.c — DOCX (word/document.xml) as document lines: each w:p
 * outside tables is a paragraph, each w:tr a row of its w:tc cells.
 * A cell spanning columns (gridSpan) is followed by empty cells so the
 * columns stay aligned; a vertically merged continuation cell is empty.
 * A table nested in a cell is flattened: its rows become lines of their
 * own and the cell holding it turns into a container whose paragraphs are
 * paragraphs (layout tables that wrap a whole page are common).
 * Promise: no = ordinal of the line, where = "表格3 行5" for rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/doc.h"
#include "../ooxml.h"
#include "cells.h"

#define MAX_DEPTH 32
#define PART "word/document.xml"

struct frame {            /* one open w:tbl */
    int tblno, rowno;
    ys_cells row;
    ys_buf cell;          /* text of the open w:tc */
    int in_tc, span, vcont, container;
};

struct docx {
    ys_doc *d;
    ys_error *err;
    struct frame f[MAX_DEPTH];
    int depth;            /* open tables */
    int ntables, no;
    int pdepth;           /* open w:p (text boxes nest them) */
    int in_t, fallback;   /* inside w:t; inside mc:Fallback (a duplicate) */
    ys_buf para;
};

static int oom(struct docx *x)
{
    return ys_error_set(x->err, YS_ENOMEM, x->d->path, 0, "内存不足");
}

static int emit_paragraph(struct docx *x, const char *s, size_t n)
{
    ys_cells c = {0};
    ys_cells_add(&c, s, n);
    int filled = ys_cells_filled(&c);
    int rc = filled ? ys_cells_emit(&c, x->d, x->no + 1, 0, NULL, 0) : YS_OK;
    x->no += filled;
    ys_cells_free(&c);
    return rc == YS_OK ? YS_OK : oom(x);
}

static struct frame *top(struct docx *x) { return x->depth ? &x->f[x->depth - 1] : NULL; }

static int start_table(struct docx *x)
{
    struct frame *t = top(x);
    if (x->depth == MAX_DEPTH)
        return ys_error_setw(x->err, YS_EINPUT, x->d->path, PART,
                             "表格嵌套超过 %d 层，拒绝读取", MAX_DEPTH);
    if (t && t->in_tc && !t->container) {
        /* the enclosing cell becomes a container: what it held so far is
         * a paragraph of its own */
        t->container = 1;
        int rc = emit_paragraph(x, t->cell.p ? t->cell.p : "", t->cell.n);
        t->cell.n = 0;
        if (rc != YS_OK)
            return rc;
    }
    struct frame *f = &x->f[x->depth++];
    memset(f, 0, sizeof *f);
    f->tblno = ++x->ntables;
    return YS_OK;
}

static void end_table(struct docx *x)
{
    struct frame *f = top(x);
    ys_cells_free(&f->row);
    ys_buf_free(&f->cell);
    x->depth--;
}

static int end_row(struct docx *x)
{
    struct frame *f = top(x);
    char where[48];
    snprintf(where, sizeof where, "表格%d 行%d", f->tblno, ++f->rowno);
    int filled = ys_cells_filled(&f->row);
    if (ys_cells_emit(&f->row, x->d, x->no + 1, 0, where, 1) != YS_OK)
        return oom(x);
    x->no += filled > 0;
    return YS_OK;
}

static void end_cell(struct docx *x)
{
    struct frame *f = top(x);
    if (f->vcont || f->container)
        ys_cells_add(&f->row, "", 0);
    else
        ys_cells_add(&f->row, f->cell.p ? f->cell.p : "", f->cell.n);
    ys_cells_add_empty(&f->row, f->span > 1 ? f->span - 1 : 0);
    f->in_tc = 0;
}

static int end_paragraph(struct docx *x)
{
    struct frame *f = top(x);
    const char *s = x->para.p ? x->para.p : "";
    size_t n = x->para.n;
    x->para.n = 0;
    if (x->para.oom)
        return oom(x);
    if (f && f->in_tc && !f->container) {
        if (f->cell.n)
            ys_buf_put(&f->cell, " ", 1);   /* squeezed away between CJK */
        ys_buf_put(&f->cell, s, n);
        return f->cell.oom ? oom(x) : YS_OK;
    }
    return emit_paragraph(x, s, n);
}

static int on_start(void *ud, const char *name, const char **attrs)
{
    struct docx *x = ud;
    struct frame *f = top(x);
    if (x->fallback) {
        x->fallback += strcmp(name, "Fallback") == 0;
        return YS_OK;
    }
    if (strcmp(name, "Fallback") == 0)
        x->fallback = 1;
    else if (strcmp(name, "tbl") == 0)
        return start_table(x);
    else if (strcmp(name, "tc") == 0 && f) {
        f->in_tc = 1;
        f->span = 1;
        f->vcont = f->container = 0;
        f->cell.n = 0;
    } else if (strcmp(name, "gridSpan") == 0 && f && f->in_tc) {
        const char *v = ys_xml_attr(attrs, "val");
        int span = v ? atoi(v) : 1;
        f->span = span > 0 && span <= 1024 ? span : 1;
    } else if (strcmp(name, "vMerge") == 0 && f && f->in_tc) {
        const char *v = ys_xml_attr(attrs, "val");
        f->vcont = !v || strcmp(v, "continue") == 0;
    } else if (strcmp(name, "gridBefore") == 0 && f && !f->in_tc) {
        const char *v = ys_xml_attr(attrs, "val");
        int k = v ? atoi(v) : 0;
        ys_cells_add_empty(&f->row, k > 0 && k <= 1024 ? k : 0);
    } else if (strcmp(name, "p") == 0)
        x->pdepth++;
    else if (strcmp(name, "t") == 0)
        x->in_t = 1;
    else if ((strcmp(name, "tab") == 0 || strcmp(name, "br") == 0 ||
              strcmp(name, "cr") == 0) && x->pdepth)
        ys_buf_put(&x->para, " ", 1);
    return YS_OK;
}

static int on_end(void *ud, const char *name)
{
    struct docx *x = ud;
    struct frame *f = top(x);
    if (x->fallback) {
        x->fallback -= strcmp(name, "Fallback") == 0;
        return YS_OK;
    }
    if (strcmp(name, "t") == 0)
        x->in_t = 0;
    else if (strcmp(name, "p") == 0 && x->pdepth > 0) {
        if (--x->pdepth == 0)
            return end_paragraph(x);
    } else if (strcmp(name, "tc") == 0 && f && f->in_tc)
        end_cell(x);
    else if (strcmp(name, "tr") == 0 && f)
        return end_row(x);
    else if (strcmp(name, "tbl") == 0 && f)
        end_table(x);
    return YS_OK;
}

static void on_text(void *ud, const char *s, int len)
{
    struct docx *x = ud;
    if (x->in_t && x->pdepth && !x->fallback)
        ys_buf_put(&x->para, s, (size_t)len);
}

int ys_read_docx(ys_doc *d, const unsigned char *buf, size_t n, ys_error *err)
{
    ys_zip *z;
    int rc = ys_zip_open_mem(d->path, buf, n, &z, err);
    if (rc != YS_OK)
        return rc;
    char *xml = NULL;
    size_t len = 0;
    if (!ys_zip_has(z, PART))
        rc = ys_error_set(err, YS_EINPUT, d->path, 0,
                          "不是 DOCX 文档（压缩包内没有 %s）", PART);
    else
        rc = ys_zip_read(z, PART, &xml, &len, err);
    ys_zip_close(z);
    if (rc != YS_OK)
        return rc;
    struct docx *x = calloc(1, sizeof *x);
    if (!x) {
        free(xml);
        return ys_error_set(err, YS_ENOMEM, d->path, 0, "内存不足");
    }
    x->d = d;
    x->err = err;
    ys_xml_handlers h = {x, on_start, on_end, on_text};
    rc = ys_xml_parse(d->path, PART, xml, len, &h, err);
    free(xml);
    while (x->depth)
        end_table(x);
    ys_buf_free(&x->para);
    int lines = x->no;
    free(x);
    if (rc == YS_OK && lines == 0)
        return ys_error_set(err, YS_EINPUT, d->path, 0, "文档中没有任何文字");
    return rc;
}
