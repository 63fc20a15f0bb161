/*
 * narrative.c — part 3 (情况说明) of a document into claims.
 *
 * Owns the walk over part 3: section headings 一、… 十一、 give the
 * section number, sub-headings (一)… give the context of the paragraphs
 * under them, and lines are gathered into paragraphs — a line that does
 * not end a sentence continues on the next non-blank line (the typist's or
 * the converter's broken lines) unless that line starts a numbered item.
 * Each paragraph goes to narrative_extract.c; each is also recorded as a
 * ys_para (part 3) for the writers.
 * Promise: never fails on odd text (only on no memory); never reads
 * outside [from, to).
 */
#include <string.h>

#include "narrative_internal.h"
#include "yusuan/fileio.h"
#include "recognize_internal.h"
#include "text.h"

#define HEAD_LOOK 1024     /* bytes of a line looked at for headings */
#define HEAD_CAP 512

static const char *const cn_units[] = {"一", "二", "三", "四", "五",
                                       "六", "七", "八", "九"};

/* Value of a Chinese numeral 一 … 九十九 at s; *len its byte length. */
static int cn_value(const char *s, size_t *len)
{
    int v = 0, digit = 0;
    size_t i = 0;
    for (;;) {
        int d = 0;
        for (int k = 0; k < 9 && !d; k++)
            if (ys_starts(s + i, cn_units[k]))
                d = k + 1;
        if (d) {
            digit = d;
            i += strlen("一");
            continue;
        }
        if (ys_starts(s + i, "十")) {
            v += (digit ? digit : 1) * 10;
            digit = 0;
            i += strlen("十");
            continue;
        }
        break;
    }
    *len = i;
    return v + digit;
}

/* "一、…" → its number, and *body the bytes after the marker; 0 if not. */
static int section_heading(const char *f, size_t *body)
{
    size_t n;
    int v = cn_value(f, &n);
    if (!v || !ys_starts(f + n, "、"))
        return 0;
    *body = n + strlen("、");
    return v;
}

/* "(一)…" / "(一)、…" → its number; *body after the marker; 0 if not. */
static int sub_heading(const char *f, size_t *body)
{
    if (f[0] != '(')
        return 0;
    size_t n;
    int v = cn_value(f + 1, &n);
    if (!v || f[1 + n] != ')')
        return 0;
    *body = 2 + n;
    if (ys_starts(f + *body, "、"))
        *body += strlen("、");
    return v;
}

/* A heading line carries no sentence of its own: short, no full stop. */
static bool heading_only(const char *f)
{
    return ys_utf8_len(f, strlen(f)) <= 40 && !ys_has(f, "。") && !ys_has(f, "万元");
}

/* The text of a document line into b: its cells joined by a blank. */
static void line_text(const ys_line *l, ys_buf *b)
{
    b->n = 0;
    for (int c = 0; c < l->ncells; c++) {
        if (!l->cells[c][0])
            continue;
        if (b->n)
            ys_buf_put(b, " ", 1);
        ys_buf_puts(b, l->cells[c]);
    }
}

static bool ends_sentence(const ys_ntext *t)
{
    static const char *const enders[] = {"。", ";", ":", "!", "?"};
    size_t n = t->n;
    while (n && t->s[n - 1] == ' ')
        n--;
    for (size_t k = 0; k < sizeof enders / sizeof *enders; k++) {
        size_t m = strlen(enders[k]);
        if (n >= m && memcmp(t->s + n - m, enders[k], m) == 0)
            return true;
    }
    return false;
}

/* A numbered item: "1.", "2、", "(1)", "(一)". */
static bool starts_item(const char *f)
{
    size_t i = 0, body;
    if (f[0] == '(')
        i = 1;
    size_t d = i;
    while (f[i] >= '0' && f[i] <= '9')
        i++;
    if (i > d)
        return f[i] == '.' || f[i] == ')' || ys_starts(f + i, "、");
    return sub_heading(f, &body) != 0 || section_heading(f, &body) != 0;
}

typedef struct walk {
    ys_tableset *ts;
    ys_ntext para;
    int section;              /* as numbered */
    int topic;                /* as its heading says (ys_ntopic) */
    int part_topic;           /* topic of the un-numbered part heading above
                                 (Shanghai layout), 0 if none */
    char head[HEAD_CAP];      /* section heading (folded) */
    char sub[HEAD_CAP];       /* sub-heading (folded), "" if none */
    const char *head_raw;     /* section heading as written (in ts) */
    ys_buf raw;               /* the paragraph as written, lines joined */
    int first_line;
} walk;

/* A ys_para of part 3 with the text as written. */
static int add_para(walk *w, const char *text, size_t n, int line)
{
    ys_para *p = ys_tableset_add_para(w->ts);
    if (!p)
        return -1;
    memset(p, 0, sizeof *p);
    p->part = 3;
    p->section = w->section;
    p->heading = w->head_raw;
    p->text = ys_ts_str(w->ts, text, n);
    p->line = line;
    return p->text ? 0 : -1;
}

static int flush(walk *w)
{
    if (!w->para.n)
        return 0;
    ys_nplace at = {w->section, w->topic, w->head[0] ? w->head : NULL,
                    w->sub[0] ? w->sub : NULL};
    int rc = ys_nclaims_paragraph(w->ts, &w->para, &at, NULL);
    if (rc >= 0 && !w->raw.oom)
        rc = add_para(w, w->raw.p, w->raw.n, w->first_line);
    ys_ntext_clear(&w->para);
    w->raw.n = 0;
    return rc < 0 || w->raw.oom ? -1 : 0;
}

