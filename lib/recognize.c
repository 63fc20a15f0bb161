/*
 * recognize.c — from the lines of a document to a table set: splits the
 * document into its parts (概况, 预算表 1–10, tables 11/12, 情况说明,
 * 名词解释), finds tables 1–10 by their titles, hands each to the table
 * reader (recognize_tables.c), then the goal forms to ys_forms_read and
 * part 3 to ys_narrative_read; records the department, the year and every
 * place the document names itself (ts->mentions).
 * Promise: any input ends in YS_OK or an error status with a located
 * message; one pass over the lines per step, no cell folded twice.
 */
#include "yusuan/recognize.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "recognize_internal.h"
#include "recognize_tables.h"
#include "text.h"
#include "yusuan/codes.h"

#define NONE ((size_t)-1)

/* One table located by its title cluster. */
typedef struct found {
    const ys_ptable *pt;
    size_t title_li, from, body;
} found;

typedef struct split {
    size_t part[5];           /* heading line of parts 1–4 (NONE: absent) */
    size_t end[5];            /* line after each part: the next heading or the end */
    size_t forms;             /* first line of table 11 (or 12), NONE */
    size_t forms_end;
    size_t nfound;
    found tables[YS_PROFILE_MAX_TABLES];
} split;

/* ---- part headings -------------------------------------------------------- */

/* Part 1–4 when line li is a "第X部分" heading, else 0.  The part is told
 * by what the heading says (概况, 预算表, 情况说明, 名词解释), so that a
 * document numbering its parts differently is still split right; the
 * number decides only when the words do not. */
static int part_heading(ys_rz *z, size_t li)
{
    const ys_line *l = &z->doc->lines[li];
    if (l->ncells < 1 || (unsigned char)l->cells[0][0] != 0xE7 ||
        !ys_starts(l->cells[0], "第") || ys_rz_nonempty(z, li) != 1)
        return 0;
    const char *s = ys_rz_cell(z, li, 0);
    static const char *const heads[] = {"第一部分", "第二部分", "第三部分", "第四部分",
                                        "第五部分"};
    int k = 0;
    while (k < 5 && !ys_starts(s, heads[k]))
        k++;
    if (k == 5)
        return 0;
    if (ys_has(s, "名词解释"))
        return 4;
    if (ys_has(s, "情况说明") || ys_has(s, "编制说明"))
        return 3;
    if (ys_has(s, "概况"))
        return 1;
    if (ys_has(s, "预算表") || ys_has(s, "公开表") || ys_has(s, "附表"))
        return 2;
    return k < 4 ? k + 1 : 0;
}

/* A heading is the real one (not a 目录 entry) when rows or prose follow it
 * before the next heading. */
static bool has_body(ys_rz *z, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        int ne = ys_rz_nonempty(z, i);
        if (ne >= 2)
            return true;
        if (ne == 1) {
            const char *s = ys_rz_short_text(z, i, 1);
            if (!s || strlen(s) > 90)
                return true;
        }
    }
    return false;
}

/* Text between "第X部分" and the year or a known suffix: the department. */
static void mention_from_heading(ys_rz *z, const char *s, int line)
{
    s += strlen("第一部分");
    char buf[512];
    size_t n = strlen(s);
    if (n >= sizeof buf)
        return;
    memcpy(buf, s, n + 1);
    for (size_t i = 0; i + 4 < n; i++)
        if (buf[i] >= '0' && buf[i] <= '9' && buf[i + 1] >= '0' && buf[i + 1] <= '9' &&
            buf[i + 2] >= '0' && buf[i + 2] <= '9' && buf[i + 3] >= '0' &&
            buf[i + 3] <= '9' && ys_starts(buf + i + 4, "年")) {
            buf[i] = 0;
            n = i;
            break;
        }
    static const char *const sufs[] = {"概况", "部门预算表", "部门预算情况说明", "情况说明",
                                       "预算表", NULL};
    for (int k = 0; sufs[k]; k++) {
        size_t m = strlen(sufs[k]);
        if (n >= m && strcmp(buf + n - m, sufs[k]) == 0) {
            buf[n - m] = 0;
            n -= m;
            break;
        }
    }
    if (n && !ys_has(buf, "名词解释") && ys_tableset_add_mention(z->ts, buf, line) != 0)
        z->oom = 1;
}

