/*
 * derive_text.c — parts 1, 3 and 4 of the disclosure as paragraphs.
 * Owns: the wording of the narrative (the sentence forms of the national
 * layout, which the narrative reader understands).
 * Promise: every amount, change, rate and share is computed from figures
 * AS SHOWN in the tables (so a reader can recompute them); reasons and
 * descriptions come from the package's texts, never from code.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive_internal.h"
#include "yusuan/codes.h"
#include "yusuan/fileio.h"

typedef struct tx {
    ys_dx *dx;
    int part, section;
    const char *heading;
    int rc;
} tx;

static void para(tx *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void para(tx *t, const char *fmt, ...)
{
    if (t->rc != YS_OK)
        return;
    char *s = NULL;
    va_list ap;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    ys_para *p = n >= 0 ? ys_tableset_add_para(t->dx->ts) : NULL;
    if (p) {
        p->part = t->part;
        p->section = t->section;
        p->heading = t->heading ? ys_ts_str(t->dx->ts, t->heading, (size_t)-1) : NULL;
        p->text = ys_ts_str(t->dx->ts, s, (size_t)n);
    }
    if (!p || !p->text)
        t->rc = YS_ENOMEM;
    free(s);
}

static void section(tx *t, int part, int no, const char *heading)
{
    t->part = part;
    t->section = no;
    t->heading = heading;
}

/* A shown figure as text ("2877.94"); rotating buffers for use in one printf. */
static const char *amt(const ys_dx *dx, int64_t shown)
{
    static __thread char buf[8][48];
    static __thread int k;
    char *b = buf[k++ & 7];
    ys_dx_fmt(dx, shown, b, 48);
    return b;
}

static const char *unit_word(const ys_dx *dx)
{
    return dx->p->unit == YS_UNIT_WAN ? "万元" : "元";
}

/* part / whole as a percentage with two decimals, half-up ("50.03"). */
static const char *pct(int64_t part, int64_t whole)
{
    static __thread char buf[8][32];
    static __thread int k;
    char *b = buf[k++ & 7];
    if (whole == 0) {
        snprintf(b, 32, "0");
        return b;
    }
    int64_t a = part < 0 ? -part : part;
    int64_t r = (a * 20000 + whole) / (2 * whole);   /* 0.01 % units */
    snprintf(b, 32, "%s%lld.%02lld", part < 0 ? "-" : "", (long long)(r / 100),
             (long long)(r % 100));
    return b;
}

/* "比 2025 年增加 X 万元，增长 p%" from the shown figure and last year's. */
static const char *change(const ys_dx *dx, int64_t shown, const ys_pkg_prior *pr)
{
    static __thread char buf[4][160];
    static __thread int k;
    char *b = buf[k++ & 3];
    if (!pr) {
        b[0] = 0;
        return b;
    }
    int64_t last = ys_dx_round(dx, pr->fen), d = shown - last;
    int y = dx->p->year - 1;
    if (d == 0)
        snprintf(b, 160, "，与 %d 年持平", y);
    else if (last == 0)
        snprintf(b, 160, "，比 %d 年增加 %s %s", y, amt(dx, d), unit_word(dx));
    else
        snprintf(b, 160, "，比 %d 年%s %s %s，%s %s%%", y, d > 0 ? "增加" : "减少",
                 amt(dx, d > 0 ? d : -d), unit_word(dx), d > 0 ? "增长" : "下降",
                 pct(d > 0 ? d : -d, last));
    return b;
}

/* "，主要原因是…" when the package gives a reason for `code`. */
static const char *reason(const ys_dx *dx, const char *code, const char *lead)
{
    static __thread char buf[4][1024];
    static __thread int k;
    char *b = buf[k++ & 3];
    const ys_pkg_text *t = ys_pkg_text_find(dx->p, "reason", code);
    if (t && t->text[0])
        snprintf(b, 1024, "，%s%s", lead, t->text);
    else
        b[0] = 0;
    return b;
}

static ys_sum total_of(const ys_dx *dx, unsigned kinds, unsigned sources)
{
    ys_sel s = {NULL, NULL, NULL, NULL, kinds, sources};
    return ys_dx_sum(dx, &s);
}

