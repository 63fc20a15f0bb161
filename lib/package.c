/*
 * package.c — reads a budget package (a folder with one CSV per sheet, or
 * one .xlsx workbook through package_xlsx.c) into the typed records of
 * lib/package.h.
 * Owns: which sheets and columns a package has (the table `specs`), how a
 * cell becomes a typed value.  Promise: a package that reads is complete —
 * every required sheet and column is there and every amount parsed exactly;
 * otherwise YS_EINPUT located at FILE:LINE and nothing is returned.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "package.h"
#include "yusuan/fileio.h"
#include "text.h"

const char *const ys_pkg_sheet_names[YS_SH_COUNT] = {
    "meta", "units", "lines", "prior", "projects", "project_items",
    "three_public", "texts", "indicators"};

/* Which sheets must exist and which columns each must have. */
static const struct sheet_spec {
    int sheet;
    bool required;
    const char *cols[8];
} specs[] = {
    {YS_SH_META, true, {"key", "value"}},
    {YS_SH_UNITS, true, {"code", "name", "kind", "is_base"}},
    {YS_SH_LINES, true, {"unit", "function", "economic", "kind", "project", "source", "amount"}},
    {YS_SH_PRIOR, true, {"item", "code", "amount"}},
    {YS_SH_PROJECTS, true, {"code", "name", "unit", "category", "category_code"}},
    {YS_SH_ITEMS, true, {"project", "kind", "name", "amount"}},
    {YS_SH_THREE, false, {"item", "amount"}},
    {YS_SH_TEXTS, true, {"key", "code", "text"}},
    {YS_SH_IND, false, {"table", "goal", "term", "l1", "l2", "l3", "target"}},
};

typedef struct reader {
    ys_package *p;
    ys_sheet sh[YS_SH_COUNT];
    bool present[YS_SH_COUNT];
    ys_error *err;
} reader;

