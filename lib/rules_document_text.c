/*
 * rules_document_text.c — DOC.* kinds about the words of the document:
 * a sentence or paragraph written twice (DOC.repeat) and the wrong entity
 * word — 部门 in a 单位 disclosure or the reverse (DOC.entity).  Class names
 * out of date (DOC.class_name) are in rules_document_names.c.
 * Promise: reads titles, notes and paragraphs; never special-cases a
 * document; one finding per line and subject.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_document.h"
#include "text.h"

/* ---- DOC.repeat ----------------------------------------------------------- */

#define REPEAT_MIN_CHARS 30

typedef struct piece {
    const char *s;     /* folded sentence (points into a folded paragraph) */
    size_t n;
    int para;          /* index in ts->paras */
    int line;
} piece;

static size_t sentence_len(const char *s)
{
    static const char *const ends[] = {"。", ";", "!", "?"};
    for (const char *p = s; *p; p++) {
        unsigned char b = (unsigned char)*p;
        if (b != 0xE3 && b != ';' && b != '!' && b != '?')
            continue;   /* the first bytes of the ends */
        for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
            if (ys_starts(p, ends[i]))
                return (size_t)(p - s) + strlen(ends[i]);
    }
    return strlen(s);
}

static bool same_piece(const piece *a, const piece *b)
{
    return a->n == b->n && memcmp(a->s, b->s, a->n) == 0;
}

static int report_repeat(const ys_rule *r, const piece *a, const piece *b, bool whole,
                         ys_findings *out)
{
    char ex[200];
    size_t n = a->n > 150 ? 150 : a->n;
    while (n < a->n && n && ((unsigned char)a->s[n] & 0xC0) == 0x80)
        n--;
    ys_side s = ys_side_of((ys_amount){0}, a->line);
    ys_side_add(&s, (ys_amount){0}, b->line);
    return ys_report_finding(out, r, ys_doc_sev(r), "", &s, "", "",
                             "%s重复出现（第%d行与第%d行）：“%s%s”", whole ? "整段文字" : "句子",
                             a->line, b->line, ys_scopy(ex, sizeof ex, a->s, n),
                             n < a->n ? "…" : "");
}

/* Items of a list often share a sentence with their figures ("2023年…为
 * 20.00万元，2024年预算安排20.00万元，…持平。"): a sentence with a figure
 * repeated is no evidence; a whole paragraph repeated is. */
static bool has_digit(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return true;
    return false;
}

/* Pieces of folded paragraphs: whole paragraphs (whole = true) or their
 * sentences, each of REPEAT_MIN_CHARS characters or more. */
static size_t collect(const ys_tableset *ts, char **folded, bool whole, piece *v, size_t cap)
{
    size_t n = 0;
    for (size_t i = 0; i < ts->nparas; i++) {
        if (!folded[i])
            continue;
        for (const char *s = folded[i]; *s && n < cap;) {
            size_t len = whole ? strlen(s) : sentence_len(s);
            if (ys_utf8_len(s, len) >= REPEAT_MIN_CHARS && (whole || !has_digit(s, len)))
                v[n++] = (piece){s, len, (int)i, ts->paras[i].line};
            s += len;
        }
    }
    return n;
}

/* Report each text of the same part at its second showing (once). */
static int report_pieces(const ys_rule *r, const ys_tableset *ts, const piece *v, size_t n,
                         bool whole, bool *para_done, ys_findings *out)
{
    for (size_t j = 0; j < n; j++) {
        if (!whole && para_done[v[j].para])
            continue;
        size_t first = n, seen = 0;
        for (size_t i = 0; i < j && seen < 2; i++)
            if (ts->paras[v[i].para].part == ts->paras[v[j].para].part &&
                same_piece(&v[i], &v[j]) && seen++ == 0)
                first = i;
        if (seen != 1)
            continue;
        int rc = report_repeat(r, &v[first], &v[j], whole, out);
        if (rc)
            return rc;
        if (whole)
            para_done[v[first].para] = para_done[v[j].para] = true;
    }
    return YS_OK;
}

/* DOC.repeat: the same paragraph, else the same sentence (≥ 30 characters)
 * twice within part 1 or within part 3. */
int ys_dk_repeat(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    if (ts->nparas < 2)
        return YS_OK;
    char **folded = calloc(ts->nparas, sizeof *folded);
    bool *done = calloc(ts->nparas, sizeof *done);
    size_t cap = 4096;
    piece *v = malloc(cap * sizeof *v);
    int rc = folded && done && v ? YS_OK : YS_ENOMEM;
    for (size_t i = 0; i < ts->nparas && rc == YS_OK; i++) {
        const ys_para *p = &ts->paras[i];
        if ((p->part == 1 || p->part == 3) && p->text && !(folded[i] = ys_doc_fold(p->text)))
            rc = YS_ENOMEM;
    }
    if (rc == YS_OK) {
        size_t n = collect(ts, folded, true, v, cap);
        rc = report_pieces(r, ts, v, n, true, done, out);
    }
    if (rc == YS_OK) {
        size_t n = collect(ts, folded, false, v, cap);
        rc = report_pieces(r, ts, v, n, false, done, out);
    }
    for (size_t i = 0; folded && i < ts->nparas; i++)
        free(folded[i]);
    free(folded);
    free(done);
    free(v);
    return rc;
}

