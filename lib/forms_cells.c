/*
 * forms_cells.c — cell access for the tables 11/12 reader: folded
 * comparison, figures, units, prefixes.
 * Promise: every accessor tolerates any index (past the end reads as an
 * empty cell) and any text; nothing here allocates except fx_text and the
 * fold cache.
 *
 * The fold cache: the handlers of one line ask for the same cells folded
 * again and again (each looks for its own labels), so between
 * fx_cells_open and fx_cells_close (ys_forms_read brackets its walk) each
 * cell is folded once, on first use, and kept.  Answers are the
 * same as folding each time: a cached fold is handed out only where
 * ys_fold into the caller's buffer could not have run out of room.
 */
#include <stdlib.h>
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
    /* a cell that starts with none of the bytes white space starts with
     * (ASCII blanks, U+00A0, U+3000) is filled: no need to trim it */
    unsigned char b = (unsigned char)s[0];
    if (b && b != ' ' && !(b >= '\t' && b <= '\r') && b != 0xC2 && b != 0xE3)
        return false;
    size_t n = strlen(s);
    ys_trim(s, &n);
    return n == 0;
}

/* ---- the fold cache ------------------------------------------------------ */

/* A cell folded with room to spare; s NULL when ys_fold failed on it. */
typedef struct fold_cell {
    const char *s;
    size_t len;
} fold_cell;

typedef struct fold_cache {
    const ys_line *base;   /* first line of the range; NULL: no cache */
    size_t n;
    fold_cell **lines;     /* per line, NULL until first asked */
    ys_arena *arena;
    char *scratch;         /* fold buffer, grown as needed */
    size_t scap;
} fold_cache;

static _Thread_local fold_cache cache;

void fx_cells_open(const ys_line *lines, size_t n)
{
    fx_cells_close();
    cache.lines = calloc(n ? n : 1, sizeof *cache.lines);
    cache.arena = ys_arena_new();
    if (!cache.lines || !cache.arena) {
        fx_cells_close();   /* no cache: every fold is done afresh */
        return;
    }
    cache.base = lines;
    cache.n = n;
}

void fx_cells_close(void)
{
    free(cache.lines);
    ys_arena_free(cache.arena);
    free(cache.scratch);
    memset(&cache, 0, sizeof cache);
}

/* Fold cell text s into the arena; the cell's s stays NULL on failure. */
static void fold_one(const char *s, fold_cell *out)
{
    if (!*s) {   /* the empty cells of a table's layout */
        out->s = "";
        out->len = 0;
        return;
    }
    size_t n = strlen(s);
    /* the fold is never longer than the text where the fast fold answers
     * (room for 4 more bytes lets it): fold straight into the arena */
    char *direct = ys_arena_alloc(cache.arena, n + 5);
    size_t len = direct ? ys_fold(s, n, direct, n + 5) : (size_t)-1;
    if (len != (size_t)-1) {
        out->s = direct;
        out->len = len;
        return;
    }
    size_t want = 4 * n + 16;   /* NFKC grows some text a little */
    if (want > cache.scap) {
        char *grown = realloc(cache.scratch, want);
        if (!grown)
            return;
        cache.scratch = grown;
        cache.scap = want;
    }
    len = ys_fold(s, n, cache.scratch, want);
    if (len == (size_t)-1)
        return;
    out->s = ys_arena_strndup(cache.arena, cache.scratch, len);
    out->len = len;
}

/* A cell not folded yet (len never reaches this for a folded one). */
#define UNFOLDED ((size_t)-1)

/* Room for ln's cells in *slot, each marked not folded yet (left NULL
 * without memory). */
static __attribute__((noinline)) void fill_line(const ys_line *ln, fold_cell **slot)
{
    fold_cell *cells = ys_arena_alloc(cache.arena, (size_t)ln->ncells * sizeof *cells);
    if (!cells)
        return;
    for (int k = 0; k < ln->ncells; k++)
        cells[k] = (fold_cell){NULL, UNFOLDED};
    *slot = cells;
}

/* Fold cell c (cell k of ln) on its first use. */
static __attribute__((noinline)) void fill_cell(const ys_line *ln, int k, fold_cell *c)
{
    *c = (fold_cell){NULL, 0};
    fold_one(ln->cells[k] ? ln->cells[k] : "", c);
}

