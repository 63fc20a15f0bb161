/*
 * readers/html.c — HTML as document lines: text blocks (<p>, <h1>-<h6>,
 * <div>, <li>, <br> outside tables …) are paragraphs, <tr> rows of their
 * <td>/<th> cells.  colspan is followed by empty cells; rowspan leaves an
 * empty cell at its column in the rows below, so columns stay aligned.
 * <script>, <style>, <title> are skipped; entities are decoded; <br> in a
 * cell is a space.  A table nested in a cell is flattened as in DOCX.
 *
 * Parsing is libxml2's HTML parser (forgiving like a browser: implicit
 * ends of td/tr/p, entities, raw-text elements); this file walks its tree.
 * libxml2 is reached through xml_dl.h's table, opened on the first page
 * (start-up cost: see dynlib.h).
 * libxml2's error handlers are silenced while it parses: the library
 * prints nothing.
 *
 * Promise: no = source line of the paragraph's first text or of the <tr>;
 * text that is not UTF-8 is converted from GB18030 when the page says it
 * is GBK/GB2312/GB18030, refused with its line otherwise.
 */
#include <iconv.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "yusuan/doc.h"
#include "../text.h"
#include "cells.h"
#include "xml_dl.h"

#define MAX_DEPTH 32
#define MAX_COLS 1024

struct tframe {                /* one open <table> */
    ys_cells row;
    ys_buf cell;
    int in_row, in_cell, container, row_line;
    int col, colspan, rowspan;
    int pending[MAX_COLS];     /* rows still covered by a rowspan above */
};

struct html {
    const xdl_api *X;
    ys_doc *d;
    ys_error *err;
    struct tframe *t[MAX_DEPTH];
    int depth;
    ys_buf para;
    int para_line;
    int rc;
};

static int oom(struct html *h)
{
    if (h->rc == YS_OK)
        h->rc = ys_error_set(h->err, YS_ENOMEM, h->d->path, 0, "内存不足");
    return h->rc;
}

static struct tframe *top(struct html *h) { return h->depth ? h->t[h->depth - 1] : NULL; }

/* Text outside cells (and in container cells) goes to the paragraph. */
static int in_cell(struct html *h)
{
    struct tframe *f = top(h);
    return f && f->in_cell && !f->container;
}

static void flush_para(struct html *h)
{
    if (h->para.n == 0)
        return;
    ys_cells c = {0};
    ys_cells_add(&c, h->para.p, h->para.n);
    if (h->para.oom || ys_cells_emit(&c, h->d, h->para_line, 0, NULL, 0) != YS_OK)
        oom(h);
    ys_cells_free(&c);
    h->para.n = 0;
}

static void add_text(struct html *h, const char *s, size_t n, int line)
{
    if (in_cell(h)) {
        ys_buf_put(&top(h)->cell, s, n);
        return;
    }
    size_t k = n;
    ys_trim(s, &k);
    if (h->para.n == 0 && k == 0)
        return;                 /* white space between blocks */
    if (h->para.n == 0)
        h->para_line = line;
    ys_buf_put(&h->para, s, n);
}

/* A break: in a cell a space, elsewhere the end of a paragraph. */
static void block_break(struct html *h)
{
    if (in_cell(h))
        ys_buf_put(&top(h)->cell, " ", 1);
    else
        flush_para(h);
}

static void skip_spanned(struct tframe *f)
{
    while (f->col < MAX_COLS && f->pending[f->col] > 0) {
        f->pending[f->col]--;
        ys_cells_add(&f->row, "", 0);
        f->col++;
    }
}

static void end_cell(struct html *h)
{
    struct tframe *f = top(h);
    if (!f->in_cell)
        return;
    f->in_cell = 0;
    if (f->container)
        flush_para(h);
    ys_cells_add(&f->row, f->container ? "" : (f->cell.p ? f->cell.p : ""),
                 f->container ? 0 : f->cell.n);
    ys_cells_add_empty(&f->row, f->colspan - 1);
    for (int k = 0; k < f->colspan && f->col + k < MAX_COLS; k++)
        f->pending[f->col + k] = f->rowspan - 1;
    f->col += f->colspan;
    f->container = 0;
}

