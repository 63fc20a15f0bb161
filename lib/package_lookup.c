/*
 * package_lookup.c — finding things in a read package, and the small
 * vocabularies of a line (kinds, fund sources).
 * Promise: read-only; returned pointers belong to the package.
 */
#include <string.h>

#include "package.h"

const char *ys_pkg_meta_get(const ys_package *p, const char *key)
{
    for (size_t i = 0; i < p->nmeta; i++)
        if (strcmp(p->meta[i].key, key) == 0)
            return p->meta[i].value;
    return NULL;
}

const ys_pkg_unit *ys_pkg_unit_find(const ys_package *p, const char *code)
{
    for (size_t i = 0; i < p->nunits; i++)
        if (strcmp(p->units[i].code, code) == 0)
            return &p->units[i];
    return NULL;
}

const ys_pkg_project *ys_pkg_project_find(const ys_package *p, const char *code)
{
    for (size_t i = 0; i < p->nprojects; i++)
        if (strcmp(p->projects[i].code, code) == 0)
            return &p->projects[i];
    return NULL;
}

const ys_pkg_prior *ys_pkg_prior_find(const ys_package *p, const char *item,
                                      const char *code)
{
    return ys_pkg_prior_find_year(p, p->year - 1, item, code);
}

const ys_pkg_prior *ys_pkg_prior_find_year(const ys_package *p, int year, const char *item,
                                           const char *code)
{
    if (!code)
        code = "";
    for (size_t i = 0; i < p->nprior; i++) {
        const ys_pkg_prior *x = &p->prior[i];
        if (x->year == year && strcmp(x->item, item) == 0 &&
            strcmp(x->code, code) == 0)
            return x;
    }
    return NULL;
}

const ys_pkg_text *ys_pkg_text_find(const ys_package *p, const char *key,
                                    const char *code)
{
    for (size_t i = 0; i < p->ntexts; i++) {
        const ys_pkg_text *t = &p->texts[i];
        if (strcmp(t->key, key) == 0 && (!code || strcmp(t->code, code) == 0))
            return t;
    }
    return NULL;
}

bool ys_line_kind_basic(ys_line_kind k)
{
    return k == YS_LK_PERSONNEL || k == YS_LK_PUBLIC;
}

static const char *const kind_names[] = {"人员经费", "公用经费", "项目",
                                         "经营支出", "上缴上级", "对附属单位补助"};

int ys_line_kind_parse(const char *s)
{
    for (size_t i = 0; i < sizeof kind_names / sizeof *kind_names; i++)
        if (strcmp(s, kind_names[i]) == 0)
            return (int)i;
    if (strcmp(s, "项目支出") == 0)
        return YS_LK_PROJECT;
    return -1;
}

static const char *const sources[] = {
    "gpb", "gov_fund", "soe", "special_acct", "business", "operating", "upper",
    "affiliated", "other", "unit_funds", "carry.gpb", "carry.gov_fund",
    "carry.soe", "carry.special_acct", "carry.unit_funds"};

int ys_source_index(const char *s)
{
    for (size_t i = 0; i < sizeof sources / sizeof *sources; i++)
        if (strcmp(s, sources[i]) == 0)
            return (int)i;
    return -1;
}

bool ys_source_known(const char *s) { return ys_source_index(s) >= 0; }
