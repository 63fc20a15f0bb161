/*
 * narrative_subject.c — what a narrative figure is of: the subject cleaned
 * of numbering and connectives, and the code it names.
 * Promise: codes are resolved from the tables already in the set (5-1, 3,
 * 8, 9, 1, 4 for function codes; 6 for economic; 10 for projects) and then
 * from the compiled code list; names are compared folded (full-width and
 * half-width brackets alike, no blanks).  Nothing here knows any figure.
 */
#include <string.h>

#include "narrative_internal.h"
#include "text.h"
#include "yusuan/codes.h"

#define NAME_CAP 512

/* ---- cleaning -------------------------------------------------------- */

static const char *const lead_words[] = {"其中", "包括", "此外", "另外", "另", "含"};
static const char *const tail_words[] = {"为", "是", "约", "达", "共", "均", "都", "科目"};
/* Between two years of one figure: "2024年和2025年预算均为 26 万元". */
static const char *const year_joiners[] = {"和", "及", "与", "、", "至", "-"};
static const char *const cn_digits[] = {"一", "二", "三", "四", "五", "六",
                                        "七", "八", "九", "十"};

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Length of a Chinese numeral (一 … 十九) at s, 0 if none. */
static size_t cn_numeral(const char *s)
{
    size_t i = 0;
    for (bool more = true; more;) {
        more = false;
        for (size_t k = 0; k < sizeof cn_digits / sizeof *cn_digits; k++)
            if (ys_starts(s + i, cn_digits[k])) {
                i += strlen(cn_digits[k]);
                more = true;
                break;
            }
    }
    return i;
}

static size_t skip_blanks(const char *s, size_t i, size_t n)
{
    while (i < n && s[i] == ' ')
        i++;
    return i;
}

/* Length of list numbering at s: "1.", "1、", "1)", "(1)", "一、", "(一)". */
static size_t numbering(const char *s, size_t n)
{
    size_t i = 0;
    bool paren = s[0] == '(';
    if (paren)
        i++;
    size_t d = i;
    while (i < n && is_digit(s[i]))
        i++;
    if (i == d)
        i += cn_numeral(s + i);
    if (i == d || i >= n)
        return 0;
    if (paren)
        return s[i] == ')' ? i + 1 + (ys_starts(s + i + 1, "、") ? strlen("、") : 0) : 0;
    if (s[i] == '.' && !(i + 1 < n && is_digit(s[i + 1])))
        return i + 1;
    if (s[i] == ')')
        return i + 1;
    if (ys_starts(s + i, "、"))
        return i + strlen("、");
    return 0;
}

/* Length of a leading year "2026年" / "2026年度" at s, 0 if none. */
static size_t year_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && is_digit(s[i]))
        i++;
    if (i != 4)
        return 0;
    i = skip_blanks(s, i, n);
    if (!ys_starts(s + i, "年"))
        return 0;
    i += strlen("年");
    if (ys_starts(s + i, "度"))
        i += strlen("度");
    return i;
}

/* "2024年和2025年…": the years and their joiners as one prefix. */
static size_t year_list(const char *s, size_t n)
{
    size_t i = year_prefix(s, n);
    if (!i)
        return 0;
    for (;;) {
        size_t j = skip_blanks(s, i, n), k = 0;
        for (size_t w = 0; w < sizeof year_joiners / sizeof *year_joiners && !k; w++)
            if (ys_starts(s + j, year_joiners[w]))
                k = strlen(year_joiners[w]);
        size_t y = k ? year_prefix(s + j + k, n - j - k) : 0;
        if (!y)
            return i;
        i = j + k + y;
    }
}

static size_t lead_word(const char *s)
{
    for (size_t k = 0; k < sizeof lead_words / sizeof *lead_words; k++)
        if (ys_starts(s, lead_words[k]))
            return strlen(lead_words[k]);
    return 0;
}

/* Quotation marks around a subject (“行政运行（项）”) are not part of it. */
static const char *const quotes[] = {"“", "”", "‘", "’", "\"", "'", "「", "」"};

static size_t quote_at(const char *s, size_t n)
{
    unsigned char b = n ? (unsigned char)s[0] : 0;
    if (b != 0xE2 && b != 0xE3 && b != '"' && b != '\'')
        return 0;   /* not the first byte of any quote: most of the text */
    for (size_t k = 0; k < sizeof quotes / sizeof *quotes; k++) {
        size_t m = strlen(quotes[k]);
        if (n >= m && memcmp(s, quotes[k], m) == 0)
            return m;
    }
    return 0;
}

