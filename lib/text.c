/*
 * text.c — trimming, full-width/half-width folding (utf8proc NFKC) and the
 * form findings quote text in.
 * Promise: never reads past n, always NUL-terminates out when cap > 0.
 */
#include "text.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

static size_t blank_at(const unsigned char *p, size_t n)
{
    if (n >= 1 && (p[0] == ' ' || p[0] == '\t' || p[0] == '\r' || p[0] == '\n' ||
                   p[0] == '\f' || p[0] == '\v'))
        return 1;
    if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        return 2;
    if (n >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
        return 3;
    return 0;
}

static size_t blank_before(const unsigned char *p, size_t n)
{
    if (n >= 1 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' ||
                   p[n - 1] == '\n' || p[n - 1] == '\f' || p[n - 1] == '\v'))
        return 1;
    if (n >= 2 && p[n - 2] == 0xC2 && p[n - 1] == 0xA0)
        return 2;
    if (n >= 3 && p[n - 3] == 0xE3 && p[n - 2] == 0x80 && p[n - 1] == 0x80)
        return 3;
    return 0;
}

/* Whether byte b may start (lead) or end (!lead) white space: ASCII
 * blanks, U+00A0 (C2 A0), U+3000 (E3 80 80). */
static inline bool blank_edge(unsigned char b, bool lead)
{
    return b == ' ' || (b >= '\t' && b <= '\r') || b == (lead ? 0xC2 : 0xA0) ||
           b == (lead ? 0xE3 : 0x80);
}

const char *ys_trim(const char *s, size_t *n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t len = *n, k;
    /* most text has nothing to trim: say so from its two ends */
    if (len && !blank_edge(p[0], true) && !blank_edge(p[len - 1], false))
        return s;
    while (len && (k = blank_at(p, len))) {
        p += k;
        len -= k;
    }
    while (len && (k = blank_before(p, len)))
        len -= k;
    *n = len;
    return (const char *)p;
}

/* A CJK unified ideograph (U+4E00..U+9FFF, most of any Chinese text) at p:
 * its length (3) and code point in *cp, else 0.  NFKC leaves these alone,
 * so fold() skips utf8proc for them. */
