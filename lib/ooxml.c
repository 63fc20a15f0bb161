/*
 * ooxml.c — owns the zip and XML plumbing of Office Open XML files: a zip
 * opened from memory (libzip, reached through zip_dl.h's table, opened on
 * the first zip: start-up cost, see dynlib.h) whose entries are read whole under a size
 * and ratio limit, and expat parses that refuse DOCTYPEs and entity
 * declarations, so neither a zip bomb nor an XML bomb can exhaust memory.
 * Promise: bad input gives YS_EINPUT with a Chinese message naming the
 * file and part; nothing is printed.  The XLSX workbook reader built on
 * these lives in ooxml_xlsx.c.
 */
#include "ooxml.h"

#include <expat.h>
#include <stdlib.h>
#include <string.h>

#include "zip_dl.h"

struct ys_zip {
    const zdl_api *Z;
    zip_t *za;
    char name[256];
};

int ys_zip_open_mem(const char *name, const unsigned char *buf, size_t n,
                    ys_zip **out, ys_error *err)
{
    const zdl_api *Z = zdl_get(name, err);
    if (!Z)
        return YS_EUNSUPPORTED;
    zip_error_t ze;
    Z->zip_error_init(&ze);
    zip_source_t *src = Z->zip_source_buffer_create(buf, n, 0, &ze);
    if (!src) {
        Z->zip_error_fini(&ze);
        return ys_error_set(err, YS_ENOMEM, name, 0, "内存不足");
    }
    zip_t *za = Z->zip_open_from_source(src, ZIP_RDONLY, &ze);
    if (!za) {
        int code = Z->zip_error_code_zip(&ze);
        Z->zip_source_free(src);
        Z->zip_error_fini(&ze);
        if (code == ZIP_ER_MEMORY)
            return ys_error_set(err, YS_ENOMEM, name, 0, "内存不足");
        return ys_error_set(err, YS_EINPUT, name, 0,
                            "不是有效的 zip 文件（文件可能已截断或损坏）");
    }
    Z->zip_error_fini(&ze);
    ys_zip *z = calloc(1, sizeof *z);
    if (!z) {
        Z->zip_discard(za);
        return ys_error_set(err, YS_ENOMEM, name, 0, "内存不足");
    }
    z->Z = Z;
    z->za = za;
    snprintf(z->name, sizeof z->name, "%s", name ? name : "");
    *out = z;
    return YS_OK;
}

void ys_zip_close(ys_zip *z)
{
    if (!z)
        return;
    z->Z->zip_discard(z->za);   /* read-only: nothing to write back */
    free(z);
}

int ys_zip_has(ys_zip *z, const char *entry)
{
    return z->Z->zip_name_locate(z->za, entry, 0) >= 0;
}

/* Refuse entries whose declared sizes are beyond belief before reading. */
static int check_entry_size(ys_zip *z, const char *entry, const zip_stat_t *st,
                            ys_error *err)
{
    if (!(st->valid & ZIP_STAT_SIZE) || st->size > YS_ZIP_MAX_ENTRY)
        return ys_error_setw(err, YS_EINPUT, z->name, entry,
                             "压缩包内文件过大（超过 %u MiB），拒绝读取",
                             YS_ZIP_MAX_ENTRY >> 20);
    if (st->size > (1u << 20) && (st->valid & ZIP_STAT_COMP_SIZE) &&
        (st->comp_size == 0 || st->size / st->comp_size > YS_ZIP_MAX_RATIO))
        return ys_error_setw(err, YS_EINPUT, z->name, entry,
                             "压缩比异常（疑似 zip 炸弹），拒绝读取");
    return YS_OK;
}

int ys_zip_read(ys_zip *z, const char *entry, char **data, size_t *len,
                ys_error *err)
{
    const zdl_api *Z = z->Z;
    zip_stat_t st;
    zip_int64_t idx = Z->zip_name_locate(z->za, entry, 0);
    if (idx < 0 || Z->zip_stat_index(z->za, (zip_uint64_t)idx, 0, &st) != 0)
        return ys_error_setw(err, YS_EINPUT, z->name, entry, "缺少 %s", entry);
    int rc = check_entry_size(z, entry, &st, err);
    if (rc != YS_OK)
        return rc;
    size_t want = (size_t)st.size;
    char *buf = malloc(want + 1);
    if (!buf)
        return ys_error_set(err, YS_ENOMEM, z->name, 0, "内存不足");
    zip_file_t *f = Z->zip_fopen_index(z->za, (zip_uint64_t)idx, 0);
    if (!f) {
        free(buf);
        return ys_error_setw(err, YS_EINPUT, z->name, entry,
                             "无法解压 %s（不支持的压缩方式或已加密）", entry);
    }
    size_t got = 0;
    while (got < want) {
        zip_int64_t r = Z->zip_fread(f, buf + got, want - got);
        if (r <= 0)
            break;
        got += (size_t)r;
    }
    /* One byte more than declared means the header lied: refuse. */
    char extra;
    zip_int64_t more = got == want ? Z->zip_fread(f, &extra, 1) : 0;
    Z->zip_fclose(f);
    if (got != want || more != 0) {
        free(buf);
        return ys_error_setw(err, YS_EINPUT, z->name, entry,
                             "%s 已损坏（解压失败或长度不符）", entry);
    }
    buf[got] = 0;
    *data = buf;
    *len = got;
    return YS_OK;
}

