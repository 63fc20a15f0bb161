/*
 * recognize_tables.c — one table of tables 1–10: its unit, its header rows
 * (labels over several lines, a parent spanning the empty cells to its
 * right) mapped to canonical column keys through the profile's synonyms,
 * then its rows (recognize_rows.c, recognize_sides.c) and its 备注.  A
 * two-sided table's columns take their side from where they stand (after
 * its second name column: expenditure); a label the readers ran together
 * with the labels of columns without figures maps to its first; a header
 * repeated on a new page is mapped again (ys_rz_remap).
 * Promise: a header that cannot be mapped falls back to the profile's
 * column order only when the column count matches; otherwise the table is
 * left out — never a guess, never a crash.
 */
#include <string.h>

#include "arena.h"
#include "recognize_tables.h"
#include "text.h"

#define MAX_HDR 6
#define MAX_WIDTH 256

static bool is_total_word(const char *s)
{
    return strcmp(s, "合计") == 0 || strcmp(s, "总计") == 0;
}

/* Does line li start the data: an amount, a code, or 合计 in a name cell
 * (or, two-sided, a row numbered "一、")? */
static bool data_line(ys_rz *z, const ys_ptable *pt, size_t li, ys_unit unit)
{
    const ys_line *l = &z->doc->lines[li];
    for (int c = 0; c < l->ncells; c++) {
        ys_amount a;
        if (ys_rz_amount(l->cells[c], unit, &a))
            return true;
    }
    for (int c = 0; c < 2 && c < l->ncells; c++) {
        const char *s = ys_rz_cell(z, li, c);
        /* a table without codes (三公) has a 合计 column: without figures
         * the word is its label, not a total row */
        if (ys_is_code(s) || (is_total_word(s) && pt->codes != YS_PCODES_NONE))
            return true;
        if (pt->shape == YS_SHAPE_TWOSIDED && ys_top_numbered(s))
            return true;
    }
    return false;
}

/* A line whose non-empty cells are all 部门：…/单位：… statements. */
static bool meta_line(ys_rz *z, size_t li, int *unit)
{
    const ys_line *l = &z->doc->lines[li];
    bool any = false;
    for (int c = 0; c < l->ncells; c++) {
        const char *s = ys_rz_cell(z, li, c);
        if (!*s)
            continue;
        int u = ys_unit_in(s);
        if (u >= 0)
            *unit = u;
        if (u < 0 && !ys_starts(s, "部门:") && !ys_starts(s, "单位名称:") &&
            !ys_starts(s, "部门名称:") && !ys_starts(s, "编制部门:") &&
            !ys_starts(s, "编制单位:"))
            return false;
        any = true;
    }
    return any;
}

bool ys_rz_is_note(ys_rz *z, size_t li)
{
    const char *s = ys_rz_short_text(z, li, 1);
    if (!s) {
        const ys_line *l = &z->doc->lines[li];
        s = ys_rz_nonempty(z, li) == 1 && l->ncells ? l->cells[0] : "";
    }
    return ys_starts(s, "备注") || ys_starts(s, "注:") || ys_starts(s, "注：") ||
           ys_starts(s, "说明:");
}

typedef struct header {
    size_t rows[MAX_HDR];
    int nrows;
    size_t data;         /* first line after the header */
    int unit;
} header;

/* A lone cell that is one of the table's column labels ("功能分类科目编码" on
 * a line of its own in a laid-out text): still the header. */
static bool label_line(ys_rz *z, const ys_ptable *pt, size_t li)
{
    const char *s = ys_rz_short_text(z, li, 1);
    for (int k = 0; s && k < pt->ncols; k++)
        for (int i = 0; i < pt->cols[k].nsyn; i++)
            for (int p = 0; p < pt->cols[k].syn[i].nparts; p++)
                if (strcmp(pt->cols[k].syn[i].parts[p], s) == 0)
                    return true;
    return false;
}

/* A lone label over a header row (the 三公 table's "2024年“三公”经费预算数",
 * a wrapped "机关运行经/费预算数"): lone lines, then a row of labels, not
 * figures, within a few lines. */