static size_t ideograph_at(const unsigned char *p, size_t n, utf8proc_int32_t *cp)
{
    if (n < 3 || p[0] < 0xE4 || p[0] > 0xE9 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
        return 0;
    utf8proc_int32_t c = ((p[0] & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (c < 0x4E00 || c > 0x9FFF)
        return 0;
    *cp = c;
    return 3;
}

/* Length of the character at p that NFKC folding leaves as it is (or maps
 * to ASCII: *ascii set), 0 when the full fold is needed.  Covers what a
 * disclosure is mostly made of: ASCII, CJK ideographs U+4000–U+9FFF,
 * full-width ASCII U+FF01–U+FF5E, 、。「」《》【】, quotes “”‘’, and the
 * comparison signs ≤ ≥ ≦ ≧ (U+2264–U+2267). */
static size_t stable_char(const unsigned char *p, size_t n, int *ascii)
{
    *ascii = -1;
    if (p[0] < 0x80)
        return 1;
    if (n < 3)
        return 0;
    if (p[0] >= 0xE4 && p[0] <= 0xE9)
        return (((p[1] ^ 0x80) | (p[2] ^ 0x80)) & 0xC0) == 0 ? 3 : 0;
    if (p[0] == 0xEF && ((p[1] == 0xBC && p[2] >= 0x81) || (p[1] == 0xBD && p[2] <= 0x9E))) {
        *ascii = 0x21 + (p[1] - 0xBC) * 0x40 + (p[2] - 0x81);
        return 3;
    }
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] >= 0x81 && p[2] <= 0x9F)
        return 3;
    if (p[0] == 0xE2 && p[1] == 0x80 && p[2] >= 0x98 && p[2] <= 0x9D && p[2] != 0x9A &&
        p[2] != 0x9B)
        return 3;
    if (p[0] == 0xE2 && p[1] == 0x89 && p[2] >= 0xA4 && p[2] <= 0xA7)
        return 3;   /* ≤ ≥ ≦ ≧ of indicator values (no decomposition) */
    return 0;
}

static size_t fold(const char *s, size_t n, char *out, size_t cap, bool keep)
{
    if (cap == 0)
        return (size_t)-1;
    size_t o = 0;
    bool pending_space = false;
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t k = blank_at(p + i, n - i);
        if (k) {
            i += k;
            pending_space = keep && o > 0;
            continue;
        }
        if (pending_space) {
            if (o + 1 >= cap)
                goto full;
            out[o++] = ' ';
            pending_space = false;
        }
        if (p[i] < 0x80) {
            if (o + 1 >= cap)
                goto full;
            out[o++] = (char)p[i++];
            continue;
        }
        utf8proc_int32_t buf[8];
        utf8proc_ssize_t m = 1;
        int ascii;
        size_t ideo = ideograph_at(p + i, n - i, &buf[0]);
        size_t same = ideo ? 0 : stable_char(p + i, n - i, &ascii);
        if (ideo) {
            i += ideo;
        } else if (same) {
            /* NFKC keeps it (or maps it to ASCII): no utf8proc call; the
             * stable characters past ASCII are all three bytes long */
            buf[0] = ascii >= 0 ? ascii
                                : ((p[i] & 0x0F) << 12) | ((p[i + 1] & 0x3F) << 6) | (p[i + 2] & 0x3F);
            i += same;
        } else {
            utf8proc_int32_t cp;
            utf8proc_ssize_t len = utf8proc_iterate(p + i, (utf8proc_ssize_t)(n - i), &cp);
            if (len <= 0) {
                out[o] = 0;
                return (size_t)-1;
            }
            i += (size_t)len;
            /* NFKC of one code point: at most a few code points. */
            int opt = UTF8PROC_COMPAT | UTF8PROC_COMPOSE | UTF8PROC_STABLE;
            m = utf8proc_decompose_char(cp, buf, 8, opt, NULL);
            if (m < 0 || m > 8) {
                buf[0] = cp;
                m = 1;
            }
        }
        for (utf8proc_ssize_t j = 0; j < m; j++) {
            if (buf[j] == 0x3000 || buf[j] == 0xA0 || buf[j] == ' ') {
                pending_space = keep && o > 0;
                continue;
            }
            if (pending_space) {
                if (o + 1 >= cap)
                    goto full;
                out[o++] = ' ';
                pending_space = false;
            }
            if (o + 4 >= cap)
                goto full;
            o += (size_t)utf8proc_encode_char(buf[j], (utf8proc_uint8_t *)out + o);
        }
    }
    out[o] = 0;
    return o;
full:
    out[o] = 0;
    return (size_t)-1;
}


char *ys_scopy(char *dst, size_t cap, const char *s, size_t n)
{
    if (n == (size_t)-1)
        n = strlen(s);
    if (n >= cap)
        n = cap - 1;
    memcpy(dst, s, n);
    dst[n] = 0;
    return dst;
}

bool ys_has(const char *s, const char *needle) { return strstr(s, needle) != NULL; }


size_t ys_utf8_len(const char *s, size_t n)
{
    size_t c = 0, i = 0;
#ifdef __SSE2__
    /* sixteen bytes a step (rules measure whole paragraphs): each lane
     * counts its continuation bytes, summed up before it can wrap */
    while (n - i >= 16) {
        __m128i acc = _mm_setzero_si128();
        size_t i0 = i;
        for (int k = 0; k < 255 && n - i >= 16; k++, i += 16) {
            __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
            __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
                                          _mm_set1_epi8((char)0x80));
            acc = _mm_sub_epi8(acc, cont);   /* cont lanes are -1 */
        }
        __m128i sum = _mm_sad_epu8(acc, _mm_setzero_si128());
        size_t ncont = (size_t)_mm_cvtsi128_si32(sum) + (size_t)_mm_extract_epi16(sum, 4);
        c += (i - i0) - ncont;
    }
