/*
 * package_check.c — checks a budget package on its own (`yusuan check`).
 * Owns: the package rules, one entry each in `pkg_rules` (id, severity is
 * chosen per finding, a check function).  Promise: read-only over the
 * package; every finding's message starts with FILE:LINE of the record
 * that is wrong, and its lines[] hold that line.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "package.h"
#include "text.h"
#include "yusuan/codes.h"

typedef struct pkg_rule {
    const char *id;
    const char *desc;
    int (*run)(const struct pkg_rule *r, const ys_package *p, ys_findings *out);
} pkg_rule;

/* Add a finding located at row `line` of sheet s (FILE:LINE or FILE:SHEET!A<row>). */
static int report(ys_findings *out, ys_severity sev, const char *rule, const ys_package *p,
                  int s, int line, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

static int report(ys_findings *out, ys_severity sev, const char *rule, const ys_package *p,
                  int s, int line, const char *fmt, ...)
{
    char msg[768], where[600];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    ys_pkg_where(p, s, line, where, sizeof where);
    int lines[1] = {line};
    return ys_findings_add(out, sev, rule, "package", lines, 1, "", "", "%s: %s", where, msg)
               ? YS_OK
               : YS_ENOMEM;
}

static bool same_name(const char *a, const char *b)
{
    char fa[512], fb[512];
    size_t na = ys_fold(a, strlen(a), fa, sizeof fa);
    size_t nb = ys_fold(b, strlen(b), fb, sizeof fb);
    return na == nb && strcmp(fa, fb) == 0;
}

/* A code must exist for the year at the wanted level; a given name must match. */
static int check_code(const pkg_rule *r, const ys_package *p, ys_findings *out,
                      ys_codekind kind, const char *code, const char *name,
                      int level, int line)
{
    const char *what = kind == YS_CODE_FUNCTION ? "功能科目" : "经济科目";
    if (ys_code_level(kind, code) != level)
        return report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, line, "%s“%s”不是%s级编码", what,
                      code, kind == YS_CODE_FUNCTION ? "项" : "款");
    const ys_code *c = ys_code_find(kind, code, p->year);
    const ys_code *other[4];
    if (!c && ys_code_all(kind, code, other, 4) > 0)
        return report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, line,
                      "%s %s 不在 %d 年的科目表中（其他年度为“%s”）", what, code, p->year,
                      other[0]->name);
    if (!c)
        return report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, line, "%s %s 在 %d 年的科目表中不存在",
                      what, code, p->year);
    if (name && name[0] && !same_name(name, c->name))
        return report(out, YS_SEV_WARNING, r->id, p, YS_SH_LINES, line,
                      "%s %s 的名称应为“%s”，写作“%s”", what, code, c->name, name);
    return YS_OK;
}

static int rule_codes(const pkg_rule *r, const ys_package *p, ys_findings *out)
{
    int rc = YS_OK;
    for (size_t i = 0; i < p->nlines && rc == YS_OK; i++) {
        const ys_pkg_line *l = &p->lines[i];
        rc = check_code(r, p, out, YS_CODE_FUNCTION, l->func, l->func_name, 3, l->line);
        if (rc == YS_OK)
            rc = check_code(r, p, out, YS_CODE_ECON, l->econ, l->econ_name, 2, l->line);
    }
    return rc;
}

/* 301 and 303 are 人员经费, every other economic 类 公用经费. */
static int rule_kind(const pkg_rule *r, const ys_package *p, ys_findings *out)
{
    for (size_t i = 0; i < p->nlines; i++) {
        const ys_pkg_line *l = &p->lines[i];
        if (!ys_line_kind_basic(l->kind) || ys_code_level(YS_CODE_ECON, l->econ) != 2)
            continue;
        bool pers = ys_econ_is_personnel(l->econ);
        if (pers != (l->kind == YS_LK_PERSONNEL) &&
            report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, l->line,
                   "经济科目 %s 属于%s，不能记为%s", l->econ, pers ? "人员经费" : "公用经费",
                   pers ? "公用经费" : "人员经费"))
            return YS_ENOMEM;
    }
    return YS_OK;
}

