/*
 * forms_rows.c — indicator rows of a project form told by their words
 * (the Shanghai 财政项目支出绩效目标填报表 read from pdftotext-style text).
 *
 * Such a table has a header "一级指标 二级指标 三级指标 指标值" and merged
 * label cells drawn in the middle of the rows they cover, so a label may
 * stand on a line of its own, wrap above and below a row ("服务对象满意" /
 * row / "度指标"), or sit in another column than its level (成本指标 in
 * the 二级 column).  The level of a label is decided by its words
 * (fx_is_l1 / fx_is_l2), never by its column; a line with one fragment
 * and no label continues a wrapped cell and never makes an indicator of
 * its own unless three such lines read as "三级 part / value / 三级 part".
 *
 * Promise: rows become indicators as they come; when the table ends
 * (fx_rows_settle) the labels are placed over the rows they cover — a
 * label at line p covering rows s..e is drawn at p = (s+e)/2, so e = 2p - s
 * (line numbers of pdftotext text keep the blank lines, so they measure
 * height; a reader that numbers lines without them makes this rougher).
 * An indicator takes the 二级 group it lies in and the 一级 that holds that
 * group's label; a 一级 with no 二级 label in its rows gives them "".  A
 * table whose first row carries its 一级 label keeps the labels carried
 * down.  Any input is read without crashing.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "forms_internal.h"
#include "text.h"

/* Longest label a wrapped fragment may complete, in bytes (10 characters). */
#define LABEL_MAX 30

static const char *const L1_LABELS[] = {"成本指标", "产出指标", "效益指标", "满意度指标"};

static int drop_pending(fx_ctx *c);

void fx_rows_begin(fx_ctx *c, const ys_line *ln, int h3)
{
    fx_ind_state *s = &c->ind;
    s->by_words = true;
    s->ncont = 0;
    for (int i = h3; i < ln->ncells; i++)
        if (!fx_blank(ln, i))
            s->ncont++;
    s->first = c->ts->nind;
    s->centred = s->any_l1 = s->any_row = false;
    s->nev = s->ngrp = 0;
    s->pend.text = NULL;
    s->pend_ind = -1;
    s->pend_ev = -1;
}

static const char *join(fx_ctx *c, const char *a, const char *b)
{
    char buf[1024];
    snprintf(buf, sizeof buf, "%s%s", a, b);
    return ys_ts_str(c->ts, buf, (size_t)-1);
}

/* True when a + b (folded) is a 二级 label short enough to be one. */
static bool joins_to_label(const char *a, const char *b)
{
    char raw[256], f[256];
    int n = snprintf(raw, sizeof raw, "%s%s", a, b);
    if (n < 0 || (size_t)n >= sizeof raw)
        return false;
    size_t m = ys_fold(raw, (size_t)n, f, sizeof f);
    return m != (size_t)-1 && m <= LABEL_MAX && fx_is_l2(f) && !fx_is_l1(f);
}

static int mark(fx_ctx *c, bool l1, const char *text, int pos)
{
    if (!text)
        return FX_NOMEM;
    fx_ind_state *s = &c->ind;
    if (l1) {
        s->l1 = text;
        s->any_l1 = true;
    } else {
        s->l2 = text;
    }
    if (s->nev < FX_MAX_EV)
        s->ev[s->nev++] = (fx_mark){pos, l1, text};
    return FX_USED;
}

static int add(fx_ctx *c, const char *l3, const char *target, const char *basis,
               int line)
{
    fx_ind_state *s = &c->ind;
    if (!s->any_row && !s->any_l1)
        s->centred = true;
    s->any_row = true;
    ys_indicator *in = ys_tableset_add_indicator(c->ts);
    if (!in)
        return FX_NOMEM;
    memset(in, 0, sizeof *in);
    in->table_id = c->tid;
    in->goal = s->goal > 0 ? s->goal : 1;
    in->l1 = s->l1 ? s->l1 : "";
    in->l2 = s->l2 ? s->l2 : "";
    in->l3 = l3;
    in->target = target ? target : "";
    in->basis = basis;
    in->line = line;
    return FX_USED;
}