static void end_row(struct html *h)
{
    struct tframe *f = top(h);
    end_cell(h);
    if (!f->in_row)
        return;
    skip_spanned(f);
    for (int c = f->col; c < MAX_COLS; c++)      /* spans past the last cell */
        if (f->pending[c] > 0)
            f->pending[c]--;
    if (ys_cells_emit(&f->row, h->d, f->row_line, 0, NULL, 1) != YS_OK)
        oom(h);
    f->in_row = 0;
}

static void start_row(struct html *h, int line)
{
    struct tframe *f = top(h);
    end_row(h);
    flush_para(h);              /* a caption or stray text before the row */
    f->in_row = 1;
    f->row_line = line;
    f->col = 0;
}

static int span_attr(const xdl_api *X, xmlNode *e, const char *name)
{
    xmlChar *v = X->xmlGetProp(e, (const xmlChar *)name);
    int k = v ? atoi((const char *)v) : 1;
    (*X->xmlFree)(v);
    return k >= 1 && k <= MAX_COLS ? k : 1;
}

static void start_cell(struct html *h, xmlNode *e, int line)
{
    struct tframe *f = top(h);
    if (!f->in_row)
        start_row(h, line);
    end_cell(h);
    skip_spanned(f);
    f->in_cell = 1;
    f->cell.n = 0;
    f->colspan = span_attr(h->X, e, "colspan");
    f->rowspan = span_attr(h->X, e, "rowspan");
}

static void start_table(struct html *h)
{
    struct tframe *f = top(h);
    if (h->depth == MAX_DEPTH) {
        if (h->rc == YS_OK)
            h->rc = ys_error_set(h->err, YS_EINPUT, h->d->path, 0,
                                 "表格嵌套超过 %d 层，拒绝读取", MAX_DEPTH);
        return;
    }
    if (f && f->in_cell && !f->container) {
        f->container = 1;       /* its text so far becomes a paragraph */
        add_text(h, f->cell.p ? f->cell.p : "", f->cell.n, f->row_line);
        flush_para(h);
    } else
        flush_para(h);
    struct tframe *n = calloc(1, sizeof *n);
    if (!n) {
        oom(h);
        return;
    }
    h->t[h->depth++] = n;
}

static void end_table(struct html *h)
{
    if (!h->depth)
        return;
    end_row(h);
    flush_para(h);
    struct tframe *f = top(h);
    ys_cells_free(&f->row);
    ys_buf_free(&f->cell);
    free(f);
    h->depth--;
}

static int in_list(const char *n, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (strcmp(n, list[i]) == 0)
            return 1;
    return 0;
}

static int is_block(const char *n)
{
    static const char *const blocks[] = {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "ul", "ol",
        "dl", "blockquote", "pre", "section", "article", "header", "footer", "nav",
        "center", "address", "caption", "form", "hr", "body", "main", "aside", "figure",
        "figcaption", "fieldset", "legend", "html", "br", NULL};
    return in_list(n, blocks);
}

/* Elements whose content is not document text. */
static int is_skipped(const char *n)
{
    static const char *const skip[] = {"script", "style", "title", "textarea", "noscript",
                                       "template", "head", NULL};
    return in_list(n, skip);
}

static int line_of(const xdl_api *X, xmlNode *n)
{
    long l = X->xmlGetLineNo(n);
    return l > 0 && l < 1L << 30 ? (int)l : 0;
}

/* The opening of element e (or its only event, for empty ones). */
static void open_element(struct html *h, xmlNode *e)
{
    const char *n = (const char *)e->name;
    int line = line_of(h->X, e);
    if (strcmp(n, "table") == 0)
        start_table(h);
    else if (!h->depth) {
        if (is_block(n))
            flush_para(h);
    } else if (strcmp(n, "tr") == 0)
        start_row(h, line);
    else if (strcmp(n, "td") == 0 || strcmp(n, "th") == 0)
        start_cell(h, e, line);
    else if (strcmp(n, "thead") == 0 || strcmp(n, "tbody") == 0 || strcmp(n, "tfoot") == 0)
        end_row(h);
    else if (is_block(n))
        block_break(h);
}

