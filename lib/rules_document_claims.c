/*
 * rules_document_claims.c — DOC.* kinds that read the sentences of the
 * narrative and of the project forms: a change given without its reason
 * (DOC.reason), a rate or figure that runs against the stated direction
 * (DOC.direction), and one item given two amounts in one section
 * (DOC.dup_amount).
 * Promise: text and claims only; a set without prose gets no finding; each
 * finding names the line of the sentence (or of the paragraph it opens).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rules_document.h"
#include "text.h"

/* Words that introduce a reason, longest first so that 主要原因是 is taken
 * whole and not as 原因是.  Each opens with 主要 or 原因 (reason_at relies
 * on it). */
static const char *const reason_words[] = {
    "主要原因是", "主要原因为", "主要原因:", "主要原因", "原因是", "原因为",
    "原因:",      "主要是由于", "主要由于",   "主要因为", "主要是",
};

/* Length of the reason word at s, or 0.  Every reason word opens with 主要
 * or 原因, so most positions are settled by their first bytes. */
static inline size_t reason_at(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    /* 主 is E4 B8 BB, 原 E5 8E 9F: three bytes settle most positions */
    bool zhu = u[0] == 0xE4 && u[1] == 0xB8 && u[2] == 0xBB;
    bool yuan = u[0] == 0xE5 && u[1] == 0x8E && u[2] == 0x9F;
    if (!zhu && !yuan)
        return 0;
    if (strncmp(s, "主要", 6) != 0 && strncmp(s, "原因", 6) != 0)
        return 0;
    for (size_t i = 0; i < sizeof reason_words / sizeof *reason_words; i++) {
        size_t n = strlen(reason_words[i]);
        if (strncmp(s, reason_words[i], n) == 0)
            return n;
    }
    return 0;
}

/* Punctuation that ends a clause (folded text). */
static size_t clause_end(const char *s)
{
    static const char *const ends[] = {"。", ",", ";", ".", "、", ")", "!", "?", "!", "?"};
    if (!*s)
        return 1;
    for (size_t i = 0; i < sizeof ends / sizeof *ends; i++)
        if (ys_starts(s, ends[i]))
            return strlen(ends[i]);
    return 0;
}

/* Where folded text f says a reason word followed by nothing: the offset of
 * the word, or -1.  *has_reason says whether any reason word is there. */
static long empty_reason(const char *f, bool *has_reason)
{
    *has_reason = false;
    for (const char *p = f; *p;) {
        size_t n = reason_at(p);
        if (!n) {
            p++;
            continue;
        }
        *has_reason = true;
        const char *q = p + n;
        for (size_t m; (m = reason_at(q));)   /* 主要是主要是… */
            q += m;
        bool colon = false;
        for (; *q == ':'; q++)
            colon = true;
        /* "主要原因是：" ending the paragraph: the reasons follow as a list */
        if (clause_end(q) && !(colon && !*q))
            return (long)(p - f);
        p = q;
    }
    return -1;
}

/* About 40 characters of f around offset at, cut on character
 * boundaries, for a message. */
static const char *excerpt(const char *f, long at, char *buf, size_t cap)
{
    const char *s = f + (at > 24 ? at - 24 : 0);
    while (((unsigned char)*s & 0xC0) == 0x80)
        s++;
    size_t n = strlen(s);
    if (n > 120) {
        n = 120;
        while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
            n--;
    }
    return ys_scopy(buf, cap, s, n);
}

static int check_empty_reason(const ys_rule *r, const char *text, int line,
                              const char *table, ys_findings *out, bool *has_reason)
{
    char *f = ys_doc_fold(text);
    if (!f)
        return YS_ENOMEM;
    long at = empty_reason(f, has_reason);
    int rc = YS_OK;
    if (at >= 0 && !ys_doc_reported(out, r, line)) {
        char ex[160];
        ys_side s = ys_side_of((ys_amount){0}, line);
        rc = ys_report_finding(out, r, YS_SEV_ERROR, table, &s, "", "",
                               "说明变动原因的句子没有写出原因：“…%s”",
                               excerpt(f, at, ex, sizeof ex));
    }
    free(f);
    return rc;
}

