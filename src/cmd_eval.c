/*
 * cmd_eval.c — `yusuan eval` (placeholder until its issue lands).
 */
#include "cli.h"

int cmd_eval(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return cli_usage("eval", "not implemented yet");
}
