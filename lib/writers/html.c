/*
 * writers/html.c — one self-contained HTML page laid out like the published
 * document: inline CSS, no script, no external resource; tables scroll
 * sideways inside a wrapper on a phone; parts start on a new page when
 * printed; SVG charts (html_charts.c) at the head of the page.
 * Promise: every text from the input goes through ys_buf_html; tables are
 * plain <table><tr><td> with one figure per cell and colspan/rowspan for
 * merged header cells, so the HTML reader reads the page back.
 * Structure is in attributes too, not only in CSS, because LibreOffice's
 * HTML import reads few CSS rules: border="1" draws the grid (without it
 * a PDF made from the page loses most tables) and nowrap asks browsers to
 * keep an amount on one line (LibreOffice's PDF export still wraps amounts
 * in narrow columns: see tests/e2e_roundtrip.sh).
 * Printed from a browser: a table of more columns than a portrait page
 * holds (WIDE_COLS) stands with its heading, label, title and notes in a
 * <div class="wide"> printed on a landscape page of its own (a named
 * @page) in a smaller type; other pages are A4 portrait.  LibreOffice
 * reads neither @media print nor named pages, nor a class, and ignores
 * <wbr>, cellpadding, CSS padding and <col>/<table> widths once the
 * columns' least widths pass the page: there such a table's cells carry
 * their own type size (lo_fit_halfpt), which browsers set back
 * (table.fit td).
 * Header rows are not in a <thead>: Chromium would repeat them on each
 * page a table runs to, but LibreOffice repeats them too, and the PDF
 * reader misreads a header repeated at a page's top (the built example's
 * PDF then loses tables 10 and 11 and misreads 5-1's tree).
 */
#include <string.h>
#include "yusuan/writer.h"
#include "writers/layout.h"

static const char CSS[] =
    "body{margin:0;font-family:\"Noto Sans CJK SC\",\"Source Han Sans SC\",\"PingFang SC\","
    "\"Microsoft YaHei\",sans-serif;color:#222;background:#fff;line-height:1.6}"
    "main{max-width:1100px;margin:0 auto;padding:16px}"
    "h1{font-size:1.6em;text-align:center;margin:24px 0}"
    "h2{font-size:1.35em;border-bottom:2px solid #2b5797;padding-bottom:4px;margin-top:40px}"
    "h3{font-size:1.15em;margin-top:28px}h4{font-size:1.05em}"
    "p{margin:8px 0;text-indent:2em}"
    "p.label,p.ttitle{text-align:center;text-indent:0;margin:4px 0}"
    "p.ttitle{font-weight:bold;font-size:1.1em}"
    "p.meta{text-indent:0;font-size:.9em;color:#444}"
    "p.note{text-indent:0;font-size:.9em}"
    ".tw{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:8px 0 16px}"
    "table{border-collapse:collapse;font-size:13px;min-width:60%}"
    "td{border:1px solid #888;padding:3px 6px;vertical-align:middle;min-width:3.5em}"
    "td.h{background:#e8eef7;font-weight:bold;text-align:center}"
    "tr>td:nth-child(2):not(.n):not(.h){min-width:9em}"
    "td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}"
    ".charts{display:flex;flex-wrap:wrap;gap:16px}"
    ".charts figure{margin:0;flex:1 1 320px;border:1px solid #ddd;padding:8px}"
    ".charts figcaption{font-weight:bold;margin-bottom:4px}"
    ".charts svg{width:100%;max-width:520px;height:auto;display:block}"
    "table.fit td{font-size:inherit!important}"
    "@media (max-width:600px){main{padding:8px}h1{font-size:1.3em}table{font-size:12px}}"
    "@page wide{size:A4 landscape;margin:10mm}"
    "@media print{@page{size:A4;margin:15mm 12mm}main{max-width:none;padding:0}.part{break-before:page;page-break-before:always}"
    ".tw{overflow:visible}table{font-size:10px}td{min-width:0}"
    ".wide{page:wide}.wide table{width:100%;font-size:11px}.wide td{padding:2px 3px}"
    "figure,tr{break-inside:avoid;page-break-inside:avoid}}";

/* A table of more columns than this (table 10's 12, table 2's 19) does not
 * fit a portrait page at a readable size: it is printed on a landscape one. */
#define WIDE_COLS 9

/* LibreOffice sets a column no narrower than about 13 pt plus its text,
 * so a table of WIDE_COLS columns or more runs past a portrait page's right
 * edge at its 12 pt (table 10's 12 columns with 21-character codes, table
 * 2's 19): such a table's cells get LO_FIT / columns pt (measured: table 10
 * fits at 10 pt, table 2 at 7; 6 pt by this rule), in half points.  0: the
 * table keeps the stylesheet's size. */
#define LO_FIT 120
static int lo_fit_halfpt(const ys_grid *g)
{
    if (g->width < WIDE_COLS)
        return 0;
    return 2 * LO_FIT / g->width;
}

