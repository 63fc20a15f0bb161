/*
 * findings.c — the list of findings a check produces.
 * Promise: lines kept sorted, unique and non-zero; messages owned here.
 */
#include "format.h"
#include "yusuan/findings.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "vec.h"

void ys_findings_init(ys_findings *f) { memset(f, 0, sizeof *f); }

void ys_findings_free(ys_findings *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n; i++)
        free(f->v[i].message);
    free(f->v);
    memset(f, 0, sizeof *f);
}

void ys_finding_add_line(ys_finding *fd, int line)
{
    if (line <= 0)
        return;
    int i = 0;
    while (i < fd->nlines && fd->lines[i] < line)
        i++;
    if (i < fd->nlines && fd->lines[i] == line)
        return;
    if (fd->nlines == YS_FINDING_MAXLINES)
        return;
    memmove(fd->lines + i + 1, fd->lines + i, (size_t)(fd->nlines - i) * sizeof(int));
    fd->lines[i] = line;
    fd->nlines++;
}

ys_finding *ys_findings_add(ys_findings *f, ys_severity sev, const char *rule,
                            const char *table, const int *lines, int nlines,
                            const char *expected, const char *actual,
                            const char *fmt, ...)
{
    if (ys_vec_reserve(&f->v, &f->cap, f->n, sizeof *f->v, 32) != 0)
        return NULL;
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    ys_vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char *msg = strdup(buf);
    if (!msg)
        return NULL;
    ys_finding *fd = &f->v[f->n++];
    memset(fd, 0, sizeof *fd);
    fd->sev = sev;
    fd->rule = rule;
    ys_scopy(fd->table, sizeof fd->table, table ? table : "", (size_t)-1);
    for (int i = 0; i < nlines; i++)
        ys_finding_add_line(fd, lines[i]);
    ys_scopy(fd->expected, sizeof fd->expected, expected ? expected : "", (size_t)-1);
    ys_scopy(fd->actual, sizeof fd->actual, actual ? actual : "", (size_t)-1);
    fd->message = msg;
    return fd;
}

static int cmp(const void *a, const void *b)
{
    const ys_finding *x = a, *y = b;
    int lx = x->nlines ? x->lines[0] : 0, ly = y->nlines ? y->lines[0] : 0;
    if (lx != ly)
        return lx < ly ? -1 : 1;
    if (x->sev != y->sev)
        return x->sev > y->sev ? -1 : 1;
    int c = strcmp(x->rule, y->rule);
    if (c)
        return c;
    return strcmp(x->message, y->message);
}

void ys_findings_sort(ys_findings *f)
{
    if (f->n > 1)
        qsort(f->v, f->n, sizeof *f->v, cmp);
}

size_t ys_findings_count(const ys_findings *f, ys_severity sev)
{
    size_t c = 0;
    for (size_t i = 0; i < f->n; i++)
        c += f->v[i].sev == sev;
    return c;
}

const char *ys_severity_name(ys_severity s)
{
    switch (s) {
    case YS_SEV_ERROR: return "error";
    case YS_SEV_WARNING: return "warning";
    default: return "note";
    }
}