#endif
    for (; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

/* Whether the first three bytes of w (as read from memory) are a
 * character led by E4..E9 with two continuation bytes: what fold_fast
 * copies as it is.  Byte order independent. */
static inline bool ideograph_word(uint32_t w)
{
    unsigned char b[4];
    memcpy(b, &w, 4);
    return (unsigned)(b[0] - 0xE4) <= 0xE9 - 0xE4 && ((b[1] ^ 0x80) | (b[2] ^ 0x80)) < 0x40;
}

/* Whether the first six bytes of w (as read from memory, little-endian)
 * are two characters, each led by a byte in lo..hi with two continuation
 * bytes: a run of Chinese text taken two characters a step. */
static inline bool two_chars(uint64_t w, unsigned lo, unsigned hi)
{
    return (w & 0xC0C000C0C000u) == 0x808000808000u && (unsigned)((w & 0xFF) - lo) <= hi - lo &&
           (unsigned)(((w >> 24) & 0xFF) - lo) <= hi - lo;
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define YS_LE 1
#else
#define YS_LE 0
#endif

/* Whether p[0..16) starts with five such characters (15 bytes), by SSE2;
 * false without it.  Long runs of Chinese prose go five a step. */
static inline bool five_chars(const unsigned char *p, unsigned lo, unsigned hi)
{
#ifdef __SSE2__
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)p);
    __m128i cont = _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)),
                                  _mm_set1_epi8((char)0x80));
    __m128i x = _mm_sub_epi8(v, _mm_set1_epi8((char)lo));   /* lead: x <= hi - lo */
    __m128i lead = _mm_cmpeq_epi8(_mm_min_epu8(x, _mm_set1_epi8((char)(hi - lo))), x);
    /* leads at 0, 3, 6, 9, 12; continuation bytes between */
    return (_mm_movemask_epi8(cont) & 0x7FFF) == 0x6DB6 &&
           (_mm_movemask_epi8(lead) & 0x1249) == 0x1249;
#else
    (void)p, (void)lo, (void)hi;
    return false;
#endif
}

/* Length of the well-formed UTF-8 sequence at p[0..n) (RFC 3629: no
 * overlong forms, no surrogates, nothing past U+10FFFF), 0 when there is
 * none.  The same sequences utf8proc_iterate accepts, without a call per
 * character (this runs over every byte of every document). */
static size_t utf8_seq(const unsigned char *p, size_t n)
{
    unsigned char c = p[0];
    if (c < 0x80)
        return 1;
    if (c < 0xC2 || c > 0xF4)
        return 0;
    if (c < 0xE0)
        return n >= 2 && (p[1] & 0xC0) == 0x80 ? 2 : 0;
    if (c < 0xF0) {
        if (n < 3 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80)
            return 0;
        if ((c == 0xE0 && p[1] < 0xA0) || (c == 0xED && p[1] > 0x9F))
            return 0;   /* overlong, surrogate */
        return 3;
    }
    if (n < 4 || (p[1] & 0xC0) != 0x80 || (p[2] & 0xC0) != 0x80 || (p[3] & 0xC0) != 0x80)
        return 0;
    if ((c == 0xF0 && p[1] < 0x90) || (c == 0xF4 && p[1] > 0x8F))
        return 0;       /* overlong, past U+10FFFF */
    return 4;
}

/* From i (the start of a character) on, sixteen bytes a step while they
 * are ASCII and whole three-byte characters whose lead needs no check of
 * the byte after it (E1..EC, EE, EF: Chinese text and its full-width
 * punctuation).  Returns where such text stops, at the start of a
 * character (i when it does at once); what follows is for the caller to
 * check.  A block holds the leads, continuations and ASCII bytes as masks:
 * every continuation must be one a lead one or two bytes before asks for
 * (carried into the next block), and no other. */