static size_t quote_before(const char *s, size_t n)
{
    for (size_t k = 0; k < sizeof quotes / sizeof *quotes; k++) {
        size_t m = strlen(quotes[k]);
        if (n >= m && memcmp(s + n - m, quotes[k], m) == 0)
            return m;
    }
    return 0;
}

void ys_nsubject_unquote(char *s)
{
    size_t o = 0, n = strlen(s);
    for (size_t i = 0; i < n;) {
        size_t q = quote_at(s + i, n - i);
        if (q) {
            i += q;
            continue;
        }
        s[o++] = s[i++];
    }
    s[o] = 0;
}

void ys_nsubject_clean(const char *clause, size_t n, char *out, size_t cap)
{
    size_t i = 0;
    for (size_t k = 1; k;) {
        i = skip_blanks(clause, i, n);
        k = quote_at(clause + i, n - i);
        if (!k)
            k = numbering(clause + i, n - i);
        if (!k)
            k = year_list(clause + i, n - i);
        if (!k && i < n)
            k = lead_word(clause + i);
        i += k;
    }
    size_t e = n;
    for (bool again = true; again;) {
        again = false;
        while (e > i && clause[e - 1] == ' ')
            e--;
        size_t q = quote_before(clause + i, e - i);
        if (q) {
            e -= q;
            again = true;
        }
        for (size_t k = 0; k < sizeof tail_words / sizeof *tail_words; k++) {
            size_t m = strlen(tail_words[k]);
            if (e >= i + m && memcmp(clause + e - m, tail_words[k], m) == 0) {
                e -= m;
                again = true;
            }
        }
    }
    size_t m = e - i < cap - 1 ? e - i : cap - 1;
    memcpy(out, clause + i, m);
    out[m] = 0;
}

/* ---- code resolution ------------------------------------------------- */

/* Folded row name without a leading code ("2010301 行政运行" → "行政运行"). */
static void row_name(const ys_row *r, char *out, size_t cap)
{
    const char *s = r->name ? r->name : "";
    while (is_digit(*s) || *s == ' ')
        s++;
    if (ys_fold(s, strlen(s), out, cap) == (size_t)-1)
        out[0] = 0;
}

static bool code_fits(const char *code, ys_codekind kind, int level, const char *prefix)
{
    if (!code || !*code)
        return false;
    if (level && ys_code_level(kind, code) != level)
        return false;
    return !prefix || strncmp(code, prefix, strlen(prefix)) == 0;
}

static const char *const func_tables[] = {"5-1", "3", "8", "9", "1", "4"};

static const char *find_in_tables(const ys_tableset *ts, const char *const *ids, size_t nids,
                                  ys_codekind kind, const char *name, int level,
                                  const char *prefix)
{
    char buf[NAME_CAP];
    for (size_t t = 0; t < nids; t++) {
        const ys_table *tab = ys_tableset_find(ts, ids[t]);
        for (size_t r = 0; tab && r < tab->nrows; r++) {
            const ys_row *row = &tab->rows[r];
            if (!code_fits(row->code, kind, level, prefix))
                continue;
            row_name(row, buf, sizeof buf);
            if (strcmp(buf, name) == 0)
                return row->code;
        }
    }
    return NULL;
}

static const char *find_in_codes(ys_codekind kind, const char *name, int level,
                                 const char *prefix)
{
    char buf[NAME_CAP];
    for (int i = 0; i < ys_code_count(); i++) {
        const ys_code *c = ys_code_at(i);
        if (c->kind != kind || !code_fits(c->code, kind, level, prefix))
            continue;
        if (ys_fold(c->name, strlen(c->name), buf, sizeof buf) != (size_t)-1 &&
            strcmp(buf, name) == 0)
            return c->code;
    }
    return NULL;
}

static const char *find_code(const ys_tableset *ts, ys_codekind kind, const char *name,
                             int level, const char *prefix)
{
    if (!*name)
        return NULL;
    static const char *const econ_tables[] = {"6"};
    const char *c = kind == YS_CODE_FUNCTION
                        ? find_in_tables(ts, func_tables,
                                         sizeof func_tables / sizeof *func_tables, kind,
                                         name, level, prefix)
                        : find_in_tables(ts, econ_tables, 1, kind, name, level, prefix);
    return c ? c : find_in_codes(kind, name, level, prefix);
}

/* A code written before the name ("2010301行政运行"): its digits, or 0. */
static size_t written_code(const char *s, ys_codekind kind, char *out, size_t cap)
{
    size_t i = 0;
    while (is_digit(s[i]) && i + 1 < cap)
        i++;
    memcpy(out, s, i);
    out[i] = 0;
    return ys_code_level(kind, out) ? i : 0;
}