static const char *code_name(const ys_dx *dx, ys_codekind k, const char *code)
{
    const ys_code *c = ys_code_find(k, code, dx->p->year);
    return c ? c->name : code;
}

/* ---- part 1 -------------------------------------------------------------- */

static void part1(tx *t)
{
    const ys_package *p = t->dx->p;
    section(t, 1, 1, "一、部门主要职责");
    int n = 0;
    for (size_t i = 0; i < p->ntexts; i++)
        if (!strcmp(p->texts[i].key, "duty"))
            para(t, "%d. %s", ++n, p->texts[i].text);
    section(t, 1, 2, "二、部门机构设置");
    for (size_t i = 0; i < p->ntexts; i++)
        if (!strcmp(p->texts[i].key, "organisation"))
            para(t, "%s", p->texts[i].text);
}

/* ---- part 3 -------------------------------------------------------------- */

static const struct { const char *src, *name; } in_names[] = {
    {"gpb", "一般公共预算拨款收入"}, {"gov_fund", "政府性基金预算拨款收入"},
    {"soe", "国有资本经营预算拨款收入"}, {"special_acct", "财政专户管理资金收入"},
    {"business", "事业收入"}, {"operating", "事业单位经营收入"}, {"upper", "上级补助收入"},
    {"affiliated", "附属单位上缴收入"}, {"other", "其他收入"}};

/* The names of the function 类 with expenditure, "、"-joined, into b. */
static void class_list(const ys_dx *dx, unsigned sources, ys_buf *b, bool with_amount)
{
    const ys_table *t1 = ys_tableset_find(dx->ts, sources == ys_dx_src("gpb") ? "4" : "1");
    bool first = true;
    for (size_t i = 0; t1 && i < t1->nrows; i++) {
        const ys_row *r = &t1->rows[i];
        if (!r->key || strcmp(r->key, "out.class") || !r->cells[0].v.present)
            continue;
        ys_buf_puts(b, first ? "" : (with_amount ? "，" : "、"));
        ys_buf_puts(b, code_name(dx, YS_CODE_FUNCTION, r->code));
        if (with_amount)
            ys_buf_printf(b, " %s %s", amt(dx, r->cells[0].v.fen), unit_word(dx));
        first = false;
    }
}

static void s1_overall(tx *t)
{
    ys_dx *dx = t->dx;
    section(t, 3, 1, "一、收支预算总体安排情况");
    ys_buf in = {0}, out = {0};
    for (size_t i = 0; i < sizeof in_names / sizeof *in_names; i++)
        if (total_of(dx, 0, ys_dx_src(in_names[i].src)).n)
            ys_buf_printf(&in, "%s%s", in.n ? "、" : "", in_names[i].name);
    class_list(dx, 0, &out, false);
    para(t, "按照综合预算的原则，%s所有收入和支出均纳入部门预算管理。收入包括%s。支出包括%s。",
         dx->p->department, in.p ? in.p : "", out.p ? out.p : "");
    ys_buf_free(&in);
    ys_buf_free(&out);
    int64_t tot = total_of(dx, 0, 0).shown;
    para(t, "%d 年收支总预算 %s %s%s%s。", dx->p->year, amt(dx, tot), unit_word(dx),
         change(dx, tot, ys_pkg_prior_find(dx->p, "total", "")),
         reason(dx, "total", "主要原因是"));
}

static void s2_income(tx *t)
{
    ys_dx *dx = t->dx;
    section(t, 3, 2, "二、收入预算安排情况");
    int64_t tot = total_of(dx, 0, 0).shown;
    ys_buf b = {0};
    for (size_t i = 0; i < sizeof in_names / sizeof *in_names; i++) {
        ys_sum s = total_of(dx, 0, ys_dx_src(in_names[i].src));
        if (!s.n)
            continue;
        char name[96];
        snprintf(name, sizeof name, "%s", in_names[i].name);
        if (!strcmp(in_names[i].src, "gpb"))
            snprintf(name, sizeof name, "一般公共预算拨款本年收入");
        ys_buf_printf(&b, "%s%s %s %s，占 %s%%", b.n ? "；" : "", name, amt(dx, s.shown),
                      unit_word(dx), pct(s.shown, tot));
    }
    ys_sum carry = total_of(dx, 0, ys_dx_carry_sources());
    if (carry.n)
        ys_buf_printf(&b, "%s上年结转 %s %s，占 %s%%", b.n ? "；" : "", amt(dx, carry.shown),
                      unit_word(dx), pct(carry.shown, tot));
    para(t, "%d 年收入预算 %s %s。其中：%s。", dx->p->year, amt(dx, tot), unit_word(dx),
         b.p ? b.p : "");
    ys_buf_free(&b);
}