static void put_grid(ys_buf *b, const ys_grid *g)
{
    int fit = lo_fit_halfpt(g);
    ys_buf_puts(b, fit ? "<div class=\"tw\"><table class=\"fit\"" : "<div class=\"tw\"><table");
    ys_buf_puts(b, " border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n");
    for (size_t r = 0; r < g->nrows; r++) {
        ys_buf_puts(b, "<tr>");
        for (int c = 0; c < g->width; c++) {
            const ys_gcell *x = ys_grid_at(g, r, c);
            if (x->colspan == 0)
                continue; /* covered by a merged cell */
            bool head = r < (size_t)g->hrows;
            ys_buf_puts(b, head ? "<td class=\"h\"" : x->num ? "<td class=\"n\" nowrap" : "<td");
            /* valign: a cell's own style turns LibreOffice's top alignment
             * to the stylesheet's middle, and the PDF reader reads wrapped
             * header labels set from their cells' tops */
            if (fit)
                ys_buf_printf(b, " style=\"font-size:%d.%dpt\" valign=\"top\"", fit / 2,
                              fit % 2 ? 5 : 0);
            if (x->colspan > 1)
                ys_buf_printf(b, " colspan=\"%d\"", x->colspan);
            if (x->rowspan > 1)
                ys_buf_printf(b, " rowspan=\"%d\"", x->rowspan);
            ys_buf_puts(b, ">");
            ys_buf_html(b, x->text);
            ys_buf_puts(b, "</td>");
        }
        ys_buf_puts(b, "</tr>\n");
    }
    ys_buf_puts(b, "</table></div>\n");
}

static void tag(ys_buf *b, const char *open, const char *text, const char *close)
{
    ys_buf_puts(b, open);
    ys_buf_html(b, text);
    ys_buf_puts(b, close);
}

/* The department's name on a line of its own: a long title then breaks
   where a reader expects it, not inside the name (a PDF made from the page
   would otherwise start a line with the name's tail). */
static void put_title(ys_buf *b, const char *text, const char *dept)
{
    size_t n = strlen(dept);
    if (n == 0 || strncmp(text, dept, n) != 0 || text[n] == '\0') {
        tag(b, "<h1>", text, "</h1>\n");
        return;
    }
    tag(b, "<h1>", dept, "<br>");
    tag(b, "", text + n, "</h1>\n");
}

/* The table block i belongs to: its own, or for a section heading the
 * table that follows it (so "十、项目支出表" prints on its table's page). */
static const ys_table *owner(const ys_outline *o, size_t i)
{
    for (; i < o->n; i++) {
        const ys_block *k = &o->b[i];
        if (k->table || (k->kind != YS_B_HEADING && k->kind != YS_B_SUBHEADING))
            return k->table;
    }
    return NULL;
}

/* The grid of table t among the blocks from i on, or NULL. */
static const ys_grid *grid_of(const ys_outline *o, size_t i, const ys_table *t)
{
    for (; i < o->n && owner(o, i) == t; i++)
        if (o->b[i].kind == YS_B_GRID)
            return o->b[i].grid;
    return NULL;
}

/* At block i: close the wide table before it, open one when i starts a
 * table (its heading, label, title, meta, grid, notes) whose grid is wide.
 * Returns whether a wide table is open. */
static bool wide_turn(ys_buf *b, const ys_outline *o, size_t i, bool open)
{
    const ys_table *t = owner(o, i);
    if (i > 0 && owner(o, i - 1) == t)
        return open;
    if (open)
        ys_buf_puts(b, "</div>\n");
    const ys_grid *g = t ? grid_of(o, i, t) : NULL;
    if (!g || g->width < WIDE_COLS)
        return false;
    ys_buf_puts(b, "<div class=\"wide\">\n");
    return true;
}

int ys_write_html(const ys_tableset *ts, ys_buf *b)
{
    ys_outline o;
    if (ys_outline_build(ts, true, &o) != YS_OK)
        return YS_ENOMEM;
    ys_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>");
    ys_buf_html(b, o.n ? o.b[0].text : "");
    ys_buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n<main>\n", CSS);
    bool in_part = false, in_wide = false;
    for (size_t i = 0; i < o.n; i++) {
        const ys_block *k = &o.b[i];
        in_wide = wide_turn(b, &o, i, in_wide);
        switch (k->kind) {
        case YS_B_TITLE:
            put_title(b, k->text, ys_dept_name(ts));
            ys_html_charts(ts, b);
            break;
        case YS_B_PART:
            if (in_part)
                ys_buf_puts(b, "</section>\n");
            ys_buf_printf(b, "<section class=\"part\" id=\"part%d\">\n", k->part);
            in_part = true;
            tag(b, "<h2>", k->text, "</h2>\n");
            break;
        case YS_B_HEADING: tag(b, "<h3>", k->text, "</h3>\n"); break;
        case YS_B_SUBHEADING: tag(b, "<h4>", k->text, "</h4>\n"); break;
        case YS_B_LABEL: tag(b, "<p class=\"label\">", k->text, "</p>\n"); break;
        case YS_B_TTITLE: tag(b, "<p class=\"ttitle\">", k->text, "</p>\n"); break;
        case YS_B_META: tag(b, "<p class=\"meta\">", k->text, "</p>\n"); break;
        case YS_B_NOTE: tag(b, "<p class=\"note\">", k->text, "</p>\n"); break;
        case YS_B_GRID: put_grid(b, k->grid); break;
        default: tag(b, "<p>", k->text, "</p>\n"); break;
        }
    }
    if (in_wide)
        ys_buf_puts(b, "</div>\n");
    if (in_part)
        ys_buf_puts(b, "</section>\n");
    ys_buf_puts(b, "</main>\n</body>\n</html>\n");
    ys_outline_free(&o);
    return b->oom ? YS_ENOMEM : YS_OK;
}
