/*
 * cli.h — what the subcommands of the yusuan tool share.  The tool is a
 * thin layer: it parses flags, calls libyusuan, prints, and maps results
 * to exit codes: 0 clean, 1 findings at error level, 2 could not run.
 */
#ifndef YS_CLI_H
#define YS_CLI_H

#include "yusuan/error.h"

enum { EXIT_CLEAN = 0, EXIT_FINDINGS = 1, EXIT_FAIL = 2 };

/* One entry point per subcommand (src/cmd_<name>.c). */
int cmd_audit(int argc, char **argv);
int cmd_build(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_eval(int argc, char **argv);

/* Print "yusuan: FILE:LINE: error: msg" to stderr. */
void cli_report(const ys_error *err);
/* Print a usage error and return EXIT_FAIL. */
int cli_usage(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
