/*
 * recognize_sides.c — the rows of the two-sided tables 1 and 4 (income |
 * expenditure side by side) as keyed rows of both sides: fixed rows by the
 * profile's names (under their block, "二、上年结转" / "（一）…"),
 * expenditure 类 by the function code list, names wrapped over lines
 * joined back, fixed rows run together in one paragraph split again.
 * Promise: rows keep document order, income before expenditure on a line;
 * every mapped cell records its line.
 */
#include <string.h>

#include "recognize_tables.h"
#include "text.h"

static const char *row_key(const ys_ptable *pt, int side, const char *block, const char *name)
{
    const char *path[2] = {block, name};
    int depth = 2;
    if (!block[0] || strcmp(block, name) == 0) {
        path[0] = name;
        depth = 1;
    }
    const char *prefix = side ? "out." : "in.";
    for (int k = 0; k < pt->nrows; k++) {
        if (!ys_starts(pt->rows[k].key, prefix))
            continue;
        for (int s = 0; s < pt->rows[k].nsyn; s++)
            if (ys_psyn_match(&pt->rows[k].syn[s], path, depth))
                return pt->rows[k].key;
    }
    return NULL;
}

/* The function 类 named `name`: its code, preferring a current name. */
static const char *class_code(const ys_rz *z, const char *name)
{
    const char *any = NULL;
    for (int i = 0; i < z->ncls; i++)
        if (strcmp(z->cls[i].name, name) == 0) {
            if (z->cls[i].current)
                return z->cls[i].code;
            any = any ? any : z->cls[i].code;
        }
    return any;
}

/* A repeated header ("收入 | 支出", "项目 | 预算数") on a new page. */
static bool is_header_word(ys_rz *z, const ys_rz_map *m, const char *name, int side)
{
    (void)z;
    for (int c = 0; c < m->width; c++)
        if (m->role[c] == YS_COL_NAME && m->side[c] == side)
            for (int d = 0; d < m->depth[c]; d++)
                if (strcmp(m->label[c][d], name) == 0)
                    return true;
    return false;
}

static bool ends_total(const char *key)
{
    size_t n = strlen(key);
    return n >= 6 && strcmp(key + n - 6, "_total") == 0;
}

/* The row key and class code of a side's name (an expenditure name that
 * is no fixed row is a function 类: out.class, with its code when known). */
static const char *side_key(ys_rz *z, const ys_ptable *pt, int side, const char *block,
                            const char *name, const char **code)
{
    const char *bare = ys_strip_numbering(name);
    const char *key = row_key(pt, side, side ? "" : block, bare);
    *code = "";
    if (!key && side == 1) {
        key = "out.class";
        const char *c = class_code(z, bare);
        *code = c ? c : "";
    }
    return key;
}

static void set_key(ys_rz *z, ys_row *r, const char *key, const char *name)
{
    const char *bare = ys_strip_numbering(name);
    r->key = key ? ys_ts_str(z->ts, key, (size_t)-1) : NULL;
    bool total = (key && ends_total(key)) || ys_has(bare, "合计") || ys_has(bare, "总计");
    r->kind = total ? YS_ROW_TOTAL : YS_ROW_ITEM;
    r->level = total ? 0 : 1;
}

/* A row of one side still open for the rest of its name: its name has no
 * figures and names nothing known ("四、文化旅游体育与传媒" with its figures
 * on the next line and "支出" under them). */
static bool unresolved(const ys_row *r, int ncols)
{
    for (int c = 0; c < ncols; c++)
        if (r->cells[c].v.present)
            return false;
    return !r->key || (strcmp(r->key, "out.class") == 0 && !r->code[0]);
}

/* Rows of one side wrapped over lines: figures with no name fill the open
 * row; an un-numbered fragment with no figures ends its name.  Returns
 * true when line li's side was taken so. */
static bool continue_side(ys_rz *z, const ys_ptable *pt, ys_table *t, const ys_rz_map *m,
                          size_t li, int side, long *open)
{
    if (*open < 0)
        return false;
    ys_row *r = &t->rows[*open];
    const char *name = ys_rz_role_text(z, m, li, YS_COL_NAME, side);
    ys_cell cells[YS_PROFILE_MAX_COLS];
    bool fig = ys_rz_read_cells(z, t, m, li, side, cells);
    if (!name[0] && fig) {
        memcpy(r->cells, cells, sizeof *r->cells * (size_t)t->ncols);
        return true;
    }
    if (!name[0] || fig || ys_strip_numbering(name) != name || is_header_word(z, m, name, side) ||
        row_key(pt, side, "", name))
        return false;
    char joined[YS_RZ_NAME_MAX] = "";
    ys_rz_append(joined, r->name);
    ys_rz_append(joined, name);
    const char *code;
    const char *key = side_key(z, pt, side, "", joined, &code);
    ys_rz_rename_row(z, r, r->name, name);
    r->code = ys_ts_str(z->ts, code, (size_t)-1);
    set_key(z, r, key, joined);
    *open = -1;
    return true;
}

