/*
 * writers/html_charts.c — SVG bar charts drawn on the server side for the
 * HTML page: expenditure by function 类 (table 3, else table 1), 基本支出
 * against 项目支出 (table 3's 合计 row, else table 5-1's), and this year
 * against last year (table 11's funds with a 上年 figure, else the
 * narrative's claims that state a prior figure or a change).
 * Promise: bar lengths are integer pixels computed from 分 (fen * width /
 * largest), never through floating point; every label goes through
 * ys_buf_html; a chart without data is left out with an HTML comment.
 */
#include <inttypes.h>
#include <string.h>

#include "recognize_internal.h"
#include "yusuan/writer.h"
#include "writers/layout.h"

#define MAX_BARS 40
#define BAR_W 260    /* px of the longest bar */
#define CHART_W 430  /* the bar and its figure after it */
#define LINE_H 20    /* one label line, one bar */
#define LABEL_CHARS 28 /* what fits in CHART_W at the chart's font size */

typedef struct bar {
    const char *label;
    int64_t fen;       /* this year */
    int64_t prior;     /* last year (compare charts) */
} bar;

static int64_t px(int64_t fen, int64_t max)
{
    if (fen <= 0 || max <= 0)
        return 0;
    /* fen ≤ 10^15 in any real budget, so fen * BAR_W stays far below 2^63 */
    int64_t w = fen * BAR_W / max;
    return w < 1 ? 1 : w;
}

static void figure_text(ys_buf *b, int64_t fen)
{
    char buf[48];
    ys_amount_format(fen, YS_UNIT_WAN, 2, true, buf, sizeof buf);
    ys_buf_puts(b, buf);
}

/* The chart's frame: `lines` rows of LINE_H px.  Labels stand above their
 * bars, so the picture stays narrow enough to read on a phone. */
static void open_chart(ys_buf *b, const char *caption, size_t lines)
{
    size_t h = lines * LINE_H + 10;
    ys_buf_puts(b, "<figure>\n<figcaption>");
    ys_buf_html(b, caption);
    ys_buf_printf(b, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                     "viewBox=\"0 0 %d %zu\" width=\"%d\" height=\"%zu\" "
                     "font-size=\"14\" aria-label=\"",
                  CHART_W, h, CHART_W, h);
    ys_buf_html(b, caption);
    ys_buf_puts(b, "\">\n");
}

/* A label on its own line; a long one is cut to LABEL_CHARS characters
 * with "…" and keeps its full text as a tooltip (<title>). */
static void label(ys_buf *b, size_t y, const char *text)
{
    char cut[LABEL_CHARS * 4 + 4];
    size_t n = 0, points = 0;
    const char *s = text;
    while (*s && points < LABEL_CHARS) {
        size_t len = 1;
        while (len < 4 && (s[len] & 0xC0) == 0x80)
            len++;
        if (points == LABEL_CHARS - 1 && s[len]) {
            memcpy(cut + n, "…", strlen("…"));
            n += strlen("…");
            break;
        }
        memcpy(cut + n, s, len);
        n += len;
        s += len;
        points++;
    }
    cut[n] = 0;
    ys_buf_printf(b, "<text x=\"0\" y=\"%zu\" fill=\"#333\">", y);
    if (strcmp(cut, text) != 0) {
        ys_buf_puts(b, "<title>");
        ys_buf_html(b, text);
        ys_buf_puts(b, "</title>");
    }
    ys_buf_html(b, cut);
    ys_buf_puts(b, "</text>\n");
}

/* One bar at line top y with its figure after it; returns nothing. */
static void one_bar(ys_buf *b, size_t y, int64_t w, int h, const char *fill)
{
    ys_buf_printf(b, "<rect x=\"0\" y=\"%zu\" width=\"%" PRId64 "\" height=\"%d\" "
                     "fill=\"%s\"/>\n<text x=\"%" PRId64 "\" y=\"%zu\">",
                  y, w, h, fill, w + 6, y + 14);
}

