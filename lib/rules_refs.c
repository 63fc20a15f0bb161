/*
 * rules_refs.c — the cell-reference expressions of rule parameters
 * ("T:col@SEL", summed with " + "; rules_common.h): which rows of which
 * table a reference selects, their sum as a side, and what a message
 * calls them.
 * Promise: never reads outside a table; a malformed reference selects
 * nothing (-1), it does not crash.
 */
#include "format.h"
#include "rules_common.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

#define SEL_KEYS 8
typedef struct sel {
    char table[96], col[48];
    enum { S_TOTAL, S_KEY, S_LEVEL, S_CODE, S_ITEMS, S_ROWS } how;
    char arg[160];
    char name_has[96], name_lacks[96];
    /* S_KEY: the keys of arg, split once (every row of the table is
     * tested against them) as offsets into arg and lengths; nkeys -1:
     * more than SEL_KEYS, ask ys_in_list */
    unsigned char key_at[SEL_KEYS], key_len[SEL_KEYS];
    int nkeys;
} sel;

/* Split o->arg at '|' into o->key_at and o->key_len (see sel). */
static void split_keys(sel *o)
{
    o->nkeys = 0;
    for (const char *p = o->arg;; p++) {
        const char *bar = strchr(p, '|');
        if (o->nkeys == SEL_KEYS) {
            o->nkeys = -1;
            return;
        }
        o->key_at[o->nkeys] = (unsigned char)(p - o->arg);   /* arg: < 256 bytes */
        o->key_len[o->nkeys++] = (unsigned char)(bar ? (size_t)(bar - p) : strlen(p));
        if (!bar)
            return;
        p = bar;
    }
}

/* Whether k is one of o's keys (ys_in_list(o->arg, k), by the split). */
static bool key_selected(const sel *o, const char *k)
{
    if (o->nkeys < 0)
        return ys_in_list(o->arg, k);
    for (int i = 0; i < o->nkeys; i++) {
        const char *e = o->arg + o->key_at[i];
        size_t n = o->key_len[i], j = 0;
        while (j < n && k[j] == e[j])   /* stops at k's end: e[j] is no NUL */
            j++;
        if (j == n && k[n] == 0)
            return true;
    }
    return false;
}

/* Parse "T:col@SEL" from s[0..n). Returns 0 or -1. */
static int parse_ref(const char *s, size_t n, const char *code, sel *o)
{
    memset(o, 0, sizeof *o);
    char buf[400];
    if (n >= sizeof buf)
        return -1;
    memcpy(buf, s, n);
    buf[n] = 0;
    char *colon = strchr(buf, ':'), *at = strchr(buf, '@');
    if (!colon || !at || at < colon)
        return -1;
    /* table ids may contain ':' ("12:x") — the column is after the last
     * ':' before '@' */
    for (char *p = colon + 1; p < at; p++)
        if (*p == ':')
            colon = p;
    *colon = *at = 0;
    ys_scopy(o->table, sizeof o->table, buf, (size_t)-1);
    ys_scopy(o->col, sizeof o->col, colon + 1, (size_t)-1);
    char *rest = at + 1, *amp = strchr(rest, '&');
    if (amp)
        *amp = 0;
    for (char *cond = amp ? amp + 1 : NULL; cond;) {
        char *next = strchr(cond, '&');
        if (next)
            *next = 0;
        if (strncmp(cond, "name!~", 6) == 0)
            ys_scopy(o->name_lacks, sizeof o->name_lacks, cond + 6, (size_t)-1);
        else if (strncmp(cond, "name~", 5) == 0)
            ys_scopy(o->name_has, sizeof o->name_has, cond + 5, (size_t)-1);
        else
            return -1;
        cond = next ? next + 1 : NULL;
    }
    if (strcmp(rest, "total") == 0)
        o->how = S_TOTAL;
    else if (strcmp(rest, "items") == 0)
        o->how = S_ITEMS;
    else if (strcmp(rest, "rows") == 0)
        o->how = S_ROWS;
    else if (strncmp(rest, "key=", 4) == 0)
        o->how = S_KEY;
    else if (strncmp(rest, "level=", 6) == 0)
        o->how = S_LEVEL;
    else if (strncmp(rest, "code=", 5) == 0)
        o->how = S_CODE;
    else
        return -1;
    const char *arg = strchr(rest, '=') ? strchr(rest, '=') + 1 : "";
    if (o->how == S_CODE && strcmp(arg, "$") == 0)
        arg = code ? code : "";
    ys_scopy(o->arg, sizeof o->arg, arg, (size_t)-1);
    if (o->how == S_KEY)
        split_keys(o);
    return 0;
}

