/*
 * derive_tables.c — tables 1–10 of the national layout from the lines.
 * Owns: the layout of each table (row order, names, keys, levels, kinds
 * per docs/tableset.md) and which lines each cell sums.
 * Promise: a parent row shows the figure of the same selection as its
 * children, so under balanced rounding it equals their sum exactly.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "derive_internal.h"
#include "yusuan/codes.h"

#define OOM(dx, err) ys_error_set(err, YS_ENOMEM, (dx)->p->path, 0, "内存不足")

/* The 25 expenditure rows (function 类) of tables 1 and 4, in order. */
static const struct { const char *code, *name; } out_classes[] = {
    {"201", "一般公共服务支出"}, {"203", "国防支出"}, {"204", "公共安全支出"},
    {"205", "教育支出"}, {"206", "科学技术支出"}, {"207", "文化旅游体育与传媒支出"},
    {"208", "社会保障和就业支出"}, {"210", "卫生健康支出"}, {"211", "节能环保支出"},
    {"212", "城乡社区支出"}, {"213", "农林水支出"}, {"214", "交通运输支出"},
    {"215", "资源勘探工业信息等支出"}, {"216", "商业服务业等支出"}, {"217", "金融支出"},
    {"219", "援助其他地区支出"}, {"220", "自然资源海洋气象等支出"}, {"221", "住房保障支出"},
    {"222", "粮油物资储备支出"}, {"223", "国有资本经营预算支出"},
    {"224", "灾害防治及应急管理支出"}, {"229", "其他支出"}, {"231", "债务还本支出"},
    {"232", "债务付息支出"}, {"233", "债务发行费用支出"}};
#define N_CLASSES (sizeof out_classes / sizeof *out_classes)

static const char *const cn_num[] = {
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三",
    "十四", "十五", "十六", "十七", "十八", "十九", "二十", "廿一", "廿二", "廿三", "廿四",
    "廿五"};

/* Add a keyed row; NULL when out of memory. */
static ys_row *keyed(ys_dx *dx, ys_table *t, const char *key, const char *code,
                     const char *name, ys_row_kind kind)
{
    ys_row *r = ys_table_add_row(dx->ts, t, code ? code : "", name, 0);
    if (r) {
        r->key = ys_ts_str(dx->ts, key, (size_t)-1);
        r->kind = kind;
    }
    return r;
}

static ys_sum sel_sum(const ys_dx *dx, const char *func, unsigned kinds, unsigned sources)
{
    ys_sel s = {func, NULL, NULL, NULL, kinds, sources};
    return ys_dx_sum(dx, &s);
}

/* ---- tables 1 and 4: two-sided, keyed rows ---------------------------- */

typedef struct in_row { const char *key, *name; unsigned sources; } in_row;

static int add_in_rows(ys_dx *dx, ys_table *t, const in_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        ys_row_kind k = strstr(rows[i].key, "total") ? YS_ROW_TOTAL : YS_ROW_ITEM;
        ys_row *r = keyed(dx, t, rows[i].key, NULL, rows[i].name, k);
        if (!r)
            return YS_ENOMEM;
        ys_sum s = sel_sum(dx, NULL, 0, rows[i].sources);
        if (!strcmp(rows[i].key, "in.grand_total") || !strcmp(rows[i].key, "in.year_total"))
            ys_dx_cell_v(dx, t, r, "amount", s.shown);
        else
            ys_dx_cell(dx, t, r, "amount", s);
    }
    return YS_OK;
}

