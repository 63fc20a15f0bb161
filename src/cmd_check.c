/*
 * cmd_check.c — `yusuan check [--format text|json] PACKAGE`: the budget
 * package on its own (ys_package_read + ys_package_check).
 *
 * Same diagnostics and exit codes as `audit`: one line per finding,
 * "FILE:LINE: severity[rule]: message" (the finding's message starts with
 * its FILE:LINE); exit 0 clean, 1 error-level findings, 2 could not read.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "yusuan/package.h"
#include "yusuan/report.h"

static int usage_help(void)
{
    printf("usage: yusuan check [--format text|json] PACKAGE\n"
           "  PACKAGE        a folder of CSV files (meta, units, lines, prior, projects,\n"
           "                 project_items, texts; three_public, indicators optional)\n"
           "  --format text  FILE:LINE: severity[rule]: message (default)\n"
           "  --format json  the findings as one JSON object\n"
           "exit: 0 no error-level finding, 1 at least one, 2 could not run\n");
    return EXIT_CLEAN;
}

/* "FILE:LINE: text" → "FILE:LINE: severity[rule]: text". */
static void print_finding(const ys_finding *fd)
{
    const char *m = fd->message, *sep = strstr(m, ": ");
    if (!sep) {
        printf("%s[%s]: %s\n", ys_severity_name(fd->sev), fd->rule, m);
        return;
    }
    printf("%.*s: %s[%s]: %s\n", (int)(sep - m), m, ys_severity_name(fd->sev), fd->rule,
           sep + 2);
}

int cmd_check(int argc, char **argv)
{
    const char *path = NULL;
    bool json = false;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help"))
            return usage_help();
        if (!strcmp(argv[i], "--format") && i + 1 < argc) {
            const char *v = argv[++i];
            if (strcmp(v, "text") && strcmp(v, "json"))
                return cli_usage("check", "unknown format '%s' (text, json)", v);
            json = !strcmp(v, "json");
        } else if (argv[i][0] == '-') {
            return cli_usage("check", "unknown option '%s'", argv[i]);
        } else if (path) {
            return cli_usage("check", "one package at a time");
        } else {
            path = argv[i];
        }
    }
    if (!path)
        return cli_usage("check", "no package given (yusuan check --help)");
    ys_error err;
    memset(&err, 0, sizeof err);
    ys_package *p = NULL;
    if (ys_package_read(path, &p, &err) != YS_OK) {
        cli_report(&err);
        return EXIT_FAIL;
    }
    ys_findings f;
    ys_findings_init(&f);
    int rc = ys_package_check(p, &f);
    ys_package_free(p);
    if (rc != YS_OK) {
        ys_findings_free(&f);
        ys_error_set(&err, rc, path, 0, "内存不足，无法完成检查");
        cli_report(&err);
        return EXIT_FAIL;
    }
    if (json) {
        ys_buf b = {0};
        ys_report_json(&b, path, NULL, &f);
        fwrite(b.p, 1, b.n, stdout);
        fputs("\n", stdout);
        ys_buf_free(&b);
    } else {
        for (size_t i = 0; i < f.n; i++)
            print_finding(&f.v[i]);
    }
    int code = ys_findings_count(&f, YS_SEV_ERROR) ? EXIT_FINDINGS : EXIT_CLEAN;
    ys_findings_free(&f);
    return code;
}
