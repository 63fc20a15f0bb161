/*
 * report.c — renders findings as compiler-style text lines and as JSON.
 * Promise: every string from the input is JSON-escaped (ys_buf_json);
 * output is appended to the caller's buffer, never printed.
 */
#include "yusuan/report.h"

#include "yusuan/error.h"

/* The decimal digits of v (as %d writes them). */
static void put_int(ys_buf *b, int v)
{
    char t[16];
    size_t o = sizeof t;
    unsigned u = v < 0 ? 0u - (unsigned)v : (unsigned)v;
    do
        t[--o] = (char)('0' + u % 10);
    while (u /= 10);
    if (v < 0)
        t[--o] = '-';
    ys_buf_put(b, t + o, sizeof t - o);
}

int ys_report_text(ys_buf *b, const char *file, const ys_findings *f)
{
    /* "FILE:LINE: severity[rule]: message" pieced together (no printf
     * per finding) */
    for (size_t i = 0; i < f->n; i++) {
        const ys_finding *fd = &f->v[i];
        ys_buf_puts(b, file);
        if (fd->nlines) {
            ys_buf_puts(b, ":");
            put_int(b, fd->lines[0]);
        }
        ys_buf_puts(b, ": ");
        ys_buf_puts(b, ys_severity_name(fd->sev));
        ys_buf_puts(b, "[");
        ys_buf_puts(b, fd->rule);
        ys_buf_puts(b, "]: ");
        ys_buf_puts(b, fd->message);
        ys_buf_puts(b, "\n");
    }
    return b->oom ? YS_ENOMEM : YS_OK;
}

int ys_report_summary(ys_buf *b, const char *file, const ys_findings *f)
{
    ys_buf_printf(b, "%s: %zu 个错误, %zu 个警告, %zu 个提示\n", file,
                  ys_findings_count(f, YS_SEV_ERROR), ys_findings_count(f, YS_SEV_WARNING),
                  ys_findings_count(f, YS_SEV_NOTE));
    return b->oom ? YS_ENOMEM : YS_OK;
}

/* "key": "escaped value" (null when s is NULL). */
static void json_str(ys_buf *b, const char *key, const char *s)
{
    ys_buf_printf(b, "\"%s\": ", key);
    if (!s) {
        ys_buf_puts(b, "null");
        return;
    }
    ys_buf_puts(b, "\"");
    ys_buf_json(b, s);
    ys_buf_puts(b, "\"");
}

static void json_tables(ys_buf *b, const ys_tableset *ts)
{
    ys_buf_puts(b, "\"tables\": [");
    for (size_t i = 0; ts && i < ts->ntables; i++) {
        const ys_table *t = ts->tables[i];
        ys_buf_puts(b, i ? ",\n    {" : "\n    {");
        json_str(b, "id", t->id);
        ys_buf_puts(b, ", ");
        json_str(b, "title", t->title);
        ys_buf_printf(b, ", \"first_line\": %d, \"last_line\": %d}", t->first_line,
                      t->last_line);
    }
    ys_buf_puts(b, ts && ts->ntables ? "\n  ]" : "]");
}

static void json_unread(ys_buf *b, const ys_tableset *ts)
{
    size_t n = ts ? ts->nunread : 0;
    ys_buf_puts(b, "\"unread\": [");
    for (size_t i = 0; i < n; i++) {
        const ys_unread *u = &ts->unread[i];
        ys_buf_puts(b, i ? ",\n    {" : "\n    {");
        json_str(b, "id", u->id);
        ys_buf_puts(b, ", ");
        json_str(b, "label", u->label);
        ys_buf_printf(b, ", \"line\": %d}", u->line);
    }
    ys_buf_puts(b, n ? "\n  ]" : "]");
}

static void json_finding(ys_buf *b, const ys_finding *fd)
{
    ys_buf_puts(b, "{");
    json_str(b, "severity", ys_severity_name(fd->sev));
    ys_buf_puts(b, ", ");
    json_str(b, "rule", fd->rule);
    ys_buf_puts(b, ", ");
    json_str(b, "table", fd->table);
    ys_buf_puts(b, ", \"lines\": [");
    for (int k = 0; k < fd->nlines; k++) {
        if (k)
            ys_buf_puts(b, ", ");
        put_int(b, fd->lines[k]);
    }
    ys_buf_puts(b, "], ");
    json_str(b, "message", fd->message);
    ys_buf_puts(b, ", ");
    json_str(b, "expected", fd->expected);
    ys_buf_puts(b, ", ");
    json_str(b, "actual", fd->actual);
    ys_buf_puts(b, "}");
}

int ys_report_json(ys_buf *b, const char *file, const ys_tableset *ts,
                   const ys_findings *f)
{
    ys_buf_puts(b, "{\n  ");
    json_str(b, "file", file);
    ys_buf_puts(b, ",\n  ");
    json_str(b, "department", ts ? ts->department : NULL);
    ys_buf_printf(b, ",\n  \"year\": %d,\n  ", ts ? ts->year : 0);
    json_tables(b, ts);
    ys_buf_puts(b, ",\n  ");
    json_unread(b, ts);
    ys_buf_puts(b, ",\n  \"findings\": [");
    for (size_t i = 0; i < f->n; i++) {
        ys_buf_puts(b, i ? ",\n    " : "\n    ");
        json_finding(b, &f->v[i]);
    }
    ys_buf_puts(b, f->n ? "\n  ]\n}" : "]\n}");
    return b->oom ? YS_ENOMEM : YS_OK;
}
