/*
 * cmd_eval.c — `yusuan eval PACKAGE --actuals FILE [--weights FILE]
 * [-o DIR] [--format md,html,xlsx] [--name BASE]` (绩效自评).
 *
 * PACKAGE is a budget package (folder or .xlsx: ys_package_read →
 * ys_derive) or a published document (ys_doc_read_file → ys_recognize);
 * either gives the indicators.  ys_evaluate scores them against the
 * actuals; the totals go to stdout and the report into DIR.  Exit 0 when
 * written, 2 when anything failed (a located message; no output file).
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "yusuan/derive.h"
#include "yusuan/doc.h"
#include "yusuan/eval.h"
#include "yusuan/package.h"
#include "yusuan/recognize.h"
#include "yusuan/writer.h"

static int usage_help(void)
{
    printf("usage: yusuan eval PACKAGE --actuals FILE [--weights FILE] [-o DIR]\n"
           "                   [--format md,html,xlsx] [--name BASE]\n"
           "  PACKAGE        budget package (folder or .xlsx) or a published document\n"
           "  --actuals FILE CSV or .xlsx: 项目,三级指标,实际值 (one row per indicator)\n"
           "  --weights FILE CSV: 一级指标,权重 (default 产出 50, 效益 30, 满意度 10, 成本 10)\n"
           "  -o DIR         report folder (default: print the totals only)\n"
           "  --format LIST  md,html,xlsx (default: all three)\n"
           "  --name BASE    file name stem (default: eval)\n"
           "exit: 0 scored (and written), 2 bad input or could not write\n");
    return EXIT_CLEAN;
}

typedef struct opts {
    const char *pkg, *actuals, *weights, *out, *name;
    unsigned formats;
} opts;

static int parse(int argc, char **argv, opts *o)
{
    o->formats = YS_OUT_MD | YS_OUT_HTML | YS_OUT_XLSX;
    o->name = "eval";
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help"))
            return -1;
        if (!strcmp(a, "--actuals") && has)
            o->actuals = argv[++i];
        else if (!strcmp(a, "--weights") && has)
            o->weights = argv[++i];
        else if (!strcmp(a, "-o") && has)
            o->out = argv[++i];
        else if (!strcmp(a, "--name") && has)
            o->name = argv[++i];
        else if (!strcmp(a, "--format") && has) {
            int f = ys_out_parse(argv[++i]);
            if (f < 0 || (f & ~(YS_OUT_MD | YS_OUT_HTML | YS_OUT_XLSX)) || !f)
                return cli_usage("eval", "--format takes md, html and/or xlsx");
            o->formats = (unsigned)f;
        } else if (a[0] == '-' && a[1])
            return cli_usage("eval", "unknown option '%s' (or its value is missing)", a);
        else if (!o->pkg)
            o->pkg = a;
        else
            return cli_usage("eval", "one PACKAGE only ('%s')", a);
    }
    if (!o->pkg || !o->actuals)
        return cli_usage("eval", "PACKAGE and --actuals FILE are required");
    if (strchr(o->name, '/'))
        return cli_usage("eval", "--name is a file name stem, without '/'");
    return 0;
}

/* A folder or an .xlsx is a package; anything else a published document. */
static bool is_package(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode))
        return true;
    size_t n = strlen(path);
    return n > 5 && !strcmp(path + n - 5, ".xlsx");
}

static int load(const char *path, ys_tableset **ts, ys_error *err)
{
    if (!is_package(path)) {
        ys_doc *doc = NULL;
        int rc = ys_doc_read_file(path, &doc, err);
        if (rc == YS_OK)
            rc = ys_recognize(doc, NULL, ts, err);
        ys_doc_free(doc);
        return rc;
    }
    ys_package *p = NULL;
    int rc = ys_package_read(path, &p, err);
    if (rc == YS_OK)
        rc = ys_derive(p, YS_ROUND_HALF_UP, ts, err);
    ys_package_free(p);
    return rc;
}

static void print_totals(const ys_evaluation *ev)
{
    char s[32];
    for (size_t p = 0; p < ev->nprojects; p++) {
        size_t shortn = 0;
        for (size_t i = ev->projects[p].first; i < ev->projects[p].first + ev->projects[p].n; i++)
            shortn += ev->items[i].status != YS_EV_MET;
        ys_eval_points(ev->projects[p].score, s, sizeof s);
        printf("%s\t%s\t未达成 %zu/%zu\n", ev->projects[p].name, s, shortn, ev->projects[p].n);
    }
    ys_eval_points(ev->total, s, sizeof s);
    printf("部门总得分\t%s\n", s);
}

int cmd_eval(int argc, char **argv)
{
    opts o = {0};
    int pr = parse(argc, argv, &o);
    if (pr < 0)
        return usage_help();
    if (pr > 0)
        return EXIT_FAIL;
    ys_error err;
    memset(&err, 0, sizeof err);
    ys_eval_weights w;
    ys_eval_weights_default(&w);
    ys_tableset *ts = NULL;
    ys_actuals *a = NULL;
    ys_evaluation *ev = NULL;
    int rc = o.weights ? ys_eval_weights_read(o.weights, &w, &err) : YS_OK;
    if (rc == YS_OK)
        rc = ys_actuals_read(o.actuals, &a, &err);
    if (rc == YS_OK)
        rc = load(o.pkg, &ts, &err);
    if (rc == YS_OK && ts->nind == 0)
        rc = ys_error_set(&err, YS_EINPUT, o.pkg, 0, "没有绩效指标可评分");
    if (rc == YS_OK)
        rc = ys_evaluate(ts, a, &w, &ev, &err);
    if (rc == YS_OK && o.out)
        rc = ys_eval_write_all(ev, o.out, o.name, o.formats, &err);
    if (rc == YS_OK)
        print_totals(ev);
    else
        cli_report(&err);
    ys_evaluation_free(ev);
    ys_actuals_free(a);
    ys_tableset_free(ts);
    return rc == YS_OK ? EXIT_CLEAN : EXIT_FAIL;
}
