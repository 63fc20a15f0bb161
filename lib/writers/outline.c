/*
 * writers/outline.c — the disclosure in reading order, as in the reference
 * document: title; 第一部分 概况 (part-1 paragraphs); 第二部分 预算表 (tables
 * 1–10 each with section heading, 表N, title, 部门/单位 lines, grid and
 * 备注; table 11's form; one form per project); 第三部分 情况说明; 第四部分
 * 名词解释.  Writers only style these blocks.
 * Promise: every table of the set appears once (tables of unknown id at the
 * end of part 2), every paragraph once, in the set's order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "writers/layout.h"
#include "vec.h"

static const char *const ORDER[] = {"1", "2", "3", "4", "5-1", "5-2", "6", "7", "8", "9",
                                    "10", NULL};

static ys_block *add(ys_outline *o, ys_bkind kind, int part, const char *text)
{
    if (ys_vec_reserve(&o->b, &o->cap, o->n, sizeof *o->b, 64) != 0)
        return NULL;
    ys_block *b = &o->b[o->n++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->part = part;
    b->text = text;
    return b;
}

static const char *fmt(ys_outline *o, const char *f, const char *a, const char *b)
{
    char buf[2048];
    snprintf(buf, sizeof buf, f, a ? a : "", b ? b : "");
    return ys_arena_strndup(o->arena, buf, strlen(buf));
}

/* Keep an id usable as a file and sheet name: no path or sheet-reserved
 * characters, at most 24 code points (Excel allows 31 in a sheet name). */
static void safe_id(const char *id, char *buf, size_t cap)
{
    size_t n = 0, points = 0;
    const unsigned char *s = (const unsigned char *)id;
    while (*s && points < 24) {
        size_t len = *s < 0x80 ? 1 : *s >= 0xF0 ? 4 : *s >= 0xE0 ? 3 : 2;
        if (n + len >= cap)
            break;
        for (size_t i = 1; i < len; i++)
            if ((s[i] & 0xC0) != 0x80)
                len = 0; /* broken UTF-8: stop here */
        if (!len)
            break;
        bool bad = len == 1 && (*s < 0x20 || strchr("/\\[]:*?'\"<>|", *s) != NULL);
        for (size_t i = 0; i < len; i++)
            buf[n++] = bad ? '_' : (char)s[i];
        s += len;
        points++;
    }
    buf[n] = 0;
}

void ys_table_short(const ys_tableset *ts, const ys_table *t, char *buf, size_t cap)
{
    if (strncmp(t->id, "12:", 3) != 0) {
        char id[128];
        safe_id(t->id, id, sizeof id);
        snprintf(buf, cap, "表%s", id);
        return;
    }
    int k = 0;
    for (size_t i = 0; i < ts->ntables; i++) {
        if (strncmp(ts->tables[i]->id, "12:", 3) == 0)
            k++;
        if (ts->tables[i] == t)
            break;
    }
    snprintf(buf, cap, "表12-%d", k);
}

static int add_grid(ys_outline *o, const ys_tableset *ts, const ys_table *t, ys_grid *g,
                    const char *title)
{
    char sn[64];
    ys_table_short(ts, t, sn, sizeof sn);
    ys_block *b = add(o, YS_B_GRID, 2, title);
    if (!b) {
        ys_grid_free(g);
        free(g);
        return YS_ENOMEM;
    }
    b->table = t;
    b->grid = g;
    b->sheet = ys_arena_strndup(o->arena, sn, strlen(sn));
    return YS_OK;
}

static int add_note(ys_outline *o, const ys_table *t)
{
    if (!t->note || !*t->note)
        return YS_OK;
    const char *text = strncmp(t->note, "备注", strlen("备注")) == 0
                           ? t->note
                           : fmt(o, "备注：%s%s", t->note, NULL);
    ys_block *b = add(o, YS_B_NOTE, 2, text);
    if (!b)
        return YS_ENOMEM;
    b->table = t;
    return YS_OK;
}

