/*
 * recognize.c — the entry point, from the lines of a document to a table
 * set: has the document split (recognize_split.c: parts, table title
 * clusters, the goal forms), hands each table to the table reader
 * (recognize_tables.c), then the goal forms to ys_forms_read and part 3 (or,
 * without one, the un-numbered 编制说明 headings) to ys_narrative_read;
 * records the department, the year and every place the document names
 * itself (ts->mentions).
 * Promise: any input ends in YS_OK or an error status with a located
 * message; one pass over the lines per step, no cell folded twice.
 */
#include "yusuan/recognize.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "recognize_internal.h"
#include "recognize_split.h"
#include "recognize_tables.h"
#include "text.h"
#include "yusuan/codes.h"

/* ---- department, year, mentions ------------------------------------------ */

/* "X2026年部门预算…": sets ts->year and, when `dept` is set, the department
 * from the text before the year.  Returns true when the line had a year. */
static bool title_year(ys_rz *z, const char *s, int line, bool dept)
{
    const char *y = strstr(s, "年部门预算");
    if (!y)
        y = strstr(s, "年度部门预算");
    if (!y || y - s < 4)
        return false;
    const char *d = y - 4;
    for (int k = 0; k < 4; k++)
        if (d[k] < '0' || d[k] > '9')
            return false;
    if (!z->ts->year)
        z->ts->year = atoi(d);
    if (dept && d > s) {
        const char *name = ys_ts_str(z->ts, s, (size_t)(d - s));
        if (!name || ys_tableset_add_mention(z->ts, name, line) != 0)
            z->oom = 1;
        if (!z->ts->department)
            z->ts->department = name;
    }
    return true;
}

/* 部门：X / 单位名称：X cells outside the prose parts and the forms (the
 * forms reader names those); the title's year. */
static void scan_names(ys_rz *z, const split *sp)
{
    static const char *const labels[] = {"部门", "单位名称", "部门名称", NULL};
    const char *first_dept = NULL;
    bool titled = false;
    for (size_t i = 0; i < z->doc->nlines; i++) {
        i = ys_rz_skip_prose(sp, i);
        if (sp->forms != NONE && i >= sp->forms && i < sp->forms_end)
            i = sp->forms_end;
        if (i >= z->doc->nlines)
            break;
        const ys_line *l = &z->doc->lines[i];
        for (int c = 0; c < l->ncells; c++) {
            const char *raw = l->cells[c];
            if (!titled && strstr(raw, "部门预算") && strlen(raw) < 400) {
                const char *s = ys_rz_cell(z, i, c);
                titled = title_year(z, s, l->no, !ys_starts(s, "第"));
            }
            unsigned char b = (unsigned char)raw[0];   /* 部 E9.., 单 E5.. */
            if ((b != 0xE9 || !ys_starts(raw, "部门")) && (b != 0xE5 || !ys_starts(raw, "单位名称")))
                continue;
            const char *s = ys_rz_cell(z, i, c);
            char v[512];
            for (int k = 0; labels[k]; k++)
                if (ys_label_value(s, labels[k], v, sizeof v)) {
                    if (ys_tableset_add_mention(z->ts, v, l->no) != 0)
                        z->oom = 1;
                    if (!first_dept && k == 0)
                        first_dept = ys_ts_str(z->ts, v, (size_t)-1);
                    break;
                }
        }
    }
    /* 部门：… is the formal statement; the title is the fallback */
    if (first_dept)
        z->ts->department = first_dept;
}

/* The first "20XX年" in a table's title or 备注 ("2026年没有…"): the year
 * of a document without a title page (a workbook of tables). */
static void year_from_tables(ys_tableset *ts)
{
    for (size_t i = 0; i < ts->ntables && !ts->year; i++) {
        const char *texts[2] = {ts->tables[i]->title, ts->tables[i]->note};
        for (int k = 0; k < 2 && !ts->year; k++) {
            const char *s = texts[k];
            for (; s && (s = strstr(s, "年")) != NULL; s++) {
                const char *d = s - 4;
                if (d < texts[k] || d[0] != '2' || d[1] != '0' || d[2] < '0' || d[2] > '9' ||
                    d[3] < '0' || d[3] > '9' || (d > texts[k] && d[-1] >= '0' && d[-1] <= '9'))
                    continue;
                ts->year = atoi(d);
                break;
            }
        }
    }
}