/* The expenditure side: one row per 类 and the closing rows. */
static int add_out_rows(ys_dx *dx, ys_table *t, unsigned sources, bool paren,
                        const char *year_name, const char *carry_name)
{
    ys_row *r;
    if (paren) {   /* table 4 opens with its 本年支出 row */
        if (!(r = keyed(dx, t, "out.year_total", NULL, year_name, YS_ROW_TOTAL)))
            return YS_ENOMEM;
        ys_dx_cell_v(dx, t, r, "amount", sel_sum(dx, NULL, 0, sources).shown);
    }
    for (size_t i = 0; i < N_CLASSES; i++) {
        char name[128];
        snprintf(name, sizeof name, paren ? "（%s）%s" : "%s、%s", cn_num[i], out_classes[i].name);
        if (!(r = keyed(dx, t, "out.class", out_classes[i].code, name, YS_ROW_ITEM)))
            return YS_ENOMEM;
        r->level = 1;
        ys_dx_cell(dx, t, r, "amount", sel_sum(dx, out_classes[i].code, 0, sources));
    }
    if (!paren) {
        if (!(r = keyed(dx, t, "out.year_total", NULL, year_name, YS_ROW_TOTAL)))
            return YS_ENOMEM;
        ys_dx_cell_v(dx, t, r, "amount", sel_sum(dx, NULL, 0, sources).shown);
    }
    if (!keyed(dx, t, "out.carry_forward", NULL, carry_name, YS_ROW_ITEM))
        return YS_ENOMEM;
    if (!(r = keyed(dx, t, "out.grand_total", NULL, "支出总计", YS_ROW_TOTAL)))
        return YS_ENOMEM;
    ys_dx_cell_v(dx, t, r, "amount", sel_sum(dx, NULL, 0, sources).shown);
    return YS_OK;
}

static int table1(ys_dx *dx)
{
    static const char *const cols[] = {"amount"};
    ys_table *t = ys_tableset_add(dx->ts, "1", "部门收支总表", cols, 1);
    if (!t)
        return YS_ENOMEM;
    unsigned yr = ys_dx_year_sources(), carry = ys_dx_carry_sources();
    const in_row rows[] = {
        {"in.gpb", "一、一般公共预算拨款收入", ys_dx_src("gpb")},
        {"in.gov_fund", "二、政府性基金预算拨款收入", ys_dx_src("gov_fund")},
        {"in.soe", "三、国有资本经营预算拨款收入", ys_dx_src("soe")},
        {"in.special_acct", "四、财政专户管理资金收入", ys_dx_src("special_acct")},
        {"in.business", "五、事业收入", ys_dx_src("business")},
        {"in.operating", "六、事业单位经营收入", ys_dx_src("operating")},
        {"in.upper", "七、上级补助收入", ys_dx_src("upper")},
        {"in.affiliated", "八、附属单位上缴收入", ys_dx_src("affiliated")},
        {"in.other", "九、其他收入", ys_dx_src("other") | ys_dx_src("unit_funds")},
        {"in.year_total", "本年收入合计", yr},
        {"in.carry_total", "上年结转结余", carry},
        {"in.grand_total", "收入总计", yr | carry}};
    int rc = add_in_rows(dx, t, rows, sizeof rows / sizeof *rows);
    return rc ? rc : add_out_rows(dx, t, 0, false, "本年支出合计", "年终结转结余");
}

static int table4(ys_dx *dx)
{
    static const char *const cols[] = {"amount"};
    ys_table *t = ys_tableset_add(dx->ts, "4", "财政拨款收支总表", cols, 1);
    if (!t)
        return YS_ENOMEM;
    unsigned yr = ys_dx_src("gpb") | ys_dx_src("gov_fund") | ys_dx_src("soe");
    unsigned carry = ys_dx_src("carry.gpb") | ys_dx_src("carry.gov_fund") | ys_dx_src("carry.soe");
    const in_row rows[] = {
        {"in.year_total", "一、本年收入", yr},
        {"in.gpb", "（一）一般公共预算拨款", ys_dx_src("gpb")},
        {"in.gov_fund", "（二）政府性基金预算拨款", ys_dx_src("gov_fund")},
        {"in.soe", "（三）国有资本经营预算拨款", ys_dx_src("soe")},
        {"in.carry_total", "二、上年结转", carry},
        {"in.carry.gpb", "（一）一般公共预算拨款", ys_dx_src("carry.gpb")},
        {"in.carry.gov_fund", "（二）政府性基金预算拨款", ys_dx_src("carry.gov_fund")},
        {"in.carry.soe", "（三）国有资本经营预算拨款", ys_dx_src("carry.soe")},
        {"in.grand_total", "收入总计", yr | carry}};
    int rc = add_in_rows(dx, t, rows, sizeof rows / sizeof *rows);
    return rc ? rc : add_out_rows(dx, t, yr | carry, true, "一、本年支出", "二、年终结转结余");
}

/* ---- function-code trees: tables 3, 5-1, 8, 9 --------------------------- */

typedef struct colsel { const char *col; unsigned kinds; } colsel;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Distinct codes (func or econ) of the lines with these sources and kinds,
 * sorted.  Caller frees the array (strings belong to the package). */
