/*
 * narrative_extract.c — one paragraph of prose into claims.
 *
 * The paragraph (folded, see narrative_text.c) is cut into sentences at
 * 。；;!?; narrative_figures.c finds each sentence's figures.
 * Each figure's role comes from the words just before it (the clause
 * since the last , : 、): a new subject (→ a claim whose key comes from
 * the pattern table), a change, a rate, a share or a stated prior-year
 * figure (→ fields of the latest claim).  A sentence without figures that
 * says "没有…安排" gives a NONE claim.
 * Promise: extracts only, checks nothing; every claim carries the line of
 * its figure and its sentence; returns -1 only when out of memory.
 */
#include <stdlib.h>
#include <string.h>

#include "narrative_internal.h"
#include "text.h"
#include "yusuan/amount.h"

#define SUBJ_CAP 512
#define MAX_YEARS 4

/* What one call works on. */
typedef struct nctx {
    ys_tableset *ts;
    const ys_ntext *t;
    int section;          /* topic 1…12, or YS_NSEC_FORM */
    int claim_section;    /* stored in claims */
    const char *heading, *subheading;
    const char *scope;    /* arena copy, or NULL */
    int budget_year;
    long cur;             /* index of the latest claim, -1 none */
    int added;
    signed char *ctx_hit; /* per pattern: its ctx occurs (1), not (0), unknown (-1) */
} nctx;

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Years "20XX 年" in s[from..to) into ys (up to MAX_YEARS). */
static int years_in(const char *s, size_t from, size_t to, int *ys)
{
    int n = 0;
    for (size_t p = from; p + 4 <= to && n < MAX_YEARS; p++) {
        if (!is_digit(s[p]) || (p > from && is_digit(s[p - 1])))
            continue;
        size_t q = p;
        while (q < to && is_digit(s[q]))
            q++;
        if (q - p != 4)
            continue;
        size_t r = q;
        while (r < to && s[r] == ' ')
            r++;
        if (to - r >= 3 && memcmp(s + r, "年", 3) == 0)
            ys[n++] = (int)strtol(s + p, NULL, 10);
    }
    return n;
}

static int max_year(const char *s, size_t n)
{
    int best = 0, ys[MAX_YEARS];
    for (size_t p = 0; p < n; p++)
        if (is_digit(s[p]) && years_in(s, p, p + 8 < n ? p + 8 : n, ys) == 1 &&
            ys[0] > best)
            best = ys[0];
    return best;
}

/* ---- years and claims ---------------------------------------------- */

static bool subj_matches(const char *want, const char *subj)
{
    if (!want)
        return true;
    if (want[0] == '=')
        return strcmp(want + 1, subj) == 0;
    char part[128];
    while (*want) {
        const char *amp = strchr(want, '&');
        size_t n = amp ? (size_t)(amp - want) : strlen(want);
        if (n >= sizeof part)
            n = sizeof part - 1;
        memcpy(part, want, n);
        part[n] = 0;
        if (!strstr(subj, part))
            return false;
        want += n + (amp ? 1 : 0);
    }
    return true;
}

static bool needs_code(ys_nresolve how)
{
    return how == YS_NR_FUNC_CLASS || how == YS_NR_FUNC_ANY || how == YS_NR_ECON;
}

/* Whether a pattern's context words occur in the heading or paragraph;
 * looked up once per paragraph. */
static bool ctx_occurs(nctx *c, size_t i, const char *ctx)
{
    if (c->ctx_hit[i] < 0)
        c->ctx_hit[i] = (c->heading && strstr(c->heading, ctx)) ||
                        (c->subheading && strstr(c->subheading, ctx)) || strstr(c->t->s, ctx);
    return c->ctx_hit[i] == 1;
}

/* Whether a pattern of section `want` applies in section `have`. */
static bool section_fits(int have, int want)
{
    if (have == YS_NSEC_FORM || want == YS_NSEC_FORM)
        return have == want;
    if (want == 0 || want == have)
        return true;
    return want == YS_NSEC_UNNUMBERED && have == 0;
}