static void s3_spending(tx *t)
{
    ys_dx *dx = t->dx;
    section(t, 3, 3, "三、支出预算安排情况");
    int64_t tot = total_of(dx, 0, 0).shown;
    int64_t basic = total_of(dx, YS_K_BASIC, 0).shown;
    int64_t proj = total_of(dx, YS_K(YS_LK_PROJECT), 0).shown;
    para(t, "%d 年支出预算 %s %s，其中：基本支出 %s %s，占 %s%%；项目支出 %s %s，占 %s%%。",
         dx->p->year, amt(dx, tot), unit_word(dx), amt(dx, basic), unit_word(dx),
         pct(basic, tot), amt(dx, proj), unit_word(dx), pct(proj, tot));
}

static void s4_fiscal(tx *t)
{
    ys_dx *dx = t->dx;
    section(t, 3, 4, "四、财政拨款收支预算总体情况");
    unsigned fiscal = ys_dx_src("gpb") | ys_dx_src("gov_fund") | ys_dx_src("soe");
    int64_t tot = total_of(dx, 0, fiscal).shown;
    ys_buf in = {0}, out = {0};
    static const struct { const char *src, *name; } f[] = {
        {"gpb", "一般公共预算财政拨款本年收入"}, {"gov_fund", "政府性基金预算财政拨款本年收入"},
        {"soe", "国有资本经营预算财政拨款本年收入"}};
    for (size_t i = 0; i < 3; i++) {
        ys_sum s = total_of(dx, 0, ys_dx_src(f[i].src));
        if (s.n)
            ys_buf_printf(&in, "%s%s %s %s", in.n ? "，" : "", f[i].name, amt(dx, s.shown),
                          unit_word(dx));
    }
    class_list(dx, ys_dx_src("gpb"), &out, true);
    para(t, "%d 年财政拨款收支总预算 %s %s。收入包括：%s。支出包括：%s。", dx->p->year,
         amt(dx, tot), unit_word(dx), in.p ? in.p : "", out.p ? out.p : "");
    ys_buf_free(&in);
    ys_buf_free(&out);
}

/* One numbered sentence per 项 of table 5-1. */
static void s5_items(tx *t)
{
    ys_dx *dx = t->dx;
    const ys_table *t5 = ys_tableset_find(dx->ts, "5-1");
    int n = 0;
    for (size_t i = 0; t5 && i < t5->nrows; i++) {
        const ys_row *r = &t5->rows[i];
        if (r->level != 3)
            continue;
        char lei[8], kuan[8], key[32];
        snprintf(lei, sizeof lei, "%.3s", r->code);
        snprintf(kuan, sizeof kuan, "%.5s", r->code);
        snprintf(key, sizeof key, "func:%s", r->code);
        int64_t v = r->cells[0].v.present ? r->cells[0].v.fen : 0;
        para(t, "%d. %s（类）%s（款）%s（项）%s %s%s%s。", ++n,
             code_name(dx, YS_CODE_FUNCTION, lei), code_name(dx, YS_CODE_FUNCTION, kuan),
             r->name, amt(dx, v), unit_word(dx),
             change(dx, v, ys_pkg_prior_find(dx->p, "func", r->code)),
             reason(dx, key, "主要是"));
    }
}