/* The part-3 paragraph a claim of the narrative was read from, or NULL. */
static const ys_para *para_of(const ys_tableset *ts, const ys_claim *c)
{
    const ys_para *best = NULL;
    for (size_t i = 0; i < ts->nparas; i++) {
        const ys_para *p = &ts->paras[i];
        if (p->part == 3 && p->line <= c->line && (!best || p->line >= best->line))
            best = p;
    }
    return best;
}

static bool is_change(const ys_claim *c)
{
    return c->kind == YS_CLAIM_FIGURE &&
           ((c->change.present && c->change.fen != 0) || (c->rate.present && c->rate.fen != 0));
}

/* Words after the last figure of a sentence (folded f): the reason when no
 * reason word introduces it ("增长0.56%人员异动,经费增加"). */
static bool words_after_figures(const char *f)
{
    static const char *const units[] = {"个百分点", "万元", "万", "元", "%", "。", ",", ";", "."};
    const char *last = NULL;
    for (const char *p = f; *p; p++)
        if (*p >= '0' && *p <= '9')
            last = p;
    if (!last)
        return false;
    const char *q = last + 1;
    for (bool more = true; more;) {
        more = false;
        for (size_t i = 0; i < sizeof units / sizeof *units; i++)
            if (ys_starts(q, units[i])) {
                q += strlen(units[i]);
                more = true;
            }
    }
    return ys_utf8_len(q, strlen(q)) >= 2;
}

/* The paragraph after p in the same part, section and heading, or NULL. */
static const ys_para *next_para(const ys_tableset *ts, const ys_para *p)
{
    const ys_para *best = NULL;
    for (size_t i = 0; i < ts->nparas; i++) {
        const ys_para *q = &ts->paras[i];
        if (q->part != p->part || q->section != p->section || q->line <= p->line ||
            (q->heading == NULL) != (p->heading == NULL) ||
            (q->heading && strcmp(q->heading, p->heading) != 0))
            continue;
        if (!best || q->line < best->line)
            best = q;
    }
    return best;
}

/* Whether a narrative claim read from paragraph p states a change. */
static bool para_has_change(const ys_tableset *ts, const ys_para *p)
{
    for (size_t i = 0; i < ts->nclaims; i++)
        if (!ts->claims[i].scope && is_change(&ts->claims[i]) && para_of(ts, &ts->claims[i]) == p)
            return true;
    return false;
}

/* A paragraph that gives a reason before any amount ("财政拨款收入支出增加
 * 的主要原因是…"): the reason of the changes stated just before it. */
static int reason_para(const ys_para *p, bool *yes)
{
    char *f = ys_doc_fold(p->text ? p->text : "");
    if (!f)
        return YS_ENOMEM;
    *yes = false;
    for (const char *c = f; *c && !*yes; c++) {
        if (ys_starts(c, "万元") || ys_starts(c, "%"))
            break;
        *yes = reason_at(c) != 0;
    }
    free(f);
    return YS_OK;
}

/* An item of a breakdown ("（一）…", "1. …") and whether it gives a reason
 * anywhere; *item = false ends the list. */
static int reason_item(const ys_para *p, bool *item, bool *yes)
{
    char *f = ys_doc_fold(p->text ? p->text : "");
    if (!f)
        return YS_ENOMEM;
    *item = ys_strip_numbering(f) != f;
    if (*item)
        empty_reason(f, yes);
    free(f);
    return YS_OK;
}

/* Whether folded paragraph text ends by announcing a breakdown ("…增加25万
 * 元。其中："): the items that follow, each with its change, carry the
 * reasons. */
