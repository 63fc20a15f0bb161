/*
 * eval_report.c — the 绩效自评 report: Markdown, HTML and XLSX, and writing
 * them into a folder all-or-nothing.  libxlsxwriter is reached through
 * xlsxwriter_dl.h's table, opened on the first workbook (start-up cost).
 *
 * Owns the layout of the report: the department total, one table per
 * project (each indicator with its target, actual, status, score and
 * shortfall), then the list of what fell short.  Every input text is
 * escaped for its format (ys_buf_html; Markdown cells have | and newlines
 * escaped).  Files are rendered to temporary names in the folder and
 * renamed only when all succeeded.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yusuan/eval.h"
#include "yusuan/writer.h"
#include "xlsxwriter_dl.h"

#define TITLE "项目支出绩效自评报告"

static void md_cell(ys_buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '|')
            ys_buf_puts(b, "\\|");
        else if (*s == '\n' || *s == '\r')
            ys_buf_puts(b, " ");
        else if (*s == '<')
            ys_buf_puts(b, "&lt;");
        else if (*s == '&')
            ys_buf_puts(b, "&amp;");
        else
            ys_buf_put(b, s, 1);
    }
}

static void ratio_text(int64_t ratio, char *buf, size_t cap)
{
    if (ratio < 0) {
        snprintf(buf, cap, "—");
        return;
    }
    char p[24];
    ys_pct_format(ratio, 1, p, sizeof p);
    snprintf(buf, cap, "%s%%", p);
}

static size_t shortfalls(const ys_evaluation *ev)
{
    size_t n = 0;
    for (size_t i = 0; i < ev->nitems; i++)
        n += ev->items[i].status != YS_EV_MET;
    return n;
}

int ys_eval_write_md(const ys_evaluation *ev, ys_buf *b)
{
    char tot[32], s[32], m[32], r[32];
    ys_eval_points(ev->total, tot, sizeof tot);
    ys_buf_printf(b, "# %s\n\n", TITLE);
    ys_buf_puts(b, "部门总得分：**");
    ys_buf_puts(b, tot);
    ys_buf_puts(b, "** 分（满分 100，按项目预算加权）\n\n## 项目得分\n\n");
    ys_buf_puts(b, "| 项目 | 得分 | 指标数 |\n|---|---:|---:|\n");
    for (size_t p = 0; p < ev->nprojects; p++) {
        ys_eval_points(ev->projects[p].score, s, sizeof s);
        ys_buf_puts(b, "| ");
        md_cell(b, ev->projects[p].name);
        ys_buf_printf(b, " | %s | %zu |\n", s, ev->projects[p].n);
    }
    for (size_t p = 0; p < ev->nprojects; p++) {
        const ys_eval_project *pr = &ev->projects[p];
        ys_buf_puts(b, "\n## ");
        md_cell(b, pr->name);
        ys_buf_puts(b, "\n\n| 一级指标 | 三级指标 | 指标值 | 实际值 | 完成率 | 结果 | 得分 | 满分 | 差距 |\n"
                       "|---|---|---|---|---:|---|---:|---:|---|\n");
        for (size_t i = pr->first; i < pr->first + pr->n; i++) {
            const ys_eval_item *it = &ev->items[i];
            ys_eval_points(it->score, s, sizeof s);
            ys_eval_points(it->max, m, sizeof m);
            ratio_text(it->ratio, r, sizeof r);
            const char *cells[] = {it->l1, it->l3, it->target, it->actual ? it->actual : ""};
            for (size_t k = 0; k < 4; k++) {
                ys_buf_puts(b, "| ");
                md_cell(b, cells[k]);
                ys_buf_puts(b, " ");
            }
            ys_buf_printf(b, "| %s | %s | %s | %s | ", r, ys_eval_status_name(it->status), s, m);
            md_cell(b, it->shortfall);
            ys_buf_puts(b, " |\n");
        }
    }
    ys_buf_printf(b, "\n## 未达成目标的指标（%zu 项）\n\n", shortfalls(ev));
    for (size_t i = 0; i < ev->nitems; i++) {
        const ys_eval_item *it = &ev->items[i];
        if (it->status == YS_EV_MET)
            continue;
        ys_buf_puts(b, "- ");
        md_cell(b, it->project);
        ys_buf_puts(b, "：");
        md_cell(b, it->l3);
        ys_buf_puts(b, "，指标值 ");
        md_cell(b, it->target);
        ys_buf_puts(b, "，实际 ");
        md_cell(b, it->actual ? it->actual : "（未填报）");
        ys_buf_printf(b, "，%s", ys_eval_status_name(it->status));
        if (it->shortfall[0] && it->status != YS_EV_NO_DATA) {
            ys_buf_puts(b, "，");
            md_cell(b, it->shortfall);
        }
        ys_buf_puts(b, "\n");
    }
    return b->oom ? YS_ENOMEM : YS_OK;
}

static void td(ys_buf *b, const char *s, const char *cls)
{
    ys_buf_printf(b, "<td%s%s%s>", cls ? " class=\"" : "", cls ? cls : "", cls ? "\"" : "");
    ys_buf_html(b, s ? s : "");
    ys_buf_puts(b, "</td>");
}

int ys_eval_write_html(const ys_evaluation *ev, ys_buf *b)
{
    char tot[32], s[32], m[32], r[32];
    ys_eval_points(ev->total, tot, sizeof tot);
    ys_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                   "<title>" TITLE "</title><style>"
                   "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;"
                   "margin:1em 0}td,th{border:1px solid #999;padding:.3em .6em}"
                   "th{background:#e8eef7}.n{text-align:right}.bad{color:#b00}"
                   ".part{color:#a60}</style></head><body>\n");
    ys_buf_printf(b, "<h1>%s</h1>\n<p>部门总得分：<strong>%s</strong> 分（满分 100，按项目预算加权）</p>\n",
                  TITLE, tot);
    for (size_t p = 0; p < ev->nprojects; p++) {
        const ys_eval_project *pr = &ev->projects[p];
        ys_eval_points(pr->score, s, sizeof s);
        ys_buf_puts(b, "<h2>");
        ys_buf_html(b, pr->name);
        ys_buf_printf(b, "：%s 分</h2>\n<table><tr><th>一级指标</th><th>三级指标</th>"
                         "<th>指标值</th><th>实际值</th><th>完成率</th><th>结果</th>"
                         "<th>得分</th><th>满分</th><th>差距</th></tr>\n", s);
        for (size_t i = pr->first; i < pr->first + pr->n; i++) {
            const ys_eval_item *it = &ev->items[i];
            const char *cls = it->status == YS_EV_MET ? NULL
                            : it->status == YS_EV_PARTLY ? "part" : "bad";
            ys_eval_points(it->score, s, sizeof s);
            ys_eval_points(it->max, m, sizeof m);
            ratio_text(it->ratio, r, sizeof r);
            ys_buf_puts(b, "<tr>");
            td(b, it->l1, NULL);
            td(b, it->l3, NULL);
            td(b, it->target, NULL);
            td(b, it->actual, NULL);
            td(b, r, "n");
            td(b, ys_eval_status_name(it->status), cls);
            td(b, s, "n");
            td(b, m, "n");
            td(b, it->shortfall, cls);
            ys_buf_puts(b, "</tr>\n");
        }
        ys_buf_puts(b, "</table>\n");
    }
    ys_buf_printf(b, "<h2>未达成目标的指标（%zu 项）</h2>\n<ul>\n", shortfalls(ev));
    for (size_t i = 0; i < ev->nitems; i++) {
        const ys_eval_item *it = &ev->items[i];
        if (it->status == YS_EV_MET)
            continue;
        ys_buf_puts(b, "<li>");
        ys_buf_html(b, it->project);
        ys_buf_puts(b, "：");
        ys_buf_html(b, it->l3);
        ys_buf_puts(b, "，指标值 ");
        ys_buf_html(b, it->target);
        ys_buf_puts(b, "，实际 ");
        ys_buf_html(b, it->actual ? it->actual : "（未填报）");
        ys_buf_printf(b, "，%s", ys_eval_status_name(it->status));
        if (it->shortfall[0] && it->status != YS_EV_NO_DATA) {
            ys_buf_puts(b, "，");
            ys_buf_html(b, it->shortfall);
        }
        ys_buf_puts(b, "</li>\n");
    }
    ys_buf_puts(b, "</ul>\n</body></html>\n");
    return b->oom ? YS_ENOMEM : YS_OK;
}

/* Points as a number for the sheet (two decimals, exact via text). */
static double points_number(int64_t score)
{
    char s[32];
    ys_eval_points(score, s, sizeof s);
    return strtod(s, NULL);   /* a display value for the spreadsheet only */
}

