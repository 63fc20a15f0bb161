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
    "@media (max-width:600px){main{padding:8px}h1{font-size:1.3em}table{font-size:12px}}"
    "@media print{.part{break-before:page;page-break-before:always}"
    ".tw{overflow:visible}table{font-size:10px}"
    "figure,tr{break-inside:avoid;page-break-inside:avoid}}";

static void put_grid(ys_buf *b, const ys_grid *g)
{
    ys_buf_puts(b, "<div class=\"tw\"><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\">\n");
    for (size_t r = 0; r < g->nrows; r++) {
        ys_buf_puts(b, "<tr>");
        for (int c = 0; c < g->width; c++) {
            const ys_gcell *x = ys_grid_at(g, r, c);
            if (x->colspan == 0)
                continue; /* covered by a merged cell */
            bool head = r < (size_t)g->hrows;
            ys_buf_puts(b, head ? "<td class=\"h\"" : x->num ? "<td class=\"n\" nowrap" : "<td");
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
    bool in_part = false;
    for (size_t i = 0; i < o.n; i++) {
        const ys_block *k = &o.b[i];
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
    if (in_part)
        ys_buf_puts(b, "</section>\n");
    ys_buf_puts(b, "</main>\n</body>\n</html>\n");
    ys_outline_free(&o);
    return b->oom ? YS_ENOMEM : YS_OK;
}
