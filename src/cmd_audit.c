/*
 * cmd_audit.c — `yusuan audit [--format text|json] [--profile NAME|FILE] FILE...`
 *
 * A thin layer: read each file (ys_doc_read_file), recognise its tables
 * (ys_recognize), run the rule table (ys_audit) and render the findings
 * (report.h).  Exit 0 when no file has an error-level finding, 1 when one
 * has, 2 when a file could not be audited (its message goes to stderr as
 * "yusuan: FILE:LINE: message" and nothing goes to stdout for it) or the
 * command line is wrong.
 */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "profile.h"   /* ys_profile_load_file: --profile FILE */
#include "yusuan/audit.h"
#include "yusuan/doc.h"
#include "yusuan/recognize.h"
#include "yusuan/report.h"

enum { FMT_TEXT, FMT_JSON };

static int usage_help(void)
{
    printf("usage: yusuan audit [--format text|json] [--profile NAME|FILE] FILE...\n"
           "  --format text   one line per finding: FILE:LINE: severity[rule]: message (default)\n"
           "  --format json   one object per file (an array when several files)\n"
           "  --profile NAME|FILE  layout profile, built in or a .profile file\n"
           "                  (default: detected from the document)\n"
           "exit: 0 no error-level finding, 1 at least one, 2 could not run\n");
    return EXIT_CLEAN;
}

/* Audit one file into its rendering.  Returns EXIT_* for this file. */
static int audit_one(const char *path, const ys_profile *prof, int fmt, ys_buf *body,
                     ys_buf *summary)
{
    ys_error err;
    memset(&err, 0, sizeof err);
    ys_doc *doc = NULL;
    ys_tableset *ts = NULL;
    ys_findings f;
    ys_findings_init(&f);
    int rc = ys_doc_read_file(path, &doc, &err);
    if (rc == YS_OK)
        rc = ys_recognize(doc, prof, &ts, &err);
    if (rc == YS_OK && (rc = ys_audit(ts, &f)) != YS_OK)
        ys_error_set(&err, rc, path, 0, "内存不足，无法完成检查");
    if (rc == YS_OK) {
        if (fmt == FMT_JSON)
            rc = ys_report_json(body, path, ts, &f);
        else
            rc = ys_report_text(body, path, &f);
        if (rc == YS_OK)
            rc = ys_report_summary(summary, path, &f);
        if (rc != YS_OK)
            ys_error_set(&err, rc, path, 0, "内存不足，无法输出结果");
    }
    int exit_code = EXIT_FAIL;
    if (rc != YS_OK) {
        if (!err.file[0])
            snprintf(err.file, sizeof err.file, "%s", path);
        if (err.line == 0 && !err.where[0])
            err.line = 1; /* the file as a whole: point at its start */
        cli_report(&err);
    } else {
        exit_code = ys_findings_count(&f, YS_SEV_ERROR) ? EXIT_FINDINGS : EXIT_CLEAN;
    }
    ys_findings_free(&f);
    ys_tableset_free(ts);
    ys_doc_free(doc);
    return exit_code;
}

int cmd_audit(int argc, char **argv)
{
    int fmt = FMT_TEXT, first = 0, nfiles = 0;
    const ys_profile *prof = NULL;
    ys_profile *loaded = NULL;
    const char *files[argc > 0 ? argc : 1];
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
            ys_profile_free(loaded);
            return usage_help();
        }
        if (!strcmp(a, "--format") && i + 1 < argc) {
            const char *v = argv[++i];
            if (!strcmp(v, "text"))
                fmt = FMT_TEXT;
            else if (!strcmp(v, "json"))
                fmt = FMT_JSON;
            else {
                ys_profile_free(loaded);
                return cli_usage("audit", "unknown format '%s' (text, json)", v);
            }
        } else if (!strcmp(a, "--profile") && i + 1 < argc) {
            const char *v = argv[++i];
            if (!(prof = ys_profile_builtin(v))) {
                ys_error err;
                memset(&err, 0, sizeof err);
                ys_profile_free(loaded);
                loaded = NULL;
                if (ys_profile_load_file(v, &loaded, &err) != YS_OK) {
                    if (!err.file[0])
                        snprintf(err.file, sizeof err.file, "%s", v);
                    if (err.line == 0 && !err.where[0])
                        err.line = 1;
                    cli_report(&err);
                    return EXIT_FAIL;
                }
                prof = loaded;
            }
        } else if (a[0] == '-' && a[1] && strcmp(a, "--") != 0) {
            ys_profile_free(loaded);
            return cli_usage("audit", "unknown option '%s'", a);
        } else if (!strcmp(a, "--")) {
            first = i + 1;
            break;
        } else {
            files[nfiles++] = a;
        }
    }
    for (int i = first; first && i < argc; i++)
        files[nfiles++] = argv[i];
    if (nfiles == 0) {
        ys_profile_free(loaded);
        return cli_usage("audit", "no file given (yusuan audit --help)");
    }

    int worst = EXIT_CLEAN, printed = 0;
    ys_buf summary = {0};
    if (fmt == FMT_JSON && nfiles > 1)
        fputs("[\n", stdout);
    for (int i = 0; i < nfiles; i++) {
        ys_buf body = {0};
        int rc = audit_one(files[i], prof, fmt, &body, &summary);
        if (rc != EXIT_FAIL) {
            if (fmt == FMT_JSON && nfiles > 1 && printed++)
                fputs(",\n", stdout);
            if (body.n)
                fwrite(body.p, 1, body.n, stdout);
            if (fmt == FMT_JSON)
                fputs("\n", stdout);
        }
        ys_buf_free(&body);
        if (rc > worst)
            worst = rc;
    }
    if (fmt == FMT_JSON && nfiles > 1)
        fputs("]\n", stdout);
    /* with several files, one count line per file after every finding */
    if (fmt == FMT_TEXT && nfiles > 1 && summary.n)
        fwrite(summary.p, 1, summary.n, stdout);
    ys_buf_free(&summary);
    ys_profile_free(loaded);
    return worst;
}