static const char **leaf_codes(const ys_dx *dx, bool econ, unsigned sources,
                               unsigned kinds, size_t *n)
{
    const ys_package *p = dx->p;
    const char **v = malloc((p->nlines + 1) * sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < p->nlines; i++) {
        const ys_pkg_line *l = &p->lines[i];
        int si = ys_source_index(l->source);
        if (si < 0 || !(sources & YS_S(si)) || (kinds && !(kinds & YS_K(l->kind))))
            continue;
        v[(*n)++] = econ ? l->econ : l->func;
    }
    qsort(v, *n, sizeof *v, cmp_str);
    size_t k = 0;
    for (size_t i = 0; i < *n; i++)
        if (k == 0 || strcmp(v[k - 1], v[i]))
            v[k++] = v[i];
    *n = k;
    return v;
}

static const char *code_name(const ys_dx *dx, ys_codekind kind, const char *code)
{
    const ys_code *c = ys_code_find(kind, code, dx->p->year);
    return c ? c->name : code;
}

static int fill_code_row(ys_dx *dx, ys_table *t, bool econ, const char *code, int level,
                         unsigned sources, const colsel *cs, int ncs)
{
    ys_row *r = ys_table_add_row(dx->ts, t, code,
                                 code_name(dx, econ ? YS_CODE_ECON : YS_CODE_FUNCTION, code), 0);
    if (!r)
        return YS_ENOMEM;
    r->level = level;
    for (int c = 0; c < ncs; c++) {
        ys_sel s = {econ ? NULL : code, econ ? code : NULL, NULL, NULL, cs[c].kinds, sources};
        ys_dx_cell(dx, t, r, cs[c].col, ys_dx_sum(dx, &s));
    }
    return YS_OK;
}

/* 合计 and the code tree (类 / 款 / 项 or 类 / 款) of the selected lines. */
static int code_tree(ys_dx *dx, ys_table *t, bool econ, unsigned sources,
                     unsigned kinds, const colsel *cs, int ncs)
{
    ys_row *r = ys_table_add_row(dx->ts, t, "", "合计", 0);
    if (!r)
        return YS_ENOMEM;
    r->kind = YS_ROW_TOTAL;
    for (int c = 0; c < ncs; c++)
        ys_dx_cell(dx, t, r, cs[c].col, sel_sum(dx, NULL, cs[c].kinds, sources));
    size_t n;
    const char **v = leaf_codes(dx, econ, sources, kinds, &n);
    if (!v)
        return YS_ENOMEM;
    static const size_t fun_len[] = {3, 5, 7}, econ_len[] = {3, 5};
    const size_t *lens = econ ? econ_len : fun_len;
    int levels = econ ? 2 : 3, rc = YS_OK;
    for (size_t i = 0; i < n && rc == YS_OK; i++) {
        for (int lv = 0; lv < levels && rc == YS_OK; lv++) {
            size_t len = lens[lv];
            if (strlen(v[i]) < len)
                break;
            if (i > 0 && strlen(v[i - 1]) >= len && !strncmp(v[i - 1], v[i], len) &&
                lv < levels - 1)
                continue;   /* this parent was written with an earlier leaf */
            char code[16];
            snprintf(code, sizeof code, "%.*s", (int)len, v[i]);
            rc = fill_code_row(dx, t, econ, ys_ts_str(dx->ts, code, (size_t)-1), lv + 1,
                               sources, cs, ncs);
        }
    }
    free(v);
    return rc;
}

static int table3(ys_dx *dx)
{
    static const char *const cols[] = {"total", "basic", "project", "operating", "upper", "subsidy"};
    const colsel cs[] = {{"total", 0}, {"basic", YS_K_BASIC},
                         {"project", YS_K(YS_LK_PROJECT)}, {"operating", YS_K(YS_LK_OPERATING)},
                         {"upper", YS_K(YS_LK_UPPER)}, {"subsidy", YS_K(YS_LK_SUBSIDY)}};
    ys_table *t = ys_tableset_add(dx->ts, "3", "部门支出总表", cols, 6);
    return t ? code_tree(dx, t, false, (1u << YS_SRC_COUNT) - 1, 0, cs, 6) : YS_ENOMEM;
}

static const colsel gpb_cols[] = {{"total", 0}, {"basic", YS_K_BASIC},
                                  {"personnel", YS_K(YS_LK_PERSONNEL)},
                                  {"public", YS_K(YS_LK_PUBLIC)},
                                  {"project", YS_K(YS_LK_PROJECT)}};