static size_t simple_run(const unsigned char *p, size_t i, size_t n)
{
#ifdef __SSE2__
    unsigned carry = 0;   /* continuations the block before asks of this one */
    while (n - i >= 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
        __m128i ge = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8((char)0xE1)), v);
        __m128i le = _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8((char)0xEF)), v);
        __m128i ed = _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xED));
        unsigned lead = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(ed, _mm_and_si128(ge, le)));
        unsigned cont = (unsigned)_mm_movemask_epi8(
            _mm_cmpeq_epi8(_mm_and_si128(v, _mm_set1_epi8((char)0xC0)), _mm_set1_epi8((char)0x80)));
        unsigned ascii = ~(unsigned)_mm_movemask_epi8(v) & 0xFFFF;
        unsigned asked = (lead << 1) | (lead << 2) | carry;
        if ((ascii | lead | cont) != 0xFFFF || cont != (asked & 0xFFFF))
            break;
        carry = asked >> 16;
        i += 16;
    }
    /* back to the lead of a character the last block left open */
    return carry == 3 ? i - 1 : carry == 1 ? i - 2 : i;
#else
    (void)p;
    (void)n;
    return i;
#endif
}

bool ys_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0;
    while (i < n) {
        size_t j = n - i >= 16 ? simple_run(p, i, n) : i;
        if (j != i) {
            i = j;
            continue;
        }
        if (p[i] < 0x80) {
            /* a run of ASCII: eight bytes a step, then byte by byte to its
             * end (figures between tabs are short runs) */
            while (n - i >= 8) {
                uint64_t w;
                memcpy(&w, p + i, 8);
                if (w & 0x8080808080808080u)
                    break;
                i += 8;
            }
            while (i < n && p[i] < 0x80)
                i++;
            continue;
        }
        /* the common case, a CJK character (E1..EC: no overlong, no
         * surrogate to rule out) */
        if (n - i >= 3 && (unsigned)(p[i] - 0xE1) <= 0xEC - 0xE1 &&
            (((p[i + 1] ^ 0x80) | (p[i + 2] ^ 0x80)) & 0xC0) == 0) {
            i += 3;
            /* the rest of a run of them, five a step while 16 bytes are
             * left (SSE2), two while eight are (little-endian), then one
             * by one */
            while (n - i >= 16 && five_chars(p + i, 0xE1, 0xEC))
                i += 15;
            uint64_t w;
            while (YS_LE && n - i >= 8 && (memcpy(&w, p + i, 8), two_chars(w, 0xE1, 0xEC)))
                i += 6;
            while (n - i >= 3 && (unsigned)(p[i] - 0xE1) <= 0xEC - 0xE1 &&
                   (((p[i + 1] ^ 0x80) | (p[i + 2] ^ 0x80)) & 0xC0) == 0)
                i += 3;
            continue;
        }
        size_t len = utf8_seq(p + i, n - i);
        if (!len)
            return false;
        i += len;
    }
    return true;
}



/* The fast fold; with `keep`, a run of white space becomes one ASCII space
 * between words (none at either end), as fold() does.  Every sequence it
 * takes is well-formed UTF-8 (stable_char's are by their byte ranges), so
 * it answers for valid text only.  Inlined into each
 * caller so that ys_fold's copy carries no space handling. */
