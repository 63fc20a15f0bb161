/*
 * forms.c — tables 11 and 12: the department-wide goal table (funds,
 * project list, goals, indicators) and the project forms.
 *
 * Owns ys_forms_read, the one entry point, and the order in which a line is
 * offered to the parts: a form title (forms_project.c), a goal heading and
 * an indicator row (forms_goals.c), then the part of the section the line
 * is in — table 11 (forms_dept.c) until the first 项目资金绩效目标申报表,
 * a project form (forms_project.c) after it.
 *
 * Promise: any line range of any document is read without crashing or
 * looping; lines that match nothing are skipped.  The only failure is
 * running out of memory (YS_ENOMEM with the line).
 */
#include "forms_internal.h"

/* Offer one line to the parts in order; the first that claims it wins. */
static int read_line(fx_ctx *c, const ys_line *ln)
{
    if (ln->ncells <= 0 || !ln->cells)
        return FX_SKIP;
    int r = fx_form_start(c, ln);
    if (r != FX_SKIP)
        return r;
    r = fx_goal_heading(c, ln);
    if (r == FX_USED && fx_rows_settle(c) == FX_NOMEM)
        return FX_NOMEM;
    if (r == FX_SKIP)
        r = fx_indicator_line(c, ln);
    if (r != FX_SKIP) {
        c->block = FX_B_NONE;
        return r;
    }
    return c->in_form ? fx_form_line(c, ln) : fx_dept_line(c, ln);
}

/* How many indicators lines[0..n) may hold: its rows of three cells or
 * more (an indicator row has its names and a value).  A capacity hint. */
static size_t indicator_rows(const ys_line *lines, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += lines[i].is_row && lines[i].ncells >= 3;
    return k;
}

int ys_forms_read(const ys_doc *doc, size_t from, size_t to, ys_tableset *ts,
                  ys_error *err)
{
    if (!doc || !ts)
        return ys_error_set(err, YS_EINPUT, doc ? doc->path : "", 0,
                            "读取绩效目标表时缺少文档或表集");
    if (to > doc->nlines)
        to = doc->nlines;
    fx_ctx c = {0};
    c.doc = doc;
    c.ts = ts;
    c.err = err;
    c.unit = ts->unit;
    c.tid = "11";
    c.ind.h_l3 = -1;
    c.proc_qty_col = -1;
    c.sum_long_col = c.sum_annual_col = -1;
    if (from >= to)
        from = to;
    if (ys_tableset_reserve_indicators(ts, indicator_rows(doc->lines + from, to - from)) != YS_OK)
        return ys_error_set(err, YS_ENOMEM, doc->path, 0, "读取绩效目标表时内存不足");
    fx_cells_open(doc->lines + from, to - from);
    int line = -1;   /* where memory ran out; 0: at the end */
    for (size_t i = from; i < to && line < 0; i++)
        if (read_line(&c, &doc->lines[i]) == FX_NOMEM)
            line = doc->lines[i].no;
    if (line < 0 && (fx_rows_settle(&c) == FX_NOMEM || fx_dept_summary_goals(&c) != YS_OK))
        line = 0;
    fx_cells_close();
    if (line >= 0)
        return ys_error_set(err, YS_ENOMEM, doc->path, line, "读取绩效目标表时内存不足");
    return YS_OK;
}