static int add_meta(ys_outline *o, const ys_tableset *ts, const ys_table *t,
                    const char *dept_fmt, const char *unit_fmt)
{
    ys_block *b = add(o, YS_B_META, 2, fmt(o, dept_fmt, ys_dept_name(ts), NULL));
    if (!b)
        return YS_ENOMEM;
    b->table = t;
    b = add(o, YS_B_META, 2, fmt(o, unit_fmt, ys_unit_name(t->unit), NULL));
    if (!b)
        return YS_ENOMEM;
    b->table = t;
    return YS_OK;
}

static int add_table(ys_outline *o, const ys_tableset *ts, const ys_table *t, bool grouping)
{
    const ys_tlayout *lay = ys_tlayout_find(t->id);
    const char *title = lay ? lay->title : (*t->title ? t->title : t->id);
    if (lay && lay->section && !add(o, YS_B_HEADING, 2, lay->section))
        return YS_ENOMEM;
    if (lay && lay->subsection && !add(o, YS_B_SUBHEADING, 2, lay->subsection))
        return YS_ENOMEM;
    ys_block *b = add(o, YS_B_LABEL, 2, fmt(o, "表%s%s", t->id, NULL));
    if (!b)
        return YS_ENOMEM;
    b->table = t;
    if (!(b = add(o, YS_B_TTITLE, 2, title)))
        return YS_ENOMEM;
    b->table = t;
    int rc = add_meta(o, ts, t, "部门：%s%s", "单位：%s%s");
    ys_grid *g = calloc(1, sizeof *g);
    if (rc != YS_OK || !g) {
        free(g);
        return YS_ENOMEM;
    }
    if (ys_grid_table(ts, t, grouping, g) != YS_OK) {
        ys_grid_free(g);
        free(g);
        return YS_ENOMEM;
    }
    rc = add_grid(o, ts, t, g, title);
    return rc == YS_OK ? add_note(o, t) : rc;
}

static bool has_form11(const ys_tableset *ts)
{
    if (ys_tableset_find(ts, "11") || ys_tableset_find(ts, "11.projects"))
        return true;
    for (size_t i = 0; i < ts->ngoals; i++)
        if (ts->goals[i].table_id && strcmp(ts->goals[i].table_id, "11") == 0)
            return true;
    return false;
}

static int add_form11(ys_outline *o, const ys_tableset *ts, bool grouping)
{
    const ys_table *t = ys_tableset_find(ts, "11");
    if (!t)
        t = ys_tableset_find(ts, "11.projects");
    if (!add(o, YS_B_HEADING, 2, "十一、整体支出绩效目标表"))
        return YS_ENOMEM;
    const char *title = "部门整体支出绩效目标申报表";
    ys_block *b = add(o, YS_B_TTITLE, 2, title);
    if (!b)
        return YS_ENOMEM;
    b->table = t;
    ys_grid *g = calloc(1, sizeof *g);
    if (!g)
        return YS_ENOMEM;
    if (ys_grid_form11(ts, grouping, g) != YS_OK) {
        ys_grid_free(g);
        free(g);
        return YS_ENOMEM;
    }
    if (!t) {
        /* goals without funds: the grid still needs a sheet name */
        ys_block *gb = add(o, YS_B_GRID, 2, title);
        if (!gb) {
            ys_grid_free(g);
            free(g);
            return YS_ENOMEM;
        }
        gb->grid = g;
        gb->sheet = "表11";
        return YS_OK;
    }
    return add_grid(o, ts, t, g, title);
}

static int add_form12(ys_outline *o, const ys_tableset *ts, const ys_table *t, bool grouping)
{
    const char *title = "项目资金绩效目标申报表";
    ys_block *b = add(o, YS_B_TTITLE, 2, title);
    if (!b)
        return YS_ENOMEM;
    b->table = t;
    if (add_meta(o, ts, t, "单位名称：%s%s", "资金单位：%s%s") != YS_OK)
        return YS_ENOMEM;
    ys_grid *g = calloc(1, sizeof *g);
    if (!g)
        return YS_ENOMEM;
    if (ys_grid_form12(ts, t, grouping, g) != YS_OK) {
        ys_grid_free(g);
        free(g);
        return YS_ENOMEM;
    }
    return add_grid(o, ts, t, g, title);
}