int ys_eval_write_xlsx(const ys_evaluation *ev, const char *path, ys_error *err)
{
    const xwdl_api *W = xwdl_get(path, err);
    if (!W)
        return YS_EUNSUPPORTED;
    lxw_workbook *wb = W->workbook_new(path);
    if (!wb)
        return ys_error_set(err, YS_EIO, path, 0, "无法创建 XLSX 文件");
    lxw_format *head = W->workbook_add_format(wb);
    W->format_set_bold(head);
    lxw_format *num = W->workbook_add_format(wb);
    W->format_set_num_format(num, "0.00");
    lxw_worksheet *sum = W->workbook_add_worksheet(wb, "得分");
    lxw_worksheet *det = W->workbook_add_worksheet(wb, "指标");
    W->worksheet_write_string(sum, 0, 0, "项目", head);
    W->worksheet_write_string(sum, 0, 1, "得分", head);
    for (size_t p = 0; p < ev->nprojects; p++) {
        W->worksheet_write_string(sum, (lxw_row_t)(p + 1), 0, ev->projects[p].name, NULL);
        W->worksheet_write_number(sum, (lxw_row_t)(p + 1), 1,
                                  points_number(ev->projects[p].score), num);
    }
    W->worksheet_write_string(sum, (lxw_row_t)(ev->nprojects + 1), 0, "部门总得分", head);
    W->worksheet_write_number(sum, (lxw_row_t)(ev->nprojects + 1), 1, points_number(ev->total),
                              num);
    static const char *const cols[] = {"项目", "一级指标", "三级指标", "指标值", "实际值",
                                       "完成率", "结果", "得分", "满分", "差距"};
    for (lxw_col_t c = 0; c < 10; c++)
        W->worksheet_write_string(det, 0, c, cols[c], head);
    for (size_t i = 0; i < ev->nitems; i++) {
        const ys_eval_item *it = &ev->items[i];
        lxw_row_t r = (lxw_row_t)(i + 1);
        char ratio[32];
        ratio_text(it->ratio, ratio, sizeof ratio);
        W->worksheet_write_string(det, r, 0, it->project, NULL);
        W->worksheet_write_string(det, r, 1, it->l1, NULL);
        W->worksheet_write_string(det, r, 2, it->l3, NULL);
        W->worksheet_write_string(det, r, 3, it->target, NULL);
        W->worksheet_write_string(det, r, 4, it->actual ? it->actual : "", NULL);
        W->worksheet_write_string(det, r, 5, ratio, NULL);
        W->worksheet_write_string(det, r, 6, ys_eval_status_name(it->status), NULL);
        W->worksheet_write_number(det, r, 7, points_number(it->score), num);
        W->worksheet_write_number(det, r, 8, points_number(it->max), num);
        W->worksheet_write_string(det, r, 9, it->shortfall, NULL);
    }
    lxw_error e = W->workbook_close(wb);
    if (e != LXW_NO_ERROR)
        return ys_error_set(err, YS_EIO, path, 0, "写入 XLSX 失败：%s", W->lxw_strerror(e));
    return YS_OK;
}

