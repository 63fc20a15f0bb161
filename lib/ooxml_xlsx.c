/*
 * ooxml_xlsx.c — owns the reading of XLSX workbooks: the sheet list in
 * workbook order (workbook.xml + its relationships), the shared strings,
 * and A1 references (worksheets themselves: ooxml_sheet.c).
 * Promise: bad parts give YS_EINPUT naming the part; nothing is printed.
 */
#include "ooxml.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "yusuan/fileio.h"

#include "ooxml_internal.h"

int ys_xlsx_parse_ref(const char *ref, int *row, int *col)
{
    int c = 0, r = 0, i = 0;
    while (ref[i] >= 'A' && ref[i] <= 'Z') {
        c = c * 26 + (ref[i] - 'A' + 1);
        if (c > XLSX_MAX_COL || ++i > 3)
            return 0;
    }
    if (i == 0)
        return 0;
    int j = i;
    while (ref[j] >= '0' && ref[j] <= '9') {
        r = r * 10 + (ref[j] - '0');
        if (r > XLSX_MAX_ROW)
            return 0;
        j++;
    }
    if (j == i || r == 0 || ref[j] != 0)
        return 0;
    *row = r;
    *col = c - 1;
    return 1;
}

void ys_xlsx_format_ref(int row, int col, char *buf, size_t cap)
{
    char letters[8];
    int k = 0;
    for (int c = col + 1; c > 0 && k < 7; c = (c - 1) / 26)
        letters[k++] = (char)('A' + (c - 1) % 26);
    char rev[8];
    for (int i = 0; i < k; i++)
        rev[i] = letters[k - 1 - i];
    rev[k] = 0;
    snprintf(buf, cap, "%s%d", rev, row);
}

/* ---- relationships: _rels/.rels and xl/_rels/workbook.xml.rels ------- */

struct rels_ctx {
    ys_xlsx *x;
    const char *base;      /* folder of the part the rels belong to */
    const char *want_type; /* officeDocument / sharedStrings suffix, or NULL */
    char *found;           /* target of want_type */
};

/* Resolve a relationship target against the folder of its source part. */
static char *resolve_target(ys_arena *a, const char *base, const char *target)
{
    char tmp[512];
    if (target[0] == '/')
        snprintf(tmp, sizeof tmp, "%s", target + 1);
    else {
        snprintf(tmp, sizeof tmp, "%s%s", base, target);
        /* fold "dir/../" once or twice, enough for OOXML packages */
        char *p;
        while ((p = strstr(tmp, "/../")) != NULL) {
            char *q = p;
            while (q > tmp && q[-1] != '/')
                q--;
            memmove(q, p + 4, strlen(p + 4) + 1);
        }
    }
    return ys_arena_strndup(a, tmp, strlen(tmp));
}

static int ends_with(const char *s, const char *suf)
{
    size_t n = strlen(s), m = strlen(suf);
    return n >= m && strcmp(s + n - m, suf) == 0;
}

static int rels_start(void *ud, const char *name, const char **attrs)
{
    struct rels_ctx *c = ud;
    if (strcmp(name, "Relationship") != 0)
        return YS_OK;
    const char *id = ys_xml_attr(attrs, "Id");
    const char *type = ys_xml_attr(attrs, "Type");
    const char *target = ys_xml_attr(attrs, "Target");
    if (!id || !type || !target)
        return YS_OK;
    if (c->want_type && ends_with(type, c->want_type) && !c->found)
        c->found = resolve_target(c->x->arena, c->base, target);
    if (ends_with(type, "/worksheet"))
        for (int i = 0; i < c->x->nsheets; i++)
            if (strcmp(c->x->sheets[i].rid, id) == 0)
                c->x->sheets[i].path = resolve_target(c->x->arena, c->base, target);
    return YS_OK;
}

/* Read the rels of `part`; returns the target of want_type (or NULL). */
static int read_rels(ys_xlsx *x, const char *part, const char *want_type,
                     char **found, ys_error *err)
{
    char base[256], rels[300];
    const char *slash = strrchr(part, '/');
    size_t bl = slash ? (size_t)(slash - part) + 1 : 0;
    snprintf(base, sizeof base, "%.*s", (int)bl, part);
    snprintf(rels, sizeof rels, "%s_rels/%s.rels", base, part + bl);
    *found = NULL;
    if (!ys_zip_has(x->zip, rels))
        return YS_OK;
    char *xml;
    size_t n;
    int rc = ys_zip_read(x->zip, rels, &xml, &n, err);
    if (rc != YS_OK)
        return rc;
    struct rels_ctx c = {x, base, want_type, NULL};
    ys_xml_handlers h = {&c, rels_start, NULL, NULL};
    rc = ys_xml_parse(x->name, rels, xml, n, &h, err);
    free(xml);
    *found = c.found;
    return rc;
}

