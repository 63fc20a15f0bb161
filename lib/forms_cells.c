/*
 * forms_cells.c — cell access for the tables 11/12 reader: folded
 * comparison, figures, units, prefixes.
 * Promise: every accessor tolerates any index (past the end reads as an
 * empty cell) and any text; nothing here allocates except fx_text.
 */
#include <string.h>

#include "arena.h"
#include "forms_internal.h"
#include "text.h"

const char *fx_raw(const ys_line *ln, int i)
{
    if (!ln || i < 0 || i >= ln->ncells || !ln->cells[i])
        return "";
    return ln->cells[i];
}

bool fx_blank(const ys_line *ln, int i)
{
    const char *s = fx_raw(ln, i);
    size_t n = strlen(s);
    ys_trim(s, &n);
    return n == 0;
}

bool fx_fold(const ys_line *ln, int i, char *buf, size_t cap)
{
    const char *s = fx_raw(ln, i);
    size_t r = ys_fold(s, strlen(s), buf, cap);
    return r != (size_t)-1;
}

bool fx_is(const ys_line *ln, int i, const char *label)
{
    char buf[128];
    return fx_fold(ln, i, buf, sizeof buf) && strcmp(buf, label) == 0;
}

int fx_find(const ys_line *ln, int from, const char *label)
{
    for (int i = from < 0 ? 0 : from; i < ln->ncells; i++)
        if (fx_is(ln, i, label))
            return i;
    return -1;
}

int fx_find_has(const ys_line *ln, int from, const char *word)
{
    char buf[256];
    for (int i = from < 0 ? 0 : from; i < ln->ncells; i++) {
        fx_fold(ln, i, buf, sizeof buf);
        if (strstr(buf, word))
            return i;
    }
    return -1;
}

int fx_next_filled(const ys_line *ln, int from)
{
    for (int i = from < 0 ? 0 : from; i < ln->ncells; i++)
        if (!fx_blank(ln, i))
            return i;
    return -1;
}

bool fx_amount(const ys_line *ln, int i, ys_unit unit, ys_amount *out)
{
    const char *s = fx_raw(ln, i);
    ys_amount a = {0, 0, false};
    if (ys_amount_parse(s, strlen(s), unit, &a) != 0 || !a.present)
        return false;
    *out = a;
    return true;
}

int fx_last_amount(const ys_line *ln, ys_unit unit, ys_amount *out)
{
    for (int i = ln->ncells - 1; i >= 0; i--) {
        if (fx_blank(ln, i))
            continue;
        return fx_amount(ln, i, unit, out) ? i : -1;
    }
    return -1;
}

ys_unit fx_unit_of(const char *folded, ys_unit dflt)
{
    if (strstr(folded, "万元"))
        return YS_UNIT_WAN;
    if (strstr(folded, "(元)") || strstr(folded, ":元") || strcmp(folded, "元") == 0)
        return YS_UNIT_YUAN;
    return dflt;
}

const char *fx_after_colon(const char *s)
{
    const char *a = strchr(s, ':');
    const char *b = strstr(s, "\xef\xbc\x9a");          /* U+FF1A ： */
    const char *p = NULL;
    size_t skip = 0;
    if (a && (!b || a < b)) {
        p = a;
        skip = 1;
    } else if (b) {
        p = b;
        skip = 3;
    }
    if (!p)
        return NULL;
    p += skip;
    size_t n = strlen(p);
    return ys_trim(p, &n);
}

/* Length of an HTML-like tag at s ("<p>", "</p>", "<br/>"), 0 if none. */
static size_t tag_len(const char *s)
{
    if (s[0] != '<')
        return 0;
    size_t i = 1;
    if (s[i] == '/')
        i++;
    if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        return 0;
    for (; s[i] && i < 16; i++)
        if (s[i] == '>')
            return i + 1;
    return 0;
}

const char *fx_text(fx_ctx *c, const char *s)
{
    size_t n = strlen(s);
    char *out = ys_arena_alloc(c->ts->arena, n + 1);
    if (!out)
        return NULL;
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t t = tag_len(s + i);
        if (t) {
            i += t;
            continue;
        }
        out[o++] = s[i++];
    }
    size_t len = o;
    const char *p = ys_trim(out, &len);
    memmove(out, p, len);
    out[len] = 0;
    return out;
}

int fx_number_after(const char *folded, const char *prefix)
{
    size_t k = strlen(prefix);
    if (strncmp(folded, prefix, k) != 0)
        return 0;
    int v = 0;
    for (const char *p = folded + k; *p >= '0' && *p <= '9' && v < 10000; p++)
        v = v * 10 + (*p - '0');
    return v;
}