static bool label_over_header(ys_rz *z, const ys_ptable *pt, size_t li, size_t end,
                              ys_unit unit)
{
    if (ys_rz_is_note(z, li))
        return false;
    for (size_t k = li + 1; k < end && k < li + 6; k++) {
        int ne = ys_rz_nonempty(z, k);
        if (ne >= 2 || z->doc->lines[k].is_row)
            return !data_line(z, pt, k, unit);
    }
    return false;
}

static void find_header(ys_rz *z, const ys_ptable *pt, size_t body, size_t end, header *h)
{
    h->nrows = 0;
    h->data = end;
    for (size_t li = body; li < end; li++) {
        int ne = ys_rz_nonempty(z, li);
        if (ne == 0 || meta_line(z, li, &h->unit))
            continue;
        /* a lone 备注 is never a header row, even where every line is a
         * row (a workbook): it is the note of an empty table */
        bool note = ne == 1 && ys_rz_is_note(z, li);
        bool row = !note && (ne >= 2 || z->doc->lines[li].is_row || label_line(z, pt, li) ||
                             label_over_header(z, pt, li, end, (ys_unit)h->unit));
        if (!row || data_line(z, pt, li, (ys_unit)h->unit) || h->nrows == MAX_HDR) {
            h->data = li;
            return;
        }
        h->rows[h->nrows++] = li;
    }
}

static int table_width(ys_rz *z, const header *h, size_t end)
{
    int w = 0;
    for (int k = 0; k < h->nrows; k++)
        if (z->doc->lines[h->rows[k]].ncells > w)
            w = z->doc->lines[h->rows[k]].ncells;
    for (size_t li = h->data; li < end; li++)
        if (z->doc->lines[li].ncells > w)
            w = z->doc->lines[li].ncells;
    return w > MAX_WIDTH ? MAX_WIDTH : w;
}

/* Label paths: an empty cell takes the label to its left when both sit
 * under the same label of the row above (a merged parent cell). */
static void build_paths(ys_rz *z, const header *h, int width, ys_rz_map *m)
{
    int src[MAX_WIDTH], above[MAX_WIDTH];
    for (int c = 0; c < width; c++) {
        m->depth[c] = 0;
        above[c] = 0;
    }
    for (int r = 0; r < h->nrows; r++) {
        int left = -1;
        for (int c = 0; c < width; c++) {
            const char *s = ys_rz_cell(z, h->rows[r], c);
            if (*s) {
                left = c;
                src[c] = c;
            } else if (left >= 0 && above[left] == above[c]) {
                src[c] = left;
                s = ys_rz_cell(z, h->rows[r], left);
            } else {
                src[c] = -1;
                left = -1;
            }
            int d = m->depth[c];
            if (*s && (d == 0 || strcmp(m->label[c][d - 1], s) != 0))
                m->label[c][m->depth[c]++] = s;
        }
        for (int c = 0; c < width; c++)
            above[c] = src[c] >= 0 ? src[c] * (MAX_HDR + 1) + r + 1 : above[c];
    }
}

typedef struct tcols {
    int n;
    const char *key[YS_PROFILE_MAX_COLS];
    int of_pcol[YS_PROFILE_MAX_COLS];   /* table column of profile col, or YS_COL_* */
    int side[YS_PROFILE_MAX_COLS];
} tcols;

/* Table columns from the profile: grid: the non-@ keys; two-sided: the
 * KEY of @in.KEY / @out.KEY (name aside). */
static void table_cols(const ys_ptable *pt, tcols *tc)
{
    tc->n = 0;
    for (int k = 0; k < pt->ncols; k++) {
        const char *key = pt->cols[k].key;
        tc->side[k] = 0;
        if (pt->shape == YS_SHAPE_TWOSIDED) {
            tc->side[k] = ys_starts(key, "@out.") ? 1 : 0;
            key += ys_starts(key, "@in.") ? 4 : ys_starts(key, "@out.") ? 5 : 0;
            if (strcmp(key, "name") == 0) {
                tc->of_pcol[k] = YS_COL_NAME;
                continue;
            }
        } else if (key[0] == '@') {
            tc->of_pcol[k] = strcmp(key, "@code") == 0   ? YS_COL_CODE
                             : strcmp(key, "@name") == 0 ? YS_COL_NAME
                                                         : YS_COL_EXTRA;
            continue;
        }
        int found = -1;
        for (int i = 0; i < tc->n && found < 0; i++)
            if (strcmp(tc->key[i], key) == 0)
                found = i;
        if (found < 0 && tc->n < YS_PROFILE_MAX_COLS) {
            found = tc->n;
            tc->key[tc->n++] = key;
        }
        tc->of_pcol[k] = found;
    }
}