/* ---- workbook.xml: the sheet list ------------------------------------ */

static int workbook_start(void *ud, const char *name, const char **attrs)
{
    ys_xlsx *x = ud;
    if (strcmp(name, "sheet") != 0)
        return YS_OK;
    const char *sname = ys_xml_attr(attrs, "name");
    const char *rid = ys_xml_attr(attrs, "id");
    if (!sname || !rid)
        return YS_OK;
    if (x->nsheets == x->cap) {
        int cap = x->cap ? x->cap * 2 : 8;
        struct sheet_ref *v = realloc(x->sheets, (size_t)cap * sizeof *v);
        if (!v)
            return YS_ENOMEM;
        x->sheets = v;
        x->cap = cap;
    }
    struct sheet_ref *s = &x->sheets[x->nsheets];
    s->name = ys_arena_strndup(x->arena, sname, strlen(sname));
    s->rid = ys_arena_strndup(x->arena, rid, strlen(rid));
    s->path = NULL;
    if (!s->name || !s->rid)
        return YS_ENOMEM;
    x->nsheets++;
    return YS_OK;
}

/* ---- sharedStrings.xml ----------------------------------------------- */

struct ss_ctx {
    ys_xlsx *x;
    ys_buf buf;
    int in_si, in_t, rph;
};

static int ss_start(void *ud, const char *name, const char **attrs)
{
    struct ss_ctx *c = ud;
    if (strcmp(name, "si") == 0) {
        c->in_si = 1;
        c->buf.n = 0;
    } else if (strcmp(name, "rPh") == 0)
        c->rph++;       /* phonetic guide: not part of the text */
    else if (strcmp(name, "t") == 0)
        c->in_t = 1;
    return YS_OK;
}

static int ss_end(void *ud, const char *name)
{
    struct ss_ctx *c = ud;
    ys_xlsx *x = c->x;
    if (strcmp(name, "t") == 0)
        c->in_t = 0;
    else if (strcmp(name, "rPh") == 0)
        c->rph--;
    else if (strcmp(name, "si") == 0 && c->in_si) {
        c->in_si = 0;
        if (x->nss == x->capss) {
            size_t cap = x->capss ? x->capss * 2 : 256;
            char **v = realloc(x->ss, cap * sizeof *v);
            if (!v)
                return YS_ENOMEM;
            x->ss = v;
            x->capss = cap;
        }
        char *s = ys_arena_strndup(x->arena, c->buf.p ? c->buf.p : "", c->buf.n);
        if (!s || c->buf.oom)
            return YS_ENOMEM;
        x->ss[x->nss++] = s;
    }
    return YS_OK;
}

static void ss_text(void *ud, const char *s, int len)
{
    struct ss_ctx *c = ud;
    if (c->in_si && c->in_t && c->rph == 0)
        ys_buf_put(&c->buf, s, (size_t)len);
}

static int read_shared_strings(ys_xlsx *x, ys_error *err)
{
    if (!x->ss_path || !ys_zip_has(x->zip, x->ss_path))
        return YS_OK;
    char *xml;
    size_t n;
    int rc = ys_zip_read(x->zip, x->ss_path, &xml, &n, err);
    if (rc != YS_OK)
        return rc;
    struct ss_ctx c = {.x = x};
    ys_xml_handlers h = {&c, ss_start, ss_end, ss_text};
    rc = ys_xml_parse(x->name, x->ss_path, xml, n, &h, err);
    free(xml);
    ys_buf_free(&c.buf);
    if (rc == YS_ENOMEM && err && err->code == YS_OK)
        ys_error_set(err, rc, x->name, 0, "内存不足");
    return rc;
}

static int open_parts(ys_xlsx *x, ys_error *err)
{
    char *doc;
    int rc = read_rels(x, "", "/officeDocument", &doc, err);
    if (rc != YS_OK)
        return rc;
    x->wb_path = doc ? doc : "xl/workbook.xml";
    if (!ys_zip_has(x->zip, x->wb_path))
        return ys_error_set(err, YS_EINPUT, x->name, 0,
                            "不是 XLSX 工作簿（压缩包内没有 %s）", x->wb_path);
    char *xml;
    size_t n;
    rc = ys_zip_read(x->zip, x->wb_path, &xml, &n, err);
    if (rc != YS_OK)
        return rc;
    ys_xml_handlers h = {x, workbook_start, NULL, NULL};
    rc = ys_xml_parse(x->name, x->wb_path, xml, n, &h, err);
    free(xml);
    if (rc != YS_OK)
        return rc == YS_ENOMEM ? ys_error_set(err, rc, x->name, 0, "内存不足") : rc;
    rc = read_rels(x, x->wb_path, "/sharedStrings", &x->ss_path, err);
    if (rc != YS_OK)
        return rc;
    char *styles;
    rc = read_rels(x, x->wb_path, "/styles", &styles, err);
    if (rc == YS_OK && styles && ys_zip_has(x->zip, styles))
        rc = ys_xlsx_read_styles(x, styles, err);
    if (rc != YS_OK)
        return rc;
    return read_shared_strings(x, err);
}

