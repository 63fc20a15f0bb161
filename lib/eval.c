/*
 * eval.c — 绩效自评: the actuals file, the weights, and scoring.
 *
 * Owns ys_evaluate and its inputs (include/yusuan/eval.h).  The rule (also
 * in docs/eval.md): each project's indicators are grouped by 一级指标; a
 * group's weight is shared equally by its indicators, and the weights of
 * the groups present are scaled to 100.  An indicator whose actual meets
 * its target scores in full; one that reaches at least the floor (60 %) of
 * its target scores in proportion (部分达成); below that, 0 (未达成).
 * Promises: exact integer arithmetic, one half-up rounding per indicator;
 * any fault in the actuals is a located YS_EINPUT and no evaluation.
 */
#include "yusuan/eval.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "eval_internal.h"
#include "package.h"
#include "yusuan/doc.h"
#include "text.h"

int ys_eval_error(ys_error *err, int code, const char *file, int line, const char *where,
                  const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    if (where)
        return ys_error_setw(err, code, file, where, "%s", msg);
    return ys_error_set(err, code, file, line, "%s", msg);
}

static const struct { const char *l1; int64_t w; } default_weights[] = {
    {"产出", 50}, {"效益", 30}, {"满意度", 10}, {"成本", 10},
};

void ys_eval_weights_default(ys_eval_weights *w)
{
    memset(w, 0, sizeof *w);
    for (size_t i = 0; i < sizeof default_weights / sizeof *default_weights; i++) {
        snprintf(w->l1[i], sizeof w->l1[i], "%s", default_weights[i].l1);
        w->weight[i] = default_weights[i].w;
    }
    w->n = (int)(sizeof default_weights / sizeof *default_weights);
    w->partly_floor = 600;
}

/* Column index by any of its accepted names, or -1. */
static int col_any(const ys_sheet *sh, const char *const *names)
{
    for (; *names; names++) {
        int c = ys_sheet_col(sh, *names);
        if (c >= 0)
            return c;
    }
    return -1;
}

static int read_file(const char *path, char **buf, size_t *n, ys_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return ys_error_set(err, YS_EIO, path, 0, "无法打开文件");
    size_t cap = 1 << 16, len = 0;
    char *b = malloc(cap);
    size_t k;
    while (b && (k = fread(b + len, 1, cap - len, f)) > 0) {
        len += k;
        if (len == cap) {
            if (cap > (256u << 20)) {
                free(b);
                fclose(f);
                return ys_error_set(err, YS_EINPUT, path, 0, "文件过大");
            }
            char *nb = realloc(b, cap *= 2);
            if (!nb)
                free(b);
            b = nb;
        }
    }
    fclose(f);
    if (!b)
        return ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
    *buf = b;
    *n = len;
    return YS_OK;
}

int ys_eval_weights_read(const char *path, ys_eval_weights *w, ys_error *err)
{
    char *buf;
    size_t n;
    int rc = read_file(path, &buf, &n, err);
    if (rc != YS_OK)
        return rc;
    ys_arena *a = ys_arena_new();
    ys_sheet sh;
    rc = a ? ys_csv_parse(path, buf, n, a, &sh, err) : YS_ENOMEM;
    free(buf);
    static const char *const l1names[] = {"一级指标", "l1", NULL};
    static const char *const wnames[] = {"权重", "weight", NULL};
    int cl = -1, cw = -1;
    if (rc == YS_OK) {
        cl = col_any(&sh, l1names);
        cw = col_any(&sh, wnames);
        if (cl < 0 || cw < 0)
            rc = ys_error_set(err, YS_EINPUT, path, 1, "表头须有“一级指标”和“权重”两列");
    }
    ys_eval_weights nw;
    ys_eval_weights_default(&nw);
    nw.n = 0;
    for (size_t i = 0; rc == YS_OK && i < sh.nrows; i++) {
        const char *l1 = sh.rows[i].cells[cl], *ws = sh.rows[i].cells[cw];
        char *end;
        long long v = strtoll(ws, &end, 10);
        if (!*l1 || !*ws || *end || v < 0 || v > 1000)
            rc = ys_error_set(err, YS_EINPUT, path, sh.rows[i].line,
                              "权重须为 0–1000 的整数，一级指标不能为空");
        else if (nw.n >= YS_EVAL_MAXW)
            rc = ys_error_set(err, YS_EINPUT, path, sh.rows[i].line, "一级指标过多");
        else {
            snprintf(nw.l1[nw.n], sizeof nw.l1[nw.n], "%s", l1);
            nw.weight[nw.n++] = v;
        }
    }
    if (rc == YS_OK && nw.n == 0)
        rc = ys_error_set(err, YS_EINPUT, path, 1, "没有任何权重");
    if (rc == YS_OK)
        *w = nw;
    ys_arena_free(a);
    return rc;
}