static void s5_gpb(tx *t)
{
    ys_dx *dx = t->dx;
    section(t, 3, 5, "五、一般公共预算支出安排情况");
    unsigned g = ys_dx_src("gpb");
    int64_t tot = total_of(dx, 0, g).shown;
    int64_t basic = total_of(dx, YS_K_BASIC, g).shown;
    int64_t pers = total_of(dx, YS_K(YS_LK_PERSONNEL), g).shown;
    int64_t pub = total_of(dx, YS_K(YS_LK_PUBLIC), g).shown;
    int64_t proj = total_of(dx, YS_K(YS_LK_PROJECT), g).shown;
    para(t, "（一）、一般公共预算拨款规模变化情况");
    para(t, "%d 年一般公共预算财政拨款支出预算 %s %s，其中：本年预算 %s %s%s%s。", dx->p->year,
         amt(dx, tot), unit_word(dx), amt(dx, tot), unit_word(dx),
         change(dx, tot, ys_pkg_prior_find(dx->p, "gpb.total", "")),
         reason(dx, "gpb.total", "主要是"));
    para(t, "（二）、一般公共预算拨款结构情况");
    para(t, "基本支出 %s %s，占 %s%%，其中人员经费 %s %s、公用经费 %s %s；项目经费 %s %s，占 %s%%。",
         amt(dx, basic), unit_word(dx), pct(basic, tot), amt(dx, pers), unit_word(dx),
         amt(dx, pub), unit_word(dx), amt(dx, proj), unit_word(dx), pct(proj, tot));
    para(t, "（三）、一般公共预算拨款具体使用情况");
    s5_items(t);
}

/* The 款 names of economic 类 `cls` with basic expenditure, "、"-joined. */
static void econ_uses(const ys_dx *dx, const ys_table *t6, const char *cls, ys_buf *b)
{
    for (size_t i = 0; t6 && i < t6->nrows; i++) {
        const ys_row *r = &t6->rows[i];
        if (r->level == 2 && !strncmp(r->code, cls, 3) && r->cells[0].v.present)
            ys_buf_printf(b, "%s%s", b->n ? "、" : "", r->name);
    }
}

static void s6_basic(tx *t)
{
    ys_dx *dx = t->dx;
    section(t, 3, 6, "六、一般公共预算基本支出安排情况");
    const ys_table *t6 = ys_tableset_find(dx->ts, "6");
    unsigned g = ys_dx_src("gpb");
    para(t, "%d 年一般公共预算基本支出 %s %s，其中：", dx->p->year,
         amt(dx, total_of(dx, YS_K_BASIC, g).shown), unit_word(dx));
    for (int pers = 1; pers >= 0; pers--) {
        int64_t v = total_of(dx, YS_K(pers ? YS_LK_PERSONNEL : YS_LK_PUBLIC), g).shown;
        ys_buf all = {0};
        int n = 0;
        for (size_t i = 0; t6 && i < t6->nrows; i++) {
            const ys_row *r = &t6->rows[i];
            if (r->level == 1 && r->cells[0].v.present && ys_econ_is_personnel(r->code) == pers)
                n++;
        }
        if (n > 1 || pers) {
            para(t, "%d. %s %s %s，包括：", pers ? 1 : 2, pers ? "人员经费" : "公用经费",
                 amt(dx, v), unit_word(dx));
            int k = 0;
            for (size_t i = 0; t6 && i < t6->nrows; i++) {
                const ys_row *r = &t6->rows[i];
                if (r->level != 1 || !r->cells[0].v.present ||
                    ys_econ_is_personnel(r->code) != pers)
                    continue;
                ys_buf u = {0};
                econ_uses(dx, t6, r->code, &u);
                para(t, "(%d) %s %s %s，主要用于%s。", ++k, r->name, amt(dx, r->cells[0].v.fen),
                     unit_word(dx), u.p ? u.p : "");
                ys_buf_free(&u);
            }
        } else {
            for (size_t i = 0; t6 && i < t6->nrows; i++) {
                const ys_row *r = &t6->rows[i];
                if (r->level == 1 && r->cells[0].v.present && !ys_econ_is_personnel(r->code))
                    econ_uses(dx, t6, r->code, &all);
            }
            para(t, "2. 公用经费 %s %s，主要用于%s。", amt(dx, v), unit_word(dx),
                 all.p ? all.p : "");
        }
        ys_buf_free(&all);
    }
}