static const char *const gpb_col_names[] = {"total", "basic", "personnel", "public", "project"};

static int table5_1(ys_dx *dx)
{
    ys_table *t = ys_tableset_add(dx->ts, "5-1", "一般公共预算支出表（分功能科目）",
                                  gpb_col_names, 5);
    return t ? code_tree(dx, t, false, ys_dx_src("gpb"), 0, gpb_cols, 5) : YS_ENOMEM;
}

static int table6(ys_dx *dx)
{
    static const char *const cols[] = {"total", "personnel", "public"};
    const colsel cs[] = {{"total", YS_K_BASIC}, {"personnel", YS_K(YS_LK_PERSONNEL)},
                         {"public", YS_K(YS_LK_PUBLIC)}};
    ys_table *t = ys_tableset_add(dx->ts, "6", "一般公共预算基本支出表", cols, 3);
    return t ? code_tree(dx, t, true, ys_dx_src("gpb"), YS_K_BASIC, cs, 3) : YS_ENOMEM;
}

static int fund_table(ys_dx *dx, const char *id, const char *title, const char *src,
                      const char *what)
{
    static const char *const cols[] = {"total", "basic", "project"};
    const colsel cs[] = {{"total", 0}, {"basic", YS_K_BASIC}, {"project", YS_K(YS_LK_PROJECT)}};
    ys_table *t = ys_tableset_add(dx->ts, id, title, cols, 3);
    if (!t)
        return YS_ENOMEM;
    if (sel_sum(dx, NULL, 0, ys_dx_src(src)).n == 0) {
        char note[256];
        snprintf(note, sizeof note, "备注：%d年没有使用%s预算拨款安排的支出", dx->p->year, what);
        t->note = ys_ts_str(dx->ts, note, (size_t)-1);
        return t->note ? YS_OK : YS_ENOMEM;
    }
    return code_tree(dx, t, false, ys_dx_src(src), 0, cs, 3);
}

/* ---- unit tables: 2 and 5-2 --------------------------------------------- */

typedef struct unitcol { const char *col; unsigned kinds, sources; } unitcol;

static int unit_rows(ys_dx *dx, ys_table *t, const unitcol *uc, int n)
{
    const ys_package *p = dx->p;
    for (size_t u = 0; u < p->nunits + 2; u++) {
        ys_row *r;
        const char *unit = NULL;
        if (u == 0) {
            r = ys_table_add_row(dx->ts, t, "", "合计", 0);
            if (r)
                r->kind = YS_ROW_TOTAL;
        } else if (u == 1) {
            r = ys_table_add_row(dx->ts, t, p->dept_code, p->group_name, 0);
            if (r) {
                r->kind = YS_ROW_GROUP;
                r->level = 1;
            }
        } else {
            unit = p->units[u - 2].code;
            r = ys_table_add_row(dx->ts, t, unit, p->units[u - 2].name, 0);
            if (r)
                r->level = 2;
        }
        if (!r)
            return YS_ENOMEM;
        for (int c = 0; c < n; c++) {
            ys_sel s = {NULL, NULL, unit, NULL, uc[c].kinds, uc[c].sources};
            ys_dx_cell(dx, t, r, uc[c].col, ys_dx_sum(dx, &s));
        }
    }
    return YS_OK;
}

static int table2(ys_dx *dx)
{
    static const char *const cols[] = {
        "total", "year.subtotal", "year.gpb", "year.gov_fund", "year.soe",
        "year.special_acct", "year.business", "year.operating", "year.upper",
        "year.affiliated", "year.other", "carry.subtotal", "carry.gpb", "carry.gov_fund",
        "carry.soe", "carry.special_acct", "carry.unit_funds"};
    ys_table *t = ys_tableset_add(dx->ts, "2", "部门收入总表", cols, 17);
    if (!t)
        return YS_ENOMEM;
    unitcol uc[17];
    for (int c = 0; c < 17; c++) {
        const char *k = cols[c];
        uc[c].col = k;
        uc[c].kinds = 0;
        if (!strcmp(k, "total"))
            uc[c].sources = ys_dx_year_sources() | ys_dx_carry_sources();
        else if (!strcmp(k, "year.subtotal"))
            uc[c].sources = ys_dx_year_sources();
        else if (!strcmp(k, "carry.subtotal"))
            uc[c].sources = ys_dx_carry_sources();
        else if (!strcmp(k, "year.other"))
            uc[c].sources = ys_dx_src("other") | ys_dx_src("unit_funds");
        else
            uc[c].sources = ys_dx_src(strncmp(k, "year.", 5) ? k : k + 5);
    }
    return unit_rows(dx, t, uc, 17);
}

