/*
 * recognize_rows.c — the rows of a grid table whose header is mapped: code,
 * name (a name broken over two lines joined back), level, kind, amounts in
 * the table's unit with their line; the 备注 under a table; the header
 * repeated on a new page (mapped again when its page sets the columns
 * otherwise); a 合计 row packed to the left, alone on its page.  The
 * two-sided tables 1 and 4 are read by recognize_sides.c with the helpers
 * here.
 * Promise: rows keep document order; every mapped cell records its line.
 */
#include <string.h>

#include "arena.h"
#include "recognize_tables.h"
#include "text.h"
#include "yusuan/codes.h"


static bool is_total_word(const char *s)
{
    return strcmp(s, "合计") == 0 || strcmp(s, "总计") == 0;
}

/* A page mark inside a table broken over pages: "3", "-3-", "第3页",
 * "第3页共10页", "续表", "(续表1)". */
static bool page_mark(const char *s)
{
    size_t i = 0;
    while (s[i] == '-' || s[i] == '(' || s[i] == ')')
        i++;
    if (ys_starts(s + i, "续表"))
        return true;
    if (ys_starts(s + i, "第"))
        i += strlen("第");
    size_t d = i;
    while (s[i] >= '0' && s[i] <= '9')
        i++;
    if (i == d)
        return false;
    const char *rest = s + i;
    return !*rest || strcmp(rest, "-") == 0 || ys_starts(rest, "页");
}

/* A paragraph inside a table's range: a note is kept, a unit line or a page
 * mark skipped, anything else ends the table.  Returns true when reading
 * goes on. */
bool ys_rz_paragraph(ys_rz *z, ys_table *t, size_t li)
{
    const ys_line *l = &z->doc->lines[li];
    if (ys_rz_is_note(z, li)) {
        if (!t->note) {
            for (int c = 0; c < l->ncells; c++)
                if (l->cells[c][0]) {
                    t->note = ys_ts_str(z->ts, l->cells[c], (size_t)-1);
                    break;
                }
            t->note_line = l->no;
        }
        return true;
    }
    const char *s = ys_rz_short_text(z, li, 4);
    return s && (ys_unit_in(s) >= 0 || page_mark(s));
}

/* Figures of one side of line li into cells[0..t->ncols): true when any. */
bool ys_rz_read_cells(const ys_rz *z, const ys_table *t, const ys_rz_map *m, size_t li,
                      int side, ys_cell *cells)
{
    const ys_line *l = &z->doc->lines[li];
    bool any = false;
    memset(cells, 0, sizeof *cells * (size_t)t->ncols);
    for (int c = 0; c < m->width; c++) {
        if (m->role[c] < 0 || m->side[c] != side)
            continue;
        ys_cell *cell = &cells[m->role[c]];
        any |= ys_rz_amount(c < l->ncells ? l->cells[c] : "", t->unit, &cell->v);
        cell->line = l->no;
    }
    return any;
}

const char *ys_rz_role_text(ys_rz *z, const ys_rz_map *m, size_t li, int role, int side)
{
    for (int c = 0; c < m->width; c++)
        if (m->role[c] == role && m->side[c] == side)
            return ys_rz_cell(z, li, c);
    return "";
}

/* ---- grid rows ------------------------------------------------------------ */

typedef struct gridrow {
    char code[64];
    char name[YS_RZ_NAME_MAX];
    const char *extra;
    bool fig;
    ys_cell cells[YS_PROFILE_MAX_COLS];
} gridrow;

static void read_code(ys_rz *z, const ys_rz_map *m, size_t li, char *out, size_t cap)
{
    size_t o = 0;
    out[0] = 0;
    for (int c = 0; c < m->width; c++) {
        if (m->role[c] != YS_COL_CODE)
            continue;
        const char *s = ys_rz_cell(z, li, c);
        size_t n = strlen(s);
        if (o + n + 1 >= cap)
            break;
        /* 款/项 are two digits; a sheet that dropped the leading zero
         * ("301 2" for 30102) is read as written elsewhere */
        if (o && n == 1 && s[0] >= '0' && s[0] <= '9')
            out[o++] = '0';
        memcpy(out + o, s, n + 1);
        o += n;
    }
}

/* A code cell's text is a code; in table 10 a project code may open with
 * letters (P001). */
static bool column_code(const ys_ptable *pt, const char *s)
{
    if (pt->codes == YS_PCODES_PROJECT)
        while ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z'))
            s++;
    return ys_is_code(s);
}

/* A line without figures whose every cell is one of the header's labels:
 * the header repeated on a new page ("项目 | 收入预算", "类 | 款 | 项"). */
