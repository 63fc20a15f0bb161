/*
 * rules_forms.c — tables 11 and 12 against themselves and table 10, as
 * rule entries, and the kinds they use: sums inside each project form,
 * a form's budget against its sources and details, the form and table 11's
 * project list against table 10 (projects matched by folded name, else by a
 * unique equal amount), every table-10 project having a form and a table-11
 * entry, and the figures a form's 预算变动情况 text states.
 * Promise: forms are found by their id prefix "12:"; a table set without
 * them gets no finding here.
 */
#include <stdio.h>
#include <string.h>

#include "format.h"
#include "rules_common.h"
#include "text.h"

static bool is_form(const ys_table *t) { return strncmp(t->id, "12:", 3) == 0; }

/* The form's budget for the year (当年预算, else 总预算) and its row. */
static ys_amount form_budget(const ys_table *t, int *line)
{
    int c = ys_table_col(t, "amount");
    const char *keys[] = {"budget.year", "budget.total"};
    for (int k = 0; k < 2; k++) {
        const ys_row *r = ys_table_row_by_key(t, keys[k]);
        if (r && ys_cell_at(r, c).present) {
            *line = ys_cell_line(r, c);
            return ys_cell_at(r, c);
        }
    }
    *line = 0;
    return (ys_amount){0, 0, false};
}

/* Rows of key in form t into s; returns how many. */
static int key_rows(const ys_table *t, const char *key, ys_side *s)
{
    int c = ys_table_col(t, "amount"), n = 0;
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].key && strcmp(t->rows[i].key, key) == 0) {
            ys_side_add(s, ys_cell_at(&t->rows[i], c), ys_cell_line(&t->rows[i], c));
            n++;
        }
    return n;
}

/*
 * Inside each form: a = key of the total row, b = key of the rows it sums
 * ("src.item"), or "budget" as a: b's row equals the form's budget.
 */
