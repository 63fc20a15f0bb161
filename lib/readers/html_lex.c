/*
 * readers/html_lex.c — owns the tokenizing of HTML for readers/html.c:
 * tags with attributes, text runs, comments, raw-text elements, character
 * references.  Hand-written because the library links expat, not libxml2
 * (see html.c).  Promise: linear time, never reads past s[n), never fails.
 */
#include "html_lex.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* The named references budget pages use; others stay as written. */
static const struct { const char *name; uint32_t cp; } entities[] = {
    {"nbsp", 0xA0}, {"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'},
    {"apos", '\''}, {"ensp", 0x2002}, {"emsp", 0x2003}, {"thinsp", 0x2009},
    {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018}, {"rsquo", 0x2019},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"hellip", 0x2026}, {"middot", 0xB7},
    {"times", 0xD7}, {"divide", 0xF7}, {"yen", 0xA5}, {"permil", 0x2030},
    {"deg", 0xB0}, {"plusmn", 0xB1}, {"copy", 0xA9}, {"reg", 0xAE},
    {"bull", 0x2022}, {"sect", 0xA7}, {"laquo", 0xAB}, {"raquo", 0xBB},
    {"minus", 0x2212}, {"le", 0x2264}, {"ge", 0x2265}, {"ne", 0x2260},
    {"zwsp", 0x200B}, {"shy", 0xAD},
};

static size_t put_utf8(uint32_t cp, char *o)
{
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF ||
        (cp >= 0x80 && cp < 0xA0))
        cp = 0xFFFD;
    if (cp < 0x80) {
        o[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (char)(0xF0 | (cp >> 18));
    o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decode the reference at s[0] == '&'; returns bytes consumed (0: none). */
static size_t entity(const char *s, size_t n, uint32_t *cp)
{
    size_t i = 1;
    if (i < n && s[i] == '#') {
        int hex = i + 1 < n && (s[i + 1] == 'x' || s[i + 1] == 'X');
        i += 1 + hex;
        uint32_t v = 0;
        size_t start = i;
        while (i < n && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
            int dv = isdigit((unsigned char)s[i]) ? s[i] - '0' : (tolower((unsigned char)s[i]) - 'a' + 10);
            if (v < 0x110000)
                v = v * (hex ? 16 : 10) + (uint32_t)dv;
            i++;
        }
        if (i == start)
            return 0;
        *cp = v;
        return i < n && s[i] == ';' ? i + 1 : i;
    }
    size_t start = i;
    while (i < n && i - start < 10 && isalnum((unsigned char)s[i]))
        i++;
    for (size_t k = 0; k < sizeof entities / sizeof entities[0]; k++)
        if (strlen(entities[k].name) == i - start && memcmp(s + start, entities[k].name, i - start) == 0) {
            *cp = entities[k].cp;
            return i < n && s[i] == ';' ? i + 1 : i;
        }
    return 0;
}

size_t html_decode(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        uint32_t cp;
        size_t k = s[i] == '&' ? entity(s + i, n - i, &cp) : 0;
        if (o + (k ? k : 1) >= cap)   /* a reference never outgrows its text */
            break;
        if (k) {
            o += put_utf8(cp, out + o);
            i += k;
        } else
            out[o++] = s[i++];
    }
    out[o] = 0;
    return o;
}

const char *html_attr(const html_tag *t, const char *name)
{
    for (int i = 0; i < t->nattrs; i++)
        if (strcmp(t->attr_name[i], name) == 0)
            return t->attr_value[i];
    return NULL;
}

static int count_lines(const char *s, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n; i++)
        k += s[i] == '\n';
    return k;
}

static size_t find_ci(const char *s, size_t n, size_t from, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = from; i + m <= n; i++)
        if (strncasecmp(s + i, needle, m) == 0)
            return i;
    return n;
}

