/*
 * ooxml_sheet.c — owns the reading of one XLSX worksheet into rows of
 * cells (sheetData) and its merged ranges (mergeCells).
 * Promise: cells come sorted by row then column, the last of duplicates
 * kept; numbers keep the decimal text stored in the file (never through a
 * double); a bad reference or string index gives YS_EINPUT at sheet!cell.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ooxml_internal.h"
#include "yusuan/fileio.h"

/* ---- numbers: the stored decimal text, tidied without a double ------- */

/*
 * Excel stores a double's shortest round-trip text, so a computed 1234.56
 * may read "1234.5599999999999".  Excel shows 15 significant digits; we
 * round the digit string the same way, in decimal, and spell exponents
 * out ("1.5E3" -> "1500").  Text that is not a plain number is kept.
 */
static char *tidy_number(ys_arena *a, const char *s, size_t n)
{
    char d[64];
    int nd = 0, point = -1, neg = 0, i = 0, exp = 0;
    if (n > 40)
        return ys_arena_strndup(a, s, n);
    if (i < (int)n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    for (; i < (int)n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            d[nd++] = s[i];
        else if (s[i] == '.' && point < 0)
            point = nd;
        else
            break;
    }
    if (nd == 0)
        return ys_arena_strndup(a, s, n);
    if (i < (int)n && (s[i] == 'E' || s[i] == 'e')) {
        int eneg = 0, k = ++i;
        if (i < (int)n && (s[i] == '-' || s[i] == '+'))
            eneg = s[i++] == '-';
        for (k = i; i < (int)n && s[i] >= '0' && s[i] <= '9' && exp < 100; i++)
            exp = exp * 10 + (s[i] - '0');
        if (i == k || exp > 30)
            return ys_arena_strndup(a, s, n);
        if (eneg)
            exp = -exp;
    }
    if (i != (int)n)
        return ys_arena_strndup(a, s, n);
    int ip = (point < 0 ? nd : point) + exp;   /* digits before the point */
    int lead = 0;
    while (lead < nd && d[lead] == '0')
        lead++;
    memmove(d, d + lead, (size_t)(nd - lead));
    nd -= lead;
    ip -= lead;
    if (nd > 15) {
        int carry = d[15] >= '5';
        nd = 15;
        for (int k = 14; k >= 0 && carry; k--) {
            if (d[k] == '9')
                d[k] = '0';
            else {
                d[k]++;
                carry = 0;
            }
        }
        if (carry) {
            memmove(d + 1, d, 14);
            d[0] = '1';
            ip++;
        }
    }
    while (nd > 0 && d[nd - 1] == '0' && nd > ip)
        nd--;                                   /* trailing fraction zeros */
    char out[128];
    int o = 0;
    if (nd == 0)
        return ys_arena_strndup(a, "0", 1);
    if (neg)
        out[o++] = '-';
    if (ip <= 0) {
        out[o++] = '0';
        out[o++] = '.';
        for (int k = 0; k < -ip; k++)
            out[o++] = '0';
        memcpy(out + o, d, (size_t)nd);
        o += nd;
    } else {
        for (int k = 0; k < ip; k++)
            out[o++] = k < nd ? d[k] : '0';
        if (nd > ip) {
            out[o++] = '.';
            memcpy(out + o, d + ip, (size_t)(nd - ip));
            o += nd - ip;
        }
    }
    return ys_arena_strndup(a, out, (size_t)o);
}

/* ---- worksheet ------------------------------------------------------- */

struct tmp_cell {
    int row, col, seq;
    ys_xlsx_type type;
    const char *text, *shown;
};

struct sheet_ctx {
    ys_xlsx *x;
    ys_xlsx_sheet *s;
    ys_error *err;
    struct tmp_cell *cells;
    size_t ncells, cap;
    ys_xlsx_merge *merges;
    int nmerges, capm;
    int row, next_col;     /* current <row>, column after the last <c> */
    int cur_col, style;    /* the s="" of the current cell */
    char t[16];            /* the t="" of the current cell */
    int in_c, in_v, in_is, in_t, rph, has_v;
    ys_buf buf;
};

static int sheet_fail(struct sheet_ctx *c, int row, int col, const char *what)
{
    char ref[16], where[64];
    ys_xlsx_format_ref(row, col, ref, sizeof ref);
    snprintf(where, sizeof where, "%s!%s", c->s->name, ref);
    return ys_error_setw(c->err, YS_EINPUT, c->x->name, where, "%s", what);
}

static int start_cell(struct sheet_ctx *c, const char **attrs)
{
    const char *r = ys_xml_attr(attrs, "r");
    const char *t = ys_xml_attr(attrs, "t");
    const char *style = ys_xml_attr(attrs, "s");
    int row = c->row, col = c->next_col;
    c->style = style ? atoi(style) : 0;
    if (r && !ys_xlsx_parse_ref(r, &row, &col))
        return ys_error_setw(c->err, YS_EINPUT, c->x->name, c->s->name,
                             "工作表“%s”中单元格引用“%.20s”无效", c->s->name, r);
    if (col >= XLSX_MAX_COL)
        return sheet_fail(c, row, 0, "单元格超出 XLSX 的列数上限");
    c->row = row;
    c->cur_col = col;
    c->next_col = col + 1;
    snprintf(c->t, sizeof c->t, "%s", t ? t : "n");
    c->in_c = 1;
    c->has_v = 0;
    c->buf.n = 0;
    return YS_OK;
}

static int add_merge(struct sheet_ctx *c, const char *ref)
{
    char a[16], b[16];
    const char *colon = ref ? strchr(ref, ':') : NULL;
    if (!colon || colon - ref >= 16 || strlen(colon + 1) >= 16)
        return YS_OK;   /* a one-cell merge or junk: nothing to do */
    snprintf(a, sizeof a, "%.*s", (int)(colon - ref), ref);
    snprintf(b, sizeof b, "%s", colon + 1);
    ys_xlsx_merge m;
    if (!ys_xlsx_parse_ref(a, &m.row0, &m.col0) || !ys_xlsx_parse_ref(b, &m.row1, &m.col1))
        return YS_OK;
    if (c->nmerges == c->capm) {
        int cap = c->capm ? c->capm * 2 : 16;
        ys_xlsx_merge *v = realloc(c->merges, (size_t)cap * sizeof *v);
        if (!v)
            return YS_ENOMEM;
        c->merges = v;
        c->capm = cap;
    }
    c->merges[c->nmerges++] = m;
    return YS_OK;
}

static int sheet_start(void *ud, const char *name, const char **attrs)
{
    struct sheet_ctx *c = ud;
    if (strcmp(name, "row") == 0) {
        const char *r = ys_xml_attr(attrs, "r");
        int row = r ? atoi(r) : c->row + 1;
        if (row < 1 || row > XLSX_MAX_ROW)
            return ys_error_setw(c->err, YS_EINPUT, c->x->name, c->s->name,
                                 "工作表“%s”中行号“%.20s”无效", c->s->name, r ? r : "");
        c->row = row;
        c->next_col = 0;
    } else if (strcmp(name, "c") == 0)
        return start_cell(c, attrs);
    else if (!c->in_c) {
        if (strcmp(name, "mergeCell") == 0)
            return add_merge(c, ys_xml_attr(attrs, "ref"));
    } else if (strcmp(name, "v") == 0)
        c->in_v = c->has_v = 1;
    else if (strcmp(name, "is") == 0)
        c->in_is = c->has_v = 1;
    else if (strcmp(name, "rPh") == 0)
        c->rph++;
    else if (strcmp(name, "t") == 0)
        c->in_t = 1;
    return YS_OK;
}

/* The text and type of the finished cell from its t="" and value. */
static int cell_value(struct sheet_ctx *c, struct tmp_cell *tc)
{
    ys_arena *a = c->s->arena;
    const char *v = c->buf.p ? c->buf.p : "";
    size_t n = c->buf.n;
    tc->type = YS_XLSX_STRING;
    tc->shown = NULL;
    if (!c->has_v) {
        tc->type = YS_XLSX_EMPTY;
        tc->text = "";
    } else if (strcmp(c->t, "s") == 0) {
        char *end;
        unsigned long k = strtoul(v, &end, 10);
        if (n == 0 || *end || k >= c->x->nss)
            return sheet_fail(c, c->row, c->cur_col, "共享字符串编号无效");
        tc->text = c->x->ss[k];
    } else if (strcmp(c->t, "b") == 0) {
        tc->type = YS_XLSX_BOOL;
        tc->text = n == 1 && v[0] == '1' ? "TRUE" : "FALSE";
    } else if (strcmp(c->t, "e") == 0) {
        tc->type = YS_XLSX_ERROR;
        tc->text = ys_arena_strndup(a, v, n);
    } else if (strcmp(c->t, "n") == 0) {
        tc->type = YS_XLSX_NUMBER;
        tc->text = tidy_number(a, v, n);
        if (tc->text)
            tc->shown = ys_xlsx_show_number(a, tc->text, ys_xlsx_format_code(c->x, c->style));
    } else
        tc->text = ys_arena_strndup(a, v, n);   /* str, inlineStr, d */
    if (!tc->shown)
        tc->shown = tc->text;
    return tc->text ? YS_OK : YS_ENOMEM;
}

static int end_cell(struct sheet_ctx *c)
{
    c->in_c = 0;
    if (c->buf.oom)
        return YS_ENOMEM;
    if (c->ncells == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 1024;
        struct tmp_cell *v = realloc(c->cells, cap * sizeof *v);
        if (!v)
            return YS_ENOMEM;
        c->cells = v;
        c->cap = cap;
    }
    struct tmp_cell *tc = &c->cells[c->ncells];
    tc->row = c->row;
    tc->col = c->cur_col;
    tc->seq = (int)c->ncells;
    int rc = cell_value(c, tc);
    if (rc == YS_OK)
        c->ncells++;
    return rc;
}

static int sheet_end(void *ud, const char *name)
{
    struct sheet_ctx *c = ud;
    if (!c->in_c)
        return YS_OK;
    if (strcmp(name, "c") == 0)
        return end_cell(c);
    if (strcmp(name, "v") == 0)
        c->in_v = 0;
    else if (strcmp(name, "is") == 0)
        c->in_is = 0;
    else if (strcmp(name, "rPh") == 0)
        c->rph--;
    else if (strcmp(name, "t") == 0)
        c->in_t = 0;
    return YS_OK;
}

static void sheet_text(void *ud, const char *s, int len)
{
    struct sheet_ctx *c = ud;
    if (c->in_c && (c->in_v || (c->in_is && c->in_t && c->rph == 0)))
        ys_buf_put(&c->buf, s, (size_t)len);
}

static int cmp_cell(const void *pa, const void *pb)
{
    const struct tmp_cell *a = pa, *b = pb;
    if (a->row != b->row)
        return a->row < b->row ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Sort the cells, keep the last of duplicates, and lay rows out in the
 * sheet's arena. */
static int build_rows(struct sheet_ctx *c)
{
    ys_xlsx_sheet *s = c->s;
    qsort(c->cells, c->ncells, sizeof *c->cells, cmp_cell);
    size_t k = 0;
    for (size_t i = 0; i < c->ncells; i++) {
        if (k && c->cells[k - 1].row == c->cells[i].row && c->cells[k - 1].col == c->cells[i].col)
            k--;
        c->cells[k++] = c->cells[i];
    }
    int nrows = 0;
    for (size_t i = 0; i < k; i++)
        nrows += i == 0 || c->cells[i].row != c->cells[i - 1].row;
    s->rows = ys_arena_alloc(s->arena, sizeof *s->rows * (size_t)(nrows ? nrows : 1));
    ys_xlsx_cell *cells = ys_arena_alloc(s->arena, sizeof *cells * (k ? k : 1));
    if (!s->rows || !cells)
        return YS_ENOMEM;
    for (size_t i = 0; i < k; i++) {
        struct tmp_cell *t = &c->cells[i];
        if (i == 0 || t->row != c->cells[i - 1].row) {
            ys_xlsx_row *r = &s->rows[s->nrows++];
            r->row = t->row;
            r->ncells = 0;
            r->cells = &cells[i];
        }
        char ref[16];
        ys_xlsx_format_ref(t->row, t->col, ref, sizeof ref);
        cells[i] = (ys_xlsx_cell){t->col, ys_arena_strndup(s->arena, ref, strlen(ref)),
                                  t->text, t->type, t->shown};
        if (!cells[i].ref)
            return YS_ENOMEM;
        s->rows[s->nrows - 1].ncells++;
    }
    s->nmerges = c->nmerges;
    s->merges = ys_arena_alloc(s->arena, sizeof *s->merges * (size_t)(c->nmerges ? c->nmerges : 1));
    if (!s->merges)
        return YS_ENOMEM;
    if (c->nmerges)
        memcpy(s->merges, c->merges, sizeof *s->merges * (size_t)c->nmerges);
    return YS_OK;
}

static int parse_sheet(struct sheet_ctx *c, const char *path, ys_error *err)
{
    char *xml;
    size_t n;
    int rc = ys_zip_read(c->x->zip, path, &xml, &n, err);
    if (rc != YS_OK)
        return rc;
    ys_xml_handlers h = {c, sheet_start, sheet_end, sheet_text};
    rc = ys_xml_parse(c->x->name, path, xml, n, &h, err);
    free(xml);
    if (rc == YS_OK)
        rc = build_rows(c);
    return rc;
}

int ys_xlsx_read_sheet(ys_xlsx *x, int i, ys_xlsx_sheet **out, ys_error *err)
{
    if (i < 0 || i >= x->nsheets)
        return ys_error_set(err, YS_EINPUT, x->name, 0, "没有第 %d 个工作表", i + 1);
    const char *path = x->sheets[i].path;
    if (!path)
        return ys_error_setw(err, YS_EUNSUPPORTED, x->name, x->sheets[i].name,
                             "“%s”不是普通工作表（图表页等），无法读取", x->sheets[i].name);
    ys_arena *a = ys_arena_new();
    ys_xlsx_sheet *s = a ? ys_arena_alloc(a, sizeof *s) : NULL;
    if (!s) {
        ys_arena_free(a);
        return ys_error_set(err, YS_ENOMEM, x->name, 0, "内存不足");
    }
    memset(s, 0, sizeof *s);
    s->arena = a;
    s->name = x->sheets[i].name;
    struct sheet_ctx c = {.x = x, .s = s, .err = err};
    int rc = parse_sheet(&c, path, err);
    free(c.cells);
    free(c.merges);
    ys_buf_free(&c.buf);
    if (rc != YS_OK) {
        if (rc == YS_ENOMEM)
            ys_error_set(err, rc, x->name, 0, "内存不足");
        ys_arena_free(a);
        return rc;
    }
    *out = s;
    return YS_OK;
}

void ys_xlsx_sheet_free(ys_xlsx_sheet *s)
{
    if (s)
        ys_arena_free(s->arena);   /* s itself lives in its arena */
}

const ys_xlsx_cell *ys_xlsx_sheet_cell(const ys_xlsx_sheet *s, int row, int col)
{
    int lo = 0, hi = s->nrows - 1;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        const ys_xlsx_row *r = &s->rows[mid];
        if (r->row == row) {
            for (int k = 0; k < r->ncells; k++)
                if (r->cells[k].col == col)
                    return &r->cells[k];
            return NULL;
        }
        if (r->row < row)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return NULL;
}