/* ---- all formats, all or nothing ---------------------------------------- */

typedef struct out_file {
    unsigned bit;
    const char *ext;
    char path[1024], tmp[1100];
    bool written;
} out_file;

static int render(const ys_evaluation *ev, out_file *o, ys_error *err)
{
    if (o->bit == YS_OUT_XLSX)
        return ys_eval_write_xlsx(ev, o->tmp, err);
    ys_buf b = {0};
    int rc = o->bit == YS_OUT_MD ? ys_eval_write_md(ev, &b) : ys_eval_write_html(ev, &b);
    if (rc == YS_OK)
        rc = ys_write_atomic(o->tmp, b.p ? b.p : "", b.n, err);
    else
        ys_error_set(err, rc, o->tmp, 0, "内存不足");
    ys_buf_free(&b);
    return rc;
}

int ys_eval_write_all(const ys_evaluation *ev, const char *dir, const char *base,
                      unsigned formats, ys_error *err)
{
    out_file outs[] = {{YS_OUT_MD, "md", "", "", false},
                       {YS_OUT_HTML, "html", "", "", false},
                       {YS_OUT_XLSX, "xlsx", "", "", false}};
    size_t n = sizeof outs / sizeof *outs;
    if (mkdir(dir, 0777) != 0 && errno != EEXIST)
        return ys_error_set(err, YS_EIO, dir, 0, "无法创建输出目录");
    int rc = YS_OK;
    for (size_t i = 0; i < n && rc == YS_OK; i++) {
        if (!(formats & outs[i].bit))
            continue;
        snprintf(outs[i].path, sizeof outs[i].path, "%s/%s.%s", dir, base, outs[i].ext);
        snprintf(outs[i].tmp, sizeof outs[i].tmp, "%s/.%s.%s.part%ld", dir, base, outs[i].ext,
                 (long)getpid());
        rc = render(ev, &outs[i], err);
        outs[i].written = true;
    }
    for (size_t i = 0; i < n && rc == YS_OK; i++)
        if (outs[i].written && rename(outs[i].tmp, outs[i].path) != 0)
            rc = ys_error_set(err, YS_EIO, outs[i].path, 0, "无法写入文件");
    for (size_t i = 0; i < n; i++)
        if (outs[i].written)
            unlink(outs[i].tmp);   /* gone already when renamed */
    return rc;
}
