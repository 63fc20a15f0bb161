/*
 * readers/html_lex.h — a forgiving HTML tokenizer for the HTML reader.
 * Internal to libyusuan.  Hands over start/end tags (names lower-cased,
 * attribute values entity-decoded) and text runs (entities decoded), each
 * with the source line it starts on.  Comments, <!…>, <?…?> are skipped,
 * as is the content of <script>, <style>, <title>, <textarea>, <noscript>
 * and <template>.  Never fails: malformed markup is read as text.
 */
#ifndef YS_HTML_LEX_H
#define YS_HTML_LEX_H

#include <stddef.h>

#define HTML_MAX_ATTRS 16

typedef struct html_tag {
    char name[16];
    int end;                   /* </name> */
    int nattrs;
    char attr_name[HTML_MAX_ATTRS][24];
    char attr_value[HTML_MAX_ATTRS][64];   /* truncated when longer */
} html_tag;

typedef void (*html_tag_fn)(void *ud, const html_tag *t, int line);
typedef void (*html_text_fn)(void *ud, const char *s, size_t n, int line);

void html_lex(const char *s, size_t n, html_tag_fn on_tag, html_text_fn on_text, void *ud);

/* Value of attribute `name` (lower case) or NULL. */
const char *html_attr(const html_tag *t, const char *name);

/* Decode the entities of s[0..n) into out (cap bytes, NUL-terminated;
 * never more than n bytes are written since every entity is at least as
 * long as its UTF-8).  Returns the length written. */
size_t html_decode(const char *s, size_t n, char *out, size_t cap);

#endif
