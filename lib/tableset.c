/*
 * tableset.c — owns tables, rows, cells, goals, indicators, claims and
 * mentions of one table set; all strings in its arena.
 * Invariant: every row of a table has exactly t->ncols cells.
 */
#include "yusuan/tableset.h"
#include "yusuan/error.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "text.h"
#include "vec.h"

ys_tableset *ys_tableset_new(void)
{
    ys_tableset *ts = calloc(1, sizeof *ts);
    if (!ts)
        return NULL;
    ts->arena = ys_arena_new();
    if (!ts->arena) {
        free(ts);
        return NULL;
    }
    ts->profile = "national";
    ts->unit = YS_UNIT_WAN;
    return ts;
}

void ys_tableset_free(ys_tableset *ts)
{
    if (!ts)
        return;
    for (size_t i = 0; i < ts->ntables; i++) {
        free(ts->tables[i]->rows);
        free(ts->tables[i]);
    }
    free(ts->tables);
    free(ts->goals);
    free(ts->ind);
    free(ts->claims);
    free(ts->mentions);
    free(ts->paras);
    free(ts->unread);
    ys_arena_free(ts->arena);
    free(ts);
}

const char *ys_ts_str(ys_tableset *ts, const char *s, size_t n)
{
    if (!s)
        return NULL;
    if (n == (size_t)-1)
        n = strlen(s);
    return ys_arena_strndup(ts->arena, s, n);
}

/* Grow a vector of `size`-byte items to hold one more (NULL: no memory). */
static void *grow(void *v, size_t *cap, size_t n, size_t size)
{
    return ys_vec_reserve(&v, cap, n, size, 16) == 0 ? v : NULL;
}

ys_table *ys_tableset_add(ys_tableset *ts, const char *id, const char *title,
                          const char *const *cols, int ncols)
{
    ys_table **tv = grow(ts->tables, &ts->tcap, ts->ntables, sizeof *tv);
    if (!tv)
        return NULL;
    ts->tables = tv;
    ys_table *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    ys_scopy(t->id, sizeof t->id, id, (size_t)-1);
    t->title = ys_ts_str(ts, title ? title : "", (size_t)-1);
    t->unit = ts->unit;
    t->ncols = ncols;
    t->cols = ys_arena_alloc(ts->arena, sizeof(char *) * (size_t)(ncols ? ncols : 1));
    if (!t->cols || !t->title) {
        free(t);
        return NULL;
    }
    for (int i = 0; i < ncols; i++)
        t->cols[i] = ys_ts_str(ts, cols[i], (size_t)-1);
    ts->tables[ts->ntables++] = t;
    return t;
}

ys_row *ys_table_add_row(ys_tableset *ts, ys_table *t, const char *code,
                         const char *name, int line)
{
    ys_row *rv = grow(t->rows, &t->cap, t->nrows, sizeof *rv);
    if (!rv)
        return NULL;
    t->rows = rv;
    ys_row *r = &t->rows[t->nrows];
    memset(r, 0, sizeof *r);
    r->code = ys_ts_str(ts, code ? code : "", (size_t)-1);
    r->name = ys_ts_str(ts, name ? name : "", (size_t)-1);
    r->line = line;
    r->cells = ys_arena_alloc(ts->arena, sizeof(ys_cell) * (size_t)(t->ncols ? t->ncols : 1));
    if (!r->code || !r->name || !r->cells)
        return NULL;
    memset(r->cells, 0, sizeof(ys_cell) * (size_t)(t->ncols ? t->ncols : 1));
    t->nrows++;
    if (line > 0) {
        if (!t->first_line || line < t->first_line)
            t->first_line = line;
        if (line > t->last_line)
            t->last_line = line;
    }
    return r;
}

ys_table *ys_tableset_find(const ys_tableset *ts, const char *id)
{
    /* the first two bytes inline: ids are short and most differ there
     * (asked thousands of times per audit) */
    for (size_t i = 0; i < ts->ntables; i++) {
        const char *t = ts->tables[i]->id;
        if (t[0] == id[0] && (!t[0] || (t[1] == id[1] && (!t[1] || strcmp(t + 2, id + 2) == 0))))
            return ts->tables[i];
    }
    return NULL;
}

