/*
 * writers/json.c — the whole table set as JSON, for machines:
 * {"department","year","unit","tables":[{"id","title","unit","columns",
 * "labels","note","rows":[{"code","name","key","extra","level","kind",
 * "cells":[{"fen":int|null,"shown":"2877.94"}]}]}],"goals","indicators",
 * "paragraphs"}.
 * Promise: valid JSON (every string through ys_buf_json); "fen" is the
 * exact integer of the set (0.0001 % units for the share column), null
 * for a blank; "shown" is the figure as the txt writer prints it.
 */
#include <inttypes.h>
#include <string.h>

#include "yusuan/writer.h"
#include "writers/layout.h"

static void str(ys_buf *b, const char *s)
{
    if (!s) {
        ys_buf_puts(b, "null");
        return;
    }
    ys_buf_puts(b, "\"");
    ys_buf_json(b, s);
    ys_buf_puts(b, "\"");
}

static void key(ys_buf *b, const char *k, bool comma)
{
    ys_buf_printf(b, "%s\"%s\":", comma ? "," : "", k);
}

static const char *kind_name(ys_row_kind k)
{
    return k == YS_ROW_TOTAL ? "total" : k == YS_ROW_GROUP ? "group" : "item";
}

static void put_cell(ys_buf *b, const ys_table *t, int c, ys_amount a)
{
    if (!a.present) {
        ys_buf_puts(b, "{\"fen\":null,\"shown\":\"\"}");
        return;
    }
    char buf[64];
    ys_cell_shown(t, c, a, false, buf, sizeof buf);
    ys_buf_printf(b, "{\"fen\":%" PRId64 ",\"shown\":\"%s\"}", a.fen, buf);
}

static void put_row(ys_buf *b, const ys_table *t, const ys_row *r)
{
    ys_buf_puts(b, "{");
    key(b, "code", false), str(b, r->code);
    key(b, "name", true), str(b, r->name);
    key(b, "key", true), str(b, r->key);
    key(b, "extra", true), str(b, r->extra);
    key(b, "level", true), ys_buf_printf(b, "%d", r->level);
    key(b, "kind", true), str(b, kind_name(r->kind));
    key(b, "cells", true), ys_buf_puts(b, "[");
    for (int c = 0; c < t->ncols; c++) {
        if (c)
            ys_buf_puts(b, ",");
        put_cell(b, t, c, r->cells[c].v);
    }
    ys_buf_puts(b, "]}");
}

static void put_table(ys_buf *b, const ys_table *t)
{
    ys_buf_puts(b, "{");
    key(b, "id", false), str(b, t->id);
    key(b, "title", true), str(b, t->title);
    key(b, "unit", true), str(b, ys_unit_name(t->unit));
    key(b, "columns", true), ys_buf_puts(b, "[");
    for (int c = 0; c < t->ncols; c++)
        ys_buf_puts(b, c ? "," : ""), str(b, t->cols[c]);
    ys_buf_puts(b, "]");
    key(b, "labels", true), ys_buf_puts(b, "[");
    for (int c = 0; c < t->ncols; c++)
        ys_buf_puts(b, c ? "," : ""), str(b, ys_col_label(t, c));
    ys_buf_puts(b, "]");
    key(b, "note", true), str(b, t->note);
    key(b, "rows", true), ys_buf_puts(b, "[");
    for (size_t i = 0; i < t->nrows; i++) {
        if (i)
            ys_buf_puts(b, ",\n");
        put_row(b, t, &t->rows[i]);
    }
    ys_buf_puts(b, "]}");
}

static void put_goals(ys_buf *b, const ys_tableset *ts)
{
    ys_buf_puts(b, "[");
    for (size_t i = 0; i < ts->ngoals; i++) {
        const ys_goal *g = &ts->goals[i];
        ys_buf_puts(b, i ? ",\n{" : "{");
        key(b, "table", false), str(b, g->table_id);
        key(b, "no", true), ys_buf_printf(b, "%d", g->no);
        key(b, "annual", true), ys_buf_puts(b, g->annual ? "true" : "false");
        key(b, "text", true), str(b, g->text);
        ys_buf_puts(b, "}");
    }
    ys_buf_puts(b, "]");
}

static void put_indicators(ys_buf *b, const ys_tableset *ts)
{
    ys_buf_puts(b, "[");
    for (size_t i = 0; i < ts->nind; i++) {
        const ys_indicator *n = &ts->ind[i];
        ys_buf_puts(b, i ? ",\n{" : "{");
        key(b, "table", false), str(b, n->table_id);
        key(b, "goal", true), ys_buf_printf(b, "%d", n->goal);
        key(b, "annual", true), ys_buf_puts(b, n->annual ? "true" : "false");
        key(b, "l1", true), str(b, n->l1);
        key(b, "l2", true), str(b, n->l2);
        key(b, "l3", true), str(b, n->l3);
        key(b, "target", true), str(b, n->target);
        key(b, "prev2", true), str(b, n->prev2);
        key(b, "prev1", true), str(b, n->prev1);
        key(b, "basis", true), str(b, n->basis);
        ys_buf_puts(b, "}");
    }
    ys_buf_puts(b, "]");
}

static void put_paras(ys_buf *b, const ys_tableset *ts)
{
    ys_buf_puts(b, "[");
    for (size_t i = 0; i < ts->nparas; i++) {
        const ys_para *p = &ts->paras[i];
        ys_buf_puts(b, i ? ",\n{" : "{");
        key(b, "part", false), ys_buf_printf(b, "%d", p->part);
        key(b, "section", true), ys_buf_printf(b, "%d", p->section);
        key(b, "heading", true), str(b, p->heading);
        key(b, "text", true), str(b, p->text);
        ys_buf_puts(b, "}");
    }
    ys_buf_puts(b, "]");
}

int ys_write_json(const ys_tableset *ts, ys_buf *b)
{
    ys_buf_puts(b, "{");
    key(b, "department", false), str(b, ts->department);
    key(b, "year", true), ys_buf_printf(b, "%d", ts->year);
    key(b, "unit", true), str(b, ys_unit_name(ts->unit));
    key(b, "tables", true), ys_buf_puts(b, "[\n");
    for (size_t i = 0; i < ts->ntables; i++) {
        if (i)
            ys_buf_puts(b, ",\n");
        put_table(b, ts->tables[i]);
    }
    ys_buf_puts(b, "]");
    key(b, "goals", true), put_goals(b, ts);
    key(b, "indicators", true), put_indicators(b, ts);
    key(b, "paragraphs", true), put_paras(b, ts);
    ys_buf_puts(b, "}\n");
    return b->oom ? YS_ENOMEM : YS_OK;
}