static bool header_again(ys_rz *z, const ys_rz_map *m, size_t li)
{
    bool any = false;
    for (int c = 0; c < z->doc->lines[li].ncells; c++) {
        const char *s = ys_rz_cell(z, li, c);
        if (!*s)
            continue;
        bool label = false;
        for (int k = 0; k < m->width && !label; k++)
            for (int d = 0; d < m->depth[k] && !label; d++)
                label = strcmp(m->label[k][d], s) == 0;
        if (!label)
            return false;
        any = true;
    }
    return any;
}

void ys_rz_append(char *dst, const char *s)
{
    size_t n = strlen(dst), m = strlen(s);
    if (n + m >= YS_RZ_NAME_MAX)
        m = YS_RZ_NAME_MAX - 1 - n;
    memcpy(dst + n, s, m);
    dst[n + m] = 0;
}

/* "201一般公共服务支出" in one cell: take the code out of the name. */
static void split_code(gridrow *g, const ys_ptable *pt)
{
    if (g->code[0] || pt->codes == YS_PCODES_NONE)
        return;
    size_t n = 0;
    while (g->name[n] >= '0' && g->name[n] <= '9')
        n++;
    if (n < 2 || n >= sizeof g->code || !g->name[n])
        return;
    memcpy(g->code, g->name, n);
    g->code[n] = 0;
    memmove(g->name, g->name + n, strlen(g->name + n) + 1);
}

static bool official_name(const ys_ptable *pt, int year, const char *code, const char *name)
{
    if (pt->codes != YS_PCODES_FUNCTION && pt->codes != YS_PCODES_ECON)
        return false;
    const ys_code *c = ys_code_find(pt->codes == YS_PCODES_FUNCTION ? YS_CODE_FUNCTION
                                                                    : YS_CODE_ECON,
                                    code, year);
    char buf[YS_RZ_NAME_MAX];
    return c && ys_fold(c->name, strlen(c->name), buf, sizeof buf) != (size_t)-1 &&
           strcmp(buf, name) == 0;
}

static void set_level(const ys_ptable *pt, ys_row *r)
{
    const char *code = r->code;
    size_t n = strlen(code), digits = 0;
    while (code[digits] >= '0' && code[digits] <= '9')
        digits++;
    switch (pt->codes) {
    case YS_PCODES_FUNCTION:
        r->level = ys_code_level(YS_CODE_FUNCTION, code);
        break;
    case YS_PCODES_ECON:
        r->level = ys_code_level(YS_CODE_ECON, code);
        break;
    case YS_PCODES_UNIT:
        r->level = 2;
        break;
    case YS_PCODES_PROJECT:
        /* told by structure, not by length: a project names its 项目单位;
         * a category (22 其他运转类) has two digits and none; the
         * department and its units are digits without one (see
         * mark_departments for the rest) */
        if (r->extra && r->extra[0] && !(digits == n && n <= 2)) {
            r->level = 4;
        } else if (digits == n && n <= 2) {
            r->kind = YS_ROW_GROUP;
            r->level = 3;
        } else if (digits == n) {
            r->kind = YS_ROW_GROUP;
            r->level = 2;
        } else {
            r->level = 4;
        }
        break;
    default:
        r->level = 0;
    }
}

/* Table 10 without a 项目单位 column: an all-digit code under the
 * department that is not the department's code + 3 digits (a unit) is a
 * short project code (1001), not a unit. */
static void demote_short_projects(const ys_ptable *pt, ys_table *t)
{
    const char *dept = NULL;
    for (size_t i = 0; i < t->nrows && pt->codes == YS_PCODES_PROJECT; i++) {
        ys_row *r = &t->rows[i];
        if (r->kind == YS_ROW_GROUP && r->level == 1)
            dept = r->code;
        if (!dept || r->kind != YS_ROW_GROUP || r->level != 2)
            continue;
        size_t n = strlen(dept);
        if (strlen(r->code) != n + 3 || strncmp(r->code, dept, n) != 0) {
            r->kind = YS_ROW_ITEM;
            r->level = 4;
        }
    }
}

/* A unit code that is the prefix of the next unit code is the department. */
static void mark_departments(const ys_ptable *pt, ys_table *t)
{
    if (pt->codes != YS_PCODES_UNIT && pt->codes != YS_PCODES_PROJECT)
        return;
    ys_row *prev = NULL;
    for (size_t i = 0; i < t->nrows; i++) {
        ys_row *r = &t->rows[i];
        bool unit = pt->codes == YS_PCODES_UNIT ? r->kind != YS_ROW_TOTAL && r->code[0]
                                                : r->kind == YS_ROW_GROUP && r->level == 2;
        if (!unit)
            continue;
        size_t n = prev ? strlen(prev->code) : 0;
        if (prev && strlen(r->code) > n && strncmp(r->code, prev->code, n) == 0) {
            prev->kind = YS_ROW_GROUP;
            prev->level = 1;
        }
        prev = r;
    }
    demote_short_projects(pt, t);
}

