/*
 * main.c — the yusuan command: dispatches to one file per subcommand.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct {
    const char *name;
    int (*run)(int, char **);
    const char *help;
} commands[] = {
    {"audit", cmd_audit, "audit published disclosures (text, HTML, DOCX, XLSX, PDF)"},
    {"build", cmd_build, "derive every table and the narrative from a budget package"},
    {"check", cmd_check, "check a budget package on its own"},
    {"eval", cmd_eval, "score performance indicators against year-end actuals"},
};

static void usage(FILE *f)
{
    fprintf(f, "usage: yusuan <command> [options] ...\n\ncommands:\n");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-6s %s\n", commands[i].name, commands[i].help);
    fprintf(f, "\n'yusuan <command> --help' for a command's options.\n");
}

void cli_report(const ys_error *err)
{
    char buf[1024];
    ys_error_format(err, buf, sizeof buf);
    fprintf(stderr, "yusuan: %s\n", buf);
}

int cli_usage(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "yusuan %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    return EXIT_FAIL;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_FAIL;
    }
    if (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help") || !strcmp(argv[1], "help")) {
        usage(stdout);
        return EXIT_CLEAN;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[1], commands[i].name))
            return commands[i].run(argc - 1, argv + 1);
    fprintf(stderr, "yusuan: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return EXIT_FAIL;
}
