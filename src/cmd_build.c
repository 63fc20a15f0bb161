/*
 * cmd_build.c — `yusuan build PACKAGE -o DIR [--format LIST]
 * [--rounding half-up|balanced] [--name BASE]`.
 *
 * ys_package_read → ys_package_check (error-level findings stop the build)
 * → ys_derive → ys_write_all.  Exit 0 when written, 2 when anything failed;
 * then no output file is left (ys_write_all renames into place only when
 * every format rendered).
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "yusuan/derive.h"
#include "yusuan/package.h"
#include "yusuan/writer.h"

static int usage_help(void)
{
    printf("usage: yusuan build PACKAGE -o DIR [--format txt,md,html,xlsx,csv,json]\n"
           "                    [--rounding half-up|balanced] [--name BASE]\n"
           "  -o DIR       output folder (created when missing)\n"
           "  --format     formats to write (default: all)\n"
           "  --rounding   half-up: each figure rounded on its own (default);\n"
           "               balanced: shown parts add up to shown totals\n"
           "  --name BASE  file name stem (default: budget-YEAR)\n"
           "exit: 0 written, 2 the package has errors or could not be built\n");
    return EXIT_CLEAN;
}

/* Print the package's error-level findings; return how many there were. */
static size_t report_errors(const ys_findings *f)
{
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++) {
        const ys_finding *fd = &f->v[i];
        if (fd->sev != YS_SEV_ERROR)
            continue;
        const char *m = fd->message, *sep = strstr(m, ": ");
        if (sep)
            fprintf(stderr, "%.*s: error[%s]: %s\n", (int)(sep - m), m, fd->rule, sep + 2);
        else
            fprintf(stderr, "error[%s]: %s\n", fd->rule, m);
        n++;
    }
    return n;
}

/* Create the folders above DIR (ys_write_all creates DIR itself and
 * removes it again when nothing could be written). */
static void make_parents(const char *dir)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", dir);
    for (char *s = buf + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = 0;
        mkdir(buf, 0777);
        *s = '/';
    }
}

typedef struct opts {
    const char *pkg, *out, *name;
    unsigned formats;
    ys_rounding rounding;
} opts;

static int parse(int argc, char **argv, opts *o)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        bool has = i + 1 < argc;
        if (!strcmp(a, "-h") || !strcmp(a, "--help"))
            return usage_help() - 1;
        if (!strcmp(a, "-o") && has) {
            o->out = argv[++i];
        } else if (!strcmp(a, "--format") && has) {
            int f = ys_out_parse(argv[++i]);
            if (f <= 0)
                return cli_usage("build", "unknown format in '%s'", argv[i]);
            o->formats = (unsigned)f;
        } else if (!strcmp(a, "--rounding") && has) {
            const char *v = argv[++i];
            if (!strcmp(v, "half-up"))
                o->rounding = YS_ROUND_HALF_UP;
            else if (!strcmp(v, "balanced"))
                o->rounding = YS_ROUND_BALANCED;
            else
                return cli_usage("build", "unknown rounding '%s' (half-up, balanced)", v);
        } else if (!strcmp(a, "--name") && has) {
            o->name = argv[++i];
        } else if (a[0] == '-') {
            return cli_usage("build", "unknown option '%s'", a);
        } else if (o->pkg) {
            return cli_usage("build", "one package at a time");
        } else {
            o->pkg = a;
        }
    }
    if (!o->pkg || !o->out)
        return cli_usage("build", "usage: yusuan build PACKAGE -o DIR (yusuan build --help)");
    return 0;
}

int cmd_build(int argc, char **argv)
{
    opts o = {NULL, NULL, NULL, YS_OUT_ALL, YS_ROUND_HALF_UP};
    int rc = parse(argc, argv, &o);
    if (rc)
        return rc < 0 ? EXIT_CLEAN : rc;
    ys_error err;
    memset(&err, 0, sizeof err);
    ys_package *p = NULL;
    ys_tableset *ts = NULL;
    ys_findings f;
    ys_findings_init(&f);
    int code = EXIT_FAIL;
    if (ys_package_read(o.pkg, &p, &err) != YS_OK) {
        cli_report(&err);
    } else if (ys_package_check(p, &f) != YS_OK) {
        fprintf(stderr, "yusuan: %s: 内存不足\n", o.pkg);
    } else if (report_errors(&f) > 0) {
        fprintf(stderr, "yusuan: %s: 数据包有错误，未生成任何文件\n", o.pkg);
    } else if (ys_derive(p, o.rounding, &ts, &err) != YS_OK) {
        cli_report(&err);
    } else {
        char base[128];
        snprintf(base, sizeof base, "%s", o.name ? o.name : "");
        if (!o.name)
            snprintf(base, sizeof base, "budget-%d", ts->year);
        make_parents(o.out);
        if (ys_write_all(ts, o.out, base, o.formats, &err) != YS_OK) {
            cli_report(&err);
        } else {
            printf("%s: 已生成 %s/%s.*\n", o.pkg, o.out, base);
            code = EXIT_CLEAN;
        }
    }
    ys_tableset_free(ts);
    ys_findings_free(&f);
    ys_package_free(p);
    return code;
}