static int rk_form_sum(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        if (!is_form(t))
            continue;
        ys_side lhs, rhs;
        ys_side_init(&lhs);
        ys_side_init(&rhs);
        if (strcmp(r->a, "budget") == 0) {
            int line;
            ys_amount b = form_budget(t, &line);
            if (!b.present)
                continue;
            ys_side_add(&lhs, b, line);
        } else if (key_rows(t, r->a, &lhs) == 0) {
            continue;
        }
        if (key_rows(t, r->b, &rhs) == 0 || (lhs.nparts == 0 && rhs.nparts == 0))
            continue;
        char tl[160], what[512];
        ys_snprintf(what, sizeof what, "%s %s", ys_table_label(t->id, tl, sizeof tl), r->desc);
        const char *rname = strcmp(r->a, "budget") == 0 ? "合计" : "各项之和";
        int rc = ys_compare(out, r, t->id, what, r->c, &lhs, rname, &rhs);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* Name mismatch warning for a project matched by amount. */
static int name_warning(ys_findings *out, const ys_rule *r, const char *table,
                        const char *where, const char *name, int line,
                        const ys_proj *p)
{
    ys_side s = ys_side_of((ys_amount){0, 0, false}, line);
    ys_side_add(&s, (ys_amount){0, 0, false}, p->line);
    return ys_report_finding(out, r, YS_SEV_WARNING, table, &s, p->name, name,
                             "%s项目名称“%s”与表10 项目名称“%s”不一致（按金额对应）",
                             where, name, p->name);
}

/* Each form's budget against its table-10 project. */
static int rk_form_t10(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    ys_proj p[512];
    int n = ys_t10_projects(ts, p, 512);
    for (size_t i = 0; n && i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        int line;
        ys_amount b;
        if (!is_form(t) || !(b = form_budget(t, &line)).present)
            continue;
        bool by_name;
        int k = ys_project_match(t->id + 3, b, p, n, &by_name);
        char tl[160], what[512];
        ys_table_label(t->id, tl, sizeof tl);
        ys_side lhs = ys_side_of(b, line);
        int rc;
        if (k < 0) {
            rc = ys_report_finding(out, r, YS_SEV_ERROR, t->id, &lhs, "", t->id + 3,
                                   "%s在表10 中找不到对应项目（名称和金额都对不上）", tl);
        } else {
            ys_side rhs = ys_side_of(p[k].amount, p[k].line);
            ys_snprintf(what, sizeof what, "%s 预算与表10 项目“%s”（按%s对应）", tl, p[k].name,
                     by_name ? "名称" : "金额");
            rc = ys_compare(out, r, t->id, what, "项目表", &lhs, "表10", &rhs);
            if (!rc && !by_name)
                rc = name_warning(out, r, t->id, "项目表", t->id + 3, t->first_line, &p[k]);
        }
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* Table 11's project list against table 10: a = column compared. */
static int rk_t11_projects(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    const ys_table *t = ys_tableset_find(ts, "11.projects");
    ys_proj p[512];
    int n = ys_t10_projects(ts, p, 512), c = t ? ys_table_col(t, r->a) : -1;
    for (size_t i = 0; n && c >= 0 && i < t->nrows; i++) {
        const ys_row *row = &t->rows[i];
        ys_amount v = ys_cell_at(row, c);
        bool by_name;
        int k = ys_project_match(row->name, v, p, n, &by_name), rc;
        ys_side lhs = ys_side_of(v, ys_cell_line(row, c));
        if (k < 0) {
            rc = ys_report_finding(out, r, YS_SEV_ERROR, "11", &lhs, "", row->name,
                                   "表11 项目“%s”在表10 中找不到（名称和金额都对不上）",
                                   row->name);
        } else {
            ys_side rhs = ys_side_of(p[k].amount, p[k].line);
            char what[512];
            ys_snprintf(what, sizeof what, "表11 项目“%s”%s与表10 项目“%s”（按%s对应）", row->name,
                     ys_rule_col(r->a), p[k].name, by_name ? "名称" : "金额");
            rc = ys_compare(out, r, "11,10", what, "表11", &lhs, "表10", &rhs);
            if (!rc && !by_name && strcmp(r->a, "year") == 0)
                rc = name_warning(out, r, "11,10", "表11 ", row->name, row->line, &p[k]);
        }
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* The category (level-3 GROUP row) table 10 lists the project of `line`
 * under, or NULL. */
static const char *t10_category(const ys_tableset *ts, int line)
{
    const ys_table *t = ys_tableset_find(ts, "10");
    const char *cat = NULL;
    for (size_t i = 0; t && i < t->nrows; i++) {
        const ys_row *r = &t->rows[i];
        if (r->kind == YS_ROW_GROUP && r->level == 3)
            cat = r->name;
        else if (r->kind == YS_ROW_GROUP && r->level < 3)
            cat = NULL;
        else if (r->kind == YS_ROW_ITEM && r->line == line)
            return cat;
    }
    return NULL;
}

/* Warn when a stated 项目类别 and table 10's category disagree on 运转类. */
static int check_category(ys_findings *out, const ys_rule *r, const ys_tableset *ts,
                          const char *where, const char *name, const char *stated,
                          int line, const ys_proj *p)
{
    const char *cat = t10_category(ts, p->line);
    if (!stated || !stated[0] || !cat || ys_has(stated, "运转类") == ys_has(cat, "运转类"))
        return YS_OK;
    ys_side s = ys_side_of((ys_amount){0, 0, false}, line);
    ys_side_add(&s, (ys_amount){0, 0, false}, p->line);
    return ys_report_finding(out, r, YS_SEV_WARNING, "10", &s, cat, stated,
                             "%s项目“%s”的项目类别“%s”与表10 所列类别“%s”不一致（运转类与否不同）",
                             where, name, stated, cat);
}

/* 项目类别 of table 11's list and of each form against table 10's grouping. */
static int rk_category(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    ys_proj p[512];
    int n = ys_t10_projects(ts, p, 512), rc = YS_OK;
    const ys_table *t = ys_tableset_find(ts, "11.projects");
    int yc = t ? ys_table_col(t, "year") : -1;
    for (size_t i = 0; n && t && i < t->nrows && !rc; i++) {
        bool by_name;
        const ys_row *row = &t->rows[i];
        int k = ys_project_match(row->name, ys_cell_at(row, yc), p, n, &by_name);
        if (k >= 0)
            rc = check_category(out, r, ts, "表11 ", row->name, row->extra, row->line, &p[k]);
    }
    for (size_t i = 0; n && i < ts->ntables && !rc; i++) {
        const ys_table *f = ts->tables[i];
        const ys_row *cat = is_form(f) ? ys_table_row_by_key(f, "meta.category") : NULL;
        int line;
        bool by_name;
        if (!cat)
            continue;
        int k = ys_project_match(f->id + 3, form_budget(f, &line), p, n, &by_name);
        if (k >= 0)
            rc = check_category(out, r, ts, "项目表", f->id + 3, cat->name, cat->line, &p[k]);
    }
    return rc;
}

/* Every table-10 project has a project form and a table-11 entry. */
static int rk_coverage(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    ys_proj p[512], forms[512], t11[512];
    int n = ys_t10_projects(ts, p, 512), nf = 0, n11 = 0;
    for (size_t i = 0; i < ts->ntables && nf < 512; i++)
        if (is_form(ts->tables[i])) {
            int line;
            forms[nf].name = ts->tables[i]->id + 3;
            forms[nf].amount = form_budget(ts->tables[i], &line);
            forms[nf++].line = line;
        }
    const ys_table *t = ys_tableset_find(ts, "11.projects");
    int yc = t ? ys_table_col(t, "year") : -1;
    for (size_t i = 0; t && i < t->nrows && n11 < 512; i++) {
        t11[n11].name = t->rows[i].name;
        t11[n11].amount = ys_cell_at(&t->rows[i], yc);
        t11[n11++].line = t->rows[i].line;
    }
    for (int k = 0; k < n; k++) {
        bool by_name;
        ys_side s = ys_side_of(p[k].amount, p[k].line);
        const char *lack = NULL;
        if (nf && ys_project_match(p[k].name, p[k].amount, forms, nf, &by_name) < 0)
            lack = "项目支出绩效目标表";
        else if (n11 && ys_project_match(p[k].name, p[k].amount, t11, n11, &by_name) < 0)
            lack = "表11 项目清单中的条目";
        if (!lack)
            continue;
        int rc = ys_report_finding(out, r, YS_SEV_ERROR, "10", &s, "", p[k].name,
                                   "表10 项目“%s”没有对应的%s", p[k].name, lack);
        if (rc)
            return rc;
    }
    return YS_OK;
}

/* The claims of a form's 预算变动情况 text: the year's figure is the form's
 * budget; its change is that figure minus last year's stated figure. */
static int rk_form_claims(const ys_rule *r, const ys_tableset *ts, ys_findings *out)
{
    for (size_t i = 0; i < ts->nclaims; i++) {
        const ys_claim *c = &ts->claims[i];
        const ys_table *t = c->scope ? ys_tableset_find(ts, c->scope) : NULL;
        if (!t || c->kind != YS_CLAIM_FIGURE || !c->key || strcmp(c->key, "form.year") ||
            !c->amount.present)
            continue;
        char tl[160], what[512];
        ys_table_label(t->id, tl, sizeof tl);
        ys_side said = ys_side_of(c->amount, c->line);
        int line, rc = YS_OK;
        ys_amount b = form_budget(t, &line);
        if (strcmp(r->a, "t10") == 0 && b.present) {
            ys_proj p[512];
            bool by_name;
            int n = ys_t10_projects(ts, p, 512);
            int k = ys_project_match(t->id + 3, b, p, n, &by_name);
            if (k >= 0) {
                ys_side cell = ys_side_of(p[k].amount, p[k].line);
                ys_snprintf(what, sizeof what, "%s 预算变动情况所述%d年预算与表10 项目“%s”（按%s对应）",
                         tl, c->year ? c->year : ts->year, p[k].name, by_name ? "名称" : "金额");
                rc = ys_compare(out, r, t->id, what, "文中", &said, "表10", &cell);
            }
        }
        if (strcmp(r->a, "budget") == 0 && b.present) {
            ys_side cell = ys_side_of(b, line);
            ys_snprintf(what, sizeof what, "%s 预算变动情况所述%d年预算与本表项目当年预算", tl,
                     c->year ? c->year : ts->year);
            rc = ys_compare(out, r, t->id, what, "文中", &said, "表中", &cell);
        }
        for (size_t j = 0; !rc && strcmp(r->a, "change") == 0 && c->change.present &&
                           j < ts->nclaims; j++) {
            const ys_claim *p = &ts->claims[j];
            if (p->kind != YS_CLAIM_FIGURE || !p->scope || strcmp(p->scope, c->scope) ||
                !p->key || strcmp(p->key, "form.prior") || !c->year || p->year != c->year - 1)
                continue;
            ys_side x = ys_side_of(c->change, c->line), d;
            ys_side_init(&d);
            ys_side_add(&d, c->amount, c->line);
            ys_amount neg = p->amount;
            neg.fen = -neg.fen;
            ys_side_add(&d, neg, p->line);
            ys_snprintf(what, sizeof what, "%s 所述比%d年增减额", tl, p->year);
            rc = ys_compare(out, r, t->id, what, "文中", &x, "两年预算之差", &d);
            break;
        }
        if (rc)
            return rc;
    }
    return YS_OK;
}

#define EQ(id, desc, a, b) {id, desc, ys_rk_eq, a, b, desc}
#define T11_OUT "out.personnel|out.operating|out.special"

const ys_rule ys_rules_forms[] = {
    /* table 11: funds */
    EQ("T11.in", "表11 收入合计等于各项收入之和", "11:amount@key=in.total", "11:amount@key=in.fiscal|in.special_acct|in.unit_funds"),
    EQ("T11.out", "表11 支出合计等于人员类、运转类、特定目标类之和", "11:amount@key=out.total", "11:amount@key=" T11_OUT),
    EQ("T11.balance", "表11 收入合计等于支出合计", "11:amount@key=in.total", "11:amount@key=out.total"),
    EQ("T11.prior1", "表11 上年支出合计等于各项之和", "11:prior1@key=out.total", "11:prior1@key=" T11_OUT),
    EQ("T11.prior2", "表11 前年支出合计等于各项之和", "11:prior2@key=out.total", "11:prior2@key=" T11_OUT),
    EQ("T11.prior1.in", "表11 上年收入合计等于各项之和", "11:prior1@key=in.total", "11:prior1@key=in.fiscal|in.special_acct|in.unit_funds"),
    EQ("T11.prior2.in", "表11 前年收入合计等于各项之和", "11:prior2@key=in.total", "11:prior2@key=in.fiscal|in.special_acct|in.unit_funds"),
    EQ("T11.prior1.balance", "表11 上年收入合计等于支出合计", "11:prior1@key=in.total", "11:prior1@key=out.total"),
    EQ("T11.prior2.balance", "表11 前年收入合计等于支出合计", "11:prior2@key=in.total", "11:prior2@key=out.total"),
    {"T11.share", "表11 支出各项占比等于金额除以合计", ys_rk_key_share, "11", "out.total", T11_OUT "|out.total"},
    {"T11.share.in", "表11 收入各项占比等于金额除以合计", ys_rk_key_share, "11", "in.total", "in.fiscal|in.special_acct|in.unit_funds|in.total"},
    EQ("X.T1-T11", "表11 收入合计等于表1 本年收入合计", "11:amount@key=in.total", "1:amount@key=in.year_total"),
    EQ("X.T11.personnel", "表11 人员类等于表5-1 人员经费", "11:amount@key=out.personnel", "5-1:personnel@total"),
    EQ("X.T11.operating", "表11 运转类等于表5-1 公用经费加表10 运转类项目", "11:amount@key=out.operating", "5-1:public@total + 10:total@level=3&name~运转类"),
    EQ("X.T11.special", "表11 特定目标类等于表10 其他项目", "11:amount@key=out.special", "10:total@level=3&name!~运转类"),
    {"X.T11-T10", "表11 项目本年度预算等于表10", rk_t11_projects, "year", NULL, NULL},
    {"X.T11-T10.total", "表11 项目总预算等于表10", rk_t11_projects, "total", NULL, NULL},
    /* table 12: each project form */
    {"T12.src", "资金来源合计等于各来源之和", rk_form_sum, "src.total", "src.item", "资金来源合计"},
    {"T12.detail", "支出明细合计等于各明细之和", rk_form_sum, "detail.total", "detail.item", "支出明细合计"},
    {"T12.proc", "采购合计等于各采购品目之和", rk_form_sum, "proc.total", "proc.item", "采购合计"},
    {"T12.src_budget", "资金来源合计等于项目当年预算", rk_form_sum, "budget", "src.total", "项目当年预算"},
    {"T12.detail_budget", "支出明细合计等于项目当年预算", rk_form_sum, "budget", "detail.total", "项目当年预算"},
    {"X.T12-T10", "项目表预算等于表10 同一项目", rk_form_t10, NULL, NULL, NULL},
    {"X.category", "表11、项目表的项目类别与表10 分类一致", rk_category, NULL, NULL, NULL},
    {"X.T10-T11-T12", "表10 每个项目都有项目表和表11 条目", rk_coverage, NULL, NULL, NULL},
    {"T12.year", "项目表所述当年预算等于表中当年预算", rk_form_claims, "budget", NULL, NULL},
    {"X.T12-T10.year", "项目表所述当年预算等于表10 同一项目", rk_form_claims, "t10", NULL, NULL},
    {"T12.change", "项目表所述增减额等于两年预算之差", rk_form_claims, "change", NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL, NULL},
};