static int add_side(ys_rz *z, const ys_ptable *pt, ys_table *t, const ys_rz_map *m,
                    size_t li, int side, char *block, size_t blockcap, long *open)
{
    if (continue_side(z, pt, t, m, li, side, open))
        return YS_OK;
    const char *name = ys_rz_role_text(z, m, li, YS_COL_NAME, side);
    if (!name[0] || is_header_word(z, m, name, side))
        return YS_OK;
    const char *bare = ys_strip_numbering(name);
    if (side == 0 && ys_top_numbered(name) && strlen(bare) < blockcap) {
        memcpy(block, bare, strlen(bare) + 1);
    }
    const char *code;
    const char *key = side_key(z, pt, side, block, name, &code);
    ys_row *r = ys_table_add_row(z->ts, t, code, name, z->doc->lines[li].no);
    if (!r)
        return YS_ENOMEM;
    set_key(z, r, key, name);
    ys_cell cells[YS_PROFILE_MAX_COLS];
    ys_rz_read_cells(z, t, m, li, side, cells);
    memcpy(r->cells, cells, sizeof *r->cells * (size_t)t->ncols);
    *open = unresolved(r, t->ncols) ? (long)(t->nrows - 1) : -1;
    return YS_OK;
}

/* A lone income-side name that is one of the table's fixed rows ("二、事业收
 * 入" with no figure, on a line of its own in a laid-out text). */
static bool fixed_row_line(ys_rz *z, const ys_ptable *pt, const ys_rz_map *m, size_t li)
{
    const char *name = ys_rz_role_text(z, m, li, YS_COL_NAME, 0);
    return name[0] && row_key(pt, 0, "", ys_strip_numbering(name)) != NULL;
}

/* A lone line of fixed income rows run together ("三、事业单位经营收入四、
 * 其他收入", two rows without figures joined as one paragraph): each piece
 * from its numbering on is added as a row.  Returns true when every piece
 * is a fixed row. */
static bool fixed_rows_run(ys_rz *z, const ys_ptable *pt, ys_table *t, size_t li)
{
    const char *s = ys_rz_short_text(z, li, 1);
    if (!s || !ys_top_numbered(s))
        return false;
    char piece[256];
    const char *cuts[8];
    int n = 0;
    for (const char *p = s; *p && n < 8; p++)
        if ((p == s || (unsigned char)*p >= 0xE0) && ys_top_numbered(p) &&
            (p == s || !ys_top_numbered(p - 3)))
            cuts[n++] = p;
    for (int k = 0; k < n; k++) {
        size_t len = (size_t)((k + 1 < n ? cuts[k + 1] : s + strlen(s)) - cuts[k]);
        if (len >= sizeof piece)
            return false;
        memcpy(piece, cuts[k], len);
        piece[len] = 0;
        if (!row_key(pt, 0, "", ys_strip_numbering(piece)))
            return false;
    }
    for (int k = 0; k < n; k++) {
        size_t len = (size_t)((k + 1 < n ? cuts[k + 1] : s + strlen(s)) - cuts[k]);
        memcpy(piece, cuts[k], len);
        piece[len] = 0;
        ys_row *r = ys_table_add_row(z->ts, t, "", piece, z->doc->lines[li].no);
        if (!r) {
            z->oom = 1;
            return true;
        }
        set_key(z, r, row_key(pt, 0, "", ys_strip_numbering(piece)), piece);
    }
    return n > 0;
}

int ys_rz_twosided_rows(ys_rz *z, const ys_ptable *pt, ys_table *t, const ys_rz_map *m,
                        size_t from, size_t end)
{
    char block[256] = "";
    long open[2] = {-1, -1};
    for (size_t li = from; li < end && !z->oom; li++) {
        int ne = ys_rz_nonempty(z, li);
        if (ne == 0)
            continue;
        if (ne == 1 && !z->doc->lines[li].is_row && !fixed_row_line(z, pt, m, li)) {
            if (ys_rz_paragraph(z, t, li) || fixed_rows_run(z, pt, t, li))
                continue;
            break;
        }
        for (int side = 0; side < 2; side++)
            if (add_side(z, pt, t, m, li, side, block, sizeof block, &open[side]) != YS_OK)
                return YS_ENOMEM;
    }
    return z->oom ? YS_ENOMEM : YS_OK;
}