int ys_table_col(const ys_table *t, const char *key)
{
    for (int i = 0; i < t->ncols; i++)
        if (strcmp(t->cols[i], key) == 0)
            return i;
    return -1;
}

const ys_row *ys_table_row_by_code(const ys_table *t, const char *code)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (strcmp(t->rows[i].code, code) == 0)
            return &t->rows[i];
    return NULL;
}

const ys_row *ys_table_row_by_key(const ys_table *t, const char *key)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].key && strcmp(t->rows[i].key, key) == 0)
            return &t->rows[i];
    return NULL;
}

const ys_cell *ys_row_cell(const ys_table *t, const ys_row *r, const char *key)
{
    int c = ys_table_col(t, key);
    assert(c < t->ncols);
    return c < 0 ? NULL : &r->cells[c];
}

ys_goal *ys_tableset_add_goal(ys_tableset *ts)
{
    ys_goal *v = grow(ts->goals, &ts->gcap, ts->ngoals, sizeof *v);
    if (!v)
        return NULL;
    ts->goals = v;
    return memset(&ts->goals[ts->ngoals++], 0, sizeof *v);
}

ys_indicator *ys_tableset_add_indicator(ys_tableset *ts)
{
    ys_indicator *v = grow(ts->ind, &ts->icap, ts->nind, sizeof *v);
    if (!v)
        return NULL;
    ts->ind = v;
    return memset(&ts->ind[ts->nind++], 0, sizeof *v);
}

int ys_tableset_reserve_indicators(ys_tableset *ts, size_t n)
{
    size_t want = ts->nind + n;
    if (!n || want <= ts->icap)
        return YS_OK;
    return ys_vec_reserve(&ts->ind, &ts->icap, want - 1, sizeof *ts->ind, want) ? YS_ENOMEM
                                                                                : YS_OK;
}

ys_claim *ys_tableset_add_claim(ys_tableset *ts)
{
    ys_claim *v = grow(ts->claims, &ts->ccap, ts->nclaims, sizeof *v);
    if (!v)
        return NULL;
    ts->claims = v;
    return memset(&ts->claims[ts->nclaims++], 0, sizeof *v);
}

int ys_tableset_add_mention(ys_tableset *ts, const char *name, int line)
{
    ys_mention *v = grow(ts->mentions, &ts->mcap, ts->nmentions, sizeof *v);
    if (!v)
        return -1;
    ts->mentions = v;
    const char *s = ys_ts_str(ts, name, (size_t)-1);
    if (!s)
        return -1;
    ts->mentions[ts->nmentions].name = s;
    ts->mentions[ts->nmentions].line = line;
    ts->nmentions++;
    return 0;
}

ys_para *ys_tableset_add_para(ys_tableset *ts)
{
    ys_para *v = grow(ts->paras, &ts->pcap, ts->nparas, sizeof *v);
    if (!v)
        return NULL;
    ts->paras = v;
    return memset(&ts->paras[ts->nparas++], 0, sizeof *v);
}

int ys_tableset_add_unread(ys_tableset *ts, const char *id, const char *label, int line)
{
    ys_unread *v = grow(ts->unread, &ts->ucap, ts->nunread, sizeof *v);
    if (!v)
        return YS_ENOMEM;
    ts->unread = v;
    ys_unread *u = &ts->unread[ts->nunread];
    u->id = ys_ts_str(ts, id, (size_t)-1);
    u->label = ys_ts_str(ts, label ? label : "", (size_t)-1);
    u->line = line;
    if (!u->id || !u->label)
        return YS_ENOMEM;
    ts->nunread++;
    return YS_OK;
}

const ys_unread *ys_tableset_unread(const ys_tableset *ts, const char *id)
{
    for (size_t i = 0; i < ts->nunread; i++)
        if (strcmp(ts->unread[i].id, id) == 0)
            return &ts->unread[i];
    return NULL;
}