static void close_element(struct html *h, xmlNode *e)
{
    const char *n = (const char *)e->name;
    if (strcmp(n, "table") == 0)
        end_table(h);
    else if (!h->depth) {
        if (is_block(n))
            flush_para(h);
    } else if (strcmp(n, "tr") == 0)
        end_row(h);
    else if (strcmp(n, "td") == 0 || strcmp(n, "th") == 0)
        end_cell(h);
    else if (strcmp(n, "thead") == 0 || strcmp(n, "tbody") == 0 || strcmp(n, "tfoot") == 0)
        end_row(h);
    else if (strcmp(n, "br") != 0 && is_block(n))
        block_break(h);
}

/*
 * The line a text node's first visible character is on.  libxml2 stamps a
 * text node with the line where its first chunk of characters ended, so
 * two lower bounds are taken and the larger kept: that stamp less the line
 * breaks after the first visible character, and the start tag before the
 * text (previous sibling, else parent) plus the breaks before it.
 */
static int text_line(const xdl_api *X, xmlNode *t, const char *s, size_t n)
{
    size_t lead = 0;
    int before = 0, after = 0;
    while (lead < n && (s[lead] == ' ' || s[lead] == '\t' || s[lead] == '\n' || s[lead] == '\r'))
        before += s[lead++] == '\n';
    for (size_t i = lead; i < n; i++)
        after += s[i] == '\n';
    int from_stamp = line_of(X, t) - after;
    xmlNode *anchor = t->prev ? t->prev : t->parent;
    int from_tag = anchor && anchor->type == XML_ELEMENT_NODE ? line_of(X, anchor) + before : 0;
    int line = from_stamp > from_tag ? from_stamp : from_tag;
    return line > 0 ? line : 0;
}

static void text_node(struct html *h, xmlNode *t)
{
    const char *s = (const char *)t->content;
    if (!s)
        return;
    size_t n = strlen(s);
    add_text(h, s, n, text_line(h->X, t, s, n));
}

/* Returns whether n's children are to be visited. */
static int enter(struct html *h, xmlNode *n)
{
    switch (n->type) {
    case XML_ELEMENT_NODE:
        if (is_skipped((const char *)n->name))
            return 0;
        open_element(h, n);
        return 1;
    case XML_TEXT_NODE:
    case XML_CDATA_SECTION_NODE:
        text_node(h, n);
        return 0;
    case XML_DOCUMENT_NODE:
    case XML_HTML_DOCUMENT_NODE:
        return 1;
    default:
        return 0;               /* comments, PIs, the DTD */
    }
}

static void leave(struct html *h, xmlNode *n)
{
    if (n->type == XML_ELEMENT_NODE && !is_skipped((const char *)n->name))
        close_element(h, n);
}