/* The name before `marker` starting at *pos, copied to out; advances *pos. */
static bool chain_part(const char *s, size_t *pos, const char *marker, char *out,
                       size_t cap)
{
    const char *m = strstr(s + *pos, marker);
    if (!m)
        return false;
    size_t n = (size_t)(m - (s + *pos));
    if (n >= cap)
        n = cap - 1;
    memcpy(out, s + *pos, n);
    out[n] = 0;
    *pos = (size_t)(m - s) + strlen(marker);
    return true;
}

/* "一般公共服务支出(类)政府办公厅(室)及相关机构事务(款)行政运行(项)":
 * the deepest level named, resolved under the levels above it. */
static const char *func_chain(const ys_tableset *ts, const char *s)
{
    static const char *const markers[] = {"(类)", "(款)", "(项)"};
    char name[NAME_CAP], cls[4] = "";
    const char *parent = NULL, *code = NULL;
    size_t pos = 0;
    for (int level = 1; level <= 3; level++) {
        if (!chain_part(s, &pos, markers[level - 1], name, sizeof name))
            continue;
        code = find_code(ts, YS_CODE_FUNCTION, name, level, parent);
        if (!code && cls[0])        /* the level above misnamed: under the 类 */
            code = find_code(ts, YS_CODE_FUNCTION, name, level, cls);
        if (!code)
            continue;
        parent = code;
        if (!cls[0] && strlen(code) >= 3)
            memcpy(cls, code, 3);
    }
    return code;
}

static const char *any_level(const ys_tableset *ts, ys_codekind kind, const char *s)
{
    for (int level = 1; level <= 3; level++) {
        const char *c = find_code(ts, kind, s, level, NULL);
        if (c)
            return c;
    }
    return NULL;
}

static const char *project_code(const ys_tableset *ts, const char *s)
{
    const ys_table *t = ys_tableset_find(ts, "10");
    char buf[NAME_CAP];
    for (size_t r = 0; t && r < t->nrows; r++) {
        const ys_row *row = &t->rows[r];
        if (row->kind != YS_ROW_ITEM)
            continue;
        if (ys_fold(row->name, strlen(row->name), buf, sizeof buf) != (size_t)-1 &&
            strcmp(buf, s) == 0)
            return row->code && *row->code ? row->code : NULL;
    }
    return NULL;
}

/* Variant spellings written in narratives for the code list's words. */
static const char *const variants[][2] = {
    {"其它", "其他"},
};

/* subject with each variant spelling replaced, into out. */
static void standard_spelling(const char *subject, char *out, size_t cap)
{
    size_t o = 0;
    for (const char *p = subject; *p && o + 1 < cap;) {
        size_t k = 0;
        for (size_t v = 0; v < sizeof variants / sizeof *variants && !k; v++)
            if (ys_starts(p, variants[v][0]) && o + strlen(variants[v][1]) < cap) {
                memcpy(out + o, variants[v][1], strlen(variants[v][1]));
                o += strlen(variants[v][1]);
                k = strlen(variants[v][0]);
            }
        if (!k)
            out[o++] = *p++;
        p += k;
    }
    out[o] = 0;
}

const char *ys_nresolve_code(ys_tableset *ts, ys_nresolve how, const char *written)
{
    char subject[NAME_CAP];
    standard_spelling(written, subject, sizeof subject);
    char code[16];
    ys_codekind kind = how == YS_NR_ECON ? YS_CODE_ECON : YS_CODE_FUNCTION;
    size_t k = (how == YS_NR_FUNC_CHAIN || how == YS_NR_FUNC_CLASS ||
                how == YS_NR_FUNC_ANY || how == YS_NR_ECON)
                   ? written_code(subject, kind, code, sizeof code)
                   : 0;
    if (k)
        return ys_ts_str(ts, code, k);
    bool marked = strstr(subject, "(类)") || strstr(subject, "(款)") || strstr(subject, "(项)");
    if (marked && (how == YS_NR_FUNC_CLASS || how == YS_NR_FUNC_ANY))
        how = YS_NR_FUNC_CHAIN;     /* "一般公共服务支出(类) 2561.1 万元" */
    switch (how) {
    case YS_NR_FUNC_CHAIN: return func_chain(ts, subject);
    case YS_NR_FUNC_CLASS: return find_code(ts, YS_CODE_FUNCTION, subject, 1, NULL);
    case YS_NR_FUNC_ANY: return any_level(ts, YS_CODE_FUNCTION, subject);
    case YS_NR_ECON: return any_level(ts, YS_CODE_ECON, subject);
    case YS_NR_PROJECT: return project_code(ts, subject);
    default: return NULL;
    }
}