/* Append a fragment to the 三级 text of indicator k of this table. */
static int continue_ind(fx_ctx *c, long k, const char *text)
{
    if (k < (long)c->ind.first || k >= (long)c->ts->nind)
        return FX_USED;     /* nothing above it in this table: dropped */
    ys_indicator *in = &c->ts->ind[k];
    in->l3 = join(c, in->l3, text);
    return in->l3 ? FX_USED : FX_NOMEM;
}

/* A lone fragment left pending: it continues the row above it. */
static int drop_pending(fx_ctx *c)
{
    fx_ind_state *s = &c->ind;
    if (!s->pend.text)
        return FX_USED;
    const char *t = s->pend.text;
    s->pend.text = NULL;
    s->pend_ev = -1;
    return continue_ind(c, s->pend_ind, t);
}

/* The one-cell lines gathered so far, now that a full row or the end
 * follows: a wrapped label, a 三级/value/三级 triple, or continuations. */
static int place_group(fx_ctx *c)
{
    fx_ind_state *s = &c->ind;
    int n = s->ngrp;
    s->ngrp = 0;
    if (n == 0)
        return FX_USED;
    fx_mark *g = s->grp;
    if (n == 2 && joins_to_label(g[0].text, g[1].text))
        return mark(c, false, join(c, g[0].text, g[1].text), (g[0].pos + g[1].pos) / 2);
    if (n == 3)
        return add(c, join(c, g[0].text, g[2].text), g[1].text, NULL, g[0].pos);
    int r = drop_pending(c);
    if (r != FX_USED)
        return r;
    if (n == 1) {                   /* may begin a label wrapped below */
        s->pend = g[0];
        s->pend_ind = (long)c->ts->nind - 1;
        s->pend_ev = -1;
        return FX_USED;
    }
    for (int i = 0; i < n && r == FX_USED; i++)
        r = continue_ind(c, (long)c->ts->nind - 1, g[i].text);
    return r;
}

/* A label tail completing the pending fragment or a gathered one. */
static bool tail_joins(fx_ctx *c, const char *raw, int pos, int *r)
{
    fx_ind_state *s = &c->ind;
    fx_mark *head = NULL;
    if (s->ngrp == 1)
        head = &s->grp[0];
    else if (s->ngrp == 0 && s->pend.text)
        head = &s->pend;
    if (!head || !joins_to_label(head->text, raw))
        return false;
    if (head == &s->pend && s->pend_ev >= 0 && s->pend_l1) {
        /* "社会效益指效益指标" + "标": the 二级 it was marked as was a
           fragment glued to a 一级 label */
        s->ev[s->pend_ev].l1 = true;
        s->ev[s->pend_ev].text = s->pend_l1;
        s->l1 = s->pend_l1;
        s->any_l1 = true;
    }
    *r = mark(c, false, join(c, head->text, raw), (head->pos + pos) / 2);
    if (head == &s->pend)
        s->pend.text = NULL;
    else
        s->ngrp = 0;
    return true;
}

/* "社会效益指效益指标": a fragment glued to a 一级 label; length of the
 * fragment in raw bytes, or 0. */
static size_t glued_l1(const char *raw)
{
    size_t n = strlen(raw);
    for (size_t i = 0; i < sizeof L1_LABELS / sizeof *L1_LABELS; i++) {
        size_t m = strlen(L1_LABELS[i]);
        if (n > m && strcmp(raw + n - m, L1_LABELS[i]) == 0)
            return n - m;
    }
    return 0;
}

/* Length of the 一级 label that folded f starts with, or 0. */
static size_t l1_prefix(const char *f)
{
    for (size_t i = 0; i < sizeof L1_LABELS / sizeof *L1_LABELS; i++)
        if (ys_starts(f, L1_LABELS[i]))
            return strlen(L1_LABELS[i]);
    return 0;
}