/* The first pattern for this subject; *code gets its code (or NULL). */
static const ys_npattern *match(nctx *c, const char *subj, const char **code)
{
    size_t n;
    const ys_npattern *p = ys_npatterns(&n);
    *code = NULL;
    for (size_t i = 0; i < n; i++, p++) {
        if (!section_fits(c->section, p->section))
            continue;
        if (p->ctx && !ctx_occurs(c, i, p->ctx))
            continue;
        if (!subj_matches(p->subj, subj))
            continue;
        if (p->how != YS_NR_NONE && p->how != YS_NR_FORM_YEAR)
            *code = ys_nresolve_code(c->ts, p->how, subj);
        if (needs_code(p->how) && !*code)
            continue;
        return p;
    }
    return NULL;
}

static ys_claim *new_claim(nctx *c, ys_claim_kind kind, const char *sentence, int line)
{
    ys_claim *cl = ys_tableset_add_claim(c->ts);
    if (!cl)
        return NULL;
    memset(cl, 0, sizeof *cl);
    cl->kind = kind;
    cl->section = c->claim_section;
    cl->scope = c->scope;
    cl->text = sentence;
    cl->line = line;
    c->cur = (long)(cl - c->ts->claims);
    c->added++;
    return cl;
}

/* Last offset of needle in s[0..n), or -1. */
static long last_at(const char *s, size_t n, const char *needle)
{
    long at = -1;
    size_t m = strlen(needle);
    for (const char *p = s; (p = memmem(p, n - (size_t)(p - s), needle, m)); p += m)
        at = (long)(p - s);
    return at;
}

/* form.prior for a year before the budget year, or under 前两年预算 (the
 * nearer of 前两年 / 当年 before the figure decides); else form.year.
 * `before` is the sentence up to the figure. */
static const char *form_key(const nctx *c, int year, const char *before, size_t n)
{
    if (year && year < c->budget_year)
        return "form.prior";
    if (last_at(before, n, "前两年") > last_at(before, n, "当年"))
        return "form.prior";
    return "form.year";
}

/* Where a figure stands in its sentence. */
typedef struct spot {
    size_t from;          /* sentence start in t->s */
    size_t prev;          /* end of the previous figure: the lead starts here */
    const char *sentence; /* the sentence (arena copy), for messages */
    char clause[SUBJ_CAP];/* the words since the last , : 、 (its tail if long) */
} spot;

/* A subject's figure (or blank): one claim, or one per year for
 * "2024年和2025年预算均为26万元". */
static int subject_claims(nctx *c, const ys_ntoken *tk, const spot *w)
{
    char subj[SUBJ_CAP], flat[SUBJ_CAP];
    ys_nsubject_clean(w->clause, strlen(w->clause), subj, sizeof subj);
    if (ys_fold(subj, strlen(subj), flat, sizeof flat) == (size_t)-1)
        flat[0] = 0;
    ys_nsubject_unquote(flat);
    const char *code;
    const ys_npattern *p = match(c, flat, &code);
    const char *lead = c->t->s + w->prev;
    size_t nlead = tk->at - w->prev;
    int ys[MAX_YEARS];
    int ny = years_in(lead, 0, nlead, ys);
    int first = ny > 1 && memmem(lead, nlead, "均", strlen("均")) ? 0 : (ny ? ny - 1 : 0);
    const char *subject = ys_ts_str(c->ts, subj, (size_t)-1);
    if (!subject)
        return -1;
    int line = ys_ntext_line_at(c->t, tk->at);
    for (int y = first; y < (ny ? ny : 1); y++) {
        ys_claim *cl = new_claim(c, tk->kind == YS_NTK_BLANK ? YS_CLAIM_MISSING : YS_CLAIM_FIGURE,
                                 w->sentence, line);
        if (!cl)
            return -1;
        cl->year = ny ? ys[y] : 0;
        cl->key = p ? p->key : NULL;
        if (p && p->how == YS_NR_FORM_YEAR)
            cl->key = form_key(c, cl->year, c->t->s + w->from, tk->at - w->from);
        cl->subject = subject;
        cl->code = code;
        cl->amount = tk->v;
    }
    return 0;
}

