/*
 * cmd_check.c — `yusuan check` (placeholder until its issue lands).
 */
#include "cli.h"

int cmd_check(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_usage("check", "not implemented yet");
}