static bool ascii_alnum(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* More of the paragraph: folded for reading, as written for the para. */
static int append(walk *w, const ys_line *l, const char *raw, size_t n)
{
    if (!w->para.n)
        w->first_line = l->no;
    if (w->raw.n && n && ascii_alnum(w->raw.p[w->raw.n - 1]) && ascii_alnum(raw[0]))
        ys_buf_put(&w->raw, " ", 1);
    ys_buf_put(&w->raw, raw, n);
    return w->raw.oom ? -1 : ys_ntext_append(&w->para, raw, n, l->no);
}

/* Copy s into out, cut at a character boundary when too long. */
static void copy_text(char *out, size_t cap, const char *s)
{
    size_t n = strlen(s);
    if (n >= cap) {
        n = cap - 1;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    memcpy(out, s, n);
    out[n] = 0;
}

/* An un-numbered part heading: its sections are numbered anew below it. */
static int open_part(walk *w, const char *f, const char *raw, size_t n, int topic)
{
    w->section = 0;
    w->topic = w->part_topic = topic;
    w->sub[0] = 0;
    copy_text(w->head, sizeof w->head, f);
    w->head_raw = ys_ts_str(w->ts, raw, n);
    return w->head_raw ? 0 : -1;
}

/* One non-blank line: a heading, the start of a paragraph, or more of one. */
static int take_line(walk *w, const ys_line *l, const char *raw, size_t n)
{
    /* headings and numbering are told by the line's start */
    char f[HEAD_LOOK];
    if (ys_fold(raw, n < HEAD_LOOK / 2 ? n : HEAD_LOOK / 2, f, sizeof f) == (size_t)-1 && !f[0])
        return 0;
    size_t body;
    int sec = section_heading(f, &body), sub = sec ? 0 : sub_heading(f, &body);
    int part = sec || sub ? 0 : ys_npart(f);
    if (sec || sub || part || ys_starts(f, "第三部分") || starts_item(f) ||
        (w->para.n && ends_sentence(&w->para)))
        if (flush(w) != 0)
            return -1;
    if (ys_starts(f, "第三部分"))
        return 0;
    if (part)
        return open_part(w, f, raw, n, part);
    if (sec) {
        w->section = sec;
        w->sub[0] = 0;
        copy_text(w->head, sizeof w->head, f);
        /* under a part heading, a heading without topic words keeps the
         * part's topic ("六、年度预算安排" under 项目经费情况说明) */
        w->topic = ys_ntopic(f + body, w->part_topic ? w->part_topic : sec);
        if (!(w->head_raw = ys_ts_str(w->ts, raw, n)))
            return -1;
    } else if (sub) {
        copy_text(w->sub, sizeof w->sub, f);
    }
    if ((sec || sub) && heading_only(f))
        return sub ? add_para(w, raw, n, l->no) : 0;   /* a sub-heading is a line of its own */
    return append(w, l, raw, n);
}

/* Where a section heading glued to the end of a paragraph's last line
 * starts ("…3.00万元。五、国有资产占有使用情况": a converter that joins
 * letter-spaced lines), or 0 when there is none. */
static size_t glued_heading(const char *t, size_t n)
{
    const char *stop = NULL;
    for (const char *p = t; (p = memmem(p, n - (size_t)(p - t), "。", strlen("。")));
         p += strlen("。"))
        stop = p;
    if (!stop)
        return 0;
    size_t at = (size_t)(stop - t) + strlen("。");
    char f[HEAD_CAP];
    if (at >= n || n - at >= HEAD_CAP / 2 ||
        ys_fold(t + at, n - at, f, sizeof f) == (size_t)-1)
        return 0;
    size_t body;
    return section_heading(f, &body) && heading_only(f) ? at : 0;
}

int ys_narrative_read(const ys_doc *doc, size_t from, size_t to, ys_tableset *ts,
                      ys_error *err)
{
    walk w;
    memset(&w, 0, sizeof w);
    w.ts = ts;
    ys_ntext_init(&w.para);
    ys_buf line = {0};
    int rc = 0;
    if (to > doc->nlines)
        to = doc->nlines;
    for (size_t i = from; i < to && rc == 0; i++) {
        line_text(&doc->lines[i], &line);
        if (line.oom) {
            rc = -1;
            break;
        }
        size_t n = line.n;
        const char *t = ys_trim(line.p ? line.p : "", &n);
        size_t cut = n ? glued_heading(t, n) : 0;
        if (cut)
            rc = take_line(&w, &doc->lines[i], t, cut);
        if (n && rc == 0)
            rc = take_line(&w, &doc->lines[i], t + cut, n - cut);
    }
    if (rc == 0)
        rc = flush(&w);
    ys_ntext_free(&w.para);
    ys_buf_free(&w.raw);
    ys_buf_free(&line);
    if (rc != 0)
        return ys_error_set(err, YS_ENOMEM, doc->path, 0, "内存不足（读取情况说明）");
    return YS_OK;
}

int ys_claims_from_text(ys_tableset *ts, const char *text, int line, int section,
                        const char *scope)
{
    if (!text)
        return 0;
    ys_ntext t;
    ys_ntext_init(&t);
    int rc = ys_ntext_append(&t, text, strlen(text), line);
    if (rc == 0)
        rc = ys_nclaims_paragraph(ts, &t, &(ys_nplace){section, section, NULL, NULL}, scope);
    ys_ntext_free(&t);
    return rc;
}
