/*
 * rules_document_names.c — DOC.class_name: function and economic class
 * names out of date for the budget year, in coded table rows, in
 * paragraphs and in claim subjects.
 * Promise: reads row names, claim subjects and paragraphs; one finding per
 * row, and per line of text; never special-cases a document.
 *
 * The names that can be out of date are the few entries of the code lists
 * not valid in the budget year.  They are found and folded once per run
 * (stale_list), so each row and each text is held against those few
 * instead of against every entry of the lists.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "rules_document.h"
#include "text.h"
#include "yusuan/codes.h"

#define NAME_CAP 256
#define ROW_ENTRIES 8      /* a row is held against its code's first entries */

static bool valid_in(const ys_code *c, int year)
{
    return (c->year_from == 0 || year >= c->year_from) && (c->year_to == 0 || year <= c->year_to);
}

/* An entry not valid in the budget year. */
typedef struct stale {
    const ys_code *c;
    char name[NAME_CAP];   /* ys_name_fold of its name */
    bool row_check;        /* among the first ROW_ENTRIES entries of its code */
    bool text_check;       /* a class (类) whose name is no current name of
                              its kind nor lies inside its code's current name */
} stale;

typedef struct stale_list {
    stale *v;
    size_t n;
} stale_list;

/* Is `name` (folded) the name of some entry of this kind valid in year? */
static bool name_current(ys_codekind kind, const char *name, int year)
{
    char f[NAME_CAP];
    for (int i = 0; i < ys_code_count(); i++) {
        const ys_code *c = ys_code_at(i);
        if (c->kind == kind && valid_in(c, year) &&
            strcmp(ys_name_fold(c->name, f, sizeof f), name) == 0)
            return true;
    }
    return false;
}

static bool among_first(const ys_code *c)
{
    const ys_code *all[ROW_ENTRIES];
    int n = ys_code_all(c->kind, c->code, all, ROW_ENTRIES);
    for (int k = 0; k < n && k < ROW_ENTRIES; k++)
        if (all[k] == c)
            return true;
    return false;
}

/* Whether a text using the old class name c (folded `name`) is evidence:
 * the name is no current name, nor inside the current one. */
static bool text_evidence(const ys_code *c, const char *name, int year)
{
    if (c->level != 1 || name_current(c->kind, name, year))
        return false;
    const ys_code *cur = ys_code_find(c->kind, c->code, year);
    char now[NAME_CAP];
    return !(cur && ys_has(ys_name_fold(cur->name, now, sizeof now), name));
}

/* The entries not valid in year, in the order of the code lists. */
static int stale_make(int year, stale_list *out)
{
    out->n = 0;
    out->v = NULL;
    size_t count = 0;
    for (int i = 0; i < ys_code_count(); i++)
        count += !valid_in(ys_code_at(i), year);
    if (!count)
        return YS_OK;
    out->v = malloc(count * sizeof *out->v);
    if (!out->v)
        return YS_ENOMEM;
    for (int i = 0; i < ys_code_count(); i++) {
        const ys_code *c = ys_code_at(i);
        if (valid_in(c, year))
            continue;
        stale *s = &out->v[out->n++];
        s->c = c;
        ys_name_fold(c->name, s->name, sizeof s->name);
        s->row_check = among_first(c);
        s->text_check = text_evidence(c, s->name, year);
    }
    return YS_OK;
}

static int report_old(const ys_rule *r, const ys_tableset *ts, const char *table, int line,
                      const ys_code *old, ys_findings *out)
{
    const ys_code *now = ys_code_find(old->kind, old->code, ts->year);
    ys_side s = ys_side_of((ys_amount){0}, line);
    char until[32] = "";
    if (old->year_to)
        ys_snprintf(until, sizeof until, "%d 年及以前", old->year_to);
    else
        ys_snprintf(until, sizeof until, "%d 年起", old->year_from);
    return ys_report_finding(out, r, ys_doc_sev(r), table, &s, now ? now->name : "", old->name,
                             "科目 %s 的名称“%s”是%s的名称，%d 年应为“%s”", old->code,
                             old->name, until, ts->year, now ? now->name : "（已取消）");
}

/* The first stale entry of row's code named as the row is, or NULL. */
static const ys_code *row_old_name(const stale_list *sl, const ys_row *row)
{
    ys_codekind kind = row->code[0] == '2' ? YS_CODE_FUNCTION : YS_CODE_ECON;
    char have[NAME_CAP];
    bool folded = false;
    for (size_t k = 0; k < sl->n; k++) {
        const stale *s = &sl->v[k];
        if (!s->row_check || s->c->kind != kind || strcmp(s->c->code, row->code))
            continue;
        if (!folded)
            ys_name_fold(row->name, have, sizeof have);
        folded = true;
        if (!strcmp(s->name, have))
            return s->c;
    }
    return NULL;
}

/* A coded table row named by an entry of its code that is not valid in the
 * budget year. */
static int row_names(const ys_rule *r, const ys_tableset *ts, const stale_list *sl,
                     ys_findings *out)
{
    for (size_t t = 0; t < ts->ntables; t++)
        for (size_t i = 0; i < ts->tables[t]->nrows; i++) {
            const ys_row *row = &ts->tables[t]->rows[i];
            if (!row->code || !row->code[0] || !row->name)
                continue;
            const ys_code *old = row_old_name(sl, row);
            int rc = old ? report_old(r, ts, ts->tables[t]->id, row->line, old, out) : YS_OK;
            if (rc)
                return rc;
        }
    return YS_OK;
}

/* Class (类) names out of date in folded text: each once per line. */
static int text_names(const ys_rule *r, const ys_tableset *ts, const stale_list *sl,
                      const char *text, int line, const char *table, ys_findings *out)
{
    char *f = ys_doc_fold(text);
    if (!f)
        return YS_ENOMEM;
    int rc = YS_OK;
    for (size_t k = 0; k < sl->n && rc == YS_OK; k++) {
        const stale *s = &sl->v[k];
        if (s->text_check && ys_has(f, s->name) && !ys_doc_reported(out, r, line))
            rc = report_old(r, ts, table, line, s->c, out);
    }
    free(f);
    return rc;
}

/* DOC.class_name: row names, claim subjects and paragraphs that use a
 * class name of another period (ys_code_all gives each name's years). */
int ys_dk_class_name(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    if (!ts->year)
        return YS_OK;
    stale_list sl;
    int rc = stale_make(ts->year, &sl);
    if (rc == YS_OK)
        rc = row_names(r, ts, &sl, out);
    for (size_t i = 0; i < ts->nparas && rc == YS_OK; i++)
        if (ts->paras[i].text && ts->paras[i].part != 4)
            rc = text_names(r, ts, &sl, ts->paras[i].text, ts->paras[i].line, "", out);
    for (size_t i = 0; i < ts->nclaims && rc == YS_OK; i++)
        if (ts->claims[i].subject && (ts->claims[i].scope || !ts->nparas))
            rc = text_names(r, ts, &sl, ts->claims[i].subject, ts->claims[i].line,
                            ts->claims[i].scope ? ts->claims[i].scope : "", out);
    free(sl.v);
    return rc;
}
