/*
 * recognize_text.c — the recogniser's view of cell text: folded cells
 * (cached, each cell folded at most once per run), numbering, codes,
 * amounts, units and "标签：值" cells.
 * Promise: never reads past a cell; out of memory sets z->oom and yields "".
 */
#include <string.h>

#include "arena.h"
#include "recognize_tables.h"
#include "text.h"

static char **line_cache(ys_rz *z, size_t li)
{
    if (!z->fold[li]) {
        int n = z->doc->lines[li].ncells;
        char **v = ys_arena_alloc(z->scratch, sizeof(char *) * (size_t)(n ? n : 1));
        if (!v) {
            z->oom = 1;
            return NULL;
        }
        memset(v, 0, sizeof(char *) * (size_t)(n ? n : 1));
        z->fold[li] = v;
    }
    return z->fold[li];
}

static const char *fold_into_cache(ys_rz *z, const char *s, size_t n)
{
    size_t cap = 4 * n + 16;
    if (cap > z->bufcap) {
        char *nb = ys_arena_alloc(z->scratch, cap);
        if (!nb) {
            z->oom = 1;
            return "";
        }
        z->buf = nb;
        z->bufcap = cap;
    }
    size_t m = ys_fold_fast(s, n, z->buf, z->bufcap);
    if (m == (size_t)-1)
        m = ys_fold(s, n, z->buf, z->bufcap);
    if (m == (size_t)-1)
        m = strlen(z->buf);
    char *out = ys_arena_strndup(z->scratch, z->buf, m);
    if (!out) {
        z->oom = 1;
        return "";
    }
    return out;
}

const char *ys_rz_cell(ys_rz *z, size_t li, int c)
{
    const ys_line *l = &z->doc->lines[li];
    if (c < 0 || c >= l->ncells || !l->cells[c][0])
        return "";
    char **v = line_cache(z, li);
    if (!v)
        return "";
    if (!v[c])
        v[c] = (char *)fold_into_cache(z, l->cells[c], strlen(l->cells[c]));
    return v[c];
}

int ys_rz_nonempty(const ys_rz *z, size_t li)
{
    const ys_line *l = &z->doc->lines[li];
    int n = 0;
    for (int c = 0; c < l->ncells; c++)
        n += l->cells[c][0] != 0;
    return n;
}

#define SHORT_TEXT_MAX 300

const char *ys_rz_short_text(ys_rz *z, size_t li, int max)
{
    const ys_line *l = &z->doc->lines[li];
    int k = 0, only = -1;
    size_t total = 0;
    for (int c = 0; c < l->ncells; c++)
        if (l->cells[c][0]) {
            if (++k > max)
                return NULL;
            only = c;
            total += strlen(l->cells[c]);
        }
    if (k == 0 || total > SHORT_TEXT_MAX)
        return NULL;
    if (k == 1)
        return ys_rz_cell(z, li, only);
    char joined[4 * SHORT_TEXT_MAX + 64];
    size_t o = 0;
    for (int c = 0; c < l->ncells; c++) {
        const char *f = ys_rz_cell(z, li, c);
        size_t n = strlen(f);
        if (o + n >= sizeof joined)
            return NULL;
        memcpy(joined + o, f, n);
        o += n;
    }
    char *s = ys_arena_strndup(z->scratch, joined, o);
    if (!s)
        z->oom = 1;
    return s;
}

/* Length of the Chinese numeral at s (3 bytes) or 0: 一二三四五六七八九十
 * 廿百零〇两, by code point (a switch: this runs at every numbering). */