/* The side profile column k belongs to in a two-sided table (-1: any). */
static int key_side(const ys_ptable *pt, int k)
{
    if (pt->shape != YS_SHAPE_TWOSIDED)
        return -1;
    return ys_starts(pt->cols[k].key, "@out.") ? 1 : ys_starts(pt->cols[k].key, "@in.") ? 0 : -1;
}

static bool is_name_key(const ys_ptable *pt, int k)
{
    const char *key = pt->cols[k].key;
    return strcmp(key, "@in.name") == 0 || strcmp(key, "@out.name") == 0 ||
           strcmp(key, "@name") == 0;
}

/* Two-sided: the expenditure side starts at the second column whose
 * lowest label is a name label ("项目 | 预算数 | 项目 | 合计 …"): the spanning
 * labels over the sides (财政拨款收入 | 财政拨款支出) are often centred
 * away from their columns, so a column's side is told by where it stands.
 * Returns that column, or -1 when there are not two name columns. */
static int out_side_start(const ys_ptable *pt, int width, const ys_rz_map *m)
{
    int seen = 0;
    for (int c = 0; c < width && pt->shape == YS_SHAPE_TWOSIDED; c++) {
        if (m->depth[c] == 0)
            continue;
        const char *leaf = m->label[c][m->depth[c] - 1];
        bool name = false;
        for (int k = 0; k < pt->ncols && !name; k++)
            for (int s = 0; s < pt->cols[k].nsyn && !name && is_name_key(pt, k); s++)
                name = strcmp(pt->cols[k].syn[s].parts[pt->cols[k].syn[s].nparts - 1], leaf) == 0;
        if (name && ++seen == 2)
            return c;
    }
    return -1;
}

/* Profile column whose synonym matches the label path of column c, on
 * side `side` (-1: any); `leaf_only` ignores the labels above the leaf. */
static int match_col(const ys_ptable *pt, const ys_rz_map *m, int c, int side, bool leaf_only)
{
    const char *const *path = m->label[c];
    int depth = m->depth[c];
    if (leaf_only) {
        path += depth - 1;
        depth = 1;
    }
    for (int k = 0; k < pt->ncols; k++) {
        if (side >= 0 && key_side(pt, k) >= 0 && key_side(pt, k) != side)
            continue;
        for (int s = 0; s < pt->cols[k].nsyn; s++) {
            const ys_psyn *syn = &pt->cols[k].syn[s];
            if (leaf_only ? strcmp(syn->parts[syn->nparts - 1], path[0]) == 0
                          : ys_psyn_match(syn, path, depth))
                return k;
        }
    }
    return -1;
}

/* A leaf that is several labels run together ("一般公共预算政府性基金预算
 * 国有资本经营预算", "合计因公出国(境)费"): the readers join the labels of
 * columns without figures to the next column that has some.  Returns the
 * profile column of the first label when `s` is such a run of two or more
 * leaves of the table's synonyms, else -1. */
static int run_of_labels(const ys_ptable *pt, const char *s, int side, int depth)
{
    if (depth > 6)
        return -1;
    for (int k = 0; k < pt->ncols; k++) {
        if (side >= 0 && key_side(pt, k) >= 0 && key_side(pt, k) != side)
            continue;
        for (int i = 0; i < pt->cols[k].nsyn; i++) {
            const ys_psyn *syn = &pt->cols[k].syn[i];
            const char *leaf = syn->parts[syn->nparts - 1];
            size_t n = strlen(leaf);
            if (strncmp(s, leaf, n) != 0)
                continue;
            if (!s[n])
                return depth > 0 ? k : -1;
            if (run_of_labels(pt, s + n, side, depth + 1) >= 0)
                return k;
        }
    }
    return -1;
}

/* Map each physical column through the synonyms.  Returns true when every
 * labelled column found a key, no key twice, and names and figures exist. */