static void s7_to_9(tx *t)
{
    ys_dx *dx = t->dx;
    const char *dept = dx->p->department;
    section(t, 3, 7, "七、一般公共预算“三公”经费支出安排情况");
    const ys_table *t7 = ys_tableset_find(dx->ts, "7");
    if (!t7 || t7->nrows == 0) {
        para(t, "%s%d 年没有一般公共预算“三公”经费支出安排。", dept, dx->p->year);
    } else {
        const ys_row *r = &t7->rows[0];
        int64_t v[6];
        for (int c = 0; c < 6; c++)
            v[c] = r->cells[c].v.present ? r->cells[c].v.fen : 0;
        const char *u = unit_word(dx);
        para(t, "%d 年一般公共预算“三公”经费支出预算 %s %s，其中：因公出国（境）费 %s %s，"
                "公务用车购置及运行费 %s %s（其中：公务用车购置费 %s %s，公务用车运行费 %s %s），"
                "公务接待费 %s %s。",
             dx->p->year, amt(dx, v[0]), u, amt(dx, v[1]), u, amt(dx, v[2]), u, amt(dx, v[3]), u,
             amt(dx, v[4]), u, amt(dx, v[5]), u);
    }
    static const struct { int no; const char *h, *src, *what; } f[] = {
        {8, "八、政府性基金预算支出安排情况", "gov_fund", "政府性基金"},
        {9, "九、国有资本经营预算支出安排情况", "soe", "国有资本经营"}};
    for (int i = 0; i < 2; i++) {
        section(t, 3, f[i].no, f[i].h);
        ys_sum s = total_of(dx, 0, ys_dx_src(f[i].src));
        if (!s.n)
            para(t, "%s%d 年没有使用%s预算拨款安排的支出。", dept, dx->p->year, f[i].what);
        else
            para(t, "%d 年%s预算拨款支出 %s %s。", dx->p->year, f[i].what, amt(dx, s.shown),
                 unit_word(dx));
    }
}

static void s10_projects(tx *t)
{
    ys_dx *dx = t->dx;
    section(t, 3, 10, "十、项目支出安排情况");
    int64_t tot = total_of(dx, YS_K(YS_LK_PROJECT), 0).shown;
    int64_t g = total_of(dx, YS_K(YS_LK_PROJECT), ys_dx_src("gpb")).shown;
    para(t, "%d 年项目支出 %s %s，其中：一般公共预算本年拨款 %s %s，具体使用情况如下：",
         dx->p->year, amt(dx, tot), unit_word(dx), amt(dx, g), unit_word(dx));
    const ys_table *t10 = ys_tableset_find(dx->ts, "10");
    int n = 0;
    for (size_t i = 0; t10 && i < t10->nrows; i++) {
        const ys_row *r = &t10->rows[i];
        if (r->level != 4)
            continue;
        const ys_pkg_project *x = ys_pkg_project_find(dx->p, r->code);
        int64_t v = r->cells[0].v.present ? r->cells[0].v.fen : 0;
        if (x && x->purpose[0])
            para(t, "%d. %s %s %s，主要用于%s。", ++n, r->name, amt(dx, v), unit_word(dx),
                 x->purpose);
        else
            para(t, "%d. %s %s %s。", ++n, r->name, amt(dx, v), unit_word(dx));
    }
}

/* 机关运行经费: the 公用经费 of administrative units. */
static int64_t admin_cost(const ys_dx *dx, int *n)
{
    int64_t s = 0;
    *n = 0;
    for (size_t i = 0; i < dx->p->nunits; i++) {
        if (strcmp(dx->p->units[i].kind, "行政"))
            continue;
        ys_sel sel = {NULL, NULL, dx->p->units[i].code, NULL, YS_K(YS_LK_PUBLIC), 0};
        ys_sum x = ys_dx_sum(dx, &sel);
        s += x.shown;
        *n += x.n;
    }
    return s;
}