static size_t cn_numeral(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    /* every numeral is 3 bytes led by E3..E9: most text stops here */
    if (p[0] < 0xE3 || p[0] > 0xE9 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
    unsigned cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    switch (cp) {
    case 0x4E00: case 0x4E8C: case 0x4E09: case 0x56DB: case 0x4E94:   /* 一二三四五 */
    case 0x516D: case 0x4E03: case 0x516B: case 0x4E5D: case 0x5341:   /* 六七八九十 */
    case 0x5EFF: case 0x767E: case 0x96F6: case 0x3007: case 0x4E24:   /* 廿百零〇两 */
        return 3;
    default:
        return 0;
    }
}

static size_t cn_run(const char *s)
{
    size_t n = 0, k;
    while ((k = cn_numeral(s + n)))
        n += k;
    return n;
}

static size_t digit_run(const char *s)
{
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    return n;
}

/* Length of one numbering prefix at s, 0 when none. */
static size_t numbering_at(const char *s)
{
    static const char *const bullets[] = {"-", "·", "•", "●", "▪", NULL};
    unsigned char b = (unsigned char)s[0];
    /* the bullets lead with '-', C2 or E2; a numbering with '(', a digit
     * or a numeral (E3..E9): any other first byte is no numbering */
    if (b != '-' && b != '(' && !(b >= '0' && b <= '9') && b != 0xC2 && !(b >= 0xE2 && b <= 0xE9))
        return 0;
    for (int i = 0; b != '(' && bullets[i]; i++)
        if (ys_starts(s, bullets[i]))
            return strlen(bullets[i]);
    size_t n = cn_run(s);
    if (n && ys_starts(s + n, "、"))
        return n + strlen("、");
    if (s[0] == '(') {
        size_t k = cn_run(s + 1);
        if (!k)
            k = digit_run(s + 1);
        if (k && s[1 + k] == ')') {
            size_t m = 2 + k;
            if (ys_starts(s + m, "、"))
                m += strlen("、");
            return m;
        }
    }
    n = digit_run(s);
    if (n && n <= 2) {
        if (ys_starts(s + n, "、"))
            return n + strlen("、");
        if ((s[n] == '.' || s[n] == ')') && !(s[n + 1] >= '0' && s[n + 1] <= '9'))
            return n + 1;
    }
    return 0;
}

const char *ys_strip_numbering(const char *s)
{
    for (int i = 0; i < 3; i++) {
        size_t n = numbering_at(s);
        if (!n)
            break;
        s += n;
    }
    return s;
}

bool ys_top_numbered(const char *s)
{
    size_t n = cn_run(s);
    return n && ys_starts(s + n, "、");
}

bool ys_is_code(const char *s)
{
    if (!(s[0] >= '0' && s[0] <= '9'))
        return false;
    int digits = 0;
    size_t i = 0;
    for (; s[i]; i++) {
        char ch = s[i];
        if (ch >= '0' && ch <= '9')
            digits++;
        else if (!((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z')))
            return false;
    }
    return digits >= 2 && i <= 40;
}

/* Integer digits of a figure (ASCII or full-width) before its point. */
static int integer_digits(const char *raw)
{
    int n = 0;
    for (const unsigned char *p = (const unsigned char *)raw; *p && *p != '.'; p++)
        if ((*p >= '0' && *p <= '9') ||
            (p[0] == 0xEF && p[1] == 0xBC && p[2] >= 0x90 && p[2] <= 0x99))
            n++;
    return n;
}

bool ys_rz_amount(const char *raw, ys_unit unit, ys_amount *out)
{
    ys_amount a = {0, 0, false};
    *out = a;
    /* a cell of more than 12 integer digits is a code or garbage, never a
     * figure of a budget table (and would overflow 分 in 万元) */
    if (!raw[0] || integer_digits(raw) > 12)
        return false;
    if (ys_amount_parse(raw, strlen(raw), unit, &a) != 0 || !a.present)
        return false;
    *out = a;
    return true;
}

int ys_unit_in(const char *folded)
{
    const char *u = strstr(folded, "单位:");
    if (!u)
        return -1;
    u += strlen("单位:");
    if (ys_starts(u, "万元"))
        return YS_UNIT_WAN;
    if (ys_starts(u, "元"))
        return YS_UNIT_YUAN;
    return -1;
}

size_t ys_label_value(const char *folded, const char *label, char *out, size_t cap)
{
    size_t ln = strlen(label);
    if (strncmp(folded, label, ln) != 0 || folded[ln] != ':' || cap == 0)
        return 0;
    const char *v = folded + ln + 1;
    const char *stop = strstr(v, "单位:");
    /* "资金单位:"/"金额单位:" end the value too: cut at their first byte */
    size_t n = stop ? (size_t)(stop - v) : strlen(v);
    static const char *const tails[] = {"资金", "金额", NULL};
    for (int i = 0; stop && tails[i]; i++) {
        size_t tn = strlen(tails[i]);
        if (n >= tn && memcmp(v + n - tn, tails[i], tn) == 0)
            n -= tn;
    }
    if (n >= cap)
        n = cap - 1;
    memcpy(out, v, n);
    out[n] = 0;
    return n;
}
