/*
 * narrative_text.c — owns the folded text of one paragraph and the map
 * from its offsets back to document lines.
 * Promise: the text is valid UTF-8 folded to half-width (ys_fold_keep_space)
 * with HTML-ish tags (<p>, </p>, <br/>, <span …>) and &nbsp; replaced by a
 * blank; offsets map to the line a byte came from; never reads past n.
 */
#include <stdlib.h>
#include <string.h>

#include "narrative_internal.h"
#include "text.h"

void ys_ntext_init(ys_ntext *t) { memset(t, 0, sizeof *t); }

void ys_ntext_free(ys_ntext *t)
{
    free(t->s);
    free(t->map_off);
    free(t->map_line);
    ys_ntext_init(t);
}

void ys_ntext_clear(ys_ntext *t)
{
    t->n = 0;
    t->nmap = 0;
    if (t->s)
        t->s[0] = 0;
}

static int reserve(ys_ntext *t, size_t more)
{
    if (t->n + more + 1 <= t->cap)
        return 0;
    size_t cap = t->cap ? t->cap : 256;
    while (cap < t->n + more + 1)
        cap *= 2;
    char *s = realloc(t->s, cap);
    if (!s)
        return -1;
    t->s = s;
    t->cap = cap;
    return 0;
}

static int add_map(ys_ntext *t, size_t off, int line)
{
    if (t->nmap == t->mapcap) {
        size_t cap = t->mapcap ? t->mapcap * 2 : 8;
        size_t *o = realloc(t->map_off, cap * sizeof *o);
        if (!o)
            return -1;
        t->map_off = o;
        int *l = realloc(t->map_line, cap * sizeof *l);
        if (!l)
            return -1;
        t->map_line = l;
        t->mapcap = cap;
    }
    t->map_off[t->nmap] = off;
    t->map_line[t->nmap] = line;
    t->nmap++;
    return 0;
}

/* Length of an HTML-ish tag or entity at p (0 if none): "<p>", "</p>",
 * "<br/>", "<span style=…>", "&nbsp;". */
static size_t markup_at(const char *p, size_t n)
{
    if (n >= 6 && memcmp(p, "&nbsp;", 6) == 0)
        return 6;
    if (n < 3 || p[0] != '<')
        return 0;
    size_t i = 1;
    if (p[i] == '/')
        i++;
    if (i >= n || !((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')))
        return 0;
    for (; i < n && i < 200; i++) {
        if (p[i] == '>')
            return i + 1;
        if (p[i] == '<' || p[i] == '\n')
            return 0;
    }
    return 0;
}

/* raw with markup replaced by blanks, into a new buffer (caller frees). */
static char *strip_markup(const char *raw, size_t n)
{
    char *out = malloc(n + 1);
    if (!out)
        return NULL;
    /* markup starts with < or &: most text has neither, and is copied */
    if (!memchr(raw, '<', n) && !memchr(raw, '&', n)) {
        memcpy(out, raw, n);
        out[n] = 0;
        return out;
    }
    size_t o = 0;
    for (size_t i = 0; i < n;) {
        size_t k = markup_at(raw + i, n - i);
        if (k) {
            out[o++] = ' ';
            i += k;
        } else {
            out[o++] = raw[i++];
        }
    }
    out[o] = 0;
    return out;
}

static bool ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

int ys_ntext_append(ys_ntext *t, const char *raw, size_t n, int line)
{
    char *clean = strip_markup(raw, n);
    if (!clean)
        return -1;
    size_t m = strlen(clean);
    /* NFKC rarely expands much; retry with more room when it does. */
    size_t cap = 2 * m + 64, got = (size_t)-1;
    char *fold = NULL;
    for (int tries = 0; tries < 4 && got == (size_t)-1; tries++, cap *= 4) {
        char *f = realloc(fold, cap);
        if (!f) {
            free(fold);
            free(clean);
            return -1;
        }
        fold = f;
        got = ys_fold_keep_space(clean, m, fold, cap);
        if (got == (size_t)-1 && !ys_utf8_valid(clean, m))
            break;      /* invalid UTF-8: keep the best-effort copy */
    }
    free(clean);
    if (got == (size_t)-1)
        got = strlen(fold);
    /* Two lines of one paragraph join without a blank (Chinese), except
     * where Latin letters or digits would run together. */
    bool blank = t->n > 0 && got > 0 && ascii_alnum(t->s[t->n - 1]) &&
                 ascii_alnum(fold[0]);
    if (reserve(t, got + 1) != 0 || add_map(t, t->n + (blank ? 1 : 0), line) != 0) {
        free(fold);
        return -1;
    }
    if (blank)
        t->s[t->n++] = ' ';
    memcpy(t->s + t->n, fold, got);
    t->n += got;
    t->s[t->n] = 0;
    free(fold);
    return 0;
}

int ys_ntext_line_at(const ys_ntext *t, size_t off)
{
    if (!t->nmap)
        return 0;
    /* the last line that starts at or before off */
    size_t lo = 0, hi = t->nmap;
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->map_off[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return t->map_line[lo];
}