static int rule_refs(const pkg_rule *r, const ys_package *p, ys_findings *out)
{
    int rc = YS_OK;
    for (size_t i = 0; i < p->nlines && rc == YS_OK; i++) {
        const ys_pkg_line *l = &p->lines[i];
        if (!ys_pkg_unit_find(p, l->unit))
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, l->line, "单位 %s 不在 units 中", l->unit);
        else if (l->kind == YS_LK_PROJECT && !l->project[0])
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, l->line, "项目支出没有项目编码");
        else if (l->project[0] && !ys_pkg_project_find(p, l->project))
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, l->line, "项目 %s 不在 projects 中",
                        l->project);
        else if (l->project[0] && l->kind != YS_LK_PROJECT)
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, l->line,
                        "基本支出行不应挂项目 %s", l->project);
        else if (!ys_source_known(l->source))
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, l->line, "资金来源“%s”未知", l->source);
    }
    for (size_t i = 0; i < p->nprojects && rc == YS_OK; i++)
        if (!ys_pkg_unit_find(p, p->projects[i].unit))
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_PROJECTS,
                        p->projects[i].line, "项目单位 %s 不在 units 中",
                        p->projects[i].unit);
    for (size_t i = 0; i < p->nitems && rc == YS_OK; i++)
        if (!ys_pkg_project_find(p, p->items[i].project))
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_ITEMS, p->items[i].line,
                        "项目 %s 不在 projects 中", p->items[i].project);
    return rc;
}

static bool same_key(const ys_pkg_line *a, const ys_pkg_line *b)
{
    return a->kind == b->kind && !strcmp(a->unit, b->unit) && !strcmp(a->func, b->func) &&
           !strcmp(a->econ, b->econ) && !strcmp(a->project, b->project) &&
           !strcmp(a->source, b->source);
}

/* Quadratic in the worst case would be too slow for big packages: compare
 * each line with the lines sorted next to it. */
static int cmp_line(const void *x, const void *y)
{
    const ys_pkg_line *a = *(const ys_pkg_line *const *)x, *b = *(const ys_pkg_line *const *)y;
    int c;
    if ((c = strcmp(a->unit, b->unit)) || (c = strcmp(a->func, b->func)) ||
        (c = strcmp(a->econ, b->econ)) || (c = strcmp(a->project, b->project)) ||
        (c = strcmp(a->source, b->source)))
        return c;
    if (a->kind != b->kind)
        return (int)a->kind - (int)b->kind;
    return a->line - b->line;
}

static int rule_dup(const pkg_rule *r, const ys_package *p, ys_findings *out)
{
    if (p->nlines < 2)
        return YS_OK;
    const ys_pkg_line **v = malloc(p->nlines * sizeof *v);
    if (!v)
        return YS_ENOMEM;
    for (size_t i = 0; i < p->nlines; i++)
        v[i] = &p->lines[i];
    qsort(v, p->nlines, sizeof *v, cmp_line);
    int rc = YS_OK;
    for (size_t i = 1; i < p->nlines && rc == YS_OK; i++)
        if (same_key(v[i - 1], v[i]))
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_LINES, v[i]->line,
                        "与第 %d 行重复（单位、科目、类型、项目、资金来源均相同）",
                        v[i - 1]->line);
    free(v);
    return rc;
}

static int64_t project_lines_sum(const ys_package *p, const char *code, bool *any)
{
    int64_t s = 0;
    *any = false;
    for (size_t i = 0; i < p->nlines; i++)
        if (!strcmp(p->lines[i].project, code)) {
            s += p->lines[i].fen;
            *any = true;
        }
    return s;
}

static int64_t items_sum(const ys_package *p, const char *code, const char *kind, int *n)
{
    int64_t s = 0;
    *n = 0;
    for (size_t i = 0; i < p->nitems; i++)
        if (!strcmp(p->items[i].project, code) && !strcmp(p->items[i].kind, kind)) {
            s += p->items[i].fen;
            (*n)++;
        }
    return s;
}

static void yuan(int64_t fen, char *buf, size_t cap)
{
    ys_amount_format(fen, YS_UNIT_YUAN, 2, true, buf, cap);
}