int ys_actuals_parse(const char *name, const char *buf, size_t n, ys_actuals **out,
                     ys_error *err)
{
    *out = NULL;
    ys_actuals *a = calloc(1, sizeof *a);
    if (!a || !(a->arena = ys_arena_new())) {
        free(a);
        return ys_error_set(err, YS_ENOMEM, name, 0, "内存不足");
    }
    a->path = ys_arena_strndup(a->arena, name, strlen(name));
    ys_sheet sh;
    int rc = ys_csv_parse(name, buf, n, a->arena, &sh, err);
    static const char *const pnames[] = {"项目", "项目名称", "project", NULL};
    static const char *const inames[] = {"三级指标", "指标", "indicator", NULL};
    static const char *const vnames[] = {"实际值", "实际完成值", "actual", NULL};
    int cp = -1, ci = -1, cv = -1;
    if (rc == YS_OK) {
        cp = col_any(&sh, pnames);
        ci = col_any(&sh, inames);
        cv = col_any(&sh, vnames);
        if (cp < 0 || ci < 0 || cv < 0)
            rc = ys_error_set(err, YS_EINPUT, name, 1,
                              "表头须有“项目”“三级指标”“实际值”三列");
    }
    if (rc == YS_OK && sh.nrows) {
        a->v = ys_arena_alloc(a->arena, sh.nrows * sizeof *a->v);
        if (!a->v)
            rc = ys_error_set(err, YS_ENOMEM, name, 0, "内存不足");
    }
    for (size_t i = 0; rc == YS_OK && i < sh.nrows; i++) {
        const ys_sheet_row *r = &sh.rows[i];
        if (!*r->cells[cp] || !*r->cells[ci])
            rc = ys_error_set(err, YS_EINPUT, name, r->line, "项目和三级指标不能为空");
        else
            a->v[a->n++] = (ys_actual){r->cells[cp], r->cells[ci], r->cells[cv], r->line, NULL};
    }
    if (rc != YS_OK) {
        ys_actuals_free(a);
        return rc;
    }
    *out = a;
    return YS_OK;
}