typedef struct row_cells {
    const char *cont[8];
    int ncont;
    int nlabels;
} row_cells;

/* Sort the cells of a line into labels (marked now) and content. */
static int sort_cells(fx_ctx *c, const ys_line *ln, row_cells *rc)
{
    fx_ind_state *s = &c->ind;
    char f[256];
    int r = FX_USED;
    for (int i = 0; i < ln->ncells && r == FX_USED; i++) {
        if (fx_blank(ln, i) || !fx_fold(ln, i, f, sizeof f) || strcmp(f, "绩效指标") == 0)
            continue;                       /* 绩效指标: the block's caption */
        const char *raw = fx_raw(ln, i);
        size_t l1n = l1_prefix(f);
        if (fx_is_l1(f)) {
            r = mark(c, true, ys_ts_str(c->ts, raw, (size_t)-1), ln->no);
        } else if (l1n && fx_is_l2(f + l1n)) {      /* "效益指标 社会效益指标" */
            r = mark(c, true, ys_ts_str(c->ts, f, l1n), ln->no);
            if (r == FX_USED)
                r = mark(c, false, ys_ts_str(c->ts, f + l1n, (size_t)-1), ln->no);
        } else if (tail_joins(c, raw, ln->no, &r)) {
            /* marked by tail_joins */
        } else if (fx_is_l2(f)) {
            int ev = s->nev;
            r = mark(c, false, ys_ts_str(c->ts, raw, (size_t)-1), ln->no);
            size_t g = glued_l1(raw);
            if (g && r == FX_USED && (r = drop_pending(c)) == FX_USED) {
                s->pend = (fx_mark){ln->no, false, ys_ts_str(c->ts, raw, g)};
                s->pend_ind = -1;
                s->pend_ev = ev < s->nev ? ev : -1;
                s->pend_l1 = ys_ts_str(c->ts, raw + g, (size_t)-1);
            }
        } else {
            if (rc->ncont < 8)
                rc->cont[rc->ncont++] = raw;
            continue;
        }
        rc->nlabels++;
    }
    return r;
}

int fx_rows_line(fx_ctx *c, const ys_line *ln)
{
    fx_ind_state *s = &c->ind;
    row_cells rc = {0};
    int r = sort_cells(c, ln, &rc);
    if (r != FX_USED || rc.ncont == 0)
        return r;
    if (rc.ncont == 1 && rc.nlabels == 0) {
        if (s->ngrp < 4)
            s->grp[s->ngrp++] = (fx_mark){ln->no, false, ys_ts_str(c->ts, rc.cont[0], (size_t)-1)};
        return s->grp[s->ngrp - 1].text ? FX_USED : FX_NOMEM;
    }
    /* a fragment pending from before the lines just gathered continues
       its row; the gathered ones may leave a new one pending */
    if ((r = drop_pending(c)) != FX_USED || (r = place_group(c)) != FX_USED)
        return r;
    int want = s->ncont >= 2 && s->ncont <= 3 ? s->ncont : 2;
    int skip = rc.ncont > want ? rc.ncont - want : 0;
    if (skip) {                     /* a label fragment before the row */
        if ((r = drop_pending(c)) != FX_USED)
            return r;
        s->pend = (fx_mark){ln->no, false, ys_ts_str(c->ts, rc.cont[0], (size_t)-1)};
        s->pend_ind = -1;
        s->pend_ev = -1;
    }
    const char **v = rc.cont + skip;
    int nv = rc.ncont - skip;
    const char *l3 = ys_ts_str(c->ts, v[0], (size_t)-1);
    const char *target = nv > 1 ? ys_ts_str(c->ts, v[1], (size_t)-1) : NULL;
    const char *basis = nv > 2 ? ys_ts_str(c->ts, v[2], (size_t)-1) : NULL;
    if (!l3 || (nv > 1 && !target) || (nv > 2 && !basis))
        return FX_NOMEM;
    return add(c, l3, target, basis, ln->no);
}