/* ---- the run -------------------------------------------------------------- */

static void load_classes(ys_rz *z)
{
    for (int i = 0; i < ys_code_count() && z->ncls < 64; i++) {
        const ys_code *c = ys_code_at(i);
        if (c->kind != YS_CODE_FUNCTION || c->level != 1)
            continue;
        char buf[256];
        size_t n = ys_fold(c->name, strlen(c->name), buf, sizeof buf);
        if (n == (size_t)-1)
            continue;
        z->cls[z->ncls].name = ys_arena_strndup(z->scratch, buf, n);
        z->cls[z->ncls].code = c->code;
        z->cls[z->ncls].current = c->year_to == 0;
        z->ncls++;
    }
}

/* End of the table that starts its body at `body`: the next cluster, the
 * forms, or the next part heading. */
static size_t table_end(const split *sp, size_t k, size_t end)
{
    size_t body = sp->tables[k].body;
    if (k + 1 < sp->nfound && sp->tables[k + 1].from < end)
        end = sp->tables[k + 1].from;
    if (sp->forms != NONE && sp->forms > body && sp->forms < end)
        end = sp->forms;
    for (int p = 1; p <= 4; p++)
        if (sp->part[p] != NONE && sp->part[p] > body && sp->part[p] < end)
            end = sp->part[p];
    return end;
}

/* ---- prose parts without a 第三部分 (the Shanghai layout) ----------------- */

/* An un-numbered heading: folded line li ends with `tail` ("2025年部门预算
 * 编制说明"), or equals it when `whole`; a 目录 entry ("…" leaders, or
 * "四、部门预算编制说明") is not one. */
static bool plain_heading(ys_rz *z, size_t li, const char *tail, bool whole)
{
    const char *s = ys_rz_short_text(z, li, 1);
    if (!s || ys_has(s, "…") || ys_strip_numbering(s) != s)
        return false;
    size_t n = strlen(s), m = strlen(tail);
    return whole ? strcmp(s, tail) == 0 : (n >= m && strcmp(s + n - m, tail) == 0);
}

/* A line plain_heading could take: one non-empty cell (the short text of
 * at most one cell), holding a 说 — both headings end in 说明 and no other
 * character folds to 说 — so other lines are passed over unfolded. */
static bool maybe_plain_heading(const ys_line *l)
{
    int only = -1;
    for (int c = 0; c < l->ncells; c++)
        if (l->cells[c][0]) {
            if (only >= 0)
                return false;
            only = c;
        }
    return only >= 0 && strstr(l->cells[only], "说") != NULL;
}

/* The first table cluster starting after line li, else `end`. */
static size_t next_table(const split *sp, size_t li, size_t end)
{
    for (size_t k = 0; k < sp->nfound; k++)
        if (sp->tables[k].from > li && sp->tables[k].from < end)
            end = sp->tables[k].from;
    return end;
}

/* 预算编制说明 up to the next table, and 其他相关情况说明 (with
 * 项目经费情况说明) up to the goal forms or the end: each read as part 3. */
static void plain_heads(ys_rz *z, size_t *note, size_t *other)
{
    *note = *other = NONE;
    for (size_t i = 0; i < z->doc->nlines && (*note == NONE || *other == NONE); i++) {
        if (!maybe_plain_heading(&z->doc->lines[i]))
            continue;
        if (*note == NONE && plain_heading(z, i, "预算编制说明", false))
            *note = i;
        else if (*other == NONE && plain_heading(z, i, "其他相关情况说明", true))
            *other = i;
    }
}

/* A table ends at the next un-numbered prose heading too (`heads`: what
 * plain_heads found, looked up once per run, not once per table). */