/* The first sheet of an .xlsx: header row, then one row per indicator. */
static int actuals_from_xlsx(const char *path, ys_actuals **out, ys_error *err)
{
    ys_doc *doc = NULL;
    int rc = ys_doc_read_file(path, &doc, err);
    if (rc != YS_OK)
        return rc;
    ys_actuals *a = calloc(1, sizeof *a);
    if (!a || !(a->arena = ys_arena_new())) {
        free(a);
        ys_doc_free(doc);
        return ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
    }
    a->path = ys_arena_strndup(a->arena, path, strlen(path));
    a->v = doc->nlines ? ys_arena_alloc(a->arena, doc->nlines * sizeof *a->v) : NULL;
    const ys_line *head = doc->nlines ? &doc->lines[0] : NULL;
    int cp = -1, ci = -1, cv = -1;
    static const char *const pn[] = {"项目", "项目名称", "project"};
    static const char *const in[] = {"三级指标", "指标", "indicator"};
    static const char *const vn[] = {"实际值", "实际完成值", "actual"};
    for (int c = 0; head && c < head->ncells; c++)
        for (int k = 0; k < 3; k++) {
            if (cp < 0 && !strcmp(head->cells[c], pn[k]))
                cp = c;
            if (ci < 0 && !strcmp(head->cells[c], in[k]))
                ci = c;
            if (cv < 0 && !strcmp(head->cells[c], vn[k]))
                cv = c;
        }
    if (!head || cp < 0 || ci < 0 || cv < 0)
        rc = ys_eval_error(err, YS_EINPUT, path, 1, head ? head->where : NULL,
                           "表头须有“项目”“三级指标”“实际值”三列");
    else if (doc->nlines > 1 && !a->v)
        rc = ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
    size_t sheet_len = head && head->where ? strcspn(head->where, "!") : 0;
    for (size_t i = 1; rc == YS_OK && i < doc->nlines; i++) {
        const ys_line *ln = &doc->lines[i];
        if (ln->where && head->where && strncmp(ln->where, head->where, sheet_len + 1))
            break;   /* the next sheet */
        const char *p = cp < ln->ncells ? ln->cells[cp] : "";
        const char *l3 = ci < ln->ncells ? ln->cells[ci] : "";
        const char *v = cv < ln->ncells ? ln->cells[cv] : "";
        if (!*p && !*l3 && !*v)
            continue;
        const char *w = ln->where ? ys_arena_strndup(a->arena, ln->where, strlen(ln->where))
                                  : NULL;
        if (!*p || !*l3) {
            rc = ys_eval_error(err, YS_EINPUT, path, ln->no, w, "项目和三级指标不能为空");
            break;
        }
        a->v[a->n++] = (ys_actual){ys_arena_strndup(a->arena, p, strlen(p)),
                                   ys_arena_strndup(a->arena, l3, strlen(l3)),
                                   ys_arena_strndup(a->arena, v, strlen(v)), ln->no, w};
        if (!a->v[a->n - 1].project || !a->v[a->n - 1].l3 || !a->v[a->n - 1].value)
            rc = ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
    }
    ys_doc_free(doc);
    if (rc != YS_OK) {
        ys_actuals_free(a);
        return rc;
    }
    *out = a;
    return YS_OK;
}

int ys_actuals_read(const char *path, ys_actuals **out, ys_error *err)
{
    char *buf;
    size_t n;
    *out = NULL;
    size_t len = strlen(path);
    if (len > 5 && !strcmp(path + len - 5, ".xlsx"))
        return actuals_from_xlsx(path, out, err);
    int rc = read_file(path, &buf, &n, err);
    if (rc != YS_OK)
        return rc;
    rc = ys_actuals_parse(path, buf, n, out, err);
    free(buf);
    return rc;
}

void ys_actuals_free(ys_actuals *a)
{
    if (!a)
        return;
    ys_arena_free(a->arena);
    free(a);
}

const char *ys_eval_status_name(ys_eval_status s)
{
    switch (s) {
    case YS_EV_MET: return "达成";
    case YS_EV_PARTLY: return "部分达成";
    case YS_EV_NOT_MET: return "未达成";
    default: return "未填报";
    }
}

void ys_eval_points(int64_t score, char *buf, size_t cap)
{
    /* 0.0001 points → two decimals, half-up */
    int64_t c = score >= 0 ? (score + 50) / 100 : -((-score + 50) / 100);
    int64_t ac = c < 0 ? -c : c;
    snprintf(buf, cap, "%s%lld.%02lld", c < 0 ? "-" : "", (long long)(ac / 100),
             (long long)(ac % 100));
}

void ys_evaluation_free(ys_evaluation *ev)
{
    if (!ev)
        return;
    ys_arena_free(ev->arena);
    free(ev->items);
    free(ev->projects);
    free(ev);
}

/* ---- which indicators are scored --------------------------------------- */

static bool scored_table(const ys_tableset *ts, const char *id)
{
    bool forms = false;
    for (size_t i = 0; i < ts->nind; i++)
        forms |= !strncmp(ts->ind[i].table_id, "12:", 3);
    return forms ? !strncmp(id, "12:", 3) : !strcmp(id, "11");
}

/* A table's annual indicators, or its long-term ones when it has none. */
static bool scored_indicator(const ys_tableset *ts, const ys_indicator *x)
{
    if (!scored_table(ts, x->table_id))
        return false;
    if (x->annual)
        return true;
    for (size_t i = 0; i < ts->nind; i++)
        if (ts->ind[i].annual && !strcmp(ts->ind[i].table_id, x->table_id))
            return false;
    return true;
}