static bool map_by_labels(const ys_ptable *pt, const tcols *tc, int width, ys_rz_map *m,
                          bool *all_keys)
{
    bool seen[YS_PROFILE_MAX_COLS] = {false};
    bool ok = true;
    int names = 0, figures = 0;
    int out_from = out_side_start(pt, width, m);
    for (int c = 0; c < width; c++) {
        m->role[c] = YS_COL_NONE;
        m->side[c] = 0;
        if (m->depth[c] == 0)
            continue;
        int side = out_from < 0 ? -1 : c >= out_from ? 1 : 0;
        int hit = match_col(pt, m, c, side, false);
        if (hit < 0 && side >= 0)
            hit = match_col(pt, m, c, side, true);
        if (hit < 0)
            hit = run_of_labels(pt, m->label[c][m->depth[c] - 1], side, 0);
        if (hit < 0) {
            ok = false;
            continue;
        }
        if (seen[hit] && strcmp(pt->cols[hit].key, "@code") != 0) {
            ok = false;     /* one key, two columns: the header is not understood */
            continue;
        }
        seen[hit] = true;
        m->role[c] = tc->of_pcol[hit];
        m->side[c] = tc->side[hit];
        names += m->role[c] == YS_COL_NAME;
        figures += m->role[c] >= 0;
    }
    /* as many name columns as the profile has (table 7 has none) */
    int need = 0;
    for (int k = 0; k < pt->ncols; k++)
        need += is_name_key(pt, k);
    *all_keys = names >= need;
    for (int k = 0; k < pt->ncols; k++)
        if (tc->of_pcol[k] >= 0 && !seen[k])
            *all_keys = false;
    return ok && figures > 0 && names >= need;
}

static void map_by_order(const ys_ptable *pt, const tcols *tc, int width, ys_rz_map *m)
{
    for (int c = 0; c < width; c++) {
        m->role[c] = c < pt->ncols ? tc->of_pcol[c] : YS_COL_NONE;
        m->side[c] = c < pt->ncols ? tc->side[c] : 0;
    }
}

/* The lowest header label over the first column playing `role` ("" if none). */
static void label_of(const ys_rz_map *m, int role, const char **out)
{
    *out = "";
    for (int c = 0; c < m->width; c++)
        if (m->role[c] == role && m->depth[c] > 0) {
            *out = m->label[c][m->depth[c] - 1];
            return;
        }
}

/* The title as written: the title line's non-empty cells. */
static const char *raw_title(ys_rz *z, size_t li)
{
    const ys_line *l = &z->doc->lines[li];
    for (int c = 0; c < l->ncells; c++)
        if (l->cells[c][0])
            return l->cells[c];
    return "";
}

static int unit_of_cluster(ys_rz *z, const ys_ptable *pt, size_t from, size_t body)
{
    int unit = pt->unit >= 0 ? pt->unit : (int)z->p->unit;
    for (size_t li = from; li < body; li++) {
        const char *s = ys_rz_short_text(z, li, 4);
        int u = s ? ys_unit_in(s) : -1;
        if (u >= 0)
            unit = u;
    }
    return unit;
}

/* No cell of lines [from, end) is a figure: an empty table (本表为空表),
 * which needs no column map to be read as empty. */
static bool no_figures(ys_rz *z, size_t from, size_t end)
{
    for (size_t li = from; li < end; li++)
        for (int c = 0; c < z->doc->lines[li].ncells; c++) {
            ys_amount v;
            if (ys_rz_amount(z->doc->lines[li].cells[c], YS_UNIT_YUAN, &v))
                return false;
        }
    return true;
}

bool ys_rz_remap(ys_rz *z, const ys_ptable *pt, size_t li, size_t end, ys_unit unit,
                 ys_rz_map *m, size_t *data)
{
    header h;
    h.unit = (int)unit;
    find_header(z, pt, li, end, &h);
    if (h.nrows == 0 || h.data >= end)
        return false;
    int width = table_width(z, &h, end);
    ys_rz_map *nm = ys_arena_alloc(z->scratch, sizeof *nm);
    if (!nm) {
        z->oom = 1;
        return false;
    }
    tcols tc;
    table_cols(pt, &tc);
    build_paths(z, &h, width, nm);
    nm->width = width;
    bool all_keys;
    map_by_labels(pt, &tc, width, nm, &all_keys);   /* a column it cannot name stays out */
    /* every column read before must be there again, and the names */
    for (int c = 0; c < m->width; c++) {
        bool found = m->role[c] == YS_COL_NONE || m->role[c] == YS_COL_CODE;
        for (int k = 0; k < width && !found; k++)
            found = nm->role[k] == m->role[c];
        if (!found)
            return false;
    }
    nm->code_label = m->code_label;
    nm->name_label = m->name_label;
    *m = *nm;
    *data = h.data;
    return true;
}