/* A located input error at row `line` (and column `col`, -1 for the row). */
static int fail(reader *rd, int s, int line, int col, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

static int fail(reader *rd, int s, int line, int col, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    const ys_package *p = rd->p;
    if (!p->xlsx)
        return ys_error_set(rd->err, YS_EINPUT, p->file[s], line, "%s", msg);
    char where[64];
    if (line > 0)
        snprintf(where, sizeof where, "%s!%c%d", ys_pkg_sheet_names[s],
                 'A' + (col > 0 && col < 26 ? col : 0), line);
    else
        snprintf(where, sizeof where, "%s", ys_pkg_sheet_names[s]);
    return ys_error_setw(rd->err, YS_EINPUT, p->path, where, "%s", msg);
}

void ys_pkg_where(const ys_package *p, int s, int line, char *buf, size_t cap)
{
    if (p->xlsx && line > 0)
        snprintf(buf, cap, "%s:%s!A%d", p->path, ys_pkg_sheet_names[s], line);
    else if (p->xlsx)
        snprintf(buf, cap, "%s:%s", p->path, ys_pkg_sheet_names[s]);
    else if (line > 0)
        snprintf(buf, cap, "%s:%d", p->file[s], line);
    else
        snprintf(buf, cap, "%s", p->file[s]);
}

static const char *cell(const ys_sheet *sh, const ys_sheet_row *r, const char *col)
{
    int j = ys_sheet_col(sh, col);
    return j < 0 ? "" : r->cells[j];
}

static int read_sheet_file(reader *rd, int s)
{
    ys_package *p = rd->p;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s.csv", p->path, ys_pkg_sheet_names[s]);
    FILE *f = fopen(path, "rb");
    if (!f)
        return YS_OK;   /* absence is judged against the spec */
    ys_buf b = {0};
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
        ys_buf_put(&b, chunk, k);
    int bad = ferror(f);
    fclose(f);
    int rc;
    if (b.oom)
        rc = ys_error_set(rd->err, YS_ENOMEM, p->file[s], 0, "内存不足");
    else if (bad)
        rc = ys_error_set(rd->err, YS_EIO, p->file[s], 0, "读取失败");
    else
        rc = ys_csv_parse(p->file[s], b.p ? b.p : "", b.n, p->arena, &rd->sh[s], rd->err);
    ys_buf_free(&b);
    if (rc == YS_OK)
        rd->present[s] = true;
    return rc;
}

static int check_spec(reader *rd, const struct sheet_spec *sp)
{
    if (!rd->present[sp->sheet])
        return sp->required ? fail(rd, sp->sheet, 0, -1,
                                           "缺少工作表 %s（文件不存在）",
                                           ys_pkg_sheet_names[sp->sheet])
                            : YS_OK;
    for (int c = 0; c < 8 && sp->cols[c]; c++)
        if (ys_sheet_col(&rd->sh[sp->sheet], sp->cols[c]) < 0)
            return fail(rd, sp->sheet, 1, -1, "表头缺少列 %s",
                                sp->cols[c]);
    return YS_OK;
}

/* Digits written after the decimal point (a 元 amount has at most two). */
static int decimals(const char *v)
{
    const char *dot = strrchr(v, '.');
    int n = 0;
    while (dot && dot[1 + n] >= '0' && dot[1 + n] <= '9')
        n++;
    return n;
}

/* An amount in 元 with at most two decimals; blank allowed when !need. */
static int parse_yuan(reader *rd, int s, const ys_sheet_row *r, const char *col,
                      bool need, int64_t *fen, bool *present)
{
    const char *v = cell(&rd->sh[s], r, col);
    ys_amount a;
    if (ys_amount_parse(v, strlen(v), YS_UNIT_YUAN, &a) != 0 ||
        decimals(v) > 2)
        return fail(rd, s, r->line, ys_sheet_col(&rd->sh[s], col),
                            "%s 列“%s”不是金额（元，最多两位小数）", col, v);
    if (!a.present && need)
        return fail(rd, s, r->line, ys_sheet_col(&rd->sh[s], col), "%s 列缺少金额", col);
    *fen = a.present ? a.fen : 0;
    if (present)
        *present = a.present;
    return YS_OK;
}

static void *alloc_n(reader *rd, size_t n, size_t size)
{
    return n ? ys_arena_alloc(rd->p->arena, n * size) : NULL;
}

#define SH(s) (&rd->sh[s])
#define COL(s, r, c) cell(SH(s), r, c)

static int take_meta(reader *rd)
{
    ys_package *p = rd->p;
    const ys_sheet *sh = SH(YS_SH_META);
    p->meta = alloc_n(rd, sh->nrows, sizeof *p->meta);
    for (size_t i = 0; i < sh->nrows; i++) {
        const ys_sheet_row *r = &sh->rows[i];
        ys_pkg_meta m = {COL(YS_SH_META, r, "key"), COL(YS_SH_META, r, "value"), r->line};
        p->meta[p->nmeta++] = m;
    }
    p->department = ys_pkg_meta_get(p, "department");
    p->dept_code = ys_pkg_meta_get(p, "department_code");
    const char *y = ys_pkg_meta_get(p, "year");
    if (!p->department || !p->department[0] || !p->dept_code || !y)
        return fail(rd, YS_SH_META, 0, -1,
                            "meta 必须给出 department、department_code 和 year");
    char *end;
    long yr = strtol(y, &end, 10);
    if (*end || yr < 1990 || yr > 2200)
        return fail(rd, YS_SH_META, 0, -1,
                            "year“%s”不是预算年度", y);
    p->year = (int)yr;
    p->group_name = ys_pkg_meta_get(p, "group_name");
    if (!p->group_name || !p->group_name[0])
        p->group_name = p->department;
    const char *u = ys_pkg_meta_get(p, "unit");
    p->unit = u && strcmp(u, "元") == 0 ? YS_UNIT_YUAN : YS_UNIT_WAN;
    return YS_OK;
}

static int take_units(reader *rd)
{
    ys_package *p = rd->p;
    const ys_sheet *sh = SH(YS_SH_UNITS);
    p->units = alloc_n(rd, sh->nrows, sizeof *p->units);
    for (size_t i = 0; i < sh->nrows; i++) {
        const ys_sheet_row *r = &sh->rows[i];
        const char *base = COL(YS_SH_UNITS, r, "is_base");
        ys_pkg_unit u = {COL(YS_SH_UNITS, r, "code"), COL(YS_SH_UNITS, r, "name"),
                         COL(YS_SH_UNITS, r, "kind"),
                         !strcmp(base, "1") || !strcmp(base, "yes") || !strcmp(base, "是"),
                         r->line};
        if (!u.code[0] || !u.name[0])
            return fail(rd, YS_SH_UNITS, r->line, -1,
                                "单位缺少 code 或 name");
        p->units[p->nunits++] = u;
    }
    return YS_OK;
}

static int take_lines(reader *rd)
{
    ys_package *p = rd->p;
    const ys_sheet *sh = SH(YS_SH_LINES);
    p->lines = alloc_n(rd, sh->nrows, sizeof *p->lines);
    for (size_t i = 0; i < sh->nrows; i++) {
        const ys_sheet_row *r = &sh->rows[i];
        ys_pkg_line l = {COL(YS_SH_LINES, r, "unit"), COL(YS_SH_LINES, r, "function"),
                         COL(YS_SH_LINES, r, "economic"), COL(YS_SH_LINES, r, "project"),
                         COL(YS_SH_LINES, r, "source"), COL(YS_SH_LINES, r, "function_name"),
                         COL(YS_SH_LINES, r, "economic_name"), 0, 0, r->line};
        int k = ys_line_kind_parse(COL(YS_SH_LINES, r, "kind"));
        if (k < 0)
            return fail(rd, YS_SH_LINES, r->line, -1,
                                "kind“%s”不是 人员经费/公用经费/项目/经营支出/上缴上级/对附属单位补助",
                                COL(YS_SH_LINES, r, "kind"));
        l.kind = (ys_line_kind)k;
        if (!l.source[0])
            l.source = "gpb";
        int rc = parse_yuan(rd, YS_SH_LINES, r, "amount", true, &l.fen, NULL);
        if (rc)
            return rc;
        p->lines[p->nlines++] = l;
    }
    return YS_OK;
}

static int take_prior(reader *rd)
{
    ys_package *p = rd->p;
    const ys_sheet *sh = SH(YS_SH_PRIOR);
    p->prior = alloc_n(rd, sh->nrows, sizeof *p->prior);
    for (size_t i = 0; i < sh->nrows; i++) {
        const ys_sheet_row *r = &sh->rows[i];
        ys_pkg_prior x = {p->year - 1, COL(YS_SH_PRIOR, r, "item"),
                          COL(YS_SH_PRIOR, r, "code"), 0, r->line};
        const char *y = COL(YS_SH_PRIOR, r, "year");
        if (y[0])
            x.year = atoi(y);
        int rc = parse_yuan(rd, YS_SH_PRIOR, r, "amount", true, &x.fen, NULL);
        if (rc)
            return rc;
        p->prior[p->nprior++] = x;
    }
    return YS_OK;
}

static int take_projects(reader *rd)
{
    ys_package *p = rd->p;
    const ys_sheet *sh = SH(YS_SH_PROJECTS);
    p->projects = alloc_n(rd, sh->nrows, sizeof *p->projects);
    for (size_t i = 0; i < sh->nrows; i++) {
        const ys_sheet_row *r = &sh->rows[i];
        ys_pkg_project x = {COL(YS_SH_PROJECTS, r, "code"), COL(YS_SH_PROJECTS, r, "name"),
                            COL(YS_SH_PROJECTS, r, "unit"), COL(YS_SH_PROJECTS, r, "category"),
                            COL(YS_SH_PROJECTS, r, "category_code"),
                            COL(YS_SH_PROJECTS, r, "form_name"),
                            COL(YS_SH_PROJECTS, r, "perf_category"),
                            COL(YS_SH_PROJECTS, r, "purpose"), -1, r->line};
        if (!x.code[0] || !x.name[0])
            return fail(rd, YS_SH_PROJECTS, r->line, -1,
                                "项目缺少 code 或 name");
        if (!x.form_name[0])
            x.form_name = x.name;
        if (!x.perf_category[0])
            x.perf_category = x.category;
        bool has;
        int64_t t;
        int rc = parse_yuan(rd, YS_SH_PROJECTS, r, "total", false, &t, &has);
        if (rc)
            return rc;
        if (has)
            x.total = t;
        p->projects[p->nprojects++] = x;
    }
    return YS_OK;
}

static int take_items(reader *rd)
{
    ys_package *p = rd->p;
    const ys_sheet *sh = SH(YS_SH_ITEMS);
    p->items = alloc_n(rd, sh->nrows, sizeof *p->items);
    for (size_t i = 0; i < sh->nrows; i++) {
        const ys_sheet_row *r = &sh->rows[i];
        ys_pkg_item x = {COL(YS_SH_ITEMS, r, "project"), COL(YS_SH_ITEMS, r, "kind"),
                         COL(YS_SH_ITEMS, r, "name"), COL(YS_SH_ITEMS, r, "quantity"),
                         COL(YS_SH_ITEMS, r, "category"), 0, false, r->line};
        if (x.category[0] && strcmp(x.category, "货物") && strcmp(x.category, "工程") &&
            strcmp(x.category, "服务"))
            return fail(rd, YS_SH_ITEMS, r->line, ys_sheet_col(SH(YS_SH_ITEMS), "category"),
                        "category“%s”应为 货物、工程 或 服务", x.category);
        if (strcmp(x.kind, "detail") && strcmp(x.kind, "procurement") &&
            strcmp(x.kind, "source"))
            return fail(rd, YS_SH_ITEMS, r->line, -1,
                                "kind“%s”应为 detail、procurement 或 source", x.kind);
        int rc = parse_yuan(rd, YS_SH_ITEMS, r, "amount", false, &x.fen, &x.has_amount);
        if (rc)
            return rc;
        p->items[p->nitems++] = x;
    }
    return YS_OK;
}

static int take_three(reader *rd)
{
    ys_package *p = rd->p;
    if (!rd->present[YS_SH_THREE])
        return YS_OK;
    const ys_sheet *sh = SH(YS_SH_THREE);
    p->three = alloc_n(rd, sh->nrows, sizeof *p->three);
    for (size_t i = 0; i < sh->nrows; i++) {
        const ys_sheet_row *r = &sh->rows[i];
        ys_pkg_three x = {COL(YS_SH_THREE, r, "item"), 0, r->line};
        int rc = parse_yuan(rd, YS_SH_THREE, r, "amount", true, &x.fen, NULL);
        if (rc)
            return rc;
        p->three[p->nthree++] = x;
    }
    return YS_OK;
}

static int take_texts(reader *rd)
{
    ys_package *p = rd->p;
    const ys_sheet *sh = SH(YS_SH_TEXTS);
    p->texts = alloc_n(rd, sh->nrows, sizeof *p->texts);
    for (size_t i = 0; i < sh->nrows; i++) {
        const ys_sheet_row *r = &sh->rows[i];
        ys_pkg_text x = {COL(YS_SH_TEXTS, r, "key"), COL(YS_SH_TEXTS, r, "code"),
                         COL(YS_SH_TEXTS, r, "text"), r->line};
        p->texts[p->ntexts++] = x;
    }
    return YS_OK;
}

static int take_indicators(reader *rd)
{
    ys_package *p = rd->p;
    if (!rd->present[YS_SH_IND])
        return YS_OK;
    const ys_sheet *sh = SH(YS_SH_IND);
    p->ind = alloc_n(rd, sh->nrows, sizeof *p->ind);
    for (size_t i = 0; i < sh->nrows; i++) {
        const ys_sheet_row *r = &sh->rows[i];
        const char *term = COL(YS_SH_IND, r, "term");
        ys_pkg_ind x = {COL(YS_SH_IND, r, "table"), atoi(COL(YS_SH_IND, r, "goal")),
                        !strcmp(term, "annual"), COL(YS_SH_IND, r, "l1"),
                        COL(YS_SH_IND, r, "l2"), COL(YS_SH_IND, r, "l3"),
                        COL(YS_SH_IND, r, "target"), COL(YS_SH_IND, r, "prev2"),
                        COL(YS_SH_IND, r, "prev1"), COL(YS_SH_IND, r, "basis"), r->line};
        if (strcmp(term, "annual") && strcmp(term, "long"))
            return fail(rd, YS_SH_IND, r->line, -1,
                                "term“%s”应为 long 或 annual", term);
        p->ind[p->nind++] = x;
    }
    return YS_OK;
}

static int (*const takers[])(reader *) = {
    take_meta, take_units, take_lines, take_prior, take_projects,
    take_items, take_three, take_texts, take_indicators};

int ys_package_read(const char *path, ys_package **out, ys_error *err)
{
    *out = NULL;
    struct stat st;
    if (stat(path, &st) != 0)
        return ys_error_set(err, YS_EIO, path, 0, "找不到预算数据包");
    bool xlsx = S_ISREG(st.st_mode);
    if (!xlsx && !S_ISDIR(st.st_mode))
        return ys_error_set(err, YS_EIO, path, 0, "不是预算数据包（应为文件夹或 .xlsx 工作簿）");
    ys_package *p = calloc(1, sizeof *p);
    reader rd = {0};
    if (!p || !(p->arena = ys_arena_new()) || !(p->path = strdup(path))) {
        ys_package_free(p);
        return ys_error_set(err, YS_ENOMEM, path, 0, "内存不足");
    }
    p->xlsx = xlsx;
    rd.p = p;
    rd.err = err;
    int rc = YS_OK;
    for (int s = 0; s < YS_SH_COUNT; s++) {
        char name[4200];
        if (xlsx)
            snprintf(name, sizeof name, "%s", path);
        else
            snprintf(name, sizeof name, "%s/%s.csv", path, ys_pkg_sheet_names[s]);
        p->file[s] = ys_arena_strndup(p->arena, name, strlen(name));
        if (!xlsx && rc == YS_OK)
            rc = read_sheet_file(&rd, s);
    }
    if (xlsx)
        rc = ys_pkg_read_xlsx(p, rd.sh, rd.present, err);
    for (size_t i = 0; i < sizeof specs / sizeof *specs && rc == YS_OK; i++)
        rc = check_spec(&rd, &specs[i]);
    for (int s = 0; s < YS_SH_COUNT && rc == YS_OK; s++)
        rc = takers[s](&rd);
    if (rc != YS_OK) {
        ys_package_free(p);
        return rc;
    }
    *out = p;
    return YS_OK;
}

void ys_package_free(ys_package *p)
{
    if (!p)
        return;
    ys_arena_free(p->arena);
    free(p->path);
    free(p);
}
