/*
 * profile_builtin.c — owns the compiled-in profiles (data/profiles/NAME.profile,
 * parsed at build time by scripts/gen-profiles.c into constant objects that
 * are used in place) and picks the one that fits a document.
 * Promise: nothing is parsed, folded or allocated at run time; the profiles
 * live for the process and are never freed.
 */
#include <string.h>

#include "profile.h"
#include "text.h"

/* Generated (build/gen/profiles_data.c): NULL-terminated, in file order. */
extern const ys_profile *const ys_profiles_compiled[];

#define MAX_BUILTIN 8
#define builtin ys_profiles_compiled

/* How many there are (MAX_BUILTIN at most are looked at). */
static int count_builtin(void)
{
    int n = 0;
    while (n < MAX_BUILTIN && builtin[n])
        n++;
    return n;
}

const ys_profile *ys_profile_builtin(const char *name)
{
    for (int i = 0, n = count_builtin(); i < n; i++)
        if (name && strcmp(builtin[i]->name, name) == 0)
            return builtin[i];
    return NULL;
}

/* Past a leading "20XX年" (a Shanghai title: "2025年部门收入预算总表"). */
static const char *skip_year(const char *s)
{
    for (int i = 0; i < 4; i++)
        if (s[i] < '0' || s[i] > '9')
            return s;
    return strncmp(s + 4, "年", strlen("年")) == 0 ? s + 4 + strlen("年") : s;
}

/* Whether folded text t (tn bytes) is one of p's titles whole: what
 * ys_profile_match_title calls exact, by length first. */
static bool is_title(const ys_profile *p, const char *t, size_t tn)
{
    for (int i = 0; i < p->ntables; i++)
        for (int k = 0; k < p->tables[i].ntitles; k++)
            if (p->tables[i].title_len[k] == tn && tn &&
                memcmp(p->tables[i].titles[k], t, tn) == 0)
                return true;
    return false;
}

/* Whether s[0..n) holds 表 (E8 A1 A8): its last byte, the rarest of the
 * three in Chinese text, looked for with memchr (strstr sets up a general
 * search for each of the document's cells). */
static bool has_biao(const char *s, size_t n)
{
    for (const char *q = s; (q = memchr(q, 0xA8, n - (size_t)(q - s))) != NULL; q++)
        if (q - s >= 2 && (unsigned char)q[-2] == 0xE8 && (unsigned char)q[-1] == 0xA1)
            return true;
    return false;
}

/* hits[i]: how many short cells of doc are exact titles in builtin[i].
 * One pass over the document, each candidate cell folded once for every
 * profile (not once per profile). */
static void title_hits(const ys_doc *doc, int hits[MAX_BUILTIN])
{
    char buf[512];
    int nbuiltin = count_builtin();
    for (int i = 0; i < nbuiltin; i++)
        hits[i] = 0;
    for (size_t li = 0; li < doc->nlines; li++) {
        const ys_line *l = &doc->lines[li];
        for (int c = 0; c < l->ncells; c++) {
            size_t n = strlen(l->cells[c]);
            /* every title names a 表: skip the rest without folding */
            if (n == 0 || n > 160 || !has_biao(l->cells[c], n))
                continue;
            /* as the recogniser folds its cells (recognize_text.c) */
            if (ys_fold_fast(l->cells[c], n, buf, sizeof buf) == (size_t)-1 &&
                ys_fold(l->cells[c], n, buf, sizeof buf) == (size_t)-1)
                continue;
            const char *t = skip_year(buf);
            size_t tn = strlen(t);
            for (int i = 0; i < nbuiltin; i++)
                hits[i] += is_title(builtin[i], t, tn);
        }
    }
}

const ys_profile *ys_profile_detect(const ys_doc *doc)
{
    const ys_profile *best = ys_profile_builtin("national");
    if (!doc)
        return best;
    int hits[MAX_BUILTIN];
    title_hits(doc, hits);
    int best_hits = -1, nbuiltin = count_builtin();
    for (int i = 0; best && i < nbuiltin; i++)
        if (builtin[i] == best)
            best_hits = hits[i];
    for (int i = 0; i < nbuiltin; i++) {
        if (builtin[i] == best)
            continue;
        if (hits[i] > best_hits) {
            best = builtin[i];
            best_hits = hits[i];
        }
    }
    return best;
}