/* ---- placing the labels ------------------------------------------------ */

typedef struct span { int from, to, pos; const char *text; } span;

/* Spans of the marks of one level with positions in [lo, hi], drawn
 * centred: a mark at p covering from..to has to = 2p - from, kept short
 * of the next mark.  Returns the number of spans. */
static int spans_of(const fx_ind_state *s, bool l1, int lo, int hi, span *out, int cap)
{
    int n = 0;
    for (int i = 0; i < s->nev && n < cap; i++)
        if (s->ev[i].l1 == l1 && s->ev[i].pos >= lo && s->ev[i].pos <= hi)
            out[n++] = (span){s->ev[i].pos, s->ev[i].pos, s->ev[i].pos, s->ev[i].text};
    long from = lo;
    for (int k = 0; k < n; k++) {
        int p = out[k].from;
        long to = 2L * p - from;
        if (to < p)
            to = p;
        if (k + 1 < n && to >= out[k + 1].from)
            to = out[k + 1].from - 1;
        if (k + 1 == n || to > hi)
            to = hi;
        out[k].from = (int)from;
        out[k].to = (int)to;
        from = to + 1;
    }
    return n;
}

/* Index of the span holding line, or -1. */
static int span_at(const span *sp, int n, int line)
{
    for (int k = 0; k < n; k++)
        if (line >= sp[k].from && line <= sp[k].to)
            return k;
    return -1;
}

/* True when a 二级 mark lies in the span (else its rows have no 二级). */
static bool has_l2(const fx_ind_state *s, const span *sp)
{
    for (int i = 0; i < s->nev; i++)
        if (!s->ev[i].l1 && s->ev[i].pos >= sp->from && s->ev[i].pos <= sp->to)
            return true;
    return false;
}

/* Labels of one indicator: its 二级 group's span, and the 一级 whose span
 * holds that group's label (a 二级 group never straddles two 一级); a 一级
 * with no 二级 in its span (成本指标 alone) gives its rows no 二级. */
static void place(ys_indicator *in, const fx_ind_state *s, const span *l1, int n1,
                  const span *l2, int n2)
{
    int k1 = span_at(l1, n1, in->line);
    int k2 = span_at(l2, n2, in->line);
    if (k1 >= 0 && (k2 < 0 || !has_l2(s, &l1[k1]))) {
        in->l1 = l1[k1].text;
        in->l2 = "";
        return;
    }
    if (k2 < 0)
        return;
    int g = span_at(l1, n1, l2[k2].pos);
    if (g >= 0 || k1 >= 0)
        in->l1 = l1[g >= 0 ? g : k1].text;
    in->l2 = l2[k2].text;
}

int fx_rows_settle(fx_ctx *c)
{
    fx_ind_state *s = &c->ind;
    if (!s->by_words)
        return FX_SKIP;
    int r = place_group(c);
    if (r == FX_USED)
        r = drop_pending(c);
    s->by_words = false;
    if (r != FX_USED || !s->centred || !s->any_l1 || s->first >= c->ts->nind)
        return r;
    ys_indicator *ind = c->ts->ind + s->first;
    size_t n = c->ts->nind - s->first;
    int lo = ind[0].line;
    for (int i = 0; i < s->nev; i++)
        lo = s->ev[i].pos < lo ? s->ev[i].pos : lo;
    span l1[FX_MAX_EV], l2[FX_MAX_EV];
    int n1 = spans_of(s, true, lo, INT_MAX, l1, FX_MAX_EV);
    int n2 = spans_of(s, false, lo, INT_MAX, l2, FX_MAX_EV);
    for (size_t i = 0; i < n; i++)
        place(&ind[i], s, l1, n1, l2, n2);
    return FX_USED;
}