/* Each project has lines and details, and the details add up to its lines. */
static int rule_details(const pkg_rule *r, const ys_package *p, ys_findings *out)
{
    int rc = YS_OK;
    for (size_t i = 0; i < p->nprojects && rc == YS_OK; i++) {
        const ys_pkg_project *x = &p->projects[i];
        bool any;
        int nd, ns;
        int64_t lines = project_lines_sum(p, x->code, &any);
        int64_t det = items_sum(p, x->code, "detail", &nd);
        int64_t src = items_sum(p, x->code, "source", &ns);
        char a[40], b[40];
        yuan(lines, a, sizeof a);
        yuan(det, b, sizeof b);
        if (!any)
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_PROJECTS, x->line, "项目 %s 没有支出行", x->code);
        else if (nd == 0)
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_PROJECTS, x->line,
                        "项目 %s 没有支出明细（project_items 中 kind=detail）", x->code);
        else if (det != lines)
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_PROJECTS, x->line,
                        "项目 %s 支出明细合计 %s 元，不等于支出行合计 %s 元", x->code, b, a);
        else if (ns > 0 && src != lines) {
            yuan(src, b, sizeof b);
            rc = report(out, YS_SEV_ERROR, r->id, p, YS_SH_PROJECTS, x->line,
                        "项目 %s 资金来源合计 %s 元，不等于支出行合计 %s 元", x->code, b, a);
        }
    }
    return rc;
}

/* What the narrative compares with last year must have a prior figure. */
static int need_prior(const pkg_rule *r, const ys_package *p, ys_findings *out,
                      const char *item, const char *code, int sheet, int line)
{
    if (ys_pkg_prior_find(p, item, code))
        return YS_OK;
    return report(out, YS_SEV_ERROR, r->id, p, sheet, line,
                  "缺少上年（%d 年）数：prior 中应有 item=%s%s%s", p->year - 1, item,
                  code && code[0] ? " code=" : "", code ? code : "");
}

static int rule_prior(const pkg_rule *r, const ys_package *p, ys_findings *out)
{
    const int pf = YS_SH_PRIOR;
    int rc = need_prior(r, p, out, "total", "", pf, 0);
    if (rc == YS_OK)
        rc = need_prior(r, p, out, "gpb.total", "", pf, 0);
    for (size_t i = 0; i < p->nlines && rc == YS_OK; i++) {
        const ys_pkg_line *l = &p->lines[i];
        if (strcmp(l->source, "gpb") != 0)
            continue;
        bool first = true;   /* report a code once, at its first line */
        for (size_t j = 0; j < i && first; j++)
            if (!strcmp(p->lines[j].func, l->func) && !strcmp(p->lines[j].source, "gpb"))
                first = false;
        if (first)
            rc = need_prior(r, p, out, "func", l->func, YS_SH_LINES, l->line);
    }
    bool admin = false;
    for (size_t i = 0; i < p->nunits; i++)
        admin |= strcmp(p->units[i].kind, "行政") == 0;
    if (rc == YS_OK && admin)
        rc = need_prior(r, p, out, "admin_cost", "", pf, 0);
    return rc;
}

/* A compared item whose shown figure changed needs the reason the narrative gives. */
static int need_reason(const pkg_rule *r, const ys_package *p, ys_findings *out,
                       const char *item, const char *code, int64_t now, int sheet, int line)
{
    const ys_pkg_prior *pr = ys_pkg_prior_find(p, item, code);
    if (!pr || ys_round_to(now, p->unit, 2) == ys_round_to(pr->fen, p->unit, 2))
        return YS_OK;
    char key[64];
    if (!strcmp(item, "func"))
        snprintf(key, sizeof key, "func:%s", code);
    else
        snprintf(key, sizeof key, "%s", item);
    if (ys_pkg_text_find(p, "reason", key))
        return YS_OK;
    return report(out, YS_SEV_WARNING, r->id, p, sheet, line,
                  "与上年相比有增减，texts 中缺少原因（key=reason, code=%s）", key);
}

static int64_t lines_sum(const ys_package *p, const char *func, int kind, const char *source)
{
    int64_t s = 0;
    for (size_t i = 0; i < p->nlines; i++) {
        const ys_pkg_line *l = &p->lines[i];
        if ((!func || !strcmp(l->func, func)) && (kind < 0 || (int)l->kind == kind) &&
            (!source || !strcmp(l->source, source)))
            s += l->fen;
    }
    return s;
}