static int table5_2(ys_dx *dx)
{
    ys_table *t = ys_tableset_add(dx->ts, "5-2", "一般公共预算支出表（分单位）",
                                  gpb_col_names, 5);
    if (!t)
        return YS_ENOMEM;
    unitcol uc[5];
    for (int c = 0; c < 5; c++) {
        uc[c].col = gpb_cols[c].col;
        uc[c].kinds = gpb_cols[c].kinds;
        uc[c].sources = ys_dx_src("gpb");
    }
    return unit_rows(dx, t, uc, 5);
}

/* ---- table 7: 三公 ------------------------------------------------------- */

static int64_t three(const ys_dx *dx, const char *item, bool *any)
{
    int64_t s = 0;
    for (size_t i = 0; i < dx->p->nthree; i++)
        if (!strcmp(dx->p->three[i].item, item) ||
            (!strcmp(item, "car.subtotal") && !strncmp(dx->p->three[i].item, "car.", 4)) ||
            !strcmp(item, "total")) {
            s += dx->p->three[i].fen;
            *any = *any || dx->p->three[i].fen != 0;
        }
    return s;
}

static int table7(ys_dx *dx)
{
    static const char *const cols[] = {"total", "abroad", "car.subtotal", "car.purchase",
                                       "car.operation", "reception"};
    ys_table *t = ys_tableset_add(dx->ts, "7", "“三公”经费支出表", cols, 6);
    if (!t)
        return YS_ENOMEM;
    bool any = false;
    three(dx, "total", &any);
    if (!any) {
        char note[256];
        snprintf(note, sizeof note, "备注：%d年没有一般公共预算“三公”经费支出安排。", dx->p->year);
        t->note = ys_ts_str(dx->ts, note, (size_t)-1);
        return t->note ? YS_OK : YS_ENOMEM;
    }
    ys_row *r = ys_table_add_row(dx->ts, t, "", "“三公”经费", 0);
    if (!r)
        return YS_ENOMEM;
    /* shown parts first, totals as their sums, so the table adds up */
    int64_t v[6];
    for (int c = 2; c < 6; c++) {
        bool a = false;
        v[c] = ys_dx_round(dx, three(dx, cols[c], &a));
    }
    bool a = false;
    v[1] = ys_dx_round(dx, three(dx, "abroad", &a));
    v[2] = v[3] + v[4];
    v[0] = v[1] + v[2] + v[5];
    for (int c = 0; c < 6; c++)
        if (v[c])
            ys_dx_cell_v(dx, t, r, cols[c], v[c]);
    return YS_OK;
}

/* ---- table 10: projects ------------------------------------------------ */

static const struct { const char *col, *sources[3]; } t10_cols[] = {
    {"total", {NULL}}, {"year.gpb", {"gpb"}}, {"year.gov_fund", {"gov_fund"}},
    {"year.soe", {"soe"}}, {"carry.gpb", {"carry.gpb"}},
    {"carry.gov_fund", {"carry.gov_fund"}}, {"carry.soe", {"carry.soe"}},
    {"special_acct", {"special_acct", "carry.special_acct"}},
    {"unit_funds", {"unit_funds", "carry.unit_funds", "other"}}};
#define N_T10 (sizeof t10_cols / sizeof *t10_cols)