static int add_grid_row(ys_rz *z, const ys_ptable *pt, ys_table *t, const ys_rz_map *m,
                        size_t li, const gridrow *g)
{
    bool total = !g->code[0] && pt->codes != YS_PCODES_NONE &&
                 (!g->name[0] || is_total_word(g->name));
    ys_row *r = ys_table_add_row(z->ts, t, g->code, g->name, z->doc->lines[li].no);
    if (!r)
        return YS_ENOMEM;
    if (g->extra && g->extra[0])
        r->extra = ys_ts_str(z->ts, g->extra, (size_t)-1);
    if (total) {
        r->kind = YS_ROW_TOTAL;
        r->level = 0;
    } else {
        set_level(pt, r);
    }
    memcpy(r->cells, g->cells, sizeof *r->cells * (size_t)t->ncols);
    return YS_OK;
}

/* A fragment (a name with no code and no figures) continues the row before
 * it, unless it is the head of the next row's name. */
void ys_rz_rename_row(ys_rz *z, ys_row *r, const char *head, const char *tail)
{
    char buf[YS_RZ_NAME_MAX];
    buf[0] = 0;
    ys_rz_append(buf, head);
    ys_rz_append(buf, tail);
    const char *s = ys_ts_str(z->ts, buf, (size_t)-1);
    if (s)
        r->name = s;
    else
        z->oom = 1;
}

/* A few characters alone between two rows ("出" of "…缴费支" + "出"): the
 * end of a name wrapped in a laid-out text, not the end of the table. */
static bool name_tail(ys_rz *z, size_t li, size_t end)
{
    const char *s = ys_rz_short_text(z, li, 1);
    if (!s || strlen(s) > 18 || ys_rz_is_note(z, li) || (*s >= '0' && *s <= '9'))
        return false;
    for (size_t k = li + 1; k < end; k++) {
        int ne = ys_rz_nonempty(z, k);
        if (ne)
            return ne >= 2 || z->doc->lines[k].is_row;
    }
    return false;
}

/* A 合计 row laid out by itself ("合计 | 156,211,123 | 99,706,020 |
 * 56,505,103" alone on a new page, packed to the left: no reader can line
 * it up with columns it does not see): its word stands outside the name
 * column, only figures follow it and some stand outside the figure
 * columns.  They are read in the order of the
 * table's figure columns.  Returns true when line li is one (g filled). */
static bool packed_total(ys_rz *z, const ys_rz_map *m, const ys_table *t, size_t li,
                         gridrow *g)
{
    const ys_line *l = &z->doc->lines[li];
    int first = 0, k = 0;
    while (first < l->ncells && !l->cells[first][0])
        first++;
    if (first >= l->ncells || first >= m->width || m->role[first] == YS_COL_NAME ||
        !is_total_word(ys_rz_cell(z, li, first)))
        return false;
    /* figures that stand in figure columns are read where they stand (a
     * blank among them keeps its place) */
    bool astray = false;
    for (int c = first + 1; c < l->ncells && c < m->width; c++)
        astray |= l->cells[c][0] && m->role[c] < 0;
    if (!astray)
        return false;
    memset(g->cells, 0, sizeof *g->cells * (size_t)t->ncols);
    int col = 0;
    for (int c = first + 1; c < l->ncells; c++) {
        if (!l->cells[c][0])
            continue;
        while (col < m->width && m->role[col] < 0)
            col++;
        ys_amount v;
        if (col >= m->width || !ys_rz_amount(l->cells[c], t->unit, &v))
            return false;
        g->cells[m->role[col]].v = v;
        g->cells[m->role[col++]].line = l->no;
        k++;
    }
    g->code[0] = 0;
    memcpy(g->name, "合计", sizeof "合计");
    g->extra = "";
    g->fig = true;
    return k > 0;
}

/* The name of a row whose name column is empty on a page laid out with a
 * column more ("退休费" left of the column its page's header names): the
 * one text cell of the line in no mapped column that is neither code nor
 * figure. */
static const char *stray_name(ys_rz *z, const ys_rz_map *m, size_t li)
{
    const char *hit = "";
    for (int c = 0; c < m->width && c < z->doc->lines[li].ncells; c++) {
        const char *s = ys_rz_cell(z, li, c);
        ys_amount v;
        if (m->role[c] != YS_COL_NONE || !*s || ys_is_code(s) ||
            ys_rz_amount(z->doc->lines[li].cells[c], YS_UNIT_YUAN, &v))
            continue;
        if (*hit)
            return "";
        hit = s;
    }
    return hit;
}