/* ---- xml ------------------------------------------------------------- */

struct xml_ctx {
    XML_Parser p;
    const ys_xml_handlers *h;
    int status;        /* first non-OK status from a callback */
    int doctype;       /* a DOCTYPE or entity declaration was seen */
};

static const char *local_name(const char *name)
{
    const char *c = strrchr(name, ':');
    return c ? c + 1 : name;
}

const char *ys_xml_attr(const char **attrs, const char *name)
{
    for (int i = 0; attrs && attrs[i]; i += 2)
        if (strcmp(local_name(attrs[i]), name) == 0)
            return attrs[i + 1];
    return NULL;
}

static void stop(struct xml_ctx *c, int status)
{
    if (c->status == YS_OK)
        c->status = status;
    XML_StopParser(c->p, XML_FALSE);
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **attrs)
{
    struct xml_ctx *c = ud;
    if (c->status == YS_OK && c->h->start) {
        int rc = c->h->start(c->h->ud, local_name(name), attrs);
        if (rc != YS_OK)
            stop(c, rc);
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    struct xml_ctx *c = ud;
    if (c->status == YS_OK && c->h->end) {
        int rc = c->h->end(c->h->ud, local_name(name));
        if (rc != YS_OK)
            stop(c, rc);
    }
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    struct xml_ctx *c = ud;
    if (c->status == YS_OK && c->h->text)
        c->h->text(c->h->ud, s, len);
}

/* OOXML parts never carry a DOCTYPE; one here can only be an attack
 * (entity expansion) or garbage, so any is refused outright. */
static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal)
{
    struct xml_ctx *c = ud;
    c->doctype = 1;
    stop(c, YS_EINPUT);
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int pe,
                              const XML_Char *value, int vlen, const XML_Char *base,
                              const XML_Char *sysid, const XML_Char *pubid,
                              const XML_Char *notation)
{
    struct xml_ctx *c = ud;
    c->doctype = 1;
    stop(c, YS_EINPUT);
}

static XML_Parser new_parser(struct xml_ctx *c)
{
    XML_Parser p = XML_ParserCreate("UTF-8");
    if (!p)
        return NULL;
    XML_SetUserData(p, c);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    XML_SetStartDoctypeDeclHandler(p, on_doctype);
    XML_SetEntityDeclHandler(p, on_entity);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
#ifdef XML_DTD
    XML_SetBillionLaughsAttackProtectionMaximumAmplification(p, 20.0f);
    XML_SetBillionLaughsAttackProtectionActivationThreshold(p, 1u << 20);
#endif
    return p;
}

int ys_xml_parse(const char *file, const char *part, const char *xml, size_t n,
                 const ys_xml_handlers *h, ys_error *err)
{
    struct xml_ctx c = {0};
    c.h = h;
    c.p = new_parser(&c);
    if (!c.p)
        return ys_error_set(err, YS_ENOMEM, file, 0, "内存不足");
    const size_t chunk = 1u << 20;
    enum XML_Status st = XML_STATUS_OK;
    size_t pos = 0;
    do {
        size_t k = n - pos < chunk ? n - pos : chunk;
        st = XML_Parse(c.p, xml + pos, (int)k, pos + k == n);
        pos += k;
    } while (st == XML_STATUS_OK && pos < n);
    int line = (int)XML_GetCurrentLineNumber(c.p);
    enum XML_Error code = XML_GetErrorCode(c.p);
    XML_ParserFree(c.p);
    if (c.doctype)
        return ys_error_setw(err, YS_EINPUT, file, part,
                             "%s 含 DOCTYPE 或实体声明（可能是 XML 炸弹），拒绝读取", part);
    if (c.status != YS_OK) {
        if (err && err->code == YS_OK)
            ys_error_setw(err, c.status, file, part, "%s 内容不符合要求", part);
        return c.status;
    }
    if (st != XML_STATUS_OK) {
        if (code == XML_ERROR_NO_MEMORY)
            return ys_error_set(err, YS_ENOMEM, file, 0, "内存不足");
        ys_error_setw(err, YS_EINPUT, file, part, "%s 不是格式正确的 XML（第 %d 行：%s）",
                      part, line, XML_ErrorString(code));
        if (err)
            err->line = line;
        return YS_EINPUT;
    }
    return YS_OK;
}
