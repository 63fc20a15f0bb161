/*
 * rules_names.c — the name rule kinds: a code's name against the code list
 * for the budget year, the same code named differently in two tables, and
 * the department named differently from its full name.  All warnings.
 * Promise: names are compared folded (full width, blanks, numbering).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "rules_common.h"
#include "text.h"
#include "yusuan/codes.h"

static ys_codekind kind_of(const char *s)
{
    return s && strcmp(s, "econ") == 0 ? YS_CODE_ECON : YS_CODE_FUNCTION;
}

/* Warn about one row's code name; returns YS_OK or YS_ENOMEM. */
static int check_code_name(const ys_rule *r, const ys_tableset *ts, const ys_table *t,
                           const ys_row *row, ys_codekind kind, ys_findings *out)
{
    char tl[64], have[512], want[512];
    ys_side s = ys_side_of((ys_amount){0, 0, false}, row->line);
    ys_table_label(t->id, tl, sizeof tl);
    const ys_code *c = ys_code_find(kind, row->code, ts->year);
    if (!c) {
        const ys_code *all[8];
        int n = ys_code_all(kind, row->code, all, 8);
        if (n == 0)
            return ys_report_finding(out, r, YS_SEV_WARNING, t->id, &s, "", row->code,
                                     "%s 科目编码 %s（%s）不在%d年%s分类科目中", tl,
                                     row->code, row->name, ts->year,
                                     kind == YS_CODE_ECON ? "经济" : "功能");
        c = all[0];
    }
    ys_name_fold(row->name, have, sizeof have);
    ys_name_fold(c->name, want, sizeof want);
    if (strcmp(have, want) == 0)
        return YS_OK;
    return ys_report_finding(out, r, YS_SEV_WARNING, t->id, &s, c->name, row->name,
                             "%s 科目 %s 名称“%s”与%d年科目名称“%s”不一致", tl,
                             row->code, row->name, ts->year, c->name);
}

/*
 * Code names: a = table, b = "function" | "econ": every coded row's name is
 * the official name of its code for the budget year; unknown codes warn.
 */
int ys_rk_code_names(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_table *t = ys_tableset_find(ts, r->a);
    if (!t)
        return YS_OK;
    ys_codekind kind = kind_of(r->b);
    for (size_t i = 0; i < t->nrows; i++) {
        const ys_row *row = &t->rows[i];
        if (!row->code[0] || row->key || row->kind == YS_ROW_TOTAL ||
            ys_code_level(kind, row->code) == 0)
            continue;
        int rc = check_code_name(r, ts, t, row, kind, out);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/*
 * Same code, same name: a = comma list of table ids; the first table that
 * shows a code sets its name, every later row of that code elsewhere must
 * fold to the same name.
 */
int ys_rk_same_code_names(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_table *tabs[16];
    int nt = 0;
    for (const char *p = r->a; *p && nt < 16;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        char id[96];
        ys_scopy(id, sizeof id, p, len);
        if ((tabs[nt] = ys_tableset_find(ts, id)) != NULL)
            nt++;
        p += len + (comma ? 1 : 0);
    }
    for (int a = 0; a < nt; a++)
        for (size_t i = 0; i < tabs[a]->nrows; i++) {
            const ys_row *x = &tabs[a]->rows[i];
            if (!x->code[0] || x->kind == YS_ROW_TOTAL)
                continue;
            bool seen = false;
            for (int e = 0; e < a && !seen; e++)
                seen = ys_table_row_by_code(tabs[e], x->code) != NULL;
            if (seen)
                continue; /* compared when its first table came round */
            for (int b = a + 1; b < nt; b++) {
                const ys_row *y = ys_table_row_by_code(tabs[b], x->code);
                char fx[512], fy[512], la[64], lb[64];
                if (!y || strcmp(ys_name_fold(x->name, fx, sizeof fx),
                                 ys_name_fold(y->name, fy, sizeof fy)) == 0)
                    continue;
                ys_side s = ys_side_of((ys_amount){0, 0, false}, x->line);
                ys_side_add(&s, (ys_amount){0, 0, false}, y->line);
                char tables[200];
                ys_snprintf(tables, sizeof tables, "%s,%s", tabs[a]->id, tabs[b]->id);
                int rc = ys_report_finding(
                    out, r, YS_SEV_WARNING, tables, &s, x->name, y->name,
                    "科目 %s 在%s中名为“%s”，在%s中名为“%s”", x->code,
                    ys_table_label(tabs[a]->id, la, sizeof la), x->name,
                    ys_table_label(tabs[b]->id, lb, sizeof lb), y->name);
                if (rc)
                    return rc;
            }
        }
    return YS_OK;
}

/*
 * Department mentions: every place the document names the department
 * (ts->mentions) uses its full name (a unit name that starts with it is
 * fine).  One warning per differing name, with all its lines.
 */
int ys_rk_mentions(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    if (!ts->department || !ts->department[0] || ts->nmentions == 0)
        return YS_OK;
    char dept[512];
    ys_name_fold(ts->department, dept, sizeof dept);
    /* fold each mention once: documents name themselves hundreds of times */
    enum { W = 256 };
    char *folded = malloc(ts->nmentions * W);
    if (!folded)
        return YS_ENOMEM;
    for (size_t i = 0; i < ts->nmentions; i++)
        ys_name_fold(ts->mentions[i].name, folded + i * W, W);
    int rc = YS_OK;
    for (size_t i = 0; i < ts->nmentions && rc == YS_OK; i++) {
        const char *m = folded + i * W;
        bool earlier = ys_starts(m, dept);
        for (size_t j = 0; j < i && !earlier; j++)
            earlier = strcmp(folded + j * W, m) == 0;
        if (earlier)
            continue; /* the full name, or a name already reported */
        ys_side s;
        ys_side_init(&s);
        for (size_t j = i; j < ts->nmentions; j++)
            if (strcmp(folded + j * W, m) == 0)
                ys_side_add(&s, (ys_amount){0, 0, false}, ts->mentions[j].line);
        rc = ys_report_finding(out, r, YS_SEV_WARNING, "", &s, ts->department,
                               ts->mentions[i].name,
                               "部门名称“%s”与部门全称“%s”不一致（共 %d 处）",
                               ts->mentions[i].name, ts->department, s.nrows);
    }
    free(folded);
    return rc;
}