static int64_t form_budget(const ys_tableset *ts, const char *id)
{
    const ys_table *t = ys_tableset_find(ts, id);
    const ys_row *r = t ? ys_table_row_by_key(t, "budget.total") : NULL;
    const ys_cell *c = r ? ys_row_cell(t, r, "amount") : NULL;
    return c && c->v.present ? c->v.fen : 0;
}

/* A copy in the evaluation's arena ("" when s is NULL or memory is short):
 * the evaluation outlives the table set and the actuals it came from. */
static const char *keep(ys_evaluation *ev, const char *s)
{
    const char *c = s ? ys_arena_strndup(ev->arena, s, strlen(s)) : NULL;
    return c ? c : "";
}

static int build_items(const ys_tableset *ts, ys_evaluation *ev)
{
    ev->items = calloc(ts->nind + 1, sizeof *ev->items);
    ev->projects = calloc(ts->nind + 1, sizeof *ev->projects);
    if (!ev->items || !ev->projects)
        return YS_ENOMEM;
    for (size_t i = 0; i < ts->nind; i++) {
        const ys_indicator *x = &ts->ind[i];
        if (!scored_indicator(ts, x))
            continue;
        size_t p = 0;
        while (p < ev->nprojects && strcmp(ev->projects[p].table_id, x->table_id))
            p++;
        if (p == ev->nprojects) {
            ys_eval_project *pr = &ev->projects[ev->nprojects++];
            pr->table_id = keep(ev, x->table_id);
            pr->name = strncmp(x->table_id, "12:", 3) ? "部门整体" : pr->table_id + 3;
            pr->budget_fen = form_budget(ts, x->table_id);
        }
    }
    /* items grouped by project, in document order within each */
    for (size_t p = 0; p < ev->nprojects; p++) {
        ys_eval_project *pr = &ev->projects[p];
        pr->first = ev->nitems;
        for (size_t i = 0; i < ts->nind; i++) {
            const ys_indicator *x = &ts->ind[i];
            if (!scored_indicator(ts, x) || strcmp(x->table_id, pr->table_id))
                continue;
            ys_eval_item *it = &ev->items[ev->nitems++];
            it->ind = x;
            it->project = pr->name;
            it->l1 = keep(ev, x->l1);
            it->l3 = keep(ev, x->l3);
            it->target = keep(ev, x->target);
            it->status = YS_EV_NO_DATA;
            it->ratio = -1;
        }
        pr->n = ev->nitems - pr->first;
    }
    return YS_OK;
}

/* ---- matching actuals to items ------------------------------------------ */

static const char *resolve_project(const ys_tableset *ts, const ys_evaluation *ev,
                                   const char *name)
{
    static const char *const dept[] = {"11", "部门", "部门整体", "表11"};
    for (size_t i = 0; i < sizeof dept / sizeof *dept; i++)
        if (!strcmp(name, dept[i]))
            return "11";
    for (size_t p = 0; p < ev->nprojects; p++)
        if (!strcmp(ev->projects[p].table_id, name) || !strcmp(ev->projects[p].name, name))
            return ev->projects[p].table_id;
    return ys_match_project_form(ts, name, 0, NULL);
}

static int attach_actuals(const ys_tableset *ts, const ys_actuals *a, ys_evaluation *ev,
                          ys_error *err)
{
    const ys_indicator **cand = malloc((ev->nitems + 1) * sizeof *cand);
    if (!cand)
        return ys_error_set(err, YS_ENOMEM, a->path, 0, "内存不足");
    int rc = YS_OK;
    for (size_t k = 0; k < a->n && rc == YS_OK; k++) {
        const ys_actual *ac = &a->v[k];
        const char *tid = resolve_project(ts, ev, ac->project);
        const ys_eval_project *pr = NULL;
        for (size_t p = 0; tid && p < ev->nprojects; p++)
            if (!strcmp(ev->projects[p].table_id, tid))
                pr = &ev->projects[p];
        if (!pr) {
            rc = ys_eval_error(err, YS_EINPUT, a->path, ac->line, ac->where,
                               "找不到项目“%s”（或它没有可评分的年度指标）", ac->project);
            break;
        }
        for (size_t i = 0; i < pr->n; i++)
            cand[i] = ev->items[pr->first + i].ind;
        ys_indicator probe = {0};
        probe.l3 = ac->l3;
        long j = ys_match_indicator(&probe, cand, pr->n, NULL);
        if (j < 0) {
            rc = ys_eval_error(err, YS_EINPUT, a->path, ac->line, ac->where,
                               "项目“%s”没有三级指标“%s”", pr->name, ac->l3);
            break;
        }
        ys_eval_item *it = &ev->items[pr->first + (size_t)j];
        if (it->actual) {
            rc = ys_eval_error(err, YS_EINPUT, a->path, ac->line, ac->where,
                               "三级指标“%s”的实际值重复（先见于第%d行）", ac->l3,
                               it->actual_line);
            break;
        }
        it->actual = ys_arena_strndup(ev->arena, ac->value, strlen(ac->value));
        if (!it->actual) {
            rc = ys_error_set(err, YS_ENOMEM, a->path, ac->line, "内存不足");
            break;
        }
        it->actual_line = ac->line;
        it->actual_where = ac->where ? keep(ev, ac->where) : NULL;
    }
    free(cand);
    return rc;
}