/* A change, rate, share or prior figure: onto the latest claim. */
static void modify_claim(nctx *c, const ys_ntoken *tk, const char *clause)
{
    if (c->cur < 0 || tk->kind == YS_NTK_BLANK || tk->kind == YS_NTK_BLANK_PCT)
        return;
    ys_claim *cl = &c->ts->claims[c->cur];
    int sign;
    ys_amount v = tk->v;
    ys_nrole role = tk->kind == YS_NTK_PCT ? ys_nrole_pct(clause, &sign)
                                       : ys_nrole_money(clause, &sign);
    v.fen *= sign;
    if (role == YS_NROLE_CHANGE && !cl->change.present)
        cl->change = v;
    else if (role == YS_NROLE_RATE && !cl->rate.present)
        cl->rate = v;
    else if (role == YS_NROLE_SHARE && !cl->share.present)
        cl->share = v;
    else if (role == YS_NROLE_PRIOR && !cl->prior.present)
        cl->prior = v;
}

/* A new subject's figure; a restatement with no figure before it counts
 * as one too. */
static bool is_subject_figure(const nctx *c, const ys_ntoken *tk, const char *clause)
{
    int sign;
    if (tk->kind == YS_NTK_PCT || tk->kind == YS_NTK_BLANK_PCT)
        return false;
    ys_nrole role = ys_nrole_money(clause, &sign);
    return role == YS_NROLE_SUBJECT || (role == YS_NROLE_RESTATE && c->cur < 0);
}

static bool is_restatement(const nctx *c, const ys_ntoken *tk, const char *clause)
{
    int sign;
    return tk->kind == YS_NTK_MONEY && c->cur >= 0 && c->section != YS_NSEC_FORM &&
           ys_nrole_money(clause, &sign) == YS_NROLE_RESTATE;
}

/* "2023年预算安排 2.63 万元" after the figure of "…(项)": a second claim
 * of the same key, subject, code and stated prior, so that a restatement
 * that disagrees with the table is checked like the first figure. */
static int restate_claim(nctx *c, const ys_ntoken *tk, const spot *w)
{
    long figure = c->cur;
    ys_claim *cl = new_claim(c, YS_CLAIM_FIGURE, w->sentence, ys_ntext_line_at(c->t, tk->at));
    if (!cl)
        return -1;
    const ys_claim *of = &c->ts->claims[figure];    /* after the add: it may have moved */
    cl->key = of->key;
    cl->subject = of->subject;
    cl->code = of->code;
    cl->prior = of->prior;
    int ys[MAX_YEARS];
    cl->year = years_in(w->clause, 0, strlen(w->clause), ys) ? ys[0] : of->year;
    cl->amount = tk->v;
    return 0;
}

/* "比 2025 年减少万元": the change of the latest claim is missing — a
 * MISSING claim with that claim's key and subject. */
static int missing_change(nctx *c, const ys_ntoken *tk, const spot *w)
{
    long figure = c->cur;
    if (figure < 0)
        return 0;
    ys_claim *cl = new_claim(c, YS_CLAIM_MISSING, w->sentence, ys_ntext_line_at(c->t, tk->at));
    if (!cl)
        return -1;
    const ys_claim *of = &c->ts->claims[figure];    /* after the add: it may have moved */
    cl->key = of->key;
    cl->subject = of->subject;
    cl->code = of->code;
    cl->year = of->year;
    c->cur = figure;        /* a rate after the gap still belongs to the figure */
    return 0;
}

/* The clause before tk into w->clause: its tail when too long (the words
 * next to the figure decide), cut at a character boundary. */
static void take_clause(const char *s, const ys_ntoken *tk, spot *w)
{
    size_t cs = ys_nclause_start(s, w->prev, tk->at), n = tk->at - cs;
    if (n > sizeof w->clause - 1) {
        cs = tk->at - (sizeof w->clause - 1);
        while (cs < tk->at && ((unsigned char)s[cs] & 0xC0) == 0x80)
            cs++;
        n = tk->at - cs;
    }
    memcpy(w->clause, s + cs, n);
    w->clause[n] = 0;
}