static bool row_selected(const sel *s, const ys_row *r)
{
    bool ok;
    switch (s->how) {
    case S_TOTAL: ok = r->kind == YS_ROW_TOTAL && r->level == 0; break;
    case S_ITEMS: ok = r->kind == YS_ROW_ITEM; break;
    case S_ROWS: ok = true; break;
    case S_KEY: ok = r->key && s->arg[0] && key_selected(s, r->key); break;
    case S_LEVEL: ok = r->level == atoi(s->arg) && r->kind != YS_ROW_TOTAL; break;
    default: ok = s->arg[0] && strcmp(r->code, s->arg) == 0; break;
    }
    if (ok && s->name_has[0])
        ok = ys_has(r->name, s->name_has);
    if (ok && s->name_lacks[0])
        ok = !ys_has(r->name, s->name_lacks);
    return ok;
}

int ys_expr_sum(const ys_tableset *ts, const char *expr, const char *code,
                ys_side *s)
{
    int matched = 0;
    for (const char *p = expr; *p;) {
        const char *plus = strstr(p, " + ");
        size_t n = plus ? (size_t)(plus - p) : strlen(p);
        sel o;
        if (parse_ref(p, n, code, &o) != 0)
            return -1;
        const ys_table *t = ys_tableset_find(ts, o.table);
        if (!t)
            return -1;
        int c = ys_table_col(t, o.col);
        if (c < 0)
            return -1;
        for (size_t i = 0; i < t->nrows; i++)
            if (row_selected(&o, &t->rows[i])) {
                ys_side_add(s, t->rows[i].cells[c].v, ys_cell_line(&t->rows[i], c));
                matched++;
                if (o.how == S_TOTAL || o.how == S_CODE)
                    break;
            }
        p += n + (plus ? 3 : 0);
    }
    return matched;
}

int ys_ref_rows(const ys_tableset *ts, const char *ref, size_t n,
                const ys_table **t, int *col, const ys_row **rows, int cap)
{
    sel o;
    if (parse_ref(ref, n, NULL, &o) != 0)
        return -1;
    *t = ys_tableset_find(ts, o.table);
    if (!*t || (*col = ys_table_col(*t, o.col)) < 0)
        return -1;
    int k = 0;
    for (size_t i = 0; i < (*t)->nrows && k < cap; i++)
        if (row_selected(&o, &(*t)->rows[i]))
            rows[k++] = &(*t)->rows[i];
    return k;
}

/* What a message calls the rows one reference selects. */
static void ref_label(const ys_tableset *ts, const sel *s, char *buf, size_t cap)
{
    const ys_table *t = ys_tableset_find(ts, s->table);
    char tl[128], first[192] = "";
    int n = 0;
    for (size_t i = 0; t && i < t->nrows; i++)
        if (row_selected(s, &t->rows[i]) && n++ == 0)
            ys_row_label(&t->rows[i], first, sizeof first);
    const char *col = strcmp(s->col, "amount") ? ys_rule_col(s->col) : "";
    ys_table_label(s->table, tl, sizeof tl);
    if (s->how == S_TOTAL)
        ys_snprintf(buf, cap, "%s 合计行%s", tl, col);
    else if (s->how == S_LEVEL || s->how == S_ITEMS || s->how == S_ROWS)
        ys_snprintf(buf, cap, "%s %s%s%s%s行之和%s", tl, s->name_has[0] ? "名称含“" : "",
                 s->name_has[0] ? s->name_has : "", s->name_has[0] ? "”的" : "",
                 s->name_lacks[0] ? "名称不含该词的" : "", col);
    else if (n > 1)
        ys_snprintf(buf, cap, "%s %s等 %d 行之和%s", tl, first, n, col);
    else if (n == 1)
        ys_snprintf(buf, cap, "%s %s%s%s", tl, first, col[0] ? " " : "", col);
    else
        ys_snprintf(buf, cap, "%s（无%s行）", tl, s->arg);
}

const char *ys_expr_label(const ys_tableset *ts, const char *expr, const char *code,
                          char *buf, size_t cap)
{
    size_t o = 0;
    buf[0] = 0;
    for (const char *p = expr; *p && o + 1 < cap;) {
        const char *plus = strstr(p, " + ");
        size_t n = plus ? (size_t)(plus - p) : strlen(p);
        sel s;
        char part[384];
        if (parse_ref(p, n, code, &s) == 0)
            ref_label(ts, &s, part, sizeof part);
        else
            ys_scopy(part, sizeof part, p, n);
        int w = ys_snprintf(buf + o, cap - o, "%s%s", o ? " + " : "", part);
        o += w > 0 ? (size_t)w : 0;
        if (o >= cap)
            o = cap - 1;
        p += n + (plus ? 3 : 0);
    }
    return buf;
}