static void s11_other(tx *t)
{
    ys_dx *dx = t->dx;
    const ys_package *p = dx->p;
    section(t, 3, 11, "十一、其他重要事项的情况说明");
    int n;
    int64_t ac = admin_cost(dx, &n);
    para(t, "（一）、机关运行经费情况");
    para(t, "%d 年机关运行经费 %s %s%s%s。", p->year, amt(dx, ac), unit_word(dx),
         change(dx, ac, ys_pkg_prior_find(p, "admin_cost", "")),
         reason(dx, "admin_cost", "主要原因是"));
    static const char *const cats[] = {"货物", "工程", "服务"};
    int64_t proc = 0, by[3] = {0, 0, 0};
    bool split = false;
    for (size_t i = 0; i < p->nitems; i++) {
        const ys_pkg_item *it = &p->items[i];
        if (strcmp(it->kind, "procurement"))
            continue;
        proc += it->fen;
        for (int c = 0; c < 3; c++)
            if (!strcmp(it->category, cats[c])) {
                by[c] += it->fen;
                split = true;
            }
    }
    proc = ys_dx_round(dx, proc);
    char parts[256] = "";
    if (split) {
        const char *u = unit_word(dx);
        snprintf(parts, sizeof parts, "其中：货物类 %s %s，工程类 %s %s，服务类 %s %s。",
                 amt(dx, ys_dx_round(dx, by[0])), u, amt(dx, ys_dx_round(dx, by[1])), u,
                 amt(dx, ys_dx_round(dx, by[2])), u);
    }
    para(t, "（二）、政府采购预算情况");
    para(t, "%d 年政府采购预算支出合计 %s %s%s%s。%s", p->year, amt(dx, proc), unit_word(dx),
         change(dx, proc, ys_pkg_prior_find(p, "procurement.total", "")),
         reason(dx, "procurement.total", "主要原因是"), parts);
    static const struct { const char *key, *heading; } extra[] = {
        {"purchase_service", "（三）、政府购买服务预算情况"},
        {"assets", "（四）、国有资产占有使用情况"}};
    for (int i = 0; i < 2; i++) {
        const ys_pkg_text *x = ys_pkg_text_find(p, extra[i].key, NULL);
        if (x) {
            para(t, "%s", extra[i].heading);
            para(t, "%s", x->text);
        }
    }
    const ys_pkg_text *pn = ys_pkg_text_find(p, "perf_note", NULL);
    para(t, "（五）、预算绩效管理情况");
    para(t, "%d 年，部门预算支出 %s %s全面实施预算绩效目标管理。%s", p->year,
         amt(dx, total_of(dx, 0, 0).shown), unit_word(dx), pn ? pn->text : "");
}

/* ---- part 4 -------------------------------------------------------------- */

static const char *const cn_ord[] = {"一", "二", "三", "四", "五", "六", "七", "八", "九",
                                     "十", "十一", "十二", "十三", "十四", "十五"};

static void part4(tx *t)
{
    ys_dx *dx = t->dx;
    const ys_package *p = dx->p;
    section(t, 4, 0, NULL);
    int n = 0;
    for (size_t i = 0; i < p->ntexts && n < 14; i++)
        if (!strcmp(p->texts[i].key, "glossary"))
            para(t, "（%s）%s", cn_ord[n++], p->texts[i].text);
    para(t, "（%s）本部门使用的主要支出功能分类科目包括：", cn_ord[n < 14 ? n : 14]);
    const ys_table *t3 = ys_tableset_find(dx->ts, "3");
    int k = 0;
    for (size_t i = 0; t3 && i < t3->nrows; i++) {
        const ys_row *r = &t3->rows[i];
        if (r->level != 3)
            continue;
        char lei[8], kuan[8];
        snprintf(lei, sizeof lei, "%.3s", r->code);
        snprintf(kuan, sizeof kuan, "%.5s", r->code);
        const ys_pkg_text *d = ys_pkg_text_find(p, "func_desc", r->code);
        para(t, "%d. %s（类）%s（款）%s（项）%s%s", ++k, code_name(dx, YS_CODE_FUNCTION, lei),
             code_name(dx, YS_CODE_FUNCTION, kuan), r->name, d ? "：" : "", d ? d->text : "");
    }
}

int ys_derive_text(ys_dx *dx, ys_error *err)
{
    tx t = {dx, 0, 0, NULL, YS_OK};
    part1(&t);
    s1_overall(&t);
    s2_income(&t);
    s3_spending(&t);
    s4_fiscal(&t);
    s5_gpb(&t);
    s6_basic(&t);
    s7_to_9(&t);
    s10_projects(&t);
    s11_other(&t);
    part4(&t);
    if (t.rc != YS_OK)
        return ys_error_set(err, t.rc, dx->p->path, 0, "内存不足");
    return YS_OK;
}