static size_t before_prose(const size_t heads[2], size_t body, size_t end)
{
    for (int k = 0; k < 2; k++)
        if (heads[k] != NONE && heads[k] > body && heads[k] < end)
            end = heads[k];
    return end;
}

static int plain_prose(ys_rz *z, const split *sp, const size_t heads[2])
{
    size_t n = z->doc->nlines, note = heads[0], other = heads[1];
    /* a document title ("示例局2026年部门预算编制说明") over 第X部分 parts
     * is not the Shanghai heading */
    for (int k = 1; k <= 4 && note != NONE; k++)
        if (sp->part[k] != NONE && sp->part[k] > note && sp->part[k] < next_table(sp, note, n))
            note = NONE;
    if (note != NONE) {
        int rc = ys_narrative_read(z->doc, note, next_table(sp, note, n), z->ts, z->err);
        if (rc != YS_OK)
            return rc;
    }
    if (other != NONE) {
        size_t end = sp->forms != NONE && sp->forms > other ? sp->forms : n;
        return ys_narrative_read(z->doc, other, end, z->ts, z->err);
    }
    return YS_OK;
}

static int run(ys_rz *z)
{
    split sp;
    memset(&sp, 0, sizeof sp);
    size_t n = z->doc->nlines;
    ys_rz_find_parts(z, &sp);
    ys_rz_find_tables(z, &sp);
    scan_names(z, &sp);
    load_classes(z);
    size_t heads[2];
    plain_heads(z, &heads[0], &heads[1]);
    for (size_t k = 0; k < sp.nfound && !z->oom; k++) {
        found *f = &sp.tables[k];
        int rc = ys_rz_read_table(z, f->pt, f->title_li, f->from, f->body,
                                  before_prose(heads, f->body, table_end(&sp, k, n)));
        if (rc != YS_OK)
            return rc;
    }
    if (z->oom)
        return YS_ENOMEM;
    year_from_tables(z->ts);
    if (!z->ts->department && z->ts->nmentions)
        z->ts->department = z->ts->mentions[0].name;
    if (z->ts->ntables == 0 && sp.part[3] == NONE)
        return ys_error_set(z->err, YS_EINPUT, z->doc->path, n ? z->doc->lines[0].no : 1,
                            "不是部门预算公开文件：未找到任何预算表");
    if (sp.forms != NONE) {
        int rc = ys_forms_read(z->doc, sp.forms, sp.forms_end, z->ts, z->err);
        if (rc != YS_OK)
            return rc;
    }
    if (sp.part[3] != NONE)
        return ys_narrative_read(z->doc, sp.part[3], sp.end[3], z->ts, z->err);
    return plain_prose(z, &sp, heads);
}

int ys_recognize(const ys_doc *doc, const ys_profile *p, ys_tableset **out,
                 ys_error *err)
{
    if (!doc || !out)
        return ys_error_set(err, YS_EINPUT, doc ? doc->path : "", 0, "参数为空");
    if (!p)
        p = ys_profile_detect(doc);
    if (!p)
        return ys_error_set(err, YS_EUNSUPPORTED, doc->path, 0, "没有可用的版式配置");
    ys_rz z;
    memset(&z, 0, sizeof z);
    z.doc = doc;
    z.p = p;
    z.err = err;
    z.ts = ys_tableset_new();
    z.scratch = ys_arena_new();
    z.fold = calloc(doc->nlines ? doc->nlines : 1, sizeof *z.fold);
    int rc = YS_ENOMEM;
    if (z.ts && z.scratch && z.fold) {
        z.ts->source = ys_ts_str(z.ts, doc->path ? doc->path : "", (size_t)-1);
        z.ts->profile = ys_ts_str(z.ts, p->name, (size_t)-1);
        z.ts->unit = p->unit;
        rc = run(&z);
    }
    if (rc == YS_ENOMEM)
        ys_error_set(err, rc, doc->path, 0, "内存不足");
    free(z.fold);
    ys_arena_free(z.scratch);
    if (rc != YS_OK) {
        ys_tableset_free(z.ts);
        return rc;
    }
    *out = z.ts;
    return YS_OK;
}