/* Horizontal bars with the figure and its share of the total after each. */
static void bar_chart(ys_buf *b, const char *caption, const bar *v, size_t n)
{
    int64_t max = 0, total = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].fen > max)
            max = v[i].fen;
        total += v[i].fen > 0 ? v[i].fen : 0;
    }
    open_chart(b, caption, n * 2);
    for (size_t i = 0; i < n; i++) {
        size_t y = 2 * LINE_H * i;
        label(b, y + 15, v[i].label);
        one_bar(b, y + LINE_H, px(v[i].fen, max), 18, "#2b5797");
        figure_text(b, v[i].fen);
        if (total > 0) {
            /* share in 0.01 % units, rounded half-up, integers only */
            int64_t bp = (v[i].fen * 10000 + total / 2) / total;
            ys_buf_printf(b, "（%" PRId64 ".%02" PRId64 "%%）", bp / 100, bp % 100);
        }
        ys_buf_puts(b, "</text>\n");
    }
    ys_buf_puts(b, "</svg>\n</figure>\n");
}

/* Per item: its label, last year's bar (grey), this year's (blue). */
static void compare_chart(ys_buf *b, const char *caption, const bar *v, size_t n)
{
    int64_t max = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].fen > max)
            max = v[i].fen;
        if (v[i].prior > max)
            max = v[i].prior;
    }
    open_chart(b, caption, n * 3 + 1);
    ys_buf_puts(b, "<rect x=\"0\" y=\"4\" width=\"12\" height=\"10\" fill=\"#aaa\"/>"
                   "<text x=\"16\" y=\"14\">上年</text>"
                   "<rect x=\"60\" y=\"4\" width=\"12\" height=\"10\" fill=\"#2b5797\"/>"
                   "<text x=\"76\" y=\"14\">本年</text>\n");
    for (size_t i = 0; i < n; i++) {
        size_t y = LINE_H + 3 * LINE_H * i;
        label(b, y + 15, v[i].label);
        one_bar(b, y + LINE_H, px(v[i].prior, max), 16, "#aaa");
        figure_text(b, v[i].prior);
        ys_buf_puts(b, "</text>\n");
        one_bar(b, y + 2 * LINE_H, px(v[i].fen, max), 16, "#2b5797");
        figure_text(b, v[i].fen);
        ys_buf_puts(b, "</text>\n");
    }
    ys_buf_puts(b, "</svg>\n</figure>\n");
}

static int col(const ys_table *t, const char *key) { return t ? ys_table_col(t, key) : -1; }

static size_t by_class(const ys_tableset *ts, bar *v)
{
    size_t n = 0;
    const ys_table *t = ys_tableset_find(ts, "3");
    int c = col(t, "total");
    if (c >= 0) {
        for (size_t i = 0; i < t->nrows && n < MAX_BARS; i++) {
            const ys_row *r = &t->rows[i];
            if (r->level == 1 && r->kind != YS_ROW_TOTAL && r->cells[c].v.present)
                v[n++] = (bar){r->name, r->cells[c].v.fen, 0};
        }
        if (n)
            return n;
    }
    t = ys_tableset_find(ts, "1");
    c = col(t, "amount");
    for (size_t i = 0; c >= 0 && i < t->nrows && n < MAX_BARS; i++) {
        const ys_row *r = &t->rows[i];
        if (r->key && strcmp(r->key, "out.class") == 0 && r->cells[c].v.present &&
            r->cells[c].v.fen != 0)
            v[n++] = (bar){r->name, r->cells[c].v.fen, 0};
    }
    return n;
}

static const ys_row *total_row(const ys_table *t)
{
    for (size_t i = 0; t && i < t->nrows; i++)
        if (t->rows[i].kind == YS_ROW_TOTAL)
            return &t->rows[i];
    return NULL;
}