int ys_xlsx_open(const char *name, const unsigned char *buf, size_t n,
                 ys_xlsx **out, ys_error *err)
{
    ys_xlsx *x = calloc(1, sizeof *x);
    if (!x || !(x->arena = ys_arena_new())) {
        free(x);
        return ys_error_set(err, YS_ENOMEM, name, 0, "内存不足");
    }
    snprintf(x->name, sizeof x->name, "%s", name ? name : "");
    int rc = ys_zip_open_mem(x->name, buf, n, &x->zip, err);
    if (rc == YS_OK)
        rc = open_parts(x, err);
    if (rc != YS_OK) {
        ys_xlsx_free(x);
        return rc;
    }
    *out = x;
    return YS_OK;
}

void ys_xlsx_free(ys_xlsx *x)
{
    if (!x)
        return;
    ys_zip_close(x->zip);
    ys_arena_free(x->arena);
    free(x->sheets);
    free(x->ss);
    free(x->xf_fmt);
    free(x->fmt_id);
    free(x->fmt_code);
    free(x);
}

int ys_xlsx_nsheets(const ys_xlsx *x) { return x->nsheets; }

const char *ys_xlsx_sheet_name(const ys_xlsx *x, int i)
{
    return i >= 0 && i < x->nsheets ? x->sheets[i].name : NULL;
}

int ys_xlsx_sheet_index(const ys_xlsx *x, const char *name)
{
    for (int i = 0; i < x->nsheets; i++)
        if (strcmp(x->sheets[i].name, name) == 0)
            return i;
    return -1;
}

/* ---- styles.xml: number formats of cell formats ---------------------- */

struct styles_ctx {
    ys_xlsx *x;
    int in_xfs;          /* inside cellXfs (not cellStyleXfs) */
};

static int grow(void **v, int *cap, int n, size_t size)
{
    if (n < *cap)
        return 1;
    int c = *cap ? *cap * 2 : 64;
    void *nv = realloc(*v, (size_t)c * size);
    if (!nv)
        return 0;
    *v = nv;
    *cap = c;
    return 1;
}

static int styles_start(void *ud, const char *name, const char **attrs)
{
    struct styles_ctx *c = ud;
    ys_xlsx *x = c->x;
    if (strcmp(name, "cellXfs") == 0)
        c->in_xfs = 1;
    else if (strcmp(name, "xf") == 0 && c->in_xfs) {
        const char *id = ys_xml_attr(attrs, "numFmtId");
        if (!grow((void **)&x->xf_fmt, &x->capxf, x->nxf, sizeof *x->xf_fmt))
            return YS_ENOMEM;
        x->xf_fmt[x->nxf++] = id ? atoi(id) : 0;
    } else if (strcmp(name, "numFmt") == 0) {
        const char *id = ys_xml_attr(attrs, "numFmtId");
        const char *code = ys_xml_attr(attrs, "formatCode");
        if (!id || !code)
            return YS_OK;
        int cap = x->capfmts;
        if (!grow((void **)&x->fmt_id, &cap, x->nfmts, sizeof *x->fmt_id) ||
            !grow((void **)&x->fmt_code, &x->capfmts, x->nfmts, sizeof *x->fmt_code))
            return YS_ENOMEM;
        x->fmt_id[x->nfmts] = atoi(id);
        x->fmt_code[x->nfmts] = ys_arena_strndup(x->arena, code, strlen(code));
        if (!x->fmt_code[x->nfmts++])
            return YS_ENOMEM;
    }
    return YS_OK;
}

static int styles_end(void *ud, const char *name)
{
    struct styles_ctx *c = ud;
    if (strcmp(name, "cellXfs") == 0)
        c->in_xfs = 0;
    return YS_OK;
}

int ys_xlsx_read_styles(ys_xlsx *x, const char *path, ys_error *err)
{
    char *xml;
    size_t n;
    int rc = ys_zip_read(x->zip, path, &xml, &n, err);
    if (rc != YS_OK)
        return rc;
    struct styles_ctx c = {x, 0};
    ys_xml_handlers h = {&c, styles_start, styles_end, NULL};
    rc = ys_xml_parse(x->name, path, xml, n, &h, err);
    free(xml);
    if (rc == YS_ENOMEM && err && err->code == YS_OK)
        ys_error_set(err, rc, x->name, 0, "内存不足");
    return rc;
}