static void find_parts(ys_rz *z, split *sp)
{
    size_t n = z->doc->nlines, prev = NONE;
    int prev_k = 0;
    for (int k = 0; k < 5; k++)
        sp->part[k] = sp->end[k] = NONE;
    for (size_t i = 0; i <= n; i++) {
        int k = i < n ? part_heading(z, i) : 0;
        if (!k && i < n)
            continue;
        if (prev != NONE && sp->part[prev_k] == NONE && has_body(z, prev + 1, i))
            sp->part[prev_k] = prev;
        if (k) {
            mention_from_heading(z, ys_rz_cell(z, i, 0), z->doc->lines[i].no);
            prev = i;
            prev_k = k;
        }
    }
    /* a part runs to the next real part heading */
    for (int k = 1; k <= 4; k++)
        if (sp->part[k] != NONE) {
            size_t e = n;
            for (int m = 1; m <= 4; m++)
                if (sp->part[m] != NONE && sp->part[m] > sp->part[k] && sp->part[m] < e)
                    e = sp->part[m];
            sp->end[k] = e;
        }
}

/* Past the prose parts (3 and 4): where a table search goes on from i. */
static size_t skip_prose(const split *sp, size_t i)
{
    for (int k = 3; k <= 4; k++)
        if (sp->part[k] != NONE && i >= sp->part[k] && i < sp->end[k])
            return sp->end[k];
    return i;
}

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
        i = skip_prose(sp, i);
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

/* ---- table titles --------------------------------------------------------- */

typedef struct anchor {
    unsigned mask;            /* tables the line may title */
    bool named;               /* carries a title, not only "表N" */
} anchor;

static int table_index(const ys_profile *p, const char *id, size_t n)
{
    for (int i = 0; i < p->ntables; i++)
        if (strlen(p->tables[i].id) == n && strncmp(p->tables[i].id, id, n) == 0)
            return i;
    return -1;
}

/* Is line li a title of some table?  Fills *a. */
static bool title_anchor(ys_rz *z, size_t li, anchor *a)
{
    const char *s = ys_rz_short_text(z, li, 2);
    if (!s)
        return false;
    s = ys_strip_numbering(s);
    int explicit_id = -1;
    bool prefixed = ys_starts(s, "表");
    const char *id = prefixed ? s + strlen("表") : s;
    size_t n = 0;
    while ((id[n] >= '0' && id[n] <= '9') || (n && id[n] == '-' && id[n + 1] >= '0' &&
                                                 id[n + 1] <= '9'))
        n++;
    if (n && (id != s || id[n - 1] != '-')) {
        explicit_id = table_index(z->p, id, n);
        if (explicit_id >= 0 || id != s)
            s = id + n;
        if (ys_starts(s, ":"))
            s++;
    }
    bool exact;
    unsigned mask = *s ? ys_profile_match_title(z->p, s, &exact) : 0;
    a->named = mask != 0;
    /* "表5-1" alone names a table; a bare "8" (a page number) does not,
     * "5-1 一般公共预算支出表" does */
    if (explicit_id >= 0 && (prefixed || mask))
        mask = (mask & (1u << explicit_id)) ? 1u << explicit_id : (mask ? mask : 1u << explicit_id);
    a->mask = mask;
    return mask != 0;
}

/* Lines a title cluster may hold besides titles: blanks, 部门：…, 单位：…. */
static bool transparent(ys_rz *z, size_t li)
{
    int ne = ys_rz_nonempty(z, li);
    if (ne == 0)
        return true;
    const char *s = ys_rz_short_text(z, li, 4);
    /* "（2023年度）" under a Shanghai 填报表 title */
    bool year = s && ys_starts(s, "(") && ys_has(s, "年度") && strlen(s) <= 16;
    return s && (year || ys_unit_in(s) >= 0 || ys_starts(s, "部门:") || ys_starts(s, "单位名称:") ||
                 ys_starts(s, "部门名称:"));
}

/* A row opens a table body: several cells, or one cell marked a row with
 * a line of several cells soon after — where every line is a row (a
 * workbook), a lone cell is as likely a 目录 entry or prose. */
static bool is_row_line(ys_rz *z, size_t li)
{
    if (ys_rz_nonempty(z, li) >= 2)
        return true;
    if (!z->doc->lines[li].is_row || ys_rz_nonempty(z, li) != 1)
        return false;
    for (size_t k = li + 1; k < z->doc->nlines && k <= li + 4; k++)
        if (ys_rz_nonempty(z, k) >= 2)
            return true;
    return false;
}

/* Lone label lines over a header row (the Shanghai 三公 table: "2024年“三
 * 公”经费预算数", then the column labels): a row within a few lines. */
static bool labels_then_row(ys_rz *z, size_t j, size_t limit)
{
    for (size_t k = j; k < limit && k < j + 6; k++) {
        if (is_row_line(z, k))
            return k > j;
        const char *s = ys_rz_short_text(z, k, 1);
        if (ys_rz_nonempty(z, k) && (!s || strlen(s) > 60 || ys_rz_is_note(z, k)))
            return false;
    }
    return false;
}

/* Among several tables sharing a title, the one whose header labels appear
 * in the lines after the cluster. */