/* "没有…安排" in a sentence without figures: a NONE claim. */
static int none_claim(nctx *c, const spot *w, size_t to)
{
    size_t at;
    const char *key = c->section != YS_NSEC_FORM ? ys_nnone_key(w->sentence, &at) : NULL;
    if (!key)
        return 0;
    ys_claim *cl = new_claim(c, YS_CLAIM_NONE, w->sentence, ys_ntext_line_at(c->t, w->from + at));
    if (!cl)
        return -1;
    cl->key = key;
    int ys[MAX_YEARS];
    cl->year = years_in(c->t->s, w->from, to, ys) ? ys[0] : 0;
    c->cur = -1;
    return 0;
}

/* Claims of the sentence s[from..to). */
static int sentence_claims(nctx *c, size_t from, size_t to)
{
    const char *s = c->t->s;
    while (from < to && s[from] == ' ')
        from++;
    if (from >= to)
        return 0;
    spot w = {from, from, ys_ts_str(c->ts, s + from, to - from), ""};
    if (!w.sentence)
        return -1;
    ys_ntoken tk;
    bool money = false;
    for (size_t i = from; ys_nnext_figure(s, from, i, to, &tk); i = tk.end) {
        take_clause(s, &tk, &w);
        money |= tk.kind == YS_NTK_MONEY || tk.kind == YS_NTK_BLANK;
        int rc = 0;
        if (tk.kind == YS_NTK_MONEY && ys_nthreshold(s + tk.end, w.clause))
            ;   /* "单价100万元以上": a bound, no claim */
        else if (is_subject_figure(c, &tk, w.clause))
            rc = subject_claims(c, &tk, &w);
        else if (is_restatement(c, &tk, w.clause))
            rc = restate_claim(c, &tk, &w);
        else if (tk.kind == YS_NTK_BLANK || tk.kind == YS_NTK_BLANK_PCT)
            rc = missing_change(c, &tk, &w);
        else
            modify_claim(c, &tk, w.clause);
        if (rc != 0)
            return -1;
        w.prev = tk.end;
    }
    return money ? 0 : none_claim(c, &w, to);
}

static size_t sentence_end(const char *s, size_t i, size_t n)
{
    static const char *const enders[] = {"。", ";", "!", "?"};
    for (; i < n; i++) {
        unsigned char b = (unsigned char)s[i];
        if (b != 0xE3 && b != ';' && b != '!' && b != '?')
            continue;   /* the first bytes of the enders */
        for (size_t k = 0; k < sizeof enders / sizeof *enders; k++) {
            size_t m = strlen(enders[k]);
            if (n - i >= m && memcmp(s + i, enders[k], m) == 0)
                return i + m;
        }
    }
    return n;
}

int ys_nclaims_paragraph(ys_tableset *ts, const ys_ntext *t, const ys_nplace *at,
                         const char *scope)
{
    if (!t->s || !t->n)
        return 0;
    nctx c = {ts, t, scope ? YS_NSEC_FORM : at->topic, scope ? 0 : at->section,
              at->heading, at->subheading, NULL, 0, -1, 0, NULL};
    if (scope && !(c.scope = ys_ts_str(ts, scope, (size_t)-1)))
        return -1;
    size_t np;
    ys_npatterns(&np);
    c.ctx_hit = malloc(np);
    if (!c.ctx_hit)
        return -1;
    memset(c.ctx_hit, -1, np);
    c.budget_year = ts->year ? ts->year : max_year(t->s, t->n);
    int rc = 0;
    for (size_t i = 0; i < t->n && rc == 0;) {
        size_t e = sentence_end(t->s, i, t->n);
        rc = sentence_claims(&c, i, e);
        i = e;
    }
    free(c.ctx_hit);
    return rc == 0 ? c.added : -1;
}
