/*
 * readers/pdf.c — PDF (through poppler-glib) as document lines.
 *
 * Each page's characters come with their boxes; rows are the characters
 * whose vertical centres fall in one band, read left to right.  Within a
 * row a gap wider than the text height separates cells.  Consecutive rows
 * of two or more cells form a table block whose columns are where the
 * characters of its rows with figures stand (headers are centred over
 * several columns and would blur them); each character then goes to the
 * column it stands in, so a row's cells line up with the others even when
 * pdftotext's spacing would not tell them apart.  Other rows are prose: a
 * row starting at the left margin after a full-width row continues it.
 * Promise: page = the PDF page, no = ordinal of the line; an encrypted,
 * broken or text-less PDF gives YS_EINPUT with a clear message; poppler's
 * own warnings are silenced (the library prints nothing).  Poppler is
 * reached through poppler_dl.h's table, loaded on the first PDF (start-up
 * cost); without the library a read is YS_EUNSUPPORTED, never a crash.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "yusuan/doc.h"
#include "cells.h"
#include "pdf_rows.h"
#include "poppler_dl.h"

#define MAX_PAGES 5000

static void quiet(const gchar *domain, GLogLevelFlags level, const gchar *msg, gpointer ud)
{
    (void)domain, (void)level, (void)msg, (void)ud;
}

/* Poppler reports damage in a file through g_log("Poppler", …). */
static void silence_poppler(const pdl_api *P)
{
    static int done;
    if (!done) {
        P->g_log_set_handler("Poppler", G_LOG_LEVEL_MASK | G_LOG_FLAG_RECURSION, quiet, NULL);
        done = 1;
    }
}

static int is_blank(const pdl_api *P, gunichar c)
{
    return P->g_unichar_isspace(c) || c == 0x3000 || c == 0xA0 || c == 0xFEFF;
}

/* The characters of one page with their boxes (blanks left out).  They
 * are asked for over an area around the page: poppler's text of the page
 * itself leaves out a glyph cut by its edge and words set after it (the
 * last lines of a table header running past the right margin). */
static int page_glyphs(const pdl_api *P, PopplerPage *page, pdf_glyphs *out)
{
    double w = 0, h = 0;
    P->poppler_page_get_size(page, &w, &h);
    PopplerRectangle area = {-w, -h, 2 * w, 2 * h};
    char *text = P->poppler_page_get_text_for_area(page, &area);
    PopplerRectangle *rects = NULL;
    guint nrects = 0;
    int rc = YS_OK;
    if (text && P->poppler_page_get_text_layout_for_area(page, &area, &rects, &nrects)) {
        const char *p = text;
        int blank = 0;
        for (guint i = 0; i < nrects && *p && rc == YS_OK; i++) {
            gunichar c = P->g_utf8_get_char_validated(p, -1);
            const char *next = P->g_utf8_find_next_char(p, NULL);
            if (c == (gunichar)-1 || c == (gunichar)-2 || !next)
                break;
            if (is_blank(P, c))
                blank = 1;
            else if (isfinite(rects[i].x1) && isfinite(rects[i].y1) &&
                     isfinite(rects[i].x2) && isfinite(rects[i].y2)) {
                rc = pdf_glyphs_add(out, rects[i].x1, rects[i].y1, rects[i].x2, rects[i].y2,
                                    p, (size_t)(next - p), blank);
                blank = 0;
            }
            p = next;
        }
    }
    P->g_free(rects);
    P->g_free(text);
    return rc;
}

static int open_document(const pdl_api *P, ys_doc *d, const unsigned char *buf, size_t n,
                         PopplerDocument **out, ys_error *err)
{
    GBytes *bytes = P->g_bytes_new_static(buf, n);
    GError *gerr = NULL;
    PopplerDocument *doc = P->poppler_document_new_from_bytes(bytes, NULL, &gerr);
    P->g_bytes_unref(bytes);
    if (doc) {
        *out = doc;
        return YS_OK;
    }
    int encrypted = gerr && gerr->domain == P->poppler_error_quark() && gerr->code == POPPLER_ERROR_ENCRYPTED;
    P->g_clear_error(&gerr);
    if (encrypted)
        return ys_error_set(err, YS_EINPUT, d->path, 0,
                            "PDF 已加密（需要密码），无法读取；请提供未加密的文件");
    return ys_error_set(err, YS_EINPUT, d->path, 0, "不是有效的 PDF 文件（文件已损坏或截断）");
}

int ys_read_pdf(ys_doc *d, const unsigned char *buf, size_t n, ys_error *err)
{
    const pdl_api *P = pdl_get(d->path, err);
    if (!P)
        return YS_EUNSUPPORTED;
    silence_poppler(P);
    PopplerDocument *doc = NULL;
    int rc = open_document(P, d, buf, n, &doc, err);
    if (rc != YS_OK)
        return rc;
    int npages = P->poppler_document_get_n_pages(doc);
    if (npages > MAX_PAGES) {
        P->g_object_unref(doc);
        return ys_error_set(err, YS_EINPUT, d->path, 0, "PDF 页数过多（%d 页）", npages);
    }
    pdf_glyphs g = {0};
    pdf_carry carry = {0};
    int no = 0;
    size_t total = 0;
    for (int i = 0; i < npages && rc == YS_OK; i++) {
        PopplerPage *page = P->poppler_document_get_page(doc, i);
        if (!page)
            continue;
        pdf_glyphs_clear(&g);
        rc = page_glyphs(P, page, &g);
        P->g_object_unref(page);
        total += g.n;
        if (rc == YS_OK)
            rc = pdf_emit_page(d, &g, i + 1, &no, &carry);
        if (rc != YS_OK)
            ys_error_set(err, rc, d->path, i + 1, "内存不足");
    }
    if (rc == YS_OK && (rc = pdf_carry_flush(d, &carry)) != YS_OK)
        ys_error_set(err, rc, d->path, npages, "内存不足");
    pdf_carry_free(&carry);
    pdf_glyphs_free(&g);
    P->g_object_unref(doc);
    if (rc == YS_OK && total == 0)
        return ys_error_set(err, YS_EINPUT, d->path, 0,
                            "PDF 中没有可提取的文字（可能是扫描图像），请先做文字识别（OCR）");
    return rc;
}