/* Decompose s into labels run together from position `depth` on; keys[]
 * receives their columns.  Returns the count, 0 when s is no such run. */
static int label_run(const ys_ptable *pt, const char *s, int *keys, int max, int depth)
{
    if (!*s)
        return depth;
    if (depth == max)
        return 0;
    for (int k = 0; k < pt->ncols; k++)
        for (int i = 0; i < pt->cols[k].nsyn; i++) {
            const ys_psyn *syn = &pt->cols[k].syn[i];
            const char *leaf = syn->parts[syn->nparts - 1];
            size_t n = strlen(leaf);
            if (strncmp(s, leaf, n) != 0)
                continue;
            keys[depth] = k;
            int got = label_run(pt, s + n, keys, max, depth + 1);
            if (got)
                return got;
        }
    return 0;
}

int ys_rz_label_keys(const ys_ptable *pt, const char *s, int *keys, int max)
{
    return *s && max > 0 ? label_run(pt, s, keys, max, 0) : 0;
}

/* Note the table found under its title but left out: its header's first
 * line and the first label no column of the layout answers to. */
static int note_unread(ys_rz *z, const ys_ptable *pt, const header *h, const ys_rz_map *m,
                       size_t title_li)
{
    const char *label = "";
    for (int c = 0; c < m->width && !label[0]; c++)
        if (m->depth[c] > 0 && m->role[c] == YS_COL_NONE)
            label = m->label[c][m->depth[c] - 1];
    size_t at = h->nrows ? h->rows[0] : title_li;
    return ys_tableset_add_unread(z->ts, pt->id, label, z->doc->lines[at].no);
}

int ys_rz_read_table(ys_rz *z, const ys_ptable *pt, size_t title_li, size_t title_from,
                     size_t body, size_t end)
{
    header h;
    h.unit = unit_of_cluster(z, pt, title_from, body);
    find_header(z, pt, body, end, &h);
    int width = table_width(z, &h, end);
    ys_rz_map m;
    tcols tc;
    table_cols(pt, &tc);
    build_paths(z, &h, width, &m);
    m.width = width;
    bool all_keys = false;
    bool mapped = map_by_labels(pt, &tc, width, &m, &all_keys);
    int one = pt->codes == YS_PCODES_NONE && width != pt->ncols
                  ? ys_rz_one_row(z, pt, h.rows, h.nrows, h.data, end, &m, tc.of_pcol)
                  : 0;
    if (one < 0 || (!mapped && one == 0)) {
        if (width == pt->ncols)
            map_by_order(pt, &tc, width, &m);
        else if ((one < 0 || !all_keys) && !no_figures(z, h.data, end))
            return z->oom ? YS_ENOMEM : note_unread(z, pt, &h, &m, title_li);   /* left out */
    }
    label_of(&m, YS_COL_CODE, &m.code_label);
    label_of(&m, YS_COL_NAME, &m.name_label);
    ys_table *t = ys_tableset_add(z->ts, pt->id, raw_title(z, title_li), tc.key, tc.n);
    if (!t)
        return YS_ENOMEM;
    t->unit = (ys_unit)h.unit;
    int rc = pt->shape == YS_SHAPE_TWOSIDED
                 ? ys_rz_twosided_rows(z, pt, t, &m, h.data, end)
                 : ys_rz_grid_rows(z, pt, t, &m, h.data, end);
    if (rc != YS_OK)
        return rc;
    t->first_line = z->doc->lines[title_li].no;
    if (t->nrows == 0)
        t->last_line = h.nrows ? z->doc->lines[h.rows[h.nrows - 1]].no : t->first_line;
    return z->oom ? YS_ENOMEM : YS_OK;
}
