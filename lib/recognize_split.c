/*
 * recognize_split.c — the document split: finds the "第X部分" headings (by
 * what they say, not their number; a 目录 entry is not one) and the title
 * cluster of each table (表N, its title, 部门/单位 lines), telling tables
 * that share a title apart by their header labels; where the goal forms
 * (tables 11/12) start.
 * Promise: reads only; one pass over the lines per step; out of memory
 * sets z->oom.
 */
#include "recognize_split.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

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

void ys_rz_find_parts(ys_rz *z, split *sp)
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
size_t ys_rz_skip_prose(const split *sp, size_t i)
{
    for (int k = 3; k <= 4; k++)
        if (sp->part[k] != NONE && i >= sp->part[k] && i < sp->end[k])
            return sp->end[k];
    return i;
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

void ys_rz_find_tables(ys_rz *z, split *sp)
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
        if (ys_rz_skip_prose(sp, i) != i) {
            i = ys_rz_skip_prose(sp, i);
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