static int pick_by_header(ys_rz *z, unsigned mask, size_t body, size_t limit,
                          const bool *used)
{
    int fallback = -1;
    for (int i = 0; i < z->p->ntables; i++) {
        if (!(mask & (1u << i)))
            continue;
        const ys_ptable *pt = &z->p->tables[i];
        for (size_t li = body; li < limit && li < body + 4; li++)
            for (int c = 0; c < z->doc->lines[li].ncells; c++)
                for (int h = 0; h < pt->nheader; h++)
                    if (strcmp(ys_rz_cell(z, li, c), pt->header[h]) == 0)
                        return i;
        if (fallback < 0 || (used[fallback] && !used[i]))
            fallback = i;
    }
    return fallback;
}

/* Title line of the cluster: the last line naming only this table, else the
 * last naming it, else the first. */
static size_t title_line(const anchor *an, size_t from, size_t body, int t)
{
    size_t only = NONE, any = NONE;
    for (size_t i = from; i < body; i++) {
        if (!an[i - from].mask || !(an[i - from].mask & (1u << t)) || !an[i - from].named)
            continue;
        any = i;
        if (an[i - from].mask == (1u << t))
            only = i;
    }
    return only != NONE ? only : any != NONE ? any : from;
}

/* Resolve one cluster [start, j): returns the table index or -1. */
static int resolve_cluster(ys_rz *z, const anchor *an, size_t start, size_t j,
                           size_t limit, size_t *from, const bool *used)
{
    unsigned mask = ~0u;
    *from = NONE;
    for (size_t k = j; k-- > start;) {
        if (!an[k - start].mask)
            continue;
        unsigned m = mask & an[k - start].mask;
        if (!m)
            break;
        mask = m;
        *from = k;
    }
    if (*from == NONE || j >= limit || !(is_row_line(z, j) || labels_then_row(z, j, limit)) ||
        part_heading(z, j))
        return -1;
    return pick_by_header(z, mask, j, limit, used);
}

static void find_tables(ys_rz *z, split *sp)
{
    size_t limit = z->doc->nlines;
    bool used[YS_PROFILE_MAX_TABLES] = {false};
    anchor *an = calloc(limit ? limit : 1, sizeof *an);
    if (!an) {
        z->oom = 1;
        return;
    }
    sp->forms = NONE;
    for (size_t i = 0; i < limit && sp->forms == NONE;) {
        if (skip_prose(sp, i) != i) {
            i = skip_prose(sp, i);
            continue;
        }
        if (part_heading(z, i) || !title_anchor(z, i, &an[0])) {
            i++;
            continue;
        }
        size_t start = i, j = i + 1;
        for (; j < limit && !part_heading(z, j); j++)
            if (!title_anchor(z, j, &an[j - start]) && !transparent(z, j))
                break;
        size_t from;
        int t = resolve_cluster(z, an, start, j, limit, &from, used);
        if (t >= 0 && z->p->tables[t].shape == YS_SHAPE_FORMS) {
            sp->forms = from;
            sp->forms_end = limit;
            for (int k = 1; k <= 4; k++)
                if (sp->part[k] != NONE && sp->part[k] > from && sp->part[k] < sp->forms_end)
                    sp->forms_end = sp->part[k];
        } else if (t >= 0 && !used[t]) {
            used[t] = true;
            found *f = &sp->tables[sp->nfound++];
            f->pt = &z->p->tables[t];
            f->from = from;
            f->body = j;
            f->title_li = title_line(an, start, j, t);
            f->title_li = f->title_li < from ? from : f->title_li;
        }
        memset(an, 0, sizeof *an * (j - start + 1 < limit ? j - start + 1 : limit));
        i = j;
    }
    free(an);
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
    for (size_t i = 0; i < z->doc->nlines; i++) {
        if (*note == NONE && plain_heading(z, i, "预算编制说明", false))
            *note = i;
        else if (*other == NONE && plain_heading(z, i, "其他相关情况说明", true))
            *other = i;
    }
}

/* A table ends at the next un-numbered prose heading too. */
static size_t before_prose(ys_rz *z, size_t body, size_t end)
{
    size_t heads[2];
    plain_heads(z, &heads[0], &heads[1]);
    for (int k = 0; k < 2; k++)
        if (heads[k] != NONE && heads[k] > body && heads[k] < end)
            end = heads[k];
    return end;
}

static int plain_prose(ys_rz *z, const split *sp)
{
    size_t n = z->doc->nlines, note, other;
    plain_heads(z, &note, &other);
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
    find_parts(z, &sp);
    find_tables(z, &sp);
    scan_names(z, &sp);
    load_classes(z);
    for (size_t k = 0; k < sp.nfound && !z->oom; k++) {
        found *f = &sp.tables[k];
        int rc = ys_rz_read_table(z, f->pt, f->title_li, f->from, f->body,
                                  before_prose(z, f->body, table_end(&sp, k, n)));
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
    return plain_prose(z, &sp);
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