static bool known_id(const char *id)
{
    for (const char *const *k = ORDER; *k; k++)
        if (strcmp(*k, id) == 0)
            return true;
    return strcmp(id, "11") == 0 || strcmp(id, "11.projects") == 0 ||
           strncmp(id, "12:", 3) == 0;
}

static int add_part2(ys_outline *o, const ys_tableset *ts, bool grouping)
{
    for (const char *const *k = ORDER; *k; k++) {
        const ys_table *t = ys_tableset_find(ts, *k);
        if (t && add_table(o, ts, t, grouping) != YS_OK)
            return YS_ENOMEM;
    }
    if (has_form11(ts) && add_form11(o, ts, grouping) != YS_OK)
        return YS_ENOMEM;
    bool head = false;
    for (size_t i = 0; i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        if (strncmp(t->id, "12:", 3) != 0)
            continue;
        if (!head && !add(o, YS_B_HEADING, 2, "十二、项目支出绩效目标表"))
            return YS_ENOMEM;
        head = true;
        if (add_form12(o, ts, t, grouping) != YS_OK)
            return YS_ENOMEM;
    }
    for (size_t i = 0; i < ts->ntables; i++)
        if (!known_id(ts->tables[i]->id) && add_table(o, ts, ts->tables[i], grouping) != YS_OK)
            return YS_ENOMEM;
    return YS_OK;
}

static int add_paras(ys_outline *o, const ys_tableset *ts, int part)
{
    const char *last = NULL;
    for (size_t i = 0; i < ts->nparas; i++) {
        const ys_para *p = &ts->paras[i];
        if (p->part != part)
            continue;
        if (p->heading && *p->heading && (!last || strcmp(last, p->heading) != 0)) {
            if (!add(o, YS_B_HEADING, part, p->heading))
                return YS_ENOMEM;
            last = p->heading;
        }
        if (p->text && *p->text && !add(o, YS_B_PARA, part, p->text))
            return YS_ENOMEM;
    }
    return YS_OK;
}

int ys_outline_build(const ys_tableset *ts, bool grouping, ys_outline *o)
{
    memset(o, 0, sizeof *o);
    o->arena = ys_arena_new();
    if (!o->arena)
        return YS_ENOMEM;
    const char *dept = ys_dept_name(ts);
    char year[32] = "";
    if (ts->year > 0)
        snprintf(year, sizeof year, "%d 年", ts->year);
    int rc = YS_ENOMEM;
    if (!add(o, YS_B_TITLE, 0, fmt(o, "%s%s部门预算编制说明", dept, year)))
        goto fail;
    if (!add(o, YS_B_PART, 1, fmt(o, "第一部分 %s概况%s", dept, NULL)) ||
        add_paras(o, ts, 1) != YS_OK)
        goto fail;
    if (!add(o, YS_B_PART, 2, fmt(o, "第二部分 %s%s部门预算表", dept, year)) ||
        add_part2(o, ts, grouping) != YS_OK)
        goto fail;
    if (!add(o, YS_B_PART, 3, fmt(o, "第三部分 %s%s部门预算情况说明", dept, year)) ||
        add_paras(o, ts, 3) != YS_OK)
        goto fail;
    if (!add(o, YS_B_PART, 4, "第四部分 名词解释") || add_paras(o, ts, 4) != YS_OK)
        goto fail;
    for (size_t i = 0; i < o->n; i++)
        if (o->b[i].text == NULL && o->b[i].kind != YS_B_GRID)
            goto fail; /* a formatted string ran out of memory */
    return YS_OK;
fail:
    ys_outline_free(o);
    return rc;
}

void ys_outline_free(ys_outline *o)
{
    if (!o)
        return;
    for (size_t i = 0; i < o->n; i++) {
        if (o->b[i].grid) {
            ys_grid_free(o->b[i].grid);
            free(o->b[i].grid);
        }
    }
    free(o->b);
    ys_arena_free(o->arena);
    memset(o, 0, sizeof *o);
}