static size_t read_name(const char *s, size_t n, size_t i, char *out, size_t cap)
{
    size_t k = 0;
    while (i < n && (isalnum((unsigned char)s[i]) || s[i] == '-' || s[i] == ':' || s[i] == '_')) {
        if (k + 1 < cap)
            out[k++] = (char)tolower((unsigned char)s[i]);
        i++;
    }
    out[k] = 0;
    return i;
}

/* Parse attributes from s[i..) up to '>'; returns the index after '>'. */
static size_t read_attrs(const char *s, size_t n, size_t i, html_tag *t)
{
    while (i < n && s[i] != '>') {
        if (isspace((unsigned char)s[i]) || s[i] == '/') {
            i++;
            continue;
        }
        char name[24];
        size_t j = read_name(s, n, i, name, sizeof name);
        if (j == i) {           /* junk such as a stray quote */
            i++;
            continue;
        }
        i = j;
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        const char *v = "";
        size_t vl = 0;
        if (i < n && s[i] == '=') {
            i++;
            while (i < n && isspace((unsigned char)s[i]))
                i++;
            char q = i < n && (s[i] == '"' || s[i] == '\'') ? s[i++] : 0;
            v = s + i;
            while (i < n && (q ? s[i] != q : !isspace((unsigned char)s[i]) && s[i] != '>'))
                i++;
            vl = (size_t)(s + i - v);
            if (q && i < n)
                i++;
        }
        if (t->nattrs < HTML_MAX_ATTRS) {
            memcpy(t->attr_name[t->nattrs], name, sizeof name);
            html_decode(v, vl < 63 ? vl : 58, t->attr_value[t->nattrs], 64);
            t->nattrs++;
        }
    }
    return i < n ? i + 1 : n;
}

static int is_raw(const char *name)
{
    static const char *const raw[] = {"script", "style", "title", "textarea",
                                      "noscript", "template", NULL};
    for (int i = 0; raw[i]; i++)
        if (strcmp(name, raw[i]) == 0)
            return 1;
    return 0;
}

static void emit_text(const char *s, size_t n, int line, html_text_fn on_text, void *ud)
{
    char small[4096];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    if (!buf)
        return;
    size_t k = html_decode(s, n, buf, n + 1);
    if (k)
        on_text(ud, buf, k, line);
    if (buf != small)
        free(buf);
}

void html_lex(const char *s, size_t n, html_tag_fn on_tag, html_text_fn on_text, void *ud)
{
    size_t i = 0;
    int line = 1;
    while (i < n) {
        size_t start = i;
        if (s[i] != '<') {
            while (i < n && s[i] != '<')
                i++;
            emit_text(s + start, i - start, line, on_text, ud);
            line += count_lines(s + start, i - start);
            continue;
        }
        if (i + 3 < n && memcmp(s + i, "<!--", 4) == 0) {
            size_t e = find_ci(s, n, i + 4, "-->");
            i = e < n ? e + 3 : n;
        } else if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '?')) {
            const char *gt = memchr(s + i, '>', n - i);
            i = gt ? (size_t)(gt - s) + 1 : n;
        } else if (i + 1 < n && (isalpha((unsigned char)s[i + 1]) ||
                                 (s[i + 1] == '/' && i + 2 < n && isalpha((unsigned char)s[i + 2])))) {
            html_tag t;
            t.end = s[i + 1] == '/';
            t.nattrs = 0;
            i = read_name(s, n, i + 1 + t.end, t.name, sizeof t.name);
            i = read_attrs(s, n, i, &t);
            int tag_line = line;
            line += count_lines(s + start, i - start);
            on_tag(ud, &t, tag_line);
            if (!t.end && is_raw(t.name)) {
                char close[24];
                snprintf(close, sizeof close, "</%s", t.name);
                size_t e = find_ci(s, n, i, close);
                line += count_lines(s + i, e - i);
                i = e;
            }
            continue;
        } else {
            emit_text(s + i, 1, line, on_text, ud);   /* a lone '<' */
            i++;
            continue;
        }
        line += count_lines(s + start, i - start);
    }
}
