/* fuzz_pdf_layout — libFuzzer target for the PDF reader's layout code
 * (lib/readers/pdf_rows.c and the modules it calls: bands, blocks, columns,
 * labels, wrapped cells, rows and cells carried or cut across pages).
 *
 * fuzz_pdf goes through poppler, which spends nearly every run parsing and
 * rendering, so it reaches the layout code with few distinct pages.  Here
 * the bytes are the glyphs poppler would have given, five bytes each:
 *   x   = (b0 | (b1 & 3) << 8) * 0.6 pt          (0 .. 614)
 *   y   = (b2 | (b1 >> 2 & 3) << 8) * 0.8 pt     (0 .. 818)
 *   b3  : bits 0-4 the character (ALPHABET), bit 5 a blank before it in
 *         the text stream, bit 6 a smaller font, bit 7 a new page first
 *   b4  : the glyph's width, 0.5 to 1.5 times its font's
 * and each page goes through pdf_emit_page with one carry, then
 * pdf_carry_flush, as ys_read_pdf does.  Same check as every reader: valid
 * UTF-8 cells, sane lines, never a crash, leak or hang.
 */
#include "fuzz_common.h"
#include "readers/pdf_rows.h"

static const char *const ALPHABET[32] = {
    "表", "合", "计", "项", "目", "年", "度", "标", "指", "数", "据", "万", "元", "：",
    "（", "）", "0", "1", "2", "5", "9", ".", ",", "%", "≥", "<", "-", "/", "A", "、",
    "一", "。",
};

#define MAX_GLYPHS 6000
#define MAX_PAGES 40

static int emit(ys_doc *d, pdf_glyphs *g, int page, int *no, pdf_carry *carry)
{
    int rc = pdf_emit_page(d, g, page, no, carry);
    pdf_glyphs_clear(g);
    return rc;
}

static int reader(ys_doc *d, const uint8_t *buf, size_t n, ys_error *err)
{
    pdf_glyphs g = {0};
    pdf_carry carry = {0};
    int no = 0, page = 1, rc = YS_OK;
    size_t count = n / 5 < MAX_GLYPHS ? n / 5 : MAX_GLYPHS;
    for (size_t i = 0; i < count && rc == YS_OK; i++) {
        const uint8_t *r = buf + 5 * i;
        if ((r[3] & 0x80) && g.n && page < MAX_PAGES)
            rc = emit(d, &g, page++, &no, &carry);
        if (rc != YS_OK)
            break;
        const char *s = ALPHABET[r[3] & 31];
        size_t len = strlen(s);
        double em = (r[3] & 0x40) ? 10.4 : 15.6;
        double w = (len == 1 ? em * 0.4 : em * 0.77) * (0.5 + r[4] / 255.0);
        double x = (r[0] | (r[1] & 3) << 8) * 0.6;
        double y = (r[2] | (r[1] >> 2 & 3) << 8) * 0.8;
        rc = pdf_glyphs_add(&g, x, y, x + w, y + em, s, len, (r[3] & 0x20) != 0);
    }
    if (rc == YS_OK && g.n)
        rc = emit(d, &g, page, &no, &carry);
    if (rc == YS_OK)
        rc = pdf_carry_flush(d, &carry);
    pdf_carry_free(&carry);
    pdf_glyphs_free(&g);
    if (rc != YS_OK)
        ys_error_set(err, rc, d->path, page, "内存不足");
    return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ys_fuzz_check(YS_FMT_PDF, reader, data, size);
    return 0;
}