/* Document order without recursion: libxml2's tree may be deep. */
static void walk(struct html *h, xmlNode *root)
{
    xmlNode *n = root;
    while (n && h->rc == YS_OK) {
        if (enter(h, n) && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            leave(h, n);
            if (n == root)
                return;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

static void silent(void *ctx, const char *msg, ...)
{
    (void)ctx;
    (void)msg;
}

static void silent_structured(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    (void)e;
}

/* Parse UTF-8 s[0..n) with libxml2, which prints nothing meanwhile;
 * returns the tree (caller frees with X->xmlFreeDoc) or NULL.  The error
 * globals are libxml2's per-thread ones, read through their accessors. */
static htmlDocPtr parse_html(const xdl_api *X, const char *s, size_t n)
{
    if (n > INT_MAX)
        return NULL;
    X->xmlInitParser();
    xmlGenericErrorFunc old = *X->__xmlGenericError();
    void *old_ctx = *X->__xmlGenericErrorContext();
    xmlStructuredErrorFunc old_s = *X->__xmlStructuredError();
    void *old_sctx = *X->__xmlStructuredErrorContext();
    X->xmlSetGenericErrorFunc(NULL, silent);
    X->xmlSetStructuredErrorFunc(NULL, silent_structured);
    htmlDocPtr doc = NULL;
    htmlParserCtxtPtr ctxt = X->htmlCreateMemoryParserCtxt(s, (int)n);
    if (ctxt) {
        ctxt->linenumbers = 1;
        /* the bytes are UTF-8 by now: say so, or libxml2 guesses Latin-1 */
        xmlCharEncodingHandlerPtr utf8 = X->xmlFindCharEncodingHandler("UTF-8");
        if (utf8)
            X->xmlSwitchToEncoding(ctxt, utf8);
        X->htmlCtxtUseOptions(ctxt, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                        HTML_PARSE_NONET | HTML_PARSE_NOBLANKS |
                                        HTML_PARSE_IGNORE_ENC);
        X->htmlParseDocument(ctxt);
        doc = ctxt->myDoc;
        ctxt->myDoc = NULL;
        X->htmlFreeParserCtxt(ctxt);
    }
    X->xmlSetGenericErrorFunc(old_ctx, old);
    X->xmlSetStructuredErrorFunc(old_sctx, old_s);
    return doc;
}

/* Bytes that are not UTF-8: GB18030 when the page says GBK/GB2312. */
static int to_utf8(const char *buf, size_t n, char **out, size_t *outn)
{
    iconv_t cd = iconv_open("UTF-8", "GB18030");
    if (cd == (iconv_t)-1)
        return -1;
    size_t cap = n * 2 + 16;
    char *o = malloc(cap), *op = o;
    char *in = (char *)buf;
    size_t inleft = n, outleft = cap;
    size_t r = o ? iconv(cd, &in, &inleft, &op, &outleft) : (size_t)-1;
    iconv_close(cd);
    if (r == (size_t)-1) {
        free(o);
        return -1;
    }
    *out = o;
    *outn = (size_t)(op - o);
    return 0;
}

static int says_gbk(const char *buf, size_t n)
{
    size_t lim = n < 4096 ? n : 4096;
    for (size_t i = 0; i + 6 < lim; i++)
        if (strncasecmp(buf + i, "charset", 7) == 0) {
            size_t j = i + 7;
            while (j < lim && (buf[j] == '=' || buf[j] == '"' || buf[j] == '\'' || buf[j] == ' '))
                j++;
            return j + 2 < lim && (strncasecmp(buf + j, "gb", 2) == 0);
        }
    return 0;
}

static int bad_utf8_line(const char *buf, size_t n)
{
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i <= n; i++)
        if (i == n || buf[i] == '\n') {
            if (!ys_utf8_valid(buf + start, i - start))
                return line;
            line++;
            start = i + 1;
        }
    return 0;
}

int ys_read_html(ys_doc *d, const char *buf, size_t n, ys_error *err)
{
    char *conv = NULL;
    if (!ys_utf8_valid(buf, n)) {
        size_t cn;
        if (!says_gbk(buf, n) || to_utf8(buf, n, &conv, &cn) != 0)
            return ys_error_set(err, YS_EINPUT, d->path, bad_utf8_line(buf, n),
                                "不是有效的 UTF-8 文本（请先转换编码）");
        buf = conv;
        n = cn;
    }
    const xdl_api *X = xdl_get(d->path, err);
    if (!X) {
        free(conv);
        return YS_EUNSUPPORTED;
    }
    struct html h = {.X = X, .d = d, .err = err};
    htmlDocPtr doc = parse_html(X, buf, n);
    if (!doc) {
        free(conv);
        return ys_error_set(err, YS_EINPUT, d->path, 0, "无法解析网页");
    }
    walk(&h, (xmlNode *)doc);
    X->xmlFreeDoc(doc);
    if (h.rc == YS_OK) {
        while (h.depth)
            end_table(&h);
        flush_para(&h);
    }
    while (h.depth)
        end_table(&h);
    ys_buf_free(&h.para);
    free(conv);
    if (h.rc == YS_OK && d->nlines == 0)
        return ys_error_set(err, YS_EINPUT, d->path, 0, "网页中没有任何文字");
    return h.rc;
}