/* ---- scoring -------------------------------------------------------------- */

/* Weight of an 一级 name: the first weight whose name it starts with. */
static int weight_index(const ys_eval_weights *w, const char *l1)
{
    char f[128];
    if (ys_fold(l1, strlen(l1), f, sizeof f) == (size_t)-1)
        f[0] = 0;
    for (int i = 0; i < w->n; i++)
        if (!strncmp(f, w->l1[i], strlen(w->l1[i])))
            return i;
    return -1;
}

static int score_project(ys_evaluation *ev, ys_eval_project *pr, const ys_eval_weights *w,
                         const char *file, ys_error *err)
{
    int64_t count[YS_EVAL_MAXW] = {0};
    int64_t wsum = 0;
    for (size_t i = 0; i < pr->n; i++) {
        int g = weight_index(w, ev->items[pr->first + i].l1);
        if (g >= 0 && count[g]++ == 0)
            wsum += w->weight[g];
    }
    pr->score = 0;
    for (size_t i = 0; i < pr->n; i++) {
        ys_eval_item *it = &ev->items[pr->first + i];
        int g = weight_index(w, it->l1);
        /* full marks: W_g / ΣW × 100 points, shared by the group's n_g */
        int64_t num = g >= 0 && wsum ? w->weight[g] * 100 * YS_EVAL_POINT : 0;
        int64_t den = g >= 0 && wsum ? wsum * count[g] : 1;
        int rc = ys_eval_score_item(it, num, den, w->partly_floor, file, err);
        if (rc != YS_OK)
            return rc;
        pr->score += it->score;
    }
    return YS_OK;
}

static void department_total(ys_evaluation *ev)
{
    __int128 num = 0, den = 0;
    bool budgets = ev->nprojects > 0;
    for (size_t p = 0; p < ev->nprojects; p++)
        budgets &= ev->projects[p].budget_fen > 0;
    for (size_t p = 0; p < ev->nprojects; p++) {
        int64_t wgt = budgets ? ev->projects[p].budget_fen : 1;
        num += (__int128)ev->projects[p].score * wgt;
        den += wgt;
    }
    ev->total = den ? (int64_t)((num * 2 + den) / (den * 2)) : 0;
}

int ys_evaluate(const ys_tableset *ts, const ys_actuals *a, const ys_eval_weights *w,
                ys_evaluation **out, ys_error *err)
{
    *out = NULL;
    ys_evaluation *ev = calloc(1, sizeof *ev);
    if (!ev || !(ev->arena = ys_arena_new())) {
        free(ev);
        return ys_error_set(err, YS_ENOMEM, a->path, 0, "内存不足");
    }
    ev->weights = *w;
    ev->source = keep(ev, ts->source);
    int rc = build_items(ts, ev);
    if (rc != YS_OK)
        rc = ys_error_set(err, YS_ENOMEM, a->path, 0, "内存不足");
    if (rc == YS_OK)
        rc = attach_actuals(ts, a, ev, err);
    for (size_t p = 0; rc == YS_OK && p < ev->nprojects; p++)
        rc = score_project(ev, &ev->projects[p], w, a->path, err);
    if (rc != YS_OK) {
        ys_evaluation_free(ev);
        return rc;
    }
    department_total(ev);
    *out = ev;
    return YS_OK;
}