/* The header again on a page other than the last row's: remapped when it
 * can be (li moves to the line before its data).  Returns true when so.
 * The map is the caller's until a remap: then *m becomes a copy of it in
 * the scratch arena (*own), made once (a map is some 15 kB: most tables
 * never need the copy). */
static bool page_header(ys_rz *z, const ys_ptable *pt, const ys_table *t,
                        const ys_rz_map **m, ys_rz_map **own, size_t *li, size_t end,
                        int row_page)
{
    size_t data;
    int page = z->doc->lines[*li].page;
    if (!page || page == row_page)
        return false;
    if (!*own) {
        if (!(*own = ys_arena_alloc(z->scratch, sizeof **own))) {
            z->oom = 1;
            return false;
        }
        **own = **m;
        *m = *own;
    }
    if (!ys_rz_remap(z, pt, *li, end, t->unit, *own, &data))
        return false;
    *li = data - 1;
    return true;
}

int ys_rz_grid_rows(ys_rz *z, const ys_ptable *pt, ys_table *t, const ys_rz_map *map,
                    size_t from, size_t end)
{
    char pending[YS_RZ_NAME_MAX] = "";
    gridrow g;
    const ys_rz_map *m = map;
    ys_rz_map *own = NULL;   /* m once a page's header remapped it */
    int row_page = from < end ? z->doc->lines[from].page : 0;
    for (size_t li = from; li < end && !z->oom; li++) {
        int ne = ys_rz_nonempty(z, li);
        if (ne == 0)
            continue;
        if (ne == 1 && ys_rz_is_note(z, li)) {   /* a 备注, even as a row (a workbook) */
            ys_rz_paragraph(z, t, li);
            continue;
        }
        if (ne == 1 && !z->doc->lines[li].is_row && !name_tail(z, li, end)) {
            const char *lone = ys_rz_short_text(z, li, 1);
            /* an empty table's bare 合计 line, then its 注 */
            if (header_again(z, m, li)) {
                page_header(z, pt, t, &m, &own, &li, end, row_page);
                continue;
            }
            if (ys_rz_paragraph(z, t, li) || (lone && is_total_word(lone)))
                continue;
            break;
        }
        if (packed_total(z, m, t, li, &g)) {
            if (add_grid_row(z, pt, t, m, li, &g) != YS_OK)
                return YS_ENOMEM;
            continue;
        }
        read_code(z, m, li, g.code, sizeof g.code);
        g.name[0] = 0;
        ys_rz_append(g.name, ys_rz_role_text(z, m, li, YS_COL_NAME, 0));
        g.extra = ys_rz_role_text(z, m, li, YS_COL_EXTRA, 0);
        g.fig = ys_rz_read_cells(z, t, m, li, 0, g.cells);
        if (g.code[0] && !column_code(pt, g.code)) {
            if (!g.name[0])
                ys_rz_append(g.name, g.code);
            g.code[0] = 0;
        }
        split_code(&g, pt);
        if (!g.code[0] && !g.name[0] && !g.fig)
            continue;
        if (!g.fig && g.name[0] && (strcmp(g.name, m->name_label) == 0 || header_again(z, m, li))) {
            page_header(z, pt, t, &m, &own, &li, end, row_page);   /* the header again, on a new page */
            continue;
        }
        if (!g.name[0] && g.code[0])
            ys_rz_append(g.name, stray_name(z, m, li));
        ys_row *prev = t->nrows ? &t->rows[t->nrows - 1] : NULL;
        if (!g.code[0] && !g.fig && !is_total_word(g.name) && pt->codes != YS_PCODES_NONE) {
            char joined[YS_RZ_NAME_MAX] = "";
            ys_rz_append(joined, prev ? prev->name : "");
            ys_rz_append(joined, g.name);
            if (prev && !pending[0] && official_name(pt, z->ts->year, prev->code, joined))
                ys_rz_rename_row(z, prev, prev->name, g.name);
            else
                ys_rz_append(pending, g.name);
            continue;
        }
        if (pending[0]) {
            char joined[YS_RZ_NAME_MAX] = "";
            ys_rz_append(joined, pending);
            ys_rz_append(joined, g.name);
            if (!prev || official_name(pt, z->ts->year, g.code, joined)) {
                memcpy(g.name, joined, sizeof joined);
            } else {
                ys_rz_rename_row(z, prev, prev->name, pending);
            }
            pending[0] = 0;
        }
        if (add_grid_row(z, pt, t, m, li, &g) != YS_OK)
            return YS_ENOMEM;
        row_page = z->doc->lines[li].page;
    }
    if (pending[0] && t->nrows)
        ys_rz_rename_row(z, &t->rows[t->nrows - 1], t->rows[t->nrows - 1].name, pending);
    mark_departments(pt, t);
    return z->oom ? YS_ENOMEM : YS_OK;
}