static inline __attribute__((always_inline)) size_t
fold_fast(const char *s, size_t n, char *out, size_t cap, bool keep)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t o = 0;
    bool pending = false;   /* white space seen since the last character */
    if (cap <= n)   /* the output is never longer than the input */
        return (size_t)-1;
    for (size_t i = 0; i < n;) {
        unsigned char c = p[i];
        /* the common cases first: ASCII, then CJK ideographs */
        if (c < 0x80) {
            if (c == ' ' || (c >= '\t' && c <= '\r')) {
                pending = keep && o > 0;
            } else {
                if (keep && pending)
                    out[o++] = ' ';
                pending = false;
                out[o++] = (char)c;
            }
            i++;
            continue;
        }
        if (c >= 0xE4 && c <= 0xE9 && n - i >= 3 &&
            (((p[i + 1] ^ 0x80) | (p[i + 2] ^ 0x80)) & 0xC0) == 0) {
            if (keep && pending)
                out[o++] = ' ';
            pending = false;
            out[o++] = (char)c;
            out[o++] = (char)p[i + 1];
            out[o++] = (char)p[i + 2];
            i += 3;
            /* the rest of a run of them: five characters a 16-byte block
             * (SSE2), two an eight-byte word (little-endian), then a
             * four-byte word a character (o never
             * passes i, and cap > n: the bytes past them have room and are
             * overwritten by what follows) */
            while (n - i >= 16 && five_chars(p + i, 0xE4, 0xE9)) {
                memcpy(out + o, p + i, 16);
                o += 15;
                i += 15;
            }
            uint64_t w2;
            while (YS_LE && n - i >= 8 && (memcpy(&w2, p + i, 8), two_chars(w2, 0xE4, 0xE9))) {
                memcpy(out + o, &w2, 8);
                o += 6;
                i += 6;
            }
            uint32_t w;
            while (n - i >= 4 && (memcpy(&w, p + i, 4), ideograph_word(w))) {
                memcpy(out + o, &w, 4);
                o += 3;
                i += 3;
            }
            continue;
        }
        size_t blank = n - i >= 3 && c == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x80 ? 3
                       : n - i >= 2 && c == 0xC2 && p[i + 1] == 0xA0                ? 2
                                                                                     : 0;
        if (blank) {   /* U+3000, U+00A0 */
            pending = keep && o > 0;
            i += blank;
            continue;
        }
        if (keep && pending)
            out[o++] = ' ';
        pending = false;
        int ascii;
        size_t k = stable_char(p + i, n - i, &ascii);
        if (!k)
            return (size_t)-1;
        if (ascii >= 0)
            out[o++] = (char)ascii;
        else
            for (size_t j = 0; j < k; j++)
                out[o++] = (char)p[i + j];
        i += k;
    }
    out[o] = 0;
    return o;
}

size_t ys_fold_fast(const char *s, size_t n, char *out, size_t cap)
{
    return fold_fast(s, n, out, cap, false);
}

size_t ys_fold(const char *s, size_t n, char *out, size_t cap)
{
    /* The fast fold answers only for valid UTF-8 (it checks every sequence
     * it takes) and then as fold() does; with 4 bytes of room to spare
     * fold() could not have run out of room where it answers (its output
     * is never longer than the input). */
    if (cap > n + 4) {
        size_t m = fold_fast(s, n, out, cap, false);
        if (m != (size_t)-1)
            return m;
    } else if (cap > 8) {
        /* Text longer than the room (a prose cell into a label buffer):
         * the fast fold takes a head fold() would take whole (it stops
         * only 4 bytes short of cap), and fold() goes on from there as it
         * would have; without `keep` nothing else carries over. */
        size_t head = cap - 5;
        while (head > 0 && ((unsigned char)s[head] & 0xC0) == 0x80)
            head--;
        size_t m = head ? fold_fast(s, head, out, cap, false) : (size_t)-1;
        if (m != (size_t)-1) {
            size_t r = fold(s + head, n - head, out + m, cap - m, false);
            return r == (size_t)-1 ? r : m + r;
        }
    }
    return fold(s, n, out, cap, false);
}

size_t ys_fold_keep_space(const char *s, size_t n, char *out, size_t cap)
{
    /* as ys_fold: the fast fold where it answers, with room to spare */
    if (cap > n + 4) {
        size_t m = fold_fast(s, n, out, cap, true);
        if (m != (size_t)-1)
            return m;
    }
    return fold(s, n, out, cap, true);
}

size_t ys_quote_form(const char *s, size_t n, char *out, size_t cap)
{
    const unsigned char *u = (const unsigned char *)s;
    size_t o = 0, i = 0;
    bool pending = false, prev_wide = false;
    if (!cap)
        return 0;
    while (i < n) {
        size_t w = blank_at(u + i, n - i);
        if (w) {
            pending = o > 0;
            i += w;
            continue;
        }
        size_t j = i + 1;
        while (j < n && (u[j] & 0xC0) == 0x80)
            j++;
        bool wide = u[i] >= 0x80;
        size_t need = j - i + (pending && !prev_wide && !wide);
        if (o + need >= cap)
            break;      /* cut between characters, never inside one */
        if (pending && !prev_wide && !wide)
            out[o++] = ' ';
        memcpy(out + o, s + i, j - i);
        o += j - i;
        pending = false;
        prev_wide = wide;
        i = j;
    }
    out[o] = 0;
    return o;
}