/* ---- DOC.entity ----------------------------------------------------------- */

/* The words that name the entity whose budget this is, for each entity
 * (部门 first, 单位 second).  Function names such as 行政单位医疗 and
 * table names such as 分单位 do not name it, hence phrases, not words. */
static const char *const entity_words[2][8] = {
    {"部门预算", "本部门", "部门收支", "部门收入", "部门支出", "部门财务", "部门整体", NULL},
    {"单位预算", "本单位", "单位收支", "单位收入", "单位支出", "单位财务", "单位整体", NULL},
};

/* Phrases containing an entity word that are names of something else. */
static const char *const not_entity[] = {
    "部门预算支出经济分类", "部门预算经济分类", "部门预算改革", "部门预算管理制度",
    "所属单位预算",         "下属单位预算",
    "二级单位预算",         "基层单位预算",     "各单位预算",
};

/* Offset of the first use in folded f of a phrase naming entity e (0 部门,
 * 1 单位), or -1. */
static long entity_use(const char *f, int e)
{
    long best = -1;
    for (const char *const *w = entity_words[e]; *w; w++)
        for (const char *p = f; (p = strstr(p, *w)); p += strlen(*w)) {
            bool skip = false;
            for (size_t i = 0; i < sizeof not_entity / sizeof *not_entity && !skip; i++) {
                const char *in = strstr(not_entity[i], *w);
                size_t before = in ? (size_t)(in - not_entity[i]) : 0;
                skip = in && (size_t)(p - f) >= before && ys_starts(p - before, not_entity[i]);
            }
            if (!skip) {
                if (best < 0 || p - f < best)
                    best = (long)(p - f);
                break;
            }
        }
    return best;
}

/* Tables 1–9, 5-1, 5-2 (10, 11 and the forms are titled after projects). */
static bool standard_table(const char *id)
{
    return id[0] >= '1' && id[0] <= '9' && (id[1] == 0 || id[1] == '-');
}

/* Which entity the titles of tables 1–10 speak of: 1 部门, 2 单位, 0 unclear.
 * A title says 部门收支总表 or 预算单位财务收支预算总表; 分单位 is not it. */
static int entity_of_titles(const ys_tableset *ts)
{
    int dept = 0, unit = 0;
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        if (!t->title || !standard_table(t->id))
            continue;
        char *f = ys_doc_fold(t->title);
        if (!f)
            continue;
        bool d = ys_has(f, "部门") && !ys_has(f, "部门预算经济分类") &&
                 !ys_has(f, "部门预算支出经济分类");
        bool u = ys_has(f, "单位") && !ys_has(f, "分单位") && !ys_has(f, "按单位");
        dept += d && !u;
        unit += u && !d;
        free(f);
    }
    return dept > unit ? 1 : unit > dept ? 2 : 0;
}

static int entity_text(const ys_rule *r, const char *text, int line, int e,
                       ys_findings *out)
{
    const char *right = e == 1 ? "部门" : "单位", *wrong = e == 1 ? "单位" : "部门";
    char *f = ys_doc_fold(text);
    if (!f)
        return YS_ENOMEM;
    long at = entity_use(f, e == 1 ? 1 : 0);
    int rc = YS_OK;
    if (at >= 0 && !ys_doc_reported(out, r, line)) {
        char ex[96];
        const char *s = f + (at > 18 ? at - 18 : 0);
        while (((unsigned char)*s & 0xC0) == 0x80)
            s++;
        size_t n = strlen(s) > 60 ? 60 : strlen(s);
        while (n < strlen(s) && n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
        ys_side sd = ys_side_of((ys_amount){0}, line);
        rc = ys_report_finding(out, r, ys_doc_sev(r), "", &sd, right, wrong,
                               "本文件是%s预算，此处却写“%s”：“…%s…”", right, wrong,
                               ys_scopy(ex, sizeof ex, s, n));
    }
    free(f);
    return rc;
}

/* DOC.entity: a 单位 disclosure that speaks of 部门 (or the reverse) in a
 * title, a table's statement or a paragraph of parts 1 and 3. */
int ys_dk_entity(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    int e = entity_of_titles(ts);
    if (!e)
        return YS_OK;
    int rc = YS_OK;
    for (size_t i = 0; i < ts->ntables && rc == YS_OK; i++) {
        const ys_table *t = ts->tables[i];
        if (t->title && !ys_starts(t->id, "12:"))
            rc = entity_text(r, t->title, t->first_line, e, out);
        if (rc == YS_OK && t->note)
            rc = entity_text(r, t->note, t->note_line, e, out);
    }
    for (size_t i = 0; i < ts->nparas && rc == YS_OK; i++)
        if (ts->paras[i].text && ts->paras[i].part != 4)
            rc = entity_text(r, ts->paras[i].text, ts->paras[i].line, e, out);
    return rc;
}