static int rule_reason(const pkg_rule *r, const ys_package *p, ys_findings *out)
{
    int rc = need_reason(r, p, out, "total", "", lines_sum(p, NULL, -1, NULL), YS_SH_PRIOR, 0);
    if (rc == YS_OK)
        rc = need_reason(r, p, out, "gpb.total", "", lines_sum(p, NULL, -1, "gpb"), YS_SH_PRIOR, 0);
    for (size_t i = 0; i < p->nlines && rc == YS_OK; i++) {
        const ys_pkg_line *l = &p->lines[i];
        bool first = strcmp(l->source, "gpb") == 0;
        for (size_t j = 0; j < i && first; j++)
            if (!strcmp(p->lines[j].func, l->func) && !strcmp(p->lines[j].source, "gpb"))
                first = false;
        if (first)
            rc = need_reason(r, p, out, "func", l->func, lines_sum(p, l->func, -1, "gpb"),
                             YS_SH_LINES, l->line);
    }
    int64_t admin = 0;
    for (size_t i = 0; i < p->nlines; i++) {
        const ys_pkg_unit *u = ys_pkg_unit_find(p, p->lines[i].unit);
        if (u && !strcmp(u->kind, "行政") && p->lines[i].kind == YS_LK_PUBLIC)
            admin += p->lines[i].fen;
    }
    return rc == YS_OK ? need_reason(r, p, out, "admin_cost", "", admin, YS_SH_PRIOR, 0) : rc;
}

static int rule_three(const pkg_rule *r, const ys_package *p, ys_findings *out)
{
    static const char *const items[] = {"abroad", "car.purchase", "car.operation", "reception"};
    for (size_t i = 0; i < p->nthree; i++) {
        bool ok = false;
        for (size_t k = 0; k < 4; k++)
            ok |= strcmp(p->three[i].item, items[k]) == 0;
        if (!ok && report(out, YS_SEV_ERROR, r->id, p, YS_SH_THREE, p->three[i].line,
                          "“三公”经费项目“%s”应为 abroad、car.purchase、car.operation 或 reception",
                          p->three[i].item))
            return YS_ENOMEM;
    }
    return YS_OK;
}

static int rule_units(const pkg_rule *r, const ys_package *p, ys_findings *out)
{
    int base = 0;
    for (size_t i = 0; i < p->nunits; i++) {
        const ys_pkg_unit *u = &p->units[i];
        base += u->is_base;
        if (strcmp(u->kind, "行政") && strcmp(u->kind, "事业") &&
            report(out, YS_SEV_ERROR, r->id, p, YS_SH_UNITS, u->line,
                   "单位类型“%s”应为 行政 或 事业", u->kind))
            return YS_ENOMEM;
    }
    if (base != 1)
        return report(out, YS_SEV_ERROR, r->id, p, YS_SH_UNITS, 0,
                      "应恰有一个本级单位（is_base=1），现有 %d 个", base);
    return YS_OK;
}

static const pkg_rule pkg_rules[] = {
    {"P.units", "单位类型正确且恰有一个本级单位", rule_units},
    {"P.code", "功能科目和经济科目在预算年度存在且名称一致", rule_codes},
    {"P.kind", "人员经费/公用经费与经济科目相符（301、303 为人员经费）", rule_kind},
    {"P.ref", "每一行的单位、项目、资金来源均已定义", rule_refs},
    {"P.dup", "没有重复的支出行", rule_dup},
    {"P.detail", "每个项目有支出明细且明细合计等于项目金额", rule_details},
    {"P.prior", "情况说明要比较的项目都有上年数", rule_prior},
    {"P.reason", "与上年相比有增减的项目都给出了原因", rule_reason},
    {"P.three", "“三公”经费项目名称正确", rule_three},
    {NULL, NULL, NULL}};

int ys_package_check(const ys_package *p, ys_findings *out)
{
    for (const pkg_rule *r = pkg_rules; r->id; r++) {
        int rc = r->run(r, p, out);
        if (rc != YS_OK)
            return rc;
    }
    ys_findings_sort(out);
    return YS_OK;
}