static bool ends_with_breakdown(const char *pf)
{
    static const char tail[] = "其中:";
    size_t n = strlen(pf), k = sizeof tail - 1;
    while (n && (pf[n - 1] == ' ' || pf[n - 1] == '\n'))
        n--;
    return n >= k && memcmp(pf + n - k, tail, k) == 0;
}

/* The reason of a change may come in the paragraph after it, or after a
 * run of paragraphs that state changes too (收入…增加; 支出…增加; 增加的主要
 * 原因是…), within the same section; or, for a change broken down into
 * items, in any of the numbered items that follow. */
static int reason_follows(const ys_tableset *ts, const ys_para *p, bool breakdown, bool *has)
{
    const ys_para *q = p ? next_para(ts, p) : NULL;
    for (int steps = 0; q && steps < (breakdown ? 16 : 3) && !*has; steps++) {
        bool more = true;
        int rc = breakdown ? reason_item(q, &more, has) : reason_para(q, has);
        if (rc)
            return rc;
        if (!more || (!breakdown && !para_has_change(ts, q)))
            break;
        q = next_para(ts, q);
    }
    return YS_OK;
}

/* A change of the narrative with no reason in its sentence (a reason word,
 * or words after its figures), nor a reason word in its paragraph, nor a
 * reason paragraph following it in its section. */
static int check_no_reason(const ys_rule *r, const ys_tableset *ts, const ys_claim *c,
                           ys_findings *out)
{
    const ys_para *p = para_of(ts, c);
    bool has = false;
    char *f = ys_doc_fold(c->text ? c->text : "");
    char *pf = p ? ys_doc_fold(p->text) : NULL;
    if (!f || (p && !pf)) {
        free(f);
        free(pf);
        return YS_ENOMEM;
    }
    empty_reason(f, &has);
    has = has || words_after_figures(f);
    if (!has && pf) {
        const char *at = f[0] ? strstr(pf, f) : NULL;
        empty_reason(at ? at : pf, &has);
    }
    int rc = has ? YS_OK : reason_follows(ts, p, pf && ends_with_breakdown(pf), &has);
    if (rc == YS_OK && !has && !ys_doc_reported(out, r, c->line)) {
        char ex[160];
        ys_side s = ys_side_of((ys_amount){0}, c->line);
        rc = ys_report_finding(out, r, YS_SEV_WARNING, "", &s, "", "",
                               "“%s”有增减变动，未说明原因：“%s”",
                               c->subject ? c->subject : "", excerpt(f, 0, ex, sizeof ex));
    }
    free(f);
    free(pf);
    return rc;
}

/*
 * DOC.reason: a reason word with nothing after it ("主要原因是。") is an
 * error; a change of the narrative whose sentence and paragraph give no
 * reason a warning.
 * Paragraphs are read when the set has them; claims (whose text is their
 * sentence) otherwise, and always for the project forms.
 */
int ys_dk_reason(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    bool has;
    int rc = YS_OK;
    for (size_t i = 0; i < ts->nparas && rc == YS_OK; i++)
        if (ts->paras[i].text && ts->paras[i].part != 4)
            rc = check_empty_reason(r, ts->paras[i].text, ts->paras[i].line, "", out, &has);
    for (size_t i = 0; i < ts->nclaims && rc == YS_OK; i++) {
        const ys_claim *c = &ts->claims[i];
        if (!c->text || (!c->scope && ts->nparas))
            continue;
        rc = check_empty_reason(r, c->text, c->line, c->scope ? c->scope : "", out, &has);
    }
    /* a form's 变动情况及理由 cell is one text: its reason may follow in a
     * sentence the claim does not hold, so only the narrative is asked */
    for (size_t i = 0; i < ts->nclaims && rc == YS_OK; i++)
        if (is_change(&ts->claims[i]) && !ts->claims[i].scope)
            rc = check_no_reason(r, ts, &ts->claims[i], out);
    return rc;
}

