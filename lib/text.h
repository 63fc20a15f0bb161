/*
 * text.h — UTF-8 text helpers shared by readers, recogniser and rules.
 * Internal to libyusuan.
 *
 * Folding maps full-width forms to half-width (ＡＢＣ１２３，（）→ ABC123,())
 * through utf8proc's NFKC, and removes all white space, so that names can be
 * compared whatever the typist used.  Only text with non-ASCII bytes goes
 * through utf8proc; ASCII is folded in place (a fast path: most of a
 * document's bytes are table figures).
 */
#ifndef YS_TEXT_H
#define YS_TEXT_H

#include <stdbool.h>
#include <stddef.h>

/* Trim ASCII blanks, U+3000 and U+00A0 at both ends: returns start, sets *n. */
const char *ys_trim(const char *s, size_t *n);

/*
 * NFKC-fold s[0..n) into out (cap bytes, NUL-terminated), dropping every
 * white-space character (ASCII blanks, U+3000, U+00A0).  Returns the length,
 * or (size_t)-1 if out is too small or s is not valid UTF-8 (out then holds
 * a best-effort copy).
 */
size_t ys_fold(const char *s, size_t n, char *out, size_t cap);

/* Same, but keeps single ASCII spaces where white space was (for prose). */
size_t ys_fold_keep_space(const char *s, size_t n, char *out, size_t cap);

/*
 * ys_fold for text made only of characters NFKC keeps or maps to ASCII
 * (ASCII, CJK ideographs, full-width ASCII, common CJK punctuation), without
 * utf8proc and without a bounds check per byte (cap must exceed n).
 * Returns the length, or (size_t)-1 when s holds anything else (invalid
 * UTF-8 included) or cap <= n (then use ys_fold).  Same output as ys_fold
 * where it answers.
 */
size_t ys_fold_fast(const char *s, size_t n, char *out, size_t cap);

/*
 * The form findings quote a document's text in: white space at the ends
 * and beside a non-ASCII character dropped, other runs one ASCII space
 * ("2个五门柜 1台饮水机" → "2个五门柜1台饮水机", "a  b" → "a b").
 * Why: whether a space stands between Chinese and a figure depends on the
 * format (a PDF cell that wraps at that space keeps none of it), and a
 * finding must read the same whichever format its document came in.
 * Writes at most cap - 1 bytes to out, cut between characters, and
 * NUL-terminates it (cap > 0); returns the length written.
 */
size_t ys_quote_form(const char *s, size_t n, char *out, size_t cap);

/* Copy s[0..n) (n = (size_t)-1: strlen) into dst of cap > 0 bytes,
 * cut to fit (byte-wise, as snprintf "%s" cuts) and NUL-terminated.
 * Returns dst.  Hot paths use it for snprintf(dst, cap, "%s", s). */
char *ys_scopy(char *dst, size_t cap, const char *s, size_t n);

/* True when s contains needle (both NUL-terminated). */
bool ys_has(const char *s, const char *needle);
/* True when s starts with prefix.  Inline, byte by byte: a mismatch (or
 * the end of s) usually comes at once, and the recogniser asks this of
 * most cells many times over. */
static inline bool ys_starts(const char *s, const char *prefix)
{
    for (; *prefix; s++, prefix++)
        if (*s != *prefix)
            return false;
    return true;
}

/* Number of UTF-8 code points in s[0..n). */
size_t ys_utf8_len(const char *s, size_t n);

/* Check that s[0..n) is valid UTF-8. */
bool ys_utf8_valid(const char *s, size_t n);

/* Skip numbering at the start of folded s: "一、", "(一)", "(一)、", "1.",
 * "1、", "- ", "·", "廿一、".  Returns the rest (s itself when there is
 * none).  Defined in recognize_text.c beside the Chinese numerals. */
const char *ys_strip_numbering(const char *s);

#endif