/* Cell i of ln folded from the cache, or NULL (no cache, not a cached line,
 * no such cell, a fold that failed, no memory).  A cell is folded when
 * first asked for (handlers look at a few cells of most lines); filling is
 * out of line: this is asked many times per cell. */
static inline const fold_cell *cached(const ys_line *ln, int i)
{
    if (!cache.base || ln < cache.base || ln >= cache.base + cache.n || i < 0 ||
        i >= ln->ncells || !ln->cells)
        return NULL;
    fold_cell **slot = &cache.lines[ln - cache.base];
    if (!*slot)
        fill_line(ln, slot);
    fold_cell *c = *slot ? &(*slot)[i] : NULL;
    if (c && c->len == UNFOLDED)
        fill_cell(ln, i, c);
    return c && c->s ? c : NULL;
}

/* The folded cell when ys_fold into cap bytes would give it whole: with
 * 5 bytes to spare it never runs out of room (it asks for 4 spare bytes
 * before a non-ASCII character).  NULL: fold afresh. */
static const char *cached_fit(const ys_line *ln, int i, size_t cap)
{
    const fold_cell *c = cached(ln, i);
    return c && c->len + 5 <= cap ? c->s : NULL;
}

/* Whether cell i folded into cap bytes (whole, or the prefix ys_fold
 * leaves when it runs out of room) holds word: 1 or 0, -1 when the cache
 * cannot tell.  The prefix is never shorter than cap - 4 bytes. */
static int cached_has(const ys_line *ln, int i, size_t cap, const char *word)
{
    const fold_cell *c = cached(ln, i);
    if (!c)
        return -1;
    const char *at = strstr(c->s, word);
    if (c->len + 5 <= cap || !at)
        return at != NULL;
    return (size_t)(at - c->s) + strlen(word) + 4 <= cap ? 1 : -1;
}

const char *fx_fold_ref(const ys_line *ln, int i, char *buf, size_t cap, bool *whole)
{
    const char *f = cached_fit(ln, i, cap);
    bool w = f != NULL || fx_fold(ln, i, buf, cap);
    if (whole)
        *whole = w;
    return f ? f : buf;
}

bool fx_fold(const ys_line *ln, int i, char *buf, size_t cap)
{
    const char *f = cached_fit(ln, i, cap);
    if (f) {
        memcpy(buf, f, strlen(f) + 1);
        return true;
    }
    const char *s = fx_raw(ln, i);
    size_t r = ys_fold(s, strlen(s), buf, cap);
    return r != (size_t)-1;
}

#define FX_IS_CAP 128

bool fx_is(const ys_line *ln, int i, const char *label)
{
    const fold_cell *c = cached(ln, i);
    if (c && c->len + 5 <= FX_IS_CAP)
        return strcmp(c->s, label) == 0;
    if (c && c->len >= FX_IS_CAP)
        return false;   /* ys_fold would run out of room */
    char buf[FX_IS_CAP];
    return fx_fold(ln, i, buf, sizeof buf) && strcmp(buf, label) == 0;
}

/* Whether s (NULL: "") is ASCII only: folded, it stays ASCII, so it can
 * never be a label with a Chinese character in it. */
static bool ascii_only(const char *s)
{
    while (s && *s)
        if ((unsigned char)*s++ >= 0x80)
            return false;
    return true;
}

int fx_find(const ys_line *ln, int from, const char *label)
{
    size_t len = strlen(label);
    /* the figures of a row need no fold to be told apart from a label */
    bool wide = !ascii_only(label);
    for (int i = from < 0 ? 0 : from; i < ln->ncells; i++) {
        if (wide && ascii_only(ln->cells[i]))
            continue;
        /* fx_is with the label's length compared first */
        const fold_cell *c = cached(ln, i);
        if (c && c->len + 5 <= FX_IS_CAP) {
            if (c->len == len && memcmp(c->s, label, len) == 0)
                return i;
        } else if (!(c && c->len >= FX_IS_CAP) && fx_is(ln, i, label)) {
            return i;
        }
    }
    return -1;
}

int fx_find_has(const ys_line *ln, int from, const char *word)
{
    char buf[256];
    for (int i = from < 0 ? 0 : from; i < ln->ncells; i++) {
        int hit = cached_has(ln, i, sizeof buf, word);
        if (hit < 0) {
            fx_fold(ln, i, buf, sizeof buf);
            hit = strstr(buf, word) != NULL;
        }
        if (hit)
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