static size_t basic_project(const ys_tableset *ts, bar *v)
{
    static const char *const ids[] = {"3", "5-1"};
    for (size_t k = 0; k < 2; k++) {
        const ys_table *t = ys_tableset_find(ts, ids[k]);
        const ys_row *r = total_row(t);
        int cb = col(t, "basic"), cp = col(t, "project");
        if (!r || cb < 0 || cp < 0 || (!r->cells[cb].v.present && !r->cells[cp].v.present))
            continue;
        v[0] = (bar){"基本支出", r->cells[cb].v.present ? r->cells[cb].v.fen : 0, 0};
        v[1] = (bar){"项目支出", r->cells[cp].v.present ? r->cells[cp].v.fen : 0, 0};
        return 2;
    }
    return 0;
}

/* Claims with a prior figure or a change: this year and last year. */
static size_t claims_on_year(const ys_tableset *ts, bar *v, size_t n)
{
    for (size_t i = 0; i < ts->nclaims && n < MAX_BARS; i++) {
        const ys_claim *c = &ts->claims[i];
        if (c->kind != YS_CLAIM_FIGURE || !c->amount.present || c->scope)
            continue;
        if (!c->prior.present && !c->change.present)
            continue;
        int64_t prior = c->prior.present ? c->prior.fen : c->amount.fen - c->change.fen;
        const char *name = c->subject && *c->subject ? c->subject : c->key ? c->key : "";
        v[n++] = (bar){name, c->amount.fen, prior};
    }
    return n;
}

/*
 * This year against last year: table 11's funds with a 上年 figure, else
 * the claims of the set, else the claims that part 3's paragraphs make (a
 * derived set carries its narrative as text): those are read into
 * `scratch`, which the caller frees after drawing.
 */
static size_t year_on_year(const ys_tableset *ts, bar *v, ys_tableset **scratch)
{
    size_t n = 0;
    const ys_table *t = ys_tableset_find(ts, "11");
    int ca = col(t, "amount"), cp = col(t, "prior1");
    for (size_t i = 0; ca >= 0 && cp >= 0 && i < t->nrows && n < MAX_BARS; i++) {
        const ys_row *r = &t->rows[i];
        /* both blocks of table 11 end in a row named 合计: say which */
        const char *name = r->name;
        if (r->key && strcmp(r->key, "in.total") == 0)
            name = "收入合计";
        else if (r->key && strcmp(r->key, "out.total") == 0)
            name = "支出合计";
        if (r->cells[ca].v.present && r->cells[cp].v.present)
            v[n++] = (bar){name, r->cells[ca].v.fen, r->cells[cp].v.fen};
    }
    if (n || (n = claims_on_year(ts, v, 0)) != 0)
        return n;
    *scratch = ys_tableset_new();
    if (!*scratch)
        return 0;
    for (size_t i = 0; i < ts->nparas; i++) {
        const ys_para *p = &ts->paras[i];
        if (p->part == 3 && p->text &&
            ys_claims_from_text(*scratch, p->text, p->line, p->section, NULL) < 0)
            return 0;
    }
    return claims_on_year(*scratch, v, 0);
}

void ys_html_charts(const ys_tableset *ts, ys_buf *b)
{
    bar v[MAX_BARS];
    ys_buf_puts(b, "<section class=\"charts\" aria-label=\"图表\">\n");
    size_t n = by_class(ts, v);
    if (n)
        bar_chart(b, "支出按功能分类（类）（万元）", v, n);
    else
        ys_buf_puts(b, "<!-- 无分功能科目支出数据：未绘制支出结构图 -->\n");
    n = basic_project(ts, v);
    if (n)
        bar_chart(b, "基本支出与项目支出（万元）", v, n);
    else
        ys_buf_puts(b, "<!-- 无基本支出、项目支出数据：未绘制该图 -->\n");
    ys_tableset *scratch = NULL;
    n = year_on_year(ts, v, &scratch);
    if (n)
        compare_chart(b, "本年与上年对比（万元）", v, n);
    else
        ys_buf_puts(b, "<!-- 表集中没有上年数据：未绘制本年与上年对比图 -->\n");
    ys_tableset_free(scratch);
    ys_buf_puts(b, "</section>\n");
}
