/*
 * recognize_sums.c — which label a figure stands under in a one-row table
 * (no codes: the 三公 table) whose readers ran the labels of columns
 * without figures into their neighbours ("合计因公出国(境)费 | 公务接待费
 * over 小计购置费 | 运行费 under 数"): the columns each figure may be (the
 * labels over it; a lone label line, which stands at no column, over any),
 * taken in printed order, such that every `sum` of the profile holds on
 * the figures (a blank counts 0).  Exactly one such reading is taken.
 * Promise: never a guess — no reading or several leave the table out;
 * reads only the lines it is given.
 */
#include <string.h>

#include "recognize_tables.h"
#include "text.h"

#define MAX_FIG 16
#define MAX_CAND 8

typedef struct reading {
    const ys_ptable *pt;
    int nfig;
    int col[MAX_FIG];                 /* table column of each figure */
    ys_amount v[MAX_FIG];
    int ncand[MAX_FIG];
    int cand[MAX_FIG][MAX_CAND];      /* profile columns it may be */
    int pick[MAX_FIG], found[MAX_FIG];
    int solutions;
} reading;

static void add_cand(reading *r, int f, int k)
{
    for (int i = 0; i < r->ncand[f]; i++)
        if (r->cand[f][i] == k)
            return;
    if (r->ncand[f] < MAX_CAND)
        r->cand[f][r->ncand[f]++] = k;
}

/* The keys a header cell names, added to figure f's candidates. */
static void cell_cands(reading *r, int f, const char *s)
{
    int keys[MAX_CAND];
    int n = ys_rz_label_keys(r->pt, s, keys, MAX_CAND);
    for (int i = 0; i < n; i++)
        if (r->pt->cols[keys[i]].key[0] != '@')
            add_cand(r, f, keys[i]);
}

/* The value of profile column k in the reading so far (0: blank). */
static const ys_amount *value_of(const reading *r, int k)
{
    for (int f = 0; f < r->nfig; f++)
        if (r->pick[f] == k)
            return &r->v[f];
    return NULL;
}

/* Every sum holds: |key − Σ parts| within half a last place per figure. */
static bool sums_hold(const reading *r)
{
    for (int i = 0; i < r->pt->nsums; i++) {
        const ys_psum *s = &r->pt->sums[i];
        const ys_amount *a = value_of(r, s->key);
        int64_t diff = a ? a->fen : 0, slack = a ? a->ulp : 0;
        for (int p = 0; p < s->nparts; p++) {
            const ys_amount *b = value_of(r, s->parts[p]);
            diff -= b ? b->fen : 0;
            slack += b ? b->ulp : 0;
        }
        if ((diff < 0 ? -diff : diff) * 2 > slack)
            return false;
    }
    return true;
}

/* Readings of figures f.. with keys after `after`; stops at two. */
static void search(reading *r, int f, int after)
{
    if (r->solutions > 1)
        return;
    if (f == r->nfig) {
        if (sums_hold(r) && r->solutions++ == 0)
            memcpy(r->found, r->pick, sizeof r->found);
        return;
    }
    for (int i = 0; i < r->ncand[f]; i++)
        if (r->cand[f][i] > after) {
            r->pick[f] = r->cand[f][i];
            search(r, f + 1, r->cand[f][i]);
        }
    r->pick[f] = -1;
}

/* The figures of the first line in [data, end) that has any. */
static size_t figure_line(ys_rz *z, reading *r, size_t data, size_t end, int width)
{
    for (size_t li = data; li < end; li++) {
        const ys_line *l = &z->doc->lines[li];
        r->nfig = 0;
        for (int c = 0; c < l->ncells && c < width && r->nfig < MAX_FIG; c++)
            if (ys_rz_amount(l->cells[c], YS_UNIT_YUAN, &r->v[r->nfig]))
                r->col[r->nfig++] = c;
        if (r->nfig)
            return li;
    }
    return end;
}

int ys_rz_one_row(ys_rz *z, const ys_ptable *pt, const size_t *hrows, int nh, size_t data,
                  size_t end, ys_rz_map *m, const int *of_pcol)
{
    if (pt->nsums == 0)
        return 0;
    reading r;
    memset(&r, 0, sizeof r);
    r.pt = pt;
    if (figure_line(z, &r, data, end, m->width) == end)
        return 0;
    bool doubt = false;
    for (int f = 0; f < r.nfig; f++) {
        for (int h = 0; h < nh; h++) {
            bool lone = ys_rz_nonempty(z, hrows[h]) == 1 && !z->doc->lines[hrows[h]].is_row;
            for (int c = 0; c < z->doc->lines[hrows[h]].ncells; c++)
                if (lone ? ys_rz_cell(z, hrows[h], c)[0] != 0 : c == r.col[f])
                    cell_cands(&r, f, ys_rz_cell(z, hrows[h], c));
        }
        /* a lone line's label may be any column's: only the labels at the
         * column itself put it in doubt */
        int own = 0, keys[MAX_CAND];
        for (int h = 0; h < nh; h++)
            if (ys_rz_nonempty(z, hrows[h]) != 1 || z->doc->lines[hrows[h]].is_row)
                own += ys_rz_label_keys(pt, ys_rz_cell(z, hrows[h], r.col[f]), keys, MAX_CAND);
        doubt |= own > 1;
    }
    if (!doubt)
        return 0;
    for (int f = 0; f < r.nfig; f++)
        r.pick[f] = -1;
    search(&r, 0, -1);
    if (r.solutions != 1)
        return -1;
    for (int c = 0; c < m->width; c++)
        m->role[c] = YS_COL_NONE;
    for (int f = 0; f < r.nfig; f++)
        m->role[r.col[f]] = of_pcol[r.found[f]];
    return 1;
}