/* Fill a table-10 row with the project lines of (unit, category, project). */
static int t10_row(ys_dx *dx, ys_table *t, const char *code, const char *name, int level,
                   ys_row_kind kind, const char *unit, const char *cat, const char *proj)
{
    ys_row *r = ys_table_add_row(dx->ts, t, code, name, 0);
    if (!r)
        return YS_ENOMEM;
    r->level = level;
    r->kind = kind;
    if (proj) {
        const ys_pkg_unit *u = ys_pkg_unit_find(dx->p, unit);
        r->extra = ys_ts_str(dx->ts, u ? u->name : unit, (size_t)-1);
    }
    for (size_t c = 0; c < N_T10; c++) {
        unsigned src = 0;
        for (int k = 0; k < 3 && t10_cols[c].sources[k]; k++)
            src |= ys_dx_src(t10_cols[c].sources[k]);
        if (!t10_cols[c].sources[0])
            src = (1u << YS_SRC_COUNT) - 1;
        ys_sum s = {0, 0, 0};
        for (size_t i = 0; i < dx->p->nprojects; i++) {
            const ys_pkg_project *x = &dx->p->projects[i];
            if ((unit && strcmp(x->unit, unit)) || (cat && strcmp(x->category_code, cat)) ||
                (proj && strcmp(x->code, proj)))
                continue;
            ys_sel sl = {NULL, NULL, NULL, x->code, YS_K(YS_LK_PROJECT), src};
            ys_sum one = ys_dx_sum(dx, &sl);
            s.exact += one.exact;
            s.n += one.n;
            s.shown += one.shown;   /* balanced: exact sum of shares */
        }
        if (dx->mode != YS_ROUND_BALANCED)
            s.shown = ys_dx_round(dx, s.exact);
        ys_dx_cell(dx, t, r, t10_cols[c].col, s);
    }
    return YS_OK;
}

static bool seen_before(const ys_package *p, size_t i, const char *unit, bool by_cat)
{
    for (size_t j = 0; j < i; j++)
        if (!strcmp(p->projects[j].unit, unit) &&
            (!by_cat || !strcmp(p->projects[j].category_code, p->projects[i].category_code)))
            return true;
    return false;
}

static int table10(ys_dx *dx)
{
    const char *cols[N_T10];
    for (size_t c = 0; c < N_T10; c++)
        cols[c] = t10_cols[c].col;
    ys_table *t = ys_tableset_add(dx->ts, "10", "项目支出表", cols, (int)N_T10);
    if (!t)
        return YS_ENOMEM;
    const ys_package *p = dx->p;
    int rc = t10_row(dx, t, "", "合计", 0, YS_ROW_TOTAL, NULL, NULL, NULL);
    if (rc == YS_OK)
        rc = t10_row(dx, t, p->dept_code, p->group_name, 1, YS_ROW_GROUP, NULL, NULL, NULL);
    for (size_t i = 0; i < p->nprojects && rc == YS_OK; i++) {
        const ys_pkg_project *x = &p->projects[i];
        if (seen_before(p, i, x->unit, false))
            continue;
        const ys_pkg_unit *u = ys_pkg_unit_find(p, x->unit);
        rc = t10_row(dx, t, x->unit, u ? u->name : x->unit, 2, YS_ROW_GROUP, x->unit, NULL, NULL);
        for (size_t k = i; k < p->nprojects && rc == YS_OK; k++) {
            const ys_pkg_project *y = &p->projects[k];
            if (strcmp(y->unit, x->unit) || seen_before(p, k, y->unit, true))
                continue;
            rc = t10_row(dx, t, y->category_code, y->category, 3, YS_ROW_GROUP, y->unit,
                         y->category_code, NULL);
            for (size_t m = k; m < p->nprojects && rc == YS_OK; m++) {
                const ys_pkg_project *z = &p->projects[m];
                if (!strcmp(z->unit, y->unit) && !strcmp(z->category_code, y->category_code))
                    rc = t10_row(dx, t, z->code, z->name, 4, YS_ROW_ITEM, z->unit,
                                 z->category_code, z->code);
            }
        }
    }
    return rc;
}

int ys_derive_tables(ys_dx *dx, ys_error *err)
{
    int rc = table1(dx);
    if (rc == YS_OK) rc = table2(dx);
    if (rc == YS_OK) rc = table3(dx);
    if (rc == YS_OK) rc = table4(dx);
    if (rc == YS_OK) rc = table5_1(dx);
    if (rc == YS_OK) rc = table5_2(dx);
    if (rc == YS_OK) rc = table6(dx);
    if (rc == YS_OK) rc = table7(dx);
    if (rc == YS_OK)
        rc = fund_table(dx, "8", "政府性基金预算支出表", "gov_fund", "政府性基金");
    if (rc == YS_OK)
        rc = fund_table(dx, "9", "国有资本经营预算支出表", "soe", "国有资本经营");
    if (rc == YS_OK) rc = table10(dx);
    return rc == YS_OK ? YS_OK : OOM(dx, err);
}