static int sign(int64_t v) { return (v > 0) - (v < 0); }

static const char *dir_word(int s) { return s > 0 ? "增加" : "减少"; }

/*
 * DOC.direction: the change says 增加 and the rate 下降 (or the reverse),
 * or a stated last-year figure makes the change go the other way.
 */
int ys_dk_direction(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        if (c->kind != YS_CLAIM_FIGURE || !c->change.present || c->change.fen == 0)
            continue;
        int ch = sign(c->change.fen);
        int rate = c->rate.present ? sign(c->rate.fen) : 0;
        int fig = c->prior.present && c->amount.present ? sign(c->amount.fen - c->prior.fen) : 0;
        char a[48], b[48], pct[32];
        ys_side s = ys_side_of(c->change, c->line);
        const char *subj = c->subject ? c->subject : "";
        int rc = YS_OK;
        if (rate && rate != ch)
            rc = ys_report_finding(out, r, ys_doc_sev(r), c->scope ? c->scope : "", &s,
                                   dir_word(ch), rate > 0 ? "增长" : "下降",
                                   "“%s”%s %s 万元，变动率却为%s %s%%，方向相反", subj,
                                   dir_word(ch), ys_wan(ch * c->change.fen, a, sizeof a),
                                   rate > 0 ? "增长" : "下降",
                                   ys_pct((ys_amount){rate * c->rate.fen, c->rate.ulp, true},
                                          pct, sizeof pct));
        else if (fig && fig != ch)
            rc = ys_report_finding(out, r, ys_doc_sev(r), c->scope ? c->scope : "", &s,
                                   dir_word(fig), dir_word(ch),
                                   "“%s”本年 %s 万元、上年 %s 万元，应为%s，文中却说%s", subj,
                                   ys_wan(c->amount.fen, a, sizeof a),
                                   ys_wan(c->prior.fen, b, sizeof b), dir_word(fig), dir_word(ch));
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* Same item: key, scope, section, year and code (or subject). */
static bool same_item(const ys_claim *a, const ys_claim *b)
{
    if (!a->key || !b->key || strcmp(a->key, b->key) != 0 || a->section != b->section ||
        a->year != b->year)
        return false;
    if ((a->scope == NULL) != (b->scope == NULL) || (a->scope && strcmp(a->scope, b->scope)))
        return false;
    bool ca = a->code && a->code[0], cb = b->code && b->code[0];
    if (ca || cb)
        return ca && cb && strcmp(a->code, b->code) == 0;
    return a->subject && b->subject && strcmp(a->subject, b->subject) == 0;
}

/* DOC.dup_amount: one item, two amounts beyond rounding, in one section. */
int ys_dk_dup_amount(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *a = &ts->claims[i];
        if (a->kind != YS_CLAIM_FIGURE || !a->amount.present)
            continue;
        for (size_t j = i + 1; j < ts->nclaims; j++) {
            const ys_claim *b = &ts->claims[j];
            if (b->kind != YS_CLAIM_FIGURE || !b->amount.present || !same_item(a, b))
                continue;
            ys_side sa = ys_side_of(a->amount, a->line), sb = ys_side_of(b->amount, b->line);
            if (ys_judge(&sa, &sb) != YS_SEV_ERROR)
                continue;
            ys_side both = sa;
            ys_side_add(&both, b->amount, b->line);
            char x[48], y[48];
            int rc = ys_report_finding(
                out, r, ys_doc_sev(r), a->scope ? a->scope : "", &both, ys_wan(a->amount.fen, x, sizeof x),
                ys_wan(b->amount.fen, y, sizeof y),
                "同一段落中“%s”有两个不同的金额：%s 万元（第%d行）与 %s 万元（第%d行）",
                a->subject && a->subject[0] ? a->subject : a->key, x, a->line, y, b->line);
            if (rc)
                return rc;
            break;   /* one finding per first statement */
        }
    }
    return YS_OK;
}
